"""The report's "Progress since NAME" section: the same figures as ``cxdesigner compare``
(``model/snapshots.py``) between a snapshot and the map as it is on the report's date,
with the emotion curve before and now on one chart; and the next review date.

The section is left out when the map has no snapshot (``report._Builder``)."""

from __future__ import annotations

from ..model import metrics, snapshots
from ..model import schema as S
from .charts import MAX_POINTS, CurveChart, CurvePoint, draw_curve
from .context import FAINT, INK, MUTED, RED, RULE, Ctx
from .flowables import Block, Cell, Heading, P, Row, Table
from .fonts import embed
from .labels import EMOTION_COLOURS, NOTE_COLOURS, STATUS_COLOURS, signed
from .rtl import Style
from .sections import Tiles, emotion_pill, header_row, kind_label, minor_heading, text

BEFORE_COLOUR = "#8a949e"
MAX_ROWS = 300  # rows of one list; a longer one says how many more


def snapshot_for(journey, since: str | None) -> str | None:
    """The snapshot a report compares with: the one named ``since``, else the latest;
    None when the map has none.  An unknown name is a ``ValueError`` naming those
    there are."""
    shots = journey.snapshots()
    if since is None:
        return shots[-1] if shots else None
    found = journey.snapshot_named(since)
    if found is None:
        names = ", ".join(repr(journey.get(s)["title"]) for s in shots)
        raise ValueError(f"The map has no snapshot named {since!r:.80}; "
                         + (f"its snapshots are: {names:.400}." if shots else
                            "it has none yet."))
    return found


def title(ctx: Ctx) -> str:
    if ctx.since is None:
        return ctx.labels("progress")
    return ctx.labels("progress_since", name=ctx.t(ctx.journey.title(ctx.since)))


def comparison(ctx: Ctx) -> snapshots.Comparison:
    if "comparison" not in ctx._memo:
        j = ctx.journey
        attrs = j.get(ctx.since)
        record = attrs["record"]
        if snapshots.record_date(record) is None and attrs["taken"]:
            record = {**record, "date": attrs["taken"][:10]}
        now = snapshots.make_record(j, metrics.compute(j), ctx.today)
        ctx._memo["comparison"] = (snapshots.compare(record, now), record)
    return ctx._memo["comparison"][0]


def review_line(ctx: Ctx) -> list:
    """One line: when the map is next due for review (late in red)."""
    L, th = ctx.labels, ctx.theme
    day = snapshots.next_review(ctx.journey, ctx.today)
    late = day < ctx.today
    value = L("review_late", date=L.date(day)) if late else L.date(day)
    return [Block([P([(L("next_review") + ": ", th.small_bold),
                      (value, Style(th.small_bold.font, 7.8, RED) if late else th.small)],
                     before=6.0, after=2.0)], ctx.rtl)]


def next_review_text(ctx: Ctx) -> str:
    day = snapshots.next_review(ctx.journey, ctx.today)
    return (ctx.labels("review_late", date=ctx.labels.date(day)) if day < ctx.today
            else ctx.labels.date(day))


def _number(value: float | None, typed: bool = False) -> str:
    if value is None:
        return "\u2013"
    # a true minus, kept before its digits in a right-to-left table (as ``signed``)
    return f"\u202a{value:g}\u202c".replace("-", "\u2212") + ("*" if typed else "")


def _change(value: float | None) -> tuple[str, str]:
    if value is None:
        return "\u2013", FAINT
    return signed(value), (EMOTION_COLOURS[2] if value > 0 else EMOTION_COLOURS[-2]
                           if value < 0 else MUTED)


# ------------------------------------------------------------------ the section
def progress(ctx: Ctx) -> list:
    j, L, th = ctx.journey, ctx.labels, ctx.theme
    if ctx.since is None:  # asked for alone, with no snapshot: say how to have one
        return [Heading("progress", title(ctx), th.h1, ctx.rtl, 0, ctx.register,
                        rule=th.accent, space_after=12.0), text(ctx, L("no_snapshot"), th.body)]
    result = comparison(ctx)
    name = ctx.t(j.title(ctx.since))
    out: list = [Heading("progress", title(ctx), th.h1, ctx.rtl, 0, ctx.register,
                         rule=th.accent, space_after=12.0)]
    before = L.date(result.before_date) if result.before_date else "\u2013"
    out.append(text(ctx, L("progress_intro", name=embed(name), before=before,
                           after=L.date(ctx.today)), th.body, after=8.0))
    out.append(Tiles(ctx, [
        (len(result.notes_added), L("n_added"), NOTE_COLOURS["pain_point"]),
        (len(result.notes_resolved), L("n_resolved"), NOTE_COLOURS["opportunity"]),
        (len(result.actions_completed), L("n_completed"), STATUS_COLOURS["done"]),
        (len(result.actions_late), L("n_late"), RED if result.actions_late else None),
        (len(result.actions_new), L("n_new_actions"), None),
        (len(result.touchpoints_added), L("n_new_touchpoints"), None),
    ]))
    out += review_line(ctx)
    out += _curves(ctx, result, name)
    out += _scores(ctx, result)
    out += _emotions(ctx, result)
    out += _notes(ctx, result)
    out += _actions(ctx, result)
    out += _touchpoints(ctx, result)
    return out


class BeforeNowChart(CurveChart):
    """The emotion curve now (the accent colour, dots by emotion) over the curve of
    the review (grey, dashed), on the touchpoints of the map now."""

    def __init__(self, ctx: Ctx, persona: str, points: list[CurvePoint],
                 stage_titles: list[str], before: dict[str, int | None]) -> None:
        super().__init__(ctx, persona, points, stage_titles)
        self.before = before

    def draw_curves(self, canv, px, py) -> None:
        draw_curve(canv, px, py, [self.before.get(p.tp) for p in self.points], None,
                   dash=(3.0, 2.0), width=1.4, dot=2.4)
        super().draw_curves(canv, px, py)


def _curves(ctx: Ctx, result: snapshots.Comparison, name: str) -> list:
    j, L, th = ctx.journey, ctx.labels, ctx.theme
    order = j.journey_order()
    if not order:
        return []
    stage_index = {s: i for i, s in enumerate(j.stages())}
    points = [CurvePoint(ctx.numbers[tp], tp, stage_index[j.stage_of(tp)]) for tp in order]
    titles = [ctx.title(s) for s in j.stages()]
    out: list = minor_heading(ctx, L("emotion_before_now"), room=240.0)
    legend = Style(th.small.font, 7.8, MUTED)
    out.append(Block([P([("- - -  ", Style(th.small_bold.font, 9.0, BEFORE_COLOUR)),
                         (L("before_named", name=embed(name)), legend), ("     ", legend),
                         ("\u2014\u2014  ", Style(th.small_bold.font, 9.0, th.accent)),
                         (L("now"), legend)], after=2.0)], ctx.rtl))
    shown = [S.GENERAL] if ctx.persona == S.GENERAL else [ctx.persona]
    for persona in shown:
        before = {e.touchpoint: e.before for e in result.emotions if e.persona == persona}
        if persona != S.GENERAL:
            out.append(text(ctx, ctx.persona_name(persona), th.small_bold, after=1.0))
        for start in range(0, len(points), MAX_POINTS):
            out.append(BeforeNowChart(ctx, persona, points[start:start + MAX_POINTS], titles,
                                      before))
    return out


def _scores(ctx: Ctx, result: snapshots.Comparison) -> list:
    L, th = ctx.labels, ctx.theme
    out: list = minor_heading(ctx, L("scores_change"))
    if not result.scores:
        return out + [text(ctx, L("none_since"), th.small)]
    widths = [0.06, 0.34, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]
    cell = Style(th.body.font, 8.2, INK)
    rows = []
    for s in result.scores[:MAX_ROWS]:
        cells = [Cell([P([(str(ctx.numbers.get(s.touchpoint, "")), th.small_bold)])]),
                 Cell([P([(ctx.title(s.touchpoint), cell)])])]
        for was, now, change, typed in (
                (s.nps_before, s.nps_after, s.nps_change, (s.typed_before, s.typed_after)),
                (s.csat_before, s.csat_after, s.csat_change,
                 (s.csat_typed_before, s.csat_typed_after))):
            label, colour = _change(change)
            cells += [Cell([P([(_number(was, typed[0]), th.small)], align="end")]),
                      Cell([P([(_number(now, typed[1]), cell)], align="end")]),
                      Cell([P([(label, Style(th.small_bold.font, 8.2, colour))],
                              align="end")])]
        rows.append(Row(cells, widths, rule="#eceff2"))
    head = header_row(ctx, ["#", L("touchpoint"), f"{L('nps')} {L('before')}", L("now"),
                            L("change"), f"{L('csat')} {L('before')}", L("now"), L("change")],
                      widths, ["start", "start"] + ["end"] * 6)
    out.append(Table(rows, ctx.rtl, [head]))
    if any(s.typed_before or s.typed_after or s.csat_typed_before or s.csat_typed_after
           for s in result.scores):
        out.append(text(ctx, L("typed_by_hand"), th.tiny))
    return out + _more(ctx, len(result.scores))


def _emotions(ctx: Ctx, result: snapshots.Comparison) -> list:
    L, th = ctx.labels, ctx.theme
    out: list = minor_heading(ctx, L("emotions_changed"))
    changed = result.changed_emotions()
    if not changed:
        return out + [text(ctx, L("no_emotion_change"), th.small)]
    widths = [0.06, 0.38, 0.26, 0.1, 0.1, 0.1]
    rows = []
    for e in changed[:MAX_ROWS]:
        persona = (ctx.labels("all_customers") if e.persona == S.GENERAL
                   else ctx.t(e.persona_title) or e.persona)
        label, colour = _change(e.change)
        rows.append(Row([
            Cell([P([(str(ctx.numbers.get(e.touchpoint, "")), th.small_bold)])]),
            Cell([P([(ctx.title(e.touchpoint), Style(th.body.font, 8.2, INK))])]),
            Cell([P([(persona, th.small)])]),
            Cell([emotion_pill(ctx, e.before, words=False)]),
            Cell([emotion_pill(ctx, e.after, words=False)]),
            Cell([P([(label, Style(th.small_bold.font, 8.2, colour))], align="end")]),
        ], widths, rule="#eceff2"))
    head = header_row(ctx, ["#", L("touchpoint"), L("persona"), L("before"), L("now"),
                            L("change")], widths, ["start"] * 5 + ["end"])
    return out + [Table(rows, ctx.rtl, [head])] + _more(ctx, len(changed))


def _where(ctx: Ctx, element: snapshots.Element) -> str:
    """Where a note is (or was) about, named by the map now, else by the review."""
    j = ctx.journey
    if element.id in j and j.kind_of(element.id) == S.NOTE:
        target = j.target_of(element.id)
    else:
        target = element.detail
    if target is None:
        return ctx.labels("whole_journey")
    if target in j:
        number = ctx.numbers.get(target)
        return f"{number} {ctx.title(target)}" if number else ctx.title(target)
    record = ctx._memo["comparison"][1]
    for key in ("touchpoints", "stages"):
        entries = record.get(key)
        for entry in entries if isinstance(entries, list) else ():
            if isinstance(entry, dict) and entry.get("id") == target:
                found = entry.get("title")
                return ctx.t(found) if isinstance(found, str) else ""
    return ""


def _notes(ctx: Ctx, result: snapshots.Comparison) -> list:
    L, th = ctx.labels, ctx.theme
    out: list = []
    for key, items in (("notes_added", result.notes_added),
                       ("notes_resolved", result.notes_resolved)):
        out += minor_heading(ctx, L(key))
        if not items:
            out.append(text(ctx, L("none_since"), th.small))
            continue
        widths = [0.62, 0.38]
        rows = []
        for e in items[:MAX_ROWS]:
            gone = e.id not in ctx.journey
            name = ctx.title(e.id) if not gone else ctx.t(e.title)
            spans = [kind_label(ctx, e.kind), ("  ", th.body),
                     (name, Style(th.body_bold.font, 8.6, INK))]
            where = _where(ctx, e)
            if gone:
                where = f"{where} \u00b7 {L('removed_from_map')}" if where else \
                    L("removed_from_map")
            rows.append(Row([Cell([P(spans)]), Cell([P([(where, th.small)])])], widths,
                            rule=RULE))
        out.append(Table(rows, ctx.rtl))
        out += _more(ctx, len(items))
    return out


def _actions(ctx: Ctx, result: snapshots.Comparison) -> list:
    L, th = ctx.labels, ctx.theme
    out: list = []
    widths = [0.6, 0.18, 0.22]
    head = header_row(ctx, [L("action"), L("due"), L("status")], widths)
    for key, items in (("actions_completed", result.actions_completed),
                       ("actions_late", result.actions_late),
                       ("actions_new", result.actions_new)):
        out += minor_heading(ctx, L(key))
        if not items:
            out.append(text(ctx, L("none_since"), th.small))
            continue
        rows = []
        for e in items[:MAX_ROWS]:
            late = key == "actions_late"
            rows.append(Row([
                Cell([P([(ctx.title(e.id) if e.id in ctx.journey else ctx.t(e.title),
                          Style(th.body.font, 8.6, INK))])]),
                Cell([P([(e.detail or "\u2013", Style(th.small_bold.font, 7.8, RED)
                          if late else th.small)])]),
                Cell([P([(L.status(e.kind) if e.kind in S.ACTION_STATUSES else e.kind,
                          Style(th.small_bold.font, 7.2, "#ffffff"))],
                        pill=STATUS_COLOURS.get(e.kind, FAINT))]),
            ], widths, rule="#eceff2"))
        out.append(Table(rows, ctx.rtl, [head]))
        out += _more(ctx, len(items))
    return out


def _touchpoints(ctx: Ctx, result: snapshots.Comparison) -> list:
    L, th = ctx.labels, ctx.theme
    out: list = []
    for key, items in (("touchpoints_added", result.touchpoints_added),
                       ("touchpoints_removed", result.touchpoints_removed)):
        if not items:
            continue
        out += minor_heading(ctx, L(key))
        lines = []
        for e in items[:MAX_ROWS]:
            number = ctx.numbers.get(e.id)
            name = ctx.title(e.id) if e.id in ctx.journey else ctx.t(e.title)
            lines.append(P([(f"{number} " if number else "", th.small_bold),
                            (name, th.body)], bullet=[("\u2022", th.body)], hang=10.0,
                           after=1.5))
        out.append(Block(lines, ctx.rtl))
        out += _more(ctx, len(items))
    return out


def _more(ctx: Ctx, count: int) -> list:
    if count <= MAX_ROWS:
        return []
    return [text(ctx, ctx.labels("and_more", n=count - MAX_ROWS), ctx.theme.small)]

