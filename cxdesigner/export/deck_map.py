"""The journey map on slides: the canvas's own picture (``canvas/render.py``), whole on
one slide when it is readable there, else an overview and one slide per part, cut
between stages as the report's parts are.

The picture is drawn by Qt, which the export layer never imports: the caller hands
in the picture function (``ui/deck_picture.map_picture`` in the editor and the CLI).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass

from ..model import layout as L
from .deck_draw import BODY_BOTTOM, BODY_Y, MARGIN, SLIDE_W, DeckCanvas, Para, Run, pt
from .context import MUTED, WHITE

PAD = 16.0  # scene units the renderer leaves around the map (render.PAD)
READABLE = 0.42  # points per scene unit: below this the whole map is too small to read
PART_SCALE = 0.62  # points per scene unit on a part's slide, when the height allows
RENDER_SCALE = 2.0  # pixels per scene unit: ~3 px per point on a part (sharp when shown)
MAX_PARTS = 40
CAPTION_H = 22.0

MAX_SIDE, MAX_PIXELS = 16000, 48 * 1024 * 1024  # a picture's pixels, as render.py caps them
# (journey, persona, [((x, y, w, h) in scene units, pixels a unit), ...])
#     -> ([PNG bytes of each view], notes for the user)
View = tuple[tuple[float, float, float, float], float]
Picture = Callable[[object, str | None, list[View]], tuple[list[bytes], list[str]]]


class MapPictureError(Exception):
    """The map could not be drawn (a message for the user)."""


@dataclass
class Part:
    x0: float  # scene units, including the picture's margin
    x1: float
    stages: list[str]


def plan_parts(layout: L.Layout, part_w: float) -> list[Part]:
    """Slices of the map at most ``part_w`` scene units wide, cut in the gaps between
    stages (a stage wider than a slice is cut evenly), in reading order."""
    b = layout.bounds
    left, right = b.x - PAD, b.right + PAD
    bands = sorted(layout.bands.items(), key=lambda kv: kv[1].x)
    cuts: list[float] = [left]
    start = prev_end = left
    for i, (_, band) in enumerate(bands):
        end = right if i == len(bands) - 1 else (band.right + bands[i + 1][1].x) / 2
        if end - start > part_w:
            if prev_end > start:  # the slice holds stages already: close it before this one
                cuts.append(prev_end)
                start = prev_end
            gaps = _gaps(layout, band)
            while end - start > part_w:  # a stage wider than a slice: cut between cards
                even = start + (end - start) / math.ceil((end - start) / part_w)
                fits = [g for g in gaps if start + L.CARD_W <= g <= start + part_w]
                # the gap nearest an even cut: parts of about the same width
                start = min(fits, key=lambda g: abs(g - even)) if fits else even
                cuts.append(start)
        prev_end = end
    cuts.append(right)
    parts = []
    for x0, x1 in zip(cuts, cuts[1:]):
        shown = [s for s, band in bands
                 if min(band.right, x1) - max(band.x, x0) >= min(band.w * 0.5, L.CARD_W)]
        parts.append(Part(x0, x1, shown))
    if layout.rtl:
        parts.reverse()  # the map reads from its right edge
    return parts


def _gaps(layout: L.Layout, band: L.Rect) -> list[float]:
    """Where a stage can be cut without cutting a card: the middle of each gap
    between its columns of cards."""
    spans = sorted((c.x, c.right) for c in layout.cards.values()
                   if band.x <= c.center[0] <= band.right)
    gaps, reach = [], None
    for x0, x1 in spans:
        if reach is not None and x0 > reach:
            gaps.append((reach + x0) / 2)
        reach = x1 if reach is None else max(reach, x1)
    return gaps


def map_slides(canvas: DeckCanvas, picture: Picture, notes: list[str]) -> None:
    ctx = canvas.ctx
    j, lab = ctx.journey, ctx.labels
    title = lab("map")
    layout = L.compute(j)
    if not layout.bands:
        slide = canvas.slide(title)
        canvas.text(slide, MARGIN, BODY_Y, SLIDE_W - 2 * MARGIN, 30,
                    [Para([Run(lab("no_touchpoints"), 14.0, False, MUTED)])])
        return
    b = layout.bounds
    left, top = b.x - PAD, b.y - PAD
    src_w, src_h = b.w + 2 * PAD, b.h + 2 * PAD
    area_w = SLIDE_W - 2 * MARGIN
    area_h = BODY_BOTTOM - BODY_Y - CAPTION_H
    fit = min(area_w / src_w, area_h / src_h)
    persona = None if ctx.persona == "general" else ctx.persona
    if fit >= READABLE:
        (data,), told = picture(j, persona, [((left, top, src_w, src_h),
                                              _scale(src_w, src_h, RENDER_SCALE))])
        notes.extend(told)
        slide = canvas.slide(title)
        w, h = src_w * fit, src_h * fit
        canvas.picture(slide, io.BytesIO(data), MARGIN + (area_w - w) / 2, BODY_Y, w, h)
        return
    scale = min(PART_SCALE, area_h / src_h)
    part_w = area_w / scale
    parts = plan_parts(layout, part_w)
    while len(parts) > MAX_PARTS:  # a map spread very wide: wider parts, not hundreds
        part_w *= 1.25
        parts = plan_parts(layout, part_w)
        scale = area_w / part_w
    # Each part drawn on its own at full resolution (~3 pixels a point on its slide),
    # not cut from one picture of the whole map, which a wide map would have to shrink.
    views = [((left, top, src_w, src_h), _scale(src_w, src_h, 3.0 * fit))]
    views += [((p.x0, top, p.x1 - p.x0, src_h), _scale(p.x1 - p.x0, src_h, RENDER_SCALE))
              for p in parts]
    pictures, told = picture(j, persona, views)
    notes.extend(told)
    _overview(canvas, title, pictures[0], src_w, src_h, parts, area_w, area_h)
    stage_order = {s: i for i, s in enumerate(j.stages())}
    for i, (part, data) in enumerate(zip(parts, pictures[1:]), 1):
        label = lab("map_part", i=i, n=len(parts))
        slide = canvas.slide(f"{title} \u00b7 {label}")
        w, h = (part.x1 - part.x0) * scale, src_h * scale
        x = MARGIN + (area_w - w) / 2
        canvas.picture(slide, io.BytesIO(data), x, BODY_Y, w, h)
        seen = sorted(part.stages, key=stage_order.get)
        names = " \u2013 ".join(ctx.title(s) for s in ([seen[0], seen[-1]] if len(seen) > 2
                                                       else seen))
        canvas.text(slide, x, BODY_Y + h + 4, min(MARGIN + area_w - x, max(w, 420.0)),
                    CAPTION_H,
                    [Para([Run(names, 11.0, False, MUTED)])], max_lines=1)


def _scale(w: float, h: float, wanted: float) -> float:
    """``wanted`` pixels a scene unit, or less for a picture within MAX_SIDE a side and
    MAX_PIXELS in all (the canvas renderer's own limits)."""
    return min(wanted, MAX_SIDE / w, MAX_SIDE / h, math.sqrt(MAX_PIXELS / (w * h)))


def _overview(canvas: DeckCanvas, title: str, data: bytes, src_w: float, src_h: float,
              parts: list[Part], area_w: float, area_h: float) -> None:
    """The whole map fitted to the slide, its parts outlined and numbered."""
    lab = canvas.ctx.labels
    slide = canvas.slide(f"{title} \u00b7 {lab('map_overview')}")
    fit = min(area_w / src_w, area_h / src_h)
    w, h = src_w * fit, src_h * fit
    left = MARGIN + (area_w - w) / 2  # absolute: the picture is not mirrored
    # the picture first, the frames over it; placed as drawn (an RTL map is mirrored
    # already)
    slide.shapes.add_picture(io.BytesIO(data), pt(left), pt(BODY_Y), pt(w), pt(h))
    x_min = min(p.x0 for p in parts)
    for i, part in enumerate(parts, 1):
        x = left + (part.x0 - x_min) * fit
        pw = (part.x1 - part.x0) * fit
        frame = canvas.rect(slide, canvas.x(x, pw), BODY_Y, pw, h, "", canvas.accent,
                            dashed=True)
        frame.name = f"part {i}"
        r = 9.0
        cx = x + pw / 2
        canvas.disc(slide, cx, BODY_Y + h + r + 4, r, canvas.accent, str(i), 8.0, WHITE)
    canvas.text(slide, MARGIN, BODY_Y + h + 26, area_w, 40,
                [Para([Run(lab("deck_parts", n=len(parts)), 11.0, False, MUTED)])])
