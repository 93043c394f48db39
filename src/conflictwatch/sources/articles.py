"""From what a source gave to an ``Article``: canonical URL, content hash, id, outlet, language, date.

    >>> canonical_url("HTTPS://News.Example:443/a/b?utm_source=x&b=2&a=1#top")
    'https://news.example/a/b?a=1&b=2'
    >>> article_id("https://news.example/a/b")
    'web-493f9b4dec21ef90482d'

The id comes from the canonical URL when there is one, so the same story reached through a
tracking link, another feed or a second poll is the same article; text without a URL gets an id
from its content hash.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from enum import Enum
from urllib.parse import unquote_plus, urlsplit, urlunsplit

from ..extract.language import detect_language
from ..model import Article
from .reports import content_hash

TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "xtor", "ocid", "cmpid", "ncid", "sr_share",
        "at_medium", "at_campaign", "spm",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "at_")
DEFAULT_PORTS = {"http": 80, "https": 443}


class DateSource(str, Enum):
    """Where an article's publication date came from."""

    RECORD = "record"  # the input record (a JSON line's "published")
    FEED = "feed"  # the feed entry's published/updated date
    PAGE = "page"  # the page's metadata
    TEXT = "text"  # a date written near the top of the text
    FETCHED = "fetched"  # nothing said: the time it was fetched or read
    NONE = "none"


@dataclass(frozen=True)
class Found:
    """A new article from a source, with the key that marks it seen and where its date came from."""

    article: Article
    key: str
    date_from: DateSource


def canonical_url(url: str) -> str:
    """Lowercase scheme and host, no fragment, default port, credentials or tracking parameters;
    the query sorted. Anything that is not an http(s) URL comes back stripped but unchanged."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return url
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    # Parameters keep their own encoding; only the key is decoded to recognise trackers.
    kept = []
    for piece in parts.query.split("&"):
        key = unquote_plus(piece.split("=", 1)[0]).lower()
        if piece and key not in TRACKING_PARAMS and not key.startswith(TRACKING_PREFIXES):
            kept.append(piece)
    return urlunsplit((scheme, host, parts.path or "/", "&".join(sorted(kept)), ""))


def article_id(url: str = "", text: str = "") -> str:
    """Stable id: from the canonical URL when there is one, else from the text's content hash."""
    if url:
        return "web-" + hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()[:20]
    return "text-" + content_hash(text)[:20]


def outlet_of(url: str) -> str:
    """An outlet name from a URL's host ("www.example.org" -> "example.org")."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


_MONTHS = {
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
TEXT_DATE_WINDOW = 400  # a dateline or byline sits near the top


def date_in_text(text: str, *, not_after: dt.datetime | None = None) -> dt.date | None:
    """The first full date (day, month name, year — English or French — or ISO) near the top.

    >>> date_in_text("BAMAKO, 17 septembre 2024 (AFP) - Des tirs ...")
    datetime.date(2024, 9, 17)
    """
    head = text[:TEXT_DATE_WINDOW]
    found: list[tuple[int, dt.date]] = []
    for match in _DAY_MONTH_YEAR.finditer(head):
        _add(found, match.start(), match.group(3), _MONTHS[match.group(2).lower()], match.group(1))
    for match in _MONTH_DAY_YEAR.finditer(head):
        _add(found, match.start(), match.group(3), _MONTHS[match.group(1).lower()], match.group(2))
    for match in _ISO_DATE.finditer(head):
        _add(found, match.start(), match.group(1), int(match.group(2)), match.group(3))
    latest = (not_after + dt.timedelta(days=1)).date() if not_after else None
    for _, day in sorted(found):
        if latest is None or day <= latest:
            return day
    return None


def _add(found: list[tuple[int, dt.date]], at: int, year: str, month: int, day: str) -> None:
    with contextlib.suppress(ValueError):  # "31 February" is no date: keep looking
        found.append((at, dt.date(int(year), month, int(day))))


def normalise_text(text: str) -> str:
    """Lines stripped, runs of spaces collapsed, blank lines dropped."""
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def build_article(
    *,
    text: str,
    url: str = "",
    title: str = "",
    outlet: str = "",
    declared_language: str = "",
    dates: tuple[tuple[dt.datetime | None, DateSource], ...] = (),
    fetched_at: dt.datetime | None = None,
    ident: str | None = None,
) -> tuple[Article, DateSource]:
    """An ``Article`` with every field filled, and where its date came from.

    ``dates`` are the candidates in order of trust (feed entry, page metadata); then a date in
    the text, then ``fetched_at``.
    """
    text = normalise_text(text)
    canonical = canonical_url(url) if url else ""
    published, source = None, DateSource.NONE
    for when, where in dates:
        if when is not None:
            published, source = when, where
            break
    if published is None:
        day = date_in_text(text, not_after=fetched_at)
        if day is not None:
            published, source = dt.datetime.combine(day, dt.time(), dt.UTC), DateSource.TEXT
    if published is None and fetched_at is not None:
        published, source = fetched_at, DateSource.FETCHED
    language = detect_language(f"{title}\n{text}")
    if language == "und" and declared_language:
        language = declared_language
    article = Article(
        id=ident or article_id(canonical, text),
        text=text,
        url=canonical,
        outlet=outlet or outlet_of(canonical),
        title=" ".join(title.split()),
        language=language,
        published_at=published,
        content_hash=content_hash(text),
        fetched_at=fetched_at,
    )
    return article, source
