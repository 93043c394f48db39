"""The briefing finds what the store was built to hold, says so with facts, and cites real events."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest

from conflictwatch.analysis import rate_ratio
from conflictwatch.errors import ConfigError, NotFound
from conflictwatch.model import Article
from conflictwatch.report import build_briefing
from conflictwatch.report.briefing import Briefing, write_briefing
from conflictwatch.report.facts import fact_ids, plain
from conflictwatch.store import Store

from .conftest import JNIM, PERIOD, Scenario, build_scenario, extracted_event, sahel

SECTIONS = ["security", "insurgents", "separatists", "forces", "sieges", "geography", "outlook"]


def _brief(store: Store) -> Briefing:
    return build_briefing(store, country="Mali", since=PERIOD[0], until=PERIOD[1], pack=sahel())


def test_every_section_is_there_in_order(scenario_store: Store) -> None:
    briefing = _brief(scenario_store)
    assert [s.key for s in briefing.sections] == SECTIONS
    assert all(s.paragraphs for s in briefing.sections)
    assert 3 <= len(briefing.takeaways) <= 6
    assert briefing.headline and briefing.standfirst and briefing.analysis


def test_counts_and_rate_ratio_equal_the_construction(
    scenario_store: Store, scenario: Scenario
) -> None:
    facts = _brief(scenario_store).facts
    assert facts["events.period"].value == scenario.period_events
    assert facts["fatalities.period"].value == scenario.period_fatalities
    assert facts["events.baseline"].value == scenario.baseline_events
    # 2024 has 366 days; the baseline is the 366 days before it.
    expected = rate_ratio(scenario.baseline_events, 366, scenario.period_events, 366)
    assert facts["events.change.rate-ratio"].value == pytest.approx(expected[0])
    assert facts["events.change.ci-lower"].value == pytest.approx(expected[1])
    assert facts["events.change.ci-upper"].value == pytest.approx(expected[2])
    assert facts["events.period"].event_count == scenario.period_events


def test_deadliest_nearest_blockade_and_spillover(
    scenario_store: Store, scenario: Scenario
) -> None:
    facts = _brief(scenario_store).facts
    assert facts["deadliest.fatalities"].value == 40
    assert facts["deadliest.fatalities"].event_ids == (scenario.deadliest.id,)
    assert facts["distance.nearest"].event_ids == (scenario.nearest.id,)
    assert float(facts["distance.nearest"].value) < 10  # Faladié is about 6 km from Bamako's centre
    first = min(scenario.blockade, key=lambda e: e.event_date)
    assert facts["situation.1.since"].value == first.event_date.isoformat()
    assert facts["situation.1.evidence"].value == len(scenario.blockade)
    assert facts["spillover.events"].value == 1
    assert facts["spillover.events"].event_ids == (scenario.spill.id,)
    assert facts["territory.1.fatalities"].value == 12


def test_the_blockade_and_the_rise_are_in_the_text(scenario_store: Store) -> None:
    briefing = _brief(scenario_store)
    sieges = plain(" ".join(briefing.section("sieges").paragraphs), briefing.facts)
    assert "Timbuktu: a blockade by JNIM" in sieges
    assert "still in force" in sieges
    security = plain(" ".join(briefing.section("security").paragraphs), briefing.facts)
    assert "the rate rose" in security


@pytest.mark.parametrize(
    ("baseline", "period", "word"),
    [(10, 40, "rose"), (40, 8, "fell"), (20, 20, "held roughly steady")],
)
def test_findings_follow_the_data_not_a_script(
    tmp_path: Path, baseline: int, period: int, word: str
) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.add_events(build_scenario(baseline, period).events)
        briefing = _brief(store)
    security = plain(" ".join(briefing.section("security").paragraphs), briefing.facts)
    assert f"the rate {word}" in security


def test_every_takeaway_states_a_fact(scenario_store: Store) -> None:
    briefing = _brief(scenario_store)
    for bullet in briefing.takeaways:
        cited = fact_ids(bullet)
        assert cited, bullet
        assert all(f in briefing.facts for f in cited)


def test_headline_is_the_strongest_claim(scenario_store: Store) -> None:
    briefing = _brief(scenario_store)
    assert fact_ids(briefing.headline)
    # The standfirst opens with the sentence behind the headline, which is the first takeaway.
    assert briefing.standfirst.startswith(briefing.takeaways[0])


def test_citations_resolve_to_stored_events(scenario_store: Store) -> None:
    briefing = _brief(scenario_store)
    assert briefing.citations
    for citation in briefing.citations:
        event = scenario_store.get_event(citation.event_id)
        assert (event.dataset.value, event.dataset_id) == (citation.dataset, citation.dataset_id)
    cited = {c.event_id for c in briefing.citations}
    assert briefing.facts["deadliest.fatalities"].event_ids[0] in cited


def test_events_from_reports_cite_their_articles(store_url: str) -> None:
    with Store.open(store_url) as store:
        event = extracted_event(
            1,
            dt.date(2024, 9, 17),
            fatalities=70,
            location="Faladie",
            latitude=12.6,
            longitude=-7.95,
        )
        store.add_events([event, *(extracted_event(i, dt.date(2024, 3, i)) for i in range(2, 6))])
        for n, outlet in ((1, "RFI"), (2, "Studio Tamani")):
            article = Article(
                id=f"art{n}",
                text="JNIM fighters attacked the gendarmerie school in Faladié at dawn.",
                url=f"https://example.org/{n}",
                outlet=outlet,
                title=f"Report {n}",
                published_at=dt.datetime(2024, 9, 17, 12, tzinfo=dt.UTC),
            )
            store.add_article(article)
            store.link_mention(f"m{n}", article.id, event.id, {"actor1": JNIM})
        briefing = build_briefing(store, country="Mali", pack=sahel())
    citation = next(c for c in briefing.citations if c.event_id == event.id)
    assert citation.from_reports
    assert [(r.label, r.url, r.article_id) for r in citation.sources] == [
        ("RFI", "https://example.org/1", "art1"),
        ("Studio Tamani", "https://example.org/2", "art2"),
    ]
    deadliest = next(f for f in briefing.facts_json()["facts"] if f["id"] == "deadliest.fatalities")
    assert deadliest["articles"] == ["art1", "art2"]
    assert briefing.facts["coverage.extracted-share"].value == 1.0


def test_a_section_without_data_says_so(tmp_path: Path) -> None:
    from tests.factories import make_event

    army = "Military Forces of Mali (2021-)"
    events = [
        make_event(i, event_date=dt.date(2024, 1, 1) + dt.timedelta(days=i), actor1=army, actor2="")
        for i in range(6)
    ]
    with Store.open(tmp_path / "s.db") as store:
        store.add_events(events)
        briefing = build_briefing(store, pack=sahel())
    assert briefing.section("insurgents").paragraphs == (
        "No event involving an insurgent group is recorded for the period.",
    )
    assert "No siege or blockade" in briefing.section("sieges").paragraphs[0]
    assert not any(n.title.lower() == "siege" for n in briefing.notes)


def test_the_busiest_country_is_chosen_and_said(scenario_store: Store) -> None:
    briefing = build_briefing(scenario_store, pack=sahel())
    assert briefing.country == "Mali"
    assert "most events" in briefing.remarks[0]


def test_a_country_with_no_events_is_an_error_that_lists_the_others(scenario_store: Store) -> None:
    with pytest.raises(NotFound, match="Countries with events: Mali"):
        build_briefing(scenario_store, country="Narnia", pack=sahel())


def test_capital_comes_from_data_not_code(tmp_path: Path) -> None:
    """Niger's briefing measures distances from Niamey (the pack); Chad's from N'Djamena (GeoNames)."""
    from tests.factories import make_event

    with Store.open(tmp_path / "s.db") as store:
        store.add_events(
            [
                make_event(1, country="Niger", latitude=13.6, longitude=2.2, location="Niamey"),
                make_event(2, country="Chad", latitude=12.2, longitude=15.1, location="Ndjamena"),
            ]
        )
        niger = build_briefing(store, country="Niger", pack=sahel())
        chad = build_briefing(store, country="Chad", pack=sahel())
    assert "from Niamey" in plain(" ".join(niger.section("geography").paragraphs), niger.facts)
    geography = plain(" ".join(chad.section("geography").paragraphs), chad.facts)
    assert "N'Djamena" in geography or "Ndjamena" in geography
    assert float(chad.facts["distance.median"].value) < 20


def test_write_briefing_refuses_unknown_suffixes(scenario_store: Store, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\.html, \.md or \.pdf"):
        write_briefing(scenario_store, tmp_path / "brief.docx")


def test_rate_ratio_facts_survive_json_when_infinite(tmp_path: Path) -> None:
    """No events before gives an infinite ratio: JSON carries it as text, the page shows ∞."""
    with Store.open(tmp_path / "s.db") as store:
        scenario = build_scenario(baseline=0, period=10)
        store.add_events(scenario.events)
        from tests.factories import make_event

        store.add_events([make_event(999, event_date=dt.date(2022, 6, 1))])
        briefing = _brief(store)
    fact = briefing.facts["events.change.rate-ratio"]
    assert math.isinf(float(fact.value))
    row = next(f for f in briefing.facts_json()["facts"] if f["id"] == fact.id)
    assert row["value"] == "inf" and row["display"] == "∞"


def test_newcomers_are_named(scenario_store: Store, scenario: Scenario) -> None:
    briefing = _brief(scenario_store)
    # Before 2024 the record holds only JNIM and the army; the blockade brings "Civilians (Mali)"
    # as actor 2 and the takeover brings the CSP.
    assert briefing.facts["new-actors"].value == 2
    security = plain(" ".join(briefing.section("security").paragraphs), briefing.facts)
    assert "CSP-DPA" in security


def test_a_shift_in_who_targets_civilians(tmp_path: Path) -> None:
    from conflictwatch.taxonomy import EventType, SubEventType
    from tests.factories import make_event

    army = "Military Forces of Mali (2021-)"
    attack = {
        "event_type": EventType.VIOLENCE_AGAINST_CIVILIANS,
        "sub_event_type": SubEventType.ATTACK,
        "actor2": "Civilians (Mali)",
        "civilian_targeting": True,
    }
    events = [
        make_event(i, event_date=dt.date(2023, 2, 1 + i), actor1=army, **attack) for i in range(6)
    ] + [
        make_event(10 + i, event_date=dt.date(2024, 2, 1 + i), actor1=JNIM, **attack)
        for i in range(6)
    ]
    with Store.open(tmp_path / "s.db") as store:
        store.add_events(events)
        briefing = _brief(store)
    assert briefing.facts["civilians.shift.before"].value == 0.0
    assert briefing.facts["civilians.shift.after"].value == 1.0
    sieges = plain(" ".join(briefing.section("sieges").paragraphs), briefing.facts)
    assert "al-Qaeda-affiliated groups carried out 100% in the period against 0%" in sieges


def test_the_map_draws_stored_boundaries(scenario_store: Store) -> None:
    import json

    from conflictwatch.geo.boundaries import Boundary
    from conflictwatch.report.gather import read_input
    from conflictwatch.store.geodata import save_boundaries

    square = {
        "type": "Polygon",
        "coordinates": [[[-12, 10], [4, 10], [4, 25], [-12, 25], [-12, 10]]],
    }
    far = {"type": "Polygon", "coordinates": [[[100, 0], [101, 0], [101, 1], [100, 0]]]}
    save_boundaries(
        scenario_store,
        "test-adm1",
        [
            Boundary("ML-1", "Everywhere", 1, "ML", "", json.dumps(square)),
            Boundary("XX-1", "Far away", 1, "XX", "", json.dumps(far)),
        ],
    )
    inp = read_input(scenario_store, sahel(), country="Mali")
    assert [(o.name, o.focus) for o in inp.outlines] == [("Everywhere", True)]
    briefing = _brief(scenario_store)
    chart = briefing.chart("map")
    assert chart is not None and "admin boundaries from the store" in chart.caption


def test_an_analysts_siege_entry_is_tracked(scenario_store: Store) -> None:
    from conflictwatch.store.schema import situations

    with scenario_store.engine.begin() as conn:
        conn.execute(
            situations.insert().values(
                id="siege:ml:boni",
                kind="siege",
                location="Boni",
                country="Mali",
                actor=JNIM,
                start=dt.date(2024, 2, 1),
                end=None,
                data='{"event_ids": []}',
            )
        )
    briefing = _brief(scenario_store)
    sieges = plain(" ".join(briefing.section("sieges").paragraphs), briefing.facts)
    assert "Boni: a siege by JNIM" in sieges
    assert "(entered by an analyst)" in sieges


def test_a_quiet_period_still_has_three_takeaways(scenario_store: Store) -> None:
    briefing = build_briefing(
        scenario_store,
        country="Mali",
        since=dt.date(2025, 6, 1),
        until=dt.date(2025, 6, 30),
        pack=sahel(),
    )
    assert briefing.facts["events.period"].value == 0
    assert len(briefing.takeaways) >= 3
    assert all(fact_ids(t) for t in briefing.takeaways)
    assert "no event is recorded in the period" in briefing.analysis[-1]


def test_trends_are_compared_around_turning_points_not_single_attacks(
    scenario_store: Store,
) -> None:
    briefing = build_briefing(scenario_store, country="Mali")
    compared = {f["id"].split(".")[1] for f in briefing.facts_json()["facts"]
                if f["id"].startswith("milestone.")}  # fmt: skip
    kinds = {p.id: p.kind for p in sahel().periods("ML")}
    assert compared, "the scenario spans turning points"
    assert {kinds[c] for c in compared} == {"turning-point"}
    # ... although an attack milestone (Tinzaouaten, July 2024) is the most recent in range.
    assert kinds["ml-2024-tinzaouaten"] == "event"
