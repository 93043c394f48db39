"""What a sentence reports: cues that a trigger tells no event of its own, and tolls told beside one.

A sentence with an event word may still tell no event: attacks counted in general ("many attacks
have been foiled"), what people fled, what happens as a habit, what came before the news, an
agreement undone. A sentence with no event word may still tell one: a toll with an armed actor
beside it, or civilians killed. Functions over the readers' records, with no I/O.

    cues = ReportingCues.from_lexicon(pack.lexicon("cues"))
    reports_event(sentence, modality, 1.0, cues)  # -> True for "Gunmen attacked Inata."
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..geo.geocoder import Resolution
from ..model import Article
from ..taxonomy import SubEventType
from .actors import ActorFinder
from .coding import ARMED, TERRITORY, scores_from_toll
from .cues import compile_rule
from .modality import ModalityKind, ModalityReader
from .placing import FOLLOW_AFTER, location_name
from .records import Casualty, CasualtyKind, OtherClass, Side, Span, TypeScore
from .segments import Passage, PassageCues, Sentence

#: Civilians killed, at least this many, make a sentence report violence with no actor named.
CIVILIAN_TOLL = 5

#: The weight given to reprisals told with no violent word of their own ("went after Fulani
#: households"): a trigger's.
REPRISAL_SCORE = 1.0

#: A count this large with no event word is a statistic ("14,284 enfants victimes de
#: violence ... en 2021"), not the toll of one event.
STATISTIC = 1000


@dataclass(frozen=True)
class ReportingCues:
    """The words by which a sentence tells no event of its own, or a toll of another time,
    compiled once from the pack's ``cues`` lexicon (both languages in each pattern).

        cues = ReportingCues.from_lexicon(pack.lexicon("cues"))
    """

    #: Events counted or named in general, not told: a quantifier or a verb of recording before
    #: a plural event noun ("de nombreuses attaques", "which record attacks, battles and
    #: killings"), with no day in the sentence.
    generic: re.Pattern[str]
    #: A trigger in the pluperfect, after the opening, is what came before the news ("l'attaque
    #: qui avait provoqué des manifestations", "the camp had been attacked in July").
    pluperfect: re.Pattern[str]
    #: Words (or a year) that put a pluperfect event before the news it is told with.
    earlier: re.Pattern[str]
    #: An agreement ended, broken or suspended ("a dénoncé l'accord").
    undone: re.Pattern[str]
    #: The wounded or the dead carried away are not ground handed over.
    casualty_evacuation: re.Pattern[str]
    #: People handed to a court, investigators or their families, not ground handed over.
    people_handed_over: re.Pattern[str]
    #: A trigger said of places in general ("dans les localités assiégées").
    places: re.Pattern[str]
    #: Attacks named as what people fled are the cause of their flight, not an event told.
    fled: re.Pattern[str]
    #: An attack named as what stirred the public ("la colère suscitée par l'attaque d'Inata").
    stirred: re.Pattern[str]
    #: What happens as a habit, or over months ("les axes sont régulièrement minés").
    habitual: re.Pattern[str]
    #: A toll of its own time, not of the event: "since 2015".
    elsewhen: re.Pattern[str]
    #: A report moving on to another event: "a few hours later", "par ailleurs".
    later: re.Pattern[str]
    #: A paragraph that labels itself as background: "Contexte — ...", "Background: ...".
    background: re.Pattern[str]
    #: After a trigger, the event set beside another in time ("the attack came a week after",
    #: "l'attaque intervient une semaine après celle de Dioura"): commentary, not a telling.
    relating: re.Pattern[str]
    #: A sentence opening on what was just told, set beside an earlier event ("Ces actions
    #: interviennent quelques jours après l'embuscade de Téguey").
    relating_lead: re.Pattern[str]
    #: A relating gap of hours, not days ("came a few hours after"): the other event is news too.
    same_day: re.Pattern[str]
    #: After a plural event noun, a trend ("attacks on civilians have risen sharply").
    trend: re.Pattern[str]
    #: A claimant's words retold ("the group said it had attacked"): after a lead denying the
    #: claim, the denied claim again.
    claimed_speech: re.Pattern[str]
    #: Forces sent, reinforced or stationed: a change of a group's activity for a snippet's
    #: label, but no event a coder records ("reinforcements were sent", "troops deployed in").
    deployment: re.Pattern[str]
    #: Words that accuse ("accusing the army of killing"): an accusation is not a claim.
    accusing: re.Pattern[str]
    #: The label of an opinion piece, opening its title or text ("Opinion: ...", "ÉDITORIAL -").
    opinion: re.Pattern[str]

    @classmethod
    def from_lexicon(cls, cues: Mapping[str, Any]) -> ReportingCues:
        return cls(
            generic=compile_rule(
                r"\b(?:%(counted_patterns)s)\s+(?:[\w'’-]+\s+){0,3}?(?:%(counted_events)s)\b$",
                cues,
            ),
            pluperfect=compile_rule(
                r"\b(?:%(pluperfect)s)\s+(?:(?:%(pluperfect_already)s)\s+)?"
                r"(?:(?:%(pluperfect_passive)s)\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}\s*$",
                cues,
            ),
            earlier=compile_rule(r"\b(?:%(before_news_patterns)s|(?:19|20)\d\d)\b", cues),
            undone=compile_rule(r"\b(?:%(undone_patterns)s)\b[^.;]{0,40}$", cues),
            casualty_evacuation=compile_rule(
                r"\b(?:%(evacuated_who_patterns)s)\b[^.;]{0,40}\b(?:%(evacuated_patterns)s)\b"
                r"|\b(?:%(evacuated_patterns)s)\b[^.;]{0,25}\b(?:%(evacuated_to_patterns)s)\b",
                cues,
            ),
            people_handed_over=compile_rule(
                r"\b(?:%(handed_over_patterns)s)\b[^.;]{0,40}\b(?:%(handed_to_patterns)s)\b", cues
            ),
            places=compile_rule(
                r"\b(?:%(places_in_general)s)\s+(?:[\w'’-]+\s+){0,2}?(?:%(under_siege_patterns)s)\b",
                cues,
            ),
            stirred=compile_rule(
                r"\b(?:%(stirred_patterns)s)\b[^.;]{0,60}?\b(?:%(stirred_by_patterns)s)\s*"
                r"(?:(?:%(stirred_article_patterns)s)\s*)?$",
                cues,
            ),
            fled=compile_rule(
                r"\b(?:%(fled_patterns)s)\s+(?:(?:%(fled_articles)s)\s+)?"
                r"(?:[\w'’-]+\s+){0,2}?(?:%(fled_from)s)\b$",
                cues,
            ),
            habitual=compile_rule(r"\b(?:%(habitual_patterns)s)\b", cues),
            elsewhen=compile_rule(r"\b(?:%(elsewhen_patterns)s|(?:19|20)\d\d)\b", cues),
            later=compile_rule(r"\b(?:%(moves_on)s)\b", cues),
            background=compile_rule(
                r"(?:^|\n)[ \t]*(?:%(background_labels)s)[ \t]*(?:[:—–-]|\.\s)", cues
            ),
            relating=compile_rule(
                r"[^\w.;]*(?:[\w'’-]+\s+){0,3}?(?:%(relating_patterns)s)\b", cues
            ),
            relating_lead=compile_rule(
                r"^\W*(?:%(relating_subjects)s)\b(?:\s+[\w'’-]+){0,2}?\s+(?:%(relating_patterns)s)\b",
                cues,
            ),
            same_day=compile_rule(r"\b(?:%(same_day_patterns)s)\b", cues),
            trend=compile_rule(r"[^.;]{0,90}?\b(?:%(trend_patterns)s)\b", cues),
            claimed_speech=compile_rule(r"\b(?:%(claimed_speech_patterns)s)\b", cues),
            deployment=compile_rule(r"^(?:%(deployment_patterns)s)$", cues),
            accusing=compile_rule(r"\b(?:%(accusing_patterns)s)\b", cues),
            opinion=compile_rule(r"^\W*(?:%(opinion_labels)s)\s*(?:[:—–]|-\s)", cues),
        )

    def opinion_piece(self, article: Article) -> bool:
        """Whether the report is labelled an opinion piece, in its title or its first words."""
        return bool(self.opinion.match(article.title) or self.opinion.match(article.text[:40]))


def toll_scores(text: str, scores: Sequence[TypeScore], casualties: list[Casualty],
                actors: ActorFinder, min_score: float,
                situated: Callable[[], bool] = lambda: False) -> list[TypeScore]:  # fmt: skip
    """The event types a toll lends a sentence whose own words tell none (empty when it lends
    none): a toll with an armed actor, or civilians killed with nothing saying it was anything
    else, is violence; so are people of no stated side killed on a day and at a place the
    sentence gives (``situated``: "Trente-neuf personnes ont été tuées samedi dans le village
    de Silgadji"), not a figure given after the event ("Plus de 70 personnes ont été tuées")."""
    weak = all(isinstance(s.label, OtherClass) or s.score < min_score for s in scores)
    if not (casualties and weak and all(c.count < STATISTIC for c in casualties)):
        return []
    # A toll with an armed actor is violence even beside a weak word or one of another class
    # ("gunmen killed ten villagers; survivors fled").
    armed = any(a.actor_type in ARMED for a in actors.find(text))
    # Civilians counted as killed, with nothing saying it was anything else (an accident, a
    # disease), are victims of violence even with no armed actor named.
    otherwise = any(isinstance(s.label, OtherClass) and s.score >= min_score for s in scores)
    killed = [c.side for c in casualties
              if c.kind is CasualtyKind.KILLED and c.count >= CIVILIAN_TOLL]  # fmt: skip
    victims = Side.CIVILIANS in killed or (Side.UNKNOWN in killed and situated())
    return scores_from_toll(casualties) if armed or (victims and not otherwise) else []


def claimed_with_toll(scores: Sequence[TypeScore], casualties: list[Casualty], min_score: float,
                      situated: Callable[[], bool], cues: ReportingCues) -> list[TypeScore]:  # fmt: skip
    """A claim that tells the attack it claims, with its toll, day and place ("l'EI a revendiqué
    l'attaque menée vendredi contre le poste de X, qui a coûté la vie à 53 soldats"), tells that
    attack: its violent type goes before the claim; so does a claim to hold hostages taken on a
    day at a place. An accusation ("le rapport accuse des militaires d'avoir tué 223
    villageois") stays one."""
    if not scores or scores[0].label is not OtherClass.ATTRIB:
        return list(scores)
    if any(cues.accusing.search(span.quote) for span in scores[0].evidence):
        return list(scores)
    violent = next((s for s in scores
                    if isinstance(s.label, SubEventType) and s.score >= min_score), None)  # fmt: skip
    killed = any(c.kind is CasualtyKind.KILLED and 0 < c.count < STATISTIC for c in casualties)
    # a kidnapping has no toll: "says it is holding a couple kidnapped in Djibo on Friday"
    held = violent is not None and violent.label is SubEventType.ABDUCTION_FORCED_DISAPPEARANCE
    if violent is None or not (killed or held) or not situated():
        return list(scores)
    return [violent, *(s for s in scores if s is not violent)]


def without_deployments(scores: Sequence[TypeScore], cues: ReportingCues) -> list[TypeScore]:
    """A sentence's types less a change of group told only by forces sent or stationed ("before
    reinforcements arrived", "troops deployed in the region"): a label for a snippet, but no event
    a coder records, nor a type for the passage."""
    return [
        s for s in scores
        if not (s.label is SubEventType.CHANGE_TO_GROUP_ACTIVITY and s.evidence
                and cues.deployment.match(s.evidence[0].quote))
    ]  # fmt: skip


def reports_event(sentence: Sentence, modality: ModalityReader, min_score: float,
                  cues: ReportingCues) -> bool:  # fmt: skip
    """Whether the sentence tells an event of its own: a trigger strong enough, asserted (or
    foiled), and not said of events in general, of the past or of an agreement undone."""
    if not sentence.scores or sentence.text.rstrip(" »\"”'’").endswith("?"):
        return False  # a question ("Qui est derrière cette attaque ?") tells no event
    top = sentence.scores[0]
    if isinstance(top.label, OtherClass) or top.score < min_score:
        return False
    # Only cues that can govern the trigger count: "the attacks on Tuesday, for which no toll
    # has been published" still reports the attacks.
    trigger = top.evidence[0] if top.evidence else None
    before = sentence.text[max(0, trigger.start - 40) : trigger.end] if trigger else ""
    around = sentence.text[max(0, trigger.start - 40) : trigger.end + 60] if trigger else ""
    # The dates are read last: they are the dearest test and most sentences need not reach it.
    if (before and (cues.generic.search(before) or cues.fled.search(before)
                    or cues.places.search(before) or cues.habitual.search(around))
            and not sentence.dates):  # fmt: skip
        return False  # "many attacks have been foiled", "the roads are regularly mined"
    if (trigger and cues.trend.match(sentence.text, trigger.end)
            and trigger.quote.lower().endswith(("s", "x"))  # a plural: "attacks"
            and not sentence.dates):  # fmt: skip
        return False  # "attacks on civilians have risen sharply": a trend, not an event
    if (sentence.index > 0 and before and cues.pluperfect.search(before)
            and cues.earlier.search(sentence.text)):  # fmt: skip
        return False  # "celle d'Inata, qui avait provoqué des manifestations": what came before
    if stirred_at(sentence, cues) is not None:
        return False  # "la colère s'est renforcée après l'attaque d'Inata": recalled to explain
    if trigger and relating_at(sentence, cues) is not None:
        return False  # "L'attaque intervient une semaine après celle de Dioura, où ..."
    if (top.label is SubEventType.AGREEMENT and trigger
            and cues.undone.search(sentence.text[max(0, trigger.start - 80) : trigger.start])):  # fmt: skip
        return False  # "ended the military agreement": an agreement undone is not one made
    if (top.label is SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY
            and cues.casualty_evacuation.search(sentence.text)):  # fmt: skip
        return False  # "the wounded were evacuated to Niamey"
    if (top.label in TERRITORY and trigger
            and cues.people_handed_over.search(sentence.text, trigger.start)):  # fmt: skip
        return False  # "the five were handed over to the judicial unit": people, not ground
    kind = modality.read(sentence.text, trigger, opening=sentence.index == 0).kind
    return kind in ("asserted", "foiled")


def stirred_at(sentence: Sentence, cues: ReportingCues) -> int | None:
    """Where a sentence after a report's opening names an attack as what stirred the public
    ("La colère s'est renforcée | après l'attaque d'Inata, où 53 personnes ont été tuées"): the
    attack is recalled to explain, and its toll is not the news's."""
    if sentence.index == 0 or not sentence.scores or not sentence.scores[0].evidence:
        return None
    trigger = sentence.scores[0].evidence[0]
    match = cues.stirred.search(sentence.text, max(0, trigger.start - 90), trigger.start)
    return match.start() if match else None


def background_paragraphs(text: str, read: Sequence[Sentence], cues: ReportingCues) -> set[int]:
    """The sentences of paragraphs that say they are background ("Contexte — Les camps de
    Boulkessi et de Mondoro avaient été la cible ..."): no event of their own."""
    found: set[int] = set()
    for match in cues.background.finditer(text):
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        found |= {s.index for s in read if match.start() <= s.span.start < end}
    return found


def relating_at(sentence: Sentence, cues: ReportingCues) -> int | None:
    """Where a sentence after the opening turns from the event to another it is set beside
    ("L'attaque survient une semaine après | celle de Dioura, où 23 soldats avaient été tués"),
    or None. What follows is the other event's: its tolls and claims are not this one's."""
    if sentence.index == 0:
        return None
    if (lead := cues.relating_lead.match(sentence.text)) is not None:
        return lead.end()  # "Ces actions interviennent quelques jours après | l'embuscade ..."
    ends = [match.end() for match in _relating(sentence, cues)
            if not cues.same_day.search(match.group())]  # fmt: skip
    return min(ends, default=None)


def denied_claims(read: Sequence[Sentence], modality: ModalityReader,
                  cues: ReportingCues) -> set[int]:  # fmt: skip
    """The sentences that retell a claim the report opens by denying ("The ministry rejected
    claims by the group that it had killed 20 soldiers ... The group said it had attacked an
    army patrol near Téra"): the claim again, no event of its own."""
    if not read or modality.read(read[0].text, opening=True).kind is not ModalityKind.DENIED:
        return set()
    return {s.index for s in read[1:] if cues.claimed_speech.search(s.text)}


def same_day_at(sentence: Sentence, cues: ReportingCues) -> int | None:
    """Where a sentence after the opening turns from the event to another a few hours before it
    ("the assault came a few hours after | rockets hit a passenger boat near Bamba, killing 49"),
    or None. What follows is an event of the same day, told: its own words and toll."""
    if sentence.index == 0:
        return None
    ends = [match.end() for match in _relating(sentence, cues)
            if cues.same_day.search(match.group())]  # fmt: skip
    return min(ends, default=None)


def _relating(sentence: Sentence, cues: ReportingCues) -> list[re.Match[str]]:
    return [match for score in sentence.scores for span in score.evidence
            if (match := cues.relating.match(sentence.text, span.end))]  # fmt: skip


def second_parties(read: list[Sentence], events: set[int], cues: PassageCues) -> set[int]:
    """Sentences that tell a second party of attackers striking, right after an event ("a
    second group struck the air base", "un autre groupe a pris pour cible la base"): events of
    the type just told, even when their own verb is one the classifier does not know.

    Each such sentence is given the type just told as its top score."""
    found: set[int] = set()
    for sentence in read:
        hinted = any(w in sentence.text for w in cues.second_party_hints)
        if sentence.index in events or not hinted:
            continue
        match = cues.second_party.search(sentence.text)
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


def reprisals(read: list[Sentence], events: set[int], cues: PassageCues, actors: ActorFinder,
              on: dt.date | None) -> set[int]:  # fmt: skip
    """Sentences that tell a militia's reprisals after an event ("Koglweogo members then went
    after Fulani households, accusing them of complicity", "des dozos ont mené des
    représailles"): events of their own, done by another party, even in the same village on
    the same day. The militia must not be named in any event sentence before (the lead "Dozo
    hunters killed 30 villagers in reprisal" is that event told once).

    A sentence with no violent type of its own is given that of a killing of civilians."""
    first = min(events, default=None)
    if first is None:
        return set()

    def militias(sentence: Sentence) -> set[str]:
        return {a.name for a in actors.find(sentence.text, on=on) if a.family == "militia"}

    found: set[int] = set()
    for sentence in read[first + 1 :]:
        match = cues.reprisal.search(sentence.text)
        if match is None:
            continue  # read the actors only of the rare sentences that tell reprisals
        # the militias the events (and reprisals) before it name
        named = {name for s in read[first : sentence.index]
                 if s.index in events or s.index in found for name in militias(s)}  # fmt: skip
        if militias(sentence) - named:
            top = sentence.scores[0] if sentence.scores else None
            violent = (isinstance(top.label, SubEventType)
                       and top.label.event_type.is_political_violence) if top else False  # fmt: skip
            if not violent:
                sentence.scores = [TypeScore(SubEventType.ATTACK, REPRISAL_SCORE,
                                             (Span(match.start(), match.end(), match.group()),)),
                                   *sentence.scores]  # fmt: skip
            found.add(sentence.index)
    return found


def same_toll(around: Sequence[Sentence], on: dt.date, place: Resolution | None,
              passage: Passage, cues: ReportingCues) -> list[Sentence]:  # fmt: skip
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
            if cues.later.search(s.text) or any(p.name.lower() not in names for p in s.places):
                break
            if (s.casualties and not cues.elsewhen.search(s.text)
                    and all(abs((d.date - on).days) <= 7 for d in s.dates)):  # fmt: skip
                found.append(s)
    return found
