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
