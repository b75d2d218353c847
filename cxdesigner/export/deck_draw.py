"""The deck's drawing kit: slides, text boxes, real tables and shapes with python-pptx,
laid out in points, mirrored for a right-to-left map.

Every run names the bundled DejaVu Sans for its Latin, complex-script (Hebrew) and East
Asian text, so a deck looks as the report does wherever the font is installed.  In a
Hebrew deck every paragraph is marked right to left (``a:pPr rtl="1" algn="r"``) and
every table too (``a:tblPr rtl="1"``: its first column is the rightmost).  Text never
shrinks to fit: what would overflow is measured first with the font's own metrics
(ReportLab's, the report's) and continued on the next slide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from . import fonts
from .context import FAINT, INK, MUTED, RULE, WHITE, Ctx, mix

FONT = "DejaVu Sans"  # the family of resources/fonts/DejaVuSans*.ttf
SLIDE_W, SLIDE_H = 960.0, 540.0  # points: 13.333 x 7.5 inches, 16:9
MARGIN = 36.0
TITLE_Y, TITLE_H = 22.0, 40.0
BODY_Y = 78.0  # under the title and its rule
FOOT_Y = SLIDE_H - 26.0
BODY_BOTTOM = FOOT_Y - 8.0
LEADING = 1.2  # a line is this many times the font size, in PowerPoint and Impress
CELL_PAD_X, CELL_PAD_Y = 5.0, 3.0
HEAD_SIZE = 9.0
# XML 1.0 cannot hold these: a pasted control character must not make the deck unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def pt(value: float) -> Emu:
    return Emu(round(value * 12700))


def rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


@dataclass
class Run:
    text: str
    size: float = 12.0
    bold: bool = False
    colour: str = INK


@dataclass
class Para:
    runs: list[Run]
    align: str = "start"  # start, end, center: of the reading direction
    after: float = 2.0  # points of space after
    bullet: str | None = None  # a bullet character, hung at the reading start


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# ------------------------------------------------------------------ measuring
def wrapped_lines(text: str, size: float, bold: bool, width: float) -> int:
    """How many lines ``text`` takes in a box ``width`` points wide (greedy wrap at
    spaces, long words broken), measured with DejaVu Sans's own widths."""
    font = fonts.BOLD if bold else fonts.REGULAR
    total = 0
    space = fonts.width(" ", font, size)
    for line in (text or "").split("\n"):
        count, used = 1, 0.0
        for word in line.split(" "):
            w = fonts.width(word, font, size) if word else 0.0
            if used and used + space + w > width:
                count += 1
                used = 0.0
            elif used:
                used += space
            while w > width and width > 0:  # a word longer than the line
                count += 1
                w -= width
            used += w
        total += count
    return total


def para_height(p: Para, width: float) -> float:
    """The paragraph's height: its runs wrapped together, each word measured in its
    own run's face and size, each line as tall as its largest run."""
    size = max((r.size for r in p.runs), default=12.0)
    inner = width - (size * 1.1 if p.bullet else 0.0)
    lines, used = 1, 0.0
    for r in p.runs:
        font = fonts.BOLD if r.bold else fonts.REGULAR
        space = fonts.width(" ", font, r.size)
        for k, line in enumerate(r.text.split("\n")):
            if k:
                lines, used = lines + 1, 0.0
            for i, word in enumerate(line.split(" ")):
                w = (space if i else 0.0) + (fonts.width(word, font, r.size) if word else 0.0)
                if used and used + w > inner:
                    lines += 1
                    used = max(0.0, w - space)
                else:
                    used += w
                while used > inner > 0:  # a word longer than the line
                    lines += 1
                    used -= inner
    return lines * size * LEADING + p.after


def paras_height(paras: list[Para], width: float) -> float:
    return sum(para_height(p, width) for p in paras)


# ------------------------------------------------------------------ the deck
class DeckCanvas:
    """One presentation being drawn: slides in points, mirrored when ``ctx.rtl``."""

    def __init__(self, ctx: Ctx, accent: str, footer: str) -> None:
        fonts.register()  # the metrics that measure text
        self.ctx, self.accent, self.footer = ctx, accent, footer
        self.rtl = ctx.rtl
        self.lang = "he-IL" if ctx.labels.lang == "he" else "en-US"
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = pt(SLIDE_W), pt(SLIDE_H)
        self.blank = self.prs.slide_layouts[6]
        self.tint = mix(accent, WHITE, 0.86)
        self.tint_strong = mix(accent, WHITE, 0.7)
        self.dark = mix(accent, "#000000", 0.25)

    @property
    def count(self) -> int:
        return len(self.prs.slides)

    def x(self, x: float, w: float) -> float:
        """A box's left edge: ``x`` is measured from the reading start."""
        return SLIDE_W - x - w if self.rtl else x

    # slides
    def slide(self, title: str | None = None, footer: bool = True):
        slide = self.prs.slides.add_slide(self.blank)
        if title:
            self.text(slide, MARGIN, TITLE_Y, SLIDE_W - 2 * MARGIN, TITLE_H,
                      [Para([Run(title, 24.0, True, self.accent)], after=0)],
                      anchor="bottom", max_lines=1)
            self.rect(slide, MARGIN, TITLE_Y + TITLE_H + 4, SLIDE_W - 2 * MARGIN, 2.0,
                      self.accent)
        if footer:
            self.rect(slide, MARGIN, FOOT_Y - 2, SLIDE_W - 2 * MARGIN, 0.6, RULE)
            number = str(self.count)
            self.text(slide, SLIDE_W - MARGIN - 60, FOOT_Y, 60, 18,
                      [Para([Run(number, 9.0, False, MUTED)], align="end", after=0)])
            self.text(slide, MARGIN, FOOT_Y, SLIDE_W - 2 * MARGIN - 80, 18,
                      [Para([Run(self.footer, 9.0, False, MUTED)], after=0)], max_lines=1)
        return slide

    # shapes
    def rect(self, slide, x: float, y: float, w: float, h: float, fill: str,
             line: str | None = None, rounded: bool = False, dashed: bool = False):
        kind = MSO_SHAPE.ROUNDED_RECTANGLE if rounded else MSO_SHAPE.RECTANGLE
        shape = slide.shapes.add_shape(kind, pt(self.x(x, w)), pt(y), pt(w), pt(h))
        _plain(shape)
        if fill:
            shape.fill.solid()
            shape.fill.fore_color.rgb = rgb(fill)
        else:
            shape.fill.background()
        if line:
            shape.line.color.rgb = rgb(line)
            shape.line.width = Pt(1.0)
            if dashed:
                from pptx.enum.dml import MSO_LINE

                shape.line.dash_style = MSO_LINE.DASH
        else:
            shape.line.fill.background()
        if rounded:
            shape.adjustments[0] = 0.08
        return shape

    def disc(self, slide, cx: float, cy: float, r: float, fill: str, label: str = "",
             size: float = 8.0, colour: str = WHITE):
        """A dot centred at ``(cx, cy)`` (absolute: the caller mirrors), maybe numbered."""
        shape = slide.shapes.add_shape(MSO_SHAPE.OVAL, pt(cx - r), pt(cy - r), pt(2 * r),
                                       pt(2 * r))
        _plain(shape)
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(fill)
        shape.line.color.rgb = rgb(WHITE)
        shape.line.width = Pt(0.75)
        if label:
            frame = shape.text_frame
            self._frame(frame, 0.0, 0.0, "middle")
            frame.word_wrap = False
            self._fill(frame, [Para([Run(label, size, True, colour)], align="center",
                                    after=0)])
        return shape

    def text(self, slide, x: float, y: float, w: float, h: float, paras: list[Para],
             anchor: str = "top", max_lines: int | None = None, fill: str | None = None,
             pad: float = 0.0):
        """A text box at ``x`` from the reading start."""
        box = slide.shapes.add_textbox(pt(self.x(x, w)), pt(y), pt(w), pt(h))
        if fill:
            box.fill.solid()
            box.fill.fore_color.rgb = rgb(fill)
        frame = box.text_frame
        self._frame(frame, pad, pad, anchor)
        if max_lines == 1:
            paras = [self._one_line(p, w - 2 * pad) for p in paras]
        self._fill(frame, paras)
        return box

    def _one_line(self, p: Para, width: float) -> Para:
        """A title that must stay on one line, shortened with an ellipsis."""
        text = "".join(r.text for r in p.runs)
        size = max(r.size for r in p.runs)
        bold = any(r.bold for r in p.runs)
        if wrapped_lines(text, size, bold, width) <= 1:
            return p
        font = fonts.BOLD if bold else fonts.REGULAR
        keep = len(text)
        while keep > 1 and fonts.width(text[:keep] + "\u2026", font, size) > width:
            keep -= max(1, keep // 12)
        first = p.runs[0]
        return Para([Run(text[:keep].rstrip() + "\u2026", size, bold, first.colour)],
                     p.align, p.after, p.bullet)

    def _frame(self, frame, pad_x: float, pad_y: float, anchor: str) -> None:
        frame.word_wrap = True
        frame.auto_size = None
        frame.margin_left = frame.margin_right = pt(pad_x)
        frame.margin_top = frame.margin_bottom = pt(pad_y)
        frame.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE,
                                 "bottom": MSO_ANCHOR.BOTTOM}[anchor]

    def _fill(self, frame, paras: list[Para]) -> None:
        body = frame._txBody
        for old in body.findall(qn("a:p")):
            body.remove(old)
        body.extend(etree.fromstring(f"<x {_NS}>{self._paras_xml(paras)}</x>"))

    # The XML of paragraphs is written directly: python-pptx's object per run and
    # property made a 1,000-action plan take twenty seconds, nearly all of it here.
    def _paras_xml(self, paras: list[Para]) -> str:
        return "".join(self._para_xml(p) for p in (paras or [Para([Run("")], after=0)]))

    def _para_xml(self, p: Para) -> str:
        align = p.align
        if self.rtl and align != "center":
            align = {"start": "end", "end": "start"}[align]
        attrs = f' algn="{ {"start": "l", "end": "r", "center": "ctr"}[align]}"'
        if self.rtl:
            attrs += ' rtl="1"'
        bullet = ""
        if p.bullet:
            size = max((r.size for r in p.runs), default=12.0)
            hang = int(pt(size * 1.1))
            attrs += f' marL="{hang}" indent="{-hang}"'
            bullet = (f'<a:buFont typeface="{FONT}"/>'
                      f'<a:buChar char="{_escape(p.bullet)}"/>')
        out = [f'<a:p><a:pPr{attrs}><a:spcAft><a:spcPts val="{round(p.after * 100)}"/>'
               f'</a:spcAft>{bullet}</a:pPr>']
        for r in p.runs:
            rpr = (f'<a:rPr lang="{self.lang}" sz="{round(r.size * 100)}" '
                   f'b="{1 if r.bold else 0}"><a:solidFill><a:srgbClr '
                   f'val="{r.colour.lstrip("#").upper()}"/></a:solidFill>'
                   f'<a:latin typeface="{FONT}"/><a:ea typeface="{FONT}"/>'
                   f'<a:cs typeface="{FONT}"/></a:rPr>')
            for k, line in enumerate(xml_safe(r.text).split("\n")):
                if k:
                    out.append(f"<a:br>{rpr}</a:br>")
                out.append(f"<a:r>{rpr}<a:t>{_escape(line)}</a:t></a:r>")
        out.append("</a:p>")
        return "".join(out)

    # tables
    def table(self, slide, x: float, y: float, w: float, widths: list[float],
              head: list[str], rows: list[list[list[Para]]],
              fills: list[str | None] | None = None, head_fill: str | None = None):
        """A real, editable table: ``rows`` of cells, each a list of paragraphs.
        ``widths`` are fractions of ``w``, in reading order (the table itself is
        marked right to left in a Hebrew deck, so its first column is the rightmost)."""
        heights = [self.head_height(head, widths, w)]
        heights += [self.row_height(cells, widths, w) for cells in rows]
        shape = slide.shapes.add_table(1, len(widths), pt(self.x(x, w)), pt(y), pt(w),
                                       pt(sum(heights)))
        table = shape.table
        tbl = table._tbl
        tbl_pr = tbl.tblPr
        if self.rtl:
            tbl_pr.set("rtl", "1")
        tbl_pr.set("bandRow", "0")
        for i, frac in enumerate(widths):
            table.columns[i].width = pt(w * frac)
        head_fill = head_fill or self.accent
        xml = [self._row_xml([[Para([Run(t, HEAD_SIZE, True, WHITE)], after=0)]
                              for t in head], heights[0], head_fill)]
        for r, cells in enumerate(rows, 1):
            fill = (fills[r - 1] if fills else None) or (WHITE if r % 2 else "#f6f7f9")
            xml.append(self._row_xml(cells, heights[r], fill))
        for old in tbl.findall(qn("a:tr")):
            tbl.remove(old)
        tbl.extend(etree.fromstring(f"<x {_NS}>{''.join(xml)}</x>"))
        return shape

    def _row_xml(self, cells: list[list[Para]], height: float, fill: str) -> str:
        pad_x, pad_y = int(pt(CELL_PAD_X)), int(pt(CELL_PAD_Y))
        tc_pr = (f'<a:tcPr marL="{pad_x}" marR="{pad_x}" marT="{pad_y}" marB="{pad_y}" '
                 f'anchor="t"><a:solidFill><a:srgbClr val="{fill.lstrip("#").upper()}"/>'
                 f'</a:solidFill></a:tcPr>')
        return (f'<a:tr h="{int(pt(height))}">'
                + "".join(f'<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>'
                          f'{self._paras_xml(paras)}</a:txBody>{tc_pr}</a:tc>'
                          for paras in cells)
                + "</a:tr>")

    def head_height(self, head: list[str], widths: list[float], w: float) -> float:
        return self.row_height([[Para([Run(t, HEAD_SIZE, True)], after=0)] for t in head],
                               widths, w)

    def row_height(self, cells: list[list[Para]], widths: list[float], w: float) -> float:
        tallest = max((paras_height(paras, w * frac - 2 * CELL_PAD_X)
                       for paras, frac in zip(cells, widths)), default=0.0)
        return max(tallest, 12.0) + 2 * CELL_PAD_Y + 2.0

    def picture(self, slide, data, x: float, y: float, w: float, h: float):
        """A picture (file-like) at ``x`` from the reading start."""
        return slide.shapes.add_picture(data, pt(self.x(x, w)), pt(y), pt(w), pt(h))


_NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;")


def _plain(shape) -> None:
    """No theme style on a shape: its shadow and outline would come from the theme
    (Impress draws the shadow even when the shape's own effects say none)."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)


def split_rows(heights: list[float], room: float, first_room: float | None = None
               ) -> list[tuple[int, int]]:
    """Row ranges ``(start, end)`` that fit ``room`` points a slide (``first_room`` on
    the first); a row taller than a slide gets one to itself."""
    out, start, used = [], 0, 0.0
    limit = first_room if first_room is not None else room
    for i, h in enumerate(heights):
        if used and used + h > limit:
            out.append((start, i))
            start, used, limit = i, 0.0, room
        used += h
    if start < len(heights) or not out:
        out.append((start, len(heights)))
    return out


__all__ = ["DeckCanvas", "Para", "Run", "split_rows", "wrapped_lines", "FAINT", "MUTED",
           "INK", "WHITE", "MARGIN", "SLIDE_W", "SLIDE_H", "BODY_Y", "BODY_BOTTOM"]
