"""Who fights whom: most active actors, dyads, newcomers, and who targets civilians.

An event counts for an actor when the actor is actor1 or actor2 (associated actors are left out:
they are coded inconsistently across sources). Blank names are ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Event
from .buckets import DateRange
from .families import FamilyOf


@dataclass(frozen=True)
class ActorActivity:
    """One actor's events (as actor1 or actor2), deaths in them, and first and last dates."""

    actor: str
    events: int
    as_actor1: int
    fatalities: int
    first: dt.date
    last: dt.date


def most_active(events: Iterable[Event], *, top: int = 10) -> tuple[ActorActivity, ...]:
    """Actors by number of events, then deaths, then name."""
    seen: dict[str, ActorActivity] = {}
    for event in events:
        for is_actor1, name in ((True, event.actor1), (False, event.actor2)):
            if not name:
                continue
            day = event.event_date
            row = seen.get(name) or ActorActivity(name, 0, 0, 0, day, day)
            seen[name] = ActorActivity(
                name,
                row.events + 1,
                row.as_actor1 + is_actor1,
                row.fatalities + event.fatalities,
                min(row.first, day),
                max(row.last, day),
            )
    rows = sorted(seen.values(), key=lambda r: (-r.events, -r.fatalities, r.actor))
    return tuple(rows[:top])


@dataclass(frozen=True)
class Dyad:
    """A pair of opponents, in name order so that A–B and B–A are one dyad."""

    first: str
    second: str
    events: int
    fatalities: int
    event_ids: tuple[str, ...]


def dyads(events: Iterable[Event], *, top: int = 10, max_ids: int = 20) -> tuple[Dyad, ...]:
    """The most frequent actor1–actor2 pairs (events with a single actor are skipped)."""
    pairs: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        if event.actor1 and event.actor2:
            a, b = sorted((event.actor1, event.actor2))
            pairs.setdefault((a, b), []).append(event)
    ranked = sorted(pairs.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return tuple(
        Dyad(a, b, len(evs), sum(e.fatalities for e in evs), tuple(e.id for e in evs[:max_ids]))
        for (a, b), evs in ranked[:top]
    )


@dataclass(frozen=True)
class NewActor:
    """An actor seen in the period and never before it (in the events given)."""

    actor: str
    first: dt.date
    events: int
    first_event_id: str


def new_actors(events: Iterable[Event], period: DateRange) -> tuple[NewActor, ...]:
    """Actors whose first event falls inside ``period``, earliest first.

    Pass the whole history (not only the period) so that "before" is known.
    """
    first: dict[str, tuple[dt.date, str]] = {}
    counts: dict[str, int] = {}
    for event in events:
        for name in (event.actor1, event.actor2):
            if not name:
                continue
            if name not in first or event.event_date < first[name][0]:
                first[name] = (event.event_date, event.id)
            if event.event_date in period:
                counts[name] = counts.get(name, 0) + 1
    found = [
        NewActor(name, day, counts.get(name, 0), event_id)
        for name, (day, event_id) in first.items()
        if day in period
    ]
    return tuple(sorted(found, key=lambda a: (a.first, a.actor)))


@dataclass(frozen=True)
class FamilyShare:
    """One family's civilian-targeting events in A and B, and its share of all such events."""

    family: str
    a_events: int
    b_events: int
    a_share: float
    b_share: float

    @property
    def change(self) -> float:
        """Change in share, in percentage points (0.25 = +25 points)."""
        return self.b_share - self.a_share


@dataclass(frozen=True)
class CivilianTargetingShift:
    """Who carried out civilian-targeting events in period A and in period B."""

    a: DateRange
    b: DateRange
    a_total: int
    b_total: int
    families: tuple[FamilyShare, ...]

    def of(self, family: str) -> FamilyShare:
        return next(
            (f for f in self.families if f.family == family), FamilyShare(family, 0, 0, 0.0, 0.0)
        )


def targets_civilians(event: Event) -> bool:
    """ACLED's civilian_targeting flag, or violence against civilians coded without it."""
    return event.civilian_targeting or event.event_type.value == "Violence against civilians"


def civilian_targeting_shift(
    events: Iterable[Event], a: DateRange, b: DateRange, family_of: FamilyOf
) -> CivilianTargetingShift:
    """Share of civilian-targeting events by actor1's family in A and in B, largest change first."""
    counts: dict[str, list[int]] = {}
    totals = [0, 0]
    for event in events:
        if not targets_civilians(event):
            continue
        for i, span in enumerate((a, b)):
            if event.event_date in span:
                counts.setdefault(family_of(event.actor1), [0, 0])[i] += 1
                totals[i] += 1
    rows = [
        FamilyShare(
            family,
            n_a,
            n_b,
            n_a / totals[0] if totals[0] else 0.0,
            n_b / totals[1] if totals[1] else 0.0,
        )
        for family, (n_a, n_b) in counts.items()
    ]
    rows.sort(key=lambda r: (-abs(r.change), r.family))
    return CivilianTargetingShift(a, b, totals[0], totals[1], tuple(rows))
