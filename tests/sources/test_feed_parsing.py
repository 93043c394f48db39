"""Feeds are parsed from bytes, and no XML entity is ever expanded or fetched."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from tests.sources.samples import Story, atom, rss
from tests.sources.webserver import Reply, WebServer

from conflictwatch.sources.feeds import FeedError, looks_like_feed, parse_feed, strip_declarations

STORIES = [
    Story("a-1", "Convoy ambushed", "/news/convoy", "Tue, 17 Sep 2024 09:30:00 +0200", "Seven soldiers killed."),
    Story("a-2", "Market attacked", "https://other.example/m?id=2", "Wed, 18 Sep 2024 07:00:00 GMT", "Five civilians killed."),
]  # fmt: skip


def test_an_rss_feed_becomes_entries_with_keys_links_and_utc_dates() -> None:
    feed = parse_feed(rss("Sahel News", STORIES), url="https://sahel-news.example/rss")
    assert (feed.title, feed.language) == ("Sahel News", "en")
    assert [e.key for e in feed.entries] == ["a-1", "a-2"]
    assert feed.entries[0].link == "https://sahel-news.example/news/convoy"  # made absolute
    assert feed.entries[0].published == dt.datetime(2024, 9, 17, 7, 30, tzinfo=dt.UTC)
    assert feed.entries[1].summary == "Five civilians killed."
    assert feed.entries[1].content == ""


def test_an_atom_feed_with_full_content_and_a_language() -> None:
    story = Story(
        "urn:x:1",
        "Attaque du marché",
        "https://journal.example/a/1",
        "2024-09-18T08:00:00+02:00",
        "Résumé",
        "<p>Texte complet</p>",
    )
    feed = parse_feed(atom("Le Journal", [story], language="fr-FR"))
    (entry,) = feed.entries
    assert (feed.title, entry.language) == ("Le Journal", "fr")
    assert entry.content == "<p>Texte complet</p>"
    assert entry.published == dt.datetime(2024, 9, 18, 6, 0, tzinfo=dt.UTC)


def test_an_entry_without_id_or_link_gets_a_key_from_its_content() -> None:
    body = b'<rss version="2.0"><channel><title>T</title><item><title>No id</title><description>Text</description></item></channel></rss>'
    (entry,) = parse_feed(body).entries
    (again,) = parse_feed(body).entries
    assert entry.key.startswith("sha256:") and entry.key == again.key


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs &lol9;</title>
<item><title>Item &lol9;</title><link>https://laughs.example/1</link><guid>l-1</guid>
<description>&lol9;</description></item></channel></rss>"""


def test_a_billion_laughs_feed_is_read_without_expanding_anything() -> None:
    feed = parse_feed(BILLION_LAUGHS)
    (entry,) = feed.entries
    assert entry.key == "l-1"
    everything = f"{feed.title} {entry.title} {entry.summary}"
    assert "lollol" not in everything
    assert len(everything) < 200


def test_an_external_entity_pointing_at_a_local_file_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        '<rss version="2.0"><channel><title>T &xxe;</title><item><title>&xxe;</title>'
        "<guid>x-1</guid><description>leak: &xxe;</description></item></channel></rss>"
    ).encode()
    feed = parse_feed(body)
    assert "TOP-SECRET" not in repr(feed)
    assert [e.key for e in feed.entries] == ["x-1"]


def test_an_external_dtd_or_parameter_entity_is_never_fetched(web: WebServer) -> None:
    dtd = web.add("/evil.dtd", Reply(200, b'<!ENTITY leak "fetched">'))
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{dtd}" [<!ENTITY % p SYSTEM "{dtd}"> %p;]>'
        '<rss version="2.0"><channel><title>T</title><item><guid>p-1</guid><title>&leak;</title>'
        "</item></channel></rss>"
    ).encode()
    feed = parse_feed(body)
    assert "fetched" not in repr(feed)
    assert web.hits["/evil.dtd"] == 0


def test_declarations_are_found_in_a_utf16_feed_too() -> None:
    body = (
        BILLION_LAUGHS.decode()
        .replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>')
        .encode("utf-16")
    )
    feed = parse_feed(body)
    assert feed.entries[0].key == "l-1" and "lollol" not in repr(feed)


def test_stripping_keeps_text_that_merely_mentions_a_declaration() -> None:
    body = b'<?xml version="1.0"?><!DOCTYPE rss><rss><channel><description><![CDATA[write <!ENTITY x "y"> in a DTD]]></description><!-- <!DOCTYPE x> --></channel></rss>'
    stripped = strip_declarations(body)
    assert b"<!DOCTYPE rss>" not in stripped
    assert b'<![CDATA[write <!ENTITY x "y"> in a DTD]]>' in stripped
    assert b"<!-- <!DOCTYPE x> -->" in stripped


@pytest.mark.parametrize(
    "body",
    [
        b"\x00\x01\x02\xff\xfe garbage \x89PNG",
        b"<!doctype html><html><body><p>A page, not a feed</p></body></html>",
        b"",
        b'{"items": []}',
    ],
)
def test_what_is_not_a_feed_is_a_feed_error(body: bytes) -> None:
    with pytest.raises(
        FeedError, match=re.escape("https://x.example/rss: not an RSS or Atom feed")
    ):
        parse_feed(body, url="https://x.example/rss")


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        ("application/rss+xml", b"", True),
        ("application/atom+xml", b"", True),
        ("text/xml", b'<?xml version="1.0"?><rss version="2.0">', True),
        (
            "application/xml",
            b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
            True,
        ),
        ("application/xml", b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', True),
        ("text/plain", b"<rss version='2.0'><channel>", True),
        ("text/html", b"<html><body>rss</body></html>", False),
        (
            "",
            b"<!DOCTYPE html><html><head><link rel=alternate type=application/rss+xml></head>",
            False,
        ),
        ("application/xml", b'<?xml version="1.0"?><sitemap>', False),
    ],
)
def test_feeds_are_told_from_pages(content_type: str, body: bytes, expected: bool) -> None:
    assert looks_like_feed(content_type, body) is expected
