"""The report made beside the window: where to write it, a snapshot of the map, the
drawing on a worker thread with a progress dialog, the file written atomically.

``ReportExport`` asks where to write, snapshots the journey on the GUI thread (a copy
through the file format: edits made while the report is drawn cannot race with it),
draws it in the chosen format (``export_formats.render``: PDF, presentation,
interactive map or Mermaid text) on a worker thread (a ``QThreadPool`` of one thread:
reports take turns) and hands the bytes back through a signal.  A busy progress dialog
offers Cancel, which abandons the result: nothing is written.  The file is written
atomically when it is complete.  The window stays usable meanwhile.
"""

from __future__ import annotations

import re
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QDialog, QProgressDialog

from ...bidi import isolate
from ...export.options import ReportError, check_logo
from ...model import JourneyMap
from ...model.gc_pause import collector_paused
from ...model import schema as S
from . import export_formats
from .report_dialog import ReportDialog
from .report_options import ReportOptions, load_options, save_options, tr


# ------------------------------------------------------------------ the export
class _Relay(QObject):
    """Carries results from the worker threads to the GUI thread.  One for the whole
    application, living on the GUI thread and never deleted, so a worker that outlives
    its window still has something alive to emit on."""
    done = Signal(int, object)  # job number, (bytes, pages or slides, worker thread id)
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
        # A presentation's pictures are drawn on the GUI thread, asked for from the job.
        self.bridge = export_formats.picture_bridge() if options.format == "pptx" else None

    def run(self) -> None:  # Qt's name; on a worker thread
        from ...export.html_map import HtmlExportError

        try:
            # No collection while the job draws: not on this thread (it would free the
            # GUI thread's Qt objects here), nor on the GUI thread's timer (it would free
            # lxml elements of the deck this thread is still changing).
            with collector_paused():
                data = export_formats.render(self.options.format, self.journey,
                                             self.options, self.bridge)
        except (ReportError, HtmlExportError) as exc:
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
            self.relay.done.emit(self.number, (data[0], data[1], threading.get_ident()))


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

    def start(self, format: str | None = None) -> bool:
        """Ask (the dialog on ``format``, if given), then start drawing; False if
        nothing was started."""
        window = self.window
        window.commit_pending()  # a half-typed title belongs in the report
        document = window.document
        journey = document.journey
        title = journey.document["title"]
        options = load_options(document.path, title)
        if format is not None:
            options.format = format
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
        kind = options.format
        suffix = export_formats.SUFFIX[kind]
        path = window.ask_save_path(tr("Export Report"), export_formats.file_filter(kind),
                                    _suggested_path(document.path, title, suffix))
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
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
        data, count, self.worker_thread = result
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
        if path.suffix.lower() == ".pdf":
            count = pdf_pages(data)
        if count is None:
            message = tr("Wrote %1").replace("%1", isolate(path.name))
        elif path.suffix.lower() == ".pptx":
            message = tr("Wrote %1 (%n slides)", None, count).replace("%1", isolate(path.name))
        else:
            message = (tr("Wrote %1 (1 page)") if count == 1 else
                       tr("Wrote %1 (%n pages)", None, count)).replace("%1", isolate(path.name))
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


def export_report(window, format: str | None = None) -> ReportExport | None:
    """File > Export > Report… (and Presentation…, Interactive Map…, which open it on
    their ``format``): one export a window at a time."""
    for export in window.findChildren(ReportExport):
        if export.running:
            if export.progress is not None:
                export.progress.show()
                export.progress.raise_()
            return export
        export.deleteLater()
    export = ReportExport(window)
    return export if export.start(format) else None


def _snapshot(journey: JourneyMap) -> JourneyMap:
    """A copy of the journey the worker may read while the map is edited."""
    from ...fileformat import cxmap

    return cxmap.loads(cxmap.dumps(journey)).journey


def _suggested_path(path: Path | None, title: str, suffix: str = ".pdf") -> Path:
    if path is not None:
        return path.with_suffix(suffix)
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in title)
    return Path.home() / ((cleaned.strip(" .")[:80] or tr("Report")) + suffix)


_PAGES = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b")


def pdf_pages(data: bytes) -> int:
    """The number of pages of a PDF ReportLab wrote (its one page tree's count)."""
    counts = [int(a or b) for a, b in _PAGES.findall(data)]
    if counts:
        return max(counts)
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
