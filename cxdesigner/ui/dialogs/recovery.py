"""The start-up offer to recover unsaved work that a crash left behind.

``RecoveryDialog`` lists the recovery copies (``autosave.Entry``) of editors that are
no longer running and acts on the selected ones:

- **Recover**: the map opens as it was, modified and unsaved, on its original file (so
  Save writes there) or untitled;
- **Save As...**: the map is written to a file the user chooses, then opened;
- **Discard**: the copy is deleted (after a confirmation);
- **Later** (or closing the dialog): the copies stay, offered again at the next start.

The list shows what the sidecars say (title, file, time, size): no map is loaded to
show it.  A map is loaded when Recover or Save As is chosen; a copy that cannot be read
(known from its size and last bytes already, or once loading fails) shows the loader's
message and can only be discarded or kept.  The dialog opens no window itself:
``chosen`` lists what to open once it has closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QMessageBox, QPushButton, QStyle,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ...canvas.texts import english_plural
from ...fileformat import FileFormatError, Problem
from ..document.recovery_store import Entry, Skipped
from ..document.document import Document

MAP_FILTER = "*.cxmap"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # A count goes third, as in Qt's own call, so that lupdate sees the plural.
    translated = QCoreApplication.translate("RecoveryDialog", text, disambiguation, n)
    if n >= 0 and translated == text.replace("%n", str(n)):  # untranslated: English
        translated = english_plural(translated, n)
    return translated


@dataclass
class Recovered:
    """A map to open after the dialog: its document, the loader's repairs, and the
    copy the window's autosaver takes over (None once saved to a file)."""

    document: Document
    problems: list[Problem]
    entry: Entry | None


def entry_title(entry: Entry) -> str:
    if entry.title.strip():
        return entry.title
    if entry.original_path is not None:
        return entry.original_path.stem
    return tr("Untitled map")


def entry_time(entry: Entry) -> str:
    """When the copy was made, local time: "Today, 14:03", or the date and time."""
    if entry.copied_at is None:
        return tr("Unknown")
    moment = QDateTime.fromSecsSinceEpoch(int(entry.copied_at.timestamp())).toLocalTime()
    locale = QLocale()
    if locale.language() == QLocale.C:  # no locale (a bare system): no odd C format
        return moment.toString("yyyy-MM-dd HH:mm")
    clock = locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
    days = moment.date().daysTo(QDate.currentDate())
    if days == 0:
        return tr("Today, %1").replace("%1", clock)
    if days == 1:
        return tr("Yesterday, %1").replace("%1", clock)
    return locale.toString(moment, QLocale.FormatType.ShortFormat)


def entry_size(entry: Entry) -> str:
    return QLocale().formattedDataSize(entry.size, 1, QLocale.DataSizeTraditionalFormat)


class RecoveryDialog(QDialog):
    def __init__(self, entries: list[Entry], parent: QWidget | None = None, *,
                 skipped: list[Skipped] = (), not_listed: int = 0):
        super().__init__(parent)
        self.setWindowTitle(tr("Recover unsaved work"))
        self.setObjectName("recovery_dialog")
        self.entries = list(entries)
        self.chosen: list[Recovered] = []

        intro = QLabel(tr(
            "CX Designer did not close normally, and these maps had changes that were "
            "not saved. Recover them to go on where you left off, save them to a file, "
            "or discard them."))
        intro.setWordWrap(True)

        self.list = QTreeWidget()
        self.list.setAccessibleName(tr("Recovered maps"))
        self.list.setColumnCount(4)
        self.list.setHeaderLabels([tr("Map"), tr("File"), tr("Copy made"), tr("Size")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.list.setTextElideMode(Qt.ElideMiddle)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeToContents)
        for index, entry in enumerate(self.entries):
            # A path reads left to right even in a right-to-left interface (marks, else
            # its leading "/" lands at the far end).
            path = (f"\u200e{entry.original_path}\u200e" if entry.original_path
                    else tr("Untitled"))
            item = QTreeWidgetItem([entry_title(entry), path, entry_time(entry),
                                    entry_size(entry)])
            item.setData(0, Qt.UserRole, index)
            item.setToolTip(1, path)
            item.setTextAlignment(3, Qt.AlignTrailing | Qt.AlignVCenter)
            self.list.addTopLevelItem(item)
            self._mark(item, entry)
        self.list.setColumnWidth(0, 220)
        self.list.selectAll()

        # Why a selected copy cannot be recovered, in words rather than a tooltip.
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        # What the folder held that is not listed, so nothing goes unmentioned.
        self.folder_note = QLabel(_folder_note(skipped, not_listed))
        self.folder_note.setWordWrap(True)
        self.folder_note.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.folder_note.setVisible(bool(self.folder_note.text()))

        self.discard_button = QPushButton(tr("&Discard"))
        self.later_button = QPushButton(tr("&Later"))
        self.later_button.setToolTip(tr("Keep the copies and ask again next time"))
        self.save_as_button = QPushButton(tr("&Save As…"))
        self.recover_button = QPushButton(tr("&Recover"))
        self.recover_button.setDefault(True)
        self.discard_button.clicked.connect(self.discard_selected)
        self.later_button.clicked.connect(self.reject)
        self.save_as_button.clicked.connect(self.save_selected_as)
        self.recover_button.clicked.connect(self.recover_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        for button in (self.later_button, self.save_as_button, self.recover_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.folder_note)
        layout.addLayout(buttons)
        self.list.itemSelectionChanged.connect(self._update)
        self._update()
        self.resize(760, 320)

    # ------------------------------------------------------------ selection
    def selected_entries(self) -> list[Entry]:
        rows = sorted(self.list.indexOfTopLevelItem(item) for item in self.list.selectedItems())
        return [self.entries[self.list.topLevelItem(row).data(0, Qt.UserRole)]
                for row in rows]

    def select(self, entries: list[Entry]) -> None:
        wanted = {id(entry) for entry in entries}
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            item.setSelected(id(self.entries[item.data(0, Qt.UserRole)]) in wanted)

    def remaining(self) -> list[Entry]:
        return [self.entries[self.list.topLevelItem(row).data(0, Qt.UserRole)]
                for row in range(self.list.topLevelItemCount())]

    def _update(self) -> None:
        selected = self.selected_entries()
        readable = any(entry.readable for entry in selected)
        self.recover_button.setEnabled(readable)
        self.save_as_button.setEnabled(readable)
        self.discard_button.setEnabled(bool(selected))
        broken = [entry for entry in selected if not entry.readable]
        self.details.setText("\n".join(
            tr("“%1” cannot be recovered. %2").replace("%1", entry_title(entry)).replace(
                "%2", entry.error or "") for entry in broken))
        self.details.setVisible(bool(broken))

    def _mark(self, item: QTreeWidgetItem, entry: Entry) -> None:
        """The row's warning sign and its reason, for a copy known to be unreadable."""
        if entry.readable:
            size = self.list.iconSize() if self.list.iconSize().isValid() else QSize(16, 16)
            blank = QPixmap(size)
            blank.fill(Qt.transparent)
            item.setIcon(0, QIcon(blank))  # so every title starts at the same place
            item.setToolTip(0, "")
            return
        item.setIcon(0, self.style().standardIcon(QStyle.SP_MessageBoxWarning))
        item.setToolTip(0, tr("This copy cannot be read. %1").replace("%1", entry.error or ""))

    def _remark(self, entries: list[Entry]) -> None:
        """Show what loading found out about these entries."""
        wanted = {id(entry) for entry in entries}
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            entry = self.entries[item.data(0, Qt.UserRole)]
            if id(entry) in wanted:
                item.setText(0, entry_title(entry))
                self._mark(item, entry)

    def _done_with(self, entries: list[Entry]) -> None:
        gone = {id(entry) for entry in entries}
        for row in reversed(range(self.list.topLevelItemCount())):
            item = self.list.topLevelItem(row)
            if id(self.entries[item.data(0, Qt.UserRole)]) in gone:
                self.list.takeTopLevelItem(row)
        if self.list.topLevelItemCount() == 0:
            self.accept()
        else:
            self._update()

    # ------------------------------------------------------------ the choices
    def recover_selected(self) -> None:
        done, failed = [], []
        for entry in self.selected_entries():
            if not entry.readable:
                continue
            if not entry.load():  # loaded only now: the list did not need the map
                failed.append(entry)
                continue
            self.chosen.append(Recovered(entry.document(), entry.problems, entry))
            done.append(entry)
        self._remark(failed)
        self._done_with(done)

    def save_selected_as(self) -> None:
        done, failed = [], []
        for entry in self.selected_entries():
            if not entry.readable:
                continue
            if not entry.load():
                failed.append(entry)
                continue
            path = self.ask_save_path(entry)
            if not path:
                break  # a cancelled file dialog stops the rest
            path = Path(path)
            if path.suffix.lower() != ".cxmap":
                path = path.with_name(path.name + ".cxmap")
            document = Document(entry.journey)
            try:
                document.save(path)
            except (FileFormatError, OSError) as exc:
                self.show_error(tr("Cannot save map"), str(exc))
                continue
            entry.remove()
            self.chosen.append(Recovered(document, entry.problems, None))
            done.append(entry)
        self._remark(failed)
        self._done_with(done)

    def discard_selected(self) -> None:
        selected = self.selected_entries()
        if not selected or not self.confirm_discard(selected):
            return
        for entry in selected:
            entry.remove()
        self._done_with(selected)

    # ------------------------------------ asking (small, so tests can patch them)
    def ask_save_path(self, entry: Entry) -> str:
        suggested = entry.original_path or Path.home() / (entry_title(entry) + ".cxmap")
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save Recovered Map As"), str(suggested),
            tr("Journey maps (%1)").replace("%1", MAP_FILTER))
        return path

    def confirm_discard(self, entries: list[Entry]) -> bool:
        if len(entries) == 1:
            text = tr("Discard the unsaved changes to “%1”? This cannot be undone.").replace(
                "%1", entry_title(entries[0]))
        else:
            count = len(entries)
            text = tr("Discard the unsaved changes to %n maps? This cannot be undone.",
                      None, count)
        button = QMessageBox.question(self, tr("Discard"), text,
                                      QMessageBox.Discard | QMessageBox.Cancel,
                                      QMessageBox.Cancel)
        return button == QMessageBox.Discard

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)


def _folder_note(skipped: list[Skipped], not_listed: int) -> str:
    lines = []
    if not_listed:
        lines.append(tr("%n older copy(ies) not listed here stay in the recovery folder "
                        "and are offered once these are dealt with.", None, not_listed))
    if skipped:
        count = len(skipped)
        lines.append(tr("%n item(s) in the recovery folder were skipped: %1", None, count)
                     .replace("%1", "; ".join(f"{s.name} ({s.reason})" for s in skipped[:5])
                              + ("…" if len(skipped) > 5 else "")))
    return "\n".join(lines)
