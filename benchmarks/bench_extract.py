"""Extraction throughput on real news prose, against a spaCy tokenizer-only pass.

Reads the 89 public-domain VOA stories in ../shared/data/news/voa-stories.jsonl (~700 words
each), repeats them to --docs documents, and times (one process, one core) the full extraction
(language, sentences, event types, modality, dates, counts, actors, places + geocoding) and a
plain spaCy blank-English tokenizer pass over the same texts.

    .venv/bin/python benchmarks/bench_extract.py [--docs 400]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import spacy

from conflictwatch.cli.extraction import build_extractor
from conflictwatch.model import Article


def shared_news() -> Path:
    base = os.environ.get("CONFLICTWATCH_SHARED_DATA")
    root = Path(base) if base else Path(__file__).resolve().parents[2] / "shared" / "data"
    path = root / "news" / "voa-stories.jsonl"
    if not path.exists():
        sys.exit(f"shared news not found at {path} (set CONFLICTWATCH_SHARED_DATA)")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=400)
    args = parser.parse_args()
    stories = [json.loads(line) for line in shared_news().read_text(encoding="utf-8").splitlines()]
    texts = [stories[i % len(stories)]["text"] for i in range(args.docs)]
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        extractor = build_extractor(str(Path(tmp) / "bench.db"))
    articles = [
        Article(id=f"voa-{i}", text=t, language="en",
                published_at=dt.datetime(2024, 1, 15, tzinfo=dt.UTC))
        for i, t in enumerate(texts)
    ]  # fmt: skip
    extractor.extract(articles[0])  # build the English tools before timing
    start = time.perf_counter()
    mentions = sum(len(extractor.extract(a).mentions) for a in articles)
    full = time.perf_counter() - start

    tokenizer = spacy.blank("en").tokenizer
    start = time.perf_counter()
    tokens = sum(len(tokenizer(t)) for t in texts)
    plain = time.perf_counter() - start

    print(f"{args.docs} documents, {words:,} words, {tokens:,} tokens")
    print(f"full extraction: {full:.2f} s, {args.docs / full:,.0f} articles/s on one core, "
          f"{mentions} mentions")  # fmt: skip
    print(f"spaCy tokenizer only: {plain:.2f} s, {args.docs / plain:,.0f} articles/s")
    print(f"ratio full/tokenizer: {full / plain:.1f}x")
    print(f"floor >= 200 articles/s: {'met' if args.docs / full >= 200 else 'NOT met'}; "
          f"floor <= 5x tokenizer: {'met' if full <= 5 * plain else 'NOT met'}")  # fmt: skip


if __name__ == "__main__":
    main()
