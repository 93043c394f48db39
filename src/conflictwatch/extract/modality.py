"""Whether a sentence asserts an event, or denies, foils, plans, supposes or merely counts one.

A phrase matcher folds case and accents without moving offsets, so every cue it finds is a span of
the text as written::

    >>> from conflictwatch.knowledge import load_pack
    >>> reader = ModalityReader("fr", load_pack("sahel").lexicon("cues"))
    >>> reader.read("L'armée a déjoué une attaque contre le camp.").kind
    <ModalityKind.FOILED: 'foiled'>
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from .records import Span

# --- folding and phrase matching ----------------------------------------------------------------

_SAME_LENGTH = {"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-", "‑": "-"}


def _fold_char(char: str) -> str:
    if char in _SAME_LENGTH:
        return _SAME_LENGTH[char]
    low = char.lower()
    if len(low) != 1:
        return char
    if low.isascii():
        return low
    base = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    return base if len(base) == 1 else low


# Latin-1 and Latin Extended-A cover en/fr; other characters fold to their own lower case.
_TABLE = {code: _fold_char(chr(code)) for code in range(0x80, 0x250)} | {
    ord(k): v for k, v in _SAME_LENGTH.items()
}


def fold_same_length(text: str) -> str:
    """Lower case without accents, one character for one, so offsets stay valid."""
    folded = text.translate(_TABLE).lower()
    return folded if len(folded) == len(text) else text.translate(_TABLE)


def _key(phrase: str) -> str:
    """How a lexicon phrase is stored: folded, single-spaced."""
    return " ".join(fold_same_length(phrase).split())


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regex alternation shaped as a character trie, so a scan tries one branch per char."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = []
        for char, child in sorted(node.items(), key=lambda kv: kv[0] == ""):
            if char == "":
                continue
            piece = r"\s+" if char == " " else r"[-\s]?" if char == "-" else re.escape(char)
            branches.append(piece + emit(child))
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


def _squeeze(phrase: str) -> str:
    return re.sub(r"[-\s]+", "", phrase)


class PhraseMatcher:
    """Whole-word, case- and accent-insensitive matching of many phrases in one regex pass."""

    def __init__(self, phrases: Iterable[str]) -> None:
        keys = sorted({_key(p) for p in phrases if p.strip()})
        self._by_squeezed = {_squeeze(k): k for k in reversed(keys)}
        body = _trie_pattern(keys) if keys else r"(?!x)x"
        self._regex = re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")

    def __bool__(self) -> bool:
        return bool(self._by_squeezed)

    def finditer(self, folded: str, text: str) -> Iterator[tuple[str, Span]]:
        """(phrase key, span) for each longest match; ``folded`` is ``fold_same_length(text)``."""
        for match in self._regex.finditer(folded):
            # "counter-attack" may be written "counter attack" or "counterattack"
            found = match.group()
            squeezed = found if found.isalnum() else _squeeze(found)  # one word: nothing to squeeze
            key = self._by_squeezed.get(squeezed, found)
            yield key, Span(match.start(), match.end(), text[match.start() : match.end()])


# --- modality ----------------------------------------------------------------------------------


class ModalityKind(str, Enum):
    ASSERTED = "asserted"
    NEGATED = "negated"
    DENIED = "denied"
    FOILED = "foiled"
    PLANNED = "planned"
    THREATENED = "threatened"
    HYPOTHETICAL = "hypothetical"
    BACKGROUND = "background"

    @property
    def is_event(self) -> bool:
        """Whether a violent trigger under this modality reports an event that happened."""
        return self is ModalityKind.ASSERTED


@dataclass(frozen=True)
class Modality:
    kind: ModalityKind
    cue: Span | None = None


ASSERTED = Modality(ModalityKind.ASSERTED)

# Cue lists in cues.yaml, in the order they win when several are present.
_KINDS: tuple[tuple[str, ModalityKind], ...] = (
    ("denial", ModalityKind.DENIED),
    ("foiled", ModalityKind.FOILED),
    ("background", ModalityKind.BACKGROUND),
    ("hypothetical", ModalityKind.HYPOTHETICAL),
    ("planned", ModalityKind.PLANNED),
    ("threat", ModalityKind.THREATENED),
    ("negation", ModalityKind.NEGATED),
)
# Cues that must sit close before the trigger (when one is given) to govern it: "if", "not".
_LOCAL = {ModalityKind.NEGATED: 30, ModalityKind.HYPOTHETICAL: 80}
_CLAUSE_BREAK = re.compile(r"[,;:]|\bbut\b|\bmais\b")
_NEAR = 90  # other cues govern a trigger within this many characters either side
# Negations of casualties, not of the event: "the attack caused no casualties".
_CASUALTY_NEGATIONS = {
    "no casualties",
    "no deaths",
    "no one was killed",
    "no one was hurt",
    "no victims",
    "sans faire de victimes",
    "aucune victime",
    "aucun mort",
    "aucun blesse",
    "pas de victime",
    "pas de victimes",
}


_NO_ONE_HURT = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(_CASUALTY_NEGATIONS)) + r")(?!\w)"
)


def says_no_one_was_hurt(text: str) -> bool:
    """Whether ``text`` says the event harmed no one ("Aucune victime n'a été signalée", "the
    attack caused no casualties")."""
    return _NO_ONE_HURT.search(" ".join(fold_same_length(text).split())) is not None


class ModalityReader:
    """Reads what a sentence does with its event: asserts, denies, foils, plans, supposes, counts.

    Built once per language from the pack's ``cues`` lexicon and reused for every sentence.
    """

    def __init__(self, lang: str, cues: Mapping[str, Any]) -> None:
        table = cues.get(lang, {})
        self.lang = lang
        self._kind_of: dict[str, ModalityKind] = {}
        for name, kind in reversed(_KINDS):  # earlier kinds win a phrase listed twice
            for phrase in table.get(name, ()):
                key = _key(phrase)
                # a casualty negation is matched, so that "no" inside it is not a negation
                casualty = kind is ModalityKind.NEGATED and key in _CASUALTY_NEGATIONS
                self._kind_of[key] = ModalityKind.ASSERTED if casualty else kind
        self._matcher = PhraseMatcher(self._kind_of)
        self._patterns = tuple(
            re.compile(p, re.IGNORECASE) for p in table.get("background_patterns", ())
        )
        since = "|".join(re.escape(w) for w in table.get("since_clause", ()))
        # The end of a clause opened by "since": a pattern matched there dates a record.
        self._since = re.compile(rf"\b(?:{since})\b[^,;.]*$", re.IGNORECASE) if since else None
        self._rank = {kind: i for i, (_, kind) in enumerate(_KINDS)}
        self._aim = PhraseMatcher(table.get("aim_openers", ()))

    def read(self, text: str, trigger: Span | None = None, *, opening: bool = False) -> Modality:
        """The modality of ``text``; with ``trigger``, only cues that can govern that span count.
        In a report's ``opening`` sentence a year in a clause opened by "since" dates the record
        the event sets ("the deadliest attack since the violence began in 2015"), not a tally;
        further on, such a sentence is more often a recalled event."""
        found: list[Modality] = []
        folded = fold_same_length(text)
        for key, span in self._matcher.finditer(folded, text):
            kind = self._kind_of.get(key)
            if (kind not in (None, ModalityKind.ASSERTED) and _governs(kind, span, trigger, folded)
                    and not self._aimed_at(kind, span, trigger, folded, text)):  # fmt: skip
                found.append(Modality(kind, span))
        for pattern in self._patterns:
            match = pattern.search(text)
            if (
                match
                and opening
                and self._since is not None
                and self._since.search(text, max(0, match.start() - _NEAR), match.start())
            ):
                continue  # "the deadliest attack since the violence began in 2015"
            if match:
                cue = Span(match.start(), match.end(), match.group())
                found.append(Modality(ModalityKind.BACKGROUND, cue))
        if not found:
            return ASSERTED
        return min(found, key=lambda m: (self._rank[m.kind], m.cue.start if m.cue else 0))

    def _aimed_at(self, kind: ModalityKind, cue: Span, trigger: Span | None, folded: str,
                  text: str) -> bool:  # fmt: skip
        """Whether a plan or threat named after the trigger is what the event was aimed at
        ("ont manifesté pour réclamer le retrait du projet"), not what became of the event."""
        if trigger is None or kind not in (ModalityKind.PLANNED, ModalityKind.THREATENED):
            return False
        if cue.start < trigger.end or not self._aim:
            return False
        between = slice(trigger.end, cue.start)
        return any(True for _ in self._aim.finditer(folded[between], text[between]))


def _governs(kind: ModalityKind, cue: Span, trigger: Span | None, folded: str) -> bool:
    if trigger is None or kind is ModalityKind.DENIED:
        return True  # a denial disowns the whole sentence's account, however long
    local = _LOCAL.get(kind)
    if local is not None:
        between = folded[cue.end : trigger.start]
        return (
            cue.end <= trigger.start
            and len(between) <= local
            and _CLAUSE_BREAK.search(between) is None
        )
    return cue.end <= trigger.start + _NEAR and cue.start >= trigger.start - _NEAR
