"""Synthetic tellings with a known truth, for the resolution benchmark and for choosing thresholds.

Events are scattered over West Africa and ten years; each is told 1-5 times by different
articles with noise in the date, place (a nearby village under another name, or the same place
geocoded a few km off), fatalities (unknown, early or inflated tolls), actors (unidentified, or
another group of the same family) and sub-event type (a compatible one). Some events have a
neighbour the same day by the same group a few km away (coordinated attacks), and some articles
tell two events. Seeded: the same arguments give the same mentions.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ..model import Evidence, Mention
from ..taxonomy import ActorType, GeoPrecision, SubEventType, TimePrecision

ARMED = (
    ("JNIM: Group for Support of Islam and Muslims", "Katiba Macina"),
    ("Islamic State Sahel Province", "Islamic State West Africa Province"),
    ("FLA: Azawad Liberation Front", "CMA: Coordination of Azawad Movements"),
    ("Dan Na Ambassagou", "Dozo Communal Militia (Mali)"),
    ("Wagner Group", "Africa Corps"),
    ("Ansaroul Islam", "JNIM: Group for Support of Islam and Muslims"),
)
TARGETS = (
    "Military Forces of Mali (2021-)",
    "Civilians (Mali)",
    "Military Forces of Niger (2023-)",
    "Civilians (Burkina Faso)",
    "Military Forces of Burkina Faso (2022-)",
)
TYPES = (
    (SubEventType.ARMED_CLASH, SubEventType.ATTACK),
    (SubEventType.ATTACK, SubEventType.ARMED_CLASH),
    (SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED, SubEventType.ARMED_CLASH),
    (SubEventType.AIR_DRONE_STRIKE, SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK),
    (SubEventType.ABDUCTION_FORCED_DISAPPEARANCE, SubEventType.ATTACK),
    (SubEventType.PEACEFUL_PROTEST, SubEventType.PROTEST_WITH_INTERVENTION),
    (SubEventType.ARRESTS, SubEventType.ARRESTS),
)
SYLLABLES = (
    "ba",
    "bo",
    "da",
    "di",
    "ka",
    "ko",
    "ma",
    "mo",
    "na",
    "ni",
    "sa",
    "so",
    "ta",
    "ti",
    "ga",
    "go",
    "dou",
    "kou",
    "fa",
    "la",
    "ra",
    "rou",
    "zi",
    "wa",
)


@dataclass(frozen=True)
class SyntheticSet:
    mentions: list[Mention]  # in arrival order (by publication day)
    truth: list[int]  # the true event of each mention


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def synthetic_mentions(n: int, *, seed: int = 1, days: int = 3650) -> SyntheticSet:
    """About ``n`` mentions of about ``n / 3`` events (exactly ``n`` mentions)."""
    rng = random.Random(seed)
    start = dt.date(2015, 1, 1).toordinal()
    rows: list[tuple[int, int, Mention]] = []
    event = 0
    article = 0
    pending: list[tuple[int, int, dict[str, object]]] = []
    while len(pending) < n:
        lat, lon = rng.uniform(4.0, 25.0), rng.uniform(-17.0, 24.0)
        day = start + rng.randrange(days)
        group = rng.randrange(len(ARMED))
        types = rng.choice(TYPES)
        place = _name(rng)
        deaths = rng.choice((0, 0, 1, 2, 3, 5, 8, 12, 20, 40))
        base = {
            "lat": lat,
            "lon": lon,
            "day": day,
            "group": group,
            "types": types,
            "place": place,
            "deaths": deaths,
            "target": rng.choice(TARGETS),
        }
        siblings = [base]
        if rng.random() < 0.05:  # a coordinated neighbour: same day, same group, a few km away
            siblings.append(
                {
                    **base,
                    "lat": lat + rng.uniform(-0.08, 0.08),
                    "lon": lon + rng.uniform(-0.08, 0.08),
                    "place": _name(rng),
                }
            )
        for truth in siblings:
            for _ in range(rng.randint(1, 5)):
                pending.append((event, article, truth))
                article += 1
            event += 1
    pending = pending[:n]
    # some articles tell two events: the second telling of a neighbour joins the first's article
    for k in range(1, len(pending)):
        if pending[k][0] != pending[k - 1][0] and rng.random() < 0.05:
            pending[k] = (pending[k][0], pending[k - 1][1], pending[k][2])
    for k, (truth_id, article_id, truth) in enumerate(pending):
        mention = _telling(rng, k, article_id, truth)
        published = int(truth["day"]) + rng.randint(0, 3)  # type: ignore[call-overload]
        rows.append((published, k, mention))
        del truth_id
    rows.sort(key=lambda r: (r[0], r[1]))
    order = [k for _, k, _ in rows]
    return SyntheticSet([m for _, _, m in rows], [pending[k][0] for k in order])


def _telling(rng: random.Random, k: int, article: int, t: dict[str, object]) -> Mention:
    day = int(t["day"]) + rng.choice((0, 0, 0, 0, 0, 0, 0, 1, -1, 2))  # type: ignore[call-overload]
    precision = TimePrecision.DAY if rng.random() < 0.92 else TimePrecision.WEEK
    lat, lon, place = float(t["lat"]), float(t["lon"]), str(t["place"])  # type: ignore[arg-type]
    geo = GeoPrecision.PLACE
    roll = rng.random()
    if roll < 0.10:  # a nearby village under its own name
        lat, lon, place = lat + rng.uniform(-0.15, 0.15), lon + rng.uniform(-0.15, 0.15), _name(rng)
        geo = GeoPrecision.NEAR_PLACE
    elif roll < 0.6:  # the same place, geocoded a little off
        lat, lon = lat + rng.uniform(-0.03, 0.03), lon + rng.uniform(-0.03, 0.03)
    pair = ARMED[int(t["group"])]  # type: ignore[call-overload]
    roll = rng.random()
    actor1 = pair[0] if roll < 0.7 else pair[1] if roll < 0.8 else "Unidentified Armed Group (Mali)"
    types: tuple[SubEventType, SubEventType] = t["types"]  # type: ignore[assignment]
    sub = types[0] if rng.random() < 0.85 else types[1]
    deaths = int(t["deaths"])  # type: ignore[call-overload]
    roll = rng.random()
    if roll < 0.3:
        deaths = 0
    elif roll < 0.6 and deaths:
        deaths = max(1, round(deaths * rng.uniform(0.5, 1.6)))
    quote = f"near {place}" if rng.random() < 0.5 else f"in the {place} area"
    return Mention(
        id=f"s{k}",
        article_id=f"a{article}",
        event_date=dt.date.fromordinal(day),
        time_precision=precision,
        event_type=sub.event_type,
        sub_event_type=sub,
        actor1=actor1,
        inter1=ActorType.REBEL_GROUP,
        actor2=str(t["target"]),
        country="",
        location=place,
        latitude=lat,
        longitude=lon,
        geo_precision=geo,
        fatalities=deaths,
        evidence=(Evidence("location", quote),),
        confidence=0.7,
    )
