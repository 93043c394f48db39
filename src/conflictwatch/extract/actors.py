"""Actors named in a text: pack aliases found by whole words, resolved to canonical names.

:class:`ActorFinder` indexes every alias of a knowledge pack by its first folded word and walks
the words of a text once, taking the longest alias that starts at each word ("hommes armés non
identifiés" over "hommes armés"). Matching ignores case and accents, except for acronyms written
with several capitals ("FAMa", "GSIM", "MSA"), which must appear in capitals so that common words
do not turn into armed groups. Names resolve for the report's date and country: "FAMa" in 2019 is
"Military Forces of Mali (2013-2020)", "gunmen" in Burkina Faso is "Unidentified Armed Group
(Burkina Faso)", and a lower-case generic descriptor ("soldiers", "l'armée") becomes that
country's forces.

:meth:`ActorFinder.assign_roles` then says who acted (actor1) and who was acted upon (actor2),
with the pack's words for sources, backers, agents, claims and passives (:class:`RoleCues`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..knowledge import Pack, fold
from ..model import Actor
from ..taxonomy import ActorType
from .cues import compile_rule, phrases
from .records import ActorMention, Span

__all__ = ["ActorFinder", "RoleCues"]

_WORDS = re.compile(r"[^\W_]+")
#: Actor types of the armed groups gunmen may be said to belong to.
_GROUPS = frozenset(
    {ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA}
)
_VARIANT = re.compile(r"^(.*\S)\s*\([^()]*\)$")


@dataclass(frozen=True)
class _Alias:
    words: tuple[str, ...]
    written: str
    actor: Actor
    exact_case: bool  # an acronym such as "FAMa": only "FAMa" or "FAMA" in the text
    capital: bool  # an everyday word that names an actor only when capitalised
    generic: bool  # "soldiers": the forces of the report's country
    pattern: re.Pattern[str] | None  # the whole alias on folded text, for aliases of several words


class ActorFinder:
    """Finds pack actors in text. Build once per pack and language; :meth:`find` is pure.

    >>> finder = ActorFinder(load_pack("sahel"), "en")
    >>> [m.name for m in finder.find("JNIM fighters attacked FAMa", on=dt.date(2019, 5, 1))]
    ['JNIM: Group for Support of Islam and Muslims', 'Military Forces of Mali (2013-2020)']
    """

    def __init__(self, pack: Pack, lang: str) -> None:
        self.pack = pack
        self.lang = lang
        cues = pack.lexicon("cues")
        self.roles = RoleCues.from_lexicon(cues)
        # Single words that are aliases but also everyday words; they count only when capitalised.
        needs_capital = frozenset(phrases(cues, "needs_capital"))
        self._fold_table = _fold_table()
        stems = {fold(c.name).split()[0][:5] for c in pack.countries}
        stems |= {fold(c.name_fr).split()[0][:5] for c in pack.countries if c.name_fr}
        self._countries = {c.iso2: c for c in pack.countries}
        self._country_names = {fold(n) for c in pack.countries for n in (c.name, c.name_fr) if n}
        index: dict[str, list[_Alias]] = {}
        # Lower-case descriptors are words of one language: French "militants" are a party's
        # activists, not the armed militants of English.
        own_words = {(actor.name, written) for actor in pack.actors
                     for code, names in actor.aliases.items() if code == lang for written in names}  # fmt: skip
        foreign_only = lang in ("en", "fr")
        for written, actor in pack.alias_items():
            words = tuple(fold(written).split())
            if not words:
                continue
            if foreign_only and written[:1].islower() and (actor.name, written) not in own_words:
                continue
            capitals = sum(ch.isupper() for ch in written)
            single = len(words) == 1
            alias = _Alias(
                words=words,
                written=written,
                actor=actor,
                exact_case=single and capitals >= 2,
                capital=words[-1] in needs_capital and len(words) <= 2,  # "la Plateforme"
                generic=written[:1].islower()
                and not any(w.startswith(s) for w in words for s in stems),
                pattern=None if single else _phrase(words, self._fold_table),
            )
            index.setdefault(words[0], []).append(alias)
        for aliases in index.values():
            aliases.sort(key=lambda a: len(a.words), reverse=True)
        self._index = index
        self._by_base: dict[str, str] = {}
        for actor in pack.actors:
            self._by_base.setdefault(_base(actor.name), actor.name)

    def find(
        self, text: str, *, on: dt.date | None = None, country: str | None = None
    ) -> list[ActorMention]:
        """Actor mentions in ``text`` (offsets into it), in order, without overlaps."""
        lowered = self._lower(text)
        found: list[ActorMention] = []
        resume = 0
        index, table = self._index, self._fold_table
        for word in _WORDS.finditer(lowered):
            if word.start() < resume:
                continue
            key = word.group()
            aliases = index.get(key)
            if aliases is None:
                if key.isascii():
                    continue
                aliases = index.get(key.translate(table))  # accents: "armée" -> "armee"
                if aliases is None:
                    continue
            hit = self._match(text, lowered, word.start(), aliases)
            if hit is None:
                continue
            alias, end = hit
            start = word.start()
            actor = self._resolve(alias, on, country)
            last = found[-1] if found else None
            if last and last.name == actor.name and not text[last.end : start].strip(" -"):
                start = last.start  # "FAMa troops", "les militaires FDS": one mention
                found.pop()
            elif (last and last.name.startswith("Unidentified")
                    and not actor.name.startswith("Unidentified")
                    and actor.actor_type in _GROUPS
                    and self.roles.member_of.match(text[last.end : start])):  # fmt: skip
                start = last.start  # "les jihadistes de Boko Haram": the group named
                found.pop()
            found.append(
                ActorMention(
                    actor.name, actor.actor_type, start, end, text[start:end], actor.family
                )
            )
            resume = end
        return found

    def _match(
        self, text: str, folded: str, start: int, aliases: list[_Alias]
    ) -> tuple[_Alias, int] | None:
        for alias in aliases:
            if alias.pattern is None:
                end = start + len(alias.words[0])
            else:
                whole = alias.pattern.match(folded, start)
                if whole is None:
                    continue
                end = whole.end()
            written = text[start:end]
            if alias.exact_case and written not in (alias.written, alias.written.upper()):
                continue
            if alias.capital and not written.split()[-1][:1].isupper():
                continue
            return alias, end
        return None

    def _resolve(self, alias: _Alias, on: dt.date | None, country: str | None) -> Actor:
        if self._foreign(alias.actor):
            country = None  # "French aid workers" in Niger stay "Civilians (France)"
        actor = self.pack.actor_for(alias.actor.name, on=on, country=country) or alias.actor
        if not (alias.generic and country and country != actor.country):
            return actor
        source, target = self._countries.get(actor.country), self._countries.get(country)
        if source is None or target is None or source.name not in actor.name:
            return actor
        other = self._by_base.get(_base(actor.name).replace(source.name, target.name))
        if other is None:
            return actor
        return self.pack.actor_for(other, on=on, country=country) or actor

    def _foreign(self, actor: Actor) -> bool:
        """Whether the bracket of an actor's name is a nationality outside the pack's countries
        ("Civilians (France)", "Civilians (International)"), not a period or a pack country."""
        match = _VARIANT.match(actor.name)
        if match is None:
            return False
        bracket = actor.name[match.end(1) :].strip(" ()")
        return not any(ch.isdigit() for ch in bracket) and fold(bracket) not in self._country_names

    def _lower(self, text: str) -> str:
        """Lower case, one character for one, so offsets stay those of ``text``."""
        lowered = text.lower()
        if len(lowered) == len(text):
            return lowered
        return "".join(c.lower()[:1] or c for c in text)

    def assign_roles(
        self, text: str, actors: Sequence[ActorMention], trigger: Span | None
    ) -> tuple[ActorMention | None, ActorMention | None]:
        """Actor1 (who acts) and actor2 (the target) among ``actors`` found in ``text``.

        ``trigger`` is the event word ("attacked", "tués") with offsets into ``text``. Passive
        agents ("killed by militants", "tués par des djihadistes") and claimants ("JNIM claimed
        the attack", "revendiquée par l'EIGS") are actor1; sources ("according to the army") and
        supporting forces ("backed by Wagner") play no role. Civilians are never actor1 when
        someone else is there, and alone they are actor2. The cues cover English and French
        whatever the finder's language.
        """
        cues = self.roles
        mentions = sorted(actors, key=lambda m: m.start)
        players = [m for m in mentions if not _before(text, m, cues.source, cues.associate)]
        if not players:
            players = mentions
        if not players:
            return None, None
        accused = next((m for m in players if _before(text, m, cues.accused)), None)
        if accused is not None:
            # "Les rebelles accusent l'armée d'avoir tué 21 civils": the accused is the doer, the
            # accusers only speak; the target is among the others.
            others = [m for m in players if m.start > accused.start and m.name != accused.name]
            return _civilians_last(accused, others[0] if others else None)
        actor1 = _agent(text, players, cues)
        actor2: ActorMention | None = None
        if actor1 is None and trigger is not None:
            # A trigger read from a toll may hold its subject: "soldiers were killed".
            verb = max((m.end for m in players if trigger.start <= m.start and m.end <= trigger.end),
                       default=trigger.start)  # fmt: skip
            before = [m for m in players if m.end <= verb]
            after = [m for m in players if m.start >= trigger.end]
            subject = before[-1] if before else None
            stop = trigger.end if verb > trigger.start else trigger.start
            if subject is not None and cues.passive.search(text, subject.end, stop):
                actor2 = subject  # "soldiers were killed": the subject suffered it
                actor1 = next((m for m in after if m.name != subject.name), None)
            else:
                actor1 = _first_joined(text, before, cues)
                actor2 = next((m for m in after if actor1 is None or m.name != actor1.name), None)
                if actor2 is None and after and actor1 is not None:
                    # The same kind of actor on both sides ("gunmen attacked gunmen").
                    actor2 = after[0]
        if actor1 is None and actor2 is None:
            actor1 = players[0]
        if actor2 is None:
            actor2 = _other(players, actor1)
        return _civilians_last(actor1, actor2)

    def denying(self, text: str, mention: ActorMention) -> bool:
        """Whether the actor is told denying what happened ("JNIM issued a statement denying
        any involvement", "le JNIM a démenti"): no side of it."""
        return self.roles.denied.match(text, mention.end) is not None

    def supporting(self, text: str, actors: Sequence[ActorMention]) -> list[ActorMention]:
        """The actors ``text`` names as backing a side ("soldiers backed by Wagner", "appuyés
        par les FAMa"): they play no main role; ACLED lists them as associated actors."""
        return [m for m in actors if _before(text, m, self.roles.associate)]


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        if not char.islower():
            continue  # the text is lowered first
        bare = "".join(
            c for c in unicodedata.normalize("NFKD", char.lower()) if not unicodedata.combining(c)
        )
        if len(bare) == 1 and bare != char:
            table[code] = bare
    return table


def _phrase(words: tuple[str, ...], table: dict[int, str]) -> re.Pattern[str]:
    """A pattern for folded ``words`` over lower-cased text: accents optional, any separators."""
    variants: dict[str, str] = {}
    for code, bare in table.items():
        if bare.isalpha():
            variants[bare] = variants.get(bare, bare) + chr(code)
    spelled = [
        "".join(f"[{variants[c]}]" if c in variants else re.escape(c) for c in word)
        for word in words
    ]
    return re.compile(r"[\W_]+".join(spelled) + r"(?![^\W_])")


def _base(name: str) -> str:
    match = _VARIANT.match(name)
    return match.group(1) if match else name


# --- roles ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleCues:
    """The words by which a sentence tells who acted and who only backed, reported or suffered
    it, compiled once from the pack's ``cues`` lexicon (both languages in each pattern).

        roles = RoleCues.from_lexicon(pack.lexicon("cues"))
    """

    #: Forces told as backing a side: "soldiers backed by Wagner", "appuyés par les FAMa".
    associate: re.Pattern[str]
    #: A source, not a side: "according to the army", "selon l'armée".
    source: re.Pattern[str]
    #: A passive agent: "killed by suspected jihadists"; the word before "by" is ``before``.
    agent: re.Pattern[str]
    #: Words before "by" that make the actor the author of a text: "a statement released by".
    not_agent_before: frozenset[str]
    #: "by" then at most one word at the end of the text before an actor: "claimed by the ".
    by_agent: re.Pattern[str]
    #: "by" right after a claim: the claimant follows it rather than comes before.
    by_after: re.Pattern[str]
    #: A claim: "JNIM claimed the attack".
    claimed: re.Pattern[str]
    #: A claim right before the words that name its claimant: "claimed by", "revendiquée par".
    claimed_by: re.Pattern[str]
    #: A passive between a subject and its verb: "soldiers were killed", "ont été tués".
    passive: re.Pattern[str]
    #: Between gunmen no one named and the group they belong to: "fighters of", "jihadistes de".
    member_of: re.Pattern[str]
    #: An accusation right before the accused: "accusent l'armée malienne d'avoir tué", "blamed
    #: jihadists for": the accused acted; the accuser only speaks.
    accused: re.Pattern[str]
    #: A denial right after an actor: "JNIM issued a statement denying any involvement".
    denied: re.Pattern[str]
    #: Between two subjects of one verb: "Malian soldiers and foreign armed men executed".
    joined: re.Pattern[str]

    @classmethod
    def from_lexicon(cls, cues: Mapping[str, Any]) -> RoleCues:
        return cls(
            associate=compile_rule(
                r"\b(?:%(associate_patterns)s)(?:\s+(?:%(associate_linking)s))?\s+"
                r"(?:(?:%(associate_articles)s)\s+|%(elided_articles_patterns)s)?"
                r"(?:(?:%(associate_qualifiers_patterns)s|[A-Z][\w-]+)\s+)?$",
                cues,
            ),
            source=compile_rule(
                r"\b(?:%(source_patterns)s)\s+"
                r"(?:(?:%(source_articles)s)\s+|%(elided_articles_patterns)s)?(?:\w+\s+){0,2}$",
                cues,
            ),
            agent=compile_rule(
                r"\b(?P<before>[\w'’-]+)\s+(?:%(agent_by)s)\s+"
                r"(?:(?:%(agent_determiners_patterns)s)\s+|%(elided_articles_patterns)s)*$",
                cues,
            ),
            not_agent_before=frozenset(phrases(cues, "not_agents")),
            # These two match "by" as written, case and all.
            by_agent=compile_rule(r"\b(?-i:%(agent_by)s)\s+\S*$", cues),
            by_after=compile_rule(r"\s*(?-i:%(agent_by)s)\b", cues),
            claimed=compile_rule(r"\b(?:%(claimed_patterns)s)\b", cues),
            claimed_by=compile_rule(r"(?:%(claimed_by_patterns)s)\s+$", cues),
            passive=compile_rule(r"\b(?:%(passive_patterns)s)\b", cues),
            member_of=compile_rule(r"^\s+(?:%(member_of_patterns)s)\s*$", cues),
            accused=compile_rule(
                r"\b(?:%(accusing_patterns)s)\s+"
                r"(?:(?:%(agent_determiners_patterns)s)\s+|%(elided_articles_patterns)s)*$",
                cues,
            ),
            denied=compile_rule(r"[^.;]{0,50}?\b(?:%(denial)s)\b", cues),
            joined=compile_rule(
                r"^\s*,?\s*(?:%(joined_subjects_patterns)s)\s+"
                r"(?:(?:%(agent_determiners_patterns)s)\s+|%(elided_articles_patterns)s)?"
                r"(?:[\w'’-]+\s+){0,2}$",
                cues,
            ),
        )


def _before(text: str, mention: ActorMention, *patterns: re.Pattern[str]) -> bool:
    window = text[max(0, mention.start - 60) : mention.start]
    return any(p.search(window) for p in patterns)


def _agent(text: str, players: list[ActorMention], cues: RoleCues) -> ActorMention | None:
    """The actor a passive verb, an attack noun or a claim names as the doer."""
    for mention in players:
        window = text[max(0, mention.start - 60) : mention.start]
        if cues.claimed_by.search(window.rstrip().rsplit(" ", 1)[0] + " ") and (
            cues.by_agent.search(window)
        ):
            return mention
        agent = cues.agent.search(window)
        if agent and agent["before"].lower() not in cues.not_agent_before:
            return mention
    for claim in cues.claimed.finditer(text):
        before = [m for m in players if m.end <= claim.start()]
        if before and not cues.by_after.match(text[claim.end() :]):
            return before[-1]
    return None


def _first_joined(text: str, before: list[ActorMention], cues: RoleCues) -> ActorMention | None:
    """The subject of a verb among the actors named before it: the last, or the first of those
    joined to it ("Malian soldiers and foreign armed men executed": the soldiers)."""
    if not before:
        return None
    k = len(before) - 1
    while (
        k > 0
        and before[k - 1].family != "civilians"
        and cues.joined.match(text[before[k - 1].end : before[k].start])
    ):
        k -= 1
    return before[k]


def _other(players: list[ActorMention], actor1: ActorMention | None) -> ActorMention | None:
    others = [m for m in players if m is not actor1]
    if actor1 is None:
        return others[0] if others else None
    return next((m for m in others if m.name != actor1.name), None)


def _civilians_last(
    actor1: ActorMention | None, actor2: ActorMention | None
) -> tuple[ActorMention | None, ActorMention | None]:
    if actor1 is not None and actor1.family == "civilians":
        if actor2 is None:
            return None, actor1
        if actor2.family != "civilians":
            return actor2, actor1
    return actor1, actor2
