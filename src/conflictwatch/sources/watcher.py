"""Watching sources: poll the ones that are due, hand each new article on, remember it.

    watcher = Watcher(load_sources("SOURCES.yaml"), fetcher, SourceStates(store), ingest)
    stop = threading.Event()            # set it (e.g. on Ctrl-C) to stop between two articles
    watcher.run(stop)

State is saved after every article, so a restart carries on where the last run stopped and never
hands an article on twice. A source that fails (HTTP 500s, timeouts, redirect loops, garbage
instead of a feed) is logged, tried again later — the wait doubling with each failure — and does
not hold up the others.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from ..errors import ConflictWatchError
from ..model import Article
from .articles import Found
from .fetch import Fetcher
from .kinds import Checked, Item, Passed, Source, read_source
from .reports import Skipped
from .state import SourceState, StateStore

log = logging.getLogger(__name__)

MAX_BACKOFF = dt.timedelta(hours=6)


@dataclass(frozen=True)
class SourceOutcome:
    """What one poll of one source gave."""

    source: Source
    articles: int = 0
    skipped: int = 0
    not_modified: bool = False
    error: str | None = None
    next_due: dt.datetime | None = None
    stopped: bool = False  # a stop was asked for before the source was read to the end


@dataclass(frozen=True)
class PollReport:
    """One round over the due sources."""

    outcomes: tuple[SourceOutcome, ...] = ()
    stopped: bool = False

    @property
    def articles(self) -> int:
        return sum(o.articles for o in self.outcomes)

    @property
    def skipped(self) -> int:
        return sum(o.skipped for o in self.outcomes)

    @property
    def failed(self) -> tuple[SourceOutcome, ...]:
        return tuple(o for o in self.outcomes if o.error is not None)


def retry_delay(interval: dt.timedelta, failures: int) -> dt.timedelta:
    """How long to wait after ``failures`` failures in a row: the interval, doubled each time,
    up to six hours (or the interval, if that is longer)."""
    if failures <= 0:
        return interval
    return min(interval * 2 ** min(failures, 20), max(MAX_BACKOFF, interval))


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Watcher:
    """Polls sources when due and calls ``on_article`` for every new article.

    ``clock`` gives the current UTC time; ``sleep(seconds)`` waits between rounds in
    :meth:`run` (by default: waiting on the stop event, so a stop is immediate).
    """

    def __init__(
        self,
        sources: Sequence[Source],
        fetcher: Fetcher,
        states: StateStore,
        on_article: Callable[[Article], object],
        *,
        clock: Callable[[], dt.datetime] = _utcnow,
        sleep: Callable[[float], None] | None = None,
        max_wait: float = 60.0,
    ) -> None:
        self.sources = [s for s in sources if s.enabled]
        self.fetcher = fetcher
        self.states = states
        self.on_article = on_article
        self.clock = clock
        self.sleep = sleep
        self.max_wait = max_wait

    def state_of(self, source: Source) -> SourceState:
        return self.states.load(source.key) or SourceState(source.key, source.kind)

    def due(self, now: dt.datetime) -> list[Source]:
        return [s for s in self.sources if self.state_of(s).is_due(now)]

    def poll_once(
        self, now: dt.datetime | None = None, stop: threading.Event | None = None
    ) -> PollReport:
        """Read every due source once; stop between articles when ``stop`` is set."""
        now = now or self.clock()
        outcomes: list[SourceOutcome] = []
        for source in self.due(now):
            if stop is not None and stop.is_set():
                return PollReport(tuple(outcomes), stopped=True)
            outcome = self._poll(source, now, stop)
            outcomes.append(outcome)
            if outcome.stopped:
                return PollReport(tuple(outcomes), stopped=True)
        return PollReport(tuple(outcomes), stopped=False)

    def run(self, stop: threading.Event) -> None:
        """Poll until ``stop`` is set, sleeping until the next source is due."""
        while not stop.is_set():
            started = time.monotonic()
            report = self.poll_once(stop=stop)
            log.info(
                "polled %d source(s): %d new article(s), %d failed (%.1f s)",
                len(report.outcomes), report.articles, len(report.failed),
                time.monotonic() - started,
            )  # fmt: skip
            if stop.is_set():
                break
            wait = self.seconds_to_next_due(self.clock())
            if self.sleep is not None:
                self.sleep(wait)
            else:
                stop.wait(wait)

    def seconds_to_next_due(self, now: dt.datetime) -> float:
        """Seconds until a source is due, between one second and ``max_wait``."""
        dues = [self.state_of(s).next_due for s in self.sources]
        if not dues or any(d is None for d in dues):
            return 1.0
        soonest = min(d for d in dues if d is not None)
        return max(1.0, min(self.max_wait, (soonest - now).total_seconds()))

    # -- one source --------------------------------------------------------------------------

    def _poll(
        self, source: Source, now: dt.datetime, stop: threading.Event | None
    ) -> SourceOutcome:
        state = self.state_of(source)
        checked: Checked | None = None
        articles = skipped = 0
        items: Iterator[Item] = read_source(source, self.fetcher, state)
        try:
            for item in items:
                if isinstance(item, Checked):
                    checked = item
                    continue
                if stop is not None and stop.is_set():
                    self.states.save(state)
                    log.info("%s: stopped before the next article", source.name)
                    return SourceOutcome(source, articles, skipped, stopped=True)
                if isinstance(item, Found):
                    self.on_article(item.article)
                    state = state.remember(item.key)
                    self.states.save(state)
                    articles += 1
                elif isinstance(item, Passed):
                    log.info("%s: passing over %s: %s", source.name, item.where, item.reason)
                    state = state.remember(item.key)
                    self.states.save(state)
                    skipped += 1
                elif isinstance(item, Skipped):
                    log.warning("%s: skipped %s: %s", source.name, item.source, item.reason)
                    skipped += 1
        except ConflictWatchError as exc:
            return self._failed(source, state, now, str(exc), getattr(exc, "status", None),
                                articles, skipped)  # fmt: skip
        except Exception as exc:  # a bug or store error while handling an article
            log.exception("%s: handling an article failed", source.name)
            reason = f"{type(exc).__name__}: {exc}"
            return self._failed(source, state, now, reason, None, articles, skipped)
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()
        state = replace(
            state,
            etag=checked.etag if checked else state.etag,
            last_modified=checked.last_modified if checked else state.last_modified,
            last_status=checked.status if checked else None,
            checked_at=now,
            next_due=now + source.interval,
            failures=0,
            last_error=None,
        )
        self.states.save(state)
        not_modified = bool(checked and checked.not_modified)
        if articles or skipped:
            log.info("%s: %d new article(s), %d skipped", source.name, articles, skipped)
        return SourceOutcome(source, articles, skipped, not_modified, None, state.next_due)

    def _failed(
        self,
        source: Source,
        state: SourceState,
        now: dt.datetime,
        reason: str,
        status: int | None,
        articles: int,
        skipped: int,
    ) -> SourceOutcome:
        failures = state.failures + 1
        next_due = now + retry_delay(source.interval, failures)
        log.warning(
            "%s failed (%d in a row): %s; next try at %s",
            source.name, failures, reason, next_due.isoformat(timespec="seconds"),
        )  # fmt: skip
        state = replace(
            state,
            checked_at=now,
            next_due=next_due,
            failures=failures,
            last_status=status,
            last_error=reason,
        )
        self.states.save(state)
        return SourceOutcome(source, articles, skipped, False, reason, next_due)
