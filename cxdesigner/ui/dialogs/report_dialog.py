"""File > Export > Report (PDF)…: the report's options, then the report made beside
the window.

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

import hashlib
import json
import re
import sys
import threading
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (QCoreApplication, QLocale, QObject, QRunnable, QSize, Qt,
                            QThreadPool, QTimer, Signal)
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QCheckBox, QColorDialog, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QProgressDialog, QPushButton, QVBoxLayout,
                               QWidget)

from ...bidi import isolate
from ...export.options import (DEFAULT_ACCENT, PAPERS, SECTIONS, ReportError, check_accent,
                               check_logo)
from ...model import JourneyMap
from ...model import schema as S
from .. import settings
from ..panels.fields import follow_text_direction

LOGO_FILTER = "*.png *.jpg *.jpeg"
PDF_FILTER = "*.pdf"
PREVIEW = QSize(180, 64)


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # A count goes third, as in Qt's own call, so that lupdate sees the plural.
    return QCoreApplication.translate("ReportDialog", text, disambiguation, n)


def section_label(key: str) -> str:
    return {"cover": tr("Cover"), "contents": tr("Contents"), "summary": tr("Summary"),
            "map": tr("Journey map"), "curve": tr("Emotion curves"),
            "stages": tr("Stage by stage"), "blueprint": tr("Service blueprint"),
            "swot": tr("SWOT"),
            "matrix": tr("Priority matrix"), "plan": tr("Action plan"),
            "personas": tr("Personas")}.get(key, key)


# ------------------------------------------------------------------ options
@dataclass
class ReportOptions:
    """What the dialog asks; ``consultant`` None means the map's author."""
    sections: tuple[str, ...] = SECTIONS
    paper: str = "a4"
    persona: str | None = None
    logo: str = ""
    accent: str = DEFAULT_ACCENT
    consultant: str | None = None

    @classmethod
    def default(cls) -> "ReportOptions":
        us = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        return cls(paper="letter" if us else "a4")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["sections"] = list(self.sections)
        return data

    @classmethod
    def from_json(cls, data: Any) -> "ReportOptions":
        """Options read back from the settings; anything odd gives way to its default."""
        options = cls.default()
        if not isinstance(data, dict):
            return options
        sections = data.get("sections")
        if isinstance(sections, list):
            chosen = tuple(s for s in SECTIONS if s in sections)
            if chosen:
                options.sections = chosen
        if data.get("paper") in PAPERS:
            options.paper = data["paper"]
        if isinstance(data.get("persona"), str) and data["persona"]:
            options.persona = data["persona"]
        if isinstance(data.get("logo"), str):
            options.logo = data["logo"]
        try:
            options.accent = check_accent(data.get("accent"))
        except ReportError:
            pass
        if isinstance(data.get("consultant"), str):
            options.consultant = data["consultant"]
        return options


def options_keys(path: Path | None, title: str) -> list[str]:
    """Where a document's options are remembered, best first: its absolute path, and
    its title (the only key of a map never saved; the fallback of one just saved)."""
    by_title = "title:" + title
    if path is None:
        return [by_title]
    return ["path:" + str(Path(path).resolve()), by_title]


def _settings_key(key: str) -> str:
    # Hashed: a path's slashes would make settings groups, and INI files mangle others.
    return "report_options/" + hashlib.sha1(key.encode("utf-8", "surrogatepass")
                                            ).hexdigest()[:24]


def load_options(path: Path | None, title: str) -> ReportOptions:
    store = settings.open_settings()
    for key in options_keys(path, title):
        raw = store.value(_settings_key(key))
        if isinstance(raw, str) and raw:
            try:
                data = json.loads(raw)
            except ValueError:
                continue
            if isinstance(data, dict) and data.get("key") == key:
                return ReportOptions.from_json(data.get("options"))
    return ReportOptions.default()


def save_options(path: Path | None, title: str, options: ReportOptions) -> None:
    key = options_keys(path, title)[0]
    store = settings.open_settings()
    store.setValue(_settings_key(key), json.dumps({"key": key, "options": options.to_json()},
                                                  ensure_ascii=False))
    store.sync()


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

        box = QGroupBox(tr("Sections"))
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
        outer.addLayout(form)

        brand = QGroupBox(tr("Branding"))
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
            logo=self._logo, accent=self._accent,
            consultant=None if consultant == self.author else consultant)

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

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(any(b.isChecked() for b in self.section_boxes.values()))


# ------------------------------------------------------------------ the export
class _Relay(QObject):
    """Carries results from the worker threads to the GUI thread.  One for the whole
    application, living on the GUI thread and never deleted, so a worker that outlives
    its window still has something alive to emit on."""
    done = Signal(int, object)  # job number, (PDF bytes, worker thread id)
    failed = Signal(int, str)  # job number, message for the user


_relay: _Relay | None = None
_pool: QThreadPool | None = None
_jobs = 0


def _get_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


def report_pool() -> QThreadPool:
    """The reports' own worker: one thread, so reports from two windows take turns
    (ReportLab keeps some settings in globals that two reports at once would share)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(5000)
    return _pool


class _ReportJob(QRunnable):
    def __init__(self, number: int, journey: JourneyMap, options: ReportOptions):
        super().__init__()
        self.number, self.journey, self.options = number, journey, options
        self.relay = _get_relay()  # made on the GUI thread, before the pool starts us

    def run(self) -> None:  # Qt's name; on a worker thread
        from ...export import Branding
        from ...export import report  # ReportLab loads here, off the GUI thread

        o = self.options
        try:
            data = report.render_report(
                self.journey, paper=o.paper, sections=o.sections, persona=o.persona,
                branding=Branding(logo=o.logo or None, accent=o.accent,
                                  consultant=o.consultant))
        except ReportError as exc:
            self.relay.failed.emit(self.number, str(exc))
        except MemoryError:
            self.relay.failed.emit(self.number, tr("There is not enough memory to make the "
                                                   "report."))
        except Exception as exc:  # a bug: say so rather than leave the dialog spinning
            traceback.print_exc(file=sys.stderr)
            self.relay.failed.emit(self.number, tr("The report could not be made (%1). No "
                                                   "file was written.").replace(
                                                       "%1", f"{type(exc).__name__}: {exc}"))
        else:
            self.relay.done.emit(self.number, (data, threading.get_ident()))


class ReportExport(QObject):
    """One report export from a window: options, output path, worker, file."""
    finished = Signal(bool)  # True when the file was written

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.job: int | None = None
        self.path: Path | None = None
        self.progress: QProgressDialog | None = None
        self.worker_thread: int | None = None  # which thread drew the last report
        relay = _get_relay()
        relay.done.connect(self._done, Qt.QueuedConnection)
        relay.failed.connect(self._failed, Qt.QueuedConnection)

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self) -> bool:
        """Ask, then start drawing; False if nothing was started."""
        window = self.window
        window.commit_pending()  # a half-typed title belongs in the report
        document = window.document
        journey = document.journey
        title = journey.document["title"]
        options = load_options(document.path, title)
        if options.persona is not None and (options.persona not in journey
                                            or journey.kind_of(options.persona) != S.PERSONA):
            options.persona = None  # a persona removed since
        remembered = (tr("These choices are remembered for this map file.")
                      if document.path is not None else
                      tr("This map has no file yet: these choices are remembered by its "
                         "title."))
        dialog = ReportDialog(journey, options, remembered, window)
        try:
            if dialog.exec() != QDialog.Accepted:
                return False
            options = dialog.options()
        finally:
            dialog.deleteLater()
        save_options(document.path, title, options)
        if options.logo:
            try:
                check_logo(options.logo)
            except ReportError as exc:
                window.show_error(tr("Cannot export report"), str(exc))
                return False
        path = window.ask_save_path(tr("Export Report"), tr("PDF documents (%1)").replace(
            "%1", PDF_FILTER), _suggested_path(document.path, title))
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if window._is_own_file(path, tr("Cannot export report")):
            return False
        self.run(_snapshot(journey), options, path)
        return True

    def run(self, journey: JourneyMap, options: ReportOptions, path: Path) -> None:
        """Draw the report of ``journey`` (already a snapshot) on a worker thread."""
        global _jobs
        _jobs += 1
        self.job, self.path = _jobs, path
        progress = QProgressDialog(tr("Making %1…").replace("%1", isolate(path.name)),
                                   tr("Cancel"), 0, 0, self.window)
        progress.setWindowTitle(tr("Export Report"))
        progress.setWindowModality(Qt.NonModal)  # keep working on the map meanwhile
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(340)
        progress.canceled.connect(self.cancel)
        self.progress = progress
        QTimer.singleShot(250, self._show_progress)  # a quick report never flashes it
        self.window.statusBar().showMessage(tr("Making the report…"))
        report_pool().start(_ReportJob(self.job, journey, options))

    def cancel(self) -> None:
        """Abandon the running export: its result is dropped and nothing written."""
        if self.job is None:
            return
        self._end()
        self.window.statusBar().showMessage(tr("Report export cancelled."), 5000)
        self.finished.emit(False)

    # ------------------------------------------------------------ results
    def _show_progress(self) -> None:
        if self.job is not None and self.progress is not None:
            self.progress.show()

    def _done(self, number: int, result: tuple) -> None:
        if number != self.job:
            return
        data, self.worker_thread = result
        path = self.path
        self._end()
        from ...fileformat import FileFormatError
        from ...fileformat.cxmap import write_atomic

        try:
            write_atomic(path, data, backup=False)
        except FileFormatError as exc:
            self.window.show_error(tr("Cannot export report"), exc.message.replace(
                "Could not save", "Could not write the report"))
            self.finished.emit(False)
            return
        pages = pdf_pages(data)
        message = (tr("Wrote %1 (1 page)") if pages == 1 else
                   tr("Wrote %1 (%n pages)", None, pages)).replace("%1", isolate(path.name))
        self.window.statusBar().showMessage(message, 10000)
        self.finished.emit(True)

    def _failed(self, number: int, message: str) -> None:
        if number != self.job:
            return
        self._end()
        self.window.statusBar().clearMessage()
        self.window.show_error(tr("Cannot export report"), message)
        self.finished.emit(False)

    def _end(self) -> None:
        self.job = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None


def export_report(window) -> ReportExport | None:
    """File > Export > Report (PDF)…: one export a window at a time."""
    for export in window.findChildren(ReportExport):
        if export.running:
            if export.progress is not None:
                export.progress.show()
                export.progress.raise_()
            return export
        export.deleteLater()
    export = ReportExport(window)
    return export if export.start() else None


def _snapshot(journey: JourneyMap) -> JourneyMap:
    """A copy of the journey the worker may read while the map is edited."""
    from ...fileformat import cxmap

    return cxmap.loads(cxmap.dumps(journey)).journey


def _suggested_path(path: Path | None, title: str) -> Path:
    if path is not None:
        return path.with_suffix(".pdf")
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in title)
    return Path.home() / ((cleaned.strip(" .")[:80] or tr("Report")) + ".pdf")


_PAGES = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b")


def pdf_pages(data: bytes) -> int:
    """The number of pages of a PDF ReportLab wrote (its one page tree's count)."""
    counts = [int(a or b) for a, b in _PAGES.findall(data)]
    if counts:
        return max(counts)
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
