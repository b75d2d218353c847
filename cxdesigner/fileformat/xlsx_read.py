"""Reading a spreadsheet (.xlsx) as rows of text, safely (no Qt).

openpyxl reads the workbook; we bound what it may cost first.  An .xlsx is a zip of
XML parts: a hostile one can be a zip bomb (a few KiB that inflate to gigabytes) or
XML with entity tricks.  So the zip's listed sizes are checked before anything is
inflated (``MAX_UNPACKED`` in all, and no part inflating more than ``MAX_RATIO``
times), defusedxml (a dependency) guards openpyxl's XML parsing, the sheet is read in
read-only mode row by row, and rows and columns past the limits stop the read with a
clear message.  Every failure is a ``FileFormatError`` naming the file.

Cells come back as text, the way the journey CSV reads them: whole numbers without
``.0``, dates as ``YYYY-MM-DD`` (a time of day too, when it has one), empty cells as
``""``.
"""

from __future__ import annotations

import datetime as _dt
import os
import zipfile
from pathlib import Path
from typing import Any

from .errors import FileFormatError

MAX_XLSX_BYTES = 32 * 1024 * 1024  # the file itself
MAX_UNPACKED = 256 * 1024 * 1024  # all its parts inflated
MAX_RATIO = 200  # a part may inflate this many times its packed size (and 1 MiB more)
MAX_ROWS = 200_000
MAX_COLUMNS = 200


def read_rows(path: str | os.PathLike[str], sheet: str | None = None,
              max_rows: int = MAX_ROWS) -> tuple[list[list[str]], str]:
    """The rows of a workbook's sheet (the first, or the one named ``sheet``) as text,
    trailing empty rows dropped, and the sheet's name."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileFormatError(f"Cannot read the spreadsheet: {exc.strerror or exc}.",
                              str(path)) from None
    if not path.is_file():
        raise FileFormatError("This is not a regular file.", str(path))
    if size > MAX_XLSX_BYTES:
        raise FileFormatError(f"The spreadsheet is {size / 2**20:,.1f} MiB; CX Designer reads "
                              f"at most {MAX_XLSX_BYTES // 2**20} MiB.", str(path))
    _check_zip(path)
    try:
        import openpyxl
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileFormatError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise FileFormatError(f"{name} is not a spreadsheet CX Designer can read "
                              f"({type(exc).__name__}: {str(exc)[:200]}).", str(path)) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise FileFormatError(f"The workbook has no sheet called {sheet!r:.60}.", str(path))
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        rows: list[list[str]] = []
        try:
            for number, values in enumerate(ws.iter_rows(values_only=True), 1):
                if number > max_rows:
                    raise FileFormatError(f"The sheet {ws.title!r:.60} has more than "
                                          f"{max_rows:,} rows; CX Designer reads at most "
                                          f"{max_rows:,}.", str(path))
                if len(values) > MAX_COLUMNS and any(
                        v not in (None, "") for v in values[MAX_COLUMNS:]):
                    raise FileFormatError(f"Row {number} of the sheet {ws.title!r:.60} has "
                                          f"more than {MAX_COLUMNS} columns.", str(path))
                rows.append([cell_text(v) for v in values[:MAX_COLUMNS]])
        except FileFormatError:
            raise
        except Exception as exc:
            raise FileFormatError(f"The sheet {ws.title!r:.60} could not be read "
                                  f"({type(exc).__name__}: {str(exc)[:200]}).",
                                  str(path)) from None
        while rows and not any(rows[-1]):
            rows.pop()
        for row in rows:
            while row and row[-1] == "":
                row.pop()
        return rows, ws.title
    finally:
        book.close()


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            total = 0
            for info in archive.infolist():
                total += info.file_size
                if info.file_size > MAX_RATIO * max(info.compress_size, 1) + 2**20:
                    raise FileFormatError(f"The part {info.filename!r:.60} would inflate "
                                          f"{info.file_size:,} bytes from "
                                          f"{info.compress_size:,}: refused as a zip bomb.",
                                          str(path))
            if total > MAX_UNPACKED:
                raise FileFormatError(f"The spreadsheet's parts would take "
                                      f"{total / 2**20:,.0f} MiB unpacked; CX Designer "
                                      f"reads at most {MAX_UNPACKED // 2**20} MiB.", str(path))
    except zipfile.BadZipFile:
        raise FileFormatError(f"{path.name} is not an .xlsx workbook (it is not a zip "
                              "archive; an old .xls must be saved as .xlsx first).",
                              str(path)) from None
    except OSError as exc:
        raise FileFormatError(f"Cannot read the spreadsheet: {exc.strerror or exc}.",
                              str(path)) from None


def cell_text(value: Any) -> str:
    """A cell's value as the journey CSV would hold it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return str(int(value))
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0):
            return value.date().isoformat()
        return value.isoformat(timespec="seconds")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    return str(value)
