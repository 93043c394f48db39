"""Sieges and blockades are situations: one Strategic developments/Other event, tagged, dated to
when the situation began, even when that was months before the report; talk of sieges in general
and attacks named only as what people fled are not events."""

from __future__ import annotations

from conflictwatch.extract.extractor import Extractor
from conflictwatch.extract.places import PlaceFinder
from conflictwatch.taxonomy import SubEventType as S
from conflictwatch.taxonomy import TimePrecision

from .conftest import run


def test_a_town_under_blockade_since_a_month_is_one_tagged_situation(
    extractor: Extractor,
) -> None:
    text = (
        "Djibo, the largest town of Burkina Faso's Soum province, has been under blockade since "
        "February, when fighters of JNIM cut the roads leading to it. Convoys now need an army "
        "escort and prices in the market have tripled, residents said."
    )
    [m] = run(extractor, text, "en", published="2022-06-20").mentions
    assert m.sub_event_type is S.OTHER
    assert "blockade" in m.tags
    assert m.location == "Djibo"
    assert (str(m.event_date), m.time_precision) == ("2022-02-15", TimePrecision.MONTH)


def test_un_blocus_annonce_est_une_situation_et_non_un_combat(extractor: Extractor) -> None:
    text = (
        "Depuis le mois de mars, les combattants du JNIM imposent un blocus à la ville de "
        "Tombouctou : plus aucun camion n'y entre. Aucun combat n'a été signalé dans la ville, "
        "mais les habitants disent craindre un affrontement."
    )
    [m] = run(extractor, text, "fr", published="2023-05-02").mentions
    assert m.sub_event_type is S.OTHER
    assert "blockade" in m.tags


def test_places_under_blockade_in_general_are_not_an_event(extractor: Extractor) -> None:
    text = (
        "Reported figures for Mali are likely to understate the violence, especially in places "
        "under blockade such as the towns of the Timbuktu region, analysts said on Monday."
    )
    assert run(extractor, text, "en").mentions == ()


def test_attacks_people_fled_are_the_cause_of_their_flight_not_an_event(
    extractor: Extractor,
) -> None:
    text = (
        "Thousands of families who fled attacks on villages around Djibo have settled on the "
        "edge of Kaya, where aid agencies say food is running short."
    )
    assert run(extractor, text, "en").mentions == ()
    text_fr = (
        "Des milliers de déplacés chassés par les attaques contre les villages de la commune "
        "vivent à Kaya dans des camps de fortune."
    )
    assert run(extractor, text_fr, "fr").mentions == ()


def test_a_town_named_in_apposition_is_a_place() -> None:
    finder = PlaceFinder("en", known=lambda name: name in {"Menaka", "Djibo"})
    [found] = finder.find("Menaka, the capital of Mali's newest region, has become an island.")
    assert found.name == "Menaka"
    assert PlaceFinder("en", known=lambda name: False).find("Amadou, the leader, spoke.") == []


def test_the_capital_of_a_region_is_not_the_country_capital(extractor: Extractor) -> None:
    text = (
        "Menaka, the capital of Mali's newest region, has been besieged by Islamic State "
        "fighters since May, residents said."
    )
    [m] = run(extractor, text, "en", published="2023-06-20").mentions
    assert m.location in ("Menaka", "Ménaka")
