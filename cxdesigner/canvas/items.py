"""What the canvas draws.  Items hold an id and read the model through their scene;
they never change it (gestures end in commands, and the model's events move items)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QPainter, QPainterPath, QPainterPathStroker,
                           QPen, QPolygonF, QTextOption)
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

    def boundingRect(self) -> QRectF:  # Qt's name
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        palette = self.scene().palette()
        index = self.journey.stage_order.index(self.element_id)
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
        painter.setFont(pixel_font(22, bold=True))
        title = self.journey.title(self.element_id) or labels.tr("Untitled stage")
        # Logical order in both directions: the bidi algorithm puts "1." at the
        # reading start of a Hebrew title, as a Hebrew writer expects.
        text = f"{index + 1}. {title}"
        painter.drawText(self.header_rect().adjusted(16, 14, -16, -8), text,
                         text_option(self.rtl, wrap=False))


class TouchpointCardItem(ModelItem):
    def __init__(self, touchpoint: str):
        super().__init__(touchpoint)
        self.setFlags(QGraphicsItem.ItemIsSelectable | QGraphicsItem.ItemIsFocusable)
        self.setZValue(10)
        self.setAcceptHoverEvents(True)
        self.chips: list[NoteChipItem] = []

    def type(self) -> int:  # Qt's name
        return CARD_TYPE

    def boundingRect(self) -> QRectF:  # Qt's name
        return QRectF(-3, -3, L.CARD_W + 6, L.CARD_H + 6)

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
        # Channel and direct/indirect on top, the emotion dot in the far corner.
        painter.setFont(pixel_font(12))
        painter.setPen(palette.placeholderText().color())
        top = f"{labels.channel_label(attrs['channel'])} · {labels.mode_label(attrs['mode'])}"
        painter.drawText(QRectF(10, 6, L.CARD_W - 46, 18), top, text_option(rtl, wrap=False))
        emotion = self.journey.emotion(self.element_id, self.scene().persona)
        dot = QRectF(8 if rtl else L.CARD_W - 32, 6, 24, 24)
        painter.setPen(Qt.NoPen)
        painter.setBrush(labels.emotion_colour(emotion))
        painter.drawEllipse(dot)
        painter.setPen(QColor("white"))
        painter.setFont(pixel_font(12, bold=True))
        shown = "" if emotion is None else f"{emotion:+d}" if emotion else "0"
        painter.drawText(dot, Qt.AlignCenter, shown)
        painter.setPen(palette.text().color())
        painter.setFont(pixel_font(16, bold=True))
        title = attrs["title"] or labels.tr("Untitled touchpoint")
        painter.save()
        painter.setClipRect(QRectF(8, 30, L.CARD_W - 16, 58))
        painter.drawText(QRectF(10, 30, L.CARD_W - 20, 58), title, text_option(rtl))
        painter.restore()
        if self.isSelected() or option.state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(QPen(palette.highlight().color(), 2))
            painter.setBrush(palette.base())
            painter.drawEllipse(self.handle_rect())


class NoteChipItem(ModelItem):
    def __init__(self, note: str, extra: int = 0):
        super().__init__(note)
        self.extra = extra  # notes beyond the card's room, counted on the last chip
        self.setFlag(QGraphicsItem.ItemIsSelectable)
        self.setZValue(20)

    def type(self) -> int:  # Qt's name
        return CHIP_TYPE

    def boundingRect(self) -> QRectF:  # Qt's name
        return QRectF(-2, -2, L.CHIP_W + 4, L.CHIP_H + 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        kind = self.journey.get(self.element_id)["note_kind"]
        rect = QRectF(0, 0, L.CHIP_W, L.CHIP_H)
        painter.setPen(QPen(self.scene().palette().highlight().color(), 3)
                       if self.isSelected() else Qt.NoPen)
        painter.setBrush(labels.NOTE_COLOURS[kind])
        painter.drawRoundedRect(rect, 5, 5)
        painter.setPen(QColor("white"))
        painter.setFont(pixel_font(12, bold=True))
        text = f"+{self.extra + 1}" if self.extra else labels.note_kind_letter(kind)
        painter.drawText(rect, Qt.AlignCenter, text)


class FlowItem(QGraphicsPathItem):
    """An arrow from one card to another; loops back curve under the cards."""

    def __init__(self, source: str, target: str):
        super().__init__()
        self.source, self.target = source, target
        self.setFlag(QGraphicsItem.ItemIsSelectable)
        self.setZValue(5)
        self._head = QPolygonF()

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

    def shape(self) -> QPainterPath:  # Qt's name: a wider band to click on
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        return stroker.createStroke(self.path())

    def boundingRect(self) -> QRectF:  # Qt's name
        return super().boundingRect().united(self._head.boundingRect()).adjusted(-6, -6, 6, 6)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        palette = self.scene().palette()
        colour = palette.highlight().color() if self.isSelected() else palette.dark().color()
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(colour, 3 if self.isSelected() else 2))
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(self.path())
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(self._head)


class EmotionLaneItem(QGraphicsItem):
    """The lane under the bands with the emotion curve of the chosen persona."""

    def __init__(self):
        super().__init__()
        self._rect = QRectF()
        self._points: list[QPointF] = []
        self.setZValue(-5)

    def type(self) -> int:  # Qt's name
        return LANE_TYPE

    def refresh(self, layout: L.Layout, points: list[tuple[str, float, float]]) -> None:
        self.prepareGeometryChange()
        lane = layout.lane
        self._rect = QRectF(lane.x, lane.y, lane.w, lane.h)
        self._points = [QPointF(x, y) for _, x, y in points]
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
        painter.setFont(pixel_font(12))
        rtl = self._layout.rtl
        for value in range(S.EMOTION_MIN, S.EMOTION_MAX + 1):
            y = self._layout.emotion_y(value)
            painter.setPen(QPen(palette.mid().color(), 1, Qt.DotLine if value else Qt.SolidLine))
            painter.drawLine(QPointF(self._rect.left() + 36, y), QPointF(self._rect.right() - 36, y))
            painter.setPen(palette.placeholderText().color())
            label_x = self._rect.right() - 32 if rtl else self._rect.left() + 6
            painter.drawText(QRectF(label_x, y - 8, 28, 16), Qt.AlignCenter, f"{value:+d}"
                             if value else "0")
        painter.setPen(palette.text().color())
        painter.setFont(pixel_font(14, bold=True))
        title_x = self._rect.right() - 300 if rtl else self._rect.left() + 40
        painter.drawText(QRectF(title_x, self._rect.top() + 4, 260, 20),
                         self.scene().persona_label(), text_option(rtl, wrap=False))
        if len(self._points) >= 1:
            painter.setRenderHint(QPainter.Antialiasing)
            painter.setPen(QPen(palette.highlight().color(), 3))
            painter.drawPolyline(QPolygonF(self._points))
            painter.setBrush(palette.highlight())
            for point in self._points:
                painter.drawEllipse(point, 5, 5)
