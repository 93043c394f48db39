"""How one telling of an attack is read as a whole: who took the ground, what the spoils of an
attack count for, the sentences that go on with it and the villages it names one by one."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictwatch.extract.classify import SubtypeClassifier
from conflictwatch.extract.extractor import Extractor
from conflictwatch.extract.places import PlaceFinder
from conflictwatch.extract.records import Span
from conflictwatch.extract.sites import SiteCues, counts_events
from conflictwatch.extract.tellings import merged
from conflictwatch.extract.territory import NON_STATE, STATE, TerritoryReader
from conflictwatch.knowledge import load_pack
from conflictwatch.taxonomy import EventType
from conflictwatch.taxonomy import SubEventType as S

from .conftest import run


@pytest.fixture(scope="module")
def classifier() -> SubtypeClassifier:
    return SubtypeClassifier.from_pack(load_pack("sahel"))


READER = TerritoryReader.build(
    {
        "state_forces": ["soldiers", "army", "soldats"],
        "non_state_forces": ["rebels", "jihadistes"],
        "object_markers": ["with", "against"],
        "source_markers": ["from", "aux"],
        "clause_openers": ["when", "lorsque", "lorsqu"],
    }
)


@pytest.mark.parametrize(
    ("sentence", "trigger", "side"),
    [
        ("Twelve soldiers died when rebels overran the camp at dawn.", "overran", NON_STATE),
        ("Des soldats ont été tués lorsque les jihadistes ont pris le camp.", "pris", NON_STATE),
        ("Des soldats sont tombés lorsqu'ils ont repris le camp aux jihadistes.", "repris", STATE),
        ("The army retook the town after a week of fighting.", "retook", STATE),
    ],
)
def test_the_side_that_takes_ground_is_read_in_the_clause_of_the_taking(
    sentence: str, trigger: str, side: str
) -> None:
    at = sentence.index(trigger)
    assert READER.read(sentence, Span(at, at + len(trigger), trigger))[0] == side


def test_a_base_overrun_while_soldiers_died_is_a_battle_not_looted_weapons(
    extractor: Extractor,
) -> None:
    text = (
        "Twenty soldiers were killed when militants overran an army base in Djibo on Sunday. "
        "The group later showed rifles and ammunition it said it had seized at the base."
    )
    [m] = run(extractor, text, "en").mentions
    assert m.event_type is EventType.BATTLES
    assert m.sub_event_type is not S.GOVERNMENT_REGAINS_TERRITORY


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen attacked the town of Douentza on Monday, killing eight civilians. They "
               "looted shops, set fire to houses and drove off cattle before leaving."),
        ("fr", "Des hommes armés ont attaqué la ville de Douentza lundi, tuant huit civils. Ils "
               "ont pillé les boutiques et incendié des maisons avant de repartir."),
    ],
)  # fmt: skip
def test_looting_in_the_course_of_a_deadly_attack_is_the_attack(
    extractor: Extractor, lang: str, text: str
) -> None:
    [m] = run(extractor, text, lang).mentions
    assert m.sub_event_type is S.ATTACK


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen killed eight civilians in Douentza on Monday. At Douentza the attackers "
               "seized weapons and ammunition from a guard post before leaving."),
        ("fr", "Six humanitaires ont été tués dimanche par des hommes armés à Kouré. Selon le "
               "gouverneur de la région de Tillabéri, les assaillants, arrivés à moto, ont "
               "intercepté le véhicule du groupe en fin de matinée et ouvert le feu."),
    ],
)  # fmt: skip
def test_arms_seized_during_an_attack_that_day_are_the_attack(
    extractor: Extractor, lang: str, text: str
) -> None:
    [m] = run(extractor, text, lang).mentions
    assert m.sub_event_type is S.ATTACK


def test_a_foiled_attack_keeps_its_type_when_weapons_are_seized(extractor: Extractor) -> None:
    text = ("Troops foiled a bomb attack on the camp at Sévaré on Monday and seized two rifles "
            "and a car packed with explosives.")  # fmt: skip
    [m] = run(extractor, text, "en").mentions
    assert m.sub_event_type is S.DISRUPTED_WEAPONS_USE


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Gunmen struck the villages of Boni, Douentza and Hombori.",
         ["Boni", "Douentza", "Hombori"]),
        ("fr", "Les assaillants ont attaqué les villages de Boni et Hombori.", ["Boni", "Hombori"]),
    ],
)  # fmt: skip
def test_villages_named_together_are_each_read(lang: str, text: str, expected: list[str]) -> None:
    known = {"Boni", "Douentza", "Hombori"}
    assert [p.name for p in PlaceFinder(lang, known=known.__contains__).find(text)] == expected


def test_the_attackers_going_on_to_name_villages_tell_the_same_attack(
    extractor: Extractor,
) -> None:
    text = (
        "Gunmen killed 30 civilians in attacks on two villages in central Mali on Friday. "
        "The attackers struck the villages of Boni and Hombori at dusk, residents said."
    )
    mentions = run(extractor, text, "en").mentions
    assert sorted(m.location for m in mentions) == ["Boni", "Hombori"]
    assert {m.sub_event_type for m in mentions} == {S.ATTACK}
    assert sum(m.fatalities for m in mentions) == 30


@pytest.mark.parametrize(
    "sentence",
    [
        "Des hommes armés ont frappé le village lundi soir, tuant six civils.",
        "Le village a été frappé par des hommes armés qui ont tué six civils.",
        "Une école a été visée par des hommes armés qui ont tué deux enseignants.",
        "Les jihadistes ont pris pour cible des civils au marché, tuant six personnes.",
    ],
)
def test_french_verbs_of_striking_and_aiming_are_attack_triggers(
    classifier: SubtypeClassifier, sentence: str
) -> None:
    best = classifier.best(sentence, "fr")
    assert best is not None and best.label is S.ATTACK


def test_french_having_seized_a_town_is_taking_ground(classifier: SubtypeClassifier) -> None:
    sentence = "Les rebelles affirment s'en être emparés après de violents combats."
    scores = {s.label for s in classifier.scores(sentence, "fr")}
    assert scores & {S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, S.GOVERNMENT_REGAINS_TERRITORY}


@pytest.mark.parametrize(
    "sentence",
    [
        "The convoy was targeted by gunmen who killed three civilians.",
        "Gunmen struck the village at night, killing four civilians.",
    ],
)
def test_english_equivalents_are_attack_triggers(
    classifier: SubtypeClassifier, sentence: str
) -> None:
    best = classifier.best(sentence, "en")
    assert best is not None and best.label is S.ATTACK


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "« Nous avons perdu onze hommes », confie une source militaire à Kaya.", []),
        ("fr", "Un habitant joint par téléphone à Gao décrit des tirs nourris.", []),
        ("en", "Gunmen killed six traders, according to a herder who now lives in Kaya.", []),
        ("en", "A local source in Mopti said gunmen attacked a bus in Boni.", ["Boni"]),
        ("fr", "Le détachement militaire de Boni a été attaqué à l'aube.", ["Boni"]),
        ("fr", "L'armée affirme avoir repris le contrôle de Hombori.", ["Hombori"]),
        ("fr", "Une explosion a secoué le centre de Douentza.", ["Douentza"]),
    ],
)
def test_the_place_of_a_source_is_not_read_and_french_sites_are(
    lang: str, text: str, expected: list[str]
) -> None:
    known = {"Boni", "Douentza", "Hombori", "Kaya", "Gao", "Mopti"}
    assert [p.name for p in PlaceFinder(lang, known=known.__contains__).find(text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "« Rien n'a été revendiqué », a indiqué un élu de la région à Mopti.", []),
        ("en", '"We heard shots all night," said a teacher in Gao.', []),
        ("en", "The army said the attackers struck in Boni on Monday.", ["Boni"]),
    ],
)
def test_the_town_a_quoted_speaker_is_in_is_not_the_event_place(
    lang: str, text: str, expected: list[str]
) -> None:
    known = {"Boni", "Gao", "Mopti"}
    assert [p.name for p in PlaceFinder(lang, known=known.__contains__).find(text)] == expected


def test_a_day_between_the_verb_and_the_taking_still_names_the_town_taken() -> None:
    text = "Les rebelles ont pris dimanche le contrôle total de Boni après des combats."
    assert [p.name for p in PlaceFinder("fr", known={"Boni"}.__contains__).find(text)] == ["Boni"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "De violents combats ont opposé l'armée aux jihadistes à Boni mardi. Selon des "
               "habitants, au moins quinze personnes ont été tuées."),
        ("en", "Heavy fighting broke out between the army and militants in Boni on Tuesday. "
               "According to residents, at least fifteen people were killed."),
    ],
)  # fmt: skip
def test_residents_quoted_as_a_source_do_not_make_a_battle_an_attack_on_civilians(
    extractor: Extractor, lang: str, text: str
) -> None:
    [m] = run(extractor, text, lang).mentions
    assert m.sub_event_type is S.ARMED_CLASH


def test_combat_aircraft_that_strike_are_an_air_strike_not_a_battle(
    classifier: SubtypeClassifier,
) -> None:
    sentence = "Des avions de combat ont frappé une colonne de pick-up près de la rivière."
    best = classifier.best(sentence, "fr")
    assert best is not None and best.label is S.AIR_DRONE_STRIKE


def test_a_battle_told_over_two_days_is_one_event_a_day(extractor: Extractor) -> None:
    text = (
        "Separatist rebels said on Sunday that they first engaged an army column on Thursday a "
        "few kilometres south of Kidal, then clashed with it again on Saturday, when the "
        "heaviest fighting took place. Dozens of soldiers were killed, a spokesman said."
    )
    found = run(extractor, text, "en", published="2024-07-28").mentions
    assert sorted(str(m.event_date) for m in found) == ["2024-07-25", "2024-07-27"]
    assert {str(m.event_date): m.fatalities for m in found}["2024-07-25"] == 0


def test_two_towns_each_on_its_day_are_not_days_of_one_battle(extractor: Extractor) -> None:
    text = (
        "Après Gao samedi, Tombouctou lundi : les troupes maliennes ont repris le contrôle des "
        "deux villes du nord, tenues depuis dix mois par des groupes armés."
    )
    days = {str(m.event_date) for m in run(extractor, text, "fr", published="2013-01-29").mentions}
    assert "2013-01-27" not in days  # no day made up between the two


def test_aircraft_sent_after_a_ground_assault_answer_it(extractor: Extractor) -> None:
    text = (
        "Twenty gendarmes were killed on Sunday when gunmen stormed their camp at Sokolo. "
        "The attackers set fire to part of the camp before the air force intervened."
    )
    [m] = run(extractor, text, "en").mentions
    assert m.event_type is EventType.BATTLES


def test_soldiers_killed_in_an_attack_were_fought(extractor: Extractor) -> None:
    text = (
        "Twenty Nigerien soldiers and one civilian were killed on Tuesday in an attack on an "
        "army unit at Tera, the defence ministry said."
    )
    [m] = run(extractor, text, "en").mentions
    assert m.sub_event_type is S.ARMED_CLASH


def test_a_march_elsewhere_after_a_massacre_is_its_own_event(extractor: Extractor) -> None:
    text = (
        "Le gouvernement a accusé lundi les rebelles d'avoir exécuté des soldats lors de la "
        "chute du camp d'Aguelhok, le 24 janvier. Selon un communiqué, les corps de 82 "
        "militaires exécutés par le MNLA ont été retrouvés, certains égorgés. À Kati et à "
        "Bamako, des épouses de militaires sont descendues dans la rue au début du mois pour "
        "dénoncer la gestion de la crise."
    )
    found = run(extractor, text, "fr", published="2012-02-14").mentions
    killings = [m for m in found if m.event_type is not EventType.PROTESTS]
    assert [m.location for m in killings] == ["Aguelhok"]
    assert str(killings[0].event_date) == "2012-01-24"


def test_two_sites_named_in_one_sentence_and_counted_after_are_two_events(
    extractor: Extractor,
) -> None:
    text = (
        "Deux jours après les attaques qui ont visé Bamako mardi à l'aube, les autorités n'ont "
        "publié aucun bilan. Des commandos du JNIM ont frappé presque simultanément l'école de "
        "gendarmerie de Faladié et la base aérienne voisine de l'aéroport international "
        "Modibo-Keïta. Plus de 70 personnes ont été tuées, sans qu'il soit possible de répartir "
        "ce chiffre entre les deux sites."
    )
    found = run(extractor, text, "fr", published="2024-09-19").mentions
    assert sorted(m.location for m in found) == ["Faladié", "Sénou"]
    assert {m.sub_event_type for m in found} == {S.ARMED_CLASH}


def test_an_attack_and_the_fight_with_its_escort_are_one_battle(extractor: Extractor) -> None:
    text = (
        "At least 47 people, most of them civilians, were killed on Wednesday when militants "
        "ambushed a convoy of civilians and soldiers in northern Burkina Faso. The convoy was "
        "travelling between Arbinda and Gorgadji when it was attacked about 25 km from "
        "Gorgadji. Thirty civilians, 14 soldiers and three members of the Volunteers for the "
        "Defence of the Homeland were killed, the government said."
    )
    [m] = run(extractor, text, "en", published="2021-08-20").mentions
    assert m.sub_event_type is S.ARMED_CLASH


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Les rebelles du MNLA sont entrés vendredi dans Kidal après le départ des militaires.",
         S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
        ("Les soldats maliens sont entrés lundi dans Diabaly, une semaine après la prise de la "
         "localité par les jihadistes.", S.GOVERNMENT_REGAINS_TERRITORY),
    ],
)  # fmt: skip
def test_french_towns_entered_are_ground_taken(extractor: Extractor, text: str, sub: S) -> None:
    [m] = run(extractor, text, "fr", published="2013-01-22").mentions
    assert m.sub_event_type is sub


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Twenty soldiers were killed on Wednesday when their unit was ambushed near Boni, "
               "the ministry said. In a statement read on state television on Thursday evening, "
               "the ministry said the patrol came under attack by more than a hundred "
               "terrorists. It said around 30 assailants were neutralised."),
        ("fr", "Vingt soldats ont été tués mercredi dans une embuscade près de Boni, selon le "
               "ministère. Dans un communiqué lu jeudi soir à la télévision, le ministère a "
               "indiqué que la patrouille avait été attaquée par plus d'une centaine de "
               "terroristes. Une trentaine d'assaillants ont été neutralisés."),
    ],
)  # fmt: skip
def test_the_day_of_a_statement_read_on_television_is_not_a_new_event(
    extractor: Extractor, lang: str, text: str
) -> None:
    [m] = run(extractor, text, lang).mentions
    assert m.fatalities == 50


def test_a_digest_of_numbered_incidents_is_one_event_per_item_on_its_own_day(
    extractor: Extractor,
) -> None:
    # The lead's "three incidents" are the items told below, not three sites of the first one;
    # each item's heading gives its day and its province.
    text = (
        "WEEKLY SECURITY NOTE\n"
        "Period: Monday 5 – Sunday 11 April 2021\n"
        "Three incidents were recorded by partners this week.\n"
        "1) Monday 5 Apr — Soum province. A military truck hit an explosive device 10 km from "
        "Djibo. Four soldiers were killed.\n"
        "2) Wednesday 7 Apr — Sanmatenga province. Gunmen attacked the market at Kaya, killing "
        "six civilians.\n"
        "3) Friday 9 Apr — Séno province. Armed men abducted two teachers near Dori.\n"
        "Outlook: roads around Djibo remain dangerous."
    )
    found = run(extractor, text, "en", published="2021-04-12").mentions
    assert sorted((m.event_date.day, m.location, m.fatalities) for m in found) == [
        (5, "Djibo", 4), (7, "Kaya", 6), (9, "Dori", 0)]  # fmt: skip


def test_a_digest_numbered_inline_with_bracketed_provinces_is_read_item_by_item(
    extractor: Extractor,
) -> None:
    # No line breaks: each number is a sentence of its own before the heading it numbers.
    text = (
        "WEEKLY NOTE - Burkina Faso. Two attacks on markets were recorded this week. "
        "1. Kaya (Sanmatenga), Monday 5 April. Gunmen on motorbikes attacked the cattle "
        "market, killing the imam and three herders. "
        "2. Dori (Séno), Thursday 8 April. Armed men stormed the main market, killing six "
        "civilians."
    )
    found = run(extractor, text, "en", published="2021-04-12").mentions
    assert sorted((m.event_date.day, m.location, m.fatalities) for m in found) == [
        (5, "Kaya", 4), (8, "Dori", 6)]  # fmt: skip


def test_a_digest_s_items_are_incidents_even_unnamed_and_placed_by_their_headings(
    extractor: Extractor,
) -> None:
    # Item 1 names no one and counts no dead: listed under its heading, it is still coded.
    # Item 2's heading names two towns; "to the north of Kidal" does not outrank them.
    text = (
        "POINT DE SITUATION - Nord du Mali. Voici les principaux faits de la semaine. "
        "1. Tessalit, mardi 7 février. Des accrochages ont été signalés autour du camp militaire. "
        "2. Aguelhok et Anéfis, jeudi 9 février. Des rebelles sont entrés sans combat dans ces "
        "deux localités, au nord de Kidal, après le départ des militaires."
    )
    found = run(extractor, text, "fr", published="2012-02-12").mentions
    assert sorted((m.event_date.day, m.location) for m in found) == [
        (7, "Tessalit"), (9, "Aguelhok"), (9, "Anéfis")]  # fmt: skip


def test_a_lead_counts_the_events_of_a_round_up_or_the_sites_of_one_telling() -> None:
    cues = SiteCues.from_lexicon(load_pack("sahel").lexicon("cues"))
    assert counts_events("Four incidents were recorded this week.", "en", cues)
    assert counts_events("Trois attaques ont visé la région.", "fr", cues)
    assert not counts_events("Gunmen executed 170 people in three villages.", "en", cues)


def test_a_french_digest_with_bullets_and_bare_headings_is_read_item_by_item(
    extractor: Extractor,
) -> None:
    # The bullets may be left out of the sentences; a heading names its area with no article
    # ("Commune de Djibo", "Environs de Kaya") or its town after a dash; the context line that
    # "remains marked by" clashes tells none.
    text = (
        "BULLETIN DE LA SEMAINE\n"
        "Semaine du lundi 8 au dimanche 14 mars 2021\n"
        "Contexte : la semaine reste marquée par des affrontements dans le Nord.\n"
        "Trois incidents ont été retenus.\n"
        "• Lundi 8 mars — Commune de Djibo. Un camion a sauté sur un engin explosif. Deux civils "
        "(le chauffeur et son apprenti) ont été tués.\n"
        "• Mercredi 10 mars — Environs de Kaya. Des hommes armés ont tué quatre villageois.\n"
        "• Vendredi 12 mars — Dori (Sahel). Des hommes armés ont enlevé deux enseignants."
    )
    found = run(extractor, text, "fr", published="2021-03-15").mentions
    assert sorted((m.event_date.day, m.location, m.fatalities) for m in found) == [
        (8, "Djibo", 2), (10, "Kaya", 4), (12, "Dori", 0)]  # fmt: skip


def test_an_item_of_a_digest_is_no_aftermath_of_the_item_before(extractor: Extractor) -> None:
    # Cattle carried off the next day near a town close by would be the spoils of the attack
    # in a running story; in a digest each item is an event of its own.
    text = (
        "Incidents signalés :\n"
        "1. Lundi 11 novembre – Environs de Djibo. Un minibus a sauté sur un engin explosif. "
        "Bilan : deux passagers tués.\n"
        "2. Mardi 12 novembre – Commune d'Arbinda. Des hommes armés ont emporté plus de trois "
        "cents têtes de bétail appartenant à des éleveurs."
    )
    found = run(extractor, text, "fr", published="2019-11-18").mentions
    assert sorted((m.event_date.day, m.sub_event_type) for m in found) == [
        (11, S.REMOTE_EXPLOSIVE_LANDMINE_IED), (12, S.LOOTING_PROPERTY_DESTRUCTION)]  # fmt: skip
    stolen = "Some 150 head of cattle were stolen by armed men from herders near Arbinda on Sunday."
    [mention] = run(extractor, stolen, "en", published="2022-10-18").mentions
    assert mention.sub_event_type is S.LOOTING_PROPERTY_DESTRUCTION


def test_a_demonstration_told_twice_is_one_typed_by_the_force_used_on_it(
    extractor: Extractor,
) -> None:
    text = (
        "La ville de Kaya était quadrillée mercredi par les forces de sécurité au lendemain "
        "d'une manifestation qui a viré au drame. Mardi, "
        "plusieurs centaines de jeunes ont manifesté devant le gouvernorat de Kaya contre "
        "l'insécurité. Les manifestants ont été dispersés par la police, qui a tiré à balles "
        "réelles. Trois manifestants ont été tués."
    )
    [mention] = run(extractor, text, "fr", published="2016-07-14").mentions
    assert mention.sub_event_type is S.EXCESSIVE_FORCE_AGAINST_PROTESTERS
    assert (mention.event_date.day, mention.fatalities) == (12, 3)


def test_a_bulletin_s_labelled_analysis_tells_nothing_of_the_last_item(
    extractor: Extractor,
) -> None:
    text = (
        "• Samedi 16 mars — Kaya. La police a interpellé deux individus soupçonnés de servir "
        "d'informateurs à des groupes armés.\n"
        "Analyse : l'enlèvement de personnels de santé reste un signal préoccupant."
    )
    [mention] = run(extractor, text, "fr", published="2024-03-18").mentions
    assert mention.sub_event_type is S.ARRESTS


def test_a_communique_s_operations_are_each_their_own_event(extractor: Extractor) -> None:
    # A strike at another place on the day of a clash is no air support of it; a device found on
    # a road is placed on that road, not at the village of the sentence before.
    text = (
        "Le mardi 7 février, des VDP ont repoussé une attaque contre le village de Tanwalbougou, "
        "selon l'état-major. Une vingtaine d'assaillants ont été tués. Le même jour, un vecteur "
        "aérien a frappé un regroupement de combattants près de Diapaga. Le mercredi 8 février, "
        "une patrouille a découvert et neutralisé un engin explosif improvisé sur la route "
        "entre Kaya et Kongoussi."
    )
    found = {
        m.sub_event_type: m for m in run(extractor, text, "fr", published="2023-02-10").mentions
    }
    assert set(found) == {S.ARMED_CLASH, S.AIR_DRONE_STRIKE, S.DISRUPTED_WEAPONS_USE}
    assert found[S.AIR_DRONE_STRIKE].location == "Diapaga"
    assert found[S.DISRUPTED_WEAPONS_USE].actor1 == "Military Forces of Burkina Faso (2022-)"
    assert found[S.DISRUPTED_WEAPONS_USE].location != "Diapaga"


def test_a_dated_heading_line_opens_an_item_of_its_own(extractor: Extractor) -> None:
    # With no number or bullet, "Samedi 18 juin — Mali, cercle de Bankass." still heads the next
    # item: its day is not the day of the item before.
    text = (
        "BULLETIN HEBDOMADAIRE\n"
        "Semaine du 13 au 19 juin 2022\n"
        "Jeudi 16 juin — Mali, région de Gao. Une patrouille des FAMa a découvert et neutralisé "
        "un engin explosif sur l'axe Gao–Ansongo. Aucun blessé.\n"
        "Samedi 18 juin — Mali, cercle de Bankass. Des hommes armés ont attaqué le village de "
        "Diallassagou, tuant trente civils."
    )
    found = run(extractor, text, "fr", published="2022-06-20").mentions
    assert sorted((m.event_date.day, m.location, m.fatalities) for m in found) == [
        (16, "Gao", 0), (18, "Diallassagou", 30)]  # fmt: skip


def test_a_department_named_within_a_region_places_the_event(extractor: Extractor) -> None:
    text = (
        "NIAMEY, March 25 — In Niger's Tahoua region, armed men on motorbikes killed 137 people "
        "in the Tillia department on Sunday, the government said."
    )
    [mention] = run(extractor, text, "en", published="2021-03-25").mentions
    assert mention.location == "Tillia"


def test_people_who_had_driven_out_of_town_took_no_ground(extractor: Extractor) -> None:
    text = (
        "Gunmen killed four aid workers on Sunday near Kouré. The group had driven out of the "
        "capital for a day's outing in the reserve, officials said."
    )
    [mention] = run(extractor, text, "en", published="2020-08-10").mentions
    assert mention.sub_event_type is S.ATTACK


def test_a_question_tells_no_event_and_does_not_cut_the_claim_off(extractor: Extractor) -> None:
    # A radio transcript: the presenter's question names the attack, the correspondent's
    # answer gives the claim.
    text = (
        "CORRESPONDANT : Samedi, des hommes armés ont tué au moins 200 personnes à Barsalogho.\n\n"
        "PRÉSENTATRICE : Qui est derrière cette attaque ?\n\n"
        "CORRESPONDANT : Le JNIM a revendiqué dimanche, en disant avoir visé des miliciens."
    )
    [mention] = run(extractor, text, "fr", published="2024-08-26").mentions
    assert mention.actor1.startswith("JNIM")


def test_a_road_and_a_point_on_it_near_one_town_are_one_site(extractor: Extractor) -> None:
    # The lead counts the digest's items; the road and the point west of Téra are one place.
    text = (
        "Two incidents were recorded this week in the Tillabéri region.\n"
        "1) Monday 10 Oct — Téra department. A gendarmerie vehicle struck an IED on the "
        "Téra–Dori road, about eight kilometres west of Téra. One gendarme was killed.\n"
        "2) Friday 14 Oct — Say department. Gunmen killed two civilians at the market in Tamou."
    )
    found = run(extractor, text, "en", published="2022-10-17").mentions
    assert sorted((m.event_date.day, m.location, m.fatalities) for m in found) == [
        (10, "Téra", 1), (14, "Tamou", 2)]  # fmt: skip


def test_a_crowd_s_blockade_is_a_protest(extractor: Extractor) -> None:
    text = "Hundreds of demonstrators kept up a blockade of a French military convoy in Kaya on Saturday."
    [mention] = run(extractor, text, "en", published="2021-11-21").mentions
    assert mention.sub_event_type is S.PEACEFUL_PROTEST
    dispersed = text + " French soldiers fired tear gas to disperse the crowd."
    [mention] = run(extractor, dispersed, "en", published="2021-11-21").mentions
    assert mention.sub_event_type is S.PROTEST_WITH_INTERVENTION


def test_a_press_review_s_place_headings_place_the_items_below_them(extractor: Extractor) -> None:
    # A review heads each item with its town ("Ouagadougou.") and tells the item without it;
    # a crowd that "gathered" ("se sont rassemblées") is a demonstration.
    text = (
        "Revue de la semaine. Route de Kaya. Lundi, un minibus a sauté sur un engin explosif à "
        "une vingtaine de kilomètres de Pissila, sur l'axe menant à Dori. Six passagers ont été "
        "tués. Ouagadougou. Samedi, plusieurs centaines de femmes se sont rassemblées dans le "
        "calme sur la place de la Révolution. Les manifestantes demandaient le retour de leurs "
        "maris enlevés."
    )
    found = run(extractor, text, "fr", published="2022-03-15").mentions
    assert sorted((m.event_date.day, m.sub_event_type, m.location) for m in found) == [
        (12, S.PEACEFUL_PROTEST, "Ouagadougou"), (14, S.REMOTE_EXPLOSIVE_LANDMINE_IED, "Pissila")]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text", "published", "sub", "crowd"),
    [
        (
            "fr",
            "Mardi, à Ségou, plusieurs centaines de femmes et de jeunes ont barricadé la route "
            "nationale et brûlé des pneus pour dénoncer les coupures d'électricité.",
            "2022-05-12",
            S.VIOLENT_DEMONSTRATION,
            "Rioters (Mali)",
        ),
        (
            "en",
            "Several thousand people rallied peacefully in Niamey on Sunday to back the transition.",
            "2023-08-07",
            S.PEACEFUL_PROTEST,
            "Protesters (Niger)",
        ),
    ],
)
def test_a_crowd_told_by_its_size_is_the_demonstration_s_crowd(
    extractor: Extractor, lang: str, text: str, published: str, sub: S, crowd: str
) -> None:
    [mention] = run(extractor, text, lang, published=published).mentions
    assert (mention.sub_event_type, mention.actor1) == (sub, crowd)
    assert any(e.field == "actor1" and e.quote[:1].lower() in "ps" for e in mention.evidence)
    # ... but the size of a crowd is no crowd for a trigger that tells no demonstration
    assert not run(extractor, "Des milliers de personnes ont fui Djibo mardi.", "fr").mentions


def test_a_riot_s_crowd_may_be_told_as_a_group_of_people(extractor: Extractor) -> None:
    # Barricades and burnt tyres are a crowd's acts, whoever else the passage names ...
    text = (
        "Vendredi, des hommes armés ont tué douze commerçants près de Sévaré. Samedi, des jeunes "
        "de Mopti ont érigé des barricades et brûlé des pneus pour exiger plus de sécurité, "
        "avant d'être dispersés. La région est en proie aux violences des groupes jihadistes."
    )
    found = run(extractor, text, "fr", published="2021-12-05").mentions
    assert (S.VIOLENT_DEMONSTRATION, "Rioters (Mali)", 4) in {
        (m.sub_event_type, m.actor1, m.event_date.day) for m in found}  # fmt: skip
    # ... and stones thrown at a building are a riot's too
    stones = ("A Bobo-Dioulasso, des manifestants ont lancé des pierres sur l'Institut français "
              "samedi.")  # fmt: skip
    [mention] = run(extractor, stones, "fr", published="2022-10-02").mentions
    assert (mention.sub_event_type, mention.location) == (S.VIOLENT_DEMONSTRATION, "Bobo-Dioulasso")
    # a protest word beside a group of people is no protest on that alone
    passing = "Des manifestations ont été signalées à Kaya, où des jeunes ont exigé sa démission."
    assert not run(extractor, passing, "fr", published="2021-11-16").mentions


def test_a_town_a_road_led_to_is_a_fallback_not_the_place(extractor: Extractor) -> None:
    text = (
        "Mercredi, un car a sauté sur un engin explosif à une trentaine de kilomètres de Dori, "
        "sur l'axe menant à Kaya. Une dizaine de passagers ont été tués."
    )
    [mention] = run(extractor, text, "fr", published="2023-11-24").mentions
    assert mention.location == "Dori"
    # ... and the place when the telling names no other
    alone = "Lundi, un car allant à Djibo a sauté sur une mine, tuant six passagers."
    [mention] = run(extractor, alone, "fr", published="2023-11-24").mentions
    assert mention.location == "Djibo"


def test_a_town_people_fled_to_does_not_place_the_next_telling(extractor: Extractor) -> None:
    text = (
        "Au moins 30 civils ont été tués lundi à Arbinda par des hommes armés. "
        "Des centaines d'habitants ont fui vers Djibo, le chef-lieu de la province du Soum. "
        "Mercredi, la même localité avait été le théâtre d'une attaque contre la gendarmerie, "
        "au cours de laquelle cinq gendarmes avaient été tués."
    )
    mentions = run(extractor, text, "fr", published="2023-11-24").mentions
    assert {m.location for m in mentions} == {"Arbinda"}


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("fr", "Un bateau a été pris pour cible mardi à hauteur de Bourem, dans la région de Gao. "
               "Selon la compagnie, trois roquettes ont atteint le navire, qui assurait la liaison "
               "entre Gao et Mopti avec des centaines de passagers à bord.", "Bourem"),
        ("en", "A bus was hit by rockets near Boni on Tuesday. The shells struck the bus, which "
               "was travelling between Gao and Mopti with dozens of passengers on board.", "Boni"),
    ],
)  # fmt: skip
def test_shells_that_hit_people_named_are_an_event_where_they_hit_not_on_the_line_plied(
    extractor: Extractor, lang: str, text: str, place: str
) -> None:
    [mention] = run(extractor, text, lang, published="2023-09-07").mentions
    assert mention.sub_event_type is S.SHELLING_ARTILLERY_MISSILE_ATTACK
    assert mention.location == place


def test_the_same_day_in_another_town_is_another_event_on_that_day(extractor: Extractor) -> None:
    text = (
        "Le calme est revenu lundi à Ouagadougou. Samedi, des centaines de manifestants se sont "
        "rassemblés devant l'ambassade de France et ont jeté des pierres sur le bâtiment. "
        "Le même jour, à Bobo-Dioulasso, des jeunes ont incendié l'entrée de l'Institut "
        "français. Dimanche, le chef de la junte a démissionné."
    )
    mentions = run(extractor, text, "fr", published="2022-10-03").mentions
    assert sorted((m.location, m.event_date.isoformat()) for m in mentions) == [
        ("Bobo-Dioulasso", "2022-10-01"), ("Ouagadougou", "2022-10-01")]  # fmt: skip


def test_a_point_measured_from_a_town_beats_a_town_named_around_the_passage(
    extractor: Extractor,
) -> None:
    text = (
        "Un humanitaire allemand a été enlevé mercredi par des hommes armés à une trentaine de "
        "kilomètres d'Ayorou. Ses collègues ont été relâchés. Berlin a confirmé l'enlèvement. "
        "Un Américain avait été enlevé à Abalak en octobre 2016."
    )
    [mention] = run(extractor, text, "fr", published="2018-04-12").mentions
    assert mention.location == "Ayorou"


def test_the_capital_of_the_country_named_with_it(extractor: Extractor) -> None:
    # The report is mostly about Mali; "Burkina Faso's capital" is still Ouagadougou.
    text = (
        "Gunmen attacked a hotel in Burkina Faso's capital on Friday night, killing 29 people, "
        "after French special forces flown in from Mali had been put on alert. Mali and its "
        "army were not involved, Mali's government said."
    )
    [mention] = run(extractor, text, "en", published="2016-01-17").mentions
    assert mention.location == "Ouagadougou"


def test_a_town_retaken_the_day_after_the_attack_is_an_event_of_its_own(
    extractor: Extractor,
) -> None:
    text = (
        "Eighteen soldiers were killed when Boko Haram fighters attacked the town of Bosso on "
        "Friday, the defence ministry said. Residents said the militants held part of the town "
        "overnight. The army said it retook positions around Bosso on Saturday after "
        "reinforcements arrived."
    )
    mentions = run(extractor, text, "en", published="2016-06-06").mentions
    assert sorted((m.event_date.isoformat(), m.sub_event_type) for m in mentions) == [
        ("2016-06-03", S.ARMED_CLASH), ("2016-06-04", S.GOVERNMENT_REGAINS_TERRITORY)]  # fmt: skip


def test_violence_that_resumed_on_another_day_is_that_days_event(extractor: Extractor) -> None:
    text = (
        "One person was killed on Monday in Niamey when opposition supporters burned tyres, "
        "set up barricades and stoned police officers after the results were announced. The "
        "violence resumed on Tuesday, when rioters looted shops and set fire to a petrol "
        "station in Niamey."
    )
    mentions = run(extractor, text, "en", published="2021-02-25").mentions
    assert sorted((m.event_date.isoformat(), m.event_type) for m in mentions) == [
        ("2021-02-22", EventType.RIOTS), ("2021-02-23", EventType.RIOTS)]  # fmt: skip


def test_fresh_clashes_told_without_parties_are_between_those_of_the_first(
    extractor: Extractor,
) -> None:
    text = (
        "Vendredi 3 juin, des combattants de Boko Haram ont attaqué la position militaire de "
        "Bosso, tuant 24 soldats nigériens. Les déplacés affluent vers Toumour. Le 5 juin, de "
        "nouveaux accrochages ont été signalés aux abords de Bosso, sans bilan."
    )
    mentions = run(extractor, text, "fr", published="2016-06-08").mentions
    fresh = next(m for m in mentions if m.event_date.isoformat() == "2016-06-05")
    assert fresh.sub_event_type is S.ARMED_CLASH
    assert fresh.actor1.startswith("Boko Haram")
    assert fresh.actor2.startswith("Military Forces of Niger")
    assert any(e.field == "actor1" and "Boko Haram" in e.quote for e in fresh.evidence)


def test_cattle_taken_two_days_later_at_a_far_town_is_a_raid_of_its_own(
    extractor: Extractor,
) -> None:
    text = (
        "On 7 February, a bus carrying passengers struck an explosive device south of "
        "Barsalogho, killing four civilians. On 9 February, armed men took away some 400 head "
        "of cattle from herders about 10 km from Dori; no one was hurt."
    )
    mentions = run(extractor, text, "en", published="2023-02-17").mentions
    assert sorted((m.event_date.isoformat(), m.location) for m in mentions) == [
        ("2023-02-07", "Barsalogho"), ("2023-02-09", "Dori")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Gunmen killed 12 villagers on Friday about 15 km from Sebba, in Solhan.", "en"),
        ("Des hommes armés ont tué vendredi douze villageois à une quinzaine de kilomètres de "
         "Sebba, à Solhan.", "fr"),
    ],
)  # fmt: skip
def test_a_distance_from_a_town_situates_the_village_named_with_it_that_lies_that_far(
    extractor: Extractor, text: str, lang: str
) -> None:
    [mention] = run(extractor, text, lang, published="2021-06-06").mentions
    assert mention.location == "Solhan"


def test_the_province_told_first_and_the_spot_in_it_told_later_that_day_are_one_event(
    extractor: Extractor,
) -> None:
    text = (
        "Le gouvernement a revu lundi le bilan de l'attaque perpétrée dimanche contre un "
        "détachement de gendarmerie dans la province du Soum : trente soldats ont été tués. Des "
        "individus armés ont pris d'assaut le poste dimanche à l'aube, à une soixantaine de "
        "kilomètres de Djibo. Des dizaines d'assaillants auraient été tués."
    )
    [mention] = run(extractor, text, "fr", published="2021-11-16").mentions
    assert (
        mention.sub_event_type is S.ARMED_CLASH and mention.event_date.isoformat() == "2021-11-14"
    )


@pytest.mark.parametrize(
    ("text", "lang", "killed"),
    [
        ("Deux hommes armés ont ouvert le feu samedi soir sur les clients d'un maquis de Koudougou, "
         "tuant onze personnes. Les deux assaillants ont été abattus dimanche matin par les "
         "gendarmes après une nuit de siège.", "fr", 13),
        ("Two gunmen opened fire on Saturday evening on the customers of a bar in Koudougou, "
         "killing eleven people. The two attackers were shot dead by gendarmes on Sunday "
         "morning after a night-long siege.", "en", 13),
    ],
)  # fmt: skip
def test_attackers_killed_ending_an_attack_are_its_dead_not_a_battle_of_their_own(
    extractor: Extractor, text: str, lang: str, killed: int
) -> None:
    [mention] = run(extractor, text, lang, published="2023-03-06").mentions
    assert mention.fatalities == killed
    assert mention.fatalities_by_side.get("attackers") == 2


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The fighting began on Thursday, when an army column clashed with separatist fighters "
         "near Boni. After a lull, the fiercest combat took place on Saturday, as the column "
         "tried to pull back.", "en"),
        ("Les combats ont commencé jeudi, lorsqu'une colonne de l'armée a affronté des "
         "combattants séparatistes près de Boni. Après une accalmie, les affrontements les plus "
         "violents ont eu lieu samedi, pendant le repli de la colonne.", "fr"),
    ],
)  # fmt: skip
def test_a_battle_that_began_on_one_day_and_went_on_to_another_is_coded_each_day(
    extractor: Extractor, text: str, lang: str
) -> None:
    mentions = run(extractor, text, lang, published="2024-07-29").mentions
    assert sorted((m.event_date.isoformat(), m.location, m.sub_event_type) for m in mentions) == [
        ("2024-07-25", "Boni", S.ARMED_CLASH), ("2024-07-27", "Boni", S.ARMED_CLASH)]  # fmt: skip


def test_the_capital_told_before_a_passage_places_it_before_a_town_told_after_it(
    extractor: Extractor,
) -> None:
    text = (
        "Gunmen attacked a hotel in Burkina Faso's capital on Friday night, killing 20 people. "
        "On Saturday, special forces ended a siege of more than twelve hours at the hotel, "
        "fighting the attackers room by room; two soldiers and three attackers were killed. In "
        "the northern town of Djibo, gunmen abducted a doctor on Friday night."
    )
    mentions = run(extractor, text, "en", published="2016-01-17").mentions
    siege = next(m for m in mentions if m.sub_event_type is S.ARMED_CLASH)
    assert (siege.event_date.isoformat(), siege.location) == ("2016-01-16", "Ouagadougou")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Gunmen killed 30 civilians in the village of Boni on Saturday, the government said. On "
         "Monday of last week, gunmen opened fire on the market in Djibo, killing 20 people. The "
         "two attacks are among the deadliest this year.", "en"),
        ("Des hommes armés ont tué samedi 30 civils dans le village de Boni. Lundi de la semaine "
         "dernière, des hommes armés ont ouvert le feu sur le marché de Djibo, tuant 20 "
         "personnes. Les deux attaques n'ont pas été revendiquées.", "fr"),
    ],
)  # fmt: skip
def test_the_two_attacks_told_after_the_second_recounts_them_not_its_sites(
    extractor: Extractor, text: str, lang: str
) -> None:
    mentions = run(extractor, text, lang, published="2020-01-27").mentions
    assert sorted((m.location, m.event_date.isoformat(), m.fatalities) for m in mentions) == [
        ("Boni", "2020-01-25", 30), ("Djibo", "2020-01-20", 20)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Gunmen have attacked Catholic worshippers twice in two days in northern Burkina Faso, "
         "killing ten people, officials said. On Sunday, armed men burst into a church in Djibo "
         "during mass and shot dead six worshippers. On Monday, gunmen stopped a procession "
         "near Kaya and killed four of the faithful.", "en"),
        ("Des hommes armés ont attaqué à deux reprises des fidèles catholiques dans le nord du "
         "Burkina Faso, tuant dix personnes. Dimanche, des hommes armés ont fait irruption dans "
         "l'église de Djibo pendant la messe et ont abattu six fidèles. Lundi, des hommes armés "
         "ont arrêté une procession près de Kaya et ont tué quatre fidèles.", "fr"),
    ],
)  # fmt: skip
def test_a_lead_of_no_day_counting_attacks_is_told_by_the_dated_passages_after_it(
    extractor: Extractor, text: str, lang: str
) -> None:
    mentions = run(extractor, text, lang, published="2019-05-15").mentions
    assert sorted((m.event_date.isoformat(), m.location, m.fatalities) for m in mentions) == [
        ("2019-05-12", "Djibo", 6), ("2019-05-13", "Kaya", 4)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Saturday at dawn, hundreds of fighters crossed the river to attack the town of Djibo. "
         "The fighting lasted several hours; ten soldiers were killed. On Monday, the militants "
         "targeted Kaya, where gunmen opened fire near the market. Troops pushed them back after "
         "an exchange of fire.", "en"),
        ("Samedi à l'aube, des centaines de combattants ont traversé le fleuve pour attaquer la "
         "ville de Djibo. Les combats ont duré plusieurs heures ; dix soldats ont été tués. Lundi, "
         "les islamistes ont visé Kaya, où des combattants ont ouvert le feu près du marché. "
         "L'armée les a repoussés après des échanges de tirs.", "fr"),
    ],
)  # fmt: skip
def test_fighters_who_came_to_attack_a_town_attacked_it(
    extractor: Extractor, text: str, lang: str
) -> None:
    mentions = run(extractor, text, lang, published="2019-05-14").mentions
    assert sorted((m.event_date.isoformat(), m.location) for m in mentions) == [
        ("2019-05-11", "Djibo"), ("2019-05-13", "Kaya")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, gunmen shot dead four worshippers during a procession in the village of "
         "Zorkoum, in Bam province, the day after an attack on a church in Dablo. On Sunday, about "
         "twenty gunmen had burst into the church in Dablo during mass. They set fire to the "
         "church and to shops.", "en"),
        ("Des hommes armés ont abattu lundi quatre fidèles lors d'une procession dans le village "
         "de Zorkoum, dans la province du Bam, au lendemain de l'attaque d'une église à Dablo. "
         "Dimanche, une vingtaine d'hommes armés avaient fait irruption dans l'église de Dablo "
         "pendant la messe. Ils ont incendié l'église et des boutiques.", "fr"),
    ],
)  # fmt: skip
def test_the_place_of_an_attack_set_beside_the_news_in_time_is_that_attack_s(
    extractor: Extractor, text: str, lang: str
) -> None:
    # Zorkoum is in no gazetteer: the news is placed in its province, not at Dablo, and the
    # gunmen who burst into Dablo's church the day before are an attack of their own.
    mentions = run(extractor, text, lang, published="2019-05-15").mentions
    assert sorted((m.event_date.isoformat(), m.location) for m in mentions) == [
        ("2019-05-12", "Dablo"), ("2019-05-13", "Bam")]  # fmt: skip


def test_the_day_before_an_attack_dates_a_telling_that_keeps_its_own_place(
    extractor: Extractor,
) -> None:
    text = (
        "Vingt soldats ont été tués mercredi dans une embuscade près de Teguey. Mardi, la veille "
        "de l'embuscade, un véhicule civil avait sauté sur une mine sur la route de Téra, faisant "
        "trois morts."
    )
    mentions = run(extractor, text, "fr", published="2024-03-22").mentions
    mine = next(m for m in mentions if m.sub_event_type is S.REMOTE_EXPLOSIVE_LANDMINE_IED)
    assert (mine.event_date.isoformat(), mine.location) == ("2024-03-19", "Téra")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Twelve soldiers were killed on Tuesday when militants attacked the army camp at Ansongo. "
         "The army said the assault on the camp came a few hours after rockets hit a passenger "
         "boat near Bourem, killing 30 civilians. JNIM said in a claim posted online that it had "
         "carried out both attacks.", "en"),
        ("Douze soldats ont été tués mardi lorsque des jihadistes ont attaqué le camp militaire "
         "d'Ansongo. Selon l'armée, l'assaut contre le camp est survenu quelques heures après le "
         "tir de roquettes contre un bateau de passagers près de Bourem, qui a fait 30 morts "
         "parmi les civils. Le JNIM a revendiqué les deux attaques.", "fr"),
    ],
)  # fmt: skip
def test_an_attack_set_a_few_hours_before_the_news_is_told_and_a_claim_of_both_covers_it(
    extractor: Extractor, text: str, lang: str
) -> None:
    mentions = run(extractor, text, lang, published="2023-09-08").mentions
    jnim = "JNIM: Group for Support of Islam and Muslims"
    told = sorted(
        (m.location, m.event_date.isoformat(), m.sub_event_type, m.actor1, m.fatalities)
        for m in mentions
    )
    assert told == [
        ("Ansongo", "2023-09-05", S.ARMED_CLASH, jnim, 12),
        ("Bourem", "2023-09-05", S.SHELLING_ARTILLERY_MISSILE_ATTACK, jnim, 30),
    ]


def test_fighters_who_entered_a_camp_some_hours_after_its_garrison_left_took_it_over(
    extractor: Extractor,
) -> None:
    # "quelques heures plus tard" is when they came, not how long they held it; the town the
    # convoy left is where it happened.
    text = (
        "Le dernier convoi de la Minusma a quitté Tessalit mardi, et les combattants du CSP sont "
        "entrés dans le camp quelques heures plus tard. Aucun coup de feu n'a été signalé."
    )
    [m] = run(extractor, text, "fr", published="2023-10-18").mentions
    assert (m.event_date.isoformat(), m.sub_event_type, m.location) == (
        "2023-10-17", S.NON_VIOLENT_TRANSFER_OF_TERRITORY, "Tessalit")  # fmt: skip


def test_a_later_telling_that_names_the_group_names_the_attackers_of_the_first(
    extractor: Extractor,
) -> None:
    # "gunmen attacked the town", then "some 3,000 JNIM fighters converged on it": one event,
    # whose attackers the later telling names
    [first] = run(extractor, "Gunmen attacked the army base in Djibo on Sunday, killing 12 "
                             "soldiers.", "en").mentions  # fmt: skip
    [later] = run(extractor, "JNIM fighters attacked the army base in Djibo on Sunday.",
                  "en").mentions  # fmt: skip
    assert first.actor1.startswith("Unidentified")
    jnim = "JNIM: Group for Support of Islam and Muslims"
    assert later.actor1 == jnim
    both = merged(first, later)
    assert (both.actor1, both.actor2, both.fatalities) == (jnim, first.actor2, 12)
    assert [e.quote for e in both.evidence if e.field == "actor1"] == ["JNIM"]
    # a named group told first is kept
    assert merged(later, first).actor1 == jnim


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("OUAGADOUGOU — Our weekly review of security incidents. Three attacks in under three "
         "weeks have struck Christians in the north of the country.\n\n"
         "Djibo, Soum province, Sunday 28 April: Gunmen arrived at a church as the service was "
         "ending. They shot dead six people.\n\n"
         "Dablo, Sanmatenga province, Sunday 12 May: Armed men burst into the church during "
         "mass, killing six people.\n\n"
         "Kaya, Sanmatenga province, Monday 13 May: Armed men stopped a procession and opened "
         "fire, killing four of the faithful.", "en"),
        ("OUAGADOUGOU — Notre revue hebdomadaire des incidents. Trois attaques en moins de "
         "trois semaines ont visé des chrétiens dans le nord du pays.\n\n"
         "Djibo, province du Soum, dimanche 28 avril : des hommes armés sont arrivés à l'église "
         "à la fin du culte. Ils ont abattu six personnes.\n\n"
         "Dablo, province du Sanmatenga, dimanche 12 mai : des hommes armés ont fait irruption "
         "dans l'église pendant la messe, tuant six personnes.\n\n"
         "Kaya, province du Sanmatenga, lundi 13 mai : des hommes armés ont arrêté une "
         "procession et ont ouvert le feu, tuant quatre fidèles.", "fr"),
    ],
)  # fmt: skip
def test_a_digest_s_items_led_in_by_place_and_day_are_the_attacks_its_lead_counts(
    text: str, lang: str, extractor: Extractor
) -> None:
    # the lead gives no day: the attacks it counts may lie weeks before the report, and the
    # north of the country is none of their places
    mentions = run(extractor, text, lang, published="2019-05-16").mentions
    assert sorted((m.event_date.isoformat(), m.location, m.fatalities) for m in mentions) == [
        ("2019-04-28", "Djibo", 6), ("2019-05-12", "Dablo", 6), ("2019-05-13", "Kaya", 4)]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Les Forces armées maliennes (FAMa) ont pris mardi le contrôle de Kidal, a annoncé "
        "l'état-major.",
        "Mardi, les Forces armées maliennes se sont emparées de Kidal, selon l'état-major.",
    ],
)
def test_the_army_that_took_control_of_a_town_on_a_day_regained_it(
    extractor: Extractor, text: str
) -> None:
    [m] = run(extractor, text, "fr", published="2023-11-15").mentions
    assert (m.sub_event_type, m.actor1, m.location, m.event_date.isoformat()) == (
        S.GOVERNMENT_REGAINS_TERRITORY, "Military Forces of Mali (2021-)", "Kidal", "2023-11-14")  # fmt: skip
    assert m.actor2 != m.actor1


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Plusieurs milliers de personnes ont manifesté samedi dans le centre de la capitale "
               "pour soutenir les autorités burkinabè de la transition. Le cortège s'est dispersé "
               "dans le calme. Les organisateurs promettent d'autres marches, notamment à "
               "Bobo-Dioulasso."),
        ("en", "Thousands of people marched through the capital on Saturday in support of Burkinabe "
               "transition leaders. The march ended peacefully. Organisers promised further rallies "
               "in Bobo-Dioulasso next week."),
    ],
)  # fmt: skip
def test_the_capital_of_the_people_named_not_the_town_of_a_rally_yet_to_come(
    extractor: Extractor, lang: str, text: str
) -> None:
    # The country is named only by its people; the other town is where a march is promised.
    [mention] = run(extractor, text, lang, published="2023-02-05").mentions
    assert mention.location == "Ouagadougou"


def test_a_report_that_names_only_its_capital_puts_the_capital_there(
    extractor: Extractor,
) -> None:
    # "Mali" is named once, for an older operation; the report is filed from Ouagadougou.
    text = (
        "OUAGADOUGOU, 4 mars - Six gendarmes ont été blessés vendredi lorsque des hommes armés ont "
        "ouvert le feu sur le siège de la radio nationale, dans le centre de la capitale. Le JNIM "
        "a revendiqué l'attaque, disant venger ses combattants tués dans le nord du Mali."
    )
    [mention] = run(extractor, text, "fr", published="2018-03-04").mentions
    assert mention.location == "Ouagadougou"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Vendredi, la ville de Boni a vécu une journée de terreur. Des hommes armés y ont "
               "ouvert le feu sur une patrouille, tuant trois soldats. Le JNIM a revendiqué "
               "l'attaque samedi."),
        ("en", "Friday was a day of terror for the town of Boni. Gunmen opened fire on a patrol "
               "there, killing three soldiers. JNIM claimed the attack on Saturday."),
    ],
)  # fmt: skip
def test_the_day_a_group_claims_an_attack_is_not_the_day_of_the_attack(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2018-03-04").mentions
    assert mention.event_date.isoformat() == "2018-03-02"


def test_an_attack_on_an_embassy_is_an_attack_not_diplomacy(extractor: Extractor) -> None:
    text = (
        "Quatre gendarmes et deux assaillants ont été tués vendredi lors de l'attaque d'une "
        "ambassade à Ouagadougou. Le GSIM a revendiqué l'attaque samedi."
    )
    [mention] = run(extractor, text, "fr", published="2018-03-04").mentions
    assert (mention.sub_event_type, mention.event_date.isoformat()) == (
        S.ARMED_CLASH, "2018-03-02")  # fmt: skip
    assert mention.fatalities == 6


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "En trois jours, deux villes du nord sont passées aux mains des rebelles. Vendredi, "
               "Kidal est tombée aux mains des combattants d'Ansar Dine après des échanges de tirs. "
               "Samedi, c'était au tour de Gao. Les rebelles du MNLA sont entrés dans la ville après "
               "des combats contre les soldats ; trois militaires ont été tués. Dimanche, les "
               "soldats maliens ont quitté Tombouctou sans combattre."),
        ("en", "Two northern towns fell to the rebels in three days. On Friday, Kidal fell to Ansar "
               "Dine fighters after exchanges of fire. On Saturday it was the turn of Gao. MNLA "
               "rebels entered the town after fighting the soldiers who stayed; three soldiers were "
               "killed."),
    ],
)  # fmt: skip
def test_the_next_towns_turn_opens_its_own_event_there_on_its_day(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang, published="2012-04-02").mentions
    assert sorted((m.event_date.isoformat(), m.location, m.fatalities) for m in mentions) == [
        ("2012-03-30", "Kidal", 0), ("2012-03-31", "Gao", 3)]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen killed twelve villagers near Boni on Saturday, officials said. Residents fled "
               "towards Douentza. The governor, who travelled to Hombori on Sunday, condemned what "
               "he called a barbaric attack by terrorists."),
        ("fr", "Des hommes armés ont tué samedi douze villageois près de Boni. Les habitants ont "
               "fui vers Douentza. Le gouverneur, qui s'est rendu dimanche à Hombori, a condamné "
               "l'attaque menée par des terroristes."),
    ],
)  # fmt: skip
def test_an_attack_condemned_later_is_the_attack_told_whatever_day_the_sentence_names(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2021-01-04").mentions
    assert (mention.location, mention.event_date) == ("Boni", dt.date(2021, 1, 2))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Jihadists attacked the army camp in Boni before dawn on Monday, killing 12 soldiers. "
               "The same morning a second group attacked the army post in Hombori, wounding three "
               "soldiers. JNIM said in a message on Wednesday that its fighters carried out both "
               "attacks."),
        ("fr", "Des jihadistes ont attaqué lundi avant l'aube le camp militaire de Boni, tuant "
               "douze soldats. Le même matin, un second groupe a attaqué le poste de l'armée à "
               "Hombori, blessant trois soldats. Le JNIM a revendiqué les deux attaques dans un "
               "message mercredi."),
    ],
)  # fmt: skip
def test_the_same_morning_is_the_day_told_and_a_claim_s_day_is_the_message_s(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang, published="2019-10-03").mentions
    assert {(m.location, m.event_date) for m in mentions} == {
        ("Boni", dt.date(2019, 9, 30)), ("Hombori", dt.date(2019, 9, 30))}  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen attacked Arbinda on Sunday, killing four residents. Members of the "
               "Koglweogo then went after Fulani households in the town, accusing them of "
               "complicity with the attackers; 20 people were killed."),
        ("fr", "Des hommes armés ont attaqué Arbinda dimanche, tuant quatre habitants. Des "
               "membres des Koglweogo ont ensuite mené des représailles contre des familles "
               "peules de la ville ; vingt personnes ont été tuées."),
    ],
)  # fmt: skip
def test_a_militia_s_reprisals_after_an_attack_are_an_event_of_their_own(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang, published="2019-01-08").mentions
    assert sorted((m.actor1, m.location, m.fatalities) for m in mentions) == [
        ("Koglweogo Militia", "Arbinda", 20),
        ("Unidentified Armed Group (Burkina Faso)", "Arbinda", 4)]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Koglweogo members killed 20 people in Arbinda on Sunday in reprisal for an attack "
               "on the town. The Koglweogo accused the victims of complicity with the attackers."),
        ("en", "Gunmen killed 20 people in Arbinda on Sunday. The army said the attack was in "
               "retaliation for its operations in the area."),
        ("fr", "Des Koglweogo ont tué dimanche vingt personnes à Arbinda en représailles à une "
               "attaque. Les Koglweogo accusent les victimes de complicité avec les assaillants."),
    ],
)  # fmt: skip
def test_reprisals_told_again_or_an_attack_called_retaliation_is_one_event(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2019-01-08").mentions
    assert (mention.location, mention.fatalities) == ("Arbinda", 20)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "DORI - Le gouvernement a porté mardi à 40 le nombre de civils tués lors de "
               "l'attaque de Seytenga. Les assaillants sont arrivés samedi en fin de journée et "
               "ont ouvert le feu sur les habitants, raconte un commerçant réfugié à Dori."),
        ("en", "DORI - Gunmen arrived in Seytenga late on Saturday and opened fire on residents, "
               "killing 40 civilians, according to a trader who took refuge in Dori."),
    ],
)  # fmt: skip
def test_a_toll_raised_on_a_day_is_the_report_s_and_a_witness_s_refuge_is_not_the_place(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2022-06-15").mentions
    assert (mention.location, mention.event_date, mention.fatalities) == (
        "Seytenga", dt.date(2022, 6, 11), 40)  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Security digest\n\nTwo car bombings in three days hit the army and a French "
               "patrol in Mali, both claimed by JNIM.\n\nSevare, Friday. A car bomb exploded at "
               "the entrance of the army camp, killing two soldiers.\n\nGao, Sunday. A car bomb "
               "exploded next to a French patrol, killing four civilians."),
        ("fr", "Bulletin de sécurité\n\nDeux attentats à la voiture piégée en trois jours ont "
               "visé l'armée et une patrouille française au Mali, revendiqués par le JNIM.\n\n"
               "Sévaré, vendredi. Une voiture piégée a explosé à l'entrée du camp de l'armée, "
               "tuant deux soldats.\n\nGao, dimanche. Une voiture piégée a explosé près d'une "
               "patrouille française, tuant quatre civils."),
    ],
)  # fmt: skip
def test_a_digest_s_place_and_day_headings_place_its_items_and_fill_the_lead_s_count(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang, published="2018-07-02").mentions
    assert sorted((m.location, m.event_date, m.fatalities) for m in mentions) == [
        ("Gao", dt.date(2018, 7, 1), 4), ("Sévaré", dt.date(2018, 6, 29), 2)]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le bilan de l'attaque contre le poste de gendarmerie de Djibo s'élève à 53 morts, a "
               "annoncé le gouvernement mercredi soir. L'attaque a eu lieu dimanche à l'aube. Des "
               "centaines d'hommes armés ont pris d'assaut le poste. Les premiers bilans faisaient "
               "état de 32 morts."),
        ("en", "The toll from the attack on the gendarmerie post in Djibo has risen to 53, said "
               "the government on Wednesday evening. The attack took place at dawn on Sunday. "
               "Hundreds of gunmen stormed the post. Earlier figures had given 32 dead."),
    ],
)  # fmt: skip
def test_a_day_after_a_verb_of_saying_and_its_subject_is_the_report_s(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2021-11-18").mentions
    assert (mention.event_date, mention.fatalities) == (dt.date(2021, 11, 14), 53)


def test_a_killing_a_few_hours_earlier_is_told_not_recalled_and_a_group_denying_is_no_side(
    extractor: Extractor,
) -> None:
    text = (
        "OUAGADOUGOU - Gunmen killed 40 people in the village of Solhan early on Saturday, the "
        "government said. The same Friday evening, a few hours earlier, gunmen had killed 14 "
        "people in Djibo, security sources said. On Sunday, JNIM issued a statement denying any "
        "involvement in Solhan."
    )
    mentions = run(extractor, text, "en", published="2021-06-06").mentions
    assert sorted((m.location, m.event_date, m.fatalities, m.actor1) for m in mentions) == [
        ("Djibo", dt.date(2021, 6, 4), 14, "Unidentified Armed Group (Burkina Faso)"),
        ("Solhan", dt.date(2021, 6, 5), 40, "Unidentified Armed Group (Burkina Faso)")]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "OUAGADOUGOU - The number of people killed when gunmen raided the village of Solhan "
               "has risen to 132, the government said on Sunday, making it the deadliest attack "
               "since the insurgency began in 2015. The attackers arrived at 2 a.m. on Saturday."),
        ("fr", "OUAGADOUGOU - Le nombre de morts de l'attaque d'hommes armés contre le village de "
               "Solhan s'élève à 132, a annoncé dimanche le gouvernement, ce qui en fait l'attaque "
               "la plus meurtrière depuis le début de l'insurrection en 2015. Les assaillants sont "
               "arrivés samedi vers 2 heures."),
    ],
)  # fmt: skip
def test_a_record_set_since_a_year_and_a_toll_told_as_the_number_killed_open_a_report(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2021-06-07").mentions
    assert (mention.location, mention.event_date, mention.fatalities) == (
        "Solhan", dt.date(2021, 6, 5), 132)  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Burkina Faso began a third day of national mourning on Monday after gunmen killed "
               "at least 160 people in the village of Solhan in the night from Friday to Saturday."),
        ("fr", "Le Burkina Faso a entamé lundi un deuil national après que des hommes armés ont tué "
               "au moins 160 personnes à Solhan dans la nuit de vendredi à samedi."),
    ],
)  # fmt: skip
def test_the_day_of_mourning_is_not_the_day_of_the_killing(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2021-06-07").mentions
    assert (mention.event_date, mention.fatalities) == (dt.date(2021, 6, 4), 160)


def test_a_narrative_in_the_present_moves_on_day_by_day(extractor: Extractor) -> None:
    text = (
        "NIAMEY - Récit d'une semaine. Mercredi 26 juillet, tôt le matin, des éléments de la "
        "garde présidentielle retiennent le chef de l'État dans sa résidence à Niamey. En fin de "
        "matinée, des centaines de partisans du président manifestent près du palais ; les "
        "militaires les dispersent par des tirs de sommation. Jeudi 27, des jeunes saccagent le "
        "siège du parti au pouvoir et incendient des véhicules."
    )
    told = {(m.sub_event_type.value, m.event_date)
            for m in run(extractor, text, "fr", published="2023-07-31").mentions}  # fmt: skip
    assert ("Arrests", dt.date(2023, 7, 26)) in told
    assert ("Violent demonstration", dt.date(2023, 7, 27)) in told


def test_a_dateline_further_on_opens_the_round_up_s_next_story(extractor: Extractor) -> None:
    text = (
        "Weekend round-up from our Sahel desk.\n\n"
        "NIAMEY, Niger - Three people were killed on Saturday in Niamey when police fired on "
        "protesters.\n\n"
        "OUAGADOUGOU, Burkina Faso - Police fired tear gas on Saturday to disperse several hundred "
        "people who gathered to demand the president's resignation."
    )
    mentions = run(extractor, text, "en", published="2021-11-28").mentions
    assert sorted(m.location for m in mentions) == ["Niamey", "Ouagadougou"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "OUAGADOUGOU, 1er novembre - Récit. Jeudi matin, des milliers de manifestants ont "
               "incendié une partie de l'Assemblée nationale et trois d'entre eux ont été tués. À "
               "Bobo-Dioulasso, des manifestants ont incendié jeudi la mairie."),
        ("en", "OUAGADOUGOU, Nov 1 - A look back. On Thursday morning, thousands of protesters set "
               "fire to part of the National Assembly and three of them were killed. In "
               "Bobo-Dioulasso, protesters set fire to the town hall on Thursday."),
    ],
)  # fmt: skip
def test_a_sentence_opening_on_another_town_than_the_dateline_s_opens_another_event(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang, published="2014-11-01").mentions
    assert sorted(m.location for m in mentions) == ["Bobo-Dioulasso", "Ouagadougou"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Soldiers executed about 80 villagers in Dinangourou over several days in early "
            "September, a rights group said on Tuesday. The operation began on Friday, September 6, "
            "when troops surrounded the village at dawn.",
        ),
        (
            "fr",
            "Des soldats ont exécuté environ 80 villageois à Dinangourou début septembre, selon une "
            "ONG. L'opération a commencé le vendredi 6 septembre, quand les militaires ont encerclé "
            "le village à l'aube.",
        ),
    ],
)
def test_a_month_told_first_gives_way_to_the_day_the_next_sentence_tells(
    extractor: Extractor, lang: str, text: str
) -> None:
    [m] = run(extractor, text, lang).mentions
    assert (m.event_date.isoformat(), m.time_precision) == ("2024-09-06", 1)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "On Monday, soldiers securing the Kaya-Dori road discovered an improvised explosive "
            "device buried near Pissila. Engineers neutralised the device without casualties.",
        ),
        (
            "fr",
            "Lundi, des soldats qui sécurisaient l'axe Kaya-Dori ont découvert un engin explosif "
            "improvisé enfoui près de Pissila. Les sapeurs ont neutralisé l'engin sans dommage.",
        ),
    ],
)
def test_an_improvised_device_found_and_neutralised_is_disrupted_weapons_use(
    extractor: Extractor, lang: str, text: str
) -> None:
    [m] = run(extractor, text, lang).mentions
    assert m.sub_event_type is S.DISRUPTED_WEAPONS_USE


def test_a_listed_village_known_only_far_from_the_province_named_is_a_site_at_the_province(
    extractor: Extractor,
) -> None:
    # The built-in gazetteer knows Nondin in Yatenga and only Komsilgas far from it.
    text = ("Des hommes armés ont attaqué dimanche les villages de Komsilga et Nodin, dans la "
            "province du Yatenga, tuant 30 civils.")  # fmt: skip
    mentions = run(extractor, text, "fr", "2024-02-27").mentions
    assert sorted(m.location for m in mentions) == ["Nondin", "Yatenga"]
    assert sum(m.fatalities for m in mentions) == 30
    assert {m.admin2 for m in mentions} == {"Yatenga"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The Malian army said on Saturday it had taken control of Anefis, held until then by "
            "the CSP rebels. The CSP confirmed it had withdrawn, but said army drone strikes on its "
            "positions around Anefis on Saturday had killed four of its fighters.",
        ),
        (
            "fr",
            "Les Forces armées maliennes ont annoncé samedi avoir pris le contrôle d'Anéfis, "
            "jusque-là tenue par le CSP. Le CSP a confirmé s'être retiré, tout en accusant l'armée "
            "d'avoir mené samedi des frappes de drone contre ses positions autour d'Anéfis, dans "
            "lesquelles quatre de ses combattants ont été tués.",
        ),
    ],
)
def test_a_deadly_strike_told_beside_ground_taken_is_an_event_of_its_own(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang, "2023-10-08").mentions
    assert sorted(m.sub_event_type.value for m in mentions) == [
        "Air/drone strike",
        "Government regains territory",
    ]
    strike = next(m for m in mentions if m.sub_event_type is S.AIR_DRONE_STRIKE)
    assert strike.fatalities == 4


@pytest.mark.parametrize(
    ("sentence", "trigger", "side"),
    [
        ("The town was retaken on Monday by the army.", "retaken", STATE),
        ("The army took control of Anefis, held until then by the rebels.", "took control", STATE),
        (
            "Les soldats ont pris le contrôle d'Anéfis, jusque-là tenue par les rebelles.",
            "pris le contrôle",
            STATE,
        ),
    ],
)
def test_the_agent_of_a_passive_after_a_comma_held_the_ground_and_did_not_take_it(
    sentence: str, trigger: str, side: str
) -> None:
    reader = TerritoryReader.build({
        "state_forces": ["army", "soldats"],
        "non_state_forces": ["rebels", "rebelles"],
        "agent_markers": ["by", "par"],
        "determiners": ["the", "les", "le", "la"],
    })  # fmt: skip
    at = sentence.index(trigger)
    assert reader.read(sentence, Span(at, at + len(trigger), trigger))[0] == side


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Malian troops on Friday retook control of Konna and drove out the Islamist armed "
            "groups. Eleven soldiers were killed in the fighting, an officer said.",
        ),
        (
            "fr",
            "Les soldats maliens ont repris vendredi le contrôle de Konna, tombée la veille aux "
            "mains des groupes islamistes armés. Onze soldats ont été tués dans les combats, "
            "selon un officier.",
        ),
    ],
)
def test_the_fighting_told_after_ground_retaken_is_the_retaking(
    extractor: Extractor, lang: str, text: str
) -> None:
    # ("armés" is armed, not "armes", weapons: the retaking is no weapons seizure)
    [m] = [m for m in run(extractor, text, lang, "2013-01-12").mentions if m.fatalities]
    assert (m.sub_event_type, m.fatalities) == (S.GOVERNMENT_REGAINS_TERRITORY, 11)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Dans la nuit de samedi à dimanche, des hommes armés ont attaqué le village de "
            "Barsalogho, tuant douze civils. En riposte, l'armée a lancé dimanche des opérations "
            "aéroterrestres dans la zone de Barsalogho, qui ont permis de neutraliser quarante "
            "terroristes.",
        ),
        (
            "en",
            "Gunmen attacked the village of Barsalogho overnight into Sunday, killing twelve "
            "civilians. In response, the army launched air and ground operations around "
            "Barsalogho on Sunday that neutralised forty terrorists.",
        ),
    ],
)
def test_an_operation_launched_after_an_attack_is_the_army_s_own_battle(
    extractor: Extractor, lang: str, text: str
) -> None:
    # Its only dead are the attackers, at the attack's place a day later; still not the attack.
    mentions = run(extractor, text, lang, "2024-02-27").mentions
    kinds = {m.sub_event_type: m for m in mentions}
    assert set(kinds) == {S.ATTACK, S.ARMED_CLASH}
    assert kinds[S.ATTACK].fatalities == 12
    battle = kinds[S.ARMED_CLASH]
    assert battle.fatalities == 40
    assert battle.actor1 == "Military Forces of Burkina Faso (2022-)"
