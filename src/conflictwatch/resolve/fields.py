"""An event's fields recomputed from all its mentions, each value traceable to the telling it came from.

Fatalities follow ACLED's conservative habit: ``low`` is the lowest credible toll reported,
``fatalities`` (best) the lower median of the reports that give one, ``high`` the highest. The
date and place come from the most precise telling; actors, type and outcome are a vote weighted
by confidence. Every source is listed, and each field keeps the evidence of the mention behind it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from ..model import Dataset, Event, Evidence, Mention

T = TypeVar("T")


def event_id_for(mention_id: str, salt: str = "") -> str:
    """A short stable id for an event founded by this mention: ``cw-`` and 12 hex digits."""
    digest = hashlib.blake2b(f"{salt}{mention_id}".encode(), digest_size=6).hexdigest()
    return f"cw-{digest}"


def _weight(m: Mention) -> float:
    return m.confidence if m.confidence > 0 else 0.5


def _vote(mentions: Sequence[Mention], value: Callable[[Mention], T]) -> tuple[T, Mention]:
    """The value most tellings give (corroboration first), then the one with the most
    confidence behind it; remaining ties go to the first telling."""
    counts: dict[T, int] = {}
    totals: dict[T, float] = {}
    first: dict[T, Mention] = {}
    for m in mentions:
        v = value(m)
        counts[v] = counts.get(v, 0) + 1
        totals[v] = totals.get(v, 0.0) + _weight(m)
        first.setdefault(v, m)
    winner = max(totals, key=lambda v: (counts[v], totals[v], -mentions.index(first[v])))
    return winner, first[winner]


def fatality_range(mentions: Sequence[Mention]) -> tuple[int, int, int]:
    """(low, best, high): lowest credible, lower median, highest of the tolls reported."""
    reported = [m for m in mentions if m.fatalities > 0]
    if not reported:
        return 0, 0, 0
    tolls = sorted(m.fatalities for m in reported)
    best = tolls[(len(tolls) - 1) // 2]
    low = min(
        min(m.fatalities_low if m.fatalities_low is not None else m.fatalities, m.fatalities)
        for m in reported
    )
    high = max(max(m.fatalities_high or 0, m.fatalities) for m in reported)
    return max(low, 0), best, high


def _evidence(m: Mention, *fields: str) -> list[Evidence]:
    return [
        Evidence(e.field, e.quote, e.article_id or m.article_id, e.start, e.end)
        for e in m.evidence
        if e.field in fields
    ]


def build_event(
    event_id: str,
    mentions: Sequence[Mention],
    *,
    outlets: Mapping[str, str] | None = None,
    operation_id: str | None = None,
) -> Event:
    """The event made of ``mentions`` (first-seen first); ``outlets`` names each article's source."""
    if not mentions:
        raise ValueError("an event needs at least one mention")
    ordered = list(mentions)
    sub, sub_from = _vote(ordered, lambda m: m.sub_event_type)
    precise = min(int(m.time_precision) for m in ordered)
    dated = [m for m in ordered if int(m.time_precision) == precise]
    day, day_from = _vote(dated, lambda m: m.event_date)
    located = [m for m in ordered if m.latitude is not None and m.longitude is not None]
    if located:
        place_from = min(
            located, key=lambda m: (int(m.geo_precision or 3), -_weight(m), ordered.index(m))
        )
    else:
        place_from = _vote(ordered, lambda m: (m.country, m.admin1, m.admin2, m.location))[1]
    actor1, actor1_from = _vote(ordered, lambda m: (m.actor1, m.inter1))
    with_actor2 = [m for m in ordered if m.actor2]
    actor2, actor2_from = (
        _vote(with_actor2, lambda m: (m.actor2, m.inter2)) if with_actor2 else (("", None), None)
    )
    low, best, high = fatality_range(ordered)
    outcomes = [m for m in ordered if m.outcome]
    outcome = _vote(outcomes, lambda m: m.outcome)[0] if outcomes else ""
    civilians = _vote(ordered, lambda m: m.civilian_targeting)[0]
    tags = tuple(dict.fromkeys(t for m in ordered for t in m.tags))
    times = [m.time_of_day for m in dated if m.time_of_day]

    evidence = [
        *_evidence(sub_from, "sub_event_type", "event_type"),
        *_evidence(day_from, "event_date"),
        *_evidence(place_from, "location"),
        *_evidence(actor1_from, "actor1"),
        *(_evidence(actor2_from, "actor2") if actor2_from else []),
        *(e for m in ordered for e in _evidence(m, "fatalities")),
    ]
    articles = list(dict.fromkeys(m.article_id for m in ordered))
    named = outlets or {}
    per_source: dict[str, int] = {}
    for a in articles:
        per_source[named.get(a) or a] = per_source.get(named.get(a) or a, 0) + 1
    sources = [f"{name} ({n} reports)" if n > 1 else name for name, n in per_source.items()]
    tolls = sorted({m.fatalities for m in ordered if m.fatalities > 0})
    notes = (
        f"{sub.value} reported by {len(articles)} source(s)"
        + (f"; fatalities reported: {', '.join(map(str, tolls))}" if tolls else "")
        + "."
    )
    return Event(
        id=event_id,
        dataset=Dataset.CONFLICTWATCH,
        dataset_id=event_id,
        event_date=day,
        time_precision=day_from.time_precision,
        time_of_day=times[0] if times else None,
        event_type=sub.event_type,
        sub_event_type=sub,
        actor1=actor1[0],
        inter1=actor1[1],
        assoc_actor_1=actor1_from.assoc_actor_1,
        actor2=actor2[0],
        inter2=actor2[1],
        assoc_actor_2=actor2_from.assoc_actor_2 if actor2_from else "",
        civilian_targeting=civilians,
        country=place_from.country or _vote(ordered, lambda m: m.country)[0],
        admin1=place_from.admin1,
        admin2=place_from.admin2,
        location=place_from.location,
        latitude=place_from.latitude,
        longitude=place_from.longitude,
        geo_precision=place_from.geo_precision,
        fatalities=best,
        fatalities_low=low,
        fatalities_high=high,
        outcome=outcome,
        tags=tags,
        notes=notes,
        source="; ".join(sources),
        evidence=tuple(evidence),
        mention_ids=tuple(m.id for m in ordered),
        operation_id=operation_id,
    )
