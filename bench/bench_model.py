"""The model's cost of one edit and of the derived data a panel asks for after it, against
a bare NetworkX edit in the same run.

    python bench/bench_model.py [--sizes 50,500,5000] [--repeat N] [--src DIR]

For maps of N touchpoints (five stages, two notes on each touchpoint, one top-level
action per note half of them with a sub-action each: at 5,000 touchpoints 10,000 notes
and 10,000 actions), each edit below is made, then the queries the panels and canvas
make after it, then the edit is undone (untimed, and its queries too, so each round
starts from the same map with the derived data as the editor would have it):

- add action: a top-level action placed after its last sibling (``add_action``);
- move card: a touchpoint moved inside its stage (``move_touchpoint``);
- rescore: a note's impact changed (``set_fields``);

queries: ``children_of(None)``, ``touchpoints_in`` of the edited stage, ``scoring.rank``
and ``plan.derive``; the last column asks the plan of a ``plan.PlanIndex`` kept across
edits instead of ``plan.derive`` (not in trees older than issue 10: "-").

The baseline is the same kind of change made to a bare ``networkx.DiGraph`` (one
``add_node`` + ``add_edge``, or one attribute set): what any NetworkX program pays at
the least.  Figures are the median of N runs, in ms of CPU
time (``time.process_time``), meaningful while other jobs share the machine.

``--src DIR`` imports ``cxdesigner`` from another tree (an older copy of the model, to
compare before and after in one sitting).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

clock = time.process_time


def parse() -> argparse.Namespace:
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="50,500,5000")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--src", default=str(Path(__file__).resolve().parents[1]))
    return p.parse_args()


ARGS = parse()
sys.path.insert(0, ARGS.src)

import networkx as nx  # noqa: E402

from cxdesigner.model import JourneyMap, plan, scoring  # noqa: E402
from cxdesigner.model import schema as S  # noqa: E402

TODAY = dt.date(2026, 12, 5)


def make_map(touchpoints: int, stages: int = 5) -> JourneyMap:
    j = JourneyMap()
    stage_ids = [j.add_stage(f"Stage {i + 1}", id=f"s{i}").id for i in range(stages)]
    kinds = S.NOTE_KINDS
    previous = None
    order = 0
    for i in range(touchpoints):
        stage = stage_ids[i * stages // touchpoints]
        tp = j.add_touchpoint(stage, f"Touchpoint {i}", flow_from=previous, id=f"t{i}",
                              x=(i % 200) * 240.0).id
        for k in range(2):
            note = j.add_note(kinds[(i + k) % len(kinds)], f"Note {k} on {i}", on=tp,
                              id=f"n{i}.{k}", impact=1 + (i + k) % 5, effort=1 + k % 5,
                              votes=(i + k) % 7).id
            # An explicit order: the old add_action scanned every action to find it.
            top = j.add_action(f"Act {i}.{k}", addresses=[note], id=f"a{i}.{k}",
                               order=order).id
            order += 1
            if k == 0:
                j.add_action(f"Sub {i}", top, id=f"a{i}.{k}.1", order=0)
        previous = tp
    return j


def queries(j: JourneyMap, stage: str, plans=None) -> None:
    j.children_of(None)
    j.touchpoints_in(stage)
    scoring.rank(j)
    if plans is None:
        plan.derive(j, today=TODAY)
    else:
        plans.plan(TODAY)


def measure(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append(clock() - start)
    return statistics.median(times) * 1000


def run(n: int, repeat: int) -> list[tuple]:
    j = make_map(n)
    mid = f"t{n // 2}"
    stage = j.stage_of(mid)
    plans = plan.PlanIndex(j) if hasattr(plan, "PlanIndex") else None
    queries(j, stage)  # what the panels built when the map opened
    if plans is not None:
        queries(j, stage, plans)
    g = nx.DiGraph(j.graph)
    serial = iter(range(10 ** 9))
    rows = []

    def bare_add():
        k = f"bare{next(serial)}"
        g.add_node(k, kind=S.ACTION, title="", order=0)
        g.add_edge(k, "n0.0", kind=S.ADDRESSES)

    def bare_set():
        g.nodes[mid]["x"] = g.nodes[mid]["x"] + 1.0

    edits = [
        ("add action", lambda: j.add_action("New", addresses=["n0.0"]), bare_add),
        ("move card", lambda: j.move_touchpoint(mid, j.get(mid)["x"] + 7.0,
                                                j.get(mid)["y"]), bare_set),
        ("rescore", lambda: j.set_fields("n1.0", impact=6 - j.get("n1.0")["impact"]),
         bare_set),
    ]
    for name, edit, bare in edits:
        base = measure(bare, repeat * 20)
        changes = []

        def edit_only():
            changes.append(edit())

        def edit_and_queries():
            changes.append(edit())
            queries(j, stage)

        def edit_and_kept_plan():
            changes.append(edit())
            queries(j, stage, plans)

        def undo_all():
            while changes:
                j.apply(changes.pop().inverse())
            queries(j, stage)
            if plans is not None:
                queries(j, stage, plans)

        e_times, q_times, k_times = [], [], []
        for _ in range(repeat):
            e_times.append(measure(edit_only, 1))
            undo_all()
            q_times.append(measure(edit_and_queries, 1))
            undo_all()
            if plans is not None:
                k_times.append(measure(edit_and_kept_plan, 1))
                undo_all()
        rows.append((name, base, statistics.median(e_times), statistics.median(q_times),
                     statistics.median(k_times) if k_times else None))
    return rows


def main() -> None:
    print(f"cxdesigner from {ARGS.src}; Python {sys.version.split()[0]}, "
          f"NetworkX {nx.__version__}; median of {ARGS.repeat}, ms CPU")
    print(f"{'touchpoints':>11} {'edit':<11} {'bare nx':>9} {'edit':>9} {'x bare':>8} "
          f"{'edit+queries':>13} {'x bare':>9} {'w/ PlanIndex':>13} {'x bare':>8}")
    for n in (int(s) for s in ARGS.sizes.split(",")):
        for name, base, edit, both, kept in run(n, ARGS.repeat):
            tail = "-" if kept is None else f"{kept:>13.1f} {kept / base:>8.0f}"
            print(f"{n:>11,} {name:<11} {base:>9.4f} {edit:>9.3f} {edit / base:>8.0f} "
                  f"{both:>13.1f} {both / base:>9.0f} {tail:>13}", flush=True)


if __name__ == "__main__":
    main()
