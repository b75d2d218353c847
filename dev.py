#!/usr/bin/env python3
"""Set up CX Designer in a local virtual environment, then run it or its tests.

    python3 dev.py run [FILE]     open the editor (on the bundled sample map by default)
    python3 dev.py test [ARGS]    run the whole test suite (ARGS go to pytest)
    python3 dev.py i18n           update the Hebrew translation source and compile it
    python3 dev.py web            rebuild the participant page (needs node and npm)

Needs only Python 3.11+.  The environment lives in .venv (or $CXD_VENV) and is
reinstalled when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("CXD_VENV", ROOT / ".venv"))
SAMPLE = ROOT / "resources" / "samples" / "bakery-en.cxmap"
# Debian/Ubuntu packages Qt needs; the first line is enough offscreen.
QT_LIBS = ("libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 "
           "libxkbcommon0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 "
           "libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0")


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> Path:
    if sys.version_info < (3, 11):
        sys.exit(f"CX Designer needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print(f"Creating a virtual environment in {VENV} ...", flush=True)
        result = subprocess.run([sys.executable, "-m", "venv", str(VENV)])
        if result.returncode != 0 or not python.exists():
            sys.exit("Could not create a virtual environment. On Debian or Ubuntu, "
                     "install it with: sudo apt-get install python3-venv")
    stamp = VENV / ".cxdesigner-installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != wanted:
        print("Installing CX Designer and its dependencies ...", flush=True)
        run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
        run([str(python), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"])
        stamp.write_text(wanted)
    return python


def run(cmd: list[str], **kw) -> None:
    result = subprocess.run(cmd, **kw)
    if result.returncode != 0:
        sys.exit(result.returncode)


def check_qt(python: Path, env: dict[str, str]) -> None:
    probe = subprocess.run([str(python), "-c", "import PySide6.QtWidgets"],
                           capture_output=True, text=True, env=env)
    if probe.returncode != 0:
        last = (probe.stderr.strip().splitlines() or ["unknown error"])[-1]
        sys.exit(f"Qt cannot start: {last}\nOn Debian or Ubuntu, install its system "
                 f"libraries with:\n  sudo apt-get install {QT_LIBS}")


def run_child(cmd: list[str], **kw) -> int:
    """Run the editor or pytest and wait for it to end.

    Ctrl+C reaches the child too (the terminal sends it to the whole foreground
    group), so it ends in its own way (pytest prints its summary, the editor closes);
    this script only waits, instead of raising KeyboardInterrupt mid-wait and killing
    the child a quarter of a second later.  The handler is a function, not SIG_IGN,
    because an ignored signal would stay ignored in the child too.
    """
    interrupted = []
    previous = signal.signal(signal.SIGINT, lambda *_: interrupted.append(True))
    try:
        code = subprocess.run(cmd, **kw).returncode
    finally:
        signal.signal(signal.SIGINT, previous)
    if interrupted or code in (130, -signal.SIGINT):
        raise KeyboardInterrupt
    return code


def has_npm() -> bool:
    return subprocess.run(["npm", "--version"], capture_output=True,
                          shell=os.name == "nt").returncode == 0


def ensure_web_modules() -> None:
    """web/node_modules (the page's bundler and the reference y-websocket server the
    live tests talk to), installed from the lock file when missing."""
    web = ROOT / "web"
    if not (web / "node_modules").is_dir():
        run(["npm", "ci", "--prefix", str(web), "--no-audit", "--no-fund"], shell=os.name == "nt")


def build_web() -> int:
    """Rebuild cxdesigner/live/static/participant.js from web/ (docs/participant-page.md).
    Needs no virtual environment; npm ci only when web/node_modules is missing."""
    if not has_npm():
        sys.exit("The participant page is built with node and npm; install them first "
                 "(on Debian or Ubuntu: sudo apt-get install nodejs npm).")
    ensure_web_modules()
    return run_child(["npm", "--prefix", str(ROOT / "web"), "run", "build"],
                     shell=os.name == "nt")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "i18n", "web"):
        print(__doc__.strip())
        return 2
    if argv[0] == "web":
        return build_web()
    python = ensure_venv()
    env = dict(os.environ)
    if argv[0] == "i18n":  # lupdate and lrelease come with PySide6, in the environment
        return run_child([str(python), str(ROOT / "tools" / "i18n.py")], cwd=ROOT, env=env)
    if argv[0] == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        check_qt(python, env)
        # The live workshop's tests run the reference Node server (web/).
        if has_npm():
            ensure_web_modules()
        else:
            print("note: node and npm are missing; the tests against the reference "
                  "y-websocket server will say so (sudo apt-get install nodejs npm).",
                  file=sys.stderr)
        return run_child([str(python), "-m", "pytest", *argv[1:]], cwd=ROOT, env=env)
    check_qt(python, env)
    files = argv[1:] or [str(SAMPLE)]
    return run_child([str(python), "-m", "cxdesigner", *files], env=env)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:  # Ctrl+C, here or in the editor or the tests: no traceback
        print("Interrupted.", file=sys.stderr)
        sys.exit(130)
