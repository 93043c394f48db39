"""CLI commands: briefing (filled in by its owner)."""

from __future__ import annotations

import click


def register(main: click.Group) -> None:
    """Attach this module's commands to the main group."""
