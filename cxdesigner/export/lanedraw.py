"""The lanes of the service blueprint on the report's map pages (``mapdraw`` calls it).

Every shown lane of ``Layout.lanes`` but the emotion lane (``MapPainter`` draws that
one with its curve) is a pale strip as wide as the map, its name at the reading start
of the visible part (so each part of a split map names its lanes).  A text lane holds
each touchpoint's cell under its card, at ``Layout.cell``; its text is wrapped to the
cell and cut with an ellipsis, right to left in a Hebrew map; a fail or wait point
puts its badge (``marks``: as on the canvas, and as in the blueprint section's
tables) in the cell's top reading-end corner and tints the cell.  An image lane
shows an empty dashed box per touchpoint (the pictures are another part's work).  The
blueprint's lines are dashed across the map in the gap between the lanes they part,
named at the reading end of the visible part.
"""

from __future__ import annotations

import bisect

from ..model import layout as L
from ..model import schema as S
from ..model.lane_edits import EMOTION_LANE_ID, TEXT_LANES
from . import marks, rtl
from .pictures import draw_picture
from .context import INK, MUTED, RULE, WHITE, mix, shorten
from .fonts import BOLD, REGULAR
from .marks import COLOURS as MARK_COLOURS
from .rtl import Style

CELL_PAD = 8.0  # scene units inside a cell
CELL_TEXT, CELL_LEADING = 12.0, 14.5
CELL_CHARS = 400  # a cell shows three lines at most: the rest is never wrapped
LANE_FILL = "#fafbfc"


def lane_name(ctx, lane_id: str) -> str:
    """What a lane is called in the report: its title, else its kind's usual name."""
    info = ctx.journey.lane(lane_id)
    return shorten(ctx.t(info["title"])) or ctx.labels.lane_kind(info["lane_kind"])


def cell_lanes(journey) -> list[str]:
    """The shown lanes that hold text, top down."""
    return [n for n in journey.visible_lanes()
            if journey.lane(n)["lane_kind"] in TEXT_LANES]


class LanePainter:
    """Draws the lanes, cells and lines in the view of a ``MapPainter``."""

    def __init__(self, painter) -> None:
        self.p = painter
        ctx, layout = painter.ctx, painter.layout
        j = ctx.journey
        self.lanes: list[tuple[str, L.Rect, str, str]] = []  # id, rect, kind, name
        self.cells: dict[str, list[tuple[str, str, str | None]]] = {}
        nodes = j.graph.nodes
        for lane_id, rect in layout.lanes.items():
            if lane_id == EMOTION_LANE_ID:
                continue
            kind = j.lane(lane_id)["lane_kind"]
            self.lanes.append((lane_id, rect, kind, lane_name(ctx, lane_id)))
            if kind == "image":  # a placeholder under every card
                self.cells[lane_id] = [(tp, "", None) for tp in layout.order]
            elif kind in TEXT_LANES:
                found = []
                for tp in layout.order:
                    attrs = nodes[tp]  # read directly: every touchpoint of every lane
                    text = attrs["cells"].get(lane_id, "")
                    mark = attrs["marks"].get(lane_id)
                    if text or mark:
                        found.append((tp, shorten(ctx.t(text), CELL_CHARS), mark))
                self.cells[lane_id] = found
        # Lines at one height (a lane skipped between two zones) share one label.
        lines: dict[float, list[str]] = {}
        for name, y in L.blueprint_lines(j, layout):
            lines.setdefault(y, []).append(ctx.labels.blueprint_line(name))
        self.lines = sorted(lines.items())
        self._wrapped: dict[tuple[str, str, float], list] = {}
        self._rects: dict[str, tuple[list[float], list[tuple]]] = {}

    @property
    def has_marks(self) -> bool:
        return any(mark for found in self.cells.values() for _, _, mark in found)

    # ------------------------------------------------------------ drawing
    def draw(self, canv, detail: bool) -> None:
        p = self.p
        for lane_id, rect, kind, name in self.lanes:
            if not p._meets(rect):
                continue
            self._strip(canv, rect, name)
            if kind not in TEXT_LANES and kind != "image":
                continue
            xs, cells = self._placed(lane_id, kind)
            v = p._view
            # Only the cells in view: a part of a wide map shows a few of thousands.
            for k in range(bisect.bisect_left(xs, v.x - L.CARD_W),
                           bisect.bisect_right(xs, v.right)):
                tp, cell, text, mark = cells[k]
                if not p._meets(cell):
                    continue
                if kind == "image":
                    self._picture(canv, tp, cell, detail)
                else:
                    self._cell(canv, tp, lane_id, cell, text, mark, detail)

    def _placed(self, lane_id: str, kind: str) -> tuple[list[float], list[tuple]]:
        """A lane's filled cells with their rects, sorted by x (worked out once)."""
        found = self._rects.get(lane_id)
        if found is None:
            cell = self.p.layout.cell
            cells = sorted(((tp, cell(tp, lane_id, kind), text, mark)
                            for tp, text, mark in self.cells[lane_id]),
                           key=lambda c: c[1].x)
            found = self._rects[lane_id] = ([c[1].x for c in cells], cells)
        return found

    def lines_over(self, canv) -> None:
        """The blueprint lines, drawn after the lanes so no strip covers them."""
        p, s = self.p, self.p._s
        v = p._view
        colour = p.ctx.theme.dark
        size = max(4.0, min(11.0 * s, 8.0))
        for y, names in self.lines:
            if not v.y <= y <= v.bottom:
                continue
            left, right = p.X(v.x), p.X(v.right)
            canv.setStrokeColor(rtl.color(colour))
            canv.setLineWidth(max(0.4, 1.6 * s))
            canv.setDash(max(1.5, 7 * s), max(1.0, 4 * s))
            canv.line(left, p.Y(y), right, p.Y(y))
            canv.setDash()
            width = max(10.0, (right - left) / 2 - 16 * s)
            line = rtl.fit([(" \u00b7 ".join(names), Style(BOLD, size, colour))], width)
            # Under the line, at the reading end: the lane's name has the start.
            rtl.draw_line(canv, line, right - 12 * s - width if not p.rtl else left + 12 * s,
                          p.Y(y) - size * 1.3, width, p.rtl, "end", batch=p._batch)

    def _strip(self, canv, rect: L.Rect, name: str) -> None:
        p, s = self.p, self.p._s
        canv.setFillColor(rtl.color(LANE_FILL))
        canv.setStrokeColor(rtl.color(RULE))
        canv.setLineWidth(max(0.3, 1.0 * s))
        canv.roundRect(p.X(rect.x), p.Y(rect.bottom), rect.w * s, rect.h * s, 8 * s,
                       stroke=1, fill=1)
        left, right = p._visible(rect)
        size = max(4.0, min(11.0 * s, 8.0))
        width = max(10.0, (right - left) / 2 - 16 * s)
        line = rtl.fit([(name, Style(BOLD, size, MUTED))], width)
        x = right - 12 * s - width if p.rtl else left + 12 * s
        rtl.draw_line(canv, line, x, p.Y(rect.y) - L.LANE_TITLE_H * s / 2 - size * 0.35,
                      width, p.rtl, batch=p._batch)

    def _cell(self, canv, tp: str, lane_id: str, cell: L.Rect, text: str,
              mark: str | None, detail: bool) -> None:
        p, s = self.p, self.p._s
        x, y, w, h = p.X(cell.x), p.Y(cell.bottom), cell.w * s, cell.h * s
        border = MARK_COLOURS.get(mark, "#c3ccd5")

        def box(c):
            c.setFillColor(rtl.color(WHITE if not mark else mix(border, WHITE, 0.93)))
            c.setStrokeColor(rtl.color(border))
            c.setLineWidth(max(0.3, (1.6 if mark else 1.0) * s))
            if detail:
                c.roundRect(0, 0, w, h, 6 * s, stroke=1, fill=1)
            else:
                c.rect(0, 0, w, h, stroke=1, fill=1)

        p._stamp(canv, ("cell", mark, s, detail), x, y, w, h, box)
        if not detail:
            return
        pad, glyph = CELL_PAD * s, 0.0
        if mark in MARK_COLOURS:  # the badge in the top corner at the reading end
            glyph = 18 * s
            size = 16 * s
            gx = x + 5 * s if p.rtl else x + w - 5 * s - size
            marks.place(canv, mark, gx, p.Y(cell.y) - 5 * s - size, size)
        if not text:
            return
        key = (tp, lane_id, s)
        lines = self._wrapped.get(key)
        if lines is None:
            most = max(1, int((cell.h - 2 * CELL_PAD + 2) // CELL_LEADING))
            style = Style(REGULAR, CELL_TEXT * s, INK)
            lines = self._wrapped[key] = [
                rtl.visual(ln, p.rtl)
                for ln in rtl.wrap([(text, style)], w - 2 * pad - glyph, most)]
        ty = p.Y(cell.y) - pad - CELL_TEXT * s * 0.85
        for runs in lines:
            tw = rtl.runs_width(runs)
            rtl.draw_runs(canv, runs, x + w - pad - tw if p.rtl else x + pad, ty, p._batch)
            ty -= CELL_LEADING * s

    def _picture(self, canv, tp: str, cell: L.Rect, detail: bool) -> None:
        """The touchpoint's picture fitted to its cell, else an empty dashed box."""
        p, s = self.p, self.p._s
        pad = 4 * s
        if not draw_picture(canv, p.ctx.journey, tp, p.X(cell.x) + pad,
                            p.Y(cell.bottom) + pad, cell.w * s - 2 * pad,
                            cell.h * s - 2 * pad):
            self._placeholder(canv, cell, detail)

    def _placeholder(self, canv, cell: L.Rect, detail: bool) -> None:
        """An empty dashed box where a touchpoint's picture will go."""
        p, s = self.p, self.p._s
        w, h = cell.w * s, cell.h * s

        def box(c):
            c.setStrokeColor(rtl.color("#b9c1ca"))
            c.setLineWidth(max(0.3, 1.0 * s))
            c.setDash(max(1.0, 5 * s), max(1.0, 4 * s))
            c.roundRect(0, 0, w, h, 6 * s, stroke=1, fill=0)
            c.setDash()

        p._stamp(canv, ("picture", s, detail), p.X(cell.x), p.Y(cell.bottom), w, h, box)


def legend_items(ctx) -> list[tuple[str, str, str]]:
    """The fail and wait symbols for the map's legend, when a shown lane holds cells."""
    if not cell_lanes(ctx.journey):
        return []
    return [(f"mark:{m}", MARK_COLOURS[m], ctx.labels.cell_mark(m)) for m in S.CELL_MARKS]
