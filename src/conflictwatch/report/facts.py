"""Facts: every number a briefing states, with an id, its value, what it means and what it rests on.

Text never holds a bare number. A template asks the :class:`FactBook` to record a fact and gets
back a marker (``⟦fact-id⟧``) to put in its sentence; the renderers replace the marker with the
fact's display form (in HTML wrapped in ``<span class="fact" data-fact="fact-id">``). So every
figure a reader sees is a fact in the appendix, with the events (and through them the source
articles) it was computed from.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import ConflictWatchError

#: A fact lists at most this many event ids; ``event_count`` always gives the full number.
MAX_EVENT_IDS = 200

MARKER = re.compile(r"⟦([a-z0-9][a-z0-9._-]*)⟧")


class Unit:
    """How a fact's value is shown."""

    COUNT = "count"  # 1,234
    RATIO = "ratio"  # 2.31
    PERCENT = "percent"  # value is a share in 0..1, shown 45%
    KM = "km"  # 312 km
    RATE = "rate"  # 12.5 (events per 30 days)
    DATE = "date"  # 2024-09-17
    TEXT = "text"  # a name or label


def display(value: float | int | str, unit: str) -> str:
    """The form in which a value is printed in the briefing."""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and math.isinf(value):
        return "∞"
    if isinstance(value, float) and math.isnan(value):
        return "n/a"
    if unit == Unit.COUNT:
        return f"{round(value):,}"
    if unit == Unit.PERCENT:
        return f"{value:.0%}"
    if unit == Unit.KM:
        return f"{value:,.0f} km"
    if unit == Unit.RATE:
        return f"{value:,.1f}"
    return f"{value:,.2f}"


@dataclass(frozen=True)
class Fact:
    """One number (or date, or name) the briefing states."""

    id: str
    value: float | int | str
    unit: str
    description: str
    event_count: int
    event_ids: tuple[str, ...] = ()
    method: str = ""

    @property
    def display(self) -> str:
        return display(self.value, self.unit)

    def as_dict(self, articles: Mapping[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
        value: Any = self.value
        if isinstance(value, float) and not math.isfinite(value):
            value = str(value)  # JSON has no inf or nan
        row: dict[str, Any] = {
            "id": self.id,
            "value": value,
            "display": self.display,
            "unit": self.unit,
            "description": self.description,
            "event_count": self.event_count,
            "event_ids": list(self.event_ids),
        }
        if self.method:
            row["method"] = self.method
        if articles is not None:
            found = {a for e in self.event_ids for a in articles.get(e, ())}
            row["articles"] = sorted(found)
        return row


@dataclass(frozen=True)
class Facts:
    """Every fact of a briefing, in the order they were stated."""

    items: tuple[Fact, ...]

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, fact_id: str) -> Fact:
        for fact in self.items:
            if fact.id == fact_id:
                return fact
        raise KeyError(f"no fact {fact_id!r}")

    def __contains__(self, fact_id: object) -> bool:
        return any(f.id == fact_id for f in self.items)


class FactBook:
    """Collects facts while the briefing is written; :meth:`add` returns the marker to cite."""

    def __init__(self) -> None:
        self._facts: dict[str, Fact] = {}

    def add(
        self,
        fact_id: str,
        value: float | int | str,
        description: str,
        events: Iterable[str] = (),
        *,
        unit: str = Unit.COUNT,
        method: str = "",
        event_count: int | None = None,
    ) -> str:
        """Record a fact (the same id twice must carry the same value) and return its marker."""
        if not MARKER.fullmatch(f"⟦{fact_id}⟧"):
            raise ConflictWatchError(f"fact id {fact_id!r} must be lower-case letters, digits, .-_")
        ids = tuple(dict.fromkeys(events))
        fact = Fact(
            fact_id,
            value,
            unit,
            description,
            len(ids) if event_count is None else event_count,
            ids[:MAX_EVENT_IDS],
            method,
        )
        known = self._facts.get(fact_id)
        if known is not None and known.display != fact.display:
            raise ConflictWatchError(
                f"fact {fact_id!r} stated twice with different values: "
                f"{known.display} and {fact.display}"
            )
        self._facts.setdefault(fact_id, fact)
        return f"⟦{fact_id}⟧"

    def facts(self) -> Facts:
        return Facts(tuple(self._facts.values()))


def fact_ids(text: str) -> list[str]:
    """The fact ids cited in a text, in order."""
    return MARKER.findall(text)


def plain(text: str, facts: Facts) -> str:
    """The text with each marker replaced by its fact's display form."""
    return MARKER.sub(lambda m: facts[m.group(1)].display, text)
