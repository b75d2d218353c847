"""Touchpoints' pictures in the PDF report.

* ``draw_picture(canv, journey, tp, x, y, w, h)``: a touchpoint's picture drawn into a
  rect of a ReportLab canvas (``x, y`` its bottom-left corner), scaled to fit and
  centred, keeping its proportions.  The map pages call it for their cards.
* ``gallery(ctx, width)``: the "Pictures" part of the report, after the stages: each
  touchpoint with a picture, in journey order, its number and title under it, a few to
  a row and a few rows to a page, filled from the right in a right-to-left map.

A picture is embedded once per report however often it is drawn (a PDF form made at
its first drawing), and a JPEG goes in as it is, not re-encoded.  A picture ReportLab
cannot decode is left out (the loader has already dropped damaged ones from files).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from ..model import JourneyMap
from ..model import schema as S
from ..model.pictures import decode, prepare, verify
from . import rtl
from .context import RULE, Ctx
from .rtl import Style
from .sections import sub_heading

REPORT_SIDE = 800  # pixels on the long side: 300 dpi over 6.8 cm
PER_ROW = 3
PICTURE_H = 150.0  # the picture's box in a gallery row; the title goes under it
TITLE_H = 28.0
GAP = 14.0


def reader_for(text: str) -> ImageReader | None:
    """A ReportLab image of a picture's base64 text, at most ``REPORT_SIDE`` pixels on
    its long side, or None if it cannot be decoded."""
    if not text:
        return None
    try:
        # Decoded whole (a broken JPEG would go into the PDF as it is, and a viewer show
        # an error in its place) and made smaller: a picture printed a few centimetres
        # wide needs no more, and the PDF and ReportLab's work on it shrink fourfold.
        small = prepare(decode(text), REPORT_SIDE)
        reader = ImageReader(io.BytesIO(base64.b64decode(small)))
        reader.getSize()
        return reader
    except (binascii.Error, ValueError, OSError, SyntaxError):
        return None
    except Exception:  # Pillow raises many kinds for a damaged image
        return None


def usable(text: str) -> bool:
    """Whether a picture can go into the report (decoded at an eighth of its size)."""
    try:
        return bool(text) and verify(text) > 0
    except ValueError:
        return False


def draw_picture(canv, journey: JourneyMap, tp: str, x: float, y: float, w: float,
                 h: float) -> bool:
    """Draw touchpoint ``tp``'s picture to fit the rect; False when it has none (or
    one that cannot be read), and nothing is drawn."""
    attrs = journey.get(tp)
    if attrs.get("kind") != S.TOUCHPOINT or w <= 0 or h <= 0:
        return False
    form = _form(canv, attrs.get("picture", ""))
    if form is None:
        return False
    name, iw, ih = form
    scale = min(w / iw, h / ih)
    dw, dh = iw * scale, ih * scale
    canv.saveState()
    canv.translate(x + (w - dw) / 2, y + (h - dh) / 2)
    canv.scale(scale, scale)
    canv.doForm(name)
    canv.restoreState()
    return True


def _form(canv, text: str) -> tuple[str, int, int] | None:
    """The picture as a PDF form of its size in points, made the first time it is drawn
    on this canvas: ReportLab names an image by a digest of all its pixels, computed at
    every ``drawImage`` (a decode and an MD5 of megabytes); a form is drawn again by
    name, so the map pages and the gallery pay for a picture once."""
    if not text:
        return None
    forms = canv.__dict__.setdefault("_cx_picture_forms", {})
    key = hashlib.sha1(text.encode("ascii", "replace")).hexdigest()
    if key in forms:
        return forms[key]
    reader = reader_for(text)
    form = None
    if reader is not None:
        iw, ih = reader.getSize()
        if iw > 0 and ih > 0:
            name = f"cxpic{key[:20]}"
            canv.beginForm(name, 0, 0, iw, ih)
            try:
                canv.drawImage(reader, 0, 0, iw, ih, mask="auto")
                form = (name, iw, ih)
            except Exception:  # damaged past its header: left out, never a failed report
                form = None
            finally:
                canv.endForm()
    forms[key] = form
    return form


class PictureRow(Flowable):
    """One row of the gallery: up to ``PER_ROW`` pictures with their titles."""

    def __init__(self, ctx: Ctx, entries: list[tuple[str, str]]):
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
        for i, (tp, title) in enumerate(self.entries):
            x = self.width - (i + 1) * col - i * GAP if is_rtl else i * (col + GAP)
            y = TITLE_H + GAP
            canv.setStrokeColor(rtl.color(RULE))
            canv.setLineWidth(0.5)
            canv.rect(x, y, col, PICTURE_H, stroke=1, fill=0)
            draw_picture(canv, self.ctx.journey, tp, x + 3, y + 3, col - 6, PICTURE_H - 6)
            rtl.draw_line(canv, rtl.fit([(title, style)], col), x, y - 12, col, is_rtl,
                          "center")


def gallery(ctx: Ctx, width: float) -> list:
    """The "Pictures" heading and rows, or nothing for a map without pictures."""
    journey = ctx.journey
    entries = []
    for tp in journey.journey_order():
        # Checked here (one decode at an eighth of the size), drawn when the row is.
        if not usable(journey.get(tp).get("picture", "")):
            continue
        number = ctx.numbers.get(tp)
        title = ctx.title(tp, ctx.labels("untitled_touchpoint"))
        entries.append((tp, f"{number}. {title}" if number else title))
    if not entries:
        return []
    rows = [PictureRow(ctx, entries[i:i + PER_ROW]) for i in range(0, len(entries), PER_ROW)]
    return [*sub_heading(ctx, "pictures", ctx.labels("pictures"),
                         room=PICTURE_H + TITLE_H + 60), *rows]
