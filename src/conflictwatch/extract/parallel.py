"""Running one Extractor over many articles: serially, on local processes, or on a Dask cluster.

Every runner yields ``(article, extraction)`` pairs in input order, so whatever consumes them
(resolution above all, which depends on order) sees exactly what a serial run would give. The
extractor is built once by the caller and shipped to the workers (it pickles to a few MB), so the
workers need neither the store nor the pack files.

Input is consumed in windows, so a long stream is never held in memory at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Any

from ..errors import ConfigError
from ..model import Article
from .extractor import Extraction, Extractor

_WORKER_EXTRACTOR: Extractor | None = None


@dataclass(frozen=True)
class Parallelism:
    """How to run extraction: ``workers`` local processes, or the Dask scheduler at ``dask``."""

    workers: int = 1
    dask: str | None = None
    window: int = 64  # articles in flight at once
    connect_timeout: float = 30.0  # seconds to reach the Dask scheduler

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ConfigError(f"--workers must be 1 or more, not {self.workers}.")
        if self.window < 1:
            raise ConfigError(f"The extraction window must be 1 or more, not {self.window}.")

    @property
    def describe(self) -> str:
        if self.dask:
            return f"Dask cluster at {self.dask}"
        return "serial" if self.workers == 1 else f"{self.workers} local processes"


SERIAL = Parallelism()


def extract_in_order(
    extractor: Extractor, articles: Iterable[Article], how: Parallelism = SERIAL
) -> Iterator[tuple[Article, Extraction]]:
    """Extract every article; pairs come back in the order the articles went in."""
    if how.dask:
        yield from _on_dask(extractor, articles, how)
    elif how.workers > 1:
        yield from _on_processes(extractor, articles, how)
    else:
        for article in articles:
            yield article, extractor.extract(article)


def _windows(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while window := list(islice(iterator, size)):
        yield window


def _install(extractor: Extractor) -> None:
    global _WORKER_EXTRACTOR  # one extractor per worker process, received once
    _WORKER_EXTRACTOR = extractor


def _extract_here(article: Article) -> Extraction:
    assert _WORKER_EXTRACTOR is not None, "worker started without an extractor"
    return _WORKER_EXTRACTOR.extract(article)


def _on_processes(
    extractor: Extractor, articles: Iterable[Article], how: Parallelism
) -> Iterator[tuple[Article, Extraction]]:
    with ProcessPoolExecutor(how.workers, initializer=_install, initargs=(extractor,)) as pool:
        for window in _windows(articles, how.window):
            yield from zip(window, pool.map(_extract_here, window), strict=True)


def _extract_with(extractor: Extractor, article: Article) -> Extraction:
    return extractor.extract(article)


def _on_dask(
    extractor: Extractor, articles: Iterable[Article], how: Parallelism
) -> Iterator[tuple[Article, Extraction]]:
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise ConfigError(
            "--dask needs dask.distributed: pip install 'conflictwatch[dask]'."
        ) from exc
    try:
        client: Any = Client(how.dask, timeout=how.connect_timeout, set_as_default=False)
    except OSError as exc:
        raise ConfigError(
            f"Could not reach the Dask scheduler at {how.dask}: {exc}. Start one with "
            "`dask scheduler` (and `dask worker ADDRESS`), or run without --dask."
        ) from exc
    try:
        shipped = client.scatter(extractor, broadcast=True)
        for window in _windows(articles, how.window):
            futures = [client.submit(_extract_with, shipped, a, pure=False) for a in window]
            yield from zip(window, client.gather(futures), strict=True)
    finally:
        client.close()
