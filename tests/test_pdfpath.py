"""The report's direct path operators (export/pdfpath.py) draw what ReportLab's own
path object draws, to a thousandth of a point."""

from __future__ import annotations

import io
import re

import pytest
from reportlab.pdfgen.canvas import Canvas

from cxdesigner.export.pdfpath import Path, clear_dash, set_dash

NUMBER = re.compile(r"-?\d*\.?\d+")


def numbers_and_ops(code: str) -> tuple[list[float], list[str]]:
    tokens = code.split()
    return ([float(t) for t in tokens if NUMBER.fullmatch(t)],
            [t for t in tokens if not NUMBER.fullmatch(t)])


def reportlab_code(draw) -> str:
    canv = Canvas(io.BytesIO())
    start = len(canv._code)
    draw(canv)
    return " ".join(canv._code[start:])


@pytest.mark.parametrize("stroke,fill", [(1, 0), (0, 1), (1, 1)])
def test_a_path_writes_the_operators_reportlab_writes(stroke, fill):
    points = [(10.123456, -3.5), (0.0004, 1e-9), (123.45678, 9.87654321)]

    def theirs(canv):
        p = canv.beginPath()
        p.moveTo(*points[0])
        p.curveTo(*points[1], *points[2], *points[0])
        p.lineTo(*points[2])
        p.close()
        canv.drawPath(p, stroke=stroke, fill=fill)

    def ours(canv):
        p = Path()
        p.move_to(*points[0])
        p.curve_to(*points[1], *points[2], *points[0])
        p.line_to(*points[2])
        p.close()
        p.draw(canv, stroke=bool(stroke), fill=bool(fill))

    (expected, expected_ops), (got, got_ops) = (numbers_and_ops(reportlab_code(theirs)),
                                                numbers_and_ops(reportlab_code(ours)))
    assert got_ops == expected_ops
    assert got == pytest.approx(expected, abs=1e-3)


def test_a_dash_and_its_end_write_what_set_dash_writes():
    def theirs(canv):
        canv.setDash(4.25, 3.5)
        canv.setDash()

    def ours(canv):
        set_dash(canv, 4.25, 3.5)
        clear_dash(canv)

    assert reportlab_code(ours) == reportlab_code(theirs)
