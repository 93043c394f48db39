"""Scoring resolution against gold reports, in both modes, through the library and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from conflictwatch.cli import main
from conflictwatch.cli.resolution import read_gold
from conflictwatch.resolve import ActorIndex
from conflictwatch.resolve.evaluate import evaluate_gold_mentions, truth_label

GOLD = Path(__file__).parent / "gold" / "reports.jsonl"


def test_gold_mentions_are_resolved_into_the_gold_events(actors: ActorIndex) -> None:
    # the same ambush in English and French, two coordinated sites, a protest the same day
    result = evaluate_gold_mentions(read_gold(GOLD), actors)
    assert (result["mentions"], result["gold_events"]) == (7, 5)
    assert result["bcubed"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert result["split_gold_events"] == [] and result["merged_events"] == []


def test_a_gold_event_without_a_cluster_is_its_own() -> None:
    reports = read_gold(GOLD)
    menaka = next(r for r in reports if r.article.id == "fx-en-menaka")
    assert truth_label(menaka, 0) == "fx-en-menaka#0"
    assert truth_label(reports[0], 0) == "boni-ambush"


def test_eval_resolve_prints_both_modes(tmp_path: Path) -> None:
    db = str(tmp_path / "eval.db")
    result = CliRunner().invoke(main, ["eval", "resolve", str(GOLD), "--json", "--db", db])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["reports"] == 6
    assert report["gold_mentions"]["bcubed"]["f1"] == 1.0
    e2e = report["end_to_end"]
    assert e2e["aligned"] + e2e["unaligned_extracted"] == e2e["extracted"]
    assert e2e["aligned"] + e2e["gold_mentions_missed"] == e2e["gold_mentions"] == 7
    assert 0.0 <= e2e["bcubed"]["f1"] <= 1.0


def test_eval_resolve_table_and_a_bad_gold_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "resolve", str(GOLD), "--mode", "gold"])
    assert result.exit_code == 0 and "gold mentions" in result.output and "1.000" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "t", "events": []}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "resolve", str(bad), "--mode", "gold"])
    assert result.exit_code == 1 and "line 2" in result.output and "not JSON" in result.output
