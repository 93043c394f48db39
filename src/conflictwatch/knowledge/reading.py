"""Finding packs and reading them: each YAML file validated into the records of a :class:`Pack`."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import InputError, RegistryError
from ..model import Actor
from ..taxonomy import ActorType
from .lexicons import read_lexicon
from .pack import Pack
from .records import (
    FAMILIES,
    GLOSSARY_KINDS,
    Country,
    GlossaryEntry,
    Period,
    fold,
    parse_partial_date,
)
from .yamlfile import Entry, YamlFile

_ISO2 = re.compile(r"^[A-Z]{2}$")


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
_PERIOD_FIELDS = {"id", "label", "date", "country", "description", "kind"}
PERIOD_KINDS = ("turning-point", "event")
_GLOSSARY_FIELDS = {"key", "title", "aliases", "kind", "text", "country"}


def _read_pack(root: Traversable) -> Pack:
    meta = YamlFile(root.joinpath("pack.yaml"))
    head = Entry(meta, "pack", 0, meta.data, "pack.yaml")
    head.steps = ()
    languages = head.data.get("languages")
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise head.fail("languages", "expected a list of language codes such as [en, fr]")
    version = head.data.get("version")
    if not isinstance(version, str):
        raise head.fail("version", "expected text; quote the version so 1.10 stays 1.10")
    actors, links = _read_actors(YamlFile(root.joinpath("actors.yaml")), languages)
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
        all_periods=_read_periods(YamlFile(periods_file), languages)
        if periods_file.is_file()
        else (),
        glossary=_read_glossary(YamlFile(glossary_file), languages)
        if glossary_file.is_file()
        else (),
        lexicons=MappingProxyType(
            {
                f.name[:-5]: read_lexicon(YamlFile(f), f.name)
                for f in lexicon_files
                if f.name.endswith(".yaml")
            }
        ),
        source=str(root),
        **links,
    )


def _read_countries(meta: YamlFile) -> tuple[Country, ...]:
    countries = []
    for i, data in enumerate(meta.section("countries")):
        entry = Entry(meta, "countries", i, data, "country")
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


def _read_actors(
    file: YamlFile, languages: Sequence[str]
) -> tuple[tuple[Actor, ...], dict[str, Any]]:
    actors: list[Actor] = []
    entries: list[Entry] = []
    owners: dict[str, tuple[str, bool]] = {}
    for i, data in enumerate(file.section("actors")):
        entry = Entry(file, "actors", i, data, "actor")
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


def _read_links(entries: list[Entry], names: set[str]) -> dict[str, Any]:
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


def _read_periods(file: YamlFile, languages: Sequence[str]) -> tuple[Period, ...]:
    periods: list[Period] = []
    for i, data in enumerate(file.section("periods")):
        entry = Entry(file, "periods", i, data, "period")
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
        kind = entry.text("kind", required=False) or PERIOD_KINDS[0]
        if kind not in PERIOD_KINDS:
            raise entry.fail("kind", f"expected one of: {', '.join(PERIOD_KINDS)}")
        periods.append(
            Period(
                id=key,
                label=MappingProxyType({k: v.strip() for k, v in label.items()}),
                date=when[0],
                precision=when[1],
                countries=entry.convert("country", _iso2),
                description=entry.text("description", required=False),
                kind=kind,
            )
        )
    return tuple(sorted(periods, key=lambda p: p.date))


def _read_glossary(file: YamlFile, languages: Sequence[str]) -> tuple[GlossaryEntry, ...]:
    entries: list[GlossaryEntry] = []
    for i, data in enumerate(file.section("entries")):
        entry = Entry(file, "entries", i, data, "glossary entry")
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
