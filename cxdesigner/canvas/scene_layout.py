"""How the journey scene puts its items where the layout says, after an edit
(``FollowsLayout``, a part of ``JourneyScene``): the bands and the stage layers that
moved, the cards the layout lists, the arrows with a moved end or running from a band
that moved to one that did not, and the scene's rect."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from ..model import layout as L
from ..model.live_layout import LayoutDelta
from .flows import FlowItem
from .layers import FLOW_LAYER_Z

MARGIN = 200.0
# Past this many moved cards, re-route flows by walking all of them once rather than
# asking the model for each card's flows.
_FLOW_SCAN = 512
_HEADROOM = 2000.0  # scene units the index's rect reaches past the map on every side


class FollowsLayout:
    """The part of ``JourneyScene`` that follows ``live.layout`` (scene.py keeps the
    items, the layers, the flows and the events)."""

    def _follow_layout(self, delta: LayoutDelta | None) -> None:
        """Move the bands and cards ``delta`` says moved (all of them for ``None``) and
        re-route the flows with a moved end."""
        was_rtl = self.layout.rtl
        self.layout = layout = self.live.layout
        everything = delta is None or delta.everything
        bands = layout.bands if everything else delta.bands
        layers = self.layers
        for stage in bands:
            band, rect = self._items.get(stage), layout.bands.get(stage)
            if band is not None and rect is not None:
                band.set_rect(rect)
            if rect is not None:  # a stage gone loses its layer once its cards have left
                layers.follow_band(stage, rect)
        # A card whose band only moved went along with its layer (the layout does not
        # list it); the others are put in their layer (another one, if they changed
        # stage) where the layout says.
        moved = set()
        cards, where, items, touched = layout.cards, self.live.where, self._items, self._touched
        along = frozenset() if everything else delta.shifted
        # The touched ones too: a card moved to another stage may keep its scene place
        # (the layout does not report it) but not its layer.
        for tp in (cards if everything else delta.moved | touched):
            place = where.get(tp)
            if place is None:
                continue
            card, rect = items.get(tp), cards.get(tp)
            if card is not None and rect is not None:
                layers.place(card, place[0], rect)
                moved.add(tp)  # a new rect (``delta.moved``): its flows follow
        for stage in (layers.stages() if everything else delta.bands):
            if stage not in layout.bands:  # gone: its cards went, or went elsewhere
                layers.follow_band(stage, None)
        # Only flows with a moved end change shape (a path costs ~15 µs: 5,000 of them
        # on every edit was most of an edit's time); one whose ends both moved with
        # their bands went along with its source's layer.
        flows = self._flows
        if everything or layout.rtl != was_rtl:  # new flows included: each is pathed once
            self._crossing.clear()
            for flow in flows.values():
                self._route(flow, layout)
            self._unpathed_flows.clear()
        elif len(moved) > _FLOW_SCAN:
            for (source, target), flow in flows.items():
                if source in moved or target in moved:
                    self._route(flow, layout)
        else:
            journey = self.journey
            for tp in moved:
                for other in journey.flows_from(tp):
                    flow = flows.get((tp, other))
                    if flow is not None:
                        self._route(flow, layout)
                for other in journey.flows_into(tp):
                    if other not in moved and (flow := flows.get((other, tp))) is not None:
                        self._route(flow, layout)
        if along:  # a flow from a band that moved to one that did not, or back
            for source, target in list(self._crossing):
                a, b = where.get(source), where.get(target)
                if ((a is not None and a[0] in along) != (b is not None and b[0] in along)
                        and source not in moved and target not in moved):
                    if (flow := flows.get((source, target))) is not None:
                        self._route(flow, layout)
        self._path_new_flows()
        self._set_scene_rect()
        self.layout_changed.emit()

    def _set_scene_rect(self) -> None:
        b = self.layout.bounds
        rect = QRectF(b.x - MARGIN, b.y - MARGIN, b.w + 2 * MARGIN, b.h + 2 * MARGIN)
        if rect == self.content_rect:
            return
        self.content_rect = rect
        # Qt rebuilds its whole item index whenever the scene's rect changes (~25 ms at
        # 5,000 cards), so that rect grows with headroom and the views scroll over the
        # exact one: a card that widens a stage costs no rebuild.
        index = self._index_rect
        if (not index.contains(rect) or index.width() > 3 * rect.width() + 8 * _HEADROOM
                or index.height() > 3 * rect.height() + 8 * _HEADROOM):
            dx, dy = rect.width() / 4 + _HEADROOM, rect.height() / 4 + _HEADROOM
            self._index_rect = rect.adjusted(-dx, -dy, dx, dy)
            self.setSceneRect(self._index_rect)
        self.content_rect_changed.emit(rect)

    def _path_new_flows(self) -> None:
        for flow in self._unpathed_flows:
            if flow.scene() is self:
                self._route(flow, self.layout)
        self._unpathed_flows.clear()

    def _route(self, flow: FlowItem, layout: L.Layout) -> None:
        """The flow in its source card's layer, its path from the layout."""
        place = self.live.where.get(flow.source)
        layer = self.layers.flows(place[0]) if place is not None else None
        if flow.parentItem() is not layer:
            flow.setParentItem(layer)
            flow.setZValue(0.0 if layer is not None else FLOW_LAYER_Z)
        flow.update_path(layout)
        self._note_crossing(flow.source, flow.target)

    def _note_crossing(self, source: str, target: str) -> None:
        where = self.live.where
        a, b = where.get(source), where.get(target)
        if a is None or b is None or a[0] != b[0]:
            self._crossing.add((source, target))
        else:
            self._crossing.discard((source, target))
