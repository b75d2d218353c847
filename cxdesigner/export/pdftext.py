"""Text operators written straight into the page, for the report's many short runs.

ReportLab's text object re-encodes every run character by character (``splitString``
assigns each character a code in a font subset), escapes it byte by byte and formats
the font size again on every font change: for a report of a few hundred pages that was
a third of the time.  Here each font remembers, per document, the escaped code of every
character already placed in its first subset; a run made only of those characters
(nearly all of them, after the first page) is encoded by one ``str.translate``.  A run
with a character never seen before, or one in a later subset (past 256 distinct
characters), goes through ReportLab's own ``splitString`` once, which assigns the codes
exactly as it always does, and the table learns them.  The operators are the ones
ReportLab writes (``/F1+0 9 Tf 10.8 TL (..) Tj``), so the pages are unchanged.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics

from . import fonts


class _FontCodes:
    """One TrueType font's codes in one document."""

    __slots__ = ("doc", "font", "known", "selects", "table")

    def __init__(self, font_name: str, doc) -> None:
        self.font = pdfmetrics.getFont(font_name)
        self.doc = doc
        self.table: dict[int, str] = {}  # code point -> its escaped byte in subset 0
        self.known: set[str] = set()  # characters in ``table``
        self.selects: dict[tuple[int, float], str] = {}  # (subset, size) -> Tf operator

    def select(self, subset: int, size: float) -> str:
        """The operator choosing this font's subset at ``size`` (the leading is
        ReportLab's default, 1.2 x the size, as ``setFont`` would write)."""
        op = self.selects.get((subset, size))
        if op is None:
            name = self.font.getSubsetInternalName(subset, self.doc)  # registers it too
            op = f"{name} {fp_str(size)} Tf {fp_str(size * 1.2)} TL"
            self.selects[(subset, size)] = op
        return op

    def split(self, text: str) -> list[tuple[int, str]]:
        """``(subset, escaped codes)`` pieces of ``text``; learns the codes of its
        characters that landed in subset 0."""
        pieces = self.font.splitString(text, self.doc)
        assignments = self.font.state[self.doc].assignments
        for ch in set(text):
            if ch in self.known:
                continue
            code = ord(ch)
            if code == 0xA0:
                code = 32  # ReportLab draws a no-break space as a space
            n = assignments.get(code, 0)  # 0: the font lacks it (drawn as .notdef)
            if n >> 8 == 0:
                self.table[ord(ch)] = escapePDF(bytes((n,)))
                self.known.add(ch)
        return [(subset, escapePDF(t)) for subset, t in pieces]


def _codes(canv, font_name: str) -> _FontCodes:
    found = canv.__dict__.setdefault("_cx_codes", {})
    codes = found.get(font_name)
    if codes is None:
        codes = found[font_name] = _FontCodes(font_name, canv._doc)
    return codes


_fill_ops: dict[str, str] = {}


def fill_op(hex_colour: str) -> str:
    """The ``rg`` operator of ``#rrggbb`` (at most 4 decimals per component)."""
    op = _fill_ops.get(hex_colour)
    if op is None:
        op = " ".join(num(round(int(hex_colour[i:i + 2], 16) / 255, 4)) for i in (1, 3, 5))
        op = _fill_ops[hex_colour] = op + " rg"
    return op


_nums: dict[float, str] = {}


def num(value: float) -> str:
    """A coordinate for a PDF operator: at most 3 decimals, no trailing zeros.
    Remembered: the same columns and baselines come back on every page."""
    text = _nums.get(value)
    if text is None:
        text = f"{value:.3f}".rstrip("0").rstrip(".")
        if not text or text == "-0":
            text = "0"
        if len(_nums) > 50_000:
            _nums.clear()
        _nums[value] = text
    return text


_width_table = fonts.width_table
_fps: dict[float, str] = {}


def fp(value: float) -> str:
    """``fp_str(value)``, ReportLab's number format, remembered: shapes are placed at
    the same columns page after page (and ReportLab's own is pure Python without its
    C accelerator)."""
    text = _fps.get(value)
    if text is None:
        if len(_fps) > 50_000:
            _fps.clear()
        text = _fps[value] = fp_str(value)
    return text


_shape_ops: dict[tuple[str, str], str] = {}


def colour_op(hex_colour: str, op: str) -> str:
    """``#rrggbb`` as ReportLab writes it for ``setFillColor`` (``rg``) or
    ``setStrokeColor`` (``RG``) given the RGB triple of ``rtl.color``."""
    found = _shape_ops.get((hex_colour, op))
    if found is None:
        rgb = tuple(round(int(hex_colour[i:i + 2], 16) / 255, 4) for i in (1, 3, 5))
        found = _shape_ops[(hex_colour, op)] = f"{fp_str(rgb)} {op}"
    return found


def actual_text(text: str) -> str:
    """The marked-content operator that starts a span whose text, for copying and
    searching, is ``text`` (not the glyphs drawn inside it): a PDF text string in
    UTF-16BE with its byte-order mark, as a hex string (no escaping needed; characters
    outside the Basic Multilingual Plane become surrogate pairs, as the format asks).
    Closed by ``EMC``."""
    return f"/Span <</ActualText <FEFF{text.encode('utf-16-be').hex().upper()}>>> BDC"


class TextBatch:
    """Many runs of text in one PDF text object: far fewer operators than one
    ``drawString`` each.  The text is drawn when the batch is closed, above whatever
    was drawn on the canvas in between.  The font, colour and position operators are
    written only when they change; the cursor is tracked from our own metrics, so
    consecutive runs on a line need no new position."""

    __slots__ = ("canv", "code", "codes", "fill", "font", "x", "y")

    def __init__(self, canv) -> None:
        self.canv = canv
        self.code: list[str] = ["BT"]
        self.font: tuple[str, float, int] | None = None
        self.fill: str | None = None
        self.x = self.y = None  # where the PDF text cursor stands
        self.codes: dict[str, _FontCodes] = {}

    def add(self, x: float, y: float, text: str, font: str, size: float, fill: str) -> None:
        # Called for every run of the report: lookups are inlined on purpose.
        code = self.code
        if self.fill != fill:
            code.append(_fill_ops.get(fill) or fill_op(fill))
            self.fill = fill
        if self.y != y or abs(self.x - x) > 0.01:
            code.append(f"1 0 0 1 {num(x)} {num(y)} Tm")
        codes = self.codes.get(font)
        if codes is None:
            codes = self.codes[font] = _codes(self.canv, font)
        if codes.known.issuperset(text):  # the common case: one piece in subset 0
            key = (font, size, 0)
            if self.font != key:
                code.append(codes.selects.get((0, size)) or codes.select(0, size))
                self.font = key
            code.append(f"({text.translate(codes.table)}) Tj")
        else:
            for subset, escaped in codes.split(text):
                if self.font != (font, size, subset):
                    code.append(codes.select(subset, size))
                    self.font = (font, size, subset)
                code.append(f"({escaped}) Tj")
        self.x = x + (_width_table(font, size).get(text) or fonts.width(text, font, size))
        self.y = y

    def add_mirrored(self, x: float, y: float, text: str, font: str, size: float,
                     fill: str, marks: tuple[tuple[int, str], ...]) -> float:
        """``add`` for a run of a right-to-left line with mirrored characters
        (``marks``: offset in ``text``, logical character); returns the end x.  The
        glyph drawn for a mirrored bracket is ")" where the text has "(", and the PDF
        maps a glyph to its character: extractors, which put the visual line back in
        reading order themselves, would give ")...(".  So each mirrored character is
        drawn in its own marked span that says which character it stands for; the
        pieces between are drawn as usual.  Same glyphs, same places (widths add up,
        ReportLab does not kern), so the page looks the same.  Bold pieces fall back
        to the regular face as ``rtl.draw_runs`` does."""
        pos = 0
        for offset, logical in marks + ((len(text), ""),):
            if offset > pos:
                for piece, face in fonts.runs(text[pos:offset], font):
                    self.add(x, y, piece, face, size, fill)
                    x += fonts.width(piece, face, size)
            if logical:
                ch = text[offset]
                face = fonts.runs(ch, font)[0][1]
                self.code.append(actual_text(logical))
                self.add(x, y, ch, face, size, fill)
                self.code.append("EMC")
                x += fonts.width(ch, face, size)
            pos = offset + 1
        return x

    @property
    def count(self) -> int:
        return len(self.code) - 1

    def close(self) -> None:
        if len(self.code) > 1:
            self.code.append("ET")
            self.canv._code.append(" ".join(self.code))
            self.code = ["BT"]
            self.font = self.fill = self.x = self.y = None


def place_form(canv, name: str, x: float, y: float) -> None:
    """Draw the form ``name`` with its origin at ``x, y``: the operators of
    ``saveState(); translate(x, y); doForm(name); restoreState()``, written directly.
    Cards, dots, chips and tags are placed thousands of times, and ReportLab's state
    stack and matrix tracking cost more than the operators (the state is restored at
    once, so there is nothing to track)."""
    code = canv._code
    code.append("q")
    code.append(f"1 0 0 1 {fp(x)} {fp(y)} cm")
    code.append(f"/{canv._doc.getXObjectName(name)} Do")
    code.append("Q")
    canv._formsinuse.append(name)


def stamp(canv, key: tuple, x: float, y: float, reach: float, draw) -> None:
    """Draw a small shape that repeats (a dot of one colour) as a PDF form: ``draw(c)``
    draws it once around the origin, within ``reach`` of it, the first time ``key`` is
    seen in the document; every use is then one placement.  A circle costs ReportLab
    four Bézier segments of number formatting each time; a placement costs one line."""
    forms = canv.__dict__.setdefault("_cx_stamps", {})
    name = forms.get(key)
    if name is None:
        name = forms[key] = f"cxdot{len(forms)}"
        canv.beginForm(name, -reach, -reach, reach, reach)
        draw(canv)
        canv.endForm()
    place_form(canv, name, x, y)
