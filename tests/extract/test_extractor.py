"""The extractor codes a report the way a careful coder would — these reports are our own words.

The built-in gazetteer is used (no shared data needed), so places are the larger towns it knows.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conflictwatch.extract.extractor import Extraction, Extractor
from conflictwatch.model import Article
from conflictwatch.taxonomy import ActorType, SubEventType

from .conftest import run

S = SubEventType


@pytest.mark.parametrize(
    ("lang", "text", "sub_type", "day", "place", "deaths"),
    [
        ("en", "Suspected jihadists killed 12 soldiers in an ambush near Boni on Tuesday, "
               "the army said.", S.ARMED_CLASH, "2024-09-17", "Boni", 12),
        ("fr", "Des hommes armés ont tué une dizaine de civils mardi dans le village de Boni, "
               "selon des sources locales.", S.ATTACK, "2024-09-17", "Boni", 10),
        ("en", "An improvised explosive device killed two soldiers 30 km south of Gao on "
               "Monday.", S.REMOTE_EXPLOSIVE_LANDMINE_IED, "2024-09-16", "Gao", 2),
        ("fr", "Des djihadistes ont enlevé cinq commerçants lundi près de Mopti.",
         S.ABDUCTION_FORCED_DISAPPEARANCE, "2024-09-16", "Mopti", 0),
    ],
)  # fmt: skip
def test_a_report_yields_its_event(extractor: Extractor, lang: str, text: str,
                                   sub_type: SubEventType, day: str, place: str,
                                   deaths: int) -> None:  # fmt: skip
    [mention] = run(extractor, text, lang).mentions
    assert mention.sub_event_type is sub_type
    assert mention.event_date == dt.date.fromisoformat(day)
    assert mention.location == place
    assert mention.fatalities == deaths
    assert mention.country == "Mali"


def test_the_killers_are_actor1_and_the_dead_actor2(extractor: Extractor) -> None:
    [m] = run(
        extractor, "Suspected jihadists killed 12 soldiers near Boni on Tuesday.", "en"
    ).mentions
    assert m.actor1 == "Unidentified Armed Group (Mali)"
    assert m.actor2 == "Military Forces of Mali (2021-)"
    assert (m.inter1, m.inter2) == (ActorType.POLITICAL_MILITIA, ActorType.STATE_FORCES)


def test_killing_civilians_is_civilian_targeting(extractor: Extractor) -> None:
    [m] = run(
        extractor, "Des hommes armés ont tué une dizaine de civils mardi à Boni.", "fr"
    ).mentions
    assert m.civilian_targeting and m.actor2 == "Civilians (Mali)"


def test_wounded_are_not_dead(extractor: Extractor) -> None:
    text = ("Au moins vingt-trois soldats ont été tués et une trentaine blessés lors d'une attaque "
            "jihadiste contre le camp de Gao dimanche.")  # fmt: skip
    [m] = run(extractor, text, "fr", "2023-09-20").mentions
    assert (m.fatalities, m.wounded) == (23, 30)


def test_a_round_up_yields_one_mention_per_event(extractor: Extractor) -> None:
    text = ("In Gao, gunmen killed three traders on Monday. In Mopti, militants abducted five "
            "villagers on Tuesday.")  # fmt: skip
    mentions = run(extractor, text, "en", "2023-09-20").mentions
    assert sorted((m.location, m.sub_event_type) for m in mentions) == [
        ("Gao", S.ATTACK), ("Mopti", S.ABDUCTION_FORCED_DISAPPEARANCE)]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The army denied reports that militants had attacked its base in Gao."),
        ("en", "More than 1,000 attacks were recorded in Mali in 2023, according to a report."),
        ("fr", "Le prix du mil a encore augmenté sur les marchés de Mopti cette semaine."),
        ("en", "The ministers signed a trade accord on rice imports in Bamako."),
    ],
)
def test_denials_statistics_and_other_news_are_not_events(
    extractor: Extractor, lang: str, text: str
) -> None:
    assert run(extractor, text, lang).mentions == ()


def test_a_foiled_attack_is_disrupted_weapons_use(extractor: Extractor) -> None:
    text = "L'armée a déjoué une attaque à la bombe contre le camp de Sévaré lundi."
    [m] = run(extractor, text, "fr").mentions
    assert m.sub_event_type is S.DISRUPTED_WEAPONS_USE


def test_every_field_cites_the_words_behind_it(extractor: Extractor) -> None:
    text = "Suspected jihadists killed 12 soldiers in an ambush near Boni on Tuesday."
    [m] = run(extractor, text, "en").mentions
    cited = {e.field: e for e in m.evidence}
    assert {"sub_event_type", "event_date", "location", "actor1", "actor2", "fatalities"} <= set(
        cited
    )
    for e in m.evidence:
        assert e.article_id == "t"
        assert e.start is not None and e.end is not None
        assert text[e.start : e.end] == e.quote
    assert cited["event_date"].quote == "Tuesday"
    assert cited["fatalities"].quote == "killed 12 soldiers"


def test_every_quote_of_the_sample_corpus_is_the_text_at_its_offsets(
    extractor: Extractor,
) -> None:
    """Evidence points into the article: a type given by the second sentence of a passage is
    cited there, not at the same offsets in the first."""
    corpus = Path(__file__).resolve().parents[2] / "corpus" / "sahel" / "reports.jsonl"
    wrong, cited = [], 0
    for line in corpus.read_text(encoding="utf-8").splitlines():
        report = json.loads(line)
        article = Article(id=report["id"], text=report["text"], language=report["language"],
                          published_at=dt.datetime.fromisoformat(report["published"]))  # fmt: skip
        for mention in extractor.extract(article).mentions:
            for e in mention.evidence:
                cited += 1
                if report["text"][e.start : e.end] != e.quote:
                    wrong.append((report["id"], e.field, e.quote))
    assert cited > 1000
    assert wrong == []


def test_mentions_come_most_salient_first(extractor: Extractor) -> None:
    text = ("In Mopti, militants abducted five villagers on Monday. In Gao, gunmen killed "
            "thirty traders on Tuesday.")  # fmt: skip
    mentions = run(extractor, text, "en", "2023-09-20").mentions
    assert [m.location for m in mentions] == ["Gao", "Mopti"]


@pytest.mark.parametrize(
    "text",
    ["", "   \n ", "<html><body></body></html>", "¹²³ ⁴⁵ 12³", "x" * 300_000,
     "Gunmen attacked Boni. " * 20_000],
)  # fmt: skip
def test_odd_input_never_crashes(extractor: Extractor, text: str) -> None:
    result = run(extractor, text, "en")
    assert isinstance(result, Extraction)


def test_a_very_long_article_is_read_up_to_a_limit(extractor: Extractor) -> None:
    result = run(extractor, "Gunmen attacked Boni. " * 20_000, "en")
    assert any("read the first" in note for note in result.notes)


def test_the_language_is_detected_when_not_given(extractor: Extractor) -> None:
    article = Article(id="t", text="Des hommes armés ont tué cinq civils à Boni mardi.",
                      published_at=dt.datetime(2024, 9, 18, tzinfo=dt.UTC))  # fmt: skip
    assert extractor.extract(article).language == "fr"


def test_the_sample_corpus_reads_without_errors(extractor: Extractor) -> None:
    from conflictwatch.sources.reports import read_reports

    corpus = Path(__file__).resolve().parents[2] / "corpus" / "sahel" / "reports.jsonl"
    articles = [a for a in read_reports(corpus) if isinstance(a, Article)]
    assert len(articles) >= 60
    results = [extractor.extract(a) for a in articles]
    assert sum(len(r.mentions) for r in results) > 0


def test_a_later_trigger_without_its_own_place_or_day_tells_more_of_the_lead(
    extractor: Extractor,
) -> None:
    text = (
        "Suspected jihadists killed 12 soldiers in an ambush near Boni on Tuesday, the army said. "
        "The convoy was carrying fuel and food. Residents said the road had been closed for weeks. "
        "Local officials asked for more patrols. Traders have stopped using the route. "
        "Malian soldiers later arrested two suspects."
    )
    [mention] = run(extractor, text, "en").mentions
    assert mention.location == "Boni"


def test_a_later_event_well_before_the_lead_is_background(extractor: Extractor) -> None:
    text = (
        "Des djihadistes ont tué douze soldats mardi près de Boni, selon l'armée. "
        "Le convoi transportait du carburant. Les habitants disent que la route était fermée. "
        "Les autorités locales ont demandé davantage de patrouilles. "
        "Le 2 septembre, des hommes armés avaient tué vingt soldats près de Mopti."
    )
    [mention] = run(extractor, text, "fr").mentions
    assert mention.location == "Boni"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Suspected jihadists killed 12 soldiers in an ambush near Boni, the army said on "
               "Tuesday. Residents said it happened on Sunday morning."),
        ("fr", "Des djihadistes ont tué douze soldats près de Boni, a annoncé mardi l'armée. "
               "Selon des habitants, cela s'est passé dimanche matin."),
        ("fr", "Des djihadistes ont tué douze soldats près de Boni, selon un communiqué diffusé "
               "mardi. Selon des habitants, cela s'est passé dimanche matin."),
    ],
)  # fmt: skip
def test_the_day_a_source_spoke_does_not_date_the_event(
    extractor: Extractor, lang: str, text: str
) -> None:
    [mention] = run(extractor, text, lang).mentions
    assert mention.event_date == dt.date(2024, 9, 15)
