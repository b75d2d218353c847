"""Customer feedback in the map, read and edited: the evidence behind pain points.

A feedback item is a node of kind ``feedback`` (a survey answer, an e-mail: its date,
source, text and scores).  It ``concerns`` at most one touchpoint (none: unmatched,
waiting for the user to say which), and a note ``cites`` the items it was made from,
so "12 customers wrote about this" is counted, not typed.  Importing a file adds all
its items as one edit: one undo step takes the whole import back.

Removing a touchpoint leaves its feedback unmatched (what customers wrote stays);
removing an item removes it from the notes that cite it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from . import schema as S
from .changes import AddEdge, AddNode, Change, Op, RemoveEdge
from .errors import ModelError

if TYPE_CHECKING:
    import networkx as nx


class FeedbackEdits:
    """Reading and editing feedback items and their citations (a mixin of
    ``JourneyMap``)."""

    _g: "nx.DiGraph"
    _by_kind: dict[str, dict[str, None]]

    # -------------------------------------------------------------- reading
    def feedback_items(self) -> list[str]:
        """Every feedback item, in the order they were added."""
        return list(self._by_kind[S.FEEDBACK])

    def feedback_on(self, tp: str) -> list[str]:
        """The items about a touchpoint, in O(its links)."""
        self._expect(tp, S.TOUCHPOINT)  # type: ignore[attr-defined]
        return self._in(tp, S.CONCERNS)  # type: ignore[attr-defined]

    def touchpoint_of_item(self, item: str) -> str | None:
        """The touchpoint an item is about, or ``None`` while it is unmatched."""
        self._expect(item, S.FEEDBACK)  # type: ignore[attr-defined]
        found = self._out(item, S.CONCERNS)  # type: ignore[attr-defined]
        return found[0] if found else None

    def cited_items(self, note: str) -> list[str]:
        """The feedback items a note was made from (its evidence)."""
        self._expect(note, S.NOTE)  # type: ignore[attr-defined]
        return self._out(note, S.CITES)  # type: ignore[attr-defined]

    def citing_notes(self, item: str) -> list[str]:
        self._expect(item, S.FEEDBACK)  # type: ignore[attr-defined]
        return self._in(item, S.CITES)  # type: ignore[attr-defined]

    # -------------------------------------------------------------- editing
    def add_feedback(self, items: Iterable[Mapping[str, Any]],
                     label: str = "Import feedback") -> Change:
        """Add items as one edit.  Each is a table of feedback fields, plus optionally
        ``"touchpoint"`` (the id it concerns) and ``"id"``; ``change.id`` is
        ``None``; the new ids are the change's added nodes, in order."""
        ops: list[Op] = []
        fresh: set[str] = set()
        count = len(self._by_kind[S.FEEDBACK])
        for n, given in enumerate(items, 1):
            fields = dict(given)
            tp = fields.pop("touchpoint", None)
            node_id = self._fresh_id(fields.pop("id", None))  # type: ignore[attr-defined]
            if node_id in fresh:
                raise ModelError(f"Feedback item {n}: the id {node_id!r:.60} is used twice.")
            fresh.add(node_id)
            if count + len(fresh) > S.MAX_FEEDBACK:
                raise ModelError(f"A map may keep at most {S.MAX_FEEDBACK:,} feedback "
                                 f"items; it has {count:,}.")
            try:
                attrs = self._new_attrs(S.FEEDBACK, fields)  # type: ignore[attr-defined]
            except ModelError as exc:
                raise ModelError(f"Feedback item {n}: {exc}") from None
            ops.append(AddNode(node_id, S.FEEDBACK, attrs))
            if tp is not None:
                self._expect(tp, S.TOUCHPOINT)  # type: ignore[attr-defined]
                ops.append(AddEdge(node_id, tp, S.CONCERNS))
        return self._commit(label, ops)  # type: ignore[attr-defined]

    def assign_feedback(self, items: Iterable[str], tp: str | None) -> Change:
        """Say which touchpoint some items are about (``None``: unmatched again)."""
        if tp is not None:
            self._expect(tp, S.TOUCHPOINT)  # type: ignore[attr-defined]
        ops: list[Op] = []
        for item in dict.fromkeys(items):
            current = self.touchpoint_of_item(item)
            if current == tp:
                continue
            if current is not None:
                ops.append(RemoveEdge(item, current, S.CONCERNS))
            if tp is not None:
                ops.append(AddEdge(item, tp, S.CONCERNS))
        return self._commit("Assign feedback", ops)  # type: ignore[attr-defined]

    def note_from_feedback(self, items: Iterable[str], note_kind: str, title: str,
                           on: str | None = None, **fields: Any) -> Change:
        """A note (pain point, opportunity, insight...) made from feedback items, citing
        them, as one edit.  Without ``on`` it is about the touchpoint all the items
        share, if they share one."""
        items = list(dict.fromkeys(items))
        if not items:
            raise ModelError("Choose at least one feedback item to make a note from.")
        targets = {self.touchpoint_of_item(item) for item in items}
        if on is None and len(targets) == 1:
            on = targets.pop()
        with self.group("Note from feedback") as changes:  # type: ignore[attr-defined]
            note = self.add_note(note_kind, title, on, **fields).id  # type: ignore
            self.cite_feedback(note, items)
        return replace(changes[0], id=note)

    def cite_feedback(self, note: str, items: Iterable[str]) -> Change:
        """Add items to a note's evidence."""
        self._expect(note, S.NOTE)  # type: ignore[attr-defined]
        ops: list[Op] = []
        for item in dict.fromkeys(items):
            self._expect(item, S.FEEDBACK)  # type: ignore[attr-defined]
            if not self._g.has_edge(note, item):
                ops.append(AddEdge(note, item, S.CITES))
        return self._commit("Cite feedback", ops, note)  # type: ignore[attr-defined]

    def uncite_feedback(self, note: str, item: str) -> Change:
        ops: list[Op] = []
        if self._edge_kind(note, item) == S.CITES:  # type: ignore[attr-defined]
            ops.append(RemoveEdge(note, item, S.CITES))
        return self._commit("Uncite feedback", ops, note)  # type: ignore[attr-defined]

    # ------------------------------------------------------------ snapshots
    def snapshots(self) -> list[str]:
        """The map's snapshots, oldest first."""
        nodes = self._g.nodes
        return sorted(self._by_kind[S.SNAPSHOT], key=lambda n: (nodes[n]["taken"], n))

    def snapshot_named(self, name: str) -> str | None:
        """The latest snapshot called ``name`` (names are compared as typed)."""
        nodes = self._g.nodes
        found = [n for n in self.snapshots() if nodes[n]["title"] == name]
        return found[-1] if found else None

    def add_snapshot(self, name: str, taken: str, record: Mapping[str, Any], *,
                     id: str | None = None) -> Change:
        """Keep a review's record (``model/snapshots.py`` makes it) under a name."""
        if not isinstance(name, str) or not name.strip():
            raise ModelError("A snapshot needs a name.")
        if len(self._by_kind[S.SNAPSHOT]) >= S.MAX_SNAPSHOTS:
            raise ModelError(f"A map may keep at most {S.MAX_SNAPSHOTS} snapshots; remove "
                             "an old one first.")
        node_id = self._fresh_id(id)  # type: ignore[attr-defined]
        attrs = self._new_attrs(S.SNAPSHOT, {"title": name.strip(), "taken": taken,  # type: ignore
                                             "record": dict(record)})
        return self._commit("Take snapshot", [AddNode(node_id, S.SNAPSHOT, attrs)],  # type: ignore
                            node_id)
