"""Briefings: facts computed from the store, written from templates, rendered to HTML, Markdown
or PDF with charts and a map (``briefing.write_briefing``). ``summary`` is the older one-page
store overview."""

from .briefing import Briefing, build_briefing, compose, write_briefing
from .facts import Fact, Facts

__all__ = ["Briefing", "Fact", "Facts", "build_briefing", "compose", "write_briefing"]
