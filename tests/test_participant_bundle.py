"""The participant page's bundle (cxdesigner/live/static/participant.js) is built from
web/src and web/package-lock.json by web/build.mjs, which writes the sha256 of those
sources on its first line.  Recomputed here, without node: a source edited without a
rebuild (npm --prefix web run build, or python3 dev.py web) fails."""

import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).parents[1]
WEB = ROOT / "web"
STATIC = ROOT / "cxdesigner" / "live" / "static"


def sources_hash(web: Path) -> str:
    """As web/build.mjs computes it: every file under src (sorted by its path relative to
    web/), then package-lock.json, each as <path> NUL <bytes> NUL."""
    paths = sorted(p.relative_to(web).as_posix() for p in (web / "src").rglob("*") if p.is_file())
    digest = hashlib.sha256()
    for path in [*paths, "package-lock.json"]:
        digest.update(path.encode() + b"\0" + (web / path).read_bytes() + b"\0")
    return digest.hexdigest()


def recorded_hash(bundle: Path) -> str:
    first = bundle.read_text("utf-8").split("\n", 1)[0]
    found = re.fullmatch(r"/\* sources-sha256: ([0-9a-f]{64}) \*/", first)
    assert found, f"participant.js does not start with its sources' hash: {first[:80]!r}"
    return found.group(1)


def test_bundle_was_built_from_the_current_sources():
    assert recorded_hash(STATIC / "participant.js") == sources_hash(WEB), (
        "cxdesigner/live/static/participant.js is older than web/src or "
        "web/package-lock.json: rebuild it with  python3 dev.py web")


def test_editing_a_source_changes_the_hash(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.js").write_text("export const a = 1\n")
    (tmp_path / "package-lock.json").write_text("{}")
    before = sources_hash(tmp_path)
    (tmp_path / "src" / "a.js").write_text("export const a = 2\n")
    assert sources_hash(tmp_path) != before


def test_the_page_loads_only_files_of_its_own_server():
    html = (STATIC / "participant.html").read_text("utf-8")
    refs = [r for r in re.findall(r'(?:src|href)="([^"]+)"', html)
            if r != "data:,"]  # the empty icon: saves a request for /favicon.ico
    assert refs and all(r.startswith("/static/") and (STATIC / r[len("/static/"):]).is_file()
                        for r in refs)
    css = (STATIC / "participant.css").read_text("utf-8")
    assert "url(" not in css and "@import" not in css and "@font-face" not in css


def test_wheel_ships_the_participant_page(tmp_path):
    import subprocess
    import sys
    import zipfile
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=240)
    names = set(zipfile.ZipFile(next(tmp_path.glob("cxdesigner-*.whl"))).namelist())
    for name in ("participant.html", "participant.js", "participant.css"):
        assert f"cxdesigner/live/static/{name}" in names
