"""Lanes in copies: a map copied with fresh ids, and touchpoints copied and pasted."""

from __future__ import annotations

import json

from cxdesigner.fileformat import cxmap
from cxdesigner.fileformat.templates import copy_with_fresh_ids
from cxdesigner.model import JourneyMap, clipboard
from cxdesigner.model.lane_edits import EMOTION_LANE_ID


def _blueprint() -> tuple[JourneyMap, str, dict[str, str]]:
    journey = JourneyMap()
    tp = journey.add_touchpoint(journey.add_stage("Visit").id, "Desk").id
    lanes = {"front": journey.add_lane("frontstage").id,
             "tools": journey.add_lane("text", "Tools").id,
             "pics": journey.add_lane("image").id}
    journey.move_lane(EMOTION_LANE_ID, 2)
    journey.set_lane(EMOTION_LANE_ID, hidden=True, title="Mood")
    journey.set_lane(lanes["tools"], hidden=True)
    journey.set_cell(tp, lanes["front"], "Greets")
    journey.set_cell(tp, lanes["tools"], "Tablet")
    journey.set_mark(tp, lanes["tools"], "fail")
    return journey, tp, lanes


def _described(journey: JourneyMap) -> list[tuple]:
    return [(journey.lane(n)["lane_kind"], journey.lane(n)["title"], journey.lane(n)["hidden"])
            for n in journey.lanes()]


def test_a_fresh_copy_keeps_the_lanes_order_titles_and_visibility():
    journey, _, _ = _blueprint()
    copy = copy_with_fresh_ids(journey)
    assert _described(copy) == _described(journey)


def test_a_fresh_copy_gives_lanes_new_ids_but_keeps_the_emotion_lanes():
    journey, _, lanes = _blueprint()
    copy = copy_with_fresh_ids(journey)
    assert EMOTION_LANE_ID in copy.lanes()
    assert not set(lanes.values()) & set(copy.lanes())


def test_a_fresh_copy_moves_cells_and_marks_to_the_new_lane_ids():
    journey, tp, lanes = _blueprint()
    copy = copy_with_fresh_ids(journey, make_id=lambda old: "new-" + old)
    new_tp = "new-" + tp
    assert copy.cell(new_tp, "new-" + lanes["front"]) == "Greets"
    assert copy.cell(new_tp, "new-" + lanes["tools"]) == "Tablet"
    assert copy.get(new_tp)["marks"] == {"new-" + lanes["tools"]: "fail"}


def test_a_fresh_copy_with_lanes_saves_and_loads_without_repairs():
    copy = copy_with_fresh_ids(_blueprint()[0])
    loaded = cxmap.loads(cxmap.dumps(copy))
    assert loaded.problems == [] and loaded.journey.snapshot() == copy.snapshot()


def test_a_fresh_copy_of_a_map_without_lanes_makes_no_emotion_lane_node():
    journey = JourneyMap()
    journey.add_touchpoint(journey.add_stage("Visit").id, "Desk")
    assert copy_with_fresh_ids(journey).ids("lane") == []


def test_copy_and_paste_within_a_map_keeps_cells_and_marks():
    journey, tp, _ = _blueprint()
    data = json.loads(json.dumps(clipboard.extract(journey, [tp])))
    change = clipboard.paste(journey, data)
    pasted = clipboard.added_ids(change)[0]
    assert journey.get(pasted)["cells"] == journey.get(tp)["cells"]
    assert journey.get(pasted)["marks"] == journey.get(tp)["marks"]


def test_pasting_into_a_map_without_the_lanes_drops_the_cells_without_error():
    journey, tp, _ = _blueprint()
    other = JourneyMap()
    other.add_stage("Elsewhere")
    pasted = clipboard.added_ids(clipboard.paste(other, clipboard.extract(journey, [tp])))[0]
    assert other.get(pasted)["cells"] == {} and other.get(pasted)["marks"] == {}
    assert other.title(pasted) == "Desk"


def test_pasting_into_another_map_puts_cells_in_its_lane_of_the_same_kind_and_title():
    journey, tp, _ = _blueprint()
    other = JourneyMap()
    other.add_stage("Elsewhere")
    front = other.add_lane("frontstage").id
    pasted = clipboard.added_ids(clipboard.paste(other, clipboard.extract(journey, [tp])))[0]
    assert other.get(pasted)["cells"] == {front: "Greets"}


def test_pasting_cells_of_a_removed_lane_drops_them():
    journey, tp, lanes = _blueprint()
    data = clipboard.extract(journey, [tp])
    journey.remove(lanes["tools"])
    pasted = clipboard.added_ids(clipboard.paste(journey, data))[0]
    assert journey.get(pasted)["cells"] == {lanes["front"]: "Greets"}
    assert journey.get(pasted)["marks"] == {}


def test_a_malformed_lanes_table_on_the_clipboard_is_ignored():
    journey, tp, lanes = _blueprint()
    data = clipboard.extract(journey, [tp])
    data["lanes"] = {lanes["front"]: ["frontstage"], "x": {"lane_kind": ["unhashable"]}}
    pasted = clipboard.added_ids(clipboard.paste(journey, data))[0]
    assert journey.get(pasted)["cells"] == journey.get(tp)["cells"]
