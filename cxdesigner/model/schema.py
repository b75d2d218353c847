"""What a journey document may hold: kinds, vocabularies, fields and their checks.

One table serves the model (refusing bad edits), the file loader (repairing bad
elements) and the CSV importer, so a rule is written once.  A check takes a value and
returns it normalised, or raises ``ValueError`` with a message that reads after the
field's name ("must be a whole number from 1 to 5").
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any, Callable

from . import pictures as _pictures

# Limits that keep a document workable; the file format checks the same numbers.
MAX_TEXT = 100_000
MAX_VOTES = 100_000
MAX_REVIEW_MONTHS = 120
MAX_COORD = 1e7
MAX_ACTION_DEPTH = 32
MAX_LANES = 40  # rows under the touchpoints; more would be a different document
# Customer feedback and review snapshots a map may keep (model/feedback_edits.py): they
# count against the file's limits like every other element.
MAX_FEEDBACK = 100_000
MAX_SNAPSHOTS = 60  # a review every 3 to 5 months for 15 years and more
MAX_FEEDBACK_FIELDS = 50  # a survey's own columns kept on an item
MAX_RECORD_DEPTH = 6  # a snapshot's record: tables of tables of values

STAGE, TOUCHPOINT, NOTE, PERSONA, ACTION, LANE, FEEDBACK, SNAPSHOT = (
    "stage", "touchpoint", "note", "persona", "action", "lane", "feedback", "snapshot")
NODE_KINDS = (STAGE, TOUCHPOINT, NOTE, PERSONA, ACTION, LANE, FEEDBACK, SNAPSHOT)

FLOW, IN_STAGE, ABOUT, ADDRESSES, CHILD_OF, FOR_PERSONA, CONCERNS, CITES = (
    "flow", "in_stage", "about", "addresses", "child_of", "for_persona", "concerns", "cites")
# Edge kind -> (allowed source kinds, allowed target kinds).
EDGE_KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    FLOW: (frozenset({TOUCHPOINT}), frozenset({TOUCHPOINT})),
    IN_STAGE: (frozenset({TOUCHPOINT}), frozenset({STAGE})),
    ABOUT: (frozenset({NOTE}), frozenset({TOUCHPOINT, STAGE})),
    ADDRESSES: (frozenset({ACTION}), frozenset({NOTE})),
    CHILD_OF: (frozenset({ACTION}), frozenset({ACTION})),
    FOR_PERSONA: (frozenset({TOUCHPOINT, NOTE, ACTION}), frozenset({PERSONA})),
    # A feedback item is about one touchpoint (or none yet: unmatched).
    CONCERNS: (frozenset({FEEDBACK}), frozenset({TOUCHPOINT})),
    # A note's evidence: the feedback items it was made from.
    CITES: (frozenset({NOTE}), frozenset({FEEDBACK})),
}

CHANNELS = ("advertising", "website", "app", "social", "search", "reviews", "phone",
            "chat", "whatsapp", "email", "store", "face_to_face", "delivery", "other")
MODES = ("direct", "indirect")
NOTE_KINDS = ("pain_point", "opportunity", "strength", "weakness", "threat", "insight")
PERSONA_KINDS = ("new", "existing", "returning")
ACTION_STATUSES = ("planned", "in_progress", "done", "cancelled")
LANGUAGES = ("en", "he")
DIRECTIONS = ("ltr", "rtl")
SCORING_METHODS = ("impact_effort", "ice", "rice", "votes", "weighted")
# The rows under the touchpoints (docs/domain: the service blueprint).  The first five
# are the blueprint's own, top to bottom; "text" is a lane the user names, "image" shows
# the touchpoints' pictures, "emotion" is the emotion curve.
BLUEPRINT_LANES = ("physical_evidence", "customer_actions", "frontstage", "backstage",
                   "support")
LANE_KINDS = (*BLUEPRINT_LANES, "text", "image", "emotion")
EMOTION_LANE = "emotion"
# The blueprint's three lines, each drawn where the lanes above and below it fall on
# its two sides: (name, the zone above it, the zone below it).
ZONE = {"customer_actions": 0, "frontstage": 1, "backstage": 2, "support": 3}
BLUEPRINT_LINES = (("interaction", 0, 1), ("visibility", 1, 2), ("internal", 2, 3))
CELL_MARKS = ("fail", "wait")

# The emotion a touchpoint has for "any customer", used when no persona is chosen.
GENERAL = "*"
EMOTION_MIN, EMOTION_MAX = -2, 2
SCORE_MIN, SCORE_MAX = 1, 5

Check = Callable[[Any], Any]


def text(max_len: int = MAX_TEXT) -> Check:
    def check(value: Any) -> str:
        if type(value) is not str:
            raise ValueError("must be text")
        if len(value) > max_len:
            raise ValueError(f"is longer than {max_len:,} characters")
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("contains a broken character (a lone surrogate)") from None
        return value
    check.shape = ("text", max_len)  # lets the file loader check many values at once
    return check


def choice(values: tuple[str, ...]) -> Check:
    allowed = frozenset(values)
    listing = ", ".join(values)

    def check(value: Any) -> str:
        if type(value) is not str or value not in allowed:
            raise ValueError(f"must be one of: {listing} (got {value!r:.40})")
        return value
    check.shape = ("choice", allowed)
    return check


def whole(lo: int, hi: int, optional: bool = False) -> Check:
    def check(value: Any) -> int | None:
        if value is None and optional:
            return None
        if type(value) is not int or not lo <= value <= hi:
            raise ValueError(f"must be a whole number from {lo} to {hi} (got {value!r:.40})")
        return value
    check.shape = ("range", (int,), lo, hi, optional)
    return check


def number(lo: float, hi: float, optional: bool = False) -> Check:
    def check(value: Any) -> float | int | None:
        if value is None and optional:
            return None
        if type(value) not in (int, float) or not lo <= value <= hi:  # NaN fails the range
            raise ValueError(f"must be a number from {lo:g} to {hi:g} (got {value!r:.40})")
        return value
    check.shape = ("range", (int, float), lo, hi, optional)
    return check


# fromisoformat alone accepts far more than a calendar date since Python 3.11 (week
# dates "2026-W01-1", ordinal dates, "20260101"), which a file must not pass off as
# YYYY-MM-DD: the shape is checked first, the calendar (no 31 February) by fromisoformat.
_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}"
                             r"(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?")


def iso_date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if type(value) is str and _DATE_SHAPE.fullmatch(value):
        try:
            _dt.date.fromisoformat(value)
            return value
        except ValueError:
            pass
    raise ValueError(f"must be a date written YYYY-MM-DD (got {value!r:.40})")


def iso_datetime(value: Any) -> str:
    if value == "":
        return ""
    if type(value) is str and _DATETIME_SHAPE.fullmatch(value):
        try:
            _dt.datetime.fromisoformat(value)
            return value
        except ValueError:
            pass
    raise ValueError("must be a date and time written YYYY-MM-DDTHH:MM:SS with an "
                     f"optional offset (got {value!r:.40})")


_check_emotion = whole(EMOTION_MIN, EMOTION_MAX)
_check_key = text(200)


def table(of: str, check: Check, doc: str) -> Check:
    """A check of a table keyed by ids (personas, lanes), each value by ``check``."""
    def check_table(value: Any) -> dict:
        if type(value) is not dict:
            raise ValueError(f"must be a table of {of}")
        for key, item in value.items():
            _check_key(key)
            try:
                check(item)
            except ValueError as exc:
                raise ValueError(f"for {key!r:.40} {exc}") from None
        return value
    check_table.__doc__ = doc
    return check_table


emotions = table("persona to emotion", _check_emotion,
                 "Emotion per persona id (``GENERAL`` for any customer), each -2..+2.")


def flag(value: Any) -> bool:
    if type(value) is not bool:
        raise ValueError(f"must be true or false (got {value!r:.40})")
    return value


cells = table("lane to text", text(), "A touchpoint's text in each lane: lane id -> text.")
marks = table("lane to mark", choice(CELL_MARKS),
              'A touchpoint\'s fail or wait points: lane id -> "fail" or "wait".')


feedback_fields = table("column to text", text(10_000),
                        "A feedback item's own columns from its file: name -> text.")


def _check_feedback_fields(value: Any) -> dict:
    feedback_fields(value)
    if len(value) > MAX_FEEDBACK_FIELDS:
        raise ValueError(f"has more than {MAX_FEEDBACK_FIELDS} columns")
    return value


def record(value: Any) -> dict:
    """A snapshot's record (model/snapshots.py): a table of text, numbers, true/false,
    nothing, lists and tables, at most ``MAX_RECORD_DEPTH`` deep."""
    if type(value) is not dict:
        raise ValueError("must be a table")
    stack = [(value, 1)]
    check_text = text()
    while stack:
        item, depth = stack.pop()
        if depth > MAX_RECORD_DEPTH:
            raise ValueError(f"is nested deeper than {MAX_RECORD_DEPTH} levels")
        children = item.values() if type(item) is dict else item
        if type(item) is dict:
            for key in item:
                _check_key(key)
        for child in children:
            kind = type(child)
            if kind in (dict, list):
                stack.append((child, depth + 1))
            elif kind is str:
                check_text(child)
            elif kind is float:
                if child != child or child in (float("inf"), float("-inf")):
                    raise ValueError("holds a number that is not finite")
            elif kind not in (int, bool, type(None)):
                raise ValueError(f"holds a {kind.__name__}, which a record cannot")
    return value


def string_list(value: Any) -> list[str]:
    if type(value) is not list:
        raise ValueError("must be a list of ids")
    check = text(200)
    for item in value:
        check(item)
    return value


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    default: Any
    check: Check

    def fresh_default(self) -> Any:
        # Containers are copied so two elements never share one.
        return self.default.copy() if isinstance(self.default, (dict, list)) else self.default


_title = Field("title", "", text())
_description = Field("description", "", text())
_evidence = Field("evidence", "", text())
_score = whole(SCORE_MIN, SCORE_MAX, optional=True)

FIELDS: dict[str, tuple[Field, ...]] = {
    STAGE: (_title, _description),
    TOUCHPOINT: (
        _title, _description,
        Field("channel", "other", choice(CHANNELS)),
        Field("mode", "direct", choice(MODES)),
        Field("owner", "", text()),
        Field("x", 0.0, number(-MAX_COORD, MAX_COORD)),
        Field("y", 0.0, number(-MAX_COORD, MAX_COORD)),
        Field("emotions", {}, emotions),
        Field("nps", None, number(-100, 100, optional=True)),
        Field("csat", None, number(0, 100, optional=True)),
        Field("kpi", "", text()),
        _evidence,
        Field("cells", {}, cells),
        Field("marks", {}, marks),
        Field("picture", "", _pictures.check),  # base64 PNG/JPEG: model/pictures.py
    ),
    NOTE: (
        _title, _description,
        Field("note_kind", "insight", choice(NOTE_KINDS)),
        _evidence,
        Field("confidence", None, _score),
        Field("impact", None, _score),
        Field("effort", None, _score),
        Field("reach", None, _score),
        Field("votes", 0, whole(0, MAX_VOTES)),
    ),
    PERSONA: (
        _title, _description,
        Field("persona_kind", "new", choice(PERSONA_KINDS)),
    ),
    ACTION: (
        _title, _description,
        Field("owner", "", text()),
        Field("due", None, iso_date),
        Field("status", "planned", choice(ACTION_STATUSES)),
        Field("kpi", "", text()),
        Field("review_months", 3, whole(1, MAX_REVIEW_MONTHS)),
        Field("reviewed", None, iso_date),  # when the action was last reviewed
        Field("order", 0, number(-MAX_COORD, MAX_COORD)),
    ),
    # A lane's title is empty for a blueprint lane that keeps its usual name (shown in
    # the map's language); a text lane is named by its title.
    LANE: (
        _title,
        Field("lane_kind", "text", choice(LANE_KINDS)),
        Field("hidden", False, flag),
        Field("order", 0, number(-MAX_COORD, MAX_COORD)),
    ),
    # What a customer wrote or answered (a survey row, an e-mail): ``title`` is an
    # e-mail's subject, ``description`` the text; ``nps`` 0..10 and ``csat`` 1..5 are
    # the answers themselves, not the touchpoint's percentages.
    FEEDBACK: (
        _title, _description,
        Field("date", None, iso_date),
        Field("source", "", text(200)),
        Field("channel", "", text(200)),
        Field("nps", None, whole(0, 10, optional=True)),
        Field("csat", None, whole(1, 5, optional=True)),
        Field("fields", {}, _check_feedback_fields),
        Field("masked", 0, whole(0, MAX_TEXT)),  # personal data masked on import
    ),
    # A review: what the map measured and held on a day, kept for comparing later.
    SNAPSHOT: (
        _title,
        Field("taken", "", iso_datetime),
        Field("record", {}, record),
    ),
}
FIELD_BY_NAME: dict[str, dict[str, Field]] = {
    kind: {f.name: f for f in fields} for kind, fields in FIELDS.items()}

DOCUMENT_FIELDS: tuple[Field, ...] = (
    Field("title", "", text()),
    Field("client", "", text()),
    Field("author", "", text()),
    Field("goal", "", text()),
    Field("language", "en", choice(LANGUAGES)),
    Field("direction", "ltr", choice(DIRECTIONS)),
    Field("scoring_method", "impact_effort", choice(SCORING_METHODS)),
    # Months between reviews; the method says 3 to 5 (model/snapshots.py).
    Field("review_months", 4, whole(1, 24)),
    Field("created", "", iso_datetime),
    Field("modified", "", iso_datetime),
)
DOCUMENT_FIELD_BY_NAME = {f.name: f for f in DOCUMENT_FIELDS}


def defaults(kind: str) -> dict[str, Any]:
    return {f.name: f.fresh_default() for f in FIELDS[kind]}
