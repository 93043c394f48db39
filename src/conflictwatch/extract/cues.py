"""Phrase lists from the pack, matched as whole words ignoring case and accents.

Used for outcome and tag cues. The folded text keeps the length of the original, so match
offsets point at the original words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .modality import fold_same_length
from .records import Span


def _pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    alternatives = sorted(
        {re.escape(fold_same_length(p)).replace(r"\ ", r"\s+") for p in phrases if p.strip()},
        key=len,
        reverse=True,
    )
    if not alternatives:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")


@dataclass(frozen=True)
class CueHit:
    label: str
    span: Span


class CueMatcher:
    """Labels (outcomes, tags) whose phrases occur in a text, with where they occur."""

    def __init__(self, phrases_by_label: Mapping[str, Iterable[str]]) -> None:
        self._patterns = [
            (label, pattern)
            for label, phrases in phrases_by_label.items()
            if (pattern := _pattern(phrases)) is not None
        ]

    @classmethod
    def from_lexicon(cls, lexicon: Mapping[str, Any], section: str, lang: str) -> CueMatcher:
        """``outcomes.yaml``/``tags.yaml`` layout: {section: {label: {en: [...], fr: [...]}}}."""
        entries = lexicon.get(section, {})
        return cls({label: (by_lang or {}).get(lang, ()) for label, by_lang in entries.items()})

    def find(self, text: str) -> list[CueHit]:
        folded = fold_same_length(text)
        hits = [
            CueHit(label, Span(m.start(), m.end(), text[m.start() : m.end()]))
            for label, pattern in self._patterns
            for m in pattern.finditer(folded)
        ]
        return sorted(hits, key=lambda h: h.span.start)
