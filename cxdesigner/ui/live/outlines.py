"""Others' selections on the canvas: an outline in each person's colour around the
cards, stages and notes they have selected, found by id (``scene.item_for``).

An outline is a child of the element's item, so it moves with it and goes with it
when the element is removed; only the selections that changed are redrawn.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

PAD = 4.0  # scene units between a card and the outline round it
WIDTH = 3.0


class PresenceOutlines(QObject):
    def __init__(self, scene, presence, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self._outlines: dict[tuple[int, str], QGraphicsRectItem] = {}
        presence.selection_changed.connect(self.follow)
        for client, ids in presence.selections().items():
            self.follow(client, frozenset(), ids, "#d81b60")

    def follow(self, client: int, left, taken, colour: str) -> None:
        for element in left:
            outline = self._outlines.pop((client, element), None)
            if outline is not None and shiboken6.isValid(outline):
                outline.setParentItem(None)
                self.scene.removeItem(outline)
        for element in taken:
            item = self.scene.item_for(element)
            if item is None:
                continue  # not drawn (an action, a persona): nothing to outline
            outline = QGraphicsRectItem(item.boundingRect().adjusted(-PAD, -PAD, PAD, PAD),
                                        item)
            pen = QPen(QColor(colour), WIDTH, Qt.DashLine)
            pen.setCosmetic(False)
            outline.setPen(pen)
            outline.setBrush(Qt.NoBrush)
            outline.setAcceptedMouseButtons(Qt.NoButton)  # clicks go to the card
            outline.setData(0, client)
            self._outlines[(client, element)] = outline

    def shown(self) -> dict[tuple[int, str], QGraphicsRectItem]:
        """The outlines drawn now (those whose element is still there)."""
        return {k: v for k, v in self._outlines.items() if shiboken6.isValid(v)}

    def clear(self) -> None:
        for outline in self.shown().values():
            outline.setParentItem(None)
            self.scene.removeItem(outline)
        self._outlines.clear()
