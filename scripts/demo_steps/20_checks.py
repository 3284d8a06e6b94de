# SPDX-License-Identifier: GPL-2.0-or-later
"""Demo step 20: check every demo plot against basic farmland, the red line, slope and the land survey.

Runs ``doubleguarantee:checkconstraints`` into ``demo_output/constraint_checks.gpkg`` (layer
``plot_checks``), writes the project verdicts to ``demo_output/constraint_checks.csv`` and the
constraint set to ``demo_output/constraint_set.json`` (what a county shares), and leaves
``ctx.results["project_checks"]`` (project code → ProjectCheck, national profile) and
``ctx.results["project_checks_jiangsu"]`` (with the consolidation rules) for later steps.
"""
import csv
import time

from qgis.core import QgsVectorLayer

from qgis import processing
from double_guarantee_plugin.core import constraints, project_db, tables
from demo_county_layers import county_layers, standard_constraint_set
from double_guarantee_plugin.core.units import m2_to_mu

EXPECTED = {"DG2024-06": "red line", "DG2024-07": "basic farmland", "DG2024-08": "slope",
            "DG2025-11": "self-intersecting plot", "DG2025-14": "survey mismatch",
            "DG2021-04": "urban development boundary", "DG2025-12": "unstable farmland (河道耕地)"}


def run(ctx):
    database = ctx.data_dir / "demo_projects.gpkg"
    layers = county_layers(ctx.data_dir)
    plots_uri = project_db.layer_uri(str(database), project_db.PLOTS_LAYER)
    plots = QgsVectorLayer(plots_uri, "plots", "ogr")
    projects = QgsVectorLayer(project_db.layer_uri(str(database), project_db.PROJECTS_TABLE), "projects", "ogr")
    project_types = {feature["project_code"]: feature["project_type"] for feature in projects.getFeatures()}

    output = ctx.output_dir / "constraint_checks.gpkg"
    if output.exists():
        output.unlink()
    outcome = processing.run("doubleguarantee:checkconstraints", {
        "INPUT": plots_uri, "BASIC_FARMLAND": layers["basic_farmland"], "RED_LINE": layers["red_line"],
        "SLOPE": layers["slope"], "SLOPE_FIELD": "slope_deg", "LAND_SURVEY": layers["land_survey"],
        "SURVEY_CLASS_FIELD": "DLBM", "DEVELOPMENT_BOUNDARY": layers["development_boundary"],
        "RULE_PROFILE": "national_2017", "OUTPUT": f"ogr:dbname='{output}' table=\"plot_checks\" (geom)"})
    ctx.log(f"checkconstraints: {outcome['OK_COUNT']} ok, {outcome['WARNING_COUNT']} warning, "
            f"{outcome['BLOCKING_COUNT']} blocking, {outcome['NOT_CHECKED_COUNT']} not checked → {output.name}")

    # the set the check dock fills itself with: every layer recognised by its standard field codes
    constraint_set, found = standard_constraint_set(layers)
    ctx.log("recognised by their field codes: " + ", ".join(
        f"{recognition.layer_name} → {role}" for role, recognition in sorted(found.items())))
    constraint_set.save_file(ctx.output_dir / "constraint_set.json")
    checks = {}
    for profile_id in ("national_2017", "jiangsu_2014"):
        engine = constraints.ConstraintEngine(constraint_set, tables.load_rule_profile(profile_id))
        started = time.perf_counter()
        checks[profile_id] = engine.check_plots(plots, project_types=project_types)
        ctx.log(f"engine ({profile_id}): {plots.featureCount()} plots in {1000 * (time.perf_counter() - started):.0f} ms")
        engine.close()
    ctx.results["project_checks"] = checks["national_2017"]
    ctx.results["project_checks_jiangsu"] = checks["jiangsu_2014"]
    ctx.results["constraint_set"] = constraint_set
    ctx.results["checks_gpkg"] = output

    summary = ctx.output_dir / "constraint_checks.csv"
    with open(summary, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(["project_code", "status", "status_jiangsu_2014", "bf_overlap_mu", "rl_overlap_mu",
                         "slope_overlap_mu", "excluded_mu", "first_message", "jiangsu_rules"])
        for code in sorted(checks["national_2017"]):
            check = checks["national_2017"][code]
            jiangsu = checks["jiangsu_2014"][code]
            by_role = {layer.role: layer for layer in check.layers}
            writer.writerow([code, check.status, jiangsu.status] + [
                f"{(by_role[role].overlap_mu or 0.0):.2f}" if role in by_role else ""
                for role in ("basic_farmland", "red_line", "slope")] + [
                f"{m2_to_mu(sum(plot.excluded_m2 for plot in check.plots)):.2f}",
                check.messages[0] if check.messages else "",
                " | ".join(rule.message for rule in jiangsu.rules)])
    for code, what in EXPECTED.items():
        check = checks["national_2017"][code]
        ctx.log(f"  {code} ({what}): {check.status}: {check.messages[0] if check.messages else ''}")
    consolidation = checks["jiangsu_2014"]["DG2025-13"]
    ctx.log(f"  DG2025-13 (jiangsu_2014): {consolidation.status}: "
            + "; ".join(rule.message for rule in consolidation.rules))
    ctx.log(f"project verdicts → {summary.name}, constraint set → constraint_set.json")
