"""The drawn sections: the journey map, the emotion curves and the priority matrix."""

from __future__ import annotations

import math

from reportlab.platypus import CondPageBreak, PageBreak, Spacer

from ..model import layout as L
from ..model import schema as S
from ..model import scoring
from ..model.lane_edits import EMOTION_LANE_ID
from .charts import LABELLED, MAX_POINTS, CurveChart, CurvePoint, MatrixChart, quadrant
from .context import FAINT, INK, RULE, Ctx
from .fonts import BOLD, REGULAR, embed
from .flowables import Bookmark, Cell, Contents, P, Row, Table
from .labels import EMOTION_COLOURS, NOTE_COLOURS, signed
from .lanedraw import legend_items
from .mapdraw import (BADGE_H, FRAME_ROOM, READABLE, TILE_SCALE, Legend, MapFlowable, MapPainter, Tile,
                      plan_tiles)
from .rtl import Style
from .sections import (emotion_pill, header_row, kind_label, minor_heading, section_heading,
                       sub_heading, text, where)

HEADING_H = 50.0  # a section heading with its rule and space
MAX_TILES = 60  # parts of the map at most; a wider map gets smaller parts
MIN_TILE_SCALE = 0.25
MAX_PART_SCALE = 0.75
MIN_LANES_SCALE = 0.36  # the smallest scale a part shrinks to to keep its columns whole
LEGEND_H = 30.0
CAPTION_H = 24.0


def _legend(ctx: Ctx) -> Legend:
    L_ = ctx.labels
    items = [("chip", NOTE_COLOURS[k], f"{L_.note_letter(k)}  {L_.note_kind(k)}")
             for k in S.NOTE_KINDS]
    items += [("dot", EMOTION_COLOURS[v], f"{L_.emotion(v)}") for v in (2, 1, 0, -1, -2)]
    items.append(("arrow", "#7d8a97", L_("flow")))
    items += legend_items(ctx)
    return Legend(ctx, items)


def journey_map(ctx: Ctx, frame_w: float, frame_h: float) -> list:
    j, lab = ctx.journey, ctx.labels
    out: list = [section_heading(ctx, "map")]
    layout = L.compute(j)
    if not layout.bands:
        return out + [text(ctx, lab("no_touchpoints"), ctx.theme.body)]
    painter = MapPainter(ctx, layout)
    b = layout.bounds
    avail_h = frame_h - HEADING_H - LEGEND_H - 8.0
    fit = min(frame_w / b.w, avail_h / b.h)
    if fit >= READABLE:
        s = min(fit, 1.0)
        return out + [MapFlowable(painter, b, s, b.h * s), Spacer(1, 8), _legend(ctx)]
    note_h = 26.0 + BADGE_H
    s_over = min((frame_w - 2 * FRAME_ROOM) / b.w, (avail_h - note_h) / b.h)
    tile_h = frame_h - CAPTION_H - LEGEND_H - 8.0
    # A short map's parts grow toward filling their page, as long as a stage still fits
    # a page's width (a stage cut in two reads worse than a smaller one); parts short
    # enough share a page, one under the other.
    # (with the gap to the next stage, where the cut falls)
    widest = max(band.w for band in layout.bands.values()) + 2 * L.BAND_PAD + L.BAND_GAP + 8

    scale = max(TILE_SCALE, min(MAX_PART_SCALE, tile_h / b.h, frame_w / widest))
    tiles = []
    blueprint = any(lane != EMOTION_LANE_ID for lane in layout.lanes)
    if blueprint and b.h * scale > tile_h >= b.h * MIN_LANES_SCALE:
        # Lanes make a map tall: a little smaller, each part still shows whole columns
        # (a card and its cells), rather than lanes cut from the cards they belong to.
        scale = tile_h / b.h
    while scale >= MIN_TILE_SCALE:
        estimate = math.ceil(b.w * scale / frame_w) * math.ceil(b.h * scale / tile_h)
        if estimate > 20 * MAX_TILES:  # mostly empty space: do not even cut it
            scale *= 0.8
            continue
        tiles = _useful(layout, plan_tiles(layout, scale, frame_w, tile_h))
        if len(tiles) <= MAX_TILES:
            break
        scale *= 0.8  # a map spread very wide: smaller parts rather than hundreds
    else:
        tiles = []  # only the overview
    if tiles:
        tiles = [Tile(t.view, i, len(tiles)) for i, t in enumerate(tiles)]
    out += [MapFlowable(painter, b, s_over, b.h * s_over + (BADGE_H if tiles else 0.0),
                        tiles=tiles), Spacer(1, 6),
            text(ctx, lab("map_index", n=len(tiles)), ctx.theme.small, after=4.0)
            if tiles else Spacer(1, 4), _legend(ctx)]
    stage_order = {s: i for i, s in enumerate(j.stages())}
    captions = []
    for tile in tiles:
        part = lab("map_part", i=tile.index + 1, n=tile.count)
        seen = sorted((s for s, band in layout.bands.items()
                       if min(band.right, tile.view.right) - max(band.x, tile.view.x)
                       >= min(band.w * 0.5, L.CARD_W)), key=stage_order.get)
        names = " \u2013 ".join(ctx.title(s) for s in ([seen[0], seen[-1]] if len(seen) > 2
                                                       else seen))
        captions.append((part, names))
    if tiles and len(tiles) <= 24:  # an index of the parts, with their pages
        styles = (Style(BOLD, 9.0, ctx.theme.dark), Style(REGULAR, 8.4, INK))
        out += [Spacer(1, 10), Contents(
            [(f"map-part-{i + 1}", f"{part}" + (f" \u00b7 {names}" if names else ""), 1)
             for i, (part, names) in enumerate(captions)], styles, "#b9c1ca", ctx.rtl,
            ctx.page_refs)]
    legend_h = _legend(ctx).wrap(frame_w, frame_h)[1]
    for tile, (part, names) in zip(tiles, captions):
        caption = f"{lab('map')} \u00b7 {part}" + (f" \u00b7 {names}" if names else "")
        # A part narrower than the page (cut before a stage too wide to join it) is
        # drawn larger, to fill the page as far as a readable size allows.
        room = frame_h - CAPTION_H - legend_h - 8.0 - 12.0  # its legend on the same page
        own = max(scale, min(MAX_PART_SCALE, frame_w / tile.view.w, room / tile.view.h))
        part_h = tile.view.h * own + CAPTION_H
        first = tile is tiles[0]
        out += [PageBreak() if first else CondPageBreak(part_h + 8 + legend_h + 12),
                Spacer(1, 0 if first else 12),
                Bookmark(f"map-part-{tile.index + 1}", part, 1, ctx.register),
                MapFlowable(painter, tile.view, own, part_h, part=tile, caption=caption),
                Spacer(1, 8), _legend(ctx)]
    return out


def _useful(layout: L.Layout, tiles: list[Tile]) -> list[Tile]:
    """The parts that show a card or its cells, or a stage no such part shows (a stage
    with no touchpoints yet is part of the map: "nothing in after-sales yet").  Other
    empty stretches of a band are left out; a part showing only lanes is kept."""
    bottom = max((r.bottom for r in layout.lanes.values()), default=0.0)
    cards = [L.Rect(c.x, c.y, c.w, max(c.h, bottom - c.y)) for c in layout.cards.values()]

    def shows(t: Tile, r: L.Rect) -> bool:
        return r.x < t.view.right and r.right > t.view.x and r.y < t.view.bottom \
            and r.bottom > t.view.y

    def headed(t: Tile, band: L.Rect) -> bool:  # enough of the stage's header in view
        seen = min(band.right, t.view.right) - max(band.x, t.view.x)
        return t.view.y <= band.y + L.BAND_HEADER and seen >= min(band.w * 0.5, L.CARD_W)

    kept = {t.index for t in tiles if any(shows(t, c) for c in cards)}
    shown = {s for s, band in layout.bands.items()
             if any(headed(t, band) for t in tiles if t.index in kept)}
    for t in tiles:
        if t.index in kept:
            continue
        new = {s for s, band in layout.bands.items() if s not in shown and headed(t, band)}
        if new:
            kept.add(t.index)
            shown |= new
    return [t for t in tiles if t.index in kept]


# -------------------------------------------------------------------- curve
def emotion_curves(ctx: Ctx) -> list:
    j, lab, th = ctx.journey, ctx.labels, ctx.theme
    out: list = [section_heading(ctx, "curve")]
    order = j.journey_order()
    if not order:
        return out + [text(ctx, lab("no_touchpoints"), th.body)]
    stage_index = {s: i for i, s in enumerate(j.stages())}
    points = [CurvePoint(ctx.numbers[tp], tp, stage_index[j.stage_of(tp)]) for tp in order]
    titles = [ctx.title(s) for s in j.stages()]
    personas = j.ids(S.PERSONA)
    shown = [S.GENERAL] + ([ctx.persona] if ctx.persona != S.GENERAL else personas)
    for k, persona in enumerate(shown):
        name = ctx.persona_name(persona)
        kind = "" if persona == S.GENERAL else lab.persona_kind(j.get(persona)["persona_kind"])
        out += sub_heading(ctx, f"curve-{k}", f"{name}" + (f" \u00b7 {kind}" if kind else ""),
                           before=6.0 if k else 0.0, room=220.0)
        felt = [(j.emotion(tp, persona), i, tp) for i, tp in enumerate(order)
                if j.emotion(tp, persona) is not None]
        if not felt:
            out.append(text(ctx, lab("no_emotions"), th.small))
            continue
        for start in range(0, len(points), MAX_POINTS):
            out.append(CurveChart(ctx, persona, points[start:start + MAX_POINTS], titles))
        low = min(felt)
        high = max(felt, key=lambda f: (f[0], -f[1]))
        spans = []
        for key, (value, _, tp) in (("lowest", low), ("highest", high)):
            if spans:
                spans.append(("   \u00b7   ", th.small))
            spans += [(lab(key) + ": ", th.small_bold),
                      (f"{ctx.numbers[tp]} {ctx.title(tp)} ", th.small),
                      (signed(value), Style(th.small_bold.font, 7.8,
                                            EMOTION_COLOURS.get(value, INK)))]
        out.append(Table([Row([Cell([P(spans)], pad=(2.0, 0.0, 2.0, 0.0))], [1.0])],
                         ctx.rtl, space_after=4.0))
    out += sub_heading(ctx, "curve-key", lab("touchpoint_key"))
    widths = [0.07, 0.5, 0.25, 0.18]
    rows = []
    for tp in order:
        rows.append(Row([
            Cell([P([(str(ctx.numbers[tp]), th.small_bold)])], pad=(2.0, 4.0, 2.0, 4.0)),
            Cell([P([(ctx.title(tp), Style(th.body.font, 8.2, INK))])], pad=(2.0, 4.0, 2.0, 4.0)),
            Cell([P([(ctx.title(j.stage_of(tp)), th.small)])], pad=(2.0, 4.0, 2.0, 4.0)),
            Cell([emotion_pill(ctx, j.emotion(tp, ctx.persona), words=False)],
                 pad=(2.0, 4.0, 2.0, 4.0)),
        ], widths, rule="#eceff2"))
    head = header_row(ctx, ["#", lab("touchpoint"), lab("stage"),
                            f"{lab('emotion')} ({embed(ctx.persona_name(ctx.persona))})"], widths)
    out.append(Table(rows, ctx.rtl, [head]))
    return out


# ------------------------------------------------------------------- matrix
def priority_matrix(ctx: Ctx) -> list:
    j, lab, th = ctx.journey, ctx.labels, ctx.theme
    out: list = [section_heading(ctx, "matrix")]
    ranking = ctx.ranking()
    method = ranking[0].method if ranking else j.document["scoring_method"]
    out.append(text(ctx, lab("method", method=lab.method(method)), th.small, after=6.0))
    plotted = [s for s in ranking if s.inputs["impact"] is not None
               and s.inputs["effort"] is not None]
    out.append(MatrixChart(ctx, plotted, height=360.0))
    notes = []
    if len(plotted) < len(ranking):
        notes.append(lab("not_plotted", n=len(ranking) - len(plotted)))
    if any(s.rank > LABELLED for s in plotted):
        notes.append(lab("more_ranked", n=LABELLED))
    kinds = [("dot", NOTE_COLOURS[k], lab.note_kind(k))
             for k in scoring.RANKED_KINDS]
    out += [Spacer(1, 4), Legend(ctx, kinds), Spacer(1, 4)]
    for line in notes:
        out.append(text(ctx, line, th.small, after=2.0))
    shown = [s for s in plotted if s.rank <= LABELLED]
    if not shown:
        return out
    out += minor_heading(ctx, lab("top_priorities"))
    widths = [0.07, 0.47, 0.2, 0.08, 0.08, 0.1]
    rows = []
    for s in shown:
        kind = j.get(s.note)["note_kind"]
        impact, effort = s.inputs["impact"], s.inputs["effort"]
        value = f"{s.value:.2f}" if s.scored else lab("unscored")
        rows.append(Row([
            Cell([P([(str(s.rank), Style(th.body_bold.font, 9.0,
                                         NOTE_COLOURS.get(kind, FAINT)))])]),
            Cell([P([kind_label(ctx, kind, 6.6)]), P([(ctx.title(s.note), th.body)])]),
            Cell([P([(where(ctx, s.note), th.small)]),
                  P([(lab(quadrant(impact, effort)), th.small_bold)])]),
            Cell([P([(str(impact), th.body)], align="center")]),
            Cell([P([(str(effort), th.body)], align="center")]),
            Cell([P([(value, th.body_bold)], align="end")]),
        ], widths, rule=RULE))
    head = header_row(ctx, ["#", lab("note"), lab("where"), lab("impact"), lab("effort"),
                            lab("score")], widths,
                      ["start", "start", "start", "center", "center", "end"])
    out.append(Table(rows, ctx.rtl, [head]))
    return out
