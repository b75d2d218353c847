"""NPS, CSAT and counts of customer feedback, per touchpoint, per stage and for the
whole journey, over any range of dates (no Qt).

- **NPS**, on the -100..100 scale: the percentage of promoters (answers 9-10) minus the
  percentage of detractors (0-6) among the items that answered the question.
- **CSAT**: the percentage of 4 and 5 answers among those that answered (1-5).
- Items without a date are counted whatever the range, unless a range is given: then
  only dated items inside it count (an undated answer cannot be placed in a period).

Where a touchpoint has no answers, its hand-typed ``nps`` / ``csat`` fields stand in,
marked ``typed`` so nobody mistakes them for measurements.  A stage's and the journey's
figures are computed from the answers of their items (not averaged from touchpoints),
so a touchpoint with 300 answers weighs more than one with 3.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import schema as S

if TYPE_CHECKING:
    from .journey import JourneyMap


@dataclass
class Tally:
    """Answers counted for one touchpoint, stage or journey."""
    items: int = 0
    promoters: int = 0
    passives: int = 0
    detractors: int = 0
    csat_answers: int = 0
    satisfied: int = 0  # CSAT answers of 4 or 5
    typed_nps: float | None = None  # a touchpoint's hand-typed value, if no answers
    typed_csat: float | None = None

    def add(self, nps: int | None, csat: int | None, count: int = 1) -> None:
        """Count one item's answers (``count=-1``: take them back out)."""
        self.items += count
        if nps is not None:
            if nps >= 9:
                self.promoters += count
            elif nps >= 7:
                self.passives += count
            else:
                self.detractors += count
        if csat is not None:
            self.csat_answers += count
            self.satisfied += count * (csat >= 4)

    def merge(self, other: "Tally") -> None:
        for name in ("items", "promoters", "passives", "detractors", "csat_answers",
                     "satisfied"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def nps_answers(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def nps(self) -> float | None:
        """The measured NPS, or the typed one where nothing was measured, or None."""
        answers = self.nps_answers
        if answers:
            return 100.0 * (self.promoters - self.detractors) / answers
        return self.typed_nps

    @property
    def csat(self) -> float | None:
        if self.csat_answers:
            return 100.0 * self.satisfied / self.csat_answers
        return self.typed_csat

    @property
    def nps_typed(self) -> bool:
        return not self.nps_answers and self.typed_nps is not None

    @property
    def csat_typed(self) -> bool:
        return not self.csat_answers and self.typed_csat is not None

    def as_dict(self) -> dict[str, Any]:
        """The figures as ``cxdesigner metrics --json`` writes them (docs/cli-json.md)."""
        return {"items": self.items, "nps": _rounded(self.nps),
                "nps_answers": self.nps_answers, "promoters": self.promoters,
                "passives": self.passives, "detractors": self.detractors,
                "nps_typed": self.nps_typed, "csat": _rounded(self.csat),
                "csat_answers": self.csat_answers, "csat_typed": self.csat_typed}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


@dataclass
class Metrics:
    """The figures of a map over a range of dates."""
    start: _dt.date | None
    end: _dt.date | None
    touchpoints: dict[str, Tally] = field(default_factory=dict)  # in journey order
    stages: dict[str, Tally] = field(default_factory=dict)  # in stage order
    journey: Tally = field(default_factory=Tally)  # every matched and unmatched item
    unmatched: Tally = field(default_factory=Tally)


def in_range(date: str | None, start: _dt.date | None, end: _dt.date | None) -> bool:
    if start is None and end is None:
        return True
    if not date:
        return False
    day = _dt.date.fromisoformat(date)
    return (start is None or day >= start) and (end is None or day <= end)


def tally(journey: "JourneyMap", items: Iterable[str], start: _dt.date | None = None,
          end: _dt.date | None = None) -> Tally:
    """The answers of some feedback items inside a range of dates."""
    out = Tally()
    get = journey.get
    for item in items:
        attrs = get(item)
        if in_range(attrs["date"], start, end):
            out.add(attrs["nps"], attrs["csat"])
    return out


def compute(journey: "JourneyMap", start: _dt.date | None = None,
            end: _dt.date | None = None) -> Metrics:
    """Every touchpoint's, stage's and the journey's figures, in one pass over the
    feedback (``O(items + touchpoints)``)."""
    out = Metrics(start, end)
    order = journey.journey_order()
    for tp in order:
        attrs = journey.get(tp)
        out.touchpoints[tp] = Tally(typed_nps=attrs["nps"], typed_csat=attrs["csat"])
    for stage in journey.stages():
        out.stages[stage] = Tally()
    get = journey.get
    for item in journey.feedback_items():
        attrs = get(item)
        if not in_range(attrs["date"], start, end):
            continue
        tp = journey.touchpoint_of_item(item)
        target = out.unmatched if tp is None else out.touchpoints[tp]
        target.add(attrs["nps"], attrs["csat"])
        out.journey.add(attrs["nps"], attrs["csat"])
    for tp in order:
        out.stages[journey.stage_of(tp)].merge(out.touchpoints[tp])
    return out


def touchpoint_badge(journey: "JourneyMap", tp: str) -> tuple[int, float | None]:
    """What a card's badge shows: how many items are about it and their NPS (None when
    none answered), in O(its items)."""
    found = tally(journey, journey.feedback_on(tp))
    return found.items, found.nps  # no typed value in it: None when none answered


def parse_date(text: str, what: str) -> _dt.date:
    """A ``YYYY-MM-DD`` date the user typed, or ValueError naming ``what``."""
    try:
        return _dt.date.fromisoformat(S.iso_date(text))
    except (ValueError, TypeError):
        raise ValueError(f"{what} must be a date written YYYY-MM-DD (got {text!r:.40})") \
            from None
