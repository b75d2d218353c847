"""The plan kept between edits (``plan.PlanIndex``, issue 10) does work in proportion to
what an edit changed: it follows the ranking's log of re-placed notes, re-derives only
the branches those notes left or joined, and still gives what ``plan.derive`` gives
after any edits, undos and redos, however many come between two plans."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis.stateful import rule

from cxdesigner.cli.plan_output import tree_json
from cxdesigner.model import JourneyMap, plan, ranking, scoring
from tests.test_model_indexes import SETTINGS, Collisions

TODAY = dt.date(2026, 3, 1)


def three_stages() -> tuple[JourneyMap, list[str]]:
    """Three stages of three pain points each, all scored differently."""
    jm = JourneyMap()
    stages = [jm.add_stage(f"Stage {i}", id=f"s{i}").id for i in range(3)]
    for i in range(9):
        tp = jm.add_touchpoint(stages[i % 3], f"Card {i}", id=f"t{i}", x=100.0 * i).id
        note = jm.add_note("pain_point", f"Note {i}", on=tp, id=f"n{i}",
                           impact=1 + i % 5, effort=1 + (i * 2) % 5).id
        jm.add_action(f"Action {i}", addresses=[note], id=f"a{i}")
    return jm, stages


# ------------------------------------------------------------ random edits
class SparsePlans(Collisions):
    """Plans asked only now and then, so edits, undos and redos pile up between two
    ``plan()`` calls; and a weighted plan, whose ranking is rebuilt when the most
    votes change."""

    def __init__(self) -> None:
        super().__init__()
        self.plans = plan.PlanIndex(self.jm)
        self.weighted = plan.PlanIndex(self.jm, "weighted")
        self.folded = plan.PlanIndex(self.jm)  # as a view of a large plan asks
        self.opened: set = set()  # the folded plan's branches opened so far

    @rule()
    def ask_the_plans(self):
        assert self.plans.plan(TODAY) == plan.derive(self.jm, today=TODAY)
        assert self.weighted.plan(TODAY) == plan.derive(self.jm, "weighted", TODAY)

    @rule()
    def open_some_branches_of_the_folded_plan(self):
        # Branches made without their notes, some filled now (as a view fills the
        # branches it opens), some left for later: each one filled at any time holds
        # what ``derive`` has, and an unfilled one says how many notes it has.
        derived = {b.id: b for b in plan.derive(self.jm, today=TODAY).branches}
        folded = self.folded.plan(TODAY, fill=False)
        assert [b.id for b in folded.branches] == list(derived)
        for branch in folded.branches:
            assert self.folded.count(branch.id) == len(derived[branch.id].children)
            if branch.id in self.opened or len(self.opened) % 2 == 0:
                self.opened.add(branch.id)
                assert self.folded.fill(branch) == derived[branch.id].children
                assert branch == derived[branch.id]

    def teardown(self):
        self.ask_the_plans()
        self.open_some_branches_of_the_folded_plan()
        assert self.folded.plan(TODAY) == plan.derive(self.jm, today=TODAY)  # all filled
        self.plans.close()
        self.weighted.close()
        self.folded.close()


SparsePlans.TestCase.settings = SETTINGS
test_a_plan_asked_after_many_edits_undos_and_redos_matches_derive = SparsePlans.TestCase


def test_a_plan_asked_after_the_ranking_log_was_emptied_matches_derive(monkeypatch):
    monkeypatch.setattr(ranking, "LOG_MAX", 2)
    jm, _ = three_stages()
    plans = plan.PlanIndex(jm)
    plans.plan(TODAY)
    for i in range(5):
        jm.set_fields(f"n{i}", impact=5 - i % 5)
        scoring.rank(jm)  # the ranking refreshed after each edit: its log grows
    assert plans.plan(TODAY) == plan.derive(jm, today=TODAY)


def test_a_plan_asked_folded_makes_no_note_until_a_branch_is_filled():
    jm, stages = three_stages()
    plans = plan.PlanIndex(jm)
    folded = plans.plan(TODAY, fill=False)
    assert [b.children for b in folded.branches] == [[], [], []]
    assert [plans.count(b.id) for b in folded.branches] == [3, 3, 3]
    notes = plans.fill(folded.branches[1])
    assert [n.number for n in notes] == ["2.1", "2.2", "2.3"]
    assert [b.children == [] for b in folded.branches] == [True, False, True]


# ------------------------------------------------------- the work per edit
def test_a_note_going_re_derives_only_its_branch():
    jm, stages = three_stages()
    plans = plan.PlanIndex(jm)
    before = plans.plan(TODAY).branches
    best = min(jm.ranked_notes(), key=lambda n: jm.stage_of_note(n) != stages[1])
    jm.remove(best)
    after = plans.plan(TODAY).branches
    assert plans.changed == {stages[1]}
    assert not plans.reordered
    assert [b is a for b, a in zip(before, after)] == [True, False, True]


def test_a_kept_note_keeps_its_score_object_when_a_better_note_goes():
    jm, _ = three_stages()
    plans = plan.PlanIndex(jm)
    first = plans.plan(TODAY)
    best, last = jm.ranked_notes()[0], jm.ranked_notes()[-1]
    kept = next(n for n in first.walk() if n.id == last)
    score = kept.score
    jm.remove(best)
    plans.plan(TODAY)
    assert kept.score is score


def test_only_the_edited_note_gets_a_new_node():
    jm, _ = three_stages()
    plans = plan.PlanIndex(jm)
    before = {n.id: n for n in plans.plan(TODAY).walk() if n.kind == "note"}
    jm.set_fields("n4", impact=2)
    after = {n.id: n for n in plans.plan(TODAY).walk() if n.kind == "note"}
    assert [note for note in after if after[note] is not before[note]] == ["n4"]


def test_an_emptied_stage_leaves_the_later_branches_renumbered_in_place():
    jm, stages = three_stages()
    plans = plan.PlanIndex(jm)
    before = plans.plan(TODAY).branches
    jm.remove_many([n for n in jm.ranked_notes() if jm.stage_of_note(n) == stages[0]])
    after = plans.plan(TODAY).branches
    assert (after == before[1:] and after[0] is before[1] and plans.reordered
            and [b.number for b in after] == ["1", "2"])


def test_a_note_carries_no_rank_and_the_journey_gives_it():
    jm, _ = three_stages()
    nodes = [n for n in plan.PlanIndex(jm).plan(TODAY).walk() if n.kind == "note"]
    ranks = {s.note: s.rank for s in scoring.rank(jm)}
    assert {n.score.rank for n in nodes} == {0}
    assert all(jm.rank_of(n.id) == ranks[n.id] for n in nodes)


# ------------------------------------------------------------ the ranking's log
def test_the_ranking_logs_the_notes_an_edit_re_placed():
    jm, _ = three_stages()
    mark, _, first = jm.ranking_changes(None, None)
    jm.set_fields("n2", impact=5)
    _, _, notes = jm.ranking_changes(None, mark)
    assert first is None and notes == ["n2"]


def test_a_rebuilt_ranking_tells_its_readers_to_start_again():
    jm, _ = three_stages()
    mark, _, _ = jm.ranking_changes("weighted", None)
    jm.set_fields("n0", votes=9)  # a new most-voted note: weighted scores rescale
    assert jm.ranking_changes("weighted", mark)[2] is None


# ------------------------------------------------------------------- CLI
def test_tree_json_gives_each_note_its_rank_from_the_ranking():
    jm, _ = three_stages()
    jm.remove("n3")
    data = json.loads(tree_json(jm, plan.derive(jm, today=TODAY)))
    shown = {note["id"]: note["rank"] for branch in data["branches"]
             for note in branch["children"]}
    assert shown == {s.note: s.rank for s in scoring.rank(jm)}
