"""`ingest` and `watch`: the path a user's reports take into the store, end to end.

Reports come from files, a feed and pages served on 127.0.0.1; the store is a real SQLite file
(and PostgreSQL where the backend matters). Re-ingesting is a no-op, parallel runs equal serial
ones, and a killed ingest leaves every article stored exactly once when run again.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from conflictwatch.cli import main
from conflictwatch.store import Store
from tests.conftest import ROOT
from tests.httpserver import serve

CORPUS = ROOT / "corpus" / "sahel" / "reports.jsonl"


def _reports(count: int) -> list[dict]:
    with CORPUS.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [r for r in rows if r["events"]][:count]


def _editions(count: int) -> list[dict]:
    """``count`` distinct articles: the corpus reports again and again, each edition its own text."""
    base = _reports(40)
    return [
        {**r, "id": f"{r['id']}-e{n}", "text": f"{r['text']} (Edition {n}.)"}
        for n in range(count // len(base) + 1)
        for r in base
    ][:count]


def _jsonl(path: Path, reports: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for r in reports:
            keep = {k: r[k] for k in ("id", "title", "published", "language", "text")}
            handle.write(json.dumps(keep, ensure_ascii=False) + "\n")
    return path


def _ingest(runner: CliRunner, db: str, *args: str) -> str:
    result = runner.invoke(main, ["ingest", "--db", db, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _snapshot(db: str) -> dict[str, object]:
    """Everything ingest writes, in a comparable form."""
    with Store.open(db) as store, store.engine.connect() as conn:
        articles = sorted(r[0] for r in conn.exec_driver_sql("SELECT id FROM articles"))
        mentions = sorted(
            tuple(r) for r in conn.exec_driver_sql("SELECT id, article_id, event_id FROM mentions")
        )
        orphans = conn.exec_driver_sql(
            "SELECT count(*) FROM mentions WHERE event_id IS NULL OR event_id NOT IN "
            "(SELECT id FROM events)"
        ).scalar()
        events = sorted(
            (e.id, e.event_date, e.sub_event_type.value, e.actor1, e.location, e.fatalities,
             e.operation_id)
            for e in store.events()
        )  # fmt: skip
    return {"articles": articles, "mentions": mentions, "orphans": orphans, "events": events}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def reports() -> list[dict]:
    return _reports(12)


def test_ingest_stores_articles_mentions_and_events_and_says_what_it_added(
    runner: CliRunner, tmp_path: Path, reports: list[dict]
) -> None:
    db = str(tmp_path / "cw.db")
    output = _ingest(runner, db, str(_jsonl(tmp_path / "r.jsonl", reports)))
    assert f"{len(reports)} article(s): {len(reports)} added, 0 already stored" in output
    state = _snapshot(db)
    assert len(state["articles"]) == len(reports)  # type: ignore[arg-type]
    assert state["mentions"] and state["events"] and state["orphans"] == 0


def test_re_ingesting_is_a_no_op(runner: CliRunner, tmp_path: Path, reports: list[dict]) -> None:
    db = str(tmp_path / "cw.db")
    source = str(_jsonl(tmp_path / "r.jsonl", reports))
    _ingest(runner, db, source)
    before = _snapshot(db)
    output = _ingest(runner, db, source)
    assert f"0 added, {len(reports)} already stored" in output
    assert _snapshot(db) == before


def test_the_same_text_under_another_name_is_not_stored_twice(
    runner: CliRunner, tmp_path: Path, reports: list[dict]
) -> None:
    db = str(tmp_path / "cw.db")
    first = tmp_path / "a.txt"
    first.write_text(reports[0]["text"], encoding="utf-8")
    copy = tmp_path / "copy-of-a.txt"
    copy.write_text(reports[0]["text"], encoding="utf-8")
    _ingest(runner, db, str(first))
    output = _ingest(runner, db, str(copy))
    assert "0 added, 1 already stored" in output


def test_local_processes_give_the_same_store_as_a_serial_run(
    runner: CliRunner, tmp_path: Path, reports: list[dict]
) -> None:
    source = str(_jsonl(tmp_path / "r.jsonl", reports))
    _ingest(runner, str(tmp_path / "serial.db"), source)
    _ingest(runner, str(tmp_path / "parallel.db"), source, "--workers", "2")
    assert _snapshot(str(tmp_path / "parallel.db")) == _snapshot(str(tmp_path / "serial.db"))


@pytest.mark.slow
def test_a_dask_cluster_gives_the_same_store_as_a_serial_run(
    runner: CliRunner, tmp_path: Path, reports: list[dict]
) -> None:
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    source = str(_jsonl(tmp_path / "r.jsonl", reports))
    _ingest(runner, str(tmp_path / "serial.db"), source)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None) as cluster:  # fmt: skip
        _ingest(runner, str(tmp_path / "dask.db"), source, "--dask", cluster.scheduler_address)
    assert _snapshot(str(tmp_path / "dask.db")) == _snapshot(str(tmp_path / "serial.db"))


def _feed(base: str, reports: list[dict]) -> bytes:
    items = "".join(
        f"<item><title>{r['title']}</title><link>{base}/news/{r['id']}.html</link>"
        f"<guid>{r['id']}</guid><pubDate>Tue, 17 Sep 2024 18:00:00 GMT</pubDate></item>"
        for r in reports
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Sahel Wire</title><link>{base}/</link><description>test</description>"
        f"{items}</channel></rss>"
    ).encode()


def _page(r: dict) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in r["text"].split(". "))
    return (
        f"<html><head><title>{r['title']}</title>"
        f'<meta property="article:published_time" content="{r["published"]}"></head>'
        f"<body><article><h1>{r['title']}</h1>{paragraphs}</article></body></html>"
    ).encode()


class _Site:
    """A feed and its article pages on a real local server (routes filled once the port is known)."""

    def __init__(self, reports: list[dict]) -> None:
        self.reports = reports
        self.routes: dict[str, bytes] = {}

    def __enter__(self) -> str:
        self._context = serve(self.routes)
        base = self._context.__enter__()
        self.routes["/feed.xml"] = _feed(base, self.reports)
        for r in self.reports:
            self.routes[f"/news/{r['id']}.html"] = _page(r)
        return base

    def __exit__(self, *exc: object) -> None:
        self._context.__exit__(*exc)


def test_a_feed_on_a_local_server_is_ingested_with_allow_private(
    runner: CliRunner, tmp_path: Path, reports: list[dict]
) -> None:
    db = str(tmp_path / "cw.db")
    with _Site(reports[:3]) as base:
        refused = runner.invoke(main, ["ingest", "--db", db, f"{base}/feed.xml"])
        output = _ingest(runner, db, f"{base}/feed.xml", "--allow-private")
        again = _ingest(runner, db, f"{base}/feed.xml", "--allow-private")
    assert refused.exit_code != 0 or "0 added" in refused.output
    assert "3 added" in output
    assert "0 added, 3 already stored" in again
    with Store.open(db) as store, store.engine.connect() as conn:
        urls = {r[0] for r in conn.exec_driver_sql("SELECT url FROM articles")}
    assert urls == {f"{base}/news/{r['id']}.html" for r in reports[:3]}


def test_watch_once_polls_the_sources_file_and_remembers_what_it_saw(
    runner: CliRunner, tmp_path: Path, reports: list[dict]
) -> None:
    db = str(tmp_path / "cw.db")
    with _Site(reports[:4]) as base:
        sources = tmp_path / "sources.yaml"
        sources.write_text(
            f"- name: Sahel Wire\n  kind: feed\n  url: {base}/feed.xml\n  interval: 15m\n"
            "  allow_private: true\n",
            encoding="utf-8",
        )
        first = runner.invoke(main, ["watch", str(sources), "--once", "--db", db])
        assert first.exit_code == 0, first.output
        second = runner.invoke(main, ["watch", str(sources), "--once", "--db", db])
    assert "4 article(s) added" in first.output
    assert "0 article(s) added" in second.output
    assert len(_snapshot(db)["articles"]) == 4  # type: ignore[arg-type]


def _ingest_in_child(db: str, source: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "conflictwatch", "ingest", "--db", db, source],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def _articles_stored(db: str) -> int:
    if not Path(db).exists():
        return 0
    engine = sa.create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() or 0)
    except sa.exc.OperationalError:
        return 0
    finally:
        engine.dispose()


@pytest.mark.slow
def test_a_killed_ingest_then_a_restart_stores_every_article_exactly_once(
    runner: CliRunner, tmp_path: Path
) -> None:
    everything = _editions(200)
    source = str(_jsonl(tmp_path / "all.jsonl", everything))
    clean = str(tmp_path / "clean.db")
    _ingest(runner, clean, source)
    killed = str(tmp_path / "killed.db")
    child = _ingest_in_child(killed, source)
    deadline = time.monotonic() + 120
    while _articles_stored(killed) < 5 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=60)
    assert _articles_stored(killed) < len(everything), "the ingest finished before the kill"
    partial = _snapshot(killed)
    assert partial["orphans"] == 0
    _ingest(runner, killed, source)
    assert _snapshot(killed) == _snapshot(clean)


@pytest.mark.slow
def test_ctrl_c_stops_an_ingest_cleanly_between_articles(tmp_path: Path) -> None:
    everything = _editions(200)
    source = str(_jsonl(tmp_path / "all.jsonl", everything))
    db = str(tmp_path / "cw.db")
    child = _ingest_in_child(db, source)
    deadline = time.monotonic() + 120
    while _articles_stored(db) < 3 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 0, err.decode()
    assert b"Stopping after the current article" in err
    assert _snapshot(db)["orphans"] == 0
