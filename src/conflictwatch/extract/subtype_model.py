"""A small multinomial logistic regression that reranks the lexicon's sub-event types.

Features are the passage's words and word pairs (vocabulary from the training rows only) plus
the lexicon's per-type scores, so the model learns how far to trust each trigger family. It is
trained in a second or two from labelled rows (e.g. the CASE-2021 Task 2 file) and never shipped
as weights; :func:`cross_validate` is how its accuracy is measured on the rows it learns from.

    >>> model = SubtypeModel.train(rows, rule_scores=classifier.rule_scores)  # doctest: +SKIP
    >>> classifier.with_model(model).best("Rebels shelled the town.", "en")  # doctest: +SKIP
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from ..taxonomy import SubEventType
from .modality import fold_same_length
from .records import OtherClass

Label = SubEventType | OtherClass
RuleScores = Callable[[str, str], Mapping[Label, float]]
_WORD = re.compile(r"\w+")
_RULE_SCALE = 1.5  # rule features enter as log1p(score) * this, next to 0/1 word features


@dataclass(frozen=True)
class TrainingOptions:
    min_count: int = 3  # a word or pair must occur in this many training rows
    l2: float = 1e-3
    epochs: int = 150
    learning_rate: float = 0.5


def _terms(text: str) -> set[str]:
    words = _WORD.findall(fold_same_length(text))
    return {*words, *(f"{a} {b}" for a, b in pairwise(words))}


class SubtypeModel:
    """Learned weights over words and rule scores; pure and cheap to apply per sentence."""

    def __init__(
        self,
        labels: Sequence[Label],
        vocabulary: Mapping[str, int],
        weights: np.ndarray,
        rule_scores: RuleScores,
        lang: str = "en",
    ) -> None:
        self.labels = tuple(labels)
        self._vocabulary = dict(vocabulary)
        self._weights = weights  # (len(vocabulary) + len(labels) + 1, len(labels))
        self._rule_scores = rule_scores
        self._rule_column = {label: len(vocabulary) + i for i, label in enumerate(self.labels)}
        self._bias = weights[-1]
        self.lang = lang

    @classmethod
    def train(
        cls,
        rows: Sequence[tuple[str, Label]],
        rule_scores: RuleScores,
        lang: str = "en",
        options: TrainingOptions | None = None,
    ) -> SubtypeModel:
        """Fit on (text, label) rows; ``rule_scores`` is the lexicon classifier's score function."""
        options = options or TrainingOptions()
        if not rows:
            raise ValueError("no training rows")
        labels = sorted({label for _, label in rows}, key=lambda lab: lab.value)
        index = {label: i for i, label in enumerate(labels)}
        term_sets = [_terms(text) for text, _ in rows]
        counts = Counter(term for terms in term_sets for term in terms)
        kept = sorted(t for t, c in counts.items() if c >= options.min_count)
        vocabulary = {term: i for i, term in enumerate(kept)}
        width = len(vocabulary) + len(labels) + 1
        x = np.zeros((len(rows), width))
        for row, ((text, _), terms) in enumerate(zip(rows, term_sets, strict=True)):
            x[row, [vocabulary[t] for t in terms if t in vocabulary]] = 1.0
            for label, score in rule_scores(text, lang).items():
                if label in index:
                    x[row, len(vocabulary) + index[label]] = math.log1p(score) * _RULE_SCALE
        x[:, -1] = 1.0
        y = np.zeros((len(rows), len(labels)))
        y[np.arange(len(rows)), [index[label] for _, label in rows]] = 1.0
        weights = _fit(x, y, options)
        return cls(labels, vocabulary, weights, rule_scores, lang)

    def probabilities(self, text: str, rules: Mapping[Label, float]) -> dict[Label, float]:
        """P(label | text), given the lexicon's scores for the same text."""
        rows = [self._vocabulary[t] for t in _terms(text) if t in self._vocabulary]
        logits = self._bias + self._weights[rows].sum(axis=0)
        for label, score in rules.items():
            column = self._rule_column.get(label)
            if column is not None:
                logits = logits + self._weights[column] * (math.log1p(score) * _RULE_SCALE)
        logits = logits - logits.max()
        exp = np.exp(logits)
        total = float(exp.sum())
        return {label: float(p) / total for label, p in zip(self.labels, exp, strict=True)}

    def predict(self, text: str) -> Label:
        probabilities = self.probabilities(text, self._rule_scores(text, self.lang))
        return max(probabilities, key=lambda k: probabilities[k])


def _fit(x: np.ndarray, y: np.ndarray, options: TrainingOptions) -> np.ndarray:
    """Full-batch gradient descent with Adam on the softmax cross-entropy plus L2."""
    weights = np.zeros((x.shape[1], y.shape[1]))
    m = np.zeros_like(weights)
    v = np.zeros_like(weights)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    rate = options.learning_rate / 10
    for step in range(1, options.epochs + 1):
        logits = x @ weights
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ (p - y) / len(x) + options.l2 * weights
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        m_hat = m / (1 - beta1**step)
        v_hat = v / (1 - beta2**step)
        weights -= rate * m_hat / (np.sqrt(v_hat) + eps)
    return weights


def folds(labels: Sequence[Label], k: int, seed: int = 0) -> list[int]:
    """A fold number per row, stratified by label, shuffled with a fixed seed."""
    order = list(range(len(labels)))
    random.Random(seed).shuffle(order)
    order.sort(key=lambda i: labels[i].value)  # stable: shuffled within each label
    assignment = [0] * len(labels)
    for position, i in enumerate(order):
        assignment[i] = position % k
    return assignment


def cross_validate(
    rows: Sequence[tuple[str, Label]],
    rule_scores: RuleScores,
    k: int = 10,
    seed: int = 0,
    lang: str = "en",
    options: TrainingOptions | None = None,
) -> list[SubtypeModel]:
    """k models, the i-th trained on every row outside fold i (see :func:`folds`)."""
    assignment = folds([label for _, label in rows], k, seed)
    return [
        SubtypeModel.train(
            [row for row, f in zip(rows, assignment, strict=True) if f != fold],
            rule_scores,
            lang,
            options,
        )
        for fold in range(k)
    ]
