"""The notes of the priority matrix: dots on the grid and chips in the strip.

Items hold a note id and read the model through their scene; a drag only moves the
item, and the scene turns the drop into one command.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (QApplication, QGraphicsItem, QGraphicsSceneHoverEvent,
                               QGraphicsSceneMouseEvent, QStyleOptionGraphicsItem)

from ...canvas import labels
from ...canvas.items import pixel_font, text_option
from .matrix_chart import CHIP_H, DOT_R, DRAG_Z, STRIP_W, tr


class NoteItem(QGraphicsItem):
    """A note that can be dragged; the scene decides what a drop means."""

    def __init__(self, note: str) -> None:
        super().__init__()
        self.element_id = note
        self.home = QPointF()  # where the model puts it; a cancelled drag returns here
        self._press: QPointF | None = None
        self.dragging = False
        self.setFlag(QGraphicsItem.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.OpenHandCursor)

    def place(self, pos: QPointF) -> None:
        self.home = QPointF(pos)
        if not self.dragging:
            self.setPos(pos)

    def cancel_drag(self) -> None:
        self.dragging = False
        self._press = None
        self.setPos(self.home)
        self.setZValue(0)
        self.scene().show_target(None)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # Qt's name
        if event.button() != Qt.LeftButton:
            event.ignore()
            return
        # Not Qt's own selection or move: a click selects through the window, a drag
        # is ours to turn into one command at the release.
        self._press = event.scenePos()
        self.dragging = False
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # Qt's name
        if self._press is None:
            return
        delta = event.scenePos() - self._press
        if not self.dragging and delta.manhattanLength() < QApplication.startDragDistance():
            return
        if not self.dragging:
            self.dragging = True
            self.setZValue(DRAG_Z)
            self.setCursor(Qt.ClosedHandCursor)
            self.scene().hide_hover()
        self.setPos(self.home + delta)
        self.scene().show_target(event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # Qt's name
        if self._press is None:
            return
        dragged, self._press = self.dragging, None
        self.setCursor(Qt.OpenHandCursor)
        scene = self.scene()
        if dragged:
            self.dragging = False
            self.setZValue(0)
            scene.show_target(None)
            scene.drop(self, event.scenePos())
            if self.scene() is not None:  # the drop may have replaced this item
                self.setPos(self.home)
        else:
            scene.click(self)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # Qt's name
        if not self.dragging:
            self.scene().show_hover(self)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # Qt's name
        self.scene().hide_hover()

    def kind(self) -> str:
        return self.scene().journey.get(self.element_id)["note_kind"]


class DotItem(NoteItem):
    """A scored note: a dot in its kind's colour with its kind's letter."""

    def __init__(self, note: str) -> None:
        super().__init__(note)
        self.radius = DOT_R

    def set_radius(self, radius: float) -> None:
        if radius != self.radius:
            self.prepareGeometryChange()
            self.radius = radius

    def boundingRect(self) -> QRectF:  # Qt's name
        r = self.radius + 3
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        kind = self.kind()
        r = self.radius
        # A white rim keeps neighbouring dots of a crowded cell apart.
        painter.setPen(QPen(self.scene().palette().highlight().color(), 3)
                       if self.isSelected() else QPen(QColor("white"), 1.5))
        painter.setBrush(labels.NOTE_COLOURS[kind])
        painter.drawEllipse(QPointF(0, 0), r, r)
        if r >= 7:
            painter.setPen(QColor("white"))
            painter.setFont(pixel_font(max(8, round(r)), bold=True))
            painter.drawText(QRectF(-r, -r, 2 * r, 2 * r), Qt.AlignCenter,
                             labels.note_kind_letter(kind))


class StripChipItem(NoteItem):
    """An unscored note in the strip: its kind's badge and its title."""

    def boundingRect(self) -> QRectF:  # Qt's name
        return QRectF(-2, -2, STRIP_W - 20, CHIP_H + 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        scene = self.scene()
        palette = scene.palette()
        kind = self.kind()
        rtl = scene.rtl
        width = STRIP_W - 24
        painter.setPen(QPen(palette.highlight().color(), 2.5) if self.isSelected()
                       else QPen(palette.mid().color(), 1))
        painter.setBrush(palette.base())
        painter.drawRoundedRect(QRectF(0, 0, width, CHIP_H), 6, 6)
        badge = QRectF(width - 26 if rtl else 4, 4, 22, 22)
        painter.setPen(Qt.NoPen)
        painter.setBrush(labels.NOTE_COLOURS[kind])
        painter.drawEllipse(badge)
        painter.setPen(QColor("white"))
        painter.setFont(pixel_font(12, bold=True))
        painter.drawText(badge, Qt.AlignCenter, labels.note_kind_letter(kind))
        painter.setPen(palette.text().color())
        font = pixel_font(13)
        painter.setFont(font)
        title = scene.journey.title(self.element_id) or tr("Untitled note")
        area = QRectF(6 if rtl else 32, 0, width - 38, CHIP_H)
        shown = QFontMetricsF(font).elidedText(title, Qt.ElideRight, area.width())
        text = text_option(rtl, wrap=False)
        text.setAlignment(text.alignment() & ~Qt.AlignTop | Qt.AlignVCenter)
        painter.drawText(area, shown, text)
