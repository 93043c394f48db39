"""One event's toll from all the sentences that tell it, coded the way ACLED does.

:func:`tally` takes the casualty counts of each sentence (read by
:class:`~.casualties.CasualtyReader`) in reading order, with the pack's words for revised,
earlier, shared and other figures (:class:`TollCues`), and returns the deaths of the event with
the low and high estimates, the deaths by side, the wounded and abducted (never deaths) and the
counts the figure rests on, for evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .cues import compile_rule
from .records import Casualty, CasualtyKind, Side


@dataclass(frozen=True)
class Told:
    """One sentence's counts, as the event's toll is put together from them."""

    text: str
    casualties: Sequence[Casualty]


#: One account's figure for a side: killed, low, high and the counts it rests on.
_Figure = tuple[int, int, int, list[tuple[int, Casualty]]]


@dataclass(frozen=True)
class _Death:
    """A count of deaths as the toll weighs it."""

    pos: int  # the sentence, as a position in the tellings
    count: Casualty
    revised: bool  # given as a revision: "revised ... to 35", "nouveau bilan"
    earlier: bool  # called an earlier or first figure
    other: bool  # from an account the report contradicts or cannot verify
    #: the sides of the shares a total of no stated side is broken down into right after it
    covers: frozenset[Side] = frozenset()


@dataclass(frozen=True)
class Toll:
    """The deaths of one event, coded the way ACLED does, with the counts behind the figure."""

    killed: int = 0
    low: int = 0
    high: int = 0
    by_side: tuple[tuple[str, int], ...] = ()
    wounded: int = 0
    abducted: int = 0
    cited: tuple[tuple[int, Casualty], ...] = ()  # (position in the tellings, count)
    #: The dead are people of no stated side with a few armed among them ("fourteen people,
    #: including a VDP member"): the armed, told as shares of a total, are at most
    #: ``ARMED_FEW`` of it.
    few_armed: bool = False


#: A total of people whose armed share is at most this fraction of it counts mostly civilians.
ARMED_FEW = 0.25

_ARMED_SIDES = (Side.STATE, Side.ATTACKERS)


@dataclass(frozen=True)
class TollCues:
    """The words by which a report weighs one count against another, compiled once from the
    pack's ``cues`` lexicon (both languages in each pattern).

        toll = tally(tellings, TollCues.from_lexicon(pack.lexicon("cues")))
    """

    #: A figure the report itself calls earlier or first: a later one replaces it.
    earlier: re.Pattern[str]
    #: A figure given as a revision: it replaces the others of its side.
    revised: re.Pattern[str]
    #: Another account that contradicts the first, or a figure the report says could not be
    #: checked: the most conservative account is coded.
    other_account: re.Pattern[str]
    #: What may stand between a total and a share of it: "53, including 49 gendarmes".
    share_cue: re.Pattern[str]
    #: A word right before a count that makes it a share of the one before: ", dont 19 gendarmes".
    share_end: re.Pattern[str]
    #: "and" between two shares: "including 49 gendarmes and four civilians".
    joined_end: re.Pattern[str]
    #: A count told as part of some total: "three of whom", "trois d'entre eux".
    partitive_quote: re.Pattern[str]
    #: A count said to be among the dead: "the pastor and several children were among the dead".
    among_dead: re.Pattern[str]
    #: Words that make a count come on top of another of the same side: "three more".
    additional: re.Pattern[str]
    #: After a count, words that make it a running total over a period, not one event's toll.
    since: re.Pattern[str]
    #: Before a count in its clause, a time and "after": the toll of an earlier event.
    earlier_event: re.Pattern[str]

    @classmethod
    def from_lexicon(cls, cues: Mapping[str, Any]) -> TollCues:
        return cls(
            earlier=compile_rule(
                r"\b(?:%(earlier_figure_patterns)s|(?:%(earlier_figure_adjectives_patterns)s)"
                r"\s+(?:\w+\s+)?(?:%(figure_patterns)s))\b",
                cues,
            ),
            revised=compile_rule(r"\b(?:%(revised_patterns)s)\b", cues),
            other_account=compile_rule(r"(?:%(other_account_patterns)s)", cues),
            share_cue=compile_rule(r"^[\s,;:(—–-]*(?:%(share_patterns)s)?[\s,:]*$", cues),
            # ... or a colon: "four people were killed: three gendarmes and a civilian"
            share_end=compile_rule(r"(?:\b(?:%(share_end_patterns)s)|:)[\s,:]*$", cues),
            # (only "and" or a comma: "..., ainsi que 35 civils" is no share but a count of its own)
            joined_end=compile_rule(r"^[\s,]*$|(?:^|[\s,])(?:%(joined_shares)s)[\s,]*$", cues),
            partitive_quote=compile_rule(r"^\S+(?:\s+\S+)?\s+(?:%(partitive_patterns)s)\b", cues),
            among_dead=compile_rule(r"\b(?:%(among_dead_patterns)s)\b", cues),
            additional=compile_rule(r"\b(?:%(additional_patterns)s)\b", cues),
            since=compile_rule(r"[^.;]{0,60}?\b(?:%(running_total_patterns)s)\b", cues),
            earlier_event=compile_rule(r"\b(?:%(earlier_event_patterns)s)\b[^,.;]{0,60}$", cues),
        )


#: How far before a count (in characters) a word of revision or of an earlier figure governs it.
_CUE_REACH = 100


#: A count, then one comma: what stands before a count set in apposition to it.
_APPOSED = re.compile(r"[^,;.]*,\s*")


def tally(tellings: Sequence[Told], cues: TollCues) -> Toll:
    """The toll of one event from every sentence that tells it, in reading order.

    ACLED's rules: deaths of different sides add up ("ten soldiers ... 46 assailants"); the same
    side told twice is one toll, and the most conservative figure is kept; a figure given as a
    revision replaces the others of its side, and one the report calls earlier or first gives
    way to any other; a count of people whose side is not said is the total when it is larger
    than the sides' sum; a share of a total ("53, including 49 gendarmes", "22 people, 19 of them
    civilians") is not added to it; and an account the report contradicts or cannot verify ("a
    very different account", "a figure that could not be verified") is weighed against the rest,
    the lower total being coded and the higher kept as the high estimate. Wounded and abducted
    people are counted separately, never as deaths.
    """
    deaths: list[_Death] = []
    wounded = abducted = 0
    shares: dict[Casualty, int] = {}  # a total of people of no stated side -> its armed share
    covered: dict[Casualty, set[Side]] = {}  # ... -> the sides of its shares
    # "The army gave a very different account." -> the next sentence's figures. Sentences with
    # no counts are held until a count needs them: most tellings have no deaths to weigh.
    unread: list[str] = []
    for pos, told in enumerate(tellings):
        if not told.casualties:
            unread.append(told.text)
            continue
        texts, unread = [*unread, told.text], []
        other: bool | None = None  # read when the first death is weighed
        previous: Casualty | None = None
        total: Casualty | None = None  # the count the shares that follow break down
        share = False
        said: set[tuple[str, str]] = set()
        for c in told.casualties:
            if (c.kind.value, c.quote) in said:
                continue  # the same words told again: "35 morts, dont 24 enfants ... « le bilan
                # est de 35 morts, dont 24 enfants »"
            said.add((c.kind.value, c.quote))
            if c.kind is CasualtyKind.WOUNDED:
                wounded = max(wounded, c.count)
            elif c.kind is CasualtyKind.ABDUCTED:
                abducted = max(abducted, c.count)
            if c.kind is not CasualtyKind.KILLED:
                continue
            if previous is not None:
                between = told.text[previous.end : c.start]
                if c.start < previous.end:  # told inside the count before, up to a shared verb
                    between = told.text[max(previous.start, c.start - 30) : c.start]
                opens = (
                    cues.share_end.search(between)
                    or (cues.partitive_quote.match(c.quote) and cues.share_cue.match(between))
                    # "Huit personnes, six humanitaires [...], ont été tuées": set right after
                    # the count's comma, inside it, a count breaks it down
                    or (
                        c.start < previous.end
                        and _APPOSED.fullmatch(told.text, previous.start, c.start)
                    )
                )
                if opens or (share and cues.joined_end.search(between)):
                    share = True
                    previous = c
                    if total is not None and c.side in _ARMED_SIDES:
                        shares[total] = shares.get(total, 0) + c.count
                    if total is not None:
                        covered.setdefault(total, set()).add(c.side)
                    continue  # a share of the total before it: "53, including 49 gendarmes"
                share = False
            previous = c
            total = c if c.side is Side.UNKNOWN else None
            if c.count <= 0 or cues.since.match(told.text, c.end):
                continue  # "violence that has killed thousands of people since 2015"
            if cues.earlier_event.search(told.text, max(0, c.start - 80), c.start):
                continue  # "a month after dozens of soldiers were killed at Boulkessi"
            before = told.text[max(0, c.start - _CUE_REACH) : c.start]
            # the revision may be told in the count itself: "le bilan définitif, trente personnes"
            revised = bool(cues.revised.search(before) or cues.revised.search(told.text[: c.end]))
            earlier = _last(cues.earlier, before) > _last(cues.revised, before)  # the nearer word
            if other is None:
                other = any(cues.other_account.search(text) for text in texts)
            deaths.append(_Death(pos, c, revised, earlier, other))
    if not deaths:
        return Toll(wounded=wounded, abducted=abducted)
    deaths = [replace(d, covers=frozenset(covered.get(d.count, ()))) for d in deaths]
    few_armed = bool(shares) and all(armed <= ARMED_FEW * t.count for t, armed in shares.items())
    if any(not _partitive(d.count, cues) for d in deaths):
        # "three of whom were killed", "several children were among the dead": a share of some
        # total, not a toll of its own beside one.
        deaths = [d for d in deaths if not _partitive(d.count, cues)]
    # a figure the report calls earlier gives way to a later one of its side (or of no side):
    # "first reports said 12 soldiers were killed; the army said five attackers died" is both
    later = [d.count.side for d in deaths if not d.earlier]
    deaths = [d for d in deaths if not d.earlier
              or not any(side in (d.count.side, Side.UNKNOWN) or d.count.side is Side.UNKNOWN
                         for side in later)]  # fmt: skip
    ceilings = [d for d in deaths if _ceiling(d.count)]
    if len(ceilings) < len(deaths):
        deaths = [d for d in deaths if not _ceiling(d.count)]  # "up to 600": a high estimate only
    main = [d for d in deaths if not d.other]
    # a figure restated with a doubt ("le bilan de 80 assaillants tués n'a pas pu être vérifié")
    # is the main account's own, not another account
    in_main = {(d.count.side, d.count.count) for d in main}
    deaths = [d for d in deaths if not d.other or (d.count.side, d.count.count) not in in_main]
    accounts = [main] if main else []
    for pos in sorted({d.pos for d in deaths if d.other}):
        accounts.append([d for d in deaths if d.other and d.pos == pos])
    totals = [_account(a, cues) for a in accounts]
    best = min(totals, key=lambda t: (t[0], t[1]))
    killed, low, _, by_side, cited = best
    high = max([t[2] for t in totals] + [_high(d.count) for d in ceilings])
    return Toll(killed, low, max(high, killed), tuple(sorted(by_side.items())), wounded, abducted,
                tuple(cited), few_armed)  # fmt: skip


def _told_after(group: list[_Figure]) -> list[_Figure]:
    """A side's figures less one person told after a larger count of that side: one of them
    ("six aid workers were killed ... One woman who tried to flee was caught and killed")."""
    kept = [group[0]]
    for figure in group[1:]:
        if figure[0] != 1 or max(f[0] for f in kept) <= 1:
            kept.append(figure)
    return kept


def _partitive(count: Casualty, cues: TollCues) -> bool:
    return bool(cues.partitive_quote.match(count.quote) or cues.among_dead.search(count.quote))


def _account(
    deaths: list[_Death], cues: TollCues
) -> tuple[int, int, int, dict[str, int], list[tuple[int, Casualty]]]:
    """One account's total (best, low, high), deaths by side and the counts it rests on."""
    if any(d.revised for d in deaths):
        revised_sides = {d.count.side for d in deaths if d.revised}
        if Side.UNKNOWN in revised_sides:
            # the revised total stands for every side, but for those its own breakdown leaves
            # out ("porté le bilan à 80 tués : 65 civils et 15 soldats" ... "58 assaillants")
            covers = [d.covers for d in deaths if d.revised and d.count.side is Side.UNKNOWN]
            deaths = [d for d in deaths if d.revised or (
                      all(covers) and d.count.side is not Side.UNKNOWN
                      and not any(d.count.side in c for c in covers))]  # fmt: skip
        else:
            # a revision is the event's figure: another total of no stated side gives way too
            deaths = [d for d in deaths
                      if d.revised or d.count.side not in {*revised_sides, Side.UNKNOWN}]  # fmt: skip
        # the last revision of a side is its figure
        last = {d.count.side: d.pos for d in deaths if d.revised}
        deaths = [d for d in deaths if not d.revised or d.pos == last[d.count.side]]
    # Per sentence, counts add up (sides of one event, or two groups of one side); across
    # sentences the same side told again is one figure, the lowest.
    sentences: dict[int, list[Casualty]] = {}
    covering: dict[int, frozenset[Side]] = {}  # the sides a sentence's total is broken into
    for d in deaths:
        sentences.setdefault(d.pos, []).append(d.count)
        covering[d.pos] = covering.get(d.pos, frozenset()) | d.covers
    sides: dict[Side, list[_Figure]] = {}
    totals: list[tuple[int, int, int, list[tuple[int, Casualty]], frozenset[Side]]] = []
    for pos, counts in sentences.items():
        per_side: dict[Side, tuple[int, int, int, list[tuple[int, Casualty]]]] = {}
        for c in counts:
            k, lo, hi, cs = per_side.get(c.side, (0, 0, 0, []))
            per_side[c.side] = (k + c.count, lo + _low(c), hi + _high(c), [*cs, (pos, c)])
        for side, figure in per_side.items():
            if side is not Side.UNKNOWN:
                group = sides.setdefault(side, [])
                if group and any(cues.additional.search(c.quote) for _, c in figure[3]):
                    k, lo, hi, cs = group[-1]
                    group[-1] = (k + figure[0], lo + figure[1], hi + figure[2], cs + figure[3])
                else:
                    group.append(figure)
        if Side.UNKNOWN in per_side:
            figures = per_side.values()
            totals.append((sum(f[0] for f in figures), sum(f[1] for f in figures),
                           sum(f[2] for f in figures), [x for f in figures for x in f[3]],
                           covering.get(pos, frozenset())))  # fmt: skip
    chosen = {side: min(_told_after(group), key=lambda f: f[0]) for side, group in sides.items()}
    killed = sum(f[0] for f in chosen.values())
    low = sum(f[1] for f in chosen.values())
    high = sum(max(f[2] for f in group) for group in sides.values())
    by_side = {side.value: f[0] for side, f in chosen.items()}
    cited = [x for f in chosen.values() for x in f[3]]
    if totals:
        total = min(totals, key=lambda f: f[0])
        high = max(high, max(f[2] for f in totals))
        # a total broken down into some sides leaves the others out: "80 tués : 65 civils et
        # 15 soldats" ... "58 assaillants neutralisés" is 138
        apart = {side: f for side, f in chosen.items() if total[4] and side not in total[4]}
        if total[0] + sum(f[0] for f in apart.values()) > killed:
            killed = total[0] + sum(f[0] for f in apart.values())
            low = max(low, total[1] + sum(f[1] for f in apart.values()))
            cited = [*total[3], *(x for f in apart.values() for x in f[3])]
            by_side = {**{side.value: f[0] for side, f in apart.items()},
                       Side.UNKNOWN.value: killed - sum(f[0] for f in apart.values())}  # fmt: skip
    return (
        killed,
        low,
        max(high, killed),
        by_side,
        sorted(cited, key=lambda x: x[1].start + x[0] * 10**6),
    )


def _last(pattern: re.Pattern[str], text: str) -> int:
    """Where the last match of ``pattern`` in ``text`` starts (-1 if none)."""
    return max((m.start() for m in pattern.finditer(text)), default=-1)


def _ceiling(c: Casualty) -> bool:
    """A count given only as an upper bound: "up to 600", "jusqu'à 600 morts"."""
    return c.high is not None and c.high == c.count and c.low is None


def _low(c: Casualty) -> int:
    return c.low if c.low is not None else c.count


def _high(c: Casualty) -> int:
    return c.high if c.high is not None and c.high > c.count else c.count
