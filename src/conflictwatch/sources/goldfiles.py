"""Reading evaluation files: gold-coded articles and text believed to report no event.

Gold files are JSON lines ``{"id", "text", "published", "language"?, "title"?, "events": [...]}``;
the events stay dicts here (they are scored by ``extract.event_scoring``). Non-event files are a CSV
with a text column (and ``id``/``title``/``published_at`` when present) or JSON lines.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article
from .reports import parse_published


@dataclass(frozen=True)
class GoldArticle:
    """One line of a gold file: the article and the events a careful coder found in it."""

    line: int
    article: Article
    events: tuple[Mapping[str, Any], ...]


def json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """The JSON value of each non-blank line, with its line number; a line that is not JSON stops
    with an error naming it."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"not JSON: {exc.msg}", path=path, line=number) from exc


def read_gold(path: Path) -> Iterator[GoldArticle]:
    """Gold articles in file order; a line that is not a gold record stops with its line number."""
    for number, record in json_lines(path):
        try:
            article = Article(
                id=str(record["id"]), text=record["text"],
                published_at=parse_published(record.get("published"), where=str(path)),
                language=record.get("language") or "", title=record.get("title") or "",
            )  # fmt: skip
            events = tuple(record.get("events") or ())
            if not all(isinstance(event, dict) for event in events):
                raise ValueError("every item of 'events' must be an object")
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            raise InputError(f"not a gold record: {exc}", path=path, line=number) from exc
        yield GoldArticle(number, article, events)


def read_unlabelled(
    path: Path, *, text_column: str = "text", language: str = ""
) -> Iterator[Article]:
    """Articles of a CSV or JSON-lines file; rows without text are passed over."""
    csv.field_size_limit(sys.maxsize)
    rows: list[dict[str, Any]]
    if path.suffix.lower() == ".jsonl":
        rows = [record for _number, record in json_lines(path)]
    else:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise InputError("not a JSON object", path=path, line=number)
        text = row.get(text_column)
        if not isinstance(text, str) or not text.strip():
            continue
        published = str(row.get("published_at") or row.get("published") or "")[:10] or None
        yield Article(
            id=str(row.get("id") or number), text=text, title=str(row.get("title") or ""),
            language=language, published_at=parse_published(published, where=f"{path}:{number}"),
        )  # fmt: skip
