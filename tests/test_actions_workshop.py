"""The action trees, the analysis panel and workshop mode, driven with real events on
the Rosemary Bakery sample: clicks on buttons, tree rows and note chips of the real
canvas view, drags in the action tree, keys."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import (QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence,
                           QPalette)
from PySide6.QtWidgets import (QApplication, QDockWidget, QLabel, QLineEdit, QMainWindow,
                               QMessageBox)

from cxdesigner.bidi import plain
from cxdesigner.canvas.items import CHIP_TYPE
from cxdesigner.canvas.scene import JourneyScene
from cxdesigner.canvas.view import JourneyView
from cxdesigner.commands import EditDocumentCommand, EditFieldsCommand
from cxdesigner.commands.actions import NestActionCommand, RecordVotesCommand
from cxdesigner.fileformat.templates import sample_path
from cxdesigner.model import schema as S
from cxdesigner.model.scoring import rank
from cxdesigner.ui.document.document import Document
from cxdesigner.ui.panels.action_common import OVERDUE_COLOUR, REVIEW_COLOUR, all_items
from cxdesigner.ui.panels.actions_panel import ActionTreePanel
from cxdesigner.ui.panels.analysis_panel import AnalysisPanel
from cxdesigner.ui.workshop.countdown import Countdown, format_time
from cxdesigner.ui.workshop.mode import WorkshopMode
from cxdesigner.ui.workshop.voting import VotingSetupDialog

TODAY = dt.date(2027, 1, 10)


@pytest.fixture
def editor(qtbot):
    document, _ = Document.open(sample_path("en"))
    scene = JourneyScene(document.journey, document.push)
    view = JourneyView(scene)
    window = QMainWindow()
    window.setCentralWidget(view)
    qtbot.addWidget(window)
    window.resize(760, 560)  # inside the offscreen screen (800 x 800)
    window.show()
    qtbot.waitExposed(window)
    yield SimpleNamespace(document=document, journey=document.journey, scene=scene,
                          view=view, window=window)
    scene.detach()


@pytest.fixture
def panel(qtbot, editor):
    panel = ActionTreePanel(editor.document, editor.scene.select_ids, today=lambda: TODAY)

    def follow_selection() -> None:
        panel.set_selection(editor.scene.selected_ids())
    editor.scene.selectionChanged.connect(follow_selection)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    qtbot.waitExposed(panel)
    yield panel
    editor.scene.selectionChanged.disconnect(follow_selection)
    panel.detach()


@pytest.fixture
def workshop(editor):
    mode = WorkshopMode(editor.window, editor.view, editor.scene, editor.document)
    mode.ask = lambda *args: pytest.fail("no question expected")
    yield mode
    if mode.round is not None:
        mode.cancel_round()
    mode.exit()  # puts the application font back for the next test
    mode.detach()


def find_note(journey, title_start: str) -> str:
    return next(n for n in journey.ids(S.NOTE) if journey.title(n).startswith(title_start))


def find_action(journey, title_start: str) -> str:
    return next(a for a in journey.ids(S.ACTION) if journey.title(a).startswith(title_start))


def click_item(qtbot, tree, item, button=Qt.LeftButton):
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), button, pos=tree.visualItemRect(item).center())


def click_chip(qtbot, editor, note: str) -> None:
    """A real click on the note's chip, where the view shows it."""
    chip = editor.scene.item_for(note)
    assert chip is not None and chip.type() == CHIP_TYPE and not chip.extra
    editor.view.centerOn(chip)
    pos = editor.view.mapFromScene(chip.sceneBoundingRect().center())
    qtbot.mouseClick(editor.view.viewport(), Qt.LeftButton, pos=pos)


# ============================================================ the Actions tab
def test_address_this_creates_an_action_for_the_selected_note_and_names_it(
        qtbot, editor, panel):
    journey = editor.journey
    note = find_note(journey, "Staff hunt for orders")
    before = set(journey.actions_for(note))
    editor.scene.select_ids([note])
    view = panel.actions_view
    panel.tabs.setCurrentWidget(view)
    qtbot.mouseClick(view.address_button, Qt.LeftButton)
    title_editor = view.tree.viewport().findChild(QLineEdit)
    assert title_editor is not None  # the new action's title is open for typing
    qtbot.keyClicks(title_editor, "Number the shelves")
    qtbot.keyClick(title_editor, Qt.Key_Return)
    (action,) = set(journey.actions_for(note)) - before
    qtbot.waitUntil(lambda: journey.title(action) == "Number the shelves")  # Qt commits queued
    assert view.tree.current_action() == action


def test_an_action_made_from_a_note_shows_under_that_note_in_the_plan(qtbot, editor, panel):
    journey = editor.journey
    note = find_note(journey, "Staff hunt for orders")
    editor.scene.select_ids([note])
    action = panel.address_notes([note])
    panel.tabs.setCurrentWidget(panel.plan_view)
    qtbot.waitUntil(lambda: panel.plan_view.item_for("action", action) is not None)
    row = panel.plan_view.item_for("action", action)
    assert row.parent().data(0, Qt.UserRole) == note


def test_creating_an_action_from_a_note_is_one_undo_step(editor, panel):
    journey, stack = editor.journey, editor.document.undo_stack
    note = find_note(journey, "Staff hunt for orders")
    action = panel.address_notes([note])
    stack.undo()
    assert action not in journey
    stack.redo()
    assert journey.addressed_by(action) == [note]


def drag_in_tree(qtbot, monkeypatch, tree, source_item, target_pos: QPoint) -> None:
    """Press on a row and move: the tree starts a drag; the drag (QDrag.exec returns at
    once offscreen) is played as the enter, move and drop events a user's gives."""
    viewport = tree.viewport()

    def play(drag, *args, **kwargs):
        mime = drag.mimeData()
        actions = Qt.MoveAction
        pos = QPointF(target_pos)
        QApplication.sendEvent(viewport, QDragEnterEvent(target_pos, actions, mime,
                                                         Qt.LeftButton, Qt.NoModifier))
        QApplication.sendEvent(viewport, QDragMoveEvent(target_pos, actions, mime,
                                                        Qt.LeftButton, Qt.NoModifier))
        drop = QDropEvent(pos, actions, mime, Qt.LeftButton, Qt.NoModifier)
        QApplication.sendEvent(viewport, drop)
        return drop.dropAction()

    monkeypatch.setattr(QDrag, "exec", play)
    start = tree.visualItemRect(source_item).center()
    qtbot.mousePress(viewport, Qt.LeftButton, pos=start)
    step = QApplication.startDragDistance() + 5
    qtbot.mouseMove(viewport, start + QPoint(step, step))
    qtbot.mouseMove(viewport, start + QPoint(2 * step, 2 * step))
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=start + QPoint(2 * step, 2 * step))


def test_dragging_an_action_onto_another_nests_it_in_one_undo_step(
        qtbot, monkeypatch, editor, panel):
    journey, stack = editor.journey, editor.document.undo_stack
    view = panel.actions_view
    panel.tabs.setCurrentWidget(view)
    view.refresh()
    tree = view.tree
    target = find_action(journey, "Make weekend pickup fast")
    moved = find_action(journey, "Cakes arrive the way they left")
    tree.collapseAll()
    target_item, moved_item = tree.item_for(target), tree.item_for(moved)
    count = stack.count()
    drag_in_tree(qtbot, monkeypatch, tree, moved_item, tree.visualItemRect(target_item).center())
    assert journey.parent_of(moved) == target
    assert journey.children_of(target)[-1] == moved
    assert stack.count() == count + 1
    stack.undo()
    assert journey.parent_of(moved) is None


def test_dropping_an_action_on_its_own_sub_action_is_refused_with_the_models_reason(
        qtbot, monkeypatch, editor, panel):
    journey = editor.journey
    view = panel.actions_view
    panel.tabs.setCurrentWidget(view)
    view.refresh()
    tree = view.tree
    parent = find_action(journey, "Make weekend pickup fast")
    child = journey.children_of(parent)[0]
    tree.expandAll()
    drag_in_tree(qtbot, monkeypatch, tree, tree.item_for(parent),
                 tree.visualItemRect(tree.item_for(child)).center())
    assert journey.parent_of(parent) is None
    assert view.message.isVisible()
    assert "sub-action of itself or of its own sub-actions" in view.message.text()


def test_an_edit_elsewhere_does_not_close_a_title_being_typed(qtbot, editor, panel):
    journey = editor.journey
    view = panel.actions_view
    panel.tabs.setCurrentWidget(view)
    action = view.new_action()
    title_editor = view.tree.viewport().findChild(QLineEdit)
    qtbot.keyClicks(title_editor, "Half typ")
    note = find_note(journey, "A 20-minute queue")
    editor.document.push(RecordVotesCommand(journey, {note: 1}))
    qtbot.wait(20)
    assert view.tree.viewport().findChild(QLineEdit) is title_editor
    qtbot.keyClicks(title_editor, "ed")
    qtbot.keyClick(title_editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: journey.title(action) == "Half typed")


def test_move_down_puts_an_action_after_its_next_sibling(qtbot, editor, panel):
    journey = editor.journey
    view = panel.actions_view
    panel.tabs.setCurrentWidget(view)
    view.refresh()
    first, second = journey.children_of(None)[:2]
    view.tree.setCurrentItem(view.tree.item_for(first))
    qtbot.mouseClick(view.down_button, Qt.LeftButton)
    assert journey.children_of(None)[:2] == [second, first]


def test_editing_the_owner_is_one_undo_step(qtbot, editor, panel):
    journey, stack = editor.journey, editor.document.undo_stack
    view = panel.actions_view
    panel.tabs.setCurrentWidget(view)
    view.refresh()
    action = journey.children_of(None)[0]
    view.tree.setCurrentItem(view.tree.item_for(action))
    owner = view.details.owner
    owner.selectAll()
    count = stack.count()
    qtbot.keyClicks(owner, "Dana")
    qtbot.keyClick(owner, Qt.Key_Return)
    assert journey.get(action)["owner"] == "Dana"
    assert stack.count() == count + 1


def test_a_due_date_can_be_cleared_to_none_and_back(qtbot, editor, panel):
    journey = editor.journey
    view = panel.actions_view
    panel.tabs.setCurrentWidget(view)
    view.refresh()
    action = find_action(journey, "Make weekend pickup fast")
    view.tree.setCurrentItem(view.tree.item_for(action))
    due = view.details.due
    qtbot.mouseClick(due.check, Qt.LeftButton)
    assert journey.get(action)["due"] is None
    assert due.edit.text() == "None"
    qtbot.mouseClick(due.check, Qt.LeftButton)
    assert journey.get(action)["due"] == dt.date.today().isoformat()


def test_a_new_action_is_reviewed_every_three_months(editor, panel):
    action = panel.actions_view.new_action()
    assert editor.journey.get(action)["review_months"] == 3
    assert panel.actions_view.details.review.value() == 3


def test_deleting_an_action_takes_its_sub_actions(qtbot, editor, panel):
    journey = editor.journey
    view = panel.actions_view
    panel.tabs.setCurrentWidget(view)
    view.refresh()
    action = find_action(journey, "Make weekend pickup fast")
    children = journey.children_of(action)
    view.tree.setCurrentItem(view.tree.item_for(action))
    qtbot.mouseClick(view.delete_button, Qt.LeftButton)
    assert action not in journey and not any(c in journey for c in children)


def test_clicking_an_addressed_note_shows_it_on_the_canvas(qtbot, editor, panel):
    journey = editor.journey
    view = panel.actions_view
    panel.tabs.setCurrentWidget(view)
    view.refresh()
    action = find_action(journey, "Make weekend pickup fast")
    view.tree.setCurrentItem(view.tree.item_for(action))
    notes = view.details.notes
    item = notes.item(1)
    qtbot.mouseClick(notes.viewport(), Qt.LeftButton, pos=notes.visualItemRect(item).center())
    assert editor.scene.selected_ids() == [item.data(Qt.UserRole)]


# =============================================================== the Plan tab
def test_an_overdue_action_is_marked_by_colour_icon_and_words(editor, panel):
    journey = editor.journey
    action = find_action(journey, "Make weekend pickup fast")
    editor.document.push(EditFieldsCommand(journey, action, None, due="2026-12-31"))
    panel.plan_view.refresh()
    row = panel.plan_view.item_for("action", action)
    assert "Overdue" in row.text(4)
    assert row.foreground(0).color() == OVERDUE_COLOUR
    assert not row.icon(0).isNull()


def test_an_action_due_for_review_is_marked(editor, panel):
    journey = editor.journey
    action = find_action(journey, "Make weekend pickup fast")
    editor.document.push(EditFieldsCommand(journey, action, None, reviewed="2026-06-01"))
    panel.actions_view.refresh()
    row = panel.actions_view.tree.item_for(action)
    assert "Review due" in row.text(3)
    assert row.foreground(0).color() == REVIEW_COLOUR


def test_the_plan_follows_votes_and_keeps_what_was_collapsed(qtbot, editor, panel):
    journey = editor.journey
    plan_view = panel.plan_view
    editor.document.push(EditDocumentCommand(journey, scoring_method="votes"))
    qtbot.waitUntil(lambda: plan_view.plan.method == "votes")
    stage_row = plan_view.tree.topLevelItem(1)
    stage_row.setExpanded(False)
    key = stage_row.data(0, Qt.UserRole + 2)
    last = find_note(journey, "The delivery app raised its fees")
    editor.document.push(RecordVotesCommand(journey, {last: 50}))
    qtbot.waitUntil(lambda: plan_view.plan.branches and any(
        n.id == last and n.number.endswith(".1") for n in plan_view.plan.walk()))
    row = next(i for i in all_items(plan_view.tree) if i.data(0, Qt.UserRole + 2) == key)
    assert not row.isExpanded()


def test_clicking_a_note_in_the_plan_selects_it_on_the_canvas(qtbot, editor, panel):
    plan_view = panel.plan_view
    plan_view.refresh()
    row = next(i for i in all_items(plan_view.tree) if i.data(0, Qt.UserRole + 1) == "note"
               and editor.scene.item_for(i.data(0, Qt.UserRole)) is not None)
    click_item(qtbot, plan_view.tree, row)
    assert editor.scene.selected_ids() == [row.data(0, Qt.UserRole)]


# ============================================================ analysis panel
@pytest.fixture
def analysis_panel(qtbot, editor):
    panel = AnalysisPanel(editor.document, editor.scene.select_ids,
                          lambda: editor.scene.persona)
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.show()
    qtbot.waitExposed(panel)
    # The first analysis runs on an event-loop turn after the panel is shown.
    qtbot.waitUntil(lambda: panel.result is not None, timeout=5000)
    yield panel
    panel.detach()


def test_clicking_a_finding_selects_its_element_on_the_canvas(qtbot, editor, analysis_panel):
    group = analysis_panel.group_item("low_emotion")
    finding = group.child(0)
    click_item(qtbot, analysis_panel.tree, finding)
    (element,) = finding.data(0, Qt.UserRole)
    assert editor.scene.selected_ids() == [element]
    assert editor.journey.emotion(element) <= -1


def test_paths_show_as_a_count_that_expands_to_the_list(editor, analysis_panel):
    group = analysis_panel.group_item("paths")
    assert plain(group.text(0)).endswith("(20+)")
    assert group.childCount() == 20 and not group.isExpanded()


def test_analysis_follows_an_edit_after_a_short_pause(qtbot, editor, analysis_panel):
    from cxdesigner.commands import AddStageCommand
    editor.document.push(AddStageCommand(editor.journey, "Later"))
    assert analysis_panel.group_item("empty_stage").childCount() == 0  # not yet
    qtbot.waitUntil(lambda: analysis_panel.group_item("empty_stage").childCount() == 1,
                    timeout=2000)


# ============================================================== workshop mode
def test_f11_enters_workshop_mode_full_screen_with_larger_type_and_canvas(
        qtbot, editor, workshop):
    window, view = editor.window, editor.view
    dock = QDockWidget("Outline", window)
    dock.setObjectName("outlineDock")
    dock.setWidget(QLabel("outline"))
    window.addDockWidget(Qt.LeftDockWidgetArea, dock)
    font_size, zoom = QApplication.font().pointSizeF(), view.zoom()
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(view, Qt.Key_F11)
    assert workshop.active and window.isFullScreen()
    assert QApplication.font().pointSizeF() > font_size
    assert view.zoom() > zoom
    assert not dock.isVisible()
    qtbot.waitUntil(workshop.timer_widget.isVisible)


def test_leaving_workshop_mode_restores_the_window_type_docks_and_zoom(
        qtbot, editor, workshop):
    window, view = editor.window, editor.view
    dock = QDockWidget("Outline", window)
    dock.setObjectName("outlineDock")
    dock.setWidget(QLabel("outline"))
    window.addDockWidget(Qt.LeftDockWidgetArea, dock)
    qtbot.waitUntil(dock.isVisible)
    geometry, font = window.geometry(), QApplication.font()
    transform = view.transform()
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(view, Qt.Key_F11)
    qtbot.keyClick(view, Qt.Key_F11)
    assert not workshop.active and not window.isFullScreen()
    assert window.geometry() == geometry
    assert QApplication.font() == font
    assert view.transform() == transform
    assert dock.isVisible()
    assert window.findChild(type(workshop.toolbar) if workshop.toolbar else QMainWindow,
                            "workshopToolBar") is None


def test_escape_leaves_workshop_mode(qtbot, editor, workshop):
    window = editor.window
    workshop.enter()
    window.activateWindow()
    qtbot.waitActive(window)
    editor.scene.clearSelection()
    qtbot.keyClick(editor.view, Qt.Key_Escape)
    assert not workshop.active and not window.isFullScreen()


def test_countdown_shows_00_00_and_flashes_when_time_is_up(qtbot, editor, workshop):
    now = [100.0]
    workshop.countdown.clock = lambda: now[0]
    workshop.enter()
    timer = workshop.timer_widget
    timer.minutes.setValue(2)
    qtbot.mouseClick(timer.start_button, Qt.LeftButton)
    now[0] += 60
    workshop.countdown.tick()
    assert timer.display.text() == "01:00"
    now[0] += 60
    with qtbot.waitSignal(workshop.countdown.finished, timeout=1000):
        workshop.countdown.tick()
    assert timer.display.text() == "00:00"
    assert timer.flashing
    assert timer.start_button.text() == "Start"


def test_countdown_pause_keeps_the_time_left():
    now = [0.0]
    countdown = Countdown(clock=lambda: now[0])
    countdown.set_minutes(1)
    countdown.start()
    now[0] = 20.5
    countdown.pause()
    now[0] = 500
    assert countdown.remaining() == 40
    assert format_time(countdown.remaining()) == "00:40"


# ================================================================ dot voting
@pytest.fixture
def voting(qtbot, editor, workshop):
    journey = editor.journey
    editor.document.push(EditDocumentCommand(journey, scoring_method="votes"))
    workshop.enter()
    window = editor.window
    window.activateWindow()
    qtbot.waitActive(window)
    round_ = workshop.start_round(["Dana", "Eli"], 2)
    return SimpleNamespace(round=round_, queue=find_note(journey, "A 20-minute queue"),
                           fees=find_note(journey, "The delivery app raised its fees"),
                           shelf=find_note(journey, "A pickup shelf by the door"))


def test_clicking_chips_gives_the_current_participant_dots_then_hands_over(
        qtbot, editor, workshop, voting):
    banner = workshop.banner
    assert plain(banner.turn.text()) == "Dana: 2 of 2 dots left"
    click_chip(qtbot, editor, voting.queue)
    assert plain(banner.turn.text()) == "Dana: 1 of 2 dots left"
    click_chip(qtbot, editor, voting.queue)  # two dots on one note is fine
    assert plain(banner.turn.text()) == "Eli: 2 of 2 dots left"
    assert voting.round.votes() == {voting.queue: 2}
    assert editor.journey.get(voting.queue)["votes"] == 9  # a draft until closed


def test_a_click_on_a_chip_during_a_round_does_not_select_it(qtbot, editor, workshop, voting):
    editor.scene.clearSelection()
    click_chip(qtbot, editor, voting.queue)
    assert editor.scene.selected_ids() == []


def test_ctrl_z_during_a_round_takes_back_the_last_dot_not_the_last_edit(
        qtbot, editor, workshop, voting):
    stack = editor.document.undo_stack
    undo = stack.createUndoAction(editor.window)  # the window's own Ctrl+Z
    undo.setShortcut(QKeySequence.Undo)
    editor.window.addAction(undo)
    count, index = stack.count(), stack.index()
    for note in (voting.queue, voting.queue, voting.fees):
        click_chip(qtbot, editor, note)
    qtbot.keyClick(editor.view, Qt.Key_Z, Qt.ControlModifier)
    assert voting.round.votes() == {voting.queue: 2}
    assert plain(workshop.banner.turn.text()) == "Eli: 2 of 2 dots left"
    qtbot.keyClick(editor.view, Qt.Key_Z, Qt.ControlModifier)
    assert voting.round.votes() == {voting.queue: 1}
    assert plain(workshop.banner.turn.text()) == "Dana: 1 of 2 dots left"
    assert (stack.count(), stack.index()) == (count, index)
    assert editor.journey.document["scoring_method"] == "votes"


def test_closing_a_round_records_the_votes_and_reranks_in_one_undo_step(
        qtbot, editor, workshop, voting):
    journey, stack = editor.journey, editor.document.undo_stack
    assert rank(journey)[0].note == voting.shelf
    for note in (voting.queue, voting.queue, voting.queue, voting.fees):
        click_chip(qtbot, editor, note)
    count = stack.count()
    qtbot.mouseClick(workshop.banner.close_button, Qt.LeftButton)
    assert workshop.round is None
    assert journey.get(voting.queue)["votes"] == 12
    assert journey.get(voting.fees)["votes"] == 2
    assert rank(journey)[0].note == voting.queue
    assert stack.count() == count + 1
    stack.undo()
    assert journey.get(voting.queue)["votes"] == 9 and journey.get(voting.fees)["votes"] == 1
    assert rank(journey)[0].note == voting.shelf


def test_a_closed_round_shows_what_it_recorded_until_done(qtbot, editor, workshop, voting):
    for note in (voting.queue, voting.queue, voting.fees):
        click_chip(qtbot, editor, note)
    banner, dock = workshop.banner, workshop.vote_dock
    window_layout = editor.window.centralWidget().geometry()
    qtbot.mouseClick(banner.close_button, Qt.LeftButton)
    assert banner.closed and workshop.banner is banner
    assert plain(banner.turn.text()) == "Round closed: 3 dot(s) recorded"
    assert editor.window.centralWidget().geometry() == window_layout  # nothing moved
    assert not workshop.vote_list.isEnabled()
    qtbot.mouseClick(banner.done_button, Qt.LeftButton)
    assert workshop.banner is None and workshop.vote_dock is None
    assert not dock.isVisible()  # taken out at once
    assert editor.journey.get(voting.queue)["votes"] == 11


def test_clicking_a_chip_after_the_round_closed_places_no_dot(
        qtbot, editor, workshop, voting):
    qtbot.mouseClick(workshop.banner.close_button, Qt.LeftButton)
    votes = editor.journey.get(voting.queue)["votes"]
    count = editor.document.undo_stack.count()
    click_chip(qtbot, editor, voting.queue)
    assert editor.journey.get(voting.queue)["votes"] == votes
    assert editor.document.undo_stack.count() == count


def test_a_new_round_replaces_the_closed_rounds_banner(qtbot, editor, workshop, voting):
    qtbot.mouseClick(workshop.banner.close_button, Qt.LeftButton)
    old = workshop.banner
    fresh = workshop.start_round(["Noa"], 1)
    assert workshop.round is fresh and workshop.banner is not old
    assert not workshop.banner.closed and workshop.vote_list.isEnabled()
    assert plain(workshop.banner.turn.text()) == "Noa: 1 of 1 dots left"


def test_leaving_workshop_mode_puts_a_closed_rounds_banner_away(
        qtbot, editor, workshop, voting):
    qtbot.mouseClick(workshop.banner.close_button, Qt.LeftButton)
    dock = workshop.vote_dock
    workshop.exit()
    assert workshop.banner is None and workshop.vote_dock is None
    assert not dock.isVisible()


def test_cancelling_a_round_discards_its_dots(qtbot, editor, workshop, voting):
    count = editor.document.undo_stack.count()
    click_chip(qtbot, editor, voting.queue)
    questions = []
    workshop.ask = lambda text, buttons, default: questions.append(text) or QMessageBox.Discard
    qtbot.mouseClick(workshop.banner.cancel_button, Qt.LeftButton)
    assert workshop.round is None
    assert editor.journey.get(voting.queue)["votes"] == 9
    assert editor.document.undo_stack.count() == count
    assert questions == ["Discard the 1 dot(s) placed in this round?"]


def test_the_list_of_notes_gives_dots_to_notes_without_a_chip(qtbot, editor, workshop, voting):
    journey = editor.journey
    wide = find_note(journey, "A bakery chain opens")  # about the whole map: no chip
    vote_list = workshop.vote_list
    item = next(vote_list.item(i) for i in range(vote_list.count())
                if vote_list.item(i).data(Qt.UserRole) == wide)
    qtbot.mouseClick(vote_list.viewport(), Qt.LeftButton,
                     pos=vote_list.visualItemRect(item).center())
    assert voting.round.votes() == {wide: 1}


def test_a_dot_shows_only_on_its_note_in_the_list_and_undo_takes_it_back(
        qtbot, editor, workshop, voting):
    vote_list = workshop.vote_list
    items = [vote_list.item(i) for i in range(vote_list.count())]
    texts = [item.text() for item in items]
    notes = [item.data(Qt.UserRole) for item in items]
    click_chip(qtbot, editor, voting.queue)
    after = [vote_list.item(i) for i in range(vote_list.count())]
    assert all(a is b for a, b in zip(after, items))  # the rows were kept, not rebuilt
    assert [item.text() for item in after] == texts  # the dots are drawn, not written
    assert [n for n in notes if vote_list.dots(n)] == [voting.queue]
    assert vote_list.dots(voting.queue) == 1
    qtbot.keyClick(editor.view, Qt.Key_Z, Qt.ControlModifier)  # takes the dot back
    assert voting.round.votes() == {}
    assert not any(vote_list.dots(n) for n in notes)


def test_a_rows_dots_are_drawn_at_its_end(qtbot, editor, workshop, voting):
    vote_list = workshop.vote_list
    click_chip(qtbot, editor, voting.queue)
    item = next(vote_list.item(i) for i in range(vote_list.count())
                if vote_list.item(i).data(Qt.UserRole) == voting.queue)
    vote_list.scrollToItem(item)
    rect = vote_list.visualItemRect(item)
    image = vote_list.viewport().grab(rect).toImage()
    highlight = vote_list.palette().color(QPalette.Highlight)
    rtl = vote_list.layoutDirection() == Qt.RightToLeft
    room = range(84) if rtl else range(rect.width() - 84, rect.width())
    assert any(image.pixelColor(x, y) == highlight
               for x in room for y in range(image.height()))


def test_record_votes_adds_to_the_votes_a_note_had(editor):
    journey = editor.journey
    note = find_note(journey, "A 20-minute queue")
    assert editor.document.push(RecordVotesCommand(journey, {note: 3}))
    assert journey.get(note)["votes"] == 12


def test_nest_action_command_moves_an_action_to_the_top_level(editor):
    journey = editor.journey
    parent = find_action(journey, "Make weekend pickup fast")
    child = journey.children_of(parent)[0]
    assert editor.document.push(NestActionCommand(journey, child, None, 0))
    assert journey.children_of(None)[0] == child


def test_the_voting_dialog_numbers_participants_without_a_name(qtbot):
    dialog = VotingSetupDialog()
    qtbot.addWidget(dialog)
    dialog.count.setValue(3)
    qtbot.keyClicks(dialog.names, "Dana")
    dialog.dots.setValue(5)
    assert dialog.participants() == ["Dana", "Participant 2", "Participant 3"]
    assert dialog.dots_each() == 5


def test_double_clicking_an_action_in_the_plan_opens_it_in_the_actions_tab(
        qtbot, editor, panel):
    plan_view = panel.plan_view
    plan_view.refresh()
    action = find_action(editor.journey, "Make weekend pickup fast")
    row = plan_view.item_for("action", action)
    click_item(qtbot, plan_view.tree, row)  # a double click's first press and release
    qtbot.mouseDClick(plan_view.tree.viewport(), Qt.LeftButton,
                      pos=plan_view.tree.visualItemRect(row).center())
    assert panel.tabs.currentWidget() is panel.actions_view
    assert panel.actions_view.tree.current_action() == action
