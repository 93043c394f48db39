"""Options and output helpers shared by commands."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..config import Settings
from ..errors import InputError
from ..store import BBox, EventFilter, Store

console = Console(highlight=False, soft_wrap=True)
console_err = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """``--db``: where the store is (a path or URL). Passes ``db`` (str) to the command."""
    return click.option(
        "--db",
        "db",
        default=None,
        metavar="PATH|URL",
        help="SQLite file or database URL [default: $CONFLICTWATCH_DATABASE_URL or conflictwatch.db]",
    )(func)


def resolve_db(db: str | None) -> str:
    context = click.get_current_context(silent=True)
    settings = (context.find_object(Settings) if context else None) or Settings.from_env()
    return db or settings.database


@contextmanager
def open_store(db: str | None) -> Iterator[Store]:
    store = Store.open(resolve_db(db))
    try:
        yield store
    finally:
        store.close()


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-09-17") from None


def filter_options(func: F) -> F:
    """The event filters shared by ``events``, ``stats``, ``export`` and ``search``."""
    options = [
        click.option("--country", help="Country name, e.g. Mali."),
        click.option("--admin1", help="First-level region, e.g. Mopti."),
        click.option("--since", callback=_date, help="First day (YYYY-MM-DD), inclusive."),
        click.option("--until", callback=_date, help="Last day (YYYY-MM-DD), inclusive."),
        click.option("--type", "type_", help="Event type or sub-event type label."),
        click.option("--actor", help="Text found in any actor field (case-insensitive)."),
        click.option("--bbox", help="WEST,SOUTH,EAST,NORTH in degrees."),
        click.option("--dataset", help="Only events from this dataset (acled, ucdp, gdelt, ...)."),
    ]

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        bbox = kwargs.pop("bbox")
        try:
            kwargs["where"] = EventFilter(
                country=kwargs.pop("country"),
                admin1=kwargs.pop("admin1"),
                since=kwargs.pop("since"),
                until=kwargs.pop("until"),
                type=kwargs.pop("type_"),
                actor=kwargs.pop("actor"),
                bbox=BBox.parse(bbox) if bbox else None,
                dataset=kwargs.pop("dataset"),
            )
        except InputError as exc:
            raise click.BadParameter(str(exc)) from None
        return func(*args, **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


@contextmanager
def progress_bar(label: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
    """A progress bar on a terminal; silent when output is piped."""
    if not sys.stderr.isatty():
        yield lambda _n: None
        return
    columns = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,} rows"),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=console_err, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda n: progress.advance(task, n)
