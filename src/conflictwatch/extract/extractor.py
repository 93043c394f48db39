"""Articles in, coded event mentions out: the extraction stage, pure and per article.

    extractor = Extractor(load_pack("sahel"), geocoder)
    for mention in extractor.extract(article).mentions: ...

Heavy parts (spaCy pipelines, matchers, the classifier) are built once per language and reused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from spacy.language import Language

from ..geo.geocoder import Geocoder
from ..knowledge import Pack
from ..model import Article, Evidence, Mention
from ..taxonomy import ActorType, EventType, SubEventType
from .actors import ActorFinder
from .associates import with_associates
from .casualties import CasualtyReader
from .casualty_words import CasualtyWords
from .classify import SubtypeClassifier
from .coding import (
    CLAIMANTS,
    battle_sides,
    best_type,
    claims_responsibility,
    corroborated,
    forces_first,
    fought_between,
    from_other_sentences,
    retyped,
    takers_first,
    territory_type,
    victims_are_targets,
)
from .cues import CueMatcher
from .dates import DateReader
from .dating import passage_date
from .language import detect_language
from .modality import ModalityKind, ModalityReader
from .nlp import build_nlp, sentences
from .numbers import NumberReader
from .places import PlaceFinder
from .placing import (
    FOLLOW_AFTER,
    Placer,
    known_names,
    location_name,
    place_tier,
    situates,
    spelt_names,
)
from .pursuit import PursuitCues, strike_on_withdrawal
from .records import ActorMention, CasualtyKind, DateMention, Span
from .reporting import (
    ReportingCues,
    background_paragraphs,
    claimed_with_toll,
    denied_claims,
    relating_at,
    reports_event,
    reprisals,
    same_day_at,
    same_toll,
    second_parties,
    stirred_at,
    toll_scores,
    without_deployments,
)
from .segments import Passage, PassageCues, Sentence, group, list_items, opens_on_place
from .sites import (
    SiteCues,
    SiteSplitter,
    count_sites,
    counts_events,
    listed_sites,
    recounted,
    site_tolls,
    tallied_sites,
)
from .targets import (
    TargetCues,
    counted_crowd,
    country_code,
    killings_apart,
    sides,
    unidentified,
)
from .tellings import (
    LEAD_SENTENCES,
    ArticleEvents,
    anchored,
    fighting_days,
    is_background,
    long_before,
    old_news,
)
from .tolls import Told, TollCues, tally

#: A passage with a sentence whose type scores this much tells a clear event: one that names no
#: place is placed at the report's dateline ("NIAMEY, 28 juillet -"), and an arrest is coded
#: even when the report does not say who made it.
CLEAR_SCORE = 2.0

#: Articles longer than this are read up to here (extraction stays linear and bounded).
MAX_CHARS = 200_000

NEIGHBOURS = {
    "DZ": "Algeria", "MR": "Mauritania", "CI": "Ivory Coast", "GN": "Guinea", "SN": "Senegal",
    "NG": "Nigeria", "TD": "Chad", "BJ": "Benin", "TG": "Togo", "GH": "Ghana", "LY": "Libya",
}  # fmt: skip

# Tags implied by the sub-event type itself.
TYPE_TAGS = {
    SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED: "IED",
    SubEventType.AIR_DRONE_STRIKE: "air/drone",
    SubEventType.SUICIDE_BOMB: "suicide",
    SubEventType.ABDUCTION_FORCED_DISAPPEARANCE: "kidnapping",
}


@dataclass(frozen=True)
class ExtractOptions:
    min_score: float = 1.0  # the weakest trigger evidence that counts as an event
    max_chars: int = MAX_CHARS


@dataclass(frozen=True)
class Extraction:
    """What one article yielded: its mentions (most salient first) and any notes on the input."""

    article: Article
    language: str
    mentions: tuple[Mention, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass
class _Tools:
    """Everything language-specific, built once."""

    nlp: Language
    modality: ModalityReader
    dates: DateReader
    casualties: CasualtyReader
    actors: ActorFinder
    places: PlaceFinder
    outcomes: CueMatcher
    tags: CueMatcher
    offensive: CueMatcher  # the state's forces began the battle
    presence: CueMatcher  # where a group is known to be, not what it did


@dataclass
class Extractor:
    pack: Pack
    geocoder: Geocoder
    options: ExtractOptions = field(default_factory=ExtractOptions)

    def __post_init__(self) -> None:
        self.classifier = SubtypeClassifier.from_pack(self.pack)
        self._tools: dict[str, _Tools] = {}
        self._countries = {c.iso2: c.name for c in self.pack.countries} | NEIGHBOURS
        self.placer = Placer(self.pack, self.geocoder)
        # The passage rules' words, both languages in each pattern: built once, like the tools.
        cues = self.pack.lexicon("cues")
        self.reporting_cues = ReportingCues.from_lexicon(cues)
        self.passage_cues = PassageCues.from_lexicon(cues)
        self.toll_cues = TollCues.from_lexicon(cues)
        self.site_cues = SiteCues.from_lexicon(cues)
        self.target_cues = TargetCues.from_lexicon(cues)
        self.pursuit_cues = PursuitCues.from_lexicon(cues)
        self.casualty_words = CasualtyWords.from_pack(self.pack)
        self.splitter = SiteSplitter(self.classifier, self.geocoder, self._countries,
                                     self.options.min_score, self.site_cues)  # fmt: skip

    def __getstate__(self) -> dict[str, Any]:
        # The per-language tools are a cache (spaCy pipelines, memoised lookups): a copy sent to a
        # worker process rebuilds them on first use rather than carrying them along.
        state = dict(self.__dict__)
        state["_tools"] = {}
        return state

    def tools(self, lang: str) -> _Tools:
        if lang not in self._tools:
            gazetteer = self.geocoder.gazetteer
            numbers = NumberReader(lang, self.pack.lexicon("numbers"))
            self._tools[lang] = _Tools(
                nlp=build_nlp(lang),
                modality=ModalityReader(lang, self.pack.lexicon("cues")),
                dates=DateReader(lang, self.pack.lexicon("time")),
                casualties=CasualtyReader(lang, numbers, self.casualty_words),
                actors=ActorFinder(self.pack, lang),
                places=PlaceFinder(
                    lang,
                    known=known_names(gazetteer),
                    names=[name for name, _actor in self.pack.alias_items()],
                    spelt=spelt_names(gazetteer),
                ),
                outcomes=CueMatcher.from_lexicon(self.pack.lexicon("outcomes"), "outcomes", lang),
                tags=CueMatcher.from_lexicon(self.pack.lexicon("tags"), "tags", lang),
                offensive=_cues(self.pack, lang, "offensive"),
                presence=_cues(self.pack, lang, "presence"),
            )
        return self._tools[lang]

    def extract_all(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        for article in articles:
            yield self.extract(article)

    def extract(self, article: Article) -> Extraction:
        notes: list[str] = []
        text = article.text
        if len(text) > self.options.max_chars:
            notes.append(f"read the first {self.options.max_chars:,} of {len(text):,} characters")
            text = text[: self.options.max_chars]
        if not text.strip():
            return Extraction(article, "und", (), ("empty text",))
        lang = article.language if article.language in ("en", "fr") else detect_language(text)
        if lang not in ("en", "fr"):
            notes.append(f"language {lang!r} not supported; read as English")
            lang = "en"
        if self.reporting_cues.opinion_piece(article):
            return Extraction(article, lang, (), (*notes, "an opinion piece: the events it "
                                                  "recalls were reported elsewhere"))  # fmt: skip
        tools = self.tools(lang)
        published = article.published_at.date() if article.published_at else None
        read = [self._read(tools, i, span, lang, published)
                for i, span in enumerate(sentences(tools.nlp, text))]  # fmt: skip
        for s in read:  # "the assault came a few hours after | rockets hit a boat near Bamba,
            # killing 49": the sentence tells that other event, of the same day
            if (at := same_day_at(s, self.reporting_cues)) is not None:
                s.scores = [t for t in s.scores if any(e.start >= at for e in t.evidence)]
                s.casualties = [c for c in s.casualties if c.start >= at]
        events = {s.index for s in read
                  if reports_event(s, tools.modality, self.options.min_score,
                                   self.reporting_cues)}  # fmt: skip
        events -= background_paragraphs(text, read, self.reporting_cues)
        events -= denied_claims(read, tools.modality, self.reporting_cues)
        related = {s.index: at for s in read
                   if (at := relating_at(s, self.reporting_cues)) is not None}  # fmt: skip
        related |= {s.index: at for s in read
                    if (at := stirred_at(s, self.reporting_cues)) is not None}  # fmt: skip
        for index, at in related.items():  # the earlier event's toll is not this one's
            read[index].casualties = [c for c in read[index].casualties if c.end <= at]
        events |= second_parties(read, events, self.passage_cues)
        parties = reprisals(read, events, self.passage_cues, tools.actors, published)
        events |= parties
        leads = {s.index for s in read
                 if s.index > 0 and self.reporting_cues.relating_lead.match(s.text)}  # fmt: skip
        items = list_items(text, read)
        passages = group(read, events, self.passage_cues, items, leads, parties)
        told = ArticleEvents(self.passage_cues)
        mentions = told.mentions  # the events so far, in the order they were told
        recalled = False  # a passage was an old event's: "A year ago today, 71 soldiers died"
        for n, passage in enumerate(passages):
            second = any(self.passage_cues.second_party.search(s.text) or s.index in parties
                         for s in passage.sentences)  # fmt: skip
            if (mentions or recalled) and not anchored(passage, self.passage_cues) and not second:
                continue  # more about the event told (or recalled), not one of its own
            until = passages[n + 1].sentences[0].index if n + 1 < len(passages) else len(read)
            # A claim told in the lead, before the first event sentence ("JNIM claimed on
            # Wednesday the attacks on the camps of Boulkessi and Mondoro"), is the first event's.
            begin = 0 if not mentions and not recalled else passage.sentences[0].index
            claims = [s for s in read[begin:until]
                      if s.index not in events and s.index not in related
                      and claims_responsibility(s)
                      and tools.modality.read(s.text).kind == "asserted"]  # fmt: skip
            # Sentences around the passage that report no event of their own may still give its
            # toll ("local sources said hundreds had been killed").
            start = 0 if not mentions else passage.sentences[0].index
            around = [s for s in read[start:until] if s.index not in events]
            # the next item of a list begins with its heading, and a passage opening on a town
            # ("À Bobo-Dioulasso, ...") on it: their places are their own
            following = passages[n + 1] if n + 1 < len(passages) else None
            bound = None
            if following is not None and (following.header is not None
                                          or opens_on_place(following.sentences[0])):  # fmt: skip
                bound = (following.header or following.sentences[0]).index
            mention = self._mention(article, tools, lang, published, passage, read, n, claims,
                                    around, bound)  # fmt: skip
            if mention is not None and not corroborated(mention):
                mention = told.taken_up(mention, passage)
            if mention is not None:  # a crowd told by its size is the demonstration's crowd
                mention = counted_crowd(mention, [(s.text, s.span.start) for s in passage.sentences],
                                        self.pack, self._countries, self.target_cues)  # fmt: skip
            if mention is None or mention.latitude is None or not (
                    corroborated(mention) or _listed_incident(mention, passage) or (
                    mention.sub_event_type in _DONE_BY_THE_STATE
                    and _clear(passage) >= CLEAR_SCORE)):  # fmt: skip
                continue  # an event is coded only with its actors or toll (or, for a clearly told
                # arrest or defused bomb, the act itself: the country's police or army did
                # it; or an incident a digest lists under its own heading), and a place
            opening_text = passage.sentences[0].text
            named = tools.actors.find(opening_text, on=mention.event_date,
                                      country=country_code(mention, self._countries))  # fmt: skip
            # forces named, or two sides told fighting each other: not an armed group firing
            # on civilians
            forces = (any(a.actor_type is ActorType.STATE_FORCES for a in named)
                      or fought_between(opening_text))  # fmt: skip
            mention = sides(mention, self.pack, self._countries, opening_text,
                            bool(tools.offensive.find(opening_text)), self.target_cues,
                            forces)  # fmt: skip
            mention = with_associates(mention, self.pack, self._countries,
                                      tools.actors.supporting(opening_text, named))  # fmt: skip
            if published and (long_before(mention, published) or (
                    mentions and is_background(mention, published, mentions[0]))
                    or (not mentions and old_news(mention, passage, published)
                        and not any(claims_responsibility(s) for s in read[:LEAD_SENTENCES]))
            ):  # fmt: skip
                recalled = True
                continue
            # "... and aircraft struck the attackers as they withdrew": a strike of its own
            strike = strike_on_withdrawal(mention, passage.all_sentences, self.pursuit_cues,
                                          self.pack, self._countries, self.options.min_score)  # fmt: skip
            # An item of a digest is an event of its own, as is a second party's telling, or a
            # tally of the dead place by place ("60 around Kain; 30 near Bomboro").
            tallied = tallied_sites(passage.sentences[0])
            if tallied > 1 and tools.offensive.find(passage.sentences[0].text):
                mention = forces_first(mention)  # the army's results, zone by zone
            if mentions and self._sites_told(passage.sentences[0], mentions, article, tools):
                continue  # the dead of sites already told, place by place: their tolls (below)
            itemised = passage.header is not None or passage.sentences[0].index in items
            if told.merge(mention, passage, second or itemised or tallied > 1):
                told.struck(strike)
                continue
            # The lead may announce the sites ("223 civilians executed in two villages") before
            # the passage that tells them.
            opening = passage.sentences[0].index
            lead = read[max(0, opening - FOLLOW_AFTER) : opening] if not mentions else []
            # ... or the sentences that follow it say how many sites there were ("impossible de
            # répartir ce chiffre entre les deux sites").
            told_with = [*lead, passage.sentences[0], *passage.follow_on]
            # "The two attacks are among the deadliest": the events told so far, not sites
            sites = max(1 if recounted(s.text, lang, self.site_cues, len(mentions))
                        else count_sites(s.text, lang, self.site_cues) for s in told_with)  # fmt: skip
            # ... or the passage names them one by one ("les camps de Boulkessi et de Mondoro").
            listed = max(listed_sites(s.text, self.site_cues)
                         for s in (passage.sentences[0], *passage.follow_on))  # fmt: skip
            # A later passage that tells one announced site and then echoes the count ("JNIM
            # claimed both attacks") is that site, not a telling of its own sites.
            echoed = (sites > 1 and bool(told.waiting)
                      and count_sites(passage.sentences[0].text, lang, self.site_cues) <= 1)  # fmt: skip
            days = fighting_days(passage, mention, self.passage_cues) if sites <= 1 else []
            if echoed:
                told.add(mention)
            elif days:
                told.add_days(mention, days)
            elif sites > 1:
                told.add_sites(*self._sites(mention, passage, article, lang, tools, sites, lead))
            elif listed > 1 or tallied > 1:
                told.add_sites(*self._listed(mention, passage, article, lang, tools,
                                             max(listed, tallied), tally=tallied > 1))  # fmt: skip
            else:
                told.add(mention)
            told.struck(strike)
            # "JNIM said it carried out both attacks": the attacks told before were its too
            recounting = [s for s in (*passage.all_sentences, *claims)
                          if claims_responsibility(s)
                          and recounted(s.text, lang, self.site_cues, len(mentions) - 1)]  # fmt: skip
            if recounting and (claim := self._claimant(tools, recounting, mention.event_date,
                                                       country_code(mention, self._countries))):  # fmt: skip
                holder, claimant = claim
                start = holder.span.start + claimant.start
                told.claimed(claimant.name, claimant.actor_type,
                             Evidence("actor1", claimant.quote, article.id, start,
                                      start + len(claimant.quote)))  # fmt: skip
        found = killings_apart(self._tolls_by_site(told.mentions, read, article, tools),
                               self.pack, self._countries)  # fmt: skip
        ordered = sorted(found, key=lambda m: (-m.fatalities, -m.confidence))
        return Extraction(article, lang, tuple(ordered), tuple(notes))

    def _at_sites(self, sentence: Sentence, mentions: Sequence[Mention], article: Article,
                  tools: _Tools) -> list[tuple[list[Mention], int]]:  # fmt: skip
        """A tally's dead place by place, each with the mentions told at that place."""
        context = f"{article.title}. {article.text[:1500]}"
        out = []
        for place, count in site_tolls(sentence, tools.casualties.numbers.lone):
            where = self.geocoder.resolve(place.quote, context)
            if not where.resolved and place.name != place.quote:
                where = self.geocoder.resolve(place.name, context)
            # the site by its place, or else by the words that named it (a village placed at
            # its province)
            at = [m for m in mentions if where.resolved and (
                  m.location == location_name(where)
                  or (m.latitude, m.longitude) == (where.latitude, where.longitude))]  # fmt: skip
            at = at or [m for m in mentions
                        if any(e.field == "location" and e.quote.endswith(place.name)
                               for e in m.evidence)]  # fmt: skip
            out.append((at, count))
        # a mention is the site of one place only
        taken = [m for at, _ in out for m in at]
        return [([m for m in at if taken.count(m) == 1], count) for at, count in out]

    def _sites_told(self, sentence: Sentence, mentions: Sequence[Mention], article: Article,
                    tools: _Tools) -> bool:  # fmt: skip
        """Whether a tally's places (two or more) are all sites of events already told."""
        sites = self._at_sites(sentence, mentions, article, tools)
        return len(sites) > 1 and all(at for at, _ in sites)

    def _tolls_by_site(self, mentions: list[Mention], read: list[Sentence], article: Article,
                       tools: _Tools) -> list[Mention]:  # fmt: skip
        """Events told at two or more sites take the dead a tally gives place by place ("70
        were killed in Tchoma Bangou and 30 in Zaroumadareye"), not a share of the total."""
        if len(mentions) < 2:
            return mentions
        out = list(mentions)
        for sentence in read:
            if not any(c.kind is CasualtyKind.KILLED for c in sentence.casualties):
                continue
            sites = self._at_sites(sentence, out, article, tools)
            if sum(bool(at) for at, _ in sites) < 2:
                continue
            for at, count in sites:
                for m in at:
                    out[out.index(m)] = replace(m, fatalities=count, fatalities_low=count,
                                                fatalities_high=count)  # fmt: skip
        return out

    def _sites(self, mention: Mention, passage: Passage, article: Article, lang: str,
               tools: _Tools, sites: int, lead: Sequence[Sentence]) -> tuple[list[Mention], int]:  # fmt: skip
        """One mention per site of a telling that hit ``sites`` places, and how many of them the
        passage did not name. When the lead counted the events of a round-up ("four incidents
        recorded this week") that later passages tell one by one, only the sites this passage
        names."""
        split, unnamed = self.splitter.split(mention, passage, article, sites, lang,
                                             tools.casualties)  # fmt: skip
        own = max(count_sites(s.text, lang, self.site_cues)
                  for s in (passage.sentences[0], *passage.follow_on))  # fmt: skip
        if (
            not unnamed
            or own >= sites
            or not any(counts_events(s.text, lang, self.site_cues) for s in lead)
        ):
            return split, unnamed
        return self._named_only(mention, passage, article, lang, tools, sites - unnamed)

    def _listed(self, mention: Mention, passage: Passage, article: Article, lang: str,
                tools: _Tools, listed: int, tally: bool = False) -> tuple[list[Mention], int]:  # fmt: skip
        """One mention per listed site the gazetteer knows; the toll is shared among those
        alone. Sites it does not know are not copies of the first: they stay in its mention."""
        split, unnamed = self.splitter.split(mention, passage, article, listed, lang,
                                             tools.casualties, tally)  # fmt: skip
        if not unnamed:
            return split, 0
        return self._named_only(mention, passage, article, lang, tools, listed - unnamed, tally)

    def _named_only(self, mention: Mention, passage: Passage, article: Article, lang: str,
                    tools: _Tools, named: int, tally: bool = False) -> tuple[list[Mention], int]:  # fmt: skip
        """One mention per site the passage names, when it names more than one."""
        if named <= 1:
            return [mention], 0
        return self.splitter.split(mention, passage, article, named, lang, tools.casualties,
                                   tally)  # fmt: skip

    def _crowd_burnt(self, passage: Passage) -> bool:
        """Whether a crowd is told doing the damage a sentence of the passage tells: "des
        groupes de jeunes ont brûlé une quarantaine d'églises"."""
        cues = self.target_cues
        for s in passage.sentences:
            for t in s.scores[:1]:
                if t.label is SubEventType.LOOTING_PROPERTY_DESTRUCTION and t.evidence:
                    before = s.text[: t.evidence[0].start]
                    if cues.crowd.search(before) or cues.group.search(before):
                        return True
        return False

    # -- reading sentences -------------------------------------------------------------------

    def _read(self, tools: _Tools, index: int, span: Span, lang: str,
              published: dt.date | None) -> Sentence:  # fmt: skip
        scores = without_deployments(self.classifier.scores(span.quote, lang), self.reporting_cues)
        casualties = tools.casualties.casualties(span.quote)

        # A toll may tell an event the sentence's words do not ("gunmen killed ten villagers").
        def situated() -> bool:  # a day and a place of its own: read only when a toll needs it
            return (published is not None and bool(tools.dates.dates(span.quote, published=published))
                    and bool(tools.places.find(span.quote)))  # fmt: skip

        toll = toll_scores(span.quote, scores, casualties, tools.actors, self.options.min_score,
                           situated)  # fmt: skip
        inferred = bool(toll)
        scores = [*toll, *scores]
        if index == 0:  # a report that opens on a claim: the claimed attack is its news
            scores = claimed_with_toll(scores, casualties, self.options.min_score, situated,
                                       self.reporting_cues)  # fmt: skip
        if published is None:
            return Sentence(index, span, scores, tools.places.find, _no_dates, casualties,
                            inferred)  # fmt: skip
        return Sentence(index, span, scores, tools.places.find,
                        partial(tools.dates.dates, published=published), casualties,
                        inferred)  # fmt: skip

    # -- one passage → one mention -----------------------------------------------------------

    def _mention(self, article: Article, tools: _Tools, lang: str, published: dt.date | None,
                 passage: Passage, read: list[Sentence], n: int,
                 claims: Sequence[Sentence] = (), around: Sequence[Sentence] = (),
                 until: int | None = None) -> Mention | None:  # fmt: skip
        """The passage's mention; None when no place is found for it (it would not be coded).
        Places told after it are read up to sentence ``until`` (see :meth:`Placer.place`)."""
        # The place first: most passages of world news have none here, and the rest of the
        # reading (date, actors, toll, cues) would be thrown away with them.
        place, place_sentence, place_span = self.placer.place(passage, read, article, until)
        opening = passage.sentences[0]
        if opening.index > 0 and (place_sentence is None
                                  or place_sentence.index < opening.index):  # fmt: skip
            # a round-up's next story, filed from the town of its own dateline
            filed = self.placer.filed_from(opening, article)
            if filed[0] is not None:
                place, place_sentence, place_span = filed
        later = place_sentence is not None and place_sentence.index > passage.last_index
        if (place is None or place_tier(place) == 2 or (later and self.placer.filed_here(passage))
                ) and _clear(passage) >= CLEAR_SCORE:  # fmt: skip
            # no place, only the country ("la première de ce type au Mali") or one told after
            # a passage set "here": the town the report is filed from, in that country
            filed = self.placer.dateline(read, article)
            if filed[0] is not None and (place is None or filed[0].country == place.country):
                place, place_sentence, place_span = filed
        if place is not None:
            place = self.geocoder.at_seat(place)
            if not (place_sentence and place_span
                    and situates(place_sentence.text[: place_span.start])):  # fmt: skip
                place = self.geocoder.at_reference(place)
        if place is None or place.latitude is None:
            return None
        first = passage.sentences[0]
        evidence: list[Evidence] = []

        def cite(field_name: str, sentence: Sentence, span: Span) -> None:
            start = sentence.span.start + span.start
            evidence.append(Evidence(field_name, span.quote, article.id, start,
                                     start + len(span.quote)))  # fmt: skip

        best, typed_in = best_type(passage, self.options.min_score)
        label = best.label
        assert isinstance(label, SubEventType)
        if best.evidence:
            cite("sub_event_type", typed_in, best.evidence[0])

        when, precision = passage_date(passage, read, self.passage_cues)
        if when is not None and when[1] is not None:
            cite("event_date", when[0], when[1])
        event_date = when[2] if when else (published or dt.date.today())

        if place_sentence is not None and place_span is not None:
            cite("location", place_sentence, place_span)
        country = self._countries.get(place.country, place.country) if place else ""

        actors = self._actors(tools, passage, event_date, place.country if place else None)
        crowd_told = any(self.target_cues.crowd.search(s.text) or self.target_cues.group.search(s.text)
                         for s in passage.sentences)  # fmt: skip
        after = read[passage.last_index + 1] if passage.last_index + 1 < len(read) else None
        best = retyped(best, passage, actors, crowd_told, after, self._crowd_burnt(passage))
        label = best.label
        assert isinstance(label, SubEventType)
        # Roles are read around the opening sentence's own trigger (spans are per sentence).
        own = best.evidence if typed_in is first else next(
            (t.evidence for t in first.scores if t.evidence), ())  # fmt: skip
        trigger = own[0] if own else None
        actor1, actor2 = tools.actors.assign_roles(first.text, actors.get(first.index, []), trigger)
        if actor1 is None:
            actor1, actor2 = from_other_sentences(
                actors, first.index, actor2, {s.index: s.casualties for s in passage.all_sentences}
            )
        actor1, actor2 = victims_are_targets(actor1, actor2, actors.get(first.index, []),
                                              first.casualties)  # fmt: skip
        claimed = self._claimant(tools, claims, event_date, place.country if place else None)
        if claimed is not None and (actor1 is None or actor1.actor_type not in CLAIMANTS
                                    or actor1.name.startswith("Unidentified")
                                    or _kin(actor1, claimed[1])):  # fmt: skip
            # "JNIM claimed the attack": the group that claims it did it, unless the passage
            # itself names the armed group that acted (a community's militia named by its
            # dress, "gunmen dressed as Dozo hunters", is the one blamed for it).
            claim_sentence, claimant = claimed
            # the side acted upon stays; gunmen told unnamed were the claimant's own
            if (actor1 is not None and actor2 is None and actor1.name != claimant.name
                    and not actor1.name.startswith("Unidentified")):  # fmt: skip
                actor2 = actor1
            actor1 = claimant
            actors = {**actors, claim_sentence.index: [claimant]}
        if label.event_type is EventType.BATTLES:
            # Sides told as such, not where a group is known to be ("JNIM is active there").
            sides = [a for s in passage.all_sentences if not tools.presence.find(s.text)
                     for a in actors.get(s.index, [])]  # fmt: skip
            actor1, actor2 = battle_sides(
                actor1,
                actor2,
                sides,
                bool(tools.offensive.find(first.text)),
                self.passage_cues.counter_operation.search(first.text) is not None,
            )
        for role, actor in (("actor1", actor1), ("actor2", actor2)):
            if actor is not None:
                holder = next(s for s in [*passage.all_sentences, *claims]
                              if actor in actors.get(s.index, []))  # fmt: skip
                cite(role, holder, Span(actor.start, actor.end, actor.quote))
        label = territory_type(label, actor1, [a for found in actors.values() for a in found],
                               first.text)  # fmt: skip
        actor1, actor2 = takers_first(label, actor1, actor2)
        name1 = actor1.name if actor1 else unidentified(country)
        inter1 = actor1.actor_type if actor1 else ActorType.POLITICAL_MILITIA
        name2 = actor2.name if actor2 else ""
        inter2 = actor2.actor_type if actor2 else None

        told = [*passage.all_sentences,
                *same_toll(around, event_date, place, passage, self.reporting_cues)]  # fmt: skip
        told.sort(key=lambda s: s.index)
        toll = tally([Told(s.text, s.casualties) for s in told], self.toll_cues)
        for pos, c in toll.cited:
            cite("fatalities", told[pos], Span(c.start, c.end, c.quote))
        killed, low, high = toll.killed, toll.low, toll.high
        if (label is SubEventType.ARMED_CLASH and toll.few_armed
                and not dict(toll.by_side).get("attackers")):  # fmt: skip
            # "fourteen people, including a VDP member, were killed": the people of a place
            # attacked, a few armed among them, not a battle with them
            label, name2, inter2 = SubEventType.ATTACK, "", None
            evidence[:] = [e for e in evidence if e.field != "actor2"]
        by_side, wounded, abducted = dict(toll.by_side), toll.wounded, toll.abducted

        outcome = ""
        tags: list[str] = []
        time_of_day = None
        for sentence in passage.all_sentences:
            for hit in tools.outcomes.find(sentence.text):
                # "No group has claimed either attack": an outcome denied is none
                if not outcome and tools.modality.read(sentence.text, hit.span).kind not in (
                        ModalityKind.NEGATED, ModalityKind.DENIED):  # fmt: skip
                    outcome = hit.label
            for hit in tools.tags.find(sentence.text):
                if hit.label not in tags:
                    tags.append(hit.label)
            if time_of_day is None:
                times = tools.dates.times_of_day(sentence.text)
                time_of_day = times[0].label if times else None
        implied = TYPE_TAGS.get(label)
        if implied and implied.lower() not in (t.lower() for t in tags):
            tags.append(implied)

        found = sum(x is not None for x in (actor1, place, when)) + (killed > 0)
        confidence = round(min(1.0, best.score / 4) * (0.55 + 0.1 * found), 3)
        ident = hashlib.blake2b(f"{article.id}#{n}".encode(), digest_size=8).hexdigest()
        return Mention(
            id=f"{article.id}#m{n}-{ident[:6]}",
            article_id=article.id,
            event_date=event_date,
            time_precision=precision,
            time_of_day=time_of_day,
            event_type=label.event_type,
            sub_event_type=label,
            actor1=name1,
            inter1=inter1,
            actor2=name2,
            inter2=inter2,
            civilian_targeting=inter2 is ActorType.CIVILIANS,
            country=country,
            admin1=place.admin1 if place else "",
            admin2=place.admin2 if place else "",
            location=location_name(place),
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            geo_precision=place.geo_precision if place else None,
            fatalities=killed,
            fatalities_low=low,
            fatalities_high=max(high, killed),
            fatalities_by_side=dict(by_side),
            wounded=wounded or None,
            abducted=abducted or None,
            outcome=outcome,
            tags=tuple(tags),
            evidence=tuple(evidence),
            confidence=confidence,
        )

    def _claimant(self, tools: _Tools, claims: Sequence[Sentence], on: dt.date,
                  country: str | None) -> tuple[Sentence, ActorMention] | None:  # fmt: skip
        """The first named armed group that claims the event, in the claim sentences after it."""
        for sentence in claims:
            for actor in tools.actors.find(sentence.text, on=on, country=country):
                if actor.actor_type in CLAIMANTS and not actor.name.startswith("Unidentified"):
                    return sentence, actor
        return None

    def _actors(self, tools: _Tools, passage: Passage, on: dt.date, country: str | None
                ) -> dict[int, list[ActorMention]]:  # fmt: skip
        # an actor told denying it ("JNIM denied any involvement") is no side of it
        return {
            s.index: [a for a in tools.actors.find(s.text, on=on, country=country or None)
                      if not tools.actors.denying(s.text, a)]
            for s in passage.all_sentences
        }  # fmt: skip


def _listed_incident(mention: Mention, passage: Passage) -> bool:
    """What a digest lists under a heading of its own, after its first line (the first line is
    the title): an incident even where it names no one and counts no dead (not an agreement,
    which needs its two parties)."""
    return (passage.header is not None and passage.header.index > 0
            and mention.sub_event_type is not SubEventType.AGREEMENT)  # fmt: skip


#: Acts a report need not say who did: the country's police or army did them.
_DONE_BY_THE_STATE = frozenset({SubEventType.ARRESTS, SubEventType.DISRUPTED_WEAPONS_USE})


def _kin(actor: ActorMention, named: ActorMention) -> bool:
    """Two community militias, the second named for what the first was told as ("Dozo
    hunters", then "hunters linked to Dan Na Ambassagou")."""
    return (actor.name != named.name
            and actor.actor_type is named.actor_type is ActorType.IDENTITY_MILITIA)  # fmt: skip


def _clear(passage: Passage) -> float:
    """The strongest type score of the passage's sentences: how clearly it tells an event."""
    return max((s.scores[0].score for s in passage.sentences if s.scores), default=0.0)


def _cues(pack: Pack, lang: str, key: str) -> CueMatcher:
    """One phrase list of the pack's ``cues.yaml`` for a language."""
    return CueMatcher({key: pack.lexicon("cues").get(lang, {}).get(key, ())})


def _no_dates(text: str) -> list[DateMention]:
    return []  # no publication date: relative dates cannot be resolved
