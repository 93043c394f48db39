"""SOURCES.yaml: what is watched, how often; a bad entry names the file, line, field and value."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conflictwatch.errors import InputError
from conflictwatch.sources.kinds import DEFAULT_INTERVAL
from conflictwatch.sources.watchfile import load_sources, parse_interval

GOOD = """\
# feeds and pages to watch
sources:
  - name: Sahel News
    kind: feed
    url: https://sahel-news.example/rss
    interval: 15m
  - url: https://journal.example/une
    kind: page
    interval: 1h30m
  - kind: file
    path: inbox
    interval: 30s
    enabled: false
  - url: http://10.1.2.3/rss
    allow_private: true
    options: {pages: never, outlet: Intranet}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "SOURCES.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_sources_file_lists_kinds_locations_intervals_and_flags(tmp_path: Path) -> None:
    sources = load_sources(write(tmp_path, GOOD))
    assert [(s.kind, s.location) for s in sources] == [
        ("feed", "https://sahel-news.example/rss"),
        ("page", "https://journal.example/une"),
        ("file", str((tmp_path / "inbox").resolve())),  # relative to the file
        ("web", "http://10.1.2.3/rss"),  # a URL without a kind: decided when fetched
    ]
    assert [s.interval for s in sources] == [
        dt.timedelta(minutes=15),
        dt.timedelta(minutes=90),
        dt.timedelta(seconds=30),
        DEFAULT_INTERVAL,
    ]
    assert [s.name for s in sources] == ["Sahel News", "journal.example", "inbox", "10.1.2.3"]
    assert [s.enabled for s in sources] == [True, True, False, True]
    assert [s.allow_private for s in sources] == [False, False, False, True]
    assert dict(sources[3].options) == {"pages": "never", "outlet": "Intranet"}


def test_a_bare_list_is_a_sources_file_too(tmp_path: Path) -> None:
    sources = load_sources(
        write(tmp_path, "- url: https://a.example/rss\n- url: https://b.example/rss\n")
    )
    assert [s.name for s in sources] == ["a.example", "b.example"]


@pytest.mark.parametrize(
    ("entry", "line", "field", "value", "reason"),
    [
        (
            "  - url: https://a.example/rss\n    interval: soon\n",
            3,
            "interval",
            "soon",
            "such as 30s, 15m",
        ),
        (
            "  - url: https://a.example/rss\n    interval: 2s\n",
            3,
            "interval",
            "2s",
            "would not be polite",
        ),
        (
            "  - url: https://a.example/rss\n    interval: 15\n",
            3,
            "interval",
            "15",
            "such as 30s, 15m",
        ),
        ("  - url: ftp://a.example/rss\n", 2, "url", "ftp://a.example/rss", "http:// or https://"),
        (
            "  - url: https://a.example/rss\n    kind: podcast\n",
            3,
            "kind",
            "podcast",
            "expected one of: feed, file, page, web",
        ),
        (
            "  - url: https://a.example/rss\n    enabled: sometimes\n",
            3,
            "enabled",
            "sometimes",
            "true or false",
        ),
        (
            "  - url: https://a.example/rss\n    allow_private: 1\n",
            3,
            "allow_private",
            "1",
            "true or false",
        ),
        (
            "  - url: https://a.example/rss\n    every: 5m\n",
            3,
            "every",
            "every",
            "unknown field; expected: allow_private",
        ),
        ("  - name: nothing\n", 2, None, None, "exactly one of url"),
        ("  - url: https://a.example/rss\n    path: inbox\n", 2, None, None, "exactly one of url"),
        ("  - path: inbox\n    kind: feed\n", 2, "path", "inbox", "kind feed reads a url"),
        (
            "  - url: https://a.example/x\n    kind: file\n",
            2,
            "url",
            "https://a.example/x",
            "kind file reads a path",
        ),
        ("  - https://a.example/rss\n", 2, None, "https://a.example/rss", "expected a mapping"),
        (
            "  - url: https://a.example/rss\n    options: [a, b]\n",
            3,
            "options",
            "['a', 'b']",
            "mapping of option names",
        ),
        (
            "  - url: https://a.example/rss\n  - url: https://a.example/rss\n",
            3,
            "url",
            "https://a.example/rss",
            "repeats the source on line 2",
        ),
    ],
)
def test_bad_entries_are_named_by_line_field_and_value(
    tmp_path: Path, entry: str, line: int, field: str | None, value: str | None, reason: str
) -> None:
    path = write(tmp_path, "sources:\n" + entry)
    with pytest.raises(InputError, match=re.escape(reason)) as failure:
        load_sources(path)
    error = failure.value
    assert (error.path, error.line, error.field, error.value) == (str(path), line, field, value)


@pytest.mark.parametrize(
    ("text", "reason", "line"),
    [
        ("sources: {a: 1}\n", "expected a list of sources", None),
        ("sources:\n  - url: [unclosed\n", "not valid YAML", 3),
        ("", "expected a list of sources", None),
    ],
)
def test_a_file_that_is_not_a_list_of_sources(
    tmp_path: Path, text: str, reason: str, line: int | None
) -> None:
    with pytest.raises(InputError, match=reason) as failure:
        load_sources(write(tmp_path, text))
    assert failure.value.line == line


def test_a_missing_sources_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such sources file"):
        load_sources(tmp_path / "SOURCES.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30s", dt.timedelta(seconds=30)),
        ("15m", dt.timedelta(minutes=15)),
        ("1h", dt.timedelta(hours=1)),
        ("1d", dt.timedelta(days=1)),
        ("1h30m", dt.timedelta(minutes=90)),
        (" 2H 5M ", dt.timedelta(hours=2, minutes=5)),
    ],
)
def test_intervals(text: str, expected: dt.timedelta) -> None:
    assert parse_interval(text) == expected


@pytest.mark.parametrize("text", ["", "15", "fifteen minutes", "15x", "5s", "m15", "-5m"])
def test_bad_intervals(text: str) -> None:
    with pytest.raises(ValueError):
        parse_interval(text)
