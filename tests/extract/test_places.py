"""Place phrases: the core name and the whole locating phrase the Geocoder reads."""

from __future__ import annotations

import csv
import itertools
import json
from pathlib import Path

import pytest

from conflictwatch.extract.places import PlaceFinder
from conflictwatch.extract.placing import known_names, spelt_names
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.relative import Between, Offset, parse_relative
from conflictwatch.model import Place

KNOWN = {
    "Gao",
    "Boni",
    "Tessit",
    "Djibo",
    "Bamako",
    "Kidal",
    "Mopti",
    "Ménaka",
    "Bobo-Dioulasso",
    "Ouagadougou",
    "Kouré",
}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Gunmen attacked a post in Gao on Tuesday.", [("Gao", "Gao")]),
        ("en", "In Kidal, rebels took the camp.", [("Kidal", "Kidal")]),
        ("en", "Fighting broke out near Boni.", [("Boni", "near Boni")]),
        ("en", "The attack happened 30 km north of Gao.", [("Gao", "30 km north of Gao")]),
        (
            "en",
            "some 40 kilometres south-east of Ménaka",
            [("Ménaka", "some 40 kilometres south-east of Ménaka")],
        ),
        (
            "en",
            "clashes between Soumpi and Hombori",
            [("Soumpi–Hombori", "between Soumpi and Hombori")],
        ),
        ("en", "violence in the Mopti region", [("Mopti", "the Mopti region")]),
        ("en", "in central Mali's Mopti region", [("Mopti", "Mopti region")]),
        ("en", "an IED on the Gao–Ansongo road", [("Gao–Ansongo", "on the Gao–Ansongo road")]),
        ("en", "in the village of Tin-Hama", [("Tin-Hama", "the village of Tin-Hama")]),
        ("en", "north of Timbuktu", [("Timbuktu", "north of Timbuktu")]),
        (
            "en",
            "on the outskirts of Bobo-Dioulasso",
            [("Bobo-Dioulasso", "on the outskirts of Bobo-Dioulasso")],
        ),
        ("en", "He met President Goita in January in Bamako", [("Bamako", "Bamako")]),
        ("en", "Attacks in Mali rose; a base in Djibo was hit.", [("Djibo", "Djibo")]),
        ("en", "Attacks rose in Mali.", [("Mali", "Mali")]),  # a country only when nothing else
        ("en", "It happened in March, at noon, in Sahel villages.", [("Sahel", "Sahel")]),
        ("en", "The JNIM statement came in English.", []),
        ("fr", "Une attaque à Tessit", [("Tessit", "Tessit")]),
        ("fr", "dans la localité de Boulkessi", [("Boulkessi", "la localité de Boulkessi")]),
        ("fr", "à 30 km au nord de Gao", [("Gao", "à 30 km au nord de Gao")]),
        (
            "fr",
            "à une cinquantaine de km de Djibo",
            [("Djibo", "à une cinquantaine de km de Djibo")],
        ),
        ("fr", "entre Soumpi et Hombori", [("Soumpi–Hombori", "entre Soumpi et Hombori")]),
        ("fr", "dans la région de Ségou", [("Ségou", "la région de Ségou")]),
        ("fr", "dans la province du Soum", [("Soum", "la province du Soum")]),
        ("fr", "sur l'axe Gao-Ansongo", [("Gao–Ansongo", "l'axe Gao-Ansongo")]),
        ("fr", "près de Djibo", [("Djibo", "près de Djibo")]),
        ("fr", "au nord-est de Ménaka", [("Ménaka", "au nord-est de Ménaka")]),
        ("fr", "À Bamako, M. Traoré a parlé en mars.", [("Bamako", "Bamako")]),
        ("fr", "Il a écrit à M. Traoré lundi.", []),
        ("fr", "L'armée a frappé au Mali", [("Mali", "Mali")]),
        ("fr", "Au Burkina Faso, une attaque à Djibo", [("Djibo", "Djibo")]),
        # A military site is named by its place ("the Boni army camp", "le poste de Boni").
        ("en", "Jihadists overran the Boni army camp.", [("Boni", "Boni")]),
        ("en", "Fighters stormed the Tessit military base.", [("Tessit", "Tessit")]),
        ("fr", "L'attaque contre le camp militaire de Boni a fait dix morts.",
         [("Boni", "le camp militaire de Boni")]),
        ("fr", "Les assaillants ont visé le poste d'Inata.", [("Inata", "le poste d'Inata")]),
        ("fr", "Ils ont attaqué la position militaire de Boni.",
         [("Boni", "la position militaire de Boni")]),
        ("fr", "La position de Niamey sur ce dossier est connue.", []),
        ("fr", "Ils ont visé les camps militaires de Boni.", [("Boni", "les camps militaires de Boni")]),
        ("fr", "Le camp Sékou-Traoré de Boni a été visé.", [("Boni", "Le camp Sékou-Traoré de Boni")]),
        ("fr", "Ils ont visé le camp Soundiata Keïta de Kati.",
         [("Kati", "le camp Soundiata Keïta de Kati")]),
        ("fr", "Des combats ont éclaté autour de Boni.", [("Boni", "autour de Boni")]),
        ("fr", "aux alentours de Djibo", [("Djibo", "aux alentours de Djibo")]),
        # An attack named by its place ("l'attaque jihadiste de Boni") happened there.
        ("fr", "Après l'attaque jihadiste de Boni, les familles attendent.", [("Boni", "Boni")]),
        ("fr", "le massacre de Djibo", [("Djibo", "Djibo")]),
        # "In the heart of X" places the event in X.
        ("en", "Thousands marched in the heart of Bamako.", [("Bamako", "Bamako")]),
        ("fr", "Une foule s'est rassemblée au cœur de Bamako.", [("Bamako", "Bamako")]),
        ("fr", "Une bombe a explosé en plein centre d'Ouagadougou.",
         [("Ouagadougou", "Ouagadougou")]),
        # a building or site named by its town is in the town; a quarter or a hospital is not
        # read so (a namesake village elsewhere; where the wounded were taken)
        ("fr", "Des tirs ont visé l'hôtel Splendid de Ouagadougou.", [("Ouagadougou", "Ouagadougou")]),
        ("fr", "Ils ont attaqué le marché à bétail de Djibo.", [("Djibo", "Djibo")]),
        ("fr", "Trois gardes ont été tués dans la réserve de Kouré.", [("Kouré", "Kouré")]),
        ("fr", "Les blessés ont été évacués vers l'hôpital de Djibo.", []),
        ("fr", "Le siège du parti, dans le quartier de Tessit, a brûlé.", []),
        # a heading's town after a dash is a place; a dateline's town before its date is not
        ("fr", "3) Jeudi 14 novembre – Djibo (Soum).", [("Djibo", "Djibo")]),
        ("en", "PRESS RELEASE — Bamako, 20 January 2019 — Gunmen attacked the camp in Kidal.",
         [("Kidal", "Kidal")]),
        # distances in words; "the X area" is an area
        ("fr", "Ils ont été tués à environ six kilomètres de Kouré.",
         [("Kouré", "à environ six kilomètres de Kouré")]),
        ("en", "The convoy was hit about twenty kilometres north of Gao.",
         [("Gao", "about twenty kilometres north of Gao")]),
        ("en", "Soldiers were ambushed in the Torodi area.", [("Torodi", "the Torodi area")]),
        # an area after a possessive country and a compass word
        ("en", "Militants attacked a post in Burkina Faso's northern Soum province.",
         [("Soum", "Soum province")]),
        ("en", "Violence spread in the central Mopti region.", [("Mopti", "Mopti region")]),
        ("en", "A post in the northeastern Mopti region was hit.", [("Mopti", "Mopti region")]),
        # a road by its two ends; a march through the streets of a town
        ("fr", "Deux engins ont été désamorcés sur la route reliant Ouallam à Banibangou.",
         [("Ouallam–Banibangou", "la route reliant Ouallam à Banibangou")]),
        ("en", "A bus hit a mine on the road linking Gao and Ansongo.",
         [("Gao–Ansongo", "on the road linking Gao and Ansongo")]),
        ("fr", "Des milliers de personnes ont marché jeudi dans les rues de Dori.",
         [("Dori", "Dori")]),
        ("en", "Thousands marched in the streets of Niamey.", [("Niamey", "Niamey")]),
        ("fr", "Des hommes armés ont attaqué la brigade de gendarmerie de Makalondi.",
         [("Makalondi", "la brigade de gendarmerie de Makalondi")]),
        # the place a capture or an attack verb acts on
        ("en", "Rebels entered Kidal on Friday and moved into Gao.",
         [("Kidal", "Kidal"), ("Gao", "Gao")]),
        ("fr", "Les jihadistes ont attaqué Boni mardi.", [("Boni", "Boni")]),
        ("en", "Thousands marched through Bamako.", [("Bamako", "Bamako")]),
        # where violence spread; where a boat was hit on a river
        ("fr", "Samedi, les violences ont gagné Niamey.", [("Niamey", "Niamey")]),
        ("en", "On Saturday the riots spread to Niamey.", [("Niamey", "Niamey")]),
        ("en", "Gunmen swept into Djibo at night.", [("Djibo", "Djibo")]),
        ("fr", "Le bateau a été visé à hauteur de Bamba.", [("Bamba", "à hauteur de Bamba")]),
        ("fr", "Un car a sauté au niveau de Boni.", [("Boni", "au niveau de Boni")]),
        # a home in a town; villages struck
        ("fr", "Un médecin a été enlevé à son domicile d'Abalak.", [("Abalak", "Abalak")]),
        ("en", "Gunmen struck Boni on Monday.", [("Boni", "Boni")]),
        ("fr", "Des jihadistes ont pris d'assaut Konna jeudi.", [("Konna", "Konna")]),
        ("fr", "Dix civils ont été tués dans l'attaque du village de Boni.",
         [("Boni", "du village de Boni")]),
        ("en", "Gunmen killed six people at the Boni cattle market.", [("Boni", "Boni")]),
        ("en", "The buses were travelling to the Boni mine when they were attacked.", []),
        # a bar or eating place of a town
        ("fr", "Des tireurs ont visé les clients d'un maquis de Boni.", [("Boni", "Boni")]),
        ("fr", "Une grenade a été lancée dans un bar de Boni.", [("Boni", "Boni")]),
        # the attack named by its place after who made it
        ("en", "The army repelled an attack by jihadist fighters on Djibo.", [("Djibo", "Djibo")]),
        ("fr", "L'armée a repoussé une attaque de combattants du JNIM contre Djibo.",
         [("Djibo", "Djibo")]),
        # the town the unrest shook
        ("en", "The unrest that rocked Bamako on Friday left three dead.", [("Bamako", "Bamako")]),
        ("fr", "Les troubles qui ont secoué Bamako vendredi ont fait trois morts.",
         [("Bamako", "Bamako")]),
        # a digest item led in by its place and day (not a dateline's town before its date)
        ("en", "Dablo, Sanmatenga province, Sunday 12 May: Armed men burst into the church.",
         [("Dablo", "Dablo"), ("Sanmatenga", "Sanmatenga province")]),
        ("fr", "Dablo, province du Sanmatenga, dimanche 12 mai : des hommes armés ont tiré.",
         [("Dablo", "Dablo"), ("Sanmatenga", "province du Sanmatenga")]),
        ("fr", "BAMAKO, 15 janvier - Bougies et fleurs : la ville a rendu hommage aux victimes.",
         []),
    ],
)  # fmt: skip
def test_find(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    found = PlaceFinder(lang).find(text)
    assert [(p.name, p.quote) for p in found] == expected
    assert all(text[p.start : p.end] == p.quote for p in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers patrolled in Gao Tuesday and in Washington.", ["Gao"]),
        ("Attack in Djibo Province town", ["Djibo"]),
        ("A meeting in Geneva", []),  # a bare "in X" must be a known place
        ("Fighting near Unknownville", ["Unknownville"]),  # a locating cue is enough
    ],
)
def test_known_places(text: str, expected: list[str]) -> None:
    finder = PlaceFinder("en", known=KNOWN.__contains__)
    assert [p.name for p in finder.find(text)] == expected


def test_the_town_of_a_speaker_named_after_the_quote_is_not_a_place() -> None:
    finder = PlaceFinder("en", known=lambda n: n.lower() in {"niono", "boni"})
    quote = '"Our men fought back, but they were outnumbered," an officer based in Niono said.'
    assert finder.find(quote) == []
    assert [p.name for p in finder.find("Soldiers based in Boni were attacked.")] == ["Boni"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Security analysts in Bamako said the two claims were not contradictory."),
        (
            "fr",
            "Des analystes à Bamako estiment que les deux revendications ne se contredisent pas.",
        ),
    ],
)
def test_the_town_analysts_speak_from_is_not_a_place(lang: str, text: str) -> None:
    finder = PlaceFinder(lang, known=lambda n: n.lower() == "bamako")
    assert finder.find(text) == []


def test_a_name_is_not_cut_to_a_start_that_only_sounds_like_a_place() -> None:
    gazetteer = Gazetteer.from_places(
        [Place("koma", "Koma", 14.23, 1.39, "NE", feature_class="P", feature_code="PPL")]
    )
    finder = PlaceFinder("en", known=known_names(gazetteer), spelt=spelt_names(gazetteer))
    assert finder.find("Gunmen struck Tchoma Bangou on Saturday.") == []
    assert [p.name for p in finder.find("Gunmen struck Koma Bangou on Saturday.")] == ["Koma"]


def test_a_person_s_camp_is_not_a_place() -> None:
    finder = PlaceFinder("en", known=lambda n: n.lower() in {"ousmane", "boulkessi"})
    assert finder.find("Ousmane's camp denied any role in the violence.") == []
    assert [p.name for p in finder.find("Militants attacked the Boulkessi camp.")] == ["Boulkessi"]


def test_an_actor_s_acronym_is_not_a_village_of_the_same_letters() -> None:
    villages = {"fama", "djenné"}
    finder = PlaceFinder("fr", known=lambda n: n.lower() in villages, names=["FAMa", "FDS"])
    text = "Jeudi, une patrouille des FAMa est tombée dans une embuscade près de Djenné."
    assert [p.name for p in finder.find(text)] == ["Djenné"]


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "30 km north of Gao", Offset),
        ("en", "near Boni", Offset),
        ("en", "between Soumpi and Hombori", Between),
        ("en", "on the Gao–Ansongo road", Between),
        ("fr", "à 30 km au nord de Gao", Offset),
        ("fr", "entre Soumpi et Hombori", Between),
        ("fr", "sur l'axe Gao-Ansongo", Between),
        ("fr", "au nord-est de Ménaka", Offset),
    ],
)
def test_quotes_read_by_the_geocoder(lang: str, text: str, kind: type) -> None:
    (mention,) = PlaceFinder(lang).find(text)
    assert isinstance(parse_relative(mention.quote), kind)


def test_ordered_by_position() -> None:
    text = "Near Boni, 20 km from Gao, and in Djibo."
    assert [p.name for p in PlaceFinder("en").find(text)] == ["Boni", "Gao", "Djibo"]


def test_shared_news(shared_data: Path) -> None:
    """No crash over the shared news, and sane counts."""
    voa = shared_data / "news" / "voa-stories.jsonl"
    press = shared_data / "news" / "french-westafrica-press-foodsec.csv"
    if not voa.exists() or not press.exists():
        pytest.skip("shared news files not found")
    with voa.open(encoding="utf-8") as lines:
        english = [json.loads(line)["text"] for line in lines]
    csv.field_size_limit(1 << 30)
    with press.open(encoding="utf-8", newline="") as rows:
        french = [row["text"] for row in csv.DictReader(rows)]
    for lang, texts in (("en", english), ("fr", french)):
        finder = PlaceFinder(lang)
        found = [finder.find(t) for t in texts]
        assert sum(map(bool, found)) > len(texts) // 2
        for text, mentions in zip(texts, found, strict=True):
            assert all(text[p.start : p.end] == p.quote for p in mentions)
            assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


@pytest.mark.parametrize(
    ("lang", "text", "alone"),
    [
        ("fr", "Les soupçons se portent sur l'État islamique au Grand Sahara.",
         "Une attaque à Grand hier."),
        ("en", "Fighters moved in North Kivu last year.", "An attack in North on Monday."),
    ],
)  # fmt: skip
def test_a_word_that_opens_a_longer_name_is_not_a_village_on_its_own(
    lang: str, text: str, alone: str
) -> None:
    finder = PlaceFinder(lang, known={"Grand", "North", "Gao"}.__contains__)  # such villages exist
    assert finder.find(text) == []
    assert len(finder.find(alone)) == 1  # on its own it may still be the village


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # places joined to a found one by a comma, "and" or "et"
        ("en", "killing 20 civilians in Djibo and Boni", ["Djibo", "Boni"]),
        ("fr", "ont été exécutées à Gao, Kidal et Tessit", ["Gao", "Kidal", "Tessit"]),
        ("fr", "tuant dix civils à Djibo et à Boni", ["Djibo", "Boni"]),
        ("en", "in Djibo and Ansar Dine fighters", ["Djibo"]),  # a name it does not know
        # ... past the area each is given in brackets, and after "the sectors of"
        ("fr", "des opérations dans les secteurs de Djibo (Soum), Boni (Séno) et Kidal",
         ["Djibo", "Boni", "Kidal"]),
        ("en", "operations in the sectors of Djibo (Soum) and Boni", ["Djibo", "Boni"]),
        # an attack "carried out against" a town; a village told with an adjective
        ("fr", "l'attaque menée mardi contre Djibo a fait 42 morts", ["Djibo"]),
        ("fr", "tués dans le village dogon de Boni, dans la commune de Gao", ["Boni", "Gao"]),
        # the possessor is the place
        ("en", "flights resumed at Bamako's international airport", ["Bamako"]),
        # the place taken is the place of the event
        ("en", "French and Malian troops took control of Kidal on Monday.", ["Kidal"]),
        ("en", "Gao fell to the rebels on Saturday.", ["Gao"]),
        ("fr", "Dimanche, Tessit a été prise à son tour.", ["Tessit"]),
        ("fr", "l'armée a repris le contrôle de Kidal", ["Kidal"]),
        # a distance of hundreds of kilometres situates a town for the reader, nothing more
        ("en", "Kidal, about 1,500 km north-east of Bamako, is a symbol", []),
    ],
)  # fmt: skip
def test_coordinated_possessed_taken_and_far_places(
    lang: str, text: str, expected: list[str]
) -> None:
    finder = PlaceFinder(lang, known=KNOWN.__contains__)
    assert [p.name for p in finder.find(text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # an area set after a place in apposition, with no article, or heading a digest's item
        ("fr", "Un détachement a été attaqué dans la zone de Tabatol, département de Tillabéri.",
         [("Tabatol", "la zone de Tabatol"), ("Tillabéri", "département de Tillabéri")]),
        ("fr", "Des hommes armés ont tué trois civils à Petelkolé (commune de Téra).",
         [("Téra", "commune de Téra")]),
        ("en", "Gunmen killed 14 people at Tadaryat (Oudalan province) on Friday.",
         [("Oudalan", "Oudalan province")]),
        ("en", "Incident 3 — Friday 14 Oct — Say department.", [("Say", "Say department")]),
        # an area called the neighbouring one is still that area
        ("en", "Gunmen killed 14 people in the village of Tadaryat in neighbouring Oudalan "
               "province.", [("Tadaryat", "the village of Tadaryat"), ("Oudalan", "Oudalan province")]),
        ("fr", "Des hommes armés ont tué 14 personnes dans la province voisine de l'Oudalan.",
         [("Oudalan", "la province voisine de l'Oudalan")]),
        # a town cut off is named by its blockade
        ("fr", "Le JNIM a annoncé en août le blocus de Djibo.", [("Djibo", "Djibo")]),
        # where the wounded were taken is not where the attack was
        ("fr", "Vingt-neuf soldats sont tombés et deux blessés ont été évacués à Niamey.", []),
        ("en", "Two soldiers were wounded and treated in Djibo.", []),
        ("fr", "Vingt-neuf soldats sont tombés à Djibo.", [("Djibo", "Djibo")]),
        # a hamlet after "au"; an area after "du" names no other place than its village
        ("fr", "Un second groupe s'en est pris au hameau de Kokorou.",
         [("Kokorou", "au hameau de Kokorou")]),
        ("fr", "Les troupes ont débarqué dans ce village du cercle de Djenné.", []),
    ],
)  # fmt: skip
def test_areas_in_apposition_and_where_the_wounded_were_taken(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    finder = PlaceFinder(lang, known={"Djibo", "Niamey", "Téra", "Say"}.__contains__)
    assert [(p.name, p.quote) for p in finder.find(text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a place named by its people or by its quarters
        ("en", "The customary chief of Gorgadji was abducted by armed men.", ["Gorgadji"]),
        ("en", "Police raided houses in the Dogona neighbourhood of Djibo.", ["Djibo"]),
        ("en", "Mobs burned bars in several neighbourhoods of Niamey.", ["Niamey"]),
        ("fr", "Le chef coutumier de Gorgadji a été enlevé jeudi.", ["Gorgadji"]),
        ("fr", "Les habitants du village de Djibo ont fui.", ["Djibo"]),
        ("fr", "Des jeunes ont brûlé des églises dans plusieurs quartiers de Niamey.", ["Niamey"]),
        # ... but a quarter named on its own is the quarter, not a village of its name
        ("fr", "Ils ont incendié le siège du parti, dans le quartier de Gorgadji.", []),
        ("en", "The chief of staff of the army spoke.", []),
    ],
)  # fmt: skip
def test_a_place_named_by_its_people_or_its_quarters(
    lang: str, text: str, expected: list[str]
) -> None:
    finder = PlaceFinder(lang, known={"Gorgadji", "Djibo", "Niamey"}.__contains__)
    assert [p.name for p in finder.find(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anger grew after the attack on Djibo on Sunday.", ["Djibo"]),
        ("The raid against Djibo was repelled.", ["Djibo"]),
        ("It was the second attack on Malian soldiers this week.", []),  # a people, no place
        ("JNIM announced a blockade of Djibo in August.", ["Djibo"]),  # a town cut off
    ],
)
def test_an_attack_named_by_the_place_it_struck(text: str, expected: list[str]) -> None:
    finder = PlaceFinder("en", known={"Djibo", "Malian"}.__contains__)
    assert [p.name for p in finder.find(text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Ouagadougou.", ["Ouagadougou"]),
        ("fr", "Route de Djibo.", ["Djibo"]),
        ("en", "Road to Djibo.", ["Djibo"]),
        ("fr", "Samedi.", []),
        ("fr", "Le Burkina.", []),  # a country is no heading of a town's item
    ],
)
def test_a_heading_that_is_only_a_known_town_names_it(
    lang: str, text: str, expected: list[str]
) -> None:
    finder = PlaceFinder(lang, known={"Ouagadougou", "Djibo", "Samedi"}.__contains__)
    assert [p.name for p in finder.find(text)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "quote"),
    [
        ("en", "A suicide bomber blew himself up at the northern entrance of Gao.",
         "at the northern entrance of Gao"),
        ("en", "Gunmen torched trucks at the gates of Djibo.", "at the gates of Djibo"),
        ("fr", "Un kamikaze s'est fait exploser à l'entrée nord de Gao.", "à l'entrée nord de Gao"),
        ("fr", "Des hommes armés ont incendié des camions aux portes de Djibo.",
         "aux portes de Djibo"),
        ("fr", "Le convoi a sauté sur une mine à la sortie de la ville de Gao.",
         "à la sortie de la ville de Gao"),
    ],
)  # fmt: skip
def test_the_edge_of_a_town_places_at_the_town(lang: str, text: str, quote: str) -> None:
    [place] = PlaceFinder(lang, known=KNOWN.__contains__).find(text)
    assert (place.name, place.quote) == (quote.split()[-1], quote)
