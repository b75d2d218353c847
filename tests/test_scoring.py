"""Scoring methods against hand-computed values, tie-breaking, and ranking properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxdesigner.model import JourneyMap
from cxdesigner.model import scoring
from tests.strategies import journeys


def one_note(**scores) -> tuple[JourneyMap, str]:
    j = JourneyMap()
    note = j.add_note("pain_point", "Queue", **scores).id
    return j, note


@pytest.mark.parametrize("method,scores,expected", [
    ("impact_effort", dict(impact=4, effort=2), 2.0),
    ("impact_effort", dict(impact=3, effort=4), 0.75),
    ("ice", dict(impact=4, confidence=3, effort=2), 4 * 3 * 4),
    ("rice", dict(reach=5, impact=4, confidence=3, effort=2), 5 * 4 * 0.6 / 2),
    ("votes", dict(votes=7), 7.0),
    # weighted, with the map's top vote count 4 (its own): votes scale to 5
    ("weighted", dict(impact=5, effort=1, reach=4, confidence=2, votes=4),
     0.35 * 5 + 0.25 * 5 + 0.15 * 4 + 0.10 * 2 + 0.15 * 5),
])
def test_each_method_matches_the_hand_computed_value(method, scores, expected):
    j, note = one_note(**scores)
    result = scoring.score(j, note, method)
    assert result.value == pytest.approx(expected)
    assert f"{expected:.2f}"[:3] in result.formula or f"{expected:g}" in result.formula


def test_weighted_assumes_a_neutral_reach_and_confidence_and_says_so():
    j, note = one_note(impact=3, effort=3)
    result = scoring.score(j, note, "weighted")
    assert result.value == pytest.approx(0.35 * 3 + 0.25 * 3 + 0.15 * 3 + 0.10 * 3 + 0.15 * 1)
    assert "reach assumed 3" in result.flags and "confidence assumed 3" in result.flags


def test_missing_inputs_leave_a_note_unscored_and_flagged():
    j, note = one_note(impact=4)
    result = scoring.score(j, note, "rice")
    assert not result.scored and "no reach, confidence, effort" in result.flags[0]


def test_unscored_notes_rank_after_every_scored_one():
    j = JourneyMap()
    low = j.add_note("pain_point", "Low", impact=1, effort=5).id
    unscored = j.add_note("pain_point", "Unscored").id
    assert [s.note for s in scoring.rank(j, "impact_effort")] == [low, unscored]


def test_strengths_and_insights_are_not_ranked():
    j = JourneyMap()
    j.add_note("strength", "Great bread", impact=5, effort=1)
    j.add_note("insight", "Most orders on Friday")
    kept = j.add_note("threat", "Chain store", impact=2, effort=2).id
    assert [s.note for s in scoring.rank(j)] == [kept]


def test_ties_are_broken_by_votes_then_impact_then_effort():
    j = JourneyMap()
    a = j.add_note("pain_point", "a", impact=2, effort=1, votes=0).id  # 2.0
    b = j.add_note("pain_point", "b", impact=4, effort=2, votes=0).id  # 2.0, more impact
    c = j.add_note("pain_point", "c", impact=2, effort=1, votes=3).id  # 2.0, votes
    assert [s.note for s in scoring.rank(j, "impact_effort")] == [c, b, a]


def test_full_ties_follow_the_journey_then_the_title():
    j = JourneyMap()
    s1, s2 = j.add_stage("One").id, j.add_stage("Two").id
    t2 = j.add_touchpoint(s2, "late").id
    t1 = j.add_touchpoint(s1, "early").id
    later = j.add_note("pain_point", "x", on=t2, impact=3, effort=3).id
    earlier = j.add_note("pain_point", "x", on=t1, impact=3, effort=3).id
    wide = j.add_note("pain_point", "x", impact=3, effort=3).id
    assert [s.note for s in scoring.rank(j)] == [wide, earlier, later]


def test_ranks_are_numbered_from_one():
    j = JourneyMap()
    for i in range(3):
        j.add_note("opportunity", str(i), impact=i + 1, effort=1)
    assert [s.rank for s in scoring.rank(j)] == [1, 2, 3]


def test_unknown_method_is_refused_with_the_choices():
    j, note = one_note(impact=1, effort=1)
    with pytest.raises(ValueError, match="impact_effort"):
        scoring.score(j, note, "magic")


@settings(max_examples=30, deadline=None)
@given(journey=journeys(), method=st.sampled_from(scoring.METHODS))
def test_ranking_is_a_pure_function_of_the_document(journey, method):
    first = [(s.note, s.value) for s in scoring.rank(journey, method)]
    again = [(s.note, s.value) for s in scoring.rank(journey, method)]
    assert first == again


@settings(max_examples=40, deadline=None)
@given(journey=journeys(), data=st.data())
def test_adding_a_vote_never_lowers_a_notes_rank_under_votes(journey, data):
    ranked = scoring.rank(journey, "votes")
    if not ranked:
        return
    chosen = data.draw(st.sampled_from(ranked)).note
    before = next(s.rank for s in ranked if s.note == chosen)
    journey.add_votes(chosen)
    after = next(s.rank for s in scoring.rank(journey, "votes") if s.note == chosen)
    assert after <= before
