"""Coordinated operations: separate events that one actor carried out together.

Two events belong to one operation when they happened on the same day (both dated to the day),
their first actor is the same (by canonical name), they lie within ``operation_km`` of each
other, and a report tags them ``coordinated`` or gives both the same time of day (simultaneous
attacks, like the September 2024 dawn attacks on the Faladié gendarmerie school and the airport
base in Bamako). Each stays its own event; they share an ``operation_id``.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence

from ..model import Event
from ..taxonomy import TimePrecision
from .features import ActorIndex
from .options import ResolveOptions

COORDINATED_TAG = "coordinated"


def _km(a: Event, b: Event) -> float:
    assert a.latitude is not None and a.longitude is not None
    assert b.latitude is not None and b.longitude is not None
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.longitude - a.longitude) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def operation_id_for(event_id: str) -> str:
    return "op-" + hashlib.blake2b(event_id.encode(), digest_size=6).hexdigest()


def together(a: Event, b: Event, actors: ActorIndex, options: ResolveOptions) -> bool:
    """Whether two events are parts of one coordinated operation."""
    if a.id == b.id or a.event_date != b.event_date:
        return False
    if a.time_precision != TimePrecision.DAY or b.time_precision != TimePrecision.DAY:
        return False
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    ka, kb = actors.key(a.actor1), actors.key(b.actor1)
    if ka is None or kb is None or ka.canonical != kb.canonical:
        return False
    if _km(a, b) > options.operation_km:
        return False
    tagged = COORDINATED_TAG in a.tags or COORDINATED_TAG in b.tags
    simultaneous = a.time_of_day is not None and a.time_of_day == b.time_of_day
    return tagged or simultaneous


def link_operations(
    events: Sequence[Event], actors: ActorIndex, options: ResolveOptions | None = None
) -> dict[str, str | None]:
    """The operation id of every event given (None when it stands alone).

    A group keeps an operation id one of its events already had (the smallest), so ids are
    stable as events arrive; a new group is named after its first event id.
    """
    options = options or ResolveOptions()
    parent = {e.id: e.id for e in events}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_day: dict[object, list[Event]] = {}
    for e in events:
        by_day.setdefault(e.event_date, []).append(e)
    for group in by_day.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if together(a, b, actors, options):
                    ra, rb = root(a.id), root(b.id)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[Event]] = {}
    for e in events:
        members.setdefault(root(e.id), []).append(e)
    result: dict[str, str | None] = {}
    for group in members.values():
        if len(group) == 1:
            result[group[0].id] = None
            continue
        kept = sorted(e.operation_id for e in group if e.operation_id)
        name = kept[0] if kept else operation_id_for(min(e.id for e in group))
        for e in group:
            result[e.id] = name
    return result
