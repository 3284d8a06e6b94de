# SPDX-License-Identifier: GPL-2.0-or-later
"""Every user-facing string of the project dock and its database dialogs has Chinese in i18n/zh_CN (any glossary),
with the same placeholders, and the PostGIS dialog appears in Chinese under a zh_CN locale."""
import ast
import glob
import json
import re
from pathlib import Path

from dg_testutil import dispose_widget

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "double_guarantee_plugin"
# the dock is assembled from the components of gui/project/ (and core/acceptance.py's refusals)
FILES = [PACKAGE / "gui" / "docks" / "project_dock.py", PACKAGE / "gui" / "dialogs" / "project_db.py",
         PACKAGE / "core" / "acceptance.py"] + sorted((PACKAGE / "gui" / "project").glob("*.py"))


def tr_literals(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args
                and isinstance(node.args[0], ast.Constant)):
            yield node.args[0].value


def test_every_string_has_chinese_with_the_same_placeholders():
    glossary = {}
    for name in sorted(glob.glob(str(ROOT / "i18n" / "zh_CN" / "*.json"))):
        glossary.update(json.loads(Path(name).read_text(encoding="utf-8")))
    texts = [text for path in FILES for text in tr_literals(path)]
    assert len(texts) > 80 and "Open PostGIS…" in texts
    missing = [text for text in texts if text not in glossary]
    # the translation may number its placeholders ({1} … {0}) where Chinese word order differs
    broken = [text for text in texts if text in glossary
              and len(re.findall(r"\{\d*\}", glossary[text])) != len(re.findall(r"\{\d*\}", text))]
    assert missing == [] and broken == []


def test_postgis_dialog_in_chinese(qgis_app, tmp_path):
    """What ``make transup`` + ``make transcompile`` make of these files shows the dialog in Chinese (built in
    tmp_path, so the test does not wait for the shared .ts to be regenerated)."""
    import subprocess
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
    from qgis.PyQt.QtWidgets import QLabel
    from double_guarantee_plugin.gui.dialogs.project_db import PostgisDatabaseDialog
    (tmp_path / "zh_CN").symlink_to(ROOT / "i18n" / "zh_CN")
    ts, qm = tmp_path / "dg_zh_CN.ts", tmp_path / "dg_zh_CN.qm"
    subprocess.run(["pylupdate5", "-noobsolete"] + [str(f) for f in FILES] + ["-ts", str(ts)], check=True,
                   capture_output=True)
    subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "ts_single_context.py"), str(ts)], check=True,
                   capture_output=True)
    subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    # a lister that needs no server: the dialog's own text is what is checked here
    dialog = PostgisDatabaseDialog(None, lister=lambda name: [])
    try:
        assert dialog.windowTitle() == "PostGIS 上的项目数据库"
        assert dialog.create_check.text() == "在此模式（schema）中新建项目数据库"
        labels = [w.text() for w in dialog.findChildren(QLabel)]
        assert "PostgreSQL 连接" in labels and "模式（schema）" in labels
    finally:
        QCoreApplication.removeTranslator(translator)
        dispose_widget(dialog)
