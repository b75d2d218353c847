"""Property tests of the journey model: random edit sequences undo and redo exactly,
and the document's rules hold after every step."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.stateful import (RuleBasedStateMachine, initialize, invariant, precondition,
                                 rule)

from cxdesigner.model import JourneyMap, ModelError, schema as S

SETTINGS = settings(max_examples=60, stateful_step_count=30, deadline=None)

texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
coords = st.integers(-500, 500).map(float) | st.integers(-500, 500)
emotion_values = st.none() | st.integers(S.EMOTION_MIN, S.EMOTION_MAX)
scores = st.none() | st.integers(S.SCORE_MIN, S.SCORE_MAX)
SCORE_FIELDS = ("impact", "effort", "reach", "confidence")


def check_rules(jm: JourneyMap) -> None:
    """Every rule of a well-formed document; fails with the first broken one."""
    g = jm.graph
    kinds = {n: k for n, k in g.nodes(data="kind")}
    for kind in S.NODE_KINDS:
        assert set(jm.ids(kind)) == {n for n, k in kinds.items() if k == kind}
    # Each touchpoint in exactly one stage.
    for tp in jm.ids(S.TOUCHPOINT):
        assert [k for _, _, k in g.out_edges(tp, data="kind")].count(S.IN_STAGE) == 1
    # Stage order is the set of stages, each once.
    assert len(set(jm.stage_order)) == len(jm.stage_order)
    assert set(jm.stage_order) == set(jm.ids(S.STAGE))
    # Edge ends have the kinds the schema allows; no edge loops.
    for u, v, kind in g.edges(data="kind"):
        sources, targets = S.EDGE_KINDS[kind]
        assert kinds[u] in sources and kinds[v] in targets, (u, v, kind)
        assert u != v
    # Sub-actions form a forest no deeper than the limit.
    tree = nx.DiGraph([(u, v) for u, v, k in g.edges(data="kind") if k == S.CHILD_OF])
    assert nx.is_directed_acyclic_graph(tree)
    assert all(d <= 1 for _, d in tree.out_degree())
    if tree.number_of_nodes():
        assert nx.dag_longest_path_length(tree) < S.MAX_ACTION_DEPTH
    # A note is about at most one thing.
    for note in jm.ids(S.NOTE):
        assert [k for _, _, k in g.out_edges(note, data="kind")].count(S.ABOUT) <= 1
    # Emotions are for "any customer" or for a persona of this map.
    personas = set(jm.ids(S.PERSONA))
    for tp in jm.ids(S.TOUCHPOINT):
        assert set(jm.get(tp)["emotions"]) <= personas | {S.GENERAL}
    # Every element has exactly its kind's fields, each passing its check.
    for node, attrs in g.nodes(data=True):
        table = S.FIELD_BY_NAME[attrs["kind"]]
        assert set(attrs) == set(table) | {"kind"}, node
        for name, spec in table.items():
            spec.check(attrs[name])


class JourneyEdits(RuleBasedStateMachine):
    """Random edits through the public API, with an undo stack beside them."""

    def __init__(self) -> None:
        super().__init__()
        self.jm = JourneyMap()
        self.events: list = []
        self.jm.events.subscribe_all(self.events.append)
        self.initial = self.jm.snapshot()
        self.done: list = []  # (change, snapshot before it)
        self.undone: list = []  # (change, snapshot after it)
        self.serial = 0

    def new_id(self, kind: str) -> str:
        # Readable ids that repeat from run to run, which Hypothesis needs to replay.
        self.serial += 1
        return f"{kind}{self.serial}"

    # ---------------------------------------------------------- helpers
    def any_of(self, data, kind: str) -> str:
        return data.draw(st.sampled_from(self.jm.ids(kind)), label=kind)

    def maybe(self, data, kind: str) -> str | None:
        ids = self.jm.ids(kind)
        return data.draw(st.none() | st.sampled_from(ids), label=kind) if ids else None

    def has(self, kind: str) -> bool:
        return self.jm.count(kind) > 0

    def edit(self, do, grouped: bool = False) -> None:
        """Run one edit; a refused one must leave no trace, a done one is recorded.

        A refused group has announced its first edits and their rollback, so views
        saw elements come and go; the document must still be as it was.
        """
        before = self.jm.snapshot()
        self.events.clear()
        try:
            change = do()
        except ModelError:
            assert self.jm.snapshot() == before
            if not grouped:
                assert self.events == []
            return
        announced = [e for e in self.events if e.name == "journey_changed"]
        if change.is_empty:  # nothing changed, so nothing is announced
            assert self.jm.snapshot() == before
            assert self.events == []
            return
        assert len(announced) == 1 and announced[0].change is change
        assert self.events[-1] is announced[0]
        self.done.append((change, before))
        self.undone.clear()

    # ------------------------------------------------------------ edits
    @initialize(n=st.integers(0, 2))
    def some_stages(self, n):
        for i in range(n):
            self.edit(lambda: self.jm.add_stage(f"stage {i}", id=self.new_id("s")))

    @rule(title=texts, index=st.none() | st.integers(-1, 6))
    def add_stage(self, title, index):
        self.edit(lambda: self.jm.add_stage(title, index, id=self.new_id("s")))

    @precondition(lambda self: self.has(S.STAGE))
    @rule(data=st.data(), title=texts, x=coords, y=coords, chain=st.booleans(),
          channel=st.sampled_from(S.CHANNELS))
    def add_touchpoint(self, data, title, x, y, chain, channel):
        stage = self.any_of(data, S.STAGE)
        after = self.maybe(data, S.TOUCHPOINT) if chain else None
        self.edit(lambda: self.jm.add_touchpoint(stage, title, flow_from=after, x=x, y=y,
                                                 channel=channel, id=self.new_id("t")))

    @precondition(lambda self: self.jm.count(S.TOUCHPOINT) >= 2)
    @rule(data=st.data())
    def add_flow(self, data):
        source = self.any_of(data, S.TOUCHPOINT)
        target = data.draw(st.sampled_from([t for t in self.jm.ids(S.TOUCHPOINT) if t != source]))
        self.edit(lambda: self.jm.add_flow(source, target))

    @precondition(lambda self: bool(self.jm.flows()))
    @rule(data=st.data())
    def remove_flow(self, data):
        source, target = data.draw(st.sampled_from(self.jm.flows()))
        self.edit(lambda: self.jm.remove_flow(source, target))

    @rule(data=st.data(), kind=st.sampled_from(S.NOTE_KINDS), title=texts, impact=scores,
          effort=scores)
    def add_note(self, data, kind, title, impact, effort):
        on = data.draw(st.none() | st.sampled_from(
            self.jm.ids(S.TOUCHPOINT) + self.jm.ids(S.STAGE) or [None]))
        self.edit(lambda: self.jm.add_note(kind, title, on, impact=impact, effort=effort,
                                           id=self.new_id("n")))

    @precondition(lambda self: self.has(S.NOTE))
    @rule(data=st.data())
    def attach_note(self, data):
        note = self.any_of(data, S.NOTE)
        on = data.draw(st.none() | st.sampled_from(
            self.jm.ids(S.TOUCHPOINT) + self.jm.ids(S.STAGE) or [None]))
        self.edit(lambda: self.jm.attach_note(note, on))

    @rule(title=texts, kind=st.sampled_from(S.PERSONA_KINDS))
    def add_persona(self, title, kind):
        self.edit(lambda: self.jm.add_persona(title, kind, id=self.new_id("p")))

    @precondition(lambda self: self.has(S.PERSONA))
    @rule(data=st.data(), kind=st.sampled_from((S.TOUCHPOINT, S.NOTE, S.ACTION)),
          assign=st.booleans())
    def assign_persona(self, data, kind, assign):
        if not self.has(kind):
            return
        element, persona = self.any_of(data, kind), self.any_of(data, S.PERSONA)
        do = self.jm.assign_persona if assign else self.jm.unassign_persona
        self.edit(lambda: do(element, persona))

    @rule(data=st.data(), title=texts)
    def add_action(self, data, title):
        parent = self.maybe(data, S.ACTION)
        notes = data.draw(st.lists(st.sampled_from(self.jm.ids(S.NOTE)), max_size=3)
                          if self.has(S.NOTE) else st.just([]))
        self.edit(lambda: self.jm.add_action(title, parent, addresses=notes,
                                                   id=self.new_id("a")))

    @precondition(lambda self: self.has(S.ACTION))
    @rule(data=st.data(), index=st.none() | st.integers(0, 4))
    def nest_action(self, data, index):
        action, parent = self.any_of(data, S.ACTION), self.maybe(data, S.ACTION)
        self.edit(lambda: self.jm.nest_action(action, parent, index))

    @precondition(lambda self: self.has(S.ACTION) and self.has(S.NOTE))
    @rule(data=st.data(), link=st.booleans())
    def link_action(self, data, link):
        action, note = self.any_of(data, S.ACTION), self.any_of(data, S.NOTE)
        do = self.jm.link_action if link else self.jm.unlink_action
        self.edit(lambda: do(action, note))

    @precondition(lambda self: self.has(S.TOUCHPOINT))
    @rule(data=st.data())
    def move_touchpoints(self, data):
        tps = data.draw(st.lists(st.sampled_from(self.jm.ids(S.TOUCHPOINT)), min_size=1,
                                 max_size=3, unique=True))
        moves = [(tp, self.maybe(data, S.STAGE), data.draw(coords), data.draw(coords))
                 for tp in tps]
        self.edit(lambda: self.jm.move_touchpoints(moves))

    @precondition(lambda self: self.has(S.STAGE))
    @rule(data=st.data(), index=st.integers(0, 5))
    def move_stage(self, data, index):
        stage = self.any_of(data, S.STAGE)
        self.edit(lambda: self.jm.move_stage(stage, index))

    @precondition(lambda self: self.has(S.TOUCHPOINT))
    @rule(data=st.data(), value=emotion_values)
    def set_emotion(self, data, value):
        tp = self.any_of(data, S.TOUCHPOINT)
        persona = self.maybe(data, S.PERSONA) or S.GENERAL
        self.edit(lambda: self.jm.set_emotion(tp, value, persona))

    @precondition(lambda self: self.has(S.NOTE))
    @rule(data=st.data(), field=st.sampled_from(SCORE_FIELDS), value=scores)
    def set_score(self, data, field, value):
        note = self.any_of(data, S.NOTE)
        self.edit(lambda: self.jm.set_fields(note, **{field: value}))

    @precondition(lambda self: self.has(S.NOTE))
    @rule(data=st.data(), count=st.integers(-2, 5))
    def vote(self, data, count):
        note = self.any_of(data, S.NOTE)
        self.edit(lambda: self.jm.add_votes(note, count))

    @precondition(lambda self: len(self.jm) > 0)
    @rule(data=st.data(), title=texts)
    def rename(self, data, title):
        node = data.draw(st.sampled_from(list(self.jm.graph.nodes)))
        self.edit(lambda: self.jm.rename(node, title))

    @precondition(lambda self: self.has(S.TOUCHPOINT))
    @rule(data=st.data(), value=st.integers(-6, 6) | st.booleans())
    def set_any_emotion_value(self, data, value):
        # Values out of range or of the wrong type must be refused without a trace.
        tp = self.any_of(data, S.TOUCHPOINT)
        self.edit(lambda: self.jm.set_emotion(tp, value))

    @precondition(lambda self: len(self.jm) > 0)
    @rule(data=st.data())
    def remove_element(self, data):
        node = data.draw(st.sampled_from(list(self.jm.graph.nodes)))
        self.edit(lambda: self.jm.remove(node))

    @precondition(lambda self: self.jm.count(S.STAGE) >= 2)
    @rule(data=st.data())
    def remove_stage_moving_touchpoints(self, data):
        stage = self.any_of(data, S.STAGE)
        move_to = data.draw(st.sampled_from([s for s in self.jm.stages() if s != stage]))
        self.edit(lambda: self.jm.remove_stage(stage, move_to=move_to))

    @precondition(lambda self: self.has(S.TOUCHPOINT))
    @rule(data=st.data(), bridge=st.booleans())
    def remove_touchpoint(self, data, bridge):
        tp = self.any_of(data, S.TOUCHPOINT)
        self.edit(lambda: self.jm.remove_touchpoint(tp, bridge=bridge))

    @precondition(lambda self: len(self.jm) > 0)
    @rule(data=st.data())
    def remove_many(self, data):
        ids = data.draw(st.lists(st.sampled_from(list(self.jm.graph.nodes)), max_size=6))
        self.edit(lambda: self.jm.remove_many(ids))

    @precondition(lambda self: self.has(S.STAGE))
    @rule(data=st.data(), fail=st.booleans())
    def grouped_edits(self, data, fail):
        stage = self.any_of(data, S.STAGE)

        def do():
            with self.jm.group("Add a row") as out:
                first = self.jm.add_touchpoint(stage, "first", id=self.new_id("t")).id
                self.jm.add_touchpoint(stage, "second", flow_from=first, id=self.new_id("t"))
                if fail:
                    self.jm.add_flow(first, first)
            return out[0]
        self.edit(do, grouped=True)

    # ------------------------------------------------------- undo / redo
    @precondition(lambda self: bool(self.done))
    @rule()
    def undo(self):
        change, before = self.done.pop()
        after = self.jm.snapshot()
        self.events.clear()
        inverse = change.inverse()
        self.jm.apply(inverse)
        assert self.jm.snapshot() == before
        assert [e.change for e in self.events if e.name == "journey_changed"] == [inverse]
        self.undone.append((change, after))

    @precondition(lambda self: bool(self.undone))
    @rule()
    def redo(self):
        change, after = self.undone.pop()
        before = self.jm.snapshot()
        self.jm.apply(change)
        assert self.jm.snapshot() == after
        self.done.append((change, before))

    # ------------------------------------------------------- invariants
    @invariant()
    def document_rules_hold(self):
        check_rules(self.jm)

    def teardown(self):
        final = self.jm.snapshot()
        for change, _ in reversed(self.done):
            self.jm.apply(change.inverse())
        assert self.jm.snapshot() == self.initial
        for change, _ in self.done:
            self.jm.apply(change)
        assert self.jm.snapshot() == final


JourneyEdits.TestCase.settings = SETTINGS
test_random_edits_undo_and_redo_exactly = JourneyEdits.TestCase


# ------------------------------------------------- single-value properties
@pytest.fixture(scope="module")
def small():
    jm = JourneyMap()
    stage = jm.add_stage("s").id
    tp = jm.add_touchpoint(stage, "t").id
    note = jm.add_note("insight", "n").id
    return jm, tp, note


@SETTINGS
@given(value=st.integers(-10, 10))
def test_emotion_is_accepted_exactly_in_minus_two_to_two(small, value):
    jm, tp, _ = small
    if S.EMOTION_MIN <= value <= S.EMOTION_MAX:
        jm.set_emotion(tp, value)
        assert jm.emotion(tp) == value
    else:
        with pytest.raises(ModelError, match="emotions"):
            jm.set_emotion(tp, value)


@SETTINGS
@given(field=st.sampled_from(SCORE_FIELDS), value=st.integers(-10, 10))
def test_score_is_accepted_exactly_in_one_to_five(small, field, value):
    jm, _, note = small
    if S.SCORE_MIN <= value <= S.SCORE_MAX:
        jm.set_fields(note, **{field: value})
        assert jm.get(note)[field] == value
    else:
        with pytest.raises(ModelError, match=field):
            jm.set_fields(note, **{field: value})


@SETTINGS
@given(title=st.text(max_size=30))
def test_text_is_accepted_unless_it_has_a_lone_surrogate(small, title):
    jm, tp, _ = small
    broken = any(0xD800 <= ord(c) <= 0xDFFF for c in title)
    if broken:
        with pytest.raises(ModelError, match="title"):
            jm.rename(tp, title)
    else:
        jm.rename(tp, title)
        assert jm.title(tp) == title


@st.composite
def rich_maps(draw):
    """A random well-formed map with every kind of element and link."""
    jm = JourneyMap()
    personas = [jm.add_persona(f"p{i}").id for i in range(draw(st.integers(0, 3)))]
    stages = [jm.add_stage(f"s{i}").id for i in range(draw(st.integers(1, 3)))]
    tps: list[str] = []
    for i in range(draw(st.integers(0, 6))):
        tps.append(jm.add_touchpoint(draw(st.sampled_from(stages)), f"t{i}",
                                     x=float(draw(st.integers(0, 9)))).id)
        for persona in [S.GENERAL, *personas]:
            if draw(st.booleans()):
                jm.set_emotion(tps[-1], draw(st.integers(-2, 2)), persona)
    for source, target in draw(st.lists(st.tuples(st.sampled_from(tps), st.sampled_from(tps)),
                                        max_size=8)) if tps else []:
        if source != target and not jm.graph.has_edge(source, target):
            jm.add_flow(source, target)
    notes = [jm.add_note(draw(st.sampled_from(S.NOTE_KINDS)), f"n{i}",
                         draw(st.none() | st.sampled_from(tps + stages))).id
             for i in range(draw(st.integers(0, 5)))]
    actions: list[str] = []
    for i in range(draw(st.integers(0, 5))):
        parent = draw(st.none() | st.sampled_from(actions)) if actions else None
        addresses = draw(st.lists(st.sampled_from(notes), max_size=2)) if notes else []
        actions.append(jm.add_action(f"a{i}", parent, addresses=addresses).id)
    if personas:
        for element in draw(st.lists(st.sampled_from(tps + notes + actions or stages),
                                     max_size=4)):
            if jm.kind_of(element) != S.STAGE:
                jm.assign_persona(element, draw(st.sampled_from(personas)))
    return jm


@SETTINGS
@given(jm=rich_maps(), data=st.data())
def test_removing_any_selection_undoes_and_redoes_exactly(jm, data):
    before = jm.snapshot()
    selection = data.draw(st.lists(st.sampled_from(list(jm.graph.nodes)), max_size=8)
                          if len(jm) else st.just([]))
    # Whole kinds too, so selections overlap often (two personas, a stage and its row).
    for kind in data.draw(st.sets(st.sampled_from(S.NODE_KINDS), max_size=2)):
        selection += jm.ids(kind)
    change = jm.remove_many(selection)
    after = jm.snapshot()
    assert not set(selection) & set(jm.graph.nodes)
    check_rules(jm)
    jm.apply(change.inverse())
    assert jm.snapshot() == before
    jm.apply(change)
    assert jm.snapshot() == after


@SETTINGS
@given(jm=rich_maps(), data=st.data())
def test_removing_a_stage_moving_its_touchpoints_keeps_them(jm, data):
    stage = data.draw(st.sampled_from(jm.stages()))
    move_to = data.draw(st.sampled_from(jm.stages()))
    moved = jm.touchpoints_in(stage)
    if move_to == stage:
        with pytest.raises(ModelError):
            jm.remove_stage(stage, move_to=move_to)
        return
    before = jm.snapshot()
    change = jm.remove_stage(stage, move_to=move_to)
    assert all(jm.stage_of(tp) == move_to for tp in moved)
    check_rules(jm)
    jm.apply(change.inverse())
    assert jm.snapshot() == before


@SETTINGS
@given(jm=rich_maps(), data=st.data())
def test_removing_personas_together_clears_them_from_every_emotion_table(jm, data):
    personas = jm.ids(S.PERSONA)
    chosen = data.draw(st.lists(st.sampled_from(personas), unique=True) if personas
                       else st.just([]))
    jm.remove_many(chosen)
    for tp in jm.ids(S.TOUCHPOINT):
        assert not set(jm.get(tp)["emotions"]) & set(chosen)
