"""Undoable edits of the action trees and of the notes' votes.

Like the commands in the package's ``__init__``, each only picks the model call and
the text the Edit menu shows; the model checks the edit (a sub-action cannot become
the parent of its own parent) and ``Document.push`` reports a refusal.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Change, JourneyMap, ModelError
from . import ChangeCommand, tr


class NestActionCommand(ChangeCommand):
    """Put an action under another (``parent``), or at the top level (``None``), at
    ``index`` among its new siblings (``None``: last).  Reordering is nesting under
    the same parent at another index."""

    def __init__(self, journey: JourneyMap, action: str, parent: str | None,
                 index: int | None = None, text: str | None = None):
        super().__init__(journey, text or tr("Move Action"),
                         lambda: journey.nest_action(action, parent, index))


class LinkActionCommand(ChangeCommand):
    """Let an action address one more note."""

    def __init__(self, journey: JourneyMap, action: str, note: str):
        super().__init__(journey, tr("Link Action to Note"),
                         lambda: journey.link_action(action, note))


class UnlinkActionCommand(ChangeCommand):
    def __init__(self, journey: JourneyMap, action: str, note: str):
        super().__init__(journey, tr("Unlink Action from Note"),
                         lambda: journey.unlink_action(action, note))


class RecordVotesCommand(ChangeCommand):
    """Add a voting round's dots to the notes' votes, as one step.

    ``votes`` maps a note to the dots it received.  The votes are added to what the
    notes already had (a second round adds up), and one undo takes the round back.
    """

    def __init__(self, journey: JourneyMap, votes: Mapping[str, int],
                 text: str | None = None):
        votes = {note: count for note, count in votes.items() if count}

        def edit() -> Change:
            with journey.group("Record votes") as out:
                for note, count in votes.items():
                    journey.add_votes(note, count)
            return out[0]
        super().__init__(journey, text or tr("Record Votes"), edit)


def nest_index(journey: JourneyMap, action: str, parent: str | None,
               before: str | None) -> int:
    """The index for ``nest_action`` that puts ``action`` just before sibling
    ``before`` (``None``: last) among ``parent``'s other children."""
    siblings = [a for a in journey.children_of(parent) if a != action]
    if before is None:
        return len(siblings)
    if before not in siblings:
        raise ModelError("The place to move the action to is not among its new siblings.")
    return siblings.index(before)

