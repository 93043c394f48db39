"""The loaded pack and its lookups: actors by name or alias (with period, country and successor
variants), periods, glossary notes and lexicons."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..errors import RegistryError
from ..model import Actor
from ..taxonomy import SubEventType
from .records import Country, GlossaryEntry, Period, fold

_VARIANT = re.compile(r"^(.*\S)\s*\([^()]*\)$")  # "Military Forces of Mali (2021-)" -> base name


@dataclass(frozen=True)
class Pack:
    """A loaded, validated knowledge pack. Build it with :func:`load_pack`."""

    name: str
    version: str
    description: str
    languages: tuple[str, ...]
    countries: tuple[Country, ...]
    actors: tuple[Actor, ...]
    all_periods: tuple[Period, ...]
    glossary: tuple[GlossaryEntry, ...]
    lexicons: Mapping[str, Mapping[str, Any]]
    source: str = ""
    parents: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    components: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    successors: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    _by_name: Mapping[str, Actor] = field(init=False, repr=False, compare=False)
    _by_alias: Mapping[str, Actor] = field(init=False, repr=False, compare=False)
    _variants: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _glossary_keys: tuple[tuple[str, GlossaryEntry], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        by_alias: dict[str, Actor] = {}
        groups: dict[str, list[str]] = {}
        for actor in self.actors:
            for name in (actor.name, *_aliases(actor)):
                by_alias.setdefault(fold(name), actor)
            groups.setdefault(_base_name(actor.name), []).append(actor.name)
        keys = [(fold(name), entry) for entry in self.glossary for name in entry.names()]
        indexes = {
            "_by_name": MappingProxyType({a.name: a for a in self.actors}),
            "_by_alias": MappingProxyType(by_alias),
            "_variants": MappingProxyType({b: tuple(n) for b, n in groups.items()}),
            "_glossary_keys": tuple((k, e) for k, e in keys if k),
        }
        for name, value in indexes.items():
            object.__setattr__(self, name, value)

    # --- actors ------------------------------------------------------------------------------

    def actor(self, name: str) -> Actor | None:
        """The actor with this exact canonical name."""
        return self._by_name.get(name)

    def actor_for(
        self, alias: str, *, on: dt.date | None = None, country: str | None = None
    ) -> Actor | None:
        """The actor an alias or name refers to, ignoring case, accents and punctuation.

        A name without its bracket ("Military Forces of Mali") names all its variants. With ``on``
        or ``country``, an actor with period or country variants ("Military Forces of
        Mali (2013-2020)", "Civilians (Niger)") resolves to the variant that fits, and an actor
        that had ended by ``on`` resolves to its successor (Ansar Dine in 2019 -> JNIM).
        """
        actor = self._by_name.get(alias.strip()) or self._by_alias.get(fold(alias))
        if actor is None and alias.strip() in self._variants:
            actor = self._by_name[self._variants[alias.strip()][0]]  # "Military Forces of Mali"
        if actor is None or (on is None and country is None):
            return actor
        seen: set[str] = set()
        while True:
            actor = self._best_variant(actor, on, country)
            successor = self.successors.get(actor.name)
            ended = on is not None and actor.active_to is not None and on > actor.active_to
            if not (ended and successor) or actor.name in seen:
                return actor
            seen.add(actor.name)
            actor = self._by_name[successor]

    def _best_variant(self, actor: Actor, on: dt.date | None, country: str | None) -> Actor:
        def score(candidate: Actor) -> tuple[bool, bool]:
            return (
                country is None or candidate.country == country,
                on is None or _active_on(candidate, on),
            )

        names = self._variants.get(_base_name(actor.name), ())
        candidates = [actor, *(self._by_name[n] for n in names if n != actor.name)]
        return max(candidates, key=score)  # max keeps the first of equals: the alias' own actor

    def family_of(self, actor_name: str) -> str | None:
        """The family ("al-qaeda", "state", ...) of an actor given by canonical name or alias."""
        actor = self._by_name.get(actor_name) or self.actor_for(actor_name)
        return actor.family if actor else None

    def parent_of(self, actor_name: str) -> Actor | None:
        parent = self.parents.get(actor_name)
        return self._by_name[parent] if parent else None

    def components_of(self, actor_name: str) -> tuple[Actor, ...]:
        return tuple(self._by_name[n] for n in self.components.get(actor_name, ()))

    def alias_items(self) -> Iterator[tuple[str, Actor]]:
        """Every name and alias as written, with its actor: the input for a phrase matcher."""
        for actor in self.actors:
            for name in dict.fromkeys((actor.name, *_aliases(actor))):
                yield name, actor

    # --- periods, glossary, lexicons -------------------------------------------------------------

    def periods(self, country: str | None = None) -> tuple[Period, ...]:
        """Milestones for a country (ISO2), or all of them, in date order."""
        return tuple(p for p in self.all_periods if country is None or country in p.countries)

    def glossary_for(self, text: str) -> tuple[GlossaryEntry, ...]:
        """Glossary entries whose title or an alias appears in ``text``, in order of appearance."""
        haystack = f" {fold(text)} "
        first: dict[str, tuple[int, GlossaryEntry]] = {}
        for key, entry in self._glossary_keys:
            at = haystack.find(f" {key} ")
            if at >= 0 and (entry.key not in first or at < first[entry.key][0]):
                first[entry.key] = (at, entry)
        return tuple(entry for _, entry in sorted(first.values(), key=lambda pair: pair[0]))

    def lexicon(self, name: str) -> Mapping[str, Any]:
        """A lexicon file's content by name ("cues", "numbers", "triggers_fr", ...), read-only."""
        try:
            return self.lexicons[name]
        except KeyError:
            available = ", ".join(sorted(self.lexicons)) or "(none)"
            raise RegistryError(
                f"Can't find {name!r} in the lexicons of pack {self.name!r}. Available: {available}"
            ) from None

    def triggers(self, language: str) -> Mapping[SubEventType, tuple[str, ...]]:
        """Trigger phrases per ACLED sub-event type for one language."""
        types = self.lexicon(f"triggers_{language}").get("sub_event_types", {})
        return MappingProxyType(
            {SubEventType(label): tuple(spec["triggers"]) for label, spec in types.items()}
        )


def _aliases(actor: Actor) -> Iterator[str]:
    for names in actor.aliases.values():
        yield from names


def _base_name(name: str) -> str:
    match = _VARIANT.match(name)
    return match.group(1) if match else name


def _active_on(actor: Actor, day: dt.date) -> bool:
    starts = actor.active_from is None or actor.active_from <= day
    return starts and (actor.active_to is None or day <= actor.active_to)
