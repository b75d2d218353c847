"""Bidirectional text for ReportLab: wrap in logical order, then reorder each line.

ReportLab draws glyphs left to right as given, so right-to-left text must be put in
visual order first.  We use python-bidi's pure implementation (``bidi.algorithm``, the
one behind ``get_display``, which mirrors brackets), step by step, so that we also
know where each character came from: a line may mix styles (bold label, regular
value), and each visual run keeps its style.  The bidi controls are removed once they
have done their work.  Rule L3 (combining marks after their base) is deliberately not
applied: in a reversed run a Hebrew point then comes just before its letter, which is
where DejaVu Sans draws it right when no shaping engine positions it (its right-to-left
marks are drawn to the right of the pen, over the letter that follows).

A paragraph is wrapped first, in logical order, by ``pdfmetrics.stringWidth``; each
line is then reordered on its own (reordering a whole paragraph would reverse the
order of its lines).  The base direction is the map's: a Hebrew map's paragraphs are
right to left even when a line starts with a Latin word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bidi import algorithm as _bidi
from bidi.mirror import MIRRORED as _MIRRORED

from . import fonts

Span = tuple[str, "Style"]


@dataclass(frozen=True, slots=True)
class Style:
    font: str
    size: float
    color: str = "#1d2530"

    def but(self, **changes) -> "Style":
        values = {"font": self.font, "size": self.size, "color": self.color}
        values.update(changes)
        return Style(**values)


# Characters of right-to-left scripts and the controls that start RTL runs.
_RTL = re.compile("[\u0590-\u08ff\u200f\u202b\u202e\ufb1d-\ufdff\ufe70-\ufefc"
                  "\U00010800-\U00010fff\U0001e800-\U0001efff]")
_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u061c"), None)
_CONTROL_RE = re.compile("[\u200e\u200f\u202a-\u202e\u061c]")
_TOKENS = re.compile(r"[^ \n]+| +|\n")


def measure(text: str, style: Style) -> float:
    return fonts.width(text, style.font, style.size)


# ---------------------------------------------------------------- wrapping
def wrap(spans: list[Span], width: float, max_lines: int | None = None) -> list[list[Span]]:
    """Logical lines of the spans within ``width`` (explicit newlines kept).  Words
    too long for a line are broken between characters.  With ``max_lines``, the last
    line kept ends with an ellipsis when text was cut."""
    spans = [(t, s) for t, s in spans if t]
    if not spans:
        return [[]]
    text = "".join(t for t, _ in spans)
    bounds: list[tuple[int, int, Style]] = []
    pos = 0
    for t, s in spans:
        bounds.append((pos, pos + len(t), s))
        pos += len(t)

    if len(bounds) == 1:  # one style: measure the piece directly
        font, size = bounds[0][2].font, bounds[0][2].size

        def w(a: int, b: int) -> float:
            return fonts.width(text[a:b], font, size)
    else:
        w = _measurer(text, bounds)

    lines: list[tuple[int, int]] = []
    start = end = None  # the current line's extent
    line_w = 0.0
    pending_space = None  # (a, b) of spaces after the current line's last word
    for m in _TOKENS.finditer(text):
        a, b = m.span()
        token = m.group()
        if token == "\n":
            lines.append((start, end) if start is not None else (a, a))
            start = end = None
            line_w, pending_space = 0.0, None
            continue
        if token[0] == " ":
            if start is not None:
                pending_space = (a, b)
            continue
        word_w = w(a, b)
        if start is not None:
            gap = w(*pending_space) if pending_space else 0.0
            if line_w + gap + word_w <= width:
                end, line_w, pending_space = b, line_w + gap + word_w, None
                continue
            lines.append((start, end))
            start = end = None
        pending_space = None
        if word_w <= width:
            start, end, line_w = a, b, word_w
            continue
        for piece_a, piece_b, piece_w in _break_word(text, a, b, bounds, width):
            if start is not None:
                lines.append((start, end))
            start, end, line_w = piece_a, piece_b, piece_w
    if start is not None:
        lines.append((start, end))
    elif not lines or text.endswith("\n"):
        lines.append((len(text), len(text)))
    cut = max_lines is not None and len(lines) > max_lines
    if cut:
        lines = lines[:max_lines]
    out = [_slice(bounds, text, a, b) for a, b in lines]
    if cut:
        out[-1] = _with_ellipsis(out[-1], width)
    return out


def _measurer(text: str, bounds):
    def w(a: int, b: int) -> float:
        total = 0.0
        for start, end, style in bounds:
            if end <= a:
                continue
            if start >= b:
                break
            total += measure(text[max(a, start):min(b, end)], style)
        return total
    return w


def _break_word(text: str, a: int, b: int, bounds, width: float):
    """Pieces ``(a, b, width)`` of an over-long word, never starting with a mark."""
    pieces = []
    piece_a, piece_w = a, 0.0
    for start, end, style in bounds:
        if end <= a or start >= b:
            continue
        widths = fonts.char_widths(style.font)
        fallback = fonts.default_width(style.font)
        scale = style.size / 1000.0
        for i in range(max(a, start), min(b, end)):
            cw = widths.get(ord(text[i]), fallback) * scale
            if piece_w + cw > width and i > piece_a and not _is_mark(text[i]):
                pieces.append((piece_a, i, piece_w))
                piece_a, piece_w = i, 0.0
            piece_w += cw
    pieces.append((piece_a, b, piece_w))
    return pieces


def _is_mark(ch: str) -> bool:
    return _bidi.bidirectional(ch) == "NSM"


def _slice(bounds, text: str, a: int, b: int) -> list[Span]:
    out = []
    for start, end, style in bounds:
        lo, hi = max(a, start), min(b, end)
        if lo < hi:
            out.append((text[lo:hi], style))
    return out


def _with_ellipsis(line: list[Span], width: float) -> list[Span]:
    if not line:
        return line
    last_style = line[-1][1]
    spans = list(line)
    dots = measure(fonts.ELLIPSIS, last_style)
    while spans:
        total = sum(measure(t, s) for t, s in spans)
        if total + dots <= width:
            break
        t, s = spans[-1]
        cut = max(1, len(t) // 8) if total + dots > width * 1.5 else 1
        t = t[:-cut].rstrip()
        if t:
            spans[-1] = (t, s)
        else:
            spans.pop()
    spans.append((fonts.ELLIPSIS, last_style))
    return spans


# ------------------------------------------------------------- reordering
def visual(spans: list[Span], rtl: bool) -> list[Span]:
    """A logical line as visual runs, left to right, ready to draw."""
    spans = [(t, s) for t, s in spans if t]
    if not spans:
        return []
    text = "".join(t for t, _ in spans)
    if not rtl and _RTL.search(text) is None:
        # Left to right with no right-to-left character: nothing moves.
        if _CONTROL_RE.search(text) is not None:
            spans = [(t.translate(_CONTROLS), s) for t, s in spans if t.translate(_CONTROLS)]
        return _merged(spans) if len(spans) > 1 else spans
    styles = tuple(s for _, s in spans)
    lengths = tuple(len(t) for t, _ in spans)
    return _visual_cached(text, lengths, styles, rtl)


@lru_cache(maxsize=8192)
def _visual_cached(text: str, lengths: tuple[int, ...], styles: tuple[Style, ...],
                   rtl: bool) -> list[Span]:
    order = _reorder(text, rtl)
    owner: list[int] = []
    for k, n in enumerate(lengths):
        owner.extend([k] * n)
    out: list[Span] = []
    current, buf = None, []
    for ch, i in order:
        if ch in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u061c":
            continue
        style = styles[owner[i]]
        if style != current and buf:  # a new run where the style changes
            out.append(("".join(buf), current))
            buf = []
        current = style
        buf.append(ch)
    if buf:
        out.append(("".join(buf), current))
    return out


def _merged(spans: list[Span]) -> list[Span]:
    """Neighbouring spans of one style as one run (one text operator, not several)."""
    out = [spans[0]]
    for text, style in spans[1:]:
        if style == out[-1][1]:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out


# A right-to-left line of Hebrew letters and points, spaces and punctuation only (no
# digit, no Latin letter, no bidi control) is all at level 1: it is simply reversed.
_NOT_SIMPLE_RTL = re.compile("[^\u0591-\u05f4\ufb1d-\ufb4f !-/:-@\\[-`{-~\u00a0\u00ab"
                             "\u00b7\u00bb\u2010-\u2027\u2030-\u205e]")


_NUMBER = re.compile(r"[0-9]+(?:[.,:/\-][0-9]+)*")
_DIGIT = re.compile("[0-9]")
_MARK = re.compile("[\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")
# A European number as the bidi algorithm resolves it (W4, W5): digits, single
# separators between digits, and the terminators (% $ ...) next to them.
_ET = "#$%\u00a2-\u00a5\u00b0\u00b1\u2030-\u2034\u20a0-\u20cf"
_EN_RUN = re.compile(f"[{_ET}]*[0-9]+(?:(?:[+\\-,./:\u00a0]|[{_ET}]+)?[0-9]+)*[{_ET}]*")


def _reorder(text: str, rtl: bool) -> list[tuple[str, int]]:
    """``(character, logical index)`` in visual order (rules X1 to L4, not L3)."""
    if _NUMBER.fullmatch(text):  # 2027-03-31, 4.00, 3.1.2: one number, kept in order
        return [(ch, i) for i, ch in enumerate(text)]
    if rtl and _NOT_SIMPLE_RTL.search(_EN_RUN.sub("", text)) is None:
        if _MARK.search(text) is None or _DIGIT.search(text) is None:
            return _reversed_with_numbers(text)
    if (rtl and _RTL.search(text) is None and _CONTROL_RE.search(text) is None
            and unicodedata.bidirectional(text[0]) == "L"
            and unicodedata.bidirectional(text[-1]) == "L"):
        # Left-to-right words inside a right-to-left paragraph, starting and ending
        # with a letter: one LTR run, which keeps its order.
        return [(ch, i) for i, ch in enumerate(text)]
    return _reorder_full(text, rtl)


def _reorder_full(text: str, rtl: bool) -> list[tuple[str, int]]:
    storage = _bidi.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    _bidi.get_embedding_levels(text, storage)
    for i, ch in enumerate(storage["chars"]):
        ch["i"] = i
    _bidi.explicit_embed_and_overrides(storage)
    _bidi.resolve_weak_types(storage)
    _bidi.resolve_neutral_types(storage, False)
    _bidi.resolve_implicit_levels(storage, False)
    _bidi.reorder_resolved_levels(storage, False)
    _bidi.apply_mirroring(storage, False)
    return [(c["ch"], c["i"]) for c in storage["chars"]]


def _reversed(text: str) -> list[tuple[str, int]]:
    """The visual order of a line wholly at level 1: reversed, brackets mirrored."""
    return [(_MIRRORED.get(text[i], text[i]), i) for i in range(len(text) - 1, -1, -1)]


def _reversed_with_numbers(text: str) -> list[tuple[str, int]]:
    """A right-to-left line of Hebrew, punctuation and numbers (no Latin letter, no
    control): everything is at level 1 but the numbers, at level 2, which keep their
    order.  Equivalent to the full algorithm for such lines (a test checks it)."""
    pieces, pos = [], 0
    for m in _EN_RUN.finditer(text):
        if m.start() > pos:
            pieces.append((False, pos, m.start()))
        pieces.append((True, m.start(), m.end()))
        pos = m.end()
    if pos < len(text):
        pieces.append((False, pos, len(text)))
    out: list[tuple[str, int]] = []
    for number, a, b in reversed(pieces):
        if number:
            out += [(text[i], i) for i in range(a, b)]
        else:
            out += [(ch, i + a) for ch, i in _reversed(text[a:b])]
    return out


def display(text: str, rtl: bool) -> str:
    """A single line of plain text in visual order (no styles)."""
    style = _PLAIN
    return "".join(t for t, _ in visual([(text, style)], rtl))


_PLAIN = Style(fonts.REGULAR, 10)


# ---------------------------------------------------------------- drawing
@lru_cache(maxsize=256)
def color(hex_colour: str) -> tuple[float, float, float]:
    """``#rrggbb`` as the RGB triple ReportLab takes (parsed once; a plain triple
    also spares ReportLab a transparency check on every colour change)."""
    return tuple(round(int(hex_colour[i:i + 2], 16) / 255, 4) for i in (1, 3, 5))


def runs_width(runs: list[Span]) -> float:
    return sum(measure(t, s) for t, s in runs)


@lru_cache(maxsize=256)
def _fill_op(hex_colour: str) -> str:
    return " ".join(_num(v) for v in color(hex_colour)) + " rg"


def _num(value: float) -> str:
    """A coordinate for a PDF operator: at most 3 decimals, no trailing zeros."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class TextBatch:
    """Many runs of text in one PDF text object: far fewer operators than one
    ``drawString`` each.  The text is drawn when the batch is closed, above whatever
    was drawn on the canvas in between."""

    def __init__(self, canv) -> None:
        self.canv = canv
        self.text = canv.beginText()
        self.font: tuple[str, float] | None = None
        self.fill: str | None = None
        self.at: tuple[float, float] | None = None  # where the PDF text cursor stands
        self.count = 0

    def add(self, x: float, y: float, text: str, font: str, size: float, fill: str) -> None:
        t = self.text
        if self.font != (font, size):
            t.setFont(font, size)
            self.font = (font, size)
        code = t._code  # written directly: ReportLab's setters cost more than the text
        if self.fill != fill:
            code.append(_fill_op(fill))
            self.fill = fill
        at = self.at
        if at is None or at[1] != y or abs(at[0] - x) > 0.01:
            code.append(f"1 0 0 1 {_num(x)} {_num(y)} Tm")
        t._textOut(text)  # the cursor is tracked here, from the same metrics
        self.at = (x + fonts.width(text, font, size), y)
        self.count += 1

    def close(self) -> None:
        if self.count:
            self.canv.drawText(self.text)
            self.text = self.canv.beginText()
            self.font = self.fill = self.at = None
            self.count = 0


def draw_runs(canv, runs: list[Span], x: float, y: float,
              batch: TextBatch | None = None) -> float:
    """Draw visual runs from ``x`` on baseline ``y``; returns the end x."""
    own = batch is None
    if own:
        batch = TextBatch(canv)
    for text, style in runs:
        for piece, font in fonts.runs(text, style.font):
            batch.add(x, y, piece, font, style.size, style.color)
            x += fonts.width(piece, font, style.size)
    if own:
        batch.close()
    return x


def draw_line(canv, spans: list[Span], x: float, y: float, width: float, rtl: bool,
              align: str = "start", batch: TextBatch | None = None) -> float:
    """Reorder one logical line and draw it in the box ``x .. x + width``, aligned to
    the reading start (left, or right in RTL), the end, or the centre.  Returns the
    drawn width."""
    runs = visual(spans, rtl)
    w = runs_width(runs)
    if align == "center":
        left = x + (width - w) / 2
    elif (align == "start") != rtl:  # start in LTR, or end in RTL
        left = x
    else:
        left = x + width - w
    draw_runs(canv, runs, left, y, batch)
    return w


def fit(spans: list[Span], width: float) -> list[Span]:
    """The spans on one line, cut with an ellipsis if they are too wide."""
    return wrap([(t.replace("\n", " "), s) for t, s in spans], width, max_lines=1)[0]
