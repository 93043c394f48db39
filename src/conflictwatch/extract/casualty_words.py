"""The words casualty counts are read with, from the pack's ``casualties`` lexicon: casualty words
by kind, the people counted by side, and the small words around them (zeros, auxiliaries,
fillers, joins). English and French are read together, as a report may quote the other language.

    >>> from conflictwatch.knowledge import load_pack
    >>> words = CasualtyWords.from_pack(load_pack("sahel"))
    >>> words.kinds["tués"], words.sides["villagers"]
    (<CasualtyKind.KILLED: 'killed'>, <Side.CIVILIANS: 'civilians'>)

Punctuation and the readers' reach in tokens are structure, not words of a language: they stay
here in code and are added to the pack's words where a set holds both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import ConfigError
from .records import CasualtyKind, Side

if TYPE_CHECKING:
    from ..knowledge import Pack

E = TypeVar("E", CasualtyKind, Side)

#: Quotation marks, passed over between a word and the people it counts: 300 « miliciens ».
QUOTES = frozenset({"«", "»", "'", '"', "“", "”"})
SENTENCE_ENDS = frozenset({".", "!", "?", ";"})
#: Punctuation that ends the people after a count, besides the pack's ``stops``.
_STOP_MARKS = frozenset({".", ",", ";", ":", "!", "?", ")", "(", "-", "–", "—"})
#: Punctuation that adds a count to the one before, besides the pack's ``adding``.
_ADDING_MARKS = frozenset({",", ":"})
#: Punctuation that opens the shares of a count, besides the pack's ``joining``: "four people
#: were killed: three gendarmes and a civilian".
_JOINING_MARKS = frozenset({":"})
#: How far an aside between commas may run between the people counted and their verb.
ASIDE_TOKENS = 30
#: How far back (in tokens) a count looks for the toll it gives.
TOLL_REACH = 22

_FILE = "lexicon/casualties.yaml"
_AGREEMENTS = ("", "s", "e", "es")


@dataclass(frozen=True)
class CasualtyWords:
    """The casualty words of the pack in every language, built once with :meth:`from_pack` and
    given to :class:`~.casualties.CasualtyReader`, which passes them to
    :func:`~.headcounts.read_headcounts`. Each field is one key of ``casualties.yaml``."""

    kinds: Mapping[str, CasualtyKind]
    #: Words that count deaths only when there are none: "no casualties", "aucune perte".
    zero_only: frozenset[str]
    #: People by side: "soldiers" -> state ("people" in the lexicon).
    sides: Mapping[str, Side]
    #: Adjectives that tell the side of a neutral noun: "armed men", "individus armés".
    modifiers: Mapping[str, Side]
    #: Nouns that take the side of the rest of the count: "five others", "12 more".
    inheriting: frozenset[str]
    groups: frozenset[str]
    zero: frozenset[tuple[str, ...]]
    articles: frozenset[str]
    #: "the" before one person's office ("the pastor"), and those offices: one person.
    role_articles: frozenset[str]
    roles: frozenset[str]
    #: Nouns of many right after an article: "a large number of attackers" is no one person.
    collectives: frozenset[str]
    #: Verbs of saying next to one person: "a local official said" is a source, not a victim.
    speech: frozenset[str]
    aux: frozenset[str]
    #: One person's passive, in the order tried: "was", "has been", "a été".
    passive_aux: tuple[tuple[str, ...], ...]
    #: Auxiliaries of the active voice, and the word that makes them passive: after "a"/"ont"
    #: with no "été", a transitive participle was done by the people counted ("une patrouille a
    #: neutralisé un engin"), not to them.
    active_aux: frozenset[str]
    passive_marks: frozenset[str]
    transitive: frozenset[str]
    free: frozenset[str]
    negation: frozenset[str]
    #: Before a word of wounds, words that make it a death: "fatally wounded".
    fatal: frozenset[str]
    #: With the quotation marks.
    verb_fillers: frozenset[str]
    #: When an event happened, between a verb and its count: "ont tué dimanche soir douze civils".
    time_fillers: frozenset[str]
    losses: frozenset[str]
    vague_links: frozenset[str]
    #: With the comma and colon.
    adding: frozenset[str]
    joining: frozenset[str]
    share_openers: frozenset[str]
    neutralised: frozenset[str]
    #: Things a singular passive may tell of: "an explosive device was neutralised".
    things: frozenset[str]
    enumeration_openers: frozenset[str]
    #: In the order tried: "of them", "of whom", "d'entre eux".
    partitive: tuple[tuple[str, ...], ...]
    noun_links: frozenset[str]
    adjective_joins: frozenset[str]
    #: With the punctuation that ends a noun phrase.
    stops: frozenset[str]
    #: With the comma.
    connectors: frozenset[str]
    tolls: frozenset[str]
    #: Phrases that stand for a toll: "the number of people killed" (its last word ends it).
    toll_phrases: tuple[tuple[str, ...], ...]
    skippable: frozenset[str]
    #: Every word without which a sentence holds no casualty count (a cheap first test).
    cue_words: frozenset[str] = field(init=False)
    #: The first words of the zero phrases: where a zero may begin.
    zero_starts: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        cue_words = frozenset(
            {
                *self.kinds,
                *self.zero_only,
                *self.tolls,
                *self.losses,
                *(phrase[-1] for phrase in self.toll_phrases),
            }
        )
        object.__setattr__(self, "cue_words", cue_words)
        object.__setattr__(self, "zero_starts", frozenset(z[0] for z in self.zero))

    @classmethod
    def from_pack(cls, pack: Pack) -> CasualtyWords:
        """The words of the pack's ``lexicon/casualties.yaml``."""
        source = str(Path(pack.source, _FILE)) if pack.source else _FILE
        if "casualties" not in pack.lexicons:
            raise ConfigError(f"pack {pack.name!r} has no casualties lexicon; add {source}")
        return cls.from_lexicon(pack.lexicon("casualties"), source)

    @classmethod
    def from_lexicon(cls, lexicon: Mapping[str, Any], source: str = _FILE) -> CasualtyWords:
        """The words of a ``casualties.yaml`` mapping ({language: {key: ...}}); ``source`` names
        the file in errors."""
        read = _Reader(lexicon, source)
        return cls(
            kinds=read.table("kinds", CasualtyKind),
            zero_only=read.words("zero_only"),
            sides=read.table("people", Side),
            modifiers=read.table("side_adjectives", Side),
            inheriting=read.words("inheriting"),
            groups=read.words("groups"),
            zero=frozenset(read.phrases("zero")),
            articles=read.words("articles"),
            role_articles=read.words("role_articles"),
            roles=read.words("roles"),
            collectives=read.words("collectives"),
            speech=read.words("speech"),
            aux=read.words("auxiliaries"),
            passive_aux=read.phrases("passive_auxiliaries"),
            active_aux=read.words("active_auxiliaries"),
            passive_marks=read.words("passive_marks"),
            transitive=read.words("transitive"),
            free=read.words("free"),
            negation=read.words("negation"),
            fatal=read.words("fatal"),
            verb_fillers=read.words("verb_fillers") | QUOTES,
            time_fillers=read.words("time_fillers"),
            losses=read.words("losses"),
            vague_links=read.words("vague_links"),
            adding=read.words("adding") | _ADDING_MARKS,
            joining=read.words("joining") | _JOINING_MARKS,
            share_openers=read.words("share_openers"),
            neutralised=read.words("neutralised"),
            things=read.words("things"),
            enumeration_openers=read.words("enumeration_openers"),
            partitive=read.phrases("partitive"),
            noun_links=read.words("noun_links"),
            adjective_joins=read.words("adjective_joins"),
            stops=read.words("stops") | _STOP_MARKS,
            connectors=read.words("connectors") | {","},
            tolls=read.words("tolls"),
            toll_phrases=read.phrases("toll_phrases"),
            skippable=read.words("skippable"),
        )


@dataclass(frozen=True)
class _Reader:
    """One key of the lexicon in every language, English first; a key no language has is an
    error naming the key and the file."""

    lexicon: Mapping[str, Any]
    source: str
    within: str = ""  # the mapping read, for errors: "kinds."

    def entries(self, key: str) -> list[str]:
        found: list[str] = []
        for table in self.lexicon.values():
            found.extend(table.get(key, ()))
            found.extend(_agree(table.get(f"{key}_participles", ())))
        if not found:
            raise self.missing(key)
        return found

    def words(self, key: str) -> frozenset[str]:
        return frozenset(self.entries(key))

    def phrases(self, key: str) -> tuple[tuple[str, ...], ...]:
        """Phrases as tuples of tokens, in the order written: "no one" -> ("no", "one")."""
        return tuple(dict.fromkeys(tuple(phrase.split()) for phrase in self.entries(key)))

    def table(self, key: str, values: type[E]) -> dict[str, E]:
        """A {value: [words]} mapping read as {word: value}: "people" -> {"soldiers": STATE}."""
        names = dict.fromkeys(
            _stem(name) for table in self.lexicon.values() for name in table.get(key, {})
        )
        if not names:
            raise self.missing(key)
        nested = _Reader({lang: t.get(key, {}) for lang, t in self.lexicon.items()},
                         self.source, f"{self.within}{key}.")  # fmt: skip
        table: dict[str, E] = {}
        for name in names:
            try:
                value = values(name)
            except ValueError:
                known = ", ".join(v.value for v in values)
                raise ConfigError(
                    f"{self.source}: {self.within}{key}: unknown {name!r}; expected one of {known}"
                ) from None
            table.update((word, value) for word in nested.entries(name))
        return table

    def missing(self, key: str) -> ConfigError:
        return ConfigError(f"{self.source} has no {self.within + key!r}; add it under en: or fr:")


def _stem(name: str) -> str:
    return name.removesuffix("_participles")


def _agree(stems: Iterable[str]) -> list[str]:
    """French participles in all four agreements: "tué" -> tué, tués, tuée, tuées."""
    return [stem + ending for stem in stems for ending in _AGREEMENTS]
