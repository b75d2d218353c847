"""The edits of a journey: every mutating method of ``JourneyMap`` and the cascades
and checks they share, split from ``journey.py`` (which keeps reading, applying and the
indexes).  ``JourneyMap`` inherits them from ``JourneyEdits``; the rules the cascades
follow are in ``journey.py``'s docstring.

Each method checks its input, builds the primitive operations, and hands them to
``_commit`` (in ``journey.py``), which applies them and tells the subscribers.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from . import schema as S
from .changes import (AddEdge, AddNode, Change, Op, RemoveEdge, RemoveNode, SetDocument,
                      SetNode, SetStageOrder)
from .errors import ModelError

if TYPE_CHECKING:
    import networkx as nx

KIND_LABEL = {S.STAGE: "Stage", S.TOUCHPOINT: "Touchpoint", S.NOTE: "Note",
              S.PERSONA: "Persona", S.ACTION: "Action", S.LANE: "Lane",
              S.FEEDBACK: "Feedback item", S.SNAPSHOT: "Snapshot"}
MAX_ID = 200


def new_id() -> str:
    return str(uuid.uuid4())


def copy_value(value: Any) -> Any:
    return copy.deepcopy(value) if isinstance(value, (dict, list)) else value


def copy_attrs(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {k: copy_value(v) for k, v in attrs.items()}



class JourneyEdits:
    """The mutating half of ``JourneyMap`` (a mixin: it reads through the core's
    ``_g``, ``_node``, ``_expect``, ``_name``, ``_in``, ``_commit``...)."""

    _g: "nx.DiGraph"
    _stage_order: list[str]
    _doc: dict[str, Any]

    # ------------------------------------------------------------- document
    def set_document(self, **fields: Any) -> Change:
        new = {k: self._check_document_field(k, v) for k, v in fields.items()}
        old = {k: self._doc[k] for k in new}
        changed = {k: v for k, v in new.items() if old[k] != v}
        ops: list[Op] = []
        if changed:
            ops.append(SetDocument({k: old[k] for k in changed}, changed))
        return self._commit("Edit map details", ops)

    def touch_timestamps(self, created: str | None, modified: str) -> None:
        """Record save times.  Not an edit: nothing to undo, and no event."""
        if created is not None:
            self._doc["created"] = S.iso_datetime(created)
        self._doc["modified"] = S.iso_datetime(modified)

    # --------------------------------------------------------------- stages
    def add_stage(self, title: str = "", index: int | None = None, *, id: str | None = None,
                  **fields: Any) -> Change:
        node_id = self._fresh_id(id)
        attrs = self._new_attrs(S.STAGE, dict(fields, title=title))
        order = list(self._stage_order)
        order.insert(len(order) if index is None else self._index(index, len(order)), node_id)
        ops: list[Op] = [AddNode(node_id, S.STAGE, attrs),
                         SetStageOrder(tuple(self._stage_order), tuple(order))]
        return self._commit("Add stage", ops, node_id)

    def move_stage(self, stage: str, index: int) -> Change:
        self._expect(stage, S.STAGE)
        order = [s for s in self._stage_order if s != stage]
        order.insert(self._index(index, len(order)), stage)
        ops: list[Op] = []
        if order != self._stage_order:
            ops.append(SetStageOrder(tuple(self._stage_order), tuple(order)))
        return self._commit("Move stage", ops, stage)

    def remove_stage(self, stage: str, move_to: str | None = None) -> Change:
        """Remove a stage; its touchpoints go with it, or to ``move_to`` if given."""
        self._expect(stage, S.STAGE)
        if move_to is None:
            return self.remove_many([stage])
        self._expect(move_to, S.STAGE)
        if move_to == stage:
            raise ModelError("A stage cannot hand its touchpoints to itself.")
        ops: list[Op] = []
        for tp in self.touchpoints_in(stage):
            ops += [RemoveEdge(tp, stage, S.IN_STAGE), AddEdge(tp, move_to, S.IN_STAGE)]
        gone = set(self.touchpoints_in(stage))  # they move, so the stage's edges to them go
        ops += self._remove_stage_ops(stage, gone, keep_touchpoints=True)
        ops.append(self._stage_order_without({stage}))
        return self._commit("Remove stage", self._settle(ops), stage)

    # ---------------------------------------------------------- touchpoints
    def add_touchpoint(self, stage: str, title: str = "", *, flow_from: str | None = None,
                       id: str | None = None, **fields: Any) -> Change:
        """Add a touchpoint to a stage; ``flow_from`` also joins it after that one."""
        self._expect(stage, S.STAGE)
        if flow_from is not None:
            self._expect(flow_from, S.TOUCHPOINT)
        node_id = self._fresh_id(id)
        attrs = self._new_attrs(S.TOUCHPOINT, dict(fields, title=title))
        self._check_emotion_keys(attrs["emotions"])
        self._check_lane_keys(attrs["cells"])
        self._check_lane_keys(attrs["marks"])
        ops: list[Op] = [AddNode(node_id, S.TOUCHPOINT, attrs),
                         AddEdge(node_id, stage, S.IN_STAGE)]
        if flow_from is not None:
            ops.append(AddEdge(flow_from, node_id, S.FLOW))
        return self._commit("Add touchpoint", ops, node_id)

    def move_touchpoints(self, moves: Iterable[tuple[str, str | None, float, float]]) -> Change:
        """Move touchpoints, as one edit: each ``(id, stage or None to keep, x, y)``."""
        ops: list[Op] = []
        seen: set[str] = set()
        for tp, stage, x, y in moves:
            attrs = self._expect(tp, S.TOUCHPOINT)
            if tp in seen:  # a second entry would be planned against the stale stage
                raise ModelError(f"{self._name(tp)} is listed twice in one move.")
            seen.add(tp)
            new = self._checked(tp, S.TOUCHPOINT, {"x": x, "y": y})
            if new["x"] != attrs["x"] or new["y"] != attrs["y"]:
                ops.append(SetNode(tp, S.TOUCHPOINT, {"x": attrs["x"], "y": attrs["y"]}, new))
            if stage is not None:
                self._expect(stage, S.STAGE)
                current = self.stage_of(tp)
                if stage != current:
                    ops += [RemoveEdge(tp, current, S.IN_STAGE), AddEdge(tp, stage, S.IN_STAGE)]
        return self._commit("Move touchpoints", ops)

    def move_touchpoint(self, tp: str, x: float, y: float, stage: str | None = None) -> Change:
        return self.move_touchpoints([(tp, stage, x, y)])

    def remove_touchpoint(self, tp: str, bridge: bool = False) -> Change:
        self._expect(tp, S.TOUCHPOINT)
        ops = self._remove_touchpoint_ops(tp, bridge, gone=set())
        return self._commit("Remove touchpoint", self._settle(ops), tp)

    def set_emotion(self, tp: str, value: int | None, persona: str = S.GENERAL) -> Change:
        """Set (or with ``None`` clear) a touchpoint's emotion for a persona."""
        table = dict(self._expect(tp, S.TOUCHPOINT)["emotions"])
        if value is None:
            table.pop(persona, None)
        else:
            table[persona] = value
        return self.set_fields(tp, emotions=table)

    # ---------------------------------------------------------------- flows
    def add_flow(self, source: str, target: str) -> Change:
        self._expect(source, S.TOUCHPOINT)
        self._expect(target, S.TOUCHPOINT)
        if source == target:
            raise ModelError("A touchpoint cannot flow into itself.")
        if self._g.has_edge(source, target):
            raise ModelError(f"There is already a flow from {self._name(source)} "
                             f"to {self._name(target)}.")
        return self._commit("Connect touchpoints", [AddEdge(source, target, S.FLOW)])

    def remove_flow(self, source: str, target: str) -> Change:
        if self._edge_kind(source, target) != S.FLOW:
            raise ModelError(f"There is no flow from {source!r:.60} to {target!r:.60}.")
        return self._commit("Remove flow", [RemoveEdge(source, target, S.FLOW)])

    # ---------------------------------------------------------------- notes
    def add_note(self, note_kind: str, title: str = "", on: str | None = None, *,
                 id: str | None = None, **fields: Any) -> Change:
        """Add a note about a touchpoint or stage (``on``), or about the whole map."""
        if on is not None:
            self._expect(on, S.TOUCHPOINT, S.STAGE)
        node_id = self._fresh_id(id)
        attrs = self._new_attrs(S.NOTE, dict(fields, title=title, note_kind=note_kind))
        ops: list[Op] = [AddNode(node_id, S.NOTE, attrs)]
        if on is not None:
            ops.append(AddEdge(node_id, on, S.ABOUT))
        return self._commit("Add note", ops, node_id)

    def attach_note(self, note: str, on: str | None) -> Change:
        current = self.target_of(note)
        if on is not None:
            self._expect(on, S.TOUCHPOINT, S.STAGE)
        ops: list[Op] = []
        if on != current:
            if current is not None:
                ops.append(RemoveEdge(note, current, S.ABOUT))
            if on is not None:
                ops.append(AddEdge(note, on, S.ABOUT))
        return self._commit("Attach note", ops, note)

    def add_votes(self, note: str, count: int = 1) -> Change:
        votes = self._expect(note, S.NOTE)["votes"]
        return self.set_fields(note, votes=votes + count)

    # ------------------------------------------------------------- personas
    def add_persona(self, title: str = "", persona_kind: str = "new", *, id: str | None = None,
                    **fields: Any) -> Change:
        node_id = self._fresh_id(id)
        if node_id == S.GENERAL:
            raise ModelError(f"{S.GENERAL!r} is reserved and cannot be a persona's id.")
        attrs = self._new_attrs(S.PERSONA, dict(fields, title=title, persona_kind=persona_kind))
        return self._commit("Add persona", [AddNode(node_id, S.PERSONA, attrs)], node_id)

    def assign_persona(self, element: str, persona: str) -> Change:
        self._expect(element, S.TOUCHPOINT, S.NOTE, S.ACTION)
        self._expect(persona, S.PERSONA)
        ops: list[Op] = []
        if not self._g.has_edge(element, persona):
            ops.append(AddEdge(element, persona, S.FOR_PERSONA))
        return self._commit("Assign persona", ops, element)

    def unassign_persona(self, element: str, persona: str) -> Change:
        ops: list[Op] = []
        if self._edge_kind(element, persona) == S.FOR_PERSONA:
            ops.append(RemoveEdge(element, persona, S.FOR_PERSONA))
        return self._commit("Unassign persona", ops, element)

    # -------------------------------------------------------------- actions
    def add_action(self, title: str = "", parent: str | None = None, *,
                   addresses: Iterable[str] = (), id: str | None = None,
                   **fields: Any) -> Change:
        """Add an action (under ``parent`` as a sub-action), addressing some notes.

        Without an explicit ``order`` it goes after its last sibling.
        """
        if parent is not None:
            self._expect(parent, S.ACTION)
            if self._depth(parent) + 1 >= S.MAX_ACTION_DEPTH:
                raise ModelError(f"Sub-actions may nest at most {S.MAX_ACTION_DEPTH} deep.")
        notes = list(dict.fromkeys([addresses] if isinstance(addresses, str) else addresses))
        for note in notes:
            self._expect(note, S.NOTE)
        node_id = self._fresh_id(id)
        if "order" not in fields:
            # The last sibling from the index: listing them all (10,000 top-level
            # actions on a large map) made every new action O(n).
            last = self.last_child_order(parent)
            fields["order"] = 0 if last is None else last + 1
        attrs = self._new_attrs(S.ACTION, dict(fields, title=title))
        ops: list[Op] = [AddNode(node_id, S.ACTION, attrs)]
        if parent is not None:
            ops.append(AddEdge(node_id, parent, S.CHILD_OF))
        ops += [AddEdge(node_id, note, S.ADDRESSES) for note in notes]
        return self._commit("Add action", ops, node_id)

    def nest_action(self, action: str, parent: str | None, index: int | None = None) -> Change:
        """Put an action under another (or at the top level), at a place among siblings."""
        self._expect(action, S.ACTION)
        if parent is not None:
            self._expect(parent, S.ACTION)
            walk: str | None = parent
            while walk is not None:
                if walk == action:
                    raise ModelError(f"{self._name(action)} cannot become a sub-action "
                                     "of itself or of its own sub-actions.")
                walk = self.parent_of(walk)
            if self._depth(parent) + 1 + self._height(action) >= S.MAX_ACTION_DEPTH:
                raise ModelError(f"Sub-actions may nest at most {S.MAX_ACTION_DEPTH} deep.")
        ops: list[Op] = []
        current = self.parent_of(action)
        if current != parent:
            if current is not None:
                ops.append(RemoveEdge(action, current, S.CHILD_OF))
            if parent is not None:
                ops.append(AddEdge(action, parent, S.CHILD_OF))
        siblings = [a for a in self.children_of(parent) if a != action]
        siblings.insert(len(siblings) if index is None else self._index(index, len(siblings)),
                        action)
        nodes = self._g.nodes
        for i, sibling in enumerate(siblings):
            if nodes[sibling]["order"] != i:
                ops.append(SetNode(sibling, S.ACTION, {"order": nodes[sibling]["order"]},
                                   {"order": i}))
        return self._commit("Move action", ops, action)

    def link_action(self, action: str, note: str) -> Change:
        self._expect(action, S.ACTION)
        self._expect(note, S.NOTE)
        ops: list[Op] = []
        if not self._g.has_edge(action, note):
            ops.append(AddEdge(action, note, S.ADDRESSES))
        return self._commit("Link action", ops, action)

    def unlink_action(self, action: str, note: str) -> Change:
        ops: list[Op] = []
        if self._edge_kind(action, note) == S.ADDRESSES:
            ops.append(RemoveEdge(action, note, S.ADDRESSES))
        return self._commit("Unlink action", ops, action)

    # -------------------------------------------------------------- generic
    def set_fields(self, node_id: str, **fields: Any) -> Change:
        """Change fields of any element; only the ones that differ are recorded."""
        attrs = self._node(node_id)
        kind = attrs["kind"]
        new = self._checked(node_id, kind, fields)
        if kind == S.TOUCHPOINT:
            if "emotions" in new:
                self._check_emotion_keys(new["emotions"])
            for name in ("cells", "marks"):
                if name in new:
                    self._check_lane_keys(new[name])
        changed = {k: v for k, v in new.items() if attrs.get(k) != v}
        ops: list[Op] = []
        if changed:
            ops.append(SetNode(node_id, kind, {k: copy_value(attrs[k]) for k in changed},
                               changed))
        return self._commit(f"Edit {kind}", ops, node_id)

    def rename(self, node_id: str, title: str) -> Change:
        return self.set_fields(node_id, title=title)

    def remove(self, node_id: str) -> Change:
        """Remove any element, cascading as the module documents."""
        return self.remove_many([node_id])

    def remove_many(self, ids: Iterable[str]) -> Change:
        """Remove several elements as one edit (a deleted selection)."""
        ids = list(dict.fromkeys(ids))
        for node_id in ids:
            self._node(node_id)
        ops: list[Op] = []
        gone: set[str] = set()
        # Stages first, so a removed stage's touchpoints are not removed twice.
        rank = {S.STAGE: 0, S.TOUCHPOINT: 1, S.ACTION: 2, S.NOTE: 3, S.PERSONA: 4, S.LANE: 5,
                S.FEEDBACK: 6, S.SNAPSHOT: 7}
        for node_id in sorted(ids, key=lambda n: rank[self._g.nodes[n]["kind"]]):
            if node_id in gone:
                continue
            kind = self._g.nodes[node_id]["kind"]
            if kind == S.STAGE:
                ops += self._remove_stage_ops(node_id, gone, keep_touchpoints=False)
            elif kind == S.TOUCHPOINT:
                ops += self._remove_touchpoint_ops(node_id, False, gone)
            elif kind == S.ACTION:
                for action in self._subtree(node_id):
                    if action not in gone:
                        ops += self._remove_node_ops(action)
                        gone.add(action)
            elif kind == S.PERSONA:
                ops += self._remove_persona_ops(node_id, gone)
            elif kind == S.LANE:
                ops += self._remove_lane_ops(node_id, gone) + self._remove_node_ops(node_id)
            else:
                ops += self._remove_node_ops(node_id)
            gone.add(node_id)
        if gone & set(self._stage_order):
            ops.append(self._stage_order_without(gone))
        return self._commit("Delete", self._settle(ops), ids[0] if len(ids) == 1 else None)

    # ------------------------------------------------------------ cascades
    def _remove_node_ops(self, node_id: str, skip: set[str] = frozenset()) -> list[Op]:
        """Ops removing a node with every edge it has, but edges to nodes in ``skip``.

        Edges listed twice by overlapping cascades are dropped later by ``_settle``.
        """
        g = self._g
        ops: list[Op] = []
        for u, v, kind in list(g.in_edges(node_id, data="kind")) + list(
                g.out_edges(node_id, data="kind")):
            if (v if u == node_id else u) not in skip:
                ops.append(RemoveEdge(u, v, kind))
        attrs = copy_attrs(g.nodes[node_id])
        kind = attrs.pop("kind")
        ops.append(RemoveNode(node_id, kind, attrs))
        return ops

    def _remove_touchpoint_ops(self, tp: str, bridge: bool, gone: set[str]) -> list[Op]:
        if tp in gone:
            return []
        gone.add(tp)
        ops: list[Op] = []
        if bridge:
            before, after = self.flows_into(tp), self.flows_from(tp)
            for u in before:
                for v in after:
                    if u != v and not self._g.has_edge(u, v):
                        ops.append(AddEdge(u, v, S.FLOW))
        for note in self._in(tp, S.ABOUT):
            if note not in gone:
                ops += self._remove_node_ops(note)
                gone.add(note)
        return ops + self._remove_node_ops(tp)

    def _remove_stage_ops(self, stage: str, gone: set[str], keep_touchpoints: bool) -> list[Op]:
        ops: list[Op] = []
        if not keep_touchpoints:
            for tp in self.touchpoints_in(stage):
                ops += self._remove_touchpoint_ops(tp, False, gone)
        for note in self._in(stage, S.ABOUT):
            if note not in gone:
                ops += self._remove_node_ops(note)
                gone.add(note)
        skip = gone if keep_touchpoints else set()
        return ops + self._remove_node_ops(stage, skip)

    def _remove_persona_ops(self, persona: str, gone: set[str]) -> list[Op]:
        ops: list[Op] = []
        nodes = self._g.nodes
        # Personas removed earlier in the same edit are already out of the tables.
        earlier = {p for p in gone if nodes[p]["kind"] == S.PERSONA}
        for tp in self._by_kind[S.TOUCHPOINT]:
            if tp in gone:
                continue
            table = nodes[tp]["emotions"]
            if persona in table:
                old = {k: v for k, v in table.items() if k not in earlier}
                kept = {k: v for k, v in old.items() if k != persona}
                ops.append(SetNode(tp, S.TOUCHPOINT, {"emotions": old}, {"emotions": kept}))
        return ops + self._remove_node_ops(persona)

    def _settle(self, ops: list[Op]) -> list[Op]:
        """Drop repeated edge removals that overlapping cascades produce.

        Removing two neighbouring touchpoints lists their shared flow twice; the
        graph must see it removed once.  Order is kept.
        """
        seen: set[tuple[str, str]] = set()
        out: list[Op] = []
        for op in ops:
            if type(op) is RemoveEdge:
                key = (op.source, op.target)
                if key in seen:
                    continue
                seen.add(key)
            elif type(op) is AddEdge:
                seen.discard((op.source, op.target))
            out.append(op)
        return out

    def _stage_order_without(self, gone: set[str]) -> SetStageOrder:
        return SetStageOrder(tuple(self._stage_order),
                             tuple(s for s in self._stage_order if s not in gone))

    def _subtree(self, action: str) -> list[str]:
        """The action's sub-actions, deepest first, then the action itself."""
        out: list[str] = []
        for child in self._in(action, S.CHILD_OF):
            out += self._subtree(child)
        return out + [action]

    def _depth(self, action: str) -> int:
        depth, walk = 0, self.parent_of(action)
        while walk is not None:
            depth, walk = depth + 1, self.parent_of(walk)
        return depth

    def _height(self, action: str) -> int:
        kids = self._in(action, S.CHILD_OF)
        return 1 + max((self._height(k) for k in kids), default=0) if kids else 0

    # -------------------------------------------------------------- checks
    def _fresh_id(self, node_id: str | None) -> str:
        if node_id is None:
            return new_id()
        if type(node_id) is not str or not node_id or len(node_id) > MAX_ID:
            raise ModelError(f"An id must be text of 1 to {MAX_ID} characters "
                             f"(got {node_id!r:.60}).")
        if node_id in self._g:
            raise ModelError(f"The id {node_id!r:.60} is already used.")
        return node_id

    def _checked(self, node_id: str | None, kind: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        table = S.FIELD_BY_NAME[kind]
        out = {}
        who = self._name(node_id) if node_id in self._g else KIND_LABEL[kind]
        for name, value in fields.items():
            spec = table.get(name)
            if spec is None:
                raise ModelError(f"{who}: there is no field {name!r:.60} on a {kind}.")
            try:
                # A copy, so the recorded change never shares a table with the caller.
                out[name] = copy_value(spec.check(value))
            except ValueError as exc:
                raise ModelError(f"{who}: {name} {exc}.") from None
        return out

    def _new_attrs(self, kind: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        attrs = S.defaults(kind)
        attrs.update(self._checked(None, kind, fields))
        return attrs

    def _check_emotion_keys(self, table: Mapping[str, Any]) -> None:
        for key in table:
            if key != S.GENERAL and self._g.nodes.get(key, {}).get("kind") != S.PERSONA:
                raise ModelError(f"Emotion given for {key!r:.60}, which is not a persona "
                                 f"of this map (use {S.GENERAL!r} for any customer).")

    def _check_document_field(self, key: str, value: Any) -> Any:
        spec = S.DOCUMENT_FIELD_BY_NAME.get(key)
        if spec is None:
            raise ModelError(f"There is no map detail called {key!r:.60}.")
        try:
            return spec.check(value)
        except ValueError as exc:
            raise ModelError(f"Map {key} {exc}.") from None

    @staticmethod
    def _index(index: int, length: int) -> int:
        if type(index) is not int:
            raise ModelError(f"A position must be a whole number (got {index!r:.40}).")
        return max(0, min(index, length))
