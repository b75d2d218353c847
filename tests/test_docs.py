"""The written format stays true to the schema."""

from pathlib import Path

from cxdesigner.model import schema as S

FORMAT_DOC = (Path(__file__).parents[1] / "docs" / "file-format.md").read_text("utf-8")


def test_file_format_doc_names_every_field_and_choice():
    names = {f.name for fields in S.FIELDS.values() for f in fields}
    names |= {f.name for f in S.DOCUMENT_FIELDS} | set(S.EDGE_KINDS) | set(S.NODE_KINDS)
    names |= set(S.CHANNELS + S.NOTE_KINDS + S.PERSONA_KINDS + S.ACTION_STATUSES
                 + S.SCORING_METHODS + S.MODES)
    missing = sorted(n for n in names if f"`{n}`" not in FORMAT_DOC and f"**{n}**" not in FORMAT_DOC)
    assert missing == []


def test_module_paths_named_in_the_docs_exist():
    import re
    root = Path(__file__).parents[1]
    pattern = re.compile(r"`(?:cxdesigner/)?((?:model|fileformat|export|commands|canvas|ui|cli)"
                         r"/[\w/]+\.py)")
    missing = []
    for doc in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        for path in pattern.findall(doc.read_text("utf-8")):
            if not (root / "cxdesigner" / path).is_file():
                missing.append(f"{doc.name}: {path}")
    assert missing == []
