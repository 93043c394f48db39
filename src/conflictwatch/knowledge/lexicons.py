"""Reading a pack's lexicon files: free-form mappings of text, checked and frozen read-only."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..taxonomy import SubEventType
from .yamlfile import Step, YamlFile

_TRIGGER_FIELDS = {"triggers", "situations", "weapons", "victims"}


def read_lexicon(file: YamlFile, filename: str) -> Mapping[str, Any]:
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
                        f"{label}: unknown field; expected triggers, situations, weapons, victims",
                        [*steps, key],
                        str(key),
                    )
    frozen: Mapping[str, Any] = _freeze(file.data)
    return frozen


def _check_lexicon_value(file: YamlFile, value: Any, steps: list[Step]) -> None:
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


def _freeze(value: Any) -> Any:
    """Read-only copy of parsed YAML: dicts become mapping proxies and lists tuples."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value
