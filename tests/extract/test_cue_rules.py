"""The passage rules' words come from the pack's ``cues.yaml``, both languages in each rule."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from conflictwatch.errors import ConfigError
from conflictwatch.extract.cues import compile_rule
from conflictwatch.extract.reporting import ReportingCues
from conflictwatch.extract.segments import PassageCues
from conflictwatch.extract.tolls import TollCues
from conflictwatch.knowledge import load_pack

CUES = load_pack("sahel").lexicon("cues")
REPORTING = ReportingCues.from_lexicon(CUES)
PASSAGES = PassageCues.from_lexicon(CUES)
TOLLS = TollCues.from_lexicon(CUES)


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (REPORTING.fled.search, "thousands who fled attacks", True),
        (REPORTING.fled.search, "des déplacés chassés par les attaques", True),
        (REPORTING.fled.search, "gunmen carried out attacks", False),
        (REPORTING.generic.search, "de nombreuses attaques", True),
        (REPORTING.generic.search, "frequent attacks", True),
        (REPORTING.pluperfect.search, "the camp had been attacked", True),
        (REPORTING.pluperfect.search, "l'attaque qui avait déjà provoqué", True),
        (REPORTING.earlier.search, "after the one in 2019", True),
        (REPORTING.undone.search, "a dénoncé l'accord", True),
        (REPORTING.casualty_evacuation.search, "the wounded were evacuated to Niamey", True),
        (REPORTING.casualty_evacuation.search, "les blessés ont été évacués", True),
        (REPORTING.places.search, "dans les localités assiégées", True),
        (REPORTING.habitual.search, "les axes sont régulièrement minés", True),
        (REPORTING.elsewhen.search, "killed since 2015", True),
        (REPORTING.later.search, "le lendemain, à Gao", True),
        (PASSAGES.second_party.search, "a second group of attackers", True),
        (PASSAGES.second_party.search, "une autre équipe", True),
        (PASSAGES.goes_on.match, "Les hommes armés ont ensuite", True),
        (PASSAGES.reported_on.search, "the army said on ", True),
        (PASSAGES.reported_on.search, "l'armée a annoncé ce ", True),
        (PASSAGES.continued.search, "les combats ont repris samedi", True),
        (PASSAGES.definite.search, "the ", True),
        (PASSAGES.definite.search, "another ", False),
        (PASSAGES.another.search, "des hommes armés ont également attaqué", True),
        (PASSAGES.response.search, "reinforcements were sent", True),
        (TOLLS.earlier.search, "le premier bilan", True),
        (TOLLS.revised.search, "le bilan s'est alourdi", True),
        (TOLLS.other_account.search, "a figure that could not be verified", True),
        (TOLLS.share_end.search, "53 morts, dont ", True),
        (TOLLS.partitive_quote.match, "trois d'entre eux", True),
        (TOLLS.since.match, " people since 2015", True),
    ],
)
def test_a_rule_finds_its_words_in_either_language(
    pattern: Callable[[str], re.Match[str] | None], text: str, found: bool
) -> None:
    assert bool(pattern(text)) is found


def test_anaphoric_nouns_come_from_both_languages() -> None:
    assert {"attack", "attaque", "embuscade"} <= PASSAGES.event_nouns


def test_a_rule_with_no_words_in_the_pack_names_the_key() -> None:
    with pytest.raises(ConfigError, match="'fled_from'"):
        compile_rule(r"\b(?:%(fled_from)s)\b", {"en": {}, "fr": {}})


def test_plain_lists_are_escaped_and_patterns_kept() -> None:
    cues = {"en": {"words": ["a.b"], "words_patterns": ["a.b"]}}
    assert compile_rule(r"%(words)s|%(words_patterns)s", cues).pattern == r"a\.b|a.b"
