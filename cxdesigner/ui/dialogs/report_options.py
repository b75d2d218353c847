"""The report's options, remembered per document in the settings: by the map file's
absolute path, or, for a map never saved, by its title (and a map saved for the first
time starts from what its title had).  Shared by the dialog that asks for them
(``report_dialog``), the formats (``export_formats``) and the export
(``report_export``)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from ...export.options import DEFAULT_ACCENT, PAPERS, SECTIONS, ReportError, check_accent
from .. import settings

FORMATS = ("pdf", "pptx", "html", "mermaid")  # what export_formats makes


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # A count goes third, as in Qt's own call, so that lupdate sees the plural.
    return QCoreApplication.translate("ReportDialog", text, disambiguation, n)


def section_label(key: str) -> str:
    return {"cover": tr("Cover"), "contents": tr("Contents"), "summary": tr("Summary"),
            "progress": tr("Progress since the last snapshot"),
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
    format: str = "pdf"  # export_formats.FORMATS
    since: str | None = None  # the snapshot the progress section starts at; None: latest

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
        if data.get("format") in FORMATS:
            options.format = data["format"]
        if isinstance(data.get("since"), str) and data["since"]:
            options.since = data["since"]
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
