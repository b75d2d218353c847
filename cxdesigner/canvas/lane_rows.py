"""The lanes under the bands that hold cells (the service blueprint): one item a lane.

A lane is one wide item that paints only the cells inside the exposed rectangle: the
bands there are found by bisection and only their touchpoints are read, so a lane of a
5,000-touchpoint map repaints a screenful of cells, not all of them.  An edit repaints
the cells it changed (``LaneRows.cells_changed``) or the columns of the cards that
moved; lanes coming, going or moving lay every row out again (there are a few).

The blueprint's lines are drawn in the gap above the lane below them, their names at
the end of that lane's title strip.  What the map draws speaks the map's language.
"""

from __future__ import annotations

import bisect
import functools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem

from ..model import layout as L
from ..model import schema as S
from ..model.lane_edits import TEXT_LANES
from .items import _font, _line, _option, text_block
from .labels import map_words
from .pictures import thumbnail

LANE_ROW_TYPE = QGraphicsItem.UserType + 20
ROW_Z = -5.0  # with the emotion lane: under bands' contents, cards and flows
FAIL_COLOUR, WAIT_COLOUR = QColor("#c62828"), QColor("#ef8f00")
_MARK = 16.0  # a mark's badge, at the cell's reading-end top corner


@functools.lru_cache(maxsize=4096)
def _cell_text(text: str, rtl: bool, width: float, height: float):
    """A cell's text wrapped to its box, elided past its height; laid out once."""
    return text_block(text, _font(12), _option(rtl, own_direction=True), width, height)


def draw_mark(painter: QPainter, rect: QRectF, mark: str) -> None:
    """Shostack's marks as badges: a red disc with "!" for a fail point, an amber
    hourglass for a wait point (shapes, not colour alone, tell them apart)."""
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing)
    if mark == "fail":
        painter.setPen(Qt.NoPen)
        painter.setBrush(FAIL_COLOUR)
        painter.drawEllipse(rect)
        painter.setPen(QPen(Qt.white, 2.2, Qt.SolidLine, Qt.RoundCap))
        cx = rect.center().x()
        painter.drawLine(QPointF(cx, rect.top() + 4), QPointF(cx, rect.bottom() - 7))
        painter.drawPoint(QPointF(cx, rect.bottom() - 3.5))
    else:
        painter.setPen(QPen(WAIT_COLOUR.darker(130), 1.2))
        painter.setBrush(WAIT_COLOUR)
        r = rect.adjusted(2, 1, -2, -1)
        painter.drawPolygon(QPolygonF([r.topLeft(), r.topRight(), r.center(),
                                       r.bottomRight(), r.bottomLeft(), r.center()]))
    painter.restore()


class LaneRowItem(QGraphicsItem):
    """One shown cell lane (a blueprint lane, a text lane or the pictures)."""

    def __init__(self, lane_id: str) -> None:
        super().__init__()
        self.lane_id = lane_id
        self._rect = QRectF()
        self._lines: list[str] = []  # the blueprint lines drawn above this lane
        self._boxes: list[QRectF] | None = None  # zoomed out: every filled cell, kept
        self.setZValue(ROW_Z)
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption)
        self.setAcceptHoverEvents(True)  # a cell's whole text as a tooltip

    def type(self) -> int:  # Qt's name
        return LANE_ROW_TYPE

    def hoverMoveEvent(self, event) -> None:  # Qt's name
        # A cell shows three lines or so; the tooltip reads the rest.
        scene, pos = self.scene(), event.pos()
        text = ""
        if scene is not None and self.lane_id in scene.layout.lanes:
            kind = scene.journey.lane(self.lane_id)["lane_kind"]
            if kind in TEXT_LANES:
                for tp in self._columns(scene, QRectF(pos.x(), pos.y(), 1, 1)):
                    r = scene.layout.cell(tp, self.lane_id, kind) \
                        if tp in scene.layout.cards else None
                    if r is not None and r.contains(pos.x(), pos.y()):
                        text = scene.journey.cell(tp, self.lane_id)
                        break
        if text != self.toolTip():
            self.setToolTip(text)
        super().hoverMoveEvent(event)

    def set_rect(self, rect: L.Rect, lines: list[str]) -> None:
        new = QRectF(rect.x, rect.y, rect.w, rect.h)
        if new != self._rect:
            self.prepareGeometryChange()
            self._rect = new
        self._lines = lines
        self._boxes = None
        self.update()

    def forget_boxes(self) -> None:
        """A cell or a card changed: the zoomed-out boxes are made again when shown."""
        self._boxes = None

    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:  # Qt's name: the line above reaches into the gap
        return self._rect.adjusted(-2, -L.LANE_SPACING, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        scene = self.scene()
        if scene is None or self._rect.isEmpty():
            return
        journey, layout = scene.journey, scene.layout
        if self.lane_id not in layout.lanes:
            return
        palette = scene.palette()
        exposed = option.exposedRect
        rtl = layout.rtl
        lane = journey.lane(self.lane_id)
        kind = lane["lane_kind"]
        rect = self._rect
        painter.setPen(Qt.NoPen)
        painter.setBrush(palette.alternateBase())
        painter.drawRoundedRect(rect, 8, 8)
        words = map_words(journey)
        title_strip = QRectF(rect.x(), rect.y(), rect.width(), L.LANE_TITLE_H)
        if exposed.intersects(title_strip.adjusted(0, -L.LANE_SPACING, 0, 0)):
            self._paint_title(painter, words, lane, rtl, palette)
        cells = exposed.intersected(rect)
        if not cells.isEmpty() and not scene.detailed:
            self._paint_overview(painter, scene, cells, palette, kind)
        elif not cells.isEmpty() and kind in TEXT_LANES:
            self._paint_cells(painter, scene, cells, rtl, palette, kind)
        elif not cells.isEmpty() and kind == "image":
            self._paint_picture_cells(painter, scene, cells, palette)

    def _paint_title(self, painter, words, lane, rtl, palette) -> None:
        rect = self._rect
        room = max(0.0, min(420.0, rect.width() / 2 - 16))
        painter.setPen(palette.text().color())
        title = _line(words.lane_title(lane), 13, True, rtl, room, own_direction=True)
        width = title.lineAt(0).naturalTextWidth() if title.lineCount() else 0.0
        x = rect.right() - 12 - room if rtl else rect.left() + 12
        title.draw(painter, QPointF(x, rect.top() + 4))
        if self._lines:
            y = rect.top() - L.LANE_SPACING / 2
            painter.setPen(QPen(palette.mid().color(), 1.5, Qt.DashLine))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            # Named right after the lane's title, where a reader starts: at the far
            # end of a long map the name would be out of sight.
            names = " · ".join(words.blueprint_line(n) for n in self._lines)
            painter.setPen(palette.placeholderText().color())
            at = (rect.right() - 12 - width - 24 - room) if rtl else rect.left() + 12 + width + 24
            _line(f"- - {names}", 11, False, rtl, room, own_direction=True).draw(
                painter, QPointF(at, rect.top() + 6))

    def _columns(self, scene, exposed: QRectF) -> list[str]:
        """The touchpoints of the bands that meet ``exposed``, found by bisection."""
        layout = scene.layout
        bands = list(layout.bands.values())
        stages = list(layout.bands)
        lefts = [b.x for b in bands]
        first = max(0, bisect.bisect_right(lefts, exposed.left()) - 1)
        out: list[str] = []
        tps = scene.live.tps
        for i in range(first, len(bands)):
            if bands[i].x > exposed.right():
                break
            out += tps.get(stages[i], ())
        return out

    def _paint_cells(self, painter, scene, exposed: QRectF, rtl: bool, palette,
                     kind: str) -> None:
        layout, lane_id = scene.layout, self.lane_id
        nodes = scene.journey.graph.nodes
        current = getattr(scene, "current_cell", None)
        border = QPen(palette.mid().color(), 1)
        ink = palette.text().color()
        for tp in self._columns(scene, exposed):
            if tp not in layout.cards:
                continue
            r = layout.cell(tp, lane_id, kind)
            box = QRectF(r.x, r.y, r.w, r.h)
            if not box.intersects(exposed):
                continue
            attrs = nodes[tp]
            painter.setPen(border)
            painter.setBrush(palette.base())
            painter.drawRoundedRect(box, 5, 5)
            text = attrs["cells"].get(lane_id, "")
            mark = attrs["marks"].get(lane_id)
            inner = box.adjusted(6, 4, -6 - (_MARK if mark else 0), -4)
            if text:
                painter.setPen(ink)
                block = _cell_text(text, rtl, inner.width(), inner.height())
                at = QPointF(inner.x() + (_MARK if mark and rtl else 0), inner.y())
                block.draw(painter, at)
            if mark:
                x = box.left() + 3 if rtl else box.right() - 3 - _MARK
                draw_mark(painter, QRectF(x, box.top() + 3, _MARK, _MARK), mark)
            if current == (tp, lane_id):
                painter.setPen(QPen(palette.highlight().color(), 2.5))
                painter.setBrush(Qt.NoBrush)
                painter.drawRoundedRect(box.adjusted(-1, -1, 1, 1), 6, 6)

    def _paint_overview(self, painter, scene, exposed: QRectF, palette, kind: str) -> None:
        """Zoomed out (``scene.detailed`` off): the filled cells as plain boxes, in one
        call, as the overview draws the cards; text would not read at that size.  The
        boxes are kept between paints: zoomed out, a scroll shows most of the map."""
        if self._boxes is None:
            layout, lane_id = scene.layout, self.lane_id
            nodes = scene.journey.graph.nodes
            field = "picture" if kind == "image" else "cells"
            boxes = []
            for tp in layout.order:
                value = nodes[tp].get(field)
                if value and (kind == "image" or lane_id in value) and tp in layout.cards:
                    r = layout.cell(tp, lane_id, kind)
                    boxes.append(QRectF(r.x, r.y, r.w, r.h))
            self._boxes = boxes
        painter.setPen(Qt.NoPen)
        painter.setBrush(palette.mid())
        painter.drawRects(self._boxes)

    def _paint_picture_cells(self, painter, scene, exposed: QRectF, palette) -> None:
        layout, lane_id = scene.layout, self.lane_id
        nodes = scene.journey.graph.nodes
        painter.setPen(QPen(palette.mid().color(), 1, Qt.DotLine))
        for tp in self._columns(scene, exposed):
            if tp not in layout.cards:
                continue
            r = layout.cell(tp, lane_id, "image")
            box = QRectF(r.x, r.y, r.w, r.h)
            if not box.intersects(exposed):
                continue
            picture = nodes[tp].get("picture", "")
            if picture:
                pixmap = thumbnail(tp, picture, int(box.width()) - 8, int(box.height()) - 8)
                if not pixmap.isNull():
                    size = pixmap.deviceIndependentSize()  # drawn sharp: 2 pixels a unit
                    x = box.x() + (box.width() - size.width()) / 2
                    y = box.y() + (box.height() - size.height()) / 2
                    painter.drawPixmap(QPointF(x, y), pixmap)
                    continue
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(box, 5, 5)


class LaneRows:
    """The scene's cell lanes: an item per shown cell lane, kept to the layout."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.scene = scene
        self.items: dict[str, LaneRowItem] = {}

    def rebuild(self) -> None:
        """Lay every row out again (lanes came, went, moved, or the map resized)."""
        scene = self.scene
        journey, layout = scene.journey, scene.layout
        lines: dict[float, list[str]] = {}
        for name, y in L.blueprint_lines(journey, layout):
            lines.setdefault(y, []).append(name)
        wanted = {lane for lane in layout.lanes
                  if journey.lane(lane)["lane_kind"] != S.EMOTION_LANE}
        for lane in [lane for lane in self.items if lane not in wanted]:
            scene.removeItem(self.items.pop(lane))
        for lane in wanted:
            item = self.items.get(lane)
            if item is None:
                item = self.items[lane] = LaneRowItem(lane)
                scene.addItem(item)
            rect = layout.lanes[lane]
            item.set_rect(rect, lines.get(rect.y - L.LANE_SPACING / 2, []))

    def cells_changed(self, tp: str) -> None:
        """A touchpoint's cells or marks changed: repaint its column in each row."""
        card = self.scene.layout.cards.get(tp)
        if card is None:
            return
        for item in self.items.values():
            item.forget_boxes()
            rect = item.rect()
            item.update(QRectF(card.x - 2, rect.y(), card.w + 4, rect.height()))

    def columns_moved(self, old: L.Layout, touchpoints) -> None:
        """Cards moved or changed slot: repaint their columns, where they were and are."""
        new = self.scene.layout
        for item in self.items.values():
            item.forget_boxes()
        for tp in touchpoints:
            for layout in (old, new):
                card = layout.cards.get(tp)
                if card is None:
                    continue
                for item in self.items.values():
                    rect = item.rect()
                    item.update(QRectF(card.x - 2, rect.y(), card.w + 4, rect.height()))

    def repaint(self) -> None:
        for item in self.items.values():
            item.forget_boxes()
            item.update()
