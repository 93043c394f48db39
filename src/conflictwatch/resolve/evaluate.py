"""Scoring resolution against gold reports (``conflictwatch eval resolve``).

A gold report is a JSON object ``{"id", "text", "published", "events": [...]}`` whose events carry
a ``"cluster"`` key shared by the gold events, across reports, that tell one real-world event; an
event without one is its own cluster. Two modes:

- **gold mentions**: every gold event becomes a mention of its report, and the mentions are
  resolved in publication order. This measures the resolver alone.
- **end to end**: each report is run through the extractor, extracted mentions are aligned
  one-to-one with the report's gold events (same event type, within 50 km and 2 days, as
  ``eval events`` does), all extracted mentions are resolved, and the aligned ones are scored.

Reading the file is the caller's job; this module only compares.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError
from ..extract.event_scoring import CodedEvent, match
from ..model import Article, Evidence, Mention
from ..taxonomy import GeoPrecision, SubEventType, TimePrecision
from .clustering import cluster_labels
from .features import ActorIndex
from .metrics import bcubed, pairwise
from .options import ResolveOptions

if TYPE_CHECKING:
    from ..extract.extractor import Extractor


@dataclass(frozen=True)
class GoldReport:
    article: Article
    events: tuple[Mapping[str, Any], ...]

    @classmethod
    def from_json(cls, record: Mapping[str, Any], *, line: int | None = None) -> GoldReport:
        try:
            published = record.get("published")
            when = (
                dt.datetime.fromisoformat(str(published).replace("Z", "+00:00"))
                if published
                else None
            )
            article = Article(
                id=str(record["id"]),
                text=str(record["text"]),
                published_at=when,
                title=str(record.get("title") or ""),
                language=str(record.get("language") or ""),
                outlet=str(record.get("outlet") or ""),
            )
            events = tuple(record.get("events") or ())
        except (KeyError, ValueError, TypeError) as exc:
            raise InputError(f"not a gold report: {exc}", line=line) from exc
        return cls(article, events)


def truth_label(report: GoldReport, k: int) -> str:
    return str(report.events[k].get("cluster") or f"{report.article.id}#{k}")


def gold_mention(report: GoldReport, k: int) -> Mention:
    """A gold event as the mention its report would have yielded."""
    e = report.events[k]
    try:
        sub = SubEventType.from_label(str(e["sub_event_type"]))
        lat, lon = e.get("latitude"), e.get("longitude")
        geo = e.get("geo_precision")
        return Mention(
            id=f"{report.article.id}#gold{k}",
            article_id=report.article.id,
            event_date=dt.date.fromisoformat(str(e["event_date"])[:10]),
            time_precision=TimePrecision(int(e.get("time_precision") or 1)),
            time_of_day=e.get("time_of_day"),
            event_type=sub.event_type,  # type: ignore[attr-defined]
            sub_event_type=sub,  # type: ignore[arg-type]
            actor1=str(e.get("actor1") or ""),
            actor2=str(e.get("actor2") or ""),
            country=str(e.get("country") or ""),
            admin1=str(e.get("admin1") or ""),
            location=str(e.get("location") or ""),
            latitude=float(lat) if lat not in (None, "") else None,
            longitude=float(lon) if lon not in (None, "") else None,
            geo_precision=GeoPrecision(int(geo)) if geo else None,
            fatalities=int(e.get("fatalities") or 0),
            tags=tuple(e.get("tags") or ()),
            outcome=str(e.get("outcome") or ""),
            evidence=(Evidence("location", str(e.get("location") or ""), report.article.id),),
            confidence=1.0,
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise InputError(f"gold event {k + 1} of report {report.article.id!r}: {exc}") from exc


def _stream(reports: Sequence[GoldReport]) -> list[GoldReport]:
    """Reports in the order they would have arrived: by publication time, then id."""
    far = dt.datetime.max.replace(tzinfo=dt.UTC)

    def when(r: GoldReport) -> dt.datetime:
        p = r.article.published_at
        if p is None:
            return far
        return p if p.tzinfo else p.replace(tzinfo=dt.UTC)

    return sorted(reports, key=lambda r: (when(r), r.article.id))


def _scores(predicted: np.ndarray, truth: Sequence[str], ids: Sequence[str]) -> dict[str, Any]:
    b3, pw = bcubed(predicted, truth), pairwise(predicted, truth)
    gold_groups: dict[str, set[int]] = {}
    predicted_groups: dict[int, set[str]] = {}
    for label, gold in zip(predicted.tolist(), truth, strict=True):
        gold_groups.setdefault(gold, set()).add(label)
        predicted_groups.setdefault(label, set()).add(gold)
    members: dict[int, list[str]] = {}
    for label, mention_id in zip(predicted.tolist(), ids, strict=True):
        members.setdefault(label, []).append(mention_id)
    return {
        "mentions": len(truth),
        "gold_events": len(gold_groups),
        "predicted_events": len(predicted_groups),
        "bcubed": b3.as_dict(),
        "pairwise": pw.as_dict(),
        "split_gold_events": sorted(g for g, labels in gold_groups.items() if len(labels) > 1),
        "merged_events": [
            sorted(members[label])
            for label, golds in sorted(predicted_groups.items())
            if len(golds) > 1
        ],
    }


def evaluate_gold_mentions(
    reports: Sequence[GoldReport], actors: ActorIndex, options: ResolveOptions | None = None
) -> dict[str, Any]:
    """Resolve the gold events themselves (one mention each) and score the clustering."""
    mentions: list[Mention] = []
    truth: list[str] = []
    for report in _stream(reports):
        for k in range(len(report.events)):
            mentions.append(gold_mention(report, k))
            truth.append(truth_label(report, k))
    labels = cluster_labels(mentions, actors, options)
    return _scores(labels, truth, [m.id for m in mentions])


def _coded(m: Mention) -> CodedEvent:
    return CodedEvent(
        m.event_date,
        m.event_type.value,
        m.sub_event_type.value,
        m.actor1,
        m.actor2,
        m.location,
        m.latitude,
        m.longitude,
        m.fatalities,
    )


def evaluate_end_to_end(
    reports: Sequence[GoldReport],
    extractor: Extractor,
    actors: ActorIndex,
    options: ResolveOptions | None = None,
) -> dict[str, Any]:
    """Extract every report, resolve all extracted mentions, score those aligned with gold."""
    mentions: list[Mention] = []
    truth: dict[int, str] = {}
    gold_total = 0
    for report in _stream(reports):
        extracted = list(extractor.extract(report.article).mentions)
        gold = [CodedEvent.from_json(e) for e in report.events]
        gold_total += len(gold)
        for i, k in match([_coded(m) for m in extracted], gold):
            truth[len(mentions) + i] = truth_label(report, k)
        mentions.extend(extracted)
    labels = cluster_labels(mentions, actors, options)
    aligned = sorted(truth)
    result = _scores(
        labels[aligned], [truth[i] for i in aligned], [mentions[i].id for i in aligned]
    )
    per_gold = Counter(truth.values())
    return {
        **result,
        "extracted": len(mentions),
        "aligned": len(aligned),
        "unaligned_extracted": len(mentions) - len(aligned),
        "gold_mentions": gold_total,
        "gold_mentions_missed": gold_total - len(aligned),
        "gold_events_seen": len(per_gold),
    }
