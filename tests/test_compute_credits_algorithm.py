# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:computecredits`` through processing.run on real layers."""
import pytest
from qgis.core import (QgsCoordinateTransform, QgsFeature, QgsField, QgsGeometry,
                       QgsProcessingException, QgsProject, QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant

from qgis import processing
from double_guarantee_plugin.core import project_db
from double_guarantee_plugin.core.area import EllipsoidalArea
from double_guarantee_plugin.core.units import m2_to_mu

X, Y = 39_500_000, 3_550_000


def memory_plots(crs="EPSG:4527", names=("project_code", "plot_code", "class_before", "class_after",
                                         "grade_system", "grade_before", "grade_after")):
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs}", "plots", "memory")
    kinds = {"grade_before": QVariant.Int, "grade_after": QVariant.Int}
    layer.dataProvider().addAttributes([QgsField(n, kinds.get(n, QVariant.String)) for n in names])
    layer.updateFields()
    return layer


def add(layer, wkt, *values):
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(wkt))
    feature.setAttributes(list(values))
    assert layer.dataProvider().addFeature(feature)


def rect(i, size=200):
    x = X + i * 1000
    return f"POLYGON(({x} {Y},{x + size} {Y},{x + size} {Y + size},{x} {Y + size},{x} {Y}))"


@pytest.fixture()
def plots():
    layer = memory_plots()
    add(layer, rect(0), "P1", "P1-1", "0201", "0101", "use_grade_15", None, 8)      # new paddy
    add(layer, rect(1), "P1", "P1-2", "0103", "0103", "use_grade_15", 11, 9)        # upgrading
    add(layer, rect(2), "P2", "P2-1", "0404", "0102", "quality_level_10", None, 4)  # no national table
    add(layer, rect(3), "P2", "P2-2", "XXXX", "0103", None, None, 8)                # unknown class
    add(layer, rect(4), "P2", "P2-3", "0201", "0103", None, None, 19)               # grade out of range
    x = X + 5000
    add(layer, f"POLYGON(({x} {Y},{x + 100} {Y + 100},{x + 100} {Y},{x} {Y + 100},{x} {Y}))",
        "P2", "P2-4", "0201", "0103", None, None, 8)                                   # bow tie
    return layer


def run(layer, **extra):
    return processing.run("doubleguarantee:computecredits",
                          {"INPUT": layer, "OUTPUT": "memory:", "PROJECT_OUTPUT": "memory:", **extra})


def test_plot_and_project_outputs(processing_ready, plots):
    result = run(plots)
    rows = {f["plot_code"]: f for f in result["OUTPUT"].getFeatures()}
    area_mu = m2_to_mu(EllipsoidalArea(plots.crs()).area_m2(QgsGeometry.fromWkt(rect(0))))
    assert area_mu == pytest.approx(60.0, rel=0.002)           # 40,000 m² planar ≈ 60 亩
    new = rows["P1-1"]
    assert new["plot_kind"] == "new_farmland"
    assert new["area_mu"] == pytest.approx(area_mu)
    assert new["credit_area_mu"] == pytest.approx(area_mu)
    assert new["credit_capacity_kg"] == pytest.approx(area_mu * 800)
    assert new["credit_paddy_mu"] == pytest.approx(area_mu)
    upgrade = rows["P1-2"]
    assert upgrade["plot_kind"] == "upgrading" and upgrade["credit_capacity_kg"] == pytest.approx(area_mu * 200, rel=1e-3)
    projects = {f["project_code"]: f for f in result["PROJECT_OUTPUT"].getFeatures()}
    assert projects["P1"]["credit_area_mu"] == pytest.approx(area_mu)
    assert projects["P1"]["grade_uplift"] == pytest.approx(2)
    assert projects["P2"]["credit_capacity_kg"] == 0 and projects["P2"]["refused_count"] == 4
    assert result["REFUSED_COUNT"] == 4


def test_every_bad_input_gets_a_reason_and_zero_credit(processing_ready, plots):
    rows = {f["plot_code"]: f for f in run(plots)["OUTPUT"].getFeatures()}
    expected = {"P2-1": "no yield table for grade system 'quality_level_10'",
                "P2-2": "unknown land class code 'XXXX'",
                "P2-3": "grade_after 19 is outside use_grade_15",
                "P2-4": "invalid geometry: "}
    for code, reason in expected.items():
        assert reason in rows[code]["reason"], rows[code]["reason"]
        assert rows[code]["plot_kind"] == "not_creditable"
        assert rows[code]["credit_area_mu"] == 0 and rows[code]["credit_capacity_kg"] == 0


def test_jiangsu_profile_has_the_quality_level_table(processing_ready, plots):
    rows = {f["plot_code"]: f for f in run(plots, RULE_PROFILE="jiangsu_2014")["OUTPUT"].getFeatures()}
    assert rows["P2-1"]["plot_kind"] == "new_farmland" and rows["P2-1"]["credit_capacity_kg"] > 0


def test_any_crs_gives_the_same_ellipsoidal_area(processing_ready, plots):
    geographic = memory_plots("EPSG:4490")
    transform = QgsCoordinateTransform(plots.crs(), geographic.crs(), QgsProject.instance())
    feature = next(plots.getFeatures())
    geometry = QgsGeometry(feature.geometry())
    geometry.transform(transform)
    add(geographic, geometry.asWkt(), *feature.attributes())
    a = next(run(plots)["OUTPUT"].getFeatures())["area_m2"]
    b = next(run(geographic)["OUTPUT"].getFeatures())["area_m2"]
    assert b == pytest.approx(a, rel=1e-6)


def test_renamed_fields_and_missing_fields(processing_ready):
    layer = memory_plots(names=("xmbh", "dkbh", "qdl", "hdl", "dbtx", "qdb", "hdb"))
    add(layer, rect(0), "P9", "P9-1", "0201", "0103", "", None, 10)
    result = run(layer, PROJECT_CODE_FIELD="xmbh", PLOT_CODE_FIELD="dkbh", CLASS_BEFORE_FIELD="qdl",
                 CLASS_AFTER_FIELD="hdl", GRADE_SYSTEM_FIELD="dbtx", GRADE_BEFORE_FIELD="qdb", GRADE_AFTER_FIELD="hdb")
    row = next(result["OUTPUT"].getFeatures())
    assert row["plot_kind"] == "new_farmland" and row["credit_capacity_kg"] > 0
    with pytest.raises(QgsProcessingException, match="lacks the fields project_code, class_before"):
        run(layer)


def test_unknown_profile_is_refused(processing_ready, plots):
    with pytest.raises(QgsProcessingException, match="Unknown rule profile 'hainan'"):
        run(plots, RULE_PROFILE="hainan")


def test_demo_database_every_project(processing_ready, demo_paths):
    uri = project_db.layer_uri(str(demo_paths["projects"]), "plots")
    result = run(QgsVectorLayer(uri, "plots", "ogr"))
    projects = {f["project_code"]: f for f in result["PROJECT_OUTPUT"].getFeatures()}
    assert len(projects) == 15
    assert projects["DG2025-11"]["refused_count"] == 1          # the bow-tie plot
    assert projects["DG2024-09"]["refused_count"] == 12         # quality levels need a provincial table
    assert projects["DG2023-02"]["grade_uplift"] > 0 and projects["DG2023-02"]["credit_area_mu"] == 0


def test_constraint_layers_exclude_basic_farmland_and_block_the_red_line(processing_ready, demo_paths):
    county = demo_paths["county"]
    uri = project_db.layer_uri(str(demo_paths["projects"]), "plots")
    plots = QgsVectorLayer(uri, "plots", "ogr")
    plain = {f["project_code"]: f for f in run(plots)["PROJECT_OUTPUT"].getFeatures()}
    checked = {f["project_code"]: f for f in run(
        plots, BASIC_FARMLAND=QgsVectorLayer(f"{county}|layername=basic_farmland", "bf", "ogr"),
        RED_LINE=QgsVectorLayer(f"{county}|layername=red_line", "rl", "ogr"))["PROJECT_OUTPUT"].getFeatures()}
    # DG2024-07 overlaps basic farmland: less new-farmland credit; DG2024-06 reaches into the red line
    assert checked["DG2024-07"]["credit_area_mu"] < plain["DG2024-07"]["credit_area_mu"] - 1
    assert checked["DG2024-06"]["credit_area_mu"] < plain["DG2024-06"]["credit_area_mu"] - 1
    # a clean project is untouched
    assert checked["DG2023-01"]["credit_area_mu"] == pytest.approx(plain["DG2023-01"]["credit_area_mu"])
