"""``cxdesigner export MAP --pptx OUT``: the presentation, its map drawn by Qt with an
application but never a window."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def export_deck(journey, out: Path, persona: str | None, report_options: dict) -> str:
    """Write the deck; returns the line to print.  Raises ``DeckError``."""
    if (sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display: no need of one
    from ..export.deck import DeckOptions, export_deck as write_deck  # python-pptx loads now
    from ..ui.deck_picture import map_picture  # Qt loads now

    deck = write_deck(journey, out, DeckOptions(sections=report_options["sections"],
                                                persona=persona,
                                                branding=report_options["branding"]),
                      map_picture)
    for note in deck.notes:
        print(f"cxdesigner: note: {out}: {note}", file=sys.stderr)
    return f"Wrote {out} ({deck.slides} slides)"
