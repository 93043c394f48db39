"""The plain records of a knowledge pack (countries, periods, glossary entries) and the small
helpers every part of the pack shares: name folding and partial dates."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

FAMILIES = frozenset(
    {
        "al-qaeda",
        "islamic-state",
        "separatist",
        "state",
        "foreign",
        "militia",
        "un",
        "regional",
        "other-armed",
        "civilians",
        "protesters",
    }
)
GLOSSARY_KINDS = frozenset({"place", "institution", "term", "actor-context"})

_WORD = re.compile(r"[^\W_]+")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def fold(text: str) -> str:
    """The matching key of a name: lower case, no accents, words joined by single spaces.

    >>> fold("  Groupe de soutien à l'Islam ")
    'groupe de soutien a l islam'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(bare))


@dataclass(frozen=True)
class Country:
    iso2: str
    name: str
    capital: str
    latitude: float
    longitude: float
    name_fr: str = ""


@dataclass(frozen=True)
class Period:
    """A named milestone ("Coup of 24 May 2021") that splits time for before/after comparisons."""

    id: str
    label: Mapping[str, str]  # language -> label
    date: dt.date
    countries: tuple[str, ...]
    description: str = ""
    precision: str = "day"  # day | month | year: how much of ``date`` the source data gave
    # "turning-point" (a coup, an arrival or departure of forces, an agreement, a war resuming) or
    # "event" (one attack or massacre): trends are compared around turning points.
    kind: str = "turning-point"

    def label_in(self, language: str) -> str:
        return self.label.get(language) or next(iter(self.label.values()))


@dataclass(frozen=True)
class GlossaryEntry:
    """A "Did you know?" note on a place, institution, term or actor."""

    key: str
    title: str
    kind: str
    text: str
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    countries: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.title, *(a for names in self.aliases.values() for a in names))


def parse_partial_date(value: object, *, end: bool = False) -> tuple[dt.date, str] | None:
    """Read YYYY, YYYY-MM or YYYY-MM-DD (or a YAML date/int) as a date and its precision.

    With ``end`` a partial date stands for its last day ("2017" -> 2017-12-31), as active_to needs.
    Raises ValueError for anything else.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {type(value).__name__}")
    match = _DATE.match(str(value).strip())
    if not match:
        raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if not month:
        return (dt.date(year, 12, 31) if end else dt.date(year, 1, 1)), "year"
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is not 1-12")
    if not day:
        return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1), "month"
    return dt.date(year, month, day), "day"
