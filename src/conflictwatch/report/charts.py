"""Charts and the static map of a briefing, drawn with matplotlib (Agg) into PNG bytes.

The figures hold no state between briefings: each function builds its figure, saves it and
closes it. PNGs carry no timestamp, so the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..analysis import Bucket, distance_from_capital
from ..analysis.buckets import add_months
from ..knowledge import Country
from ..model import Event
from .compose import FAMILY_LABELS
from .gather import CountryProfile, Outline

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FAMILY_COLOURS = {
    "al-qaeda": "#1f4e79",
    "islamic-state": "#8c2d19",
    "separatist": "#d08c1a",
    "state": "#3b7d3b",
    "foreign": "#6b4c9a",
    "militia": "#b5527a",
    "un": "#3aa0c8",
    "regional": "#7a8c2d",
    "other-armed": "#555555",
    "civilians": "#a3a3a3",
    "protesters": "#c9b458",
    "other": "#cccccc",
}
CHART_MONTHS = 60  # charts show at most the five years up to the end of the period


@dataclass(frozen=True)
class Chart:
    """One figure of the briefing as PNG bytes, with its alternative text and caption."""

    key: str
    title: str
    png: bytes
    alt: str
    caption: str


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    _pyplot().close(figure)
    return buffer.getvalue()


def _months(events: Sequence[Event], end: dt.date) -> list[dt.date]:
    if not events:
        return []
    first = max(
        events[0].event_date.replace(day=1), add_months(end.replace(day=1), 1 - CHART_MONTHS)
    )
    return list(Bucket.MONTH.span(first, end))


def _style(ax: Axes, title: str) -> None:
    ax.set_title(title, loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)


def _date_ticks(ax: Axes, months: Sequence[dt.date]) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num

    if months:  # a few weeks either side, so that one month still makes a readable axis
        pad = dt.timedelta(days=45)
        ax.set_xlim(float(date2num(months[0] - pad)), float(date2num(months[-1] + pad)))
    locator = AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))


def _integer_ticks(ax: Axes) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))


def family_chart(events: Sequence[Event], end: dt.date, family: Callable[[Event], str]) -> Chart:
    """Monthly events stacked by the family of actor 1."""
    plt = _pyplot()
    months = _months(events, end)
    index = {m: i for i, m in enumerate(months)}
    counts: dict[str, list[int]] = {}
    for event in events:
        i = index.get(event.event_date.replace(day=1))
        if i is not None and event.event_date <= end:
            counts.setdefault(family(event), [0] * len(months))[i] += 1
    figure, ax = plt.subplots(figsize=(8, 3.2))
    bottom = [0] * len(months)
    order = sorted(counts, key=lambda f: -sum(counts[f]))
    for name in order:
        ax.bar(
            months,
            counts[name],
            width=25,
            bottom=bottom,
            color=FAMILY_COLOURS.get(name, "#999999"),
            label=FAMILY_LABELS.get(name, name),
        )
        bottom = [b + c for b, c in zip(bottom, counts[name], strict=True)]
    _style(ax, "Events per month by actor family (actor 1)")
    _integer_ticks(ax)
    _date_ticks(ax, months)
    if order:
        ax.legend(fontsize=7, frameon=False, ncols=2, loc="upper left")
    alt = "Monthly events by family: " + ", ".join(
        f"{FAMILY_LABELS.get(n, n)} {sum(counts[n])}" for n in order
    )
    return Chart(
        "families",
        "Events by actor family",
        _png(figure),
        alt,
        "Events per month, by the family of the first actor (from the knowledge pack, or inferred from the dataset's actor codes).",
    )


def fatalities_chart(events: Sequence[Event], end: dt.date) -> Chart:
    """Reported deaths per month."""
    plt = _pyplot()
    months = _months(events, end)
    index = {m: i for i, m in enumerate(months)}
    deaths = [0] * len(months)
    for event in events:
        i = index.get(event.event_date.replace(day=1))
        if i is not None and event.event_date <= end:
            deaths[i] += event.fatalities
    figure, ax = plt.subplots(figsize=(8, 2.6))
    ax.bar(months, deaths, width=25, color="#8c2d19")
    _style(ax, "Reported deaths per month (best estimate)")
    _integer_ticks(ax)
    _date_ticks(ax, months)
    return Chart(
        "fatalities",
        "Fatalities",
        _png(figure),
        f"Monthly reported deaths, {sum(deaths)} in all.",
        "Reported deaths per month; coded datasets and reports differ in how they count.",
    )


def distance_chart(events: Sequence[Event], end: dt.date, capital: Country) -> Chart:
    """Median distance of events from the capital per month, with the share within 300 km."""
    plt = _pyplot()
    months = _months(events, end)
    window = [e for e in events if months and months[0] <= e.event_date <= end]
    result = distance_from_capital(window, capital, Bucket.MONTH)
    figure, ax = plt.subplots(figsize=(8, 2.6))
    x = [r.start for r in result.rows]
    ax.plot(
        x,
        [r.median_km for r in result.rows],
        marker="o",
        markersize=3,
        color="#1f4e79",
        label="median km",
    )
    ax.set_ylabel("km from " + capital.capital, fontsize=8)
    ax.set_ylim(bottom=0)
    twin = ax.twinx()
    twin.plot(
        x,
        [100 * r.share_within_300km for r in result.rows],
        color="#d08c1a",
        linewidth=1,
        linestyle="--",
        label="% within 300 km",
    )
    twin.set_ylim(0, 100)
    twin.set_ylabel("% within 300 km", fontsize=8)
    _style(ax, f"Distance of events from {capital.capital} per month")
    _date_ticks(ax, months)
    alt = f"Median monthly distance of events from {capital.capital}; {len(result.rows)} months with located events."
    return Chart(
        "distance",
        "Distance from the capital",
        _png(figure),
        alt,
        f"Median distance of located events from {capital.capital} (solid) and the share within 300 km (dashed).",
    )


def event_map(
    events: Sequence[Event],
    nearby: Sequence[Event],
    profile: CountryProfile,
    outlines: Sequence[Outline],
    family: Callable[[Event], str],
) -> Chart | None:
    """The period's events as points (size by deaths, colour by family) over admin outlines when
    the store has them, else over reference towns."""
    located = [e for e in events if e.latitude is not None and e.longitude is not None]
    if not located:
        return None
    plt = _pyplot()
    import shapely.geometry

    figure, ax = plt.subplots(figsize=(7, 6))
    framed: list[tuple[float, float, float, float]] = []
    for outline in outlines:
        shape = shapely.geometry.shape(json.loads(outline.geometry))
        if outline.focus:
            framed.append(shape.bounds)
        for polygon in getattr(shape, "geoms", [shape]):
            if hasattr(polygon, "exterior"):
                xs, ys = polygon.exterior.xy
                ax.plot(
                    xs,
                    ys,
                    color="#555555" if outline.level == 0 else "#aaaaaa",
                    linewidth=1.0 if outline.level == 0 else 0.5,
                    zorder=1,
                )
    others = [e for e in nearby if e.latitude is not None and e.longitude is not None]
    if others:
        ax.scatter(
            [e.longitude for e in others],
            [e.latitude for e in others],
            s=8,
            color="#bbbbbb",
            label="other countries",
            zorder=2,
        )
    groups: dict[str, list[Event]] = {}
    for event in located:
        groups.setdefault(family(event), []).append(event)
    for name, members in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        ax.scatter(
            [e.longitude for e in members],
            [e.latitude for e in members],
            s=[10 + 4 * math.sqrt(e.fatalities) for e in members],
            color=FAMILY_COLOURS.get(name, "#999999"),
            alpha=0.75,
            edgecolors="white",
            linewidths=0.4,
            label=FAMILY_LABELS.get(name, name),
            zorder=6,
        )
    lats = [e.latitude for e in located if e.latitude is not None]
    lons = [e.longitude for e in located if e.longitude is not None]
    west, east, south, north = min(lons) - 0.7, max(lons) + 0.7, min(lats) - 0.7, max(lats) + 0.7
    for bounds in framed:  # the whole country, not only the corner where events were
        west, south = min(west, bounds[0] - 0.2), min(south, bounds[1] - 0.2)
        east, north = max(east, bounds[2] + 0.2), max(north, bounds[3] + 0.2)
    for town in profile.towns:
        if town.name == profile.capital:
            continue
        if west <= town.longitude <= east and south <= town.latitude <= north:
            ax.plot(
                town.longitude, town.latitude, marker="s", markersize=3, color="black", zorder=4
            )
            ax.annotate(
                town.name,
                (town.longitude, town.latitude),
                fontsize=7,
                xytext=(3, 3),
                textcoords="offset points",
                zorder=5,
            )
    if profile.latitude is not None and profile.longitude is not None:
        ax.plot(
            profile.longitude, profile.latitude, marker="*", markersize=12, color="black", zorder=5
        )
        ax.annotate(
            profile.capital,
            (profile.longitude, profile.latitude),
            fontsize=8,
            fontweight="bold",
            xytext=(4, -10),
            textcoords="offset points",
            zorder=5,
        )
        west, east = min(west, profile.longitude - 0.5), max(east, profile.longitude + 0.5)
        south, north = min(south, profile.latitude - 0.5), max(north, profile.latitude + 0.5)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / max(0.2, math.cos(math.radians((south + north) / 2))))
    ax.set_xlabel("longitude", fontsize=8)
    ax.set_ylabel("latitude", fontsize=8)
    ax.tick_params(labelsize=7)
    ax.legend(fontsize=7, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.09), ncols=3)
    base = "admin boundaries from the store" if outlines else "reference towns from the gazetteer"
    ax.set_title(f"Events in {profile.name} in the period ({base})", loc="left", fontsize=10)
    alt = f"Map of {len(located)} located events in {profile.name}" + (
        f" and {len(others)} nearby events in other countries" if others else ""
    )
    return Chart(
        "map",
        "Map",
        _png(figure),
        alt,
        f"Each dot is an event (size grows with deaths, colour is the family of the first actor); {base}; the star marks the capital.",
    )
