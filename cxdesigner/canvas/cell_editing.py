"""Filling the lanes like a spreadsheet: a current cell, moved by keys, typed in place.

Click a cell to make it current; arrows move it (left and right as the map reads),
Tab and Shift+Tab go to the next and previous touchpoint along the journey.  F2,
Enter or a double click opens it for typing, and so does typing a letter, which
replaces its text (so a facilitator fills a lane as fast as a spreadsheet row).
While typing, Enter keeps the text, Esc drops it, and Tab, Shift+Tab, Up and Down keep
it and go on to the next cell.  Delete empties the current cell.  Every kept text and
every mark is one undo step (``SetCellCommand``, ``SetMarkCommand``).

The current cell is the scene's ``current_cell`` (lane rows paint it); a click on
anything else, or Esc, lets it go.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMenu

from ..commands.lanes import RemoveLaneCommand, SetCellCommand, SetMarkCommand, ShowLaneCommand
from ..model.errors import ModelError
from ..model.lane_edits import TEXT_LANES
from .items import pixel_font
from .title_editor import TitleEditor

MAX_CELL_TYPED = 2_000  # the most the field lets one type or paste into a cell


def tr(text: str) -> str:
    return QCoreApplication.translate("CellEditing", text)


class CellEditor(TitleEditor):
    """The in-place field of a cell: a title field that also moves on."""
    moved = Signal(str)  # "up" or "down": keep the text and go on to that cell

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        key = event.key()
        # Tab never comes here (Qt's items take it as a focus move): the view sends it.
        if key in (Qt.Key_Up, Qt.Key_Down) and not event.modifiers() & ~Qt.KeypadModifier:
            event.accept()
            self.moved.emit("up" if key == Qt.Key_Up else "down")
        else:
            super().keyPressEvent(event)


class CellEditing(QObject):
    """The current cell of a view's scene and its in-place field."""
    message = Signal(str)

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self._editor: CellEditor | None = None
        self._cell: tuple[str, str] | None = None  # the cell being typed in

    @property
    def scene(self):
        return self.view.scene()

    @property
    def journey(self):
        return self.scene.journey

    @property
    def current(self) -> tuple[str, str] | None:
        cell = self.scene.current_cell
        if cell is not None and not self._valid(cell):
            self.select(None)
            return None
        return cell

    @property
    def is_editing(self) -> bool:
        return self._editor is not None and self._editor.is_open

    @property
    def editor_item(self) -> CellEditor | None:
        return self._editor if self.is_editing else None

    # ------------------------------------------------------------ finding cells
    def cell_at(self, scene_pos: QPointF) -> tuple[str, str] | None:
        """The text cell under a scene point: (touchpoint, lane)."""
        scene = self.scene
        layout = scene.layout
        lane = layout.lane_at(scene_pos.y())
        if lane is None or self.journey.lane(lane)["lane_kind"] not in TEXT_LANES:
            return None
        stage = layout.stage_at(scene_pos.x())
        if stage is None:
            return None
        for tp in scene.live.tps.get(stage, ()):
            if layout.cell(tp, lane).contains(scene_pos.x(), scene_pos.y()):
                return tp, lane
        return None

    def cell_rect(self, cell: tuple[str, str]) -> QRectF:
        r = self.scene.layout.cell(*cell)
        return QRectF(r.x, r.y, r.w, r.h)

    # ------------------------------------------------------------ the current cell
    def select(self, cell: tuple[str, str] | None) -> None:
        scene = self.scene
        old = scene.current_cell
        if old == cell:
            return
        scene.current_cell = cell
        for each in (old, cell):
            if each is not None and each[0] in scene.layout.cards:
                scene.rows.cells_changed(each[0])
        if cell is not None:
            scene.clearSelection()
            self.view.ensureVisible(self.cell_rect(cell), 40, 40)

    def move(self, direction: str) -> bool:
        """Make the neighbouring cell current: "next"/"previous" along the journey,
        "left"/"right" as seen, "up"/"down" through the lanes."""
        cell = self.current
        if cell is None:
            return False
        tp, lane = cell
        layout = self.scene.layout
        if direction in ("left", "right"):
            direction = "next" if (direction == "right") != layout.rtl else "previous"
        if direction in ("next", "previous"):
            order = layout.order
            i = order.index(tp) + (1 if direction == "next" else -1)
            if not 0 <= i < len(order):
                return False
            self.select((order[i], lane))
            return True
        lanes = [n for n in layout.lanes if self.journey.lane(n)["lane_kind"] in TEXT_LANES]
        i = lanes.index(lane) + (1 if direction == "down" else -1)
        if not 0 <= i < len(lanes):
            return False
        self.select((tp, lanes[i]))
        return True

    def key(self, event: QKeyEvent) -> bool:
        """A key while a cell is current and no field is open; whether it was used."""
        if self.current is None:
            return False
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeypadModifier
        arrows = {Qt.Key_Left: "left", Qt.Key_Right: "right", Qt.Key_Up: "up",
                  Qt.Key_Down: "down"}
        if key in arrows and not modifiers:
            self.move(arrows[key])
        elif key == Qt.Key_Backtab or (key == Qt.Key_Tab and modifiers == Qt.ShiftModifier):
            self.move("previous")
        elif key == Qt.Key_Tab and not modifiers:
            self.move("next")
        elif key in (Qt.Key_F2, Qt.Key_Return, Qt.Key_Enter) and not modifiers:
            self.open()
        elif key in (Qt.Key_Delete, Qt.Key_Backspace) and not modifiers:
            self._set_text(self.current, "")
        elif key == Qt.Key_Escape:
            self.select(None)
        elif (event.text() and event.text().isprintable()
              and not modifiers & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier)):
            self.open(replace_with=event.text())
        else:
            return False
        return True

    def claims(self, event: QKeyEvent) -> bool:
        """Whether a key is the current cell's (so no shortcut takes it)."""
        if self.current is None:
            return False
        modifiers = event.modifiers() & ~(Qt.KeypadModifier | Qt.ShiftModifier)
        if modifiers:
            return False
        return event.key() in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down, Qt.Key_Tab,
                               Qt.Key_Backtab, Qt.Key_F2, Qt.Key_Return, Qt.Key_Enter,
                               Qt.Key_Delete, Qt.Key_Backspace, Qt.Key_Escape) or (
            bool(event.text()) and event.text().isprintable())

    # ------------------------------------------------------------ typing
    def open(self, replace_with: str | None = None) -> bool:
        cell = self.current
        if cell is None:
            return False
        editor = self._field()
        text = self.journey.cell(*cell)
        self._cell = cell
        editor.open(cell[1], text, self.cell_rect(cell).adjusted(2, 2, -2, -2),
                    self.scene.layout.rtl, pixel_font(12))
        editor.limit = max(MAX_CELL_TYPED, len(text))
        if replace_with is not None:
            editor.setPlainText(replace_with)
            cursor = editor.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            editor.setTextCursor(cursor)
        if not self.view.hasFocus():
            self.view.setFocus()
        return True

    def commit(self) -> None:
        if not self.is_editing:
            return
        cell, text, original = self._cell, self._editor.text().strip(), self._editor.original
        self._close()
        if cell is not None and self._valid(cell) and text != original.strip():
            self._set_text(cell, text)

    def cancel(self) -> None:
        if self.is_editing:
            self._close()

    def contains(self, scene_pos: QPointF) -> bool:
        editor = self.editor_item
        return editor is not None and editor.sceneBoundingRect().contains(scene_pos)

    def set_mark(self, mark: str | None) -> bool:
        """Flag the current cell as a fail or wait point (``None``: clear it)."""
        cell = self.current
        if cell is None:
            return False
        return self._push(SetMarkCommand(self.journey, cell[0], cell[1], mark))

    def toggle_mark(self, mark: str) -> bool:
        """Flag the current cell, or clear the flag if it has that one already."""
        cell = self.current
        if cell is None:
            self.message.emit(tr("Click a cell of a lane first, then flag it."))
            return False
        return self.set_mark(None if self.journey.mark(*cell) == mark else mark)

    def menu(self, cell: tuple[str, str], parent) -> QMenu:
        """What a right click on a cell offers: the cell, its mark and its lane."""
        self.select(cell)
        menu = QMenu(parent)
        menu.addAction(tr("Edit Cell"), self.open)
        menu.addSeparator()
        mark = self.journey.mark(*cell)
        for value, text in (("fail", tr("Fail Point")), ("wait", tr("Wait Point"))):
            action = menu.addAction(text, lambda v=value: self.toggle_mark(v))
            action.setCheckable(True)
            action.setChecked(mark == value)
        menu.addSeparator()
        lane = cell[1]
        menu.addAction(tr("Hide This Lane"),
                       lambda: self._push(ShowLaneCommand(self.journey, lane, False)))
        menu.addAction(tr("Remove This Lane"),
                       lambda: self._push(RemoveLaneCommand(self.journey, lane)))
        return menu

    # ------------------------------------------------------------ internals
    def _valid(self, cell: tuple[str, str]) -> bool:
        tp, lane = cell
        journey, layout = self.journey, self.scene.layout
        return (tp in journey and tp in layout.cards and lane in layout.lanes
                and journey.lane(lane)["lane_kind"] in TEXT_LANES)

    def _set_text(self, cell: tuple[str, str], text: str) -> bool:
        if self.journey.cell(*cell) == text:
            return False
        return self._push(SetCellCommand(self.journey, cell[0], cell[1], text))

    def _push(self, command) -> bool:
        try:
            return self.scene.push(command)
        except ModelError as exc:
            self.message.emit(str(exc))
            return False

    def _field(self) -> CellEditor:
        scene = self.scene
        if self._editor is None or self._editor.scene() is not scene:
            self._editor = CellEditor()
            scene.addItem(self._editor)
            self._editor.committed.connect(self.commit)
            self._editor.cancelled.connect(self.cancel)
            self._editor.moved.connect(self.go_on)
            scene.layout_changed.connect(self._follow)
        return self._editor

    def go_on(self, direction: str) -> None:
        """Keep the text typed and open the next cell that way (Tab, Up, Down)."""
        self.commit()
        if self.move(direction):
            self.open()

    def _close(self) -> None:
        self._cell = None
        self._editor.close()

    def _follow(self) -> None:
        """The layout changed while typing: the cell moved, or went."""
        if not self.is_editing:
            return
        if self._cell is None or not self._valid(self._cell):
            self.cancel()
        else:
            self._editor.place(self.cell_rect(self._cell).adjusted(2, 2, -2, -2))
