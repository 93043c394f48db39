"""Headcounts: the counts of people in a sentence, each with the people it counts and their side.

A headcount is a number read by the :class:`NumberReader` ("12", "une dizaine"), a zero ("no",
"aucun", "pas de") or an article before people ("a soldier"), joined to the noun after it
("12 [Malian] soldiers", "members of the security forces") when there is one. The noun gives the
side; a total of no stated side takes the side of its largest share ("20 people, including 19
gendarmes"). Days of the month and years are not headcounts. Which casualty word a headcount
goes with is :class:`~.casualties.CasualtyReader`'s business. The words (people by side, zeros,
articles, links) are the pack's, given as :class:`~.casualty_words.CasualtyWords`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .casualty_words import QUOTES, SENTENCE_ENDS, CasualtyWords
from .numbers import NumberReader, Token
from .records import Side


@dataclass
class Headcount:
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


def read_headcounts(
    tokens: Sequence[Token], norms: list[str], numbers: NumberReader, words: CasualtyWords
) -> list[Headcount]:
    """The headcounts of a tokenized sentence, in text order, read with the pack's words."""
    w = words
    units: list[Headcount] = []
    taken: set[int] = set()
    longest_zero = max(len(z) for z in w.zero)
    for i, word in enumerate(norms):
        if word in w.zero_starts:
            for size in range(longest_zero, 0, -1):
                if tuple(norms[i : i + size]) in w.zero:
                    units.append(_noun(norms, Headcount(i, i + size, i + size, 0, zero=True), w))
                    taken.update(range(i, i + size))
                    break
    for mention in numbers.mentions_in(tokens):
        if taken.intersection(range(mention.first, mention.last)):
            continue
        unit = _noun(
            norms,
            Headcount(mention.first, mention.last, mention.last, mention.value, mention.vague,
                      mention.low, mention.high),
            w,
        )  # fmt: skip
        if unit.side is None and (_is_year(norms, mention.first, mention.last)
                                  or _is_day(norms, mention.first, mention.last)):  # fmt: skip
            continue
        units.append(unit)
        taken.update(range(mention.first, mention.last))
    for i, word in enumerate(norms):
        if i not in taken and (
            word in w.articles
            or (
                word in w.role_articles
                and i + 1 < len(norms)
                and norms[i + 1] in w.roles
                and norms[i + 2 : i + 3] != ["'"]
            )
        ):  # fmt: skip  (not "the pastor's son")
            if w.collectives.intersection(norms[i + 1 : i + 1 + COLLECTIVE_REACH]):
                continue  # "a large number of attackers", "un rassemblement de combattants"
            unit = _noun(norms, Headcount(i, i + 1, i + 1, 1), w)
            if unit.side is not None and not _speaker(norms, unit, w):
                units.append(unit)
    units = [u for u in units if not (u.zero and u.side is None and not _zero_ok(norms, u, w))]
    units.sort(key=lambda u: u.first)
    _sides_from_shares(norms, units, w)
    _sides_of_them(norms, units, w)
    return units


def _speaker(norms: list[str], unit: Headcount, w: CasualtyWords) -> bool:
    """One person told as the source of what is said: a verb of saying right before the article
    ("a indiqué un responsable", "said a resident", "selon un habitant") or right after the
    person ("a local official said")."""
    return not w.speech.isdisjoint(norms[max(0, unit.first - 1) : unit.end + 1])


#: How far after an article (in tokens) a noun of many makes it no count ("a very large number").
COLLECTIVE_REACH = 3

#: How far back (in tokens) "of them" looks for the people it means.
THEM_REACH = 8


def _sides_of_them(norms: list[str], units: list[Headcount], w: CasualtyWords) -> None:
    """A count of no people of its own, after a casualty verb, that is a share of people just
    named ("repelled the assailants, killing dozens of them", "tuant une vingtaine d'entre
    eux"): their side."""
    for unit in units:
        if unit.side is not None or not partitive_at(norms, unit.end, w):
            continue
        j = unit.first - 1
        while j >= 0 and norms[j] in w.verb_fillers:
            j -= 1
        if j < 0 or norms[j] not in w.kinds:
            continue
        for k in range(unit.first - 1, max(-1, unit.first - 1 - THEM_REACH), -1):
            if norms[k] in SENTENCE_ENDS:
                break
            side = w.sides.get(norms[k])
            if side is not None and side is not Side.UNKNOWN:
                unit.side = side
                break


def partitive_at(norms: list[str], j: int, w: CasualtyWords) -> bool:
    """ "of them", "of whom", "d'entre eux" at token ``j``: a share of the count before."""
    return any(tuple(norms[j : j + len(p)]) == p for p in w.partitive)


def _noun(norms: list[str], unit: Headcount, w: CasualtyWords) -> Headcount:
    """Find the people a count counts: "12 [Malian] soldiers", "une dizaine de civils"."""
    j = unit.last
    links = 0
    while j < len(norms) and norms[j] in w.noun_links and links < 2:
        j, links = j + 1, links + 1
    for k in range(j, min(j + 5, len(norms))):
        word = norms[k]
        if (
            word in w.adjective_joins
            and k > j
            and k + 1 < len(norms)
            and norms[k + 1] not in w.sides
        ):
            continue  # "dozens of Malian and Russian soldiers"
        if word in w.sides:
            side, end = w.sides[word], k + 1
            if word in w.groups:
                side, end = _group_side(norms, end, w)
            for m in range(end, min(end + 2, len(norms))):
                if side is Side.UNKNOWN and norms[m] in w.modifiers:
                    side, end = w.modifiers[norms[m]], m + 1
            for m in range(j, k):
                if side is Side.UNKNOWN and norms[m] in w.modifiers:
                    side = w.modifiers[norms[m]]
            unit.side, unit.end, unit.inherits = side, end, word in w.inheriting
            return unit
        if word in QUOTES:
            continue  # 300 « miliciens »
        if not word.isalpha() or word in w.kinds or word in w.aux or word in w.stops:
            break
    return unit


def _sides_from_shares(norms: list[str], units: list[Headcount], w: CasualtyWords) -> None:
    """A total of people of no stated side followed by its shares ("20 people, including 19
    gendarmes and a civilian") takes the side of its largest share, when the shares make up at
    least half of it ("14 people, including a soldier" are of no one side)."""
    for n, unit in enumerate(units):
        if unit.side not in (None, Side.UNKNOWN) or unit.zero:
            continue
        j = unit.end
        if not (j + 1 < len(norms) and norms[j] == "," and norms[j + 1] in w.share_openers):
            continue
        close = next((k for k in range(j + 2, min(j + 14, len(norms))) if norms[k] in (",", ".")),
                     len(norms))  # fmt: skip
        shares = [
            u for u in units[n + 1 :] if u.first < close and u.side not in (None, Side.UNKNOWN)
        ]
        if shares and 2 * sum(u.value for u in shares) >= unit.value:
            largest = max(shares, key=lambda u: u.value)
            unit.side = largest.side


def _group_side(norms: list[str], j: int, w: CasualtyWords) -> tuple[Side, int]:
    """ "members of the security forces", "éléments des FAMa": the side named after the group."""
    for k in range(j, min(j + 5, len(norms))):
        word = norms[k]
        if word in SENTENCE_ENDS or word in w.kinds:
            break
        side = w.modifiers.get(word) or w.sides.get(word)
        if side is not None and side is not Side.UNKNOWN:
            end = k + 1
            while end < len(norms) and (norms[end] in w.sides or norms[end] in w.modifiers):
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


def _zero_ok(norms: list[str], unit: Headcount, w: CasualtyWords) -> bool:
    """A bare "no"/"aucun" is a count only before a casualty word or an auxiliary."""
    if unit.end >= len(norms):
        return False
    word = norms[unit.end]
    return word in w.kinds or word in w.zero_only or word in w.aux
