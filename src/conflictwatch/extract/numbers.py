"""Reading numbers as news writes them: digits, number words (en/fr), qualifiers, vague quantities.

Vague words are read the way ACLED codes them (conservatively: "dozens" = 12, "une dizaine" = 10),
from the pack's ``numbers`` lexicon::

    >>> reader = NumberReader("fr", load_pack("sahel").lexicon("numbers"))
    >>> reader.parse("une dizaine")
    (10, True)
    >>> reader.parse("soixante-dix-sept")
    (77, False)

Text is cut into tokens once and every phrase is matched by a bounded look-ahead from each
token, so reading is linear in the size of the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Digits with thousands separators ("1 000", "1,000", "1.000"), French elisions ("d'", "qu'") as
# tokens of their own so "plus d'une dizaine" reads like "plus de une dizaine", words, punctuation.
TOKEN = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+(?![.,]\d)"
    r"|\d+(?:[.,]\d+)*"
    r"|(?<!\w)(?:jusqu|lorsqu|puisqu|qu|[cdjlmnst])['’](?=\w)"
    r"|\w+(?:-\w+)*"
    r"|[^\w\s]",
    re.IGNORECASE,
)

#: Qualifiers that give an exact lower bound: the number is not vague ("at least 12" is 12).
EXACT_MINIMUM = frozenset(
    {"at least", "no fewer than", "not less than", "au moins", "pas moins de"}
)

_ARTICLES_EN = frozenset({"a", "an"})
_ARTICLES_FR = frozenset({"un", "une"})
_RANGE_START = frozenset({"between", "entre"})
_RANGE_JOIN = frozenset({"and", "et"})
_RANGE_TO = frozenset({"to", "à", "-", "–"})
#: Dashes join a range only between figures ("20-30"): "Sept 9 - Forty-nine civilians" is a
#: dateline's day, then the count.
_RANGE_DASHES = frozenset({"-", "–"})


@dataclass(frozen=True, slots=True)
class Token:
    """A token with its normalised form (lower case, straight apostrophe, "d'" read as "de")."""

    norm: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in TOKEN.finditer(text):
        norm = match.group().lower().replace("’", "'")
        if norm == "d'":
            norm = "de"
        tokens.append(Token(norm, match.start(), match.end()))
    return tokens


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token sequence a lexicon phrase matches."""
    return tuple(token.norm for token in tokenize(phrase))


@dataclass(frozen=True)
class NumberMention:
    """A number found in text; ``first``/``last`` are token indices (``last`` exclusive)."""

    value: int
    vague: bool
    start: int
    end: int
    first: int
    last: int
    low: int | None = None
    high: int | None = None


@dataclass(frozen=True)
class _Core:
    value: int
    vague: bool
    last: int


class NumberReader:
    """Numbers in one language, built from a ``numbers`` lexicon (``pack.lexicon("numbers")``)."""

    def __init__(self, lang: str, lexicon: Mapping[str, Any]) -> None:
        words = lexicon[lang]
        self.lang = lang
        self._words: dict[str, tuple[int, str]] = {}
        for kind in ("units", "tens", "scales"):
            for word, value in words.get(kind, {}).items():
                self._words[str(word).lower()] = (int(value), kind)
        self._vague = _table(words.get("vague", {}), strip=("of", "de"))
        self._qualifiers = _table(words.get("qualifiers", {}))
        self._longest = max((len(k) for k in (*self._vague, *self._qualifiers)), default=1)
        self._articles = _ARTICLES_EN if lang == "en" else _ARTICLES_FR
        # Words that can begin a number phrase: every other token is skipped at once.
        self._starters = frozenset(
            {k[0] for k in (*self._vague, *self._qualifiers)}
            | {w.split("-")[0] for w in self._words}
            | self._articles
            | _RANGE_START
        )

    # --- public ------------------------------------------------------------------------------

    def parse(self, phrase: str) -> tuple[int, bool] | None:
        """The value of a whole phrase and whether it is vague, or None if it is not a number."""
        tokens = tokenize(phrase)
        norms = [t.norm for t in tokens]
        if not norms:
            return None
        if len(norms) == 1 and norms[0] in _ARTICLES_FR and self.lang == "fr":
            return 1, False
        found = self._at(tokens, norms, 0)
        if found is None or found.last != len(tokens):
            return None
        return found.value, found.vague

    def find(self, text: str) -> list[tuple[int, bool, int, int]]:
        """Every number in ``text`` as ``(value, vague, start, end)``."""
        return [(m.value, m.vague, m.start, m.end) for m in self.mentions(text)]

    def mentions(self, text: str) -> list[NumberMention]:
        return self.mentions_in(tokenize(text))

    def lone(self, text: str) -> int | None:
        """The one number ``text`` holds ("and thirty in Zaroumadareye": 30), if exactly one."""
        found = self.mentions_in(tokenize(text))
        return found[0].value if len(found) == 1 else None

    def mentions_in(self, tokens: Sequence[Token]) -> list[NumberMention]:
        """Numbers in an already tokenised text, left to right, not overlapping."""
        norms = [t.norm for t in tokens]
        found: list[NumberMention] = []
        i = 0
        starters = self._starters
        while i < len(tokens):
            word = norms[i]
            if not (word[0].isdecimal() or word in starters or "-" in word):
                i += 1
                continue
            mention = self._at(tokens, norms, i)
            if mention is None:
                i += 1
                continue
            found.append(mention)
            i = mention.last
        return found

    # --- matching ----------------------------------------------------------------------------

    def _at(self, tokens: Sequence[Token], norms: list[str], i: int) -> NumberMention | None:
        if norms[i] in _RANGE_START:
            ranged = self._range(tokens, norms, i)
            if ranged is not None:
                return ranged
        qualifier = self._phrase(self._qualifiers, norms, i)
        if qualifier is not None:
            kind, after = qualifier
            core = self._core(norms, after)
            if core is not None:
                text = " ".join(norms[i:after])
                exact = kind == "min" and text in EXACT_MINIMUM
                return NumberMention(
                    core.value,
                    core.vague or not exact,
                    tokens[i].start,
                    tokens[core.last - 1].end,
                    i,
                    core.last,
                    low=core.value if kind == "min" else None,
                    high=core.value if kind == "max" else None,
                )
        core = self._core(norms, i)
        if core is None:
            return None
        # "20 to 30", "20 à 30", "20-30": a range whose low end is the count.
        if (
            core.last + 1 < len(norms)
            and norms[core.last] in _RANGE_TO
            and (
                norms[core.last] not in _RANGE_DASHES
                or (norms[i][0].isdecimal() and norms[core.last + 1][0].isdecimal())
            )
        ):
            upper = self._core(norms, core.last + 1)
            if upper is not None and upper.value > core.value and not upper.vague:
                return NumberMention(
                    core.value,
                    core.vague,
                    tokens[i].start,
                    tokens[upper.last - 1].end,
                    i,
                    upper.last,
                    low=core.value,
                    high=upper.value,
                )
        return NumberMention(
            core.value, core.vague, tokens[i].start, tokens[core.last - 1].end, i, core.last
        )

    def _range(self, tokens: Sequence[Token], norms: list[str], i: int) -> NumberMention | None:
        low = self._core(norms, i + 1)
        if low is None or low.last >= len(norms) or norms[low.last] not in _RANGE_JOIN:
            return None
        high = self._core(norms, low.last + 1)
        if high is None or high.value < low.value:
            return None
        end = tokens[high.last - 1].end
        return NumberMention(
            low.value, low.vague, tokens[i].start, end, i, high.last, low.value, high.value
        )

    def _phrase(
        self, table: Mapping[tuple[str, ...], Any], norms: list[str], i: int
    ) -> tuple[Any, int] | None:
        if norms[i] not in self._starters:
            return None
        for size in range(min(self._longest, len(norms) - i), 0, -1):
            value = table.get(tuple(norms[i : i + size]))
            if value is not None:
                return value, i + size
        return None

    def _core(self, norms: list[str], i: int) -> _Core | None:
        """A bare number at token ``i``: a vague phrase, digits, or number words."""
        if i >= len(norms):
            return None
        vague = self._phrase(self._vague, norms, i)
        if vague is not None:
            return _Core(int(vague[0]), True, vague[1])
        word = norms[i]
        if word[0].isdecimal():
            value = _digits(word)
            if value is None:
                return None
            scale = self._words.get(norms[i + 1]) if i + 1 < len(norms) else None
            if scale is not None and scale[1] == "scales" and scale[0] >= 1000:
                return _Core(value * scale[0], False, i + 2)
            return _Core(value, False, i + 1)
        return self._number_words(norms, i)

    def _number_words(self, norms: list[str], i: int) -> _Core | None:
        total = current = 0
        last_kind = ""
        j = i
        used = 0
        while j < len(norms):
            word = norms[j]
            parts = self._parts(word)
            if parts is None:
                if self._connects(norms, j, last_kind, used):
                    j += 1
                    continue
                if used == 0 and self.lang == "en" and word in _ARTICLES_EN:
                    nxt = self._parts(norms[j + 1]) if j + 1 < len(norms) else None
                    if nxt and nxt[0][1] == "scales":
                        current, last_kind, used, j = 1, "units", 1, j + 1
                        continue
                break
            if not _follows(last_kind, parts[0][1]):
                break
            for value, kind in parts:
                if kind == "scales" and value < 1000:
                    current = max(current, 1) * value
                elif kind == "scales":
                    total += max(current, 1) * value
                    current = 0
                else:
                    current += value
                last_kind = kind
            used += 1
            j += 1
        if used == 0:
            return None
        if used == 1 and norms[i] in _ARTICLES_FR:
            return None  # "un", "une" alone are articles; the casualty reader reads "un soldat"
        return _Core(total + current, False, j)

    def _connects(self, norms: list[str], j: int, last_kind: str, used: int) -> bool:
        """ "one hundred and twenty", "vingt et un": a conjunction inside a number."""
        if not used or j + 1 >= len(norms) or norms[j] not in _RANGE_JOIN:
            return False
        nxt = self._parts(norms[j + 1])
        if nxt is None:
            return False
        if norms[j] == "and":
            return last_kind == "scales" and nxt[0][1] != "scales"
        return last_kind == "tens" and norms[j + 1] in ("un", "une", "onze")

    def _parts(self, word: str) -> list[tuple[int, str]] | None:
        """A (possibly hyphenated) number word as values: "soixante-dix-sept" -> [70, 7]."""
        whole = self._words.get(word)
        if whole is not None:
            return [whole]
        pieces = word.split("-")
        if len(pieces) == 1:
            return None
        parts: list[tuple[int, str]] = []
        k = 0
        while k < len(pieces):
            for size in range(len(pieces) - k, 0, -1):
                hit = self._words.get("-".join(pieces[k : k + size]))
                if hit is not None:
                    parts.append(hit)
                    k += size
                    break
            else:
                if pieces[k] not in ("et", "and"):
                    return None
                k += 1
        return parts or None


def _follows(previous: str, kind: str) -> bool:
    """Whether a word of ``kind`` can continue a number ending in a word of ``previous``."""
    if previous in ("", "scales") or kind == "scales":
        return True
    return previous == "tens" and kind == "units"


def _digits(word: str) -> int | None:
    """ "1 000", "1,000", "1.000" -> 1000; "2,5" (a decimal) -> None."""
    if word.isdecimal():
        return int(word)
    groups = re.split(r"[ \u00a0\u202f.,]", word)
    if not all(g.isdecimal() for g in groups):
        return None  # superscripts, footnote marks and words glued to digits are not counts
    if len(groups) > 1 and not (len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
        return None
    return int("".join(groups))


def _table(entries: Mapping[str, Any], strip: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """Phrases as token tuples; "dozens of" is stored as "dozens" (the "of" belongs to the noun)."""
    table: dict[tuple[str, ...], Any] = {}
    for phrase, value in entries.items():
        key = phrase_key(str(phrase))
        if len(key) > 1 and key[-1] in strip:
            key = key[:-1]
        table.setdefault(key, value)
    return table
