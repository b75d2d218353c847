"""Undoable edits of customer feedback: an import, an assignment, a note made from
feedback items.  Each is one step, whatever the number of items."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..model import JourneyMap
from . import ChangeCommand, tr


class ImportFeedbackCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, items: list[Mapping[str, Any]]):
        super().__init__(journey, tr("Import Feedback"), lambda: journey.add_feedback(items))


class AssignFeedbackCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, items: Iterable[str], touchpoint: str | None):
        items = list(items)
        super().__init__(journey, tr("Assign Feedback"),
                         lambda: journey.assign_feedback(items, touchpoint))


class NoteFromFeedbackCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, items: Iterable[str], note_kind: str,
                 title: str):
        items = list(items)
        super().__init__(journey, tr("Note from Feedback"),
                         lambda: journey.note_from_feedback(items, note_kind, title))


class TakeSnapshotCommand(ChangeCommand):
    """Keep the map as it is now under a name, for the next review to compare with."""

    def __init__(self, journey: JourneyMap, name: str):
        from ..model.snapshots import take_snapshot

        super().__init__(journey, tr("Take Snapshot"), lambda: take_snapshot(journey, name))
