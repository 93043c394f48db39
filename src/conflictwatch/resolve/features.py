"""Mentions as compact arrays: what the scorer compares, computed once per mention.

Names are folded and coded as small integers, actors are reduced to their canonical name and
pack family, and the distinctive words of a mention (place names and the proper nouns of its
evidence quotes) are hashed, so that scoring a million pairs is array arithmetic.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..knowledge import Pack, fold
from ..model import Mention
from ..taxonomy import ActorType, EventType, SubEventType

TOKENS = 8  # distinctive words kept per mention
COMMON_FAMILIES = frozenset({"state", "civilians", "protesters"})
COMMON_TYPES = frozenset(
    {ActorType.STATE_FORCES, ActorType.CIVILIANS, ActorType.PROTESTERS, ActorType.RIOTERS}
)

SUB_EVENT_TYPES: tuple[SubEventType, ...] = tuple(SubEventType)
EVENT_TYPES: tuple[EventType, ...] = tuple(EventType)

# Sub-event types that may describe one real event when two reports code it differently: all
# violence (an ambush one outlet calls a clash and another an attack on civilians, burned houses
# coded as property destruction) and all demonstrations. Any other pair of families conflicts.
_FAMILY_OF: dict[SubEventType, str] = {
    **{s: "violence" for s in SubEventType if s.event_type.is_political_violence},
    **{
        s: "demonstration"
        for s in SubEventType
        if s.event_type in (EventType.PROTESTS, EventType.RIOTS)
    },
    SubEventType.LOOTING_PROPERTY_DESTRUCTION: "violence",
}
FAMILIES: tuple[str, ...] = tuple(
    dict.fromkeys(_FAMILY_OF.get(s, s.value) for s in SUB_EVENT_TYPES)
)


def sub_event_family(sub: SubEventType) -> str:
    """The compatibility family of a sub-event type ("violence", "demonstration", or itself)."""
    return _FAMILY_OF.get(sub, sub.value)


_STOP = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "those",
        "with",
        "from",
        "into",
        "after",
        "before",
        "during",
        "near",
        "over",
        "under",
        "about",
        "their",
        "there",
        "where",
        "when",
        "which",
        "while",
        "would",
        "could",
        "should",
        "have",
        "been",
        "were",
        "will",
        "said",
        "says",
        "according",
        "reported",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "janvier",
        "fevrier",
        "avril",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
        "dans",
        "pour",
        "avec",
        "sans",
        "sous",
        "selon",
        "apres",
        "avant",
        "pendant",
        "entre",
        "vers",
        "chez",
        "leur",
        "leurs",
        "cette",
        "celui",
        "dont",
        "sont",
        "etait",
        "avait",
        "aussi",
        "plus",
        "moins",
        "tres",
        "selon",
        "mali",
        "niger",
        "burkina",
        "faso",
        "region",
        "cercle",
        "commune",
        "village",
        "town",
        "city",
        "province",
        "capital",
    ]
)
_WORD = re.compile(r"[^\W\d_]{4,}")
_UNIDENTIFIED = re.compile(r"^(unidentified|unknown)\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[^\W\d_a-z][^\W\d_]{3,}")


@dataclass(frozen=True)
class ActorKey:
    """An actor as the scorer sees it: canonical name, family, and whether it tells events apart."""

    canonical: str
    family: str
    distinctive: bool


class ActorIndex:
    """Canonical names and families of actors from a knowledge pack, cached by name as written.

    Build it once and pass it in: ``ActorIndex(load_pack("sahel"))``. An actor the pack does not
    know gets no key, so it neither confirms nor contradicts a match.
    """

    def __init__(self, pack: Pack | None) -> None:
        self.pack = pack
        self._cache: dict[str, ActorKey | None] = {}
        self.alias_words: frozenset[str] = frozenset(
            word
            for name, _actor in (pack.alias_items() if pack else ())
            for word in fold(name).split()
        )

    def key(self, name: str) -> ActorKey | None:
        if not name:
            return None
        if name in self._cache:
            return self._cache[name]
        actor = self.pack.actor_for(name) if self.pack else None
        found = None
        # "Unidentified Armed Group" says who did it no more than an empty field does.
        if actor is not None and not _UNIDENTIFIED.match(actor.name):
            canonical = re.sub(r"\s*\([^()]*\)$", "", actor.name)
            family = actor.family or canonical
            distinctive = actor.actor_type not in COMMON_TYPES and family not in COMMON_FAMILIES
            found = ActorKey(canonical, family, distinctive)
        self._cache[name] = found
        return found


def distinctive_words(mention: Mention, stop: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The words that tell this telling apart: its place names and the proper nouns it quotes."""
    words: list[str] = []
    for text in (mention.location, mention.admin2):
        words.extend(_WORD.findall(fold(text)))
    for evidence in mention.evidence:
        for word in _CAPITALISED.findall(evidence.quote):
            words.extend(_WORD.findall(fold(word)))
    kept = [w for w in dict.fromkeys(words) if w not in _STOP and w not in stop]
    return tuple(kept[:TOKENS])


def _hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=7).digest(), "little")


class Codes:
    """Small integer codes for strings (countries, regions, place names, actors, articles)."""

    def __init__(self) -> None:
        self._codes: dict[str, int] = {}

    def __call__(self, value: str) -> int:
        if not value:
            return -1
        code = self._codes.get(value)
        if code is None:
            code = self._codes[value] = len(self._codes)
        return code


@dataclass(frozen=True)
class Features:
    """Column arrays, one row per mention, in the order the mentions were given."""

    day: np.ndarray  # int32 proleptic ordinal
    precision: np.ndarray  # int8 time precision 1-3
    lat: np.ndarray  # float64, NaN when unknown
    lon: np.ndarray
    geo: np.ndarray  # int8 geo precision 0 (unknown) - 3
    sub: np.ndarray  # int8 index in SUB_EVENT_TYPES
    etype: np.ndarray  # int8 index in EVENT_TYPES
    family: np.ndarray  # int8 index in FAMILIES
    country: np.ndarray  # int32 codes, -1 unknown
    admin1: np.ndarray
    place: np.ndarray
    town: np.ndarray  # the place name's first word: "bamako" for "Bamako - Faladie"
    bare: np.ndarray  # bool: the place is only that word (a town named without a site)
    areas: np.ndarray  # int32 [n, 2]: admin1 and admin2 names, coded like ``town``
    article: np.ndarray
    actor: np.ndarray  # int32 [n, 2]: distinctive canonical actors
    actor_family: np.ndarray  # int32 [n, 2]: their families
    common: np.ndarray  # int32 [n, 2]: state forces, civilians ... (canonical)
    fatalities: np.ndarray  # int32
    words: np.ndarray  # int64 [n, TOKENS], -1 padding
    nwords: np.ndarray  # int8

    def __len__(self) -> int:
        return len(self.day)


class Encoder:
    """Turns mentions into :class:`Features`; one encoder per resolution run keeps codes stable."""

    def __init__(self, actors: ActorIndex) -> None:
        self.actors = actors
        self.codes = Codes()
        self._words: dict[str, tuple[int, ...]] = {}

    def encode(self, mentions: Sequence[Mention]) -> Features:
        n = len(mentions)
        day = np.empty(n, np.int32)
        precision = np.empty(n, np.int8)
        lat = np.full(n, np.nan)
        lon = np.full(n, np.nan)
        geo = np.zeros(n, np.int8)
        sub = np.empty(n, np.int8)
        etype = np.empty(n, np.int8)
        family = np.empty(n, np.int8)
        country = np.empty(n, np.int32)
        admin1 = np.empty(n, np.int32)
        place = np.empty(n, np.int32)
        town = np.empty(n, np.int32)
        bare = np.zeros(n, bool)
        areas = np.full((n, 2), -1, np.int32)
        article = np.empty(n, np.int32)
        actor = np.full((n, 2), -1, np.int32)
        actor_family = np.full((n, 2), -1, np.int32)
        common = np.full((n, 2), -1, np.int32)
        fatalities = np.empty(n, np.int32)
        words = np.full((n, TOKENS), -1, np.int64)
        nwords = np.zeros(n, np.int8)
        sub_index = {s: i for i, s in enumerate(SUB_EVENT_TYPES)}
        type_index = {t: i for i, t in enumerate(EVENT_TYPES)}
        family_index = {f: i for i, f in enumerate(FAMILIES)}
        code = self.codes
        for i, m in enumerate(mentions):
            day[i] = m.event_date.toordinal()
            precision[i] = int(m.time_precision)
            if m.latitude is not None and m.longitude is not None and math.isfinite(m.latitude):
                lat[i] = m.latitude
                lon[i] = m.longitude
            geo[i] = int(m.geo_precision) if m.geo_precision else 0
            sub[i] = sub_index[m.sub_event_type]
            etype[i] = type_index[m.sub_event_type.event_type]
            family[i] = family_index[sub_event_family(m.sub_event_type)]
            country[i] = code("c:" + fold(m.country)) if m.country else -1
            admin1[i] = code(f"a:{fold(m.country)}:{fold(m.admin1)}") if m.admin1 else -1
            folded = fold(m.location)
            place[i] = code("p:" + folded) if folded else -1
            head = folded.split(" ", 1)[0] if folded else ""
            town[i] = code("t:" + head) if head else -1
            bare[i] = bool(folded) and folded == head
            for slot, area in enumerate((m.admin1, m.admin2)):
                area_name = fold(area)
                areas[i, slot] = code("t:" + area_name) if area_name else -1
            article[i] = code("r:" + m.article_id)
            fatalities[i] = m.fatalities
            self._actors(m, i, actor, actor_family, common)
            hashed = self._hashed_words(m)
            words[i, : len(hashed)] = hashed
            nwords[i] = len(hashed)
        return Features(
            day,
            precision,
            lat,
            lon,
            geo,
            sub,
            etype,
            family,
            country,
            admin1,
            place,
            town,
            bare,
            areas,
            article,
            actor,
            actor_family,
            common,
            fatalities,
            words,
            nwords,
        )

    def _actors(
        self, m: Mention, i: int, actor: np.ndarray, families: np.ndarray, common: np.ndarray
    ) -> None:
        slot = common_slot = 0
        for name in (m.actor1, m.actor2):
            key = self.actors.key(name)
            if key is None:
                continue
            if key.distinctive and slot < 2:
                actor[i, slot] = self.codes("n:" + key.canonical)
                families[i, slot] = self.codes("f:" + key.family)
                slot += 1
            elif not key.distinctive and common_slot < 2:
                common[i, common_slot] = self.codes("n:" + key.canonical)
                common_slot += 1

    def _hashed_words(self, m: Mention) -> tuple[int, ...]:
        # Mentions of one place share their words: cache by what the words come from.
        source = m.location + "\x00" + m.admin2 + "\x00" + "\x00".join(e.quote for e in m.evidence)
        found = self._words.get(source)
        if found is None:
            words = distinctive_words(m, self.actors.alias_words)
            found = self._words[source] = tuple(sorted({_hash(w) for w in words}))
        return found
