"""`make demo` runs the main job end to end and leaves a briefing a person can open."""

from __future__ import annotations

import json
from pathlib import Path

from conflictwatch import demo
from conflictwatch.store import Store


def test_the_demo_ingests_the_corpus_and_writes_a_sourced_briefing(tmp_path: Path) -> None:
    brief = tmp_path / "brief.html"
    page = demo.run(out_dir=tmp_path / "out", brief=brief)
    assert page == brief
    html = brief.read_text(encoding="utf-8")
    for section in ("Key Takeaways", "Analysis", "Did You Know?"):
        assert section in html
    assert brief.with_suffix(".md").exists()
    facts = json.loads((tmp_path / "out" / "facts.json").read_text(encoding="utf-8"))
    assert facts
    with Store.open(str(tmp_path / "out" / "demo.db")) as store, store.engine.connect() as conn:
        articles = conn.exec_driver_sql("SELECT count(*) FROM articles").scalar()
        orphans = conn.exec_driver_sql(
            "SELECT count(*) FROM mentions WHERE event_id NOT IN (SELECT id FROM events)"
        ).scalar()
        merged = conn.exec_driver_sql(
            "SELECT count(*) FROM (SELECT event_id FROM mentions GROUP BY event_id "
            "HAVING count(*) > 1) AS t"
        ).scalar()
        assert store.count() > 50
    corpus_lines = sum(1 for line in demo.CORPUS.open(encoding="utf-8") if line.strip())
    assert articles == corpus_lines
    assert orphans == 0
    assert merged > 0  # several reports of one event became one event


def test_the_demo_can_run_twice(tmp_path: Path) -> None:
    demo.run(out_dir=tmp_path / "out", brief=tmp_path / "brief.html")
    with Store.open(str(tmp_path / "out" / "demo.db")) as store:
        first = store.count()
    demo.run(out_dir=tmp_path / "out", brief=tmp_path / "brief.html")
    with Store.open(str(tmp_path / "out" / "demo.db")) as store:
        assert store.count() == first
