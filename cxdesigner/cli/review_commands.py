"""``cxdesigner snapshot`` and ``compare``: reviews over time (``model/snapshots.py``).

Exit codes as the other commands (2: bad arguments or an unreadable map), and 1 when
the map itself says no: a snapshot name already used, or one it does not have.  The
JSON of ``compare`` is documented in docs/cli-json.md.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..terminal import clean

COMMANDS = ("snapshot", "compare")
JSON_VERSION = 1
NONE = "\u2013"
WIDEST = 36  # a title's room in a text table


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("snapshot", help="record a named, dated review of a map in its file",
                       description="Record a snapshot of the map (emotions, NPS and CSAT per "
                       "touchpoint, notes, actions) under a name, in the map's file, for "
                       "'cxdesigner compare' and the report's progress section.")
    p.add_argument("file", type=Path)
    p.add_argument("--name", required=True, help="the review's name, e.g. \"Spring 2026\"")
    p.add_argument("--replace", action="store_true",
                   help="replace a snapshot that already has this name")

    p = sub.add_parser("compare", help="show what changed since a snapshot",
                       description="Compare a snapshot with a later one or with the map as "
                       "it is now: emotions per touchpoint and persona, NPS and CSAT per "
                       "touchpoint, pain points and opportunities added or resolved, "
                       "actions completed, late or new, touchpoints added or removed.")
    p.add_argument("file", type=Path)
    p.add_argument("--from", dest="since", required=True, metavar="NAME",
                   help="the earlier snapshot")
    p.add_argument("--to", dest="until", default="current", metavar="NAME",
                   help="the later snapshot, or 'current' (default): the map as it is now")
    p.add_argument("--json", action="store_true", help="JSON output (docs/cli-json.md)")


class Refused(Exception):
    """The map says no (exit 1): one line for stderr."""


def run(args: argparse.Namespace, load: Callable, save: Callable,
        usage_error: type[Exception]) -> int:
    """One of COMMANDS; ``load``/``save`` are the CLI's, ``usage_error`` its exit-2
    error."""
    try:
        if args.command == "snapshot":
            return _snapshot(args, load, save, usage_error)
        return _compare(args, load)
    except Refused as exc:
        print(clean(f"cxdesigner {args.command}: {exc}"), file=sys.stderr)
        return 1


def _snapshot(args, load, save, usage_error) -> int:
    from ..model import ModelError, snapshots

    name = args.name.strip()
    if not name:
        raise usage_error("cxdesigner snapshot: --name must not be empty")
    journey = load(args.file).journey
    existing = [s for s in journey.snapshots() if journey.get(s)["title"] == name]
    if existing and not args.replace:
        taken = journey.get(existing[-1])["taken"][:10]
        raise Refused(f"{args.file} already has a snapshot named {name!r} (taken {taken}); "
                      "choose another name, or add --replace to replace it")
    try:
        with journey.group("Take snapshot"):
            for old in existing:
                journey.remove(old)
            snapshots.take_snapshot(journey, name)
    except ModelError as exc:  # too many snapshots
        raise Refused(str(exc)) from None
    save(journey, args.file, True)
    today = _dt.date.today()
    print(clean(f"{'Replaced' if existing else 'Took'} snapshot {name!r} of {args.file} "
                f"({journey.count('touchpoint')} touchpoints, {journey.count('note')} notes, "
                f"{journey.count('action')} actions); next review "
                f"{snapshots.next_review(journey, today).isoformat()}"))
    return 0


def _side(journey, name: str, path: Path) -> tuple[dict, dict[str, Any]]:
    """A side's record and how the JSON names it."""
    from ..model import snapshots

    shot = journey.snapshot_named(name)
    if shot is None:
        shots = journey.snapshots()
        listing = ", ".join(f"{journey.get(s)['title']!r} ({journey.get(s)['taken'][:10]})"
                            for s in shots)
        raise Refused(f"{path} has no snapshot named {name!r}; "
                      + (f"its snapshots are: {listing}" if shots else
                         "it has none yet (take one with: cxdesigner snapshot MAP --name "
                         "NAME)"))
    attrs = journey.get(shot)
    record = attrs["record"]
    taken = attrs["taken"] or None
    if snapshots.record_date(record) is None and taken:  # a foreign record without one
        record = {**record, "date": taken[:10]}
    return record, {"name": attrs["title"], "taken": taken}


def _compare(args, load) -> int:
    from ..model import metrics, snapshots
    from .plan_output import _dump

    journey = load(args.file).journey
    before, before_info = _side(journey, args.since, args.file)
    if args.until == snapshots.CURRENT:
        today = _dt.date.today()
        after = snapshots.make_record(journey, metrics.compute(journey), today)
        after_info: dict[str, Any] = {"name": snapshots.CURRENT, "taken": None}
    else:
        after, after_info = _side(journey, args.until, args.file)
    result = snapshots.compare(before, after)
    if args.json:
        data = {"version": JSON_VERSION, **result.to_json()}
        data["before"].update(before_info)
        data["after"].update(after_info)
        print(_dump(data))
    else:
        print(compare_text(result, before_info, after_info))
    return 0


# ------------------------------------------------------------------ text
def _number(value: float | None, signed: bool = False, typed: bool = False) -> str:
    if value is None:
        return NONE
    return (f"{value:+g}" if signed and value else f"{value:g}") + ("*" if typed else "")


def _cut(text: str, most: int = WIDEST) -> str:
    text = clean(text) or "(untitled)"
    return text if len(text) <= most else text[:most - 1] + "\u2026"


def table(headers: list[str], rows: list[list[str]], numeric: set[int]) -> list[str]:
    """Columns padded to their widest cell; numbers to the right."""
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        return "  " + "  ".join(c.rjust(w) if i in numeric else c.ljust(w)
                                for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    return [line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows]


def compare_text(result, before: dict[str, Any], after: dict[str, Any]) -> str:
    def side(info: dict[str, Any], date) -> str:
        if info["name"] == "current" and info["taken"] is None:
            return f"the map now ({date.isoformat() if date else NONE})"
        return f"{_cut(info['name'], 80)!r} ({date.isoformat() if date else NONE})"

    out = [f"From {side(before, result.before_date)} to {side(after, result.after_date)}", ""]
    out.append(f"NPS and CSAT per touchpoint ({len(result.scores)})")
    if result.scores:
        rows = [[_cut(s.title), _number(s.nps_before, typed=s.typed_before),
                 _number(s.nps_after, typed=s.typed_after), _number(s.nps_change, True),
                 f"{s.answers_before}/{s.answers_after}",
                 _number(s.csat_before, typed=s.csat_typed_before),
                 _number(s.csat_after, typed=s.csat_typed_after),
                 _number(s.csat_change, True)] for s in result.scores]
        out += table(["Touchpoint", "NPS before", "after", "change", "answers",
                      "CSAT before", "after", "change"], rows, {1, 2, 3, 4, 5, 6, 7})
        if any(s.typed_before or s.typed_after or s.csat_typed_before or s.csat_typed_after
               for s in result.scores):
            out.append("  * typed by hand: no survey answers behind it")
    changed = result.changed_emotions()
    out += ["", (f"Emotions changed per touchpoint and persona ({len(changed)} of "
                 f"{len(result.emotions)})")]
    if changed:
        out += table(["Touchpoint", "Persona", "before", "after", "change"],
                     [[_cut(e.title), _cut(e.persona_title, 24) if e.persona != "*"
                       else "any customer", _number(e.before), _number(e.after),
                       _number(e.change, True)] for e in changed], {2, 3, 4})
    for heading, items, detail in (
            ("Pain points and opportunities added", result.notes_added, None),
            ("Pain points and opportunities resolved", result.notes_resolved, None),
            ("Actions completed", result.actions_completed, "due"),
            ("Actions late", result.actions_late, "due"),
            ("Actions new", result.actions_new, "due"),
            ("Touchpoints added", result.touchpoints_added, None),
            ("Touchpoints removed", result.touchpoints_removed, None)):
        out += ["", f"{heading} ({len(items)})"]
        for e in items:
            extra = []
            if e.kind:
                extra.append(e.kind.replace("_", " "))
            if detail and e.detail:
                extra.append(f"due {e.detail}")
            out.append(f"  - {_cut(e.title, 70)}" + (f" ({', '.join(extra)})" if extra else ""))
    return "\n".join(out)
