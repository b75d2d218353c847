"""Feedback and review edits in the real editor window, the Feedback panel in view.

    QT_QPA_PLATFORM=offscreen python bench/bench_feedback.py [--repeat N] [--sizes 50,500,5000]

Maps of ``bench_editing.make_map`` (issue 10's proportions) with 2 feedback items per
touchpoint (10,000 at 5,000 touchpoints; one in five unmatched, NPS and CSAT answers),
opened in ``MainWindow`` with the Feedback panel's tab raised (the worst case: a hidden
panel only marks itself stale).  Each edit goes through the window's own code, as its
menu or button would, and is timed as ``bench_editing`` times edits: wall clock from
the call until the event loop is idle (``settle``), median of N, undone untimed after
each repetition.  The ratio is to the same edit at 50 touchpoints.

- assign: one unmatched item to a touchpoint (the panel's Assign menu);
- note: a pain point made from two items (the panel's Make Note);
- import: one survey answer imported (``ImportFeedbackCommand``, what File > Import
  Feedback pushes, after its reading, which is not timed);
- delete: one item deleted (the panel's Delete);
- snapshot: Review > Take Snapshot (a record of the whole map: its cost grows with the
  map by nature, so it has no frame target).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import qInstallMessageHandler, qVersion  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from bench_editing import TARGET_MS, TARGET_RATIO, Timer, make_map, settle  # noqa: E402


def add_feedback(journey) -> None:
    order = journey.journey_order()
    journey.add_feedback([
        {"touchpoint": None if i % 5 == 0 else order[i // 2], "nps": i % 11,
         "csat": 1 + i % 5, "date": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
         "source": "survey" if i % 3 else "email",
         "description": f"Customer comment {i} about touchpoint {i // 2}"}
        for i in range(2 * len(order))])


def run(size: int, repeat: int, folder: Path) -> dict[str, tuple[float, float]]:
    from cxdesigner.commands.feedback import ImportFeedbackCommand
    from cxdesigner.ui import settings
    from cxdesigner.ui.document.document import Document
    from cxdesigner.ui.main_window import MainWindow

    settings.use_file(folder / f"settings-{size}.ini")
    journey = make_map(size)
    add_feedback(journey)
    document = Document(journey)
    window = MainWindow(document)
    window.ask_unsaved = lambda: "discard"
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    window.docks["feedback"].raise_()
    settle()
    panel, stack = window.feedback, document.undo_stack
    unmatched = [i for i in journey.feedback_items() if journey.touchpoint_of_item(i) is None]
    target = journey.journey_order()[len(journey.journey_order()) // 2]
    timer = Timer()

    def select(items):
        panel.lazy.flush()
        panel.select(items)

    edits = {
        "assign one item to a touchpoint": lambda: panel.assign(target, [unmatched[0]]),
        "a pain point from two items": lambda: (select(unmatched[1:3]),
                                                panel.make_note("pain_point", "Late")),
        "import one survey answer": lambda: document.push(ImportFeedbackCommand(
            journey, [{"touchpoint": target, "nps": 9, "source": "survey"}])),
        "delete one item": lambda: (select([unmatched[3]]), panel.delete_selected()),
        "take a snapshot (the whole map)": lambda: window.review.take_snapshot("Review"),
    }
    for name, edit in edits.items():
        for n in range(repeat + 1):  # the first is a warm-up
            timer.recording = n > 0
            before = stack.index()
            timer(name, edit)
            if stack.index() != before + 1:
                sys.exit(f"bench_feedback: {name!r} did not make one undo step")
            stack.undo()
            settle()
    window.close()
    settle()
    return timer.medians()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sizes", default="50,500,5000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if 50 not in sizes:
        sizes.insert(0, 50)
    from cxdesigner.app import make_app

    qInstallMessageHandler(lambda mode, context, message: None if "propagateSizeHints"
                           in message else sys.stderr.write(message + "\n"))
    folder = tempfile.TemporaryDirectory()
    app = make_app([])
    results = {}
    for size in sizes:
        print(f"... {size:,} touchpoints, {2 * size:,} feedback items", file=sys.stderr,
              flush=True)
        results[size] = run(size, args.repeat, Path(folder.name))
    print(f"Qt {qVersion()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
          f"platform {app.platformName()}, median of {args.repeat}; UI-thread ms = wall clock "
          "from the edit to an idle event loop; ratio = wall ms / same at 50")
    head = " | ".join(f"{f'{s:,}':>7} {'CPU':>6} {'ratio':>5}" for s in sizes)
    print(f"{'edit (Feedback panel in view)':<34} | {head}")
    for name in results[sizes[0]]:
        cells = []
        for size in sizes:
            wall, cpu = results[size][name]
            cells.append(f"{wall:>7.1f} {cpu:>6.1f} {wall / results[50][name][0]:>5.1f}")
        print(f"{name:<34} | " + " | ".join(cells))
    print(f"targets: {TARGET_MS:.0f} ms and {TARGET_RATIO:.0f}x at the largest size, but for "
          "the snapshot, which records the whole map")


if __name__ == "__main__":
    main()
