"""A pack's YAML files with their node trees, so errors name file, line, entry and field."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any, TypeVar

import yaml

from ..errors import InputError
from .records import fold

Step = str | int
_T = TypeVar("_T")


class YamlFile:
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

    def line(self, steps: Sequence[Step]) -> int | None:
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
        self, reason: str, steps: Sequence[Step], field: str | None = None, value: object = None
    ) -> InputError:
        shown = None if value is None else str(value)
        return InputError(reason, path=self.path, line=self.line(steps), field=field, value=shown)

    def section(self, key: str) -> list[Any]:
        entries = self.data.get(key) if isinstance(self.data, dict) else None
        if not isinstance(entries, list):
            raise self.error(f"expected a top-level {key!r} list of entries", [key], key)
        return entries


class Entry:
    """One entry of a section, with errors that name the file, line, entry and field."""

    def __init__(self, file: YamlFile, section: str, index: int, data: object, what: str) -> None:
        self.file = file
        self.steps: tuple[Step, ...] = (section, index)
        self.label = f"{what} #{index + 1}"
        if not isinstance(data, dict):
            raise file.error(f"{self.label} must be a mapping of fields", self.steps)
        self.data: dict[str, Any] = data
        name = next((data[k] for k in ("name", "key", "id") if isinstance(data.get(k), str)), "")
        if name.strip():
            self.label += f" ({name.strip()!r})"

    def fail(self, key: str, reason: str, *more: Step, value: object = None) -> InputError:
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
