"""Customer feedback into a map: one entry point for the CLI and the editor (no Qt).

``read_feedback(paths, journey)`` reads survey exports and e-mail, masks personal data
(``model/privacy.py``) unless asked to keep it, and returns the items ready for
``journey.add_feedback``, so the import is one edit and one undo step.  Nothing is
added here: a file that fails stops the whole import before the map changes.

Which reader: a folder is a folder of ``.eml`` files; ``.csv``, ``.tsv`` and ``.xlsx``
are survey tables; ``.mbox`` a mailbox and ``.eml`` one message; any other name is
judged by its first bytes (a zip is a workbook, "From " starts a mailbox, mail
headers a message, anything else is read as CSV).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import privacy
from ..model import schema as S
from ..model.journey import JourneyMap
from . import feedback_mail as mail
from . import files
from .errors import FileFormatError, Problem
from .feedback_table import MAX_FIELD, MAX_SHORT, FeedbackError, read_table

TABLE, MBOX, EML, FOLDER = "table", "mbox", "eml", "folder"
_BY_SUFFIX = {".csv": TABLE, ".tsv": TABLE, ".xlsx": TABLE, ".mbox": MBOX, ".eml": EML}


@dataclass
class FileCount:
    """What one file gave: items read, matched by the file, pieces of data masked."""

    path: str
    kind: str
    read: int = 0
    matched: int = 0
    masked: int = 0

    @property
    def name(self) -> str:
        return Path(self.path).name or self.path

    @property
    def unmatched(self) -> int:
        return self.read - self.matched


@dataclass
class FeedbackImport:
    items: list[dict] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files: list[FileCount] = field(default_factory=list)
    kept_personal_data: bool = False

    @property
    def read(self) -> int:
        return sum(f.read for f in self.files)

    @property
    def matched(self) -> int:
        return sum(f.matched for f in self.files)

    @property
    def unmatched(self) -> int:
        return self.read - self.matched

    @property
    def masked(self) -> int:
        return sum(f.masked for f in self.files)


def kind_of(path: str | os.PathLike[str]) -> str:
    """Which reader a path needs (see the module's text).  Raises ``FeedbackError``."""
    name = os.fspath(path)
    if os.path.isdir(name) and not os.path.islink(name):
        return FOLDER
    known = _BY_SUFFIX.get(Path(name).suffix.lower())
    try:
        f, _ = files.open_regular(name, None, "feedback file")
    except FileFormatError as exc:
        raise FeedbackError(exc.message, name) from None
    with f:
        try:
            head = f.read(4096)
        except OSError as exc:
            raise FeedbackError(f"The file could not be read ({exc.strerror or exc}).",
                                name) from None
    if known:
        return known
    if head.startswith(b"PK\x03\x04"):
        return TABLE
    if mail.looks_like_mbox(head):
        return MBOX
    return EML if mail.looks_like_message(head) else TABLE


def read_feedback(paths: Iterable[str | os.PathLike[str]], journey: JourneyMap,
                  keep_personal_data: bool = False) -> FeedbackImport:
    """Read every file; items masked unless ``keep_personal_data``.  Raises
    ``FeedbackError`` (a ``FileFormatError``: file, line, column) for the first file
    that cannot be imported."""
    result = FeedbackImport(kept_personal_data=keep_personal_data)
    room = S.MAX_FEEDBACK - journey.count(S.FEEDBACK)
    for path in paths:
        name = os.fspath(path)
        try:
            kind = kind_of(name)
            count = FileCount(name, kind)
            items = _read_one(name, kind, journey, keep_personal_data, result.warnings)
        except FeedbackError:
            raise
        except FileFormatError as exc:
            raise FeedbackError(exc.message, exc.path or name) from None
        items = [_fit(item) for item in items]
        count.read = len(items)
        count.matched = sum("touchpoint" in item for item in items)
        count.masked = sum(item.get("masked", 0) for item in items)
        result.items += items
        result.files.append(count)
        if len(result.items) > room:
            raise FeedbackError(f"With this file the map would keep more than "
                                f"{S.MAX_FEEDBACK:,} feedback items, the most a map may "
                                f"keep (it has {journey.count(S.FEEDBACK):,}). Nothing was "
                                "imported.", name)
    return result


def _read_one(name: str, kind: str, journey: JourneyMap, keep: bool,
              warnings: list[Problem]) -> list[dict]:
    if kind == TABLE:
        table = read_table(name, journey)
        warnings += table.warnings
        if keep:
            return table.items
        return [privacy.mask_item(item, [w for n in names for w in privacy.name_parts(n)])
                for item, names in zip(table.items, table.names)]
    reader = {MBOX: mail.read_mbox, EML: mail.read_eml, FOLDER: mail.read_folder}[kind]
    found = reader(name)
    warnings += found.warnings
    items = []
    for message in found.mails:
        if keep:
            sender = f"{message.sender} <{message.address}>" if message.sender else \
                message.address
            fields = {"from": sender[:S.MAX_TEXT // 10]} if sender else {}
            items.append(dict(message.fields, fields=fields))
        else:
            items.append(privacy.mask_item(message.fields, sender_names(message)))
    return items


def _fit(item: dict) -> dict:
    """The item within the map's limits: a token can be longer than what it masks
    ("[name]" for "Li"), so a text at its limit may have grown past it."""
    for key, limit in (("title", S.MAX_TEXT), ("description", S.MAX_TEXT),
                       ("source", MAX_SHORT), ("channel", MAX_SHORT)):
        if isinstance(item.get(key), str) and len(item[key]) > limit:
            item[key] = item[key][:limit]
    if any(len(v) > MAX_FIELD for v in item.get("fields", {}).values()):
        item["fields"] = {k: v[:MAX_FIELD] for k, v in item["fields"].items()}
    return item


def sender_names(message: mail.Mail) -> list[str]:
    """The words of the sender's name: from the display name, else from the address
    when its user part reads as a name ("dana.levi@...")."""
    names = privacy.name_parts(message.sender)
    if not names and message.address:
        local = message.address.partition("@")[0]
        pieces = [p for p in re.split(r"[._\-+]", local) if len(p) >= 3 and p.isalpha()]
        if 1 <= len(pieces) <= 3:
            names = privacy.name_parts(" ".join(pieces))
    return names
