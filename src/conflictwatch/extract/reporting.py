"""What a sentence reports: cues that a trigger tells no event of its own, and tolls told beside one.

A sentence with an event word may still tell no event: attacks counted in general ("many attacks
have been foiled"), what people fled, what happens as a habit, what came before the news, an
agreement undone. A sentence with no event word may still tell one: a toll with an armed actor
beside it, or civilians killed. Functions over the readers' records, with no I/O.

    reports_event(sentence, modality, min_score=1.0)  # -> True for "Gunmen attacked Inata."
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..geo.geocoder import Resolution
from ..taxonomy import SubEventType
from .actors import ActorFinder
from .coding import ARMED, scores_from_toll
from .modality import ModalityReader
from .placing import FOLLOW_AFTER, location_name
from .records import Casualty, CasualtyKind, OtherClass, Side, Span, TypeScore
from .segments import Passage, PassageCues, Sentence

#: Civilians killed, at least this many, make a sentence report violence with no actor named.
CIVILIAN_TOLL = 5

#: A count this large with no event word is a statistic ("14,284 enfants victimes de
#: violence ... en 2021"), not the toll of one event.
STATISTIC = 1000

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


def toll_scores(text: str, scores: Sequence[TypeScore], casualties: list[Casualty],
                actors: ActorFinder, min_score: float) -> list[TypeScore]:  # fmt: skip
    """The event types a toll lends a sentence whose own words tell none (empty when it lends
    none): a toll with an armed actor, or civilians killed with nothing saying it was anything
    else, is violence."""
    weak = all(isinstance(s.label, OtherClass) or s.score < min_score for s in scores)
    if not (casualties and weak and all(c.count < STATISTIC for c in casualties)):
        return []
    # A toll with an armed actor is violence even beside a weak word or one of another class
    # ("gunmen killed ten villagers; survivors fled").
    armed = any(a.actor_type in ARMED for a in actors.find(text))
    # Civilians counted as killed, with nothing saying it was anything else (an accident, a
    # disease), are victims of violence even with no armed actor named.
    otherwise = any(isinstance(s.label, OtherClass) and s.score >= min_score for s in scores)
    victims = any(c.kind is CasualtyKind.KILLED and c.side is Side.CIVILIANS
                  and c.count >= CIVILIAN_TOLL for c in casualties)  # fmt: skip
    return scores_from_toll(casualties) if armed or (victims and not otherwise) else []


def reports_event(sentence: Sentence, modality: ModalityReader, min_score: float) -> bool:
    """Whether the sentence tells an event of its own: a trigger strong enough, asserted (or
    foiled), and not said of events in general, of the past or of an agreement undone."""
    if not sentence.scores:
        return False
    top = sentence.scores[0]
    if isinstance(top.label, OtherClass) or top.score < min_score:
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
    kind = modality.read(sentence.text, trigger).kind
    return kind in ("asserted", "foiled")


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


def same_toll(around: Sequence[Sentence], on: dt.date, place: Resolution | None,
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
