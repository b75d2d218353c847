"""Whether a recorded ``Change`` (an undo or a redo) still fits the map.

Alone, a map only changes through its own undo stack, so a replay always fits.  In a
live workshop other people's edits come in between (never onto this stack): an undo
may then find its touchpoint removed by someone else, or a field it restores changed
since.  Replaying it anyway would fail half-way (a link to nothing) or silently undo
their edit; so the replay is checked first, and skipped whole when it does not fit.

The check walks the change's operations over what the map holds, with the effect of
the operations before each one (a change removes a card's links before the card):
O(operations), never O(map).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Change, JourneyMap
from ..model.changes import (AddEdge, AddNode, RemoveEdge, RemoveNode, SetDocument, SetNode,
                             SetStageOrder)

REMOVED, CHANGED = "removed", "changed"


@dataclass(frozen=True)
class Conflict:
    """Why a replay does not fit: ``reason`` (REMOVED or CHANGED) of the element of
    ``kind`` (a node kind, ``"stage_order"`` or ``"document"``) with ``id``."""

    reason: str
    kind: str
    id: str | None = None


def conflict(journey: JourneyMap, change: Change) -> Conflict | None:
    """The first reason ``change`` cannot be applied to ``journey`` as recorded."""
    graph = journey.graph
    present: dict[str, bool] = {}  # node id -> there, after the ops seen so far
    kinds: dict[str, str] = {}
    edges: dict[tuple[str, str], bool] = {}
    degree: dict[str, int] = {}  # change of a node's link count by the ops seen so far

    def has_node(node: str) -> bool:
        return present[node] if node in present else node in journey

    def has_edge(source: str, target: str) -> bool:
        key = (source, target)
        return edges[key] if key in edges else graph.has_edge(source, target)

    def kind_of(node: str, fallback: str) -> str:
        return kinds.get(node) or (journey.kind_of(node) if node in journey else fallback)

    for op in change.ops:
        t = type(op)
        if t is AddNode:
            if has_node(op.id):
                return Conflict(CHANGED, op.kind, op.id)
            present[op.id], kinds[op.id] = True, op.kind
        elif t is RemoveNode:
            if not has_node(op.id):
                return Conflict(REMOVED, op.kind, op.id)
            links = (graph.degree(op.id) if op.id in journey and op.id not in kinds else 0)
            if links + degree.get(op.id, 0):
                # Someone linked something to it (a note on the card): removing it would
                # take their element's link, so it is theirs to remove.
                return Conflict(CHANGED, op.kind, op.id)
            present[op.id] = False
        elif t is SetNode:
            if not has_node(op.id):
                return Conflict(REMOVED, op.kind, op.id)
            now = journey.get(op.id) if op.id in journey else {}
            if op.id in journey and any(now.get(k) != v for k, v in op.old.items()):
                return Conflict(CHANGED, op.kind, op.id)
        elif t is AddEdge or t is RemoveEdge:
            for end in (op.source, op.target):
                if not has_node(end):
                    return Conflict(REMOVED, kind_of(end, ""), end)
            adding = t is AddEdge
            if has_edge(op.source, op.target) == adding:
                return Conflict(CHANGED, kind_of(op.source, ""), op.source)
            edges[(op.source, op.target)] = adding
            for end in (op.source, op.target):
                degree[end] = degree.get(end, 0) + (1 if adding else -1)
        elif t is SetStageOrder:
            # Strict: writing the recorded order over another's would drop their stage.
            if tuple(journey.stage_order) != tuple(op.old):
                return Conflict(CHANGED, "stage_order")
        elif t is SetDocument:
            if any(journey.document.get(k) != v for k, v in op.old.items()):
                return Conflict(CHANGED, "document")
    return None
