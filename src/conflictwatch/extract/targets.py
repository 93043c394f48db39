"""Who was hit: the sides ACLED gives violence against civilians and demonstrations.

Violence against civilians has civilians on the receiving end by definition; a battle has two
armed sides; a demonstration's sides are the crowd (Protesters or Rioters of the country) and the
forces that intervened. Pure functions over a coded mention and the pack's actors (and, for a
battle's other side, the pack's words for the police: :class:`TargetCues`).

    mention = crowds(civilians_targeted(mention, pack, countries), pack, countries)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..knowledge import Pack
from ..model import Evidence, Mention
from ..taxonomy import ActorType, EventType, SubEventType
from .coding import ARMED, CROWDS, PROTESTS
from .cues import compile_rule


def fired_on_civilians(mention: Mention, forces_named: bool = False) -> Mention:
    """A clash is fought between armed sides: an armed group that "opened fire on" the civilians
    the telling names as its other side, with no soldier or fighter among the dead and no
    forces named in its opening (``forces_named``: "a convoy escorted by soldiers"), attacked
    them. (Forces named first against civilians are more often a side misread.)"""
    fought = {"state", "attackers"} & set(mention.fatalities_by_side)
    if (mention.sub_event_type is SubEventType.ARMED_CLASH and not forces_named
            and mention.inter2 is ActorType.CIVILIANS and not fought
            and mention.inter1 in ARMED - {ActorType.STATE_FORCES}):  # fmt: skip
        return replace(mention, event_type=EventType.VIOLENCE_AGAINST_CIVILIANS,
                       sub_event_type=SubEventType.ATTACK, civilian_targeting=True)  # fmt: skip
    return mention


def civilians_targeted(mention: Mention, pack: Pack, countries: Mapping[str, str]) -> Mention:
    """Violence against civilians has civilians on the receiving end, by definition; an armed
    group found there while no perpetrator is named is the perpetrator."""
    if mention.event_type is not EventType.VIOLENCE_AGAINST_CIVILIANS:
        return mention
    if mention.inter2 is ActorType.CIVILIANS:
        return mention
    civilians = pack.actor_for("civilians", on=mention.event_date,
                               country=country_code(mention, countries))  # fmt: skip
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


#: Civilians killed, at least this many, in a battle make a second event: the killing of them.
CIVILIANS_APART = 5


def two_targets(mention: Mention, pack: Pack, countries: Mapping[str, str]) -> tuple[Mention, ...]:
    """A battle in which soldiers or fighters died and civilians were killed too ("assaults on
    the military detachment and on the town": 7 soldiers, 80 attackers and 35 civilians dead) is
    two events for ACLED: the fighting, with the armed dead, and the attack on the civilians,
    with theirs. Other mentions come back alone."""
    by_side = mention.fatalities_by_side
    civilians_dead = by_side.get("civilians", 0)
    armed_dead = by_side.get("state", 0) + by_side.get("attackers", 0)
    if (mention.sub_event_type is not SubEventType.ARMED_CLASH or not mention.country
            or civilians_dead < CIVILIANS_APART or not armed_dead):  # fmt: skip
        return (mention,)
    iso = country_code(mention, countries)
    on = mention.event_date
    sides = [(mention.actor1, mention.inter1), (mention.actor2, mention.inter2)]
    group: tuple[str, ActorType | None] | None
    forces: tuple[str, ActorType | None] | None
    group = next(((a, t) for a, t in sides if a and t in ARMED - {ActorType.STATE_FORCES}), None)
    forces = next(((a, t) for a, t in sides if a and t is ActorType.STATE_FORCES), None)
    if group is None:
        found = pack.actor_for("Unidentified Armed Group", on=on, country=iso)
        group = (found.name, found.actor_type) if found else None
    if forces is None:
        found = pack.actor_for(f"Military Forces of {mention.country}", on=on, country=iso)
        forces = (found.name, found.actor_type) if found else None
    civilians = pack.actor_for("civilians", on=on, country=iso)
    if group is None or forces is None or civilians is None:
        return (mention,)
    fight = replace(
        mention, actor1=group[0], inter1=group[1], actor2=forces[0], inter2=forces[1],
        civilian_targeting=False, fatalities=armed_dead, fatalities_low=armed_dead,
        fatalities_high=armed_dead,
        fatalities_by_side={k: v for k, v in by_side.items() if k != "civilians"},
    )  # fmt: skip
    attack = replace(
        mention, id=f"{mention.id}-c", event_type=EventType.VIOLENCE_AGAINST_CIVILIANS,
        sub_event_type=SubEventType.ATTACK, actor1=group[0], inter1=group[1],
        actor2=civilians.name, inter2=civilians.actor_type, assoc_actor_1="", assoc_actor_2="",
        civilian_targeting=True, fatalities=civilians_dead, fatalities_low=civilians_dead,
        fatalities_high=civilians_dead, fatalities_by_side={"civilians": civilians_dead},
    )  # fmt: skip
    return fight, attack


def killings_apart(mentions: Sequence[Mention], pack: Pack, countries: Mapping[str, str]
                   ) -> list[Mention]:  # fmt: skip
    """An article's mentions with each battle that also killed civilians split in two (see
    :func:`two_targets`), unless the article tells the killing apart already: an attack on
    civilians that day at that place, or another event of that day with that very toll."""
    out: list[Mention] = []
    for mention in mentions:
        fight, *killing = two_targets(mention, pack, countries)
        out.append(fight)
        out.extend(
            part for part in killing
            if not any(other is not mention and other.event_date == part.event_date and (
                other.fatalities == part.fatalities
                or (other.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS
                    and other.location == part.location)) for other in mentions)
        )  # fmt: skip
    return out


@dataclass(frozen=True)
class TargetCues:
    """The words by which a telling names who was hit, compiled once from the pack's ``cues``
    lexicon (both languages in each pattern).

        cues = TargetCues.from_lexicon(pack.lexicon("cues"))
    """

    #: Words of a telling that put the police or gendarmerie, not the army, on the other side.
    police: re.Pattern[str]
    #: Office holders: people arrested among them are the government's, not civilians.
    officials: re.Pattern[str]
    #: A crowd told by its size: "several hundred women", "des milliers de personnes".
    crowd: re.Pattern[str]
    #: ... or as a group of people: "groups of young men", "des jeunes de Bandiagara".
    group: re.Pattern[str]
    #: What a group did to a protest that makes it the crowd: "organised", "a tenu".
    organised: re.Pattern[str]
    #: A protest told as held, right after its word: "rallies were also held", "ont eu lieu".
    held: re.Pattern[str]

    @classmethod
    def from_lexicon(cls, cues: Mapping[str, Any]) -> TargetCues:
        return cls(
            police=compile_rule(r"\b(?:%(police_patterns)s)\b", cues),
            officials=compile_rule(r"\b(?:%(officials_patterns)s)\b", cues),
            crowd=compile_rule(
                r"\b(?:%(crowd_sizes)s)\s+(?:[\w'’-]+\s+)?(?:%(crowd_people)s)\b", cues
            ),
            group=compile_rule(r"\b(?:%(crowd_groups)s)\s+(?:%(crowd_people)s)\b", cues),
            organised=compile_rule(r"\b(?:%(organised_patterns)s)\s+(?:\w+\s+){0,2}$", cues),
            held=compile_rule(r"(?:%(held_patterns)s)\b", cues),
        )


def two_sides(
    mention: Mention,
    pack: Pack,
    countries: Mapping[str, str],
    told: str,
    offensive: bool,
    cues: TargetCues,
) -> Mention:
    """A battle is fought by two armed sides. When a telling names one, the other is the one
    the conflict gives it: the country's forces against an armed group (its police when the
    telling ``told`` is of a gendarmerie or police post), and gunmen no one named against the
    forces when only the forces are named, first unless it was the forces' ``offensive``
    ("soldiers were ambushed near ...", "the army's sweep near ...")."""
    if mention.event_type is not EventType.BATTLES or mention.actor2 or not mention.country:
        return mention
    iso = country_code(mention, countries)
    if mention.inter1 is ActorType.STATE_FORCES:
        group = pack.actor_for("Unidentified Armed Group", on=mention.event_date, country=iso)
        if group is None:
            return mention
        if offensive or mention.sub_event_type is SubEventType.GOVERNMENT_REGAINS_TERRITORY:
            return replace(mention, actor2=group.name, inter2=group.actor_type)
        return replace(mention, actor1=group.name, inter1=group.actor_type,
                       actor2=mention.actor1, inter2=mention.inter1)  # fmt: skip
    if mention.inter1 not in ARMED:
        return mention
    kind = "Police Forces" if cues.police.search(told) else "Military Forces"
    forces = pack.actor_for(f"{kind} of {mention.country}", on=mention.event_date, country=iso)
    if forces is None or forces.actor_type is not ActorType.STATE_FORCES:
        return mention
    if offensive:  # "une unité en mission de reconnaissance offensive a accroché des terroristes"
        return replace(mention, actor1=forces.name, inter1=forces.actor_type,
                       actor2=mention.actor1, inter2=mention.inter1)  # fmt: skip
    return replace(mention, actor2=forces.name, inter2=forces.actor_type)


def arrested(
    mention: Mention, pack: Pack, countries: Mapping[str, str], told: str, cues: TargetCues
) -> Mention:
    """ACLED's sides of an arrest: the forces that made it (the country's police when the
    report names no armed actor) and the people arrested, the government's when the telling ``told``
    names an office they hold ("a former prime minister", "le vice-président du CNT"), else
    the country's civilians."""
    if mention.sub_event_type is not SubEventType.ARRESTS or not mention.country:
        return mention
    iso = country_code(mention, countries)
    changes: dict[str, Any] = {}
    if mention.inter1 not in ARMED or mention.actor1.startswith("Unidentified"):
        police = pack.actor_for(f"Police Forces of {mention.country}", on=mention.event_date,
                                country=iso)  # fmt: skip
        if police is not None:
            changes |= {"actor1": police.name, "inter1": police.actor_type}
    if not mention.actor2:
        who = f"Government of {mention.country}" if cues.officials.search(told) else "civilians"
        held = pack.actor_for(who, on=mention.event_date, country=iso)
        if held is not None:
            changes |= {"actor2": held.name, "inter2": held.actor_type,
                        "civilian_targeting": held.actor_type is ActorType.CIVILIANS}  # fmt: skip
    return replace(mention, **changes) if changes else mention


def unidentified(country: str) -> str:
    """ACLED's name for attackers no one named, in a country (by its name)."""
    return f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group"


#: The event types in which a government (its executive, not its forces) takes no part.
_FOUGHT = frozenset({EventType.BATTLES, EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                     EventType.VIOLENCE_AGAINST_CIVILIANS})  # fmt: skip


def government_speaks(mention: Mention, pack: Pack, countries: Mapping[str, str]) -> Mention:
    """A government named in a telling of violence spoke of it ("le gouvernement a ramené le
    bilan à 35 morts"): it is not who attacked (the attackers stay unidentified), and in a
    battle the state's side is its military."""
    if mention.event_type not in _FOUGHT or not mention.country:
        return mention
    changes: dict[str, Any] = {}
    if mention.actor1.startswith("Government of"):
        changes |= {"actor1": unidentified(mention.country),
                    "inter1": ActorType.POLITICAL_MILITIA,
                    "evidence": tuple(e for e in mention.evidence if e.field != "actor1")}  # fmt: skip
    if mention.event_type is EventType.BATTLES and mention.actor2.startswith("Government of"):
        army = pack.actor_for(f"Military Forces of {mention.country}", on=mention.event_date,
                              country=country_code(mention, countries))  # fmt: skip
        if army is not None:
            changes |= {"actor2": army.name, "inter2": army.actor_type}
    return replace(mention, **changes) if changes else mention


def defused(mention: Mention, pack: Pack, countries: Mapping[str, str]) -> Mention:
    """A device found and made safe, or weapons seized, where the report names no one ("une
    équipe du génie a détecté et neutralisé un engin explosif"): the country's military did it."""
    if (mention.sub_event_type is not SubEventType.DISRUPTED_WEAPONS_USE or not mention.country
            or any(e.field == "actor1" for e in mention.evidence)):  # fmt: skip
        return mention
    army = pack.actor_for(f"Military Forces of {mention.country}", on=mention.event_date,
                          country=country_code(mention, countries))  # fmt: skip
    if army is None:
        return mention
    return replace(mention, actor1=army.name, inter1=army.actor_type)


#: Sub-event types whose actor1 planted or carried the bomb: in this theatre never the state.
_BOMBS = frozenset({SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED, SubEventType.SUICIDE_BOMB,
                    SubEventType.GRENADE})  # fmt: skip
#: The state's side: its forces and the foreign forces beside them.
_STATE_SIDE = frozenset({ActorType.STATE_FORCES, ActorType.EXTERNAL_OTHER_FORCES})


def bombers(mention: Mention, pack: Pack, countries: Mapping[str, str]) -> Mention:
    """Who planted a bomb and who defused one. A mine or a suicide bomb hits the state's forces
    (actor2) and was set by an armed group, unidentified when the report names none; a bomb the
    forces defused or seized (disrupted weapons use) was an armed group's, the forces first."""
    label = mention.sub_event_type
    if label not in _BOMBS and label is not SubEventType.DISRUPTED_WEAPONS_USE:
        return mention
    iso = country_code(mention, countries)
    group = pack.actor_for("Unidentified Armed Group", on=mention.event_date, country=iso)
    if group is None or not mention.country:
        return mention
    if label is SubEventType.DISRUPTED_WEAPONS_USE:
        if mention.inter1 in _STATE_SIDE and not mention.actor2:
            return replace(mention, actor2=group.name, inter2=group.actor_type)
        return mention
    if mention.inter1 not in _STATE_SIDE:
        return mention
    if mention.actor2 and mention.inter2 not in _STATE_SIDE | {ActorType.CIVILIANS}:
        return replace(mention, actor1=mention.actor2, inter1=mention.inter2,
                       actor2=mention.actor1, inter2=mention.inter1)  # fmt: skip
    return replace(mention, actor1=group.name, inter1=group.actor_type,
                   actor2=mention.actor1, inter2=mention.inter1, civilian_targeting=False)  # fmt: skip


def strikers(mention: Mention, pack: Pack, countries: Mapping[str, str]) -> Mention:
    """An air or drone strike told with no striker ("des frappes aériennes au nord de
    Douentza"): the country's forces flew it, at the armed group they struck. A group named as
    striking, or a strike on the forces, keeps its sides."""
    if (mention.sub_event_type is not SubEventType.AIR_DRONE_STRIKE or not mention.country
            or not mention.actor1.startswith("Unidentified") or mention.inter2 in _STATE_SIDE):  # fmt: skip
        return mention
    iso = country_code(mention, countries)
    forces = pack.actor_for(f"Military Forces of {mention.country}", on=mention.event_date,
                            country=iso)  # fmt: skip
    if forces is None:
        return mention
    target = ((mention.actor2, mention.inter2) if mention.actor2
              else (mention.actor1, mention.inter1))  # fmt: skip
    return replace(mention, actor1=forces.name, inter1=forces.actor_type, actor2=target[0],
                   inter2=target[1], civilian_targeting=target[1] is ActorType.CIVILIANS)  # fmt: skip


def crowds(mention: Mention, pack: Pack, countries: Mapping[str, str]) -> Mention:
    """ACLED's sides of a demonstration: the crowd is Protesters (country), or Rioters when
    it turned violent, and the forces that intervened are the other side (actor1 when they
    used excessive force). Armed groups named as the crowd's cause are not its sides."""
    label = mention.sub_event_type
    if label not in PROTESTS and label is not SubEventType.VIOLENT_DEMONSTRATION:
        return mention
    iso = country_code(mention, countries)
    word = "rioters" if label is SubEventType.VIOLENT_DEMONSTRATION else "protesters"
    crowd = pack.actor_for(word, on=mention.event_date, country=iso)
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


#: How far a group may be told before the protest it organised: "des associations de la
#: communauté dogon ont organisé une marche".
GROUP_GAP_CHARS = 80


def counted_crowd(mention: Mention, told: Sequence[tuple[str, int]], pack: Pack,
                  countries: Mapping[str, str], cues: TargetCues) -> Mention:  # fmt: skip
    """A demonstration whose crowd is told only by its size ("plusieurs centaines de femmes et de
    jeunes ont barricadé la route") has a crowd: the Protesters (or Rioters) of the country. A
    riot's acts (barricades, burnt tyres) are a crowd's, so a riot's crowd may also be told as a
    group of people ("des jeunes de Bandiagara"); a protest word with such a group may be a
    passing mention and is not enough, unless the group organised it.
    ``told`` holds the passage's sentences with their offsets in the article; the evidence
    quotes the size."""
    if mention.event_type not in (EventType.PROTESTS, EventType.RIOTS):
        return mention
    cited = {e.field for e in mention.evidence}
    if any(field in cited and inter in ARMED | CROWDS
           for field, inter in (("actor1", mention.inter1), ("actor2", mention.inter2))):  # fmt: skip
        return mention
    riot = mention.event_type is EventType.RIOTS
    # ... or, for a protest, as a group told organising it just before the protest word ("des
    # associations ont organisé une marche pacifique")
    trigger = next((e.start for e in mention.evidence
                    if e.field == "sub_event_type" and e.start is not None), None)  # fmt: skip

    def leads(text: str, start: int) -> re.Match[str] | None:
        m = cues.group.search(text)
        if riot or m is None:
            return m
        if trigger is None or not start + m.end() <= trigger < start + len(text):
            return None
        gap = text[m.end() : trigger - start]
        return m if len(gap) <= GROUP_GAP_CHARS and cues.organised.search(gap) else None

    def held(text: str, start: int) -> re.Match[str] | None:
        # "des rassemblements ont eu lieu": the protest word, then its being held
        end = next((e.end for e in mention.evidence if e.field == "sub_event_type"
                    and e.start is not None and e.end is not None
                    and start <= e.start < start + len(text)), None)  # fmt: skip
        if riot or end is None:
            return None
        at = end - start
        while at < len(text) and text[at].isspace():
            at += 1
        return cues.held.match(text, at)

    found = next(((m, start) for text, start in told
                  if (m := cues.crowd.search(text) or leads(text, start) or held(text, start))),
                 None)  # fmt: skip
    crowd = pack.actor_for("rioters" if riot else "protesters", on=mention.event_date,
                           country=country_code(mention, countries))  # fmt: skip
    if found is None or crowd is None:
        return mention
    match, offset = found
    quote = Evidence("actor1", match.group(), mention.article_id, offset + match.start(),
                     offset + match.end())  # fmt: skip
    return replace(mention, actor1=crowd.name, inter1=crowd.actor_type,
                   evidence=(*mention.evidence, quote))  # fmt: skip


def country_code(mention: Mention, countries: Mapping[str, str]) -> str | None:
    """The ISO code of the country a mention was placed in (its record holds the name)."""
    return next((iso for iso, name in countries.items() if name == mention.country), None)


def sides(
    mention: Mention,
    pack: Pack,
    countries: Mapping[str, str],
    told: str,
    offensive: bool,
    cues: TargetCues,
    forces_named: bool = False,
) -> Mention:
    """ACLED's sides of a coded mention, rule by rule: civilians on the receiving end of violence
    against them, a demonstration's crowd, a battle's two armed sides, an arrest's police and
    people held, a bomb's setters and targets. ``told`` is the passage's opening sentence,
    ``offensive`` whether it tells an offensive of the state's forces and ``forces_named``
    whether it names the state's forces."""
    if mention.actor2 and mention.actor2 == mention.actor1:
        # One group named as both sides ("jihadists opened fire ... JNIM claimed the attack"):
        # the other side is still to be found.
        mention = replace(mention, actor2="", inter2=None)
    mention = government_speaks(mention, pack, countries)
    mention = fired_on_civilians(mention, forces_named)
    mention = civilians_targeted(mention, pack, countries)
    mention = crowds(mention, pack, countries)
    mention = two_sides(mention, pack, countries, told, offensive, cues)
    mention = arrested(mention, pack, countries, told, cues)
    mention = defused(mention, pack, countries)
    mention = strikers(mention, pack, countries)
    return bombers(mention, pack, countries)
