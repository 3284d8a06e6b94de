# SPDX-License-Identifier: GPL-2.0-or-later
"""The check dock finds its layers by role: a first check takes one click from a project with the county's
standard layers (issue 12: at most 3), and a saved demo project opens on its constraint set."""
import time

import pytest

from dg_testutil import copy_gpkg

NAMES = {"land_survey": "DLTB_2023", "basic_farmland": "永久基本农田", "red_line": "生态红线",
         "slope": "坡度 slope", "development_boundary": "开发边界"}


def wait_idle(dock, timeout=60.0):
    from qgis.core import QgsApplication
    started = time.perf_counter()
    while dock.busy():
        QgsApplication.processEvents()
        time.sleep(0.005)
        assert time.perf_counter() - started < timeout, "the check dock stayed busy"
    QgsApplication.processEvents()


@pytest.fixture()
def county_layers(demo_paths, tmp_path, qgis_app):
    from qgis.core import QgsProject, QgsVectorLayer
    from double_guarantee_plugin.core import project_db
    database = tmp_path / "projects.gpkg"
    copy_gpkg(demo_paths["projects"], database)
    layers = {name: QgsVectorLayer(f"{demo_paths['county']}|layername={name}", label, "ogr")
              for name, label in NAMES.items()}
    plots, projects = project_db.open_project_database(str(database))
    layers["plots"], layers["projects"] = plots, projects
    yield layers
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().clear()


def test_one_click_from_the_toolbar_to_a_checked_county(iface, county_layers):
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QPoint, Qt
    from qgis.PyQt.QtTest import QTest
    import double_guarantee_plugin
    from double_guarantee_plugin.gui.docks.check_dock import CheckDock
    from qgis.core import QgsApplication
    QgsProject.instance().addMapLayers(list(county_layers.values()))
    had_provider = QgsApplication.processingRegistry().providerById("doubleguarantee") is not None
    plugin = double_guarantee_plugin.classFactory(iface)
    plugin.initGui()
    clicks = 0
    try:
        iface.mainWindow().show()
        dock = next(d for d in plugin.docks if isinstance(d, CheckDock))
        dock.hide()
        toggle = next(action for action in plugin.actions if action is dock.toggleViewAction())
        button = plugin.toolbar.widgetForAction(toggle)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(button.width() // 2, button.height() // 2))
        clicks += 1
        wait_idle(dock)
        assert dock.isVisible()
        assert dock.plots_combo.currentLayer() is county_layers["plots"]
        assert dock.bf_combo.currentLayer() is county_layers["basic_farmland"]
        assert dock.rl_combo.currentLayer() is county_layers["red_line"]
        assert dock.slope_combo.currentLayer() is county_layers["slope"]
        assert dock.survey_combo.currentLayer() is county_layers["land_survey"]
        assert dock.survey_field.currentField() == "DLBM"
        assert dock.extra_list.count() == 1 and "开发边界" in dock.extra_list.item(0).text()
        assert "Basic farmland" in dock.found_label.text() or "基本农田" in dock.found_label.text()
        found = dock.found_label.toolTip()
        assert "永久基本农田" in found and "DLTB_2023" in found and "YJJBNTMJ" in found
        # the first check is done, every project in the tree, the verdict on screen
        assert dock.tree.topLevelItemCount() == 15 and len(dock.plot_checks) == county_layers["plots"].featureCount()
        assert dock.results["DG2024-06"].status == "blocking" and dock.results["DG2021-04"].status == "warning"
        assert "15" in dock.verdict_label.text()
        assert clicks <= 3
        import os
        if os.environ.get("DG_SCREENSHOT_DIR"):      # to look at it: the dock as a user sees it
            dock.resize(480, 740)
            dock.grab().save(os.path.join(os.environ["DG_SCREENSHOT_DIR"], "check_dock_found.png"))
        # the set was saved in the project: it travels with the .qgz
        from double_guarantee_plugin.core import constraints
        saved = constraints.ConstraintSet.from_project(QgsProject.instance())
        assert [entry.role for entry in saved.layers] == ["basic_farmland", "red_line", "slope", "land_survey",
                                                          "extra"]
    finally:
        if had_provider:
            plugin.provider = None   # the session's provider stays registered for the other tests
        plugin.unload()
        QgsApplication.sendPostedEvents(None, 0)


def test_a_dock_with_nothing_chosen_fills_itself_when_the_layers_arrive(iface, county_layers):
    from qgis.core import QgsProject
    from double_guarantee_plugin.gui.docks.check_dock import create_dock
    dock = create_dock(iface)
    try:
        assert dock.plots_layer() is None
        # the county's layers first, the project database after: both found
        QgsProject.instance().addMapLayers([layer for name, layer in county_layers.items()
                                            if name not in ("plots", "projects")])
        wait_idle(dock)
        assert dock.plots_layer() is None and dock.bf_combo.currentLayer() is not None
        QgsProject.instance().addMapLayers([county_layers["plots"], county_layers["projects"]])
        wait_idle(dock)
        assert dock.plots_layer() is county_layers["plots"] and dock.bf_combo.currentLayer() is not None
        assert dock.tree.topLevelItemCount() == 15
        # the user's change is kept: removing the red line is not undone by the next layer loaded
        dock.rl_combo.setLayer(None)
        wait_idle(dock)
        from qgis.core import QgsVectorLayer
        extra = QgsVectorLayer("Polygon?crs=EPSG:4527", "scratch", "memory")
        QgsProject.instance().addMapLayer(extra)
        wait_idle(dock)
        assert dock.rl_combo.currentLayer() is None
    finally:
        wait_idle(dock)
        dock.cleanup()
        dock.setParent(None)


def test_the_saved_demo_project_opens_on_its_constraint_set(iface, county_layers, tmp_path):
    from qgis.core import QgsProject
    from double_guarantee_plugin.core.standard_layers.constraint_set import auto_constraint_set
    from double_guarantee_plugin.gui.docks.check_dock import create_dock
    project = QgsProject.instance()
    project.addMapLayers(list(county_layers.values()))
    constraint_set, _found = auto_constraint_set(project)
    constraint_set.write_to_project(project)
    project.writeEntry("DoubleGuarantee", "check_plots_layer", county_layers["plots"].id())
    plots_name = county_layers["plots"].name()
    path = tmp_path / "county.qgz"
    assert project.write(str(path))
    project.clear()
    assert project.read(str(path))
    dock = create_dock(iface)
    try:
        wait_idle(dock)
        assert dock.plots_layer() is not None and dock.plots_layer().name() == plots_name
        assert dock.bf_combo.currentLayer().name() == NAMES["basic_farmland"]
        assert dock.tree.topLevelItemCount() == 15
    finally:
        wait_idle(dock)
        dock.cleanup()
        dock.setParent(None)


def test_a_project_read_while_the_dock_is_open_keeps_its_saved_set(iface, county_layers, tmp_path):
    """As in QGIS: the plugin's dock is there before the user opens the project.  Reading it adds the plots
    before readProject restores the saved set; the dock must not write its empty choice over that set."""
    from qgis.core import QgsProject
    from double_guarantee_plugin.core import constraints
    from double_guarantee_plugin.core.standard_layers.constraint_set import auto_constraint_set
    from double_guarantee_plugin.gui.docks.check_dock import create_dock
    project = QgsProject.instance()
    project.addMapLayers(list(county_layers.values()))
    constraint_set, _found = auto_constraint_set(project)
    constraint_set.write_to_project(project)
    project.writeEntry("DoubleGuarantee", "check_plots_layer", county_layers["plots"].id())
    plots_name = county_layers["plots"].name()
    path = tmp_path / "county.qgz"
    assert project.write(str(path))
    project.clear()
    dock = create_dock(iface)
    try:
        assert project.read(str(path))
        wait_idle(dock)
        assert dock.plots_layer() is not None and dock.plots_layer().name() == plots_name
        assert dock.bf_combo.currentLayer().name() == NAMES["basic_farmland"]
        assert dock.survey_combo.currentLayer().name() == NAMES["land_survey"]
        saved = constraints.ConstraintSet.from_project(project)
        assert [entry.role for entry in saved.layers] == ["basic_farmland", "red_line", "slope", "land_survey",
                                                          "extra"]
    finally:
        wait_idle(dock)
        dock.cleanup()
        dock.setParent(None)


def test_in_chinese_the_docks_show_what_was_found_and_gross_tiankan_net(iface, county_layers, zh_cn_locale):
    """At 1366×768 in Chinese: the check dock's found line, and the project dock's gross/田坎/net rows."""
    import os
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import Qt
    from double_guarantee_plugin.gui.docks import check_dock, project_dock
    QgsProject.instance().addMapLayers(list(county_layers.values()))
    checks = check_dock.create_dock(iface)
    iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, checks)
    panel_dock = project_dock.create_dock(iface)
    iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel_dock)
    try:
        wait_idle(checks)
        assert checks.found_label.text().startswith("已按字段代码识别：永久基本农田")
        assert "按字段识别" in checks.found_label.toolTip()
        assert checks.find_button.text() == "识别图层"
        blocked = checks.results["DG2024-08"]
        assert any("耕地坡度级别" in message or "坡度" in message for message in blocked.messages)
        panel_dock.open_database(county_layers["plots"].source().split("|")[0])
        panel_dock.select_project("DG2023-02")
        started = time.perf_counter()
        while panel_dock.busy() or panel_dock.last_snapshot is None or \
                panel_dock.last_snapshot.project_code != "DG2023-02":
            from qgis.core import QgsApplication
            QgsApplication.processEvents()
            time.sleep(0.005)
            assert time.perf_counter() - started < 60
        panel = panel_dock.panel
        credit = panel_dock.last_snapshot.project_credit
        assert credit.tiankan_mu > 0 and credit.net_area_mu < credit.area_mu
        assert f"{credit.tiankan_mu:,.2f} 亩" in panel.values["tiankan"].text()
        assert f"{credit.net_area_mu:,.2f} 亩" in panel.values["net_area"].text()
        headers = [panel.plot_table.horizontalHeaderItem(i).text() for i in range(panel.plot_table.columnCount())]
        assert headers[3:6] == ["面积（亩）", "田坎（亩）", "净面积（亩）"]
        if os.environ.get("DG_SCREENSHOT_DIR"):
            folder = os.environ["DG_SCREENSHOT_DIR"]
            iface.mainWindow().resize(1366, 768)
            checks.grab().save(os.path.join(folder, "check_dock_zh.png"))
            panel_dock.grab().save(os.path.join(folder, "project_dock_zh.png"))
    finally:
        wait_idle(checks)
        checks.cleanup()
        iface.removeDockWidget(checks)
        checks.setParent(None)
        panel_dock.cleanup()
        iface.removeDockWidget(panel_dock)
        panel_dock.setParent(None)
