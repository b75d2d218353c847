"""Cyclic garbage is collected on the GUI thread only, and never while a worker is
inside a pause (ui/gui_gc.py, model/gc_pause.py)."""

from __future__ import annotations

import gc
import threading

import pytest

from cxdesigner.model.gc_pause import collector_paused, is_paused
from cxdesigner.ui import gui_gc


@pytest.fixture
def automatic_gc():
    """Automatic collection as it was before the test, whatever the test leaves."""
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_pauses_from_two_threads_resume_collection_only_when_both_end(automatic_gc):
    gc.enable()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def first():
        with collector_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    worker = threading.Thread(target=first)
    worker.start()
    first_in.wait(5)
    with collector_paused():
        second_in.set()
        first_out.wait(5)
        seen["after the first ended"] = gc.isenabled()
    worker.join(5)
    assert seen == {"after the first ended": False}
    assert gc.isenabled() and not is_paused()


def test_a_pause_leaves_collection_off_when_it_was_off(automatic_gc):
    gc.disable()
    with collector_paused():
        assert is_paused()
    assert not gc.isenabled()


def test_the_collector_collects_cycles_past_the_threshold(automatic_gc):
    gc.disable()
    gc.collect()

    class Node:
        pass
    for _ in range(50):
        a, b = Node(), Node()
        a.other, b.other = b, a
    del a, b
    assert gc.get_count()[0] > 10
    assert gui_gc.collect_due((10, 10, 10)) == 0
    assert not any(type(o) is Node for o in gc.get_objects())


def test_the_collector_waits_while_a_worker_is_paused(automatic_gc):
    gc.disable()
    for _ in range(50):
        a = []
        a.append(a)
    with collector_paused():
        assert gui_gc.collect_due((10, 10, 10)) is None
    assert gui_gc.collect_due((10, 10, 10)) == 0


def test_a_window_turns_automatic_collection_over_to_the_gui_thread(qapp, automatic_gc):
    gc.enable()
    collector = gui_gc.collect_on_gui_thread_only()
    assert collector is not None and not gc.isenabled()
    assert collector.timer.isActive()
    assert gui_gc.collect_on_gui_thread_only() is collector  # one per application
