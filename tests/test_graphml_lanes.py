"""GraphML carries the lanes as nodes and a touchpoint's cells and marks as attributes."""

from __future__ import annotations

import networkx as nx

from cxdesigner.fileformat import graphml
from cxdesigner.model import JourneyMap


def blueprint(language: str = "en") -> tuple[JourneyMap, str, dict[str, str]]:
    journey = JourneyMap({"language": language,
                          "direction": "rtl" if language == "he" else "ltr"})
    tp = journey.add_touchpoint(journey.add_stage("Visit").id, "Desk").id
    lanes = {"front": journey.add_lane("frontstage").id,
             "tools": journey.add_lane("text", "Tools").id,
             "back": journey.add_lane("backstage").id}
    journey.set_cell(tp, lanes["front"], "Greets\nthe guest")
    journey.set_cell(tp, lanes["tools"], "Tablet")
    journey.set_mark(tp, lanes["front"], "wait")
    journey.set_mark(tp, lanes["back"], "fail")
    return journey, tp, lanes


def read_back(journey: JourneyMap, tmp_path) -> nx.DiGraph:
    path = tmp_path / "map.graphml"
    graphml.export_graphml(journey, path)
    return nx.read_graphml(path)


def test_lanes_are_nodes_labelled_with_their_names_on_the_map(tmp_path):
    journey, _, lanes = blueprint()
    back = read_back(journey, tmp_path)
    assert back.nodes[lanes["front"]]["kind"] == "lane"
    assert back.nodes[lanes["front"]]["lane_kind"] == "frontstage"
    assert back.nodes[lanes["front"]]["label"] == "Frontstage"
    assert back.nodes[lanes["tools"]]["label"] == "Tools"
    assert back.nodes[lanes["back"]]["order"] == 3.0


def test_a_touchpoints_cells_and_marks_are_attributes_named_by_lane(tmp_path):
    journey, tp, _ = blueprint()
    node = read_back(journey, tmp_path).nodes[tp]
    assert node["cell:Frontstage"] == "Greets\nthe guest"
    assert node["cell:Tools"] == "Tablet"
    assert node["mark:Frontstage"] == "wait" and node["mark:Backstage"] == "fail"
    assert "cell:Backstage" not in node


def test_a_hebrew_map_names_the_cell_attributes_in_hebrew(tmp_path):
    journey, tp, _ = blueprint("he")
    node = read_back(journey, tmp_path).nodes[tp]
    assert node["cell:חזית"] == "Greets\nthe guest" and node["mark:מאחורי הקלעים"] == "fail"


def test_lanes_sharing_a_name_key_their_cells_by_lane_id(tmp_path):
    journey = JourneyMap()
    tp = journey.add_touchpoint(journey.add_stage("Visit").id, "Desk").id
    one, two = journey.add_lane("text", "Notes").id, journey.add_lane("text", "Notes").id
    journey.set_cell(tp, one, "first")
    journey.set_cell(tp, two, "second")
    node = read_back(journey, tmp_path).nodes[tp]
    assert node[f"cell:{one}"] == "first" and node[f"cell:{two}"] == "second"
