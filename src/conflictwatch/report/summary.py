"""A one-page HTML overview of a store: totals, breakdowns and the event list, fully escaped.

Self-contained (no scripts, fonts or requests); the full analyst briefing builds on the same facts.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ..model import Event, Mention
from ..store import Stats

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#1d2428}
h1{font-size:1.6rem} table{border-collapse:collapse;margin:1rem 0;width:100%}
td,th{border-bottom:1px solid #dde;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f4f7} .n{text-align:right} .grid{display:flex;gap:2rem;flex-wrap:wrap}
.grid table{width:auto}
"""


def _counts(title: str, counts: dict[str, int], top: int = 12) -> str:
    rows = "".join(
        f"<tr><td>{escape(k)}</td><td class=n>{v:,}</td></tr>"
        for k, v in list(counts.items())[:top]
    )
    return f"<table><tr><th>{escape(title)}</th><th class=n>events</th></tr>{rows}</table>"


def _mentions_section(mentions: Iterable[tuple[str, Mention]]) -> str:
    rows = []
    for article_id, m in mentions:
        quote = next((e.quote for e in m.evidence if e.field == "sub_event_type"), "")
        cells = (m.event_date, m.sub_event_type.value, m.actor1, m.actor2,
                 ", ".join(p for p in (m.location, m.country) if p))  # fmt: skip
        rows.append(
            "<tr><td>"
            + escape(article_id)
            + "</td>"
            + "".join(f"<td>{escape(str(v))}</td>" for v in cells)
            + f"<td class=n>{m.fatalities}</td><td><q>{escape(quote)}</q></td></tr>"
        )
    if not rows:
        return ""
    return (
        f"<h2>Extracted from the sample reports ({len(rows)} mentions)</h2>"
        "<p>Each row is one event as one report tells it, coded automatically; the quote is the "
        "trigger behind the event type. Reports telling the same event are not merged yet.</p>"
        "<table><tr><th>Report</th><th>Date</th><th>Type</th><th>Actor 1</th><th>Actor 2</th>"
        "<th>Place</th><th class=n>Deaths</th><th>Evidence</th></tr>" + "".join(rows) + "</table>"
    )


def render_summary(
    title: str,
    stats: Stats,
    events: Iterable[Event],
    mentions: Iterable[tuple[str, Mention]] = (),
) -> str:
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(str(v))}</td>"
            for v in (
                e.event_date,
                e.sub_event_type.value,
                e.actor1,
                e.actor2,
                ", ".join(p for p in (e.location, e.admin1, e.country) if p),
            )
        )
        + f"<td class=n>{e.fatalities}</td><td>{escape(e.notes)}</td></tr>"
        for e in events
    )
    span = f"{stats.first_date} to {stats.last_date}" if stats.first_date else "no events"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>{_STYLE}</style></head><body>
<h1>{escape(title)}</h1>
<p>{stats.events:,} events, {stats.fatalities:,} reported fatalities, {escape(span)}.</p>
<div class=grid>{_counts("Year", stats.by_year)}{_counts("Event type", stats.by_event_type)}
{_counts("Country", stats.by_country)}{_counts("Admin1", stats.by_admin1)}</div>
<h2>Events</h2>
<table><tr><th>Date</th><th>Type</th><th>Actor 1</th><th>Actor 2</th><th>Place</th>
<th class=n>Deaths</th><th>Notes</th></tr>{rows}</table>
{_mentions_section(mentions)}
</body></html>
"""
