"""The analysis layer: pure functions from events (``store.events(EventFilter(...))``) to frozen
result records that carry the numbers they rest on.

- ``series``: counts and fatalities over time and by actor, family, type and area.
- ``periods``: event rates in two date ranges or around a pack milestone, with exact rate-ratio CIs.
- ``geography``: distance from the capital, spread across districts, grid hotspots, spill-over.
- ``actors``: most active actors, dyads, newcomers, who targets civilians.
- ``situations``: sieges and blockades per town, derived from events and merged with manual entries.
- ``anomalies``: improbable area-weeks and change points in monthly series.
"""

from .actors import civilian_targeting_shift, dyads, most_active, new_actors
from .anomalies import AnomalyOptions, change_points, weekly_anomalies
from .buckets import Bucket, DateRange
from .families import family_lookup
from .geography import distance_from_capital, haversine_km, hotspots, spillover, spread
from .periods import around_milestone, compare_groups, compare_ranges, milestone, rate_ratio
from .series import Dimension, breakdown, grouped_series, monthly_series, time_series
from .situations import track_situations

__all__ = [
    "AnomalyOptions",
    "Bucket",
    "DateRange",
    "Dimension",
    "around_milestone",
    "breakdown",
    "change_points",
    "civilian_targeting_shift",
    "compare_groups",
    "compare_ranges",
    "distance_from_capital",
    "dyads",
    "family_lookup",
    "grouped_series",
    "haversine_km",
    "hotspots",
    "milestone",
    "monthly_series",
    "most_active",
    "new_actors",
    "rate_ratio",
    "spillover",
    "spread",
    "time_series",
    "track_situations",
    "weekly_anomalies",
]
