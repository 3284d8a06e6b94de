# SPDX-License-Identifier: GPL-2.0-or-later
"""Change-survey confirmation of a deposited national_2024 plot: 96 % and 94 % of the plot shown as 耕地
in a newer annual survey against the 95 % threshold of the profile (hand-worked; real QGIS layers,
ellipsoidal areas), and the result recorded in the project database."""
import sqlite3

import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsField, QgsGeometry,
                       QgsProject, QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant

from double_guarantee_plugin.core import project_db, tables
from double_guarantee_plugin.core.change_survey import (ChangeSurveyError, acceptance_year, confirm_plot,
                                                        confirm_plots, project_confirmed)
from double_guarantee_plugin.core.workflow import GeoPackageWorkflowStore, StepRequest, load_workflow

X, Y = 39_500_000, 3_550_000
RULE = tables.load_rule_profile("national_2024").reform.change_survey
CRS = QgsCoordinateReferenceSystem("EPSG:4527")


def box(x0, y0, x1, y1):
    return QgsGeometry.fromWkt(f"POLYGON(({X + x0} {Y + y0},{X + x1} {Y + y0},{X + x1} {Y + y1},"
                               f"{X + x0} {Y + y1},{X + x0} {Y + y0}))")


def survey(features, year_type=QVariant.Int):
    """A DLTB-like layer: (geometry, SJNF, DLBM) per feature."""
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4527", "DLTB 2026", "memory")
    layer.dataProvider().addAttributes([QgsField("SJNF", year_type), QgsField("DLBM", QVariant.String)])
    layer.updateFields()
    for geometry, year, code in features:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([year, code])
        layer.dataProvider().addFeature(feature)
    return layer


PLOT = box(0, 0, 100, 100)      # one hectare


@pytest.mark.parametrize("cultivated_m, confirmed", [(96, True), (94, False), (95, True)])
def test_share_of_the_plot_shown_as_cultivated_against_95_percent(cultivated_m, confirmed):
    layer = survey([(box(-50, -50, cultivated_m, 150), 2026, "0103"),      # 耕地 over the first part
                    (box(cultivated_m, -50, 150, 150), 2026, "0301")])     # forest over the rest
    result = confirm_plot(PLOT, CRS, layer, 2025, RULE, "XM2025", "XM2025-001")
    # both parts are rectangles of the same 100 m height side by side: the ellipsoidal share is the
    # width share to 10⁻⁶ (the scale factor varies by less than that across 100 m)
    assert result.share == pytest.approx(cultivated_m / 100, abs=1e-6)
    assert result.confirmed is confirmed and result.survey_year == 2026 and result.share_min == 0.95
    assert f"{cultivated_m:.1f}%" in result.message and "2026" in result.message


def test_only_a_survey_of_the_acceptance_year_or_later_counts():
    old = survey([(box(-50, -50, 150, 150), 2024, "0103")])
    result = confirm_plot(PLOT, CRS, old, 2025, RULE)
    assert not result.confirmed and result.survey_year is None
    assert "2024" in result.message and "2025" in result.message
    # a layer holding two years: the newest that counts is used (the 2026 survey shows forest)
    mixed = survey([(box(-50, -50, 150, 150), 2025, "0103"), (box(-50, -50, 150, 150), 2026, "0301")])
    result = confirm_plot(PLOT, CRS, mixed, 2025, RULE)
    assert (result.survey_year, result.share, result.confirmed) == (2026, 0.0, False)
    assert confirm_plot(PLOT, CRS, survey([]), 2025, RULE).message.startswith("no feature")


def test_overlapping_survey_features_count_once_and_any_crs_gives_the_same_share():
    layer = survey([(box(-50, -50, 96, 150), 2026, "0101"), (box(0, 0, 50, 100), 2026, "0102"),
                    (box(96, -50, 150, 150), 2026, "0404")])
    result = confirm_plot(PLOT, CRS, layer, 2025, RULE)
    assert result.share == pytest.approx(0.96, abs=1e-6)
    geographic = QgsCoordinateReferenceSystem("EPSG:4490")
    plot = QgsGeometry(PLOT)
    plot.transform(QgsCoordinateTransform(CRS, geographic, QgsProject.instance()))
    assert confirm_plot(plot, geographic, layer, 2025, RULE).share == pytest.approx(0.96, abs=1e-6)


def test_unusable_survey_layers_are_named():
    without_year = QgsVectorLayer("MultiPolygon?crs=EPSG:4527&field=DLBM:string", "DLTB", "memory")
    with pytest.raises(ChangeSurveyError, match="'DLTB' has no field 'SJNF'"):
        confirm_plot(PLOT, CRS, without_year, 2025, RULE)
    blank = survey([(box(-50, -50, 150, 150), None, "0103")])
    with pytest.raises(ChangeSurveyError, match="has no year in 'SJNF'"):
        confirm_plot(PLOT, CRS, blank, 2025, RULE)
    # a text year (as some county files store it) is read
    text_year = survey([(box(-50, -50, 150, 150), "2026", "0103")], year_type=QVariant.String)
    assert confirm_plot(PLOT, CRS, text_year, 2025, RULE).confirmed


def test_the_check_is_recorded_with_the_survey_year_and_share(tmp_path):
    path = str(tmp_path / "projects.gpkg")
    project_db.create_project_database(path, "EPSG:4527")
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO projects (project_code, implemented_on, status) VALUES "
                           "('XM2025', '2025-02-10', 'planned')")
    connection.close()
    store = GeoPackageWorkflowStore(path)
    for state, day in (("under_way", "2025-02-10"), ("self_accepted", "2025-10-01"), ("county_reviewed", "2025-11-05")):
        store.advance(StepRequest("XM2025", state, day, "张三", acceptors={"natural_resources": "自然资源局",
                                                                            "agriculture_rural": "农业农村局"}))
    year = acceptance_year(store.steps("XM2025"), load_workflow("reform_2024"))
    assert year == 2025
    layer = survey([(box(-50, -50, 96, 150), 2026, "0103"), (box(96, -50, 150, 150), 2026, "0301"),
                    (box(1000, -50, 1094, 150), 2026, "0103"), (box(1094, -50, 1200, 150), 2026, "0404")])
    results = confirm_plots([("XM2025", "XM2025-001", PLOT), ("XM2025", "XM2025-002", box(1000, 0, 1100, 100))],
                            CRS, layer, year, RULE)
    assert [r.confirmed for r in results] == [True, False] and not project_confirmed(results)
    assert store.record_checks(results, "赵核实") == 2
    rows = store.checks("XM2025")
    recorded = [(r["plot_code"], r["survey_year"], round(r["share"], 4), r["confirmed"], r["checked_by"]) for r in rows]
    assert recorded == [
        ("XM2025-001", 2026, 0.96, 1, "赵核实"), ("XM2025-002", 2026, 0.94, 0, "赵核实")]
    assert rows[0]["survey_layer"] == "DLTB 2026" and rows[0]["acceptance_year"] == 2025
