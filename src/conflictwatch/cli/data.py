"""Commands over the event store: init, import, export, events, stats, search."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from ..model import Event
from ..sources.datasets import readers
from ..store import EventFilter, Store
from ..store.exporters import exporters, properties
from ..store.importing import ImportOptions, ImportReport, import_dataset
from .common import console, db_option, filter_options, open_store, progress_bar, resolve_db


@click.command("init")
@db_option
def init_command(db: str | None) -> None:
    """Create the store, or bring its schema up to date."""
    url = resolve_db(db)
    store = Store.open(url, migrate=False)
    try:
        applied = store.migrate()
        version = store.schema_version
    finally:
        store.close()
    if applied:
        console.print(f"Store {url} migrated to schema version {version} (applied {applied}).")
    else:
        console.print(f"Store {url} is up to date (schema version {version}).")


@click.group("import")
def import_group() -> None:
    """Import a coded dataset file (re-importing is safe: rows are matched by the dataset's id)."""


def _import_command(name: str, description: str) -> click.Command:
    @click.command(
        name,
        help=f"Import {description}.\n\nBad rows reject the whole file unless "
        "--skip-bad is given; nothing is half-written.",
    )
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--skip-bad", is_flag=True, help="Import good rows; write bad ones to a CSV.")
    @click.option(
        "--rejects",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Where to write bad rows [default with --skip-bad: FILE.rejects.csv].",
    )
    @click.option("--encoding", help="File encoding [default: UTF-8, with or without BOM].")
    @click.option(
        "--prune", is_flag=True, help="Delete this dataset's events that are no longer in the file."
    )
    @click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
    @db_option
    def command(
        file: Path,
        skip_bad: bool,
        rejects: Path | None,
        encoding: str | None,
        prune: bool,
        as_json: bool,
        db: str | None,
    ) -> None:
        if not file.exists():
            raise click.BadParameter(f"{file} does not exist", param_hint="FILE")
        options = ImportOptions(skip_bad=skip_bad, rejects=rejects, encoding=encoding, prune=prune)
        with open_store(db) as store, progress_bar(f"Importing {file.name}") as advance:
            report = import_dataset(store, name, file, options, progress=advance)
        _print_report(report, as_json)

    return command


def _print_report(report: ImportReport, as_json: bool) -> None:
    if as_json:
        console.print_json(json.dumps(report.as_dict()))
        return
    console.print(
        f"{report.path}: {report.read:,} rows read — {report.inserted:,} inserted, "
        f"{report.updated:,} updated, {report.unchanged:,} unchanged, "
        f"{report.rejected:,} rejected, {report.skipped:,} out of scope"
    )
    if report.absent:
        console.print(
            f"{report.absent:,} stored {report.dataset} events are not in this file "
            "(kept; --prune deletes them)."
        )
    if report.deleted:
        console.print(f"{report.deleted:,} events no longer in the file were deleted.")
    if report.rejected and report.rejects_path:
        console.print(f"Rejected rows written to {report.rejects_path}")


@click.command("export")
@click.argument("format_name", metavar="FORMAT")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@filter_options
@db_option
def export_command(format_name: str, out: Path, where: EventFilter, db: str | None) -> None:
    """Write events to OUT as FORMAT: csv (ACLED layout), geojson or parquet."""
    exporter = exporters.get(format_name)
    with open_store(db) as store:
        count = exporter(store.events(where), out)
    console.print(f"Wrote {count:,} events to {out}")


@click.group("events", invoke_without_command=True)
@filter_options
@click.option(
    "--limit", type=int, default=100, show_default=True, help="At most N events (0: all)."
)
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
@db_option
@click.pass_context
def events_group(
    ctx: click.Context, where: EventFilter, limit: int, as_json: bool, db: str | None
) -> None:
    """List events matching the filters (oldest first); `events show ID` for one event."""
    if ctx.invoked_subcommand is not None:
        return
    with open_store(db) as store:
        rows = store.events(where, limit=limit or None)
        if as_json:
            for event in rows:
                click.echo(json.dumps(properties(event), ensure_ascii=False))
        else:
            console.print(_table(list(rows)))


@events_group.command("show")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the event as JSON.")
@db_option
def show_command(event_id: str, as_json: bool, db: str | None) -> None:
    """Show one event with every field, its mentions (scores, reasons, quotes, sources) and history."""
    from ..store.resolution import event_history, event_mentions

    with open_store(db) as store:
        event = store.get_event(event_id)
        told = event_mentions(store, event_id)
        history = event_history(store, event_id)
    fields = properties(event)
    if event.operation_id:
        fields["operation_id"] = event.operation_id
    if as_json:
        if told or history:
            fields["mentions"] = [_mention_json(m) for m in told]
            fields["history"] = [
                {"at": h.at.isoformat() if h.at else None, "action": h.action, "by": h.by,
                 "detail": dict(h.detail)}
                for h in history
            ]  # fmt: skip
        click.echo(json.dumps(fields, ensure_ascii=False, indent=2, default=str))
        return
    table = Table(show_header=False, title=event.id)
    for key, value in fields.items():
        if value not in ("", None, [], {}):
            table.add_row(key, str(value))
    console.print(table)
    for m in told:
        _print_mention(m)
    if history:
        console.print("[bold]History[/]")
        for h in history:
            detail = h.detail.get("mention_id") or h.detail.get("from") or h.detail.get("into")
            score = h.detail.get("score")
            extra = f" {detail}" if detail else ""
            extra += f" (score {score})" if score is not None else ""
            op = h.detail.get("operation_id") if h.action == "operation" else None
            extra += f" {op or 'no operation'}" if h.action == "operation" else ""
            console.print(f"  {h.at:%Y-%m-%d %H:%M} {h.action} by {h.by}{extra}", highlight=False)


def _mention_json(m: Any) -> dict[str, Any]:
    x = m.mention
    return {
        "id": x.id, "article_id": x.article_id, "outlet": m.outlet, "title": m.title,
        "url": m.url, "published_at": m.published_at.isoformat() if m.published_at else None,
        "event_date": x.event_date.isoformat(), "sub_event_type": x.sub_event_type.value,
        "actor1": x.actor1, "actor2": x.actor2, "location": x.location,
        "fatalities": x.fatalities, "confidence": x.confidence, "decision": dict(m.decision),
        "evidence": [{"field": e.field, "quote": e.quote, "start": e.start, "end": e.end}
                     for e in x.evidence],
    }  # fmt: skip


def _print_mention(m: Any) -> None:
    x, d = m.mention, m.decision
    source = m.outlet or m.url or x.article_id
    when = f", {m.published_at:%Y-%m-%d}" if m.published_at else ""
    title = f": {m.title}" if m.title else ""
    console.print(f"[bold]Mention {x.id}[/] — {source}{when}{title}", highlight=False)
    console.print(
        f"  {x.event_date} {x.sub_event_type.value}; {x.actor1}"
        + (f" vs {x.actor2}" if x.actor2 else "")
        + f"; {x.location or x.country}; fatalities {x.fatalities}",
        highlight=False,
    )
    if d:
        score = d.get("score")
        shown = f"{score:.2f}" if isinstance(score, (int, float)) else "-"
        console.print(f"  {d.get('action', '?')} (score {shown}, threshold {d.get('threshold')})",
                      highlight=False)  # fmt: skip
        for r in d.get("reasons", []):
            console.print(f"    {r['name']:<11} {r['points']:+.2f}  {r['why']}", highlight=False)
        runner = d.get("runner_up")
        if runner:
            console.print(f"    runner-up {runner['event_id']} (score {runner['score']})",
                          highlight=False)  # fmt: skip
        for ex in d.get("excluded", []):
            console.print(f"    not {ex['event_id']}: {ex['why']}", highlight=False)
    for e in x.evidence:
        console.print(f'  {e.field}: "{e.quote}"', highlight=False)


def _table(events: list[Event]) -> Table:
    table = Table(title=f"{len(events)} event(s)")
    for name in (
        "date",
        "id",
        "type",
        "actor 1",
        "actor 2",
        "location",
        "admin1",
        "country",
        "deaths",
    ):
        table.add_column(name, justify="right" if name == "deaths" else "left", overflow="fold")
    for e in events:
        table.add_row(
            e.event_date.isoformat(),
            e.id,
            e.sub_event_type.value,
            e.actor1,
            e.actor2,
            e.location,
            e.admin1,
            e.country,
            str(e.fatalities),
        )
    return table


@click.command("stats")
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@db_option
def stats_command(where: EventFilter, as_json: bool, db: str | None) -> None:
    """Counts of events by year, type, region and country."""
    with open_store(db) as store:
        stats = store.stats(where)
    if as_json:
        click.echo(json.dumps(stats.as_dict(), ensure_ascii=False))
        return
    console.print(
        f"{stats.events:,} events, {stats.fatalities:,} reported fatalities"
        + (f", {stats.first_date} to {stats.last_date}" if stats.first_date else "")
    )
    for title, counts in (
        ("Year", stats.by_year),
        ("Event type", stats.by_event_type),
        ("Admin1", stats.by_admin1),
        ("Country", stats.by_country),
    ):
        console.print(_counts_table(title, counts))


def _counts_table(title: str, counts: dict[str, Any], top: int = 15) -> Table:
    table = Table(title=title)
    table.add_column(title)
    table.add_column("events", justify="right")
    for key, value in list(counts.items())[:top]:
        table.add_row(key, f"{value:,}")
    if len(counts) > top:
        table.add_row(f"... {len(counts) - top} more", "")
    return table


@click.command("search")
@click.argument("query")
@filter_options
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
@db_option
def search_command(
    query: str, where: EventFilter, limit: int, as_json: bool, db: str | None
) -> None:
    """Full-text search over notes, places, actors and source articles (accents ignored)."""
    with open_store(db) as store:
        found = store.search(query, where, limit=limit)
    if as_json:
        for event in found:
            click.echo(json.dumps(properties(event), ensure_ascii=False))
    else:
        console.print(_table(found))


def register(main: click.Group) -> None:
    for name in readers.names():
        reader = readers.get(name)
        import_group.add_command(_import_command(name, reader.description))
    for command in (
        init_command,
        import_group,
        export_command,
        events_group,
        stats_command,
        search_command,
    ):
        main.add_command(command)
