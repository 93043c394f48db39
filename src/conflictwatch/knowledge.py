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

from __future__ import annotations

import calendar
import datetime as dt
import functools
import os
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import yaml

from .errors import InputError, RegistryError
from .model import Actor
from .taxonomy import ActorType, SubEventType

FAMILIES = frozenset(
    {
        "al-qaeda",
        "islamic-state",
        "separatist",
        "state",
        "foreign",
        "militia",
        "un",
        "regional",
        "other-armed",
        "civilians",
        "protesters",
    }
)
GLOSSARY_KINDS = frozenset({"place", "institution", "term", "actor-context"})

_WORD = re.compile(r"[^\W_]+")
_VARIANT = re.compile(r"^(.*\S)\s*\([^()]*\)$")  # "Military Forces of Mali (2021-)" -> base name
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_ISO2 = re.compile(r"^[A-Z]{2}$")


def fold(text: str) -> str:
    """The matching key of a name: lower case, no accents, words joined by single spaces.

    >>> fold("  Groupe de soutien à l'Islam ")
    'groupe de soutien a l islam'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(bare))


@dataclass(frozen=True)
class Country:
    iso2: str
    name: str
    capital: str
    latitude: float
    longitude: float
    name_fr: str = ""


@dataclass(frozen=True)
class Period:
    """A named milestone ("Coup of 24 May 2021") that splits time for before/after comparisons."""

    id: str
    label: Mapping[str, str]  # language -> label
    date: dt.date
    countries: tuple[str, ...]
    description: str = ""
    precision: str = "day"  # day | month | year: how much of ``date`` the source data gave

    def label_in(self, language: str) -> str:
        return self.label.get(language) or next(iter(self.label.values()))


@dataclass(frozen=True)
class GlossaryEntry:
    """A "Did you know?" note on a place, institution, term or actor."""

    key: str
    title: str
    kind: str
    text: str
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    countries: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.title, *(a for names in self.aliases.values() for a in names))


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

        With ``on`` or ``country``, an actor with period or country variants ("Military Forces of
        Mali (2013-2020)", "Civilians (Niger)") resolves to the variant that fits, and an actor
        that had ended by ``on`` resolves to its successor (Ansar Dine in 2019 -> JNIM).
        """
        actor = self._by_name.get(alias.strip()) or self._by_alias.get(fold(alias))
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


# --- loading --------------------------------------------------------------------------------------


def available_packs() -> list[str]:
    """Names of the packs shipped with conflictwatch."""
    root = resources.files("conflictwatch").joinpath("packs")
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.joinpath("pack.yaml").is_file())


def load_pack(name_or_path: str | os.PathLike[str] = "sahel") -> Pack:
    """Load and validate a built-in pack by name, or a user's pack from a folder."""
    return _read_pack(_locate(name_or_path))


def _locate(name_or_path: str | os.PathLike[str]) -> Traversable:
    text = os.fspath(name_or_path)
    looks_like_path = isinstance(name_or_path, os.PathLike) or any(c in text for c in "/\\.")
    if not looks_like_path:
        builtin = resources.files("conflictwatch").joinpath("packs", text)
        if builtin.joinpath("pack.yaml").is_file():
            return builtin
        if not Path(text).is_dir():
            available = ", ".join(available_packs()) or "(none)"
            raise RegistryError(f"Can't find {text!r} in packs. Available: {available}")
    folder = Path(text)
    if not folder.joinpath("pack.yaml").is_file():
        raise InputError(
            "not a knowledge pack: a pack folder needs a pack.yaml (and an actors.yaml)",
            path=folder,
        )
    return folder


def parse_partial_date(value: object, *, end: bool = False) -> tuple[dt.date, str] | None:
    """Read YYYY, YYYY-MM or YYYY-MM-DD (or a YAML date/int) as a date and its precision.

    With ``end`` a partial date stands for its last day ("2017" -> 2017-12-31), as active_to needs.
    Raises ValueError for anything else.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {type(value).__name__}")
    match = _DATE.match(str(value).strip())
    if not match:
        raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if not month:
        return (dt.date(year, 12, 31) if end else dt.date(year, 1, 1)), "year"
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is not 1-12")
    if not day:
        return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1), "month"
    return dt.date(year, month, day), "day"


def _freeze(value: Any) -> Any:
    """Read-only copy of parsed YAML: dicts become mapping proxies and lists tuples."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


def _iso2(value: object) -> tuple[str, ...]:
    """One ISO2 code or a list of them, as a tuple; ValueError otherwise."""
    codes: Sequence[object] = value if isinstance(value, list) else [value]
    if not codes or not all(isinstance(c, str) and _ISO2.match(c) for c in codes):
        raise ValueError("expected an ISO 3166 alpha-2 code such as ML, or a list of them")
    return tuple(str(c) for c in codes)


def _actor_type(value: object) -> ActorType:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 8:
        raise ValueError("expected an ACLED inter code, a whole number from 1 to 8")
    return ActorType(value)


# --- the validating reader ------------------------------------------------------------------------

_ACTOR_FIELDS = {"name", "type", "family", "affiliation", "country", "active_from", "active_to"}
_ACTOR_FIELDS |= {"aliases", "description", "parent", "components", "successor"}
_PERIOD_FIELDS = {"id", "label", "date", "country", "description"}
_GLOSSARY_FIELDS = {"key", "title", "aliases", "kind", "text", "country"}
_TRIGGER_FIELDS = {"triggers", "weapons", "victims"}
_Step = str | int
_T = TypeVar("_T")


class _File:
    """One YAML file of a pack: its data, its node tree (for line numbers) and its path."""

    def __init__(self, where: Traversable) -> None:
        self.path = str(where)
        if not where.is_file():
            raise InputError("file missing from the pack", path=self.path)
        loader = yaml.SafeLoader(where.read_text(encoding="utf-8"))
        try:
            self.node = loader.get_single_node()
            self.data = loader.construct_document(self.node) if self.node is not None else None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            problem = getattr(exc, "problem", None) or str(exc)
            raise InputError(f"not valid YAML: {problem}", path=self.path, line=line) from exc
        except ValueError as exc:  # an unquoted impossible date such as 2017-13-01
            raise InputError(f"bad value: {exc}; quote dates", path=self.path) from exc
        finally:
            loader.dispose()

    def line(self, steps: Sequence[_Step]) -> int | None:
        node, line = self.node, None
        for step in steps:
            if isinstance(node, yaml.MappingNode):
                pair = next((kv for kv in node.value if kv[0].value == step), None)
                if pair is None:
                    break
                line, node = pair[0].start_mark.line + 1, pair[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if step >= len(node.value):
                    break
                node = node.value[step]
                line = node.start_mark.line + 1
            else:
                break
        return line

    def error(
        self, reason: str, steps: Sequence[_Step], field: str | None = None, value: object = None
    ) -> InputError:
        shown = None if value is None else str(value)
        return InputError(reason, path=self.path, line=self.line(steps), field=field, value=shown)

    def section(self, key: str) -> list[Any]:
        entries = self.data.get(key) if isinstance(self.data, dict) else None
        if not isinstance(entries, list):
            raise self.error(f"expected a top-level {key!r} list of entries", [key], key)
        return entries


class _Entry:
    """One entry of a section, with errors that name the file, line, entry and field."""

    def __init__(self, file: _File, section: str, index: int, data: object, what: str) -> None:
        self.file = file
        self.steps: tuple[_Step, ...] = (section, index)
        self.label = f"{what} #{index + 1}"
        if not isinstance(data, dict):
            raise file.error(f"{self.label} must be a mapping of fields", self.steps)
        self.data: dict[str, Any] = data
        name = next((data[k] for k in ("name", "key", "id") if isinstance(data.get(k), str)), "")
        if name.strip():
            self.label += f" ({name.strip()!r})"

    def fail(self, key: str, reason: str, *more: _Step, value: object = None) -> InputError:
        shown = self.data.get(key) if value is None and not more else value
        dotted = ".".join([key, *(str(m) for m in more if isinstance(m, str))])
        return self.file.error(f"{self.label}: {reason}", [*self.steps, key, *more], dotted, shown)

    def only(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.fail(str(key), f"unknown field; expected: {', '.join(sorted(allowed))}")

    def text(self, key: str, *, required: bool = True) -> str:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                raise self.fail(key, "missing; this field is required")
            return ""
        if not isinstance(value, str):
            raise self.fail(key, "expected text")
        return value.strip()

    def convert(self, key: str, convert: Callable[[Any], _T]) -> _T:
        try:
            return convert(self.data.get(key))
        except ValueError as exc:
            raise self.fail(key, str(exc)) from None

    def names(self, key: str, languages: Sequence[str]) -> Mapping[str, tuple[str, ...]]:
        value = self.data.get(key) or {}
        if not isinstance(value, dict):
            raise self.fail(key, "expected a mapping of language to a list of names")
        result: dict[str, tuple[str, ...]] = {}
        for language, names in value.items():
            if language not in languages:
                raise self.fail(
                    key,
                    f"unknown language; the pack has {', '.join(languages)}",
                    str(language),
                    value=language,
                )
            if not isinstance(names, list):
                raise self.fail(key, "expected a list of names", language, value=names)
            for i, name in enumerate(names):
                if not isinstance(name, str) or not fold(name):
                    raise self.fail(
                        key, "each name must be non-empty text (quote it)", language, i, value=name
                    )
            result[language] = tuple(n.strip() for n in names)
        return MappingProxyType(result)


def _read_pack(root: Traversable) -> Pack:
    meta = _File(root.joinpath("pack.yaml"))
    head = _Entry(meta, "pack", 0, meta.data, "pack.yaml")
    head.steps = ()
    languages = head.data.get("languages")
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise head.fail("languages", "expected a list of language codes such as [en, fr]")
    version = head.data.get("version")
    if not isinstance(version, str):
        raise head.fail("version", "expected text; quote the version so 1.10 stays 1.10")
    actors, links = _read_actors(_File(root.joinpath("actors.yaml")), languages)
    periods_file, glossary_file = root.joinpath("periods.yaml"), root.joinpath("glossary.yaml")
    lexicon_dir = root.joinpath("lexicon")
    lexicon_files = sorted(lexicon_dir.iterdir(), key=str) if lexicon_dir.is_dir() else []
    return Pack(
        name=head.text("name"),
        version=version,
        description=head.text("description", required=False),
        languages=tuple(languages),
        countries=_read_countries(meta),
        actors=actors,
        all_periods=_read_periods(_File(periods_file), languages) if periods_file.is_file() else (),
        glossary=_read_glossary(_File(glossary_file), languages) if glossary_file.is_file() else (),
        lexicons=MappingProxyType(
            {
                f.name[:-5]: _read_lexicon(_File(f), f.name)
                for f in lexicon_files
                if f.name.endswith(".yaml")
            }
        ),
        source=str(root),
        **links,
    )


def _read_countries(meta: _File) -> tuple[Country, ...]:
    countries = []
    for i, data in enumerate(meta.section("countries")):
        entry = _Entry(meta, "countries", i, data, "country")
        raw = [entry.data.get(k) for k in ("latitude", "longitude")]
        coords: list[float] = [
            float(c) for c in raw if isinstance(c, int | float) and not isinstance(c, bool)
        ]
        if len(coords) != 2:
            raise entry.fail("latitude", "expected numeric latitude and longitude")
        countries.append(
            Country(
                iso2=entry.convert("iso2", _iso2)[0],
                name=entry.text("name"),
                capital=entry.text("capital"),
                latitude=coords[0],
                longitude=coords[1],
                name_fr=entry.text("name_fr", required=False),
            )
        )
    return tuple(countries)


def _read_actors(file: _File, languages: Sequence[str]) -> tuple[tuple[Actor, ...], dict[str, Any]]:
    actors: list[Actor] = []
    entries: list[_Entry] = []
    owners: dict[str, tuple[str, bool]] = {}
    for i, data in enumerate(file.section("actors")):
        entry = _Entry(file, "actors", i, data, "actor")
        entry.only(_ACTOR_FIELDS)
        name = entry.text("name")
        if name in (a.name for a in actors):
            raise entry.fail("name", "duplicate name; each actor must appear once")
        family = entry.text("family")
        if family not in FAMILIES:
            raise entry.fail(
                "family", f"unknown family; expected one of {', '.join(sorted(FAMILIES))}"
            )
        starts = entry.convert("active_from", parse_partial_date)
        ends = entry.convert("active_to", functools.partial(parse_partial_date, end=True))
        if starts and ends and starts[0] > ends[0]:
            raise entry.fail("active_to", "ends before active_from")
        aliases = entry.names("aliases", languages)
        spelled = [("name", None, name)] + [
            ("aliases", (lang, j), alias)
            for lang, names in aliases.items()
            for j, alias in enumerate(names)
        ]
        for key, where, alias in spelled:
            # two canonical names may fold alike ("(2022)" / "(2022-)"): exact names tell them apart
            owner, owner_is_name = owners.setdefault(fold(alias), (name, key == "name"))
            if owner != name and not (owner_is_name and key == "name"):
                raise entry.fail(
                    key,
                    f"{alias!r} already names {owner!r}; an alias may point to one actor only",
                    *(where or ()),
                    value=alias,
                )
        actors.append(
            Actor(
                name=name,
                actor_type=entry.convert("type", _actor_type),
                aliases=aliases,
                affiliation=entry.text("affiliation", required=False),
                family=family,
                country=entry.convert("country", _iso2)[0],
                active_from=starts[0] if starts else None,
                active_to=ends[0] if ends else None,
                description=entry.text("description"),
            )
        )
        entries.append(entry)
    return tuple(actors), _read_links(entries, {a.name for a in actors})


def _read_links(entries: list[_Entry], names: set[str]) -> dict[str, Any]:
    parents: dict[str, str] = {}
    successors: dict[str, str] = {}
    components: dict[str, list[str]] = {}
    for entry in entries:
        name = entry.data["name"].strip()
        for key, target in (("parent", parents), ("successor", successors)):
            if entry.data.get(key) is not None:
                target[name] = entry.text(key)
                if target[name] not in names or target[name] == name:
                    raise entry.fail(key, "must be the exact name of another actor in this pack")
        listed = entry.data.get("components") or []
        if not isinstance(listed, list):
            raise entry.fail("components", "expected a list of actor names")
        for j, part in enumerate(listed):
            if part not in names or part == name:
                raise entry.fail(
                    "components", "must be the exact name of another actor", j, value=part
                )
            components.setdefault(name, []).append(part)
    for child, parent in parents.items():  # a child names its parent; the parent lists it too
        if child not in components.get(parent, []):
            components.setdefault(parent, []).append(child)
    return {
        "parents": MappingProxyType(parents),
        "successors": MappingProxyType(successors),
        "components": MappingProxyType({k: tuple(v) for k, v in components.items()}),
    }


def _read_periods(file: _File, languages: Sequence[str]) -> tuple[Period, ...]:
    periods: list[Period] = []
    for i, data in enumerate(file.section("periods")):
        entry = _Entry(file, "periods", i, data, "period")
        entry.only(_PERIOD_FIELDS)
        key = entry.text("id")
        if key in (p.id for p in periods):
            raise entry.fail("id", "duplicate id")
        label = entry.data.get("label")
        if not isinstance(label, dict) or not all(
            isinstance(label.get(lang), str) and label[lang].strip() for lang in languages
        ):
            raise entry.fail("label", f"expected a label in each language: {', '.join(languages)}")
        when = entry.convert("date", parse_partial_date)
        if when is None:
            raise entry.fail("date", "missing; this field is required")
        periods.append(
            Period(
                id=key,
                label=MappingProxyType({k: v.strip() for k, v in label.items()}),
                date=when[0],
                precision=when[1],
                countries=entry.convert("country", _iso2),
                description=entry.text("description", required=False),
            )
        )
    return tuple(sorted(periods, key=lambda p: p.date))


def _read_glossary(file: _File, languages: Sequence[str]) -> tuple[GlossaryEntry, ...]:
    entries: list[GlossaryEntry] = []
    for i, data in enumerate(file.section("entries")):
        entry = _Entry(file, "entries", i, data, "glossary entry")
        entry.only(_GLOSSARY_FIELDS)
        key = entry.text("key")
        if key in (e.key for e in entries):
            raise entry.fail("key", "duplicate key")
        kind = entry.text("kind")
        if kind not in GLOSSARY_KINDS:
            raise entry.fail("kind", f"expected one of {', '.join(sorted(GLOSSARY_KINDS))}")
        country = entry.data.get("country")
        entries.append(
            GlossaryEntry(
                key=key,
                title=entry.text("title"),
                kind=kind,
                text=entry.text("text"),
                aliases=entry.names("aliases", languages),
                countries=() if country is None else entry.convert("country", _iso2),
            )
        )
    return tuple(entries)


def _read_lexicon(file: _File, filename: str) -> Mapping[str, Any]:
    if not isinstance(file.data, dict):
        raise file.error("a lexicon file must be a mapping", [])
    _check_lexicon_value(file, file.data, [])
    if filename.startswith("triggers_"):
        types = file.data.get("sub_event_types")
        if not isinstance(types, dict):
            raise file.error("expected a 'sub_event_types' mapping", ["sub_event_types"])
        for label, spec in types.items():
            steps = ["sub_event_types", label]
            if label not in SubEventType._value2member_map_:
                raise file.error(
                    "unknown sub-event type; use ACLED's exact label",
                    steps,
                    "sub_event_types",
                    label,
                )
            if not isinstance(spec, dict) or not spec.get("triggers"):
                raise file.error(f"{label}: needs a non-empty 'triggers' list", steps, "triggers")
            for key in spec:
                if key not in _TRIGGER_FIELDS:
                    raise file.error(
                        f"{label}: unknown field; expected triggers, weapons, victims",
                        [*steps, key],
                        str(key),
                    )
    frozen: Mapping[str, Any] = _freeze(file.data)
    return frozen


def _check_lexicon_value(file: _File, value: Any, steps: list[_Step]) -> None:
    """Keys and list items must be text (YAML reads bare no/yes/on/off as booleans)."""
    where = ".".join(str(s) for s in steps) or None
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise file.error("a key is not text; quote it", [*steps, key], where, key)
            _check_lexicon_value(file, item, [*steps, key])
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise file.error(
                    "list items must be non-empty text; quote it", [*steps, i], where, item
                )
            if str(steps[-1]).endswith("_patterns"):
                try:
                    re.compile(item)
                except re.error as exc:
                    raise file.error(
                        f"bad regular expression: {exc}", [*steps, i], where, item
                    ) from None
    elif isinstance(value, bool) or not isinstance(value, str | int | float | None):
        raise file.error("expected text, a number, a list or a mapping", steps, where, value)
