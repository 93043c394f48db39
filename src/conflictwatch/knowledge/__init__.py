"""Knowledge packs: actors, aliases, periods, glossary notes and lexicons as editable YAML data.

A pack is a folder (built-in ones live in ``conflictwatch/packs/``) holding ``pack.yaml``,
``actors.yaml`` and optionally ``periods.yaml``, ``glossary.yaml`` and ``lexicon/*.yaml``. Loading
validates every entry and names the file, line, entry and field of anything wrong::

    >>> pack = load_pack("sahel")
    >>> pack.actor_for("GSIM").name
    'JNIM: Group for Support of Islam and Muslims'
    >>> pack.actor_for("armée malienne", on=dt.date(2019, 5, 1)).name
    'Military Forces of Mali (2013-2020)'
"""

from .pack import Pack
from .reading import available_packs, load_pack
from .records import (
    FAMILIES,
    GLOSSARY_KINDS,
    Country,
    GlossaryEntry,
    Period,
    fold,
    parse_partial_date,
)

__all__ = [
    "FAMILIES",
    "GLOSSARY_KINDS",
    "Country",
    "GlossaryEntry",
    "Pack",
    "Period",
    "available_packs",
    "fold",
    "load_pack",
    "parse_partial_date",
]
