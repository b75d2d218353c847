"""Applied mutations as lists of primitive operations, each with an exact inverse.

Every high-level edit of a ``JourneyMap`` (remove a touchpoint with its notes and
flows, say) is recorded as a ``Change``: the primitive operations it performed, in
order.  ``change.inverse()`` undoes it exactly and ``JourneyMap.apply`` replays either,
which is all the editor's undo stack needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union


@dataclass(frozen=True, slots=True)
class AddNode:
    id: str
    kind: str
    attrs: dict[str, Any]

    def inverse(self) -> "RemoveNode":
        return RemoveNode(self.id, self.kind, self.attrs)


@dataclass(frozen=True, slots=True)
class RemoveNode:
    id: str
    kind: str
    attrs: dict[str, Any]

    def inverse(self) -> AddNode:
        return AddNode(self.id, self.kind, self.attrs)


@dataclass(frozen=True, slots=True)
class SetNode:
    id: str
    kind: str
    old: dict[str, Any]
    new: dict[str, Any]

    def inverse(self) -> "SetNode":
        return SetNode(self.id, self.kind, self.new, self.old)


@dataclass(frozen=True, slots=True)
class AddEdge:
    source: str
    target: str
    kind: str

    def inverse(self) -> "RemoveEdge":
        return RemoveEdge(self.source, self.target, self.kind)


@dataclass(frozen=True, slots=True)
class RemoveEdge:
    source: str
    target: str
    kind: str

    def inverse(self) -> AddEdge:
        return AddEdge(self.source, self.target, self.kind)


@dataclass(frozen=True, slots=True)
class SetStageOrder:
    old: tuple[str, ...]
    new: tuple[str, ...]

    def inverse(self) -> "SetStageOrder":
        return SetStageOrder(self.new, self.old)


@dataclass(frozen=True, slots=True)
class SetDocument:
    old: dict[str, Any]
    new: dict[str, Any]

    def inverse(self) -> "SetDocument":
        return SetDocument(self.new, self.old)


Op = Union[AddNode, RemoveNode, SetNode, AddEdge, RemoveEdge, SetStageOrder, SetDocument]


@dataclass(frozen=True)
class Change:
    """What one edit did.  ``id`` names the element it created or acted on, if one."""

    label: str
    ops: tuple[Op, ...]
    id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not self.ops

    def inverse(self) -> "Change":
        return Change(f"Undo {self.label}", tuple(op.inverse() for op in reversed(self.ops)),
                      self.id)


# Node and edge kinds that only customer feedback and review snapshots use: an edit of
# nothing else leaves the journey, its layout, plan and analysis as they were.
EVIDENCE_KINDS = frozenset({"feedback", "snapshot", "concerns", "cites"})


def evidence_only(change: Change) -> bool:
    """Whether a change touched only feedback items, citations and snapshots, in O(ops)."""
    return all(getattr(op, "kind", None) in EVIDENCE_KINDS for op in change.ops)
