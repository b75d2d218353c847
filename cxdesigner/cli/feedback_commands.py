"""``cxdesigner feedback MAP FILE...``: customer feedback into a map (``docs/feedback.md``).

Every file is read (and masked) before the map changes; the items go in as one edit
and the map is saved atomically, the previous version kept as ``MAP.bak``.  A file
that cannot be imported stops the command with the map as it was.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..terminal import clean

COMMANDS = ("feedback",)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("feedback", help="import customer feedback (surveys, e-mail) into a map",
                       description="Add customer feedback to a map: survey exports (CSV or "
                       "XLSX with columns date, touchpoint, channel, nps, csat, comment, "
                       "source, or their Hebrew names), a mailbox (.mbox), e-mails (.eml) or "
                       "a folder of them. E-mail addresses, phone numbers, ID and card "
                       "numbers and the sender's name are masked unless "
                       "--keep-personal-data. See docs/feedback.md.")
    p.add_argument("map", type=Path, metavar="MAP",
                   help="the .cxmap file to add to (saved in place)")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE",
                   help="survey export, mailbox, message or folder of messages")
    p.add_argument("--keep-personal-data", action="store_true",
                   help="do not mask personal data (keep it only if you may)")


def _plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def summary(read: int, matched: int, masked: int, kept: bool) -> str:
    """": 87 matched to touchpoints, 33 unmatched, 41 pieces of personal data masked."""
    privacy = "personal data kept" if kept else \
        f"{_plural(masked, 'piece', 'pieces')} of personal data masked"
    return f"{matched:,} matched to touchpoints, {read - matched:,} unmatched, {privacy}."


def run(args: argparse.Namespace, load: Callable, save: Callable,
        fail: type[Exception]) -> int:
    """``load``/``save`` are the CLI's (its messages); ``fail`` its one-line error."""
    from ..fileformat import FileFormatError
    from ..fileformat.feedback_import import read_feedback
    from ..model.errors import ModelError

    journey = load(args.map).journey
    try:
        found = read_feedback(args.files, journey, keep_personal_data=args.keep_personal_data)
        for warning in found.warnings:
            print(clean(f"cxdesigner: warning: {warning}"), file=sys.stderr)
        journey.add_feedback(found.items)
    except (FileFormatError, ModelError) as exc:
        raise fail(f"cxdesigner feedback: {exc} The map was not changed.") from None
    save(journey, args.map, True)
    kept = found.kept_personal_data
    for f in found.files:
        print(clean(f"Imported {_plural(f.read, 'item', 'items')} from {f.name}: "
                    + summary(f.read, f.matched, f.masked, kept)))
    print(clean(f"Total: {_plural(found.read, 'item', 'items')} from "
                f"{_plural(len(found.files), 'file', 'files')} added to {args.map.name}: "
                + summary(found.read, found.matched, found.masked, kept)))
    return 0
