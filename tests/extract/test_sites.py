"""One telling, several sites: ACLED codes one event per place hit, and shares a toll that is
not broken down evenly between them."""

from __future__ import annotations

import pytest

from conflictwatch.extract.extractor import Extractor
from conflictwatch.extract.sites import SiteCues, count_sites, listed_sites, share
from conflictwatch.knowledge import load_pack
from conflictwatch.taxonomy import SubEventType

from .conftest import run

S = SubEventType
CUES = SiteCues.from_lexicon(load_pack("sahel").lexicon("cues"))


@pytest.mark.parametrize(
    ("lang", "text", "sites"),
    [
        ("en", "Gunmen attacked two villages on Saturday.", 2),
        ("en", "a coordinated assault on two security sites in the capital", 2),
        ("en", "jihadists attacked two army camps near the border", 2),
        ("en", "JNIM claimed both attacks.", 2),
        ("en", "Gunmen abducted 60 women in two separate incidents last week.", 2),
        ("fr", "des attaques meurtrières contre trois villages de la province", 3),
        ("fr", "les deux attaques de samedi", 2),
        ("en", "Two soldiers were killed in the attack.", 1),
        ("en", "the two previous attacks on the town", 1),
        ("fr", "deux soldats ont été tués", 1),
        ("en", "Gunmen attacked a village.", 1),
        # how many times: events, not a multiplier
        ("en", "Gunmen have attacked worshippers twice in two days.", 2),
        ("fr", "Des hommes armés ont attaqué à deux reprises des fidèles.", 2),
        ("en", "The toll is twice as high as first reported.", 1),
        ("en", "The final toll is twice the initial figure.", 1),
        ("fr", "Le bilan est deux fois plus lourd.", 1),
    ],
)  # fmt: skip
def test_how_many_sites_a_sentence_says_were_hit(lang: str, text: str, sites: int) -> None:
    assert count_sites(text, lang, CUES) == sites


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("des attaques simultanées contre les camps militaires de Tessit et de Gossi", 2),
        ("ont ciblé les localités d'Intahaka, de Tin-Hama et d'Ouatagouna, selon", 3),
        ("gunmen raided the villages of Koumbri, Yoro and Dinangourou on Sunday", 3),
        ("the villages of Koumbri and surrounding hamlets", 1),
        ("les villages de la commune de Tillia", 1),
        ("dans les secteurs de Kaya (Sanmatenga), Kongoussi (Bam) et Boulsa (Namentenga)", 3),
    ],
)
def test_a_plural_site_noun_naming_its_places_lists_that_many_sites(text: str, sites: int) -> None:
    assert listed_sites(text, CUES) == sites


def test_places_listed_by_a_plural_site_noun_are_one_event_each(extractor: Extractor) -> None:
    text = ("Des jihadistes ont lancé lundi des attaques simultanées contre les camps militaires "
            "de Djibo et d'Arbinda, tuant 18 soldats, a annoncé l'armée.")  # fmt: skip
    mentions = run(extractor, text, "fr").mentions
    assert sorted(m.location for m in mentions) == ["Arbinda", "Djibo"]
    assert sorted(m.fatalities for m in mentions) == [9, 9]


def test_listed_places_the_gazetteer_does_not_know_are_no_copies(extractor: Extractor) -> None:
    text = ("Des hommes armés ont attaqué dimanche les hameaux de Wouroguel, de Kessoukoye et de "
            "Tindirma, dans la commune de Djibo, tuant douze civils.")  # fmt: skip
    [mention] = run(extractor, text, "fr").mentions
    assert mention.fatalities == 12


def test_a_toll_not_broken_down_is_shared_evenly() -> None:
    assert share(100, 3) == [34, 33, 33]
    assert share(7, 1) == [7]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen attacked two villages on Sunday, killing 20 civilians in Djibo and "
               "Arbinda, local officials said."),
        ("fr", "Des hommes armés ont attaqué deux villages dimanche, tuant 20 civils à Djibo "
               "et à Arbinda, selon des élus locaux."),
    ],
)  # fmt: skip
def test_an_attack_on_two_named_villages_is_two_events(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang).mentions
    assert sorted(m.location for m in mentions) == ["Arbinda", "Djibo"]
    assert [m.fatalities for m in mentions] == [10, 10]


def test_each_site_takes_the_type_and_toll_of_its_own_clause(extractor: Extractor) -> None:
    text = ("On Tuesday, two attacks hit the Gao region. Rockets struck a passenger boat near "
            "Bourem, killing 30 civilians, and fighters attacked the army camp at Ansongo, "
            "where 12 soldiers died, the government said.")  # fmt: skip
    by_place = {m.location: m for m in run(extractor, text, "en").mentions}
    assert set(by_place) == {"Bourem", "Ansongo"}
    assert by_place["Bourem"].sub_event_type is S.SHELLING_ARTILLERY_MISSILE_ATTACK
    assert by_place["Bourem"].fatalities == 30
    assert by_place["Ansongo"].fatalities == 12


def test_sites_in_one_town_are_two_events_there(extractor: Extractor) -> None:
    text = ("Gunmen launched a coordinated attack on two military sites in Gao on Tuesday, "
            "the army said, adding that the assailants had been repelled.")  # fmt: skip
    mentions = run(extractor, text, "en").mentions
    assert [m.location for m in mentions] == ["Gao", "Gao"]


def test_a_site_announced_but_not_named_is_told_by_the_next_passage(
    extractor: Extractor,
) -> None:
    text = ("Two attacks on Tuesday killed 20 soldiers in the Gao region, the army said. "
            "The first hit a military post in Bourem, where 8 soldiers were killed. "
            "A few hours later fighters attacked the army camp at Ansongo.")  # fmt: skip
    locations = sorted(m.location for m in run(extractor, text, "en").mentions)
    assert locations == ["Ansongo", "Bourem"]


def test_a_passage_that_echoes_the_count_fills_an_announced_site(extractor: Extractor) -> None:
    text = ("Two attacks on Monday killed 40 people in the Tombouctou region, officials said. "
            "The first hit a market near Léré, where 30 traders died. "
            "A few hours later fighters stormed the army post at Niafunké, where ten soldiers "
            "died. JNIM claimed both attacks.")  # fmt: skip
    by_place = {}
    for m in run(extractor, text, "en").mentions:
        by_place.setdefault(m.location, []).append(m.fatalities)
    assert by_place["Niafunké"] == [10]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Soldiers executed 60 civilians in two villages on Sunday, a rights group said in "
               "a report published on Thursday. According to the report published on Thursday, "
               "the soldiers killed 20 people in Djibo and, shortly afterwards, 40 in Arbinda."),
        ("fr", "Des soldats ont exécuté 60 civils dans deux villages dimanche, selon une ONG. "
               "Selon le rapport publié jeudi, les soldats ont tué 20 personnes à Djibo et 40 "
               "autres à Arbinda."),
    ],
)  # fmt: skip
def test_the_lead_announces_the_sites_and_the_day_the_next_sentence_tells(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang).mentions
    assert sorted(m.location for m in mentions) == ["Arbinda", "Djibo"]
    assert {m.event_date.isoformat() for m in mentions} == {"2024-09-15"}


def test_sites_named_in_the_sentence_after_the_telling_are_its_sites(extractor: Extractor) -> None:
    text = ("At least 20 civilians were killed when gunmen attacked two villages near the border "
            "on Sunday evening, officials said. The assailants struck Djibo and Arbinda, in the "
            "Soum province, in near-simultaneous raids.")  # fmt: skip
    mentions = run(extractor, text, "en").mentions
    assert sorted(m.location for m in mentions) == ["Arbinda", "Djibo"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("No reliable casualty figures were available for any of the three towns.", "en"),
        ("Aucun bilan n'a été donné pour aucune des trois villes.", "fr"),
    ],
)
def test_a_count_picked_from_places_told_is_no_count_of_sites(text: str, lang: str) -> None:
    assert count_sites(text, lang, CUES) == 1


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen attacked the villages of Kaya and Dori on Sunday, killing about 40 people. "
               "The attackers split into two groups. Twenty-five people were killed in Kaya and "
               "fifteen in Dori, a local official said."),
        ("fr", "Des hommes armés ont attaqué dimanche les villages de Kaya et de Dori, tuant une "
               "quarantaine de personnes. On compte 25 morts à Kaya, 15 à Dori, selon un élu."),
    ],
)  # fmt: skip
def test_a_toll_given_place_by_place_is_each_site_s_own(
    extractor: Extractor, lang: str, text: str
) -> None:
    # Not an even share of the total, and no second telling of either site.
    mentions = run(extractor, text, lang, "2021-03-16").mentions
    assert sorted((m.location, m.fatalities) for m in mentions) == [("Dori", 15), ("Kaya", 25)]
    assert {m.sub_event_type for m in mentions} == {S.ATTACK}


def test_each_site_cites_the_words_that_name_it(extractor: Extractor) -> None:
    text = ("Des hommes armés ont attaqué dimanche les villages de Kaya et de Dori, tuant douze "
            "civils.")  # fmt: skip
    mentions = run(extractor, text, "fr", "2021-03-16").mentions
    quotes = {m.location: [e.quote for e in m.evidence if e.field == "location"]
              for m in mentions}  # fmt: skip
    assert quotes["Dori"] == ["Dori"]
