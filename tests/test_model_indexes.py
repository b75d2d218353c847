"""The journey's incremental indexes (``model/indexes.py``, ``model/ranking.py``) and the
plan kept between edits (``plan.PlanIndex``) always give what scanning the graph from
scratch gives, as the model did before issue 10: after random edit sequences, undos
(``journey.apply(change.inverse())``) and redos, and on a map built by the loader."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import initialize, invariant, precondition, rule

from cxdesigner.model import JourneyMap, plan, scoring
from cxdesigner.model import schema as S
from tests.strategies import journeys
from tests.test_model_properties import JourneyEdits

SETTINGS = settings(max_examples=40, stateful_step_count=30, deadline=None)
TODAY = dt.date(2026, 12, 5)


# ------------------------------------------------ from scratch, by scanning the graph
def _out(jm: JourneyMap, node: str, kind: str) -> list[str]:
    return [v for _, v, k in jm.graph.out_edges(node, data="kind") if k == kind]


def _in(jm: JourneyMap, node: str, kind: str) -> list[str]:
    return [u for u, _, k in jm.graph.in_edges(node, data="kind") if k == kind]


def scan_touchpoints_in(jm: JourneyMap, stage: str) -> list[str]:
    nodes = jm.graph.nodes
    return sorted(_in(jm, stage, S.IN_STAGE), key=lambda t: (nodes[t]["x"], nodes[t]["y"], t))


def scan_stage_of(jm: JourneyMap, tp: str) -> str:
    (stage,) = _out(jm, tp, S.IN_STAGE)
    return stage


def scan_target_of(jm: JourneyMap, note: str) -> str | None:
    targets = _out(jm, note, S.ABOUT)
    return targets[0] if targets else None


def scan_notes_on(jm: JourneyMap, target: str | None) -> list[str]:
    if target is None:
        notes = [n for n in jm.ids(S.NOTE) if not _out(jm, n, S.ABOUT)]
    else:
        notes = _in(jm, target, S.ABOUT)
    nodes, order = jm.graph.nodes, {k: i for i, k in enumerate(S.NOTE_KINDS)}
    return sorted(notes, key=lambda n: (order[nodes[n]["note_kind"]], nodes[n]["title"], n))


def scan_children_of(jm: JourneyMap, action: str | None) -> list[str]:
    if action is None:
        kids = [a for a in jm.ids(S.ACTION) if not _out(jm, a, S.CHILD_OF)]
    else:
        kids = _in(jm, action, S.CHILD_OF)
    nodes = jm.graph.nodes
    return sorted(kids, key=lambda a: (nodes[a]["order"], a))


def scan_parent_of(jm: JourneyMap, action: str) -> str | None:
    parents = _out(jm, action, S.CHILD_OF)
    return parents[0] if parents else None


def scan_rank(jm: JourneyMap, method: str) -> list[scoring.Score]:
    """``scoring.rank`` as it was: score every rankable note, number every touchpoint
    along the journey, sort everything."""
    nodes = jm.graph.nodes
    notes = [n for n in jm.ids(S.NOTE) if nodes[n]["note_kind"] in scoring.RANKED_KINDS]
    top = max((nodes[n]["votes"] for n in notes), default=0)
    place: dict[str, tuple[int, int]] = {}
    for s, stage in enumerate(jm.stages(), 1):
        place[stage] = (s, 0)
        for t, tp in enumerate(scan_touchpoints_in(jm, stage), 1):
            place[tp] = (s, t)
    position = {n: (0, 0) if scan_target_of(jm, n) is None else place[scan_target_of(jm, n)]
                for n in notes}

    def key(s: scoring.Score):
        a = nodes[s.note]
        return (not s.scored, -(s.value or 0.0), -a["votes"], -(a["impact"] or 0),
                a["effort"] if a["effort"] is not None else 6, position[s.note],
                a["title"], s.note)

    ordered = sorted((scoring.score(jm, n, method, top) for n in notes), key=key)
    return [scoring.Score(s.note, s.method, s.value, s.inputs, s.formula, s.flags, i)
            for i, s in enumerate(ordered, 1)]


# ------------------------------------------------------------------ the comparisons
def check_touchpoints(jm: JourneyMap) -> None:
    for stage in jm.stages():
        assert jm.touchpoints_in(stage) == scan_touchpoints_in(jm, stage)
        assert jm.touchpoint_count(stage) == len(scan_touchpoints_in(jm, stage))
    for tp in jm.ids(S.TOUCHPOINT):
        stage = scan_stage_of(jm, tp)
        assert jm.stage_of(tp) == stage
        assert jm.reading_place(tp) == scan_touchpoints_in(jm, stage).index(tp)
    assert jm.journey_order() == [t for s in jm.stages() for t in scan_touchpoints_in(jm, s)]


def check_notes(jm: JourneyMap) -> None:
    for target in [None, *jm.ids(S.STAGE), *jm.ids(S.TOUCHPOINT)]:
        assert jm.notes_on(target) == scan_notes_on(jm, target)
        assert jm.note_count(target) == len(scan_notes_on(jm, target))
    stages = []
    for note in jm.ids(S.NOTE):
        target = scan_target_of(jm, note)
        assert jm.target_of(note) == target
        stages.append(target if target is None or jm.kind_of(target) == S.STAGE
                      else scan_stage_of(jm, target))
        assert jm.stage_of_note(note) == stages[-1]
    assert jm.stages_of_notes(jm.ids(S.NOTE)) == stages
    for kind in S.NOTE_KINDS:
        assert sorted(jm.notes_of_kind(kind)) == sorted(
            n for n in jm.ids(S.NOTE) if jm.get(n)["note_kind"] == kind)


def check_actions(jm: JourneyMap) -> None:
    for action in [None, *jm.ids(S.ACTION)]:
        kids = scan_children_of(jm, action)
        assert jm.children_of(action) == kids
        assert jm.last_child_order(action) == (jm.get(kids[-1])["order"] if kids else None)
    for action in jm.ids(S.ACTION):
        assert jm.parent_of(action) == scan_parent_of(jm, action)


def check_ranking(jm: JourneyMap) -> None:
    for method in scoring.METHODS:
        expected = scan_rank(jm, method)
        assert scoring.rank(jm, method) == expected
        assert jm.ranked_notes(method) == [s.note for s in expected]
        for s in expected:
            assert jm.rank_of(s.note, method) == s.rank


# ------------------------------------------------------- random edits, undo, redo
FEW_TITLES = st.sampled_from(["", "a", "b", "m", "z"])
FEW_KINDS = st.sampled_from(["pain_point", "opportunity", "pain_point", "insight"])
FEW_PLACES = st.sampled_from([0, 1, 2]).map(float)
FEW_ORDERS = st.sampled_from([0, 1, 2.5])


class Collisions(JourneyEdits):
    """The edits of ``JourneyEdits`` plus ones that make equal keys likely (titles,
    kinds, places, orders and scores from a few values), so every tie-break of the
    indexes' orders is exercised, and ones that change each field an index sorts by."""

    @initialize(data=st.data())
    def a_populated_map(self, data):
        # The plain machine holds a note or two at a time: start from a map where
        # notes and actions share targets and parents, so their orders matter.
        stages = [self.new_id("s") for _ in range(data.draw(st.integers(1, 2)))]
        for stage in stages:
            self.edit(lambda: self.jm.add_stage(stage, id=stage))
        tps = [self.new_id("t") for _ in range(data.draw(st.integers(3, 6)))]
        for tp in tps:
            stage, x, y = (data.draw(st.sampled_from(stages)), data.draw(FEW_PLACES),
                           data.draw(FEW_PLACES))
            self.edit(lambda: self.jm.add_touchpoint(stage, x=x, y=y, id=tp))
        notes = [self.new_id("n") for _ in range(data.draw(st.integers(4, 8)))]
        for note in notes:
            on = data.draw(st.sampled_from([*tps, None, *stages]))
            kind, title = data.draw(FEW_KINDS), data.draw(FEW_TITLES)
            # Equal scores: their ranking is decided by where they sit on the journey.
            self.edit(lambda: self.jm.add_note(kind, title, on, impact=3, effort=3, id=note))
        actions: list[str] = []
        for _ in range(data.draw(st.integers(2, 6))):
            parent = data.draw(st.sampled_from([None, *actions]))
            addresses = data.draw(st.lists(st.sampled_from(notes), max_size=2)) if notes else []
            action = self.new_id("a")
            self.edit(lambda: self.jm.add_action("", parent, addresses=addresses,
                                                 order=data.draw(FEW_ORDERS), id=action))
            actions.append(action)

    @precondition(lambda self: self.has(S.NOTE))
    @rule(data=st.data(), title=FEW_TITLES, kind=FEW_KINDS, votes=st.sampled_from([0, 1, 2]))
    def retitle_note(self, data, title, kind, votes):
        note = self.any_of(data, S.NOTE)
        self.edit(lambda: self.jm.set_fields(note, title=title, note_kind=kind, votes=votes))

    @precondition(lambda self: self.has(S.NOTE))
    @rule(data=st.data(), kind=FEW_KINDS)
    def rekind_note(self, data, kind):
        note = self.any_of(data, S.NOTE)
        self.edit(lambda: self.jm.set_fields(note, note_kind=kind))

    @precondition(lambda self: self.has(S.NOTE))
    @rule(data=st.data(), impact=st.sampled_from([3, 3, None]), votes=st.sampled_from([0, 1, 2]))
    def score_alike(self, data, impact, votes):
        note = self.any_of(data, S.NOTE)
        self.edit(lambda: self.jm.set_fields(note, impact=impact, effort=3, reach=None,
                                             confidence=None, votes=votes))

    @precondition(lambda self: self.has(S.TOUCHPOINT))
    @rule(data=st.data(), x=FEW_PLACES, y=FEW_PLACES)
    def nudge_touchpoint(self, data, x, y):
        tp = self.any_of(data, S.TOUCHPOINT)
        self.edit(lambda: self.jm.move_touchpoint(tp, x, y))

    @precondition(lambda self: self.has(S.TOUCHPOINT))
    @rule(data=st.data())
    def restage_touchpoint(self, data):
        tp, stage = self.any_of(data, S.TOUCHPOINT), self.any_of(data, S.STAGE)
        x, y = self.jm.get(tp)["x"], self.jm.get(tp)["y"]
        self.edit(lambda: self.jm.move_touchpoint(tp, x, y, stage))

    @precondition(lambda self: self.has(S.ACTION))
    @rule(data=st.data(), order=FEW_ORDERS)
    def reorder_action(self, data, order):
        action = self.any_of(data, S.ACTION)
        self.edit(lambda: self.jm.set_fields(action, order=order))


class TouchpointIndexEdits(Collisions):
    @invariant()
    def touchpoints_match_a_scan(self):
        check_touchpoints(self.jm)


class NoteIndexEdits(Collisions):
    @invariant()
    def notes_match_a_scan(self):
        check_notes(self.jm)


class ActionIndexEdits(Collisions):
    @invariant()
    def actions_match_a_scan(self):
        check_actions(self.jm)


class RankingEdits(Collisions):
    @invariant()
    def ranking_matches_a_full_sort(self):
        check_ranking(self.jm)


class PlanIndexEdits(Collisions):
    def __init__(self) -> None:
        super().__init__()
        self.plans = plan.PlanIndex(self.jm)

    @invariant()
    def kept_plan_matches_a_fresh_derive(self):
        assert self.plans.plan(TODAY) == plan.derive(self.jm, today=TODAY)


for machine in (TouchpointIndexEdits, NoteIndexEdits, ActionIndexEdits, RankingEdits,
                PlanIndexEdits):
    machine.TestCase.settings = SETTINGS

test_touchpoints_in_and_stage_of_follow_edits_undos_and_redos = TouchpointIndexEdits.TestCase
test_notes_on_and_target_of_follow_edits_undos_and_redos = NoteIndexEdits.TestCase
test_children_of_and_parent_of_follow_edits_undos_and_redos = ActionIndexEdits.TestCase
test_ranking_follows_edits_undos_and_redos = RankingEdits.TestCase
test_plan_index_follows_edits_undos_and_redos = PlanIndexEdits.TestCase


# -------------------------------------------------------------- loaded maps
def loaded_copy(jm: JourneyMap) -> JourneyMap:
    """The same map as the file loader builds it: no edit, so no index yet."""
    g = jm.graph
    return JourneyMap.from_checked(dict(jm.document), jm.stages(),
                                   [(n, dict(a)) for n, a in g.nodes(data=True)],
                                   [(u, v, dict(d)) for u, v, d in g.edges(data=True)])


@SETTINGS
@given(journey=journeys())
def test_a_loaded_map_builds_indexes_that_match_a_scan(journey):
    loaded = loaded_copy(journey)
    check_touchpoints(loaded)
    check_notes(loaded)
    check_actions(loaded)
    check_ranking(loaded)


@SETTINGS
@given(journey=journeys(), data=st.data())
def test_a_loaded_map_keeps_its_indexes_through_an_edit_and_its_undo(journey, data):
    loaded = loaded_copy(journey)
    check_ranking(loaded)  # built before the edit, so the edit must update it
    notes = loaded.ids(S.NOTE)
    if notes:
        note = data.draw(st.sampled_from(notes))
        change = loaded.set_fields(note, votes=data.draw(st.integers(0, 60)),
                                   impact=data.draw(st.none() | st.integers(1, 5)))
        check_ranking(loaded)
        loaded.apply(change.inverse())
    check_ranking(loaded)


def test_a_new_top_level_action_goes_after_the_last_one():
    jm = JourneyMap()
    first = jm.add_action("first", order=7.5).id
    second = jm.add_action("second").id
    assert jm.get(second)["order"] == 8.5
    assert jm.children_of(None) == [first, second]


def test_an_unchanged_branch_is_the_same_node_after_an_edit_elsewhere():
    jm = JourneyMap()
    one, two = jm.add_stage("one").id, jm.add_stage("two").id
    pain = jm.add_note("pain_point", "slow", on=one, impact=5, effort=1).id
    other = jm.add_note("pain_point", "rude", on=two, impact=1, effort=5).id
    jm.add_action("fix", addresses=[pain])
    plans = plan.PlanIndex(jm, "impact_effort")
    before = plans.plan(TODAY).branches
    jm.rename(other, "very rude")
    after = plans.plan(TODAY).branches
    assert after[0] is before[0] and after[1] is not before[1]
    plans.close()


# ------------------------------------------------------------------ stage labels
def test_a_stage_added_in_the_middle_keeps_every_other_stage_label():
    from cxdesigner.model.indexes import relabel_stages

    old = {"a": 0.0, "b": 1.0, "c": 2.0}
    new = relabel_stages(old, ["a", "x", "b", "c"])
    assert {s: new[s] for s in old} == old
    assert new["a"] < new["x"] < new["b"]


def test_a_moved_stage_alone_gets_a_new_label():
    from cxdesigner.model.indexes import relabel_stages

    old = {s: float(i) for i, s in enumerate("abcde")}
    new = relabel_stages(old, list("adbce"))
    assert [s for s in old if new[s] != old[s]] == ["d"]
    assert sorted(new, key=new.get) == list("adbce")


def test_many_insertions_at_one_place_keep_labels_in_order():
    from cxdesigner.model.indexes import relabel_stages

    order, labels = ["a", "b"], {"a": 0.0, "b": 1.0}
    for k in range(200):  # each new stage right after "a": halving one gap each time
        order.insert(1, f"n{k}")
        labels = relabel_stages(labels, order)
        assert sorted(order, key=labels.get) == order


def test_adding_a_stage_in_the_middle_re_ranks_no_note():
    from cxdesigner.model import JourneyMap

    j = JourneyMap()
    stages = [j.add_stage(f"S{i}").id for i in range(6)]
    for i, s in enumerate(stages):
        tp = j.add_touchpoint(s, f"T{i}").id
        j.add_note("pain_point", f"N{i}", on=tp, impact=3, effort=3)
    before = list(j.ranked_notes("impact_effort"))
    ranking = j._indexes().ranking
    j.add_stage("Between", index=3)
    assert not any(r.dirty for r in ranking._methods.values())
    assert j.ranked_notes("impact_effort") == before
