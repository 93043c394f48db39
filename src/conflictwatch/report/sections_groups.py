"""Sections on who fights: insurgents by group, separatists and other conflicts, and state and
foreign forces. Each function computes its facts, writes its text from templates, and adds the
claims that may lead the briefing."""

from __future__ import annotations

import datetime as dt

from ..analysis import DateRange, compare_ranges, dyads
from ..analysis.actors import most_active, targets_civilians
from ..model import Event
from ..taxonomy import SubEventType
from .compose import (
    INSURGENT,
    SEPARATIST_AND_OTHER,
    STATE_AND_FOREIGN,
    Context,
    Section,
    capitalised,
    change_words,
    effect,
    events_word,
    family_label,
    is_unidentified,
    short_name,
)
from .facts import Unit
from .sections_overview import MIN_COMPARE, join_words

TERRITORY = (
    SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
    SubEventType.GOVERNMENT_REGAINS_TERRITORY,
)


def insurgent_activity(ctx: Context) -> Section:
    """Events involving al-Qaeda, Islamic State and other armed groups: per family, the most
    active groups, their attacks on civilians and the longer militant Islamist trend."""
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
    paragraphs.append("In the period, " + join_words(parts) + ".")
    top = [
        a
        for a in most_active(events, top=20)
        if ctx.family_of(a.actor) in INSURGENT and not is_unidentified(a.actor)
    ][:3]
    if top:
        names = []
        for i, actor in enumerate(top, start=1):
            members = [e for e in events if actor.actor in (e.actor1, e.actor2)]
            names.append(
                f"{short_name(actor.actor)} ({ctx.fact(f'insurgent.top{i}.events', actor.events, f'Events involving {actor.actor} in the period', members)} {events_word(actor.events)})"
            )
            ctx.mention(actor.actor)
        paragraphs.append("The most active insurgent groups were " + join_words(names) + ".")
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
    unnamed = [e for e in events if is_unidentified(e.actor1) or is_unidentified(e.actor2)]
    if unnamed:
        u = ctx.fact(
            "insurgent.unidentified.events",
            len(unnamed),
            "Events in the period whose armed group the sources did not identify",
            unnamed,
        )
        paragraphs.append(
            f"Sources could not name the group behind {u} {events_word(len(unnamed))}, which are "
            "left out of the ranking."
        )
    civilians = [e for e in events if targets_civilians(e) and ctx.family(e) in INSURGENT]
    if civilians:
        c, d = _targeting_facts(ctx, "insurgent", civilians,
                                "Civilian-targeting events carried out by insurgent groups in the period")  # fmt: skip
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
    """Separatists, militias and other non-state groups: counts, main dyads and ground taken."""
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
    paragraphs.append("Events involving " + join_words(parts) + ".")
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
        paragraphs.append("The most frequent pairs of opponents were " + join_words(rows) + ".")
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
    """State forces (events and those they initiated), foreign forces present, and civilian
    targeting coded against them."""
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
        n, d = _targeting_facts(ctx, "forces", abuses,
                                "Civilian-targeting events with state or foreign forces as first actor")  # fmt: skip
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


def _targeting_facts(
    ctx: Context, who: str, events: list[Event], described: str
) -> tuple[str, str]:
    """The facts "events targeting civilians" and "deaths in them" for one group of actors."""
    count = ctx.fact(f"{who}.civilian-targeting.events", len(events), described, events)
    deaths = ctx.fact(
        f"{who}.civilian-targeting.fatalities",
        sum(e.fatalities for e in events),
        "Deaths in those events",
        [e for e in events if e.fatalities],
    )
    return count, deaths
