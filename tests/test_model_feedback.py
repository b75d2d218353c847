"""Feedback items, their citations, snapshots and the metrics computed from them, in
the model (no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxdesigner.fileformat import cxmap
from cxdesigner.fileformat.errors import FileFormatError
from cxdesigner.model import JourneyMap
from cxdesigner.model import metrics
from cxdesigner.model import schema as S
from cxdesigner.model.errors import ModelError


@pytest.fixture
def shop() -> JourneyMap:
    journey = JourneyMap()
    journey.add_stage("Buy", id="s1")
    journey.add_stage("After", id="s2")
    journey.add_touchpoint("s1", "Checkout", id="t1")
    journey.add_touchpoint("s1", "Delivery", id="t2")
    journey.add_touchpoint("s2", "Returns", id="t3")
    return journey


def _answers(tp, scores, date="2026-03-01"):
    return [{"touchpoint": tp, "nps": n, "date": date, "source": "survey"} for n in scores]


def test_an_import_is_one_undo_step(shop):
    before = shop.snapshot()
    change = shop.add_feedback(_answers("t1", [10, 9, 3]) + [{"description": "slow"}])
    assert shop.count(S.FEEDBACK) == 4 and len(shop.feedback_on("t1")) == 3
    shop.apply(change.inverse())
    assert shop.snapshot() == before


def test_a_bad_value_names_the_item_and_the_field(shop):
    with pytest.raises(ModelError, match=r"Feedback item 2: .*nps"):
        shop.add_feedback([{"nps": 3}, {"nps": 11}])
    assert shop.count(S.FEEDBACK) == 0


def test_assigning_moves_items_and_undoes(shop):
    shop.add_feedback([{"id": "f1", "touchpoint": "t1"}, {"id": "f2"}])
    change = shop.assign_feedback(["f1", "f2"], "t2")
    assert shop.touchpoint_of_item("f1") == shop.touchpoint_of_item("f2") == "t2"
    shop.apply(change.inverse())
    assert shop.touchpoint_of_item("f1") == "t1" and shop.touchpoint_of_item("f2") is None


def test_a_note_from_feedback_cites_its_items_and_sits_on_their_touchpoint(shop):
    shop.add_feedback([{"id": "f1", "touchpoint": "t2"}, {"id": "f2", "touchpoint": "t2"}])
    change = shop.note_from_feedback(["f1", "f2"], "pain_point", "Late parcels")
    note = change.id
    assert shop.target_of(note) == "t2" and sorted(shop.cited_items(note)) == ["f1", "f2"]
    shop.apply(change.inverse())
    assert note not in shop and shop.citing_notes("f1") == []


def test_removing_a_touchpoint_leaves_its_feedback_unmatched(shop):
    shop.add_feedback([{"id": "f1", "touchpoint": "t3"}])
    shop.remove("t3")
    assert "f1" in shop and shop.touchpoint_of_item("f1") is None


def test_removing_an_item_drops_it_from_the_notes_evidence(shop):
    shop.add_feedback([{"id": "f1"}, {"id": "f2"}])
    note = shop.note_from_feedback(["f1", "f2"], "insight", "Why").id
    shop.remove("f1")
    assert shop.cited_items(note) == ["f2"]


def test_the_feedback_limit_is_refused_with_the_count(shop, monkeypatch):
    monkeypatch.setattr(S, "MAX_FEEDBACK", 3)
    shop.add_feedback([{}, {}, {}])
    with pytest.raises(ModelError, match="at most 3"):
        shop.add_feedback([{}])


def test_nps_is_promoters_minus_detractors_on_answers(shop):
    # 4 promoters, 2 passives, 4 detractors of 10 answers: NPS 0; t2: 2 of 3 promoters.
    shop.add_feedback(_answers("t1", [10, 9, 9, 10, 7, 8, 0, 6, 5, 3])
                      + _answers("t2", [10, 10, 2]) + [{"touchpoint": "t1"}])
    found = metrics.compute(shop)
    assert found.touchpoints["t1"].nps == 0 and found.touchpoints["t1"].items == 11
    assert found.touchpoints["t2"].nps == pytest.approx(100 / 3)
    # The stage counts answers, not touchpoints: 6 promoters, 5 detractors of 13.
    assert found.stages["s1"].nps == pytest.approx(100 * (6 - 5) / 13)
    assert found.journey.nps_answers == 13


def test_csat_is_the_share_of_four_and_five(shop):
    shop.add_feedback([{"touchpoint": "t3", "csat": c} for c in (5, 4, 3, 1)])
    assert metrics.compute(shop).touchpoints["t3"].csat == 50


def test_typed_values_stand_in_where_nothing_was_measured(shop):
    shop.set_fields("t3", nps=35, csat=80)
    shop.set_fields("t1", nps=-20)
    shop.add_feedback(_answers("t1", [10]))
    found = metrics.compute(shop)
    assert (found.touchpoints["t3"].nps, found.touchpoints["t3"].nps_typed) == (35, True)
    assert (found.touchpoints["t1"].nps, found.touchpoints["t1"].nps_typed) == (100, False)


def test_a_date_range_counts_only_dated_items_inside_it(shop):
    shop.add_feedback(_answers("t1", [10], "2026-01-10") + _answers("t1", [0], "2026-05-01")
                      + [{"touchpoint": "t1", "nps": 0}])
    found = metrics.compute(shop, dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert found.touchpoints["t1"].nps == 100 and found.touchpoints["t1"].items == 1
    assert metrics.compute(shop).touchpoints["t1"].items == 3


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["t1", "t2", "t3", None]),
                          st.one_of(st.none(), st.integers(0, 10)),
                          st.one_of(st.none(), st.integers(1, 5))), max_size=40))
def test_the_journey_figures_equal_a_hand_count(answers):
    journey = JourneyMap()
    journey.add_stage("S", id="s")
    for tp in ("t1", "t2", "t3"):
        journey.add_touchpoint("s", tp, id=tp)
    journey.add_feedback([{"touchpoint": tp, "nps": n, "csat": c} for tp, n, c in answers])
    scores = [n for _, n, _ in answers if n is not None]
    sat = [c for _, _, c in answers if c is not None]
    found = metrics.compute(journey)
    expect_nps = (100 * (sum(n >= 9 for n in scores) - sum(n <= 6 for n in scores))
                  / len(scores)) if scores else None
    assert found.journey.nps == (pytest.approx(expect_nps) if scores else None)
    assert found.journey.csat == (pytest.approx(100 * sum(c >= 4 for c in sat) / len(sat))
                                  if sat else None)
    assert sum(t.items for t in found.touchpoints.values()) + found.unmatched.items \
        == len(answers)


def test_feedback_and_snapshots_survive_a_save_and_load(shop, tmp_path):
    shop.add_feedback([{"id": "f1", "touchpoint": "t1", "nps": 9, "date": "2026-02-02",
                        "fields": {"branch": "North"}, "title": "שלום"}])
    note = shop.note_from_feedback(["f1"], "opportunity", "Praise").id
    shop.add_snapshot("Spring", "2026-03-01T10:00", {"touchpoints": {"t1": {"nps": 100.0}}})
    shop.set_document(review_months=5)
    path = tmp_path / "m.cxmap"
    cxmap.save(shop, path)
    back = cxmap.load(path)
    assert back.problems == []
    journey = back.journey
    assert journey.snapshot() == shop.snapshot()
    assert journey.cited_items(note) == ["f1"] and journey.document["review_months"] == 5


def test_the_loader_drops_items_past_the_limit_and_says_so(shop, tmp_path, monkeypatch):
    shop.add_feedback([{} for _ in range(5)])
    path = tmp_path / "m.cxmap"
    cxmap.save(shop, path)
    from cxdesigner.fileformat import validate_feedback
    monkeypatch.setitem(validate_feedback.LIMITS, S.FEEDBACK, (3, "feedback items"))
    loaded = cxmap.load(path)
    assert loaded.journey.count(S.FEEDBACK) == 3
    assert any("at most 3 feedback items" in str(p) for p in loaded.problems)


def test_the_saver_refuses_more_snapshots_than_a_file_keeps(shop, tmp_path, monkeypatch):
    shop.add_snapshot("a", "2026-01-01T00:00", {})
    shop.add_snapshot("b", "2026-02-01T00:00", {})
    from cxdesigner.fileformat import validate_feedback
    monkeypatch.setitem(validate_feedback.LIMITS, S.SNAPSHOT, (1, "snapshots"))
    path = tmp_path / "m.cxmap"
    with pytest.raises(FileFormatError, match="2 snapshots; a map keeps at most 1"):
        cxmap.save(shop, path)
    assert not path.exists()


def test_a_record_refuses_what_json_cannot_hold():
    with pytest.raises(ValueError, match="not finite"):
        S.record({"a": [float("nan")]})
    with pytest.raises(ValueError, match="deeper"):
        S.record({"a": {"b": {"c": {"d": {"e": {"f": {"g": 1}}}}}}})
    with pytest.raises(ValueError, match="set"):
        S.record({"a": {1, 2}})


def test_a_copy_with_fresh_ids_renames_the_ids_inside_snapshot_records(shop):
    from cxdesigner.fileformat import templates

    shop.add_feedback([{"id": "f1", "touchpoint": "t1"}])
    shop.add_snapshot("Spring", "2026-03-01T10:00",
                      {"touchpoints": {"t1": {"title": "Checkout", "stage": "s1"}},
                       "order": ["t1", "t2"]})
    copy = templates.copy_with_fresh_ids(shop, make_id=lambda old: f"n-{old}")
    (snapshot,) = copy.snapshots()
    assert copy.get(snapshot)["record"] == {
        "touchpoints": {"n-t1": {"title": "Checkout", "stage": "n-s1"}},
        "order": ["n-t1", "n-t2"]}
    assert copy.touchpoint_of_item("n-f1") == "n-t1"
