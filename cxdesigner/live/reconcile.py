"""The primitive operations that turn one map into another, for ``LiveBinding``.

After a merge the binding reads the whole shared document into a fresh map and
applies the difference to the open one, so views hear of exactly what changed.  The
operations come in the order the model's own cascades use: links go before the
elements they join, elements come before their links.
"""

from __future__ import annotations

from typing import Any

from ..model.changes import (AddEdge, AddNode, Op, RemoveEdge, RemoveNode, SetDocument, SetNode,
                             SetStageOrder)
from ..model.journey import JourneyMap


def difference(current: JourneyMap, target: JourneyMap) -> list[Op]:
    """Operations that make ``current`` equal ``target`` (its document, stage order,
    elements and links; ``unknown`` file parts are not the live map's business)."""
    now, then = current.graph, target.graph
    now_nodes, then_nodes = dict(now.nodes(data=True)), dict(then.nodes(data=True))
    gone, added, changed = [], [], []
    for node, attrs in now_nodes.items():
        new = then_nodes.get(node)
        if new is None or new["kind"] != attrs["kind"] or new.keys() != attrs.keys():
            gone.append(node)  # a key only one side has: SetNode cannot drop it
            if new is not None:
                added.append(node)
        elif new != attrs:
            changed.append(node)
    added += [n for n in then_nodes if n not in now_nodes]
    readded = set(gone) & set(added)

    now_edges = {(u, v): k for u, v, k in now.edges(data="kind")}
    then_edges = {(u, v): k for u, v, k in then.edges(data="kind")}
    remove_edges = [RemoveEdge(u, v, k) for (u, v), k in now_edges.items()
                    if then_edges.get((u, v)) != k or u in readded or v in readded
                    or u not in then_nodes or v not in then_nodes]
    add_edges = [AddEdge(u, v, k) for (u, v), k in then_edges.items()
                 if now_edges.get((u, v)) != k or u in readded or v in readded]

    ops: list[Op] = list(remove_edges)
    ops += [RemoveNode(n, now_nodes[n]["kind"], _fields(now_nodes[n])) for n in gone]
    ops += [AddNode(n, then_nodes[n]["kind"], _fields(then_nodes[n])) for n in added]
    for node in changed:
        old, new = now_nodes[node], then_nodes[node]
        keys = [k for k in new if new[k] != old[k]]
        ops.append(SetNode(node, new["kind"], _copy({k: old[k] for k in keys}),
                           _copy({k: new[k] for k in keys})))
    ops += add_edges
    if current.stage_order != target.stage_order:
        ops.append(SetStageOrder(current.stage_order, target.stage_order))
    old_doc, new_doc = current.document, target.document
    keys = [k for k in new_doc if old_doc.get(k) != new_doc[k]]
    if keys:
        ops.append(SetDocument({k: old_doc.get(k) for k in keys},
                               {k: new_doc[k] for k in keys}))
    return ops


def _fields(attrs: dict[str, Any]) -> dict[str, Any]:
    return _copy({k: v for k, v in attrs.items() if k != "kind"})


def _copy(attrs: dict[str, Any]) -> dict[str, Any]:
    # The model keeps what an operation carries; no container may be shared with the
    # map the difference was read from.
    return {k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v)
            for k, v in attrs.items()}
