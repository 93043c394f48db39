"""Fixtures for the source tests: a local web server, a fake clock, fetchers that use both."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from tests.sources.webserver import WebServer

from conflictwatch.sources.fetch import Fetcher, FetchOptions


class FakeTime:
    """Monotonic seconds and UTC wall time that only move when something sleeps."""

    def __init__(self) -> None:
        self.seconds = 1000.0
        self.start = dt.datetime(2024, 9, 18, 8, 0, tzinfo=dt.UTC)
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.seconds

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.seconds += seconds

    def now(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=self.seconds - 1000.0)


@pytest.fixture
def web() -> Iterator[WebServer]:
    with WebServer() as server:
        yield server


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


def make_fetcher(fake_time: FakeTime, **options: object) -> Fetcher:
    """A fetcher allowed to reach 127.0.0.1, quick to give up, that sleeps on the fake clock."""
    settings: dict[str, object] = {
        "allow_private": True,
        "connect_timeout": 2.0,
        "read_timeout": 2.0,
        "retries": 2,
        "backoff": 0.5,
        "host_interval": 0.0,
    }
    settings.update(options)
    return Fetcher(
        FetchOptions(**settings),  # type: ignore[arg-type]
        sleep=fake_time.sleep,
        clock=fake_time.monotonic,
        random=lambda: 0.0,
        now=fake_time.now,
    )


@pytest.fixture
def fetcher(fake_time: FakeTime) -> Iterator[Fetcher]:
    with make_fetcher(fake_time) as fetcher:
        yield fetcher
