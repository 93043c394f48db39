"""Reading reports for extraction: a .txt or .html file, a folder of them, or a .jsonl file.

Each input record becomes an ``Article``, or a ``Skipped`` record that says which record was
refused and why (not JSON, missing text, binary bytes, ...), so one bad record never stops the rest.
JSON lines carry ``{"id", "text", "published", "title"?, "language"?, "url"?, "outlet"?}``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputError
from ..model import Article

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class Skipped:
    """A record that could not be read, with where it was and why."""

    source: str  # "file.jsonl:12" or a path
    reason: str


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def parse_published(value: object, *, where: str) -> dt.datetime | None:
    """ISO dates and datetimes ("2024-09-18", "2024-09-18T08:00:00Z"); None when absent."""
    if value in (None, ""):
        return None
    text = str(value).strip().replace("Z", "+00:00")
    try:
        if len(text) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(), dt.UTC)
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InputError(
            "published must be an ISO date such as 2024-09-18 or 2024-09-18T08:00:00Z",
            path=where,
            field="published",
            value=str(value),
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


class _TextOfHtml(HTMLParser):
    """Visible text of an HTML page; script, style and head are dropped, blocks become lines."""

    _SKIP = frozenset({"script", "style", "head", "noscript", "template", "svg"})
    _BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "article", "section"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str]:
    """(title, text) of an HTML document, whitespace tidied."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n"))
    return " ".join(parser.title.split()), "\n".join(line for line in lines if line)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<body" in head or "<p>" in head or "<!doctype html" in head


def decode(data: bytes, *, where: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1252; refuse binary data."""
    if b"\x00" in data[:4096]:
        raise InputError("looks like a binary file, not text", path=where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _article(
    ident: str,
    text: str,
    *,
    published: dt.datetime | None,
    title: str = "",
    language: str = "",
    url: str = "",
    outlet: str = "",
) -> Article:
    if looks_like_html(text):
        html_title, text = html_to_text(text)
        title = title or html_title
    return Article(
        id=ident, text=text, title=title, language=language, url=url, outlet=outlet,
        published_at=published, content_hash=content_hash(text),
    )  # fmt: skip


def read_reports(
    path: str | Path, *, published: dt.datetime | None = None
) -> Iterator[Article | Skipped]:
    """Articles from a file or folder. ``published`` is used where a record has no date."""
    path = Path(path)
    if path.is_dir():
        for child in sorted(path.iterdir()):
            if child.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES + (".jsonl",):
                yield from read_reports(child, published=published)
        return
    if not path.exists():
        raise InputError(f"{path} does not exist")
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path, published)
        return
    try:
        text = decode(path.read_bytes(), where=str(path))
    except InputError as exc:
        yield Skipped(str(path), exc.reason)
        return
    if not text.strip():
        yield Skipped(str(path), "the file is empty")
        return
    yield _article(path.stem, text, published=published)


def _read_jsonl(path: Path, published: dt.datetime | None) -> Iterator[Article | Skipped]:
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(decode(raw, where=where))
            except (json.JSONDecodeError, InputError) as exc:
                yield Skipped(where, f"not a JSON object ({exc})")
                continue
            if not isinstance(record, dict):
                yield Skipped(where, "not a JSON object")
                continue
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                yield Skipped(where, "missing or empty field 'text'")
                continue
            try:
                when = parse_published(record.get("published"), where=where) or published
            except InputError as exc:
                yield Skipped(where, str(exc))
                continue
            ident = str(record.get("id") or f"{path.stem}-{number}")
            yield _article(
                ident, text, published=when, title=str(record.get("title") or ""),
                language=str(record.get("language") or ""), url=str(record.get("url") or ""),
                outlet=str(record.get("outlet") or ""),
            )  # fmt: skip
