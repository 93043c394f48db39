"""Associated actors: forces that backed a side, and civilians by trade, as ACLED lists them."""

from __future__ import annotations

import pytest

from conflictwatch.extract.extractor import Extractor

from .conftest import run


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Separatist fighters of the CSP attacked Malian soldiers, backed by Wagner "
               "mercenaries, near Tinzaouaten on Saturday, killing several of them."),
        ("fr", "Les combattants du CSP ont attaqué samedi près de Tinzaouaten des soldats "
               "maliens appuyés par des mercenaires de Wagner, en tuant plusieurs."),
    ],
)  # fmt: skip
def test_forces_that_backed_a_side_are_its_associated_actor(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2024-07-28").mentions
    assert mention.actor2 == "Military Forces of Mali (2021-)"
    assert mention.assoc_actor_2 == "Wagner Group"
    assert mention.assoc_actor_1 == ""


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen on motorbikes opened fire on gold miners at a site near Téra on "
               "Thursday, killing ten of them."),
        ("fr", "Des hommes armés à moto ont ouvert le feu jeudi sur des orpailleurs sur un "
               "site près de Téra, en tuant dix."),
    ],
)  # fmt: skip
def test_civilians_by_trade_are_associated_with_the_civilians_of_the_country(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2024-04-19").mentions
    assert mention.actor2 == "Civilians (Niger)"
    assert mention.assoc_actor_2 == "Miners (Niger)"


def test_a_foreign_operation_is_coded_as_its_country_s_forces(extractor: Extractor) -> None:
    text = ("Two soldiers of Operation Barkhane were killed on Monday when their armoured "
            "vehicle struck a mine near Hombori.")  # fmt: skip
    [mention] = run(extractor, text, "en", published="2020-12-29").mentions
    assert mention.actor2 == "Military Forces of France (2017-)"
    assert mention.assoc_actor_2 == "Operation Barkhane"
