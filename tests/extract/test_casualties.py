"""Casualty counts with kind and side, read conservatively (ACLED), in English and French."""

from __future__ import annotations

import pytest

from conflictwatch.extract.casualties import CasualtyReader
from conflictwatch.extract.casualty_words import CasualtyWords
from conflictwatch.extract.numbers import NumberReader
from conflictwatch.extract.records import CasualtyKind, Side
from conflictwatch.extract.tolls import Told, Toll, TollCues, tally
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
    pack = load_pack("sahel")
    words = CasualtyWords.from_pack(pack)
    numbers = pack.lexicon("numbers")
    return {lang: CasualtyReader(lang, NumberReader(lang, numbers), words) for lang in ("en", "fr")}


def read(reader: CasualtyReader, text: str) -> list[tuple[CasualtyKind, int, Side]]:
    found = reader.casualties(text)
    assert all(text[c.start : c.end] == c.quote for c in found)
    return [(c.kind, c.count, c.side) for c in found]


EN = [
    ("Six aid workers and their two guides were killed on Sunday.", [(K, 6, C), (K, 2, C)]),
    ("Gunmen killed 12 soldiers near Gao.", [(K, 12, S)]),
    ("Gunmen killed on Sunday night eleven villagers.", [(K, 11, C)]),
    # an aside after the first count does not cut it from the verb the second shares
    (
        "Twelve civilians, most of them women, and four soldiers were killed.",
        [(K, 12, C), (K, 4, S)],
    ),
    # protesters killed are counted (as civilians)
    ("Three protesters were shot dead by the police.", [(K, 3, C)]),
    # people listed with the count share its verb; the count is kept, conservatively
    ("Six French aid workers, their guide and their driver were killed.", [(K, 6, C)]),
    ("12 soldiers were killed in the ambush.", [(K, 12, S)]),
    # where the people counted came from is no count of its own
    ("At least 19 people from 11 countries were killed.", [(K, 19, U)]),
    # the guests of a hotel, the customers of a bar
    ("Gunmen killed 20 guests at the hotel.", [(K, 20, C)]),
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
    (
        "Twelve soldiers from the garrison, which had been reinforced last week, were killed.",
        [(K, 12, S)],
    ),
    ("Five villagers from Boni, in the Douentza cercle, were abducted on Monday.", [(A, 5, C)]),
    ("The convoy lost four soldiers near Tessalit.", [(K, 4, S)]),
    ("The convoy lost 3 trucks near Tessalit.", []),
    ("Officials said 14 fighters had been 'neutralised'.", [(K, 14, X)]),
    ("Local people said hundreds had been killed.", [(K, 100, U)]),
    ("Witnesses spoke of dozens of Burkinabe and Nigerien soldiers dead.", [(K, 12, S)]),
    ("The blast left 9 people dead, as well as one of the bombers.", [(K, 9, U), (K, 1, X)]),
    ("The strike on 4 March killed 11 herders.", [(K, 11, C)]),
    ("A patrol of six guards was ambushed, four of whom were killed.", [(K, 4, U)]),
    # a share of people just named, after the verb: their side
    ("Troops repelled the assailants, killing dozens of them.", [(K, 12, X)]),
    (
        "The government revised the toll from the raid on the village sharply upwards, to 41.",
        [(K, 41, U)],
    ),
    (
        "Gunmen attacked the village, killing 14 people, including a soldier.",
        [(K, 14, U), (K, 1, S)],  # a total takes a share's side only if the shares are most of it
    ),
    # one person told as the source of the count is not one more dead
    ("Gunmen attacked the village, killing 14 people, a local official said.", [(K, 14, U)]),
    ("Gunmen attacked the village, killing 14 civilians, said a resident.", [(K, 14, C)]),
    ("A soldier was killed, the army said.", [(K, 1, S)]),
    # a phrase standing for the toll gives it, however far the count comes after it
    ("The number of people killed when gunmen raided the village has risen to 132.", [(K, 132, U)]),
    ("The number of displaced people has risen to 2,000.", []),
    # the shares of a count set after a colon are counted, by side
    ("Four people were killed: three gendarmes and a civilian.", [(K, 4, U), (K, 3, S), (K, 1, C)]),
]
FR = [
    ("Au moins 19 personnes de 11 nationalités ont été tuées.", [(K, 19, U)]),
    ("Les assaillants ont tué douze clients du bar.", [(K, 12, C)]),
    ("Les soldats ont repoussé les assaillants, en tuant une vingtaine d'entre eux.", [(K, 20, X)]),
    # after "a"/"ont" with no "été" the people counted did the deed; "ont péri" still dies
    ("Deux soldats ont découvert et neutralisé un engin explosif.", []),
    ("Deux soldats ont abattu un suspect.", [(K, 1, U)]),
    ("Trois soldats ont péri et deux ont aussi été blessés.", [(K, 3, S), (W, 2, S)]),
    # people counted, then "and their" more people, share the verb of the second count
    ("Six humanitaires français et leurs deux guides ont été tués.", [(K, 6, C), (K, 2, C)]),
    ("Trois manifestants ont été tués et une trentaine blessés.", [(K, 3, C), (W, 30, C)]),
    # a count "neutralised" with no people named is of the enemy fighters
    ("L'unité a riposté, neutralisant une quinzaine.", [(K, 15, X)]),
    (
        "Six humanitaires français, leur guide et leur chauffeur nigériens ont été tués.",
        [(K, 6, C)],
    ),
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
    # when it happened may stand between the verb and its count
    ("Des hommes armés ont tué dimanche soir onze civils.", [(K, 11, C)]),
    (
        "Douze civils, pour la plupart des femmes, et quatre soldats ont été tués.",
        [(K, 12, C), (K, 4, S)],
    ),
    ("Les assaillants ont enlevé hier une vingtaine de passagers.", [(A, 20, C)]),
    ("La frappe a tué mardi 12 km plus loin.", []),
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
    (
        "Au moins 30 habitants du village de Boni, dans le cercle de Douentza, ont été tués.",
        [(K, 30, C)],
    ),
    ("Dix soldats, selon l'armée, n'ont pas été tués.", []),
    ("L'embuscade a fait des dizaines de morts.", [(K, 10, U)]),
    ("La colonne a subi la perte de six soldats.", [(K, 6, S)]),
    ("Le groupe dit avoir « neutralisé » 14 miliciens armés.", [(K, 14, X)]),
    (
        "Huit soldats et douze Volontaires pour la défense de la patrie (VDP) ont été tués.",
        [(K, 8, S), (K, 12, S)],
    ),
    ("L'état-major affirme avoir pu neutraliser une quinzaine de terroristes.", [(K, 15, X)]),
    (
        "Au moins douze personnes, dont neuf soldats et trois civils, ont été tuées.",
        [(K, 12, S), (K, 9, S), (K, 3, C)],  # the total takes its largest share's side
    ),
    ("Des hommes armés ont tué douze civils, a indiqué un responsable local.", [(K, 12, C)]),
    ("Un soldat a été tué, selon un habitant.", [(K, 1, S)]),
    ("Le nombre de morts de l'attaque du village s'élève désormais à 132.", [(K, 132, U)]),
    ("Le nombre de déplacés est passé à 2 000.", []),
    (
        "Le bilan fait état de quatre morts : trois gendarmes et un civil.",
        [(K, 4, U), (K, 3, S), (K, 1, C)],
    ),
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
        # an unknown large number: as few as "several"
        ("en", "fighters killed large numbers of civilians", 3, None, None, True),
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


@pytest.mark.parametrize(
    ("lang", "text", "killed"),
    [
        ("en", "Gunmen stormed the church and killed the pastor and four worshippers.", [1, 4]),
        ("en", "They shot dead the imam of the village on Friday.", [1]),
        ("fr", "Les assaillants ont tué le pasteur et quatre fidèles.", [1, 4]),
        ("fr", "Des hommes armés ont assassiné l'imam du village.", [1]),
        # the office holder's kin, or the office holder speaking, is no victim
        ("en", "Gunmen killed four people, among them the pastor's son.", [4]),
        ("en", "The mayor said four soldiers were killed.", [4]),
    ],
)
def test_one_person_named_by_the_office_they_hold_is_counted(
    readers: dict[str, CasualtyReader], lang: str, text: str, killed: list[int]
) -> None:
    found = readers[lang].casualties(text)
    assert [c.count for c in found if c.kind is CasualtyKind.KILLED] == killed


def test_injuries_are_never_counted_as_deaths(readers: dict[str, CasualtyReader]) -> None:
    found = readers["fr"].casualties("Douze soldats ont été blessés, dont trois grièvement.")
    assert [c.kind for c in found] == [W]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "A soldier was fatally wounded and two others were injured.", [(K, 1, S), (W, 2, S)]),
        ("en", "The gunmen fled after mortally wounding two soldiers.", [(K, 2, S)]),
        ("fr", "Deux soldats ont été mortellement blessés et trois autres blessés.",
         [(K, 2, S), (W, 3, S)]),
    ],
)  # fmt: skip
def test_wounds_told_as_fatal_are_deaths(
    readers: dict[str, CasualtyReader], lang: str, text: str, expected: list[tuple]
) -> None:
    assert read(readers[lang], text) == expected


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


# --- one event's toll from all its tellings (ACLED's conservative rules) ----------------------


def toll(readers: dict[str, CasualtyReader], lang: str, *sentences: str) -> Toll:
    cues = TollCues.from_lexicon(load_pack("sahel").lexicon("cues"))
    return tally([Told(s, readers[lang].casualties(s)) for s in sentences], cues)


def test_the_sides_of_one_event_add_up(readers: dict[str, CasualtyReader]) -> None:
    found = toll(readers, "en", "Nine soldiers were killed in the assault on the camp.",
                 "The army said 21 assailants were killed.")  # fmt: skip
    assert (found.killed, dict(found.by_side)) == (30, {"state": 9, "attackers": 21})


def test_the_same_side_told_twice_keeps_the_most_conservative_figure(
    readers: dict[str, CasualtyReader],
) -> None:
    found = toll(readers, "fr", "Au moins 40 personnes ont été tuées selon les autorités.",
                 "Des élus locaux parlent de plus de 70 morts.")  # fmt: skip
    assert (found.killed, found.low, found.high) == (40, 40, 70)


def test_one_person_told_after_the_toll_of_their_side_is_one_of_them(
    readers: dict[str, CasualtyReader],
) -> None:
    found = toll(readers, "en", "Gunmen killed six aid workers on Sunday near Boni.",
                 "One woman who tried to flee was caught and killed, the governor added.")  # fmt: skip
    assert found.killed == 6
    # told first, one death is a figure of its own, weighed against the later one
    found = toll(readers, "en", "One soldier was killed in the attack near Boni on Saturday.",
                 "Local sources said twelve soldiers had been killed.")  # fmt: skip
    assert found.killed == 1


def test_a_revised_figure_replaces_the_first_one(readers: dict[str, CasualtyReader]) -> None:
    found = toll(readers, "fr", "Le premier bilan faisait état de 8 soldats tués.",
                 "Dans un nouveau communiqué, l'armée fait état de 19 soldats tués.",
                 "Elle dit avoir neutralisé 12 assaillants.")  # fmt: skip
    assert found.killed == 31
    en = toll(readers, "en", "The governor revised the toll sharply downwards, to 12, after "
              "earlier saying that 30 people had been killed.")  # fmt: skip
    assert en.killed == 12


def test_early_accounts_give_way_to_the_confirmed_toll(readers: dict[str, CasualtyReader]) -> None:
    # Two figures in one sentence are not two groups of the dead when the report weighs them.
    en = toll(readers, "en", "Early reports on social media had spoken of more than 100 dead, "
              "but the authorities said the confirmed toll stood at 64 on Tuesday.")  # fmt: skip
    assert en.killed == 64
    fr = toll(readers, "fr", "Les premières informations faisaient état de plus de 80 morts, mais "
              "le bilan confirmé par le gouvernement est de 52 tués.")  # fmt: skip
    assert fr.killed == 52
    # ... but an early figure of one side stands beside a later one of the other
    sides = toll(readers, "en", "Early reports said twelve soldiers were killed in the ambush.",
                 "The army said on Monday that five attackers had also died.")  # fmt: skip
    assert sides.killed == 17


def test_a_share_of_a_total_is_not_added_to_it(readers: dict[str, CasualtyReader]) -> None:
    found = toll(readers, "en", "The toll has risen to 27, including 20 soldiers and 7 civilians.")
    assert found.killed == 27
    partitive = toll(readers, "en", "The raid killed 15 people, 11 of them children.")
    assert partitive.killed == 15
    fr = toll(readers, "fr", "L'attaque a fait 18 morts, dont 5 gendarmes.")
    assert fr.killed == 18
    among = toll(readers, "en", "Gunmen killed 14 worshippers at the church on Sunday.",
                 "The pastor and several children were among the dead.")  # fmt: skip
    assert among.killed == 14
    parmi = toll(readers, "fr", "Des hommes armés ont tué 14 fidèles dimanche.",
                 "Trois enfants figurent parmi les morts.")  # fmt: skip
    assert parmi.killed == 14
    colon = toll(readers, "en", "Four people were killed: three gendarmes and a civilian.")
    assert colon.killed == 4


def test_a_count_set_in_apposition_breaks_down_the_one_before(
    readers: dict[str, CasualtyReader],
) -> None:
    # The people counted, then who they were between commas, then the verb they share.
    fr = toll(readers, "fr", "Neuf personnes, sept enseignants de l'école ainsi que leur "
              "directeur et leur gardien, ont été tuées jeudi par des hommes armés.")  # fmt: skip
    assert fr.killed == 9
    en = toll(readers, "en", "Nine people, seven teachers along with their head and a guard, "
              "were killed on Thursday.")  # fmt: skip
    assert en.killed == 9


def test_a_total_of_people_covers_the_sides_it_is_larger_than(
    readers: dict[str, CasualtyReader],
) -> None:
    found = toll(readers, "en", "At least 25 people died in the attack on the market.",
                 "Three of the attackers were also killed.")  # fmt: skip
    assert found.killed == 25
    added = toll(readers, "en", "The blast left 9 people dead, as well as one of the bombers.")
    assert added.killed == 10


def test_a_contradicting_or_unverifiable_account_is_weighed_conservatively(
    readers: dict[str, CasualtyReader],
) -> None:
    found = toll(readers, "en", "Villagers said a drone strike killed 14 civilians at a wedding.",
                 "The military gave a very different account.",
                 "It said 30 militants had been neutralised.")  # fmt: skip
    assert (found.killed, found.high) == (14, 30)
    claim = toll(readers, "fr",
                 "L'armée affirme avoir neutralisé 300 assaillants, un chiffre invérifiable.",
                 "Des sources locales évoquent une vingtaine de morts parmi les civils.")  # fmt: skip
    assert claim.killed == 20


def test_running_totals_and_injuries_are_never_an_event_s_deaths(
    readers: dict[str, CasualtyReader],
) -> None:
    found = toll(readers, "en", "Gunmen killed six villagers and wounded 11.",
                 "Violence has killed thousands of people since 2015.",
                 "Two villagers were also abducted.")  # fmt: skip
    assert (found.killed, found.wounded, found.abducted) == (6, 11, 2)


def test_a_figure_given_only_as_a_ceiling_is_the_high_estimate(
    readers: dict[str, CasualtyReader],
) -> None:
    found = toll(readers, "fr", "Le groupe affirme avoir tué 40 soldats.",
                 "Une source sécuritaire avance un chiffre pouvant atteindre 90 morts.")  # fmt: skip
    assert (found.killed, found.high) == (40, 90)
    alone = toll(readers, "en", "As many as 25 people were killed.")
    assert (alone.killed, alone.high) == (25, 25)


def test_a_revision_is_the_event_s_figure(readers: dict[str, CasualtyReader]) -> None:
    found = toll(readers, "fr", "Le gouvernement a revu le bilan à la hausse : 41 civils ont été tués.",
                 "Des sources locales parlent de plus de 60 morts.")  # fmt: skip
    assert (found.killed, found.high) == (41, 41)
    shares = toll(
        readers, "fr", "Au moins douze personnes, dont neuf soldats et trois civils, ont été tuées."
    )
    assert shares.killed == 12


def test_a_revised_total_broken_down_by_side_leaves_the_other_sides_to_be_added(
    readers: dict[str, CasualtyReader],
) -> None:
    fr = toll(readers, "fr", "Les autorités, qui avaient d'abord annoncé 30 morts, ont porté le "
              "bilan à 41 tués : 35 civils et 6 soldats.",
              "Selon l'armée, 20 assaillants ont été neutralisés.")  # fmt: skip
    assert fr.killed == 61
    en = toll(readers, "en", "The government raised the toll to 41 dead: 35 civilians and six "
              "soldiers.", "The army said 20 attackers were killed.")  # fmt: skip
    assert en.killed == 61
    # a revised total given with no breakdown still stands for every side
    whole = toll(readers, "en", "The government raised the toll to 41 dead.",
                 "The army said 20 attackers were killed.")  # fmt: skip
    assert whole.killed == 41


def test_a_count_after_the_shares_of_another_is_a_count_of_its_own(
    readers: dict[str, CasualtyReader],
) -> None:
    fr = toll(readers, "fr", "Neuf membres des forces de sécurité, cinq militaires et quatre "
              "gendarmes, ont été tués, ainsi que 20 civils, dont 12 femmes.")  # fmt: skip
    assert (fr.killed, dict(fr.by_side)) == (29, {"state": 9, "civilians": 20})


def test_the_same_words_told_twice_in_a_sentence_are_one_count(
    readers: dict[str, CasualtyReader],
) -> None:
    fr = toll(readers, "fr", "Le gouvernement a ramené à 30 morts, dont 10 enfants, le bilan de "
              "l'attaque : « le bilan est de 30 morts, dont 10 enfants », a-t-il précisé.")  # fmt: skip
    assert fr.killed == 30


def test_a_figure_restated_with_a_doubt_is_no_other_account(
    readers: dict[str, CasualtyReader],
) -> None:
    fr = toll(readers, "fr", "Sept soldats et 20 civils ont été tués.",
              "L'armée affirme avoir neutralisé 50 terroristes.",
              "Le bilan de 50 terroristes tués est impossible à vérifier.")  # fmt: skip
    assert fr.killed == 77


def test_a_final_toll_that_opens_the_count_covers_every_side_it_names(
    readers: dict[str, CasualtyReader],
) -> None:
    found = toll(readers, "fr", "Selon le bilan définitif transmis par le parquet, dix-neuf "
                 "personnes de plusieurs pays ont été tuées dans le bar, ainsi que quatre "
                 "assaillants, abattus par les gendarmes.")  # fmt: skip
    assert found.killed == 23


def test_a_toll_recalled_from_an_earlier_event_is_not_this_one_s(
    readers: dict[str, CasualtyReader],
) -> None:
    en = toll(readers, "en", "Forty soldiers were killed in the attack on the post on Friday.",
              "It came two weeks after dozens of soldiers were killed at another camp.")  # fmt: skip
    assert en.killed == 40
    fr = toll(readers, "fr", "Quarante soldats ont été tués vendredi dans l'attaque du poste.",
              "Elle survient trois semaines après que douze soldats ont été tués à Boni.")  # fmt: skip
    assert fr.killed == 40


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gunmen killed four of the faithful."),
        ("en", "Gunmen killed four worshipers."),
        ("en", "Gunmen killed four youths."),
        ("en", "Gunmen killed four young people."),
        ("fr", "Des hommes armés ont tué mardi quatre jeunes."),
        ("fr", "Des hommes armés ont tué quatre paroissiens."),
    ],
)
def test_the_faithful_youths_and_other_people_of_no_arms_are_civilians(
    readers: dict[str, CasualtyReader], lang: str, text: str
) -> None:
    [count] = readers[lang].casualties(text)
    assert (count.count, count.side) == (4, Side.CIVILIANS)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a noun of many after the article is no one person ...
        ("en", "Aircraft struck a gathering of fighters, killing about twenty.", [(K, 20, U)]),
        ("fr", "Une colonne de soldats a été prise en embuscade ; deux soldats ont été tués.",
         [(K, 2, S)]),
        # ... and a large number, unknown, counts as few as "several" (3)
        ("en", "A large number of attackers were killed.", [(K, 3, X)]),
        ("fr", "Un nombre important d'assaillants ont été tués.", [(K, 3, X)]),
        ("fr", "Un grand nombre de terroristes ont été neutralisés.", [(K, 3, X)]),
        # ... while one person after the article still counts one
        ("en", "A soldier was killed.", [(K, 1, S)]),
        ("fr", "Un des assaillants a été tué.", [(K, 1, X)]),
    ],
)  # fmt: skip
def test_an_article_before_a_noun_of_many_counts_no_one(
    readers: dict[str, CasualtyReader], lang: str, text: str,
    expected: list[tuple[CasualtyKind, int, Side]],
) -> None:  # fmt: skip
    assert read(readers[lang], text) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", 'Aircraft struck the fighters, killing "about twenty", the ministry said.'),
        ("fr", "Les frappes ont tué « une vingtaine », selon le ministère."),
    ],
)
def test_a_count_in_quotes_after_its_verb_is_read(
    readers: dict[str, CasualtyReader], lang: str, text: str
) -> None:
    assert [(c.kind, c.count) for c in readers[lang].casualties(text)] == [(K, 20)]
