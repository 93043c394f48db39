"""Splitting an article into the passages that each report one event.

A sentence with an event trigger opens a passage; the next trigger sentence joins it unless it
names another place or another day (a round-up), or it is too far away. Sentences right after a
passage that add counts or details, without a trigger of their own, are kept with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..taxonomy import EventType, SubEventType
from .records import Casualty, DateMention, PlaceMention, Span, TypeScore

#: A second party of attackers, or a second strike, is another event even in the same town
#: ("a second group of attackers entered the military part of the airport").
SECOND_PARTY = re.compile(
    r"\b(?:a\s+second|another|un\s+(?:second|autre|deuxième)|une\s+(?:seconde|autre|deuxième))"
    r"\s+(?:group|groupe|team|équipe|commando|unit|unité|wave|vague|column|colonne)s?\b",
    re.IGNORECASE,
)

#: A sentence whose subject points back to the attackers just told ("The attackers struck the
#: villages of ...", "Ils ont ensuite incendié ...") goes on with the same telling: the places it
#: names are where that event happened, not another event's.
_GOES_ON = re.compile(
    r"^\W*(?:the\s+(?:attackers|assailants|gunmen|raiders|militants|fighters)|they|"
    r"les\s+(?:assaillants|agresseurs|hommes\s+armés|individus\s+armés|terroristes)|ils)\b",
    re.IGNORECASE,
)

#: How many sentences a passage reaches forward to pick up counts and details.
FOLLOW_ON = 2

#: The most trigger sentences one passage gathers (a report tells one event in a few sentences).
MAX_SENTENCES = 8


@dataclass
class Sentence:
    """One sentence with what the readers found in it (offsets local to the sentence).

    Places and dates are read when first asked for: most sentences of a long report are never
    looked at for them, and reading them is the dearest part of a sentence.
    """

    index: int
    span: Span  # offsets into the article
    scores: list[TypeScore]
    read_places: Callable[[str], list[PlaceMention]] = field(repr=False, compare=False)
    read_dates: Callable[[str], list[DateMention]] = field(repr=False, compare=False)
    casualties: list[Casualty] = field(default_factory=list)
    inferred: bool = False  # the type comes from a toll, not from a trigger word

    @property
    def text(self) -> str:
        return self.span.quote

    @cached_property
    def places(self) -> list[PlaceMention]:
        return self.read_places(self.text)

    @cached_property
    def dates(self) -> list[DateMention]:
        return self.read_dates(self.text)


@dataclass
class Passage:
    """The sentences that tell one event; the first is the one that opened it."""

    sentences: list[Sentence] = field(default_factory=list)
    follow_on: list[Sentence] = field(default_factory=list)

    @property
    def last_index(self) -> int:
        # Sentences are added in reading order, so the last added is the furthest.
        last = self.sentences[-1].index
        return max(last, self.follow_on[-1].index) if self.follow_on else last

    @property
    def all_sentences(self) -> list[Sentence]:
        return sorted([*self.sentences, *self.follow_on], key=lambda s: s.index)

    def place_key(self) -> str | None:
        for s in self.sentences:
            if s.places:
                return s.places[0].name.lower()
        return None

    def date_key(self) -> object | None:
        for s in self.sentences:
            for d in s.dates:
                if not report_day(s.text, d):
                    return d.date
        return None


#: A day that follows a reporting verb ("the army said on Tuesday") dates the report, not the
#: event; it is used only when the passage gives no other day.
_REPORTED_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|declared|confirmed|added|claimed|released|"
    r"published|issued|broadcast|accused|denounced|condemned|diffus[ée]e?|publi[ée]e?|"
    r"(?:a|ont)\s+(?:dit|d[ée]clar[ée]|annonc[ée]|indiqu[ée]|affirm[ée]|pr[ée]cis[ée]|"
    r"rapport[ée]|confirm[ée]|ajout[ée]|revendiqu[ée]|accus[ée]|d[ée]nonc[ée]|condamn[ée]))"
    r"\s+(?:on\s+|late\s+|early\s+|ce\s+|le\s+)?$",
    re.IGNORECASE,
)

#: The same with the day before the verb: "the government on Wednesday revised the toll",
#: "l'armée a mardi annoncé".
_REPORTING_AFTER = re.compile(
    r"\s*,?\s*(?:said|says|told|announced|reported|stated|declared|confirmed|added|claimed|"
    r"released|published|issued|revised|raised|lowered|updated|denied|"
    r"(?:a|ont)?\s*(?:dit|d[ée]clar[ée]|annonc[ée]|indiqu[ée]|affirm[ée]|pr[ée]cis[ée]|"
    r"rapport[ée]|confirm[ée]|r[ée]vis[ée]|d[ée]menti|revendiqu[ée]))\b",
    re.IGNORECASE,
)


def report_day(text: str, day: DateMention) -> bool:
    """Whether a day in ``text`` is the day of a report ("the army said on Tuesday"), not of
    the event."""
    return bool(_REPORTED_ON.search(text[: day.start]) or _REPORTING_AFTER.match(text, day.end))


_ARMED_VIOLENCE = frozenset(
    {EventType.BATTLES, EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.EXPLOSIONS_REMOTE_VIOLENCE}
)


def _kind(sentence: Sentence) -> str:
    """ "protest" or "violence" for a sentence whose top type is one of them; else ""."""
    top = sentence.scores[0].label if sentence.scores else None
    if not isinstance(top, SubEventType):
        return ""
    if top.event_type is EventType.PROTESTS:
        return "protest"
    return "violence" if top.event_type in _ARMED_VIOLENCE else ""


def _opens_new(passage: Passage, sentence: Sentence) -> bool:
    if sentence.index - passage.last_index > FOLLOW_ON or len(passage.sentences) >= MAX_SENTENCES:
        return True
    if SECOND_PARTY.search(sentence.text):
        return True
    kind, known_kind = _kind(sentence), _kind(passage.sentences[0])
    if kind and known_kind and kind != known_kind and (sentence.places or sentence.dates):
        return True  # soldiers' wives marching in Kati after a massacre: another event
    place = sentence.places[0].name.lower() if sentence.places else None
    known_place = passage.place_key()
    if place and known_place and place != known_place and not _GOES_ON.match(sentence.text):
        return True
    day = next((d.date for d in sentence.dates if not report_day(sentence.text, d)), None)
    known_day = passage.date_key()
    return bool(day and known_day and day != known_day)


def group(sentences: list[Sentence], event_indexes: set[int]) -> list[Passage]:
    """Passages from sentences, given which sentences report an event."""
    passages: list[Passage] = []
    for sentence in sentences:
        current = passages[-1] if passages else None
        if sentence.index in event_indexes:
            if current is None or _opens_new(current, sentence):
                passages.append(Passage([sentence]))
            else:
                current.sentences.append(sentence)
        elif (
            current is not None
            and sentence.index - current.last_index <= 1
            and sentence.index - current.sentences[0].index <= FOLLOW_ON
        ):
            current.follow_on.append(sentence)
    return passages
