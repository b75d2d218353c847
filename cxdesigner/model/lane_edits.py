"""The lanes under the touchpoints (the service blueprint), read and edited.

A lane is a node of kind ``lane`` (its ``lane_kind``, an optional ``title``, ``hidden``
and an ``order``); a touchpoint keeps its text in each lane in ``cells`` (lane id ->
text) and its fail and wait points in ``marks`` (lane id -> "fail" or "wait").  Lanes
are nodes, not a list in the map details, so two people adding lanes in a live session
both keep theirs, and undo, events and files treat them like every other element.

The emotion lane is always there.  Until it is moved, renamed or hidden it has no node
and sits above the other lanes; the first such edit makes its node, under one fixed id
(``EMOTION_LANE_ID``), so two people doing so at once make one node, not two.

Removing a lane removes its cells and marks from the touchpoints (undo brings them
back); the emotion lane cannot be removed, only hidden.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from . import schema as S
from .changes import AddNode, Change, Op, SetNode
from .errors import ModelError

if TYPE_CHECKING:
    import networkx as nx

EMOTION_LANE_ID = "lane:emotion"
# Lanes whose cells hold text (and may carry a fail or wait mark).
TEXT_LANES = frozenset((*S.BLUEPRINT_LANES, "text"))
_IMPLICIT_EMOTION = MappingProxyType({"kind": S.LANE, "title": "", "lane_kind": S.EMOTION_LANE,
                                      "hidden": False, "order": float("-inf")})


class LaneEdits:
    """Reading and editing lanes (a mixin of ``JourneyMap``)."""

    _g: "nx.DiGraph"
    _by_kind: dict[str, dict[str, None]]

    # -------------------------------------------------------------- reading
    def lanes(self) -> list[str]:
        """Every lane in order, top to bottom, hidden ones included; the emotion lane
        is always among them."""
        nodes = self._g.nodes
        ids = list(self._by_kind[S.LANE])
        if EMOTION_LANE_ID not in nodes:
            ids.append(EMOTION_LANE_ID)
        return sorted(ids, key=lambda n: (self.lane(n)["order"], n))

    def lane(self, lane_id: str) -> Mapping[str, Any]:
        """A lane's fields, read-only (also for the emotion lane before it has a node)."""
        if lane_id == EMOTION_LANE_ID and lane_id not in self._g:
            return _IMPLICIT_EMOTION
        return self._expect(lane_id, S.LANE)  # type: ignore[attr-defined]

    def visible_lanes(self) -> list[str]:
        return [n for n in self.lanes() if not self.lane(n)["hidden"]]

    def cell(self, tp: str, lane_id: str) -> str:
        return self._expect(tp, S.TOUCHPOINT)["cells"].get(lane_id, "")  # type: ignore

    def mark(self, tp: str, lane_id: str) -> str | None:
        return self._expect(tp, S.TOUCHPOINT)["marks"].get(lane_id)  # type: ignore

    # -------------------------------------------------------------- editing
    def add_lane(self, lane_kind: str = "text", title: str = "", index: int | None = None,
                 *, id: str | None = None) -> Change:
        """Add a lane at a place among the lanes (at the bottom by default)."""
        if lane_kind == S.EMOTION_LANE:
            raise ModelError("A map has one emotion lane; show it instead of adding one.")
        if id == EMOTION_LANE_ID:
            raise ModelError(f"The id {id!r} is the emotion lane's.")
        if len(self._by_kind[S.LANE]) >= S.MAX_LANES:
            raise ModelError(f"A map may have at most {S.MAX_LANES} lanes.")
        node_id = self._fresh_id(id)  # type: ignore[attr-defined]
        attrs = self._new_attrs(S.LANE, {"lane_kind": lane_kind, "title": title})  # type: ignore
        order = self.lanes()
        at = len(order) if index is None else self._index(index, len(order))  # type: ignore
        order.insert(at, node_id)
        return self._commit("Add lane", self._placed(order, {node_id: attrs}),  # type: ignore
                            node_id)

    def move_lane(self, lane_id: str, index: int) -> Change:
        """Put a lane at a place among the lanes (0: the top)."""
        order = self.lanes()
        if lane_id not in order:
            self._expect(lane_id, S.LANE)  # type: ignore[attr-defined]
        order.remove(lane_id)
        order.insert(self._index(index, len(order)), lane_id)  # type: ignore[attr-defined]
        return self._commit("Move lane", self._placed(order, {}), lane_id)  # type: ignore

    def set_lane(self, lane_id: str, **fields: Any) -> Change:
        """Rename, hide or show a lane (``title``, ``hidden``); its kind stays."""
        if "lane_kind" in fields or "order" in fields:
            raise ModelError("A lane's kind cannot change, and move_lane places it.")
        if lane_id == EMOTION_LANE_ID and lane_id not in self._g:
            if not fields:
                return self._commit("Edit lane", [], lane_id)  # type: ignore[attr-defined]
            checked = self._checked(None, S.LANE, fields)  # type: ignore[attr-defined]
            attrs = dict(_IMPLICIT_EMOTION, **checked)
            del attrs["kind"]
            attrs["order"] = self._top_order() - 1
            if all(_IMPLICIT_EMOTION[k] == v for k, v in checked.items()):
                return self._commit("Edit lane", [], lane_id)  # type: ignore[attr-defined]
            return self._commit("Edit lane", [AddNode(lane_id, S.LANE, attrs)],  # type: ignore
                                lane_id)
        self._expect(lane_id, S.LANE)  # type: ignore[attr-defined]
        return self.set_fields(lane_id, **fields)  # type: ignore[attr-defined]

    def set_cell(self, tp: str, lane_id: str, text: str) -> Change:
        """A touchpoint's text in a lane; empty text empties the cell (its mark stays)."""
        self._expect_text_lane(lane_id)
        cells = dict(self._expect(tp, S.TOUCHPOINT)["cells"])  # type: ignore[attr-defined]
        if text:
            cells[lane_id] = text
        else:
            cells.pop(lane_id, None)
        return self.set_fields(tp, cells=cells)  # type: ignore[attr-defined]

    def set_mark(self, tp: str, lane_id: str, mark: str | None) -> Change:
        """Flag a touchpoint's cell as a fail or wait point (``None`` clears it)."""
        self._expect_text_lane(lane_id)
        marks = dict(self._expect(tp, S.TOUCHPOINT)["marks"])  # type: ignore[attr-defined]
        if mark is None:
            marks.pop(lane_id, None)
        else:
            marks[lane_id] = mark
        return self.set_fields(tp, marks=marks)  # type: ignore[attr-defined]

    # ------------------------------------------------------------ internals
    def _expect_text_lane(self, lane_id: str) -> None:
        if lane_id == EMOTION_LANE_ID:
            raise ModelError("The emotion lane has no cells: set emotions instead.")
        attrs = self._expect(lane_id, S.LANE)  # type: ignore[attr-defined]
        if attrs["lane_kind"] not in TEXT_LANES:
            raise ModelError(f"{self._name(lane_id)} is an {attrs['lane_kind']} lane and "  # type: ignore
                             "holds no text.")

    def _check_lane_keys(self, table: Mapping[str, Any]) -> None:
        """Cells and marks may name only lanes that hold text."""
        nodes = self._g.nodes
        for key in table:
            attrs = nodes.get(key) if key in nodes else None
            if attrs is None or attrs["kind"] != S.LANE or attrs["lane_kind"] not in TEXT_LANES:
                raise ModelError(f"A cell is given for {key!r:.60}, which is not a text "
                                 "lane of this map.")

    def _remove_lane_ops(self, lane_id: str, gone: set[str]) -> list[Op]:
        """Ops taking the lane's cells and marks off every touchpoint (the lane's node
        is removed by the caller).  A lane has few cells, but finding them reads every
        touchpoint: removing a lane is rare, and an index of cells would cost every
        cell edit."""
        if lane_id == EMOTION_LANE_ID:
            raise ModelError("The emotion lane cannot be removed; hide it instead.")
        ops: list[Op] = []
        nodes = self._g.nodes
        for tp in self._by_kind[S.TOUCHPOINT]:
            if tp in gone:
                continue
            attrs = nodes[tp]
            old, new = {}, {}
            for name in ("cells", "marks"):
                if lane_id in attrs[name]:
                    old[name] = dict(attrs[name])
                    new[name] = {k: v for k, v in attrs[name].items() if k != lane_id}
            if old:
                ops.append(SetNode(tp, S.TOUCHPOINT, old, new))
        return ops

    def _placed(self, order: list[str], new: dict[str, dict[str, Any]]) -> list[Op]:
        """Ops that give the lanes the orders 0, 1, 2... of ``order``: ``new`` lanes
        are made there, and so is the emotion lane's node if it has none yet."""
        nodes = self._g.nodes
        if EMOTION_LANE_ID not in nodes:
            emotion = dict(_IMPLICIT_EMOTION)
            del emotion["kind"]
            new = {EMOTION_LANE_ID: emotion, **new}
        ops: list[Op] = []
        for i, lane_id in enumerate(order):
            if lane_id in new:
                ops.append(AddNode(lane_id, S.LANE, dict(new[lane_id], order=i)))
            elif nodes[lane_id]["order"] != i:
                ops.append(SetNode(lane_id, S.LANE, {"order": nodes[lane_id]["order"]},
                                   {"order": i}))
        return ops

    def _top_order(self) -> float:
        nodes = self._g.nodes
        return min((nodes[n]["order"] for n in self._by_kind[S.LANE]), default=0.0)
