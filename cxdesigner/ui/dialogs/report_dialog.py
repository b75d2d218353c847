"""File > Export > Report…: the report's options (``ReportDialog``, remembered per
document); the export itself, on a worker thread, is ``report_export.py``.

``ReportDialog`` asks for the sections, the paper, whose emotions the curve shows and
the branding (logo, accent colour, consultant).  The choices are remembered per
document in the settings: by the map file's absolute path, or, for a map never saved,
by its title (and a map saved for the first time starts from what its title had).

``ReportExport`` then asks where to write, snapshots the journey on the GUI thread
(a copy through the file format: edits made while the report is drawn cannot race with
it), draws the PDF with ``render_report`` on a worker thread (a ``QThreadPool`` of one
thread: reports take turns) and hands the bytes back through a signal.  A busy
progress dialog offers Cancel, which abandons the result: nothing is written.  The
file is written atomically when the PDF is complete.  The window stays usable
meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QCheckBox, QColorDialog, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from ...export.options import SECTIONS, ReportError, check_accent, check_logo
from ...model import JourneyMap
from ...model import schema as S
from ..panels.fields import follow_text_direction
from . import export_formats
# The options, by the names the window and the tests know them by.
from .report_options import (ReportOptions, load_options, save_options,  # noqa: F401
                             section_label, tr)

LOGO_FILTER = "*.png *.jpg *.jpeg"
PDF_FILTER = "*.pdf"
PREVIEW = QSize(180, 64)


# ------------------------------------------------------------------ the dialog
class ReportDialog(QDialog):
    """The report's options for one map.  ``options()`` is what was chosen."""

    def __init__(self, journey: JourneyMap, options: ReportOptions, remembered_by: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Export Report"))
        self.journey = journey
        self.author = journey.document["author"]
        self._logo = ""
        self._accent = options.accent
        outer = QVBoxLayout(self)

        self.formats = export_formats
        top = QFormLayout()
        self.format = QComboBox()
        for key in export_formats.FORMATS:
            self.format.addItem(export_formats.label(key), key)
        self.format.setCurrentIndex(max(0, self.format.findData(options.format)))
        self.format.currentIndexChanged.connect(lambda _i: self._follow_format())
        top.addRow(tr("Format:"), self.format)
        outer.addLayout(top)

        box = QGroupBox(tr("Sections"))
        self.sections_box = box
        grid = QGridLayout(box)
        self.section_boxes: dict[str, QCheckBox] = {}
        rows = (len(SECTIONS) + 1) // 2
        for i, key in enumerate(SECTIONS):  # down the first column, then the second
            check = QCheckBox(section_label(key))
            check.setObjectName(f"section_{key}")
            check.setChecked(key in options.sections)
            check.toggled.connect(self._update_ok)
            grid.addWidget(check, i % rows, i // rows)
            self.section_boxes[key] = check
        outer.addWidget(box)

        form = QFormLayout()
        self.paper = QComboBox()
        self.paper.addItem(tr("A4"), "a4")
        self.paper.addItem(tr("Letter"), "letter")
        self.paper.setCurrentIndex(max(0, self.paper.findData(options.paper)))
        form.addRow(tr("Paper:"), self.paper)
        self.persona = QComboBox()
        self.persona.addItem(tr("Any customer"), None)
        for persona in sorted(journey.ids(S.PERSONA),
                              key=lambda p: (journey.title(p).casefold(), p)):
            self.persona.addItem(journey.title(persona) or tr("Untitled persona"), persona)
        self.persona.setCurrentIndex(max(0, self.persona.findData(options.persona)))
        form.addRow(tr("Emotions of:"), self.persona)
        # The progress section compares with a snapshot: the latest, or one chosen.
        self.since = QComboBox()
        self.since.addItem(tr("The latest snapshot"), None)
        for shot in reversed(journey.snapshots()):
            name = journey.title(shot)
            if self.since.findData(name) < 0:
                self.since.addItem(f"{name} ({journey.get(shot)['taken'][:10]})", name)
        self.since.setCurrentIndex(max(0, self.since.findData(options.since)))
        self.since.setToolTip(tr("The report's progress section shows what changed since "
                                 "this snapshot"))
        form.addRow(tr("Progress since:"), self.since)
        outer.addLayout(form)

        brand = QGroupBox(tr("Branding"))
        self.brand_box = brand
        brand_form = QFormLayout(brand)
        logo_row = QHBoxLayout()
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(PREVIEW)
        self.logo_preview.setAlignment(Qt.AlignCenter)
        self.logo_preview.setFrameShape(QLabel.StyledPanel)
        self.logo_preview.setAccessibleName(tr("Logo preview"))
        logo_row.addWidget(self.logo_preview)
        logo_buttons = QVBoxLayout()
        self.choose_logo = QPushButton(tr("Choose…"))
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo = QPushButton(tr("Remove"))
        self.remove_logo.clicked.connect(lambda: self.set_logo(""))
        logo_buttons.addWidget(self.choose_logo)
        logo_buttons.addWidget(self.remove_logo)
        logo_buttons.addStretch()
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch()
        brand_form.addRow(tr("Logo:"), logo_row)
        self.logo_name = QLabel()
        self.logo_name.setTextInteractionFlags(Qt.TextSelectableByMouse)
        brand_form.addRow("", self.logo_name)
        self.logo_error = QLabel()
        self.logo_error.setWordWrap(True)
        self.logo_error.setStyleSheet("color: #b3261e;")
        self.logo_error.hide()
        brand_form.addRow("", self.logo_error)
        self.accent_button = QPushButton()
        self.accent_button.clicked.connect(self._choose_accent)
        accent_row = QHBoxLayout()
        accent_row.addWidget(self.accent_button)
        accent_row.addStretch()
        brand_form.addRow(tr("Accent colour:"), accent_row)
        self.consultant = QLineEdit(self.author if options.consultant is None
                                    else options.consultant)
        self.consultant.setPlaceholderText(tr("Your name, as on the cover"))
        rtl = journey.document["direction"] == "rtl"
        follow_text_direction(self.consultant, self.consultant.text(), rtl)
        self.consultant.textEdited.connect(
            lambda text: follow_text_direction(self.consultant, text, rtl))
        brand_form.addRow(tr("Consultant:"), self.consultant)
        outer.addWidget(brand)

        self.remembered = QLabel(remembered_by)
        self.remembered.setWordWrap(True)
        self.remembered.setEnabled(False)  # a quiet note
        outer.addWidget(self.remembered)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(tr("Export…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        self._show_accent()
        self._follow_format()
        self._logo = options.logo
        # A remembered logo may have gone bad since (moved, replaced): it stays, with
        # the reason, and Export refuses it until it is removed or replaced.
        if not self._logo or not self.set_logo(self._logo):
            self._show_logo()
        self._update_ok()

    # ---------------------------------------------------------- choosing
    def options(self) -> ReportOptions:
        consultant = self.consultant.text()
        return ReportOptions(
            sections=tuple(k for k in SECTIONS if self.section_boxes[k].isChecked()),
            paper=self.paper.currentData(), persona=self.persona.currentData(),
            logo=self._logo, accent=self._accent, format=self.format.currentData(),
            consultant=None if consultant == self.author else consultant,
            since=self.since.currentData())

    def set_logo(self, path: str) -> bool:
        """Take ``path`` as the logo ("" for none) if it is a usable image; otherwise
        say why under the logo and keep the previous one."""
        if not path:
            self._logo = ""
            self._show_logo()
            self._set_logo_error("")
            return True
        kept = (" " + tr("The logo stays %1.").replace("%1", Path(self._logo).name)
                if self._logo and path != self._logo else "")
        try:
            checked = check_logo(path)[0]
        except ReportError as exc:
            self._set_logo_error(str(exc) + kept)
            return False
        pixmap = QPixmap(str(checked))
        if pixmap.isNull():
            self._set_logo_error(tr("The logo %1 could not be read as an image; it may be "
                                    "damaged.").replace("%1", repr(checked.name)) + kept)
            return False
        self._logo = str(checked)
        self._show_logo(pixmap)
        self._set_logo_error("")
        return True

    def logo_message(self) -> str:
        return self.logo_error.text() if not self.logo_error.isHidden() else ""

    def set_accent(self, colour: str) -> None:
        self._accent = check_accent(colour)
        self._show_accent()

    def accept(self) -> None:  # Qt's name: refuse a bad logo rather than export without it
        if self._logo and not self.set_logo(self._logo):
            return
        if not any(b.isChecked() for b in self.section_boxes.values()):
            return
        super().accept()

    # ------------------------------------------- asking (patched by tests)
    def ask_logo_path(self) -> str:
        start = str(Path(self._logo).parent) if self._logo else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a Logo"), start,
                                              tr("PNG or JPEG images (%1)").replace(
                                                  "%1", LOGO_FILTER))
        return path

    def ask_colour(self, current: QColor) -> QColor | None:
        colour = QColorDialog.getColor(current, self, tr("Accent Colour"))
        return colour if colour.isValid() else None

    # ------------------------------------------------------------ inside
    def _choose_logo(self) -> None:
        path = self.ask_logo_path()
        if path:
            self.set_logo(path)

    def _choose_accent(self) -> None:
        colour = self.ask_colour(QColor(self._accent))
        if colour is not None:
            self.set_accent(colour.name())

    def _show_logo(self, pixmap: QPixmap | None = None) -> None:
        if pixmap is None:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(tr("Cannot use this logo") if self._logo
                                      else tr("No logo"))
        else:
            ratio = self.devicePixelRatioF()
            scaled = pixmap.scaled(PREVIEW * ratio - QSize(8, 8), Qt.KeepAspectRatio,
                                   Qt.SmoothTransformation)
            scaled.setDevicePixelRatio(ratio)
            self.logo_preview.setPixmap(scaled)
        self.logo_name.setText(Path(self._logo).name if self._logo else "")
        self.logo_name.setToolTip(self._logo)
        self.logo_name.setVisible(bool(self._logo))
        self.remove_logo.setEnabled(bool(self._logo))

    def _set_logo_error(self, message: str) -> None:
        self.logo_error.setText(message)
        self.logo_error.setVisible(bool(message))

    def _show_accent(self) -> None:
        swatch = QPixmap(20, 14)
        swatch.fill(QColor(self._accent))
        self.accent_button.setIcon(QIcon(swatch))
        self.accent_button.setText(self._accent)
        self.accent_button.setAccessibleName(tr("Accent colour %1").replace("%1", self._accent))

    def _follow_format(self) -> None:
        """Only the choices the chosen format uses can be made (the others are kept)."""
        kind, f = self.format.currentData(), self.formats
        self.sections_box.setEnabled(kind in f.USES_SECTIONS)
        self.paper.setEnabled(kind in f.USES_PAPER)
        self.persona.setEnabled(kind in f.USES_PERSONA)
        self.since.setEnabled(kind == "pdf" and self.since.count() > 1)
        self.brand_box.setEnabled(kind in f.USES_BRANDING)
        self._update_ok()

    def _update_ok(self) -> None:
        needs = self.format.currentData() in self.formats.USES_SECTIONS
        self.ok_button.setEnabled(not needs or any(b.isChecked()
                                                   for b in self.section_boxes.values()))
