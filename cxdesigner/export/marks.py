"""The blueprint's fail and wait points as badges, drawn as the canvas draws them
(``canvas/lane_rows.draw_mark``) so that a map reads the same on screen and on paper: a
red disc with a white "!" for a fail point, an amber hourglass for a wait point
(shapes, not colour alone, tell them apart).  The map's cells, its legend and the
blueprint section's tables all place these."""

from __future__ import annotations

from . import pdftext, rtl

COLOURS = {"fail": "#c62828", "wait": "#ef8f00"}  # the canvas's FAIL_COLOUR, WAIT_COLOUR
INK = {"fail": "#c62828", "wait": "#a86400"}  # the mark's name in text: amber darkened
_WAIT_EDGE = "#b86e00"  # the canvas's WAIT_COLOUR.darker(130)


def _draw(c, mark: str, size: float) -> None:
    """The badge in the box ``0, 0 .. size, size``."""
    if mark == "fail":
        half = size / 2
        c.setFillColor(rtl.color(COLOURS["fail"]))
        c.circle(half, half, half, stroke=0, fill=1)
        c.setStrokeColor(rtl.color("#ffffff"))
        c.setFillColor(rtl.color("#ffffff"))
        c.setLineWidth(size * 0.14)
        c.setLineCap(1)
        c.line(half, size * 0.76, half, size * 0.44)
        c.circle(half, size * 0.22, size * 0.08, stroke=0, fill=1)
        return
    c.setFillColor(rtl.color(COLOURS["wait"]))
    c.setStrokeColor(rtl.color(_WAIT_EDGE))
    c.setLineWidth(max(0.3, size * 0.075))
    c.setLineJoin(1)
    left, right = size * 0.125, size * 0.875
    top, bottom, mid = size * 0.94, size * 0.06, size / 2
    p = c.beginPath()
    p.moveTo(left, top)
    p.lineTo(right, top)
    p.lineTo(size / 2, mid)
    p.lineTo(right, bottom)
    p.lineTo(left, bottom)
    p.lineTo(size / 2, mid)
    p.close()
    c.drawPath(p, stroke=1, fill=1)


def place(canv, mark: str, x: float, y: float, size: float) -> None:
    """The badge of ``mark`` with its bottom-left corner at ``x, y``: a PDF form per
    mark and size, defined once per document and placed by reference."""
    if mark not in COLOURS:
        return
    forms = canv.__dict__.setdefault("_cx_marks", {})
    key = (mark, round(size, 2))
    name = forms.get(key)
    if name is None:
        name = f"cxmark{len(forms)}"
        canv.beginForm(name, -1, -1, size + 1, size + 1)
        _draw(canv, mark, size)
        canv.endForm()
        forms[key] = name
    pdftext.place_form(canv, name, x, y)


def icon(mark: str):
    """A paragraph's icon (``flowables.P.icon``) that draws ``mark``'s badge."""
    return lambda canv, x, y, size: place(canv, mark, x, y, size)
