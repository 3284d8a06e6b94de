# SPDX-License-Identifier: GPL-2.0-or-later
"""With QGIS's locale set to zh_CN the project dock appears in Chinese, and its screenshot is saved."""
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from qgis.PyQt.QtGui import QColor, QImage
from qgis.PyQt.QtWidgets import QAbstractButton, QLabel

SCREENSHOTS = Path(__file__).resolve().parents[2] / "resources" / "screenshots"


def _has_cjk(text):
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_dock_appears_in_chinese(dock_zh, project_db_path, idle):
    dock = dock_zh
    assert dock.windowTitle() == "双保 · 项目"
    buttons = {b.objectName(): b.text() for b in dock.findChildren(QAbstractButton) if b.objectName()}
    assert buttons["drawButton"] == "绘制"
    assert buttons["saveButton"] == "保存"
    headers = [dock.project_table.horizontalHeaderItem(i).text() for i in range(dock.project_table.columnCount())]
    assert headers[:3] == ["编号", "名称", "项目状态"]
    dock.open_database(str(project_db_path))
    idle(dock)
    dock.select_project("DG2023-01")
    idle(dock)
    assert "未检查" in dock.panel.verdict_label.text()
    assert "亩" in dock.panel.values["area"].text() and "公顷" in dock.panel.values["area"].text()
    assert "万公斤" in dock.panel.values["capacity"].text()
    # messages from core.projects are translated too
    from double_guarantee_plugin.core import projects
    with pytest.raises(projects.ProjectError, match="项目 DG2023-01：编号已被使用"):
        projects.add_project(dock.projects_layer, {"project_code": "DG2023-01"})
    dock._guarded(dock.merge_selected)
    assert dock.last_message == ("请至少选择两个地块进行合并", "warning")
    # every visible label and button of the dock is Chinese (codes and numbers aside)
    english = [w.text() for w in dock.findChildren(QAbstractButton) + dock.findChildren(QLabel)
               if w.isVisibleTo(dock) and w.text() and any(c.isalpha() and c.isascii() for c in w.text())
               and not _has_cjk(w.text()) and not w.text().startswith(("—", "DG"))]
    assert english == []


def _distinct_colours(image, step=7):
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return colours


def test_screenshot_of_the_dock_in_chinese(dock_zh, project_db_path, idle, iface, demo_paths, tmp_path):
    dock = dock_zh
    dock.open_database(str(project_db_path))
    idle(dock)
    from double_guarantee_plugin.core import constraints
    county = demo_paths["county"]
    layers = {name: QgsVectorLayer(f"{county}|layername={name}", name, "ogr")
              for name in ("basic_farmland", "red_line", "slope")}
    QgsProject.instance().addMapLayers(list(layers.values()), False)  # the project owns (and frees) them
    dock.set_constraint_set(constraints.ConstraintSet.from_layers(
        basic_farmland=layers["basic_farmland"], red_line=layers["red_line"], slope=layers["slope"]))
    idle(dock)
    dock.select_project("DG2024-07")
    idle(dock)
    assert "警告" in dock.panel.verdict_label.text()
    dock.panel.plot_table.selectRow(0)
    idle(dock)
    # floating at a fixed size: the picture must not depend on what other docks did to the main window
    dock.setFloating(True)
    dock.resize(760, 1000)
    from qgis.core import QgsApplication
    QgsApplication.processEvents()
    dock.project_table.scrollToItem(dock.project_table.selectedItems()[0])
    image = dock.grab().toImage()
    dock.setFloating(False)
    assert image.width() >= 400 and image.height() >= 600
    colours = _distinct_colours(image)
    assert len(colours) > 20, "the dock rendered blank"
    background = QColor(image.pixel(image.width() - 3, image.height() - 3))
    dark = sum(1 for c in colours if QColor(c).lightness() < background.lightness() - 80)
    assert dark > 10, "no text was drawn"
    # the README's picture is refreshed on request (`make screenshots`), never as a side effect of a test run
    import os
    folder = SCREENSHOTS if os.environ.get("DG_UPDATE_SCREENSHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "project_dock_zh_CN.png"
    assert image.save(str(path))
    assert QImage(str(path)).convertToFormat(image.format()) == image
