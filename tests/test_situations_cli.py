"""Analysts record sieges and blockades by hand; the tracker merges them with what events show."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from conflictwatch.cli import main
from conflictwatch.errors import NotFound
from conflictwatch.model import Situation, SituationKind
from conflictwatch.store import Store
from conflictwatch.store.situations import (
    articles_of_events,
    delete_situation,
    save_situation,
    stored_situations,
)
from tests.factories import make_event

BLOCKADE = Situation(
    id="manual:blockade:timbuktu", kind=SituationKind.BLOCKADE, location="Timbuktu",
    start=dt.date(2023, 8, 8), actor="JNIM: Group for Support of Islam and Muslims",
    country="Mali", notes="Announced by JNIM in early August 2023.",
)  # fmt: skip


def test_entries_round_trip_and_replace_by_id(fresh_store: Store) -> None:
    save_situation(fresh_store, BLOCKADE)
    save_situation(fresh_store, Situation("other", SituationKind.SIEGE, "Djibo", dt.date(2022, 2, 1),
                                          country="Burkina Faso"))  # fmt: skip
    assert stored_situations(fresh_store, "Mali") == (BLOCKADE,)
    ended = Situation(**{**BLOCKADE.__dict__, "end": dt.date(2024, 1, 10)})
    save_situation(fresh_store, ended)
    assert stored_situations(fresh_store, "Mali") == (ended,)
    assert len(stored_situations(fresh_store)) == 2


def test_removing_an_unknown_entry_says_how_to_find_the_ids(fresh_store: Store) -> None:
    with pytest.raises(NotFound, match="conflictwatch situations"):
        delete_situation(fresh_store, "nope")


def test_events_from_coded_datasets_have_no_articles(fresh_store: Store) -> None:
    fresh_store.add_events([make_event(1)])
    assert articles_of_events(fresh_store, [make_event(1).id]) == {}


def test_the_cli_lists_derived_and_manual_situations(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "s.db")
    with Store.open(db) as store:
        store.add_events([
            make_event(1, location="Menaka", event_date=dt.date(2023, 3, 1), tags=("siege",)),
            make_event(2, location="Menaka", event_date=dt.date(2023, 4, 2), tags=("siege",)),
            make_event(3, location="Timbuktu", event_date=dt.date(2023, 9, 1),
                       notes="Fighters enforcing the blockade of Timbuktu shelled the port."),
            make_event(4, location="Gao", notes="Gunmen stormed the siège of the regional council."),
        ])  # fmt: skip
    runner = CliRunner()
    added = runner.invoke(main, ["situations", "add", "--db", db, "--kind", "blockade",
                                 "--location", "Timbuktu", "--since", "2023-08-08",
                                 "--country", "Mali", "--actor", "JNIM"])  # fmt: skip
    assert added.exit_code == 0, added.output
    listed = runner.invoke(main, ["situations", "list", "--db", db, "--as-of", "2023-09-30",
                                  "--json"])  # fmt: skip
    rows = {r["location"]: r for r in map(json.loads, listed.output.splitlines())}
    assert set(rows) == {"Menaka", "Timbuktu"}  # the council's "siège" is not a siege
    assert rows["Timbuktu"]["from"] == "derived+manual"
    assert (rows["Timbuktu"]["since"], rows["Timbuktu"]["actor"]) == ("2023-08-08", "JNIM")
    assert rows["Menaka"]["kind"] == "siege" and rows["Menaka"]["evidence_events"] == [
        make_event(1).id, make_event(2).id,
    ]  # fmt: skip
    table = runner.invoke(main, ["situations", "list", "--db", db, "--as-of", "2023-09-30"])
    assert table.exit_code == 0 and table.output.count("\n") > 4  # a table (its width varies)
    removed = runner.invoke(main, ["situations", "remove", "--db", db,
                                   "manual:blockade:mali-timbuktu"])  # fmt: skip
    assert removed.exit_code == 0, removed.output
