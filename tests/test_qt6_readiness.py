# SPDX-License-Identifier: GPL-2.0-or-later
"""QGIS 4 readiness: the code uses only Qt/QGIS names that PyQt6 and QGIS 3.22+ both accept, no exec_(),
and flake8-qgis passes.

After other branches are merged, QGIS's ``pyqt5_to_pyqt6`` script (QGIS-3-compatible mode) fixes most of
what these tests report; see the README's "QGIS versions" section.
"""
import subprocess
import sys
from pathlib import Path

from qt6_names import qt6_problems, scan_source, scan_tree

ROOT = Path(__file__).resolve().parents[1]
CODE_FOLDERS = [ROOT / name for name in ("double_guarantee_plugin", "scripts", "tests", "bench")]


def test_the_check_rejects_what_pyqt6_rejects(qgis_app):
    """The checker itself: unscoped Qt and QGIS enums and exec_() are reported, scoped names are not."""
    source = "\n".join([
        "from qgis.PyQt.QtCore import Qt",
        "from qgis.PyQt.QtWidgets import QDialog, QMessageBox",
        "from qgis.core import Qgis, QgsWkbTypes",
        "a = Qt.AlignLeft",                                   # 4: PyQt6 has only Qt.AlignmentFlag.AlignLeft
        "b = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop",
        "c = QMessageBox.Yes",                                # 6
        "d = QDialog.DialogCode.Accepted",
        "e = Qgis.Warning",                                   # 8: only Qgis.MessageLevel.Warning on Qt6 builds
        "f = Qgis.MessageLevel.Warning",
        "g = QgsWkbTypes.PolygonGeometry",                    # 10
        "h = QgsWkbTypes.GeometryType.PolygonGeometry",
        "QDialog().exec_()",                                  # 12
        "QDialog().exec()",
    ])
    uses, exec_lines = scan_source(source, "sample.py")
    problems = qt6_problems(uses)
    assert sorted(use.line for use, _reason in problems) == [4, 6, 8, 10], problems
    reasons = {use.line: reason for use, reason in problems}
    assert "Qgis.MessageLevel.Warning" in reasons[8]
    assert "QgsWkbTypes.GeometryType.PolygonGeometry" in reasons[10]
    assert exec_lines == [12]


def test_code_uses_only_names_pyqt6_and_qgis_3_22_accept(qgis_app):
    uses, exec_uses = scan_tree(CODE_FOLDERS)
    assert len(uses) > 300, "the scan found too few Qt/QGIS names: is it still reading the code?"
    problems = [f"{use.where()}: {use.dotted}: {reason}" for use, reason in qt6_problems(uses)]
    problems += [f"{where}: exec_() is gone in PyQt6: use exec()" for where in exec_uses]
    assert not problems, f"{len(problems)} names QGIS 4 rejects:\n" + "\n".join(problems)


def test_flake8_qgis_passes():
    """flake8-qgis's rules (configured in .flake8) over the whole code base."""
    completed = subprocess.run([sys.executable, "-m", "flake8", *map(str, CODE_FOLDERS)], cwd=ROOT,
                               capture_output=True, text=True, timeout=600)
    assert "flake8-qgis" in subprocess.run([sys.executable, "-m", "flake8", "--version"], capture_output=True,
                                           text=True).stdout, "flake8-qgis is not installed"
    assert completed.returncode == 0, completed.stdout[-6000:] + completed.stderr[-2000:]
