"""``make demo``: the most complete main job that exists, on the embedded default store (SQLite).

Today: import the bundled sample dataset (written for the project) into demo/out/demo.db, show what
the store holds, export it, and write an HTML overview a person can open.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .cli.common import console
from .model import Article, Mention
from .report.summary import render_summary
from .sources.reports import read_reports
from .store import Store
from .store.exporters import exporters
from .store.importing import import_dataset

ROOT = Path(__file__).resolve().parents[2]


CORPUS = ROOT / "corpus" / "sahel" / "reports.jsonl"


def _extract_corpus(store: Store, out_dir: Path) -> list[tuple[str, Mention]]:
    """Code the bundled sample reports; write JSON lines and score them against their gold."""
    if not CORPUS.exists():
        return []
    from .extract.evaluate import evaluate_events
    from .extract.fromstore import extractor_from_store
    from .extract.output import extraction_json

    extractor = extractor_from_store(store)
    target = out_dir / "extracted.jsonl"
    found: list[tuple[str, Mention]] = []
    with open(target, "w", encoding="utf-8") as handle:
        for item in read_reports(CORPUS):
            if isinstance(item, Article):
                extraction = extractor.extract(item)
                handle.write(json.dumps(extraction_json(extraction), ensure_ascii=False) + "\n")
                found.extend((item.id, m) for m in extraction.mentions)
    console.print(
        f"Extracted {len(found)} event mentions from the sample reports → {_shown(target)}"
    )
    scores = evaluate_events(extractor, CORPUS)
    console.print(
        f"Against the gold events: precision {scores['precision']:.2f}, recall "
        f"{scores['recall']:.2f}, F1 {scores['f1']:.2f} (details: conflictwatch eval events)"
    )
    return found


def _shown(path: Path) -> str:
    """A path as a person would type it from the repository root."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def run(
    out_dir: Path = ROOT / "demo" / "out", sample: Path = ROOT / "demo" / "sample-events.csv"
) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    db = out_dir / "demo.db"
    for stale in out_dir.glob("demo.db*"):
        stale.unlink()
    with Store.open(str(db)) as store:
        report = import_dataset(store, "acled", sample)
        console.print(f"Imported {report.inserted} events from {_shown(sample)} into {_shown(db)}")
        again = import_dataset(store, "acled", sample)
        console.print(
            f"Re-import is a no-op: {again.unchanged} unchanged, {again.inserted} inserted"
        )
        stats = store.stats()
        from .cli.data import _counts_table  # the same tables `conflictwatch stats` prints

        console.print(_counts_table("Event type", stats.by_event_type))
        console.print(_counts_table("Country", stats.by_country))
        for name in ("csv", "geojson"):
            target = out_dir / f"events.{name}"
            exporters.get(name)(store.events(), target)
            console.print(f"Exported {_shown(target)}")
        mentions = _extract_corpus(store, out_dir)
        page = out_dir / "summary.html"
        page.write_text(
            render_summary("conflictwatch demo — sample events", stats, store.events(), mentions),
            encoding="utf-8",
        )
    console.print(f"\n[bold]Open {page}[/bold]  (or try: .venv/bin/conflictwatch events --db {db})")
    return page


if __name__ == "__main__":
    run()
    sys.exit(0)
