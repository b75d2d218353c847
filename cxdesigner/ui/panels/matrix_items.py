"""The notes of the priority matrix: dots on the grid and chips in the strip.

Items hold a note id and read the model through their scene; a drag only moves the
item, and the scene turns the drop into one command.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QApplication, QGraphicsEllipseItem, QGraphicsItem,
                               QGraphicsSceneHoverEvent, QGraphicsSceneMouseEvent,
                               QGraphicsSimpleTextItem, QStyleOptionGraphicsItem)

from ...canvas import labels
from ...canvas.items import pixel_font, text_option
from .matrix_chart import CHIP_H, DOT_R, DRAG_Z, STRIP_W, tr


class NoteItem:
    """A note that can be dragged; the scene decides what a drop means.  Mixed into a
    Qt item class (a dot is Qt's own ellipse, a strip chip paints itself)."""

    def _init_note(self, note: str) -> None:
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


LETTER_MIN_R = 7  # smaller dots (a crowded cell) show no letter


class _Letter(QGraphicsSimpleTextItem):
    """A dot's letter: seen, never hit (a click or hover there is the dot's)."""

    def shape(self) -> QPainterPath:  # Qt's name; asked only by hit tests
        return QPainterPath()


class DotItem(NoteItem, QGraphicsEllipseItem):
    """A scored note: a dot in its kind's colour with its kind's letter.

    Qt draws it (brush, pen, and a text item for the letter): a crowded cell holds
    a thousand dots, and a drag across it, or a dot arriving in it, repainted each
    through Python (10 to 30 ms a frame at 5,000 touchpoints).  The scene sets its
    colour (``refresh``) and its ring (``show_selected``)."""

    def __init__(self, note: str) -> None:
        QGraphicsEllipseItem.__init__(self)
        self._init_note(note)
        self.radius = 0.0
        self._kind: str | None = None
        self._letter: QGraphicsSimpleTextItem | None = None
        # Not Qt's selection: Qt would draw its dashed box round a selected ellipse.
        # The scene rings the dots of the selected notes itself (``show_selected``).
        self.setFlag(QGraphicsItem.ItemIsSelectable, False)
        self.ringed = False
        self.set_radius(DOT_R)

    def set_radius(self, radius: float) -> None:
        if radius != self.radius:
            self.radius = radius
            self.setRect(-radius, -radius, 2 * radius, 2 * radius)
            self._show_letter()
            self._set_pen()

    def refresh(self) -> None:
        """Take the note's kind (its colour and letter) from the model."""
        kind = self.kind()
        if kind != self._kind:
            self._kind = kind
            self.setBrush(labels.NOTE_COLOURS[kind])
            if self._letter is not None:
                self._letter.setText(labels.note_kind_letter(kind))
            self._show_letter()

    def show_selected(self, selected: bool) -> None:
        if selected != self.ringed:
            self.ringed = selected
            self._set_pen()

    def _set_pen(self) -> None:
        if self.ringed:
            scene = self.scene()
            palette = scene.palette() if scene is not None else QApplication.palette()
            self.setPen(QPen(palette.highlight().color(), 3))
        else:
            # A white rim keeps neighbouring dots apart; the tiny dots of a crowded
            # cell get a thinner one, or the rim is all that shows of them.
            self.setPen(_rim() if self.radius >= 4 else
                        QPen(QColor("white"), self.radius / 3) if self.radius >= 1.5
                        else QPen(Qt.NoPen))

    def _show_letter(self) -> None:
        r, kind = self.radius, self._kind
        if r < LETTER_MIN_R or kind is None:
            if self._letter is not None:
                self._letter.hide()
            return
        letter = self._letter
        if letter is None:
            letter = self._letter = _Letter(self)
            letter.setBrush(QColor("white"))
            letter.setAcceptedMouseButtons(Qt.NoButton)  # the dot takes the click
            letter.setText(labels.note_kind_letter(kind))
        letter.setFont(pixel_font(max(8, round(r)), bold=True))
        box = letter.boundingRect()
        letter.setPos(-box.width() / 2, -box.height() / 2)
        letter.show()


@functools.cache
def _rim() -> QPen:
    return QPen(QColor("white"), 1.5)  # made at first use: a QPen at import costs 15 ms


class StripChipItem(NoteItem, QGraphicsItem):
    """An unscored note in the strip: its kind's badge and its title."""

    def __init__(self, note: str) -> None:
        QGraphicsItem.__init__(self)
        self._init_note(note)

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
