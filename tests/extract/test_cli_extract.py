"""`conflictwatch extract` and the `eval` commands, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictwatch.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "sahel" / "reports.jsonl"


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(
        "\n".join([
            json.dumps({"id": "a", "text": "Suspected jihadists killed 12 soldiers near Boni on "
                        "Tuesday.", "published": "2024-09-18", "language": "en"}),
            "this line is not JSON",
            json.dumps({"id": "b", "text": "Des hommes armés ont tué cinq civils mardi à Mopti.",
                        "published": "2024-09-18"}),
            json.dumps({"id": "c", "published": "2024-09-18"}),
        ]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    return path


def test_extract_writes_one_object_per_article_and_names_skipped_lines(
    reports: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["extract", str(reports), "--output", str(out), "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 0, result.output
    assert f"Skipped {reports}:2: not a JSON object" in result.output
    assert f"Skipped {reports}:4: missing or empty field 'text'" in result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[1]["language"] == "fr"
    event = rows[0]["events"][0]
    for key in ("event_date", "event_type", "sub_event_type", "disorder_type", "actor1", "actor2",
                "location", "latitude", "longitude", "admin1", "geo_precision", "time_precision",
                "fatalities", "fatalities_low", "fatalities_high", "outcome", "tags", "confidence",
                "evidence"):  # fmt: skip
        assert key in event
    assert event["fatalities"] == 12 and event["evidence"]["fatalities"][0]["quote"]


def test_a_text_file_takes_its_date_from_published(tmp_path: Path) -> None:
    text = tmp_path / "report.txt"
    text.write_text("Gunmen killed four villagers near Mopti on Sunday.", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["extract", str(text), "--published", "2024-09-18", "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout.splitlines()[0])
    assert row["events"][0]["event_date"] == "2024-09-15"


def test_workers_give_the_same_output_as_a_serial_run(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    serial, parallel = tmp_path / "serial.jsonl", tmp_path / "parallel.jsonl"
    runner = CliRunner()
    assert (
        runner.invoke(main, ["extract", str(CORPUS), "-o", str(serial), "--db", db]).exit_code == 0
    )
    result = runner.invoke(main, ["extract", str(CORPUS), "-o", str(parallel), "--db", db,
                                  "--workers", "2"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert parallel.read_text(encoding="utf-8") == serial.read_text(encoding="utf-8")


def test_eval_events_reports_scores_by_language(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["eval", "events", str(CORPUS), "--json", "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    for key in (
        "precision",
        "recall",
        "f1",
        "sub_event_type_accuracy",
        "actor1_accuracy",
        "location_25km_accuracy",
        "date_exact_accuracy",
        "fatalities_exact_accuracy",
    ):
        assert 0.0 <= report[key] <= 1.0  # fmt: skip
    assert set(report["by_language"]) == {"en", "fr"}
    assert report["gold_events"] >= 60


def test_eval_events_lists_what_differed_per_article(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    event = {"event_date": "2024-09-17", "event_type": "Violence against civilians",
             "sub_event_type": "Attack", "actor1": "Unidentified Armed Group (Mali)",
             "actor2": "Civilians (Mali)", "location": "Mopti", "latitude": 14.49,
             "longitude": -4.2, "fatalities": 5}  # fmt: skip
    riot = {**event, "event_type": "Riots", "sub_event_type": "Violent demonstration"}
    record = {"id": "a1", "published": "2024-09-18", "language": "en", "events": [event, riot],
              "text": "Gunmen killed five civilians in Mopti on Tuesday, residents said."}  # fmt: skip
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(main, ["eval", "events", str(gold), "--json", "--errors",
                                       str(errors), "--db", str(tmp_path / "s.db")])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["gold_events"] == 2
    (listed,) = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert listed["id"] == "a1"
    assert [e["event_type"] for e in listed["missed"]] == ["Riots"]


def test_eval_events_names_the_line_of_a_bad_gold_record(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a1", "text": "x", "published": "2024-01-01"}\n{"id": "a2"}\n',
                    encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(main, ["eval", "events", str(gold), "--db", str(tmp_path / "s.db")])
    assert result.exit_code != 0
    assert "gold.jsonl" in result.output and "line 2" in result.output


def test_eval_nonevents_counts_flagged_articles(tmp_path: Path) -> None:
    path = tmp_path / "press.csv"
    path.write_text(
        "id,text\n1,Le prix du riz a augmenté à Bamako.\n"
        '2,"Des hommes armés ont tué cinq civils mardi à Mopti, selon des sources locales."\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["eval", "nonevents", str(path), "--json", "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["articles"], report["with_events"]) == (2, 1)
    assert report["flagged"][0]["id"] == "2"


def test_french_non_event_press_is_rarely_flagged(shared_data: Path, tmp_path: Path) -> None:
    path = shared_data / "news" / "french-westafrica-press-foodsec.csv"
    result = CliRunner().invoke(
        main, ["eval", "nonevents", str(path), "--lang", "fr", "--json", "--db",
               str(tmp_path / "s.db")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["share"] <= 0.05
