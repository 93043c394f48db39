"""Event matching is one-to-one by type, distance and date; field accuracy is over matched pairs."""

from __future__ import annotations

import datetime as dt

from conflictwatch.extract.event_scoring import CodedEvent, EventScore, match, score

D = dt.date(2024, 9, 17)


def ev(day: int = 17, etype: str = "Battles", sub: str = "Armed clash", lat: float = 12.6,
       lon: float = -8.0, actor1: str = "JNIM", deaths: int = 0) -> CodedEvent:  # fmt: skip
    return CodedEvent(dt.date(2024, 9, day), etype, sub, actor1, "", "", lat, lon, deaths)


def test_events_match_only_within_type_distance_and_days() -> None:
    gold = [ev()]
    assert match([ev()], gold) == [(0, 0)]
    assert match([ev(day=19)], gold) == [(0, 0)]  # two days apart
    assert match([ev(day=20)], gold) == []  # three days apart
    assert match([ev(etype="Riots")], gold) == []
    assert match([ev(lat=13.2)], gold) == []  # ~67 km away


def test_matching_is_one_to_one_and_closest_first() -> None:
    gold = [ev(lat=12.6), ev(lat=12.9)]
    predicted = [ev(lat=12.88), ev(lat=12.61), ev(lat=12.62)]
    assert sorted(match(predicted, gold)) == [(0, 1), (1, 0)]


def test_scores_count_precision_recall_and_field_accuracy() -> None:
    total = EventScore()
    score([ev(deaths=3), ev(day=25)], [ev(deaths=3, actor1="jnim")], total,
          lambda a, b: a.lower() == b.lower())  # fmt: skip
    assert (total.predicted, total.gold, total.matched) == (2, 1, 1)
    assert (total.precision, total.recall) == (0.5, 1.0)
    assert round(total.f1, 4) == 0.6667
    assert total.accuracy("fatalities_exact") == 1.0
    assert total.accuracy("actor1") == 1.0
    assert total.as_dict()["date_exact_accuracy"] == 1.0


def test_differences_name_the_missed_the_spurious_and_the_wrong_fields() -> None:
    differed = score([ev(deaths=2), ev(day=25)], [ev(deaths=3), ev(etype="Riots")], EventScore(),
                     lambda a, b: a == b)  # fmt: skip
    assert [e.event_type for e in differed.missed] == ["Riots"]
    assert [e.event_date.day for e in differed.spurious] == [25]
    assert [name for name, _p, _g in differed.wrong] == ["fatalities_exact"]
    listed = differed.as_dict()
    assert listed["wrong"][0]["predicted"]["fatalities"] == 2
    assert listed["wrong"][0]["gold"]["fatalities"] == 3
    assert not score([ev()], [ev()], EventScore(), lambda a, b: a == b)
