"""Bidirectional text helpers shared by every layer (no Qt, nothing of the package).

A sentence of ours that quotes the user's text ("Weighing 3: <title>") is laid out by
the Unicode bidi algorithm as one paragraph: a Hebrew title inside an English sentence,
or a title ending in "?" or a digit inside a Hebrew one, pulls the neighbouring
punctuation and numbers to the wrong side.  Isolating the quoted text (FSI ... PDI)
makes it one neutral unit that takes its own direction from its first strong letter.
"""

from __future__ import annotations

FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
LRM = "\u200e"  # LEFT-TO-RIGHT MARK
RLM = "\u200f"  # RIGHT-TO-LEFT MARK


def isolate(text: str) -> str:
    """``text`` as one directional unit inside a sentence of another direction."""
    return f"{FSI}{text}{PDI}" if text else text


def sentence(text: str, rtl: bool) -> str:
    """Our sentence ``text`` kept in the interface's direction (``rtl``) inside a view
    laid out in the map's: "Weaknesses (1)" in a right-to-left panel would otherwise
    show "(1) Weaknesses".  A mark at each end makes the edges' punctuation and numbers
    take the sentence's direction; user text in it should be ``isolate``d."""
    mark = RLM if rtl else LRM
    return f"{mark}{text}{mark}" if text else text


_CONTROLS = dict.fromkeys(map(ord, FSI + PDI + LRM + RLM))


def plain(text: str) -> str:
    """``text`` without the marks and isolates added for display (tests, copying)."""
    return text.translate(_CONTROLS)


def left_to_right(text: str) -> str:
    """A signed number or code ("−2", "20+") that keeps its sign on its own side in a
    right-to-left line.  Marks, not an isolate: Qt's item views lay an isolated "−2" out
    as "2−" in a right-to-left row, while a mark before the digits makes them strong
    left-to-right (UBA rule W7), which every Qt text path honours."""
    return f"{LRM}{text}{LRM}" if text else text
