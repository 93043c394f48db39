"""The passage rules' words come from the pack's ``cues.yaml``, both languages in each rule."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest

from conflictwatch.errors import ConfigError
from conflictwatch.extract.actors import ActorFinder, RoleCues
from conflictwatch.extract.cues import compile_rule
from conflictwatch.extract.dates import DateReader
from conflictwatch.extract.reporting import ReportingCues
from conflictwatch.extract.segments import PassageCues
from conflictwatch.extract.sites import SiteCues, count_sites
from conflictwatch.extract.targets import TargetCues
from conflictwatch.extract.tolls import TollCues
from conflictwatch.knowledge import load_pack

PACK = load_pack("sahel")
CUES = PACK.lexicon("cues")
REPORTING = ReportingCues.from_lexicon(CUES)
PASSAGES = PassageCues.from_lexicon(CUES)
TOLLS = TollCues.from_lexicon(CUES)
ROLES = RoleCues.from_lexicon(CUES)
SITES = SiteCues.from_lexicon(CUES)
TARGETS = TargetCues.from_lexicon(CUES)


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
        (
            REPORTING.people_handed_over.search,
            "the five were handed over to the judicial unit",
            True,
        ),
        (REPORTING.people_handed_over.search, "ils ont été remis à la justice", True),
        (REPORTING.people_handed_over.search, "the army handed over the camp to MINUSMA", False),
        (REPORTING.places.search, "dans les localités assiégées", True),
        (REPORTING.habitual.search, "les axes sont régulièrement minés", True),
        (REPORTING.elsewhen.search, "killed since 2015", True),
        (REPORTING.later.search, "le lendemain, à Gao", True),
        (REPORTING.relating.match, " came a week after", True),
        (REPORTING.relating.match, " de Tessit intervient moins d'une semaine après", True),
        (REPORTING.relating.match, " came at dawn", False),
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
        (ROLES.associate.search, "soldiers backed by the ", True),
        (ROLES.associate.search, "les militaires, appuyés par les ", True),
        (ROLES.associate.search, "aux côtés des ", True),
        (ROLES.associate.search, "soldiers attacked the ", False),
        (ROLES.source.search, "according to the local ", True),
        (ROLES.source.search, "selon l'", True),
        (ROLES.agent.search, "killed by suspected ", True),
        (ROLES.agent.search, "tués par des présumés ", True),
        (ROLES.claimed.search, "JNIM claimed the attack", True),
        (ROLES.claimed.search, "l'attaque a été revendiquée", True),
        (ROLES.claimed_by.search, "an attack claimed ", True),
        (ROLES.by_after.match, " par l'EIGS", True),
        (ROLES.by_after.match, " By the ISSP", False),  # "by" as written
        (ROLES.passive.search, "soldiers were killed", True),
        (ROLES.passive.search, "des soldats ont été tués", True),
        (SITES.not_one_telling.search, "the two previous attacks", True),
        (SITES.not_one_telling.search, "les deux dernières attaques", True),
        (SITES.passed_through.search, "sailing between ", True),
        (SITES.passed_through.search, "la route entre ", True),
        (SITES.clause_break.search, "20 civilians, while fighters", True),
        (SITES.clause_break.search, "tués ; puis les assaillants", True),
        (SITES.clause_break.search, "20 civilians, And", False),  # matched as written
        (TARGETS.police.search, "an attack on a police station", True),
        (TARGETS.police.search, "l'attaque du poste de gendarmerie", True),
        (TARGETS.police.search, "an attack on an army camp", False),
    ],
)
def test_a_rule_finds_its_words_in_either_language(
    pattern: Callable[[str], re.Match[str] | None], text: str, found: bool
) -> None:
    assert bool(pattern(text)) is found


def test_anaphoric_nouns_come_from_both_languages() -> None:
    assert {"attack", "attaque", "embuscade"} <= PASSAGES.event_nouns


def test_a_statement_published_by_a_group_names_no_agent() -> None:
    for text in ("a statement released by the ", "un communiqué par le "):
        agent = ROLES.agent.search(text)
        assert agent is not None
        assert agent["before"].lower() in ROLES.not_agent_before


@pytest.mark.parametrize(
    ("lang", "text", "sites"),
    [
        ("en", "both attacks", 2),
        ("en", "three army posts", 3),
        ("fr", "les deux attaques", 2),
        ("fr", "quatre localités", 4),
        ("fr", "deux postes militaires", 2),
    ],
)
def test_site_counts_are_read_in_each_language_with_its_own_words(
    lang: str, text: str, sites: int
) -> None:
    assert count_sites(text, lang, SITES) == sites


def test_site_words_of_one_language_are_not_read_in_the_other() -> None:
    assert count_sites("deux villages", "en", SITES) == 1
    assert count_sites("two villages", "fr", SITES) == 1


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        ("en", "the Platform fighters", ["Platform"]),
        ("en", "a digital platform", []),
        ("fr", "les combattants de la Plateforme", ["Platform"]),
        ("fr", "une plateforme numérique", []),
    ],
)
def test_an_everyday_word_names_an_actor_only_when_capitalised(
    lang: str, text: str, names: list[str]
) -> None:
    found = ActorFinder(PACK, lang).find(text, on=dt.date(2019, 5, 1))
    assert [m.name for m in found] == names


def test_a_rule_with_no_words_in_the_pack_names_the_key() -> None:
    with pytest.raises(ConfigError, match="'fled_from'"):
        compile_rule(r"\b(?:%(fled_from)s)\b", {"en": {}, "fr": {}})


def test_plain_lists_are_escaped_and_patterns_kept() -> None:
    cues = {"en": {"words": ["a.b"], "words_patterns": ["a.b"]}}
    assert compile_rule(r"%(words)s|%(words_patterns)s", cues).pattern == r"a\.b|a.b"


@pytest.mark.parametrize(
    ("lang", "text", "reported"),
    [
        ("fr", "Le gouvernement a revu le bilan à la hausse ce dimanche : 132 civils ont été tués.",
         True),
        ("en", "By Monday the government put the death toll at 132 civilians.", True),
        ("en", "As of Monday, 40 people had been reported dead.", True),
        ("en", "Gunmen attacked the village on Monday.", False),
    ],
)  # fmt: skip
def test_the_day_a_toll_was_given_is_the_report_s_day(lang: str, text: str, reported: bool) -> None:
    [day] = DateReader(lang, PACK.lexicon("time")).dates(text, dt.date(2021, 6, 8))
    assert PASSAGES.report_day(text, day) is reported
