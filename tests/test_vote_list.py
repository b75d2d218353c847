"""The vote list at workshop scale: a dot or a change of the list's height repaints,
never lays out every row again (issue 10)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from cxdesigner.model import JourneyMap
from cxdesigner.ui.workshop import voting


def filled_list(qtbot, notes: int = 300) -> tuple[voting.VoteList, list[str]]:
    j = JourneyMap()
    stage = j.add_stage("Stage").id
    tp = j.add_touchpoint(stage, "Card").id
    ids = [j.add_note("pain_point", f"A note long enough to wrap in a narrow list {i}",
                      on=tp).id for i in range(notes)]
    view = voting.VoteList()
    qtbot.addWidget(view)
    view.resize(300, 400)
    view.fill(j, {})
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot)
    return view, ids


def settle(qtbot) -> None:
    qtbot.wait(150)  # a wrapping list lays out 100 ms after a resize
    QApplication.processEvents()


def count_layouts(monkeypatch) -> list[int]:
    calls = [0]
    original = voting._DotsDelegate.sizeHint

    def counting(self, option, index):
        calls[0] += 1
        return original(self, option, index)

    # Before the list is made: PySide looks a Python override up when it wraps the
    # object, so a method patched later is not seen.
    monkeypatch.setattr(voting._DotsDelegate, "sizeHint", counting)
    return calls


def test_a_dot_repaints_its_row_without_laying_out_the_list(qtbot, monkeypatch):
    calls = count_layouts(monkeypatch)
    view, ids = filled_list(qtbot)
    assert calls[0] >= 300  # counted: the first layout measured every row
    calls[0] = 0
    view.set_dots({ids[5]: 2})
    settle(qtbot)
    assert view.dots(ids[5]) == 2 and view.dots(ids[6]) == 0
    assert calls[0] < 10


def test_a_taller_list_keeps_its_rows_and_a_narrower_one_wraps_them_again(
        qtbot, monkeypatch):
    calls = count_layouts(monkeypatch)
    view, _ = filled_list(qtbot)
    calls[0] = 0
    view.resize(300, 300)
    settle(qtbot)
    assert calls[0] < 10
    view.resize(QSize(view.width() + 80, 300))
    settle(qtbot)
    assert calls[0] >= 300  # every row measured again for the new width
