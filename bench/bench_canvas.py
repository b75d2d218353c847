"""Canvas frame times on large maps against a bare QGraphicsScene, in the same run.

    QT_QPA_PLATFORM=offscreen python bench/bench_canvas.py [--repeat N] [--rounds R]

For maps of 500 and 5,000 touchpoints (``make_map`` from bench_fileformat.py: four
note chips on each card, a flow between consecutive touchpoints), in a 1600x1000 view:

- fit all: the whole map fitted in the view, then full repaints of the viewport;
- pan: at zoom 1.0, scroll 100 px to the side and let the view repaint what scrolled
  in (what dragging the map or a scroll wheel does), again and again along the map.

The bare baseline is a plain ``QGraphicsScene`` holding one ``QGraphicsRectItem`` per
card at the same positions, in a plain ``QGraphicsView`` of the same size and render
hints: what any Qt program pays at the least for that many rectangles.  Also shown for
information: a full repaint at zoom 1.0 and just above the level-of-detail threshold
(the most cards drawn in full), the cost of crossing the threshold, the time an edit
takes with the canvas following the model against the model alone (a rename, a move
inside the card's band, a move to another stage), the same edits with the frame they
cause at zoom 1.0 on the card ("frame: ..."), and the time to build the scene of a
loaded map ("open", the best of a few builds).

Each figure is the median of N runs (the lowest such median of R rounds), in
milliseconds of CPU time of this process (``time.process_time``): the offscreen
platform renders in this process, and CPU time stays meaningful while other jobs share
the machine, which wall-clock time does not.  ``--wall`` measures wall-clock time
instead.  Targets (issue 3): fit all at most 16 ms and pan at most 4 ms a frame at
5,000 touchpoints.

Note that ``make_map`` places touchpoint i at x = (i % 200) * 240, all on one row: at
5,000 touchpoints (1,000 a stage) five cards lie on top of each other at every place,
so a strip of the map paints five times the cards a real map would.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QRectF, Qt, qVersion  # noqa: E402
from PySide6.QtWidgets import (QApplication, QGraphicsRectItem, QGraphicsScene,  # noqa: E402
                               QGraphicsView)

from bench_fileformat import make_map  # noqa: E402
from cxdesigner.app import make_app  # noqa: E402
from cxdesigner.canvas.overview import DETAIL_ZOOM  # noqa: E402
from cxdesigner.canvas.scene import JourneyScene  # noqa: E402
from cxdesigner.canvas.view import JourneyView  # noqa: E402
from cxdesigner.model import schema as S  # noqa: E402

VIEW_W, VIEW_H = 1600, 1000
PAN_STEP = 100
clock = time.process_time
rounds = 3


def median_ms(fn, repeat: int, warmup: int = 2) -> float:
    """The median of ``repeat`` timed calls, the lowest of ``rounds`` such medians: on a
    shared machine a round slowed down by other jobs says nothing about the code."""
    for _ in range(warmup):
        fn()
    medians = []
    for _ in range(rounds):
        times = []
        for _ in range(repeat):
            start = clock()
            fn()
            times.append(clock() - start)
        medians.append(statistics.median(times))
    return min(medians) * 1e3


def show(view: QGraphicsView) -> None:
    view.resize(VIEW_W, VIEW_H)
    view.show()
    QApplication.processEvents()


def full_frame(view: QGraphicsView, repeat: int) -> float:
    return median_ms(view.viewport().repaint, repeat)


def pan_frame(view: QGraphicsView, repeat: int) -> float:
    """Scroll sideways by PAN_STEP and let the view repaint the strip that came in."""
    bar = view.horizontalScrollBar()
    bar.setValue(bar.minimum())
    QApplication.processEvents()

    def step():
        if bar.value() + PAN_STEP > bar.maximum():
            bar.setValue(bar.minimum())
            QApplication.processEvents()
        bar.setValue(bar.value() + PAN_STEP)
        QApplication.processEvents()

    return median_ms(step, max(repeat, 30), warmup=5)


def fit_rect(scene: JourneyScene) -> QRectF:
    b = scene.layout.bounds
    return QRectF(b.x - 40, b.y - 40, b.w + 80, b.h + 80)


def bare_view(scene: JourneyScene, ours: JourneyView) -> QGraphicsView:
    bare = QGraphicsScene()
    for r in scene.layout.cards.values():
        bare.addItem(QGraphicsRectItem(r.x, r.y, r.w, r.h))
    bare.setSceneRect(scene.content_rect)
    view = QGraphicsView(bare)
    view.setRenderHints(ours.renderHints())
    view.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
    view._keep = bare  # the scene lives as long as its view
    show(view)
    return view


def at_zoom(view: QGraphicsView, zoom: float) -> None:
    view.resetTransform()
    view.scale(zoom, zoom)
    if isinstance(view, JourneyView):
        view.zoom_changed.emit(view.zoom())  # as set_zoom would: the scene follows
    view.centerOn(0, 0)
    QApplication.processEvents()


def measure(size: int, repeat: int) -> dict[str, float]:
    journey = make_map(size)
    scene = JourneyScene(journey)
    view = JourneyView(scene)
    show(view)
    bare = bare_view(scene, view)
    row: dict[str, float] = {}

    view.fit_all()
    bare.fitInView(fit_rect(scene), Qt.KeepAspectRatio)
    QApplication.processEvents()
    row["fit_zoom"] = view.zoom()
    row["fit"], row["fit_bare"] = full_frame(view, repeat), full_frame(bare, repeat)

    at_zoom(view, 1.0)
    at_zoom(bare, 1.0)
    row["pan"], row["pan_bare"] = pan_frame(view, repeat), pan_frame(bare, repeat)
    row["full1"], row["full1_bare"] = full_frame(view, repeat), full_frame(bare, repeat)

    above = DETAIL_ZOOM * 1.01
    at_zoom(view, above)
    at_zoom(bare, above)
    row["above"], row["above_bare"] = full_frame(view, repeat), full_frame(bare, repeat)

    # Crossing the threshold: the flags flip and the overview lays itself out (first
    # frame after the crossing included); measured both ways, one crossing per run.
    def cross(zoom):
        view.set_zoom(zoom)
        view.viewport().repaint()

    times_out, times_in = [], []
    for _ in range(max(3, repeat // 2)):
        view.set_zoom(DETAIL_ZOOM * 1.2)
        QApplication.processEvents()
        start = clock()
        cross(DETAIL_ZOOM / 1.2)
        times_out.append(clock() - start)
        start = clock()
        cross(DETAIL_ZOOM * 1.2)
        times_in.append(clock() - start)
    row["lod_out"] = statistics.median(times_out) * 1e3
    row["lod_in"] = statistics.median(times_in) * 1e3

    row.update(edit_times(journey, view, size, repeat))
    row["open"] = open_time(size, repeat)
    scene.detach()
    view.close()
    bare.close()
    return row


EDITS = (
    ("rename", "edit: rename", lambda j, t, i, stages: j.rename(t, f"Renamed {i}")),
    ("move", "edit: move a card",
     lambda j, t, i, stages: j.move_touchpoint(t, 10.0 + i % 7, 30.0)),
    # To the next stage and back, to a place in the middle of its band.
    ("restage", "edit: to another stage",
     lambda j, t, i, stages: j.move_touchpoint(t, 240.0 * (50 + i % 3), 30.0,
                                               stage=stages[i % 2])),
)


def edit_times(journey, view: JourneyView, size: int, repeat: int) -> dict[str, float]:
    """A rename (moves nothing), a move in the card's band and a move to another stage
    (the layout changes), with the scene following the model, against the same edits
    on a model nobody follows.  "frame": the edit and the repaint it causes, with the
    view at zoom 1.0 on the card (what the user waits for)."""
    alone = make_map(size)
    tp = journey.ids(S.TOUCHPOINT)[size // 2]
    tp_alone = alone.ids(S.TOUCHPOINT)[size // 2]
    stages = [journey.stage_of(tp)]
    stages.append(next(s for s in journey.stages() if s != stages[0]))
    stages_alone = [alone.stage_of(tp_alone)]
    stages_alone.append(next(s for s in alone.stages() if s != stages_alone[0]))
    at_zoom(view, 1.0)
    view.centerOn(view.journey_scene.item_for(tp))
    QApplication.processEvents()
    out = {}
    for name, _, edit in EDITS:
        counter = iter(range(10**6))

        def edit_only(edit=edit, counter=counter):
            edit(journey, tp, next(counter), stages)

        def with_frame(edit=edit, counter=counter):
            edit(journey, tp, next(counter), stages)
            QApplication.processEvents()  # the scene's dirty items, then the repaint

        def bare(edit=edit, counter=counter):
            edit(alone, tp_alone, next(counter), stages_alone)

        out[name] = median_ms(edit_only, repeat)
        QApplication.processEvents()
        out[name + "_frame"] = median_ms(with_frame, repeat)
        out[name + "_bare"] = median_ms(bare, repeat)
    return out


def open_time(size: int, repeat: int) -> float:
    """Building the scene of a map already loaded (the canvas's part of opening)."""
    journey = make_map(size)
    times = []
    for _ in range(max(3, repeat // 5)):
        start = clock()
        scene = JourneyScene(journey)
        times.append(clock() - start)
        scene.detach()
        del scene  # its 35,000 items go before the next build is timed
        QApplication.processEvents()
    return min(times) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--wall", action="store_true", help="wall-clock, not CPU, time")
    args = parser.parse_args()
    global clock, rounds
    clock = time.perf_counter if args.wall else time.process_time
    rounds = args.rounds
    make_app([])
    rows = [(size, measure(size, args.repeat)) for size in (500, 5000)]
    print(f"Qt {qVersion()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
          f"platform {QApplication.platformName()}, view {VIEW_W}x{VIEW_H}, "
          f"median of {args.repeat}, best of {rounds} rounds, "
          f"{'wall-clock' if args.wall else 'CPU'} time")
    print(f"{'touchpoints':>11} {'frame':<26} {'ours ms':>8} {'bare ms':>8} {'ratio':>6}")
    for size, r in rows:
        for key, label in (("fit", f"fit all (zoom {r['fit_zoom']:.3f})"),
                           ("pan", "pan 100 px at zoom 1.0"),
                           ("full1", "full repaint at zoom 1.0"),
                           ("above", f"full repaint at zoom {DETAIL_ZOOM * 1.01:.2f}"),
                           *((k, label) for k, label, _ in EDITS)):
            ours, bare = r[key], r[key + "_bare"]
            print(f"{size:>11,} {label:<26} {ours:>8.2f} {bare:>8.2f} {ours / bare:>6.1f}")
        for key, label, _ in EDITS:  # the edit and the repaint it causes
            label = label.replace("edit:", "frame:")
            print(f"{size:>11,} {label:<26.26} {r[key + '_frame']:>8.2f}")
        print(f"{size:>11,} {'open: build the scene':<26} {r['open']:>8.1f}  (best of runs)")
        print(f"{size:>11,} {'detail off / on':<26} {r['lod_out']:>8.1f} {r['lod_in']:>8.1f}"
              f"  (zoom crossing {DETAIL_ZOOM}, first frame included)")


if __name__ == "__main__":
    main()
