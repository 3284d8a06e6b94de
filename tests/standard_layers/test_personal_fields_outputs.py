# SPDX-License-Identifier: GPL-2.0-or-later
"""Personal fields of the basic-farmland layer (names, ID numbers, phones, addresses) reach no output.

The demo county's YJJBNTTB carries fake ZRRMC, ZRRZJHM, LXDH, JZDZ and CFZR.  Every output the plugin writes
from it is produced here and searched for those field names and for the values of the parcels under the
plots: computecredits and checkconstraints outputs, meeting sheets (PDF text), the county summary (CSV
and XLSX), coordinate TXT exports, the offline package and the shared constraint set.
"""
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from dg_testutil import copy_gpkg  # noqa: E402

PERSONAL = ("ZRRMC", "ZRRZJHM", "LXDH", "JZDZ", "CFZR")
PROJECTS = ["DG2024-07", "DG2025-12", "DG2023-02"]     # over basic farmland, upgrading plots in it


@pytest.fixture(scope="module")
def outputs(demo_paths, tmp_path_factory, processing_ready):
    """Every output of the plugin on a copy of the demo, as {name: text}; and the personal values to look for."""
    from qgis import processing
    from qgis.core import QgsProcessing, QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsRectangle, QgsVectorLayer
    from double_guarantee_plugin.core import offline
    from double_guarantee_plugin.core.reports.report_data import gather_reports
    from double_guarantee_plugin.core.reports.summary import write_county_summary
    from double_guarantee_plugin.core.standard_layers.constraint_set import auto_constraint_set
    from double_guarantee_plugin.gui.dialogs.coord_txt import export_project_txt
    folder = tmp_path_factory.mktemp("personal")
    database = folder / "projects.gpkg"
    copy_gpkg(demo_paths["projects"], database)
    county = demo_paths["county"]
    layers = {name: QgsVectorLayer(f"{county}|layername={name}", name, "ogr")
              for name in ("basic_farmland", "red_line", "slope", "land_survey", "development_boundary")}
    plots = QgsVectorLayer(f"{database}|layername=plots", "plots", "ogr")
    # the personal values of every basic-farmland parcel near the plots: what a leak would show
    extent = QgsRectangle(plots.extent())
    extent.grow(500)
    from qgis.core import QgsFeatureRequest
    values = set()
    for feature in layers["basic_farmland"].getFeatures(QgsFeatureRequest().setFilterRect(extent)):
        values.update(str(feature[name]) for name in PERSONAL if feature[name])
    assert len(values) > 1000

    texts = {}
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())

    def table_text(layer):
        if isinstance(layer, str):
            layer = context.takeResultLayer(layer) or QgsVectorLayer(layer, "out", "ogr")
        names = " ".join(layer.fields().names())
        rows = " ".join(str(value) for feature in layer.getFeatures() for value in feature.attributes())
        return names + "\n" + rows

    credits = processing.run("doubleguarantee:computecredits", {
        "INPUT": plots, "BASIC_FARMLAND": layers["basic_farmland"], "RED_LINE": layers["red_line"],
        "SLOPE": layers["slope"], "LAND_SURVEY": layers["land_survey"], "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
        "PROJECT_OUTPUT": QgsProcessing.TEMPORARY_OUTPUT}, context=context, feedback=QgsProcessingFeedback())
    texts["computecredits OUTPUT"] = table_text(credits["OUTPUT"])
    texts["computecredits PROJECT_OUTPUT"] = table_text(credits["PROJECT_OUTPUT"])
    checks = processing.run("doubleguarantee:checkconstraints", {
        "INPUT": plots, "BASIC_FARMLAND": layers["basic_farmland"], "RED_LINE": layers["red_line"],
        "SLOPE": layers["slope"], "LAND_SURVEY": layers["land_survey"],
        "DEVELOPMENT_BOUNDARY": layers["development_boundary"], "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT},
        context=context, feedback=QgsProcessingFeedback())
    texts["checkconstraints OUTPUT"] = table_text(checks["OUTPUT"])
    assert "YJJBNTTBBH=" in texts["checkconstraints OUTPUT"]        # the ids are there, the people are not

    maps = folder / "maps"
    outcome = processing.run("doubleguarantee:exportmeetingmaps", {
        "PLOTS": plots, "PROJECTS": ",".join(PROJECTS), "BASIC_FARMLAND": layers["basic_farmland"],
        "RED_LINE": layers["red_line"], "SLOPE": layers["slope"], "LAND_SURVEY": layers["land_survey"],
        "TEMPLATE": 0, "FORMAT": 0, "COMBINED": False, "OUTPUT_FOLDER": str(maps)},
        context=context, feedback=QgsProcessingFeedback())
    for path in outcome["FILES"].split(";"):
        text = subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True).stdout
        texts[f"sheet {Path(path).name}"] = unicodedata.normalize("NFKC", text.decode("utf-8"))

    QgsProject.instance().addMapLayers(list(layers.values()) + [plots])
    try:
        constraint_set, _found = auto_constraint_set()
        texts["constraint set JSON"] = constraint_set.to_json()
        reports, problems = gather_reports(plots, codes=PROJECTS, constraint_set=constraint_set)
        for path in write_county_summary(str(folder), reports, problems):
            if path.endswith(".csv"):
                texts[Path(path).name] = Path(path).read_text(encoding="utf-8-sig")
            else:
                from openpyxl import load_workbook
                workbook = load_workbook(path)
                texts[Path(path).name] = " ".join(str(cell.value) for sheet in workbook for row in sheet.iter_rows()
                                                  for cell in row if cell.value is not None)
        for code in PROJECTS:
            for written in export_project_txt(None, plots, code, str(folder / f"{code}.txt"), template="supplement_12"):
                texts[Path(written).name] = Path(written).read_bytes().decode("gbk")
    finally:
        QgsProject.instance().removeAllMapLayers()
    exported = processing.run("doubleguarantee:exportcoordtxt", {
        "INPUT": f"{database}|layername=plots", "OUTPUT": str(folder / "all.txt")},
        context=context, feedback=QgsProcessingFeedback())
    texts["exportcoordtxt"] = Path(exported["OUTPUT"]).read_bytes().decode("gbk")

    package = folder / "laptop.gpkg"
    offline.export_offline(str(database), PROJECTS, str(package),
                           {name: f"{county}|layername={name}" for name in offline.DEFAULT_CONSTRAINTS})
    clipped = QgsVectorLayer(f"{package}|layername=basic_farmland", "clipped", "ogr")
    assert clipped.featureCount() > 50
    texts["offline package basic_farmland"] = table_text(clipped)
    return texts, values


def test_no_output_carries_a_personal_field_or_value(outputs):
    texts, values = outputs
    assert len(texts) >= 12
    for name, text in texts.items():
        assert text.strip(), name
        for field in PERSONAL:
            assert field not in text and field.lower() not in text, f"{name} carries the personal field {field}"
        leaked = [value for value in values if value in text]
        assert not leaked, f"{name} shows personal values such as {leaked[:3]}"


def test_the_offline_package_keeps_the_ids_and_drops_the_people(outputs):
    texts, _values = outputs
    header = texts["offline package basic_farmland"].splitlines()[0].split()
    assert "YJJBNTTBBH" in header and "WDGD" in header and not set(PERSONAL) & set(header)
    assert json.loads(texts["constraint set JSON"])["layers"]
