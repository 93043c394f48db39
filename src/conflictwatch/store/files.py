"""Writing the files a user asked for: briefings, their charts and facts appendices.

Stages hand over ``{path: bytes}`` and this module puts them on disk::

    check_folder(Path("demo/brief.html"))       # before the slow work: the folder must exist
    write_files(briefing_files(briefing, Path("demo/brief.html")))

Event exports are written by ``store.exporters``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..errors import ConfigError


def check_folder(path: Path) -> None:
    """Raise a ConfigError naming the folder when ``path`` cannot be written for want of it."""
    if not path.parent.is_dir():
        raise ConfigError(f"Cannot write {path}: folder {path.parent} does not exist.")


def write_files(files: Mapping[Path, bytes]) -> None:
    """Write each file, in the order given (charts before the page that links them)."""
    for path, data in files.items():
        path.write_bytes(data)


def make_folders(*folders: Path) -> None:
    """Create each folder and its parents; folders that exist are left as they are."""
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)


def remove_database(db: Path) -> None:
    """Delete a SQLite file and its companions (``-wal``, ``-shm``, ``-journal``) if present."""
    for stale in db.parent.glob(f"{db.name}*"):
        stale.unlink()
