"""``LiveBinding``: keeps a ``JourneyMap`` and a Yjs document the same map.

Local edits: each ``journey_changed`` Change becomes one Y transaction (its primitive
operations as Y writes).  Remote edits: Yjs merges them (we never merge ourselves);
``flush`` (or ``receive``, which applies an update and flushes) then reads the
document through the file loader (``ydoc.read_ydoc``, which also repairs what a merge
of concurrent edits may break) and applies the difference to the model as one
``Change``, so views see it like any edit.  That Change is not written back (no echo)
and belongs to no undo stack.

pycrdt runs document observers inside the commit, where the document cannot be read,
so the observer only marks the binding ``pending``; the owner (a network provider, the
editor's event loop) calls ``flush`` afterwards.
"""

from __future__ import annotations

import difflib
import json
from typing import Any

from pycrdt import Array, Doc, Map

from ..fileformat.errors import FileFormatError, Problem
from ..model import schema as S
from ..model.changes import (AddEdge, AddNode, Change, Op, RemoveEdge, RemoveNode, SetDocument,
                             SetNode, SetStageOrder)
from ..model.events import Event
from ..model.journey import JourneyMap
from . import ydoc
from .reconcile import difference

# Links of which an element has at most one (its stage, its target, its parent): two
# people moving one element at once leave two in the document; writing a move removes
# every other one, so the mover's choice is what the document then says.
_SINGLE = frozenset({S.IN_STAGE, S.ABOUT, S.CHILD_OF})


class LiveBinding:
    def __init__(self, journey: JourneyMap, doc: Doc) -> None:
        self.journey, self.doc = journey, doc
        self.pending = False
        self.problems: list[Problem] = []  # the repairs of the last read
        self.error: FileFormatError | None = None  # a document that could not be read
        self._writing = False
        self._applying = False
        self._subscription = doc.observe(self._observed)
        journey.events.subscribe("journey_changed", self._local)

    def close(self) -> None:
        self.journey.events.unsubscribe(self._local)
        self.doc.unobserve(self._subscription)

    # ------------------------------------------------------------ remote
    def _observed(self, _event: Any) -> None:
        if not self._writing:
            self.pending = True

    def receive(self, update: bytes) -> Change | None:
        """Apply a peer's update and bring the model up to date."""
        self.doc.apply_update(update)
        return self.flush()

    def flush(self) -> Change | None:
        """Bring the model up to the document after remote updates; the Change applied,
        if any.  A document that cannot be read leaves the model as it is (``error``)."""
        if not self.pending:
            return None
        self.pending = False
        return self._reconcile("Live edit")

    def _reconcile(self, label: str) -> Change | None:
        try:
            loaded = ydoc.read_ydoc(self.doc)
        except FileFormatError as exc:
            self.error = exc
            return None
        self.error, self.problems = None, loaded.problems
        ops = difference(self.journey, loaded.journey)
        if not ops:
            return None
        change = Change(label, tuple(ops))
        self._applying = True
        try:
            self.journey.apply(change)
        finally:
            self._applying = False
        return change

    # ------------------------------------------------------------ local
    def _local(self, event: Event) -> None:
        if self._applying:
            return
        change = event.change
        self._writing = True
        try:
            with self.doc.transaction(origin=self):
                self._write(change.ops)
        finally:
            self._writing = False
        # Leftovers of merges (a link to an element someone removed, say) may come
        # back to life with an edit that re-uses an id (undo does): the model then
        # follows the document, so it never differs from what every peer reads.
        self._reconcile("Live repair")

    def _write(self, ops: tuple[Op, ...]) -> None:
        root = ydoc.root_of(self.doc)
        nodes, edges = _part(root, ydoc.NODES, Map), _part(root, ydoc.EDGES, Map)
        moved: dict[str, str] = {}  # source -> kind of a single link it was given
        for op in ops:
            t = type(op)
            if t is AddNode:
                nodes[op.id] = ydoc.node_map(op.attrs, op.kind)
            elif t is RemoveNode:
                nodes.pop(op.id, None)
            elif t is SetNode:
                self._set_node(nodes, op)
            elif t is AddEdge:
                edges[ydoc.edge_key(op.source, op.target)] = op.kind
                if op.kind in _SINGLE:
                    moved[op.source] = op.kind
            elif t is RemoveEdge:
                edges.pop(ydoc.edge_key(op.source, op.target), None)
            elif t is SetStageOrder:
                _write_order(_part(root, ydoc.STAGE_ORDER, Array), list(op.new))
            elif t is SetDocument:
                document = _part(root, ydoc.DOCUMENT, Map)
                for key, value in op.new.items():
                    document[key] = value
        if moved:
            self._drop_other_single_links(edges, moved)

    def _set_node(self, nodes: Map, op: SetNode) -> None:
        node = nodes.get(op.id)
        if not isinstance(node, Map):  # made by a repair on read: write it whole
            nodes[op.id] = ydoc.node_map(dict(self.journey.get(op.id)), op.kind)
            return
        for key, value in op.new.items():
            old = node.get(key)
            if isinstance(value, dict) and isinstance(old, Map):
                # Key by key (persona, lane), so concurrent emotions for different
                # personas, and edits of different cells of a touchpoint, merge.
                for gone in set(old.keys()) - value.keys():
                    del old[gone]
                for item, entry in value.items():
                    if old.get(item) != entry:
                        old[item] = entry
            else:
                node[key] = ydoc.y_value(value)

    def _drop_other_single_links(self, edges: Map, moved: dict[str, str]) -> None:
        graph = self.journey.graph
        for key, kind in list(edges.items()):
            if kind not in _SINGLE:
                continue
            try:
                source, target = json.loads(key)
            except (ValueError, TypeError):
                continue  # not ours to fix: reading drops it
            if moved.get(source) == kind and not graph.has_edge(source, target):
                del edges[key]


def _part(root: Map, key: str, shape: type) -> Any:
    value = root.get(key)
    if not isinstance(value, shape):
        value = root[key] = shape()
    return value


def _write_order(array: Array, new: list[str]) -> None:
    """Make the Y array read ``new`` with the fewest deletions and insertions, so a
    concurrent move elsewhere in the order keeps its place (a merge may still repeat
    a stage; reading keeps its first place)."""
    old = [v for v in array]
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(opcodes):  # from the end: indexes stay right
        if tag in ("replace", "delete"):
            del array[i1:i2]
        if tag in ("replace", "insert"):
            for offset, stage in enumerate(new[j1:j2]):
                array.insert(i1 + offset, stage)
