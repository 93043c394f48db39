"""Sentence splitting with offsets: abbreviations, titles, headlines, bullets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflictwatch.extract.nlp import build_nlp, sentences


@pytest.fixture(scope="module")
def nlp_en():  # type: ignore[no-untyped-def]
    return build_nlp("en")


@pytest.fixture(scope="module")
def nlp_fr():  # type: ignore[no-untyped-def]
    return build_nlp("fr")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lt. Col. Diarra spoke. Gunmen fled.", ["Lt. Col. Diarra spoke.", "Gunmen fled."]),
        ("Gen. Traore met Mr. Smith. They talked.", ["Gen. Traore met Mr. Smith.", "They talked."]),
        ("The U.S. Army left. The French stayed.", ["The U.S. Army left.", "The French stayed."]),
        ("Attack in Gao\nGunmen killed 12 people.", ["Attack in Gao", "Gunmen killed 12 people."]),
        ("- first point\n- second point", ["first point", "second point"]),
        ("• one\n• two", ["one", "two"]),
        ("A line that wraps\nonto the next. End!", ["A line that wraps\nonto the next.", "End!"]),
        ('"We are safe." The mayor said.', ['"We are safe."', "The mayor said."]),
        ("Who did it? Nobody knows... Yet.", ["Who did it?", "Nobody knows...", "Yet."]),
        ("It cost 3.5 million. Then 12 died.", ["It cost 3.5 million.", "Then 12 died."]),
        (
            "Fire broke out at 10 a.m. JNIM claimed it.",
            ["Fire broke out at 10 a.m.", "JNIM claimed it."],
        ),
        ("It began at 6 a.m. GMT on Monday.", ["It began at 6 a.m. GMT on Monday."]),
        (
            "A mine wounded two soldiers. - On Sunday, three men were held.",
            ["A mine wounded two soldiers.", "On Sunday, three men were held."],
        ),
        ("It began at 6 a.m. Monday and ended.", ["It began at 6 a.m. Monday and ended."]),
        ("No full stop at the end", ["No full stop at the end"]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_sentences_en(nlp_en, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    spans = sentences(nlp_en, text)
    assert [s.quote for s in spans] == expected
    assert all(text[s.start : s.end] == s.quote for s in spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "M. Traoré a été tué. Le Lt.-Col. Diarra a démenti.",
            ["M. Traoré a été tué.", "Le Lt.-Col. Diarra a démenti."],
        ),
        ("Mme Diallo est arrivée. Elle a parlé.", ["Mme Diallo est arrivée.", "Elle a parlé."]),
        (
            "Le Gal. Touré, env. 50 ans, a parlé. Fin.",
            ["Le Gal. Touré, env. 50 ans, a parlé.", "Fin."],
        ),
        ("« Nous sommes là. » Le maire a parlé.", ["« Nous sommes là. »", "Le maire a parlé."]),
        (
            "Le communiqué recense : - lundi, deux arrestations ; - mardi, une frappe.",
            ["Le communiqué recense :", "lundi, deux arrestations ;", "mardi, une frappe."],
        ),
        ("Bilan : 3 morts - selon la police.", ["Bilan : 3 morts - selon la police."]),
        (
            "Burkina : attaque à Djibo\nDes hommes armés ont tué 10 civils.",
            ["Burkina : attaque à Djibo", "Des hommes armés ont tué 10 civils."],
        ),
    ],
)
def test_sentences_fr(nlp_fr, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.quote for s in sentences(nlp_fr, text)] == expected


def test_pipeline_is_blank_with_sentencizer(nlp_en) -> None:  # type: ignore[no-untyped-def]
    assert nlp_en.pipe_names == ["sentencizer"]
    assert [t.text for t in nlp_en("Lt. Col. Diarra")][:2] == ["Lt.", "Col."]
    assert build_nlp("und").lang == "xx"


def test_voa_sentences(shared_data: Path, nlp_en) -> None:  # type: ignore[no-untyped-def]
    path = shared_data / "news" / "voa-stories.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    with path.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    counts = [len(sentences(nlp_en, t)) for t in texts]
    words = sum(len(t.split()) for t in texts)
    assert 10 < words / sum(counts) < 40  # news sentences average 15-30 words
