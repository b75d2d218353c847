"""The deck's content slides: stage by stage, SWOT, the priority matrix, the
prioritised action plan and the personas.  Lists become real tables, split over as
many slides as they need (the header repeated, the title marked "continued")."""

from __future__ import annotations

import math

from ..model import schema as S
from .charts import QUADRANTS, quadrant
from .context import FAINT, INK, MUTED, RED, WHITE, Ctx, mix, shorten
from .deck_draw import (BODY_BOTTOM, BODY_Y, MARGIN, SLIDE_W, DeckCanvas, Para, Run,
                        paras_height, split_rows)
from .labels import EMOTION_COLOURS, NO_EMOTION, NOTE_COLOURS, STATUS_COLOURS, signed
from .sections import SWOT, SWOT_COLOURS, where

AREA_W = SLIDE_W - 2 * MARGIN
PAIN_KINDS = ("pain_point", "weakness")
SHORT = 90  # characters of a title in a table cell; the report holds it whole
BODY, SMALL = 11.0, 9.5


def kind_run(ctx: Ctx, kind: str, size: float = 8.5) -> Run:
    name = ctx.labels.note_kind(kind)
    return Run((name.upper() if ctx.labels.lang == "en" else name) + "  ", size, True,
               NOTE_COLOURS.get(kind, FAINT))


def emotion_para(ctx: Ctx, value: int | None) -> Para:
    if value is None:
        return Para([Run("\u2013", BODY, False, FAINT)], after=0)
    return Para([Run(signed(value), BODY, True, EMOTION_COLOURS.get(value, NO_EMOTION)),
                 Run("  " + ctx.labels.emotion(value), SMALL, False, MUTED)], after=0)


def tp_name(ctx: Ctx, tp: str) -> str:
    return f"{ctx.numbers.get(tp, '')} {shorten(ctx.title(tp), SHORT)}".strip()


def tabled(canvas: DeckCanvas, title: str, widths: list[float], head: list[str],
           rows: list[list[list[Para]]], fills: list[str | None] | None = None,
           top: float = BODY_Y, first_slide=None, x: float = MARGIN,
           w: float = AREA_W) -> None:
    """``rows`` as one table split over slides; the first may be given, already drawn."""
    L = canvas.ctx.labels
    heights = [canvas.row_height(cells, widths, w) for cells in rows]
    head_h = canvas.head_height(head, widths, w)
    room = BODY_BOTTOM - BODY_Y - head_h
    for k, (a, b) in enumerate(split_rows(heights, room, BODY_BOTTOM - top - head_h)):
        if k == 0 and first_slide is not None:
            slide, y = first_slide, top
        else:
            slide = canvas.slide(title if k == 0 else L("continued", title=title))
            y = top if k == 0 else BODY_Y
        if k:  # a continued table has the whole slide
            x, w = MARGIN, AREA_W
        canvas.table(slide, x, y, w, widths, head, rows[a:b],
                     fills[a:b] if fills else None)


# -------------------------------------------------------------------- stages
def stage_slides(canvas: DeckCanvas) -> None:
    ctx = canvas.ctx
    j, L = ctx.journey, ctx.labels
    stages = j.stages()
    if not stages:
        slide = canvas.slide(L("stages"))
        canvas.text(slide, MARGIN, BODY_Y, AREA_W, 30, [Para([Run(L("no_stages"), 14.0)])])
        return
    widths = [0.05, 0.33, 0.12, 0.25, 0.25]
    head = ["#", L("touchpoint"), L("emotion"), L("weaknesses"), L("opportunities")]
    for i, stage in enumerate(stages, 1):
        title = f"{L('stage_n', n=i)} \u00b7 {shorten(ctx.title(stage), 70)}"
        slide = canvas.slide(title)
        top = BODY_Y
        desc = shorten(ctx.t(j.get(stage)["description"]), 400)
        if desc:
            para = [Para([Run(desc, 12.0, False, MUTED)], after=0)]
            h = paras_height(para, AREA_W)
            canvas.text(slide, MARGIN, top, AREA_W, h, para)
            top += h + 10
        rows, fills = [], []
        stage_notes = j.notes_on(stage)
        if stage_notes:
            rows.append([[], [Para([Run(L("stage_notes"), BODY, True)], after=0)], [],
                         _note_list(ctx, stage_notes, PAIN_KINDS),
                         _note_list(ctx, stage_notes, ("opportunity",))])
            fills.append(canvas.tint)
        for tp in j.touchpoints_in(stage):
            attrs = j.get(tp)
            meta = f"{L.channel(attrs['channel'])} \u00b7 {L.mode(attrs['mode'])}"
            notes = j.notes_on(tp)
            rows.append([
                [Para([Run(str(ctx.numbers.get(tp, "")), BODY, True, canvas.dark)], after=0)],
                [Para([Run(shorten(ctx.title(tp), SHORT) or L("untitled_touchpoint"), BODY,
                           True)], after=1.0),
                 Para([Run(meta, SMALL, False, MUTED)], after=0)],
                [emotion_para(ctx, j.emotion(tp, ctx.persona))],
                _note_list(ctx, notes, PAIN_KINDS),
                _note_list(ctx, notes, ("opportunity",)),
            ])
            fills.append(None)
        if not rows:
            canvas.text(slide, MARGIN, top, AREA_W, 30,
                        [Para([Run(L("no_touchpoints"), 14.0, False, MUTED)])])
            continue
        tabled(canvas, title, widths, head, rows, fills, top=top, first_slide=slide)


def _note_list(ctx: Ctx, notes: list[str], kinds: tuple[str, ...]) -> list[Para]:
    j = ctx.journey
    return [Para([Run(shorten(ctx.title(n), SHORT) or ctx.labels("untitled_note"), SMALL,
                      False, INK)], after=1.5, bullet="\u25aa")
            for n in notes if j.get(n)["note_kind"] in kinds]


# ---------------------------------------------------------------------- swot
def swot_slide(canvas: DeckCanvas) -> None:
    ctx = canvas.ctx
    j, L = ctx.journey, ctx.labels
    slide = canvas.slide(L("swot"))
    order = {s.note: s.rank for s in ctx.ranking()}
    nodes = j.graph.nodes
    gap = 12.0
    qw = (AREA_W - gap) / 2
    qh = (BODY_BOTTOM - BODY_Y - gap) / 2
    head_h = 26.0
    for k, (key, kinds) in enumerate(SWOT):
        notes = [n for n in j.ids(S.NOTE) if nodes[n]["note_kind"] in kinds]
        notes.sort(key=lambda n: (order.get(n, 10 ** 9), -nodes[n]["votes"],
                                  nodes[n]["title"], n))
        x = MARGIN + (k % 2) * (qw + gap)
        y = BODY_Y + (k // 2) * (qh + gap)
        colour = SWOT_COLOURS[key]
        canvas.rect(slide, x, y, qw, qh, mix(colour, WHITE, 0.92))
        canvas.text(slide, x, y, qw, head_h,
                    [Para([Run(L(key), 14.0, True, WHITE), Run(f"   {len(notes)}", 11.0, False,
                                                               WHITE)], after=0)],
                    anchor="middle", fill=colour, pad=8.0)
        room = qh - head_h - 12
        inner = qw - 16
        paras: list[Para] = []
        used = 0.0
        for i, n in enumerate(notes):
            p = Para([Run(shorten(ctx.title(n), SHORT) or L("untitled_note"), 10.5, True),
                      Run("   " + where(ctx, n), 9.0, False, MUTED)], after=2.0,
                     bullet="\u2022")
            h = paras_height([p], inner)
            if used + h > room - 16 and i < len(notes) - 1:
                paras.append(Para([Run(L("and_more", n=len(notes) - i), 9.5, False, MUTED)]))
                break
            paras.append(p)
            used += h
        if not paras:
            paras = [Para([Run(L("none_yet"), 10.0, False, MUTED)])]
        canvas.text(slide, x + 8, y + head_h + 6, inner, room, paras)


# -------------------------------------------------------------------- matrix
def matrix_slides(canvas: DeckCanvas) -> None:
    ctx = canvas.ctx
    j, L = ctx.journey, ctx.labels
    title = L("matrix")
    slide = canvas.slide(title)
    scores = [s for s in ctx.ranking() if s.scored]
    side = BODY_BOTTOM - BODY_Y - 40
    x0, y0 = MARGIN + 34, BODY_Y  # from the reading start; y0 is the top

    def X(effort: float) -> float:  # from the reading start: effort grows that way
        return x0 + (effort - 0.5) / 5.0 * side

    def Y(impact: float) -> float:
        return y0 + side - (impact - 0.5) / 5.0 * side

    for (hi, lo), (key, tint) in QUADRANTS.items():
        ex = (0.5, 3.0) if lo else (3.0, 5.5)
        iy = (3.0, 5.5) if hi else (0.5, 3.0)
        canvas.rect(slide, X(ex[0]), Y(iy[1]), X(ex[1]) - X(ex[0]), Y(iy[0]) - Y(iy[1]), tint)
        canvas.text(slide, X(ex[0]) + 4, Y(iy[1]) + 3 if hi else Y(iy[0]) - 18,
                    X(ex[1]) - X(ex[0]) - 8, 16,
                    [Para([Run(L(key), 9.5, True, mix(INK, WHITE, 0.35))],
                          align="start" if lo else "end", after=0)], max_lines=1)
    canvas.rect(slide, X(3.0) - 0.5, Y(5.5), 1.0, side, "#9aa5b1")
    canvas.rect(slide, X(0.5), Y(3.0) - 0.5, side, 1.0, "#9aa5b1")
    for v in range(1, 6):
        canvas.text(slide, X(v) - 8, Y(0.5) + 2, 16, 14,
                    [Para([Run(str(v), 8.0, False, FAINT)], align="center", after=0)])
        canvas.text(slide, x0 - 16, Y(v) - 7, 14, 14,
                    [Para([Run(str(v), 8.0, False, FAINT)], align="center", after=0)])
    arrow = "\u2192" if not canvas.rtl else "\u2190"
    canvas.text(slide, x0, Y(0.5) + 16, side, 16,
                [Para([Run(L("effort"), 10.0, True, MUTED),
                       Run(f"  ({L('low')} {arrow} {L('high')})", 9.0, False, FAINT)],
                      align="center", after=0)])
    axis = canvas.text(slide, x0 - 34 - side / 2 + 8, y0 + side / 2 - 8, side, 16,
                       [Para([Run(L("impact"), 10.0, True, MUTED)], align="center", after=0)])
    axis.rotation = 270  # reads upwards, as the report's
    _dots(canvas, slide, scores, X, Y, side)
    # the ranked table beside the chart, continued on further slides
    widths = [0.07, 0.43, 0.11, 0.11, 0.11, 0.17]
    head = ["#", L("note"), L("impact"), L("effort"), L("score"), L("quadrant")]
    rows = []
    for s in scores:
        attrs = j.get(s.note)
        impact, effort = attrs["impact"], attrs["effort"]
        rows.append([
            [Para([Run(str(s.rank), BODY, True, canvas.dark)], after=0)],
            [Para([kind_run(ctx, attrs["note_kind"], 7.5),
                   Run(shorten(ctx.title(s.note), SHORT) or L("untitled_note"), 10.0)],
                  after=0)],
            [Para([Run("\u2013" if impact is None else str(impact), 10.0)], after=0)],
            [Para([Run("\u2013" if effort is None else str(effort), 10.0)], after=0)],
            [Para([Run(f"{s.value:.2f}", 10.0, True)], after=0)],
            [Para([Run(L(quadrant(impact, effort)) if impact is not None
                       and effort is not None else L("unscored"), 9.0, False, MUTED)],
                  after=0)],
        ])
    tx = x0 + side + 30
    if not rows:
        canvas.text(slide, tx, BODY_Y, SLIDE_W - MARGIN - tx, 40,
                    [Para([Run(L("no_priorities"), 12.0, False, MUTED)])])
        return
    tabled(canvas, title, widths, head, rows, top=BODY_Y, first_slide=slide, x=tx,
           w=SLIDE_W - MARGIN - tx)


def _dots(canvas: DeckCanvas, slide, scores, X, Y, side: float) -> None:
    j = canvas.ctx.journey
    groups: dict[tuple[int, int], list] = {}
    for s in scores:
        attrs = j.get(s.note)
        if attrs["impact"] is not None and attrs["effort"] is not None:
            groups.setdefault((attrs["effort"], attrs["impact"]), []).append(s)
    cell = side / 5
    for (effort, impact), members in groups.items():
        members = sorted(members, key=lambda s: s.rank)[:16]
        per_row = math.ceil(math.sqrt(len(members)))
        step = min(18.0, cell * 0.8 / per_row)
        for k, s in enumerate(members):
            ox = (k % per_row - (per_row - 1) / 2) * step
            oy = (k // per_row - (math.ceil(len(members) / per_row) - 1) / 2) * step
            cx = X(effort) + ox
            cx = SLIDE_W - cx if canvas.rtl else cx
            labelled = s.rank <= 30
            colour = NOTE_COLOURS.get(j.get(s.note)["note_kind"], FAINT) if labelled \
                else "#b5bdc6"
            r = min(8.0, step / 2) if labelled else 3.0
            canvas.disc(slide, cx, Y(impact) + oy, r, colour,
                        str(s.rank) if labelled else "", 7.0 if s.rank < 10 else 6.0)


# ---------------------------------------------------------------------- plan
def plan_slides(canvas: DeckCanvas) -> None:
    ctx = canvas.ctx
    j, L = ctx.journey, ctx.labels
    title = L("plan")
    derived = ctx.derived()
    if not derived.branches:
        slide = canvas.slide(title)
        canvas.text(slide, MARGIN, BODY_Y, AREA_W, 60, [Para([Run(L("no_plan"), 14.0)])])
        return
    widths = [0.09, 0.47, 0.16, 0.11, 0.17]
    head = ["#", L("action"), L("owner"), L("due"), L("status")]
    rows: list[list[list[Para]]] = []
    fills: list[str | None] = []
    shown: dict[str, str] = {}
    for branch in derived.branches:
        name = shorten(ctx.title(branch.id), SHORT) if branch.id else L("whole_journey")
        rows.append([[Para([Run(branch.number, 12.0, True, canvas.dark)], after=0)],
                     [Para([Run(name, 12.0, True, canvas.dark)], after=0)], [], [], []])
        fills.append(canvas.tint_strong)
        for note in branch.children:
            kind = j.get(note.id)["note_kind"]
            score = note.score
            value = f"{score.value:.2f}" if score is not None and score.scored else \
                L("unscored")
            rows.append([[Para([Run(note.number, 10.5, True)], after=0)],
                         [Para([kind_run(ctx, kind),
                                Run(shorten(ctx.title(note.id), SHORT), 10.5, True)],
                               after=1.0),
                          Para([Run(f"{L('score')} {value}", 9.0, False, MUTED)], after=0)],
                         [], [], []])
            fills.append(mix(NOTE_COLOURS.get(kind, FAINT), WHITE, 0.9))
            if not note.children:
                rows.append([[], [Para([Run(L("no_actions"), 9.5, False, MUTED)], after=0)],
                             [], [], []])
                fills.append(None)
            for action in note.children:
                _action_rows(ctx, action, shown, rows, fills)
    tabled(canvas, title, widths, head, rows, fills)


def _action_rows(ctx: Ctx, node, shown: dict[str, str], rows: list, fills: list) -> None:
    j, L = ctx.journey, ctx.labels
    attrs = j.get(node.id)
    depth = node.number.count(".") - 2
    indent = "\u2003" * depth  # em spaces: a sub-action sits in from its parent
    repeat = shown.get(node.id)
    item = [Para([Run(indent + (shorten(ctx.title(node.id), SHORT) or ""), 10.0, depth == 0)],
                 after=1.0)]
    if repeat:
        item.append(Para([Run(indent + L("see_above", number=repeat), 9.0, False, MUTED)],
                         after=0))
    else:
        shown[node.id] = node.number
        if attrs["kpi"]:
            item.append(Para([Run(f"{indent}{L('kpi')}: {shorten(ctx.t(attrs['kpi']), SHORT)}",
                                  9.0, False, MUTED)], after=0))
    status = [Para([Run(L.status(attrs["status"]), 9.5, True,
                        STATUS_COLOURS.get(attrs["status"], FAINT))], after=0)]
    if node.overdue:
        status.append(Para([Run(L("overdue"), 9.0, True, RED)], after=0))
    owner = ctx.t(attrs["owner"])
    rows.append([
        [Para([Run(node.number, 9.5, False, MUTED)], after=0)],
        item,
        [Para([Run(shorten(owner, 40) or L("no_owner"), 9.5, False, INK if owner else FAINT)],
              after=0)],
        [Para([Run(attrs["due"] or "\u2013", 9.5, node.overdue, RED if node.overdue
                   else INK)], after=0)],
        status,
    ])
    fills.append(None)
    if not repeat:
        for child in node.children:
            _action_rows(ctx, child, shown, rows, fills)


# ------------------------------------------------------------------ personas
def persona_slides(canvas: DeckCanvas) -> None:
    ctx = canvas.ctx
    j, L = ctx.journey, ctx.labels
    ids = [ctx.persona] if ctx.persona != S.GENERAL else j.ids(S.PERSONA)
    if not ids:
        slide = canvas.slide(L("personas"))
        canvas.text(slide, MARGIN, BODY_Y, AREA_W, 30,
                    [Para([Run(L("no_personas"), 14.0, False, MUTED)])])
        return
    order = j.journey_order()
    gap = 14.0
    cw = (AREA_W - gap) / 2
    ch = (BODY_BOTTOM - BODY_Y - gap) / 2
    slide = None
    for k, persona in enumerate(ids):
        if k % 4 == 0:
            slide = canvas.slide(L("personas") if k == 0 else
                                 L("continued", title=L("personas")))
        x = MARGIN + (k % 2) * (cw + gap)
        y = BODY_Y + (k % 4 // 2) * (ch + gap)
        attrs = j.get(persona)
        canvas.rect(slide, x, y, cw, ch, canvas.tint, rounded=True)
        canvas.rect(slide, x, y, 5, ch, canvas.accent)
        paras = [Para([Run(shorten(ctx.persona_name(persona), 60), 16.0, True)], after=1.0),
                 Para([Run(L.persona_kind(attrs["persona_kind"]), 10.5, False, MUTED)],
                      after=6.0)]
        felt = [(v, i, tp) for i, tp in enumerate(order)
                if (v := j.get(tp)["emotions"].get(persona)) is not None]
        tail: list[Para] = []
        if felt:
            avg = sum(v for v, _, _ in felt) / len(felt)
            tail.append(Para([Run(L("persona_touchpoints", n=len(felt)) + "  \u00b7  "
                                  + L("persona_average", value=signed(round(avg, 1))),
                                  10.0, False, MUTED)], after=3.0))
            worst = min(felt)
            best = max(felt, key=lambda f: (f[0], -f[1]))
            for key, (value, _, tp) in (("best_moment", best), ("worst_moment", worst)):
                tail.append(Para([Run(L(key) + ": ", 10.5, True),
                                  Run(tp_name(ctx, tp) + "  ", 10.5),
                                  Run(signed(value), 10.5, True,
                                      EMOTION_COLOURS.get(value, INK))], after=2.0))
        else:
            tail.append(Para([Run(L("no_emotions"), 10.0, False, MUTED)]))
        inner = cw - 28
        room = ch - 24 - paras_height(paras, inner) - paras_height(tail, inner)
        desc = ctx.t(attrs["description"])
        if desc and room > 14:
            lines = max(1, int(room // (11.0 * 1.2)))
            paras.append(Para([Run(shorten(desc, lines * int(inner / 6.5)), 11.0)], after=6.0))
        canvas.text(slide, x + 16, y + 12, inner, ch - 24, paras + tail)
