"""The "Service blueprint" section: for each stage, a table whose columns are its
touchpoints in journey order and whose rows are the map's shown lanes that hold text
(the blueprint's lanes and text lanes), top down as on the map.

A cell gives the touchpoint's text in that lane; a fail or wait point is shown with
the map's symbol for it and named in words, on a tint of its colour.  The blueprint's
lines run between the rows they part, named, where the map draws them.  A stage with
more touchpoints than fit across a landscape page is cut into several tables of at
most ``COLUMNS`` touchpoints, each repeating the lane names.  In a Hebrew map the
columns run from the right (``Table`` places them so) and the text is right to left.

A map with no shown text lane has no such section (``has_blueprint``): the report
leaves it out, from the contents too.
"""

from __future__ import annotations

from reportlab.platypus import Spacer

from ..model import layout as L
from ..model import schema as S
from . import marks
from .context import INK, MUTED, WHITE, Ctx, mix, shorten
from .flowables import Cell, P, Row, Table
from .lanedraw import cell_lanes, lane_name
from .marks import COLOURS as MARK_COLOURS
from .rtl import Style
from .sections import header_row, section_heading, sub_heading, text

COLUMNS = 5  # touchpoints across one table on a landscape page
LANE_COLUMN = 0.16  # of the table's width: the lanes' names
CELL_CHARS = 1500  # a cell's text beyond this is cut with an ellipsis


def has_blueprint(journey) -> bool:
    return bool(cell_lanes(journey))


def mark_line(ctx: Ctx, mark: str, size: float = 7.6, after: float = 2.0) -> P:
    """A fail or wait point: its badge (as on the map) and its name, in its colour."""
    return P([(ctx.labels.cell_mark(mark), Style(ctx.theme.body_bold.font, size,
                                                 marks.INK[mark]))],
             hang=size * 1.6, icon=marks.icon(mark), after=after)


def blueprint(ctx: Ctx) -> list:
    j, lab, th = ctx.journey, ctx.labels, ctx.theme
    lanes = cell_lanes(j)
    if not lanes:  # asked for alone, with no lane of text: say how to have one
        return [section_heading(ctx, "blueprint"), text(ctx, lab("no_blueprint"), th.body)]
    out: list = [section_heading(ctx, "blueprint"),
                 text(ctx, lab("blueprint_intro"), th.small, after=3.0)]
    key = Row([Cell([mark_line(ctx, mark, after=0.0)], pad=(1.0, 0.0, 6.0, 0.0))
               for mark in S.CELL_MARKS] + [Cell([])], [0.12, 0.12, 0.76])
    out.append(Table([key], ctx.rtl, space_after=4.0))
    names = {lane: lane_name(ctx, lane) for lane in lanes}
    lines = _lines_above(j, lanes)
    for i, stage in enumerate(j.stages(), 1):
        title = ctx.title(stage)
        label = lab("stage_n", n=i)
        out += sub_heading(ctx, f"blueprint-stage-{i}",
                           f"{label} \u00b7 {title}" if title else label,
                           before=4.0 if i > 1 else 0.0, room=160.0)
        tps = sorted(j.touchpoints_in(stage), key=ctx.numbers.get)
        if not tps:
            out.append(text(ctx, lab("no_touchpoints"), th.small))
            continue
        across = min(COLUMNS, len(tps))
        for start in range(0, len(tps), across):
            if start:
                out.append(Spacer(1, 4))
            out.append(_table(ctx, tps[start:start + across], across, lanes, names, lines))
    return out


def _lines_above(journey, lanes: list[str]) -> dict[str, list[str]]:
    """The blueprint lines to print above each lane's row: those the map draws in the
    gap above that lane (``layout.blueprint_lines``)."""
    layout = L.compute(journey)
    tops = {layout.lanes[lane].y - L.LANE_SPACING / 2: lane for lane in lanes}
    above: dict[str, list[str]] = {}
    for name, y in L.blueprint_lines(journey, layout):
        lane = tops.get(y)
        if lane is not None:
            above.setdefault(lane, []).append(name)
    return above


def _table(ctx: Ctx, tps: list[str], across: int, lanes: list[str],
           names: dict[str, str], lines: dict[str, list[str]]) -> Table:
    j, lab, th = ctx.journey, ctx.labels, ctx.theme
    column = (1.0 - LANE_COLUMN) / across
    widths = [LANE_COLUMN] + [column] * len(tps)
    head = header_row(ctx, [lab("lane_column")]
                      + [f"{ctx.numbers[tp]}  {ctx.title(tp)}" for tp in tps], widths)
    rows = []
    nodes = j.graph.nodes
    small = Style(th.small.font, 8.0, INK)
    for lane in lanes:
        for line in lines.get(lane, ()):
            rows.append(_line_row(ctx, line))
        cells = [Cell([P([(names[lane], Style(th.small_bold.font, 7.8, MUTED))])])]
        for tp in tps:
            attrs = nodes[tp]
            paragraphs = []
            mark = attrs["marks"].get(lane)
            if mark in MARK_COLOURS:
                paragraphs.append(mark_line(ctx, mark))
            value = ctx.t(attrs["cells"].get(lane, ""))
            if value:
                paragraphs.append(P([(shorten(value, CELL_CHARS), small)]))
            fill = mix(MARK_COLOURS[mark], WHITE, 0.9) if mark in MARK_COLOURS else None
            cells.append(Cell(paragraphs, fill=fill))
        rows.append(Row(cells, widths, rule="#e3e7eb"))
    return Table(rows, ctx.rtl, [head], space_after=6.0)


def _line_row(ctx: Ctx, line: str) -> Row:
    """A blueprint line between two rows: its name between dashes, in the accent."""
    style = Style(ctx.theme.small_bold.font, 7.0, ctx.theme.dark)
    dash = "\u2013 \u2013 \u2013"
    return Row([Cell([P([(f"{dash}  {ctx.labels.blueprint_line(line)}  {dash}", style)],
                        align="center")], pad=(1.5, 4.0, 1.5, 4.0))], [1.0],
               fill=ctx.theme.tint, keep=True)
