"""Fire from the air on attackers as they pulled back: an air strike of its own.

"The army repelled the attack on Djibo, and drones and aircraft struck the attackers as they
withdrew": ACLED codes the fight and, apart from it, the strikes on the withdrawing fighters, with
the forces that flew them as the first actor. Air support told as part of the fight ("air
support was called in to pursue the rest", "the air force pursued the assailants") stays in it.

    cues = PursuitCues.from_lexicon(pack.lexicon("cues"))
    strike = strike_on_withdrawal(mention, passage.all_sentences, cues, pack, countries, 1.0)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..knowledge import Pack
from ..model import Evidence, Mention
from ..taxonomy import ActorType, EventType, SubEventType
from .cues import compile_rule
from .segments import Sentence
from .targets import country_code

#: Fields a strike keeps from the fight it was flown in: the same day and place.
_KEPT = ("event_date", "location")


@dataclass(frozen=True)
class PursuitCues:
    """A strike told on fighters pulling back, compiled once from the pack's ``cues`` lexicon
    (both languages in each pattern): "struck the attackers as they withdrew", "des frappes
    aériennes ont visé des combattants en repli"."""

    struck_withdrawing: re.Pattern[str]

    @classmethod
    def from_lexicon(cls, cues: Mapping[str, Any]) -> PursuitCues:
        return cls(
            struck_withdrawing=compile_rule(
                r"\b(?:%(strike_words_patterns)s)\b[^.;]{0,80}?\b(?:%(withdrawing_patterns)s)\b",
                cues,
            )
        )


def strike_on_withdrawal(mention: Mention, sentences: Sequence[Sentence], cues: PursuitCues,
                         pack: Pack, countries: Mapping[str, str],
                         min_score: float) -> Mention | None:  # fmt: skip
    """The air strike on the withdrawing attackers that a battle's sentences tell, as a mention
    of its own (no toll: the dead are counted in the fight), or None."""
    if mention.sub_event_type is not SubEventType.ARMED_CLASH:
        return None
    told = next(((s, hit) for s in sentences
                 if any(t.label is SubEventType.AIR_DRONE_STRIKE and t.score >= min_score
                        for t in s.scores)
                 and (hit := cues.struck_withdrawing.search(s.text))), None)  # fmt: skip
    if told is None:
        return None
    sentence, hit = told
    roles: dict[str, str]  # the fight's role of each side's quote -> its role in the strike
    forces: tuple[str, ActorType | None]
    foe: tuple[str, ActorType | None]
    if mention.inter2 is ActorType.STATE_FORCES:
        forces, foe = (mention.actor2, mention.inter2), (mention.actor1, mention.inter1)
        roles = {"actor1": "actor2", "actor2": "actor1"}
    elif mention.inter1 is ActorType.STATE_FORCES:
        forces, foe = (mention.actor1, mention.inter1), (mention.actor2, mention.inter2)
        roles = {"actor1": "actor1", "actor2": "actor2"}
    else:  # only the state's forces fly over the Sahel's battles
        found = pack.actor_for(f"Military Forces of {mention.country}", on=mention.event_date,
                               country=country_code(mention, countries))  # fmt: skip
        if found is None:
            return None
        forces, foe = (found.name, found.actor_type), (mention.actor1, mention.inter1)
        roles = {"actor1": "actor2"}
    start = sentence.span.start + hit.start()
    evidence = (
        *(e for e in mention.evidence if e.field in _KEPT),
        *(replace(e, field=roles[e.field]) for e in mention.evidence if e.field in roles),
        Evidence("sub_event_type", hit.group(), mention.article_id, start, start + len(hit.group())),
    )  # fmt: skip
    return replace(
        mention, id=f"{mention.id}-a", event_type=EventType.EXPLOSIONS_REMOTE_VIOLENCE,
        sub_event_type=SubEventType.AIR_DRONE_STRIKE, actor1=forces[0], inter1=forces[1],
        actor2=foe[0], inter2=foe[1], assoc_actor_1="", assoc_actor_2="",
        civilian_targeting=False, fatalities=0, fatalities_low=0, fatalities_high=0,
        fatalities_by_side={}, wounded=None, abducted=None, outcome="", tags=("air/drone",),
        evidence=evidence,
    )  # fmt: skip
