"""Commands for extraction: ``extract`` and ``eval events``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

import click

from ..errors import InputError
from ..model import Article
from ..sources.reports import Skipped, parse_published, read_reports
from .common import console_err, db_option, open_store, progress_bar

_WORKER: Any = None


def build_extractor(db: str | None) -> Any:
    """The Extractor with the store's gazetteers (or the built-in default) and the Sahel pack."""
    from ..extract.fromstore import extractor_from_store

    with open_store(db) as store:
        return extractor_from_store(store)


def _init_worker(db: str | None) -> None:
    global _WORKER  # one extractor per worker process, built once
    _WORKER = build_extractor(db)


def _extract_in_worker(article: Article) -> dict[str, Any]:
    from ..extract.output import extraction_json

    return extraction_json(_WORKER.extract(article))


def _articles(input_path: Path, published: dt.datetime | None, lang: str,
              skipped: list[Skipped]) -> Iterator[Article]:  # fmt: skip
    for item in read_reports(input_path, published=published):
        if isinstance(item, Skipped):
            skipped.append(item)
            console_err.print(f"Skipped {item.source}: {item.reason}")
            continue
        if lang != "auto":
            item = replace(item, language=lang)
        yield item


@click.command("extract")
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write JSON lines here [default: standard output].")  # fmt: skip
@click.option("--lang", type=click.Choice(["auto", "en", "fr"]), default="auto", show_default=True)
@click.option("--published", help="Publication date for records that have none (YYYY-MM-DD).")
@click.option("--workers", type=int, default=1, show_default=True,
              help="Local processes; output is identical to a serial run.")  # fmt: skip
@db_option
def extract_command(input_path: Path, output: Path | None, lang: str, published: str | None,
                    workers: int, db: str | None) -> None:  # fmt: skip
    """Code the events reported in INPUT: a .txt/.html file, a folder of them, or a .jsonl file
    of {"id", "text", "published", "title"?, "language"?} objects. One JSON object per article."""
    from ..extract.output import extraction_json

    try:
        when = parse_published(published, where="--published") if published else None
    except InputError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None
    skipped: list[Skipped] = []
    articles = _articles(input_path, when, lang, skipped)
    count = events = 0
    with ExitStack() as stack:
        handle: TextIO = (
            stack.enter_context(open(output, "w", encoding="utf-8")) if output else sys.stdout
        )
        advance = stack.enter_context(progress_bar("Extracting"))
        if workers > 1:
            pool = stack.enter_context(
                ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(db,))
            )
            results: Iterator[dict[str, Any]] = pool.map(_extract_in_worker, articles, chunksize=8)
        else:
            extractor = build_extractor(db)
            results = (extraction_json(extractor.extract(a)) for a in articles)
        for result in results:
            handle.write(json.dumps(result, ensure_ascii=False) + "\n")
            count, events = count + 1, events + len(result["events"])
            advance(1)
    console_err.print(f"{count} article(s), {events} event(s), {len(skipped)} skipped")


@click.command("events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--errors", "errors_path", type=click.Path(dir_okay=False, path_type=Path),
    help="Also write, one JSON line per article that differs, the gold events missed, the "
    "predicted events with no gold match and the fields wrong in matched pairs.",
)  # fmt: skip
@db_option
def eval_events_command(gold: Path, as_json: bool, errors_path: Path | None,
                        db: str | None) -> None:  # fmt: skip
    """Score extraction against gold events (JSON lines: id, text, published, language, events)."""
    from ..extract.evaluate import evaluate_events
    from ..sources.goldfiles import read_gold

    extractor = build_extractor(db)
    report = evaluate_events(extractor, read_gold(gold), where=str(gold))
    differences = report.pop("differences")
    if errors_path is not None:
        with open(errors_path, "w", encoding="utf-8") as out:
            for item in differences:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        console_err.print(
            f"{len(differences)} article(s) with differences written to {errors_path}"
        )
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
        return
    for scope, scores in report["by_language"].items():
        click.echo(f"[{scope}] " + ", ".join(f"{k}={v}" for k, v in scores.items()))
    click.echo("[all] " + ", ".join(f"{k}={v}" for k, v in report.items()
                                    if not isinstance(v, dict | list)))  # fmt: skip


@click.command("nonevents")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--text-column", default="text", show_default=True, help="CSV column with the text.")
@click.option("--lang", type=click.Choice(["auto", "en", "fr"]), default="auto", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@db_option
def eval_nonevents_command(path: Path, text_column: str, lang: str, as_json: bool,
                           db: str | None) -> None:  # fmt: skip
    """False positives: the share of articles with events in text that reports none (CSV/JSONL)."""
    from ..extract.evaluate import evaluate_nonevents
    from ..sources.goldfiles import read_unlabelled

    articles = read_unlabelled(path, text_column=text_column,
                               language="" if lang == "auto" else lang)  # fmt: skip
    report = evaluate_nonevents(build_extractor(db), articles)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
        return
    click.echo(f"{report['with_events']} of {report['articles']} articles have events "
               f"({report['share']:.1%})")  # fmt: skip
    for item in report["flagged"]:
        click.echo(f"  {item['id']}: {item['events']} event(s), first {item['first']} "
                   f"({item['trigger']!r})")  # fmt: skip


def register(main: click.Group) -> None:
    from .eval_subtypes import subtypes_command
    from .geo import eval_group

    main.add_command(extract_command)
    for command in (subtypes_command, eval_events_command, eval_nonevents_command):
        eval_group.add_command(command)
