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
    branches = [_branch(journey, stage, scores, today)
                for stage, scores in _by_stage(journey, ranking)]
    _number(branches, "")
    return Plan(journey.document["goal"], ranking[0].method if ranking else
                (method or journey.document["scoring_method"]), branches)


class PlanIndex:
    """The plan of one journey, kept between edits for a view that follows the map.

    ``plan()`` gives what ``derive`` would, building again only what an edit touched:
    a note's node (with its actions) only when the note or one of those actions was
    touched (an edit to it or to a link of it), a branch (a stage and its ranked notes)
    only when its stage or one of its notes was, or the scores it shows changed (the
    ranking keeps an unchanged note's ``Score`` object, so this is an identity check).
    The rest are the ``Node`` objects of the previous plan: untouched branches as they
    were, and untouched notes given their new ``score`` and ``number`` in place (a plan
    stays valid until the next ``plan()``).  After one edit on a large map only the
    edited note or stage is derived again.  ``close()`` stops following the map.
    """

    def __init__(self, journey: JourneyMap, method: str | None = None) -> None:
        self.journey = journey
        self.method = method
        self._today: _dt.date | None = None
        # note -> (its node, the ids in it); stage -> (the Scores shown, the branch,
        # every id in it)
        self._notes: dict[str, tuple[Node, set[str]]] = {}
        self._branches: dict[str | None, tuple[list[Score], Node, set[str | None]]] = {}
        self._touched: set[str | None] = set()
        journey.events.subscribe("journey_changed", self._changed)

    def close(self) -> None:
        self.journey.events.unsubscribe(self._changed)

    def _changed(self, event) -> None:
        touched = self._touched
        for op in event.change.ops:
            op_id = getattr(op, "id", None)
            if op_id is not None:
                touched.add(op_id)
            else:  # an edge: both ends (a note gaining an action, an action a parent)
                touched.add(getattr(op, "source", None))
                touched.add(getattr(op, "target", None))

    def plan(self, today: _dt.date | None = None) -> Plan:
        journey = self.journey
        today = today or _dt.date.today()
        if today != self._today:  # overdue and review flags depend on the day
            self._notes.clear()
            self._branches.clear()
            self._today = today
        ranking = rank(journey, self.method)
        touched, old_notes, old_branches = self._touched, self._notes, self._branches
        notes: dict[str, tuple[Node, set[str]]] = {}
        branches: dict[str | None, tuple[list[Score], Node, set[str | None]]] = {}
        out = []
        for stage, scores in _by_stage(journey, ranking):
            kept = old_branches.get(stage)
            kept_branch = None if kept is None else kept[1]
            if (kept is not None and len(kept[0]) == len(scores)
                    and all(a is b for a, b in zip(kept[0], scores))
                    and touched.isdisjoint(kept[2])):
                branch, ids = kept[1], kept[2]
                for s in scores:
                    notes[s.note] = old_notes[s.note]
            else:
                branch = Node("stage", stage, journey.title(stage) if stage else "")
                ids = {stage}
                for s in scores:
                    entry = old_notes.get(s.note)
                    if entry is None or not touched.isdisjoint(entry[1]):
                        node = _note(journey, s, today)
                        entry = (node, {n.id for n in node.walk()})
                    else:
                        entry[0].score = s
                    notes[s.note] = entry
                    ids |= entry[1]
                    branch.children.append(entry[0])
            branches[stage] = (scores, branch, ids)
            number = str(len(out) + 1)
            if branch is not kept_branch or branch.number != number:
                # A kept branch in its place has every number right already.
                branch.number = number
                _renumber(branch.children, number + ".")
            out.append(branch)
        self._notes, self._branches = notes, branches
        touched.clear()
        return Plan(journey.document["goal"], ranking[0].method if ranking else
                    (self.method or journey.document["scoring_method"]), out)


def _renumber(nodes: list[Node], prefix: str) -> None:
    """Number nodes kept from an earlier plan, walking down only where a number
    changed (below a node that kept its number, every number is as it was)."""
    for i, node in enumerate(nodes, 1):
        number = f"{prefix}{i}"
        if node.number != number:
            _number([node], prefix, i)


def _by_stage(journey: JourneyMap, ranking: list[Score]) -> list[tuple[str | None, list[Score]]]:
    """The ranked notes by stage (``None``: map-wide first), stages in journey order."""
    by_stage: dict[str | None, list[Score]] = {}
    for s, stage in zip(ranking, journey.stages_of_notes([s.note for s in ranking])):
        by_stage.setdefault(stage, []).append(s)
    return [(stage, by_stage[stage]) for stage in [None, *journey.stages()]
            if stage in by_stage]


def _branch(journey: JourneyMap, stage: str | None, scores: list[Score],
            today: _dt.date) -> Node:
    branch = Node("stage", stage, journey.title(stage) if stage else "")
    branch.children = [_note(journey, s, today) for s in scores]
    return branch


def _note(journey: JourneyMap, s: Score, today: _dt.date) -> Node:
    note = Node("note", s.note, journey.title(s.note), score=s)
    note.children = [_action(journey, a, today)
                     for a in _in_order(journey, _top_actions(journey, s.note))]
    return note


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
    node = Node("action", action, journey.get(action)["title"],
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
    if len(actions) < 2:
        return actions
    get = journey.get  # not journey.graph: that builds a graph view per call
    return sorted(actions, key=lambda a: (get(a)["order"], get(a)["title"], a))


def _number(nodes: list[Node], prefix: str, start: int = 1) -> None:
    for i, node in enumerate(nodes, start):
        node.number = f"{prefix}{i}"
        _number(node.children, f"{node.number}.")
