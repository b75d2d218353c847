"""Reviews over time in the model: snapshot records, comparing two reviews, and the
next review date (no Qt)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxdesigner.fileformat import cxmap
from cxdesigner.model import JourneyMap, metrics
from cxdesigner.model import schema as S
from cxdesigner.model import snapshots as R

SPRING = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 7, 6, 16, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))


@pytest.fixture
def cafe() -> JourneyMap:
    journey = JourneyMap()
    journey.add_stage("Find us", id="s1")
    journey.add_stage("Visit", id="s2")
    journey.add_touchpoint("s1", "Map listing", id="t1")
    journey.add_touchpoint("s2", "Ordering at the bar", id="t2")
    journey.add_touchpoint("s2", "Paying", id="t3")
    journey.add_persona("Student on a budget", id="p1")
    journey.add_persona("Remote worker", id="p2")
    return journey


def _survey(tp: str, answers: list[int], day: str) -> list[dict]:
    return [{"touchpoint": tp, "nps": n, "date": day, "source": "survey",
             "description": f"answer {i}: private words"} for i, n in enumerate(answers)]


def _nps(answers: list[int]) -> float:
    promoters = sum(a >= 9 for a in answers)
    detractors = sum(a <= 6 for a in answers)
    return 100.0 * (promoters - detractors) / len(answers)


def _record(journey: JourneyMap, name: str) -> dict:
    return journey.get(journey.snapshot_named(name))["record"]


# ------------------------------------------------------------------ records
def test_two_snapshots_around_a_second_survey_give_the_hand_computed_nps_change(cafe):
    first = {"t1": [10, 9, 8, 3, 6], "t2": [7, 7, 2]}
    second = {"t1": [10, 10, 9, 7], "t2": [9, 10, 10, 10], "t3": [5, 9]}
    cafe.add_feedback([a for tp, ns in first.items() for a in _survey(tp, ns, "2026-02-20")])
    R.take_snapshot(cafe, "Spring", SPRING)
    cafe.add_feedback([a for tp, ns in second.items() for a in _survey(tp, ns, "2026-06-30")])
    R.take_snapshot(cafe, "Summer", SUMMER)
    result = R.compare(_record(cafe, "Spring"), _record(cafe, "Summer"))
    scores = {s.touchpoint: s for s in result.scores}
    for tp in ("t1", "t2"):
        before, after = _nps(first[tp]), _nps(first[tp] + second[tp])
        assert scores[tp].nps_before == pytest.approx(before, abs=0.05)
        assert scores[tp].nps_after == pytest.approx(after, abs=0.05)
        assert scores[tp].nps_change == pytest.approx(after - before, abs=0.1)
        assert scores[tp].answers_after == len(first[tp]) + len(second[tp])
    # t3 had no answers in spring: no change can be said, only where it is now
    assert scores["t3"].nps_before is None and scores["t3"].nps_change is None
    assert scores["t3"].nps_after == pytest.approx(_nps(second["t3"]), abs=0.05)


def test_a_record_keeps_no_feedback_text_and_passes_the_schema(cafe):
    cafe.add_feedback(_survey("t1", [9, 4], "2026-02-20"))
    record = R.make_record(cafe, metrics.compute(cafe), dt.date(2026, 3, 1))
    assert S.record(record) is record
    assert "private words" not in json.dumps(record, ensure_ascii=False)
    assert record["date"] == "2026-03-01"
    assert [t["id"] for t in record["touchpoints"]] == cafe.journey_order()


def test_taking_a_snapshot_is_one_undo_step(cafe):
    before = cafe.snapshot()
    change = R.take_snapshot(cafe, "  Spring  ", SPRING)
    assert cafe.get(change.id)["title"] == "Spring"
    assert cafe.get(change.id)["taken"] == "2026-03-02T09:30:00+00:00"
    cafe.apply(change.inverse())
    assert cafe.snapshot() == before


def test_a_snapshot_survives_saving_and_loading(cafe, tmp_path):
    cafe.set_emotion("t2", -2, "p1")
    R.take_snapshot(cafe, "Spring", SPRING)
    cafe.set_emotion("t2", 1, "p1")
    cxmap.save(cafe, tmp_path / "cafe.cxmap")
    loaded = cxmap.load(tmp_path / "cafe.cxmap").journey
    result = R.compare(_record(loaded, "Spring"), R.make_record(loaded))
    assert [(e.touchpoint, e.persona, e.before, e.after) for e in result.changed_emotions()] \
        == [("t2", "p1", -2, 1)]


# ------------------------------------------------------------------ comparing
def test_emotions_are_compared_per_touchpoint_and_persona(cafe):
    cafe.set_emotion("t1", 1)
    cafe.set_emotion("t2", -2, "p1")
    cafe.set_emotion("t2", 0, "p2")
    before = R.make_record(cafe)
    cafe.set_emotion("t2", 1, "p1")  # the student now likes ordering
    cafe.set_emotion("t2", None, "p2")  # nobody says for the remote worker any more
    cafe.set_emotion("t3", -1, "p2")
    result = R.compare(before, R.make_record(cafe))
    changes = {(e.touchpoint, e.persona): (e.before, e.after, e.change)
               for e in result.emotions}
    assert changes[("t2", "p1")] == (-2, 1, 3)
    assert changes[("t2", "p2")] == (0, None, None)
    assert changes[("t3", "p2")] == (None, -1, None)
    assert changes[("t1", S.GENERAL)] == (1, 1, 0)
    assert ("t1", "p1") not in changes  # no value on either side
    assert {(e.touchpoint, e.persona) for e in result.changed_emotions()} == {
        ("t2", "p1"), ("t2", "p2"), ("t3", "p2")}
    assert result.emotions[0].persona == S.GENERAL


def test_pain_points_added_and_resolved(cafe):
    kept = cafe.add_note("pain_point", "Queue at the bar", "t2").id
    gone = cafe.add_note("pain_point", "Listing shows old hours", "t1").id
    fixed = cafe.add_note("opportunity", "Pay by phone", "t3").id
    dropped = cafe.add_note("pain_point", "No receipts", "t3").id
    early = cafe.add_note("pain_point", "Wi-Fi password", "t2").id
    insight = cafe.add_note("insight", "Students come in pairs", "t2").id
    for note, status in ((fixed, "in_progress"), (dropped, "planned"), (early, "done"),
                         (kept, "planned")):
        action = cafe.add_action(f"Act on {cafe.title(note)}", status=status).id
        cafe.link_action(action, note)
    before = R.make_record(cafe)
    cafe.remove(gone)
    cafe.remove(early)  # resolved already at the first review: not again
    cafe.remove(insight)
    for action in cafe.actions_for(fixed):
        cafe.set_fields(action, status="done")
    for action in cafe.actions_for(dropped):
        cafe.set_fields(action, status="cancelled")  # cancelling resolves nothing
    new = cafe.add_note("opportunity", "Loyalty card", "t3").id
    cafe.add_note("insight", "Mornings are quiet", "t1")
    result = R.compare(before, R.make_record(cafe))
    assert [e.id for e in result.notes_added] == [new]
    assert {e.id for e in result.notes_resolved} == {gone, fixed}
    assert kept not in {e.id for e in result.notes_resolved}


def test_a_new_pain_point_fixed_within_the_period_is_added_and_resolved(cafe):
    before = R.make_record(cafe)
    note = cafe.add_note("pain_point", "Card reader down", "t3").id
    action = cafe.add_action("Second card reader", status="done").id
    cafe.link_action(action, note)
    result = R.compare(before, R.make_record(cafe))
    assert [e.id for e in result.notes_added] == [note] == [e.id for e in result.notes_resolved]


def test_actions_completed_late_and_new(cafe):
    finished = cafe.add_action("Print a new menu", due="2026-04-01").id
    slipping = cafe.add_action("Train the new barista", due="2026-05-15",
                               status="in_progress").id
    future = cafe.add_action("Terrace seating", due="2026-09-01").id
    stopped = cafe.add_action("Drive-through", due="2026-04-01", status="cancelled").id
    before = R.make_record(cafe, day=dt.date(2026, 3, 1))
    cafe.set_fields(finished, status="done")
    added = cafe.add_action("Answer reviews weekly", due="2026-06-01").id
    result = R.compare(before, R.make_record(cafe, day=dt.date(2026, 7, 1)))
    assert [e.id for e in result.actions_completed] == [finished]
    assert [e.id for e in result.actions_late] == [slipping, added]
    assert result.actions_late[0].detail == "2026-05-15"
    assert [e.id for e in result.actions_new] == [added]
    assert future not in {e.id for e in result.actions_late}
    assert stopped not in {e.id for e in result.actions_late}


def test_touchpoints_added_and_removed_are_named(cafe):
    before = R.make_record(cafe)
    cafe.remove_touchpoint("t1")
    cafe.add_touchpoint("s2", "Free water refill", id="t9")
    result = R.compare(before, R.make_record(cafe))
    assert [(e.id, e.title) for e in result.touchpoints_added] == [("t9", "Free water refill")]
    assert [(e.id, e.title, e.detail) for e in result.touchpoints_removed] == [
        ("t1", "Map listing", "s1")]
    assert result.order == ["t2", "t3", "t9", "t1"]


def test_the_json_of_a_comparison_is_plain_json(cafe):
    cafe.set_emotion("t1", -1)
    before = R.make_record(cafe, day=dt.date(2026, 3, 1))
    cafe.set_emotion("t1", 2)
    data = R.compare(before, R.make_record(cafe, day=dt.date(2026, 7, 1))).to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["before"]["date"] == "2026-03-01"
    assert data["emotions"][0] == {"touchpoint": "t1", "title": "Map listing", "persona": "*",
                                   "persona_title": "", "before": -1, "after": 2,
                                   "change": 3}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
    | st.just(10 ** 400),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["id", "title", "emotions", "nps", "status", "due",
                                       "notes", "kind", "order", "*", "p1"]), inner,
                      max_size=5),
    max_leaves=30)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["date", "touchpoints", "personas", "notes",
                                        "actions", "stages"]), json_values, max_size=6),
       st.dictionaries(st.sampled_from(["date", "touchpoints", "notes", "actions"]),
                       json_values, max_size=4))
def test_any_foreign_record_compares_without_a_crash(before, after):
    result = R.compare(before, after)
    json.dumps(result.to_json())


# ------------------------------------------------------------------ next review
@pytest.mark.parametrize("day, months, expected", [
    ("2026-01-31", 1, "2026-02-28"), ("2028-01-31", 1, "2028-02-29"),
    ("2026-10-31", 4, "2027-02-28"), ("2026-08-15", 5, "2027-01-15"),
    ("2026-03-30", 24, "2028-03-30")])
def test_months_are_added_with_the_day_clamped(day, months, expected):
    assert R.add_months(dt.date.fromisoformat(day), months) == dt.date.fromisoformat(expected)


def test_the_next_review_follows_the_latest_snapshot(cafe):
    cafe.set_document(review_months=3, created="2025-06-10T08:00:00Z")
    today = dt.date(2026, 1, 5)
    assert R.next_review(cafe, today) == dt.date(2025, 9, 10)  # from the map's making
    assert R.is_overdue(cafe, today)
    R.take_snapshot(cafe, "Winter", dt.datetime(2025, 11, 30, 23, 0))
    R.take_snapshot(cafe, "Earlier", dt.datetime(2025, 10, 1, 12, 0))  # taken, not named, order
    assert R.next_review(cafe, today) == dt.date(2026, 2, 28)
    assert not R.is_overdue(cafe, today)
    assert R.is_overdue(cafe, dt.date(2026, 3, 1))


def test_a_map_never_saved_nor_reviewed_is_due_months_from_today(cafe):
    assert cafe.document["created"] == ""
    assert R.next_review(cafe, dt.date(2026, 5, 31)) == dt.date(2026, 9, 30)  # default 4
