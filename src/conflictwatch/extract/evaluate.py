"""Running the extractor over a gold file and scoring it (``conflictwatch eval events``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..knowledge import fold
from ..model import Article
from ..sources.reports import parse_published
from .event_scoring import CodedEvent, EventScore, score
from .extractor import Extractor


def evaluate_events(extractor: Extractor, gold_path: Path) -> dict[str, Any]:
    pack = extractor.pack

    def canonical(name: str) -> str:
        actor = pack.actor_for(name) if name else None
        return fold(actor.name if actor else name)

    def same_actor(a: str, b: str) -> bool:
        return canonical(a) == canonical(b)

    overall = EventScore()
    by_language: dict[str, EventScore] = {}
    with open(gold_path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                article = Article(
                    id=str(record["id"]), text=record["text"],
                    published_at=parse_published(record.get("published"), where=str(gold_path)),
                    language=record.get("language") or "", title=record.get("title") or "",
                )  # fmt: skip
                gold = [CodedEvent.from_json(e) for e in record.get("events", [])]
            except (KeyError, ValueError, TypeError) as exc:
                raise InputError(f"not a gold record: {exc}", path=gold_path, line=number) from exc
            extraction = extractor.extract(article)
            predicted = [
                CodedEvent(m.event_date, m.event_type.value, m.sub_event_type.value, m.actor1,
                           m.actor2, m.location, m.latitude, m.longitude, m.fatalities)
                for m in extraction.mentions
            ]  # fmt: skip
            score(predicted, gold, overall, same_actor)
            lang = article.language or extraction.language
            score(predicted, gold, by_language.setdefault(lang, EventScore()), same_actor)
    return {
        **overall.as_dict(),
        "by_language": {lang: s.as_dict() for lang, s in sorted(by_language.items())},
    }


def evaluate_nonevents(
    extractor: Extractor, path: Path, *, text_column: str = "text", language: str = ""
) -> dict[str, Any]:
    """Share of articles in which events are found, on text believed to report none.

    Reads a CSV (``text_column``, with ``id``/``title``/``published_at`` when present) or JSON lines.
    """
    import csv
    import sys

    csv.field_size_limit(sys.maxsize)
    flagged: list[dict[str, Any]] = []
    total = 0
    if path.suffix.lower() == ".jsonl":
        with open(path, encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
    else:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    for number, row in enumerate(rows, start=1):
        text = row.get(text_column)
        if not isinstance(text, str) or not text.strip():
            continue
        total += 1
        published = str(row.get("published_at") or row.get("published") or "")[:10] or None
        article = Article(
            id=str(row.get("id") or number), text=text, title=str(row.get("title") or ""),
            language=language, published_at=parse_published(published, where=str(path)),
        )  # fmt: skip
        mentions = extractor.extract(article).mentions
        if mentions:
            first = mentions[0]
            quote = next((e.quote for e in first.evidence if e.field == "sub_event_type"), "")
            flagged.append({"id": article.id, "events": len(mentions),
                            "first": first.sub_event_type.value, "trigger": quote})  # fmt: skip
    share = len(flagged) / total if total else 0.0
    return {"articles": total, "with_events": len(flagged), "share": round(share, 4),
            "flagged": flagged}  # fmt: skip
