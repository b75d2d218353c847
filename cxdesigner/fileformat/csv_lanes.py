"""The journey CSV's lane columns and fail/wait columns (``csvio`` reads and writes them).

A lane column's header names the lane's kind, and after a ``:`` its title:

* ``frontstage`` (or ``חזית``, or "Frontstage") is a frontstage lane with its usual
  name; ``frontstage:Staff`` is one titled "Staff";
* ``lane:Tools`` (or ``נתיב:Tools``) is a text lane the user named "Tools".

The kind words are the snake_case kind names in English and ``vocabulary.LANE_KINDS``
in Hebrew; case, spaces and dashes do not matter in them (``csvio._key``), the title is
kept as written.  A lane is its kind and title: two columns for one lane are an error.

The marks are two optional columns, ``fail_points`` / ``נקודות כשל`` and ``wait_points``
/ ``נקודות המתנה``, each holding the headers of the lanes whose cell on that row is a
fail (wait) point, separated by ``; ``.  Columns rather than a sign inside the cell keep
the cells the plain text a workshop typed, so a spreadsheet sorts and filters them as
before.  A lane whose title holds ``;`` is written on its own line instead: a cell with
line breaks is split on them only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from ..model import schema as S
from ..model.lane_edits import TEXT_LANES
from ..model.vocabulary import LANE_KINDS, vocabulary

if TYPE_CHECKING:
    from ..model.journey import JourneyMap

FAILS, WAITS = "fail_points", "wait_points"
MARK_COLUMNS = {FAILS: "fail", WAITS: "wait"}
MARK_HEADERS = {"en": {FAILS: FAILS, WAITS: WAITS},
                "he": {FAILS: "נקודות כשל", WAITS: "נקודות המתנה"}}
# Other names a sheet may give the marks columns (besides both languages' headers).
MARK_NAMES = {FAILS: ("fail points", "fail point", "fails", "נקודת כשל"),
              WAITS: ("wait points", "wait point", "waits", "נקודת המתנה")}
# The words naming a text lane in a header, in English and Hebrew.
TEXT_WORDS = ("lane", LANE_KINDS["he"]["text"])
# How many lane columns an import may have: the emotion lane is one of a map's lanes.
MAX_LANE_COLUMNS = S.MAX_LANES - 1


class Lane(NamedTuple):
    """A lane as a CSV names it."""

    kind: str
    title: str


def kind_words(key: Callable[[str], str]) -> dict[str, str]:
    """Every word a header may start with (as ``key`` normalises it) -> the lane kind."""
    words: dict[str, str] = {}
    for kind in TEXT_LANES:
        names = [kind, LANE_KINDS["en"][kind], LANE_KINDS["he"][kind]]
        if kind == "text":
            names = list(TEXT_WORDS)
        for name in names:
            words[key(name)] = kind
    return words


def parse_header(name: str, words: dict[str, str], key: Callable[[str], str]) -> Lane | None:
    """The lane a header (or an item of a marks cell) names, or ``None``."""
    prefix, colon, title = name.partition(":")
    kind = words.get(key(prefix))
    if kind is None:
        return None
    return Lane(kind, title.strip() if colon else "")


def header(lane: Lane, language: str) -> str:
    """A lane's column header in a map's language (``language`` is "en" or "he")."""
    word = (TEXT_WORDS[language == "he"] if lane.kind == "text"
            else LANE_KINDS["he"][lane.kind] if language == "he" else lane.kind)
    # A header is one line: a title's line breaks would split the marks cells.  NUL
    # goes, as from every cell: import refuses a file holding one as binary.
    title = re.sub(r"[\r\n]+", " ", lane.title.replace("\0", "")).strip()
    return f"{word}:{title}" if title else word


def unique_headers(lanes: list[Lane], language: str, named: Callable[[Lane], str]
                   ) -> list[str]:
    """The headers of a map's text lanes; a lane whose header another lane already has
    (two untitled frontstage lanes, two text lanes with one title) gets a number after
    its name, so that importing the file makes each lane again, cells and all."""
    seen: set[str] = set()
    out = []
    for lane in lanes:
        text = header(lane, language)
        n = 1
        while text in seen:
            n += 1
            text = header(Lane(lane.kind, f"{named(lane)} ({n})"), language)
        seen.add(text)
        out.append(text)
    return out


def split_marks(cell: str) -> list[str]:
    """The lane headers in a marks cell: one a line if the cell has line breaks, else
    separated by ``;``."""
    parts = re.split(r"[\r\n]+", cell) if re.search(r"[\r\n]", cell) else cell.split(";")
    return [p.strip() for p in parts if p.strip()]


def join_marks(headers: list[str]) -> str:
    return ("\n" if any(";" in h for h in headers) else "; ").join(headers)


def match(item: str, lanes: dict[Lane, str], words: dict[str, str],
          key: Callable[[str], str]) -> str | None:
    """The column of the lane a marks item names (its title's case aside if only one
    lane matches so), or ``None``."""
    lane = parse_header(item, words, key)
    if lane is None:
        return None
    if lane in lanes:
        return lanes[lane]
    loose = [col for other, col in lanes.items() if other.kind == lane.kind
             and other.title.casefold() == lane.title.casefold()]
    return loose[0] if len(loose) == 1 else None


def read_marks(values: dict[str, str], lanes: dict[str, Lane], fail: Callable[[str, str], Any],
               words: dict[str, str], key: Callable[[str], str]) -> dict[str, str]:
    """A row's fail and wait points (lane column -> mark) from its marks cells;
    ``fail(column, problem)`` makes the error to raise."""
    marks: dict[str, str] = {}
    if not (values[FAILS] or values[WAITS]):
        return marks  # most rows: no need to look the lanes up
    by_lane = {lane: column for column, lane in lanes.items()}
    for column, mark in MARK_COLUMNS.items():
        whole = values[column].strip()
        # One header with a ";" in its title is written alone, without a line break.
        items = ([whole] if whole and match(whole, by_lane, words, key) is not None
                 else split_marks(values[column]))
        for item in items:
            lane = match(item, by_lane, words, key)
            if lane is None:
                raise fail(column, f'"{item[:60]}" names no lane column of this file. Give '
                           'the headers of lane columns (such as "frontstage" or "lane:'
                           'Tools"), separated by "; ".')
            if marks.get(lane, mark) != mark:
                raise fail(column, f'"{item[:60]}" is flagged both as a fail point and as '
                           "a wait point on this row; a cell is one or the other.")
            marks[lane] = mark
    return marks


def export_columns(journey: JourneyMap, language: str
                   ) -> tuple[list[str], list[str], list[str]]:
    """The lanes that get a column (every lane holding text, hidden ones too: their
    cells are the map's), their headers, and the marks columns' headers (none for a
    map without such lanes, whose CSV stays as it was before lanes)."""
    lanes = [n for n in journey.lanes() if journey.lane(n)["lane_kind"] in TEXT_LANES]
    words = vocabulary(language)
    specs = [Lane(journey.lane(n)["lane_kind"], journey.lane(n)["title"]) for n in lanes]
    headers = unique_headers(specs, language, lambda lane: words.lane_title(
        {"lane_kind": lane.kind, "title": lane.title}))
    return lanes, headers, list(MARK_HEADERS[language].values()) if lanes else []


def marks_cells(marks: dict[str, str], lanes: list[str], headers: list[str]) -> list[str]:
    """A touchpoint's marks cells: for each mark, the headers of its lanes so flagged."""
    if not lanes:
        return []
    return [join_marks([h for lane, h in zip(lanes, headers) if marks.get(lane) == mark])
            for mark in MARK_COLUMNS.values()]
