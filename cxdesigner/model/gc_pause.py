"""Pausing Python's cyclic garbage collector around bulk work (no Qt)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; collection resumes as before after it.

    For work that makes a great many objects which all stay alive (loading a map,
    building a report, indexing a big map's flows): each full collection would walk
    all of them again, for nothing, and on a large map that is a quarter of the time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
