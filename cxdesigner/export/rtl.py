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

from . import fonts, pdftext

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
    one = _one_line(spans, width)
    if one is not None:
        return [one]
    if len(spans) == 1:
        text, style = spans[0]
        tokens = _TOKENS.findall(text)
        bounds = [(0, len(text), style)]
        # One style: each token's width straight from the cache (this loop runs for
        # every word of the report).
        get, font, size = fonts.width_table(style.font, style.size).get, style.font, style.size
        widths = [get(t) or fonts.width(t, font, size) for t in tokens]
    else:
        text = "".join(t for t, _ in spans)
        tokens = _TOKENS.findall(text)
        bounds = []
        pos = 0
        for t, s in spans:
            bounds.append((pos, pos + len(t), s))
            pos += len(t)
        widths = _token_widths(text, tokens, bounds)
    lines = _break_lines(text, tokens, widths, bounds, width)
    cut = max_lines is not None and len(lines) > max_lines
    if cut:
        lines = lines[:max_lines]
    if len(bounds) == 1:
        style = bounds[0][2]
        out = [[(text[a:b], style)] if a < b else [] for a, b in lines]
    else:
        out = [_slice(bounds, text, a, b) for a, b in lines]
    if cut:
        out[-1] = _with_ellipsis(out[-1], width)
    return out


# Slack for comparing a whole line's width with the sum of its words' widths (the two
# differ by rounding only, far below a millionth of a point).
_SLACK = 1e-6


def _one_line(spans: list[Span], width: float) -> list[Span] | None:
    """Most paragraphs (a title, a date, a name) fit on one line: then the line is the
    text without its outer spaces, found from one width per span instead of a walk over
    its words.  ``None`` when it may not fit, or has a newline: then the words decide.
    The width of the whole is what the line's drawing needs anyway, and is cached."""
    total = 0.0
    for t, s in spans:
        if "\n" in t:
            return None
        total += fonts.width(t, s.font, s.size)
    if total > width - _SLACK:
        return None
    if len(spans) == 1:
        text, style = spans[0]
        if text[0] != " " and text[-1] != " ":
            return spans
        stripped = text.strip(" ")
        return [(stripped, style)] if stripped else None
    text = "".join(t for t, _ in spans)
    b = len(text.rstrip(" "))
    if b == 0:
        return None
    a = len(text) - len(text.lstrip(" "))
    pos, out = 0, []
    for t, s in spans:
        lo, hi = max(a, pos), min(b, pos + len(t))
        if lo < hi:
            out.append((t[lo - pos:hi - pos], s))
        pos += len(t)
    return out


def _token_widths(text: str, tokens: list[str], bounds) -> list[float]:
    """The width of each token, a token that spans two styles measured piece by piece."""
    widths = []
    k, pos = 0, 0
    end, style = bounds[0][1], bounds[0][2]
    get = fonts.width_table(style.font, style.size).get
    for t in tokens:
        a, b = pos, pos + len(t)
        pos = b
        while a >= end:  # the token starts in a later span
            k += 1
            end, style = bounds[k][1], bounds[k][2]
            get = fonts.width_table(style.font, style.size).get
        if b <= end:
            widths.append(get(t) or fonts.width(t, style.font, style.size))
        else:
            total = 0.0
            for start, stop, st in bounds[k:]:
                if start >= b:
                    break
                total += measure(text[max(a, start):min(b, stop)], st)
            widths.append(total)
    return widths


def _break_lines(text: str, tokens: list[str], widths: list[float], bounds,
                 width: float) -> list[tuple[int, int]]:
    """Greedy line breaking: ``(start, end)`` of each line in ``text``."""
    lines: list[tuple[int, int]] = []
    start = end = None  # the current line's extent
    line_w = 0.0
    gap = None  # width of the spaces after the current line's last word
    pos = 0
    for token, token_w in zip(tokens, widths):
        a = pos
        pos += len(token)
        first = token[0]
        if first == " ":
            if start is not None:
                gap = token_w
            continue
        if first == "\n":
            lines.append((start, end) if start is not None else (a, a))
            start = end = None
            line_w, gap = 0.0, None
            continue
        if start is not None:
            if line_w + (gap or 0.0) + token_w <= width:
                end, line_w, gap = pos, line_w + (gap or 0.0) + token_w, None
                continue
            lines.append((start, end))
            start = end = None
        gap = None
        if token_w <= width:
            start, end, line_w = a, pos, token_w
            continue
        for piece_a, piece_b, piece_w in _break_word(text, a, pos, bounds, width):
            if start is not None:
                lines.append((start, end))
            start, end, line_w = piece_a, piece_b, piece_w
    if start is not None:
        lines.append((start, end))
    elif not lines or text.endswith("\n"):
        lines.append((len(text), len(text)))
    return lines


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


class Runs(list):
    """Visual runs (a list of spans) that also know which of their characters were
    mirrored: ``mirrored`` maps a run's index to ``(offset, logical character)`` pairs.
    A bracket in a right-to-left run is drawn as its mirror image, and the PDF maps
    the glyph to the mirror character; ``draw_runs`` marks each one with the character
    it stands for (an ``/ActualText`` span, ``pdftext.TextBatch.add_mirrored``), so
    that copied text has "(...)" where the map has it, not ")...(".  Every caller passes the runs from ``visual`` to
    ``draw_runs`` as they are, so the marks travel with them."""

    __slots__ = ("mirrored",)

    def __init__(self, spans=(),
                 mirrored: dict[int, tuple[tuple[int, str], ...]] | None = None):
        super().__init__(spans)
        self.mirrored = mirrored


@lru_cache(maxsize=8192)
def _visual_cached(text: str, lengths: tuple[int, ...], styles: tuple[Style, ...],
                   rtl: bool) -> list[Span]:
    order = _reorder(text, rtl)
    owner: list[int] = []
    for k, n in enumerate(lengths):
        owner.extend([k] * n)
    out: list[Span] = []
    mirrored: dict[int, list[tuple[int, str]]] = {}
    current, buf = None, []
    for ch, i in order:
        if ch in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u061c":
            continue
        style = styles[owner[i]]
        if style != current and buf:  # a new run where the style changes
            out.append(("".join(buf), current))
            buf = []
        current = style
        if ch != text[i]:  # mirroring is the only step that changes a character
            mirrored.setdefault(len(out), []).append((len(buf), text[i]))
        buf.append(ch)
    if buf:
        out.append(("".join(buf), current))
    if not mirrored:
        return out
    return Runs(out, {k: tuple(v) for k, v in mirrored.items()})


# Anything that can move characters or be removed when a line is put in visual order.
_MOVES = re.compile(_RTL.pattern[:-1] + _CONTROL_RE.pattern[1:-1] + "]")


def visual_width(spans: list[Span], rtl: bool) -> tuple[list[Span], float]:
    """``visual(spans, rtl)`` and its width; a left-to-right line of one style with
    nothing to reorder (most lines of an English report) is taken as it is."""
    if len(spans) == 1 and not rtl:
        t, s = spans[0]
        if t and _MOVES.search(t) is None:
            return spans, fonts.width(t, s.font, s.size)
    runs = visual(spans, rtl)
    return runs, runs_width(runs)


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


# Text is written by ``pdftext`` (operators straight into the page).
TextBatch = pdftext.TextBatch


def draw_runs(canv, runs: list[Span], x: float, y: float,
              batch: TextBatch | None = None) -> float:
    """Draw visual runs from ``x`` on baseline ``y``; returns the end x."""
    own = batch is None
    if own:
        batch = TextBatch(canv)
    add, bold = batch.add, fonts.BOLD
    mirrored = getattr(runs, "mirrored", None)  # only ``Runs`` has it
    for k, (text, style) in enumerate(runs):
        if mirrored and k in mirrored:
            x = batch.add_mirrored(x, y, text, style.font, style.size, style.color,
                                   mirrored[k])
            continue
        font, size = style.font, style.size
        if font != bold:  # only bold may need pieces in the regular face
            add(x, y, text, font, size, style.color)
            x = batch.x
            continue
        for piece, face in fonts.runs(text, font):
            add(x, y, piece, face, size, style.color)
            x += fonts.width(piece, face, size)
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
