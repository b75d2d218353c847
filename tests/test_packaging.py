"""A wheel built from the repository carries the resources inside the package."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_wheel_contains_templates_and_samples(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(tmp_path.glob("cxdesigner-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("cxdesigner/resources/samples/bakery-en.cxmap",
                 "cxdesigner/resources/samples/bakery-he.cxmap",
                 "cxdesigner/resources/templates/five-stages-he.cxmap",
                 "cxdesigner/model/journey.py",
                 "cxdesigner/export/report.py", "cxdesigner/resources/fonts/DejaVuSans.ttf",
                 "cxdesigner/export/html/map.js", "cxdesigner/export/html/map.css"):
        assert name in names
    assert not any(n.endswith("build_samples.py") for n in names)


def test_wheel_contains_every_package_of_the_source_tree(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    names = set(zipfile.ZipFile(next(tmp_path.glob("cxdesigner-*.whl"))).namelist())
    packages = [p.parent.relative_to(ROOT).as_posix()
                for p in (ROOT / "cxdesigner").rglob("__init__.py")]
    missing = [p for p in packages if f"{p}/__init__.py" not in names]
    assert packages and missing == []
