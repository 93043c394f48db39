"""Folding of place names and the place words around them.

Sahel names reach us in French, English and local spellings; three keys make them comparable::

    >>> fold("Aguel'hoc")
    'aguelhoc'
    >>> fold("  Tin-Zaouatène ")
    'tin zaouatene'
    >>> compact("Tin Zaouatene")
    'tinzaouatene'
    >>> phonetic("Tinzaouaten") == phonetic("Tinzawatene")
    True
    >>> strip_place_words("le village de Boni")
    PlaceName(core='Boni', kind=None)
    >>> strip_place_words("the Mopti region")
    PlaceName(core='Mopti', kind=<AreaKind.ADMIN1: 'admin1'>)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

_APOSTROPHES = "'’‘`´ʼʻ"
_ELISION = re.compile(r"\b([dDlL])['’](?=\w)")  # French d'Aguelhok, l'Azawad
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_./,;:()\[\]\"«»]+")


class AreaKind(StrEnum):
    """What a place word says the name is: a first- or second-level administrative area."""

    ADMIN1 = "admin1"
    ADMIN2 = "admin2"


@dataclass(frozen=True)
class PlaceName:
    """A name with its place words removed, and the kind of area those words asked for."""

    core: str
    kind: AreaKind | None = None


_NO_APOSTROPHES = {ord(a): None for a in _APOSTROPHES}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, no apostrophes, hyphens and punctuation as single spaces."""
    plain = _ELISION.sub(r"\1 ", text).casefold()
    if not plain.isascii():  # NFKD leaves ASCII as it is, and ASCII has no combining marks
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", plain.translate(_NO_APOSTROPHES)).strip()


def compact(text: str) -> str:
    """The folded name without spaces: 'Tin Zaouatene' and 'Tinzaouatene' meet here."""
    return fold(text).replace(" ", "")


#: A Roman numeral after a village's name: "Gangafani II" is the twin of "Gangafani", beside it.
_TWIN_NUMERAL = re.compile(r"\s+(?:I{1,3}|IV|V)$")


def twin_stem(text: str) -> str | None:
    """The name without its twin numeral ("Gangafani II" -> "Gangafani"), or None if it has none."""
    stem = _TWIN_NUMERAL.sub("", text.strip())
    return stem if stem != text.strip() and stem else None


# French and English transliterations of the same sounds, applied in order to a compact key.
# Each rule carries a letter its pattern cannot match without, so most rules are skipped by a
# substring test instead of a regex pass.
_SOUND_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (needle, re.compile(p), r)
    for needle, p, r in (
        ("ou", r"ou(?=[aeiy])", "w"),  # Ouagadougou / Wagadugu, Tinzaouaten / Tinzawaten
        ("ou", r"ou", "u"),
        ("dj", r"dj", "j"),
        ("tch", r"tch", "ch"),
        ("sh", r"sh", "ch"),
        ("kh", r"kh", "k"),
        ("gh", r"gh", "g"),
        ("ck", r"ck", "k"),
        ("q", r"q", "k"),
        ("c", r"c(?=[aou]|$)", "k"),  # Aguelhoc / Aguelhok
        ("c", r"c(?=[^eiy])", "k"),
        ("ph", r"ph", "f"),
        ("y", r"y", "i"),
        ("h", r"h", ""),
        ("", r"(.)\1+", r"\1"),  # Diffa / Difa, Bankass / Bankas
        ("e", r"(?<=.{3})e$", ""),  # Tinzawatene / Tinzawaten, Bonie / Boni
    )
)


@lru_cache(maxsize=65536)
def phonetic(text: str) -> str:
    """A key blind to French/English transliteration: ou/w, c/k, dj/j, doubled letters."""
    key = compact(text)
    for needle, pattern, repl in _SOUND_RULES:
        if needle in key:
            key = pattern.sub(repl, key)
    return key


# Place words, folded. Order matters: longer phrases first.
# Burkina Faso's provinces are its second level (under 13 regions); Mali has cercles,
# Niger departments.
_ADMIN1_WORDS = ("region", "state", "wilaya")
_ADMIN2_WORDS = (
    "cercle",
    "circle",  # English for a Malian cercle ("the Koro circle")
    "province",
    "department",
    "departement",
    "district",
    "county",
    "prefecture",
)
_LEADING = re.compile(
    r"^(?:(?:in|at|on|to|from|near|around|outside|nearby|close to|just outside|the outskirts of|"
    r"outskirts of|the vicinity of|vicinity of|dans|a|au|aux|en|pres de|pres d|non loin de|"
    r"aux environs de|environs de|a proximite de|proximite de|la|le|les|l|the|du|de|des|d)\s+)+"
)
_KIND_BEFORE = re.compile(
    r"^(?P<word>region|regions|province|provinces|cercle|cercles|circle|circles|departement|"
    r"department|district|"
    r"prefecture|commune rurale|commune urbaine|rural commune|urban commune|commune|municipality|"
    r"village|town|city|ville|"
    r"localite|locality|hamlet|hameau|camp|site|county|wilaya|state|zone|secteur|area)"
    r"(?:\s+(?:of|de|du|des|d|de la|la|l))?\s+(?P<rest>.+)$"
)
_KIND_AFTER = re.compile(
    r"^(?P<rest>.+?)\s+(?P<word>region|province|cercle|circle|department|departement|district|"
    r"prefecture|"
    r"commune|municipality|village|town|city|county|wilaya|state|area)$"
)


def _kind_of(word: str) -> AreaKind | None:
    word = word.rstrip("s")
    if word in _ADMIN1_WORDS:
        return AreaKind.ADMIN1
    if word in _ADMIN2_WORDS:
        return AreaKind.ADMIN2
    return None


def strip_place_words(text: str) -> PlaceName:
    """Remove 'village de', 'the ... region', 'near', 'cercle de' and the like around a name.

    The core keeps its original spelling (accents and case) so it can be shown; only the place
    words are matched on folded text.
    """
    original = text.strip()
    folded = fold(original)
    # One word, nothing to strip: what _recover would find is the whole text.
    one_word = " " not in folded and folded and len(original.split()) == 1
    if one_word and not _ELISION.search(original):
        return PlaceName(original.strip(_EDGES), None)
    kind: AreaKind | None = None
    # Every place-word pattern needs a space (fold turns all whitespace into one): a single
    # word has nothing to strip.
    for _ in range(3 if " " in folded else 0):  # "near the village of X", "dans la région de X"
        before = folded
        folded = _LEADING.sub("", folded)
        match = _KIND_BEFORE.match(folded)
        if match:
            kind = kind or _kind_of(match["word"])
            folded = match["rest"]
        match = _KIND_AFTER.match(folded)
        if match:
            kind = kind or _kind_of(match["word"])
            folded = match["rest"]
        if folded == before:
            break
    if not folded:
        return PlaceName(original, None)
    return PlaceName(_recover(original, folded), kind)


_EDGES = ",;.:()\"'«» "


def _recover(original: str, folded_core: str) -> str:
    """Find the span of ``original`` whose folded form is ``folded_core`` (to keep its spelling)."""
    words = _ELISION.sub(r"\1' ", original).split()
    n = len(folded_core.split())
    for start in range(len(words) - n + 1):
        candidate = " ".join(words[start : start + n])
        if fold(candidate) == folded_core:
            return candidate.strip(_EDGES)
    return folded_core
