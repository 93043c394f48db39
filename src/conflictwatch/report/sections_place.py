"""Where and what next: distance from the capital, spread, hotspots and spill-over, then the
outlook (recent pace, change points, unusual weeks)."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Sequence

from ..analysis import (
    AnomalyOptions,
    DateRange,
    change_points,
    compare_ranges,
    haversine_km,
    hotspots,
    monthly_series,
    spillover,
    weekly_anomalies,
)
from ..analysis.buckets import add_months
from ..knowledge import fold
from ..model import Event
from .compose import (
    Context,
    Section,
    change_words,
    effect,
    events_word,
    long_date,
)
from .facts import Unit
from .sections_overview import MIN_COMPARE

SPILLOVER_KM = 50.0


def _located(events: Sequence[Event]) -> list[Event]:
    return [e for e in events if e.latitude is not None and e.longitude is not None]


def geography(ctx: Context) -> Section:
    """Distance from the capital (median, shares within 100 and 300 km, nearest event), spread
    across districts, grid hotspots and spill-over across the border."""
    paragraphs: list[str] = []
    profile = ctx.inp.profile
    capital = profile.as_country()
    events = ctx.period_events
    located = _located(events)
    if capital is None:
        paragraphs.append(
            f"The capital of {ctx.country} is not in the knowledge pack or the gazetteer, so "
            "distances from it are not computed."
        )
    elif not located:
        paragraphs.append("No event of the period has coordinates, so distances are not computed.")
    else:
        ctx.mention(capital.capital)

        def km(e: Event) -> float:
            assert e.latitude is not None and e.longitude is not None
            return haversine_km(capital.latitude, capital.longitude, e.latitude, e.longitude)

        distances = [km(e) for e in located]
        median = statistics.median(distances)
        m = ctx.fact(
            "distance.median",
            median,
            f"Median distance of the period's located events from {capital.capital}",
            located,
            unit=Unit.KM,
        )
        near100 = [e for e in located if km(e) <= 100]
        near300 = [e for e in located if km(e) <= 300]
        s100 = ctx.fact(
            "distance.share-100km",
            len(near100) / len(located),
            f"Share of located events within 100 km of {capital.capital}",
            near100,
            unit=Unit.PERCENT,
        )
        s300 = ctx.fact(
            "distance.share-300km",
            len(near300) / len(located),
            f"Share of located events within 300 km of {capital.capital}",
            near300,
            unit=Unit.PERCENT,
        )
        text = (
            f"The median event lay {m} from {capital.capital}; {s100} of located events were "
            f"within 100 km of it and {s300} within 300 km."
        )
        before = _located(ctx.baseline_events)
        if ctx.has_baseline and len(before) >= MIN_COMPARE and len(located) >= MIN_COMPARE:
            earlier = statistics.median(km(e) for e in before)
            b = ctx.fact(
                "distance.median-baseline",
                earlier,
                f"Median distance from {capital.capital} in the previous period",
                before,
                unit=Unit.KM,
            )
            text += f" In the previous period the median was {b}."
            drop = (earlier - median) / earlier if earlier else 0.0
            if drop >= 0.15:
                ctx.claim(
                    "distance.closer",
                    0.8 + 2 * drop,
                    f"Violence moved closer to {capital.capital}: the median distance of events fell from {b} to {m}.",
                    f"Violence edges closer to {capital.capital}",
                )
        paragraphs.append(text)
        nearest = min(located, key=km)
        if km(nearest) <= 100:
            k = ctx.fact(
                "distance.nearest",
                km(nearest),
                f"Distance of the nearest event ({nearest.id}) from {capital.capital}",
                [nearest],
                unit=Unit.KM,
            )
            place = nearest.location or nearest.admin1
            inside = km(nearest) < 15  # within a city's extent: the capital itself was hit
            ctx.claim(
                "distance.nearest",
                1.0 + (0.3 if inside else 0.0),
                (
                    f"Violence reached {capital.capital} itself: an event {k} from the centre"
                    + ("" if fold(place) == fold(capital.capital) else f", at {place}")
                    + "."
                    if inside
                    else f"The nearest event to {capital.capital}, at {place}, was {k} away."
                ),
                f"Violence reaches {capital.capital}"
                if inside
                else f"Violence within {k} of {capital.capital}",
            )
        if profile.capital_source:
            paragraphs[-1] += f" (Capital located from {profile.capital_source}.)"
    paragraphs.extend(_spread(ctx))
    paragraphs.extend(_hotspots(ctx, located))
    paragraphs.append(_spillover(ctx))
    return Section("geography", "Geography and spill-over", tuple(paragraphs))


def _spread(ctx: Context) -> list[str]:
    units = {f"{e.admin1}/{e.admin2}" for e in ctx.period_events if e.admin2}
    if not units:
        return []
    seen = {
        f"{e.admin1}/{e.admin2}"
        for e in ctx.inp.events
        if e.admin2 and e.event_date < ctx.period.start
    }
    new = sorted(units - seen)
    u = ctx.fact(
        "spread.units",
        len(units),
        "Second-level admin areas (admin1/admin2) with events in the period",
        [e for e in ctx.period_events if e.admin2],
    )
    text = f"Events touched {u} second-level administrative areas"
    if ctx.inp.events[0].event_date < ctx.period.start:
        new_events = [e for e in ctx.period_events if f"{e.admin1}/{e.admin2}" in new]
        n = ctx.fact(
            "spread.new-units",
            len(new),
            "Areas with events in the period and none in the record before it",
            new_events,
        )
        text += f", {n} of them with no earlier event in the record"
        if new:
            text += (
                " ("
                + ", ".join(u.split("/")[-1] for u in new[:5])
                + ("…" if len(new) > 5 else "")
                + ")"
            )
    return [text + "."]


def _hotspots(ctx: Context, located: Sequence[Event]) -> list[str]:
    cells = hotspots(located, size=0.5, top=3)
    if not cells:
        return []
    by_id = {e.id: e for e in located}
    parts = []
    for i, cell in enumerate(cells, start=1):
        names = Counter(by_id[x].location for x in cell.event_ids if by_id[x].location)
        name = (
            names.most_common(1)[0][0] if names else f"{cell.centre[0]:.1f}, {cell.centre[1]:.1f}"
        )
        ctx.mention(name)
        n = ctx.fact(
            f"hotspot.{i}.events",
            cell.events,
            f"Events in the half-degree grid cell around {name}",
            cell.event_ids,
        )
        parts.append(f"around {name} ({n})")
    return ["The busiest half-degree grid cells were " + ", ".join(parts) + "."]


def _spillover(ctx: Context) -> str:
    result = spillover([*ctx.period_events, *ctx.inp.nearby], ctx.country, within_km=SPILLOVER_KM)
    if not result.event_ids:
        return (
            f"No event in a neighbouring country lies within {SPILLOVER_KM:.0f} km of the "
            f"period's events in {ctx.country} (among the events in the store)."
        )
    radius = ctx.fact(
        "spillover.radius",
        SPILLOVER_KM,
        "Distance within which an event across the border counts as spill-over",
        unit=Unit.KM,
    )
    total = ctx.fact(
        "spillover.events",
        result.events,
        f"Events outside {ctx.country} within {SPILLOVER_KM:.0f} km of its located events in the period",
        result.event_ids,
    )
    parts = []
    for country, count in result.by_country[:4]:
        members = [
            e.id for e in ctx.inp.nearby if e.country == country and e.id in result.event_ids
        ]
        slug = country.lower().replace(" ", "-")
        parts.append(
            f"{country} ({ctx.fact(f'spillover.{slug}', count, f'Such events in {country}', members)})"
        )
    ctx.claim(
        "spillover",
        0.6,
        f"{total} {events_word(result.events)} in neighbouring countries lay within {radius} of the violence in {ctx.country}.",
        f"Violence spills over: {total} events across the border",
    )
    return (
        f"Across the border, {total} {events_word(result.events)} lay within {radius} of the period's "
        f"events in {ctx.country}: " + ", ".join(parts) + "."
    )


def outlook(ctx: Context) -> Section:
    """The recent pace against the rest of the period (with the plain extrapolation it implies),
    the latest change point of the monthly series and unusually busy weeks."""
    paragraphs: list[str] = []
    end = ctx.period.end
    recent = DateRange(max(ctx.period.start, end - dt.timedelta(days=89)), end, "the last 90 days")
    earlier_end = recent.start - dt.timedelta(days=1)
    if earlier_end >= ctx.period.start:
        earlier = DateRange(ctx.period.start, earlier_end, "the rest of the period")
        comparison = compare_ranges(ctx.period_events, earlier, recent)
        recent_events = [e for e in ctx.period_events if e.event_date in recent]
        r = ctx.fact(
            "outlook.recent-per-30-days",
            comparison.b.per_30_days,
            "Events per 30 days in the last 90 days of the period",
            recent_events,
            unit=Unit.RATE,
        )
        e_ = ctx.fact(
            "outlook.earlier-per-30-days",
            comparison.a.per_30_days,
            "Events per 30 days in the rest of the period",
            [e for e in ctx.period_events if e.event_date in earlier],
            unit=Unit.RATE,
        )
        if comparison.a.events + comparison.b.events >= MIN_COMPARE:
            clause = ctx.comparison(
                "outlook.recent",
                "the last 90 days against the rest of the period",
                comparison,
                recent_events,
            )
            word = change_words(comparison)
            paragraphs.append(
                f"In the last 90 days events ran at {r} per 30 days against {e_} earlier in the "
                f"period: the pace {word} ({clause})."
            )
            if effect(comparison) > 0:
                ctx.claim(
                    "outlook.recent",
                    0.5 + effect(comparison),
                    f"The pace of events {word} in recent months: {r} a month lately against {e_} before.",
                    f"Violence {'accelerates' if word == 'rose' else 'slows'} in recent months",
                )
        else:
            paragraphs.append(
                f"In the last 90 days events ran at {r} per 30 days against {e_} earlier in the period."
            )
        paragraphs.append(
            f"If the recent pace simply held, the coming month would see roughly {r} events; this "
            "is an extrapolation of the record, not a forecast model, and reporting delays mean "
            "the latest weeks are usually undercounted."
        )
    start = add_months(end.replace(day=1), -35)
    series = monthly_series(ctx.inp.events, max(start, ctx.inp.events[0].event_date), end)
    points = change_points(series)
    if points:
        last = points[-1]
        members = [e for e in ctx.inp.events if e.event_date >= last.start and e.event_date <= end]
        month = ctx.fact(
            "outlook.change-point.month",
            last.label,
            "The latest month where the level of the monthly series changed (binary segmentation, Poisson cost, BIC penalty)",
            unit=Unit.TEXT,
        )
        a = ctx.fact(
            "outlook.change-point.before",
            last.before_mean,
            "Mean events per month before that change",
            unit=Unit.RATE,
        )
        b = ctx.fact(
            "outlook.change-point.after",
            last.after_mean,
            "Mean events per month after that change",
            members,
            unit=Unit.RATE,
        )
        paragraphs.append(
            f"The monthly series last changed level in {month}, from {a} to {b} events a month."
        )
    anomalies = [
        a
        for a in weekly_anomalies(ctx.inp.events, AnomalyOptions())
        if a.week_start >= ctx.period.start
    ]
    if anomalies:
        shown = sorted(anomalies, key=lambda a: a.week_start)[-3:]
        parts = []
        for i, item in enumerate(shown, start=1):
            o = ctx.fact(
                f"anomaly.{i}.observed",
                item.observed,
                f"Events in {item.area} in week {item.week}",
                item.event_ids,
            )
            x = ctx.fact(
                f"anomaly.{i}.expected",
                item.expected,
                f"Mean weekly events in {item.area} over the previous {item.baseline_weeks} weeks",
                unit=Unit.RATE,
            )
            parts.append(
                f"{item.area} in the week of {long_date(item.week_start)} ({o} events against a usual {x})"
            )
        paragraphs.append("Unusually busy weeks (Poisson tail below 1%): " + "; ".join(parts) + ".")
    if not paragraphs:
        paragraphs.append("The period is too short to say anything about the trend.")
    return Section("outlook", "Outlook", tuple(paragraphs))
