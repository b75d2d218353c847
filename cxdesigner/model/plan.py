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
from bisect import bisect_left, insort
from dataclasses import dataclass, field

from .changes import SetStageOrder
from .journey import JourneyMap
from .ranking import Ranked
from .scoring import Score


@dataclass
class Node:
    kind: str  # "stage", "note", "action"
    id: str | None  # None for the "whole journey" branch
    title: str
    number: str = ""
    score: Score | None = None  # a note's score; its rank left 0 (``rank_of`` has it)
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
    # Nodes carry no rank (see ``PlanIndex``): the scores as the ranking keeps them,
    # best first (``scoring.rank`` without the ranks).
    _, ranked, _ = journey.ranking_changes(method, None)
    ranking = [ranked.score_of[key[-1]] for key in ranked.keys]
    branches = [_branch(journey, stage, scores, today)
                for stage, scores in _by_stage(journey, ranking)]
    _number(branches, "")
    return Plan(journey.document["goal"], ranking[0].method if ranking else
                (method or journey.document["scoring_method"]), branches)


class PlanIndex:
    """The plan of one journey, kept between edits for a view that follows the map.

    ``plan()`` gives what ``derive`` would, in time for what an edit changed rather
    than for the map.  It keeps each branch's notes as a sorted list of the ranking's
    sort keys (unique, and comparing across stages as the ranking does), and moves
    only the notes the ranking logged as re-placed since the last ``plan()``
    (``Ranking.changes``): O(k log n) for k of them.  A note's ``score`` carries no
    rank (a note going would re-rank every later one; ``JourneyMap.rank_of`` gives
    it), so an unchanged note keeps its node, which shows its new score in place.

    A note's node (with its actions) is made again only when the note or one of those
    actions was touched (an edit to it or to a link of it), a branch only when its
    stage was or its list of notes changed; the others are the ``Node`` objects of the
    previous plan, renumbered in place when a branch came or went before them (a plan
    stays valid until the next ``plan()``).  After each ``plan()``, ``changed`` names
    the branches made anew, gone or renumbered, and ``reordered`` says whether branches
    came, went or moved, so a view need not walk the others.  ``close()`` stops
    following the map.

    ``plan(fill=False)`` leaves each branch made anew without its notes (``count``
    says how many it has) until ``fill`` asks for them: a view that shows a large plan
    folded makes the nodes of the branches it opens (6,667 notes and 10,000 actions
    at 5,000 touchpoints took a third of a second at opening).
    """

    def __init__(self, journey: JourneyMap, method: str | None = None) -> None:
        self.journey = journey
        self.method = method
        self._today: _dt.date | None = None
        self._method: str | None = None  # the method the plan was made with
        self._mark: tuple | None = None  # how far the ranking's log was read
        self._placed: dict[str, tuple[str | None, tuple]] = {}  # note -> branch, key
        self._keys: dict[str | None, list[tuple]] = {}  # branch -> its notes' keys
        self._notes: dict[str, Node] = {}  # note -> its node
        self._holders: dict[str, set[str]] = {}  # action -> the notes showing it
        # Branches made without their notes: stage -> (that branch, its keys, the
        # scores, the day), until ``fill``.
        self._later: dict[str | None, tuple[Node, list[tuple], dict, _dt.date]] = {}
        self.branches: dict[str | None, Node] = {}
        self._order: list[str | None] = []  # the branches in journey order
        self._place: dict[str | None, int] = {}  # branch -> its place in _order
        self._touched: set[str] = set()
        self._stages_moved = False
        self.changed: set[str | None] = set()
        self.reordered = False
        journey.events.subscribe("journey_changed", self._changed)

    def close(self) -> None:
        self.journey.events.unsubscribe(self._changed)

    @property
    def note_count(self) -> int:
        return len(self._placed)

    def _changed(self, event) -> None:
        touched = self._touched
        for op in event.change.ops:
            if type(op) is SetStageOrder:
                self._stages_moved = True
                continue
            op_id = getattr(op, "id", None)
            if op_id is not None:
                touched.add(op_id)
            elif hasattr(op, "source"):  # an edge: both ends (a note gaining an
                touched.add(op.source)   # action, an action a parent)
                touched.add(op.target)

    def count(self, stage: str | None) -> int:
        """How many notes a branch has (made yet or not)."""
        return len(self._keys.get(stage, ()))

    def fill(self, branch: Node) -> list[Node]:
        """A branch's notes, made now if ``plan(fill=False)`` left them for later."""
        later = self._later.get(branch.id)
        if later is not None and later[0] is branch:
            del self._later[branch.id]
            _, keys, score_of, today = later
            self._fill(branch, keys, score_of, today)
            _renumber(branch.children, branch.number + ".")
        return branch.children

    def plan(self, today: _dt.date | None = None, fill: bool = True) -> Plan:
        journey = self.journey
        today = today or _dt.date.today()
        method = self.method or journey.document["scoring_method"]
        self._mark, ranked, moved = journey.ranking_changes(method, self._mark)
        if today != self._today or method != self._method:
            # Overdue and review flags depend on the day; another method re-ranks all.
            for note in list(self._notes):
                self._drop(note)
            self._today, self._method, moved = today, method, None
        changed = self._regroup(ranked) if moved is None else self._move(ranked, moved)
        for t in self._touched:
            placed = self._placed.get(t)
            if placed is not None:  # a ranked note: its node is made again
                self._drop(t)
                changed.add(placed[0])
            elif t in self._keys:  # a stage: its title
                changed.add(t)
            for note in list(self._holders.get(t, ())):  # an action shown under notes
                self._drop(note)
                changed.add(self._placed[note][0])
        self._touched.clear()
        reordered = self._stages_moved or moved is None
        for stage in changed:
            keys = self._keys.get(stage)
            self._later.pop(stage, None)
            if not keys:
                self._keys.pop(stage, None)
                reordered |= self.branches.pop(stage, None) is not None
                continue
            reordered |= stage not in self.branches
            branch = self.branches[stage] = Node("stage", stage,
                                                 journey.title(stage) if stage else "")
            if fill:
                self._fill(branch, keys, ranked.score_of, today)
            else:
                self._later[stage] = (branch, list(keys), ranked.score_of, today)
        if reordered:
            # Stages in journey order (the map-wide branch first); numbers are places.
            position = journey.stage_position
            self._order = sorted(self.branches,
                                 key=lambda stage: -1 if stage is None else position(stage))
            self._place = {stage: i for i, stage in enumerate(self._order)}
            numbering = self._order
        else:
            numbering = [stage for stage in changed if stage in self.branches]
        for stage in numbering:
            branch, number = self.branches[stage], str(self._place[stage] + 1)
            if branch.number != number:  # made anew, or a branch came or went before
                branch.number = number
                _renumber(branch.children, number + ".")
                changed.add(stage)
        if fill:
            for branch in [later[0] for later in self._later.values()]:
                self.fill(branch)
        self.changed, self.reordered, self._stages_moved = changed, reordered, False
        return Plan(journey.document["goal"], method,
                    [self.branches[stage] for stage in self._order])

    def _regroup(self, ranked: Ranked) -> set[str | None]:
        """Every branch's keys from the whole ranking (the first plan, a new day or
        method, a ranking built again): gives every branch, before and after."""
        before = set(self._keys)
        notes = [key[-1] for key in ranked.keys]
        self._keys, self._placed = {}, {}
        for key, stage in zip(ranked.keys, self.journey.stages_of_notes(notes)):
            self._keys.setdefault(stage, []).append(key)
            self._placed[key[-1]] = (stage, key)
        for note in [n for n in self._notes if n not in ranked.key_of]:
            self._drop(note)
        score_of = ranked.score_of
        for note, node in self._notes.items():
            node.score = score_of[note]
        return before | set(self._keys)

    def _move(self, ranked: Ranked, moved: list[str]) -> set[str | None]:
        """The notes the ranking re-placed, moved in their branches' keys: gives the
        branches they left or joined."""
        changed: set[str | None] = set()
        key_of, score_of = ranked.key_of, ranked.score_of
        moved = list(dict.fromkeys(moved))  # once each, in a repeatable order
        now = [note for note in moved if note in key_of]
        stage_of = dict(zip(now, self.journey.stages_of_notes(now)))
        for note in moved:
            placed = self._placed.pop(note, None)
            if placed is not None:
                keys = self._keys[placed[0]]
                del keys[bisect_left(keys, placed[1])]
                changed.add(placed[0])
            key = key_of.get(note)
            if key is None:  # no longer ranked
                self._drop(note)
                continue
            stage = stage_of[note]
            insort(self._keys.setdefault(stage, []), key)
            self._placed[note] = (stage, key)
            changed.add(stage)
            node = self._notes.get(note)
            if node is not None:
                node.score = score_of[note]
        return changed

    def _fill(self, branch: Node, keys: list[tuple], score_of: dict,
              today: _dt.date) -> None:
        journey, notes = self.journey, self._notes
        for key in keys:
            note = key[-1]
            node = notes.get(note)
            if node is None:
                node = notes[note] = _note(journey, score_of[note], today)
                for action in node.walk():
                    if action is not node:
                        self._holders.setdefault(action.id, set()).add(note)
            branch.children.append(node)

    def _drop(self, note: str) -> None:
        """Forget a note's node (made again when next needed)."""
        node = self._notes.pop(note, None)
        if node is None:
            return
        for action in node.walk():
            holders = self._holders.get(action.id)
            if holders is not None and action is not node:
                holders.discard(note)
                if not holders:
                    del self._holders[action.id]


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
