"""The priority matrix's geometry and its fixed parts: the chart, the strip's
background, the drop target and the hover label.

Geometry is in scene units.  Impact runs up the y axis (5 at the top); effort runs
along the reading direction, 1 at the left, or at the right in a right-to-left map, as
the canvas's stages and the report's matrix do.  Each whole score is a square cell, and
the grid is the square (0, 0, SIDE, SIDE) either way.
"""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from ...canvas import labels
from ...canvas.items import pixel_font, text_option
from ...model import schema as S

N = S.SCORE_MAX - S.SCORE_MIN + 1  # cells along each axis
CELL = 100.0
SIDE = N * CELL
MIDDLE = SIDE / 2  # the middle of the middle score: where the quadrants meet
AXIS = 60.0  # room left of and below the grid for the scale and its name
GAP = 40.0  # between the grid and the strip
STRIP_W = 230.0
STRIP_HEAD = 64.0
CHIP_H, CHIP_PITCH = 30.0, 36.0
DOT_R = 13.0
DRAG_Z, HOVER_Z = 50.0, 100.0

# Light backgrounds with a darker ink of the same hue for the name: fixed colours,
# since the chart reads the same in a light or dark theme (and in the printed report).
QUADRANTS = {  # name: (high impact?, low effort?, background, ink)
    "quick_wins": (True, True, "#e4f4e2", "#2e7d32"),
    "big_bets": (True, False, "#e3ecf9", "#2f5d9e"),
    "fill_ins": (False, True, "#f3f0e3", "#7a6a2c"),
    "money_pits": (False, False, "#f9e4e1", "#a33a2e"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("PriorityMatrix", text)


def ui_rtl() -> bool:
    """Whether the interface's own words read right to left (a Hebrew translation).

    The chart's words follow the interface language; note titles follow the map's
    direction, as on the canvas."""
    return QGuiApplication.layoutDirection() == Qt.RightToLeft


def quadrant_label(name: str) -> str:
    return {"quick_wins": tr("Quick wins"), "big_bets": tr("Big bets"),
            "fill_ins": tr("Fill-ins"), "money_pits": tr("Money pits")}[name]


def effort_x(effort: float, rtl: bool) -> float:
    """Where an effort (whole or not) sits along x."""
    x = (effort - S.SCORE_MIN + 0.5) * CELL
    return SIDE - x if rtl else x


def cell_center(impact: int, effort: int, rtl: bool = False) -> QPointF:
    return QPointF(effort_x(effort, rtl), (S.SCORE_MAX - impact + 0.5) * CELL)


def grid_rect() -> QRectF:
    return QRectF(0, 0, SIDE, SIDE)


def cell_at(point: QPointF, rtl: bool = False) -> tuple[int, int]:
    """The (impact, effort) of the cell nearest to a point, snapped to whole scores."""
    x = SIDE - point.x() if rtl else point.x()
    effort = S.SCORE_MIN + math.floor(x / CELL)
    impact = S.SCORE_MAX - math.floor(point.y() / CELL)
    clamp = lambda v: max(S.SCORE_MIN, min(S.SCORE_MAX, v))  # noqa: E731
    return clamp(impact), clamp(effort)


def cell_rect(impact: int, effort: int, rtl: bool = False) -> QRectF:
    centre = cell_center(impact, effort, rtl)
    return QRectF(centre.x() - CELL / 2, centre.y() - CELL / 2, CELL, CELL)


def fan_out(count: int) -> tuple[list[QPointF], float]:
    """Offsets from a cell's centre for ``count`` dots, and their radius.

    The dots sit in a small centred grid that shrinks as it fills, so every note of a
    crowded cell stays visible and clickable (down to a few units across)."""
    offsets, radius = fan_offsets(count)
    return [QPointF(x, y) for x, y in offsets], radius


@functools.lru_cache(maxsize=256)
def fan_offsets(count: int) -> tuple[tuple[tuple[float, float], ...], float]:
    """``fan_out`` as plain numbers, made once per count: a patch lays out a crowded
    cell of hundreds of dots again when one comes or goes, and the counts repeat."""
    if count <= 1:
        return ((0.0, 0.0),), DOT_R
    cols = math.ceil(math.sqrt(count))
    rows = math.ceil(count / cols)
    pitch = min(2 * DOT_R + 4, (CELL - 20) / max(cols, rows))
    radius = min(DOT_R, pitch / 2 - 1)
    out = []
    for i in range(count):
        row, col = divmod(i, cols)
        in_row = min(cols, count - row * cols)  # a short last row is centred too
        out.append(((col - (in_row - 1) / 2) * pitch, (row - (rows - 1) / 2) * pitch))
    return tuple(out), radius


def note_tooltip(journey, note: str) -> str:
    attrs = journey.get(note)
    title = attrs["title"] or tr("Untitled note")
    kind = labels.note_kind_label(attrs["note_kind"])
    if attrs["impact"] is not None and attrs["effort"] is not None:
        score = tr("impact %1, effort %2").replace("%1", str(attrs["impact"])).replace(
            "%2", str(attrs["effort"]))
    else:
        score = tr("not scored yet")
    return f"{title}\n{kind} · {score}"


class ChartItem(QGraphicsItem):
    """The grid: quadrants with their names, cell lines, the two scales."""

    def __init__(self) -> None:
        super().__init__()
        self.rtl = False  # the map's direction: low effort and the impact scale at right
        self.setZValue(-10)

    def set_rtl(self, rtl: bool) -> None:
        if rtl != self.rtl:
            self.prepareGeometryChange()
            self.rtl = rtl

    def boundingRect(self) -> QRectF:  # Qt's name
        left = 0.0 if self.rtl else -AXIS
        return QRectF(left, 0, SIDE + AXIS, SIDE + AXIS).adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        palette = self.scene().palette()
        rtl = self.rtl
        painter.setPen(Qt.NoPen)
        for top, low_effort, background, _ in QUADRANTS.values():
            left = low_effort != rtl
            painter.setBrush(QColor(background))
            painter.drawRect(QRectF(0 if left else MIDDLE, 0 if top else MIDDLE,
                                    MIDDLE, MIDDLE))
        painter.setPen(QPen(QColor(0, 0, 0, 28), 1))
        for i in range(1, N):
            painter.drawLine(QLineF(i * CELL, 0, i * CELL, SIDE))
            painter.drawLine(QLineF(0, i * CELL, SIDE, i * CELL))
        painter.setPen(QPen(QColor(0, 0, 0, 90), 1.5))
        painter.drawLine(QLineF(MIDDLE, 0, MIDDLE, SIDE))
        painter.drawLine(QLineF(0, MIDDLE, SIDE, MIDDLE))
        painter.setBrush(Qt.NoBrush)
        painter.drawRect(grid_rect())
        # Each quadrant's name in its outer corner, where the dots are fewest.
        painter.setFont(pixel_font(15, bold=True))
        for name, (top, low_effort, _, ink) in QUADRANTS.items():
            left = low_effort != rtl
            painter.setPen(QColor(ink))
            option_ = text_option(ui_rtl(), wrap=False)
            option_.setAlignment((Qt.AlignLeft if left else Qt.AlignRight) | Qt.AlignAbsolute
                                 | (Qt.AlignTop if top else Qt.AlignBottom))
            area = QRectF(8 if left else MIDDLE, 6 if top else MIDDLE, MIDDLE - 8, MIDDLE - 12)
            painter.drawText(area, quadrant_label(name), option_)
        # The scales: numbers under the columns and beside the rows, then their names.
        painter.setPen(palette.text().color())
        painter.setFont(pixel_font(13))
        for score in range(S.SCORE_MIN, S.SCORE_MAX + 1):
            centre = cell_center(score, score, rtl)
            painter.drawText(QRectF(centre.x() - 20, SIDE + 4, 40, 18), Qt.AlignCenter,
                             str(score))
            # The impact scale at the reading start, beside the low-effort side.
            beside = (QRectF(SIDE + 6, centre.y() - 9, 22, 18), Qt.AlignLeft) if rtl else (
                QRectF(-28, centre.y() - 9, 22, 18), Qt.AlignRight)
            painter.drawText(beside[0], beside[1] | Qt.AlignAbsolute | Qt.AlignVCenter,
                             str(score))
        painter.setFont(pixel_font(14, bold=True))
        painter.drawText(QRectF(0, SIDE + 26, SIDE, 22), Qt.AlignCenter,
                         tr("Effort (low to high)"))
        painter.save()
        # Read from the bottom up in LTR, from the top down in RTL, as the report does.
        painter.translate(SIDE + AXIS - 8 if rtl else -AXIS + 8, MIDDLE)
        painter.rotate(90 if rtl else -90)
        painter.drawText(QRectF(-MIDDLE, 0, SIDE, 22), Qt.AlignCenter,
                         tr("Impact (low to high)"))
        painter.restore()


class StripItem(QGraphicsItem):
    """The "not scored yet" strip's background, heading and hint."""

    def __init__(self) -> None:
        super().__init__()
        self.empty = True
        self._height = SIDE
        self.setZValue(-10)

    def set_height(self, height: float) -> None:
        if height != self._height:
            self.prepareGeometryChange()
            self._height = height

    def boundingRect(self) -> QRectF:  # Qt's name
        return QRectF(0, 0, STRIP_W, self._height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        palette = self.scene().palette()
        painter.setPen(QPen(palette.mid().color(), 1))
        painter.setBrush(palette.alternateBase())
        painter.drawRoundedRect(self.boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.setPen(palette.text().color())
        painter.setFont(pixel_font(15, bold=True))
        painter.drawText(QRectF(12, 8, STRIP_W - 24, 22), tr("Not scored yet"),
                         text_option(ui_rtl(), wrap=False))
        painter.setPen(palette.placeholderText().color())
        painter.setFont(pixel_font(12))
        hint = (tr("Every note has a score.") if self.empty
                else tr("Drag a note onto the matrix to score it."))
        painter.drawText(QRectF(12, 30, STRIP_W - 24, 32), hint, text_option(ui_rtl()))

class HoverLabel(QGraphicsItem):
    """The title of the note under the pointer, at once (a tooltip takes a while)."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.rtl = False
        self._size = QRectF()
        self.setZValue(HOVER_Z)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.hide()

    def show_text(self, text: str, near: QRectF, bounds: QRectF, rtl: bool) -> None:
        self.prepareGeometryChange()
        self.text, self.rtl = text, rtl
        metrics = QFontMetricsF(pixel_font(13))
        box = metrics.boundingRect(QRectF(0, 0, 260, 400), Qt.TextWordWrap, text)
        self._size = QRectF(0, 0, box.width() + 16, box.height() + 10)
        x = near.right() + 6
        if x + self._size.width() > bounds.right():
            x = near.left() - 6 - self._size.width()
        y = max(bounds.top(), near.top() - self._size.height() - 4)
        self.setPos(x, y)
        self.show()

    def boundingRect(self) -> QRectF:  # Qt's name
        return self._size.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        palette = self.scene().palette()
        painter.setPen(QPen(palette.mid().color(), 1))
        painter.setBrush(palette.toolTipBase())
        painter.drawRoundedRect(self._size, 5, 5)
        painter.setPen(palette.toolTipText().color())
        painter.setFont(pixel_font(13))
        painter.drawText(self._size.adjusted(8, 5, -8, -5), self.text, text_option(self.rtl))

class TargetItem(QGraphicsItem):
    """The cell a drag would drop into, outlined, with the score it would give."""

    def __init__(self) -> None:
        super().__init__()
        self.cell: tuple[int, int] | None = None
        self.setZValue(DRAG_Z - 1)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.hide()

    def set_cell(self, cell: tuple[int, int] | None, rtl: bool = False) -> None:
        self.cell = cell
        if cell is None:
            self.hide()
            return
        self.setPos(cell_rect(*cell, rtl).topLeft())
        self.show()
        self.update()

    def boundingRect(self) -> QRectF:  # Qt's name
        return QRectF(-2, -2, CELL + 4, CELL + 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if self.cell is None:
            return
        highlight = self.scene().palette().highlight().color()
        painter.setPen(QPen(highlight, 2.5, Qt.DashLine))
        fill = QColor(highlight)
        fill.setAlpha(30)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(1, 1, CELL - 2, CELL - 2), 6, 6)
        painter.setPen(highlight.darker(130))
        painter.setFont(pixel_font(11, bold=True))
        impact, effort = self.cell
        text = tr("impact %1, effort %2").replace("%1", str(impact)).replace(
            "%2", str(effort))
        painter.drawText(QRectF(2, CELL - 30, CELL - 4, 28),
                         Qt.AlignHCenter | Qt.AlignBottom | Qt.TextWordWrap, text)
