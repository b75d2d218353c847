"""Editing the map from the canvas: the one API that keys, menus and palette drops use.

``CanvasEditor`` (attached to the view as ``view.editor``) turns "add a touchpoint
here" into commands, selects what it made and opens the in-place title editor on it,
so that typing names it: ``T`` name ``Enter`` ``T`` name ``Enter`` builds a
connected row without the mouse.

Creating and naming are one undo step: the creation commands below accept the rename
typed straight after them into themselves (``QUndoCommand.mergeWith``), so undo takes
the named element away at once and never leaves an unnamed one behind.  (Should the
stack have been saved in between, Qt refuses the merge and the name is a step of its
own; either way nothing is ever half done.)
"""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem

from ..commands import (AddActionCommand, AddNoteCommand, AddStageCommand,
                        AddTouchpointCommand, ChangeCommand, GroupCommand,
                        RemoveElementsCommand, RemoveFlowsCommand, RenameCommand)
from ..model import Change, ModelError
from ..model import layout as L
from ..model import schema as S
from . import picture_edits
from .gestures import note_target_at, stage_slot
from .host import CanvasView
from .items import BAND_TYPE, FLOW_TYPE, ModelItem, pixel_font
from .deletion import deletion_summary
from .texts import tr
from .title_editor import TitleEditor


PALETTE_MIME = "application/x-cxdesigner-palette"
STEP_X = 240.0  # a card and the gap after it: the spacing of a row
STEP_Y = 160.0  # the spacing of the rows a branch starts
NOTE_EDITOR_W, NOTE_EDITOR_H = 260.0, 30.0
# Shared by a creation command and the rename that names it, so Qt offers to merge them.
NAMING_MERGE_ID = 0x43584E4D


class _NamedOnCreation:
    """Lets a creation command absorb the rename typed right after it."""

    def id(self) -> int:  # Qt's name
        return NAMING_MERGE_ID

    def mergeWith(self, other) -> bool:  # Qt's name
        if (not isinstance(other, NameNewCommand) or getattr(self, "_named", False)
                or self.change is None or other.change is None
                or other.node_id != self.created):
            return False
        # Redo replays creation then name; undo removes both, in reverse.
        self.change = Change(self.change.label, self.change.ops + other.change.ops,
                             self.change.id, dict(self.change.extra))
        self._named = True
        return True


class NewStageCommand(_NamedOnCreation, AddStageCommand):
    pass


class NewTouchpointCommand(_NamedOnCreation, AddTouchpointCommand):
    pass


class NewNoteCommand(_NamedOnCreation, AddNoteCommand):
    pass


class NewActionCommand(_NamedOnCreation, AddActionCommand):
    pass


class NameNewCommand(RenameCommand):
    """The title typed into an element just created: merges into its creation."""

    def __init__(self, journey, node_id: str, title: str):
        super().__init__(journey, node_id, title)
        self.node_id = node_id

    def id(self) -> int:  # Qt's name
        return NAMING_MERGE_ID


def parse_palette(data: bytes) -> dict | None:
    """The palette payload (``{"kind": "touchpoint", "channel": "whatsapp"}``), or None."""
    try:
        payload = json.loads(bytes(data).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return payload if isinstance(payload, dict) else None


class CanvasEditor(QObject):
    # For the status bar: why an edit could not be made, or what a deletion took.
    message = Signal(str)
    action_added = Signal(str)  # actions are named in the plan panel, not on the canvas

    def __init__(self, view: CanvasView):
        super().__init__(view)
        self.view = view
        self._title: TitleEditor | None = None
        self._naming_new = False  # the open title belongs to an element just created
        self._anchor: QRectF | None = None  # where an element without an item is edited
        self._followed = None  # the scene whose layout the open editor follows
        self._watched = None  # the journey watched while a title is open

    @property
    def scene(self):
        return self.view.scene()

    @property
    def journey(self):
        return self.scene.journey

    # ----------------------------------------------------------------- creating
    def add_stage(self) -> str | None:
        """A stage after the selected one (or after the selected touchpoint's), else
        at the end; selected and in title edit.  Returns its id."""
        self.commit_title()
        stage, _, _ = self._context()
        index = self.journey.stage_position(stage) + 1 if stage else None
        return self._create(NewStageCommand(self.journey, "", index))

    def add_touchpoint(self, channel: str | None = None) -> str | None:
        """A touchpoint after the selected one (in its stage, connected from it), or at
        the end of the selected stage (the last stage if nothing is selected).  A
        selected note stands for its touchpoint.  ``channel`` (a palette entry's) is
        set in the same undo step."""
        self.commit_title()
        stage, touchpoint, _ = self._context()
        journey = self.journey
        nodes = journey.graph.nodes
        fields = {"channel": channel} if channel in S.CHANNELS else {}
        if touchpoint is not None:
            x, y = self._free_slot(stage, nodes[touchpoint]["x"] + STEP_X,
                                   nodes[touchpoint]["y"])
            return self._create(NewTouchpointCommand(journey, stage, "", flow_from=touchpoint,
                                                     x=x, y=y, **fields))
        if stage is None:
            stages = journey.stages()
            if not stages:
                self._say(tr("Add a stage first (S), then its touchpoints."))
                return None
            stage = stages[-1]
        members = journey.touchpoints_in(stage)
        x = max(nodes[t]["x"] for t in members) + STEP_X if members else 0.0
        return self._create(NewTouchpointCommand(journey, stage, "", x=x, y=0.0, **fields))

    def add_note(self, note_kind: str) -> str | None:
        """A note of ``note_kind`` on the selected touchpoint (or the selected note's
        touchpoint, or the selected stage)."""
        self.commit_title()
        stage, touchpoint, _ = self._context()
        on = touchpoint or stage
        if on is None:
            self._say(tr("Select a touchpoint or a stage to add the note to."))
            return None
        return self._create(NewNoteCommand(self.journey, note_kind, "", on))

    def add_action(self) -> str | None:
        """An action addressing the selected notes; the notes stay selected (actions
        live in the action tree, not on the canvas) and the title is typed below."""
        self.commit_title()
        journey = self.journey
        notes = [i for i in self.scene.selected_ids() if journey.kind_of(i) == S.NOTE]
        if not notes:
            self._say(tr("Select a pain point or an opportunity to plan an action for it."))
            return None
        action = self._create(NewActionCommand(journey, "", None, addresses=notes),
                              select=False)
        if action is not None:
            self.action_added.emit(action)
        return action

    def drop_palette(self, payload: dict, scene_pos: QPointF) -> bool:
        """Create what a palette item dropped at ``scene_pos`` stands for: a stage at
        the gap under the cursor, a touchpoint in the band under it (centred on the
        cursor), a note on the card or band under it (or on the whole map)."""
        self.commit_title()
        layout = self.scene.layout
        kind = payload.get("kind")
        x, y = scene_pos.x(), scene_pos.y()
        if kind == "stage":
            index, _ = stage_slot(layout, x)
            return self._create(NewStageCommand(self.journey, "", index)) is not None
        if kind == "touchpoint":
            stage = layout.stage_at(x, y)
            if stage is None:
                self._say(tr("Drop the touchpoint on a stage."))
                return False
            bx, by = layout.to_band(stage, x - L.CARD_W / 2, y - L.CARD_H / 2)
            fields = {"x": round(bx), "y": round(by)}
            if payload.get("channel") in S.CHANNELS:
                fields["channel"] = payload["channel"]
            if payload.get("mode") in S.MODES:
                fields["mode"] = payload["mode"]
            return self._create(NewTouchpointCommand(self.journey, stage, "", **fields)) \
                is not None
        if kind == "note":
            note_kind = payload.get("note_kind", "pain_point")
            if note_kind not in S.NOTE_KINDS:
                self._say(tr("Unknown kind of note."))
                return False
            on = note_target_at(self.scene, scene_pos)
            # A note about the whole map has no chip: name it where it was dropped.
            anchor = None if on else QRectF(x, y, NOTE_EDITOR_W, NOTE_EDITOR_H)
            return self._create(NewNoteCommand(self.journey, note_kind, "", on),
                                anchor=anchor) is not None
        return False

    # ------------------------------------------------------------ deleting, selecting
    def put_picture(self, tp: str, mime) -> bool:
        """Put the image a drop or the clipboard carries on touchpoint ``tp``: one undo
        step, or a word in the status bar and nothing changed."""
        self.commit_title()
        try:
            command = picture_edits.picture_command(
                self.journey, tp, picture_edits.picture_bytes(mime))
        except picture_edits.RefusedPicture as exc:
            self._say(str(exc))
            return False
        return self._push(command)

    def delete_selection(self) -> bool:
        """Remove the selected elements and flows as one undo step, and say what went
        (``message``): a stage takes its touchpoints, notes and flows, and undo is the
        way back, so the user must know there is something to undo."""
        self.cancel_title()
        ids, flows = self.scene.selected_ids(), self.scene.selected_flows()
        journey = self.journey
        if ids and flows:
            def edits() -> None:
                journey.remove_many(ids)
                for source, target in flows:
                    if journey.has_flow(source, target):  # not gone with a touchpoint
                        journey.remove_flow(source, target)
            command = GroupCommand(journey, tr("Delete"), edits)
        elif ids:
            command = RemoveElementsCommand(journey, ids)
        elif flows:
            command = RemoveFlowsCommand(journey, flows)
        else:
            return False
        named = ((ids[0], journey.kind_of(ids[0]), journey.title(ids[0]))
                 if len(ids) == 1 and not flows else None)
        if not self._push(command):
            return False
        summary = deletion_summary(command.change, named)
        if summary:
            self._say(summary)
        return True

    def select_all(self) -> None:
        """Select every stage, touchpoint, note and flow."""
        for item in self.scene.items():
            if isinstance(item, ModelItem) or item.type() == FLOW_TYPE:
                item.setSelected(True)

    # --------------------------------------------------------------- titles
    @property
    def is_editing(self) -> bool:
        return self._title is not None and self._title.is_open

    @property
    def title_item(self) -> TitleEditor | None:
        """The in-place editor while it is open (keys and clicks go to it)."""
        return self._title if self.is_editing else None

    def edit_title(self, element_id: str | None = None) -> bool:
        """Open the in-place title editor on an element (default: the selection)."""
        if element_id is None:
            ids = self.scene.selected_ids()
            if not ids:
                return False
            element_id = ids[-1]
        self.commit_title()
        return self._open_title(element_id, naming_new=False)

    def commit_title(self) -> None:
        """Finish the in-place edit: the new title is one undo step (merged into the
        element's creation when it names a new one)."""
        if not self.is_editing:
            return
        editor = self._title
        element_id, original = editor.element_id, editor.original
        text, naming_new = editor.text().strip(), self._naming_new
        self._close_title()
        if element_id not in self.journey or text == original.strip():
            return
        command = (NameNewCommand if naming_new else RenameCommand)(self.journey, element_id,
                                                                     text)
        selected = self.scene.selected_ids()
        self._push(command)
        # Renaming a note rebuilds its card's chips, which drops their selection; keep
        # it, so that P name Enter O name Enter goes on from the same place.
        if self.scene.selected_ids() != selected:
            self.scene.select_ids(selected)

    def cancel_title(self) -> None:
        """Close the in-place editor, keeping the title as it was."""
        if self.is_editing:
            self._close_title()

    def title_contains(self, scene_pos: QPointF) -> bool:
        editor = self.title_item
        return editor is not None and editor.sceneBoundingRect().contains(scene_pos)

    # ------------------------------------------------------------ internals
    def _say(self, text: str) -> None:
        self.message.emit(text)

    def _push(self, command: ChangeCommand) -> bool:
        try:
            return self.scene.push(command)
        except ModelError as exc:  # a scene without a document raises instead
            self._say(str(exc))
            return False

    def _create(self, command: ChangeCommand, select: bool = True,
                anchor: QRectF | None = None) -> str | None:
        if not self._push(command):
            return None
        new_id = command.created
        item = self.scene.item_for(new_id)
        if select and item is not None:
            self.scene.select_ids([new_id])
            # A new stage shows its header, where its name is typed: asked to show a
            # band taller than the view, Qt scrolled to its bottom, and the title
            # field then scrolled back up (two full repaints of the view).
            rect = (item.mapRectToScene(item.header_rect()) if item.type() == BAND_TYPE
                    else item.sceneBoundingRect())
            self.view.ensureVisible(rect, 60, 60)
        self._open_title(new_id, naming_new=True, anchor=anchor)
        return new_id

    def _context(self) -> tuple[str | None, str | None, str | None]:
        """What the selection points at: (stage, touchpoint, note).  A selected note
        stands for what it is about, a touchpoint for its stage."""
        ids = self.scene.selected_ids()
        if not ids:
            return None, None, None
        journey = self.journey
        # With several selected, a touchpoint says most about where to add.
        kinds = {i: journey.kind_of(i) for i in ids}
        primary = next((i for i in reversed(ids) if kinds[i] == S.TOUCHPOINT), ids[-1])
        stage = touchpoint = note = None
        kind = kinds[primary]
        if kind == S.NOTE:
            note = primary
            target = journey.target_of(note)
            if target is not None and journey.kind_of(target) == S.TOUCHPOINT:
                touchpoint = target
            else:
                stage = target
        elif kind == S.TOUCHPOINT:
            touchpoint = primary
        elif kind == S.STAGE:
            stage = primary
        if touchpoint is not None:
            stage = journey.stage_of(touchpoint)
        return stage, touchpoint, note

    def _free_slot(self, stage: str, x: float, y: float) -> tuple[float, float]:
        """``x, y`` or, if a card is already there, the first free row below: a second
        touchpoint after the same one starts a branch instead of covering a card."""
        nodes = self.journey.graph.nodes
        taken = [(nodes[t]["x"], nodes[t]["y"]) for t in self.journey.touchpoints_in(stage)]
        while any(abs(tx - x) < L.CARD_W and abs(ty - y) < L.CARD_H for tx, ty in taken):
            y += STEP_Y
        return x, y

    def _title_editor(self) -> TitleEditor:
        scene = self.scene
        if self._title is None or self._title.scene() is not scene:
            self._title = TitleEditor()
            scene.addItem(self._title)
            self._title.committed.connect(self.commit_title)
            self._title.cancelled.connect(self.cancel_title)
        if self._followed is not scene:
            if self._followed is not None:
                self._followed.layout_changed.disconnect(self._follow)
            scene.layout_changed.connect(self._follow)
            self._followed = scene
        return self._title

    def _open_title(self, element_id: str, naming_new: bool,
                    anchor: QRectF | None = None) -> bool:
        if element_id not in self.journey:
            return False
        self._anchor = anchor
        placed = self._placement(element_id)
        if placed is None:
            return False
        rect, font = placed
        editor = self._title_editor()
        self._naming_new = naming_new
        self._watch(self.journey)
        editor.open(element_id, self.journey.title(element_id), rect,
                    self.scene.layout.rtl, font)
        self.view.ensureVisible(editor.sceneBoundingRect(), 40, 40)
        if not self.view.hasFocus():
            self.view.setFocus()
        return True

    def _close_title(self) -> None:
        self._watch(None)
        self._title.close()
        self._naming_new = False
        self._anchor = None

    def _watch(self, journey) -> None:
        # Any edit (an undo from the menu, another panel) may take the element away
        # while its title is open; not every edit moves the layout, so listen to all.
        if self._watched is not None:
            self._watched.events.unsubscribe(self._on_journey_changed)
        self._watched = journey
        if journey is not None:
            journey.events.subscribe("journey_changed", self._on_journey_changed)

    def _on_journey_changed(self, event) -> None:
        if self.is_editing and self._title.element_id not in self.journey:
            self.cancel_title()

    def _follow(self) -> None:
        """After the layout changed: the edited element may have moved, or gone."""
        if not self.is_editing:
            return
        element_id = self._title.element_id
        placed = self._placement(element_id) if element_id in self.journey else None
        if placed is None:
            self.cancel_title()
        else:
            self._title.place(placed[0])

    def _placement(self, element_id: str) -> tuple[QRectF, QFont] | None:
        """Where the title of an element is typed, in scene units, and in what font."""
        scene, journey = self.scene, self.journey
        rtl = scene.layout.rtl
        kind = journey.kind_of(element_id)
        item = scene.item_for(element_id)
        if kind == S.STAGE and item is not None:
            rect = item.mapRectToScene(item.header_rect().adjusted(10, 8, -10, -8))
            return rect, pixel_font(22, bold=True)
        if kind == S.TOUCHPOINT and item is not None:
            # Over the card's title area, in the card's title font.
            rect = item.mapRectToScene(QRectF(6, 28, L.CARD_W - 12, 62))
            return rect, pixel_font(16, bold=True)
        font = pixel_font(14)
        if self._anchor is not None:
            return self._anchor, font
        chip = item
        if kind == S.ACTION:
            notes = journey.addressed_by(element_id)
            chip = scene.item_for(notes[0]) if notes else None
        if chip is not None:
            return self._below(chip, rtl), font
        if kind in (S.NOTE, S.ACTION):
            centre = self.view.mapToScene(self.view.viewport().rect().center())
            return QRectF(centre.x() - NOTE_EDITOR_W / 2, centre.y(), NOTE_EDITOR_W,
                          NOTE_EDITOR_H), font
        return None

    @staticmethod
    def _below(item: QGraphicsItem, rtl: bool) -> QRectF:
        """A field under a chip, growing toward the reading end of the line."""
        box = item.mapRectToScene(QRectF(0, 0, L.CHIP_W, L.CHIP_H))
        x = box.right() - NOTE_EDITOR_W if rtl else box.left()
        return QRectF(x, box.bottom() + 6, NOTE_EDITOR_W, NOTE_EDITOR_H)
