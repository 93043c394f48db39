"""`make demo` runs the main job end to end and leaves a page a person can open."""

from __future__ import annotations

from pathlib import Path

from conflictwatch import demo
from conflictwatch.store import Store


def test_the_demo_builds_a_store_exports_and_a_page(tmp_path: Path) -> None:
    page = demo.run(out_dir=tmp_path)
    assert page == tmp_path / "summary.html"
    html = page.read_text(encoding="utf-8")
    assert "20 events" in html and "Tinzaouaten" in html
    assert "<script" not in html and "http" not in html  # self-contained, nothing fetched
    assert (tmp_path / "events.geojson").stat().st_size > 0
    with Store.open(str(tmp_path / "demo.db")) as store:
        assert store.count() == 20


def test_the_demo_can_run_twice(tmp_path: Path) -> None:
    demo.run(out_dir=tmp_path)
    demo.run(out_dir=tmp_path)
    with Store.open(str(tmp_path / "demo.db")) as store:
        assert store.count() == 20
