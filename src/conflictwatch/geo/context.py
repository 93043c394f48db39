"""What the text around a place name says about where it is.

>>> ctx = Context.from_text("Gunmen attacked Boni, in the cercle de Douentza, Mali, on Tuesday.")
>>> ctx.countries, ctx.admin_hints
(('ML',), (AdminHint(name='Douentza', kind=<AreaKind.ADMIN2: 'admin2'>),))
>>> "Boni" in ctx.nearby
True
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .names import AreaKind, fold

#: Country names and demonyms (folded) in English and French, to ISO 3166 alpha-2.
COUNTRY_WORDS: dict[str, str] = {
    "mali": "ML", "malian": "ML", "malians": "ML", "malien": "ML", "malienne": "ML",
    "maliens": "ML", "maliennes": "ML",
    "burkina": "BF", "burkina faso": "BF", "burkinabe": "BF", "burkinabes": "BF",
    "niger": "NE", "nigerien": "NE", "nigerienne": "NE", "nigeriens": "NE", "nigeriennes": "NE",
    "algeria": "DZ", "algerie": "DZ", "algerian": "DZ", "algerien": "DZ",
    "mauritania": "MR", "mauritanie": "MR", "mauritanian": "MR", "mauritanien": "MR",
    "nigeria": "NG", "nigerian": "NG", "chad": "TD", "tchad": "TD", "chadian": "TD",
    "senegal": "SN", "guinea": "GN", "guinee": "GN", "ivory coast": "CI", "cote d ivoire": "CI",
    "benin": "BJ", "togo": "TG", "ghana": "GH", "libya": "LY", "libye": "LY",
}  # fmt: skip
_COUNTRY_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, COUNTRY_WORDS), key=len, reverse=True)) + r")\b"
)
#: The river Niger and what is named after it, which name no country: "le delta intérieur du
#: Niger", "the Niger River", "the Niger bend", "l'Office du Niger" (folded text).
_RIVER = re.compile(
    r"\b(?:(?:fleuve|riviere|rives?|berges?|boucle|vallee|delta(?:\s+interieur)?|office"
    r"|banks?|bend|valley|inner|river)\s+(?:du\s+|of\s+the\s+|the\s+)?niger"
    r"|niger\s+(?:river|bend|delta|valley))\b"
)
#: An English possessive ending: "Mali's capital" names Mali (folding would make it "malis").
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")

_NAME = r"[A-ZÀ-Ý][\w'’\-]*(?:\s+(?:[A-ZÀ-Ý][\w'’\-]*|N['’][\w\-]+))*"
_KIND_WORDS = {
    "region": AreaKind.ADMIN1, "région": AreaKind.ADMIN1, "regions": AreaKind.ADMIN1,
    "cercle": AreaKind.ADMIN2, "province": AreaKind.ADMIN2, "département": AreaKind.ADMIN2,
    "departement": AreaKind.ADMIN2, "department": AreaKind.ADMIN2, "district": AreaKind.ADMIN2,
    "commune": AreaKind.ADMIN2, "préfecture": AreaKind.ADMIN2,
}  # fmt: skip
_WORD = "|".join(sorted(_KIND_WORDS, key=len, reverse=True))
_HINT_BEFORE = re.compile(
    rf"(?i:\b(?P<word>{_WORD})s?\s+(?:of\s+|de\s+la\s+|de\s+l['’]|de\s+|du\s+|d['’]))(?P<name>{_NAME})"
)
_HINT_AFTER = re.compile(rf"(?P<name>{_NAME})\s+(?i:(?P<word>{_WORD}))\b")
_CAPITALISED = re.compile(_NAME)

#: Capitalised words that start sentences, never places.
FUNCTION_WORDS = frozenset(
    fold(w)
    for w in (  # noqa: SIM905 - a word list reads best as text
        "The A An In On At Of From To And Or But By For With After Before During Since Near Le La "
        "Les L Un Une Des Du De Dans Au Aux En Et Ou Sur Sous Selon Lors Apres Avant Pres"
    ).split()
)
#: ... and words that name actors, dates or the whole theatre: not co-mentioned places.
STOPWORDS = FUNCTION_WORDS | frozenset(
    fold(w)
    for w in (  # noqa: SIM905 - a word list reads best as text
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Lundi Mardi Mercredi Jeudi "
        "Vendredi Samedi Dimanche January February March April May June July August September "
        "October November December Janvier Fevrier Mars Avril Mai Juin Juillet Aout Septembre "
        "Octobre Novembre Decembre Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Jan Feb Mar Apr "
        "Jun Jul Aug Sep Sept Oct Nov Dec Janv Fev Avr Juil "
        "Army Armee Forces FAMa JNIM GSIM EIGS ISGS ISSP MINUSMA CSP FLA "
        "MNLA HCUA GATIA MSA Wagner Africa Corps Barkhane UN ONU AFP Reuters RFI VOA Islamic State "
        "Al Qaeda Sahel Province Region Cercle Commune Village Town City"
    ).split()
)

_NOT_PARTS = STOPWORDS | COUNTRY_WORDS.keys()


def country_mentions(text: str) -> Counter[str]:
    """How often the text names each country, by its name or its people's ("malien",
    "burkinabè"), the river Niger left out.

    >>> country_mentions("Les soldats burkinabè ... au Burkina Faso, près du fleuve Niger")
    Counter({'BF': 2})
    """
    folded = _RIVER.sub(" ", fold(_POSSESSIVE.sub("", text)))
    return Counter(COUNTRY_WORDS[m[1]] for m in _COUNTRY_RE.finditer(folded))


@dataclass(frozen=True)
class AdminHint:
    """'in the Mopti region', 'cercle de Bankass': an area the text says the event is in."""

    name: str
    kind: AreaKind


@dataclass(frozen=True)
class Context:
    """Hints for resolving a name: country focus, admin areas, co-mentioned places, the text."""

    countries: tuple[str, ...] = ()  # ISO2, strongest first
    admin_hints: tuple[AdminHint, ...] = ()
    nearby: tuple[str, ...] = ()  # other place names in the same text
    text: str = ""

    @classmethod
    def from_text(cls, text: str, countries: tuple[str, ...] | str = ()) -> Context:
        """Read country words, admin phrases and capitalised names from the surrounding text."""
        given = (countries,) if isinstance(countries, str) else tuple(countries)
        found = [
            COUNTRY_WORDS[m[1]]
            for m in _COUNTRY_RE.finditer(_RIVER.sub(" ", fold(_POSSESSIVE.sub("", text))))
        ]
        ordered = tuple(dict.fromkeys(c.upper() for c in (*given, *found) if c))
        hints: dict[str, AdminHint] = {}
        for pattern in (_HINT_BEFORE, _HINT_AFTER):
            for match in pattern.finditer(text):
                name = _drop_leading_stopwords(match["name"], FUNCTION_WORDS)
                if name and fold(name) not in COUNTRY_WORDS:
                    hints.setdefault(
                        fold(name), AdminHint(name, _KIND_WORDS[match["word"].lower()])
                    )
        nearby: dict[str, str] = {}
        for match in _CAPITALISED.finditer(text):
            name = _drop_leading_stopwords(match[0], STOPWORDS)
            if not name or fold(name) in COUNTRY_WORDS:
                continue
            nearby.setdefault(fold(name), name)
            for part in re.split(r"[\s\-]+", name):  # "Gao-Ansongo" road: two names
                if len(part) >= 3 and fold(part) not in _NOT_PARTS:
                    nearby.setdefault(fold(part), part)
        return cls(ordered, tuple(hints.values()), tuple(nearby.values()), text)


def _drop_leading_stopwords(name: str, stopwords: frozenset[str]) -> str:
    words = name.split()
    while words and fold(words[0]) in stopwords:
        words.pop(0)
    while words and fold(words[-1]) in stopwords:
        words.pop()
    return " ".join(words).strip("'’-")


def area_phrase_count(text: str, folded_name: str) -> int:
    """How often ``text`` names ``folded_name`` as an area ('région de Mopti', 'Mopti region')."""
    return sum(
        1
        for pattern in (_HINT_BEFORE, _HINT_AFTER)
        for match in pattern.finditer(text)
        if fold(match["name"]).endswith(folded_name)
    )
