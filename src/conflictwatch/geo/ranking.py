"""How candidate places for one name are scored against the context: the general rules.

Each rule adds to a score and says why, so a resolution can show its reasoning. Weights are
in "name match" units: an exact name is worth 2, the right country 1, the admin area the text
names 1, being near the other places the text mentions up to 1.2.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Place
from .boundaries import AdminIndex

# The context-free priors (kind of place, population, curated) are worked out per place when
# the gazetteer is built: see gazetteer.place_facts.
from .gazetteer import CURATED_PREFIX as CURATED_PREFIX
from .gazetteer import (
    CURATED_PRIOR,
    KM_PER_DEGREE_FLOOR,
    MATCH_QUALITY,
    Gazetteer,
    Hit,
    MatchKind,
    NameMatch,
    PlaceFacts,
    arc_km,
    longitude_span,
    place_facts,
)
from .gazetteer import NEARBY_RADIUS_KM as NEARBY_RADIUS_KM
from .names import AreaKind, compact

_LEVEL_OF_KIND = {AreaKind.ADMIN1: 1, AreaKind.ADMIN2: 2}
#: "name match 1.00" and the like, formatted once for the fixed qualities of exact matches.
_EXACT_REASONS = {
    quality: (how, f"{how} match {quality:.2f}")
    for how, quality in MATCH_QUALITY.items()
    if how is not MatchKind.FUZZY
}
NEARBY_CAP = 1.2
#: A section of a town (feature code PPLX) this close to a place the text names is that town's
#: quarter, and counts for more than a village of the same name further off.
QUARTER_KM = 15.0
QUARTER_BONUS = 0.5
#: How far (km) from a hinted area's point a candidate still counts as probably inside it.
HINT_RADIUS_KM = {AreaKind.ADMIN1: 250.0, AreaKind.ADMIN2: 90.0}


#: Points as (latitude, longitude, latitude in radians, its cosine), ready for arc_km().
Prepared = tuple[tuple[float, float, float, float], ...]


def _prepare(points: tuple[tuple[float, float], ...]) -> Prepared:
    return tuple(
        (lat, lon, phi, math.cos(phi)) for lat, lon in points for phi in [math.radians(lat)]
    )


@dataclass(frozen=True)
class HintArea:
    """An admin area named in the text, as keys to compare admin fields with and points."""

    label: str
    kind: AreaKind
    keys: frozenset[str]
    points: tuple[tuple[float, float], ...]
    prepared: Prepared = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "prepared", _prepare(self.points))


@dataclass(frozen=True)
class NearbyPlace:
    """A co-mentioned name and the points it may stand for (fewer points, more weight)."""

    name: str
    points: tuple[tuple[float, float], ...]
    prepared: Prepared = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "prepared", _prepare(self.points))

    @property
    def weight(self) -> float:
        return 1.0 / math.sqrt(len(self.points))


@dataclass(frozen=True)
class Scene:
    """The context, looked up once per resolution."""

    countries: tuple[str, ...] = ()
    hints: tuple[HintArea, ...] = ()
    nearby: tuple[NearbyPlace, ...] = ()
    kind: AreaKind | None = None
    boundaries: AdminIndex | None = field(default=None, compare=False)


def facts_of(match: NameMatch | Hit) -> PlaceFacts:
    return match.facts if match.facts is not None else place_facts(match.place)


def hint_area(gazetteer: Gazetteer, name: str, kind: AreaKind) -> HintArea:
    keys = {compact(name)}
    points = []
    for hit in gazetteer.hits(name, fuzzy=False):
        if hit.facts.level is not None:
            keys.update(hit.facts.name_keys)
        points.append((hit.place.latitude, hit.place.longitude))
    return HintArea(name, kind, frozenset(k for k in keys if k), tuple(points))


def nearby_place(gazetteer: Gazetteer, name: str) -> NearbyPlace | None:
    points = tuple(
        (hit.place.latitude, hit.place.longitude)
        for hit in gazetteer.hits(name, fuzzy=False)
        if hit.facts.level not in (0, 1)  # a country or region centroid says little
    )
    return NearbyPlace(name, points) if points else None


def nearest_km(place: Place, facts: PlaceFacts, points: Prepared, radius_km: float) -> float | None:
    """Distance to the nearest of ``points`` when under ``radius_km``; else None or a distance
    of at least ``radius_km``. Points surely that far (by latitude, then longitude) are skipped
    without trigonometry.
    """
    return _nearest(place, facts, points, radius_km, _span(place, facts, radius_km))


def _span(place: Place, facts: PlaceFacts, radius_km: float) -> float:
    if radius_km == NEARBY_RADIUS_KM:
        return facts.nearby_span
    return longitude_span(place.latitude, facts.cos_phi, radius_km)


def _nearest(
    place: Place, facts: PlaceFacts, points: Prepared, radius_km: float, span: float
) -> float | None:
    """:func:`nearest_km` with the place's :func:`_span` for ``radius_km`` worked out."""
    lat, lon, phi, cos_phi = place.latitude, place.longitude, facts.phi, facts.cos_phi
    degrees = radius_km / KM_PER_DEGREE_FLOOR
    nearest = None
    for p_lat, p_lon, p_phi, p_cos in points:
        if -degrees < p_lat - lat < degrees:
            gap = abs(p_lon - lon) % 360.0
            if min(gap, 360.0 - gap) >= span:
                continue
            km = arc_km(phi, cos_phi, lon, p_phi, p_cos, p_lon)
            if nearest is None or km < nearest:
                nearest = km
    return nearest


def _match_reason(match: NameMatch | Hit) -> str:
    known = _EXACT_REASONS.get(match.similarity)
    if known is not None and known[0] is match.how:
        return known[1]
    return f"{match.how} match {match.similarity:.2f}"


def score(
    match: NameMatch | Hit, scene: Scene, explain: bool = True
) -> tuple[float, tuple[str, ...]]:
    """The candidate's score and (when ``explain``) the reasons that made it."""
    place = match.place
    facts = facts_of(match)
    total = 2.0 * match.similarity
    why = [_match_reason(match)] if explain else None
    level = facts.level

    if scene.kind is not None:
        wanted = _LEVEL_OF_KIND[scene.kind]
        if level == wanted:
            total += 1.6
            if why is not None:
                why.append(f"is the {scene.kind} area asked for")
        elif level in (1, 2):
            total += 1.0
            if why is not None:
                why.append("is an admin area")
        elif level is not None:
            total += 0.3
    else:
        total += facts.prior
        if why is not None and facts.prior_reason:
            why.append(facts.prior_reason)

    if facts.population_score:
        total += facts.population_score
    if facts.curated:
        total += CURATED_PRIOR
    if why is not None:
        why.extend(facts.static_reasons)

    if scene.countries and place.country:
        if place.country == scene.countries[0]:
            total += 1.0
            if why is not None:
                why.append(f"in {place.country}")
        elif place.country in scene.countries:
            total += 0.6
            if why is not None:
                why.append(f"in {place.country}")
        else:
            total -= 1.0
            if why is not None:
                why.append(f"outside {'/'.join(scene.countries)}")

    for hint in scene.hints:
        total += _hint_bonus(place, facts, hint, scene.boundaries, why)

    if not scene.nearby:
        return total + 0.0, tuple(why or ())  # + min(NEARBY_CAP, no pull), as below
    pull = 0.0
    quarter = 0.0
    span = facts.nearby_span  # worked out with the gazetteer
    for other in scene.nearby:
        nearest = _nearest(place, facts, other.prepared, NEARBY_RADIUS_KM, span)
        if nearest is None:
            continue  # beyond the radius: no pull
        bonus = other.weight * max(0.0, 1.0 - nearest / NEARBY_RADIUS_KM)
        if bonus > 0.05:
            pull += bonus
            if why is not None:
                why.append(f"{nearest:.0f} km from {other.name}")
        if place.feature_code == "PPLX" and nearest <= QUARTER_KM and not quarter:
            quarter = QUARTER_BONUS  # "Faladié" in a report on Bamako: the city's quarter
            if why is not None:
                why.append(f"a quarter of {other.name}")
    total += min(NEARBY_CAP, pull) + quarter
    return total, tuple(why or ())


def context_free_totals(matches: Sequence[Hit], countries: tuple[str, ...]) -> list[float]:
    """``score(m, Scene(countries), explain=False)[0]`` for each match, in a tight loop.

    The scene of a plain lookup names no area, no kind and no other place, so only the
    precomputed priors and the country focus count. The sums are made in :func:`score`'s order,
    so the totals are the same floats.
    """
    first = countries[0] if countries else None
    totals = []
    for match in matches:
        facts = match.facts
        total = 2.0 * match.similarity
        total += facts.prior
        if facts.population_score:
            total += facts.population_score
        if facts.curated:
            total += CURATED_PRIOR
        country = match.place.country
        if countries and country:
            if country == first:
                total += 1.0
            elif country in countries:
                total += 0.6
            else:
                total -= 1.0
        totals.append(total + 0.0)
    return totals


def context_free_reasons(match: Hit, countries: tuple[str, ...]) -> tuple[str, ...]:
    """``score(match, Scene(countries))[1]``: the reasons behind :func:`context_free_totals`."""
    facts = match.facts
    why: tuple[str, ...] = (
        (_match_reason(match), facts.prior_reason)
        if facts.prior_reason
        else (_match_reason(match),)
    )
    if facts.static_reasons:
        why += facts.static_reasons
    country = match.place.country
    if countries and country:
        if country in countries:
            return (*why, f"in {country}")
        return (*why, f"outside {'/'.join(countries)}")
    return why


def _hint_bonus(
    place: Place,
    facts: PlaceFacts,
    hint: HintArea,
    boundaries: AdminIndex | None,
    why: list[str] | None,
) -> float:
    admin1, admin2 = place.admin1, place.admin2
    key1, key2 = facts.admin1_key, facts.admin2_key
    if boundaries is not None:
        areas = boundaries.locate(place.latitude, place.longitude)
        admin1, admin2 = areas.admin1 or admin1, areas.admin2 or admin2
        key1, key2 = compact(admin1), compact(admin2)
    if key1 in hint.keys or key2 in hint.keys:
        if why is not None:
            why.append(f"in {hint.label} ({hint.kind})")
        return 1.0
    known = admin1 if hint.kind is AreaKind.ADMIN1 else admin2
    if not hint.points or known:
        return 0.0  # the place's own admin data says it is elsewhere
    radius = HINT_RADIUS_KM[hint.kind]
    nearest = nearest_km(place, facts, hint.prepared, radius)
    if nearest is not None and nearest < radius:
        if why is not None:
            why.append(f"{nearest:.0f} km from {hint.label} ({hint.kind} named in text)")
        return 0.6 * (1.0 - nearest / (2 * radius))
    return 0.0
