"""Sieges, blockades and humanitarian impact: tracked situations, civilians targeted, who
targets them, abductions and the deadliest event."""

from __future__ import annotations

from ..analysis import (
    track_situations,
)
from ..analysis.actors import civilian_targeting_shift, targets_civilians
from ..taxonomy import SubEventType
from .compose import (
    Context,
    Section,
    capitalised,
    events_word,
    family_label,
    short_name,
)
from .facts import Unit
from .sections_overview import deadliest


def sieges_and_humanitarian(ctx: Context) -> Section:
    """Sieges and blockades in force during the period, attacks on civilians and who carries
    them out, UCDP's civilian deaths when present, abductions and the deadliest event."""
    paragraphs: list[str] = []
    tracked = [
        t
        for t in track_situations(ctx.inp.events, as_of=ctx.period.end, manual=ctx.inp.manual)
        if t.situation.end is None or t.situation.end >= ctx.period.start
    ]
    for i, item in enumerate(tracked[:5], start=1):
        s = item.situation
        key = f"situation.{i}"
        since = ctx.fact(
            f"{key}.since",
            s.start.isoformat(),
            f"First evidence of the {s.kind.value} of {s.location}",
            s.event_ids[:1],
            unit=Unit.DATE,
        )
        last = ctx.fact(
            f"{key}.last-evidence",
            item.last_evidence.isoformat(),
            f"Latest evidence of the {s.kind.value} of {s.location}",
            unit=Unit.DATE,
        )
        n = ctx.fact(
            f"{key}.evidence",
            item.evidence_events,
            f"Events evidencing the {s.kind.value} of {s.location}",
            s.event_ids,
        )
        by = f" by {short_name(s.actor)}" if s.actor else ""
        ctx.mention(s.actor, s.location)
        if item.ongoing:
            state = "is still in force as of the latest evidence"
        elif item.status == "lifted":
            state = "was reported lifted"
        else:
            state = "has had no fresh evidence for over three months and is treated as ended"
        source = " (entered by an analyst)" if item.source == "manual" else ""
        paragraphs.append(
            f"{s.location}: a {s.kind.value}{by}, first evidenced on {since}, last on {last} "
            f"({n} {events_word(item.evidence_events)}){source}; it {state}."
        )
        if item.ongoing:
            ctx.claim(
                key,
                1.3 + min((ctx.period.end - s.start).days, 365) / 365,
                f"{s.location} has been under {s.kind.value}{by} since {since} ({n} events of evidence).",
                f"{s.location} under {s.kind.value}{by} since {since}",
            )
    if not tracked:
        paragraphs.append(
            "No siege or blockade is evidenced in the period (evidence: events tagged siege or "
            "blockade, or whose notes describe one, and entries made by analysts)."
        )
    events = ctx.period_events
    civilian = [e for e in events if targets_civilians(e)]
    if civilian:
        c = ctx.fact(
            "civilians.events", len(civilian), "Events targeting civilians in the period", civilian
        )
        d = ctx.fact(
            "civilians.fatalities",
            sum(e.fatalities for e in civilian),
            "Deaths in events targeting civilians",
            [e for e in civilian if e.fatalities],
        )
        paragraphs.append(
            f"Civilians were targeted in {c} {events_word(len(civilian))} that left {d} dead."
        )
        share = len(civilian) / len(events)
        s_ = ctx.fact(
            "civilians.share",
            share,
            "Share of the period's events that targeted civilians",
            unit=Unit.PERCENT,
        )
        ctx.claim(
            "civilians",
            0.4 + share,
            f"Civilians were the target in {s_} of events ({c}), which left {d} dead.",
            f"Civilians targeted in {s_} of events",
        )
    coded = [e for e in events if "deaths_civilians" in e.extra]
    if coded:
        total = sum(int(e.extra["deaths_civilians"]) for e in coded)
        d = ctx.fact(
            "ucdp.deaths-civilians",
            total,
            "Civilian deaths as coded by UCDP (deaths_civilians) in the period",
            [e for e in coded if int(e.extra["deaths_civilians"])],
        )
        paragraphs.append(f"UCDP's coders count {d} civilian deaths among the period's events.")
    abductions = [
        e for e in events if e.sub_event_type is SubEventType.ABDUCTION_FORCED_DISAPPEARANCE
    ]
    if abductions:
        a = ctx.fact(
            "abductions.events",
            len(abductions),
            "Abductions and forced disappearances in the period",
            abductions,
        )
        paragraphs.append(
            f"Abductions or forced disappearances: {a} {events_word(len(abductions))}."
        )
    if not civilian and not coded and not abductions:
        paragraphs.append("No event in the period is coded as targeting civilians.")
    paragraphs.extend(_targeting_shift(ctx))
    top = deadliest(ctx, events)
    if top:
        paragraphs.append(top)
    return Section("sieges", "Sieges, blockades and humanitarian impact", tuple(paragraphs))


def _targeting_shift(ctx: Context, min_events: int = 5, min_change: float = 0.15) -> list[str]:
    """Who carries out civilian-targeting events, previous period against this one."""
    if not ctx.has_baseline:
        return []
    shift = civilian_targeting_shift(ctx.inp.events, ctx.baseline, ctx.period, ctx.family_of)
    if shift.a_total < min_events or shift.b_total < min_events or not shift.families:
        return []
    top = shift.families[0]
    if abs(top.change) < min_change:
        return []
    label = family_label(top.family)
    before = ctx.fact(
        "civilians.shift.before", top.a_share,
        f"Share of the previous period's civilian-targeting events carried out by {label}",
        [e for e in ctx.baseline_events if targets_civilians(e) and ctx.family(e) == top.family],
        unit=Unit.PERCENT,
    )  # fmt: skip
    after = ctx.fact(
        "civilians.shift.after", top.b_share,
        f"Share of the period's civilian-targeting events carried out by {label}",
        [e for e in ctx.period_events if targets_civilians(e) and ctx.family(e) == top.family],
        unit=Unit.PERCENT,
    )  # fmt: skip
    word = "rose" if top.change > 0 else "fell"
    ctx.claim(
        "civilians.shift",
        0.6 + abs(top.change),
        f"The share of attacks on civilians carried out by {label} {word} from {before} to {after}.",
        f"{capitalised(label)}: a {'larger' if top.change > 0 else 'smaller'} share of attacks on civilians",
    )
    return [
        f"Of the events targeting civilians, {label} carried out {after} in the period against "
        f"{before} in the previous one."
    ]
