"""Phrase lists from the pack, matched as whole words ignoring case and accents.

Used for outcome and tag cues. The folded text keeps the length of the original, so match
offsets point at the original words. :func:`compile_rule` fills the slots of the rules'
patterns (reporting, segments, tellings, tolls, actors' roles, sites, targets) from the same
lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
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


def phrases(cues: Mapping[str, Any], key: str) -> tuple[str, ...]:
    """One key of ``cues.yaml`` in every language, English first, each entry once."""
    entries = tuple(dict.fromkeys(entry for table in cues.values() for entry in table.get(key, ())))
    if not entries:
        raise ConfigError(f"the pack's cues lexicon has no {key!r}; add it under en: or fr:")
    return entries


def alternatives(cues: Mapping[str, Any], key: str) -> str:
    """One key of ``cues.yaml`` in every language, as a regular-expression alternation that a
    rule applies whatever the article's language. Plain lists are escaped, ``_patterns`` entries
    taken as written.

        >>> alternatives({"en": {"joined_shares": ["and"]}, "fr": {"joined_shares": ["et"]}},
        ...              "joined_shares")
        'and|et'
    """
    entries = phrases(cues, key)
    if not key.endswith("_patterns"):
        entries = tuple(re.escape(entry) for entry in entries)
    return "|".join(entries)


def compile_rule(template: str, cues: Mapping[str, Any]) -> re.Pattern[str]:
    """A rule's pattern, each ``%(key)s`` slot filled with :func:`alternatives` of that key,
    compiled case-insensitively.

        >>> compile_rule("(?:%(joined_shares)s)$", {"en": {"joined_shares": ["and"]}}).pattern
        '(?:and)$'
    """
    filled = re.sub(r"%\((\w+)\)s", lambda slot: alternatives(cues, slot.group(1)), template)
    return re.compile(filled, re.IGNORECASE)


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
