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


def isolate(text: str) -> str:
    """``text`` as one directional unit inside a sentence of another direction."""
    return f"{FSI}{text}{PDI}" if text else text
