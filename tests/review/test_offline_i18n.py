# SPDX-License-Identifier: GPL-2.0-or-later
"""Every user-facing string of take offline / bring back has Chinese (i18n/zh_CN glossaries) with the same
placeholders, and a refused package is explained in Chinese naming the file, the table and the row."""
import ast
import glob
import json
import re
import subprocess
from pathlib import Path

import pytest

from double_guarantee_plugin.core import offline
from double_guarantee_plugin.core.review import ReviewStore
from dg_offline_util import sql

from .conftest import PROJECT_A, write_photo

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "double_guarantee_plugin"
FILES = sorted((PACKAGE / "core" / "offline").glob("*.py")) + [
    PACKAGE / "gui" / "components" / "conflict_panel.py", PACKAGE / "gui" / "components" / "offline_layers.py",
    PACKAGE / "gui" / "dialogs" / "offline.py", PACKAGE / "gui" / "docks" / "review_dock.py",
    PACKAGE / "processing" / "algorithms" / "take_offline.py", PACKAGE / "processing" / "algorithms" / "bring_back.py",
    PACKAGE / "processing" / "algorithms" / "_offline_home.py"]


def tr_literals(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args
                and isinstance(node.args[0], ast.Constant)):
            yield node.args[0].value


def glossary():
    merged = {}
    for name in sorted(glob.glob(str(ROOT / "i18n" / "zh_CN" / "*.json"))):
        merged.update(json.loads(Path(name).read_text(encoding="utf-8")))
    return merged


def test_every_string_has_chinese_with_the_same_placeholders():
    words = glossary()
    texts = [text for path in FILES for text in tr_literals(path)]
    assert len(texts) > 150 and "the photo's bytes do not match its SHA-256" in texts
    missing = [text for text in texts if text not in words]
    broken = [text for text in texts if text in words
              and len(re.findall(r"\{\d*\}", words[text])) != len(re.findall(r"\{\d*\}", text))]
    assert missing == [] and broken == []


@pytest.fixture
def chinese(tmp_path):
    """What ``make transup`` + ``make transcompile`` make of these files, installed (built in tmp_path)."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
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
    yield
    QCoreApplication.removeTranslator(translator)


def test_a_refused_package_is_explained_in_chinese(chinese, project_db, tmp_path):
    package = tmp_path / "外业笔记本.gpkg"
    offline.export_offline(project_db, [PROJECT_A], package, {})
    photo = ReviewStore(package).add_photo(PROJECT_A, write_photo(tmp_path / "IMG_0042.jpg"))
    sql(package, "UPDATE dg_review_photos SET content = x'00' WHERE uuid = ?", (photo.uuid,))
    with pytest.raises(offline.OfflineError) as caught:
        offline.merge_back(project_db, package)
    message = str(caught.value)
    assert "外业笔记本.gpkg：离线数据包被拒绝，未写入任何内容" in message
    assert f"表 dg_review_photos，行 {photo.uuid}（照片 IMG_0042.jpg）：照片内容与其 SHA-256 哈希值不符" in message
