"""Save and load of large maps against a bare baseline, measured in the same run.

    python bench/bench_fileformat.py [--repeat N]

The baseline is what any program would do at the least: ``json`` plus building the
same NetworkX graph by hand (load), or dumping the same node-link data (save), with no
checks, no migration and no atomic write.  Prints the best of N runs and the ratios.
Target (issue 2): loading 5,000 touchpoints takes at most 1.5x the baseline.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cxdesigner.fileformat import cxmap  # noqa: E402
from cxdesigner.model import JourneyMap  # noqa: E402
from cxdesigner.model import schema as S  # noqa: E402


def make_map(touchpoints: int, notes_each: int = 4, stages: int = 5) -> JourneyMap:
    j = JourneyMap()
    j.set_document(title=f"Benchmark {touchpoints}")
    persona = j.add_persona("Regular", "existing").id
    stage_ids = [j.add_stage(f"Stage {i + 1}").id for i in range(stages)]
    kinds = S.NOTE_KINDS
    previous = None
    for i in range(touchpoints):
        stage = stage_ids[i * stages // touchpoints]
        tp = j.add_touchpoint(stage, f"Touchpoint {i} נקודת מגע", flow_from=previous,
                              channel=S.CHANNELS[i % len(S.CHANNELS)], x=(i % 200) * 240.0,
                              emotions={S.GENERAL: i % 5 - 2, persona: (i * 3) % 5 - 2},
                              evidence="Survey, March").id
        for k in range(notes_each):
            j.add_note(kinds[(i + k) % len(kinds)], f"Note {k} on {i}", on=tp,
                       impact=1 + (i + k) % 5, effort=1 + k % 5, votes=k)
        previous = tp
    return j


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def baseline_load(path: Path) -> nx.DiGraph:
    data = json.loads(path.read_bytes().decode("utf-8"))
    g = nx.DiGraph()
    g.add_nodes_from((n.pop("id"), n) for n in data["graph"]["nodes"])
    g.add_edges_from((e["source"], e["target"], {"kind": e["kind"]})
                     for e in data["graph"]["edges"])
    return g


def baseline_save(journey: JourneyMap, path: Path) -> None:
    g = journey.graph
    data = {"document": dict(journey.document),
            "graph": {"nodes": [{"id": n, **a} for n, a in g.nodes(data=True)],
                      "edges": [{"source": u, "target": v, **a}
                                for u, v, a in g.edges(data=True)]}}
    path.write_bytes(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in (500, 5000):
            journey = make_map(size)
            ours, bare = Path(folder, f"m{size}.cxmap"), Path(folder, f"b{size}.json")
            save_ours = best(lambda: cxmap.save(journey, ours), args.repeat)
            save_bare = best(lambda: baseline_save(journey, bare), args.repeat)
            load_ours = best(lambda: cxmap.load(ours), args.repeat)
            load_bare = best(lambda: baseline_load(ours), args.repeat)
            mib = ours.stat().st_size / 2**20
            rows.append((size, len(journey), mib, save_ours, save_bare, load_ours, load_bare))
    print(f"{'touchpoints':>11} {'nodes':>6} {'MiB':>5} | {'save ms':>8} {'bare ms':>8} "
          f"{'ratio':>5} | {'load ms':>8} {'bare ms':>8} {'ratio':>5}")
    for size, nodes, mib, so, sb, lo, lb in rows:
        print(f"{size:>11,} {nodes:>6,} {mib:>5.1f} | {so * 1e3:>8.1f} {sb * 1e3:>8.1f} "
              f"{so / sb:>5.2f} | {lo * 1e3:>8.1f} {lb * 1e3:>8.1f} {lo / lb:>5.2f}")


if __name__ == "__main__":
    main()
