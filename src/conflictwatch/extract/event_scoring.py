"""Scoring extracted events against gold events: one-to-one matching and field accuracy.

A predicted and a gold event match when they have the same event type, lie within 50 km and are
at most 2 days apart; pairs are matched greedily, closest first, each event used once.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

MAX_KM = 50.0
MAX_DAYS = 2
LOCATION_KM = 25.0


@dataclass(frozen=True)
class CodedEvent:
    """The fields compared, from either side (gold or predicted)."""

    event_date: dt.date
    event_type: str
    sub_event_type: str
    actor1: str = ""
    actor2: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int = 0

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CodedEvent:
        return cls(
            event_date=dt.date.fromisoformat(str(data["event_date"])[:10]),
            event_type=str(data["event_type"]),
            sub_event_type=str(data.get("sub_event_type") or ""),
            actor1=str(data.get("actor1") or ""),
            actor2=str(data.get("actor2") or ""),
            location=str(data.get("location") or ""),
            latitude=_float(data.get("latitude")),
            longitude=_float(data.get("longitude")),
            fatalities=int(data.get("fatalities") or 0),
        )


def _float(value: object) -> float | None:
    return None if value in (None, "") else float(value)  # type: ignore[arg-type]


def km(a: CodedEvent, b: CodedEvent) -> float:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))  # type: ignore[arg-type]
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def match(predicted: Sequence[CodedEvent], gold: Sequence[CodedEvent]) -> list[tuple[int, int]]:
    """Index pairs (predicted, gold), one-to-one, closest first."""
    options = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            days = abs((p.event_date - g.event_date).days)
            distance = km(p, g)
            if p.event_type == g.event_type and distance <= MAX_KM and days <= MAX_DAYS:
                options.append((days, distance, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _days, _distance, i, j in sorted(options):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


@dataclass
class EventScore:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    field_hits: dict[str, int] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        return self.field_hits.get(name, 0) / self.matched if self.matched else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles_predicted_events": self.predicted,
            "gold_events": self.gold,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            **{f"{name}_accuracy": round(self.accuracy(name), 4) for name in FIELDS},
        }


FIELDS = ("sub_event_type", "actor1", "actor2", "location_25km", "date_exact", "fatalities_exact")


@dataclass(frozen=True)
class Differences:
    """What one article's extraction got wrong: gold events missed, predictions with no gold
    event, and the fields that differ in matched pairs."""

    missed: tuple[CodedEvent, ...] = ()
    spurious: tuple[CodedEvent, ...] = ()
    wrong: tuple[tuple[str, CodedEvent, CodedEvent], ...] = ()  # (field, predicted, gold)

    def __bool__(self) -> bool:
        return bool(self.missed or self.spurious or self.wrong)

    def as_dict(self) -> dict[str, Any]:
        def brief(event: CodedEvent) -> dict[str, Any]:
            return {
                "event_date": event.event_date.isoformat(), "event_type": event.event_type,
                "sub_event_type": event.sub_event_type, "actor1": event.actor1,
                "actor2": event.actor2, "location": event.location,
                "latitude": event.latitude, "longitude": event.longitude,
                "fatalities": event.fatalities,
            }  # fmt: skip

        return {
            "missed": [brief(e) for e in self.missed],
            "spurious": [brief(e) for e in self.spurious],
            "wrong": [
                {"field": name, "predicted": brief(p), "gold": brief(g)}
                for name, p, g in self.wrong
            ],
        }


def score(
    predicted: Sequence[CodedEvent],
    gold: Sequence[CodedEvent],
    into: EventScore,
    same_actor: Callable[[str, str], bool],
) -> Differences:
    """Add one article's comparison to ``into``; return what differed."""
    into.predicted += len(predicted)
    into.gold += len(gold)
    pairs = match(predicted, gold)
    wrong = []
    for i, j in pairs:
        p, g = predicted[i], gold[j]
        into.matched += 1
        hits = {
            "sub_event_type": p.sub_event_type == g.sub_event_type,
            "actor1": same_actor(p.actor1, g.actor1),
            "actor2": same_actor(p.actor2, g.actor2),
            "location_25km": km(p, g) <= LOCATION_KM,
            "date_exact": p.event_date == g.event_date,
            "fatalities_exact": p.fatalities == g.fatalities,
        }
        for name, hit in hits.items():
            into.field_hits[name] = into.field_hits.get(name, 0) + int(hit)
            if not hit:
                wrong.append((name, p, g))
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    return Differences(
        missed=tuple(g for j, g in enumerate(gold) if j not in matched_g),
        spurious=tuple(p for i, p in enumerate(predicted) if i not in matched_p),
        wrong=tuple(wrong),
    )
