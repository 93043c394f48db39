import pytest

from conflictwatch.geo.names import AreaKind, compact, fold, phonetic, strip_place_words


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
