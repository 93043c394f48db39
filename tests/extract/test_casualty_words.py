"""The casualty words come from the pack's ``lexicon/casualties.yaml``, both languages at once."""

from __future__ import annotations

import doctest
import shutil
from pathlib import Path

import pytest
import yaml

from conflictwatch.errors import ConfigError
from conflictwatch.extract import casualty_words
from conflictwatch.extract.casualty_words import CasualtyWords
from conflictwatch.extract.records import CasualtyKind, Side
from conflictwatch.knowledge import load_pack

WORDS = CasualtyWords.from_pack(load_pack("sahel"))


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("killed", CasualtyKind.KILLED),
        ("tués", CasualtyKind.KILLED),  # a French participle, in its four agreements
        ("tuées", CasualtyKind.KILLED),
        ("blessée", CasualtyKind.WOUNDED),
        ("kidnapped", CasualtyKind.ABDUCTED),
        ("disparues", CasualtyKind.MISSING),
        ("interpellés", CasualtyKind.ARRESTED),
    ],
)
def test_casualty_words_have_their_kind(word: str, kind: CasualtyKind) -> None:
    assert WORDS.kinds[word] is kind


@pytest.mark.parametrize(
    ("word", "side"),
    [
        ("soldiers", Side.STATE),
        ("fama", Side.STATE),
        ("assaillants", Side.ATTACKERS),
        ("villagers", Side.CIVILIANS),
        ("personnes", Side.UNKNOWN),
    ],
)
def test_people_have_their_side(word: str, side: Side) -> None:
    assert WORDS.sides[word] is side


def test_the_small_words_of_both_languages_are_read_together() -> None:
    assert WORDS.modifiers["armed"] is WORDS.modifiers["armés"] is Side.ATTACKERS
    assert {("no", "one"), ("pas", "de"), ("personne", "n'")} <= WORDS.zero
    assert WORDS.zero_starts >= {"no", "aucun", "pas", "sans"}
    assert WORDS.partitive[:2] == (("of", "them"), ("of", "whom"))
    assert ("de", "entre", "eux") in WORDS.partitive  # the reader reads d' as de
    assert WORDS.passive_aux == (("was",), ("has", "been"), ("a", "été"), ("avait", "été"))
    assert {"neutralisés", "neutralized"} <= WORDS.neutralised
    assert {"casualties", "pertes", "toll", "bilan", "lost"} <= WORDS.cue_words


def test_punctuation_stays_in_code_and_joins_the_words() -> None:
    assert {",", ".", "(", "—", "and", "et"} <= WORDS.stops
    assert {",", ":", "ainsi"} <= WORDS.adding
    assert WORDS.connectors == {",", "and", "et"}
    assert {"«", "»", "the", "de"} <= WORDS.verb_fillers


def test_the_module_example_runs() -> None:
    failed, tried = doctest.testmod(casualty_words, verbose=False)
    assert tried > 0 and failed == 0


def _pack_with(tmp_path: Path, edit: dict[str, dict[str, object]]) -> Path:
    """A copy of the sahel pack whose casualties lexicon has ``edit`` applied per language (a
    value of None removes the key)."""
    folder = tmp_path / "pack"
    shutil.copytree(load_pack("sahel").source, folder)
    path = folder / "lexicon" / "casualties.yaml"
    lexicon = yaml.safe_load(path.read_text(encoding="utf-8"))
    for lang, keys in edit.items():
        for key, value in keys.items():
            if value is None:
                lexicon[lang].pop(key, None)
            else:
                lexicon[lang][key] = value
    path.write_text(yaml.safe_dump(lexicon, allow_unicode=True), encoding="utf-8")
    return folder


def test_a_missing_key_names_the_key_and_the_file(tmp_path: Path) -> None:
    folder = _pack_with(tmp_path, {"en": {"auxiliaries": None}, "fr": {"auxiliaries": None}})
    with pytest.raises(ConfigError, match="'auxiliaries'") as caught:
        CasualtyWords.from_pack(load_pack(folder))
    assert str(folder / "lexicon" / "casualties.yaml") in str(caught.value)


def test_a_key_one_language_has_is_enough(tmp_path: Path) -> None:
    folder = _pack_with(tmp_path, {"en": {"tolls": None}})
    assert CasualtyWords.from_pack(load_pack(folder)).tolls == {"bilan"}


def test_an_unknown_side_names_the_sides_there_are(tmp_path: Path) -> None:
    folder = _pack_with(tmp_path, {"en": {"people": {"police": ["police"]}}})
    with pytest.raises(ConfigError, match="people: unknown 'police'; expected one of state"):
        CasualtyWords.from_pack(load_pack(folder))


def test_a_pack_without_the_lexicon_names_the_file(tmp_path: Path) -> None:
    folder = _pack_with(tmp_path, {})
    (folder / "lexicon" / "casualties.yaml").unlink()
    with pytest.raises(ConfigError, match=r"casualties\.yaml"):
        CasualtyWords.from_pack(load_pack(folder))
