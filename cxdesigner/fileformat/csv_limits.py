"""What a journey CSV import may make, and the quotes that would make garbage of it.

An import must never build a map that CX Designer could not save and open again, so it
keeps the loader's limits (``limits.py``) while it reads, row by row, and stops at the
first row that would cross one, before anything is built:

- ``ImportBudget`` counts the elements and flows each row would make and the bytes the
  saved map would take;
- ``quote_problem`` finds a cell whose opening quote was never closed, which would
  otherwise swallow the rows after it into one title.

Both return a problem (column, message) rather than raise, so that ``csvio`` raises its
own ``CsvError`` with the line.
"""

from __future__ import annotations

import csv
import functools
import io
import json

from ..model import schema as S
from ..model.journey import JourneyMap
from .limits import MAX_EDGES, MAX_FILE_BYTES, MAX_NODES

# How many rows of the file a cell may swallow before a run of lines that each split
# into a whole row counts as the sign of a lost quote.  A spreadsheet cell with line
# breaks (Alt+Enter) holds a few lines of text, not lines shaped like the sheet's rows.
MIN_SWALLOWED_ROWS = 3
NOTHING = "Nothing was imported."
# Room for what saving adds to the measured map (the created and modified times).
SAVE_HEADROOM = 1024

Problem = tuple["str | None", str]  # (column named in the header or None, message)


def _json_len(text: str) -> int:
    """The bytes ``text`` takes in the saved file (UTF-8, JSON escapes, no quotes)."""
    return len(json.dumps(text, ensure_ascii=False).encode("utf-8", "surrogatepass")) - 2


@functools.cache
def _costs() -> dict[str, int]:
    """Bytes the saved file gives each element with an empty title, measured once with
    the real writer, so they follow the schema.  A touchpoint is measured with its
    longest channel, an emotion and the longest coordinate the import can give."""
    from .cxmap import dumps  # here, not at the top: cxmap is heavier than this module

    def size(j: JourneyMap) -> int:
        return len(dumps(j).encode("utf-8"))
    j = JourneyMap({"title": "", "language": "en", "direction": "ltr"})
    costs = {"map": size(j)}
    stage = j.add_stage("").id
    costs["stage"] = size(j) - costs["map"]
    widest = {"channel": max(S.CHANNELS, key=len), "emotions": {S.GENERAL: S.EMOTION_MIN},
              "x": -1234567.0123456789, "y": -1234567.0123456789}
    before = size(j)
    first = j.add_touchpoint(stage, "", **widest).id
    costs["touchpoint"] = size(j) - before
    before = size(j)
    j.add_touchpoint(stage, "", flow_from=first, **widest)
    costs["flow"] = size(j) - before - costs["touchpoint"]
    before = size(j)
    j.add_note(max(S.NOTE_KINDS, key=len), "", on=first)
    costs["note"] = size(j) - before
    # The first lane also makes the emotion lane's node; lane ids are uuid4s, all of
    # one length, and a lane's order has two digits at most.
    kind = max(S.BLUEPRINT_LANES, key=len)
    before = size(j)
    lane = j.add_lane(kind).id
    first_lane = size(j) - before
    before = size(j)
    j.add_lane(kind)
    costs["lane"] = size(j) - before + 2
    costs["emotion_lane"] = first_lane - costs["lane"] + 2
    before = size(j)
    j.set_cell(first, lane, "x")
    costs["cell"] = size(j) - before - 1
    before = size(j)
    j.set_mark(first, lane, max(S.CELL_MARKS, key=len))
    costs["mark"] = size(j) - before
    return costs


class ImportBudget:
    """The elements, flows and saved bytes of the map an import is about to make."""

    def __init__(self, title: str):
        self.costs = _costs()
        self.nodes = self.edges = 0
        self.bytes = self.costs["map"] + _json_len(title) + SAVE_HEADROOM

    def add(self, kind: str, title: str = "", column: str | None = None) -> Problem | None:
        """Count one element (``flow`` for a flow, ``cell`` and ``mark`` for a
        touchpoint's text in a lane and its flag); a problem if a limit is crossed."""
        self.bytes += self.costs[kind] + _json_len(title)
        if kind == "flow":
            self.edges += 1
        elif kind not in ("cell", "mark"):
            self.nodes += 1
            self.edges += kind in ("touchpoint", "note")  # its stage, or what it is about
        if self.nodes > MAX_NODES:
            return column, (f"the import would make more than {MAX_NODES:,} elements, the "
                            f"most a map may hold. {NOTHING}")
        if self.edges > MAX_EDGES:
            return column, (f"the import would make more than {MAX_EDGES:,} links, the "
                            f"most a map may hold. {NOTHING}")
        if self.bytes > MAX_FILE_BYTES:
            return column, (f"the map would take more than {MAX_FILE_BYTES // 2**20} MiB "
                            f"saved, the most a map file may hold. {NOTHING}")
        return None


def quote_problem(raw: list[str], cells: list[str], delimiter: str,
                  header: list[str] | None, required: tuple[int, ...]) -> Problem | None:
    """A cell of this record that opens a quote and never closes it, if there is one.

    ``raw`` holds the record's lines as the file has them.  Python's reader is lenient:
    a quote with no pair takes every line up to the next quote in the file, or to its
    end, into one cell.  Three signs give it away: reading the record strictly fails
    (the "closing" quote is followed by text, or the file ends inside the quote), or
    the cell holds several lines that each split into a whole row of the sheet.
    """
    breaks = [i for i, c in enumerate(cells) if "\n" in c or "\r" in c]
    at_end = not raw[-1].endswith(("\n", "\r"))
    if not breaks and not (at_end and '"' in raw[-1]):
        return None
    column = (header[breaks[0]].strip() or None) if header and breaks and breaks[0] < len(
        header) else None
    swallowed = len(raw) - 1
    try:
        list(csv.reader(io.StringIO("".join(raw), newline=""), delimiter=delimiter,
                        strict=True))
    except csv.Error as exc:
        end = "unexpected end of data" in str(exc)
        return column, unclosed(swallowed, end)
    if header is None or not breaks:
        return None
    rows = sum(_looks_like_row(line, delimiter, len(header), required)
               for i in breaks for line in cells[i].splitlines()[1:])
    return (column, unclosed(swallowed, False)) if rows >= MIN_SWALLOWED_ROWS else None


def _looks_like_row(line: str, delimiter: str, width: int, required: tuple[int, ...]) -> bool:
    """A line that splits into exactly the header's cells, the required ones filled."""
    if width < 2 or line.count(delimiter) < width - 1:
        return False  # cheap first: most lines of text are not rows
    try:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return False
    return len(cells) == width and all(cells[i].strip() for i in required)


def unclosed(swallowed: int, at_end: bool = False, at_least: bool = False) -> str:
    lines = f"{'at least ' if at_least else ''}{swallowed:,} line{'s' if swallowed != 1 else ''}"
    where = (f"it swallows {lines}" if not at_end else "it runs to the end of the file"
             + (f", swallowing {lines}" if swallowed else ""))
    return (f"a quote opened here is never closed; {where}. Fix the quote or save the "
            f"sheet again. {NOTHING}")
