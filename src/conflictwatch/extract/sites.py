"""One telling, several sites: how many places a passage says were hit.

ACLED codes one event per location and day. "Gunmen attacked two villages, X and Y" is two
events; "a coordinated assault on two security sites in the capital" is two as well, even when
both sites lie in one town. A toll given only for the whole is shared evenly between the sites
(ACLED's rule when a total is not broken down).

    count_sites("Gunmen attacked two villages on Saturday.", "en")  # -> 2
    share(100, 3)  # -> [34, 33, 33]
"""

from __future__ import annotations

import re

#: Never split one telling into more events than this (a list, not a campaign).
MOST_SITES = 4

_COUNTS = {
    "two": 2, "three": 3, "four": 4, "both": 2,
    "deux": 2, "trois": 3, "quatre": 4, "les deux": 2,
}  # fmt: skip

#: Nouns for the places an attack hits. People, vehicles and abstract nouns ("two soldiers",
#: "two hours", "both sides") are not sites.
_SITES_EN = (
    r"villages?|camps?|bases?|sites?|towns?|localities|hamlets?|military posts?|army posts?|"
    r"positions|churches|mosques|communes|attacks|assaults|raids|incidents"
)
_SITES_FR = (
    r"villages?|camps?|bases?|sites?|localités|hameaux|postes|positions|églises|mosquées|"
    r"communes|attaques|assauts|raids|incidents"
)

#: "two army camps", "two security sites", "deux villages", "trois localités": a count, up to
#: two qualifying words, the site noun. "Both"/"les deux" only right before the noun.
_CUE = {
    "en": re.compile(
        rf"\b(?:(?P<n>two|three|four)\s+(?:[\w'-]+\s+){{0,2}}?|(?P<b>both)\s+)"
        rf"(?:{_SITES_EN})\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        rf"\b(?:(?P<n>deux|trois|quatre)\s+(?:[\w'-]+\s+){{0,1}}?|(?P<b>les deux)\s+)"
        rf"(?:{_SITES_FR})\b",
        re.IGNORECASE,
    ),
}

#: A count that is not of sites hit but of time or of what happened before ("two attacks in
#: a week", "the two previous attacks", "deux attaques en un mois").
_NOT_ONE_TELLING = re.compile(
    r"\b(?:previous|earlier|last|past|first|précédentes?|dernières?|premières?)\b", re.IGNORECASE
)


def count_sites(text: str, lang: str) -> int:
    """How many sites the sentence says one telling hit (1 when it says nothing of it)."""
    pattern = _CUE.get(lang, _CUE["en"])
    for match in pattern.finditer(text):
        if _NOT_ONE_TELLING.search(match.group()):
            continue
        word = (match.group("n") or match.group("b") or "").lower()
        return min(_COUNTS.get(word, 1), MOST_SITES)
    return 1


def share(total: int, parts: int) -> list[int]:
    """A toll split evenly between sites, the remainder going to the first ones."""
    if parts <= 1:
        return [total]
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]
