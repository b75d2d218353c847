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
                 "cxdesigner/model/journey.py"):
        assert name in names
    assert not any(n.endswith("build_samples.py") for n in names)
