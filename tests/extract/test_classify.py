"""The sub-event type classifier, as a spec: sentences we wrote, in English and French."""

from __future__ import annotations

import time

import pytest

from conflictwatch.extract.classify import SubtypeClassifier, parse_label
from conflictwatch.extract.records import OtherClass
from conflictwatch.knowledge import load_pack
from conflictwatch.taxonomy import SubEventType as S


@pytest.fixture(scope="module")
def classifier() -> SubtypeClassifier:
    return SubtypeClassifier.from_pack(load_pack("sahel"))


ENGLISH = [
    ("Jihadists and soldiers clashed for hours near Boni on Sunday.", S.ARMED_CLASH),
    ("Gunmen attacked an army post in Tessit, killing four soldiers.", S.ARMED_CLASH),
    ("The army recaptured the town of Kidal from the rebels.", S.GOVERNMENT_REGAINS_TERRITORY),
    (
        "JNIM fighters seized control of the town after the garrison fled.",
        S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
    ),
    ("A drone strike hit a wedding near Tin Zaouatene.", S.AIR_DRONE_STRIKE),
    ("A suicide bomber blew himself up at the gate of the camp.", S.SUICIDE_BOMB),
    ("Mortar shells fell on the MINUSMA camp in Aguelhok.", S.SHELLING_ARTILLERY_MISSILE_ATTACK),
    ("A roadside bomb struck a bus on the Gao-Ansongo road.", S.REMOTE_EXPLOSIVE_LANDMINE_IED),
    ("A man threw a grenade into a bar in Niamey.", S.GRENADE),
    ("Soldiers raped women in the village, a rights group said.", S.SEXUAL_VIOLENCE),
    ("Gunmen massacred villagers in a raid on the village of Ogossagou.", S.ATTACK),
    ("Armed men kidnapped the mayor and two traders near Djibo.", S.ABDUCTION_FORCED_DISAPPEARANCE),
    ("Hundreds of people marched peacefully in Bamako to demand elections.", S.PEACEFUL_PROTEST),
    ("Police dispersed the demonstrators with tear gas.", S.PROTEST_WITH_INTERVENTION),
    (
        "Security forces opened fire on protesters, killing three.",
        S.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
    ),
    ("Rioters torched the town hall and threw stones at police.", S.VIOLENT_DEMONSTRATION),
    ("An angry mob lynched a suspected thief in the market.", S.MOB_VIOLENCE),
    ("The two communities signed a local peace agreement in Mopti.", S.AGREEMENT),
    ("Gendarmes arrested three suspected jihadists in Sikasso.", S.ARRESTS),
    (
        "The junta dissolved all political parties and announced a curfew.",
        S.CHANGE_TO_GROUP_ACTIVITY,
    ),
    ("Soldiers defused an improvised explosive device on the road.", S.DISRUPTED_WEAPONS_USE),
    ("The army has set up a new military base in Ber.", S.HEADQUARTERS_OR_BASE_ESTABLISHED),
    ("Militants looted shops and burned granaries in the village.", S.LOOTING_PROPERTY_DESTRUCTION),
    ("Peacekeepers handed over the camp to the Malian army.", S.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    ("A mass grave was found near the village.", S.OTHER),
    (
        "Floods after torrential rain destroyed hundreds of homes in Niamey.",
        OtherClass.NATURAL_DISASTER,
    ),
    ("A gas explosion at a market killed five people.", OtherClass.MAN_MADE_DISASTER),
    ("Mali expelled the French ambassador and imposed sanctions.", OtherClass.DIPLO),
    ("JNIM claimed responsibility for the ambush.", OtherClass.ATTRIB),
    (
        "Customs officers broke up a drug trafficking ring of cocaine smugglers.",
        OtherClass.ORG_CRIME,
    ),
]

FRENCH = [
    ("De violents combats ont opposé les FAMa aux terroristes près de Boni.", S.ARMED_CLASH),
    ("Les FAMa ont repris le contrôle de la ville d'Anéfis.", S.GOVERNMENT_REGAINS_TERRITORY),
    ("Les rebelles se sont emparés du camp de Léré.", S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
    ("Une frappe de drone a visé un rassemblement de terroristes.", S.AIR_DRONE_STRIKE),
    ("Un kamikaze s'est fait exploser devant le camp.", S.SUICIDE_BOMB),
    (
        "Des obus de mortier sont tombés sur l'aéroport de Tombouctou.",
        S.SHELLING_ARTILLERY_MISSILE_ATTACK,
    ),
    (
        "Un véhicule a sauté sur une mine artisanale près de Douentza.",
        S.REMOTE_EXPLOSIVE_LANDMINE_IED,
    ),
    ("Un individu a lancé une grenade dans un bar.", S.GRENADE),
    ("Des femmes ont été violées par des hommes armés.", S.SEXUAL_VIOLENCE),
    ("Des hommes armés ont massacré des villageois à Solhan.", S.ATTACK),
    ("Le maire a été enlevé par des individus armés.", S.ABDUCTION_FORCED_DISAPPEARANCE),
    (
        "Des milliers de manifestants ont marché à Bamako pour exiger le départ de la MINUSMA.",
        S.PEACEFUL_PROTEST,
    ),
    (
        "La police a dispersé les manifestants à coups de gaz lacrymogène.",
        S.PROTEST_WITH_INTERVENTION,
    ),
    (
        "Les forces de l'ordre ont tiré sur les manifestants à balles réelles.",
        S.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
    ),
    ("Des émeutiers ont saccagé la mairie et brûlé des pneus.", S.VIOLENT_DEMONSTRATION),
    ("Un voleur présumé a été lynché par la foule.", S.MOB_VIOLENCE),
    ("Les deux communautés ont signé un accord de paix.", S.AGREEMENT),
    ("Trois suspects ont été interpellés et placés en garde à vue.", S.ARRESTS),
    ("Le gouvernement a instauré un couvre-feu dans la région.", S.CHANGE_TO_GROUP_ACTIVITY),
    ("Les militaires ont désamorcé un engin explosif improvisé.", S.DISRUPTED_WEAPONS_USE),
    ("L'armée a installé une nouvelle base militaire à Ber.", S.HEADQUARTERS_OR_BASE_ESTABLISHED),
    (
        "Les assaillants ont pillé les boutiques et incendié des greniers.",
        S.LOOTING_PROPERTY_DESTRUCTION,
    ),
    (
        "La MINUSMA a procédé à la rétrocession du camp aux autorités.",
        S.NON_VIOLENT_TRANSFER_OF_TERRITORY,
    ),
    ("Un charnier a été découvert près du village.", S.OTHER),
    ("Les inondations ont détruit des centaines de maisons.", OtherClass.NATURAL_DISASTER),
    ("Un accident de la route a fait dix morts.", OtherClass.MAN_MADE_DISASTER),
    ("Le Niger a rappelé son ambassadeur et dénoncé les sanctions.", OtherClass.DIPLO),
    ("Le JNIM a revendiqué l'embuscade.", OtherClass.ATTRIB),
    ("La police a démantelé un réseau de trafiquants de drogue.", OtherClass.ORG_CRIME),
]


@pytest.mark.parametrize(("sentence", "expected"), ENGLISH)
def test_english_sentences(classifier: SubtypeClassifier, sentence: str, expected: object) -> None:
    best = classifier.best(sentence, "en")
    assert best is not None and best.label is expected


@pytest.mark.parametrize(("sentence", "expected"), FRENCH)
def test_french_sentences(classifier: SubtypeClassifier, sentence: str, expected: object) -> None:
    best = classifier.best(sentence, "fr")
    assert best is not None and best.label is expected


NOT_EVENTS = [
    ("There were more than 1,000 attacks in 2023, nearly three times the level of 2020.", "en"),
    ("The army denied that soldiers attacked the village.", "en"),
    ("The group was planning to attack the convoy.", "en"),
    ("The minister visited the market and met traders.", "en"),
    ("Le ministre a reçu les chefs coutumiers au palais.", "fr"),
    ("L'armée a démenti toute attaque contre le village.", "fr"),
    ("Les terroristes projetaient d'attaquer la ville.", "fr"),
    ("Plus de 500 attaques en 2022 selon ACLED.", "fr"),
]


@pytest.mark.parametrize(("sentence", "lang"), NOT_EVENTS)
def test_statistics_denials_and_plans_are_not_violent_events(
    classifier: SubtypeClassifier, sentence: str, lang: str
) -> None:
    best = classifier.best(sentence, lang)
    assert best is None or best.label not in {S.ATTACK, S.ARMED_CLASH}


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Soldiers foiled a bomb attack on the market.", "en"),
        ("L'armée a déjoué un attentat à la voiture piégée.", "fr"),
    ],
)
def test_a_foiled_attack_is_disrupted_weapons_use(
    classifier: SubtypeClassifier, sentence: str, lang: str
) -> None:
    best = classifier.best(sentence, lang)
    assert best is not None and best.label is S.DISRUPTED_WEAPONS_USE


def test_nothing_event_like_gives_no_scores(classifier: SubtypeClassifier) -> None:
    assert classifier.scores("The weather was mild in Bamako today.", "en") == []


def test_evidence_points_at_the_trigger_words(classifier: SubtypeClassifier) -> None:
    text = "Le 3 mars, un kamikaze s’est fait exploser à Tillabéri."
    best = classifier.best(text, "fr")
    assert best is not None and best.label is S.SUICIDE_BOMB
    assert best.evidence and all(text[s.start : s.end] == s.quote for s in best.evidence)
    assert "kamikaze" in [s.quote for s in best.evidence]


def test_scores_are_best_first(classifier: SubtypeClassifier) -> None:
    scored = classifier.scores("A suicide bomber attacked soldiers at a checkpoint.", "en")
    assert [s.score for s in scored] == sorted((s.score for s in scored), reverse=True)


def test_an_unknown_language_names_the_ones_there_are(classifier: SubtypeClassifier) -> None:
    with pytest.raises(ValueError, match="available: en, fr"):
        classifier.scores("Ein Angriff", "de")


def test_parse_label_reads_acled_labels_and_other_classes() -> None:
    assert parse_label("Air/drone strike") is S.AIR_DRONE_STRIKE
    assert parse_label("DIPLO") is OtherClass.DIPLO


def test_scoring_a_sentence_takes_tens_of_microseconds(classifier: SubtypeClassifier) -> None:
    sentence = "Unidentified gunmen attacked a military post near Gao on Tuesday, killing six."
    classifier.scores(sentence, "en")
    runs = 2000
    started = time.perf_counter()
    for _ in range(runs):
        classifier.scores(sentence, "en")
    per_call = (time.perf_counter() - started) / runs
    assert per_call < 200e-6, f"{per_call * 1e6:.0f} µs per sentence"
