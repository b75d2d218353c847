"""The journey spreadsheet as XLSX in the editor: File > Export > Journey (XLSX)…,
File > Import Spreadsheet… and a dropped workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from cxdesigner.fileformat import cxmap
from cxdesigner.fileformat.csvio import export_csv_text
from cxdesigner.fileformat.xlsx_journey import import_xlsx
from cxdesigner.model import schema as S
from cxdesigner.ui import main_window as mw
from cxdesigner.ui.main_window import MainWindow

from test_main_window import drop

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_HE = ROOT / "resources" / "samples" / "bakery-he.cxmap"


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(text) or QMessageBox.Ok)
    return shown


@pytest.fixture
def workbook(tmp_path) -> Path:
    book = openpyxl.Workbook()
    for row in (["stage", "touchpoint", "channel", "emotion"], ["Awareness", "Flyer", "ads", 1],
                ["Purchase", "Till", "store", -1]):
        book.active.append(row)
    book.save(tmp_path / "workshop.xlsx")
    return tmp_path / "workshop.xlsx"


def test_export_xlsx_writes_the_maps_rows_into_a_right_to_left_workbook(
        qtbot, temp_settings, close_all_windows, tmp_path, monkeypatch, errors):
    window = MainWindow.open_new(SAMPLE_HE)
    asked = []
    monkeypatch.setattr(window, "ask_save_path", lambda title, name_filter, suggested: asked.append(
        (name_filter, suggested)) or str(tmp_path / "out"))
    window.act.export_xlsx.trigger()
    written = tmp_path / "out.xlsx"  # the suffix added to a name without one
    assert errors == [] and "*.xlsx" in asked[0][0] and asked[0][1].name == "bakery-he.xlsx"
    assert export_csv_text(import_xlsx(written).journey) == \
        export_csv_text(cxmap.load(SAMPLE_HE).journey)
    assert openpyxl.load_workbook(written).active.sheet_view.rightToLeft
    assert "Exported" in window.statusBar().currentMessage()


def test_export_xlsx_onto_the_maps_own_file_is_refused(qtbot, temp_settings, close_all_windows,
                                                       tmp_path, monkeypatch, errors):
    own = tmp_path / "shop.xlsx"  # a map saved under a workbook's name
    cxmap.save(cxmap.load(SAMPLE_HE).journey, own)
    window = MainWindow.open_new(own)
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(own))
    window.act.export_xlsx.trigger()
    assert len(errors) == 1 and "own file" in errors[0]
    assert cxmap.load(own).journey.count(S.TOUCHPOINT) == 26


def test_import_spreadsheet_offers_workbooks_and_opens_one_as_a_new_map(
        qtbot, temp_settings, close_all_windows, monkeypatch, errors, workbook):
    window = MainWindow.open_new(None)
    offered = []
    monkeypatch.setattr(window, "ask_open_path",
                        lambda title, name_filter: offered.append(name_filter) or str(workbook))
    window.act.import_csv.trigger()
    assert "*.csv" in offered[0] and "*.xlsx" in offered[0]
    imported = mw.windows()[-1]
    assert imported is not window and errors == []
    assert imported.document.path is None and imported.document.is_modified
    journey = imported.document.journey
    assert [journey.title(tp) for tp in journey.journey_order()] == ["Flyer", "Till"]


def test_a_bad_workbook_is_explained_with_its_row_and_column(
        qtbot, temp_settings, close_all_windows, tmp_path, monkeypatch, errors):
    book = openpyxl.Workbook()
    book.active.title = "Plan"
    for row in (["stage", "touchpoint", "emotion"], ["Buy", "Till", 9]):
        book.active.append(row)
    book.save(tmp_path / "bad.xlsx")
    window = MainWindow.open_new(None)
    monkeypatch.setattr(window, "ask_open_path", lambda *a: str(tmp_path / "bad.xlsx"))
    window.act.import_csv.trigger()
    assert len(errors) == 1 and 'Row 2 of sheet "Plan", column "emotion"' in errors[0]
    assert mw.windows() == [window]


def test_a_dropped_workbook_is_imported_as_a_new_map(qtbot, temp_settings, close_all_windows,
                                                     workbook):
    window = MainWindow.open_new(SAMPLE_HE)  # not pristine: the import gets a window
    window.show()
    assert drop(window, workbook).isAccepted()
    qtbot.waitUntil(lambda: len(mw.windows()) == 2)
    assert mw.windows()[1].document.journey.count(S.TOUCHPOINT) == 2
