"""The Sahel knowledge pack and its loader: the data is complete, and bad packs fail clearly."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import textwrap
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest

from conflictwatch.errors import InputError, RegistryError
from conflictwatch.knowledge import FAMILIES, GLOSSARY_KINDS, Pack, fold, load_pack
from conflictwatch.taxonomy import VAGUE_NUMBERS, ActorType, SubEventType

JNIM = "JNIM: Group for Support of Islam and Muslims"
ISSP = "Islamic State Sahel Province"
FAMA = "Military Forces of Mali (2021-)"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack("sahel")


# --- the pack as a whole ------------------------------------------------------------------------


def test_the_sahel_pack_loads_with_its_countries_and_languages(pack: Pack) -> None:
    assert pack.name == "sahel"
    assert pack.version
    assert pack.languages == ("en", "fr")
    capitals = {c.iso2: c.capital for c in pack.countries}
    assert capitals == {"ML": "Bamako", "BF": "Ouagadougou", "NE": "Niamey"}
    bamako = next(c for c in pack.countries if c.iso2 == "ML")
    assert bamako.latitude == pytest.approx(12.64, abs=0.05)
    assert bamako.longitude == pytest.approx(-8.0, abs=0.05)


def test_the_pack_has_at_least_70_actors(pack: Pack) -> None:
    assert len(pack.actors) >= 70


def test_every_actor_is_complete(pack: Pack) -> None:
    for actor in pack.actors:
        assert actor.description.strip(), actor.name
        assert isinstance(actor.actor_type, ActorType), actor.name
        assert 1 <= int(actor.actor_type) <= 8, actor.name
        assert actor.family in FAMILIES, actor.name
        assert re.fullmatch(r"[A-Z]{2}", actor.country), actor.name
        if actor.active_from and actor.active_to:
            assert actor.active_from <= actor.active_to, actor.name


def test_every_name_and_alias_resolves_back_to_its_actor(pack: Pack) -> None:
    for alias, actor in pack.alias_items():
        assert pack.actor_for(alias) is actor, alias


def test_no_alias_points_to_two_actors(pack: Pack) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in pack.actors:
        for names in actor.aliases.values():
            for alias in names:
                owners[fold(alias)].add(actor.name)
    shared = {alias: names for alias, names in owners.items() if len(names) > 1}
    assert shared == {}
    for actor in pack.actors:  # nor does an alias spell another actor's canonical name
        assert owners.get(fold(actor.name), {actor.name}) == {actor.name}


@pytest.mark.parametrize("canonical", [JNIM, ISSP, FAMA])
def test_key_actors_have_english_and_french_aliases(pack: Pack, canonical: str) -> None:
    actor = pack.actor(canonical)
    assert actor is not None
    assert actor.aliases.get("en")
    assert actor.aliases.get("fr")


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("JNIM", JNIM),
        ("GSIM", JNIM),
        ("Jama'at Nusrat al-Islam wal-Muslimin", JNIM),
        ("Groupe de soutien à l'islam et aux musulmans", JNIM),
        ("groupe de soutien a l'ISLAM et aux musulmans", JNIM),  # case and accents do not matter
        ("al-Qaeda-linked militants", JNIM),
        ("ISGS", ISSP),
        ("EIGS", ISSP),
        ("État islamique au Sahel", ISSP),
        ("FAMa", FAMA),
        ("Forces armées maliennes", FAMA),
        ("Malian army", FAMA),
        ("Katiba Macina", "Katiba Macina"),
        ("Front de libération du Macina", "Katiba Macina"),
        ("AQMI", "AQIM: Al Qaeda in the Islamic Maghreb"),
        ("Wagner", "Wagner Group"),
        (
            "casques bleus",
            "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali",
        ),
        ("Front de libération de l'Azawad", "FLA: Azawad Liberation Front"),
        ("CSP-PSD", "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development"),
        (
            "Volontaires pour la défense de la patrie",
            "VDP: Volunteers for the Defense of the Homeland",
        ),
        ("Koglweogo", "Koglweogo Militia"),
        ("Dan Na Ambassagou", "Dan Na Ambassagou"),
        ("armée nigérienne", "Military Forces of Niger (2023-)"),
        ("Military Forces of Burkina Faso (2022)", "Military Forces of Burkina Faso (2022)"),
        ("Military Forces of Burkina Faso (2022-)", "Military Forces of Burkina Faso (2022-)"),
        ("nobody we know", None),
    ],
)
def test_actor_for_resolves_aliases(pack: Pack, alias: str, canonical: str | None) -> None:
    actor = pack.actor_for(alias)
    assert (actor.name if actor else None) == canonical


@pytest.mark.parametrize(
    "canonical",
    [
        "Military Forces of Mali (2013-2020)",
        "Military Forces of Mali (2020-2021)",
        "Police Forces of Mali (2021-)",
        "National Guard of Mali",
        "Air Force of Mali",
        "Military Forces of Burkina Faso (2022-)",
        "Military Forces of Niger (2023-)",
        "National Guard of Niger",
        "Africa Corps",
        "Operation Serval",
        "Operation Barkhane",
        "Takuba Task Force",
        "G5 Sahel Joint Force",
        "EUTM Mali: European Union Training Mission in Mali",
        "Ansar Dine",
        "Al Mourabitoune",
        "Katiba Serma",
        "Katiba Gourma",
        "Islamic State West Africa Province",
        "Ansaroul Islam",
        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        "CMA: Coordination of Azawad Movements",
        "MNLA: National Movement for the Liberation of Azawad",
        "HCUA: High Council for the Unity of Azawad",
        "MAA: Arab Movement of Azawad",
        "Platform",
        "GATIA: Imghad Tuareg and Allies Self-Defense Group",
        "MSA: Movement for the Salvation of Azawad",
        "CMFPR: Coordination of Patriotic Resistance Movements and Forces",
        "Dozo Communal Militia (Mali)",
        "Fulani Ethnic Militia (Mali)",
        "Dogon Ethnic Militia (Mali)",
        "Bambara Ethnic Militia (Mali)",
        "Tuareg Ethnic Militia (Mali)",
        "Arab Ethnic Militia (Mali)",
        "Daoussahak Ethnic Militia (Mali)",
        "Unidentified Armed Group (Mali)",
        "Civilians (Mali)",
        "Protesters (Mali)",
        "Military Forces of Algeria (2019-)",
        "Military Forces of Mauritania (2019-)",
        "Military Forces of Ivory Coast (2011-)",
        "Military Forces of Togo (2005-)",
        "Military Forces of Benin (2016-)",
        "Military Forces of Chad (2021-)",
        "Military Forces of Nigeria (2023-)",
    ],
)
def test_the_pack_covers_the_actors_briefings_need(pack: Pack, canonical: str) -> None:
    assert pack.actor(canonical) is not None


@pytest.mark.parametrize(
    ("canonical", "inter", "family"),
    [
        (JNIM, ActorType.REBEL_GROUP, "al-qaeda"),
        (ISSP, ActorType.REBEL_GROUP, "islamic-state"),
        (FAMA, ActorType.STATE_FORCES, "state"),
        ("Wagner Group", ActorType.EXTERNAL_OTHER_FORCES, "foreign"),
        ("FLA: Azawad Liberation Front", ActorType.REBEL_GROUP, "separatist"),
        ("Dan Na Ambassagou", ActorType.IDENTITY_MILITIA, "militia"),
        ("Civilians (Niger)", ActorType.CIVILIANS, "civilians"),
        ("Protesters (Mali)", ActorType.PROTESTERS, "protesters"),
        ("Rioters (Mali)", ActorType.RIOTERS, "protesters"),
        (
            "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali",
            ActorType.EXTERNAL_OTHER_FORCES,
            "un",
        ),
    ],
)
def test_inter_codes_and_families(
    pack: Pack, canonical: str, inter: ActorType, family: str
) -> None:
    actor = pack.actor(canonical)
    assert actor is not None
    assert actor.actor_type is inter
    assert pack.family_of(canonical) == family


def test_family_of_accepts_an_alias_and_says_none_for_strangers(pack: Pack) -> None:
    assert pack.family_of("GSIM") == "al-qaeda"
    assert pack.family_of("EIGS") == "islamic-state"
    assert pack.family_of("nobody at all") is None


def test_jnim_lists_its_components_and_they_name_it_as_parent(pack: Pack) -> None:
    parts = {a.name for a in pack.components_of(JNIM)}
    assert {"Ansar Dine", "Katiba Macina", "Al Mourabitoune", "Katiba Serma"} <= parts
    assert "AQIM: Al Qaeda in the Islamic Maghreb" in parts
    parent = pack.parent_of("Katiba Macina")
    assert parent is not None and parent.name == JNIM
    assert pack.parent_of(JNIM) is None


@pytest.mark.parametrize(
    ("alias", "on", "country", "expected"),
    [
        ("FAMa", dt.date(2019, 5, 1), None, "Military Forces of Mali (2013-2020)"),
        ("armée malienne", dt.date(2021, 1, 10), None, "Military Forces of Mali (2020-2021)"),
        ("FAMa", dt.date(2024, 9, 17), None, FAMA),
        ("Burkinabe army", dt.date(2022, 5, 1), None, "Military Forces of Burkina Faso (2022)"),
        (
            "Burkinabe army",
            dt.date(2019, 5, 1),
            None,
            "Military Forces of Burkina Faso (2015-2022)",
        ),
        ("Nigerien army", dt.date(2022, 5, 1), None, "Military Forces of Niger (2021-2023)"),
        ("French forces", dt.date(2014, 1, 1), None, "Military Forces of France (2012-2017)"),
        ("civilians", None, "NE", "Civilians (Niger)"),
        ("villageois", dt.date(2023, 1, 1), "BF", "Civilians (Burkina Faso)"),
        ("unidentified gunmen", None, "BF", "Unidentified Armed Group (Burkina Faso)"),
        ("Fulani militia", None, "NE", "Fulani Ethnic Militia (Niger)"),
        ("Ansar Dine", dt.date(2019, 1, 1), None, JNIM),
        ("Ansar Dine", dt.date(2013, 1, 1), None, "Ansar Dine"),
        ("MUJAO", dt.date(2019, 1, 1), None, JNIM),
        ("Wagner", dt.date(2025, 9, 1), None, "Africa Corps"),
        ("CMA", dt.date(2025, 3, 1), None, "FLA: Azawad Liberation Front"),
        ("Serval", dt.date(2016, 1, 1), None, "Operation Barkhane"),
        ("JNIM", dt.date(2024, 1, 1), "BF", JNIM),  # no variants: stays itself
        # a name without its bracket names all its variants
        (
            "Military Forces of Mali",
            dt.date(2012, 2, 1),
            None,
            "Military Forces of Mali (2002-2012)",
        ),
        ("Police Forces of Niger", dt.date(2024, 1, 1), "NE", "Police Forces of Niger (2023-)"),
        ("Nigerien authorities", dt.date(2016, 10, 15), "NE", "Government of Niger (2011-2021)"),
        ("gouvernement malien", dt.date(2012, 6, 1), "ML", "Government of Mali (2012-2013)"),
        (
            "police burkinabè",
            dt.date(2013, 5, 1),
            "BF",
            "Police Forces of Burkina Faso (1987-2014)",
        ),
    ],
)
def test_actor_for_picks_the_variant_for_the_date_and_country(
    pack: Pack, alias: str, on: dt.date | None, country: str | None, expected: str
) -> None:
    actor = pack.actor_for(alias, on=on, country=country)
    assert actor is not None and actor.name == expected


def test_regime_periods_do_not_overlap(pack: Pack) -> None:
    mali = sorted(
        (a for a in pack.actors if a.name.startswith("Military Forces of Mali (")),
        key=lambda a: a.active_from or dt.date.min,
    )
    assert len(mali) >= 4
    for earlier, later in itertools.pairwise(mali):
        assert earlier.active_to is not None and later.active_from is not None
        assert earlier.active_to < later.active_from


@pytest.mark.parametrize("country", ["Mali", "Burkina Faso", "Niger"])
@pytest.mark.parametrize("kind", ["Government", "Police Forces"])
def test_a_government_and_its_police_have_the_periods_of_its_army(
    pack: Pack, kind: str, country: str
) -> None:
    # ACLED dates a state's government and police by the same regimes as its army: a 2016 report
    # on "the Nigerien authorities" names the government of 2016, not today's junta.
    def periods(prefix: str) -> list[tuple[dt.date | None, dt.date | None]]:
        return sorted(
            ((a.active_from, a.active_to) for a in pack.actors if a.name.startswith(prefix + " (")),
            key=lambda p: p[0] or dt.date.min,
        )

    army = periods(f"Military Forces of {country}")
    assert periods(f"{kind} of {country}") == army
    for (_, end), (start, _) in itertools.pairwise(army):
        assert end is not None and start == end + dt.timedelta(days=1)


# --- periods -----------------------------------------------------------------------------------


@pytest.mark.parametrize("country", [None, "ML", "BF", "NE"])
def test_periods_are_sorted_by_date(pack: Pack, country: str | None) -> None:
    dates = [p.date for p in pack.periods(country)]
    assert dates
    assert dates == sorted(dates)


@pytest.mark.parametrize(
    ("period_id", "country", "date"),
    [
        ("ml-2012-rebellion", "ML", dt.date(2012, 1, 17)),
        ("ml-2013-serval", "ML", dt.date(2013, 1, 11)),
        ("ml-2013-minusma", "ML", dt.date(2013, 7, 1)),
        ("ml-2015-algiers", "ML", dt.date(2015, 5, 15)),
        ("ml-2020-coup", "ML", dt.date(2020, 8, 18)),
        ("ml-2021-coup", "ML", dt.date(2021, 5, 24)),
        ("ml-2021-wagner", "ML", dt.date(2021, 12, 1)),
        ("ml-2022-barkhane-leaves", "ML", dt.date(2022, 8, 15)),
        ("ml-2023-minusma-end", "ML", dt.date(2023, 12, 31)),
        ("ml-2024-algiers-end", "ML", dt.date(2024, 1, 25)),
        ("sahel-2024-aes-confederation", "ML", dt.date(2024, 7, 6)),
        ("sahel-2024-aes-confederation", "NE", dt.date(2024, 7, 6)),
        ("bf-2022-coup-january", "BF", dt.date(2022, 1, 24)),
        ("bf-2022-coup-september", "BF", dt.date(2022, 9, 30)),
        ("ne-2023-coup", "NE", dt.date(2023, 7, 26)),
    ],
)
def test_milestones_are_there_with_their_dates(
    pack: Pack, period_id: str, country: str, date: dt.date
) -> None:
    found = {p.id: p for p in pack.periods(country)}
    assert period_id in found
    period = found[period_id]
    assert period.date == date
    assert period.label_in("en") and period.label_in("fr")
    assert period.description


def test_the_issue_milestones_are_turning_points_and_massacres_are_events(pack: Pack) -> None:
    kinds = {p.id: p.kind for p in pack.periods("ML")}
    for turning in ("ml-2020-coup", "ml-2021-coup", "ml-2021-wagner", "ml-2023-minusma-end"):
        assert kinds[turning] == "turning-point"
    assert kinds["ml-2022-moura"] == kinds["ml-2024-bamako-attack"] == "event"


def test_a_month_only_date_keeps_its_precision(pack: Pack) -> None:
    wagner = next(p for p in pack.periods("ML") if p.id == "ml-2021-wagner")
    assert wagner.precision == "month"


# --- glossary ------------------------------------------------------------------------------------


def test_the_glossary_has_at_least_40_complete_entries(pack: Pack) -> None:
    assert len(pack.glossary) >= 40
    assert len({e.key for e in pack.glossary}) == len(pack.glossary)
    for entry in pack.glossary:
        assert entry.kind in GLOSSARY_KINDS, entry.key
        assert entry.title and entry.text.strip(), entry.key
        assert len(re.findall(r"[.!?](?:\s|$)", entry.text)) <= 3, entry.key


@pytest.mark.parametrize(
    "key",
    [
        "faladie-gendarmerie-school",
        "air-base-101",
        "timbuktu",
        "menaka",
        "kidal",
        "tinzaouaten",
        "gao",
        "mopti",
        "segou",
        "liptako-gourma",
        "inner-niger-delta",
        "aes",
        "ecowas",
        "algiers-accord",
        "minusma",
        "vdp",
        "koglweogo",
        "blockade",
        "zakat",
        "katiba",
        "azawad",
        "djibo",
        "diffa",
        "tillaberi",
    ],
)
def test_the_glossary_explains_the_usual_suspects(pack: Pack, key: str) -> None:
    assert key in {e.key for e in pack.glossary}


def test_glossary_for_finds_entries_in_order_of_appearance(pack: Pack) -> None:
    text = (
        "At dawn JNIM attacked the Faladié gendarmerie school and air base 101 in Bamako, "
        "while Tombouctou remains under blocus."
    )
    keys = [e.key for e in pack.glossary_for(text)]
    assert keys[:4] == ["jnim", "faladie-gendarmerie-school", "air-base-101", "bamako"]
    assert "timbuktu" in keys and "blockade" in keys
    assert pack.glossary_for("Nothing to explain here.") == ()


def test_glossary_for_matches_whole_words_only(pack: Pack) -> None:
    assert "kati" not in {e.key for e in pack.glossary_for("A katiba attacked.")}


# --- lexicons ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr"])
def test_trigger_lexicons_cover_all_25_sub_event_types(pack: Pack, language: str) -> None:
    triggers = pack.triggers(language)
    assert set(triggers) == set(SubEventType)
    assert len(SubEventType) == 25
    for sub_event_type, words in triggers.items():
        assert words, sub_event_type
        assert all(isinstance(w, str) and w.strip() for w in words)


def test_cues_cover_negation_modality_and_background_in_both_languages(pack: Pack) -> None:
    cues = pack.lexicon("cues")
    for language in ("en", "fr"):
        for kind in (
            "negation",
            "denial",
            "foiled",
            "planned",
            "threat",
            "modality",
            "rumour",
            "background",
        ):
            assert cues[language][kind], (language, kind)
    assert "a démenti" in cues["fr"]["denial"]
    assert "déjoué" in cues["fr"]["foiled"]
    assert "projetait" in cues["fr"]["planned"]
    assert "depuis le début de l'année" in cues["fr"]["background"]
    assert "since the start of the year" in cues["en"]["background"]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "There were more than 1,000 incidents in 2023 across the country."),
        ("fr", "On a recensé plus de 1 000 attaques en 2023 dans le pays."),
    ],
)
def test_background_patterns_catch_yearly_statistics(
    pack: Pack, language: str, sentence: str
) -> None:
    patterns = pack.lexicon("cues")[language]["background_patterns"]
    assert any(re.search(p, sentence, re.IGNORECASE) for p in patterns)


def test_every_cue_pattern_compiles(pack: Pack) -> None:
    cues = pack.lexicon("cues")
    patterns = [(language, key, entry) for language, table in cues.items()
                for key, entries in table.items() if key.endswith("_patterns")
                for entry in entries]  # fmt: skip
    assert len(patterns) > 100
    for language, key, entry in patterns:
        try:
            re.compile(entry)
        except re.error as exc:  # pragma: no cover - the failure message
            pytest.fail(f"cues.yaml {language}.{key}: {entry!r}: {exc}")


def test_every_cue_is_given_in_both_languages(pack: Pack) -> None:
    cues = pack.lexicon("cues")
    assert set(cues["en"]) ^ set(cues["fr"]) == set()


def test_vague_numbers_follow_acled_and_agree_with_the_taxonomy(pack: Pack) -> None:
    numbers = pack.lexicon("numbers")
    vague = {**numbers["en"]["vague"], **numbers["fr"]["vague"]}
    for phrase, value in VAGUE_NUMBERS.items():
        assert vague.get(phrase, value) == value, phrase
    assert vague["dozens"] == 12 and vague["une dizaine"] == 10 and vague["des centaines"] == 100
    assert numbers["fr"]["tens"]["quatre-vingts"] == 80
    assert numbers["fr"]["tens"]["soixante-dix"] == 70
    assert numbers["fr"]["scales"]["mille"] == 1000
    assert numbers["en"]["units"]["nineteen"] == 19


def test_time_words_in_both_languages(pack: Pack) -> None:
    time = pack.lexicon("time")
    assert "à l'aube" in time["fr"]["time_of_day"]["dawn"]
    assert "overnight" in time["en"]["time_of_day"]["night"]
    assert time["fr"]["relative_days"]["hier"] == -1
    assert time["en"]["relative_weeks"]["last week"] == -1
    assert sorted(time["en"]["weekdays"].values())[-1] == 7
    assert set(time["fr"]["weekdays"].values()) == set(range(1, 8))


def test_outcomes_and_tags_have_cues_in_both_languages(pack: Pack) -> None:
    outcomes = pack.lexicon("outcomes")["outcomes"]
    assert {"repelled", "captured", "withdrew", "claimed", "hostages_taken"} <= set(outcomes)
    assert "repoussé" in outcomes["repelled"]["fr"]
    tags = pack.lexicon("tags")["tags"]
    assert set(tags) >= {
        "coordinated",
        "ambush",
        "ied",
        "drone",
        "suicide",
        "siege",
        "blockade",
        "kidnapping",
    }
    for cues in [*outcomes.values(), *tags.values()]:
        assert cues["en"] and cues["fr"]


def test_lexicons_are_read_only(pack: Pack) -> None:
    with pytest.raises(TypeError):
        pack.lexicon("cues")["en"]["negation"] = ()


def test_an_unknown_lexicon_lists_the_ones_there_are(pack: Pack) -> None:
    with pytest.raises(RegistryError, match="Available: casualties, cues, numbers"):
        pack.lexicon("triggers_de")


# --- locating packs ------------------------------------------------------------------------------


def _sahel_folder() -> Path:
    return Path(str(resources.files("conflictwatch").joinpath("packs", "sahel")))


def test_a_pack_folder_can_be_loaded_by_path(tmp_path: Path) -> None:
    copy = tmp_path / "my-pack"
    shutil.copytree(_sahel_folder(), copy)
    assert len(load_pack(copy).actors) == len(load_pack("sahel").actors)
    assert load_pack(str(copy)).source == str(copy)


def test_an_unknown_pack_name_lists_the_built_in_packs() -> None:
    with pytest.raises(RegistryError, match="Available: sahel"):
        load_pack("atlantis")


def test_a_folder_without_pack_yaml_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"pack\.yaml"):
        load_pack(tmp_path)


# --- bad pack files --------------------------------------------------------------------------------

_HEADER = "name: test\nversion: '1'\nlanguages: [en, fr]\ncountries: []\n"

_GOOD_ACTOR = """
- name: "Good Actor"
  type: 2
  family: al-qaeda
  country: ML
  active_from: "2017"
  active_to: null
  aliases: {en: [Goodies], fr: [Les bons]}
  description: An actor that is fine.
"""


def _write_pack(folder: Path, actors: str = "", **files: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "pack.yaml").write_text(_HEADER, encoding="utf-8")
    body = "actors:\n" + textwrap.dedent(_GOOD_ACTOR) + textwrap.dedent(actors)
    (folder / "actors.yaml").write_text(body, encoding="utf-8")
    for name, text in files.items():
        path = folder / name.replace("__", "/").replace("_yaml", ".yaml")
        path.parent.mkdir(exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def test_a_minimal_pack_loads(tmp_path: Path) -> None:
    pack = load_pack(_write_pack(tmp_path / "p"))
    actor = pack.actor_for("les BONS")
    assert actor is not None and actor.name == "Good Actor"
    assert actor.active_from == dt.date(2017, 1, 1)
    assert pack.periods() == () and pack.glossary == ()


def _bad_actor(**fields: object) -> str:
    base: dict[str, object] = {
        "name": '"Bad Actor"',
        "type": "1",
        "family": "state",
        "country": "ML",
        "aliases": "{en: [Baddies]}",
        "description": "Something.",
    }
    base.update(fields)
    lines = [f"  {k}: {v}" for k, v in base.items() if v is not None]
    return "\n- " + "\n".join(lines)[2:] + "\n"


@pytest.mark.parametrize(
    ("actor_yaml", "field", "fragment"),
    [
        (_bad_actor(type="9"), "type", "inter code"),
        (_bad_actor(type="rebels"), "type", "inter code"),
        (_bad_actor(name=None), "name", "required"),
        (_bad_actor(active_from='"2017-13-01"'), "active_from", "month"),
        (_bad_actor(active_from='"last spring"'), "active_from", "YYYY"),
        (_bad_actor(active_from='"2020"', active_to='"2019"'), "active_to", "before"),
        (_bad_actor(family="jihadists"), "family", "unknown family"),
        (_bad_actor(country="Mali"), "country", "ISO"),
        (_bad_actor(description=None), "description", "required"),
        (_bad_actor(aliases="{en: [Goodies]}"), "aliases.en", "already names 'Good Actor'"),
        (_bad_actor(aliases="{en: [GOODIES!]}"), "aliases.en", "already names 'Good Actor'"),
        (_bad_actor(aliases="{de: [Die Bösen]}"), "aliases.de", "unknown language"),
        (_bad_actor(aliases="{en: [yes]}"), "aliases.en", "text"),
        (_bad_actor(aliasses="{en: [x]}"), "aliasses", "unknown field"),
        (_bad_actor(parent='"Nobody"'), "parent", "another actor"),
        (_bad_actor(components='["Nobody"]'), "components", "another actor"),
        (_bad_actor(name='"Good Actor"'), "name", "duplicate"),
    ],
)
def test_bad_actor_entries_name_file_entry_and_field(
    tmp_path: Path, actor_yaml: str, field: str, fragment: str
) -> None:
    folder = _write_pack(tmp_path / "p", actor_yaml)
    with pytest.raises(InputError) as caught:
        load_pack(folder)
    error = caught.value
    assert error.path is not None and error.path.endswith("actors.yaml")
    assert error.field == field
    assert fragment in str(error)
    assert "actor #2" in str(error)
    assert isinstance(error.line, int) and error.line > 9  # the second entry, not the first


def test_broken_yaml_gives_the_line(tmp_path: Path) -> None:
    folder = _write_pack(tmp_path / "p", "- name: [unclosed\n")
    with pytest.raises(InputError, match="not valid YAML") as caught:
        load_pack(folder)
    assert caught.value.line is not None


@pytest.mark.parametrize(
    ("files", "filename", "field", "fragment"),
    [
        (
            {
                "periods_yaml": "periods:\n- id: x\n  label: {en: X, fr: X}\n  date: '2020-02-30'\n"
                "  country: ML\n"
            },
            "periods.yaml",
            "date",
            "day is out of range",
        ),
        (
            {
                "periods_yaml": "periods:\n- id: x\n  label: {en: X}\n  date: '2020'\n  country: ML\n"
            },
            "periods.yaml",
            "label",
            "each language",
        ),
        (
            {
                "periods_yaml": "periods:\n- id: x\n  label: {en: X, fr: X}\n  date: '2020'\n"
                "  country: ML\n  kind: rumour\n"
            },
            "periods.yaml",
            "kind",
            "turning-point, event",
        ),
        (
            {"glossary_yaml": "entries:\n- key: k\n  title: T\n  kind: rumour\n  text: T.\n"},
            "glossary.yaml",
            "kind",
            "expected one of",
        ),
        (
            {
                "lexicon__triggers_en_yaml": "sub_event_types:\n  Armed clashes:\n    triggers: [x]\n"
            },
            "triggers_en.yaml",
            "sub_event_types",
            "exact label",
        ),
        (
            {"lexicon__cues_yaml": "en:\n  negation: [not, no]\n"},
            "cues.yaml",
            "en.negation",
            "quote it",
        ),
        (
            {"lexicon__cues_yaml": "en:\n  background_patterns: ['(unclosed']\n"},
            "cues.yaml",
            "en.background_patterns",
            "regular expression",
        ),
    ],
)
def test_bad_periods_glossary_and_lexicons_name_the_field(
    tmp_path: Path, files: dict[str, str], filename: str, field: str, fragment: str
) -> None:
    folder = _write_pack(tmp_path / "p", **files)
    with pytest.raises(InputError) as caught:
        load_pack(folder)
    error = caught.value
    assert error.path is not None and error.path.endswith(filename)
    assert error.field == field
    assert fragment in str(error)
    assert error.line is not None
