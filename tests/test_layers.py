"""The layers import one way, and no module imports itself round a circle.

    base (cxdesigner, resources_path, terminal, bidi)
    model  <-  fileformat  <-  export
    model  <-  fileformat  <-  live
    model  <-  commands  <-  canvas (also fileformat)  <-  ui  <-  app  <-  cli

Every import counts: at the top of a module, inside a function, under
``TYPE_CHECKING``.  A circle hidden behind a function-level import is still a circle:
the fix is to make the dependency run one way (a protocol, a callback, a shared piece
in its own module), not to move the import.  ``docs/architecture.md`` describes the
layers; the subprocess checks in ``test_model_journey.py`` and ``test_fileformat.py``
check the same at run time for PySide6.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cxdesigner"

BASE = {"base"}
# The layers each layer may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "model": set(),
    "fileformat": {"model"} | BASE,
    "export": {"model", "fileformat"} | BASE,
    # The live workshop's shared Yjs document: model and files only, never Qt.
    "live": {"model", "fileformat"} | BASE,
    "commands": {"model"},
    "canvas": {"model", "commands", "fileformat"} | BASE,
    "ui": {"model", "fileformat", "export", "live", "commands", "canvas"} | BASE,
    "app": {"ui"} | BASE,
    "cli": {"model", "fileformat", "export", "live", "commands", "canvas", "ui", "app"} | BASE,
    "__main__": {"cli"},
}
# Qt lives in the editor's layers only (commands: ``QUndoCommand``).
QT_LAYERS = {"commands", "canvas", "ui", "app"}
QT_ROOTS = ("PySide6", "PyQt5", "PyQt6", "shiboken6")


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in ("resources_path", "terminal", "bidi"):
        return "base"
    return parts[1]


def modules(package: Path = PACKAGE) -> dict[str, tuple[Path, bool]]:
    """Module name -> (file, is a package) for every Python file of the package."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        found[".".join(parts)] = (path, is_package)
    return found


def imports(path: Path, module: str, is_package: bool,
            known: set[str]) -> tuple[set[str], set[str]]:
    """(modules of the package, other top-level names) imported anywhere in the file:
    ``from X import a`` counts as importing ``X.a`` when that is a module, else ``X``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    here = module if is_package else module.rpartition(".")[0]
    inside: set[str] = set()
    outside: set[str] = set()

    def resolve(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    root = module.split(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == root:
                    if target := resolve(alias.name):
                        inside.add(target)
                else:
                    outside.add(alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")
                base = base[:len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if source.split(".")[0] != root:
                outside.add(source.split(".")[0])
                continue
            for alias in node.names:
                full = f"{source}.{alias.name}"
                target = full if full in known else resolve(source)
                if target:
                    inside.add(target)
    inside.discard(module)
    return inside, outside


def graph(package: Path = PACKAGE) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    found = modules(package)
    known = set(found)
    inner, outer = {}, {}
    for name, (path, is_package) in found.items():
        inner[name], outer[name] = imports(path, name, is_package, known)
    return inner, outer


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


INNER, OUTER = graph()


def test_the_scan_sees_the_package():
    assert {"cxdesigner.model.journey", "cxdesigner.ui.main_window",
            "cxdesigner.ui.panels.outline", "cxdesigner.cli"} <= set(INNER)
    assert "cxdesigner.model.schema" in INNER["cxdesigner.model.journey"]
    assert "PySide6" in OUTER["cxdesigner.ui.main_window"]
    assert {layer_of(m) for m in INNER} <= set(ALLOWED)


@pytest.mark.parametrize("module", sorted(INNER))
def test_a_module_imports_only_layers_below_it(module):
    layer = layer_of(module)
    wrong = sorted(t for t in INNER[module]
                   if layer_of(t) != layer and layer_of(t) not in ALLOWED[layer])
    assert wrong == [], f"{module} ({layer}) may import only {sorted(ALLOWED[layer])}"


@pytest.mark.parametrize("module", sorted(m for m in INNER if layer_of(m) not in QT_LAYERS))
def test_qt_stays_in_the_editor_layers(module):
    assert not OUTER[module] & set(QT_ROOTS)


def test_no_module_imports_itself_round_a_circle():
    assert cycles(INNER) == []


# ------------------------------------------------------------ the scanner itself
def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "pkg"


def test_the_scanner_counts_function_level_and_type_checking_imports(tmp_path):
    package = _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                    "    from .b import B\n",
        "pkg/b.py": "def f():\n    from . import c\n",
        "pkg/c.py": "import pkg.a\nfrom PySide6.QtCore import QObject\n",
        "pkg/d.py": "from .sub import e\n",
        "pkg/sub/__init__.py": "",
        "pkg/sub/e.py": "from .. import d\n",
    })
    inner, outer = graph(package)
    assert inner["pkg.a"] == {"pkg.b"} and inner["pkg.b"] == {"pkg.c"}
    assert inner["pkg.c"] == {"pkg.a"} and "PySide6" in outer["pkg.c"]
    assert sorted(cycles(inner)) == [["pkg.a", "pkg.b", "pkg.c"], ["pkg.d", "pkg.sub.e"]]


def test_the_cycle_finder_on_a_graph_without_circles():
    assert cycles({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []
    assert cycles({"a": {"a"}}) == []
