"""``conflictwatch brief`` end to end: the demo dataset, a UCDP GED file alone, bad options."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictwatch.cli import main
from tests.conftest import ROOT

SAMPLE = ROOT / "demo" / "sample-events.csv"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_brief_from_the_acled_style_demo_dataset(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    assert _run("import", "acled", str(SAMPLE), "--db", db)[0] == 0
    out, facts = tmp_path / "brief.html", tmp_path / "facts.json"
    code, output = _run("brief", "--db", db, "--out", str(out), "--facts", str(facts))
    assert code == 0, output
    rows = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
    busiest = Counter(r["country"] for r in rows).most_common(1)[0][0]
    assert f"{busiest} is the country with most events" in output
    data = json.loads(facts.read_text(encoding="utf-8"))
    assert data["country"] == busiest
    last = max(r["event_date"] for r in rows if r["country"] == busiest)
    assert data["period"]["end"] == last
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_brief_to_markdown_with_a_period(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    _run("import", "acled", str(SAMPLE), "--db", db)
    out = tmp_path / "brief.md"
    code, output = _run(
        "brief", "--db", db, "--country", "Mali", "--since", "2022-01-01", "--until", "2024-12-31",
        "--out", str(out),
    )  # fmt: skip
    assert code == 0, output
    assert "Mali, 2022-01-01 to 2024-12-31" in output
    assert "## Key Takeaways" in out.read_text(encoding="utf-8")
    assert (tmp_path / "brief-map.png").exists()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--out", "{tmp}/brief.txt"], 2, "must end in .html, .md or .pdf"),
        (["--out", "{tmp}/b.html", "--country", "Narnia"], 1, "No events for country 'Narnia'"),
        (["--out", "{tmp}/b.html", "--since", "2024-13-01"], 2, "is not a date"),
        (
            ["--out", "{tmp}/b.html", "--since", "2024-06-01", "--until", "2024-01-01"],
            1,
            "is before",
        ),
        (["--out", "{tmp}/missing/b.html"], 1, "does not exist"),
    ],
)
def test_bad_options_say_what_is_wrong(
    tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    db = str(tmp_path / "demo.db")
    _run("import", "acled", str(SAMPLE), "--db", db)
    args = [a.format(tmp=tmp_path) for a in args]
    result = CliRunner().invoke(main, ["brief", "--db", db, *args])
    assert result.exit_code == code
    assert message in result.output


def test_brief_from_a_ucdp_ged_file_alone(shared_data: Path, tmp_path: Path) -> None:
    ged = shared_data / "ucdp-ged"
    files = sorted(ged.glob("*.csv")) if ged.is_dir() else []
    if not files:
        pytest.skip(f"no UCDP GED sample in {ged}")
    db = str(tmp_path / "ucdp.db")
    code, output = _run("import", "ucdp", str(files[0]), "--db", db)
    assert code == 0, output
    out, facts = tmp_path / "ucdp.html", tmp_path / "ucdp.json"
    code, output = _run("brief", "--db", db, "--out", str(out), "--facts", str(facts))
    assert code == 0, output
    rows = list(csv.DictReader(files[0].open(encoding="utf-8")))
    busiest = Counter(r["country"] for r in rows).most_common(1)[0][0]
    data = json.loads(facts.read_text(encoding="utf-8"))
    assert data["country"] == busiest
    by_id = {f["id"]: f for f in data["facts"]}
    in_period = [
        r for r in rows
        if r["country"] == busiest
        and data["period"]["start"] <= r["date_start"] <= data["period"]["end"]
    ]  # fmt: skip
    assert by_id["events.period"]["value"] == len(in_period)
    assert by_id["coverage.extracted-share"]["value"] == 0
    # Coded data alone still gets a capital (from GeoNames) and dataset citations.
    assert "distance.median" in by_id
    assert data["citations"] and all(c["dataset"] == "ucdp" for c in data["citations"])
    assert all(c["dataset_id"] for c in data["citations"])


def test_a_since_after_the_record_says_where_it_ends(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    _run("import", "acled", str(SAMPLE), "--db", db)
    code, output = _run(
        "brief", "--db", db, "--country", "Mali", "--since", "2030-01-01",
        "--out", str(tmp_path / "b.html"),
    )  # fmt: skip
    assert code == 1
    assert "its record ends on" in output
