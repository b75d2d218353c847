"""Only what is seen works (issue 10, item 3): panels follow edits once per loop turn,
only while seen, and the outline is patched row by row to what a full build shows."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cxdesigner.commands import (AddNoteCommand, AddStageCommand, AddTouchpointCommand,
                                 EditDocumentCommand, EditFieldsCommand, MoveStageCommand,
                                 MoveTouchpointsCommand, RemoveElementsCommand, RenameCommand,
                                 SetEmotionCommand)
from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S
from cxdesigner.model.changes import SetDocument
from cxdesigner.ui import main_window as mw
from cxdesigner.ui import settings
from cxdesigner.ui.document.document import Document
from cxdesigner.ui.panels.lazy_panel import is_seen
from cxdesigner.ui.main_window import MainWindow
from cxdesigner.ui.panels.matrix import MatrixScene, PriorityMatrixView
from cxdesigner.ui.panels.matrix_chart import note_tooltip
from cxdesigner.ui.panels.outline import ID_ROLE, Outline
from cxdesigner.ui.panels.swot import SwotBoard
from cxdesigner.ui.panels.swot_cards import ID_ROLE as CARD_ID
from cxdesigner.ui.panels.swot_cards import KIND_ROLE, WHERE_ROLE


@pytest.fixture(autouse=True)
def temp_settings(tmp_path):
    settings.use_file(tmp_path / "settings.ini")
    yield
    settings.use_file(None)


def sample_journey() -> JourneyMap:
    j = JourneyMap()
    j.add_stage("Awareness", id="s1")
    j.add_stage("Purchase", id="s2")
    j.add_touchpoint("s1", "Flyer", id="t1", emotions={"*": 1})
    j.add_touchpoint("s2", "Till", id="t2")
    j.add_note("pain_point", "Small print", on="t1", id="n1")
    j.add_note("weakness", "Queue", on="s2", id="n2", impact=4, effort=2)
    j.add_note("insight", "Mornings are busy", id="n3")
    return j


@pytest.fixture
def window(qapp, qtbot, monkeypatch):
    w = MainWindow(Document(sample_journey()))
    w.show()
    qtbot.waitExposed(w)
    settle()
    yield w
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "discard")
    for other in mw.windows():
        other.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def settle() -> None:
    """Let the event loop turn (zero-ms timers fire)."""
    for _ in range(3):
        QApplication.processEvents()


def count_updates(lazy) -> list[int]:
    """Replace a lazy panel's update with a counting wrapper; the list's length counts."""
    calls: list[int] = []
    update = lazy._update

    def counted() -> None:
        calls.append(1)
        update()
    lazy._update = counted
    return calls


def push(window, command) -> None:
    assert window.document.push(command)


# ------------------------------------------------------------ hidden docks
def test_a_dock_tabbed_behind_another_stays_visible_to_qt_but_is_not_seen(window):
    # The claim, checked: isVisible() stays true behind a tab.
    swot = window.swot
    assert window.docks["plan"].isVisible() and swot.isVisible()
    assert not is_seen(swot) and is_seen(window.plan.plan_view)


@pytest.mark.parametrize("name", ["swot", "matrix", "analysis"])
def test_a_panel_tabbed_behind_another_does_not_update_and_catches_up_once(window, name):
    panel = getattr(window, name)
    lazy = panel.matrix_scene.lazy if name == "matrix" else panel.lazy
    calls = count_updates(lazy)
    journey = window.journey if hasattr(window, "journey") else window.document.journey
    push(window, EditFieldsCommand(journey, "n2", note_kind="threat", impact=2, effort=5))
    push(window, RenameCommand(journey, "n2", "Long queue"))
    QTest.qWait(400)  # past the analysis' pause too
    assert calls == [] and lazy.stale
    window.docks[name].raise_()
    QTest.qWait(50)
    settle()
    assert calls == [1] and not lazy.stale
    if name == "swot":  # the caught-up board shows what a new board shows
        fresh = SwotBoard(window.document, lambda ids: None)
        fresh.refresh()
        for kind, quadrant in panel.quadrants.items():
            assert quadrant.list.ids() == fresh.quadrants[kind].list.ids()
        assert panel.quadrants["threat"].list.ids() == ["n2"]
        fresh.detach()
    if name == "matrix":
        assert panel.matrix_scene.dot_ids() == ["n2"]


def test_the_outline_behind_personas_waits_and_catches_up_once(window):
    outline, journey = window.outline, window.document.journey
    window.docks["personas"].raise_()
    settle()
    assert not is_seen(outline)
    calls = count_updates(outline.lazy)
    push(window, AddTouchpointCommand(journey, "s2", "Receipt", x=240.0))
    push(window, RenameCommand(journey, "t1", "Poster"))
    settle()
    assert calls == []
    window.docks["outline"].raise_()
    settle()
    assert calls == [1]
    assert dump(outline) == fresh(window.document)


def test_a_plan_tab_not_chosen_waits_for_its_tab(window):
    plan, journey = window.plan, window.document.journey
    calls = count_updates(plan.actions_view.lazy)
    push(window, RenameCommand(journey, "n1", "Tiny print"))
    settle()
    assert calls == []  # the Plan tab is current, not Actions
    plan.tabs.setCurrentWidget(plan.actions_view)
    settle()
    assert calls == [1]


# ------------------------------------------------------------------ bursts
@pytest.mark.parametrize("bottom", ["swot", "plan", "matrix"])
def test_a_burst_of_ten_edits_in_one_turn_is_one_update(window, bottom):
    journey = window.document.journey
    window.docks[bottom].raise_()
    settle()
    lazy = {"swot": window.swot.lazy, "plan": window.plan.plan_view.lazy,
            "matrix": window.matrix.matrix_scene.lazy}[bottom]
    panels = {"outline": window.outline.lazy, bottom: lazy}
    calls = {name: count_updates(lazy) for name, lazy in panels.items()}
    for n in range(10):
        push(window, AddNoteCommand(journey, "weakness", f"Weak {n}", "t2",
                                    impact=3, effort=3))
        for lazy in panels.values():  # nothing runs inside push
            assert lazy.stale
    settle()
    assert {name: len(c) for name, c in calls.items()} == {"outline": 1, bottom: 1}
    assert window.outline.item_for("t2").childCount() == 10
    if bottom == "swot":
        assert len(window.swot.quadrants["weakness"].list.ids()) == 12  # n1, n2 and ten
    if bottom == "matrix":
        assert len(window.matrix.matrix_scene.dot_ids()) == 11


def test_an_edit_elsewhere_leaves_the_inspector_alone(window, monkeypatch):
    journey = window.document.journey
    window.scene.select_ids(["t1"])
    window.sync_selection()
    refreshed = []
    monkeypatch.setattr(window.inspector, "_refresh", lambda: refreshed.append(1))
    push(window, RenameCommand(journey, "t2", "Counter"))
    assert refreshed == []
    push(window, RenameCommand(journey, "t1", "Poster"))
    assert refreshed == [1]


def test_typing_a_touchpoint_on_the_canvas_shows_it_in_the_outline(window, qtbot):
    """Real keys: T, a title, Enter on the canvas."""
    window.scene.select_ids(["t2"])
    window.sync_selection()
    window.view.setFocus()
    calls = count_updates(window.outline.lazy)
    before = set(window.document.journey.ids(S.TOUCHPOINT))
    QTest.keyClick(window.view, Qt.Key_T)
    QTest.keyClicks(window.view, "Receipt")
    QTest.keyClick(window.view, Qt.Key_Return)
    settle()
    new = set(window.document.journey.ids(S.TOUCHPOINT)) - before
    assert len(new) == 1
    (tp,) = new
    assert window.outline.item_for(tp).text(0) == "Receipt"
    assert window.outline.selected_ids() == [tp]
    assert 1 <= len(calls) <= 2  # the creation, and the title typed in place
    assert dump(window.outline) == fresh(window.document)


# ------------------------------------------------- the outline, incremental == full
def dump(outline: Outline) -> list:
    """Every row: id, text, tooltip, spoken text, icon, bold, its rows; and the folds."""
    def rows(item) -> list:
        out = []
        for i in range(item.childCount()):
            child = item.child(i)
            out.append((child.data(0, ID_ROLE), child.text(0), child.toolTip(0),
                        child.data(0, Qt.AccessibleTextRole), child.icon(0).cacheKey()
                        if not child.icon(0).isNull() else None, child.font(0).bold(),
                        child.isExpanded() or not child.childCount(), rows(child)))
        return out
    outline.lazy.flush()
    return rows(outline.invisibleRootItem())


def fresh(document) -> list:
    """What a new outline shows of the same map."""
    other = Outline(document)
    try:
        return dump(other)
    finally:
        other.detach()


def random_edit(rng: random.Random, document: Document) -> None:
    journey = document.journey
    stages = journey.stages()
    tps = journey.ids(S.TOUCHPOINT)
    notes = journey.ids(S.NOTE)
    choice = rng.randrange(12)
    title = rng.choice(["", "A", "B", "Zed", "Mid"])
    if choice == 0 or not stages:
        command = AddStageCommand(journey, title, rng.randrange(len(stages) + 1))
    elif choice == 1 or (choice < 4 and not tps):
        command = AddTouchpointCommand(journey, rng.choice(stages), title,
                                       x=float(rng.randrange(5) * 100))
    elif choice == 2:
        target = rng.choice(stages + tps + [None])
        command = AddNoteCommand(journey, rng.choice(S.NOTE_KINDS), title, target)
    elif choice == 3:
        command = MoveTouchpointsCommand(journey, [(rng.choice(tps), rng.choice(stages),
                                                    float(rng.randrange(5) * 100), 0.0)])
    elif choice == 4:
        command = RenameCommand(journey, rng.choice(stages + tps + notes), title)
    elif choice == 5 and notes:
        command = EditFieldsCommand(journey, rng.choice(notes),
                                    note_kind=rng.choice(S.NOTE_KINDS))
    elif choice == 6 and len(stages) > 1:
        command = MoveStageCommand(journey, rng.choice(stages), rng.randrange(len(stages)))
    elif choice == 7:
        command = RemoveElementsCommand(journey, rng.sample(stages + tps + notes, 1))
    elif choice == 8 and tps:
        command = SetEmotionCommand(journey, rng.choice(tps), rng.choice([None, -2, 0, 2]),
                                    S.GENERAL)
    elif choice == 9:
        document.undo_stack.undo()
        return
    elif choice == 10:
        document.undo_stack.redo()
        return
    else:
        command = EditDocumentCommand(journey, direction=rng.choice(["ltr", "rtl"]))
    document.push(command)


def shown_outline(qtbot, document) -> Outline:
    outline = Outline(document)
    qtbot.addWidget(outline)
    outline.show()
    qtbot.waitExposed(outline)
    return outline


@pytest.mark.parametrize("seed", range(6))
def test_the_patched_outline_shows_what_a_fresh_one_shows(qtbot, seed):
    rng = random.Random(seed)
    document = Document(sample_journey())
    outline = shown_outline(qtbot, document)
    resets = []
    outline.rebuilt = lambda: resets.append(1)  # a full build would leave the tree empty
    for step in range(120):
        for _ in range(rng.choice([1, 1, 1, 3])):  # sometimes a burst in one turn
            random_edit(rng, document)
        if step % 25 == 10:
            outline.hide()  # edits pile up unseen, then are shown at once
        elif step % 25 == 14:
            outline.show()
        settle()
        if outline.isVisible():
            assert dump(outline) == fresh(document), f"seed {seed}, step {step}"
    assert resets == []  # patched all along, never built again
    outline.detach()


def test_a_folded_stage_stays_folded_across_delete_and_undo(qtbot):
    document = Document(sample_journey())
    outline = Outline(document)
    qtbot.addWidget(outline)
    outline.show()
    qtbot.waitExposed(outline)
    outline.item_for("s1").setExpanded(False)
    document.push(RemoveElementsCommand(document.journey, ["s1"]))
    settle()
    assert outline.item_for("s1") is None
    document.undo_stack.undo()
    settle()
    assert not outline.item_for("s1").isExpanded()
    assert outline.item_for("t1").isExpanded()  # its touchpoint's notes show
    outline.detach()


def test_a_hidden_outline_with_too_many_edits_waiting_builds_again_when_shown(qtbot,
                                                                              monkeypatch):
    from cxdesigner.ui.panels import outline as outline_module

    monkeypatch.setattr(outline_module, "MAX_PENDING_OPS", 5)
    document = Document(sample_journey())
    outline = Outline(document)
    qtbot.addWidget(outline)
    outline.show()
    qtbot.waitExposed(outline)
    outline.item_for("s2").setExpanded(False)
    outline.hide()
    for n in range(4):
        document.push(AddTouchpointCommand(document.journey, "s1", f"Card {n}"))
    assert outline._rebuild_due and outline._pending == []  # nothing kept but the flag
    outline.select_ids(["t1"])  # the canvas's selection, shown once caught up
    outline.show()
    settle()
    assert dump(outline) == [row[:6] + (False,) + row[7:] if row[0] == "s2" else row
                             for row in fresh(document)]
    assert outline.selected_ids() == ["t1"]
    outline.detach()


# ----------------------------------- the SWOT board and the matrix, patched == full


def random_note_edit(rng: random.Random, document: Document) -> None:
    """``random_edit``, with the notes' scores, votes and kinds changed more often."""
    journey = document.journey
    notes = journey.ids(S.NOTE)
    choice = rng.randrange(6)
    if notes and choice == 0:
        score = rng.choice([None, 1, 2, 3, 3, 5])
        fields = {"impact": score} if rng.random() < 0.3 else {
            "impact": score, "effort": rng.choice([None, 1, 3, 3, 4])}
        document.push(EditFieldsCommand(journey, rng.choice(notes), **fields))
    elif notes and choice == 1:
        document.push(EditFieldsCommand(journey, rng.choice(notes), votes=rng.randrange(3)))
    elif choice == 2:
        target = rng.choice(journey.stages() + journey.ids(S.TOUCHPOINT) + [None])
        kind = rng.choice(["pain_point", "weakness", "threat", "opportunity", "strength"])
        document.push(AddNoteCommand(journey, kind, rng.choice(["", "A", "Zed"]), target,
                                     impact=rng.choice([None, 2, 3]),
                                     effort=rng.choice([None, 2, 3])))
    else:
        random_edit(rng, document)


def board_dump(board: SwotBoard) -> tuple:
    """What the board shows: the filter, and each quadrant's cards in order."""
    board.lazy.flush()
    cards = {}
    for kind, quadrant in board.quadrants.items():
        notes = quadrant.list
        cards[kind] = ([tuple(notes.item(i).data(role) for role in
                              (CARD_ID, Qt.DisplayRole, KIND_ROLE, WHERE_ROLE, Qt.ToolTipRole))
                        for i in range(notes.count())], quadrant.title.text())
    entries = [(board.filter.itemData(i), board.filter.itemText(i))
               for i in range(board.filter.count())]
    return board.layoutDirection(), entries, board.filter.currentData(), cards


def fresh_board(document, target) -> tuple:
    other = SwotBoard(document, lambda ids: None)
    try:
        other.set_filter(target)
        return board_dump(other)
    finally:
        other.detach()


def matrix_dump(scene: MatrixScene) -> tuple:
    """Each dot's place, size and tooltip; the strip's chips in order and places."""
    scene.catch_up()
    dots = {note: (scene.item_for(note).pos().toTuple(), scene.item_for(note).radius,
                   note_tooltip(scene.journey, note)) for note in scene.dot_ids()}
    chips = [(note, scene.item_for(note).pos().toTuple(), note_tooltip(scene.journey, note))
             for note in scene.strip_ids()]
    items = sum(1 for item in scene.items() if hasattr(item, "element_id"))
    return dots, chips, items, scene.strip.boundingRect().getRect(), scene.rtl


def fresh_matrix(document) -> tuple:
    other = MatrixScene(document, lambda ids: None)
    try:
        return matrix_dump(other)
    finally:
        other.detach()


@pytest.mark.parametrize("seed", range(5))
def test_the_patched_board_and_matrix_show_what_fresh_ones_show(qtbot, seed):
    rng = random.Random(seed)
    document = Document(sample_journey())
    board = SwotBoard(document, lambda ids: None)
    matrix = PriorityMatrixView(document, lambda ids: None)
    for widget in (board, matrix):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
    settle()
    scene = matrix.matrix_scene
    builds = (board.rebuilds, scene.builds)
    filters, flips = 0, []

    def on_changed(event) -> None:  # the map's direction flipped: the matrix builds
        flips.extend(1 for op in event.change.ops
                     if type(op) is SetDocument and "direction" in op.new)
    document.journey.events.subscribe("journey_changed", on_changed)
    for step in range(100):
        for _ in range(rng.choice([1, 1, 1, 3])):  # sometimes a burst in one turn
            random_note_edit(rng, document)
        if step % 20 == 7:  # narrowed to a stage or touchpoint: a new filter builds
            journey = document.journey
            board.set_filter(rng.choice(journey.stages() + journey.ids(S.TOUCHPOINT)
                                        + [None]))
            filters += 1
        if step % 25 == 10:
            board.hide()  # edits pile up unseen, then are shown at once
            matrix.hide()
        elif step % 25 == 14:
            board.show()
            matrix.show()
        settle()
        if board.isVisible():
            target = board.filter.currentData()
            assert board_dump(board) == fresh_board(document, target), f"seed {seed}, {step}"
            assert matrix_dump(scene) == fresh_matrix(document), f"seed {seed}, step {step}"
    # Patched along: the board built again only for a new filter (and once more if
    # its element is removed), the matrix only when the map's direction flipped.
    assert board.rebuilds - builds[0] <= 2 * filters
    assert scene.builds - builds[1] <= len(flips)
    document.journey.events.unsubscribe(on_changed)
    board.detach()
    matrix.detach()


def test_a_hidden_matrix_does_nothing_at_window_start_and_builds_when_shown(window):
    scene = window.matrix.matrix_scene
    assert not is_seen(window.matrix)
    assert scene.builds == 0 and scene._dots == {} and scene._chips == {}
    push(window, EditFieldsCommand(window.document.journey, "n2", impact=1, effort=1))
    settle()
    assert scene.builds == 0
    window.docks["matrix"].raise_()
    QTest.qWait(50)
    settle()
    assert scene.builds == 1 and set(scene.dot_ids()) == {"n2"}


def test_a_large_outline_opens_only_its_stages_and_keeps_what_the_user_opens(
        qtbot, monkeypatch):
    from cxdesigner.ui.panels import outline as outline_module
    from cxdesigner.ui.panels.outline import ID_ROLE, Outline
    from cxdesigner.model import JourneyMap
    from cxdesigner.ui.document.document import Document
    from cxdesigner.commands import AddNoteCommand, RenameCommand

    monkeypatch.setattr(outline_module, "FOLD_OVER", 5)
    j = JourneyMap()
    stage = j.add_stage("Stage").id
    for i in range(3):
        j.add_note("pain_point", "Note", on=j.add_touchpoint(stage, f"T{i}").id)
    document = Document(j)
    outline = Outline(document)
    qtbot.addWidget(outline)
    outline.show()
    top = outline.topLevelItem(0)
    assert top.isExpanded()
    cards = [top.child(i) for i in range(top.childCount())]
    assert cards and not any(card.isExpanded() for card in cards)
    opened, folded, noted = (card.data(0, ID_ROLE) for card in cards)
    outline.expandItem(cards[0])
    document.push(RenameCommand(j, folded, "Renamed"))
    document.push(AddNoteCommand(j, "opportunity", "New", noted))
    outline.lazy.flush()
    outline.rebuild()
    assert outline._items[opened].isExpanded() and not outline._items[folded].isExpanded()
    assert outline._items[noted].isExpanded()  # a note put in shows at once


@pytest.mark.parametrize("seed,huge", [(0, False), (1, False), (2, False), (3, False),
                                       (4, True), (5, True)])
def test_a_large_outline_with_rows_made_when_opened_shows_what_a_fresh_one_shows(
        qtbot, monkeypatch, seed, huge):
    from cxdesigner.ui.panels import outline as outline_module

    monkeypatch.setattr(outline_module, "FOLD_OVER", 5)  # large, as 5,000 touchpoints
    if huge:  # the stages start folded too, their rows made when opened
        monkeypatch.setattr(outline_module, "HUGE_OVER", 5)
    rng = random.Random(seed)
    document = Document(sample_journey())
    outline = shown_outline(qtbot, document)
    assert outline._unfilled  # touchpoints with notes start unmade
    for step in range(60):
        random_edit(rng, document)
        if step % 7 == 3:  # the user opens a row now and then
            settle()
            rows = [outline.topLevelItem(i) for i in range(outline.topLevelItemCount())]
            cards = [r.child(j) for r in rows for j in range(r.childCount())]
            if huge and rows and (not cards or rng.random() < 0.5):
                outline.expandItem(rng.choice(rows))
            elif cards:
                outline.expandItem(rng.choice(cards))
        settle()
    outline.lazy.flush()
    for key in list(outline._unfilled):
        outline._fill_to(key)
        outline._fill(key)
    outline.expandAll()
    other = Outline(document)
    other.expandAll()
    try:
        assert unfolded(dump(outline)) == unfolded(dump(other))
    finally:
        other.detach()
        outline.detach()


def test_a_huge_outline_makes_its_stages_rows_only_until_one_is_opened(qtbot, monkeypatch):
    from cxdesigner.ui.panels import outline as outline_module

    monkeypatch.setattr(outline_module, "FOLD_OVER", 5)
    monkeypatch.setattr(outline_module, "HUGE_OVER", 5)
    document = Document(sample_journey())
    outline = shown_outline(qtbot, document)
    stages = [outline.topLevelItem(i) for i in range(outline.topLevelItemCount())]
    assert stages and all(item.childCount() == 0 for item in stages)
    assert not any(item.isExpanded() for item in stages)
    assert len(outline._items) == len(stages)  # no touchpoint row made
    outline.expandItem(stages[0])
    journey = document.journey
    first = stages[0].data(0, outline_module.ID_ROLE)
    assert stages[0].childCount() == len(journey.touchpoints_in(first) + journey.notes_on(first))
    tp = next(t for stage in journey.stages()[1:] for t in journey.touchpoints_in(stage))
    outline.select_ids([tp])  # shown from the canvas: its stage's rows made
    assert outline.item_for(tp) is not None and outline.selected_ids() == [tp]
    outline.detach()


def unfolded(rows: list) -> list:
    """A dump without its folds (a large outline starts folded)."""
    return [(*row[:6], unfolded(row[7])) for row in rows]
