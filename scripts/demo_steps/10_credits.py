"""Demo step 10: compute every demo project's credits with ``doubleguarantee:computecredits``.

Writes ``demo_output/demo_results.gpkg`` (layers ``plot_credits`` and ``project_credits``) and
``demo_output/credits_summary.csv``, and leaves the figures in ``ctx.results`` for later steps.
"""
import csv
import datetime

from qgis.core import QgsVectorLayer

import processing
from double_guarantee_plugin.core import project_db, tables
from double_guarantee_plugin.core.layer_credits import compute_layer_credits
from double_guarantee_plugin.core.units import kg_to_wan_kg, mu_to_ha


def _projects(path):
    layer = QgsVectorLayer(project_db.layer_uri(str(path), project_db.PROJECTS_TABLE), "projects", "ogr")
    projects = {}
    for feature in layer.getFeatures():
        row = {name: feature[name] for name in feature.fields().names() if name != "fid"}
        value = row.get("implemented_on")
        if hasattr(value, "toPyDate"):
            row["implemented_on"] = value.toPyDate().isoformat()
        elif isinstance(value, datetime.date):
            row["implemented_on"] = value.isoformat()
        projects[row["project_code"]] = row
    return projects


def run(ctx):
    database = ctx.data_dir / "demo_projects.gpkg"
    results_path = ctx.output_dir / "demo_results.gpkg"
    if results_path.exists():
        results_path.unlink()
    uri = project_db.layer_uri(str(database), project_db.PLOTS_LAYER)
    outcome = processing.run("doubleguarantee:computecredits", {
        "INPUT": uri, "RULE_PROFILE": "national_2017",
        "OUTPUT": f"ogr:dbname='{results_path}' table=\"plot_credits\" (geom)",
        "PROJECT_OUTPUT": f"ogr:dbname='{results_path}' table=\"project_credits\""})
    ctx.log(f"computecredits: {outcome['PLOT_COUNT']} plots, {outcome['REFUSED_COUNT']} refused "
            f"(national_2017; quality_level_10 plots need a provincial yield table)")

    projects = _projects(database)
    plots = QgsVectorLayer(uri, "plots", "ogr")
    profile = tables.load_rule_profile("national_2017")
    jiangsu = tables.load_rule_profile("jiangsu_2014")
    _plot_credits, project_credits = compute_layer_credits(plots, profile)
    _plot_credits_js, project_credits_js = compute_layer_credits(plots, jiangsu)
    by_code = {credit.project_code: credit for credit in project_credits}
    by_code_js = {credit.project_code: credit for credit in project_credits_js}
    ctx.results["projects"] = projects
    ctx.results["project_credits"] = by_code
    ctx.results["project_credits_jiangsu"] = by_code_js
    ctx.results["results_gpkg"] = results_path

    summary = ctx.output_dir / "credits_summary.csv"
    with open(summary, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(["project_code", "project_name", "status", "rule_profile", "plots", "refused",
                         "area_mu", "area_ha", "credit_area_mu", "credit_area_ha", "credit_capacity_kg",
                         "credit_capacity_wan_kg", "credit_paddy_mu", "grade_before_mean",
                         "grade_after_mean", "grade_uplift"])
        for profile_id, credits in (("national_2017", by_code), ("jiangsu_2014", by_code_js)):
            for code, credit in credits.items():
                info = projects.get(code, {})
                writer.writerow([code, info.get("project_name", ""), info.get("status", ""), profile_id,
                                 credit.plot_count, credit.refused_count, f"{credit.area_mu:.4f}",
                                 f"{mu_to_ha(credit.area_mu):.4f}", f"{credit.credit_area_mu:.4f}",
                                 f"{mu_to_ha(credit.credit_area_mu):.4f}", f"{credit.credit_capacity_kg:.1f}",
                                 f"{kg_to_wan_kg(credit.credit_capacity_kg):.4f}", f"{credit.credit_paddy_mu:.4f}",
                                 _fmt(credit.grade_before_mean), _fmt(credit.grade_after_mean),
                                 _fmt(credit.grade_uplift)])
    ctx.log(f"wrote {results_path.name} and {summary.name}")


def _fmt(value):
    return "" if value is None else f"{value:.3f}"
