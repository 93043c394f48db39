"""The in-memory gazetteer: places and an index of their names, so a lookup never runs SQL.

Build it from any iterable of :class:`~conflictwatch.model.Place` (a loader, a database query)::

    >>> from conflictwatch.model import Place
    >>> gaz = Gazetteer.from_places([Place("1", "Tombouctou", 16.77, -3.01, "ML",
    ...                                    alternate_names=("Timbuktu",))])
    >>> [(m.place.name, m.how.value) for m in gaz.lookup("timbuktu")]
    [('Tombouctou', 'alternate')]
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz, process

from ..errors import GazetteerError
from ..model import Place
from .names import compact, phonetic, twin_stem

#: Folded names shorter than this are never matched fuzzily: "Ber" would match half the map.
MIN_FUZZY_LENGTH = 5

#: rapidfuzz ratio (0-100) a name must reach, by length of the folded query. Set from edit
#: counts (one edit in a 5-6 letter name is ~83, two in a 10 letter name ~80), checked on dev.
FUZZY_CUTOFFS: tuple[tuple[int, float], ...] = ((5, 88.0), (7, 84.0), (10, 80.0))


class MatchKind(StrEnum):
    """How a query met a gazetteer name, best first."""

    NAME = "name"
    ALTERNATE = "alternate"
    PHONETIC = "phonetic"
    FUZZY = "fuzzy"


MATCH_QUALITY = {
    MatchKind.NAME: 1.0,
    MatchKind.ALTERNATE: 0.97,
    MatchKind.PHONETIC: 0.9,
    MatchKind.FUZZY: 0.8,
}


@dataclass(frozen=True, slots=True)
class PlaceFacts:
    """What ranking reads of a place on every lookup, worked out once when the gazetteer is built."""

    level: int | None  # admin_level(place)
    admin1_key: str  # compact(place.admin1)
    admin2_key: str  # compact(place.admin2)
    #: compact() of the name and every alternate name; only admin areas need them (to tell
    #: whether a place lies in an area the text names), so other places keep an empty set.
    name_keys: frozenset[str]
    phi: float  # latitude in radians and its cosine, for arc_km()
    cos_phi: float
    #: What the place is worth before any context (see ranking.score): the prior of its kind
    #: when the text asks for no area, and its population and curation bonuses.
    prior: float
    prior_reason: str
    population_score: float  # 0 when unknown
    curated: bool
    static_reasons: tuple[str, ...]  # population, curated
    #: longitude_span() of the place for NEARBY_RADIUS_KM: the one radius every lookup with
    #: co-mentioned places measures.
    nearby_span: float


@dataclass(frozen=True)
class NameMatch:
    """One place a query may mean, and how well the name matched (0-1)."""

    place: Place
    how: MatchKind
    similarity: float
    matched: str
    #: The gazetteer's precomputed facts of ``place``; None for places from elsewhere
    #: (boundaries), whose facts are worked out when needed.
    facts: PlaceFacts | None = field(default=None, repr=False, compare=False)


class Hit(NamedTuple):
    """A :class:`NameMatch` as a plain tuple, always with facts: what the geocoder ranks.

    A lookup can return dozens of places ('Madina'); tuples keep that cheap.
    """

    place: Place
    how: MatchKind
    similarity: float
    matched: str
    facts: PlaceFacts


# Admin level of GeoNames feature codes: 0 country, 1 region, 2 cercle/province, 3 commune.
_ADMIN_LEVEL = {"PCLI": 0, "PCL": 0, "ADM1": 1, "ADM2": 2, "ADM3": 3, "ADM4": 4}


def admin_level(place: Place) -> int | None:
    """The administrative level a place stands for, or None for a populated place or a site."""
    if place.feature_class != "A":
        return None
    return _ADMIN_LEVEL.get(place.feature_code.rstrip("H"), 3)


_POINT_PRIOR = {"PPLC": 0.6, "PPLA": 0.45, "PPLA2": 0.35, "PPLA3": 0.2, "PPLA4": 0.1, "PPL": 0.0,
                "PPLX": -0.2, "PPLL": -0.1, "PPLQ": -0.6, "PPLH": -0.6, "PPLW": -0.6}  # fmt: skip
# Unless the text asks for an area, a bare name means the town, not the region named after it.
_AREA_PRIOR = {0: -1.2, 1: -0.7, 2: -0.5, 3: -0.05, 4: -0.05}
#: Curated pack entries are the places conflict reporting is about.
CURATED_PRIOR = 0.25
CURATED_PREFIX = "pack:"


def place_facts(place: Place) -> PlaceFacts:
    """The static facts ranking needs about ``place``."""
    level = admin_level(place)
    names: frozenset[str] = frozenset()
    reason = ""
    if level is not None:
        names = frozenset(compact(n) for n in (place.name, *place.alternate_names))
        prior = _AREA_PRIOR.get(level, 0.0)
        reason = "an admin area, not a town" if level in (0, 1, 2) else ""
    elif place.feature_class == "P" or not place.feature_class:
        prior = _POINT_PRIOR.get(place.feature_code, 0.0)
        reason = f"seat {place.feature_code}" if prior > 0 else ""
    else:
        prior, reason = -0.4, f"feature class {place.feature_class}"
    population, reasons = 0.0, []
    if place.population > 0:
        population = 0.1 * math.log10(1 + place.population)
        reasons.append(f"population {place.population}")
    curated = place.source.startswith(CURATED_PREFIX)
    if curated:
        reasons.append("curated")
    phi = math.radians(place.latitude)
    cos_phi = math.cos(phi)
    return PlaceFacts(
        level, compact(place.admin1), compact(place.admin2), names, phi, cos_phi,
        prior, reason, population, curated, tuple(reasons),
        longitude_span(place.latitude, cos_phi, NEARBY_RADIUS_KM),
    )  # fmt: skip


EARTH_RADIUS_KM = 6371.0088
#: How far (km) a co-mentioned place still pulls a candidate towards it (see ranking.score).
NEARBY_RADIUS_KM = 250.0
#: Kilometres per degree of latitude, rounded down: two points this many degrees of latitude
#: apart are at least that many km apart, so far points are skipped without trigonometry.
KM_PER_DEGREE_FLOOR = 111.0


def longitude_span(lat: float, cos_phi: float, radius_km: float) -> float:
    """The longitude gap (degrees) beyond which a point within the latitude band of
    ``radius_km`` around latitude ``lat`` (cosine ``cos_phi``) is surely at least that far."""
    degrees = radius_km / KM_PER_DEGREE_FLOOR
    # Haversine: a >= cos(lat1) * cos(lat2) * sin²(Δlon / 2), and inside the latitude band
    # cos(lat2) >= low; so a longitude gap of `span` or more means at least radius_km.
    low = math.cos(math.radians(min(90.0, abs(lat) + degrees)))
    reach = math.sin(radius_km / (2 * EARTH_RADIUS_KM)) / math.sqrt(max(cos_phi * low, 1e-300))
    return 1.01 * math.degrees(2 * math.asin(reach)) if reach < 1 else 360.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    return arc_km(p1, math.cos(p1), lon1, p2, math.cos(p2), lon2)


def arc_km(p1: float, cos1: float, lon1: float, p2: float, cos2: float, lon2: float) -> float:
    """:func:`haversine_km` from latitudes already in radians, with their cosines."""
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + cos1 * cos2 * math.sin(dl / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Places with exact, alternate, phonetic and fuzzy name indexes. Immutable once built."""

    def __init__(self, places: Iterable[Place]) -> None:
        self._places: tuple[Place, ...] = tuple(places)
        self._by_id: dict[str, Place] = {}
        self._names: dict[str, list[int]] = {}
        self._alternates: dict[str, list[int]] = {}
        self._sounds: dict[str, list[int]] = {}
        self._facts: tuple[PlaceFacts, ...] = tuple(place_facts(p) for p in self._places)
        # Phonetic and fuzzy searches remembered by name: the places never change, and reports
        # repeat the same misspelt or unknown names (bounded; cleared when full).
        self._inexact: dict[tuple[str, bool], tuple[Hit, ...]] = {}
        for i, place in enumerate(self._places):
            self._by_id.setdefault(place.id, place)
            self._add(self._names, compact(place.name), i)
            self._add(self._sounds, phonetic(place.name), i)
            for alt in place.alternate_names:
                key = compact(alt)
                if key.isascii():  # other scripts cannot meet our folded Latin queries
                    self._add(self._alternates, key, i)
                    self._add(self._sounds, phonetic(alt), i)
        self._fuzzy_keys: list[str] = sorted(
            k for k in {*self._names, *self._alternates} if len(k) >= MIN_FUZZY_LENGTH - 1
        )
        # The same keys by length (each list still sorted): a ratio of at least ``cutoff``
        # needs lengths close enough, so a query scores only the lengths that can reach it.
        self._fuzzy_by_length: dict[int, list[str]] = {}
        for k in self._fuzzy_keys:
            self._fuzzy_by_length.setdefault(len(k), []).append(k)
        self._fuzzy_candidates: dict[int, list[str]] = {}
        # Exact matches ready made (names, then alternates of other places): most lookups end
        # here, and one name may stand for dozens of places ('Madina').
        self._exact: dict[str, tuple[Hit, ...]] = {}
        for key in {*self._names, *self._alternates}:
            found: dict[int, Hit] = {}
            for how, index in (
                (MatchKind.NAME, self._names),
                (MatchKind.ALTERNATE, self._alternates),
            ):
                quality = MATCH_QUALITY[how]
                for i in index.get(key, ()):
                    if i not in found:
                        found[i] = Hit(self._places[i], how, quality, key, self._facts[i])
            self._exact[key] = tuple(found.values())

    @staticmethod
    def _add(index: dict[str, list[int]], key: str, i: int) -> None:
        if not key:
            return
        bucket = index.setdefault(key, [])
        if not bucket or bucket[-1] != i:
            bucket.append(i)

    @classmethod
    def from_places(cls, places: Iterable[Place]) -> Gazetteer:
        """Build the index from places (a loader's iterator, a query, a list)."""
        gazetteer = cls(places)
        if not gazetteer._places:
            raise GazetteerError("the gazetteer is empty: load at least one place")
        return gazetteer

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)

    def get(self, place_id: str) -> Place | None:
        return self._by_id.get(place_id)

    def countries(self) -> Counter[str]:
        return Counter(p.country for p in self._places)

    def stats(self) -> dict[str, int]:
        """Counts for a `gazetteer stats` display: places, names, and places per feature class."""
        counts = {"places": len(self._places), "names": len(self._names) + len(self._alternates)}
        for feature_class, n in Counter(p.feature_class or "?" for p in self._places).items():
            counts[f"class {feature_class}"] = n
        return counts

    def lookup(self, name: str, *, fuzzy: bool = True) -> list[NameMatch]:
        """Every place the name may mean, best match first; fuzzy only when nothing is exact."""
        return [NameMatch(*hit) for hit in self.hits(name, fuzzy=fuzzy)]

    def exact_hits(self, key: str) -> tuple[Hit, ...]:
        """Places whose name or an alternate name has the :func:`compact` form ``key``, best
        first, built with the gazetteer: :meth:`hits` without the copy, ``matched`` is the key.
        """
        return self._exact.get(key, ())

    def hits(self, name: str, *, fuzzy: bool = True) -> list[Hit]:
        """:meth:`lookup` as tuples (with each place's precomputed facts), for the geocoder."""
        key = compact(name)
        if not key:
            return []
        exact = self._exact.get(key)
        if not exact and (stem := twin_stem(name)) is not None:
            exact = self._exact.get(compact(stem))  # a numbered twin lies beside its namesake
        if exact:  # names (1.0) before alternates (0.97): already best first
            return [Hit(h.place, h.how, h.similarity, name, h.facts) for h in exact]
        remembered = self._inexact.get((name, fuzzy))
        if remembered is None:
            if len(self._inexact) >= INEXACT_MEMO_SIZE:
                self._inexact.clear()
            remembered = self._inexact[name, fuzzy] = tuple(self._inexact_hits(name, key, fuzzy))
        return list(remembered)

    def _inexact_hits(self, name: str, key: str, fuzzy: bool) -> list[Hit]:
        places, facts = self._places, self._facts
        found: dict[int, Hit] = {}
        # The phonetic key (costly) only when names and alternates miss.
        quality = MATCH_QUALITY[MatchKind.PHONETIC]
        for i in self._sounds.get(phonetic(name), ()):
            if i not in found:
                found[i] = Hit(places[i], MatchKind.PHONETIC, quality, name, facts[i])
        if found or not fuzzy or len(key) < MIN_FUZZY_LENGTH:
            return list(found.values())  # phonetic hits share one quality
        cutoff = _cutoff(key)
        scored = process.extract(
            key, self._candidates(len(key), cutoff), scorer=fuzz.ratio, score_cutoff=cutoff,
            limit=None,
        )  # fmt: skip
        # Best five as over all keys: by score, ties in key order (the keys are sorted).
        scored.sort(key=lambda s: (-s[1], s[0]))
        for other, score, _ in scored[:5]:
            quality = MATCH_QUALITY[MatchKind.FUZZY] * score / 100
            for i in [*self._names.get(other, ()), *self._alternates.get(other, ())]:
                if i not in found or found[i].similarity < quality:
                    found[i] = Hit(places[i], MatchKind.FUZZY, quality, other, facts[i])
        if len(found) < 2:
            return list(found.values())
        return sorted(found.values(), key=itemgetter(2), reverse=True)  # by similarity; stable

    def _candidates(self, length: int, cutoff: float) -> list[str]:
        """Fuzzy keys whose length lets ``fuzz.ratio`` reach ``cutoff`` against a query of
        ``length`` characters: the ratio is at most 200 * min(a, b) / (a + b)."""
        found = self._fuzzy_candidates.get(length)
        if found is None:
            found = self._fuzzy_candidates[length] = [
                k
                for size, keys in self._fuzzy_by_length.items()
                if 200 * min(size, length) / (size + length) >= cutoff - 1e-6
                for k in keys
            ]
        return found


#: Names whose phonetic or fuzzy search a gazetteer remembers.
INEXACT_MEMO_SIZE = 16_384


def _cutoff(key: str) -> float:
    cutoff = 100.0
    for length, score in FUZZY_CUTOFFS:
        if len(key) >= length:
            cutoff = score
    return cutoff
