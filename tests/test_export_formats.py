"""The report dialog's formats: the report, the presentation, the interactive map and
the Mermaid text, each drawn on the report's worker thread with its progress."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from cxdesigner.fileformat import cxmap
from cxdesigner.ui import deck_picture
from cxdesigner.ui.dialogs import export_formats
from cxdesigner.ui.dialogs import report_dialog as rd
from cxdesigner.ui.dialogs import report_export as rx
from cxdesigner.ui.main_window import MainWindow
from tests.test_exports import (close_windows, errors, open_window, small_map,  # noqa: F401
                                temp_settings)


def choose(monkeypatch, key: str, seen: list | None = None) -> None:
    """The dialog, shown: the format chosen in its combo box, then Export."""
    def fake_exec(dialog):
        if seen is not None:
            seen.append(dialog)
        dialog.format.setCurrentIndex(dialog.format.findData(key))
        dialog.accept()
        return dialog.result()
    monkeypatch.setattr(rd.ReportDialog, "exec", fake_exec)


def export(qtbot, monkeypatch, window, key: str, out: Path) -> None:
    choose(monkeypatch, key)
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(out.with_suffix("")))
    job = rx.export_report(window)
    assert job is not None and job.running
    qtbot.waitUntil(out.exists, timeout=120_000)
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)


def test_a_presentation_is_drawn_on_the_worker_with_its_pictures_on_the_gui_thread(
        qtbot, close_windows, tmp_path, monkeypatch, errors):
    window = open_window()
    threads = []
    original = deck_picture.map_picture

    def watched(*args):
        threads.append(threading.current_thread())
        return original(*args)
    monkeypatch.setattr(deck_picture, "map_picture", watched)
    out = tmp_path / "deck.pptx"
    export(qtbot, monkeypatch, window, "pptx", out)
    assert errors == []
    from pptx import Presentation

    deck = Presentation(str(out))
    text = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                    if shape.has_text_frame)
    for stage in window.document.journey.stages():
        assert window.document.journey.title(stage) in text
    assert threads and all(t is threading.main_thread() for t in threads)
    assert f"({len(deck.slides)} slides)" in window.statusBar().currentMessage()


def test_the_interactive_map_from_the_dialog_is_one_page(qtbot, close_windows, tmp_path,
                                                        monkeypatch, errors):
    window = open_window()
    out = tmp_path / "map.html"
    export(qtbot, monkeypatch, window, "html", out)
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Flyer" in page and errors == []


def test_the_mermaid_text_from_the_dialog(qtbot, close_windows, tmp_path, monkeypatch,
                                          errors):
    window = open_window()
    out = tmp_path / "journey.md"
    export(qtbot, monkeypatch, window, "mermaid", out)
    assert "journey" in out.read_text("utf-8") and "Flyer" in out.read_text("utf-8")


def test_the_format_is_remembered_per_document(qtbot, close_windows, tmp_path,
                                               monkeypatch):
    path = tmp_path / "a.cxmap"
    cxmap.save(small_map(), path)
    window = open_window(path)
    choose(monkeypatch, "html")
    monkeypatch.setattr(MainWindow, "ask_save_path", lambda *a: "")
    rx.export_report(window)
    assert rd.load_options(path, "Shop").format == "html"
    seen = []
    monkeypatch.setattr(rd.ReportDialog, "exec",
                        lambda dialog: seen.append(dialog) or QDialog.Rejected)
    rx.export_report(window)
    assert seen[0].format.currentData() == "html"


def test_the_dialog_offers_only_what_a_format_uses(qtbot, close_windows):
    window = open_window()
    dialog = rd.ReportDialog(window.document.journey, rd.ReportOptions(), "", window)
    for key in export_formats.FORMATS:
        dialog.format.setCurrentIndex(dialog.format.findData(key))
        assert dialog.sections_box.isEnabled() == (key in ("pdf", "pptx"))
        assert dialog.paper.isEnabled() == (key == "pdf")
        assert dialog.brand_box.isEnabled() == (key in ("pdf", "pptx"))
    dialog.format.setCurrentIndex(dialog.format.findData("mermaid"))
    for box in dialog.section_boxes.values():
        box.setChecked(False)
    assert dialog.ok_button.isEnabled()  # no sections needed
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert not dialog.ok_button.isEnabled()
    dialog.deleteLater()


@pytest.mark.parametrize("key", export_formats.FORMATS)
def test_every_format_has_a_name_and_a_file_filter(key):
    assert export_formats.label(key) and export_formats.SUFFIX[key] in \
        export_formats.file_filter(key)


def test_the_picture_bridge_gives_up_when_the_editor_quits(qapp):
    from cxdesigner.export.deck_map import MapPictureError

    bridge = export_formats.PictureBridge()
    bridge._quitting.set()  # what the application's aboutToQuit does
    caught = []

    def worker():
        try:
            bridge.picture(small_map(), None, [])
        except MapPictureError as exc:
            caught.append(exc)
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(10)  # the GUI thread never answers here: the worker must not hang
    assert not thread.is_alive() and len(caught) == 1


def test_the_report_compares_with_the_snapshot_chosen_in_the_dialog(qtbot, close_windows,
                                                                    tmp_path, monkeypatch,
                                                                    errors):
    import datetime as dt

    from cxdesigner.model import snapshots

    journey = small_map()
    snapshots.take_snapshot(journey, "Winter", dt.datetime(2026, 1, 5, 9))
    snapshots.take_snapshot(journey, "Spring", dt.datetime(2026, 4, 5, 9))
    window = open_window(journey=journey)
    seen = []

    def fake_exec(dialog):
        seen.append(dialog)
        assert dialog.since.isEnabled() and dialog.since.itemData(1) == "Spring"
        dialog.since.setCurrentIndex(dialog.since.findData("Winter"))
        dialog.accept()
        return dialog.result()
    monkeypatch.setattr(rd.ReportDialog, "exec", fake_exec)
    out = tmp_path / "r.pdf"
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(out.with_suffix("")))
    job = rx.export_report(window)
    qtbot.waitUntil(out.exists, timeout=120_000)
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Progress since Winter" in text and errors == []
