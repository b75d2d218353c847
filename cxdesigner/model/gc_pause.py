"""Pausing Python's cyclic garbage collector around bulk work (no Qt)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0  # pauses in force, from any thread
_resume = False  # whether automatic collection was on when the first pause began


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; collection resumes as before after it.

    For work that makes a great many objects which all stay alive (loading a map,
    building a report, indexing a big map's flows): each full collection would walk
    all of them again, for nothing, and on a large map that is a quarter of the time.

    Pauses from several threads nest (a report drawn on a worker while the GUI thread
    opens a file): collection resumes when the last one ends, not the first.
    """
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()


def is_paused() -> bool:
    """True while some thread is inside ``collector_paused``."""
    return _depth > 0
