"""Pictures in the editor: dropped on a card, pasted on the selected card, chosen or
removed in the inspector, each one undo step; a bad image says why and changes nothing;
the card paints a thumbnail, decoded once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from cxdesigner.canvas import pictures as canvas_pictures
from cxdesigner.fileformat import cxmap
from cxdesigner.model import JourneyMap
from cxdesigner.model import pictures as P
from cxdesigner.ui import main_window as mw
from cxdesigner.ui import settings
from cxdesigner.ui.main_window import MainWindow
from picture_helpers import jpeg_bytes, png_bytes


@pytest.fixture(autouse=True)
def temp_settings(tmp_path):
    settings.use_file(tmp_path / "settings.ini")
    yield
    settings.use_file(None)


@pytest.fixture
def window(qapp, tmp_path, monkeypatch):
    journey = JourneyMap(document={"title": "Shop"})
    journey.add_stage("Purchase", id="s1")
    journey.add_touchpoint("s1", "Till", id="t1")
    journey.add_touchpoint("s1", "Receipt", id="t2", x=240.0)
    path = tmp_path / "shop.cxmap"
    cxmap.save(journey, path)
    canvas_pictures.forget()
    w = MainWindow.open_new(path)
    w.resize(1200, 800)
    w.show()
    w.view.set_zoom(1.0)
    w.view.centerOn(w.scene.item_for("t1"))
    QApplication.processEvents()
    yield w
    QApplication.clipboard().clear()
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "discard")
    for each in mw.windows():
        each.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.fixture
def green_png(tmp_path):
    path = tmp_path / "shopfront.png"
    path.write_bytes(png_bytes(size=(120, 90), colour=(0, 200, 0, 255), mode="RGB"))
    return path


def card_point(window, tp: str):
    """The view's point at the middle of a card."""
    item = window.scene.item_for(tp)
    return window.view.mapFromScene(item.sceneBoundingRect().center())


def drop_on(window, mime: QMimeData, point) -> QDropEvent:
    """The events a real drag sends to the view's viewport, ending in the drop."""
    viewport = window.view.viewport()
    for kind in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(viewport, kind(point, Qt.CopyAction, mime, Qt.LeftButton,
                                              Qt.NoModifier))
    event = QDropEvent(QPointF(point), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(viewport, event)
    return event


def file_mime(path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def picture(window, tp="t1") -> str:
    return window.document.journey.get(tp)["picture"]


# ------------------------------------------------------------------ drop
def test_dropping_a_png_file_on_a_card_sets_its_picture_in_one_undo_step(window, green_png):
    stack = window.document.undo_stack
    before = stack.count()
    event = drop_on(window, file_mime(green_png), card_point(window, "t1"))
    assert event.isAccepted()
    assert P.verify(picture(window)) > 0 and picture(window, "t2") == ""
    assert stack.count() == before + 1
    stack.undo()
    assert picture(window) == ""
    stack.redo()
    assert picture(window) != ""


def test_dropping_image_data_on_a_card_sets_its_picture(window):
    mime = QMimeData()
    mime.setData("image/jpeg", jpeg_bytes())
    assert drop_on(window, mime, card_point(window, "t2")).isAccepted()
    assert picture(window, "t2") != "" and picture(window, "t1") == ""


def test_a_damaged_picture_dropped_on_a_card_changes_nothing_and_says_why(window, tmp_path):
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(jpeg_bytes(size=(300, 200))[:400])
    before = window.document.undo_stack.count()
    event = drop_on(window, file_mime(bad), card_point(window, "t1"))
    assert not event.isAccepted()
    assert picture(window) == "" and window.document.undo_stack.count() == before
    assert "damaged" in window.statusBar().currentMessage()


def test_a_picture_dropped_beside_the_cards_is_not_taken_by_the_canvas(window, green_png):
    band = window.scene.item_for("s1").sceneBoundingRect()
    point = window.view.mapFromScene(QPointF(band.left() + 4, band.bottom() - 4))
    assert not drop_on(window, file_mime(green_png), point).isAccepted()
    assert picture(window) == "" and picture(window, "t2") == ""


def test_a_picture_past_the_maps_limit_is_refused_with_the_limit(window, green_png,
                                                                 monkeypatch):
    monkeypatch.setattr(P, "MAX_MAP_PICTURE_BYTES", 10)
    assert not drop_on(window, file_mime(green_png), card_point(window, "t1")).isAccepted()
    assert picture(window) == ""
    assert "remove a picture" in window.statusBar().currentMessage()


# ------------------------------------------------------------------ paste
def test_pasting_an_image_puts_it_on_the_selected_card_in_one_undo_step(window):
    image = QImage(64, 48, QImage.Format_RGB32)
    image.fill(QColor(250, 0, 0))
    QApplication.clipboard().setImage(image)
    window.scene.select_ids(["t2"])
    stack = window.document.undo_stack
    before = stack.count()
    window.act.paste.trigger()
    assert picture(window, "t2") != "" and stack.count() == before + 1
    assert stack.undoText() == "Set Picture"
    stack.undo()
    assert picture(window, "t2") == ""


def test_pasting_an_image_with_no_card_selected_changes_nothing(window):
    image = QImage(8, 8, QImage.Format_RGB32)
    image.fill(QColor(0, 0, 250))
    QApplication.clipboard().setImage(image)
    window.scene.clearSelection()
    before = window.document.undo_stack.count()
    window.paste()
    assert window.document.undo_stack.count() == before
    assert "touchpoint" in window.statusBar().currentMessage()


# ------------------------------------------------------------------ inspector
def test_the_inspector_chooses_and_removes_a_picture_each_one_undo_step(
        window, green_png, monkeypatch):
    window.scene.select_ids(["t1"])
    window.sync_selection()
    box = window.inspector.picture_box
    assert not box.remove_button.isEnabled()
    monkeypatch.setattr(type(box), "ask_path", lambda self: str(green_png))
    stack = window.document.undo_stack
    before = stack.count()
    assert box.choose()
    assert picture(window) != "" and stack.count() == before + 1
    assert box.remove_button.isEnabled() and box.preview.pixmap() is not None
    assert not box.preview.pixmap().isNull()
    assert box.remove()
    assert picture(window) == "" and stack.count() == before + 2
    stack.undo()
    assert picture(window) != ""


def test_the_inspector_refuses_a_file_that_is_not_a_picture(window, tmp_path, monkeypatch):
    window.scene.select_ids(["t1"])
    window.sync_selection()
    box = window.inspector.picture_box
    text = tmp_path / "notes.png"
    text.write_text("just words")
    monkeypatch.setattr(type(box), "ask_path", lambda self: str(text))
    assert not box.choose()
    assert picture(window) == ""
    assert "PNG or JPEG" in window.statusBar().currentMessage()


# ------------------------------------------------------------------ painting
def green_pixels(window, tp: str) -> int:
    item = window.scene.item_for(tp)
    rect = window.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    image = window.view.viewport().grab(rect).toImage()
    return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if (lambda c: c.green() > 150 and c.red() < 80 and c.blue() < 80)(
                   image.pixelColor(x, y)))


def test_the_card_paints_its_picture(window, green_png):
    assert green_pixels(window, "t1") == 0
    drop_on(window, file_mime(green_png), card_point(window, "t1"))
    QApplication.processEvents()
    assert green_pixels(window, "t1") > 50
    window.document.undo_stack.undo()
    QApplication.processEvents()
    assert green_pixels(window, "t1") == 0


def test_a_thumbnail_is_decoded_once_and_again_only_when_the_picture_changes(monkeypatch):
    canvas_pictures.forget()
    decoded = []
    real = canvas_pictures._decode
    monkeypatch.setattr(canvas_pictures, "_decode",
                        lambda text, w, h: decoded.append(text) or real(text, w, h))
    one, two = P.prepare(png_bytes()), P.prepare(jpeg_bytes())
    first = canvas_pictures.thumbnail("t1", one, 54, 54)
    assert not first.isNull()
    assert canvas_pictures.thumbnail("t1", one, 54, 54).cacheKey() == first.cacheKey()
    assert len(decoded) == 1
    canvas_pictures.thumbnail("t1", two, 54, 54)
    assert len(decoded) == 2
    assert canvas_pictures.thumbnail("t1", "", 54, 54).isNull()


def test_duplicating_a_card_with_a_picture_past_the_maps_limit_is_refused(window,
                                                                         monkeypatch):
    journey = window.document.journey
    text = P.prepare(jpeg_bytes())
    journey.set_fields("t1", picture=text)
    monkeypatch.setattr(P, "MAX_MAP_PICTURE_BYTES", P.decoded_size(text) + 1)
    window.scene.select_ids(["t1"])
    count = len(journey.touchpoints_in("s1"))
    window.duplicate()
    assert len(journey.touchpoints_in("s1")) == count
    assert "remove a picture" in window.statusBar().currentMessage()
    monkeypatch.setattr(P, "MAX_MAP_PICTURE_BYTES", 2 * P.decoded_size(text))
    window.duplicate()  # exactly at the limit: allowed
    assert len(journey.touchpoints_in("s1")) == count + 1


def test_an_image_lane_paints_the_picture_centred_in_the_touchpoints_cell(window,
                                                                          green_png):
    journey = window.document.journey
    lane = window.document.journey.add_lane("image", "Photos").id
    drop_on(window, file_mime(green_png), card_point(window, "t1"))
    QApplication.processEvents()
    r = window.scene.layout.cell("t1", lane, "image")
    window.view.ensureVisible(r.x, r.y, r.w, r.h)
    QApplication.processEvents()
    image = window.view.viewport().grab().toImage()
    # Both sides of the centre: a picture drawn off centre misses one of them.
    step = min(r.w, r.h) / 5
    for dx, dy in ((-step, -step), (step, step)):
        point = window.view.mapFromScene(QPointF(r.x + r.w / 2 + dx, r.y + r.h / 2 + dy))
        colour = image.pixelColor(point)
        assert colour.green() > 150 and colour.red() < 80, colour.name()
    assert journey.get("t1")["picture"] != ""


def test_a_map_dragged_along_with_a_picture_is_left_to_the_window(window, green_png,
                                                                 tmp_path):
    from cxdesigner.canvas.picture_edits import carries_picture
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(green_png)),
                  QUrl.fromLocalFile(str(tmp_path / "other.cxmap"))])
    assert not carries_picture(mime)
    assert carries_picture(file_mime(green_png))
