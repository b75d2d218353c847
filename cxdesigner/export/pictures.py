"""Touchpoints' pictures in the PDF report.

* ``draw_picture(canv, journey, tp, x, y, w, h)``: a touchpoint's picture drawn into a
  rect of a ReportLab canvas (``x, y`` its bottom-left corner), scaled to fit and
  centred, keeping its proportions.  The map pages call it for their cards.
* ``gallery(ctx, width)``: the "Pictures" part of the report, after the stages: each
  touchpoint with a picture, in journey order, its number and title under it, a few to
  a row and a few rows to a page, filled from the right in a right-to-left map.

ReportLab embeds a picture once however often it is drawn (it names an image by its
content), and a JPEG goes in as it is, without decoding it again.  A picture ReportLab
cannot decode is left out (the loader has already dropped damaged ones from files).
"""

from __future__ import annotations

import base64
import binascii
import io

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from ..model import JourneyMap
from ..model import schema as S
from ..model.pictures import verify
from . import rtl
from .context import RULE, Ctx
from .rtl import Style
from .sections import sub_heading

PER_ROW = 3
PICTURE_H = 150.0  # the picture's box in a gallery row; the title goes under it
TITLE_H = 28.0
GAP = 14.0


def reader_for(text: str) -> ImageReader | None:
    """A ReportLab image of a picture's base64 text, or None if it cannot be read."""
    if not text:
        return None
    try:
        # Decoded whole first: ReportLab would embed a broken JPEG's bytes as they are,
        # and a viewer would show an error where the picture should be.
        verify(text)
        reader = ImageReader(io.BytesIO(base64.b64decode(text, validate=True)))
        reader.getSize()
        return reader
    except (binascii.Error, ValueError, OSError, SyntaxError):
        return None
    except Exception:  # Pillow raises many kinds for a damaged image
        return None


def draw_picture(canv, journey: JourneyMap, tp: str, x: float, y: float, w: float,
                 h: float, reader: ImageReader | None = None) -> bool:
    """Draw touchpoint ``tp``'s picture to fit the rect; False when it has none (or
    one that cannot be read), and nothing is drawn."""
    if reader is None:
        attrs = journey.get(tp)
        if attrs.get("kind") != S.TOUCHPOINT:
            return False
        reader = reader_for(attrs.get("picture", ""))
    if reader is None or w <= 0 or h <= 0:
        return False
    iw, ih = reader.getSize()
    if iw <= 0 or ih <= 0:
        return False
    scale = min(w / iw, h / ih)
    dw, dh = iw * scale, ih * scale
    try:
        canv.drawImage(reader, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh, mask="auto")
    except Exception:  # damaged past the header: leave it out, never fail the report
        return False
    return True


class PictureRow(Flowable):
    """One row of the gallery: up to ``PER_ROW`` pictures with their titles."""

    def __init__(self, ctx: Ctx, entries: list[tuple[str, str, ImageReader]]):
        super().__init__()
        self.ctx, self.entries = ctx, entries
        self.width = 0.0

    def wrap(self, aw, ah):  # ReportLab's name
        self.width = aw
        return aw, PICTURE_H + TITLE_H + GAP

    def draw(self) -> None:  # ReportLab's name
        canv, is_rtl = self.canv, self.ctx.rtl
        col = (self.width - GAP * (PER_ROW - 1)) / PER_ROW
        style = Style(self.ctx.theme.small_bold.font, 8.4, self.ctx.theme.h2.color)
        for i, (tp, title, reader) in enumerate(self.entries):
            x = self.width - (i + 1) * col - i * GAP if is_rtl else i * (col + GAP)
            y = TITLE_H + GAP
            canv.setStrokeColor(rtl.color(RULE))
            canv.setLineWidth(0.5)
            canv.rect(x, y, col, PICTURE_H, stroke=1, fill=0)
            draw_picture(canv, self.ctx.journey, tp, x + 3, y + 3, col - 6, PICTURE_H - 6,
                         reader)
            rtl.draw_line(canv, rtl.fit([(title, style)], col), x, y - 12, col, is_rtl,
                          "center")


def gallery(ctx: Ctx, width: float) -> list:
    """The "Pictures" heading and rows, or nothing for a map without pictures."""
    journey = ctx.journey
    entries = []
    for tp in journey.journey_order():
        reader = reader_for(journey.get(tp).get("picture", ""))
        if reader is None:
            continue
        number = ctx.numbers.get(tp)
        title = ctx.title(tp, ctx.labels("untitled_touchpoint"))
        entries.append((tp, f"{number}. {title}" if number else title, reader))
    if not entries:
        return []
    rows = [PictureRow(ctx, entries[i:i + PER_ROW]) for i in range(0, len(entries), PER_ROW)]
    return [*sub_heading(ctx, "pictures", ctx.labels("pictures"),
                         room=PICTURE_H + TITLE_H + 60), *rows]
