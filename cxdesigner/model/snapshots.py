"""Reviews over time: what a snapshot keeps of a map, how two reviews compare, and when
the next review falls (no Qt).

A snapshot's record is small and plain (``schema.record``): ids, titles cut to
``TITLE_CHARS``, emotions, the measured or typed NPS/CSAT with their answer counts, the
notes and the actions' status, never pictures or what customers wrote.  Records
come from files, so ``compare`` reads them defensively: an entry of the wrong shape is
passed over, never a crash.

The rules ``compare`` applies (docs/cli-json.md, "compare"):

- Elements are matched by id; a title is only a name to show (the later side's).
- Emotions and scores are compared for the touchpoints on both sides.
- A pain point or opportunity is *resolved* on a side when it is gone from the map, or
  when at least one action addresses it and every action addressing it is done
  (a cancelled action resolves nothing).  It counts as resolved since the earlier side
  when it is resolved on the later side and was not on the earlier one.
- An action is *completed* since when it is done on the later side and was not done
  (or did not exist) on the earlier; *late* when, on the later side, its due date is
  before that side's date and it is neither done nor cancelled; *new* when the earlier
  side did not have it.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from . import metrics as M
from . import schema as S

if TYPE_CHECKING:
    from .changes import Change
    from .journey import JourneyMap

RECORD_VERSION = 1
TITLE_CHARS = 200  # a record names things; the map keeps their whole titles
NOTE_KINDS = ("pain_point", "opportunity")  # what a review follows as added / resolved
CURRENT = "current"  # the name ``compare`` gives the map as it is now


# ------------------------------------------------------------------ records
def make_record(journey: "JourneyMap", metrics: M.Metrics | None = None,
                day: _dt.date | None = None) -> dict[str, Any]:
    """What a review keeps of ``journey`` on ``day`` (default today)."""
    metrics = metrics if metrics is not None else M.compute(journey)
    get = journey.get
    stages = [{"id": s, "title": _short(get(s)["title"]), "order": i}
              for i, s in enumerate(journey.stages())]
    touchpoints = []
    for i, tp in enumerate(journey.journey_order()):
        attrs = get(tp)
        tally = metrics.touchpoints.get(tp) or M.Tally(typed_nps=attrs["nps"],
                                                       typed_csat=attrs["csat"])
        entry = {"id": tp, "title": _short(attrs["title"]), "stage": journey.stage_of(tp),
                 "order": i, "emotions": dict(attrs["emotions"]), "items": tally.items,
                 "nps": _rounded(tally.nps), "nps_answers": tally.nps_answers,
                 "nps_typed": tally.nps_typed, "csat": _rounded(tally.csat),
                 "csat_answers": tally.csat_answers, "csat_typed": tally.csat_typed}
        touchpoints.append(_compact(entry))
    personas = [{"id": p, "title": _short(get(p)["title"])} for p in journey.ids(S.PERSONA)]
    notes = [_compact({"id": n, "title": _short(get(n)["title"]), "kind": get(n)["note_kind"],
                       "target": journey.target_of(n)}) for n in journey.ids(S.NOTE)]
    actions = [_compact({"id": a, "title": _short(get(a)["title"]), "status": get(a)["status"],
                         "due": get(a)["due"], "notes": journey.addressed_by(a)})
               for a in journey.ids(S.ACTION)]
    return {"version": RECORD_VERSION, "date": (day or _dt.date.today()).isoformat(),
            "stages": stages, "touchpoints": touchpoints, "personas": personas,
            "notes": notes, "actions": actions}


def take_snapshot(journey: "JourneyMap", name: str,
                  now: _dt.datetime | None = None) -> "Change":
    """Record the map as it is under ``name``: one undoable edit."""
    now = (now or _dt.datetime.now().astimezone()).replace(microsecond=0)
    record = make_record(journey, M.compute(journey), now.date())
    return journey.add_snapshot(name, now.isoformat(), record)


_COUNTS = frozenset({"items", "nps_answers", "csat_answers"})


def _compact(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry without what says nothing (none, false, a zero count, an empty table or
    list), which a reader takes as missing anyway: the record of a large map stays a
    fraction of the map's size.  A measured 0 (an NPS of 0) is kept."""
    return {k: v for k, v in entry.items()
            if not (v is None or v is False or v == {} or v == []
                    or (k in _COUNTS and v == 0))}


def _short(title: str) -> str:
    return title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS - 1] + "\u2026"


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


# ------------------------------------------------------------------ reading records
def _entries(record: Mapping[str, Any], key: str) -> dict[str, dict[str, Any]]:
    """The entries of one list of a record by id, skipping any of the wrong shape."""
    found: dict[str, dict[str, Any]] = {}
    listed = record.get(key) if isinstance(record, Mapping) else None
    for entry in listed if isinstance(listed, list) else ():
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            found.setdefault(entry["id"], entry)
    return found


def _text(entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key)
    return value if isinstance(value, str) else ""


def _number(entry: Mapping[str, Any], key: str) -> float | None:
    value = entry.get(key)
    if type(value) is int and abs(value) < 1e300:  # a huge whole number has no float
        return float(value)
    if type(value) is float and math.isfinite(value):
        return value
    return None


def _count(entry: Mapping[str, Any], key: str) -> int:
    value = entry.get(key)
    return value if type(value) is int and value >= 0 else 0


def _emotion(table: Any, persona: str) -> int | None:
    value = table.get(persona) if isinstance(table, dict) else None
    return value if type(value) is int and S.EMOTION_MIN <= value <= S.EMOTION_MAX else None


def _date(value: Any) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(S.iso_date(value)) if value else None
    except (ValueError, TypeError):
        return None


def record_date(record: Mapping[str, Any]) -> _dt.date | None:
    return _date(record.get("date")) if isinstance(record, Mapping) else None


# ------------------------------------------------------------------ comparing
@dataclass
class EmotionChange:
    touchpoint: str
    title: str
    persona: str  # a persona id, or "*" for any customer
    persona_title: str
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass
class ScoreChange:
    touchpoint: str
    title: str
    nps_before: float | None
    nps_after: float | None
    csat_before: float | None
    csat_after: float | None
    answers_before: int  # NPS answers on each side
    answers_after: int
    typed_before: bool  # the NPS was typed by hand, not measured
    typed_after: bool
    csat_answers_before: int = 0
    csat_answers_after: int = 0
    csat_typed_before: bool = False
    csat_typed_after: bool = False

    @property
    def nps_change(self) -> float | None:
        return _difference(self.nps_before, self.nps_after)

    @property
    def csat_change(self) -> float | None:
        return _difference(self.csat_before, self.csat_after)


def _difference(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else round(after - before, 1)


@dataclass
class Element:
    """A touchpoint, note or action as a list of changes names it."""
    id: str
    title: str
    kind: str = ""  # a note's kind; an action's status
    detail: str | None = None  # a note's target; an action's due date; a touchpoint's stage


@dataclass
class Comparison:
    before_date: _dt.date | None
    after_date: _dt.date | None
    emotions: list[EmotionChange] = field(default_factory=list)
    scores: list[ScoreChange] = field(default_factory=list)
    notes_added: list[Element] = field(default_factory=list)
    notes_resolved: list[Element] = field(default_factory=list)
    actions_completed: list[Element] = field(default_factory=list)
    actions_late: list[Element] = field(default_factory=list)
    actions_new: list[Element] = field(default_factory=list)
    touchpoints_added: list[Element] = field(default_factory=list)
    touchpoints_removed: list[Element] = field(default_factory=list)
    order: list[str] = field(default_factory=list)  # the touchpoints of both, later order

    def changed_emotions(self) -> list[EmotionChange]:
        return [e for e in self.emotions if e.before != e.after]

    def to_json(self) -> dict[str, Any]:
        """The comparison as ``cxdesigner compare --json`` writes it (a JSON-ready
        dict; docs/cli-json.md)."""
        def day(value: _dt.date | None) -> str | None:
            return value.isoformat() if value else None

        def elements(items: list[Element], detail: str) -> list[dict[str, Any]]:
            out = []
            for e in items:
                entry: dict[str, Any] = {"id": e.id, "title": e.title}
                if e.kind:
                    entry["kind" if detail == "target" else "status"] = e.kind
                if detail:
                    entry[detail] = e.detail
                out.append(entry)
            return out

        return {
            "before": {"date": day(self.before_date)}, "after": {"date": day(self.after_date)},
            "emotions": [{**asdict(e), "change": e.change} for e in self.emotions],
            "scores": [{"touchpoint": s.touchpoint, "title": s.title,
                        "nps": {"before": s.nps_before, "after": s.nps_after,
                                "change": s.nps_change, "answers_before": s.answers_before,
                                "answers_after": s.answers_after,
                                "typed_before": s.typed_before, "typed_after": s.typed_after},
                        "csat": {"before": s.csat_before, "after": s.csat_after,
                                 "change": s.csat_change,
                                 "answers_before": s.csat_answers_before,
                                 "answers_after": s.csat_answers_after,
                                 "typed_before": s.csat_typed_before,
                                 "typed_after": s.csat_typed_after}} for s in self.scores],
            "notes": {"added": elements(self.notes_added, "target"),
                      "resolved": elements(self.notes_resolved, "target")},
            "actions": {"completed": elements(self.actions_completed, "due"),
                        "late": elements(self.actions_late, "due"),
                        "new": elements(self.actions_new, "due")},
            "touchpoints": {"added": elements(self.touchpoints_added, "stage"),
                            "removed": elements(self.touchpoints_removed, "stage")},
        }


def compare(before: Mapping[str, Any], after: Mapping[str, Any]) -> Comparison:
    """What changed from one record to a later one (``make_record`` gives the current
    map's).  Lists follow the later side's journey order, then the earlier's."""
    out = Comparison(record_date(before), record_date(after))
    tps_b, tps_a = _entries(before, "touchpoints"), _entries(after, "touchpoints")
    ordered = sorted(tps_a, key=lambda t: (_number(tps_a[t], "order") or 0.0))
    out.order = ordered + [t for t in sorted(
        tps_b, key=lambda t: (_number(tps_b[t], "order") or 0.0)) if t not in tps_a]
    personas = {**_entries(before, "personas"), **_entries(after, "personas")}
    for tp in ordered:
        a = tps_a[tp]
        if tp not in tps_b:
            out.touchpoints_added.append(Element(tp, _text(a, "title"), "",
                                                 _text(a, "stage") or None))
            continue
        b = tps_b[tp]
        title = _text(a, "title")
        emotions_b, emotions_a = b.get("emotions"), a.get("emotions")
        keys = [S.GENERAL] + [p for p in personas if p != S.GENERAL]
        for persona in keys:
            was, now = _emotion(emotions_b, persona), _emotion(emotions_a, persona)
            if was is not None or now is not None:
                out.emotions.append(EmotionChange(
                    tp, title, persona, _text(personas.get(persona, {}), "title"), was, now))
        score = ScoreChange(tp, title, _number(b, "nps"), _number(a, "nps"),
                            _number(b, "csat"), _number(a, "csat"), _count(b, "nps_answers"),
                            _count(a, "nps_answers"), b.get("nps_typed") is True,
                            a.get("nps_typed") is True, _count(b, "csat_answers"),
                            _count(a, "csat_answers"), b.get("csat_typed") is True,
                            a.get("csat_typed") is True)
        if any(v is not None for v in (score.nps_before, score.nps_after, score.csat_before,
                                       score.csat_after)):
            out.scores.append(score)
    for tp in out.order[len(ordered):]:
        b = tps_b[tp]
        out.touchpoints_removed.append(Element(tp, _text(b, "title"), "",
                                               _text(b, "stage") or None))
    _compare_notes(out, before, after)
    _compare_actions(out, before, after)
    return out


def _resolved(record: Mapping[str, Any]) -> set[str]:
    """The notes of a record that every action addressing them has done (and at least
    one does)."""
    statuses: dict[str, list[str]] = {}
    for action in _entries(record, "actions").values():
        notes = action.get("notes")
        for note in notes if isinstance(notes, list) else ():
            if isinstance(note, str):
                statuses.setdefault(note, []).append(_text(action, "status"))
    return {n for n, found in statuses.items() if found and all(s == "done" for s in found)}


def _compare_notes(out: Comparison, before: Mapping[str, Any],
                   after: Mapping[str, Any]) -> None:
    notes_b, notes_a = _entries(before, "notes"), _entries(after, "notes")
    done_b, done_a = _resolved(before), _resolved(after)

    def element(entry: dict[str, Any]) -> Element:
        target = entry.get("target")
        return Element(entry["id"], _text(entry, "title"), _text(entry, "kind"),
                       target if isinstance(target, str) else None)

    for note, entry in notes_a.items():
        if _text(entry, "kind") not in NOTE_KINDS:
            continue
        if note not in notes_b:
            out.notes_added.append(element(entry))
        if note in done_a and not (note in notes_b and note in done_b):
            out.notes_resolved.append(element(entry))
    for note, entry in notes_b.items():
        if (_text(entry, "kind") in NOTE_KINDS and note not in notes_a
                and note not in done_b):
            out.notes_resolved.append(element(entry))


def _compare_actions(out: Comparison, before: Mapping[str, Any],
                     after: Mapping[str, Any]) -> None:
    actions_b, actions_a = _entries(before, "actions"), _entries(after, "actions")
    for action, entry in actions_a.items():
        status = _text(entry, "status")
        due = _date(entry.get("due"))
        item = Element(action, _text(entry, "title"), status,
                       due.isoformat() if due else None)
        if status == "done" and _text(actions_b.get(action, {}), "status") != "done":
            out.actions_completed.append(item)
        if (due is not None and out.after_date is not None and due < out.after_date
                and status not in ("done", "cancelled")):
            out.actions_late.append(item)
        if action not in actions_b:
            out.actions_new.append(item)


# ------------------------------------------------------------------ the next review
def add_months(day: _dt.date, months: int) -> _dt.date:
    """``day`` moved ``months`` on, the day clamped to the month's last
    (31 January + 1 month = 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9998:  # the calendar's ends: no review falls past them
        return _dt.date.max if months > 0 else _dt.date.min
    following = _dt.date(year + (month == 12), month % 12 + 1, 1)
    return _dt.date(year, month, min(day.day, (following - _dt.timedelta(days=1)).day))


def last_review(journey: "JourneyMap") -> _dt.date | None:
    """The day of the latest snapshot, else the day the map was made, else None."""
    shots = journey.snapshots()
    for taken in ([journey.get(shots[-1])["taken"]] if shots else []) + [
            journey.document["created"]]:
        if taken:
            try:
                return _dt.datetime.fromisoformat(taken).date()
            except ValueError:
                continue
    return None


def next_review(journey: "JourneyMap", today: _dt.date) -> _dt.date:
    """When the map is next due for review: ``review_months`` after the last one."""
    return add_months(last_review(journey) or today, journey.document["review_months"])


def is_overdue(journey: "JourneyMap", today: _dt.date) -> bool:
    return next_review(journey, today) < today
