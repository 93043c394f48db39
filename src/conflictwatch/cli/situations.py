"""``situations``: the siege and blockade tracker, and analysts' own entries for it."""

from __future__ import annotations

import datetime as dt
import json
import re

import click
from rich.table import Table

from ..analysis.situations import track_situations
from ..knowledge import fold
from ..model import Situation, SituationKind
from ..store import EventFilter
from .common import _date, console, db_option, open_store


@click.group("situations")
def situations_group() -> None:
    """Sieges and blockades: tracked from the events that evidence them, plus entries analysts
    make by hand (which win on actor and end dates)."""


@situations_group.command("list")
@click.option("--country", help="Only this country (and entries without one).")
@click.option("--as-of", "as_of", callback=_date,
              help="Judge ongoing/lifted on this day (YYYY-MM-DD) [default: today].")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="One JSON object per situation.")
@db_option
def list_command(country: str | None, as_of: dt.date | None, as_json: bool,
                 db: str | None) -> None:  # fmt: skip
    """Every siege and blockade the record shows, ongoing first."""
    from ..store.situations import stored_situations

    day = as_of or dt.date.today()
    with open_store(db) as store:
        events = store.events(EventFilter(country=country, until=day))
        manual = [s for s in stored_situations(store, country)
                  if s.kind is not SituationKind.CONTROL_CHANGE]  # fmt: skip
        tracked = track_situations(events, as_of=day, manual=manual)
    if as_json:
        for t in tracked:
            s = t.situation
            click.echo(json.dumps({
                "id": s.id, "kind": s.kind.value, "location": s.location, "country": s.country,
                "actor": s.actor, "since": str(s.start), "end": str(s.end) if s.end else None,
                "status": t.status, "last_evidence": str(t.last_evidence),
                "evidence_events": list(s.event_ids), "from": t.source,
            }, ensure_ascii=False))  # fmt: skip
        return
    if not tracked:
        console.print("No siege or blockade is evidenced in the store.")
        return
    table = Table(
        "Kind", "Town", "Imposed by", "Since", "Last evidence", "Status", "Events", "From"
    )
    for t in tracked:
        s = t.situation
        table.add_row(s.kind.value, f"{s.location}, {s.country}".strip(", "), s.actor or "–",
                      str(s.start), str(t.last_evidence),
                      t.status if not s.end else f"{t.status} ({s.end})",
                      str(len(s.event_ids)), t.source)  # fmt: skip
    console.print(table)


@situations_group.command("add")
@click.option("--kind", type=click.Choice([k.value for k in SituationKind]), required=True)
@click.option("--location", required=True, help="The town, as events name it (e.g. Timbuktu).")
@click.option("--since", callback=_date, required=True, help="First day (YYYY-MM-DD).")
@click.option("--until", callback=_date, help="Last day, when it has ended (YYYY-MM-DD).")
@click.option("--actor", default="", help="Who imposes it (a pack name, e.g. JNIM: ...).")
@click.option("--country", default="", help="Country of the town.")
@click.option("--notes", default="", help="Why: the source or reasoning behind the entry.")
@click.option("--id", "entry_id", help="Replace the entry with this id [default: from kind+town].")
@db_option
def add_command(kind: str, location: str, since: dt.date, until: dt.date | None, actor: str,
                country: str, notes: str, entry_id: str | None,
                db: str | None) -> None:  # fmt: skip
    """Record a siege, blockade or change of control by hand (re-adding replaces it)."""
    from ..store.situations import save_situation

    if until is not None and until < since:
        raise click.BadParameter(f"{until} is before --since {since}", param_hint="--until")
    slug = re.sub(r"[^a-z0-9]+", "-", fold(f"{country} {location}")).strip("-")
    situation = Situation(
        id=entry_id or f"manual:{kind}:{slug}", kind=SituationKind(kind), location=location,
        start=since, end=until, actor=actor, country=country, notes=notes,
    )  # fmt: skip
    with open_store(db) as store:
        save_situation(store, situation)
    console.print(f"Saved {situation.id}")


@situations_group.command("remove")
@click.argument("entry_id", metavar="ID")
@db_option
def remove_command(entry_id: str, db: str | None) -> None:
    """Delete an analyst's entry (derived situations change only with the events)."""
    from ..store.situations import delete_situation

    with open_store(db) as store:
        delete_situation(store, entry_id)
    console.print(f"Removed {entry_id}")


def register(main: click.Group) -> None:
    main.add_command(situations_group)
