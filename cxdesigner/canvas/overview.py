"""The level of detail for big maps: below a zoom threshold, one item draws them all.

A Python ``paint()`` costs about 7 µs a call before it draws anything, and a card's
text costs far more, so a fitted overview of 5,000 touchpoints (20,000 note chips,
5,000 flows) took about 1.4 s a frame when every item painted itself.  Below
``DETAIL_ZOOM`` the scene switches the cards (which paint their own chips) and the
flows to ``ItemHasNoContents``: Qt then skips their ``paint()`` in C++, and one
``OverviewItem`` draws all of them in a handful of batched calls: one path for the
flows, one ``drawRects`` for the cards, one per emotion value for the emotion strips
and one per note kind for the chips.

Why that flag rather than hiding the items: ``ItemHasNoContents`` only stops the
painting.  The items stay in the scene's BSP index, visible, selectable and
hit-testable, so a click at low zoom still selects the card under the cursor, a
rubber band still selects cards, and the selection survives zooming out and back in
(hiding an item deselects it; a fully transparent one is not hit-tested either).

Within the overview, what is smaller than a pixel or two is not drawn at all: chips
below ``CHIPS_FROM`` and flows and strips below ``SHAPES_FROM``, where each card
becomes a plain block in the colour of its emotion (a heat strip of the journey).
The batches are built lazily, column by column, at the first paint that needs them.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from ..model import layout as L
from ..model import schema as S
from . import labels
from .items import CARD_TYPE, CHIP_TYPE, FLOW_TYPE

# At a view scale below this the cards' text is under ~6 px high (16 px titles at
# 0.35): unreadable, so nothing is lost by drawing plain shapes instead.
DETAIL_ZOOM = 0.35
CHIPS_FROM = 0.09  # chips 2 px high: below, skip them
SHAPES_FROM = 0.05  # cards 10 px wide: below, blocks in their emotion's colour, no flows

TILE_W = 4096.0  # the overview builds and draws the map in columns this wide

OVERVIEW_TYPE = QGraphicsItem.UserType + 50
STRIP_H = 30.0  # the emotion strip along a card's top, in scene units
# Room for the flows that loop back under the cards (they dip ~55 units below).
_FLOW_MARGIN = 80.0


class _Tile:
    """What the overview draws for the cards whose left edge falls in one column of
    the map, built the first time the column is painted."""

    __slots__ = ("touchpoints", "by_emotion", "cards", "strips", "chips")

    def __init__(self):
        self.touchpoints: list[str] = []
        self.by_emotion: dict[int | None, list[QRectF]] | None = None  # whole cards
        self.cards: list[QRectF] = []
        self.strips: dict[int | None, list[QRectF]] = {}
        self.chips: dict[str, list[QRectF]] | None = None


class OverviewItem(QGraphicsItem):
    """Draws every card, note chip and flow of the scene in a few calls per column.

    Shown only at low zoom (``JourneyScene.set_detail``).  The map is cut into
    columns ``TILE_W`` wide, each built the first time it is painted: crossing the
    threshold builds what is on screen, not the whole map, and an edit at normal zoom
    costs the overview nothing but dropping its columns.
    """

    def __init__(self):
        super().__init__()
        self.setZValue(10)  # with the cards: above bands and the lane
        self.setVisible(False)
        # Never hit-tested (empty shape, no buttons): clicks reach the items under it.
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption)  # for exposedRect
        self._bounds = QRectF()
        self._tiles: dict[int, _Tile] | None = None
        self._flows: QPainterPath | None = None

    def type(self) -> int:  # Qt's name
        return OVERVIEW_TYPE

    def invalidate(self) -> None:
        """The map or the layout changed: rebuild what is drawn at the next paint."""
        bounds = self.scene().layout.bounds
        rect = QRectF(bounds.x, bounds.y, bounds.w, bounds.h).adjusted(
            -_FLOW_MARGIN, -_FLOW_MARGIN, _FLOW_MARGIN, _FLOW_MARGIN)
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = rect
        self._tiles = self._flows = None
        self.update()

    def boundingRect(self) -> QRectF:  # Qt's name
        return self._bounds

    def shape(self) -> QPainterPath:  # Qt's name: nothing to hit
        return QPainterPath()

    # --------------------------------------------------------------- batches
    def _tiles_in(self, exposed: QRectF) -> list[_Tile]:
        if self._tiles is None:
            tiles: dict[int, _Tile] = {}
            for tp, r in self.scene().layout.cards.items():
                column = int(r.x // TILE_W)
                tile = tiles.get(column)
                if tile is None:
                    tile = tiles[column] = _Tile()
                tile.touchpoints.append(tp)
            self._tiles = tiles
        # A card is narrower than a column, so one starting in the column to the left
        # may reach into the exposed area.
        first, last = int(exposed.left() // TILE_W) - 1, int(exposed.right() // TILE_W)
        if last - first >= len(self._tiles):
            return list(self._tiles.values())
        return [t for c in range(first, last + 1) if (t := self._tiles.get(c)) is not None]

    def _build_cards(self, tile: _Tile) -> None:
        scene = self.scene()
        nodes = scene.journey.graph.nodes
        persona, general = scene.persona, S.GENERAL
        cards_at = scene.layout.cards
        w, h = L.CARD_W, L.CARD_H
        by_emotion: dict[int | None, list[QRectF]] = {}
        for tp in tile.touchpoints:
            r = cards_at[tp]
            emotions = nodes[tp]["emotions"]
            value = emotions.get(persona, emotions.get(general))  # as journey.emotion()
            card = QRectF(r.x, r.y, w, h)
            tile.cards.append(card)
            by_emotion.setdefault(value, []).append(card)
            tile.strips.setdefault(value, []).append(QRectF(r.x, r.y, w, STRIP_H))
        tile.by_emotion = by_emotion

    def _build_chips(self, tile: _Tile) -> None:
        scene = self.scene()
        layout = scene.layout
        kinds = scene.journey.graph.nodes
        slots = L.chip_rects(L.Rect(0, 0, L.CARD_W, L.CARD_H), L.CHIPS_PER_CARD)
        # Placed as TouchpointCardItem.refresh_chips places them (mirrored when RTL),
        # from the layout: asking 20,000 chip items for their position costs 30 ms.
        offsets = [(L.CARD_W - s.right if layout.rtl else s.x, s.y) for s in slots]
        chips: dict[str, list[QRectF]] = {}
        w, h = L.CHIP_W, L.CHIP_H
        notes_on = scene.journey.notes_on
        for tp in tile.touchpoints:
            r = layout.cards.get(tp)
            if r is None:
                continue
            # From the model, as the card draws them: its chip items may not be made.
            for note, (dx, dy) in zip(notes_on(tp), offsets):
                chips.setdefault(kinds[note]["note_kind"], []).append(
                    QRectF(r.x + dx, r.y + dy, w, h))
        tile.chips = chips

    def _build_flows(self) -> None:
        path = QPainterPath()
        for flow in self.scene().flow_items():
            flow.add_to(path)
        self._flows = path

    # --------------------------------------------------------------- painting
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        scene = self.scene()
        palette = scene.palette()
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        tiles = self._tiles_in(option.exposedRect)
        for tile in tiles:
            if tile.by_emotion is None:
                self._build_cards(tile)
        # Plain, unantialiased shapes and cosmetic (one pixel) pens: at this size
        # antialiasing only blurs, and costs.
        painter.setRenderHint(QPainter.Antialiasing, False)
        if scale < SHAPES_FROM:
            painter.setPen(Qt.NoPen)
            for tile in tiles:
                for value, rects in tile.by_emotion.items():
                    painter.setBrush(labels.emotion_colour(value))
                    painter.drawRects(rects)
            self._paint_selection(painter, scene, palette)
            return
        if self._flows is None:
            self._build_flows()
        painter.setBrush(Qt.NoBrush)
        painter.setPen(QPen(palette.dark().color(), 0))
        painter.drawPath(self._flows)
        painter.setPen(QPen(palette.mid().color(), 0))
        painter.setBrush(palette.base())
        for tile in tiles:
            painter.drawRects(tile.cards)
        painter.setPen(Qt.NoPen)
        for tile in tiles:
            for value, rects in tile.strips.items():
                painter.setBrush(labels.emotion_colour(value))
                painter.drawRects(rects)
        if scale >= CHIPS_FROM:
            for tile in tiles:
                if tile.chips is None:
                    self._build_chips(tile)
                for kind, rects in tile.chips.items():
                    painter.setBrush(labels.NOTE_COLOURS.get(kind, palette.mid().color()))
                    painter.drawRects(rects)
        self._paint_selection(painter, scene, palette)

    def _paint_selection(self, painter: QPainter, scene, palette) -> None:
        """The selection, outlined on top: the items themselves paint nothing now."""
        selected = scene.selectedItems()
        if not selected:
            return
        pen = QPen(palette.highlight().color(), 3)
        pen.setCosmetic(True)  # 3 pixels at any zoom
        painter.setPen(pen)
        painter.setBrush(Qt.NoBrush)
        for item in selected:
            kind = item.type()
            if kind == FLOW_TYPE:
                painter.drawPath(item.scene_path())
            elif kind == CARD_TYPE:  # bands still paint their own
                painter.drawRect(item.mapRectToScene(_CARD))
            elif kind == CHIP_TYPE:
                painter.drawRect(item.mapRectToScene(_CHIP))


_CARD = QRectF(0, 0, L.CARD_W, L.CARD_H)
_CHIP = QRectF(0, 0, L.CHIP_W, L.CHIP_H)
