"""Splitting an article into the passages that each report one event.

A sentence with an event trigger opens a passage; the next trigger sentence joins it unless it
names another place or another day (a round-up), or it is too far away. Sentences right after a
passage that add counts or details, without a trigger of their own, are kept with it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..taxonomy import EventType, SubEventType
from .contests import TERRITORY
from .cues import compile_rule, phrases
from .records import Casualty, CasualtyKind, DateMention, PlaceMention, Span, TypeScore


@dataclass(frozen=True)
class PassageCues:
    """The words by which a report is cut into passages and its passages are related, compiled
    once from the pack's ``cues`` lexicon (both languages in each pattern).

        cues = PassageCues.from_lexicon(pack.lexicon("cues"))
    """

    #: A second party of attackers, or a second strike: another event even in the same town.
    second_party: re.Pattern[str]
    #: Fragments one of which a second party's words hold (a cheap test first).
    second_party_hints: tuple[str, ...]
    #: Reprisals: a militia going after the people it blames for an attack just told.
    reprisal: re.Pattern[str]
    #: A sentence whose subject points back to the attackers just told.
    goes_on: re.Pattern[str]
    #: A reporting verb, then a day: "the army said on Tuesday".
    reported_on: re.Pattern[str]
    #: A day, then a reporting verb: "the government on Wednesday revised the toll".
    reported_after: re.Pattern[str]
    #: Fighting going on over several days: "clashed with it again on Saturday".
    continued: re.Pattern[str]
    #: Violence taken up again on a day of its own: "the violence resumed on Wednesday".
    resumed: re.Pattern[str]
    #: Event nouns that may refer back to an event already told: "the attack".
    event_nouns: frozenset[str]
    #: A determiner, not that of a new event, right before such a noun: "the", not "another".
    definite: re.Pattern[str]
    #: A report announcing another event: "gunmen also attacked", "par ailleurs".
    another: re.Pattern[str]
    #: An ordinal of the event's doer or act: "a second suicide bomber", "un autre kamikaze".
    ordinal: re.Pattern[str]
    #: An event condemned, denounced or mourned ("condemned what he called a barbaric attack").
    condemned: re.Pattern[str]
    #: The response to an attack: reinforcements, sweeps.
    response: re.Pattern[str]
    #: An operation launched after an attack ("in response, the army launched operations").
    counter_operation: re.Pattern[str]
    #: A sentence opening on another scene: "The same day, in Bobo-Dioulasso, ...".
    elsewhere: re.Pattern[str]
    #: A sentence opening on the day just told: "Le même jour", "at the same time".
    same_day: re.Pattern[str]
    #: The next place's turn: "Samedi, c'était au tour de Gao" (the event told after it is there).
    turn: re.Pattern[str]

    @classmethod
    def from_lexicon(cls, cues: Mapping[str, Any]) -> PassageCues:
        return cls(
            second_party=compile_rule(
                r"\b(?:%(second_party_patterns)s)\s+(?:%(second_party_groups)s)s?\b", cues
            ),
            second_party_hints=phrases(cues, "second_party_hints"),
            reprisal=compile_rule(r"\b(?:%(reprisal_patterns)s)\b", cues),
            goes_on=compile_rule(r"^\W*(?:%(goes_on_patterns)s)\b", cues),
            reported_on=compile_rule(
                r"\b(?:%(reported_on_patterns)s)\s+(?:%(reported_on_linking_patterns)s)?$", cues
            ),
            reported_after=compile_rule(r"\s*,?\s*(?:%(reported_after_patterns)s)\b", cues),
            continued=compile_rule(r"\b(?:%(continued_patterns)s)\b", cues),
            resumed=compile_rule(r"\b(?:%(resumed_patterns)s)\b", cues),
            event_nouns=frozenset(phrases(cues, "event_nouns")),
            definite=compile_rule(
                r"\b(?:%(anaphora_determiners_patterns)s)\s*"
                r"(?!(?:%(new_event_patterns)s)\b)(?:[\w-]+\s+)?$",
                cues,
            ),
            another=compile_rule(r"\b(?:%(another_event_patterns)s)\b", cues),
            ordinal=compile_rule(r"\b(?:%(second_party_patterns)s)\b", cues),
            condemned=compile_rule(r"\b(?:%(condemned_patterns)s)\b", cues),
            response=compile_rule(r"\b(?:%(response_patterns)s)\b", cues),
            counter_operation=compile_rule(r"\b(?:%(counter_operation_patterns)s)", cues),
            elsewhere=compile_rule(r"^\W*(?:%(same_day_openers)s|%(elsewhere_openers)s)\b", cues),
            same_day=compile_rule(r"^\W*(?:%(same_day_openers)s)\b", cues),
            turn=compile_rule(r"\b(?:%(turn_patterns)s)\b", cues),
        )

    def report_day(self, text: str, day: DateMention) -> bool:
        """Whether a day in ``text`` is the day of a report ("the army said on Tuesday"), not of
        the event."""
        return bool(self.reported_on.search(text[: day.start])
                    or self.reported_after.match(text, day.end))  # fmt: skip


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
    #: The list item the passage is told under ("3) Thursday 15 Oct — Séno province."): its day
    #: and place are the passage's own.
    header: Sentence | None = None

    @property
    def last_index(self) -> int:
        # Sentences are added in reading order, so the last added is the furthest.
        last = self.sentences[-1].index
        return max(last, self.follow_on[-1].index) if self.follow_on else last

    @property
    def all_sentences(self) -> list[Sentence]:
        header = [self.header] if self.header is not None else []
        return sorted([*header, *self.sentences, *self.follow_on], key=lambda s: s.index)

    def _told(self) -> list[Sentence]:
        """The sentences that tell the event, under the heading it is told under (whose day
        is the event's; its place may be only the area of the items under it)."""
        return [self.header, *self.sentences] if self.header is not None else self.sentences

    def place_key(self) -> str | None:
        for s in self.sentences:
            if s.places:
                return s.places[0].name.lower()
        return None

    def date_key(self, cues: PassageCues) -> dt.date | None:
        for s in self._told():
            for d in s.dates:
                if not cues.report_day(s.text, d):
                    return d.date
        return None


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


def _opens_new(passage: Passage, sentence: Sentence, cues: PassageCues,
               earlier: Sequence[Sentence] = ()) -> bool:  # fmt: skip
    """Whether an event sentence tells another event than the passage: ``earlier`` are the
    sentences before the passage, whose last day (and last place, or the dateline's town) is the
    passage's when it gives none."""
    if sentence.index - passage.last_index > FOLLOW_ON or len(passage.sentences) >= MAX_SENTENCES:
        return True
    if cues.second_party.search(sentence.text):
        return True
    kind, known_kind = _kind(sentence), _kind(passage.sentences[0])
    if kind and known_kind and kind != known_kind and (sentence.places or sentence.dates):
        return True  # soldiers' wives marching in Kati after a massacre: another event
    if _strike_beside_taking(passage.sentences[0], sentence):
        return True
    place = sentence.places[0].name.lower() if sentence.places else None
    known_place = passage.place_key()
    if place and known_place and place != known_place and not cues.goes_on.match(sentence.text):
        return True
    if place and place != known_place and cues.elsewhere.match(sentence.text):
        return True  # "Le même jour, à Bobo-Dioulasso, des jeunes ont incendié ...": another scene
    if (place and known_place is None and opens_on_place(sentence)
            and (before := _last_place(earlier)) is not None and before != place):  # fmt: skip
        return True  # "À Bobo-Dioulasso, des manifestants ..." after a passage told in the capital
    day = next((d.date for d in sentence.dates if not cues.report_day(sentence.text, d)), None)
    known_day = passage.date_key(cues)
    if known_day is None and day and _opens_with_day(sentence, cues):
        known_day = _last_day(earlier, cues)  # "Jeudi 27, des jeunes ..." after Wednesday's
    return bool(day and known_day and day != known_day
                and not _fighting_went_on(passage, sentence, day, known_day, cues))  # fmt: skip


def _strike_beside_taking(opening: Sentence, sentence: Sentence) -> bool:
    """Whether ``sentence`` tells an air or drone strike that killed, after a passage opened on
    ground taken ("les FAMa ont pris Anéfis ... | le CSP accuse l'armée de frappes de drone
    dans lesquelles plusieurs de ses combattants ont été tués")."""
    return (bool(opening.scores) and opening.scores[0].label in TERRITORY
            and bool(sentence.scores)
            and sentence.scores[0].label is SubEventType.AIR_DRONE_STRIKE
            and any(c.kind is CasualtyKind.KILLED for c in sentence.casualties))  # fmt: skip


def _opens_with_day(sentence: Sentence, cues: PassageCues) -> bool:
    """Whether the sentence opens on its day ("Jeudi 27, ...", "On Sunday, ..."), as a narrative
    moving on from day to day does."""
    first = next((d for d in sentence.dates if not cues.report_day(sentence.text, d)), None)
    return first is not None and first.start <= OPENING_DAY_CHARS


#: How far into a sentence a day still opens it ("Dans la nuit de dimanche à lundi, ...").
OPENING_DAY_CHARS = 16


#: How far into a sentence a place still opens it ("À Bobo-Dioulasso, ...", "In Gao, ...").
OPENING_PLACE_CHARS = 6

#: A wire report's dateline: the town in capitals, then a comma or a dash ("BAMAKO, Nov 14 -"),
#: perhaps with its country or agency in brackets ("GAO (Mali) -", "NIAMEY (AFP) -").
DATELINE = re.compile(
    r"^\W*(?P<name>[A-ZÀ-Ý][A-ZÀ-Ý'’ -]{2,30}?)(?:\s*\([\w .'’-]{2,30}\))?\s*(?:,|\s[-–—])"
)


def opens_on_place(sentence: Sentence) -> bool:
    """Whether the sentence opens on a place ("À Bobo-Dioulasso, ...", "In Gao, ...")."""
    return bool(sentence.places) and sentence.places[0].start <= OPENING_PLACE_CHARS


def _last_place(sentences: Sequence[Sentence]) -> str | None:
    """The place the last of ``sentences`` to name one named first, or the town of the report's
    dateline when none does."""
    for sentence in reversed(sentences[-PASSAGE_LOOK_BACK:]):
        if sentence.places:
            return sentence.places[0].name.lower()
    dateline = DATELINE.match(sentences[0].text) if sentences else None
    return dateline["name"].strip().lower() if dateline else None


def _last_day(sentences: Sequence[Sentence], cues: PassageCues) -> dt.date | None:
    """The day the last of ``sentences`` to give one gave: a passage's day when it gives none
    ("Mercredi 26 juillet, ... | En fin de matinée, des partisans ...")."""
    for sentence in reversed(sentences[-PASSAGE_LOOK_BACK:]):
        for d in sentence.dates:
            if not cues.report_day(sentence.text, d):
                return d.date
    return None


#: How far back (in sentences) a passage that gives no day looks for the one it goes on from.
PASSAGE_LOOK_BACK = 40

#: Days of one telling further apart than this are not one battle going on.
FIGHTING_DAYS_APART = 7


def _fighting(sentence: Sentence) -> bool:
    return bool(sentence.scores) and sentence.scores[0].label is SubEventType.ARMED_CLASH


def _fighting_went_on(passage: Passage, sentence: Sentence, day: dt.date, known_day: dt.date,
                      cues: PassageCues) -> bool:  # fmt: skip
    """A battle whose opening says it began or went on ("The fighting began on Thursday"), told
    again a few days later with no place of its own ("the heaviest combat took place on
    Saturday"): the same fighting, coded day by day (see ``tellings.fighting_days``)."""
    first = passage.sentences[0]
    return (
        _fighting(first)
        and _fighting(sentence)
        and not sentence.places
        and cues.continued.search(first.text) is not None
        and 0 < (day - known_day).days <= FIGHTING_DAYS_APART
    )


#: The mark of a list item at the start of a line: "2) Tuesday 13 Oct — Sanmatenga province.",
#: "- Ménaka :", "• Lundi 11 mars" (the sentencizer may leave the mark out of the sentence).
_MARK = r"(?:\(?\d{1,2}[).]|[•*▪–—-])"
_MARK_BEFORE = re.compile(rf"(?:^|\n)[ \t]*{_MARK}[ \t]*$")
_MARK_FIRST = re.compile(rf"^\s*{_MARK}\s")
#: A sentence that is only an item's mark: "1." cut off from the item it numbers.
_MARK_ALONE = re.compile(r"^\s*\(?\d{1,2}[).]\s*$")
#: A list run into one paragraph: "Le communiqué recense : - jeudi, ... ; - vendredi, ...",
#: "... wounding two soldiers. - On Sunday, ...".
_MARK_INLINE = re.compile(r"[:;.!?][ \t\u00a0]+[-–—•][ \t\u00a0]*$")


#: A labelled section opening a line: "Analyse : ...", "Outlook: ...", "Recommandations :".
_SECTION = re.compile(r"^[A-ZÀ-Ý][\w'’-]*(?: [\w'’-]+){0,2} ?: ")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
#: A dated heading line with no mark: "Jeudi 16 juin — Mali, région de Gao."
_HEADING = re.compile(r"^[^\n.]{3,40}?\s[—–]\s")
HEADING_CHARS = 90
#: A press review's or a digest's place heading is a sentence of a few words that names a place
#: (and perhaps the day) and tells nothing: "Ouagadougou.", "Route de Dori." or "Sevare, Friday."
#: before the item told there.
PLACE_HEADING_WORDS = 4


def _place_heading(sentence: Sentence) -> bool:
    return (
        len(sentence.text.split()) <= PLACE_HEADING_WORDS
        and not sentence.scores
        and bool(sentence.places)
    )


def list_items(text: str, sentences: list[Sentence]) -> set[int]:
    """The sentences of an article that open an item of a list, a labelled section of a
    bulletin ("Analyse : ..."), a dated heading line ("Jeudi 16 juin — Mali, région de Gao.")
    or a press review's place heading ("Ouagadougou."), or a wire story's dateline further on
    ("OUAGADOUGOU, Burkina Faso - ..."): what follows the item before is not told there."""
    return {
        s.index
        for s in sentences
        if _place_heading(s)
        or _MARK_FIRST.match(s.text)
        or (s.index > 0 and _MARK_ALONE.match(sentences[s.index - 1].text))
        or _MARK_BEFORE.search(text, max(0, s.span.start - 12), s.span.start)
        or _MARK_INLINE.search(text, max(0, s.span.start - 6), s.span.start)
        or (
            _SECTION.match(s.text)
            and _LINE_START.search(text, max(0, s.span.start - 12), s.span.start)
        )
        or (
            s.index > 0
            and len(s.text) <= HEADING_CHARS
            and _HEADING.match(s.text)
            and _LINE_START.search(text, max(0, s.span.start - 12), s.span.start)
            and bool(s.dates)
        )
        or _dated_lead_in(text, s)
        or (
            s.index > 0
            and _WIRE_DATELINE.match(s.text)
            and _LINE_START.search(text, max(0, s.span.start - 12), s.span.start)
        )
    }


#: A wire dateline opening a line after the first: a round-up's next story ("OUAGADOUGOU,
#: Burkina Faso - Police fired tear gas ...", "NIAMEY (AFP) — ...").
_WIRE_DATELINE = re.compile(
    r"^[A-ZÀ-Ý][A-ZÀ-Ý'’ -]{2,30}?(?:\s*\([^()\n]{2,30}\))?(?:,[^.\n]{1,30}?)?\s[-–—]\s"
)


#: A line's lead-in of place and day before a colon: "Dablo, Sanmatenga province, Sunday 12 May:
#: Around twenty armed men ..."
_LEAD_IN = re.compile(r"^([^\n.:;]{3,70}?):\s")


def _dated_lead_in(text: str, sentence: Sentence) -> bool:
    """Whether a line opens with a lead-in naming a place and a day, then a colon: an item of
    a digest written without marks."""
    lead_in = _LEAD_IN.match(sentence.text)
    return (
        lead_in is not None
        and sentence.index > 0
        and _LINE_START.search(text, max(0, sentence.span.start - 12), sentence.span.start)
        is not None
        and any(d.end <= lead_in.end(1) for d in sentence.dates)
        and any(p.end <= lead_in.end(1) for p in sentence.places)
    )


def group(
    sentences: list[Sentence],
    event_indexes: set[int],
    cues: PassageCues,
    items: set[int] | frozenset[int] = frozenset(),
    apart: set[int] | frozenset[int] = frozenset(),
    parties: set[int] | frozenset[int] = frozenset(),
) -> list[Passage]:
    """Passages from sentences, given which sentences report an event. An item of a list (a
    digest's "2) Tuesday 13 Oct — Sanmatenga province.", see :func:`list_items`) opens a new
    passage: it is no follow-on of the item before. A sentence ``apart`` turns to an earlier
    event ("Ces actions interviennent après l'embuscade de mercredi"): its day and toll do not go
    on with the passage before. A sentence of another ``parties``' doing (reprisals, see
    ``reporting.reprisals``) opens a passage of its own."""
    passages: list[Passage] = []
    item: Sentence | None = None  # a list item begun since the last event sentence
    for sentence in sentences:
        current = passages[-1] if passages else None
        if sentence.index in items or (
                sentence.index not in event_indexes and current is not None
                and cues.turn.search(sentence.text)):  # fmt: skip
            item = sentence  # "Samedi, c'était au tour de Gao": what follows is told there
        if sentence.index in event_indexes:
            if (current is None or item or sentence.index in parties
                    or _opens_new(current, sentence, cues,
                                  sentences[: current.sentences[0].index])):  # fmt: skip
                # the item's heading right before the sentence: its day and place
                header = item if item is not None and item.index == sentence.index - 1 else None
                passages.append(Passage([sentence], header=header))
            else:
                current.sentences.append(sentence)
            item = None
        elif (
            item is None
            and sentence.index not in apart
            and current is not None
            and sentence.index - current.last_index <= 1
            and sentence.index - current.sentences[0].index <= FOLLOW_ON
        ):
            current.follow_on.append(sentence)
    return passages
