"""Canvas items follow the model: a change made through the model API (as the undo
stack and other views do) shows on the canvas without any other call."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt

from cxdesigner.canvas.items import CARD_TYPE, CHIP_TYPE
from cxdesigner.canvas.scene import JourneyScene
from cxdesigner.commands import AddTouchpointCommand, RemoveElementsCommand
from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S
from cxdesigner.ui.document.document import Document


def flat(pairs) -> list[float]:
    return [v for pair in pairs for v in pair]


def approx_flat(pairs):
    # The curve keeps its y relative to the lane (LiveCurve.dy): equal to a fresh
    # computation up to float rounding.
    return pytest.approx(flat(pairs), abs=1e-9)



@pytest.fixture
def journey():
    j = JourneyMap()
    j.add_stage("Awareness", id="s1")
    j.add_stage("Purchase", id="s2")
    j.add_touchpoint("s1", "Ad", id="t1")
    j.add_touchpoint("s2", "Checkout", id="t2", flow_from="t1")
    return j


@pytest.fixture
def scene(qapp, journey):
    scene = JourneyScene(journey)
    yield scene
    scene.detach()


def card_pos(scene, tp):
    at = scene.item_for(tp).scenePos()  # a card's pos() is in its stage's layer
    return (at.x(), at.y())


def test_scene_builds_an_item_per_stage_touchpoint_and_flow(scene):
    assert scene.item_for("s1") and scene.item_for("t2").type() == CARD_TYPE
    assert scene.flow_item("t1", "t2") is not None


def test_added_touchpoint_appears_at_its_layout_place(scene, journey):
    journey.add_touchpoint("s1", "Flyer", id="t3", x=240)
    rect = scene.layout.cards["t3"]
    assert card_pos(scene, "t3") == (rect.x, rect.y)


def test_removed_touchpoint_disappears_with_its_flows(scene, journey):
    journey.remove_touchpoint("t1")
    assert scene.item_for("t1") is None
    assert scene.flow_item("t1", "t2") is None


def test_moving_a_touchpoint_to_another_stage_moves_its_card(scene, journey):
    journey.move_touchpoint("t1", 0, 0, stage="s2")
    assert scene.layout.bands["s2"].contains(*scene.layout.cards["t1"].center)
    assert card_pos(scene, "t1") == (scene.layout.cards["t1"].x, scene.layout.cards["t1"].y)


def test_reordering_stages_swaps_the_bands(scene, journey):
    before = scene.item_for("s1").x()
    journey.move_stage("s1", 1)
    assert scene.item_for("s1").x() > before
    assert scene.item_for("s2").x() < scene.item_for("s1").x()


def test_a_note_attached_to_a_card_shows_as_a_chip_on_it(scene, journey):
    journey.add_note("pain_point", "Slow", on="t1", id="n1")
    chip = scene.item_for("n1")
    assert chip is not None and chip.type() == CHIP_TYPE
    assert chip.parentItem() is scene.item_for("t1")


def test_moving_a_note_to_another_card_moves_its_chip(scene, journey):
    journey.add_note("opportunity", "Upsell", on="t1", id="n1")
    journey.attach_note("n1", "t2")
    assert scene.item_for("n1").parentItem() is scene.item_for("t2")
    assert scene.item_for("t1").chips == []


def test_removed_note_loses_its_chip(scene, journey):
    journey.add_note("pain_point", "Slow", on="t1", id="n1")
    journey.remove("n1")
    assert scene.item_for("n1") is None and scene.item_for("t1").chips == []


def test_many_notes_end_with_a_count_chip(scene, journey):
    for i in range(9):
        journey.add_note("insight", f"n{i}", on="t1")
    chips = scene.item_for("t1").chips
    assert len(chips) == 6 and chips[-1].extra == 3


def test_new_flow_gets_an_arrow_and_removed_flow_loses_it(scene, journey):
    journey.add_flow("t2", "t1")
    assert scene.flow_item("t2", "t1") is not None
    journey.remove_flow("t2", "t1")
    assert scene.flow_item("t2", "t1") is None


def test_emotion_change_updates_the_curve(scene, journey):
    journey.set_emotion("t1", -2)
    assert len(scene.lane.points()) == 1
    assert scene.lane.points()[0].y() == pytest.approx(scene.layout.emotion_y(-2))


def test_persona_choice_switches_the_curve(scene, journey):
    p = journey.add_persona("Dana").id
    journey.set_emotion("t1", 1)
    journey.set_emotion("t1", -1, p)
    scene.set_persona(p)
    assert scene.lane.points()[0].y() == pytest.approx(scene.layout.emotion_y(-1))


def test_switching_the_map_to_rtl_mirrors_the_bands(scene, journey):
    journey.set_document(direction="rtl")
    assert scene.item_for("s1").x() > scene.item_for("s2").x()


def test_undo_of_a_removal_brings_the_items_back(qapp, journey):
    document = Document(journey)
    scene = JourneyScene(journey, document.push)
    journey.add_note("pain_point", "Slow", on="t1", id="n1")
    document.push(RemoveElementsCommand(journey, ["s1"]))
    assert scene.item_for("t1") is None
    document.undo_stack.undo()
    assert scene.item_for("t1") is not None and scene.item_for("n1") is not None
    assert scene.flow_item("t1", "t2") is not None
    scene.detach()


def test_redo_recreates_the_same_element_id(qapp, journey):
    document = Document(journey)
    scene = JourneyScene(journey, document.push)
    command = AddTouchpointCommand(journey, "s1", "New")
    document.push(command)
    created = command.created
    document.undo_stack.undo()
    assert scene.item_for(created) is None
    document.undo_stack.redo()
    assert scene.item_for(created) is not None and journey.title(created) == "New"
    scene.detach()


def test_general_emotion_is_the_default_persona(scene):
    assert scene.persona == S.GENERAL


# ------------------------------------------------ incremental == full recompute
@pytest.mark.parametrize("seed", range(12))
def test_after_random_edits_and_undos_every_item_sits_where_a_fresh_layout_puts_it(qapp, seed):
    import random

    from cxdesigner.canvas.flows import FlowItem
    from cxdesigner.model import layout as L
    from tests.test_layout import random_edit, two_stage_map

    rng = random.Random(seed)
    journey = two_stage_map()
    scene = JourneyScene(journey)
    done: list = []
    try:
        for _ in range(60):
            random_edit(journey, done, rng.randrange(11), rng.randrange(50),
                        rng.randrange(50), rng.randrange(50))
            fresh = L.compute(journey)
            assert scene.layout == fresh
            for stage, band in fresh.bands.items():
                item = scene.item_for(stage)
                assert (item.x(), item.y(), item.boundingRect().adjusted(2, 2, -2, -2).size()
                        .toTuple()) == (band.x, band.y, (band.w, band.h))
            for tp, card in fresh.cards.items():
                assert card_pos(scene, tp) == (card.x, card.y)
            for source, target in journey.flows():
                expected = FlowItem(source, target)
                expected.update_path(fresh)
                assert scene.flow_item(source, target).scene_path() == expected.scene_path()
            # Cards and arrows are found through their layer (canvas/layers.py), even
            # where an arrow reaches into another band.
            for card in scene.card_items():
                assert card in scene.items(card.sceneBoundingRect().center())
            for flow in scene.flow_items():
                tip = flow.mapToScene(QPointF(*flow._tip[:2]))
                assert flow in scene.items(QRectF(tip.x() - 1, tip.y() - 1, 2, 2),
                                           Qt.IntersectsItemBoundingRect)
            points = L.emotion_curve(journey, fresh)
            assert flat((p.x(), p.y()) for p in scene.lane.points()) == approx_flat(
                [(x, y) for _, x, y in points])
            assert flat(scene.curve.scene_line()) == approx_flat(L.curve_line(points))
    finally:
        scene.detach()


def test_switching_to_rtl_mirrors_the_note_chips_on_their_cards(scene, journey):
    from cxdesigner.model import layout as L

    journey.add_note("pain_point", "Slow", on="t1", id="n1")
    assert scene.item_for("n1").x() == L.chip_rects(L.Rect(0, 0, L.CARD_W, L.CARD_H), 1)[0].x
    journey.set_document(direction="rtl")
    slot = L.chip_rects(L.Rect(0, 0, L.CARD_W, L.CARD_H), 1)[0]
    assert scene.item_for("n1").x() == L.CARD_W - slot.right


def test_a_stage_added_between_two_cards_reroutes_only_the_arrows_across_it(qapp, monkeypatch):
    from cxdesigner.canvas.flows import FlowItem
    from cxdesigner.model import layout as L

    j = JourneyMap()
    for s in range(3):
        j.add_stage(f"S{s}", id=f"s{s}")
    j.add_touchpoint("s0", "A", id="a")
    j.add_touchpoint("s1", "B", id="b", flow_from="a")  # across the new stage
    j.add_touchpoint("s1", "C", id="c", x=240, flow_from="b")  # inside a shifted band
    j.add_touchpoint("s2", "D", id="d", flow_from="c")  # between two shifted bands
    j.add_flow("d", "a")  # back across the new stage
    scene = JourneyScene(j)
    routed = []
    real = FlowItem.update_path
    monkeypatch.setattr(FlowItem, "update_path",
                        lambda self, layout: (routed.append((self.source, self.target)),
                                              real(self, layout)))
    try:
        j.add_stage("New", id="new", index=1)
        assert sorted(routed) == [("a", "b"), ("d", "a")]
        fresh = L.compute(j)
        for source, target in j.flows():
            expected = FlowItem(source, target)
            real(expected, fresh)
            assert scene.flow_item(source, target).scene_path() == expected.scene_path()
    finally:
        scene.detach()
