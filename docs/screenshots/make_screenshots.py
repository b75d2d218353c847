"""Screenshots of the editor for the README, made offscreen from the bakery samples.

    python docs/screenshots/make_screenshots.py

Opens ``resources/samples/bakery-en.cxmap`` and ``bakery-he.cxmap`` in the real main
window (no display needed: the offscreen platform) as a user would see them on
opening, but at zoom 0.6 (the first stages, readable), with the first touchpoint
selected so the inspector has something to show.  Saves ``editor-en.png`` and
``editor-he.png`` (English interface), then ``hebrew-interface-hebrew-map.png`` and
``english-interface-hebrew-map.png`` (the interface language against the map's) next to
this script; then two of the templates as a new user meets them, ``template-cafe-en.png``
and ``template-clinic-he.png``, and the service blueprint, ``blueprint-en.png`` and
``blueprint-he.png``.  The user's settings (window layout, recent
files) are neither read nor written.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402

from cxdesigner.app import make_app  # noqa: E402
from cxdesigner.model import schema as S  # noqa: E402
from cxdesigner.ui import language, settings  # noqa: E402

SAMPLES = ROOT / "resources" / "samples"
TEMPLATES = ROOT / "resources" / "templates"
SIZE = (1600, 1000)
ZOOM = 0.6


def settle(ms: int = 200) -> None:
    """Let the window lay itself out and paint (timers, deferred layouts)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


def shoot(path: Path, out: Path, zoom: float = ZOOM) -> None:
    from cxdesigner.ui.main_window import MainWindow

    window = MainWindow.open_new(path)
    window.resize(*SIZE)
    window.show()
    settle()
    # Readable, but more than the stage or so the window opens on: the first stages
    # from where reading starts (the right of a Hebrew map), the emotion lane below.
    view, layout = window.view, window.scene.layout
    view.set_zoom(zoom)
    half = view.viewport().width() / zoom / 2
    bounds = layout.bounds
    x = bounds.right + 30 - half if layout.rtl else bounds.x - 30 + half
    view.centerOn(x, bounds.y + bounds.h / 2)
    journey = window.document.journey
    order = journey.journey_order()
    if order:
        window.scene.select_ids([order[0]])
    settle()
    window.grab().save(str(out))
    print(f"{out.relative_to(ROOT)}: zoom {window.view.zoom():.2f}, "
          f"{journey.count(S.TOUCHPOINT)} touchpoints")
    window.hide()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings.use_file(Path(folder) / "settings.ini")
        settings.set_language("en")  # whatever this machine's locale
        app = make_app([])
        for lang in ("en", "he"):
            shoot(SAMPLES / f"bakery-{lang}.cxmap", HERE / f"editor-{lang}.png")
        shoot(SAMPLES / "bakery-he.cxmap", HERE / "english-interface-hebrew-map.png")
        installed = language.install(app, "he")
        shoot(SAMPLES / "bakery-he.cxmap", HERE / "hebrew-interface-hebrew-map.png")
        language.uninstall(app, installed)
        for name in ("cafe-en", "clinic-he"):
            shoot(TEMPLATES / f"{name}.cxmap", HERE / f"template-{name}.png")
        for lang in ("en", "he"):  # the lanes under the cards: a little further out
            shoot(TEMPLATES / f"service-blueprint-{lang}.cxmap",
                  HERE / f"blueprint-{lang}.png", zoom=0.45)


if __name__ == "__main__":
    main()
