"""Articles from pages and feed items: canonical URL, stable id, content hash, outlet, language and
a publication date whose origin is recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.sources.samples import AMBUSH_EN, MARKET_FR, page

from conflictwatch.sources.articles import (
    DateSource,
    article_id,
    build_article,
    canonical_url,
    date_in_text,
)
from conflictwatch.sources.pages import decode_html, parse_page

FETCHED = dt.datetime(2024, 9, 20, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://News.Example.ORG/Story/1", "https://news.example.org/Story/1"),
        ("http://news.example:80/a#comments", "http://news.example/a"),
        ("https://news.example:443/a", "https://news.example/a"),
        ("https://news.example:8443/a", "https://news.example:8443/a"),
        ("https://news.example", "https://news.example/"),
        (
            "https://news.example/a?utm_source=rss&utm_medium=feed&id=7",
            "https://news.example/a?id=7",
        ),
        (
            "https://news.example/a?fbclid=x&gclid=y&msclkid=z&b=2&a=1",
            "https://news.example/a?a=1&b=2",
        ),
        ("https://journal.example/a?xtor=RSS-3208&page=2", "https://journal.example/a?page=2"),
        ("https://news.example/a?q=caf%C3%A9%20noir", "https://news.example/a?q=caf%C3%A9%20noir"),
        ("https://user:secret@news.example/a", "https://news.example/a"),
        ("  https://news.example/a  ", "https://news.example/a"),
        ("not a url", "not a url"),
    ],
)
def test_canonical_urls(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_the_id_comes_from_the_canonical_url_else_from_the_text() -> None:
    one = article_id("https://news.example/a?utm_source=x&id=1#top")
    assert one == article_id("HTTPS://NEWS.EXAMPLE:443/a?id=1")
    assert one != article_id("https://news.example/a?id=2")
    assert one.startswith("web-")
    text_id = article_id("", "Gunmen  attacked\nthe village.")
    assert text_id.startswith("text-")
    assert text_id == article_id("", "Gunmen attacked the village.")  # whitespace does not count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BAMAKO, 17 septembre 2024 (AFP) - Des tirs ont été entendus.", dt.date(2024, 9, 17)),
        ("Published 1er août 2023 à 10h00. Des hommes armés ...", dt.date(2023, 8, 1)),
        ("NIAMEY, Sept. 18, 2024 — Gunmen attacked ...", dt.date(2024, 9, 18)),
        ("Updated on 3 March 2022: the army said ...", dt.date(2022, 3, 3)),
        ("Report dated 2021-11-30. Soldiers were ...", dt.date(2021, 11, 30)),
        ("Gunmen attacked a village on Tuesday.", None),
        ("On 31 February 2024 nothing happened; on 2 March 2024 it did.", dt.date(2024, 3, 2)),
        ("Forecast for 5 January 2031: rain.", None),  # after the fetch: not a publication date
        ("x" * 500 + " 17 September 2024", None),  # too far down to be a dateline
    ],
)
def test_dates_written_near_the_top_of_the_text(text: str, expected: dt.date | None) -> None:
    assert date_in_text(text, not_after=FETCHED) == expected


FEED_DATE = dt.datetime(2024, 9, 17, 7, 30, tzinfo=dt.UTC)
PAGE_DATE = dt.datetime(2024, 9, 17, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("dates", "text", "expected", "source"),
    [
        (
            ((FEED_DATE, DateSource.FEED), (PAGE_DATE, DateSource.PAGE)),
            "Text.",
            FEED_DATE,
            DateSource.FEED,
        ),
        (
            ((None, DateSource.FEED), (PAGE_DATE, DateSource.PAGE)),
            "Text.",
            PAGE_DATE,
            DateSource.PAGE,
        ),
        (
            (),
            "GAO, 16 September 2024 - Text.",
            dt.datetime(2024, 9, 16, tzinfo=dt.UTC),
            DateSource.TEXT,
        ),
        ((), "Text without a date.", FETCHED, DateSource.FETCHED),
    ],
)
def test_the_publication_date_and_where_it_came_from(
    dates: tuple[tuple[dt.datetime | None, DateSource], ...],
    text: str,
    expected: dt.datetime,
    source: DateSource,
) -> None:
    article, date_from = build_article(
        text=text, url="https://n.example/a", dates=dates, fetched_at=FETCHED
    )
    assert (article.published_at, date_from) == (expected, source)


def test_an_article_has_every_field_filled() -> None:
    article, _ = build_article(
        text="  " + "\n\n".join(MARKET_FR) + "  ",
        url="https://www.journal-sahel.example/securite/marche?utm_campaign=x",
        title=" Attaque  du marché ",
        fetched_at=FETCHED,
    )
    assert article.url == "https://www.journal-sahel.example/securite/marche"
    assert article.id == article_id(article.url)
    assert article.outlet == "journal-sahel.example"  # from the host when nothing better is known
    assert article.title == "Attaque du marché"
    assert article.language == "fr"
    assert article.text == "\n".join(MARKET_FR)
    assert len(article.content_hash) == 64
    assert article.fetched_at == FETCHED


def test_the_declared_language_is_used_only_when_the_text_does_not_tell() -> None:
    english, _ = build_article(text=" ".join(AMBUSH_EN), declared_language="fr")
    assert english.language == "en"
    unclear, _ = build_article(text="Ménaka 2024 — 12", declared_language="fr")
    assert unclear.language == "fr"
    unknown, _ = build_article(text="Ménaka 2024 — 12")
    assert unknown.language == "und"


def test_a_page_gives_its_article_text_title_date_and_site_name() -> None:
    body = page(
        "Convoy ambushed in the north",
        AMBUSH_EN,
        published="2024-09-16T10:00:00Z",
        site="Sahel Daily",
    )
    parsed = parse_page(body, url="https://sahel-daily.example/convoy")
    assert "at least seven soldiers" in parsed.text and "reinforcements" in parsed.text
    assert "newsletter" not in parsed.text and "Weather" not in parsed.text
    assert parsed.title == "Convoy ambushed in the north"
    assert parsed.published == dt.datetime(2024, 9, 16, tzinfo=dt.UTC)
    assert (parsed.site_name, parsed.language, parsed.extractor) == (
        "Sahel Daily",
        "en",
        "trafilatura",
    )


def test_a_page_trafilatura_finds_nothing_in_falls_back_to_the_visible_text() -> None:
    # trafilatura drops an <aside> as boilerplate; here it is all the page has.
    body = b"<html><head><title>Brief</title></head><body><aside>Two killed in Gao.</aside></body></html>"
    parsed = parse_page(body)
    assert (parsed.title, parsed.text, parsed.extractor) == ("Brief", "Two killed in Gao.", "html")


def test_a_plain_text_document_is_its_own_text() -> None:
    parsed = parse_page("Des tirs ont été entendus à Gao.\n".encode())
    assert (parsed.text, parsed.extractor) == ("Des tirs ont été entendus à Gao.", "text")


@pytest.mark.parametrize(
    ("body", "charset", "expected"),
    [
        ("Ménaka".encode("cp1252"), "windows-1252", "Ménaka"),
        (
            '<meta charset="iso-8859-1"><p>Ségou</p>'.encode("latin-1"),
            None,
            '<meta charset="iso-8859-1"><p>Ségou</p>',
        ),
        ("\ufeffTombouctou".encode(), "latin-1", "Tombouctou"),  # the BOM wins
        ("Kidal é".encode(), None, "Kidal é"),
        ("Gao é".encode("cp1252"), None, "Gao é"),  # not UTF-8: Windows-1252
        (b"Mopti", "no-such-charset", "Mopti"),
    ],
)
def test_pages_are_decoded_by_bom_header_meta_or_guess(
    body: bytes, charset: str | None, expected: str
) -> None:
    assert decode_html(body, charset) == expected
