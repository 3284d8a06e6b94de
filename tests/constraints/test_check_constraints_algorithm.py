# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:checkconstraints`` run by id through Processing on the demo county and on hand-built layers."""
import pytest

from constraints_helpers import X0, Y0, dispose_layers, plot_row, rect_wkt


def run_check(parameters, feedback=None):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = feedback or QgsProcessingFeedback()
    return processing.run("doubleguarantee:checkconstraints", parameters, context=context, feedback=feedback)


def test_demo_county_output_fields_and_statuses(processing_ready, demo_county_layers, tmp_path):
    from qgis.core import QgsProcessingFeedback, QgsVectorLayer
    layers = demo_county_layers
    progress = []
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(progress.append)
    output = tmp_path / "checked.gpkg"
    result = run_check({"INPUT": layers["plots"], "BASIC_FARMLAND": layers["basic_farmland"],
                        "RED_LINE": layers["red_line"], "SLOPE": layers["slope"], "SLOPE_FIELD": "slope_deg",
                        "RULE_PROFILE": "national_2017", "OUTPUT": str(output)}, feedback)
    checked = QgsVectorLayer(result["OUTPUT"], "checked", "ogr")
    try:
        names = checked.fields().names()
        for name in ("bf_overlap_m2", "rl_overlap_m2", "slope_overlap_m2", "check_status", "check_message"):
            assert name in names
        rows = {feature["plot_code"]: feature for feature in checked.getFeatures()}
        assert len(rows) == layers["plots"].featureCount()
        red = [row for code, row in rows.items() if code.startswith("DG2024-06") and row["rl_overlap_m2"] > 0]
        assert red and all(row["check_status"] == "blocking" and "red line" in row["check_message"] for row in red)
        steep = [row for code, row in rows.items() if code.startswith("DG2024-08")]
        assert all(row["check_status"] == "blocking" and row["slope_overlap_m2"] > 0 for row in steep)
        farmland = [row for code, row in rows.items() if code.startswith("DG2024-07") and row["bf_overlap_m2"] > 1000]
        assert len(farmland) == 4 and all(row["excluded_m2"] == pytest.approx(row["bf_overlap_m2"]) for row in farmland)
        assert rows["DG2023-01-01"]["check_status"] == "ok"
        assert result["BLOCKING_COUNT"] == sum(1 for row in rows.values() if row["check_status"] == "blocking")
        assert result["NOT_CHECKED_COUNT"] == 0
        assert progress and max(progress) == pytest.approx(100.0)
    finally:
        dispose_layers([checked])


def test_empty_constraint_layer_gives_not_checked_rows(processing_ready, gpkg_layer_factory, plots_layer_factory):
    plots = plots_layer_factory([plot_row(rect_wkt(X0, Y0, X0 + 100, Y0 + 100))])
    empty = gpkg_layer_factory("bf_empty", [])
    red_line = gpkg_layer_factory("rl", [(rect_wkt(X0 + 50, Y0, X0 + 150, Y0 + 100), {})])
    river = gpkg_layer_factory("river", [(rect_wkt(X0, Y0, X0 + 20, Y0 + 100), {})])
    result = run_check({"INPUT": plots, "BASIC_FARMLAND": empty, "RED_LINE": red_line, "OTHER_LAYERS": [river],
                        "OTHER_SEVERITY": 2, "OUTPUT": "memory:"})
    row = next(result["OUTPUT"].getFeatures())
    assert row["check_status"] == "blocking"          # the red line; the empty layer does not hide it
    assert "bf_empty" in row["check_message"] and "is empty" in row["check_message"]
    assert "red line" in row["check_message"]
    assert "river" not in row["check_message"]          # severity info: reported as ok, not as a finding
    only_empty = run_check({"INPUT": plots, "BASIC_FARMLAND": empty, "RED_LINE": empty, "OUTPUT": "memory:"})
    row = next(only_empty["OUTPUT"].getFeatures())
    assert row["check_status"] == "not_checked"
    assert only_empty["NOT_CHECKED_COUNT"] == 1 and only_empty["OK_COUNT"] == 0


def test_canceled_run_writes_nothing(processing_ready, demo_county_layers):
    from qgis.core import QgsProcessingFeedback
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    layers = demo_county_layers
    result = run_check({"INPUT": layers["plots"], "BASIC_FARMLAND": layers["basic_farmland"],
                        "RED_LINE": layers["red_line"], "OUTPUT": "memory:"}, feedback)
    assert result["OUTPUT"].featureCount() == 0
