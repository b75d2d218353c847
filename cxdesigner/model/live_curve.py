"""The emotion curve kept up to date edit by edit for the canvas (``LiveCurve``),
equal to ``layout.emotion_curve`` and ``layout.curve_line`` after every edit.  Pure
arithmetic on the model: no Qt."""

from __future__ import annotations

import bisect

from . import schema as S
from .journey import JourneyMap
from .layout import CARD_W, Layout, Rect, curve_line, emotion_curve
from .live_layout import LayoutDelta, LiveLayout

PATCH_MAX = 128  # a curve patch past this many dots costs more than a rebuild
# A dot's x, shifted with its band, may differ from its card's centre in the last bit:
# dots of one column are those this close.
_SAME_X = 1e-6


class LiveCurve:
    """The emotion curve kept up to date: its dots (``emotion_curve``) and its line
    (``curve_line``), with ``xs``/``line_xs`` their x along the reading direction
    (negated in a right-to-left map, so both always ascend: a repaint finds its strip by
    bisection).  ``patch`` takes out and puts back only the dots of the touchpoints an
    edit touched and regroups only the columns around them; the result equals a
    rebuild, float for float (tests/test_layout.py)."""

    def __init__(self, journey: JourneyMap, persona: str = S.GENERAL):
        self.journey, self.persona = journey, persona
        self.points: list[tuple[float, float]] = []  # a dot per touchpoint with a value
        # The dots are in journey order, which is reading x order: cards of a later
        # stage lie further along the reading direction, and within a stage reading x
        # grows with the band-local x.  Dots of one reading x (a column of cards) follow
        # their touchpoints' band-local ``(x, y, id)`` (``LiveLayout.where``).  Nothing
        # is kept per dot but its place and its touchpoint, so a stage added before
        # thousands of dots shifts their x and nothing else.
        self.ids: list[str] = []
        self.dotted: set[str] = set()  # the touchpoints with a dot
        self.seen: Layout | None = None  # the layout the dots stand in
        self.line: list[tuple[float, float]] = []
        self.xs: list[float] = []
        self.line_xs: list[float] = []
        self.sorted = True  # xs ascend (always, unless the layout changes its ways)
        self.lane: Rect | None = None  # the lane the dots' y were computed for
        # The dots' and the line's y are kept relative: a dot stands at y + dy.  When
        # the bands grow or shrink the lane moves down or up as a whole, and only dy
        # changes (no dot of 5,000 is touched for a card added to the tallest stage).
        self.dy = 0.0

    def rebuild(self, live: LiveLayout) -> None:
        lay = live.layout
        sign = lay.rtl
        points = emotion_curve(self.journey, lay, self.persona)
        self.points = [(x, y) for _, x, y in points]
        self.xs = [-x for _, x, _ in points] if sign else [x for _, x, _ in points]
        self.ids = [tp for tp, _, _ in points]
        self.dotted = set(self.ids)
        self.seen = lay
        self.sorted = all(a <= b for a, b in zip(self.xs, self.xs[1:]))
        self.line = curve_line(points)
        self.line_xs = [-x for x, _ in self.line] if sign else [x for x, _ in self.line]
        self.lane = lay.lane
        self.dy = 0.0

    def scene_points(self) -> list[tuple[float, float]]:
        """The dots in scene units (``points`` moved by ``dy``)."""
        dy = self.dy
        return [(x, y + dy) for x, y in self.points] if dy else list(self.points)

    def scene_line(self) -> list[tuple[float, float]]:
        """The line in scene units (``line`` moved by ``dy``)."""
        dy = self.dy
        return [(x, y + dy) for x, y in self.line] if dy else list(self.line)

    def follow(self, live: LiveLayout, delta: LayoutDelta,
               touched: set[str]) -> tuple[float, float] | None:
        """Follow one applied change, given the layout's ``delta`` and the touchpoints
        it ``touched`` (moved, added, removed, or their emotion changed): shift the dots
        of bands that only moved, patch the rest.  Gives the scene x range to repaint
        (``None``: nothing changed), the whole lane when it rebuilt."""
        lay = live.layout
        whole = (lay.lane.x, lay.lane.right)
        if (delta.everything or not self.sorted or self.seen is None
                or (delta.lane_y and not self._lower(lay))):
            self.rebuild(live)
            return whole
        changed = set(touched)
        if not delta.shifted:
            return self.patch(live, changed | delta.moved)
        where, shifted = live.where, delta.shifted
        changed.update(tp for tp in delta.moved
                       if tp not in where or where[tp][0] not in shifted)
        if len(changed) > PATCH_MAX:
            self.rebuild(live)
            return whole
        # Out at their old places, the rest shifted, in at their new places: the dots
        # stay in order at every step.
        ends: list[float] = []
        self.lane = lay.lane
        if not self._take_out(changed, lay, ends):
            self.rebuild(live)
            return whole
        span = self._shift(delta.shift_from, delta.dx, lay)
        if not self._put_in(live, changed, ends):
            return whole
        patched = self._span(ends, lay.rtl)
        if patched is None:
            return span
        return (min(span[0], patched[0]), max(span[1], patched[1]))

    def _lower(self, lay: Layout) -> bool:
        """The lane moved up or down (the bands grew or shrank), keeping its height:
        every dot and the line move with it, which ``dy`` says.  False if the lane
        changed otherwise."""
        old = self.lane
        if old is None or old.h != lay.lane.h:
            return False
        self.dy += lay.lane.y - old.y
        self.lane = lay.lane
        return True

    def _shift(self, start: float, dx: float, lay: Layout) -> tuple[float, float]:
        """Move by ``dx`` every dot and column at scene x ``start`` or beyond: the
        bands there moved as one.  Gives the scene x range that changed."""
        rtl = lay.rtl
        rdx = -dx if rtl else dx  # along the reading direction
        for xs, points in ((self.xs, self.points), (self.line_xs, self.line)):
            # Scene x >= start: a suffix in reading order, a prefix right to left.
            if rtl:
                lo, hi = 0, bisect.bisect_right(xs, -start)
            else:
                lo, hi = bisect.bisect_left(xs, start), len(xs)
            xs[lo:hi] = [x + rdx for x in xs[lo:hi]]
            points[lo:hi] = [(x + dx, y) for x, y in points[lo:hi]]
        self.seen = lay
        return (min(start, start + dx), max(lay.lane.right, lay.lane.right - dx))

    def patch(self, live: LiveLayout, touched: set[str]) -> tuple[float, float] | None:
        """Follow the touchpoints ``touched`` (moved, added, removed, or their emotion
        changed) where no band only moved (else ``follow``).  Gives the scene x range
        to repaint (``None`` if no dot changed), or rebuilds and gives the whole lane
        when a patch would not pay."""
        lay = live.layout
        if len(touched) > PATCH_MAX or not self.sorted:
            self.rebuild(live)
            return (lay.lane.x, lay.lane.right)
        ends: list[float] = []  # where the dots and the line changed, reading x
        self.lane = lay.lane
        if not self._take_out(touched, lay, ends):
            self.rebuild(live)
            return (lay.lane.x, lay.lane.right)
        if not self._put_in(live, touched, ends):
            return (lay.lane.x, lay.lane.right)
        return self._span(ends, lay.rtl)

    @staticmethod
    def _span(ends: list[float], rtl: bool) -> tuple[float, float] | None:
        if not ends:
            return None  # no dot came, went or moved
        lo_x, hi_x = min(ends), max(ends)
        return (-hi_x, -lo_x) if rtl else (lo_x, hi_x)

    def _take_out(self, touched: set[str], lay: Layout, ends: list[float]) -> bool:
        """Each touched dot out, regrouping the line's columns around it at once: a
        dot moved far along the map leaves the columns between alone.  A dot is found
        where its card was in the layout the dots stand in (``seen``); False if one
        was not there (the curve is then to be rebuilt)."""
        xs, points, ids, seen = self.xs, self.points, self.ids, self.seen
        rtl = seen.rtl
        for tp in touched:
            if tp not in self.dotted:
                continue
            self.dotted.discard(tp)
            card = seen.cards.get(tp)
            if card is None:
                return False
            x = -card.center[0] if rtl else card.center[0]
            i, n = bisect.bisect_left(xs, x - _SAME_X), len(xs)
            while i < n and ids[i] != tp and xs[i] <= x + _SAME_X:  # along its column
                i += 1
            if i == n or ids[i] != tp:
                return False
            ends.append(xs[i])
            del xs[i], points[i], ids[i]
            self._regroup(i, len(xs) - i, lay, ends)
        return True

    def _put_in(self, live: LiveLayout, touched: set[str], ends: list[float]) -> bool:
        """Each touched dot in where it now is; False if that broke the reading order,
        and the curve was rebuilt."""
        lay = live.layout
        xs, points, ids, where = self.xs, self.points, self.ids, live.where
        nodes = self.journey.graph.nodes
        persona, general, rtl = self.persona, S.GENERAL, lay.rtl
        self.seen = lay
        for tp in touched:
            card, place = lay.cards.get(tp), where.get(tp)
            if card is None or place is None:
                continue
            table = nodes[tp]["emotions"]
            value = table.get(persona, table.get(general))
            if value is None:
                continue
            x = card.center[0]
            rx = -x if rtl else x
            i, key = bisect.bisect_left(xs, rx - _SAME_X), place[1]
            while i < len(xs) and xs[i] <= rx + _SAME_X and where[ids[i]][1] < key:
                i += 1  # along its column
            xs.insert(i, rx)
            ids.insert(i, tp)
            points.insert(i, (x, lay.emotion_y(value) - self.dy))
            self.dotted.add(tp)
            if (i and xs[i - 1] > xs[i]) or (i + 1 < len(xs) and xs[i] > xs[i + 1]):
                self.rebuild(live)  # not in reading order after all: paint it whole
                return False
            ends.append(xs[i])
            self._regroup(i, len(xs) - i - 1, lay, ends)
        return True

    def _regroup(self, lo: int, tail: int, lay: Layout, ends: list[float]) -> None:
        """Redo ``curve_line`` around a dot that came or went at ``lo`` (``tail`` dots
        after it unchanged): from the column before it to the first column after it
        that starts where a column started before; add where the line changed to
        ``ends``."""
        xs, points, line, line_xs = self.xs, self.points, self.line, self.line_xs
        n = len(xs)
        c0 = max(bisect.bisect_right(line_xs, xs[lo - 1]) - 1, 0) if lo else 0
        i = bisect.bisect_left(xs, line_xs[c0]) if lo and line_xs else 0
        c_old, stop, half = len(line_xs), n - tail, CARD_W / 2
        columns, keys = [], []
        while i < n:
            k = xs[i]
            # Past the change (and past its first unchanged dot, whose predecessor
            # changed), a column starts here as before if one started at this x: the dot
            # before is unchanged and lies in another column, so nothing else did.
            if i > stop:
                c = bisect.bisect_left(line_xs, k)
                if c < len(line_xs) and line_xs[c] == k:
                    c_old = c
                    break
            total, j = 0, i
            while j < n and abs(xs[j] - k) < half:
                total += points[j][1]
                j += 1
            columns.append((points[i][0], total / (j - i)))
            keys.append(k)
            i = j
        old_columns = line[c0:c_old]
        line[c0:c_old] = columns
        line_xs[c0:c_old] = keys
        # The line changed from the column before the first one that changed to the
        # one after the last that changed.
        same = 0
        while same < min(len(columns), len(old_columns)) and columns[same] == old_columns[same]:
            same += 1
        end = 0
        while (end < min(len(columns), len(old_columns)) - same
               and columns[-1 - end] == old_columns[-1 - end]):
            end += 1
        first, after = c0 + same - 1, c0 + len(columns) - end
        if first >= 0:
            ends.append(line_xs[first])
        else:
            ends.append(-lay.lane.right if lay.rtl else lay.lane.x)
        if after < len(line_xs):
            ends.append(line_xs[after])
        else:
            ends.append(-lay.lane.x if lay.rtl else lay.lane.right)
