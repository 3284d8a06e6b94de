# SPDX-License-Identifier: GPL-2.0-or-later
"""Hand-built cases of the constraint engine: every status, overlaps counted once, CRS, invalid and missing layers, caching."""
import json

import pytest

from constraints_helpers import X0, Y0, plot_row, rect_wkt


@pytest.fixture()
def engine_module(qgis_app):
    from double_guarantee_plugin.core import constraints
    return constraints


def ellipsoidal(wkt, epsg=4527):
    from qgis.core import QgsGeometry
    from double_guarantee_plugin.core.area import EllipsoidalArea
    return EllipsoidalArea(f"EPSG:{epsg}").area_m2(QgsGeometry.fromWkt(wkt))


PLOT = rect_wkt(X0, Y0, X0 + 200, Y0 + 100)          # 2 ha, new farmland unless told otherwise


def check_one(engine_module, plots, constraint_set, profile_id="national_2017"):
    from double_guarantee_plugin.core import tables
    engine = engine_module.ConstraintEngine(constraint_set, tables.load_rule_profile(profile_id))
    results = engine.check_plots(plots)
    assert len(results) == 1
    project = next(iter(results.values()))
    return project, project.plots[0]


def test_ok_when_no_constraint_feature_touches_the_plot(engine_module, gpkg_layer_factory, plots_layer_factory):
    plots = plots_layer_factory([plot_row(PLOT)])
    farmland = gpkg_layer_factory("bf", [(rect_wkt(X0 + 500, Y0, X0 + 600, Y0 + 100), {})])
    red_line = gpkg_layer_factory("rl", [(rect_wkt(X0 + 200, Y0, X0 + 300, Y0 + 100), {})])  # touches only
    project, plot = check_one(engine_module, plots, engine_module.ConstraintSet.from_layers(farmland, red_line))
    assert plot.plot_kind == "new_farmland"
    assert plot.status == project.status == "ok"
    assert [check.status for check in plot.layers] == ["ok", "ok"]
    assert plot.bf_overlap_m2 == plot.rl_overlap_m2 == plot.excluded_m2 == 0.0
    assert plot.layers[1].feature_ids == []          # a shared edge is no overlap
    assert plot.blocking_reason == ""


def test_basic_farmland_overlap_is_a_warning_and_excluded_from_new_farmland(engine_module, gpkg_layer_factory,
                                                                           plots_layer_factory):
    from double_guarantee_plugin.core.credits import PlotInput, compute_plot_credit
    plots = plots_layer_factory([plot_row(PLOT)])
    inside = rect_wkt(X0 + 150, Y0 - 50, X0 + 250, Y0 + 50)        # a quarter of it inside the plot
    farmland = gpkg_layer_factory("bf", [(inside, {})])
    project, plot = check_one(engine_module, plots, engine_module.ConstraintSet.from_layers(basic_farmland=farmland))
    expected = ellipsoidal(rect_wkt(X0 + 150, Y0, X0 + 200, Y0 + 50))
    assert plot.status == project.status == "warning"
    assert plot.bf_overlap_m2 == pytest.approx(expected, rel=1e-9)
    assert plot.excluded_m2 == pytest.approx(expected, rel=1e-9)
    check = plot.layers[0]
    assert check.feature_ids == [1]
    assert check.overlap_mu == pytest.approx(expected * 3 / 2000)
    assert check.share == pytest.approx(expected / ellipsoidal(PLOT))
    assert "excluded" in check.message
    credit = compute_plot_credit(PlotInput("0404", "0103", None, 8, plot.area_m2, excluded_m2=plot.excluded_m2,
                                           blocking_reason=plot.blocking_reason))
    assert credit.credit_area_mu == pytest.approx((ellipsoidal(PLOT) - expected) * 3 / 2000)


def test_upgrading_plot_inside_basic_farmland_is_allowed(engine_module, gpkg_layer_factory, plots_layer_factory):
    plots = plots_layer_factory([plot_row(PLOT, before="0103", after="0101", grade_before=9, grade_after=7)])
    farmland = gpkg_layer_factory("bf", [(rect_wkt(X0 - 10, Y0 - 10, X0 + 300, Y0 + 300), {})])
    project, plot = check_one(engine_module, plots, engine_module.ConstraintSet.from_layers(basic_farmland=farmland))
    assert plot.plot_kind == "upgrading"
    assert plot.status == "ok"
    assert plot.bf_overlap_m2 == pytest.approx(ellipsoidal(PLOT), rel=1e-9)
    assert plot.excluded_m2 == 0.0
    assert "allowed" in plot.layers[0].message


def test_red_line_blocks_new_farmland_and_zeroes_credits(engine_module, gpkg_layer_factory, plots_layer_factory):
    from double_guarantee_plugin.core.credits import PlotInput, compute_plot_credit
    plots = plots_layer_factory([plot_row(PLOT)])
    red_line = gpkg_layer_factory("rl", [(rect_wkt(X0 + 100, Y0, X0 + 400, Y0 + 400), {})])
    project, plot = check_one(engine_module, plots, engine_module.ConstraintSet.from_layers(red_line=red_line))
    assert plot.status == project.status == "blocking"
    assert plot.rl_overlap_m2 == pytest.approx(ellipsoidal(rect_wkt(X0 + 100, Y0, X0 + 200, Y0 + 100)), rel=1e-9)
    assert "red line" in plot.blocking_reason
    credit = compute_plot_credit(PlotInput("0404", "0103", None, 8, plot.area_m2, excluded_m2=plot.excluded_m2,
                                           blocking_reason=plot.blocking_reason))
    assert credit.credit_area_mu == credit.credit_capacity_kg == credit.credit_paddy_mu == 0.0
    assert project.messages[0].startswith("P1-01: ")


def test_slope_above_the_threshold_blocks_and_below_is_ok(engine_module, gpkg_layer_factory, plots_layer_factory):
    plots = plots_layer_factory([plot_row(PLOT), plot_row(rect_wkt(X0, Y0 + 500, X0 + 200, Y0 + 600), code="P1-02")])
    slope = gpkg_layer_factory("slope", [
        (rect_wkt(X0 - 50, Y0 - 50, X0 + 100, Y0 + 150), {"slope_deg": 31.5}),
        (rect_wkt(X0 + 100, Y0 - 50, X0 + 300, Y0 + 150), {"slope_deg": 24.9}),
        (rect_wkt(X0 - 50, Y0 + 450, X0 + 300, Y0 + 650), {"slope_deg": 12.0}),
    ], fields=(("slope_deg", float),))
    from double_guarantee_plugin.core import tables
    engine = engine_module.ConstraintEngine(engine_module.ConstraintSet.from_layers(slope=slope),
                                            tables.load_rule_profile())
    project = engine.check_plots(plots)["P1"]
    steep, flat = project.plots
    assert steep.status == "blocking" and flat.status == "ok"
    assert steep.slope_overlap_m2 == pytest.approx(ellipsoidal(rect_wkt(X0, Y0, X0 + 100, Y0 + 100)), rel=1e-9)
    assert steep.layers[0].feature_ids == [1]
    assert "25" in steep.blocking_reason
    assert project.status == "blocking"


def test_overlapping_constraint_features_count_once(engine_module, gpkg_layer_factory, plots_layer_factory):
    plots = plots_layer_factory([plot_row(PLOT)])
    farmland = gpkg_layer_factory("bf", [
        (rect_wkt(X0 + 20, Y0 + 20, X0 + 80, Y0 + 80), {}),
        (rect_wkt(X0 + 20, Y0 + 20, X0 + 80, Y0 + 80), {}),    # the same parcel drawn twice
        (rect_wkt(X0 + 50, Y0 + 50, X0 + 120, Y0 + 90), {}),   # overlapping the first two
    ])
    _project, plot = check_one(engine_module, plots, engine_module.ConstraintSet.from_layers(basic_farmland=farmland))
    corners = [(20, 20), (80, 20), (80, 50), (120, 50), (120, 90), (50, 90), (50, 80), (20, 80), (20, 20)]
    union = "POLYGON((" + ",".join(f"{X0 + x} {Y0 + y}" for x, y in corners) + "))"   # 3600 + 2800 - 900 m²
    assert plot.bf_overlap_m2 == pytest.approx(ellipsoidal(union), rel=1e-9)
    assert plot.bf_overlap_m2 < ellipsoidal(union) * 1.5       # not the sum of the three
    assert plot.layers[0].feature_ids == [1, 2, 3]


def test_constraint_layer_in_epsg_4326_is_transformed(engine_module, gpkg_layer_factory, plots_layer_factory):
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProject)
    plots = plots_layer_factory([plot_row(PLOT)])
    inside = QgsGeometry.fromWkt(rect_wkt(X0 + 50, Y0 + 10, X0 + 150, Y0 + 90))
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4527"),
                                       QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    geographic = QgsGeometry(inside)
    geographic.transform(transform)
    farmland = gpkg_layer_factory("bf4326", [(geographic.asWkt(12), {})], epsg=4326)
    assert farmland.crs().authid() == "EPSG:4326"
    _project, plot = check_one(engine_module, plots, engine_module.ConstraintSet.from_layers(basic_farmland=farmland))
    assert plot.bf_overlap_m2 == pytest.approx(ellipsoidal(inside.asWkt()), rel=1e-6)
    assert plot.layers[0].status == "warning"


def test_invalid_constraint_geometry_is_repaired_and_reported(engine_module, gpkg_layer_factory, plots_layer_factory):
    plots = plots_layer_factory([plot_row(PLOT)])
    bow_tie = f"POLYGON(({X0 + 20} {Y0 + 20},{X0 + 80} {Y0 + 80},{X0 + 80} {Y0 + 20},{X0 + 20} {Y0 + 80},{X0 + 20} {Y0 + 20}))"
    red_line = gpkg_layer_factory("rl", [(bow_tie, {})])
    project, plot = check_one(engine_module, plots, engine_module.ConstraintSet.from_layers(red_line=red_line))
    # makeValid splits the bow tie into its two triangles: 2 × (60 × 30 / 2) m² before the ellipsoid
    two_triangles = (f"MULTIPOLYGON((({X0 + 20} {Y0 + 20},{X0 + 50} {Y0 + 50},{X0 + 20} {Y0 + 80},{X0 + 20} {Y0 + 20})),"
                     f"(({X0 + 80} {Y0 + 20},{X0 + 80} {Y0 + 80},{X0 + 50} {Y0 + 50},{X0 + 80} {Y0 + 20})))")
    assert plot.rl_overlap_m2 == pytest.approx(ellipsoidal(two_triangles), rel=1e-6)
    assert plot.status == "blocking"
    assert "repaired" in plot.layers[0].message and "fid 1" in plot.layers[0].message


def test_missing_empty_and_crs_less_layers_are_not_checked(engine_module, gpkg_layer_factory, plots_layer_factory,
                                                          tmp_path):
    from qgis.core import QgsVectorLayer
    plots = plots_layer_factory([plot_row(PLOT)])
    empty = gpkg_layer_factory("bf_empty", [])
    no_crs = gpkg_layer_factory("rl_nocrs", [(rect_wkt(X0, Y0, X0 + 50, Y0 + 50), {})], epsg=None)
    missing = QgsVectorLayer(f"{tmp_path / 'nowhere.gpkg'}|layername=slope", "slope", "ogr")
    constraint_set = engine_module.ConstraintSet.from_layers(basic_farmland=empty, red_line=no_crs, slope=missing)
    project, plot = check_one(engine_module, plots, constraint_set)
    statuses = {check.role: (check.status, check.message) for check in plot.layers}
    assert statuses["basic_farmland"][0] == "not_checked" and "empty" in statuses["basic_farmland"][1]
    assert statuses["red_line"][0] == "not_checked" and "coordinate reference system" in statuses["red_line"][1]
    assert statuses["slope"][0] == "not_checked" and "cannot be read" in statuses["slope"][1]
    assert plot.status == project.status == "not_checked"
    assert all(check.status == "not_checked" for check in project.layers)
    assert plot.bf_overlap_m2 == 0.0 and plot.blocking_reason == ""


def test_not_checked_layer_does_not_hide_a_blocking_one(engine_module, gpkg_layer_factory, plots_layer_factory):
    plots = plots_layer_factory([plot_row(PLOT)])
    red_line = gpkg_layer_factory("rl", [(rect_wkt(X0, Y0, X0 + 50, Y0 + 50), {})])
    constraint_set = engine_module.ConstraintSet.from_layers(basic_farmland="/nonexistent/file.gpkg|layername=bf",
                                                             red_line=red_line)
    _project, plot = check_one(engine_module, plots, constraint_set)
    assert plot.status == "blocking"
    assert plot.layers[0].status == "not_checked"


def test_no_constraint_layer_at_all_is_not_checked(engine_module, plots_layer_factory):
    plots = plots_layer_factory([plot_row(PLOT)])
    project, plot = check_one(engine_module, plots, engine_module.ConstraintSet())
    assert plot.status == project.status == "not_checked"


def test_plot_below_minimum_mapping_area_warns(engine_module, gpkg_layer_factory, plots_layer_factory):
    plots = plots_layer_factory([plot_row(rect_wkt(X0, Y0, X0 + 15, Y0 + 15))])      # 225 m² < 400 m²
    farmland = gpkg_layer_factory("bf", [(rect_wkt(X0 + 500, Y0, X0 + 600, Y0 + 100), {})])
    _project, plot = check_one(engine_module, plots, engine_module.ConstraintSet.from_layers(farmland))
    assert plot.status == "warning"
    assert "minimum mapping area" in plot.message


def test_extra_layer_severity_and_plot_kinds(engine_module, gpkg_layer_factory, plots_layer_factory):
    plots = plots_layer_factory([plot_row(PLOT), plot_row(rect_wkt(X0, Y0 + 300, X0 + 100, Y0 + 400), code="P1-02",
                                                          before="0103", after="0101", grade_before=9, grade_after=6)])
    river = gpkg_layer_factory("river_zone", [(rect_wkt(X0 - 10, Y0 - 10, X0 + 300, Y0 + 500), {})])
    constraint_set = engine_module.ConstraintSet.from_layers(extra=[(river, "blocking", ("upgrading",))])
    from double_guarantee_plugin.core import tables
    project = engine_module.ConstraintEngine(constraint_set, tables.load_rule_profile()).check_plots(plots)["P1"]
    new_plot, upgrading_plot = project.plots
    assert new_plot.status == "ok" and upgrading_plot.status == "blocking"
    assert project.layers[0].overlap_m2 == pytest.approx(new_plot.layers[0].overlap_m2 + upgrading_plot.layers[0].overlap_m2)


def test_land_survey_cultivated_under_a_new_plot_is_an_error(engine_module, gpkg_layer_factory, plots_layer_factory):
    plots = plots_layer_factory([plot_row(PLOT, before="0404"),
                                 plot_row(rect_wkt(X0, Y0 + 300, X0 + 200, Y0 + 400), code="P1-02", before="0404")])
    survey = gpkg_layer_factory("land_survey", [
        (rect_wkt(X0 - 100, Y0 - 100, X0 + 100, Y0 + 200), {"dlbm": "0103"}),
        (rect_wkt(X0 + 100, Y0 - 100, X0 + 400, Y0 + 200), {"dlbm": "0404"}),
        (rect_wkt(X0 - 100, Y0 + 200, X0 + 400, Y0 + 500), {"dlbm": "0404"}),
    ], fields=(("dlbm", str),))
    constraint_set = engine_module.ConstraintSet.from_layers(land_survey=survey)
    from double_guarantee_plugin.core import tables
    project = engine_module.ConstraintEngine(constraint_set, tables.load_rule_profile()).check_plots(plots)["P1"]
    claimed_new, agrees = project.plots
    assert claimed_new.status == "blocking"
    assert "0103" in claimed_new.blocking_reason
    assert claimed_new.layers[0].overlap_m2 == pytest.approx(ellipsoidal(rect_wkt(X0, Y0, X0 + 100, Y0 + 100)), rel=1e-9)
    assert agrees.status == "ok"


def test_live_check_of_one_geometry_and_cache_reuse(engine_module, gpkg_layer_factory):
    from qgis.core import QgsGeometry
    from double_guarantee_plugin.core.constraints.registry import REGISTRY
    farmland = gpkg_layer_factory("bf", [(rect_wkt(X0, Y0, X0 + 100, Y0 + 100), {})])
    engine = engine_module.ConstraintEngine(engine_module.ConstraintSet.from_layers(basic_farmland=farmland))
    first = engine.check_geometry(QgsGeometry.fromWkt(PLOT), "EPSG:4527", "new_farmland")
    builds = REGISTRY.builds
    for _ in range(3):
        again = engine.check_geometry(QgsGeometry.fromWkt(PLOT), "EPSG:4527", "new_farmland")
    assert REGISTRY.builds == builds                         # the warm index was reused
    assert again.bf_overlap_m2 == first.bf_overlap_m2 == pytest.approx(ellipsoidal(rect_wkt(X0, Y0, X0 + 100, Y0 + 100)))


def test_cache_is_invalidated_by_edits_commits_and_removal(engine_module, gpkg_layer_factory):
    from qgis.core import QgsGeometry, QgsProject
    from double_guarantee_plugin.core.constraints.registry import REGISTRY
    farmland = gpkg_layer_factory("bf", [(rect_wkt(X0, Y0, X0 + 100, Y0 + 100), {})])
    QgsProject.instance().addMapLayer(farmland)
    engine = engine_module.ConstraintEngine(engine_module.ConstraintSet.from_layers(basic_farmland=farmland))
    plot = QgsGeometry.fromWkt(PLOT)
    before = engine.check_geometry(plot, "EPSG:4527", "new_farmland").bf_overlap_m2
    assert REGISTRY.cached(farmland.id())

    # an uncommitted edit in the edit buffer is seen at once: the cached index takes it in place (its
    # stale entry is dropped, the edited geometry laid over it) instead of being rebuilt
    builds = REGISTRY.builds
    assert farmland.startEditing()
    farmland.changeGeometry(1, QgsGeometry.fromWkt(rect_wkt(X0, Y0, X0 + 50, Y0 + 100)))
    edited = engine.check_geometry(plot, "EPSG:4527", "new_farmland").bf_overlap_m2
    assert edited == pytest.approx(before / 2, rel=1e-6)
    # a feature added in the buffer, one deleted, the deletion undone
    from qgis.core import QgsFeature
    feature = QgsFeature(farmland.fields())
    feature.setGeometry(QgsGeometry.fromWkt(rect_wkt(X0 + 150, Y0, X0 + 200, Y0 + 100)))
    farmland.addFeature(feature)
    added = engine.check_geometry(plot, "EPSG:4527", "new_farmland")
    assert added.bf_overlap_m2 == pytest.approx(before, rel=1e-6) and len(added.layers[0].feature_ids) == 2
    farmland.deleteFeature(1)
    assert engine.check_geometry(plot, "EPSG:4527", "new_farmland").bf_overlap_m2 == pytest.approx(before / 2,
                                                                                                   rel=1e-6)
    farmland.undoStack().undo()
    assert engine.check_geometry(plot, "EPSG:4527", "new_farmland").bf_overlap_m2 == pytest.approx(before, rel=1e-6)
    assert REGISTRY.builds == builds and REGISTRY.cached(farmland.id())
    # committed: the index is dropped and rebuilt from the file
    assert farmland.commitChanges()
    assert not REGISTRY.cached(farmland.id())
    committed = engine.check_geometry(plot, "EPSG:4527", "new_farmland")
    assert committed.bf_overlap_m2 == pytest.approx(before, rel=1e-6)
    assert len(committed.layers[0].feature_ids) == 2

    # removal from the project drops the index
    layer_id = farmland.id()
    assert REGISTRY.cached(layer_id)
    QgsProject.instance().removeMapLayer(layer_id)
    assert not REGISTRY.cached(layer_id)


def test_constraint_set_round_trips_through_json_file_and_project(engine_module, gpkg_layer_factory, tmp_path):
    from qgis.core import QgsProject
    farmland = gpkg_layer_factory("bf", [(rect_wkt(X0, Y0, X0 + 100, Y0 + 100), {})])
    constraint_set = engine_module.ConstraintSet.from_layers(
        basic_farmland=farmland, slope="/data/county.gpkg|layername=slope", slope_field="pd",
        extra=[("/data/county.gpkg|layername=river", "info", ("new_farmland", "upgrading"))])
    path = tmp_path / "set.json"
    constraint_set.save_file(path)
    again = engine_module.ConstraintSet.load_file(path)
    assert again.to_dict() == constraint_set.to_dict()
    assert [entry.role for entry in again.layers] == ["basic_farmland", "slope", "extra"]
    assert again.layers[1].slope_field == "pd" and again.layers[2].severity == "info"

    project = QgsProject.instance()
    constraint_set.write_to_project(project)
    restored = engine_module.ConstraintSet.from_project(project)
    assert restored.to_json() == constraint_set.to_json()
    assert engine_module.load_constraint_set(project).to_dict() == constraint_set.to_dict()
    engine_module.clear_project_constraint_set(project)
    assert engine_module.ConstraintSet.from_project(project) is None


def test_bad_constraint_set_files_name_the_problem(engine_module, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": "constraint_set/1",\n "layers": [,]}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken.json: line 2"):
        engine_module.ConstraintSet.load_file(broken)
    wrong_role = tmp_path / "role.json"
    wrong_role.write_text(json.dumps({"schema": "constraint_set/1", "layers": [
        {"role": "lake", "source": "x.gpkg"}]}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"layers\[0\]: role 'lake'"):
        engine_module.ConstraintSet.load_file(wrong_role)
    no_source = tmp_path / "nosource.json"
    no_source.write_text(json.dumps({"schema": "constraint_set/1", "layers": [{"role": "red_line"}]}), encoding="utf-8")
    with pytest.raises(ValueError, match="neither 'source' nor 'layer_id'"):
        engine_module.ConstraintSet.load_file(no_source)


def test_dem_raster_gives_the_steep_areas(engine_module, plots_layer_factory, tmp_path):
    import numpy
    from osgeo import gdal, osr
    path = tmp_path / "dem.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 60, 40, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((X0, 10.0, 0, Y0 + 400, 0, -10.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    dataset.SetProjection(srs.ExportToWkt())
    heights = numpy.zeros((40, 60))
    for col in range(60):   # flat in the west 300 m, a 1:1 ramp (45°) in the east
        heights[:, col] = 0.0 if col < 30 else (col - 30) * 10.0
    dataset.GetRasterBand(1).WriteArray(heights)
    dataset = None
    plots = plots_layer_factory([plot_row(rect_wkt(X0 + 20, Y0 + 100, X0 + 220, Y0 + 300), code="flat"),
                                 plot_row(rect_wkt(X0 + 400, Y0 + 100, X0 + 550, Y0 + 300), code="steep")])
    from double_guarantee_plugin.core import tables
    engine = engine_module.ConstraintEngine(engine_module.ConstraintSet.from_layers(slope=str(path)),
                                            tables.load_rule_profile())
    project = engine.check_plots(plots)["P1"]
    flat, steep = project.plots
    assert flat.status == "ok", flat.message
    assert steep.status == "blocking"
    assert steep.slope_overlap_m2 == pytest.approx(steep.area_m2, rel=1e-6)


def test_an_index_built_across_an_edit_is_used_once_and_not_kept(engine_module, gpkg_layer_factory):
    """An edit (or a commit, a reload) arriving while a worker builds the index: that index may already
    miss it, so it serves the build's caller and the next check builds afresh."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeedback, QgsProject
    from double_guarantee_plugin.core.constraints.registry import REGISTRY
    farmland = gpkg_layer_factory("bf", [(rect_wkt(X0, Y0, X0 + 100, Y0 + 100), {})])
    QgsProject.instance().addMapLayer(farmland)

    class EditDuringBuild(QgsFeedback):
        calls = 0

        def isCanceled(self):  # noqa: N802 - QGIS's name; the GeoPackage reader asks between batches
            EditDuringBuild.calls += 1
            if EditDuringBuild.calls == 1:
                REGISTRY.invalidate(farmland.id())
            return False

    crs = QgsCoordinateReferenceSystem("EPSG:4527")
    index = REGISTRY.get(farmland, farmland, crs, feedback=EditDuringBuild())
    assert EditDuringBuild.calls >= 1 and len(index.candidates(farmland.extent())) == 1
    assert not REGISTRY.cached(farmland.id())
    assert REGISTRY.get(farmland, farmland, crs) is not index and REGISTRY.cached(farmland.id())
    QgsProject.instance().removeMapLayer(farmland.id())
