import pytest

from conflictwatch.geo.gazetteer import Gazetteer, MatchKind
from conflictwatch.geo.names import AreaKind, compact, fold, phonetic, strip_place_words, twin_stem
from conflictwatch.model import Place


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Ségou", "segou"),
        ("  Tin-Zaouatène ", "tin zaouatene"),
        ("Aguel'hoc", "aguelhoc"),
        ("Aguel’hoc", "aguelhoc"),
        ("d'Aguelhok", "d aguelhok"),
        ("MÉNAKA", "menaka"),
        ("Fada N'Gourma", "fada ngourma"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tinzaouaten", "Tin Zaouatene"),
        ("Tinzawatene", "Tin-Zaouatene"),
        ("Aguelhoc", "Aguelhok"),
        ("Ouagadougou", "Wagadugu"),
        ("Niafunké", "Niafounke"),
        ("Bankass", "Bankas"),
    ],
)
def test_spelling_variants_share_a_phonetic_key(a: str, b: str) -> None:
    assert phonetic(a) == phonetic(b)


def test_compact_ignores_spaces_and_hyphens() -> None:
    assert compact("Gorom Gorom") == compact("Gorom-Gorom") == "goromgorom"


@pytest.mark.parametrize(
    ("text", "core", "kind"),
    [
        ("Gao", "Gao", None),
        ("le village de Boni", "Boni", None),
        ("village of Boni", "Boni", None),
        ("commune rurale de Boni", "Boni", None),
        ("près d'Aguelhok", "Aguelhok", None),
        ("the Mopti region", "Mopti", AreaKind.ADMIN1),
        ("the Torodi area", "Torodi", None),
        ("la zone de Torodi", "Torodi", None),
        ("dans la région de Ségou", "Ségou", AreaKind.ADMIN1),
        ("cercle de Bankass", "Bankass", AreaKind.ADMIN2),
        ("the Koro circle", "Koro", AreaKind.ADMIN2),
        ("Province du Soum", "Soum", AreaKind.ADMIN2),
        ("Tillabéri region", "Tillabéri", AreaKind.ADMIN1),
    ],
)
def test_strip_place_words(text: str, core: str, kind: AreaKind | None) -> None:
    parsed = strip_place_words(text)
    assert (parsed.core, parsed.kind) == (core, kind)


@pytest.mark.parametrize(
    ("text", "stem"),
    [("Gangafani II", "Gangafani"), ("Koutoukalé III", "Koutoukalé"), ("Gao", None),
     ("Sobane Da", None), ("II", None)],
)  # fmt: skip
def test_a_roman_numeral_after_a_name_marks_a_twin_village(text: str, stem: str | None) -> None:
    assert twin_stem(text) == stem


def test_a_numbered_twin_is_found_as_written_under_its_namesake() -> None:
    gazetteer = Gazetteer.from_places(
        [Place("gangafani", "Gangafani", 14.38, -2.40, "ML", feature_class="P")]
    )
    [hit] = gazetteer.hits("Gangafani II")
    assert hit.place.name == "Gangafani" and hit.how is MatchKind.NAME
