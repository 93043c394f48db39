"""The analyst briefing: computed from the store, written from templates, every number a fact.

    with Store.open("conflictwatch.db") as store:
        briefing = write_briefing(store, Path("brief.html"), country="Mali")
    briefing.headline, briefing.facts["events.period"].value

:func:`build_briefing` returns the :class:`Briefing` record; :func:`briefing_files` renders it
to ``.html`` (one self-contained file), ``.md`` (charts as PNG files beside it) or ``.pdf``
(weasyprint, an optional extra) as bytes; :func:`write_briefing` does both and has
``store.files`` write the result.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..analysis import DateRange
from ..errors import ConfigError
from ..knowledge import Pack, load_pack
from ..store import Store
from ..store.files import check_folder, write_files
from .charts import Chart, distance_chart, event_map, family_chart, fatalities_chart
from .compose import Context, Section
from .facts import Facts, fact_ids, plain
from .gather import BriefingInput, Citation, citations, read_input
from .sections_groups import insurgent_activity, separatist_and_other, state_and_foreign
from .sections_overview import security_situation
from .sections_place import geography, outlook
from .sections_sieges import sieges_and_humanitarian
from .synthesis import Note, analysis, did_you_know, headline_and_standfirst, takeaways

#: Events named by facts resting on at most this many events are cited one by one.
CITE_UP_TO = 30
MAX_CITATIONS = 300
SUFFIXES = (".html", ".md", ".pdf")


@dataclass(frozen=True)
class Briefing:
    """A finished briefing. Texts hold fact markers (``⟦id⟧``) that renderers fill in."""

    title: str
    country: str
    period: DateRange
    baseline: DateRange
    headline: str
    standfirst: str
    takeaways: tuple[str, ...]
    sections: tuple[Section, ...]
    analysis: tuple[str, ...]
    notes: tuple[Note, ...]
    charts: tuple[Chart, ...]
    facts: Facts
    citations: tuple[Citation, ...]
    remarks: tuple[str, ...]
    generated: dt.date

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def chart(self, key: str) -> Chart | None:
        return next((c for c in self.charts if c.key == key), None)

    def text(self) -> str:
        """Every sentence of the briefing with numbers filled in (for search and notes)."""
        parts = [self.headline, self.standfirst, *self.takeaways, *self.analysis]
        parts += [p for s in self.sections for p in s.paragraphs]
        return "\n".join(plain(p, self.facts) for p in parts)

    def facts_json(self) -> dict[str, Any]:
        """The facts appendix as JSON: what ``--facts FILE.json`` writes and the HTML embeds."""
        articles = {
            c.event_id: tuple(r.article_id for r in c.sources if r.article_id)
            for c in self.citations
        }
        return {
            "title": self.title,
            "country": self.country,
            "period": {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()},
            "baseline": {
                "start": self.baseline.start.isoformat(),
                "end": self.baseline.end.isoformat(),
            },
            "generated": self.generated.isoformat(),
            "facts": [f.as_dict(articles) for f in self.facts],
            "citations": [_citation_json(c) for c in self.citations],
        }


def _citation_json(c: Citation) -> dict[str, Any]:
    return {
        "event_id": c.event_id,
        "event_date": c.event_date.isoformat(),
        "dataset": c.dataset,
        "dataset_id": c.dataset_id,
        "location": c.location,
        "actor1": c.actor1,
        "sub_event_type": c.sub_event_type,
        "fatalities": c.fatalities,
        "sources": [dataclasses.asdict(r) for r in c.sources],
    }


def compose(
    inp: BriefingInput, cited: Mapping[str, Citation], *, today: dt.date | None = None
) -> Briefing:
    """Write the briefing from what was read (pure). ``cited``: citations of the period's events,
    used for the coverage caveats; per-event citations are added by :func:`build_briefing`."""
    ctx = Context(inp)
    sections = (
        security_situation(ctx),
        insurgent_activity(ctx),
        separatist_and_other(ctx),
        state_and_foreign(ctx),
        sieges_and_humanitarian(ctx),
        geography(ctx),
        outlook(ctx),
    )
    reading = analysis(ctx, cited)
    headline, standfirst = headline_and_standfirst(ctx)
    bullets = takeaways(ctx)
    facts = ctx.book.facts()
    # Sentences that say something is absent ("No siege ...") do not ask for notes on it.
    body = " ".join(
        plain(p, facts) for s in sections for p in s.paragraphs if not p.startswith("No ")
    )
    notes = did_you_know(ctx, body)
    remarks = []
    if inp.chosen_country:
        remarks.append(
            f"No country was given: {inp.profile.name} is the country with most events in the store."
        )
    return Briefing(
        title=f"{inp.profile.name}: security briefing",
        country=inp.profile.name,
        period=inp.period,
        baseline=inp.baseline,
        headline=headline,
        standfirst=standfirst,
        takeaways=bullets,
        sections=sections,
        analysis=reading,
        notes=notes,
        charts=_charts(ctx),
        facts=facts,
        citations=(),
        remarks=tuple(remarks),
        generated=today or dt.date.today(),
    )


def _charts(ctx: Context) -> tuple[Chart, ...]:
    inp = ctx.inp
    end = inp.period.end
    charts = [family_chart(inp.events, end, ctx.family), fatalities_chart(inp.events, end)]
    capital = inp.profile.as_country()
    if capital is not None and any(e.latitude is not None for e in inp.events):
        charts.append(distance_chart(inp.events, end, capital))
    drawn = event_map(ctx.period_events, inp.nearby, inp.profile, inp.outlines, ctx.family)
    if drawn is not None:
        charts.append(drawn)
    return tuple(charts)


def cited_event_ids(briefing: Briefing) -> list[str]:
    """Events to cite one by one: those of every fact resting on few events, in fact order."""
    used = set()
    for text in (briefing.headline, briefing.standfirst, *briefing.takeaways, *briefing.analysis):
        used.update(fact_ids(text))
    for section in briefing.sections:
        for paragraph in section.paragraphs:
            used.update(fact_ids(paragraph))
    wanted: dict[str, None] = {}
    for fact in briefing.facts:
        if fact.id in used and 0 < fact.event_count <= CITE_UP_TO:
            wanted.update(dict.fromkeys(fact.event_ids))
    return list(wanted)[:MAX_CITATIONS]


def build_briefing(
    store: Store,
    *,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    pack: Pack | None = None,
) -> Briefing:
    """Read the store and write the briefing on ``country`` (default: the one with most events)."""
    if since and until and until < since:
        raise ConfigError(
            f"--until {until} is before --since {since}; give a period that runs forward."
        )
    inp = read_input(store, pack or load_pack("sahel"), country=country, since=since, until=until)
    draft = compose(inp, citations(store, inp.in_period))
    by_id = {e.id: e for e in (*inp.events, *inp.nearby)}
    chosen = [by_id[i] for i in cited_event_ids(draft) if i in by_id]
    found = citations(store, chosen)
    return dataclasses.replace(draft, citations=tuple(found[e.id] for e in chosen))


def write_briefing(
    store: Store,
    out_path: str | Path,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    *,
    facts_path: str | Path | None = None,
    markdown_beside: bool = False,
    pack: Pack | None = None,
) -> Briefing:
    """Build the briefing and write it to ``out_path`` (.html, .md or .pdf, by suffix).

    ``facts_path`` also writes the facts appendix as JSON; ``markdown_beside`` writes a ``.md``
    next to an ``.html`` (what ``make demo`` wants).
    """
    out = Path(out_path)
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise ConfigError(
            f"Cannot write a briefing to {out.name!r}: the file name must end in .html, .md or .pdf."
        )
    check_folder(out)
    briefing = build_briefing(store, country=country, since=since, until=until, pack=pack)
    write_files(
        briefing_files(briefing, out, facts_path=facts_path, markdown_beside=markdown_beside)
    )
    return briefing


def briefing_files(
    briefing: Briefing,
    out: Path,
    *,
    facts_path: str | Path | None = None,
    markdown_beside: bool = False,
) -> dict[Path, bytes]:
    """The files that show ``briefing`` at ``out`` (.html, .md or .pdf, by suffix), in the order
    to write them: ``{path: bytes}``. Options as for :func:`write_briefing`."""
    from .render_html import render_html
    from .render_markdown import markdown_files

    suffix = out.suffix.lower()
    files: dict[Path, bytes] = {}
    if suffix == ".html":
        files[out] = render_html(briefing).encode("utf-8")
        if markdown_beside:
            files.update(markdown_files(briefing, out.with_suffix(".md")))
    elif suffix == ".md":
        files.update(markdown_files(briefing, out))
    elif suffix == ".pdf":
        from .pdf import render_pdf

        files[out] = render_pdf(render_html(briefing, for_print=True))
    else:
        raise ConfigError(
            f"Cannot write a briefing to {out.name!r}: the file name must end in .html, .md or .pdf."
        )
    if facts_path is not None:
        facts = json.dumps(briefing.facts_json(), indent=2, ensure_ascii=False)
        files[Path(facts_path)] = facts.encode("utf-8")
    return files
