"""The sample corpus (corpus/sahel/reports.jsonl) is well-formed: it is demo input and two gold sets.

These checks are about the file's integrity, not about extraction or resolution quality: every line
parses, carries the documented keys, its gold events use the ACLED taxonomy with plausible values, and
the gold clusters (which tellings report the same real-world event) are coherent.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import defaultdict
from pathlib import Path

import pytest

from conflictwatch.taxonomy import EventType, SubEventType

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "sahel" / "reports.jsonl"
README = CORPUS.with_name("README.md")

REPORT_KEYS = {"id", "title", "outlet", "published", "language", "text", "events", "notes"}
EVENT_KEYS = {
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "time_precision",
    "geo_precision",
    "tags",
    "outcome",
    "cluster",
}
# A generous box around Mali, Burkina Faso and Niger.
LAT_RANGE = (4.0, 25.0)
LON_RANGE = (-13.0, 16.0)


def _load() -> list[tuple[int, dict]]:
    rows = []
    with CORPUS.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                rows.append((number, json.loads(line)))
    return rows


REPORTS = _load()
EVENTS = [
    (report["id"], index, event)
    for _, report in REPORTS
    for index, event in enumerate(report["events"])
]


def _published(report: dict) -> dt.datetime:
    return dt.datetime.fromisoformat(report["published"].replace("Z", "+00:00"))


def test_every_line_is_a_json_object():
    with CORPUS.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            assert line.strip(), f"line {number} is blank"
            assert isinstance(json.loads(line), dict), f"line {number} is not a JSON object"


def test_size_and_language_mix():
    languages = [report["language"] for _, report in REPORTS]
    assert len(REPORTS) >= 130
    assert set(languages) <= {"en", "fr"}
    assert languages.count("fr") >= 45
    assert languages.count("fr") / len(languages) >= 0.35
    assert languages.count("en") >= 45


def test_enough_reports_without_events_in_both_languages():
    empty = [report for _, report in REPORTS if not report["events"]]
    assert len(empty) >= 8
    assert {report["language"] for report in empty} == {"en", "fr"}


def test_ids_are_unique():
    ids = [report["id"] for _, report in REPORTS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("line", "report"), REPORTS, ids=[r["id"] for _, r in REPORTS])
def test_report_shape(line: int, report: dict):
    assert set(report) == REPORT_KEYS, f"line {line}: keys {sorted(set(report) ^ REPORT_KEYS)}"
    assert report["id"].startswith(report["language"] + "-"), (
        f"line {line}: id should start with language"
    )
    assert report["title"].strip() and report["notes"].strip() and report["outlet"].strip()
    assert report["published"].endswith("Z")
    _published(report)  # parses
    words = len(report["text"].split())
    assert 150 <= words <= 400, f"line {line} ({report['id']}): {words} words"
    assert isinstance(report["events"], list)


@pytest.mark.parametrize(
    ("report_id", "index", "event"), EVENTS, ids=[f"{r}#{i}" for r, i, _ in EVENTS]
)
def test_event_is_coded_with_the_acled_taxonomy(report_id: str, index: int, event: dict):
    where = f"{report_id} event {index}"
    assert set(event) == EVENT_KEYS, f"{where}: keys {sorted(set(event) ^ EVENT_KEYS)}"
    event_type = EventType.from_label(event["event_type"])
    sub = SubEventType.from_label(event["sub_event_type"])
    assert event_type.value == event["event_type"], f"{where}: use the exact ACLED label"
    assert sub.value == event["sub_event_type"], f"{where}: use the exact ACLED label"
    assert sub.event_type is event_type, (
        f"{where}: {sub.value!r} is not a kind of {event_type.value!r}"
    )
    assert isinstance(event["actor1"], str) and event["actor1"].strip(), (
        f"{where}: actor1 is required"
    )
    assert isinstance(event["actor2"], str)
    assert event["location"].strip()
    assert isinstance(event["tags"], list) and all(isinstance(t, str) for t in event["tags"])
    assert event["outcome"] is None or isinstance(event["outcome"], str)
    assert isinstance(event["cluster"], str) and event["cluster"].strip(), (
        f"{where}: every gold event needs a cluster (the real-world event it reports)"
    )


@pytest.mark.parametrize(
    ("report_id", "index", "event"), EVENTS, ids=[f"{r}#{i}" for r, i, _ in EVENTS]
)
def test_event_values_are_plausible(report_id: str, index: int, event: dict):
    where = f"{report_id} event {index}"
    report = next(r for _, r in REPORTS if r["id"] == report_id)
    assert dt.date.fromisoformat(event["event_date"]) <= _published(report).date(), (
        f"{where}: after publication"
    )
    assert LAT_RANGE[0] <= event["latitude"] <= LAT_RANGE[1], f"{where}: latitude outside the Sahel"
    assert LON_RANGE[0] <= event["longitude"] <= LON_RANGE[1], (
        f"{where}: longitude outside the Sahel"
    )
    fatalities = event["fatalities"]
    assert isinstance(fatalities, int) and not isinstance(fatalities, bool) and fatalities >= 0, (
        where
    )
    assert event["time_precision"] in (1, 2, 3), where
    assert event["geo_precision"] in (1, 2, 3), where


def test_readme_lists_every_actor_used():
    readme = README.read_text(encoding="utf-8")
    actors = {e[a] for _, _, e in EVENTS for a in ("actor1", "actor2") if e[a]}
    missing = sorted(a for a in actors if f"`{a}`" not in readme)
    assert not missing, f"add to the canonical actor list in {README.name}: {missing}"


# --- gold clusters: which tellings report the same real-world event ------------------------------

CLUSTER_SLUG = re.compile(r"^(\d{4}-\d{2})(-\d{2})?-[a-z0-9]+(-[a-z0-9]+)*$")
MAX_DAYS_APART = 3
MAX_KM_APART = 50.0

# Clusters whose tellings legitimately code different event types, and why.
ALLOWED_TYPE_DISAGREEMENTS = {
    "2022-03-27-moura-killings": (
        "the army's account is a battle against JNIM (Armed clash); rights groups and the UN report "
        "executions of civilians (Attack)"
    ),
}

# Clusters whose tellings place the event from different reference towns more than MAX_KM_APART
# apart ("X km from" coded at X), with the distance each may reach and why.
ALLOWED_FAR_TELLINGS = {
    "2019-11-06-boungou-mine-convoy": (
        120.0,
        "one telling places the ambush 'about 40 km' from the Boungou mine (Tapoa), another 'about "
        "40 km' from Fada N'Gourma; each is coded at its reference town, which are 112 km apart",
    ),
}

# Distinct events that look alike (same day, place, actor or region): they must stay apart.
NEAR_MISSES = [
    (
        "2024-09-17-bamako-faladie",
        "2024-09-17-bamako-airport-base",
        "two sites, one city, one morning",
    ),
    (
        "2024-02-25-nondin-killings",
        "2024-02-25-soro-killings",
        "neighbouring villages, same day, same unit",
    ),
    ("2019-09-30-boulkessi-camp", "2019-09-30-mondoro-camp", "two camps, same day, same group"),
    (
        "2023-09-07-bourem-camp",
        "2023-09-12-bourem-csp-attack",
        "same camp attacked twice in a week",
    ),
    ("2021-06-04-tadaryat-attack", "2021-06-05-solhan-massacre", "same region, hours apart"),
    (
        "2021-01-02-tchoma-bangou-massacre",
        "2021-01-02-zaroumadareye-massacre",
        "two columns, two villages",
    ),
    ("2019-07-01-inates-camp", "2019-12-10-inates-camp", "same camp, five months apart"),
    (
        "2022-06-09-seytenga-gendarmerie",
        "2022-06-11-seytenga-massacre",
        "same town, two days apart",
    ),
    (
        "2024-07-27-tinzaouaten-battle",
        "2024-08-25-tinzaouaten-drone-strike",
        "same town, a month apart",
    ),
    (
        "2023-07-27-niamey-pnds-hq-riot",
        "2023-07-30-niamey-embassy-riot",
        "same city, same kind of riot, three days apart",
    ),
]

CLUSTERS: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
for _, _report in REPORTS:
    for _event in _report["events"]:
        CLUSTERS[_event["cluster"]].append((_report, _event))


def _km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(
        math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"])
    )
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _told_by(cluster: str) -> set[str]:
    return {report["id"] for report, _ in CLUSTERS[cluster]}


def test_every_cluster_is_a_dated_slug():
    bad = sorted(c for c in CLUSTERS if not CLUSTER_SLUG.match(c))
    assert not bad, f"clusters should look like 2024-09-17-bamako-faladie: {bad}"


@pytest.mark.parametrize("cluster", sorted(CLUSTERS))
def test_a_cluster_slug_dates_its_events(cluster: str):
    match = CLUSTER_SLUG.match(cluster)
    assert match
    for report, event in CLUSTERS[cluster]:
        where = f"{report['id']} ({cluster})"
        if match.group(2):
            day = dt.date.fromisoformat(match.group(1) + match.group(2))
            gap = abs((dt.date.fromisoformat(event["event_date"]) - day).days)
            assert gap <= MAX_DAYS_APART, f"{where}: event_date {event['event_date']}"
        else:
            assert event["event_date"].startswith(match.group(1)), f"{where}: {event['event_date']}"


def test_one_report_never_puts_two_of_its_events_in_one_cluster():
    for _, report in REPORTS:
        clusters = [event["cluster"] for event in report["events"]]
        assert len(clusters) == len(set(clusters)), f"{report['id']}: {clusters}"


@pytest.mark.parametrize("cluster", sorted(c for c in CLUSTERS if len(_told_by(c)) >= 2))
def test_tellings_of_one_event_agree_on_type_date_and_place(cluster: str):
    members = CLUSTERS[cluster]
    types = {event["event_type"] for _, event in members}
    if cluster not in ALLOWED_TYPE_DISAGREEMENTS:
        assert len(types) == 1, f"{cluster}: event types disagree: {sorted(types)}"
    for report_a, a in members:
        for report_b, b in members:
            days = abs(
                (
                    dt.date.fromisoformat(a["event_date"]) - dt.date.fromisoformat(b["event_date"])
                ).days
            )
            assert days <= MAX_DAYS_APART, (
                f"{cluster}: {report_a['id']} and {report_b['id']} are {days} days apart"
            )
            km = _km(a, b)
            assert km <= ALLOWED_FAR_TELLINGS.get(cluster, (MAX_KM_APART, ""))[0], (
                f"{cluster}: {report_a['id']} and {report_b['id']} are {km:.0f} km apart"
            )


def test_allowed_type_disagreements_are_real_disagreements():
    for cluster in ALLOWED_TYPE_DISAGREEMENTS:
        types = {event["event_type"] for _, event in CLUSTERS[cluster]}
        assert len(types) >= 2, f"{cluster} no longer disagrees; drop it from the allowed list"


def test_allowed_far_tellings_are_really_far_apart():
    for cluster in ALLOWED_FAR_TELLINGS:
        members = [event for _, event in CLUSTERS[cluster]]
        farthest = max(_km(a, b) for a in members for b in members)
        assert farthest > MAX_KM_APART, (
            f"{cluster} is within {MAX_KM_APART} km; drop it from the list"
        )


def test_enough_events_are_told_several_times_and_in_both_languages():
    several = [c for c in CLUSTERS if len(_told_by(c)) >= 2]
    bilingual = [
        c for c in several if {report["language"] for report, _ in CLUSTERS[c]} == {"en", "fr"}
    ]
    assert len(several) >= 20
    assert len(bilingual) >= 5


def test_tellings_of_one_event_may_disagree_on_the_toll():
    disputed = [c for c in CLUSTERS if len({event["fatalities"] for _, event in CLUSTERS[c]}) >= 2]
    assert len(disputed) >= 10, (
        "the resolution gold needs clusters whose reports give different tolls"
    )


@pytest.mark.parametrize(
    ("a", "b", "why"), NEAR_MISSES, ids=[f"{a}|{b}" for a, b, _ in NEAR_MISSES]
)
def test_near_miss_events_stay_in_separate_clusters(a: str, b: str, why: str):
    """Each pair is close in time or in space, so only careful coding keeps the two events apart."""
    assert a != b and a in CLUSTERS and b in CLUSTERS, f"both clusters must exist ({why})"
    close = [
        abs((dt.date.fromisoformat(x["event_date"]) - dt.date.fromisoformat(y["event_date"])).days)
        <= MAX_DAYS_APART
        or _km(x, y) <= MAX_KM_APART
        for _, x in CLUSTERS[a]
        for _, y in CLUSTERS[b]
    ]
    assert all(close), f"{a} and {b} are no longer a near miss ({why})"
