"""Several passages of one article: which tell an event of their own, which tell the lead's
background, and which tell an event already told (and are merged into it).

The words these rules look for (fighting going on, "the attack" told again, the response to an
attack) come from the pack, in :class:`~.segments.PassageCues`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from ..knowledge import fold
from ..model import Evidence, Mention
from ..taxonomy import ActorType, EventType, GeoPrecision, SubEventType, TimePrecision
from .coding import CLAIMANTS, TERRITORY
from .dating import dated_by_report
from .segments import FIGHTING_DAYS_APART, Passage, PassageCues, Sentence

#: How close (in degrees, ~30 km) a second telling of the same day's violence must be.
SAME_EVENT_DEGREES = 0.3


#: A passage about something this long before publication, after the lead, is background.
BACKGROUND_DAYS = 31


#: A later passage dated this long before the lead's event tells what led up to it.
BEFORE_LEAD_DAYS = 7

#: The events an armed group's claim of "both attacks" covers.
CLAIMED_TYPES = frozenset({EventType.BATTLES, EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                           EventType.VIOLENCE_AGAINST_CIVILIANS})  # fmt: skip


def is_background(mention: Mention, published: dt.date, lead: Mention) -> bool:
    """After the lead, old news is context: anything over a month before publication, or well
    before the lead's own event ("the deadliest attack since the coup in July")."""
    if (published - mention.event_date).days > BACKGROUND_DAYS:
        return True
    if (mention.time_precision in (TimePrecision.WEEK, TimePrecision.MONTH)
            and lead.time_precision is TimePrecision.DAY):  # fmt: skip
        return True  # "earlier this month, militants attacked a camp": recalled, not the news
    if lead.time_precision is TimePrecision.WEEK and lead.event_date == published:
        return False  # a lead of no day ("three attacks in under three weeks"): none to precede
    return (lead.event_date - mention.event_date).days > BEFORE_LEAD_DAYS


#: Tags of situations that last: their start may lie months before the report that tells them.
SITUATIONS = frozenset({"siege", "blockade"})


def long_before(mention: Mention, published: dt.date) -> bool:
    """Even as the lead, a passage dated only to a month more than a month before publication
    ("the junta that seized power in July", "deployed since November") is context, not news;
    a siege or blockade "since May" is not: it is still going on."""
    return (
        mention.time_precision is TimePrecision.MONTH
        and (published - mention.event_date).days > BACKGROUND_DAYS
        and not SITUATIONS & set(mention.tags)  # a siege "since May" is still going on
    )


#: The opening sentences of a report: the only place an old event can be its news.
LEAD_SENTENCES = 2


def old_news(mention: Mention, passage: Passage, published: dt.date) -> bool:
    """An event over a month old that a report reaches only after its opening is the report's
    background, even when no newer event comes before it (an opinion piece recalling
    massacres, an announcement recalling when a town was retaken); a report that opens on it
    (a UN inquiry into a year-old massacre) is about it."""
    return (
        passage.sentences[0].index >= LEAD_SENTENCES
        and (published - mention.event_date).days > BACKGROUND_DAYS
        and not SITUATIONS & set(mention.tags)
    )


#: How near (in characters) a day must be to a word of fighting to be a day of fighting,
#: not that of a claim, a communiqué or a day of mourning.
NEAR_FIGHT = 80


def fighting_days(passage: Passage, mention: Mention, cues: PassageCues) -> list[dt.date]:
    """The days of a battle a telling says went on over several days, in order ("first
    engaged the column on Thursday, then clashed with it again on Saturday"); ACLED codes one
    event per day. Empty when the telling gives one day, or days of its report only."""
    if (
        mention.event_type is not EventType.BATTLES
        or mention.time_precision is not TimePrecision.DAY
    ):
        return []
    if not any(cues.continued.search(s.text) for s in passage.sentences):
        return []
    if len({fold(p.name) for s in passage.sentences for p in s.places}) > 1:
        return []  # "après Gao samedi, Tombouctou lundi": sites, each on its day
    days = set()
    for sentence in passage.sentences:
        fights = [span for score in sentence.scores if isinstance(score.label, SubEventType)
                  and score.label.event_type is EventType.BATTLES for span in score.evidence]  # fmt: skip
        for d in sentence.dates:
            if (d.precision is TimePrecision.DAY and d.date_end is None
                    and not cues.report_day(sentence.text, d)
                    and any(abs(d.start - f.start) <= NEAR_FIGHT for f in fights)):  # fmt: skip
                days.add(d.date)
    ordered = sorted(days)
    if len(ordered) < 2 or (ordered[-1] - ordered[0]).days > FIGHTING_DAYS_APART:
        return []
    return ordered


def anchored(passage: Passage, cues: PassageCues) -> bool:
    """A later passage reports an event of its own only if its trigger sentences name a place
    or a day; otherwise it tells more about an event already told ("the wounded were
    evacuated", "the unit came under attack"). "The attack" with no day of its own is the one
    already told, wherever it names ("the attack was not claimed, but the area around Bankilaré
    is a stronghold of ...")."""
    header = [passage.header] if passage.header is not None else []
    return any((s.dates or (s.places and not _anaphoric(s, cues))) and not _condemned(s, cues)
               for s in (*header, *passage.sentences))  # fmt: skip


#: How far before its trigger a word of condemnation governs it.
CONDEMNED_CHARS = 40


def _condemned(sentence: Sentence, cues: PassageCues) -> bool:
    """ "Rafini, who went there on Sunday, condemned what he called a barbaric attack": the
    event told, condemned, whatever day or place the sentence names."""
    top = sentence.scores[0] if sentence.scores else None
    if top is None or not top.evidence:
        return False
    start = top.evidence[0].start
    return cues.condemned.search(sentence.text, max(0, start - CONDEMNED_CHARS), start) is not None


def _anaphoric(sentence: Sentence, cues: PassageCues) -> bool:
    top = sentence.scores[0] if sentence.scores else None
    if top is None or not top.evidence:
        return False
    trigger = top.evidence[0]
    if trigger.quote.lower() not in cues.event_nouns:
        return False
    if cues.definite.search(sentence.text[max(0, trigger.start - 30) : trigger.start]) is None:
        return False
    # "l'attaque de Mondoro", "à Arlit, l'explosion": the event placed by its own phrase is
    # its own; a place told further on is said of something else.
    return not any(p.start < trigger.start or p.start - trigger.end <= 25 for p in sentence.places)


def _within(later: Mention, first: Mention) -> bool:
    """Whether the later telling is placed at the admin area (or its seat) that holds the
    first one's place."""
    if later.geo_precision is GeoPrecision.PLACE:
        return False  # a town told as such is a place of its own, even the area's seat
    area = fold(later.location)
    return bool(area) and area in {fold(first.admin1), fold(first.admin2)} - {""}


def same_event(a: Mention, b: Mention, loose: bool = True, ordinal: bool = False) -> bool:
    """Two passages of one article telling the same event: same type, place and days; or, for
    political violence told without a word of another event (``loose``), the same day close by
    with no toll of the later telling's own ("the convoy was attacked at X", after "soldiers
    were killed on the road to Y"). A later telling of "a second" or "another" doer on a day
    of its own (``ordinal``) is another event."""
    if a.latitude is None or b.latitude is None or a.longitude is None or b.longitude is None:
        return a.sub_event_type is b.sub_event_type and a.location == b.location
    d_lat, d_lon = abs(a.latitude - b.latitude), abs(a.longitude - b.longitude)
    if a.sub_event_type is b.sub_event_type and abs((a.event_date - b.event_date).days) <= 2:
        if ordinal and a.event_date != b.event_date:
            return False  # "Samedi soir, un second kamikaze ...", after Friday's: another day's
        # ... or the first named only the province ("dans la province du Soum") and the later,
        # that day, the spot in it ("à une soixantaine de kilomètres de Djibo")
        return (d_lat < 0.1 and d_lon < 0.1) or (
            loose and a.event_date == b.event_date and a.event_type.is_political_violence
            and _within(a, b))  # fmt: skip
    if b.sub_event_type in TERRITORY and b.event_date > a.event_date:
        # The town attacked on Friday and retaken on Saturday: two events, whatever the place.
        return False
    violent = a.event_type.is_political_violence and b.event_type.is_political_violence
    if loose and violent and abs((a.event_date - b.event_date).days) <= 1 and _within(b, a):
        # "near Teguey", then "the area around Bankilaré": the later telling names the area
        # the first place lies in.
        return True
    if (loose and a.event_type is EventType.PROTESTS and b.event_type is EventType.PROTESTS
            and abs((a.event_date - b.event_date).days) <= 1 and a.location == b.location):  # fmt: skip
        # "the town was patrolled on Wednesday, the day after a march", then the march dispersed
        # with live rounds: one demonstration, typed by the force used on it (see merged).
        return True
    ground = {a.sub_event_type, b.sub_event_type} <= _GROUND_FIGHTS
    if loose and ground and a.event_date == b.event_date and a.location == b.location:
        # The attack on the convoy and the fight with its escort, at one place on one day,
        # told without a word of another event: one event, whatever each passage counts.
        return True
    return (loose and violent and a.event_date == b.event_date and not b.fatalities
            and d_lat < SAME_EVENT_DEGREES and d_lon < SAME_EVENT_DEGREES)  # fmt: skip


#: How far (in degrees, ~150 km) what follows an attack may be told from it: the response is
#: often placed at the town it came from, the burning at the area's seat.
AFTERMATH_DEGREES = 1.5


def aftermath(lead: Mention, later: Mention, cues: PassageCues) -> bool:
    """What a later passage tells about an attack already told, within two days and close by:
    houses burnt, goods or arms taken during it that day (ACLED codes the attack, not its spoils), the
    reinforcements sent after it, or an air or drone strike close by with no toll of its own
    told a day off (the attackers' drones, the air support called in)."""
    if (
        not lead.event_type.is_political_violence
        or lead.event_type is EventType.STRATEGIC_DEVELOPMENTS
    ):
        return False
    if abs((later.event_date - lead.event_date).days) > 2:
        return False
    if None in (lead.latitude, lead.longitude, later.latitude, later.longitude):
        return False
    far = max(abs(lead.latitude - later.latitude), abs(lead.longitude - later.longitude))  # type: ignore[operator]
    if far > AFTERMATH_DEGREES:
        return False
    kind = later.sub_event_type
    trigger = next((e.quote for e in later.evidence if e.field == "sub_event_type"), "")
    if kind is SubEventType.LOOTING_PROPERTY_DESTRUCTION:
        # cattle taken two days later at a town 100 km off is a raid of its own
        return abs((later.event_date - lead.event_date).days) <= 1 or far < SAME_EVENT_DEGREES
    if kind is SubEventType.DISRUPTED_WEAPONS_USE:
        # The vehicle "intercepted" or the arms seized by the attackers that day: the attack.
        return later.event_date == lead.event_date and not later.fatalities
    if kind is SubEventType.CHANGE_TO_GROUP_ACTIVITY:
        return bool(cues.response.search(trigger))
    # The air support called in strikes where the fighting is; a strike told at another place
    # (a gathering of fighters in a forest 140 km away) is an operation of its own.
    return (
        kind in (SubEventType.AIR_DRONE_STRIKE, SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK)
        and not later.fatalities
        and abs((later.event_date - lead.event_date).days) <= 1
        and far < SAME_EVENT_DEGREES
    )


_GROUND_FIGHTS = frozenset({SubEventType.ATTACK, SubEventType.ARMED_CLASH})


def attackers_fell(lead: Mention, later: Mention) -> bool:
    """A later telling whose only dead are the attackers ("Seven assailants were killed", "Les
    deux assaillants ont été abattus lundi matin"), at the place of an attack already told and
    within a day of it: the attackers killed in it or in ending it, not a battle of their own."""
    return (
        later.sub_event_type is SubEventType.ARMED_CLASH
        and lead.event_type.is_political_violence
        and lead.event_type is not EventType.STRATEGIC_DEVELOPMENTS
        and set(later.fatalities_by_side) == {"attackers"}
        and abs((later.event_date - lead.event_date).days) <= 1
        and _close(lead, later)
    )


#: Demonstrations by the force used on them, least first.
_FORCE_USED = (SubEventType.PEACEFUL_PROTEST, SubEventType.PROTEST_WITH_INTERVENTION,
               SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS)  # fmt: skip


def merged(a: Mention, b: Mention) -> Mention:
    """Keep the first telling, with the higher toll and everything both passages cite; an attack
    and a clash told of one event are typed by who died."""
    kept = a
    if {a.sub_event_type, b.sub_event_type} == _GROUND_FIGHTS:
        # One event told as an attack and as a clash: a battle if the armed on either side
        # died or no one is said to have, an attack on civilians if only civilians did.
        sides = {**b.fatalities_by_side, **a.fatalities_by_side}
        armed_dead = any(sides.get(side, 0) for side in ("state", "attackers"))
        only_civilians = sides.get("civilians", 0) > 2 and not armed_dead
        wanted = SubEventType.ATTACK if only_civilians else SubEventType.ARMED_CLASH
        kept = a if a.sub_event_type is wanted else b
    elif a.event_type is EventType.PROTESTS and b.event_type is EventType.PROTESTS:
        # one demonstration told twice: the force used on it types it, on the day it was used
        kept = max((a, b), key=lambda m: _FORCE_USED.index(m.sub_event_type))
        a = replace(a, event_date=kept.event_date, time_precision=kept.time_precision)
    if (a.actor1.startswith("Unidentified") and b.inter1 in CLAIMANTS
            and not b.actor1.startswith("Unidentified") and b.actor1 != a.actor2):  # fmt: skip
        # "gunmen attacked the town", then "some 3,000 JNIM fighters converged on it": the
        # group the later telling names
        a = replace(a, actor1=b.actor1, inter1=b.inter1,
                    evidence=tuple(e for e in a.evidence if e.field != "actor1"))  # fmt: skip
    return replace(
        a,
        event_type=kept.event_type,
        sub_event_type=kept.sub_event_type,
        fatalities=max(a.fatalities, b.fatalities),
        fatalities_low=max(a.fatalities_low or 0, b.fatalities_low or 0),
        fatalities_high=max(a.fatalities_high or 0, b.fatalities_high or 0),
        actor2=a.actor2 or b.actor2,
        inter2=a.inter2 or b.inter2,
        outcome=a.outcome or b.outcome,
        tags=tuple(dict.fromkeys((*a.tags, *b.tags))),
        evidence=(*a.evidence, *b.evidence),
        confidence=max(a.confidence, b.confidence),
    )


def with_attackers(lead: Mention, later: Mention) -> Mention:
    """The attack told first, with the attackers' dead of a later telling added to its toll
    (unless it already counted them) and what that telling cites."""
    counted = lead.fatalities_by_side.get("attackers", 0)
    extra = max(0, later.fatalities - counted)
    sides = {**lead.fatalities_by_side, "attackers": max(counted, later.fatalities)}
    return replace(
        lead,
        fatalities=lead.fatalities + extra,
        fatalities_low=(lead.fatalities_low or 0) + extra,
        fatalities_high=(lead.fatalities_high or 0) + extra,
        fatalities_by_side=sides,
        evidence=(*lead.evidence, *later.evidence),
        confidence=max(lead.confidence, later.confidence),
    )


#: How long after an event it may still be reported ("the toll has risen, the government said on
#: Tuesday"), for a telling dated only by its report to be the same event as one dated itself.
REPORTED_WITHIN_DAYS = 10


def _close(a: Mention, b: Mention) -> bool:
    """Whether two tellings are placed within the same-event distance of each other."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return (abs(a.latitude - b.latitude) < SAME_EVENT_DEGREES  # type: ignore[operator]
            and abs(a.longitude - b.longitude) < SAME_EVENT_DEGREES)  # type: ignore[operator]  # fmt: skip


def retold(reported: Mention, dated: Mention) -> bool:
    """A telling dated only by the day it was reported ("the government on Wednesday revised the
    toll from an attack on X") and one that gives the event's own day ("gunmen surrounded the
    village on Sunday") tell the same event when type and place agree and the report came after.
    """
    if reported.sub_event_type is not dated.sub_event_type:
        return False
    days = (reported.event_date - dated.event_date).days
    return _close(reported, dated) and 0 < days <= REPORTED_WITHIN_DAYS


#: A day of fighting that is not the last one: the toll, not told day by day, is the last day's.
_NO_TOLL: dict[str, Any] = {
    "fatalities": 0, "fatalities_low": 0, "fatalities_high": 0, "fatalities_by_side": {},
}  # fmt: skip


#: How many days before an undated lead ("gunmen have attacked worshippers twice", "three
#: attacks in under three weeks") the events it announces may lie: those a report still tells
#: as news after its lead (see :func:`is_background`).
UNDATED_LEAD_DAYS = BACKGROUND_DAYS


def _undated(passage: Passage) -> bool:
    """A passage with no day at all ("Gunmen have attacked worshippers twice in two days"):
    dated by its report, like one whose only days are its report's."""
    return not any(s.dates for s in passage.all_sentences)


def _fills(site: Mention, mention: Mention) -> bool:
    """Whether a telling is a site a lead announced: told on its day or the next, or, when the
    lead gave no day of its own (dated by the report, to the week), in the week before it."""
    days = (site.event_date - mention.event_date).days
    if site.time_precision is TimePrecision.WEEK:
        return 0 <= days <= UNDATED_LEAD_DAYS
    return abs(days) <= 1


@dataclass
class ArticleEvents:
    """The events one article tells, gathered passage by passage: a new telling is merged into
    an event already told, fills a site a lead announced, or is an event of its own.

        told = ArticleEvents(cues)
        if not told.merge(mention, passage, second):
            told.add(mention)
    """

    cues: PassageCues
    mentions: list[Mention] = field(default_factory=list)
    #: Sites a telling announced but did not name ("two attacks on Thursday").
    waiting: list[Mention] = field(default_factory=list)
    #: Mentions dated only by the day they were reported.
    reported: set[str] = field(default_factory=set)

    def merge(self, mention: Mention, passage: Passage, second: bool) -> bool:
        """Merge a telling of an event already told into it; whether it was one. A ``second``
        party of attackers is always another event."""
        if dated_by_report(passage, self.cues) or _undated(passage):
            self.reported.add(mention.id)
        # A telling dated only by its report and one dated by the event itself: one event, on
        # the event's day.
        again = next((m for m in self.mentions if not second and (
                          (m.id in self.reported and mention.id not in self.reported
                           and retold(m, mention))
                          or (mention.id in self.reported and m.id not in self.reported
                              and retold(mention, m)))), None)  # fmt: skip
        if again is not None:
            day = min(again.event_date, mention.event_date)
            both = replace(merged(again, mention), event_date=day,
                           time_precision=mention.time_precision
                           if again.id in self.reported else again.time_precision)  # fmt: skip
            self.reported.discard(again.id)
            self._replace(again, both)
            return True
        loose = self.cues.another.search(passage.sentences[0].text) is None
        ordinal = self.cues.ordinal.search(passage.sentences[0].text) is not None
        # "The violence resumed on Wednesday": that day's event, not the first day's told again.
        resumed = (mention.id not in self.reported
                   and self.cues.resumed.search(passage.sentences[0].text) is not None)  # fmt: skip
        same = next((m for m in self.mentions if not second
                     and not (resumed and m.event_date != mention.event_date)
                     and same_event(m, mention, loose, ordinal)), None)  # fmt: skip
        if same is None and self.mentions and loose and not second:
            same = next((m for m in self.mentions if aftermath(m, mention, self.cues)), None)
        if (same is None and loose and not second
                and not self.cues.counter_operation.search(passage.sentences[0].text)):  # fmt: skip
            # (the attackers killed in an operation launched after the attack: its own event)
            fell = next((m for m in self.mentions if attackers_fell(m, mention)), None)
            if fell is not None:  # the attack's own toll gains its attackers' dead
                self._replace(fell, with_attackers(fell, mention))
                return True
        if same is None:
            return False
        told = merged(same, mention)
        self._replace(same, told)
        if told in self.waiting:  # a site announced, now told: it waits no more
            self.waiting.remove(told)
        return True

    def taken_up(self, mention: Mention, passage: Passage) -> Mention:
        """A telling of violence taken up again ("de nouveaux accrochages ont été signalés le 5
        juin aux abords de Bosso") that names no one: the parties of the fighting it resumes,
        told earlier at that place, with the quotes that named them."""
        if self.cues.resumed.search(passage.sentences[0].text) is None:
            return mention
        earlier = next((m for m in self.mentions
                        if m.event_type is mention.event_type and m.event_date < mention.event_date
                        and _close(m, mention)), None)  # fmt: skip
        if earlier is None:
            return mention
        named = tuple(e for e in earlier.evidence if e.field in ("actor1", "actor2"))
        return replace(mention, actor1=earlier.actor1, inter1=earlier.inter1,
                       actor2=earlier.actor2, inter2=earlier.inter2,
                       evidence=(*mention.evidence, *named))  # fmt: skip

    def add_days(self, mention: Mention, days: list[dt.date]) -> None:
        """One event per day of fighting; the toll, not told day by day, goes to the last day,
        when the fighting the report counts had ended."""
        self.mentions.extend(
            replace(mention, id=f"{mention.id}-d{i}" if i else mention.id,
                    event_date=day, **({} if day == days[-1] else _NO_TOLL))
            for i, day in enumerate(days)
        )  # fmt: skip

    def add_sites(self, split: list[Mention], unnamed: int) -> None:
        """The sites of one telling; the last ``unnamed`` of them wait for a passage naming them."""
        self.mentions.extend(split)
        self.waiting.extend(split[len(split) - unnamed :] if unnamed else [])

    def add(self, mention: Mention) -> None:
        """An event of its own, or a site announced but not named ("two attacks on Thursday")
        that this passage of the same day tells."""
        told = next((m for m in self.waiting if _fills(m, mention)
                     and m.event_type.is_political_violence
                     and mention.event_type.is_political_violence), None)  # fmt: skip
        if told is not None:
            self.waiting.remove(told)
            self.mentions[self.mentions.index(told)] = mention
        else:
            self.mentions.append(mention)

    def struck(self, strike: Mention | None) -> None:
        """A strike on attackers as they withdrew from a fight (see :mod:`.pursuit`), unless a
        telling of the fight told it already."""
        if strike is not None and not any(
            m.sub_event_type is strike.sub_event_type and m.event_date == strike.event_date
            and m.location == strike.location for m in self.mentions
        ):  # fmt: skip
            self.mentions.append(strike)

    def claimed(self, name: str, actor_type: ActorType, evidence: Evidence) -> None:
        """A claim of "both attacks" told after the second: the attacks told so far that no
        named group did were the claimant's."""
        for m in list(self.mentions):
            if m.actor1.startswith("Unidentified") and m.event_type in CLAIMED_TYPES:
                kept = tuple(e for e in m.evidence if e.field != "actor1")
                self._replace(m, replace(m, actor1=name, inter1=actor_type,
                                         evidence=(*kept, evidence)))  # fmt: skip

    def _replace(self, old: Mention, new: Mention) -> None:
        self.mentions[self.mentions.index(old)] = new
        self.waiting = [new if m is old else m for m in self.waiting]
