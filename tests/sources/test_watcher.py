"""The watcher: polls what is due, hands on each new article once, keeps going when a source fails,
backs off, remembers everything in the store and stops cleanly between articles."""

from __future__ import annotations

import datetime as dt
import logging
import threading

import pytest
from tests.sources.conftest import FakeTime, make_fetcher
from tests.sources.samples import (
    AMBUSH_EN,
    CAMP_EN,
    HTML_TYPE,
    MARKET_FR,
    RSS_TYPE,
    Story,
    page,
    rss,
)
from tests.sources.webserver import Reply, WebServer

from conflictwatch.model import Article
from conflictwatch.sources.fetch import Fetcher
from conflictwatch.sources.kinds import Source
from conflictwatch.sources.state import MemoryStates, SourceState
from conflictwatch.sources.watcher import PollReport, Watcher, retry_delay
from conflictwatch.store import Store
from conflictwatch.store.sourcestate import SourceStates

T0 = dt.datetime(2024, 9, 18, 8, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)


def serve_feed(web: WebServer, path: str = "/rss", prefix: str = "") -> str:
    """A feed of three stories with their pages; no ETag, so only the seen keys prevent repeats."""
    texts = {"convoy": AMBUSH_EN, "marche": MARKET_FR, "camp": CAMP_EN}
    stories = []
    for day, (slug, paragraphs) in enumerate(texts.items(), start=16):
        link = web.add(
            f"/{prefix}news/{slug}", Reply(200, page(slug, paragraphs), {"Content-Type": HTML_TYPE})
        )
        stories.append(
            Story(f"{prefix}{slug}", f"{prefix}{slug}", link, f"{day} Sep 2024 10:00:00 GMT")
        )
    return web.add(path, Reply(200, rss("Sahel News", stories), {"Content-Type": RSS_TYPE}))


class Collector:
    """The on_article callback: keeps what it is given; may stop or fail on a chosen article."""

    def __init__(
        self, stop: threading.Event | None = None, stop_after: int = 0, fail_on: str = ""
    ) -> None:
        self.articles: list[Article] = []
        self.stop, self.stop_after, self.fail_on = stop, stop_after, fail_on

    def __call__(self, article: Article) -> None:
        if self.fail_on and self.fail_on == article.title:
            raise RuntimeError(f"cannot store {article.title}")
        self.articles.append(article)
        if self.stop is not None and len(self.articles) == self.stop_after:
            self.stop.set()

    @property
    def titles(self) -> list[str]:
        return [a.title for a in self.articles]


def test_new_articles_are_handed_on_once_and_the_source_is_due_again_after_its_interval(
    web: WebServer, fetcher: Fetcher
) -> None:
    source = Source("feed", serve_feed(web), interval=15 * MINUTE, allow_private=True)
    states, collect = MemoryStates(), Collector()
    watcher = Watcher([source], fetcher, states, collect)
    report = watcher.poll_once(T0)
    assert collect.titles == ["convoy", "marche", "camp"]
    assert (report.articles, report.failed, report.stopped) == (3, (), False)
    state = states.load(source.key)
    assert state is not None
    assert (state.checked_at, state.next_due, state.failures, state.last_status) == (
        T0,
        T0 + 15 * MINUTE,
        0,
        200,
    )
    assert state.seen == ("convoy", "marche", "camp")
    assert watcher.poll_once(T0 + 5 * MINUTE).outcomes == ()  # not due yet
    again = watcher.poll_once(T0 + 15 * MINUTE)
    assert (len(again.outcomes), again.articles) == (1, 0)
    assert len(collect.articles) == 3
    assert web.hits["/news/convoy"] == 1


def test_a_failing_feed_does_not_stop_the_others(
    web: WebServer, fake_time: FakeTime, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="conflictwatch.sources")
    good = serve_feed(web)
    web.add("/500", Reply(500, b"error"))
    web.slow("/slow", Reply(200, b"late"))
    web.redirect("/loop-a", "/loop-b")
    web.redirect("/loop-b", "/loop-a")
    web.add(
        "/garbage", Reply(200, b"\x89PNG\r\n\x1a\n\x00\x00 not a feed", {"Content-Type": RSS_TYPE})
    )
    web.add("/huge", Reply(200, b"", {"Content-Length": str(50_000_000), "Content-Type": RSS_TYPE}))
    bad = ["/500", "/slow", "/loop-a", "/garbage", "/huge"]
    sources = [Source("feed", web.url(p), allow_private=True) for p in bad[:3]]
    sources += [Source("feed", good, allow_private=True)]
    sources += [Source("feed", web.url(p), allow_private=True) for p in bad[3:]]
    states, collect = MemoryStates(), Collector()
    with make_fetcher(fake_time, read_timeout=0.05, retries=1) as fetcher:
        report = Watcher(sources, fetcher, states, collect).poll_once(T0)
    assert collect.titles == ["convoy", "marche", "camp"]
    errors = {o.source.location.rsplit("/", 1)[1]: o.error for o in report.failed}
    assert set(errors) == {"500", "slow", "loop-a", "garbage", "huge"}
    assert "HTTP 500" in (errors["500"] or "")
    assert "timed out" in (errors["slow"] or "")
    assert "redirect loop" in (errors["loop-a"] or "")
    assert "not an RSS or Atom feed" in (errors["garbage"] or "")
    assert "the limit is" in (errors["huge"] or "")
    assert web.hits["/500"] == 2  # retried once by the fetcher
    failed_500 = states.load(web.url("/500"))
    assert failed_500 is not None
    assert (failed_500.failures, failed_500.last_status) == (1, 500)
    assert failed_500.next_due == T0 + retry_delay(sources[0].interval, 1)
    logged = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(logged) == 5 and all("failed (1 in a row)" in m for m in logged)
    assert any(web.url("/loop-a") in m and "redirect loop" in m for m in logged)


def test_backoff_grows_with_each_failure_and_success_resets_it(
    web: WebServer, fetcher: Fetcher
) -> None:
    replies = [Reply(503)] * 4 + [Reply(200, rss("Back", []), {"Content-Type": RSS_TYPE})]
    url = web.sequence("/rss", [r for r in replies for _ in range(3)])  # 3 attempts per poll
    source = Source("feed", url, interval=10 * MINUTE, allow_private=True)
    states = MemoryStates()
    watcher = Watcher([source], fetcher, states, Collector())
    now, waits = T0, []
    for _ in range(5):
        watcher.poll_once(now)
        state = states.load(url)
        assert state is not None and state.next_due is not None
        waits.append(state.next_due - now)
        now = state.next_due
    assert waits == [20 * MINUTE, 40 * MINUTE, 80 * MINUTE, 160 * MINUTE, 10 * MINUTE]
    final = states.load(url)
    assert final is not None and (final.failures, final.last_error) == (0, None)


@pytest.mark.parametrize(
    ("interval", "failures", "expected"),
    [
        (dt.timedelta(minutes=15), 0, dt.timedelta(minutes=15)),
        (dt.timedelta(minutes=15), 1, dt.timedelta(minutes=30)),
        (dt.timedelta(minutes=15), 3, dt.timedelta(hours=2)),
        (dt.timedelta(minutes=15), 10, dt.timedelta(hours=6)),  # capped
        (dt.timedelta(days=1), 2, dt.timedelta(days=1)),  # never less than the interval
    ],
)
def test_retry_delays(interval: dt.timedelta, failures: int, expected: dt.timedelta) -> None:
    assert retry_delay(interval, failures) == expected


def test_state_survives_reopening_the_store(
    web: WebServer, fetcher: Fetcher, store_url: str
) -> None:
    source = Source("feed", serve_feed(web), interval=MINUTE, allow_private=True)
    first = Collector()
    with Store.open(store_url) as store:
        Watcher([source], fetcher, SourceStates(store), first).poll_once(T0)
    assert len(first.articles) == 3
    second = Collector()
    with Store.open(store_url) as store:
        states = SourceStates(store)
        saved = states.load(source.key)
        assert saved is not None
        assert (saved.kind, saved.seen, saved.next_due) == (
            "feed",
            ("convoy", "marche", "camp"),
            T0 + MINUTE,
        )
        Watcher([source], fetcher, states, second).poll_once(T0 + 2 * MINUTE)
    assert second.articles == []  # restarted: nothing handed on twice
    assert web.hits["/news/convoy"] == 1


def test_conditional_get_state_survives_reopening_the_store(
    web: WebServer, fetcher: Fetcher, store_url: str
) -> None:
    url = web.conditional("/rss", rss("Sahel News", []), etag='"e1"', content_type=RSS_TYPE)
    source = Source("feed", url, interval=MINUTE, allow_private=True)
    with Store.open(store_url) as store:
        Watcher([source], fetcher, SourceStates(store), Collector()).poll_once(T0)
    with Store.open(store_url) as store:
        report = Watcher([source], fetcher, SourceStates(store), Collector()).poll_once(T0 + MINUTE)
        assert report.outcomes[0].not_modified
        assert SourceStates(store).all()[0].etag == '"e1"'
    assert web.requests[-1].headers["if-none-match"] == '"e1"'


def test_a_stop_between_articles_loses_nothing_and_repeats_nothing(
    web: WebServer, fetcher: Fetcher
) -> None:
    source = Source("feed", serve_feed(web), allow_private=True)
    other = Source("feed", serve_feed(web, "/other", "o-"), allow_private=True)
    stop = threading.Event()
    states, collect = MemoryStates(), Collector(stop, stop_after=1)
    watcher = Watcher([source, other], fetcher, states, collect)
    report = watcher.poll_once(T0, stop)
    assert report.stopped and collect.titles == ["convoy"]
    assert web.hits["/other"] == 0  # the next source was not started
    state = states.load(source.key)
    assert state is not None and state.seen == ("convoy",) and state.is_due(T0)
    stop.clear()
    watcher.poll_once(T0, stop)
    assert collect.titles == ["convoy", "marche", "camp", "o-convoy", "o-marche", "o-camp"]
    assert [a.url.rsplit("/", 1)[1] for a in collect.articles[3:]] == ["convoy", "marche", "camp"]
    assert len({a.id for a in collect.articles}) == 6


def test_an_article_that_cannot_be_handled_fails_its_source_and_is_tried_again(
    web: WebServer, fetcher: Fetcher
) -> None:
    source = Source("feed", serve_feed(web), interval=MINUTE, allow_private=True)
    other = Source("feed", serve_feed(web, "/other", "o-"), allow_private=True)
    states, failing = MemoryStates(), Collector(fail_on="marche")
    report = Watcher([source, other], fetcher, states, failing).poll_once(T0)
    assert failing.titles == ["convoy", "o-convoy", "o-marche", "o-camp"]  # the other feed went on
    (failed,) = report.failed
    assert failed.source == source and "RuntimeError: cannot store marche" in (failed.error or "")
    state = states.load(source.key)
    assert state is not None and state.seen == ("convoy",) and state.failures == 1
    fixed = Collector()
    Watcher([source], fetcher, states, fixed).poll_once(T0 + retry_delay(MINUTE, 1))
    assert fixed.titles == ["marche", "camp"]


def test_disabled_sources_are_not_polled(web: WebServer, fetcher: Fetcher) -> None:
    source = Source("feed", serve_feed(web), allow_private=True, enabled=False)
    report = Watcher([source], fetcher, MemoryStates(), Collector()).poll_once(T0)
    assert report == PollReport((), stopped=False)
    assert web.hits["/rss"] == 0


def test_run_polls_until_stopped_and_sleeps_until_the_next_source_is_due(
    web: WebServer, fetcher: Fetcher
) -> None:
    source = Source("feed", serve_feed(web), interval=dt.timedelta(seconds=40), allow_private=True)
    stop, waits, collect = threading.Event(), [], Collector()
    times = iter([T0, T0, T0 + dt.timedelta(seconds=40), T0 + dt.timedelta(seconds=40)])

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            stop.set()

    watcher = Watcher(
        [source], fetcher, MemoryStates(), collect, clock=lambda: next(times), sleep=sleep
    )
    watcher.run(stop)
    assert waits == [40.0, 40.0]
    assert len(collect.articles) == 3 and web.hits["/rss"] == 2


def test_run_returns_at_once_when_stop_is_set_while_waiting(
    web: WebServer, fetcher: Fetcher
) -> None:
    source = Source("feed", serve_feed(web), interval=dt.timedelta(hours=1), allow_private=True)
    stop = threading.Event()
    watcher = Watcher([source], fetcher, MemoryStates(), Collector(), max_wait=30.0)
    runner = threading.Thread(target=watcher.run, args=(stop,))
    runner.start()
    while web.hits["/rss"] == 0 and runner.is_alive():
        threading.Event().wait(0.005)
    stop.set()
    runner.join(timeout=5)
    assert not runner.is_alive()


def test_seen_keys_are_bounded() -> None:
    state = SourceState("u", "feed")
    for i in range(10):
        state = state.remember(f"k{i}", limit=4)
    assert state.seen == ("k6", "k7", "k8", "k9")
    assert state.has_seen("k9") and not state.has_seen("k5")
    assert state.remember("k9", limit=4) is state
