"""The HTML briefing in a real headless Chromium: it renders, and no request leaves the page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conflictwatch.report.briefing import write_briefing
from conflictwatch.store import Store
from tests.conftest import ROOT

from .conftest import PERIOD, sahel

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium"
)
def test_the_briefing_renders_offline_in_chromium(scenario_store: Store, tmp_path: Path) -> None:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is missing"
    )
    out = tmp_path / "brief.html"
    write_briefing(
        scenario_store, out, country="Mali", since=PERIOD[0], until=PERIOD[1], pack=sahel()
    )
    url = out.resolve().as_uri()
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 1400})
            page.on("request", lambda request: requests.append(request.url))

            def only_the_page(route: object) -> None:
                request = route.request  # type: ignore[attr-defined]
                if request.url == url or request.url.startswith("data:"):
                    route.continue_()  # type: ignore[attr-defined]
                else:
                    route.abort()  # type: ignore[attr-defined]

            page.route("**/*", only_the_page)
            page.goto(url, wait_until="load")
            page.wait_for_load_state("networkidle")
            headline = page.inner_text("#headline")
            images = page.eval_on_selector_all(
                "figure img", "els => els.map(e => e.complete && e.naturalWidth > 0)"
            )
            facts = page.eval_on_selector("#facts", "el => JSON.parse(el.textContent).facts.length")
            shot = tmp_path / "briefing.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(shot, ARTIFACTS / "briefing.png")
    assert [r for r in requests if r != url and not r.startswith("data:")] == []
    assert url in requests
    assert headline.strip()
    assert images and all(images)  # every chart and the map decoded
    assert facts > 20
    assert shot.stat().st_size > 50_000
