"""Commands that bring reports in: ``ingest`` (files, folders, feeds, pages) and ``watch``."""

from __future__ import annotations

import datetime as dt
import json
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import click
from rich.table import Table

from ..extract.parallel import Parallelism
from ..store.resolution import IngestOutcome
from .common import console, console_err, db_option, open_store, progress_bar


@contextmanager
def stop_on_interrupt() -> Iterator[threading.Event]:
    """Ctrl-C (or SIGTERM) asks the job to stop after the article in hand; a second Ctrl-C
    interrupts at once. The store is safe either way: each article is one transaction."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def ask(signum: int, _frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        console_err.print("Stopping after the current article (Ctrl-C again to stop now)…")

    previous = {sig: signal.signal(sig, ask) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _outcome_row(outcome: IngestOutcome) -> tuple[str, str, str, str]:
    if outcome.skipped:
        return outcome.article_id, "already stored", "", ""
    return (
        outcome.article_id,
        str(outcome.mentions),
        ", ".join(outcome.created) or "–",
        ", ".join(outcome.joined) or "–",
    )


def _outcome_json(outcome: IngestOutcome) -> dict[str, Any]:
    return {
        "article": outcome.article_id,
        "skipped": outcome.skipped,
        "reason": outcome.reason,
        "mentions": outcome.mentions,
        "created": list(outcome.created),
        "joined": list(outcome.joined),
    }


@click.command("ingest")
@click.argument("locations", metavar="PATH|URL...", nargs=-1, required=True)
@click.option("--kind", type=click.Choice(["auto", "file", "feed", "page"]), default="auto",
              show_default=True, help="What the locations are; auto decides per location.")  # fmt: skip
@click.option("--workers", type=int, default=1, show_default=True,
              help="Local processes for extraction; the result is identical to a serial run.")  # fmt: skip
@click.option("--dask", "dask_address", metavar="tcp://HOST:PORT",
              help="Run extraction on this Dask scheduler instead (needs the dask extra).")  # fmt: skip
@click.option("--allow-private", is_flag=True,
              help="Let URLs reach loopback/private addresses (refused by default).")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per article.")
@db_option
def ingest_command(locations: tuple[str, ...], kind: str, workers: int,
                   dask_address: str | None, allow_private: bool, as_json: bool,
                   db: str | None) -> None:  # fmt: skip
    """Extract, geocode and resolve the reports at each PATH|URL into the store: files
    (.txt, .html, .json, .jsonl) and folders of them, RSS/Atom feeds, or web pages.
    Articles already stored are skipped, so re-ingesting anything is a no-op."""
    from ..extract.fromstore import extractor_from_store
    from ..pipeline import Ingestor, articles_from

    how = Parallelism(workers=workers, dask=dask_address)
    with open_store(db) as store, stop_on_interrupt() as stop, progress_bar("Ingesting") as advance:

        def shown(outcome: IngestOutcome) -> None:
            advance(1)
            if as_json:
                click.echo(json.dumps(_outcome_json(outcome), ensure_ascii=False))

        ingestor = Ingestor(store, extractor_from_store(store), how=how, on_outcome=shown)
        articles = articles_from(locations, kind=None if kind == "auto" else kind,
                                 allow_private=allow_private)  # fmt: skip
        summary = ingestor.ingest(articles, stop)
    for skipped in summary.unreadable:
        console_err.print(f"Skipped {skipped.source}: {skipped.reason}")
    if as_json:
        return
    added = [o for o in summary.outcomes if not o.skipped]
    if added:
        table = Table("Article", "Mentions", "New events", "Joined events", title="Added")
        for outcome in added[:50]:
            table.add_row(*_outcome_row(outcome))
        console.print(table)
        if len(added) > 50:
            console.print(f"… and {len(added) - 50} more articles")
    console.print(
        f"{summary.articles} article(s): {summary.added} added, {summary.already} already stored; "
        f"{summary.mentions} mention(s) → {len(summary.events_created)} new event(s), "
        f"{len(summary.events_updated)} updated" + (" (stopped early)" if stop.is_set() else "")
    )


@click.command("watch")
@click.argument("sources_file", metavar="SOURCES.yaml",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))  # fmt: skip
@click.option("--once", is_flag=True, help="Poll every source once, then exit.")
@click.option("--allow-private", is_flag=True,
              help="Let sources reach loopback/private addresses (refused by default).")  # fmt: skip
@db_option
def watch_command(sources_file: Path, once: bool, allow_private: bool, db: str | None) -> None:
    """Poll the feeds and pages listed in SOURCES.yaml at their intervals and ingest what is new,
    until stopped (Ctrl-C stops cleanly between articles). What was seen is kept in the store, so
    a restart never ingests an article twice."""
    from ..extract.fromstore import extractor_from_store
    from ..pipeline import Ingestor, watch_sources

    with open_store(db) as store, stop_on_interrupt() as stop:
        started = dt.datetime.now(dt.UTC)

        def shown(outcome: IngestOutcome) -> None:
            if not outcome.skipped:
                console.print(
                    f"{dt.datetime.now(dt.UTC):%H:%M:%S} {outcome.article_id}: "
                    f"{outcome.mentions} mention(s), new {list(outcome.created)}, "
                    f"joined {list(outcome.joined)}"
                )

        ingestor = Ingestor(store, extractor_from_store(store), on_outcome=shown)
        summary = watch_sources(ingestor, sources_file, stop=stop, once=once,
                                allow_private=allow_private)  # fmt: skip
    minutes = (dt.datetime.now(dt.UTC) - started).total_seconds() / 60
    console.print(
        f"Watched for {minutes:.1f} min: {summary.added} article(s) added, "
        f"{summary.already} already stored, {len(summary.events_created)} new event(s)."
    )


def register(main: click.Group) -> None:
    """Attach ``ingest`` and ``watch``."""
    main.add_command(ingest_command)
    main.add_command(watch_command)
