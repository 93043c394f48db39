"""The docs cannot drift: every command, setting and public name is documented where users look."""

from __future__ import annotations

import re

import click

import conflictwatch
from conflictwatch.cli import main
from conflictwatch.config import ENVIRONMENT
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        names.append(full)
        if isinstance(command, click.Group):
            names.extend(_commands(command, full + " "))
    return names


def test_the_quickstart_is_exactly_the_two_commands() -> None:
    quickstart = README.split("## Quickstart", 1)[1].split("##", 1)[0]
    block = re.search(r"```\n(.*?)```", quickstart, re.S)
    assert block is not None
    assert block.group(1).split("\n")[:-1] == ["make demo", "make test"]


def test_every_cli_command_appears_in_the_readme() -> None:
    missing = [c for c in _commands(main) if f"conflictwatch {c}" not in README]
    assert missing == []


def test_every_setting_appears_in_the_readme() -> None:
    assert [name for name in ENVIRONMENT if name not in README] == []


def test_the_public_names_are_exactly_these() -> None:
    assert set(conflictwatch.__all__) == {
        "Actor", "Article", "BBox", "ConflictWatchError", "Dataset", "Event", "EventFilter",
        "Evidence", "Mention", "Place", "Situation", "Store", "__version__",
    }  # fmt: skip
    for name in conflictwatch.__all__:
        assert hasattr(conflictwatch, name)


def test_the_changelog_has_an_unreleased_section() -> None:
    assert "## [Unreleased]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_every_benchmark_is_documented_with_its_command() -> None:
    text = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    scripts = sorted(p.name for p in (ROOT / "benchmarks").glob("bench_*.py"))
    assert scripts, "no benchmarks found"
    assert [s for s in scripts if f"benchmarks/{s}" not in text] == []
    mentioned = set(re.findall(r"benchmarks/(bench_\w+\.py)", text))
    assert mentioned <= set(scripts), "docs name a benchmark that no longer exists"
