"""What a report tells as news and what it only mentions: a gold mine is no landmine, officials
speak from a town without it being the place of the event, "the attack" told again is the one
already told, an old event reached after the opening is background, an agreement ended is not
one made, the wounded evacuated are no ground handed over, and "Boko Haram" is not Boko."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from conflictwatch.extract.extractor import Extractor
from conflictwatch.extract.places import PlaceFinder
from conflictwatch.model import Article
from conflictwatch.taxonomy import EventType
from conflictwatch.taxonomy import SubEventType as S

from .conftest import run


def test_a_gold_mine_is_not_a_landmine(extractor: Extractor) -> None:
    text = (
        "Gunmen killed nine civilians on Monday in an attack on workers of a gold mine near "
        "Djibo, a security source said."
    )
    assert all(m.sub_event_type is not S.REMOTE_EXPLOSIVE_LANDMINE_IED
               for m in run(extractor, text, "en").mentions)  # fmt: skip
    laid = "Four soldiers were killed on Monday when their vehicle hit a mine near Djibo."
    [m] = run(extractor, laid, "en").mentions
    assert m.sub_event_type is S.REMOTE_EXPLOSIVE_LANDMINE_IED


def test_officials_speaking_from_a_town_do_not_place_the_event_there() -> None:
    finder = PlaceFinder("en", known=lambda name: name in {"Niono", "Sokolo"})
    assert finder.find("Local officials in Niono said the attack would hurt farmers.") == []
    [found] = finder.find("Gunmen killed two officials in Sokolo on Monday.")
    assert found.name == "Sokolo"
    # nor officials who blame someone for it
    assert finder.find("Officials in Niono attributed the attack to jihadists.") == []
    french = PlaceFinder("fr", known=lambda name: name == "Niono")
    assert french.find("Les autorités à Niono ont attribué l'attaque aux jihadistes.") == []
    # nor a relative met there
    assert french.find("« Ils sont morts abandonnés », dit un proche rencontré à Niono.") == []


def test_the_attack_told_again_with_a_place_further_on_is_the_same_event(
    extractor: Extractor,
) -> None:
    text = (
        "Twelve soldiers were killed on Wednesday when their patrol was ambushed near Djibo, "
        "the army said. The attack was not claimed, but the area around Arbinda is a "
        "stronghold of armed groups."
    )
    assert len(run(extractor, text, "en").mentions) == 1


def test_a_second_site_named_before_its_trigger_is_its_own_event(extractor: Extractor) -> None:
    text = (
        "Des hommes armés ont tué douze soldats mercredi à Djibo, selon l'armée. "
        "À Arbinda, l'assaut des jihadistes a été repoussé le même jour, selon une source sécuritaire."
    )
    places = {m.location for m in run(extractor, text, "fr").mentions}
    assert places == {"Djibo", "Arbinda"}


def test_old_massacres_recalled_after_the_opening_are_background(extractor: Extractor) -> None:
    text = (
        "Trois ans ont passé et rien n'a changé pour les habitants du Soum. "
        "Les autorités promettent la sécurité mais les routes restent vides. "
        "Le 5 juin 2021, plus de 130 civils avaient été massacrés à Solhan."
    )
    assert run(extractor, text, "fr", published="2024-06-05").mentions == ()


def test_an_agreement_ended_is_not_an_agreement(extractor: Extractor) -> None:
    text = (
        "Niger's military government said on Saturday in Niamey that it was ending, with "
        "immediate effect, the military agreement with the United States."
    )
    assert all(m.sub_event_type is not S.AGREEMENT for m in run(extractor, text, "en").mentions)


def test_the_wounded_evacuated_are_not_a_transfer_of_territory(extractor: Extractor) -> None:
    text = (
        "Seven soldiers were killed on Monday when gunmen attacked their post in Djibo. "
        "The wounded were evacuated to Ouagadougou on Tuesday."
    )
    types = [m.sub_event_type for m in run(extractor, text, "en").mentions]
    assert S.NON_VIOLENT_TRANSFER_OF_TERRITORY not in types


def test_a_name_of_several_words_is_not_cut_to_the_place_it_starts_with() -> None:
    finder = PlaceFinder("fr", known=lambda name: name in {"Boko", "Toumour"},
                         names=["Boko Haram"])  # fmt: skip
    found = finder.find("Une attaque de Boko Haram a frappé Toumour samedi.")
    assert [p.name for p in found] == ["Toumour"]


def test_words_in_another_sense_are_no_trigger(extractor: Extractor) -> None:
    texts = [
        "Mardi à Ouagadougou, les ministres concernés veilleront à la bonne exécution des termes "
        "du contrat avec le partenaire retenu.",
        "Réunis samedi à Bamako, les militants ont marqué leur accord pour la fusion des deux "
        "partis, a indiqué le secrétaire général.",
    ]
    for text in texts:
        assert run(extractor, text, "fr").mentions == (), text


def test_a_count_in_the_thousands_without_an_event_word_is_a_statistic(
    extractor: Extractor,
) -> None:
    text = (
        "À Kaya, 14 284 enfants victimes de violences ont eu accès en 2021 au paquet minimum "
        "d'intervention, selon le rapport du ministère publié lundi."
    )
    assert run(extractor, text, "fr").mentions == ()


def test_french_militants_are_party_activists_not_an_armed_group(extractor: Extractor) -> None:
    text = (
        "Samedi à Bamako, les militants du parti ont quitté la salle et annoncé la création "
        "d'un nouveau mouvement, a indiqué leur porte-parole."
    )
    for mention in run(extractor, text, "fr").mentions:
        assert "Armed Group" not in mention.actor1


def test_a_tally_dated_only_by_its_year_is_background(extractor: Extractor) -> None:
    text = (
        "Des kamikazes ont tué dix civils samedi à Sévaré, selon les autorités. "
        "Selon une ONG locale, plus de 800 civils ont été tués dans la région de Mopti en 2022."
    )
    found = run(extractor, text, "fr", published="2023-04-23").mentions
    assert [m.location for m in found] == ["Sévaré"]


def test_houses_burnt_and_reinforcements_sent_are_part_of_the_attack(
    extractor: Extractor,
) -> None:
    text = (
        "Au moins vingt-huit personnes ont été tuées samedi soir dans l'attaque d'Arbinda par "
        "des hommes armés. Dimanche, les assaillants ont mis le feu à des boutiques à Djibo, "
        "selon des témoins. L'armée a annoncé lundi le déploiement de renforts à Djibo."
    )
    found = run(extractor, text, "fr", published="2023-06-20").mentions
    assert [m.location for m in found] == ["Arbinda"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La force Barkhane a officiellement remis mardi sa base de Tombouctou à l'armée "
               "malienne, au cours d'une cérémonie sobre."),
        ("en", "The US military completed its withdrawal from Niger on Monday, handing over its "
               "drone base near Agadez to the Nigerien army."),
    ],
)  # fmt: skip
def test_a_base_handed_over_to_the_army_is_a_base_established(
    extractor: Extractor, lang: str, text: str
) -> None:
    [m] = run(extractor, text, lang).mentions
    assert m.sub_event_type is S.HEADQUARTERS_OR_BASE_ESTABLISHED


def test_an_earlier_attack_told_in_the_pluperfect_is_background(extractor: Extractor) -> None:
    text = (
        "Quarante et une personnes ont été tuées jeudi dans une embuscade près de Titao, a "
        "annoncé le gouvernement. Elle intervient un mois après celle d'Inata, qui avait "
        "provoqué des manifestations à Ouagadougou."
    )
    found = run(extractor, text, "fr", published="2021-12-25").mentions
    assert all(m.event_type is not EventType.PROTESTS for m in found)


def test_an_attack_set_beside_an_earlier_one_is_commentary_not_a_telling(
    extractor: Extractor,
) -> None:
    text = (
        "Des hommes armés ont tué dimanche douze civils dans le village de Kelbo, dans la "
        "province du Soum, selon des sources locales. L'attaque survient dix jours après celle "
        "de Djibo, où quinze soldats avaient été tués dans un raid revendiqué par le JNIM."
    )
    [mention] = run(extractor, text, "fr", published="2021-12-14").mentions
    assert (mention.sub_event_type, mention.fatalities) == (S.ATTACK, 12)


@pytest.mark.parametrize(
    ("lang", "text", "published"),
    [
        (
            "fr",
            "Les forces armées ont mené samedi une frappe par drone près de Banibangou, "
            "neutralisant une vingtaine de terroristes. Ces actions interviennent quelques jours "
            "après l'embuscade du mercredi 20 mars près de Téra, où vingt-trois soldats ont été "
            "tués.",
            "2024-03-25",
        ),
        (
            "en",
            "Army drones struck a militant column near Banibangou on Saturday, killing about "
            "twenty fighters. These operations come days after an ambush near Téra on "
            "Wednesday in which 23 soldiers died.",
            "2024-03-25",
        ),
    ],
)
def test_a_sentence_that_sets_the_news_beside_an_earlier_event_recalls_it(
    extractor: Extractor, lang: str, text: str, published: str
) -> None:
    [mention] = run(extractor, text, lang, published=published).mentions
    assert (mention.sub_event_type, mention.event_date.day, mention.fatalities) == (
        S.AIR_DRONE_STRIKE, 23, 20)  # fmt: skip


def test_a_paragraph_labelled_as_background_tells_no_event(extractor: Extractor) -> None:
    text = (
        "L'armée dément toute nouvelle attaque contre le camp de Djibo ces derniers jours.\n"
        "Contexte — Les camps de Djibo et d'Arbinda avaient été la cible fin août d'attaques "
        "simultanées revendiquées par le JNIM, qui avaient coûté la vie à 30 soldats."
    )
    assert run(extractor, text, "fr", published="2021-09-20").mentions == ()


def test_an_incident_recalled_as_earlier_this_month_is_background(extractor: Extractor) -> None:
    text = (
        "Gunmen kidnapped a nurse from her home in Abalak on Friday night, killing two guards, "
        "local officials said. Earlier this month, militants attacked a camp at Ayorou, "
        "killing 22 soldiers."
    )
    [mention] = run(extractor, text, "en", published="2016-10-15").mentions
    assert mention.sub_event_type is S.ABDUCTION_FORCED_DISAPPEARANCE
    alone = "Earlier this month, militants attacked a camp at Ayorou, killing 22 soldiers."
    assert run(extractor, alone, "en", published="2016-10-15").mentions  # the news itself


def test_people_killed_in_a_village_are_the_news_before_their_killers_are_named(
    extractor: Extractor,
) -> None:
    text = (
        "Trente-neuf personnes ont été tuées samedi dans le village de Djibo. Des individus "
        "armés ont fait irruption dans l'après-midi et ont exécuté des habitants. Un deuil "
        "national a été décrété. Cette attaque survient moins d'une semaine après celle de Kaya, "
        "dans la commune de Kaya."
    )
    [mention] = run(extractor, text, "fr", published="2020-01-26").mentions
    assert (mention.location, mention.fatalities) == ("Djibo", 39)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The army deployed reinforcements to Djibo on Monday after the attacks.", "en"),
        ("Des renforts ont été déployés lundi à Djibo, a indiqué l'armée.", "fr"),
    ],
)
def test_forces_sent_or_stationed_are_no_change_of_a_group(
    extractor: Extractor, text: str, lang: str
) -> None:
    assert not [m for m in run(extractor, text, lang).mentions
                if m.sub_event_type is S.CHANGE_TO_GROUP_ACTIVITY]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Twelve aid workers have been kidnapped in northern Niger since 2010, among them "
               "two seized in Arlit."),
        ("fr", "Douze humanitaires ont été enlevés dans le nord du Niger depuis 2010, dont deux "
               "à Arlit."),
    ],
)  # fmt: skip
def test_what_has_happened_since_a_year_is_background(
    extractor: Extractor, lang: str, text: str
) -> None:
    assert run(extractor, text, lang, published="2016-10-15").mentions == ()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Burkina Faso's army on Tuesday rejected claims by JNIM that its fighters had overrun a "
         "military post near Djibo at the weekend. The group said it had attacked the post on "
         "Sunday and seized weapons and vehicles, posting photographs online. The army said all "
         "its positions were intact. No independent source has confirmed the attack.", "en"),
        ("L'armée burkinabè a démenti mardi les affirmations du JNIM selon lesquelles ses "
         "combattants auraient pris un poste militaire près de Djibo ce week-end. Le groupe a "
         "affirmé avoir attaqué le poste dimanche et saisi des armes et des véhicules. L'armée "
         "assure que toutes ses positions sont intactes. Aucune source indépendante n'a confirmé "
         "l'attaque.", "fr"),
    ],
)  # fmt: skip
def test_a_claim_the_report_opens_by_denying_is_not_retold_as_an_event(
    extractor: Extractor, text: str, lang: str
) -> None:
    assert run(extractor, text, lang, published="2024-05-21").mentions == ()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Attacks by Islamic State fighters on villages in the Tillabéri region have risen "
         "sharply, aid groups in Niamey said.", "en"),
        ("Les attaques des jihadistes de l'État islamique contre les villages de la région de "
         "Tillabéri se sont multipliées, selon des ONG.", "fr"),
    ],
)  # fmt: skip
def test_attacks_said_to_rise_are_a_trend_not_an_event(
    extractor: Extractor, text: str, lang: str
) -> None:
    assert run(extractor, text, lang, published="2021-03-02").mentions == ()


def test_what_an_anniversary_report_tells_after_the_old_event_is_that_event(
    extractor: Extractor,
) -> None:
    text = (
        "NIAMEY — A year ago today, 71 soldiers died when hundreds of fighters overran the army "
        "camp at Inates, in the north of the Tillabéri region. On Thursday, relatives gathered at "
        'the military cemetery in Niamey to lay wreaths. "My son was 24. They told us he died for '
        'his country. We are still waiting for answers," said a mother. The Inates attack, '
        "claimed by the Islamic State, was followed a month later by another assault and "
        "prompted a shake-up of the army command. Niger's government replaced the chief of staff "
        "and closed several isolated posts. Analysts in Niamey say the army has since improved "
        "its air capacity."
    )
    assert run(extractor, text, "en", published="2020-12-10").mentions == ()


@pytest.mark.parametrize(
    ("title", "text", "lang"),
    [
        ("Opinion: the north cannot wait any longer",
         "On 2 September, gunmen killed twenty villagers in Boni. Each time the same story: men "
         "on motorbikes, villages left without protection, help that comes too late.", "en"),
        ("Le Nord ne peut plus attendre",
         "ÉDITORIAL - Le 2 septembre, des hommes armés ont massacré vingt villageois à Boni. "
         "Chaque fois, le même scénario : des hommes à moto, des renforts qui arrivent trop tard.",
         "fr"),
    ],
)  # fmt: skip
def test_an_opinion_piece_recalls_events_it_does_not_report(
    extractor: Extractor, title: str, text: str, lang: str
) -> None:
    when = dt.datetime(2024, 9, 18, 8, tzinfo=dt.UTC)
    article = Article(id="t", text=text, title=title, language=lang, published_at=when)
    extraction = extractor.extract(article)
    assert extraction.mentions == ()
    assert any("opinion" in note for note in extraction.notes)
    # the same words told as news are an event
    reported = extractor.extract(replace(article, title="Twenty villagers killed in Boni",
                                         text=text.removeprefix("ÉDITORIAL - ")))  # fmt: skip
    assert [m.location for m in reported.mentions] == ["Boni"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Burkina Faso accounted for the largest share of deaths, driven by attacks on army "
            "positions near Djibo by JNIM. In Niger, attacks rose after the July coup, particularly "
            "in Tillaberi. Analysts expect the use of armed drones by the army to increase.",
        ),
        (
            "fr",
            "Le Burkina Faso représente la plus grande part des morts, du fait des attaques du JNIM "
            "contre les positions de l'armée autour de Djibo. Au Niger, les attaques se sont "
            "multipliées après le coup d'État, notamment à Tillabéri.",
        ),
    ],
)
def test_a_trend_told_in_shares_and_rises_is_no_event(
    extractor: Extractor, lang: str, text: str
) -> None:
    assert run(extractor, text, lang, "2024-01-15").mentions == ()


def test_losses_told_as_the_time_of_something_else_are_background(extractor: Extractor) -> None:
    text = (
        "Police fired tear gas at protesters in Niamey on Sunday and arrested several activists. "
        "Their lawyers said they had not been charged. The arms audit found that billions of "
        "francs were lost between 2017 and 2019, at a time when the army suffered heavy losses "
        "in attacks at Inates and Chinagodrar."
    )
    mentions = run(extractor, text, "en", "2020-03-16").mentions
    assert [m.location for m in mentions] == ["Niamey"]


def test_a_call_for_more_protests_on_a_weekday_does_not_date_the_protest(
    extractor: Extractor,
) -> None:
    text = (
        "In Bobo-Dioulasso, protesters set fire to the town hall and the ruling party's office. "
        "No deaths were reported there. The government cancelled the vote in the afternoon. "
        "Opposition leaders called for more protests on Friday."
    )
    [mention] = run(extractor, text, "en", "2014-10-30").mentions
    assert mention.event_date.isoformat() == "2014-10-30"
