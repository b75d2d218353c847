"""The Plan tab patched per edit (issue 10): after any edits its tree shows what a
freshly built one shows, and an edit leaves the rows of branches it did not touch."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from cxdesigner.commands import (AddActionCommand, AddNoteCommand, AddStageCommand,
                                 AddTouchpointCommand, EditDocumentCommand,
                                 EditFieldsCommand, MoveStageCommand,
                                 MoveTouchpointsCommand, RemoveElementsCommand,
                                 RenameCommand)
from cxdesigner.commands.actions import (LinkActionCommand, NestActionCommand,
                                         UnlinkActionCommand)
from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S
from cxdesigner.ui.panels.action_common import (ROLE_ID, ROLE_KEY, ROLE_KIND, all_items,
                                                arrange_children)
from cxdesigner.ui.document.document import Document
from cxdesigner.ui.panels.plan_view import PlanView

TODAY = dt.date(2026, 3, 1)
RANKED = ("pain_point", "opportunity", "weakness", "threat")


def sample_journey() -> JourneyMap:
    j = JourneyMap()
    j.set_document(goal="Fewer queues")
    stages = [j.add_stage(f"Stage {i}", id=f"s{i}").id for i in range(3)]
    for i in range(9):
        tp = j.add_touchpoint(stages[i % 3], f"Card {i}", id=f"t{i}", x=100.0 * i).id
        note = j.add_note(RANKED[i % 4], f"Note {i}", on=tp, id=f"n{i}",
                          impact=1 + i % 5, effort=1 + (i * 2) % 5).id
        action = j.add_action(f"Action {i}", addresses=[note], id=f"a{i}").id
        if i % 3 == 2:
            j.add_action(f"Sub {i}", action, addresses=[note])
    j.add_note("threat", "Map-wide", id="nw", impact=2, effort=2)
    return j


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def shown(view: PlanView) -> PlanView:
    view.resize(700, 500)
    view.show()
    return view


def dump(view: PlanView) -> list:
    """Every row: id, kind, path, every column's text and tooltip, whether it has an
    icon and is folded open, and its rows."""
    def rows(item) -> list:
        out = []
        for i in range(item.childCount()):
            child = item.child(i)
            out.append((child.data(0, ROLE_ID), child.data(0, ROLE_KIND),
                        child.data(0, ROLE_KEY),
                        tuple(child.text(c) for c in range(view.COLUMNS)),
                        tuple(child.toolTip(c) for c in range(view.COLUMNS)),
                        view.note_tip(child),
                        child.icon(0).isNull(), child.font(0).bold(),
                        child.isExpanded() or not child.childCount(), rows(child)))
        return out
    view.lazy.flush()
    return rows(view.tree.invisibleRootItem())


def fresh(document: Document, collapsed: set = frozenset()) -> list:
    """What a new plan view shows of the same map, with the same folds closed."""
    other = PlanView(document, lambda ids: None, lambda: TODAY)
    other.state.collapsed = set(collapsed)
    try:
        other.refresh()
        return dump(other)
    finally:
        other.detach()
        other.deleteLater()  # in the event loop, not whenever the collector frees it


def random_edit(rng: random.Random, document: Document) -> None:
    journey = document.journey
    stages = journey.stages()
    tps = journey.ids(S.TOUCHPOINT)
    notes = journey.ids(S.NOTE)
    actions = journey.ids(S.ACTION)
    title = rng.choice(["", "A", "B", "Zed", "Mid"])
    choice = rng.randrange(16)
    if choice == 0 or (choice < 3 and not notes):
        command = AddNoteCommand(journey, rng.choice(S.NOTE_KINDS), title,
                                 rng.choice(stages + tps + [None]),
                                 impact=rng.randint(1, 5), effort=rng.randint(1, 5))
    elif choice == 1 and notes:
        command = RemoveElementsCommand(journey, [rng.choice(notes)])
    elif choice == 2:
        command = EditFieldsCommand(journey, rng.choice(notes), impact=rng.randint(1, 5),
                                    effort=rng.randint(1, 5))
    elif choice == 3 and notes:
        count = min(len(notes), rng.choice([0, 1, 1, 2]))
        command = AddActionCommand(journey, title, rng.choice(actions + [None]),
                                   rng.sample(notes, count))
    elif choice == 4 and actions:
        command = RemoveElementsCommand(journey, [rng.choice(actions)])
    elif choice == 5 and actions:
        command = NestActionCommand(journey, rng.choice(actions),
                                    rng.choice(actions + [None, None]))
    elif choice == 6:
        command = RenameCommand(journey, rng.choice(stages + notes + actions), title)
    elif choice == 7 and actions:
        command = EditFieldsCommand(journey, rng.choice(actions),
                                    status=rng.choice(S.ACTION_STATUSES),
                                    due=rng.choice([None, "2026-01-01", "2026-12-31"]),
                                    owner=rng.choice(["", "Kim"]))
    elif choice == 8 and actions and notes:
        action, note = rng.choice(actions), rng.choice(notes)
        command = (UnlinkActionCommand(journey, action, note)
                   if note in journey.addressed_by(action)
                   else LinkActionCommand(journey, action, note))
    elif choice == 9 and tps:
        command = MoveTouchpointsCommand(journey, [(rng.choice(tps), rng.choice(stages),
                                                    float(rng.randrange(5) * 100), 0.0)])
    elif choice == 10 and len(stages) > 1:
        command = MoveStageCommand(journey, rng.choice(stages), rng.randrange(len(stages)))
    elif choice == 11:
        command = AddStageCommand(journey, title, rng.randrange(len(stages) + 1))
    elif choice == 12 and stages:
        command = (RemoveElementsCommand(journey, [rng.choice(stages)]) if rng.random() < .3
                   else AddTouchpointCommand(journey, rng.choice(stages), title))
    elif choice == 13:
        document.undo_stack.undo()
        return
    elif choice == 14:
        document.undo_stack.redo()
        return
    else:
        command = EditDocumentCommand(journey, goal=title,
                                      direction=rng.choice(["ltr", "rtl"]))
    document.push(command)  # a refused edit (a cycle of actions) changes nothing


@pytest.mark.parametrize("seed", range(6))
def test_the_patched_plan_shows_what_a_fresh_one_shows(qtbot, seed):
    rng = random.Random(seed)
    document = Document(sample_journey())
    view = shown(PlanView(document, lambda ids: None, lambda: TODAY))
    qtbot.addWidget(view)
    qtbot.waitExposed(view)
    settle()
    builds = view.builds
    for step in range(120):
        for _ in range(rng.choice([1, 1, 1, 3])):  # sometimes a burst in one turn
            random_edit(rng, document)
        if step % 25 == 10:
            view.hide()  # edits pile up unseen, then are shown at once
        elif step % 25 == 14:
            view.show()
        if step % 30 == 20:  # a fold the user closed stays closed
            rows = [i for i in all_items(view.tree) if i.childCount()]
            if rows:
                rng.choice(rows).setExpanded(False)
        settle()
        if view.isVisible():
            assert dump(view) == fresh(document, view.state.collapsed), \
                f"seed {seed}, step {step}"
    assert view.builds - builds <= 3  # patched nearly all along, not built again
    view.detach()


def test_folds_are_kept_and_closed_folds_stay_closed(qtbot):
    document = Document(sample_journey())
    view = shown(PlanView(document, lambda ids: None, lambda: TODAY))
    qtbot.addWidget(view)
    view.refresh()
    view.tree.setCurrentItem(view.item_for("action", "a1"))
    view.item_for("note", "n4").setExpanded(False)
    document.push(EditFieldsCommand(document.journey, "n4", impact=5, effort=1))
    view.refresh()
    assert not view.item_for("note", "n4").isExpanded()  # its rows made anew, folded
    assert view.tree.currentItem() is view.item_for("action", "a1")
    document.push(RenameCommand(document.journey, "a1", "Renamed"))  # its row made anew
    view.refresh()
    assert view.tree.currentItem().data(0, ROLE_ID) == "a1"
    assert view.tree.currentItem().text(0).endswith("Renamed")
    view.detach()


def test_a_rescore_in_one_branch_keeps_every_other_branchs_items(qtbot):
    document = Document(sample_journey())
    view = shown(PlanView(document, lambda ids: None, lambda: TODAY))
    qtbot.addWidget(view)
    view.refresh()
    journey = document.journey
    stage_of = {item.data(0, ROLE_ID): item for item in all_items(view.tree)
                if item.data(0, ROLE_KIND) == "stage"}
    # n1 is in stage s1: every row outside it must be the very same item afterwards.
    others = [(item.data(0, ROLE_KEY), item) for stage, top in stage_of.items()
              if stage != "s1" for item in _subtree(top)]
    made = []
    original = PlanView._item

    def spy(self, node, parent_key, style):
        made.append(parent_key + (node.kind, node.id))
        return original(self, node, parent_key, style)
    PlanView._item = spy
    try:
        document.push(EditFieldsCommand(journey, "n1",
                                        impact=1 if journey.get("n1")["impact"] > 1 else 5))
        view.refresh()
    finally:
        PlanView._item = original
    assert all(key[:2] == ("stage", "s1") for key in made)
    assert all(view.item_for(key[-2], key[-1]) is not None for key, _ in others)
    now = {item.data(0, ROLE_KEY): item for item in all_items(view.tree)}
    assert all(now[key] is item for key, item in others)
    assert dump(view) == fresh(document)
    assert view.builds == 1
    view.detach()


def test_renaming_an_action_changes_words_in_place(qtbot):
    document = Document(sample_journey())
    view = shown(PlanView(document, lambda ids: None, lambda: TODAY))
    qtbot.addWidget(view)
    view.refresh()
    before = all_items(view.tree)
    document.push(RenameCommand(document.journey, "a2", "Call back"))
    document.push(EditFieldsCommand(document.journey, "a5", owner="Kim"))
    view.refresh()
    after = all_items(view.tree)
    assert len(after) == len(before) and all(a is b for a, b in zip(after, before))
    assert view.item_for("action", "a2").text(0).endswith("Call back")
    assert view.item_for("action", "a5").text(2) == "Kim"
    assert dump(view) == fresh(document)
    view.detach()


def test_a_note_whose_card_changes_stage_takes_its_rows_along(qtbot):
    document = Document(sample_journey())
    view = shown(PlanView(document, lambda ids: None, lambda: TODAY))
    qtbot.addWidget(view)
    view.refresh()
    note, action = view.item_for("note", "n0"), view.item_for("action", "a0")
    document.push(MoveTouchpointsCommand(document.journey, [("t0", "s2", 900.0, 0.0)]))
    view.refresh()
    assert view.item_for("note", "n0") is note and note.child(0) is action
    assert note.parent().data(0, ROLE_ID) == "s2"
    assert action.data(0, ROLE_KEY) == ("stage", "s2", "note", "n0", "action", "a0")
    assert dump(view) == fresh(document) and view.builds == 1
    view.detach()


def test_a_new_ranking_method_builds_the_tree_again(qtbot):
    document = Document(sample_journey())
    view = shown(PlanView(document, lambda ids: None, lambda: TODAY))
    qtbot.addWidget(view)
    view.refresh()
    document.push(EditDocumentCommand(document.journey, scoring_method="ice"))
    view.refresh()
    assert view.builds == 2 and view.plan.method == "ice"
    assert dump(view) == fresh(document)
    view.detach()


def test_a_burst_making_most_rows_anew_builds_the_tree_again(qtbot, monkeypatch):
    from cxdesigner.ui.panels import plan_view

    monkeypatch.setattr(plan_view, "REBUILD_MIN", 0)
    document = Document(sample_journey())
    view = shown(PlanView(document, lambda ids: None, lambda: TODAY))
    qtbot.addWidget(view)
    view.refresh()
    journey = document.journey
    for note in journey.ids(S.NOTE)[:-1]:  # every note but one made anew
        document.push(AddActionCommand(journey, "More", None, [note]))
    view.refresh()
    assert view.builds == 2
    assert dump(view) == fresh(document)
    document.push(RenameCommand(journey, "s1", "Renamed"))  # then patched again
    view.refresh()
    assert view.builds == 2 and dump(view) == fresh(document)
    view.detach()


@pytest.mark.parametrize("seed", range(20))
def test_arranging_rows_moves_only_those_out_of_order(seed):
    rng = random.Random(seed)
    current = rng.sample(range(30), rng.randrange(12))
    wanted = rng.sample(range(30), rng.randrange(12))
    current = [key for key in current if key in wanted]  # (the others left already)
    parent, items = QTreeWidgetItem(), {key: QTreeWidgetItem([str(key)]) for key in range(30)}
    parent.addChildren([items[key] for key in current])
    placed = arrange_children(parent, current, wanted, items.__getitem__)
    assert [parent.child(i) for i in range(parent.childCount())] == [items[k] for k in wanted]
    # The rows that stayed are a longest run of ``current`` already in ``wanted``'s order.
    place = {key: i for i, key in enumerate(current)}
    kept = [place[key] for key in wanted if key in place]
    longest = [1] * len(kept)
    for i in range(len(kept)):
        for j in range(i):
            if kept[j] < kept[i]:
                longest[i] = max(longest[i], longest[j] + 1)
    assert len(placed) == len(wanted) - max(longest, default=0)


def test_detach_stops_the_plan_index_following_the_map(qtbot):
    document = Document(sample_journey())
    view = PlanView(document, lambda ids: None, lambda: TODAY)
    qtbot.addWidget(view)
    view.detach()
    document.push(RenameCommand(document.journey, "n1", "After"))
    assert view._index._touched == set()


def _subtree(item):
    yield item
    for i in range(item.childCount()):
        yield from _subtree(item.child(i))


def test_hovering_a_note_row_shows_its_rank_after_a_note_above_it_goes(qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    document = Document(sample_journey())
    view = shown(PlanView(document, lambda ids: None, lambda: TODAY))
    qtbot.addWidget(view)
    view.lazy.flush()
    view.tree.expandAll()
    ranks = {n.id: document.journey.rank_of(n.id) for b in view.plan.branches
             for n in b.children}
    best = min(ranks, key=ranks.get)
    last = max(ranks, key=ranks.get)
    document.push(RemoveElementsCommand(document.journey, [best]))
    view.lazy.flush()
    item = view._rows[last].item
    view.tree.scrollToItem(item)
    rect = view.tree.visualItemRect(item)
    pos = rect.center()
    QApplication.sendEvent(view.tree.viewport(), QHelpEvent(
        QEvent.ToolTip, pos, view.tree.viewport().mapToGlobal(pos)))
    assert QToolTip.isVisible()
    assert f"Rank {ranks[last] - 1}" in QToolTip.text().splitlines()


def test_an_empty_stage_added_leaves_the_plan_alone_and_a_reorder_does_not(qtbot):
    document = Document(sample_journey())
    view = shown(PlanView(document, lambda ids: None, lambda: TODAY))
    qtbot.addWidget(view)
    view.lazy.flush()
    document.push(AddStageCommand(document.journey, "Empty", 1))
    assert not view.lazy.stale
    document.push(MoveStageCommand(document.journey, "s0", 3))
    assert view.lazy.stale
    assert dump(view) == fresh(document)


def test_a_large_plan_first_shows_every_row_folded_and_a_small_one_open(qtbot, monkeypatch):
    from cxdesigner.ui.panels import plan_view

    monkeypatch.setattr(plan_view, "FOLD_OVER", 5)  # the sample has 10 ranked notes
    document = Document(sample_journey())
    view = shown(PlanView(document, lambda ids: None, lambda: TODAY))
    qtbot.addWidget(view)
    view.lazy.flush()
    root = view.tree.invisibleRootItem()
    stages = [root.child(i) for i in range(root.childCount())]
    assert stages and not any(item.isExpanded() for item in stages)
    # Folded branches make their rows when first opened.
    assert all(item.childCount() == 0 for item in stages)
    # Nor are their notes' nodes made (with their actions) before that.
    assert all(branch.children == [] for branch in view.plan.branches)
    view.tree.expandItem(stages[1])
    assert stages[1].childCount() and stages[1].isExpanded()
    assert [bool(branch.children) for branch in view.plan.branches][:3] == [False, True, False]
    document.push(RenameCommand(document.journey, "n0", "Renamed"))
    view.lazy.flush()
    assert stages[1].isExpanded()  # opened by the user: stays open through edits
    monkeypatch.setattr(plan_view, "FOLD_OVER", 50)
    small = shown(PlanView(document, lambda ids: None, lambda: TODAY))
    qtbot.addWidget(small)
    small.lazy.flush()
    root = small.tree.invisibleRootItem()
    assert all(root.child(i).isExpanded() for i in range(root.childCount()))


@pytest.mark.parametrize("seed", [7, 11, 23, 42])
def test_a_folded_branch_opened_after_edits_shows_what_a_fresh_plan_shows(qtbot, monkeypatch,
                                                                          seed):
    from cxdesigner.ui.panels import plan_view

    monkeypatch.setattr(plan_view, "FOLD_OVER", 5)
    document = Document(sample_journey())
    view = shown(PlanView(document, lambda ids: None, lambda: TODAY))
    qtbot.addWidget(view)
    view.lazy.flush()
    rng = random.Random(seed)
    for _ in range(40):
        random_edit(rng, document)
    view.lazy.flush()
    root = view.tree.invisibleRootItem()
    for i in range(root.childCount()):
        view.tree.expandItem(root.child(i))
    monkeypatch.setattr(plan_view, "FOLD_OVER", 10_000)

    def unfolded(rows: list) -> list:  # folds differ: the large plan's start folded
        return [(*row[:8], unfolded(row[9])) for row in rows]

    assert unfolded(dump(view)) == unfolded(fresh(document))

def test_a_note_going_visits_only_its_own_branchs_rows(qtbot, monkeypatch):
    document = Document(sample_journey())
    view = shown(PlanView(document, lambda ids: None, lambda: TODAY))
    qtbot.addWidget(view)
    view.refresh()
    # The best note of s0 goes: every later note is re-ranked, but only s0's rows
    # (and no other branch's) are looked at again.
    journey = document.journey
    best = next(n for n in journey.ranked_notes() if journey.stage_of_note(n) == "s0")
    visited = []
    original = PlanView._refresh_note
    monkeypatch.setattr(PlanView, "_refresh_note",
                        lambda self, row: (visited.append(row.node.id),
                                           original(self, row)))
    document.push(RemoveElementsCommand(journey, [best]))
    view.refresh()
    assert visited and {journey.stage_of_note(n) for n in visited} == {"s0"}
    assert dump(view) == fresh(document)
    view.detach()
