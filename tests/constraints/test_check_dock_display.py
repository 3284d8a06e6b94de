# SPDX-License-Identifier: GPL-2.0-or-later
"""The check dock's figures and highlight as a user sees them: overlaps in 亩 (m² in the tooltip), thousands
separators, whole column headings, one verdict word, and a conflict highlight that goes when the user leaves."""
import pytest
from gui.conftest import zh_cn_locale as zh_cn_translation  # noqa: F401 (a fixture)
from test_check_dock import check_dock, choose_layers, dock_layers, fid_of, wait_idle  # noqa: F401 (fixtures)


def test_overlaps_are_in_mu_with_m2_in_the_tooltip(check_dock, dock_layers):
    from qgis.core import QgsGeometry
    from double_guarantee_plugin.core.units import m2_to_mu
    choose_layers(check_dock, dock_layers)
    plots = dock_layers["plots"]
    # a plot made 1,000,000 m² larger than the red line can hold: the figure needs a thousands separator
    zone = next(dock_layers["red_line"].getFeatures()).geometry()
    fid = fid_of(plots, "DG2023-01-01")
    assert plots.startEditing() and plots.changeGeometry(fid, QgsGeometry(zone))
    wait_idle(check_dock)
    check = check_dock.plot_checks[fid]
    item = check_dock.item_for_plot(fid)
    assert check.rl_overlap_m2 == pytest.approx(zone.area(), rel=1e-3) and check.rl_overlap_m2 > 666_667
    expected_mu = f"{m2_to_mu(check.rl_overlap_m2):,.2f}"
    assert item.text(3) == expected_mu and "," in expected_mu
    assert item.toolTip(3) == f"{check.rl_overlap_m2:,.1f} m²"
    assert check_dock.tree.headerItem().text(3) == "Red line (mu)"
    plots.rollBack()
    wait_idle(check_dock)


def test_headings_are_whole_in_chinese(check_dock, dock_layers, zh_cn_translation):
    from qgis.core import QgsApplication
    from double_guarantee_plugin.gui.docks.check_dock import create_dock
    dock = create_dock(check_dock.iface)
    try:
        choose_layers(dock, dock_layers)
        dock.resize(420, 600)      # narrower than the headings: they must not be cut, the tree scrolls
        dock.show()
        QgsApplication.processEvents()
        header = dock.tree.header()
        metrics = header.fontMetrics()
        texts = [dock.tree.headerItem().text(column) for column in range(5)]
        assert texts[1:5] == ["核查结论", "永久基本农田（亩）", "生态保护红线（亩）", "坡度超限（亩）"]
        for column in range(1, 5):
            assert header.sectionSize(column) >= metrics.horizontalAdvance(texts[column]), texts[column]
        words = {dock.tree.topLevelItem(i).text(1) for i in range(dock.tree.topLevelItemCount())}
        assert words <= {"通过", "警告", "不通过", "未检查"} and "不通过" in words
        assert dock.verdict_label.text().startswith("结论：不通过")
    finally:
        wait_idle(dock)
        dock.cleanup()
        dock.setParent(None)


def _show_a_conflict(dock, layers):
    choose_layers(dock, layers)
    code = "DG2024-06"
    item = next(dock.tree.topLevelItem(i) for i in range(dock.tree.topLevelItemCount())
                if dock.tree.topLevelItem(i).text(0) == code)
    dock._item_clicked(item, 0)
    assert len(dock.rubber_band_geometries()) == 2
    scene = dock.iface.mapCanvas().scene()
    assert all(band.scene() is scene for band in dock._rubber_bands)
    return list(dock._rubber_bands)


def test_the_highlight_clears_when_the_dock_is_hidden(check_dock, dock_layers, iface):
    from qgis.core import QgsApplication
    iface.mainWindow().show()
    check_dock.show()
    QgsApplication.processEvents()
    bands = _show_a_conflict(check_dock, dock_layers)
    check_dock.hide()
    QgsApplication.processEvents()
    assert check_dock.rubber_band_geometries() == []
    assert all(band not in iface.mapCanvas().scene().items() for band in bands)


def test_the_highlight_clears_when_the_map_tool_changes(check_dock, dock_layers, iface):
    from qgis.gui import QgsMapToolPan
    _show_a_conflict(check_dock, dock_layers)
    tool = QgsMapToolPan(iface.mapCanvas())
    iface.mapCanvas().setMapTool(tool)
    assert check_dock.rubber_band_geometries() == []
    iface.mapCanvas().unsetMapTool(tool)


def test_the_highlight_clears_with_another_project(check_dock, dock_layers, tmp_path):
    from qgis.core import QgsProject
    _show_a_conflict(check_dock, dock_layers)
    QgsProject.instance().clear()
    assert check_dock.rubber_band_geometries() == []
