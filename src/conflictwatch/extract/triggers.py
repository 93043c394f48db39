"""The trigger lexicon of one language: the pack's phrases (``triggers_<lang>.yaml``) compiled
into one matcher, each phrase weighted for the types it points to, with the patterns that add or
veto triggers the phrase lists cannot express (a base handed over, a gold mine, "la bonne
exécution du contrat").

A phrase weighs more when it is longer and when its type is specific (a suicide bomb outweighs
the generic "attack"), less when several types share it. :class:`~.classify.SubtypeClassifier`
holds one :class:`TriggerLexicon` per language.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..taxonomy import SubEventType
from .modality import ModalityReader, PhraseMatcher, fold_same_length
from .records import OtherClass
from .territory import TerritoryReader

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


@dataclass(frozen=True)
class TriggerLexicon:
    """One language's triggers as a single matcher and the types each phrase points to."""

    matcher: PhraseMatcher
    triggers: Mapping[str, tuple[tuple[Label, float], ...]]
    context: Mapping[str, tuple[Label, ...]]
    around_protests: Mapping[str, tuple[tuple[Label, float], ...]]
    accident_like: frozenset[str]
    weapon_stores: frozenset[str]
    claim_modifiers: frozenset[str]  # a claim that describes the attack it follows
    auxiliaries: frozenset[str]  # before one of those, the claim is the sentence's own verb
    claim_joiners: frozenset[str]  # a claim joined after an attack told with its toll
    not_triggers: frozenset[str]  # accented words folding would confuse with a trigger
    territory: TerritoryReader
    modality: ModalityReader
    toll: PhraseMatcher  # deaths and wounds: an "attempted" attack that killed happened

    @classmethod
    def build(cls, spec: Mapping[str, Any], cues: Mapping[str, Any], lang: str) -> TriggerLexicon:
        owners: dict[str, list[Label]] = {}
        context: dict[str, list[Label]] = {}
        sections: list[tuple[Label, Mapping[str, Any]]] = [
            (S(k), v) for k, v in spec.get("sub_event_types", {}).items()
        ]
        sections += [(OtherClass(k), v) for k, v in spec.get("other_classes", {}).items()]
        situations: set[str] = set()
        for label, fields in sections:
            for phrase in fields.get("triggers", ()):
                owners.setdefault(norm_phrase(phrase), []).append(label)
            for phrase in fields.get("situations", ()):
                owners.setdefault(norm_phrase(phrase), []).append(label)
                situations.add(norm_phrase(phrase))
            for name in ("weapons", "victims"):
                for phrase in fields.get(name, ()):
                    context.setdefault(norm_phrase(phrase), []).append(label)
        around: dict[str, list[Label]] = {}
        for name, phrases in spec.get("around_protests", {}).items():
            for phrase in phrases:
                around.setdefault(norm_phrase(phrase), []).append(S(name))
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
            accident_like=frozenset(norm_phrase(p) for p in spec.get("accident_like", ())),
            weapon_stores=frozenset(norm_phrase(p) for p in spec.get("weapon_stores", ())),
            claim_modifiers=frozenset(norm_phrase(p) for p in spec.get("claim_modifiers", ())),
            auxiliaries=frozenset(norm_phrase(p) for p in spec.get("auxiliaries", ())),
            claim_joiners=frozenset(norm_phrase(p) for p in spec.get("claim_joiners", ())),
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
BASE_HANDOVER = re.compile(
    r"\b(?:remis|remise|rétrocéd\w*|rétrocession|handed\s+over|handing\s+over|hand\s+over|"
    r"handover|took\s+possession\s+of|taken\s+possession\s+of|pris\s+possession\s+d)"
    r"(?:\s+[\w'’()-]+){0,6}?\s*(?:de\s+|d['’])?(?:sa|la|leur|son|its|the|their|du|des)?\s*"
    r"(?:(?:drone|air|military|army|opérationnelle)\s+)?"
    r"(?:base|bases|camp|camps|emprise|plateforme|installations)\b",
    re.IGNORECASE,
)
HANDOVER_WEIGHT = 3.0

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


#: A party named by the agreement it signed, not an agreement made: "un groupe armé signataire de
#: l'accord de paix", "the groups that are party to the 2015 peace agreement".
_SIGNATORY = re.compile(
    r"\b(?:signataires?|signatory|signatories|party|parties)\s+(?:(?:of|to|de|à|du)\s+)?"
    r"(?:the\s+|l['’]\s*|la\s+)?(?:\w+\s+){0,2}?(?:accords?|agreements?|peace\s+deal)\b",
    re.IGNORECASE,
)
_CONSENT_OR_SIGNATORY = re.compile(f"{_CONSENT.pattern}|{_SIGNATORY.pattern}", re.IGNORECASE)


#: Crowd-control rounds, not a weapon thrown at people: "grenades lacrymogènes", "tear gas
#: grenades", "stun grenades".
_CROWD_CONTROL = re.compile(
    r"\bgrenades?\s+(?:lacrymog\w*|assourdissant\w*|fumig\w*|de\s+d[ée]sencerclement)"
    r"|\b(?:tear[- ]?gas|stun|smoke|flash-?bang|concussion)\s+grenades?\b",
    re.IGNORECASE,
)


#: Something resumed, not ground retaken: "la circulation a repris", "la reprise des cours".
_RESUMED = re.compile(
    r"\b(?:circulation|activités?|cours|classes|trafic|travail|vie|vols?|négociations?|"
    r"dialogue|combats?|affrontements?|échanges|hostilités|commerce|écoles?|marchés?)"
    r"\s+(?:(?:a|ont|avait|avaient)\s+)?(?:\w+\s+)?repris\b"
    r"|\breprise\s+(?:des?|du|de\s+la|de\s+l['’])\s*(?:cours|classes|activités|négociations|"
    r"dialogue|combats|affrontements|hostilités|vols|travaux|trafic|circulation|commerce|"
    r"échanges|services?|école|écoles)\b"
    # a figure taken up: "95 morts, un chiffre ... repris par le gouvernement"
    r"|\brepris\s+par\s+(?:le\s+gouvernement|les\s+autorités|la\s+presse|les\s+médias)\b",
    re.IGNORECASE,
)


def _weighted(owners: Mapping[str, list[Label]]) -> dict[str, tuple[tuple[Label, float], ...]]:
    return {
        key: tuple((lab, _phrase_weight(key, lab, len(labels))) for lab in labels)
        for key, labels in owners.items()
    }


def norm_phrase(phrase: str) -> str:
    """A phrase as the lexicon keys it: lower case, accents folded, spaces collapsed."""
    return " ".join(fold_same_length(phrase).split())


def _senses(**by_word: re.Pattern[str]) -> dict[str, re.Pattern[str]]:
    return {norm_phrase(word.replace("_", " ")): pattern for word, pattern in by_word.items()}


#: Who an actor is, not what it did: "the civilian auxiliaries who fight alongside the army".
_ROLE = re.compile(
    r"\b(?:who|that|which)\s+(?:\w+\s+)?fight\s+(?:alongside|with|against|for|beside)\b",
    re.IGNORECASE,
)


#: Attackers splitting up to strike, not a group splitting: "split into two groups and struck".
_SPLIT_UP = re.compile(
    r"\bsplit\s+(?:up\s+)?into\s+(?:\w+\s+)?(?:groups|columns|units|teams)\b", re.IGNORECASE
)


#: Trigger words with a common sense that is no event, and the context that shows that sense.
OTHER_SENSES = _senses(
    mine=_MINING, mines=_MINING, exécution=_CARRYING_OUT, exécutions=_CARRYING_OUT,
    accord=_CONSENT_OR_SIGNATORY, accords=_SIGNATORY, accord_de_paix=_SIGNATORY,
    agreement=_SIGNATORY, agreements=_SIGNATORY, peace_agreement=_SIGNATORY,
    peace_deal=_SIGNATORY, grenade=_CROWD_CONTROL, grenades=_CROWD_CONTROL, repris=_RESUMED,
    reprise=_RESUMED, a_repris=_RESUMED, ont_repris=_RESUMED, reprise_de=_RESUMED, fight=_ROLE,
    split=_SPLIT_UP,
)  # fmt: skip


def _phrase_weight(key: str, label: Label, owners: int) -> float:
    """Longer phrases are surer; a phrase shared by several types says less about each."""
    words = key.count(" ") + 1
    return _TYPE_WEIGHT.get(label, 1.0) * (1.0 + 0.5 * (words - 1)) / math.sqrt(owners)


#: Capitalised month names that are also trigger words.
MONTH_NAMES = frozenset({"March", "MARCH"})
