"""Sections on who fights: the security situation overall, insurgents, separatists and other
conflicts, and state and foreign forces. Each function computes its facts, writes its text from
templates, and adds the claims that may lead the briefing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..analysis import DateRange, Dimension, around_milestone, breakdown, compare_ranges, dyads
from ..analysis.actors import most_active, new_actors, targets_civilians
from ..knowledge import Period
from ..model import Event
from ..taxonomy import SubEventType
from .compose import (
    INSURGENT,
    SEPARATIST_AND_OTHER,
    STATE_AND_FOREIGN,
    Context,
    Section,
    a_or_an,
    capitalised,
    change_words,
    effect,
    events_word,
    family_label,
    short_name,
)
from .facts import Unit

TERRITORY = (
    SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
    SubEventType.GOVERNMENT_REGAINS_TERRITORY,
)
MIN_COMPARE = 5  # fewer events than this in both periods together: no rate comparison is stated


def security_situation(ctx: Context) -> Section:
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
        paragraphs.append("The most frequent event types were " + _join(parts) + ".")
    paragraphs.extend(_milestones(ctx))
    paragraphs.extend(_newcomers(ctx))
    return Section("security", "The security situation", tuple(paragraphs))


def _milestones(ctx: Context, most: int = 2) -> list[str]:
    """Rates before and after the pack's latest milestones for the country."""
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
            f"Since {label}, the event rate {word}: {clause}.",
            f"Since {label}, violence {word}: {clause.split(' (')[0]}",
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
        f"{total} actors appear for the first time in the record, among them " + _join(parts) + "."
    ]


def insurgent_activity(ctx: Context) -> Section:
    events = [e for e in ctx.period_events if ctx.involves(e, INSURGENT)]
    if not events:
        return Section(
            "insurgents",
            "Insurgent activity by group",
            ("No event involving an insurgent group is recorded for the period.",),
        )
    paragraphs = []
    parts = []
    for family in INSURGENT:
        members = [e for e in events if ctx.involves(e, (family,))]
        if not members:
            continue
        count = ctx.fact(
            f"family.{family}.events",
            len(members),
            f"Events involving {family_label(family)} in the period",
            members,
        )
        deaths = ctx.fact(
            f"family.{family}.fatalities",
            sum(e.fatalities for e in members),
            f"Deaths in events involving {family_label(family)} in the period",
            [e for e in members if e.fatalities],
        )
        parts.append(
            f"{family_label(family)} took part in {count} {events_word(len(members))} ({deaths} deaths)"
        )
        if ctx.has_baseline:
            before = [e for e in ctx.baseline_events if ctx.involves(e, (family,))]
            if len(before) + len(members) >= MIN_COMPARE:
                comparison = compare_ranges([*before, *members], ctx.baseline, ctx.period)
                clause = ctx.comparison(
                    f"family.{family}.change",
                    f"events involving {family_label(family)}",
                    comparison,
                    members,
                )
                word = change_words(comparison)
                parts[-1] += f", a rate that {word} against the previous period ({clause})"
                ctx.claim(
                    f"family.{family}.change",
                    (0.7 + 1.8 * effect(comparison)) if comparison.significant else 0.3,
                    f"Activity of {family_label(family)} {word}: {count} events in the period, {clause}.",
                    f"{capitalised(family_label(family))}: activity {word}, {clause.split(' (')[0]}",
                )
    paragraphs.append("In the period, " + _join(parts) + ".")
    top = [a for a in most_active(events, top=20) if ctx.family_of(a.actor) in INSURGENT][:3]
    if top:
        names = []
        for i, actor in enumerate(top, start=1):
            members = [e for e in events if actor.actor in (e.actor1, e.actor2)]
            names.append(
                f"{short_name(actor.actor)} ({ctx.fact(f'insurgent.top{i}.events', actor.events, f'Events involving {actor.actor} in the period', members)} {events_word(actor.events)})"
            )
            ctx.mention(actor.actor)
        paragraphs.append("The most active insurgent groups were " + _join(names) + ".")
        lead = top[0]
        share = lead.events / len(ctx.period_events)
        s = ctx.fact(
            "insurgent.top1.share",
            share,
            f"Share of all events in the period involving {lead.actor}",
            unit=Unit.PERCENT,
        )
        ctx.claim(
            "insurgent.top1",
            0.4 + share,
            f"{short_name(lead.actor)} was the most active insurgent group, in ⟦insurgent.top1.events⟧ {events_word(lead.events)} ({s} of all events).",
            f"{short_name(lead.actor)} behind {s} of recorded events",
        )
    civilians = [e for e in events if targets_civilians(e) and ctx.family(e) in INSURGENT]
    if civilians:
        c = ctx.fact(
            "insurgent.civilian-targeting.events",
            len(civilians),
            "Civilian-targeting events carried out by insurgent groups in the period",
            civilians,
        )
        d = ctx.fact(
            "insurgent.civilian-targeting.fatalities",
            sum(e.fatalities for e in civilians),
            "Deaths in those events",
            [e for e in civilians if e.fatalities],
        )
        paragraphs.append(
            f"Insurgents targeted civilians in {c} {events_word(len(civilians))}, with {d} reported deaths."
        )
    paragraphs.extend(_islamist_years(ctx))
    return Section("insurgents", "Insurgent activity by group", tuple(paragraphs))


def _islamist_years(ctx: Context) -> list[str]:
    """Militant Islamist events (al-Qaeda and Islamic State families) in the latest full year of
    the record against three years earlier (or the earliest full year when the record is shorter)."""
    families = ("al-qaeda", "islamic-state")
    history = [e for e in ctx.inp.events if ctx.involves(e, families)]
    if not history:
        return []
    last_full = ctx.period.end.year - (
        0 if ctx.period.end >= dt.date(ctx.period.end.year, 12, 31) else 1
    )
    first_full = ctx.inp.events[0].event_date.year + (
        0 if ctx.inp.events[0].event_date == dt.date(ctx.inp.events[0].event_date.year, 1, 1) else 1
    )
    earlier = max(first_full, last_full - 3)
    if earlier >= last_full:
        return []
    a, b = DateRange.year(earlier), DateRange.year(last_full)
    comparison = compare_ranges(history, a, b)
    if comparison.a.events + comparison.b.events < MIN_COMPARE:
        return []
    n_a = ctx.fact(
        f"islamist.{earlier}",
        comparison.a.events,
        f"Events involving al-Qaeda- or Islamic State-affiliated groups in {earlier}",
        [e for e in history if e.event_date in a],
    )
    n_b = ctx.fact(
        f"islamist.{last_full}",
        comparison.b.events,
        f"Events involving al-Qaeda- or Islamic State-affiliated groups in {last_full}",
        [e for e in history if e.event_date in b],
    )
    clause = ctx.comparison(
        "islamist.years",
        f"militant Islamist events, {last_full} against {earlier}",
        comparison,
        [e for e in history if e.event_date in b],
    )
    return [
        f"Over a longer span, militant Islamist events (al-Qaeda and Islamic State families) "
        f"numbered {n_a} in {earlier} and {n_b} in {last_full}: {clause}."
    ]


def separatist_and_other(ctx: Context) -> Section:
    events = [e for e in ctx.period_events if ctx.involves(e, SEPARATIST_AND_OTHER)]
    if not events:
        return Section(
            "separatists",
            "Separatist and other conflicts",
            (
                "No event involving separatists, militias or other non-state groups is recorded for the period.",
            ),
        )
    paragraphs = []
    parts = []
    for family in SEPARATIST_AND_OTHER:
        members = [e for e in events if ctx.involves(e, (family,))]
        if members:
            count = ctx.fact(
                f"family.{family}.events",
                len(members),
                f"Events involving {family_label(family)} in the period",
                members,
            )
            parts.append(f"{family_label(family)} in {count}")
    paragraphs.append("Events involving " + _join(parts) + ".")
    pairs = dyads(events, top=3)
    if pairs:
        rows = []
        for i, dyad in enumerate(pairs, start=1):
            n = ctx.fact(
                f"dyad.{i}.events",
                dyad.events,
                f"Events between {dyad.first} and {dyad.second} in the period",
                dyad.event_ids,
            )
            rows.append(f"{short_name(dyad.first)} against {short_name(dyad.second)} ({n})")
            ctx.mention(dyad.first, dyad.second)
        paragraphs.append("The most frequent pairs of opponents were " + _join(rows) + ".")
    territory = [
        e
        for e in events
        if e.sub_event_type in TERRITORY
        and ctx.family_of(e.actor1) in ("separatist", "militia", "other")
    ]
    for i, event in enumerate(
        sorted(territory, key=lambda e: (-e.fatalities, e.event_date))[:2], start=1
    ):
        deaths = ctx.fact(
            f"territory.{i}.fatalities", event.fatalities, f"Deaths in {event.id}", [event]
        )
        day = ctx.fact(
            f"territory.{i}.date",
            event.event_date.isoformat(),
            f"Date of {event.id}",
            [event],
            unit=Unit.DATE,
        )
        place = event.location or event.admin1 or "an unnamed place"
        ctx.mention(event.actor1, event.location)
        paragraphs.append(
            f"On {day}, {short_name(event.actor1)} took ground at {place} "
            f"({event.sub_event_type.value.lower()}; {deaths} reported deaths)."
        )
        ctx.claim(
            f"territory.{i}",
            0.9 + min(event.fatalities, 100) / 100,
            f"{short_name(event.actor1)} took ground at {place} ({deaths} reported deaths).",
            f"{short_name(event.actor1)} takes ground at {place}",
        )
    return Section("separatists", "Separatist and other conflicts", tuple(paragraphs))


def state_and_foreign(ctx: Context) -> Section:
    events = [e for e in ctx.period_events if ctx.involves(e, STATE_AND_FOREIGN)]
    if not events:
        return Section(
            "forces",
            "State and foreign forces",
            ("No event involving state or foreign forces is recorded for the period.",),
        )
    paragraphs = []
    state = [e for e in events if ctx.involves(e, ("state",))]
    initiated = [e for e in state if ctx.family(e) == "state"]
    s = ctx.fact("state.events", len(state), "Events involving state forces in the period", state)
    i = ctx.fact(
        "state.initiated",
        len(initiated),
        "Events in which state forces were the first actor",
        initiated,
    )
    paragraphs.append(
        f"State forces took part in {s} {events_word(len(state))} and initiated {i} of them."
    )
    foreign_names = sorted(
        {
            n
            for e in events
            for n in (e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2)
            if n and ctx.family_of(n) in ("foreign", "un")
        }
    )
    foreign = [e for e in events if ctx.involves(e, ("foreign", "un"))]
    if foreign:
        f = ctx.fact(
            "foreign.events",
            len(foreign),
            "Events involving foreign forces or UN peacekeepers as actor 1 or 2",
            foreign,
        )
        ctx.mention(*foreign_names)
        paragraphs.append(
            f"Foreign forces or peacekeepers appear in {f} {events_word(len(foreign))} ("
            + ", ".join(short_name(n) for n in foreign_names[:4])
            + ")."
        )
    else:
        paragraphs.append("No foreign force appears as a party to the events of the period.")
    abuses = [e for e in events if targets_civilians(e) and ctx.family(e) in STATE_AND_FOREIGN]
    if abuses:
        n = ctx.fact(
            "forces.civilian-targeting.events",
            len(abuses),
            "Civilian-targeting events with state or foreign forces as first actor",
            abuses,
        )
        d = ctx.fact(
            "forces.civilian-targeting.fatalities",
            sum(e.fatalities for e in abuses),
            "Deaths in those events",
            [e for e in abuses if e.fatalities],
        )
        paragraphs.append(
            f"State or foreign forces were coded as targeting civilians in {n} {events_word(len(abuses))}, with {d} reported deaths."
        )
        ctx.claim(
            "forces.civilian-targeting",
            0.6 + min(sum(e.fatalities for e in abuses), 200) / 200,
            f"State or foreign forces targeted civilians in {n} {events_word(len(abuses))} ({d} reported deaths).",
            f"State and foreign forces linked to {d} civilian deaths",
        )
    return Section("forces", "State and foreign forces", tuple(paragraphs))


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
    who = short_name(top.actor1) or "an unidentified actor"
    ctx.claim(
        "deadliest",
        0.5 + min(top.fatalities, 150) / 100,
        f"The deadliest event, {a_or_an(top.sub_event_type.value.lower())} involving {who} at {place}, left {deaths} dead.",
        f"{deaths} killed at {place}",
    )
    return f"The deadliest event was {a_or_an(top.sub_event_type.value.lower())} involving {who} at {place} on {day}, with {deaths} reported deaths."


def _join(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
