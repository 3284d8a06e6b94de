# SPDX-License-Identifier: GPL-2.0-or-later
"""The project dock's parts for a laptop: search and filter, verdicts from the check dock at once, the
new-project form editable, snapping in one toggle, the plot's figures while drawing, docks that fit."""
import pytest
from qgis.core import QgsApplication, QgsGeometry, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer

from double_guarantee_plugin.core import projects


def test_search_by_code_or_name_and_filter_by_status(dock, project_db_path, idle):
    dock.open_database(str(project_db_path))
    idle(dock)
    listing = dock.project_list
    listing.search_edit.setText("东湖")
    assert listing.visible_codes() == ["DG2023-01"]
    listing.search_edit.setText("dg2025")              # codes match whatever the case
    assert listing.visible_codes() == ["DG2025-11", "DG2025-12", "DG2025-13", "DG2025-14"]
    listing.search_edit.clear()
    listing.status_filter.setCurrentIndex(listing.status_filter.findData("planned"))
    assert listing.visible_codes() == ["DG2024-08", "DG2025-14"]
    assert len(dock.project_codes()) == 15             # hidden rows stay in the list
    # a project chosen elsewhere (restored, created) is never left hidden by the filter
    assert dock.select_project("DG2023-01", zoom=False)
    assert "DG2023-01" in listing.visible_codes() and listing.status_filter.currentData() is None


def test_verdicts_of_a_check_reach_the_project_list_at_once(dock, project_db_path, idle):
    from double_guarantee_plugin.gui.components import check_events
    dock.open_database(str(project_db_path))
    idle(dock)
    row = dock.project_codes().index("DG2024-06")
    assert dock.project_table.item(row, 3).text() == "Not checked"
    check_events.hub().projectsChecked.emit({"DG2024-06": "blocking", "DG2023-01": "ok"})
    # no credit run in between: the list shows the check's verdicts right away
    assert dock.project_table.item(row, 3).text() == "Not passed"
    assert dock.project_table.item(dock.project_codes().index("DG2023-01"), 3).text() == "Passed"


def test_the_check_dock_announces_its_results(iface, qgis_new_project, project_db_path, demo_paths):
    from double_guarantee_plugin.gui.components import check_events
    from double_guarantee_plugin.gui.docks import check_dock as module
    plots = QgsVectorLayer(f"{project_db_path}|layername=plots", "plots", "ogr")
    red_line = QgsVectorLayer(f"{demo_paths['county']}|layername=red_line", "red_line", "ogr")
    QgsProject.instance().addMapLayers([plots, red_line])
    heard = []
    check_events.hub().projectsChecked.connect(heard.append)
    check = module.create_dock(iface)
    try:
        check.plots_combo.setLayer(plots)
        check.rl_combo.setLayer(red_line)
        import time
        deadline = time.monotonic() + 30
        while (check.busy() or not heard) and time.monotonic() < deadline:
            QgsApplication.processEvents()
        assert heard and heard[-1]["DG2024-06"] == "blocking"
    finally:
        from qgis.PyQt.QtCore import QEvent
        check_events.hub().projectsChecked.disconnect(heard.append)
        check.cleanup()
        check.setParent(None)          # off QGIS's window now: later tests count the docks on it
        check.deleteLater()
        QgsApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_new_project_opens_an_editable_form(dock, project_db_path, idle):
    """The projects layer's own form, in edit mode: a field can be typed into and OK accepts."""
    from qgis.gui import QgsAttributeDialog
    from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QLineEdit
    dock.open_database(str(project_db_path))
    idle(dock)
    dock.projects_layer.rollBack()        # not in edit mode, as after a save: the form must still be editable
    seen = {}

    def fill(attempt=0):
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QgsAttributeDialog):
            if attempt < 200:
                QTimer.singleShot(20, lambda: fill(attempt + 1))
            return
        editors = [w for w in dialog.findChildren(QLineEdit) if w.isVisible()
                   and w.parentWidget() is not None and w.parentWidget().objectName() == "project_name"] or \
            [w for w in dialog.findChildren(QLineEdit) if w.isVisible() and w.objectName() == "project_name"]
        name = editors[0]
        seen["editable"] = name.isEnabled() and not name.isReadOnly()
        name.setText("表单项目")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        seen["ok_enabled"] = ok.isEnabled()
        ok.click()
    QTimer.singleShot(20, fill)
    code = dock.new_project()
    assert seen == {"editable": True, "ok_enabled": True}
    assert code and projects.find_project(dock.projects_layer, code)["project_name"] == "表单项目"
    assert dock.selected_project() == code


def test_snapping_toggle(dock, project_db_path, idle, demo_paths):
    from qgis.core import QgsSnappingConfig
    from double_guarantee_plugin.core import constraints
    county = demo_paths["county"]
    layers = {name: QgsVectorLayer(f"{county}|layername={name}", name, "ogr")
              for name in ("basic_farmland", "red_line", "land_survey")}
    QgsProject.instance().addMapLayers(list(layers.values()))
    constraints.ConstraintSet.from_layers(basic_farmland=layers["basic_farmland"], red_line=layers["red_line"],
                                          land_survey=layers["land_survey"]).write_to_project(QgsProject.instance())
    dock.open_database(str(project_db_path))
    idle(dock)
    project = QgsProject.instance()
    before = QgsSnappingConfig(project.snappingConfig())
    dock.tool_buttons["snap"].setEnabled(True)
    dock.tool_buttons["snap"].click()
    config = project.snappingConfig()
    from double_guarantee_plugin.gui.project.snapping import _snapping_names
    assert config.enabled() and config.mode() == _snapping_names()[0]
    snapped = {layer.name() for layer in project.mapLayers().values()
               if config.individualLayerSettings(layer).enabled()}
    assert snapped == {dock.plots_layer.name(), "basic_farmland", "land_survey"}
    dock.tool_buttons["snap"].click()
    assert project.snappingConfig() == before


def test_figures_of_the_plot_being_drawn(dock, project_db_path, idle):
    from double_guarantee_plugin.gui.project.drawing_preview import DrawingPreview
    dock.open_database(str(project_db_path))
    idle(dock)
    extent = projects.project_extent(dock.plots_layer, "DG2023-01")
    x, y = extent.xMinimum(), extent.yMinimum() - 300
    square = QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + 200} {y},{x + 200} {y + 200},{x} {y + 200},{x} {y}))")
    preview = DrawingPreview(dock.plots_layer, "DG2023-01", dock.profile)
    text = preview.text(square)
    from double_guarantee_plugin.core.area import EllipsoidalArea
    from double_guarantee_plugin.core.units import m2_to_mu
    area_mu = m2_to_mu(EllipsoidalArea(dock.plots_layer.crs()).area_m2(square))
    assert f"{area_mu:,.2f} mu" in text and "area credit" in text
    # a new project has no plot to copy classes from: the area alone, and what the credits wait for
    empty = DrawingPreview(dock.plots_layer, "NO-PLOTS", dock.profile)
    assert f"{area_mu:,.2f} mu" in empty.text(square) and "land classes" in empty.text(square)
    assert preview.text(None) is None


def test_drawing_shows_the_figures_on_the_map(dock, project_db_path, idle, iface, map_clicks, form_filler):
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, Qt
    from qgis.PyQt.QtWidgets import QLabel
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project("DG2023-01")
    idle(dock)
    canvas = iface.mapCanvas()
    tool = dock.start_draw()
    extent = projects.project_extent(dock.plots_layer, "DG2023-01")
    x, y = extent.xMinimum() + 100, extent.yMinimum() - 300
    for point in ((x, y), (x + 100, y), (x + 100, y + 100)):
        map_clicks.click(canvas, *point)
    pixel = canvas.getCoordinateTransform().transform(QgsPointXY(x, y + 100)).toQPointF().toPoint()
    tool.canvasMoveEvent(QgsMapMouseEvent(canvas, QEvent.Type.MouseMove, pixel, Qt.MouseButton.NoButton))
    overlay = canvas.findChild(QLabel, "drawingFigures")
    assert overlay is not None and overlay.isVisibleTo(canvas)
    # the whole square (within a pixel each side), in 亩, with the credits of the last plot's classes
    from double_guarantee_plugin.core.units import m2_to_mu
    assert "area credit" in overlay.text()
    shown = float(overlay.text().split(": ", 1)[1].split(" mu")[0].replace(",", ""))
    assert shown == pytest.approx(m2_to_mu(100 * 100), abs=4 * 100 * canvas.mapUnitsPerPixel() / 666.67 + 0.1)
    form_filler({"class_before": "0404", "class_after": "0103", "grade_after": 6})
    map_clicks.click(canvas, x, y + 100)
    map_clicks.click(canvas, x, y + 100, right=True)
    idle(dock)
    assert not overlay.isVisibleTo(canvas)           # the form took over, the plot is added
    assert dock.last_snapshot.project_credit.plot_count == len(projects.plot_features(dock.plots_layer,
                                                                                       "DG2023-01"))


def test_first_start_puts_the_docks_in_tabs_and_the_window_on_screen(qgis_app):
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QDockWidget, QLabel, QMainWindow
    from double_guarantee_plugin.gui.components import dock_layout
    window = QMainWindow()
    window.setCentralWidget(QLabel("map"))
    docks = []
    for name in ("DoubleGuaranteeProjectDock", "DoubleGuaranteeCheckDock", "DoubleGuaranteeLedgerDock"):
        dock = QDockWidget(name, window)
        dock.setObjectName(name)
        body = QLabel("tall\n" * 60)            # as tall as a panel that used to stretch the window
        dock.setWidget(body)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        docks.append(dock)
    window.show()
    QgsSettings().remove(dock_layout.STATE_KEY)
    assert dock_layout.prepare(docks, docks[0])          # nothing saved: a first start
    dock_layout.arrange(window, docks, docks[0], 400)
    QgsApplication.processEvents()
    assert window.tabifiedDockWidgets(docks[0]) == docks[1:]
    assert all(isinstance(dock.widget(), dock_layout.QScrollArea) for dock in docks)
    screen = window.screen().availableGeometry()
    assert screen.contains(window.frameGeometry())
    # the others wait in tabs: open, but nothing of them drawn until their tab is clicked
    assert not docks[0].visibleRegion().isEmpty()
    assert docks[1].visibleRegion().isEmpty() and docks[2].visibleRegion().isEmpty()
    # a dock the user closed and opens again from its toolbar button comes to the front
    docks[1].close()
    docks[1].toggleViewAction().trigger()
    QgsApplication.processEvents()
    assert docks[1].isVisible() and not docks[1].visibleRegion().isEmpty()
    # once QGIS saved the arrangement, the user's own is kept
    QgsSettings().setValue(dock_layout.STATE_KEY, window.saveState())
    try:
        assert not dock_layout.prepare(docks, docks[0])
    finally:
        QgsSettings().remove(dock_layout.STATE_KEY)
        # deleted now, inside the test: a top-level window left to Python's exit outlives QGIS and aborts it
        from qgis.PyQt.QtCore import QEvent
        window.close()
        window.deleteLater()
        QgsApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_button_rows_wrap_to_the_width(qgis_app):
    from qgis.PyQt.QtWidgets import QToolButton
    from double_guarantee_plugin.gui.components.flow_layout import flow_row
    buttons = []
    for text in ("Draw", "Split", "Reshape", "Merge", "Delete plots", "Snapping"):
        button = QToolButton()
        button.setText(text)
        buttons.append(button)
    row = flow_row(buttons)
    widest = max(b.sizeHint().width() for b in buttons)
    one_line = row.layout().heightForWidth(2000)
    narrow = row.layout().heightForWidth(widest + 2)
    assert narrow >= 5 * one_line                      # one button a line
    assert row.minimumSizeHint().width() <= widest + 2  # never wider than its widest button
