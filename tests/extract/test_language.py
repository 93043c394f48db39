"""Language detection: English, French or undetermined, on headlines, articles and mixed text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conflictwatch.extract.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed 12 villagers in central Mali on Tuesday", "en"),
        ("Mali: JNIM attack kills 12 soldiers", "en"),
        ("Mali army says it repelled an attack near Gao", "en"),
        ("Jihadists attacked a military post in Boulkessi.", "en"),
        ("Soldiers were killed by militants", "en"),
        ("The junta's drones struck a wedding", "en"),
        ("Burkina: dozens killed", "en"),
        ("Des hommes armés ont tué douze villageois", "fr"),
        ("Attaque à Tessit", "fr"),
        ("Le Mali et le Niger", "fr"),
        ("L'armée a repoussé l'attaque", "fr"),
        ("Des soldats ont été tués par des djihadistes près de Djibo.", "fr"),
        ("Burkina : une dizaine de civils tués", "fr"),
        ("Les FAMa ont neutralisé plusieurs terroristes dans la région de Ségou.", "fr"),
        ("Il est parti.", "fr"),
        ("", "und"),
        ("2024-05-01", "und"),
        ("Bamako", "und"),
        ("JNIM FAMa", "und"),
        ("12 / 34 / 56", "und"),
        # mixed text: the majority of the words decide
        (
            "Attaque à Gao. Gunmen killed soldiers in the north and the army said it was searching.",
            "en",
        ),
        (
            "Selon l'armée, les terroristes ont été repoussés dans la nuit de lundi à mardi "
            '("a big attack").',
            "fr",
        ),
        ("Breaking news: le Mali a annoncé que les forces armées ont repris la ville", "fr"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_shared_news_languages(shared_data: Path) -> None:
    """The VOA stories read as English and the West African press as French."""
    voa = shared_data / "news" / "voa-stories.jsonl"
    press = shared_data / "news" / "french-westafrica-press-foodsec.csv"
    if not voa.exists() or not press.exists():
        pytest.skip("shared news files not found")
    with voa.open(encoding="utf-8") as lines:
        english = [detect_language(json.loads(line)["text"]) for line in lines]
    csv.field_size_limit(1 << 30)
    with press.open(encoding="utf-8", newline="") as rows:
        french = [detect_language(row["text"]) for row in csv.DictReader(rows)]
    assert english.count("en") >= 0.98 * len(english)
    assert french.count("fr") >= 0.95 * len(french)
