# SPDX-License-Identifier: GPL-2.0-or-later
"""The review dock's Conflicts tab: plot and project conflicts of a bring-back, decided by clicks."""
import sqlite3

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from double_guarantee_plugin.core import offline
from dg_offline_util import ogr_set, sql

from .conftest import PROJECT_A


def _row_of(panel, text):
    return next(row for row in range(panel.table.rowCount()) if panel.table.item(row, 0).text() == text)


def test_conflicts_tab_decides_plots_and_project_fields(review_dock, project_db, tmp_path):
    sql(project_db, "UPDATE projects SET status = 'under_way' WHERE project_code = ?", (PROJECT_A,))
    package = tmp_path / "laptop.gpkg"
    offline.export_offline(project_db, [PROJECT_A], package, {})
    fid = sql(project_db, "SELECT fid FROM plots WHERE plot_code = ?", (f"{PROJECT_A}-04",))[0][0]
    ogr_set(package, fid, grade_after=3)
    ogr_set(project_db, fid, grade_after=12)  # the demo plot has 9: the office changes it
    sql(package, "UPDATE projects SET project_name = '外业名称', status = 'accepted' WHERE project_code = ?",
        (PROJECT_A,))
    sql(project_db, "UPDATE projects SET project_name = '内业名称' WHERE project_code = ?", (PROJECT_A,))
    offline.merge_back(project_db, package, "王工")

    dock = review_dock
    dock.refresh_conflicts()
    panel = dock.conflict_panel
    assert dock.tabs.tabText(dock.conflicts_tab) == "Conflicts (3)"
    assert panel.table.rowCount() == 3
    plot_row = _row_of(panel, f"{PROJECT_A}-04")
    assert panel.table.item(plot_row, 2).text() == "实施后等别=12"     # the layer's alias, both values
    assert panel.table.item(plot_row, 3).text() == "实施后等别=3"
    name_row = _row_of(panel, f"{PROJECT_A}: 项目名称")
    assert (panel.table.item(name_row, 2).text(), panel.table.item(name_row, 3).text()) == ("内业名称", "外业名称")
    status_row = _row_of(panel, f"{PROJECT_A}: 项目状态")
    assert panel.table.item(status_row, 1).text() == "status for the office to decide"
    assert (panel.table.item(status_row, 2).text(), panel.table.item(status_row, 3).text()) == ("实施中", "已验收")

    # without a name nothing is decided
    panel.resolver_edit.setText("")
    panel.table.selectRow(name_row)
    QTest.mouseClick(panel.take_field_button, Qt.MouseButton.LeftButton)
    assert "Enter your name" in panel.last_message

    panel.resolver_edit.setText("张科长")
    panel.table.selectRow(_row_of(panel, f"{PROJECT_A}: 项目名称"))
    QTest.mouseClick(panel.take_field_button, Qt.MouseButton.LeftButton)
    panel.table.selectRow(_row_of(panel, f"{PROJECT_A}: 项目状态"))
    QTest.mouseClick(panel.keep_home_button, Qt.MouseButton.LeftButton)
    panel.table.selectRow(_row_of(panel, f"{PROJECT_A}-04"))
    assert len(panel.rubber_bands) == 2
    QTest.mouseClick(panel.take_field_button, Qt.MouseButton.LeftButton)
    assert dock.tabs.tabText(dock.conflicts_tab) == "Conflicts"
    assert {panel.table.item(row, 4).text() for row in range(3)} == {"took field version", "kept office version"}
    assert not panel.take_field_button.isEnabled()
    with sqlite3.connect(project_db) as connection:
        assert connection.execute("SELECT project_name, status FROM projects WHERE project_code = ?",
                                  (PROJECT_A,)).fetchone() == ("外业名称", "under_way")
        assert connection.execute("SELECT grade_after FROM plots WHERE fid = ?", (fid,)).fetchone() == (3,)
    assert all(c.resolved_by == "张科长" for c in offline.project_conflicts(project_db))
    panel.open_only.setChecked(True)
    assert panel.table.rowCount() == 0
