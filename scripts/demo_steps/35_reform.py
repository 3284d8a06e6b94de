# SPDX-License-Identifier: GPL-2.0-or-later
"""Demo step 35: the 2024 reform end to end — a 2025 project through the whole national_2024 workflow to
入库, its deposit (one plot credited to 进出平衡 instead), the 2026 change survey that confirms it, the
county's 进出平衡 of 2025, a construction write-off calculated from its footprint over the land survey,
and the province-year view (以补定占).

Works on a copy of the demo project database, ``demo_output/reform_projects.gpkg`` (step 50 reports from
it), and continues step 30's ledger ``demo_output/demo_projects_ledger.gpkg`` (a new one without it).
The change survey of 2026 is made here from the project's plots (``change_survey_2026.gpkg``), one plot
97 % 耕地; the construction footprint (``construction_footprint.gpkg``) covers a 可调整 orchard parcel
(0201K) and a dry-land parcel of the demo land survey.
"""
import datetime
import shutil
from pathlib import Path

from qgis.core import (QgsFeature, QgsFeatureRequest, QgsField, QgsGeometry, QgsVectorFileWriter, QgsVectorLayer,
                       QgsCoordinateTransformContext)
from qgis.PyQt.QtCore import QVariant

from qgis import processing
from double_guarantee_plugin.core import project_db, tables
from double_guarantee_plugin.core.change_survey import acceptance_year, confirm_deposit_from_checks, confirm_plots
from double_guarantee_plugin.core.layer_credits import compute_layer_credits
from double_guarantee_plugin.core.ledger import Amounts, deposit_from_project, open_ledger
from double_guarantee_plugin.core.plot_accounts import deposit_with_accounts, plot_accounts
from double_guarantee_plugin.core.province_year import from_ledger
from double_guarantee_plugin.core.workflow import GeoPackageWorkflowStore, StepRequest, aftercare_until, workflow_of
from double_guarantee_plugin.core.writeoff_calculator import calculate

PROJECT = "DG2025-14"
IN_OUT_PLOT = "DG2025-14-03"          # 0301K (可调整乔木林地) → 0103: credits 进出平衡, not 占补平衡
COUNTY = "320999"
PROFILE = "national_2024"
STEPS = [  # (state, date, taken by, extra)
    ("under_way", "2025-05-01", "张三（示范县自然资源局）", {}),
    ("self_accepted", "2025-10-20", "张三（示范县自然资源局）", {"note": "竣工自验"}),
    ("county_reviewed", "2025-11-05", "李审核（示范县）", {"acceptors": {"natural_resources": "示范县自然资源局",
                                                                     "agriculture_rural": "示范县农业农村局"}}),
    ("province_reviewed", "2025-12-01", "王复核（示范省）", {"reference": "示自然资复〔2025〕12号"}),
    ("publicised", "2025-12-02", "王复核（示范省）", {"until_on": "2025-12-16"}),
    ("deposited", "2025-12-20", "李审核（示范县）", {}),
]


def _save(layer, path):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    return QgsVectorLayer(str(path), layer.name(), "ogr")


def _change_survey(plots, path):
    """The 2026 annual change survey under the project: its plots as 耕地 (their class after), one plot's
    eastern 3 % still shown as forest, so that it is confirmed at 97 % against the profile's 95 %."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={plots.crs().authid()}", "变更调查 2026", "memory")
    layer.dataProvider().addAttributes([QgsField("BSM", QVariant.String), QgsField("DLBM", QVariant.String),
                                        QgsField("SJNF", QVariant.Int)])
    layer.updateFields()
    features = []
    for index, plot in enumerate(plots.getFeatures(QgsFeatureRequest().setFilterExpression(
            f"\"project_code\" = '{PROJECT}'"))):
        geometry = plot.geometry()
        box = geometry.boundingBox()
        if index == 0:
            cut = box.xMaximum() - 0.03 * box.width()
            west = QgsGeometry.fromRect(box).intersection(QgsGeometry.fromWkt(
                f"POLYGON(({box.xMinimum()} {box.yMinimum()},{cut} {box.yMinimum()},{cut} {box.yMaximum()},"
                f"{box.xMinimum()} {box.yMaximum()},{box.xMinimum()} {box.yMinimum()}))"))
            pieces = [(geometry.intersection(west), plot["class_after"]), (geometry.difference(west), "0301")]
        else:
            pieces = [(geometry, plot["class_after"])]
        for number, (piece, code) in enumerate(pieces):
            feature = QgsFeature(layer.fields())
            feature.setGeometry(piece)
            feature.setAttributes([f"BG2026-{index + 1:02d}{number}", code, 2026])
            features.append(feature)
    layer.dataProvider().addFeatures(features)
    return _save(layer, path)


def _footprint(survey, path):
    """A 200 m × 100 m construction footprint over the demo survey's cells 13 (0201K) and 14 (0103)."""
    cells = {f["dlbm"]: f.geometry().boundingBox() for f in survey.getFeatures(QgsFeatureRequest().setFilterFids([13, 14]))}
    orchard = cells["0201K"]
    x, y = orchard.xMaximum() - 100, orchard.yMinimum() + 100
    layer = QgsVectorLayer(f"Polygon?crs={survey.crs().authid()}", "建设项目用地范围 JS2026-05", "memory")
    layer.dataProvider().addAttributes([QgsField("XMMC", QVariant.String)])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + 200} {y},{x + 200} {y + 100},{x} {y + 100},{x} {y}))"))
    feature.setAttributes(["示范县物流园二期"])
    layer.dataProvider().addFeature(feature)
    return _save(layer, path)


def run(ctx):
    profile = tables.load_rule_profile(PROFILE)
    database = ctx.output_dir / "reform_projects.gpkg"
    for stale in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        if stale.exists():
            stale.unlink()
    shutil.copy(ctx.data_dir / "demo_projects.gpkg", database)
    store = GeoPackageWorkflowStore(str(database))
    choice = store.choice(PROJECT)
    ctx.log(f"reform: {PROJECT} follows {choice.profile_id} ({choice.source}, implemented {choice.implemented_on})")
    workflow = workflow_of(choice.profile)
    for state, on, who, extra in STEPS:
        if state == workflow.acceptance_state:
            extra = dict(extra, aftercare_until=aftercare_until(datetime.date.fromisoformat(on), choice.profile))
        step = store.advance(StepRequest(PROJECT, state, on, who, **extra))
        ctx.log(f"reform: step → {workflow.state(step.to_state).name_zh} on {step.step_on} by {step.taken_by}")

    # 入库: the deposit, plot 03 (forest → dry land) credited to 进出平衡 instead
    ledger_path = ctx.results.get("ledger_path") or ctx.output_dir / "demo_projects_ledger.gpkg"
    ledger = open_ledger(str(ledger_path))
    plots = QgsVectorLayer(project_db.layer_uri(str(database), project_db.PLOTS_LAYER), "plots", "ogr")
    request = QgsFeatureRequest().setFilterExpression(f"\"project_code\" = '{PROJECT}'")
    credits, projects = compute_layer_credits(plots, profile, request=request)
    accounts = plot_accounts(plots, request, credits)
    attributes = dict(store.project(PROJECT), accepted_on=STEPS[-1][1])
    deposit, came_in = deposit_with_accounts(ledger, deposit_from_project(attributes, projects[0], profile), accounts,
                                             [IN_OUT_PLOT], profile.reform.in_out_balance)
    ctx.log(f"reform: deposit {deposit.entry.entry_id}: {deposit.entry.amounts.area_mu:.2f} 亩 from plots "
            f"{', '.join(deposit.entry.plot_codes)} (占补平衡), waits for the change survey; 进 entry "
            f"{came_in.entry.entry_id}: {came_in.entry.amounts.area_mu:.2f} 亩 from {IN_OUT_PLOT} (进出平衡)")
    ctx.log(f"reform: {COUNTY} reserve {ledger.balance(COUNTY).amounts.area_mu:.2f} 亩, usable now "
            f"{ledger.usable(COUNTY).area_mu:.2f} 亩")

    # the 2026 change survey confirms the plots (≥ 95 % 耕地, SJNF ≥ the acceptance year)
    survey_2026 = _change_survey(plots, ctx.output_dir / "change_survey_2026.gpkg")
    year = acceptance_year(store.steps(PROJECT), workflow)
    plot_list = [(PROJECT, f["plot_code"], f.geometry()) for f in plots.getFeatures(request)]
    results = confirm_plots(plot_list, plots.crs(), survey_2026, year, profile.reform.change_survey)
    store.record_checks(results, "赵核实（示范县）")
    ctx.log("reform: change survey 2026: " + ", ".join(f"{r.plot_code} {100 * r.share:.1f}%" for r in results))
    confirmation = confirm_deposit_from_checks(ledger, store, PROJECT)
    ctx.log(f"reform: confirmation {confirmation.entry.entry_id} (survey {confirmation.entry.survey_year}, smallest "
            f"share {100 * confirmation.entry.survey_share:.1f}%): usable now {ledger.usable(COUNTY).area_mu:.2f} 亩")

    # 进出平衡 of 2025: 耕地 lost to an orchard, and a flood (recorded, exempt)
    ledger.record_out(COUNTY, Amounts(48.5, 33950, 0), "2025-08-15", "0103", "0201", note="种植果树（变更调查 2025）",
                      idempotency_key="demo:out:2025-orchard")
    ledger.record_out(COUNTY, Amounts(6.0, 4200, 6.0), "2025-07-20", "0101", "1104", exemption="disaster",
                      note="洪水冲毁（灾毁，不计入）", idempotency_key="demo:out:2025-flood")
    for row in ledger.in_out_account(COUNTY):
        ctx.log(f"reform: 进出平衡 {COUNTY} {row.year}: 进 {row.in_mu:.2f} 亩, 出 {row.out_mu:.2f} 亩 "
                f"(不计入 {row.exempt.area_mu:.2f}), balance {row.balance_mu:+.2f} 亩")

    # a construction write-off calculated from its footprint over the land survey
    county = ctx.data_dir / "demo_county.gpkg"
    survey = QgsVectorLayer(f"{county}|layername=land_survey", "land_survey", "ogr")
    basic_farmland = QgsVectorLayer(f"{county}|layername=basic_farmland", "basic_farmland", "ogr")
    footprint = _footprint(survey, ctx.output_dir / "construction_footprint.gpkg")
    occupation = calculate(footprint, survey, profile, basic_farmland, default_grade=5)
    ctx.log(f"reform: footprint JS2026-05 occupies {occupation.net_mu:.2f} 亩 net ({occupation.gross_mu:.2f} gross, "
            f"田坎 {occupation.tiankan_mu:.2f}, 可调整 {occupation.adjustable_mu:.2f}); "
            f"{occupation.amounts.capacity_kg:,.0f} kg; {occupation.fee_text()}")
    outcome = processing.run("doubleguarantee:ledgerwriteoff", {
        "LEDGER": str(ledger_path), "COUNTY": COUNTY, "PROJECT_CODE": "JS2026-05", "PROJECT_NAME": "示范县物流园二期",
        "DATE": "2026-02-01", "DZJGH": "3209992026000005", "AJBH": "示自然资规〔2026〕5号",
        "FOOTPRINT": footprint, "SURVEY": survey, "BASIC_FARMLAND": basic_farmland, "DEFAULT_GRADE": 5,
        "IDEMPOTENCY_KEY": "demo:JS2026-05"})
    ctx.log(f"reform: write-off entry {outcome['ENTRY_ID']} from the footprint: fee {outcome['FEE_YUAN']:,.0f} 元, "
            f"reserve after {outcome['AREA_MU_AFTER']:.2f} 亩")

    balance = from_ledger(ledger, COUNTY[:2], 2025)
    ctx.log(f"reform: province {COUNTY[:2]} 2025: net increase {balance.total.net_increase_mu:.2f} 亩 against the "
            f"occupation of 2026 {balance.total.occupation_next.area_mu:.2f} 亩: "
            f"{'balanced' if balance.balanced else 'not balanced'} ({balance.total.margin_mu:+.2f} 亩)")
    report = ledger.verify()
    ledger.close()
    ctx.log(f"reform: ledger verified {report['ok']} ({report['entries']} entries)")
    ctx.results["projects_database"] = database
    ctx.results["ledger_path"] = ledger_path
