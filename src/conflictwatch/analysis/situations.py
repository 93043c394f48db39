"""Sieges and blockades, tracked per town from the events that mention them.

Rules (kept simple so that a briefing can state them):

- **Evidence**: an event tagged ``siege`` or ``blockade``, or whose notes mention a siege or
  blockade (English or French: siege, besieged, blockade, blockaded, blocus, assiégé, encerclé;
  French "siège" only when laid or lifted — "mettre/lever le siège" — as it is as often a
  headquarters; never a hostage siege).
- **Town**: events are grouped by (country, location); events without a location are skipped.
- **Kind**: blockade if more evidence speaks of a blockade than of a siege, otherwise siege.
- **Imposing actor**: the most frequent actor1 among the evidence (ties: first seen).
- **Since**: the first evidence; **last evidence**: the latest.
- **Ended** when an evidence event carries a lifting cue (tag ``siege-lifted``/``blockade-lifted``/
  ``lifted``, or notes saying lifted, broke/broken the siege, ended the blockade, levée du blocus,
  levé le siège): the end is that event's date; or when there has been no evidence for more than
  ``stale_after`` days (default 90) before ``as_of``: the end is the last evidence. Otherwise
  ongoing. Evidence after a lifting cue (without a cue itself) means it was re-imposed.
- **Manual entries** (``model.Situation`` records an analyst wrote) are merged by (kind, folded
  town name): their actor and end win when given (a manual entry without an end keeps the derived
  end), the earlier start wins, event ids are joined. Manual entries with no match stand alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..knowledge import fold
from ..model import Event, Situation, SituationKind

STALE_AFTER_DAYS = 90

# Bare French "siège" is left out: it is as often a headquarters ("le siège de la MINUSMA"); a
# hostage siege is not a town under siege.
_SIEGE = re.compile(
    r"(?<!hostage )\b(sieges?\b|besieg\w*|assi[eé]g\w*|encercl\w*"
    r"|(mettre|mis|lever|lev[ée]e?|l[èe]ve)\s+(le\s+|du\s+)?si[eè]ge)",
    re.IGNORECASE,
)
_BLOCKADE = re.compile(r"\b(blockad\w*|blocus)", re.IGNORECASE)
_LIFTED = re.compile(
    r"\b(lift(ed|ing)?\b|broke(n)?\s+the\s+(siege|blockade)|end(ed)?\s+the\s+(siege|blockade)"
    r"|lev[ée]e?\s+(du\s+blocus|le\s+si[eè]ge|du\s+si[eè]ge))",
    re.IGNORECASE,
)
_LIFTED_TAGS = frozenset({"lifted", "siege-lifted", "blockade-lifted"})


@dataclass(frozen=True)
class TrackedSituation:
    """A siege or blockade with how it was found and why it is (not) ongoing."""

    situation: Situation
    last_evidence: dt.date
    evidence_events: int
    status: str  # "ongoing" | "lifted" | "stale": the rule that decided
    source: str  # "derived" | "manual" | "derived+manual"

    @property
    def ongoing(self) -> bool:
        return self.situation.ongoing


def _kind_cues(event: Event) -> tuple[bool, bool]:
    tags = {t.lower() for t in event.tags}
    siege = "siege" in tags or bool(_SIEGE.search(event.notes))
    blockade = "blockade" in tags or bool(_BLOCKADE.search(event.notes))
    return siege, blockade


def is_evidence(event: Event) -> bool:
    siege, blockade = _kind_cues(event)
    return siege or blockade


def lifts(event: Event) -> bool:
    """True when the event says the siege or blockade ended."""
    tags = {t.lower() for t in event.tags}
    return bool(tags & _LIFTED_TAGS) or bool(_LIFTED.search(event.notes))


def track_situations(
    events: Iterable[Event],
    *,
    as_of: dt.date,
    manual: Iterable[Situation] = (),
    stale_after: int = STALE_AFTER_DAYS,
) -> tuple[TrackedSituation, ...]:
    """Sieges and blockades as of ``as_of``, derived from events and merged with manual entries."""
    towns: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        if event.event_date <= as_of and event.location and is_evidence(event):
            towns.setdefault((event.country, event.location), []).append(event)
    derived = [_derive(evs, as_of, stale_after) for evs in towns.values()]
    merged = _merge(derived, list(manual), as_of)
    return tuple(sorted(merged, key=lambda t: (not t.ongoing, t.situation.start, t.situation.id)))


def _derive(evidence: list[Event], as_of: dt.date, stale_after: int) -> TrackedSituation:
    evidence.sort(key=lambda e: (e.event_date, e.id))
    first, last = evidence[0], evidence[-1]
    sieges = sum(_kind_cues(e)[0] for e in evidence)
    blockades = sum(_kind_cues(e)[1] for e in evidence)
    kind = SituationKind.BLOCKADE if blockades > sieges else SituationKind.SIEGE
    actors = Counter(e.actor1 for e in evidence if e.actor1)
    actor = actors.most_common(1)[0][0] if actors else ""
    lifting = next((e for e in reversed(evidence) if lifts(e)), None)
    end: dt.date | None
    if lifting is not None and lifting is last:
        end, status = lifting.event_date, "lifted"
    elif (as_of - last.event_date).days > stale_after:
        end, status = last.event_date, "stale"
    else:
        end, status = None, "ongoing"
    situation = Situation(
        id=f"{kind.value}:{fold(first.country)}:{fold(first.location)}",
        kind=kind,
        location=first.location,
        start=first.event_date,
        actor=actor,
        end=end,
        country=first.country,
        latitude=first.latitude,
        longitude=first.longitude,
        event_ids=tuple(e.id for e in evidence),
    )
    return TrackedSituation(situation, last.event_date, len(evidence), status, "derived")


def _merge(
    derived: list[TrackedSituation], manual: list[Situation], as_of: dt.date
) -> list[TrackedSituation]:
    by_key = {(t.situation.kind, fold(t.situation.location)): t for t in derived}
    for entry in manual:
        key = (entry.kind, fold(entry.location))
        found = by_key.get(key)
        if found is None:
            last = entry.end or entry.start
            status = "ongoing" if entry.end is None or entry.end > as_of else "lifted"
            by_key[key] = TrackedSituation(entry, last, len(entry.event_ids), status, "manual")
            continue
        ids = tuple(dict.fromkeys((*found.situation.event_ids, *entry.event_ids)))
        situation = replace(
            found.situation,
            id=entry.id or found.situation.id,
            actor=entry.actor or found.situation.actor,
            start=min(entry.start, found.situation.start),
            end=entry.end or found.situation.end,
            notes=entry.notes,
            event_ids=ids,
            evidence=entry.evidence,
        )
        status = "lifted" if entry.end is not None else found.status
        by_key[key] = TrackedSituation(
            situation, found.last_evidence, found.evidence_events, status, "derived+manual"
        )
    return list(by_key.values())
