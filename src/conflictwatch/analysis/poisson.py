"""Poisson tail probabilities and exact intervals, with nothing but ``math``.

scipy is not a dependency, so the two special functions we need are implemented here:

- the regularised incomplete beta function ``I_x(a, b)`` (continued fraction, Lentz's method, as in
  Numerical Recipes §6.4), which gives binomial tails: ``P(X <= k | n, p) = I_{1-p}(n - k, k + 1)``;
- the Poisson upper tail ``P(X >= k | mu)``, summed term by term from the side that converges.

>>> round(poisson_sf(20, 1.0), 20) < 1e-15
True
>>> lo, hi = clopper_pearson(30, 40)
>>> round(lo, 3), round(hi, 3)
(0.588, 0.873)
"""

from __future__ import annotations

import math

_EPS = 1e-15
_TINY = 1e-300


def poisson_pmf(k: int, mu: float) -> float:
    if k < 0:
        return 0.0
    if mu <= 0:
        return 1.0 if k == 0 else 0.0
    return math.exp(k * math.log(mu) - mu - math.lgamma(k + 1))


def poisson_sf(k: int, mu: float) -> float:
    """P(X >= k) for X ~ Poisson(mu): the probability of seeing at least ``k`` events."""
    if k <= 0:
        return 1.0
    if mu <= 0:
        return 0.0
    if k > mu:
        # Terms fall from k upward: sum the upper tail directly (no cancellation for tiny p).
        total, term, i = 0.0, poisson_pmf(k, mu), k
        while term > total * _EPS and term > 0:
            total += term
            i += 1
            term *= mu / i
        return min(1.0, total)
    # Otherwise 1 - P(X <= k - 1); the lower tail is summed downward from k - 1.
    lower, term, i = 0.0, poisson_pmf(k - 1, mu), k - 1
    while i >= 0 and term > 0:
        lower += term
        term *= i / mu
        i -= 1
    return max(0.0, 1.0 - lower)


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction for the incomplete beta function (modified Lentz)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, 10_000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-14:
            break
    return h


def betainc(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b), for a, b > 0 and 0 <= x <= 1."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def beta_ppf(q: float, a: float, b: float) -> float:
    """The q-quantile of Beta(a, b), by bisection on :func:`betainc` (monotone in x)."""
    lo, hi = 0.0, 1.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if betainc(a, b, mid) < q:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-13:
            break
    return (lo + hi) / 2


def clopper_pearson(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Exact (Clopper–Pearson) interval for a binomial proportion: ``k`` successes in ``n``."""
    if n <= 0:
        return 0.0, 1.0
    alpha = 1.0 - confidence
    lower = 0.0 if k <= 0 else beta_ppf(alpha / 2, k, n - k + 1)
    upper = 1.0 if k >= n else beta_ppf(1 - alpha / 2, k + 1, n - k)
    return lower, upper
