# SPDX-License-Identifier: GPL-2.0-or-later
"""The check dock under pytest-qgis: real layers, real canvas, real QgsTask; an edit changes the status."""
import time

import pytest
from dg_testutil import copy_gpkg  # noqa: E402


def wait_idle(dock, timeout=30.0):
    from qgis.core import QgsApplication
    started = time.perf_counter()
    while dock.busy():
        QgsApplication.processEvents()
        time.sleep(0.002)
        if time.perf_counter() - started > timeout:
            raise AssertionError(f"the check dock was still busy after {timeout} s")
    QgsApplication.processEvents()
    return time.perf_counter() - started


@pytest.fixture()
def dock_layers(demo_paths, tmp_path, qgis_app):
    """The demo plots (a private copy: the test edits them) and constraint layers, in the project."""
    from qgis.core import QgsProject, QgsVectorLayer
    copy = tmp_path / "projects.gpkg"
    copy_gpkg(demo_paths["projects"], copy)
    county = tmp_path / "county.gpkg"            # a copy too: one test edits the red line
    copy_gpkg(demo_paths["county"], county)
    layers = {"plots": QgsVectorLayer(f"{copy}|layername=plots", "plots", "ogr")}
    for name in ("basic_farmland", "red_line", "slope"):
        layers[name] = QgsVectorLayer(f"{county}|layername={name}", name, "ogr")
    assert all(layer.isValid() for layer in layers.values())
    QgsProject.instance().addMapLayers(list(layers.values()))
    yield layers
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def check_dock(iface, dock_layers):
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import Qt
    from double_guarantee_plugin.gui.docks import check_dock as module
    dock = module.create_dock(iface)
    iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    iface.mainWindow().show()
    canvas = iface.mapCanvas()
    canvas.show()
    canvas.resize(800, 600)
    QgsApplication.processEvents()
    yield dock
    try:
        wait_idle(dock)
    finally:
        dock.cleanup()
        iface.removeDockWidget(dock)
        dock.setParent(None)


def choose_layers(dock, layers):
    dock.plots_combo.setLayer(layers["plots"])
    dock.bf_combo.setLayer(layers["basic_farmland"])
    dock.rl_combo.setLayer(layers["red_line"])
    dock.slope_combo.setLayer(layers["slope"])
    wait_idle(dock)


def fid_of(layer, plot_code):
    return next(feature.id() for feature in layer.getFeatures() if feature["plot_code"] == plot_code)


def test_dock_checks_every_plot_and_shows_the_verdict(check_dock, dock_layers):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor
    from double_guarantee_plugin.gui.docks.check_dock import STATUS_COLOURS, DOCK_ORDER
    assert DOCK_ORDER == 20
    choose_layers(check_dock, dock_layers)
    assert check_dock.tree.topLevelItemCount() == 15
    assert len(check_dock.plot_checks) == dock_layers["plots"].featureCount()
    assert check_dock.results["DG2024-06"].status == "blocking"
    assert check_dock.results["DG2024-08"].status == "blocking"
    assert check_dock.results["DG2024-07"].status == "warning"
    assert "Not passed" in check_dock.verdict_label.text()
    top = check_dock.tree.topLevelItem(0)
    assert top.data(0, Qt.ItemDataRole.UserRole)[0] == "project" and top.text(1) == "Not passed"   # worst first
    assert top.foreground(1).color() == QColor(STATUS_COLOURS["blocking"])


def test_editing_a_plot_rechecks_within_300_ms_and_click_flashes_the_conflict(check_dock, dock_layers, iface):
    from qgis.core import QgsApplication, QgsGeometry
    from double_guarantee_plugin.gui.docks.check_dock import DEBOUNCE_MS
    choose_layers(check_dock, dock_layers)
    plots, red_line = dock_layers["plots"], dock_layers["red_line"]
    fid = fid_of(plots, "DG2023-01-01")
    assert check_dock.plot_checks[fid].status == "ok"
    zone = next(red_line.getFeatures()).geometry()       # 东山水源涵养区
    centre = zone.centroid().asPoint()
    moved = QgsGeometry.fromWkt(f"POLYGON(({centre.x() - 100} {centre.y() - 100},{centre.x() + 100} "
                                f"{centre.y() - 100},{centre.x() + 100} {centre.y() + 100},{centre.x() - 100} "
                                f"{centre.y() + 100},{centre.x() - 100} {centre.y() - 100}))")
    checks_before = check_dock.check_count
    assert plots.startEditing()
    plots.beginEditCommand("move a plot into the red line")
    edited_at = time.perf_counter()
    assert plots.changeGeometry(fid, moved)
    plots.endEditCommand()
    while check_dock.plot_checks[fid].status != "blocking":
        QgsApplication.processEvents()
        time.sleep(0.001)
        assert time.perf_counter() - edited_at < 5, "the dock did not re-check after the edit"
    elapsed = time.perf_counter() - edited_at
    assert check_dock.check_count == checks_before + 1       # one debounced re-check, not a full task
    assert DEBOUNCE_MS <= 150
    # 300 ms is the target; the shared CI machine gets a 200 ms allowance on top
    assert elapsed < 0.5, f"re-checked {1000 * elapsed:.0f} ms after the edit"
    assert check_dock.results["DG2023-01"].status == "blocking"
    assert check_dock.plot_checks[fid].rl_overlap_m2 == pytest.approx(40000 * 1.0, rel=0.01)

    # a click on the row zooms to the plot and outlines it, with the red-line overlap in red
    item = check_dock.item_for_plot(fid)
    check_dock.tree.setCurrentItem(item)
    check_dock._item_clicked(item, 0)
    outline, conflict = check_dock.rubber_band_geometries()
    assert outline.boundingBox().contains(moved.boundingBox()) or outline.area() == pytest.approx(moved.area(), rel=1e-6)
    assert conflict.area() == pytest.approx(moved.intersection(zone).area(), rel=1e-3)
    assert iface.mapCanvas().extent().contains(moved.boundingBox())

    # rolling back brings the plot back, and its status with it
    plots.rollBack()
    wait_idle(check_dock)
    assert check_dock.plot_checks[fid].status == "ok"


def test_the_choice_is_remembered_in_the_project(check_dock, dock_layers, iface):
    from qgis.core import QgsProject
    from double_guarantee_plugin.core import constraints
    from double_guarantee_plugin.gui.docks.check_dock import create_dock
    choose_layers(check_dock, dock_layers)
    saved = constraints.ConstraintSet.from_project(QgsProject.instance())
    assert [entry.role for entry in saved.layers] == ["basic_farmland", "red_line", "slope"]
    assert saved.layers[2].slope_field == "slope_deg"
    second = create_dock(iface)
    try:
        wait_idle(second)
        assert second.plots_combo.currentLayer() is dock_layers["plots"]
        assert second.rl_combo.currentLayer() is dock_layers["red_line"]
        assert second.slope_field.currentField() == "slope_deg"
        assert len(second.plot_checks) == dock_layers["plots"].featureCount()
    finally:
        wait_idle(second)
        second.cleanup()
        second.setParent(None)


def test_editing_a_constraint_layer_rechecks(check_dock, dock_layers):
    from qgis.core import QgsApplication
    from double_guarantee_plugin.core.constraints.registry import REGISTRY
    choose_layers(check_dock, dock_layers)
    red_line = dock_layers["red_line"]
    assert check_dock.results["DG2024-06"].status == "blocking"
    assert REGISTRY.cached(red_line.id())
    zone = next(feature for feature in red_line.getFeatures() if feature["HXMC"] == "东山水源涵养区")
    assert red_line.startEditing()
    edited_at = time.perf_counter()
    assert red_line.deleteFeature(zone.id())          # the zone is redrawn elsewhere: the conflict goes
    assert REGISTRY.cached(red_line.id()) and zone.id() in REGISTRY.get(red_line, red_line, red_line.crs()).overlay
    while check_dock.results["DG2024-06"].status == "blocking":
        QgsApplication.processEvents()
        time.sleep(0.002)
        assert time.perf_counter() - edited_at < 10, "no re-check after the red-line edit"
    red = next(check for check in check_dock.results["DG2024-06"].layers if check.role == "red_line")
    assert red.status == "ok" and red.overlap_m2 == 0
    # nothing is left: the regenerated county has no basic farmland under DG2024-06, and the project's
    # profile (national_2017) has no project-scale rules
    assert check_dock.results["DG2024-06"].status == "ok"
    assert all(plot.rl_overlap_m2 == 0 for plot in check_dock.results["DG2024-06"].plots)
    red_line.rollBack()
    wait_idle(check_dock)
    assert check_dock.results["DG2024-06"].status == "blocking"
