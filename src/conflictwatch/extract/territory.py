"""Who takes ground in a sentence: the state's forces or someone else.

ACLED codes a change of control by the side that gains it: state forces taking or retaking ground
is *Government regains territory*, anyone else *Non-state actor overtakes territory*, and ground
held only for a few hours is fighting. The words for each side and the little grammar used to find
the subject (prepositions that make a force an object, the agent marker of a passive, the marker
of the side the ground was taken from) are pack data (``territory`` in ``triggers_<lang>.yaml``).

    >>> reader = TerritoryReader.build({"state_forces": ["army"], "non_state_forces": ["rebels"],
    ...                                 "source_markers": ["from"]})
    >>> text = "The army retook the town from the rebels."
    >>> reader.read(text, Span(9, 15, "retook"))
    ('state', False)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .modality import PhraseMatcher, fold_same_length
from .records import Span

STATE, NON_STATE = "state", "non_state"
_NEUTRAL, _TEMPORARY = "neutral", "temporary"
_AGENT_WINDOW = 40  # "was retaken on Monday by the army": the agent follows closely


@dataclass(frozen=True)
class TerritoryReader:
    """Who takes the ground: the pack's words for state and non-state forces, and the markers
    that tell a sentence's subject from its objects."""

    matcher: PhraseMatcher
    kind_of: Mapping[str, str]
    object_markers: frozenset[str]
    agent_markers: frozenset[str]
    source_markers: frozenset[str]
    determiners: frozenset[str]
    clause_openers: frozenset[str] = frozenset()
    #: After a span of time, words that make it a delay ("quelques heures plus tard"), not how
    #: long the ground was held.
    later: re.Pattern[str] = re.compile(r"(?!x)x")

    @classmethod
    def build(cls, spec: Mapping[str, Any]) -> TerritoryReader:
        kind_of: dict[str, str] = {}
        for field, kind in (
            ("temporary", _TEMPORARY),
            ("neutral", _NEUTRAL),
            ("non_state_forces", NON_STATE),
            ("state_forces", STATE),
        ):
            for phrase in spec.get(field, ()):
                kind_of[_norm(phrase)] = kind

        def words(field: str) -> frozenset[str]:
            return frozenset(_norm(p) for p in spec.get(field, ()))

        return cls(
            PhraseMatcher(kind_of),
            kind_of,
            words("object_markers"),
            words("agent_markers"),
            words("source_markers"),
            words("determiners"),
            clause_openers=words("clause_openers"),
            later=re.compile(
                r"\s*(?:" + "|".join(re.escape(w) for w in spec.get("later", ())) + r")\b"
                if spec.get("later")
                else r"(?!x)x",
                re.IGNORECASE,
            ),
        )

    def read(self, sentence: str, trigger: Span) -> tuple[str | None, bool]:
        """(side that takes the ground or None, whether it held it only for a while).

        The agent of a passive ("was retaken by the army") comes first, then the first force
        named before the trigger that is not the object of a preposition, then the opposite of
        the side the ground was taken from. Forces told before a clause opener ("soldiers were
        killed when fighters overran the base") belong to another clause and are not read."""
        floor = self._clause_start(sentence, trigger.start)
        before: list[tuple[Span, str]] = []
        after: list[tuple[Span, str]] = []
        temporary = False
        for key, span in self.matcher.finditer(fold_same_length(sentence), sentence):
            kind = self.kind_of.get(key)
            if kind == _TEMPORARY:
                temporary = temporary or not self.later.match(sentence, span.end)
            elif kind in (STATE, NON_STATE) and span.end > floor:  # not an earlier clause's
                (before if span.end <= trigger.start else after).append((span, kind))
        for span, kind in after:
            marker = self._marker_before(sentence, span.start, trigger.end)
            if (span.start - trigger.end <= _AGENT_WINDOW and marker in self.agent_markers
                    and "," not in sentence[trigger.end : span.start]):  # fmt: skip
                return kind, temporary  # "was retaken by the army", not "took Anefis, held
                # until then by the rebels"
        for span, kind in before:
            if self._marker_before(sentence, span.start, 0) not in self.object_markers:
                return kind, temporary  # the subject: the first force that is not an object
        for span, kind in after:
            if self._marker_before(sentence, span.start, trigger.end) in self.source_markers:
                return (NON_STATE if kind == STATE else STATE), temporary  # "from the army"
        return None, temporary

    def _clause_start(self, text: str, at: int) -> int:
        """Where the clause holding offset ``at`` starts: after the last clause opener before it
        ("when", "lorsque"), or 0."""
        words = list(re.finditer(r"[^\W\d_]+", fold_same_length(text[:at]).lower()))
        for i in range(len(words) - 1, -1, -1):
            for size in (2, 1):
                phrase = " ".join(w.group() for w in words[max(0, i - size + 1) : i + 1])
                if phrase in self.clause_openers:
                    return words[i].end()
        return 0

    def _marker_before(self, text: str, at: int, floor: int) -> str | None:
        """The word that governs the noun phrase starting at ``at``: the nearest of the three
        words before it that is not a determiner or a capitalised name ("Syrian"), or None."""
        for word in reversed(text[floor:at].split()[-3:]):
            token = word.strip(",;:()\"'").lower()
            if word[:1].isupper() or token in self.determiners:
                continue
            return token or None
        return None


def _norm(phrase: str) -> str:
    return " ".join(fold_same_length(phrase).split())
