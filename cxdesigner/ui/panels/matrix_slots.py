"""Where the dots of a crowded cell of the priority matrix sit: slots that keep.

A cell of a few dots fans them out in rank order (``fan_offsets``) and is laid again
whenever a dot comes or goes: the best-ranked note reads first.  A crowded cell, of more
than ``CROWDED`` dots a few pixels each, would move a thousand dots for each one that
came or went (a frame's time on a big map, for an order nobody can read at that size).
So a crowded cell keeps its dots in the slots of a fixed square grid until they leave: a
dot that comes takes the first free slot in reading order (the best-ranked first when
several come at once), and the grid is laid again, in rank order, only when it is full or
less than a quarter full.  Plain arithmetic: no Qt.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Collection, Sequence

CROWDED = 64  # more dots than this in a cell: slots
SIDES = (9, 12, 16, 20, 24, 32, 40, 48, 64)  # the grids' sides, each about 4/3 of the last


def side_for(count: int) -> int:
    """The side of the smallest grid that holds ``count`` dots."""
    for side in SIDES:
        if side * side >= count:
            return side
    return math.ceil(math.sqrt(count))


class CellSlots:
    """The slot of each dot of one crowded cell (row by row from the reading start)."""

    def __init__(self, notes: Sequence[str]):
        """Slots for ``notes`` in rank order: the best-ranked in the first slot."""
        self.side = side = side_for(len(notes))
        self.of: dict[str, int] = {note: i for i, note in enumerate(notes)}
        self._free = list(range(len(notes), side * side))  # ascending: a valid heap

    def holds(self, count: int) -> bool:
        """Whether ``count`` dots keep this grid (not over full, nor under a quarter)."""
        room = self.side * self.side
        return CROWDED < count <= room and 4 * count >= room

    def follow(self, members: Collection[str], rank: Callable[[str], object]) -> list[str] | None:
        """Free the slots of the notes gone and give the notes come the first free
        ones, best-ranked first.  The notes that took a slot, or ``None`` when the grid
        no longer fits and the cell is to be laid again."""
        if not self.holds(len(members)):
            return None
        of, free = self.of, self._free
        members = members if isinstance(members, (set, frozenset)) else set(members)
        for note in of.keys() - members:
            heapq.heappush(free, of.pop(note))
        come = sorted(members - of.keys(), key=rank)
        for note in come:
            of[note] = heapq.heappop(free)
        return come

    def offset(self, note: str, pitch_room: float) -> tuple[float, float]:
        """The note's slot as an offset from the cell's centre, along the reading
        direction and down, in a square of ``pitch_room`` a side."""
        side = self.side
        pitch = pitch_room / side
        row, col = divmod(self.of[note], side)
        middle = (side - 1) / 2
        return (col - middle) * pitch, (row - middle) * pitch
