"""Articles in, coded event mentions out: the extraction stage, pure and per article.

    extractor = Extractor(load_pack("sahel"), geocoder)
    for mention in extractor.extract(article).mentions: ...

Heavy parts (spaCy pipelines, matchers, the classifier) are built once per language and reused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from spacy.language import Language

from ..geo.geocoder import Geocoder, Resolution
from ..knowledge import Pack
from ..model import Article, Evidence, Mention
from ..taxonomy import ActorType, EventType, SubEventType, TimePrecision
from .actors import ActorFinder, assign_roles
from .casualties import CasualtyReader
from .classify import SubtypeClassifier
from .coding import (
    ARMED,
    CLAIMANTS,
    PROTESTS,
    claims_responsibility,
    corroborated,
    from_other_sentences,
    on_forces_site,
    retyped,
    scores_from_toll,
    territory_type,
    victims_are_targets,
)
from .cues import CueMatcher
from .dates import DateReader
from .language import detect_language
from .modality import ModalityReader
from .nlp import build_nlp, sentences
from .numbers import NumberReader
from .places import PlaceFinder
from .placing import FOLLOW_AFTER, LOOK_BACK, Placer, known_names, location_name, place_tier, placed
from .records import (
    ActorMention,
    CasualtyKind,
    DateMention,
    OtherClass,
    PlaceMention,
    Side,
    Span,
    TypeScore,
)
from .segments import SECOND_PARTY, Passage, Sentence, group, report_day
from .sites import count_sites, share
from .tellings import (
    ANOTHER,
    LEAD_SENTENCES,
    aftermath,
    anchored,
    fighting_days,
    is_background,
    long_before,
    merged,
    old_news,
    retold,
    same_event,
)
from .tolls import Told, tally

#: Civilians killed, at least this many, make a sentence report violence with no actor named.
CIVILIAN_TOLL = 5

#: A count this large with no event word is a statistic ("14,284 enfants victimes de
#: violence ... en 2021"), not the toll of one event.
STATISTIC = 1000

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


#: Strategic developments that an attack or a fight told in the same passage takes in.
_SPOILS = frozenset({SubEventType.LOOTING_PROPERTY_DESTRUCTION, SubEventType.DISRUPTED_WEAPONS_USE})
_FIGHTS = frozenset({EventType.BATTLES, EventType.VIOLENCE_AGAINST_CIVILIANS})
_GROUND = frozenset({
    SubEventType.ARMED_CLASH, SubEventType.ATTACK, SubEventType.GOVERNMENT_REGAINS_TERRITORY,
    SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
})  # fmt: skip


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
                casualties=CasualtyReader(lang, numbers),
                actors=ActorFinder(self.pack, lang),
                places=PlaceFinder(
                    lang,
                    known=known_names(gazetteer),
                    names=[name for name, _actor in self.pack.alias_items()],
                ),
                outcomes=CueMatcher.from_lexicon(self.pack.lexicon("outcomes"), "outcomes", lang),
                tags=CueMatcher.from_lexicon(self.pack.lexicon("tags"), "tags", lang),
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
        tools = self.tools(lang)
        published = article.published_at.date() if article.published_at else None
        read = [self._read(tools, i, span, lang, published)
                for i, span in enumerate(sentences(tools.nlp, text))]  # fmt: skip
        events = {s.index for s in read if self._reports_event(tools, s)}
        events |= _second_parties(read, events)
        passages = group(read, events)
        mentions: list[Mention] = []
        waiting: list[Mention] = []  # sites a telling announced but did not name
        reported: set[str] = set()  # mentions dated only by the day they were reported
        for n, passage in enumerate(passages):
            second = any(SECOND_PARTY.search(s.text) for s in passage.sentences)
            if mentions and not anchored(passage) and not second:
                continue
            until = passages[n + 1].sentences[0].index if n + 1 < len(passages) else len(read)
            claims = [s for s in read[passage.sentences[0].index : until]
                      if s.index not in events and claims_responsibility(s)
                      and tools.modality.read(s.text).kind == "asserted"]  # fmt: skip
            # Sentences around the passage that report no event of their own may still give its
            # toll ("local sources said hundreds had been killed").
            start = 0 if not mentions else passage.sentences[0].index
            around = [s for s in read[start:until] if s.index not in events]
            mention = self._mention(article, tools, lang, published, passage, read, n, claims,
                                    around)  # fmt: skip
            if mention is None or not corroborated(mention) or mention.latitude is None:
                continue  # an event is coded only with its actors or toll, and a place
            mention = self._crowds(self._civilians_targeted(mention))
            if published and (long_before(mention, published) or (
                    mentions and is_background(mention, published, mentions[0]))
                    or (not mentions and old_news(mention, passage, published)
                        and not any(claims_responsibility(s) for s in read[:LEAD_SENTENCES]))
            ):  # fmt: skip
                continue
            if self._dated_by_report(passage):
                reported.add(mention.id)
            # A telling dated only by its report and one dated by the event itself: one event,
            # on the event's day.
            again = next((m for m in mentions if not second and (
                              (m.id in reported and mention.id not in reported
                               and retold(m, mention))
                              or (mention.id in reported and m.id not in reported
                                  and retold(mention, m)))), None)  # fmt: skip
            if again is not None:
                day = min(again.event_date, mention.event_date)
                both = replace(merged(again, mention), event_date=day,
                               time_precision=mention.time_precision
                               if again.id in reported else again.time_precision)  # fmt: skip
                reported.discard(again.id)
                mentions[mentions.index(again)] = both
                waiting = [both if m is again else m for m in waiting]
                continue
            loose = ANOTHER.search(passage.sentences[0].text) is None
            same = next((m for m in mentions if not second and same_event(m, mention, loose)),
                        None)  # fmt: skip
            if same is None and mentions and loose and not second:
                same = next((m for m in mentions if aftermath(m, mention)), None)
            if same is not None:
                both = merged(same, mention)
                mentions[mentions.index(same)] = both
                waiting = [both if m is same else m for m in waiting]
                continue
            # The lead may announce the sites ("223 civilians executed in two villages") before
            # the passage that tells them.
            opening = passage.sentences[0].index
            lead = read[max(0, opening - FOLLOW_AFTER) : opening] if not mentions else []
            # ... or the sentences that follow it say how many sites there were ("impossible de
            # répartir ce chiffre entre les deux sites").
            told_with = [*lead, passage.sentences[0], *passage.follow_on]
            sites = max(count_sites(s.text, lang) for s in told_with)
            days = fighting_days(passage, mention) if sites <= 1 else []
            if days:
                # One event per day of fighting; the toll, not told day by day, goes to the
                # last day, when the fighting the report counts had ended.
                mentions.extend(
                    replace(mention, id=f"{mention.id}-d{i}" if i else mention.id,
                            event_date=day, **({} if day == days[-1] else _NO_TOLL))
                    for i, day in enumerate(days)
                )  # fmt: skip
                continue
            if sites > 1:
                split, unnamed = self._per_site(tools, lang, mention, passage, article, sites)
                mentions.extend(split)
                waiting.extend(split[len(split) - unnamed :] if unnamed else [])
                continue
            # A site announced but not named ("two attacks on Thursday") is told by the
            # next passage of that day.
            told = next((m for m in waiting if abs((m.event_date - mention.event_date).days) <= 1
                         and m.event_type.is_political_violence
                         and mention.event_type.is_political_violence), None)  # fmt: skip
            if told is not None:
                waiting.remove(told)
                mentions[mentions.index(told)] = mention
            else:
                mentions.append(mention)
        mentions.sort(key=lambda m: (-m.fatalities, -m.confidence))
        return Extraction(article, lang, tuple(mentions), tuple(notes))

    # -- reading sentences -------------------------------------------------------------------

    def _read(self, tools: _Tools, index: int, span: Span, lang: str,
              published: dt.date | None) -> Sentence:  # fmt: skip
        scores = self.classifier.scores(span.quote, lang)
        casualties = tools.casualties.casualties(span.quote)
        inferred = False
        weak = all(isinstance(s.label, OtherClass) or s.score < self.options.min_score
                   for s in scores)  # fmt: skip
        if casualties and weak and all(c.count < STATISTIC for c in casualties):
            # A toll with an armed actor is violence even beside a weak word or one of another
            # class ("gunmen killed ten villagers; survivors fled").
            armed = any(a.actor_type in ARMED for a in tools.actors.find(span.quote))
            # Civilians counted as killed, with nothing saying it was anything else (an
            # accident, a disease), are victims of violence even with no armed actor named.
            otherwise = any(isinstance(s.label, OtherClass) and s.score >= self.options.min_score
                            for s in scores)  # fmt: skip
            victims = any(c.kind is CasualtyKind.KILLED and c.side is Side.CIVILIANS
                          and c.count >= CIVILIAN_TOLL for c in casualties)  # fmt: skip
            toll = scores_from_toll(casualties) if armed or (victims and not otherwise) else []
            inferred = bool(toll)
            scores = [*toll, *scores]
        if published is None:
            return Sentence(index, span, scores, tools.places.find, _no_dates, casualties,
                            inferred)  # fmt: skip
        return Sentence(index, span, scores, tools.places.find,
                        partial(tools.dates.dates, published=published), casualties,
                        inferred)  # fmt: skip

    def _reports_event(self, tools: _Tools, sentence: Sentence) -> bool:
        if not sentence.scores:
            return False
        top = sentence.scores[0]
        if isinstance(top.label, OtherClass) or top.score < self.options.min_score:
            return False
        # Only cues that can govern the trigger count: "the attacks on Tuesday, for which no toll
        # has been published" still reports the attacks.
        trigger = top.evidence[0] if top.evidence else None
        before = sentence.text[max(0, trigger.start - 40) : trigger.end] if trigger else ""
        around = sentence.text[max(0, trigger.start - 40) : trigger.end + 60] if trigger else ""
        # The dates are read last: they are the dearest test and most sentences need not reach it.
        if (before and (_GENERIC.search(before) or _FLED.search(before) or _PLACES.search(before)
                        or _HABITUAL.search(around)) and not sentence.dates):  # fmt: skip
            return False  # "many attacks have been foiled", "the roads are regularly mined"
        if (sentence.index > 0 and before and _PLUPERFECT.search(before)
                and _EARLIER.search(sentence.text)):  # fmt: skip
            return False  # "celle d'Inata, qui avait provoqué des manifestations": what came before
        if (top.label is SubEventType.AGREEMENT and trigger
                and _UNDONE.search(sentence.text[max(0, trigger.start - 80) : trigger.start])):  # fmt: skip
            return False  # "ended the military agreement": an agreement undone is not one made
        if (top.label is SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY
                and _CASUALTY_EVACUATION.search(sentence.text)):  # fmt: skip
            return False  # "the wounded were evacuated to Niamey"
        kind = tools.modality.read(sentence.text, trigger).kind
        return kind in ("asserted", "foiled")

    # -- one passage → one mention -----------------------------------------------------------

    def _mention(self, article: Article, tools: _Tools, lang: str, published: dt.date | None,
                 passage: Passage, read: list[Sentence], n: int,
                 claims: Sequence[Sentence] = (),
                 around: Sequence[Sentence] = ()) -> Mention | None:  # fmt: skip
        """The passage's mention; None when no place is found for it (it would not be coded)."""
        # The place first: most passages of world news have none here, and the rest of the
        # reading (date, actors, toll, cues) would be thrown away with them.
        place, place_sentence, place_span = self.placer.place(passage, read, article)
        if place is not None:
            place = self.geocoder.at_seat(place)
        if place is None or place.latitude is None:
            return None
        first = passage.sentences[0]
        evidence: list[Evidence] = []

        def cite(field_name: str, sentence: Sentence, span: Span) -> None:
            start = sentence.span.start + span.start
            evidence.append(Evidence(field_name, span.quote, article.id, start,
                                     start + len(span.quote)))  # fmt: skip

        best = self._best_type(passage)
        label = best.label
        assert isinstance(label, SubEventType)
        if best.evidence:
            cite("sub_event_type", first, best.evidence[0])

        when, precision = self._date(passage, read, published)
        if when is not None and when[1] is not None:
            cite("event_date", when[0], when[1])
        event_date = when[2] if when else (published or dt.date.today())

        if place_sentence is not None and place_span is not None:
            cite("location", place_sentence, place_span)
        country = self._countries.get(place.country, place.country) if place else ""

        actors = self._actors(tools, passage, event_date, place.country if place else None)
        best = retyped(best, passage, actors)
        label = best.label
        assert isinstance(label, SubEventType)
        trigger = best.evidence[0] if best.evidence else None
        actor1, actor2 = assign_roles(first.text, actors.get(first.index, []), trigger, lang)
        if actor1 is None:
            actor1, actor2 = from_other_sentences(actors, first.index, actor2)
        actor1, actor2 = victims_are_targets(actor1, actor2, actors.get(first.index, []),
                                              first.casualties)  # fmt: skip
        claimed = self._claimant(tools, claims, event_date, place.country if place else None)
        if claimed is not None and (actor1 is None or actor1.actor_type not in CLAIMANTS
                                    or actor1.name.startswith("Unidentified")):  # fmt: skip
            # "JNIM claimed the attack": the group that claims it did it, unless the passage
            # itself names the armed group that acted.
            claim_sentence, claimant = claimed
            if actor1 is not None and actor2 is None and actor1.name != claimant.name:
                actor2 = actor1
            actor1 = claimant
            actors = {**actors, claim_sentence.index: [claimant]}
        for role, actor in (("actor1", actor1), ("actor2", actor2)):
            if actor is not None:
                holder = next(s for s in [*passage.all_sentences, *claims]
                              if actor in actors.get(s.index, []))  # fmt: skip
                cite(role, holder, Span(actor.start, actor.end, actor.quote))
        label = territory_type(label, actor1, [a for found in actors.values() for a in found],
                               first.text)  # fmt: skip
        name1 = actor1.name if actor1 else _unidentified(country)
        inter1 = actor1.actor_type if actor1 else ActorType.POLITICAL_MILITIA
        name2 = actor2.name if actor2 else ""
        inter2 = actor2.actor_type if actor2 else None

        told = [*passage.all_sentences, *_same_toll(around, event_date, place, passage)]
        told.sort(key=lambda s: s.index)
        toll = tally([Told(s.text, s.casualties) for s in told])
        for pos, c in toll.cited:
            cite("fatalities", told[pos], Span(c.start, c.end, c.quote))
        killed, low, high = toll.killed, toll.low, toll.high
        by_side, wounded, abducted = dict(toll.by_side), toll.wounded, toll.abducted

        outcome = ""
        tags: list[str] = []
        time_of_day = None
        for sentence in passage.all_sentences:
            for hit in tools.outcomes.find(sentence.text):
                outcome = outcome or hit.label
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

    def _per_site(self, tools: _Tools, lang: str, mention: Mention, passage: Passage,
                  article: Article, sites: int) -> tuple[list[Mention], int]:  # fmt: skip
        """One mention per site of a telling that says it hit several ("attacks on two
        villages, X and Y"): each locality the passage names as hit, in turn, typed by its own
        clause when that clause has a trigger and counted by its own toll when it gives one;
        the toll not broken down is shared evenly. Returns the mentions and how many of them
        stand for sites the passage did not name (a later passage of that day may tell them).
        """
        context = f"{article.title}. {article.text[:1500]}"
        found: list[tuple[Resolution, Sentence, PlaceMention]] = []
        for sentence in passage.sentences:
            for p in sentence.places:
                if _ROUTE.search(sentence.text[max(0, p.start - 16) : p.start]):
                    continue  # "between Gao and Mopti": places passed through, not hit
                resolution = self.geocoder.resolve(p.quote, context)
                if not resolution.resolved and p.name != p.quote:
                    resolution = self.geocoder.resolve(p.name, context)
                if resolution.resolved and place_tier(resolution) == 0:
                    found.append((resolution, sentence, p))
        own = next((f for f in found if (f[0].latitude, f[0].longitude)
                    == (mention.latitude, mention.longitude)), None)  # fmt: skip
        named: list[tuple[Mention, Sentence | None, PlaceMention | None]] = [
            (mention, own[1] if own else None, own[2] if own else None)
        ]
        seen = {(mention.latitude, mention.longitude)}
        for resolution, sentence, p in found:
            key = (resolution.latitude, resolution.longitude)
            if key not in seen and len(named) < sites:
                seen.add(key)
                named.append((placed(mention, self._countries, resolution), sentence, p))
        unnamed = sites - len(named)
        shares = share(mention.fatalities, sites)
        out: list[Mention] = []
        clause_tolls: list[int | None] = []
        clauses: list[tuple[int, str]] = []
        for i in range(sites):
            base, told_in, at = named[i] if i < len(named) else (mention, None, None)
            toll: int | None = None
            if told_in is not None and at is not None:
                clause = _clause(told_in.text, at.start)
                clauses.append((told_in.index, clause))
                scores = self.classifier.scores(clause, lang)
                top = scores[0] if scores else None
                # A clause that also bears the telling's own type does not retype its site.
                agrees = any(s.label is mention.sub_event_type and s.score >= self.options.min_score
                             for s in scores)  # fmt: skip
                if (top is not None and isinstance(top.label, SubEventType) and not agrees
                        and top.score >= self.options.min_score):  # fmt: skip
                    label = top.label
                    if label is SubEventType.ATTACK and on_forces_site(clause):
                        label = SubEventType.ARMED_CLASH  # "l'école de gendarmerie de Faladié"
                    base = replace(base, event_type=label.event_type, sub_event_type=label)
                killed = [c.count for c in tools.casualties.casualties(clause)
                          if c.kind is CasualtyKind.KILLED]  # fmt: skip
                toll = sum(killed) if killed else None
            clause_tolls.append(toll)
            out.append(replace(base, id=f"{mention.id}-s{i}" if i else mention.id))
        if sum(t is not None for t in clause_tolls) > 1 and len(set(clauses)) == len(clauses):
            # Tolls told site by site: each its own; sites without one share what is left.
            left = max(0, mention.fatalities - sum(t or 0 for t in clause_tolls))
            rest = iter(share(left, sum(t is None for t in clause_tolls)))
            shares = [t if t is not None else next(rest) for t in clause_tolls]
        out = [replace(m, fatalities=k, fatalities_low=min(k, m.fatalities_low or k),
                       fatalities_high=k, fatalities_by_side={} if i else m.fatalities_by_side)
               for i, (m, k) in enumerate(zip(out, shares, strict=True))]  # fmt: skip
        return out, unnamed

    def _civilians_targeted(self, mention: Mention) -> Mention:
        """Violence against civilians has civilians on the receiving end, by definition; an armed
        group found there while no perpetrator is named is the perpetrator."""
        if mention.event_type is not EventType.VIOLENCE_AGAINST_CIVILIANS:
            return mention
        if mention.inter2 is ActorType.CIVILIANS:
            return mention
        civilians = self.pack.actor_for("civilians", on=mention.event_date,
                                        country=_iso2(mention, self._countries))  # fmt: skip
        if civilians is None or civilians.actor_type is not ActorType.CIVILIANS:
            return mention
        changes: dict[str, Any] = {"actor2": civilians.name, "inter2": civilians.actor_type,
                                   "civilian_targeting": True}  # fmt: skip
        # A non-state armed group is the likely perpetrator; state forces named beside unnamed
        # gunmen are more often the target ("gunmen attacked a gendarmerie school").
        if (mention.actor1.startswith("Unidentified") and mention.inter2 in ARMED
                and mention.inter2 is not ActorType.STATE_FORCES):  # fmt: skip
            changes |= {"actor1": mention.actor2, "inter1": mention.inter2}
        return replace(mention, **changes)

    def _crowds(self, mention: Mention) -> Mention:
        """ACLED's sides of a demonstration: the crowd is Protesters (country), or Rioters when
        it turned violent, and the forces that intervened are the other side (actor1 when they
        used excessive force). Armed groups named as the crowd's cause are not its sides."""
        label = mention.sub_event_type
        if label not in PROTESTS and label is not SubEventType.VIOLENT_DEMONSTRATION:
            return mention
        iso = _iso2(mention, self._countries)
        word = "rioters" if label is SubEventType.VIOLENT_DEMONSTRATION else "protesters"
        crowd = self.pack.actor_for(word, on=mention.event_date, country=iso)
        if crowd is None:
            return mention
        country = mention.country
        sides = ((mention.actor1, mention.inter1), (mention.actor2, mention.inter2))
        forces: tuple[str, ActorType | None] = next(
            ((name, inter) for name, inter in sides
             if inter is ActorType.STATE_FORCES and country and country in name),
            ("", None),
        )  # fmt: skip
        if label is SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS and forces[0]:
            return replace(mention, actor1=forces[0], inter1=forces[1] or mention.inter1,
                           actor2=crowd.name, inter2=crowd.actor_type)  # fmt: skip
        if label is SubEventType.PEACEFUL_PROTEST:
            forces = ("", None)
        return replace(mention, actor1=crowd.name, inter1=crowd.actor_type, actor2=forces[0],
                       inter2=forces[1])  # fmt: skip

    def _claimant(self, tools: _Tools, claims: Sequence[Sentence], on: dt.date,
                  country: str | None) -> tuple[Sentence, ActorMention] | None:  # fmt: skip
        """The first named armed group that claims the event, in the claim sentences after it."""
        for sentence in claims:
            for actor in tools.actors.find(sentence.text, on=on, country=country):
                if actor.actor_type in CLAIMANTS and not actor.name.startswith("Unidentified"):
                    return sentence, actor
        return None

    def _best_type(self, passage: Passage) -> TypeScore:
        totals: dict[object, float] = {}
        firsts: dict[object, TypeScore] = {}
        for sentence in passage.sentences:
            for score in sentence.scores[:3]:
                if isinstance(score.label, OtherClass):
                    continue
                totals[score.label] = totals.get(score.label, 0.0) + score.score
                firsts.setdefault(score.label, score)
        label = max(totals, key=lambda k: totals[k])
        lead = passage.sentences[0].scores
        if label in _SPOILS and lead and lead[0].label not in _SPOILS:
            # Goods looted, houses burnt or weapons carried off in an attack or a fight the
            # passage opens with are part of it: ACLED codes the violence, not its spoils (a
            # passage that opens with a foiled attack stays a disrupted one).
            opening = {score.label for score in lead[:3]}
            violent = [k for k in totals if k in opening and isinstance(k, SubEventType)
                       and k.event_type in _FIGHTS and totals[k] >= self.options.min_score]  # fmt: skip
            label = max(violent, key=lambda k: totals[k], default=label)
        elif (label is SubEventType.AIR_DRONE_STRIKE and lead and lead[0].label in _GROUND
              and all(score.label is not label for score in lead)):  # fmt: skip
            # Aircraft sent after a ground assault the passage opens with ("air support was
            # called in to pursue the attackers") answer it: the event stays the fight.
            label = lead[0].label
        return TypeScore(firsts[label].label, totals[label], firsts[label].evidence)

    def _dated_by_report(self, passage: Passage) -> bool:
        """Whether the passage's only days are those of its report ("said on Tuesday")."""
        days = [(s, d) for s in passage.all_sentences for d in s.dates]
        return bool(days) and all(report_day(s.text, d) for s, d in days)

    def _date(self, passage: Passage, read: list[Sentence], published: dt.date | None
              ) -> tuple[tuple[Sentence, Span | None, dt.date] | None, TimePrecision]:  # fmt: skip
        told: tuple[tuple[Sentence, Span | None, dt.date], TimePrecision] | None = None
        for sentence in passage.all_sentences:
            for d in sentence.dates:
                found = (sentence, Span(d.start, d.end, d.quote), d.date), d.precision
                if not report_day(sentence.text, d):
                    return found
                told = told or found
        opening = passage.sentences[0].index
        if told is not None:
            # Only the day of the report ("according to the report published on Thursday, the
            # soldiers killed 44 people"): the day the sentence just before gave the event wins.
            for sentence in reversed(read[max(0, opening - FOLLOW_AFTER) : opening]):
                for d in sentence.dates:
                    if not report_day(sentence.text, d) and d.date < told[0][2]:
                        return (sentence, Span(d.start, d.end, d.quote), d.date), d.precision
            return told
        reported = None
        for sentence in reversed(read[max(0, opening - LOOK_BACK) : opening]):
            for d in sentence.dates:
                found = (sentence, Span(d.start, d.end, d.quote), d.date), d.precision
                if not report_day(sentence.text, d):
                    return found  # the event's own day, told before the passage
                reported = reported or found
        if reported is not None:
            return reported
        # Nothing said: the report's own day, honestly marked as known only to the week.
        return None, TimePrecision.WEEK

    def _actors(self, tools: _Tools, passage: Passage, on: dt.date, country: str | None
                ) -> dict[int, list[ActorMention]]:  # fmt: skip
        return {
            s.index: tools.actors.find(s.text, on=on, country=country or None)
            for s in passage.all_sentences
        }


#: Events counted or named in general, not told: a quantifier or a verb of recording before a
#: plural event noun ("de nombreuses attaques", "frequent attacks on army positions", "which
#: record attacks, battles and killings"), with no day in the sentence.
_GENERIC = re.compile(
    r"\b(?:many|numerous|several|frequent|repeated|countless|dozens of|hundreds of|thousands of|"
    r"record|recorded|records|such|de nombreu(?:x|ses)|plusieurs|multiples|fréquentes?|"
    r"répétées?|des dizaines d['’]|des centaines d['’]|des milliers d['’]|recense\w*|"
    r"ce genre d['’]|ce type d['’])\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:attacks|attaques|incidents|killings|tueries|massacres|ambushes|embuscades|clashes|"
    r"affrontements|raids|abductions|enlèvements|kidnappings|strikes|frappes)\b$",
    re.IGNORECASE,
)

_NO_TOLL: dict[str, Any] = {
    "fatalities": 0, "fatalities_low": 0, "fatalities_high": 0, "fatalities_by_side": {},
}  # fmt: skip

#: A trigger in the pluperfect, after the opening, is what came before the news ("l'attaque
#: qui avait provoqué des manifestations", "the camp had been attacked in July").
_PLUPERFECT = re.compile(
    r"\b(?:avait|avaient|had)\s+(?:déjà\s+|already\s+)?(?:été\s+|been\s+)?[\w'’-]+"
    r"(?:\s+[\w'’-]+){0,3}\s*$",
    re.IGNORECASE,
)

#: Words that put a pluperfect event before the news it is told with.
_EARLIER = re.compile(
    r"\b(?:déjà|already|before|auparavant|précédemment|earlier|previously|last|dernier|"
    r"dernière|après\s+cel(?:le|ui)|after\s+(?:the\s+one|that)|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)

#: An agreement ended, broken or suspended ("ended the agreement under which", "a dénoncé
#: l'accord").
_UNDONE = re.compile(
    r"\b(?:end(?:s|ed|ing)?|terminat\w*|revok\w*|scrap\w*|cancel\w*|denounc\w*|tore up|"
    r"withdr[ae]w\w* from|suspend\w*|breach\w*|violat\w*|dénonc\w*|mis fin|met fin|"
    r"mettre fin|rompu|rompt|suspendu|annulé|violé)\b[^.;]{0,40}$",
    re.IGNORECASE,
)

#: The wounded or the dead carried away are not ground handed over.
_CASUALTY_EVACUATION = re.compile(
    r"\b(?:wounded|injured|casualties|bodies|blessés?|corps|victimes)\b[^.;]{0,40}"
    r"\b(?:evacuated|évacuée?s?)\b|\b(?:evacuated|évacuée?s?)\b[^.;]{0,25}"
    r"\b(?:wounded|injured|casualties|bodies|blessés?|hospital|hôpital)\b",
    re.IGNORECASE,
)

#: A trigger said of places in general is no event ("especially in places under blockade",
#: "dans les localités assiégées").
_PLACES = re.compile(
    r"\b(?:places|towns|areas|localities|communities|zones|endroits|villes|localités|zones)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:under|sous|assiégée?s|blockaded|besieged)\b",
    re.IGNORECASE,
)

#: Attacks named as what people fled are the cause of their flight, not an event told
#: ("thousands who fled attacks on villages", "des déplacés chassés par les attaques").
_FLED = re.compile(
    r"\b(?:fled|fleeing|flee|escaping|driven (?:out|away) by|displaced by|uprooted by|"
    r"chassée?s? par|fuyant|(?:ont|avaient|ayant) fui|déplacée?s? par|poussée?s? par)\s+"
    r"(?:the\s+|les\s+|des\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:attacks|attaques|violence|violences|fighting|combats|insecurity|insécurité|raids|"
    r"killings|tueries|exactions)\b$",
    re.IGNORECASE,
)

#: What happens as a habit, or over months, is not an event ("les axes sont régulièrement
#: minés", "plusieurs suspects ont été interpellés au cours des derniers mois").
_HABITUAL = re.compile(
    r"\b(?:régulièrement|souvent|fréquemment|habituellement|regularly|often|frequently|"
    r"routinely|usually|(?:au cours|au fil) des (?:derniers|dernières) (?:mois|années|semaines)|"
    r"ces derniers mois|depuis des (?:mois|années)|(?:in|over) (?:the )?(?:recent|past|last) "
    r"(?:months|years)|for (?:months|years))\b",
    re.IGNORECASE,
)

#: Words before a place that is passed through rather than hit ("sailing between Gao and Mopti").
_ROUTE = re.compile(r"\b(?:between|from|towards?|entre|vers|depuis)\s+(?:\w+\s+)?$", re.IGNORECASE)

#: Where one clause of a sentence ends and the next begins ("..., killing 49 civilians, and
#: fighters attacked the camp at Bourem").
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|while|whereas|et|puis|tandis que|alors que)\b|\s+(?:puis|then)\s+"
)


def _clause(text: str, at: int) -> str:
    """The clause of ``text`` around character ``at``."""
    start, end = 0, len(text)
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= at:
            start = match.end()
        elif match.start() >= at:
            end = match.start()
            break
    return text[start:end]


#: Words by which a sentence tells a toll of its own time, not of the event: "since 2015".
_ELSEWHEN = re.compile(
    r"\b(?:since|depuis|in recent (?:days|weeks|months|years)|ces derniers (?:jours|mois)|"
    r"en quelques (?:jours|semaines|mois)|this year|cette ann[ée]e|last year|l'an dernier|"
    r"over the (?:past|last)|in the (?:past|last) \w+|au cours des|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


#: Words by which a report moves on to another event: "a few hours later", "par ailleurs".
_LATER = re.compile(
    r"\b(?:later|plus tard|separately|elsewhere|meanwhile|par ailleurs|ailleurs|auparavant|"
    r"earlier that|the day before|la veille|le lendemain|the next day)\b",
    re.IGNORECASE,
)


def _same_toll(around: Sequence[Sentence], on: dt.date, place: Resolution | None,
               passage: Passage) -> list[Sentence]:  # fmt: skip
    """The sentences beside a passage, reporting no event themselves, that tell its toll: read
    outwards from the passage, up to the first sentence that names another place; a sentence of
    another day or time span ("since 2015") does not count."""
    names = {p.name.lower() for s in passage.all_sentences for p in s.places}
    if place is not None:
        names.add(location_name(place).lower())
    own = {s.index for s in passage.all_sentences}
    first = passage.sentences[0].index
    before = [s for s in around if s.index < first][::-1]
    after = [s for s in around if s.index > first and s.index not in own]
    found = []
    for side in (before, after):
        reach = max((k for k, s in enumerate(side) if s.casualties), default=-1)
        for s in side[: reach + 1]:
            if _LATER.search(s.text) or any(p.name.lower() not in names for p in s.places):
                break
            if (s.casualties and not _ELSEWHEN.search(s.text)
                    and all(abs((d.date - on).days) <= 7 for d in s.dates)):  # fmt: skip
                found.append(s)
    return found


def _iso2(mention: Mention, countries: dict[str, str]) -> str | None:
    """The ISO code of the country a mention was placed in (its record holds the name)."""
    return next((iso for iso, name in countries.items() if name == mention.country), None)


#: Words one of which a second party's phrase holds, in any case (a cheap test first).
_SECOND_WORDS = ("econd", "nother", "utre", "uxième")


def _second_parties(read: list[Sentence], events: set[int]) -> set[int]:
    """Sentences that tell a second party of attackers striking, right after an event ("a
    second group struck the air base", "un autre groupe a pris pour cible la base"): events of
    the type just told, even when their own verb is one the classifier does not know."""
    found: set[int] = set()
    for sentence in read:
        if sentence.index in events or not any(w in sentence.text for w in _SECOND_WORDS):
            continue
        match = SECOND_PARTY.search(sentence.text)
        if match is None:
            continue
        before = [i for i in events if 0 < sentence.index - i <= FOLLOW_AFTER]
        if not before:
            continue
        top = read[max(before)].scores[0]
        sentence.scores = [TypeScore(top.label, top.score,
                                     (Span(match.start(), match.end(), match.group()),)),
                           *sentence.scores]  # fmt: skip
        found.add(sentence.index)
    return found


def _no_dates(text: str) -> list[DateMention]:
    return []  # no publication date: relative dates cannot be resolved


def _unidentified(country: str) -> str:
    return f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group"
