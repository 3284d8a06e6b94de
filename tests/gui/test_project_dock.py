"""The project dock on the real canvas: databases, projects, drawing, live credits, undo, repair, state."""
import pytest
from qgis.core import QgsGeometry, QgsPointXY, QgsProject, QgsRectangle

from double_guarantee_plugin.core import projects
from double_guarantee_plugin.core.live_credits import STATUS_NOT_CHECKED
from double_guarantee_plugin.core.units import m2_to_mu

PROJECT = "DG2023-01"


def processing_figures(layer, code, profile_id="national_2017"):
    """The PROJECT_OUTPUT row of doubleguarantee:computecredits for ``code`` on ``layer`` (edit buffer included)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    context = QgsProcessingContext()
    result = processing.run("doubleguarantee:computecredits",
                            {"INPUT": layer, "RULE_PROFILE": profile_id, "OUTPUT": "TEMPORARY_OUTPUT",
                             "PROJECT_OUTPUT": "TEMPORARY_OUTPUT"}, context=context,
                            feedback=QgsProcessingFeedback())
    table = result["PROJECT_OUTPUT"]
    if isinstance(table, str):
        table = context.takeResultLayer(table)
    rows = [f for f in table.getFeatures() if f["project_code"] == code]
    assert len(rows) == 1, f"computecredits gave no single row for {code}"
    return {name: rows[0][name] for name in rows[0].fields().names()}


def assert_panel_matches_processing(dock, code):
    credit = dock.last_snapshot.project_credit
    expected = processing_figures(dock.plots_layer, code, dock.profile.id)
    assert credit.plot_count == expected["plot_count"]
    assert credit.area_mu == pytest.approx(expected["area_mu"], rel=1e-9)
    assert credit.credit_area_mu == pytest.approx(expected["credit_area_mu"], rel=1e-9, abs=1e-9)
    assert credit.credit_capacity_kg == pytest.approx(expected["credit_capacity_kg"], rel=1e-9, abs=1e-6)
    assert credit.credit_paddy_mu == pytest.approx(expected["credit_paddy_mu"], rel=1e-9, abs=1e-9)
    # and what the panel shows is those figures, rounded for display
    assert f"{expected['credit_area_mu']:,.2f}" in dock.panel.values["credit_area"].text()
    assert f"{expected['area_mu']:,.2f}" in dock.panel.values["area"].text()
    return expected


def open_and_select(dock, path, idle, code=PROJECT):
    dock.open_database(str(path))
    idle(dock)
    assert dock.select_project(code)
    idle(dock)
    assert dock.last_snapshot is not None and dock.last_snapshot.project_code == code
    return dock.last_snapshot


def show_around(iface, extent, margin=600):
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(QgsProject.instance().mapLayersByName("地块 plots")[0].crs())
    canvas.setExtent(QgsRectangle(extent.xMinimum() - margin, extent.yMinimum() - margin,
                                  extent.xMaximum() + margin, extent.yMaximum() + margin))
    canvas.refresh()
    return canvas


def test_open_database_lists_projects(dock, project_db_path, idle):
    dock.open_database(str(project_db_path))
    idle(dock)
    codes = dock.project_codes()
    assert len(codes) == 14
    assert PROJECT in codes
    row = codes.index(PROJECT)
    # totals arrive from the background run over all projects
    assert dock.project_table.item(row, 4).text() != "…"
    assert float(dock.project_table.item(row, 5).text().replace(",", "")) > 0
    assert dock.project_table.item(row, 8).text() == "Not checked"


def test_selecting_project_zooms_and_matches_processing(dock, project_db_path, idle, iface, processing_ready):
    open_and_select(dock, project_db_path, idle)
    extent = projects.project_extent(dock.plots_layer, PROJECT)
    assert iface.mapCanvas().extent().contains(extent)
    expected = assert_panel_matches_processing(dock, PROJECT)
    assert expected["credit_area_mu"] > 0


def test_not_checked_is_always_said(dock, project_db_path, idle):
    snapshot = open_and_select(dock, project_db_path, idle)
    assert snapshot.check_status == STATUS_NOT_CHECKED
    text = dock.panel.text()
    assert "not checked" in text.lower()
    assert "NOT CHECKED" in dock.panel.figures_box.title()
    # the figures are shown, but only in a box that says they are unchecked
    assert dock.panel.values["credit_area"].text() != "—"


def square_below(extent, size=200.0, gap=250.0):
    x0, y1 = extent.xMinimum() + 150.0, extent.yMinimum() - gap
    return [(x0, y1 - size), (x0 + size, y1 - size), (x0 + size, y1), (x0, y1)]


def test_draw_plot_with_form_then_undo_redo(dock, project_db_path, idle, iface, map_clicks, form_filler,
                                            processing_ready):
    before = open_and_select(dock, project_db_path, idle).project_credit
    extent = projects.project_extent(dock.plots_layer, PROJECT)
    canvas = show_around(iface, extent)
    tool = dock.start_draw()
    assert canvas.mapTool() is tool
    seen = {}
    form_filler({"class_before": "0404", "class_after": "0103", "grade_after": 6}, seen)
    corners = square_below(extent)
    map_clicks.draw(canvas, corners)
    idle(dock)
    # the form came prefilled from the project's last plot, with the next plot code
    assert seen["project_code"] == PROJECT
    assert str(seen["plot_code"]).startswith(PROJECT + "-")
    assert seen["class_after"] not in (None, "") and seen["grade_after"] not in (None, "")
    added = [f for f in dock.plots_layer.getFeatures() if f.id() < 0]
    assert len(added) == 1
    plot = added[0]
    assert (plot["class_before"], plot["class_after"], plot["grade_after"]) == ("0404", "0103", 6)
    assert plot.geometry().area() == pytest.approx(200.0 * 200.0, rel=0.02)
    after = dock.last_snapshot.project_credit
    assert after.plot_count == before.plot_count + 1
    new_credit = dict(dock.last_snapshot.plot_credits)[plot.id()]
    assert new_credit.plot_kind == "new_farmland"
    assert after.credit_area_mu == pytest.approx(before.credit_area_mu + m2_to_mu(new_credit.area_m2), rel=1e-9)
    assert_panel_matches_processing(dock, PROJECT)

    # undo takes the drawn plot away in one step, redo brings it back, and the panel follows
    dock.undo()
    idle(dock)
    assert dock.last_snapshot.project_credit.plot_count == before.plot_count
    assert dock.last_snapshot.project_credit.credit_area_mu == pytest.approx(before.credit_area_mu, rel=1e-12)
    dock.redo()
    idle(dock)
    assert dock.last_snapshot.project_credit.credit_area_mu == pytest.approx(after.credit_area_mu, rel=1e-12)
    assert_panel_matches_processing(dock, PROJECT)
