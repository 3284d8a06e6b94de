# SPDX-License-Identifier: GPL-2.0-or-later
"""The project dock on the real canvas: databases, projects, drawing, live credits, undo, repair, state."""
import pytest
from qgis.core import QgsGeometry, QgsProject, QgsRectangle

from double_guarantee_plugin.core import projects
from double_guarantee_plugin.core.project_db import plots_layer_name
from double_guarantee_plugin.core.live_credits import STATUS_NOT_CHECKED
from dg_testutil import assert_panel_matches_processing, processing_figures  # noqa: E402,F401

PROJECT = "DG2023-01"


def open_and_select(dock, path, idle, code=PROJECT):
    dock.open_database(str(path))
    idle(dock)
    assert dock.select_project(code)
    idle(dock)
    assert dock.last_snapshot is not None and dock.last_snapshot.project_code == code
    return dock.last_snapshot


def show_around(iface, extent, margin=600):
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(QgsProject.instance().mapLayersByName(plots_layer_name())[0].crs())
    canvas.setExtent(QgsRectangle(extent.xMinimum() - margin, extent.yMinimum() - margin,
                                  extent.xMaximum() + margin, extent.yMaximum() + margin))
    canvas.refresh()
    return canvas


def test_open_database_lists_projects(dock, project_db_path, idle):
    dock.open_database(str(project_db_path))
    idle(dock)
    codes = dock.project_codes()
    assert len(codes) == 15
    assert PROJECT in codes
    row = codes.index(PROJECT)
    # totals arrive from the background run over all projects
    assert dock.project_table.item(row, 4).text() != "…"
    assert float(dock.project_table.item(row, 5).text().replace(",", "")) > 0
    assert dock.project_table.item(row, 3).text() == "Not checked"


def test_selecting_project_zooms_and_matches_processing(dock, project_db_path, idle, iface, processing_ready):
    open_and_select(dock, project_db_path, idle)
    extent = projects.project_extent(dock.plots_layer, PROJECT)
    assert iface.mapCanvas().extent().contains(extent)
    expected = assert_panel_matches_processing(dock, PROJECT)
    assert expected["credit_area_mu"] > 0
    # with nothing excluded the capacity as drawn is the capacity credit
    assert dock.last_snapshot.capacity_kg == pytest.approx(expected["credit_capacity_kg"], rel=1e-9)


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
    # credited on its net area: the prefilled slope level and GDLX give it the county table's 田坎
    assert after.credit_area_mu == pytest.approx(before.credit_area_mu + new_credit.net_area_mu, rel=1e-9)
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


def project_area_m2(dock, code=PROJECT):
    return sum(credit.area_m2 for _fid, credit in dock.last_snapshot.plot_credits)


def test_split_and_merge_keep_the_total_area(dock, project_db_path, idle, iface, map_clicks, processing_ready):
    snapshot = open_and_select(dock, project_db_path, idle)
    total_before, count_before = project_area_m2(dock), snapshot.project_credit.plot_count
    target = projects.plot_features(dock.plots_layer, PROJECT)[0]
    box = target.geometry().boundingBox()
    canvas = show_around(iface, projects.project_extent(dock.plots_layer, PROJECT))
    dock.plots_layer.selectByIds([target.id()])
    dock.start_split()
    y = box.center().y() + 7.0
    map_clicks.draw(canvas, [(box.xMinimum() - 40.0, y), (box.xMaximum() + 40.0, y)])
    idle(dock)
    assert dock.last_snapshot.project_credit.plot_count == count_before + 1
    assert project_area_m2(dock) == pytest.approx(total_before, rel=1e-9)
    parts = [fid for fid, credit in dock.last_snapshot.plot_credits
             if fid == target.id() or fid < 0]
    assert len(parts) == 2
    assert_panel_matches_processing(dock, PROJECT)

    dock.plots_layer.selectByIds(parts)
    kept = dock.merge_selected()
    idle(dock)
    assert kept == target.id()
    assert dock.last_snapshot.project_credit.plot_count == count_before
    assert project_area_m2(dock) == pytest.approx(total_before, rel=1e-9)
    # the merge is one undo step: undo brings the two parts back
    dock.undo()
    idle(dock)
    assert dock.last_snapshot.project_credit.plot_count == count_before + 1


def test_invalid_drawn_ring_is_flagged_and_repaired(dock, project_db_path, idle, iface, map_clicks, form_filler):
    open_and_select(dock, project_db_path, idle)
    extent = projects.project_extent(dock.plots_layer, PROJECT)
    canvas = show_around(iface, extent)
    dock.start_draw()
    form_filler({"class_before": "0404", "class_after": "0103", "grade_after": 6})
    (x0, y0), (x1, _), (_, y1) = square_below(extent)[:3]
    map_clicks.draw(canvas, [(x0, y0), (x1, y1), (x1, y0), (x0, y1)])   # a bow tie: the ring crosses itself
    idle(dock)
    problems = dock.last_snapshot.geometry_problems
    assert len(problems) == 1
    fid, _code, problem = problems[0]
    assert "invalid geometry" in problem and " at (" in problem
    shown = dock.panel.problems_label.text()
    assert "invalid geometry" in shown and dock.panel.repair_button.isVisibleTo(dock.panel)
    assert "warning" == dock.last_message[1] and "Repair" in dock.last_message[0]

    # "Show" centres the map on the error and marks it
    dock.panel.show_problem_button.click()
    where = dock.last_snapshot.problem_points[fid]
    assert dock._problem_marker is not None and dock._problem_marker.isVisible()
    assert canvas.center().distance(where) < 1.0
    assert f"({where.x():.3f}, {where.y():.3f})" in problem
    assert list(dock.plots_layer.selectedFeatureIds()) == [fid]

    steps = dock.plots_layer.undoStack().index()
    dock.panel.repair_button.click()
    idle(dock)
    assert dock.plots_layer.undoStack().index() == steps + 1      # one undo step
    repaired = dock.plots_layer.getFeature(fid).geometry()
    assert repaired.isGeosValid() and repaired.area() > 0
    assert dock.last_snapshot.geometry_problems == []
    assert not dock.panel.repair_button.isVisibleTo(dock.panel)
    assert dock._problem_marker is None
    credit = dict(dock.last_snapshot.plot_credits)[fid]
    assert credit.plot_kind == "new_farmland" and credit.credit_area_mu > 0
    dock.plots_layer.undoStack().undo()
    idle(dock)
    assert len(dock.last_snapshot.geometry_problems) == 1


def test_delete_project_asks_nothing_lost_until_saved(dock, project_db_path, idle):
    open_and_select(dock, project_db_path, idle)
    plots_before = len(projects.plot_features(dock.plots_layer, PROJECT))
    assert dock.delete_project(confirm=False) == plots_before
    idle(dock)
    assert PROJECT not in dock.project_codes()
    assert projects.plot_features(dock.plots_layer, PROJECT) == []
    dock.undo()
    idle(dock)
    assert PROJECT in dock.project_codes()
    assert len(projects.plot_features(dock.plots_layer, PROJECT)) == plots_before
    # deleted again, then all unsaved edits discarded: the file never lost the project
    dock.select_project(PROJECT)
    dock.delete_project(confirm=False)
    assert dock.discard() is True
    idle(dock)
    assert PROJECT in dock.project_codes()
    assert len(projects.plot_features(dock.plots_layer, PROJECT)) == plots_before


def test_new_rename_and_status(dock, project_db_path, idle):
    dock.open_database(str(project_db_path))
    idle(dock)
    # implemented in 2024: the national_2017 flow, whose status is set directly (2025 projects take workflow steps)
    code = dock.new_project({"project_code": "XM-TEST", "project_name": "测试项目", "county_code": "320999",
                             "implemented_on": "2024-06-01"})
    assert code == "XM-TEST" and dock.selected_project() == "XM-TEST"
    dock.rename_project("新名称")
    assert projects.find_project(dock.projects_layer, "XM-TEST")["project_name"] == "新名称"
    with pytest.raises(projects.ProjectError):
        projects.add_project(dock.projects_layer, {"project_code": "XM-TEST"})
    dock.set_status("under_way")
    assert projects.find_project(dock.projects_layer, "XM-TEST")["status"] == "under_way"
    dock.undo()
    assert projects.find_project(dock.projects_layer, "XM-TEST")["status"] == "planned"
    dock.save()
    from double_guarantee_plugin.core.project_db import open_project_database
    _plots, stored = open_project_database(str(project_db_path))
    assert projects.find_project(stored, "XM-TEST")["project_name"] == "新名称"


def test_fill_from_land_survey_layer(dock, project_db_path, idle, demo_paths):
    from qgis.core import QgsVectorLayer
    open_and_select(dock, project_db_path, idle)
    survey_layer = QgsVectorLayer(f"{demo_paths['county']}|layername=land_survey", "land_survey", "ogr")
    QgsProject.instance().addMapLayer(survey_layer)
    fids = [f.id() for f in survey_layer.getFeatures() if f["DLBM"] in ("0404", "1104")][:3]
    codes = [survey_layer.getFeature(fid)["DLBM"] for fid in fids]
    count = dock.last_snapshot.project_credit.plot_count
    new_ids = dock.fill_from_layer(survey_layer, fids, "DLBM", "class_before")
    idle(dock)
    assert len(new_ids) == 3
    added = [dock.plots_layer.getFeature(fid) for fid in new_ids]
    assert sorted(f["class_before"] for f in added) == sorted(codes)
    assert all(f["project_code"] == PROJECT for f in added)
    assert dock.last_snapshot.project_credit.plot_count == count + 3
    dock.undo()   # one undo step for the whole fill
    idle(dock)
    assert dock.last_snapshot.project_credit.plot_count == count


def test_selection_sync_between_panel_and_map(dock, project_db_path, idle):
    open_and_select(dock, project_db_path, idle)
    fid = dock.last_snapshot.plot_credits[1][0]
    dock.panel.plot_table.selectRow(1)
    assert list(dock.plots_layer.selectedFeatureIds()) == [fid]
    other = dock.last_snapshot.plot_credits[2][0]
    dock.plots_layer.selectByIds([other])
    assert dock.panel.selected_fids() == [other]


def test_panel_refreshes_within_300_ms_after_an_edit(dock, project_db_path, idle):
    open_and_select(dock, project_db_path, idle)
    target = projects.plot_features(dock.plots_layer, PROJECT)[0]
    projects.ensure_editing(dock.plots_layer)
    timings = []
    for step in range(3):
        geometry = QgsGeometry(target.geometry())
        geometry.translate(0, 0)
        shrunk = geometry.buffer(-2.0 * (step + 1), 2)
        shrunk.convertToMultiType()
        area_before = dock.last_snapshot.project_credit.area_m2
        with projects.edit_command(dock.plots_layer, "shrink"):
            dock.plots_layer.changeGeometry(target.id(), shrunk)
        timings.append(idle(dock))
        assert dock.last_snapshot.project_credit.area_m2 < area_before
    assert min(timings) < 0.3, timings


def test_state_is_saved_in_the_project_and_restored(dock, project_db_path, idle, tmp_path):
    open_and_select(dock, project_db_path, idle, "DG2024-07")
    dock.profile_combo.setCurrentIndex(dock.profile_combo.findData("jiangsu_2014"))
    idle(dock)
    project_file = tmp_path / "county.qgz"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().clear()
    idle(dock)
    assert dock.plots_layer is None and dock.project_codes() == []
    assert QgsProject.instance().read(str(project_file))
    idle(dock)
    assert dock.database_path == str(project_db_path)
    assert dock.selected_project() == "DG2024-07"
    assert dock.profile.id == "jiangsu_2014"
    assert dock.last_snapshot.project_code == "DG2024-07" and dock.last_snapshot.profile_id == "jiangsu_2014"
    # the project file's own layers are reused, not loaded twice
    assert len(QgsProject.instance().mapLayersByName(plots_layer_name())) == 1


def test_reshape_adds_the_drawn_bulge_in_one_step(dock, project_db_path, idle, iface, map_clicks):
    open_and_select(dock, project_db_path, idle)
    target = projects.plot_features(dock.plots_layer, PROJECT)[0]
    box = target.geometry().boundingBox()
    area_before = target.geometry().area()
    canvas = show_around(iface, projects.project_extent(dock.plots_layer, PROJECT))
    dock.plots_layer.selectByIds([target.id()])
    dock.start_reshape()
    steps = dock.plots_layer.undoStack().index()
    x_mid, y_low = box.center().x(), box.yMinimum()
    map_clicks.draw(canvas, [(x_mid - 60, y_low + 60), (x_mid - 60, y_low - 100),
                             (x_mid + 60, y_low - 100), (x_mid + 60, y_low + 60)])
    idle(dock)
    assert dock.plots_layer.undoStack().index() == steps + 1
    area_after = dock.plots_layer.getFeature(target.id()).geometry().area()
    assert area_after - area_before == pytest.approx(120 * 100, rel=0.1)
    credit = dict(dock.last_snapshot.plot_credits)[target.id()]
    assert credit.area_m2 == pytest.approx(area_after, rel=0.01)   # ellipsoidal vs planar, same plot
    dock.undo()
    idle(dock)
    assert dock.plots_layer.getFeature(target.id()).geometry().area() == pytest.approx(area_before)


def test_attribute_edit_and_plot_delete_update_the_panel(dock, project_db_path, idle, processing_ready):
    before = open_and_select(dock, project_db_path, idle).project_credit
    first, second = [fid for fid, _credit in dock.last_snapshot.plot_credits[:2]]
    projects.ensure_editing(dock.plots_layer)
    index = dock.plots_layer.fields().indexOf("class_after")
    with projects.edit_command(dock.plots_layer, "class after to orchard"):
        dock.plots_layer.changeAttributeValue(first, index, "0201")   # not cultivated after: no credit
    waited = idle(dock)
    credit = dict(dock.last_snapshot.plot_credits)[first]
    assert credit.plot_kind == "not_creditable" and credit.credit_area_mu == 0
    assert dock.last_snapshot.project_credit.credit_area_mu < before.credit_area_mu
    assert waited < 1.0
    assert_panel_matches_processing(dock, PROJECT)

    dock.plots_layer.selectByIds([second])
    assert dock.delete_selected_plots() == 1
    idle(dock)
    assert dock.last_snapshot.project_credit.plot_count == before.plot_count - 1
    assert second not in dict(dock.last_snapshot.plot_credits)
    dock.undo()
    idle(dock)
    assert second in dict(dock.last_snapshot.plot_credits)


def test_other_projects_totals_follow_edits_lazily(dock, project_db_path, idle):
    from qgis.core import QgsApplication
    import time
    open_and_select(dock, project_db_path, idle)
    other = "DG2024-08"   # not accepted: an accepted project refuses edits (tests/gui/test_acceptance.py)
    row = dock.project_codes().index(other)
    area_before = float(dock.project_table.item(row, 4).text().replace(",", ""))
    victim = projects.plot_features(dock.plots_layer, other)[0]
    projects.delete_plots(dock.plots_layer, [victim.id()])   # e.g. with QGIS's own delete tool
    idle(dock)
    assert dock.all_debouncer.pending()          # the full run waits for the edits to settle
    deadline = time.perf_counter() + 10
    while (dock.all_debouncer.pending() or dock.busy()) and time.perf_counter() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    row = dock.project_codes().index(other)
    area_after = float(dock.project_table.item(row, 4).text().replace(",", ""))
    assert area_after < area_before
    # the selected project's row still shows its live figures
    row = dock.project_codes().index(PROJECT)
    assert dock.project_table.item(row, 4).text() == f"{dock.last_snapshot.project_credit.area_mu:,.2f}"
