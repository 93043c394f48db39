"""The compatibility of two mentions: a sum of named components, each kept as a reason.

Components: ``type`` (event family), ``date`` (days apart, by precision), ``place`` (distance by
geo precision, or regions when a side has no coordinates, plus whether the place names agree),
``actors`` (canonical names and pack families; unknown actors count for nothing), ``fatalities``
(agreement of tolls) and ``words`` (distinctive words shared). Some differences are hard: a pair
from different families of event (a protest and a battle), dates further apart than the window of
their precision, or different countries can never be one event, whatever the rest says.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .features import FAMILIES, SUB_EVENT_TYPES, Features
from .options import ResolveOptions

COMPONENTS = ("type", "date", "place", "actors", "fatalities", "words")
_EARTH_KM = 6371.0


@dataclass(frozen=True)
class Reason:
    """One component of a score: its name, the points it gave, and why, in words."""

    name: str
    points: float
    why: str

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name, "points": round(self.points, 3), "why": self.why}


@dataclass(frozen=True)
class PairScores:
    """Scores of pairs ``(a[k], b[k])``: the total, each component, and the hard conflicts."""

    a: np.ndarray
    b: np.ndarray
    total: np.ndarray
    parts: dict[str, np.ndarray]
    hard: np.ndarray  # bool: never one event
    km: np.ndarray  # NaN when a side has no coordinates
    days: np.ndarray

    def __len__(self) -> int:
        return len(self.a)

    def reasons(self, k: int, features: Features) -> tuple[Reason, ...]:
        """The named components of pair ``k``, with a few words on each."""
        a, b = int(self.a[k]), int(self.b[k])
        return tuple(
            Reason(name, float(self.parts[name][k]), _why(name, features, a, b, self, k))
            for name in COMPONENTS
        )


def haversine_km(
    lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray
) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlat = p2 - p1
    dlon = np.radians(lon2 - lon1)
    h = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def _shared(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """How many known (>= 0) values of each row of ``x`` appear in the same row of ``y``."""
    hits = (x[:, :, None] == y[:, None, :]) & (x[:, :, None] >= 0)
    return hits.any(axis=2).sum(axis=1)


def score_pairs(f: Features, a: np.ndarray, b: np.ndarray, options: ResolveOptions) -> PairScores:
    """Score every pair ``(a[k], b[k])`` of rows of ``f`` at once."""
    w = options.weights
    a = np.asarray(a, np.int64)
    b = np.asarray(b, np.int64)

    # type: the same sub-event type, the same event type, the same family, or a conflict
    same_sub = f.sub[a] == f.sub[b]
    same_type = f.etype[a] == f.etype[b]
    same_family = f.family[a] == f.family[b]
    s_type = np.where(
        same_sub, w.same_sub_event_type, np.where(same_type, w.same_event_type, w.same_family)
    )

    # date: points fall with each day apart for day-precise dates; coarse ones only need to fit
    days = np.abs(f.day[a] - f.day[b])
    coarse = np.maximum(f.precision[a], f.precision[b])
    window = np.asarray(options.window_days)[coarse - 1]
    fine = coarse == 1
    s_date = np.where(
        fine,
        np.clip(w.same_day - w.per_day_apart * days, w.date_too_far, w.same_day),
        np.where(days <= window, w.coarse_date_fits, w.date_too_far),
    )

    # place: distance on the scale of the vaguer precision, or regions without coordinates
    km = haversine_km(f.lat[a], f.lon[a], f.lat[b], f.lon[b])
    located = ~np.isnan(km)
    scale = np.asarray((options.place_scale_km[0], *options.place_scale_km))[
        np.maximum(f.geo[a], f.geo[b])
    ]
    near = w.near - (w.near - w.far) * np.minimum(1.0, np.where(located, km, 0.0) / scale)
    both_admin1 = (f.admin1[a] >= 0) & (f.admin1[b] >= 0)
    regions = np.where(
        both_admin1, np.where(f.admin1[a] == f.admin1[b], w.same_admin1, w.other_admin1), 0.0
    )
    both_named = (f.place[a] >= 0) & (f.place[b] >= 0)
    same_name = both_named & (f.place[a] == f.place[b])
    apart = ~located | (np.where(located, km, 0.0) > options.same_place_km)
    # "Bamako" and "Bamako - Faladie" may be one place told more or less precisely, and so may
    # "Bamako" and "Faladie" when Bamako is Faladie's region; "Bamako - Faladie" and "Bamako -
    # Senou Airport", both exact and km apart, are two sites
    within = (f.town[a] == f.town[b]) & (f.bare[a] | f.bare[b])
    within |= f.bare[a] & (f.town[a] >= 0) & (f.town[a][:, None] == f.areas[b]).any(axis=1)
    within |= f.bare[b] & (f.town[b] >= 0) & (f.town[b][:, None] == f.areas[a]).any(axis=1)
    other_name = both_named & ~same_name & ~within & apart
    exact = (f.geo[a] == 1) & (f.geo[b] == 1) & located
    names = np.where(
        same_name,
        w.same_place_name,
        np.where(other_name, np.where(exact, w.other_exact_site, w.other_place_name), 0.0),
    )
    s_place = np.where(located, near, regions) + names

    # actors: distinctive actors (armed groups) confirm or contradict; common ones barely count
    shared_actor = _shared(f.actor[a], f.actor[b]) > 0
    shared_family = _shared(f.actor_family[a], f.actor_family[b]) > 0
    both_known = (f.actor[a, 0] >= 0) & (f.actor[b, 0] >= 0)
    shared_common = _shared(f.common[a], f.common[b]) > 0
    s_actors = np.where(
        shared_actor,
        w.same_actor,
        np.where(
            shared_family,
            w.same_actor_family,
            np.where(both_known, w.other_actors, np.where(shared_common, w.same_common_actor, 0.0)),
        ),
    )

    # fatalities: agreeing tolls confirm; wildly different ones (tolls grow) weigh a little
    fa, fb = f.fatalities[a], f.fatalities[b]
    low, high = np.minimum(fa, fb), np.maximum(fa, fb)
    both_tolls = low > 0
    ratio = np.where(both_tolls, low / np.maximum(high, 1), 0.0)
    s_fat = np.where(
        ~both_tolls,
        0.0,
        np.where(
            fa == fb,
            w.same_fatalities,
            np.where(
                ratio >= 0.5,
                w.close_fatalities,
                np.where((ratio < 0.2) & (high - low > 10), w.far_fatalities, 0.0),
            ),
        ),
    )

    # words: the share of distinctive words (places, proper nouns quoted) the two have in common
    shared = _shared(f.words[a], f.words[b])
    union = f.nwords[a].astype(np.int32) + f.nwords[b] - shared
    both_words = (f.nwords[a] > 0) & (f.nwords[b] > 0)
    s_words = np.where(
        ~both_words,
        0.0,
        np.where(shared > 0, w.shared_words * shared / np.maximum(union, 1), w.no_shared_words),
    )

    other_country = (f.country[a] >= 0) & (f.country[b] >= 0) & (f.country[a] != f.country[b])
    hard = ~same_family | (days > window) | other_country | (f.article[a] == f.article[b])
    parts = {
        "type": s_type,
        "date": s_date,
        "place": s_place,
        "actors": s_actors,
        "fatalities": s_fat,
        "words": s_words,
    }
    total = s_type + s_date + s_place + s_actors + s_fat + s_words
    return PairScores(a, b, total, parts, hard, km, days)


def _why(name: str, f: Features, a: int, b: int, s: PairScores, k: int) -> str:
    if name == "type":
        x, y = SUB_EVENT_TYPES[f.sub[a]].value, SUB_EVENT_TYPES[f.sub[b]].value
        if x == y:
            return f"same sub-event type ({x})"
        if f.family[a] != f.family[b]:
            return f"conflicting types: {x} / {y}"
        return f"compatible types ({FAMILIES[f.family[a]]}): {x} / {y}"
    if name == "date":
        precision = max(int(f.precision[a]), int(f.precision[b]))
        unit = {1: "day", 2: "week", 3: "month"}[precision]
        return f"{int(s.days[k])} day(s) apart, {unit} precision"
    if name == "place":
        if np.isnan(s.km[k]):
            same = f.admin1[a] == f.admin1[b] and f.admin1[a] >= 0
            where = "same region" if same else "regions differ or unknown"
            return f"no coordinates on one side; {where}"
        same_name = f.place[a] == f.place[b] and f.place[a] >= 0
        return f"{float(s.km[k]):.1f} km apart" + ("; same place name" if same_name else "")
    if name == "actors":
        if _shared(f.actor[[a]], f.actor[[b]])[0]:
            return "same armed actor"
        if _shared(f.actor_family[[a]], f.actor_family[[b]])[0]:
            return "actors of the same family"
        if f.actor[a, 0] >= 0 and f.actor[b, 0] >= 0:
            return "different armed actors"
        if _shared(f.common[[a]], f.common[[b]])[0]:
            return "same state forces or civilians"
        return "an actor unknown to the pack on one side: no evidence either way"
    if name == "fatalities":
        return f"tolls {int(f.fatalities[a])} and {int(f.fatalities[b])}"
    shared = int(_shared(f.words[[a]], f.words[[b]])[0])
    return f"{shared} distinctive word(s) shared"
