"""The main window's Edit menu: edits of the canvas selection, each one undo step.

Adding and deleting go through the canvas's editor (canvas/editing.py), so a menu, a
palette entry and a workshop key do the same thing; copy and paste go through the
system clipboard (copy_paste.py), so they work between windows.
"""

from __future__ import annotations

import inspect

from PySide6.QtCore import QCoreApplication

from ..canvas.deletion import deletion_summary
from ..commands import EditDocumentCommand, EditFieldsCommand
from ..model import clipboard
from ..model import schema as S
from . import copy_paste
from .dialogs.map_details import MapDetailsDialog


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # A count goes third, as in Qt's own call, so that lupdate sees the plural.
    return QCoreApplication.translate("MainWindow", text, disambiguation, n)


class EditingMixin:
    """For ``MainWindow``: needs ``document``, ``scene``, ``view`` and ``sync_selection``."""

    def selected_ids(self) -> list[str]:
        return self.scene.selected_ids()

    def add_from_palette(self, payload: dict) -> None:
        """An activated palette entry adds one where the selection is, as its key would."""
        editor = self.view.editor
        kind = payload.get("kind")
        self.view.setFocus()  # the new element opens in title edit: typing names it
        if kind == S.STAGE:
            editor.add_stage()
        elif kind == S.TOUCHPOINT:
            channel = payload.get("channel", "other")
            if "channel" in inspect.signature(editor.add_touchpoint).parameters:
                editor.add_touchpoint(channel=channel)
                return
            # This editor adds touchpoints without a channel: setting it is a step of
            # its own (undo leaves a touchpoint of channel "other").
            created = editor.add_touchpoint()
            if created is not None and channel != "other":
                self.document.push(EditFieldsCommand(self.document.journey, created,
                                                     tr("Set Channel"), channel=channel))
        elif kind == S.NOTE:
            editor.add_note(payload.get("note_kind", "insight"))

    def delete_selection(self) -> None:
        self.view.editor.delete_selection()

    def select_all(self) -> None:
        self.view.editor.select_all()

    def copy(self) -> bool:
        ids = self.selected_ids()
        if not copy_paste.copy(self.document.journey, ids):
            return False
        count = len(ids)
        self.statusBar().showMessage(tr("Copied %n element(s).", None, count), 4000)
        return True

    def cut(self) -> None:
        ids = self.selected_ids()
        journey = self.document.journey
        if copy_paste.copy(journey, ids):
            # A cut stage takes its touchpoints too: say what went, as Delete does.
            named = ((ids[0], journey.kind_of(ids[0]), journey.title(ids[0]))
                     if len(ids) == 1 else None)
            command = copy_paste.cut_command(journey, ids)
            if self.document.push(command):
                summary = deletion_summary(command.change, named)
                if summary:
                    self.statusBar().showMessage(summary, 10000)

    def paste(self) -> None:
        picture = copy_paste.clipboard_picture()
        if picture is not None:
            self.paste_picture(picture)
            return
        stage, on = self._paste_place()
        self._push_and_select(copy_paste.paste_command(
            self.document.journey, copy_paste.clipboard_data(), stage, on))

    def paste_picture(self, mime) -> bool:
        """An image on the clipboard becomes the selected touchpoint's picture."""
        journey = self.document.journey
        touchpoints = [i for i in self.selected_ids() if journey.kind_of(i) == S.TOUCHPOINT]
        if len(touchpoints) != 1:
            self.statusBar().showMessage(
                tr("Select one touchpoint to paste the picture on."), 6000)
            return False
        return self.view.editor.put_picture(touchpoints[0], mime)

    def duplicate(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        journey = self.document.journey
        # Duplicated stages go right after the last selected one.
        stages = [s for s in journey.stages() if s in ids]
        self._push_and_select(copy_paste.duplicate_command(
            journey, ids, stages[-1] if stages else None))

    def _paste_place(self) -> tuple[str | None, str | None]:
        """The stage and the element a paste goes to, from the selection."""
        journey = self.document.journey
        for element in self.selected_ids():
            kind = journey.kind_of(element)
            if kind == S.NOTE:
                element = journey.target_of(element)
                if element is None:
                    continue
                kind = journey.kind_of(element)
            if kind == S.STAGE:
                return element, element
            if kind == S.TOUCHPOINT:
                return journey.stage_of(element), element
        return None, None

    def _push_and_select(self, command) -> None:
        if not self.document.push(command):
            return
        added = clipboard.added_ids(command.change)
        journey = self.document.journey
        # Select the pasted cards and bands; their notes come with them.
        shown = [i for i in added if journey.kind_of(i) != S.NOTE] or added
        self.scene.select_ids(shown)
        self.sync_selection()

    def edit_map_details(self) -> None:
        dialog = MapDetailsDialog(self.document.journey, self)
        if dialog.exec() == MapDetailsDialog.Accepted:
            self.apply_map_details(dialog.changes())

    def apply_map_details(self, changes: dict) -> bool:
        if not changes:
            return False
        return self.document.push(EditDocumentCommand(self.document.journey, **changes))
