"""Actor families ("al-qaeda", "state", ...) looked up in a knowledge pack, with "other" for
anyone the pack does not know, so every event falls in exactly one family.

Coded datasets from other theatres (a UCDP GED file on Syria) name actors the pack has never
heard of. :func:`infer_families` gives those names a family from how the dataset coded them
(ACLED inter codes) and from their name, so that a briefing on any country still splits state
forces from rebels and foreign forces. The rules are written down below so a reader can check
them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from ..knowledge import Pack, fold
from ..model import Event
from ..taxonomy import ActorType

OTHER = "other"

#: Maps an actor name (canonical or alias) to its family; never fails.
FamilyOf = Callable[[str], str]

# "Military Forces of Mali (2021-)", "Government of Syria", "Police Forces of Niger": the state
# of the country named after "of".
_STATE_NAME = re.compile(
    r"^(?:military|police|government|air|naval|navy|gendarmerie)\b.*?\bof\s+(?:the\s+)?(.+?)"
    r"(?:\s*\([^()]*\))*$",
    re.IGNORECASE,
)

#: Family of an actor the pack does not know, by its ACLED inter code.
FAMILY_BY_ACTOR_TYPE: Mapping[ActorType, str] = {
    ActorType.REBEL_GROUP: "other-armed",
    ActorType.POLITICAL_MILITIA: "militia",
    ActorType.IDENTITY_MILITIA: "militia",
    ActorType.RIOTERS: "protesters",
    ActorType.PROTESTERS: "protesters",
    ActorType.CIVILIANS: "civilians",
    ActorType.EXTERNAL_OTHER_FORCES: "foreign",
}


def guess_family(name: str, actor_type: ActorType | None, country: str) -> str:
    """The family of an actor unknown to the pack, from its inter code, name and event country.

    State forces (inter code 1, or a name like "Government of X" / "Military Forces of X") are
    "state" when they belong to the event's country and "foreign" otherwise; other inter codes
    map through :data:`FAMILY_BY_ACTOR_TYPE`; no code and no telling name gives "other".

    >>> guess_family("Government of Russia (Soviet Union)", ActorType.STATE_FORCES, "Syria")
    'foreign'
    >>> guess_family("Government of Syria", ActorType.STATE_FORCES, "Syria")
    'state'
    """
    match = _STATE_NAME.match(name.strip())
    if match or actor_type is ActorType.STATE_FORCES:
        owner = fold(match.group(1)) if match else fold(name)
        home = fold(country)
        if home and (owner == home or f" {home} " in f" {owner} " or f" {owner} " in f" {home} "):
            return "state"
        return "foreign" if match or home else "state"
    if actor_type is not None:
        return FAMILY_BY_ACTOR_TYPE.get(actor_type, OTHER)
    return OTHER


def infer_families(events: Iterable[Event], pack: Pack) -> dict[str, str]:
    """A family for every actor1/actor2 name in ``events`` that the pack does not know.

    Each appearance votes with :func:`guess_family`; the most frequent family wins (ties: the
    first seen). Names the pack knows are left out: the pack decides for them.
    """
    votes: dict[str, Counter[str]] = {}
    known: dict[str, bool] = {}
    for event in events:
        for name, actor_type in ((event.actor1, event.inter1), (event.actor2, event.inter2)):
            if not name.strip():
                continue
            if name not in known:
                known[name] = pack.family_of(name) is not None
            if known[name]:
                continue
            votes.setdefault(name, Counter())[guess_family(name, actor_type, event.country)] += 1
    return {name: counter.most_common(1)[0][0] for name, counter in votes.items()}


def family_lookup(pack: Pack, inferred: Mapping[str, str] | None = None) -> FamilyOf:
    """A cached ``name -> family`` function over ``pack``; unknown or blank names give "other".

    ``inferred`` (from :func:`infer_families`) answers for names the pack does not know.

    >>> from conflictwatch.knowledge import load_pack
    >>> family_of = family_lookup(load_pack("sahel"))
    >>> family_of("JNIM: Group for Support of Islam and Muslims"), family_of("Nobody")
    ('al-qaeda', 'other')
    """
    seen: dict[str, str] = {}
    guesses = dict(inferred or {})

    def family_of(name: str) -> str:
        if name not in seen:
            if not name.strip():
                seen[name] = OTHER
            else:
                seen[name] = pack.family_of(name) or guesses.get(name, OTHER)
        return seen[name]

    return family_of
