"""The layout kept up to date edit by edit, for the canvas (``LiveLayout``): equal to a
fresh ``layout.compute`` after every edit, float for float (tests/test_layout.py).
Pure arithmetic on the model: no Qt."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from itertools import chain
from operator import itemgetter

from . import schema as S
from .journey import JourneyMap
from .layout import (BAND_GAP, BAND_HEADER, BAND_PAD, CARD_H, CARD_W, MIN_BAND_H, MIN_BAND_W,
                     Layout, Rect, _gather, _lay_out, _slot, lay_lanes)


def _card(band: Rect, x: float, y: float, rtl: bool) -> Rect:
    """A card's rect in its band: the arithmetic of ``compute``, term for term, so the
    live layout equals a fresh one to the last bit."""
    top = band.y + BAND_HEADER + BAND_PAD
    tx, ty = max(0.0, x), max(0.0, y)
    cx = band.right - BAND_PAD - CARD_W - tx if rtl else band.x + BAND_PAD + tx
    return Rect(cx, top + ty, CARD_W, CARD_H)


class LiveCards(Mapping):
    """The live layout's cards: each rect made from its band when first asked for.

    A stage added before thousands of cards moves their bands, not the cards within
    them: giving each of them a new rect at every such edit was most of its cost.  So
    a card's rect is made when someone asks (the canvas asks for the cards it shows),
    from the band and the band-local place the layout held at that edit (``where``,
    never changed afterwards: an edit that moves a card gets a new one), and kept per
    stage; a later layout keeps the rects of the stages whose band kept its x and
    width and whose cards did not change."""

    __slots__ = ("_bands", "_where", "_rtl", "_kept")

    def __init__(self, bands: dict[str, Rect], where: dict[str, tuple[str, tuple]],
                 rtl: bool, kept: dict[str, dict[str, Rect]] | None = None):
        self._bands, self._where, self._rtl = bands, where, rtl
        self._kept: dict[str, dict[str, Rect]] = {} if kept is None else kept

    def __getitem__(self, tp: str) -> Rect:
        stage, key = self._where[tp]
        kept = self._kept.get(stage)
        if kept is None:
            kept = self._kept[stage] = {}
        else:
            rect = kept.get(tp)
            if rect is not None:
                return rect
        rect = kept[tp] = _card(self._bands[stage], key[0], key[1], self._rtl)
        return rect

    def get(self, tp: str, default: Rect | None = None) -> Rect | None:
        # Mapping.get goes through a raised KeyError: this runs for every flow routed.
        return self[tp] if tp in self._where else default

    def __contains__(self, tp: object) -> bool:
        return tp in self._where

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def kept_for(self, bands: dict[str, Rect], stale: set[str]) -> dict[str, dict[str, Rect]]:
        """The rects a later layout with ``bands`` may keep: those of every stage but
        the ``stale`` ones (their cards changed) whose band kept its x and width."""
        mine = self._bands
        out = {}
        for stage, kept in self._kept.items():
            if stage in stale:
                continue
            was, now = mine.get(stage), bands.get(stage)
            if was is not None and now is not None and was.x == now.x and was.w == now.w:
                out[stage] = kept
        return out


@dataclass(frozen=True, slots=True)
class LayoutDelta:
    """What one ``LiveLayout.update`` moved."""
    # Cards with a new rect (or gone), but for those of the ``shifted`` bands the edit
    # did not touch: they moved with their band.
    moved: frozenset[str] = frozenset()
    bands: frozenset[str] = frozenset()  # stages with a new band (or gone)
    lane: bool = False  # the emotion lane moved or resized
    lanes: bool = False  # a shown lane came, went, moved or resized
    slotted: frozenset[str] = frozenset()  # touchpoints whose cells changed slot
    order: bool = False  # the journey order changed
    everything: bool = False  # recomputed from scratch (the direction changed)
    lane_y: bool = False  # the lane's top or height changed: every curve point's y
    # Bands that only moved, all by ``dx``, with the same width and height: every band
    # from scene x ``shift_from`` on (before the edit) and no other.  A card of theirs
    # the edit did not touch moved by ``dx`` too.
    shifted: frozenset[str] = frozenset()
    shift_from: float = 0.0
    dx: float = 0.0


_Y, _ID = itemgetter(1), itemgetter(2)  # of a (x, y, id) key


class LiveLayout:
    """The layout kept up to date edit by edit, for the canvas.

    ``compute`` costs ~35 ms at 5,000 touchpoints; an edit moves a card or two.  Here a
    stage keeps its touchpoints sorted (by the key ``compute`` sorts by), an edit
    re-sorts and re-measures only the stages it touched, and the bands are laid again
    only from the first one whose width changed (the later ones move by the change, so
    their cards do too).  The result equals ``compute`` from scratch, float for float
    (tests/test_layout.py checks it after random edits).
    """

    def __init__(self, journey: JourneyMap):
        self.journey = journey
        self.reset()

    def reset(self) -> Layout:
        nodes, self.stages, tps = _gather(self.journey)
        lay = _lay_out(self.journey, nodes, self.stages, tps)
        # Each stage's touchpoints as sorted keys (what _gather sorted them by).
        self.members: dict[str, list[tuple]] = {}
        self.where: dict[str, tuple[str, tuple]] = {}  # touchpoint -> (stage, key)
        self.tps: dict[str, list[str]] = {}  # the members' ids, for the journey order
        self.widths: dict[str, float] = {}
        self.heights: dict[str, float] = {}  # the band height each stage asks for
        self.depths: dict[str, int] = {}  # the most cells a column of the stage stacks
        for stage, ids in tps.items():
            keys = self.members[stage] = [(nodes[t]["x"], nodes[t]["y"], t) for t in ids]
            for key in keys:
                self.where[key[2]] = (stage, key)
            self._measure(stage)
            self.depths[stage] = _slot(keys, {})
        self.height = max([MIN_BAND_H, *self.heights.values()])
        made = lay.cards
        kept = {stage: {tp: made[tp] for tp in ids} for stage, ids in tps.items()}
        self.layout = lay = replace(lay, cards=LiveCards(lay.bands, self.where, lay.rtl, kept))
        return lay

    def _measure(self, stage: str) -> None:
        keys = self.members[stage]
        # map() and itemgetter: a stage may hold thousands, and this runs at every edit
        # of one of them.
        self.tps[stage] = list(map(_ID, keys))
        # Sorted by x: the farthest card is the last one.
        far_x = max(0.0, keys[-1][0]) if keys else 0.0
        far_y = max(0.0, max(map(_Y, keys))) if keys else 0.0
        self.widths[stage] = max(MIN_BAND_W, far_x + CARD_W + 2 * BAND_PAD)
        self.heights[stage] = BAND_HEADER + far_y + CARD_H + 2 * BAND_PAD

    def update(self, touched: set[str], stages_changed: bool = False,
               lanes_changed: bool = False) -> LayoutDelta:
        """Follow an applied change.  ``touched``: touchpoints added, removed, moved or
        moved to another stage; ``stages_changed``: stages came, went or were
        reordered; ``lanes_changed``: lanes came, went, moved or were hidden or shown.
        A change of direction needs ``reset`` (everything moves)."""
        j, old = self.journey, self.layout
        rtl = j.document["direction"] == "rtl"
        if rtl != old.rtl:
            self.reset()
            return LayoutDelta(everything=True)
        members, widths, heights = self.members, self.widths, self.heights
        old_widths = dict(widths) if stages_changed else None
        dirty: set[str] = set()
        stages = self.stages
        if stages_changed:
            stages = self.stages = j.stages()
            for stage in stages:
                if stage not in members:
                    members[stage] = []
                    dirty.add(stage)
            if len(members) > len(stages):
                known = set(stages)
                for stage in [s for s in members if s not in known]:
                    del members[stage], widths[stage], heights[stage], self.tps[stage]
                    del self.depths[stage]
        nodes = j.graph.nodes
        if touched:  # the old layout's cards keep reading the old places
            self.where = dict(self.where)
        for tp in touched:
            was = self.where.pop(tp, None)
            if was is not None and was[0] in members:
                keys = members[was[0]]
                del keys[bisect.bisect_left(keys, was[1])]
                dirty.add(was[0])
            if tp in j and j.kind_of(tp) == S.TOUCHPOINT:
                stage, attrs = j.stage_of(tp), nodes[tp]
                key = (attrs["x"], attrs["y"], tp)
                bisect.insort(members[stage], key)
                self.where[tp] = (stage, key)
                dirty.add(stage)
        resized = set()
        tall = stages_changed  # a removed stage may have been the tallest
        for stage in dirty:
            width, height = widths.get(stage), heights.get(stage)
            self._measure(stage)
            if widths[stage] != width:
                resized.add(stage)
            tall = tall or heights[stage] != height
        old_height = self.height
        height = max([MIN_BAND_H, *heights.values()]) if tall else old_height
        self.height = height

        # Bands: from the first one that moved or changed width, laid as compute lays
        # them; the ones before keep their place (and only change height, if that did).
        order = stages[::-1] if rtl else stages
        old_order = tuple(old.bands)
        if stages_changed:
            start = next((i for i, (a, b) in enumerate(zip(order, old_order))
                          if a != b or widths[a] != old_widths.get(b)),
                         min(len(order), len(old_order)))
        else:
            last = len(order) - 1
            start = min((last - j.stage_position(s) if rtl else j.stage_position(s)
                         for s in resized), default=len(order))
        if stages_changed:  # a new dict, in the new reading order
            bands = {s: old.bands[s] for s in order[:start]}
        else:
            bands = dict(old.bands)
        changed_bands = set(order[start:])
        if height != old_height:  # every band: rare, and all of them change
            changed_bands.update(order)
            for stage in order[:start]:
                band = bands[stage]
                bands[stage] = Rect(band.x, 0.0, band.w, height)
        x = 0.0
        if start:
            prev = order[start - 1]
            x = bands[prev].x + (widths[prev] + BAND_GAP)
        for stage in order[start:]:
            bands[stage] = Rect(x, 0.0, widths[stage], height)
            x += widths[stage] + BAND_GAP
        changed_bands = {s for s in changed_bands if old.bands.get(s) != bands[s]}
        if stages_changed:
            changed_bands.update(s for s in old.bands if s not in bands)

        # Cards: the touched ones, and every card of a band that moved but did not only
        # shift (those of a shifted band moved with it: ``LiveCards`` makes their rects
        # when asked).
        shifted, shift_from, dx = _shift(order[start:], old.bands, bands)
        old_cards = old.cards
        cards = LiveCards(bands, self.where, rtl, old_cards.kept_for(bands, dirty))
        moved = set()
        for tp in touched:
            if tp not in cards:
                if tp in old_cards:
                    moved.add(tp)
            elif old_cards.get(tp) != cards[tp]:
                moved.add(tp)
        for stage in changed_bands:
            band, was = bands.get(stage), old.bands.get(stage)
            if (band is None or stage in shifted
                    or (was is not None and band.x == was.x and band.w == was.w)):
                continue
            for _, _, tp in members[stage]:
                if old_cards.get(tp) != cards[tp]:
                    moved.add(tp)

        journey_order = old.order
        if dirty or stages_changed:
            tps = self.tps
            journey_order = tuple(chain.from_iterable(tps[s] for s in stages))
        slots, slotted, depth = self._slots(dirty, touched, old, stages_changed)
        last = bands[order[-1]] if order else None
        total_w = max(0.0, last.x + (last.w + BAND_GAP) - BAND_GAP) if last else 0.0
        if (lanes_changed or height != old_height or depth != old.depth
                or max(total_w, MIN_BAND_W) != old.lane.w):
            lanes, lane, bottom = lay_lanes(j, height, max(total_w, MIN_BAND_W), depth)
        else:
            lanes, lane, bottom = old.lanes, old.lane, old.bounds.bottom
        if (not moved and not changed_bands and lane == old.lane and lanes == old.lanes
                and journey_order == old.order and not slotted):
            return LayoutDelta()
        self.layout = Layout(rtl, bands, cards, lane, Rect(0.0, 0.0, lane.w, bottom),
                             journey_order, lanes, slots, depth)
        return LayoutDelta(frozenset(moved), frozenset(changed_bands), lane != old.lane,
                           lanes != old.lanes, frozenset(slotted),
                           journey_order != old.order,
                           lane_y=(lane.y, lane.h) != (old.lane.y, old.lane.h),
                           shifted=shifted, shift_from=shift_from, dx=dx)

    def _slots(self, dirty: set[str], touched: set[str], old: Layout,
               stages_changed: bool) -> tuple[dict[str, int], set[str], int]:
        """The slots after an edit: the stages it touched are stacked again."""
        if not dirty and not touched and not stages_changed:
            return old.slots, set(), old.depth
        slots = dict(old.slots)
        for tp in touched:
            if tp not in self.where:
                slots.pop(tp, None)
        fresh: dict[str, int] = {}
        grew = False
        for stage in dirty:
            depth = _slot(self.members[stage], fresh)
            grew = grew or depth != self.depths.get(stage)
            self.depths[stage] = depth
        slotted = {tp for tp, slot in fresh.items() if slots.get(tp) != slot}
        slots.update(fresh)
        # A stage gone may have been the deepest.
        depth = (max(self.depths.values(), default=1) if grew or stages_changed
                 else old.depth)
        return slots, slotted, max(depth, 1)


def _shift(laid: list[str], old: dict[str, Rect],
           new: dict[str, Rect]) -> tuple[frozenset[str], float, float]:
    """The bands among those ``laid`` again that only moved, when they all moved by one
    ``dx`` and lie after every band that changed otherwise (a stage added, removed or
    widened before them): ``(stages, their first old x, dx)``, else nothing."""
    shifted, dx, start = [], None, None
    for stage in laid:
        was, now = old.get(stage), new[stage]
        if was is not None and (was.w, was.h, was.y) == (now.w, now.h, now.y) and was.x != now.x:
            if dx is None:
                dx, start = now.x - was.x, was.x
            elif now.x - was.x != dx:
                return frozenset(), 0.0, 0.0
            shifted.append(stage)
        elif shifted:  # a change after the moved ones: no one shift
            return frozenset(), 0.0, 0.0
    if dx is None:
        return frozenset(), 0.0, 0.0
    return frozenset(shifted), start, dx
