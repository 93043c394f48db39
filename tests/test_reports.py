"""Reading reports: every record becomes an article or a skip that says which and why."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conflictwatch.errors import InputError
from conflictwatch.model import Article
from conflictwatch.sources.reports import Skipped, html_to_text, parse_published, read_reports


def _write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_records_become_articles_and_bad_lines_are_skipped_by_line(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "in.jsonl", [
        json.dumps({"id": "a", "text": "Des hommes armés ont attaqué Boni.", "published": "2024-09-18",
                    "language": "fr", "title": "Boni"}),
        "{not json",
        json.dumps({"id": "c", "published": "2024-09-18"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "e", "text": "Text.", "published": "18/09/2024"}),
        json.dumps({"id": "f", "text": "Gunmen attacked a village."}),
    ])  # fmt: skip
    items = list(read_reports(path, published=dt.datetime(2024, 1, 1, tzinfo=dt.UTC)))
    articles = [i for i in items if isinstance(i, Article)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [a.id for a in articles] == ["a", "f"]
    assert articles[0].published_at == dt.datetime(2024, 9, 18, tzinfo=dt.UTC)
    assert articles[1].published_at == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)  # the default
    assert [s.source.rsplit(":", 1)[1] for s in skipped] == ["2", "3", "4", "5"]
    assert "missing or empty field 'text'" in skipped[1].reason
    assert "published" in skipped[3].reason


def test_a_folder_reads_text_and_html_and_skips_binary(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Soldiers were killed near Gao.", encoding="utf-8")
    (tmp_path / "b.html").write_text(
        "<html><head><title>Attack</title><script>var x=1;</script></head>"
        "<body><p>Gunmen attacked <b>Boni</b>.</p><p>Two died.</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "d.txt").write_bytes("Ménaka est assiégée.".encode("cp1252"))
    items = list(read_reports(tmp_path))
    by_id = {i.id: i for i in items if isinstance(i, Article)}
    assert by_id["b"].title == "Attack"
    assert by_id["b"].text == "Gunmen attacked Boni.\nTwo died."
    assert by_id["d"].text == "Ménaka est assiégée."
    assert [s.reason for s in items if isinstance(s, Skipped)] == [
        "looks like a binary file, not text"
    ]


def test_html_given_as_text_is_read_as_html() -> None:
    title, text = html_to_text("<p>Hello &amp; <i>bye</i></p><style>p{}</style>")
    assert (title, text) == ("", "Hello & bye")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-09-18", dt.datetime(2024, 9, 18, tzinfo=dt.UTC)),
        ("2024-09-18T08:00:00Z", dt.datetime(2024, 9, 18, 8, tzinfo=dt.UTC)),
        (None, None),
        ("", None),
    ],
)
def test_published_dates(value: str | None, expected: dt.datetime | None) -> None:
    assert parse_published(value, where="x") == expected


def test_a_bad_published_date_is_named() -> None:
    with pytest.raises(InputError, match="field 'published', value 'Tuesday'"):
        parse_published("Tuesday", where="in.jsonl:3")


def test_a_missing_input_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        list(read_reports(tmp_path / "nope.jsonl"))
