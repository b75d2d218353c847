"""The journey document: a NetworkX graph behind the only API that may change it.

Nodes carry ``kind`` (stage, touchpoint, note, persona, action) and their fields;
edges carry ``kind`` (flow, in_stage, about, addresses, child_of, for_persona), see
``schema``.  Stage order and document metadata live beside the graph.

Every mutating method checks its input, records what it does as a ``Change`` of
primitive operations, applies it, tells the subscribers and returns it.  Removal
cascades as follows (and undoing the change restores all of it):

* a stage takes its touchpoints with it, unless ``move_to`` names another stage, and
  the notes about the stage;
* a touchpoint takes its notes and its flows; with ``bridge=True`` each predecessor
  is first joined to each successor, so a row stays connected;
* a note is detached from the actions that address it (the actions stay);
* a persona is removed from every touchpoint's emotions and every assignment;
* an action takes its whole subtree of sub-actions.

The module holds reading, applying changes and events; the edit methods, their
cascades and checks are in ``journey_edits.py`` (``JourneyEdits``, inherited).  Derived
data that reading used to find by scanning the graph (a stage's touchpoints in reading
order, a target's notes, an action's sub-actions, the ranking) lives in ``Indexes``
(``indexes.py``, ``ranking.py``): built on first use, then updated by ``_apply_op``
from each primitive operation, so an edit, its undo and its redo all keep it right.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

import networkx as nx

from . import schema as S
from .changes import (AddEdge, AddNode, Change, Op, RemoveEdge, RemoveNode, SetDocument,
                      SetNode, SetStageOrder)
from .errors import ModelError
from .events import Event, EventHub
from .indexes import Indexes
from .journey_edits import KIND_LABEL, MAX_ID, JourneyEdits, copy_attrs, new_id
from .feedback_edits import FeedbackEdits
from .lane_edits import LaneEdits
from .scoring import Score

__all__ = ["JourneyMap", "MAX_ID", "new_id"]


def _fill_graph(g: nx.DiGraph, nodes: list[tuple[str, dict[str, Any]]],
                edges: list[tuple[str, str, dict[str, Any]]]) -> None:
    """Put checked nodes and edges into an empty graph, as ``add_nodes_from`` and
    ``add_edges_from`` would (in the same order, each edge with its own attribute
    dict), without their per-element checks and copies, in a third of their time:
    building the graph was a quarter of loading a large map.  The graph takes the
    nodes' attribute dicts as they are (no two nodes share one)."""
    if not (type(g) is nx.DiGraph and not g._node and g._adj is g._succ):
        g.add_nodes_from(nodes)  # a NetworkX whose insides differ: the public way
        g.add_edges_from(edges)
        return
    node_attrs = dict(nodes)
    succ: dict[str, dict[str, dict[str, Any]]] = {n: {} for n in node_attrs}
    pred: dict[str, dict[str, dict[str, Any]]] = {n: {} for n in node_attrs}
    for u, v, attrs in edges:
        data = dict(attrs)
        succ[u][v] = data
        pred[v][u] = data
    g._node.update(node_attrs)
    g._succ.update(succ)
    g._pred.update(pred)
    getattr(g, "__networkx_cache__", {}).clear()


class JourneyMap(JourneyEdits, LaneEdits, FeedbackEdits):
    """The document: reading, applying changes and the derived indexes here, the edits
    in ``JourneyEdits`` (``journey_edits.py``)."""

    def __init__(self, document: Mapping[str, Any] | None = None) -> None:
        self._g = nx.DiGraph()
        # The graph's own node dict, which it keeps for its whole life: every read checks
        # an id through it, and the node view cost a call per look-up (560,000 of them
        # when the plan was derived on a map of 5,000 touchpoints).
        self._nodes: dict[str, dict[str, Any]] = getattr(self._g, "_node", self._g.nodes)
        self._by_kind: dict[str, dict[str, None]] = {k: {} for k in S.NODE_KINDS}
        self._stage_order: list[str] = []
        self._doc: dict[str, Any] = {f.name: f.fresh_default() for f in S.DOCUMENT_FIELDS}
        self._group: list[Op] | None = None
        # Derived data kept up to date by ``_apply_op``; built on first use, so loading
        # a map (which bypasses ``_apply_op``) pays nothing for it.
        self._ix: Indexes | None = None
        self.events = EventHub()
        # What a file held that this version does not know, written back on save.
        self.unknown: dict[str, Any] = {}
        if document:
            for key, value in document.items():
                self._doc[key] = self._check_document_field(key, value)

    @classmethod
    def from_checked(cls, document: Mapping[str, Any], stage_order: list[str],
                     nodes: list[tuple[str, dict[str, Any]]],
                     edges: list[tuple[str, str, dict[str, Any]]]) -> "JourneyMap":
        """Build a map from parts the file loader has already checked and repaired.

        Bypasses the per-edit checks, which would make loading a large map several
        times slower; the loader guarantees the same rules.  The map keeps each node's
        attribute dict, which the caller must not use afterwards.
        """
        journey = cls()
        journey._doc.update(document)
        journey._stage_order = list(stage_order)
        _fill_graph(journey._g, nodes, edges)
        by_kind = journey._by_kind
        for node_id, attrs in nodes:
            by_kind[attrs["kind"]][node_id] = None
        return journey

    # ----------------------------------------------------------------- reading
    @property
    def graph(self) -> nx.DiGraph:
        """A read-only view of the graph: its mutating methods raise."""
        return self._g.copy(as_view=True)

    @property
    def document(self) -> Mapping[str, Any]:
        return MappingProxyType(self._doc)

    @property
    def stage_order(self) -> tuple[str, ...]:
        return tuple(self._stage_order)

    def stage_position(self, stage: str) -> int:
        """The stage's place in the order, from 0.  Kept as an index, because views ask
        it for every stage and a map may have 100,000 (``list.index`` made that
        quadratic)."""
        return self._indexes().stage_pos[stage]

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._g

    def __len__(self) -> int:
        return self._g.number_of_nodes()

    def kind_of(self, node_id: str) -> str:
        return self._node(node_id)["kind"]

    def get(self, node_id: str) -> Mapping[str, Any]:
        """The element's fields, read-only (``kind`` included)."""
        return MappingProxyType(self._node(node_id))

    def title(self, node_id: str) -> str:
        return self._node(node_id).get("title", "")

    def ids(self, kind: str) -> list[str]:
        return list(self._by_kind[kind])

    def count(self, kind: str) -> int:
        return len(self._by_kind[kind])

    def stages(self) -> list[str]:
        return list(self._stage_order)

    def stage_of(self, touchpoint: str) -> str:
        self._node(touchpoint)
        index = self._indexes().touchpoints
        stage = index.group_of(touchpoint) if touchpoint in index else None
        if stage is None:
            raise ModelError(f"{self._name(touchpoint)} has 0 {S.IN_STAGE} links, not one.")
        return stage

    def touchpoints_in(self, stage: str) -> list[str]:
        """The stage's touchpoints in reading order: by position, then id."""
        self._expect(stage, S.STAGE)
        return self._indexes().touchpoints.members(stage)

    def touchpoint_count(self, stage: str) -> int:
        """How many touchpoints the stage has, in O(1)."""
        self._expect(stage, S.STAGE)
        return self._indexes().touchpoints.count(stage)

    def reading_place(self, touchpoint: str) -> int:
        """The touchpoint's 0-based place in ``touchpoints_in`` of its stage, in
        O(log n)."""
        self.stage_of(touchpoint)
        return self._indexes().touchpoints.place_of(touchpoint)

    def journey_order(self) -> list[str]:
        """Every touchpoint, stage by stage, each stage in reading order."""
        members = self._indexes().touchpoints.members
        return [tp for stage in self._stage_order for tp in members(stage)]

    def flows(self) -> list[tuple[str, str]]:
        # NetworkX's own tables, in the order its edge view gives: the view makes a
        # tuple per link through a generator (33,000 links at 5,000 touchpoints).
        flow = S.FLOW
        return [(u, v) for u, targets in self._g._succ.items()
                for v, attrs in targets.items() if attrs.get("kind") == flow]

    def has_flow(self, source: str, target: str) -> bool:
        return self._edge_kind(source, target) == S.FLOW

    def flows_from(self, touchpoint: str) -> list[str]:
        return self._out(touchpoint, S.FLOW)

    def flows_into(self, touchpoint: str) -> list[str]:
        return self._in(touchpoint, S.FLOW)

    def notes_on(self, target: str | None) -> list[str]:
        """Notes about a touchpoint or stage, or (``None``) about the whole map.

        Ordered by kind, then title, then id: chips and lists read the same everywhere.
        """
        if target is not None:
            self._node(target)
        return self._indexes().notes.members(target)

    def note_count(self, target: str | None) -> int:
        """How many notes ``notes_on(target)`` lists, in O(1)."""
        if target is not None:
            self._node(target)
        return self._indexes().notes.count(target)

    def notes_of_kind(self, note_kind: str) -> list[str]:
        """The notes of one kind (pain points, ideas...), in no set order, in
        O(their number)."""
        return list(self._indexes().note_kinds[note_kind])

    def target_of(self, note: str) -> str | None:
        """The touchpoint or stage a note is about, or ``None`` for the whole map."""
        self._expect(note, S.NOTE)
        return self._indexes().notes.group_of(note)

    def stage_of_note(self, note: str) -> str | None:
        """The stage a note belongs to along the journey (its own, or its touchpoint's),
        ``None`` for a map-wide note; in O(1)."""
        self._expect(note, S.NOTE)
        ix = self._indexes()
        target = ix.notes.group_of(note)
        if target is None or target in ix.stage_pos:
            return target
        return ix.touchpoints.group_of(target)

    def stages_of_notes(self, notes: list[str]) -> list[str | None]:
        """``stage_of_note`` of many notes at once, in O(their number)."""
        try:
            return self._indexes().stages_of_notes(notes)
        except (KeyError, TypeError):  # not a note: find it and raise the usual error
            for note in notes:
                self._expect(note, S.NOTE)
            raise

    def actions_for(self, note: str) -> list[str]:
        return self._in(note, S.ADDRESSES)

    def addressed_by(self, action: str) -> list[str]:
        """The notes an action addresses."""
        return self._out(action, S.ADDRESSES)

    def parent_of(self, action: str) -> str | None:
        self._expect(action, S.ACTION)
        return self._indexes().actions.group_of(action)

    def children_of(self, action: str | None) -> list[str]:
        """Sub-actions in their order; ``None`` gives the top-level actions."""
        if action is not None:
            self._node(action)
        return self._indexes().actions.members(action)

    def last_child_order(self, action: str | None) -> float | None:
        """The ``order`` of the action's last sub-action (``None``: of the last
        top-level action), ``None`` if it has none; in O(1), for placing a new one."""
        if action is not None:
            self._node(action)
        key = self._indexes().actions.last_key(action)
        return None if key is None else key[0]

    # ------------------------------------------------------------ ranking
    # The notes a plan acts on, ranked as ``scoring.rank`` documents, from a sorted
    # index that an edit updates only where it changed something (``ranking.py``).
    # ``method`` defaults to the map's scoring method.
    def ranked_scores(self, method: str | None = None) -> list[Score]:
        """What ``scoring.rank(journey, method)`` returns."""
        ranking = self._indexes().ranking
        return list(ranking.scores(self, method or self._doc["scoring_method"]))

    def ranked_notes(self, method: str | None = None) -> list[str]:
        """The rankable notes, best first."""
        return self._indexes().ranking.notes(self, method or self._doc["scoring_method"])

    def rank_keys(self, method: str | None = None) -> Mapping[str, tuple]:
        """Each ranked note's sort key (lesser ranks first), read-only and valid until
        the next edit: to order a few notes as the ranking does."""
        return self._indexes().ranking.sort_keys(self, method or self._doc["scoring_method"])

    def rank_of(self, note: str, method: str | None = None) -> int | None:
        """The note's 1-based rank (``None`` if its kind is not ranked), in O(log n)
        once the ranking is current."""
        self._expect(note, S.NOTE)
        return self._indexes().ranking.rank_of(self, note,
                                               method or self._doc["scoring_method"])

    def ranking_changes(self, method: str | None, mark: tuple | None):
        """``ranking.Ranking.changes``: the notes the ranking re-placed since ``mark``,
        for a reader that follows it edit by edit (``plan.PlanIndex``)."""
        return self._indexes().ranking.changes(self, method or self._doc["scoring_method"],
                                               mark)

    def score_of(self, note: str, method: str | None = None) -> Score | None:
        """The note's score (its ``rank`` left 0), ``None`` if its kind is not ranked."""
        self._expect(note, S.NOTE)
        return self._indexes().ranking.score_of(self, note,
                                                method or self._doc["scoring_method"])

    def max_votes(self) -> int:
        """The most votes any rankable note has (the weighted method's scale), O(1)."""
        return self._indexes().ranking.max_votes()

    def personas_of(self, element: str) -> list[str]:
        return self._out(element, S.FOR_PERSONA)

    def emotion(self, touchpoint: str, persona: str = S.GENERAL) -> int | None:
        """The touchpoint's emotion for a persona, falling back to the general one."""
        table = self._expect(touchpoint, S.TOUCHPOINT)["emotions"]
        return table.get(persona, table.get(S.GENERAL))

    def snapshot(self) -> dict[str, Any]:
        """A plain, order-independent picture of the whole document, for comparing."""
        return {
            "document": copy_attrs(self._doc),
            "stage_order": list(self._stage_order),
            "nodes": {n: copy_attrs(a) for n, a in sorted(self._g.nodes(data=True))},
            "edges": sorted((u, v, k) for u, v, k in self._g.edges(data="kind")),
        }

    @contextlib.contextmanager
    def group(self, label: str) -> Iterator[list[Change]]:
        """Several edits as one: the ``Change`` is appended to the yielded list.

        If an edit inside fails, the ones before it are undone and the error goes on.
        """
        if self._group is not None:
            raise ModelError("Edits cannot be grouped inside a group.")
        self._group = ops = []
        out: list[Change] = []
        try:
            yield out
        except BaseException:
            self._group = None
            self.apply(Change(label, tuple(ops)).inverse())
            raise
        self._group = None
        change = Change(label, tuple(ops))
        self.events.emit(Event("journey_changed", change=change))
        out.append(change)

    def apply(self, change: Change) -> None:
        """Replay a recorded change (or its inverse): how undo and redo work."""
        if not change.ops:
            return  # nothing changed, so nothing to tell
        for op in change.ops:
            self._apply_op(op)
        for op in change.ops:
            self._emit_for(op)
        if self._group is not None:
            self._group.extend(change.ops)
        else:
            self.events.emit(Event("journey_changed", change=change))

    # ------------------------------------------------------------ internals
    def _commit(self, label: str, ops: list[Op], node_id: str | None = None) -> Change:
        change = Change(label, tuple(ops), node_id)
        self.apply(change)
        return change

    def _indexes(self) -> Indexes:
        ix = self._ix
        if ix is None:
            ix = self._ix = Indexes(self._nodes, self._g.edges(data="kind"),
                                    self._stage_order)
        return ix

    def _apply_op(self, op: Op) -> None:
        self._apply_to_graph(op)
        if self._ix is not None:
            self._ix.apply(op)

    def _apply_to_graph(self, op: Op) -> None:
        g = self._g
        if type(op) is SetNode:
            g.nodes[op.id].update(copy_attrs(op.new))
        elif type(op) is AddEdge:
            g.add_edge(op.source, op.target, kind=op.kind)
        elif type(op) is RemoveEdge:
            g.remove_edge(op.source, op.target)
        elif type(op) is AddNode:
            g.add_node(op.id, kind=op.kind, **copy_attrs(op.attrs))
            self._by_kind[op.kind][op.id] = None
        elif type(op) is RemoveNode:
            if g.degree(op.id):  # a bug in a cascade, not a user error
                raise AssertionError(f"node {op.id} removed with edges left")
            g.remove_node(op.id)
            del self._by_kind[op.kind][op.id]
        elif type(op) is SetStageOrder:
            self._stage_order = list(op.new)
        elif type(op) is SetDocument:
            self._doc.update(copy_attrs(op.new))

    def _emit_for(self, op: Op) -> None:
        t = type(op)
        if t is SetNode:
            event = Event(f"{op.kind}_changed", op.kind, op.id, keys=tuple(op.new))
        elif t is AddNode:
            event = Event(f"{op.kind}_added", op.kind, op.id)
        elif t is RemoveNode:
            event = Event(f"{op.kind}_removed", op.kind, op.id)
        elif t is AddEdge:
            event = Event(f"{op.kind}_added", op.kind, source=op.source, target=op.target)
        elif t is RemoveEdge:
            event = Event(f"{op.kind}_removed", op.kind, source=op.source, target=op.target)
        elif t is SetStageOrder:
            event = Event("stage_order_changed")
        else:
            event = Event("document_changed", keys=tuple(op.new))
        self.events.emit(event)

    # The adjacency views cost a dict walk; an edge view per call cost several times that.
    def _out(self, node_id: str, kind: str) -> list[str]:
        self._node(node_id)
        return [v for v, d in self._g.succ[node_id].items() if d.get("kind") == kind]

    def _in(self, node_id: str, kind: str) -> list[str]:
        self._node(node_id)
        return [u for u, d in self._g.pred[node_id].items() if d.get("kind") == kind]

    def _edge_kind(self, source: str, target: str) -> str | None:
        data = self._g.get_edge_data(source, target)
        return None if data is None else data["kind"]

    def _node(self, node_id: str) -> dict[str, Any]:
        try:
            return self._nodes[node_id]
        except (KeyError, TypeError):
            raise ModelError(f"There is no element with id {node_id!r:.60}.") from None

    def _expect(self, node_id: str, *kinds: str) -> dict[str, Any]:
        attrs = self._node(node_id)
        if attrs["kind"] not in kinds:
            wanted = " or ".join(kinds)
            raise ModelError(f"{self._name(node_id)} is a {attrs['kind']}, not a {wanted}.")
        return attrs

    def _name(self, node_id: str) -> str:
        attrs = self._g.nodes[node_id]
        label = KIND_LABEL[attrs["kind"]]
        title = attrs.get("title") or ""
        return f"{label} {title!r:.60}" if title else f"{label} {node_id}"

