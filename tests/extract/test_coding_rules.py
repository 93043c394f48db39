"""Coding rules added in the second quality pass, each stated on sentences of our own.

The built-in gazetteer is used (no shared data needed), so places are the larger towns it knows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from conflictwatch.extract.actors import ActorFinder
from conflictwatch.extract.extractor import Extractor
from conflictwatch.extract.placing import situates
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.geocoder import Geocoder
from conflictwatch.knowledge import load_pack
from conflictwatch.model import Place
from conflictwatch.taxonomy import EventType, SubEventType

from .conftest import run

S = SubEventType


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Les attaques jihadistes menées mardi à Boni ont fait douze morts, mais les "
               "autorités n'ont toujours pas publié de bilan officiel."),
        ("en", "Jihadists killed twelve soldiers in an attack near Boni on Tuesday, one of the "
               "deadliest in the region in recent years, the army said."),
    ],
)  # fmt: skip
def test_a_cue_in_another_clause_does_not_govern_the_trigger(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang).mentions
    assert mention.location == "Boni"
    assert mention.event_date == dt.date(2024, 9, 17)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Des hommes armés ont tué dix civils mardi, selon des sources locales."),
        ("en", "Gunmen killed ten civilians on Tuesday, local sources said."),
    ],
)  # fmt: skip
def test_an_event_that_cannot_be_placed_is_not_coded(
    extractor: Extractor, lang: str, text: str
) -> None:
    assert run(extractor, text, lang).mentions == ()


def test_a_common_word_alias_names_the_actor_only_when_capitalised() -> None:
    finder = ActorFinder(load_pack("sahel"), "fr")
    assert finder.find("le point 1 de la plateforme politique du Front") == []
    found = finder.find("les groupes armés de la Plateforme ont repris Anéfis")
    assert any(m.quote.endswith("la Plateforme") for m in found)


def test_a_town_in_another_country_than_the_region_named_with_it_is_a_namesake(
    extractor: Extractor,
) -> None:
    text = "Des hommes armés ont tué dix civils lundi près de Djibo, dans la région de Tillabéri."
    [mention] = run(extractor, text, "fr").mentions
    assert mention.country == "Niger"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen killed ten villagers near Boni on Monday; survivors fled to the regional "
               "capital."),
        ("fr", "Des hommes armés ont tué dix villageois lundi près de Boni ; les survivants ont "
               "fui vers la capitale régionale."),
    ],
)  # fmt: skip
def test_a_regional_capital_is_not_the_capital(extractor: Extractor, lang: str, text: str) -> None:
    [mention] = run(extractor, text, lang).mentions
    assert mention.location == "Boni"


@pytest.mark.parametrize(
    ("lang", "text", "sub_type"),
    [
        # only civilians died, many of them: an attack on civilians, whatever the trigger said
        ("en", "Gunmen killed at least 40 people in a night of fighting in Boni on Tuesday, "
               "shooting residents in their homes.", S.ATTACK),
        # one bystander killed in a battle leaves it a battle
        ("en", "Jihadists and soldiers fought for hours in Boni on Tuesday; one civilian was "
               "killed.", S.ARMED_CLASH),
        # armed men burning homes, no crowd: destruction of property, not a riot
        ("en", "Armed men set fire to homes and granaries in Boni on Tuesday.",
         S.LOOTING_PROPERTY_DESTRUCTION),
        # a crowd setting fire is a riot
        ("en", "Angry protesters set fire to the town hall in Boni on Tuesday.",
         S.VIOLENT_DEMONSTRATION),
        # people killed in an attack that names one armed group and no forces were its victims
        ("fr", "Au moins vingt-huit personnes ont été tuées samedi dans l'attaque de Diffa, que "
               "le gouvernement attribue aux jihadistes de Boko Haram.", S.ATTACK),
        # ... but two armed groups fought each other
        ("fr", "Vingt personnes ont été tuées samedi dans l'attaque de Gao, où les jihadistes du "
               "MUJAO ont affronté les rebelles du MNLA.", S.ARMED_CLASH),
        # a toll of no stated side in a telling of two armed sides is the battle's, even with
        # civilians named
        ("fr", "Le convoi de véhicules civils, escorté par des VDP et des militaires, est tombé "
               "jeudi dans une embuscade près de Titao : le bilan s'établit à 41 morts.",
         S.ARMED_CLASH),
        # young men burning tyres while the police fire tear gas riot; they are no armed group
        ("en", "Groups of young men burned tyres, erected barricades and attacked shops in Gao on "
               "Tuesday, and police fired tear gas to disperse them.", S.VIOLENT_DEMONSTRATION),
    ],
)  # fmt: skip
def test_the_type_follows_who_was_hit_and_who_acted(
    extractor: Extractor, lang: str, text: str, sub_type: SubEventType
) -> None:
    [mention] = run(extractor, text, lang).mentions
    assert mention.sub_event_type is sub_type


JNIM = "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.parametrize(
    ("lang", "text", "actor1"),
    [
        ("fr", "Des hommes armés ont tué cinq soldats mardi près de Boni. Le JNIM a revendiqué "
               "l'attaque dans un communiqué.", JNIM),
        ("en", "Gunmen killed five soldiers near Boni on Tuesday. JNIM claimed responsibility "
               "for the attack.", JNIM),
        ("en", "Gunmen killed five soldiers near Boni on Tuesday. The al-Qaeda-linked JNIM "
               "claimed the attack.", JNIM),
        # ... or that the authorities name as its author, further on in the report
        ("en", "Gunmen killed five soldiers near Boni on Tuesday. The attackers fled on "
               "motorbikes towards the forest. The army sent reinforcements to the area on "
               "Wednesday. Security sources attributed the killings to JNIM, which is active in "
               "the area.", JNIM),
        ("en", "Gunmen killed five soldiers near Boni on Tuesday. No group has claimed "
               "responsibility; JNIM is active in the area.", "Unidentified Armed Group (Mali)"),
    ],
)  # fmt: skip
def test_the_group_that_claims_an_attack_is_its_actor1(
    extractor: Extractor, lang: str, text: str, actor1: str
) -> None:
    [mention] = run(extractor, text, lang).mentions
    assert mention.actor1 == actor1
    assert mention.actor2 == "Military Forces of Mali (2021-)"


def test_people_carried_off_in_a_massacre_are_part_of_the_attack(extractor: Extractor) -> None:
    text = (
        "Des hommes armés ont tué 40 civils dimanche dans le village de Boni. "
        "Plusieurs femmes ont été enlevées et emmenées vers la brousse."
    )
    [mention] = run(extractor, text, "fr", published="2022-06-21").mentions
    assert mention.sub_event_type is S.ATTACK
    assert mention.fatalities == 40


def test_the_gunmen_of_a_claimed_attack_are_the_claimant_not_the_side_attacked(
    extractor: Extractor,
) -> None:
    text = (
        "Un convoi de vivres a été attaqué lundi près de Djibo. Neuf militaires de l'escorte ont "
        "été tués. Selon des rescapés, des hommes armés ont ouvert le feu sur les camions. Le "
        "JNIM a revendiqué l'attaque."
    )
    [mention] = run(extractor, text, "fr", published="2022-09-27").mentions
    assert mention.actor1 == JNIM
    assert mention.actor2.startswith("Military Forces of Burkina Faso")


def _over(places: list[Place]) -> Extractor:
    """An extractor whose gazetteer holds only ``places``."""
    return Extractor(load_pack("sahel"), Geocoder(Gazetteer.from_places(places)))


def test_a_sound_alike_town_gives_way_to_a_place_named_as_written() -> None:
    places = [
        Place("inatess", "Inatess", 13.97, 3.20, "NE", admin1="Tahoua", feature_class="P",
              feature_code="PPL"),
        Place("tillaberi", "Tillabéri", 14.21, 1.45, "NE", admin1="Tillabéri",
              feature_class="P", feature_code="PPLA"),
    ]  # fmt: skip
    extractor = _over(places)
    text = "Jihadists killed 71 soldiers at Inates, near Tillabéri, on Tuesday."
    [mention] = run(extractor, text, "en").mentions
    assert mention.location == "Tillabéri"


def test_a_report_that_calls_the_capital_only_the_capital_places_its_quarter_there() -> None:
    def town(name: str, lat: float, lon: float, code: str = "PPL") -> Place:
        return Place(name.lower(), name, lat, lon, "ML", feature_class="P", feature_code=code)

    places = [
        town("Bamako", 12.64, -8.00, "PPLC"), town("Sikasso", 11.32, -5.67, "PPLA"),
        town("Ségou", 13.44, -6.26, "PPLA"), town("Faladié", 12.60, -7.96, "PPLX"),
        Place("faladie-2", "Faladié", 12.18, -7.31, "ML", feature_class="P", feature_code="PPL"),
    ]  # fmt: skip
    text = (
        "Mardi à l'aube, des hommes armés ont attaqué l'école de gendarmerie de Faladié, tuant "
        "une dizaine d'élèves. Des parents venus de Sikasso et de Ségou attendent des nouvelles. "
        "Les rescapés ont été regroupés dans un autre camp de la capitale."
    )
    [mention] = run(_over(places), text, "fr").mentions
    assert (mention.latitude, mention.longitude) == (12.60, -7.96)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le gouvernement a mardi annoncé que des hommes armés avaient tué dix civils "
               "dimanche près de Boni."),
        ("en", "The government on Tuesday revised to ten the toll of an attack by gunmen on "
               "civilians near Boni on Sunday."),
    ],
)  # fmt: skip
def test_the_day_before_a_reporting_verb_dates_the_report(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang).mentions
    assert mention.event_date == dt.date(2024, 9, 15)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen killed 20 people near Boni on Tuesday."),
        ("fr", "Des hommes armés ont tué vingt personnes mardi près de Boni."),
    ],
)
def test_violence_against_civilians_has_civilians_as_actor2(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang).mentions
    assert mention.sub_event_type is S.ATTACK
    assert (mention.actor2, mention.civilian_targeting) == ("Civilians (Mali)", True)


@pytest.mark.parametrize(
    ("lang", "text", "sub_type"),
    [
        ("en", "Thousands of protesters marched through Bamako on Sunday; some tried to storm "
               "the embassy, setting fire to its gate, before police dispersed them with tear "
               "gas.", S.VIOLENT_DEMONSTRATION),
        ("en", "Thousands of protesters marched through Bamako on Sunday before police dispersed "
               "them with tear gas.", S.PROTEST_WITH_INTERVENTION),
    ],
)  # fmt: skip
def test_a_protest_whose_crowd_uses_violence_is_a_riot(
    extractor: Extractor, lang: str, text: str, sub_type: SubEventType
) -> None:
    [mention] = run(extractor, text, lang).mentions
    assert mention.sub_event_type is sub_type
    assert mention.location == "Bamako"


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a second telling of the day's violence nearby, with no toll: the same event
        ("Jihadists killed eleven soldiers in Mopti on Monday, the army said. Gunmen attacked the "
         "supply convoy at Sévaré on Monday.", ["Mopti"]),
        # "also" announces another event
        ("Jihadists killed eleven soldiers in Mopti on Monday, the army said. Gunmen also "
         "attacked the supply convoy at Sévaré on Monday.", ["Mopti", "Sévaré"]),
    ],
)  # fmt: skip
def test_a_second_telling_of_the_same_days_violence_nearby_is_the_same_event(
    extractor: Extractor, text: str, places: list[str]
) -> None:
    assert [m.location for m in run(extractor, text, "en").mentions] == places


@pytest.mark.parametrize(
    ("text", "sub_type", "actor1", "actor2"),
    [
        ("Thousands of protesters marched through Bamako on Sunday against France.",
         S.PEACEFUL_PROTEST, "Protesters (Mali)", ""),
        ("Thousands of protesters marched through Bamako on Sunday before police dispersed "
         "them with tear gas.", S.PROTEST_WITH_INTERVENTION, "Protesters (Mali)",
         "Police Forces of Mali (2021-)"),
        ("Protesters set fire to the town hall in Bamako on Sunday and threw stones at police.",
         S.VIOLENT_DEMONSTRATION, "Rioters (Mali)", "Police Forces of Mali (2021-)"),
    ],
)  # fmt: skip
def test_the_crowd_is_a_side_of_a_demonstration(
    extractor: Extractor, text: str, sub_type: SubEventType, actor1: str, actor2: str
) -> None:
    [mention] = run(extractor, text, "en").mentions
    assert (mention.sub_event_type, mention.actor1, mention.actor2) == (sub_type, actor1, actor2)


def test_state_forces_beside_unnamed_gunmen_are_not_made_the_perpetrators(
    extractor: Extractor,
) -> None:
    text = ("Gunmen attacked a gendarmerie training school in Bamako on Tuesday, "
            "killing four civilians who lived nearby, residents said.")  # fmt: skip
    mentions = run(extractor, text, "en").mentions
    assert mentions
    for m in mentions:
        assert not m.actor1.startswith("National Gendarmerie"), m


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Malian troops entered Kidal on Tuesday after the separatist fighters of the "
               "CSP had left the town, the army said.", S.GOVERNMENT_REGAINS_TERRITORY),
        ("en", "Fighters of the separatist CSP took over the United Nations camp in Kidal on "
               "Tuesday, hours after the last peacekeepers left.",
         S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    ],
)  # fmt: skip
def test_who_takes_a_town_and_from_whom_decides_the_territory_type(
    extractor: Extractor, lang: str, text: str, expected: SubEventType
) -> None:
    [mention] = run(extractor, text, lang).mentions
    assert mention.sub_event_type is expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The government on Wednesday revised the toll from an attack on the village of "
               "Boni to 35 dead. Gunmen surrounded the village near Boni late on Sunday and "
               "opened fire on residents, survivors said."),
        ("fr", "Le gouvernement a annoncé mercredi un bilan de 35 morts pour l'attaque du "
               "village de Boni. Des hommes armés ont encerclé le village près de Boni dimanche "
               "soir et ouvert le feu sur les habitants, selon des survivants."),
    ],
)  # fmt: skip
def test_a_telling_dated_only_by_its_report_is_the_event_told_with_its_own_day(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang).mentions
    assert mention.event_date == dt.date(2024, 9, 15)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen attacked a gendarmerie training school in Gao at dawn on Tuesday, the "
               "army said."),
        ("fr", "Des hommes armés ont attaqué le camp militaire de Gao mardi à l'aube, selon "
               "l'armée."),
        # a bystander among the dead does not make it an attack on civilians
        ("fr", "Au moins vingt personnes, dont dix-neuf gendarmes et un civil, ont été tuées "
               "dimanche à Gao dans l'attaque du détachement de gendarmerie."),
    ],
)  # fmt: skip
def test_an_assault_on_a_site_held_by_armed_forces_is_a_battle(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang).mentions
    assert mention.sub_event_type is S.ARMED_CLASH


def test_a_second_party_of_attackers_is_a_second_event_in_the_same_town(
    extractor: Extractor,
) -> None:
    text = ("Gunmen attacked a gendarmerie school in Gao at dawn on Tuesday, the army said. "
            "A second group of attackers struck the military air base near the airport, "
            "a security source said.")  # fmt: skip
    mentions = run(extractor, text, "en").mentions
    assert [m.location for m in mentions] == ["Gao", "Gao"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen attacked the village of Boni {when}, killing ten civilians."),
        ("fr", "Des hommes armés ont attaqué le village de Boni {when}, tuant dix civils."),
    ],
)  # fmt: skip
def test_a_passage_dated_only_to_a_month_long_before_publication_is_context(
    extractor: Extractor, lang: str, text: str
) -> None:
    recent = {"en": "on Tuesday", "fr": "mardi"}[lang]
    assert len(run(extractor, text.format(when=recent), lang).mentions) == 1
    long_ago = {"en": "in July", "fr": "en juillet"}[lang]
    assert run(extractor, text.format(when=long_ago), lang).mentions == ()


@pytest.mark.parametrize(
    ("lang", "text", "events"),
    [
        ("fr", "Samedi, 40 civils ont été tués à Djibo, selon des sources locales.", 1),
        ("en", "On Saturday, 40 civilians were killed in Djibo, local sources said.", 1),
        ("en", "On Saturday, 40 civilians were killed in Djibo when their bus overturned "
               "in a road accident.", 0),
    ],
)  # fmt: skip
def test_civilians_counted_as_killed_are_violence_unless_something_else_is_said(
    extractor: Extractor, lang: str, text: str, events: int
) -> None:
    assert len(run(extractor, text, lang).mentions) == events


def test_the_place_a_french_cleft_sentence_puts_first(extractor: Extractor) -> None:
    text = ("Dans la nuit de vendredi à samedi, c'est Djibo qui a été visée : des hommes armés "
            "ont attaqué la ville et tué douze civils.")  # fmt: skip
    [mention] = run(extractor, text, "fr").mentions
    assert mention.location == "Djibo"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Selon l'armée, de nombreuses attaques du JNIM ont visé Djibo, où les soldats "
               "tiennent leurs positions."),
        ("en", "Several attacks by JNIM fighters hit army posts around Djibo, the army said."),
        ("fr", "Les axes reliant Djibo à Kaya sont régulièrement minés par les jihadistes."),
        ("en", "JNIM fighters regularly ambush army convoys near Djibo, residents said."),
    ],
)  # fmt: skip
def test_events_counted_in_general_or_told_as_a_habit_are_not_events(
    extractor: Extractor, lang: str, text: str
) -> None:
    assert run(extractor, text, lang).mentions == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "L'armée a arrêté plusieurs suspects à Djibo au cours des derniers mois."),
        ("en", "Several suspects have been arrested by the army in Djibo over the past months."),
    ],
)  # fmt: skip
def test_what_happened_over_months_is_not_one_event(
    extractor: Extractor, lang: str, text: str
) -> None:
    assert run(extractor, text, lang).mentions == ()


def test_a_passage_told_after_a_claim_takes_the_event_day_not_the_claim_day(
    extractor: Extractor,
) -> None:
    text = ("Le JNIM a revendiqué l'attaque du 9 septembre près de Djibo. La revendication a été "
            "publiée mardi. Selon l'enquête, des hommes armés ont attaqué le convoi et tué "
            "huit civils près de Djibo.")  # fmt: skip
    [mention] = run(extractor, text, "fr").mentions
    assert mention.event_date == dt.date(2024, 9, 9)


def test_a_village_far_from_the_commune_its_passage_names_is_a_namesake() -> None:
    places = [
        Place("komsilga-kadiogo", "Komsilga", 12.18, -1.64, "BF", admin1="Centre",
              feature_class="P", feature_code="PPL"),
        Place("thiou", "Thiou", 13.81, -2.66, "BF", admin1="Nord", feature_class="P",
              feature_code="PPLA3"),
    ]  # fmt: skip
    extractor = _over(places)
    far = "Des hommes armés ont tué douze civils dimanche à Komsilga, dans la commune de Thiou."
    [mention] = run(extractor, far, "fr").mentions
    assert mention.location == "Thiou"
    near = "Des hommes armés ont tué douze civils dimanche à Komsilga, dans la commune de Komsilga."
    [mention] = run(extractor, near, "fr").mentions
    assert mention.location == "Komsilga"


def test_a_hamlet_abroad_named_like_a_village_at_home_is_not_the_place() -> None:
    places = [
        Place("soro-ci", "Soro", 7.95, -6.55, "CI", feature_class="P", feature_code="PPL",
              population=900),
        Place("thiou", "Thiou", 13.81, -2.66, "BF", admin1="Nord", feature_class="P",
              feature_code="PPLA3"),
        Place("bf", "Burkina Faso", 12.3, -1.6, "BF", feature_class="A", feature_code="ADM0"),
    ]  # fmt: skip
    extractor = _over(places)
    text = ("Au Burkina Faso, des hommes armés ont tué douze civils dimanche à Soro, près de "
            "Thiou, selon des sources locales.")  # fmt: skip
    [mention] = run(extractor, text, "fr").mentions
    assert mention.location == "Thiou"


def test_a_region_the_passage_names_makes_its_country_one_of_the_text() -> None:
    # The text names Mali only by a region of it: the town of the offset is in the region
    # named, not a hamlet abroad (of the Burkina Faso the text names), and beats the region.
    places = [
        Place("tenenkou", "Ténenkou", 14.46, -4.92, "ML", admin1="Mopti", feature_class="P",
              feature_code="PPLA2"),
        Place("mopti-r", "Mopti", 14.63, -3.55, "ML", admin1="Mopti", feature_class="A",
              feature_code="ADM1"),
        Place("ne", "Niger", 17.6, 8.1, "NE", feature_class="A", feature_code="ADM0"),
    ]  # fmt: skip
    extractor = _over(places)
    text = (
        "Le maire de la commune, dans la région de Mopti, a été enlevé mardi par des hommes "
        "armés à une vingtaine de kilomètres de Ténenkou. Le groupe est très actif dans le "
        "delta intérieur du Niger. Comme au Burkina Faso voisin, les enlèvements se multiplient."
    )
    [mention] = run(extractor, text, "fr").mentions
    assert mention.location == "Ténenkou"


def test_a_later_telling_placed_at_the_area_holding_the_first_place_is_the_same_event() -> None:
    from conflictwatch.extract.tellings import same_event
    from conflictwatch.model import Mention
    from conflictwatch.taxonomy import EventType, GeoPrecision, SubEventType

    day = dt.date(2020, 12, 12)
    village = Mention(
        "m0",
        "t",
        day,
        EventType.BATTLES,
        SubEventType.ARMED_CLASH,
        "Boko Haram",
        admin1="Diffa",
        admin2="Bosso",
        location="Toumour",
        latitude=13.68,
        longitude=13.10,
        geo_precision=GeoPrecision.PLACE,
        fatalities=28,
    )
    region = Mention(
        "m1",
        "t",
        day,
        EventType.VIOLENCE_AGAINST_CIVILIANS,
        SubEventType.ATTACK,
        "Boko Haram",
        admin1="Diffa",
        location="Diffa",
        latitude=13.32,
        longitude=12.61,
        geo_precision=GeoPrecision.REGION,
        fatalities=28,
    )
    assert same_event(village, region)
    seat = replace(region, geo_precision=GeoPrecision.PLACE)  # the town of Diffa itself
    assert not same_event(village, seat)
    assert not same_event(village, region, loose=False)  # "elsewhere in the region, ..."


def test_an_attack_and_a_clash_told_of_one_event_are_typed_by_who_died() -> None:
    from conflictwatch.extract.tellings import merged
    from conflictwatch.model import Mention
    from conflictwatch.taxonomy import EventType, SubEventType

    day = dt.date(2021, 11, 2)
    attack = Mention("m0", "t", day, EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK,
                     "Unidentified Armed Group (Niger)", fatalities=69,
                     fatalities_by_side={"civilians": 69})  # fmt: skip
    clash = Mention("m1", "t", day, EventType.BATTLES, SubEventType.ARMED_CLASH,
                    "Unidentified Armed Group (Niger)")  # fmt: skip
    assert merged(clash, attack).sub_event_type is SubEventType.ATTACK
    soldiers = replace(attack, fatalities_by_side={"civilians": 30, "state": 14})
    assert merged(soldiers, clash).sub_event_type is SubEventType.ARMED_CLASH


def test_near_a_country_is_no_place_when_the_report_names_a_district(
    extractor: Extractor,
) -> None:
    text = (
        "Gunmen killed 38 villagers on Monday evening near Mali's border with Burkina Faso, the "
        "government said. The assailants struck two hamlets in the cercle of Koro, in the Mopti "
        "region, a statement said."
    )
    [mention] = {m.location: m for m in run(extractor, text, "en").mentions}.values()
    assert mention.location == "Koro"


def test_a_town_after_the_passage_does_not_replace_the_area_it_names(
    extractor: Extractor,
) -> None:
    text = ("Gunmen attacked a gendarmerie post on Sunday in Soum province, killing twelve "
            "gendarmes. Heavily armed fighters overran the post at dawn, in Soum province, "
            "survivors said. Opposition parties called for demonstrations in Ouagadougou at "
            "the weekend to demand the government's resignation.")  # fmt: skip
    mentions = run(extractor, text, "en", published="2021-11-16").mentions
    assert [m.location for m in mentions if m.fatalities] == ["Soum"]
    assert "Ouagadougou" not in [m.location for m in mentions if m.event_type.value == "Battles"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen killed ten soldiers about 60 km north-east of Ménaka on Monday, the army "
               "said."),
        ("fr", "Des hommes armés ont tué dix soldats lundi à une soixantaine de kilomètres au "
               "nord-est de Ménaka, selon l'armée."),
    ],
)  # fmt: skip
def test_an_event_told_x_km_from_a_town_is_coded_at_the_town(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang).mentions
    town = extractor.geocoder.resolve("Ménaka")
    assert (mention.latitude, mention.longitude) == (town.latitude, town.longitude)
    assert mention.geo_precision == 2


@pytest.mark.parametrize(
    ("before", "situated"),
    [
        ("Barsalogho, ", True),  # "..., about 45 km north of Kaya, has taken in thousands"
        ("Fighting broke out in the Sahel, ", False),
        ("Neuf soldats ont été tués dans la région de Gao, ", False),
    ],
)
def test_an_offset_after_the_town_a_sentence_opens_with_situates_that_town(
    before: str, situated: bool
) -> None:
    assert situates(before) is situated


def test_a_village_far_from_the_cercle_its_passage_names_is_a_namesake_at_every_site() -> None:
    places = [
        Place("panga-sud", "Panga", 10.37, -4.97, "ML", admin1="Sikasso", feature_class="P",
              feature_code="PPL"),
        Place("bankass", "Bankass", 14.08, -3.52, "ML", admin1="Mopti", admin2="Bankass",
              feature_class="P", feature_code="PPLA2"),
        Place("diallassagou", "Diallassagou", 13.70, -3.67, "ML", admin1="Mopti",
              admin2="Bankass", feature_class="P", feature_code="PPL"),
    ]  # fmt: skip
    extractor = _over(places)
    one = "Des hommes armés ont tué huit civils mercredi à Panga, dans le cercle de Bankass."
    [mention] = run(extractor, one, "fr").mentions
    assert mention.location == "Bankass"
    two = ("Des hommes armés ont attaqué mercredi deux villages, Panga et Diallassagou, dans le "
           "cercle de Bankass, tuant seize civils.")  # fmt: skip
    assert "Panga" not in {m.location for m in run(extractor, two, "fr").mentions}


def test_a_village_far_from_the_area_of_a_town_its_passage_names_is_a_namesake() -> None:
    places = [
        Place("koudougou", "Koudougou", 12.25, -2.36, "BF", admin1="Centre-Ouest",
              feature_class="P", feature_code="PPLA", population=100_000),
        Place("torodi", "Torodi", 13.12, 1.80, "NE", admin1="Tillabéri", admin2="Torodi",
              feature_class="P", feature_code="PPLA2", population=10_000),
    ]  # fmt: skip
    text = ("Seventeen Nigerien soldiers were killed on Tuesday when their unit was ambushed "
            "near Koutougou, in the Torodi area, close to the border with Burkina Faso.")  # fmt: skip
    [mention] = run(_over(places), text, "en").mentions
    assert mention.location == "Torodi"


def test_a_clear_event_that_names_no_place_happened_in_the_town_of_the_dateline(
    extractor: Extractor,
) -> None:
    text = ("NIAMEY, 27 juillet - Des milliers de manifestants ont saccagé et incendié jeudi le "
            "siège du parti au pouvoir et brûlé des véhicules devant l'Assemblée nationale.")  # fmt: skip
    [mention] = run(extractor, text, "fr", published="2023-07-28").mentions
    assert mention.location == "Niamey"
    vague = ("OUAGADOUGOU - Le Conseil supérieur de la communication a suspendu deux médias "
             "après un rapport accusant des militaires d'exactions.")  # fmt: skip
    assert run(extractor, vague, "fr").mentions == ()


def test_an_area_of_another_country_than_its_phrase_names_is_not_the_passage_s_area() -> None:
    places = [
        Place("gossi", "Gossi", 15.82, -1.30, "ML", admin1="Tombouctou", feature_class="P",
              feature_code="PPL", population=9000),
        Place("gourma-bf", "Gourma", 12.0, 0.3, "BF", admin1="Est", feature_class="A",
              feature_code="ADM2"),
    ]  # fmt: skip
    text = ("Fighters of JNIM and of the Islamic State clashed on Wednesday near Gossi, in "
            "Mali's Gourma region, leaving at least 15 combatants dead.")  # fmt: skip
    [mention] = run(_over(places), text, "en").mentions
    assert mention.location == "Gossi"


@pytest.mark.parametrize(
    ("lang", "text", "arrested"),
    [
        ("fr", "L'ancien Premier ministre a été placé en garde à vue jeudi à Bamako, selon son "
               "avocat.", "Government of Mali (2021-)"),
        ("en", "A well-known activist was arrested and taken into custody in Bamako on Tuesday, "
               "his lawyer said.", "Civilians (Mali)"),
    ],
)  # fmt: skip
def test_a_clear_arrest_is_coded_with_the_country_s_police_and_who_was_held(
    extractor: Extractor, lang: str, text: str, arrested: str
) -> None:
    [mention] = run(extractor, text, lang, published="2024-09-20").mentions
    assert mention.sub_event_type is S.ARRESTS
    assert (mention.actor1, mention.actor2) == ("Police Forces of Mali (2021-)", arrested)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Mardi, une équipe du génie a détecté et neutralisé un engin explosif improvisé "
               "enfoui sur la route, à une dizaine de kilomètres de Kaya."),
        ("en", "On Tuesday an engineering team found and defused a roadside bomb about ten "
               "kilometres from Kaya."),
    ],
)  # fmt: skip
def test_a_device_made_safe_by_no_one_named_is_the_army_s_disrupted_weapons_use(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2021-08-20").mentions
    assert mention.sub_event_type is S.DISRUPTED_WEAPONS_USE
    assert mention.actor1 == "Military Forces of Burkina Faso (2015-2022)"
    assert mention.location == "Kaya"


def test_people_killed_where_property_was_burnt_are_an_attack(extractor: Extractor) -> None:
    text = (
        "Lundi, des hommes armés ont intercepté des véhicules de commerçants près de Djibo. "
        "Vingt personnes ont été tuées et des véhicules et des greniers ont été incendiés."
    )
    [mention] = run(extractor, text, "fr", published="2021-03-17").mentions
    assert mention.sub_event_type is SubEventType.ATTACK
    assert mention.actor2 == "Civilians (Burkina Faso)"
    burnt = "Lundi, des hommes armés ont incendié des greniers et des boutiques à Djibo."
    [mention] = run(extractor, burnt, "fr", published="2021-03-17").mentions
    assert mention.sub_event_type is SubEventType.LOOTING_PROPERTY_DESTRUCTION


def test_the_shells_that_open_a_ground_assault_are_part_of_the_battle(
    extractor: Extractor,
) -> None:
    text = (
        "Forty soldiers were killed in an attack on an army post near Djibo on Friday, the "
        "government said. The assault began with mortar and rocket fire, followed by fighters "
        "on motorcycles who overran the post."
    )
    [mention] = run(extractor, text, "en", published="2019-11-03").mentions
    assert mention.sub_event_type is SubEventType.ARMED_CLASH
    shelled = "Militants fired mortar shells and rockets at the army camp in Djibo on Friday."
    [mention] = run(extractor, shelled, "en", published="2019-11-03").mentions
    assert mention.sub_event_type is SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Trois civils ont été tués mercredi lorsque leur camion a sauté sur une mine sur la "
               "route reliant Douentza à Gao, à une trentaine de kilomètres de Gossi."),
        ("en", "An IED killed three traders on Wednesday on the road linking Douentza and Gao, "
               "about 30 km from Gossi."),
    ],
)  # fmt: skip
def test_a_point_measured_from_a_town_beats_the_road_it_lies_on(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang).mentions
    assert mention.location == "Gossi"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Police in Bobo-Dioulasso have arrested five men suspected of belonging to a "
               "jihadist cell, the police said on Thursday.\n\nThe suspects were detained on "
               "Tuesday during a raid on two houses.\n\nThe five were handed over to the "
               "anti-terrorism judicial unit in Ouagadougou.\n\nThe city has been spared "
               "large-scale attacks, but security forces fear armed groups use it as a rear base."),
        ("fr", "La police de Bobo-Dioulasso a interpellé cinq hommes soupçonnés d'appartenir à "
               "une cellule jihadiste, a-t-elle indiqué jeudi.\n\nLes suspects ont été arrêtés "
               "mardi lors d'une perquisition dans deux maisons.\n\nLes cinq ont été remis au "
               "pôle judiciaire antiterroriste de Ouagadougou.\n\nLa ville a été épargnée par "
               "les grandes attaques, mais les forces de sécurité craignent que les groupes "
               "armés en fassent une base arrière."),
    ],
)  # fmt: skip
def test_suspects_handed_over_to_a_court_are_no_ground_handed_over(
    extractor: Extractor, lang: str, text: str
) -> None:
    # ... nor is a city spared attacks attacked, and "a-t-elle indiqué jeudi" is the report's day
    [mention] = run(extractor, text, lang, published="2021-06-10").mentions
    assert mention.sub_event_type is SubEventType.ARRESTS
    assert (mention.location, mention.event_date) == ("Bobo-Dioulasso", dt.date(2021, 6, 8))


def test_the_faithful_killed_by_gunmen_are_civilians_of_an_attack(extractor: Extractor) -> None:
    text = ("On Monday, gunmen stopped a procession near Kaya and killed four of the faithful, "
            "the bishop said.")  # fmt: skip
    [mention] = run(extractor, text, "en", published="2019-05-15").mentions
    assert mention.sub_event_type is SubEventType.ATTACK
    assert (mention.actor2, mention.fatalities) == ("Civilians (Burkina Faso)", 4)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le gouvernement a revu à la hausse, hier lundi, le bilan de l'attaque perpétrée "
               "dimanche contre le poste de gendarmerie de Djibo: 53 gendarmes ont été tués."),
        ("en", "The government revised up the toll on Monday of the attack carried out on Sunday "
               "against the gendarmerie post in Djibo: 53 gendarmes were killed."),
    ],
)  # fmt: skip
def test_the_day_a_toll_was_revised_is_the_report_s_not_the_attack_s(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2021-11-16").mentions
    assert mention.event_date == dt.date(2021, 11, 14)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Des centaines de manifestants bloquaient samedi à Kaya un convoi de l'armée "
               "française, malgré des grenades lacrymogènes tirées pour les disperser.\n\n"
               "La colère s'est renforcée après l'attaque de Djibo, le 14 novembre, où 53 "
               "personnes ont été tuées."),
        ("en", "Hundreds of protesters blocked a French army convoy in Kaya on Saturday, despite "
               "tear gas fired to disperse them.\n\nAnger grew after the attack on Djibo on "
               "November 14, in which 53 people were killed."),
    ],
)  # fmt: skip
def test_an_attack_named_as_what_stirred_the_public_is_recalled_not_told(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2021-11-20").mentions
    assert mention.event_type is EventType.PROTESTS
    assert (mention.location, mention.fatalities) == ("Kaya", 0)


def test_the_opening_that_tells_an_attack_through_the_anger_it_stirred_still_tells_it(
    extractor: Extractor,
) -> None:
    text = "Anger grew in Burkina Faso after the attack on Djibo on Sunday, which killed 53 people."
    [mention] = run(extractor, text, "en", published="2021-11-16").mentions
    assert (mention.location, mention.fatalities) == ("Djibo", 53)


def test_an_attack_on_things_that_harmed_no_one_is_their_destruction(
    extractor: Extractor,
) -> None:
    text = (
        "Des hommes d'Ansar Dine se sont attaqués samedi aux mausolées à Tombouctou et les ont "
        "détruits à coups de pioche. Aucune victime n'a été signalée."
    )
    [mention] = run(extractor, text, "fr", published="2012-07-01").mentions
    assert mention.sub_event_type is S.LOOTING_PROPERTY_DESTRUCTION
    # ... while people harmed make it an attack
    harmed = text.replace("Aucune victime n'a été signalée.", "Deux gardiens ont été tués.")
    [mention] = run(extractor, harmed, "fr", published="2012-07-01").mentions
    assert mention.sub_event_type is not S.LOOTING_PROPERTY_DESTRUCTION


@pytest.mark.parametrize(
    ("lang", "text", "agreement"),
    [
        ("en", "The Malian army said on Monday in Gao that its troops were there under a bilateral "
               "agreement with Russia.", False),
        ("fr", "Les militaires ont signé lundi à Gao une charte de défense mutuelle.", False),
        ("en", "The CMA signed a peace agreement with the Platform in Gao on Monday.", True),
    ],
)  # fmt: skip
def test_an_agreement_is_coded_only_with_the_two_parties_that_made_it(
    extractor: Extractor, lang: str, text: str, agreement: bool
) -> None:
    mentions = run(extractor, text, lang, published="2024-03-06").mentions
    assert any(m.sub_event_type is S.AGREEMENT for m in mentions) is agreement


@pytest.mark.parametrize(
    ("text", "changed"),
    [
        ("Gunmen announced on Monday a ban on motorcycles in Djibo.", False),
        ("JNIM announced on Monday a ban on motorcycles in Djibo.", True),
    ],
)  # fmt: skip
def test_a_change_to_a_group_or_its_activity_is_coded_only_for_a_group_named(
    extractor: Extractor, text: str, changed: bool
) -> None:
    mentions = run(extractor, text, "en", published="2024-03-06").mentions
    assert any(m.sub_event_type is S.CHANGE_TO_GROUP_ACTIVITY for m in mentions) is changed


def test_people_rounded_up_and_shot_are_an_attack_on_the_day_told_before_the_toll(
    extractor: Extractor,
) -> None:
    text = ("On Saturday night gunmen swept into Djibo. By Monday the government put the toll at "
            "40 civilians, saying the attackers had rounded up men and then shot them.")  # fmt: skip
    [mention] = run(extractor, text, "en", published="2022-06-22").mentions
    assert mention.sub_event_type is S.ATTACK
    assert (mention.location, mention.event_date, mention.fatalities) == (
        "Djibo", dt.date(2022, 6, 18), 40)  # fmt: skip


def test_residents_the_forces_rounded_up_and_shot_are_an_attack_by_the_forces(
    extractor: Extractor,
) -> None:
    text = ("Soldiers rounded up residents of Djibo on Thursday and shot them in groups, witnesses "
            "said. The prosecutor has confirmed at least 50 deaths.")  # fmt: skip
    [mention] = run(extractor, text, "en", published="2023-04-28").mentions
    assert (mention.sub_event_type, mention.fatalities) == (S.ATTACK, 50)
    assert mention.actor1.startswith("Military Forces of Burkina Faso")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Trois personnes ont été tuées samedi lors d'affrontements entre agriculteurs et "
               "éleveurs près de Dosso. Deux agriculteurs et un éleveur ont perdu la vie."),
        ("en", "Clashes between farmers and herders near Dosso left four villagers dead on "
               "Saturday, the prefect said."),
        ("fr", "Samedi, près de Bankass, des affrontements ont opposé des chasseurs dozos à des "
               "hommes armés non identifiés. Trois morts, selon des sources locales."),
    ],
)  # fmt: skip
def test_a_fight_told_as_between_two_sides_is_a_clash_whoever_died(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2020-02-24").mentions
    assert mention.sub_event_type is S.ARMED_CLASH


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gendarmes arrested Amadou Sanogo, the army captain who led Mali's March 2012 coup, "
               "at his home in Bamako on Wednesday."),
        ("fr", "Le général qui avait dirigé le putsch de mars 2012 a été arrêté mercredi à Bamako "
               "par des gendarmes."),
    ],
)  # fmt: skip
def test_a_month_that_dates_a_thing_named_is_not_the_day_of_the_event(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2013-11-28").mentions
    assert mention.event_date == dt.date(2013, 11, 27)


def test_a_state_told_after_the_violence_a_passage_opens_with_is_its_setting(
    extractor: Extractor,
) -> None:
    text = (
        "Une cinquantaine d'habitants de Madjoari ont été tués mercredi par des hommes armés "
        "alors qu'ils quittaient la commune à pied. Madjoari est soumise depuis un an à un "
        "blocus de groupes armés."
    )
    [mention] = run(extractor, text, "fr", published="2022-05-30").mentions
    assert mention.sub_event_type is S.ATTACK


def test_arms_seized_where_soldiers_and_fighters_were_killed_is_a_fight(
    extractor: Extractor,
) -> None:
    text = (
        "Le JNIM a revendiqué jeudi les attaques de lundi contre les camps militaires de "
        "Boulkessi et de Mondoro. Le groupe affirme avoir pris le contrôle du camp de Boulkessi "
        "et s'être emparé d'armes, de munitions et de véhicules. Le gouvernement fait état de 25 "
        "militaires tués et de quinze assaillants tués."
    )
    mentions = run(extractor, text, "fr", published="2019-10-04").mentions
    assert {m.sub_event_type for m in mentions} == {S.ARMED_CLASH}


def test_a_distance_from_a_town_told_just_after_refines_the_region(extractor: Extractor) -> None:
    text = ("Un humanitaire a été enlevé mercredi soir par des hommes armés dans la région de "
            "Tillabéri, ont indiqué jeudi des sources locales. Il circulait à bord d'un véhicule "
            "lorsqu'il a été intercepté, à une trentaine de kilomètres d'Ayorou, selon un "
            "responsable local.")  # fmt: skip
    [mention] = run(extractor, text, "fr", published="2018-04-13").mentions
    assert mention.location == "Ayorou"


def test_a_report_opening_on_a_claim_tells_the_attack_claimed(extractor: Extractor) -> None:
    text = ("L'organisation État islamique a revendiqué samedi l'attaque menée vendredi contre le "
            "poste militaire de Ménaka, qui a coûté la vie à 20 soldats maliens, selon le "
            "gouvernement. Le précédent bilan faisait état de 12 militaires tués.")  # fmt: skip
    [mention] = run(extractor, text, "fr", published="2019-11-04").mentions
    assert (mention.location, mention.event_date) == ("Ménaka", dt.date(2019, 11, 1))
    assert mention.sub_event_type is S.ARMED_CLASH
    assert mention.actor1 == "Islamic State Sahel Province"


def test_a_report_opening_on_an_accusation_does_not_tell_the_attack(extractor: Extractor) -> None:
    text = ("Le rapport de l'ONG accuse l'armée d'avoir tué au moins 50 villageois lors d'une "
            "attaque le 25 février à Djibo. Le gouvernement n'a pas réagi.")  # fmt: skip
    assert run(extractor, text, "fr", published="2024-04-26").mentions == ()


def test_a_village_stormed_by_men_who_shot_its_people_was_attacked(extractor: Extractor) -> None:
    text = ("Au moins 20 personnes ont été tuées samedi soir dans l'attaque du village de Boni, a "
            "annoncé le gouvernement. Selon le ministre, des dizaines d'assaillants ont investi la "
            "localité vers 18 heures, tirant sur les habitants et incendiant des maisons.")  # fmt: skip
    [mention] = run(extractor, text, "fr", published="2020-12-14").mentions
    assert (mention.location, mention.sub_event_type) == ("Boni", S.ATTACK)
    assert (mention.event_date, mention.fatalities) == (dt.date(2020, 12, 12), 20)


def test_things_burnt_by_a_crowd_told_doing_it_are_a_riot(extractor: Extractor) -> None:
    text = ("Samedi, des groupes de jeunes armés de gourdins ont brûlé une quarantaine d'églises et "
            "des bars dans plusieurs quartiers de Niamey. La police a tiré des grenades "
            "lacrymogènes.")  # fmt: skip
    [mention] = run(extractor, text, "fr", published="2015-01-18").mentions
    assert (mention.location, mention.sub_event_type) == ("Niamey", S.VIOLENT_DEMONSTRATION)


def test_a_crowd_s_blockade_is_a_protest_whoever_it_is_angry_at(extractor: Extractor) -> None:
    text = ("Hundreds of demonstrators kept up a blockade of a French military convoy in Kaya on "
            "Saturday, accusing France of arming the jihadists.")  # fmt: skip
    [mention] = run(extractor, text, "en", published="2021-11-20").mentions
    assert (mention.location, mention.sub_event_type) == ("Kaya", S.PEACEFUL_PROTEST)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "On Friday evening, gunmen attacked the village of Boni, killing twelve people "
               "including a VDP member, security sources said."),
        ("fr", "Vendredi soir, des hommes armés ont attaqué le village de Boni. Douze personnes "
               "ont été tuées, dont un membre des Volontaires pour la défense de la patrie."),
    ],
)  # fmt: skip
def test_people_killed_with_a_few_armed_among_them_were_attacked_not_fought(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2021-06-06").mentions
    assert (mention.sub_event_type, mention.fatalities) == (S.ATTACK, 12)
    assert mention.actor2.startswith("Civilians")


def test_people_killed_with_many_soldiers_among_them_stay_a_battle(extractor: Extractor) -> None:
    text = ("Gunmen attacked an army post in Boni on Friday, killing twelve people including "
            "nine soldiers.")  # fmt: skip
    [mention] = run(extractor, text, "en", published="2021-06-06").mentions
    assert mention.sub_event_type is S.ARMED_CLASH


def test_a_patrol_engaged_by_fighters_fought_them(extractor: Extractor) -> None:
    # « accrocher » : engager le combat, in the army's words
    text = ("Mardi, une frappe de drone a tué cinq combattants près de Boni, selon l'armée. "
            "Par ailleurs, samedi, une patrouille a été accrochée près de Douentza par des "
            "éléments du JNIM. Deux assaillants ont été tués.")  # fmt: skip
    told = sorted((m.sub_event_type, m.location, m.event_date, m.fatalities)
                  for m in run(extractor, text, "fr").mentions)  # fmt: skip
    assert told == [
        (S.AIR_DRONE_STRIKE, "Boni", dt.date(2024, 9, 17), 5),
        (S.ARMED_CLASH, "Douentza", dt.date(2024, 9, 14), 2),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", 'The army said on Thursday that its operations on Wednesday had "neutralised" about '
               "40 terrorists in the bush near Djibo; about 25 around Arbinda; and 18 near "
               "Gorom-Gorom. No soldier was lost, it said."),
        ("fr", "L'armée a annoncé jeudi que ses opérations de mercredi avaient permis de "
               "neutraliser une quarantaine de terroristes près de Djibo ; 25 autour d'Arbinda ; "
               "et 18 près de Gorom-Gorom. Aucun soldat n'a été perdu."),
    ],
)  # fmt: skip
def test_a_tally_of_the_dead_place_by_place_is_one_battle_per_place(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang, published="2019-02-08").mentions
    assert sorted((m.location, m.fatalities) for m in mentions) == [
        ("Arbinda", 25), ("Djibo", 40), ("Gorom-Gorom", 18)]  # fmt: skip
    assert {m.actor1 for m in mentions} == {"Military Forces of Burkina Faso (2015-2022)"}
    assert {m.event_date.isoformat() for m in mentions} == {"2019-02-06"}


def test_a_tallied_village_of_another_country_than_its_province_is_left_out() -> None:
    def place(key: str, name: str, lat: float, lon: float, country: str, code: str) -> Place:
        admin = code.startswith("ADM")
        return Place(key, name, lat, lon, country, admin1="Boucle du Mouhoun" if admin else "",
                     admin2=name if admin else "", feature_class="A" if admin else "P",
                     feature_code=code)  # fmt: skip

    places = [
        place("nouna", "Nouna", 12.73, -3.86, "BF", "PPLA2"),
        place("kossi", "Kossi", 12.90, -3.90, "BF", "ADM2"),
        place("bomboro-ml", "Bomboro", 12.05, -8.59, "ML", "PPL"),
        place("djibasso", "Djibasso", 13.12, -4.16, "BF", "PPL"),
    ]
    text = ("The army said on Thursday it had neutralised about 40 terrorists near Nouna; 25 in "
            "the Bomboro area of Kossi province; and 18 near Djibasso.")  # fmt: skip
    mentions = run(_over(places), text, "en", published="2019-02-08").mentions
    assert "Bomboro" not in {m.location for m in mentions}
    assert {m.location for m in mentions} >= {"Nouna", "Djibasso"}


def test_a_communique_listing_operations_in_one_paragraph_tells_each_of_them(
    extractor: Extractor,
) -> None:
    text = (
        "BAMAKO - L'armée a publié vendredi un communiqué sur ses opérations de la semaine. Le "
        "communiqué recense : - mercredi, un véhicule des FAMa a sauté sur un engin explosif près "
        "de Boni, faisant deux morts ; - jeudi, des frappes aériennes au nord de Douentza, au "
        "cours desquelles une dizaine de terroristes ont été neutralisés."
    )
    mentions = run(extractor, text, "fr", published="2022-06-24").mentions
    assert sorted((m.event_date.isoformat(), m.sub_event_type, m.fatalities) for m in mentions) == [
        ("2022-06-22", S.REMOTE_EXPLOSIVE_LANDMINE_IED, 2),
        ("2022-06-23", S.AIR_DRONE_STRIKE, 10),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Air strikes north of Douentza on Thursday killed about ten terrorists, the army "
               "said."),
        ("fr", "Des frappes aériennes ont neutralisé jeudi une dizaine de terroristes au nord de "
               "Douentza."),
    ],
)  # fmt: skip
def test_an_air_strike_told_with_no_striker_was_flown_by_the_countrys_forces(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2022-06-24").mentions
    assert (mention.actor1, mention.actor2) == (
        "Military Forces of Mali (2021-)", "Unidentified Armed Group (Mali)")  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Dimanche, une équipe du génie a procédé à la neutralisation d'un engin explosif "
               "près de Boni, a indiqué l'armée."),
        ("en", "On Sunday an explosive device was neutralised by army engineers near "
               "Boni, the army said."),
    ],
)  # fmt: skip
def test_an_explosive_device_neutralised_is_disrupted_weapons_use(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2022-06-24").mentions
    assert mention.sub_event_type is S.DISRUPTED_WEAPONS_USE


@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("en", "On Thursday, dozens of displaced women marched peacefully to the governor's office "
               "in Dori to demand food aid. They dispersed after meeting officials.",
         "Burkina Faso"),
        ("fr", "Des associations de jeunes ont organisé samedi une marche pacifique à Bandiagara "
               "pour réclamer la réouverture des routes.", "Mali"),
    ],
)  # fmt: skip
def test_a_crowd_told_by_its_size_or_as_the_marchers_is_the_protesters(
    extractor: Extractor, lang: str, text: str, country: str
) -> None:
    [mention] = run(extractor, text, lang, published="2023-02-25").mentions
    assert (mention.sub_event_type, mention.actor1) == (
        S.PEACEFUL_PROTEST, f"Protesters ({country})")  # fmt: skip


def test_a_group_named_in_passing_beside_a_protest_word_is_no_crowd(extractor: Extractor) -> None:
    text = ("Les associations de la ville ont salué la marche de la semaine dernière, a indiqué "
            "le maire de Bandiagara.")  # fmt: skip
    assert run(extractor, text, "fr", published="2023-02-25").mentions == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Thousands of protesters blocked a French army convoy in Kaya on Saturday. Soldiers "
               "fired warning shots to clear the road; four protesters were injured."),
        ("fr", "Samedi, à Kaya, des milliers de manifestants ont bloqué un convoi militaire "
               "français. Pour dégager la route, des tirs de sommation ont été effectués par les "
               "militaires ; quatre manifestants ont été blessés."),
    ],
)  # fmt: skip
def test_warning_shots_fired_at_a_crowd_are_an_intervention(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2021-11-22").mentions
    assert mention.sub_event_type is S.PROTEST_WITH_INTERVENTION


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "GAO (Mali) - Vendredi matin, un kamikaze s'est fait exploser au poste de contrôle "
               "de l'armée, à l'entrée de la ville. C'était le premier attentat de ce type au "
               "Mali."),
        ("en", "GAO (Mali) - On Friday a suicide bomber blew himself up at an army checkpoint "
               "on the road into town. It was the first attack of its kind in Mali."),
    ],
)  # fmt: skip
def test_a_clear_event_placed_only_in_the_country_is_at_the_town_filed_from(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2013-02-11").mentions
    assert (mention.sub_event_type, mention.location) == (S.SUICIDE_BOMB, "Gao")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Vendredi, un kamikaze s'est fait exploser à l'entrée nord de Gao."),
        ("en", "On Friday a suicide bomber blew himself up at the northern entrance of Gao."),
    ],
)  # fmt: skip
def test_a_suicide_bombing_needs_no_one_named_nor_a_toll(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2013-02-11").mentions
    assert (mention.sub_event_type, mention.location) == (S.SUICIDE_BOMB, "Gao")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Vendredi, un kamikaze s'est fait exploser à l'entrée nord de Gao, tuant un "
               "soldat. Les habitants sont restés chez eux. Samedi soir, un second kamikaze s'est "
               "fait exploser au même endroit, sans faire d'autre victime."),
        ("en", "On Friday a suicide bomber blew himself up at the northern entrance of Gao, "
               "killing a soldier. Residents stayed indoors. On Saturday evening a second suicide "
               "bomber blew himself up at the same spot, killing no one else."),
    ],
)  # fmt: skip
def test_a_second_bomber_on_another_day_is_another_bombing(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang, published="2013-02-11").mentions
    assert sorted((m.sub_event_type, m.event_date) for m in mentions) == [
        (S.SUICIDE_BOMB, dt.date(2013, 2, 8)), (S.SUICIDE_BOMB, dt.date(2013, 2, 9))]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "On Saturday soldiers arrested a man wearing an explosive belt at a checkpoint in "
               "Gao."),
        ("fr", "Samedi, des soldats ont arrêté un homme portant une ceinture d'explosifs à un "
               "poste de contrôle de Gao."),
    ],
)  # fmt: skip
def test_a_bomber_s_belt_that_did_not_go_off_is_no_bombing(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang, published="2013-02-11").mentions
    assert S.SUICIDE_BOMB not in {m.sub_event_type for m in mentions}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Vendredi soir, des centaines de combattants de Boko Haram ont attaqué les positions "
               "militaires de Diffa. Après plusieurs heures de combats, les assaillants ont pris le "
               "contrôle de la ville. Vingt-six soldats ont été tués."),
        ("en", "On Friday evening hundreds of Boko Haram fighters attacked army positions in "
               "Diffa. After hours of fighting, the assailants took control of the town. "
               "Twenty-six soldiers were killed."),
    ],
)  # fmt: skip
def test_a_fight_in_which_the_town_was_taken_is_the_taking(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2016-06-06").mentions
    assert mention.sub_event_type is S.NON_STATE_ACTOR_OVERTAKES_TERRITORY


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Vendredi, Boko Haram a attaqué Bosso, tuant 26 soldats. Dimanche, l'armée a repris "
               "la localité, tuant 55 assaillants. Des milliers d'habitants ont fui Bosso vers "
               "Mainé-Soroa et Diffa, la capitale régionale. « Ils sont partis sans rien », a dit "
               "un humanitaire joint à Diffa."),
        ("en", "On Friday Boko Haram attacked Bosso, killing 26 soldiers. On Sunday the army retook "
               "the town, killing 55 assailants. Thousands of residents fled Bosso for Mainé-Soroa "
               "and Diffa, the regional capital. \"They left with nothing,\" said an aid worker "
               "reached in Diffa."),
    ],
)  # fmt: skip
def test_where_people_fled_to_or_a_source_was_reached_is_not_where_it_happened(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang, published="2016-06-06").mentions
    assert {m.location for m in mentions} == {"Bosso"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "In Arlit on Thursday, a vehicle loaded with explosives got into a uranium mine and "
               "exploded near a power plant, killing one employee and wounding 14."),
        ("fr", "Jeudi à Arlit, un véhicule chargé d'explosifs a pénétré sur le site d'une mine "
               "d'uranium et a explosé près d'une centrale électrique, tuant un employé."),
    ],
)  # fmt: skip
def test_a_vehicle_loaded_with_explosives_at_a_plant_is_a_bombing_not_an_accident(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2013-05-24").mentions
    assert (mention.sub_event_type, mention.fatalities) == (S.REMOTE_EXPLOSIVE_LANDMINE_IED, 1)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "AGADEZ, Niger - Suicide bombers drove a car packed with explosives into the main "
               "army camp here before dawn on Thursday, in the first attack of its kind in Niger. "
               "Defence officials said 18 soldiers had been killed in the camp. The army said the "
               "attackers had come from Libya. Some 250 km to the north, in Arlit, a vehicle "
               "loaded with explosives exploded near a power plant half an hour later, killing "
               "one employee."),
        ("fr", "AGADEZ (Niger) - Des kamikazes ont lancé jeudi à l'aube une voiture piégée contre "
               "le principal camp militaire ici, une première au Niger. Selon la Défense, 18 "
               "soldats ont été tués dans le camp. L'armée affirme que les assaillants venaient de "
               "Libye. À quelque 250 km plus au nord, à Arlit, un véhicule chargé d'explosifs a "
               "explosé une demi-heure plus tard près d'une centrale électrique, tuant un employé."),
    ],
)  # fmt: skip
def test_an_event_told_here_is_at_the_town_filed_from(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang, published="2013-05-24").mentions
    camp = next(m for m in mentions if m.fatalities == 18)
    assert camp.location == "Agadez"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Trois personnes ont été tuées mardi à Gao lorsque les policiers ont ouvert le feu sur "
               "des jeunes qui manifestaient contre les autorités intérimaires. Les policiers ont "
               "d'abord tiré des gaz lacrymogènes, puis à balles réelles, selon des témoins."),
        ("en", "Three people were killed in Gao on Tuesday when police opened fire on young people "
               "who were protesting against the interim authorities. Police first fired tear gas, "
               "then live rounds, witnesses said."),
    ],
)  # fmt: skip
def test_deadly_fire_by_the_forces_on_a_protest_is_excessive_force(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2016-07-14").mentions
    assert mention.sub_event_type is S.EXCESSIVE_FORCE_AGAINST_PROTESTERS


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Rallies were also held in Kayes on Friday, national television showed."),
        ("fr", "Des rassemblements ont également eu lieu vendredi à Kayes, selon la télévision "
               "nationale."),
    ],
)  # fmt: skip
def test_a_protest_told_as_held_has_its_crowd(extractor: Extractor, lang: str, text: str) -> None:
    [mention] = run(extractor, text, lang, published="2022-01-15").mentions
    assert (mention.sub_event_type, mention.actor1, mention.location) == (
        S.PEACEFUL_PROTEST, "Protesters (Mali)", "Kayes")  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Mercredi, à Bobo-Dioulasso, plusieurs centaines de personnes se sont massées le long "
               "de la route pour huer le convoi, sans incident."),
        ("en", "On Wednesday in Bobo-Dioulasso several hundred people lined the road and booed "
               "the convoy, without incident."),
    ],
)  # fmt: skip
def test_a_crowd_that_jeers_a_convoy_protests(extractor: Extractor, lang: str, text: str) -> None:
    [mention] = run(extractor, text, lang, published="2021-11-18").mentions
    assert (mention.sub_event_type, mention.location) == (S.PEACEFUL_PROTEST, "Bobo-Dioulasso")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen opened fire on villagers digging a trench at Djibo on Saturday, killing 12. "
               "The army had asked residents to dig it, 30 km south of Arbinda, to protect the "
               "town against attacks."),
        ("fr", "Des hommes armés ont ouvert le feu samedi sur des villageois qui creusaient une "
               "tranchée à Djibo, tuant douze personnes. L'armée leur avait demandé de la creuser, "
               "à 30 km au sud d'Arbinda, pour protéger la ville contre les attaques."),
    ],
)  # fmt: skip
def test_what_a_work_protects_against_is_no_event(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2024-08-26").mentions
    assert (mention.location, mention.fatalities) == ("Djibo", 12)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "JNIM on Wednesday claimed Monday's attacks on the army camps at Boni and Hombori. "
               "According to the government, both positions were attacked at dawn on Monday. At "
               "Boni, 12 soldiers were killed."),
        ("fr", "Le JNIM a revendiqué mercredi les attaques menées lundi contre les camps "
               "militaires de Boni et de Hombori. Selon le gouvernement, les deux positions ont "
               "été attaquées à l'aube lundi. À Boni, douze soldats ont été tués."),
    ],
)  # fmt: skip
def test_a_claim_told_in_the_lead_before_the_attack_names_its_actor1(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang, published="2019-10-02").mentions
    assert mentions
    assert {m.actor1 for m in mentions} == {JNIM}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "AQIM says it is holding a French doctor who was kidnapped from his clinic in Djibo "
               "on Friday night, a claim published on Saturday."),
        ("en", "Gunmen kidnapped a French doctor from his clinic in Djibo on Friday night. In a "
               "message published on Saturday, AQIM said it was holding him."),
        ("fr", "Des hommes armés ont enlevé vendredi soir un médecin français à "
               "Djibo. Dans un message publié samedi, AQMI affirme détenir l'otage."),
    ],
)  # fmt: skip
def test_a_group_that_says_it_holds_the_hostages_is_the_kidnapper(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2016-01-17").mentions
    assert mention.sub_event_type is S.ABDUCTION_FORCED_DISAPPEARANCE
    assert (mention.actor1, mention.location) == ("AQIM: Al Qaeda in the Islamic Maghreb", "Djibo")


@pytest.mark.parametrize(
    ("lang", "text", "actor1"),
    [
        ("en", "Armed men dressed as traditional Dozo hunters killed 16 Fulani villagers in "
               "Djenné on Saturday.", "Dozo Communal Militia (Mali)"),
        ("fr", "Des hommes armés en tenue de chasseurs dozos ont tué samedi seize villageois peuls "
               "à Djenné.", "Dozo Communal Militia (Mali)"),
        ("en", "Gunmen dressed as Dozo hunters killed 16 Fulani villagers in Bankass on Saturday. "
               "The government blamed Dan Na Ambassagou.", "Dan Na Ambassagou"),
    ],
)  # fmt: skip
def test_gunmen_dressed_as_a_militia_are_that_militia_unless_one_of_its_kin_is_blamed(
    extractor: Extractor, lang: str, text: str, actor1: str
) -> None:
    [mention] = run(extractor, text, lang, published="2018-06-25").mentions
    assert (mention.actor1, mention.actor2) == (actor1, "Civilians (Mali)")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A suicide bombing at a military camp in Gao on Wednesday killed 77 people."),
        ("fr", "Un kamikaze a fait exploser un camion piégé dans le camp militaire de Gao "
               "mercredi, tuant 77 personnes."),
    ],
)  # fmt: skip
def test_a_military_camp_bombed_is_the_army_attacked(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2017-01-19").mentions
    assert mention.sub_event_type is S.SUICIDE_BOMB
    assert mention.actor2 == "Military Forces of Mali (2013-2020)"


def test_weapons_seized_after_a_strike_are_its_spoils_and_a_toll_told_again_counts_once(
    extractor: Extractor,
) -> None:
    text = (
        "French forces killed more than 50 jihadists in an air strike near Boulkessi on Friday, "
        'the minister said. "More than 50 jihadists were neutralised, weapons and equipment '
        'were seized," she told reporters. Four fighters were captured, the army said.'
    )
    [mention] = run(extractor, text, "en", published="2020-11-02").mentions
    assert mention.sub_event_type is S.AIR_DRONE_STRIKE
    assert mention.fatalities == 50


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor2"),
    [
        ("On Thursday, the army said its units came under attack near Ber and responded "
         "vigorously, without giving a toll.", S.ARMED_CLASH, "Military Forces of Mali (2021-)"),
        ("Soldiers came under fire near Ber on Thursday, the army said.",
         S.ARMED_CLASH, "Military Forces of Mali (2021-)"),
        ("Villagers came under attack in Ber on Thursday, and 12 of them were killed.",
         S.ATTACK, "Civilians (Mali)"),
    ],
)  # fmt: skip
def test_who_came_under_attack_is_the_side_attacked(
    extractor: Extractor, text: str, sub_event_type: S, actor2: str
) -> None:
    [mention] = run(extractor, text, "en", published="2024-07-27").mentions
    assert (mention.sub_event_type, mention.actor2) == (sub_event_type, actor2)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Fourteen people were killed in Djibo on Friday evening. JNIM issued a statement "
               "denying any involvement."),
        ("en", "An attack killed 14 people in Djibo on Friday. JNIM, in a statement, denied any "
               "involvement."),
        ("fr", "Quatorze personnes ont été tuées vendredi soir à Djibo. Le JNIM a démenti toute "
               "implication."),
    ],
)  # fmt: skip
def test_a_group_that_denies_the_attack_is_not_its_actor(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2021-06-06").mentions
    assert mention.actor1 == "Unidentified Armed Group (Burkina Faso)"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Gunmen killed 14 people in Djibo on Friday. No group has claimed the attack.", ""),
        ("Gunmen killed 14 people in Djibo on Friday. JNIM claimed the attack.", "claimed"),
    ],
)
def test_an_outcome_said_not_to_have_happened_is_no_outcome(
    extractor: Extractor, text: str, outcome: str
) -> None:
    [mention] = run(extractor, text, "en", published="2021-06-06").mentions
    assert mention.outcome == outcome


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The gendarmerie post in Djibo was attacked overnight on Thursday. Four people were "
               "killed: three gendarmes and a civilian."),
        ("fr", "La brigade de gendarmerie de Djibo a été la cible d'une attaque armée dans la nuit "
               "de jeudi à vendredi. Le bilan fait état de quatre morts : trois gendarmes et un "
               "civil."),
    ],
)  # fmt: skip
def test_gendarmes_among_the_dead_of_an_attack_on_their_post_were_fought_not_the_attackers(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2015-10-10").mentions
    assert (mention.sub_event_type, mention.actor1, mention.fatalities) == (
        SubEventType.ARMED_CLASH, "Unidentified Armed Group (Burkina Faso)", 4)  # fmt: skip
    assert mention.actor2.startswith("Police Forces of Burkina Faso")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A convoy was ambushed near Gorgadji on Wednesday. Fifteen soldiers and six VDP "
               "were killed."),
        ("fr", "Un convoi est tombé dans une embuscade mercredi près de Gorgadji. Quinze "
               "militaires et six VDP ont été tués."),
    ],
)  # fmt: skip
def test_the_people_a_toll_counts_are_not_who_did_it(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2021-08-20").mentions
    assert mention.actor1 == "Unidentified Armed Group (Burkina Faso)"
    assert mention.fatalities == 21


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "On Wednesday, MUJAO carried out an amputation in Gao: a young man accused of theft "
               "had his right hand cut off in public."),
        ("fr", "Mercredi, le MUJAO a procédé à une amputation à Gao : un jeune homme a été amputé "
               "de la main droite en public pour vol."),
    ],
)  # fmt: skip
def test_an_amputation_is_an_attack_on_a_civilian(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2012-08-10").mentions
    assert (mention.sub_event_type, mention.actor2) == (SubEventType.ATTACK, "Civilians (Mali)")
    assert mention.actor1.startswith("MUJAO")


def test_a_toll_brought_down_on_a_later_day_is_no_retaking_and_keeps_the_attack_s_day(
    extractor: Extractor,
) -> None:
    text = (
        "MOPTI - Le gouvernement a ramené mardi à 30 morts le bilan de l'attaque perpétrée "
        "dimanche soir contre le village de Dourou, dans le cercle de Bandiagara. Le chiffre de "
        "80 morts avait été avancé lundi par des élus locaux, puis repris par le gouvernement."
    )
    [mention] = run(extractor, text, "fr", published="2019-06-12").mentions
    assert mention.sub_event_type is S.ATTACK
    assert (mention.event_date.isoformat(), mention.location, mention.fatalities) == (
        "2019-06-09", "Dourou", 30)  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le gouvernement burkinabè a ramené jeudi à 20 morts le bilan de l'attaque "
               "perpétrée mardi contre le village de Dablo."),
        ("en", "The government of Burkina Faso on Thursday put the toll of Tuesday's attack on the "
               "village of Dablo at 20 dead."),
    ],
)  # fmt: skip
def test_a_government_that_speaks_of_an_attack_did_not_carry_it_out(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang, published="2019-05-17").mentions
    assert mention.actor1 == "Unidentified Armed Group (Burkina Faso)"
