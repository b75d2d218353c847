"""Random editing sessions through a real ``Document``: every edit is a command pushed
with ``Document.push``, undone and redone through its ``QUndoStack``.

Starting from the bundled sample map or from an empty one, Hypothesis runs sequences
of edits (add, remove with cascades, move, re-stage, connect, attach, edit, score,
vote, nest actions, groups), undos and redos.  After every step the map keeps the
document's rules and equals the state recorded for the stack's position; at the end,
undoing everything gives the map as it was opened, redoing everything gives the last
state, and saving then opening gives the same map with no problems.

Size: 25 runs of 30 steps in CI, 500 of 50 in the soak run (``HYPOTHESIS_PROFILE``).
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from PySide6.QtWidgets import QApplication

import cxdesigner.model.journey as journey_module
from cxdesigner.fileformat import templates
from cxdesigner.commands import (AddActionCommand, AddFlowCommand, AddNoteCommand,
                                 AddPersonaCommand, AddStageCommand, AddTouchpointCommand,
                                 ChangeCommand, EditFieldsCommand, GroupCommand,
                                 MoveStageCommand, MoveTouchpointsCommand,
                                 RemoveElementsCommand, RemoveFlowsCommand, RenameCommand,
                                 SetEmotionCommand)
from cxdesigner.commands.actions import (LinkActionCommand, NestActionCommand,
                                         RecordVotesCommand, UnlinkActionCommand)
from cxdesigner.fileformat import cxmap
from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S
from cxdesigner.ui.document.document import Document
from tests.test_fuzz_loading import consistent

SOAK = os.environ.get("HYPOTHESIS_PROFILE", "ci") == "soak"
RUNS, STEPS = (500, 50) if SOAK else (25, 30)
CASES: Counter[str] = Counter()  # runs and steps done, read by bench/soak.py

texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=10) | st.sampled_from(
    ["שלום", "🥐", "", "x" * 200])
coords = st.integers(-2_000, 2_000).map(float)
scores = st.none() | st.integers(0, 6)  # 0 and 6 are out of range: refused, no trace
FIELDS = {  # fields the inspector edits, per kind, with values in and out of range
    S.STAGE: {"description": texts},
    S.TOUCHPOINT: {"description": texts, "owner": texts, "channel": st.sampled_from(
        [*S.CHANNELS, "fax"]), "mode": st.sampled_from(S.MODES), "nps": st.none()
        | st.integers(-120, 120), "csat": st.none() | st.floats(-5, 105, allow_nan=False),
        "kpi": texts, "evidence": texts},
    S.NOTE: {"description": texts, "evidence": texts, "impact": scores, "effort": scores,
             "reach": scores, "confidence": scores, "note_kind": st.sampled_from(S.NOTE_KINDS),
             "votes": st.integers(-1, 5)},
    S.PERSONA: {"description": texts, "persona_kind": st.sampled_from(S.PERSONA_KINDS)},
    S.ACTION: {"owner": texts, "kpi": texts, "status": st.sampled_from(S.ACTION_STATUSES),
               "due": st.none() | st.sampled_from(["2027-03-01", "2027-02-30", "soon"]),
               "review_months": st.integers(0, 13)},
}


class DocumentEditing(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.app = QApplication.instance() or QApplication([])
        # Readable ids that repeat from run to run, which Hypothesis needs to replay.
        self._real_new_id = journey_module.new_id
        serial = iter(range(1, 10**9))
        journey_module.new_id = lambda: f"id{next(serial)}"
        self.document: Document | None = None

    @initialize(start=st.sampled_from(["sample", "empty"]))
    def open(self, start):
        CASES["runs"] += 1
        if start == "sample":
            self.document, problems = Document.open(templates.sample_path("en"))
            assert problems == []
        else:
            self.document = Document()
        self.journey = self.document.journey
        self.stack = self.document.undo_stack
        self.initial = self.journey.snapshot()
        self.states = [self.initial]  # the map at each position of the undo stack

    # ------------------------------------------------------------ helpers
    def push(self, command: ChangeCommand) -> None:
        before, index = self.journey.snapshot(), self.stack.index()
        if self.document.push(command):
            assert self.stack.index() == self.stack.count() == index + 1
            del self.states[index + 1:]
            self.states.append(self.journey.snapshot())
        else:  # refused or empty: no trace, nothing on the stack
            assert self.journey.snapshot() == before
            assert self.stack.index() == index

    def ids(self, kind: str) -> list[str]:
        return self.journey.ids(kind)

    def any(self, data, kind: str) -> str:
        return data.draw(st.sampled_from(self.ids(kind)), label=kind)

    def maybe(self, data, kind: str) -> str | None:
        ids = self.ids(kind)
        return data.draw(st.none() | st.sampled_from(ids), label=kind) if ids else None

    def has(self, kind: str, n: int = 1) -> bool:
        return self.journey.count(kind) >= n

    # -------------------------------------------------------------- adding
    @rule(title=texts, index=st.none() | st.integers(-1, 8))
    def add_stage(self, title, index):
        self.push(AddStageCommand(self.journey, title, index))

    @precondition(lambda self: self.has(S.STAGE))
    @rule(data=st.data(), title=texts, chain=st.booleans(), x=coords, y=coords,
          channel=st.sampled_from(S.CHANNELS))
    def add_touchpoint(self, data, title, chain, x, y, channel):
        stage = self.any(data, S.STAGE)
        after = self.maybe(data, S.TOUCHPOINT) if chain else None
        self.push(AddTouchpointCommand(self.journey, stage, title, flow_from=after, x=x, y=y,
                                       channel=channel))

    @precondition(lambda self: self.has(S.TOUCHPOINT))
    @rule(data=st.data())
    def connect(self, data):
        source, target = self.any(data, S.TOUCHPOINT), self.any(data, S.TOUCHPOINT)
        self.push(AddFlowCommand(self.journey, source, target))  # a self-link is refused

    @rule(data=st.data(), kind=st.sampled_from(S.NOTE_KINDS), title=texts, impact=scores)
    def add_note(self, data, kind, title, impact):
        targets = self.ids(S.TOUCHPOINT) + self.ids(S.STAGE)
        on = data.draw(st.none() | st.sampled_from(targets)) if targets else None
        self.push(AddNoteCommand(self.journey, kind, title, on, impact=impact))

    @rule(title=texts, kind=st.sampled_from(S.PERSONA_KINDS))
    def add_persona(self, title, kind):
        self.push(AddPersonaCommand(self.journey, title, kind))

    @rule(data=st.data(), title=texts)
    def add_action(self, data, title):
        parent = self.maybe(data, S.ACTION)
        notes = data.draw(st.lists(st.sampled_from(self.ids(S.NOTE)), max_size=3)
                          if self.has(S.NOTE) else st.just([]))
        self.push(AddActionCommand(self.journey, title, parent, notes))

    # ------------------------------------------------------------ removing
    @precondition(lambda self: len(self.journey) > 0)
    @rule(data=st.data())
    def remove(self, data):
        """Deleting a selection, cascades included (a stage takes its touchpoints and
        their notes and flows, an action its sub-actions, a persona its emotions)."""
        ids = data.draw(st.lists(st.sampled_from(list(self.journey.graph.nodes)),
                                 min_size=1, max_size=4))
        self.push(RemoveElementsCommand(self.journey, ids))

    @precondition(lambda self: bool(self.journey.flows()))
    @rule(data=st.data())
    def remove_flows(self, data):
        flows = data.draw(st.lists(st.sampled_from(self.journey.flows()), min_size=1,
                                   max_size=3, unique=True))
        self.push(RemoveFlowsCommand(self.journey, flows))

    # -------------------------------------------------------------- moving
    @precondition(lambda self: self.has(S.TOUCHPOINT))
    @rule(data=st.data())
    def move_touchpoints(self, data):
        """Dragging cards, into another stage band or within their own."""
        tps = data.draw(st.lists(st.sampled_from(self.ids(S.TOUCHPOINT)), min_size=1,
                                 max_size=3, unique=True))
        moves = [(tp, self.maybe(data, S.STAGE), data.draw(coords), data.draw(coords))
                 for tp in tps]
        self.push(MoveTouchpointsCommand(self.journey, moves))

    @precondition(lambda self: self.has(S.STAGE))
    @rule(data=st.data(), index=st.integers(0, 8))
    def move_stage(self, data, index):
        self.push(MoveStageCommand(self.journey, self.any(data, S.STAGE), index))

    @precondition(lambda self: self.has(S.NOTE))
    @rule(data=st.data())
    def attach_note(self, data):
        note = self.any(data, S.NOTE)
        targets = self.ids(S.TOUCHPOINT) + self.ids(S.STAGE)
        on = data.draw(st.none() | st.sampled_from(targets)) if targets else None
        self.push(ChangeCommand(self.journey, "Attach Note",
                                lambda: self.journey.attach_note(note, on)))

    # ------------------------------------------------------------- editing
    @precondition(lambda self: len(self.journey) > 0)
    @rule(data=st.data())
    def edit_fields(self, data):
        # Kinds the inspector does not edit (lanes, feedback items, snapshots: the
        # samples hold them) have panels and tests of their own.
        nodes = [n for n in self.journey.graph.nodes if self.journey.kind_of(n) in FIELDS]
        if not nodes:
            return
        node = data.draw(st.sampled_from(nodes))
        table = FIELDS[self.journey.kind_of(node)]
        names = data.draw(st.lists(st.sampled_from(sorted(table)), min_size=1, max_size=3,
                                   unique=True))
        fields = {name: data.draw(table[name], label=name) for name in names}
        self.push(EditFieldsCommand(self.journey, node, **fields))

    @precondition(lambda self: len(self.journey) > 0)
    @rule(data=st.data(), title=texts)
    def rename(self, data, title):
        node = data.draw(st.sampled_from(list(self.journey.graph.nodes)))
        self.push(RenameCommand(self.journey, node, title))

    @precondition(lambda self: self.has(S.TOUCHPOINT))
    @rule(data=st.data(), value=st.none() | st.integers(-3, 3))
    def set_emotion(self, data, value):
        tp = self.any(data, S.TOUCHPOINT)
        persona = self.maybe(data, S.PERSONA) or S.GENERAL
        self.push(SetEmotionCommand(self.journey, tp, value, persona))

    @precondition(lambda self: self.has(S.NOTE))
    @rule(data=st.data(), impact=scores, effort=scores)
    def score(self, data, impact, effort):
        """Dragging a note in the priority matrix re-scores impact and effort."""
        self.push(EditFieldsCommand(self.journey, self.any(data, S.NOTE), impact=impact,
                                    effort=effort))

    @precondition(lambda self: self.has(S.NOTE))
    @rule(data=st.data())
    def vote(self, data):
        notes = data.draw(st.dictionaries(st.sampled_from(self.ids(S.NOTE)),
                                          st.integers(0, 5), min_size=1, max_size=4))
        self.push(RecordVotesCommand(self.journey, notes))

    # -------------------------------------------------------------- actions
    @precondition(lambda self: self.has(S.ACTION))
    @rule(data=st.data(), index=st.none() | st.integers(0, 5))
    def nest_action(self, data, index):
        action, parent = self.any(data, S.ACTION), self.maybe(data, S.ACTION)
        self.push(NestActionCommand(self.journey, action, parent, index))

    @precondition(lambda self: self.has(S.ACTION) and self.has(S.NOTE))
    @rule(data=st.data(), link=st.booleans())
    def link_action(self, data, link):
        action, note = self.any(data, S.ACTION), self.any(data, S.NOTE)
        command = LinkActionCommand if link else UnlinkActionCommand
        self.push(command(self.journey, action, note))

    # ---------------------------------------------------------------- group
    @precondition(lambda self: self.has(S.STAGE))
    @rule(data=st.data(), fail=st.booleans())
    def group(self, data, fail):
        """Several edits as one step (as paste does); one refused edit refuses all."""
        stage = self.any(data, S.STAGE)
        previous = self.maybe(data, S.TOUCHPOINT)
        journey = self.journey

        def edits():
            tp = journey.add_touchpoint(stage, "pasted", flow_from=previous).id
            journey.add_note("pain_point", "pasted note", on=tp, impact=4)
            journey.add_action("pasted action", addresses=journey.notes_on(tp))
            if fail:
                journey.add_flow(tp, tp)
        self.push(GroupCommand(journey, "Paste", edits))

    # ------------------------------------------------------------ undo/redo
    @precondition(lambda self: self.stack.canUndo())
    @rule(times=st.integers(1, 3))
    def undo(self, times):
        for _ in range(times):
            if self.stack.canUndo():
                self.stack.undo()

    @precondition(lambda self: self.stack.canRedo())
    @rule(times=st.integers(1, 3))
    def redo(self, times):
        for _ in range(times):
            if self.stack.canRedo():
                self.stack.redo()

    # ----------------------------------------------------------- invariants
    @invariant()
    def rules_hold_and_the_map_is_the_one_recorded_for_the_stack_position(self):
        if self.document is None:
            return
        CASES["steps"] += 1
        consistent(self.journey)
        assert len(self.states) == self.stack.count() + 1
        assert self.journey.snapshot() == self.states[self.stack.index()]

    def teardown(self):
        try:
            if self.document is None:
                return
            while self.stack.canUndo():
                self.stack.undo()
            assert self.journey.snapshot() == self.initial, "undo all is not the opened map"
            while self.stack.canRedo():
                self.stack.redo()
            assert self.journey.snapshot() == self.states[-1], "redo all is not the last map"
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "saved.cxmap"
                self.document.save(path)
                assert not self.document.is_modified
                reopened, problems = Document.open(path)
                assert problems == [] and not reopened.is_modified
                assert reopened.journey.snapshot() == self.journey.snapshot()
        finally:
            journey_module.new_id = self._real_new_id


DocumentEditing.TestCase.settings = settings(
    max_examples=RUNS, stateful_step_count=STEPS, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
test_random_editing_through_the_undo_stack = DocumentEditing.TestCase


def test_an_opened_map_without_elements_keeps_its_details(tmp_path, qapp):
    """Found by the machine above: ``Document`` took a loaded map with no elements for
    no map at all (``journey or JourneyMap()``, and a map's length is its element
    count), dropping its title, client, goal and dates."""
    journey = JourneyMap()
    journey.set_document(title="Kick-off", client="Bakery", goal="Map the visit")
    path = tmp_path / "empty.cxmap"
    cxmap.save(journey, path)
    document, problems = Document.open(path)
    assert problems == []
    assert document.journey.snapshot() == journey.snapshot()
