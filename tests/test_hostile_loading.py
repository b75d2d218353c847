"""Hand-made hostile files: loading stays linear, problems stay few, nothing changes silently.

Each trap below is built at a size where a quadratic check (a search through a list
inside a loop) would take minutes, and listing every fault would print megabytes; a
linear loader takes well under a second.  No test measures time: the behaviour is
asserted (the problems are summarised and name their count), and the per-test timeout
catches a loader that hangs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxdesigner.cli import main
from cxdesigner.fileformat import cxmap
from cxdesigner.fileformat.errors import DETAIL, MAX_PROBLEM_CHARS, MAX_PROBLEMS
from cxdesigner.fileformat.limits import MAX_NESTING, MAX_NODES, VERSION
from cxdesigner.model import JourneyMap
from cxdesigner.model import layout
from cxdesigner.model import schema as S
from cxdesigner.model.errors import ModelError

HANG_GUARD = pytest.mark.timeout(60)


def envelope(nodes: list, edges: list, stage_order: list | None = None, **graph) -> dict:
    document = {"title": "Hostile"}
    if stage_order is not None:
        document["stage_order"] = stage_order
    return {"format": "cxdesigner-map", "version": VERSION, "app_version": "0.1.0",
            "document": document,
            "graph": {"directed": True, "multigraph": False, "graph": {},
                      "nodes": nodes, "edges": edges, **graph}}


def stage(i: int) -> dict:
    return {"id": f"s{i}", "kind": "stage", "title": f"Stage {i}"}


def one_touchpoint(**fields) -> dict:
    """A stage with one touchpoint (``t``, node 1) holding ``fields``."""
    return envelope([stage(0), {"id": "t", "kind": "touchpoint", "title": "T", **fields}],
                    [{"source": "t", "target": "s0", "kind": "in_stage"}], ["s0"])


def load(data: dict) -> cxmap.Loaded:
    return cxmap.loads(json.dumps(data))


def small_map() -> JourneyMap:
    j = JourneyMap()
    s = j.add_stage("Awareness", id="s1").id
    t = j.add_touchpoint(s, "Flyer", id="t1").id
    n = j.add_note("pain_point", "Nobody reads flyers", on=t, id="n1").id
    j.add_action("Hand them out", addresses=[n], id="a1", due="2027-03-01")
    return j


def clean_data() -> dict:
    return json.loads(cxmap.dumps(small_map()))


def action(data: dict) -> dict:
    return next(n for n in data["graph"]["nodes"] if n["id"] == "a1")


def the_only(problems: list) -> object:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


# ------------------------------------------------------------ linear loading
@HANG_GUARD
def test_two_hundred_thousand_unknown_personas_are_one_summarised_problem():
    # Dropping the bad keys searched a list per key: 40,000 took 10 s, this would take minutes.
    count = 200_000
    loaded = load(one_touchpoint(emotions={f"ghost{i}": 1 for i in range(count)}))
    problem = the_only(loaded.problems)
    assert problem.count == count and f"{count:,} emotions name no persona" in problem.message
    assert problem.location == "$.graph.nodes[1].emotions" and problem.action == "dropped"
    assert "$.graph.nodes[1].emotions.ghost4" in problem.message
    assert "ghost5" not in problem.message  # only the first few are listed
    assert loaded.journey.get("t")["emotions"] == {}


@HANG_GUARD
def test_a_hundred_thousand_stages_in_order_load_without_a_problem():
    # The stage order was checked by searching the order built so far: 100,000 took 147 s.
    count = 100_000
    order = [f"s{i}" for i in range(count)]
    loaded = load(envelope([stage(i) for i in range(count)], [], order))
    assert loaded.problems == []
    assert loaded.journey.stages() == order


@HANG_GUARD
def test_a_hundred_thousand_stages_missing_from_the_order_are_one_summarised_problem():
    count = 100_000
    loaded = load(envelope([stage(i) for i in range(count)], [], []))
    problem = the_only(loaded.problems)
    assert problem.count == count and "stages were missing" in problem.message
    assert loaded.journey.stages() == [f"s{i}" for i in range(count)]


@HANG_GUARD
def test_a_stage_order_repeating_one_id_two_million_times_is_one_short_problem():
    # 16 million repeats fit in 64 MiB and printed 1.9 GB of problem lines.
    repeats = 2_000_000
    loaded = load(envelope([stage(0)], [], ["s0"] * repeats))
    problem = the_only(loaded.problems)
    assert problem.count == repeats - 1 and f"{repeats - 1:,} entries" in problem.message
    assert problem.location == "$.document.stage_order" and len(str(problem)) < 1000
    assert loaded.journey.stages() == ["s0"]


@HANG_GUARD
def test_three_hundred_thousand_repeated_links_are_one_summarised_problem():
    repeats = 300_000
    data = one_touchpoint()
    data["graph"]["edges"] *= repeats
    problem = the_only(load(data).problems)
    assert problem.count == repeats - 1 and problem.location == "$.graph.edges"
    assert f"{repeats - 1:,}" in problem.message and "$.graph.edges[1]" in problem.message


@HANG_GUARD
def test_a_hundred_thousand_touchpoints_without_a_stage_are_one_summarised_problem():
    count = 100_000
    touchpoints = [{"id": f"t{i}", "kind": "touchpoint"} for i in range(count)]
    loaded = load(envelope([stage(0)] + touchpoints, [], ["s0"]))
    problem = the_only(loaded.problems)
    assert problem.count == count and "had no stage" in problem.message
    assert len(loaded.journey.touchpoints_in("s0")) == count


def test_problems_of_many_kinds_are_capped_and_the_last_one_counts_the_rest():
    # Every field of every kind wrong five times: more kinds of problem than are listed.
    nodes, edges = [stage(0)], []
    for kind in (S.TOUCHPOINT, S.NOTE, S.PERSONA, S.ACTION):
        for i in range(5):
            nodes.append({"id": f"{kind}{i}", "kind": kind,
                          **{f.name: [] for f in S.FIELDS[kind]}})
            if kind == S.TOUCHPOINT:
                edges.append({"source": f"{kind}{i}", "target": "s0", "kind": "in_stage"})
    nodes.append("not an element")
    edges.append({"source": "ghost", "target": "s0", "kind": "in_stage"})
    faults = 2 + 5 * sum(len(S.FIELDS[k]) for k in (S.TOUCHPOINT, S.NOTE, S.PERSONA, S.ACTION))
    problems = load(envelope(nodes, edges, ["s0"])).problems
    assert len(problems) == MAX_PROBLEMS
    assert sum(len(str(p)) for p in problems[:-1]) <= MAX_PROBLEM_CHARS
    assert problems[-1].location == "$" and "more problems" in problems[-1].message
    assert f"{problems[-1].count:,} more" in problems[-1].message
    assert sum(p.count for p in problems) == faults  # every fault is counted once


def test_a_kind_of_problem_seen_a_few_times_is_listed_one_by_one():
    data = one_touchpoint(emotions={f"ghost{i}": 1 for i in range(DETAIL)})
    problems = load(data).problems
    assert [p.location for p in problems] == [
        f"$.graph.nodes[1].emotions.ghost{i}" for i in range(DETAIL)]


@HANG_GUARD
def test_a_megabyte_long_unknown_key_gives_a_short_location():
    key = "k" * 1_000_000
    too_deep: object = 1
    for _ in range(MAX_NESTING + 1):
        too_deep = [too_deep]
    data = one_touchpoint(**{key: too_deep})
    problem = the_only(load(data).problems)
    assert problem.action == "dropped" and len(str(problem)) < 1000


@HANG_GUARD
def test_the_layout_of_a_hundred_thousand_stages_keeps_their_order():
    count = 100_000
    journey = load(envelope([stage(i) for i in range(count)], [],
                            [f"s{i}" for i in range(count)])).journey
    bands = layout.compute(journey).bands
    xs = [bands[f"s{i}"].x for i in range(count)]
    assert len(bands) == count and xs == sorted(xs) and len(set(xs)) == count


def test_a_map_at_the_node_limit_of_bad_elements_is_one_problem_per_kind():
    nodes = [{"id": f"x{i}", "kind": "spaceship"} for i in range(MAX_NODES)]
    problem = the_only(load(envelope(nodes, [], [])).problems)
    assert problem.count == MAX_NODES and "unknown kind" in problem.message


# ---------------------------------------------------------- no silent change
def test_an_undirected_graph_is_reported_and_saved_as_directed():
    data = clean_data()
    data["graph"]["directed"] = False
    loaded = load(data)
    assert the_only(loaded.problems).location == "$.graph.directed"
    assert json.loads(cxmap.dumps(loaded.journey))["graph"]["directed"] is True


def test_a_multigraph_is_reported_and_saved_as_a_simple_graph():
    data = clean_data()
    data["graph"]["multigraph"] = True
    loaded = load(data)
    assert the_only(loaded.problems).location == "$.graph.multigraph"
    assert json.loads(cxmap.dumps(loaded.journey))["graph"]["multigraph"] is False


def test_graph_attributes_are_kept_through_load_and_save():
    data = clean_data()
    data["graph"]["graph"] = {"name": "Bakery", "source": {"tool": "networkx"}}
    loaded = load(data)
    assert loaded.problems == []
    again = json.loads(cxmap.dumps(loaded.journey))
    assert again["graph"]["graph"] == {"name": "Bakery", "source": {"tool": "networkx"}}
    assert load(again).problems == []


def test_graph_attributes_that_are_not_an_object_are_reported_as_dropped():
    data = clean_data()
    data["graph"]["graph"] = ["not", "attributes"]
    problem = the_only(load(data).problems)
    assert problem.location == "$.graph.graph" and problem.action == "dropped"


@pytest.mark.parametrize("field", ["due", "reviewed"])
@pytest.mark.parametrize("value", ["2026-W01-1", "2026-001", "20260101", "2026-01-01T10:00",
                                   "2026-02-30", "２０２６-01-01"])
def test_a_date_that_is_not_a_calendar_date_is_reported_and_cleared(field, value):
    data = clean_data()
    action(data)[field] = value
    loaded = load(data)
    assert the_only(loaded.problems).location.endswith(f".{field}")
    assert loaded.journey.get("a1")[field] is None


def test_a_week_date_is_refused_by_the_model_too():
    journey = small_map()
    with pytest.raises(ModelError, match="YYYY-MM-DD"):
        journey.set_fields("a1", due="2026-W01-1")


def test_a_created_time_in_week_form_is_reported_and_cleared():
    data = clean_data()
    data["document"]["created"] = "2026-W01-1T10:00:00"
    loaded = load(data)
    assert the_only(loaded.problems).location == "$.document.created"
    assert loaded.journey.document["created"] == ""


def test_an_empty_due_date_is_reported_as_saved_null():
    data = clean_data()
    action(data)["due"] = ""
    problem = the_only(load(data).problems)
    assert problem.location.endswith(".due") and "null" in problem.message


def test_a_key_repeated_in_one_object_is_reported():
    text = cxmap.dumps(small_map()).replace('"title": "Awareness"',
                                            '"title": "Lost", "title": "Awareness"')
    loaded = cxmap.loads(text)
    assert "repeats the key 'title'" in the_only(loaded.problems).message
    assert loaded.journey.title("s1") == "Awareness"


def test_a_version_1_emotion_beside_emotions_is_reported_as_dropped():
    data = clean_data()
    data["version"] = 1
    touchpoint = next(n for n in data["graph"]["nodes"] if n["id"] == "t1")
    touchpoint.update(emotion=-2, emotions={"*": 1})
    loaded = load(data)
    assert the_only(loaded.problems).location.endswith(".emotion")
    assert loaded.journey.emotion("t1") == 1


EDITS = {
    "undirected": lambda d: d["graph"].update(directed=False),
    "multigraph": lambda d: d["graph"].update(multigraph=True),
    "graph attributes": lambda d: d["graph"].update(graph={"name": "x"}),
    "empty due date": lambda d: action(d).update(due=""),
    "week date": lambda d: action(d).update(due="2026-W01-1"),
    "unknown key": lambda d: d["document"].update(colour="red"),
    "no stage order": lambda d: d["document"].pop("stage_order"),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_a_file_without_problems_is_written_back_as_it_was_read(edit):
    data = clean_data()
    edit(data)
    loaded = load(data)
    if not loaded.problems:
        assert json.loads(cxmap.dumps(loaded.journey)) == data


# ----------------------------------------------------------------- validate
def run_validate(capsys, tmp_path: Path, data: dict | str) -> tuple[int, str]:
    path = tmp_path / "m.cxmap"
    path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
    code = main(["validate", str(path)])
    return code, capsys.readouterr().out


def test_validate_calls_a_clean_file_valid(tmp_path, capsys):
    code, out = run_validate(capsys, tmp_path, clean_data())
    assert code == 0 and "valid" in out


def test_validate_does_not_call_an_undirected_graph_valid(tmp_path, capsys):
    data = clean_data()
    data["graph"]["directed"] = False
    code, out = run_validate(capsys, tmp_path, data)
    assert code == 1 and "valid (" not in out and "$.graph.directed" in out


def test_validate_does_not_call_a_version_1_file_valid(tmp_path, capsys):
    data = clean_data()
    data["version"] = 1
    code, out = run_validate(capsys, tmp_path, data)
    assert code == 1 and "valid (" not in out and f"converts it to version {VERSION}" in out


def test_validate_counts_every_fault_a_summary_stands_for(tmp_path, capsys):
    code, out = run_validate(capsys, tmp_path,
                             one_touchpoint(emotions={f"ghost{i}": 1 for i in range(40_000)}))
    assert code == 1 and "40,000 problem(s)" in out and len(out.splitlines()) == 2


def test_a_null_document_is_reported():
    data = clean_data()
    data["document"] = None
    assert "$.document" in [p.location for p in load(data).problems]


def test_a_loaded_graph_is_the_one_networkx_builds_from_the_same_elements():
    # Loading fills NetworkX's tables directly (twice as fast); a NetworkX upgrade that
    # changed them must show here, not as a map that misbehaves later.
    import networkx as nx
    text = cxmap.dumps(small_map())
    loaded = cxmap.loads(text).journey.graph
    data = json.loads(text)["graph"]
    built = nx.DiGraph()
    built.add_nodes_from((n.pop("id"), n) for n in data["nodes"])
    built.add_edges_from((e.pop("source"), e.pop("target"), e) for e in data["edges"])
    assert list(loaded.nodes(data=True)) == list(built.nodes(data=True))
    assert sorted(loaded.edges(data="kind")) == sorted(built.edges(data="kind"))
    assert {n: list(loaded.pred[n]) for n in loaded} == {n: list(built.pred[n]) for n in built}
    assert loaded.number_of_edges() == built.number_of_edges()
