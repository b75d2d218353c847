"""The journey analysis stays bounded: paths are counted without listing them, at
most a few are listed (shortest first), and the editor never waits for it to appear.

Each map here is a trap for listing every simple path: a dozen touchpoints all
linked to each other have billions; a layered map of forty steps has 2^40.
``timeout`` is the hang guard; nothing asserts a time.
"""

from __future__ import annotations

import itertools
import json
import random

import networkx as nx
import pytest

from cxdesigner.cli import main
from cxdesigner.fileformat import cxmap
from cxdesigner.fileformat.limits import VERSION
from cxdesigner.model import analysis

pytestmark = pytest.mark.timeout(60)


# ------------------------------------------------------------------ maps
def build(stages: list[list[str]], flows: list[tuple[str, str]]):
    """A map with one stage per list of touchpoint ids, in order, and these flows."""
    nodes, edges = [], []
    for si, tps in enumerate(stages):
        nodes.append({"id": f"s{si}", "kind": "stage", "title": f"Stage {si}"})
        for k, t in enumerate(tps):
            nodes.append({"id": t, "kind": "touchpoint", "title": t, "x": 240 * k})
            edges.append({"source": t, "target": f"s{si}", "kind": "in_stage"})
    edges += [{"source": a, "target": b, "kind": "flow"} for a, b in flows]
    data = {"format": "cxdesigner-map", "version": VERSION,
            "document": {"stage_order": [f"s{i}" for i in range(len(stages))]},
            "graph": {"nodes": nodes, "edges": edges}}
    loaded = cxmap.from_data(data)
    assert loaded.problems == []
    return loaded.journey


def all_linked(k: int, ways_out: int | None = None):
    """An entry, ``k`` touchpoints all linked to each other, an exit; the first
    ``ways_out`` of them (all by default) lead to the exit."""
    mid = [f"m{i:02d}" for i in range(k)]
    out = mid if ways_out is None else mid[:ways_out]
    flows = [("in", m) for m in mid] + list(itertools.permutations(mid, 2))
    flows += [(m, "out") for m in out]
    return build([["in"], mid, ["out"]], flows)


def layered(depth: int, width: int = 2):
    """An entry, ``depth`` layers of ``width`` touchpoints each linked to every one of
    the next layer, an exit: width ** depth paths."""
    layers = [[f"l{d:02d}_{w}" for w in range(width)] for d in range(depth)]
    flows = [("in", x) for x in layers[0]] + [(x, "out") for x in layers[-1]]
    for a, b in zip(layers, layers[1:]):
        flows += list(itertools.product(a, b))
    return build([["in"], *layers, ["out"]], flows)


def simple_paths_by_brute_force(journey) -> list[list[str]]:
    """Every path the analysis means, listed the slow way (small maps only)."""
    g = nx.DiGraph()
    g.add_nodes_from(journey.journey_order())
    g.add_edges_from(journey.flows())
    order = journey.journey_order()
    entries = [t for t in order if g.in_degree(t) == 0] or order[:1]
    last = [s for s in journey.stages() if journey.touchpoints_in(s)][-1]
    ends = set(journey.touchpoints_in(last))
    paths = []
    for entry in entries:
        if entry in ends:
            paths.append([entry])
        paths += nx.all_simple_paths(g, entry, ends - {entry})
    return paths


def random_map(rng: random.Random, loops: bool):
    stages = [[f"t{s}{i}" for i in range(rng.randint(1, 3))] for s in range(4)]
    tps = [t for stage in stages for t in stage]
    flows = set()
    for _ in range(rng.randint(3, 14)):
        a, b = rng.sample(range(len(tps)), 2)
        if not loops and a > b:
            a, b = b, a
        flows.add((tps[a], tps[b]))
    return build(stages, sorted(flows))


def is_simple_path_along_flows(journey, path: list[str]) -> bool:
    return len(set(path)) == len(path) and all(
        journey.has_flow(a, b) for a, b in zip(path, path[1:]))


# ------------------------------------------------------------------ the traps
def test_thirteen_touchpoints_all_linked_finish_with_a_lower_bound_and_a_cut():
    result = analysis.analyze(all_linked(13))
    assert result.loops and not result.path_count_exact
    assert result.path_count >= 13 * 13  # in each way, out each way, at least
    assert len(result.paths) == analysis.MAX_PATHS and result.paths_cut
    assert not result.search_stopped


def test_sixty_touchpoints_all_linked_list_the_shortest_paths_first():
    journey = all_linked(60)
    result = analysis.analyze(journey)
    assert [len(p) for p in result.paths] == [3] * analysis.MAX_PATHS
    assert all(p[0] == "in" and p[-1] == "out" and is_simple_path_along_flows(journey, p)
               for p in result.paths)
    assert result.paths_cut and result.path_count >= 60 * 60


def test_all_linked_with_one_way_out_goes_through_it_shortest_first():
    result = analysis.analyze(all_linked(60, ways_out=1))
    assert result.paths[0] == ["in", "m00", "out"]
    assert all(p[-2:] == ["m00", "out"] and len(p) == 4 for p in result.paths[1:])
    assert result.paths_cut and not result.search_stopped


# ------------------------------------------------------------------ counting
def test_a_layered_map_with_2_to_the_40_paths_is_counted_exactly():
    result = analysis.analyze(layered(40))
    assert result.path_count == 2 ** 40 and result.path_count_exact and not result.loops


def test_a_layered_map_with_2_to_the_40_paths_lists_only_the_cap():
    journey = layered(40)
    result = analysis.analyze(journey, max_paths=7)
    assert len(result.paths) == 7 and result.paths_cut and not result.search_stopped
    assert all(len(p) == 42 and is_simple_path_along_flows(journey, p)
               for p in result.paths)
    assert len({tuple(p) for p in result.paths}) == 7


def test_a_count_past_the_cap_stops_there_as_a_lower_bound():
    result = analysis.analyze(layered(70))
    assert result.path_count == analysis.COUNT_CAP and not result.path_count_exact
    assert not result.loops


def test_counts_and_lists_match_brute_force_on_maps_without_loops():
    rng = random.Random(9)
    for _ in range(60):
        journey = random_map(rng, loops=False)
        expected = simple_paths_by_brute_force(journey)
        result = analysis.analyze(journey, max_paths=1000)
        assert result.path_count_exact and result.path_count == len(expected)
        assert sorted(map(tuple, result.paths)) == sorted(map(tuple, expected))
        assert not result.paths_cut


def test_with_loops_the_count_is_a_lower_bound_and_the_list_the_shortest():
    rng = random.Random(4)
    for _ in range(60):
        journey = random_map(rng, loops=True)
        expected = simple_paths_by_brute_force(journey)
        result = analysis.analyze(journey, max_paths=3)
        assert result.path_count <= len(expected)
        assert result.path_count == len(expected) or not result.path_count_exact
        assert all(is_simple_path_along_flows(journey, p) for p in result.paths)
        assert [len(p) for p in result.paths] == sorted(len(p) for p in expected)[:3]


def test_a_loop_on_the_way_is_reported_and_listed_paths_do_not_repeat_it():
    journey = build([["a"], ["b", "c"], ["d"]],
                    [("a", "b"), ("b", "c"), ("c", "b"), ("c", "d"), ("b", "d")])
    result = analysis.analyze(journey)
    assert result.loops and not result.path_count_exact
    assert sorted(result.paths) == [["a", "b", "c", "d"], ["a", "b", "d"]]
    assert not result.paths_cut


def test_a_loop_off_the_way_leaves_the_count_exact():
    journey = build([["a"], ["b", "x", "y"], ["d"]],
                    [("a", "b"), ("b", "d"), ("x", "y"), ("y", "x")])
    result = analysis.analyze(journey)
    assert result.path_count == 1 and result.path_count_exact and not result.loops


def test_a_long_chain_lists_its_one_path_whole():
    ids = [f"t{i:05d}" for i in range(5000)]
    journey = build([ids[:-1], ids[-1:]], list(zip(ids, ids[1:])))
    result = analysis.analyze(journey)
    assert result.paths == [ids] and result.path_count == 1 and not result.paths_cut


def test_the_work_budget_stops_the_search_and_says_so():
    result = analysis.analyze(layered(40), budget=10)
    assert result.search_stopped and result.paths_cut and result.paths == []
    assert result.search_steps >= 10 and result.path_count == 2 ** 40


def test_loops_that_lead_nowhere_stop_the_search_at_its_budget():
    # Every way out passes "a", already on the path: the 60 touchpoints looping behind
    # it look one step from the end but hold billions of dead partial paths.
    mid = [f"m{i:02d}" for i in range(60)]
    flows = [("in", "a"), ("a", "out"), *itertools.permutations(mid, 2)]
    flows += [("a", m) for m in mid] + [(m, "a") for m in mid]
    result = analysis.analyze(build([["in"], ["a", *mid], ["out"]], flows))
    assert result.paths == [["in", "a", "out"]] and result.search_stopped
    assert result.paths_cut and result.search_steps >= analysis.WORK_BUDGET


# ------------------------------------------------------------------ command line
@pytest.fixture
def trap_file(tmp_path):
    path = tmp_path / "trap.cxmap"
    cxmap.save(all_linked(13), path)
    return path


def test_analyze_says_how_many_paths_and_that_it_shows_the_shortest(capsys, trap_file):
    assert main(["analyze", str(trap_file)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert "at least 169" in first and "showing the 20 shortest" in first


def test_analyze_json_has_the_count_and_the_cut(capsys, trap_file):
    assert main(["analyze", str(trap_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["path_count"] >= 169 and data["path_count_exact"] is False
    assert data["paths_cut"] is True and data["loops"] is True
    assert data["search_stopped"] is False and len(data["paths"]) == 20


# ------------------------------------------------------------------ the editor
@pytest.fixture
def trap_window(qapp, qtbot, monkeypatch, tmp_path, trap_file):
    from PySide6.QtCore import QCoreApplication, QEvent

    from cxdesigner.ui import main_window as mw
    from cxdesigner.ui import settings

    settings.use_file(tmp_path / "settings.ini")
    monkeypatch.setattr(mw.MainWindow, "ask_unsaved", lambda self: "discard")
    window = mw.MainWindow.open_new(trap_file)
    qtbot.addWidget(window)
    yield window
    for w in mw.windows():
        w.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    settings.use_file(None)


def test_building_the_window_does_not_analyse(trap_window):
    assert trap_window.analysis.result is None


def test_the_window_on_the_trap_map_is_shown(qtbot, trap_window):
    trap_window.show()
    qtbot.waitExposed(trap_window)
    assert trap_window.isVisible()


def test_the_shown_analysis_panel_analyses_the_trap_map_within_bounds(qtbot, trap_window):
    trap_window.show()
    qtbot.waitExposed(trap_window)
    dock = trap_window.docks["analysis"]
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: trap_window.analysis.result is not None, timeout=10_000)
    result = trap_window.analysis.result
    assert len(result.paths) == 20 and result.paths_cut
    group = trap_window.analysis.group_item("paths")
    assert group.childCount() == 20 and "169" in group.toolTip(0)


def test_a_hidden_analysis_panel_does_not_analyse_after_an_edit(qtbot, trap_window):
    from cxdesigner.commands import AddStageCommand
    from cxdesigner.ui.panels.analysis_panel import DEBOUNCE_MS

    trap_window.document.push(AddStageCommand(trap_window.document.journey, "Later"))
    qtbot.wait(3 * DEBOUNCE_MS)  # the window was never shown
    assert trap_window.analysis.result is None


# ------------------------------------------------------------------ many findings
def test_thousands_of_empty_stages_list_the_first_few_and_count_them_all():
    stages = [[] for _ in range(2_000)] + [["a", "b"]]
    result = analysis.analyze(build(stages, [("a", "b")]))
    assert result.count_of("empty_stage") == 2_000
    assert len(result.of_kind("empty_stage")) == analysis.MAX_FINDINGS
    assert result.of_kind("empty_stage")[0].element == "s0"


def test_analyze_text_says_how_many_findings_are_not_listed(tmp_path, capsys):
    path = tmp_path / "stages.cxmap"
    cxmap.save(build([[] for _ in range(700)] + [["a"]], []), path)
    assert main(["analyze", str(path)]) == 0
    assert f"... and {700 - analysis.MAX_FINDINGS:,} more" in capsys.readouterr().out


def test_a_lower_bound_on_paths_is_never_below_the_paths_listed():
    result = analysis.analyze(all_linked(13, ways_out=1))
    assert not result.path_count_exact
    assert result.path_count >= len(result.paths) == analysis.MAX_PATHS
