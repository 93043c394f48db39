"""Classification metrics on small label lists whose answers are worked out by hand."""

from __future__ import annotations

import pytest

from conflictwatch.extract.scoring import f1, score_labels


def test_perfect_predictions() -> None:
    report = score_labels(["a", "b", "b"], ["a", "b", "b"])
    assert (report.accuracy, report.weighted_f1, report.macro_f1) == (1.0, 1.0, 1.0)
    assert report.confusions == ()


def test_known_answer() -> None:
    # a: P=1/1, R=1/2 -> F1=2/3; b: P=2/3, R=2/2 -> F1=0.8; c: P=0, R=0 -> 0 (one row, predicted b)
    gold = ["a", "a", "b", "b", "c"]
    predicted = ["a", "b", "b", "b", "x"]
    report = score_labels(gold, predicted)
    assert report.n == 5
    assert report.accuracy == pytest.approx(3 / 5)
    assert report.macro_f1 == pytest.approx((2 / 3 + 0.8 + 0) / 3)
    assert report.weighted_f1 == pytest.approx((2 * 2 / 3 + 2 * 0.8 + 0) / 5)
    by_label = {c.label: c for c in report.classes}
    assert by_label["b"].precision == pytest.approx(2 / 3) and by_label["b"].recall == 1.0
    assert [(c.gold, c.predicted, c.count) for c in report.confusions] == [
        ("a", "b", 1),
        ("c", "x", 1),
    ]


def test_only_keeps_rows_by_gold_label() -> None:
    report = score_labels(["a", "z", "a"], ["a", "a", "b"], only={"a"})
    assert report.n == 2 and report.accuracy == 0.5
    # the "z" row predicted "a" is dropped, so a's precision is 1/1
    assert report.classes[0].precision == 1.0


def test_f1_of_nothing_is_zero() -> None:
    assert f1(0.0, 0.0) == 0.0


def test_lists_must_align() -> None:
    with pytest.raises(ValueError, match="2 gold labels but 1 predictions"):
        score_labels(["a", "b"], ["a"])


def test_as_dict_has_the_headline_figures() -> None:
    data = score_labels(["a"], ["a"]).as_dict()
    assert {"n", "accuracy", "weighted_f1", "macro_f1", "classes", "confusions"} <= set(data)
