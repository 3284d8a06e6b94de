# SPDX-License-Identifier: GPL-2.0-or-later
"""The desktop harness (tests/desktop, ``make test-desktop``) fails when QGIS logs a Python error.

A desktop test that cannot fail would be worse than none: this runs the real QGIS under Xvfb with the
plugin from a freshly built zip and a scenario whose only fault is an exception escaping a Qt slot,
and expects the run to fail on it, with a screenshot of the moment.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "desktop"))


def test_a_python_error_in_qgis_fails_the_desktop_run(tmp_path):
    import run_desktop
    dist = tmp_path / "dist"
    env = dict(os.environ, DG_DIST_DIR=str(dist))
    # the zip ``make package`` builds (qgis-plugin-ci, scripts/package.py), written to ``dist``
    completed = subprocess.run(["make", "-s", "package"], cwd=ROOT, env=env, capture_output=True, text=True,
                               timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    zip_path = next(dist.glob("double_guarantee_plugin-*.zip"))
    out = tmp_path / "run"
    code = run_desktop.main(["--scenario", "selfcheck", "--locale", "en_US", "--zip", str(zip_path),
                             "--out", str(out)])
    assert code == 1
    result = json.loads((out / "en_US" / "result.json").read_text(encoding="utf-8"))
    assert not result["ok"]
    assert any("Python error" in line and "a slot of the plugin went wrong" in line for line in result["log_problems"])
    failed = [step for step in result["steps"] if not step["ok"]]
    assert [step["step"] for step in failed] == ["python_error"] and "critical message" in failed[0]["error"]
    assert list((out / "en_US" / "screenshots").glob("*FAILED_python_error.png"))
