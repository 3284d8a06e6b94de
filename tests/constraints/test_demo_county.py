# SPDX-License-Identifier: GPL-2.0-or-later
"""The constraint engine on the demo county: the planted conflicts are found, and the basic-farmland
overlaps agree with QGIS's own ``native:calculatevectoroverlaps`` (both ellipsoidal on CGCS2000)."""
import pytest

from constraints_helpers import dispose_layers


@pytest.fixture(scope="module")
def demo_checks(demo_county_layers, demo_paths):
    from qgis.core import QgsVectorLayer
    from double_guarantee_plugin.core import constraints, project_db, tables
    projects = QgsVectorLayer(project_db.layer_uri(str(demo_paths["projects"]), project_db.PROJECTS_TABLE),
                              "projects", "ogr")
    project_types = {feature["project_code"]: feature["project_type"] for feature in projects.getFeatures()}
    dispose_layers([projects])
    layers = demo_county_layers
    constraint_set = constraints.ConstraintSet.from_layers(
        basic_farmland=layers["basic_farmland"], red_line=layers["red_line"], slope=layers["slope"],
        land_survey=layers["land_survey"])
    engine = constraints.ConstraintEngine(constraint_set, tables.load_rule_profile("jiangsu_2014"))
    return engine.check_plots(layers["plots"], project_types=project_types)


def layer_check(project_check, role):
    return next(check for check in project_check.layers if check.role == role)


def test_every_demo_project_is_checked(demo_checks, demo_county_layers):
    assert len(demo_checks) == 15
    assert sum(len(check.plots) for check in demo_checks.values()) == demo_county_layers["plots"].featureCount()
    assert all(check.status != "not_checked" for check in demo_checks.values())


def test_red_line_project_is_blocked(demo_checks):
    check = demo_checks["DG2024-06"]
    assert check.status == "blocking"
    assert layer_check(check, "red_line").status == "blocking"
    assert layer_check(check, "red_line").overlap_mu > 100
    blocked = [plot for plot in check.plots if plot.rl_overlap_m2 > 0]
    assert blocked and all("red line" in plot.blocking_reason for plot in blocked)
    assert "red line" in check.messages[0]


def test_basic_farmland_overlap_is_excluded(demo_checks):
    check = demo_checks["DG2024-07"]
    overlapping = [plot for plot in check.plots if plot.bf_overlap_m2 > 1000]
    assert len(overlapping) == 4                      # the four plots drawn over basic farmland
    assert all(plot.plot_kind == "new_farmland" and plot.excluded_m2 == pytest.approx(plot.bf_overlap_m2)
               for plot in overlapping)
    assert layer_check(check, "basic_farmland").status == "warning"
    # the duplicate parcels planted there overlap their originals: counted once, below the plot area
    assert all(plot.bf_overlap_m2 < plot.area_m2 for plot in overlapping)


def test_steep_project_is_blocked(demo_checks):
    check = demo_checks["DG2024-08"]
    assert check.status == "blocking"
    assert layer_check(check, "slope").status == "blocking"
    assert layer_check(check, "slope").share > 0.5


def test_self_intersecting_plot_is_blocking_and_named(demo_checks):
    check = demo_checks["DG2025-11"]
    bad = [plot for plot in check.plots if "invalid" in plot.message]
    assert len(bad) == 1 and bad[0].status == "blocking"
    assert "Self-intersection" in bad[0].blocking_reason


def test_survey_mismatch_is_reported(demo_checks):
    check = demo_checks["DG2025-14"]
    first = next(plot for plot in check.plots if plot.plot_code == "DG2025-14-01")
    survey = next(layer for layer in first.layers if layer.role == "land_survey")
    assert survey.status in ("warning", "blocking")
    assert "0404" in survey.message and survey.feature_ids


def test_two_piece_consolidation_project_meets_the_jiangsu_rules(demo_checks):
    check = demo_checks["DG2025-13"]
    rules = {rule.rule: rule for rule in check.rules}
    assert rules["consolidation_scale"].status == "ok" and rules["consolidation_scale"].value >= 3000
    assert rules["consolidation_pieces"].status == "ok" and rules["consolidation_pieces"].value == 2
    assert "reclamation_share" in rules
    small = demo_checks["DG2023-01"]        # a land-consolidation project of 1620 mu
    assert {rule.rule: rule.status for rule in small.rules}["consolidation_scale"] == "warning"
    assert small.status == "warning"
    # rules only apply to consolidation projects: a high-standard farmland project has none
    assert demo_checks["DG2023-02"].rules == []


def test_agrees_with_native_calculatevectoroverlaps(demo_checks, demo_county_layers, processing_ready):
    from qgis import processing
    from qgis.core import QgsFeatureRequest, QgsProcessingContext, QgsProcessingFeedback, QgsProject
    from double_guarantee_plugin.core.crs import CGCS2000_ELLIPSOID
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setEllipsoid(CGCS2000_ELLIPSOID)        # like with like: ellipsoidal areas on CGCS2000
    # the bow-tie plot is compared as GEOS sees it (the enum: QGIS 3.40 refuses a plain 0)
    context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    result = processing.run("native:calculatevectoroverlaps", {
        "INPUT": demo_county_layers["plots"], "LAYERS": [demo_county_layers["basic_farmland"]],
        "OUTPUT": "memory:"}, context=context, feedback=QgsProcessingFeedback())
    native = {feature.id(): feature["basic_farmland_area"] for feature in result["OUTPUT"].getFeatures()}
    ours = {plot.plot_fid: plot for check in demo_checks.values() for plot in check.plots}
    compared = 0
    for fid, plot in ours.items():
        if "invalid" in plot.message:
            continue                                # ours is measured on the repaired plot
        assert plot.bf_overlap_m2 == pytest.approx(native[fid], rel=1e-4, abs=0.01), plot.plot_code
        compared += 1
    assert compared >= 150
    # per project, too
    for code, check in demo_checks.items():
        if any("invalid" in plot.message for plot in check.plots):
            continue
        total = sum(native[plot.plot_fid] for plot in check.plots)
        assert layer_check(check, "basic_farmland").overlap_m2 == pytest.approx(total, rel=1e-4, abs=0.01), code


def test_checks_feed_the_credits_of_core_layer_credits(demo_checks, demo_county_layers):
    from double_guarantee_plugin.core import tables
    from double_guarantee_plugin.core.layer_credits import compute_layer_credits
    from double_guarantee_plugin.core.units import m2_to_mu
    profile = tables.load_rule_profile("jiangsu_2014")
    plot_checks = {plot.plot_fid: plot for check in demo_checks.values() for plot in check.plots}
    plain, _projects = compute_layer_credits(demo_county_layers["plots"], profile)
    checked, _projects = compute_layer_credits(demo_county_layers["plots"], profile, plot_checks=plot_checks)
    plain, checked = dict(plain), dict(checked)
    for plot in demo_checks["DG2024-07"].plots:
        if plot.excluded_m2 > 1000:
            assert checked[plot.plot_fid].credit_area_mu == pytest.approx(
                plain[plot.plot_fid].credit_area_mu - m2_to_mu(plot.excluded_m2))
    blocked = [plot for plot in demo_checks["DG2024-06"].plots if plot.blocking_reason]
    assert blocked
    for plot in blocked:
        assert plain[plot.plot_fid].credit_area_mu > 0
        assert checked[plot.plot_fid].credit_area_mu == checked[plot.plot_fid].credit_capacity_kg == 0
        assert "red line" in checked[plot.plot_fid].reason
