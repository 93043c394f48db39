"""What the parts of extraction hand each other: spans of text with what they were read as.

Every record carries ``start``/``end`` character offsets into the text it was found in (a
sentence or a whole article, as the producing function documents) and the ``quote`` itself, so
that evidence can point at the exact words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from ..taxonomy import ActorType, SubEventType, TimePrecision


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class DateMention:
    """A date or period the text gives, resolved against the publication date."""

    date: dt.date
    precision: TimePrecision
    start: int
    end: int
    quote: str
    date_end: dt.date | None = None  # for ranges ("between Monday and Wednesday")
    relative: bool = False  # resolved from "on Tuesday", "hier", "last week", ...


@dataclass(frozen=True)
class TimeOfDay:
    label: str  # dawn, morning, afternoon, evening, night
    start: int
    end: int
    quote: str


class CasualtyKind(str, Enum):
    KILLED = "killed"
    WOUNDED = "wounded"
    ABDUCTED = "abducted"
    MISSING = "missing"
    ARRESTED = "arrested"


class Side(str, Enum):
    STATE = "state"  # soldiers, gendarmes, police, VDP
    ATTACKERS = "attackers"  # militants, assailants, terrorists
    CIVILIANS = "civilians"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Casualty:
    """A count of people killed/wounded/abducted, as stated (vague words read conservatively)."""

    kind: CasualtyKind
    count: int
    start: int
    end: int
    quote: str
    side: Side = Side.UNKNOWN
    low: int | None = None
    high: int | None = None
    vague: bool = False  # "dozens", "une dizaine", "at least"


class OtherClass(str, Enum):
    """CASE-2021 classes outside ACLED's 25 sub-event types (not political-violence events)."""

    ORG_CRIME = "ORG_CRIME"
    NATURAL_DISASTER = "NATURAL_DISASTER"
    MAN_MADE_DISASTER = "MAN_MADE_DISASTER"
    DIPLO = "DIPLO"
    ATTRIB = "ATTRIB"


@dataclass(frozen=True)
class TypeScore:
    """One candidate label for a passage, with the trigger words that support it."""

    label: SubEventType | OtherClass
    score: float
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    name: str  # canonical pack name
    actor_type: ActorType
    start: int
    end: int
    quote: str
    family: str = ""


@dataclass(frozen=True)
class PlaceMention:
    """A place name as written, with the phrase around it that locates the event."""

    name: str
    start: int
    end: int
    quote: str  # the whole locating phrase, e.g. "30 km north of Gao"
