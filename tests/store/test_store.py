"""The store keeps events exactly, finds them by every indexed field, and behaves the same on
SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from conflictwatch.errors import InputError, NotFound, SchemaError
from conflictwatch.model import Article, Dataset
from conflictwatch.store import BBox, EventFilter, Store, migrations
from conflictwatch.taxonomy import EventType, SubEventType
from tests.factories import make_event

PLACES = [
    # (n, location, country, admin1, lat, lon, date, type, sub type, actor1, notes)
    (
        1,
        "Ménaka",
        "Mali",
        "Ménaka",
        15.92,
        2.40,
        dt.date(2023, 3, 1),
        EventType.BATTLES,
        SubEventType.ARMED_CLASH,
        "Islamic State Sahel Province",
        "Fighting near Ménaka town.",
    ),
    (
        2,
        "Tombouctou",
        "Mali",
        "Tombouctou",
        16.77,
        -3.01,
        dt.date(2023, 8, 10),
        EventType.EXPLOSIONS_REMOTE_VIOLENCE,
        SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
        "JNIM: Group for Support of Islam and Muslims",
        "Shells fell on Tombouctou during the blockade.",
    ),
    (
        3,
        "Djibo",
        "Burkina Faso",
        "Sahel",
        14.10,
        -1.63,
        dt.date(2024, 5, 26),
        EventType.VIOLENCE_AGAINST_CIVILIANS,
        SubEventType.ATTACK,
        "JNIM: Group for Support of Islam and Muslims",
        "Civilians were killed in Djibo.",
    ),
    (
        4,
        "Niamey",
        "Niger",
        "Niamey",
        13.51,
        2.11,
        dt.date(2023, 7, 30),
        EventType.PROTESTS,
        SubEventType.PEACEFUL_PROTEST,
        "Protesters (Niger)",
        "Rally in Niamey.",
    ),
]


@pytest.fixture
def filled(fresh_store: Store) -> Store:
    fresh_store.add_events(
        make_event(
            n,
            location=loc,
            country=c,
            admin1=a1,
            latitude=lat,
            longitude=lon,
            event_date=d,
            event_type=t,
            sub_event_type=s,
            actor1=actor,
            notes=notes,
            dataset_id=f"X{n}",
            admin2="",
        )
        for n, loc, c, a1, lat, lon, d, t, s, actor, notes in PLACES
    )
    return fresh_store


def test_an_event_comes_back_exactly_as_stored(fresh_store: Store) -> None:
    event = make_event(7, tags=("ambush", "IED"), extra={"deaths_a": "2"}, time_of_day="dawn")
    fresh_store.add_events([event])
    assert fresh_store.get_event(event.id) == event


def test_adding_an_event_again_replaces_it(fresh_store: Store) -> None:
    fresh_store.add_events([make_event(1, fatalities=1)])
    fresh_store.add_events([make_event(1, fatalities=9)])
    assert fresh_store.count() == 1
    assert fresh_store.get_event("acled:TST1").fatalities == 9


def test_a_missing_event_is_not_found(fresh_store: Store) -> None:
    with pytest.raises(NotFound, match="nope"):
        fresh_store.get_event("nope")


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (EventFilter(), {1, 2, 3, 4}),
        (EventFilter(country="Mali"), {1, 2}),
        (EventFilter(admin1="Sahel"), {3}),
        (EventFilter(since=dt.date(2023, 7, 30)), {2, 3, 4}),
        (EventFilter(until=dt.date(2023, 7, 30)), {1, 4}),
        (EventFilter(type="Battles"), {1}),
        (EventFilter(type="attack"), {3}),  # a sub-event type, case-insensitive
        (EventFilter(actor="jnim"), {2, 3}),
        (EventFilter(bbox=BBox(-4, 14, 0, 17)), {2, 3}),
        (EventFilter(bbox=BBox(2.0, 13.0, 2.5, 16.0)), {1, 4}),
        (EventFilter(country="Mali", actor="islamic state"), {1}),
        (EventFilter(dataset="ucdp"), set()),
    ],
)
def test_filters_select_the_right_events(
    filled: Store, where: EventFilter, expected: set[int]
) -> None:
    found = {int(e.dataset_id[1:]) for e in filled.events(where) if e.dataset_id}
    assert found == expected
    assert filled.count(where) == len(expected)


def test_events_come_oldest_first_with_limit_and_offset(filled: Store) -> None:
    dates = [e.event_date for e in filled.events()]
    assert dates == sorted(dates)
    assert [e.event_date for e in filled.events(limit=2, offset=1)] == dates[1:3]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("menaka", {1}),  # no accent finds the accented name
        ("MÉNAKA", {1}),
        ("tombouctou blockade", {2}),  # every word must match
        ("djib*", {3}),  # prefix
        ("jnim", {2, 3}),  # actors are searched too
        ("bamako", set()),
    ],
)
def test_search_ignores_case_and_accents(filled: Store, query: str, expected: set[int]) -> None:
    assert {int(e.dataset_id[1:]) for e in filled.search(query) if e.dataset_id} == expected


def test_search_finds_events_through_their_source_articles(filled: Store) -> None:
    article = Article(
        id="a1",
        text="Des hommes armés ont attaqué le marché de Djibo à l'aube.",
        title="Attaque à Djibo",
        language="fr",
    )
    assert filled.add_article(article) is True
    assert filled.add_article(article) is False  # stored once
    filled.link_mention("m1", "a1", "acled:X3", {"location": "Djibo"})
    assert [e.dataset_id for e in filled.search("marche aube")] == ["X3"]
    assert [a.id for a in filled.search_articles("hommes armes")] == ["a1"]


def test_a_search_without_words_is_refused(filled: Store) -> None:
    with pytest.raises(InputError, match="no words"):
        filled.search("  ,;  ")


def test_stats_count_by_year_type_region_and_country(filled: Store) -> None:
    stats = filled.stats()
    assert stats.events == 4
    assert stats.fatalities == 12
    assert stats.by_year == {"2023": 3, "2024": 1}
    assert stats.by_country == {"Mali": 2, "Burkina Faso": 1, "Niger": 1}
    assert stats.by_event_type["Battles"] == 1
    assert stats.first_date == dt.date(2023, 3, 1)
    assert stats.last_date == dt.date(2024, 5, 26)
    assert filled.stats(EventFilter(country="Mali")).events == 2


def test_delete_events(filled: Store) -> None:
    assert filled.delete_events(["acled:X1", "acled:X9"]) == 1
    assert filled.count() == 3
    assert {e.dataset_id for e in filled.search("menaka")} == set()


def test_a_failed_batch_writes_nothing(fresh_store: Store) -> None:
    good = make_event(1)
    with pytest.raises(Exception):  # noqa: B017 - any database error will do
        fresh_store.add_events([good, make_event(2, country=None)])  # type: ignore[arg-type]
    assert fresh_store.count() == 0


def test_opening_migrates_once_and_reopening_is_a_no_op(store_url: str) -> None:
    with Store.open(store_url) as store:
        assert store.schema_version == migrations.LATEST
    with Store.open(store_url, migrate=False) as store:
        assert store.migrate() == []


def test_a_version_1_database_is_upgraded_in_place_keeping_its_events(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store:
        store.add_events([make_event(1)])
        with store.engine.begin() as conn:  # take the file back to its version-1 shape
            for index in ("ix_events_operation", "ix_mentions_event_date", "ix_articles_url"):
                conn.exec_driver_sql(f"DROP INDEX {index}")
            conn.exec_driver_sql("ALTER TABLE events DROP COLUMN operation_id")
            conn.exec_driver_sql("ALTER TABLE mentions DROP COLUMN event_date")
            conn.exec_driver_sql("ALTER TABLE mentions DROP COLUMN decision")
            conn.exec_driver_sql("DROP TABLE event_history")
            conn.exec_driver_sql("DROP TABLE source_state")
            conn.exec_driver_sql("DELETE FROM schema_migrations WHERE version > 1")
    with Store.open(sqlite_url, migrate=False) as store:
        assert store.schema_version == 1
        assert store.migrate() == [2]
        assert store.count() == 1
        assert store.get_event(make_event(1).id).operation_id is None
        tables = set(sa.inspect(store.engine).get_table_names())
    assert {"event_history", "source_state"} <= tables


def test_a_newer_schema_is_refused(store_url: str) -> None:
    with Store.open(store_url) as store, store.engine.begin() as conn:
        conn.execute(
            migrations.migrations_table.insert().values(
                version=migrations.LATEST + 1,
                description="from the future",
                applied_at=dt.datetime.now(dt.UTC),
            )
        )
    with pytest.raises(SchemaError, match="Upgrade conflictwatch"):
        Store.open(store_url)


def test_sqlite_store_uses_wal_and_foreign_keys(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_bbox_query_uses_the_index_on_sqlite(sqlite_url: str) -> None:
    from conflictwatch.store.query import bbox_clause
    from conflictwatch.store.schema import events

    with Store.open(sqlite_url) as store, store.engine.connect() as conn:
        statement = sa.select(events.c.id).where(bbox_clause(BBox(-4, 14, 0, 17)))
        sql = str(statement.compile(conn, compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "ix_events_geo" in plan
    assert "SCAN events" not in plan


def test_bbox_query_can_use_the_index_on_postgresql(postgres_url: str) -> None:
    from conflictwatch.store.query import bbox_clause
    from conflictwatch.store.schema import events

    with Store.open(postgres_url) as store, store.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        statement = sa.select(events.c.id).where(bbox_clause(BBox(-4, 14, 0, 17)))
        sql = str(statement.compile(conn, compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(r[0]) for r in conn.exec_driver_sql("EXPLAIN " + sql))
    assert "ix_events_geo" in plan


@pytest.mark.parametrize("text", ["1,2,3", "a,b,c,d", "5,0,1,1", "0,95,1,96"])
def test_a_bad_bbox_is_explained(text: str) -> None:
    with pytest.raises(InputError, match="bbox"):
        BBox.parse(text)


def test_datasets_are_kept_apart(fresh_store: Store) -> None:
    fresh_store.add_events(
        [
            make_event(1, dataset=Dataset.UCDP, dataset_id="1"),
            make_event(2, dataset=Dataset.ACLED, dataset_id="1"),
        ]
    )
    assert fresh_store.count() == 2
    assert fresh_store.stats().by_dataset == {"acled": 1, "ucdp": 1}
