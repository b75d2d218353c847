"""Lanes, cells and marks in the shared Yjs document: the mapping, merges of two peers'
edits, and who may write them."""

from __future__ import annotations

import pytest
from pycrdt import Doc, Map

from cxdesigner.live import rights
from cxdesigner.live.binding import LiveBinding
from cxdesigner.live.rights import Refused, Shadow, Writer
from cxdesigner.live.ydoc import from_ydoc, read_ydoc, root_of, to_ydoc
from cxdesigner.model import JourneyMap
from cxdesigner.model.lane_edits import EMOTION_LANE_ID


def _copy(doc: Doc) -> Doc:
    other = Doc()
    other.apply_update(doc.get_update())
    return other


def _blueprint() -> JourneyMap:
    journey = JourneyMap()
    tp = journey.add_touchpoint(journey.add_stage("Visit").id, "Desk").id
    front = journey.add_lane("frontstage").id
    tools = journey.add_lane("text", "Tools").id
    journey.set_lane(tools, hidden=True)
    journey.set_cell(tp, front, "Greets")
    journey.set_mark(tp, tools, "wait")
    return journey


def _pair():
    a = _blueprint()
    da = Doc()
    to_ydoc(a, da)
    db = _copy(da)
    b = from_ydoc(db)
    return a, da, LiveBinding(a, da), b, db, LiveBinding(b, db)


def _exchange(da, ba, db, bb, sa, sb) -> None:
    ba.receive(db.get_update(sa))
    bb.receive(da.get_update(sb))


def test_lanes_cells_and_marks_read_back_equal_through_a_peer():
    journey = _blueprint()
    doc = Doc()
    to_ydoc(journey, doc)
    loaded = read_ydoc(_copy(doc))
    assert loaded.problems == []
    assert loaded.journey.snapshot() == journey.snapshot()
    assert loaded.journey.lanes() == journey.lanes()


def test_cells_and_marks_are_nested_maps_in_the_document():
    journey = _blueprint()
    doc = Doc()
    to_ydoc(journey, doc)
    tp = journey.ids("touchpoint")[0]
    node = root_of(doc)["nodes"][tp]
    assert isinstance(node["cells"], Map) and isinstance(node["marks"], Map)


def test_a_lanes_whole_order_reads_back_as_a_whole_number():
    journey = _blueprint()
    doc = Doc()
    to_ydoc(journey, doc)
    read = from_ydoc(_copy(doc))
    assert all(type(read.lane(n)["order"]) is int for n in read.lanes())


def test_two_peers_editing_different_cells_of_one_touchpoint_both_keep_theirs():
    a, da, ba, b, db, bb = _pair()
    tp = a.ids("touchpoint")[0]
    front, tools = a.lanes()[1], a.lanes()[2]
    sa, sb = da.get_state(), db.get_state()
    a.set_cell(tp, front, "Smiles")
    b.set_cell(tp, tools, "Tablet")
    _exchange(da, ba, db, bb, sa, sb)
    for journey in (a, b):
        assert journey.cell(tp, front) == "Smiles" and journey.cell(tp, tools) == "Tablet"
    assert a.snapshot() == b.snapshot()


def test_two_peers_marking_different_cells_of_one_touchpoint_both_keep_theirs():
    a, da, ba, b, db, bb = _pair()
    tp = a.ids("touchpoint")[0]
    front, tools = a.lanes()[1], a.lanes()[2]
    sa, sb = da.get_state(), db.get_state()
    a.set_mark(tp, front, "fail")
    b.set_mark(tp, tools, None)
    _exchange(da, ba, db, bb, sa, sb)
    for journey in (a, b):
        assert journey.get(tp)["marks"] == {front: "fail"}


def test_two_peers_adding_lanes_at_once_both_keep_theirs():
    a, da, ba, b, db, bb = _pair()
    sa, sb = da.get_state(), db.get_state()
    mine = a.add_lane("backstage").id
    theirs = b.add_lane("support").id
    _exchange(da, ba, db, bb, sa, sb)
    assert a.lanes() == b.lanes() and {mine, theirs} <= set(a.lanes())


def test_two_peers_placing_the_emotion_lane_at_once_make_one_node():
    a = JourneyMap()
    a.add_stage("Visit")
    da = Doc()
    to_ydoc(a, da)
    db = _copy(da)
    b = from_ydoc(db)
    ba, bb = LiveBinding(a, da), LiveBinding(b, db)
    sa, sb = da.get_state(), db.get_state()
    a.set_lane(EMOTION_LANE_ID, hidden=True)
    b.set_lane(EMOTION_LANE_ID, title="Mood")
    _exchange(da, ba, db, bb, sa, sb)
    assert a.snapshot() == b.snapshot()
    assert a.ids("lane") == [EMOTION_LANE_ID]


def test_a_lane_removed_by_one_peer_while_another_fills_its_cell_leaves_no_stray_cell():
    a, da, ba, b, db, bb = _pair()
    tp = a.ids("touchpoint")[0]
    front = a.lanes()[1]
    sa, sb = da.get_state(), db.get_state()
    a.remove(front)
    b.set_cell(tp, front, "Late")
    _exchange(da, ba, db, bb, sa, sb)
    assert a.snapshot() == b.snapshot()
    assert front not in a.get(tp)["cells"] and front not in a.lanes()


# ------------------------------------------------------------------ rights
def _room() -> Doc:
    doc = Doc()
    to_ydoc(_blueprint(), doc)
    return doc


def _edit(room: Doc, change) -> bytes:
    client = Doc()
    client.apply_update(room.get_update())
    state = client.get_state()
    with client.transaction():
        change(client.get("cxmap", type=Map))
    return client.get_update(state)


def _ids(room: Doc, kind: str) -> list[str]:
    return sorted(k for k, v in root_of(room)["nodes"].items() if v.get("kind") == kind)


def _set_cell(room: Doc):
    tp, lane = _ids(room, "touchpoint")[0], _ids(room, "lane")[-1]
    return lambda root: root["nodes"][tp]["cells"].__setitem__(lane, "Mine")


def _add_lane(root: Map) -> None:
    root["nodes"]["4a3f9a4e-8d1c-4c1e-9b7a-2f1e0c9d8b7a"] = Map(
        {"kind": "lane", "lane_kind": "text", "title": "Mine", "hidden": False, "order": 9})


def _rename_lane(room: Doc):
    lane = _ids(room, "lane")[-1]
    return lambda root: root["nodes"][lane].__setitem__("title", "Renamed")


def _mark(room: Doc):
    tp, lane = _ids(room, "touchpoint")[0], _ids(room, "lane")[-1]
    return lambda root: root["nodes"][tp]["marks"].__setitem__(lane, "fail")


@pytest.mark.parametrize("role", [rights.PARTICIPANT, rights.VIEWER])
@pytest.mark.parametrize("edit", ["cell", "mark", "add lane", "rename lane"])
def test_participants_and_viewers_may_not_write_lanes_or_cells(role, edit):
    room = _room()
    change = {"cell": _set_cell(room), "mark": _mark(room), "add lane": _add_lane,
              "rename lane": _rename_lane(room)}[edit]
    with pytest.raises(Refused):
        Shadow(room.get_update()).admit(_edit(room, change), Writer(role))


@pytest.mark.parametrize("edit", ["cell", "mark", "add lane", "rename lane"])
def test_a_facilitator_may_write_lanes_and_cells(edit):
    room = _room()
    change = {"cell": _set_cell(room), "mark": _mark(room), "add lane": _add_lane,
              "rename lane": _rename_lane(room)}[edit]
    assert Shadow(room.get_update()).admit(_edit(room, change), Writer(rights.FACILITATOR))
