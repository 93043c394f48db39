"""``conflictwatch eval subtypes``: sub-event type accuracy against CASE-2021 Task 2 gold files."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click
from rich.table import Table

from ..errors import InputError
from ..extract.classify import SubtypeClassifier
from ..extract.records import OtherClass
from ..extract.scoring import ClassificationReport, score_labels
from ..extract.subtype_model import SubtypeModel, cross_validate, folds
from ..extract.triggers import Label
from ..knowledge import load_pack
from ..taxonomy import SubEventType
from .common import console

S = SubEventType
# CASE-2021 Task 2 labels as spelled in its files, onto ACLED sub-event types and our own classes.
CASE_LABELS: dict[str, Label] = {
    "ARMED_CLASH": S.ARMED_CLASH,
    "GOV_REGAINS_TERIT": S.GOVERNMENT_REGAINS_TERRITORY,
    "NON_STATE_ACTOR_OVERTAKES_TER": S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
    "CHEM_WEAP": S.CHEMICAL_WEAPON,
    "AIR_STRIKE": S.AIR_DRONE_STRIKE,
    "SUIC_BOMB": S.SUICIDE_BOMB,
    "ART_MISS_ATTACK": S.SHELLING_ARTILLERY_MISSILE_ATTACK,
    "REM_EXPLOS": S.REMOTE_EXPLOSIVE_LANDMINE_IED,
    "GRENADE": S.GRENADE,
    "SEX_VIOL": S.SEXUAL_VIOLENCE,
    "ATTACK": S.ATTACK,
    "ABDUCT_DISSAP": S.ABDUCTION_FORCED_DISAPPEARANCE,
    "PEACE_PROTEST": S.PEACEFUL_PROTEST,
    "PROTEST_WITH_INTER": S.PROTEST_WITH_INTERVENTION,
    "FORCE_AGAINST_PROTEST": S.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
    "VIOL_DEMONSTR": S.VIOLENT_DEMONSTRATION,
    "MOB_VIOL": S.MOB_VIOLENCE,
    "AGREEMENT": S.AGREEMENT,
    "ARREST": S.ARRESTS,
    "CHANGE_TO_GROUP_ACT": S.CHANGE_TO_GROUP_ACTIVITY,
    "DISR_WEAP": S.DISRUPTED_WEAPONS_USE,
    "HQ_ESTABLISHED": S.HEADQUARTERS_OR_BASE_ESTABLISHED,
    "PROPERTY_DISTRUCT": S.LOOTING_PROPERTY_DESTRUCTION,
    "NON_VIOL_TERRIT_TRANSFER": S.NON_VIOLENT_TRANSFER_OF_TERRITORY,
    "OTHER": S.OTHER,
    **{c.value: c for c in OtherClass},
}
NONE = "none"  # what a passage gets when the classifier finds nothing event-like


@dataclass(frozen=True)
class SubtypeEvaluation:
    report: ClassificationReport  # over rows whose gold label is an ACLED sub-event type
    all_rows: ClassificationReport  # every row, non-ACLED classes included
    method: str  # "rules", "cross-validated (10 folds, seed 0)", "trained on FILE"


def read_case_tsv(path: Path) -> list[tuple[str, Label]]:
    """(snippet, label) rows of a CASE-2021 Task 2 file: columns id, EventSnippet, SubType."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = {"EventSnippet", "SubType"} - set(reader.fieldnames or ())
            if missing:
                raise InputError(
                    f"missing column(s) {', '.join(sorted(missing))}; expected id, EventSnippet, "
                    "SubType (tab-separated)",
                    path=str(path),
                    line=1,
                )
            rows = []
            for line, record in enumerate(reader, start=2):
                value = (record.get("SubType") or "").strip()
                if value not in CASE_LABELS:
                    raise InputError(
                        f"unknown CASE label {value!r}; expected one of {', '.join(CASE_LABELS)}",
                        path=str(path),
                        line=line,
                        field="SubType",
                        value=value,
                    )
                rows.append(((record.get("EventSnippet") or "").strip(), CASE_LABELS[value]))
            return rows
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}", path=str(path)) from exc


def evaluate_subtypes(
    rows: Sequence[tuple[str, Label]],
    classifier: SubtypeClassifier,
    *,
    lang: str = "en",
    train: Sequence[tuple[str, Label]] | None = None,
    cross_validate_folds: int = 0,
    seed: int = 0,
) -> SubtypeEvaluation:
    """Label every row; rules only, or reranked by a model trained on ``train`` or k-fold CV."""
    if cross_validate_folds:
        models = cross_validate(rows, classifier.rule_scores, cross_validate_folds, seed, lang)
        assignment = folds([label for _, label in rows], cross_validate_folds, seed)
        labellers = [classifier.with_model(models[fold]) for fold in assignment]
        method = f"cross-validated ({cross_validate_folds} folds, seed {seed})"
    elif train:
        model = SubtypeModel.train(train, classifier.rule_scores, lang)
        labellers = [classifier.with_model(model)] * len(rows)
        method = "trained"
    else:
        labellers = [classifier] * len(rows)
        method = "rules"
    gold = [label.value for _, label in rows]
    predicted = []
    for (text, _), labeller in zip(rows, labellers, strict=True):
        best = labeller.best(text, lang)
        predicted.append(best.label.value if best else NONE)
    acled = {s.value for s in SubEventType}
    return SubtypeEvaluation(
        score_labels(gold, predicted, only=acled), score_labels(gold, predicted), method
    )


@click.command("subtypes")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--lang", default="en", show_default=True, help="Language of the snippets.")
@click.option(
    "--train",
    "train_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also train the reranking model on this CASE file; if it is GOLD itself, the figure is "
    "cross-validated (never trained and tested on the same rows).",
)
@click.option("--folds", default=10, show_default=True, help="Folds when --train is GOLD.")
@click.option("--seed", default=0, show_default=True, help="Seed of the fold assignment.")
def subtypes_command(
    gold: Path, as_json: bool, lang: str, train_path: Path | None, folds: int, seed: int
) -> None:
    """Score sub-event type labelling against a CASE-2021 Task 2 file (id, EventSnippet, SubType).

    Reports accuracy, weighted F1 and macro F1 over the rows whose gold label is one of ACLED's
    25 sub-event types (the shared task's subtask-1 metric), per-class figures and confusions.
    """
    rows = read_case_tsv(gold)
    classifier = SubtypeClassifier.from_pack(load_pack("sahel"))
    same = train_path is not None and train_path.resolve() == gold.resolve()
    train = read_case_tsv(train_path) if train_path is not None and not same else None
    result = evaluate_subtypes(
        rows,
        classifier,
        lang=lang,
        train=train,
        cross_validate_folds=folds if same else 0,
        seed=seed,
    )
    if train_path is not None and not same:
        result = SubtypeEvaluation(result.report, result.all_rows, f"trained on {train_path}")
    if as_json:
        payload = {"method": result.method, **result.report.as_dict()}
        payload["all_rows_accuracy"] = round(result.all_rows.accuracy, 4)
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    _print(result)


def _print(result: SubtypeEvaluation) -> None:
    report = result.report
    console.print(
        f"[bold]{report.n}[/] rows with an ACLED sub-event type ({result.method}): "
        f"accuracy {report.accuracy:.3f}, weighted F1 [bold]{report.weighted_f1:.3f}[/], "
        f"macro F1 {report.macro_f1:.3f}; all {result.all_rows.n} rows: accuracy "
        f"{result.all_rows.accuracy:.3f}",
        highlight=False,
    )
    table = Table("class", "P", "R", "F1", "n")
    for c in result.all_rows.classes:
        table.add_row(
            c.label, f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}", str(c.support)
        )
    console.print(table)
    confusions = Table("gold", "predicted", "count", title="Most frequent confusions")
    for confusion in result.all_rows.confusions[:10]:
        confusions.add_row(confusion.gold, confusion.predicted, str(confusion.count))
    console.print(confusions)
