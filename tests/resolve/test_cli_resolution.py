"""`events show` explains an event; `events merge` and `events split` correct it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictwatch.cli import main
from conflictwatch.model import Evidence
from conflictwatch.resolve import Resolver
from conflictwatch.store import Store
from conflictwatch.store.resolution import event_history, ingest_article

from .conftest import ISSP, mention
from .test_store_resolution import article


@pytest.fixture
def db(tmp_path: Path, resolver: Resolver) -> tuple[str, str, str]:
    path = str(tmp_path / "cli.db")
    with Store.open(path) as store:
        boni = ingest_article(
            store,
            article("r1"),
            [
                mention(
                    "r1#1",
                    fatalities=4,
                    evidence=(Evidence("fatalities", "four soldiers were killed"),),
                )
            ],
            resolver=resolver,
        ).created[0]
        ingest_article(store, article("r2"), [mention("r2#1", fatalities=6)], resolver=resolver)
        tessit = ingest_article(
            store,
            article("r3", text="Clash at Tessit."),
            [mention("r3#1", actor1=ISSP, location="Tessit", latitude=15.93, longitude=0.3)],
            resolver=resolver,
        ).created[0]
    return path, boni, tessit


def test_events_show_lists_mentions_scores_reasons_quotes_and_history(
    db: tuple[str, str, str],
) -> None:
    path, boni, _ = db
    result = CliRunner().invoke(main, ["events", "show", boni, "--db", path])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Mention r1#1 — Outlet r1" in out and "Mention r2#1 — Outlet r2" in out
    assert "joined (score" in out and "same armed actor" in out
    assert '"four soldiers were killed"' in out
    assert "History" in out and "created by resolver r1#1" in out


def test_events_show_json_carries_mentions_and_history(db: tuple[str, str, str]) -> None:
    path, boni, _ = db
    shown = json.loads(
        CliRunner().invoke(main, ["events", "show", boni, "--json", "--db", path]).output
    )
    assert [m["id"] for m in shown["mentions"]] == ["r1#1", "r2#1"]
    assert shown["mentions"][1]["decision"]["action"] == "joined"
    assert [h["action"] for h in shown["history"]] == ["created", "joined"]
    assert (shown["fatalities_low"], shown["fatalities_high"]) == (4, 6)


def test_merge_then_split_from_the_command_line(db: tuple[str, str, str]) -> None:
    path, boni, tessit = db
    runner = CliRunner()
    merged = runner.invoke(main, ["events", "merge", boni, tessit, "--by", "Aminata", "--db", path])
    assert merged.exit_code == 0, merged.output
    assert f"Merged {tessit} into {boni}" in merged.output
    split = runner.invoke(main, ["events", "split", boni, "--mentions", "r3#1", "--db", path])
    assert split.exit_code == 0, split.output
    new_id = split.output.strip().split()[-1]
    with Store.open(path) as store:
        assert store.get_event(new_id).location == "Tessit"
        assert [h.by for h in event_history(store, boni)][-2:] == ["Aminata", "analyst"]


def test_corrections_report_what_was_wrong(db: tuple[str, str, str]) -> None:
    path, boni, _ = db
    runner = CliRunner()
    missing = runner.invoke(main, ["events", "merge", boni, "cw-000000000000", "--db", path])
    assert missing.exit_code == 1 and "No event with id 'cw-000000000000'" in missing.output
    wrong = runner.invoke(main, ["events", "split", boni, "--mentions", "zz", "--db", path])
    assert wrong.exit_code == 1 and "its mentions are: r1#1, r2#1" in wrong.output
