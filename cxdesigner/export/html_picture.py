"""The map of the interactive HTML export, drawn from the shared layout (no Qt).

The picture is two layers in one positioned box of the layout's size: an inline SVG
for what is only drawn (flows, the lanes' rules, the blueprint lines, the emotion
curve of every persona, one shown at a time) and HTML for everything that carries text
(bands' titles, cards, lane cells), so that the browser wraps, shapes and mirrors the
words (Hebrew included) and a card is a real focusable ``<button>``.  Every position
comes from ``model.layout.compute``: the canvas, the PDF and this page agree.

Every text goes through ``esc``: titles are user input.
"""

from __future__ import annotations

import base64
import binascii
import math
from html import escape

from ..model import layout as L
from ..model import schema as S
from ..model.lane_edits import EMOTION_LANE_ID
from .labels import EMOTION_COLOURS, NO_EMOTION, NOTE_COLOURS, Labels

MARK_SIGNS = {"fail": "!", "wait": "\u231b"}  # an hourglass
BACK = ' class="back"'


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def bdi(text: object) -> str:
    """A user's text isolated: a Latin title in a Hebrew line keeps its own order."""
    return f"<bdi>{esc(text)}</bdi>"


def num(value: float) -> str:
    """A coordinate, short: the page carries thousands of them on a large map."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def signed(value: float | None) -> str:
    """An emotion as the map writes it: +2, 0, \u22121 (a true minus sign)."""
    if value is None:
        return ""
    if value > 0:
        return f"+{value:g}"
    return f"\u2212{-value:g}" if value < 0 else "0"


def picture_url(attrs) -> str | None:
    """A touchpoint's picture (base64 PNG or JPEG) as a ``data:`` URL, or ``None``.

    Checked here, not trusted: the text lands inside an attribute, so it must be
    base64 and nothing else, and its first bytes must be a PNG's or a JPEG's."""
    data = attrs.get("picture")
    if not isinstance(data, str) or not data:
        return None
    try:
        head = base64.b64decode(data[:64] + "=" * (-len(data[:64]) % 4), validate=True)
        base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return None
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return f"data:image/png;base64,{data}"
    if head.startswith(b"\xff\xd8\xff"):
        return f"data:image/jpeg;base64,{data}"
    return None


def style_box(r: L.Rect) -> str:
    return f"left:{num(r.x)}px;top:{num(r.y)}px;width:{num(r.w)}px;height:{num(r.h)}px"


class MapPicture:
    """The map as HTML: ``html()`` gives the positioned box with its SVG and cards."""

    def __init__(self, journey, layout: L.Layout, words: Labels, personas: list[str],
                 numbers: dict[str, int]) -> None:
        self.j, self.layout, self.w = journey, layout, words
        self.personas = personas
        self.numbers = numbers

    # ---------------------------------------------------------------- the box
    def html(self) -> str:
        b = self.layout.bounds
        out = [f'<div class="canvas" id="canvas" style="width:{num(b.w)}px;'
               f'height:{num(b.h)}px">']
        out += self._lanes()
        out.append(self._svg())
        for i, stage in enumerate(self.j.stages(), 1):
            out += self._stage(stage, i)
        out.append("</div>")
        return "".join(out)

    # ------------------------------------------------------------- stages
    def _stage(self, stage: str, n: int) -> list[str]:
        band = self.layout.bands[stage]
        title = self.j.title(stage) or self.w("untitled_stage")
        label = f"{self.w('stage_n', n=n)}: {title}"
        out = [f'<div class="stage" role="group" aria-label="{esc(label)}">',
               f'<div class="band{" odd" if n % 2 else ""}" style="{style_box(band)}" '
               f'aria-hidden="true"><div class="band-title" title="{esc(title)}">'
               f'<span class="band-n">{n}</span> {bdi(title)}</div></div>']
        for tp in self.j.touchpoints_in(stage):
            out.append(self._card(tp))
        out.append("</div>")
        return out

    def _card(self, tp: str) -> str:
        attrs, w = self.j.get(tp), self.w
        card = self.layout.cards[tp]
        title = attrs["title"] or w("untitled_touchpoint")
        channel = w.channel(attrs["channel"])
        value = self.j.emotion(tp)
        notes = self.j.notes_on(tp)
        kinds = [self.j.get(n)["note_kind"] for n in notes]
        n = self.numbers[tp]
        label = f"{w('touchpoint_n', n=n)}: {title}. {channel}."
        # The picture beside the title, as on the canvas; the details pane shows this
        # same image, so the page carries it once.
        url = picture_url(attrs)
        thumb = f'<img class="thumb" alt="" src="{esc(url)}">' if url else ""
        chips = []
        shown = kinds[:L.CHIPS_PER_CARD]
        for i, kind in enumerate(shown):
            if i == L.CHIPS_PER_CARD - 1 and len(kinds) > L.CHIPS_PER_CARD:
                chips.append(f'<span class="chip more">+{len(kinds) - i}</span>')
                break
            chips.append(f'<span class="chip" data-kind="{esc(kind)}" '
                         f'style="background:{NOTE_COLOURS.get(kind, NO_EMOTION)}" '
                         f'title="{esc(w.note_kind(kind))}">{esc(w.note_letter(kind))}</span>')
        return (f'<button type="button" class="card{" pictured" if url else ""}" '
                f'id="card-{esc(tp)}" data-tp="{esc(tp)}" '
                f'style="{style_box(card)}" aria-label="{esc(label)}" '
                f'aria-controls="details"><span class="card-top"><span class="badge">{n}'
                f'</span><span class="channel">{esc(channel)}</span><span class="emo" '
                f'style="background:{EMOTION_COLOURS.get(value, NO_EMOTION)}" '
                f'dir="ltr">{signed(value)}</span></span><span class="card-title" '
                f'title="{esc(title)}">{esc(title)}</span>{thumb}<span class="chips" '
                f'aria-label="{esc(w("n_notes"))}: {len(kinds)}">{"".join(chips)}</span>'
                f'</button>')

    # -------------------------------------------------------------- lanes
    def _lanes(self) -> list[str]:
        lay, w, out = self.layout, self.w, []
        for lane_id, rect in lay.lanes.items():
            info = self.j.lane(lane_id)
            if lane_id == EMOTION_LANE_ID or info["lane_kind"] == S.EMOTION_LANE:
                out.append(self._emotion_lane(rect))
                continue
            title = w.lane_title(info)
            out.append(f'<div class="lane" style="{style_box(rect)}"><div class="lane-title">'
                       f'{esc(title)}</div></div>')
            for tp in lay.order:
                out.append(self._cell(tp, lane_id, info["lane_kind"]))
        for name, y in L.blueprint_lines(self.j, lay):
            out.append(f'<div class="bp-label" style="top:{num(y - 16)}px" '
                       f'aria-hidden="true">{esc(w.blueprint_line(name))}</div>')
        return out

    def _cell(self, tp: str, lane_id: str, kind: str) -> str:
        r = self.layout.cell(tp, lane_id, kind)
        if kind == "image":
            url = picture_url(self.j.get(tp))
            if url is None:
                return ""
            return (f'<div class="cell image" style="{style_box(r)}"><img alt="" '
                    f'src="{esc(url)}"></div>')
        text, mark = self.j.cell(tp, lane_id), self.j.mark(tp, lane_id)
        if not text and not mark:
            return ""
        badge = ""
        if mark:
            badge = (f'<span class="mark {esc(mark)}" title="{esc(self.w.cell_mark(mark))}">'
                     f'{MARK_SIGNS.get(mark, "")}</span>'
                     f'<span class="sr">{esc(self.w.cell_mark(mark))}</span>')
        return (f'<div class="cell{" marked" if mark else ""}" style="{style_box(r)}" '
                f'title="{esc(text)}">{badge}{esc(text)}</div>')

    def _emotion_lane(self, rect: L.Rect) -> str:
        out = [f'<div class="lane emotion-lane" style="{style_box(rect)}" aria-hidden="true">'
               f'<div class="lane-title" id="emotion-lane-title">'
               f'{esc(self.w("emotion_lane", persona=self.w("all_customers")))}</div>']
        for value in range(S.EMOTION_MIN, S.EMOTION_MAX + 1):
            y = self.layout.emotion_y(value) - rect.y
            # The number isolated left to right; the label itself keeps the page's
            # direction, so that it sits at the reading start.
            out.append(f'<span class="grid-label" style="top:{num(y - 8)}px"><bdi dir="ltr">'
                       f'{signed(value)}</bdi></span>')
        out.append("</div>")
        return "".join(out)

    # ---------------------------------------------------------------- svg
    def _svg(self) -> str:
        b, lay = self.layout.bounds, self.layout
        out = [f'<svg class="drawing" width="{num(b.w)}" height="{num(b.h)}" '
               f'viewBox="0 0 {num(b.w)} {num(b.h)}" aria-hidden="true" focusable="false">'
               '<defs><marker id="head" viewBox="0 0 10 10" refX="9" refY="5" '
               'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
               '<path d="M0,0 L10,5 L0,10 z" fill="#7d8a97"/></marker></defs>']
        lane = lay.lane
        if lane.h > 0:
            for value in range(S.EMOTION_MIN, S.EMOTION_MAX + 1):
                y = num(lay.emotion_y(value))
                out.append(f'<line class="grid{" zero" if value == 0 else ""}" x1="30" '
                           f'y1="{y}" x2="{num(lane.w - 30)}" y2="{y}"/>')
        for _, y in L.blueprint_lines(self.j, lay):
            out.append(f'<line class="bp-line" x1="0" y1="{num(y)}" x2="{num(b.w)}" '
                       f'y2="{num(y)}"/>')
        band_bottom = min((r.bottom for r in lay.bands.values()), default=0.0)
        out.append('<g class="flows">')
        for a, c in self.j.flows():
            if a in lay.cards and c in lay.cards:
                d, dashed = flow_path(lay.cards[a], lay.cards[c], lay.rtl, band_bottom)
                out.append(f'<path d="{d}"{BACK if dashed else ""} '
                           f'marker-end="url(#head)"/>')
        out.append("</g>")
        if lane.h > 0:
            for persona in [S.GENERAL, *self.personas]:
                out.append(self._curve(persona))
        out.append("</svg>")
        return "".join(out)

    def _curve(self, persona: str) -> str:
        pts = L.emotion_curve(self.j, self.layout, persona)
        hidden = "" if persona == S.GENERAL else ' style="display:none"'
        out = [f'<g class="curve" data-persona="{esc(persona)}"{hidden}>']
        line = L.curve_line(pts)
        if len(line) > 1:
            out.append('<polyline points="' + " ".join(f"{num(x)},{num(y)}" for x, y in line)
                       + '"/>')
        for tp, x, y in pts:
            colour = EMOTION_COLOURS.get(self.j.emotion(tp, persona), NO_EMOTION)
            out.append(f'<circle cx="{num(x)}" cy="{num(y)}" r="7" fill="{colour}"/>')
        out.append("</g>")
        return "".join(out)


def flow_path(ra: L.Rect, rb: L.Rect, rtl: bool, band_bottom: float) -> tuple[str, bool]:
    """An SVG path for a flow from card ``ra`` to ``rb``, shaped as the report's
    (``arrows.draw_flow``): an S-curve ahead, a vertical curve above or below, a
    dashed path back under the cards for a loop back.  ``(d, dashed)``."""
    sign = -1 if rtl else 1
    ahead = (rb.x >= ra.right - 1) if not rtl else (rb.right <= ra.x + 1)
    overlap_x = rb.x < ra.right and rb.right > ra.x
    if ahead:
        x1 = ra.x if rtl else ra.right
        x2 = rb.right if rtl else rb.x
        y1, y2 = ra.center[1], rb.center[1]
        reach = max(30.0, abs(x2 - x1) * 0.45)
        return (f"M{num(x1)},{num(y1)} C{num(x1 + sign * reach)},{num(y1)} "
                f"{num(x2 - sign * reach)},{num(y2)} {num(x2)},{num(y2)}", False)
    if overlap_x and (rb.y >= ra.bottom or rb.bottom <= ra.y):
        down = rb.y >= ra.bottom
        x1, x2 = ra.center[0], rb.center[0]
        y1 = ra.bottom if down else ra.y
        y2 = rb.y if down else rb.bottom
        reach = max(20.0, abs(y2 - y1) * 0.45) * (1 if down else -1)
        return (f"M{num(x1)},{num(y1)} C{num(x1)},{num(y1 + reach)} {num(x2)},"
                f"{num(y2 - reach)} {num(x2)},{num(y2)}", False)
    x1, x2 = ra.center[0] - sign * 30, rb.center[0] + sign * 30
    y1, y2 = ra.bottom, rb.bottom
    low = min(max(y1, y2) + 34.0, band_bottom - 12.0)
    r = min(16.0, max(2.0, (low - max(y1, y2)) / 2))
    d = 1 if x2 > x1 else -1
    if not all(map(math.isfinite, (x1, x2, y1, y2, low))):
        return "", True
    return (f"M{num(x1)},{num(y1)} L{num(x1)},{num(low - r)} Q{num(x1)},{num(low)} "
            f"{num(x1 + d * r)},{num(low)} L{num(x2 - d * r)},{num(low)} Q{num(x2)},"
            f"{num(low)} {num(x2)},{num(low - r)} L{num(x2)},{num(y2)}", True)
