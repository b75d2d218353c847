"""A card's feedback badge follows the model: its item count and their NPS, recounted
only for the cards an edit touched."""

from __future__ import annotations

import pytest

from cxdesigner.canvas.scene import JourneyScene
from cxdesigner.model import JourneyMap


@pytest.fixture
def journey():
    j = JourneyMap()
    j.add_stage("Buy", id="s1")
    j.add_touchpoint("s1", "Till", id="t1")
    j.add_touchpoint("s1", "Door", id="t2")
    return j


@pytest.fixture
def scene(qapp, journey):
    scene = JourneyScene(journey)
    yield scene
    scene.detach()


def badge(scene, tp):
    return scene.item_for(tp).badge()


def test_a_card_counts_its_items_and_their_nps(scene, journey):
    assert badge(scene, "t1") == ""
    journey.add_feedback([{"touchpoint": "t1", "nps": n} for n in (10, 9, 2)]
                         + [{"touchpoint": "t1"}])
    assert badge(scene, "t1") == "4 · +33" and badge(scene, "t2") == ""


def test_items_without_a_score_show_the_count_alone(scene, journey):
    journey.add_feedback([{"touchpoint": "t2", "csat": 4}])
    assert badge(scene, "t2") == "1"


def test_assigning_an_item_elsewhere_moves_it_between_badges(scene, journey):
    journey.add_feedback([{"id": "f1", "touchpoint": "t1", "nps": 0}])
    assert badge(scene, "t1") == "1 · -100"
    change = journey.assign_feedback(["f1"], "t2")
    assert badge(scene, "t1") == "" and badge(scene, "t2") == "1 · -100"
    journey.apply(change.inverse())
    assert badge(scene, "t1") == "1 · -100" and badge(scene, "t2") == ""


def test_a_changed_answer_recounts_its_card(scene, journey):
    journey.add_feedback([{"id": "f1", "touchpoint": "t1", "nps": 0}])
    badge(scene, "t1")
    journey.set_fields("f1", nps=10)
    assert badge(scene, "t1") == "1 · +100"


def test_feedback_leaves_the_layout_alone(scene, journey):
    before = scene.layout
    journey.add_feedback([{"touchpoint": "t1", "nps": 9}])
    journey.add_snapshot("Now", "2026-01-01T00:00", {})
    assert scene.layout is before


def test_a_hebrew_map_puts_the_count_on_the_right(qapp):
    journey = JourneyMap({"language": "he", "direction": "rtl"})
    journey.add_stage("קנייה", id="s1")
    journey.add_touchpoint("s1", "קופה", id="t1")
    journey.add_feedback([{"touchpoint": "t1", "nps": 10}, {"touchpoint": "t1", "nps": 10}])
    scene = JourneyScene(journey)
    try:
        assert badge(scene, "t1") == "+100 · 2"
    finally:
        scene.detach()
