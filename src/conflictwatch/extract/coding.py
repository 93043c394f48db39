"""ACLED coding rules over one passage's reading: whether it counts as an event, which sub-event
type it is given who was hit and who acted, and who is actor1 and actor2.

Pure functions over the records the readers produce; the :class:`~.extractor.Extractor` applies
them in order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Mention
from ..taxonomy import ActorType, EventType, SubEventType
from .contests import TERRITORY, TERRITORY_TYPES
from .modality import says_no_one_was_hurt
from .records import ActorMention, Casualty, CasualtyKind, OtherClass, Side, Span, TypeScore
from .segments import Passage, Sentence

ARMED = frozenset({ActorType.STATE_FORCES, ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA,
                   ActorType.IDENTITY_MILITIA, ActorType.EXTERNAL_OTHER_FORCES})  # fmt: skip
CROWDS = frozenset({ActorType.PROTESTERS, ActorType.RIOTERS})


#: Actors whose claim of an attack names its perpetrator.
CLAIMANTS = frozenset({ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA,
                       ActorType.IDENTITY_MILITIA})  # fmt: skip


def claims_responsibility(sentence: Sentence) -> bool:
    """A sentence that claims responsibility for an event ("JNIM claimed the attack")."""
    return any(s.label is OtherClass.ATTRIB for s in sentence.scores)


def corroborated(mention: Mention) -> bool:
    """A trigger word alone is not an event: it needs the people who did it, or its toll.

    Violence needs an armed actor or a count of killed, wounded or abducted people (a suicide
    bombing has its bomber); protests and riots need a crowd or an armed actor; strategic
    developments need an armed actor, an agreement the two parties that made it, and a change to
    a group or its activity the group named.
    """
    cited = {e.field for e in mention.evidence}
    if mention.sub_event_type is SubEventType.AGREEMENT and not {"actor1", "actor2"} <= cited:
        return False  # "a bilateral agreement", "a ceasefire" told of one side: none was made
    if mention.sub_event_type is SubEventType.CHANGE_TO_GROUP_ACTIVITY and (
            "actor1" not in cited or mention.actor1.startswith("Unidentified")):  # fmt: skip
        return False  # "attackers", "jihadist fighters": no group whose change can be told
    types = {t for field, t in (("actor1", mention.inter1), ("actor2", mention.inter2))
             if field in cited and t is not None}  # fmt: skip
    armed = bool(types & ARMED)
    counted = "fatalities" in cited or bool(mention.wounded) or bool(mention.abducted)
    if mention.event_type is EventType.EXPLOSIONS_REMOTE_VIOLENCE and "actor2" in cited:
        return True  # rockets, shells or a bomb that hit people named: fired by someone
    if mention.sub_event_type is SubEventType.SUICIDE_BOMB:
        return True  # "un kamikaze s'est fait exploser": the bomber is the armed actor
    if mention.event_type.is_political_violence:
        return armed or counted
    if mention.event_type in (EventType.PROTESTS, EventType.RIOTS):
        return armed or bool(types & CROWDS)
    return armed


_VICTIM_TYPES = {
    Side.STATE: (ActorType.STATE_FORCES,),
    Side.CIVILIANS: (ActorType.CIVILIANS,),
    Side.ATTACKERS: (
        ActorType.REBEL_GROUP,
        ActorType.POLITICAL_MILITIA,
        ActorType.IDENTITY_MILITIA,
    ),
}


def victims_are_targets(
    actor1: ActorMention | None,
    actor2: ActorMention | None,
    found: list[ActorMention],
    casualties: list[Casualty],
) -> tuple[ActorMention | None, ActorMention | None]:
    """Whoever the toll says died is the target: "jihadists killed 12 soldiers" puts the
    soldiers second, whatever the word order around the trigger suggested."""
    victims = {c.side for c in casualties if c.kind in (CasualtyKind.KILLED, CasualtyKind.ABDUCTED)}
    for side, kinds in _VICTIM_TYPES.items():
        if side not in victims or actor1 is None or actor1.actor_type not in kinds:
            continue
        others = [a for a in found if a.actor_type not in kinds and a.actor_type in ARMED]
        if others:
            target = actor1
            actor1 = others[0]
            actor2 = target
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
        actor2 = None
    return actor1, actor2


#: Demonstrations that turn into riots when the demonstrators themselves use violence.
PROTESTS = frozenset({SubEventType.PEACEFUL_PROTEST, SubEventType.PROTEST_WITH_INTERVENTION,
                      SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS})  # fmt: skip

_FORCES_SITE = (
    r"(?:(?:army|military|gendarmerie|police|security|air)\s+(?:[\w-]+\s+)?"
    r"(?:camps?|bases?|posts?|outposts?|positions?|schools?|sites?|facility|facilities|"
    r"units?|patrols?|convoys?|columns?|detachments?)|"
    r"barracks|garrison|gendarmerie|air\s+base|"
    r"(?:camps?|bases?|postes?|positions?)\s+(?:militaires?|de\s+l['’]armée|avancés?)|"
    r"casernes?|garnison|(?:école|brigade|poste)\s+de\s+(?:la\s+)?gendarmerie|gendarmerie|"
    r"(?:unité|patrouille|colonne|convoi|détachement)s?\s+(?:de\s+l['’]armée|militaires?)|"
    r"base\s+aérienne|check-?points?|postes?\s+de\s+contr[ôo]le)"
)

#: An attack whose object is a site held by armed forces ("fighters attacked the army camp at
#: X", "des commandos ont frappé l'école de gendarmerie").
_ON_FORCES = re.compile(
    r"\b(?:attack\w*|assault\w*|struck|stormed|raid\w*|targeted|overr[au]n|"
    r"attaqu\w*|assaut|frapp\w*|visé\w*|ciblé\w*|pris\s+pour\s+cible)\b"
    rf"[^.;]{{0,60}}?\b{_FORCES_SITE}\b",
    re.IGNORECASE,
)

#: A fight told as between two sides ("clashes between farmers and herders", "des affrontements
#: ont opposé des chasseurs dozos à des hommes armés"): whoever died, both sides fought.
_BETWEEN_SIDES = re.compile(
    r"\b(?:clash(?:es)?|fighting|gunfight|battle|affrontements?|heurts|accrochages?|combats?)"
    r"\s+(?:\w+\s+)?(?:between|entre|opposant|ont\s+opposé|a\s+opposé)\b",
    re.IGNORECASE,
)

_PLUPERFECT = re.compile(r"\b(?:avait|avaient|had)\s+(?:été\s+|been\s+)?\w+", re.IGNORECASE)


def fought_between(text: str) -> bool:
    """Whether the text tells a fight between two sides ("clashes between farmers and herders",
    "des affrontements ont opposé des chasseurs dozos à des hommes armés")."""
    return bool(_BETWEEN_SIDES.search(text))


def on_forces_site(text: str) -> bool:
    """Whether the text tells an assault on a camp, base, post or patrol of the forces, as the
    report tells it (a claimant's "we targeted army positions" is its own word)."""
    return bool(
        _ON_FORCES.search(text) and not _CLAIMED.search(text) and not _PLUPERFECT.search(text)
    )


#: How strongly a later sentence of a fight must tell a town overtaken by an armed group for the
#: fight to be the taking (the army "in full control" again after an attack it repelled fought a
#: battle: it regained no ground).
TAKEN_SCORE = 1.5
#: Strategic developments that an attack or a fight told in the same passage takes in.
_SPOILS = frozenset({SubEventType.LOOTING_PROPERTY_DESTRUCTION, SubEventType.DISRUPTED_WEAPONS_USE})
_FIGHTS = frozenset({EventType.BATTLES, EventType.VIOLENCE_AGAINST_CIVILIANS})
_VIOLENT = _FIGHTS | {EventType.EXPLOSIONS_REMOTE_VIOLENCE}
#: Fire from afar that a ground fight told first takes in.
_SUPPORT_FIRE = frozenset(
    {SubEventType.AIR_DRONE_STRIKE, SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK}
)
_GROUND = frozenset({
    SubEventType.ARMED_CLASH, SubEventType.ATTACK, SubEventType.GOVERNMENT_REGAINS_TERRITORY,
    SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
})  # fmt: skip


def best_type(passage: Passage, min_score: float) -> tuple[TypeScore, Sentence]:
    """The passage's type: the one its sentences score highest in all, unless the spoils of an
    attack, or aircraft or shells told after a ground fight, outscore the violence the passage
    opens with;
    with the first sentence that gives it (its evidence spans are offsets into that sentence)."""
    totals: dict[object, float] = {}
    firsts: dict[object, tuple[TypeScore, Sentence]] = {}
    for sentence in passage.sentences:
        for score in sentence.scores[:3]:
            if isinstance(score.label, OtherClass):
                continue
            totals[score.label] = totals.get(score.label, 0.0) + score.score
            firsts.setdefault(score.label, (score, sentence))
    label = max(totals, key=lambda k: totals[k])
    lead = passage.sentences[0].scores
    if label in _SPOILS and lead and lead[0].label not in _SPOILS:
        # Goods looted, houses burnt or weapons carried off in an attack, a fight or a strike
        # the passage opens with are part of it: ACLED codes the violence, not its spoils (a
        # passage that opens with a foiled attack stays a disrupted one).
        opening = {score.label for score in lead[:3]}
        violent = [k for k in totals if k in opening and isinstance(k, SubEventType)
                   and k.event_type in _VIOLENT and totals[k] >= min_score]  # fmt: skip
        label = max(violent, key=lambda k: totals[k], default=label)
    elif (isinstance(label, SubEventType) and label.event_type is EventType.STRATEGIC_DEVELOPMENTS
          and lead and isinstance(lead[0].label, SubEventType)
          and lead[0].label.event_type in _VIOLENT and lead[0].score >= min_score
          and all(score.label is not label for score in lead)):  # fmt: skip
        # A state told after the violence the passage opens with ("des dizaines de milliers de
        # personnes vivent sous blocus", after a gendarmerie vehicle hit a mine) is its setting:
        # the event is the violence.
        label = lead[0].label
    elif (label in _SUPPORT_FIRE and lead and lead[0].label in _GROUND
          and all(score.label is not label for score in lead)):  # fmt: skip
        # Aircraft sent after a ground assault the passage opens with ("air support was
        # called in to pursue the attackers"), or the shells that opened it ("the assault began
        # with mortar fire, followed by fighters who overran the post"), are part of it: the
        # event stays the fight.
        label = lead[0].label
    elif (label is SubEventType.ABDUCTION_FORCED_DISAPPEARANCE and lead
          and lead[0].label is SubEventType.ATTACK and lead[0].score >= min_score
          and any(c.kind is CasualtyKind.KILLED and c.count > 0
                  for c in passage.sentences[0].casualties)):  # fmt: skip
        # People carried off in a massacre the passage opens with ("132 civilians killed ...
        # others were taken away"): ACLED codes the killings
        label = SubEventType.ATTACK
    if label in (SubEventType.ARMED_CLASH, SubEventType.ATTACK):
        # The fight in which the town was taken: "after hours of fighting the assailants took
        # control of the town" is the taking (ACLED codes the territory changing hands)
        overtaken = SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY
        if any(score.label is overtaken and score.score >= TAKEN_SCORE
               for sentence in passage.sentences[1:] for score in sentence.scores[:1]):  # fmt: skip
            label = overtaken
        elif (label is SubEventType.ARMED_CLASH and lead and lead[0].label in TERRITORY_TYPES
              and lead[0].score >= TAKEN_SCORE and lead[0].label in totals):  # fmt: skip
            # "L'armée a repris le contrôle de Konna | onze soldats ont été tués dans les
            # combats": the fighting the passage tells after the taking is the taking's (not
            # villagers shot by the men who entered their village: that is the attack)
            label = lead[0].label
    first, holder = firsts[label]
    return TypeScore(first.label, totals[label], first.evidence), holder


_CLAIMED = re.compile(r"\b(?:claim\w*|revendiqu\w*)", re.IGNORECASE)

#: People named as the source of an account ("selon des habitants", "according to residents")
#: are not among those the event hit.
_AS_SOURCE = re.compile(r"\b(?:selon|d['’]après|according\s+to)\b[^.;:]{0,40}$", re.IGNORECASE)

#: Civilians killed in a battle beyond this many make it an attack on civilians.
BYSTANDERS = 2


def retyped(best: TypeScore, passage: Passage, actors: dict[int, list[ActorMention]],
            crowd_told: bool = False, after: Sentence | None = None,
            crowd_burnt: bool = False) -> TypeScore:  # fmt: skip
    """ACLED's type follows who was hit. A "clash" in which only civilians died, more than a
    bystander or two and no armed side among the dead, is an attack on civilians; "set fire to"
    by armed men, with no crowd in sight, is destruction of property, not a riot; a protest in
    which the demonstrators themselves set fire or threw stones is a riot, dispersed or not; a
    crowd's blockade, typed "other", is a protest. Those who burn are a crowd when it is named
    ("protesters") or, with ``crowd_told``, told by its size or as a group of people ("des jeunes
    de Bandiagara"). An attack on things that harmed no one (said in the passage or in the
    sentence ``after`` it) is their destruction; things destroyed by a crowd told doing it
    (``crowd_burnt``) are a riot."""
    texts = {s.index: s.text for s in passage.all_sentences}
    named = [a for i, found in actors.items() for a in found
             if not _AS_SOURCE.search(texts.get(i, "")[: a.start])]  # fmt: skip
    tolls = [c for s in passage.all_sentences for c in s.casualties
             if c.kind is CasualtyKind.KILLED and c.count > 0]  # fmt: skip
    killed = {c.side for c in tolls}
    # Civilians named near a toll of no stated side ("a convoy of civilian vehicles escorted by
    # VDP and soldiers ... 41 dead") are its dead only when no second armed side is in the
    # telling; "28 people were killed in the attack on Toumour", with no forces and no second
    # named group anywhere, were the town's people too.
    armed = [a for a in named if a.actor_type in ARMED]
    groups = {a.name for a in armed if not a.name.startswith("Unidentified")}
    state_side = (ActorType.STATE_FORCES, ActorType.EXTERNAL_OTHER_FORCES)
    two_sides = (len(groups) >= 2 or any(a.actor_type in state_side for a in armed)
                 or any(on_forces_site(s.text) for s in passage.sentences))  # fmt: skip
    named_civilians = any(a.actor_type is ActorType.CIVILIANS for a in named)
    civilians = Side.CIVILIANS in killed or (
        killed <= {Side.UNKNOWN} and not two_sides and (named_civilians or Side.UNKNOWN in killed)
    )
    # (a fight told as between two sides was fought, whoever died: "clashes between farmers and
    # herders left three dead")
    between = any(fought_between(s.text) for s in passage.sentences)
    if (best.label is SubEventType.ARMED_CLASH and civilians and max((c.count for c in tolls),
            default=0) > BYSTANDERS and not killed & {Side.STATE, Side.ATTACKERS}
            and not between):  # fmt: skip
        return replace(best, label=SubEventType.ATTACK)
    if (best.label is SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY and civilians
            and not two_sides and max((c.count for c in tolls), default=0) > BYSTANDERS
            and not killed & {Side.STATE, Side.ATTACKERS}):  # fmt: skip
        # A village stormed by armed men who shot its people, with no forces there to lose it
        # ("des dizaines d'assaillants ont investi la localité, tirant sur les habitants"), was
        # raided: an attack on civilians, not ground taken.
        return replace(best, label=SubEventType.ATTACK)
    # (the forces of an arrest are always there: its dead need not be named civilians)
    if (best.label in (SubEventType.LOOTING_PROPERTY_DESTRUCTION, SubEventType.ARRESTS)
            and (civilians or best.label is SubEventType.ARRESTS) and tolls
            and not killed & {Side.STATE, Side.ATTACKERS}):  # fmt: skip
        # People killed where homes were burnt: the killing is the event ("58 people were
        # killed and vehicles and granaries were set on fire"), as it is when people were
        # rounded up and then shot ("the attackers first rounded up men, then shot them").
        return replace(best, label=SubEventType.ATTACK)
    if (isinstance(best.label, SubEventType)
            and best.label.event_type is EventType.STRATEGIC_DEVELOPMENTS
            and killed & {Side.STATE, Side.ATTACKERS}
            and not any(a.actor_type in CROWDS for a in named)):  # fmt: skip
        # Weapons seized or a camp held where soldiers or fighters were killed: they were fought
        # ("s'être emparé d'armes ... 25 militaires tués, ainsi que quinze assaillants"); a crowd
        # that burnt things where a policeman died rioted (below).
        return replace(best, label=SubEventType.ARMED_CLASH)
    spared = any(says_no_one_was_hurt(s.text) or any(
        c.kind is CasualtyKind.KILLED and c.count == 0 for c in s.casualties)
        for s in [*passage.all_sentences, *([after] if after else [])])  # fmt: skip
    hurt = any(c.count > 0 and c.kind is not CasualtyKind.ARRESTED
               for s in passage.all_sentences for c in s.casualties)  # fmt: skip
    destroyed = any(t.label is SubEventType.LOOTING_PROPERTY_DESTRUCTION
                    for s in passage.all_sentences for t in s.scores)  # fmt: skip
    if best.label is SubEventType.ATTACK and spared and not hurt and destroyed:
        # "ils se sont attaqués aux mausolées ... Aucune victime n'a été signalée": with no one
        # harmed, an attack on things is their destruction.
        return replace(best, label=SubEventType.LOOTING_PROPERTY_DESTRUCTION)
    only_civilians = Side.CIVILIANS in killed and not killed & {Side.STATE, Side.ATTACKERS}
    soldiers_killed = any(c.side is Side.STATE for c in tolls)
    if best.label is SubEventType.ATTACK and soldiers_killed and not only_civilians:
        # Soldiers killed in an attack were fought: "20 soldiers and one civilian were killed in
        # an attack on an army unit" is a battle with the forces.
        return replace(best, label=SubEventType.ARMED_CLASH)
    # The assault may be told in the opening or in the sentence after a lead that only names
    # the attacks ("les attaques qui ont visé Bamako ... Des commandos ont frappé l'école de
    # gendarmerie"); an earlier attack in the pluperfect is another event.
    on_forces = any(on_forces_site(s.text) for s in passage.sentences[:2])
    if best.label is SubEventType.ATTACK and not only_civilians and on_forces:
        # An assault on a camp, a base or a gendarmerie is a battle with the forces holding it
        # (as told by the report: a claimant's "we targeted army positions" is its own word).
        return replace(best, label=SubEventType.ARMED_CLASH)
    protested = any(t.label in PROTESTS for s in passage.all_sentences for t in s.scores[:2])
    if (best.label in (SubEventType.ATTACK, SubEventType.ARMED_CLASH) and tolls and protested
            and any(a.actor_type is ActorType.STATE_FORCES for a in named)
            and not any(a.actor_type in ARMED - {ActorType.STATE_FORCES} for a in named)):  # fmt: skip
        # "les forces de l'ordre ont ouvert le feu sur des jeunes qui manifestaient", killing
        # three: the forces' deadly fire on a protest
        return replace(best, label=SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS)
    crowd = any(a.actor_type in CROWDS for a in named)
    sides_named = [a for i in sorted(actors) for a in sorted(actors[i], key=lambda a: a.start)
                   if a in named and a.actor_type in CROWDS | (ARMED - set(state_side))]  # fmt: skip
    if best.label is SubEventType.OTHER and sides_named and sides_named[0].actor_type in CROWDS:
        # A crowd's blockade or sit-in is a protest: "demonstrators kept up a blockade of a
        # convoy" (the jihadists it is angry at, named after it, are no side of it); dispersed by
        # the forces, a protest with intervention
        dispersed = any(t.label is SubEventType.PROTEST_WITH_INTERVENTION
                        for s in passage.all_sentences for t in s.scores)  # fmt: skip
        return replace(best, label=SubEventType.PROTEST_WITH_INTERVENTION if dispersed
                       else SubEventType.PEACEFUL_PROTEST)  # fmt: skip
    rioting = any(t.label is SubEventType.VIOLENT_DEMONSTRATION
                  for s in passage.sentences for t in s.scores)  # fmt: skip
    if best.label in PROTESTS and rioting and not any(a.actor_type in ARMED - {
        ActorType.STATE_FORCES} for a in named):  # fmt: skip
        return replace(best, label=SubEventType.VIOLENT_DEMONSTRATION)
    if (best.label is SubEventType.LOOTING_PROPERTY_DESTRUCTION and crowd_burnt
            and not any(a.actor_type in ARMED - {ActorType.STATE_FORCES} for a in named)):  # fmt: skip
        # A crowd that burns ("des groupes de jeunes armés de gourdins ont brûlé une quarantaine
        # d'églises"), with no armed group in the telling, riots.
        return replace(best, label=SubEventType.VIOLENT_DEMONSTRATION)
    if (
        best.label is SubEventType.VIOLENT_DEMONSTRATION
        and not (crowd or crowd_told)
        and any(a.actor_type in ARMED - {ActorType.STATE_FORCES} for a in named)
    ):  # the police facing those who burn are no armed men burning a village
        return replace(best, label=SubEventType.LOOTING_PROPERTY_DESTRUCTION)
    return best


def scores_from_toll(casualties: list[Casualty]) -> list[TypeScore]:
    """A sentence with no trigger word but a toll still reports violence: civilians (or people)
    killed is an attack, people carried off an abduction, soldiers or fighters killed a clash."""
    for c in casualties:
        if c.count <= 0:
            continue
        span = Span(c.start, c.end, c.quote)
        if c.kind is CasualtyKind.ABDUCTED:
            return [TypeScore(SubEventType.ABDUCTION_FORCED_DISAPPEARANCE, 1.0, (span,))]
        if c.kind is CasualtyKind.KILLED:
            if c.side in (Side.CIVILIANS, Side.UNKNOWN):
                # "gunmen killed 20 people": people killed, with no fighting word, are civilians
                return [TypeScore(SubEventType.ATTACK, 1.0, (span,))]
            if c.side in (Side.STATE, Side.ATTACKERS):
                return [TypeScore(SubEventType.ARMED_CLASH, 1.0, (span,))]
    return []


def from_other_sentences(
    actors: dict[int, list[ActorMention]],
    first: int,
    actor2: ActorMention | None,
    casualties: Mapping[int, Sequence[Casualty]] | None = None,
) -> tuple[ActorMention | None, ActorMention | None]:
    """When the opening sentence names no perpetrator, look at the rest of the passage. The
    people a toll counts (``casualties`` by sentence) are its victims, not who did it: "among
    the victims were 59 civilians, 15 soldiers and six VDP" names no perpetrator (the attackers'
    own dead are still the attackers)."""
    for index in sorted(actors):
        if index == first:
            continue
        counted = [(c.start, c.end) for c in (casualties or {}).get(index, ())
                   if c.kind in _VICTIM_KINDS and c.side is not Side.ATTACKERS]  # fmt: skip
        for actor in actors[index]:
            if any(start <= actor.start < end for start, end in counted):
                continue
            if actor.actor_type is not ActorType.CIVILIANS and actor != actor2:
                return actor, actor2
    return None, actor2


#: The kinds of counts whose people were on the receiving end.
_VICTIM_KINDS = frozenset({CasualtyKind.KILLED, CasualtyKind.WOUNDED, CasualtyKind.ABDUCTED})


#: The families of the armed groups that fight the states of the region; the rest of the armed
#: actors (state forces, their foreign and UN partners, self-defence militias) stand on the
#: other side of its battles.
INSURGENTS = frozenset({"al-qaeda", "islamic-state", "separatist", "other-armed"})


def battle_sides(
    actor1: ActorMention | None,
    actor2: ActorMention | None,
    named: list[ActorMention],
    offensive: bool,
    launched: bool = False,
) -> tuple[ActorMention | None, ActorMention | None]:
    """A battle's two sides, the attacker first. When the opening sentence names one side, the
    other is the first armed actor of the other camp (armed groups against the state's side)
    named further in the passage. The state's side is first only in an ``offensive`` it began
    ("the army retook Kidal"), as in an operation it ``launched`` after an attack ("in response,
    the army launched operations that neutralised 146 terrorists"); attacked, it is second
    ("soldiers repelled an attack by ...")."""
    if (launched and actor2 is not None and actor2.actor_type in ARMED
            and actor2.family not in INSURGENTS
            and (actor1 is None or actor1.family in INSURGENTS)):  # fmt: skip
        actor1, actor2 = actor2, actor1
    if actor1 is not None and actor2 is None and actor1.actor_type in ARMED:
        camp = actor1.family in INSURGENTS
        actor2 = next((a for a in named if a.actor_type in ARMED and a.name != actor1.name
                       and (a.family in INSURGENTS) != camp), None)  # fmt: skip
    # "The attackers were fighters of ...": gunmen told of first are the group named later.
    group = next((a for a in named if a.family in INSURGENTS and not _unnamed(a)), None)
    if group is not None:
        actor1 = group if actor1 is not None and _unnamed(actor1) else actor1
        actor2 = group if actor2 is not None and _unnamed(actor2) else actor2
    if (actor1 is not None and actor2 is not None and not offensive
            and actor1.actor_type in ARMED and actor1.family not in INSURGENTS
            and actor2.family in INSURGENTS):  # fmt: skip
        return actor2, actor1
    return actor1, actor2


def _unnamed(actor: ActorMention) -> bool:
    return actor.name.startswith("Unidentified")


#: A UN mission or its peacekeepers named where the taking is told.
_UN = re.compile(r"\b(?:peacekeep\w*|casques? bleus?|United Nations|Nations unies|UN|ONU|"
                 r"MINUSMA|Minusma|onusienne)\b")  # fmt: skip


def territory_type(
    label: SubEventType, actor1: ActorMention | None, named: list[ActorMention], told: str = ""
) -> SubEventType:
    """Who takes a place, and from whom, decides the territory type. A base or town that the
    sentence telling the taking (``told``) says a UN mission left is a non-violent transfer,
    whoever moves in; otherwise state forces moving into a town held by an armed group regain
    territory, even when the group left before they arrived."""
    if label not in TERRITORY or actor1 is None:
        return label
    if _UN.search(told) and actor1.family != "un":
        return SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY
    if (label is SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY
            and actor1.actor_type is ActorType.STATE_FORCES
            and any(a.actor_type in CLAIMANTS for a in named)):  # fmt: skip
        return SubEventType.GOVERNMENT_REGAINS_TERRITORY
    return label


def takers_first(
    label: SubEventType, actor1: ActorMention | None, actor2: ActorMention | None
) -> tuple[ActorMention | None, ActorMention | None]:
    """The side that takes a place is actor1: the state's forces when they regain it ("the CSP
    had left Kidal before the army entered it"), the armed group when it overtakes it."""
    if (label is SubEventType.GOVERNMENT_REGAINS_TERRITORY and actor1 is None
            and actor2 is not None and actor2.actor_type is ActorType.STATE_FORCES):  # fmt: skip
        return actor2, None  # "la ville reprise par l'armée"
    if actor1 is None or actor2 is None:
        return actor1, actor2
    state1 = actor1.actor_type is ActorType.STATE_FORCES
    state2 = actor2.actor_type is ActorType.STATE_FORCES
    if label is SubEventType.GOVERNMENT_REGAINS_TERRITORY and state2 and not state1:
        return actor2, actor1
    if label is SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY and state1 and not state2:
        return actor2, actor1
    return actor1, actor2


_SWAPPED = {"actor1": "actor2", "actor2": "actor1"}


def forces_first(mention: Mention) -> Mention:
    """A battle the state's forces waged, with them as actor1 ("about 60 terrorists neutralised
    around Kain; 30 near Bomboro": the army's tally of its operations)."""
    if (mention.event_type is not EventType.BATTLES or mention.inter2 is not ActorType.STATE_FORCES
            or mention.inter1 is ActorType.STATE_FORCES):  # fmt: skip
        return mention
    return replace(
        mention,
        actor1=mention.actor2, inter1=mention.inter2, assoc_actor_1=mention.assoc_actor_2,
        actor2=mention.actor1, inter2=mention.inter1, assoc_actor_2=mention.assoc_actor_1,
        evidence=tuple(replace(e, field=_SWAPPED.get(e.field, e.field)) for e in mention.evidence),
    )  # fmt: skip
