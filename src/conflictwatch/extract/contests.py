"""Rules between sub-event types that single triggers cannot express, applied to a passage's
trigger scores after they are counted.

Around a protest, clashes are rioting, arrests an intervention and destruction the
demonstrators' violence, in ACLED's order of the demonstration types; devices and weapons found,
seized or destroyed are disrupted weapons use (smuggled goods are crime, suspects intercepted are
arrests); an attack on an armed side is a clash; who takes ground decides between the two
territory types; an explosion or toxic gas told with accident words is a man-made disaster; a
weapons store struck from the air is the strike's target; a claim that only describes the
attack it follows ("une attaque revendiquée par le JNIM") is no claim of the sentence's own.
Each rule moves score and evidence from one label to another.
"""

from __future__ import annotations

from ..taxonomy import SubEventType
from .modality import fold_same_length
from .records import OtherClass, Span
from .territory import STATE, TerritoryReader
from .triggers import Label, TriggerLexicon, norm_phrase

S = SubEventType

#: The two territory types (ACLED), the state's first.
TERRITORY_TYPES = (S.GOVERNMENT_REGAINS_TERRITORY, S.NON_STATE_ACTOR_OVERTAKES_TERRITORY)
#: ACLED's sub-event types for a change of who holds a place, by force or handed over.
TERRITORY = frozenset({*TERRITORY_TYPES, S.NON_VIOLENT_TRANSFER_OF_TERRITORY})
# How ground is taken: when a named side takes it, the territory type outranks these.
_TAKING_GROUND = (
    S.ARMED_CLASH,
    S.ATTACK,
    S.AIR_DRONE_STRIKE,
    S.SHELLING_ARTILLERY_MISSILE_ATTACK,
)
PROTEST_TYPES = (
    S.PROTEST_WITH_INTERVENTION,
    S.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
    S.VIOLENT_DEMONSTRATION,
)
_PROTEST_PRECEDENCE = (
    S.VIOLENT_DEMONSTRATION,
    S.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
    S.PROTEST_WITH_INTERVENTION,
)


def settle(
    text: str,
    scores: dict[Label, float],
    evidence: dict[Label, list[Span]],
    context: dict[Label, int],
    lexicon: TriggerLexicon,
) -> None:
    """Apply every rule, in order, to the scores and evidence of ``text`` (changed in place)."""
    _settle_territory(text, scores, evidence, context, lexicon.territory)
    _settle_contests(scores, evidence, context)
    _settle_accidents(scores, evidence, context, lexicon.accident_like)
    _settle_struck_stores(scores, evidence, lexicon.weapon_stores)
    _settle_described_claims(text, scores, evidence, lexicon)


def _settle_contests(
    scores: dict[Label, float], evidence: dict[Label, list[Span]], context: dict[Label, int]
) -> None:
    """Rules between types that single triggers cannot express."""

    def move(source: Label, target: Label, share: float = 1.0, keep: float = 0.0) -> None:
        _move(scores, evidence, source, target, share, keep)

    protest = scores.get(S.PEACEFUL_PROTEST, 0.0)
    if protest or any(label in scores for label in PROTEST_TYPES):
        # Around a protest, "clashes" are rioting, "arrests" are an intervention and property
        # destroyed is the demonstrators' violence (ACLED codes all three as demonstrations).
        if S.ARMED_CLASH in scores:
            move(S.ARMED_CLASH, S.VIOLENT_DEMONSTRATION)
        if S.LOOTING_PROPERTY_DESTRUCTION in scores:
            move(S.LOOTING_PROPERTY_DESTRUCTION, S.VIOLENT_DEMONSTRATION)
        if S.ARRESTS in scores:
            move(S.ARRESTS, S.PROTEST_WITH_INTERVENTION, share=0.5)
        for label in PROTEST_TYPES:
            if label in scores:
                scores[label] += protest
        # ACLED's order: demonstrators' own violence makes a violent demonstration whatever the
        # police did; lethal force against peaceful ones comes before a mere intervention.
        present = [label for label in _PROTEST_PRECEDENCE if label in scores]
        if len(present) > 1:
            scores[present[0]] = max(scores[label] for label in present) + 0.01
    if S.LOOTING_PROPERTY_DESTRUCTION in scores and context.get(S.DISRUPTED_WEAPONS_USE, 0) >= 2:
        # "destroyed machine guns, rockets and explosives": weapons taken out of use
        move(S.LOOTING_PROPERTY_DESTRUCTION, S.DISRUPTED_WEAPONS_USE)
    if S.DISRUPTED_WEAPONS_USE in scores:
        # a device found, defused or seized did not go off; in a list of weapons seized or
        # destroyed, rockets are items too
        weapons = [S.REMOTE_EXPLOSIVE_LANDMINE_IED, S.GRENADE]
        if context.get(S.DISRUPTED_WEAPONS_USE, 0) >= 2:
            weapons.append(S.SHELLING_ARTILLERY_MISSILE_ATTACK)
        for weapon in weapons:
            if weapon in scores:
                move(weapon, S.DISRUPTED_WEAPONS_USE, keep=0.5)
        if (
            S.ARRESTS in scores
            and context.get(S.ARRESTS)
            and not context.get(S.DISRUPTED_WEAPONS_USE)
        ):
            # "intercepted four suspects": people stopped, no weapons
            move(S.DISRUPTED_WEAPONS_USE, S.ARRESTS)
        if OtherClass.ORG_CRIME in scores and S.DISRUPTED_WEAPONS_USE in scores:
            # drugs, contraband and smugglers seized or intercepted: crime, not weapons
            move(S.DISRUPTED_WEAPONS_USE, OtherClass.ORG_CRIME, keep=0.5)
    if S.ATTACK in scores and context.get(S.ARMED_CLASH, 0) > context.get(S.ATTACK, 0):
        # "gunmen attacked an army post": fighting between armed sides, not an attack on civilians
        move(S.ATTACK, S.ARMED_CLASH, keep=0.5)
    if S.ARRESTS in scores and OtherClass.ATTRIB in scores:
        # "detained ... accused of": the charge against the arrested, not a claim or blame
        move(OtherClass.ATTRIB, S.ARRESTS, share=0.5)


def _move(
    scores: dict[Label, float],
    evidence: dict[Label, list[Span]],
    source: Label,
    target: Label,
    share: float = 1.0,
    keep: float = 0.0,
) -> None:
    scores[target] = scores.get(target, 0.0) + share * scores[source]
    evidence.setdefault(target, []).extend(evidence.get(source, ()))
    if keep:
        scores[source] *= keep
    else:
        del scores[source]


def _settle_accidents(
    scores: dict[Label, float],
    evidence: dict[Label, list[Span]],
    context: dict[Label, int],
    accident_like: frozenset[str],
) -> None:
    """An explosion or a toxic gas told with an accident word (a leak, a factory, a collapse) and
    no weapon named is a man-made disaster, not a bomb or a chemical attack."""
    disaster = OtherClass.MAN_MADE_DISASTER
    if not (scores.get(disaster) or context.get(disaster)):
        return
    for label in (S.REMOTE_EXPLOSIVE_LANDMINE_IED, S.CHEMICAL_WEAPON):
        if label in scores and all(
            norm_phrase(span.quote) in accident_like for span in evidence.get(label, ())
        ):
            _move(scores, evidence, label, disaster)


def _settle_struck_stores(
    scores: dict[Label, float], evidence: dict[Label, list[Span]], stores: frozenset[str]
) -> None:
    """A weapons depot or cache hit from the air or by artillery is the strike's target."""
    disrupted = S.DISRUPTED_WEAPONS_USE
    if disrupted not in scores:
        return
    if not all(norm_phrase(span.quote) in stores for span in evidence.get(disrupted, ())):
        return
    for strike in (S.AIR_DRONE_STRIKE, S.SHELLING_ARTILLERY_MISSILE_ATTACK):
        if strike in scores:
            _move(scores, evidence, disrupted, strike)
            return


def _settle_described_claims(
    text: str, scores: dict[Label, float], evidence: dict[Label, list[Span]],
    lexicon: TriggerLexicon,
) -> None:  # fmt: skip
    """A claim told as a participle after the attack it describes, with no auxiliary of its own
    ("a été la cible d'une attaque d'envergure revendiquée par le JNIM, qui a fait 100 morts"),
    leaves the sentence telling the attack; "l'attaque a été revendiquée" is still a claim. So
    does a claim joined after an attack told with its toll ("132 civilians had been killed in
    attacks at the weekend, and blamed the Katiba Macina")."""
    claims = evidence.get(OtherClass.ATTRIB, ())
    if not claims or OtherClass.ATTRIB not in scores:
        return
    violent = [span.start for label, spans in evidence.items()
               if isinstance(label, SubEventType) and label in scores for span in spans]  # fmt: skip
    for span in claims:
        if not any(start < span.start for start in violent):
            return
        before = text[max(0, span.start - 12) : span.start].split()
        last = norm_phrase(before[-1]) if before else ""
        words = len(span.quote.split()) + 1  # the claim word and the preposition after it
        described = (norm_phrase(" ".join(text[span.start :].split()[:words]))
                     in lexicon.claim_modifiers and last not in lexicon.auxiliaries)  # fmt: skip
        joined = _joined(lexicon, text[: span.start])
        if not (described or joined):
            return
    del scores[OtherClass.ATTRIB]


def _joined(lexicon: TriggerLexicon, before: str) -> bool:
    """Whether the words before a claim join it to a toll told first ("..., and blamed",
    "..., et a accusé")."""
    words = [norm_phrase(word) for word in before.split()[-3:]]
    while words and words[-1] in lexicon.auxiliaries:
        words.pop()
    return (bool(words) and words[-1] in lexicon.claim_joiners
            and next(lexicon.toll.finditer(fold_same_length(before), before), None) is not None)  # fmt: skip


def _settle_territory(
    text: str,
    scores: dict[Label, float],
    evidence: dict[Label, list[Span]],
    context: dict[Label, int],
    rules: TerritoryReader,
) -> None:
    """Who took the ground decides between the two territory types (ACLED); ground held only
    briefly is a clash. When the text names no side, the lexicon's own scores stand."""
    taken = [label for label in TERRITORY_TYPES if label in scores]
    if not taken:
        return
    spans = [
        span
        for label in taken
        for span in evidence[label]
        if text[span.start - 1 : span.start] != "-"  # "rebel-occupied": a description
    ]
    if not spans:
        return
    if context.get(S.DISRUPTED_WEAPONS_USE) and all(" " not in span.quote for span in spans):
        for label in taken:  # "police seized eight guns": weapons, not ground
            _move(scores, evidence, label, S.DISRUPTED_WEAPONS_USE)
        return
    trigger = min(spans, key=lambda span: span.start)
    start, end = sentence_around(text, trigger)
    local = Span(trigger.start - start, trigger.end - start, trigger.quote)
    side, temporary = rules.read(text[start:end], local)
    if temporary:  # ground held for a few hours is fighting, not a change of control
        for label in taken:
            _move(scores, evidence, label, S.ARMED_CLASH)
        return
    if side is None:
        return
    winner = TERRITORY_TYPES[0] if side == STATE else TERRITORY_TYPES[1]
    for label in taken:
        if label is not winner:
            _move(scores, evidence, label, winner)
    # A change of control outranks the fighting and strikes that brought it (ACLED).
    rivals = [scores.get(label, 0.0) for label in _TAKING_GROUND]
    scores[winner] = max(scores[winner], max(rivals) + 0.01)


def sentence_around(text: str, span: Span) -> tuple[int, int]:
    """The start and end offsets of the sentence of ``text`` that holds ``span``."""
    start = text.rfind(". ", 0, span.start)
    end = text.find(". ", span.end)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end + 1)
