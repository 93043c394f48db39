"""Kinds of report source — files, feeds, pages — and reading one into new articles.

A :class:`Source` says where reports come from; ``source_kinds`` maps its kind to a reader that
yields what is new since the source's :class:`SourceState`::

    for item in iter_articles(Source("feed", "https://example.org/rss"), fetcher):
        ...  # an Article, or a Skipped record saying which entry could not be read and why

Built-in kinds: ``file`` (a .txt/.html/.jsonl file or a folder of them), ``feed`` (RSS/Atom: new
entries, each entry's page fetched unless the feed carries the full text), ``page`` (one URL) and
``web`` (a URL read as a feed or a page according to what it serves). Readers are generators of
:class:`Found`, :class:`Passed`, ``Skipped`` and one :class:`Checked` for each fetch of the source
itself; third parties register their own kinds the same way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from ..errors import ConfigError, InputError
from ..extract.language import detect_language
from ..model import Article
from ..registry import Registry
from .articles import DateSource, Found, build_article, canonical_url, date_in_text, outlet_of
from .feeds import Feed, FeedEntry, looks_like_feed, parse_feed
from .fetch import (
    Fetcher,
    FetchError,
    FetchResult,
    RedirectError,
    ResponseTooLarge,
    URLNotAllowed,
)
from .pages import parse_page
from .reports import Skipped, html_to_text, read_reports
from .state import SourceState

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = dt.timedelta(minutes=30)
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.5"
WEB_ACCEPT = "application/rss+xml, application/atom+xml, text/html;q=0.9, */*;q=0.5"
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", ""})
FULL_CONTENT_CHARS = 500  # a feed item with this much text is the article; shorter is a teaser


@dataclass(frozen=True)
class Source:
    """Where reports come from. ``location`` is a URL or a path; ``options`` are kind-specific.

    Options of feeds: ``pages`` = ``auto`` (fetch an entry's page unless the feed has its full
    text), ``always`` or ``never``; ``outlet`` overrides the outlet name of every article.
    """

    kind: str
    location: str
    name: str = ""
    interval: dt.timedelta = DEFAULT_INTERVAL
    allow_private: bool = False
    enabled: bool = True
    options: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        if not isinstance(self.options, MappingProxyType):
            object.__setattr__(self, "options", MappingProxyType(dict(self.options)))
        if not self.name:
            object.__setattr__(self, "name", outlet_of(self.location) or Path(self.location).name)

    @property
    def key(self) -> str:
        """What the source's state is kept under."""
        return self.location


@dataclass(frozen=True)
class Checked:
    """The source itself was fetched: what to send next time for a conditional GET."""

    status: int
    etag: str | None
    last_modified: str | None
    not_modified: bool

    @classmethod
    def of(cls, result: FetchResult) -> Checked:
        return cls(result.status, result.etag, result.last_modified, result.not_modified)


@dataclass(frozen=True)
class Passed:
    """An item that will never make an article (not HTML, no text): remembered as seen."""

    key: str
    where: str
    reason: str


Item = Found | Passed | Skipped | Checked
#: (source, fetcher, state) -> what is new; ``fetcher`` is None only for kinds that need none.
SourceReader = Callable[[Source, "Fetcher | None", SourceState], Iterator[Item]]
source_kinds: Registry[SourceReader] = Registry("source kinds")


def _now(fetcher: Fetcher | None) -> dt.datetime:
    return fetcher.now() if fetcher is not None else dt.datetime.now(dt.UTC)


def _needs(fetcher: Fetcher | None, source: Source) -> Fetcher:
    if fetcher is None:
        raise ConfigError(f"reading the {source.kind} source {source.location} needs a Fetcher")
    return fetcher


# -- files ---------------------------------------------------------------------------------------


@source_kinds.register("file")
def read_files(source: Source, fetcher: Fetcher | None, state: SourceState) -> Iterator[Item]:
    """Reports in a file or folder (see ``read_reports``), with empty fields filled in.

    Ids and text stay those ``read_reports`` gives, so extraction quotes point into the file.
    """
    read_at = _now(fetcher)
    for item in read_reports(source.location):
        if isinstance(item, Skipped):
            yield item
            continue
        key = f"{item.id}#{item.content_hash}"
        if state.has_seen(key):
            continue
        yield _filled(item, read_at, source.options.get("outlet", ""), key)


def _filled(article: Article, read_at: dt.datetime, outlet: str, key: str) -> Found:
    url = canonical_url(article.url) if article.url else ""
    published, date_from = article.published_at, DateSource.RECORD
    if published is None:
        day = date_in_text(article.text, not_after=read_at)
        if day is not None:
            published, date_from = dt.datetime.combine(day, dt.time(), dt.UTC), DateSource.TEXT
        else:
            published, date_from = read_at, DateSource.FETCHED
    language = detect_language(f"{article.title}\n{article.text}")
    filled = dataclasses.replace(
        article,
        url=url,
        outlet=article.outlet or outlet or outlet_of(url),
        language=article.language or language,
        published_at=published,
        fetched_at=article.fetched_at or read_at,
    )
    return Found(filled, key, date_from)


# -- feeds ---------------------------------------------------------------------------------------


@source_kinds.register("feed")
def read_feed(source: Source, fetcher: Fetcher | None, state: SourceState) -> Iterator[Item]:
    """New entries of an RSS/Atom feed, oldest first."""
    http = _needs(fetcher, source)
    result = _fetch_source(http, source, state, FEED_ACCEPT)
    yield Checked.of(result)
    if not result.not_modified:
        yield from _feed_items(source, http, state, parse_feed(result.body, url=result.final_url))


def _fetch_source(fetcher: Fetcher, source: Source, state: SourceState, accept: str) -> FetchResult:
    return fetcher.fetch(
        source.location,
        etag=state.etag,
        last_modified=state.last_modified,
        allow_private=source.allow_private,
        accept=accept,
    )


def _feed_items(source: Source, fetcher: Fetcher, state: SourceState, feed: Feed) -> Iterator[Item]:
    outlet = source.options.get("outlet") or feed.title
    mode = source.options.get("pages", "auto")
    if mode not in ("auto", "always", "never"):
        raise ConfigError(f"source {source.name}: option pages={mode!r}; use auto, always or never")
    oldest_first = sorted(
        enumerate(feed.entries),
        key=lambda pair: (
            pair[1].published is None,
            pair[1].published or dt.datetime.min,
            -pair[0],
        ),
    )  # entries without a date keep the feed's order (newest first), after the dated ones
    yielded: set[str] = set()
    for _, entry in oldest_first:
        if state.has_seen(entry.key) or entry.key in yielded:
            continue
        yielded.add(entry.key)
        yield _feed_item(source, fetcher, entry, outlet, mode)


def _feed_item(source: Source, fetcher: Fetcher, entry: FeedEntry, outlet: str, mode: str) -> Item:
    where = entry.link or entry.key
    carried = _html_text(entry.content) or ""
    if mode == "never" or (mode == "auto" and len(carried) >= FULL_CONTENT_CHARS) or not entry.link:
        text = carried or _html_text(entry.summary)
        if not text:
            return Passed(entry.key, where, "the entry has no text and no link to a page")
        article, date_from = build_article(
            text=text, url=entry.link, title=entry.title, outlet=outlet,
            declared_language=entry.language, dates=((entry.published, DateSource.FEED),),
            fetched_at=fetcher.now(),
        )  # fmt: skip
        return Found(article, entry.key, date_from)
    try:
        result = fetcher.fetch(entry.link, allow_private=source.allow_private, accept=PAGE_ACCEPT)
    except FetchError as exc:
        if _lasting(exc):
            return Passed(entry.key, where, str(exc))  # no use asking again
        return Skipped(where, str(exc))  # not remembered: tried again at the next poll
    return _page_found(result, entry.key, outlet, entry.title, entry.language, entry.published)


def _lasting(error: FetchError) -> bool:
    """Whether asking again later would fail the same way (gone, forbidden, refused, too big)."""
    if isinstance(error, URLNotAllowed | ResponseTooLarge | RedirectError):
        return True
    status = error.status
    return status is not None and 400 <= status < 500 and status not in (408, 425, 429)


def _html_text(markup: str) -> str:
    if not markup.strip():
        return ""
    if "<" not in markup:
        return markup.strip()
    return html_to_text(markup)[1]


# -- pages ---------------------------------------------------------------------------------------


@source_kinds.register("page")
def read_page(source: Source, fetcher: Fetcher | None, state: SourceState) -> Iterator[Item]:
    """One web page, again whenever its text changes."""
    http = _needs(fetcher, source)
    result = _fetch_source(http, source, state, PAGE_ACCEPT)
    yield Checked.of(result)
    if not result.not_modified:
        yield from _page_item(source, result, state)


def _page_item(source: Source, result: FetchResult, state: SourceState) -> Iterator[Item]:
    item = _page_found(result, "", source.options.get("outlet", ""), "", "", None)
    if isinstance(item, Passed):
        yield Skipped(item.where, item.reason)  # a page is looked at again when it changes
        return
    key = f"{item.article.url}#{item.article.content_hash}"
    if not state.has_seen(key):
        yield dataclasses.replace(item, key=key)


def _page_found(
    result: FetchResult,
    key: str,
    outlet: str,
    title: str,
    declared_language: str,
    feed_date: dt.datetime | None,
) -> Found | Passed:
    where = result.final_url
    if result.content_type not in PAGE_TYPES:
        return Passed(key, where, f"not an HTML page ({result.content_type})")
    page = parse_page(result.body, url=result.final_url, charset=result.charset)
    if not page.text.strip():
        return Passed(key, where, "the page has no text")
    article, date_from = build_article(
        text=page.text, url=result.final_url, title=title or page.title,
        outlet=outlet or page.site_name, declared_language=declared_language or page.language,
        dates=((feed_date, DateSource.FEED), (page.published, DateSource.PAGE)),
        fetched_at=result.fetched_at,
    )  # fmt: skip
    return Found(article, key, date_from)


# -- a URL of either kind ------------------------------------------------------------------------


@source_kinds.register("web")
def read_web(source: Source, fetcher: Fetcher | None, state: SourceState) -> Iterator[Item]:
    """A URL read as a feed when it serves one (by media type or root element), else as a page."""
    http = _needs(fetcher, source)
    result = _fetch_source(http, source, state, WEB_ACCEPT)
    yield Checked.of(result)
    if result.not_modified:
        return
    if looks_like_feed(result.content_type, result.body):
        yield from _feed_items(source, http, state, parse_feed(result.body, url=result.final_url))
    else:
        yield from _page_item(source, result, state)


# -- reading -------------------------------------------------------------------------------------


def read_source(
    source: Source, fetcher: Fetcher | None, state: SourceState | None = None
) -> Iterator[Item]:
    """Everything the source's reader yields, given what is known about the source."""
    reader = source_kinds.get(source.kind)
    return reader(source, fetcher, state or SourceState(source.key, source.kind))


def iter_articles(
    source: Source, fetcher: Fetcher | None = None, state: SourceState | None = None
) -> Iterator[Article | Skipped]:
    """The new articles of a source, and a ``Skipped`` for each item that could not be read.

    Without a ``fetcher``, web sources get a default one for the duration of the iteration.
    """
    if fetcher is None and source.kind != "file":
        with Fetcher() as own:
            yield from iter_articles(source, own, state)
        return
    for item in read_source(source, fetcher, state):
        if isinstance(item, Found):
            yield item.article
        elif isinstance(item, Passed):
            yield Skipped(item.where, item.reason)
        elif isinstance(item, Skipped):
            yield item


_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def sources_for(
    arguments: Iterable[str], allow_private: bool = False, *, kind: str | None = None
) -> list[Source]:
    """Sources for command-line arguments: a path is a ``file`` source, a URL a ``web`` one
    (a feed or a page, as it turns out when fetched) unless ``kind`` says which.

    Nothing is fetched here; a missing path or a URL that is not http(s) is an ``InputError``.
    """
    if kind is not None and kind not in source_kinds:
        source_kinds.get(kind)  # raises, naming the kinds there are
    found: list[Source] = []
    for argument in arguments:
        text = argument.strip()
        if _URL.match(text):
            scheme = text.split(":", 1)[0].lower()
            if scheme not in ("http", "https"):
                raise InputError("only http and https URLs can be read", value=text)
            found.append(Source(kind or "web", text, allow_private=allow_private))
            continue
        path = Path(text).expanduser()
        if not path.exists():
            hint = " (for a web address, write it with https://)" if "." in text else ""
            raise InputError(f"no such file or folder{hint}", value=text)
        found.append(Source(kind or "file", str(path), allow_private=allow_private))
    return found


__all__ = [
    "Checked",
    "Found",
    "Item",
    "Passed",
    "Source",
    "SourceReader",
    "iter_articles",
    "read_source",
    "source_kinds",
    "sources_for",
]
