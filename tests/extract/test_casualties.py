"""Casualty counts with kind and side, read conservatively (ACLED), in English and French."""

from __future__ import annotations

import pytest

from conflictwatch.extract.casualties import CasualtyReader
from conflictwatch.extract.numbers import NumberReader
from conflictwatch.extract.records import CasualtyKind, Side
from conflictwatch.knowledge import load_pack

K, W, A, M, R = (
    CasualtyKind.KILLED,
    CasualtyKind.WOUNDED,
    CasualtyKind.ABDUCTED,
    CasualtyKind.MISSING,
    CasualtyKind.ARRESTED,
)
S, X, C, U = Side.STATE, Side.ATTACKERS, Side.CIVILIANS, Side.UNKNOWN


@pytest.fixture(scope="module")
def readers() -> dict[str, CasualtyReader]:
    numbers = load_pack("sahel").lexicon("numbers")
    return {lang: CasualtyReader(lang, NumberReader(lang, numbers)) for lang in ("en", "fr")}


def read(reader: CasualtyReader, text: str) -> list[tuple[CasualtyKind, int, Side]]:
    found = reader.casualties(text)
    assert all(text[c.start : c.end] == c.quote for c in found)
    return [(c.kind, c.count, c.side) for c in found]


EN = [
    ("Gunmen killed 12 soldiers near Gao.", [(K, 12, S)]),
    ("12 soldiers were killed in the ambush.", [(K, 12, S)]),
    ("At least 20 civilians died.", [(K, 20, C)]),
    ("The attack left 30 dead.", [(K, 30, U)]),
    ("Dozens of jihadists were neutralised.", [(K, 12, X)]),
    ("The army said it killed 40 terrorists.", [(K, 40, X)]),
    ("Five gendarmes and two civilians were killed.", [(K, 5, S), (K, 2, C)]),
    ("Militants killed 2 soldiers and 3 civilians.", [(K, 2, S), (K, 3, C)]),
    ("Three soldiers were killed and five wounded.", [(K, 3, S), (W, 5, S)]),
    ("Four soldiers were wounded in the attack.", [(W, 4, S)]),
    ("Gunmen kidnapped 20 passengers.", [(A, 20, C)]),
    ("The death toll rose to 50.", [(K, 50, U)]),
    ("There were no casualties.", [(K, 0, U)]),
    ("No one was killed.", [(K, 0, U)]),
    ("A soldier was killed and three others were wounded.", [(K, 1, S), (W, 3, S)]),
    ("Armed men kidnapped a teacher.", [(A, 1, C)]),
    ("12 members of the security forces were killed.", [(K, 12, S)]),
    ("Police arrested 15 suspects.", [(R, 15, U)]),
    ("Six villagers are missing.", [(M, 6, C)]),
    ("The attack killed 12 and wounded 20.", [(K, 12, U), (W, 20, U)]),
    ("Hundreds of residents were abducted.", [(A, 100, C)]),
    ("Twenty-three assailants were killed.", [(K, 23, X)]),
    ("12 soldiers killed 5 militants.", [(K, 5, X)]),  # the soldiers did the killing
    ("More than 1,000 people have been killed since January.", [(K, 1000, U)]),
    ("In 2023, 300 civilians were killed.", [(K, 300, C)]),
    ("In 2023 the group was active.", []),
    ("Twelve soldiers were wounded; no one was killed.", [(W, 12, S), (K, 0, U)]),
    ("The 12 soldiers patrolled the road.", []),
    ("The attack took place 12 km from Gao.", []),
    ("Twelve soldiers from the garrison, which had been reinforced last week, were killed.",
     [(K, 12, S)]),
    ("Five villagers from Boni, in the Douentza cercle, were abducted on Monday.", [(A, 5, C)]),
]
FR = [
    ("Trois soldats ont été tués et cinq blessés.", [(K, 3, S), (W, 5, S)]),
    ("Une dizaine de civils tués.", [(K, 10, C)]),
    ("Bilan : 15 morts.", [(K, 15, U)]),
    ("L'attaque a fait 25 victimes.", [(K, 25, U)]),
    ("Le maire a été enlevé.", [(A, 1, U)]),
    ("20 personnes enlevées sur l'axe Gao-Ansongo.", [(A, 20, U)]),
    ("Aucune victime n'est à déplorer.", [(K, 0, U)]),
    ("Personne n'a été tué.", [(K, 0, U)]),
    ("On compte 12 blessés.", [(W, 12, U)]),
    ("Au moins 12 soldats ont été tués.", [(K, 12, S)]),
    ("Plus de 70 assaillants neutralisés.", [(K, 70, X)]),
    ("Les terroristes ont tué 12 soldats et 3 civils.", [(K, 12, S), (K, 3, C)]),
    ("Deux soldats et trois civils ont été tués.", [(K, 2, S), (K, 3, C)]),
    ("Des dizaines de villageois ont été tués.", [(K, 10, C)]),
    ("Un soldat a été tué.", [(K, 1, S)]),
    ("12 éléments des FAMa ont été tués.", [(K, 12, S)]),
    ("Le bilan s'élève à 50 morts.", [(K, 50, U)]),
    ("L'explosion a fait 3 morts et 5 blessés.", [(K, 3, U), (W, 5, U)]),
    ("Des hommes armés ont enlevé 20 passagers.", [(A, 20, C)]),
    ("Une dizaine d'hommes armés ont été neutralisés.", [(K, 10, X)]),
    ("L'armée a neutralisé une vingtaine de terroristes.", [(K, 20, X)]),
    ("Le 17 septembre 2024, 12 soldats maliens ont été tués.", [(K, 12, S)]),
    ("L'attaque n'a pas fait de victimes.", [(K, 0, U)]),
    ("Cinq militaires sont portés disparus.", [(M, 5, S)]),
    ("Quatre-vingts gendarmes ont été blessés.", [(W, 80, S)]),
    ("Une quinzaine de VDP ont été tués.", [(K, 15, S)]),
    ("La police a interpellé 7 suspects.", [(R, 7, U)]),
    ("Plus d'un millier de personnes ont été tuées depuis janvier.", [(K, 1000, U)]),
    ("Des djihadistes ont tué quatre femmes et deux enfants.", [(K, 4, C), (K, 2, C)]),
    ("En 2023, le groupe a multiplié les attaques.", []),
    ("Au moins 30 habitants du village de Boni, dans le cercle de Douentza, ont été tués.",
     [(K, 30, C)]),
    ("Dix soldats, selon l'armée, n'ont pas été tués.", []),
]


@pytest.mark.parametrize(("text", "expected"), EN)
def test_english(readers: dict[str, CasualtyReader], text: str, expected: list[tuple]) -> None:
    assert read(readers["en"], text) == expected


@pytest.mark.parametrize(("text", "expected"), FR)
def test_french(readers: dict[str, CasualtyReader], text: str, expected: list[tuple]) -> None:
    assert read(readers["fr"], text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "count", "low", "high", "vague"),
    [
        ("en", "between 20 and 30 civilians were killed", 20, 20, 30, False),
        ("en", "at least 12 soldiers were killed", 12, 12, None, False),
        ("en", "more than 70 soldiers were killed", 70, 70, None, True),
        ("en", "dozens of villagers were killed", 12, None, None, True),
        ("fr", "entre 20 et 30 civils tués", 20, 20, 30, False),
        ("fr", "au moins 12 soldats tués", 12, 12, None, False),
        ("fr", "une centaine de civils tués", 100, None, None, True),
    ],
)
def test_bounds_and_vagueness(
    readers: dict[str, CasualtyReader],
    lang: str,
    text: str,
    count: int,
    low: int | None,
    high: int | None,
    vague: bool,
) -> None:
    [found] = readers[lang].casualties(text)
    assert (found.count, found.low, found.high, found.vague) == (count, low, high, vague)


def test_injuries_are_never_counted_as_deaths(readers: dict[str, CasualtyReader]) -> None:
    found = readers["fr"].casualties("Douze soldats ont été blessés, dont trois grièvement.")
    assert [c.kind for c in found] == [W]


def test_quotes_point_at_the_evidence(readers: dict[str, CasualtyReader]) -> None:
    text = "Sunday's attack: gunmen killed 12 soldiers and the death toll rose to 15."
    assert [c.quote for c in readers["en"].casualties(text)] == [
        "killed 12 soldiers",
        "toll rose to 15",
    ]


def test_a_megabyte_of_reports_completes(readers: dict[str, CasualtyReader]) -> None:
    paragraph = "Trois soldats ont été tués et cinq blessés le 17 septembre 2024, 1 2 3. "
    text = paragraph * (1_000_000 // len(paragraph))
    assert len(readers["fr"].casualties(text)) == 2 * text.count("Trois")
