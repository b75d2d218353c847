"""``cxdesigner metrics``: NPS, CSAT and feedback counts per touchpoint, per stage and
for the journey (``model/metrics.py``), as a table or as JSON (``docs/cli-json.md``)."""

from __future__ import annotations

import argparse
import datetime as _dt

from ..model import JourneyMap
from ..model import metrics as M
from ..model.metrics import Metrics, Tally
from ..terminal import clean
from .plan_output import _dump


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("metrics", help="NPS, CSAT and feedback counts per touchpoint",
                       description="Print NPS (-100..100: %% promoters 9-10 minus %% "
                       "detractors 0-6), CSAT (%% of 4-5 answers) and feedback counts per "
                       "touchpoint, per stage and for the journey, from the map's feedback "
                       "items; hand-typed values stand in (marked 'typed') where nothing "
                       "was measured.")
    p.add_argument("file", metavar="MAP")
    p.add_argument("--from", dest="start", metavar="DATE",
                   help="count feedback dated on or after DATE (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", metavar="DATE",
                   help="count feedback dated on or before DATE (YYYY-MM-DD)")
    p.add_argument("--json", action="store_true", help="JSON output (docs/cli-json.md)")


def dates(args: argparse.Namespace) -> tuple[_dt.date | None, _dt.date | None]:
    """The range asked for; ValueError naming the option when a date is wrong."""
    start = M.parse_date(args.start, "--from") if args.start is not None else None
    end = M.parse_date(args.end, "--to") if args.end is not None else None
    if start and end and end < start:
        raise ValueError(f"--to {end} is before --from {start}")
    return start, end


def metrics_json(journey: JourneyMap, found: Metrics) -> str:
    return _dump({
        "version": 1,
        "from": found.start.isoformat() if found.start else None,
        "to": found.end.isoformat() if found.end else None,
        "journey": found.journey.as_dict(),
        "unmatched": found.unmatched.as_dict(),
        "stages": [{"id": s, "title": journey.title(s), **t.as_dict()}
                   for s, t in found.stages.items()],
        "touchpoints": [{"id": tp, "title": journey.title(tp),
                         "stage": journey.stage_of(tp), **t.as_dict()}
                        for tp, t in found.touchpoints.items()],
    })


def _figure(value: float | None, typed: bool) -> str:
    if value is None:
        return "-"
    return f"{value:+.0f}" + (" typed" if typed else "")


def _row(name: str, t: Tally) -> str:
    csat = "-" if t.csat is None else f"{t.csat:.0f}%" + (" typed" if t.csat_typed else "")
    return (f"{clean(name)[:40]:<40}  {t.items:>6}  {_figure(t.nps, t.nps_typed):>9}  "
            f"{t.nps_answers:>7}  {csat:>10}  {t.csat_answers:>7}")


def metrics_text(journey: JourneyMap, found: Metrics) -> str:
    span = ("all dates" if not (found.start or found.end) else
            f"{found.start or '...'} to {found.end or '...'} (undated items left out)")
    head = f"{'':<40}  {'items':>6}  {'NPS':>9}  {'answers':>7}  {'CSAT':>10}  {'answers':>7}"
    lines = [f"Feedback metrics, {span}", "", head,
             _row("Journey", found.journey), _row("Unmatched feedback", found.unmatched), ""]
    for stage, tally in found.stages.items():
        lines.append(_row(f"Stage: {journey.title(stage) or '(untitled)'}", tally))
        for tp in journey.touchpoints_in(stage):
            if tp in found.touchpoints:
                lines.append(_row(f"  {journey.title(tp) or '(untitled)'}",
                                  found.touchpoints[tp]))
    return "\n".join(lines)
