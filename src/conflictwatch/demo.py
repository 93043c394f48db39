"""``make demo``: the whole main job on the bundled sample reports, on the embedded default store.

Ingest the sample corpus (corpus/sahel/reports.jsonl) through the same pipeline a user's files or
feeds take — sources → extraction → geocoding → resolution → store (SQLite, demo/out/demo.db) —
print what was built, export the events, and write the analyst briefing demo/brief.html (with
demo/brief.md beside it) that a person can open.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from rich.table import Table

from .cli.common import console
from .extract.fromstore import extractor_from_store
from .pipeline import Ingestor, articles_from
from .store import Store
from .store.exporters import exporters
from .store.files import make_folders, remove_database

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "sahel" / "reports.jsonl"


def _shown(path: Path) -> str:
    """A path as a person would type it from the repository root."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _summary_table(store: Store) -> Table:
    from .store.resolution import event_mentions

    events = list(store.events())
    tellings = Counter(len(event_mentions(store, e.id)) for e in events)
    operations = {e.operation_id for e in events if e.operation_id}
    by_country = Counter(e.country for e in events)
    by_type = Counter(e.event_type.value for e in events)
    table = Table(title="What the store holds now", show_header=False)
    table.add_column("", style="bold")
    table.add_column("")
    table.add_row("Events", f"{len(events):,}")
    table.add_row("… told by 2+ reports", f"{sum(n for k, n in tellings.items() if k >= 2):,}")
    table.add_row("Coordinated operations", f"{len(operations):,}")
    table.add_row("Fatalities (best)", f"{sum(e.fatalities for e in events):,}")
    table.add_row("By country", ", ".join(f"{c} {n}" for c, n in by_country.most_common()))
    table.add_row("By type", ", ".join(f"{t} {n}" for t, n in by_type.most_common()))
    if events:
        table.add_row("Dates", f"{min(e.event_date for e in events)} to "
                               f"{max(e.event_date for e in events)}")  # fmt: skip
    return table


def run(
    out_dir: Path = ROOT / "demo" / "out",
    brief: Path = ROOT / "demo" / "brief.html",
    corpus: Path = CORPUS,
) -> Path:
    started = time.perf_counter()
    make_folders(out_dir, brief.parent)
    db = out_dir / "demo.db"
    remove_database(db)
    with Store.open(str(db)) as store:
        ingestor = Ingestor(store, extractor_from_store(store))
        summary = ingestor.ingest(articles_from([str(corpus)]))
        console.print(
            f"Ingested {_shown(corpus)} into {_shown(db)}: {summary.added} articles, "
            f"{summary.mentions} event mentions → {len(summary.events_created)} events"
        )
        again = Ingestor(store, ingestor.extractor, resolver=ingestor.resolver)
        repeat = again.ingest(articles_from([str(corpus)]))
        console.print(
            f"Ingesting again is a no-op: {repeat.already} already stored, {repeat.added} added"
        )
        console.print(_summary_table(store))
        for name in ("csv", "geojson"):
            target = out_dir / f"events.{name}"
            exporters.get(name)(store.events(), target)
            console.print(f"Exported {_shown(target)}")
        from .report.briefing import write_briefing
        from .report.facts import plain

        facts = out_dir / "facts.json"
        briefing = write_briefing(store, brief, facts_path=facts, markdown_beside=True)
        console.print(f"\nBriefing: [bold]{plain(briefing.headline, briefing.facts)}[/bold]")
        console.print(
            f"{briefing.country}, {briefing.period.start} to {briefing.period.end}: "
            f"{len(briefing.facts)} facts, {len(briefing.citations)} cited events "
            f"(facts: {_shown(facts)})"
        )
    console.print(f"Done in {time.perf_counter() - started:.0f} s.")
    console.print(
        f"\n[bold]Open {_shown(brief)}[/bold] (also {_shown(brief.with_suffix('.md'))}); "
        f"explore with: .venv/bin/conflictwatch events --db {_shown(db)}"
    )
    return brief


if __name__ == "__main__":
    run()
    sys.exit(0)
