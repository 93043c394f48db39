"""The parts written from the whole: headline and standfirst (the strongest claims), Key
Takeaways, the hedged Analysis with its caveats on coverage, and the Did You Know? notes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import Dataset
from .compose import Claim, Context, capitalised, family_label, short_name
from .facts import Unit
from .gather import Citation

MIN_TAKEAWAYS = 3
MAX_TAKEAWAYS = 6
TAKEAWAY_STRENGTH = 0.5  # claims below this make a takeaway only to reach three
MAX_NOTES = 8


@dataclass(frozen=True)
class Note:
    """A "Did you know?" note: what an actor, place or institution named in the briefing is."""

    title: str
    kind: str  # place | institution | term | actor-context | actor
    text: str


def ranked_claims(ctx: Context) -> list[Claim]:
    """Claims by strength, strongest first (ties: the order in which sections found them)."""
    order = {id(c): i for i, c in enumerate(ctx.claims)}
    return sorted(ctx.claims, key=lambda c: (-c.strength, order[id(c)]))


def headline_and_standfirst(ctx: Context) -> tuple[str, str]:
    claims = ranked_claims(ctx)
    if not claims:
        return f"{ctx.country}: no recorded events in the period", ""
    standfirst = " ".join(c.sentence for c in claims[:2])
    return claims[0].headline, standfirst


def takeaways(ctx: Context) -> tuple[str, ...]:
    """Three to six bullets, each a claim with its numbers, strongest first."""
    claims = ranked_claims(ctx)
    strong = [c for c in claims if c.strength >= TAKEAWAY_STRENGTH][:MAX_TAKEAWAYS]
    if len(strong) < MIN_TAKEAWAYS:
        strong = claims[: max(MIN_TAKEAWAYS, len(strong))]
    return tuple(c.sentence for c in strong)


def analysis(ctx: Context, cited: Mapping[str, Citation]) -> tuple[str, ...]:
    """What the patterns suggest (hedged), then what the data can and cannot support."""
    paragraphs = []
    claims = {c.key: c for c in ctx.claims}
    events = ctx.period_events
    hints = []
    change = claims.get("events.change")
    if change and change.strength > 0.6:
        hints.append(
            "the overall level of violence has shifted beyond what chance variation in counts "
            "would produce"
        )
    if "distance.closer" in claims:
        hints.append("the conflict may be drawing nearer to the capital")
    if any(k.startswith("situation.") for k in claims):
        hints.append(
            "armed groups are using sieges or blockades to pressure towns and supply routes"
        )
    if "spillover" in claims:
        hints.append("violence near the borders is shared with neighbouring countries")
    if hints:
        paragraphs.append(
            "Taken together, the figures suggest that " + "; that ".join(hints) + ". These are "
            "readings of counts, not explanations: they say where to look, not why."
        )
    families = Counter(ctx.family(e) for e in events if ctx.family(e) != "other")
    if families:
        family, count = families.most_common(1)[0]
        share = ctx.fact(
            "analysis.lead-family.share",
            count / sum(families.values()),
            f"Share of the period's events (with a known family of actor 1) initiated by {family_label(family)}",
            [e for e in events if ctx.family(e) == family],
            unit=Unit.PERCENT,
        )
        paragraphs.append(
            f"{capitalised(family_label(family))} initiated {share} of the events whose first "
            "actor could be placed in a family, which likely makes them the main driver of the "
            "violence recorded, though attribution in the sources is often uncertain."
        )
    paragraphs.append(_coverage(ctx, cited))
    return tuple(paragraphs)


def _coverage(ctx: Context, cited: Mapping[str, Citation]) -> str:
    """What the data can support, and two low-strength claims so that every briefing has at
    least three takeaways: the size of the record and where the period's events come from."""
    events = ctx.period_events
    history = ctx.inp.events
    first = ctx.fact(
        "coverage.first-date",
        history[0].event_date.isoformat(),
        f"First event in the record for {ctx.country}",
        [history[0]],
        unit=Unit.DATE,
    )
    last = ctx.fact(
        "coverage.last-date",
        history[-1].event_date.isoformat(),
        f"Last event in the record for {ctx.country} up to the end of the period",
        [history[-1]],
        unit=Unit.DATE,
    )
    record = ctx.fact(
        "record.events",
        len(history),
        f"Events in the record for {ctx.country} up to the end of the period",
        history,
    )
    ctx.claim(
        "record",
        0.2,
        f"The record for {ctx.country} holds {record} events, from {first} to {last}.",
        f"{ctx.country}: {record} events on record",
    )
    if not events:
        return (
            f"Caveat: no event is recorded in the period, so nothing above rests on data from it; "
            f"the record for {ctx.country} runs from {first} to {last}."
        )
    sources = Counter(ref.label for e in events if e.id in cited for ref in cited[e.id].sources)
    n_sources = ctx.fact(
        "coverage.sources",
        len(sources),
        "Distinct sources (outlets, or the source field of coded datasets) behind the period's events",
        [e for e in events if e.id in cited and cited[e.id].sources],
    )
    extracted = [e for e in events if e.dataset is Dataset.CONFLICTWATCH]
    share = ctx.fact(
        "coverage.extracted-share",
        len(extracted) / len(events),
        "Share of the period's events built by extraction from reports (the rest come from coded datasets)",
        extracted,
        unit=Unit.PERCENT,
    )
    datasets = Counter(e.dataset.value for e in events)
    missing = [e for e in events if e.latitude is None or e.longitude is None]
    named = (
        f"rest on {n_sources} distinct {'source' if len(sources) == 1 else 'sources'}"
        if sources
        else "name no source"
    )
    ctx.claim(
        "coverage",
        0.25,
        f"The period's events {named}; {share} of them were extracted from reports.",
        f"{ctx.country}: {share} of events extracted from reports",
    )
    text = (
        f"Caveats on coverage: the period's events {named}; {share} "
        "were extracted from reports and the rest come from coded datasets ("
        + ", ".join(f"{name}: {n:,}" for name, n in datasets.most_common())
        + f"). The record for {ctx.country} runs from {first} to {last}."
    )
    if missing:
        m = ctx.fact(
            "coverage.without-coordinates",
            len(missing),
            "Events of the period without coordinates (left out of distances and maps)",
            missing,
        )
        text += f" {m} events have no coordinates and are left out of distances and the map."
    text += (
        " Counts follow reporting: more outlets, a new dataset or a news blackout can change "
        "them as much as the fighting does, and coded datasets lag by weeks to a year."
    )
    return text


def did_you_know(ctx: Context, text: str) -> tuple[Note, ...]:
    """Glossary notes on the places, institutions and terms in ``text``, and the pack's
    descriptions of the actors the briefing names."""
    pack = ctx.inp.pack
    iso2 = ctx.inp.profile.iso2
    notes: list[Note] = []
    seen: set[str] = set()
    for entry in pack.glossary_for(" ".join([text, *ctx.mentioned])):
        if entry.countries and iso2 not in entry.countries:
            continue
        if entry.title not in seen:
            seen.add(entry.title)
            notes.append(Note(entry.title, entry.kind, entry.text))
    for name in _actor_names(ctx.mentioned):
        actor = pack.actor(name) or pack.actor_for(name)
        if actor is None or not actor.description:
            continue
        title = short_name(actor.name)
        covered = {entry.title for entry in pack.glossary_for(actor.name)} & seen
        if title not in seen and not covered:
            seen.add(title)
            notes.append(Note(title, "actor", actor.description))
    return tuple(notes[:MAX_NOTES])


def _actor_names(names: Iterable[str]) -> list[str]:
    return [n for n in names if n]
