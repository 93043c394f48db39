"""One telling, several sites: how many places a passage says were hit.

ACLED codes one event per location and day. "Gunmen attacked two villages, X and Y" is two
events; "a coordinated assault on two security sites in the capital" is two as well, even when
both sites lie in one town. A toll given only for the whole is shared evenly between the sites
(ACLED's rule when a total is not broken down), unless the clauses tell each site's own. The
words for counts, sites, routes and clauses come from the pack (:class:`SiteCues`).

    cues = SiteCues.from_lexicon(pack.lexicon("cues"))
    count_sites("Gunmen attacked two villages on Saturday.", "en", cues)  # -> 2
    share(100, 3)  # -> [34, 33, 33]
    SiteSplitter(classifier, geocoder, countries, min_score, cues).split(mention, passage, ...)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..geo.gazetteer import admin_level
from ..geo.geocoder import Geocoder, Resolution
from ..model import Article, Evidence, Mention
from ..taxonomy import GeoPrecision, SubEventType
from .casualties import CasualtyReader
from .classify import SubtypeClassifier
from .coding import on_forces_site
from .cues import compile_rule, phrases
from .places import BRACKETED as _BRACKETED
from .placing import (
    distance_km,
    foreign_hamlet,
    location_name,
    look_alike,
    namesake,
    place_tier,
    placed,
    small_areas,
)
from .records import CasualtyKind, PlaceMention
from .segments import Passage, Sentence

#: Never split one telling into more events than this (a list, not a campaign).
MOST_SITES = 4

#: How many words may stand between a count and the site noun: "two army camps", "two
#: security sites", but "deux postes militaires".
_QUALIFIERS = {"en": 2, "fr": 1}


def _sites_rule(qualifiers: int) -> str:
    """A count, up to ``qualifiers`` words, then a site noun; a pair word ("both") only right
    before the noun."""
    return (
        rf"\b(?:(?:(?P<n>%(site_counts)s)\s+(?:[\w'-]+\s+){{0,{qualifiers}}}?|"
        r"(?P<b>%(site_pairs)s)\s+)(?:%(site_nouns_patterns)s)\b|"
        r"(?P<t>%(site_times)s)\b(?!\s+(?:%(site_times_not)s)\b))"
    )


#: A place's name: capitalised words, joined by spaces or hyphens ("Tongo Tongo", "Ber-Ber").
_NAME_TEXT = r"[A-ZÀ-Ý][\w'’]+(?:[ -](?-i:[A-ZÀ-Ý])[\w'’]+)*"
_NAME = re.compile(_NAME_TEXT)
_IN_BRACKETS = re.compile(r"\([^()\n]*\)")
#: A plural site noun and the places it names: each name after "de"/"d'"/"of", the last after
#: "et"/"and" (case-sensitive names, so a lower-case word ends the list).
_ENUMERATED = (  # each name may have its area in brackets: "Kain (Yatenga), Bahn (Loroum)"
    r"\b(?:%(site_plurals)s)\s+(?:[\w'-]+\s+)?(?:%(site_of)s)\s*"
    rf"(?P<names>(?-i:{_NAME_TEXT}){_BRACKETED}(?:\s*,\s*(?:(?:%(site_of)s)\s*)?(?-i:{_NAME_TEXT}){_BRACKETED})*"
    rf"\s+(?:%(site_and)s)\s+(?:(?:%(site_of)s)\s*)?(?-i:{_NAME_TEXT}))"
)


@dataclass(frozen=True)
class SiteCues:
    """The words by which a telling says how many sites it hit, and where each site's clause
    begins and ends, compiled once from the pack's ``cues`` lexicon.

        cues = SiteCues.from_lexicon(pack.lexicon("cues"))
    """

    #: By language, each with its own words: "two army camps", "deux villages", "les deux
    #: attaques".
    sites: Mapping[str, re.Pattern[str]]
    #: What each count word of :attr:`sites` counts, in lower case: "two" -> 2, "both" -> 2.
    counts: Mapping[str, int]
    #: A count that is not of sites hit but of what happened before ("the two previous attacks").
    not_one_telling: re.Pattern[str]
    #: Words before a place that is passed through rather than hit ("between Gao and Mopti").
    passed_through: re.Pattern[str]
    #: Where one clause of a sentence ends and the next begins ("..., killing 49 civilians,
    #: and fighters attacked the camp at Bourem").
    clause_break: re.Pattern[str]
    #: The site nouns that count events, not places ("four incidents", "trois attaques").
    event_nouns: re.Pattern[str]
    #: A plural site noun, then the places it names: "les camps de Boulkessi et de Mondoro",
    #: "the villages of Koumbri, Yoro and Dinangourou" (group ``names``).
    enumerated: re.Pattern[str]

    @classmethod
    def from_lexicon(cls, cues: Mapping[str, Any]) -> SiteCues:
        sites = {lang: compile_rule(_sites_rule(_QUALIFIERS.get(lang, 1)), {lang: table})
                 for lang, table in cues.items()}  # fmt: skip
        counts = {word: int(n) for table in cues.values()
                  for word, n in table.get("site_counts", {}).items()}  # fmt: skip
        counts |= dict.fromkeys(phrases(cues, "site_pairs"), 2)
        counts |= {word: int(n) for table in cues.values()
                   for word, n in table.get("site_times", {}).items()}  # fmt: skip
        return cls(
            sites=sites,
            counts=counts,
            not_one_telling=compile_rule(r"\b(?:%(not_one_telling_patterns)s)\b", cues),
            passed_through=compile_rule(r"\b(?:%(passed_through_patterns)s)\s+(?:\w+\s+)?$", cues),
            # Case-sensitive: "And" or "Then" with a capital breaks no clause.
            clause_break=compile_rule(
                r";|,\s+(?-i:%(clause_joins)s)\b|\s+(?-i:%(clause_then)s)\s+", cues
            ),
            event_nouns=compile_rule(r"\b(?:%(site_event_nouns)s)$", cues),
            enumerated=compile_rule(_ENUMERATED, cues),
        )


#: Words before a count that pick from places already told: "for any of the three towns".
_PICKED = re.compile(r"\b(?:(?:any|each|all|none|either|neither)\s+of\s+(?:the|these|those)"
                     r"|(?:aucune?|chacune?|l['’]une?)\s+des)\s+$", re.IGNORECASE)  # fmt: skip


def _site_count(text: str, lang: str, cues: SiteCues) -> re.Match[str] | None:
    """The sentence's first count of sites hit by one telling (not "the two previous attacks",
    nor "any of the three towns")."""
    pattern = cues.sites.get(lang, cues.sites["en"])
    return next((m for m in pattern.finditer(text) if not cues.not_one_telling.search(m.group())
                 and not _PICKED.search(text, 0, m.start())), None)  # fmt: skip


def _counted(match: re.Match[str], cues: SiteCues) -> int:
    word = (match.group("n") or match.group("b") or match.group("t") or "").lower()
    return cues.counts.get(word, 1)


def count_sites(text: str, lang: str, cues: SiteCues) -> int:
    """How many sites the sentence says one telling hit (1 when it says nothing of it)."""
    match = _site_count(text, lang, cues)
    return 1 if match is None else min(_counted(match, cues), MOST_SITES)


#: A determiner before a count that points back to what was told: "the two attacks".
_BACK = re.compile(r"\b(?:the|these|those|les|ces)\s+$", re.IGNORECASE)


def recounted(text: str, lang: str, cues: SiteCues, told: int) -> bool:
    """Whether the sentence's count of sites recounts the ``told`` events a report has told
    before, with the one told now: "The two attacks are among the deadliest", "les deux
    attaques n'ont pas été revendiquées" after one event told. Not a telling's own sites."""
    match = _site_count(text, lang, cues)
    if match is None or match.group("t") or told <= 0:
        return False
    pointed = bool(match.group("b")) or bool(_BACK.search(text, 0, match.start()))
    return (pointed and 1 < _counted(match, cues) <= told + 1
            and bool(cues.event_nouns.search(match.group())))  # fmt: skip


def listed_sites(text: str, cues: SiteCues) -> int:
    """How many places a plural site noun of the sentence names one by one ("les camps
    militaires de Boulkessi et de Mondoro": 2), or 1."""
    for match in cues.enumerated.finditer(text):
        names = len(_NAME.findall(_IN_BRACKETS.sub("", match.group("names"))))
        if names > 1:
            return min(names, MOST_SITES)
    return 1


#: A count standing alone in a clause of a tally ("about 30 in the Bomboro area"): the kind of
#: the tally's first count is understood. Not a year, a distance, an hour or a share.
_BARE_COUNT = re.compile(
    r"(?<![\d.,/:-])\b(?P<n>\d{1,4})\b(?![\d.,/:%-]|\s*(?:km|kilo|h\b|heures?|hours?|a\.m|p\.m"
    r"|ans?\b|years?\b|pour\s*cent|per\s*cent))"
)


_DIGIT = re.compile(r"\d")
#: Where a tally's clauses part when it has no semicolons: "70 were killed in Tchoma Bangou and
#: 30 in Zaroumadareye", "une vingtaine de morts à Komsilga, plus de 40 à Nodin".
_TALLY_JOINS = re.compile(r",\s+(?:(?:and|et)\s+)?|\s+(?:and|et)\s+")


def tally_clauses(text: str, *, joins: bool = True) -> list[tuple[int, int]]:
    """The clauses of a tally (start, end): cut at semicolons, or else (with ``joins``) at
    commas and "and"."""
    if ";" in text:
        cuts = [(m.start(), m.end()) for m in re.finditer(";", text)]
    else:
        cuts = [(m.start(), m.end()) for m in _TALLY_JOINS.finditer(text)] if joins else []
    bounds, start = [], 0
    for cut_start, cut_end in cuts:
        bounds.append((start, cut_start))
        start = cut_end
    return [*bounds, (start, len(text))]


def tallied_sites(sentence: Sentence) -> int:
    """How many places a tally of deaths names clause by clause ("about 60 neutralised around
    Kain; about 30 in the Bomboro area; and 56 near Banh": 3), or 1. Each clause, cut at
    semicolons, has a place of its own and a count, and one of them is a count of dead (a tally
    cut at commas and "and" gives its sites' tolls: :func:`site_tolls`)."""
    if not any(c.kind is CasualtyKind.KILLED for c in sentence.casualties):
        return 1
    names: set[str] = set()
    tallied = 0
    for start, end in tally_clauses(sentence.text, joins=False):
        placed = [p for p in sentence.places if start <= p.start < end]
        counted = (any(start <= c.start < end for c in sentence.casualties)
                   or _BARE_COUNT.search(sentence.text, start, end) is not None)  # fmt: skip
        if placed and counted and placed[0].name not in names:
            names.add(placed[0].name)
            tallied += 1
    return min(tallied, MOST_SITES) if tallied > 1 else 1


def site_tolls(
    sentence: Sentence, count_in: Callable[[str], int | None] | None = None
) -> list[tuple[PlaceMention, int]]:
    """A tally's dead place by place ("Seventy people were killed in Tchoma Bangou and thirty in
    Zaroumadareye": [(Tchoma Bangou, 70), (Zaroumadareye, 30)]); [] when it is no tally. A
    clause's lone number is read by ``count_in`` (number words too), else as digits."""
    if not any(c.kind is CasualtyKind.KILLED for c in sentence.casualties):
        return []
    out: list[tuple[PlaceMention, int]] = []
    for start, end in tally_clauses(sentence.text):
        placed = [p for p in sentence.places if start <= p.start < end]
        killed = [c.count for c in sentence.casualties
                  if start <= c.start < end and c.kind is CasualtyKind.KILLED]  # fmt: skip
        counted = [c for c in sentence.casualties if start <= c.start < end]
        clause = sentence.text[start:end]
        # digits as a bare count (not a distance, an hour, a year); number words as read
        lone = bare_count if count_in is None or _DIGIT.search(clause) else count_in
        count = sum(killed) if killed else (None if counted else lone(clause))
        if placed and count is not None and placed[0].name not in {p.name for p, _ in out}:
            out.append((placed[0], count))
    return out if len(out) > 1 else []


def bare_count(clause: str) -> int | None:
    """The count a clause of a tally gives alone ("and 56 near Banh"), if any."""
    match = _BARE_COUNT.search(clause)
    return int(match["n"]) if match else None


def counts_events(text: str, lang: str, cues: SiteCues) -> bool:
    """Whether the sentence's count of sites is one of events ("four incidents recorded this
    week", "trois attaques"), which a round-up then tells one by one."""
    pattern = cues.sites.get(lang, cues.sites["en"])
    return any(
        match.group("t") or cues.event_nouns.search(match.group())
        for match in pattern.finditer(text)
        if not cues.not_one_telling.search(match.group())
    )


def share(total: int, parts: int) -> list[int]:
    """A toll split evenly between sites, the remainder going to the first ones."""
    if parts <= 1:
        return [total]
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


@dataclass(frozen=True)
class SiteSplitter:
    """Splits a telling that says it hit several sites into one mention per site."""

    classifier: SubtypeClassifier
    geocoder: Geocoder
    countries: dict[str, str]
    min_score: float
    cues: SiteCues

    def split(self, mention: Mention, passage: Passage, article: Article, sites: int,
              lang: str, casualties: CasualtyReader, tally: bool = False,
              ) -> tuple[list[Mention], int]:  # fmt: skip
        """One mention per site of a telling that says it hit several ("attacks on two
        villages, X and Y"): each locality the passage names as hit, in turn, typed by its own
        clause when that clause has a trigger and counted by its own toll when it gives one;
        the toll not broken down is shared evenly. In a ``tally`` of deaths clause by clause a
        clause's count alone ("and 56 near Banh") is its dead. Returns the mentions and how many
        of them stand for sites the passage did not name (a later passage of that day may tell
        them).
        """
        context = f"{article.title}. {article.text[:1500]}"
        countries = self.geocoder.context(context).countries
        told: list[tuple[Resolution, Sentence, PlaceMention]] = []
        for sentence in passage.all_sentences:
            for p in sentence.places:
                if self.cues.passed_through.search(sentence.text[max(0, p.start - 16) : p.start]):
                    continue  # "between Gao and Mopti": places passed through, not hit
                resolution = self.geocoder.resolve(p.quote, context)
                if not resolution.resolved and p.name != p.quote:
                    resolution = self.geocoder.resolve(p.name, context)
                if resolution.resolved:
                    told.append((resolution, sentence, p))
        areas = small_areas((r, p.quote) for r, _, p in told)
        # "the Bomboro area of Kossi province": a village of another country than the areas
        # the passage names is a namesake
        owners = {r.country for r, _, _ in told if r.place is not None and r.country
                  and place_tier(r) == 1 and admin_level(r.place) in (1, 2)}  # fmt: skip
        found = [(r, sentence, p) for r, sentence, p in told
                 if (place_tier(r) == 0 or (areas and look_alike(r)))
                 and not foreign_hamlet(r, countries)
                 and (not owners or r.country in owners)]  # fmt: skip
        # "dans les villages de Komsilga, Nodin et Soroe, dans la province du Yatenga": a village
        # the gazetteer knows only far from the area named, or only by a look-alike spelling, is
        # placed at that area, still a site of its own
        found = [(r if place_tier(r) == 0 and not namesake(r, p.quote, areas)
                  else min(areas, key=lambda a: distance_km(r, a[0]))[0], sentence, p)
                 for r, sentence, p in found]  # fmt: skip
        own = next((f for f in found if (f[0].latitude, f[0].longitude)
                    == (mention.latitude, mention.longitude)), None)  # fmt: skip
        named: list[tuple[Mention, Sentence | None, PlaceMention | None]] = [
            (mention, own[1] if own else None, own[2] if own else None)
        ]
        # a place is one site by its point or by its town: "on the Téra–Dori road, about eight
        # kilometres west of Téra" names Téra once
        seen: set[object] = {(mention.latitude, mention.longitude), mention.location}
        if own is None and mention.geo_precision is GeoPrecision.REGION:
            # "three attacks in the north of the country": the area holds the sites, it is
            # none of them
            named, seen = [], set()
        for resolution, sentence, p in found:
            keys = ({(resolution.latitude, resolution.longitude), location_name(resolution)}
                    if place_tier(resolution) == 0 else {p.name})  # fmt: skip
            if not keys & seen and len(named) < sites:
                seen |= keys
                named.append((_cited(placed(mention, self.countries, resolution), sentence, p),
                              sentence, p))  # fmt: skip
        unnamed = sites - len(named)
        shares = share(mention.fatalities, sites)
        out: list[Mention] = []
        clause_tolls: list[int | None] = []
        clauses: list[tuple[int, str]] = []
        for i in range(sites):
            base, told_in, at = named[i] if i < len(named) else (mention, None, None)
            toll: int | None = None
            if told_in is not None and at is not None:
                clause = (tally_clause(told_in.text, at.start) if tally
                          else clause_at(told_in.text, at.start, self.cues))  # fmt: skip
                clauses.append((told_in.index, clause))
                scores = self.classifier.scores(clause, lang)
                top = scores[0] if scores else None
                # A clause that also bears the telling's own type does not retype its site.
                agrees = any(s.label is mention.sub_event_type and s.score >= self.min_score
                             for s in scores)  # fmt: skip
                if (top is not None and isinstance(top.label, SubEventType) and not agrees
                        and top.score >= self.min_score):  # fmt: skip
                    label = top.label
                    if label is SubEventType.ATTACK and on_forces_site(clause):
                        label = SubEventType.ARMED_CLASH  # "l'école de gendarmerie de Faladié"
                    base = replace(base, event_type=label.event_type, sub_event_type=label)
                read = casualties.casualties(clause)
                killed = [c.count for c in read if c.kind is CasualtyKind.KILLED]
                toll = sum(killed) if killed else None
                if toll is None and tally and not read:
                    toll = bare_count(clause)
            clause_tolls.append(toll)
            out.append(replace(base, id=f"{mention.id}-s{i}" if i else mention.id))
        counted = sum(t is not None for t in clause_tolls)
        if counted > (0 if unnamed else 1) and len(set(clauses)) == len(clauses):
            # Tolls told site by site (or a named site's, beside sites not named): each its
            # own; sites without one share what is left.
            left = max(0, mention.fatalities - sum(t or 0 for t in clause_tolls))
            rest = iter(share(left, sum(t is None for t in clause_tolls)))
            shares = [t if t is not None else next(rest) for t in clause_tolls]
        out = [replace(m, fatalities=k, fatalities_low=min(k, m.fatalities_low or k),
                       fatalities_high=k, fatalities_by_side={} if i else m.fatalities_by_side)
               for i, (m, k) in enumerate(zip(out, shares, strict=True))]  # fmt: skip
        return out, unnamed


def _cited(mention: Mention, sentence: Sentence, place: PlaceMention) -> Mention:
    """The mention of a site with the words that name that site as its location's evidence."""
    start = sentence.span.start + place.start
    quote = Evidence("location", place.quote, mention.article_id, start, start + len(place.quote))
    return replace(mention, evidence=(*(e for e in mention.evidence if e.field != "location"),
                                      quote))  # fmt: skip


def tally_clause(text: str, at: int) -> str:
    """The clause of a tally around character ``at`` (see :func:`tally_clauses`)."""
    return next((text[start:end] for start, end in tally_clauses(text) if start <= at < end), text)


def clause_at(text: str, at: int, cues: SiteCues) -> str:
    """The clause of ``text`` around character ``at``."""
    start, end = 0, len(text)
    for match in cues.clause_break.finditer(text):
        if match.end() <= at:
            start = match.end()
        elif match.start() >= at:
            end = match.start()
            break
    return text[start:end]
