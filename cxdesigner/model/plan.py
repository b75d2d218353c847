"""The prioritised action tree, derived from the document (never stored).

    goal
    └─ 1 stage (or "Whole journey" for map-wide notes), in journey order
       └─ 1.1 pain point / weakness / threat / opportunity, best ranked first
          └─ 1.1.1 action addressing it, in its order
             └─ 1.1.1.1 sub-action ...

A stage appears when it has ranked notes.  An action that addresses several notes
appears under each of them, unless an action above it in its own tree already
addresses that note (its subtree is shown there).  Overdue actions (due date passed, not done or
cancelled) are flagged, and so are actions last reviewed longer ago than their
review cadence.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from . import schema as S
from .journey import JourneyMap
from .scoring import Score, rank


@dataclass
class Node:
    kind: str  # "stage", "note", "action"
    id: str | None  # None for the "whole journey" branch
    title: str
    number: str = ""
    score: Score | None = None
    overdue: bool = False
    review_due: bool = False
    children: list["Node"] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Plan:
    goal: str
    method: str
    branches: list[Node]

    def walk(self):
        for branch in self.branches:
            yield from branch.walk()


def derive(journey: JourneyMap, method: str | None = None,
           today: _dt.date | None = None) -> Plan:
    today = today or _dt.date.today()
    ranking = rank(journey, method)
    by_stage: dict[str | None, list[Score]] = {}
    for s in ranking:
        by_stage.setdefault(_stage_of_note(journey, s.note), []).append(s)
    branches = []
    for stage in [None, *journey.stages()]:
        scores = by_stage.get(stage)
        if not scores:
            continue
        title = journey.title(stage) if stage else ""
        branch = Node("stage", stage, title)
        for s in scores:
            note = Node("note", s.note, journey.title(s.note), score=s)
            note.children = [_action(journey, a, today)
                             for a in _in_order(journey, _top_actions(journey, s.note))]
            branch.children.append(note)
        branches.append(branch)
    _number(branches, "")
    return Plan(journey.document["goal"], ranking[0].method if ranking else
                (method or journey.document["scoring_method"]), branches)


def is_overdue(journey: JourneyMap, action: str, today: _dt.date) -> bool:
    attrs = journey.get(action)
    return (attrs["due"] is not None and attrs["status"] not in ("done", "cancelled")
            and _dt.date.fromisoformat(attrs["due"]) < today)


def is_review_due(journey: JourneyMap, action: str, today: _dt.date) -> bool:
    """Last reviewed more than ``review_months`` ago (and still open)."""
    attrs = journey.get(action)
    if attrs["reviewed"] is None or attrs["status"] in ("done", "cancelled"):
        return False
    last = _dt.date.fromisoformat(attrs["reviewed"])
    months = (today.year - last.year) * 12 + today.month - last.month
    return months > attrs["review_months"] or (
        months == attrs["review_months"] and today.day > last.day)


def _action(journey: JourneyMap, action: str, today: _dt.date) -> Node:
    node = Node("action", action, journey.title(action),
                overdue=is_overdue(journey, action, today),
                review_due=is_review_due(journey, action, today))
    node.children = [_action(journey, child, today) for child in journey.children_of(action)]
    return node


def _top_actions(journey: JourneyMap, note: str) -> list[str]:
    """The actions addressing a note, less those already shown as a sub-action of
    another action that addresses it."""
    addressing = set(journey.actions_for(note))
    top = []
    for action in addressing:
        walk = journey.parent_of(action)
        while walk is not None and walk not in addressing:
            walk = journey.parent_of(walk)
        if walk is None:
            top.append(action)
    return top


def _in_order(journey: JourneyMap, actions: list[str]) -> list[str]:
    nodes = journey.graph.nodes
    return sorted(actions, key=lambda a: (nodes[a]["order"], nodes[a]["title"], a))


def _stage_of_note(journey: JourneyMap, note: str) -> str | None:
    target = journey.target_of(note)
    if target is None:
        return None
    return target if journey.kind_of(target) == S.STAGE else journey.stage_of(target)


def _number(nodes: list[Node], prefix: str) -> None:
    for i, node in enumerate(nodes, 1):
        node.number = f"{prefix}{i}"
        _number(node.children, f"{node.number}.")
