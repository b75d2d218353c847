"""What the Hebrew-interface tests share: the Hebrew interface for one test, and every
text a window shows."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox,
                               QComboBox, QDockWidget, QGroupBox, QHeaderView, QLabel,
                               QLineEdit, QMenu, QPlainTextEdit, QTabBar, QTreeWidget,
                               QWidget)

from cxdesigner.ui import language

# Names that stay Latin in Hebrew: ours, the methods', the formats' and the tools'.
ALLOWED_LATIN = {
    "CX", "Designer", "CSAT", "NPS", "KPI", "RICE", "ICE", "SWOT", "PDF", "CSV", "PNG",
    "SVG", "HTML", "PPTX", "XLSX", "JPEG", "GraphML", "yEd", "Gephi", "MiB", "KiB", "A4", "Letter",
    "Mermaid", "Markdown",  # a diagram language and a file format, by their names
    "mbox", "eml",  # mailbox and message files, by the names mail programs give them
    "English",  # the Preferences' language list names each language in itself
}
# Keyboard keys and shortcuts are what the keyboard shows: "Ctrl+Z", "F11", "(S)".
SHORTCUT = re.compile(r"\b(?:(?:Ctrl|Shift|Alt|Meta|Cmd)\+)+\w+|\bF\d{1,2}\b|\bEnter\b|"
                      r"\bEsc\b|\b[A-Z]\b")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")  # a colour's code, as the colour picker shows it


def hebrew(app):
    """Install the Hebrew interface; returns what ``language.uninstall`` needs."""
    return language.install(app, "he")


def latin_leaks(text: str, content: tuple[str, ...] = ()) -> list[str]:
    """The Latin words of ``text`` that are neither allowed names nor keys nor the
    user's own ``content`` (a file name)."""
    text = text or ""
    for part in content:
        text = text.replace(part, " ")
    text = SHORTCUT.sub(" ", COLOUR.sub(" ", text))
    return [w for w in WORD.findall(text) if w not in ALLOWED_LATIN]


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text the user can see in ``root``: widget texts, titles,
    tooltips, placeholders, items, headers, tabs, and every action and menu."""
    found: list[tuple[str, str]] = []

    def add(where: QWidget | object, text: str) -> None:
        if text:
            found.append((f"{type(where).__name__} {getattr(where, 'objectName', str)()}",
                          text))

    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not isinstance(w, QMenu) and not w.isVisibleTo(root) and w is not root:
            continue
        add(w, w.toolTip())
        add(w, w.statusTip())
        add(w, w.accessibleName())
        if w.isWindow() or isinstance(w, QDockWidget):
            add(w, w.windowTitle().replace("[*]", ""))
        if isinstance(w, QLabel):
            add(w, re.sub(r"<[^>]+>|&\w+;", " ", w.text()))  # rich text: its words
        elif isinstance(w, QAbstractButton):
            add(w, w.text())
        elif isinstance(w, QGroupBox):
            add(w, w.title())
        elif isinstance(w, QLineEdit):
            add(w, w.placeholderText())
        elif isinstance(w, QPlainTextEdit):
            add(w, w.placeholderText())
        elif isinstance(w, QAbstractSpinBox):
            add(w, w.specialValueText())
            for part in ("prefix", "suffix"):
                if hasattr(w, part):
                    add(w, getattr(w, part)())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, w.itemText(i))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(w, w.tabText(i))
                add(w, w.tabToolTip(i))
        elif isinstance(w, QMenu):
            add(w, w.title())
        if isinstance(w, QHeaderView) and w.model() is not None:
            model = w.model()
            for section in range(w.count()):
                add(w, str(model.headerData(section, w.orientation()) or ""))
        if isinstance(w, QTreeWidget):
            stack = [w.topLevelItem(i) for i in range(w.topLevelItemCount())]
            while stack:
                item = stack.pop()
                for column in range(w.columnCount()):
                    add(w, item.text(column))
                    add(w, item.toolTip(column))
                stack.extend(item.child(i) for i in range(item.childCount()))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for row in range(min(model.rowCount(), 200)):
                index = model.index(row, 0)
                add(w, str(model.data(index) or ""))
                add(w, str(model.data(index, Qt.ToolTipRole) or ""))
        for action in w.actions():
            add(action, action.text())
            add(action, action.statusTip())
            add(action, action.toolTip())
            add(action, action.iconText())
    return found
