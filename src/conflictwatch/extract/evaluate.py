"""Scoring the extractor on evaluation sets (``conflictwatch eval events`` / ``eval nonevents``).

The sets are read by ``sources.goldfiles``; this module runs the extractor over the records and
compares. Both functions take records, so they run the same on a file, a stream or a test's list.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import InputError
from ..knowledge import fold
from ..model import Article
from ..sources.goldfiles import GoldArticle
from .event_scoring import CodedEvent, EventScore, score
from .extractor import Extractor


def evaluate_events(
    extractor: Extractor, records: Iterable[GoldArticle], *, where: str = ""
) -> dict[str, Any]:
    """Precision, recall, F1 and matched-field accuracy, overall and by language.

    ``differences`` lists, for each article where something differed, the gold events missed,
    the predicted events with no gold event, and the fields wrong in matched pairs.
    """
    pack = extractor.pack

    def canonical(name: str) -> str:
        actor = pack.actor_for(name) if name else None
        return fold(actor.name if actor else name)

    def same_actor(a: str, b: str) -> bool:
        return canonical(a) == canonical(b)

    overall = EventScore()
    by_language: dict[str, EventScore] = {}
    differences = []
    for record in records:
        article = record.article
        try:
            gold = [CodedEvent.from_json(e) for e in record.events]
        except (KeyError, ValueError, TypeError) as exc:
            raise InputError(f"not a gold event: {exc}", path=where, line=record.line) from exc
        extraction = extractor.extract(article)
        predicted = [
            CodedEvent(m.event_date, m.event_type.value, m.sub_event_type.value, m.actor1,
                       m.actor2, m.location, m.latitude, m.longitude, m.fatalities)
            for m in extraction.mentions
        ]  # fmt: skip
        differed = score(predicted, gold, overall, same_actor)
        lang = article.language or extraction.language
        score(predicted, gold, by_language.setdefault(lang, EventScore()), same_actor)
        if differed:
            differences.append({"id": article.id, "language": lang, **differed.as_dict()})
    return {
        **overall.as_dict(),
        "by_language": {lang: s.as_dict() for lang, s in sorted(by_language.items())},
        "differences": differences,
    }


def evaluate_nonevents(extractor: Extractor, articles: Iterable[Article]) -> dict[str, Any]:
    """Share of articles in which events are found, on text believed to report none."""
    flagged: list[dict[str, Any]] = []
    total = 0
    for article in articles:
        total += 1
        mentions = extractor.extract(article).mentions
        if mentions:
            first = mentions[0]
            quote = next((e.quote for e in first.evidence if e.field == "sub_event_type"), "")
            flagged.append({"id": article.id, "events": len(mentions),
                            "first": first.sub_event_type.value, "trigger": quote})  # fmt: skip
    share = len(flagged) / total if total else 0.0
    return {"articles": total, "with_events": len(flagged), "share": round(share, 4),
            "flagged": flagged}  # fmt: skip
