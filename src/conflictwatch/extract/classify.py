"""Which kind of event a passage reports: one of ACLED's 25 sub-event types, a non-ACLED class
(crime, disaster, diplomacy, attribution), or nothing at all.

Trigger phrases come from the pack (``triggers_<lang>.yaml``); one compiled matcher per language
finds them all in a single pass, each adds weight to its types, and a few rules between types
settle the usual contests (a protest met with tear gas, a suicide bomber's explosion, an attack
on an army post). A :class:`ModalityReader` then drops what did not happen as stated: denials,
plans, threats, suppositions and background counts; a foiled attack becomes *Disrupted weapons
use*. An optional trained :class:`~conflictwatch.extract.subtype_model.SubtypeModel` can rerank.

This module holds the classifier; the lexicon and its weights are in :mod:`.triggers`, the rules
between types in :mod:`.contests`.

    >>> from conflictwatch.knowledge import load_pack
    >>> classifier = SubtypeClassifier.from_pack(load_pack("sahel"))
    >>> str(classifier.best("A roadside bomb struck an army convoy near Gao.", "en").label)
    'Remote explosive/landmine/IED'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..knowledge.pack import Pack
from ..taxonomy import EventType, SubEventType
from .contests import PROTEST_TYPES, sentence_around, settle
from .modality import ModalityKind, fold_same_length
from .records import OtherClass, Span, TypeScore
from .triggers import (
    BASE_HANDOVER,
    HANDOVER_WEIGHT,
    MONTH_NAMES,
    OTHER_SENSES,
    Label,
    TriggerLexicon,
)

if TYPE_CHECKING:
    from .subtype_model import SubtypeModel

S = SubEventType

_CONTEXT_WEIGHT = 0.3  # a weapon or victim word of a type that already has a trigger
_LATER_SENTENCES = 0.6  # the first sentence usually names the salient event
_CONFIDENT = 0.6  # a trained model may label a passage without triggers above this probability
_VIOLENT = {EventType.BATTLES, EventType.EXPLOSIONS_REMOTE_VIOLENCE}
_VIOLENT |= {EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.RIOTS}
_DEMONSTRATIONS = (S.PEACEFUL_PROTEST, *PROTEST_TYPES)


def parse_label(value: str) -> Label:
    """A sub-event type by ACLED label or enum name, or a non-ACLED class by name."""
    if value in OtherClass._value2member_map_:
        return OtherClass(value)
    return SubEventType.from_label(value)  # type: ignore[return-value]


def is_violent(label: Label) -> bool:
    return isinstance(label, SubEventType) and label.event_type in _VIOLENT


@dataclass
class _Tally:
    scores: dict[Label, float]
    evidence: dict[Label, list[Span]]
    context: dict[Label, int]


class SubtypeClassifier:
    """Scores a passage against every sub-event type and non-ACLED class; pure after building."""

    def __init__(self, lexicons: Mapping[str, TriggerLexicon], model: SubtypeModel | None = None):
        self._lexicons = lexicons
        self.model = model

    @classmethod
    def from_pack(cls, pack: Pack, model: SubtypeModel | None = None) -> SubtypeClassifier:
        cues = pack.lexicon("cues")
        lexicons = {
            lang: TriggerLexicon.build(pack.lexicon(f"triggers_{lang}"), cues, lang)
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

    def _lexicon(self, lang: str) -> TriggerLexicon:
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
            if span.quote in MONTH_NAMES or span.quote.lower() in lexicon.not_triggers:
                continue  # "in March", "le marché": not a march; protest marches are lower case
            sense = OTHER_SENSES.get(key)
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
        for match in BASE_HANDOVER.finditer(text):
            # A base handed over to the forces that now hold it: a base established, whoever
            # left it (Barkhane, MINUSMA, the US), however the sentence words it.
            factor = 1.0 if match.start() < first_end else _LATER_SENTENCES
            scores[S.HEADQUARTERS_OR_BASE_ESTABLISHED] = (
                scores.get(S.HEADQUARTERS_OR_BASE_ESTABLISHED, 0.0) + HANDOVER_WEIGHT * factor
            )
            evidence.setdefault(S.HEADQUARTERS_OR_BASE_ESTABLISHED, []).append(
                Span(match.start(), match.end(), match.group())
            )
        settle(text, scores, evidence, context, lexicon)
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


def _modality_at(lexicon: TriggerLexicon, text: str, trigger: Span) -> ModalityKind:
    start, end = sentence_around(text, trigger)
    sentence = text[start:end]
    local = Span(trigger.start - start, trigger.end - start, trigger.quote)
    # A year in a "since" clause dates the record an event sets ("the deadliest attack since the
    # violence began in 2015"); whether that sentence tells the event or recalls one is the
    # extractor's to judge, which knows where in the report it stands.
    kind = lexicon.modality.read(sentence, local, opening=True).kind
    if kind is ModalityKind.FOILED and next(
        lexicon.toll.finditer(fold_same_length(sentence), sentence), None
    ):
        return ModalityKind.ASSERTED  # "attempted to storm the camp, killing two": it happened
    return kind


def _first_sentence_end(text: str) -> int:
    at = text.find(". ")
    return len(text) if at < 0 else at + 1
