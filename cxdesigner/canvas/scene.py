"""The journey scene: one item per element, kept in step with the model's events.

The scene owns the one id -> item map.  Model events add, remove and refresh items;
after each applied change that can move something the shared layout is brought up to
date (``LiveLayout``: only the bands the change touched, and the ones after them) and
the items that moved are moved, so an edit, its undo and a change made by any other
view all show the same way.  Nothing repaints the whole scene: an item repaints itself
when it changes or moves, and the lane repaints the strip of the curve that changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from ..commands import ChangeCommand
from ..model import Event, JourneyMap
from ..model.live_layout import LayoutDelta, LiveLayout
from ..model import schema as S
from ..model.live_curve import LiveCurve
from .flows import FlowItem
from .items import (
    CARD_TYPE,
    CHIP_TYPE,
    FLOW_TYPE,
    ModelItem,
    NoteChipItem,
    StageBandItem,
    TouchpointCardItem,
)
from .lane import EmotionLaneItem
from .lane_rows import LaneRows
from .layers import FLOW_LAYER_Z, StageLayers
from .overview import DETAIL_ZOOM, OverviewItem
from .scene_layout import FollowsLayout


# What moves things: touchpoints coming, going or moving (``_PLACE_EVENTS``), stages
# coming, going or reordered (``_STAGE_EVENTS``) and the map's direction.  Everything
# else (a rename, an emotion, a note) repaints an item or two and leaves the layout
# alone.  Listed the other way round (events known NOT to move anything), so an event
# kind added later lays the whole map out again until proven harmless.
_LAYOUT_FREE = frozenset({
    "stage_changed", "note_added", "note_removed", "note_changed", "about_added",
    "about_removed", "flow_added", "flow_removed", "persona_added", "persona_removed",
    "persona_changed", "action_added", "action_removed", "action_changed",
    "addresses_added", "addresses_removed", "child_of_added", "child_of_removed",
    "for_persona_added", "for_persona_removed", "journey_changed",
    # Feedback shows on a card as a badge, repainted with the card; snapshots not at all.
    "feedback_added", "feedback_removed", "feedback_changed", "concerns_added",
    "concerns_removed", "cites_added", "cites_removed", "snapshot_added",
    "snapshot_removed", "snapshot_changed"})
_CARD_PLACE_KEYS = frozenset({"x", "y"})  # touchpoint fields the layout reads
_PLACE_EVENTS = frozenset({"touchpoint_added", "touchpoint_removed"})
_STAGE_EDGE_EVENTS = frozenset({"in_stage_added", "in_stage_removed"})
_STAGE_EVENTS = frozenset({"stage_added", "stage_removed", "stage_order_changed"})
_LANE_EVENTS = frozenset({"lane_added", "lane_removed", "lane_changed"})
_CELL_KEYS = frozenset({"cells", "marks", "picture"})  # what a lane row draws of a card
_BY_BOUNDS = Qt.ItemSelectionMode.IntersectsItemBoundingRect
_PALETTE_CHANGE = QEvent.PaletteChange  # looked up once: event() sees every scene event


class JourneyScene(FollowsLayout, QGraphicsScene):
    layout_changed = Signal()
    content_rect_changed = Signal(QRectF)  # the map and its margin: what views scroll over

    def __init__(self, journey: JourneyMap, push: Callable[[ChangeCommand], bool] | None = None,
                 parent=None):
        """``push`` runs a command as one undo step (the document's); gestures end in it."""
        super().__init__(parent)
        self.journey = journey
        self.push = push or (lambda command: command.run() is not None)
        self.persona = S.GENERAL
        self.live = LiveLayout(journey)
        self.layout = self.live.layout
        self.curve = LiveCurve(journey)
        self._items: dict[str, ModelItem] = {}  # stages, touchpoints and notes by id
        self._flows: dict[tuple[str, str], FlowItem] = {}
        self._dirty_cards: set[str] = set()  # cards whose chips to rebuild after a change
        self._badges: set[str] = set()  # cards whose feedback badge changed
        # What the change being applied needs, settled once at journey_changed.
        self._touched: set[str] = set()  # touchpoints that came, went or moved
        self._stages_dirty = False  # stages came, went or were reordered
        self._lanes_dirty = False  # lanes came, went, moved, were renamed or hidden
        self._cells: set[str] = set()  # touchpoints whose cells or marks changed
        self._relayout_all = False  # the direction changed, or an event not known here
        self._emotions: set[str] = set()  # touchpoints whose emotion changed
        self._curve_all = False  # the persona shown went away
        self._overview_dirty = False  # anything the overview draws changed
        self._unpathed_flows: list[FlowItem] = []  # new flows waiting for the layout
        # Flows whose ends lie in two stages (or outside any): of those only, one end
        # may move with its band while the other stays (a stage added between them).
        self._crossing: set[tuple[str, str]] = set()
        self.content_rect = QRectF()
        self._index_rect = QRectF()  # the scene's own rect, which Qt's index is built for
        self.lane = EmotionLaneItem()
        self.addItem(self.lane)
        # Level of detail (overview.py): below DETAIL_ZOOM, cards, chips and flows stop
        # painting themselves and this one item draws them all.
        self.detailed = True
        self.overview = OverviewItem()
        self.addItem(self.overview)
        self._selected_chips: set[NoteChipItem] = set()
        self.selectionChanged.connect(self._on_selection_changed)
        self.layers = StageLayers(self)
        self.rows = LaneRows(self)
        self.current_cell: tuple[str, str] | None = None  # (touchpoint, lane): cell_editing
        self._build()
        journey.events.subscribe_all(self._on_event)

    def detach(self) -> None:
        """Stop following the model (the window is closing)."""
        self.journey.events.unsubscribe(self._on_event)

    def event(self, event: QEvent) -> bool:  # Qt's name
        # Dark mode: the scene's palette follows the application's, which Qt changes
        # when the system theme changes (ApplicationPaletteChange resolves it, then
        # PaletteChange comes here).  Items read scene.palette() as they paint, so a
        # repaint is all it takes, even in a view whose own palette did not change.
        if event.type() == _PALETTE_CHANGE:
            for item in getattr(self, "_items", {}).values():  # cards keep their pixels
                item.update()
            self.update()
        return super().event(event)

    # ------------------------------------------------------------ look-ups
    def item_for(self, element_id: str) -> ModelItem | None:
        """The item of a stage, touchpoint or note (a note's chip is made now if its
        card had not made its chips yet)."""
        item = self._items.get(element_id)
        if item is None and element_id in self.journey \
                and self.journey.kind_of(element_id) == S.NOTE:
            card = self._items.get(self.journey.target_of(element_id))
            if card is not None and card.type() == CARD_TYPE:
                card.make_chips()
                item = self._items.get(element_id)
        return item

    def make_chips_in(self, rect: QRectF) -> None:
        """Make the chip items of the cards in a scene rectangle (about to be seen)."""
        # By bounds: this runs before every paint, and a card's shape is Python's.
        for item in self.items(rect, _BY_BOUNDS):
            if item.type() == CARD_TYPE:
                item.make_chips()

    def flow_item(self, source: str, target: str) -> FlowItem | None:
        return self._flows.get((source, target))

    def flow_items(self) -> list[FlowItem]:
        return list(self._flows.values())

    def card_items(self) -> list[TouchpointCardItem]:
        return [i for i in self._items.values() if i.type() == CARD_TYPE]

    def selected_ids(self) -> list[str]:
        """Selected stages, touchpoints and notes, by id (flows are not elements)."""
        return [i.element_id for i in self.selectedItems() if isinstance(i, ModelItem)]

    def selected_flows(self) -> list[tuple[str, str]]:
        return [(i.source, i.target) for i in self.selectedItems() if i.type() == FLOW_TYPE]

    def select_ids(self, ids: list[str]) -> None:
        self.clearSelection()
        for element_id in ids:
            item = self.item_for(element_id)
            if item is not None:
                item.setSelected(True)

    def set_persona(self, persona: str) -> None:
        self.persona = persona if persona in self.journey or persona == S.GENERAL else S.GENERAL
        self._rebuild_curve()
        for card in self.card_items():
            card.update()
        self.overview.invalidate()  # its emotion strips follow the persona

    # ----------------------------------------------------- level of detail
    def set_detail(self, zoom: float) -> None:
        """Follow the view's zoom (``JourneyView.zoom_changed``): below ``DETAIL_ZOOM``
        the overview draws cards, chips and flows in batches (see overview.py)."""
        detailed = zoom >= DETAIL_ZOOM
        if detailed == self.detailed:
            return
        self.detailed = detailed
        # Cards (which paint their chips) and flows; bands are few and keep painting.
        # The flag looked up once: PySide's enum lookup costs more than setFlag itself.
        flag, off = QGraphicsItem.ItemHasNoContents, not detailed
        for tp in self.journey.ids(S.TOUCHPOINT):
            card = self._items.get(tp)
            if card is not None:
                card.setFlag(flag, off)
        for flow in self._flows.values():
            flow.setFlag(flag, off)
        if not detailed:
            self.overview.invalidate()
        self.overview.setVisible(not detailed)
        self.rows.repaint()  # cells as text, or as boxes

    def _follow_detail(self, item: QGraphicsItem) -> None:
        """A card or flow created while zoomed out starts unpainted too."""
        if not self.detailed:
            item.setFlag(QGraphicsItem.ItemHasNoContents, True)

    def _on_selection_changed(self) -> None:
        # Chips do not paint themselves: repaint the cards of chips whose selection
        # changed.  And at low zoom the overview draws the selection outlines.
        try:
            chips = {i for i in self.selectedItems() if i.type() == CHIP_TYPE}
            for chip in chips ^ self._selected_chips:
                card = chip.parentItem()
                if card is not None:
                    card.update()
            self.overview.update()
        except RuntimeError:  # items being deleted (with the scene, or their card)
            chips = set()
        self._selected_chips = chips

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        """Every item, each placed, shaped and given its chips before it joins the
        scene: inside a scene, a ``setPos`` or ``setParentItem`` pays for Qt's
        bookkeeping (~4 µs against 0.4 µs outside), 25,000 times at 5,000 touchpoints.
        (Building with the BSP index off, ``NoIndex``, made no measurable difference:
        Qt fills the index lazily anyway.)"""
        journey, layout, items, add = self.journey, self.layout, self._items, self.addItem
        for stage in journey.stages():
            band = StageBandItem(stage)
            band.set_rect(layout.bands[stage])
            items[stage] = band
            add(band)
        # Each stage's cards in its layer (layers.py), put in before it joins the scene.
        layers = {stage: StageLayers.make(rect) for stage, rect in layout.bands.items()}
        flow_layers = {stage: StageLayers.make(rect, FLOW_LAYER_Z)
                       for stage, rect in layout.bands.items()}
        cards, where = layout.cards, self.live.where
        for tp in journey.ids(S.TOUCHPOINT):
            card = TouchpointCardItem(tp)
            items[tp] = card
            rect, place = cards.get(tp), where.get(tp)
            layer = layers.get(place[0]) if place is not None else None
            if rect is None or layer is None:
                add(card)
                continue
            card.setParentItem(layer)
            card.setPos(rect.x - layer.x(), rect.y - layer.y())
        flows = self._flows
        for source, target in journey.flows():
            flow = FlowItem(source, target)
            place = where.get(source)
            layer = flow_layers.get(place[0]) if place is not None else None
            if layer is not None:
                flow.setParentItem(layer)  # its source card's stage's (flows.py)
            flow.update_path(layout)
            flows[(source, target)] = flow
            self._note_crossing(source, target)
            if layer is None:
                flow.setZValue(FLOW_LAYER_Z)  # under the cards, as in a layer
                add(flow)
        for stage, layer in layers.items():
            self.layers.add(stage, layer, flow_layers[stage])
        self._set_scene_rect()
        self._rebuild_curve()
        self.rows.rebuild()

    def _add(self, item: ModelItem) -> None:
        self._items[item.element_id] = item
        self.addItem(item)
        if item.type() == CARD_TYPE:
            self._follow_detail(item)

    def _drop(self, element_id: str) -> None:
        item = self._items.pop(element_id, None)
        if item is not None:
            if item.type() == CARD_TYPE:
                for chip in item.made_chips:
                    self._items.pop(chip.element_id, None)
            self.removeItem(item)

    def _add_flow(self, source: str, target: str) -> None:
        item = FlowItem(source, target)
        self._flows[(source, target)] = item
        self.addItem(item)
        self._follow_detail(item)
        self._unpathed_flows.append(item)  # its path comes with the next layout

    def remember_chip(self, chip: NoteChipItem) -> None:
        self._items[chip.element_id] = chip

    def forget_chip(self, chip: NoteChipItem) -> None:
        if self._items.get(chip.element_id) is chip:
            del self._items[chip.element_id]

    def _rebuild_curve(self) -> None:
        self.curve.persona = self.persona
        self.curve.rebuild(self.live)
        self.lane.refresh(self.layout, self.curve)

    # -------------------------------------------------------------- events
    def _on_event(self, event: Event) -> None:
        name = event.name
        if name == "touchpoint_changed":
            if _CARD_PLACE_KEYS.intersection(event.keys):
                self._touched.add(event.id)
            if "emotions" in event.keys:
                self._emotions.add(event.id)
            if _CELL_KEYS.intersection(event.keys):
                self._cells.add(event.id)
        elif name in _PLACE_EVENTS:
            self._touched.add(event.id)
        elif name in _STAGE_EDGE_EVENTS:
            self._touched.add(event.source)
        elif name in _STAGE_EVENTS:
            self._stages_dirty = True
        elif name in _LANE_EVENTS:
            self._lanes_dirty = True
        elif name == "document_changed":
            if "direction" in event.keys:
                self._relayout_all = True
        elif name not in _LAYOUT_FREE:
            self._relayout_all = True
        handler = getattr(self, f"_on_{name}", None)
        if handler is not None:
            handler(event)

    def _on_stage_added(self, event: Event) -> None:
        self._add(StageBandItem(event.id))

    def _on_touchpoint_added(self, event: Event) -> None:
        self._add(TouchpointCardItem(event.id))

    def _on_stage_removed(self, event: Event) -> None:
        self._drop(event.id)

    def _on_touchpoint_removed(self, event: Event) -> None:
        self._drop(event.id)

    def _on_stage_changed(self, event: Event) -> None:
        self._items[event.id].update()

    def _on_touchpoint_changed(self, event: Event) -> None:
        self._items[event.id].update()

    def _on_note_removed(self, event: Event) -> None:
        chip = self._items.get(event.id)
        if chip is not None and chip.type() == CHIP_TYPE:
            self._dirty_cards.add(chip.parentItem().element_id)

    def _on_note_changed(self, event: Event) -> None:
        chip = self._items.get(event.id)
        if chip is not None and chip.type() == CHIP_TYPE:
            self._dirty_cards.add(chip.parentItem().element_id)
        elif event.id in self.journey:  # a card drawing its chips from the model
            target = self.journey.target_of(event.id)
            if target is not None:
                self._dirty_cards.add(target)

    def _on_about_added(self, event: Event) -> None:
        self._dirty_cards.add(event.target)

    def _on_about_removed(self, event: Event) -> None:
        self._dirty_cards.add(event.target)

    def _on_concerns_added(self, event: Event) -> None:
        self._badges.add(event.target)

    def _on_concerns_removed(self, event: Event) -> None:
        self._badges.add(event.target)

    def _on_feedback_changed(self, event: Event) -> None:
        if "nps" in event.keys and event.id in self.journey:
            tp = self.journey.touchpoint_of_item(event.id)
            if tp is not None:
                self._badges.add(tp)

    def _on_flow_added(self, event: Event) -> None:
        self._add_flow(event.source, event.target)
        self._overview_dirty = True

    def _on_flow_removed(self, event: Event) -> None:
        item = self._flows.pop((event.source, event.target), None)
        self._crossing.discard((event.source, event.target))
        if item is not None:
            self.removeItem(item)
        self._overview_dirty = True

    def _on_persona_removed(self, event: Event) -> None:
        if self.persona == event.id:
            self.persona = S.GENERAL
            self._curve_all = True
            for card in self.card_items():  # their emotion dots fall back to the general
                card.update()

    def _on_persona_changed(self, event: Event) -> None:
        if event.id == self.persona:
            self.lane.update()  # its label names the persona

    def _on_document_changed(self, event: Event) -> None:
        if "direction" in event.keys:  # the rest of the details are not on the canvas
            for item in self._items.values():
                item.update()
            self.lane.update()
            self.rows.repaint()
            self._dirty_cards.update(self.journey.ids(S.TOUCHPOINT))  # chips mirror
        elif "language" in event.keys:
            # The map's words (channels, chip letters, "Untitled ...", the lane's title)
            # are read at paint in its language: repainting is all it takes.
            for item in self._items.values():
                item.update()
            self.lane.update()
            self.rows.repaint()

    def _on_journey_changed(self, event: Event) -> None:
        touched, emotions = self._touched, self._emotions
        delta = None
        old = self.layout
        if self._relayout_all:
            self.live.reset()
            self._follow_layout(None)
            self.rows.rebuild()
        elif touched or self._stages_dirty or self._lanes_dirty:
            delta = self.live.update(touched, self._stages_dirty, self._lanes_dirty)
            if (delta.everything or delta.moved or delta.bands or delta.lane or delta.order
                    or delta.lanes or delta.slotted):
                self._follow_layout(delta)
            else:
                self._path_new_flows()
            if delta.everything or delta.lanes or delta.bands or self._lanes_dirty:
                self.rows.rebuild()
            elif delta.moved or delta.slotted:
                self.rows.columns_moved(old, delta.moved | delta.slotted)
        else:
            self._path_new_flows()
        for tp in self._cells:
            self.rows.cells_changed(tp)
        self._cells.clear()
        # The curve: rebuilt when all of its points move (a new lane height, the
        # direction, the persona), else shifted where bands only moved and patched
        # where the edit touched it.
        if self._relayout_all or self._curve_all:
            self._rebuild_curve()
        elif delta is not None or emotions:
            span = self.curve.follow(self.live, delta or LayoutDelta(), touched | emotions)
            if delta is not None and (delta.lane or delta.everything):
                self.lane.refresh(self.layout, self.curve)  # its rect changed
            elif span is not None:
                self.lane.changed(self.layout, span)
        overview = (self._overview_dirty or self._relayout_all or self._stages_dirty
                    or bool(touched) or bool(emotions) or bool(self._dirty_cards))
        for card_id in self._dirty_cards:
            card = self._items.get(card_id)
            if card is not None and card.type() == CARD_TYPE:
                card.refresh_chips()
                card.update()  # it paints its chips
        self._dirty_cards.clear()
        for card_id in self._badges:
            card = self._items.get(card_id)
            if card is not None and card.type() == CARD_TYPE:
                card.badge_changed()
        self._badges.clear()
        touched.clear()
        emotions.clear()
        self._stages_dirty = self._relayout_all = self._curve_all = False
        self._lanes_dirty = False
        self._overview_dirty = False
        if overview:
            self.overview.invalidate()  # a flag: its batches are rebuilt only if shown
