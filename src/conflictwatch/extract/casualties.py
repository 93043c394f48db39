"""Reading casualty counts: how many people were killed, wounded, abducted, missing or arrested.

A count is a number (or "a soldier", "no one") joined to a casualty word in one of four ways:

- the word follows the number: "30 dead", "cinq blessés", "fait 25 victimes";
- a verb comes before: "killed 12 soldiers", "ont tué une dizaine de civils";
- a verb comes after the people counted: "12 soldiers were killed", "20 personnes enlevées",
  "five gendarmes and two civilians were killed" (each count its own record);
- a toll: "the death toll rose to 50", "le bilan s'élève à 50".

The side comes from the noun counted (soldiers -> state, assailants -> attackers, villagers ->
civilians); a bare count ("et cinq blessés") takes the side of the count before it in the
sentence. Background totals are returned too: whether a count belongs to an event is the
caller's decision. Years are never counts. The reader walks tokens with bounded look-around,
so it is linear in the size of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .numbers import NumberReader, Token, tokenize
from .records import Casualty, CasualtyKind, Side

V = TypeVar("V")

K, W, A, M, R = (
    CasualtyKind.KILLED,
    CasualtyKind.WOUNDED,
    CasualtyKind.ABDUCTED,
    CasualtyKind.MISSING,
    CasualtyKind.ARRESTED,
)


def _agree(*stems: str) -> list[str]:
    """French participles in all four agreements: "tué" -> tué, tués, tuée, tuées."""
    return [stem + ending for stem in stems for ending in ("", "s", "e", "es")]


def _table(groups: Iterable[tuple[V, Iterable[str]]]) -> dict[str, V]:
    return {word: value for value, words in groups for word in words}


KINDS: dict[str, CasualtyKind] = _table([
    (K, ["killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "death", "deaths",
         "fatalities", "slain", "slaughtered", "massacred", "executed", "murdered", "perished",
         "neutralised", "neutralized", "neutralising", "neutralizing", "neutralise", "neutralize",
         "victims", "lives", "neutraliser",
         "tuant", "tue", "tuent", "tuer", "décès", "péri", "victime", "victimes", "vie",
         "neutralisant", "abattant", "exécutant",
         *_agree("tué", "mort", "décédé", "neutralisé", "abattu", "exécuté", "massacré",
                 "assassiné")]),
    (W, ["wounded", "wounding", "injured", "injuring", "injuries", "hurt", "blessant",
         "blessures", *_agree("blessé")]),
    (A, ["abducted", "abducting", "kidnapped", "kidnapping", "hostage", "hostages", "captured",
         "enlevant", "kidnappant", "otage", "otages", *_agree("enlevé", "kidnappé", "séquestré")]),
    (M, ["missing", "disappeared", "unaccounted", *_agree("disparu")]),
    (R, ["arrested", "arresting", "detained", "apprehended", "arrests", "arrêtant",
         "interpellations", *_agree("arrêté", "interpellé", "appréhendé")]),
])  # fmt: skip

#: Words that count casualties only when there are none: "no casualties", "aucune perte".
ZERO_ONLY: dict[str, CasualtyKind] = {
    w: K for w in ("casualties", "casualty", "losses", "loss", "pertes", "perte")
}

SIDES: dict[str, Side] = _table([
    (Side.STATE, ["soldier", "soldiers", "troop", "troops", "gendarme", "gendarmes", "police",
                  "policeman", "policemen", "officers", "servicemen", "guards", "peacekeepers",
                  "vdp", "fama", "fds", "forces", "soldat", "soldats", "militaire", "militaires",
                  "policier", "policiers", "gardes", "douaniers", "casques", "volontaires"]),
    (Side.ATTACKERS, [
        "militant", "militants", "jihadist", "jihadists", "terrorist", "terrorists", "assailant",
        "assailants", "attacker", "attackers", "fighter", "fighters", "rebel", "rebels",
        "insurgent", "insurgents", "gunman", "gunmen", "extremists", "islamists", "bandits",
        "bombers", "assaillant", "assaillants", "terroriste", "terroristes", "djihadiste",
        "djihadistes", "jihadiste", "jihadistes", "combattant", "combattants", "rebelle",
        "rebelles", "insurgés", "islamistes", "kamikazes", "militiamen", "militiaman", "miliciens",
        "milicien"]),
    (Side.CIVILIANS, [
        "civilian", "civilians", "villager", "villagers", "resident", "residents", "woman",
        "women", "child", "children", "passenger", "passengers", "worshippers", "farmers",
        "herders", "traders", "students", "pupils", "teachers", "miners", "travellers",
        "drivers", "displaced", "teacher", "student", "farmer", "herder", "trader", "miner",
        "driver", "pupil", "worshipper", "imam", "civil", "civils", "villageois", "habitant", "habitants", "femme",
        "femmes", "enfant", "enfants", "passager", "passagers", "fidèles", "cultivateurs",
        "agriculteurs", "éleveurs", "commerçants", "élèves", "enseignants", "orpailleurs",
        "voyageurs", "chauffeurs", "déplacés", "enseignant", "élève", "commerçant", "chauffeur",
        "éleveur", "cultivateur", "agriculteur", "orpailleur", "voyageur", "fidèle",
        "humanitarian", "humanitarians", "journalist", "journalists", "tourist", "tourists",
        "workers", "fishermen", "shepherds", "pilgrims", "humanitaire", "humanitaires",
        "journaliste", "journalistes", "touriste", "touristes", "ouvriers", "pêcheurs",
        "bergers", "pèlerins", "employés", "expatriés"]),
    (Side.UNKNOWN, [
        "people", "persons", "person", "personne", "personnes", "individuals", "individual",
        "individus", "individu", "men", "man", "homme", "hommes", "others", "other", "autres",
        "more", "members", "membres", "elements", "éléments", "suspects", "suspect", "chief",
        "chef", "mayor", "maire", "official", "officials", "responsable", "prisoners",
        "prisonniers", "detainees", "détenus"]),
])  # fmt: skip

#: Adjectives that tell the side of a neutral noun: "armed men", "individus armés".
MODIFIERS: dict[str, Side] = _table([
    (Side.ATTACKERS, ["armed", "armés", "armé", "terrorist", "jihadist", "suspected"]),
    (Side.STATE, ["military", "army", "security"]),
    (Side.CIVILIANS, ["civilian"]),
])  # fmt: skip

#: Nouns that take the side of the rest of the count: "five others", "12 more".
INHERITING = frozenset({"others", "other", "autres", "more"})
GROUPS = frozenset({"members", "membres", "elements", "éléments"})
ZERO = {("no",), ("aucun",), ("aucune",), ("nobody",), ("none",), ("no", "one"), ("pas", "de"),
        ("sans", "faire", "de"), ("personne", "n'"), ("not", "a", "single"),
        ("pas", "fait", "de"), ("pas", "eu", "de"), ("pas", "causé", "de")}  # fmt: skip
ARTICLES = frozenset({"a", "an", "un", "une"})
AUX = frozenset({
    "was", "were", "has", "have", "had", "been", "being", "are", "is", "be", "got", "who",
    "a", "ont", "été", "sont", "est", "furent", "fut", "avaient", "auraient", "aurait",
    "seraient", "serait", "étaient", "était", "qui", "n'", "y",
})  # fmt: skip
FREE = frozenset({
    "reportedly", "allegedly", "also", "all", "both", "later", "reported", "believed", "feared",
    "confirmed", "to", "subsequently", "apparently", "lost", "their", "taken", "held", "shot",
    "également", "aussi", "tous", "toutes", "ainsi", "perdu", "la", "leur", "pris", "en",
    "respectivement", "notamment", "probablement", "finalement", "grièvement", "légèrement",
    "the", "of", "and", "de", "des", "du", "le", "les", "l'", "et", "in", "à", "au", "aux",
})  # fmt: skip
NEGATION = frozenset({"not", "never", "pas", "ne", "jamais", "no"})
VERB_FILLERS = frozenset({"a", "an", "the", "of", "another", "some", "total", "à", "de", "les",
                          "des", "un", "une", "«", "»", "'", '"', "“", "”"})  # fmt: skip
QUOTES = frozenset({"«", "»", "'", '"', "“", "”"})
#: Words for a side's losses, read as deaths only before people of a known side: "lost five
#: soldiers", "la perte de dix soldats", "avoir perdu neuf combattants" (not "lost 3 vehicles").
LOSSES = frozenset({"lost", "loss", "losses", "losing", "perdu", "perte", "pertes", "perdant"})
#: Words that add a count to the one before it: "19 dead, as well as two of the attackers".
ADDING = frozenset({",", "and", "et", "as", "well", "ainsi", "que", "along", "together", "with",
                    "plus", "including", "dont", "notamment", "among", "them", "parmi", "eux",
                    "lesquels", ":"})  # fmt: skip
#: The words of ADDING that join a count to the one before ("," and "and" alone do not).
JOINING = frozenset({"as", "ainsi", "along", "together", "plus", "including", "dont", "notamment",
                     "among", "parmi"})  # fmt: skip
#: Words that open an aside naming a share of the count before: ", dont dix-neuf gendarmes,".
SHARE_OPENERS = frozenset({"dont", "including", "notamment", "among", "parmi"})
#: After a count, words that make the next count a share of it: "22 people, 19 of them".
PARTITIVE = (("of", "them"), ("of", "whom"), ("d'", "entre", "eux"), ("d'", "entre", "elles"))
NOUN_LINKS = frozenset({"of", "de", "des", "du", "the", "among", "parmi", "les"})
STOPS = frozenset({".", ",", ";", ":", "!", "?", ")", "(", "-", "–", "—", "and", "in", "on",
                   "at", "near", "during", "when", "while", "including", "after", "as", "et",
                   "dans", "à", "au", "lors", "près", "pendant", "dont", "parmi", "après"})  # fmt: skip
CONNECTORS = frozenset({",", "and", "et"})
SENTENCE_ENDS = frozenset({".", "!", "?", ";"})
TOLLS = frozenset({"toll", "bilan"})
_WORD = re.compile(r"\w+")
#: How far an aside between commas may run between the people counted and their verb.
ASIDE_TOKENS = 30
#: How far back (in tokens) a count looks for the toll it gives.
TOLL_REACH = 22
SKIPPABLE = frozenset({"others", "other", "more", "additional", "autres", "supplémentaires"})


@dataclass
class _Unit:
    """A counted group: the number phrase and, when given, the people it counts."""

    first: int  # token index of the count
    last: int  # token after the count
    end: int  # token after the noun phrase (== last without a noun)
    value: int
    vague: bool = False
    low: int | None = None
    high: int | None = None
    side: Side | None = None  # None: no noun
    zero: bool = False
    inherits: bool = False


#: Every word without which a sentence holds no casualty count (a cheap first test).
_CUE_WORDS = frozenset({*KINDS, *ZERO_ONLY, *TOLLS, *LOSSES})


class CasualtyReader:
    """Casualty counts in one language; numbers are read by the injected :class:`NumberReader`."""

    def __init__(self, lang: str, numbers: NumberReader) -> None:
        self.lang = lang
        self.numbers = numbers
        self._zero_len = max(len(z) for z in ZERO)

    def casualties(self, text: str) -> list[Casualty]:
        """Counts of people killed, wounded, abducted, missing or arrested, in text order."""
        if _CUE_WORDS.isdisjoint(_WORD.findall(text.lower())):
            return []  # no casualty word at all: most sentences of a report
        tokens = tokenize(text)
        norms = [t.norm for t in tokens]
        sentence = _sentences(norms)
        units = self._units(tokens, norms)
        by_first = {u.first: u for u in units}
        used: set[int] = set()  # kind-word tokens already read
        found: list[tuple[int, _Unit, CasualtyKind, int, int]] = []  # order, unit, kind, span
        kinds: dict[int, CasualtyKind] = {}
        counted = {i for u in units for i in range(u.first, u.last)}
        last: tuple[int, CasualtyKind] | None = None  # where the last count read ends, its kind
        for n, unit in enumerate(units):
            hit = self._after_count(norms, unit) or self._verb_before(norms, unit)
            hit = hit or self._verb_after(norms, unit, by_first)
            hit = hit or self._passive_after_aside(norms, unit, by_first)
            if hit is None and n and unit.first in _joined(norms, units[n - 1]):
                previous = kinds.get(units[n - 1].first)
                if previous is not None:
                    hit = (previous, -1)
            if (hit is None and last is not None and unit.side is not None and not unit.zero
                    and _added(norms, last[0], unit.first)):  # fmt: skip
                hit = (last[1], -1)  # "left 19 people dead, as well as two of the attackers"
            if hit is None and not unit.zero:
                toll = self._toll(norms, unit, sentence, counted)
                hit = (K, toll) if toll is not None else None
            if hit is None:
                continue
            kind, at = hit
            kinds[unit.first] = kind
            if at >= 0:
                used.add(at)
            lo = min(unit.first, at) if at >= 0 else unit.first
            hi = max(unit.end, at + 1)
            found.append((tokens[lo].start, unit, kind, lo, hi))
            last = (hi, kind)
        found.extend(self._singular_passives(tokens, norms, used))
        return self._records(text, tokens, sentence, sorted(found, key=lambda f: f[0]))

    # --- units ---------------------------------------------------------------------------------

    def _units(self, tokens: Sequence[Token], norms: list[str]) -> list[_Unit]:
        units: list[_Unit] = []
        taken: set[int] = set()
        for i, word in enumerate(norms):
            if word in (
                "no",
                "aucun",
                "aucune",
                "nobody",
                "none",
                "pas",
                "sans",
                "personne",
                "not",
            ):
                for size in range(self._zero_len, 0, -1):
                    if tuple(norms[i : i + size]) in ZERO:
                        units.append(self._noun(norms, _Unit(i, i + size, i + size, 0, zero=True)))
                        taken.update(range(i, i + size))
                        break
        for mention in self.numbers.mentions_in(tokens):
            if taken.intersection(range(mention.first, mention.last)):
                continue
            unit = self._noun(
                norms,
                _Unit(mention.first, mention.last, mention.last, mention.value, mention.vague,
                      mention.low, mention.high),
            )  # fmt: skip
            if unit.side is None and (_is_year(norms, mention.first, mention.last)
                                      or _is_day(norms, mention.first, mention.last)):  # fmt: skip
                continue
            units.append(unit)
            taken.update(range(mention.first, mention.last))
        for i, word in enumerate(norms):
            if word in ARTICLES and i not in taken:
                unit = self._noun(norms, _Unit(i, i + 1, i + 1, 1))
                if unit.side is not None:
                    units.append(unit)
        units = [u for u in units if not (u.zero and u.side is None and not _zero_ok(norms, u))]
        units.sort(key=lambda u: u.first)
        _sides_from_shares(norms, units)
        return units

    def _noun(self, norms: list[str], unit: _Unit) -> _Unit:
        """Find the people a count counts: "12 [Malian] soldiers", "une dizaine de civils"."""
        j = unit.last
        links = 0
        while j < len(norms) and norms[j] in NOUN_LINKS and links < 2:
            j, links = j + 1, links + 1
        for k in range(j, min(j + 5, len(norms))):
            word = norms[k]
            if word in ("and", "et") and k > j and k + 1 < len(norms) and norms[k + 1] not in SIDES:
                continue  # "dozens of Malian and Russian soldiers"
            if word in SIDES:
                side, end = SIDES[word], k + 1
                if word in GROUPS:
                    side, end = _group_side(norms, end)
                for m in range(end, min(end + 2, len(norms))):
                    if side is Side.UNKNOWN and norms[m] in MODIFIERS:
                        side, end = MODIFIERS[norms[m]], m + 1
                for m in range(j, k):
                    if side is Side.UNKNOWN and norms[m] in MODIFIERS:
                        side = MODIFIERS[norms[m]]
                unit.side, unit.end, unit.inherits = side, end, word in INHERITING
                return unit
            if word in QUOTES:
                continue  # 300 « miliciens »
            if not word.isalpha() or word in KINDS or word in AUX or word in STOPS:
                break
        return unit

    # --- the four ways a count meets its casualty word ------------------------------------------

    def _after_count(self, norms: list[str], unit: _Unit) -> tuple[CasualtyKind, int] | None:
        """ "30 dead", "cinq blessés", "five others wounded", "no casualties"."""
        if unit.side is not None and not unit.inherits:
            return None
        j = unit.end
        while j < len(norms) and norms[j] in SKIPPABLE:
            j += 1
        if unit.side is None and j + 1 < len(norms) and norms[j] in ("of", "de") and unit.vague:
            j += 1  # "des centaines de morts", "dozens of dead"
        if j >= len(norms):
            return None
        kind = KINDS.get(norms[j]) or (ZERO_ONLY.get(norms[j]) if unit.zero else None)
        return (kind, j) if kind else None

    def _verb_before(self, norms: list[str], unit: _Unit) -> tuple[CasualtyKind, int] | None:
        """ "killed 12 soldiers", "ont tué au moins 12 soldats", "kidnapped 20 passengers"."""
        if unit.zero:
            return None
        j = unit.first - 1
        while j >= 0 and unit.first - j <= 3 and norms[j] in VERB_FILLERS:
            j -= 1
        if j >= 0 and norms[j] in LOSSES and unit.side not in (None, Side.UNKNOWN):
            return K, j  # "lost five soldiers", "la perte de dix soldats"
        if j < 0 or norms[j] not in KINDS:
            return None
        if unit.side is None and unit.end < len(norms) and norms[unit.end] not in STOPS:
            return None  # "killed 12 km from", not a count
        return KINDS[norms[j]], j

    def _verb_after(
        self, norms: list[str], unit: _Unit, by_first: dict[int, _Unit]
    ) -> tuple[CasualtyKind, int] | None:
        """ "12 soldiers were killed", "five gendarmes and two civilians were killed"."""
        j = unit.end
        share = next((p for p in PARTITIVE if tuple(norms[j : j + len(p)]) == p), None)
        if share is not None:
            j += len(share)  # "three of whom were killed"
        elif unit.side is None and not (j < len(norms) and norms[j] in AUX):
            return None
        unknown = 0
        while j < len(norms) and j - unit.end < 16:
            word = norms[j]
            if word in CONNECTORS and j + 1 in by_first:
                if _partitive(norms, by_first[j + 1].last):
                    return None  # "five armed men, three of whom were killed": the three
                j = by_first[j + 1].end
                continue
            if word == "," and j + 1 < len(norms) and norms[j + 1] in SHARE_OPENERS:
                close = next((k for k in range(j + 2, min(j + 14, len(norms)))
                              if norms[k] == ","), None)  # fmt: skip
                if close is not None:
                    j = close  # "20 people, including 19 gendarmes and a civilian, were killed"
            if (
                word == ","
                and j + 1 < len(norms)
                and (norms[j + 1] in AUX or norms[j + 1] in KINDS)
            ):
                j += 1
                continue
            if word == "(":
                close = next((k for k in range(j + 1, min(j + 6, len(norms))) if norms[k] == ")"),
                             None)  # fmt: skip
                if close is not None:
                    j = close + 1  # an acronym or aside in brackets: "(VDP)"
                    continue
            if word in KINDS:
                nxt = by_first.get(j + 1)
                if nxt is not None and nxt.side is not None:
                    return None  # "12 soldiers killed 5 militants": the soldiers killed
                return KINDS[word], j
            if word in SENTENCE_ENDS or word in NEGATION or word in SIDES or j in by_first:
                return None
            if word not in AUX and word not in FREE and word not in QUOTES:
                unknown += 1
                if unknown > 5 or not word.isalpha():
                    return None
            j += 1
        return None

    def _passive_after_aside(
        self, norms: list[str], unit: _Unit, by_first: dict[int, _Unit]
    ) -> tuple[CasualtyKind, int] | None:
        """ "134 villagers of Ogossagou, in the Bankass cercle, were killed": the people counted,
        an aside between commas, then the passive verb right after the closing comma."""
        if unit.side is None or unit.zero:
            return None
        commas = 0
        for j in range(unit.end, min(unit.end + ASIDE_TOKENS, len(norms))):
            word = norms[j]
            if word in SENTENCE_ENDS or word in NEGATION or j in by_first or word in KINDS:
                return None
            if word != ",":
                continue
            commas += 1
            k = j + 1
            while k < len(norms) and norms[k] in AUX and k - j <= 3:
                k += 1
            if commas >= 2 and k > j + 1 and k < len(norms) and norms[k] in KINDS:
                return KINDS[norms[k]], k
        return None

    def _toll(
        self, norms: list[str], unit: _Unit, sentence: list[int], counted: set[int]
    ) -> int | None:
        """ "the death toll rose to 50", "revised the toll from the attack on X downwards, to 35":
        the token of "toll"/"bilan" before the count in its sentence, with no other count
        between them."""
        if unit.side is None and unit.end < len(norms) and norms[unit.end] not in STOPS:
            return None
        for j in range(unit.first - 1, max(unit.first - TOLL_REACH, -1), -1):
            if sentence[j] != sentence[unit.first] or j in counted:
                return None
            if norms[j] in TOLLS:
                return j
        return None

    def _singular_passives(
        self, tokens: Sequence[Token], norms: list[str], used: set[int]
    ) -> list[tuple[int, _Unit, CasualtyKind, int, int]]:
        """ "a été enlevé", "was kidnapped": one person, when no count says otherwise."""
        found = []
        for i, word in enumerate(norms):
            if word not in KINDS or i in used or word.endswith("s"):
                continue
            for aux in (("was",), ("has", "been"), ("a", "été"), ("avait", "été")):
                for gap in (0, 1):
                    start = i - gap - len(aux)
                    if start < 0 or tuple(norms[start : start + len(aux)]) != aux:
                        continue
                    if gap and norms[i - 1] in NEGATION:
                        continue
                    before = norms[start - 1] if start else ""
                    side = SIDES.get(before) if before not in INHERITING else None
                    unit = _Unit(start, start, start, 1, side=side)
                    found.append((tokens[start].start, unit, KINDS[word], start, i + 1))
                    break
                else:
                    continue
                break
        return found

    def _records(
        self,
        text: str,
        tokens: Sequence[Token],
        sentence: list[int],
        found: list[tuple[int, _Unit, CasualtyKind, int, int]],
    ) -> list[Casualty]:
        records: list[Casualty] = []
        previous: tuple[int, Side] | None = None  # sentence and side of the last count
        for _, unit, kind, lo, hi in found:
            side = unit.side
            if (side is None or unit.inherits) and previous and previous[0] == sentence[lo]:
                side = previous[1]
            side = side or Side.UNKNOWN
            start, end = tokens[lo].start, tokens[hi - 1].end
            records.append(
                Casualty(kind, unit.value, start, end, text[start:end], side, unit.low,
                         unit.high, unit.vague)
            )  # fmt: skip
            previous = (sentence[lo], side)
        return records


def _sentences(norms: list[str]) -> list[int]:
    """The sentence number of every token."""
    numbers, current = [], 0
    for word in norms:
        numbers.append(current)
        current += word in SENTENCE_ENDS
    return numbers


def _joined(norms: list[str], previous: _Unit) -> set[int]:
    """Token indices a coordinated count may start at: "12 soldiers[,] and 5 civilians"."""
    j = previous.end
    while j < len(norms) and norms[j] in CONNECTORS and j - previous.end < 2:
        j += 1
    return {j} if j > previous.end else set()


def _sides_from_shares(norms: list[str], units: list[_Unit]) -> None:
    """A total of people of no stated side followed by its shares ("20 people, including 19
    gendarmes and a civilian") takes the side of its largest share."""
    for n, unit in enumerate(units):
        if unit.side not in (None, Side.UNKNOWN) or unit.zero:
            continue
        j = unit.end
        if not (j + 1 < len(norms) and norms[j] == "," and norms[j + 1] in SHARE_OPENERS):
            continue
        close = next((k for k in range(j + 2, min(j + 14, len(norms))) if norms[k] in (",", ".")),
                     len(norms))  # fmt: skip
        shares = [
            u for u in units[n + 1 :] if u.first < close and u.side not in (None, Side.UNKNOWN)
        ]
        if shares:
            largest = max(shares, key=lambda u: u.value)
            unit.side = largest.side


def _added(norms: list[str], end: int, first: int) -> bool:
    """Whether the count at ``first`` goes with the one read up to ``end``: added to it ("as
    well as", "ainsi que", "along with") or a share of it ("including", "dont"), which
    :func:`tally` does not add."""
    between = norms[end:first]
    return (
        0 < len(between) <= 4
        and all(w in ADDING for w in between)
        and any(w in JOINING for w in between)
    )


def _partitive(norms: list[str], j: int) -> bool:
    """ "of them", "of whom", "d'entre eux" at token ``j``: a share of the count before."""
    return any(tuple(norms[j : j + len(p)]) == p for p in PARTITIVE)


def _group_side(norms: list[str], j: int) -> tuple[Side, int]:
    """ "members of the security forces", "éléments des FAMa": the side named after the group."""
    for k in range(j, min(j + 5, len(norms))):
        word = norms[k]
        if word in SENTENCE_ENDS or word in KINDS:
            break
        side = MODIFIERS.get(word) or SIDES.get(word)
        if side is not None and side is not Side.UNKNOWN:
            end = k + 1
            while end < len(norms) and (norms[end] in SIDES or norms[end] in MODIFIERS):
                end += 1  # "security forces"
            return side, end
    return Side.UNKNOWN, j


MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "sept", "janvier", "février", "mars", "avril", "mai",
    "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
})  # fmt: skip


def _is_day(norms: list[str], first: int, last: int) -> bool:
    """ "January 3", "le 3 janvier": a day of the month, not a count."""
    if last != first + 1 or not norms[first].isdecimal() or int(norms[first]) > 31:
        return False
    return (first > 0 and norms[first - 1] in MONTHS) or (
        last < len(norms) and norms[last] in MONTHS
    )


def _is_year(norms: list[str], first: int, last: int) -> bool:
    word = norms[first]
    return last == first + 1 and len(word) == 4 and word.isdecimal() and 1900 <= int(word) <= 2100


def _zero_ok(norms: list[str], unit: _Unit) -> bool:
    """A bare "no"/"aucun" is a count only before a casualty word or an auxiliary."""
    if unit.end >= len(norms):
        return False
    word = norms[unit.end]
    return word in KINDS or word in ZERO_ONLY or word in AUX
