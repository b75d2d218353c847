"""The open document: the model, its undo stack, its file and whether it is saved."""

from __future__ import annotations

import os
import weakref
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from ...commands import ChangeCommand
from ...fileformat import FileFormatError, Problem
from ...fileformat import cxmap, files
from ...model import JourneyMap, ModelError


@dataclass(frozen=True)
class DiskState:
    """What a map file on disk was when the document last read or wrote it."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> "DiskState | None":
        """The file's state now; None if it cannot be read (missing, a folder, a pipe, a
        device, over the size limit...).  Type and size are checked before hashing, so
        a pipe or a link to /dev/zero never hangs the editor."""
        try:
            return cls(*files.file_state(path))
        except FileFormatError:
            return None

    def to_json(self) -> dict:
        return {"size": self.size, "mtime_ns": self.mtime_ns, "sha256": self.sha256}

    @classmethod
    def from_json(cls, data) -> "DiskState | None":
        try:
            return cls(int(data["size"]), int(data["mtime_ns"]), str(data["sha256"]))
        except (TypeError, KeyError, ValueError):
            return None


class Document(QObject):
    modified_changed = Signal(bool)
    path_changed = Signal(object)  # Path | None
    edit_refused = Signal(str)  # the model's message, for the status bar

    def __init__(self, journey: JourneyMap | None = None, path: Path | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.journey = journey if journey is not None else JourneyMap()
        self.path = Path(path) if path else None
        self.undo_stack = QUndoStack(self)
        # Repairs made while loading are changes the file does not have yet.
        self._unsaved_repairs = False
        # The file as this document last read or wrote it, to notice another program's
        # change before saving over it.  None: not known (new, imported).
        self.disk_state: DiskState | None = None
        # The stack says "clean" once more from its destructor, while this object may
        # be half torn down (by Python's garbage collector, or by its window): a weak
        # reference and a validity check make that late call a no-op, not a crash.
        this = weakref.ref(self)

        def on_clean_changed(clean: bool) -> None:
            document = this()
            if document is not None and shiboken6.isValid(document.undo_stack):
                document._on_clean_changed(clean)
        self.undo_stack.cleanChanged.connect(on_clean_changed)
        # An undo or redo that someone else's live edit made impossible is skipped by
        # the command (commands/replay.py); the user is told why, as for a refused edit.
        for name in ("undo_skipped", "redo_skipped"):
            self.journey.events.subscribe(name, self._on_replay_skipped)

    @classmethod
    def open(cls, path: str | Path, parent: QObject | None = None
             ) -> tuple["Document", list[Problem]]:
        """Load a map file.  Raises ``FileFormatError`` with the loader's message."""
        # Read the state first: a change in between then shows as a change, never hides.
        state = DiskState.read(path)
        loaded = cxmap.load(path)
        document = cls(loaded.journey, Path(path), parent)
        document.disk_state = state
        if loaded.problems or loaded.version != cxmap.VERSION:
            document._unsaved_repairs = True
        return document, loaded.problems

    @property
    def is_modified(self) -> bool:
        return self._unsaved_repairs or not self.undo_stack.isClean()

    def mark_modified(self) -> None:
        """For a document that differs from any file (a recovered or imported map)."""
        self._set_repairs(True)

    def push(self, command: ChangeCommand) -> bool:
        """Apply an edit as one undo step.  A refused edit changes nothing, is reported
        through ``edit_refused`` and returns False; an edit that changes nothing is
        not recorded."""
        try:
            change = command.run()
        except ModelError as exc:
            self.edit_refused.emit(str(exc))
            return False
        if change.is_empty:
            return False
        self.undo_stack.push(command)
        return True

    def save(self, path: str | Path | None = None, *,
             replace_read_only: bool = False) -> list[str]:
        """Save to ``path`` (or the document's own file).  Raises ``FileFormatError``
        (``files.ReadOnlyFileError`` for a read-only file unless ``replace_read_only``);
        on failure the document stays as it was, modified.  Returns notes for the user
        (a backup that could not be kept)."""
        target = Path(path) if path else self.path
        if target is None:
            raise FileFormatError("The map has no file yet: choose where to save it.")
        notes = cxmap.save(self.journey, target, replace_read_only=replace_read_only)
        self.disk_state = DiskState.read(target)
        self.undo_stack.setClean()
        self._set_repairs(False)
        if target != self.path:
            self.path = target
            self.path_changed.emit(target)
        return notes

    def disk_change(self) -> str:
        """How the document's file differs from when it was last read or written:
        "same", "changed", "removed", or "unknown" (no file, or never read).

        Decided by content: another program may change a file keeping its size and
        mtime (``cp -p``, rsync), so equal size and mtime are hashed too (a map is at
        most 64 MiB).  Something there that cannot be read as a map file (grown past
        the limit, a pipe, no permission) counts as changed: saving would replace it."""
        if self.path is None or self.disk_state is None:
            return "unknown"
        try:
            size = os.stat(self.path).st_size
        except FileNotFoundError:
            return "removed"
        except OSError:
            return "unknown"
        known = self.disk_state
        if size != known.size:
            return "changed"  # no need to hash: other bytes
        now = DiskState.read(self.path)
        if now is None:
            return "removed" if not os.path.lexists(self.path) else "changed"
        if now.sha256 != known.sha256:
            return "changed"
        self.disk_state = now  # maybe touched, not changed
        return "same"

    def _on_replay_skipped(self, event) -> None:
        self.edit_refused.emit(skipped_message(event.name == "undo_skipped", event.kind,
                                               event.keys[0] if event.keys else "changed"))

    def _set_repairs(self, value: bool) -> None:
        before = self.is_modified
        self._unsaved_repairs = value
        if self.is_modified != before:
            self.modified_changed.emit(self.is_modified)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(self.is_modified)


def tr(text: str) -> str:
    return QCoreApplication.translate("Document", text)


def skipped_message(undo: bool, kind: str, reason: str) -> str:
    """"Undo skipped: the touchpoint was removed by someone else", and the like."""
    removed = reason == "removed"
    what = {
        "stage": (tr("the stage was removed by someone else"),
                  tr("the stage was changed by someone else")),
        "touchpoint": (tr("the touchpoint was removed by someone else"),
                       tr("the touchpoint was changed by someone else")),
        "note": (tr("the note was removed by someone else"),
                 tr("the note was changed by someone else")),
        "action": (tr("the action was removed by someone else"),
                   tr("the action was changed by someone else")),
        "persona": (tr("the persona was removed by someone else"),
                    tr("the persona was changed by someone else")),
        "stage_order": (tr("the stages were reordered by someone else"),) * 2,
        "document": (tr("the map details were changed by someone else"),) * 2,
    }.get(kind, (tr("the element was removed by someone else"),
                 tr("the element was changed by someone else")))
    head = tr("Undo skipped: %1") if undo else tr("Redo skipped: %1")
    return head.replace("%1", what[0] if removed else what[1])
