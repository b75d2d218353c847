"""Lane edits in the model (no Qt): each undoable, the emotion lane's rules, the limits."""

from __future__ import annotations

import pytest

from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S
from cxdesigner.model.errors import ModelError
from cxdesigner.model.lane_edits import EMOTION_LANE_ID


@pytest.fixture
def blueprint() -> JourneyMap:
    journey = JourneyMap()
    stage = journey.add_stage("Visit", id="s1").id
    journey.add_touchpoint(stage, "Desk", id="t1")
    journey.add_touchpoint(stage, "Phone", id="t2")
    journey.add_lane("frontstage", id="front")
    journey.add_lane("text", "Tools", id="tools")
    journey.add_lane("image", id="pics")
    journey.set_cell("t1", "front", "Greets")
    journey.set_cell("t2", "front", "Answers")
    journey.set_cell("t1", "tools", "Tablet")
    journey.set_mark("t1", "front", "wait")
    journey.set_mark("t2", "tools", "fail")
    return journey


def _undo_redo(journey: JourneyMap, edit) -> None:
    """Apply ``edit``; its undo restores the map before it, its redo the map after."""
    before = journey.snapshot()
    change = edit(journey)
    after = journey.snapshot()
    assert after != before
    journey.apply(change.inverse())
    assert journey.snapshot() == before
    journey.apply(change)
    assert journey.snapshot() == after


def test_adding_a_lane_undoes_and_redoes(blueprint):
    _undo_redo(blueprint, lambda j: j.add_lane("backstage", index=1))


def test_a_new_lane_goes_where_it_is_asked(blueprint):
    lane = blueprint.add_lane("backstage", index=1).id
    assert blueprint.lanes()[1] == lane


def test_moving_a_lane_undoes_and_redoes(blueprint):
    _undo_redo(blueprint, lambda j: j.move_lane("pics", 0))


def test_hiding_a_lane_undoes_and_redoes(blueprint):
    _undo_redo(blueprint, lambda j: j.set_lane("tools", hidden=True))
    assert "tools" not in blueprint.visible_lanes()


def test_renaming_a_lane_undoes_and_redoes(blueprint):
    _undo_redo(blueprint, lambda j: j.set_lane("tools", title="Kit"))
    assert blueprint.lane("tools")["title"] == "Kit"


def test_a_lanes_kind_cannot_change(blueprint):
    with pytest.raises(ModelError, match="kind cannot change"):
        blueprint.set_lane("tools", lane_kind="frontstage")


def test_removing_a_lane_takes_its_cells_and_marks_off_the_touchpoints(blueprint):
    blueprint.remove("front")
    assert "front" not in blueprint.lanes()
    assert blueprint.get("t1")["cells"] == {"tools": "Tablet"}
    assert blueprint.get("t1")["marks"] == {} and blueprint.get("t2")["cells"] == {}


def test_undoing_a_lanes_removal_brings_back_its_cells_and_marks(blueprint):
    before = blueprint.snapshot()
    change = blueprint.remove("front")
    blueprint.apply(change.inverse())
    assert blueprint.snapshot() == before
    assert blueprint.cell("t2", "front") == "Answers" and blueprint.mark("t1", "front") == "wait"
    blueprint.apply(change)
    assert blueprint.get("t2")["cells"] == {}


def test_a_map_without_lanes_has_the_emotion_lane_without_a_node():
    journey = JourneyMap()
    assert journey.lanes() == [EMOTION_LANE_ID] and journey.ids("lane") == []
    assert journey.lane(EMOTION_LANE_ID)["lane_kind"] == "emotion"


def test_moving_the_emotion_lane_first_makes_its_node_under_its_fixed_id():
    journey = JourneyMap()
    journey.add_lane("frontstage", id="front")
    journey.move_lane(EMOTION_LANE_ID, 1)
    assert EMOTION_LANE_ID in journey.ids("lane")
    assert journey.lanes() == ["front", EMOTION_LANE_ID]


def test_hiding_the_emotion_lane_first_makes_its_node_and_undo_takes_it_away():
    journey = JourneyMap()
    before = journey.snapshot()
    change = journey.set_lane(EMOTION_LANE_ID, hidden=True)
    assert journey.ids("lane") == [EMOTION_LANE_ID]
    assert journey.visible_lanes() == []
    journey.apply(change.inverse())
    assert journey.snapshot() == before and journey.ids("lane") == []


def test_showing_the_emotion_lane_that_has_no_node_changes_nothing():
    journey = JourneyMap()
    assert journey.set_lane(EMOTION_LANE_ID, hidden=False).ops == ()
    assert journey.ids("lane") == []


def test_the_emotion_lane_cannot_be_removed():
    journey = JourneyMap()
    journey.set_lane(EMOTION_LANE_ID, hidden=True)
    with pytest.raises(ModelError, match="cannot be removed"):
        journey.remove(EMOTION_LANE_ID)
    assert EMOTION_LANE_ID in journey.ids("lane")


def test_a_second_emotion_lane_cannot_be_added():
    journey = JourneyMap()
    with pytest.raises(ModelError, match="one emotion lane"):
        journey.add_lane("emotion")


def test_no_other_lane_may_take_the_emotion_lanes_id():
    journey = JourneyMap()
    with pytest.raises(ModelError, match="emotion lane"):
        journey.add_lane("text", id=EMOTION_LANE_ID)


def test_a_map_holds_at_most_max_lanes_lanes():
    journey = JourneyMap()
    while len(journey.lanes()) < S.MAX_LANES:
        journey.add_lane("text")
    before = journey.snapshot()
    with pytest.raises(ModelError, match=f"at most {S.MAX_LANES} lanes"):
        journey.add_lane("text")
    assert journey.snapshot() == before


@pytest.mark.parametrize("lane", ["pics", EMOTION_LANE_ID])
def test_set_cell_on_a_lane_without_text_is_refused_with_a_clear_message(blueprint, lane):
    with pytest.raises(ModelError, match="emotion lane has no cells|holds no text"):
        blueprint.set_cell("t1", lane, "x")


def test_set_mark_on_a_lane_without_text_is_refused(blueprint):
    with pytest.raises(ModelError, match="holds no text"):
        blueprint.set_mark("t1", "pics", "fail")


def test_a_touchpoint_may_not_be_given_a_cell_of_an_unknown_lane(blueprint):
    with pytest.raises(ModelError, match="not a text lane"):
        blueprint.set_fields("t1", cells={"nowhere": "x"})


def test_setting_a_cell_undoes_and_redoes(blueprint):
    _undo_redo(blueprint, lambda j: j.set_cell("t2", "tools", "Headset"))


def test_emptying_a_cell_keeps_its_mark(blueprint):
    blueprint.set_cell("t1", "front", "")
    assert blueprint.cell("t1", "front") == "" and blueprint.mark("t1", "front") == "wait"


def test_setting_a_mark_undoes_and_redoes(blueprint):
    _undo_redo(blueprint, lambda j: j.set_mark("t2", "front", "fail"))


def test_a_mark_is_fail_or_wait(blueprint):
    with pytest.raises(ModelError):
        blueprint.set_mark("t1", "front", "slow")


def test_removing_a_touchpoint_with_cells_undoes_and_redoes(blueprint):
    _undo_redo(blueprint, lambda j: j.remove("t1"))
