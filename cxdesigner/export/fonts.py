"""The report's fonts, and what to do with characters they cannot draw.

The report uses the bundled DejaVu Sans (regular and bold), embedded, for every word:
it covers Latin, Hebrew, digits and most symbols.  No text is ever drawn with a font
that lacks its glyphs:

* a character missing from the bold face but present in the regular one is drawn in
  the regular face (per character run, see ``runs``);
* emoji (and the joiners, variation selectors and skin tones that build them) are
  left out: no bundled font has them;
* any other character DejaVu Sans lacks (Chinese, for example) is replaced by the
  replacement sign U+FFFD, so the reader sees that something is missing;
* control characters are dropped, tabs become spaces; the bidi controls survive until
  the text is reordered (``rtl.visual``), and are then removed.

``Tally`` counts what was left out or replaced; the report says so in a note.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources_path import resource

REGULAR = "CXDejaVuSans"
BOLD = "CXDejaVuSans-Bold"
PLACEHOLDER = "\ufffd"
ELLIPSIS = "\u2026"

_registered: dict[str, TTFont] = {}
_state: dict[str, object] = {}

# Characters that build emoji without being letters.
_EMOJI_PARTS = re.compile("[\u200d\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")
# Isolates are newer than the bidi algorithm we use: map them to embeddings.
_ISOLATES = {0x2066: "\u202a", 0x2067: "\u202b", 0x2068: "", 0x2069: "\u202c",
             0x061C: "\u200f"}


def _first_strong_embedding(text: str, start: int) -> str:
    """For a first-strong isolate at ``start - 1``: a right-to-left embedding if the
    first letter with a direction before its end is right to left, else left to right
    (the algorithm we use knows embeddings, not isolates)."""
    depth = 0
    for ch in text[start:]:
        if ch in "\u2066\u2067\u2068":
            depth += 1
        elif ch == "\u2069":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0:
            kind = unicodedata.bidirectional(ch)
            if kind in ("R", "AL"):
                return "\u202b"
            if kind == "L":
                return "\u202a"
    return "\u202a"


def embed(text: str) -> str:
    """User text set inside a sentence of the report: embedded in its own direction
    (the report's bidi algorithm knows embeddings, not isolates), so a Latin name in a
    Hebrew line, or a Hebrew one in an English line, keeps its place and its order."""
    return f"{_first_strong_embedding(text, 0)}{text}\u202c" if text else text


def _is_emoji(cp: int) -> bool:
    return (0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or 0x2B00 <= cp <= 0x2BFF
            or 0x1F900 <= cp <= 0x1F9FF or cp in (0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122,
                                                  0x2139, 0x3030, 0x303D, 0x3297, 0x3299))


def _class_of(codepoints: set[int], negate: bool) -> re.Pattern[str]:
    """A regular expression matching one character of (or, negated, not of) a set."""
    ranges: list[str] = []
    ordered = sorted(codepoints)
    start = prev = None
    for cp in ordered + [None]:
        if cp is not None and prev is not None and cp == prev + 1:
            prev = cp
            continue
        if start is not None:
            a, b = re.escape(chr(start)), re.escape(chr(prev))
            ranges.append(a if start == prev else f"{a}-{b}")
        start = prev = cp
    body = "".join(ranges) or "\x00"
    return re.compile(f"[{'^' if negate else ''}{body}]")


def register() -> None:
    """Register the two faces with ReportLab (once) and learn what they cover."""
    if _registered:
        return
    regular = TTFont(REGULAR, str(resource("fonts", "DejaVuSans.ttf")))
    bold = TTFont(BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(bold)
    _registered[REGULAR], _registered[BOLD] = regular, bold
    covered = set(regular.face.charToGlyph)
    bold_covered = set(bold.face.charToGlyph)
    _state["uncovered"] = _class_of(covered, negate=True)
    _state["bold_missing"] = _class_of(covered - bold_covered, negate=False)
    _state["covered"] = frozenset(covered)


class Tally:
    """What the fonts could not show, over a whole report."""

    def __init__(self) -> None:
        self.replaced: Counter[str] = Counter()
        self.emoji = 0

    def sample(self, count: int = 3) -> str:
        return " ".join(f"U+{ord(c):04X}" for c, _ in self.replaced.most_common(count))


def clean(text: str, tally: Tally | None = None) -> str:
    """Text ready for the report font (see the module's rules)."""
    if not text:
        return ""
    uncovered = _state["uncovered"]
    if uncovered.search(text) is None:  # the common case, at C speed
        return text
    return _clean_slow(text, tally)


def _clean_slow(text: str, tally: Tally | None) -> str:
    covered = _state["covered"]
    out: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for i, ch in enumerate(text):
        cp = ord(ch)
        if cp in covered:
            if _EMOJI_PARTS.match(ch):
                continue  # zero-width joiners and selectors: drawn as nothing anyway
            out.append(ch)
        elif ch == "\n":
            out.append(ch)
        elif ch in "\t\v\f":
            out.append(" ")
        elif cp < 0x20 or 0x7F <= cp < 0xA0:
            continue  # other control characters
        elif cp == 0x2068:  # first strong isolate: the embedding its text calls for
            out.append(_first_strong_embedding(text, i + 1))
        elif cp in _ISOLATES:
            out.append(_ISOLATES[cp])
        elif _is_emoji(cp) or _EMOJI_PARTS.match(ch):
            if tally is not None and not _EMOJI_PARTS.match(ch):
                tally.emoji += 1
        elif 0xD800 <= cp <= 0xDFFF or 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE:
            continue  # surrogates and non-characters
        else:
            if tally is not None:
                tally.replaced[ch] += 1
            out.append(PLACEHOLDER)
    return "".join(out)


def one_line(text: str) -> str:
    """Text for a place that holds a single line (footer, outline)."""
    return " ".join(text.split())


def runs(text: str, font: str) -> list[tuple[str, str]]:
    """``(text, font)`` runs: bold falls back to regular for what bold lacks."""
    if font != BOLD or not text:
        return [(text, font)]
    missing = _state["bold_missing"]
    if missing.search(text) is None:
        return [(text, font)]
    out: list[tuple[str, str]] = []
    pos = 0
    for m in missing.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], BOLD))
        out.append((m.group(), REGULAR))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], BOLD))
    return out


# Widths by font and size, then by text: words and labels repeat a lot, and a plain
# string key (no tuple to build and hash per call) keeps the hot loops cheap.
_widths: dict[tuple[str, float], dict[str, float]] = {}
_WIDTHS_KEPT = 100_000  # per font and size; then the table starts again


def width_table(font: str, size: float) -> dict[str, float]:
    """The cache of ``width`` for one font and size (text -> width).  Hot loops read it
    directly and call ``width`` on a miss, which fills it."""
    table = _widths.get((font, size))
    if table is None:
        table = _widths[(font, size)] = {}
    return table


def width(text: str, font: str, size: float) -> float:
    """The advance width of ``text`` in points (cached: words repeat a lot)."""
    table = _widths.get((font, size))
    if table is None:
        table = _widths[(font, size)] = {}
    found = table.get(text)
    if found is not None:
        return found
    if font == BOLD and _state["bold_missing"].search(text) is not None:
        found = sum(pdfmetrics.stringWidth(t, f, size) for t, f in runs(text, font))
    else:
        found = pdfmetrics.stringWidth(text, font, size)
    if len(table) > _WIDTHS_KEPT:
        table.clear()
    table[text] = found
    return found


@lru_cache(maxsize=4)
def char_widths(font: str) -> dict[int, float]:
    """Advance widths per 1000 units of size, for breaking words."""
    face = _registered[font].face
    return dict(face.charWidths)


def default_width(font: str) -> float:
    return float(_registered[font].face.defaultWidth)
