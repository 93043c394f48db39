"""The held-out sets kept with the corpus (corpus/sahel/heldout) are well-formed gold files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conflictwatch.knowledge import load_pack
from conflictwatch.taxonomy import EventType, SubEventType

HELDOUT = Path(__file__).resolve().parents[1] / "corpus" / "sahel" / "heldout"
SETS = sorted(HELDOUT.glob("set*.jsonl"))
#: Sets only ever scored: their errors are not read (see the README).
SEALED = sorted((HELDOUT / "sealed").glob("set*.jsonl"))
EVENT_KEYS = {"event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
              "latitude", "longitude", "fatalities"}  # fmt: skip


def _reports(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_the_sets_are_there_and_documented() -> None:
    assert sorted(int(p.stem.removeprefix("set")) for p in SETS) == [
        *range(7, 14),
        15,
        25,
        26,
        28,
        30,
        32,
        34,
        36,
        38,
    ]
    assert sorted(int(p.stem.removeprefix("set")) for p in SEALED) == [
        14,
        16,
        17,
        18,
        19,
        20,
        21,
        22,
        23,
        24,
        27,
        29,
        31,
        33,
        35,
        37,
        39,
    ]
    readme = (HELDOUT / "README.md").read_text(encoding="utf-8")
    assert all(p.name in readme for p in (*SETS, *SEALED))
    assert "no longer blind" in readme and "sealed" in readme


@pytest.mark.parametrize("path", [*SETS, *SEALED], ids=lambda p: p.name)
def test_every_event_is_coded_with_the_taxonomy_and_the_pack_s_actors(path: Path) -> None:
    pack = load_pack("sahel")
    reports = _reports(path)
    assert len(reports) == 40 and len({r["id"] for r in reports}) == 40
    for report in reports:
        published = dt.date.fromisoformat(report["published"][:10])
        assert report["language"] in ("en", "fr") and report["text"].strip()
        for event in report["events"]:
            assert set(event) >= EVENT_KEYS, (report["id"], EVENT_KEYS - set(event))
            sub = SubEventType(event["sub_event_type"])
            assert sub.event_type is EventType(event["event_type"]), report["id"]
            assert dt.date.fromisoformat(event["event_date"]) <= published, report["id"]
            assert 4.0 <= event["latitude"] <= 25.0 and -13.0 <= event["longitude"] <= 16.0
            assert isinstance(event["fatalities"], int) and event["fatalities"] >= 0
            for name in (event["actor1"], event["actor2"]):
                assert not name or pack.actor_for(name) is not None, (report["id"], name)
