"""Web pages from bytes: the article's text, title, date and site name.

trafilatura separates the article from menus and footers and reads the page's metadata; when it
finds nothing (a very short or odd page) our own :func:`html_to_text` reads the visible text.

    page = parse_page(body, url="https://example.org/news/1", charset="utf-8")
    page.text, page.title, page.published, page.site_name
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
from dataclasses import dataclass

from .reports import html_to_text, looks_like_html

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Page:
    text: str
    title: str = ""
    published: dt.datetime | None = None  # from the page's metadata (meta tags, JSON-LD, <time>)
    site_name: str = ""
    language: str = ""  # as the page declares it (<html lang>), primary subtag
    extractor: str = "trafilatura"  # or "html" when our fallback read the page


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html[^>]*\blang\s*=\s*["']?\s*([A-Za-z]{2,3})""", re.IGNORECASE)


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Text of an HTML page: BOM, then the HTTP charset, then <meta charset>, UTF-8, Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    candidates = [charset] if charset else []
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        candidates.append(declared.group(1).decode("ascii", errors="ignore"))
    for name in [*candidates, "utf-8"]:
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def parse_page(data: bytes, *, url: str = "", charset: str | None = None) -> Page:
    """The article on an HTML page (or a plain-text document)."""
    html = decode_html(data, charset)
    if not looks_like_html(html) and "<" not in html[:1000]:
        return Page(text=html.strip(), extractor="text")
    declared = _HTML_LANG.search(html[:4096])
    language = declared.group(1).lower() if declared else ""
    import trafilatura  # heavy (lxml, htmldate, ...): loaded when the first page is read

    document = None
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Metadata only: a date merely written in the text is found later, and said so.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, AttributeError) as exc:  # trafilatura on a malformed tree
        log.info("trafilatura could not read %s (%s); using the plain text", url or "a page", exc)
    fallback_title, fallback_text = html_to_text(html)
    text = str(getattr(document, "text", "") or "").strip()
    if not text:
        return Page(text=fallback_text, title=fallback_title, language=language, extractor="html")
    return Page(
        text=text,
        title=" ".join(str(getattr(document, "title", "") or fallback_title).split()),
        published=_metadata_date(getattr(document, "date", None)),
        site_name=" ".join(str(getattr(document, "sitename", "") or "").split()),
        language=language,
    )


def _metadata_date(value: object) -> dt.datetime | None:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return dt.datetime.combine(day, dt.time(), dt.UTC)
