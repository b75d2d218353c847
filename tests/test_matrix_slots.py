"""A crowded cell of the priority matrix keeps its dots in their slots
(``ui/panels/matrix_slots.py``): a dot that comes or goes moves no other."""

from __future__ import annotations

import pytest

from cxdesigner.commands import EditFieldsCommand
from cxdesigner.model import JourneyMap
from cxdesigner.ui.document.document import Document
from cxdesigner.ui.panels.matrix import PriorityMatrixView
from cxdesigner.ui.panels.matrix_chart import cell_rect
from cxdesigner.ui.panels.matrix_slots import CROWDED, CellSlots, side_for

RANK = {f"n{i:03}": i for i in range(400)}.__getitem__


def names(count: int, start: int = 0) -> list[str]:
    return [f"n{i:03}" for i in range(start, start + count)]


def test_the_grid_is_the_smallest_that_holds_the_dots():
    assert side_for(65) == 9 and side_for(81) == 9 and side_for(82) == 12
    assert side_for(5000) == 71


def test_a_fresh_grid_fills_its_slots_in_rank_order():
    slots = CellSlots(names(70))
    assert [slots.of[n] for n in names(70)] == list(range(70))


def test_a_note_that_comes_takes_the_first_free_slot_and_no_other_moves():
    slots = CellSlots(names(70))
    before = dict(slots.of)
    members = set(names(70)) - {"n010"}
    assert slots.follow(members, RANK) == []
    come = slots.follow(members | {"n200"}, RANK)
    assert come == ["n200"] and slots.of["n200"] == 10  # the slot n010 left
    assert all(slots.of[n] == before[n] for n in members)


def test_several_that_come_take_the_free_slots_best_ranked_first():
    slots = CellSlots(names(70))
    come = slots.follow(set(names(70)) | {"n300", "n250"}, RANK)
    assert come == ["n250", "n300"] and (slots.of["n250"], slots.of["n300"]) == (70, 71)


def test_a_full_grid_or_one_under_a_quarter_full_is_laid_again():
    slots = CellSlots(names(81))
    assert slots.follow(set(names(82)), RANK) is None  # 82 dots: over 9 x 9
    slots = CellSlots(names(200))  # 16 x 16
    assert slots.follow(set(names(63)), RANK) is None  # no longer crowded
    slots = CellSlots(names(400))  # 20 x 20
    assert slots.follow(set(names(99)), RANK) is None  # under a quarter of 400


# ------------------------------------------------------------- in the matrix
@pytest.fixture
def crowded(qtbot):
    journey = JourneyMap()
    for i in range(CROWDED + 20):
        journey.add_note("pain_point", f"Note {i}", id=f"c{i:03}", impact=3, effort=3)
    journey.add_note("pain_point", "Elsewhere", id="away", impact=5, effort=1)
    document = Document(journey)
    view = PriorityMatrixView(document, lambda ids: None)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    yield document, view.matrix_scene
    view.detach()


def places(scene) -> dict[str, tuple[float, float]]:
    return {n: scene.item_for(n).pos().toTuple() for n in scene.dot_ids()}


def test_a_dot_moved_into_a_crowded_cell_moves_none_of_its_dots(crowded):
    document, scene = crowded
    before = places(scene)
    document.push(EditFieldsCommand(document.journey, "away", "Score", impact=3, effort=3))
    after = places(scene)
    assert all(after[n] == before[n] for n in before if n != "away")
    assert cell_rect(3, 3).contains(scene.item_for("away").pos())
    assert len(set(after.values())) == len(after)  # every dot in a slot of its own


def test_undo_leaves_the_crowded_cell_as_it_was(crowded):
    document, scene = crowded
    before = places(scene)
    document.push(EditFieldsCommand(document.journey, "c005", "Score", impact=1, effort=1))
    document.undo_stack.undo()
    assert places(scene) == before
