"""The main window's exports: the journey as CSV or XLSX, the PDF report, PNG and SVG
pictures, GraphML and the interactive map (HTML), each asked for a path that is never
the map's own file (a mixin of ``MainWindow``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from ..bidi import isolate
from ..fileformat import FileFormatError

CSV_FILTER = "*.csv"
XLSX_FILTER = "*.xlsx"
SHEETS = (".csv", ".xlsx")  # the journey spreadsheets File > Import and a drop take


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # The main window's context: these texts were its own and keep their translations.
    return QCoreApplication.translate("MainWindow", text, disambiguation, n)


class ExportsMixin:
    """Needs ``document``, ``scene``, ``statusBar``, ``ask_save_path``, ``show_error``
    and ``commit_pending`` of the window."""

    def export_csv(self) -> None:
        from ..fileformat.csvio import export_csv

        base = self.document.path.with_suffix(".csv") if self.document.path else (
            Path.home() / (file_stem(self.document.journey.document["title"]) + ".csv"))
        path = self.ask_save_path(tr("Export Journey CSV"), tr("Journey CSV (%1)").replace(
            "%1", CSV_FILTER), base)
        if path and not self._is_own_file(Path(path), tr("Cannot export CSV")):
            self._write_sheet(export_csv, Path(path), tr("Cannot export CSV"))

    def export_xlsx(self) -> None:
        """File > Export > Journey (XLSX)…: the CSV's rows as an Excel workbook."""
        from ..fileformat.xlsx_journey import export_xlsx

        self.commit_pending()
        path = self._export_path(tr("Export Journey Spreadsheet"),
                                 tr("Excel workbooks (%1)"), "xlsx")
        if path is not None:
            self._write_sheet(export_xlsx, path, tr("Cannot export the spreadsheet"))

    def _write_sheet(self, write, path: Path, failed: str) -> None:
        try:
            write(self.document.journey, path, self.scene.persona)
        except (FileFormatError, OSError) as exc:
            self.show_error(failed, str(exc))
            return
        self.statusBar().showMessage(tr("Exported %1").replace("%1", isolate(str(path))), 5000)

    def export_report(self) -> None:
        from .dialogs.report_export import export_report

        export_report(self)  # the options dialog, then the PDF drawn on a worker thread

    def export_image(self, kind: str) -> None:
        """The whole map as a PNG (at scale 2, sharp on slides) or an SVG, with the
        emotions of the persona the canvas shows."""
        from ..canvas.render import RenderError, render_png, render_svg

        self.commit_pending()
        path = self._export_path(tr("Export Image"), (tr("PNG images (%1)") if kind == "png"
                                                      else tr("SVG images (%1)")), kind)
        if path is None:
            return
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            journey, persona = self.document.journey, self.scene.persona
            done = (render_png(journey, path, 2.0, persona) if kind == "png"
                    else render_svg(journey, path, persona))
        except RenderError as exc:
            done = exc
        finally:
            QApplication.restoreOverrideCursor()
        if isinstance(done, RenderError):
            self.show_error(tr("Cannot export image"), str(done))
            return
        message = tr("Exported %1 (%2 x %3 px)").replace("%1", isolate(str(path))).replace(
            "%2", str(done.width)).replace("%3", str(done.height))
        self.statusBar().showMessage(" ".join([message, *done.notes]), 8000)

    def export_graphml(self) -> None:
        from ..fileformat.graphml import export_graphml

        self.commit_pending()
        path = self._export_path(tr("Export Graph"), tr("GraphML (%1)"), "graphml")
        if path is None:
            return
        try:
            export_graphml(self.document.journey, path)
        except FileFormatError as exc:
            self.show_error(tr("Cannot export graph"), exc.message)
            return
        self.statusBar().showMessage(tr("Exported %1").replace("%1", isolate(str(path))), 5000)

    def export_html_map(self) -> None:
        """File > Export > Interactive Map…: the report dialog, on that format (drawn on
        the report's worker, with its progress)."""
        from .dialogs.report_export import export_report

        export_report(self, "html")

    def export_deck(self) -> None:
        """File > Export > Presentation…: the report dialog, on that format (its logo,
        accent, consultant, sections and persona; drawn on the report's worker)."""
        from .dialogs.report_export import export_report

        export_report(self, "pptx")

    def _export_path(self, title: str, name_filter: str, suffix: str) -> Path | None:
        """Ask where to export; the suffix is added when the name has none."""
        suggested = (self.document.path.with_suffix("." + suffix) if self.document.path else
                     Path.home() / f"{file_stem(self.document.journey.document['title'])}"
                                   f".{suffix}")
        path = self.ask_save_path(title, name_filter.replace("%1", f"*.{suffix}"), suggested)
        if not path:
            return None
        path = Path(path)
        path = path if path.suffix.lower() == "." + suffix else path.with_name(
            f"{path.name}.{suffix}")
        return None if self._is_own_file(path, title) else path

    def _is_own_file(self, path: Path, title: str) -> bool:
        """An export must never replace the map it comes from (through a link, too)."""
        from ..fileformat.files import same_file

        own = self.document.path
        if own is None or not same_file(path, own):
            return False
        self.show_error(title, tr("“%1” is this map's own file; exporting there would "
                                  "replace the map. Choose another name.").replace(
            "%1", str(path)))
        return True


def file_stem(title: str) -> str:
    """A file name from a map's title, without characters file systems refuse."""
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in title)
    return cleaned.strip(" .")[:80] or tr("Untitled")
