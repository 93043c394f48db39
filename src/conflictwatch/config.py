"""Settings: a typed table loaded once at the entry point (CLI, web) and passed down."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

#: Environment variables read by :meth:`Settings.from_env`, with what each sets.
ENVIRONMENT = {
    "CONFLICTWATCH_DATABASE_URL": "the store: a SQLite file path or a database URL",
    "CONFLICTWATCH_SHARED_DATA": "folder of shared third-party data (tests, evaluation, benchmarks)",
}

DEFAULT_DATABASE = "conflictwatch.db"


def database_url(value: str | Path) -> str:
    """Turn a ``--db`` value (a file path or a URL) into an SQLAlchemy URL.

    >>> database_url("events.db")
    'sqlite:///events.db'
    >>> database_url("postgresql://u@host/db")
    'postgresql+psycopg://u@host/db'
    """
    text = str(value).strip()
    if not text:
        raise ConfigError("The database is empty: give a file path or a URL such as sqlite:///x.db")
    if "://" not in text:
        return f"sqlite:///{text}"
    scheme, _, rest = text.partition("://")
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    if scheme.startswith("postgresql+") or scheme.startswith("sqlite"):
        return text
    raise ConfigError(
        f"Unsupported database URL scheme {scheme!r} in {text!r}; "
        "use a SQLite file path, sqlite:///PATH or postgresql://USER@HOST/DB"
    )


@dataclass(frozen=True)
class Settings:
    database: str = DEFAULT_DATABASE
    shared_data: Path | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        shared = env.get("CONFLICTWATCH_SHARED_DATA")
        return cls(
            database=env.get("CONFLICTWATCH_DATABASE_URL") or DEFAULT_DATABASE,
            shared_data=Path(shared) if shared else None,
        )
