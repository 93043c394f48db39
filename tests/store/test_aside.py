"""A first large import into an empty SQLite store is built beside it and renamed into place.

Built aside or in place, the store ends with the same rows, the same search results and the same
report; a killed build leaves the store as it was; and a store someone else has open, or one
that already holds events, is imported in place.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from conflictwatch.errors import ImportRejected
from conflictwatch.model import Article
from conflictwatch.sources.datasets.synthetic import write_acled_csv
from conflictwatch.store import Store, importing
from conflictwatch.store.aside import SUFFIX
from conflictwatch.store.importing import ImportOptions, import_dataset
from conflictwatch.store.schema import events, imports

ASIDE = ImportOptions(aside=True)
IN_PLACE = ImportOptions(aside=False)


def _rows(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(events).order_by(events.c.pk)).mappings()]


def _inode(db: Path) -> int:
    return db.stat().st_ino


def _article() -> Article:
    return Article(id="a1", text="Fighting was reported near Ménaka on Tuesday.", title="Ménaka")


@pytest.fixture
def acled_file(tmp_path: Path) -> Path:
    return write_acled_csv(tmp_path / "acled.csv", 400, seed=3)


def test_built_aside_the_store_holds_what_an_import_in_place_holds(
    tmp_path: Path, acled_file: Path
) -> None:
    in_place, aside = tmp_path / "in-place.db", tmp_path / "aside.db"
    with Store.open(str(in_place)) as a, Store.open(str(aside)) as b:
        a.add_article(_article())
        b.add_article(_article())
        first = _inode(aside)
        report_a = import_dataset(a, "acled", acled_file, IN_PLACE)
        report_b = import_dataset(b, "acled", acled_file, ASIDE)
        assert _inode(in_place) != _inode(aside)
        assert _inode(aside) != first  # a new file took the store's place
        assert report_a.as_dict() | {"path": ""} == report_b.as_dict() | {"path": ""}
        assert _rows(a) == _rows(b)
        assert _fts_is_sound(b)
        assert b.stats() == a.stats()
        for words in ("segou", "Ségou", "tillaberi", "JNIM", "record 12", "isla*"):
            found = [e.id for e in b.search(words, limit=500)]
            assert found, words
            assert found == [e.id for e in a.search(words, limit=500)], words
        assert [x.id for x in b.search_articles("menaka")] == ["a1"]  # other tables came along
        with b.engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(imports)).scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert not aside.with_name(aside.name + SUFFIX).exists()


def test_a_store_built_aside_takes_later_imports_and_edits(
    tmp_path: Path, acled_file: Path
) -> None:
    db = tmp_path / "store.db"
    with Store.open(str(db)) as store:
        import_dataset(store, "acled", acled_file, ASIDE)
        again = import_dataset(store, "acled", acled_file, ASIDE)
        assert (again.inserted, again.unchanged) == (0, 400)
        store.delete_events(["acled:SYN1"])
        assert store.count() == 399
    with Store.open(str(db)) as store:
        assert store.count() == 399


def test_a_store_that_holds_events_is_imported_in_place(tmp_path: Path, acled_file: Path) -> None:
    db = tmp_path / "store.db"
    with Store.open(str(db)) as store:
        import_dataset(store, "acled", write_acled_csv(tmp_path / "small.csv", 10), IN_PLACE)
        before = _inode(db)
        import_dataset(store, "acled", acled_file, ASIDE)
        assert _inode(db) == before
        assert store.count() == 400


def test_a_store_open_elsewhere_is_imported_in_place(tmp_path: Path, acled_file: Path) -> None:
    db = tmp_path / "store.db"
    with Store.open(str(db)) as store:
        before = _inode(db)
        other = sqlite3.connect(db)  # a reader in another connection keeps the file open
        try:
            other.execute("SELECT count(*) FROM events").fetchone()
            report = import_dataset(store, "acled", acled_file, ASIDE)
            assert _inode(db) == before
            assert other.execute("SELECT count(*) FROM events").fetchone() == (400,)
        finally:
            other.close()
        assert report.inserted == 400


def test_a_refused_file_built_aside_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    bad = write_acled_csv(tmp_path / "bad.csv", 50)
    text = bad.read_text(encoding="utf-8").replace(",2021-", ",2021-13-", 1)
    bad.write_text(text, encoding="utf-8")
    with Store.open(str(db)) as store:
        store.add_article(_article())
        before = _inode(db)
        with pytest.raises(ImportRejected):
            import_dataset(store, "acled", bad, ASIDE)
        assert _inode(db) == before
        assert store.count() == 0
        assert [a.id for a in store.search_articles("menaka")] == ["a1"]
    assert not db.with_name(db.name + SUFFIX).exists()


def _fts_is_sound(store: Store) -> bool:
    """FTS5's own check that its index matches the events table, term by term."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')")
    return True


def test_a_bulk_load_finds_the_same_words_as_a_load_batch_by_batch(
    tmp_path: Path, acled_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bulk load indexes its new events for search once at the end; updated ones at once."""
    older = write_acled_csv(tmp_path / "older.csv", 10, seed=5)  # ids of the file, other cells
    found = []
    for bulk in (False, True):
        with Store.open(str(tmp_path / f"bulk-{bulk}.db")) as store:
            import_dataset(store, "acled", older, IN_PLACE)
            if bulk:  # as for a file much larger than the store
                monkeypatch.setattr(importing, "_BULK_MIN_ROWS", 0)
            report = import_dataset(store, "acled", acled_file, IN_PLACE)
            monkeypatch.undo()
            assert (report.inserted, report.updated) == (390, 10)
            assert _fts_is_sound(store)
            searches = [
                [e.id for e in store.search(words, limit=500)]
                for words in ("segou", "Tillabéri", "JNIM", "record 12", "isla*", "diffa")
            ]
            assert all(searches)
            found.append((_rows(store), searches))
    assert found[0] == found[1]


# -- killed while building ---------------------------------------------------------------------

ROWS = 60_000  # a file large enough that the CLI builds aside and is caught mid-build


def _wait_until_building(db: Path, child: subprocess.Popen[bytes], limit: float = 60) -> None:
    """Return once the new file beside the store has grown past its copied schema."""
    building = db.with_name(db.name + SUFFIX)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if building.exists() and building.stat().st_size > 4 << 20:
            return
        assert child.poll() is None, child.stderr.read() if child.stderr else b""
        time.sleep(0.02)
    pytest.fail("the import never started building the new store")


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_an_import_killed_while_building_aside_leaves_the_store_as_it_was(
    tmp_path: Path, sig: signal.Signals
) -> None:
    db = tmp_path / "killed.db"
    with Store.open(str(db)) as store:
        store.add_article(_article())
    big = write_acled_csv(tmp_path / "big.csv", ROWS, seed=11)
    child = subprocess.Popen(
        [sys.executable, "-m", "conflictwatch", "import", "acled", str(big), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_until_building(db, child)
    os.kill(child.pid, sig)
    assert child.wait(timeout=60) != 0
    with Store.open(str(db)) as store:
        assert store.count() == 0
        assert [a.id for a in store.search_articles("menaka")] == ["a1"]
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # and running it again completes the import, and clears the half-built file
        report = import_dataset(store, "acled", big)
        assert report.inserted == ROWS
    assert not db.with_name(db.name + SUFFIX).exists()
    with Store.open(str(db)) as store:
        assert store.count() == ROWS
        assert [a.id for a in store.search_articles("menaka")] == ["a1"]
        assert _fts_is_sound(store)
        assert len(store.search("synthetic record 59999")) == 1
