"""kill -9 during an ingest, then a restart: every article once, no half-resolved event."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from conflictwatch.store import Store
from conflictwatch.store.resolution import ingest_article

ARTICLES = 12
PER_ARTICLE = 150

CHILD = textwrap.dedent(
    """
    import sys
    from tests.resolve.test_kill import articles
    from conflictwatch.store import Store
    from conflictwatch.store.resolution import default_resolver, ingest_article

    resolver = default_resolver()
    with Store.open(sys.argv[1]) as store:
        for number, (article, found) in enumerate(articles()):
            print("begin", number, flush=True)
            ingest_article(store, article, found, resolver=resolver)
            print("done", number, flush=True)
    """
)


def articles() -> list[tuple[object, list[object]]]:
    """Twelve articles of 150 synthetic mentions each, over one month (so events get joined)."""
    import dataclasses

    from conflictwatch.model import Article
    from conflictwatch.resolve.synthetic import synthetic_mentions

    data = synthetic_mentions(ARTICLES * PER_ARTICLE, seed=11, days=30)
    out = []
    for k in range(ARTICLES):
        chunk = data.mentions[k * PER_ARTICLE : (k + 1) * PER_ARTICLE]
        article = Article(id=f"art-{k}", text=f"synthetic report {k}", content_hash=f"h{k}")
        out.append((article, [dataclasses.replace(m, article_id=article.id) for m in chunk]))
    return out


def _check_whole(store: Store) -> int:
    """Every stored article has all its mentions, each in an event with history; return articles."""
    with store.engine.connect() as conn:

        def scalar(sql: str) -> int:
            return int(conn.execute(sa.text(sql)).scalar_one())

        stored = scalar("SELECT count(*) FROM articles")
        assert scalar("SELECT count(*) FROM mentions") == stored * PER_ARTICLE
        assert scalar("SELECT count(*) FROM mentions WHERE event_id IS NULL") == 0
        assert (
            scalar(
                "SELECT count(*) FROM mentions m LEFT JOIN events e ON e.id = m.event_id "
                "WHERE e.id IS NULL"
            )
            == 0
        )
        assert (
            scalar(
                "SELECT count(*) FROM events e WHERE NOT EXISTS "
                "(SELECT 1 FROM mentions m WHERE m.event_id = e.id)"
            )
            == 0
        )
        assert scalar(
            "SELECT count(*) FROM event_history WHERE action IN ('created', 'joined')"
        ) == (stored * PER_ARTICLE)
        assert scalar("SELECT count(*) FROM event_history WHERE action = 'created'") == scalar(
            "SELECT count(*) FROM events"
        )
    return stored


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.05, 0.2])
def test_killed_mid_ingest_then_restarted(store_url: str, tmp_path: Path, delay: float) -> None:
    Store.open(store_url).close()
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, str(script), store_url],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert child.stdout is not None
    deadline = time.monotonic() + 120
    for line in child.stdout:
        if line.strip() == "begin 3":
            break
        assert time.monotonic() < deadline, "the child never got going"
    else:
        pytest.fail(f"the child stopped early: {child.stderr.read() if child.stderr else ''}")
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=60)
    with Store.open(store_url) as store:
        before = _check_whole(store)
        assert 3 <= before < ARTICLES
        # the restart ingests everything again: what was stored is skipped, the rest goes in
        from conflictwatch.store.resolution import default_resolver

        resolver = default_resolver()
        outcomes = [ingest_article(store, a, m, resolver=resolver) for a, m in articles()]  # type: ignore[arg-type]
        assert sum(o.skipped for o in outcomes) == before
        assert _check_whole(store) == ARTICLES


def test_two_writers_at_once_store_every_article(store_url: str) -> None:
    import threading

    from conflictwatch.store.resolution import default_resolver

    Store.open(store_url).close()
    resolver = default_resolver()
    work = articles()
    errors: list[BaseException] = []

    def writer(part: list[tuple[object, list[object]]]) -> None:
        try:
            with Store.open(store_url) as store:
                for a, m in part:
                    ingest_article(store, a, m, resolver=resolver)  # type: ignore[arg-type]
        except BaseException as exc:  # reported by the test below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(work[k::2],)) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store.open(store_url) as store:
        assert _check_whole(store) == ARTICLES
