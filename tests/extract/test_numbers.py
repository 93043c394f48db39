"""Numbers as news writes them: digits, words, qualifiers and ACLED's readings of vague words."""

from __future__ import annotations

import pytest

from conflictwatch.extract.numbers import NumberReader
from conflictwatch.knowledge import load_pack
from conflictwatch.taxonomy import VAGUE_NUMBERS


@pytest.fixture(scope="module")
def readers() -> dict[str, NumberReader]:
    numbers = load_pack("sahel").lexicon("numbers")
    return {lang: NumberReader(lang, numbers) for lang in ("en", "fr")}


@pytest.mark.parametrize(
    ("lang", "phrase", "expected"),
    [
        ("en", "10", (10, False)),
        ("en", "1,000", (1000, False)),
        ("en", "2 million", (2_000_000, False)),
        ("en", "twenty-three", (23, False)),
        ("en", "twenty three", (23, False)),
        ("en", "a hundred", (100, False)),
        ("en", "one hundred and twenty", (120, False)),
        ("en", "two thousand five hundred", (2500, False)),
        ("en", "at least 12", (12, False)),
        ("en", "more than 70", (70, True)),
        ("en", "about 30", (30, True)),
        ("en", "up to 40", (40, True)),
        ("en", "dozens", (12, True)),
        ("en", "a dozen", (12, True)),
        ("en", "more than a dozen", (12, True)),
        ("en", "tens", (10, True)),
        ("en", "hundreds", (100, True)),
        ("en", "scores", (20, True)),
        ("en", "several", (3, True)),
        ("en", "a few", (3, True)),
        ("en", "between 20 and 30", (20, False)),
        ("fr", "1 000", (1000, False)),
        ("fr", "1.000", (1000, False)),
        ("fr", "vingt-trois", (23, False)),
        ("fr", "vingt et un", (21, False)),
        ("fr", "quatre-vingts", (80, False)),
        ("fr", "quatre-vingt-dix-neuf", (99, False)),
        ("fr", "soixante-dix-sept", (77, False)),
        ("fr", "deux cents", (200, False)),
        ("fr", "mille deux cents", (1200, False)),
        ("fr", "au moins 12", (12, False)),
        ("fr", "plus de 70", (70, True)),
        ("fr", "environ 30", (30, True)),
        ("fr", "une trentaine", (30, True)),
        ("fr", "une douzaine", (12, True)),
        ("fr", "une dizaine", (10, True)),
        ("fr", "des dizaines", (10, True)),
        ("fr", "plusieurs dizaines", (10, True)),
        ("fr", "plus d'une dizaine", (10, True)),
        ("fr", "une vingtaine", (20, True)),
        ("fr", "une centaine", (100, True)),
        ("fr", "des centaines", (100, True)),
        ("fr", "plusieurs", (3, True)),
        ("fr", "quelques", (3, True)),
        ("fr", "un", (1, False)),
    ],
)
def test_parse(
    readers: dict[str, NumberReader], lang: str, phrase: str, expected: tuple[int, bool]
) -> None:
    assert readers[lang].parse(phrase) == expected


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [
        ("en", "soldiers"),
        ("en", "five two"),
        ("en", "a"),
        ("en", "12 soldiers"),  # not a whole number phrase
        ("fr", "2,5"),  # a decimal, not a count
        ("fr", "environ"),
        ("fr", ""),
    ],
)
def test_what_is_not_a_number(readers: dict[str, NumberReader], lang: str, phrase: str) -> None:
    assert readers[lang].parse(phrase) is None


def test_vague_words_agree_with_the_taxonomy(readers: dict[str, NumberReader]) -> None:
    for phrase, value in VAGUE_NUMBERS.items():
        lang = "fr" if phrase.split()[0] in ("une", "des", "plusieurs", "quelques") else "en"
        assert readers[lang].parse(phrase) == (value, True), phrase


def test_find_gives_values_and_offsets(readers: dict[str, NumberReader]) -> None:
    text = "Au moins 12 soldats et une dizaine de civils, entre 20 et 30 assaillants, en 2023."
    found = readers["fr"].find(text)
    assert [(v, vague, text[s:e]) for v, vague, s, e in found] == [
        (12, False, "Au moins 12"),
        (10, True, "une dizaine"),
        (20, False, "entre 20 et 30"),
        (2023, False, "2023"),
    ]


def test_mentions_carry_bounds(readers: dict[str, NumberReader]) -> None:
    at_least, more_than, up_to, between = readers["en"].mentions(
        "at least 12, more than 70, up to 40, between 20 and 30"
    )
    assert (at_least.low, at_least.high) == (12, None)
    assert (more_than.low, more_than.vague) == (70, True)
    assert (up_to.high, up_to.vague) == (40, True)
    assert (between.value, between.low, between.high) == (20, 20, 30)


def test_a_dash_joins_a_range_of_figures_only(readers: dict[str, NumberReader]) -> None:
    (ranged,) = readers["en"].mentions("20-30 soldiers")
    assert (ranged.value, ranged.low, ranged.high) == (20, 20, 30)
    # a dateline's day, then the count
    day, count = readers["en"].mentions("BAMAKO, Sept 9 - Forty-nine civilians were killed")
    assert (day.value, day.high, count.value) == (9, None, 49)


def test_articles_alone_are_not_numbers_in_running_text(readers: dict[str, NumberReader]) -> None:
    assert readers["fr"].find("un soldat a été tué") == []
    assert readers["en"].find("a soldier was killed") == []


def test_a_megabyte_of_numbers_completes(readers: dict[str, NumberReader]) -> None:
    text = "vingt-trois, 1 000 et une dizaine; " * 30_000
    assert len(readers["fr"].find(text)) == 90_000
