"""The journey map in vector, drawn from the shared layout (``model.layout``): stage
bands, touchpoint cards (number, channel, title, emotion, note chips), flow arrows and
the emotion lane.  The layout already mirrors a right-to-left map, so the map reads
right to left with no extra work here; only text and chips are placed from the
reading start.

A map that is legible on one landscape page is drawn whole.  A larger one is drawn
twice: an overview fitted to the page (cards as shapes, with the parts outlined and
numbered by page) and then the parts at a readable scale, cut preferably between
stages, each overlapping the next.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from ..model import layout as L
from ..model import schema as S
from . import pdftext, rtl
from .arrows import draw_flow
from .pdfpath import Path
from .context import FAINT, INK, LIGHT, MUTED, RULE, WHITE, Ctx, mix
from .charts import disc
from .fonts import BOLD, REGULAR, embed
from . import marks
from .labels import EMOTION_COLOURS, NO_EMOTION, NOTE_COLOURS, signed
from .lanedraw import LanePainter
from .flowables import contents_form
from .rtl import Style

READABLE = 0.45  # a whole map at this scale or more fits on one page
TILE_SCALE = 0.5  # the scale of the parts
OVERLAP = 80.0  # scene units shared by neighbouring parts
BADGE_H = 17.0  # the overview's strip of part numbers
FRAME_ROOM = 4.0  # points either side of the overview for the parts' frames
DETAIL = 3.0  # below this size in points, card text is left out


@dataclass(frozen=True)
class Tile:
    view: L.Rect  # the part of the scene shown
    index: int  # 0-based, in reading order
    count: int


class MapPainter:
    """Draws any rectangle of the map at any scale onto a canvas."""

    def __init__(self, ctx: Ctx, layout: L.Layout) -> None:
        self.ctx, self.layout = ctx, layout
        j = ctx.journey
        self.rtl = layout.rtl
        self.numbers = {tp: i for i, tp in enumerate(j.journey_order(), 1)}
        self.stage_numbers = {s: i for i, s in enumerate(j.stages(), 1)}
        self.notes = {tp: [j.get(n)["note_kind"] for n in j.notes_on(tp)] for tp in layout.cards}
        self.curve = L.emotion_curve(j, layout, ctx.persona)
        self._titles: dict[tuple[str, float], list] = {}
        self._forms: dict[tuple, str] = {}
        self._flow_boxes: list | None = None
        self.lanes = LanePainter(self)

    # ------------------------------------------------------------- drawing
    def draw(self, canv, view: L.Rect, x0: float, top: float, s: float) -> None:
        """Draw ``view`` (scene units) with its top-left at ``x0, top`` (points)."""
        self._s, self._x0, self._top, self._view = s, x0, top, view
        canv.saveState()
        clip = canv.beginPath()
        clip.rect(x0, top - view.h * s, view.w * s, view.h * s)
        canv.clipPath(clip, stroke=0, fill=0)
        self._batch = rtl.TextBatch(canv)
        detail = 15.0 * s >= DETAIL
        for stage, band in self.layout.bands.items():
            if self._meets(band):
                self._band(canv, stage, band)
        self.lanes.draw(canv, detail)
        shown = self.layout.lane.h > 0  # a hidden emotion lane keeps a place of no height
        if shown:
            self._lane(canv)
        self.lanes.lines_over(canv)
        self._flows(canv)
        for tp, card in self.layout.cards.items():
            if self._meets(card):
                self._card(canv, tp, card, detail)
        if shown:
            self._curve(canv)
        self._batch.close()
        canv.restoreState()

    def _meets(self, r: L.Rect) -> bool:
        v = self._view
        return r.x < v.right and r.right > v.x and r.y < v.bottom and r.bottom > v.y

    def X(self, x: float) -> float:
        return self._x0 + (x - self._view.x) * self._s

    def Y(self, y: float) -> float:
        return self._top - (y - self._view.y) * self._s

    def _visible(self, r: L.Rect) -> tuple[float, float]:
        """The part of ``r``'s width in view, in points."""
        return self.X(max(r.x, self._view.x)), self.X(min(r.right, self._view.right))

    def _band(self, canv, stage: str, band: L.Rect) -> None:
        s, theme = self._s, self.ctx.theme
        n = self.stage_numbers[stage]
        fill = LIGHT if n % 2 else "#eceff3"
        canv.setFillColor(rtl.color(fill))
        canv.roundRect(self.X(band.x), self.Y(band.bottom), band.w * s, band.h * s, 10 * s,
                       stroke=0, fill=1)
        head = L.BAND_HEADER * s
        canv.setFillColor(rtl.color(theme.tint_strong if n % 2 else mix(theme.accent, WHITE, 0.62)))
        canv.roundRect(self.X(band.x), self.Y(band.y) - head, band.w * s, head, 10 * s,
                       stroke=0, fill=1)
        canv.rect(self.X(band.x), self.Y(band.y) - head, band.w * s, head / 2, stroke=0,
                  fill=1)
        size = min(max(20.0 * s, min(5.5, head * 0.5)), head * 0.55, 16.0)
        left, right = self._visible(band)
        if right - left < min(60.0, band.w * s * 0.9):
            return  # a sliver of a neighbouring stage: no room for its name
        pad = max(12.0 * s, 3.0)
        title = self.ctx.title(stage)
        spans = [(f"{n}  ", Style(BOLD, size, theme.dark)), (title, Style(BOLD, size, INK))]
        line = rtl.fit(spans, max(8.0, right - left - 2 * pad))
        rtl.draw_line(canv, line, left + pad, self.Y(band.y) - head / 2 - size * 0.35,
                      right - left - 2 * pad, self.rtl, batch=self._batch)

    def _stamp(self, canv, key: tuple, x: float, y: float, w: float, h: float, draw) -> None:
        """Draw a shape that repeats (a card, a dot, a chip) as a PDF form: defined once,
        then placed with one operator, instead of redrawing its curves every time."""
        name = self._forms.get(key)
        if name is None:
            name = f"cxmap{len(self._forms)}"
            canv.beginForm(name, -w - 20, -h - 20, 2 * w + 20, 2 * h + 20)
            draw(canv)
            canv.endForm()
            self._forms[key] = name
        pdftext.place_form(canv, name, x, y)

    def _card(self, canv, tp: str, card: L.Rect, detail: bool) -> None:
        s, theme = self._s, self.ctx.theme
        x, y, w, h = self.X(card.x), self.Y(card.bottom), card.w * s, card.h * s

        def body(c):
            c.setStrokeColor(rtl.color("#c3ccd5"))
            c.setLineWidth(max(0.3, 1.0 * s))
            if detail:
                c.setFillColor(rtl.color("#dfe3e8"))
                c.roundRect(1.5 * s, -2.0 * s, w, h, 8 * s, stroke=0, fill=1)
                c.setFillColor(rtl.color(WHITE))
                c.roundRect(0, 0, w, h, 8 * s, stroke=1, fill=1)
            else:  # the overview: plain shapes
                c.setFillColor(rtl.color(WHITE))
                c.rect(0, 0, w, h, stroke=1, fill=1)

        self._stamp(canv, ("card", s, detail), x, y, w, h, body)
        value = self.ctx.journey.emotion(tp, self.ctx.persona)
        start_x = (lambda d: x + w - d) if self.rtl else (lambda d: x + d)
        end_x = (lambda d: x + d) if self.rtl else (lambda d: x + w - d)
        cy = self.Y(card.y + 18)
        r = 11 * s
        # emotion dot at the reading end of the top row, number badge at the start
        self._stamp(canv, ("dot", value, s), end_x(18 * s), cy, r, r,
                    lambda c: disc(c, EMOTION_COLOURS.get(value, NO_EMOTION), r))
        self._chips(canv, tp, card, detail)
        if not detail:
            return
        if value is not None:
            rtl.draw_line(canv, [(signed(value), Style(BOLD, 10.5 * s, WHITE))],
                          end_x(18 * s) - 11 * s, cy - 3.7 * s, 22 * s, False, "center",
                          batch=self._batch)
        self._stamp(canv, ("badge", s), start_x(18 * s), cy, r, r,
                    lambda c: disc(c, theme.tint, r))
        rtl.draw_line(canv, [(str(self.numbers[tp]), Style(BOLD, 10 * s, theme.dark))],
                      start_x(18 * s) - 11 * s, cy - 3.5 * s, 22 * s, False, "center",
                      batch=self._batch)
        attrs = self.ctx.journey.get(tp)
        channel = self.ctx.labels.channel(attrs["channel"])
        line = rtl.fit([(channel, Style(REGULAR, 11.5 * s, MUTED))], 128 * s)
        rtl.draw_line(canv, line, x + 36 * s, cy - 4.0 * s, 128 * s, self.rtl,
                      batch=self._batch)
        key = (tp, s)
        if key not in self._titles:
            style = Style(BOLD, 15 * s, INK)
            self._titles[key] = [rtl.visual(ln, self.rtl) for ln in
                                 rtl.wrap([(self.ctx.title(tp), style)], 178 * s, 3)]
        ty = self.Y(card.y + 52)
        for runs in self._titles[key]:
            tw = rtl.runs_width(runs)
            rtl.draw_runs(canv, runs, x + w - 11 * s - tw if self.rtl else x + 11 * s, ty,
                          self._batch)
            ty -= 18 * s

    def _chips(self, canv, tp: str, card: L.Rect, detail: bool) -> None:
        kinds = self.notes.get(tp) or []
        if not kinds:
            return
        s = self._s
        rects = L.chip_rects(card, len(kinds))
        for i, r in enumerate(rects):
            if self.rtl:  # the slots run from the reading start
                r = L.Rect(card.x + card.right - r.right, r.y, r.w, r.h)
            more = i == len(rects) - 1 and len(kinds) > len(rects)
            kind = kinds[i]
            colour = FAINT if more else NOTE_COLOURS.get(kind, FAINT)
            w, h = r.w * s, r.h * s

            def chip(c, colour=colour, w=w, h=h):
                c.setFillColor(rtl.color(colour))
                if detail:
                    c.roundRect(0, 0, w, h, 5 * s, stroke=0, fill=1)
                else:
                    c.rect(0, 0, w, h, stroke=0, fill=1)

            self._stamp(canv, ("chip", colour, s, detail), self.X(r.x), self.Y(r.bottom), w, h,
                        chip)
            if detail:
                text = f"+{len(kinds) - i}" if more else self.ctx.labels.note_letter(kind)
                rtl.draw_line(canv, [(text, Style(BOLD, 11 * s, WHITE))], self.X(r.x),
                              self.Y(r.bottom) + 7.0 * s, r.w * s, self.rtl, "center",
                              batch=self._batch)

    def _flows(self, canv) -> None:
        s = self._s
        cards = self.layout.cards
        canv.setStrokeColor(rtl.color("#7d8a97"))
        canv.setFillColor(rtl.color("#7d8a97"))
        canv.setLineWidth(max(0.35, 1.7 * s))
        v = self._view
        if self._flow_boxes is None:  # once per map: the flows and their extents
            self._flow_boxes = []
            for a, b in self.ctx.journey.flows():
                if a in cards and b in cards:
                    ra, rb = cards[a], cards[b]
                    self._flow_boxes.append((min(ra.x, rb.x), max(ra.right, rb.right),
                                             min(ra.y, rb.y), max(ra.bottom, rb.bottom) + 60,
                                             ra, rb))
        band_bottom = min((b.bottom for b in self.layout.bands.values()), default=0.0)
        X, Y, rtl_map = self.X, self.Y, self.rtl  # noqa: N806
        for lo_x, hi_x, lo_y, hi_y, ra, rb in self._flow_boxes:
            if hi_x < v.x or lo_x > v.right or hi_y < v.y or lo_y > v.bottom:
                continue
            draw_flow(canv, ra, rb, X, Y, s, rtl_map, band_bottom)

    def _lane(self, canv) -> None:
        lane, s = self.layout.lane, self._s
        if not self._meets(lane):
            return
        canv.setFillColor(rtl.color("#fafbfc"))
        canv.setStrokeColor(rtl.color(RULE))
        canv.setLineWidth(max(0.3, 1.0 * s))
        canv.roundRect(self.X(lane.x), self.Y(lane.bottom), lane.w * s, lane.h * s, 10 * s,
                       stroke=1, fill=1)
        left, right = self._visible(lane)
        size = max(4.0, min(11.0 * s, 8.0))
        for value in range(S.EMOTION_MIN, S.EMOTION_MAX + 1):
            y = self.Y(self.layout.emotion_y(value))
            canv.setStrokeColor(rtl.color("#b8c0c9" if value == 0 else "#e3e7eb"))
            canv.setLineWidth(max(0.3, (1.2 if value == 0 else 0.8) * s))
            canv.line(left + 30 * s, y, right - 30 * s, y)
            label = [(signed(value), Style(REGULAR, size, FAINT))]
            if self.rtl:
                rtl.draw_line(canv, label, right - 28 * s, y - size * 0.35, 26 * s, False,
                              "end", batch=self._batch)
            else:
                rtl.draw_line(canv, label, left + 2 * s, y - size * 0.35, 26 * s, False,
                              batch=self._batch)
        # The persona's name embedded: a Latin name in a Hebrew title keeps its place.
        name = self.ctx.labels("emotion_lane",
                               persona=embed(self.ctx.persona_name(self.ctx.persona)))
        line = rtl.fit([(name, Style(BOLD, size, MUTED))], max(10.0, right - left - 60 * s))
        rtl.draw_line(canv, line, left + 34 * s, self.Y(lane.y) - size * 1.25,
                      right - left - 68 * s, self.rtl, batch=self._batch)

    def _curve(self, canv) -> None:
        pts = self.curve
        if not pts:
            return
        s, v = self._s, self._view
        pad = 10.0
        canv.setStrokeColor(rtl.color(self.ctx.theme.accent))
        canv.setLineWidth(max(0.6, 2.4 * s))
        canv.setLineJoin(1)
        path, drawing = Path(), False
        line = L.curve_line(pts)  # through each column's mean, as on the canvas
        for (x1, y1), (x2, y2) in zip(line, line[1:]):
            if max(x1, x2) < v.x - pad or min(x1, x2) > v.right + pad:
                drawing = False
                continue
            if not drawing:
                path.move_to(self.X(x1), self.Y(y1))
                drawing = True
            path.line_to(self.X(x2), self.Y(y2))
        path.draw(canv, stroke=True, fill=False)
        r, ring = max(1.4, 7.0 * s), max(0.4, 1.5 * s)
        for tp, x, y in pts:
            if x < v.x - pad or x > v.right + pad:
                continue
            value = self.ctx.journey.emotion(tp, self.ctx.persona)
            colour = EMOTION_COLOURS.get(value, NO_EMOTION)
            self._stamp(canv, ("point", colour, s), self.X(x), self.Y(y), r, r,
                        lambda c, colour=colour: disc(c, colour, r, ring))


# ----------------------------------------------------------------- the plan
def plan_tiles(layout: L.Layout, scale: float, width: float, height: float) -> list[Tile]:
    """Cut the map into parts of ``width x height`` points at ``scale``, in reading
    order.  A cut falls between two stages where it can, else between two columns of
    cards (down the map: between two lanes), and the neighbouring parts share that gap;
    only when neither exists is a card cut, and then the parts overlap by ``OVERLAP``."""
    b = layout.bounds
    tw, th = width / scale, height / scale

    def from_start(lo: float, hi: float) -> tuple[float, float]:
        return (b.right - hi, b.right - lo) if layout.rtl else (lo - b.x, hi - b.x)

    bands = sorted(layout.bands.values(), key=lambda r: r.x)
    between_stages = sorted(from_start(left.right - L.BAND_PAD, right.x + L.BAND_PAD)
                            for left, right in zip(bands, bands[1:]))
    between_cards = []
    spans = sorted((r.x, r.right) for r in layout.cards.values())
    reach = None
    for lo, hi in spans:
        if reach is not None and lo - reach >= 16.0:
            between_cards.append(from_start(reach, lo))
        reach = hi if reach is None else max(reach, hi)
    spans_x = _cuts(b.w, tw, between_stages, sorted(between_cards))
    # Down the map, a cut falls between the bands and the lanes or between two lanes.
    rows = sorted([*layout.bands.values()][:1] + [*layout.lanes.values()], key=lambda r: r.y)
    between_lanes = [(a.bottom - b.y, c.y - b.y) for a, c in zip(rows, rows[1:])]
    spans_y = _cuts(b.h, th, between_lanes, [])
    views = []
    for y0, y1 in spans_y:
        for x0, x1 in spans_x:
            if layout.rtl:
                x0, x1 = b.w - x1, b.w - x0
            views.append(L.Rect(b.x + x0, b.y + y0, x1 - x0, y1 - y0))
    return [Tile(v, i, len(views)) for i, v in enumerate(views)]


def _cuts(total: float, size: float, preferred: list[tuple[float, float]],
          others: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out, start = [], 0.0
    while True:
        end = start + size
        if end >= total - 1e-6:
            out.append((start, total))
            return out
        lo = start + size * 0.4
        fits = [g for g in preferred if lo <= g[0] and g[1] <= end]
        fits = fits or [g for g in others if lo <= g[0] and g[1] <= end]
        if fits:
            gap = max(fits, key=lambda g: g[1])
            out.append((start, gap[1]))
            start = gap[0]
        else:
            out.append((start, end))
            start = end - OVERLAP


def badge_key(key: str) -> str:
    """The page reference of ``key`` drawn as a badge number (white, centred)."""
    return key + "@badge"


class MapFlowable(Flowable):
    """The map (or a part of it) in a box of the frame's width."""

    def __init__(self, painter: MapPainter, view: L.Rect, scale: float, height: float,
                 tiles: list[Tile] | None = None, part: Tile | None = None,
                 caption: str = "") -> None:
        super().__init__()
        self.painter, self.view, self.scale = painter, view, scale
        self.box_h, self.tiles, self.part, self.caption = height, tiles, part, caption

    def wrap(self, aw, ah):
        self.width, self.height = aw, self.box_h
        return aw, self.box_h

    def draw(self):
        canv, p = self.canv, self.painter
        is_rtl = p.rtl
        # A part's caption; the overview's strip of part numbers, above the map, so no
        # number ever covers a stage's title or a card.
        head = 24.0 if self.part else BADGE_H if self.tiles else 0.0
        w = self.view.w * self.scale
        # The overview leaves room for the parts' frames outside the map, so a frame
        # never runs through a label at the map's edge (the emotion lane's axis).
        inset = FRAME_ROOM if self.tiles else 0.0
        x0 = self.width - w - inset if is_rtl else inset
        top = self.height - head
        p.draw(canv, self.view, x0, top, self.scale)
        if self.tiles:
            self._index(canv, x0, top)
        if self.part:
            self._caption(canv)
            self._mini(canv)

    def _index(self, canv, x0: float, top: float) -> None:
        """Outline the parts on the overview, each with its page number (filled in at
        the end, like the contents: a part need not follow the overview directly)."""
        s = self.scale
        theme = self.painter.ctx.theme
        for tile in self.tiles:
            v = tile.view
            x = x0 + (v.x - self.view.x) * s
            y = top - (v.bottom - self.view.y) * s
            canv.setStrokeColor(rtl.color(theme.dark))
            canv.setLineWidth(0.9)
            canv.setDash(3, 2)
            canv.rect(x - 2.0, y - 2.0, v.w * s + 4.0, v.h * s + 4.0, stroke=1, fill=0)
            canv.setDash()
            # Over the part's middle in the strip; parts one above the other (a tall map)
            # put their numbers side by side.
            row = sum(1 for t in self.tiles if t.index < tile.index
                      and abs(t.view.x - v.x) < 1 and abs(t.view.w - v.w) < 1)
            bx = x + v.w * s / 2 - 8 + (row * 20 * (-1 if self.painter.rtl else 1))
            by = top + 2
            canv.setFillColor(rtl.color(theme.dark))
            canv.roundRect(bx, by, 16, 13, 3, stroke=0, fill=1)
            key = f"map-part-{tile.index + 1}"
            self.painter.ctx.page_refs.append(badge_key(key))
            canv.saveState()
            canv.translate(bx + 8, by + 4)
            canv.doForm(contents_form(badge_key(key)))
            canv.restoreState()

    def _caption(self, canv) -> None:
        ctx = self.painter.ctx
        spans = [(self.caption, ctx.theme.h3)]
        rtl.draw_line(canv, rtl.fit(spans, self.width - 150), 0 if not self.painter.rtl
                      else 150, self.height - 14, self.width - 150, self.painter.rtl)

    def _mini(self, canv) -> None:
        """A small picture of the whole map with this part highlighted."""
        b = self.painter.layout.bounds
        w_box, h_box = 130.0, 18.0
        s = min(w_box / max(b.w, 1), h_box / max(b.h, 1))
        mw, mh = b.w * s, b.h * s
        x = 0.0 if self.painter.rtl else self.width - mw
        y = self.height - 4 - mh
        canv.setFillColor(rtl.color(LIGHT))
        canv.setStrokeColor(rtl.color(RULE))
        canv.setLineWidth(0.5)
        canv.rect(x, y, mw, mh, stroke=1, fill=1)
        canv.setFillColor(rtl.color(self.painter.ctx.theme.tint_strong))
        for band in self.painter.layout.bands.values():
            canv.rect(x + (band.x - b.x) * s, y + mh - (band.bottom - b.y) * s,
                      band.w * s, band.h * s, stroke=0, fill=1)
        v = self.part.view
        canv.setStrokeColor(rtl.color(self.painter.ctx.theme.dark))
        canv.setLineWidth(1.2)
        canv.rect(x + (v.x - b.x) * s, y + mh - (v.bottom - b.y) * s, v.w * s, v.h * s,
                  stroke=1, fill=0)


class Legend(Flowable):
    """Colour keys in a row, wrapping; read from the reading start."""

    def __init__(self, ctx: Ctx, items: list[tuple[str, str, str]]) -> None:
        # items: (shape: "chip" | "dot" | "arrow", colour, label)
        super().__init__()
        self.ctx, self.items = ctx, items
        self.style = Style(REGULAR, 7.4, MUTED)

    def _place(self, aw: float):
        rows, x, row = [], 0.0, []
        for shape, colour, label in self.items:
            runs = rtl.visual([(self.ctx.t(label), self.style)], self.ctx.rtl)
            w = 14 + rtl.runs_width(runs) + 12
            if row and x + w > aw:
                rows.append(row)
                row, x = [], 0.0
            row.append((x, shape, colour, runs))
            x += w
        if row:
            rows.append(row)
        return rows

    def wrap(self, aw, ah):
        self.width = aw
        self._rows = self._place(aw)
        self.height = 13.0 * len(self._rows)
        return aw, self.height

    def draw(self):
        canv = self.canv
        y = self.height - 10
        for row in self._rows:
            for x, shape, colour, runs in row:
                w = 14 + rtl.runs_width(runs)
                left = self.width - x - w if self.ctx.rtl else x
                sx = left + w - 9 if self.ctx.rtl else left
                canv.setFillColor(rtl.color(colour))
                canv.setStrokeColor(rtl.color(colour))
                if shape.startswith("mark:"):  # a fail or wait point's badge
                    marks.place(canv, shape[5:], sx, y - 1.2, 8.5)
                elif shape == "dot":
                    canv.circle(sx + 4.5, y + 2.6, 3.6, stroke=0, fill=1)
                elif shape == "arrow":
                    canv.setLineWidth(1.0)
                    canv.line(sx, y + 2.6, sx + 9, y + 2.6)
                    tip = sx if self.ctx.rtl else sx + 9
                    d = 3 if self.ctx.rtl else -3
                    p = canv.beginPath()
                    p.moveTo(tip, y + 2.6)
                    p.lineTo(tip + d, y + 4.6)
                    p.lineTo(tip + d, y + 0.6)
                    p.close()
                    canv.drawPath(p, stroke=0, fill=1)
                else:
                    canv.roundRect(sx, y - 0.5, 9, 7, 1.5, stroke=0, fill=1)
                tx = left if self.ctx.rtl else left + 14
                rtl.draw_runs(canv, runs, tx, y)
            y -= 13.0
