"""The typed records that flow between stages (PRODUCT.md §3).

Records are frozen: a stage returns new records rather than changing the ones it was given.
Dataset-specific fields that have no place in the shared record (a UCDP ``deaths_a``, a GDELT CAMEO
code) travel in ``Event.extra`` as plain strings.
"""

from __future__ import annotations

import copyreg
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any

from .taxonomy import (
    ActorType,
    DatePrecision,
    DisorderType,
    EventType,
    GeoPrecision,
    SubEventType,
    TimePrecision,
    WherePrecision,
    disorder_type_for,
    interaction_code,
)

_EMPTY: Mapping[Any, Any] = MappingProxyType({})


def _mapping_proxy(items: dict[Any, Any]) -> Mapping[Any, Any]:
    return MappingProxyType(items)


def _reduce_mapping_proxy(proxy: MappingProxyType[Any, Any]) -> tuple[Any, tuple[Any, ...]]:
    return _mapping_proxy, (dict(proxy),)


# Records and packs hold read-only mappings; teach pickle to carry them so records and the
# extractor can travel to worker processes and Dask workers.
copyreg.pickle(MappingProxyType, _reduce_mapping_proxy)


def _empty() -> Mapping[Any, Any]:
    return _EMPTY


class Dataset(str, Enum):
    """Where an event record came from."""

    ACLED = "acled"
    UCDP = "ucdp"
    GDELT = "gdelt"
    CONFLICTWATCH = "conflictwatch"  # built by our own extraction and resolution


@dataclass(frozen=True)
class Evidence:
    """Why a field has its value: the article and the exact span of text that says so."""

    field: str
    quote: str
    article_id: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Event:
    """One event, ACLED-compatible where ACLED has a field and UCDP-compatible where UCDP is richer."""

    id: str
    event_date: dt.date
    event_type: EventType
    sub_event_type: SubEventType
    actor1: str
    country: str
    dataset: Dataset = Dataset.CONFLICTWATCH
    dataset_id: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    time_precision: TimePrecision = TimePrecision.DAY
    date_prec: DatePrecision | None = None
    time_of_day: str | None = None
    disorder_type: DisorderType | None = None
    assoc_actor_1: str = ""
    inter1: ActorType | None = None
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: ActorType | None = None
    interaction: int | None = None
    civilian_targeting: bool = False
    iso: int | None = None
    region: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: GeoPrecision | None = None
    where_prec: WherePrecision | None = None
    fatalities: int = 0
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    outcome: str = ""
    tags: tuple[str, ...] = ()
    notes: str = ""
    source: str = ""
    source_scale: str = ""
    timestamp: int | None = None
    evidence: tuple[Evidence, ...] = ()
    mention_ids: tuple[str, ...] = ()
    # Events of one coordinated operation (simultaneous attacks by one actor in one area) share it.
    operation_id: str | None = None
    extra: Mapping[str, str] = field(default_factory=_empty)

    def __post_init__(self) -> None:
        # Derived codes are filled in so that every record is complete and consistent.
        if self.disorder_type is None:
            object.__setattr__(
                self, "disorder_type", disorder_type_for(self.event_type, self.sub_event_type)
            )
        if self.interaction is None and (self.inter1 or self.inter2):
            object.__setattr__(self, "interaction", interaction_code(self.inter1, self.inter2))
        if self.fatalities_low is None:
            object.__setattr__(self, "fatalities_low", self.fatalities)
        if self.fatalities_high is None:
            object.__setattr__(self, "fatalities_high", self.fatalities)
        if self.date_start is None:
            object.__setattr__(self, "date_start", self.event_date)
        if self.date_end is None:
            object.__setattr__(self, "date_end", self.event_date)
        if not isinstance(self.extra, MappingProxyType):
            object.__setattr__(self, "extra", MappingProxyType(dict(self.extra)))

    @property
    def year(self) -> int:
        return self.event_date.year


@dataclass(frozen=True)
class Article:
    """One report as fetched or read: the unit extraction works on."""

    id: str
    text: str
    url: str = ""
    outlet: str = ""
    title: str = ""
    language: str = ""
    published_at: dt.datetime | None = None
    content_hash: str = ""
    fetched_at: dt.datetime | None = None


@dataclass(frozen=True)
class Mention:
    """One event as one article tells it, with its own fields, evidence and confidence."""

    id: str
    article_id: str
    event_date: dt.date
    event_type: EventType
    sub_event_type: SubEventType
    actor1: str
    time_precision: TimePrecision = TimePrecision.DAY
    time_of_day: str | None = None
    assoc_actor_1: str = ""
    inter1: ActorType | None = None
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: ActorType | None = None
    civilian_targeting: bool = False
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: GeoPrecision | None = None
    fatalities: int = 0
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    fatalities_by_side: Mapping[str, int] = field(default_factory=_empty)
    wounded: int | None = None
    abducted: int | None = None
    outcome: str = ""
    tags: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.0
    event_id: str | None = None


@dataclass(frozen=True)
class Actor:
    """A known actor from a knowledge pack."""

    name: str
    actor_type: ActorType
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)  # language -> names
    affiliation: str = ""
    family: str = ""
    country: str = ""
    active_from: dt.date | None = None
    active_to: dt.date | None = None
    description: str = ""


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    id: str
    name: str
    latitude: float
    longitude: float
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    feature_class: str = ""
    feature_code: str = ""
    population: int = 0
    alternate_names: tuple[str, ...] = ()
    source: str = ""


class SituationKind(str, Enum):
    SIEGE = "siege"
    BLOCKADE = "blockade"
    CONTROL_CHANGE = "control_change"


@dataclass(frozen=True)
class Situation:
    """A state that lasts: a siege or blockade of a town, or a change of territorial control."""

    id: str
    kind: SituationKind
    location: str
    start: dt.date
    actor: str = ""
    end: dt.date | None = None
    country: str = ""
    latitude: float | None = None
    longitude: float | None = None
    notes: str = ""
    event_ids: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    @property
    def ongoing(self) -> bool:
        return self.end is None
