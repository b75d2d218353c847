"""Importing customer feedback in the editor: File > Import Feedback… (files) and
Import Feedback Folder… (a folder of e-mails).

The chosen files are read first (``fileformat/feedback_import.read_feedback``) and the
dialog says what they hold before anything changes: items per file, how many name a
touchpoint, how much personal data was masked, and the reader's warnings.  Keeping
personal data is a choice made here, reading again; Import adds every item as one undo
step and shows the Feedback panel, on the items still to sort when there are some.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QLabel,
                               QPlainTextEdit, QVBoxLayout, QWidget)

from ...bidi import isolate
from ...commands.feedback import ImportFeedbackCommand
from ...fileformat import FileFormatError
from ...fileformat.feedback_import import FeedbackImport, read_feedback
from ...model import JourneyMap
from ..panels.feedback_rows import UNMATCHED

FILTER = "*.csv *.tsv *.txt *.xlsx *.mbox *.eml"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("ImportFeedback", text, disambiguation, n)


class ImportFeedbackDialog(QDialog):
    """What the files hold, and whether to keep personal data; ``result`` on accept."""

    def __init__(self, journey: JourneyMap, paths: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Import Feedback"))
        self.journey, self.paths = journey, paths
        self.result_: FeedbackImport | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.warnings = QPlainTextEdit()
        self.warnings.setReadOnly(True)
        self.warnings.setAccessibleName(tr("What the import noticed"))
        self.keep = QCheckBox(tr("Keep personal data (names, e-mail addresses, phone, ID "
                                 "and card numbers)"))
        self.keep.setToolTip(tr("By default they are masked before they enter the map; keep "
                                "them only if you may store them."))
        self.keep.toggled.connect(self.read)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.warnings, 1)
        layout.addWidget(self.keep)
        layout.addWidget(self.buttons)
        self.resize(620, 380)
        self.error: str | None = None
        self.read()

    def read(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.Ok)
        try:
            found = read_feedback(self.paths, self.journey, self.keep.isChecked())
        except FileFormatError as exc:
            self.result_, self.error = None, str(exc)
            self.summary.setText(tr("Nothing can be imported: %1").replace("%1", str(exc)))
            self.warnings.setPlainText("")
            ok.setEnabled(False)
            return
        self.result_, self.error = found, None
        lines = [tr("%1: %2 items, %3 about a touchpoint named in the file, %4 pieces of "
                    "personal data masked").replace("%1", isolate(f.name)).replace(
                        "%2", f"{f.read:,}").replace("%3", f"{f.matched:,}").replace(
                        "%4", f"{f.masked:,}") for f in found.files]
        if found.unmatched:
            lines.append(tr("The items without a touchpoint wait in the Feedback panel, "
                            "with the likeliest touchpoints suggested."))
        self.summary.setText("\n".join(lines))
        self.warnings.setPlainText("\n".join(str(w) for w in found.warnings))
        self.warnings.setVisible(bool(found.warnings))
        ok.setText(tr("Import %n Item(s)", None, found.read))
        ok.setEnabled(found.read > 0)


def import_feedback(window, paths: list[str] | None = None, folder: bool = False) -> bool:
    """Ask for files (or a folder), show what they hold, import them as one step."""
    if paths is None:
        if folder:
            chosen = QFileDialog.getExistingDirectory(window, tr("Import Feedback Folder"))
            paths = [chosen] if chosen else []
        else:
            paths, _ = QFileDialog.getOpenFileNames(
                window, tr("Import Feedback"), "",
                tr("Feedback (%1)").replace("%1", FILTER) + ";;" + tr("All files (*)"))
    if not paths:
        return False
    journey = window.document.journey
    dialog = ImportFeedbackDialog(journey, list(paths), window)
    if dialog.error is not None:
        window.show_error(tr("Cannot import feedback"), dialog.error)
        return False
    if dialog.exec() != QDialog.Accepted or dialog.result_ is None:
        return False
    found = dialog.result_
    if not window.document.push(ImportFeedbackCommand(journey, found.items)):
        return False
    window.statusBar().showMessage(
        tr("Imported %1 items: %2 matched, %3 to sort, %4 pieces of personal data masked.")
        .replace("%1", f"{found.read:,}").replace("%2", f"{found.matched:,}")
        .replace("%3", f"{found.unmatched:,}").replace("%4", f"{found.masked:,}"), 10000)
    window.docks["feedback"].show()
    window.docks["feedback"].raise_()
    panel = window.feedback
    if found.unmatched:
        panel.lazy.flush()
        panel.touchpoint.setCurrentIndex(max(0, panel.touchpoint.findData(UNMATCHED)))
    return True
