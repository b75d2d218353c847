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

The matrix is built when first seen, then patched: an edit moves, adds or removes the
dots and chips of the notes it touched (``_on_journey_changed`` collects them, O(1) per
operation but a stage reorder's), and lays out again only the cells and the strip they
left or joined.  A cell's notes, and the strip's, are sorted by their place in the
model's ranking, so a patch equals a full build by construction.  The map's direction
flipped, or a burst of many operations (or of notes to look at, as when a big stage
moves) builds it all again.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from ...commands import EditFieldsCommand
from ...model import Event
from ...model import schema as S
from ...model import scoring
from ...model.changes import AddEdge, RemoveEdge, SetDocument, SetNode, SetStageOrder
from ..document.document import Document
from .lazy_panel import LazyPanel
from .matrix_chart import (AXIS, CELL, CHIP_PITCH, DOT_R, GAP, SIDE, STRIP_HEAD, STRIP_W, ChartItem,
                           HoverLabel, StripItem, TargetItem, cell_at, cell_center, fan_offsets,
                           grid_rect, note_tooltip, tr)
from .matrix_items import DotItem, NoteItem, StripChipItem
from .matrix_slots import CROWDED, CellSlots

SelectCallback = Callable[[list[str]], None]
MAX_SCALE = 2.0
METHOD = "impact_effort"  # the matrix ranks its notes by impact / effort, whatever the map's
STRIP = "strip"  # where an unscored note sits (a scored one sits in a cell)
# A note's fields that move its dot or change how it looks: its cell, its kind (and
# whether it shows at all), its title (a tie-break of the rank, and the chip's text)
# and its votes (a tie-break of the rank).
_NOTE_FIELDS = frozenset({"impact", "effort", "note_kind", "title", "votes"})
# More operations than this in one catch-up build the matrix again: patching each
# note would cost more than one pass over the ranking.
MAX_PATCH_OPS = 500
MAX_PATCH_NOTES = 2_000  # notes to look at, likewise (a stage of many moved)


class MatrixScene(QGraphicsScene):
    layout_changed = Signal()

    def __init__(self, document: Document, select_callback: SelectCallback, parent=None,
                 *, build: bool = True):
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
        # What is shown, by note: its cell (impact, effort) or STRIP; the notes of
        # each cell and of the strip; the strip's notes in rank order.
        self._where: dict[str, tuple[int, int] | str] = {}
        self._members: dict[tuple[int, int] | str, set[str]] = {}
        self._strip: list[str] = []
        # Edits not shown yet: the notes they touched, the touchpoints and stages
        # whose notes moved along the journey, or (``_build_due``) everything.
        self._dirty: set[str] = set()
        self._moved_tps: set[str] = set()
        self._moved_stages: set[str] = set()
        self._dirty_ops = 0
        self._build_due = True
        self.builds = 0  # how many full builds ran: for tests and benchmarks
        # Items taken out by the last sync, kept alive: the one being released may be
        # among them, and Qt still holds it until its mouse event returns.
        self._retired: list[NoteItem] = []
        self._ringed: set[DotItem] = set()  # the dots drawn selected
        self._slots: dict[tuple[int, int], CellSlots] = {}  # of each crowded cell
        # The view that shows the scene makes it lazy (see ``PriorityMatrixView``);
        # without one the scene follows each edit at once.
        self.lazy: LazyPanel | None = None
        if build:
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
        return list(self._strip)

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
    def catch_up_now(self) -> None:
        """The lazy update: patch what the edits since the last one touched."""
        if self._build_due:
            self.sync()
        else:
            self.patch()

    def sync(self) -> None:
        """Put every rankable note where its scores say (built from nothing)."""
        if self.lazy is not None:
            self.lazy.cancel()
            self.lazy.stale = False
        self.builds += 1
        self._forget_edits()
        journey = self.journey
        self.selected = [n for n in self.selected if n in journey]
        self.rtl = journey.document["direction"] == "rtl"
        cells: dict[tuple[int, int], list[str]] = {}
        unscored: list[str] = []
        # Best first, so a crowded cell and the strip list the notes in rank order.
        for ranked in scoring.rank(journey, METHOD):
            attrs = journey.get(ranked.note)
            if attrs["impact"] is None or attrs["effort"] is None:
                unscored.append(ranked.note)
            else:
                cells.setdefault((attrs["impact"], attrs["effort"]), []).append(ranked.note)
        self._retired = []
        self._dots = self._keep(self._dots, [n for ns in cells.values() for n in ns], DotItem)
        self._chips = self._keep(self._chips, unscored, StripChipItem)
        self._members = {cell: set(notes) for cell, notes in cells.items()}
        self._members[STRIP] = set(unscored)
        self._strip = unscored
        self._where = {note: cell for cell, notes in cells.items() for note in notes}
        self._where.update(dict.fromkeys(unscored, STRIP))
        self._slots = {}
        for cell, notes in cells.items():
            self._lay_out_cell(cell, notes)
        self._lay_out_strip()
        for item in self._dots.values():
            item.refresh()
        for item in self._chips.values():
            item.update()
        self.chart.set_rtl(self.rtl)
        self.chart.update()
        self._finish()
        self._show_selected()

    def patch(self) -> None:
        """Show the edits collected since the last update, note by note: only the cells
        and the strip those notes left or joined are laid out again."""
        if self.lazy is not None:
            self.lazy.cancel()
            self.lazy.stale = False
        journey = self.journey
        notes, moved_tps, moved_stages = self._dirty, self._moved_tps, self._moved_stages
        self._forget_edits()
        for stage in moved_stages:
            if stage in journey and journey.kind_of(stage) == S.STAGE:
                moved_tps.update(journey.touchpoints_in(stage))
                notes.update(journey.notes_on(stage))
        for tp in moved_tps:  # their notes' journey position, a tie-break, changed
            if tp in journey and journey.kind_of(tp) == S.TOUCHPOINT:
                notes.update(journey.notes_on(tp))
                if len(notes) > MAX_PATCH_NOTES:  # a stage of many moved: build it all
                    self.sync()
                    return
        self._retired = []
        touched: set[tuple[int, int] | str] = set()  # cells, and STRIP
        for note in notes:
            old, new = self._where.pop(note, None), self._placement(note)
            if old is not None:
                self._members[old].discard(note)
                touched.add(old)
            if new is not None:
                self._where[note] = new
                self._members.setdefault(new, set()).add(note)
                touched.add(new)
            # An item whose note left its place goes (kept alive: see ``_retired``).
            for items, keep in ((self._dots, new not in (None, STRIP)),
                                (self._chips, new == STRIP)):
                item = items.get(note)
                if item is not None and not keep:
                    del items[note]
                    self.removeItem(item)
                    self._retired.append(item)
                elif item is not None:  # its kind or title may have changed
                    item.refresh() if isinstance(item, DotItem) else item.update()
        # Each place's notes in rank order, by the ranking's own sort keys: a look-up
        # each, nothing per note of the rest of the map.
        rank = {}.get
        if touched:
            rank = self.journey.rank_keys(METHOD).__getitem__
        for place in touched:
            members = self._members.get(place, ())
            if place == STRIP:
                self._strip = sorted(members, key=rank)
                self._lay_out_strip()
            elif members:
                self._lay_out_cell(place, members, rank)
            else:
                self._members.pop(place, None)
                self._slots.pop(place, None)
        self.selected = [n for n in self.selected if n in journey]
        self._finish()
        chosen = set(self.selected)
        for note in notes:
            item = self._chips.get(note)
            if item is not None and item.isSelected() != (note in chosen):
                self.blockSignals(True)
                item.setSelected(note in chosen)
                self.blockSignals(False)
        self._ring_selected()

    def _placement(self, note: str) -> tuple[int, int] | str | None:
        """Where the model puts a note: its cell, STRIP, or None (not on the matrix)."""
        journey = self.journey
        if note not in journey or journey.kind_of(note) != S.NOTE:
            return None
        attrs = journey.get(note)
        if attrs["note_kind"] not in scoring.RANKED_KINDS:
            return None
        if attrs["impact"] is None or attrs["effort"] is None:
            return STRIP
        return attrs["impact"], attrs["effort"]

    def _lay_out_cell(self, cell: tuple[int, int], notes: Collection[str],
                      rank: Callable[[str], object] | None = None) -> None:
        """Place a cell's dots, making the ones it lacks: ``notes`` in rank order, or
        a set sorted by ``rank``.  A few are fanned out in rank order; a crowded cell
        keeps its dots in their slots (``matrix_slots``).  A dot already in place is
        not touched (it would be repainted)."""
        centre = cell_center(*cell, self.rtl)
        x0, y0, sign = centre.x(), centre.y(), -1 if self.rtl else 1
        if len(notes) <= CROWDED:
            self._slots.pop(cell, None)
            ordered = notes if rank is None else sorted(notes, key=rank)
            offsets, radius = fan_offsets(len(ordered))
            # The best-ranked first in reading order.
            self._place_dots(zip(ordered, offsets), x0, y0, sign, radius)
            return
        slots = self._slots.get(cell) if rank is not None else None
        come = slots.follow(notes, rank) if slots is not None else None
        if come is None:  # laid again: all in rank order
            ordered = notes if rank is None else sorted(notes, key=rank)
            slots = self._slots[cell] = CellSlots(ordered)
            come = ordered
        room = CELL - 20
        pitch = room / slots.side
        radius = min(DOT_R, max(pitch / 2 - 1, pitch / 3))
        self._place_dots(((note, slots.offset(note, room)) for note in come),
                         x0, y0, sign, radius)

    def _place_dots(self, offsets: Iterable[tuple[str, tuple[float, float]]], x0: float,
                    y0: float, sign: int, radius: float) -> None:
        dots = self._dots
        for note, (dx, dy) in offsets:
            dot = dots.get(note)
            made = dot is None
            if made:
                dot = dots[note] = DotItem(note)
                self.addItem(dot)
                dot.refresh()
            dot.set_radius(radius)
            x, y = x0 + sign * dx, y0 + dy
            home = dot.home
            if made or home.x() != x or home.y() != y:
                dot.place(QPointF(x, y))

    def _lay_out_strip(self) -> None:
        x = self.strip_x()
        self.strip.setPos(x, 0)
        self.strip.empty = not self._strip
        self.strip.set_height(max(SIDE, STRIP_HEAD + len(self._strip) * CHIP_PITCH + 6))
        for i, note in enumerate(self._strip):
            chip = self._chips.get(note)
            if chip is None:
                chip = self._chips[note] = StripChipItem(note)
                self.addItem(chip)
            point = QPointF(x + 12, STRIP_HEAD + i * CHIP_PITCH)
            if chip.home != point:
                chip.place(point)
        self.strip.update()

    def _finish(self) -> None:
        self.hide_hover()
        self.setSceneRect(self.frame_rect().united(
            self.strip.sceneBoundingRect().adjusted(0, 0, 0, 12)))
        self.layout_changed.emit()

    def _forget_edits(self) -> None:
        self._dirty, self._moved_tps, self._moved_stages = set(), set(), set()
        self._dirty_ops = 0
        self._build_due = False

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
        # Only the items that are or were selected: the scene keeps the ones that are,
        # and a matrix holds thousands of dots.
        wanted = set(self.selected)
        self.blockSignals(True)
        try:
            for item in self.selectedItems():  # strip chips: Qt's selection
                if getattr(item, "element_id", None) not in wanted:
                    item.setSelected(False)
            for element in wanted:
                chip = self._chips.get(element)
                if chip is not None and not chip.isSelected():
                    chip.setSelected(True)
        finally:
            self.blockSignals(False)
        self._ring_selected()

    def _ring_selected(self) -> None:
        """Ring the dots of the selected notes and unring the others (the dots are not
        Qt-selectable: see ``DotItem``)."""
        dots = self._dots
        now = {dot for note in self.selected if (dot := dots.get(note)) is not None}
        for dot in now.symmetric_difference(self._ringed):
            if dot.scene() is self:
                dot.show_selected(dot in now)
        self._ringed = now

    def shows_selected(self, note: str) -> bool:
        """Whether the note is drawn selected (its dot ringed, or its chip selected)."""
        self.catch_up()
        dot = self._dots.get(note)
        if dot is not None:
            return dot.ringed
        chip = self._chips.get(note)
        return chip is not None and chip.isSelected()

    def mousePressEvent(self, event) -> None:  # Qt's name
        super().mousePressEvent(event)
        # A press that no note took (the background) clears the selection, as Qt
        # does for the strip's chips; the ringed dots follow.
        if (event.button() == Qt.LeftButton and self.mouseGrabberItem() is None
                and not event.modifiers() & Qt.ControlModifier and self.selected):
            self.selected = []
            self._show_selected()

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
        self._ring_selected()

    def _on_journey_changed(self, event: Event) -> None:
        # O(1) per operation: the notes are looked at when the matrix catches up.
        if self._collect(event.change.ops):
            if self.lazy is None:
                self.catch_up_now()
            else:
                self.lazy.mark_stale()

    def _collect(self, ops) -> bool:
        """Keep what the operations touched; whether any of it shows here."""
        if self._build_due:
            return True
        self._dirty_ops += len(ops)
        if self._dirty_ops > MAX_PATCH_OPS:
            self._build_due = True
            return True
        relevant = False
        for op in ops:
            t = type(op)
            if t is SetDocument:
                if "direction" not in op.new:
                    continue
                self._build_due = True  # every dot changes sides
                return True
            if t is SetStageOrder:
                # The notes of the stages that changed places change journey position.
                before = {stage: i for i, stage in enumerate(op.old)}
                self._moved_stages.update(stage for i, stage in enumerate(op.new)
                                          if before.get(stage) != i)
                relevant = True
                continue
            if t is AddEdge or t is RemoveEdge:
                if op.kind == S.ABOUT:
                    self._dirty.add(op.source)
                elif op.kind == S.IN_STAGE:
                    self._moved_tps.add(op.source)
                else:
                    continue
            elif op.kind == S.NOTE:
                if t is SetNode and _NOTE_FIELDS.isdisjoint(op.new):
                    continue
                self._dirty.add(op.id)
            elif op.kind == S.TOUCHPOINT and t is SetNode and ("x" in op.new or "y" in op.new):
                self._moved_tps.add(op.id)
            else:
                continue
            relevant = True
        return relevant


class PriorityMatrixView(QGraphicsView):
    """The matrix as a widget to dock.  ``select_callback(ids)`` is called when the
    user picks a note here (click or drag); ``show_selection(ids)`` mirrors a
    selection made elsewhere without calling back."""

    def __init__(self, document: Document, select_callback: SelectCallback,
                 parent: QWidget | None = None):
        super().__init__(parent)
        # Built when first seen (nothing at window start while the dock is hidden),
        # then patched once per loop turn after edits, and only while seen.
        self.matrix_scene = MatrixScene(document, select_callback, self, build=False)
        self.matrix_scene.lazy = LazyPanel(self, self.matrix_scene.catch_up_now)
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
