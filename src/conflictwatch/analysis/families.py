"""Actor families ("al-qaeda", "state", ...) looked up in a knowledge pack, with "other" for
anyone the pack does not know, so every event falls in exactly one family."""

from __future__ import annotations

from collections.abc import Callable

from ..knowledge import Pack

OTHER = "other"

#: Maps an actor name (canonical or alias) to its family; never fails.
FamilyOf = Callable[[str], str]


def family_lookup(pack: Pack) -> FamilyOf:
    """A cached ``name -> family`` function over ``pack``; unknown or blank names give "other".

    >>> from conflictwatch.knowledge import load_pack
    >>> family_of = family_lookup(load_pack("sahel"))
    >>> family_of("JNIM: Group for Support of Islam and Muslims"), family_of("Nobody")
    ('al-qaeda', 'other')
    """
    seen: dict[str, str] = {}

    def family_of(name: str) -> str:
        if name not in seen:
            seen[name] = (pack.family_of(name) or OTHER) if name.strip() else OTHER
        return seen[name]

    return family_of
