"""Language pipelines and sentence splitting.

:func:`build_nlp` makes a blank spaCy pipeline (no downloaded model) with a sentencizer that knows
the titles and abbreviations of news writing. :func:`sentences` is the fast path extraction uses:
a rule scanner that splits a 700-word article in about 0.3 ms (a spaCy tokenizer pass alone takes
nearly 3 ms), keeping character offsets into the text. It breaks at terminal
punctuation followed by a capital, digit or quote, but not after "Lt.", "Col.", "M.", "U.S." or an
initial, and at line breaks that end a headline or a bullet line (not at a wrapped line).

    >>> nlp = build_nlp("en")
    >>> [s.quote for s in sentences(nlp, "Lt. Col. Diarra spoke. Gunmen fled.")]
    ['Lt. Col. Diarra spoke.', 'Gunmen fled.']
"""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer

from .records import Span

_COMMON = (
    "Dr Prof Gen Lt Col Maj Capt Cpt Cdt Sgt Cpl Adj Adm Brig Cmdr St Ste Jr Sr No Nos Mt Ft Av "
    "Ave Dept Inc Ltd Co Corp Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec etc vs cf approx"
)
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset(
        (
            _COMMON
            + " Mr Mrs Ms Messrs Rev Sen Rep Gov Pres Gov Mon Tue Tues Wed Thu Thur Thurs Fri "
            "Sat Sun e.g i.e a.m p.m U.S U.N U.K"
        )
        .lower()
        .split()
    ),
    "fr": frozenset(
        (
            _COMMON + " M MM Mme Mmes Mlle Mlles Me Pr Gal Gén Cne Cdt Lcl Col Ltn Adj Mgr "
            "janv févr fév avr juil déc lun mer jeu ven sam dim env ex p n° art chap"
        )
        .lower()
        .split()
    ),
}
ABBREVIATIONS["und"] = ABBREVIATIONS["en"] | ABBREVIATIONS["fr"]

_CLOSERS = "\"'»”’)]"
_OPENERS = "\"'«“‘(["
_BOUNDARY = re.compile(
    rf"(?=[.!?…\n:;])(?:[.!?…]+(?:[ \u00a0\u202f]?[{re.escape(_CLOSERS)}])*(?=\s+(?:[-–—•]\s+)?[{re.escape(_OPENERS)}]?[^\W_a-zà-ÿ]|\s*$)"
    r"|\n\s*"
    # a list run into one paragraph: "Le communiqué recense : - jeudi, ... ; - vendredi, ..."
    r"|[:;](?=[ \t\u00a0]+[-–—•][ \t\u00a0]))"
)
#: Abbreviations that often end a sentence ("... at about 10 a.m. JNIM claimed it"): a
#: capitalised word after them starts a new one, unless it names the time more ("a.m. GMT").
_CLOSING = frozenset(("a.m", "p.m", "etc"))
_TIME_AFTER = re.compile(
    r"\s+(?:GMT|UTC|WAT|local|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b"
)
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)*[^\W\d_]$")  # "A", "U.S" without the final dot
_LEAD = re.compile(r"[\s•*·▪►◦]+|[-–—](?=\s)\s*")
_TERMINAL = frozenset(".!?…:;" + _CLOSERS)


def build_nlp(lang: str) -> Language:
    """A blank spaCy pipeline for ``lang`` ("en", "fr"; anything else is multi-language) with a
    sentencizer and the abbreviation exceptions :func:`sentences` uses."""
    code = lang if lang in ("en", "fr") else "xx"
    nlp = spacy.blank(code)
    nlp.add_pipe("sentencizer")
    tokenizer: Tokenizer = nlp.tokenizer
    for abbreviation in sorted(ABBREVIATIONS.get(lang, ABBREVIATIONS["und"])):
        for form in {abbreviation, abbreviation.capitalize(), abbreviation.upper()}:
            tokenizer.add_special_case(f"{form}.", [{ORTH: f"{form}."}])
    return nlp


def sentences(nlp: Language, text: str) -> list[Span]:
    """Sentence spans of ``text`` with offsets into it; leading bullets and spaces are left out."""
    abbreviations = ABBREVIATIONS.get(nlp.lang or "und", ABBREVIATIONS["und"])
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        cut = match.start()
        if text[cut] in "\n\r\t ":
            if not _breaks_line(text, start, cut, match.end(), match.group()):
                continue
            end = cut
        else:
            if text[cut] == "." and _is_abbreviation(text, start, cut, abbreviations):
                continue
            end = match.end()
        _add(spans, text, start, end)
        start = match.end()
    _add(spans, text, start, len(text))
    return spans


def _is_abbreviation(text: str, start: int, dot: int, abbreviations: frozenset[str]) -> bool:
    if text[dot + 1 : dot + 2] == ".":  # an ellipsis written as dots ends the sentence
        return False
    words = text[max(start, dot - 24) : dot].rsplit(None, 1)[-1:]
    if not words:
        return False
    token = words[0].lstrip("([\"'«“‘")
    if token.lower() in _CLOSING:
        return bool(_TIME_AFTER.match(text, dot + 1))
    last = token.rsplit("-", 1)[-1]  # "Lt.-Col."
    return (
        token.lower() in abbreviations
        or last.lower() in abbreviations
        or bool(_INITIALS.match(token) and not token.isdigit())
    )


def _breaks_line(text: str, start: int, cut: int, after: int, gap: str) -> bool:
    """A line break ends a sentence unless it wraps one: no terminal mark, lower case next."""
    before = text[start:cut].rstrip()
    if not before:
        return False
    if gap.count("\n") > 1 or after >= len(text):
        return True
    following = text[after]
    return before[-1] in _TERMINAL or not following.islower()


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and not text[start].isalnum():
        lead = _LEAD.match(text, start, end)
        if lead is None or lead.end() == start:
            break
        start = lead.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))
