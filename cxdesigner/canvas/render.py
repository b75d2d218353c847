"""The canvas as a picture: PNG (raster) and SVG (vector), with or without a window.

A fresh ``JourneyScene`` is built for the journey (never the editor's own scene, so
no selection, hover or level-of-detail state shows) and its map, with a small margin,
is drawn on white, antialiased, in the light palette whatever the system theme is.

    render_png(journey, "map.png", scale=1.0, persona=None)  -> Rendered
    render_svg(journey, "map.svg", persona=None)              -> Rendered

One scene unit is one pixel at scale 1.  A PNG is at most ``MAX_SIDE`` pixels a side
and ``MAX_PIXELS`` in all (256 MB of memory while it is drawn): a bigger picture is
drawn at the largest scale that fits, and ``Rendered.notes`` says so.  The picture is
made in memory and replaces ``path`` only when complete (``cxmap.write_atomic``).

Needs a ``QApplication`` (the scene is a QtWidgets class) but never a widget:
``ensure_app()`` makes one for a headless caller such as the CLI.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleFactory

from ..fileformat.xmltext import xml_bytes
from ..model import JourneyMap
from ..model import schema as S
from ..model.vocabulary import vocabulary

MAX_SIDE = 16384
MAX_PIXELS = 64 * 1024 * 1024
MAX_SCALE = 8.0
PAD = 16.0  # scene units around the map: room for card outlines and the lane's edge
BACKGROUND = QColor("#ffffff")

_fonts_loaded = False


class RenderError(Exception):
    """The picture cannot be made or written: a message for the user; no file changed."""


@dataclass
class Rendered:
    """What was drawn: the picture's size in pixels, the scale used, notes for the user."""
    path: Path | None
    width: int
    height: int
    scale: float
    notes: list[str] = field(default_factory=list)


def tr(text: str) -> str:
    return QCoreApplication.translate("render", text)


def ensure_app() -> QApplication:
    """The running ``QApplication``, or a new one (no window is ever shown)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(["cxdesigner"])
    elif not isinstance(app, QApplication):
        raise RenderError("Drawing the map needs a QApplication, not a QGuiApplication.")
    return app


def render_png(journey: JourneyMap, path: str | os.PathLike[str], scale: float = 1.0,
               persona: str | None = None) -> Rendered:
    """Write the map as a PNG of ``scale`` pixels per scene unit (capped, see above)."""
    data, rendered = png_bytes(journey, scale, persona)
    rendered.path = _write(path, data)
    return rendered


def render_svg(journey: JourneyMap, path: str | os.PathLike[str],
               persona: str | None = None) -> Rendered:
    """Write the map as an SVG (text stays text: searchable, selectable)."""
    data, rendered = svg_bytes(journey, persona)
    rendered.path = _write(path, data)
    return rendered


def fit_scale(width: float, height: float, scale: float) -> float:
    """``scale``, or the largest smaller one at which a ``width`` x ``height`` scene
    area makes a PNG within ``MAX_SIDE`` and ``MAX_PIXELS``."""
    fitted = min(scale, MAX_SIDE / width, MAX_SIDE / height,
                 math.sqrt(MAX_PIXELS / (width * height)))
    # Rounded down so that ceil(width * fitted) cannot overshoot the cap.
    while fitted < scale and (math.ceil(width * fitted) > MAX_SIDE
                              or math.ceil(height * fitted) > MAX_SIDE
                              or math.ceil(width * fitted) * math.ceil(height * fitted)
                              > MAX_PIXELS):
        fitted *= 0.999
    return fitted


def png_bytes(journey: JourneyMap, scale: float = 1.0,
              persona: str | None = None) -> tuple[bytes, Rendered]:
    if not (isinstance(scale, (int, float)) and math.isfinite(scale)
            and 0 < scale <= MAX_SCALE):
        raise RenderError(tr("The scale must be a number above 0 and at most %1 "
                             "(got %2).").replace("%1", f"{MAX_SCALE:g}").replace(
                                 "%2", f"{scale!r:.20}"))
    scene = picture_scene(journey, persona)
    try:
        source = _source(scene)
        used = fit_scale(source.width(), source.height(), float(scale))
        if used < scale:
            # Shrunk to fit: a map this big is drawn as the editor draws it zoomed out
            # that far (cards as shapes, in batches), seconds faster than card by card.
            scene.set_detail(used)
        width = max(1, math.ceil(source.width() * used))
        height = max(1, math.ceil(source.height() * used))
        image = QImage(width, height, QImage.Format_RGB32)
        if image.isNull():
            raise RenderError(tr("There is not enough memory for a picture of %1 x %2 "
                                 "pixels; try a smaller scale.")
                              .replace("%1", str(width)).replace("%2", str(height)))
        image.fill(BACKGROUND)
        painter = QPainter(image)
        try:
            paint_view(painter, scene, source, QRectF(0, 0, source.width() * used,
                                                  source.height() * used))
        finally:
            painter.end()
    finally:
        scene.detach()
    del scene  # its items go before the encoding needs memory
    notes = []
    if used < scale:
        notes.append(tr("The map is too large for a picture at scale %1; it was drawn at "
                        "scale %2 (%3 x %4 pixels), the most that fits.")
                     .replace("%1", f"{scale:g}").replace("%2", f"{used:.3g}")
                     .replace("%3", str(width)).replace("%4", str(height)))
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RenderError(tr("The picture could not be encoded as PNG."))
    data = bytes(buffer.data())
    buffer.close()
    return data, Rendered(None, width, height, used, notes)


def svg_bytes(journey: JourneyMap, persona: str | None = None) -> tuple[bytes, Rendered]:
    from PySide6.QtSvg import QSvgGenerator  # only SVG needs the module

    scene = picture_scene(journey, persona)
    try:
        source = _source(scene)
        target = QRectF(0, 0, source.width(), source.height())
        width, height = math.ceil(target.width()), math.ceil(target.height())
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(width, height))
        generator.setViewBox(target)
        generator.setResolution(96)
        # The picture's title and description are part of the map: its language.
        words = vocabulary(journey.document["language"])
        generator.setTitle(journey.document["title"] or words("untitled"))
        generator.setDescription(words("picture_description"))
        painter = QPainter(generator)
        try:
            painter.fillRect(target, BACKGROUND)
            paint_view(painter, scene, source, target)
        finally:
            painter.end()
        buffer.close()
        # Qt writes titles as they are, and a vertical tab (Excel's line break in a
        # cell) or an escape would make the SVG not well-formed XML.
        svg = xml_bytes(_mark_rtl_runs(bytes(data)))
        return svg, Rendered(None, width, height, 1.0, [])
    finally:
        scene.detach()


# ------------------------------------------------------------------ helpers
def picture_scene(journey: JourneyMap, persona: str | None):
    """A fresh scene of the map to draw pictures from (light palette, the persona's
    curve); others draw views of it with ``paint_view`` (the deck draws each part)."""
    from .scene import JourneyScene

    if not isinstance(QApplication.instance(), QApplication):
        raise RenderError("Drawing the map needs a QApplication: call ensure_app() first.")
    if persona not in (None, S.GENERAL) and (persona not in journey
                                             or journey.kind_of(persona) != S.PERSONA):
        raise RenderError(tr("%1 is not a persona of this map.").replace(
            "%1", f"{persona!r:.60}"))
    _load_fonts()
    scene = JourneyScene(journey)
    # The light palette, not the system's: a picture for a report or a slide should
    # not come out dark because the editor runs in dark mode.
    style = QStyleFactory.create("Fusion")
    if style is not None:
        scene.setPalette(style.standardPalette())
    if persona not in (None, S.GENERAL):
        scene.set_persona(persona)
    # Drawn as shapes and text, not as the pixels the editor keeps of each card (an
    # SVG would hold a bitmap of every card, and a picture is drawn once anyway).
    for card in scene.card_items():
        card.setCacheMode(QGraphicsItem.NoCache)
    return scene


def _source(scene) -> QRectF:
    b = scene.layout.bounds
    return QRectF(b.x - PAD, b.y - PAD, b.w + 2 * PAD, b.h + 2 * PAD)


def paint_view(painter: QPainter, scene, source: QRectF, target: QRectF) -> None:
    """Draw the ``source`` rect of a ``picture_scene`` into ``target``, antialiased."""
    painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing
                           | QPainter.SmoothPixmapTransform)
    scene.render(painter, target, source, Qt.IgnoreAspectRatio)


def _load_fonts() -> None:
    """The canvas font (DejaVu Sans, bundled), as the editor loads it at start."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    _fonts_loaded = True
    from ..resources_path import resource

    if "DejaVu Sans" in QFontDatabase.families():
        return
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource("fonts", name)))


# Qt writes each run of text in one direction as its own <text>, positioned at its left
# edge, its characters in logical order, but without saying which way the run reads.
# A viewer lays a Hebrew run out in the SVG's direction, left to right, which puts its
# neutrals on the wrong side (the colon of "מודעת אינסטגרם:" at its right).  Each run
# with a right-to-left letter is therefore wrapped in RLE ... PDF, an explicit
# right-to-left embedding that every bidi-aware viewer honours (browsers, Inkscape,
# Qt's own renderer; the direction attribute is ignored by some), and the text is
# still the title as written, so it can be found and copied.
#
# The canvas isolates titles (FSI ... PDI) so that Qt orders them right; Qt has done the
# ordering by the time it writes the runs, and an isolate split across two runs would
# only confuse a viewer, so the isolate marks are taken out of the runs (and a run of
# nothing else with them).
_TEXT = re.compile(rb"<text\b([^>]*)>([^<]*)</text>")
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_RLE, _PDF = "\u202b".encode(), "\u202c".encode()
_ISOLATES = re.compile(rb"\xe2\x81[\xa6-\xa9]")  # U+2066..U+2069 in UTF-8


def _mark_rtl_runs(svg: bytes) -> bytes:
    def mark(match: re.Match) -> bytes:
        text = _ISOLATES.sub(b"", match.group(2))
        if not text.strip():
            return b""  # a run that held only an isolate mark (or nothing)
        if not _RTL_LETTER.search(text.decode("utf-8", "replace")):
            return b"<text" + match.group(1) + b">" + text + b"</text>"
        return b"<text" + match.group(1) + b">" + _RLE + text + _PDF + b"</text>"
    return _TEXT.sub(mark, svg)


def _write(path: str | os.PathLike[str], data: bytes) -> Path:
    from ..fileformat import FileFormatError
    from ..fileformat.files import write_atomic  # atomic, through links, never a device

    path = Path(path)
    if path.is_dir():
        raise RenderError(tr("%1 is a folder; give the file to write.").replace(
            "%1", str(path)))
    try:
        write_atomic(path, data, backup=False)
    except FileFormatError as exc:
        raise RenderError(f"{path}: " + exc.message.replace(  # say where, too
            "Could not save", "Could not write the picture")) from None
    return path
