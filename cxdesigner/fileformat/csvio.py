"""The journey CSV: a workshop spreadsheet imported as a map, and a map exported back.

One row per touchpoint, in journey order, under a header row naming the columns in
English or Hebrew.  Import checks every row before it builds anything, so a bad file
creates no document; it also counts what each row would add and stops at the first row
that would make a map too big to save and open, or that a lost quote has swallowed
(``csv_limits``).  Export writes the same columns, so a map survives the round trip
except for what a CSV cannot carry: personas, actions, scores, notes of other kinds,
stages without touchpoints and flows other than the one path in journey order.
The lanes' cells and fail/wait points have columns of their own (``csv_lanes``).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..model import schema as S
from ..model.journey import JourneyMap
from . import csv_lanes as CL
from . import files
from .csv_limits import ImportBudget, quote_problem, unclosed
from .errors import FileFormatError, Problem

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 1_000
STEP_X = 240.0  # the distance between neighbouring touchpoints of a stage
_TOO_BIG = f"The file is larger than {MAX_BYTES // 2**20} MiB, more than a journey CSV may be."

STAGE, TOUCHPOINT, CHANNEL, EMOTION, PAINS, OPPORTUNITIES = COLUMNS = (
    "stage", "touchpoint", "channel", "emotion", "pain_points", "opportunities")
HEBREW_COLUMNS = ("שלב", "נקודת מגע", "ערוץ", "רגש", "נקודות כאב", "הזדמנויות")
NOTE_COLUMNS = {PAINS: "pain_point", OPPORTUNITIES: "opportunity"}

_HEADER_NAMES = {STAGE: ("stage",), TOUCHPOINT: ("touchpoint",), CHANNEL: ("channel",),
                 EMOTION: ("emotion", "feeling"), PAINS: ("pain points", "pain point", "pains"),
                 OPPORTUNITIES: ("opportunities", "opportunity")}
# Spaces, dashes, quotes and case do not matter here (see _key): "web site" is "website".
_CHANNEL_NAMES = {
    "advertising": ("ads", "ad", "advert", "advertisement", "פרסום", "פרסומת", "מודעה"),
    "website": ("web", "site", "אתר", "אתר אינטרנט"),
    "app": ("application", "mobile app", "אפליקציה", "יישומון"),
    "social": ("social media", "social network", "facebook", "instagram", "tiktok", "linkedin",
               "רשתות חברתיות", "רשת חברתית", "פייסבוק", "אינסטגרם"),
    "search": ("google", "search engine", "חיפוש", "גוגל"),
    "reviews": ("review", "word of mouth", "recommendations", "ביקורות", "ביקורת", "המלצות",
                "המלצה", "מפה לאוזן"),
    "phone": ("call centre", "call center", "telephone", "טלפון", "מוקד", "מוקד טלפוני"),
    "chat": ("live chat", "צ'אט"), "whatsapp": ("וואטסאפ", "ווטסאפ"),
    "email": ("mail", "מייל", "אימייל", 'דוא"ל', "דואר אלקטרוני"),
    "store": ("shop", "sales floor", "branch", "חנות", "סניף", "אולם מכירות"),
    "face_to_face": ("in person", "פנים אל פנים", "פרונטלי"),
    "delivery": ("packaging", "shipping", "משלוח", "אריזה"), "other": ("אחר",),
}


def _key(name: str) -> str:
    """A name without case, spaces, dashes or quotes: "Pain_Points" is "pain points",
    and the ways Hebrew writes its abbreviations match (צ'אט, צ׳אט; דוא"ל, דוא״ל)."""
    return re.sub(r"[\s_\-'\"`\u2018\u2019\u05f3\u05f4]+", "", name.casefold())


_HEADER = {_key(n): col for col, names in _HEADER_NAMES.items() for n in names}
_HEADER.update({_key(he): col for col, he in zip(COLUMNS, HEBREW_COLUMNS)})
_HEADER.update({_key(n): col for col in CL.MARK_COLUMNS for n in (
    col, CL.MARK_HEADERS["he"][col], *CL.MARK_NAMES[col])})
_LANE_WORDS = CL.kind_words(_key)
_CHANNEL = {_key(n): ch for ch in S.CHANNELS for n in (ch, *_CHANNEL_NAMES.get(ch, ()))}
_HEBREW = re.compile("[\u05d0-\u05ea]")
# What a spreadsheet runs as a formula.  Runs of apostrophes count too, so that a title
# which itself starts with "'=" survives the round trip.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_EMOTION = re.compile(r"([+\-\u2212]?)0*([0-9])")
# A checked row: stage title, touchpoint title, touchpoint fields, notes (kind, title).
_Row = tuple[str, str, dict, list[tuple[str, str]]]


class CsvError(FileFormatError):
    """A CSV that cannot be imported or written; the message names the line and column."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: str | None = None, sheet: str | None = None):
        # A workbook's sheet has rows where a CSV file has lines.
        where = [f'sheet "{sheet}"'] if sheet is not None else []
        where += [f"{'line' if sheet is None else 'row'} {line}"] if line else []
        where += [f'column "{column}"'] if column is not None else []
        super().__init__(message, path or None, ", ".join(where) or None)
        self.line, self.column, self.sheet = line, column, sheet

    def __str__(self) -> str:
        # The message already says where, so the base class's " at ..." would repeat it.
        return f"{self.path}: {self.message}" if self.path else self.message


@dataclass(frozen=True)
class Place:
    """Where the rows come from, for messages: a CSV file's lines, or the rows of a
    workbook's sheet."""
    source: str
    sheet: str | None = None

    def at(self, line: int, start: bool = True) -> str:
        """"Line 5", or 'Row 5 of sheet "Journey"' (lower case inside a sentence)."""
        where = (f"Line {line:,}" if self.sheet is None
                 else f'Row {line:,} of sheet "{self.sheet}"')
        return where if start else where[0].lower() + where[1:]

    def error(self, message: str, line: int | None = None, column: str | None = None
              ) -> CsvError:
        return CsvError(message, self.source, line, column, self.sheet)


@dataclass
class CsvImport:
    journey: JourneyMap
    warnings: list[Problem] = field(default_factory=list)


def import_csv(path: str | os.PathLike[str], title: str | None = None) -> CsvImport:
    """Import a journey CSV file; the map's title is the file's name unless given."""
    name = os.fspath(path)
    try:
        # Checked before a byte is read: a named pipe or device must not block the import.
        f, st = files.open_regular(name, None, what="CSV file")
    except FileFormatError as exc:
        reason = exc.message[:1].lower() + exc.message[1:]
        raise CsvError(f"The file could not be read: {reason}", name) from None
    with f:
        if st.st_size > MAX_BYTES:
            raise CsvError(_TOO_BIG, name)
        try:
            data = f.read(MAX_BYTES + 1)
        except OSError as exc:
            raise CsvError(f"The file could not be read: {exc.strerror or exc}.", name) from None
    return read_csv_bytes(data, name, title)


def read_csv_bytes(data: bytes | str, source: str = "", title: str | None = None) -> CsvImport:
    """Import a journey CSV from its contents (a dropped file, say).

    ``source`` names the file in messages and gives the map its title unless ``title``
    is given.
    """
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")  # a lone surrogate then fails below
    if len(data) > MAX_BYTES:
        raise CsvError(_TOO_BIG, source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CsvError(f"The file is not UTF-8 text (the first bad byte is on line {line}). "
                       'Save it from your spreadsheet as "CSV UTF-8".', source) from None
    if "\0" in text:
        raise CsvError("The file holds binary data, so it is not a CSV file. If it is a "
                       'workbook, save it from your spreadsheet as "CSV UTF-8".', source)
    if not text.strip():
        raise CsvError("The file is empty.", source)
    delimiter = _delimiter(text)

    def check(raw: list[str], cells: list[str], header: list[str] | None,
              required: tuple[int, ...], line: int, physical: int) -> None:
        _check_quotes(quote_problem(raw, cells, delimiter, header, required), line, physical,
                      source)
    return import_records(records(text, source, delimiter), Place(source), title, check)


def import_records(records, place: Place, title: str | None = None, check=None,
                   unescape: bool = True) -> CsvImport:
    """Check the rows of a journey spreadsheet, then build its map: the one path of
    the CSV and the XLSX import.  ``records`` yields (row number, cells, the row's
    raw lines, its first line in the file); ``check`` looks at each record before it
    is read (the CSV's lost quotes); ``unescape`` takes off the apostrophe the CSV
    export puts before a formula-like text (a workbook's text cells need none)."""
    source = place.source
    if title is None:
        # A file name the system could not decode carries lone surrogates, which no
        # title may hold: they become "?".
        title = Path(source).stem.encode("utf-8", "replace").decode("utf-8")
    title = title[:S.MAX_TEXT]
    header_line, header = 1, []
    for header_line, header, raw, physical in records:
        if check:
            check(raw, header, None, (), header_line, physical)
        if any(c.strip() for c in header):
            break
    columns, warnings, lanes = _columns(header, header_line, place)
    names = {col: header[i].strip() for i, col in enumerate(columns) if col}
    unnamed = {i for i, col in enumerate(columns) if col == ""}
    required = (columns.index(STAGE), columns.index(TOUCHPOINT))
    # Counted as the rows are checked, so a file that would make a map too big to save
    # and open stops at the row that crosses the limit, before anything is built.
    budget, stages = ImportBudget(title), set()
    _count_lanes(budget, lanes, names, header_line, place)
    rows: list[_Row] = []  # checked, before anything is built
    for line, cells, raw, physical in records:
        if check:
            check(raw, cells, header, required, line, physical)
        if not any(c.strip() for c in cells):
            continue  # spreadsheets leave empty rows between groups
        if len(rows) == MAX_ROWS:
            raise place.error(f"The file has more than {MAX_ROWS:,} touchpoint rows, more "
                              "than one import may hold. Split it into smaller files.", line)
        for i in sorted(i for i in unnamed if i < len(cells) and cells[i].strip()):
            unnamed.discard(i)
            warnings.append(Problem(f"{place.at(line, False)}, column {i + 1}", f"Column "
                                    f"{i + 1} has no name in the header, so its cells were "
                                    "ignored.", "dropped"))
        row = _row(line, cells, columns, names, lanes, place, unescape)
        _count(budget, row, stages, bool(rows), names, line, place)
        rows.append(row)
    if not rows:
        raise place.error(f"The {'file' if place.sheet is None else 'sheet'} has a header "
                          "but no touchpoint rows.")
    hebrew = sum(bool(_HEBREW.search(h)) for h in names.values()) * 2 > len(names) or sum(
        bool(_HEBREW.search(row[1])) for row in rows) * 2 > len(rows)
    return CsvImport(_build(rows, title, hebrew, lanes), warnings)


def _count(budget: ImportBudget, row: _Row, stages: set[str], flow: bool,
           names: dict[str, str], line: int, place: Place) -> None:
    """Count what ``row`` adds to the map; refuse the file if that crosses a limit."""
    stage, title, _fields, notes = row
    counted = [("stage", stage, STAGE)] if stage not in stages else []
    stages.add(stage)
    counted.append(("touchpoint", title, TOUCHPOINT))
    counted += [("flow", "", TOUCHPOINT)] if flow else []
    kinds = {kind: column for column, kind in NOTE_COLUMNS.items()}
    counted += [("note", note, kinds[kind]) for kind, note in notes]
    counted += [("cell", text, column) for column, text in _fields["cells"].items()]
    counted += [("mark", "", column) for column in _fields["marks"]]
    for kind, text, column in counted:
        problem = budget.add(kind, text, names[column])
        if problem:
            raise place.error(f'{place.at(line)}, column "{problem[0]}": {problem[1]}', line,
                              problem[0])


def _count_lanes(budget: ImportBudget, lanes: dict[str, CL.Lane], names: dict[str, str],
                 line: int, place: Place) -> None:
    """Count the lanes the header makes (and the emotion lane's node they bring)."""
    for n, (column, lane) in enumerate(lanes.items()):
        first = [("emotion_lane", "")] if n == 0 else []
        for kind, title in [*first, ("lane", lane.title)]:
            problem = budget.add(kind, title, names[column])
            if problem:
                raise place.error(f'{place.at(line)}, column "{problem[0]}": {problem[1]}',
                                  line, problem[0])


def _check_quotes(problem: tuple[str | None, str] | None, line: int, physical: int,
                  source: str) -> None:
    if problem is None:
        return
    column, message = problem
    where = f"Line {line:,}" + (f" (line {physical:,} of the file)" if physical != line else "")
    raise CsvError(f"{where}: {message}", source, line, column)


def records(text: str, source: str, delimiter: str):
    """Each record with its row number as a spreadsheet shows it, its lines as the file
    has them and the number of its first line in the file.

    The row number is the record's count, not ``reader.line_num``: a cell with line
    breaks takes several lines of the file but one row of the sheet.
    """
    raw: list[str] = []  # the lines the reader took for the current record

    def lines():
        for ln in io.StringIO(text, newline=""):
            raw.append(ln)
            yield ln
    reader = csv.reader(lines(), delimiter=delimiter)
    number = 0
    while True:
        number += 1
        physical = reader.line_num + 1
        raw.clear()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if len(raw) > 1:  # most likely a quote that swallows the rest of the file
                _check_quotes((None, unclosed(len(raw) - 1, at_least=True)), number, physical,
                              source)
            raise CsvError(f"Line {number} cannot be read as CSV ({exc}). A cell may be longer "
                           f"than {S.MAX_TEXT:,} characters, or a quote may lack its pair.",
                           source, number) from None
        yield number, cells, raw, physical


def _delimiter(text: str) -> str:
    """Comma or semicolon: the one that splits the header into more names we know.

    Judged on the header, whose names we know, rather than with ``csv.Sniffer``, which
    guesses from how evenly the rows split and gives up on a semicolon file whose texts
    hold commas and whose rows drop their trailing empty cells, as spreadsheets do.
    Ties go to the cell count.
    """
    line = next((ln for ln in io.StringIO(text, newline="") if ln.strip()), "")

    def score(delimiter: str) -> tuple[int, int]:
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:  # a cell over the field limit: reading the file reports it
            return 0, 0
        return sum(_key(c) in _HEADER or CL.parse_header(c, _LANE_WORDS, _key) is not None
                   for c in cells), len(cells)
    return max(",;", key=score)  # the first of equals: the comma


def _columns(header: list[str], line: int, place: Place
             ) -> tuple[list[str | None], list[Problem], dict[str, CL.Lane]]:
    """What each header cell names: a column, ``None`` (unknown) or "" (no name); and
    the lanes of the lane columns (their column -> the lane), in column order."""
    if len(header) > MAX_COLUMNS:
        raise place.error(f"The header on {place.at(line, False)} has {len(header):,} "
                          f"columns, more than the {MAX_COLUMNS:,} an import may have.", line)
    columns: list[str | None] = []
    warnings: list[Problem] = []
    seen: dict[str, str] = {}
    lanes: dict[str, CL.Lane] = {}
    lane_names: dict[CL.Lane, str] = {}
    for name in header:
        name = name.strip()
        column = _HEADER.get(_key(name)) if name else ""
        lane = CL.parse_header(name, _LANE_WORDS, _key) if column is None else None
        if lane is not None:
            if lane in lane_names:
                raise place.error(f'{place.at(line)} has two columns for one lane: '
                                  f'"{lane_names[lane]}" and "{name}". Keep one of them.',
                                  line, name)
            if len(lanes) == CL.MAX_LANE_COLUMNS:
                raise place.error(f'{place.at(line)}, column "{name}": the header has more '
                                  f"than {CL.MAX_LANE_COLUMNS} lane columns; a map has at "
                                  f"most {S.MAX_LANES} lanes, the emotion lane among them.",
                                  line, name)
            if len(lane.title) > S.MAX_TEXT:
                raise place.error(f"{place.at(line)}: a lane's name has "
                                  f"{len(lane.title):,} characters, more than the "
                                  f"{S.MAX_TEXT:,} a text may have.", line)
            column = f"lane#{len(lanes)}"
            lanes[column], lane_names[lane] = lane, name
        elif column in seen:
            raise place.error(f'{place.at(line)} has two columns for {column}: '
                              f'"{seen[column]}" and "{name}". Keep one of them.', line, name)
        if column:
            seen[column] = name
        elif column is None:
            warnings.append(Problem(f'{place.at(line, False)}, column "{name}"', f'The column '
                                    f'"{name}" is not one CX Designer knows, so its cells '
                                    "were ignored.", "dropped"))
        columns.append(column)
    for column, hebrew in ((STAGE, HEBREW_COLUMNS[0]), (TOUCHPOINT, HEBREW_COLUMNS[1])):
        if column not in seen:
            raise place.error(f'{place.at(line)} has no "{column}" (or "{hebrew}") column. The '
                              "first row must name the columns, and stage and touchpoint are "
                              "required.", line, column)
    for column in CL.MARK_COLUMNS:
        if column in seen and not lanes:
            columns[columns.index(column)] = None
            warnings.append(Problem(f'{place.at(line, False)}, column "{seen[column]}"',
                                    f'The column '
                                    f'"{seen[column]}" flags cells of lanes, but the file '
                                    "has no lane columns, so its cells were ignored.",
                                    "dropped"))
    return columns, warnings, lanes


def _row(line: int, cells: list[str], columns: list[str | None], names: dict[str, str],
         lanes: dict[str, CL.Lane], place: Place, unescape: bool = True) -> _Row:
    if any(c.strip() for c in cells[len(columns):]):
        # An error, not a warning: extra cells mostly mean an unquoted comma or semicolon
        # in a text, which has also shifted every cell after it into the wrong column.
        raise place.error(f"{place.at(line)} has {len(cells)} cells, but the header names "
                          f"only {len(columns)} columns."
                          + (" A text probably holds the delimiter: put that cell in quotes."
                             if place.sheet is None else ""), line)
    values = dict.fromkeys((*COLUMNS, *CL.MARK_COLUMNS, *lanes), "")
    for i, column in enumerate(columns):
        if not column or i >= len(cells):
            continue  # spreadsheets drop a row's trailing empty cells
        if len(cells[i]) > S.MAX_TEXT:
            raise place.error(f'{place.at(line)}, column "{names[column]}": the cell has '
                              f"{len(cells[i]):,} characters, more than the {S.MAX_TEXT:,} a "
                              "text may have.", line, names[column])
        values[column] = _unescape(cells[i].strip()) if unescape else cells[i].strip()

    def fail(column: str, problem: str) -> CsvError:
        return place.error(f'{place.at(line)}, column "{names[column]}": {problem}', line,
                           names[column])
    for column, what in ((STAGE, "a stage"), (TOUCHPOINT, "a touchpoint title")):
        if not values[column]:
            raise fail(column, f"the cell is empty, but every row needs {what}.")
    channel = _CHANNEL.get(_key(values[CHANNEL])) if values[CHANNEL] else "other"
    if channel is None:
        raise fail(CHANNEL, f'"{values[CHANNEL][:40]}" is not a channel CX Designer knows. Use '
                   f"one of: {', '.join(S.CHANNELS)} (or a common name for one).")
    emotions: dict[str, int] = {}
    if values[EMOTION]:
        m = _EMOTION.fullmatch(values[EMOTION])
        emotion = int(m[2]) * (-1 if m[1] in ("-", "\u2212") else 1) if m else None
        if emotion is None or not S.EMOTION_MIN <= emotion <= S.EMOTION_MAX:
            raise fail(EMOTION, f'"{values[EMOTION][:40]}" is not an emotion. Use a whole '
                       f"number from {S.EMOTION_MIN} to {S.EMOTION_MAX}, or leave it empty.")
        emotions[S.GENERAL] = emotion
    notes = [(kind, item.strip()) for column, kind in NOTE_COLUMNS.items()
             for item in re.split(r"[;\r\n]", values[column]) if item.strip()]
    fields = {"channel": channel, "emotions": emotions,
              "cells": {column: values[column] for column in lanes if values[column]},
              "marks": CL.read_marks(values, lanes, fail, _LANE_WORDS, _key)}
    return values[STAGE], values[TOUCHPOINT], fields, notes


def _build(rows: list[_Row], title: str, hebrew: bool, lanes: dict[str, CL.Lane]
           ) -> JourneyMap:
    journey = JourneyMap({"title": title, "language": "he" if hebrew else "en",
                          "direction": "rtl" if hebrew else "ltr"})
    # In column order, each at the bottom: below the emotion lane, which stays on top.
    lane_ids = {column: journey.add_lane(lane.kind, lane.title).id
                for column, lane in lanes.items()}
    stages: dict[str, list[str]] = {}  # title -> [id, touchpoints so far...]
    # A stage too long for the map's width at STEP_X gets its touchpoints closer.
    sizes = Counter(row[0] for row in rows)
    previous = None
    for stage, title, fields, notes in rows:
        fields = dict(fields, cells={lane_ids[c]: t for c, t in fields["cells"].items()},
                      marks={lane_ids[c]: m for c, m in fields["marks"].items()})
        if stage not in stages:
            stages[stage] = [journey.add_stage(stage).id]
        placed = stages[stage]
        step = min(STEP_X, S.MAX_COORD / max(sizes[stage] - 1, 1))
        tp = journey.add_touchpoint(placed[0], title, flow_from=previous,
                                    x=min((len(placed) - 1) * step, S.MAX_COORD), y=0.0,
                                    **fields).id
        placed.append(tp)
        for kind, note in notes:
            journey.add_note(kind, note, on=tp)
        previous = tp
    return journey


def _escape(cell: str) -> str:
    return "'" + cell if _FORMULA.match(cell) else cell


def _unescape(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell, 1) else cell


def export_rows(journey: JourneyMap, persona: str = S.GENERAL
                ) -> tuple[list[str], list[list[str | int | None]]]:
    """The journey sheet's header and rows, shared by the CSV and the XLSX export: one
    row per touchpoint in journey order, each cell the text it holds (the emotion a
    whole number, or ``None`` when the persona's is not set).

    Note titles are joined by line breaks, so a title holding ";" or a line break
    comes back as several notes.  Every lane that holds text gets a column (hidden
    ones too: their cells are the map's), and the fail and wait points follow when
    the map has such lanes.
    """
    language = "he" if journey.document["language"] == "he" else "en"
    lanes, headers, marks = CL.export_columns(journey, language)
    header = [*(HEBREW_COLUMNS if language == "he" else COLUMNS), *headers, *marks]
    rows: list[list[str | int | None]] = []
    for tp in journey.journey_order():
        fields = journey.get(tp)
        notes = {kind: [journey.title(n) for n in journey.notes_on(tp)
                        if journey.get(n)["note_kind"] == kind]
                 for kind in NOTE_COLUMNS.values()}
        row: list[str | int | None] = [
            journey.title(journey.stage_of(tp)), fields["title"], fields["channel"],
            journey.emotion(tp, persona), "\n".join(notes["pain_point"]),
            "\n".join(notes["opportunity"]),
            *(fields["cells"].get(lane, "") for lane in lanes)]
        rows.append(row + CL.marks_cells(fields["marks"], lanes, headers))
    return header, rows


def export_csv_text(journey: JourneyMap, persona: str = S.GENERAL) -> str:
    """The map as journey CSV text (no BOM), emotions as ``persona`` feels them
    (``export_rows``).  A text a spreadsheet would run as a formula gets an apostrophe
    first; NUL characters are left out, as no spreadsheet keeps them and import
    refuses them as binary.
    """
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL)
    header, rows = export_rows(journey, persona)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else str(cell) if isinstance(cell, int)
                         else _escape(cell.replace("\0", "")) for cell in row])
    return out.getvalue()


def export_csv(journey: JourneyMap, path: str | os.PathLike[str],
               persona: str = S.GENERAL) -> None:
    """Write the map as a journey CSV that Excel opens with Hebrew intact.

    Written through ``files.write_atomic``: to a temporary file beside the target,
    renamed over it, so a failed export leaves the previous file, never half of a new
    one; through a symbolic link to its target; never onto a folder, pipe or device.
    """
    from .files import write_atomic

    data = export_csv_text(journey, persona).encode("utf-8-sig")
    target = os.fspath(path)
    try:
        write_atomic(target, data, backup=False)
    except FileFormatError as exc:
        raise CsvError(exc.message.replace("Could not save", "The CSV file could not be "
                                           "written"), target) from None
