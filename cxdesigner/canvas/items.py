"""What the canvas draws.  Items hold an id and read the model through their scene;
they never change it (gestures end in commands, and the model's events move items)."""

from __future__ import annotations

import bisect
import functools
import math

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath,
                           QPainterPathStroker, QPen, QPolygonF, QTextLayout, QTextOption)
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsPathItem, QStyle,
                               QStyleOptionGraphicsItem)

from ..model import layout as L
from ..model import schema as S
from . import labels

# Kinds of item, so the scene can tell them apart (QGraphicsItem.type()).
BAND_TYPE, CARD_TYPE, CHIP_TYPE, FLOW_TYPE, LANE_TYPE = (QGraphicsItem.UserType + n
                                                         for n in range(1, 6))


def pixel_font(size: int, bold: bool = False) -> QFont:
    # Pixels, not points: the canvas is in scene units, whatever the screen's DPI.
    font = QFont("DejaVu Sans")
    font.setPixelSize(size)
    font.setBold(bold)
    return font


def text_option(rtl: bool, align_end: bool = False, wrap: bool = True) -> QTextOption:
    """Paragraph direction set from the map, alignment absolute so RTL does not flip it."""
    option = QTextOption()
    option.setTextDirection(Qt.RightToLeft if rtl else Qt.LeftToRight)
    start = Qt.AlignRight if rtl else Qt.AlignLeft
    end = Qt.AlignLeft if rtl else Qt.AlignRight
    option.setAlignment((end if align_end else start) | Qt.AlignAbsolute | Qt.AlignTop)
    option.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere if wrap
                       else QTextOption.NoWrap)
    return option


# ---------------------------------------------------------------- text, laid out once
# Laying text out is most of a card's paint: drawText(rect, text, QTextOption) shapes,
# wraps and aligns on every call (~45 µs a title, plus ~18 µs to build the option and
# 2 µs a font), where a QTextLayout laid out once draws in ~10 µs.  Laying out by hand
# also aligns wrapped right-to-left lines flush: drawText left the width of the
# trailing space as a gap at the right of every wrapped RTL line.

@functools.lru_cache(maxsize=None)
def _font(size: int, bold: bool = False) -> QFont:
    return pixel_font(size, bold)  # shared by every paint: never modify the result


@functools.lru_cache(maxsize=None)
def _option(rtl: bool, align_end: bool = False, wrap: bool = True,
            own_direction: bool = False) -> QTextOption:
    """``text_option``, shared: never modify the result.  ``own_direction`` is for the
    interface's words on the canvas (a channel's name): placed as the map reads, but
    read in their own language's direction, or an English label in a Hebrew map comes
    out as "...Reviews / word of mout", its ellipsis at the wrong end."""
    option = text_option(rtl, align_end, wrap)
    if own_direction:
        option.setTextDirection(Qt.LayoutDirectionAuto)
    return option


def text_block(text: str, font: QFont, option: QTextOption, width: float,
               max_height: float | None = None) -> QTextLayout:
    """``text`` laid out from (0, 0) in lines ``width`` wide, to draw with
    ``layout.draw(painter, top_left)``.  A single line (no wrap) too long, or lines
    beyond ``max_height``, end in an ellipsis instead of being cut."""
    metrics = QFontMetricsF(font)
    if option.wrapMode() == QTextOption.NoWrap:
        text = metrics.elidedText(text.replace("\n", " "), Qt.ElideRight, width)
    else:
        text = text.replace("\n", "\u2028")  # QTextLayout breaks lines at U+2028 only
    layout = _lay_out(text, font, option, width)
    if max_height is not None and layout.lineCount() > 1:
        fit = 1
        while fit < layout.lineCount() and layout.lineAt(fit).rect().bottom() <= max_height:
            fit += 1
        if fit < layout.lineCount():
            # Keep the lines that fit and squeeze the rest of the text into the last one.
            # textStart() counts UTF-16 units, which Python strings do not.
            units = text.encode("utf-16-le")
            start = layout.lineAt(fit - 1).textStart() * 2
            head, tail = units[:start].decode("utf-16-le"), units[start:].decode("utf-16-le")
            tail = metrics.elidedText(tail.replace("\u2028", " "), Qt.ElideRight, width)
            layout = _lay_out(head + tail, font, option, width)
    return layout


def _lay_out(text: str, font: QFont, option: QTextOption, width: float) -> QTextLayout:
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)  # keep the shaped glyphs: it is drawn again and again
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


@functools.lru_cache(maxsize=512)
def _line(text: str, size: int, bold: bool, rtl: bool, width: float,
          own_direction: bool = False) -> QTextLayout:
    """A one-line label (channel, stage title, lane title), elided to ``width``."""
    return text_block(text, _font(size, bold),
                      _option(rtl, wrap=False, own_direction=own_direction), width)


_emotion_colour = functools.lru_cache(maxsize=None)(labels.emotion_colour)  # a dict a call


@functools.lru_cache(maxsize=256)
def _short(text: str, size: int, bold: bool) -> tuple[QTextLayout, float, float]:
    """A few characters to centre (an emotion value, a chip's letter)."""
    layout = _lay_out(text, _font(size, bold), _option(False, wrap=False), 1000.0)
    line = layout.lineAt(0)
    return layout, line.naturalTextWidth(), line.height()


def draw_centred(painter: QPainter, rect: QRectF, text: str, size: int,
                 bold: bool = True) -> None:
    layout, w, h = _short(text, size, bold)
    layout.draw(painter, QPointF(rect.center().x() - w / 2, rect.center().y() - h / 2))


class ModelItem(QGraphicsItem):
    """An item that stands for one element of the map."""

    def __init__(self, element_id: str):
        super().__init__()
        self.element_id = element_id

    @property
    def journey(self):
        return self.scene().journey

    @property
    def rtl(self) -> bool:
        return self.scene().layout.rtl


class StageBandItem(ModelItem):
    def __init__(self, stage: str):
        super().__init__(stage)
        self._rect = QRectF(0, 0, L.MIN_BAND_W, L.MIN_BAND_H)
        self.setFlag(QGraphicsItem.ItemIsSelectable)
        self.setZValue(-10)

    def type(self) -> int:  # Qt's name
        return BAND_TYPE

    def set_rect(self, rect: L.Rect) -> None:
        if (self.pos().x(), self.pos().y(), self._rect.width(), self._rect.height()) != (
                rect.x, rect.y, rect.w, rect.h):
            self.prepareGeometryChange()
            self._rect = QRectF(0, 0, rect.w, rect.h)
            self.setPos(rect.x, rect.y)

    def header_rect(self) -> QRectF:
        return QRectF(0, 0, self._rect.width(), L.BAND_HEADER)

    def shape(self) -> QPainterPath:  # Qt's name
        # Only the header picks the stage: the band's body is open canvas, where a
        # press starts a rubber band and a rubber band does not take the stage along.
        path = QPainterPath()
        path.addRect(self.header_rect())
        return path

    def boundingRect(self) -> QRectF:  # Qt's name
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        palette = self.scene().palette()
        index = self.journey.stage_position(self.element_id)
        base = palette.alternateBase().color() if index % 2 else palette.base().color()
        painter.setPen(Qt.NoPen)
        painter.setBrush(base.darker(103))
        painter.drawRoundedRect(self._rect, 10, 10)
        painter.setBrush(palette.button().color())
        painter.drawRoundedRect(self.header_rect(), 10, 10)
        if self.isSelected():
            painter.setPen(QPen(palette.highlight().color(), 3))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(self._rect, 10, 10)
        painter.setPen(palette.buttonText().color())
        title = self.journey.title(self.element_id) or labels.tr("Untitled stage")
        # Logical order in both directions: the bidi algorithm puts "1." at the
        # reading start of a Hebrew title, as a Hebrew writer expects.
        text = f"{index + 1}. {title}"
        room = self.header_rect().adjusted(16, 14, -16, -8)
        _line(text, 22, True, self.rtl, room.width()).draw(painter, room.topLeft())


class TouchpointCardItem(ModelItem):
    def __init__(self, touchpoint: str):
        super().__init__(touchpoint)
        self.setFlags(QGraphicsItem.ItemIsSelectable | QGraphicsItem.ItemIsFocusable)
        self.setZValue(10)
        self.setAcceptHoverEvents(True)
        self.chips: list[NoteChipItem] = []
        self._title: tuple[tuple[str, bool], QTextLayout] | None = None  # laid out once
        self._top: tuple[tuple[str, str, bool], QTextLayout] | None = None  # likewise
        # The chips lie inside the card: Qt then keeps them out of the scene's BSP
        # index and finds them through their card (20,000 fewer index entries at
        # 5,000 touchpoints: ~1.5 ms off every fitted frame).
        self.setFlag(QGraphicsItem.ItemContainsChildrenInShape)

    def type(self) -> int:  # Qt's name
        return CARD_TYPE

    def boundingRect(self) -> QRectF:  # Qt's name
        # Wide enough for the connection handle, which sticks out of either side.
        return QRectF(-10, -3, L.CARD_W + 20, L.CARD_H + 6)

    def shape(self) -> QPainterPath:  # Qt's name: the card and its handle, no margin
        path = QPainterPath()
        path.addRect(QRectF(0, 0, L.CARD_W, L.CARD_H))
        path.addEllipse(self.handle_rect())
        return path

    def handle_rect(self) -> QRectF:
        """The connection handle on the card's outgoing side (end of reading order)."""
        x = -8 if self.rtl else L.CARD_W - 8
        return QRectF(x, L.CARD_H / 2 - 8, 16, 16)

    def refresh_chips(self) -> None:
        """Rebuild the note chips from the model (after a note came, went or changed)."""
        scene = self.scene()
        for chip in self.chips:
            scene.forget_chip(chip)
            chip.setParentItem(None)
            scene.removeItem(chip)
        notes = self.journey.notes_on(self.element_id)
        card = L.Rect(0, 0, L.CARD_W, L.CARD_H)
        slots = L.chip_rects(card, len(notes))
        self.chips = []
        for i, (note, slot) in enumerate(zip(notes, slots)):
            extra = len(notes) - len(slots) if i == len(slots) - 1 else 0
            chip = NoteChipItem(note, extra)
            chip.setParentItem(self)  # explicitly: a constructor parent may be collected
            x = L.CARD_W - slot.right if self.rtl else slot.x
            chip.setPos(x, slot.y)
            self.chips.append(chip)
            scene.remember_chip(chip)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        palette = self.scene().palette()
        attrs = self.journey.get(self.element_id)
        rect = QRectF(0, 0, L.CARD_W, L.CARD_H)
        pen = QPen(palette.highlight().color() if self.isSelected() else palette.mid().color(),
                   3 if self.isSelected() else 1.5)
        if attrs["mode"] == "indirect":
            pen.setStyle(Qt.DashLine)
        painter.setPen(pen)
        painter.setBrush(palette.base())
        painter.drawRoundedRect(rect, 8, 8)
        rtl = self.rtl
        # Channel and direct/indirect on top, the emotion dot in the far corner (the
        # label starts after the dot in a right-to-left map, where the dot is on the left).
        painter.setPen(palette.placeholderText().color())
        key = (attrs["channel"], attrs["mode"], rtl)
        if self._top is None or self._top[0] != key:  # labels translate: ~40 µs a card
            top = f"{labels.channel_label(key[0])} · {labels.mode_label(key[1])}"
            self._top = (key, _line(top, 12, False, rtl, L.CARD_W - 46, own_direction=True))
        self._top[1].draw(painter, QPointF(36 if rtl else 10, 6))
        emotion = self.journey.emotion(self.element_id, self.scene().persona)
        dot = QRectF(8 if rtl else L.CARD_W - 32, 6, 24, 24)
        painter.setPen(Qt.NoPen)
        painter.setBrush(_emotion_colour(emotion))
        painter.drawEllipse(dot)
        if emotion is not None:
            painter.setPen(_WHITE)
            draw_centred(painter, dot, f"{emotion:+d}" if emotion else "0", 12)
        painter.setPen(palette.text().color())
        title = attrs["title"] or labels.tr("Untitled touchpoint")
        if self._title is None or self._title[0] != (title, rtl):
            # Up to three lines, the last elided: laid out again only when it changes.
            self._title = ((title, rtl), text_block(title, _font(16, True), _option(rtl),
                                                    L.CARD_W - 20, max_height=58))
        self._title[1].draw(painter, QPointF(10, 30))
        for chip in self.chips:  # they do not paint themselves (see NoteChipItem)
            chip.draw(painter, palette)
        if self.isSelected() or option.state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(QPen(palette.highlight().color(), 2))
            painter.setBrush(palette.base())
            painter.drawEllipse(self.handle_rect())


class NoteChipItem(ModelItem):
    def __init__(self, note: str, extra: int = 0):
        super().__init__(note)
        self.extra = extra  # notes beyond the card's room, counted on the last chip
        self._face: tuple[str, str] | None = None  # kind and text, read at the first draw
        self.setFlag(QGraphicsItem.ItemIsSelectable)
        self.setZValue(20)
        # Its card paints it (draw() below): one Python paint() per card rather than one
        # per card and chip, and one item fewer to switch at low zoom (overview.py).  It
        # is still an item, for hit-testing and selection; the scene repaints the card
        # when the chip's selection changes.
        self.setFlag(QGraphicsItem.ItemHasNoContents)

    def type(self) -> int:  # Qt's name
        return CHIP_TYPE

    def boundingRect(self) -> QRectF:  # Qt's name
        return QRectF(-2, -2, L.CHIP_W + 4, L.CHIP_H + 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        # Qt does not call this (ItemHasNoContents), but a caller rendering the chip
        # on its own may.
        painter.translate(-self.pos())
        self.draw(painter, self.scene().palette())
        painter.translate(self.pos())

    def draw(self, painter: QPainter, palette) -> None:
        """Paint the chip in its card's coordinates."""
        if self._face is None:
            # A chip lives as long as its note is unchanged (the card rebuilds its chips
            # on any note change), so its kind and letter are read once.
            kind = self.journey.get(self.element_id)["note_kind"]
            self._face = (kind, f"+{self.extra + 1}" if self.extra
                          else labels.note_kind_letter(kind))
        kind, text = self._face
        rect = QRectF(self.pos(), _CHIP_SIZE)
        painter.setPen(QPen(palette.highlight().color(), 3) if self.isSelected() else Qt.NoPen)
        painter.setBrush(labels.NOTE_COLOURS[kind])
        painter.drawRoundedRect(rect, 5, 5)
        painter.setPen(_WHITE)
        draw_centred(painter, rect, text, 12)


_CHIP_SIZE = QSizeF(L.CHIP_W, L.CHIP_H)
_WHITE = QColor("white")


class FlowItem(QGraphicsPathItem):
    """An arrow from one card to another; loops back curve under the cards."""

    def __init__(self, source: str, target: str):
        super().__init__()
        self.source, self.target = source, target
        self.setFlag(QGraphicsItem.ItemIsSelectable)
        self.setZValue(5)
        self._head = QPolygonF()
        self._bounds = QRectF()  # kept, not recomputed: Qt asks for it on every repaint
        self._shape: QPainterPath | None = None  # likewise, made at the first hit test

    def type(self) -> int:  # Qt's name
        return FLOW_TYPE

    def update_path(self, layout: L.Layout) -> None:
        a, b = layout.cards.get(self.source), layout.cards.get(self.target)
        if a is None or b is None:
            return
        forward = (b.center[0] >= a.center[0]) != layout.rtl
        if layout.rtl:
            start = QPointF(a.x, a.center[1]) if forward else QPointF(a.center[0], a.bottom)
            end = QPointF(b.right, b.center[1]) if forward else QPointF(b.center[0], b.bottom)
        else:
            start = QPointF(a.right, a.center[1]) if forward else QPointF(a.center[0], a.bottom)
            end = QPointF(b.x, b.center[1]) if forward else QPointF(b.center[0], b.bottom)
        path = QPainterPath(start)
        if forward:
            dx = max(40.0, abs(end.x() - start.x()) / 2) * (-1 if layout.rtl else 1)
            path.cubicTo(start + QPointF(dx, 0), end - QPointF(dx, 0), end)
            angle = 0.0 if not layout.rtl else math.pi
        else:
            drop = 70.0
            path.cubicTo(start + QPointF(0, drop), end + QPointF(0, drop), end)
            angle = -math.pi / 2
        self.setPath(path)
        size = 11.0
        tip = end
        left = tip - QPointF(size * math.cos(angle - 0.45), size * math.sin(angle - 0.45))
        right = tip - QPointF(size * math.cos(angle + 0.45), size * math.sin(angle + 0.45))
        self._head = QPolygonF([tip, left, right])
        self._bounds = path.boundingRect().united(self._head.boundingRect()).adjusted(
            -6, -6, 6, 6)
        self._shape = None

    def shape(self) -> QPainterPath:  # Qt's name: a wider band to click on
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(12)
            self._shape = stroker.createStroke(self.path())
        return QPainterPath(self._shape)

    def boundingRect(self) -> QRectF:  # Qt's name
        return QRectF(self._bounds)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        palette = self.scene().palette()
        colour = palette.highlight().color() if self.isSelected() else palette.dark().color()
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(colour, 3 if self.isSelected() else 2))
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(self.path())
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(self._head)


class _Run:
    """Points along the reading direction, and which of them a repaint needs."""

    def __init__(self, points: list[QPointF], rtl: bool):
        self.points = points
        self.polygon = QPolygonF(points)
        # Journey order runs along the reading direction, so x is sorted (descending in
        # a right-to-left map: negated).  If it ever is not, every repaint draws it all.
        keys = [-p.x() if rtl else p.x() for p in points]
        self.keys = keys if all(a <= b for a, b in zip(keys, keys[1:])) else None
        self.rtl = rtl

    def within(self, exposed: QRectF) -> QPolygonF | list[QPointF]:
        """The points within ``exposed`` plus one either side (the lines leaving it):
        a strip of a 5,000-point curve draws a handful of points, not 5,000."""
        if self.keys is None or exposed.contains(self.polygon.boundingRect()):
            return self.polygon
        lo, hi = exposed.left() - 8, exposed.right() + 8
        if self.rtl:
            lo, hi = -hi, -lo
        start = max(0, bisect.bisect_left(self.keys, lo) - 1)
        stop = min(len(self.keys), bisect.bisect_right(self.keys, hi) + 1)
        return self.points[start:stop]


def column_means(points: list[tuple[str, float, float]]) -> list[QPointF]:
    """The curve's line (see ``layout.curve_line``) as Qt points."""
    return [QPointF(x, y) for x, y in L.curve_line(points)]


class EmotionLaneItem(QGraphicsItem):
    """The lane under the bands with the emotion curve of the chosen persona."""

    def __init__(self):
        super().__init__()
        self._rect = QRectF()
        self._points: list[QPointF] = []  # a dot per touchpoint, in journey order
        self._dots = _Run([], False)
        self._line = _Run([], False)  # through the columns' means (see column_means)
        self.setZValue(-5)
        # exposedRect lets paint() draw only the part of a long curve being repainted.
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption)

    def type(self) -> int:  # Qt's name
        return LANE_TYPE

    def refresh(self, layout: L.Layout, points: list[tuple[str, float, float]]) -> None:
        self.prepareGeometryChange()
        lane = layout.lane
        self._rect = QRectF(lane.x, lane.y, lane.w, lane.h)
        self._points = [QPointF(x, y) for _, x, y in points]
        self._dots = _Run(self._points, layout.rtl)
        self._line = _Run(column_means(points), layout.rtl)
        self._layout = layout
        self.update()

    def boundingRect(self) -> QRectF:  # Qt's name
        return self._rect.adjusted(-4, -4, 4, 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if self._rect.isEmpty():
            return
        palette = self.scene().palette()
        painter.setPen(Qt.NoPen)
        painter.setBrush(palette.alternateBase())
        painter.drawRoundedRect(self._rect, 10, 10)
        rtl = self._layout.rtl
        # The labels sit at the lane's start: on a long map, most repaints miss them.
        start = QRectF(self._rect.right() - 300 if rtl else self._rect.left(),
                       self._rect.top(), 300, self._rect.height())
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
        if labelled:
            painter.setPen(palette.text().color())
            title_x = self._rect.right() - 300 if rtl else self._rect.left() + 40
            _line(self.scene().persona_label(), 14, True, rtl, 260, own_direction=True).draw(
                painter, QPointF(title_x, self._rect.top() + 4))
        line, dots = self._line.within(option.exposedRect), self._dots.within(option.exposedRect)
        if len(dots) >= 1:
            painter.setRenderHint(QPainter.Antialiasing)
            painter.setPen(QPen(palette.highlight().color(), 3))
            painter.drawPolyline(line)
            # The dots as round points of a wide pen: one call, not one per touchpoint
            # (5,000 drawEllipse calls took 15 ms a frame).
            painter.setPen(QPen(palette.highlight().color(), 10, Qt.SolidLine, Qt.RoundCap))
            painter.drawPoints(dots)
