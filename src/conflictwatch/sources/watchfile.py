"""SOURCES.yaml: the feeds, pages and folders to watch, and how often.

    sources:
      - name: Studio Tamani
        kind: feed                      # feed, page, web (either: decided when fetched) or file
        url: https://www.studiotamani.org/feed
        interval: 15m                   # 30s, 15m, 1h, 1d, 1h30m; default 30m
      - kind: file
        path: inbox/                    # relative to this file
        interval: 1m
        enabled: false
      - url: http://10.1.2.3/rss        # an intranet feed
        allow_private: true
        options: {pages: never}

A list of such entries may also be the whole file. A bad entry is an ``InputError`` naming the
file, the line, the field and the value.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from .kinds import DEFAULT_INTERVAL, Source, source_kinds

FIELDS = frozenset(
    {"name", "kind", "url", "path", "interval", "enabled", "allow_private", "options"}
)
MIN_INTERVAL = dt.timedelta(seconds=10)
_PART = re.compile(r"(\d+)\s*([smhd])", re.IGNORECASE)
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def parse_interval(text: str) -> dt.timedelta:
    """ "15m" -> 15 minutes; also "30s", "1h", "1d", "1h30m". ``ValueError`` says what to write.

    >>> parse_interval("1h30m")
    datetime.timedelta(seconds=5400)
    """
    compact = str(text).strip().lower().replace(" ", "")
    if not compact or _PART.sub("", compact):
        raise ValueError("write an interval such as 30s, 15m, 1h or 1h30m")
    total = dt.timedelta()
    for amount, unit in _PART.findall(compact):
        total += dt.timedelta(**{_UNITS[unit.lower()]: int(amount)})
    if total < MIN_INTERVAL:
        raise ValueError(f"an interval under {MIN_INTERVAL.seconds}s would not be polite")
    return total


class _Document:
    """The parsed YAML with its node tree, for line numbers in errors."""

    def __init__(self, path: Path) -> None:
        self.path = path
        loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
        try:
            self.node = loader.get_single_node()
            self.data = loader.construct_document(self.node) if self.node is not None else None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise InputError(
                f"not valid YAML: {getattr(exc, 'problem', None) or exc}",
                path=path,
                line=mark.line + 1 if mark is not None else None,
            ) from exc
        finally:
            loader.dispose()

    def entries(self) -> tuple[list[Any], yaml.Node | None]:
        if isinstance(self.data, list):
            return self.data, self.node
        if isinstance(self.data, dict) and isinstance(self.data.get("sources"), list):
            assert isinstance(self.node, yaml.MappingNode)
            node = next(v for k, v in self.node.value if k.value == "sources")
            return self.data["sources"], node
        raise InputError(
            "expected a list of sources, or a mapping with a 'sources' list", path=self.path
        )


def _line(node: yaml.Node | None, key: str | None = None) -> int | None:
    if node is None:
        return None
    if key is not None and isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return int(v.start_mark.line) + 1
    return int(node.start_mark.line) + 1


def load_sources(path: str | Path) -> list[Source]:
    """The sources a SOURCES.yaml file lists (disabled ones included, with ``enabled=False``)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such sources file; write one as described in the README", path=path)
    document = _Document(path)
    entries, list_node = document.entries()
    nodes = list_node.value if isinstance(list_node, yaml.SequenceNode) else []
    sources: list[Source] = []
    where: dict[str, int | None] = {}
    for index, data in enumerate(entries):
        node = nodes[index] if index < len(nodes) else None
        source = _source(path, index, data, node)
        if source.location in where:
            raise InputError(
                f"source #{index + 1} repeats the source on line {where[source.location]}",
                path=path, line=_line(node), field="url" if "://" in source.location else "path",
                value=source.location,
            )  # fmt: skip
        where[source.location] = _line(node)
        sources.append(source)
    return sources


def _source(path: Path, index: int, data: object, node: yaml.Node | None) -> Source:
    label = f"source #{index + 1}"

    def fail(reason: str, field: str | None = None, value: object = None) -> InputError:
        shown = None if value is None else str(value)
        return InputError(
            f"{label}: {reason}", path=path, line=_line(node, field), field=field, value=shown
        )

    if not isinstance(data, dict):
        raise fail("expected a mapping with url or path, kind, interval ...", value=data)
    for key in data:
        if key not in FIELDS:
            raise fail(f"unknown field; expected: {', '.join(sorted(FIELDS))}", str(key), key)
    url, file = data.get("url"), data.get("path")
    if (url is None) == (file is None):
        raise fail("give exactly one of url (a feed or page) and path (a file or folder)")
    for key in ("url", "path", "name", "kind"):
        if key in data and not isinstance(data[key], str):
            raise fail("expected text", key, data[key])
    kind = str(data.get("kind") or ("file" if file is not None else "web")).strip()
    if kind not in source_kinds:
        raise fail(
            f"unknown kind; expected one of: {', '.join(source_kinds.names())}", "kind", kind
        )
    if file is not None:
        if kind != "file":
            raise fail(f"kind {kind} reads a url, not a path", "path", file)
        location = str((path.parent / Path(file).expanduser()).resolve())
    else:
        location = str(url).strip()
        if not re.match(r"^https?://[^/\s]+", location, re.IGNORECASE):
            raise fail("expected an http:// or https:// URL", "url", url)
        if kind == "file":
            raise fail("kind file reads a path, not a url", "url", url)
    interval = DEFAULT_INTERVAL
    if data.get("interval") is not None:
        try:
            interval = parse_interval(str(data["interval"]))
        except ValueError as exc:
            raise fail(str(exc), "interval", data["interval"]) from None
    flags = {}
    for key, default in (("enabled", True), ("allow_private", False)):
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise fail("expected true or false", key, value)
        flags[key] = value
    options = data.get("options") or {}
    if not isinstance(options, dict) or not all(
        isinstance(v, str | int | float | bool) for v in options.values()
    ):
        raise fail("expected a mapping of option names to values", "options", options)
    return Source(
        kind=kind,
        location=location,
        name=str(data.get("name") or "").strip(),
        interval=interval,
        allow_private=flags["allow_private"],
        enabled=flags["enabled"],
        options={
            str(k): str(v).lower() if isinstance(v, bool) else str(v) for k, v in options.items()
        },
    )
