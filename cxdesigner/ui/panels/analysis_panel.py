"""The journey's analysis, for a dock: paths, moments of truth and gaps in the map.

It runs ``model.analysis.analyze`` a moment after the map stops changing (typing a
title or dragging cards does not re-analyse on every step), lists the findings under
a heading per kind, and a click shows the element on the canvas.  The model's
messages are English; the panel words each finding itself, so it translates.

It never analyses while the window is being built, nor while hidden (a dock behind
another tab, workshop mode): the first analysis comes just after the panel is first
shown, so the window appears first.  The analysis runs on the UI thread, which is
safe because every step of it is bounded and linear in the flows (``model.analysis``:
milliseconds on a usual map, one to three seconds on the largest the file limits
allow), and what the panel shows is bounded too: long paths are shortened in the
middle and each heading lists at most ``MAX_ROWS`` rows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ...bidi import isolate, left_to_right
from ...canvas import labels
from ...model import Event, analysis
from ...model import schema as S
from ...model.changes import evidence_only
from ..document.document import Document
from ..language import ours
from .action_common import map_direction
from .lazy_panel import LazyPanel

DEBOUNCE_MS = 300
MAX_PATHS = 20
MAX_ROWS = 500  # rows under one heading: thousands of rows would only slow the panel
PATH_ENDS = 12  # a path longer than twice this shows its first and last steps only
ROLE_IDS = Qt.UserRole  # the elements a row stands for
ROLE_GROUP = Qt.UserRole + 1  # the heading's kind, to keep what was expanded

# Headings in reading order: where customers go, where it hurts, what is missing.
KINDS = ("paths", "low_emotion", "pain_hotspot", "dead_end", "unreachable", "empty_stage")


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # A count goes third, as in Qt's own call: lupdate marks such a text as a plural
    # (it misses the plural of a direct ``translate`` call with a variable count).
    return QCoreApplication.translate("AnalysisPanel", text, disambiguation, n)


def heading(kind: str) -> str:
    return {
        "paths": tr("Paths from start to end"),
        "low_emotion": tr("Lowest emotion"),
        "pain_hotspot": tr("Pain hotspots"),
        "dead_end": tr("Dead ends"),
        "unreachable": tr("Unreachable touchpoints"),
        "empty_stage": tr("Empty stages"),
    }[kind]


def explanation(kind: str) -> str:
    return {
        "paths": tr("The ways a customer can go along the flows, from an entry "
                    "touchpoint to the last stage, shortest first."),
        "low_emotion": tr("Moments of truth: touchpoints where the customer feels "
                          "−1 or worse."),
        "pain_hotspot": tr("The touchpoints carrying the most pain points, weaknesses "
                           "and threats (weighed by impact)."),
        "dead_end": tr("Touchpoints with no flow onwards before the last stage."),
        "unreachable": tr("Touchpoints no flow leads to from the start of the journey."),
        "empty_stage": tr("Stages without any touchpoint."),
    }[kind]


class AnalysisPanel(QWidget):
    """``select_callback(ids)`` shows elements on the canvas; ``persona_getter()`` is
    the persona whose emotions count (``schema.GENERAL`` for any customer).  Call
    ``schedule()`` when the persona changes."""

    def __init__(self, document: Document, select_callback: Callable[[list[str]], None],
                 persona_getter: Callable[[], str] = lambda: S.GENERAL,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.select_callback = select_callback
        self.persona_getter = persona_getter
        self.result: analysis.Analysis | None = None
        self._expanded = {kind: kind != "paths" for kind in KINDS}
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.header().setSectionResizeMode(0, QHeaderView.Stretch)
        self.tree.setUniformRowHeights(True)
        self.tree.itemClicked.connect(lambda item, _column: self._show(item))
        self.tree.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.tree.itemExpanded.connect(lambda item: self._remember(item, True))
        self.tree.itemCollapsed.connect(lambda item: self._remember(item, False))
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.summary)
        column.addWidget(self.tree, 1)
        # Analysed a moment after edits pause, only while seen; the first analysis
        # comes one loop turn after the panel is first shown (never while the window
        # is being built), and a panel shown again catches up at once.
        self.lazy = LazyPanel(self, self.refresh, delay_ms=DEBOUNCE_MS)
        self._showing = False
        document.journey.events.subscribe("journey_changed", self._on_journey_changed)

    def detach(self) -> None:
        self.document.journey.events.unsubscribe(self._on_journey_changed)
        self.lazy.cancel()

    @property
    def journey(self):
        return self.document.journey

    def schedule(self) -> None:
        """Analyse again once the map has been still for a moment (if seen)."""
        self.lazy.mark_stale()

    def _on_journey_changed(self, event: Event) -> None:
        if not evidence_only(event.change):  # feedback changes no path or gap
            self.schedule()

    # ------------------------------------------------------------- building
    def refresh(self) -> None:
        """Analyse now."""
        self.lazy.cancel()
        self.lazy.stale = False
        persona = self.persona_getter()
        if persona != S.GENERAL and persona not in self.journey:
            persona = S.GENERAL
        self.setLayoutDirection(map_direction(self.journey))
        self.result = result = analysis.analyze(self.journey, persona, max_paths=MAX_PATHS)
        current = self.tree.currentItem()
        current_key = self._key(current) if current else None
        scroll = self.tree.verticalScrollBar().value()
        self._showing = True
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.clear()
            self._add_paths(result)
            for kind in KINDS[1:]:
                self._add_findings(kind, result.of_kind(kind), result.count_of(kind))
            if current_key is not None:
                for item in self._items():
                    if self._key(item) == current_key:
                        self.tree.setCurrentItem(item)
                        break
        finally:
            self.tree.setUpdatesEnabled(True)
            self._showing = False
        self.tree.verticalScrollBar().setValue(scroll)
        problems = result.finding_total
        if not self.journey.count(S.TOUCHPOINT):
            self.summary.setText(tr("Add touchpoints and connect them with flows to "
                                    "see the paths and the moments of truth."))
        elif problems:
            self.summary.setText(tr("%n finding(s). Click one to show it on the canvas.",
                                    None, problems))
        else:
            self.summary.setText(tr("No findings: every touchpoint is on a path and no "
                                    "moment hurts."))

    def _group(self, kind: str, count_text: str, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem([ours(f"{heading(kind)} ({left_to_right(count_text)})")])
        item.setData(0, ROLE_GROUP, kind)
        item.setToolTip(0, explanation(kind))
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        if not count:
            # Shown even when empty, so the reader sees what was checked.
            item.setForeground(0, QBrush(self.palette().placeholderText().color()))
        self.tree.addTopLevelItem(item)
        return item

    def _add_paths(self, result: analysis.Analysis) -> None:
        paths = result.paths
        count = str(len(paths)) if len(paths) < MAX_PATHS and not result.paths_cut \
            else f"{len(paths)}+"
        group = self._group("paths", count, len(paths))
        group.setToolTip(0, explanation("paths") + "\n" + self._path_count_text(result))
        rtl = self.journey.document["direction"] == "rtl"
        arrow = " ← " if rtl else " → "
        for n, path in enumerate(paths, 1):
            names = self._path_names(path)
            # The steps read in the map's direction, the words around in the interface's.
            text = tr("%1 steps: %2").replace("%1", str(len(path))).replace(
                "%2", isolate(arrow.join(isolate(name) for name in names)))
            item = QTreeWidgetItem([ours(f"{n}. {text}")])
            item.setToolTip(0, "\n".join(names))
            item.setData(0, ROLE_IDS, list(path))
            group.addChild(item)
        group.setExpanded(self._expanded["paths"])

    @staticmethod
    def _path_count_text(result: analysis.Analysis) -> str:
        count = f"{result.path_count:,}"
        if result.path_count_exact:
            text = tr("%1 path(s) in all.").replace("%1", count)
        elif result.loops:
            text = tr("At least %1 paths: the flows loop, and each loop is counted as "
                      "crossed once.").replace("%1", count)
        else:
            text = tr("At least %1 paths.").replace("%1", count)
        if result.search_stopped:
            text += " " + tr("The search stopped after %1 steps; the shortest paths it "
                             "found are listed.").replace("%1", f"{result.search_steps:,}")
        elif result.paths_cut:
            text += " " + tr("The %1 shortest are listed.").replace(
                "%1", str(len(result.paths)))
        return text

    def _add_findings(self, kind: str, findings: list[analysis.Finding], total: int) -> None:
        group = self._group(kind, str(total), total)
        for finding in findings[:MAX_ROWS]:
            item = QTreeWidgetItem([self._message(finding)])
            item.setData(0, ROLE_IDS, [finding.element])
            item.setToolTip(0, self._message(finding))
            group.addChild(item)
        shown = min(len(findings), MAX_ROWS)
        if total > shown:
            hidden = total - shown  # a plain name: lupdate misses a call with an expression
            more = QTreeWidgetItem([tr("… and %n more", None, hidden)])
            more.setForeground(0, QBrush(self.palette().placeholderText().color()))
            group.addChild(more)
        group.setExpanded(self._expanded[kind])

    def _path_names(self, path: list[str]) -> list[str]:
        """The steps' names; a long path's first and last only, around a count."""
        if len(path) <= 2 * PATH_ENDS + 1:
            return [self._name(t) for t in path]
        hidden = len(path) - 2 * PATH_ENDS
        skipped = tr("… %n more …", None, hidden)
        return ([self._name(t) for t in path[:PATH_ENDS]] + [skipped]
                + [self._name(t) for t in path[-PATH_ENDS:]])

    def _name(self, element: str) -> str:
        title = self.journey.title(element)
        if title:
            return title
        return labels.tr("Untitled stage") if self.journey.kind_of(element) == S.STAGE \
            else labels.tr("Untitled touchpoint")

    def _message(self, finding: analysis.Finding) -> str:
        return ours(self._sentence(finding))

    def _sentence(self, finding: analysis.Finding) -> str:
        # The title is the user's, in any direction; the sentence around it is ours.
        name = isolate(self._name(finding.element))
        value = finding.value
        if finding.kind == "low_emotion":
            felt = f"{int(value):+d}".replace("-", "−")
            return tr("%1: the customer feels %2").replace("%1", name).replace(
                "%2", left_to_right(felt))
        if finding.kind == "pain_hotspot":
            return tr("%1: pain weighing %2").replace("%1", name).replace(
                "%2", f"{value:g}")
        if finding.kind == "dead_end":
            return tr("%1 leads nowhere before the last stage").replace("%1", name)
        if finding.kind == "unreachable":
            return tr("%1 cannot be reached from the start").replace("%1", name)
        if finding.kind == "empty_stage":
            return tr("%1 has no touchpoints").replace("%1", name)
        return finding.message

    # ------------------------------------------------------------- using
    def _items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            out.append(group)
            out += [group.child(j) for j in range(group.childCount())]
        return out

    @staticmethod
    def _key(item: QTreeWidgetItem) -> tuple:
        parent = item.parent()
        group = (parent or item).data(0, ROLE_GROUP)
        ids = item.data(0, ROLE_IDS)
        return (group, tuple(ids) if ids else None)

    def group_item(self, kind: str) -> QTreeWidgetItem | None:
        """The heading of ``kind``; asked before the first analysis, analyses now."""
        if self.result is None:
            self.refresh()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, ROLE_GROUP) == kind:
                return item
        return None

    def _remember(self, item: QTreeWidgetItem, expanded: bool) -> None:
        kind = item.data(0, ROLE_GROUP)
        if kind and not self._showing:
            self._expanded[kind] = expanded

    def _show(self, item: QTreeWidgetItem | None) -> None:
        if item is None or self._showing:
            return
        ids = [i for i in (item.data(0, ROLE_IDS) or []) if i in self.journey]
        if ids:
            self.select_callback(ids)
