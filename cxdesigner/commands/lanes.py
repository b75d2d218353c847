"""The undoable edits of lanes and their cells (``model/lane_edits.py``)."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Change, JourneyMap
from . import ChangeCommand, tr


class AddLanesCommand(ChangeCommand):
    """One lane, or several at once (the whole blueprint) as one step."""

    def __init__(self, journey: JourneyMap, lanes: Iterable[tuple[str, str]]):
        lanes = list(lanes)  # (lane kind, title)

        def edit() -> Change:
            if len(lanes) == 1:
                return journey.add_lane(*lanes[0])
            with journey.group("Add lanes") as out:
                for kind, title in lanes:
                    journey.add_lane(kind, title)
            return out[0]
        super().__init__(journey, tr("Add Lane") if len(lanes) == 1 else tr("Add Lanes"),
                         edit)


class MoveLaneCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, lane: str, index: int):
        super().__init__(journey, tr("Move Lane"), lambda: journey.move_lane(lane, index))


class RenameLaneCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, lane: str, title: str):
        super().__init__(journey, tr("Rename Lane"),
                         lambda: journey.set_lane(lane, title=title))


class ShowLaneCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, lane: str, shown: bool):
        super().__init__(journey, tr("Show Lane") if shown else tr("Hide Lane"),
                         lambda: journey.set_lane(lane, hidden=not shown))


class RemoveLaneCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, lane: str):
        super().__init__(journey, tr("Remove Lane"), lambda: journey.remove(lane))


class SetCellCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, tp: str, lane: str, text: str):
        super().__init__(journey, tr("Edit Cell"), lambda: journey.set_cell(tp, lane, text))


class SetMarkCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, tp: str, lane: str, mark: str | None):
        text = {"fail": tr("Mark Fail Point"), "wait": tr("Mark Wait Point")}.get(
            mark, tr("Clear Mark"))
        super().__init__(journey, text, lambda: journey.set_mark(tp, lane, mark))
