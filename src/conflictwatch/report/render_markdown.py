"""The briefing as Markdown, with its charts as PNG files to write beside it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .facts import plain

if TYPE_CHECKING:
    from .briefing import Briefing

_CHARTS_AFTER = {
    "security": ("families",),
    "sieges": ("fatalities",),
    "geography": ("distance", "map"),
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(briefing: Briefing, chart_prefix: str) -> tuple[str, dict[str, bytes]]:
    """The Markdown text and the chart files it links to (``{file name: PNG bytes}``)."""
    facts = briefing.facts
    files = {f"{chart_prefix}-{c.key}.png": c.png for c in briefing.charts}
    lines = [
        f"# {plain(briefing.headline, facts)}",
        "",
        f"*{briefing.title}. Period {briefing.period.start} to {briefing.period.end}, compared with "
        f"{briefing.baseline.start} to {briefing.baseline.end}. Generated {briefing.generated} by "
        "conflictwatch.*",
        "",
        f"**{plain(briefing.standfirst, facts)}**",
        "",
    ]
    lines += [f"> {r}\n" for r in briefing.remarks]
    lines += ["## Key Takeaways", ""]
    lines += [f"- {plain(t, facts)}" for t in briefing.takeaways]
    for section in briefing.sections:
        lines += ["", f"## {section.title}", ""]
        for paragraph in section.paragraphs:
            lines += [plain(paragraph, facts), ""]
        for key in _CHARTS_AFTER.get(section.key, ()):
            chart = briefing.chart(key)
            if chart is not None:
                lines += [
                    f"![{chart.alt}]({chart_prefix}-{chart.key}.png)",
                    "",
                    f"*{chart.caption}*",
                    "",
                ]
    lines += ["", "## Analysis", ""]
    for paragraph in briefing.analysis:
        lines += [plain(paragraph, facts), ""]
    lines += ["## Did You Know?", ""]
    if briefing.notes:
        lines += [f"- **{n.title}** ({n.kind}): {n.text}" for n in briefing.notes]
    else:
        lines.append("The knowledge pack has no note on the actors and places named here.")
    lines += ["", "## Sources of the events cited", ""]
    for i, c in enumerate(briefing.citations, start=1):
        refs = "; ".join(
            (f"[{r.label}]({r.url})" if r.url.startswith(("http://", "https://")) else r.label)
            + (f" ({r.title})" if r.title else "")
            for r in c.sources
        )
        origin = "reports" if c.from_reports else f"{c.dataset} {c.dataset_id}"
        lines.append(
            f"{i}. `{c.event_id}` — {c.event_date}, {c.sub_event_type}, {c.actor1}, {c.location}; "
            f"{c.fatalities} deaths. From {origin}" + (f": {refs}" if refs else "") + "."
        )
    lines += [
        "",
        "## Facts appendix",
        "",
        "| id | value | what it is | events |",
        "|---|---|---|---|",
    ]
    for fact in briefing.facts:
        ids = ", ".join(fact.event_ids[:5]) + (" …" if fact.event_count > 5 else "")
        lines.append(
            f"| `{fact.id}` | {_cell(fact.display)} | {_cell(fact.description)} | "
            f"{fact.event_count:,}: {_cell(ids)} |"
        )
    return "\n".join(lines) + "\n", files


def markdown_files(briefing: Briefing, path: Path) -> dict[Path, bytes]:
    """The files of the Markdown at ``path``: its charts (``<stem>-<chart>.png``, same folder)
    first, then the text."""
    text, charts = render_markdown(briefing, path.stem)
    files = {path.parent / name: data for name, data in charts.items()}
    files[path] = text.encode("utf-8")
    return files
