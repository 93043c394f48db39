"""RSS and Atom feeds from bytes, without ever expanding an XML entity.

Before feedparser sees a feed, every DOCTYPE and ENTITY declaration is cut out (so a
"billion laughs" feed or one that points an entity at a local file defines nothing), and
defusedxml double-checks that no declaration is left. What feedparser then reads is turned into
plain records: a :class:`Feed` with :class:`FeedEntry` items.

    feed = parse_feed(body, url="https://example.org/rss")
    for entry in feed.entries:
        print(entry.key, entry.link, entry.published)
"""

from __future__ import annotations

import calendar
import codecs
import datetime as dt
import hashlib
import re
import time
import xml.parsers.expat
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import defusedxml
import defusedxml.ElementTree
import feedparser

from ..errors import ConflictWatchError


class FeedError(ConflictWatchError):
    """Bytes that should be a feed are not one (or not a safe one)."""

    status_code = 422

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}" if url else reason)


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed."""

    key: str  # what identifies the item across polls: its id/guid, else its link, else a hash
    link: str
    title: str
    published: dt.datetime | None
    summary: str  # HTML or text as the feed gives it
    content: str  # the full content (content:encoded, atom:content), "" when absent
    language: str = ""


@dataclass(frozen=True)
class Feed:
    title: str
    link: str
    language: str
    entries: tuple[FeedEntry, ...]


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_XML_DECL_ENCODING = re.compile(rb"^(<\?xml[^>]*?encoding\s*=\s*)([\"'])[^\"']*\2")
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _as_ascii_compatible(data: bytes) -> bytes:
    """UTF-16/32 feeds re-encoded as UTF-8, so declarations can be found byte by byte."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace").encode("utf-8")
            return _XML_DECL_ENCODING.sub(rb"\1\2utf-8\2", text)
    if data[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        encoding = "utf-16-le" if data[0] == ord("<") else "utf-16-be"
        text = data.decode(encoding, errors="replace").encode("utf-8")
        return _XML_DECL_ENCODING.sub(rb"\1\2utf-8\2", text)
    return data


def _end_of_declaration(data: bytes, start: int) -> int:
    """Index just past the declaration starting at ``start`` (quotes and [internal subset] aware)."""
    depth = 0
    quote = 0
    i = start + 2
    while i < len(data):
        c = data[i]
        if quote:
            if c == quote:
                quote = 0
        elif c in (0x22, 0x27):  # " '
            quote = c
        elif data.startswith(b"<!--", i):
            end = data.find(b"-->", i + 4)
            i = len(data) if end < 0 else end + 3
            continue
        elif c == 0x5B:  # [
            depth += 1
        elif c == 0x5D:  # ]
            depth = max(0, depth - 1)
        elif c == 0x3E and depth == 0:  # >
            return i + 1
        i += 1
    return len(data)


def strip_declarations(data: bytes) -> bytes:
    """The feed without DOCTYPE/ENTITY declarations (comments and CDATA left as they are)."""
    data = _as_ascii_compatible(data)
    if not _DECLARATION.search(data):
        return data
    out = bytearray()
    i = 0
    while i < len(data):
        if data.startswith(b"<!--", i):
            end = data.find(b"-->", i + 4)
            end = len(data) if end < 0 else end + 3
        elif data.startswith(b"<![CDATA[", i):
            end = data.find(b"]]>", i + 9)
            end = len(data) if end < 0 else end + 3
        elif _DECLARATION.match(data, i):
            i = _end_of_declaration(data, i)
            continue
        else:
            end = data.find(b"<", i + 1)
            end = len(data) if end < 0 else end
        out += data[i:end]
        i = end
    return bytes(out)


def _check_defused(data: bytes, url: str) -> None:
    """defusedxml must agree that nothing is declared; a plain syntax error is feedparser's job."""
    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=True, forbid_entities=True)
    except defusedxml.DefusedXmlException as exc:
        raise FeedError(url, f"refused: the feed declares XML entities or a DTD ({exc})") from exc
    except (defusedxml.ElementTree.ParseError, xml.parsers.expat.ExpatError, ValueError):
        pass


def parse_feed(data: bytes, *, url: str = "") -> Feed:
    """A feed from bytes; :class:`FeedError` when the bytes are not an RSS/Atom feed."""
    safe = strip_declarations(data)
    _check_defused(safe, url)
    parsed = feedparser.parse(
        safe,
        response_headers={"content-location": url} if url else None,
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    version = parsed.get("version") or ""
    channel: Mapping[str, Any] = parsed.get("feed") or {}
    if not version and not parsed.get("entries"):
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise FeedError(url, f"not an RSS or Atom feed{detail}")
    language = _primary_language(str(channel.get("language") or ""))
    entries = tuple(_entry(e, language) for e in parsed.get("entries") or ())
    return Feed(
        title=_clean(channel.get("title")),
        link=str(channel.get("link") or ""),
        language=language,
        entries=entries,
    )


def _entry(raw: Mapping[str, Any], feed_language: str) -> FeedEntry:
    link = str(raw.get("link") or "").strip()
    title = _clean(raw.get("title"))
    summary = str(raw.get("summary") or "")
    contents = raw.get("content") or []
    content = "\n".join(str(c.get("value") or "") for c in contents).strip()
    ident = str(raw.get("id") or "").strip() or link
    if not ident:
        digest = hashlib.sha256(f"{title}\n{summary}\n{content}".encode()).hexdigest()
        ident = f"sha256:{digest[:32]}"
    language = ""
    for item in contents:
        language = _primary_language(str(item.get("language") or ""))
        if language:
            break
    return FeedEntry(
        key=ident,
        link=link,
        title=title,
        published=_when(raw),
        summary=summary,
        content=content,
        language=language or feed_language,
    )


def _when(raw: Mapping[str, Any]) -> dt.datetime | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = raw.get(name)
        if isinstance(value, time.struct_time):
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC)
    return None


def _clean(value: object) -> str:
    return " ".join(str(value or "").split())


def _primary_language(tag: str) -> str:
    """'fr-FR' -> 'fr'."""
    return tag.strip().replace("_", "-").split("-", 1)[0].lower()


_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)[\s>]", re.IGNORECASE)


def looks_like_feed(content_type: str, body: bytes) -> bool:
    """Whether a response is a feed rather than a page: by media type, then by its root element."""
    if content_type in ("application/rss+xml", "application/atom+xml"):
        return True
    head = _as_ascii_compatible(body[:4096]).lstrip()
    if content_type == "text/html" or head[:15].lower().startswith((b"<!doctype html", b"<html")):
        return False
    return bool(_FEED_ROOT.search(head))
