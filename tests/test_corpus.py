"""The sample corpus (corpus/sahel/reports.jsonl) is well-formed: it is both demo input and a gold set.

These checks are about the file's integrity, not about extraction quality: every line parses, carries
the documented keys, and its gold events use the ACLED taxonomy with plausible values.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conflictwatch.taxonomy import EventType, SubEventType

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "sahel" / "reports.jsonl"
README = CORPUS.with_name("README.md")

REPORT_KEYS = {"id", "title", "outlet", "published", "language", "text", "events", "notes"}
EVENT_KEYS = {
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "time_precision",
    "geo_precision",
    "tags",
    "outcome",
    "cluster",
}
# A generous box around Mali, Burkina Faso and Niger.
LAT_RANGE = (4.0, 25.0)
LON_RANGE = (-13.0, 16.0)


def _load() -> list[tuple[int, dict]]:
    rows = []
    with CORPUS.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                rows.append((number, json.loads(line)))
    return rows


REPORTS = _load()
EVENTS = [
    (report["id"], index, event)
    for _, report in REPORTS
    for index, event in enumerate(report["events"])
]


def _published(report: dict) -> dt.datetime:
    return dt.datetime.fromisoformat(report["published"].replace("Z", "+00:00"))


def test_every_line_is_a_json_object():
    with CORPUS.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            assert line.strip(), f"line {number} is blank"
            assert isinstance(json.loads(line), dict), f"line {number} is not a JSON object"


def test_size_and_language_mix():
    languages = [report["language"] for _, report in REPORTS]
    assert len(REPORTS) >= 66
    assert set(languages) <= {"en", "fr"}
    assert languages.count("fr") >= 24
    assert languages.count("en") >= 24


def test_enough_reports_without_events_in_both_languages():
    empty = [report for _, report in REPORTS if not report["events"]]
    assert len(empty) >= 8
    assert {report["language"] for report in empty} == {"en", "fr"}


def test_ids_are_unique():
    ids = [report["id"] for _, report in REPORTS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("line", "report"), REPORTS, ids=[r["id"] for _, r in REPORTS])
def test_report_shape(line: int, report: dict):
    assert set(report) == REPORT_KEYS, f"line {line}: keys {sorted(set(report) ^ REPORT_KEYS)}"
    assert report["id"].startswith(report["language"] + "-"), (
        f"line {line}: id should start with language"
    )
    assert report["title"].strip() and report["notes"].strip() and report["outlet"].strip()
    assert report["published"].endswith("Z")
    _published(report)  # parses
    words = len(report["text"].split())
    assert 150 <= words <= 400, f"line {line} ({report['id']}): {words} words"
    assert isinstance(report["events"], list)


@pytest.mark.parametrize(
    ("report_id", "index", "event"), EVENTS, ids=[f"{r}#{i}" for r, i, _ in EVENTS]
)
def test_event_is_coded_with_the_acled_taxonomy(report_id: str, index: int, event: dict):
    where = f"{report_id} event {index}"
    assert set(event) == EVENT_KEYS, f"{where}: keys {sorted(set(event) ^ EVENT_KEYS)}"
    event_type = EventType.from_label(event["event_type"])
    sub = SubEventType.from_label(event["sub_event_type"])
    assert event_type.value == event["event_type"], f"{where}: use the exact ACLED label"
    assert sub.value == event["sub_event_type"], f"{where}: use the exact ACLED label"
    assert sub.event_type is event_type, (
        f"{where}: {sub.value!r} is not a kind of {event_type.value!r}"
    )
    assert isinstance(event["actor1"], str) and event["actor1"].strip(), (
        f"{where}: actor1 is required"
    )
    assert isinstance(event["actor2"], str)
    assert event["location"].strip()
    assert isinstance(event["tags"], list) and all(isinstance(t, str) for t in event["tags"])
    assert event["outcome"] is None or isinstance(event["outcome"], str)
    assert isinstance(event["cluster"], str) and event["cluster"].strip(), (
        f"{where}: every gold event needs a cluster (the real-world event it reports)"
    )


@pytest.mark.parametrize(
    ("report_id", "index", "event"), EVENTS, ids=[f"{r}#{i}" for r, i, _ in EVENTS]
)
def test_event_values_are_plausible(report_id: str, index: int, event: dict):
    where = f"{report_id} event {index}"
    report = next(r for _, r in REPORTS if r["id"] == report_id)
    assert dt.date.fromisoformat(event["event_date"]) <= _published(report).date(), (
        f"{where}: after publication"
    )
    assert LAT_RANGE[0] <= event["latitude"] <= LAT_RANGE[1], f"{where}: latitude outside the Sahel"
    assert LON_RANGE[0] <= event["longitude"] <= LON_RANGE[1], (
        f"{where}: longitude outside the Sahel"
    )
    fatalities = event["fatalities"]
    assert isinstance(fatalities, int) and not isinstance(fatalities, bool) and fatalities >= 0, (
        where
    )
    assert event["time_precision"] in (1, 2, 3), where
    assert event["geo_precision"] in (1, 2, 3), where


def test_readme_lists_every_actor_used():
    readme = README.read_text(encoding="utf-8")
    actors = {e[a] for _, _, e in EVENTS for a in ("actor1", "actor2") if e[a]}
    missing = sorted(a for a in actors if f"`{a}`" not in readme)
    assert not missing, f"add to the canonical actor list in {README.name}: {missing}"
