"""Clustering with constraints, incremental join-or-create, batch = incremental, determinism."""

from __future__ import annotations

import datetime as dt

import numpy as np

from conflictwatch.resolve import ActorIndex, Resolver, cluster, cluster_labels
from conflictwatch.resolve.blocking import candidate_pairs
from conflictwatch.resolve.features import Encoder
from conflictwatch.resolve.options import ResolveOptions
from conflictwatch.resolve.synthetic import synthetic_mentions
from conflictwatch.taxonomy import SubEventType

from .conftest import ISSP, mention


def test_tellings_of_one_ambush_become_one_event(actors: ActorIndex) -> None:
    tellings = [
        mention("a", fatalities=5),
        mention("b", event_date=dt.date(2024, 6, 4), fatalities=7, latitude=15.05),
        mention("c", sub_event_type=SubEventType.ATTACK, actor1="GSIM", fatalities=0),
    ]
    assert [len(c.mentions) for c in cluster(tellings, actors)] == [3]


def test_two_mentions_from_one_article_are_never_merged(actors: ActorIndex) -> None:
    # identical in every field, but one article told them as two events
    twins = [mention("a", "report-1"), mention("b", "report-1")]
    assert cluster_labels(twins, actors).tolist() == [0, 1]
    # and a third report of the same ambush joins one of them only
    labels = cluster_labels([*twins, mention("c", "report-2")], actors).tolist()
    assert labels[2] in (0, 1) and labels[0] != labels[1]


def test_different_attacks_stay_apart(actors: ActorIndex) -> None:
    stream = [
        mention("a"),
        mention("b", actor1=ISSP, location="Tessit", latitude=15.93, longitude=0.3),  # elsewhere
        mention("c", event_date=dt.date(2024, 6, 20)),  # two weeks later, same place
        mention("d", sub_event_type=SubEventType.PEACEFUL_PROTEST, actor1="Protesters (Mali)"),
    ]
    assert len(set(cluster_labels(stream, actors).tolist())) == 4


def test_a_new_mention_joins_the_best_event_or_starts_one(resolver: Resolver) -> None:
    boni = [mention("old-1", fatalities=4)]
    tessit = [mention("old-2", actor1=ISSP, location="Tessit", latitude=15.93, longitude=0.3)]
    joining = mention("new-1", fatalities=5)
    starting = mention(
        "new-2", location="Douentza", latitude=15.0, longitude=-2.95, event_date=dt.date(2024, 6, 1)
    )
    result = resolver.resolve([boni, tessit], [joining, starting])
    first, second = result.decisions
    assert first.joined and first.cluster == 0 and first.score is not None
    assert first.score >= first.threshold
    assert {r.name for r in first.reasons} >= {"type", "date", "place", "actors"}
    assert not second.joined and second.cluster >= result.existing
    assert [m.id for m in result.members[0]] == ["old-1", "new-1"]


def test_a_decision_names_the_runner_up_and_what_was_excluded(resolver: Resolver) -> None:
    near = mention("old-1", "r1")
    also_near = mention("old-2", "r2", latitude=15.06, location="Boni-Est")
    same_article = mention("old-3", "r9", latitude=15.031)
    result = resolver.resolve([[near], [also_near], [same_article]], [mention("new", "r9")])
    (decision,) = result.decisions
    assert decision.joined and decision.cluster == 0
    assert decision.runner_up == 1 and decision.runner_up_score is not None
    assert (2, "already has a mention from this article") in decision.excluded


def test_batch_equals_ingesting_one_article_at_a_time(actors: ActorIndex) -> None:
    data = synthetic_mentions(400, seed=3)
    batch = cluster_labels(data.mentions, actors)
    resolver = Resolver(actors)
    events: list[list[object]] = []
    incremental = []
    by_article: dict[str, list[int]] = {}
    for i, m in enumerate(data.mentions):
        by_article.setdefault(m.article_id, []).append(i)
    # articles arrive in the order of their first mention; all mentions of an article together
    seen: set[str] = set()
    placed: dict[int, int] = {}
    for m in data.mentions:
        if m.article_id in seen:
            continue
        seen.add(m.article_id)
        new = [data.mentions[i] for i in by_article[m.article_id]]
        result = resolver.resolve(events, new)  # type: ignore[arg-type]
        for i, d in zip(by_article[m.article_id], result.decisions, strict=True):
            placed[i] = d.cluster
            if d.cluster >= len(events):
                events.append([])
            events[d.cluster].append(data.mentions[i])
    incremental = [placed[i] for i in range(len(data.mentions))]

    def partition(labels: list[int]) -> set[frozenset[int]]:
        groups: dict[int, set[int]] = {}
        for i, label in enumerate(labels):
            groups.setdefault(label, set()).add(i)
        return {frozenset(g) for g in groups.values()}

    # the same partition, whenever an article's mentions are contiguous in the stream
    contiguous = all(idx == list(range(idx[0], idx[0] + len(idx))) for idx in by_article.values())
    if contiguous:
        assert partition(incremental) == partition(batch.tolist())
    else:
        assert len(partition(incremental) ^ partition(batch.tolist())) <= 0.05 * len(batch)


def test_output_is_deterministic(actors: ActorIndex) -> None:
    data = synthetic_mentions(2000, seed=5)
    assert np.array_equal(
        cluster_labels(data.mentions, actors), cluster_labels(data.mentions, actors)
    )


def test_blocking_compares_neighbours_across_cell_edges(actors: ActorIndex) -> None:
    # 0.5-degree cells: 14.999 and 15.001 fall in different cells, 2 km apart
    f = Encoder(actors).encode(
        [mention("a", latitude=14.999), mention("b", latitude=15.001), mention("c", latitude=18.0)]
    )
    a, b = candidate_pairs(f, ResolveOptions())
    assert list(zip(a.tolist(), b.tolist(), strict=True)) == [(0, 1)]


def test_a_mention_without_coordinates_meets_its_region(actors: ActorIndex) -> None:
    f = Encoder(actors).encode(
        [
            mention("a"),
            mention("b", latitude=None, longitude=None),
            mention("c", latitude=None, longitude=None, admin1="Kayes"),
        ]
    )
    a, b = candidate_pairs(f, ResolveOptions())
    assert (0, 1) in set(zip(a.tolist(), b.tolist(), strict=True))
    assert (0, 2) not in set(zip(a.tolist(), b.tolist(), strict=True))


def test_work_grows_near_linearly(actors: ActorIndex) -> None:
    options = ResolveOptions()
    small = synthetic_mentions(2_000, seed=2)
    large = synthetic_mentions(20_000, seed=2)
    pairs_small = len(candidate_pairs(Encoder(actors).encode(small.mentions), options)[0])
    pairs_large = len(candidate_pairs(Encoder(actors).encode(large.mentions), options)[0])
    assert pairs_large < 15 * pairs_small  # ten times the mentions, not a hundred times the pairs


def test_an_articles_mentions_take_the_events_that_fit_them_best(resolver: Resolver) -> None:
    # an earlier report told of a clash at a post in Boni; a later one tells of a massacre of
    # civilians there two days after, and then of that clash: the clash, told second, still
    # goes to the clash event, and the massacre starts its own
    clash = mention("old", "r1", actor1="Unidentified Armed Group (Mali)", fatalities=31)
    massacre = mention(
        "new-1",
        "r2",
        sub_event_type=SubEventType.ATTACK,
        actor1=ISSP,
        actor2="Civilians (Mali)",
        event_date=dt.date(2024, 6, 5),
        fatalities=79,
    )
    same_clash = mention("new-2", "r2", actor1=ISSP, fatalities=11)
    result = resolver.resolve([[clash]], [massacre, same_clash])
    first, second = result.decisions
    assert second.joined and second.cluster == 0
    assert not first.joined
    assert (0, "taken by a better-matching mention of this article") in first.excluded
