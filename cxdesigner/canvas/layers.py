"""The cards of each stage held by one item, the stage's layer, and the flows leaving
them by another, so that a stage added or removed before thousands of cards moves two
layers per later stage, not every card and arrow.

A layer draws nothing (Qt's own rectangle item with no pen and no brush: no Python is
called to paint or measure it); it sits at its band's left edge, and its items are its
children, placed relative to it.  Qt is told the children lie within the layer's
rectangle (``ItemContainsChildrenInShape``), so they stay out of its item index: moving
a layer re-indexes one item, not a hundred cards, and repaints its rectangle once
instead of working out each child's old and new place.  So the rectangle must hold
them: it starts as the band (where the layout puts its cards) and grows with the band,
to hold a card dragged out of it, and to hold every arrow routed in it (``hold``).
A layer has contents (nothing visible) because Qt then repaints a moved layer's
rectangle as a whole rather than each child's.  Card layers stack where the cards were (above the
bands, the lane and every flow); flow layers where the flows were (below every card).
The scene keeps a card's place in scene units in the layout; a card's ``pos()`` is in
its layer's units (``scenePos()`` is the scene's).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene

from ..model import layout as L

LAYER_Z = 10  # the cards' level
FLOW_LAYER_Z = 5  # the flows' level
_SLACK = 1000.0  # a layer grown to hold an item reaches this much further (fewer growths)
_LAYER_FLAGS = QGraphicsItem.GraphicsItemFlag(QGraphicsItem.ItemContainsChildrenInShape)


def hold(layer: QGraphicsItem | None, left: float, top: float, right: float,
         bottom: float) -> None:
    """Grow ``layer``'s rectangle (if it is a layer) to hold an item at these bounds, in
    the layer's units: its children are found through it (see above)."""
    reach = getattr(layer, "reach", None)
    if reach is None:
        return
    l, t, r, b = reach
    if left >= l and top >= t and right <= r and bottom <= b:
        return
    l = left - _SLACK if left < l else l
    t = top - _SLACK if top < t else t
    r = right + _SLACK if right > r else r
    b = bottom + _SLACK if bottom > b else b
    layer.reach = (l, t, r, b)
    layer.setRect(l, t, r - l, b - t)


def hold_item(item: QGraphicsItem) -> None:
    """Grow the item's layer to hold the item where it now is (a card being dragged)."""
    layer = item.parentItem()
    if layer is not None:
        box = item.mapRectToParent(item.boundingRect())
        hold(layer, box.left(), box.top(), box.right(), box.bottom())


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
            return
        flows = self._flow_layers[stage]
        if layer.x() != band.x:
            layer.setPos(band.x, 0.0)
            flows.setPos(band.x, 0.0)
        # Grown, never shrunk: a new rectangle has Qt repaint every card in it, and a
        # band grows or shrinks with every row added to or taken from the tallest stage.
        hold(layer, 0.0, 0.0, band.w, band.h)
        hold(flows, 0.0, 0.0, band.w, band.h)

    @staticmethod
    def make(band: L.Rect, z: float = LAYER_Z) -> QGraphicsRectItem:
        """A layer at a band, not yet in the scene (``StageLayers.add`` puts it in)."""
        layer = QGraphicsRectItem(0.0, 0.0, band.w, band.h)
        layer.reach = (0.0, 0.0, band.w, band.h)  # its rectangle, as plain numbers
        layer.setPen(Qt.NoPen)
        layer.setFlags(_LAYER_FLAGS)
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

