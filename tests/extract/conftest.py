"""What the extraction tests share: one extractor over an empty store (the built-in gazetteer),
and a way to code a sentence of our own as if it were a published article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from conflictwatch.extract.extractor import Extraction, Extractor
from conflictwatch.extract.fromstore import extractor_from_store
from conflictwatch.model import Article
from conflictwatch.store import Store


@pytest.fixture(scope="package")
def extractor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Extractor]:
    with Store.open(str(tmp_path_factory.mktemp("x") / "empty.db")) as store:
        yield extractor_from_store(store)


def run(extractor: Extractor, text: str, lang: str, published: str = "2024-09-18") -> Extraction:
    when = dt.datetime.fromisoformat(published + "T08:00:00+00:00")
    return extractor.extract(Article(id="t", text=text, language=lang, published_at=when))
