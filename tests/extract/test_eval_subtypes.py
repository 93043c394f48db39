"""``conflictwatch eval subtypes`` on a tiny file we wrote, and (if present) the CASE-2021 dev set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictwatch.cli.eval_subtypes import CASE_LABELS, read_case_tsv, subtypes_command
from conflictwatch.errors import InputError
from conflictwatch.extract.records import OtherClass
from conflictwatch.taxonomy import SubEventType

ROWS = [
    ("1", "A suicide bomber blew himself up at a checkpoint.", "SUIC_BOMB"),
    ("2", "Police fired tear gas to disperse the protesters.", "PROTEST_WITH_INTER"),
    ("3", "Gendarmes arrested five suspects in Mopti.", "ARREST"),
    ("4", "A strong earthquake shook the region.", "NATURAL_DISASTER"),
    ("5", "Soldiers and rebels clashed near the border.", "ARMED_CLASH"),
]


def _write(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = ["id\tEventSnippet\tSubType", *("\t".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_case_labels_cover_the_25_sub_types_and_five_other_classes() -> None:
    assert {v for v in CASE_LABELS.values() if isinstance(v, SubEventType)} == set(SubEventType)
    assert {v for v in CASE_LABELS.values() if isinstance(v, OtherClass)} == set(OtherClass)


def test_json_figures_on_a_tiny_file(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.tsv", ROWS)
    result = CliRunner().invoke(subtypes_command, [str(gold), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["n"] == 4  # the earthquake row is not an ACLED sub-event type
    assert data["accuracy"] == 1.0 and data["weighted_f1"] == 1.0 and data["macro_f1"] == 1.0
    assert data["method"] == "rules"


def test_table_output(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.tsv", ROWS)
    result = CliRunner().invoke(subtypes_command, [str(gold)])
    assert result.exit_code == 0, result.output
    assert "weighted F1" in result.output and "Suicide bomb" in result.output


def test_training_on_another_file(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.tsv", ROWS)
    train = _write(tmp_path / "train.tsv", ROWS * 3)
    result = CliRunner().invoke(subtypes_command, [str(gold), "--train", str(train), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["method"] == f"trained on {train}"


def test_an_unknown_label_names_line_and_value(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.tsv", [("1", "Something happened.", "BOMBING")])
    with pytest.raises(InputError, match="BOMBING") as caught:
        read_case_tsv(gold)
    assert caught.value.line == 2 and caught.value.field == "SubType"


def test_a_missing_column_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("id\ttext\n1\tx\n", encoding="utf-8")
    with pytest.raises(InputError, match="EventSnippet"):
        read_case_tsv(path)


# Measured figures (see docs/evaluation.md, third pass: rules 0.848, cross-validated 0.786);
# these guard against regressions. The product floor is 0.80 weighted F1: the rules reach it, the
# cross-validated reranker does not yet.
RULES_FLOOR = 0.83
CROSS_VALIDATED_FLOOR = 0.77
PRODUCT_FLOOR = 0.80


def _dev(shared_data: Path) -> Path:
    path = shared_data / "case2021-task2" / "dev.tsv"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return path


def test_rules_only_on_case_dev(shared_data: Path) -> None:
    dev = _dev(shared_data)
    result = CliRunner().invoke(subtypes_command, [str(dev), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["n"] > 200 and data["weighted_f1"] >= RULES_FLOOR


def test_cross_validated_model_on_case_dev(shared_data: Path) -> None:
    dev = _dev(shared_data)
    result = CliRunner().invoke(subtypes_command, [str(dev), "--train", str(dev), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["method"] == "cross-validated (10 folds, seed 0)"
    assert data["weighted_f1"] >= CROSS_VALIDATED_FLOOR


def test_product_floor_on_case_dev(shared_data: Path) -> None:
    dev = _dev(shared_data)
    result = CliRunner().invoke(subtypes_command, [str(dev), "--json"])
    assert json.loads(result.output)["weighted_f1"] >= PRODUCT_FLOOR


@pytest.mark.xfail(reason="the cross-validated reranker is below 0.80 (see docs)", strict=True)
def test_product_floor_with_the_cross_validated_reranker(shared_data: Path) -> None:
    dev = _dev(shared_data)
    result = CliRunner().invoke(subtypes_command, [str(dev), "--train", str(dev), "--json"])
    assert json.loads(result.output)["weighted_f1"] >= PRODUCT_FLOOR
