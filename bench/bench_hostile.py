"""Worst-case files against a clean file of the same size, measured in the same run.

    python bench/bench_hostile.py [--scale S] [--repeat N] [--timeout SECONDS] [--no-open]

Each hostile file is a trap that an attacker or a careless tool could make, within the
loader's limits; each is set against a *clean* map of about the same number of bytes
(``make_map`` from bench_fileformat.py: touchpoints with notes, emotions and flows).
For both it measures, in a fresh process each time (so a hang shows as ``>T s`` and
never stops the table):

- validate: ``cxmap.load`` (parse, check, repair, report), what ``cxdesigner validate``
  does;
- open: ``Document.open`` + the real ``MainWindow`` shown offscreen, until the event
  loop has drawn it (the editor's launch on that file, less Python's start-up);
- analyze: ``model.analysis.analyze``, what ``cxdesigner analyze`` and the Analysis
  panel run.

Ratios are hostile / clean. Target (issue 9): every worst case within 3x of the clean
file. ``--scale 1`` builds the traps at the sizes the issue reported (a 61 MB stage
order, 100,000 stages); the default 0.1 keeps the run to a few minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

ACTIONS = ("validate", "open", "analyze")


# ------------------------------------------------------------------ the traps
def _envelope(nodes: list, edges: list, stage_order: list) -> dict:
    return {"format": "cxdesigner-map", "version": 2, "app_version": "bench",
            "document": {"title": "Hostile", "stage_order": stage_order},
            "graph": {"directed": True, "multigraph": False, "graph": {},
                      "nodes": nodes, "edges": edges}}


def _stage(i: int) -> dict:
    return {"id": f"s{i}", "kind": "stage", "title": f"Stage {i}"}


def _touchpoint(i: int, **extra) -> dict:
    return {"id": f"t{i}", "kind": "touchpoint", "title": f"Touchpoint {i}", **extra}


def unknown_personas(scale: float) -> dict:
    """One touchpoint whose emotions name 40,000 personas the map does not have."""
    count = max(1000, int(40_000 * scale * 10) // 10)
    emotions = {f"p{k}": 1 for k in range(count)}
    nodes = [_stage(0), _touchpoint(0, emotions=emotions)]
    return _envelope(nodes, [{"source": "t0", "target": "s0", "kind": "in_stage"}], ["s0"])


def many_stages(scale: float) -> dict:
    """100,000 empty stages (30,000 took 16 s to open in the editor)."""
    count = max(1000, int(100_000 * scale))
    return _envelope([_stage(i) for i in range(count)], [],
                     [f"s{i}" for i in range(count)])


def repeated_stage_order(scale: float) -> dict:
    """A stage order repeating one id 16 million times (61 MB, inside the limit)."""
    stage = {"id": "s", "kind": "stage", "title": "Stage"}  # a short id packs the most in
    return _envelope([stage], [], ["s"] * max(10_000, int(16_000_000 * scale)))


def duplicate_ids(scale: float) -> dict:
    """100,000 nodes that all claim the same id."""
    count = max(1000, int(100_000 * scale))
    return _envelope([_stage(0)] * count, [], ["s0"])


def dangling_edges(scale: float) -> dict:
    """A million links between elements that do not exist."""
    count = max(1000, int(1_000_000 * scale))
    edges = [{"source": f"x{i}", "target": f"y{i}", "kind": "flow"} for i in range(count)]
    return _envelope([_stage(0)], edges, ["s0"])


def complete_flows(n: int) -> dict:
    """``n`` touchpoints each linked to every other after an entry, and an exit in the
    last stage that only the first of them leads to: once a search of simple paths has
    passed that one, it walks all (n-1)! orders of the rest, none reaching the exit."""
    nodes = [_stage(0), _stage(1), _stage(2)]
    edges = []
    for i in range(n + 2):
        nodes.append(_touchpoint(i))
        stage = "s0" if i == 0 else "s2" if i == n + 1 else "s1"
        edges.append({"source": f"t{i}", "target": stage, "kind": "in_stage"})
    middle = range(1, n + 1)
    edges.append({"source": "t1", "target": f"t{n + 1}", "kind": "flow"})
    edges += [{"source": "t0", "target": f"t{i}", "kind": "flow"} for i in middle]
    edges += [{"source": f"t{i}", "target": f"t{k}", "kind": "flow"}
              for i in middle for k in middle if i != k]
    return _envelope(nodes, edges, ["s0", "s1", "s2"])


def dumps(data: dict) -> str:
    """A trap as compact JSON, so the largest fit in the file limit."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def traps(scale: float) -> dict[str, dict]:
    return {
        "unknown personas in emotions": unknown_personas(scale),
        "many stages": many_stages(scale),
        "stage order repeating one id": repeated_stage_order(scale),
        "one id for every node": duplicate_ids(scale),
        "links to missing elements": dangling_edges(scale),
        "13 touchpoints all linked": complete_flows(13),
        "60 touchpoints all linked": complete_flows(60),
    }


def clean_twin(size: int, folder: Path) -> Path:
    """A clean map of about ``size`` bytes (at most 90% of the file limit), saved by CX
    Designer itself."""
    from bench_fileformat import make_map
    from cxdesigner.fileformat import cxmap
    from cxdesigner.fileformat.limits import MAX_FILE_BYTES

    sample = folder / "sample.cxmap"
    cxmap.save(make_map(400), sample)
    per_touchpoint = sample.stat().st_size / 400
    size = min(size, int(MAX_FILE_BYTES * 0.9))
    path = folder / f"clean-{size}.cxmap"
    cxmap.save(make_map(max(5, int(size / per_touchpoint))), path)
    return path


# ------------------------------------------------------------------ one measurement
def measure(action: str, path: Path) -> float:
    """Run in a child process: the seconds ``action`` takes on ``path``."""
    if action == "validate":
        from cxdesigner.fileformat import cxmap

        start = time.perf_counter()
        cxmap.load(path)
        return time.perf_counter() - start
    if action == "analyze":
        from cxdesigner.fileformat import cxmap
        from cxdesigner.model import analysis

        journey = cxmap.load(path).journey
        start = time.perf_counter()
        analysis.analyze(journey)
        return time.perf_counter() - start
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from cxdesigner.app import make_app
    from cxdesigner.ui.document.document import Document
    from cxdesigner.ui.main_window import MainWindow

    app = make_app([])
    start = time.perf_counter()
    document, _problems = Document.open(path)
    window = MainWindow(document)
    window.show()
    # The first paint happens in the event loop after show(); a zero timer runs once
    # the events queued by show() (expose, layout, paint) have been handled.
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()
    app.processEvents()
    # No close(): a repaired map would ask whether to save it.
    return time.perf_counter() - start


def timed(action: str, path: Path, repeat: int, timeout: float) -> float | None:
    """The best of ``repeat`` runs, each in a fresh process; None if one timed out."""
    best = None
    for _ in range(repeat):
        try:
            out = subprocess.run([sys.executable, __file__, "--one", action, str(path)],
                                 capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        if out.returncode != 0:
            last = (out.stderr.strip().splitlines() or ["?"])[-1]
            raise SystemExit(f"{action} {path.name} failed: {last}")
        seconds = float(out.stdout.strip().splitlines()[-1])
        best = seconds if best is None else min(best, seconds)
    return best


def fmt(seconds: float | None, timeout: float) -> str:
    return f">{timeout:.0f} s" if seconds is None else f"{seconds * 1e3:,.0f}"


def ratio(hostile: float | None, clean: float | None) -> str:
    if hostile is None:
        return "hang"
    if not clean:
        return "-"
    return f"{hostile / clean:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--no-open", action="store_true", help="skip opening the editor")
    parser.add_argument("--one", nargs=2, metavar=("ACTION", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(measure(args.one[0], Path(args.one[1])), flush=True)
        os._exit(0)  # skip tearing down a window of 100,000 items
    actions = [a for a in ACTIONS if not (args.no_open and a == "open")]
    print(f"scale {args.scale}, best of {args.repeat}, times in ms, each run in a fresh "
          f"process (timeout {args.timeout:.0f} s)")
    head = " | ".join(f"{a + ' ms':>11} {'clean':>7} {'ratio':>5}" for a in actions)
    print(f"{'hostile file':<30} {'MiB':>6} | {head}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, data in traps(args.scale).items():
            path = folder / (name.replace(" ", "-") + ".cxmap")
            path.write_text(dumps(data), encoding="utf-8")
            size = path.stat().st_size
            twin = clean_twin(size, folder)
            cells = []
            for action in actions:
                hostile = timed(action, path, args.repeat, args.timeout)
                clean = timed(action, twin, args.repeat, args.timeout)
                cells.append(f"{fmt(hostile, args.timeout):>11} {fmt(clean, args.timeout):>7} "
                             f"{ratio(hostile, clean):>5}")
                if hostile is None:
                    worst = float("inf")
                elif clean:
                    worst = max(worst, hostile / clean)
            print(f"{name:<30} {size / 2**20:>6.2f} | " + " | ".join(cells), flush=True)
    print(f"worst ratio: {'hang' if worst == float('inf') else f'{worst:.2f}'} "
          "(target: at most 3)")


if __name__ == "__main__":
    main()
