"""Note chips as items only where they are needed (issue 10): a large map opens without
a chip item per note, and a chip is there as soon as it is seen, hovered or asked for."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from cxdesigner.canvas.items import CHIP_TYPE
from cxdesigner.canvas.labels import NOTE_COLOURS
from cxdesigner.canvas.scene import JourneyScene
from cxdesigner.canvas.view import JourneyView
from cxdesigner.model import JourneyMap


def wide_map(cards: int = 60) -> tuple[JourneyMap, list[str], list[str]]:
    j = JourneyMap()
    stage = j.add_stage("Stage").id
    tps, notes = [], []
    for i in range(cards):
        tp = j.add_touchpoint(stage, f"Card {i}", x=i * 240.0).id
        tps.append(tp)
        notes.append(j.add_note("pain_point", f"Note {i}", on=tp).id)
    return j, tps, notes


def chip_items(scene: JourneyScene) -> list:
    return [item for item in scene.items() if item.type() == CHIP_TYPE]


def test_a_map_opens_without_chip_items(qapp):
    j, _, _ = wide_map()
    scene = JourneyScene(j)
    assert chip_items(scene) == []


def test_asking_for_a_notes_item_makes_its_cards_chips(qapp):
    j, tps, notes = wide_map()
    scene = JourneyScene(j)
    chip = scene.item_for(notes[7])
    assert chip is not None and chip.type() == CHIP_TYPE
    assert chip.parentItem() is scene.item_for(tps[7])
    assert len(chip_items(scene)) == 1  # that card's only


def test_a_view_makes_the_chips_of_the_cards_it_shows_only(qtbot):
    j, tps, _ = wide_map()
    scene = JourneyScene(j)
    view = JourneyView(scene)
    qtbot.addWidget(view)
    view.resize(600, 500)
    view.show()
    qtbot.waitExposed(view)
    view.centerOn(scene.item_for(tps[0]))
    qtbot.wait(50)
    made = {chip.parentItem().element_id for chip in chip_items(scene)}
    assert tps[0] in made and tps[-1] not in made


def test_a_card_draws_its_chips_before_their_items_are_made(qapp):
    j, tps, _ = wide_map(1)
    scene = JourneyScene(j)
    card = scene.item_for(tps[0])
    image = QImage(400, 300, QImage.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    rect = card.sceneBoundingRect()
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    assert chip_items(scene) == []
    red = NOTE_COLOURS["pain_point"]
    assert any(image.pixelColor(x, y) == red
               for x in range(0, int(rect.width())) for y in range(0, int(rect.height())))
