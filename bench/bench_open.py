"""Opening a map in the editor: launch to first paint, and peak memory, per process.

    python bench/bench_open.py [--repeat N] [--huge]

For the bundled sample (``resources/samples/bakery-en.cxmap``) and a map of 5,000
touchpoints (with ``--huge`` also the largest a file may hold, about 24,000: see
``huge_size``; built by ``make_map`` in bench_editing.py, issue 10's proportions,
saved by CX Designer), each measurement runs in a fresh process (this script with
``--one``, as bench_hostile.py does), offscreen:

- launch ms: from just before the parent starts the process to the end of the
  window's first paint: Python's start-up, the imports, the application, loading the
  file (``MainWindow.open_new``: ``Document.open``, as the editor's start does, less
  the recovery offer, which has no session here), building the window with every
  panel, ``show()``, and the event loop until the canvas has been painted once;
- open ms: the part of it from loading the file on (what the user waits for after
  choosing a file in a running editor);
- peak RSS: the child's high-water mark once painted, ``VmHWM`` in ``/proc/self/status``
  on Linux.  Not ``getrusage(RUSAGE_SELF).ru_maxrss``: Linux keeps that figure across
  ``exec``, so every child reported the parent's peak (204 MiB, after it had built the
  5,000-touchpoint map); it is used only where ``/proc`` is missing.

The first paint: an event filter on the canvas view's viewport sees its first
``QEvent.Paint``; a zero-ms timer started there fires once that paint event (and the
flush of the window's backing store that follows it in the same turn) has returned.
The child then prints its figures and leaves with ``os._exit(0)``: a repaired map
would make ``close()`` ask to save, and tearing down a window of 100,000 items says
nothing about opening it.

*Bare* is the same kind of process showing a plain ``QMainWindow`` of the same size
with an empty ``QGraphicsView`` as its central widget, measured the same way: what
any PySide6 program pays to put a window on screen.  Each figure is the median of N
processes (default 3).  Targets (issue 10): launch on 5,000 touchpoints at most 1.5 s
and at most 2x the sample, peak RSS under 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

SAMPLE = ROOT / "resources" / "samples" / "bakery-en.cxmap"
TARGET_S, TARGET_RATIO, TARGET_MIB = 1.5, 2.0, 300.0
WINDOW_W, WINDOW_H = 1400, 900  # the editor's first-start size (main_window.py)
TIMEOUT_S = 300.0


# ------------------------------------------------------------------ in the child
def first_paint(viewport) -> None:
    """Run the event loop until ``viewport`` has been painted once (see the module's
    docstring); gives up after a minute, so a window that never paints shows as such."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    loop = QEventLoop()

    class Painted(QObject):
        seen = False

        def eventFilter(self, watched, event) -> bool:  # Qt's name
            if event.type() == QEvent.Paint and not self.seen:
                self.seen = True
                QTimer.singleShot(0, loop.quit)  # after this paint has returned
            return False

    spy = Painted()
    viewport.installEventFilter(spy)
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()
    viewport.removeEventFilter(spy)
    if not spy.seen:
        raise SystemExit("the window was never painted")


def peak_rss_mib() -> float:
    """This process's peak resident memory (see the module's docstring)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child(kind: str, path: str, spawned: float, settings_file: str) -> None:
    """One measurement; prints one JSON line.  ``spawned`` is the parent's
    ``time.time()`` just before it started this process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow

        app = QApplication([])
        opened = time.perf_counter()
        window = QMainWindow()
        view = QGraphicsView(QGraphicsScene(window))
        window.setCentralWidget(view)
        window.resize(WINDOW_W, WINDOW_H)
        window.show()
    else:
        from cxdesigner.app import make_app
        from cxdesigner.ui import settings
        from cxdesigner.ui.main_window import MainWindow

        settings.use_file(settings_file)  # a first start's layout; the user's untouched
        app = make_app([])
        opened = time.perf_counter()
        window = MainWindow.open_new(Path(path))
        view = window.view
        window.show()
    first_paint(view.viewport())
    done = time.perf_counter()
    launch = time.time() - spawned
    print(json.dumps({"launch": launch, "open": done - opened,
                      "rss_mib": peak_rss_mib(), "app": app.platformName()}), flush=True)
    os._exit(0)


# ------------------------------------------------------------------ in the parent
def measure(kind: str, path: Path, repeat: int, settings_file: Path) -> dict[str, float]:
    """The median of ``repeat`` fresh processes, figure by figure."""
    runs = []
    for _ in range(repeat):
        spawned = time.time()
        out = subprocess.run([sys.executable, __file__, "--one", kind, str(path), str(spawned),
                              str(settings_file)], check=False, capture_output=True, text=True,
                             timeout=TIMEOUT_S)
        if out.returncode != 0:
            last = (out.stderr.strip().splitlines() or ["?"])[-1]
            raise SystemExit(f"{kind} {path.name} failed: {last}")
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(r[key] for r in runs) for key in ("launch", "open", "rss_mib")}


def huge_size(bytes_per_touchpoint: float) -> int:
    """50,000 touchpoints, or the most (in thousands) whose map at issue 10's
    proportions a file may hold: 50,000 would be 250,503 elements (the loader's
    ``MAX_NODES`` is 200,000) and about 120 MiB (``MAX_FILE_BYTES``: 64 MiB), and is
    not saved.  ``bytes_per_touchpoint``: as measured on the 5,000-touchpoint file."""
    from cxdesigner.fileformat.limits import MAX_FILE_BYTES, MAX_NODES

    fit = min((MAX_NODES - 3) * 100 // 501, int(MAX_FILE_BYTES * 0.95 / bytes_per_touchpoint))
    return min(50_000, fit // 1000 * 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--huge", action="store_true", help="also 50,000 touchpoints")
    parser.add_argument("--one", nargs=4, metavar=("KIND", "FILE", "SPAWNED", "SETTINGS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, path, spawned, settings_file = args.one
        child(kind, path, float(spawned), settings_file)
        return

    from bench_editing import make_map
    from cxdesigner.fileformat import cxmap

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings_file = folder / "settings.ini"
        maps = [("sample (bakery-en)", SAMPLE)]
        sizes = [5000]
        while sizes:
            size = sizes.pop(0)
            path = folder / f"editing-{size}.cxmap"
            print(f"... building {size:,} touchpoints", file=sys.stderr, flush=True)
            cxmap.save(make_map(size), path)
            maps.append((f"{size:,} touchpoints", path))
            if size == 5000 and args.huge:
                sizes.append(huge_size(path.stat().st_size / size))
        rows = []
        for name, path in maps:
            print(f"... opening {name}", file=sys.stderr, flush=True)
            journey = cxmap.load(path).journey
            ours = measure("ours", path, args.repeat, settings_file)
            bare = measure("bare", path, args.repeat, settings_file)
            rows.append((name, journey.count("touchpoint"), len(journey),
                         path.stat().st_size / 2**20, ours, bare))

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, offscreen, median of "
          f"{args.repeat} fresh processes; launch = process start to first paint")
    print(f"{'map':<22} {'tps':>6} {'nodes':>7} {'MiB':>5} | {'launch ms':>9} {'open ms':>8} "
          f"{'/sample':>7} {'RSS MiB':>8} | {'bare ms':>8} {'bare RSS':>8}")
    sample_launch = rows[0][4]["launch"]
    for name, tps, nodes, mib, ours, bare in rows:
        print(f"{name:<22} {tps:>6,} {nodes:>7,} {mib:>5.1f} | {ours['launch'] * 1e3:>9,.0f} "
              f"{ours['open'] * 1e3:>8,.0f} {ours['launch'] / sample_launch:>7.2f} "
              f"{ours['rss_mib']:>8.0f} | {bare['launch'] * 1e3:>8,.0f} {bare['rss_mib']:>8.0f}")
    big = rows[1][4]
    print(f"5,000 touchpoints: launch {big['launch']:.2f} s (target <= {TARGET_S}), "
          f"{big['launch'] / sample_launch:.2f}x the sample (target <= {TARGET_RATIO:.0f}x), "
          f"peak RSS {big['rss_mib']:.0f} MiB (target < {TARGET_MIB:.0f})")


if __name__ == "__main__":
    main()
