"""Mentions into events, one at a time: each joins the best-scoring compatible event or starts one.

A mention is scored against the members of every candidate event (the blocking neighbours); an
event's score is that of its best-matching member. An event is out of the running when any of
its members conflicts hard with the mention, or already comes from the mention's article (two
mentions of one article describe two events: cannot-link). The same rule serves the store's
incremental ingest (:class:`Resolver`) and the offline batch (:func:`cluster`), so that a batch
run over a stream equals ingesting it article by article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Mention
from .blocking import candidate_pairs
from .features import ActorIndex, Encoder, Features
from .options import ResolveOptions
from .scoring import PairScores, Reason, score_pairs


@dataclass(frozen=True)
class Decision:
    """Why a mention went where it went: the winning score and reasons, and the runner-up."""

    mention_id: str
    cluster: int
    joined: bool  # False: the mention started a new event
    score: float | None  # best compatible score (None: nothing to compare with)
    reasons: tuple[Reason, ...]
    runner_up: int | None  # the next best event (or, for a new event, the best one refused)
    runner_up_score: float | None
    threshold: float
    excluded: tuple[tuple[int, str], ...] = ()  # events ruled out, and why

    def as_dict(self, event_ids: Sequence[str]) -> dict[str, object]:
        def rounded(x: float | None) -> float | None:
            return None if x is None else round(x, 3)

        return {
            "action": "joined" if self.joined else "created",
            "score": rounded(self.score),
            "threshold": self.threshold,
            "reasons": [r.as_dict() for r in self.reasons],
            "runner_up": None
            if self.runner_up is None
            else {"event_id": event_ids[self.runner_up], "score": rounded(self.runner_up_score)},
            "excluded": [{"event_id": event_ids[c], "why": why} for c, why in self.excluded],
        }


@dataclass(frozen=True)
class Cluster:
    """One resolved event as the batch API returns it: its mentions, first-seen first."""

    mentions: tuple[Mention, ...]


def _edges(
    n: int, a: np.ndarray, b: np.ndarray, total: np.ndarray, hard: np.ndarray, rank: np.ndarray
) -> tuple[list[int], list[int], list[float], list[bool], np.ndarray]:
    """Each pair once, from the mention placed later to the one placed before it.

    Returns (indptr by source, target, total, hard, pair index) with the lists ready for a fast
    Python loop; pairs of two mentions placed before the run (both seeded) are dropped.
    """
    later_b = rank[b] > rank[a]
    src = np.where(later_b, b, a)
    dst = np.where(later_b, a, b)
    keep = np.maximum(rank[a], rank[b]) >= 0
    pair = np.flatnonzero(keep)
    src, dst = src[keep], dst[keep]
    order = np.argsort(src, kind="stable")
    indptr = np.searchsorted(src[order], np.arange(n + 1))
    pair = pair[order]
    return (indptr.tolist(), dst[order].tolist(), total[pair].tolist(), hard[pair].tolist(), pair)


def assign(
    f: Features,
    scores: PairScores | tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    order: Sequence[int],
    seeds: np.ndarray,
    options: ResolveOptions,
    *,
    explain: bool = False,
    ids: Sequence[str] = (),
) -> tuple[np.ndarray, list[Decision]]:
    """Place the mentions of ``order`` one by one; ``seeds`` holds the clusters already known.

    ``scores`` is a :class:`PairScores`, or just ``(a, b, total, hard)`` arrays when no
    explanation is wanted. Returns the cluster label of every mention and, with ``explain``, a
    decision per placed mention.
    """
    labels = seeds.astype(np.int64).copy()
    next_cluster = int(labels.max()) + 1 if len(labels) else 0
    articles = f.article.tolist()
    cluster_articles: dict[int, set[int]] = {}
    for i, c in enumerate(labels.tolist()):
        if c >= 0:
            cluster_articles.setdefault(c, set()).add(articles[i])
    if isinstance(scores, PairScores):
        a, b, totals, hards = scores.a, scores.b, scores.total, scores.hard
    else:
        a, b, totals, hards = scores
        if explain:
            raise ValueError("explanations need the full PairScores")
    rank = np.full(len(f), -1, np.int64)
    rank[np.asarray(order, np.int64)] = np.arange(len(order))
    indptr, target, total, hard, pair = _edges(len(f), a, b, totals, hards, rank)
    label_list = labels.tolist()
    threshold = options.threshold
    decisions: list[Decision] = []

    def candidates(i: int) -> tuple[dict[int, tuple[float, int]], set[int]]:
        """Best (score, edge) per placed event the mention may join, and the events it may not."""
        best: dict[int, tuple[float, int]] = {}
        veto: set[int] = set()
        for e in range(indptr[i], indptr[i + 1]):
            c = label_list[target[e]]
            if c < 0:
                continue
            if hard[e]:
                veto.add(c)
            elif c not in best or total[e] > best[c][0]:
                best[c] = (total[e], e)
        article = articles[i]
        for c in list(best):
            if c in veto or article in cluster_articles[c]:
                veto.add(c)
                del best[c]
        return best, veto

    placed = list(order)
    start = 0
    while start < len(placed):
        # the mentions of one article are placed together: best pairs first, one event each
        end = start + 1
        while end < len(placed) and articles[placed[end]] == articles[placed[start]]:
            end += 1
        group = placed[start:end]
        start = end
        article = articles[group[0]]
        found = [candidates(i) for i in group]
        ranked = sorted(
            (
                (t, -c, -pos, e)
                for pos, (best, _) in enumerate(found)
                for c, (t, e) in best.items()
                if t >= threshold
            ),
            reverse=True,
        )
        chosen: dict[int, int] = {}
        taken: set[int] = set()
        for _t, neg_c, neg_pos, _e in ranked:
            if -neg_pos not in chosen and -neg_c not in taken:
                chosen[-neg_pos] = -neg_c
                taken.add(-neg_c)
        for pos, i in enumerate(group):
            joined = pos in chosen
            if joined:
                c = chosen[pos]
            else:
                c, next_cluster = next_cluster, next_cluster + 1
            label_list[i] = c
            cluster_articles.setdefault(c, set()).add(article)
            if explain:
                best, veto = found[pos]
                decisions.append(
                    _decision(
                        f,
                        scores,
                        pair,
                        ids[i] if ids else str(i),
                        c,
                        joined,
                        best,
                        veto,
                        taken - {c},
                        threshold,
                        cluster_articles,
                        article,
                    )
                )
    return np.asarray(label_list, np.int64), decisions


def _decision(
    f: Features,
    scores: object,
    pair: np.ndarray,
    mention_id: str,
    cluster: int,
    joined: bool,
    best: dict[int, tuple[float, int]],
    veto: set[int],
    taken: set[int],
    threshold: float,
    cluster_articles: dict[int, set[int]],
    article: int,
) -> Decision:
    """The decision record of one placed mention: its score and reasons, runner-up, exclusions."""
    assert isinstance(scores, PairScores)
    ranked = sorted(((t, -c, e) for c, (t, e) in best.items()), reverse=True)
    top = next((r for r in ranked if -r[1] == cluster), None) if joined else None
    top = top or (ranked[0] if ranked else None)
    runner = next((r for r in ranked if r is not top), None)
    why = {c: "conflicts with a mention of it" for c in veto}
    for c in veto:
        if article in cluster_articles[c] and c != cluster:
            why[c] = "already has a mention from this article"
    for c in taken:
        if c in best:
            why[c] = "taken by a better-matching mention of this article"
    return Decision(
        mention_id=mention_id,
        cluster=cluster,
        joined=joined,
        score=top[0] if top else None,
        reasons=scores.reasons(int(pair[top[2]]), f) if top else (),
        runner_up=-runner[1] if runner else None,
        runner_up_score=runner[0] if runner else None,
        threshold=threshold,
        excluded=tuple(sorted(why.items())),
    )


def cluster_labels(
    mentions: Sequence[Mention], actors: ActorIndex, options: ResolveOptions | None = None
) -> np.ndarray:
    """Batch resolution as labels: mentions in stream order, one cluster number per mention."""
    options = options or ResolveOptions()
    f = Encoder(actors).encode(mentions)
    return labels_for(f, options)


def labels_for(f: Features, options: ResolveOptions, chunk: int = 500_000) -> np.ndarray:
    """Labels for encoded mentions; pairs are scored in chunks to keep memory flat."""
    a, b = candidate_pairs(f, options)
    totals = np.empty(len(a), np.float32)
    hard = np.empty(len(a), bool)
    for start in range(0, len(a), chunk):
        part = score_pairs(f, a[start : start + chunk], b[start : start + chunk], options)
        totals[start : start + chunk] = part.total
        hard[start : start + chunk] = part.hard
    labels, _ = assign(f, (a, b, totals, hard), range(len(f)), np.full(len(f), -1), options)
    return labels


def cluster(
    mentions: Sequence[Mention], actors: ActorIndex, options: ResolveOptions | None = None
) -> list[Cluster]:
    """Resolve a stream of mentions (in arrival order) into events, offline.

    >>> clusters = cluster(mentions, ActorIndex(load_pack("sahel")))   # doctest: +SKIP
    """
    labels = cluster_labels(mentions, actors, options)
    groups: dict[int, list[Mention]] = {}
    for mention, label in zip(mentions, labels.tolist(), strict=True):
        groups.setdefault(label, []).append(mention)
    return [Cluster(tuple(groups[k])) for k in sorted(groups)]


@dataclass(frozen=True)
class Resolution:
    """Where each new mention went: an existing event (by position) or a new cluster."""

    decisions: tuple[Decision, ...]
    existing: int  # clusters 0 .. existing-1 are the events given; the rest are new
    members: dict[int, tuple[Mention, ...]]  # every touched cluster's mentions, old and new


class Resolver:
    """Incremental resolution against events already known (the store's candidates).

    >>> resolver = Resolver(ActorIndex(load_pack("sahel")))          # doctest: +SKIP
    >>> resolver.resolve([("cw-1", old_mentions)], new_mentions)      # doctest: +SKIP
    """

    def __init__(self, actors: ActorIndex, options: ResolveOptions | None = None) -> None:
        self.actors = actors
        self.options = options or ResolveOptions()

    def resolve(self, existing: Sequence[Sequence[Mention]], new: Sequence[Mention]) -> Resolution:
        old = [m for members in existing for m in members]
        seeds = np.concatenate(
            [np.full(len(members), k, np.int64) for k, members in enumerate(existing)]
            + [np.full(len(new), -1, np.int64)]
        )
        everything = [*old, *new]
        f = Encoder(self.actors).encode(everything)
        a, b = candidate_pairs(f, self.options)
        scores = score_pairs(f, a, b, self.options)
        order = range(len(old), len(everything))
        labels, decisions = assign(
            f, scores, order, seeds, self.options, explain=True, ids=[m.id for m in everything]
        )
        touched = sorted({d.cluster for d in decisions})
        members: dict[int, tuple[Mention, ...]] = {
            c: tuple(m for m, label in zip(everything, labels.tolist(), strict=True) if label == c)
            for c in touched
        }
        return Resolution(tuple(decisions), len(existing), members)
