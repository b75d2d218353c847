"""Platypus flowables that lay text out with ``rtl``: paragraphs, tables that split
across pages (repeating their header), headings that bookmark themselves, and the
table of contents.

Text is described as ``P`` paragraphs of styled spans.  A table's columns are given in
reading order; in a right-to-left report they are placed from the right and the text
is right-aligned, so the first column is the rightmost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain

from reportlab.platypus import Flowable

from . import fonts, pdftext, rtl
from .rtl import Span, Style


@dataclass
class P:
    """A paragraph: styled spans, wrapped to the width it is given."""
    spans: list[Span]
    leading: float | None = None  # default 1.3 x the first span's size
    align: str = "start"  # start, end, center
    indent: float = 0.0  # from the reading start
    before: float = 0.0
    after: float = 0.0
    max_lines: int | None = None
    pill: str | None = None  # fill of a one-line tag drawn behind the text
    bullet: list[Span] | None = None  # hung in ``hang`` before the first line
    hang: float = 0.0
    # A shape hung in ``hang`` before the first line, drawn by ``icon(canv, x, y, size)``
    # in a box of the line's text size (a fail or wait point's badge).
    icon: Callable | None = None


@dataclass(slots=True)
class Line:
    runs: list[Span]  # visual order
    width: float
    leading: float
    size: float
    top: float = 0.0  # space above
    bottom: float = 0.0  # space below
    align: str = "start"
    indent: float = 0.0
    hang: float = 0.0
    pill: str | None = None
    bullet: list[Span] | None = None
    icon: Callable | None = None

    @property
    def height(self) -> float:
        return self.top + self.leading + self.bottom


def lay_out(paragraphs: list[P], width: float, is_rtl: bool) -> list[Line]:
    out: list[Line] = []
    append = out.append
    visual_width = rtl.visual_width
    for p in paragraphs:
        spans = [(t, s) for t, s in p.spans if t]
        size = max((s.size for _, s in p.spans), default=9.0)
        leading = p.leading or size * 1.3
        inner = max(10.0, width - p.indent - p.hang - (8.0 if p.pill else 0.0))
        lines = rtl.wrap(spans, inner, 1 if p.pill else p.max_lines) if spans else [[]]
        last = len(lines) - 1
        for i, logical in enumerate(lines):
            runs, w = visual_width(logical, is_rtl)
            append(Line(runs, w, leading, size, p.before if i == 0 else 0.0,
                        p.after if i == last else 0.0, p.align, p.indent, p.hang, p.pill,
                        rtl.visual(p.bullet, is_rtl) if p.bullet and i == 0 else None,
                        p.icon if i == 0 else None))
    return out


def lines_height(lines: list[Line]) -> float:
    return sum(line.height for line in lines)


def draw_lines(canv, lines: list[Line], x: float, top: float, width: float,
               is_rtl: bool, batch: rtl.TextBatch | None = None) -> None:
    own = batch is None
    if own:
        batch = rtl.TextBatch(canv)
    y = top
    for line in lines:
        y -= line.top
        base = y - (line.leading - line.size) / 2 - 0.78 * line.size
        region_w = width - line.indent - line.hang
        region_x = x if is_rtl else x + line.indent + line.hang
        w = line.width + (8.0 if line.pill else 0.0)
        if line.align == "center":
            left = region_x + (region_w - w) / 2
        elif (line.align == "start") != is_rtl:
            left = region_x
        else:
            left = region_x + region_w - w
        if line.pill:
            _pill(canv, line.pill, left, base - 0.28 * line.size, w, 1.3 * line.size)
            rtl.draw_runs(canv, line.runs, left + 4.0, base, batch)
        else:
            rtl.draw_runs(canv, line.runs, left, base, batch)
        if line.bullet:
            bw = rtl.runs_width(line.bullet)
            bx = x + width - line.indent - bw if is_rtl else x + line.indent
            rtl.draw_runs(canv, line.bullet, bx, base, batch)
        if line.icon:
            size = line.size * 1.15
            ix = x + width - line.indent - size if is_rtl else x + line.indent
            line.icon(canv, ix, base - 0.2 * line.size, size)
        y -= line.leading + line.bottom
    if own:
        batch.close()


def _pill(canv, fill: str, x: float, y: float, w: float, h: float) -> None:
    """A rounded tag behind a word.  The same tags repeat a lot (statuses, emotions),
    so each shape is a PDF form drawn once per document and placed by reference."""
    forms = canv.__dict__.setdefault("_cx_pills", {})
    key = (fill, round(w, 2), round(h, 2))
    name = forms.get(key)
    if name is None:
        name = f"cxpill{len(forms)}"
        canv.beginForm(name, -1, -1, w + 1, h + 1)
        canv.setFillColor(rtl.color(fill))
        canv.roundRect(0, 0, w, h, 0.27 * h, stroke=0, fill=1)
        canv.endForm()
        forms[key] = name
    pdftext.place_form(canv, name, x, y)


# ---------------------------------------------------------------- paragraphs
class Block(Flowable):
    """Paragraphs in a box (optional fill and a bar on the reading-start side), split
    between lines when a page ends."""

    def __init__(self, paragraphs: list[P], is_rtl: bool, fill: str | None = None,
                 bar: str | None = None, pad: float = 0.0, lines: list[Line] | None = None,
                 width: float | None = None) -> None:
        super().__init__()
        self.paragraphs, self.is_rtl = paragraphs, is_rtl
        self.fill, self.bar, self.pad = fill, bar, pad
        self._lines, self._lines_w = lines, width

    def _inner(self, aw: float) -> float:
        return aw - 2 * self.pad - (6.0 if self.bar else 0.0)

    def _lay(self, aw: float) -> list[Line]:
        if self._lines is None or self._lines_w != aw:
            self._lines = lay_out(self.paragraphs, self._inner(aw), self.is_rtl)
            self._lines_w = aw
        return self._lines

    def wrap(self, aw, ah):
        self.width = aw
        self.height = lines_height(self._lay(aw)) + 2 * self.pad
        return aw, self.height

    def split(self, aw, ah):
        lines = self._lay(aw)
        room, used, n = ah - 2 * self.pad, 0.0, 0
        while n < len(lines) and used + lines[n].height <= room:
            used += lines[n].height
            n += 1
        if n == 0 or n == len(lines):
            return []
        rest = lines[n:]
        rest[0] = _without_top(rest[0])
        return [Block([], self.is_rtl, self.fill, self.bar, self.pad, lines[:n], aw),
                Block([], self.is_rtl, self.fill, self.bar, self.pad, rest, aw)]

    def draw(self):
        canv = self.canv
        if self.fill:
            canv.setFillColor(rtl.color(self.fill))
            canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        if self.bar:
            canv.setFillColor(rtl.color(self.bar))
            canv.rect(self.width - 3.0 if self.is_rtl else 0, 0, 3.0, self.height, stroke=0,
                      fill=1)
        x = self.pad + (0 if self.is_rtl or not self.bar else 6.0)
        draw_lines(canv, self._lines, x, self.height - self.pad, self._inner(self.width),
                   self.is_rtl)


def _without_top(line: Line) -> Line:
    if not line.top:
        return line
    return Line(line.runs, line.width, line.leading, line.size, 0.0, line.bottom,
                line.align, line.indent, line.hang, line.pill, line.bullet, line.icon)


# -------------------------------------------------------------------- tables
KEEP_LIMIT = 160.0  # a row marked keep splits anyway when it is taller than this


@dataclass
class Cell:
    paragraphs: list[P]
    fill: str | None = None
    pad: tuple[float, float, float, float] = (3.5, 5.0, 3.5, 5.0)  # top, end, bottom, start


@dataclass
class Row:
    cells: list[Cell]
    widths: list[float]  # fractions of the table's width, in reading order
    fill: str | None = None
    rule: str | None = None  # colour of a line under the row
    rule_width: float = 0.5
    keep: bool = False  # never split this row
    _lay: tuple | None = field(default=None, repr=False)

    def lay(self, aw: float, is_rtl: bool):
        if self._lay is None or self._lay[0] != aw:
            cells = []
            for cell, frac in zip(self.cells, self.widths):
                w = aw * frac
                t, e, b, s = cell.pad
                cells.append(lay_out(cell.paragraphs, max(10.0, w - e - s), is_rtl))
            height = max((lines_height(c) + cell.pad[0] + cell.pad[2]
                          for c, cell in zip(cells, self.cells)), default=0.0)
            self._lay = (aw, cells, height)
        return self._lay

    def height(self, aw: float, is_rtl: bool) -> float:
        return self.lay(aw, is_rtl)[2]

    def split(self, aw: float, is_rtl: bool, room: float) -> tuple["Row", "Row"] | None:
        _, cells, height = self.lay(aw, is_rtl)
        if self.keep and height < KEEP_LIMIT:
            return None
        first, rest, took = [], [], False
        for lines, cell in zip(cells, self.cells):
            avail, used, n = room - cell.pad[0] - cell.pad[2], 0.0, 0
            while n < len(lines) and used + lines[n].height <= avail:
                used += lines[n].height
                n += 1
            took = took or n > 0
            first.append(lines[:n])
            tail = lines[n:]
            if tail:
                tail = [_without_top(tail[0])] + tail[1:]
            rest.append(tail)
        if not took or not any(rest):
            return None
        return (self._from_lines(first, aw, is_rtl, rule=False),
                self._from_lines(rest, aw, is_rtl, rule=True))

    def _from_lines(self, cells: list[list[Line]], aw: float, is_rtl: bool,
                    rule: bool) -> "Row":
        row = Row(self.cells, self.widths, self.fill, self.rule if rule else None,
                  self.rule_width)
        height = max((lines_height(c) + cell.pad[0] + cell.pad[2]
                       for c, cell in zip(cells, self.cells)), default=0.0)
        row._lay = (aw, cells, height)
        return row

    def draw(self, canv, x: float, top: float, aw: float, is_rtl: bool,
             batch: rtl.TextBatch | None = None) -> None:
        # Fills and rules are written as the operators ReportLab's ``setFillColor``,
        # ``rect``, ``setStrokeColor``, ``setLineWidth`` and ``line`` write: thousands
        # of rows, and the operators are all the state there is (nothing reads it back).
        _, cells, height = self.lay(aw, is_rtl)
        code, fp = canv._code, pdftext.fp
        if self.fill:
            code.append(pdftext.colour_op(self.fill, "rg"))
            code.append(f"n {fp(x)} {fp(top - height)} {fp(aw)} {fp(height)} re f*")
        start = 0.0
        for lines, cell, frac in zip(cells, self.cells, self.widths):
            w = aw * frac
            cx = x + aw - start - w if is_rtl else x + start
            start += w
            if cell.fill:
                code.append(pdftext.colour_op(cell.fill, "rg"))
                code.append(f"n {fp(cx)} {fp(top - height)} {fp(w)} {fp(height)} re f*")
            t, e, b, s = cell.pad
            left = cx + (e if is_rtl else s)
            draw_lines(canv, lines, left, top - t, w - e - s, is_rtl, batch)
        if self.rule:
            code.append(pdftext.colour_op(self.rule, "RG"))
            code.append(f"{fp(self.rule_width)} w")
            code.append(f"n {fp(x)} {fp(top - height)} m {fp(x + aw)} {fp(top - height)} l S")


class Table(Flowable):
    """Rows that flow over pages; ``header`` rows repeat at the top of each part."""

    def __init__(self, rows: list[Row], is_rtl: bool, header: list[Row] | None = None,
                 space_after: float = 8.0) -> None:
        super().__init__()
        self.rows, self.is_rtl, self.header = rows, is_rtl, header or []
        self.space_after = space_after

    def wrap(self, aw, ah):
        # Rows are measured only until they overflow the room: a table taller than the
        # room is split anyway, and the rest wrapped again on the next page.  Summing
        # every row each time made a table of thousands of rows quadratic.
        self.width = aw
        total, is_rtl, limit = 0.0, self.is_rtl, ah + 1.0
        for row in chain(self.header, self.rows):
            total += row.height(aw, is_rtl)
            if total > limit:
                break
        self.height = total
        return aw, total

    def split(self, aw, ah):
        head = sum(r.height(aw, self.is_rtl) for r in self.header)
        used, n = head, 0
        rows = self.rows
        while n < len(rows):
            h = rows[n].height(aw, self.is_rtl)
            if used + h > ah:
                break
            used += h
            n += 1
        if n == len(rows):
            return []
        parts = rows[n].split(aw, self.is_rtl, ah - used)
        if parts is not None:
            first = rows[:n] + [parts[0]]
            rest = [parts[1]] + rows[n + 1:]
        elif n == 0:
            return []
        else:
            first, rest = rows[:n], rows[n:]
        return [Table(first, self.is_rtl, self.header, 0.0),
                Table(rest, self.is_rtl, self.header, self.space_after)]

    def getSpaceAfter(self):
        return self.space_after

    def draw(self):
        top = self.height
        batch = rtl.TextBatch(self.canv)  # one text object for the whole table
        for row in self.header + self.rows:
            row.draw(self.canv, 0.0, top, self.width, self.is_rtl, batch)
            top -= row.height(self.width, self.is_rtl)
        batch.close()


# ------------------------------------------------------------------ headings
class Heading(Flowable):
    """A heading that bookmarks its place, enters the PDF outline and tells the report
    on which page it landed (for the contents)."""

    def __init__(self, key: str, title: str, style: Style, is_rtl: bool, level: int,
                 register, rule: str | None = None, space_before: float = 0.0,
                 space_after: float = 6.0, outline_title: str | None = None) -> None:
        super().__init__()
        self.key, self.title, self.style, self.is_rtl = key, title, style, is_rtl
        self.level, self.register, self.rule = level, register, rule
        self.space_before, self.space_after = space_before, space_after
        self.outline_title = fonts.one_line(outline_title or title)[:200]
        self._lines = None

    def wrap(self, aw, ah):
        self.width = aw
        self._lines = lay_out([P([(self.title, self.style)], max_lines=3)], aw, self.is_rtl)
        self.height = lines_height(self._lines) + (5.0 if self.rule else 0.0)
        return aw, self.height

    def getSpaceBefore(self):
        return self.space_before

    def getSpaceAfter(self):
        return self.space_after

    def draw(self):
        canv = self.canv
        canv.bookmarkHorizontal(self.key, 0, self.height + 4)
        canv.addOutlineEntry(self.outline_title, self.key, self.level, closed=self.level > 0)
        self.register(self.key, canv.getPageNumber())
        draw_lines(canv, self._lines, 0, self.height, self.width, self.is_rtl)
        if self.rule:
            canv.setStrokeColor(rtl.color(self.rule))
            canv.setLineWidth(1.6)
            canv.line(0, 1.0, self.width, 1.0)


class Contents(Flowable):
    """The table of contents.  Page numbers are drawn into forms that the report fills
    in when the last page is done (``contents_form``)."""

    def __init__(self, entries: list[tuple[str, str, int]], styles: tuple[Style, Style],
                 leader: str, is_rtl: bool, page_refs: list[str]) -> None:
        super().__init__()
        self.entries, self.styles, self.leader, self.is_rtl = entries, styles, leader, is_rtl
        page_refs.extend(key for key, _, _ in entries)  # the report fills these in

    def _row_h(self, level: int) -> float:
        return 24.0 if level == 0 else 17.0

    def wrap(self, aw, ah):
        self.width = aw
        self.height = sum(self._row_h(level) for _, _, level in self.entries)
        return aw, self.height

    def draw(self):
        canv = self.canv
        y = self.height
        num_w = 34.0
        for key, title, level in self.entries:
            h = self._row_h(level)
            y -= h
            style = self.styles[0 if level == 0 else 1]
            indent = 0.0 if level == 0 else 18.0
            base = y + 7.0
            avail = self.width - indent - num_w - 12.0
            runs = rtl.visual(rtl.fit([(title, style)], avail), self.is_rtl)
            tw = rtl.runs_width(runs)
            if self.is_rtl:
                tx = self.width - indent - tw
                dots_from, dots_to = num_w + 6.0, tx - 6.0
                num_x = 0.0
            else:
                tx = indent
                dots_from, dots_to = tx + tw + 6.0, self.width - num_w - 6.0
                num_x = self.width
            rtl.draw_runs(canv, runs, tx, base)
            if dots_to > dots_from:
                canv.setStrokeColor(rtl.color(self.leader))
                canv.setLineWidth(0.8)
                canv.setDash(0.8, 3.2)
                canv.line(dots_from, base + 1.0, dots_to, base + 1.0)
                canv.setDash()
            canv.saveState()
            canv.translate(num_x, base)
            canv.doForm(contents_form(key))
            canv.restoreState()
            canv.linkRect("", key, (0, y, self.width, y + h), relative=1, thickness=0)


def contents_form(key: str) -> str:
    return "cxtoc" + "".join(c if c.isalnum() else "_" for c in key)


class Bookmark(Flowable):
    """An invisible outline entry at the current place."""

    def __init__(self, key: str, title: str, level: int, register=None) -> None:
        super().__init__()
        self.key, self.title, self.level = key, fonts.one_line(title)[:200], level
        self.register = register

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        self.canv.bookmarkHorizontal(self.key, 0, 14)
        self.canv.addOutlineEntry(self.title, self.key, self.level, closed=True)
        if self.register is not None:
            self.register(self.key, self.canv.getPageNumber())
