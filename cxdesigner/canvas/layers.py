"""The cards of each stage held by one item, the stage's layer, and the flows leaving
them by another, so that a stage added or removed before thousands of cards moves two
layers per later stage, not every card and arrow.

A layer draws nothing (Qt's own rectangle item, empty, with no contents: no Python is
called to paint or measure it); it sits at its band's left edge, and its items are its
children, placed relative to it.  Card layers stack where the cards were (above the
bands, the lane and every flow); flow layers where the flows were (below every card).
The scene keeps a card's place in scene units in the layout; a card's ``pos()`` is in
its layer's units (``scenePos()`` is the scene's).
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene

from ..model import layout as L

LAYER_Z = 10  # the cards' level
FLOW_LAYER_Z = 5  # the flows' level


class StageLayers:
    """A layer per stage, made when its band is first laid out."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.scene = scene
        self._layers: dict[str, QGraphicsRectItem] = {}
        self._flow_layers: dict[str, QGraphicsRectItem] = {}

    def get(self, stage: str) -> QGraphicsRectItem | None:
        """The stage's card layer."""
        return self._layers.get(stage)

    def flows(self, stage: str) -> QGraphicsRectItem | None:
        """The stage's flow layer (for the flows leaving its cards)."""
        return self._flow_layers.get(stage)

    def stages(self) -> list[str]:
        return list(self._layers)

    def follow_band(self, stage: str, band: L.Rect | None) -> None:
        """Put the stage's layer at its band (made now if new); a stage gone takes
        its layer with it (its cards have gone, or moved to other layers, first)."""
        layer = self._layers.get(stage)
        if band is None:
            if layer is not None:
                for layer in (self._layers.pop(stage), self._flow_layers.pop(stage)):
                    for child in layer.childItems():  # none, unless one is in flight
                        at = child.scenePos()
                        child.setParentItem(None)
                        child.setPos(at)
                    self.scene.removeItem(layer)
            return
        if layer is None:
            self.add(stage, self.make(band), self.make(band, FLOW_LAYER_Z))
        elif layer.x() != band.x:
            layer.setPos(band.x, 0.0)
            self._flow_layers[stage].setPos(band.x, 0.0)

    @staticmethod
    def make(band: L.Rect, z: float = LAYER_Z) -> QGraphicsRectItem:
        """A layer at a band, not yet in the scene (``StageLayers.add`` puts it in)."""
        layer = QGraphicsRectItem()
        layer.setFlag(QGraphicsItem.ItemHasNoContents)
        layer.setZValue(z)
        layer.setPos(band.x, 0.0)
        return layer

    def add(self, stage: str, cards: QGraphicsRectItem, flows: QGraphicsRectItem) -> None:
        """A stage's two layers made by ``make`` (their items in them already) join
        the scene."""
        self._layers[stage], self._flow_layers[stage] = cards, flows
        self.scene.addItem(cards)
        self.scene.addItem(flows)

    def place(self, card: QGraphicsItem, stage: str, rect: L.Rect) -> bool:
        """The card in its stage's layer at ``rect`` (scene units); whether it moved."""
        layer = self._layers[stage]
        moved = card.parentItem() is not layer
        if moved:
            card.setParentItem(layer)
        x, y = rect.x - layer.x(), rect.y - layer.y()
        if moved or card.x() != x or card.y() != y:
            card.setPos(x, y)
            return True
        return False

