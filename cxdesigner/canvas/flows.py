"""A flow arrow on the canvas: from one card to another, routed from the layout;
loops back curve under the cards."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem

from ..model import layout as L
from .items import FLOW_TYPE
from .layers import hold


def _head(angle: float, size: float = 11.0) -> tuple[tuple[float, float], ...]:
    """An arrow head's two back corners, as offsets from its tip."""
    return tuple((size * math.cos(angle + turn), size * math.sin(angle + turn))
                 for turn in (-0.45, 0.45))


# By the arrow's direction: along the reading direction (False: LTR, True: RTL), or
# up into the card from below (None: a flow that loops back).
_HEADS = {False: _head(0.0), True: _head(math.pi), None: _head(-math.pi / 2)}


_FLOW_FLAGS = QGraphicsItem.GraphicsItemFlag(QGraphicsItem.ItemIsSelectable)
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_NO_BRUSH = Qt.BrushStyle.NoBrush


class FlowItem(QGraphicsRectItem):
    """An arrow from one card to another; loops back curve under the cards.

    Qt's rectangle item (its rectangle the arrow's bounds), painted here: Qt
    measures an item several times whenever it or its layer moves, and a bound of
    Qt's own costs no call into Python.  A flow lives in its source card's stage
    flow layer (``layers.py``), its path in scene units (the item sits at minus the
    layer's place), so a stage added before both its cards moves it with its layer."""

    # The curve's four points and the head's three, in scene units, set by
    # ``update_path``.  The Qt path, head and shape are made from them when first
    # needed (a paint, a hit test): a map of 5,000 flows routes them all when it
    # opens, and most are never seen.  Class defaults: 5,000 flows are made at once.
    _curve: tuple[float, ...] = ()
    _tip: tuple[float, ...] = ()
    _path: QPainterPath | None = None
    _head: QPolygonF | None = None
    _shape: QPainterPath | None = None

    def __init__(self, source: str, target: str):
        super().__init__()
        self.source, self.target = source, target
        # Qt's default pen only widens the bounds by half a unit (paint is ours).
        # No z value in its flow layer (all flows there); a flow with no layer yet
        # (its source not laid out) takes the flows' level when routed (scene.py).
        self.setFlags(_FLOW_FLAGS)  # from a constant: PySide's enum look-ups cost

    def type(self) -> int:  # Qt's name
        return FLOW_TYPE

    def update_path(self, layout: L.Layout) -> None:
        a, b = layout.cards.get(self.source), layout.cards.get(self.target)
        if a is None or b is None:
            return
        # Plain floats, no Qt object: each Qt call costs ~1 µs.
        rtl = layout.rtl
        ay, by = a.y + a.h / 2, b.y + b.h / 2
        ax, bx = a.x + a.w / 2, b.x + b.w / 2
        forward = (bx >= ax) != rtl
        if forward:
            sx, ex = (a.x, b.right) if rtl else (a.right, b.x)
            dx = max(40.0, abs(ex - sx) / 2) * (-1 if rtl else 1)
            curve = (sx, ay, sx + dx, ay, ex - dx, by, ex, by)
            head, ey = _HEADS[rtl], by
        else:
            sy, ey, drop = a.bottom, b.bottom, 70.0
            curve = (ax, sy, ax, sy + drop, bx, ey + drop, bx, ey)
            head, ex = _HEADS[None], bx
        (lx, ly), (rx, ry) = head
        tip = (ex, ey, ex - lx, ey - ly, ex - rx, ey - ry)
        # The path in scene units: the item at minus its layer's place.
        layer = self.parentItem()
        x, y = (-layer.x(), -layer.y()) if layer is not None else (0.0, 0.0)
        if self.x() != x or self.y() != y:
            self.setPos(x, y)
        self._curve, self._tip = curve, tip
        self._path = self._head = self._shape = None
        # The curve lies within its control points: their box, with the head's.
        xs, ys = curve[0::2] + tip[0::2], curve[1::2] + tip[1::2]
        left, top, right, bottom = min(xs) - 6, min(ys) - 6, max(xs) + 6, max(ys) + 6
        self.setRect(left, top, right - left, bottom - top)
        if layer is not None:  # Qt finds the arrow through its layer (layers.py)
            hold(layer, left + x, top + y, right + x, bottom + y)
        self.update()

    def path(self) -> QPainterPath:  # QGraphicsPathItem's, in the item's own units
        return QPainterPath(self._made_path())

    def _made_path(self) -> QPainterPath:
        """The path itself (made now if it was not), not to be changed."""
        if self._path is None:
            path = QPainterPath()
            if self._curve:
                c = self._curve
                path.moveTo(c[0], c[1])
                path.cubicTo(c[2], c[3], c[4], c[5], c[6], c[7])
            self._path = path
        return self._path

    def add_to(self, path: QPainterPath) -> None:
        """Append the curve, in scene units, to ``path`` (the overview draws every
        flow as one path: made from the numbers, no path of this item's is made)."""
        c = self._curve
        if c:
            at = self.scenePos()
            dx, dy = at.x(), at.y()
            path.moveTo(c[0] + dx, c[1] + dy)
            path.cubicTo(c[2] + dx, c[3] + dy, c[4] + dx, c[5] + dy, c[6] + dx, c[7] + dy)

    def _head_polygon(self) -> QPolygonF:
        if self._head is None:
            t = self._tip
            self._head = QPolygonF([QPointF(t[i], t[i + 1]) for i in range(0, len(t), 2)])
        return self._head

    def scene_path(self) -> QPainterPath:
        """The path in scene units (the item sits at minus its layer's place)."""
        return self.path().translated(self.scenePos())

    def shape(self) -> QPainterPath:  # Qt's name: a wider band to click on
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(12)
            self._shape = stroker.createStroke(self._made_path())
        return QPainterPath(self._shape)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        # Dozens of arrows repaint when the bands in view move: no copies, no enum
        # look-ups (PySide's cost more than the drawing).
        palette = self.scene().palette()
        selected = self.isSelected()
        colour = palette.highlight().color() if selected else palette.dark().color()
        painter.setRenderHint(_ANTIALIASING)
        painter.setPen(QPen(colour, 3 if selected else 2))
        painter.setBrush(_NO_BRUSH)
        painter.drawPath(self._made_path())
        painter.setBrush(colour)
        painter.drawPolygon(self._head_polygon())
