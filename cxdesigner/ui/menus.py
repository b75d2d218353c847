"""The main window's menus and toolbar, and the QActions behind them.

No action has a single-letter shortcut: those keys belong to the canvas (workshop
capture, see canvas/editing.py).  Delete is the canvas's own key too; the menu's Delete
only answers the key inside the outline, so it never takes the key from the canvas or
from a text field.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

from . import settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QMenuBar

    from ..canvas.view import JourneyView
    from .document.document import Document
    from .workshop.mode import WorkshopMode


class MenuWindow(Protocol):
    """What the menus and the toolbar need of the window (``MainWindow`` has it).

    The window builds its menus from this module; typing them against the protocol
    rather than ``MainWindow`` keeps the import one way: ``main_window`` -> ``menus``.
    """

    document: "Document"
    view: "JourneyView"
    workshop: "WorkshopMode"
    docks: dict[str, "QDockWidget"]
    toolbar: QToolBar
    recent_menu: QMenu
    export_menu: QMenu
    file_menu: QMenu
    view_menu: QMenu

    def menuBar(self) -> "QMenuBar": ...
    def style(self) -> QStyle: ...
    def new_map(self, *args: Any) -> Any: ...
    def open_file(self) -> Any: ...
    def open_path(self, path: Any) -> Any: ...
    def save(self) -> Any: ...
    def save_as(self) -> Any: ...
    def import_csv(self) -> Any: ...
    def join_live_session(self) -> Any: ...
    def start_live_session(self) -> Any: ...
    def leave_live_session(self) -> Any: ...
    def save_copy(self) -> Any: ...
    def open_voting_round(self) -> Any: ...
    def close_voting_round(self) -> Any: ...
    def export_csv(self) -> Any: ...
    def export_xlsx(self) -> Any: ...
    def export_report(self) -> Any: ...
    def export_image(self, *args: Any) -> Any: ...
    def export_graphml(self) -> Any: ...
    def export_html_map(self) -> Any: ...
    def export_deck(self) -> Any: ...
    def edit_map_details(self) -> Any: ...
    def close(self) -> bool: ...
    def quit_all(self) -> Any: ...
    def cut(self) -> Any: ...
    def copy(self) -> Any: ...
    def paste(self) -> Any: ...
    def duplicate(self) -> Any: ...
    def delete_selection(self) -> Any: ...
    def select_all(self) -> Any: ...


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _icon(window: MenuWindow, theme: str, fallback: QStyle.StandardPixmap) -> QIcon:
    return QIcon.fromTheme(theme, window.style().standardIcon(fallback))


def _glyph_icon(theme: str, glyph: str) -> QIcon:
    """The theme's icon, or a glyph drawn for it (styles have no zoom icons)."""
    if QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme)
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(QPen(QColor("#3c4650"), 2.5))
    painter.drawEllipse(QRectF(3, 3, 20, 20))
    painter.drawLine(QPointF(20, 20), QPointF(29, 29))
    if glyph in "+-":
        painter.drawLine(QPointF(8, 13), QPointF(18, 13))
    if glyph == "+":
        painter.drawLine(QPointF(13, 8), QPointF(13, 18))
    if glyph == "fit":
        painter.drawRect(QRectF(8.5, 9.5, 9, 7))
    painter.end()
    return QIcon(pixmap)


def _action(window: MenuWindow, text: str, slot, shortcut=None, icon: QIcon | None = None,
            tip: str | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        action.setIcon(icon)
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def create_actions(w: MenuWindow) -> SimpleNamespace:
    S = QStyle.StandardPixmap
    stack = w.document.undo_stack
    a = SimpleNamespace()
    a.new_blank = _action(w, tr("&Blank Map"), lambda: w.new_map("blank"), QKeySequence.New,
                          _icon(w, "document-new", S.SP_FileIcon))
    a.new_blank.setIconText(tr("New"))  # on the toolbar
    a.new_five_en = _action(w, tr("Five Stages (&English)"),
                            lambda: w.new_map("five-stages", "en"))
    a.new_five_he = _action(w, tr("Five Stages (&Hebrew)"),
                            lambda: w.new_map("five-stages", "he"))
    a.new_from_template = _action(w, tr("New from &Template…"), lambda: _new_from_template(w),
                                  "Ctrl+Shift+N",
                                  tip=tr("A ready journey for your kind of business, "
                                         "in English or Hebrew"))
    a.open = _action(w, tr("&Open…"), w.open_file, QKeySequence.Open,
                     _icon(w, "document-open", S.SP_DialogOpenButton))
    a.save = _action(w, tr("&Save"), w.save, QKeySequence.Save,
                     _icon(w, "document-save", S.SP_DialogSaveButton))
    a.save_as = _action(w, tr("Save &As…"), w.save_as, QKeySequence.SaveAs)
    a.import_csv = _action(w, tr("&Import Spreadsheet…"), w.import_csv,
                           tip=tr("A new map from a journey spreadsheet: CSV or Excel (XLSX)"))
    a.import_feedback = _action(w, tr("Import &Feedback…"), lambda: _import_feedback(w),
                                tip=tr("Survey exports (CSV, Excel) and e-mails (mbox, .eml) "
                                       "as the map's customer feedback"))
    a.import_feedback_folder = _action(w, tr("Import Feedback Fol&der…"),
                                       lambda: _import_feedback(w, folder=True),
                                       tip=tr("A folder of saved e-mails (.eml)"))
    # File > Export
    a.export_report = _action(w, tr("&Report…"), w.export_report,
                              tip=tr("The client report: PDF, presentation, interactive map "
                                     "or Mermaid text, with the options to choose"))
    a.export_png = _action(w, tr("&Image (PNG)…"), lambda: w.export_image("png"),
                           tip=tr("A picture of the whole map"))
    a.export_svg = _action(w, tr("Image (&SVG)…"), lambda: w.export_image("svg"),
                           tip=tr("The whole map as a vector picture"))
    a.export_graphml = _action(w, tr("&Graph (GraphML)…"), w.export_graphml,
                               tip=tr("The journey graph for yEd or Gephi"))
    a.export_csv = _action(w, tr("Journey (&CSV)…"), w.export_csv,
                           tip=tr("The journey spreadsheet: one row per touchpoint"))
    a.export_xlsx = _action(w, tr("Journey (&XLSX)…"), w.export_xlsx,
                            tip=tr("The journey spreadsheet as an Excel workbook"))
    a.export_html = _action(w, tr("Interactive &Map…"), w.export_html_map,
                            tip=tr("One web page to send: the map to click through, with "
                                   "its notes, plan and SWOT"))
    a.export_deck = _action(w, tr("&Presentation (PowerPoint)…"), w.export_deck,
                            tip=tr("A slide deck of the map, with the report's options"))
    # The live workshop (ui/live): a room shared with other editors and the room's phones.
    a.join_live = _action(w, tr("&Join Live Session…"), w.join_live_session,
                          tip=tr("Edit a map together with others, from a room's address"))
    a.start_live = _action(w, tr("S&tart Live Session…"), w.start_live_session,
                           tip=tr("Host this map as a room on this computer"))
    a.leave_live = _action(w, tr("&Leave Live Session"), w.leave_live_session)
    a.leave_live.setEnabled(False)
    a.open_round = _action(w, tr("&Open a Voting Round…"), w.open_voting_round,
                           tip=tr("The participants vote with dots on their phones"))
    a.close_round = _action(w, tr("&Close the Voting Round"), w.close_voting_round,
                            tip=tr("Add the round's dots to the notes' votes"))
    for action in (a.open_round, a.close_round):
        action.setEnabled(False)
    a.save_copy = _action(w, tr("Save a Cop&y…"), w.save_copy,
                          tip=tr("The map as it is now, in a file of your own"))
    a.close = _action(w, tr("&Close"), w.close, QKeySequence.Close)
    a.quit = _action(w, tr("&Quit"), w.quit_all, QKeySequence.Quit)
    a.quit.setMenuRole(QAction.QuitRole)

    a.undo = stack.createUndoAction(w, tr("&Undo"))
    a.undo.setShortcut(QKeySequence.Undo)
    a.undo.setIcon(_icon(w, "edit-undo", S.SP_ArrowBack))
    a.redo = stack.createRedoAction(w, tr("&Redo"))
    a.redo.setShortcut(QKeySequence.Redo)
    a.redo.setIcon(_icon(w, "edit-redo", S.SP_ArrowForward))
    a.cut = _action(w, tr("Cu&t"), w.cut, QKeySequence.Cut)
    a.copy = _action(w, tr("&Copy"), w.copy, QKeySequence.Copy)
    a.paste = _action(w, tr("&Paste"), w.paste, QKeySequence.Paste)
    a.duplicate = _action(w, tr("D&uplicate"), w.duplicate, "Ctrl+D")
    a.delete = _action(w, tr("&Delete"), w.delete_selection, QKeySequence.Delete)
    a.delete.setShortcutContext(Qt.WidgetWithChildrenShortcut)
    a.select_all = _action(w, tr("Select &All"), w.select_all, QKeySequence.SelectAll)
    a.map_details = _action(w, tr("&Map Details…"), w.edit_map_details)
    a.preferences = _action(w, tr("Pr&eferences…"), lambda: _preferences(w),
                            QKeySequence.Preferences)  # none on Linux and Windows
    a.preferences.setMenuRole(QAction.PreferencesRole)  # macOS: the application menu

    a.zoom_in = _action(w, tr("Zoom &In"), w.view.zoom_in, QKeySequence.ZoomIn,
                        _glyph_icon("zoom-in", "+"))
    a.zoom_out = _action(w, tr("Zoom &Out"), w.view.zoom_out, QKeySequence.ZoomOut,
                         _glyph_icon("zoom-out", "-"))
    a.fit = _action(w, tr("&Fit Map"), w.view.fit_all, "Ctrl+0",
                    _glyph_icon("zoom-fit-best", "fit"))
    _lane_actions(w, a)
    return a


def _lane_actions(w: MenuWindow, a: SimpleNamespace) -> None:
    from ..commands.lanes import AddLanesCommand
    from .panels.lanes import add_lane_actions

    def add(lanes: list[tuple[str, str]]) -> None:
        w.document.push(AddLanesCommand(w.document.journey, lanes))
        w.docks["lanes"].show()
        w.docks["lanes"].raise_()

    a.add_lanes = add_lane_actions(w, add)
    cells = w.view.cells
    tip = tr("Flags the current cell of a lane; again clears it.")
    a.mark_fail = _action(w, tr("Mark as &Fail Point"), lambda: cells.toggle_mark("fail"),
                          "Ctrl+Shift+F", tip=tip)
    a.mark_wait = _action(w, tr("Mark as &Wait Point"), lambda: cells.toggle_mark("wait"),
                          "Ctrl+Shift+W", tip=tip)
    a.clear_mark = _action(w, tr("&Clear Mark"), lambda: cells.set_mark(None))


def _import_feedback(w: MenuWindow, folder: bool = False) -> None:
    from .dialogs.import_feedback import import_feedback

    import_feedback(w, folder=folder)


def _preferences(w: MenuWindow) -> None:
    from .dialogs.preferences import edit_preferences

    edit_preferences(w)  # type: ignore[arg-type]  # the window is a QWidget


def _new_from_template(w: MenuWindow) -> None:
    from .dialogs.new_from_template import NewFromTemplateDialog

    # Window-modal and not waited for (open, not exec): the window stays responsive
    # to its own timers, and a test can answer the dialog like a user.
    dialog = NewFromTemplateDialog(w)  # type: ignore[arg-type]  # the window is a QWidget
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: w.new_map(*dialog.chosen()))
    dialog.open()


def build_menus(w: MenuWindow, a: SimpleNamespace) -> None:
    bar = w.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    new_menu = file_menu.addMenu(tr("&New"))
    new_menu.addActions([a.new_blank, a.new_five_en, a.new_five_he])
    file_menu.addAction(a.new_from_template)
    file_menu.addAction(a.open)
    w.recent_menu = file_menu.addMenu(tr("Open &Recent"))
    w.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(w))
    fill_recent_menu(w)
    file_menu.addSeparator()
    file_menu.addActions([a.save, a.save_as, a.save_copy])
    file_menu.addSeparator()
    file_menu.addActions([a.start_live, a.join_live, a.leave_live])
    w.room_vote_menu = file_menu.addMenu(tr("Room &Vote"))
    w.room_vote_menu.addActions([a.open_round, a.close_round])
    file_menu.addSeparator()
    file_menu.addActions([a.import_csv, a.import_feedback, a.import_feedback_folder])
    w.export_menu = file_menu.addMenu(tr("&Export"))
    w.export_menu.addActions([a.export_report, a.export_png, a.export_svg, a.export_graphml,
                              a.export_csv, a.export_xlsx, a.export_html])
    w.export_menu.addAction(a.export_deck)
    file_menu.addSeparator()
    file_menu.addActions([a.close, a.quit])

    edit_menu = bar.addMenu(tr("&Edit"))
    edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete])
    edit_menu.addSeparator()
    edit_menu.addAction(a.select_all)
    edit_menu.addSeparator()
    edit_menu.addAction(a.map_details)
    edit_menu.addAction(a.preferences)

    lanes_menu = bar.addMenu(tr("&Lanes"))
    add_menu = lanes_menu.addMenu(tr("&Add Lane"))
    add_menu.addAction(a.add_lanes[0])
    add_menu.addSeparator()
    add_menu.addActions(a.add_lanes[1:])
    lanes_menu.addSeparator()
    lanes_menu.addActions([a.mark_fail, a.mark_wait, a.clear_mark])
    lanes_menu.addSeparator()
    lanes_menu.addAction(w.docks["lanes"].toggleViewAction())

    view_menu = bar.addMenu(tr("&View"))
    w.view_menu = view_menu  # menus added later go before it (ui/review.py)
    w.file_menu = file_menu
    view_menu.addActions([a.zoom_in, a.zoom_out, a.fit])
    view_menu.addSeparator()
    view_menu.addAction(w.workshop.toggle_action)
    view_menu.addSeparator()
    panels = view_menu.addMenu(tr("&Panels"))
    for dock in w.docks.values():
        panels.addAction(dock.toggleViewAction())
    panels.addAction(w.toolbar.toggleViewAction())


def build_toolbar(w: MenuWindow, a: SimpleNamespace) -> QToolBar:
    bar = QToolBar(tr("Toolbar"), w)
    bar.setObjectName("toolbar")  # saveState() needs a name
    bar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
    bar.addActions([a.new_blank, a.open, a.save])
    bar.addSeparator()
    bar.addActions([a.undo, a.redo])
    bar.addSeparator()
    bar.addActions([a.zoom_out, a.zoom_in, a.fit])
    return bar


def fill_recent_menu(w: MenuWindow) -> None:
    menu: QMenu = w.recent_menu
    menu.clear()
    paths = settings.recent_files()
    for n, path in enumerate(paths, 1):
        # A number as mnemonic for the first nine; the folder in the status bar.
        name = path.name.replace("&", "&&")
        action = menu.addAction(f"&{n} {name}" if n < 10 else name)
        action.setStatusTip(str(path))
        action.setToolTip(str(path))
        action.triggered.connect(lambda _checked=False, p=path: w.open_path(p))
    if paths:
        menu.addSeparator()
        menu.addAction(tr("&Clear Menu"), lambda: (settings.clear_recent_files(),
                                                   fill_recent_menu(w)))
    else:
        empty = menu.addAction(tr("No recent maps"))
        empty.setEnabled(False)
