"""The main job, end to end: sources → extraction → resolution → store.

Sources (files, folders, feeds, pages) hand over ``Article`` records; each new article is
extracted (serially, on local processes or on Dask — in input order either way), then stored with
its mentions and their resolution into events in one transaction, so an interrupted run leaves
every article either fully resolved or absent, and running again completes it. Articles already
stored (same id or same content) are skipped before extraction: re-ingesting anything is a no-op.

This module only composes the stages; the I/O happens in ``sources/`` and ``store/``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .extract.extractor import Extractor
from .extract.parallel import SERIAL, Parallelism, extract_in_order
from .model import Article
from .resolve import Resolver
from .sources.reports import Skipped
from .store import Store
from .store.resolution import IngestOutcome, default_resolver, ingest_article

log = logging.getLogger(__name__)

OnOutcome = Callable[[IngestOutcome], None]


@dataclass
class IngestSummary:
    """What one ``ingest`` (or a watch) did."""

    articles: int = 0  # articles offered
    added: int = 0  # newly stored
    already: int = 0  # stored before (same id or content): skipped
    mentions: int = 0
    events_created: set[str] = field(default_factory=set)
    events_updated: set[str] = field(default_factory=set)
    unreadable: list[Skipped] = field(default_factory=list)
    outcomes: list[IngestOutcome] = field(default_factory=list)

    def record(self, outcome: IngestOutcome) -> None:
        self.outcomes.append(outcome)
        if outcome.skipped:
            self.already += 1
            return
        self.added += 1
        self.mentions += outcome.mentions
        self.events_created |= set(outcome.created)
        self.events_updated |= set(outcome.joined) - self.events_created


class Ingestor:
    """Extracts and resolves articles into one store; built once, fed many articles."""

    def __init__(
        self,
        store: Store,
        extractor: Extractor,
        *,
        resolver: Resolver | None = None,
        how: Parallelism = SERIAL,
        on_outcome: OnOutcome | None = None,
    ) -> None:
        self.store = store
        self.extractor = extractor
        self.resolver = resolver or default_resolver()
        self.how = how
        self.on_outcome = on_outcome
        self.summary = IngestSummary()

    def _record(self, outcome: IngestOutcome) -> None:
        self.summary.record(outcome)
        if self.on_outcome is not None:
            self.on_outcome(outcome)

    def _unseen(
        self, items: Iterable[Article | Skipped], stop: threading.Event | None
    ) -> Iterator[Article]:
        for item in items:
            if stop is not None and stop.is_set():
                return
            if isinstance(item, Skipped):
                self.summary.unreadable.append(item)
                log.warning("skipped %s: %s", item.source, item.reason)
                continue
            if not self._already_stored(item):
                yield item

    def _already_stored(self, article: Article) -> bool:
        """Count the article; record it as skipped when the store has it (by id or text)."""
        self.summary.articles += 1
        reason = self.store.article_stored_as(article)
        if reason:
            self._record(IngestOutcome(article.id, skipped=True, reason=reason))
        return bool(reason)

    def ingest(
        self, items: Iterable[Article | Skipped], stop: threading.Event | None = None
    ) -> IngestSummary:
        """Extract, resolve and store each new article in order; stop between articles."""
        pairs = extract_in_order(self.extractor, self._unseen(items, stop), self.how)
        for article, extraction in pairs:
            if stop is not None and stop.is_set():
                break
            self._record(
                ingest_article(self.store, article, extraction.mentions, resolver=self.resolver)
            )
        return self.summary

    def ingest_one(self, article: Article) -> IngestOutcome:
        """One article, serially (the watcher's callback)."""
        if self._already_stored(article):
            return self.summary.outcomes[-1]
        mentions = self.extractor.extract(article).mentions
        outcome = ingest_article(self.store, article, mentions, resolver=self.resolver)
        self._record(outcome)
        return outcome


def articles_from(
    locations: Sequence[str], *, kind: str | None = None, allow_private: bool = False
) -> Iterator[Article | Skipped]:
    """The articles at paths and URLs (``kind`` None decides per location)."""
    from .sources.fetch import Fetcher
    from .sources.kinds import iter_articles, sources_for

    sources = sources_for(locations, allow_private, kind=kind)
    if all(s.kind == "file" for s in sources):
        for source in sources:
            yield from iter_articles(source)
        return
    with Fetcher() as fetcher:  # each source carries its own allow_private
        for source in sources:
            yield from iter_articles(source, fetcher)


def watch_sources(
    ingestor: Ingestor,
    sources_file: str | Path,
    *,
    stop: threading.Event,
    once: bool = False,
    allow_private: bool = False,
) -> IngestSummary:
    """Poll the sources listed in ``sources_file`` and ingest what is new until ``stop``."""
    from dataclasses import replace

    from .sources.fetch import Fetcher
    from .sources.watcher import Watcher
    from .sources.watchfile import load_sources
    from .store.sourcestate import SourceStates

    sources = load_sources(sources_file)
    if allow_private:
        sources = [replace(s, allow_private=True) for s in sources]
    with Fetcher() as fetcher:  # each source carries its own allow_private
        watcher = Watcher(sources, fetcher, SourceStates(ingestor.store), ingestor.ingest_one)
        if once:
            watcher.poll_once(stop=stop)
        else:
            watcher.run(stop)
    return ingestor.summary
