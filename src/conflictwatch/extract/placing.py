"""Where a passage happened: the most precise place it, or the sentences around it, name.

    placer = Placer(pack, geocoder)
    resolution, sentence, span = placer.place(passage, sentences, article)

A named locality beats an area, an area beats the whole country; "the capital" names the capital
of the country the article is about.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..geo.context import country_mentions
from ..geo.gazetteer import Gazetteer, MatchKind, admin_level, haversine_km
from ..geo.geocoder import Geocoder, Resolution
from ..geo.names import compact
from ..geo.relative import Offset, parse_relative
from ..knowledge import Pack
from ..model import Article, Mention
from ..taxonomy import GeoPrecision, WherePrecision
from .cues import compile_rule
from .records import Span
from .segments import DATELINE, Passage, Sentence

#: How far before a town the words naming it as a road's or convoy's destination, where people
#: fled to ("ont fui Bosso vers Toumour et Diffa") or where a source was reached may start.
TOWARDS_CHARS = 60
#: A town's name in a pair of towns ("vers Toumour et Diffa").
_TOWN = r"[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)?"
#: How far after "au lendemain de l'attaque" a place may be named and still be that attack's.
RECALLED_CHARS = 80

#: How many sentences after a passage may still name its place.
FOLLOW_AFTER = 3

#: How far back (in sentences) a passage looks for its place and date when it gives none.
LOOK_BACK = 40

#: "the capital" names the country's capital; a regional or provincial capital does not.
CAPITAL = re.compile(
    r"(?<!regional )(?<!provincial )(?<!district )\b(?:capital|capitale)s?\b"
    r"(?!\s+(?:r[ée]gionale|provinciale|du cercle|de (?:la )?(?:r[ée]gion|province)))"
    # "the capital of Mali's newest region", "capitale de la nouvelle région de Ménaka"
    r"(?!\s+(?:of|de|du|des)\s+(?:(?:the|a|la|l'|une?|\w+'s)\s*)?(?:[\w-]+\s+){0,2}"
    r"(?:region|province|cercle|district|department|state|r[ée]gion|d[ée]partement)s?\b)",
    re.IGNORECASE,
)

PRECISE = (WherePrecision.EXACT, WherePrecision.WITHIN_25KM)

#: An area small enough to place a village named with it: a commune, department, province,
#: district or a town's area ("the Torodi area") (a cercle is larger: see CERCLE_NAMESAKE_KM).
SMALL_AREA = re.compile(
    r"\b(?:commune|municipality|municipalité|département|department|province|district|area|"
    r"zone|secteur)\b",
    re.IGNORECASE,
)

#: How far before a place phrase a country naming its owner may stand ("in Mali's ...").
OWNER_CHARS = 16
#: How far after "the capital" a country named with it may end ("the capital of Burkina Faso").
CAPITAL_OWNER_CHARS = 24
_OF_COUNTRY = re.compile(r"\s+(?:of|du|de|d['’])\s*(?:the\s+|la\s+|l['’])?(.+)", re.IGNORECASE)


#: An area named as one ("Soum province", "la région de Ménaka"), not a bare name ("Sahel").
AREA = re.compile(
    r"\b(?:region|r[ée]gion|province|cercle|circle|department|d[ée]partement|commune|district)s?\b",
    re.IGNORECASE,
)

#: A stretch of road the passage names ("entre Fada N'Gourma et Pama", "on the Gao-Ansongo
#: road"): a locality told before the passage refines it only within ROUTE_KM of its point.
ROUTE = re.compile(r"\b(?:entre|between|axe|axis|road|route)\b", re.IGNORECASE)
#: A place given only as a direction from a town, with no distance: "à l'ouest de Tombouctou".
BEARING = re.compile(
    r"^(?:(?:au|à\s+l['’]|in\s+the|to\s+the|north|south|east|west)\s*)?"
    r"(?:nord|sud|est|ouest|north|south|east|west)(?:-\w+)?\s+(?:de|du|d['’]|of)\b",
    re.IGNORECASE,
)
ROUTE_KM = 40.0

#: Farther than this from the small area its passage names, a village is a namesake.
NAMESAKE_KM = 100.0

#: A cercle (Mali's second level: those of the centre span about 150 km, those of the north far
#: more) places a village named with it only within this distance.
CERCLE = re.compile(r"\b(?:cercle|circle)\b", re.IGNORECASE)
CERCLE_NAMESAKE_KM = 250.0


def distance_km(a: Resolution, b: Resolution) -> float:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return 0.0
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))  # type: ignore[arg-type]
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)  # fmt: skip
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def small_areas(found: Iterable[tuple[Resolution, str]]) -> list[tuple[Resolution, float]]:
    """The communes, departments, provinces and cercles among places found (resolution and the
    phrase that named it), each with the distance within which a village named with it lies."""
    return [(r, NAMESAKE_KM if SMALL_AREA.search(quote) else CERCLE_NAMESAKE_KM)
            for r, quote in found if r.latitude is not None
            and (SMALL_AREA.search(quote) or CERCLE.search(quote))]  # fmt: skip


def namesake(place: Resolution, quote: str, areas: list[tuple[Resolution, float]]) -> bool:
    """Whether a village is a namesake of the one meant: far from every small area its passage
    names ("à Komsilga, dans la commune de Thiou", with a Komsilga 300 km from Thiou)."""
    if not areas or SMALL_AREA.search(quote) or CERCLE.search(quote):
        return False
    # a name only spelt alike ("Kologo" for "Koulogon") must lie close to a cercle too
    alike = look_alike(place)
    return all(distance_km(place, area) > (min(limit, NAMESAKE_KM) if alike else limit)
               for area, limit in areas)  # fmt: skip


def _smaller(area: Resolution, other: Resolution) -> bool:
    """Both administrative areas, the first of a lower level (a department within a region)."""
    if area.place is None or other.place is None:
        return False
    levels = admin_level(area.place), admin_level(other.place)
    return levels[0] in (1, 2, 3) and levels[1] in (1, 2, 3) and levels[0] > levels[1]


#: A distance from a town: "à une trentaine de kilomètres de Gossi", "12 km from Titao".
OFFSET = re.compile(r"\b(?:km|kms|kilom[eè]tres?|kilometers?|miles?)\b", re.IGNORECASE)


def _offset_on_route(quote: str, other: str) -> bool:
    """A point measured from a town is more precise than the road it lies on ("sur la route
    reliant Douentza à Gao, à une trentaine de kilomètres de Gossi")."""
    return bool(OFFSET.search(quote)) and bool(ROUTE.search(other)) and not OFFSET.search(other)


def _within(place: Resolution, area: Resolution) -> bool:
    """Whether a place lies in an area (a region or province) by the gazetteer's admin names."""
    if place.country != area.country or not area.admin1 or place.admin1 != area.admin1:
        return False
    return not area.admin2 or place.admin2 == area.admin2


def _near(place: Resolution, route: Resolution) -> bool:
    """Whether a place lies within ROUTE_KM of the point a stretch of road was placed at."""
    if (place.latitude is None or place.longitude is None or route.latitude is None
            or route.longitude is None):  # fmt: skip
        return False
    return (
        haversine_km(place.latitude, place.longitude, route.latitude, route.longitude) <= ROUTE_KM
    )


@dataclass(frozen=True)
class Placer:
    """Chooses a passage's place with an injected geocoder; the pack names each country's capital."""

    pack: Pack
    geocoder: Geocoder
    _towards: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _recalled: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _planned: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _here: re.Pattern[str] = field(init=False, repr=False, compare=False)
    #: The last article's placing context, read once for all its passages.
    _last: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        cues = self.pack.lexicon("cues")
        # "sur l'axe menant à Kaya": the town a road or convoy was going to; "un responsable
        # joint à Diffa": where a source was reached
        # (the second of two: "vers Toumour et Diffa")
        object.__setattr__(self, "_towards", compile_rule(
            rf"(?:%(towards)s|%(towards_patterns)s|%(reached_at)s)\s*(?:{_TOWN}\s+(?:et|and)\s+)?$",
            cues))  # fmt: skip
        # "the day after an attack on a church in Dablo": the other event's place
        object.__setattr__(self, "_recalled", compile_rule(
            rf"(?:%(recalled_patterns)s)[^.;,]{{0,{RECALLED_CHARS}}}$", cues))  # fmt: skip
        # "drove a car into the main army camp here": the town filed from
        object.__setattr__(self, "_here", compile_rule(r"%(filed_here_patterns)s", cues))
        # "organisers promised further rallies in Bobo-Dioulasso": where something is yet to be
        object.__setattr__(self, "_planned", compile_rule(
            rf"\b(?:%(planned)s)\b[^.;]{{0,{RECALLED_CHARS}}}$", cues))  # fmt: skip

    def place(self, passage: Passage, read: list[Sentence], article: Article,
              until: int | None = None) -> tuple[Resolution | None, Sentence | None, Span | None]:  # fmt: skip
        """The most precise place the passage gives; else the nearest one told around it.

        Places are looked for in the passage (its own words before the heading it is told
        under), then before it (nearest first), then just after it, not beyond sentence
        ``until`` (the next item of a list, whose places are its own). A named locality beats a
        region, a region beats the whole country; among equals the passage wins, then the nearest
        sentence. A locality around a passage that names an area
        counts only if it lies in that area. "The capital" names the country's capital.
        """
        context = self._context(article)
        opening = passage.sentences[0].index
        after = passage.last_index + 1
        groups = [
            passage.all_sentences,
            read[max(0, opening - LOOK_BACK) : opening][::-1],
            read[after : min(after + FOLLOW_AFTER, len(read) if until is None else until)],
        ]
        countries = self.geocoder.context(context).countries
        best: tuple[int, int, Resolution, Sentence, Span] | None = None
        directions: set[tuple[int, int]] = set()  # (sentence, start) of places only headed for
        opened = {s.index for s in passage.sentences}  # the sentences that tell the event
        for rank, sentences_ in enumerate(groups):
            found = []
            for sentence in sentences_:
                for p in sentence.places:
                    resolution = self.geocoder.resolve(p.quote, context)
                    if not resolution.resolved and p.name != p.quote:
                        resolution = self.geocoder.resolve(p.name, context)
                    if resolution.resolved:
                        tier = place_tier(resolution)
                        if self._towards.search(sentence.text, max(0, p.start - TOWARDS_CHARS),
                                                p.start):  # fmt: skip
                            tier = max(tier, 1)  # where the road led or people fled, not
                            # where it happened
                            directions.add((sentence.index, p.start))
                        if self._recalled.search(sentence.text[max(0, p.start - RECALLED_CHARS - 60)
                                                               : p.start]):  # fmt: skip
                            tier = 2  # another event's place, set beside this one in time
                        elif sentence.index not in opened and self._planned.search(
                                sentence.text[max(0, p.start - RECALLED_CHARS - 60) : p.start]):  # fmt: skip
                            tier = 2  # a sentence after the event telling what is yet to come
                        found.append((tier, resolution, sentence, p))
                if rank > 0 and any(f[0] == 0 for f in found):
                    break  # around the passage the nearest locality wins: read no further back
            # "near X, in the Y region": a town found only in another country than the areas the
            # passage names is a namesake; the area is what is known.
            # An area of another country than the one its phrase names ("Mali's Gourma region"
            # read as Burkina Faso's Gourma province) is no area of the passage.
            found = [(2 if foreign_area(r, self._owner(sentence.text, p.start)) else tier,
                      r, sentence, p) for tier, r, sentence, p in found]  # fmt: skip
            areas = {r.country for tier, r, _, _ in found if tier == 1 and r.country
                     and r.place is not None and admin_level(r.place) in (1, 2)}  # fmt: skip
            # "à Komsilga, dans la commune de Thiou": a village far from the small area the
            # passage puts it in is a namesake elsewhere; the area is what is known.
            small = small_areas((r, p.quote) for tier, r, _, p in found if tier < 2)
            for tier, resolution, sentence, p in found:
                if tier == 1 and _measured_from_town(resolution):
                    tier = 0  # "à une trentaine de kilomètres d'Ayorou": coded at Ayorou. The
                    # passage's own beats a town named around it; told just after a region the
                    # passage names, it refines that region
                if foreign_hamlet(resolution, (*countries, *areas)):
                    # "Soro" in a report on Burkina Faso: not the hamlet abroad (a country is
                    # named by its name or by a region of it the passage names)
                    tier = 2
                elif rank == 0 and areas and resolution.country not in areas:
                    tier = max(tier, 1) + 1
                elif rank == 0 and tier <= 1 and namesake(resolution, p.quote, small):
                    tier = 2
                if (rank > 0 and best is not None and best[1] == 0 and best[0] == 1
                        and AREA.search(best[4].quote) and not _within(resolution, best[2])):  # fmt: skip
                    continue  # "in Soum province": a town elsewhere does not refine the area
                if (rank > 0 and best is not None and best[1] == 0 and best[0] == 1
                        and ROUTE.search(best[4].quote) and not _near(resolution, best[2])
                        and (best[3].index, best[4].start) not in directions):  # fmt: skip
                    continue  # a village of an earlier sentence far from the road told here
                    # (not from a line a boat or bus was plying: the village is where it was hit)
                # among areas of one passage the smaller wins ("Niger, Tahoua region ... in the
                # Tillia department"); the heading an item is told under ("Route de Kaya.") gives
                # way to a place as precise in the item's own words (not to a bearing from a town:
                # "Léré et Andéramboukane, jeudi." ... "à l'ouest de Tombouctou")
                if best is None or (tier, rank) < (best[0], best[1]) or (
                        (tier, rank) == (best[0], best[1])
                        and (_smaller(resolution, best[2]) or _offset_on_route(p.quote, best[4].quote)
                             or (best[3] is passage.header and sentence.index in opened
                                 and not BEARING.match(p.quote)))):  # fmt: skip
                    best = (tier, rank, resolution, sentence, Span(p.start, p.end, p.quote))
            if best is not None and (told := situated(best[2], [r for _, r, sentence, _ in found
                                                                  if sentence is best[3]])):  # fmt: skip
                # "about 15 km from Sebba, in Solhan": the distance places the village named
                # with it, which is where it happened
                span = next(Span(p.start, p.end, p.quote) for _, r, _, p in found if r is told)
                best = (best[0], best[1], told, best[3], span)
            if best is not None and best[0] == 0:
                break
            if rank < 2 and (best is None or best[0] > 0):
                # "the capital" in the passage, or told before it, is nearer than a town told
                # after it
                capital = self._capital(sentences_, article, context)
                if capital is not None:
                    return capital
        if best is None or best[0] == 2:
            # Only the country around the passage: "the capital" told before it is closer.
            before = read[max(0, opening - LOOK_BACK) : opening][::-1]
            capital = self._capital(before, article, context)
            if capital is not None:
                return capital
        if best is None:
            return None, None, None
        return best[2], best[3], best[4]

    def _owner(self, text: str, start: int) -> tuple[str, ...]:
        """The country a place phrase is said to be in just before it ("Mali's", "du Mali")."""
        return self.geocoder.context(text[max(0, start - OWNER_CHARS) : start]).countries

    def dateline(self, read: list[Sentence], article: Article
                 ) -> tuple[Resolution | None, Sentence | None, Span | None]:  # fmt: skip
        """The town a wire report is filed from ("NIAMEY, 28 juillet -"): where a clear event
        happened when nothing in or around its passage names a place."""
        return self.filed_from(read[0], article) if read else (None, None, None)

    def filed_from(self, sentence: Sentence, article: Article
                   ) -> tuple[Resolution | None, Sentence | None, Span | None]:  # fmt: skip
        """The town of the dateline ``sentence`` opens with, if it is one: the report's, or a
        round-up's next story's ("OUAGADOUGOU, Burkina Faso - Police fired tear gas ...")."""
        match = DATELINE.match(sentence.text)
        if match is None:
            return None, None, None
        context = f"{article.title}. {article.text[:1500]}"
        name = match["name"].strip().title()
        resolution = self.geocoder.resolve(name, context)
        if not resolution.resolved or place_tier(resolution) != 0:
            return None, None, None
        return resolution, sentence, Span(match.start("name"), match.end("name"), match["name"])

    def filed_here(self, passage: Passage) -> bool:
        """Whether the passage opens on the town it is filed from ("into the army camp here")."""
        return self._here.search(passage.sentences[0].text) is not None

    def _capital(self, sentences: Sequence[Sentence], article: Article, context: str
                 ) -> tuple[Resolution, Sentence, Span] | None:  # fmt: skip
        for sentence in sentences:
            if "apital" not in sentence.text:
                continue  # a cheap test first: the look-back reads many sentences
            match = CAPITAL.search(sentence.text)
            if match is None:
                continue
            # "Burkina Faso's capital", "la capitale burkinabè", "the capital of Niger": the
            # country named with it; else the one the article is about
            named = [c for c in self._capital_owner(sentence.text, match)
                     if any(p.iso2 == c for p in self.pack.countries)]  # fmt: skip
            country = named[0] if len(named) == 1 else self._focus_country(article)
            name = next((c.capital for c in self.pack.countries if c.iso2 == country), None)
            if name:
                resolution = self.geocoder.resolve(name, context)
                if resolution.resolved:
                    return resolution, sentence, Span(match.start(), match.end(), match.group())
        return None

    def _capital_owner(self, text: str, match: re.Match[str]) -> tuple[str, ...]:
        """The countries named as owning "the capital": the two words right before it ("Burkina
        Faso's", "the Malian"), the word right after it ("capitale burkinabè") or what follows
        "of"/"du" ("capital of Niger")."""
        before = " ".join(text[: match.start()].split()[-2:])
        after = text[match.end() : match.end() + CAPITAL_OWNER_CHARS]
        of = _OF_COUNTRY.match(after)
        words = after.split()[:1]
        owned = (before, of.group(1) if of else "", *words)
        return tuple(c for part in owned if part for c in self.geocoder.context(part).countries)

    def _context(self, article: Article) -> str:
        """The text a place is resolved in: the title and the report's start, and the capital's
        name when the report calls it only "the capital" ("l'école de gendarmerie de Faladié ...
        un autre camp de la capitale"), so that the capital pulls its own quarters' names."""
        context = f"{article.title}. {article.text[:1500]}"
        if "apital" not in context or CAPITAL.search(context) is None:
            return context
        if context in self._last:
            return self._last[context]
        self._last.clear()
        self._last[context] = self._with_capital(context, article)
        return self._last[context]

    def _with_capital(self, context: str, article: Article) -> str:
        country = self._focus_country(article)
        if not country:  # no country named: the one its other places lie in ("Kayes, Sikasso")
            found = self.geocoder.context(context)
            exact = self.geocoder.gazetteer.exact_hits  # names as written only: cheap
            placed = Counter(r.country for name in found.nearby if exact(compact(name))
                             and (r := self.geocoder.resolve(name, found)).resolved
                             and place_tier(r) == 0)  # fmt: skip
            country = placed.most_common(1)[0][0] if placed else ""
        name = next((c.capital for c in self.pack.countries if c.iso2 == country), "")
        return f"{context} {name}" if name and name not in context else context

    def _focus_country(self, article: Article) -> str:
        """The pack country the article names most, by its name, its people's or its capital's
        ("la capitale" of a report that says only "Ouagadougou" and "burkinabè" is Ouagadougou;
        the title counts double)."""
        text = f"{article.title} {article.title} {article.text[:3000]}"
        named = country_mentions(text)
        lowered = text.lower()
        dateline = DATELINE.match(article.text)  # the town filed from counts as a title does
        filed = dateline["name"].strip().lower() if dateline else ""
        counts = {c.iso2: named[c.iso2] + lowered.count(c.capital.lower())
                  + (filed == c.capital.lower()) for c in self.pack.countries}  # fmt: skip
        return max(counts, key=lambda k: counts[k]) if any(counts.values()) else ""


#: A place abroad this populous, or a seat, may well be what a report names in passing.
KNOWN_ABROAD = 50_000


def foreign_area(resolution: Resolution, countries: Sequence[str]) -> bool:
    """An administrative area of another country than those named (when some are named)."""
    place = resolution.place
    return (
        bool(countries)
        and place is not None
        and resolution.country not in countries
        and admin_level(place) in (1, 2)
    )


def foreign_hamlet(resolution: Resolution, countries: Sequence[str]) -> bool:
    """A small place in a country the text does not name: a namesake of a village the gazetteer
    lacks ("Soro" near Thiou is not the Soro of Côte d'Ivoire)."""
    place = resolution.place
    return (
        bool(countries)
        and place is not None
        and resolution.country not in countries
        and place.feature_class != "A"
        and place.feature_code not in ("PPLC", "PPLA")
        and place.population < KNOWN_ABROAD
    )


def known_names(gazetteer: Gazetteer) -> Callable[[str], bool]:
    """Whether a capitalised phrase is a gazetteer name; remembered, as towns recur."""

    @lru_cache(maxsize=65_536)
    def known(name: str) -> bool:
        return bool(gazetteer.hits(name, fuzzy=False))

    return known


def spelt_names(gazetteer: Gazetteer) -> Callable[[str], bool]:
    """Whether a capitalised phrase is a gazetteer name or alternate name as written (folded),
    not by its sound alone."""

    @lru_cache(maxsize=65_536)
    def spelt(name: str) -> bool:
        return any(hit.how is not MatchKind.PHONETIC for hit in gazetteer.hits(name, fuzzy=False))

    return spelt


def _measured_from_town(resolution: Resolution) -> bool:
    """A point measured from a town matched as written ("à une trentaine de kilomètres
    d'Ayorou"), however far: ACLED codes it at that town."""
    chosen = resolution.candidates[0] if resolution.candidates else None
    return (
        resolution.geo_precision is GeoPrecision.NEAR_PLACE
        and isinstance(parse_relative(resolution.query), Offset)
        and chosen is not None
        and chosen.match not in (MatchKind.FUZZY, MatchKind.PHONETIC)
    )


def situated(offset: Resolution, others: Sequence[Resolution]) -> Resolution | None:
    """The town, named in the sentence of a distance from another ("Barsalogho, which lies about
    40 km north of Kaya"), that lies that far from it: the distance situates the town."""
    rel = parse_relative(offset.query)
    if not isinstance(rel, Offset) or rel.distance_km is None or offset.place is None:
        return None
    anchor = offset.place
    for other in others:
        if (other is offset or other.place is None or other.place.id == anchor.id
                or other.geo_precision is not GeoPrecision.PLACE
                or other.latitude is None or other.longitude is None):  # fmt: skip
            continue
        apart = haversine_km(anchor.latitude, anchor.longitude, other.latitude, other.longitude)
        if abs(apart - rel.distance_km) <= max(SITUATED_KM, SITUATED_SHARE * rel.distance_km):
            return other
    return None


#: How far the town may lie from the stated distance and still be the one it situates: 10 km,
#: or a third of the distance ("about 40 km" is said of 30 to 50).
SITUATED_KM = 10.0
SITUATED_SHARE = 1 / 3


def place_tier(resolution: Resolution) -> int:
    """0 a locality (or near one) whose name matched as written, 1 an area (region, route,
    midpoint) or a locality found only by a fuzzy or phonetic spelling match (a look-alike:
    "Inates" read as "Inatess", 300 km away), 2 the whole country."""
    if resolution.place is not None and admin_level(resolution.place) == 0:
        return 2  # "near Mali's border with Burkina Faso" is near a country, not a place
    if resolution.where_prec in PRECISE:
        chosen = resolution.candidates[0] if resolution.candidates else None
        inexact = (MatchKind.FUZZY, MatchKind.PHONETIC)
        return 1 if chosen is not None and chosen.match in inexact else 0
    if resolution.where_prec is WherePrecision.COUNTRY:
        return 2
    return 1


def look_alike(resolution: Resolution) -> bool:
    """A locality found only by a fuzzy or phonetic spelling of its name ("Soroe" read as
    "Soro")."""
    return (resolution.where_prec in PRECISE and resolution.place is not None
            and admin_level(resolution.place) is None and place_tier(resolution) == 1)  # fmt: skip


def placed(mention: Mention, countries: dict[str, str], place: Resolution) -> Mention:
    """The mention moved to another place of the same telling."""
    return replace(
        mention, location=location_name(place), latitude=place.latitude,
        longitude=place.longitude, admin1=place.admin1, admin2=place.admin2,
        geo_precision=place.geo_precision, country=countries.get(place.country, place.country),
    )  # fmt: skip


def location_name(place: Resolution | None) -> str:
    if place is None:
        return ""
    if place.place is not None:
        return place.place.name
    return place.query


#: A sentence that opens with a name and a comma, then the offset: "Barsalogho, about 45 km
#: north of Kaya, has taken in ...".
_APPOSED = re.compile(
    r"^\W*(?:[A-ZÀ-Ý][\w'’-]+\s+){0,2}[A-ZÀ-Ý][\w'’-]+,\s*(?:a\s+town\s+|une?\s+)?$"
)


def situates(before: str) -> bool:
    """Whether a place phrase situates the place its sentence opens with, given the words
    ``before`` it ("Barsalogho, " before "about 45 km north of Kaya"): then the point it gives is
    that place's, not a spot measured from Kaya."""
    return bool(_APPOSED.match(before))
