"""The map's flow arrows in the report: thousands on a large map, so their operators
are written straight into the page (``pdfpath``)."""

from __future__ import annotations

import math
from collections.abc import Callable

from ..model import layout as L
from .pdfpath import Path, clear_dash, set_dash


def draw_flow(canv, ra: L.Rect, rb: L.Rect, X: Callable[[float], float],  # noqa: N803
              Y: Callable[[float], float], s: float, rtl: bool, band_bottom: float) -> None:
    """A flow from card ``ra`` to card ``rb`` (canvas units, mapped to the page by ``X``
    and ``Y`` at scale ``s``): an S-curve to a card further along the reading direction,
    a vertical curve to a card above or below, and otherwise (a loop back) a dashed path
    that runs back under the cards, above ``band_bottom``."""
    sign = -1 if rtl else 1
    ahead = (rb.x >= ra.right - 1) if not rtl else (rb.right <= ra.x + 1)
    overlap_x = rb.x < ra.right and rb.right > ra.x
    p = Path()
    dashed = False
    if ahead:
        x1 = ra.x if rtl else ra.right
        x2 = rb.right if rtl else rb.x
        y1, y2 = ra.center[1], rb.center[1]
        reach = max(30.0, abs(x2 - x1) * 0.45)
        c2 = (x2 - sign * reach, y2)
        p.move_to(X(x1), Y(y1))
        p.curve_to(X(x1 + sign * reach), Y(y1), X(c2[0]), Y(c2[1]), X(x2), Y(y2))
    elif overlap_x and (rb.y >= ra.bottom or rb.bottom <= ra.y):
        down = rb.y >= ra.bottom
        x1, x2 = ra.center[0], rb.center[0]
        y1 = ra.bottom if down else ra.y
        y2 = rb.y if down else rb.bottom
        reach = max(20.0, abs(y2 - y1) * 0.45) * (1 if down else -1)
        c2 = (x2, y2 - reach)
        p.move_to(X(x1), Y(y1))
        p.curve_to(X(x1), Y(y1 + reach), X(c2[0]), Y(c2[1]), X(x2), Y(y2))
    else:
        x1, x2 = ra.center[0] - sign * 30, rb.center[0] + sign * 30
        y1, y2 = ra.bottom, rb.bottom
        low = min(max(y1, y2) + 34.0, band_bottom - 12.0)
        r = min(16.0, max(2.0, (low - max(y1, y2)) / 2))
        d = 1 if x2 > x1 else -1
        p.move_to(X(x1), Y(y1))
        p.line_to(X(x1), Y(low - r))
        p.curve_to(X(x1), Y(low), X(x1), Y(low), X(x1 + d * r), Y(low))
        p.line_to(X(x2 - d * r), Y(low))
        p.curve_to(X(x2), Y(low), X(x2), Y(low), X(x2), Y(low - r))
        p.line_to(X(x2), Y(y2))
        c2 = (x2, low)
        set_dash(canv, 4 * s + 0.5, 3 * s + 0.5)
        dashed = True
    p.draw(canv, stroke=True, fill=False)
    if dashed:
        clear_dash(canv)
    # the head, along the last tangent
    tip_x, tip_y = X(x2), Y(y2)
    dx, dy = tip_x - X(c2[0]), tip_y - Y(c2[1])
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    size = 10.0 * s
    head = Path()
    head.move_to(tip_x, tip_y)
    head.line_to(tip_x - ux * size - uy * size * 0.5, tip_y - uy * size + ux * size * 0.5)
    head.line_to(tip_x - ux * size + uy * size * 0.5, tip_y - uy * size - ux * size * 0.5)
    head.close()
    head.draw(canv, stroke=False, fill=True)
