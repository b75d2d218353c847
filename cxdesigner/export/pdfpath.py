"""Path operators written straight into the page, for shapes drawn thousands of times
(the map's flow arrows).

ReportLab's path object formats every coordinate with its own number format, pure
Python without its C accelerator (a tenth of a large report's time went there).  Here
coordinates go through ``pdftext.num`` (three decimals, remembered), and the operators
are the ones ReportLab writes (``n``, ``m``, ``l``, ``c``, ``h``, then ``S``, ``f*`` or
``B*`` as its even-odd default asks), so a path draws as before, to a thousandth of a
point.
"""

from __future__ import annotations

from .pdftext import num

_PAINT = {(True, False): "S", (False, True): "f*", (True, True): "B*", (False, False): "n"}


class Path:
    """A path's operators, built and then drawn on a canvas once."""

    __slots__ = ("ops",)

    def __init__(self) -> None:
        self.ops: list[str] = ["n"]  # as ReportLab starts a path: end any other

    def move_to(self, x: float, y: float) -> None:
        self.ops.append(f"{num(x)} {num(y)} m")

    def line_to(self, x: float, y: float) -> None:
        self.ops.append(f"{num(x)} {num(y)} l")

    def curve_to(self, x1: float, y1: float, x2: float, y2: float, x3: float,
                 y3: float) -> None:
        self.ops.append(f"{num(x1)} {num(y1)} {num(x2)} {num(y2)} {num(x3)} {num(y3)} c")

    def close(self) -> None:
        self.ops.append("h")

    def draw(self, canv, stroke: bool = True, fill: bool = False) -> None:
        """Paint it with the canvas's current colours and line (``drawPath``)."""
        self.ops.append(_PAINT[stroke, fill])
        canv._code.append(" ".join(self.ops))


def set_dash(canv, on: float, off: float) -> None:
    """``canv.setDash(on, off)``, written directly."""
    canv._code.append(f"[{num(on)} {num(off)}] 0 d")


def clear_dash(canv) -> None:
    """``canv.setDash()``: solid lines again."""
    canv._code.append("[] 0 d")
