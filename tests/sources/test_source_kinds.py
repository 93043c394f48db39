"""Reading sources: a feed and its article pages, a page, a URL of either kind, files; only what is new."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from tests.sources.conftest import FakeTime, make_fetcher
from tests.sources.samples import (
    AMBUSH_EN,
    ATOM_TYPE,
    CAMP_EN,
    HTML_TYPE,
    MARKET_FR,
    RSS_TYPE,
    Story,
    atom,
    page,
    rss,
)
from tests.sources.webserver import Reply, WebServer

from conflictwatch.errors import ConfigError, InputError, RegistryError
from conflictwatch.model import Article
from conflictwatch.sources.articles import DateSource, Found, article_id
from conflictwatch.sources.feeds import FeedError
from conflictwatch.sources.fetch import Fetcher, HTTPStatusError
from conflictwatch.sources.kinds import (
    Checked,
    Passed,
    Source,
    iter_articles,
    read_source,
    source_kinds,
    sources_for,
)
from conflictwatch.sources.reports import Skipped
from conflictwatch.sources.state import SourceState


def serve_news(web: WebServer) -> str:
    """An RSS feed of three stories whose pages are on the same server; returns the feed URL."""
    web.add(
        "/news/convoy",
        Reply(
            200, page("Convoy ambushed", AMBUSH_EN, site="Sahel Daily"), {"Content-Type": HTML_TYPE}
        ),
    )
    web.add(
        "/news/marche",
        Reply(200, page("Attaque du marché", MARKET_FR), {"Content-Type": HTML_TYPE}),
    )
    web.add(
        "/news/camp",
        Reply(
            200,
            page("Camp attacked", CAMP_EN, published="2024-09-18T05:00:00Z"),
            {"Content-Type": HTML_TYPE},
        ),
    )
    stories = [
        Story("s-3", "Camp attacked", web.url("/news/camp"), "Wed, 18 Sep 2024 09:00:00 GMT"),
        Story(
            "s-2",
            "Attaque du marché",
            web.url("/news/marche?utm_source=rss"),
            "Tue, 17 Sep 2024 12:00:00 GMT",
        ),
        Story("s-1", "Convoy ambushed", web.url("/news/convoy"), "Mon, 16 Sep 2024 18:00:00 GMT"),
    ]
    return web.add("/rss", Reply(200, rss("Sahel News", stories), {"Content-Type": RSS_TYPE}))


def found(source: Source, fetcher: Fetcher, state: SourceState | None = None) -> list[Found]:
    return [i for i in read_source(source, fetcher, state) if isinstance(i, Found)]


def test_a_feed_yields_its_entries_oldest_first_with_text_from_their_pages(
    web: WebServer, fetcher: Fetcher
) -> None:
    url = serve_news(web)
    items = found(Source("feed", url, allow_private=True), fetcher)
    assert [f.key for f in items] == ["s-1", "s-2", "s-3"]
    convoy, market, camp = (f.article for f in items)
    assert "at least seven soldiers" in convoy.text and "newsletter" not in convoy.text
    assert (convoy.title, convoy.outlet, convoy.language) == ("Convoy ambushed", "Sahel News", "en")
    assert (market.language, market.url) == ("fr", web.url("/news/marche"))  # tracking dropped
    assert market.id == article_id(web.url("/news/marche"))
    # the feed's date comes first, even when the page has its own
    assert camp.published_at == dt.datetime(2024, 9, 18, 9, 0, tzinfo=dt.UTC)
    assert {f.date_from for f in items} == {DateSource.FEED}
    assert all(a.content_hash and a.fetched_at for a in (convoy, market, camp))


def test_a_feed_with_full_content_is_read_without_fetching_pages(
    web: WebServer, fetcher: Fetcher
) -> None:
    full = "<p>" + "</p><p>".join(MARKET_FR * 3) + "</p>"
    story = Story(
        "urn:j:1",
        "Attaque du marché",
        web.url("/never-fetched"),
        "2024-09-17T12:00:00Z",
        "Résumé",
        full,
    )
    url = web.add("/atom", Reply(200, atom("Le Journal", [story]), {"Content-Type": ATOM_TYPE}))
    (item,) = found(Source("feed", url, allow_private=True), fetcher)
    assert item.article.text.startswith("Des hommes armés ont attaqué le marché")
    assert (item.article.outlet, item.article.language) == ("Le Journal", "fr")
    assert web.hits["/never-fetched"] == 0


def test_pages_always_or_never_are_options_of_a_feed(web: WebServer, fetcher: Fetcher) -> None:
    url = serve_news(web)
    never = found(Source("feed", url, allow_private=True, options={"pages": "never"}), fetcher)
    assert never == []  # no content, no summary: nothing to read without the pages
    assert web.hits["/news/convoy"] == 0
    with pytest.raises(ConfigError, match="pages='sometimes'; use auto, always or never"):
        found(Source("feed", url, allow_private=True, options={"pages": "sometimes"}), fetcher)


def test_entries_already_seen_are_not_yielded_again(web: WebServer, fetcher: Fetcher) -> None:
    url = serve_news(web)
    state = SourceState(url, "feed").remember("s-1").remember("s-3")
    items = found(Source("feed", url, allow_private=True), fetcher, state)
    assert [f.key for f in items] == ["s-2"]
    assert web.hits["/news/convoy"] == 0 and web.hits["/news/camp"] == 0


def test_an_unchanged_feed_is_not_read_again(web: WebServer, fetcher: Fetcher) -> None:
    url = web.conditional("/rss", rss("Sahel News", []), etag='"f1"', content_type=RSS_TYPE)
    source = Source("feed", url, allow_private=True)
    (first,) = list(read_source(source, fetcher))
    assert first == Checked(200, '"f1"', "Tue, 17 Sep 2024 06:00:00 GMT", False)
    state = SourceState(url, "feed", etag=first.etag, last_modified=first.last_modified)
    assert list(read_source(source, fetcher, state)) == [Checked(304, '"f1"', None, True)]


def test_an_entry_whose_page_fails_is_skipped_and_the_others_are_read(
    web: WebServer, fake_time: FakeTime
) -> None:
    web.add("/ok", Reply(200, page("Camp attacked", CAMP_EN), {"Content-Type": HTML_TYPE}))
    web.add("/gone", Reply(404, b"no"))
    web.add("/down", Reply(500, b"no"))
    web.add("/pdf", Reply(200, b"%PDF-1.7", {"Content-Type": "application/pdf"}))
    web.add("/huge", Reply(200, b"", {"Content-Length": "50000000", "Content-Type": HTML_TYPE}))
    web.redirect("/private", f"http://10.0.0.7:{web.port}/ok")
    stories = [
        Story(k, k, web.url(f"/{k}"), "Wed, 18 Sep 2024 09:00:00 GMT")
        for k in ("gone", "down", "pdf", "huge", "private", "ok")
    ]
    url = web.add("/rss", Reply(200, rss("N", stories), {"Content-Type": RSS_TYPE}))
    # Only the test server's own address is allowed: the redirect to 10.0.0.7 is refused.
    with make_fetcher(fake_time, allow_private=False, allow_networks=("127.0.0.1/32",)) as fetcher:
        read = list(read_source(Source("feed", url), fetcher))
    items = [i for i in read if not isinstance(i, Checked)]
    kinds = {(i.key if not isinstance(i, Skipped) else i.source): type(i).__name__ for i in items}
    assert kinds == {
        "gone": "Passed",
        web.url("/down"): "Skipped",  # a server error may pass: tried again next time
        "pdf": "Passed",
        "huge": "Passed",
        "private": "Passed",
        "ok": "Found",
    }
    passed = {i.key: i.reason for i in items if isinstance(i, Passed)}
    assert "HTTP 404" in passed["gone"]
    assert "not an HTML page (application/pdf)" in passed["pdf"]


def test_garbage_where_a_feed_should_be_is_a_feed_error(web: WebServer, fetcher: Fetcher) -> None:
    url = web.add("/rss", Reply(200, b"\x00\x9c\xff garbage", {"Content-Type": RSS_TYPE}))
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        list(read_source(Source("feed", url, allow_private=True), fetcher))


def test_a_page_source_yields_its_article_again_only_when_the_text_changes(
    web: WebServer, fetcher: Fetcher
) -> None:
    versions = iter(
        [
            page("Camp attacked", CAMP_EN[:1]),
            page("Camp attacked", CAMP_EN[:1]),
            page("Camp attacked", CAMP_EN),
        ]
    )
    url = web.add("/live", lambda _r: Reply(200, next(versions), {"Content-Type": HTML_TYPE}))
    source = Source("page", url, allow_private=True)
    state = SourceState(url, "page")
    seen_texts = []
    for _ in range(3):
        for item in found(source, fetcher, state):
            state = state.remember(item.key)
            seen_texts.append(item.article.text)
    assert len(seen_texts) == 2 and "perimeter wall" in seen_texts[1]


def test_a_web_source_is_read_as_a_feed_or_a_page_by_what_it_serves(
    web: WebServer, fetcher: Fetcher
) -> None:
    feed_url = serve_news(web)
    page_url = web.url("/news/camp")
    as_feed = found(Source("web", feed_url, allow_private=True), fetcher)
    as_page = found(Source("web", page_url, allow_private=True), fetcher)
    assert [f.key for f in as_feed] == ["s-1", "s-2", "s-3"]
    assert [f.article.url for f in as_page] == [page_url]
    assert as_page[0].date_from is DateSource.PAGE
    assert as_page[0].article.outlet.startswith("127.0.0.1")  # no site name: the host


def test_a_feed_error_from_the_server_is_raised_for_the_caller(
    web: WebServer, fetcher: Fetcher
) -> None:
    url = web.add("/rss", Reply(403, b"forbidden"))
    with pytest.raises(HTTPStatusError, match="HTTP 403"):
        list(iter_articles(Source("feed", url, allow_private=True), fetcher))


def test_iter_articles_gives_articles_and_skips(web: WebServer, fetcher: Fetcher) -> None:
    url = serve_news(web)
    web.add("/news/camp", Reply(410, b"gone"))
    items = list(iter_articles(Source("feed", url, allow_private=True), fetcher))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Skipped"]
    skipped = items[2]
    assert isinstance(skipped, Skipped) and "HTTP 410" in skipped.reason


def test_files_keep_their_ids_and_text_and_get_the_missing_fields(tmp_path: Path) -> None:
    (tmp_path / "bamako.txt").write_text(
        "BAMAKO, 17 septembre 2024 - Des tirs ont été entendus près de l'école de gendarmerie.",
        encoding="utf-8",
    )
    (tmp_path / "feed.jsonl").write_text(
        json.dumps(
            {
                "id": "r-1",
                "text": "Gunmen killed five people.",
                "published": "2024-09-16",
                "url": "https://N.example/a?utm_source=x",
                "language": "en",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "undated.txt").write_text(
        "Soldiers repelled an attack on their post.", encoding="utf-8"
    )
    source = Source("file", str(tmp_path))
    items = {f.article.id: f for f in read_source(source, None) if isinstance(f, Found)}
    bamako, record, undated = items["bamako"], items["r-1"], items["undated"]
    assert bamako.article.text.startswith("BAMAKO, 17 septembre 2024")
    assert (bamako.article.language, bamako.date_from) == ("fr", DateSource.TEXT)
    assert bamako.article.published_at == dt.datetime(2024, 9, 17, tzinfo=dt.UTC)
    assert (record.article.url, record.article.outlet, record.date_from) == (
        "https://n.example/a",
        "n.example",
        DateSource.RECORD,
    )
    assert undated.date_from is DateSource.FETCHED and undated.article.published_at is not None
    state = SourceState(source.key, "file")
    for item in items.values():
        state = state.remember(item.key)
    assert [i for i in read_source(source, None, state) if isinstance(i, Found)] == []


def test_iter_articles_reads_files_without_a_fetcher(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Two soldiers were killed.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    items = list(iter_articles(Source("file", str(tmp_path))))
    assert isinstance(items[0], Article) and items[0].id == "a"
    assert isinstance(items[1], Skipped)


def test_sources_for_command_line_arguments(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("x", encoding="utf-8")
    sources = sources_for(
        [str(report), str(tmp_path), "https://news.example/rss", "http://10.1.2.3/x"],
        allow_private=True,
    )
    assert [(s.kind, s.location, s.allow_private) for s in sources] == [
        ("file", str(report), True),
        ("file", str(tmp_path), True),
        ("web", "https://news.example/rss", True),
        ("web", "http://10.1.2.3/x", True),
    ]
    assert sources[2].name == "news.example" and sources[0].name == "report.txt"
    assert [s.kind for s in sources_for(["https://news.example/a"], kind="page")] == ["page"]


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("ftp://news.example/rss", "only http and https"),
        ("missing-folder", "no such file or folder"),
        ("news.example/rss", "write it with https://"),
    ],
)
def test_sources_for_refuses_what_it_cannot_read(argument: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        sources_for([argument])


def test_an_unknown_kind_names_the_kinds_there_are() -> None:
    with pytest.raises(
        RegistryError,
        match=r"Can't find 'podcast' in source kinds\. Available: feed, file, page, web",
    ):
        sources_for(["https://news.example/rss"], kind="podcast")
    assert source_kinds.names() == ["feed", "file", "page", "web"]


def test_web_sources_need_a_fetcher() -> None:
    with pytest.raises(ConfigError, match="needs a Fetcher"):
        list(read_source(Source("feed", "https://news.example/rss"), None))
