"""Invented feeds and article pages for the source tests (not copies of any outlet's)."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml"
HTML_TYPE = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Story:
    guid: str
    title: str
    link: str
    published: str  # RFC 822 for RSS, ISO for Atom
    summary: str = ""
    content: str = ""


def rss(title: str, stories: list[Story], *, language: str = "en") -> bytes:
    items = []
    for s in stories:
        content = f"<content:encoded><![CDATA[{s.content}]]></content:encoded>" if s.content else ""
        items.append(
            f"<item><title>{escape(s.title)}</title><link>{escape(s.link)}</link>"
            f'<guid isPermaLink="false">{escape(s.guid)}</guid>'
            f"<pubDate>{s.published}</pubDate>"
            f"<description>{escape(s.summary)}</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(title)}</title><link>https://sahel-news.example/</link>"
        f"<language>{language}</language>{''.join(items)}</channel></rss>"
    ).encode()


def atom(title: str, stories: list[Story], *, language: str = "fr") -> bytes:
    entries = "".join(
        f"<entry><id>{escape(s.guid)}</id><title>{escape(s.title)}</title>"
        f'<link rel="alternate" href="{escape(s.link)}"/><updated>{s.published}</updated>'
        f"<summary>{escape(s.summary)}</summary>"
        + (f'<content type="html">{escape(s.content)}</content>' if s.content else "")
        + "</entry>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}">'
        f"<title>{escape(title)}</title><id>urn:test:feed</id>"
        f"<updated>2024-09-18T08:00:00Z</updated>{entries}</feed>"
    ).encode()


def page(title: str, paragraphs: list[str], *, published: str = "", site: str = "") -> bytes:
    """An article page with navigation and a footer around the story."""
    meta = ""
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    if site:
        meta += f'<meta property="og:site_name" content="{escape(site)}">'
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="en"><head><title>{escape(title)}</title>{meta}</head>'
        "<body><nav><a href='/'>Home</a> <a href='/sport'>Sport</a> <a href='/meteo'>Weather</a>"
        f"</nav><article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Subscribe to our newsletter. All rights reserved.</footer></body></html>"
    ).encode()


AMBUSH_EN = [
    "Gunmen ambushed a supply convoy on the road between two towns in the north on Monday, "
    "local officials said, killing at least seven soldiers and wounding several others.",
    "The army said its troops repelled the attackers after an exchange of fire that lasted "
    "more than an hour, and that reinforcements had been sent to the area.",
]
MARKET_FR = [
    "Des hommes armés ont attaqué le marché hebdomadaire d'un village du centre du pays "
    "mardi matin, tuant au moins cinq civils, selon des sources locales.",
    "Les assaillants, arrivés à moto, ont incendié plusieurs boutiques avant de se retirer "
    "vers la forêt voisine, ont indiqué des habitants joints par téléphone.",
]
CAMP_EN = [
    "Militants attacked a military camp before dawn on Wednesday, the defence ministry said "
    "in a statement that gave no toll for the attack.",
    "Residents reported hearing heavy gunfire for several hours and said the camp's "
    "perimeter wall had been breached in at least one place.",
]
