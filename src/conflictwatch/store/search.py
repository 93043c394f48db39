"""Accent-insensitive full-text queries, written once for SQLite FTS5 and PostgreSQL tsvector."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..errors import InputError

_TOKEN = re.compile(r"[0-9a-z]+\*?")


def fold(text: str) -> str:
    """Lower-case and strip accents: ``fold("Ménaka, Ségou") == "menaka, segou"``."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@dataclass(frozen=True)
class Terms:
    """A search as a list of folded words, each optionally a prefix (``menak*``); all must match."""

    words: tuple[tuple[str, bool], ...]

    @classmethod
    def parse(cls, query: str) -> Terms:
        words = tuple((t.rstrip("*"), t.endswith("*")) for t in _TOKEN.findall(fold(query)))
        words = tuple(w for w in words if w[0])
        if not words:
            raise InputError(
                f"The search {query!r} has no words to look for; try a place, actor or keyword.",
                field="query",
                value=query,
            )
        return cls(words)

    def fts5(self) -> str:
        return " AND ".join(f'"{w}"' + ("*" if prefix else "") for w, prefix in self.words)

    def tsquery(self) -> str:
        return " & ".join(w + (":*" if prefix else "") for w, prefix in self.words)
