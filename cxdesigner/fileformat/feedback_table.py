"""Survey exports as feedback items: a CSV or an .xlsx sheet, one item per row (no Qt).

The first non-empty row names the columns, in English or Hebrew, case, spaces, dashes
and underscores aside (``COLUMN_NAMES``).  Every other column is kept, as the file
wrote it, in the item's ``fields``; a column that names the customer (``NAME_COLUMNS``)
is kept too, and its words are masked in the row's texts unless personal data is
kept.  A touchpoint is named by its title; a title the map does not have leaves the
item unmatched, with a warning, and the file's text in ``fields``.

A value that cannot be what its column says (an NPS of 11, a CSAT of "good", a date
that is no date) stops the import with the line and the column: a survey export is
made by a program, so one bad value usually means a wrong file or a wrong column.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model import schema as S
from ..model.journey import JourneyMap
from . import files
from .csv_limits import quote_problem
from .csvio import CsvError, records
from .errors import FileFormatError, Problem
from .feedback_warnings import WarningLog
from .xlsx_read import read_rows

MAX_TABLE_BYTES = 64 * 1024 * 1024
MAX_SHORT = 200  # channel, source; and a column's name, as the map keeps it
MAX_FIELD = 10_000  # one of the file's own columns (schema.feedback_fields)
SURVEY = "survey"  # the source of a row whose file has no source column

DATE, TOUCHPOINT, CHANNEL, NPS, CSAT, COMMENT, SOURCE = COLUMNS = (
    "date", "touchpoint", "channel", "nps", "csat", "comment", "source")
COLUMN_NAMES = {DATE: ("date", "תאריך"), TOUCHPOINT: ("touchpoint", "נקודת מגע"),
                CHANNEL: ("channel", "ערוץ"), NPS: ("nps",), CSAT: ("csat",),
                COMMENT: ("comment", "comments", "תגובה", "תגובות"),
                SOURCE: ("source", "מקור")}
NAME_COLUMNS = ("name", "full name", "first name", "last name", "customer name",
                "שם", "שם מלא", "שם פרטי", "שם משפחה", "שם הלקוח")
_EXPECTED = ", ".join(" / ".join(names) for names in COLUMN_NAMES.values())


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.casefold())


_HEADER = {_key(n): col for col, names in COLUMN_NAMES.items() for n in names}
_NAMES = {_key(n) for n in NAME_COLUMNS}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DAY_FIRST = re.compile(r"(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?")
_SERIAL = re.compile(r"\d{1,7}(?:\.\d+)?")
_WHOLE = re.compile(r"(\d{1,2})(?:\.0+)?")


class FeedbackError(FileFormatError):
    """A feedback file that cannot be imported; the message names the line and column."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: str | None = None):
        where = [f"line {line}"] if line else []
        where += [f'column "{column}"'] if column is not None else []
        super().__init__(message, path or None, ", ".join(where) or None)
        self.line, self.column = line, column

    def __str__(self) -> str:
        # The message already says where, so the base class's " at ..." would repeat it.
        return f"{self.path}: {self.message}" if self.path else self.message


@dataclass
class TableRead:
    """Items ready for ``JourneyMap.add_feedback`` (not masked yet); per item, the
    customer's name words found in its name columns; warnings and how it was read."""

    items: list[dict] = field(default_factory=list)
    names: list[list[str]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    encoding: str = "utf-8"


def read_table(path: str | os.PathLike[str], journey: JourneyMap) -> TableRead:
    """Read a survey export: ``.xlsx`` by its content (a zip), anything else as CSV."""
    name = os.fspath(path)
    data = files.read_bytes(name, MAX_TABLE_BYTES, "feedback file")
    if data.startswith(b"PK\x03\x04") or name.lower().endswith(".xlsx"):
        rows, _sheet = read_rows(name, max_rows=S.MAX_FEEDBACK + 1000)
        return _read(((n, row) for n, row in enumerate(rows, 1)), name, journey, "Row",
                     excel=True)
    if b"\0" in data[:1_000_000] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FeedbackError("The file holds binary data, so it is not a CSV file or a "
                            'workbook CX Designer can read. Save it as "CSV UTF-8".', name)
    text, encoding = _decode(data, name)
    if not text.strip():
        raise FeedbackError("The file is empty.", name)
    delimiter = _delimiter(text, name)
    result = _read(_records(text, delimiter, name), name, journey, "Line", excel=False)
    result.encoding = encoding
    if encoding not in ("utf-8", "utf-16"):
        result.warnings.insert(0, Problem(Path(name).name, f"The file is not UTF-8; it was "
                                          f"read as {encoding}.", "kept"))
    return result


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" (tabs)
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise FeedbackError("The file starts as UTF-16 text but is damaged further "
                                "on.", name) from None
        if "\0" in text:
            raise FeedbackError("The file holds binary data, so it is not a CSV file.", name)
        return text, "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        bad = data.count(b"\n", 0, exc.start) + 1
    loose = data.decode("utf-8", "replace")
    broken = loose.count("\ufffd")
    if sum(not c.isascii() for c in loose) - broken > broken:
        # Mostly good UTF-8: a damaged file, which another code page would turn to
        # nonsense without a word.
        raise FeedbackError(f"The file is UTF-8 text with {broken:,} damaged "
                            f"byte{'s' if broken != 1 else ''}, the first on line {bad}. "
                            'Save it again as "CSV UTF-8".', name, bad)
    # Old Excel saves "CSV" in the system's code page: Hebrew (1255) or Western (1252).
    for encoding in ("windows-1255", "windows-1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "windows-1252" or re.search("[\u05d0-\u05ea]", text):
            return text, encoding
    raise FeedbackError(f"The file is not UTF-8 text (the first bad byte is on line {bad}), "
                        'nor Hebrew or Western Windows text. Save it as "CSV UTF-8".', name,
                        bad)


def _delimiter(text: str, name: str) -> str:
    """The delimiter that splits the header into the most names we know (then the
    most cells); a tab for a ``.tsv``, a comma when nothing tells."""
    line = next((ln for ln in io.StringIO(text, newline="") if ln.strip()), "")
    if len(line) > 1_000_000:
        line = line[:1_000_000]

    def score(delimiter: str) -> tuple[int, int, bool]:
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            return 0, 0, False
        known = sum(_key(c) in _HEADER for c in cells)
        return known, len(cells) if known else 0, delimiter == (
            "\t" if name.lower().endswith(".tsv") else ",")
    return max(",;\t|", key=score)


def _records(text: str, delimiter: str, name: str):
    """(row number as a spreadsheet counts it, cells, the raw lines) of each record:
    the journey importer's reader (``csvio.records``), its refusals in our terms."""
    try:
        for number, cells, raw, _ in records(text, name, delimiter):
            yield number, cells, raw, delimiter
    except CsvError as exc:
        raise FeedbackError(exc.message, name, exc.line) from None


def _read(records, name: str, journey: JourneyMap, row_word: str, excel: bool) -> TableRead:
    result = TableRead()
    log = WarningLog()
    base = Path(name).name
    header: list[str] | None = None
    columns: list[str | None] = []
    index = _touchpoints(journey)
    count = 0
    for record in records:
        line, cells = record[0], record[1]
        if len(record) > 2:  # CSV: a lost quote swallows rows into one cell
            problem = quote_problem(record[2], cells, record[3], header, ())
            if problem:
                raise FeedbackError(f"{row_word} {line}: {problem[1]}", name, line, problem[0])
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header, columns = _header(cells, line, name, log, base)
            continue
        count += 1
        if count > S.MAX_FEEDBACK:
            raise FeedbackError(f"The file has more than {S.MAX_FEEDBACK:,} rows, more than a "
                                "map may keep. Split it or keep the latest rows.", name, line)
        item, names = _row(cells, line, header, columns, name, row_word, excel)
        typed = item.pop("_touchpoint", "")
        if typed:
            found = index.get(_title_key(typed), [])
            if len(found) == 1:
                item["touchpoint"] = found[0]
            else:
                where = f'{row_word.lower()} {line}, column "{_column(header, columns)}"'
                what = "is the title of several touchpoints" if found else \
                    "names no touchpoint of this map"
                log.add(base, where, f'"{typed[:60]}" {what}; the item is left unmatched.',
                        many=("rows name a title several touchpoints share" if found else
                              "rows name a touchpoint the map does not have")
                        + ", so their items are left unmatched", note=f'"{typed[:30]}"')
                item["fields"][_column(header, columns)] = typed[:MAX_FIELD]
        item["source"] = item["source"] or SURVEY  # the editor names it in its language
        result.items.append(item)
        result.names.append(names)
    if header is None:
        raise FeedbackError("The file is empty.", name)
    if not result.items:
        raise FeedbackError("The file has a header but no feedback rows.", name)
    result.warnings = log.problems()
    return result


def _column(header: list[str], columns: list[str | None]) -> str:
    return header[columns.index(TOUCHPOINT)].strip()[:MAX_SHORT]


def _header(cells: list[str], line: int, name: str, log: WarningLog, base: str
            ) -> tuple[list[str], list[str | None]]:
    columns: list[str | None] = []
    seen: dict[str, str] = {}
    kept = 0
    for i, cell in enumerate(cells):
        label = cell.strip()
        column = _HEADER.get(_key(label))
        if column in seen:
            raise FeedbackError(f'Line {line} has two columns for {column}: "{seen[column]}" '
                                f'and "{label[:60]}". Keep one of them.', name, line, label[:60])
        if column:
            seen[column] = label
        elif kept >= S.MAX_FEEDBACK_FIELDS - 1:  # one place kept for an unknown touchpoint
            log.add(base, f"line {line}, column {i + 1}", "A map keeps at most "
                    f"{S.MAX_FEEDBACK_FIELDS - 1} of a file's own columns; the cells of this "
                    "one were left out.", "dropped", many="columns past the ones a map keeps "
                    "were left out")
            column = ""
        else:
            kept += 1
        columns.append(column)
    if not seen:
        raise FeedbackError(f"Line {line} names no column CX Designer reads as feedback. The "
                            f"first row must name the columns, among them: {_EXPECTED}.",
                            name, line)
    return [c.strip() for c in cells], columns


def _row(cells: list[str], line: int, header: list[str], columns: list[str | None],
         name: str, row_word: str, excel: bool) -> tuple[dict, list[str]]:
    item: dict = {"title": "", "description": "", "date": None, "source": "", "channel": "",
                  "nps": None, "csat": None, "fields": {}, "_touchpoint": ""}
    names: list[str] = []
    if any(c.strip() for c in cells[len(columns):]):
        raise FeedbackError(f"{row_word} {line} has {len(cells)} cells, but the header names "
                            f"only {len(columns)} columns. A text probably holds the delimiter: "
                            "put that cell in quotes.", name, line)
    for i, (column, raw) in enumerate(zip(columns, cells)):
        value = raw.strip()
        label = header[i] or f"column {i + 1}"
        if not value or column == "":
            continue

        def fail(problem: str, label: str = label) -> FeedbackError:
            return FeedbackError(f'{row_word} {line}, column "{label[:60]}": {problem}', name,
                                 line, label[:60])
        limit = {COMMENT: S.MAX_TEXT, TOUCHPOINT: S.MAX_TEXT, CHANNEL: MAX_SHORT,
                 SOURCE: MAX_SHORT}.get(column or "", MAX_FIELD)
        if len(value) > limit:
            raise fail(f"the cell has {len(value):,} characters, more than the {limit:,} this "
                       "column may have.")
        if column == DATE:
            item["date"] = _date(value, excel, fail)
        elif column in (NPS, CSAT):
            low, high = (0, 10) if column == NPS else (1, 5)
            m = _WHOLE.fullmatch(value)
            if not m or not low <= int(m[1]) <= high:
                raise fail(f'"{value[:40]}" is not a {column.upper()} answer: use a whole '
                           f"number from {low} to {high}, or leave the cell empty.")
            item[column] = int(m[1])
        elif column == COMMENT:
            item["description"] = value
        elif column in (CHANNEL, SOURCE, TOUCHPOINT):
            item["_" + column if column == TOUCHPOINT else column] = value
        else:
            key = _field_key(label[:MAX_SHORT], item["fields"])
            item["fields"][key] = value
            if _key(label) in _NAMES:
                names.append(value)
    return item, names


def _field_key(label: str, taken: dict) -> str:
    key, n = label, 1
    while key in taken:
        n += 1
        key = f"{label[:MAX_SHORT - 6]} ({n})"
    return key


def _date(value: str, excel: bool, fail) -> str:
    try:
        if m := _ISO.fullmatch(value):
            return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        if m := _DAY_FIRST.fullmatch(value):
            return _dt.date(int(m[4]), int(m[3]), int(m[1])).isoformat()
        if excel and _SERIAL.fullmatch(value) and 1 <= float(value) < 2958466:
            # Excel counts days from 1899-12-30 (its 1900 leap-year slip included).
            return (_dt.date(1899, 12, 30) + _dt.timedelta(days=int(float(value)))).isoformat()
    except ValueError:
        raise fail(f'"{value[:40]}" is not a day of the calendar.') from None
    raise fail(f'"{value[:40]}" is not a date. Write it as YYYY-MM-DD, D/M/YYYY or '
               "DD.MM.YYYY (day first), or leave the cell empty.")


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _touchpoints(journey: JourneyMap) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for tp in journey.journey_order():
        index.setdefault(_title_key(journey.title(tp)), []).append(tp)
    return index
