"""Undo of one's own edits in a live map: a step that someone else's edit made
impossible is skipped whole, with a word in the status bar, never a traceback.

Two documents share one map through ``LiveBinding`` with their updates exchanged by
hand (no network: the transport is tested in ``test_live_editor.py``)."""

from __future__ import annotations

import pytest
from pycrdt import Doc

from cxdesigner.commands import (AddTouchpointCommand, EditFieldsCommand, MoveStageCommand,
                                 RemoveElementsCommand, RenameCommand)
from cxdesigner.commands.replay import conflict
from cxdesigner.live.binding import LiveBinding
from cxdesigner.live.ydoc import from_ydoc, to_ydoc
from cxdesigner.model import JourneyMap
from cxdesigner.ui.document.document import Document


class Peer:
    def __init__(self, journey: JourneyMap, doc: Doc):
        self.document = Document(journey)
        self.doc = doc
        self.binding = LiveBinding(journey, doc)
        self.messages: list[str] = []
        self.document.edit_refused.connect(self.messages.append)

    @property
    def journey(self) -> JourneyMap:
        return self.document.journey

    def push(self, command) -> None:
        assert self.document.push(command)


def sync(*peers: Peer) -> None:
    """Every peer's whole state to every other, then each model follows its document."""
    for a in peers:
        for b in peers:
            if a is not b:
                b.doc.apply_update(a.doc.get_update(b.doc.get_state()))
    for peer in peers:
        peer.binding.flush()


@pytest.fixture
def peers(qapp):
    j = JourneyMap(document={"title": "Shop"})
    j.add_stage("Awareness", id="s1")
    j.add_stage("Purchase", id="s2")
    j.add_touchpoint("s1", "Flyer", id="t1")
    j.add_touchpoint("s2", "Till", id="t3")
    doc_a = Doc()
    to_ydoc(j, doc_a)
    doc_b = Doc()
    doc_b.apply_update(doc_a.get_update())
    return Peer(from_ydoc(doc_a), doc_a), Peer(from_ydoc(doc_b), doc_b)


def test_undo_after_someone_removed_the_touchpoint_is_skipped_with_a_word(peers):
    a, b = peers
    a.push(RenameCommand(a.journey, "t3", "Checkout"))
    sync(a, b)
    b.push(RemoveElementsCommand(b.journey, ["t3"]))
    sync(a, b)
    before = a.journey.snapshot()
    a.document.undo_stack.undo()
    assert a.messages == ["Undo skipped: the touchpoint was removed by someone else"]
    assert a.journey.snapshot() == before


def test_undo_of_a_field_someone_changed_since_is_skipped_and_keeps_their_value(peers):
    a, b = peers
    a.push(RenameCommand(a.journey, "t1", "Leaflet"))
    sync(a, b)
    b.push(RenameCommand(b.journey, "t1", "Poster"))
    sync(a, b)
    a.document.undo_stack.undo()
    assert a.messages == ["Undo skipped: the touchpoint was changed by someone else"]
    assert a.journey.title("t1") == "Poster"


def test_undo_of_a_field_others_left_alone_applies_despite_their_other_edits(peers):
    a, b = peers
    a.push(RenameCommand(a.journey, "t1", "Leaflet"))
    sync(a, b)
    b.push(EditFieldsCommand(b.journey, "t1", description="Given out at the door"))
    sync(a, b)
    a.document.undo_stack.undo()
    sync(a, b)
    assert a.messages == []
    assert b.journey.title("t1") == "Flyer"
    assert b.journey.get("t1")["description"] == "Given out at the door"


def test_undo_of_adding_a_card_someone_attached_a_note_to_is_skipped(peers):
    a, b = peers
    command = AddTouchpointCommand(a.journey, "s1", "Kiosk")
    a.push(command)
    sync(a, b)
    b.journey.add_note("pain_point", "Queue", on=command.created)  # a remote model edit
    sync(a, b)
    a.document.undo_stack.undo()
    assert a.messages == ["Undo skipped: the touchpoint was changed by someone else"]
    assert command.created in a.journey


def test_redo_after_someone_removed_the_touchpoint_is_skipped_with_a_word(peers):
    a, b = peers
    a.push(RenameCommand(a.journey, "t3", "Checkout"))
    a.document.undo_stack.undo()
    sync(a, b)
    b.push(RemoveElementsCommand(b.journey, ["t3"]))
    sync(a, b)
    a.document.undo_stack.redo()
    assert a.messages == ["Redo skipped: the touchpoint was removed by someone else"]
    assert "t3" not in a.journey


def test_undo_of_a_stage_move_after_someone_reordered_is_skipped(peers):
    a, b = peers
    a.push(MoveStageCommand(a.journey, "s2", 0))
    sync(a, b)
    b.push(AddTouchpointCommand(b.journey, "s1", "Kiosk"))  # unrelated: does not block
    b.journey.add_stage("Return")  # a remote stage: the order is no longer ours
    sync(a, b)
    a.document.undo_stack.undo()
    assert a.messages == ["Undo skipped: the stages were reordered by someone else"]
    assert b.journey.stage_order == a.journey.stage_order


def test_a_skipped_step_leaves_the_peers_equal(peers):
    a, b = peers
    a.push(RenameCommand(a.journey, "t3", "Checkout"))
    sync(a, b)
    b.push(RemoveElementsCommand(b.journey, ["t3"]))
    sync(a, b)
    a.document.undo_stack.undo()
    sync(a, b)
    assert a.journey.snapshot() == b.journey.snapshot()


def test_a_replay_that_fits_has_no_conflict(peers):
    a, _b = peers
    command = RenameCommand(a.journey, "t1", "Leaflet")
    a.push(command)
    assert conflict(a.journey, command.change.inverse()) is None
