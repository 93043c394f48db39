"""The briefing as one self-contained HTML file: inline CSS, charts as data: URLs, the facts as
embedded JSON, system fonts only. Opening it makes no request at all."""

from __future__ import annotations

import base64
import json
from html import escape
from typing import TYPE_CHECKING

from .charts import Chart
from .facts import MARKER, Facts

if TYPE_CHECKING:
    from .briefing import Briefing

_STYLE = """
:root{--ink:#1d2428;--muted:#5b6770;--line:#dde2e6;--accent:#1f4e79;--soft:#f3f6f9}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);margin:0;background:#fff;line-height:1.5}
main{max-width:54rem;margin:0 auto;padding:2rem 1.2rem 4rem}
header .kicker{color:var(--muted);font-size:.85rem;text-transform:uppercase;letter-spacing:.06em}
h1{font-size:1.9rem;line-height:1.2;margin:.3rem 0 .6rem}
.standfirst{font-size:1.12rem;color:#34434d;margin:0 0 1rem}
.meta{color:var(--muted);font-size:.85rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
.box{background:var(--soft);border-left:4px solid var(--accent);padding:.6rem 1.2rem;margin:1.2rem 0}
.box h2{border:0;margin-top:.4rem}
a.fact{color:inherit;text-decoration:none;border-bottom:1px dotted var(--accent);font-weight:600}
figure{margin:1rem 0}
figure img{max-width:100%;height:auto;border:1px solid var(--line)}
figcaption{color:var(--muted);font-size:.82rem}
dl.notes dt{font-weight:600;margin-top:.6rem}
dl.notes dd{margin:0 0 0 1rem}
.kind{color:var(--muted);font-weight:400;font-size:.8rem}
table{border-collapse:collapse;width:100%;font-size:.82rem;margin:.6rem 0}
td,th{border-bottom:1px solid var(--line);padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:var(--soft)} td.n{text-align:right;white-space:nowrap}
.ids{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.75rem;overflow-wrap:anywhere}
#facts-appendix table{table-layout:fixed}
#facts-appendix th:nth-child(1){width:24%} #facts-appendix th:nth-child(2){width:14%}
#facts-appendix th:nth-child(3){width:37%} #facts-appendix th:nth-child(4){width:25%}
ol.sources li{margin:.2rem 0;font-size:.85rem}
@media print{main{max-width:none;padding:0} figure,table,.box{break-inside:avoid}}
"""


def fill(text: str, facts: Facts) -> str:
    """Escape ``text`` and turn each fact marker into a link to its row in the appendix."""
    out = []
    last = 0
    for match in MARKER.finditer(text):
        out.append(escape(text[last : match.start()]))
        fact = facts[match.group(1)]
        out.append(
            f'<a class="fact" href="#fact-{escape(fact.id)}" data-fact="{escape(fact.id)}" '
            f'title="{escape(fact.description)}">{escape(fact.display)}</a>'
        )
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _figure(chart: Chart) -> str:
    data = base64.b64encode(chart.png).decode("ascii")
    return (
        f'<figure id="chart-{escape(chart.key)}"><img src="data:image/png;base64,{data}" '
        f'alt="{escape(chart.alt)}"><figcaption>{escape(chart.caption)}</figcaption></figure>'
    )


_CHARTS_AFTER = {
    "security": ("families",),
    "sieges": ("fatalities",),
    "geography": ("distance", "map"),
}


def render_html(briefing: Briefing, *, for_print: bool = False) -> str:
    """The briefing as an HTML page (``for_print`` drops nothing; it only marks the page)."""
    facts = briefing.facts
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(briefing.title)}</title><style>{_STYLE}</style></head>",
        f"<body{' class=print' if for_print else ''}><main>",
        "<header>",
        f'<div class="kicker">{escape(briefing.title)}</div>',
        f'<h1 id="headline">{fill(briefing.headline, facts)}</h1>',
        f'<p class="standfirst" id="standfirst">{fill(briefing.standfirst, facts)}</p>',
        f'<p class="meta">Period: {briefing.period.start.isoformat()} to {briefing.period.end.isoformat()}'
        f" (compared with {briefing.baseline.start.isoformat()} to {briefing.baseline.end.isoformat()})."
        f" Generated {briefing.generated.isoformat()} by conflictwatch from the event store."
        f" Every figure links to the facts appendix.</p>",
    ]
    parts += [f'<p class="meta">{escape(r)}</p>' for r in briefing.remarks]
    parts.append("</header>")
    parts.append('<section class="box" id="key-takeaways"><h2>Key Takeaways</h2><ul>')
    parts += [f"<li>{fill(t, facts)}</li>" for t in briefing.takeaways]
    parts.append("</ul></section>")
    for section in briefing.sections:
        parts.append(
            f'<section id="section-{escape(section.key)}"><h2>{escape(section.title)}</h2>'
        )
        parts += [f"<p>{fill(p, facts)}</p>" for p in section.paragraphs]
        for key in _CHARTS_AFTER.get(section.key, ()):
            chart = briefing.chart(key)
            if chart is not None:
                parts.append(_figure(chart))
        parts.append("</section>")
    parts.append('<section id="analysis"><h2>Analysis</h2>')
    parts += [f"<p>{fill(p, facts)}</p>" for p in briefing.analysis]
    parts.append("</section>")
    parts.append('<section class="box" id="did-you-know"><h2>Did You Know?</h2>')
    if briefing.notes:
        parts.append('<dl class="notes">')
        for note in briefing.notes:
            parts.append(
                f'<dt>{escape(note.title)} <span class="kind">{escape(note.kind)}</span></dt><dd>{escape(note.text)}</dd>'
            )
        parts.append("</dl>")
    else:
        parts.append("<p>The knowledge pack has no note on the actors and places named here.</p>")
    parts.append("</section>")
    parts.append(_sources(briefing))
    parts.append(_appendix(briefing))
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


def _sources(briefing: Briefing) -> str:
    rows = ['<section id="sources"><h2>Sources of the events cited</h2>']
    if not briefing.citations:
        rows.append(
            "<p>No single event is cited; the figures rest on the counts in the appendix.</p>"
        )
        return "\n".join([*rows, "</section>"])
    rows.append('<ol class="sources">')
    for c in briefing.citations:
        refs = []
        for ref in c.sources:
            label = escape(ref.label)
            if ref.url.startswith(("http://", "https://")):
                label = f'<a href="{escape(ref.url)}" rel="noreferrer">{label}</a>'
            extra = ", ".join(escape(x) for x in (ref.title, ref.published) if x)
            refs.append(label + (f" ({extra})" if extra else ""))
        origin = "reports" if c.from_reports else f"{escape(c.dataset)} {escape(c.dataset_id)}"
        rows.append(
            f'<li id="event-{escape(c.event_id)}"><span class="ids">{escape(c.event_id)}</span> — '
            f"{c.event_date.isoformat()}, {escape(c.sub_event_type)}, {escape(c.actor1)}, "
            f"{escape(c.location)}; {c.fatalities} deaths. From {origin}"
            + (": " + "; ".join(refs) if refs else "; no source named")
            + ".</li>"
        )
    rows.append("</ol></section>")
    return "\n".join(rows)


def _appendix(briefing: Briefing) -> str:
    cited = {c.event_id for c in briefing.citations}
    rows = [
        '<section id="facts-appendix"><h2>Facts appendix</h2>',
        "<p>Every number in the briefing, what it measures and the events it rests on (the full "
        "lists are in the embedded JSON).</p>",
        "<table><thead><tr><th>id</th><th>value</th><th>what it is</th><th>events</th></tr></thead><tbody>",
    ]
    for fact in briefing.facts:
        shown = []
        for event_id in fact.event_ids[:8]:
            if event_id in cited:
                shown.append(f'<a href="#event-{escape(event_id)}">{escape(event_id)}</a>')
            else:
                shown.append(escape(event_id))
        more = fact.event_count - len(shown)
        ids = ", ".join(shown) + (f" … (+{more:,})" if more > 0 else "")
        rows.append(
            f'<tr id="fact-{escape(fact.id)}"><td class="ids">{escape(fact.id)}</td>'
            f'<td class="n">{escape(fact.display)}</td><td>{escape(fact.description)}'
            + (f"<br><small>{escape(fact.method)}</small>" if fact.method else "")
            + f'</td><td class="ids">{fact.event_count:,}: {ids}</td></tr>'
        )
    rows.append("</tbody></table>")
    payload = json.dumps(briefing.facts_json(), ensure_ascii=False).replace("</", "<\\/")
    rows.append(f'<script type="application/json" id="facts">{payload}</script>')
    rows.append("</section>")
    return "\n".join(rows)
