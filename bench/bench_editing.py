"""Every kind of edit in the real editor window, driven by real key and mouse events.

    QT_QPA_PLATFORM=offscreen python bench/bench_editing.py [--repeat N] [--big-repeat N]
                                        [--sizes 50,500,5000] [--huge] [--lanes]

For maps of 50, 500 and 5,000 touchpoints (and 50,000 with ``--huge``), built with the
proportions of issue 10 (``make_map`` below: 2 notes and 2 actions per touchpoint, a
third of the actions nested, 3 personas with an emotion on every touchpoint, notes
scored so they rank), it opens the real ``MainWindow`` on a ``Document``, offscreen,
shown and active, with every panel docked as the app docks them on a first start (its
settings are kept in a temporary file, so nothing of the user's is read or written).
Then it sends the events a user would, with ``QTest``:

- workshop keys with naming: ``S``/``T``/``P``/``O`` on the canvas (a touchpoint
  selected), a name typed letter by letter, ``Enter``; each key is measured alone;
- ``Delete`` on the selected touchpoint, then ``Ctrl+Z`` and the platform's first Redo
  shortcut (``Ctrl+Y`` here; ``Ctrl+Shift+Z`` works too, see ``menus.py``);
- the inspector: a touchpoint's title typed and committed with ``Enter``, and its
  channel changed with the ``Down`` key in the combo box;
- a card dragged into the previous stage: press, moves, release on the canvas's
  viewport (``gestures.py``: the model changes at the release);
- a dot dragged to another cell of the priority matrix (its dock tab raised first);
- a note moved between SWOT quadrants: the drop events (enter, move, drop) carrying
  the note list's own mime data, sent to the target list's viewport.  A real
  ``QDrag.exec()`` runs the platform's own drag loop, which offscreen and QTest cannot
  drive, so the drag's start is skipped; the drop is what pushes the command;
- a vote in workshop mode: a click on a note chip (a dot, on the round's own stack),
  then a click on the banner's Close button (one ``RecordVotesCommand``).  Workshop
  mode is entered and each round of one participant opened by calls (a dialog asks
  for the participants otherwise); neither is timed.

With ``--lanes`` (issue 13) every map also has the five service-blueprint lanes, every
cell of them filled, and the run adds the lane edits: a cell opened with ``F2``, a
name typed, ``Tab`` keeping it and opening the next cell, ``Esc``; and a fail point
flagged with ``Ctrl+Shift+F``.

"UI-thread ms" is the wall-clock time from sending the event until the event loop is
idle again (``settle``): turns of posted events, ``processEvents()`` and a zero-ms timer
flushed through a nested ``QEventLoop`` (so 0-ms timers and deferred deletes queued by
the edit run too), until a turn delivers no more events than an idle turn does (an
event filter on the application counts them, during the settling only).  The repaint
is included: widgets post their update requests.  On an idle loop ``settle`` itself
costs about 0.03 ms.  Timers with a longer interval are not waited for: the Analysis
panel's 300 ms debounce (a hidden tab, it only marks itself stale) and the autosaver
(no session here).  CPU ms is ``time.process_time`` over the same span.  Each figure
is the median of N repetitions (after one untimed warm-up; ``--big-repeat`` sets N at
5,000 touchpoints and more); an edit is undone (untimed, by the undo stack) after each
repetition, so the map keeps its size.  The ratio is to the same edit at 50.

The floor printed with each size: the same kind of change on a bare ``networkx``
DiGraph copy of the map (one node and one edge), plus one ``QGraphicsRectItem`` added
to a plain ``QGraphicsScene`` holding a rectangle per card, shown in a plain
``QGraphicsView`` of the canvas's size, settled the same way.

Targets (issue 10): every edit at most 16 ms median at 5,000 touchpoints, and at most
2x the same edit at 50.  The script checks that each edit really happened (the map
changed as expected) and stops with a message if an event did not reach its target.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import networkx as nx  # noqa: E402
from PySide6.QtCore import (QCoreApplication, QEventLoop, QObject, QPointF, QRectF, Qt,  # noqa: E402
                            QTimer, qInstallMessageHandler, qVersion)
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (QApplication, QGraphicsRectItem, QGraphicsScene,  # noqa: E402
                               QGraphicsView)

from cxdesigner.model import JourneyMap  # noqa: E402
from cxdesigner.model import schema as S  # noqa: E402
from cxdesigner.model.scoring import RANKED_KINDS  # noqa: E402

TARGET_MS, TARGET_RATIO = 16.0, 2.0
NAME = "Name"  # typed after each workshop key: four key presses


# ------------------------------------------------------------------ the maps
def make_map(touchpoints: int, lanes: bool = False) -> JourneyMap:
    """Issue 10's proportions: at N touchpoints, 2N notes (all six kinds, scored so
    they rank), 2N actions (one per note, every third nested under the one before),
    3 personas with an emotion on every touchpoint, a flow to the next touchpoint.
    Stages of at most 100 touchpoints, laid out in rows of 10 (unlike bench_fileformat's
    single row, where five cards lie on top of each other)."""
    j = JourneyMap()
    j.set_document(title=f"Editing {touchpoints}")
    personas = [j.add_persona(name, kind).id for name, kind in
                (("Regular", "existing"), ("Newcomer", "new"), ("Lapsed", "existing"))]
    stages = max(5, touchpoints // 100)
    per_stage = -(-touchpoints // stages)
    stage_ids = [j.add_stage(f"Stage {i + 1}").id for i in range(stages)]
    lane_ids = [j.add_lane(kind).id for kind in S.BLUEPRINT_LANES] if lanes else []
    kinds, previous, parent, top = S.NOTE_KINDS, None, None, 0
    for i in range(touchpoints):
        k = i % per_stage
        emotions = {S.GENERAL: i % 5 - 2}
        emotions.update({p: (i * (n + 2)) % 5 - 2 for n, p in enumerate(personas)})
        tp = j.add_touchpoint(stage_ids[i // per_stage], f"Touchpoint {i}", flow_from=previous,
                              channel=S.CHANNELS[i % len(S.CHANNELS)], x=(k % 10) * 240.0,
                              y=(k // 10) * 160.0, emotions=emotions,
                              cells={lane: f"Step {n} of {i}" for n, lane in
                                     enumerate(lane_ids)}).id
        for n in range(2):
            note = j.add_note(kinds[(2 * i + n) % len(kinds)], f"Note {n} on {i}", on=tp,
                              impact=1 + (i + n) % 5, effort=1 + (i * 3 + n) % 5).id
            nested = (2 * i + n) % 3 == 2 and parent is not None
            # The order given, as a file would: left out, the model looks for the last
            # sibling among every top-level action, which made 50,000 take too long.
            action = j.add_action(f"Action for note {n} on {i}", parent if nested else None,
                                  addresses=[note], order=0 if nested else top).id
            top += 0 if nested else 1
            parent = None if nested else action
        previous = tp
    return j


# ------------------------------------------------------------------ measuring
class _EventCount(QObject):
    """Counts the events delivered to any object while it is installed on the app."""

    count = 0

    def eventFilter(self, watched, event) -> bool:  # Qt's name
        self.count += 1
        return False


_counter: _EventCount | None = None
_idle_count = 0  # events an idle round delivers (the flush's own timer and deletion)


def _round(app) -> int:
    """One turn: posted events, window-system events and timers due, then a zero-ms
    timer through a nested loop, which runs the 0-ms timers queued before it and
    deferred deletes.  Returns how many events were delivered."""
    _counter.count = 0
    QCoreApplication.sendPostedEvents()
    app.processEvents(QEventLoop.AllEvents)
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()
    return _counter.count


def settle() -> None:
    """Run the event loop until it is idle: until a turn (``_round``) delivers no more
    events than an idle turn does, at least two turns.  (Qt's glib dispatcher reports
    work on every turn, so its answer cannot tell.)  The counting filter is installed
    only here, never while the event itself is sent; it costs about 1 us an event."""
    global _counter, _idle_count
    app = QApplication.instance()
    if _counter is None:
        _counter = _EventCount()
        app.installEventFilter(_counter)
        _idle_count = min(_round(app) for _ in range(20))
        app.removeEventFilter(_counter)
    app.installEventFilter(_counter)
    try:
        for turn in range(500):
            if _round(app) <= _idle_count and turn >= 1:
                return
    finally:
        app.removeEventFilter(_counter)


class Timer:
    """Collects (wall ms, CPU ms) per kind of edit; ``recording`` off for warm-ups."""

    def __init__(self) -> None:
        self.times: dict[str, list[tuple[float, float]]] = {}
        self.recording = False

    def __call__(self, name: str, send) -> None:
        settle()  # start from an idle loop; not counted
        wall, cpu = time.perf_counter(), time.process_time()
        send()
        settle()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if self.recording:
            self.times.setdefault(name, []).append((wall * 1e3, cpu * 1e3))

    def medians(self) -> dict[str, tuple[float, float]]:
        return {name: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
                for name, v in self.times.items()}


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"bench_editing: {what}: the event did not make the edit")


# ------------------------------------------------------------------ one map
class EditingBench:
    def __init__(self, size: int, folder: Path, lanes: bool = False) -> None:
        from cxdesigner.ui import settings
        from cxdesigner.ui.document.document import Document
        from cxdesigner.ui.main_window import MainWindow

        # A first start's layout for each window: the last one's, saved at its close,
        # would be restored otherwise.  The user's own settings are never touched.
        settings.use_file(folder / f"settings-{size}.ini")

        self.size = size
        self.journey = journey = make_map(size, lanes)
        self.lanes = [n for n in journey.lanes() if journey.lane(n)["lane_kind"] != "emotion"]
        self.document = Document(journey)
        self.stack = self.document.undo_stack
        self.window = window = MainWindow(self.document)
        window.ask_unsaved = lambda: "discard"  # closing between sizes must not ask
        window.show()
        window.activateWindow()  # shortcuts (Ctrl+Z) need the active window
        QTest.qWaitForWindowActive(window, 2000)
        settle()
        self.view, self.scene = window.view, window.scene
        self.time = Timer()
        stages = journey.stages()
        self.stage = stages[len(stages) // 2]
        self.previous_stage = stages[len(stages) // 2 - 1]
        # The first card of a middle stage: dragged into the stage before it.
        self.tp = journey.touchpoints_in(self.stage)[0]
        # A readable zoom, the two stages in view: where a user edits.
        self.view.set_zoom(0.5)
        self._centre_on_drag()

    def close(self) -> None:
        self.window.close()
        settle()

    def _centre_on_drag(self) -> None:
        layout = self.scene.layout
        card, band = layout.cards[self.tp], layout.bands[self.previous_stage]
        self.view.centerOn((card.x + band.right) / 2, card.y + card.h / 2)
        self.drop_x = band.right - 150.0  # inside the band's last column of cards
        settle()

    def select(self, ids: list[str]) -> None:
        """Select on the canvas (untimed), as a click there would, and focus it."""
        self.window.show_elements(ids)
        self.view.setFocus()
        settle()

    def undo(self) -> None:
        self.stack.undo()
        settle()

    # -------------------------------------------------------------- the edits
    def workshop_key(self, key, letter: str) -> None:
        self.select([self.tp])
        count, index = len(self.journey), self.stack.index()
        self.time(f"workshop key {letter} (new element)", lambda: QTest.keyClick(self.view, key))
        check(len(self.journey) == count + 1 and self.view.editor.is_editing, f"key {letter}")
        for ch in NAME:
            self.time("a letter typed into the new title",
                      lambda ch=ch: QTest.keyClick(self.view, ch))
        self.time(f"workshop key {letter}: Enter names it",
                  lambda: QTest.keyClick(self.view, Qt.Key_Return))
        check(self.stack.index() == index + 1 and not self.view.editor.is_editing,
              f"naming after {letter}")
        self.undo()
        check(len(self.journey) == count, f"undo of {letter}")

    def delete_undo_redo(self, redo_key: QKeySequence) -> None:
        self.select([self.tp])
        count = len(self.journey)
        self.time("Delete (the selected touchpoint)",
                  lambda: QTest.keyClick(self.view, Qt.Key_Delete))
        check(self.tp not in self.journey, "Delete")
        self.time("undo (Ctrl+Z)", lambda: QTest.keyClick(self.view, Qt.Key_Z, Qt.ControlModifier))
        check(len(self.journey) == count, "Ctrl+Z")
        combo = redo_key[0]
        self.time(f"redo ({redo_key.toString()})",
                  lambda: QTest.keyClick(self.view, combo.key(), combo.keyboardModifiers()))
        check(self.tp not in self.journey, redo_key.toString())
        self.undo()
        check(len(self.journey) == count, "undo after redo")

    def inspector(self, rep: int) -> None:
        inspector = self.window.inspector
        self.select([self.tp])
        edit = inspector.touchpoint_title
        QTest.mouseClick(edit, Qt.LeftButton)
        QTest.keyClick(edit, Qt.Key_A, Qt.ControlModifier)
        for ch in f"Edited {rep}":
            self.time("inspector: a letter typed into the title",
                      lambda ch=ch: QTest.keyClick(edit, ch))
        self.time("inspector: title, Enter commits",
                  lambda: QTest.keyClick(edit, Qt.Key_Return))
        check(self.journey.title(self.tp) == f"Edited {rep}", "inspector title")
        self.undo()
        form = inspector.forms[S.TOUCHPOINT]
        combo = next(b.widget for b in form.bindings if b.label == inspector_label("Channel"))
        before = self.journey.get(self.tp)["channel"]
        key = Qt.Key_Down if combo.currentIndex() < combo.count() - 1 else Qt.Key_Up
        self.time("inspector: channel, Down key in the list",
                  lambda: QTest.keyClick(combo, key))
        check(self.journey.get(self.tp)["channel"] != before, "inspector channel")
        self.undo()

    def drag_card(self) -> None:
        self.scene.clearSelection()
        self._centre_on_drag()
        layout, view = self.scene.layout, self.view
        card = layout.cards[self.tp]
        start = view.mapFromScene(card.x + card.w / 2, card.y + card.h / 2)
        end = view.mapFromScene(self.drop_x, card.y + card.h / 2)
        viewport = view.viewport()
        check(viewport.rect().contains(start) and viewport.rect().contains(end),
              f"drag: card and target not both in view ({start}, {end} in {viewport.rect()}, "
              f"zoom {view.zoom():.2f})")
        self.time("canvas drag: press on a card",
                  lambda: QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, start))
        steps = 8
        for i in range(1, steps + 1):
            point = start + (end - start) * i / steps
            self.time("canvas drag: a mouse move (one frame of the drag)",
                      lambda p=point: QTest.mouseMove(viewport, p))
        self.time("canvas drag: release in another stage (the move)",
                  lambda: QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, end))
        check(self.journey.stage_of(self.tp) == self.previous_stage, "card drag")
        self.undo()

    def matrix_drag(self) -> None:
        from cxdesigner.ui.panels.matrix_chart import cell_center
        from cxdesigner.ui.panels.matrix_items import NoteItem

        matrix = self.window.matrix
        scene = matrix.matrix_scene
        # The topmost dot of a crowded cell: the one a click there takes.
        note = next(n for n in scene.dot_ids()
                    if matrix.itemAt(matrix.mapFromScene(scene.item_for(n).sceneBoundingRect()
                                                         .center())) is scene.item_for(n))
        dot = scene.item_for(note)
        check(isinstance(dot, NoteItem), "matrix dot")
        attrs = self.journey.get(note)
        impact = S.SCORE_MIN if attrs["impact"] != S.SCORE_MIN else S.SCORE_MAX
        start = matrix.mapFromScene(dot.sceneBoundingRect().center())
        end = matrix.mapFromScene(cell_center(impact, attrs["effort"], scene.rtl))
        viewport = matrix.viewport()
        QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, start)
        for i in range(1, 4):
            point = start + (end - start) * i / 3
            self.time("priority matrix: a mouse move (one frame of the drag)",
                      lambda p=point: QTest.mouseMove(viewport, p))
        self.time("priority matrix: release in another cell (re-score)",
                  lambda: QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, end))
        check(self.journey.get(note)["impact"] == impact, "matrix drag")
        self.undo()

    def swot_drop(self) -> None:
        from cxdesigner.ui.panels.swot_cards import ID_ROLE

        board = self.window.swot
        source, target = board.quadrants["weakness"].list, board.quadrants["threat"].list
        item = source.item(0)
        note = item.data(ID_ROLE)
        mime = source.mimeData([item])
        viewport = target.viewport()
        pos = viewport.rect().center()
        QApplication.sendEvent(viewport, QDragEnterEvent(pos, Qt.MoveAction, mime,
                                                         Qt.LeftButton, Qt.NoModifier))
        QApplication.sendEvent(viewport, QDragMoveEvent(pos, Qt.MoveAction, mime,
                                                        Qt.LeftButton, Qt.NoModifier))
        self.time("SWOT: a note dropped on another quadrant",
                  lambda: QApplication.sendEvent(viewport, QDropEvent(
                      QPointF(pos), Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)))
        check(self.journey.get(note)["note_kind"] == "threat", "SWOT drop")
        self.undo()

    def vote(self) -> None:
        workshop, view = self.window.workshop, self.view
        round_ = workshop.start_round(["Bench"], 1)
        note = next(n for n in self.journey.notes_on(self.tp)
                    if self.journey.get(n)["note_kind"] in RANKED_KINDS)
        chip = self.scene.item_for(note)
        view.centerOn(chip)
        settle()
        point = view.mapFromScene(chip.sceneBoundingRect().center())
        check(workshop.chip_at(point) is chip, "vote: chip not under the mouse")
        votes = self.journey.get(note)["votes"]
        self.time("vote: click a note chip (a dot)",
                  lambda: QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, point))
        check(round_.votes().get(note) == 1, "vote click")
        button = workshop.banner.close_button
        self.time("vote: click Close round (records the votes)",
                  lambda: QTest.mouseClick(button, Qt.LeftButton))
        check(self.journey.get(note)["votes"] == votes + 1, "vote record")
        self.undo()

    # ----------------------------------------------------------- repetitions
    def cell_edit(self, rep: int) -> None:
        cells, lane = self.view.cells, self.lanes[2]
        cells.select((self.tp, lane))  # untimed, as a click on the cell would
        self.view.setFocus()
        settle()
        index = self.stack.index()
        self.time("lane cell: F2 opens it", lambda: QTest.keyClick(self.view, Qt.Key_F2))
        QTest.keyClick(self.view, Qt.Key_A, Qt.ControlModifier)
        for ch in NAME:
            self.time("lane cell: a letter typed", lambda ch=ch: QTest.keyClick(self.view, ch))
        self.time("lane cell: Tab keeps it and opens the next",
                  lambda: QTest.keyClick(self.view, Qt.Key_Tab))
        check(self.journey.cell(self.tp, lane) == NAME and cells.is_editing, "cell Tab")
        self.time("lane cell: Esc", lambda: QTest.keyClick(self.view, Qt.Key_Escape))
        cells.select((self.tp, lane))
        settle()
        self.time("lane cell: fail point (Ctrl+Shift+F)", lambda: QTest.keyClick(
            self.view, Qt.Key_F, Qt.ControlModifier | Qt.ShiftModifier))
        check(self.journey.mark(self.tp, lane) == "fail" and self.stack.index() == index + 2,
              "fail point")
        self.undo()
        self.undo()
        cells.select(None)
        settle()

    def run(self, repeat: int) -> dict[str, tuple[float, float]]:
        redo = QKeySequence.keyBindings(QKeySequence.Redo)[0]
        keys = ((Qt.Key_S, "S"), (Qt.Key_T, "T"), (Qt.Key_P, "P"), (Qt.Key_O, "O"))
        docks = self.window.docks
        for rep in range(repeat + 1):
            self.time.recording = rep > 0  # the first round warms caches up
            for key, letter in keys:
                self.workshop_key(key, letter)
            self.delete_undo_redo(redo)
            self.inspector(rep)
            self.drag_card()
            if self.lanes:
                self.cell_edit(rep)
        for dock, edit in (("matrix", self.matrix_drag), ("swot", self.swot_drop)):
            docks[dock].raise_()  # a tab must be shown to take the mouse (untimed)
            settle()
            catch_up(docks[dock].widget())
            for rep in range(repeat + 1):
                self.time.recording = rep > 0
                edit()
        docks["plan"].raise_()
        self.window.workshop.enter()
        settle()
        for rep in range(repeat + 1):
            self.time.recording = rep > 0
            self.vote()
        self.window.workshop.exit()
        settle()
        return self.time.medians()


def catch_up(panel) -> None:
    """A panel that defers its updates while hidden catches up when its tab is raised;
    should that not have happened by now (panels are being made lazy while this is
    written), bring it up to date before measuring, untimed: raising a tab is not an
    edit."""
    lazy = getattr(panel, "lazy", None) or getattr(getattr(panel, "matrix_scene", None),
                                                   "lazy", None)
    if lazy is not None and getattr(lazy, "stale", False):
        lazy.flush()
        settle()


def inspector_label(text: str) -> str:
    from cxdesigner.ui.panels import inspector

    return inspector.tr(text)


def floor_ms(journey: JourneyMap, view_size, repeat: int) -> tuple[float, float]:
    """One node and one edge added to a bare DiGraph copy of the map, and one rectangle
    added to a plain scene of one rectangle per card, shown; settled like an edit."""
    from cxdesigner.model import layout as L

    graph = nx.DiGraph(journey.graph)
    stage = journey.stages()[0]
    scene = QGraphicsScene()
    layout = L.compute(journey)
    for r in layout.cards.values():
        scene.addItem(QGraphicsRectItem(r.x, r.y, r.w, r.h))
    view = QGraphicsView(scene)
    view.resize(view_size)
    view.show()
    settle()
    timer = Timer()
    added = []

    def edit():
        graph.add_node("floor", kind=S.TOUCHPOINT, title="Floor")
        graph.add_edge("floor", stage, kind=S.IN_STAGE)
        added.append(scene.addRect(QRectF(0, 0, 200, 120)))

    for rep in range(repeat + 1):
        timer.recording = rep > 0
        timer("floor", edit)
        graph.remove_node("floor")
        scene.removeItem(added.pop())
    view.close()
    return timer.medians()["floor"]


# ------------------------------------------------------------------ the table
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--sizes", default="50,500,5000",
                        help="touchpoint counts, comma-separated (50 is the reference)")
    parser.add_argument("--big-repeat", type=int, default=None,
                        help="repetitions at 5,000 touchpoints and more (default: --repeat); "
                             "while each edit there takes seconds, 15 take an hour")
    parser.add_argument("--huge", action="store_true", help="also 50,000 touchpoints")
    parser.add_argument("--lanes", action="store_true",
                        help="five blueprint lanes, every cell filled, and the lane edits")
    args = parser.parse_args()
    big_repeat = args.repeat if args.big_repeat is None else args.big_repeat
    sizes = [int(s) for s in args.sizes.split(",")] + ([50_000] if args.huge else [])
    if 50 not in sizes:
        sizes.insert(0, 50)  # the reference of every ratio

    from cxdesigner.app import make_app

    # The offscreen platform warns at every dock layout; the warning says nothing here.
    qInstallMessageHandler(lambda mode, context, message: None if "propagateSizeHints"
                           in message else sys.stderr.write(message + "\n"))
    folder = tempfile.TemporaryDirectory()
    app = make_app([])
    results: dict[int, dict[str, tuple[float, float]]] = {}
    floors: dict[int, tuple[float, float]] = {}
    for size in sizes:
        print(f"... {size:,} touchpoints", file=sys.stderr, flush=True)
        bench = EditingBench(size, Path(folder.name), args.lanes)
        repeat = big_repeat if size >= 5000 else args.repeat
        results[size] = bench.run(repeat)
        floors[size] = floor_ms(bench.journey, bench.view.viewport().size(), repeat)
        bench.close()
        del bench
        settle()

    print(f"Qt {qVersion()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
          f"platform {app.platformName()}, median of {args.repeat} ({big_repeat} at 5,000 and "
          "more); UI-thread ms = wall clock from the event to an idle event loop; "
          "ratio = wall ms / same at 50")
    names = list(results[sizes[0]])
    head = " | ".join(f"{f'{s:,}':>7} {'CPU':>6} {'ratio':>5}" for s in sizes)
    print(f"{'edit':<54} | {head}")
    worst_ms = worst_ratio = 0.0
    big = max(s for s in sizes if s <= 5000)
    for name in names + ["floor"]:
        cells = []
        for size in sizes:
            wall, cpu = floors[size] if name == "floor" else results[size][name]
            ref = (floors[50] if name == "floor" else results[50][name])[0]
            cells.append(f"{wall:>7.1f} {cpu:>6.1f} {wall / ref:>5.1f}")
            if name != "floor" and size == big:
                worst_ms, worst_ratio = max(worst_ms, wall), max(worst_ratio, wall / ref)
        label = "floor: nx node+edge, one rect in a bare scene" if name == "floor" else name
        print(f"{label:<54} | " + " | ".join(cells))
    print(f"at {big:,} touchpoints: slowest edit {worst_ms:.1f} ms (target <= {TARGET_MS:.0f}), "
          f"worst ratio {worst_ratio:.1f}x (target <= {TARGET_RATIO:.0f}x)")
    folder.cleanup()


if __name__ == "__main__":
    main()
