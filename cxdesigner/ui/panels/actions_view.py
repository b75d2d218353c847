"""The Actions tab: the actions as the user arranges them, with their fields below.

Top-level actions and their sub-actions in ``children_of`` order (``ActionTree``),
buttons and keys to add, move, nest and delete them, and every field of the current
action (``ActionDetails``).  Every edit is one undoable command pushed on the
document; a refusal is said under the tree (``MessageLine``) as well as in the status
bar.  The tree only follows the model's events, and waits while a title is typed.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QLabel, QScrollArea,
                               QSplitter, QStyle, QToolButton, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from ...canvas import labels
from ...commands import AddActionCommand, RemoveElementsCommand, RenameCommand
from ...commands.actions import NestActionCommand, nest_index
from ...model import Event, plan
from .action_common import (ROLE_ID, ROLE_KEY, ROLE_KIND, SelectCallback, _Follower, _TreeState,
                            affects_actions, all_items, flag_text, format_date, map_direction,
                            mark_flags, note_title, tr)
from .action_details import ActionDetails
from .action_tree import ActionTree
from ..document.document import Document

MESSAGE_MS = 8000


class MessageLine(QLabel):
    """A refusal or hint under a view, for a few seconds."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVisible(False)
        self.setFrameShape(QFrame.StyledPanel)
        self.setStyleSheet("QLabel { background: #fff4e5; color: #5c3a00; padding: 4px; }")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.setVisible(False))

    def say(self, text: str) -> None:
        self.setText(text)
        self.setVisible(True)
        self._timer.start(MESSAGE_MS)


class ActionsView(QWidget, _Follower):
    """The editable action tree with its buttons and the current action's fields."""

    def __init__(self, document: Document, select_callback: SelectCallback,
                 today: Callable[[], _dt.date] = _dt.date.today,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.select_callback = select_callback
        self.today = today
        self.canvas_notes: list[str] = []
        self.message = MessageLine()
        self.tree = ActionTree()
        self.state = _TreeState(self.tree)
        self.details = ActionDetails(document, select_callback)
        self.address_button = self._button(tr("Address This"), self.address_canvas_notes,
                                           tr("A new action addressing the note selected "
                                              "on the canvas (A on the canvas)"))
        self.new_button = self._button(tr("New Action"), self.new_action,
                                       tr("A new top-level action"))
        self.sub_button = self._button(tr("Add Sub-action"), self.add_sub_action,
                                       tr("A new step under the selected action"))
        self.up_button = self._button(tr("Move Up"), lambda: self.move_by(-1),
                                      tr("Earlier among its siblings (Ctrl+Up)"),
                                      QStyle.SP_ArrowUp, QKeySequence("Ctrl+Up"))
        self.down_button = self._button(tr("Move Down"), lambda: self.move_by(1),
                                        tr("Later among its siblings (Ctrl+Down)"),
                                        QStyle.SP_ArrowDown, QKeySequence("Ctrl+Down"))
        self.indent_button = self._button(tr("Indent"), self.indent,
                                          tr("Make it a sub-action of the one above "
                                             "(Ctrl+Right)"), None, QKeySequence("Ctrl+Right"))
        self.outdent_button = self._button(tr("Outdent"), self.outdent,
                                           tr("Move it out of its parent action (Ctrl+Left)"),
                                           None, QKeySequence("Ctrl+Left"))
        self.delete_button = self._button(tr("Delete"), self.delete_current,
                                          tr("Delete the action with its sub-actions"),
                                          QStyle.SP_TrashIcon)
        bar = QWidget()
        flow = QHBoxLayout(bar)
        flow.setContentsMargins(0, 0, 0, 0)
        flow.setSpacing(2)
        for button in (self.address_button, self.new_button, self.sub_button):
            flow.addWidget(button)
        flow.addSpacing(8)
        for button in (self.up_button, self.down_button, self.indent_button,
                       self.outdent_button):
            flow.addWidget(button)
        flow.addStretch(1)
        flow.addWidget(self.delete_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(self.details)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(bar)
        column.addWidget(splitter, 1)
        column.addWidget(self.message)
        for button in (self.address_button, self.new_button, self.sub_button, self.up_button,
                       self.down_button, self.indent_button, self.outdent_button,
                       self.delete_button):
            if button.defaultAction() not in self.tree.actions():
                self.tree.addAction(button.defaultAction())
        self.tree.setContextMenuPolicy(Qt.ActionsContextMenu)
        self.tree.itemDelegateForColumn(0).closeEditor.connect(self._editor_closed)
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.itemChanged.connect(self._on_item_edited)
        self.tree.nest_requested.connect(self.nest)
        self.tree.delete_requested.connect(self.delete_current)
        self._init_follower(self, self.rebuild, ready=self._not_typing)
        document.journey.events.subscribe("journey_changed", self._on_journey_changed)
        self._update_buttons()

    def detach(self) -> None:
        self.document.journey.events.unsubscribe(self._on_journey_changed)

    @property
    def journey(self):
        return self.document.journey

    def _button(self, text: str, slot, tip: str, icon=None, shortcut=None) -> QToolButton:
        button = QToolButton()
        button.setToolButtonStyle(Qt.ToolButtonTextOnly if icon is None
                                  else Qt.ToolButtonTextBesideIcon)
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.setToolTip(tip)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            self.tree.addAction(action)  # the keys work while the tree has focus
        action.triggered.connect(lambda _checked=False: slot())
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        return button

    def _on_journey_changed(self, event: Event) -> None:
        if affects_actions(event.change):
            self.schedule()

    def _not_typing(self) -> bool:
        # Rebuilding would close a title being typed in the tree and lose it: wait
        # until the editor closes (``_editor_closed``).
        return self.tree.state() != QAbstractItemView.EditingState

    def _editor_closed(self, *_args) -> None:
        self.lazy.poke()

    # ------------------------------------------------------------- building
    def rebuild(self) -> None:
        journey = self.journey
        current = self.tree.current_action()
        scroll = self.tree.verticalScrollBar().value()
        today = self.today()
        style = self.style()
        self.setLayoutDirection(map_direction(journey))
        self.tree.blockSignals(True)
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.clear()
            for action in journey.children_of(None):
                self.tree.addTopLevelItem(self._item(action, (), today, style))
            items = all_items(self.tree)
            self.state.apply(items)
            found = None
            for item in items:
                if item.data(0, ROLE_ID) == current:
                    found = item
                    break
            if found is not None:
                self.tree.setCurrentItem(found)
        finally:
            self.tree.setUpdatesEnabled(True)
            self.tree.blockSignals(False)
        self.tree.verticalScrollBar().setValue(scroll)
        self.details.bind(self.tree.current_action())
        self._update_buttons()

    def _item(self, action: str, parent_key: tuple, today: _dt.date,
              style: QStyle) -> QTreeWidgetItem:
        journey = self.journey
        attrs = journey.get(action)
        key = parent_key + (action,)
        item = QTreeWidgetItem()
        item.setData(0, ROLE_ID, action)
        item.setData(0, ROLE_KIND, "action")
        item.setData(0, ROLE_KEY, key)
        item.setText(0, attrs["title"])
        item.setToolTip(0, attrs["title"])
        item.setFlags(item.flags() | Qt.ItemIsEditable | Qt.ItemIsDragEnabled
                      | Qt.ItemIsDropEnabled)
        item.setText(1, attrs["owner"])
        item.setText(2, format_date(attrs["due"]))
        overdue = plan.is_overdue(journey, action, today)
        review_due = plan.is_review_due(journey, action, today)
        status = labels.status_label(attrs["status"])
        flags = flag_text(overdue, review_due)
        item.setText(3, f"{status} · {flags}" if flags else status)
        notes = journey.addressed_by(action)
        item.setText(4, "; ".join(note_title(journey, n) for n in notes))
        if notes:
            item.setToolTip(4, "\n".join(note_title(journey, n) for n in notes))
        mark_flags(item, style, overdue, review_due, range(4))
        for child in journey.children_of(action):
            item.addChild(self._item(child, key, today, style))
        return item

    # ------------------------------------------------------------- editing
    def _push(self, command) -> bool:
        """Push, showing the model's refusal here as well as in the status bar."""
        messages: list[str] = []

        def heard(message: str) -> None:
            messages.append(message)
        self.document.edit_refused.connect(heard)
        try:
            done = self.document.push(command)
        finally:
            self.document.edit_refused.disconnect(heard)
        if messages:
            self.message.say(messages[-1])
        return done

    def set_canvas_notes(self, notes: list[str]) -> None:
        self.canvas_notes = notes
        self.details.set_canvas_notes(notes)
        self._update_buttons()

    def _update_buttons(self) -> None:
        action = self.tree.current_action()
        has = action is not None and action in self.journey
        self.address_button.setEnabled(bool(self.canvas_notes))
        self.sub_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        siblings: list[str] = []
        parent = None
        if has:
            parent = self.journey.parent_of(action)
            siblings = self.journey.children_of(parent)
        index = siblings.index(action) if has else -1
        self.up_button.setEnabled(has and index > 0)
        self.down_button.setEnabled(has and index < len(siblings) - 1)
        self.indent_button.setEnabled(has and index > 0)
        self.outdent_button.setEnabled(has and parent is not None)

    def create_action(self, parent: str | None, notes: list[str], text: str | None = None
                      ) -> str | None:
        """A new untitled action; it is made current and its title opened for typing."""
        command = AddActionCommand(self.journey, "", parent, notes)
        if text:
            command.setText(text)
        if not self._push(command):
            return None
        self.show_action(command.created, edit_title=True)
        return command.created

    def show_action(self, action: str, edit_title: bool = False) -> None:
        self.refresh()
        item = self.tree.item_for(action)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        if edit_title:
            self.tree.setFocus()
            self.tree.editItem(item, 0)

    def address_canvas_notes(self) -> str | None:
        notes = [n for n in self.canvas_notes if n in self.journey]
        if not notes:
            self.message.say(tr("Select a pain point or an opportunity on the canvas first."))
            return None
        return self.create_action(None, notes, tr("Address Note"))

    def new_action(self) -> str | None:
        return self.create_action(None, [])

    def add_sub_action(self) -> str | None:
        parent = self.tree.current_action()
        if parent is None:
            return None
        return self.create_action(parent, [], tr("Add Sub-action"))

    def nest(self, action: str, parent: str | None, before: str | None) -> bool:
        journey = self.journey
        if action not in journey:
            return False
        try:
            index = nest_index(journey, action, parent, before) if (
                parent is None or parent in journey) else None
        except Exception:  # a stale drop place (the tree is being rebuilt)
            index = None
        return self._push(NestActionCommand(journey, action, parent, index))

    def move_by(self, step: int) -> None:
        action = self.tree.current_action()
        if action is None:
            return
        parent = self.journey.parent_of(action)
        siblings = self.journey.children_of(parent)
        index = siblings.index(action) + step
        if 0 <= index < len(siblings):
            self._push(NestActionCommand(self.journey, action, parent, index))

    def indent(self) -> None:
        action = self.tree.current_action()
        if action is None:
            return
        siblings = self.journey.children_of(self.journey.parent_of(action))
        index = siblings.index(action)
        if index > 0:
            self._push(NestActionCommand(self.journey, action, siblings[index - 1], None))

    def outdent(self) -> None:
        action = self.tree.current_action()
        parent = self.journey.parent_of(action) if action else None
        if parent is None:
            return
        grandparent = self.journey.parent_of(parent)
        index = self.journey.children_of(grandparent).index(parent) + 1
        self._push(NestActionCommand(self.journey, action, grandparent, index))

    def delete_current(self) -> None:
        action = self.tree.current_action()
        if action is None or action not in self.journey:
            return
        command = RemoveElementsCommand(self.journey, [action])
        command.setText(tr("Delete Action"))
        self._push(command)

    def _on_current(self, item: QTreeWidgetItem | None, _previous) -> None:
        self.details.bind(item.data(0, ROLE_ID) if item else None)
        self._update_buttons()

    def _on_item_edited(self, item: QTreeWidgetItem, column: int) -> None:
        action = item.data(0, ROLE_ID)
        if column != 0 or action not in self.journey:
            return
        title = item.text(0)
        if title != self.journey.title(action):
            if not self._push(RenameCommand(self.journey, action, title)):
                self.schedule()
