"""Associated actors: the others ACLED lists on a side beside its main actor.

ACLED names one main actor per side. Forces that backed it ("Malian soldiers, backed by Wagner")
are associated actors of that side, a group of civilians the pack knows by trade ("Miners
(Niger)") is associated with the civilians of the country, who are the main actor, and a foreign
force's operation ("Operation Barkhane") with that force. Pure function
over a coded mention, the pack and the supporters the telling named.

    mention = with_associates(mention, pack, countries, supporters)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..knowledge import Pack
from ..model import Mention
from ..taxonomy import ActorType
from .coding import INSURGENTS
from .records import ActorMention
from .targets import country_code

#: How ACLED joins several associated actors of one side.
JOIN = "; "


def with_associates(
    mention: Mention,
    pack: Pack,
    countries: Mapping[str, str],
    supporters: Sequence[ActorMention],
) -> Mention:
    """The mention with civilians by trade moved to associated actors of the country's civilians,
    and each supporter listed on the side of its own camp (the state's side or the armed groups'),
    unless it is that side's main actor already."""
    iso = country_code(mention, countries)
    sides = {1: [mention.actor1, mention.assoc_actor_1], 2: [mention.actor2, mention.assoc_actor_2]}
    for side, inter in ((1, mention.inter1), (2, mention.inter2)):
        name = sides[side][0]
        if inter is not ActorType.CIVILIANS or not name or name.startswith("Civilians"):
            continue
        civilians = pack.actor_for("civilians", on=mention.event_date, country=iso)
        if civilians is not None and civilians.actor_type is ActorType.CIVILIANS:
            sides[side] = [civilians.name, _joined(sides[side][1], name)]
    for side in (1, 2):
        # A foreign force's operation is that force's ("Operation Barkhane": the Military
        # Forces of France, with the operation as associated actor).
        name = sides[side][0]
        parent = pack.parent_of(name) if name else None
        if (parent is not None and pack.family_of(name) == "foreign"
                and parent.family == "foreign"):  # fmt: skip
            main = pack.actor_for(parent.name, on=mention.event_date) or parent
            sides[side] = [main.name, _joined(sides[side][1], name)]
    for supporter in supporters:
        if supporter.name.startswith("Unidentified"):
            continue  # "backed by gunmen" names no one ACLED would list
        camp = supporter.family in INSURGENTS
        backed = next((k for k, (main, _) in sides.items() if main and main != supporter.name
                       and (pack.family_of(main) in INSURGENTS) == camp
                       and pack.family_of(main) != "civilians"), None)  # fmt: skip
        if backed is not None and supporter.name not in sides[backed][1].split(JOIN):
            sides[backed][1] = _joined(sides[backed][1], supporter.name)
    return replace(mention, actor1=sides[1][0], assoc_actor_1=sides[1][1],
                   actor2=sides[2][0], assoc_actor_2=sides[2][1])  # fmt: skip


def _joined(listed: str, name: str) -> str:
    return f"{listed}{JOIN}{name}" if listed else name
