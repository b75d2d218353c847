"""The journey spreadsheet as an Excel workbook (.xlsx), import and export (no Qt).

The same columns and rows as the journey CSV (``csvio``): export writes
``csvio.export_rows`` into one sheet, import reads the first sheet with
``xlsx_read.read_rows`` (bounded against zip bombs and hostile XML) and sends its rows
through ``csvio.import_records``, the CSV's own checks, so a bad value is refused the
same way, naming the sheet's row and column.

Every text goes into a text cell: a title that starts with "=", "+", "-" or "@" stays
text in Excel, never a formula, and needs no apostrophe (the CSV's guard), so it comes
back exactly.  The header is bold and frozen, the columns as wide as their texts need
(within bounds), and a right-to-left map's sheet reads right to left.  Characters XML
cannot hold (control characters other than tab and line breaks) are left out, or
become a space where they separated words (``xmltext.xml_text``).
"""

from __future__ import annotations

import io
import os

from ..model import schema as S
from ..model.journey import JourneyMap
from . import files, xlsx_read
from .csvio import CsvError, CsvImport, Place, export_rows, import_records
from .errors import FileFormatError
from .xmltext import xml_text

EXCEL_CELL_CHARS = 32_767  # the most Excel shows in one cell; a longer one is "repaired"
MIN_WIDTH, MAX_WIDTH = 8, 60  # column widths, in characters


def import_xlsx(path: str | os.PathLike[str], title: str | None = None) -> CsvImport:
    """Import the journey from a workbook's first sheet; the map's title is the file's
    name unless given."""
    name = os.fspath(path)
    try:
        rows, sheet = xlsx_read.read_rows(name)
    except CsvError:
        raise
    except FileFormatError as exc:
        raise CsvError(exc.message, name) from None
    place = Place(name, sheet)
    if not any(any(c.strip() for c in row) for row in rows):
        raise place.error(f'The sheet "{sheet}" is empty.')
    records = ((n, row, None, n) for n, row in enumerate(rows, 1))
    return import_records(records, place, title, unescape=False)


def export_xlsx_bytes(journey: JourneyMap, persona: str = S.GENERAL) -> bytes:
    """The journey as a workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    header, rows = export_rows(journey, persona)
    language = "he" if journey.document["language"] == "he" else "en"
    book = Workbook()
    sheet = book.active
    sheet.title = "מסע הלקוח" if language == "he" else "Journey"
    sheet.sheet_view.rightToLeft = journey.document["direction"] == "rtl"
    widths = [len(name) for name in header]
    sheet.append([xml_text(name) for name in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, row in enumerate(rows, 2):
        for column, value in enumerate(row, 1):
            if value is None or value == "":
                continue
            cell = sheet.cell(number, column)
            if isinstance(value, int):
                cell.value = value
                continue
            text = xml_text(value)
            if len(text) > EXCEL_CELL_CHARS:
                raise CsvError(f'Row {number:,}, column "{header[column - 1]}": the text has '
                               f"{len(text):,} characters, more than the {EXCEL_CELL_CHARS:,} "
                               "Excel keeps in a cell. Shorten it, or export the CSV.")
            cell.value = text
            cell.data_type = "s"  # openpyxl takes "=..." for a formula otherwise
            if "\n" in text:
                cell.alignment = wrap
            widths[column - 1] = max(widths[column - 1], *map(len, text.split("\n")))
    for column, width in enumerate(widths, 1):
        letter = sheet.cell(1, column).column_letter
        sheet.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_xlsx(journey: JourneyMap, path: str | os.PathLike[str],
                persona: str = S.GENERAL) -> None:
    """Write the journey as a workbook, atomically (``files.write_atomic``), as the CSV."""
    target = os.fspath(path)
    try:
        data = export_xlsx_bytes(journey, persona)
    except CsvError as exc:
        raise CsvError(exc.message, target) from None
    try:
        files.write_atomic(target, data, backup=False)
    except FileFormatError as exc:
        raise CsvError(exc.message.replace("Could not save", "The spreadsheet could not be "
                                           "written"), target) from None


def import_sheet(path: str | os.PathLike[str], title: str | None = None) -> CsvImport:
    """Import a journey spreadsheet, a workbook or a CSV as its extension says."""
    from .csvio import import_csv

    is_book = os.fspath(path).lower().endswith(".xlsx")
    return (import_xlsx if is_book else import_csv)(path, title)
