# SPDX-License-Identifier: GPL-2.0-or-later
"""Demo step 10: compute every demo project's credits with ``doubleguarantee:computecredits``.

Credits are computed after the constraint checks (basic farmland excluded from new-farmland
credit, plots in the red line or on steep slope zeroed), as a project would be filed. Writes
``demo_output/demo_results.gpkg`` (layers ``plot_credits`` and ``project_credits``) and
``demo_output/credits_summary.csv`` (national_2017 and jiangsu_2014, with the credits before the
exclusions beside them, gross/田坎/net areas), and leaves the figures in ``ctx.results`` for later steps.
The constraint set is the one the check dock builds from the county layers by role (land survey
included: its KCXS and GDDB give upgrading plots their 田坎 and defaulted grades before).
"""
import csv
import datetime

from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer

from qgis import processing
from double_guarantee_plugin.core import project_db, tables
from double_guarantee_plugin.core.constraints import ConstraintEngine
from demo_county_layers import county_layers, standard_constraint_set
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


def _save_table(layer, path, name):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    if error[0] != QgsVectorFileWriter.WriterError.NoError:
        raise RuntimeError(f"{path}: cannot write layer {name}: {error[1]}")


def run(ctx):
    database = ctx.data_dir / "demo_projects.gpkg"
    results_path = ctx.output_dir / "demo_results.gpkg"
    if results_path.exists():
        results_path.unlink()
    uri = project_db.layer_uri(str(database), project_db.PLOTS_LAYER)
    county = county_layers(ctx.data_dir)
    outcome = processing.run("doubleguarantee:computecredits", {
        "INPUT": uri, "RULE_PROFILE": "national_2017",
        "BASIC_FARMLAND": county["basic_farmland"], "RED_LINE": county["red_line"], "SLOPE": county["slope"],
        "LAND_SURVEY": county["land_survey"],
        "OUTPUT": f"ogr:dbname='{results_path}' table=\"plot_credits\" (geom)", "PROJECT_OUTPUT": "memory:"})
    _save_table(outcome["PROJECT_OUTPUT"], results_path, "project_credits")
    ctx.log(f"computecredits: {outcome['PLOT_COUNT']} plots, {outcome['REFUSED_COUNT']} refused "
            f"(national_2017; quality_level_10 plots need a provincial yield table)")

    projects = _projects(database)
    plots = QgsVectorLayer(uri, "plots", "ogr")
    results = {}
    for profile_id in ("national_2017", "jiangsu_2014"):
        profile = tables.load_rule_profile(profile_id)
        # the set the check dock fills itself with: the county layers recognised by their field codes
        constraint_set, _found = standard_constraint_set(county, profile)
        checks = ConstraintEngine(constraint_set, profile).check_plots(plots)
        plot_checks = {plot.plot_fid: plot for check in checks.values() for plot in check.plots}
        _plain, plain_projects = compute_layer_credits(plots, profile)
        _checked, checked_projects = compute_layer_credits(plots, profile, plot_checks=plot_checks)
        results[profile_id] = ({c.project_code: c for c in checked_projects},
                               {c.project_code: c for c in plain_projects})
    ctx.results["projects"] = projects
    ctx.results["project_credits"] = results["national_2017"][0]          # after constraint exclusions
    ctx.results["project_credits_jiangsu"] = results["jiangsu_2014"][0]
    ctx.results["results_gpkg"] = results_path

    summary = ctx.output_dir / "credits_summary.csv"
    with open(summary, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(["project_code", "project_name", "status", "rule_profile", "plots", "refused",
                         "area_mu", "area_ha", "tiankan_mu", "net_area_mu", "credit_area_mu", "credit_area_ha",
                         "credit_capacity_kg",
                         "credit_capacity_wan_kg", "credit_paddy_mu", "grade_before_mean",
                         "grade_after_mean", "grade_uplift", "credit_area_mu_before_exclusions",
                         "credit_capacity_kg_before_exclusions"])
        for profile_id, (credits, plain) in results.items():
            for code, credit in credits.items():
                info = projects.get(code, {})
                writer.writerow([code, info.get("project_name", ""), info.get("status", ""), profile_id,
                                 credit.plot_count, credit.refused_count, f"{credit.area_mu:.4f}",
                                 f"{mu_to_ha(credit.area_mu):.4f}", f"{credit.tiankan_mu:.4f}",
                                 f"{credit.net_area_mu:.4f}", f"{credit.credit_area_mu:.4f}",
                                 f"{mu_to_ha(credit.credit_area_mu):.4f}", f"{credit.credit_capacity_kg:.1f}",
                                 f"{kg_to_wan_kg(credit.credit_capacity_kg):.4f}", f"{credit.credit_paddy_mu:.4f}",
                                 _fmt(credit.grade_before_mean), _fmt(credit.grade_after_mean),
                                 _fmt(credit.grade_uplift), f"{plain[code].credit_area_mu:.4f}",
                                 f"{plain[code].credit_capacity_kg:.1f}"])
    for code in ("DG2024-06", "DG2024-07", "DG2024-08"):
        after, before = results["national_2017"][0][code], results["national_2017"][1][code]
        ctx.log(f"  {code}: area credit {before.credit_area_mu:.2f} → {after.credit_area_mu:.2f} 亩 "
                f"after constraint exclusions")
    national = results["national_2017"][0]
    total = sum(credit.area_mu for credit in national.values())
    tiankan = sum(credit.tiankan_mu for credit in national.values())
    ctx.log(f"  gross {total:.2f} 亩, 田坎 {tiankan:.2f} 亩, net {total - tiankan:.2f} 亩 (credits on the net area)")
    worsened = national["DG2025-12"]
    ctx.log(f"  DG2025-12 grade uplift {worsened.grade_uplift:.3f} (its worsened plot counted, domain.md §3)")
    ctx.log(f"wrote {results_path.name} and {summary.name}")


def _fmt(value):
    return "" if value is None else f"{value:.3f}"
