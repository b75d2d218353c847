"""The open document: the model, its undo stack, its file and whether it is saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..commands import ChangeCommand
from ..fileformat import FileFormatError, Problem
from ..fileformat import cxmap
from ..model import JourneyMap, ModelError


class Document(QObject):
    modified_changed = Signal(bool)
    path_changed = Signal(object)  # Path | None
    edit_refused = Signal(str)  # the model's message, for the status bar

    def __init__(self, journey: JourneyMap | None = None, path: Path | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.journey = journey or JourneyMap()
        self.path = Path(path) if path else None
        self.undo_stack = QUndoStack(self)
        # Repairs made while loading are changes the file does not have yet.
        self._unsaved_repairs = False
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    @classmethod
    def open(cls, path: str | Path, parent: QObject | None = None
             ) -> tuple["Document", list[Problem]]:
        """Load a map file.  Raises ``FileFormatError`` with the loader's message."""
        loaded = cxmap.load(path)
        document = cls(loaded.journey, Path(path), parent)
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

    def save(self, path: str | Path | None = None) -> None:
        """Save to ``path`` (or the document's own file).  Raises ``FileFormatError``;
        on failure the document stays as it was, modified."""
        target = Path(path) if path else self.path
        if target is None:
            raise FileFormatError("The map has no file yet: choose where to save it.")
        cxmap.save(self.journey, target)
        self.undo_stack.setClean()
        self._set_repairs(False)
        if target != self.path:
            self.path = target
            self.path_changed.emit(target)

    def _set_repairs(self, value: bool) -> None:
        before = self.is_modified
        self._unsaved_repairs = value
        if self.is_modified != before:
            self.modified_changed.emit(self.is_modified)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(self.is_modified)
