"""When a passage's event happened: the first day it tells that is not its report's own.

A day the passage gives for the event wins; a day that is only the report's ("said on Tuesday")
gives way to an earlier day the sentence just before gave the event; a passage with no day takes
one told shortly before it, and with none at all is dated by the report, known only to the week.

    when, precision = passage_date(passage, read, cues)  # when: (sentence, span, day) or None
"""

from __future__ import annotations

import datetime as dt
import re

from ..taxonomy import TimePrecision
from .placing import FOLLOW_AFTER, LOOK_BACK
from .records import DateMention, Span
from .segments import FOLLOW_ON, Passage, PassageCues, Sentence

#: Where a passage's day was told: the sentence, the words (if any) and the day.
DayTold = tuple[Sentence, Span | None, dt.date]


def dated_by_report(passage: Passage, cues: PassageCues) -> bool:
    """Whether the passage's only days are those of its report ("said on Tuesday")."""
    days = [(s, d) for s in passage.all_sentences for d in s.dates]
    return bool(days) and all(cues.report_day(s.text, d) for s, d in days)


#: A date used as a noun's attribute: before the noun ("the March 2012 coup") or after "de"
#: ("le putsch d'août 2020").
_BEFORE_NOUN = re.compile(r"\s+(?!(?:and|or|when|as|after|before|in|on|at|to|the|a|an)\b)[a-z]+\b")
_AFTER_DE = re.compile(r"\b(?:de|d['’]|du)\s*$", re.IGNORECASE)


def _names_a_thing(text: str, d: DateMention) -> bool:
    return d.precision is not TimePrecision.DAY and bool(
        _BEFORE_NOUN.match(text, d.end) or _AFTER_DE.search(text, 0, d.start)
    )


def passage_date(
    passage: Passage, read: list[Sentence], cues: PassageCues
) -> tuple[DayTold | None, TimePrecision]:
    """The day of the passage's event, where it was told, and how precisely; ``None`` and
    week precision when nothing in or before the passage gives a day."""
    told: tuple[DayTold, TimePrecision] | None = None
    opener = passage.sentences[0]
    # "Le même jour, à Bobo-Dioulasso, ...": the day told before, not one the sentences after give
    own = ([opener] if cues.same_day.match(opener.text) and opener.places and not opener.dates
           else passage.all_sentences)  # fmt: skip
    for sentence in own:
        # a month or year that dates a thing named with it ("the captain who led Mali's March
        # 2012 coup", "le putsch d'août 2020") comes after the sentence's other days
        for d in sorted(sentence.dates, key=lambda d: _names_a_thing(sentence.text, d)):
            found = (sentence, Span(d.start, d.end, d.quote), d.date), d.precision
            if not cues.report_day(sentence.text, d):
                return _to_the_day(found, read, cues)
            told = told or found
    opening = passage.sentences[0].index
    if told is not None:
        # Only the day of the report ("according to the report published on Thursday, the
        # soldiers killed 44 people"): the day the sentence just before gave the event wins.
        for sentence in reversed(read[max(0, opening - FOLLOW_AFTER) : opening]):
            for d in sentence.dates:
                if not cues.report_day(sentence.text, d) and d.date < told[0][2]:
                    return (sentence, Span(d.start, d.end, d.quote), d.date), d.precision
        return told
    reported = None
    for sentence in reversed(read[max(0, opening - LOOK_BACK) : opening]):
        for d in sentence.dates:
            found = (sentence, Span(d.start, d.end, d.quote), d.date), d.precision
            if not cues.report_day(sentence.text, d):
                return found  # the event's own day, told before the passage
            reported = reported or found
    if reported is not None:
        return reported
    # Nothing said: the report's own day, honestly marked as known only to the week.
    return None, TimePrecision.WEEK


#: How far (days) the day a later sentence gives may lie from a month told first (a month's
#: day stands for its middle, or for the part told: "late March" is the 25th).
WITHIN_DAYS = 16


def _to_the_day(
    found: tuple[DayTold, TimePrecision], read: list[Sentence], cues: PassageCues
) -> tuple[DayTold, TimePrecision]:
    """A month ("in late March", "earlier this month") gives way to the day the next sentences
    tell in it ("The operation began on Sunday, March 27"). A week ("last week") does not: a
    day told after it is more often another event's."""
    (sentence, _, day), precision = found
    if precision is not TimePrecision.MONTH:
        return found
    for later in read[sentence.index + 1 : sentence.index + 1 + FOLLOW_ON]:
        for d in later.dates:
            if (d.precision is TimePrecision.DAY and d.date.month == day.month
                    and abs((d.date - day).days) <= WITHIN_DAYS
                    and not cues.report_day(later.text, d)):  # fmt: skip
                return (later, Span(d.start, d.end, d.quote), d.date), d.precision
    return found
