"""The shared Yjs document: the mapping both ways, a binding's local and remote paths,
and hostile documents."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pycrdt import Array, Doc, Map, Text

from cxdesigner.fileformat import cxmap
from cxdesigner.fileformat.errors import FileFormatError
from cxdesigner.live.binding import LiveBinding
from cxdesigner.live.ydoc import from_ydoc, read_ydoc, root_of, to_ydoc
from cxdesigner.model import schema as S
from cxdesigner.model.journey import JourneyMap
from cxdesigner.resources_path import resource


def _sample(name: str) -> JourneyMap:
    return cxmap.load(resource("samples", name)).journey


def _copy(doc: Doc) -> Doc:
    other = Doc()
    other.apply_update(doc.get_update())
    return other


def _pair() -> tuple[JourneyMap, Doc, LiveBinding, JourneyMap, Doc, LiveBinding]:
    a = JourneyMap()
    stage = a.add_stage("Visit").id
    a.add_touchpoint(stage, "Website")
    da = Doc()
    to_ydoc(a, da)
    db = _copy(da)
    b = from_ydoc(db)
    return a, da, LiveBinding(a, da), b, db, LiveBinding(b, db)


@pytest.mark.parametrize("name", ["bakery-en.cxmap", "bakery-he.cxmap"])
def test_a_sample_reads_back_equal_through_a_peer(name):
    journey = _sample(name)
    doc = Doc()
    to_ydoc(journey, doc)
    loaded = read_ydoc(_copy(doc))
    assert loaded.problems == []
    assert loaded.journey.snapshot() == journey.snapshot()


def test_whole_numbers_read_back_as_whole_numbers():
    journey = JourneyMap()
    stage = journey.add_stage().id
    tp = journey.add_touchpoint(stage).id
    journey.set_emotion(tp, -2)
    note = journey.add_note("pain_point", "Slow", tp).id
    journey.set_fields(note, votes=7, impact=4)
    doc = Doc()
    to_ydoc(journey, doc)
    read = from_ydoc(_copy(doc))
    assert type(read.get(note)["votes"]) is int and type(read.get(note)["impact"]) is int
    assert read.emotion(tp) == -2 and type(read.emotion(tp)) is int


def test_a_local_edit_is_one_transaction_the_peer_applies_as_one_change():
    a, da, _, b, db, bb = _pair()
    state, updates = db.get_state(), []
    da.observe(lambda event: updates.append(event.update))
    stage = a.stages()[0]
    tp = a.add_touchpoint(stage, "Phone", flow_from=a.touchpoints_in(stage)[0]).id
    assert len(updates) == 1
    changes = []
    b.events.subscribe("journey_changed", lambda event: changes.append(event.change))
    bb.receive(da.get_update(state))
    assert len(changes) == 1
    assert b.title(tp) == "Phone" and b.snapshot() == a.snapshot()


def test_a_remote_update_is_not_echoed_back():
    a, da, _, b, db, bb = _pair()
    b_updates = []
    db.observe(lambda event: b_updates.append(event.update))
    state = db.get_state()
    a.rename(a.stages()[0], "Browse")
    bb.receive(da.get_update(state))
    assert b.title(b.stages()[0]) == "Browse"
    assert len(b_updates) == 1  # the received update itself, nothing written after it
    assert db.get_state() == da.get_state()


def test_concurrent_moves_of_one_stage_keep_it_once():
    a, da, ba, b, db, bb = _pair()
    for journey in (a, b):
        journey.add_stage("Buy")
    ba.receive(db.get_update(da.get_state()))
    bb.receive(da.get_update(db.get_state()))
    first = a.stages()[0]
    sa, sb = da.get_state(), db.get_state()
    a.move_stage(first, 2)
    b.move_stage(first, 1)
    ba.receive(db.get_update(sa))
    bb.receive(da.get_update(sb))
    assert a.stages() == b.stages() and a.stages().count(first) == 1


def test_a_touchpoint_added_to_a_stage_removed_meanwhile_is_kept_in_a_stage():
    a, da, ba, b, db, bb = _pair()
    other = a.add_stage("Pay").id
    bb.receive(da.get_update(db.get_state()))
    stage = a.stages()[0]
    sa, sb = da.get_state(), db.get_state()
    tp = b.add_touchpoint(stage, "Late card").id
    a.remove_stage(stage)
    ba.receive(db.get_update(sa))
    bb.receive(da.get_update(sb))
    assert a.snapshot() == b.snapshot()
    assert a.stage_of(tp) == other


def test_a_loop_of_sub_actions_made_by_two_people_is_cut_the_same_way():
    a, da, ba, b, db, bb = _pair()
    x, y = a.add_action("X").id, a.add_action("Y").id
    bb.receive(da.get_update(db.get_state()))
    sa, sb = da.get_state(), db.get_state()
    a.nest_action(x, y)
    b.nest_action(y, x)
    ba.receive(db.get_update(sa))
    bb.receive(da.get_update(sb))
    assert a.snapshot() == b.snapshot()
    assert None in (a.parent_of(x), a.parent_of(y))


def _hostile(**parts) -> Doc:
    doc = Doc()
    root = root_of(doc)
    with doc.transaction():
        root["version"] = parts.pop("version", 1)
        for key, value in parts.items():
            root[key] = value
    return _copy(doc)


def test_a_document_without_a_map_is_refused_with_a_message():
    with pytest.raises(FileFormatError, match="holds no CX Designer map"):
        from_ydoc(Doc())


def test_a_newer_shape_is_refused_with_a_message():
    with pytest.raises(FileFormatError, match="version 9"):
        from_ydoc(_hostile(version=9))


def test_a_part_of_the_wrong_type_is_refused_with_a_message():
    with pytest.raises(FileFormatError, match='"nodes" must be a Map'):
        from_ydoc(_hostile(nodes=Text("nodes")))


def test_an_element_of_unknown_kind_is_dropped_and_reported():
    loaded = read_ydoc(_hostile(nodes=Map({"n1": Map({"kind": "dragon"}),
                                           "n2": Array([1])})))
    assert len(loaded.journey) == 0
    assert any("unknown kind" in p.message for p in loaded.problems)
    assert any("not an object" in p.message for p in loaded.problems)


def test_missing_fields_take_their_defaults():
    loaded = read_ydoc(_hostile(nodes=Map({"s": Map({"kind": "stage"})}),
                                stage_order=Array(["s"])))
    assert dict(loaded.journey.get("s")) == {"kind": "stage", **S.defaults(S.STAGE)}


def test_a_huge_text_is_cut_and_reported():
    loaded = read_ydoc(_hostile(nodes=Map({"s": Map({"kind": "stage",
                                                      "title": "x" * (S.MAX_TEXT + 5)})})))
    assert len(loaded.journey.title("s")) == S.MAX_TEXT
    assert any("was cut" in p.message for p in loaded.problems)


def test_a_link_key_that_is_not_a_pair_is_dropped_and_reported():
    nodes = Map({"s": Map({"kind": "stage"}), "t": Map({"kind": "touchpoint"})})
    loaded = read_ydoc(_hostile(nodes=nodes, edges=Map({"t|s": "in_stage"})))
    assert any("not the JSON of [source, target]" in p.message for p in loaded.problems)


def test_the_live_package_loads_without_qt():
    code = ("import sys, cxdesigner.live.binding, cxdesigner.live.ydoc; "
            "sys.exit(any(m.startswith('PySide6') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_feedback_and_a_snapshot_read_back_equal_through_a_peer():
    journey = JourneyMap()
    stage = journey.add_stage("Visit").id
    tp = journey.add_touchpoint(stage, "Website").id
    journey.add_feedback([{"touchpoint": tp, "nps": 9, "csat": 4, "masked": 2,
                           "fields": {"branch": "North"}}])
    journey.add_snapshot("Spring", "2026-03-01T10:00",
                         {"touchpoints": {tp: {"nps": 100, "share": 12.5, "emotions": [2, -1]}}})
    journey.set_document(review_months=5)
    doc = Doc()
    to_ydoc(journey, doc)
    loaded = read_ydoc(_copy(doc))
    assert loaded.problems == []
    assert loaded.journey.snapshot() == journey.snapshot()
