"""A battle has two armed sides, the attacker first, as the corpus codes them.

The army's side (its police, foreign partners and self-defence militias) is second when it was
attacked and first only in an offensive it began; when a report names one side, the other is the
one the conflict gives it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from conflictwatch.extract.extractor import Extractor
from conflictwatch.extract.targets import fired_on_civilians
from conflictwatch.model import Mention
from conflictwatch.taxonomy import ActorType, EventType, SubEventType
from conflictwatch.taxonomy import SubEventType as S

from .conftest import run


def _battle(extractor: Extractor, text: str, lang: str) -> tuple[str, str]:
    [mention] = run(extractor, text, lang).mentions
    assert mention.event_type is EventType.BATTLES
    return mention.actor1, mention.actor2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Soldiers were ambushed near Boni on Tuesday and four of them were killed in "
               "the fighting, a military source said."),
        ("fr", "Des soldats sont tombés dans une embuscade mardi près de Boni et quatre d'entre "
               "eux ont été tués dans les combats, selon une source militaire."),
    ],
)  # fmt: skip
def test_forces_attacked_by_no_one_named_face_an_unidentified_group(
    extractor: Extractor, lang: str, text: str
) -> None:
    assert _battle(extractor, text, lang) == (
        "Unidentified Armed Group (Mali)", "Military Forces of Mali (2021-)")  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Malian soldiers killed twenty militants during an operation near Boni on "
               "Tuesday, the army said."),
        ("fr", "Les soldats maliens ont neutralisé vingt assaillants lors d'une opération "
               "mardi près de Boni, a annoncé l'armée."),
    ],
)  # fmt: skip
def test_the_forces_are_first_in_an_offensive_they_began(
    extractor: Extractor, lang: str, text: str
) -> None:
    actor1, actor2 = _battle(extractor, text, lang)
    assert actor1 == "Military Forces of Mali (2021-)"
    assert actor2 == "Unidentified Armed Group (Mali)"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Soldiers fought off an assault on their camp in Boni on Tuesday, killing "
               "five assailants. The attackers were fighters of the Islamic State Sahel "
               "Province, a security source said."),
        ("fr", "Des soldats ont repoussé mardi un assaut contre leur camp de Boni, tuant cinq "
               "assaillants. Les attaquants étaient des combattants de l'État islamique au "
               "Sahel, selon une source sécuritaire."),
    ],
)  # fmt: skip
def test_the_group_named_further_on_is_the_attacker_of_forces_that_fought_back(
    extractor: Extractor, lang: str, text: str
) -> None:
    assert _battle(extractor, text, lang) == (
        "Islamic State Sahel Province", "Military Forces of Mali (2021-)")  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text", "forces"),
    [
        ("en", "Jihadists stormed a gendarmerie post in Boni on Tuesday and traded fire for "
               "two hours before withdrawing, leaving three of their dead behind.",
         "Police Forces of Mali (2021-)"),
        ("fr", "Des jihadistes ont pris d'assaut un poste de contrôle à Boni mardi et ont "
               "échangé des tirs pendant deux heures avant de se retirer, laissant trois "
               "morts dans leurs rangs.",
         "Military Forces of Mali (2021-)"),
    ],
)  # fmt: skip
def test_a_group_that_fought_at_a_post_fought_the_country_s_forces(
    extractor: Extractor, lang: str, text: str, forces: str
) -> None:
    actor1, actor2 = _battle(extractor, text, lang)
    assert actor1.startswith("Unidentified Armed Group")
    assert actor2 == forces


def test_a_partner_of_the_army_is_on_the_army_s_side(extractor: Extractor) -> None:
    text = ("Wagner mercenaries were attacked near Boni on Tuesday by fighters of the "
            "Islamic State Sahel Province; the fighting lasted several hours.")  # fmt: skip
    assert _battle(extractor, text, "en") == ("Islamic State Sahel Province", "Wagner Group")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The army retook control of Kidal on Tuesday. The separatist fighters of the "
               "CSP had withdrawn from the town the day before."),
        ("fr", "L'armée a repris le contrôle de Kidal mardi. Les combattants du CSP s'étaient "
               "retirés de la ville la veille."),
    ],
)  # fmt: skip
def test_the_forces_that_retake_a_town_are_first(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang, published="2023-11-15").mentions
    [taking] = [m for m in mentions if m.event_type is EventType.BATTLES]
    assert taking.actor1 == "Military Forces of Mali (2021-)"
    assert taking.actor2.startswith("CSP")


def test_a_unit_taken_to_task_was_attacked_not_captured(extractor: Extractor) -> None:
    text = ("Dix soldats ont été tués vendredi près de Boni. Selon l'armée, l'unité a été "
            "prise à partie par un grand nombre d'assaillants lors d'une patrouille.")  # fmt: skip
    [mention] = run(extractor, text, "fr").mentions
    assert mention.sub_event_type.value == "Armed clash"
    assert mention.actor2 == "Military Forces of Mali (2021-)"


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "the attackers were shot dead by special forces"),
     ("fr", "les assaillants ont été abattus par les forces spéciales burkinabè")],
)  # fmt: skip
def test_special_forces_are_the_country_s_army(lang: str, text: str) -> None:
    import datetime as dt

    from conflictwatch.extract.actors import ActorFinder
    from conflictwatch.knowledge import load_pack

    found = ActorFinder(load_pack("sahel"), lang).find(text, on=dt.date(2017, 8, 14), country="BF")
    assert "Military Forces of Burkina Faso (2015-2022)" in [m.name for m in found]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Three Malian soldiers were killed on Monday when their vehicle struck a "
               "roadside bomb near Boni."),
        ("en", "A Malian army convoy struck a roadside bomb near Boni on Monday, wounding three "
               "soldiers."),
        ("fr", "Un convoi de l'armée malienne a sauté sur une mine lundi près de Boni, blessant "
               "trois soldats."),
    ],
)  # fmt: skip
def test_a_mine_that_hit_soldiers_was_set_by_an_armed_group(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang).mentions
    assert mention.event_type is EventType.EXPLOSIONS_REMOTE_VIOLENCE
    assert (mention.actor1, mention.actor2) == (
        "Unidentified Armed Group (Mali)", "Military Forces of Mali (2021-)")  # fmt: skip


def test_a_bomb_the_army_defused_was_an_armed_group_s(extractor: Extractor) -> None:
    text = "Soldiers defused an improvised explosive device on the road near Boni on Monday."
    [mention] = run(extractor, text, "en").mentions
    assert mention.sub_event_type.value == "Disrupted weapons use"
    assert (mention.actor1, mention.actor2) == (
        "Military Forces of Mali (2021-)", "Unidentified Armed Group (Mali)")  # fmt: skip


def test_a_unit_on_an_offensive_mission_fought_the_terrorists_it_met(
    extractor: Extractor,
) -> None:
    text = ("Mardi, une unité en mission de reconnaissance offensive a accroché des terroristes "
            "près de Boni, en neutralisant une quinzaine, selon l'état-major.")  # fmt: skip
    assert _battle(extractor, text, "fr") == (
        "Military Forces of Mali (2021-)", "Unidentified Armed Group (Mali)")  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text", "group"),
    [("fr", "le gouvernement attribue l'attaque aux jihadistes de Boko Haram", "Boko Haram"),
     ("fr", "des hommes armés du MNLA ont pris la ville", "MNLA"),
     ("en", "gunmen belonging to JNIM attacked the post", "JNIM")],
)  # fmt: skip
def test_gunmen_of_a_named_group_are_that_group(lang: str, text: str, group: str) -> None:
    import datetime as dt

    from conflictwatch.extract.actors import ActorFinder
    from conflictwatch.knowledge import load_pack

    found = ActorFinder(load_pack("sahel"), lang).find(text, on=dt.date(2020, 12, 12), country="NE")
    assert len(found) >= 1 and found[0].name.startswith(group.split()[0])
    assert not found[0].name.startswith("Unidentified")


def test_no_group_is_both_sides_of_an_event(extractor: Extractor) -> None:
    text = (
        "Des centaines de personnes ont été tuées samedi à Djibo lorsque des combattants "
        "jihadistes ont ouvert le feu sur des habitants réquisitionnés par l'armée pour creuser "
        "une tranchée. Le JNIM a revendiqué l'attaque."
    )
    [mention] = run(extractor, text, "fr").mentions
    assert mention.actor1.startswith("JNIM") and mention.actor2 != mention.actor1


def test_a_group_that_fired_on_civilians_with_no_fighter_dead_attacked_them() -> None:
    clash = Mention(
        id="m", article_id="a", event_date=dt.date(2024, 8, 24), event_type=EventType.BATTLES,
        sub_event_type=SubEventType.ARMED_CLASH, actor1="JNIM",
        inter1=ActorType.REBEL_GROUP, actor2="Civilians (Burkina Faso)",
        inter2=ActorType.CIVILIANS, fatalities=100, fatalities_by_side={"unknown": 100},
    )  # fmt: skip
    attack = fired_on_civilians(clash)
    assert (attack.event_type, attack.sub_event_type) == (
        EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK)  # fmt: skip
    assert attack.civilian_targeting
    # soldiers among the dead: a fight, its sides misread; forces first: a side misread too
    fought = replace(clash, fatalities_by_side={"state": 12, "unknown": 3})
    assert fired_on_civilians(fought) == fought
    forces = replace(clash, actor1="Military Forces of Burkina Faso (2022-)",
                     inter1=ActorType.STATE_FORCES)  # fmt: skip
    assert fired_on_civilians(forces) == forces
    # forces named in the opening ("a convoy escorted by soldiers"): the civilians were misread
    assert fired_on_civilians(clash, forces_named=True) == clash


def test_a_battle_that_also_killed_civilians_is_two_events(extractor: Extractor) -> None:
    text = (
        "Twelve civilians, most of them women, and four soldiers were killed on Tuesday when "
        "jihadists attacked the army post and the market in Djibo, the army said. Thirty "
        "attackers were neutralised."
    )
    found = {m.sub_event_type: m for m in run(extractor, text, "en").mentions}
    assert set(found) == {S.ARMED_CLASH, S.ATTACK}
    assert found[S.ARMED_CLASH].fatalities == 34
    assert found[S.ATTACK].fatalities == 12
    assert found[S.ATTACK].actor2 == "Civilians (Burkina Faso)"
    assert found[S.ARMED_CLASH].actor2.startswith("Military Forces of Burkina Faso")


def test_civilians_killed_in_a_battle_and_told_apart_are_not_counted_twice(
    extractor: Extractor,
) -> None:
    text = (
        "Jihadists attacked the army post in Djibo on Tuesday; four soldiers and twelve "
        "civilians were killed, the army said. Separately, gunmen killed twelve civilians "
        "at the market in Djibo on Tuesday."
    )
    attacks = [m for m in run(extractor, text, "en").mentions if m.sub_event_type is S.ATTACK]
    assert len(attacks) == 1
