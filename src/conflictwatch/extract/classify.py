"""Which kind of event a passage reports: one of ACLED's 25 sub-event types, a non-ACLED class
(crime, disaster, diplomacy, attribution), or nothing at all.

Trigger phrases come from the pack (``triggers_<lang>.yaml``); one compiled matcher per language
finds them all in a single pass, each adds weight to its types, and a few rules between types
settle the usual contests (a protest met with tear gas, a suicide bomber's explosion, an attack
on an army post). A :class:`ModalityReader` then drops what did not happen as stated: denials,
plans, threats, suppositions and background counts; a foiled attack becomes *Disrupted weapons
use*. An optional trained :class:`~conflictwatch.extract.subtype_model.SubtypeModel` can rerank.

    >>> from conflictwatch.knowledge import load_pack
    >>> classifier = SubtypeClassifier.from_pack(load_pack("sahel"))
    >>> str(classifier.best("A roadside bomb struck an army convoy near Gao.", "en").label)
    'Remote explosive/landmine/IED'
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..knowledge.pack import Pack
from ..taxonomy import EventType, SubEventType
from .modality import ModalityKind, ModalityReader, PhraseMatcher, fold_same_length
from .records import OtherClass, Span, TypeScore
from .territory import STATE, TerritoryReader

if TYPE_CHECKING:
    from .subtype_model import SubtypeModel

Label = SubEventType | OtherClass
S = SubEventType

# How much one trigger of a type counts: specific weapons outweigh the generic "attack".
_TYPE_WEIGHT: Mapping[Label, float] = {
    S.SUICIDE_BOMB: 3.0,
    S.CHEMICAL_WEAPON: 3.0,
    S.GRENADE: 2.5,
    S.SEXUAL_VIOLENCE: 2.0,
    S.AIR_DRONE_STRIKE: 1.8,
    S.SHELLING_ARTILLERY_MISSILE_ATTACK: 1.5,
    S.EXCESSIVE_FORCE_AGAINST_PROTESTERS: 1.5,
    S.HEADQUARTERS_OR_BASE_ESTABLISHED: 2.0,
    S.DISRUPTED_WEAPONS_USE: 1.5,
    S.MOB_VIOLENCE: 1.5,
    S.ABDUCTION_FORCED_DISAPPEARANCE: 1.3,
    S.OTHER: 0.5,
    OtherClass.NATURAL_DISASTER: 2.0,
    OtherClass.MAN_MADE_DISASTER: 1.5,
    OtherClass.DIPLO: 1.5,
    OtherClass.ATTRIB: 1.5,
    OtherClass.ORG_CRIME: 1.3,
}
# A siege or blockade is a situation of its own (Strategic developments/Other), not one of the
# weak "incidents" and "tensions" the Other type otherwise collects.
_SITUATION_WEIGHT = 2.0
_CONTEXT_WEIGHT = 0.3  # a weapon or victim word of a type that already has a trigger
_LATER_SENTENCES = 0.6  # the first sentence usually names the salient event
_CONFIDENT = 0.6  # a trained model may label a passage without triggers above this probability
_VIOLENT = {EventType.BATTLES, EventType.EXPLOSIONS_REMOTE_VIOLENCE}
_VIOLENT |= {EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.RIOTS}
_TERRITORY = (S.GOVERNMENT_REGAINS_TERRITORY, S.NON_STATE_ACTOR_OVERTAKES_TERRITORY)
# How ground is taken: when a named side takes it, the territory type outranks these.
_TAKING_GROUND = (
    S.ARMED_CLASH,
    S.ATTACK,
    S.AIR_DRONE_STRIKE,
    S.SHELLING_ARTILLERY_MISSILE_ATTACK,
)
_PROTEST_TYPES = (
    S.PROTEST_WITH_INTERVENTION,
    S.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
    S.VIOLENT_DEMONSTRATION,
)
_DEMONSTRATIONS = (S.PEACEFUL_PROTEST, *_PROTEST_TYPES)
_PROTEST_PRECEDENCE = (
    S.VIOLENT_DEMONSTRATION,
    S.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
    S.PROTEST_WITH_INTERVENTION,
)


def parse_label(value: str) -> Label:
    """A sub-event type by ACLED label or enum name, or a non-ACLED class by name."""
    if value in OtherClass._value2member_map_:
        return OtherClass(value)
    return SubEventType.from_label(value)  # type: ignore[return-value]


def is_violent(label: Label) -> bool:
    return isinstance(label, SubEventType) and label.event_type in _VIOLENT


@dataclass(frozen=True)
class _Lexicon:
    """One language's triggers as a single matcher and the types each phrase points to."""

    matcher: PhraseMatcher
    triggers: Mapping[str, tuple[tuple[Label, float], ...]]
    context: Mapping[str, tuple[Label, ...]]
    around_protests: Mapping[str, tuple[tuple[Label, float], ...]]
    accident_like: frozenset[str]
    weapon_stores: frozenset[str]
    not_triggers: frozenset[str]  # accented words folding would confuse with a trigger
    territory: TerritoryReader
    modality: ModalityReader
    toll: PhraseMatcher  # deaths and wounds: an "attempted" attack that killed happened

    @classmethod
    def build(cls, spec: Mapping[str, Any], cues: Mapping[str, Any], lang: str) -> _Lexicon:
        owners: dict[str, list[Label]] = {}
        context: dict[str, list[Label]] = {}
        sections: list[tuple[Label, Mapping[str, Any]]] = [
            (S(k), v) for k, v in spec.get("sub_event_types", {}).items()
        ]
        sections += [(OtherClass(k), v) for k, v in spec.get("other_classes", {}).items()]
        situations: set[str] = set()
        for label, fields in sections:
            for phrase in fields.get("triggers", ()):
                owners.setdefault(_norm(phrase), []).append(label)
            for phrase in fields.get("situations", ()):
                owners.setdefault(_norm(phrase), []).append(label)
                situations.add(_norm(phrase))
            for name in ("weapons", "victims"):
                for phrase in fields.get(name, ()):
                    context.setdefault(_norm(phrase), []).append(label)
        around: dict[str, list[Label]] = {}
        for name, phrases in spec.get("around_protests", {}).items():
            for phrase in phrases:
                around.setdefault(_norm(phrase), []).append(S(name))
        triggers = _weighted(owners)
        for key in situations:
            words = key.count(" ") + 1
            triggers[key] = tuple((label, _SITUATION_WEIGHT * (1.0 + 0.5 * (words - 1)))
                                  for label, _weight in triggers[key])  # fmt: skip
        return cls(
            matcher=PhraseMatcher([*triggers, *context, *around]),
            triggers=triggers,
            context={k: tuple(v) for k, v in context.items()},
            around_protests=_weighted(around),
            accident_like=frozenset(_norm(p) for p in spec.get("accident_like", ())),
            weapon_stores=frozenset(_norm(p) for p in spec.get("weapon_stores", ())),
            not_triggers=frozenset(
                " ".join(p.lower().split()) for p in spec.get("not_triggers", ())
            ),
            territory=TerritoryReader.build(spec.get("territory", {})),
            modality=ModalityReader(lang, cues),
            toll=PhraseMatcher(cues.get(lang, {}).get("toll", ())),
        )


#: A base or camp handed over or taken possession of: "remis mardi sa base de Tombouctou à
#: l'armée malienne", "la remise aux FAMa de la plateforme de Gao", "handing over its drone
#: base near Agadez".
_BASE_HANDOVER = re.compile(
    r"\b(?:remis|remise|rétrocéd\w*|rétrocession|handed\s+over|handing\s+over|hand\s+over|"
    r"handover|took\s+possession\s+of|taken\s+possession\s+of|pris\s+possession\s+d)"
    r"(?:\s+[\w'’()-]+){0,6}?\s*(?:de\s+|d['’])?(?:sa|la|leur|son|its|the|their|du|des)?\s*"
    r"(?:(?:drone|air|military|army|opérationnelle)\s+)?"
    r"(?:base|bases|camp|camps|emprise|plateforme|installations)\b",
    re.IGNORECASE,
)
_HANDOVER_WEIGHT = 3.0

#: A mine that is dug for ore, not laid: "a gold mine", "the Boungou mine, operated by",
#: "la mine d'or", "les mines artisanales".
_MINING = re.compile(
    r"\b(?:gold|mining|artisanal|industrial|uranium|copper|zinc|manganese|lithium|phosphate|"
    r"coal|open-pit)\s+(?:[\w-]+\s+)?mines?\b"
    r"|\bmines?\s+(?:d['’]or|aurif[èe]res?|d['’]uranium|artisanales?|industrielles?|"
    r"operated|operator|owned|workers|employees|site|sites|company|concession)\b"
    r"|\b(?:the|a|la|une)\s+[A-Z][\w-]+\s+mine\b"
    r"|\b(?:orpaillage|orpailleurs?|minier|minière|miners?)\b",
)
#: Carrying out a contract or a plan, not killing a person: "la bonne exécution des termes du
#: contrat", "la mise en exécution du budget".
_CARRYING_OUT = re.compile(
    r"\b(?:bonne|mise en|en cours d['’]|phase d['’])\s*exécution"
    r"|\bexécution\s+(?:des?|du|de la|d['’])\s*(?:termes|contrats?|budgets?|projets?|"
    r"programmes?|travaux|décisions?|mesures|plans?|marchés?|activités|tâches|missions?|"
    r"conventions?|accords?|réformes?|dépenses|recettes|ordonnances?|jugements?)\b",
    re.IGNORECASE,
)
#: Consent, not a signed agreement: "ont marqué leur accord", "d'accord", "en accord avec".
_CONSENT = re.compile(
    r"\b(?:leur|son|sa|mon|notre|votre|d['’]|en|un large)\s*accord\b(?!\s+(?:de paix|de "
    r"cessez|militaire|de défense|de coopération|signé))",
    re.IGNORECASE,
)


def _weighted(owners: Mapping[str, list[Label]]) -> dict[str, tuple[tuple[Label, float], ...]]:
    return {
        key: tuple((lab, _phrase_weight(key, lab, len(labels))) for lab in labels)
        for key, labels in owners.items()
    }


def _norm(phrase: str) -> str:
    return " ".join(fold_same_length(phrase).split())


def _senses(**by_word: re.Pattern[str]) -> dict[str, re.Pattern[str]]:
    return {_norm(word.replace("_", " ")): pattern for word, pattern in by_word.items()}


#: Trigger words with a common sense that is no event, and the context that shows that sense.
_OTHER_SENSES = _senses(
    mine=_MINING, mines=_MINING, exécution=_CARRYING_OUT, exécutions=_CARRYING_OUT,
    accord=_CONSENT,
)  # fmt: skip


def _phrase_weight(key: str, label: Label, owners: int) -> float:
    """Longer phrases are surer; a phrase shared by several types says less about each."""
    words = key.count(" ") + 1
    return _TYPE_WEIGHT.get(label, 1.0) * (1.0 + 0.5 * (words - 1)) / math.sqrt(owners)


@dataclass
class _Tally:
    scores: dict[Label, float]
    evidence: dict[Label, list[Span]]
    context: dict[Label, int]


class SubtypeClassifier:
    """Scores a passage against every sub-event type and non-ACLED class; pure after building."""

    def __init__(self, lexicons: Mapping[str, _Lexicon], model: SubtypeModel | None = None):
        self._lexicons = lexicons
        self.model = model

    @classmethod
    def from_pack(cls, pack: Pack, model: SubtypeModel | None = None) -> SubtypeClassifier:
        cues = pack.lexicon("cues")
        lexicons = {
            lang: _Lexicon.build(pack.lexicon(f"triggers_{lang}"), cues, lang)
            for lang in pack.languages
            if f"triggers_{lang}" in pack.lexicons
        }
        return cls(lexicons, model)

    def with_model(self, model: SubtypeModel | None) -> SubtypeClassifier:
        return SubtypeClassifier(self._lexicons, model)

    def rule_scores(self, text: str, lang: str) -> dict[Label, float]:
        """The lexicon's raw score per label (the trained model's rule features)."""
        return self._tally(text, lang).scores

    def scores(self, text: str, lang: str) -> list[TypeScore]:
        """Candidate labels, best first, each with its trigger spans; [] when nothing event-like."""
        tally = self._tally(text, lang)
        ranked = dict(tally.scores)
        if self.model is not None:
            probabilities = self.model.probabilities(text, tally.scores)
            if not ranked and max(probabilities.values(), default=0.0) < _CONFIDENT:
                return []
            ranked = probabilities
        if not ranked:
            return []
        ranked = self._apply_modality(text, lang, ranked, tally.evidence)
        order = sorted(ranked.items(), key=lambda kv: -kv[1])
        return [
            TypeScore(label, round(score, 4), tuple(tally.evidence.get(label, ())))
            for label, score in order
            if score > 0
        ]

    def best(self, text: str, lang: str) -> TypeScore | None:
        scored = self.scores(text, lang)
        return scored[0] if scored else None

    # --- internals ---------------------------------------------------------------------------

    def _lexicon(self, lang: str) -> _Lexicon:
        lexicon = self._lexicons.get(lang)
        if lexicon is None:
            from ..errors import InputError

            known = ", ".join(sorted(self._lexicons)) or "(none)"
            raise InputError(f"no trigger lexicon for language {lang!r}; available: {known}")
        return lexicon

    def _tally(self, text: str, lang: str) -> _Tally:
        lexicon = self._lexicon(lang)
        first_end = _first_sentence_end(text)
        scores: dict[Label, float] = {}
        evidence: dict[Label, list[Span]] = {}
        context: dict[Label, int] = {}
        around: list[tuple[Label, float, Span]] = []
        for key, span in lexicon.matcher.finditer(fold_same_length(text), text):
            if span.quote in _MONTH_NAMES or span.quote.lower() in lexicon.not_triggers:
                continue  # "in March", "le marché": not a march; protest marches are lower case
            sense = _OTHER_SENSES.get(key)
            if sense is not None and sense.search(text, max(0, span.start - 40), span.end + 40):
                continue  # "a gold mine", "la bonne exécution du contrat": another sense
            for label in lexicon.context.get(key, ()):
                context[label] = context.get(label, 0) + 1
            factor = 1.0 if span.start < first_end else _LATER_SENTENCES
            for label, weight in lexicon.triggers.get(key, ()):
                scores[label] = scores.get(label, 0.0) + weight * factor
                evidence.setdefault(label, []).append(span)
            for label, weight in lexicon.around_protests.get(key, ()):
                around.append((label, weight * factor, span))
        if around and (
            context.get(S.PEACEFUL_PROTEST) or any(label in scores for label in _DEMONSTRATIONS)
        ):
            for label, weight, span in around:  # tear gas, torching, clashes: at a protest
                scores[label] = scores.get(label, 0.0) + weight
                evidence.setdefault(label, []).append(span)
        for label, count in context.items():
            if label in scores:
                scores[label] += _CONTEXT_WEIGHT * min(count, 3)
        for match in _BASE_HANDOVER.finditer(text):
            # A base handed over to the forces that now hold it: a base established, whoever
            # left it (Barkhane, MINUSMA, the US), however the sentence words it.
            factor = 1.0 if match.start() < first_end else _LATER_SENTENCES
            scores[S.HEADQUARTERS_OR_BASE_ESTABLISHED] = (
                scores.get(S.HEADQUARTERS_OR_BASE_ESTABLISHED, 0.0) + _HANDOVER_WEIGHT * factor
            )
            evidence.setdefault(S.HEADQUARTERS_OR_BASE_ESTABLISHED, []).append(
                Span(match.start(), match.end(), match.group())
            )
        _settle_territory(text, scores, evidence, context, lexicon.territory)
        _settle_contests(scores, evidence, context)
        _settle_accidents(scores, evidence, context, lexicon.accident_like)
        _settle_struck_stores(scores, evidence, lexicon.weapon_stores)
        return _Tally(scores, evidence, context)

    def _apply_modality(
        self, text: str, lang: str, ranked: dict[Label, float], evidence: dict[Label, list[Span]]
    ) -> dict[Label, float]:
        """Drop violent labels none of whose triggers is asserted, best first, until one is."""
        lexicon = self._lexicon(lang)
        kept = dict(ranked)
        for label in sorted(ranked, key=lambda k: -ranked[k]):
            spans = sorted(evidence.get(label, ()), key=lambda span: span.start)
            if not is_violent(label) or not spans:
                break
            kinds: set[ModalityKind] = set()
            for span in spans:
                kinds.add(_modality_at(lexicon, text, span))
                if ModalityKind.ASSERTED in kinds:
                    break
            if ModalityKind.ASSERTED in kinds:
                break
            del kept[label]
            if ModalityKind.FOILED in kinds:
                disrupted = S.DISRUPTED_WEAPONS_USE
                kept[disrupted] = max(kept.get(disrupted, 0.0), ranked[label]) + 0.01
                evidence.setdefault(disrupted, list(spans))
                break
        return kept


def _modality_at(lexicon: _Lexicon, text: str, trigger: Span) -> ModalityKind:
    start, end = _sentence_around(text, trigger)
    sentence = text[start:end]
    local = Span(trigger.start - start, trigger.end - start, trigger.quote)
    kind = lexicon.modality.read(sentence, local).kind
    if kind is ModalityKind.FOILED and next(
        lexicon.toll.finditer(fold_same_length(sentence), sentence), None
    ):
        return ModalityKind.ASSERTED  # "attempted to storm the camp, killing two": it happened
    return kind


def _settle_contests(
    scores: dict[Label, float], evidence: dict[Label, list[Span]], context: dict[Label, int]
) -> None:
    """Rules between types that single triggers cannot express."""

    def move(source: Label, target: Label, share: float = 1.0, keep: float = 0.0) -> None:
        _move(scores, evidence, source, target, share, keep)

    protest = scores.get(S.PEACEFUL_PROTEST, 0.0)
    if protest or any(label in scores for label in _PROTEST_TYPES):
        # Around a protest, "clashes" are rioting, "arrests" are an intervention and property
        # destroyed is the demonstrators' violence (ACLED codes all three as demonstrations).
        if S.ARMED_CLASH in scores:
            move(S.ARMED_CLASH, S.VIOLENT_DEMONSTRATION)
        if S.LOOTING_PROPERTY_DESTRUCTION in scores:
            move(S.LOOTING_PROPERTY_DESTRUCTION, S.VIOLENT_DEMONSTRATION)
        if S.ARRESTS in scores:
            move(S.ARRESTS, S.PROTEST_WITH_INTERVENTION, share=0.5)
        for label in _PROTEST_TYPES:
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
            _norm(span.quote) in accident_like for span in evidence.get(label, ())
        ):
            _move(scores, evidence, label, disaster)


def _settle_struck_stores(
    scores: dict[Label, float], evidence: dict[Label, list[Span]], stores: frozenset[str]
) -> None:
    """A weapons depot or cache hit from the air or by artillery is the strike's target."""
    disrupted = S.DISRUPTED_WEAPONS_USE
    if disrupted not in scores:
        return
    if not all(_norm(span.quote) in stores for span in evidence.get(disrupted, ())):
        return
    for strike in (S.AIR_DRONE_STRIKE, S.SHELLING_ARTILLERY_MISSILE_ATTACK):
        if strike in scores:
            _move(scores, evidence, disrupted, strike)
            return


def _settle_territory(
    text: str,
    scores: dict[Label, float],
    evidence: dict[Label, list[Span]],
    context: dict[Label, int],
    rules: TerritoryReader,
) -> None:
    """Who took the ground decides between the two territory types (ACLED); ground held only
    briefly is a clash. When the text names no side, the lexicon's own scores stand."""
    taken = [label for label in _TERRITORY if label in scores]
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
    start, end = _sentence_around(text, trigger)
    local = Span(trigger.start - start, trigger.end - start, trigger.quote)
    side, temporary = rules.read(text[start:end], local)
    if temporary:  # ground held for a few hours is fighting, not a change of control
        for label in taken:
            _move(scores, evidence, label, S.ARMED_CLASH)
        return
    if side is None:
        return
    winner = _TERRITORY[0] if side == STATE else _TERRITORY[1]
    for label in taken:
        if label is not winner:
            _move(scores, evidence, label, winner)
    # A change of control outranks the fighting and strikes that brought it (ACLED).
    rivals = [scores.get(label, 0.0) for label in _TAKING_GROUND]
    scores[winner] = max(scores[winner], max(rivals) + 0.01)


#: Capitalised month names that are also trigger words.
_MONTH_NAMES = frozenset({"March", "MARCH"})


def _first_sentence_end(text: str) -> int:
    at = text.find(". ")
    return len(text) if at < 0 else at + 1


def _sentence_around(text: str, span: Span) -> tuple[int, int]:
    start = text.rfind(". ", 0, span.start)
    end = text.find(". ", span.end)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end + 1)
