"""B-cubed and pairwise scores on partitions worked out by hand."""

from __future__ import annotations

import pytest

from conflictwatch.resolve import bcubed, pairwise


def test_a_perfect_clustering_scores_one() -> None:
    gold = ["x", "x", "y", "z", "z", "z"]
    predicted = [7, 7, 1, 3, 3, 3]  # label names do not matter
    assert bcubed(predicted, gold).f1 == pytest.approx(1.0)
    assert pairwise(predicted, gold).f1 == pytest.approx(1.0)


def test_everything_in_one_cluster() -> None:
    # gold {a,b} {c}: item precisions 2/3, 2/3, 1/3; recalls all 1
    s = bcubed([0, 0, 0], ["g1", "g1", "g2"])
    assert s.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert s.recall == pytest.approx(1.0)
    p = pairwise([0, 0, 0], ["g1", "g1", "g2"])
    assert (p.precision, p.recall) == (pytest.approx(1 / 3), pytest.approx(1.0))


def test_all_singletons() -> None:
    # gold {a,b,c} {d}: precisions 1; recalls 1/3, 1/3, 1/3, 1
    s = bcubed([0, 1, 2, 3], ["g", "g", "g", "h"])
    assert s.precision == pytest.approx(1.0)
    assert s.recall == pytest.approx((1 / 3 * 3 + 1) / 4)
    assert s.f1 == pytest.approx(2 * s.precision * s.recall / (s.precision + s.recall))
    p = pairwise([0, 1, 2, 3], ["g", "g", "g", "h"])
    assert p.recall == 0.0 and p.f1 == 0.0


def test_a_mixed_partition() -> None:
    # predicted {1,2,3} {4,5}; gold {1,2} {3,4,5}
    predicted = [0, 0, 0, 1, 1]
    gold = ["A", "A", "B", "B", "B"]
    s = bcubed(predicted, gold)
    assert s.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert s.recall == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    p = pairwise(predicted, gold)
    assert p.precision == pytest.approx(2 / 4)  # together: (1,2) (4,5) of (1,2)(1,3)(2,3)(4,5)
    assert p.recall == pytest.approx(2 / 4)  # of gold pairs (1,2)(3,4)(3,5)(4,5)


def test_lengths_must_agree() -> None:
    with pytest.raises(ValueError, match="2 predicted labels for 3 gold labels"):
        bcubed([0, 1], ["a", "b", "c"])
