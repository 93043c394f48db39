"""Reading when: dates resolved against the publication date, and times of day (en/fr).

News narrates the past, so a weekday or a month without a year means the latest one on or before
publication ("on Tuesday" in a Thursday report is two days earlier; "le 31 décembre" in a
report of 2 January is the previous year). Nothing after publication is returned::

    >>> reader = DateReader("fr", load_pack("sahel").lexicon("time"))
    >>> [m.date for m in reader.dates("dans la nuit de samedi à dimanche", dt.date(2024, 9, 16))]
    [datetime.date(2024, 9, 14)]

Every pattern is a regular expression over literal alternatives factored into a trie, so
matching is linear in the size of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..errors import ConfigError
from ..taxonomy import TimePrecision
from .records import DateMention, TimeOfDay

DAY, WEEK, MONTH = TimePrecision.DAY, TimePrecision.WEEK, TimePrecision.MONTH

#: Small counts in "three days ago" / "il y a trois jours".
COUNT_WORDS = {
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
           "sept": 7, "huit": 8, "neuf": 9, "dix": 10},
}  # fmt: skip

#: English month and day names that are also common words: only read when capitalised.
AMBIGUOUS_EN = frozenset({"may", "march", "mar", "sun", "sat", "wed"})

#: The day of the month a part of a month stands for ("early September" -> the 5th).
MONTH_PARTS = {"early": 5, "beginning of": 5, "start of": 5, "début": 5, "mid": 15,
               "middle of": 15, "mi": 15, "late": 25, "end of": 25, "fin": 25}  # fmt: skip

#: Time-of-day labels kept as they are; others fold into these ("midday" -> afternoon).
LABELS = {"dawn": "dawn", "morning": "morning", "midday": "afternoon", "afternoon": "afternoon",
          "evening": "evening", "night": "night"}  # fmt: skip

_PATTERNS = {
    "en": {
        "absolute": (
            r"(?P<night>(?:on\s+|during\s+)?the\s+night\s+of\s+)?(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?"
            r"(?<![\d.,])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
            r"(?:\s*(?:-|–|to|and|into)\s*(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?"
            r"(?:\s+of)?\s+(?P<m>{MON})\.?(?:,?\s+(?P<y>\d{{4}}))?(?!\w)"
        ),
        "month_day": (
            r"(?:(?P<wd>{WD}),?\s+)?(?P<m>{MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
            r"(?:\s*(?:-|–|to)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?(?:,?\s+(?P<y>\d{{4}}))?"
        ),
        "night": (
            r"(?:overnight\s+(?:from\s+|on\s+)?|(?:on\s+|during\s+|in\s+)?the\s+night\s+"
            r"(?:of|from|between)\s+)(?P<a>{WD})(?:\s+(?:to|into|and)\s+(?P<b>{WD}))?"
        ),
        "weekday": (
            r"(?:(?P<mod>last|this\s+past|past|this|since)\s+)?(?P<wd>{WD})"
            r"(?:\s+(?:of\s+)?(?P<week>last\s+week|the\s+previous\s+week|the\s+week\s+before))?"
        ),
        "ago": r"(?P<n>\d{{1,2}}|{COUNT})\s+(?P<u>days?|weeks?|months?)\s+ago",
        "month": (
            r"(?:(?P<since>since|from)\s+|(?P<prep>in|during|by|until|throughout|of)\s+)?"
            r"(?:the\s+)?(?:(?P<part>early|mid|late|beginning\s+of|start\s+of|end\s+of|"
            r"middle\s+of)[\s-]*)?(?P<m>{MONFULL})(?:,?\s+(?P<y>\d{{4}}))?"
            r"(?!\s+\d{{1,2}}(?!\d))"  # "May 31" is a day, read as one
        ),
    },
    "fr": {
        "absolute": (
            r"(?P<night>(?:dans\s+)?la\s+nuit\s+du\s+)?(?:(?P<wd>{WD})\s+)?"
            r"(?<![\d.,])(?P<d>\d{{1,2}}|1er|premier)(?!\d)"
            r"(?:\s*(?:-|–|au|à|et)\s*(?:le\s+)?(?:{WD}\s+)?(?P<d2>\d{{1,2}}))?"
            r"\s+(?P<m>{MON})\.?(?:\s+(?P<y>\d{{4}}))?(?!\w)"
        ),
        "night": (r"(?:dans\s+)?la\s+nuit\s+(?:de|du)\s+(?P<a>{WD})(?:\s+(?:à|au)\s+(?P<b>{WD}))?"),
        "weekday": (
            r"(?:(?P<mod>ce|depuis)\s+)?(?P<wd>{WD})(?:\s+(?P<post>dernier|passé))?"
            r"(?:\s+(?P<week>de\s+la\s+semaine\s+(?:dernière|passée|précédente)))?"
        ),
        "ago": r"il\s+y\s+a\s+(?P<n>\d{{1,2}}|{COUNT})\s+(?P<u>jours?|semaines?|mois)",
        "month": (
            r"(?:(?P<since>depuis)\s+(?:le\s+)?(?:mois\s+d['’]?(?:e\s+)?)?|"
            r"(?P<prep>en|courant|durant|pendant|jusqu['’]en|au\s+mois\s+d['’]?(?:e\s+)?)\s*)?"
            r"(?:(?:au\s+|à\s+la\s+)?(?P<part>début|fin|mi)(?:\s+du\s+mois\s+d['’]?(?:e\s+)?)?"
            r"[\s-]*)?(?P<m>{MONFULL})(?:\s+(?P<y>\d{{4}}))?"
        ),
    },
}
_NUMERIC = (
    r"(?<![\d/.])(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?![\d/])"
    r"|(?<!\d)(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?!\d)"
)
#: What each pattern cannot match without, searched first: most sentences name no month and no
#: weekday, and one cheap search spares the patterns that need it (the month or weekday word is
#: always followed by a non-word character in them).
_NEEDS = {
    "en": {"absolute": r"(?:{MON})(?!\w)", "month_day": r"(?:{MON})(?!\w)",
           "month": r"(?:{MON})(?!\w)", "night": r"(?:{WD})(?!\w)", "weekday": r"(?:{WD})(?!\w)",
           "ago": r"ago"},
    "fr": {"absolute": r"(?:{MON})(?!\w)", "month": r"(?:{MON})(?!\w)",
           "night": r"(?:{WD})(?!\w)", "weekday": r"(?:{WD})(?!\w)", "ago": r"il\s+y\s+a"},
}  # fmt: skip
_NUMERIC_NEEDS = r"\d[/.-]\d"
_Resolver = Callable[["re.Match[str]", dt.date], DateMention | None]


class DateReader:
    """Dates and times of day in one language, built from a ``time`` lexicon."""

    def __init__(self, lang: str, lexicon: Mapping[str, Any]) -> None:
        words = lexicon[lang]
        self.lang = lang
        self._weekdays = {_norm(k): int(v) for k, v in words["weekdays"].items()}
        self._months = {_norm(k): int(v) for k, v in words["months"].items()}
        self._counts = COUNT_WORDS.get(lang, {})
        self._relative: dict[str, tuple[str, int]] = {}
        for table in ("relative_days", "relative_weeks", "relative_months"):
            for phrase, offset in words.get(table, {}).items():
                self._relative.setdefault(_norm(phrase), (table, int(offset)))
        # Days fixed in the calendar: "New Year's Day", "le jour de l'An", "Noël".
        self._holidays = {_norm(k): _month_day(lang, k, v)
                          for k, v in words.get("fixed_days", {}).items()}  # fmt: skip
        self._times = {
            _norm(phrase): LABELS.get(label, label)
            for label, phrases in words.get("time_of_day", {}).items()
            for phrase in phrases
        }
        full = [m for m in self._months if not _abbreviation(m, self._months)]
        pieces = {
            "WD": _union(self._weekdays),
            "MON": _union(self._months),
            "MONFULL": _union(full),
            "COUNT": _union(self._counts),
        }
        handlers: dict[str, _Resolver] = {
            "night": self._night,
            "absolute": self._absolute,
            "month_day": self._absolute,
            "ago": self._ago,
            "weekday": self._weekday,
            "month": self._month,
        }
        # (what the pattern needs, or None, the pattern, its resolver); a need shared by several
        # patterns is one compiled gate, searched once per text.
        self._scanners: list[tuple[re.Pattern[str] | None, re.Pattern[str], _Resolver]] = [
            (None, _compile(r"(?:" + _union(self._relative) + r")"), self._relative_phrase),
            *self._holiday_scanner(),
            (re.compile(_NUMERIC_NEEDS), re.compile(_NUMERIC), self._numeric),
        ]
        gates: dict[str, re.Pattern[str]] = {}
        for name, pattern in _PATTERNS[lang].items():
            need = _NEEDS[lang][name].format(**pieces)
            gate = gates.setdefault(need, re.compile(need, re.IGNORECASE))
            self._scanners.append((gate, _compile(pattern.format(**pieces)), handlers[name]))
        self._time_pattern = _compile(_union(self._times))
        # "on Thursday, two days after ...", "jeudi, au lendemain de ...": days back from the day
        self._day_after = {_norm(k): int(v) for k, v in words.get("day_after", {}).items()}
        units = _union(_norm(u) for u in words.get("days_after", ()))
        counted = rf"(?P<n>\d+|{pieces['COUNT']})\s+(?:{units})" if units else r"(?!x)x"
        phrases = _union(self._day_after) if self._day_after else r"(?!x)x"
        self._after_day = re.compile(rf"\s*,?\s*(?:{counted}|(?P<p>{phrases}))(?!\w)",
                                     re.IGNORECASE)  # fmt: skip

    # --- public ------------------------------------------------------------------------------

    def dates(self, text: str, published: dt.date) -> list[DateMention]:
        """Dates in ``text`` (offsets into it), resolved against ``published``, in text order.

        A day that dates a statement ("the government said on Friday") gives way to the days of
        the events the same text tells ("... after two attacks on Thursday"); alone, it stays.
        """
        if isinstance(published, dt.datetime):
            published = published.date()
        found: list[tuple[int, int, int, DateMention]] = []
        present: dict[re.Pattern[str], bool] = {}
        for rank, (gate, pattern, resolve) in enumerate(self._scanners):
            if gate is not None:
                if gate not in present:
                    present[gate] = gate.search(text) is not None
                if not present[gate]:
                    continue  # the pattern cannot match without it
            for match in pattern.finditer(text):
                if match.start() < 60 and _dateline(text, match):
                    continue  # "BAMAKO, July 28 -": the day the report was filed, not the event's
                mention = resolve(match, published)
                if mention is not None and mention.date <= published:
                    found.append((mention.start, -(mention.end - mention.start), rank, mention))
        chosen: list[DateMention] = []
        covered = 0
        for start, _, _, mention in sorted(found, key=lambda c: c[:3]):
            if start >= covered:
                chosen.append(mention)
                covered = mention.end
        chosen = [self._days_before(text, m) for m in chosen]
        events = [m for m in chosen if not _states(text, m)]
        return events if events and len(events) < len(chosen) else chosen

    def _days_before(self, text: str, mention: DateMention) -> DateMention:
        """A day followed by how long after an event it came ("on Thursday, two days after
        militants stormed the base") dates that event: two days before Thursday. The day of a
        statement ("sources said on Monday, a day after gunfire erupted") stays the day of what
        was stated."""
        if mention.precision is not DAY or mention.date_end is not None or _states(text, mention):
            return mention
        match = self._after_day.match(text, mention.end)
        if match is None:
            return mention
        if match.group("p"):
            days = self._day_after[_norm(match.group("p"))]
        else:
            raw = match.group("n").lower()
            days = int(raw) if raw.isdecimal() else self._counts[raw]
        return DateMention(mention.date - dt.timedelta(days=days), DAY, mention.start,
                           match.end(), text[mention.start : match.end()], None, True)  # fmt: skip

    def times_of_day(self, text: str) -> list[TimeOfDay]:
        """Times of day ("à l'aube", "overnight") as dawn|morning|afternoon|evening|night."""
        return [
            TimeOfDay(self._times[_norm(m.group())], m.start(), m.end(), m.group())
            for m in self._time_pattern.finditer(text)
        ]

    # --- resolvers: a match and the publication date -> a mention or None ---------------------

    def _relative_phrase(self, match: re.Match[str], published: dt.date) -> DateMention | None:
        if _ARTICLE_BEFORE.search(match.string, max(0, match.start() - 6), match.start()):
            return None  # "an overnight raid": how the raid went, not which day
        table, offset = self._relative[_norm(match.group())]
        if table == "relative_days":
            return _mention(match, published + dt.timedelta(days=offset), DAY, relative=True)
        if table == "relative_weeks":
            return _mention(match, _mid_week(published, offset), WEEK, relative=True)
        return _mention(match, _mid_month(published, offset), MONTH, relative=True)

    def _ago(self, match: re.Match[str], published: dt.date) -> DateMention | None:
        raw = match.group("n").lower()
        n = int(raw) if raw.isdecimal() else self._counts[raw]
        unit = match.group("u").lower()
        if unit.startswith(("day", "jour")):
            return _mention(match, published - dt.timedelta(days=n), DAY, relative=True)
        if unit.startswith(("week", "semaine")):
            return _mention(match, published - dt.timedelta(weeks=n), WEEK, relative=True)
        return _mention(match, _mid_month(published, -n), MONTH, relative=True)

    def _holiday_scanner(self) -> list[tuple[None, re.Pattern[str], _Resolver]]:
        if not self._holidays:
            return []
        return [(None, _compile(r"(?:" + _union(self._holidays) + r")(?!\w)"), self._holiday)]

    def _holiday(self, match: re.Match[str], published: dt.date) -> DateMention | None:
        month, day = self._holidays[_norm(match.group())]
        start = _dated(None, month, day, published)
        return None if start is None else _mention(match, start, DAY)

    def _weekday(self, match: re.Match[str], published: dt.date) -> DateMention | None:
        if not self._cased(match, "wd"):
            return None
        last = (match.group("mod") or "").lower().startswith(("last", "past", "this past"))
        last = last or bool(match.groupdict().get("post"))
        weekday = self._weekdays[_norm(match.group("wd"))]
        if match.group("week"):  # "on Monday of last week": that day of the week before
            monday = published - dt.timedelta(days=published.isoweekday() - 1, weeks=1)
            return _mention(match, monday + dt.timedelta(days=weekday - 1), DAY, relative=True)
        day = _last_weekday(published, weekday, strict=last)
        return _mention(match, day, DAY, relative=True)

    def _night(self, match: re.Match[str], published: dt.date) -> DateMention | None:
        """The night from one day to the next is dated by its first day, as ACLED does, unless
        the report gives an hour after midnight ("vers deux heures du matin", "at 3 a.m.")."""
        second = match.group("b")
        after = _SMALL_HOURS.match(match.string, match.end())
        if second and after and self._hour(after.group("h")) in range(6):
            day = _last_weekday(published, self._weekdays[_norm(second)])
            return _mention(match, day, DAY, relative=True)
        day = _last_weekday(published, self._weekdays[_norm(match.group("a"))])
        return _mention(match, day, DAY, relative=True)

    def _hour(self, word: str) -> int:
        word = word.lower()
        return int(word) if word.isdecimal() else self._counts.get(word, 99)

    def _absolute(self, match: re.Match[str], published: dt.date) -> DateMention | None:
        if not self._cased(match, "m") or (match.group("wd") and not self._cased(match, "wd")):
            return None
        raw_day = match.group("d").lower()
        day = 1 if raw_day in ("1er", "premier") else int(raw_day)
        month = self._months[_norm(match.group("m").rstrip("."))]
        start = _dated(match.group("y"), month, day, published)
        if start is None:
            return None
        end = None
        if match.group("d2") and not match.groupdict().get("night"):
            end = _dated(str(start.year), month, int(match.group("d2")), published)
            if end is None or end <= start:
                return None
        precision = DAY if end is None or (end - start).days <= 1 else WEEK
        return _mention(match, start, precision, date_end=end)

    def _numeric(self, match: re.Match[str], published: dt.date) -> DateMention | None:
        if match.group("iy"):
            year, month, day = (int(match.group(g)) for g in ("iy", "im", "id"))
        else:
            day, month, year = (int(match.group(g)) for g in ("d", "m", "y"))
            if month > 12 >= day:  # "09/17/2024": month first
                day, month = month, day
            year += 2000 if year < 100 else 0
        try:
            return _mention(match, dt.date(year, month, day), DAY)
        except ValueError:
            return None

    def _month(self, match: re.Match[str], published: dt.date) -> DateMention | None:
        since, part, year = match.group("since"), match.group("part"), match.group("y")
        if not (since or match.group("prep") or part or year) or not self._cased(match, "m"):
            return None
        month = self._months[_norm(match.group("m"))]
        # A month alone is coded to its middle (ACLED's convention), "since May" included.
        day = MONTH_PARTS[_norm(part or "mid")]
        first = _dated(year, month, 1, published)
        if first is None or first > published:
            return None
        date = min(first.replace(day=day), published)
        return _mention(match, date, MONTH, relative=bool(since))

    def _cased(self, match: re.Match[str], group: str) -> bool:
        word = match.group(group)
        return (
            self.lang != "en" or word.lower().rstrip(".") not in AMBIGUOUS_EN or word[0].isupper()
        )


#: A reporting verb right before a day ("the army said on Tuesday") or right after it ("the
#: government on Friday declared", "l'armée a mardi annoncé"): the day of a statement.
_STATED_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|declared|confirmed|added|claimed|released|"
    r"published|issued|(?:a|ont)(?:-t-(?:il|elle|on)|-(?:ils|elles))?\s+(?:dit|d[ée]clar[ée]|annonc[ée]|indiqu[ée]|affirm[ée]|"
    r"pr[ée]cis[ée]|rapport[ée]|confirm[ée]|ajout[ée]|revendiqu[ée]|publi[ée]))\s+"
    r"(?:on\s+|late\s+|early\s+|ce\s+|le\s+)?$",
    re.IGNORECASE,
)
_STATED_AFTER = re.compile(
    r"\s*,?\s*(?:said|says|told|announced|reported|stated|declared|confirmed|added|claimed|"
    r"released|published|issued|revised|raised|lowered|updated|denied|"
    r"(?:a|ont)?\s*(?:dit|d[ée]clar[ée]|annonc[ée]|indiqu[ée]|affirm[ée]|pr[ée]cis[ée]|"
    r"rapport[ée]|confirm[ée]|r[ée]vis[ée]|d[ée]menti|revendiqu[ée]|d[ée]cr[ée]t[ée]))\b",
    re.IGNORECASE,
)


def _states(text: str, mention: DateMention) -> bool:
    """Whether a day dates a statement rather than the events it tells."""
    return bool(_STATED_BEFORE.search(text, max(0, mention.start - 40), mention.start)
                or _STATED_AFTER.match(text, mention.end))  # fmt: skip


#: An article right before a relative word makes it an adjective: "an overnight raid".
_ARTICLE_BEFORE = re.compile(r"\b(?:an?|the)\s+$", re.IGNORECASE)

#: An hour told right after a night ("..., vers deux heures du matin", "at around 3 a.m.").
_SMALL_HOURS = re.compile(
    r"\W{0,3}(?:(?:vers|à|at|around|about|shortly\s+after|peu\s+après|aux\s+alentours\s+de)\s+)*"
    r"(?P<h>\d{1,2}|one|two|three|four|five|une|deux|trois|quatre|cinq)\s*"
    r"(?:h\b|heures?\s+du\s+matin|heures?\b|a\.\s?m\.|am\b|o'clock\s+in\s+the\s+morning)",
    re.IGNORECASE,
)

#: Before a date at the head of a report, the place it was filed from: "BAMAKO, ", "NIAMEY
#: (Reuters), ", "GAO, Mali, " (the town in capitals, perhaps its country), "WASHINGTON/NIAMEY, ",
#: "FLASH — NIAMEY, ", or the town with the date in brackets: "BAMAKO/NAIROBI (".
_DATELINE_HEAD = re.compile(
    r"\s*[A-ZÀ-Ý][A-ZÀ-Ý'’ ./–—-]{1,40}(?:,\s*[A-ZÀ-Ý][\w'’ -]{1,25})?"
    r"(?:(?:\s*\([^()]{1,20}\))?,\s*|\s*(?P<bracket>\())"
)
#: The bracket closing a date given in brackets after the town.
_CLOSING_BRACKET = re.compile(r"\s*\)")
#: After it, the dash that opens the story.
_DATELINE_TAIL = re.compile(r"(?:,?\s*\d{4})?\s*(?:\([^()]{1,20}\)\s*)?[-–—]")


def _dateline(text: str, match: re.Match[str]) -> bool:
    """Whether a date is the dateline of a wire report ("NIAMEY, March 22 - ...", "BAMAKO
    (April 5) - ...")."""
    head = _DATELINE_HEAD.fullmatch(text, 0, match.start())
    if head is None:
        return False
    end = match.end()
    if head["bracket"]:
        closing = _CLOSING_BRACKET.match(text, end)
        if closing is None:
            return False
        end = closing.end()
    return _DATELINE_TAIL.match(text, end) is not None


# --- calendar arithmetic ---------------------------------------------------------------------


def _month_day(lang: str, name: str, value: object) -> tuple[int, int]:
    """A fixed day of the time lexicon, written "MM-DD" ("01-01" for New Year's Day)."""
    match = re.fullmatch(r"(\d{2})-(\d{2})", str(value))
    try:
        day = dt.date(2000, int(match[1]), int(match[2])) if match else None  # 2000: "02-29"
    except ValueError:
        day = None
    if day is None:
        raise ConfigError(
            f"time lexicon: {lang}.fixed_days.{name}: {value!r} is not a day; write it as "
            '"MM-DD", e.g. "01-01"'
        )
    return day.month, day.day


def _last_weekday(published: dt.date, weekday: int, *, strict: bool = False) -> dt.date:
    """The latest ``weekday`` on or before ``published`` (strictly before when ``strict``)."""
    back = (published.isoweekday() - weekday) % 7
    return published - dt.timedelta(days=back or (7 if strict else 0))


def _mid_week(published: dt.date, offset: int) -> dt.date:
    monday = published - dt.timedelta(days=published.isoweekday() - 1, weeks=-offset)
    return min(monday + dt.timedelta(days=3), published)


def _mid_month(published: dt.date, offset: int) -> dt.date:
    index = published.year * 12 + published.month - 1 + offset
    return min(dt.date(index // 12, index % 12 + 1, 15), published)


def _dated(year: str | None, month: int, day: int, published: dt.date) -> dt.date | None:
    """A day of a month; without a year, the latest such day not after publication."""
    try:
        date = dt.date(int(year) if year else published.year, month, day)
    except ValueError:
        return None
    if not year and date > published:
        try:
            return date.replace(year=published.year - 1)
        except ValueError:  # 29 February
            return None
    return date


def _mention(
    match: re.Match[str],
    date: dt.date,
    precision: TimePrecision,
    *,
    relative: bool = False,
    date_end: dt.date | None = None,
) -> DateMention:
    return DateMention(
        date, precision, match.start(), match.end(), match.group(), date_end, relative
    )


# --- patterns --------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("-", " ").split())


def _abbreviation(month: str, months: Mapping[str, int]) -> bool:
    return any(o != month and o.startswith(month) and v == months[month] for o, v in months.items())


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)", re.IGNORECASE)


def _union(phrases: Iterable[str]) -> str:
    """One regex for many literal phrases, factored into a trie so each position costs little."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in _norm(phrase):
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie) or r"(?!)"


def _trie_regex(node: Mapping[str, Any]) -> str:
    branches = [_char(c) + _trie_regex(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return ("(?:" + body + ")?") if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


def _char(char: str) -> str:
    if char == " ":
        return r"[\s-]+"
    if char == "'":
        return "['’]"
    return re.escape(char)
