"""Which mentions are compared at all: neighbours in time and space, so work grows near-linearly.

A mention with coordinates (and a place or near-place precision) is compared with the mentions
in its grid cell and in the three cells beside it towards the nearest cell edges, within the
date window of its precision: any two mentions closer than half a cell in both directions are
always compared. A mention without coordinates, or placed only at region level, is compared with
every mention of its first-level region (or country, when the region is unknown) in its window.
"""

from __future__ import annotations

import numpy as np

from .features import Features
from .options import ResolveOptions

_DAY_BITS = 21  # day ordinals stay below 2**21 until the year 5700


def _ranges(
    keys: np.ndarray,
    order: np.ndarray,
    queries: np.ndarray,
    key_of_query: np.ndarray,
    day: np.ndarray,
    window: np.ndarray,
    cap: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (query, j) for every j whose sorted key lies within the query's day window."""
    base = key_of_query << _DAY_BITS
    lo = np.searchsorted(keys, base + (day - window), side="left")
    hi = np.searchsorted(keys, base + (day + window), side="right")
    mid = np.searchsorted(keys, base + day, side="left")
    lo = np.maximum(lo, mid - cap // 2)
    hi = np.minimum(hi, np.maximum(mid, lo) + cap // 2 + 1)
    counts = np.maximum(hi - lo, 0)
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    starts = np.repeat(lo - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
    positions = np.arange(total, dtype=np.int64) + starts
    return np.repeat(queries, counts), order[positions]


def candidate_pairs(f: Features, options: ResolveOptions) -> tuple[np.ndarray, np.ndarray]:
    """Unique candidate pairs ``(a, b)`` with ``a < b``, sorted."""
    n = len(f)
    if n < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    day = f.day.astype(np.int64)
    window = np.asarray(options.window_days, np.int64)[f.precision.astype(np.int64) - 1]
    located = ~np.isnan(f.lat) & (f.geo < 3)
    found_a: list[np.ndarray] = []
    found_b: list[np.ndarray] = []

    # grid: each located mention is stored in its own cell and looks in four
    size = options.cell_degrees
    idx = np.flatnonzero(located)
    if len(idx):
        y = f.lat[idx] / size
        x = f.lon[idx] / size
        cy, cx = np.floor(y).astype(np.int64), np.floor(x).astype(np.int64)
        stepy = np.where(y - cy < 0.5, -1, 1)
        stepx = np.where(x - cx < 0.5, -1, 1)

        def cell(yy: np.ndarray, xx: np.ndarray) -> np.ndarray:
            return (yy + 4096) * 8192 + (xx + 4096)

        home = cell(cy, cx)
        keys = (home << _DAY_BITS) + day[idx]
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        for dy, dx in ((0, 0), (1, 0), (0, 1), (1, 1)):
            probe = cell(cy + dy * stepy, cx + dx * stepx)
            a, b = _ranges(
                sorted_keys, idx[order], idx, probe, day[idx], window[idx], options.max_candidates
            )
            found_a.append(a)
            found_b.append(b)

    # regions: mentions without a usable point meet everything in their region and window
    vague = np.flatnonzero(~located)
    if len(vague):
        region = np.where(f.admin1 >= 0, f.admin1.astype(np.int64) + 1, 0)
        region = np.where(region > 0, region, -(f.country.astype(np.int64) + 2))
        region = region + (1 << 30)  # non-negative keys
        keys = (region << _DAY_BITS) + day
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        wide = np.full(len(vague), options.widest_window, np.int64)
        a, b = _ranges(
            sorted_keys,
            order.astype(np.int64),
            vague,
            region[vague],
            day[vague],
            wide,
            options.max_candidates,
        )
        found_a.append(a)
        found_b.append(b)
        # and a located mention meets the vague ones of its region
        located_idx = np.flatnonzero(located)
        vague_keys = (region[vague] << _DAY_BITS) + day[vague]
        vorder = np.argsort(vague_keys, kind="stable")
        a, b = _ranges(
            vague_keys[vorder],
            vague[vorder].astype(np.int64),
            located_idx,
            region[located_idx],
            day[located_idx],
            np.full(len(located_idx), options.widest_window, np.int64),
            options.max_candidates,
        )
        found_a.append(a)
        found_b.append(b)

    if not found_a:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    a = np.concatenate(found_a)
    b = np.concatenate(found_b)
    keep = a != b
    lo, hi = np.minimum(a[keep], b[keep]), np.maximum(a[keep], b[keep])
    unique = np.unique(lo * n + hi)
    return unique // n, unique % n
