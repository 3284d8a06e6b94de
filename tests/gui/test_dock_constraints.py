# SPDX-License-Identifier: GPL-2.0-or-later
"""The project dock with the constraint engine: verdicts, exclusions, and "not checked" said aloud."""
import pytest
from qgis.core import QgsProject, QgsVectorLayer

from double_guarantee_plugin.core import constraints, tables
from double_guarantee_plugin.core.layer_credits import compute_layer_credits
from double_guarantee_plugin.core.live_credits import project_request


@pytest.fixture()
def county_constraint_layers(demo_paths):
    county = demo_paths["county"]
    layers = {name: QgsVectorLayer(f"{county}|layername={name}", name, "ogr")
              for name in ("basic_farmland", "red_line", "slope")}
    assert all(layer.isValid() for layer in layers.values())
    QgsProject.instance().addMapLayers(list(layers.values()))
    return layers


def _algorithm_row(plots_layer, layers, code):
    from qgis import processing
    from qgis.core import QgsProcessing, QgsProcessingContext, QgsProcessingFeedback
    from double_guarantee_plugin.processing.algorithms.compute_credits import ComputeCreditsAlgorithm
    assert hasattr(ComputeCreditsAlgorithm, "BASIC_FARMLAND")
    context = QgsProcessingContext()
    result = processing.run("doubleguarantee:computecredits", {
        "INPUT": plots_layer, "RULE_PROFILE": "national_2017", "BASIC_FARMLAND": layers["basic_farmland"],
        "RED_LINE": layers["red_line"], "SLOPE": layers["slope"], "SLOPE_FIELD": "slope_deg",
        "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT, "PROJECT_OUTPUT": QgsProcessing.TEMPORARY_OUTPUT}, context=context,
        feedback=QgsProcessingFeedback())
    table = result["PROJECT_OUTPUT"]
    if isinstance(table, str):
        table = context.takeResultLayer(table)
    rows = [f for f in table.getFeatures() if f["project_code"] == code]
    assert len(rows) == 1
    return {name: rows[0][name] for name in rows[0].fields().names()}


def test_verdicts_and_exclusions_from_the_project_constraint_set(dock, project_db_path, idle,
                                                                  county_constraint_layers, processing_ready):
    layers = county_constraint_layers
    constraint_set = constraints.ConstraintSet.from_layers(
        basic_farmland=layers["basic_farmland"], red_line=layers["red_line"], slope=layers["slope"])
    constraint_set.write_to_project(QgsProject.instance())
    dock.open_database(str(project_db_path))   # reads the set saved in the QGIS project
    idle(dock)
    codes = dock.project_codes()
    verdicts = {code: dock.project_table.item(row, 3).text() for row, code in enumerate(codes)}
    assert verdicts["DG2024-06"] == "Not passed"     # new farmland inside the red line
    assert verdicts["DG2024-07"] == "Warning"       # new farmland on basic farmland
    assert verdicts["DG2023-01"] == "Passed"

    dock.select_project("DG2024-07")
    idle(dock)
    snapshot = dock.last_snapshot
    assert snapshot.check_status == "warning"
    credit = snapshot.project_credit
    assert 0 < credit.credit_area_mu < credit.area_mu - 100
    # grain capacity as drawn vs the capacity credit after the basic-farmland exclusion
    assert snapshot.capacity_kg > credit.credit_capacity_kg * 1.2
    assert f"{snapshot.capacity_kg:,.0f}" in dock.panel.values["capacity"].text()
    assert "after constraint exclusions" in dock.panel.figures_box.title()
    assert "basic_farmland" in dock.panel.messages_label.text()
    # the same figures as the core path the Processing algorithm uses, fed with the engine's plot checks
    engine = constraints.ConstraintEngine(constraint_set, tables.load_rule_profile())
    checks = engine.check_plots(dock.plots_layer, ["DG2024-07"])["DG2024-07"]
    _plots, (expected,) = compute_layer_credits(dock.plots_layer, tables.load_rule_profile(),
                                                request=project_request("DG2024-07"),
                                                plot_checks={p.plot_fid: p for p in checks.plots})
    assert credit.credit_area_mu == pytest.approx(expected.credit_area_mu, rel=1e-12)
    assert credit.credit_capacity_kg == pytest.approx(expected.credit_capacity_kg, rel=1e-12)
    # and doubleguarantee:computecredits given the same constraint layers agrees with the panel
    row = _algorithm_row(dock.plots_layer, layers, "DG2024-07")
    assert credit.credit_area_mu == pytest.approx(row["credit_area_mu"], rel=1e-9)
    assert credit.credit_capacity_kg == pytest.approx(row["credit_capacity_kg"], rel=1e-9)
    assert credit.credit_paddy_mu == pytest.approx(row["credit_paddy_mu"], rel=1e-9, abs=1e-9)

    dock.select_project("DG2024-06")
    idle(dock)
    assert dock.last_snapshot.check_status == "blocking"
    assert dock.last_snapshot.project_credit.credit_area_mu < dock.last_snapshot.project_credit.area_mu
    assert "red_line" in dock.panel.messages_label.text()
    assert "Not passed" in dock.panel.verdict_label.text()


def test_missing_constraint_layer_is_not_checked_and_says_so(dock, project_db_path, idle, tmp_path):
    missing = constraints.ConstraintSet.from_layers(red_line=str(tmp_path / "gone.gpkg|layername=red_line"))
    dock.open_database(str(project_db_path))
    dock.set_constraint_set(missing)
    assert dock.select_project("DG2023-01")
    idle(dock)
    snapshot = dock.last_snapshot
    assert snapshot.check_status == "not_checked"
    assert "NOT CHECKED" in dock.panel.figures_box.title()
    assert "not checked" in dock.panel.verdict_label.text().lower()
    assert dock.panel.values["credit_area"].text() != "—"


def test_dock_follows_a_constraint_set_saved_later(dock, project_db_path, idle, county_constraint_layers):
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project("DG2024-06")
    idle(dock)
    assert dock.last_snapshot.check_status == "not_checked"
    # another part of the plugin saves a constraint set in the QGIS project; the next refresh uses it
    layers = county_constraint_layers
    constraints.ConstraintSet.from_layers(basic_farmland=layers["basic_farmland"], red_line=layers["red_line"],
                                          slope=layers["slope"]).write_to_project(QgsProject.instance())
    dock.refresh_credits()
    idle(dock)
    assert dock.last_snapshot.check_status == "blocking"
    assert "NOT CHECKED" not in dock.panel.figures_box.title()
