"""Scores of a clustering against the truth: B-cubed and pairwise precision, recall and F1.

B-cubed (Bagga and Baldwin) averages over items: an item's precision is the share of its
predicted cluster that truly belongs with it (itself included), its recall the share of its true
cluster that was put with it. Pairwise counts the pairs of items put together.

>>> s = bcubed([0, 0, 1], ["a", "a", "a"])
>>> round(s.precision, 3), round(s.recall, 3)
(1.0, 0.556)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _codes(labels: Sequence[Hashable] | np.ndarray) -> np.ndarray:
    if isinstance(labels, np.ndarray) and labels.dtype.kind in "iu":
        return labels.astype(np.int64)
    index: dict[Hashable, int] = {}
    return np.asarray([index.setdefault(x, len(index)) for x in labels], np.int64)


def _check(predicted: np.ndarray, gold: np.ndarray) -> None:
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted labels for {len(gold)} gold labels")


def bcubed(
    predicted: Sequence[Hashable] | np.ndarray, gold: Sequence[Hashable] | np.ndarray
) -> PRF:
    """B-cubed precision and recall of ``predicted`` cluster labels against ``gold`` ones."""
    p, g = _codes(predicted), _codes(gold)
    _check(p, g)
    if len(p) == 0:
        return PRF(0.0, 0.0)
    # size of (predicted cluster ∩ gold cluster) for each item, via a joint code
    joint = p * (int(g.max()) + 1) + g
    _, joint_inverse, joint_counts = np.unique(joint, return_inverse=True, return_counts=True)
    _, p_inverse, p_counts = np.unique(p, return_inverse=True, return_counts=True)
    _, g_inverse, g_counts = np.unique(g, return_inverse=True, return_counts=True)
    both = joint_counts[joint_inverse]
    precision = float(np.mean(both / p_counts[p_inverse]))
    recall = float(np.mean(both / g_counts[g_inverse]))
    return PRF(precision, recall)


def pairwise(
    predicted: Sequence[Hashable] | np.ndarray, gold: Sequence[Hashable] | np.ndarray
) -> PRF:
    """Precision and recall over pairs of items put in one cluster."""
    p, g = _codes(predicted), _codes(gold)
    _check(p, g)

    def pairs(counts: Counter[int] | np.ndarray) -> int:
        c = np.asarray(list(counts.values()) if isinstance(counts, Counter) else counts, np.int64)
        return int((c * (c - 1) // 2).sum())

    joint = p * (int(g.max()) + 1 if len(g) else 1) + g
    together = pairs(np.unique(joint, return_counts=True)[1])
    predicted_pairs = pairs(np.unique(p, return_counts=True)[1])
    gold_pairs = pairs(np.unique(g, return_counts=True)[1])
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / gold_pairs if gold_pairs else 1.0
    return PRF(precision, recall)
