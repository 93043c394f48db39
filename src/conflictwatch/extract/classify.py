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
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..knowledge.pack import Pack
from ..taxonomy import EventType, SubEventType
from .modality import ModalityKind, ModalityReader, PhraseMatcher, fold_same_length
from .records import OtherClass, Span, TypeScore

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
_CONTEXT_WEIGHT = 0.3  # a weapon or victim word of a type that already has a trigger
_LATER_SENTENCES = 0.6  # the first sentence usually names the salient event
_CONFIDENT = 0.6  # a trained model may label a passage without triggers above this probability
_VIOLENT = {EventType.BATTLES, EventType.EXPLOSIONS_REMOTE_VIOLENCE}
_VIOLENT |= {EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.RIOTS}
_PROTEST_TYPES = (
    S.PROTEST_WITH_INTERVENTION,
    S.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
    S.VIOLENT_DEMONSTRATION,
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
    modality: ModalityReader

    @classmethod
    def build(cls, spec: Mapping[str, Any], cues: Mapping[str, Any], lang: str) -> _Lexicon:
        owners: dict[str, list[Label]] = {}
        context: dict[str, list[Label]] = {}
        sections: list[tuple[Label, Mapping[str, Any]]] = [
            (S(k), v) for k, v in spec.get("sub_event_types", {}).items()
        ]
        sections += [(OtherClass(k), v) for k, v in spec.get("other_classes", {}).items()]
        for label, fields in sections:
            for phrase in fields.get("triggers", ()):
                owners.setdefault(_norm(phrase), []).append(label)
            for name in ("weapons", "victims"):
                for phrase in fields.get(name, ()):
                    context.setdefault(_norm(phrase), []).append(label)
        triggers = {
            key: tuple((lab, _phrase_weight(key, lab, len(labels))) for lab in labels)
            for key, labels in owners.items()
        }
        return cls(
            matcher=PhraseMatcher([*triggers, *context]),
            triggers=triggers,
            context={k: tuple(v) for k, v in context.items()},
            modality=ModalityReader(lang, cues),
        )


def _norm(phrase: str) -> str:
    return " ".join(fold_same_length(phrase).split())


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
        for key, span in lexicon.matcher.finditer(fold_same_length(text), text):
            if span.quote in _MONTH_NAMES:
                continue  # "in March", not a march; protest marches are written in lower case
            for label in lexicon.context.get(key, ()):
                context[label] = context.get(label, 0) + 1
            factor = 1.0 if span.start < first_end else _LATER_SENTENCES
            for label, weight in lexicon.triggers.get(key, ()):
                scores[label] = scores.get(label, 0.0) + weight * factor
                evidence.setdefault(label, []).append(span)
        for label, count in context.items():
            if label in scores:
                scores[label] += _CONTEXT_WEIGHT * min(count, 3)
        _settle_contests(scores, evidence, context)
        return _Tally(scores, evidence, context)

    def _apply_modality(
        self, text: str, lang: str, ranked: dict[Label, float], evidence: dict[Label, list[Span]]
    ) -> dict[Label, float]:
        top = max(ranked, key=lambda k: ranked[k])
        spans = sorted(evidence.get(top, ()), key=lambda span: span.start)
        if not is_violent(top) or not spans:
            return ranked
        trigger = spans[0]
        start, end = _sentence_around(text, trigger)
        local = Span(trigger.start - start, trigger.end - start, trigger.quote)
        kind = self._lexicon(lang).modality.read(text[start:end], local).kind
        if kind is ModalityKind.ASSERTED:
            return ranked
        kept = {k: v for k, v in ranked.items() if not is_violent(k)}
        if kind is ModalityKind.FOILED:
            disrupted = S.DISRUPTED_WEAPONS_USE
            kept[disrupted] = max(kept.get(disrupted, 0.0), ranked[top]) + 0.01
            evidence.setdefault(disrupted, list(spans))
        return kept


def _settle_contests(
    scores: dict[Label, float], evidence: dict[Label, list[Span]], context: dict[Label, int]
) -> None:
    """Rules between types that single triggers cannot express."""

    def move(source: Label, target: Label, share: float = 1.0, keep: float = 0.0) -> None:
        scores[target] = scores.get(target, 0.0) + share * scores[source]
        evidence.setdefault(target, []).extend(evidence.get(source, ()))
        if keep:
            scores[source] *= keep
        else:
            del scores[source]

    protest = scores.get(S.PEACEFUL_PROTEST, 0.0)
    if protest:
        # Around a protest, "clashes" are rioting and "arrests" are an intervention.
        if S.ARMED_CLASH in scores:
            move(S.ARMED_CLASH, S.VIOLENT_DEMONSTRATION)
        if S.ARRESTS in scores:
            move(S.ARRESTS, S.PROTEST_WITH_INTERVENTION, share=0.5)
        for label in _PROTEST_TYPES:
            if label in scores:
                scores[label] += protest
    elif any(label in scores for label in _PROTEST_TYPES) and S.ARMED_CLASH in scores:
        scores[S.ARMED_CLASH] *= 0.5
    if S.DISRUPTED_WEAPONS_USE in scores and S.REMOTE_EXPLOSIVE_LANDMINE_IED in scores:
        # a device found, defused or seized did not go off
        move(S.REMOTE_EXPLOSIVE_LANDMINE_IED, S.DISRUPTED_WEAPONS_USE, keep=0.5)
    if S.ATTACK in scores and context.get(S.ARMED_CLASH, 0) > context.get(S.ATTACK, 0):
        # "gunmen attacked an army post": fighting between armed sides, not an attack on civilians
        move(S.ATTACK, S.ARMED_CLASH, keep=0.5)


#: Capitalised month names that are also trigger words.
_MONTH_NAMES = frozenset({"March", "MARCH"})


def _first_sentence_end(text: str) -> int:
    at = text.find(". ")
    return len(text) if at < 0 else at + 1


def _sentence_around(text: str, span: Span) -> tuple[int, int]:
    start = text.rfind(". ", 0, span.start)
    end = text.find(". ", span.end)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end + 1)
