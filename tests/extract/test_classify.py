"""The sub-event type classifier, as a spec: sentences we wrote, in English and French."""

from __future__ import annotations

import pytest

from conflictwatch.extract.classify import SubtypeClassifier, parse_label
from conflictwatch.extract.records import OtherClass
from conflictwatch.knowledge import load_pack
from conflictwatch.taxonomy import SubEventType as S


@pytest.fixture(scope="module")
def classifier() -> SubtypeClassifier:
    return SubtypeClassifier.from_pack(load_pack("sahel"))


ENGLISH = [
    ("Members of the guard had confined the president inside his residence.", S.ARRESTS),
    ("Police fired tear gas grenades at the crowd of protesters.", S.PROTEST_WITH_INTERVENTION),
    ("A grenade exploded in the market.", S.GRENADE),
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
    # A camp handed to the state's forces is a base they establish (the corpus convention: Ber,
    # Timbuktu, Gao, Agadez); ground changing hands between armed groups is a transfer.
    ("Peacekeepers handed over the camp to the Malian army.", S.HEADQUARTERS_OR_BASE_ESTABLISHED),
    (
        "The rebels entered the town without resistance after the militia withdrew.",
        S.NON_VIOLENT_TRANSFER_OF_TERRITORY,
    ),
    ("A mass grave was found near the village.", S.OTHER),
    (
        "Floods after torrential rain destroyed hundreds of homes in Niamey.",
        OtherClass.NATURAL_DISASTER,
    ),
    ("A gas explosion at a market killed five people.", OtherClass.MAN_MADE_DISASTER),
    ("Mali expelled the French ambassador and imposed sanctions.", OtherClass.DIPLO),
    ("JNIM claimed responsibility for the ambush.", OtherClass.ATTRIB),
    ("The ambush was blamed on jihadists.", OtherClass.ATTRIB),
    (
        "An attack on the Kelbo post on Monday, blamed on jihadists, left twelve soldiers dead.",
        S.ARMED_CLASH,
    ),
    # a claim joined after the attack told with its toll leaves the sentence telling the attack
    (
        "Officials said twelve herders had been killed in attacks on two camps at the weekend, "
        "and blamed the ISGS.",
        S.ATTACK,
    ),
    (
        "Customs officers broke up a drug trafficking ring of cocaine smugglers.",
        OtherClass.ORG_CRIME,
    ),
]

FRENCH = [
    ("Onze civils ont été tués lors de frappes de drone près de Kidal.", S.AIR_DRONE_STRIKE),
    # a coup: the guard holding the president is an arrest
    (
        "Des militaires ont fait irruption au conseil des ministres et ont retenu le président.",
        S.ARRESTS,
    ),
    # tear gas rounds are crowd control at a protest, not a grenade attack
    (
        "La police a tiré des grenades lacrymogènes sur les manifestants.",
        S.PROTEST_WITH_INTERVENTION,
    ),
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
        S.HEADQUARTERS_OR_BASE_ESTABLISHED,
    ),
    (
        "Les jihadistes sont entrés sans combat dans la ville après le repli de la milice.",
        S.NON_VIOLENT_TRANSFER_OF_TERRITORY,
    ),
    ("Un charnier a été découvert près du village.", S.OTHER),
    ("Les inondations ont détruit des centaines de maisons.", OtherClass.NATURAL_DISASTER),
    ("Un accident de la route a fait dix morts.", OtherClass.MAN_MADE_DISASTER),
    ("Le Niger a rappelé son ambassadeur et dénoncé les sanctions.", OtherClass.DIPLO),
    ("Le JNIM a revendiqué l'embuscade.", OtherClass.ATTRIB),
    ("L'attaque du poste a été revendiquée par le JNIM.", OtherClass.ATTRIB),
    # a claim that only describes the attack it follows leaves the sentence telling the attack
    ("Une embuscade revendiquée par l'EIGS a coûté la vie à neuf soldats lundi.", S.ARMED_CLASH),
    (
        "Le gouverneur a annoncé que dix civils avaient été tués dans l'attaque d'un marché "
        "samedi, et a accusé l'EIGS.",
        S.ATTACK,
    ),
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


# Who takes the ground decides between the two territory types (ACLED): state forces regain it,
# anyone else overtakes it, whichever verb the report uses; ground held for a few hours is a clash.
TERRITORY = [
    ("Government troops seized control of the district capital.", "en",
     S.GOVERNMENT_REGAINS_TERRITORY),
    ("Insurgents recaptured the village from the army on Sunday.", "en",
     S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
    ("Opposition fighters retook the border crossing from government forces.", "en",
     S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
    ("Rebels say the market town was retaken by the army on Monday.", "en",
     S.GOVERNMENT_REGAINS_TERRITORY),
    ("Soldiers pushed into the rebel-held valley, fighting insurgents and retaking two villages.",
     "en", S.GOVERNMENT_REGAINS_TERRITORY),
    ("Militants briefly seized control of the town before withdrawing.", "en", S.ARMED_CLASH),
    ("Les soldats ont pris le contrôle de la localité après deux jours de combats.", "fr",
     S.GOVERNMENT_REGAINS_TERRITORY),
    ("Les rebelles ont repris la ville à l'armée.", "fr", S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
    ("La localité a été reprise par les FAMa mardi.", "fr", S.GOVERNMENT_REGAINS_TERRITORY),
    ("Les jihadistes se sont brièvement emparés du poste avant de se replier.", "fr",
     S.ARMED_CLASH),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "lang", "expected"), TERRITORY)
def test_the_side_that_takes_ground_decides_the_territory_type(
    classifier: SubtypeClassifier, sentence: str, lang: str, expected: object
) -> None:
    best = classifier.best(sentence, lang)
    assert best is not None and best.label is expected


# The demonstration family in ACLED's order: demonstrators' violence, then lethal force against
# peaceful protesters, then an intervention; police tools alone do not make a protest.
DEMONSTRATIONS = [
    ("Police fired tear gas at the crowd outside parliament.", "en", S.PROTEST_WITH_INTERVENTION),
    ("Protesters threw stones and set fire to a police van; police replied with tear gas.", "en",
     S.VIOLENT_DEMONSTRATION),
    ("Demonstrators looted and burned shops along the route of the march.", "en",
     S.VIOLENT_DEMONSTRATION),
    ("Security forces used live ammunition against the demonstrators.", "en",
     S.EXCESSIVE_FORCE_AGAINST_PROTESTERS),
    ("Rebels clashed with the army near the border.", "en", S.ARMED_CLASH),
    ("Militants clashed with police at a checkpoint.", "en", S.ARMED_CLASH),
    ("Des jihadistes se sont affrontés avec l'armée près de la frontière.", "fr", S.ARMED_CLASH),
    ("Les manifestants ont mis le feu à la mairie malgré les gaz lacrymogènes.", "fr",
     S.VIOLENT_DEMONSTRATION),
    ("La foule a été dispersée par la police.", "fr", S.PROTEST_WITH_INTERVENTION),
    ("Des hommes armés ont mis le feu à des greniers.", "fr", S.LOOTING_PROPERTY_DESTRUCTION),
    ("Le marché et des maisons ont été incendiés par les assaillants.", "fr",
     S.LOOTING_PROPERTY_DESTRUCTION),
    ("Certains ont mis le feu aux grilles avant d'être dispersés au gaz lacrymogène.", "fr",
     S.VIOLENT_DEMONSTRATION),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "lang", "expected"), DEMONSTRATIONS)
def test_demonstrations_follow_acleds_order(
    classifier: SubtypeClassifier, sentence: str, lang: str, expected: object
) -> None:
    best = classifier.best(sentence, lang)
    assert best is not None and best.label is expected


DEMONSTRATION_TYPES = (
    S.PROTEST_WITH_INTERVENTION,
    S.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
    S.VIOLENT_DEMONSTRATION,
)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The police officer was accused of using excessive force during the arrest.", "en"),
        ("Police seized live bullets and a pistol at the checkpoint.", "en"),
        ("Riot police stood guard outside the court during the hearing.", "en"),
        ("La police anti-émeute était déployée devant le tribunal.", "fr"),
        ("Le rapport dénonce l'usage excessif de la force lors des contrôles routiers.", "fr"),
    ],
)
def test_police_words_without_a_protest_are_not_a_demonstration(
    classifier: SubtypeClassifier, sentence: str, lang: str
) -> None:
    labels = {score.label for score in classifier.scores(sentence, lang)}
    assert not labels & {*DEMONSTRATION_TYPES}


# Accidents against bombs and gas attacks; crime and arrests against disrupted weapons use;
# a depot hit from the air is an air strike.
WHAT_KIND_OF_HARM = [
    ("A gas leak at the factory caused an explosion that killed four workers.", "en",
     OtherClass.MAN_MADE_DISASTER),
    ("Toxic gas escaped after a pipe burst at the chemical factory.", "en",
     OtherClass.MAN_MADE_DISASTER),
    ("A bomb exploded at the factory gate, killing four workers.", "en",
     S.REMOTE_EXPLOSIVE_LANDMINE_IED),
    ("Une explosion due à une fuite de gaz dans une usine a tué trois ouvriers.", "fr",
     OtherClass.MAN_MADE_DISASTER),
    ("Une bombe a explosé devant l'usine.", "fr", S.REMOTE_EXPLOSIVE_LANDMINE_IED),
    ("Police seized eight rifles and two grenades in a raid on a house.", "en",
     S.DISRUPTED_WEAPONS_USE),
    ("Soldiers destroyed machine guns, rockets and explosives left in the cave.", "en",
     S.DISRUPTED_WEAPONS_USE),
    ("Les gendarmes ont saisi des fusils et des grenades dans une maison.", "fr",
     S.DISRUPTED_WEAPONS_USE),
    ("Coast guards intercepted smugglers carrying cocaine.", "en", OtherClass.ORG_CRIME),
    ("La douane a intercepté des contrebandiers avec de la cocaïne.", "fr", OtherClass.ORG_CRIME),
    ("Police intercepted four suspected members of the cell.", "en", S.ARRESTS),
    ("La police a intercepté quatre suspects près de la frontière.", "fr", S.ARRESTS),
    ("Police detained three men accused of financing the militants.", "en", S.ARRESTS),
    ("Trois hommes accusés de financer les jihadistes ont été arrêtés.", "fr", S.ARRESTS),
    ("Warplanes destroyed an arms depot of the militants.", "en", S.AIR_DRONE_STRIKE),
    ("Des avions ont bombardé un dépôt de munitions des terroristes.", "fr", S.AIR_DRONE_STRIKE),
    ("The strikes targeted militant positions near the river.", "en", S.AIR_DRONE_STRIKE),
    ("Les frappes ont visé des positions terroristes près du fleuve.", "fr", S.AIR_DRONE_STRIKE),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "lang", "expected"), WHAT_KIND_OF_HARM)
def test_what_kind_of_harm(
    classifier: SubtypeClassifier, sentence: str, lang: str, expected: object
) -> None:
    best = classifier.best(sentence, lang)
    assert best is not None and best.label is expected


# What did not happen is dropped trigger by trigger, not passage by passage: a threat or a plan
# in one sentence does not erase the attack or the fighting told in the next.
MODALITY_PER_TRIGGER = [
    ("A threat of attack hung over the city for weeks. On Sunday gunmen attacked a hotel.", "en",
     S.ATTACK),
    ("The militants had planned to seize the town. Heavy clashes with the army left ten dead.",
     "en", S.ARMED_CLASH),
    ("Two suicide bombers attempted to enter the market and blew themselves up, killing three.",
     "en", S.SUICIDE_BOMB),
    ("Les terroristes projetaient de s'emparer de la ville. De violents combats les ont opposés à "
     "l'armée.", "fr", S.ARMED_CLASH),
    ("Deux kamikazes ont tenté d'entrer dans le marché et se sont fait exploser, tuant trois "
     "personnes.", "fr", S.SUICIDE_BOMB),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "lang", "expected"), MODALITY_PER_TRIGGER)
def test_modality_is_read_for_each_trigger(
    classifier: SubtypeClassifier, sentence: str, lang: str, expected: object
) -> None:
    best = classifier.best(sentence, lang)
    assert best is not None and best.label is expected


def test_firing_on_the_crowd_of_a_protest_is_excessive_force(
    classifier: SubtypeClassifier,
) -> None:
    text = "Des centaines de jeunes ont manifesté mercredi. Les soldats ont tiré sur la foule."
    best = classifier.best(text, "fr")
    assert best is not None and best.label is S.EXCESSIVE_FORCE_AGAINST_PROTESTERS


@pytest.mark.parametrize(
    "sentence",
    [
        "La ville avait retrouvé son calme et la circulation a repris normalement.",
        "La reprise des cours est prévue lundi dans les écoles de la ville.",
    ],
)
def test_something_resumed_is_no_ground_retaken(
    classifier: SubtypeClassifier, sentence: str
) -> None:
    best = classifier.best(sentence, "fr")
    assert best is None or best.label is not S.GOVERNMENT_REGAINS_TERRITORY
    retaken = classifier.best("Les soldats ont repris Kidal aux rebelles.", "fr")
    assert retaken is not None and retaken.label is S.GOVERNMENT_REGAINS_TERRITORY


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Le MSA, un groupe armé signataire de l'accord de paix, parle de 42 morts.", "fr"),
        ("The CMA, a signatory to the 2015 peace agreement, denied any role.", "en"),
        ("Groups that are party to the agreement met in Kidal.", "en"),
    ],
)
def test_a_party_named_by_the_agreement_it_signed_is_no_agreement_made(
    classifier: SubtypeClassifier, sentence: str, lang: str
) -> None:
    best = classifier.best(sentence, lang)
    assert best is None or best.label is not S.AGREEMENT
    signed = classifier.best("La CMA et le gouvernement ont signé un accord de paix.", "fr")
    assert signed is not None and signed.label is S.AGREEMENT


@pytest.mark.parametrize(
    ("lang", "stopped", "seized"),
    [
        ("en", "The attackers intercepted their vehicle near the reserve.",
         "Soldiers intercepted a truck loaded with explosives near Gao."),
        ("fr", "Les assaillants ont intercepté leur véhicule près de la réserve.",
         "Les soldats ont intercepté un camion chargé d'explosifs près de Gao."),
    ],
)  # fmt: skip
def test_a_vehicle_intercepted_is_no_weapon_disrupted_unless_it_carried_weapons(
    classifier: SubtypeClassifier, lang: str, stopped: str, seized: str
) -> None:
    best = classifier.best(stopped, lang)
    assert best is None or best.label is not S.DISRUPTED_WEAPONS_USE
    best = classifier.best(seized, lang)
    assert best is not None and best.label is S.DISRUPTED_WEAPONS_USE


def test_who_an_actor_fights_alongside_is_no_fight(classifier: SubtypeClassifier) -> None:
    text = ("Gunmen targeted a post of the VDP, the civilian auxiliaries who fight alongside the "
            "army, then shot residents.")  # fmt: skip
    best = classifier.best(text, "en")
    assert best is None or best.label is not S.ARMED_CLASH
    fought = classifier.best("Soldiers and militants fight near the village.", "en")
    assert fought is not None and fought.label is S.ARMED_CLASH
