"""Lanes in the .cxmap file: the round trip, each repair of ``validate_lanes``, the
2 -> 3 migration and the bulk loader."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxdesigner.fileformat import bulk, cxmap
from cxdesigner.fileformat.limits import VERSION
from cxdesigner.fileformat.validate import Checker
from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S
from cxdesigner.model.lane_edits import EMOTION_LANE_ID, TEXT_LANES
from tests.strategies import journeys, texts


def blueprint() -> JourneyMap:
    journey = JourneyMap()
    journey.set_document(language="he", direction="rtl")
    stage = journey.add_stage("חשיפה", id="s1").id
    journey.add_touchpoint(stage, "מודעה", id="t1")
    journey.add_lane("frontstage", id="front")
    journey.add_lane("text", "כלים", id="tools")
    journey.add_lane("image", id="pics")
    journey.move_lane(EMOTION_LANE_ID, 2)
    journey.set_lane("tools", hidden=True)
    journey.set_cell("t1", "front", "מענה")
    journey.set_cell("t1", "tools", "טאבלט")
    journey.set_mark("t1", "tools", "fail")
    return journey


def data_of(journey: JourneyMap) -> dict:
    return json.loads(cxmap.dumps(journey))


def node(data: dict, node_id: str) -> dict:
    return next(n for n in data["graph"]["nodes"] if n["id"] == node_id)


def index(data: dict, node_id: str) -> int:
    return [n["id"] for n in data["graph"]["nodes"]].index(node_id)


def test_a_map_with_lanes_saves_and_loads_equal(tmp_path):
    journey = blueprint()
    path = tmp_path / "map.cxmap"
    cxmap.save(journey, path)
    loaded = cxmap.load(path)
    assert loaded.problems == [] and loaded.journey.snapshot() == journey.snapshot()
    assert loaded.journey.lanes() == journey.lanes()


def test_a_saved_map_is_version_3_with_lane_nodes():
    data = data_of(blueprint())
    assert data["version"] == VERSION >= 3
    assert node(data, "front")["kind"] == "lane" and node(data, "t1")["marks"] == {
        "tools": "fail"}


def test_an_emotion_lane_under_another_id_is_dropped_and_reported():
    data = data_of(blueprint())
    data["graph"]["nodes"].append({"id": "mood", "kind": "lane", "lane_kind": "emotion",
                                   "title": "", "hidden": False, "order": 9})
    loaded = cxmap.from_data(data)
    assert "mood" not in loaded.journey
    where = f"$.graph.nodes[{index(data, 'mood')}]"
    assert [(p.location, p.action) for p in loaded.problems] == [(where, "dropped")]
    assert "lane:emotion" in loaded.problems[0].message


def test_another_element_under_the_emotion_lanes_id_is_dropped_and_reported():
    data = data_of(blueprint())
    moved = node(data, EMOTION_LANE_ID)
    moved.update(kind="stage", description="")
    for key in ("lane_kind", "hidden", "order"):
        moved.pop(key)
    loaded = cxmap.from_data(data)
    assert EMOTION_LANE_ID not in loaded.journey.graph
    assert any(p.location == f"$.graph.nodes[{index(data, EMOTION_LANE_ID)}]"
               and "belongs to the emotion lane" in p.message for p in loaded.problems)


def test_a_text_lane_under_the_emotion_lanes_id_is_dropped_and_reported():
    data = data_of(blueprint())
    node(data, EMOTION_LANE_ID)["lane_kind"] = "text"
    loaded = cxmap.from_data(data)
    assert EMOTION_LANE_ID not in loaded.journey.graph
    assert loaded.journey.lanes()[0] == EMOTION_LANE_ID  # the implicit one, on top
    assert [p.location for p in loaded.problems] == [
        f"$.graph.nodes[{index(data, EMOTION_LANE_ID)}]"]


def test_lanes_past_the_limit_are_dropped_and_reported():
    data = data_of(blueprint())
    extra = S.MAX_LANES - 4 + 2  # the map has 4 lane nodes (the emotion lane's among them)
    for i in range(extra):
        data["graph"]["nodes"].append({"id": f"x{i}", "kind": "lane", "lane_kind": "text",
                                       "title": f"L{i}", "hidden": False, "order": 10 + i})
    loaded = cxmap.from_data(data)
    assert len(loaded.journey.ids("lane")) == S.MAX_LANES
    assert "x36" not in loaded.journey and "x35" in loaded.journey
    assert [p.location for p in loaded.problems] == [
        f"$.graph.nodes[{index(data, 'x36')}]", f"$.graph.nodes[{index(data, 'x37')}]"]
    assert all(p.action == "dropped" for p in loaded.problems)


def test_a_cell_of_a_lane_without_text_is_dropped_and_reported():
    data = data_of(blueprint())
    node(data, "t1")["cells"]["pics"] = "photo"
    loaded = cxmap.from_data(data)
    assert loaded.journey.get("t1")["cells"] == {"front": "מענה", "tools": "טאבלט"}
    where = f"$.graph.nodes[{index(data, 't1')}].cells.pics"
    assert [(p.location, p.action) for p in loaded.problems] == [(where, "dropped")]


def test_a_mark_of_an_unknown_lane_is_dropped_and_reported():
    data = data_of(blueprint())
    node(data, "t1")["marks"]["gone"] = "wait"
    loaded = cxmap.from_data(data)
    assert loaded.journey.get("t1")["marks"] == {"tools": "fail"}
    assert [p.location for p in loaded.problems] == [
        f"$.graph.nodes[{index(data, 't1')}].marks.gone"]


def test_a_cell_of_a_dropped_lane_is_dropped_too():
    data = data_of(blueprint())
    node(data, "tools")["lane_kind"] = "emotion"  # dropped: not under the fixed id
    loaded = cxmap.from_data(data)
    assert "tools" not in loaded.journey and loaded.journey.get("t1")["marks"] == {}
    assert loaded.journey.get("t1")["cells"] == {"front": "מענה"}


def test_a_bad_mark_value_is_repaired_and_reported_with_its_location():
    data = data_of(blueprint())
    node(data, "t1")["marks"]["tools"] = "slow"
    loaded = cxmap.from_data(data)
    assert loaded.journey.mark("t1", "tools") is None
    assert any(p.location.startswith(f"$.graph.nodes[{index(data, 't1')}].marks")
               for p in loaded.problems)


def test_a_version_2_file_migrates_to_version_3_without_lanes():
    journey = JourneyMap()
    journey.add_touchpoint(journey.add_stage("Visit", id="s1").id, "Desk", id="t1")
    data = data_of(journey)
    data["version"] = 2
    for n in data["graph"]["nodes"]:
        n.pop("cells", None)
        n.pop("marks", None)
    loaded = cxmap.from_data(data)
    assert loaded.version == 2 and loaded.problems == []
    assert loaded.journey.lanes() == [EMOTION_LANE_ID] and loaded.journey.ids("lane") == []
    assert loaded.journey.get("t1")["cells"] == {}
    assert json.loads(cxmap.dumps(loaded.journey))["version"] == VERSION


def test_the_2_to_3_step_changes_only_the_version_and_not_its_input():
    from cxdesigner.fileformat.migrations import migrate
    original = {"version": 2, "graph": {"nodes": [{"id": "t", "kind": "touchpoint"}]}}
    before = json.dumps(original, sort_keys=True)
    assert migrate(original, 2, 3) == dict(original, version=3)
    assert json.dumps(original, sort_keys=True) == before


@st.composite
def blueprints(draw) -> JourneyMap:
    """A journey with lanes, cells and marks, made through the model's API."""
    journey = draw(journeys(max_stages=3, max_touchpoints=5))
    kinds = st.sampled_from([k for k in S.LANE_KINDS if k != S.EMOTION_LANE])
    for _ in range(draw(st.integers(0, 5))):
        journey.add_lane(draw(kinds), draw(texts), draw(st.none() | st.integers(0, 6)))
    for _ in range(draw(st.integers(0, 2))):
        pick = draw(st.sampled_from(journey.lanes()))
        edit = draw(st.sampled_from(["move", "hide", "rename"]))
        if edit == "move":
            journey.move_lane(pick, draw(st.integers(0, 6)))
        elif edit == "hide":
            journey.set_lane(pick, hidden=True)
        else:
            journey.set_lane(pick, title=draw(texts))
    text_lanes = [n for n in journey.lanes() if journey.lane(n)["lane_kind"] in TEXT_LANES]
    for tp in journey.ids(S.TOUCHPOINT):
        for lane in text_lanes:
            if draw(st.booleans()):
                journey.set_cell(tp, lane, draw(texts))
            journey.set_mark(tp, lane, draw(st.sampled_from([None, *S.CELL_MARKS])))
    return journey


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.data_too_large])
@given(journey=blueprints())
def test_bulk_acceptance_of_a_map_with_lanes_agrees_with_the_careful_checks(journey):
    text = cxmap.dumps(journey)
    careful = Checker(surrogate_free=False).build(json.loads(text))
    raw = json.loads(text)
    nodes = bulk.nodes(raw["graph"]["nodes"])
    assert nodes is not None
    assert bulk.edges(raw["graph"]["edges"], {n: a["kind"] for n, a in nodes}) is not None
    loaded = cxmap.loads(text)
    assert loaded.problems == []
    assert loaded.journey.snapshot() == careful.snapshot() == journey.snapshot()


def test_bulk_acceptance_refuses_a_bad_lane_field():
    data = data_of(blueprint())
    node(data, "front")["lane_kind"] = "kitchen"
    assert bulk.nodes(data["graph"]["nodes"]) is None


def test_bulk_acceptance_refuses_a_bad_mark():
    data = data_of(blueprint())
    node(data, "t1")["marks"]["tools"] = "slow"
    assert bulk.nodes(data["graph"]["nodes"]) is None


def test_the_emotion_lane_counts_among_the_lanes_even_without_a_node():
    journey = JourneyMap()
    data = data_of(journey)
    for i in range(S.MAX_LANES):
        data["graph"]["nodes"].append({"id": f"x{i}", "kind": "lane", "lane_kind": "text",
                                       "title": f"L{i}", "hidden": False, "order": i})
    loaded = cxmap.from_data(data)
    assert len(loaded.journey.lanes()) == S.MAX_LANES
    assert [p.location for p in loaded.problems] == [f"$.graph.nodes[{S.MAX_LANES - 1}]"]
    # so the map's lanes stay editable: moving the emotion lane makes its node
    loaded.journey.move_lane(EMOTION_LANE_ID, 3)
    assert len(loaded.journey.ids("lane")) == S.MAX_LANES
