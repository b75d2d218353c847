"""The priority matrix: impact against effort, with every scored note as a dot.

The rankable notes (pain points, weaknesses, threats, opportunities) with an impact
and an effort sit in the cell of their two scores; several in one cell fan out.  The
others wait in the "not scored yet" strip.  Dragging a note onto a cell scores it with
that cell's whole numbers; dragging a dot onto the strip clears its score.  Each drop
is one ``EditFieldsCommand``, so one undo puts the dot back.  The matrix only follows
the model's events: an undo, or a score typed in the inspector, moves the dot.

Orientation: impact runs bottom to top; effort runs along the map's reading
direction, so quick wins sit top-left, or top-right in a Hebrew map, as in the PDF
report's matrix and as the canvas's stages run.  The strip follows the grid in reading
order.  The chart's own words follow the interface language; note titles follow the
map's direction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from ..commands import EditFieldsCommand
from ..model import Event
from ..model import schema as S
from ..model import scoring
from ..model.changes import SetDocument, SetStageOrder
from .document import Document
from .lazy_panel import LazyPanel
from .matrix_chart import (AXIS, CELL, CHIP_PITCH, GAP, SIDE, STRIP_HEAD, STRIP_W, ChartItem,
                           HoverLabel, StripItem, TargetItem, cell_at, cell_center, fan_out,
                           grid_rect, note_tooltip, tr)
from .matrix_items import DotItem, NoteItem, StripChipItem

SelectCallback = Callable[[list[str]], None]
MAX_SCALE = 2.0
# Edges whose change can reorder notes (the ranking's tie-break is journey position).
_ORDER_EDGES = {S.ABOUT, S.IN_STAGE}


def _matters(change) -> bool:
    for op in change.ops:
        if isinstance(op, (SetDocument, SetStageOrder)):
            return True
        if getattr(op, "kind", None) == S.NOTE or getattr(op, "kind", None) in _ORDER_EDGES:
            return True
    return False


class MatrixScene(QGraphicsScene):
    layout_changed = Signal()

    def __init__(self, document: Document, select_callback: SelectCallback, parent=None):
        super().__init__(parent)
        self.document = document
        self.journey = document.journey
        self.select_callback = select_callback
        self.rtl = False
        self.selected: list[str] = []
        self.chart, self.strip = ChartItem(), StripItem()
        self.hover, self.target = HoverLabel(), TargetItem()
        for item in (self.chart, self.strip, self.hover, self.target):
            self.addItem(item)
        self._dots: dict[str, DotItem] = {}
        self._chips: dict[str, StripChipItem] = {}
        # Items taken out by the last sync, kept alive: the one being released may be
        # among them, and Qt still holds it until its mouse event returns.
        self._retired: list[NoteItem] = []
        # The view that shows the scene makes it lazy (see ``PriorityMatrixView``);
        # without one the scene follows each edit at once.
        self.lazy: LazyPanel | None = None
        self.sync()
        self.selectionChanged.connect(self._on_selection_changed)
        self.journey.events.subscribe("journey_changed", self._on_journey_changed)

    def detach(self) -> None:
        self.journey.events.unsubscribe(self._on_journey_changed)

    # ------------------------------------------------------------ look-ups
    def item_for(self, note: str) -> NoteItem | None:
        self.catch_up()
        return self._dots.get(note) or self._chips.get(note)

    def dot_ids(self) -> list[str]:
        self.catch_up()
        return list(self._dots)

    def strip_ids(self) -> list[str]:
        self.catch_up()
        return list(self._chips)

    def catch_up(self) -> None:
        """Follow edits not shown yet, for a caller that reads the scene now."""
        if self.lazy is not None:
            self.lazy.flush()

    def strip_x(self) -> float:
        # The strip sits after the grid in reading order: right, or left in Hebrew
        # (where the impact scale is on the grid's right).
        return -GAP - STRIP_W if self.rtl else SIDE + GAP

    def frame_rect(self) -> QRectF:
        """What the view fits: the grid with its scales and the top of the strip."""
        left, right = (self.strip_x(), SIDE + AXIS) if self.rtl else (
            -AXIS, self.strip_x() + STRIP_W)
        return QRectF(left, 0, right - left, SIDE + AXIS).adjusted(-12, -12, 12, 12)

    # ------------------------------------------------------------- showing
    def sync(self) -> None:
        """Put every rankable note where its scores say (after any change)."""
        if self.lazy is not None:
            self.lazy.cancel()
            self.lazy.stale = False
        journey = self.journey
        self.selected = [n for n in self.selected if n in journey]
        self.rtl = journey.document["direction"] == "rtl"
        cells: dict[tuple[int, int], list[str]] = {}
        unscored: list[str] = []
        # Best first, so a crowded cell and the strip list the notes in rank order.
        for ranked in scoring.rank(journey, "impact_effort"):
            attrs = journey.get(ranked.note)
            if attrs["impact"] is None or attrs["effort"] is None:
                unscored.append(ranked.note)
            else:
                cells.setdefault((attrs["impact"], attrs["effort"]), []).append(ranked.note)
        self._retired = []
        self._dots = self._keep(self._dots, [n for ns in cells.values() for n in ns], DotItem)
        self._chips = self._keep(self._chips, unscored, StripChipItem)
        for (impact, effort), notes in cells.items():
            centre = cell_center(impact, effort, self.rtl)
            offsets, radius = fan_out(len(notes))
            for note, offset in zip(notes, offsets):
                dot = self._dots[note]
                dot.set_radius(radius)
                # The best-ranked first in reading order.
                dot.place(centre + QPointF(-offset.x() if self.rtl else offset.x(), offset.y()))
        x = self.strip_x()
        self.strip.setPos(x, 0)
        self.strip.empty = not unscored
        self.strip.set_height(max(SIDE, STRIP_HEAD + len(unscored) * CHIP_PITCH + 6))
        for i, note in enumerate(unscored):
            self._chips[note].place(QPointF(x + 12, STRIP_HEAD + i * CHIP_PITCH))
        for item in (*self._dots.values(), *self._chips.values()):
            item.update()
        self.chart.set_rtl(self.rtl)
        self.chart.update()
        self.strip.update()
        self.hide_hover()
        self.setSceneRect(self.frame_rect().united(
            self.strip.sceneBoundingRect().adjusted(0, 0, 0, 12)))
        self._show_selected()
        self.layout_changed.emit()

    def _keep(self, items: dict, wanted: Iterable[str], cls) -> dict:
        """The items for ``wanted`` in that order: existing ones kept, others made."""
        out = {}
        for note in wanted:
            item = items.pop(note, None)
            if item is None:
                item = cls(note)
                self.addItem(item)
            out[note] = item
        for item in items.values():
            self.removeItem(item)
            self._retired.append(item)
        return out

    def select_ids(self, ids: Iterable[str]) -> None:
        """Show a selection made elsewhere (the canvas); tells nobody."""
        self.selected = list(ids)
        self._show_selected()

    def _show_selected(self) -> None:
        self.blockSignals(True)
        try:
            for item in (*self._dots.values(), *self._chips.values()):
                item.setSelected(item.element_id in self.selected)
        finally:
            self.blockSignals(False)

    def show_hover(self, item: NoteItem) -> None:
        # Not a tooltip: that waits, and a workshop points at dots one after another.
        self.hover.show_text(note_tooltip(self.journey, item.element_id),
                             item.sceneBoundingRect(), self.sceneRect(), self.rtl)

    def hide_hover(self) -> None:
        self.hover.hide()

    def show_target(self, pos: QPointF | None) -> None:
        on_grid = pos is not None and self._on_grid(pos)
        self.target.set_cell(cell_at(pos, self.rtl) if on_grid else None, self.rtl)

    # ------------------------------------------------------------ gestures
    def click(self, item: NoteItem) -> None:
        self.select_ids([item.element_id])
        self.select_callback([item.element_id])

    def drop(self, item: NoteItem, pos: QPointF) -> None:
        """End of a drag: score the note by the cell under ``pos``, or clear its score
        on the strip; anywhere else the drag changes nothing."""
        note = item.element_id
        if self._on_grid(pos):
            impact, effort = cell_at(pos, self.rtl)
            command = EditFieldsCommand(self.journey, note, tr("Score Note"),
                                        impact=impact, effort=effort)
        elif self.strip.sceneBoundingRect().contains(pos) and isinstance(item, DotItem):
            command = EditFieldsCommand(self.journey, note, tr("Clear Score"),
                                        impact=None, effort=None)
        else:
            return
        self.document.push(command)
        self.click(self.item_for(note) or item)  # item_for catches up first

    @staticmethod
    def _on_grid(pos: QPointF) -> bool:
        # Half a cell of slack round the grid: a drop on the edge snaps to the edge cell.
        return grid_rect().adjusted(-CELL / 2, -CELL / 2, CELL / 2, CELL / 2).contains(pos)

    def _on_selection_changed(self) -> None:
        # Qt's own changes only (a click on the background clears it); ours are silent.
        self.selected = [i.element_id for i in self.selectedItems() if isinstance(i, NoteItem)]

    def _on_journey_changed(self, event: Event) -> None:
        if self.lazy is not None and self.lazy.stale:
            return  # O(1) while an update is already due
        if _matters(event.change):
            if self.lazy is None:
                self.sync()
            else:
                self.lazy.mark_stale()


class PriorityMatrixView(QGraphicsView):
    """The matrix as a widget to dock.  ``select_callback(ids)`` is called when the
    user picks a note here (click or drag); ``show_selection(ids)`` mirrors a
    selection made elsewhere without calling back."""

    def __init__(self, document: Document, select_callback: SelectCallback,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.matrix_scene = MatrixScene(document, select_callback, self)
        # Synced once per loop turn after edits, and only while the matrix is seen.
        self.matrix_scene.lazy = LazyPanel(self, self.matrix_scene.sync, stale=False)
        self.setScene(self.matrix_scene)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setDragMode(QGraphicsView.NoDrag)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setMinimumSize(240, 200)
        self._fitted = QRectF()
        self.matrix_scene.layout_changed.connect(self._on_layout_changed)

    def show_selection(self, ids: Iterable[str]) -> None:
        self.matrix_scene.select_ids(ids)

    def detach(self) -> None:
        self.matrix_scene.detach()
        self.matrix_scene.lazy.cancel()

    def fit(self) -> None:
        """Scale so the whole grid and the strip's top fit; a long strip scrolls."""
        self._fitted = frame = self.matrix_scene.frame_rect()
        self.fitInView(frame, Qt.KeepAspectRatio)
        if self.transform().m11() > MAX_SCALE:
            self.resetTransform()
            self.scale(MAX_SCALE, MAX_SCALE)
        self.centerOn(frame.center())

    def _on_layout_changed(self) -> None:
        # Only when the frame moved (the strip changed sides): an edit must not scroll
        # away from the part of a long strip the user is working in.
        if self.matrix_scene.frame_rect() != self._fitted:
            self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        self.fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        grabber = self.matrix_scene.mouseGrabberItem()
        if event.key() == Qt.Key_Escape and isinstance(grabber, NoteItem) and grabber.dragging:
            # Esc abandons the drag: the note goes home and nothing is recorded.
            grabber.cancel_drag()
            grabber.ungrabMouse()
            event.accept()
            return
        super().keyPressEvent(event)
