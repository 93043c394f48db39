"""Resolution in the store: one transaction per article, idempotent, correctable, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from conflictwatch.errors import InputError, NotFound
from conflictwatch.model import Article, Dataset, Evidence
from conflictwatch.resolve import Resolver
from conflictwatch.store import EventFilter, Store
from conflictwatch.store.resolution import (
    event_history,
    event_mentions,
    ingest_article,
    merge_events,
    split_event,
)

from .conftest import ISSP, mention
from .test_operations import AIRPORT, FALADIE


def article(name: str, text: str = "", outlet: str = "") -> Article:
    body = text or f"Report {name} about the ambush near Boni."
    return Article(
        id=name,
        text=body,
        content_hash=f"hash-{body}",
        outlet=outlet or f"Outlet {name}",
        title=f"Title {name}",
        published_at=dt.datetime(2024, 6, 4, tzinfo=dt.UTC),
    )


def _counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            t: int(conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one())
            for t in ("articles", "mentions", "events", "event_history")
        }


def test_tellings_in_three_articles_build_one_event(fresh_store: Store, resolver: Resolver) -> None:
    first = ingest_article(
        fresh_store, article("r1"), [mention("r1#1", fatalities=5)], resolver=resolver
    )
    assert len(first.created) == 1 and not first.joined
    event_id = first.created[0]
    for name, toll in (("r2", 9), ("r3", 0)):
        outcome = ingest_article(
            fresh_store, article(name), [mention(f"{name}#1", fatalities=toll)], resolver=resolver
        )
        assert outcome.joined == (event_id,) and not outcome.created
    event = fresh_store.get_event(event_id)
    assert event.dataset is Dataset.CONFLICTWATCH
    assert (event.fatalities_low, event.fatalities, event.fatalities_high) == (5, 5, 9)
    assert event.source == "Outlet r1; Outlet r2; Outlet r3"
    told = event_mentions(fresh_store, event_id)
    assert [m.mention.id for m in told] == ["r1#1", "r2#1", "r3#1"]
    assert told[0].decision["action"] == "created"
    assert told[1].decision["action"] == "joined"
    assert {r["name"] for r in told[1].decision["reasons"]} >= {"type", "date", "place", "actors"}
    assert [h.action for h in event_history(fresh_store, event_id)] == [
        "created",
        "joined",
        "joined",
    ]
    # the events list, the full-text index and article search all see it
    assert [e.id for e in fresh_store.events(EventFilter(dataset="conflictwatch"))] == [event_id]
    assert [e.id for e in fresh_store.search("boni")] == [event_id]


def test_the_same_article_twice_is_a_no_op(fresh_store: Store, resolver: Resolver) -> None:
    ingest_article(fresh_store, article("r1"), [mention("r1#1")], resolver=resolver)
    before = _counts(fresh_store)
    again = ingest_article(fresh_store, article("r1"), [mention("r1#1")], resolver=resolver)
    assert again.skipped and again.reason == "same id"
    copy = ingest_article(
        fresh_store,
        article("r1-copy", text=article("r1").text),
        [mention("copy#1", "r1-copy")],
        resolver=resolver,
    )
    assert copy.skipped and copy.reason == "same content as r1"
    assert _counts(fresh_store) == before


def test_an_article_with_two_attacks_makes_two_events(
    fresh_store: Store, resolver: Resolver
) -> None:
    outcome = ingest_article(
        fresh_store, article("r1"), [mention("r1#1"), mention("r1#2")], resolver=resolver
    )
    assert len(outcome.created) == 2
    later = ingest_article(fresh_store, article("r2"), [mention("r2#1")], resolver=resolver)
    assert later.joined and later.joined[0] in outcome.created


def test_an_article_without_events_is_stored(fresh_store: Store, resolver: Resolver) -> None:
    outcome = ingest_article(fresh_store, article("r0"), [], resolver=resolver)
    assert not outcome.skipped and outcome.mentions == 0
    assert _counts(fresh_store)["articles"] == 1 and _counts(fresh_store)["events"] == 0


def test_coordinated_attacks_share_an_operation_in_the_store(
    fresh_store: Store, resolver: Resolver
) -> None:
    first = ingest_article(
        fresh_store, article("r1"), [mention("r1#1", **FALADIE)], resolver=resolver
    )
    assert not first.operations
    second = ingest_article(
        fresh_store, article("r2"), [mention("r2#1", **AIRPORT)], resolver=resolver
    )
    assert len(second.created) == 1 and len(second.operations) == 1
    a, b = (fresh_store.get_event(i) for i in (*first.created, *second.created))
    assert a.id != b.id and a.operation_id == b.operation_id == second.operations[0]
    assert [h.action for h in event_history(fresh_store, a.id)] == ["created", "operation"]


def test_merge_and_split_fix_mistakes_with_history(fresh_store: Store, resolver: Resolver) -> None:
    one = ingest_article(
        fresh_store, article("r1"), [mention("r1#1", fatalities=3)], resolver=resolver
    ).created[0]
    other = ingest_article(
        fresh_store,
        article("r2", text="Another attack, near Tessit."),
        [
            mention(
                "r2#1",
                "r2",
                actor1=ISSP,
                location="Tessit",
                latitude=15.93,
                longitude=0.3,
                fatalities=8,
                evidence=(Evidence("location", "near Tessit"),),
            )
        ],
        resolver=resolver,
    ).created[0]
    merged = merge_events(fresh_store, [one, other], by="analyst A", resolver=resolver)
    assert merged.id == one and (merged.fatalities_low, merged.fatalities_high) == (3, 8)
    with pytest.raises(NotFound):
        fresh_store.get_event(other)
    assert [m.mention.id for m in event_mentions(fresh_store, one)] == ["r1#1", "r2#1"]
    assert event_history(fresh_store, other)[-1].action == "merged-into"

    left, new = split_event(fresh_store, one, ["r2#1"], by="analyst B", resolver=resolver)
    assert left.id == one and (left.fatalities, new.fatalities) == (3, 8)
    assert new.location == "Tessit" and [
        m.mention.id for m in event_mentions(fresh_store, new.id)
    ] == ["r2#1"]
    actions = [(h.action, h.by) for h in event_history(fresh_store, one)]
    assert actions[-2:] == [("merged", "analyst A"), ("split", "analyst B")]
    assert event_history(fresh_store, new.id)[0].detail["from"] == one


def test_bad_corrections_are_refused_with_the_fix(fresh_store: Store, resolver: Resolver) -> None:
    one = ingest_article(fresh_store, article("r1"), [mention("r1#1")], resolver=resolver).created[
        0
    ]
    with pytest.raises(InputError, match="at least two"):
        merge_events(fresh_store, [one], by="me", resolver=resolver)
    with pytest.raises(NotFound, match="cw-nope"):
        merge_events(fresh_store, [one, "cw-nope"], by="me", resolver=resolver)
    with pytest.raises(InputError, match="its mentions are: r1#1"):
        split_event(fresh_store, one, ["r9#9"], by="me", resolver=resolver)
    with pytest.raises(InputError, match="some but not all"):
        split_event(fresh_store, one, ["r1#1"], by="me", resolver=resolver)
    assert fresh_store.get_event(one).id == one
