"""Fixtures shared by the whole suite: stores on both backends, shared data, temp files."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from conflictwatch.store import Store

ROOT = Path(__file__).resolve().parents[1]
PG_URL_VAR = "CONFLICTWATCH_TEST_DATABASE_URL"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data beside the repository (or $CONFLICTWATCH_SHARED_DATA); skips when absent."""
    configured = os.environ.get("CONFLICTWATCH_SHARED_DATA")
    path = Path(configured) if configured else ROOT.parent / "shared" / "data"
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path} (set CONFLICTWATCH_SHARED_DATA)")
    return path


def _postgres_url() -> str:
    url = os.environ.get(PG_URL_VAR)
    if not url:
        pytest.skip(
            f"PostgreSQL tests need {PG_URL_VAR} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"
        )
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A database URL whose search_path is a fresh schema, dropped after the test."""
    base = _postgres_url()
    name = f"cw_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{name}"')
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{name}" CASCADE')
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "store.db")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on a SQLite file and on PostgreSQL (skipped when no URL is configured)."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def fresh_store(store_url: str) -> Iterator[Store]:
    store = Store.open(store_url)
    try:
        yield store
    finally:
        store.close()
