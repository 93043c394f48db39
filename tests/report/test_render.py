"""HTML, Markdown and PDF output: self-contained, every shown number a fact, facts as JSON."""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conflictwatch.errors import ConfigError
from conflictwatch.report.briefing import briefing_files, build_briefing, write_briefing
from conflictwatch.report.pdf import render_pdf
from conflictwatch.store import Store

from .conftest import PERIOD, sahel

TITLES = [
    "Key Takeaways",
    "The security situation",
    "Insurgent activity by group",
    "Separatist and other conflicts",
    "State and foreign forces",
    "Sieges, blockades and humanitarian impact",
    "Geography and spill-over",
    "Outlook",
    "Analysis",
    "Did You Know?",
    "Facts appendix",
]


class Page(HTMLParser):
    """Collects what the tests look at: headings, takeaway bullets with their fact links, the
    embedded facts JSON and every URL the page would load."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.bullets: list[list[tuple[str, str | None]]] = []  # (text, fact id or None)
        self.loads: list[str] = []
        self.facts_json = ""
        self._stack: list[str] = []
        self._fact: str | None = None
        self._in_takeaways = False
        self._in_li = False
        self._in_json = False
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("img", "script", "iframe", "audio", "video", "source", "embed") and a.get("src"):
            self.loads.append(a["src"] or "")
        if tag == "link":
            self.loads.append(a.get("href") or "")
        if tag == "section" and a.get("id") == "key-takeaways":
            self._in_takeaways = True
        if tag == "li" and self._in_takeaways:
            self._in_li = True
            self.bullets.append([])
        if tag == "a" and a.get("data-fact"):
            self._fact = a["data-fact"]
        if tag == "script" and a.get("id") == "facts":
            self._in_json = True
        if tag in ("h1", "h2"):
            self._in_heading = True
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._fact = None
        if tag == "li":
            self._in_li = False
        if tag == "section":
            self._in_takeaways = False
        if tag == "script":
            self._in_json = False
        if tag in ("h1", "h2"):
            self._in_heading = False

    def handle_data(self, data: str) -> None:
        if self._in_json:
            self.facts_json += data
        if self._in_heading:
            self.headings[-1] += data
        if self._in_li:
            self.bullets[-1].append((data, self._fact))


@pytest.fixture
def page(scenario_store: Store, tmp_path: Path) -> tuple[Page, Path]:
    out = tmp_path / "brief.html"
    write_briefing(
        scenario_store,
        out,
        country="Mali",
        since=PERIOD[0],
        until=PERIOD[1],
        facts_path=tmp_path / "facts.json",
        markdown_beside=True,
        pack=sahel(),
    )
    parser = Page()
    parser.feed(out.read_text(encoding="utf-8"))
    return parser, out


def test_the_page_has_every_part(page: tuple[Page, Path]) -> None:
    parser, _ = page
    for title in TITLES:
        assert title in parser.headings


def test_numbers_in_the_takeaways_are_the_facts(page: tuple[Page, Path]) -> None:
    parser, _ = page
    facts = {f["id"]: f for f in json.loads(parser.facts_json)["facts"]}
    assert 3 <= len(parser.bullets) <= 6
    for bullet in parser.bullets:
        shown = [(text, fact) for text, fact in bullet if fact]
        assert shown, bullet
        for text, fact_id in shown:
            assert fact_id in facts
            assert text == facts[fact_id]["display"]
        # Every digit in a bullet is inside a fact link.
        loose = "".join(text for text, fact in bullet if not fact)
        assert not re.search(r"\d", loose), loose


def test_the_page_loads_nothing_from_outside(page: tuple[Page, Path]) -> None:
    parser, out = page
    assert parser.loads, "the charts should be embedded images"
    assert all(url.startswith("data:") for url in parser.loads)
    html = out.read_text(encoding="utf-8")
    assert "@import" not in html and "url(" not in html and "<link" not in html


def test_the_facts_file_equals_the_embedded_facts(page: tuple[Page, Path]) -> None:
    parser, out = page
    written = json.loads((out.parent / "facts.json").read_text(encoding="utf-8"))
    assert written == json.loads(parser.facts_json)
    ids = [f["id"] for f in written["facts"]]
    assert len(ids) == len(set(ids))
    cited = {c["event_id"] for c in written["citations"]}
    assert cited  # the events behind small facts are cited one by one


def test_markdown_beside_with_its_charts(page: tuple[Page, Path]) -> None:
    _, out = page
    markdown = out.with_suffix(".md").read_text(encoding="utf-8")
    for title in TITLES:
        assert f"## {title}" in markdown
    charts = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", markdown)
    assert {
        "brief-families.png",
        "brief-fatalities.png",
        "brief-distance.png",
        "brief-map.png",
    } <= set(charts)
    for name in charts:
        assert (out.parent / name).read_bytes().startswith(b"\x89PNG")
    assert "⟦" not in markdown  # every marker was filled in


def test_the_files_are_bytes_in_the_order_to_write_them(
    scenario_store: Store, tmp_path: Path
) -> None:
    briefing = build_briefing(
        scenario_store, country="Mali", since=PERIOD[0], until=PERIOD[1], pack=sahel()
    )
    folder = tmp_path / "out"
    out = folder / "brief.md"
    files = briefing_files(briefing, out, facts_path=folder / "facts.json")
    *charts, page, facts = files
    assert (page, facts) == (out, folder / "facts.json")
    assert charts and all(c.parent == folder and c.name.startswith("brief-") for c in charts)
    assert all(files[c].startswith(b"\x89PNG") for c in charts)
    assert files[page].decode("utf-8").startswith("# ")
    assert json.loads(files[facts])["country"] == "Mali"
    assert not folder.exists()  # nothing was written


def test_a_missing_weasyprint_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails as if not installed
    with pytest.raises(ConfigError, match=r"pip install 'conflictwatch\[pdf\]'"):
        render_pdf("<html></html>")


def test_pdf(scenario_store: Store, tmp_path: Path) -> None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        pytest.skip(f"weasyprint or its system libraries are not available: {exc}")
    out = tmp_path / "brief.pdf"
    write_briefing(
        scenario_store, out, country="Mali", since=PERIOD[0], until=PERIOD[1], pack=sahel()
    )
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000
