"""Charts drawn straight onto the canvas: the emotion curve of a persona across the
journey, and the priority matrix (impact against effort).  Both read from the
reading start: in a right-to-left report the journey runs from the right, and effort
grows to the left."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.platypus import Flowable

from ..model import schema as S
from ..model.scoring import Score
from . import pdftext, rtl
from .context import FAINT, INK, LIGHT, MUTED, RULE, WHITE, Ctx, mix
from .fonts import BOLD, REGULAR
from .pdfpath import Path
from .labels import EMOTION_COLOURS, NO_EMOTION, NOTE_COLOURS, signed
from .rtl import Style

MAX_POINTS = 40  # touchpoints per curve panel; longer journeys get more panels


@dataclass
class CurvePoint:
    number: int  # the touchpoint's number in the report
    tp: str
    stage: int  # index of its stage


class CurveChart(Flowable):
    """One panel of a persona's emotion curve: touchpoints evenly spaced in journey
    order, stages shaded, -2..+2 labelled with words."""

    def __init__(self, ctx: Ctx, persona: str, points: list[CurvePoint],
                 stage_titles: list[str], height: float = 168.0) -> None:
        super().__init__()
        self.ctx, self.persona, self.points = ctx, persona, points
        self.stage_titles, self.box_h = stage_titles, height

    def wrap(self, aw, ah):
        self.width, self.height = aw, self.box_h
        return aw, self.box_h

    def draw(self):
        canv, ctx = self.canv, self.ctx
        is_rtl = ctx.rtl
        axis_w = 62.0
        plot_x0 = 0.0 if is_rtl else axis_w
        plot_w = self.width - axis_w
        top, bottom = self.height - 16.0, 16.0
        plot_h = top - bottom
        n = max(1, len(self.points))
        step = plot_w / n

        def px(i: int) -> float:
            offset = (i + 0.5) * step
            return plot_x0 + plot_w - offset if is_rtl else plot_x0 + offset

        def py(value: float) -> float:
            return bottom + (value - S.EMOTION_MIN) / (S.EMOTION_MAX - S.EMOTION_MIN) * plot_h

        # stages, shaded alternately, named at the top
        groups: list[tuple[int, int, int]] = []
        for i, p in enumerate(self.points):
            if groups and groups[-1][2] == p.stage:
                groups[-1] = (groups[-1][0], i, p.stage)
            else:
                groups.append((i, i, p.stage))
        for k, (a, b, stage) in enumerate(groups):
            x_a, x_b = sorted((px(a) - step / 2 * (-1 if is_rtl else 1),
                               px(b) + step / 2 * (-1 if is_rtl else 1)))
            canv.setFillColor(rtl.color(LIGHT if stage % 2 == 0 else "#e9edf1"))
            canv.rect(x_a, bottom, x_b - x_a, plot_h, stroke=0, fill=1)
            title = self.stage_titles[stage] if stage < len(self.stage_titles) else ""
            line = rtl.fit([(title, Style(BOLD, 7.0, MUTED))], max(6.0, x_b - x_a - 6))
            rtl.draw_line(canv, line, x_a + 3, top + 5, x_b - x_a - 6, is_rtl, "center")
        # the scale
        for value in range(S.EMOTION_MIN, S.EMOTION_MAX + 1):
            y = py(value)
            canv.setStrokeColor(rtl.color("#aab3bd" if value == 0 else "#dde2e7"))
            canv.setLineWidth(0.8 if value == 0 else 0.5)
            canv.line(plot_x0, y, plot_x0 + plot_w, y)
            label = [(signed(value) + " ", Style(BOLD, 7.0, EMOTION_COLOURS[value])),
                     (ctx.labels.emotion(value), Style(REGULAR, 7.0, MUTED))]
            ax = plot_x0 + plot_w + 4 if is_rtl else 0.0
            rtl.draw_line(canv, label, ax, y - 2.4, axis_w - 6, is_rtl, "start")
        self.draw_curves(canv, px, py)
        every = max(1, int(12.0 / step) + 1) if step < 12 else 1
        for i in range(len(self.points)):
            if i % every == 0:
                rtl.draw_line(canv, [(str(self.points[i].number), Style(REGULAR, 6.5, FAINT))],
                              px(i) - 10, 4.0, 20, False, "center")


    def draw_curves(self, canv, px, py) -> None:
        """The persona's curve, its points coloured by emotion (``progress`` draws a
        second one under it)."""
        j = self.ctx.journey
        values = [j.emotion(p.tp, self.persona) for p in self.points]
        draw_curve(canv, px, py, values, self.ctx.theme.accent)


def draw_curve(canv, px, py, values: list[int | None], colour: str | None,
               dash: tuple[float, float] | None = None, width: float = 1.8,
               dot: float = 3.4) -> None:
    """A line through the known values and a dot on each, coloured by its emotion
    (``colour`` None: the line's colour)."""
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    line = colour or "#8a949e"
    if len(known) > 1:
        canv.saveState()
        canv.setStrokeColor(rtl.color(line))
        canv.setLineWidth(width)
        canv.setLineJoin(1)
        if dash:
            canv.setDash(*dash)
        path = Path()
        path.move_to(px(known[0][0]), py(known[0][1]))
        for i, v in known[1:]:
            path.line_to(px(i), py(v))
        path.draw(canv, stroke=True, fill=False)
        canv.restoreState()
    for i, v in known:
        fill = EMOTION_COLOURS.get(v, NO_EMOTION) if colour else line
        pdftext.stamp(canv, ("point", fill, dot), px(i), py(v), dot + 1.6,
                      lambda c, fill=fill: disc(c, fill, dot, 1.0))


# ------------------------------------------------------------ priority matrix
QUADRANTS = {  # (high impact, low effort) -> label key and tint
    (True, True): ("quick_wins", "#e3f3e8"), (True, False): ("big_bets", "#e4edf8"),
    (False, True): ("fill_ins", "#f1f2f4"), (False, False): ("money_pits", "#f9e7e5"),
}
LABELLED = 30  # the chart numbers this many notes; the rest are grey dots


def quadrant(impact: int, effort: int) -> str:
    return QUADRANTS[(impact >= 3, effort <= 3)][0]


class MatrixChart(Flowable):
    """Impact (up) against effort (along the reading direction); notes as numbered
    dots, the number being their rank."""

    def __init__(self, ctx: Ctx, scores: list[Score], height: float = 300.0) -> None:
        super().__init__()
        self.ctx, self.scores, self.box_h = ctx, scores, height

    def wrap(self, aw, ah):
        self.width, self.height = aw, self.box_h
        return aw, self.box_h

    def draw(self):
        canv, ctx = self.canv, self.ctx
        is_rtl, L = ctx.rtl, ctx.labels
        side = min(self.width - 60, self.height - 34)
        x0 = (self.width - side) / 2 + (-10 if is_rtl else 10)
        y0 = 26.0

        def X(effort: float) -> float:
            f = (effort - 0.5) / 5.0
            return x0 + side - f * side if is_rtl else x0 + f * side

        def Y(impact: float) -> float:
            return y0 + (impact - 0.5) / 5.0 * side

        for (hi, lo), (key, tint) in QUADRANTS.items():
            ex = (0.5, 3.0) if lo else (3.0, 5.5)
            iy = (3.0, 5.5) if hi else (0.5, 3.0)
            xa, xb = sorted((X(ex[0]), X(ex[1])))
            canv.setFillColor(rtl.color(tint))
            canv.rect(xa, Y(iy[0]), xb - xa, Y(iy[1]) - Y(iy[0]), stroke=0, fill=1)
            # the quadrant's name in its outer corner
            style = Style(BOLD, 9.0, mix(INK, WHITE, 0.35))
            name_y = Y(iy[1]) - 13 if hi else Y(iy[0]) + 5
            outer_left = (xa == min(X(0.5), X(5.5)))
            align = "start" if outer_left != is_rtl else "end"
            rtl.draw_line(canv, [(L(key), style)], xa + 6, name_y, xb - xa - 12, is_rtl, align)
        canv.setStrokeColor(rtl.color(RULE))
        canv.setLineWidth(0.6)
        canv.rect(min(X(0.5), X(5.5)), Y(0.5), side, side, stroke=1, fill=0)
        canv.setStrokeColor(rtl.color("#9aa5b1"))
        canv.setLineWidth(0.9)
        canv.line(X(3.0), Y(0.5), X(3.0), Y(5.5))
        canv.line(X(0.5), Y(3.0), X(5.5), Y(3.0))
        tick = Style(REGULAR, 7.0, FAINT)
        for v in range(1, 6):
            rtl.draw_line(canv, [(str(v), tick)], X(v) - 6, Y(0.5) - 10, 12, False, "center")
            lx = X(0.5) + 4 if is_rtl else X(0.5) - 16
            rtl.draw_line(canv, [(str(v), tick)], lx, Y(v) - 2.5, 12, False, "center")
        axis = Style(BOLD, 8.0, MUTED)
        low_high = Style(REGULAR, 7.0, FAINT)
        rtl.draw_line(canv, [(L("effort"), axis), (f"  ({L('low')} \u2192 {L('high')})"
                                                   if not is_rtl else
                                                   f"  ({L('low')} \u2190 {L('high')})",
                                                   low_high)],
                      min(X(0.5), X(5.5)), 2.0, side, is_rtl, "center")
        canv.saveState()
        ax = X(0.5) + 26 if is_rtl else X(0.5) - 22
        canv.translate(ax, Y(3.0))
        canv.rotate(90)
        rtl.draw_line(canv, [(L("impact"), axis)], -side / 2, 0, side, is_rtl, "center")
        canv.restoreState()
        self._points(canv, X, Y)

    def _points(self, canv, X, Y) -> None:
        j = self.ctx.journey
        groups: dict[tuple[int, int], list[Score]] = {}
        for s in self.scores:
            impact, effort = s.inputs.get("impact"), s.inputs.get("effort")
            if impact is None or effort is None:
                continue
            groups.setdefault((effort, impact), []).append(s)
        unit = X(2.0) - X(1.0)
        for (effort, impact), members in groups.items():
            members.sort(key=lambda s: s.rank)
            labelled = [s for s in members if s.rank <= LABELLED]
            rest = [s for s in members if s.rank > LABELLED]
            cx, cy = X(effort), Y(impact)
            # grey dots first, behind
            for k, _ in enumerate(rest[:60]):
                ox, oy = _spiral(k + len(labelled), abs(unit) * 0.085)
                pdftext.stamp(canv, ("grey",), cx + ox, cy + oy, 3.0,
                              lambda c: disc(c, "#b5bdc6", 2.2))
            for k, s in enumerate(labelled):
                ox, oy = _spiral(k, abs(unit) * 0.085)
                colour = NOTE_COLOURS.get(j.get(s.note)["note_kind"], FAINT)
                pdftext.stamp(canv, ("ranked", colour), cx + ox, cy + oy, 8.0,
                              lambda c, colour=colour: disc(c, colour, 6.6, 0.8))
                rtl.draw_line(canv, [(str(s.rank), Style(BOLD, 6.4, WHITE))], cx + ox - 7,
                              cy + oy - 2.3, 14, False, "center")


def disc(c, colour: str, r: float, ring: float = 0.0) -> None:
    """A disc at the origin, with a white ring of width ``ring`` (none when 0)."""
    c.setFillColor(rtl.color(colour))
    if ring:
        c.setStrokeColor(rtl.color(WHITE))
        c.setLineWidth(ring)
    c.circle(0, 0, r, stroke=1 if ring else 0, fill=1)


def _spiral(k: int, gap: float) -> tuple[float, float]:
    """Offsets that spread points sharing one cell: centre, then rings."""
    if k == 0:
        return 0.0, 0.0
    ring = 1
    count = 6
    while k > count:
        k -= count
        ring += 1
        count = 6 * ring
    angle = 2 * math.pi * (k - 1) / count + (0.5 if ring % 2 == 0 else 0.0)
    r = ring * max(gap, 13.0)
    return r * math.cos(angle), r * math.sin(angle)
