"""The knobs of resolution, in one small frozen object passed down from the entry point.

The values were chosen on synthetic tellings (``benchmarks/bench_resolve.py``) and the invented
fixtures in ``tests/resolve/``, not on the sample corpus, which is kept for measuring.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..taxonomy import TimePrecision


@dataclass(frozen=True)
class Weights:
    """Points each component of the compatibility score can give or take."""

    same_sub_event_type: float = 2.0
    same_event_type: float = 0.75
    same_family: float = 0.0
    same_day: float = 1.5
    per_day_apart: float = 1.0  # taken off same_day for every day between day-precise dates
    coarse_date_fits: float = 0.3
    date_too_far: float = -2.0
    near: float = 1.5  # at 0 km; falls to ``far`` at the precision's distance scale
    far: float = -2.0
    same_admin1: float = 0.3
    other_admin1: float = -1.0
    same_place_name: float = 0.5
    other_place_name: float = -1.0
    other_exact_site: float = -4.0  # both exact (place precision), differently named, apart
    same_actor: float = 2.0
    same_actor_family: float = 1.0
    other_actors: float = -1.5
    same_common_actor: float = 0.5
    same_fatalities: float = 0.75
    close_fatalities: float = 0.4
    far_fatalities: float = -0.5
    shared_words: float = 2.0  # times the Jaccard share of distinctive words
    no_shared_words: float = -0.25


@dataclass(frozen=True)
class ResolveOptions:
    """How mentions are blocked, scored and joined.

    ``threshold``: the least score with which a mention joins an existing event.
    ``window_days``: how many days apart two mentions may be, by the coarser time precision.
    ``cell_degrees``: the blocking grid; pairs closer than half a cell are always compared.
    ``place_scale_km``: distance at which the distance score reaches its floor, by geo precision.
    ``operation_km``: how close two same-day events by one actor must be to share an operation.
    """

    threshold: float = 2.5
    window_days: tuple[int, int, int] = (3, 10, 40)  # day, week, month precision
    cell_degrees: float = 0.5
    place_scale_km: tuple[float, float, float] = (40.0, 60.0, 150.0)  # place, near, region
    same_place_km: float = 3.0
    max_candidates: int = 200  # per mention and cell: the nearest in time are kept
    operation_km: float = 30.0
    weights: Weights = Weights()

    def window(self, precision: TimePrecision | int) -> int:
        return self.window_days[max(1, min(3, int(precision))) - 1]

    @property
    def widest_window(self) -> int:
        return max(self.window_days)
