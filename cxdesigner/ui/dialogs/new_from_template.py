"""File > New from Template: the bundled templates with what each one is, and the
language of the new map.

The names and descriptions come from the catalogue (``fileformat.templates``), which
has them in both languages; the list shows them in the interface's language, while
the map is made in the language chosen here (a Hebrew map in an English editor is
fine, and the other way round).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QListView, QListWidget, QListWidgetItem, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QVBoxLayout, QWidget)

from ...fileformat.templates import CATALOGUE


def tr(text: str) -> str:
    return QCoreApplication.translate("NewFromTemplate", text)


def interface_language() -> str:
    # What MainWindow.new_map asks too: language.install sets the default locale when
    # the interface's language is not the system's.
    return "he" if QLocale().language() == QLocale.Hebrew else "en"


PAD = 6  # around an entry's text


class _TitleAndDescription(QStyledItemDelegate):
    """An entry as its title in bold over its description, wrapped to the list's width.

    The item's text stays "title\ndescription", which screen readers and tests read;
    only the drawing tells the two apart.
    """

    def _parts(self, option: QStyleOptionViewItem, index) -> tuple[str, str, QFont]:
        title, _, description = (index.data() or "").partition("\n")
        bold = QFont(option.font)
        bold.setBold(True)
        return title, description, bold

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        width = view.viewport().width() if view is not None else option.rect.width()
        return max(100, width - 2 * PAD)

    def sizeHint(self, option, index) -> QSize:  # Qt's name
        title, description, bold = self._parts(option, index)
        width = self._text_width(option)
        high = QFontMetrics(bold).height() + QFontMetrics(option.font).boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextWordWrap, description).height()
        return QSize(width, high + 2 * PAD)

    def paint(self, painter, option, index) -> None:  # Qt's name
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, description, bold = self._parts(opt, index)
        opt.text = ""  # the background, focus and selection only
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.State_Selected)
        painter.save()
        painter.setPen(opt.palette.highlightedText().color() if selected
                       else opt.palette.text().color())
        align = QStyle.visualAlignment(opt.direction, Qt.AlignLeft | Qt.AlignTop)
        rect = opt.rect.adjusted(PAD, PAD, -PAD, -PAD)
        painter.setFont(bold)
        painter.drawText(rect, int(align), title)
        rect.setTop(rect.top() + QFontMetrics(bold).height())
        painter.setFont(opt.font)
        painter.drawText(rect, int(align) | Qt.TextWordWrap, description)
        painter.restore()


class NewFromTemplateDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("New from Template"))
        shown = interface_language()
        layout = QVBoxLayout(self)
        label = QLabel(tr("&Template:"))
        layout.addWidget(label)
        self.templates = QListWidget()
        self.templates.setItemDelegate(_TitleAndDescription(self.templates))
        # Descriptions wrap to the width: laid out again when it changes, never scrolled.
        self.templates.setResizeMode(QListView.Adjust)
        self.templates.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        for template in CATALOGUE:
            # Two lines: the name, then what it is.
            item = QListWidgetItem(f"{template.title(shown)}\n{template.description(shown)}")
            item.setData(Qt.UserRole, template.name)
            item.setToolTip(template.description(shown))
            self.templates.addItem(item)
        self.templates.setCurrentRow(0)
        self.templates.setMinimumSize(520, 430)
        self.templates.itemDoubleClicked.connect(lambda _item: self.accept())
        label.setBuddy(self.templates)
        layout.addWidget(self.templates)

        form = QFormLayout()
        self.language = QComboBox()
        self.language.addItem(tr("English"), "en")
        self.language.addItem(tr("Hebrew"), "he")
        self.language.setCurrentIndex(self.language.findData(shown))
        form.addRow(tr("Map &language:"), self.language)
        layout.addLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.templates.setFocus()

    def chosen(self) -> tuple[str, str]:
        """(template name, map language)."""
        item = self.templates.currentItem()
        name = item.data(Qt.UserRole) if item is not None else CATALOGUE[0].name
        return name, self.language.currentData()

