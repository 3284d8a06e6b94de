# SPDX-License-Identifier: GPL-2.0-or-later
"""Demo step 50: the demo county's meeting maps, overview map and county summary, in Chinese.

Writes ``demo_output/maps/``: one PDF sheet per project (``doubleguarantee:exportmeetingmaps``),
``meeting_maps_all.pdf`` (every sheet in one file), ``county_overview.pdf`` and
``county_summary.csv`` / ``.xlsx`` (with the reserve balances when step 30 left a ledger).
"""
import json
import subprocess
import tempfile
import xml.sax.saxutils as sax
from pathlib import Path

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from qgis import processing
from double_guarantee_plugin.core.reports import ReportError
from double_guarantee_plugin.core.reports.overview import export_overview
from double_guarantee_plugin.core.reports.report_data import gather_reports
from double_guarantee_plugin.core.reports.summary import write_county_summary
from double_guarantee_plugin.i18n import setup_translation

PRODUCER = "示范县自然资源和规划局（演示）"
_keep = []


def _install_chinese(ctx):
    """The plugin's zh_CN translation, with the reports glossary compiled (lrelease, in a temporary
    folder) and installed on top: the merged .qm may predate the newest strings of this part."""
    setup_translation("zh_CN")
    glossary = ctx.root / "i18n" / "zh_CN" / "reports.json"
    messages = json.loads(glossary.read_text(encoding="utf-8"))
    folder = Path(tempfile.mkdtemp(prefix="dg_reports_i18n_"))
    ts = folder / "reports.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">'
                  "<context><name>DoubleGuarantee</name>" + "".join(
                      f"<message><source>{sax.escape(k)}</source><translation>{sax.escape(v)}</translation>"
                      "</message>" for k, v in messages.items()) + "</context></TS>", encoding="utf-8")
    try:
        subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(folder / "reports.qm")], check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        ctx.log(f"maps: lrelease unavailable ({exc}); sheets stay in English")
        return
    translator = QTranslator()
    if translator.load(str(folder / "reports.qm")):
        QCoreApplication.installTranslator(translator)
        _keep.append(translator)
        ctx.log("maps: zh_CN translation with the reports glossary compiled on the fly")


def run(ctx):
    _install_chinese(ctx)
    maps_dir = ctx.output_dir / "maps"
    maps_dir.mkdir(parents=True, exist_ok=True)
    county = ctx.data_dir / "demo_county.gpkg"
    plots_uri = f"{ctx.data_dir / 'demo_projects.gpkg'}|layername=plots"
    outcome = processing.run("doubleguarantee:exportmeetingmaps", {
        "PLOTS": plots_uri, "BASIC_FARMLAND": f"{county}|layername=basic_farmland",
        "RED_LINE": f"{county}|layername=red_line", "SLOPE": f"{county}|layername=slope",
        "LAND_SURVEY": f"{county}|layername=land_survey", "TEMPLATE": 0, "FORMAT": 0, "COMBINED": True,
        "PRODUCER": PRODUCER, "OUTPUT_FOLDER": str(maps_dir)})
    files = [Path(p) for p in outcome["FILES"].split(";") if p]
    ctx.log(f"maps: {outcome['EXPORTED']} project sheets + combined PDF in {maps_dir}")
    if outcome["PROBLEMS"]:
        ctx.log(f"maps: not exported: {outcome['PROBLEMS']}")

    plots = QgsVectorLayer(plots_uri, "plots", "ogr")
    red_line = QgsVectorLayer(f"{county}|layername=red_line", "red_line", "ogr")
    basic_farmland = QgsVectorLayer(f"{county}|layername=basic_farmland", "basic_farmland", "ogr")
    slope = QgsVectorLayer(f"{county}|layername=slope", "slope", "ogr")
    boundary = QgsVectorLayer(f"{county}|layername=county_boundary", "county_boundary", "ogr")
    # the constraint set of step 20 (every county layer by role): the summary's 田坎 and grades as on the sheets
    reports, problems = gather_reports(plots, basic_farmland=basic_farmland, red_line=red_line, slope=slope,
                                       constraint_set=ctx.results.get("constraint_set"))
    overview = export_overview(str(maps_dir / "county_overview.pdf"), plots, reports, boundary, red_line,
                               producer=PRODUCER)
    ledger = ctx.results.get("ledger") or ctx.results.get("ledger_path")  # step 30 names it ledger_path
    try:
        summary = write_county_summary(str(maps_dir), reports, problems, ledger=ledger)
    except ReportError as exc:  # a broken ledger must not cost the project summary
        ctx.log(f"maps: ledger not summarised ({exc})")
        summary = write_county_summary(str(maps_dir), reports, problems)
    ctx.log(f"maps: {Path(overview).name}, " + ", ".join(Path(p).name for p in summary)
            + (" (with reserve balances)" if ledger else " (no ledger from step 30)"))
    verdicts = {}
    for report in reports:
        verdicts[report.verdict] = verdicts.get(report.verdict, 0) + 1
    ctx.log("maps: verdicts " + ", ".join(f"{k}={v}" for k, v in sorted(verdicts.items())))
    ctx.results["meeting_maps"] = [str(p) for p in files] + [overview] + list(summary)
