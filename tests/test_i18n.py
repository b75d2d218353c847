"""The Hebrew translation is complete and shipped as compiled: every text of the source
is in ``resources/i18n/cxdesigner_he.ts``, translated, with its placeholders, and the
``.qm`` the editor loads is the one that ``.ts`` compiles to."""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("i18n_tool", REPO / "tools" / "i18n.py")
i18n = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n)

TS = i18n.ts_path("he")
QM = i18n.qm_path("he")
needs_lupdate = pytest.mark.skipif(
    i18n.tool("pyside6-lupdate") is None or i18n.tool("pyside6-lrelease") is None,
    reason="pyside6-lupdate/pyside6-lrelease are not installed (they come with PySide6)")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name") or "", message.findtext("source")): message
            for context in root.iter("context") for message in context.iter("message")}


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


@needs_lupdate
def test_every_source_text_is_in_the_hebrew_ts(tmp_path):
    fresh = tmp_path / "fresh_he.ts"
    i18n.update(fresh)
    missing = sorted(set(messages(fresh)) - set(messages(TS)))
    assert missing == [], "run tools/i18n.py and translate the new texts"


def test_every_text_of_the_hebrew_ts_is_translated():
    unfinished = [key for key, message in messages(TS).items()
                  if message.find("translation").get("type") == "unfinished"
                  or not all(translations(message))]
    assert unfinished == []


def test_plural_texts_have_both_hebrew_forms():
    plural = {key: message for key, message in messages(TS).items()
              if message.get("numerus") == "yes"}
    assert plural, "the counted texts (%n) are marked as plurals"
    assert [key for key, message in plural.items() if len(translations(message)) != 2] == []


def test_translations_keep_placeholders():
    def placeholders(text: str) -> list[str]:
        return sorted(re.findall(r"%\d+|%n|\{\w*\}", text))

    wrong = []
    for (context, source), message in messages(TS).items():
        for text in translations(message):
            wanted = placeholders(source)
            got = placeholders(text)
            # The singular form may say "one" in words instead of %n.
            if got != wanted and not (message.get("numerus") == "yes"
                                      and got == [p for p in wanted if p != "%n"]):
                wrong.append((source, text))
    assert wrong == []


@needs_lupdate
def test_shipped_qm_is_compiled_from_the_ts(tmp_path):
    rebuilt = tmp_path / "cxdesigner_he.qm"
    i18n.release(TS, rebuilt)
    assert QM.read_bytes() == rebuilt.read_bytes(), "run tools/i18n.py and commit the .qm"


def literal_tr_texts() -> set[str]:
    """The literal texts of every ``tr(...)``/``translate(ctx, ...)`` call in the source."""
    found = set()
    for path in i18n.sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            position = {"tr": 0, "translate": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
    return found


def test_lupdate_sees_every_literal_tr_call():
    # lupdate's Python reader drops a call whose count is an expression (write a name)
    # and only follows functions named tr/translate: such a text would stay English.
    assert sorted(literal_tr_texts() - {source for _, source in messages(TS)}) == []
