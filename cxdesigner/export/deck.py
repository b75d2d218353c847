"""The presentation (PowerPoint, 16:9), made with python-pptx from the model, the shared
layout and the canvas's picture of the map.

    from cxdesigner.export.deck import DeckOptions, export_deck
    export_deck(journey, "deck.pptx", DeckOptions(branding=Branding(logo="logo.png")))

Slides: title, summary, the map (whole, or an overview and one slide per part), one
per stage, SWOT, the priority matrix, the action plan, the personas: the report's
sections (``options.SECTIONS``), of which the deck has all but the contents and the
emotion curves (the map's own emotion lane shows the curve).  Tables are real tables,
editable in PowerPoint and Impress.  A Hebrew map gives a right-to-left deck.

No Qt here: the map's picture comes from the ``picture`` function the caller hands in
(``cxdesigner.ui.deck_picture.map_picture``, the canvas's renderer, in the editor and
the CLI).  The deck is made in memory and replaces ``path`` only when complete.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..model import JourneyMap, analysis
from ..model import schema as S
from . import deck_slides, fonts
from .context import MUTED, WHITE, Ctx, Theme, mix, shorten
from .deck_draw import (BODY_BOTTOM, BODY_Y, MARGIN, SLIDE_H, SLIDE_W, DeckCanvas, Para,
                        Run, paras_height)
from .deck_map import MapPictureError, Picture, map_slides
from .deck_words import DeckLabels
from .labels import NOTE_COLOURS
from .options import Branding, ReportError, check_accent, check_logo, parse_sections

DECK_SECTIONS = ("cover", "summary", "map", "stages", "swot", "matrix", "plan", "personas")


class DeckError(ReportError):
    """The deck cannot be made: a message for the user, and no file was changed."""


@dataclass(frozen=True)
class DeckOptions:
    """The report's options, as far as a deck has them (see docs/deck.md)."""
    sections: str | tuple[str, ...] | list[str] | None = None  # None: all of them
    persona: str | None = None
    branding: Branding | None = None


@dataclass
class Deck:
    """What was written."""
    path: Path | None
    slides: int
    size: int
    notes: list[str] = field(default_factory=list)


def export_deck(journey: JourneyMap, path: str | os.PathLike[str],
                options: DeckOptions | None = None, picture: Picture | None = None) -> Deck:
    """Write the deck of ``journey`` to ``path`` (.pptx).  Raises ``DeckError`` with a
    message for the user; on any failure an existing file at ``path`` is untouched."""
    from ..fileformat import FileFormatError
    from ..fileformat.files import write_atomic  # atomic, through links, never a device

    path = Path(path)
    if path.is_dir():
        raise DeckError(f"{path} is a folder; give the presentation file to write.")
    data, deck = render_deck(journey, options, picture)
    try:
        write_atomic(path, data, backup=False)
    except FileFormatError as exc:
        raise DeckError(f"{path}: " + exc.message.replace(
            "Could not save", "Could not write the presentation")) from None
    deck.path = path
    return deck


def render_deck(journey: JourneyMap, options: DeckOptions | None = None,
                picture: Picture | None = None) -> tuple[bytes, Deck]:
    """The deck as .pptx bytes, and what it holds."""
    options = options or DeckOptions()
    branding = options.branding or Branding()
    try:
        chosen = [s for s in parse_sections(options.sections) if s in DECK_SECTIONS]
        accent = check_accent(branding.accent)
        logo = check_logo(branding.logo)[0] if branding.logo is not None and \
            "cover" in chosen else None
    except ReportError as exc:
        raise DeckError(str(exc)) from None
    if "map" in chosen and picture is None:
        raise ValueError("The deck's map needs picture=map_picture "
                         "(cxdesigner.ui.deck_picture) or a picture function of its own.")
    persona = options.persona or S.GENERAL
    if persona != S.GENERAL and (persona not in journey
                                 or journey.kind_of(persona) != S.PERSONA):
        raise DeckError(f"{persona!r:.60} is not a persona of this map.")
    fonts.register()  # what the text is cleaned and measured with
    labels = DeckLabels(journey.document["language"])
    ctx = Ctx(journey, labels, Theme(accent), persona=persona,
              today=branding.date or _dt.date.today())
    ctx.consultant = ctx.t(branding.consultant if branding.consultant is not None
                           else journey.document["author"])
    ctx.numbers = {tp: i for i, tp in enumerate(journey.journey_order(), 1)}
    title = shorten(ctx.t(journey.document["title"])) or labels("untitled")
    canvas = DeckCanvas(ctx, accent, title)
    notes: list[str] = []
    for key in chosen:
        if key == "cover":
            _title_slide(canvas, title, logo)
        elif key == "summary":
            _summary_slide(canvas)
        elif key == "map":
            try:
                map_slides(canvas, picture, notes)
            except MapPictureError as exc:
                raise DeckError(str(exc)) from None
        elif key == "stages":
            deck_slides.stage_slides(canvas)
        elif key == "swot":
            deck_slides.swot_slide(canvas)
        elif key == "matrix":
            deck_slides.matrix_slides(canvas)
        elif key == "plan":
            deck_slides.plan_slides(canvas)
        elif key == "personas":
            deck_slides.persona_slides(canvas)
    if not canvas.count:  # only sections a deck does not have: still a valid file
        _title_slide(canvas, title, None)
    props = canvas.prs.core_properties
    props.title = title[:250]
    props.author = ctx.consultant[:250]
    props.subject = labels("deck_kind")
    props.language = canvas.lang
    buf = io.BytesIO()
    canvas.prs.save(buf)
    data = buf.getvalue()
    return data, Deck(None, canvas.count, len(data), notes)


# ------------------------------------------------------------------ title
def _title_slide(canvas: DeckCanvas, title: str, logo: Path | None) -> None:
    ctx = canvas.ctx
    j, L = ctx.journey, ctx.labels
    slide = canvas.slide(None, footer=False)
    top, bottom = SLIDE_H * 0.22, SLIDE_H * 0.62
    width = SLIDE_W - 2 * MARGIN - 24
    canvas.rect(slide, 0, top, SLIDE_W, bottom - top, canvas.accent)
    canvas.rect(slide, 0, bottom - 6, SLIDE_W, 6, canvas.dark)
    kind = L("deck_kind")
    canvas.text(slide, MARGIN + 12, top + 22, width, 22,
                [Para([Run(kind.upper() if L.lang == "en" else kind, 13.0, True,
                           mix(canvas.accent, WHITE, 0.6))], after=0)])
    client = ctx.t(j.document["client"])
    canvas.text(slide, MARGIN + 12, top + 50, width, bottom - top - 64,
                [Para([Run(title, 36.0, True, WHITE)], after=8.0)]
                + ([Para([Run(shorten(client, 120), 18.0, False,
                              mix(canvas.accent, WHITE, 0.85))], after=0)] if client else []))
    rows = [(L("client"), client), (L("consultant"), ctx.consultant),
            (L("date"), L.date(ctx.today))]
    y = bottom + 24
    for label, value in rows:
        if not value:
            continue
        canvas.text(slide, MARGIN + 12, y, 170, 24,
                    [Para([Run(label, 12.0, True, MUTED)], after=0)])
        canvas.text(slide, MARGIN + 190, y, width - 190, 24,
                    [Para([Run(shorten(value, 120), 15.0)], after=0)], max_lines=1)
        y += 30
    if logo is not None:
        _logo(canvas, slide, logo)
    canvas.text(slide, MARGIN + 12, SLIDE_H - 30, width, 18,
                [Para([Run(L("made_with"), 9.0, False, MUTED)], after=0)])


def _logo(canvas: DeckCanvas, slide, logo: Path) -> None:
    """The logo in the top corner at the reading end, at most 200 x 80 points."""
    from PIL import Image

    try:
        with Image.open(logo) as image:
            image.load()  # a damaged file fails here, not in PowerPoint
            w, h = image.size
    except Exception:  # Pillow raises many kinds for a damaged image
        raise DeckError(f"The logo {logo.name!r} could not be read as an image; it may be "
                        "damaged.") from None
    scale = min(200.0 / w, 80.0 / h)
    dw, dh = w * scale, h * scale
    canvas.picture(slide, str(logo), SLIDE_W - MARGIN - dw, 20.0, dw, dh)


# ------------------------------------------------------------------ summary
def _summary_slide(canvas: DeckCanvas) -> None:
    ctx = canvas.ctx
    j, L = ctx.journey, ctx.labels
    slide = canvas.slide(L("summary"))
    area_w = SLIDE_W - 2 * MARGIN
    y = BODY_Y
    goal = ctx.t(j.document["goal"])
    if goal:
        para = [Para([Run(L("goal") + ": ", 12.0, True, canvas.dark),
                      Run(shorten(goal, 260), 12.0)], after=0)]
        h = paras_height(para, area_w - 20) + 12
        canvas.text(slide, MARGIN, y, area_w, h, para, fill=canvas.tint, pad=6.0)
        y += h + 10
    kinds = [j.get(n)["note_kind"] for n in j.ids(S.NOTE)]
    tiles = [(j.count(S.STAGE), L("n_stages"), canvas.dark),
             (j.count(S.TOUCHPOINT), L("n_touchpoints"), canvas.dark),
             (kinds.count("pain_point"), L("n_pain"), NOTE_COLOURS["pain_point"]),
             (kinds.count("opportunity"), L("n_opportunities"), NOTE_COLOURS["opportunity"]),
             (j.count(S.ACTION), L("n_actions"), canvas.dark)]
    gap, tile_h = 10.0, 62.0
    tw = (area_w - gap * (len(tiles) - 1)) / len(tiles)
    for i, (value, label, colour) in enumerate(tiles):
        x = MARGIN + i * (tw + gap)
        canvas.rect(slide, x, y, tw, tile_h, mix(colour, WHITE, 0.88), rounded=True)
        canvas.text(slide, x, y + 4, tw, tile_h - 8,
                    [Para([Run(str(value), 26.0, True, colour)], align="center", after=0),
                     Para([Run(label, 11.0, False, MUTED)], align="center", after=0)],
                    anchor="middle")
    y += tile_h + 16
    half = (area_w - 20) / 2
    _priorities(canvas, slide, MARGIN, y, half)
    _low_points(canvas, slide, MARGIN + half + 20, y, half)


def _heading(canvas: DeckCanvas, slide, x: float, y: float, w: float, text: str) -> float:
    canvas.text(slide, x, y, w, 22, [Para([Run(text, 15.0, True, canvas.dark)], after=0)],
                max_lines=1)
    return y + 26


def _priorities(canvas: DeckCanvas, slide, x: float, y: float, w: float) -> None:
    ctx = canvas.ctx
    L = ctx.labels
    y = _heading(canvas, slide, x, y, w, L("top_priorities"))
    ranked = [s for s in ctx.ranking() if s.scored][:5]
    if not ranked:
        canvas.text(slide, x, y, w, 40, [Para([Run(L("no_priorities"), 11.0, False, MUTED)])])
        return
    rows = [[[Para([Run(str(s.rank), 11.0, True, canvas.dark)], after=0)],
             [Para([deck_slides.kind_run(ctx, ctx.journey.get(s.note)["note_kind"], 7.5),
                    Run(shorten(ctx.title(s.note), 60), 10.5, True)], after=0)],
             [Para([Run(shorten(deck_slides.where(ctx, s.note), 40), 9.5, False, MUTED)],
                   after=0)],
             [Para([Run(f"{s.value:.2f}", 10.5, True)], align="end", after=0)]]
            for s in ranked]
    widths = [0.08, 0.54, 0.26, 0.12]
    rows = _fitting(canvas, rows, widths, w, BODY_BOTTOM - y)
    canvas.table(slide, x, y, w, widths, ["#", L("note"), L("where"), L("score")], rows)


def _low_points(canvas: DeckCanvas, slide, x: float, y: float, w: float) -> None:
    ctx = canvas.ctx
    j, L = ctx.journey, ctx.labels
    y = _heading(canvas, slide, x, y, w, L("low_points"))
    lows = analysis.analyze(j, ctx.persona, max_paths=0).of_kind("low_emotion")[:5]
    if not lows:
        canvas.text(slide, x, y, w, 40, [Para([Run(L("no_low_points"), 11.0, False, MUTED)])])
        return
    rows = [[[Para([Run(str(ctx.numbers.get(f.element, "")), 11.0, True, canvas.dark)],
                   after=0)],
             [Para([Run(shorten(ctx.title(f.element), 60), 10.5, True)], after=0)],
             [Para([Run(shorten(ctx.title(j.stage_of(f.element)), 40), 9.5, False, MUTED)],
                   after=0)],
             [deck_slides.emotion_para(ctx, int(f.value))]]
            for f in lows]
    widths = [0.08, 0.46, 0.24, 0.22]
    rows = _fitting(canvas, rows, widths, w, BODY_BOTTOM - y)
    canvas.table(slide, x, y, w, widths, ["#", L("touchpoint"), L("stage"), L("emotion")],
                 rows)


def _fitting(canvas: DeckCanvas, rows: list, widths: list[float], w: float,
             room: float) -> list:
    """As many rows as fit under the header in ``room`` points (the summary is one
    slide; the full lists are on the matrix and stage slides)."""
    used = canvas.row_height([[Para([Run("#", 10.0, True)])]], [1.0], w)
    kept = []
    for row in rows:
        used += canvas.row_height(row, widths, w)
        if used > room and kept:
            break
        kept.append(row)
    return kept


__all__ = ["DECK_SECTIONS", "Deck", "DeckError", "DeckOptions", "export_deck",
           "render_deck", "BODY_Y"]
