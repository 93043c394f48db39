"""Place name + context → a located, honestly-precise :class:`Resolution`.

    >>> from conflictwatch.model import Place
    >>> gaz = Gazetteer.from_places([
    ...     Place("1", "Boni", 15.08, -2.22, "ML", "Mopti", "Douentza"),
    ...     Place("2", "Boni", 13.40, -9.98, "ML", "Kayes", "Kita")])
    >>> r = Geocoder(gaz).resolve("Boni", "Attack near Boni, cercle de Douentza")
    >>> r.admin1, r.geo_precision.value, len(r.candidates)
    ('Mopti', 1, 2)

The Geocoder is pure: the gazetteer (and optional boundaries) are injected and nothing is read.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from ..model import Place
from ..taxonomy import GeoPrecision, WherePrecision
from .boundaries import AdminIndex
from .context import Context, area_phrase_count
from .gazetteer import Gazetteer, Hit, MatchKind, admin_level, haversine_km, place_facts
from .names import AreaKind, compact, fold, strip_place_words
from .ranking import (
    Scene,
    context_free_reasons,
    context_free_totals,
    hint_area,
    nearby_place,
    score,
)
from .relative import Between, Offset, destination, midpoint, parse_relative


@dataclass(frozen=True)
class Candidate:
    """One place the name may mean, its score and the reasons behind the score."""

    place: Place
    score: float
    match: MatchKind
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Resolution:
    """Where a name is, how precisely (ACLED geo_precision, UCDP where_prec) and why."""

    query: str
    place: Place | None
    latitude: float | None
    longitude: float | None
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    geo_precision: GeoPrecision | None = None
    where_prec: WherePrecision | None = None
    candidates: tuple[Candidate, ...] = ()
    reason: str = ""

    @property
    def resolved(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class GeocoderOptions:
    """Knobs of the ranking that are not general rules."""

    max_candidates: int = 10
    ambiguity_margin: float = 0.3  # below this score gap the choice is reported as ambiguous
    duplicate_km: float = 10.0  # same-kind candidates closer than this are one place
    cache_size: int = 100_000  # resolutions remembered per Geocoder (0: none); news repeats names


#: Context texts whose parse a Geocoder remembers (when it remembers at all): the mentions of
#: one article arrive together and share its text, so a small memo serves them all.
CONTEXT_MEMO_SIZE = 1024


#: Populated places that can be the seat of an area, most seat-like first.
_SEAT_CODES = ("PPLC", "PPLA", "PPLA2", "PPLA3", "PPL", "")


#: A place found only by a look-alike spelling ("Tamalat" read as "Tamala", "Inates" as
#: "Inatess") farther than this from every place the text names is another place: the name is
#: left unresolved, and the event is placed by what else its passage says.
LOOKALIKE_KM = 150.0


def _far_lookalike(best: Candidate, scene: Scene) -> str | None:
    """Why the best candidate, a fuzzy or phonetic match, is too far from the places the text
    names to be the place meant; None when it is an exact match, or close to one of them, or
    the text names no other place."""
    if best.match not in (MatchKind.FUZZY, MatchKind.PHONETIC) or not scene.nearby:
        return None
    place = best.place
    nearest = min((haversine_km(place.latitude, place.longitude, lat, lon)
                   for other in scene.nearby for lat, lon in other.points), default=None)  # fmt: skip
    if nearest is None or nearest <= LOOKALIKE_KM:
        return None
    return (f"only a look-alike, {place.name} ({place.country}), {nearest:.0f} km from the "
            f"nearest place the text names")  # fmt: skip


class Geocoder:
    """Resolves place names against an injected gazetteer and optional admin boundaries."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        boundaries: AdminIndex | None = None,
        options: GeocoderOptions | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.boundaries = boundaries
        self.options = options or GeocoderOptions()
        # Resolution is a pure function of (name, context) over an immutable gazetteer, so an
        # instance-owned memo is safe; oldest entries go first when it is full.
        self._memo: OrderedDict[tuple[str, Context], Resolution] = OrderedDict()
        self._contexts: OrderedDict[str, Context] = OrderedDict()

    def resolve(self, name: str, context: Context | str | None = None) -> Resolution:
        """Resolve one mention; ``context`` is the surrounding text or a prepared Context."""
        ctx = context if isinstance(context, Context) else self._context(context or "")
        if self.options.cache_size <= 0:
            return self._resolve(name, ctx)
        key = (name, ctx)
        found = self._memo.get(key)
        if found is not None:
            self._memo.move_to_end(key)
            return found
        result = self._memo[key] = self._resolve(name, ctx)
        if len(self._memo) > self.options.cache_size:
            self._memo.popitem(last=False)
        return result

    def context(self, text: str) -> Context:
        """The context a text gives (the countries it names, admin hints, other places),
        remembered like resolutions."""
        return self._context(text)

    def _context(self, text: str) -> Context:
        if self.options.cache_size <= 0:
            return Context.from_text(text)
        ctx = self._contexts.get(text)
        if ctx is not None:
            self._contexts.move_to_end(text)
            return ctx
        ctx = self._contexts[text] = Context.from_text(text)
        if len(self._contexts) > CONTEXT_MEMO_SIZE:
            self._contexts.popitem(last=False)
        return ctx

    def _resolve(self, name: str, ctx: Context) -> Resolution:
        relative = parse_relative(name)
        if isinstance(relative, Between):
            return self._between(name, relative, ctx)
        if isinstance(relative, Offset):
            return self._offset(name, relative, ctx)
        return self._place(name, ctx)

    def resolve_all(
        self, mentions: Iterable[tuple[str, Context | str | None]]
    ) -> Iterator[Resolution]:
        for name, context in mentions:
            yield self.resolve(name, context)

    # --- plain names ----------------------------------------------------------------------

    def _place(self, name: str, ctx: Context) -> Resolution:
        parsed = strip_place_words(name)
        kind = parsed.kind or _kind_from_context(parsed.core, ctx)
        # The ranking never reads Hit.matched: the gazetteer's ready-made exact hits will do.
        matches: Sequence[Hit] = self.gazetteer.exact_hits(compact(parsed.core))
        if not matches:
            matches = self.gazetteer.hits(parsed.core)
        if ctx.countries:
            # A look-alike abroad is not evidence of a place: "Konna" in a report on Mali is not
            # "Konan" in Côte d'Ivoire, nor "Tongo" in Niger a village whose alternate name that
            # is. Only a place's own name counts outside the countries the text is about.
            matches = [m for m in matches
                       if m.place.country in ctx.countries or m.how is MatchKind.NAME]  # fmt: skip
        if kind is not None and self.boundaries is not None:
            matches = [*matches, *self._boundary_matches(parsed.core, kind)]
        if not matches:
            return Resolution(
                name, None, None, None,
                reason=f"no place called {parsed.core!r} (nor a close spelling"
                + (f" in {'/'.join(ctx.countries)}" if ctx.countries else "")
                + f") among {len(self.gazetteer)} gazetteer places",
            )  # fmt: skip
        scene = self._scene(parsed.core, ctx, kind)
        candidates = self._rank(matches, scene)
        best = candidates[0]
        far = _far_lookalike(best, scene)
        if far is not None:
            return Resolution(name, None, None, None, candidates=candidates, reason=far)
        level = admin_level(best.place)
        if level in (1, 2) or (kind is not None and level is not None):
            geo = GeoPrecision.REGION
            where = WherePrecision.ADMIN1 if level in (0, 1) else WherePrecision.ADMIN2
        elif kind is not None and best.place.feature_code != "PPLX":
            # "the Mopti region" but only the town is known (a city's quarter named with an
            # area word, "the Faladie district", is that quarter)
            geo = GeoPrecision.REGION
            where = WherePrecision.ADMIN1 if kind is AreaKind.ADMIN1 else WherePrecision.ADMIN2
        else:
            geo, where = GeoPrecision.PLACE, WherePrecision.EXACT
        if level == 0:
            geo, where = GeoPrecision.REGION, WherePrecision.COUNTRY
        return self._located(
            name, best.place, best.place.latitude, best.place.longitude, geo, where,
            candidates, _explain(best, candidates, self.options.ambiguity_margin),
        )  # fmt: skip

    def at_seat(self, resolution: Resolution) -> Resolution:
        """An area resolution moved to the town the area is named after, as ACLED codes an
        area-only report (geo-precision 3 at the regional or cercle capital): "la région de
        Tombouctou" goes to Tombouctou, not to the region's centroid in the desert. Other
        resolutions, and areas with no town of their name, come back unchanged."""
        area = resolution.place
        if area is None or admin_level(area) not in (1, 2):
            return resolution
        region = fold(area.admin1 or area.name)
        towns = [
            h.place for h in self.gazetteer.exact_hits(compact(area.name))
            if h.place.feature_class in ("P", "") and h.place.feature_code in _SEAT_CODES
            and h.place.country == area.country and fold(h.place.admin1) == region
        ]  # fmt: skip
        if not towns:
            return resolution
        seat = min(towns, key=lambda p: (_SEAT_CODES.index(p.feature_code), -p.population, p.id))
        return replace(resolution, latitude=seat.latitude, longitude=seat.longitude,
                       reason=f"{resolution.reason}; placed at its seat {seat.name}")  # fmt: skip

    def at_reference(self, resolution: Resolution) -> Resolution:
        """A place told as "40 km north of X" moved to X, and one on "the road linking X and Y" to
        X, as ACLED codes them (geo-precision 2 at the reference town): the point the offset or
        the road's midpoint gives stays in the reason. Other resolutions ("between X and Y",
        plain names) come back unchanged."""
        town = resolution.place
        relative = parse_relative(resolution.query)
        if (not (isinstance(relative, Offset) or (isinstance(relative, Between) and relative.road))
                or resolution.geo_precision is not GeoPrecision.NEAR_PLACE or town is None
                or town.latitude is None or town.longitude is None
                or (resolution.latitude, resolution.longitude) == (town.latitude, town.longitude)):  # fmt: skip
            return resolution
        return replace(resolution, latitude=town.latitude, longitude=town.longitude,
                       reason=f"{resolution.reason}; coded at the reference town {town.name} "
                              f"(the offset gives {resolution.latitude:.4f}, "
                              f"{resolution.longitude:.4f})")  # fmt: skip

    def _boundary_matches(self, core: str, kind: AreaKind) -> list[Hit]:
        assert self.boundaries is not None
        level = 1 if kind is AreaKind.ADMIN1 else 2
        places = [self.boundaries.as_place(b) for b in self.boundaries.find(core)
                  if b.level in (level, 1, 2)]  # fmt: skip
        return [Hit(p, MatchKind.NAME, 0.99, core, place_facts(p)) for p in places]

    def _scene(self, core: str, ctx: Context, kind: AreaKind | None) -> Scene:
        if not ctx.admin_hints and not ctx.nearby:
            return Scene(ctx.countries, (), (), kind, self.boundaries)
        own = compact(core)
        hints = tuple(
            hint_area(self.gazetteer, h.name, h.kind)
            for h in ctx.admin_hints
            if compact(h.name) != own
        )
        nearby = []
        seen: set[tuple[float, float]] = set()
        for other in ctx.nearby:
            key = compact(other)
            if key == own or key in own or own in key:
                continue
            found = nearby_place(self.gazetteer, other)
            # Two names of one town ("Timbuktu", "Tombouctou") pull as one place, not twice.
            if found is not None and seen.isdisjoint(found.points):
                seen.update(found.points)
                nearby.append(found)
        return Scene(ctx.countries, hints, tuple(nearby), kind, self.boundaries)

    def _rank(self, matches: Sequence[Hit], scene: Scene) -> tuple[Candidate, ...]:
        if len(matches) == 1:
            only = matches[0]
            total, why = score(only, scene)
            return (Candidate(only.place, round(total, 3), only.how, why),)
        if scene.kind is None and not scene.hints and not scene.nearby:
            # Only the kept few are explained: a plain name may have dozens of homonyms.
            totals = context_free_totals(matches, scene.countries)
            explained = None
        else:
            # Reasons cost less than scoring twice (once to order, once more to explain the kept).
            explained = [score(m, scene) for m in matches]
            totals = [total for total, _ in explained]
        # Best first, ties by place id, then in lookup order (what a stable sort would keep).
        order = sorted(
            zip(
                [-t for t in totals],
                [m.place.id for m in matches],
                range(len(matches)),
                strict=True,
            )
        )
        km, limit = self.options.duplicate_km, self.options.max_candidates
        kept: list[tuple[float, float, Hit]] = []
        chosen: list[int] = []
        near = km / 100  # _same_place's first test, inlined: most pairs fail it
        for _, _, i in order:
            hit = matches[i]
            lat, lon = hit.place.latitude, hit.place.longitude
            for there_lat, there_lon, other in kept:
                if (
                    -near <= lat - there_lat <= near
                    and -near <= lon - there_lon <= near
                    and _same_place(hit, other, km)
                ):
                    break
            else:
                kept.append((lat, lon, hit))
                chosen.append(i)
                if len(kept) == limit:
                    break
        if explained is not None:
            return tuple(
                Candidate(matches[i].place, round(explained[i][0], 3), matches[i].how,
                          explained[i][1])
                for i in chosen
            )  # fmt: skip
        countries = scene.countries
        return tuple(
            Candidate(matches[i].place, round(totals[i], 3), matches[i].how,
                      context_free_reasons(matches[i], countries))
            for i in chosen
        )  # fmt: skip

    def _located(
        self,
        query: str,
        place: Place,
        lat: float,
        lon: float,
        geo: GeoPrecision,
        where: WherePrecision,
        candidates: tuple[Candidate, ...],
        reason: str,
    ) -> Resolution:
        country, admin1, admin2 = place.country, place.admin1, place.admin2
        level = admin_level(place)
        if level == 1:
            admin1, admin2 = place.name, ""
        elif level == 2:
            admin2 = place.name
        if self.boundaries is not None:
            areas = self.boundaries.locate(lat, lon)
            country = areas.country or country
            admin1 = areas.admin1 or admin1
            admin2 = areas.admin2 or admin2 if level != 1 else ""
        return Resolution(
            query, place, lat, lon, country, admin1, admin2, geo, where, candidates, reason
        )

    # --- relative phrases -----------------------------------------------------------------

    def _offset(self, name: str, rel: Offset, ctx: Context) -> Resolution:
        anchor = self._place(rel.anchor, ctx)
        if not anchor.resolved or anchor.place is None:
            return replace(anchor, query=name, reason=f"anchor unresolved: {anchor.reason}")
        lat, lon = anchor.latitude, anchor.longitude
        assert lat is not None and lon is not None
        what = f"near {anchor.place.name}"
        where = WherePrecision.WITHIN_25KM
        if rel.distance_km is not None and rel.bearing is not None:
            lat, lon = destination(lat, lon, rel.distance_km, rel.bearing)
            what = f"{rel.distance_km:g} km at bearing {rel.bearing:g}° from {anchor.place.name}"
        elif rel.distance_km is not None and rel.distance_km > 25:
            where = WherePrecision.ADMIN2  # somewhere on a circle: no better than the cercle
            what = f"{rel.distance_km:g} km from {anchor.place.name} (no direction: anchor point)"
        elif rel.bearing is not None:
            what = f"{_compass(rel.bearing)} of {anchor.place.name} (no distance: anchor point)"
        return self._located(
            name, anchor.place, lat, lon, GeoPrecision.NEAR_PLACE, where,
            anchor.candidates, f"{what}; anchor: {anchor.reason}",
        )  # fmt: skip

    def _between(self, name: str, rel: Between, ctx: Context) -> Resolution:
        tried: list[str] = []
        for first, second in rel.splits or ((rel.first, rel.second),):
            a = self._place(first, replace(ctx, nearby=(*ctx.nearby, second)))
            b = self._place(second, replace(ctx, nearby=(*ctx.nearby, first)))
            if a.resolved and b.resolved and a.place and b.place:
                assert a.latitude is not None and a.longitude is not None
                assert b.latitude is not None and b.longitude is not None
                lat, lon = midpoint(a.latitude, a.longitude, b.latitude, b.longitude)
                half = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) / 2
                where = (
                    WherePrecision.LINEAR_OR_AREA
                    if rel.road or half > 25
                    else WherePrecision.WITHIN_25KM
                )
                what = "road" if rel.road else "between"
                return self._located(
                    name, a.place, lat, lon, GeoPrecision.NEAR_PLACE, where,
                    a.candidates + b.candidates,
                    f"midpoint of {what} {a.place.name} and {b.place.name} ({2 * half:.0f} km "
                    f"apart); {a.reason}; {b.reason}",
                )  # fmt: skip
            tried.append(f"{first!r}: {a.reason}; {second!r}: {b.reason}")
        return Resolution(
            name, None, None, None, reason="an end is unresolved: " + " | ".join(tried)
        )


def _same_place(a: Hit, b: Hit, km: float) -> bool:
    p, q = a.place, b.place
    if abs(p.latitude - q.latitude) > km / 100 or abs(p.longitude - q.longitude) > km / 100:
        return False  # a degree is > 100 km here: no need for trigonometry
    if a.facts.level != b.facts.level:
        return False
    return haversine_km(p.latitude, p.longitude, q.latitude, q.longitude) < km


def _kind_from_context(core: str, ctx: Context) -> AreaKind | None:
    """'in the Mopti region' makes the mention 'Mopti' the region, when it never stands alone."""
    if not ctx.admin_hints:
        return None
    key = fold(core)
    hinted = [h for h in ctx.admin_hints if fold(h.name) == key]
    if not hinted or not ctx.text:
        return None
    alone = len(re.findall(rf"\b{re.escape(key)}\b", fold(ctx.text)))
    return hinted[0].kind if alone <= area_phrase_count(ctx.text, key) else None


def _explain(best: Candidate, candidates: tuple[Candidate, ...], margin: float) -> str:
    place = best.place
    where = ", ".join(x for x in (place.admin2, place.admin1, place.country) if x)
    text = f"{place.name} ({where or place.id}) scored {best.score:.2f}: {'; '.join(best.reasons)}"
    if len(candidates) > 1:
        runner = candidates[1]
        gap = best.score - runner.score
        other = ", ".join(x for x in (runner.place.admin1, runner.place.country) if x)
        label = "ambiguous" if gap < margin else "chosen"
        text = (
            f"{label} among {len(candidates)} candidates, {gap:.2f} ahead of "
            f"{runner.place.name} ({other or runner.place.id}); {text}"
        )
    return text


def _compass(bearing: float) -> str:
    points = (
        "north",
        "north-east",
        "east",
        "south-east",
        "south",
        "south-west",
        "west",
        "north-west",
    )
    return points[round(bearing / 45) % 8]
