"""The interface language: which one to show, and installing its translations.

The interface is English in the source and Hebrew through Qt Linguist
(``resources/i18n/cxdesigner_he.ts``, compiled to ``.qm`` by ``tools/i18n.py``), plus
Qt's own ``qtbase_he.qm`` for standard buttons and dialogs.  A Hebrew interface reads
right to left; the canvas and the views of map content follow the map, not this.
"""

from __future__ import annotations

from PySide6.QtCore import (QCoreApplication, QLibraryInfo, QLocale, QTranslator, Qt)

from ..bidi import sentence
from ..resources_path import resource
from . import settings

TRANSLATED = ("he",)  # the languages with a translation; English is the source


def interface_language(choice: str, system: QLocale | None = None) -> str:
    """"en" or "he": the choice made in Preferences, else the system's language."""
    if choice in ("en", *TRANSLATED):
        return choice
    system = system if system is not None else QLocale.system()
    # QLocale.system() reads LC_ALL, LC_MESSAGES and LANG on Linux.
    name = system.name().split("_")[0]
    return name if name in TRANSLATED else "en"


class _Translator(QTranslator):
    """Looks a text up under its caller's context, then under the empty context.

    ``pyside6-lupdate`` files a call of a module's own ``tr()`` wrapper under the empty
    context (it cannot see the context the wrapper passes), while direct
    ``QCoreApplication.translate("Context", ...)`` calls keep theirs.  Falling back to
    the empty context lets both be found without renaming every wrapper's context.
    """

    def translate(self, context, source, disambiguation=None, n=-1):  # Qt's name
        found = super().translate(context, source, disambiguation, n)
        if not found and context:
            found = super().translate("", source, disambiguation, n)
        # None is Qt's null string: "not here", so Qt asks the next translator and at
        # last shows the source text.  An empty string would show as nothing.
        return found or None


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translations of ``language`` and its direction; returns the
    translators installed, for ``uninstall``."""
    installed: list[QTranslator] = []
    if language in TRANSLATED:
        ours = _Translator(app)
        if ours.load(str(resource("i18n", f"cxdesigner_{language}.qm"))):
            installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            installed.append(qt)
    for translator in installed:
        app.installTranslator(translator)
    if language != interface_language("system"):
        # Chosen against the system's: what asks QLocale() (a new map's template
        # language, dates) follows the interface.  Otherwise the system's locale stays,
        # with its own number and date formats.
        QLocale.setDefault(QLocale(QLocale.Hebrew, QLocale.Israel) if language == "he"
                           else QLocale(QLocale.English, QLocale.UnitedStates))
    if hasattr(app, "setLayoutDirection"):  # a QGuiApplication
        app.setLayoutDirection(Qt.RightToLeft if language == "he" else Qt.LeftToRight)
    return installed


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Back to the untranslated, left-to-right interface (tests)."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
    if hasattr(app, "setLayoutDirection"):
        app.setLayoutDirection(Qt.LeftToRight)


def start(app: QCoreApplication) -> str:
    """The language at the start: the saved choice, else the system's.  Returns it."""
    language = interface_language(settings.language())
    install(app, language)
    return language


def ours(text: str) -> str:
    """``bidi.sentence`` in the running interface's direction."""
    from PySide6.QtGui import QGuiApplication

    return sentence(text, QGuiApplication.layoutDirection() == Qt.RightToLeft)
