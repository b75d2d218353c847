"""The derived prioritised action tree, and the graph analysis of the journey."""

from __future__ import annotations

import datetime as dt

from cxdesigner.fileformat.cxmap import load
from cxdesigner.model import JourneyMap, analysis, plan
from cxdesigner.fileformat.templates import sample_path

TODAY = dt.date(2027, 1, 1)


def small_plan_map() -> JourneyMap:
    j = JourneyMap()
    j.set_document(goal="Ordering feels easy")
    s1, s2 = j.add_stage("Buy", id="s1").id, j.add_stage("Use", id="s2").id
    t1 = j.add_touchpoint(s1, "Checkout", id="t1").id
    t2 = j.add_touchpoint(s2, "Unboxing", id="t2", flow_from=t1).id
    big = j.add_note("pain_point", "Slow checkout", on=t1, id="big", impact=5, effort=1).id
    small = j.add_note("opportunity", "Nicer box", on=t2, id="small", impact=2, effort=2).id
    j.add_note("pain_point", "Card declined", on=t1, id="mid", impact=3, effort=1)
    a = j.add_action("Faster checkout", addresses=[big], id="a", due="2026-12-01").id
    j.add_action("One-page form", parent=a, addresses=[big], id="a1", status="done",
                 due="2026-11-01")
    j.add_action("Remember card", parent=a, id="a2")
    j.add_action("Branded box", addresses=[small], id="b")
    return j


def test_plan_groups_ranked_notes_by_stage_with_their_actions():
    p = plan.derive(small_plan_map(), "impact_effort", TODAY)
    shape = [(n.number, n.kind, n.id) for n in p.walk()]
    assert shape == [
        ("1", "stage", "s1"),
        ("1.1", "note", "big"), ("1.1.1", "action", "a"),
        ("1.1.1.1", "action", "a1"), ("1.1.1.2", "action", "a2"),
        ("1.2", "note", "mid"),
        ("2", "stage", "s2"),
        ("2.1", "note", "small"), ("2.1.1", "action", "b"),
    ]
    assert p.goal == "Ordering feels easy"


def test_plan_follows_a_changed_score():
    j = small_plan_map()
    j.set_fields("mid", impact=5, effort=1, votes=4)
    notes = [n.id for n in plan.derive(j, "impact_effort", TODAY).walk() if n.kind == "note"]
    assert notes[:2] == ["mid", "big"]


def test_overdue_actions_are_flagged_but_done_ones_are_not():
    p = plan.derive(small_plan_map(), "impact_effort", TODAY)
    flags = {n.id: n.overdue for n in p.walk() if n.kind == "action"}
    assert flags == {"a": True, "a1": False, "a2": False, "b": False}


def test_map_wide_notes_come_first_in_their_own_branch():
    j = small_plan_map()
    j.add_note("threat", "New competitor", id="wide", impact=1, effort=5)
    first = plan.derive(j, "impact_effort", TODAY).branches[0]
    assert first.id is None and [c.id for c in first.children] == ["wide"]


def test_sample_plan_has_every_ranked_note_once_and_actions_under_them():
    j = load(sample_path("en")).journey
    p = plan.derive(j, today=TODAY)
    notes = [n.id for n in p.walk() if n.kind == "note"]
    assert len(notes) == len(set(notes)) == 23  # 8 pain, 8 opportunity, 4 weakness, 3 threat
    addressed = [n for n in p.walk() if n.kind == "note" and n.children]
    assert len(addressed) >= 16
    assert p.branches[1].title == "Awareness"


def journey_for_analysis() -> JourneyMap:
    j = JourneyMap()
    for s in ("s1", "s2", "s3", "empty"):
        j.add_stage(s, id=s)
    j.add_touchpoint("s1", "a", id="a", emotions={"*": 1})
    j.add_touchpoint("s2", "b", id="b", flow_from="a", emotions={"*": -2})
    j.add_touchpoint("s2", "c", id="c", flow_from="a", x=240, emotions={"*": -1})
    j.add_touchpoint("s3", "d", id="d", flow_from="b")
    j.add_touchpoint("s3", "island", id="island", x=240)
    j.add_flow("island", "d")
    j.move_stage("empty", 1)
    j.add_note("pain_point", "p", on="c", impact=5)
    j.add_note("weakness", "w", on="b")
    return j


def test_paths_run_from_entries_to_the_last_stage():
    result = analysis.analyze(journey_for_analysis())
    assert ["a", "b", "d"] in result.paths and ["island", "d"] in result.paths
    assert set(result.entries) == {"a", "island"}


def test_dead_ends_are_touchpoints_with_no_way_forward_before_the_last_stage():
    assert [f.element for f in analysis.analyze(journey_for_analysis()).of_kind("dead_end")] == ["c"]


def test_a_loop_with_no_entry_is_unreachable():
    j = journey_for_analysis()
    j.add_touchpoint("s2", "x", id="x", x=480)
    j.add_touchpoint("s2", "y", id="y", x=720, flow_from="x")
    j.add_flow("y", "x")
    assert {f.element for f in analysis.analyze(j).of_kind("unreachable")} == {"x", "y"}


def test_moments_of_truth_are_the_lowest_emotions_first():
    low = analysis.analyze(journey_for_analysis()).of_kind("low_emotion")
    assert [(f.element, f.value) for f in low] == [("b", -2), ("c", -1)]


def test_pain_hotspots_weigh_impact_or_three_when_unscored():
    hot = analysis.analyze(journey_for_analysis()).of_kind("pain_hotspot")
    assert [(f.element, f.value) for f in hot] == [("c", 5.0), ("b", 3.0)]


def test_empty_stages_are_reported():
    assert [f.element for f in analysis.analyze(journey_for_analysis()).of_kind("empty_stage")] == ["empty"]


def test_analysis_of_an_empty_map_finds_nothing_but_empty_stages():
    j = JourneyMap()
    j.add_stage("Only", id="only")
    result = analysis.analyze(j)
    assert result.paths == [] and [f.kind for f in result.findings] == ["empty_stage"]


def test_review_is_due_after_the_cadence_has_passed():
    j = small_plan_map()
    j.set_fields("b", reviewed="2026-09-15", review_months=3)
    flags = {n.id: n.review_due for n in plan.derive(j, today=dt.date(2026, 12, 16)).walk()
             if n.kind == "action"}
    assert flags["b"] and not flags["a"]
    on_time = {n.id: n.review_due for n in plan.derive(j, today=dt.date(2026, 12, 15)).walk()
               if n.kind == "action"}
    assert not on_time["b"]


def test_sample_plan_has_the_expected_shape_down_to_the_notes():
    j = load(sample_path("en")).journey
    p = plan.derive(j, "impact_effort", TODAY)
    shape = [(n.number, n.id) for n in p.walk() if n.number.count(".") <= 1]
    assert shape == [
        ("1", None), ("1.1", "nt-chain-opening"),
        ("2", "st-aware"), ("2.1", "nt-referral-card"),
        ("3", "st-consider"), ("3.1", "nt-allergen-info"), ("3.2", "nt-maps-outdated"),
        ("3.3", "nt-allergen-labels"),
        ("4", "st-purchase"), ("4.1", "nt-no-ready-msg"), ("4.2", "nt-pickup-search"),
        ("4.3", "nt-express-shelf"), ("4.4", "nt-whatsapp-slow"), ("4.5", "nt-wa-catalogue"),
        ("4.6", "nt-delivery-damage"), ("4.7", "nt-queue"), ("4.8", "nt-mobile-checkout"),
        ("4.9", "nt-phone-busy"), ("4.10", "nt-courier-fees"),
        ("5", "st-use"), ("5.1", "nt-share-photo"), ("5.2", "nt-box-plain"),
        ("6", "st-loyalty"), ("6.1", "nt-complaint-recovery"), ("6.2", "nt-review-to-all"),
        ("6.3", "nt-birthday-reminder"), ("6.4", "nt-bad-reviews"), ("6.5", "nt-no-crm"),
        ("6.6", "nt-digital-card"),
    ]
    first = next(n for n in p.walk() if n.number == "3.1")
    assert [(c.number, c.id) for c in first.children] == [("3.1.1", "ac-mobile-order")]
