"""Locations given relative to places: "30 km north of Gao", "between Soumpi and Hombori",
"on the Gao-Ansongo road", "near Djibo", in English and French.

    >>> parse_relative("à 30 km au nord-est de Gao")
    Offset(anchor='gao', distance_km=30.0, bearing=45.0)
    >>> parse_relative("between Soumpi and Hombori")
    Between(first='soumpi', second='hombori', road=False, splits=())
    >>> parse_relative("Gao") is None
    True
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from ..taxonomy import VAGUE_NUMBERS


@dataclass(frozen=True)
class Offset:
    """A distance and/or a direction from an anchor place; both None means 'near'."""

    anchor: str
    distance_km: float | None = None
    bearing: float | None = None  # degrees clockwise from north


@dataclass(frozen=True)
class Between:
    """Between two places, or somewhere on the road joining them."""

    first: str
    second: str
    road: bool = False
    #: Other ways to cut a hyphenated road name: "Bobo-Dioulasso-Banfora" is
    #: (Bobo, Dioulasso-Banfora) or (Bobo-Dioulasso, Banfora); the geocoder keeps the cut
    #: whose both ends resolve.
    splits: tuple[tuple[str, str], ...] = ()


Relative = Offset | Between

_BEARINGS = {
    "north": 0.0, "nord": 0.0, "n": 0.0,
    "north east": 45.0, "northeast": 45.0, "nord est": 45.0, "ne": 45.0,
    "east": 90.0, "est": 90.0, "e": 90.0,
    "south east": 135.0, "southeast": 135.0, "sud est": 135.0, "se": 135.0,
    "south": 180.0, "sud": 180.0, "s": 180.0,
    "south west": 225.0, "southwest": 225.0, "sud ouest": 225.0, "sw": 225.0, "so": 225.0,
    "west": 270.0, "ouest": 270.0, "w": 270.0, "o": 270.0,
    "north west": 315.0, "northwest": 315.0, "nord ouest": 315.0, "nw": 315.0, "no": 315.0,
}  # fmt: skip
_DIRECTION = "|".join(sorted((re.escape(k) for k in _BEARINGS), key=len, reverse=True))
_VAGUE = {_key: n for _key, n in VAGUE_NUMBERS.items()} | {
    "une quinzaine": 15, "une cinquantaine": 50, "une quarantaine": 40, "une soixantaine": 60,
    "a few": 3, "quelques": 3, "several": 5, "plusieurs": 5, "some": 0,
}  # fmt: skip
#: Distances written in words: "about six kilometres from", "à quinze kilomètres de".
_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a hundred": 100, "one hundred": 100, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15,
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "soixante dix": 70, "quatre vingts": 80, "quatre vingt": 80, "cent": 100,
}  # fmt: skip
_VAGUE |= {"une soixantaine": 60, "une trentaine": 30, "une vingtaine": 20, "une centaine": 100}
_NUMBER_WORDS = sorted(
    (re.escape(k) for k in {**_VAGUE, **_WORDS} if _VAGUE.get(k, 1)), key=len, reverse=True
)
_NUMBER = r"(?P<num>\d+(?:[.,]\d+)?|(?:" + "|".join(_NUMBER_WORDS) + r")\b)"
_UNIT = r"(?P<unit>km|kms|kilometres?|kilometers?|kilometre|miles?|mi)"
_APPROX = (
    r"(?:(?:some|about|around|approximately|roughly|nearly|almost|just|only|a|environ|"
    r"a environ|a quelque|a peine|quelque)\s+)*"
)
_OF = r"(?:of|from|de|du|des|d|outside|away from|off)"

_OFFSET = re.compile(
    rf"^(?:.*?\b)?{_APPROX}{_NUMBER}\s*(?:de\s+)?{_UNIT}\b\s*"
    rf"(?:(?:to the|au|a l|a|en direction du|in the)\s+)?(?:(?P<dir>{_DIRECTION})\s+)?"
    rf"{_OF}\s+(?:the\s+(?:town|village|city)\s+of\s+|la\s+ville\s+de\s+|la\s+localite\s+de\s+)?"
    r"(?P<anchor>.+)$"
)
_DIRECTION_ONLY = re.compile(
    rf"^(?:.*?\b)?(?:(?:just|in the|to the|au|a l|a|dans le)\s+)?(?P<dir>{_DIRECTION})\s+"
    rf"(?:of|de|du|d)\s+(?P<anchor>.+)$"
)
_NEAR = re.compile(
    r"^(?:.*?\b)?(?:near|nearby|close to|not far from|around|outside|on the outskirts of|"
    r"outskirts of|in the vicinity of|vicinity of|pres de|pres d|non loin de|aux environs de|"
    r"a proximite de|dans les environs de|a la peripherie de|aux abords de|en peripherie de)"
    r"\s+(?:the\s+(?:town|village|city)\s+of\s+|la\s+ville\s+de\s+|du\s+village\s+de\s+)?"
    r"(?P<anchor>.+)$"
)
_BETWEEN = re.compile(
    r"^(?:.*?\b)?(?:between|entre)\s+(?:the\s+towns?\s+of\s+|les\s+localites\s+de\s+)?"
    r"(?P<a>.+?)\s+(?:and|et)\s+(?P<b>.+)$"
)
_ROAD = re.compile(
    r"^(?:.*?\b)?(?:(?:on\s+)?the\s+(?P<a1>.+?)\s*(?:--|-|–|—|/| to )\s*(?P<b1>.+?)\s+"
    r"(?:road|highway|axis|route)|(?:sur\s+)?(?:l\s+axe|l\s+axe\s+routier|la\s+route|la\s+rn\s*\d+|"
    r"the\s+road)\s+(?P<a2>.+?)\s*(?:--|-|–|—|/)\s*(?P<b2>.+)|"
    # "la route reliant Ouallam à Banibangou", "the road linking Gao and Ansongo"
    r"(?:on\s+|sur\s+)?(?:the\s+road|la\s+route|la\s+piste|l\s+axe)\s+(?:reliant|qui\s+relie|"
    r"allant\s+de|linking|connecting|from)\s+(?P<a3>.+?)\s+(?:a|et|and|to)\s+(?P<b3>.+))$"
)

#: A word every pattern above needs (road, between, a distance unit, a long direction word, a
#: 'near' phrase). A plain name contains none of them and skips the five full patterns.
_CUE = re.compile(
    r"road|highway|axis|route|axe|rn|between|entre|km|kilomet|mi|nor|east|est|sou|sud|near|close|"
    r"far|around|outside|outskirts|vicinity|pres|loin|environs|proximite|peripherie|abords"
)


_APOSTROPHE = re.compile(r"['’‘`´ʼ]")
_COMPASS_HYPHEN = re.compile(r"(?<=[a-z])-(?=(?:est|ouest|east|west)\b)")
_SPACES = re.compile(r"\s+")


def _plain(text: str) -> str:
    """Lower case without accents or apostrophes; hyphens kept only where a road needs them."""
    plain = text.casefold()
    if not plain.isascii():  # NFKD leaves ASCII as it is, and ASCII has no combining marks
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _APOSTROPHE.sub(" ", plain)
    if "-" in plain:
        plain = _COMPASS_HYPHEN.sub(" ", plain)
    return _SPACES.sub(" ", plain).strip(" .,;:")


def parse_relative(text: str) -> Relative | None:
    """Read a relative location phrase; None when the text is a plain place name."""
    plain = _plain(text)
    if not _CUE.search(plain):
        return None
    road = _ROAD.match(plain)
    if road:
        first = road["a1"] or road["a2"] or road["a3"]
        second = road["b1"] or road["b2"] or road["b3"]
        joined = f"{first}-{second}"
        cuts = [m.start() for m in re.finditer(r"\s*(?:--|-|–|—|/)\s*", joined)]
        splits = tuple(
            (_tidy(joined[:cut]), _tidy(re.sub(r"^\s*(?:--|-|–|—|/)\s*", "", joined[cut:])))
            for cut in cuts
        )
        return Between(_tidy(first), _tidy(second), road=True, splits=splits)
    between = _BETWEEN.match(plain)
    if between:
        return Between(_tidy(between["a"]), _tidy(between["b"]))
    offset = _OFFSET.match(plain)
    if offset:
        distance = _number(offset["num"])
        if offset["unit"].startswith("mi"):
            distance *= 1.609344
        bearing = _BEARINGS[offset["dir"]] if offset["dir"] else None
        return Offset(_tidy(offset["anchor"]), distance, bearing)
    direction = _DIRECTION_ONLY.match(plain)
    if direction and len(direction["dir"]) > 2:
        return Offset(_tidy(direction["anchor"]), None, _BEARINGS[direction["dir"]])
    near = _NEAR.match(plain)
    if near:
        return Offset(_tidy(near["anchor"]))
    return None


def _number(text: str) -> float:
    if text in _WORDS:
        return float(_WORDS[text])
    if text in _VAGUE:
        return float(_VAGUE[text])
    return float(text.replace(",", "."))


def _tidy(name: str) -> str:
    return re.sub(r"^(?:the|le|la|les|l)\s+", "", name.replace("-", " ").strip(" .,;:"))


def destination(lat: float, lon: float, distance_km: float, bearing: float) -> tuple[float, float]:
    """The point ``distance_km`` from (lat, lon) along ``bearing`` on a sphere."""
    radius = 6371.0088
    delta = distance_km / radius
    theta = math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(
        math.sin(p1) * math.cos(delta) + math.cos(p1) * math.sin(delta) * math.cos(theta)
    )
    l2 = l1 + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(p1),
        math.cos(delta) - math.sin(p1) * math.sin(p2),
    )
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0


def midpoint(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """The great-circle midpoint (a plain average is fine at Sahel distances, but be correct)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    l1, dl = math.radians(lon1), math.radians(lon2 - lon1)
    bx, by = math.cos(p2) * math.cos(dl), math.cos(p2) * math.sin(dl)
    p3 = math.atan2(math.sin(p1) + math.sin(p2), math.sqrt((math.cos(p1) + bx) ** 2 + by**2))
    l3 = l1 + math.atan2(by, math.cos(p1) + bx)
    return math.degrees(p3), (math.degrees(l3) + 540.0) % 360.0 - 180.0
