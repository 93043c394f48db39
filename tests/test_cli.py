"""Every command runs, says what it did, and fails with a clear message on bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conflictwatch.cli import main
from conflictwatch.store import Store
from conflictwatch.store.migrations import LATEST
from tests.factories import make_event
from tests.test_docs import _commands


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    with Store.open(path) as store:
        store.add_events(
            [
                make_event(1, location="Ménaka", admin1="Ménaka", latitude=15.92, longitude=2.40),
                make_event(
                    2,
                    country="Niger",
                    admin1="Tillabéri",
                    location="Inates",
                    latitude=15.2,
                    longitude=1.5,
                    notes="Camp attacked at Inates.",
                ),
            ]
        )
    return path


@pytest.mark.parametrize("command", ["", *_commands(main)])
def test_every_command_has_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [*command.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_init_creates_then_reports_up_to_date(runner: CliRunner, tmp_path: Path) -> None:
    path = str(tmp_path / "new.db")
    first = runner.invoke(main, ["init", "--db", path])
    assert first.exit_code == 0 and f"migrated to schema version {LATEST}" in first.output
    second = runner.invoke(main, ["init", "--db", path])
    assert second.exit_code == 0 and "up to date" in second.output


def test_db_defaults_to_the_environment(runner: CliRunner, db: str) -> None:
    result = runner.invoke(main, ["stats", "--json"], env={"CONFLICTWATCH_DATABASE_URL": db})
    assert json.loads(result.output)["events"] == 2


def test_stats_json_has_the_documented_keys(runner: CliRunner, db: str) -> None:
    result = runner.invoke(main, ["stats", "--json", "--db", db])
    stats = json.loads(result.output)
    assert {"events", "by_year", "by_event_type", "by_admin1"} <= stats.keys()
    assert stats["by_admin1"] == {"Ménaka": 1, "Tillabéri": 1}


def test_events_lists_filtered_events_as_json_lines(runner: CliRunner, db: str) -> None:
    result = runner.invoke(main, ["events", "--db", db, "--country", "Niger", "--json"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["location"] for r in rows] == ["Inates"]


def test_events_table_on_a_terminal(runner: CliRunner, db: str) -> None:
    result = runner.invoke(main, ["events", "--db", db])
    assert result.exit_code == 0
    assert "Inates" in result.output and "2 event(s)" in result.output


def test_events_show_one_and_a_missing_one(runner: CliRunner, db: str) -> None:
    shown = runner.invoke(main, ["events", "show", "acled:TST2", "--json", "--db", db])
    assert json.loads(shown.output)["location"] == "Inates"
    missing = runner.invoke(main, ["events", "show", "acled:NOPE", "--db", db])
    assert missing.exit_code == 1
    assert "No event with id 'acled:NOPE'" in missing.output


def test_search_is_accent_insensitive(runner: CliRunner, db: str) -> None:
    result = runner.invoke(main, ["search", "menaka", "--json", "--db", db])
    assert [json.loads(x)["location"] for x in result.output.splitlines()] == ["Ménaka"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--bbox", "1,2,3"], "bbox must be four numbers"),
        (["events", "--since", "yesterday"], "is not a date"),
        (["events", "--type", "Skirmish"], "unknown event or sub-event type 'Skirmish'"),
        (["export", "xlsx", "out.xlsx"], "Can't find 'xlsx' in exporters. Available: csv, geojson"),
        (["import", "acled", "does-not-exist.csv"], "does not exist"),
        (["events", "--db", "ftp://host/db"], "Unsupported database URL scheme"),
    ],
)
def test_bad_options_get_a_clear_message(
    runner: CliRunner, db: str, args: list[str], message: str
) -> None:
    if "--db" not in args:
        args = [*args, "--db", db]
    result = runner.invoke(main, args)
    assert result.exit_code != 0
    assert message in result.output


@pytest.mark.parametrize("fmt", ["csv", "geojson", "parquet"])
def test_export_writes_each_format(runner: CliRunner, db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(main, ["export", fmt, str(out), "--db", db, "--country", "Mali"])
    assert result.exit_code == 0, result.output
    assert "Wrote 1 events" in result.output
    assert out.stat().st_size > 0


def test_the_main_group_is_a_click_group() -> None:
    assert isinstance(main, click.Group)


FIXTURES = Path(__file__).parent / "datasets" / "fixtures"


def test_import_ucdp_twice_reports_unchanged(
    runner: CliRunner, tmp_path: Path, shared_data: Path
) -> None:
    db = str(tmp_path / "u.db")
    sample = str(shared_data / "ucdp-ged" / "ucdpged_v23_1_sample1000.csv")
    first = runner.invoke(main, ["import", "ucdp", sample, "--db", db, "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["inserted"] == 1000
    second = runner.invoke(main, ["import", "ucdp", sample, "--db", db])
    assert "0 inserted, 0 updated, 1,000 unchanged, 0 rejected" in second.output


@pytest.mark.parametrize(
    ("reader", "fixture", "bad"),
    [
        ("acled", "acled_current.csv", 0),
        ("acled", "acled_old_upper.csv", 0),
        ("gdelt", "gdelt_events.tsv", 2),
        ("ucdp", "ucdp_ged.csv", 0),
    ],
)
def test_each_dataset_imports_from_the_command_line(
    runner: CliRunner, tmp_path: Path, reader: str, fixture: str, bad: int
) -> None:
    db = str(tmp_path / "d.db")
    rejects = tmp_path / "rejects.csv"
    result = runner.invoke(
        main,
        [
            "import",
            reader,
            str(FIXTURES / fixture),
            "--db",
            db,
            "--json",
            "--skip-bad",
            "--rejects",
            str(rejects),
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["inserted"] > 0 and report["rejected"] == bad
    assert (rejects.read_text(encoding="utf-8") != "") == bool(bad)
    with Store.open(db) as store:
        assert store.count() == report["inserted"]


def test_a_broken_file_is_refused_with_its_line(runner: CliRunner, tmp_path: Path) -> None:
    lines = (FIXTURES / "acled_current.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = next(csv.reader([lines[1]]))
    cells[header.index("latitude")] = "95.5"
    broken = tmp_path / "broken.csv"
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerow(cells)
    broken.write_text(out.getvalue(), encoding="utf-8")
    db = str(tmp_path / "b.db")
    result = runner.invoke(main, ["import", "acled", str(broken), "--db", db])
    assert result.exit_code == 1
    assert "line 2, field 'latitude', value '95.5'" in result.output
    assert "nothing was imported" in result.output
    with Store.open(db) as store:
        assert store.count() == 0
