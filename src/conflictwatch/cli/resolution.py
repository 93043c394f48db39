"""Commands for resolution: ``events merge``, ``events split`` and ``eval resolve``.

``events show`` (in ``data.py``) lists an event's mentions, scores, reasons and history.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..errors import InputError
from .common import console, db_option, open_store


def _by_option(func: Any) -> Any:
    return click.option(
        "--by",
        default="analyst",
        show_default=True,
        help="Who made the change (kept in the event's history).",
    )(func)


@click.command("merge")
@click.argument("ids", nargs=-1, required=True)
@_by_option
@db_option
def merge_command(ids: tuple[str, ...], by: str, db: str | None) -> None:
    """Merge events into the first ID: their mentions move to it and it is recomputed."""
    from ..store.resolution import merge_events

    with open_store(db) as store:
        event = merge_events(store, ids, by=by)
    console.print(
        f"Merged {', '.join(ids[1:])} into {event.id}: {event.sub_event_type.value}, "
        f"{event.event_date}, {event.location or event.country}, fatalities {event.fatalities}"
    )


@click.command("split")
@click.argument("event_id")
@click.option(
    "--mentions",
    "mention_ids",
    required=True,
    metavar="M1,M2",
    help="Comma-separated ids of the mentions to move to a new event.",
)
@_by_option
@db_option
def split_command(event_id: str, mention_ids: str, by: str, db: str | None) -> None:
    """Move some mentions of EVENT_ID to a new event; both are recomputed."""
    from ..store.resolution import split_event

    wanted = [m.strip() for m in mention_ids.split(",") if m.strip()]
    with open_store(db) as store:
        left, new = split_event(store, event_id, wanted, by=by)
    console.print(f"Split {len(wanted)} mention(s) of {left.id} into new event {new.id}")


def read_gold(path: Path) -> list[Any]:
    """The gold reports of a JSON-lines file; a bad line is an error naming it."""
    from ..resolve.evaluate import GoldReport
    from ..sources.goldfiles import json_lines

    reports = []
    for number, record in json_lines(path):
        try:
            reports.append(GoldReport.from_json(record, line=number))
        except InputError as exc:
            raise InputError(exc.reason, path=path, line=number) from exc
    return reports


@click.command("resolve")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mode",
    type=click.Choice(["both", "gold", "end-to-end"]),
    default="both",
    show_default=True,
    help="gold: resolve the gold events themselves; end-to-end: extract first.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@db_option
def eval_resolve_command(gold: Path, mode: str, as_json: bool, db: str | None) -> None:
    """B-cubed and pairwise precision/recall/F1 of resolution on GOLD reports (JSON lines)."""
    from ..knowledge import load_pack
    from ..resolve import ActorIndex
    from ..resolve.evaluate import evaluate_end_to_end, evaluate_gold_mentions

    reports = read_gold(gold)
    actors = ActorIndex(load_pack("sahel"))
    result: dict[str, Any] = {"reports": len(reports)}
    if mode in ("both", "gold"):
        result["gold_mentions"] = evaluate_gold_mentions(reports, actors)
    if mode in ("both", "end-to-end"):
        from .extraction import build_extractor

        result["end_to_end"] = evaluate_end_to_end(reports, build_extractor(db), actors)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    console.print(f"Resolution on {gold} ({len(reports)} reports)")
    for key, label in (("gold_mentions", "gold mentions"), ("end_to_end", "end to end")):
        if key not in result:
            continue
        r = result[key]
        b3, pw = r["bcubed"], r["pairwise"]
        console.print(
            f"  {label}: {r['mentions']} mentions, {r['gold_events']} gold events, "
            f"{r['predicted_events']} predicted; B-cubed P {b3['precision']:.3f} "
            f"R {b3['recall']:.3f} F1 {b3['f1']:.3f}; pairwise P {pw['precision']:.3f} "
            f"R {pw['recall']:.3f} F1 {pw['f1']:.3f}"
        )
    if "end_to_end" in result:
        r = result["end_to_end"]
        console.print(
            f"End to end: {r['extracted']} mentions extracted, {r['aligned']} aligned with gold "
            f"events and scored, {r['unaligned_extracted']} unaligned (resolved, not scored); "
            f"{r['gold_mentions_missed']} of {r['gold_mentions']} gold mentions not extracted."
        )
    for key in ("gold_mentions", "end_to_end"):
        if key in result and (result[key]["split_gold_events"] or result[key]["merged_events"]):
            r = result[key]
            console.print(f"{key}: split gold events: {', '.join(r['split_gold_events']) or '-'}")
            for group in r["merged_events"]:
                console.print(f"{key}: wrongly merged: {', '.join(group)}")


def register(main: click.Group) -> None:
    """Attach this module's commands to the main group."""
    events = main.commands["events"]
    assert isinstance(events, click.Group)
    events.add_command(merge_command)
    events.add_command(split_command)
    evaluation = main.commands["eval"]
    assert isinstance(evaluation, click.Group)
    evaluation.add_command(eval_resolve_command)
