"""Stages are pure: records in, records out. Only ``sources/``, ``store/`` and ``cli/`` touch files.

The rule of docs/STYLE.md, checked on the code: a stage module that opens, reads or writes a file
or makes a folder fails here, named by module and line. Hand the text or bytes over instead (see
``sources.gazetteer_files`` and ``store.files``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "conflictwatch"

#: Packages allowed to touch disk: where data comes from, where it goes, and the entry point.
DOING_IO = ("sources", "store", "cli")

#: Known exceptions, to be removed. Each is a module path under src/conflictwatch.
ALLOWED = {
    # Reads the knowledge pack's YAML (package data, through importlib.resources); knowledge/ is
    # not a pipeline stage, but the rule would have sources/ read it too.
    "knowledge/yamlfile.py",
}

#: Path and file methods that read, write or create on disk.
FILE_METHODS = {"read_text", "write_text", "read_bytes", "write_bytes", "mkdir", "open"}


def file_access(source: str) -> list[tuple[int, str]]:
    """``(line, call)`` for each call that opens, reads or writes a file or makes a folder.

    ``Store.open(...)`` opens the database through the store, which is the sanctioned way.
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "open":
            found.append((node.lineno, "open("))
        elif isinstance(func, ast.Attribute) and func.attr in FILE_METHODS:
            through_store = isinstance(func.value, ast.Name) and func.value.id == "Store"
            if not (func.attr == "open" and through_store):
                found.append((node.lineno, f".{func.attr}("))
    return sorted(found)


def stage_modules() -> list[str]:
    modules = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))
    return [m for m in modules if m.split("/")[0] not in DOING_IO]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("open('x.csv')", [(1, "open(")]),
        ("path.read_text(encoding='utf-8')", [(1, ".read_text(")]),
        ("x = 1\n(out / 'a.png').write_bytes(data)", [(2, ".write_bytes(")]),
        ("folder.mkdir(parents=True)", [(1, ".mkdir(")]),
        ("path.open('rb')", [(1, ".open(")]),
        ("Store.open('conflictwatch.db')", []),
        ("'''with open(path) as handle: ...'''", []),  # a docstring example is not a call
        ("text.encode('utf-8')", []),
    ],
)
def test_the_scan_finds_file_access(source: str, expected: list[tuple[int, str]]) -> None:
    assert file_access(source) == expected


def test_stages_open_no_file() -> None:
    offences = [
        f"src/conflictwatch/{module}:{line}: {call}"
        for module in stage_modules()
        if module not in ALLOWED
        for line, call in file_access((PACKAGE / module).read_text(encoding="utf-8"))
    ]
    assert not offences, (
        "Only sources/, store/ and cli/ touch files (docs/STYLE.md); move the reading or "
        "writing there and pass text or bytes:\n" + "\n".join(offences)
    )


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_each_exception_is_still_needed(module: str) -> None:
    path = PACKAGE / module
    assert path.is_file(), f"{module} is gone: remove it from ALLOWED"
    assert file_access(path.read_text(encoding="utf-8")), (
        f"{module} no longer touches files: remove it from ALLOWED"
    )
