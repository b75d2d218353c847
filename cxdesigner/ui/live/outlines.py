"""Others' selections on the canvas: a rounded outline in each person's colour, with
their name, around the cards, stages and notes they have selected, found by id
(``scene.item_for``).

An outline is a child of the element's item, so it moves with it and goes with it
when the element is removed; only the selections that changed are redrawn.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSimpleTextItem

from ...canvas.items import BAND_TYPE, CARD_TYPE, pixel_font
from ...model import layout as L

PAD = 5.0  # scene units between an element and the outline round it
WIDTH = 3.0


class PresenceOutlines(QObject):
    def __init__(self, scene, presence, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self._outlines: dict[tuple[int, str], QGraphicsPathItem] = {}
        presence.selection_changed.connect(self.follow)

    def follow(self, client: int, left, taken, colour: str, name: str = "") -> None:
        for element in left:
            outline = self._outlines.pop((client, element), None)
            if outline is not None and shiboken6.isValid(outline):
                self.scene.removeItem(outline)
        for element in taken:
            item = self.scene.item_for(element)
            if item is not None:  # an action or a persona is not drawn: no outline
                self._outlines[(client, element)] = _outline(item, colour, name)

    def shown(self) -> dict[tuple[int, str], QGraphicsPathItem]:
        """The outlines drawn now (those whose element is still there)."""
        return {k: v for k, v in self._outlines.items() if shiboken6.isValid(v)}

    def clear(self) -> None:
        for outline in self.shown().values():
            self.scene.removeItem(outline)
        self._outlines.clear()


def _outline(item, colour: str, name: str) -> QGraphicsPathItem:
    if item.type() == CARD_TYPE:
        rect = QRectF(0, 0, L.CARD_W, L.CARD_H)  # the card, not its handle
    elif item.type() == BAND_TYPE:
        rect = item.header_rect()  # the stage's header: the band is open canvas
    else:
        rect = item.boundingRect()
    rect = rect.adjusted(-PAD, -PAD, PAD, PAD)
    path = QPainterPath()
    path.addRoundedRect(rect, 8, 8)
    outline = QGraphicsPathItem(path, item)
    outline.setPen(QPen(QColor(colour), WIDTH))
    outline.setBrush(Qt.NoBrush)
    outline.setAcceptedMouseButtons(Qt.NoButton)  # clicks go to the element
    if name:
        tag = QGraphicsSimpleTextItem(name, outline)
        tag.setFont(pixel_font(11, bold=True))
        tag.setBrush(QBrush(QColor(colour)))
        # Over the corner where the map's reading starts (the right of a Hebrew map).
        x = (rect.right() - 6 - tag.boundingRect().width() if item.rtl
             else rect.left() + 6)
        tag.setPos(x, rect.top() - 15)
        tag.setAcceptedMouseButtons(Qt.NoButton)
    return outline
