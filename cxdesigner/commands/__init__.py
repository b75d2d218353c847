"""Undoable edits: each user action is one ``QUndoCommand`` over one model ``Change``.

A command runs its model edit the first time it is pushed, keeps the ``Change`` the
model returns, and afterwards only replays it or its inverse, so redo gives back the
very same elements (same ids).  Commands never touch canvas items: the items follow
the model's events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..model import Change, JourneyMap
from ..model.events import Event
from .replay import conflict


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class ChangeCommand(QUndoCommand):
    """An edit given as a function of the model that returns its ``Change``.

    Build it, call ``run()`` (which may raise ``ModelError`` and then leaves the
    document untouched), and push it only if ``change`` is not empty.  Pushing calls
    ``redo``, which the first time does nothing: the edit is already applied.
    """

    def __init__(self, journey: JourneyMap, text: str, edit: Callable[[], Change]):
        super().__init__(text)
        self.journey = journey
        self._edit = edit
        self.change: Change | None = None
        self._fresh = False

    def run(self) -> Change:
        self.change = self._edit()
        self._fresh = True
        return self.change

    def redo(self) -> None:  # Qt's name
        if self.change is None:
            self.run()
        if self._fresh:
            self._fresh = False
            return
        self._replay(self.change, "redo_skipped")

    def undo(self) -> None:  # Qt's name
        self._replay(self.change.inverse(), "undo_skipped")

    def _replay(self, change: Change, skipped: str) -> None:
        # In a live map others' edits come between this stack's steps: a step that no
        # longer fits is skipped whole (never half applied) and said, through the model's
        # events, to whoever shows messages (the document).
        found = conflict(self.journey, change)
        if found is None:
            self.journey.apply(change)
        else:
            self.journey.events.emit(Event(skipped, found.kind, found.id, keys=(found.reason,)))

    @property
    def created(self) -> str | None:
        """The id of the element the edit created or acted on, if one."""
        return self.change.id if self.change else None


# Named commands, one per kind of user action.  They only choose the model call and
# the text the Edit menu shows ("Undo Move Touchpoints").

class AddStageCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, title: str = "", index: int | None = None):
        super().__init__(journey, tr("Add Stage"), lambda: journey.add_stage(title, index))


class AddTouchpointCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, stage: str, title: str = "", *,
                 flow_from: str | None = None, **fields):
        super().__init__(journey, tr("Add Touchpoint"), lambda: journey.add_touchpoint(
            stage, title, flow_from=flow_from, **fields))


class AddNoteCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, note_kind: str, title: str = "",
                 on: str | None = None, **fields):
        super().__init__(journey, tr("Add Note"), lambda: journey.add_note(
            note_kind, title, on, **fields))


class AddActionCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, title: str = "", parent: str | None = None,
                 addresses: Iterable[str] = ()):
        super().__init__(journey, tr("Add Action"), lambda: journey.add_action(
            title, parent, addresses=list(addresses)))


class AddPersonaCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, title: str = "", persona_kind: str = "new"):
        super().__init__(journey, tr("Add Persona"),
                         lambda: journey.add_persona(title, persona_kind))


class AddFlowCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, source: str, target: str):
        super().__init__(journey, tr("Connect Touchpoints"),
                         lambda: journey.add_flow(source, target))


class RemoveFlowsCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, flows: Iterable[tuple[str, str]]):
        flows = list(flows)

        def edit() -> Change:
            with journey.group("Remove flows") as out:
                for source, target in flows:
                    journey.remove_flow(source, target)
            return out[0]
        super().__init__(journey, tr("Delete Flow"), edit)


class MoveTouchpointsCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap,
                 moves: Iterable[tuple[str, str | None, float, float]]):
        moves = list(moves)
        super().__init__(journey, tr("Move Touchpoints"),
                         lambda: journey.move_touchpoints(moves))


class MoveStageCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, stage: str, index: int):
        super().__init__(journey, tr("Move Stage"), lambda: journey.move_stage(stage, index))


class RemoveElementsCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, ids: Iterable[str]):
        ids = list(ids)
        super().__init__(journey, tr("Delete"), lambda: journey.remove_many(ids))


class EditFieldsCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, node_id: str, text: str | None = None, **fields):
        super().__init__(journey, text or tr("Edit Properties"),
                         lambda: journey.set_fields(node_id, **fields))


class RenameCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, node_id: str, title: str):
        super().__init__(journey, tr("Rename"), lambda: journey.rename(node_id, title))


class SetEmotionCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, touchpoint: str, value: int | None, persona: str):
        super().__init__(journey, tr("Set Emotion"),
                         lambda: journey.set_emotion(touchpoint, value, persona))


class EditDocumentCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, **fields):
        super().__init__(journey, tr("Edit Map Details"),
                         lambda: journey.set_document(**fields))


class GroupCommand(ChangeCommand):
    """Several model edits as one step (paste, duplicate): ``edits`` runs them."""

    def __init__(self, journey: JourneyMap, text: str, edits: Callable[[], object]):
        def edit() -> Change:
            with journey.group(text) as out:
                edits()
            return out[0]
        super().__init__(journey, text, edit)
