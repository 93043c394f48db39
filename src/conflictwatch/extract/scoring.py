"""Classification metrics over label lists: accuracy, weighted and macro F1, per-class P/R/F1 and
the most frequent confusions. Pure functions; labels are any hashable strings.

    >>> report = score_labels(["a", "a", "b"], ["a", "b", "b"])
    >>> round(report.accuracy, 3), round(report.macro_f1, 3)
    (0.667, 0.667)

Only classes that occur in the gold labels are averaged, with weights by gold support — the
convention of scikit-learn's ``f1_score(average=...)`` when given the gold label set, and of the
CASE-2021 Task 2 scorer. Predictions outside that set still count against precision of nothing
and recall of the gold class they missed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int  # gold rows with this label
    predicted: int  # rows predicted as this label


@dataclass(frozen=True)
class Confusion:
    gold: str
    predicted: str
    count: int


@dataclass(frozen=True)
class ClassificationReport:
    n: int
    accuracy: float
    weighted_f1: float
    macro_f1: float
    classes: tuple[ClassScore, ...]  # by support, largest first
    confusions: tuple[Confusion, ...]  # most frequent first

    def as_dict(self, top_confusions: int = 10) -> dict[str, object]:
        return {
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "weighted_f1": round(self.weighted_f1, 4),
            "macro_f1": round(self.macro_f1, 4),
            "classes": {
                c.label: {
                    "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4),
                    "f1": round(c.f1, 4),
                    "support": c.support,
                }
                for c in self.classes
            },
            "confusions": [
                {"gold": c.gold, "predicted": c.predicted, "count": c.count}
                for c in self.confusions[:top_confusions]
            ],
        }


def f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def score_labels(
    gold: Sequence[str], predicted: Sequence[str], only: Collection[str] | None = None
) -> ClassificationReport:
    """Compare two aligned label lists; with ``only``, keep the rows whose gold label is in it."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    pairs = [(g, p) for g, p in zip(gold, predicted, strict=True) if only is None or g in only]
    n = len(pairs)
    support = Counter(g for g, _ in pairs)
    predicted_count = Counter(p for _, p in pairs)
    correct = Counter(g for g, p in pairs if g == p)
    classes = []
    for label, count in sorted(support.items(), key=lambda kv: (-kv[1], kv[0])):
        made = predicted_count[label]
        precision = correct[label] / made if made else 0.0
        recall = correct[label] / count
        classes.append(ClassScore(label, precision, recall, f1(precision, recall), count, made))
    confusions = Counter((g, p) for g, p in pairs if g != p)
    return ClassificationReport(
        n=n,
        accuracy=sum(correct.values()) / n if n else 0.0,
        weighted_f1=sum(c.f1 * c.support for c in classes) / n if n else 0.0,
        macro_f1=sum(c.f1 for c in classes) / len(classes) if classes else 0.0,
        classes=tuple(classes),
        confusions=tuple(
            Confusion(g, p, k)
            for (g, p), k in sorted(confusions.items(), key=lambda kv: (-kv[1], kv[0]))
        ),
    )
