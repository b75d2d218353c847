"""Where everything sits, in scene units: one layout for the canvas and the report.

Stages are bands side by side in reading order (left to right, or right to left for
an RTL map); a touchpoint's ``x, y`` are measured inside its band from the band's
reading-start edge, so mirroring a map never changes its file.  Under the bands runs
the emotion lane.  Pure arithmetic on the model: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import schema as S
from .journey import JourneyMap

CARD_W, CARD_H = 200.0, 120.0
BAND_HEADER = 64.0  # the stage title strip
BAND_PAD = 24.0
BAND_GAP = 8.0
MIN_BAND_W = CARD_W + 2 * BAND_PAD
MIN_BAND_H = CARD_H + 2 * BAND_PAD + 160.0
LANE_GAP, LANE_H = 24.0, 200.0
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
    rtl = journey.document["direction"] == "rtl"
    # One pass into a plain dict: NetworkX's node view costs a call per look-up, and
    # this runs after every edit that can move something.
    graph = journey.graph
    nodes = dict(graph.nodes(data=True))
    stages = journey.stages()
    # One pass over the links rather than a query per stage, whose fixed cost
    # dominated on maps of many small stages; same order as touchpoints_in().
    members: dict[str, list[str]] = {s: [] for s in stages}
    for tp, stage, kind in graph.edges(data="kind"):
        if kind == S.IN_STAGE and stage in members:
            members[stage].append(tp)
    for tps in members.values():
        if len(tps) > 1:
            tps.sort(key=lambda t: (nodes[t]["x"], nodes[t]["y"], t))
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
    lane = Rect(0.0, height + LANE_GAP, max(total_w, MIN_BAND_W), LANE_H)
    bounds = Rect(0.0, 0.0, lane.w, lane.bottom)
    order = tuple(t for stage in stages for t in members[stage])
    return Layout(rtl, bands, cards, lane, bounds, order)


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
