# SPDX-License-Identifier: GPL-2.0-or-later
"""Deciding bring-back conflicts in real QGIS: the plugin installed from the ``make package`` zip into a fresh
profile, QGIS in Chinese (zh_CN) on a 1366×768 Xvfb screen, the review dock's Conflicts tab driven by real
mouse and keyboard events (xdotool); the screen and the database are checked afterwards."""
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from double_guarantee_plugin.core import offline
from dg_offline_util import ogr_set, sql
from dg_testutil import copy_gpkg

ROOT = Path(__file__).resolve().parents[2]
PROJECT_A = "DG2023-01"


def _package_zip(dist):
    """The zip that ``make package`` builds (qgis-plugin-ci, scripts/package.py), written to ``dist``."""
    completed = subprocess.run(["make", "-s", "package"], cwd=ROOT, env=dict(os.environ, DG_DIST_DIR=str(dist)),
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    version = next(line.split("=", 1)[1].strip() for line in (ROOT / "metadata.txt").read_text().splitlines()
                   if line.startswith("version="))
    return dist / f"double_guarantee_plugin-{version}.zip"


def _profile(folder):
    profile = folder / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(_package_zip(folder / "dist")) as archive:
        archive.extractall(plugins)
    (profile / "QGIS").mkdir()
    (profile / "QGIS" / "QGIS3.ini").write_text(
        "[PythonPlugins]\ndouble_guarantee_plugin=true\n\n[locale]\noverrideFlag=true\nuserLocale=zh_CN\n\n"
        "[qgis]\nshowTips=false\ncheckVersion=false\n", encoding="utf-8")
    return folder


def _office_with_conflicts(demo_paths, folder):
    office = folder / "office.gpkg"
    copy_gpkg(demo_paths["projects"], office)
    sql(office, "UPDATE projects SET status = 'under_way' WHERE project_code = ?", (PROJECT_A,))
    package = folder / "laptop.gpkg"
    offline.export_offline(office, [PROJECT_A], package, {})
    fid = sql(office, "SELECT fid FROM plots WHERE plot_code = ?", (f"{PROJECT_A}-04",))[0][0]
    ogr_set(package, fid, grade_after=3)
    ogr_set(office, fid, grade_after=12)  # the demo plot has 9: the office changes it
    sql(package, "UPDATE projects SET project_name = '外业名称', status = 'accepted' WHERE project_code = ?",
        (PROJECT_A,))
    sql(office, "UPDATE projects SET project_name = '内业名称' WHERE project_code = ?", (PROJECT_A,))
    offline.merge_back(office, package, "王工")
    return office


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xdotool") is None or shutil.which("qgis") is None, reason="needs qgis and xdotool")
def test_a_reviewer_decides_a_conflict_in_real_qgis_in_chinese(demo_paths, tmp_path):
    office = _office_with_conflicts(demo_paths, tmp_path)
    profiles = _profile(tmp_path / "qgis_profiles")
    out = tmp_path / "out"
    out.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.update({"DG_DESKTOP_DB": str(office), "DG_DESKTOP_OUT": str(out), "LANG": "zh_CN.UTF-8"})
    process = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "qgis", "--nologo", "--noversioncheck",
         "--profiles-path", str(profiles), "--code", str(Path(__file__).with_name("qgis_conflicts_session.py"))],
        env=env, capture_output=True, text=True, timeout=240)
    result_file = out / "result.json"
    assert result_file.exists(), process.stderr[-3000:]
    result = json.loads(result_file.read_text(encoding="utf-8"))
    assert result["error"] is None, result["error"]
    assert result["screen"] == [1366, 768]
    assert "核查" in result["dock_title"]
    assert "冲突（3）" in result["tab_texts"] and result["current_tab"] == "冲突（3）"
    assert result["take_field_text"] == "采用外业版本" and result["take_field_enabled"]
    rows = {row[0]: row[1:] for row in result["rows_after"]}
    assert rows[f"{PROJECT_A}：项目名称"] == ["内外业均有修改", "内业名称", "外业名称", "已采用外业版本"]
    assert rows[f"{PROJECT_A}：项目状态"] == ["状态须由内业决定", "实施中", "已验收", "待决定"]
    assert rows[f"{PROJECT_A}-04"] == ["内外业均有修改", "实施后等别=12", "实施后等别=3", "待决定"]
    assert result["tab_after"] == "冲突（2）" and result["last_message"] == ""
    assert sql(office, "SELECT project_name FROM projects WHERE project_code = ?", (PROJECT_A,)) == [("外业名称",)]
    [decided] = [c for c in offline.project_conflicts(office) if c.status == "resolved"]
    assert decided.resolved_by == "zhangkz" and decided.chosen == "offline"
    assert (out / "conflicts_tab_zh.png").stat().st_size > 10000
    if os.environ.get("DG_DESKTOP_SCREENSHOTS"):       # to look at what the reviewer saw
        shutil.copy(out / "conflicts_tab_zh.png", os.environ["DG_DESKTOP_SCREENSHOTS"])
