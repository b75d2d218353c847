"""Unit tests of the journey model (no Qt): edits, their exact inverses, cascades,
refused values, events and the read API."""

from __future__ import annotations

import ast
import pathlib
import subprocess
import sys

import networkx as nx
import pytest

from cxdesigner.model import JourneyMap, ModelError, schema as S

ROOT = pathlib.Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------ helpers
def build_rich() -> JourneyMap:
    """A small map with one of everything, with readable ids."""
    jm = JourneyMap({"title": "Taco place", "goal": "Diners come back"})
    jm.add_persona("New diner", id="P1")
    jm.add_persona("Regular", "returning", id="P2")
    jm.add_stage("Discover", id="S1")
    jm.add_stage("Order", id="S2")
    jm.add_stage("Return", id="S3")
    jm.add_touchpoint("S1", "Ad", id="A", channel="advertising", x=0.0)
    jm.add_touchpoint("S1", "Reviews", id="B", channel="reviews", x=100.0, flow_from="A")
    jm.add_touchpoint("S2", "Counter", id="C", channel="store", flow_from="B")
    jm.add_touchpoint("S3", "Email", id="D", channel="email", flow_from="C")
    jm.add_flow("A", "C")
    jm.set_emotion("A", 1)
    jm.set_emotion("A", -2, "P1")
    jm.set_emotion("C", 2, "P1")
    jm.add_note("pain_point", "Rude waiter", on="A", id="N1", impact=5, effort=2)
    jm.add_note("opportunity", "Loyalty card", on="S1", id="N2")
    jm.add_note("insight", "Word of mouth", id="N3")
    jm.add_note("weakness", "Slow kitchen", on="C", id="N4")
    jm.assign_persona("A", "P1")
    jm.assign_persona("N1", "P1")
    jm.add_action("Train staff", id="X", addresses=["N1", "N2"])
    jm.add_action("Role play", parent="X", id="Y", addresses=["N1"])
    jm.add_action("Script", parent="Y", id="Z")
    jm.add_action("Ask for reviews", id="W", addresses=["N3"])
    jm.assign_persona("X", "P2")
    return jm


@pytest.fixture
def jm() -> JourneyMap:
    return JourneyMap()


@pytest.fixture
def rich() -> JourneyMap:
    return build_rich()


class Recorder:
    def __init__(self, jm: JourneyMap) -> None:
        self.events = []
        jm.events.subscribe_all(self.events.append)

    def names(self) -> list[str]:
        return [e.name for e in self.events]

    def named(self, name: str) -> list:
        return [e for e in self.events if e.name == name]


def edges_of_kind(jm: JourneyMap, kind: str) -> set[tuple[str, str]]:
    return {(u, v) for u, v, k in jm.graph.edges(data="kind") if k == kind}


def assert_refused(jm: JourneyMap, edit, *words: str) -> ModelError:
    """The edit raises ModelError naming ``words``, and changes nothing."""
    before = jm.snapshot()
    rec = Recorder(jm)
    with pytest.raises(ModelError) as info:
        edit()
    message = str(info.value)
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    assert jm.snapshot() == before
    assert rec.events == []
    return info.value


# ------------------------------------------------ every edit and its inverse
EDITS = {
    "set_document": lambda jm: jm.set_document(title="Tacos", language="he", direction="rtl"),
    "add_stage_at_end": lambda jm: jm.add_stage("Advocacy"),
    "add_stage_at_front": lambda jm: jm.add_stage("Need", 0),
    "move_stage": lambda jm: jm.move_stage("S3", 0),
    "remove_stage_with_touchpoints": lambda jm: jm.remove_stage("S1"),
    "remove_stage_moving_touchpoints": lambda jm: jm.remove_stage("S1", move_to="S2"),
    "add_touchpoint": lambda jm: jm.add_touchpoint("S2", "Chat", channel="chat", x=50.0),
    "add_touchpoint_with_flow_from": lambda jm: jm.add_touchpoint("S3", "Survey",
                                                                  flow_from="D"),
    "add_touchpoint_with_emotions": lambda jm: jm.add_touchpoint(
        "S3", "Call", emotions={"*": 0, "P2": -1}),
    "move_touchpoint_position": lambda jm: jm.move_touchpoint("A", 5.0, 6.0),
    "move_touchpoint_to_stage": lambda jm: jm.move_touchpoint("A", 5.0, 6.0, stage="S3"),
    "move_touchpoints": lambda jm: jm.move_touchpoints([("A", "S2", 1.0, 2.0),
                                                        ("D", None, 3.0, 4.0)]),
    "remove_touchpoint": lambda jm: jm.remove_touchpoint("B"),
    "remove_touchpoint_bridged": lambda jm: jm.remove_touchpoint("C", bridge=True),
    "set_emotion_general": lambda jm: jm.set_emotion("D", -1),
    "set_emotion_persona": lambda jm: jm.set_emotion("D", 2, "P2"),
    "clear_emotion": lambda jm: jm.set_emotion("A", None, "P1"),
    "add_flow": lambda jm: jm.add_flow("D", "A"),
    "remove_flow": lambda jm: jm.remove_flow("A", "B"),
    "add_note_on_touchpoint": lambda jm: jm.add_note("threat", "Competitor", on="D"),
    "add_note_on_map": lambda jm: jm.add_note("strength", "Best tacos", confidence=4),
    "attach_note_elsewhere": lambda jm: jm.attach_note("N1", "S2"),
    "attach_map_note": lambda jm: jm.attach_note("N3", "D"),
    "detach_note_to_map": lambda jm: jm.attach_note("N1", None),
    "add_votes": lambda jm: jm.add_votes("N1", 3),
    "set_scores": lambda jm: jm.set_fields("N2", impact=4, effort=1, reach=3, confidence=2),
    "add_persona": lambda jm: jm.add_persona("Tourist", "new", description="Passing by"),
    "assign_persona": lambda jm: jm.assign_persona("D", "P2"),
    "unassign_persona": lambda jm: jm.unassign_persona("A", "P1"),
    "add_top_action": lambda jm: jm.add_action("Redesign menu", owner="Chef"),
    "add_sub_action_addressing": lambda jm: jm.add_action("Sub", parent="W",
                                                          addresses=["N4", "N3"]),
    "nest_action_under_other": lambda jm: jm.nest_action("Y", "W"),
    "nest_action_to_top": lambda jm: jm.nest_action("Z", None, 0),
    "reorder_top_actions": lambda jm: jm.nest_action("W", None, 0),
    "link_action": lambda jm: jm.link_action("W", "N4"),
    "unlink_action": lambda jm: jm.unlink_action("X", "N2"),
    "set_touchpoint_fields": lambda jm: jm.set_fields(
        "A", title="Billboard", mode="indirect", nps=30.5, csat=80, kpi="reach"),
    "set_action_fields": lambda jm: jm.set_fields(
        "X", due="2025-01-31", status="in_progress", review_months=6, owner="Ops"),
    "rename": lambda jm: jm.rename("S2", "Buy"),
    "remove_note": lambda jm: jm.remove("N1"),
    "remove_persona": lambda jm: jm.remove("P1"),
    "remove_action_subtree": lambda jm: jm.remove("X"),
    "remove_many_mixed": lambda jm: jm.remove_many(["S1", "B", "N1", "P1", "Y"]),
    "remove_everything": lambda jm: jm.remove_many(list(jm.graph.nodes)),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_edit_changes_the_snapshot(rich, name):
    before = rich.snapshot()
    change = EDITS[name](rich)
    assert not change.is_empty
    assert rich.snapshot() != before


@pytest.mark.parametrize("name", list(EDITS))
def test_applying_inverse_restores_the_snapshot_before_the_edit(rich, name):
    before = rich.snapshot()
    change = EDITS[name](rich)
    rich.apply(change.inverse())
    assert rich.snapshot() == before


@pytest.mark.parametrize("name", list(EDITS))
def test_reapplying_change_after_undo_restores_the_snapshot_after_the_edit(rich, name):
    change = EDITS[name](rich)
    after = rich.snapshot()
    rich.apply(change.inverse())
    rich.apply(change)
    assert rich.snapshot() == after


@pytest.mark.parametrize("name", list(EDITS))
def test_undo_redo_cycles_repeat_exactly(rich, name):
    before = rich.snapshot()
    change = EDITS[name](rich)
    after = rich.snapshot()
    for _ in range(3):
        rich.apply(change.inverse())
        assert rich.snapshot() == before
        rich.apply(change)
        assert rich.snapshot() == after


def test_inverse_of_inverse_has_the_same_ops(rich):
    change = rich.remove_many(["S1", "P1"])
    assert change.inverse().inverse().ops == change.ops


def test_add_returns_change_naming_the_new_element(jm):
    change = jm.add_stage("Awareness")
    assert change.id in jm
    assert jm.kind_of(change.id) == S.STAGE


def test_explicit_id_is_used(jm):
    assert jm.add_stage("Awareness", id="stage-1").id == "stage-1"
    assert "stage-1" in jm


def test_generated_ids_are_distinct(jm):
    ids = {jm.add_stage().id for _ in range(20)}
    assert len(ids) == 20


def test_new_element_gets_schema_defaults(jm):
    stage = jm.add_stage("S").id
    tp = jm.add_touchpoint(stage, "T").id
    fields = dict(jm.get(tp))
    assert fields.pop("kind") == S.TOUCHPOINT
    assert fields == dict(S.defaults(S.TOUCHPOINT), title="T")


def test_add_stage_at_index_inserts_there(jm):
    a, b = jm.add_stage("a").id, jm.add_stage("b").id
    c = jm.add_stage("c", 1).id
    assert jm.stage_order == (a, c, b)


def test_add_stage_index_beyond_end_appends(jm):
    a = jm.add_stage("a").id
    b = jm.add_stage("b", 99).id
    assert jm.stage_order == (a, b)


def test_move_stage_reorders(rich):
    rich.move_stage("S1", 2)
    assert rich.stage_order == ("S2", "S3", "S1")


def test_add_touchpoint_puts_it_in_the_stage(rich):
    tp = rich.add_touchpoint("S2", "Chat").id
    assert rich.stage_of(tp) == "S2"


def test_add_touchpoint_flow_from_joins_it_after_that_one(rich):
    tp = rich.add_touchpoint("S3", "Survey", flow_from="D").id
    assert rich.flows_into(tp) == ["D"]


def test_move_touchpoint_changes_stage_and_position(rich):
    rich.move_touchpoint("A", 7.5, -3.0, stage="S3")
    assert rich.stage_of("A") == "S3"
    assert (rich.get("A")["x"], rich.get("A")["y"]) == (7.5, -3.0)


def test_move_touchpoint_keeps_its_flows(rich):
    flows = set(rich.flows())
    rich.move_touchpoint("A", 1.0, 1.0, stage="S3")
    assert set(rich.flows()) == flows


def test_move_touchpoints_is_one_change(rich):
    rec = Recorder(rich)
    rich.move_touchpoints([("A", "S3", 1.0, 1.0), ("B", "S3", 2.0, 2.0)])
    assert len(rec.named("journey_changed")) == 1
    assert sorted(rich.touchpoints_in("S3")) == ["A", "B", "D"]


def test_move_touchpoints_listing_one_touchpoint_twice_is_refused(rich):
    assert_refused(rich, lambda: rich.move_touchpoints(
        [("A", "S2", 1.0, 1.0), ("A", "S3", 2.0, 2.0)]), "Ad")


def test_add_votes_adds_to_the_count(rich):
    rich.add_votes("N1", 2)
    rich.add_votes("N1")
    assert rich.get("N1")["votes"] == 3


def test_attach_note_moves_its_about_edge(rich):
    rich.attach_note("N1", "S3")
    assert rich.target_of("N1") == "S3"
    assert "N1" not in rich.notes_on("A")


def test_add_action_addresses_notes(rich):
    act = rich.add_action("Do", addresses=["N3", "N4"]).id
    assert sorted(rich.addressed_by(act)) == ["N3", "N4"]


def test_add_action_repeated_address_is_linked_once(rich):
    act = rich.add_action("Do", addresses=["N3", "N3"]).id
    assert rich.addressed_by(act) == ["N3"]


def test_nest_action_changes_parent(rich):
    rich.nest_action("Z", "W")
    assert rich.parent_of("Z") == "W"
    assert rich.children_of("Y") == []


def test_link_action_then_unlink_action(rich):
    rich.link_action("W", "N4")
    assert "W" in rich.actions_for("N4")
    rich.unlink_action("W", "N4")
    assert "W" not in rich.actions_for("N4")


def test_assign_then_unassign_persona(rich):
    rich.assign_persona("D", "P2")
    assert rich.personas_of("D") == ["P2"]
    rich.unassign_persona("D", "P2")
    assert rich.personas_of("D") == []


def test_set_document_changes_the_details(jm):
    jm.set_document(client="Tacos Ltd", scoring_method="rice")
    assert (jm.document["client"], jm.document["scoring_method"]) == ("Tacos Ltd", "rice")


def test_document_given_at_creation_is_checked():
    with pytest.raises(ModelError, match="language"):
        JourneyMap({"language": "fr"})


def test_touch_timestamps_sets_times_without_an_edit(jm):
    rec = Recorder(jm)
    jm.touch_timestamps("2024-01-02T03:04:05", "2024-02-03T04:05:06")
    assert jm.document["created"] == "2024-01-02T03:04:05"
    assert jm.document["modified"] == "2024-02-03T04:05:06"
    assert rec.events == []


def test_touch_timestamps_refuses_a_bad_time(jm):
    with pytest.raises(ValueError):
        jm.touch_timestamps(None, "yesterday")


# ---------------------------------------------------------------- cascades
def test_remove_stage_removes_its_touchpoints(rich):
    rich.remove_stage("S1")
    assert "A" not in rich and "B" not in rich
    assert "C" in rich


def test_remove_stage_removes_notes_about_it(rich):
    rich.remove_stage("S1")
    assert "N2" not in rich


def test_remove_stage_removes_notes_about_its_touchpoints(rich):
    rich.remove_stage("S1")
    assert "N1" not in rich
    assert "N4" in rich


def test_remove_stage_removes_flows_of_its_touchpoints(rich):
    rich.remove_stage("S1")
    assert rich.flows() == [("C", "D")]


def test_remove_stage_leaves_it_out_of_stage_order(rich):
    rich.remove_stage("S2")
    assert rich.stage_order == ("S1", "S3")


def test_remove_stage_keeps_actions_that_addressed_its_notes(rich):
    rich.remove_stage("S1")
    assert "X" in rich and "Y" in rich
    assert rich.addressed_by("X") == []


def test_undo_remove_stage_restores_touchpoints_notes_flows_and_order(rich):
    before = rich.snapshot()
    change = rich.remove_stage("S1")
    rich.apply(change.inverse())
    assert rich.snapshot() == before
    assert rich.stage_order == ("S1", "S2", "S3")
    assert rich.touchpoints_in("S1") == ["A", "B"]


def test_remove_stage_with_move_to_moves_its_touchpoints(rich):
    rich.remove_stage("S1", move_to="S3")
    assert rich.stage_of("A") == "S3" and rich.stage_of("B") == "S3"


def test_remove_stage_with_move_to_keeps_touchpoint_flows_and_notes(rich):
    flows = set(rich.flows())
    rich.remove_stage("S1", move_to="S3")
    assert set(rich.flows()) == flows
    assert rich.notes_on("A") == ["N1"]


def test_remove_stage_with_move_to_still_removes_notes_about_the_stage(rich):
    rich.remove_stage("S1", move_to="S3")
    assert "N2" not in rich


def test_remove_stage_with_move_to_leaves_it_out_of_stage_order(rich):
    rich.remove_stage("S1", move_to="S3")
    assert rich.stage_order == ("S2", "S3")
    assert "S1" not in rich


def test_undo_remove_stage_with_move_to_puts_touchpoints_back(rich):
    before = rich.snapshot()
    change = rich.remove_stage("S1", move_to="S3")
    rich.apply(change.inverse())
    assert rich.snapshot() == before
    assert rich.stage_of("A") == "S1"


def test_remove_stage_moving_to_itself_is_refused(rich):
    assert_refused(rich, lambda: rich.remove_stage("S1", move_to="S1"), "itself")


def test_remove_stage_moving_to_a_touchpoint_is_refused(rich):
    assert_refused(rich, lambda: rich.remove_stage("S1", move_to="C"), "not a stage")


def test_remove_empty_stage_removes_only_it(rich):
    stage = rich.add_stage("Empty").id
    before = rich.snapshot()
    rich.remove(stage)
    after = rich.snapshot()
    assert set(before["nodes"]) - set(after["nodes"]) == {stage}
    assert before["edges"] == after["edges"]


def test_remove_touchpoint_removes_its_flows(rich):
    rich.remove_touchpoint("B")
    assert ("A", "B") not in rich.flows() and ("B", "C") not in rich.flows()
    assert set(rich.flows()) == {("A", "C"), ("C", "D")}


def test_remove_touchpoint_removes_notes_about_it(rich):
    rich.remove_touchpoint("A")
    assert "N1" not in rich


def test_remove_touchpoint_keeps_actions_that_addressed_its_notes(rich):
    rich.remove_touchpoint("A")
    assert "Y" in rich
    assert rich.addressed_by("Y") == []
    assert rich.addressed_by("X") == ["N2"]


def test_remove_touchpoint_removes_its_persona_assignment(rich):
    rich.remove_touchpoint("A")
    assert ("A", "P1") not in edges_of_kind(rich, S.FOR_PERSONA)
    assert "P1" in rich


def test_undo_remove_touchpoint_restores_its_flows(rich):
    change = rich.remove_touchpoint("B")
    rich.apply(change.inverse())
    assert set(rich.flows()) == {("A", "B"), ("B", "C"), ("A", "C"), ("C", "D")}


def test_undo_remove_touchpoint_restores_its_notes_and_their_links(rich):
    before = rich.snapshot()
    change = rich.remove_touchpoint("A")
    rich.apply(change.inverse())
    assert rich.notes_on("A") == ["N1"]
    assert sorted(rich.actions_for("N1")) == ["X", "Y"]
    assert rich.snapshot() == before


def test_remove_touchpoint_without_bridge_leaves_a_gap(rich):
    rich.remove_touchpoint("C")
    assert rich.flows_into("D") == []


def test_remove_touchpoint_with_bridge_joins_each_predecessor_to_each_successor(rich):
    e = rich.add_touchpoint("S3", "Survey", flow_from="C").id
    rich.remove_touchpoint("C", bridge=True)
    assert {("A", "D"), ("B", "D"), ("A", e), ("B", e)} <= set(rich.flows())


def test_bridge_keeps_an_existing_flow_single(rich):
    rich.remove_touchpoint("B", bridge=True)  # A -> C already exists
    assert sorted(rich.flows()) == [("A", "C"), ("C", "D")]


def test_bridge_does_not_make_a_self_flow(rich):
    rich.add_flow("C", "A")  # A -> C -> A
    rich.remove_touchpoint("C", bridge=True)
    assert ("A", "A") not in rich.flows()


def test_undo_bridged_removal_removes_the_bridge_flows(rich):
    before = rich.snapshot()
    change = rich.remove_touchpoint("C", bridge=True)
    rich.apply(change.inverse())
    assert ("A", "D") not in rich.flows() and ("B", "D") not in rich.flows()
    assert rich.snapshot() == before


def test_remove_note_detaches_it_from_actions_and_keeps_them(rich):
    rich.remove("N1")
    assert "X" in rich and "Y" in rich
    assert rich.addressed_by("X") == ["N2"]
    assert rich.addressed_by("Y") == []


def test_undo_remove_note_reattaches_its_actions_and_target(rich):
    change = rich.remove("N1")
    rich.apply(change.inverse())
    assert sorted(rich.actions_for("N1")) == ["X", "Y"]
    assert rich.target_of("N1") == "A"
    assert rich.personas_of("N1") == ["P1"]


def test_remove_persona_clears_it_from_emotions(rich):
    rich.remove("P1")
    assert "P1" not in rich.get("A")["emotions"]
    assert "P1" not in rich.get("C")["emotions"]


def test_remove_persona_keeps_the_general_emotion(rich):
    rich.remove("P1")
    assert rich.get("A")["emotions"] == {S.GENERAL: 1}


def test_remove_persona_removes_its_assignments(rich):
    rich.remove("P1")
    assert rich.personas_of("A") == [] and rich.personas_of("N1") == []
    assert "A" in rich and "N1" in rich


def test_undo_remove_persona_restores_emotions_and_assignments(rich):
    before = rich.snapshot()
    change = rich.remove("P1")
    rich.apply(change.inverse())
    assert rich.emotion("A", "P1") == -2 and rich.emotion("C", "P1") == 2
    assert rich.personas_of("A") == ["P1"]
    assert rich.snapshot() == before


def test_remove_action_removes_its_whole_subtree(rich):
    rich.remove("X")
    assert "X" not in rich and "Y" not in rich and "Z" not in rich


def test_remove_action_keeps_its_parent_and_siblings(rich):
    sibling = rich.add_action("Sibling", parent="X").id
    rich.remove("Y")
    assert "X" in rich and sibling in rich
    assert rich.children_of("X") == [sibling]


def test_remove_action_keeps_the_notes_it_addressed(rich):
    rich.remove("X")
    assert "N1" in rich and "N2" in rich
    assert rich.actions_for("N1") == []


def test_undo_remove_action_restores_subtree_and_links(rich):
    before = rich.snapshot()
    change = rich.remove("X")
    rich.apply(change.inverse())
    assert rich.children_of("X") == ["Y"] and rich.children_of("Y") == ["Z"]
    assert rich.personas_of("X") == ["P2"]
    assert rich.snapshot() == before


# -------------------------------------------------------------- remove_many
def test_remove_many_stage_with_its_touchpoint_and_a_note_on_it(rich):
    before = rich.snapshot()
    change = rich.remove_many(["N1", "A", "S1"])
    assert not any(n in rich for n in ("S1", "A", "B", "N1", "N2"))
    rich.apply(change.inverse())
    assert rich.snapshot() == before


def test_remove_many_stage_listed_after_its_touchpoint(rich):
    before = rich.snapshot()
    change = rich.remove_many(["A", "S1"])
    assert "B" not in rich and rich.stage_order == ("S2", "S3")
    rich.apply(change.inverse())
    assert rich.snapshot() == before


def test_remove_many_two_touchpoints_joined_by_a_flow(rich):
    before = rich.snapshot()
    change = rich.remove_many(["A", "B"])
    assert rich.flows() == [("C", "D")]
    rich.apply(change.inverse())
    assert rich.snapshot() == before


def test_remove_many_two_touchpoints_joined_both_ways(rich):
    rich.add_flow("B", "A")
    before = rich.snapshot()
    change = rich.remove_many(["B", "A"])
    rich.apply(change.inverse())
    assert rich.snapshot() == before


def test_remove_many_persona_and_a_touchpoint_with_its_emotion(rich):
    before = rich.snapshot()
    change = rich.remove_many(["P1", "A"])
    assert "P1" not in rich and "A" not in rich
    assert "P1" not in rich.get("C")["emotions"]
    rich.apply(change.inverse())
    assert rich.snapshot() == before


def test_remove_many_two_personas_clears_both_from_emotions(rich):
    rich.set_emotion("C", -1, "P2")
    rich.remove_many(["P1", "P2"])
    assert rich.get("A")["emotions"] == {S.GENERAL: 1}
    assert rich.get("C")["emotions"] == {}


def test_undo_remove_many_two_personas_restores_both_emotions(rich):
    rich.set_emotion("C", -1, "P2")
    before = rich.snapshot()
    change = rich.remove_many(["P2", "P1"])
    rich.apply(change.inverse())
    assert rich.snapshot() == before


def test_remove_many_persona_and_a_note_assigned_to_it(rich):
    before = rich.snapshot()
    change = rich.remove_many(["P1", "N1"])
    rich.apply(change.inverse())
    assert rich.snapshot() == before


def test_remove_many_action_and_its_own_sub_action(rich):
    before = rich.snapshot()
    change = rich.remove_many(["Y", "X"])
    assert not any(n in rich for n in ("X", "Y", "Z"))
    rich.apply(change.inverse())
    assert rich.snapshot() == before


def test_remove_many_parent_listed_before_sub_action(rich):
    before = rich.snapshot()
    change = rich.remove_many(["X", "Z"])
    rich.apply(change.inverse())
    assert rich.snapshot() == before


def test_remove_many_note_and_the_action_addressing_it(rich):
    before = rich.snapshot()
    change = rich.remove_many(["N1", "Y"])
    assert rich.addressed_by("X") == ["N2"]
    rich.apply(change.inverse())
    assert rich.snapshot() == before


def test_remove_many_two_stages_keeps_order_of_the_rest(rich):
    rich.add_stage("S4", id="S4")
    rich.remove_many(["S3", "S1"])
    assert rich.stage_order == ("S2", "S4")


def test_remove_many_repeated_id_is_removed_once(rich):
    before = rich.snapshot()
    change = rich.remove_many(["B", "B"])
    assert "B" not in rich
    rich.apply(change.inverse())
    assert rich.snapshot() == before


def test_remove_many_everything_leaves_an_empty_map(rich):
    rich.remove_many(list(rich.graph.nodes))
    assert len(rich) == 0 and rich.stage_order == ()
    assert all(rich.count(kind) == 0 for kind in S.NODE_KINDS)


def test_remove_many_is_one_change(rich):
    rec = Recorder(rich)
    rich.remove_many(["S1", "P1", "X"])
    assert len(rec.named("journey_changed")) == 1


def test_remove_many_with_an_unknown_id_is_refused(rich):
    assert_refused(rich, lambda: rich.remove_many(["A", "ghost"]), "ghost")


def test_remove_many_of_nothing_is_empty(rich):
    assert rich.remove_many([]).is_empty


def test_remove_many_of_one_names_it(rich):
    assert rich.remove_many(["A"]).id == "A"


# ------------------------------------------------------------ refused values
@pytest.mark.parametrize("value", [3, -3, 100])
def test_emotion_outside_minus_two_to_two_is_refused(rich, value):
    assert_refused(rich, lambda: rich.set_emotion("D", value), "emotions")


@pytest.mark.parametrize("value", [-2, 0, 2])
def test_emotion_at_the_ends_of_the_range_is_accepted(rich, value):
    rich.set_emotion("D", value)
    assert rich.emotion("D") == value


def test_emotion_as_a_fraction_is_refused(rich):
    assert_refused(rich, lambda: rich.set_emotion("D", 1.5), "emotions")


def test_emotion_outside_range_in_new_touchpoint_is_refused(rich):
    assert_refused(rich, lambda: rich.add_touchpoint("S1", emotions={"*": 5}), "emotions")


@pytest.mark.parametrize("field", ["impact", "effort", "reach", "confidence"])
@pytest.mark.parametrize("value", [0, 6])
def test_score_outside_one_to_five_is_refused(rich, field, value):
    assert_refused(rich, lambda: rich.set_fields("N2", **{field: value}), field)


def test_score_can_be_cleared(rich):
    rich.set_fields("N1", impact=None)
    assert rich.get("N1")["impact"] is None


def test_score_outside_range_in_new_note_is_refused(rich):
    assert_refused(rich, lambda: rich.add_note("insight", "x", impact=9), "impact")


@pytest.mark.parametrize("edit, field", [
    (lambda jm: jm.set_emotion("D", True), "emotions"),
    (lambda jm: jm.set_fields("N1", impact=True), "impact"),
    (lambda jm: jm.set_fields("N1", votes=False), "votes"),
    (lambda jm: jm.set_fields("X", review_months=True), "review_months"),
    (lambda jm: jm.set_fields("A", x=True), "x"),
    (lambda jm: jm.set_fields("A", nps=False), "nps"),
    (lambda jm: jm.set_fields("X", order=True), "order"),
])
def test_boolean_where_a_number_is_expected_is_refused(rich, edit, field):
    assert_refused(rich, lambda: edit(rich), field)


def test_boolean_stage_index_is_refused(rich):
    assert_refused(rich, lambda: rich.move_stage("S1", True), "position")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 2e7])
def test_coordinate_that_is_not_a_finite_workable_number_is_refused(rich, value):
    assert_refused(rich, lambda: rich.move_touchpoint("A", value, 0.0), "x")


def test_votes_below_zero_are_refused(rich):
    assert_refused(rich, lambda: rich.add_votes("N2", -1), "votes")


def test_unknown_field_is_refused(rich):
    assert_refused(rich, lambda: rich.set_fields("A", colour="red"), "colour")


def test_kind_cannot_be_set_as_a_field(rich):
    assert_refused(rich, lambda: rich.set_fields("A", kind="stage"), "kind")


def test_field_of_another_kind_is_refused(rich):
    assert_refused(rich, lambda: rich.set_fields("S1", channel="email"), "channel")


def test_unknown_field_in_new_element_is_refused(rich):
    assert_refused(rich, lambda: rich.add_persona("p", age=30), "age")


def test_value_outside_vocabulary_is_refused(rich):
    assert_refused(rich, lambda: rich.set_fields("A", channel="fax"), "channel")


def test_unknown_note_kind_is_refused(rich):
    assert_refused(rich, lambda: rich.add_note("rumour", "x"), "note_kind")


def test_unknown_persona_kind_is_refused(rich):
    assert_refused(rich, lambda: rich.add_persona("x", "vip"), "persona_kind")


@pytest.mark.parametrize("edit", [
    lambda jm: jm.set_fields("ghost", title="x"),
    lambda jm: jm.remove("ghost"),
    lambda jm: jm.add_touchpoint("ghost"),
    lambda jm: jm.add_flow("A", "ghost"),
    lambda jm: jm.attach_note("ghost", None),
    lambda jm: jm.add_action("x", parent="ghost"),
    lambda jm: jm.add_action("x", addresses=["ghost"]),
    lambda jm: jm.move_touchpoint("ghost", 0.0, 0.0),
    lambda jm: jm.move_stage("ghost", 0),
    lambda jm: jm.set_emotion("ghost", 1),
])
def test_unknown_id_is_refused(rich, edit):
    assert_refused(rich, lambda: edit(rich), "ghost")


@pytest.mark.parametrize("edit", [
    lambda jm: jm.add_touchpoint("A"),
    lambda jm: jm.add_touchpoint("S1", flow_from="S2"),
    lambda jm: jm.add_flow("A", "S1"),
    lambda jm: jm.add_note("insight", on="P1"),
    lambda jm: jm.attach_note("A", "S1"),
    lambda jm: jm.set_emotion("S1", 1),
    lambda jm: jm.assign_persona("A", "S1"),
    lambda jm: jm.assign_persona("P2", "P1"),
    lambda jm: jm.link_action("N1", "N2"),
    lambda jm: jm.link_action("X", "A"),
    lambda jm: jm.nest_action("X", "N1"),
    lambda jm: jm.add_action("x", addresses=["A"]),
    lambda jm: jm.move_stage("A", 0),
    lambda jm: jm.move_touchpoint("A", 0.0, 0.0, stage="B"),
    lambda jm: jm.add_votes("A"),
])
def test_wrong_kind_is_refused(rich, edit):
    assert_refused(rich, lambda: edit(rich), ", not a")


def test_self_flow_is_refused(rich):
    assert_refused(rich, lambda: rich.add_flow("A", "A"), "itself")


def test_duplicate_flow_is_refused(rich):
    assert_refused(rich, lambda: rich.add_flow("A", "B"), "already")


def test_reverse_flow_is_allowed(rich):
    rich.add_flow("B", "A")
    assert rich.has_flow("B", "A") and rich.has_flow("A", "B")


def test_removing_a_missing_flow_is_refused(rich):
    assert_refused(rich, lambda: rich.remove_flow("B", "A"), "no flow")


def test_action_cannot_be_nested_under_itself(rich):
    assert_refused(rich, lambda: rich.nest_action("X", "X"), "itself")


def test_action_cannot_be_nested_under_its_own_sub_action(rich):
    assert_refused(rich, lambda: rich.nest_action("X", "Z"), "sub-action")


def _chain(jm: JourneyMap, length: int) -> list[str]:
    ids = [jm.add_action("a0").id]
    for i in range(1, length):
        ids.append(jm.add_action(f"a{i}", parent=ids[-1]).id)
    return ids


def test_chain_of_max_action_depth_is_allowed(jm):
    chain = _chain(jm, S.MAX_ACTION_DEPTH)
    assert len(chain) == S.MAX_ACTION_DEPTH


def test_adding_sub_action_deeper_than_max_depth_is_refused(jm):
    chain = _chain(jm, S.MAX_ACTION_DEPTH)
    assert_refused(jm, lambda: jm.add_action("too deep", parent=chain[-1]),
                   str(S.MAX_ACTION_DEPTH))


def test_nesting_a_subtree_deeper_than_max_depth_is_refused(jm):
    chain = _chain(jm, S.MAX_ACTION_DEPTH - 1)
    top = jm.add_action("top").id
    jm.add_action("kid", parent=top)
    assert_refused(jm, lambda: jm.nest_action(top, chain[-1]), str(S.MAX_ACTION_DEPTH))


def test_nesting_a_leaf_to_exactly_max_depth_is_allowed(jm):
    chain = _chain(jm, S.MAX_ACTION_DEPTH - 1)
    leaf = jm.add_action("leaf").id
    jm.nest_action(leaf, chain[-1])
    assert jm.parent_of(leaf) == chain[-1]


def test_emotion_for_a_non_persona_id_is_refused(rich):
    assert_refused(rich, lambda: rich.set_emotion("A", 1, "S1"), "not a persona")


def test_emotion_for_an_unknown_persona_is_refused(rich):
    assert_refused(rich, lambda: rich.set_emotion("A", 1, "ghost"), "ghost")


def test_new_touchpoint_with_emotion_for_a_non_persona_is_refused(rich):
    assert_refused(rich, lambda: rich.add_touchpoint("S1", emotions={"B": 1}),
                   "not a persona")


def test_general_id_cannot_be_a_persona(rich):
    assert_refused(rich, lambda: rich.add_persona("Anyone", id=S.GENERAL), "reserved")


def test_used_id_is_refused(rich):
    assert_refused(rich, lambda: rich.add_stage("again", id="S1"), "already used")


@pytest.mark.parametrize("bad", ["", 5, "x" * 201])
def test_malformed_id_is_refused(rich, bad):
    assert_refused(rich, lambda: rich.add_stage("x", id=bad), "id")


def test_lone_surrogate_in_text_is_refused(rich):
    assert_refused(rich, lambda: rich.rename("A", "caf\ud800"), "title", "surrogate")


def test_lone_surrogate_in_new_element_is_refused(rich):
    assert_refused(rich, lambda: rich.add_stage("\udfff"), "title")


def test_hebrew_and_emoji_text_are_accepted(rich):
    rich.rename("A", "פרסום 🌮")
    assert rich.title("A") == "פרסום 🌮"


def test_too_long_text_is_refused(rich):
    assert_refused(rich, lambda: rich.set_fields("N1", description="x" * (S.MAX_TEXT + 1)),
                   "description")


def test_text_of_the_maximum_length_is_accepted(rich):
    rich.set_fields("N1", description="x" * S.MAX_TEXT)
    assert len(rich.get("N1")["description"]) == S.MAX_TEXT


def test_non_text_title_is_refused(rich):
    assert_refused(rich, lambda: rich.rename("A", 42), "title")


@pytest.mark.parametrize("bad", ["2024-02-30", "2024-1-1", "31/01/2024", "tomorrow", 20240101])
def test_bad_date_is_refused(rich, bad):
    assert_refused(rich, lambda: rich.set_fields("X", due=bad), "due")


def test_good_date_is_accepted_and_empty_clears_it(rich):
    rich.set_fields("X", due="2024-02-29")
    assert rich.get("X")["due"] == "2024-02-29"
    rich.set_fields("X", due="")
    assert rich.get("X")["due"] is None


def test_bad_document_value_is_refused(rich):
    assert_refused(rich, lambda: rich.set_document(direction="up"), "direction")


def test_unknown_document_field_is_refused(rich):
    assert_refused(rich, lambda: rich.set_document(colour="red"), "colour")


def test_refused_field_among_good_ones_changes_nothing(rich):
    assert_refused(rich, lambda: rich.set_fields("N1", title="ok", impact=7), "impact")


def test_refused_move_among_good_ones_changes_nothing(rich):
    assert_refused(rich, lambda: rich.move_touchpoints(
        [("A", "S2", 1.0, 1.0), ("B", "ghost", 2.0, 2.0)]), "ghost")


def test_group_inside_a_group_is_refused(rich):
    before = rich.snapshot()
    with pytest.raises(ModelError, match="group"):
        with rich.group("outer"):
            rich.rename("A", "changed")
            with rich.group("inner"):
                pass
    assert rich.snapshot() == before


# ------------------------------------------------------------------ events
def test_add_emits_node_added_with_its_id(jm):
    rec = Recorder(jm)
    stage = jm.add_stage("S").id
    [event] = rec.named("stage_added")
    assert (event.kind, event.id) == (S.STAGE, stage)


def test_add_touchpoint_emits_in_stage_added_with_both_ends(rich):
    rec = Recorder(rich)
    tp = rich.add_touchpoint("S2", "T").id
    [event] = rec.named("in_stage_added")
    assert (event.kind, event.source, event.target) == (S.IN_STAGE, tp, "S2")


def test_add_flow_emits_flow_added(rich):
    rec = Recorder(rich)
    rich.add_flow("D", "A")
    [event] = rec.named("flow_added")
    assert (event.source, event.target) == ("D", "A")


def test_remove_flow_emits_flow_removed(rich):
    rec = Recorder(rich)
    rich.remove_flow("A", "B")
    [event] = rec.named("flow_removed")
    assert (event.kind, event.source, event.target) == (S.FLOW, "A", "B")


def test_remove_touchpoint_emits_removed_for_it_its_notes_and_edges(rich):
    rec = Recorder(rich)
    rich.remove_touchpoint("A")
    assert [e.id for e in rec.named("touchpoint_removed")] == ["A"]
    assert [e.id for e in rec.named("note_removed")] == ["N1"]
    assert {(e.source, e.target) for e in rec.named("flow_removed")} == {("A", "B"), ("A", "C")}
    assert {(e.source, e.target) for e in rec.named("addresses_removed")} == {
        ("X", "N1"), ("Y", "N1")}


def test_each_removed_edge_is_announced_once(rich):
    rec = Recorder(rich)
    rich.remove_many(["S1", "A", "B", "N1", "P1"])
    edges = [(e.name, e.source, e.target) for e in rec.events if e.source is not None]
    assert len(edges) == len(set(edges))


def test_set_fields_emits_changed_with_only_the_changed_keys(rich):
    rec = Recorder(rich)
    rich.set_fields("N1", title="Rude waiter", impact=3, effort=4)
    [event] = rec.named("note_changed")
    assert (event.id, set(event.keys)) == ("N1", {"impact", "effort"})


def test_set_emotion_emits_touchpoint_changed_for_emotions(rich):
    rec = Recorder(rich)
    rich.set_emotion("D", 1)
    [event] = rec.named("touchpoint_changed")
    assert (event.id, event.keys) == ("D", ("emotions",))


def test_remove_persona_emits_touchpoint_changed_for_each_emotion_table(rich):
    rec = Recorder(rich)
    rich.remove("P1")
    assert sorted(e.id for e in rec.named("touchpoint_changed")) == ["A", "C"]
    assert [e.id for e in rec.named("persona_removed")] == ["P1"]


def test_add_stage_emits_stage_order_changed(jm):
    rec = Recorder(jm)
    jm.add_stage("S")
    assert len(rec.named("stage_order_changed")) == 1


def test_move_stage_emits_stage_order_changed_only(rich):
    rec = Recorder(rich)
    rich.move_stage("S1", 2)
    assert rec.names() == ["stage_order_changed", "journey_changed"]


def test_set_document_emits_document_changed_with_keys(jm):
    rec = Recorder(jm)
    jm.set_document(title="T", goal="G")
    [event] = rec.named("document_changed")
    assert set(event.keys) == {"title", "goal"}


def test_attach_note_emits_about_removed_and_added(rich):
    rec = Recorder(rich)
    rich.attach_note("N1", "S2")
    assert [(e.name, e.source, e.target) for e in rec.events if e.source] == [
        ("about_removed", "N1", "A"), ("about_added", "N1", "S2")]


@pytest.mark.parametrize("name", list(EDITS))
def test_each_edit_emits_exactly_one_journey_changed_carrying_it(rich, name):
    rec = Recorder(rich)
    change = EDITS[name](rich)
    [event] = rec.named("journey_changed")
    assert event.change is change


@pytest.mark.parametrize("name", list(EDITS))
def test_journey_changed_comes_last(rich, name):
    rec = Recorder(rich)
    EDITS[name](rich)
    assert rec.names()[-1] == "journey_changed"


@pytest.mark.parametrize("name", list(EDITS))
def test_undo_emits_one_journey_changed_carrying_the_inverse(rich, name):
    change = EDITS[name](rich)
    rec = Recorder(rich)
    inverse = change.inverse()
    rich.apply(inverse)
    [event] = rec.named("journey_changed")
    assert event.change is inverse


def test_undo_of_add_emits_removed(rich):
    change = rich.add_touchpoint("S2", "T")
    rec = Recorder(rich)
    rich.apply(change.inverse())
    assert [e.id for e in rec.named("touchpoint_removed")] == [change.id]
    assert len(rec.named("in_stage_removed")) == 1


def test_handlers_see_the_whole_change_applied(rich):
    seen = []
    rich.events.subscribe("touchpoint_added", lambda e: seen.append(rich.stage_of(e.id)))
    rich.add_touchpoint("S3", "T")
    assert seen == ["S3"]


def test_subscribe_by_name_receives_only_that_name(rich):
    got = []
    rich.events.subscribe("flow_added", got.append)
    rich.add_touchpoint("S3", "T", flow_from="D")
    assert [e.name for e in got] == ["flow_added"]


def test_unsubscribed_handler_hears_nothing(rich):
    got = []
    rich.events.subscribe_all(got.append)
    rich.events.unsubscribe(got.append)
    rich.rename("A", "new")
    assert got == []


def test_handler_may_unsubscribe_itself_while_called(rich):
    got = []

    def once(event):
        got.append(event)
        rich.events.unsubscribe(once)
    rich.events.subscribe("journey_changed", once)
    rich.rename("A", "one")
    rich.rename("A", "two")
    assert len(got) == 1


def test_refused_edit_emits_nothing(rich):
    rec = Recorder(rich)
    with pytest.raises(ModelError):
        rich.add_flow("A", "B")
    assert rec.events == []


# ------------------------------------------------------------------- group
def test_group_produces_one_combined_change(jm):
    before = jm.snapshot()
    with jm.group("Add a row") as out:
        stage = jm.add_stage("S").id
        jm.add_touchpoint(stage, "T")
    [change] = out
    assert change.label == "Add a row"
    jm.apply(change.inverse())
    assert jm.snapshot() == before


def test_group_change_redoes_every_edit_inside(jm):
    with jm.group("Add a row") as out:
        stage = jm.add_stage("S").id
        jm.add_touchpoint(stage, "T")
    after = jm.snapshot()
    jm.apply(out[0].inverse())
    jm.apply(out[0])
    assert jm.snapshot() == after


def test_group_emits_one_journey_changed_at_the_end(rich):
    rec = Recorder(rich)
    with rich.group("Several") as out:
        rich.rename("A", "a")
        rich.remove("B")
        assert rec.named("journey_changed") == []
    [event] = rec.named("journey_changed")
    assert event.change is out[0]


def test_group_still_emits_element_events_as_it_goes(rich):
    rec = Recorder(rich)
    with rich.group("Several"):
        rich.rename("A", "a")
        assert [e.id for e in rec.named("touchpoint_changed")] == ["A"]


def test_group_rolls_back_when_an_edit_inside_fails(rich):
    before = rich.snapshot()
    with pytest.raises(ModelError):
        with rich.group("Half"):
            rich.remove_stage("S1")
            rich.add_flow("C", "C")
    assert rich.snapshot() == before


def test_group_rolls_back_on_any_exception(rich):
    before = rich.snapshot()
    with pytest.raises(RuntimeError):
        with rich.group("Half"):
            rich.remove("P1")
            raise RuntimeError("boom")
    assert rich.snapshot() == before


def test_group_rollback_announces_the_restored_elements(rich):
    rec = Recorder(rich)
    with pytest.raises(ModelError):
        with rich.group("Half"):
            stage = rich.add_stage("New").id
            rich.add_flow("A", "B")
    assert [e.id for e in rec.named("stage_removed")] == [stage]


def test_group_can_be_used_again_after_a_rollback(rich):
    with pytest.raises(ModelError):
        with rich.group("Half"):
            rich.add_flow("A", "A")
    with rich.group("Whole") as out:
        rich.rename("A", "again")
    assert out[0].label == "Whole" and rich.title("A") == "again"


def test_group_with_no_edits_is_empty(rich):
    with rich.group("Nothing") as out:
        pass
    assert out[0].is_empty


# ----------------------------------------------------------- empty changes
@pytest.mark.parametrize("edit", [
    lambda jm: jm.set_fields("N1", impact=5, title="Rude waiter"),
    lambda jm: jm.rename("S1", "Discover"),
    lambda jm: jm.set_emotion("A", 1),
    lambda jm: jm.set_emotion("D", None, "P2"),
    lambda jm: jm.set_document(title="Taco place"),
    lambda jm: jm.move_stage("S1", 0),
    lambda jm: jm.move_touchpoint("A", 0.0, 0.0, stage="S1"),
    lambda jm: jm.attach_note("N1", "A"),
    lambda jm: jm.attach_note("N3", None),
    lambda jm: jm.assign_persona("A", "P1"),
    lambda jm: jm.unassign_persona("D", "P1"),
    lambda jm: jm.link_action("X", "N1"),
    lambda jm: jm.unlink_action("W", "N1"),
    lambda jm: jm.nest_action("Z", "Y"),
    lambda jm: jm.add_votes("N1", 0),
])
def test_edit_to_the_current_value_is_empty(rich, edit):
    before = rich.snapshot()
    change = edit(rich)
    assert change.is_empty
    assert rich.snapshot() == before


def test_empty_change_emits_no_element_events(rich):
    rec = Recorder(rich)
    rich.set_fields("N1", impact=5)
    assert [n for n in rec.names() if n != "journey_changed"] == []


def test_int_and_equal_float_coordinate_is_empty(rich):
    assert rich.move_touchpoint("B", 100, 0).is_empty


# ---------------------------------------------------------------- read API
def test_journey_order_goes_stage_by_stage(rich):
    assert rich.journey_order() == ["A", "B", "C", "D"]


def test_journey_order_follows_stage_order(rich):
    rich.move_stage("S3", 0)
    assert rich.journey_order() == ["D", "A", "B", "C"]


def test_touchpoints_in_a_stage_read_by_x_then_y_then_id(jm):
    stage = jm.add_stage().id
    jm.add_touchpoint(stage, id="t3", x=10.0, y=0.0)
    jm.add_touchpoint(stage, id="t2", x=5.0, y=9.0)
    jm.add_touchpoint(stage, id="t1", x=5.0, y=1.0)
    jm.add_touchpoint(stage, id="t0", x=5.0, y=1.0)
    assert jm.touchpoints_in(stage) == ["t0", "t1", "t2", "t3"]


def test_notes_on_order_by_kind_then_title_then_id(rich):
    rich.add_note("insight", "b", on="D", id="n1")
    rich.add_note("insight", "a", on="D", id="n2")
    rich.add_note("pain_point", "z", on="D", id="n3")
    rich.add_note("insight", "a", on="D", id="n0")
    rich.add_note("opportunity", "a", on="D", id="n4")
    assert rich.notes_on("D") == ["n3", "n4", "n0", "n2", "n1"]


def test_notes_on_none_gives_map_notes_only(rich):
    rich.add_note("pain_point", "general", id="NM")
    assert rich.notes_on(None) == ["NM", "N3"]


def test_notes_on_a_stage(rich):
    assert rich.notes_on("S1") == ["N2"]


def test_notes_on_unknown_target_is_refused(rich):
    with pytest.raises(ModelError, match="ghost"):
        rich.notes_on("ghost")


def test_children_of_follow_their_order_then_id(jm):
    top = jm.add_action("top").id
    jm.add_action("b", parent=top, id="b", order=2)
    jm.add_action("a", parent=top, id="a", order=1)
    jm.add_action("c", parent=top, id="c", order=1)
    assert jm.children_of(top) == ["a", "c", "b"]


def test_new_action_goes_after_its_last_sibling(rich):
    first = rich.add_action("first", parent="Y").id
    second = rich.add_action("second", parent="Y").id
    assert rich.children_of("Y") == ["Z", first, second]


def test_nest_action_places_it_at_the_index(rich):
    a = rich.add_action("a", parent="Y").id
    rich.nest_action("W", "Y", 1)
    assert rich.children_of("Y") == ["Z", "W", a]


def test_nest_action_reorders_among_the_same_siblings(rich):
    a = rich.add_action("a", parent="Y").id
    rich.nest_action(a, "Y", 0)
    assert rich.children_of("Y") == [a, "Z"]


def test_children_of_none_gives_top_level_actions(rich):
    assert rich.children_of(None) == ["X", "W"]


def test_emotion_for_a_persona(rich):
    assert rich.emotion("A", "P1") == -2


def test_emotion_falls_back_to_the_general_one(rich):
    assert rich.emotion("A", "P2") == 1


def test_emotion_with_no_general_one_is_none(rich):
    assert rich.emotion("C", "P2") is None
    assert rich.emotion("D") is None


def test_emotion_of_a_non_touchpoint_is_refused(rich):
    with pytest.raises(ModelError, match="not a touchpoint"):
        rich.emotion("S1")


def test_graph_view_cannot_be_changed(rich):
    g = rich.graph
    for mutate in (lambda: g.add_node("new"), lambda: g.remove_node("A"),
                   lambda: g.add_edge("D", "A", kind=S.FLOW), lambda: g.clear()):
        with pytest.raises(nx.NetworkXError):
            mutate()
    assert "new" not in rich and "A" in rich


def test_graph_view_follows_later_edits(rich):
    g = rich.graph
    rich.add_flow("D", "A")
    assert g.has_edge("D", "A")


def test_get_is_read_only(rich):
    with pytest.raises(TypeError):
        rich.get("A")["title"] = "x"


def test_document_is_read_only(rich):
    with pytest.raises(TypeError):
        rich.document["title"] = "x"


def test_snapshot_does_not_follow_later_edits(rich):
    snap = rich.snapshot()
    rich.set_emotion("A", 2)
    assert snap["nodes"]["A"]["emotions"][S.GENERAL] == 1


def test_snapshot_edits_do_not_reach_the_map(rich):
    rich.snapshot()["nodes"]["A"]["emotions"][S.GENERAL] = -2
    assert rich.emotion("A") == 1


def test_change_does_not_follow_later_edits_of_the_value_given(rich):
    table = {S.GENERAL: 1}
    change = rich.set_fields("D", emotions=table)
    table[S.GENERAL] = 2
    rich.apply(change.inverse())
    rich.apply(change)
    assert rich.emotion("D") == 1


def test_new_element_does_not_share_the_table_given(rich):
    table = {S.GENERAL: 1}
    tp = rich.add_touchpoint("S1", emotions=table).id
    table[S.GENERAL] = 2
    assert rich.emotion(tp) == 1


def test_redone_add_does_not_follow_later_edits_of_the_value_given(rich):
    table = {S.GENERAL: 1}
    change = rich.add_touchpoint("S1", emotions=table)
    table[S.GENERAL] = 2
    rich.apply(change.inverse())
    rich.apply(change)
    assert rich.emotion(change.id) == 1


def test_ids_and_count_by_kind(rich):
    assert rich.ids(S.STAGE) == ["S1", "S2", "S3"]
    assert rich.count(S.NOTE) == 4 and rich.count(S.ACTION) == 4
    assert len(rich) == 2 + 3 + 4 + 4 + 4


def test_stage_of_a_non_touchpoint_is_refused(rich):
    with pytest.raises(ModelError):
        rich.stage_of("S1")


def test_target_of_a_map_note_is_none(rich):
    assert rich.target_of("N3") is None


def test_parent_of_a_top_action_is_none(rich):
    assert rich.parent_of("X") is None and rich.parent_of("Z") == "Y"


def test_flow_queries(rich):
    assert sorted(rich.flows_from("A")) == ["B", "C"]
    assert sorted(rich.flows_into("C")) == ["A", "B"]
    assert rich.has_flow("A", "B") and not rich.has_flow("B", "A")


def test_title_of_an_element(rich):
    assert rich.title("N1") == "Rude waiter"


def test_contains_is_false_for_unhashable(rich):
    assert ["A"] not in rich


# ----------------------------------------------------- no Qt in the model
def test_importing_model_and_fileformat_does_not_import_pyside6():
    code = ("import cxdesigner.model, cxdesigner.fileformat, sys; "
            "assert not any(m.startswith('PySide6') for m in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def _pyside_imports(path: pathlib.Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        else:
            continue
        found += [f"{path.relative_to(ROOT)}:{node.lineno} {n}"
                  for n in names if n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6")]
    return found


QT_FREE = [p for layer in ("model", "fileformat", "export")
           for p in sorted((ROOT / "cxdesigner" / layer).rglob("*.py"))]


def test_qt_free_layers_have_python_files():
    assert any(p.parent.name == "model" for p in QT_FREE)


@pytest.mark.parametrize("path", QT_FREE, ids=lambda p: str(p.relative_to(ROOT)))
def test_qt_free_layer_file_does_not_import_qt(path):
    assert _pyside_imports(path) == []


def test_qt_import_scan_finds_a_pyside6_import(tmp_path, monkeypatch):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QObject\n"
                      "def f():\n    import PySide6.QtGui as gui\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert _pyside_imports(sample) == ["sample.py:2 PySide6.QtCore", "sample.py:4 PySide6.QtGui"]


def test_an_edit_that_changes_nothing_emits_no_event():
    jm = JourneyMap()
    stage = jm.add_stage("Same").id
    seen = []
    jm.events.subscribe_all(seen.append)
    assert jm.rename(stage, "Same").is_empty
    assert seen == []


def test_add_action_takes_a_single_note_id_as_text():
    jm = JourneyMap()
    note = jm.add_note("pain_point", "Queue", id="N1").id
    action = jm.add_action("Shorter queue", addresses="N1").id
    assert jm.addressed_by(action) == [note]
