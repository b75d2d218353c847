"""Derived data the journey keeps up to date edit by edit, instead of finding it again by
scanning the graph (issue 10: at 5,000 touchpoints one edit cost 68,000 adjacency walks).

``Indexes`` is built from the graph the first time it is asked for (so loading a map
pays nothing for it) and from then on is told every primitive operation the journey
applies, after the graph has taken it: an edit, its undo and its redo are all
sequences of the same primitive operations, so all three keep it right with no other
bookkeeping.  It never changes the graph.

Orders match the scans they replace exactly (tests/test_model_indexes.py checks it
against from-scratch versions after random edits, undos and redos):

* touchpoints of a stage, by (x, y, id): the reading order of ``touchpoints_in``;
* notes about a target (``None``: the whole map), by (kind, title, id);
* sub-actions of an action (``None``: the top level), by (order, id).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Mapping
from typing import Any

from . import schema as S
from .changes import AddEdge, AddNode, Op, RemoveEdge, RemoveNode, SetNode, SetStageOrder
from .ranking import RANKED_KINDS, SCORE_KEYS, Ranking

NOTE_KIND_ORDER = {k: i for i, k in enumerate(S.NOTE_KINDS)}


def touchpoint_key(tp: str, attrs: Mapping[str, Any]) -> tuple:
    return (attrs["x"], attrs["y"], tp)


def note_key(note: str, attrs: Mapping[str, Any]) -> tuple:
    return (NOTE_KIND_ORDER[attrs["note_kind"]], attrs["title"], note)


def action_key(action: str, attrs: Mapping[str, Any]) -> tuple:
    return (attrs["order"], action)


class SortedGroups:
    """Members split into groups, each group a list of sort keys kept sorted.

    A key ends with its member's id, so keys are unique and a member is found by
    bisection: placing, removing or re-keying one member is O(log n) comparisons plus
    one list shift (a ``memmove``), and reading a group is a copy of it.
    """

    __slots__ = ("_groups", "_where")

    def __init__(self) -> None:
        self._groups: dict[Any, list[tuple]] = {}
        self._where: dict[str, tuple[Any, tuple]] = {}  # member -> (group, key)

    @classmethod
    def built(cls, where: dict[str, tuple[Any, tuple]]) -> "SortedGroups":
        """All at once, one sort per group: O(n log n) rather than n insertions."""
        out = cls()
        out._where = where
        groups = out._groups
        for group, key in where.values():
            groups.setdefault(group, []).append(key)
        for keys in groups.values():
            keys.sort()
        return out

    def __contains__(self, member: object) -> bool:
        return member in self._where

    def place(self, member: str, group: Any, key: tuple) -> None:
        self.remove(member)
        self._where[member] = (group, key)
        keys = self._groups.get(group)
        if keys is None:
            self._groups[group] = [key]
        else:
            insort(keys, key)

    def remove(self, member: str) -> None:
        old = self._where.pop(member, None)
        if old is None:
            return
        group, key = old
        keys = self._groups[group]
        del keys[bisect_left(keys, key)]
        if not keys:
            del self._groups[group]  # so a removed stage or action leaves nothing behind

    def move(self, member: str, group: Any) -> None:
        self.place(member, group, self._where[member][1])

    def rekey(self, member: str, key: tuple) -> None:
        self.place(member, self._where[member][0], key)

    def group_of(self, member: str) -> Any:
        return self._where[member][0]

    def key_of(self, member: str) -> tuple:
        return self._where[member][1]

    def members(self, group: Any) -> list[str]:
        return [key[-1] for key in self._groups.get(group, ())]

    def count(self, group: Any) -> int:
        return len(self._groups.get(group, ()))

    def place_of(self, member: str) -> int:
        """The member's 0-based place in its group, by bisection."""
        group, key = self._where[member]
        return bisect_left(self._groups[group], key)

    def last_key(self, group: Any) -> tuple | None:
        keys = self._groups.get(group)
        return keys[-1] if keys else None


class Indexes:
    """Everything the journey's read methods used to rebuild by scanning, kept current."""

    def __init__(self, nodes: Mapping[str, Mapping[str, Any]],
                 edges: Iterable[tuple[str, str, str]], stage_order: list[str]) -> None:
        tps: dict[str, tuple[Any, tuple]] = {}
        notes: dict[str, tuple[Any, tuple]] = {}
        actions: dict[str, tuple[Any, tuple]] = {}
        self.note_kinds: dict[str, dict[str, None]] = {k: {} for k in S.NOTE_KINDS}
        for node, attrs in nodes.items():
            kind = attrs["kind"]
            if kind == S.TOUCHPOINT:
                tps[node] = (None, touchpoint_key(node, attrs))
            elif kind == S.NOTE:
                notes[node] = (None, note_key(node, attrs))
                self.note_kinds[attrs["note_kind"]][node] = None
            elif kind == S.ACTION:
                actions[node] = (None, action_key(node, attrs))
        for source, target, kind in edges:
            table = {S.IN_STAGE: tps, S.ABOUT: notes, S.CHILD_OF: actions}.get(kind)
            if table is not None:
                table[source] = (target, table[source][1])
        # group None: a touchpoint between two operations of one move (never seen by a
        # reader), a note about the whole map, a top-level action.
        self.touchpoints = SortedGroups.built(tps)
        self.notes = SortedGroups.built(notes)
        self.actions = SortedGroups.built(actions)
        self.stage_pos = {s: i for i, s in enumerate(stage_order)}
        # The ranking's tie-break needs the stages' relative order only; labels that
        # keep it (see ``relabel_stages``) let a stage added or moved re-rank only its
        # own notes, where places by index would shift every later stage's notes.
        self.stage_label = {s: float(i) for i, s in enumerate(stage_order)}
        self._nodes = nodes
        self.ranking = Ranking(self)

    # ---------------------------------------------------------------- reading
    def notes_of_stage(self, stage: str) -> list[str]:
        """Notes about the stage or about any of its touchpoints."""
        out = self.notes.members(stage)
        for tp in self.touchpoints.members(stage):
            out += self.notes.members(tp)
        return out

    def stages_of_notes(self, notes: Iterable[str]) -> list[str | None]:
        """The stage each note belongs to (``None``: map-wide), one dict look-up or two
        a note: the plan asks it of every ranked note after every edit."""
        note_at, tp_at, stages = self.notes._where, self.touchpoints._where, self.stage_pos
        out: list[str | None] = []
        for note in notes:
            target = note_at[note][0]
            out.append(target if target is None or target in stages else tp_at[target][0])
        return out

    def position(self, note: str) -> tuple:
        """Where a note sits along the journey, comparing as scoring's documented
        tie-break does (map-wide first, then by stage, the stage itself before its
        touchpoints, those in reading order) without numbering every touchpoint: a
        touchpoint's own reading key stands for its place, so moving one card changes
        the position of its own notes only."""
        target = self.notes.group_of(note)
        if target is None:
            return (0, 0.0, 0, ())
        if target in self.stage_pos:
            return (1, self.stage_label[target], 0, ())
        stage = self.touchpoints.group_of(target)
        return (1, self.stage_label[stage], 1, self.touchpoints.key_of(target))

    # -------------------------------------------------------------- updating
    def apply(self, op: Op) -> None:
        """Follow one primitive operation the graph has just taken."""
        t = type(op)
        nodes = self._nodes
        if t is SetNode:
            keys = op.new
            if op.kind == S.TOUCHPOINT:
                if "x" in keys or "y" in keys:
                    self.touchpoints.rekey(op.id, touchpoint_key(op.id, nodes[op.id]))
                    self.ranking.touch(self.notes.members(op.id))
            elif op.kind == S.NOTE:
                attrs = nodes[op.id]
                if "note_kind" in keys:
                    del self.note_kinds[op.old["note_kind"]][op.id]
                    self.note_kinds[attrs["note_kind"]][op.id] = None
                if "title" in keys or "note_kind" in keys:
                    self.notes.rekey(op.id, note_key(op.id, attrs))
                if not SCORE_KEYS.isdisjoint(keys):
                    self.ranking.touch((op.id,))
                    if "votes" in keys or "note_kind" in keys:
                        # op.old holds only the changed fields: the rest are as now.
                        self.ranking.votes_changed(op.id, {**attrs, **op.old}, attrs)
            elif op.kind == S.ACTION and "order" in keys:
                self.actions.rekey(op.id, action_key(op.id, nodes[op.id]))
        elif t is AddEdge or t is RemoveEdge:
            group = op.target if t is AddEdge else None
            if op.kind == S.IN_STAGE:
                self.touchpoints.move(op.source, group)
                self.ranking.touch(self.notes.members(op.source))
            elif op.kind == S.ABOUT:
                self.notes.move(op.source, group)
                self.ranking.touch((op.source,))
            elif op.kind == S.CHILD_OF:
                self.actions.move(op.source, group)
        elif t is AddNode:
            if op.kind == S.TOUCHPOINT:
                self.touchpoints.place(op.id, None, touchpoint_key(op.id, op.attrs))
            elif op.kind == S.NOTE:
                self.notes.place(op.id, None, note_key(op.id, op.attrs))
                self.note_kinds[op.attrs["note_kind"]][op.id] = None
                self.ranking.touch((op.id,))
                self.ranking.votes_changed(op.id, None, op.attrs)
            elif op.kind == S.ACTION:
                self.actions.place(op.id, None, action_key(op.id, op.attrs))
        elif t is RemoveNode:
            if op.kind == S.TOUCHPOINT:
                self.touchpoints.remove(op.id)
            elif op.kind == S.NOTE:
                self.notes.remove(op.id)
                del self.note_kinds[op.attrs["note_kind"]][op.id]
                self.ranking.touch((op.id,))
                self.ranking.votes_changed(op.id, op.attrs, None)
            elif op.kind == S.ACTION:
                self.actions.remove(op.id)
        elif t is SetStageOrder:
            self.stage_pos = {s: i for i, s in enumerate(op.new)}
            # Only the notes of stages whose label changed move in the ranking: adding,
            # removing or moving one stage re-ranks that stage's notes at most.
            labels = relabel_stages(self.stage_label, op.new)
            for stage, label in labels.items():
                if self.stage_label.get(stage) != label:
                    self.ranking.touch(self.notes_of_stage(stage))
            self.stage_label = labels


def relabel_stages(old: dict[str, float], order: Iterable[str]) -> dict[str, float]:
    """Labels increasing along ``order`` that keep as many ``old`` labels as can be.

    The stages whose old labels already increase along the new order (the longest such
    run, found by patience sorting) keep them; the others, moved or new, get labels
    spaced between their kept neighbours.  When a gap has grown too fine for floats
    after many insertions at one place, every stage is numbered afresh."""
    order = list(order)
    kept = _longest_increasing([i for i, s in enumerate(order) if s in old],
                               [old[s] for s in order if s in old])
    labels: dict[str, float] = {}
    i = 0
    while i < len(order):
        if i in kept:
            labels[order[i]] = old[order[i]]
            i += 1
            continue
        j = i
        while j < len(order) and j not in kept:
            j += 1
        left = labels[order[i - 1]] if i > 0 else None
        right = old[order[j]] if j < len(order) else None
        run = j - i
        if left is None and right is None:
            values = [float(k) for k in range(run)]
        elif left is None:
            values = [right - (run - k) for k in range(run)]
        elif right is None:
            values = [left + k + 1 for k in range(run)]
        else:
            step = (right - left) / (run + 1)
            values = [left + step * (k + 1) for k in range(run)]
            if step <= abs(right) * 1e-9 or len(set(values)) < run:
                return {s: float(k) for k, s in enumerate(order)}
        for k in range(run):
            labels[order[i + k]] = values[k]
        i = j
    return labels


def _longest_increasing(places: list[int], values: list[float]) -> set[int]:
    """The places of a longest strictly increasing run of ``values`` (O(n log n))."""
    tails: list[float] = []
    tail_at: list[int] = []
    back: list[int] = [-1] * len(values)
    for k, value in enumerate(values):
        at = bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
            tail_at.append(k)
        else:
            tails[at] = value
            tail_at[at] = k
        back[k] = tail_at[at - 1] if at else -1
    out: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out.add(places[k])
        k = back[k]
    return out


__all__ = ["Indexes", "SortedGroups", "RANKED_KINDS", "action_key", "note_key",
           "touchpoint_key"]
