"""What a sentence does with its event: asserts, denies, foils, plans, supposes or counts it."""

from __future__ import annotations

import pytest

from conflictwatch.extract.modality import (
    ModalityKind as K,
)
from conflictwatch.extract.modality import (
    ModalityReader,
    PhraseMatcher,
    fold_same_length,
)
from conflictwatch.extract.records import Span
from conflictwatch.knowledge import load_pack


@pytest.fixture(scope="module")
def readers() -> dict[str, ModalityReader]:
    cues = load_pack("sahel").lexicon("cues")
    return {lang: ModalityReader(lang, cues) for lang in ("en", "fr")}


CASES = [
    ("Gunmen attacked the village on Tuesday.", "en", K.ASSERTED),
    ("The attack caused no casualties.", "en", K.ASSERTED),
    ("The army denied that soldiers killed civilians.", "en", K.DENIED),
    ("Troops foiled an attack on the base.", "en", K.FOILED),
    ("The cell was planning to attack the convoy.", "en", K.PLANNED),
    ("Opposition parties announced protests in Ouagadougou for the weekend.", "en", K.PLANNED),
    ("D'autres marches sont annoncées dans plusieurs villes.", "fr", K.PLANNED),
    ("JNIM threatened to attack the town.", "en", K.THREATENED),
    ("If the jihadists attack, the town will fall.", "en", K.HYPOTHETICAL),
    ("More than 1,000 attacks in 2023 were recorded.", "en", K.BACKGROUND),
    ("Since the start of the year, 300 civilians have been killed.", "en", K.BACKGROUND),
    ("Des hommes armés ont attaqué le village.", "fr", K.ASSERTED),
    ("L'attaque n'a fait aucune victime.", "fr", K.ASSERTED),
    ("Le gouvernement a démenti l'attaque.", "fr", K.DENIED),
    ("L'armée a déjoué une attaque contre le camp.", "fr", K.FOILED),
    ("Les terroristes projetaient d'attaquer la ville.", "fr", K.PLANNED),
    ("Le groupe a menacé d'attaquer la ville.", "fr", K.THREATENED),
    ("Depuis le début de l'année, 200 civils ont été tués.", "fr", K.BACKGROUND),
    # a town spared attacks was not attacked
    ("The city has been spared large-scale attacks.", "en", K.NEGATED),
    ("La ville a été épargnée par les grandes attaques.", "fr", K.NEGATED),
    ("The gunmen spared the women but killed twelve men.", "en", K.ASSERTED),
]


def test_a_negation_listed_after_a_casualty_negation_still_negates() -> None:
    cues = {"en": {"negation": ["no victims", "never"]}}
    assert ModalityReader("en", cues).read("Gunmen never attacked the town.").kind is K.NEGATED
    assert ModalityReader("en", cues).read("The attack left no victims.").kind is K.ASSERTED


@pytest.mark.parametrize(("text", "lang", "kind"), CASES)
def test_modality(readers: dict[str, ModalityReader], text: str, lang: str, kind: K) -> None:
    assert readers[lang].read(text).kind is kind


def test_the_cue_is_a_span_of_the_text(readers: dict[str, ModalityReader]) -> None:
    text = "L’armée a DÉJOUÉ une attaque."
    cue = readers["fr"].read(text).cue
    assert cue is not None and text[cue.start : cue.end] == cue.quote == "a DÉJOUÉ"


def test_a_negation_governs_only_a_trigger_right_after_it(
    readers: dict[str, ModalityReader],
) -> None:
    text = "Officials did not comment, but gunmen later attacked the market in a long raid."
    at = text.index("attacked")
    trigger = Span(at, at + len("attacked"), "attacked")
    assert readers["en"].read(text, trigger).kind is K.ASSERTED
    near = "Gunmen did not attack the market."
    at = near.index("attack")
    assert readers["en"].read(near, Span(at, at + 6, "attack")).kind is K.NEGATED


def test_only_asserted_reports_an_event() -> None:
    assert K.ASSERTED.is_event and not K.FOILED.is_event


def test_folding_keeps_offsets() -> None:
    text = "Ségou, Tillabéri – l’État"
    folded = fold_same_length(text)
    assert len(folded) == len(text) and folded == "segou, tillaberi - l'etat"


def test_phrase_matcher_finds_whole_words_across_spelling_variants() -> None:
    matcher = PhraseMatcher(["counter-attack", "attaque", "gun battle"])
    text = "L'attaque, a counterattack and a gun  battle; no match in attaques."
    found = [key for key, _ in matcher.finditer(fold_same_length(text), text)]
    assert found == ["attaque", "counter-attack", "gun battle"]


def test_a_denial_governs_the_whole_sentence(readers: dict[str, ModalityReader]) -> None:
    text = ("The army on Monday rejected as false a claim by the group that its fighters had "
            "overrun a military post in the region over the weekend and seized weapons.")  # fmt: skip
    at = text.index("seized weapons")
    trigger = Span(at, at + len("seized weapons"), "seized weapons")
    assert readers["en"].read(text, trigger).kind is K.DENIED


@pytest.mark.parametrize(
    ("lang", "text", "verb"),
    [
        (
            "en",
            "Gunmen killed 40 villagers near Djibo on Sunday, the deadliest attack since the "
            "violence began in 2015.",
            "killed",
        ),
        (
            "fr",
            "Des hommes armés ont tué 40 villageois dimanche près de Djibo, l'attaque la plus "
            "meurtrière depuis le début des violences en 2015.",
            "tué",
        ),
    ],
)
def test_a_year_after_since_in_the_opening_dates_a_record_not_a_tally(
    readers: dict[str, ModalityReader], lang: str, text: str, verb: str
) -> None:
    at = text.index(verb)
    trigger = Span(at, at + len(verb), verb)
    assert readers[lang].read(text, trigger, opening=True).kind is K.ASSERTED
    # further on, such a sentence more often recalls an older event
    assert readers[lang].read(text, trigger).kind is K.BACKGROUND
    tally = "More than 800 civilians were killed in the Mopti region in 2022."
    at = tally.index("killed")
    assert readers["en"].read(tally, Span(at, at + 6, "killed"), opening=True).kind is K.BACKGROUND


@pytest.mark.parametrize(
    ("lang", "text", "verb"),
    [
        (
            "fr",
            "Des milliers de personnes ont manifesté samedi à Niamey pour réclamer l'abandon du "
            "projet de nouveau code minier.",
            "manifesté",
        ),
        (
            "en",
            "Hundreds of farmers marched in Sikasso on Friday against the planned cotton levy.",
            "marched",
        ),
        ("fr", "Les enseignants ont manifesté contre les menaces visant les écoles.", "manifesté"),
    ],
)
def test_a_plan_or_threat_a_protest_is_aimed_at_does_not_make_it_planned(
    readers: dict[str, ModalityReader], lang: str, text: str, verb: str
) -> None:
    at = text.index(verb)
    assert readers[lang].read(text, Span(at, at + len(verb), verb)).kind is K.ASSERTED
    # ... while a plan named after the event still governs it when nothing aims the event at it
    planned = "Les jeunes ont manifesté, mais la marche vers le palais restait un projet."
    at = planned.index("marche")
    assert readers["fr"].read(planned, Span(at, at + 6, "marche")).kind is K.PLANNED
