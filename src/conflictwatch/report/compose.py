"""The shared state and phrasing of a briefing being written: the fact book, the claims that
compete for the headline, family labels and the way rates and dates are put into words."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..analysis import DateRange
from ..analysis.families import FamilyOf, family_lookup, infer_families
from ..analysis.periods import RateComparison
from ..model import Event
from .facts import FactBook, Unit
from .gather import BriefingInput

FAMILY_LABELS = {
    "al-qaeda": "al-Qaeda-affiliated groups",
    "islamic-state": "Islamic State-affiliated groups",
    "separatist": "separatist groups",
    "state": "state forces",
    "foreign": "foreign forces",
    "militia": "militias",
    "un": "UN peacekeepers",
    "regional": "regional forces",
    "other-armed": "other armed groups",
    "civilians": "civilians",
    "protesters": "protesters and rioters",
    "other": "other or unidentified actors",
}
INSURGENT = ("al-qaeda", "islamic-state", "other-armed")
SEPARATIST_AND_OTHER = ("separatist", "militia", "regional", "other")
STATE_AND_FOREIGN = ("state", "foreign", "un")

_TRAILING_DATES = re.compile(r"\s*\((?=[^()]*\d)[^()]*\)$")


@dataclass(frozen=True)
class Section:
    """One titled part of the briefing: paragraphs of text whose numbers are fact markers."""

    key: str
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Claim:
    """A finding that may lead the briefing: stronger claims go to the headline and takeaways.

    ``sentence`` is a complete statement with at least one fact marker; ``headline`` its short
    form. Strength is a plain score (larger effects and tighter evidence score higher), written
    next to each claim's rule so the ranking can be checked.
    """

    key: str
    strength: float
    sentence: str
    headline: str


def short_name(actor: str) -> str:
    """An actor name for prose: a trailing dated variant "(2021-)" is dropped."""
    return _TRAILING_DATES.sub("", actor).strip()


def is_unidentified(actor: str) -> bool:
    """ "Unidentified Armed Group (Mali)" and the like: nobody a reader can name."""
    return actor.lower().startswith("unidentified")


def who(actor: str) -> str:
    """An actor for prose: its short name, or "an unidentified armed group"."""
    if not actor or is_unidentified(actor):
        return "an unidentified armed group" if actor else "an unidentified actor"
    return short_name(actor)


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def a_or_an(phrase: str) -> str:
    """ "an armed clash", "a battle": the indefinite article for a lower-case phrase."""
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def events_word(n: int) -> str:
    return "event" if n == 1 else "events"


def capitalised(text: str) -> str:
    """The first letter in upper case, the rest untouched ("al-Qaeda" keeps its Q)."""
    return text[:1].upper() + text[1:]


def family_label(family: str) -> str:
    return FAMILY_LABELS.get(family, family)


def ids(events: Iterable[Event]) -> list[str]:
    return [e.id for e in events]


class Context:
    """One briefing in the making: its input, the fact book and the claims found so far."""

    def __init__(self, inp: BriefingInput) -> None:
        self.inp = inp
        self.book = FactBook()
        self.claims: list[Claim] = []
        self.mentioned: list[str] = []  # actor and place names the text mentions, in order
        self.family_of: FamilyOf = family_lookup(
            inp.pack, infer_families((*inp.events, *inp.nearby), inp.pack)
        )
        self.period_events: tuple[Event, ...] = inp.in_period
        self.baseline_events: tuple[Event, ...] = inp.in_baseline

    @property
    def country(self) -> str:
        return self.inp.profile.name

    @property
    def period(self) -> DateRange:
        return self.inp.period

    @property
    def baseline(self) -> DateRange:
        return self.inp.baseline

    @property
    def has_baseline(self) -> bool:
        """True when the record covers (at least 90% of) the previous period.

        A previous period that starts well before the first event would look quiet only because
        nothing was recorded yet; comparisons against it are not made. The tenth of slack lets
        an export that starts on 1 January serve as the baseline of a leap year.
        """
        if not self.inp.events:
            return False
        slack = dt.timedelta(days=self.baseline.days // 10)
        return self.inp.events[0].event_date <= self.baseline.start + slack

    def fact(
        self,
        fact_id: str,
        value: float | int | str,
        description: str,
        events: Iterable[Event] | Iterable[str] = (),
        *,
        unit: str = Unit.COUNT,
        method: str = "",
        event_count: int | None = None,
    ) -> str:
        event_ids = [e if isinstance(e, str) else e.id for e in events]
        return self.book.add(
            fact_id,
            value,
            description,
            event_ids,
            unit=unit,
            method=method,
            event_count=event_count,
        )

    def claim(self, key: str, strength: float, sentence: str, headline: str) -> None:
        self.claims.append(Claim(key, strength, sentence, headline))

    def mention(self, *names: str) -> None:
        for name in names:
            if name and name not in self.mentioned:
                self.mentioned.append(name)

    def family(self, event: Event) -> str:
        return self.family_of(event.actor1) if event.actor1 else "other"

    def involves(self, event: Event, families: Sequence[str]) -> bool:
        """True when actor1 or actor2 belongs to one of ``families``."""
        return any(
            name and self.family_of(name) in families for name in (event.actor1, event.actor2)
        )

    @property
    def period_phrase(self) -> str:
        return f"from {long_date(self.period.start)} to {long_date(self.period.end)}"

    def comparison(
        self, key: str, what: str, comparison: RateComparison, events: Sequence[Event]
    ) -> str:
        """Facts for a rate comparison and the clause that states it ("2.10 times the rate ...")."""
        rr = self.fact(
            f"{key}.rate-ratio",
            comparison.rate_ratio,
            f"Rate ratio of {what}: events per day in {comparison.b.range} over {comparison.a.range}",
            events,
            unit=Unit.RATIO,
            method=comparison.method,
        )
        lower = self.fact(
            f"{key}.ci-lower",
            comparison.lower,
            f"Lower bound of the {comparison.confidence:.0%} confidence interval of that ratio",
            unit=Unit.RATIO,
            method=comparison.method,
        )
        upper = self.fact(
            f"{key}.ci-upper",
            comparison.upper,
            f"Upper bound of the {comparison.confidence:.0%} confidence interval of that ratio",
            unit=Unit.RATIO,
            method=comparison.method,
        )
        level = self.fact(
            "confidence",
            comparison.confidence,
            "Confidence level of every interval in the briefing",
            unit=Unit.PERCENT,
        )
        return f"{rr} times the earlier rate ({level} CI {lower}–{upper})"


def change_words(comparison: RateComparison) -> str:
    """ "rose", "fell" or "held steady", judged by whether the interval excludes 1."""
    if not comparison.significant or math.isnan(comparison.rate_ratio):
        return "held roughly steady"
    return "rose" if comparison.rate_ratio > 1 else "fell"


def effect(comparison: RateComparison) -> float:
    """The smallest change the evidence supports, on a log scale: the log of the interval bound
    nearest to 1 (0 when the interval includes 1). Eight times the rate on 16 events against 2
    (interval 1.9–72) scores as a near-doubling, not as an eightfold change."""
    rr = comparison.rate_ratio
    if not comparison.significant or math.isnan(rr) or rr <= 0:
        return 0.0
    bound = comparison.lower if rr > 1 else comparison.upper
    return min(abs(math.log(bound)), 3.0) if bound > 0 and math.isfinite(bound) else 3.0
