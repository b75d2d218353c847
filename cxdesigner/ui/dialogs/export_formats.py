"""The formats the report dialog exports: the PDF report, the presentation, the
interactive map and the Mermaid text; what each is called, its file name, and how it is
drawn on the report's worker thread (``render``).

A presentation needs pictures of the map, which only the GUI thread may draw (the
canvas's scene is a widget-side class).  The worker asks for them through the
``PictureBridge``, one object living on the GUI thread, with a queued signal, and waits
for the answer; the window stays usable between the pictures.  The worker never waits
on a GUI thread that will not answer: when the application quits, it gives up.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from ...model import JourneyMap
from .report_options import FORMATS, ReportOptions, tr
SUFFIX = {"pdf": ".pdf", "pptx": ".pptx", "html": ".html", "mermaid": ".md"}
# What each format uses of the dialog's choices.
USES_SECTIONS = frozenset({"pdf", "pptx"})
USES_PAPER = frozenset({"pdf"})
USES_PERSONA = frozenset({"pdf", "pptx", "html"})
USES_BRANDING = frozenset({"pdf", "pptx"})


def label(key: str) -> str:
    return {"pdf": tr("Report (PDF)"), "pptx": tr("Presentation (PowerPoint)"),
            "html": tr("Interactive map (web page)"),
            "mermaid": tr("Mermaid journey (Markdown)")}[key]


def file_filter(key: str) -> str:
    kind = {"pdf": tr("PDF documents (%1)"), "pptx": tr("Presentations (%1)"),
            "html": tr("Web pages (%1)"), "mermaid": tr("Markdown files (%1)")}[key]
    return kind.replace("%1", "*" + SUFFIX[key])


class PictureBridge(QObject):
    """Draws the map's pictures on the GUI thread for a worker that asks."""
    asked = Signal(object)  # a dict: "args" and "done" in, "result" or "error" out

    def __init__(self) -> None:
        super().__init__()
        self.asked.connect(self._draw, Qt.QueuedConnection)
        self._quitting = threading.Event()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._quitting.set)

    def picture(self, *args: Any):
        """``ui.deck_picture.map_picture``'s call, from the worker thread."""
        from ...export.deck_map import MapPictureError

        call: dict[str, Any] = {"args": args, "done": threading.Event()}
        self.asked.emit(call)
        while not call["done"].wait(0.2):
            if self._quitting.is_set():
                raise MapPictureError(tr("The editor is closing; the presentation was "
                                         "not made."))
        if "error" in call:
            raise call["error"]
        return call["result"]

    def _draw(self, call: dict[str, Any]) -> None:
        from ..deck_picture import map_picture

        try:
            call["result"] = map_picture(*call["args"])
        except Exception as exc:  # handed back: the worker raises it in its own thread
            call["error"] = exc
        finally:
            call["done"].set()


_bridge: PictureBridge | None = None


def picture_bridge() -> PictureBridge:
    """The one bridge, made on the GUI thread (before a job starts) and never deleted,
    so no worker ever holds the last reference to a GUI-thread object."""
    global _bridge
    if _bridge is None:
        _bridge = PictureBridge()
    return _bridge


def render(key: str, journey: JourneyMap, options: ReportOptions,
           bridge: PictureBridge | None) -> tuple[bytes, int | None]:
    """The file's bytes in format ``key``, and its page or slide count if it has one.
    Runs on the worker thread; a ``ReportError`` (or the HTML export's error) says
    what is wrong."""
    from ...export import Branding

    branding = Branding(logo=options.logo or None, accent=options.accent,
                        consultant=options.consultant)
    if key == "pptx":
        from ...export.deck import DeckOptions, render_deck

        data, deck = render_deck(journey, DeckOptions(options.sections, options.persona,
                                                      branding),
                                 bridge.picture if bridge is not None else None)
        return data, deck.slides
    if key == "html":
        from ...export.html_map import build_html

        return build_html(journey, {"persona": options.persona}).encode("utf-8"), None
    if key == "mermaid":
        from ...export.mermaid import mermaid_text

        return mermaid_text(journey).encode("utf-8"), None
    from ...export import report  # ReportLab loads here, off the GUI thread

    since = options.since if options.since and journey.snapshot_named(options.since) else None
    return report.render_report(journey, paper=options.paper, sections=options.sections,
                                persona=options.persona, branding=branding, since=since), None
