"""Siege and blockade tags: what a careful coder would call one, in both languages."""

from __future__ import annotations

import pytest

from conflictwatch.extract.cues import CueMatcher
from conflictwatch.knowledge import load_pack


def _labels(lang: str, text: str) -> set[str]:
    matcher = CueMatcher.from_lexicon(load_pack("sahel").lexicon("tags"), "tags", lang)
    return {hit.label for hit in matcher.find(text)}


@pytest.mark.parametrize(
    ("lang", "text", "tag"),
    [
        ("en", "JNIM has kept Djibo under siege since February.", "siege"),
        ("en", "The siege of Boni entered its third month.", "siege"),
        ("fr", "La ville de Léré est assiégée depuis des mois.", "siege"),
        ("en", "JNIM announced a blockade of Timbuktu in August.", "blockade"),
        ("fr", "Le JNIM a imposé un blocus à Tombouctou.", "blockade"),
    ],
)
def test_a_town_under_siege_or_blockade_is_tagged(lang: str, text: str, tag: str) -> None:
    assert tag in _labels(lang, text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Des tirs ont visé le siège de la MINUSMA à Gao."),  # a headquarters
        ("en", "Mutinous soldiers encircled the presidency in Koulouba."),  # a coup, not a siege
        ("en", "ECOWAS imposed an embargo on Mali in January."),  # sanctions on a state
        ("fr", "La pénurie de carburant touche Bamako."),  # a shortage
        ("en", "Gunmen attacked a convoy on the Gao road."),  # one attack on the road
    ],
)
def test_look_alikes_are_not_sieges_or_blockades(lang: str, text: str) -> None:
    assert not _labels(lang, text) & {"siege", "blockade"}
