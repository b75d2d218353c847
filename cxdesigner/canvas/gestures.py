"""Mouse gestures on the canvas, from press to release.

A gesture changes only view state while it runs (dragged cards follow the mouse, a
rubber line or an insertion marker is drawn over the scene) and ends by pushing one
command; the model's events then put every item where it belongs.  So a drag is one
undo step, and a cancelled gesture leaves nothing behind.

Gestures:
* drag cards (the selection moves together); dropping in another band moves them
  to that stage: one ``MoveTouchpointsCommand`` with stage and band-local position;
* drag a stage band by its header to reorder the stages (``MoveStageCommand``);
* drag from a card's connection handle to another card to connect them
  (``AddFlowCommand``);
* pan with the middle button, or with the left button while Space is held.
Clicks, Ctrl-clicks and rubber-band selection are left to Qt.
"""

from __future__ import annotations

import dataclasses
import enum
from collections import ChainMap

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem

from ..commands import AddFlowCommand, MoveStageCommand, MoveTouchpointsCommand
from ..model import layout as L
from . import labels
from .host import CanvasView
from .items import (BAND_TYPE, CARD_TYPE, CHIP_TYPE, FLOW_TYPE, ModelItem, TouchpointCardItem,
                    pixel_font, text_option)
from .layers import hold_item


HANDLE_SLOP = 12.0  # scene units around a point where a card's handle may be found


# ------------------------------------------------------------------ geometry helpers
def stage_slot(layout: L.Layout, x: float) -> tuple[int, float]:
    """Where a stage put down at scene ``x`` goes: its index in the stage order and the
    scene x of the gap it lands in.  Bands are read right to left in an RTL map, so the
    gap counted from the left is counted from the right for the index."""
    visual = sorted(layout.bands.values(), key=lambda band: band.x)
    if not visual:
        return 0, 0.0
    slot = sum(1 for band in visual if band.center[0] < x)
    if slot == 0:
        gap_x = visual[0].x - L.BAND_GAP / 2
    elif slot == len(visual):
        gap_x = visual[-1].right + L.BAND_GAP / 2
    else:
        gap_x = (visual[slot - 1].right + visual[slot].x) / 2
    index = len(visual) - slot if layout.rtl else slot
    return index, gap_x


def band_height(layout: L.Layout) -> float:
    return max((band.h for band in layout.bands.values()), default=L.MIN_BAND_H)


def top_item(scene, pos: QPointF) -> QGraphicsItem | None:
    """The topmost map item (band, card, chip or flow) at a scene point."""
    for item in scene.items(pos):
        if item.type() in (BAND_TYPE, CARD_TYPE, CHIP_TYPE, FLOW_TYPE):
            return item
    return None


def card_at(scene, pos: QPointF) -> TouchpointCardItem | None:
    """The card under a scene point; a note chip counts as its card."""
    for item in scene.items(pos):
        if item.type() == CARD_TYPE:
            return item
        if item.type() == CHIP_TYPE:
            return item.parentItem()
    return None


def handle_at(scene, pos: QPointF) -> TouchpointCardItem | None:
    """The card whose connection handle is under a scene point.  The handle sticks out
    of the card, so look around the point rather than only at it."""
    around = QRectF(pos.x() - HANDLE_SLOP, pos.y() - HANDLE_SLOP, 2 * HANDLE_SLOP,
                    2 * HANDLE_SLOP)
    for item in scene.items(around):
        if item.type() == CARD_TYPE and item.handle_rect().contains(item.mapFromScene(pos)):
            return item
    return None


def header_at(scene, pos: QPointF) -> ModelItem | None:
    """The stage band whose header is under a scene point, unless a card or chip covers it."""
    item = top_item(scene, pos)
    if item is not None and item.type() == BAND_TYPE and item.header_rect().contains(
            item.mapFromScene(pos)):
        return item
    return None


def note_target_at(scene, pos: QPointF) -> str | None:
    """What a note dropped at a scene point is about: the card under it, else the stage
    band, else (``None``) the whole map."""
    card = card_at(scene, pos)
    if card is not None:
        return card.element_id
    return scene.layout.stage_at(pos.x(), pos.y())


class Mode(enum.Enum):
    IDLE = enum.auto()
    PAN = enum.auto()
    CARDS = enum.auto()
    STAGE = enum.auto()
    CONNECT = enum.auto()


class GestureController:
    """Runs the view's mouse gestures.  The view calls ``press``/``move``/``release``
    before Qt's own handling and skips Qt's when they return True."""

    def __init__(self, view: CanvasView):
        self.view = view
        self.mode = Mode.IDLE
        self._space = False
        self._press_view = QPointF()
        self._press_scene = QPointF()
        self._last_view = QPointF()
        self._armed: str | None = None  # "card", "stage" or "handle", until the drag starts
        self._subject: str | None = None  # the card, stage or flow source being dragged
        self._moving: dict[str, QPointF] = {}  # dragged card -> where it started
        self._target_band: L.Rect | None = None
        self._slot: tuple[int, float] | None = None  # stage drag: (index, gap x)
        self._cursor_scene = QPointF()
        self._target_card: str | None = None
        self._preview: tuple | None = None  # palette drag feedback

    @property
    def scene(self):
        return self.view.scene()

    @property
    def active(self) -> bool:
        return self.mode is not Mode.IDLE or self._armed is not None

    # ------------------------------------------------------------------ mouse
    def press(self, event: QMouseEvent) -> bool:
        """Start or arm a gesture.  True: the press is the gesture's, not Qt's."""
        pos = event.position()
        scene_pos = self.view.mapToScene(pos.toPoint())
        self._press_view = self._last_view = pos
        self._press_scene = self._cursor_scene = scene_pos
        self._armed = self._subject = None
        button = event.button()
        if button == Qt.MiddleButton or (button == Qt.LeftButton and self._space):
            self.mode = Mode.PAN
            self.view.viewport().setCursor(Qt.ClosedHandCursor)
            return True
        if button != Qt.LeftButton:
            return False
        card = handle_at(self.scene, scene_pos)
        if card is not None:
            self._armed, self._subject = "handle", card.element_id
            return True
        item = top_item(self.scene, scene_pos)
        if item is not None and item.type() == CARD_TYPE:
            self._armed, self._subject = "card", item.element_id
        elif (item is not None and item.type() == BAND_TYPE
              and item.header_rect().contains(item.mapFromScene(scene_pos))):
            self._armed, self._subject = "stage", item.element_id
        return False  # Qt selects what was clicked; the drag starts once the mouse moves

    def move(self, event: QMouseEvent) -> bool:
        pos = event.position()
        scene_pos = self.view.mapToScene(pos.toPoint())
        self._cursor_scene = scene_pos
        if self.mode is Mode.PAN:
            self._pan(pos - self._last_view)
            self._last_view = pos
            return True
        if self._armed is not None and not event.buttons() & Qt.LeftButton:
            self._armed = None  # the release went elsewhere (a popup, another window)
        if self._armed is not None and self.mode is Mode.IDLE:
            if (pos - self._press_view).manhattanLength() < QApplication.startDragDistance():
                return self._armed == "handle"
            self._start_drag()
        if self.mode is Mode.CARDS:
            self._drag_cards(scene_pos)
            return True
        if self.mode is Mode.STAGE:
            self._slot = stage_slot(self.scene.layout, scene_pos.x())
            self.view.viewport().update()
            return True
        if self.mode is Mode.CONNECT:
            card = card_at(self.scene, scene_pos)
            self._target_card = card.element_id if card is not None else None
            self.view.viewport().update()
            return True
        if not event.buttons():
            self._hover_cursor(scene_pos)
        return False

    def release(self, event: QMouseEvent) -> bool:
        """Finish the gesture with its one command.  True: the release is the
        gesture's (its press was, too), so Qt must not see it."""
        scene_pos = self.view.mapToScene(event.position().toPoint())
        mode, armed, subject = self.mode, self._armed, self._subject
        if mode is Mode.PAN:
            if event.button() == Qt.MiddleButton or event.button() == Qt.LeftButton:
                self.mode = Mode.IDLE
                self._hover_cursor(scene_pos)
            return True
        if event.button() != Qt.LeftButton:
            return False
        self._armed = None
        if mode is Mode.CARDS:
            self._finish_cards()
        elif mode is Mode.STAGE:
            self._finish_stage()
        elif mode is Mode.CONNECT:
            self._finish_connect(scene_pos)
            return True
        elif armed == "handle":
            # A click on the handle, not a drag: it selects its card like any click.
            self._end()
            self._click_select(subject, event.modifiers())
            return True
        else:
            self._end()
        return False

    def cancel(self) -> None:
        """Abandon the running gesture (Esc): nothing is pushed, items go back."""
        if self.mode is Mode.CARDS:
            self._restore_cards()
        self._end()

    # ------------------------------------------------------------ palette drags
    def preview_palette(self, payload: dict, scene_pos: QPointF) -> None:
        """Show where a palette item being dragged would land."""
        layout = self.scene.layout
        kind = payload.get("kind")
        if kind == "stage":
            self._preview = ("stage", stage_slot(layout, scene_pos.x())[1])
        elif kind == "touchpoint":
            stage = layout.stage_at(scene_pos.x(), scene_pos.y())
            ghost = QRectF(scene_pos.x() - L.CARD_W / 2, scene_pos.y() - L.CARD_H / 2,
                           L.CARD_W, L.CARD_H)
            self._preview = ("touchpoint", ghost, layout.bands.get(stage))
        elif kind == "note":
            target = note_target_at(self.scene, scene_pos)
            item = self.scene.item_for(target) if target else None
            self._preview = ("note", item.sceneBoundingRect() if item is not None else None)
        else:
            self._preview = None
        self.view.viewport().update()

    def clear_preview(self) -> None:
        if self._preview is not None:
            self._preview = None
            self.view.viewport().update()

    # ------------------------------------------------------------------- keys
    def set_space(self, held: bool) -> None:
        """Space held turns a left drag into panning, as in drawing programs."""
        if held == self._space:
            return
        self._space = held
        if self.mode is not Mode.PAN:
            if held:
                self.view.viewport().setCursor(Qt.OpenHandCursor)
            else:
                self.view.viewport().unsetCursor()

    # -------------------------------------------------------------- internals
    def _start_drag(self) -> None:
        what, element_id = self._armed, self._subject
        self._armed = None
        scene = self.scene
        if what == "card":
            selected = [i.element_id for i in scene.selectedItems() if i.type() == CARD_TYPE]
            ids = selected if element_id in selected else [element_id]
            self._moving = {tp: QPointF(scene.item_for(tp).pos()) for tp in ids
                            if scene.item_for(tp) is not None}
            self.mode = Mode.CARDS
            self.view.viewport().setCursor(Qt.ClosedHandCursor)
        elif what == "stage":
            self._slot = stage_slot(scene.layout, self._cursor_scene.x())
            self.mode = Mode.STAGE
            self.view.viewport().setCursor(Qt.ClosedHandCursor)
        else:
            self.mode = Mode.CONNECT
            self._target_card = None
            self.view.viewport().setCursor(Qt.CrossCursor)

    def _drag_cards(self, scene_pos: QPointF) -> None:
        scene = self.scene
        delta = scene_pos - self._press_scene
        # The dragged cards over the layout's (a copy of all 5,000 made each frame cost
        # more than the frame's own work).
        dragged: dict[str, L.Rect] = {}
        cards = ChainMap(dragged, scene.layout.cards)
        for tp, start in self._moving.items():
            item = scene.item_for(tp)
            item.setPos(start + delta)  # in its stage's layer: a move is a move there too
            hold_item(item)  # Qt finds it through its layer, which must reach it
            at = item.scenePos()
            dragged[tp] = L.Rect(at.x(), at.y(), L.CARD_W, L.CARD_H)
        # The arrows follow the cards while they move: a layout with the cards where
        # they are dragged, drawn only into the flow items (view state).
        self._reroute_flows(dataclasses.replace(scene.layout, cards=cards))
        lead = scene.item_for(next(iter(self._moving)))
        centre_x = lead.scenePos().x() + L.CARD_W / 2
        layout = scene.layout
        stage = layout.stage_at(centre_x) or layout.nearest_stage(centre_x)
        band = layout.bands.get(stage) if stage else None
        # The cards and arrows repaint where they moved; the whole view only when the
        # outlined band changes, or zoomed out, where the dragged outlines are drawn
        # over the view (a full repaint each frame cost 2 to 4 ms on a full screen).
        if band != self._target_band or not getattr(scene, "detailed", True):
            self._target_band = band
            self.view.viewport().update()

    def _finish_cards(self) -> None:
        scene = self.scene
        layout = scene.layout
        moves = []
        for tp in self._moving:
            item = scene.item_for(tp)
            if item is None:
                continue
            at = item.scenePos()
            centre_x = at.x() + L.CARD_W / 2
            stage = layout.stage_at(centre_x) or layout.nearest_stage(centre_x)
            x, y = layout.to_band(stage, at.x(), at.y())
            moves.append((tp, stage, round(x), round(y)))
        if moves:
            scene.push(MoveTouchpointsCommand(scene.journey, moves))
        # After the push the items already sit where the model says; after a refused
        # or empty move this puts them back.
        self._restore_cards()
        self._end()

    def _restore_cards(self) -> None:
        scene = self.scene
        for tp in self._moving:
            item, rect = scene.item_for(tp), scene.layout.cards.get(tp)
            if item is not None and rect is not None:
                item.setPos(item.pos() + QPointF(rect.x, rect.y) - item.scenePos())
        self._reroute_flows(scene.layout)

    def _reroute_flows(self, layout: L.Layout) -> None:
        scene, journey = self.scene, self.scene.journey
        for tp in self._moving:
            if tp not in journey:
                continue
            for source, target in ([(tp, v) for v in journey.flows_from(tp)]
                                   + [(u, tp) for u in journey.flows_into(tp)]):
                flow = scene.flow_item(source, target)
                if flow is not None:
                    flow.update_path(layout)

    def _finish_stage(self) -> None:
        scene = self.scene
        stage = self._subject
        order = scene.journey.stages()
        if stage in order and self._slot is not None:
            index = self._slot[0]
            # The index counts the stage itself while it is still in the order.
            if index > order.index(stage):
                index -= 1
            if index != order.index(stage):
                scene.push(MoveStageCommand(scene.journey, stage, index))
        self._end()

    def _finish_connect(self, scene_pos: QPointF) -> None:
        scene = self.scene
        source = self._subject
        card = card_at(scene, scene_pos)
        self._end()
        if card is not None and source in scene.journey:
            # Duplicates and self-flows are the model's to refuse: its message reaches
            # the status bar through the document.
            scene.push(AddFlowCommand(scene.journey, source, card.element_id))

    def _click_select(self, tp: str, modifiers) -> None:
        item = self.scene.item_for(tp)
        if item is None:
            return
        if modifiers & Qt.ControlModifier:
            item.setSelected(not item.isSelected())
        else:
            self.scene.select_ids([tp])

    def _end(self) -> None:
        drawn = self.mode is not Mode.IDLE  # a plain click drew nothing to wipe
        self.mode = Mode.IDLE
        self._armed = self._subject = None
        self._moving = {}
        self._target_band = None
        self._slot = None
        self._target_card = None
        self._hover_cursor(self._cursor_scene)
        if drawn:
            self.view.viewport().update()

    def _pan(self, delta: QPointF) -> None:
        h, v = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        dx = round(delta.x())
        h.setValue(h.value() + (dx if self.view.isRightToLeft() else -dx))
        v.setValue(v.value() - round(delta.y()))

    def _hover_cursor(self, scene_pos: QPointF) -> None:
        viewport = self.view.viewport()
        if self._space:
            viewport.setCursor(Qt.OpenHandCursor)
        elif handle_at(self.scene, scene_pos) is not None:
            viewport.setCursor(Qt.CrossCursor)
        elif header_at(self.scene, scene_pos) is not None:
            viewport.setCursor(Qt.OpenHandCursor)
        else:
            viewport.unsetCursor()

    # ---------------------------------------------------------------- drawing
    def paint(self, painter: QPainter) -> None:
        """Draw the gesture's feedback over the scene (from the view's foreground)."""
        if self.mode is Mode.IDLE and self._preview is None:
            return
        highlight = self.view.palette().highlight().color()
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        if self.mode is Mode.CARDS:
            if self._target_band is not None:
                self._outline(painter, self._rect(self._target_band), highlight)
            if not getattr(self.scene, "detailed", True):
                self._dragged_outlines(painter, highlight)
        elif self.mode is Mode.STAGE and self._slot is not None:
            self._stage_ghost(painter, highlight)
            self._insertion_marker(painter, self._slot[1], highlight)
        elif self.mode is Mode.CONNECT:
            self._rubber_line(painter, highlight)
        if self._preview is not None:
            self._paint_preview(painter, highlight)
        painter.restore()

    def _paint_preview(self, painter: QPainter, highlight: QColor) -> None:
        kind = self._preview[0]
        if kind == "stage":
            self._insertion_marker(painter, self._preview[1], highlight)
        elif kind == "touchpoint":
            ghost, band = self._preview[1], self._preview[2]
            if band is not None:
                self._outline(painter, self._rect(band), highlight)
            colour = QColor(highlight if band is not None else QColor("#999999"))
            colour.setAlpha(60)
            painter.setPen(self._pen(highlight if band is not None else QColor("#999999"),
                                     2, Qt.DashLine))
            painter.setBrush(colour)
            painter.drawRoundedRect(ghost, 8, 8)
        elif kind == "note" and self._preview[1] is not None:
            self._outline(painter, self._preview[1], highlight)

    def _rubber_line(self, painter: QPainter, highlight: QColor) -> None:
        scene = self.scene
        source = scene.item_for(self._subject)
        if source is None:
            return
        start = source.mapToScene(source.handle_rect().center())
        target = scene.item_for(self._target_card) if self._target_card else None
        if target is not None and target is not source:
            self._outline(painter, target.sceneBoundingRect(), highlight)
        painter.setPen(self._pen(highlight, 2.5, Qt.DashLine))
        painter.drawLine(QLineF(start, self._cursor_scene))
        painter.setBrush(highlight)
        painter.setPen(Qt.NoPen)
        radius = 5.0 / max(self.view.zoom(), 0.05)
        painter.drawEllipse(start, radius, radius)
        painter.drawEllipse(self._cursor_scene, radius, radius)

    def _dragged_outlines(self, painter: QPainter, highlight: QColor) -> None:
        # Zoomed out, the overview draws the cards where the model has them, so show
        # where they are being dragged.
        for tp in self._moving:
            item = self.scene.item_for(tp)
            if item is not None:
                self._outline(painter, QRectF(item.scenePos(), QSizeF(L.CARD_W, L.CARD_H)),
                              highlight)

    def _insertion_marker(self, painter: QPainter, x: float, highlight: QColor) -> None:
        height = band_height(self.scene.layout)
        painter.setPen(self._pen(highlight, 5))
        painter.drawLine(QPointF(x, -12), QPointF(x, height + 12))
        painter.setPen(Qt.NoPen)
        painter.setBrush(highlight)
        radius = 7.0 / max(self.view.zoom(), 0.05)
        for y in (-12, height + 12):
            painter.drawEllipse(QPointF(x, y), radius, radius)

    def _stage_ghost(self, painter: QPainter, highlight: QColor) -> None:
        band = self.scene.layout.bands.get(self._subject)
        if band is None:
            return
        # The header being dragged, held under the cursor as it was grabbed.
        offset = self._press_scene.x() - band.x
        ghost = QRectF(self._cursor_scene.x() - offset, band.y, band.w, L.BAND_HEADER)
        colour = QColor(highlight)
        colour.setAlpha(70)
        painter.setPen(self._pen(highlight, 2))
        painter.setBrush(colour)
        painter.drawRoundedRect(ghost, 10, 10)
        journey = self.scene.journey
        title = journey.title(self._subject) or labels.map_words(journey)("untitled_stage")
        painter.setPen(self.view.palette().text().color())
        painter.setFont(pixel_font(22, bold=True))
        painter.drawText(ghost.adjusted(16, 14, -16, -8), title,
                         text_option(self.scene.layout.rtl, wrap=False))

    def _outline(self, painter: QPainter, rect: QRectF, colour: QColor) -> None:
        painter.setPen(self._pen(colour, 3))
        painter.setBrush(Qt.NoBrush)
        painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 10, 10)

    @staticmethod
    def _pen(colour: QColor, width: float, style=Qt.SolidLine) -> QPen:
        # Cosmetic: the same thickness on screen at any zoom.
        pen = QPen(colour, width, style)
        pen.setCosmetic(True)
        return pen

    @staticmethod
    def _rect(rect: L.Rect) -> QRectF:
        return QRectF(rect.x, rect.y, rect.w, rect.h)
