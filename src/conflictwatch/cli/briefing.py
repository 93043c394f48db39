"""CLI commands: ``brief`` writes an analyst briefing (HTML, Markdown or PDF) from the store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..report.briefing import SUFFIXES, write_briefing
from ..report.facts import plain
from .common import _date, console, console_err, db_option, open_store


def register(main: click.Group) -> None:
    """Attach this module's commands to the main group."""
    main.add_command(brief)


@click.command()
@click.option(
    "--country", help="Country name as stored, e.g. Mali [default: the one with most events]."
)
@click.option("--since", callback=_date, help="First day of the period (YYYY-MM-DD).")
@click.option(
    "--until", callback=_date, help="Last day of the period (YYYY-MM-DD) [default: the last event]."
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write: FILE.html (self-contained), FILE.md (charts as PNG beside it) or FILE.pdf.",
)
@click.option(
    "--facts",
    "facts",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the facts appendix (every number, its events and sources) as JSON.",
)
@db_option
def brief(
    country: str | None,
    since: dt.date | None,
    until: dt.date | None,
    out: Path,
    facts: Path | None,
    db: str | None,
) -> None:
    """Write a briefing on one country: headline, sections, Key Takeaways, Analysis, Did You
    Know?, charts, a map, and a facts appendix citing events and their sources.

    Without --since the period is the 365 days up to --until (or the last event); it is compared
    with the period of equal length before it.

    \b
    conflictwatch brief --country Mali --out brief.html
    conflictwatch brief --since 2024-01-01 --until 2024-06-30 --out h1.md --facts h1.json
    """
    if out.suffix.lower() not in SUFFIXES:
        raise click.BadParameter(
            f"{out.name!r} must end in .html, .md or .pdf (the format follows the suffix)",
            param_hint="--out",
        )
    with open_store(db) as store:
        briefing = write_briefing(
            store, out, country=country, since=since, until=until, facts_path=facts
        )
    for remark in briefing.remarks:
        console_err.print(remark)
    console.print(f"[bold]{plain(briefing.headline, briefing.facts)}[/bold]")
    console.print(
        f"{briefing.country}, {briefing.period.start} to {briefing.period.end}: "
        f"{len(briefing.facts)} facts, {len(briefing.citations)} cited events, "
        f"{len(briefing.charts)} figures."
    )
    console.print(f"Wrote {out}" + (f" and {facts}" if facts else ""))
