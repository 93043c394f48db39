"""On PostgreSQL an import goes through COPY and a staging table, and stores what SQLite stores."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from conflictwatch.errors import ImportRejected
from conflictwatch.sources.datasets.synthetic import write_acled_csv
from conflictwatch.store import Store
from conflictwatch.store.importing import ImportOptions, import_dataset
from conflictwatch.store.schema import events

pytest.importorskip("pyarrow")


def _keys_in_order(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return list(conn.execute(sa.select(events.c.id).order_by(events.c.pk)).scalars())


@pytest.mark.parametrize("columnar", [False, True], ids=["rows", "columns"])
def test_new_and_changed_rows_reach_postgresql_as_they_reach_sqlite(
    postgres_url: str, tmp_path: Path, columnar: bool
) -> None:
    older = write_acled_csv(tmp_path / "older.csv", 100, seed=5)  # the same ids, other cells
    newer = write_acled_csv(tmp_path / "newer.csv", 300, seed=3)
    options = ImportOptions(columnar=columnar, aside=False)
    with Store.open(postgres_url) as pg, Store.open(str(tmp_path / "s.db")) as lite:
        reports = []
        for store in (pg, lite):
            import_dataset(store, "acled", older, options)
            reports.append(import_dataset(store, "acled", newer, options).as_dict())
            again = import_dataset(store, "acled", newer, options)
            assert (again.inserted, again.updated, again.unchanged) == (0, 0, 300)
        assert reports[0]["inserted"] == 200 and reports[0]["updated"] == 100
        assert reports[0] == reports[1]
        assert list(pg.events()) == list(lite.events())
        assert _keys_in_order(pg) == _keys_in_order(lite)  # new events keyed in file order
        for words in ("segou", "Tillabéri", "record 12", "isla*"):
            found = [e.id for e in pg.search(words, limit=500)]
            assert found and found == [e.id for e in lite.search(words, limit=500)], words


def test_a_refused_file_leaves_postgresql_as_it_was(postgres_url: str, tmp_path: Path) -> None:
    good = write_acled_csv(tmp_path / "good.csv", 50, seed=5)
    bad = write_acled_csv(tmp_path / "bad.csv", 80, seed=3)
    text = bad.read_text(encoding="utf-8").replace(",2021-", ",2021-13-", 1)
    bad.write_text(text, encoding="utf-8")
    with Store.open(postgres_url) as store:
        import_dataset(store, "acled", good)
        before = list(store.events())
        with pytest.raises(ImportRejected):
            import_dataset(store, "acled", bad, ImportOptions(columnar=True))
        assert list(store.events()) == before
        # the staging table went with the transaction: the next import makes its own
        assert import_dataset(store, "acled", bad, ImportOptions(skip_bad=True)).rejected == 1
