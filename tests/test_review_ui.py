"""Reviews in the editor: how often the map is reviewed (map details)."""

from __future__ import annotations

from cxdesigner.model import JourneyMap
from cxdesigner.ui.dialogs.map_details import MapDetailsDialog


def test_the_review_interval_is_a_map_detail_the_dialog_changes(qtbot):
    dialog = MapDetailsDialog(JourneyMap())
    qtbot.addWidget(dialog)
    assert dialog.review.value() == 4 and "review_months" not in dialog.changes()
    dialog.review.setValue(5)
    assert dialog.changes() == {"review_months": 5}


import datetime as dt  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QInputDialog  # noqa: E402

from cxdesigner.ui.document.document import Document  # noqa: E402
from cxdesigner.ui.main_window import MainWindow  # noqa: E402


@pytest.fixture
def window(qtbot, temp_settings, close_all_windows):
    journey = JourneyMap({"created": "2026-01-10T09:00:00"})
    journey.add_stage("Buy", id="s1")
    journey.add_touchpoint("s1", "Till", id="t1", emotions={"*": -1})
    journey.add_touchpoint("s1", "Door", id="t2")
    journey.add_note("pain_point", "Slow till", "t1", id="n1")
    journey.add_action("Second till", addresses=["n1"], id="a1")
    journey.add_feedback([{"touchpoint": "t1", "nps": n, "date": "2026-02-01"}
                          for n in (10, 2, 3)])
    window = MainWindow(Document(journey))
    window.review.today = lambda: dt.date(2026, 3, 1)
    window.review.refresh()
    window.show()
    return window


def strip(text: str) -> str:
    return text.strip("\u2066\u2067\u2068\u2069")


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_the_review_menu_sits_before_view(window):
    titles = menu_titles(window)
    assert titles.index("&Review") == titles.index("&View") - 1


def test_the_next_review_follows_the_map_made_and_its_interval(window):
    assert window.review.label.text() == "Next review: 2026-05-10"
    window.document.journey.set_document(review_months=3)
    assert window.review.label.text() == "Next review: 2026-04-10"


def test_an_overdue_review_says_so(window):
    window.review.today = lambda: dt.date(2026, 9, 1)
    window.review.refresh()
    assert window.review.label.text() == "Review overdue since 2026-05-10"


def test_taking_a_snapshot_is_one_undo_step_and_moves_the_next_review(window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Spring review", True))
    window.review.take_action.trigger()
    journey = window.document.journey
    (shot,) = journey.snapshots()
    assert journey.title(shot) == "Spring review"
    from cxdesigner.model.snapshots import add_months

    taken = dt.date.fromisoformat(journey.get(shot)["taken"][:10])
    assert window.review.label.text().endswith(add_months(taken, 4).isoformat())
    assert window.review.compare_action.isEnabled()
    window.document.undo_stack.undo()
    assert journey.snapshots() == [] and not window.review.compare_action.isEnabled()


def test_compare_shows_the_nps_change_and_the_resolved_pain_point(window, qtbot):
    journey = window.document.journey
    window.review.take_snapshot("Before")
    journey.add_feedback([{"touchpoint": "t1", "nps": 10, "date": "2026-02-20"}
                          for _ in range(3)])
    journey.set_fields("a1", status="done")
    journey.set_emotion("t1", 1)
    window.review.compare_action.trigger()
    dialog = window.review.dialog
    qtbot.waitUntil(dialog.isVisible)
    # NPS before: 1 promoter, 2 detractors of 3 = -33; after: 4 and 2 of 6 = +33.
    scores = dialog.scores
    assert [strip(scores.item(0, c).text()) for c in (1, 2, 3)] == ["−33", "33", "+67"]
    notes = dialog.notes
    assert notes.rowCount() == 1 and notes.item(0, 2).text() == "Resolved"
    assert strip(dialog.emotions.item(0, 4).text()) == "+2"
    assert dialog.tabs.tabText(3) == "Actions (1)"
    dialog.close()


def test_compare_without_a_snapshot_explains_what_to_do(window, qtbot):
    from cxdesigner.ui.dialogs.compare_view import CompareDialog

    dialog = CompareDialog(window.document.journey, window)
    qtbot.addWidget(dialog)
    assert "no snapshot yet" in dialog.summary.text() and dialog.tabs.count() == 0
