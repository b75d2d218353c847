"""The participant and viewer rules of a room (``cxdesigner/live/rights.py``), tried
directly on a shadow document: no server, no network."""

from __future__ import annotations

import uuid

import pytest
from pycrdt import Doc, Map

from cxdesigner.fileformat import cxmap
from cxdesigner.live import rights
from cxdesigner.live.rights import Refused, Shadow, Writer
from cxdesigner.live.ydoc import edge_key, to_ydoc
from cxdesigner.resources_path import resource

ROUND_ID = "r0und-1d"
VOTER = "v" * 20


def _room(open_round: bool = True, dots: int = 3) -> Doc:
    doc = Doc()
    to_ydoc(cxmap.load(resource("samples", "bakery-en.cxmap")).journey, doc)
    root = doc.get("cxmap", type=Map)
    root["round"] = Map({"id": ROUND_ID, "open": open_round, "dots": dots})
    root["ballots"] = Map()
    return doc


def _ids(doc: Doc, kind: str) -> list[str]:
    nodes = doc.get("cxmap", type=Map)["nodes"]
    return sorted(k for k, v in nodes.items() if v.get("kind") == kind)


def _edit(room: Doc, change) -> bytes:
    """The update a client holding the room's state sends after ``change(root)``."""
    client = Doc()
    client.apply_update(room.get_update())
    state = client.get_state()
    with client.transaction():
        change(client.get("cxmap", type=Map))
    return client.get_update(state)


def _note(title: str = "Queue too long", kind: str = "pain_point", **extra) -> Map:
    return Map({"kind": "note", "note_kind": kind, "title": title, "description": "",
                **extra})


def _add_note(touchpoint: str | None, note_id: str | None = None, **fields):
    note_id = note_id or str(uuid.uuid4())

    def change(root):
        root["nodes"][note_id] = _note(**fields)
        if touchpoint:
            root["edges"][edge_key(note_id, touchpoint)] = "about"
    return change


def _admit(room: Doc, update: bytes, role: str = rights.PARTICIPANT,
           writer: Writer | None = None) -> None:
    Shadow(room.get_update()).admit(update, writer or Writer(role))


def test_a_participant_may_add_a_note_about_a_touchpoint():
    room = _room()
    _admit(room, _edit(room, _add_note(_ids(room, "touchpoint")[0])))


def test_a_participant_may_add_a_note_about_the_whole_map():
    room = _room()
    _admit(room, _edit(room, _add_note(None)))


def test_a_participant_renaming_a_touchpoint_is_refused():
    room = _room()
    tp = _ids(room, "touchpoint")[0]
    with pytest.raises(Refused):
        _admit(room, _edit(room, lambda root: root["nodes"][tp].__setitem__("title", "X")))


def test_a_participant_deleting_a_node_is_refused():
    room = _room()
    stage = _ids(room, "stage")[0]
    with pytest.raises(Refused):
        _admit(room, _edit(room, lambda root: root["nodes"].pop(stage)))


def test_a_participant_writing_the_round_is_refused():
    room = _room(open_round=False)
    with pytest.raises(Refused):
        _admit(room, _edit(room, lambda root: root["round"].__setitem__("open", True)))


def test_a_note_with_a_field_participants_may_not_set_is_refused():
    room = _room()
    with pytest.raises(Refused, match="only notes"):
        _admit(room, _edit(room, _add_note(None, votes=50)))


def test_a_note_whose_id_is_no_uuid4_is_refused():
    room = _room()
    with pytest.raises(Refused, match="uuid4"):
        _admit(room, _edit(room, _add_note(None, note_id="my-note")))


def test_a_note_with_an_empty_title_is_refused():
    room = _room()
    with pytest.raises(Refused, match="title"):
        _admit(room, _edit(room, _add_note(None, title="")))


def test_a_note_about_a_stage_is_refused():
    room = _room()
    with pytest.raises(Refused, match="touchpoint"):
        _admit(room, _edit(room, _add_note(_ids(room, "stage")[0])))


def test_a_participant_linking_existing_elements_is_refused():
    room = _room()
    a, b = _ids(room, "touchpoint")[:2]
    with pytest.raises(Refused):
        _admit(room, _edit(room, lambda root: root["edges"].__setitem__(
            edge_key(a, b), "flow")))


def _vote(dots: dict[str, int], voter: str = VOTER, round_id: str = ROUND_ID):
    return lambda root: root["ballots"].__setitem__(f"{round_id}/{voter}", Map(dots))


def test_a_ballot_within_the_rounds_dots_is_accepted():
    room = _room(dots=3)
    notes = _ids(room, "note")
    _admit(room, _edit(room, _vote({notes[0]: 2, notes[1]: 1})))


def test_a_ballot_over_the_rounds_dots_is_refused():
    room = _room(dots=3)
    notes = _ids(room, "note")
    with pytest.raises(Refused, match="spends 4"):
        _admit(room, _edit(room, _vote({notes[0]: 2, notes[1]: 2})))


def test_a_ballot_in_a_closed_round_is_refused():
    room = _room(open_round=False)
    with pytest.raises(Refused, match="no round"):
        _admit(room, _edit(room, _vote({_ids(room, "note")[0]: 1})))


def test_a_ballot_of_another_round_is_refused():
    room = _room()
    with pytest.raises(Refused, match="open round"):
        _admit(room, _edit(room, _vote({_ids(room, "note")[0]: 1}, round_id="old")))


def test_a_ballot_giving_dots_to_a_touchpoint_is_refused():
    room = _room()
    with pytest.raises(Refused, match="notes only"):
        _admit(room, _edit(room, _vote({_ids(room, "touchpoint")[0]: 1})))


def test_one_connection_voting_as_a_second_voter_is_refused():
    room = _room()
    note = _ids(room, "note")[0]
    shadow, writer = Shadow(room.get_update()), Writer(rights.PARTICIPANT)
    shadow.admit(_edit(room, _vote({note: 1})), writer)
    with pytest.raises(Refused, match="one voter"):
        shadow.admit(_edit(room, _vote({note: 1}, voter="w" * 20)), writer)


def test_a_viewer_adding_a_note_is_refused():
    room = _room()
    with pytest.raises(Refused, match="viewer"):
        _admit(room, _edit(room, _add_note(None)), rights.VIEWER)


def test_a_viewers_sync_answer_that_changes_nothing_is_accepted():
    room = _room()
    # A peer's answer to the server's sync step 1 holds its whole delete set: the
    # deletions it has seen, which change nothing in the room.
    room.get("cxmap", type=Map)["nodes"].pop(_ids(room, "note")[0])
    viewer = Doc()
    viewer.apply_update(room.get_update())
    _admit(room, viewer.get_update(room.get_state()), rights.VIEWER)


def test_a_deletion_of_an_item_the_room_does_not_have_yet_is_refused():
    room = _room()
    client, clock = room.client_id, max(rights._vector(room.get_state()).values())
    # lib0: no structs; one client; one range (clock, length 1)
    forged = bytes([0, 1]) + _uint(client) + bytes([1]) + _uint(clock + 5) + bytes([1])
    with pytest.raises(Refused, match="does not have"):
        _admit(room, forged)


def _uint(value: int) -> bytes:
    out = bytearray()
    while value >= 0x80:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    return bytes([*out, value])


def test_a_write_to_another_root_is_refused():
    room = _room()
    other = Doc()
    other.apply_update(room.get_update())
    state = other.get_state()
    other.get("elsewhere", type=Map)["x"] = 1
    with pytest.raises(Refused, match="outside"):
        _admit(room, other.get_update(state))


def test_bytes_that_are_no_update_are_refused():
    with pytest.raises(Refused, match="not a Yjs update"):
        _admit(_room(), b"\x05\x01\x02garb", rights.FACILITATOR)


def test_a_facilitator_may_rename_a_touchpoint():
    room = _room()
    tp = _ids(room, "touchpoint")[0]
    _admit(room, _edit(room, lambda root: root["nodes"][tp].__setitem__("title", "X")),
           rights.FACILITATOR)


def test_a_state_vector_that_does_not_decode_is_refused():
    with pytest.raises(Refused):
        rights.check_state(b"\x05\x01")


def test_a_rooms_own_state_vector_is_a_state_vector():
    rights.check_state(_room().get_state())
