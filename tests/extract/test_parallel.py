"""Extraction gives the same mentions, in the same order, however it is run."""

from __future__ import annotations

import pickle

import pytest

from conflictwatch.errors import ConfigError
from conflictwatch.extract.parallel import Parallelism, extract_in_order
from conflictwatch.model import Article
from conflictwatch.sources.reports import read_reports
from tests.conftest import ROOT

CORPUS = ROOT / "corpus" / "sahel" / "reports.jsonl"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [a for a in read_reports(CORPUS) if isinstance(a, Article)][:12]


def _mentions(pairs) -> list[tuple[str, tuple]]:  # type: ignore[no-untyped-def]
    return [(article.id, extraction.mentions) for article, extraction in pairs]


def test_the_extractor_and_its_mentions_survive_pickling(extractor, articles) -> None:  # type: ignore[no-untyped-def]
    copy = pickle.loads(pickle.dumps(extractor))
    assert copy.extract(articles[0]).mentions == extractor.extract(articles[0]).mentions
    mentions = extractor.extract(articles[0]).mentions
    assert pickle.loads(pickle.dumps(mentions)) == mentions


def test_local_processes_give_the_serial_result_in_order(extractor, articles) -> None:  # type: ignore[no-untyped-def]
    serial = _mentions(extract_in_order(extractor, articles))
    assert sum(len(m) for _, m in serial) > 0
    parallel = _mentions(extract_in_order(extractor, articles, Parallelism(workers=2, window=5)))
    assert parallel == serial


@pytest.mark.slow
def test_a_dask_cluster_gives_the_serial_result_in_order(extractor, articles) -> None:  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    serial = _mentions(extract_in_order(extractor, articles))
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:  # fmt: skip
        on_dask = _mentions(
            extract_in_order(
                extractor, articles, Parallelism(dask=cluster.scheduler_address, window=5)
            )
        )
    assert on_dask == serial


def test_an_unreachable_scheduler_is_a_clear_error(extractor, articles) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    with pytest.raises(ConfigError, match="Could not reach the Dask scheduler"):
        list(
            extract_in_order(
                extractor, articles, Parallelism(dask="tcp://127.0.0.1:9", connect_timeout=2)
            )
        )


def test_zero_workers_is_refused() -> None:
    with pytest.raises(ConfigError, match="--workers must be 1 or more"):
        Parallelism(workers=0)
