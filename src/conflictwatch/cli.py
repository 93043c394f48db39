"""The ``conflictwatch`` command line."""
import click


@click.group()
def main() -> None:
    """conflictwatch: a sourced record of armed-conflict events."""
