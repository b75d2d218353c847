"""Where everything sits, in scene units: one layout for the canvas and the report.

Stages are bands side by side in reading order (left to right, or right to left for
an RTL map); a touchpoint's ``x, y`` are measured inside its band from the band's
reading-start edge, so mirroring a map never changes its file.  Under the bands run
the lanes (``lane_edits``), the emotion lane among them, each as wide as the map.  A
lane's cell for a touchpoint sits right under its card; cards one above the other in a
band (the same moment on parallel branches) share a column, so their cells stack in
the lane in the cards' order, each in its own slot (``slots``).  Pure arithmetic on
the model: no Qt.

``compute`` lays a map out from scratch (exports, the report); ``live_layout.LiveLayout``
keeps it up to date edit by edit for the canvas, equal to a fresh ``compute`` after
every edit (``live_curve.LiveCurve`` does the same for the emotion curve).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import schema as S
from .journey import JourneyMap
from .lane_edits import EMOTION_LANE_ID

CARD_W, CARD_H = 200.0, 120.0
BAND_HEADER = 64.0  # the stage title strip
BAND_PAD = 24.0
BAND_GAP = 8.0
MIN_BAND_W = CARD_W + 2 * BAND_PAD
MIN_BAND_H = CARD_H + 2 * BAND_PAD + 160.0
LANE_GAP, LANE_H = 24.0, 200.0  # above the first lane; the emotion lane's height
LANE_SPACING = 8.0  # between two lanes
LANE_TITLE_H = 24.0  # a cell lane's name strip
CELL_H, IMAGE_CELL_H, CELL_GAP = 64.0, 128.0, 6.0
CHIP_W, CHIP_H, CHIP_GAP = 26.0, 22.0, 4.0
CHIPS_PER_CARD = 6  # beyond this, the last chip shows a count


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom


@dataclass(frozen=True)
class Layout:
    rtl: bool
    bands: dict[str, Rect]  # stage id -> band
    cards: dict[str, Rect]  # touchpoint id -> card
    lane: Rect  # the emotion lane under the bands
    bounds: Rect
    order: tuple[str, ...] = ()  # every touchpoint in journey order
    lanes: dict[str, Rect] = field(default_factory=dict)  # the shown lanes, top down
    slots: dict[str, int] = field(default_factory=dict)  # touchpoint -> its cells' slot
    depth: int = 1  # the most slots a column has: every cell lane has room for them

    def cell(self, touchpoint: str, lane: str, lane_kind: str = "text") -> Rect:
        """A touchpoint's cell in a shown lane: under its card, in its slot."""
        card, row = self.cards[touchpoint], self.lanes[lane]
        h = IMAGE_CELL_H if lane_kind == "image" else CELL_H
        top = row.y + LANE_TITLE_H + self.slots.get(touchpoint, 0) * (h + CELL_GAP)
        return Rect(card.x, top, CARD_W, h)

    def lane_at(self, y: float) -> str | None:
        """The shown lane spanning scene ``y``."""
        for lane, rect in self.lanes.items():
            if rect.y <= y <= rect.bottom:
                return lane
        return None

    def stage_at(self, x: float, y: float | None = None) -> str | None:
        """The stage whose band spans scene ``x`` (and ``y``, if given)."""
        for stage, band in self.bands.items():
            if band.x <= x <= band.right and (y is None or band.y <= y <= band.bottom):
                return stage
        return None

    def nearest_stage(self, x: float) -> str | None:
        """The band at ``x``, or the closest one when ``x`` falls outside them all."""
        if not self.bands:
            return None
        return min(self.bands, key=lambda s: 0 if self.bands[s].x <= x <= self.bands[s].right
                   else min(abs(self.bands[s].x - x), abs(self.bands[s].right - x)))

    def to_band(self, stage: str, card_x: float, card_y: float) -> tuple[float, float]:
        """Band-local ``x, y`` of a card whose top-left corner is at scene ``card_x, card_y``."""
        band = self.bands[stage]
        top = band.y + BAND_HEADER + BAND_PAD
        if self.rtl:
            return (max(0.0, band.right - BAND_PAD - CARD_W - card_x), max(0.0, card_y - top))
        return (max(0.0, card_x - band.x - BAND_PAD), max(0.0, card_y - top))

    def emotion_y(self, emotion: float) -> float:
        """Scene y of an emotion in the lane: +2 at the top, -2 at the bottom."""
        span = S.EMOTION_MAX - S.EMOTION_MIN
        inner = self.lane.h - 2 * BAND_PAD
        return self.lane.y + BAND_PAD + (S.EMOTION_MAX - emotion) / span * inner


def compute(journey: JourneyMap) -> Layout:
    return _lay_out(journey, *_gather(journey))


def _gather(journey: JourneyMap) -> tuple[dict, list[str], dict[str, list[str]]]:
    """The touchpoints' fields, the stages, and each stage's touchpoints in reading order."""
    # One pass into a plain dict: NetworkX's node view costs a call per look-up, and
    # this runs after every edit that can move something.
    nodes = dict(journey.graph.nodes(data=True))
    stages = journey.stages()
    # The model keeps each stage's touchpoints in reading order (its index).
    members = {s: journey.touchpoints_in(s) for s in stages}
    return nodes, stages, members


def _lay_out(journey: JourneyMap, nodes: dict, stages: list[str],
             members: dict[str, list[str]]) -> Layout:
    rtl = journey.document["direction"] == "rtl"
    widths, height = {}, MIN_BAND_H
    for stage in stages:
        tps = members[stage]
        far_x = max((max(0.0, nodes[t]["x"]) for t in tps), default=0.0)
        far_y = max((max(0.0, nodes[t]["y"]) for t in tps), default=0.0)
        widths[stage] = max(MIN_BAND_W, far_x + CARD_W + 2 * BAND_PAD)
        height = max(height, BAND_HEADER + far_y + CARD_H + 2 * BAND_PAD)
    order = list(reversed(stages)) if rtl else stages
    bands, cards, x = {}, {}, 0.0
    for stage in order:
        bands[stage] = Rect(x, 0.0, widths[stage], height)
        x += widths[stage] + BAND_GAP
    total_w = max(0.0, x - BAND_GAP)
    for stage in stages:
        band = bands[stage]
        top = band.y + BAND_HEADER + BAND_PAD
        for t in members[stage]:
            tx, ty = max(0.0, nodes[t]["x"]), max(0.0, nodes[t]["y"])
            cx = band.right - BAND_PAD - CARD_W - tx if rtl else band.x + BAND_PAD + tx
            cards[t] = Rect(cx, top + ty, CARD_W, CARD_H)
    slots, depth = {}, 1
    for stage in stages:
        depth = max(depth, _slot(((nodes[t]["x"], nodes[t]["y"], t) for t in members[stage]),
                                 slots))
    lanes, lane, bottom = lay_lanes(journey, height, max(total_w, MIN_BAND_W), depth)
    bounds = Rect(0.0, 0.0, lane.w, bottom)
    order = tuple(t for stage in stages for t in members[stage])
    return Layout(rtl, bands, cards, lane, bounds, order, lanes, slots, depth)


def lane_height(lane_kind: str, depth: int) -> float:
    if lane_kind == S.EMOTION_LANE:
        return LANE_H
    h = IMAGE_CELL_H if lane_kind == "image" else CELL_H
    return LANE_TITLE_H + depth * (h + CELL_GAP)


def lay_lanes(journey: JourneyMap, band_h: float, width: float,
              depth: int) -> tuple[dict[str, Rect], Rect, float]:
    """The shown lanes' rects under bands ``band_h`` tall, the emotion lane's (empty
    where it would be when hidden), and the bottom of the last lane."""
    lanes: dict[str, Rect] = {}
    y, bottom = band_h + LANE_GAP, band_h
    emotion = None
    for lane_id in journey.lanes():
        info = journey.lane(lane_id)
        if info["hidden"]:
            if lane_id == EMOTION_LANE_ID:
                emotion = Rect(0.0, y, width, 0.0)
            continue
        rect = lanes[lane_id] = Rect(0.0, y, width, lane_height(info["lane_kind"], depth))
        if lane_id == EMOTION_LANE_ID:
            emotion = rect
        bottom = rect.bottom
        y = bottom + LANE_SPACING
    return lanes, emotion, bottom


def blueprint_lines(journey: JourneyMap, layout: Layout) -> list[tuple[str, float]]:
    """The blueprint's lines (``schema.BLUEPRINT_LINES``) as ``(name, scene y)``: each
    drawn in the gap above the first shown lane below it whose zone lies past the line,
    when a shown lane above lies before it (lanes of no zone do not count)."""
    out: list[tuple[str, float]] = []
    above: int | None = None
    for lane_id, rect in layout.lanes.items():
        zone = S.ZONE.get(journey.lane(lane_id)["lane_kind"])
        if zone is None:
            continue
        if above is not None:
            y = rect.y - LANE_SPACING / 2
            out += [(name, y) for name, before, after in S.BLUEPRINT_LINES
                    if above <= before and zone >= after]
        above = zone if above is None else max(above, zone)
    return out


def _slot(keys, slots: dict[str, int]) -> int:
    """Give each touchpoint of a band its slot, from ``(x, y, id)`` keys sorted by x:
    cards whose columns overlap stack their cells top to bottom; the most in one
    column."""
    depth = 0
    column: list[tuple[float, float, str]] = []
    end = float("-inf")
    for x, y, tp in keys:
        x = max(0.0, x)
        if column and x >= end:
            depth = max(depth, _stack(column, slots))
            column = []
        column.append((max(0.0, y), x, tp))
        end = max(end, x + CARD_W) if len(column) > 1 else x + CARD_W
    if column:
        depth = max(depth, _stack(column, slots))
    return depth


def _stack(column: list[tuple[float, float, str]], slots: dict[str, int]) -> int:
    column.sort()
    for i, (_, _, tp) in enumerate(column):
        slots[tp] = i
    return len(column)


def emotion_curve(journey: JourneyMap, layout: Layout,
                  persona: str = S.GENERAL) -> list[tuple[str, float, float]]:
    """``(touchpoint, x, y)`` points of the emotion curve in journey order, skipping
    touchpoints with no emotion for the persona (nor a general one)."""
    nodes = journey.graph.nodes
    points = []
    for tp in layout.order:
        table = nodes[tp]["emotions"]  # read directly: this runs on every edit
        value = table.get(persona, table.get(S.GENERAL))
        if value is not None:
            points.append((tp, layout.cards[tp].center[0], layout.emotion_y(value)))
    return points


def curve_line(points: list[tuple[str, float, float]]) -> list[tuple[float, float]]:
    """The emotion curve's line: one point per column of cards, at the mean emotion.

    Touchpoints one above the other are the same moment of the journey on parallel
    branches (order online, or by WhatsApp, or by phone); joining them in journey
    order drew the line straight up and down at every branch.  The line follows the
    columns; every touchpoint keeps its own dot.
    """
    means: list[tuple[float, float]] = []
    column_x, ys = None, []
    for _, x, y in points:
        if column_x is not None and abs(x - column_x) < CARD_W / 2:
            ys.append(y)
            continue
        if ys:
            means.append((column_x, sum(ys) / len(ys)))
        column_x, ys = x, [y]
    if ys:
        means.append((column_x, sum(ys) / len(ys)))
    return means


def chip_rects(card: Rect, count: int) -> list[Rect]:
    """Slots for note chips along the bottom of a card, in reading order (LTR)."""
    shown = min(count, CHIPS_PER_CARD)
    y = card.bottom - CHIP_H - 6.0
    return [Rect(card.x + 8.0 + i * (CHIP_W + CHIP_GAP), y, CHIP_W, CHIP_H)
            for i in range(shown)]
