"""The ``conflictwatch`` command line: each command parses, calls one library function, formats."""

from __future__ import annotations

import sys

import click

from ..config import Settings
from ..errors import ConflictWatchError, ImportRejected
from .briefing import register as register_briefing
from .common import console_err
from .data import register as register_data
from .extraction import register as register_extraction
from .geo import register as register_geo
from .monitoring import register as register_monitoring
from .resolution import register as register_resolution
from .situations import register as register_situations


class _Main(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ImportRejected as exc:
            _print_rejected(exc)
            ctx.exit(1)
        except ConflictWatchError as exc:
            console_err.print(f"[bold red]Error:[/] {exc}", highlight=False, soft_wrap=True)
            ctx.exit(1)
        return None


def _print_rejected(exc: ImportRejected, shown: int = 50) -> None:
    console_err.print(
        f"[bold red]Rejected:[/] {exc.path}: {exc.total_bad_rows} bad row(s); nothing was imported.",
        highlight=False,
    )
    for problem in exc.problems[:shown]:
        console_err.print(f"  {problem.describe()}", highlight=False, soft_wrap=True)
    if len(exc.problems) > shown:
        console_err.print(
            f"  ... and {len(exc.problems) - shown} more; --rejects FILE writes every bad row.",
            highlight=False,
        )
    console_err.print(
        "Fix these rows, or pass --skip-bad to import the good rows and write the rejects to a CSV.",
        highlight=False,
    )


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="conflictwatch")
@click.pass_context
def main(ctx: click.Context) -> None:
    """conflictwatch: a mapped, searchable, sourced record of armed-conflict events.

    Every command takes --db (a SQLite file path or a database URL; default from
    CONFLICTWATCH_DATABASE_URL, else ./conflictwatch.db).
    """
    ctx.obj = Settings.from_env()


register_data(main)
register_geo(main)
register_extraction(main)
register_monitoring(main)
register_resolution(main)
register_briefing(main)
register_situations(main)


def run() -> None:  # pragma: no cover - console entry point helper
    sys.exit(main())
