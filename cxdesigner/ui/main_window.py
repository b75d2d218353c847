"""The main window: the canvas in the centre, panels around it, menus and toolbar.

Each window shows one document.  New, Open, Import and dropped files open in a new
window, or in place of an untouched empty one; the open windows are kept in a module
list, so they live until closed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QLocale, QPoint, Qt, QTimer
from PySide6.QtWidgets import (QApplication, QDockWidget, QLabel, QMainWindow, QMessageBox,
                               QWidget)

from ..bidi import isolate
from ..canvas.scene import JourneyScene
from ..canvas.view import JourneyView
from ..fileformat import FileFormatError, templates
from ..model.matching import Suggester
from . import copy_paste, gui_gc, settings
from .document import autosave
from .document.document import Document
from .language import ours
from .live.window_live import LiveWindowMixin
from .menus import build_menus, build_toolbar, create_actions
from .panels.action_common import map_direction
from .panels.actions_panel import ActionTreePanel
from .panels.analysis_panel import AnalysisPanel
from .panels.inspector import Inspector
from .panels.matrix import PriorityMatrixView
from .panels.outline import Outline
from .panels.palette import Palette
from .panels.feedback import FeedbackPanel
from .review import Review
from .panels.lanes import LanesPanel
from .panels.personas import PersonasPanel
from .panels.swot import SwotBoard
from .workshop.mode import WorkshopMode
from .window_edits import EditingMixin
from .window_exports import CSV_FILTER, SHEETS, XLSX_FILTER, ExportsMixin, file_stem
from .window_questions import QuestionsMixin

MAP_FILTER = "*.cxmap"
_windows: list["MainWindow"] = []


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # A count goes third, as in Qt's own call, so that lupdate sees the plural.
    return QCoreApplication.translate("MainWindow", text, disambiguation, n)


def windows() -> list["MainWindow"]:
    """The open editor windows, oldest first."""
    return list(_windows)


def window_for(path: Path) -> "MainWindow | None":
    """The window showing the file ``path``, however it is named: through a symbolic
    link, a hard link, or another case on a case-insensitive disk."""
    from ..fileformat.files import same_file

    path = Path(path)
    resolved = path.resolve()
    shown = [w for w in _windows if w.document.path is not None]
    for window in shown:
        if window.document.path.resolve() == resolved:
            return window
    for window in shown:  # one stat each; only when no name matched
        if same_file(window.document.path, path):
            return window
    return None


class MainWindow(LiveWindowMixin, EditingMixin, ExportsMixin, QuestionsMixin, QMainWindow):
    def __init__(self, document: Document):
        super().__init__()
        # Workers (reports, decks, the live server) start from a window: from now on
        # cycles are collected on this thread only (gui_gc.py says why).
        gui_gc.collect_on_gui_thread_only()
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.document = document
        document.setParent(self)
        # A recovery copy while there are unsaved changes (when the editor has a session).
        self.autosaver = autosave.Autosaver(document, autosave.current_session())
        self.scene = JourneyScene(document.journey, document.push, self)
        self.view = JourneyView(self.scene, self)
        self.view.setAccessibleName(tr("Journey map canvas"))
        # The canvas reads in the map's direction whatever the interface's (a Hebrew
        # map starts on the right under English menus, an English one on the left under
        # Hebrew menus); the view would otherwise inherit the application's.
        self._follow_map_direction()
        document.journey.events.subscribe("document_changed", self._follow_map_direction)
        self.setCentralWidget(self.view)
        self._build_panels()
        # Workshop mode keeps the plan in view: the room votes, then sees the result.
        self.workshop = WorkshopMode(self, self.view, self.scene, document,
                                     keep_docks=[self.docks["plan"]])
        self.act = create_actions(self)
        self.toolbar = build_toolbar(self, self.act)
        self.addToolBar(self.toolbar)
        build_menus(self, self.act)
        self.review = Review(self)
        # Delete in the outline deletes what it selects; on the canvas the view has the key.
        self.outline.addAction(self.act.delete)
        self.zoom_label = QLabel()
        self.statusBar().addPermanentWidget(self.zoom_label)
        # Selecting thousands of items emits thousands of signals: follow once after.
        self._selection_timer = QTimer(self, singleShot=True, interval=0)
        self._selection_timer.timeout.connect(self.sync_selection)
        self._wire()
        self.setAcceptDrops(True)
        self._restore_layout()
        self._update_title()
        self._update_edit_actions()
        _windows.append(self)

    # ------------------------------------------------------------- building
    def _build_panels(self) -> None:
        self.palette = Palette()
        self.outline = Outline(self.document)
        self.inspector = Inspector(self.document)
        self.personas = PersonasPanel(self.document, self.scene)
        self.docks: dict[str, QDockWidget] = {}
        # Dock areas do not mirror with the layout: in a Hebrew interface the palette
        # and outline belong on the right, where reading starts.
        rtl = QApplication.layoutDirection() == Qt.RightToLeft
        start = Qt.RightDockWidgetArea if rtl else Qt.LeftDockWidgetArea
        end = Qt.LeftDockWidgetArea if rtl else Qt.RightDockWidgetArea
        self._dock("palette", tr("Palette"), self.palette, start)
        outline = self._dock("outline", tr("Outline"), self.outline, start)
        # The inspector gets the whole other side: a note's form is long.  Personas
        # share the outline's place, a tab away.
        self._dock("inspector", tr("Inspector"), self.inspector, end)
        personas = self._dock("personas", tr("Personas"), self.personas, start)
        self.tabifyDockWidget(outline, personas)
        self.lanes = LanesPanel(self.document)
        self.feedback = FeedbackPanel(self.document, self.show_elements,
                                      Suggester(self.document.journey))
        self.tabifyDockWidget(personas, self._dock("lanes", tr("Lanes"), self.lanes, start))
        outline.raise_()
        # Prioritising happens under the map: plan, matrix, SWOT and analysis as tabs.
        show = self.show_elements
        self.plan = ActionTreePanel(self.document, show)
        self.matrix = PriorityMatrixView(self.document, show)
        self.swot = SwotBoard(self.document, show)
        self.analysis = AnalysisPanel(self.document, show, lambda: self.scene.persona)
        bottom = [self._dock("plan", tr("Plan"), self.plan, Qt.BottomDockWidgetArea),
                  self._dock("matrix", tr("Priority Matrix"), self.matrix,
                             Qt.BottomDockWidgetArea),
                  self._dock("swot", tr("SWOT"), self.swot, Qt.BottomDockWidgetArea),
                  self._dock("analysis", tr("Analysis"), self.analysis,
                             Qt.BottomDockWidgetArea),
                  self._dock("feedback", tr("Feedback"), self.feedback,
                             Qt.BottomDockWidgetArea)]
        for dock in bottom[1:]:
            self.tabifyDockWidget(bottom[0], dock)
        bottom[0].raise_()

    def _follow_map_direction(self, event=None) -> None:
        if event is None or "direction" in event.keys:
            self.view.setLayoutDirection(map_direction(self.document.journey))

    def _dock(self, name: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState()/restoreState() find docks by name
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[name] = dock
        return dock

    def _wire(self) -> None:
        document = self.document
        document.modified_changed.connect(self.setWindowModified)
        document.path_changed.connect(self._update_title)
        document.edit_refused.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.autosaver.failed.connect(lambda message: self.statusBar().showMessage(message))
        self.scene.selectionChanged.connect(self._selection_timer.start)
        self.outline.selection_made.connect(self._select_from_outline)
        self.personas.persona_chosen.connect(self.inspector.set_persona)
        self.personas.persona_chosen.connect(lambda _persona: self.analysis.schedule())
        self.view.editor.action_added.connect(self._show_new_action)
        self.palette.entry_activated.connect(self.add_from_palette)
        self.inspector.map_details_requested.connect(self.edit_map_details)
        self.view.zoom_changed.connect(
            lambda zoom: self.zoom_label.setText(f"{round(zoom * 100)}%"))
        QApplication.clipboard().dataChanged.connect(self._update_edit_actions)
        # The canvas's messages name map elements: they read in the interface's direction.
        self.view.cells.message.connect(
            lambda message: self.statusBar().showMessage(ours(message), 8000))
        self.view.editor.message.connect(
            lambda message: self.statusBar().showMessage(ours(message), 8000))

    def _restore_layout(self) -> None:
        geometry, state = settings.window_state()
        self.resize(1400, 900)
        self.resizeDocks([self.docks["palette"], self.docks["inspector"]], [240, 340],
                         Qt.Horizontal)
        self.resizeDocks([self.docks["palette"], self.docks["outline"]], [395, 405], Qt.Vertical)
        self.resizeDocks([self.docks["plan"]], [260], Qt.Vertical)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        if _windows:  # a second window steps aside so the first stays visible
            self.move(_windows[-1].pos() + QPoint(32, 32))

    def showEvent(self, event) -> None:  # Qt's name
        super().showEvent(event)
        if not getattr(self, "_fitted", False):
            self._fitted = True
            self.show_start()

    def show_start(self) -> None:
        """The whole map if it reads at that size; else its stages' full height, from
        where reading starts (the right of a right-to-left map)."""
        view = self.view
        view.fit_all()
        bounds = self.scene.layout.bounds
        viewport = view.viewport().size()
        readable = min(0.8, viewport.height() / (bounds.h + 80))
        if view.zoom() >= readable * 0.99:
            return
        view.set_zoom(readable)
        half = viewport.width() / view.zoom() / 2
        x = bounds.right + 40 - half if self.scene.layout.rtl else bounds.x - 40 + half
        view.centerOn(x, bounds.y + bounds.h / 2)

    # ------------------------------------------------------------- opening
    @classmethod
    def start(cls, path: Path | None) -> "MainWindow":
        """The editor's start: the first window, then the offer to recover the work
        of an editor that did not close normally.  Returns the window in front."""
        window = cls.open_new(path)
        window.show()
        if autosave.session_error():
            window.statusBar().showMessage(autosave.session_error())
        recovered = window.offer_recovery()
        return recovered[-1] if recovered else window

    def offer_recovery(self) -> list["MainWindow"]:
        """Ask what to do with recovery copies left by editors no longer running; open
        the maps recovered or saved.  Copies left for later stay on disk."""
        session = autosave.current_session()
        if session is None:
            return []
        scan = session.scan()  # sidecars only: no map is loaded until one is chosen
        try:
            if not scan.entries:
                if scan.skipped:
                    skipped = len(scan.skipped)
                    self.statusBar().showMessage(tr(
                        "%n item(s) in the recovery folder were skipped: %1", None,
                        skipped).replace("%1", "; ".join(
                            f"{s.name} ({s.reason})" for s in scan.skipped[:3])))
                return []
            from .dialogs.recovery import RecoveryDialog

            # No parent: this window may give way to the first map recovered.
            dialog = RecoveryDialog(scan.entries, skipped=scan.skipped,
                                    not_listed=scan.not_listed)
            dialog.exec()
            opened, window = [], self
            for item in dialog.chosen:
                path = item.document.path
                existing = window_for(path) if path is not None else None
                if existing is not None:  # one window per file
                    self._recovered_while_open(existing, item)
                    opened.append(existing)
                    continue
                window = window.show_document(item.document)
                if item.entry is not None:
                    window.autosaver.adopt(item.entry)
                window._report_repairs(sum(p.count for p in item.problems))
                opened.append(window)
            return opened
        finally:
            scan.release()

    def _recovered_while_open(self, existing: "MainWindow", item) -> None:
        """A recovered map whose file a window already shows: that window comes to the
        front.  A copy holding just what it shows is done with; any other copy stays
        on disk (offered at the next start) and the user is told, so nothing is lost."""
        existing.raise_()
        existing.activateWindow()
        if item.entry is None:  # saved to a file of its own: nothing left to keep
            return
        if item.document.journey.snapshot() == existing.document.journey.snapshot():
            item.entry.remove()
            return
        existing.show_error(tr("Recovered map not opened"), tr(
            "“%1” is already open in a window, which shows a different version than the "
            "recovery copy. The copy is kept and offered again at the next start; to keep "
            "both, close this window first, or choose Save As… for the copy then.").replace(
            "%1", item.document.path.name))

    @classmethod
    def open_new(cls, path: Path | None) -> "MainWindow":
        """A window on ``path`` (the command line's); a file that fails to load is
        reported and a new map opened instead."""
        if path is not None:
            try:
                document, problems = Document.open(path)
            except FileFormatError as exc:
                QMessageBox.warning(None, tr("Cannot open map"), str(exc))
            else:
                settings.add_recent_file(path)
                window = cls(document)
                window._report_repairs(sum(p.count for p in problems))
                return window
        return cls(Document())

    def is_pristine(self) -> bool:
        """Untouched and empty: a window that may give way to the next map opened."""
        document = self.document
        return (document.path is None and not document.is_modified
                and document.undo_stack.count() == 0 and len(document.journey) == 0)

    def show_document(self, document: Document) -> "MainWindow":
        """Show a document in a new window, or in place of this one if untouched."""
        window = MainWindow(document)
        if self.is_pristine():
            window.restoreGeometry(self.saveGeometry())
            window.restoreState(self.saveState())
            window.show()
            self.close()
        else:
            window.show()
        return window

    def new_map(self, template: str = "blank", lang: str | None = None) -> "MainWindow":
        if lang is None:
            lang = "he" if QLocale().language() == QLocale.Hebrew else "en"
        return self.show_document(Document(templates.new_from_template(template, lang)))

    def open_file(self) -> None:
        path = self.ask_open_path(tr("Open Map"), tr("Journey maps (%1)").replace(
            "%1", MAP_FILTER))
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> "MainWindow | None":
        """Open a map file; a file that fails to load is explained and changes nothing."""
        path = Path(path)
        existing = window_for(path)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing
        try:
            document, problems = Document.open(path)
        except FileFormatError as exc:
            if not path.exists():
                settings.remove_recent_file(path)
            self.show_error(tr("Cannot open map"), str(exc))
            return None
        settings.add_recent_file(path)
        window = self.show_document(document)
        window._report_repairs(sum(p.count for p in problems))
        return window

    def import_csv(self) -> None:
        path = self.ask_open_path(tr("Import Journey Spreadsheet"), tr(
            "Journey spreadsheets (%1)").replace("%1", f"{CSV_FILTER} {XLSX_FILTER}"))
        if path:
            self.import_csv_path(path)

    def import_csv_path(self, path: str | Path) -> "MainWindow | None":
        """A new, untitled and unsaved map from a journey CSV or XLSX workbook."""
        from ..fileformat.xlsx_journey import import_sheet

        try:
            result = import_sheet(path)
        except FileFormatError as exc:
            self.show_error(tr("Cannot import the spreadsheet"), str(exc))
            return None
        document = Document(result.journey)
        document.mark_modified()
        window = self.show_document(document)
        if result.warnings:
            warnings = len(result.warnings)
            window.statusBar().showMessage(
                tr("Imported with %n warning(s). The first: %1", None, warnings).replace(
                    "%1", result.warnings[0].message))
        return window

    def _report_repairs(self, count: int) -> None:
        if count:
            self.statusBar().showMessage(tr(
                "%n problem(s) in the file were repaired; save to keep the repairs.", None,
                count))

    # -------------------------------------------------------------- saving
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        change = self.document.disk_change()
        if change == "changed":  # another program wrote it since we read or wrote it
            answer = self.ask_changed_on_disk()
            if answer == "save_as":
                return self.save_as()
            if answer != "overwrite":
                return False
        if not self._save_to(self.document.path):
            return False
        if change == "removed":  # nothing there to lose: saving puts the file back
            self.statusBar().showMessage(tr(
                "The file had been removed from disk; it was saved again: %1").replace(
                "%1", str(self.document.path)), 8000)
        return True

    def save_as(self) -> bool:
        suggested = self.document.path or Path.home() / (
            file_stem(self.document.journey.document["title"]) + ".cxmap")
        path = self.ask_save_path(tr("Save Map As"), tr("Journey maps (%1)").replace(
            "%1", MAP_FILTER), suggested)
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != ".cxmap":
            path = path.with_name(path.name + ".cxmap")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        from ..fileformat.files import ReadOnlyFileError

        self.commit_pending()  # a half-typed title belongs in the file
        try:
            notes = self.document.save(path)
        except ReadOnlyFileError:
            # A rename would replace it all the same; the user made it read-only for a
            # reason, so ask rather than overwrite or merely fail.
            return self.save_as() if self.ask_read_only(path) == "save_as" else False
        except (FileFormatError, OSError) as exc:
            self.show_error(tr("Cannot save map"), str(exc))
            return False
        settings.add_recent_file(path)
        message = tr("Saved %1").replace("%1", isolate(str(path)))
        if notes:  # a backup that could not be kept
            message += " " + tr("No backup was kept: “%1” is not a file.").replace(
                "%1", path.name + ".bak")
        self.statusBar().showMessage(message, 8000 if notes else 5000)
        return True

    def commit_pending(self) -> None:
        """Commit text still being typed in a panel."""
        self.inspector.commit_pending()
        self.personas.form.flush()

    # ------------------------------------------------------------- closing
    def maybe_save(self) -> bool:
        """True if the window may close: saved, discarded, or nothing to lose."""
        if not self.document.is_modified:
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def closeEvent(self, event) -> None:  # Qt's name
        self.commit_pending()
        if not self.maybe_save():
            event.ignore()
            return
        self.leave_live_session()  # joins its network thread, stops a hosted server
        # Saved, or the changes discarded: either way the recovery copy has had its day.
        self.autosaver.discard()
        settings.save_window_state(self.saveGeometry(), self.saveState())
        if self.workshop.active:
            self.workshop.exit()
        for part in (self.scene, self.inspector, self.outline, self.personas, self.lanes,
                     self.plan, self.matrix, self.swot, self.analysis, self.feedback,
                     self.feedback.suggester, self.review, self.workshop):
            part.detach()
        self.document.journey.events.unsubscribe(self._follow_map_direction)
        # Deleting the scene deselects its items one by one: nothing may listen by then.
        self.scene.selectionChanged.disconnect()
        if self in _windows:
            _windows.remove(self)
        event.accept()

    def quit_all(self) -> None:
        # Each window asks about its own changes; a Cancel stops the quit there.
        QApplication.closeAllWindows()

    # ----------------------------------------------------------- selection
    def sync_selection(self) -> None:
        """Show the canvas's selection in the outline and the inspector."""
        self._selection_timer.stop()
        ids = self.scene.selected_ids()
        self.outline.select_ids(ids)
        self.inspector.show_ids(ids)
        self.plan.set_selection(ids)
        self.matrix.show_selection(ids)
        self.swot.show_selection(ids)
        self._update_edit_actions()

    def show_elements(self, ids: list[str]) -> None:
        """Select elements chosen in a panel on the canvas, scrolled into view."""
        self._select_from_outline(ids)

    def _show_new_action(self, action: str) -> None:
        # Actions live in the plan, not on the canvas: name it there.
        self.docks["plan"].show()
        self.docks["plan"].raise_()
        self.plan.show_action(action, edit_title=True)

    def _select_from_outline(self, ids: list[str]) -> None:
        self.scene.select_ids(ids)
        item = self.scene.item_for(ids[0]) if ids else None
        if item is not None:
            self.view.ensureVisible(item, 40, 40)
        self.sync_selection()

    def _update_edit_actions(self) -> None:
        has = bool(self.scene.selected_ids())
        for action in (self.act.cut, self.act.copy, self.act.duplicate, self.act.delete):
            action.setEnabled(has)
        self.act.paste.setEnabled(copy_paste.can_paste())

    # ----------------------------------------------------------- the title
    def _update_title(self, *_args) -> None:
        path = self.document.path
        name = path.name if path else tr("Untitled")
        self.setWindowTitle(f"{name}[*]{self.live_title()} — CX Designer")
        self.setWindowModified(self.document.is_modified)

    # ------------------------------------------------------- dropped files
    @staticmethod
    def dropped_files(mime) -> list[Path]:
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()
                and Path(url.toLocalFile()).suffix.lower() in (".cxmap", *SHEETS)]

    def dragEnterEvent(self, event) -> None:  # Qt's name
        if self.dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # Qt's name
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # Qt's name
        paths = self.dropped_files(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # After the drop returns: a dialog inside a drop handler blocks the drag source.
        QTimer.singleShot(0, lambda: self._open_dropped(paths))

    def _open_dropped(self, paths: list[Path]) -> None:
        window = self
        for path in paths:
            opened = (window.import_csv_path(path) if path.suffix.lower() in SHEETS
                      else window.open_path(path))
            window = opened or window

