"""Reading .xlsx safely: cells as text, damaged and hostile workbooks refused clearly."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest

from cxdesigner.fileformat import xlsx_read
from cxdesigner.fileformat.errors import FileFormatError


def _book(path, rows, title="Survey"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_cells_read_as_the_csv_would_hold_them(tmp_path):
    path = _book(tmp_path / "s.xlsx", [["date", "nps", "comment"],
                                       [dt.datetime(2026, 3, 1), 9, "שירות מעולה"],
                                       [dt.date(2026, 3, 2), 7.0, None], [None, None, None]])
    rows, name = xlsx_read.read_rows(path)
    assert name == "Survey"
    assert rows == [["date", "nps", "comment"], ["2026-03-01", "9", "שירות מעולה"],
                    ["2026-03-02", "7"]]


def test_a_file_that_is_not_a_workbook_is_named(tmp_path):
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0 an old xls")
    with pytest.raises(FileFormatError, match="not an .xlsx workbook"):
        xlsx_read.read_rows(path)


def test_a_zip_bomb_is_refused_before_inflating(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 * 2**20))
    with pytest.raises(FileFormatError, match="zip bomb"):
        xlsx_read.read_rows(path)


def test_a_zip_that_is_not_a_workbook_is_explained(tmp_path):
    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(FileFormatError, match="not a spreadsheet CX Designer can read"):
        xlsx_read.read_rows(path)


def test_too_many_rows_stop_the_read(tmp_path):
    path = _book(tmp_path / "s.xlsx", [[i] for i in range(30)])
    with pytest.raises(FileFormatError, match="more than 20 rows"):
        xlsx_read.read_rows(path, max_rows=20)


def test_a_missing_sheet_is_named(tmp_path):
    path = _book(tmp_path / "s.xlsx", [["a"]])
    with pytest.raises(FileFormatError, match="no sheet called 'Journey'"):
        xlsx_read.read_rows(path, sheet="Journey")


def test_a_folder_is_not_read(tmp_path):
    with pytest.raises(FileFormatError, match="not a regular file"):
        xlsx_read.read_rows(tmp_path)
