"""Dates resolved against the publication date, and times of day, in English and French."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictwatch.errors import ConfigError
from conflictwatch.extract.dates import DateReader
from conflictwatch.knowledge import load_pack
from conflictwatch.taxonomy import TimePrecision

D, W, M = TimePrecision.DAY, TimePrecision.WEEK, TimePrecision.MONTH
THU = dt.date(2024, 9, 19)  # a Thursday
MON = dt.date(2024, 9, 16)  # a Monday
JAN2 = dt.date(2025, 1, 2)


@pytest.fixture(scope="module")
def readers() -> dict[str, DateReader]:
    time = load_pack("sahel").lexicon("time")
    return {lang: DateReader(lang, time) for lang in ("en", "fr")}


EN = [
    ("The attack on 17 September 2024 killed ten.", THU, "2024-09-17", D),
    ("On September 17, gunmen struck.", THU, "2024-09-17", D),
    ("September 17, 2024", THU, "2024-09-17", D),
    ("Militants attacked on 17 Sept near Gao.", THU, "2024-09-17", D),
    ("on the 3rd of September", THU, "2024-09-03", D),
    ("Reported on 17/09/2024.", THU, "2024-09-17", D),
    ("on 2024-09-17", THU, "2024-09-17", D),
    ("Gunmen attacked on Tuesday.", THU, "2024-09-17", D),
    ("The convoy was ambushed Tuesday night.", THU, "2024-09-17", D),
    ("on Thursday", THU, "2024-09-19", D),  # the publication's own weekday: that day
    ("last Thursday", THU, "2024-09-12", D),
    # a weekday of the week before the report's: THU is 2024-09-19, that week began on the 16th
    ("on Monday of last week", THU, "2024-09-09", D),
    ("on Friday the previous week", THU, "2024-09-13", D),
    ("Saturday's attack", MON, "2024-09-14", D),
    ("overnight Tuesday to Wednesday", THU, "2024-09-17", D),
    ("yesterday", THU, "2024-09-18", D),
    ("the day before yesterday", THU, "2024-09-17", D),
    ("today", THU, "2024-09-19", D),
    ("three days ago", THU, "2024-09-16", D),
    ("last week", THU, "2024-09-12", W),
    ("earlier this week", THU, "2024-09-19", W),
    ("two weeks ago", THU, "2024-09-05", W),
    ("last month", THU, "2024-08-15", M),
    ("A year ago today, soldiers died", THU, "2023-09-15", M),  # an anniversary, not today
    ("at the start of the month", THU, "2024-09-15", M),
    ("in August", THU, "2024-08-15", M),
    ("early September", THU, "2024-09-05", M),
    ("since January", THU, "2024-01-15", M),
    ("in May 2023", THU, "2023-05-15", M),
    ("on December 31", JAN2, "2024-12-31", D),
    ("in November", JAN2, "2024-11-15", M),
    # a day, then how long after the event told next it came: that event's day
    ("Flights resumed on Thursday, two days after gunmen stormed the base", THU, "2024-09-17", D),
    ("Shops reopened on Thursday, a day after the attack", THU, "2024-09-18", D),
    # ... but a day something was said on stays the day of what was said
    ("He was held, sources said on Thursday, a day after gunfire began", THU, "2024-09-19", D),
]
FR = [
    ("le 17 septembre", THU, "2024-09-17", D),
    ("le mardi 17 septembre, des hommes armés", THU, "2024-09-17", D),
    ("le 17 septembre 2024", THU, "2024-09-17", D),
    ("le 1er septembre", THU, "2024-09-01", D),
    ("le 17/09/2024", THU, "2024-09-17", D),
    ("le 17 sept.", THU, "2024-09-17", D),
    ("mardi, des assaillants", THU, "2024-09-17", D),
    ("ce mardi", THU, "2024-09-17", D),
    ("lundi de la semaine dernière", THU, "2024-09-09", D),
    ("jeudi", THU, "2024-09-19", D),
    ("jeudi dernier", THU, "2024-09-12", D),
    ("dans la nuit de mardi à mercredi", THU, "2024-09-17", D),
    ("dans la nuit de samedi à dimanche", MON, "2024-09-14", D),
    ("dans la nuit du 15 au 16 septembre", THU, "2024-09-15", D),
    ("hier", THU, "2024-09-18", D),
    ("avant-hier", THU, "2024-09-17", D),
    ("aujourd'hui", THU, "2024-09-19", D),
    ("ce matin", THU, "2024-09-19", D),
    ("il y a trois jours", THU, "2024-09-16", D),
    ("la semaine dernière", THU, "2024-09-12", W),
    ("en début de semaine", THU, "2024-09-19", W),
    ("il y a deux semaines", THU, "2024-09-05", W),
    ("le mois dernier", THU, "2024-08-15", M),
    # an anniversary: the event is a year back, not today
    ("Il y a un an jour pour jour, des soldats mouraient", THU, "2023-09-15", M),
    ("au début du mois", THU, "2024-09-15", M),
    ("en août", THU, "2024-08-15", M),
    ("début septembre", THU, "2024-09-05", M),
    ("fin août", THU, "2024-08-25", M),
    ("depuis janvier", THU, "2024-01-15", M),
    ("le 31 décembre", JAN2, "2024-12-31", D),
    ("le 20 septembre", THU, "2023-09-20", D),  # not yet reached: last year's
    ("Jeudi, au lendemain de l'attaque, les boutiques sont restées fermées", THU, "2024-09-18", D),
    ("Les vols ont repris jeudi, trois jours après l'assaut", THU, "2024-09-16", D),
]


@pytest.mark.parametrize(("text", "published", "expected", "precision"), EN)
def test_english_dates(
    readers: dict[str, DateReader], text: str, published: dt.date, expected: str, precision: int
) -> None:
    [mention] = readers["en"].dates(text, published)
    assert (mention.date.isoformat(), mention.precision) == (expected, precision)
    assert text[mention.start : mention.end] == mention.quote


@pytest.mark.parametrize(("text", "published", "expected", "precision"), FR)
def test_french_dates(
    readers: dict[str, DateReader], text: str, published: dt.date, expected: str, precision: int
) -> None:
    [mention] = readers["fr"].dates(text, published)
    assert (mention.date.isoformat(), mention.precision) == (expected, precision)
    assert text[mention.start : mention.end] == mention.quote


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "In 2023, violence tripled."),
        ("en", "The army may be deployed."),
        ("en", "a protest march through Bamako"),
        ("en", "The elections are scheduled for 12 December 2025."),  # after publication
        ("fr", "En 2023, la violence a triplé."),
        ("fr", "depuis sept ans"),
        ("fr", "sept soldats tués"),
        # a wire's dateline is the day the report was filed
        ("en", "GAO, September 19 - Gunmen ambushed a convoy."),
        ("en", "OUAGADOUGOU (Reuters), 19 September - The army said"),
        ("fr", "NIAMEY, 19 septembre (AFP) - Des hommes armés ont attaqué"),
        # ... also when the town is followed by its country
        ("en", "MENAKA, Mali, Sept 19 — Gunmen ambushed a convoy."),
        ("fr", "DORI, Burkina Faso, 19 septembre - Des hommes armés ont attaqué"),
        # ... or the date is in brackets after it
        ("en", "BAMAKO/NAIROBI (September 19) - Soldiers executed civilians"),
        ("fr", "OUAGADOUGOU (19 septembre) - Des hommes armés ont attaqué"),
        ("en", "The toll of an overnight raid rose."),
    ],
)
def test_what_is_not_an_event_date(readers: dict[str, DateReader], lang: str, text: str) -> None:
    assert readers[lang].dates(text, THU) == []


@pytest.mark.parametrize(
    ("lang", "text", "quote", "relative"),
    [
        ("en", "on Tuesday", "Tuesday", True),
        ("en", "since January", "since January", True),
        ("en", "on 17 September", "17 September", False),
        ("fr", "hier", "hier", True),
        ("fr", "le 17 septembre", "17 septembre", False),
    ],
)
def test_relative_dates_are_marked(
    readers: dict[str, DateReader], lang: str, text: str, quote: str, relative: bool
) -> None:
    [mention] = readers[lang].dates(text, THU)
    assert (mention.quote, mention.relative) == (quote, relative)


def test_a_range_keeps_its_end(readers: dict[str, DateReader]) -> None:
    [mention] = readers["en"].dates("between 10 and 12 September", THU)
    assert (mention.date, mention.date_end) == (dt.date(2024, 9, 10), dt.date(2024, 9, 12))


def test_several_dates_in_one_text_in_order(readers: dict[str, DateReader]) -> None:
    text = "Hier, l'armée a riposté à l'attaque du 15 septembre; le mois dernier déjà..."
    found = readers["fr"].dates(text, THU)
    assert [m.quote for m in found] == ["Hier", "15 septembre", "le mois dernier"]


def test_a_datetime_publication_is_read_as_its_day(readers: dict[str, DateReader]) -> None:
    [mention] = readers["en"].dates("yesterday", dt.datetime(2024, 9, 19, 23, 30))
    assert mention.date == dt.date(2024, 9, 18)


@pytest.mark.parametrize(
    ("lang", "text", "labels"),
    [
        ("en", "at dawn on Tuesday", ["dawn"]),
        ("en", "in the early morning", ["dawn"]),
        ("en", "on Tuesday morning", ["morning"]),
        ("en", "in the afternoon", ["afternoon"]),
        ("en", "in the evening", ["evening"]),
        ("en", "overnight", ["night"]),
        ("en", "Tuesday night", ["night"]),
        ("fr", "à l'aube", ["dawn"]),
        ("fr", "au petit matin", ["dawn"]),
        ("fr", "dès l'aube", ["dawn"]),
        ("fr", "en matinée", ["morning"]),
        ("fr", "dans l'après-midi", ["afternoon"]),
        ("fr", "en soirée", ["evening"]),
        ("fr", "dans la nuit de mardi à mercredi", ["night"]),
        ("fr", "à l'aube puis dans la soirée", ["dawn", "evening"]),
    ],
)
def test_times_of_day(
    readers: dict[str, DateReader], lang: str, text: str, labels: list[str]
) -> None:
    found = readers[lang].times_of_day(text)
    assert [t.label for t in found] == labels
    assert all(text[t.start : t.end] == t.quote for t in found)


def test_a_megabyte_of_text_is_read_in_one_pass(readers: dict[str, DateReader]) -> None:
    paragraph = "Le mardi 17 septembre 2024 à l'aube, hier, il y a trois jours, 1 2 3 4 5. "
    text = paragraph * (1_000_000 // len(paragraph))
    assert len(readers["fr"].dates(text, THU)) == 3 * text.count("Le mardi")
    assert len(readers["en"].dates("a" * 1_000_000 + " 17 " * 100_000, THU)) == 0


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # ACLED dates a night by its first day ...
        ("fr", "Dans la nuit de lundi à mardi, des hommes armés ont attaqué Boni.", "2024-09-16"),
        ("en", "Overnight from Monday to Tuesday, gunmen attacked the post.", "2024-09-16"),
        # ... unless the report says the attack came after midnight
        ("fr", "Dans la nuit de lundi à mardi, vers trois heures du matin, ils ont attaqué Boni.",
         "2024-09-17"),
        ("en", "Overnight from Monday to Tuesday, at around 2 a.m., gunmen attacked the post.",
         "2024-09-17"),
        ("fr", "Dans la nuit de lundi à mardi, vers 23 heures, ils ont attaqué Boni.", "2024-09-16"),
    ],
)  # fmt: skip
def test_a_night_is_dated_by_its_first_day_unless_after_midnight(
    readers: dict[str, DateReader], lang: str, text: str, expected: str
) -> None:
    assert readers[lang].dates(text, THU)[0].date.isoformat() == expected


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [
        # weekdays and nights that cross the end of a month or a year
        ("fr", "dans la nuit de samedi à dimanche", dt.date(2024, 10, 2), "2024-09-28"),
        ("en", "on Sunday", dt.date(2025, 1, 1), "2024-12-29"),
        ("fr", "dans la nuit du 30 septembre au 1er octobre", dt.date(2024, 10, 3), "2024-09-30"),
        ("en", "on the night of September 30 to October 1", dt.date(2024, 10, 3), "2024-09-30"),
        # a dateline gives way to the day the story tells
        ("en", "GAO, September 19 - Gunmen attacked the camp on Tuesday.", THU, "2024-09-17"),
        ("en", "GAO, Mali, Sept 19 — Gunmen attacked the camp on Tuesday.", THU, "2024-09-17"),
        ("en", "WASHINGTON/NIAMEY, Sept 19 — Troops were ambushed on Tuesday.", THU, "2024-09-17"),
        ("fr", "FLASH — NIAMEY, 19 sept. — Dix civils ont été tués mardi.", THU, "2024-09-17"),
        # days fixed in the calendar, the latest one not after publication
        (
            "en",
            "The violence began on New Year's Day in the village.",
            dt.date(2019, 1, 3),
            "2019-01-01",
        ),
        (
            "fr",
            "Le jour de l'An, des hommes armés ont attaqué le village.",
            dt.date(2019, 1, 3),
            "2019-01-01",
        ),
        ("fr", "La nuit de la Saint-Sylvestre a été calme.", dt.date(2019, 1, 3), "2018-12-31"),
    ],
)
def test_days_across_month_ends_and_datelines(
    readers: dict[str, DateReader], lang: str, text: str, published: dt.date, expected: str
) -> None:
    assert readers[lang].dates(text, published)[0].date.isoformat() == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The government on Wednesday declared mourning after attacks on Monday.",
         ["2024-09-16"]),
        ("en", "The army said on Wednesday that gunmen had attacked a post on Monday.",
         ["2024-09-16"]),
        ("fr", "L'armée a annoncé mercredi que des soldats avaient été tués lundi.", ["2024-09-16"]),
        ("fr", "Des soldats ont été tués lundi, a-t-elle indiqué mercredi.", ["2024-09-16"]),
        ("fr", "Des soldats ont été tués lundi, ont-ils affirmé mercredi.", ["2024-09-16"]),
        # alone, the day of the statement is all the text gives
        ("en", "The army said on Wednesday that twelve soldiers were killed.", ["2024-09-18"]),
    ],
)  # fmt: skip
def test_the_day_of_a_statement_gives_way_to_the_day_of_the_events(
    readers: dict[str, DateReader], lang: str, text: str, expected: list[str]
) -> None:
    assert [m.date.isoformat() for m in readers[lang].dates(text, THU)] == expected


def test_a_fixed_day_that_is_no_day_names_itself() -> None:
    lexicon = {"en": {"weekdays": {"monday": 1}, "months": {"january": 1},
                      "fixed_days": {"new year's day": "13-01"}}}  # fmt: skip
    with pytest.raises(ConfigError, match=r"en\.fixed_days\.new year's day: '13-01'.*MM-DD"):
        DateReader("en", lexicon)
