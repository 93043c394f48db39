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

This module holds the reader: how a count meets its casualty word. The counts of people
themselves and their sides are read in :mod:`.headcounts`; the words are the pack's ``casualties``
lexicon, read once as :class:`~.casualty_words.CasualtyWords` and given to the reader.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from .casualty_words import ASIDE_TOKENS, QUOTES, SENTENCE_ENDS, TOLL_REACH, CasualtyWords
from .headcounts import Headcount, partitive_at, read_headcounts
from .numbers import NumberReader, Token, tokenize
from .records import Casualty, CasualtyKind, Side

_WORD = re.compile(r"\w+")

#: Words before a count of countries or nationalities that the people counted come from.
_ORIGIN = frozenset({"from", "of", "de"})
_COUNTRIES = frozenset({"countries", "nationalities", "nations", "pays", "nationalités"})


class CasualtyReader:
    """Casualty counts in one language; numbers are read by the injected :class:`NumberReader`,
    with the pack's :class:`CasualtyWords`."""

    def __init__(self, lang: str, numbers: NumberReader, words: CasualtyWords) -> None:
        self.lang = lang
        self.numbers = numbers
        self.words = words

    def casualties(self, text: str) -> list[Casualty]:
        """Counts of people killed, wounded, abducted, missing or arrested, in text order."""
        w = self.words
        if w.cue_words.isdisjoint(_WORD.findall(text.lower())):
            return []  # no casualty word at all: most sentences of a report
        tokens = tokenize(text)
        norms = [t.norm for t in tokens]
        sentence = _sentences(norms)
        units = read_headcounts(tokens, norms, self.numbers, w)
        by_first = {u.first: u for u in units}
        used: set[int] = set()  # kind-word tokens already read
        found: list[tuple[int, Headcount, CasualtyKind, int, int]] = []  # order, unit, kind, span
        kinds: dict[int, CasualtyKind] = {}
        counted = {i for u in units for i in range(u.first, u.last)}
        last: tuple[int, CasualtyKind] | None = None  # where the last count read ends, its kind
        for n, unit in enumerate(units):
            hit = self._after_count(norms, unit) or self._verb_before(norms, unit)
            hit = hit or self._verb_after(norms, unit, by_first)
            hit = hit or self._passive_after_aside(norms, unit, by_first)
            if hit is None and n and unit.first in _joined(norms, units[n - 1], w):
                previous = kinds.get(units[n - 1].first)
                if previous is not None:
                    hit = (previous, -1)
            if (hit is None and last is not None and unit.side is not None and not unit.zero
                    and _added(norms, last[0], unit.first, w)):  # fmt: skip
                hit = (last[1], -1)  # "left 19 people dead, as well as two of the attackers"
            if hit is None and not unit.zero:
                toll = self._toll(norms, unit, sentence, counted)
                hit = (CasualtyKind.KILLED, toll) if toll is not None else None
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
        for before, after in itertools.pairwise(units):
            # "Six humanitaires français et leurs deux accompagnateurs ont été tués": people
            # counted, then "and" more people, share the verb of the second count.
            kind_after = kinds.get(after.first)
            if (kind_after is None or before.first in kinds or before.zero or before.side is None
                    or not self._and_more(norms[before.end : after.first])):  # fmt: skip
                continue
            kinds[before.first] = kind_after
            found.append((tokens[before.first].start, before, kind_after, before.first, before.end))
        found.sort(key=lambda f: f[0])
        found.extend(self._singular_passives(tokens, norms, used))
        found = [(order, unit, self._fatal(norms, kind, lo, hi), lo, hi)
                 for order, unit, kind, lo, hi in found]  # fmt: skip
        return self._records(text, tokens, sentence, sorted(found, key=lambda f: f[0]))

    def _fatal(self, norms: list[str], kind: CasualtyKind, lo: int, hi: int) -> CasualtyKind:
        """Wounds told as fatal are deaths: "was fatally wounded", "mortellement blessé"."""
        w = self.words
        if kind is CasualtyKind.WOUNDED and any(
            norms[i] in w.fatal and w.kinds.get(norms[i + 1]) is CasualtyKind.WOUNDED
            for i in range(max(0, lo - 1), min(hi, len(norms) - 1))
        ):
            return CasualtyKind.KILLED
        return kind

    # --- the four ways a count meets its casualty word ------------------------------------------

    def _after_count(self, norms: list[str], unit: Headcount) -> tuple[CasualtyKind, int] | None:
        """ "30 dead", "cinq blessés", "five others wounded", "no casualties"."""
        w = self.words
        if unit.side is not None and not unit.inherits:
            return None
        j = unit.end
        while j < len(norms) and norms[j] in w.skippable:
            j += 1
        if unit.side is None and j + 1 < len(norms) and norms[j] in w.vague_links and unit.vague:
            j += 1  # "des centaines de morts", "dozens of dead"
        if j >= len(norms):
            return None
        kind = w.kinds.get(norms[j]) or (
            CasualtyKind.KILLED if unit.zero and norms[j] in w.zero_only else None
        )
        return (kind, j) if kind else None

    def _and_more(self, between: list[str]) -> bool:
        """Whether the words between two counts add the second to the first: "and", "et",
        "and their", "et leurs", with at most an adjective before them ("français et leurs")."""
        w = self.words
        joins = [i for i, word in enumerate(between) if word in ("and", "et")]
        if not joins or len(between) > 4:
            return False
        rest = between[joins[0] + 1 :]
        return joins[0] <= 1 and all(word in w.enumeration_openers for word in rest)

    def _verb_before(self, norms: list[str], unit: Headcount) -> tuple[CasualtyKind, int] | None:
        """ "killed 12 soldiers", "ont tué au moins 12 soldats", "kidnapped 20 passengers"."""
        w = self.words
        if unit.zero:
            return None
        j = unit.first - 1
        while j >= 0 and unit.first - j <= 3 and norms[j] in w.verb_fillers:
            j -= 1
        if j >= 0 and norms[j] in w.time_fillers:  # "ont tué dimanche soir douze civils"
            k = j
            while k >= 0 and j - k < 3 and norms[k] in w.time_fillers:
                k -= 1
            if k >= 0 and norms[k] in w.kinds:
                j = k
        if j >= 0 and norms[j] in w.losses and unit.side not in (None, Side.UNKNOWN):
            return CasualtyKind.KILLED, j  # "lost five soldiers", "la perte de dix soldats"
        if j < 0 or norms[j] not in w.kinds:
            return None
        after = unit.end  # past a closing quote: 'killing "about twenty", the ministry said'
        while after < len(norms) and norms[after] in QUOTES:
            after += 1
        if (unit.side is None and after < len(norms) and norms[after] not in w.stops
                and not partitive_at(norms, after, w)):  # fmt: skip
            return None  # "killed 12 km from", not a count; "killing 20 of them" is one
        return w.kinds[norms[j]], j

    def _verb_after(
        self, norms: list[str], unit: Headcount, by_first: dict[int, Headcount]
    ) -> tuple[CasualtyKind, int] | None:
        """ "12 soldiers were killed", "five gendarmes and two civilians were killed"."""
        w = self.words
        j = unit.end
        share = next((p for p in w.partitive if tuple(norms[j : j + len(p)]) == p), None)
        if share is not None:
            j += len(share)  # "three of whom were killed"
        elif unit.side is None and not (j < len(norms) and norms[j] in w.aux):
            return None
        unknown = 0
        listing = False  # "six aid workers, their guide and their driver were killed"
        active = False  # "une patrouille a neutralisé": the people counted did it
        while j < len(norms) and j - unit.end < 16:
            word = norms[j]
            if word in w.active_aux:
                active = True
            elif word in w.passive_marks:
                active = False
            if word in w.connectors and j + 1 in by_first:
                if partitive_at(norms, by_first[j + 1].last, w):
                    return None  # "five armed men, three of whom were killed": the three
                j = by_first[j + 1].end
                continue
            if word == "," and j + 1 < len(norms) and norms[j + 1] in w.share_openers:
                close = next((k for k in range(j + 2, min(j + 14, len(norms)))
                              if norms[k] == ","), None)  # fmt: skip
                if close is not None:
                    j = close  # "20 people, including 19 gendarmes and a civilian, were killed"
                    if close + 1 < len(norms) and norms[close + 1] in w.connectors:
                        j = close + 1  # "35 civilians, most of them women, and seven soldiers"
                        continue
            if (
                word == ","
                and j + 1 < len(norms)
                and (norms[j + 1] in w.aux or norms[j + 1] in w.kinds
                     or norms[j + 1] in w.enumeration_openers)
            ):  # fmt: skip
                listing = listing or norms[j + 1] in w.enumeration_openers
                j += 1
                continue
            if word == "(":
                close = next((k for k in range(j + 1, min(j + 12, len(norms))) if norms[k] == ")"),
                             None)  # fmt: skip
                if close is not None:
                    j = close + 1  # an acronym or aside in brackets: "(VDP)"
                    continue
            origin = by_first.get(j)
            if (origin is not None and origin.side is None and norms[j - 1] in _ORIGIN
                    and origin.end < len(norms) and norms[origin.end] in _COUNTRIES):  # fmt: skip
                j = origin.end + 1  # "29 people from 18 countries were killed": where from
                continue
            if word in w.kinds:
                if active and word in w.transitive:
                    return None
                nxt = by_first.get(j + 1)
                if nxt is not None and nxt.side is not None:
                    return None  # "12 soldiers killed 5 militants": the soldiers killed
                return w.kinds[word], j
            if (word in SENTENCE_ENDS or word in w.negation or j in by_first
                    or (word in w.sides and not listing)):  # fmt: skip
                return None  # (the people of an enumeration share the count's verb)
            if word not in w.aux and word not in w.free and word not in QUOTES:
                unknown += 1
                if unknown > 5 or not word.isalpha():
                    return None
            j += 1
        return None

    def _passive_after_aside(
        self, norms: list[str], unit: Headcount, by_first: dict[int, Headcount]
    ) -> tuple[CasualtyKind, int] | None:
        """ "134 villagers of Ogossagou, in the Bankass cercle, were killed": the people counted,
        an aside between commas, then the passive verb right after the closing comma."""
        w = self.words
        if unit.side is None or unit.zero:
            return None
        commas = 0
        for j in range(unit.end, min(unit.end + ASIDE_TOKENS, len(norms))):
            word = norms[j]
            # A count opening the aside breaks the first down ("Huit personnes, six humanitaires
            # ainsi que leur guide, ont été tuées"); one further on is a count of its own.
            apposed = j in by_first and commas == 1 and norms[j - 1] == ","
            if (
                word in SENTENCE_ENDS
                or word in w.negation
                or word in w.kinds
                or (j in by_first and not apposed)
            ):
                return None
            if word != ",":
                continue
            commas += 1
            k = j + 1
            while k < len(norms) and norms[k] in w.aux and k - j <= 3:
                k += 1
            if commas >= 2 and k > j + 1 and k < len(norms) and norms[k] in w.kinds:
                return w.kinds[norms[k]], k
        return None

    def _toll(
        self, norms: list[str], unit: Headcount, sentence: list[int], counted: set[int]
    ) -> int | None:
        """ "the death toll rose to 50", "revised the toll from the attack on X downwards, to 35",
        "the number of people killed ... has risen to 132": the token of "toll"/"bilan" (or the
        end of a phrase standing for it) before the count in its sentence, with no other count
        between them."""
        w = self.words
        if unit.side is None and unit.end < len(norms) and norms[unit.end] not in w.stops:
            return None
        for j in range(unit.first - 1, max(unit.first - TOLL_REACH, -1), -1):
            if sentence[j] != sentence[unit.first] or j in counted:
                return None
            if norms[j] in w.tolls:
                return j
            for phrase in w.toll_phrases:
                if tuple(norms[j + 1 - len(phrase) : j + 1]) == phrase:
                    return j + 1 - len(phrase)
        return None

    def _singular_passives(
        self, tokens: Sequence[Token], norms: list[str], used: set[int]
    ) -> list[tuple[int, Headcount, CasualtyKind, int, int]]:
        """ "a été enlevé", "was kidnapped": one person, when no count says otherwise."""
        w = self.words
        found = []
        for i, word in enumerate(norms):
            if word not in w.kinds or i in used or word.endswith("s"):
                continue
            for aux in w.passive_aux:
                for gap in (0, 1):
                    start = i - gap - len(aux)
                    if start < 0 or tuple(norms[start : start + len(aux)]) != aux:
                        continue
                    if gap and norms[i - 1] in w.negation:
                        continue
                    before = norms[start - 1] if start else ""
                    if before in w.things:
                        break  # "an explosive device was neutralised": no one died
                    side = w.sides.get(before) if before not in w.inheriting else None
                    unit = Headcount(start, start, start, 1, side=side)
                    found.append((tokens[start].start, unit, w.kinds[word], start, i + 1))
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
        found: list[tuple[int, Headcount, CasualtyKind, int, int]],
    ) -> list[Casualty]:
        w = self.words
        records: list[Casualty] = []
        previous: tuple[int, Side] | None = None  # sentence and side of the last count
        for _, unit, kind, lo, hi in found:
            side = unit.side
            if (side is None or unit.inherits) and previous and previous[0] == sentence[lo]:
                side = previous[1]
            if side is None and any(tokens[i].norm in w.neutralised for i in range(lo, hi)):
                side = Side.ATTACKERS
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


def _joined(norms: list[str], previous: Headcount, w: CasualtyWords) -> set[int]:
    """Token indices a coordinated count may start at: "12 soldiers[,] and 5 civilians"."""
    j = previous.end
    while j < len(norms) and norms[j] in w.connectors and j - previous.end < 2:
        j += 1
    return {j} if j > previous.end else set()


def _added(norms: list[str], end: int, first: int, w: CasualtyWords) -> bool:
    """Whether the count at ``first`` goes with the one read up to ``end``: added to it ("as
    well as", "ainsi que", "along with") or a share of it ("including", "dont"), which
    :func:`tally` does not add."""
    between = norms[end:first]
    return (
        0 < len(between) <= 4
        and all(word in w.adding for word in between)
        and any(word in w.joining for word in between)
    )
