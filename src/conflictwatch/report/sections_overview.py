"""The overview: the security situation as a whole (counts, change on the previous period,
rates around the pack's milestones, actors new to the record) and the deadliest event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..analysis import Dimension, around_milestone, breakdown, compare_ranges
from ..analysis.actors import new_actors
from ..knowledge import Period
from ..model import Event
from .compose import (
    Context,
    Section,
    a_or_an,
    change_words,
    effect,
    events_word,
    short_name,
    who,
)
from .facts import Unit

MIN_COMPARE = 5  # fewer events than this in both periods together: no rate comparison is stated


def security_situation(ctx: Context) -> Section:
    """Counts and deaths in the period, the change on the previous period, the main event
    types, rates around the pack's milestones and actors new to the record."""
    events = ctx.period_events
    country = ctx.country
    n = ctx.fact("events.period", len(events), f"Events in {country} in the period", events)
    deaths = sum(e.fatalities for e in events)
    f = ctx.fact(
        "fatalities.period",
        deaths,
        f"Reported fatalities (best estimate) in {country} in the period",
        [e for e in events if e.fatalities],
    )
    paragraphs = [f"{country} recorded {n} events and {f} reported deaths {ctx.period_phrase}."]
    if not events:
        paragraphs.append("No event is recorded in the period, so the sections below are brief.")
    ctx.claim(
        "events.period",
        0.3,
        f"The record holds {n} events and {f} reported deaths in {country} in the period.",
        f"{country}: {n} events and {f} deaths in the period",
    )
    if ctx.has_baseline and len(events) + len(ctx.baseline_events) >= MIN_COMPARE:
        comparison = compare_ranges(ctx.inp.events, ctx.baseline, ctx.period)
        base = ctx.fact(
            "events.baseline",
            comparison.a.events,
            f"Events in {country} in the previous period ({ctx.baseline.start}..{ctx.baseline.end})",
            ctx.baseline_events,
        )
        clause = ctx.comparison("events.change", "all events", comparison, events)
        word = change_words(comparison)
        paragraphs.append(
            f"Against {base} events in the previous period of equal length, the rate {word}: "
            f"{clause}."
        )
        rr = "⟦events.change.rate-ratio⟧"
        if word == "rose":
            head = f"Violence in {country} rose {rr}-fold on the previous period"
        elif word == "fell":
            head = f"Recorded violence in {country} fell to {rr} times its earlier rate"
        else:
            head = f"Violence in {country} held steady at {n} events"
        ctx.claim(
            "events.change",
            (0.6 + 2.0 * effect(comparison)) if comparison.significant else 0.35,
            f"Events in {country} {word} on the previous period: {n} against {base}, {clause}.",
            head,
        )
    types = breakdown(events, Dimension.EVENT_TYPE).rows[:3]
    if types:
        parts = []
        for row in types:
            members = [e for e in events if e.event_type.value == row.key]
            slug = row.key.lower().replace("/", "-").replace(" ", "-")
            parts.append(
                f"{row.key.lower()} ({ctx.fact(f'type.{slug}.events', row.events, f'{row.key} events in the period', members)})"
            )
        paragraphs.append("The most frequent event types were " + join_words(parts) + ".")
    paragraphs.extend(_milestones(ctx))
    paragraphs.extend(_newcomers(ctx))
    return Section("security", "The security situation", tuple(paragraphs))


def _milestones(ctx: Context, most: int = 2) -> list[str]:
    """Rates before and after the pack's latest turning points for the country."""
    history = ctx.inp.events
    if not history or not ctx.inp.profile.iso2:
        return []
    first = history[0].event_date
    end = ctx.period.end
    usable = [
        p
        for p in ctx.inp.pack.periods(ctx.inp.profile.iso2)
        if first + dt.timedelta(days=180) <= p.date <= end - dt.timedelta(days=90)
    ]
    # Trends are compared around turning points (coups, forces arriving or leaving), not around
    # a single attack, when the pack has any in range.
    usable = [p for p in usable if p.kind != "event"] or usable
    spaced: list[Period] = []
    for candidate in reversed(usable):
        if all(abs((candidate.date - p.date).days) >= 180 for p in spaced):
            spaced.append(candidate)
    text = []
    for period in reversed(spaced[:most]):
        days = min(365, (end - period.date).days + 1, (period.date - first).days)
        comparison = around_milestone(history, period, days=days, until=end)
        if comparison.a.events + comparison.b.events < MIN_COMPARE:
            continue
        key = f"milestone.{period.id}"
        label = ctx.fact(
            f"{key}.label", period.label_in("en"), "A named period of the pack", unit=Unit.TEXT
        )
        day = ctx.fact(
            f"{key}.date",
            period.date.isoformat(),
            f"Date of: {period.label_in('en')}",
            unit=Unit.DATE,
        )
        window = ctx.fact(f"{key}.days", days, "Days compared on each side of the milestone")
        after = [e for e in history if e.event_date in comparison.b.range]
        before = ctx.fact(
            f"{key}.before",
            comparison.a.events,
            f"Events in the {days} days before {period.label_in('en')}",
            [e for e in history if e.event_date in comparison.a.range],
        )
        since = ctx.fact(
            f"{key}.after",
            comparison.b.events,
            f"Events in the {days} days from {period.label_in('en')}",
            after,
        )
        clause = ctx.comparison(key, f"events around {period.label_in('en')}", comparison, after)
        text.append(
            f"Around the milestone “{label}” ({day}): {since} events in the {window} days from it "
            f"against {before} in the {window} days before, {clause}."
        )
        word = change_words(comparison)
        ctx.claim(
            key,
            (0.5 + 1.5 * effect(comparison)) if comparison.significant else 0.3,
            f"After “{label}”, the event rate {word}: {clause}.",
            f"After “{label}”, violence {word} {f'⟦{key}.rate-ratio⟧-fold' if word == 'rose' else f'to ⟦{key}.rate-ratio⟧ times its earlier rate'}",
        )
    return text


def _newcomers(ctx: Context, most: int = 4) -> list[str]:
    """Actors whose first event in the record falls in the period (when the record is older)."""
    if not ctx.has_baseline:
        return []
    found = [a for a in new_actors(ctx.inp.events, ctx.period) if a.events > 0]
    if not found:
        return []
    found.sort(key=lambda a: (-a.events, a.first, a.actor))
    parts = []
    for i, actor in enumerate(found[:most], start=1):
        members = [e for e in ctx.period_events if actor.actor in (e.actor1, e.actor2)]
        n = ctx.fact(
            f"new-actor.{i}.events",
            actor.events,
            f"Events in the period involving {actor.actor}, absent from the record before it",
            members,
        )
        parts.append(f"{short_name(actor.actor)} ({n} {events_word(actor.events)})")
        ctx.mention(actor.actor)
    total = ctx.fact(
        "new-actors", len(found), "Actors (actor 1 or 2) first recorded in the period",
        [a.first_event_id for a in found],
    )  # fmt: skip
    return [
        f"{total} actors appear for the first time in the record, among them "
        + join_words(parts)
        + "."
    ]


def deadliest(ctx: Context, events: Sequence[Event]) -> str:
    """The deadliest event of the period as a sentence (and a claim), or ""."""
    killed = [e for e in events if e.fatalities > 0]
    if not killed:
        return ""
    top = max(killed, key=lambda e: (e.fatalities, e.event_date, e.id))
    deaths = ctx.fact(
        "deadliest.fatalities",
        top.fatalities,
        f"Deaths in the deadliest event of the period ({top.id})",
        [top],
    )
    day = ctx.fact(
        "deadliest.date", top.event_date.isoformat(), f"Date of {top.id}", [top], unit=Unit.DATE
    )
    place = top.location or top.admin1 or top.country
    ctx.mention(top.actor1, top.location)
    actor = who(top.actor1)
    ctx.claim(
        "deadliest",
        0.5 + min(top.fatalities, 150) / 100,
        f"The deadliest event, {a_or_an(top.sub_event_type.value.lower())} involving {actor} at {place}, left {deaths} dead.",
        f"{deaths} killed at {place}",
    )
    return f"The deadliest event was {a_or_an(top.sub_event_type.value.lower())} involving {actor} at {place} on {day}, with {deaths} reported deaths."


def join_words(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
