"""The special functions behind the intervals and p-values, against known values."""

from __future__ import annotations

import math

import pytest

from conflictwatch.analysis.poisson import betainc, clopper_pearson, poisson_sf


@pytest.mark.parametrize(
    ("k", "mu", "expected"),
    [
        (0, 3.0, 1.0),
        (1, 0.1, 1 - math.exp(-0.1)),
        (3, 5.0, 1 - math.exp(-5) * (1 + 5 + 12.5)),
        (20, 1.0, 1.5875e-19),
        (1, 0.0, 0.0),
    ],
)
def test_poisson_upper_tail(k: int, mu: float, expected: float) -> None:
    assert poisson_sf(k, mu) == pytest.approx(expected, rel=1e-3)


@pytest.mark.parametrize(
    ("a", "b", "x", "expected"),
    [
        (1, 1, 0.3, 0.3),  # uniform
        (2, 1, 0.5, 0.25),  # x**2
        (1, 2, 0.5, 0.75),  # 1 - (1 - x)**2
        (5, 5, 0.5, 0.5),  # symmetric
    ],
)
def test_incomplete_beta(a: float, b: float, x: float, expected: float) -> None:
    assert betainc(a, b, x) == pytest.approx(expected, abs=1e-10)


@pytest.mark.parametrize(
    ("k", "n", "lower", "upper"),
    [
        (30, 40, 0.5880, 0.8731),  # R: binom.test(30, 40)$conf.int
        (0, 10, 0.0, 0.3085),
        (10, 10, 0.6915, 1.0),
        (5, 10, 0.1871, 0.8129),
    ],
)
def test_clopper_pearson(k: int, n: int, lower: float, upper: float) -> None:
    lo, hi = clopper_pearson(k, n)
    assert (lo, hi) == (pytest.approx(lower, abs=1e-4), pytest.approx(upper, abs=1e-4))
