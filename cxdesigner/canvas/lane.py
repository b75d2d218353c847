"""The emotion lane under the bands, with the curve of the chosen persona.

The curve itself is ``model.live_curve.LiveCurve``, kept up to date by the scene; the lane
only paints it, and repaints the strip an edit changed, not the whole lane.
"""

from __future__ import annotations

import bisect
import functools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from ..model import layout as L
from ..model import schema as S
from ..model.live_curve import LiveCurve
from ..bidi import isolate
from ..model.vocabulary import vocabulary
from .items import LANE_TYPE, _font, _line, draw_centred
from .labels import map_words

MARGIN = 8.0  # the dots' and the line's pens reach this far past their points
TITLE_W = 420.0  # the most the lane's title takes, after the value labels


def lane_title(journey, persona: str, width: float) -> str:
    """The lane's title in the map's language, "Emotion (Ronit, mother of two)", fitted
    to ``width``: only the persona's name is shortened, with an ellipsis, so the words
    around it stay whole; and the name is isolated, so a Hebrew name in an English
    map (or the reverse) reads in its own direction and keeps the brackets in place."""
    words = map_words(journey)
    if persona == S.GENERAL or persona not in journey:
        return words("emotion_lane", persona=words("all_customers"))
    name = journey.title(persona) or words("untitled_persona")
    return _fitted_title(words.lang, name.replace("\n", " "), width)


@functools.lru_cache(maxsize=64)
def _fitted_title(lang: str, name: str, width: float) -> str:
    words = vocabulary(lang)
    metrics = QFontMetricsF(_font(14, True))
    frame = metrics.horizontalAdvance(words("emotion_lane", persona=""))
    name = metrics.elidedText(name, Qt.ElideRight, max(0.0, width - frame - 4))
    return words("emotion_lane", persona=isolate(name))


def _strip(points: list[tuple[float, float]], keys: list[float], ordered: bool,
           exposed: QRectF, rtl: bool) -> list[QPointF] | None:
    """The points within ``exposed`` plus one either side (the lines leaving it), or
    ``None`` for all of them: a strip of a 5,000-point curve draws a handful."""
    if not ordered:
        return None
    lo, hi = exposed.left() - MARGIN, exposed.right() + MARGIN
    if rtl:
        lo, hi = -hi, -lo
    start = max(0, bisect.bisect_left(keys, lo) - 1)
    stop = min(len(keys), bisect.bisect_right(keys, hi) + 1)
    if start == 0 and stop == len(keys):
        return None
    return [QPointF(x, y) for x, y in points[start:stop]]


class EmotionLaneItem(QGraphicsItem):
    """The lane under the bands with the emotion curve of the chosen persona."""

    def __init__(self):
        super().__init__()
        self._rect = QRectF()
        self._layout: L.Layout | None = None
        self._curve: LiveCurve | None = None
        # The whole curve as Qt points, made at the first paint that shows all of it
        # and dropped at every change (a strip converts only its own points).
        self._whole: tuple[QPolygonF, QPolygonF] | None = None
        self.setZValue(-5)
        # exposedRect lets paint() draw only the part of a long curve being repainted.
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption)

    def type(self) -> int:  # Qt's name
        return LANE_TYPE

    def points(self) -> list[QPointF]:
        """The curve's dots, in journey order."""
        return [QPointF(x, y) for x, y in self._curve.scene_points()] if self._curve else []

    def refresh(self, layout: L.Layout, curve: LiveCurve) -> None:
        """The lane or the whole curve changed: repaint all of it."""
        lane = layout.lane
        rect = QRectF(lane.x, lane.y, lane.w, lane.h)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self._layout, self._curve, self._whole = layout, curve, None
        self.update()

    def changed(self, layout: L.Layout, span: tuple[float, float]) -> None:
        """Part of the curve changed, between scene x ``span``: repaint that strip."""
        self._layout, self._whole = layout, None
        left, right = span
        self.update(QRectF(left - MARGIN, self._rect.top(), right - left + 2 * MARGIN,
                           self._rect.height()))

    def boundingRect(self) -> QRectF:  # Qt's name
        return self._rect.adjusted(-4, -4, 4, 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if self._rect.isEmpty() or self._layout is None:
            return
        palette = self.scene().palette()
        painter.setPen(Qt.NoPen)
        painter.setBrush(palette.alternateBase())
        painter.drawRoundedRect(self._rect, 10, 10)
        rtl = self._layout.rtl
        # The labels sit at the lane's start: on a long map, most repaints miss them.
        room = max(0.0, min(TITLE_W, self._rect.width() - 48))  # 8 px short of its end
        start = QRectF(self._rect.right() - room - 40 if rtl else self._rect.left(),
                       self._rect.top(), room + 40, self._rect.height())
        labelled = option.exposedRect.intersects(start)
        for value in range(S.EMOTION_MIN, S.EMOTION_MAX + 1):
            y = self._layout.emotion_y(value)
            painter.setPen(QPen(palette.mid().color(), 1, Qt.DotLine if value else Qt.SolidLine))
            painter.drawLine(QPointF(self._rect.left() + 36, y), QPointF(self._rect.right() - 36, y))
            if labelled:
                painter.setPen(palette.placeholderText().color())
                label_x = self._rect.right() - 32 if rtl else self._rect.left() + 6
                draw_centred(painter, QRectF(label_x, y - 8, 28, 16),
                             f"{value:+d}" if value else "0", 12, bold=False)
        if labelled and room > 0:
            painter.setPen(palette.text().color())
            scene = self.scene()
            title_x = self._rect.right() - 40 - room if rtl else self._rect.left() + 40
            title = lane_title(scene.journey, scene.persona, room)
            _line(title, 14, True, rtl, room, own_direction=True).draw(
                painter, QPointF(title_x, self._rect.top() + 4))
        curve = self._curve
        if curve is None or not curve.points:
            return
        exposed = option.exposedRect
        line = _strip(curve.line, curve.line_xs, curve.sorted, exposed, rtl)
        dots = _strip(curve.points, curve.xs, curve.sorted, exposed, rtl)
        if line is None or dots is None:
            if self._whole is None:
                self._whole = (QPolygonF([QPointF(x, y) for x, y in curve.line]),
                               QPolygonF([QPointF(x, y) for x, y in curve.points]))
            line = self._whole[0] if line is None else line
            dots = self._whole[1] if dots is None else dots
        painter.setRenderHint(QPainter.Antialiasing)
        painter.translate(0.0, curve.dy)  # the curve's y are kept relative to the lane's
        painter.setPen(QPen(palette.highlight().color(), 3))
        painter.drawPolyline(line)
        # The dots as round points of a wide pen: one call, not one per touchpoint
        # (5,000 drawEllipse calls took 15 ms a frame).
        painter.setPen(QPen(palette.highlight().color(), 10, Qt.SolidLine, Qt.RoundCap))
        painter.drawPoints(dots)
