"""Actors: pack aliases found with offsets, resolved for date and country; roles in a sentence."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
from pathlib import Path

import pytest

from conflictwatch.extract.actors import ActorFinder
from conflictwatch.extract.records import Span
from conflictwatch.knowledge import Pack, load_pack

D2019, D2023, D2025 = dt.date(2019, 5, 1), dt.date(2023, 9, 1), dt.date(2025, 9, 1)


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack("sahel")


@pytest.fixture(scope="module")
def finders(pack: Pack) -> dict[str, ActorFinder]:
    return {"en": ActorFinder(pack, "en"), "fr": ActorFinder(pack, "fr")}


JNIM = "JNIM: Group for Support of Islam and Muslims"
ISSP = "Islamic State Sahel Province"
VDP = "VDP: Volunteers for the Defense of the Homeland"


@pytest.mark.parametrize(
    ("lang", "text", "on", "country", "expected"),
    [
        (
            "en",
            "FAMa troops",
            D2019,
            "ML",
            [("Military Forces of Mali (2013-2020)", "FAMa troops")],
        ),
        ("en", "FAMa troops", D2023, "ML", [("Military Forces of Mali (2021-)", "FAMa troops")]),
        ("fr", "les FAMa", D2023, None, [("Military Forces of Mali (2021-)", "FAMa")]),
        ("en", "Wagner fighters", D2023, "ML", [("Wagner Group", "Wagner fighters")]),
        ("en", "Wagner mercenaries", D2025, "ML", [("Africa Corps", "Wagner mercenaries")]),
        ("en", "the Africa Corps", D2025, None, [("Africa Corps", "Africa Corps")]),
        ("en", "JNIM claimed it", D2023, None, [(JNIM, "JNIM")]),
        ("fr", "le GSIM a revendiqué", D2023, None, [(JNIM, "GSIM")]),
        ("en", "al-Qaeda-linked militants", D2023, None, [(JNIM, "al-Qaeda-linked militants")]),
        ("fr", "l'État islamique au Sahel", D2023, None, [(ISSP, "État islamique au Sahel")]),
        ("fr", "l'EIGS", D2019, None, [(ISSP, "EIGS")]),
        ("en", "ISGS fighters", D2019, None, [(ISSP, "ISGS")]),
        ("en", "gunmen", D2023, "ML", [("Unidentified Armed Group (Mali)", "gunmen")]),
        ("en", "Gunmen", D2023, "BF", [("Unidentified Armed Group (Burkina Faso)", "Gunmen")]),
        (
            "fr",
            "des hommes armés",
            D2023,
            "NE",
            [("Unidentified Armed Group (Niger)", "hommes armés")],
        ),
        (
            "fr",
            "des hommes armés non identifiés",
            D2023,
            "ML",
            [("Unidentified Armed Group (Mali)", "hommes armés non identifiés")],
        ),
        (
            "en",
            "jihadists",
            D2023,
            "BF",
            [("Unidentified Armed Group (Burkina Faso)", "jihadists")],
        ),
        (
            "fr",
            "les terroristes",
            D2023,
            "ML",
            [("Unidentified Armed Group (Mali)", "terroristes")],
        ),
        ("fr", "les VDP", D2023, "BF", [(VDP, "VDP")]),
        ("en", "Dozos", D2023, "ML", [("Dozo Communal Militia (Mali)", "Dozos")]),
        (
            "fr",
            "des chasseurs dozos",
            D2023,
            "BF",
            [("Dozo Communal Militia (Burkina Faso)", "chasseurs dozos")],
        ),
        ("en", "soldiers", D2023, "BF", [("Military Forces of Burkina Faso (2022-)", "soldiers")]),
        ("fr", "l'armée", D2023, "NE", [("Military Forces of Niger (2023-)", "l'armée")]),
        # a communiqué's own units are the country's forces
        (
            "fr",
            "une patrouille a découvert",
            D2023,
            "NE",
            [("Military Forces of Niger (2023-)", "une patrouille")],
        ),
        (
            "fr",
            "un vecteur aérien a frappé",
            D2019,
            "ML",
            [("Military Forces of Mali (2013-2020)", "un vecteur aérien")],
        ),
        ("fr", "l'armée", D2019, "ML", [("Military Forces of Mali (2013-2020)", "l'armée")]),
        ("fr", "les FDS", D2023, "BF", [("Military Forces of Burkina Faso (2022-)", "FDS")]),
        ("en", "villagers", D2023, "NE", [("Civilians (Niger)", "villagers")]),
        ("fr", "des civils", D2023, "BF", [("Civilians (Burkina Faso)", "civils")]),
        (
            "en",
            "Malian soldiers",
            D2023,
            "BF",
            [("Military Forces of Mali (2021-)", "Malian soldiers")],
        ),
        (
            "en",
            "the CSP rebels",
            dt.date(2025, 1, 1),
            None,
            [("FLA: Azawad Liberation Front", "CSP")],
        ),
        (
            "en",
            "MINUSMA peacekeepers",
            D2019,
            None,
            [
                (
                    "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali",
                    "MINUSMA",
                )
            ],
        ),
        # ACLED codes the gendarmerie as the country's police forces of the period
        (
            "en",
            "gendarmes",
            dt.date(2021, 11, 14),
            "BF",
            [("Police Forces of Burkina Faso (2015-2022)", "gendarmes")],
        ),
        (
            "fr",
            "la gendarmerie",
            D2023,
            "ML",
            [("Police Forces of Mali (2021-)", "la gendarmerie")],
        ),
        # French aircraft are France's forces of the period
        (
            "en",
            "French helicopters struck",
            dt.date(2013, 1, 11),
            "ML",
            [("Military Forces of France (2012-2017)", "French helicopters")],
        ),
        (
            "fr",
            "des avions français",
            D2019,
            "ML",
            [("Military Forces of France (2017-)", "avions français")],
        ),
        # acronyms count only in capitals; everyday words are not armed groups
        ("en", "the gsim and the msa said", D2023, None, []),
        ("en", "a digital platform", D2023, None, []),
        ("en", "", D2023, None, []),
    ],
)
def test_find(
    finders: dict[str, ActorFinder],
    lang: str,
    text: str,
    on: dt.date,
    country: str | None,
    expected: list[tuple[str, str]],
) -> None:
    found = finders[lang].find(text, on=on, country=country)
    assert [(m.name, m.quote) for m in found] == expected
    assert all(text[m.start : m.end] == m.quote for m in found)


def test_longest_match_without_overlaps(finders: dict[str, ActorFinder]) -> None:
    text = "Des hommes armés non identifiés et des soldats maliens"
    found = finders["fr"].find(text, on=D2023, country="ML")
    assert [m.quote for m in found] == ["hommes armés non identifiés", "soldats maliens"]
    assert found[0].family == "other-armed" and found[1].family == "state"


@pytest.mark.parametrize(
    ("lang", "text", "country", "expected"),
    [
        ("en", "two French aid workers", "NE", "Civilians (France)"),
        ("fr", "un ressortissant français", "BF", "Civilians (France)"),
        ("fr", "un humanitaire américain", "NE", "Civilians (United States)"),
        ("en", "foreign nationals staying at the hotel", "ML", "Civilians (International)"),
        ("fr", "des touristes étrangers", "BF", "Civilians (International)"),
    ],
)
def test_foreign_victims_keep_their_nationality_in_any_country(
    finders: dict[str, ActorFinder], lang: str, text: str, country: str, expected: str
) -> None:
    [found] = finders[lang].find(text, on=D2023, country=country)
    assert found.name == expected


def test_nationality_victims_do_not_change_how_local_civilians_fold(
    finders: dict[str, ActorFinder],
) -> None:
    found = finders["en"].find("Gunmen killed villagers and a French national", on=D2023,
                               country="NE")  # fmt: skip
    assert [m.name for m in found] == [
        "Unidentified Armed Group (Niger)",
        "Civilians (Niger)",
        "Civilians (France)",
    ]


def _roles(finder: ActorFinder, text: str, trigger: str | None) -> tuple[str | None, str | None]:
    mentions = finder.find(text, on=D2023, country="ML")
    span = None
    if trigger:
        at = text.index(trigger)
        span = Span(at, at + len(trigger), trigger)
    one, two = finder.assign_roles(text, mentions, span)
    return (one.quote if one else None, two.quote if two else None)


@pytest.mark.parametrize(
    ("lang", "text", "trigger", "expected"),
    [
        ("en", "JNIM attacked the army near Gao", "attacked", ("JNIM", "army")),
        ("en", "Soldiers were killed by militants in Gao", "killed", ("militants", "Soldiers")),
        ("en", "Villagers were attacked by gunmen", "attacked", ("gunmen", "Villagers")),
        ("en", "JNIM claimed the attack on Malian soldiers", "attack", ("JNIM", "Malian soldiers")),
        ("en", "The ambush was claimed by ISGS", "ambush", ("ISGS", None)),
        (
            "en",
            "Gunmen killed 12 villagers, according to the army",
            "killed",
            ("Gunmen", "villagers"),
        ),
        (
            "en",
            "Malian soldiers, backed by Wagner mercenaries, attacked JNIM positions",
            "attacked",
            ("Malian soldiers", "JNIM"),
        ),
        # an escort is no agent of what its convoy suffered
        (
            "en",
            "Villagers escorted by soldiers were ambushed near Djibo",
            "ambushed",
            (None, "Villagers"),
        ),
        (
            "fr",
            "Des civils escortés par l'armée sont tombés dans une embuscade",
            "embuscade",
            (None, "civils"),
        ),
        (
            "en",
            "Malian soldiers repelled an attack by jihadists",
            "repelled",
            ("jihadists", "Malian soldiers"),
        ),
        ("en", "Attack on army post in Gao", "Attack", (None, "army")),
        ("en", "Twelve civilians were killed in Mopti", "killed", (None, "civilians")),
        (
            "en",
            "Civilians fled as gunmen attacked the village",
            "attacked",
            ("gunmen", "Civilians"),
        ),
        ("en", "Villagers killed by Dozos", None, ("Dozos", "Villagers")),
        # subjects joined before their verb: the first named leads (the others are associates)
        ("en", "FAMa and Wagner killed civilians in Moura", "killed", ("FAMa", "civilians")),
        (
            "en",
            "Malian soldiers and foreign armed men executed villagers",
            "executed",
            ("Malian soldiers", "villagers"),
        ),
        (
            "fr",
            "Des soldats et des hommes armés non identifiés ont exécuté des villageois",
            "exécuté",
            ("soldats", "villageois"),
        ),
        # ... not a subject of another clause
        (
            "en",
            "Jihadists ambushed a convoy and soldiers killed ten of them",
            "killed",
            ("soldiers", "Jihadists"),
        ),
        ("en", "Gunmen clashed with soldiers", None, ("Gunmen", "soldiers")),
        ("fr", "Des soldats ont été tués par des djihadistes", "tués", ("djihadistes", "soldats")),
        ("fr", "L'attaque a été revendiquée par l'EIGS", "attaque", ("EIGS", None)),
        ("fr", "Une attaque revendiquée par le GSIM a visé les FAMa", "visé", ("GSIM", "FAMa")),
        ("fr", "Les FAMa ont neutralisé des terroristes", "neutralisé", ("FAMa", "terroristes")),
        (
            "fr",
            "Des hommes armés ont tué des civils, selon l'armée",
            "tué",
            ("hommes armés", "civils"),
        ),
        ("fr", "Des civils tués par des hommes armés", None, ("hommes armés", "civils")),
        (
            "fr",
            "Les soldats, appuyés par les VDP, ont repoussé les assaillants",
            "repoussé",
            ("soldats", "assaillants"),
        ),
        ("fr", "Le GSIM a revendiqué l'attaque contre l'armée", "attaque", ("GSIM", "l'armée")),
        ("fr", "Des villageois ont été enlevés", "enlevés", (None, "villageois")),
        # forces that only back or escort one side are not a side of their own
        (
            "en",
            "An army convoy accompanied by Russian Wagner fighters was ambushed near Tessit",
            "ambushed",
            (None, "army"),
        ),
        (
            "fr",
            "Une colonne de l'armée appuyée par ses partenaires russes a été attaquée",
            "attaquée",
            (None, "l'armée"),
        ),
        # a trigger read from a toll holds its subject: the soldiers suffered it
        (
            "en",
            "Nine soldiers were killed when militants attacked their base",
            "soldiers were killed",
            ("militants", "soldiers"),
        ),
        (
            "fr",
            "Sept gendarmes ont été tués lorsque des hommes armés ont attaqué le poste",
            "gendarmes ont été tués",
            ("hommes armés", "gendarmes"),
        ),
        # the accused acted; the accusers only speak
        (
            "fr",
            "Les rebelles du MNLA accusent l'armée d'avoir tué des civils lors de frappes à Kidal",
            "frappes",
            ("l'armée", "civils"),
        ),
        (
            "en",
            "The MNLA accused the army of killing civilians in strikes near Kidal",
            "strikes",
            ("army", "civilians"),
        ),
    ],
)
def test_assign_roles(
    finders: dict[str, ActorFinder],
    lang: str,
    text: str,
    trigger: str | None,
    expected: tuple[str | None, str | None],
) -> None:
    assert _roles(finders[lang], text, trigger) == expected


def test_no_actors(finders: dict[str, ActorFinder]) -> None:
    assert finders["en"].assign_roles("Nothing here", [], None) == (None, None)


def test_shared_news(shared_data: Path, finders: dict[str, ActorFinder]) -> None:
    """No crash over the shared news, and sane counts (numbers, never text, go in the repo)."""
    voa = shared_data / "news" / "voa-stories.jsonl"
    press = shared_data / "news" / "french-westafrica-press-foodsec.csv"
    if not voa.exists() or not press.exists():
        pytest.skip("shared news files not found")
    with voa.open(encoding="utf-8") as lines:
        english = [json.loads(line)["text"] for line in lines]
    csv.field_size_limit(1 << 30)
    with press.open(encoding="utf-8", newline="") as rows:
        french = [row["text"] for row in csv.DictReader(rows)]
    en = [finders["en"].find(t, on=D2023) for t in english]
    fr = [finders["fr"].find(t, on=D2023) for t in french]
    assert sum(map(bool, en)) > len(en) // 3
    assert sum(map(bool, fr)) > len(fr) // 10
    for texts, found in ((english, en), (french, fr)):
        for text, mentions in zip(texts, found, strict=True):
            assert all(text[m.start : m.end] == m.quote for m in mentions)
            assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
