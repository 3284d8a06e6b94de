# SPDX-License-Identifier: GPL-2.0-or-later
"""Processing and dialogs of issue 15: exportcoordtxt TEMPLATE, the dialogs of checkconstraints and
computecredits starting from the recognised layers, computecredits' gross/田坎/net fields, the coordinate
export dialog, and the 12-field file imported as plots."""
from pathlib import Path

import pytest

from dg_testutil import copy_gpkg


def _run(algorithm, parameters, context=None):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    context = context or QgsProcessingContext()
    return processing.run(f"doubleguarantee:{algorithm}", parameters, context=context,
                          feedback=QgsProcessingFeedback()), context


def _layer(output, context):
    return context.takeResultLayer(output) if isinstance(output, str) else output


def test_exportcoordtxt_template_writes_the_12_field_file(processing_ready, demo_paths, tmp_path):
    from double_guarantee_plugin.core.coord_txt import format_coord_txt, options_of, parcels_of, read_coord_txt
    from double_guarantee_plugin.processing.algorithms.export_coord_txt import template_ids
    plots = f"{demo_paths['projects']}|layername=plots"
    result, _context = _run("exportcoordtxt", {
        "INPUT": plots, "TEMPLATE": template_ids().index("supplement_12"), "CODE_FIELD": "plot_code",
        "CLASS_FIELD": "class_after", "OUTPUT": str(tmp_path / "all.txt")})
    data = Path(result["OUTPUT"]).read_bytes()
    text = data.decode("gbk")
    assert "【坐标点个数,图斑面积,图斑编号,地块名称,补充耕地实施年份,耕地坡度级别" in text and "【地块坐标要求" in text
    read = read_coord_txt(result["OUTPUT"])
    by_code = {parcel.code: parcel for parcel in read.parcels}
    assert len(by_code) == result["PARCEL_COUNT"] > 150
    txt_plot = by_code["F32099920260001000001"]           # the project that arrived as a 12-field file
    assert txt_plot.year == "2026" and txt_plot.quality_level and txt_plot.class_name in ("旱地", "水浇地", "水田")
    assert by_code["DG2023-01-01"].year == "2023"           # implementation_year of the plot
    # and it reads back and writes again byte for byte
    assert format_coord_txt(parcels_of(read), read.epsg, options_of(read)).encode("gbk") == data


def test_processing_dialogs_start_with_the_recognised_layers(processing_ready, demo_paths, qgis_new_project):
    from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
    county = demo_paths["county"]
    layers = {name: QgsVectorLayer(f"{county}|layername={name}", f"图层 {name}", "ogr")
              for name in ("basic_farmland", "red_line", "slope", "land_survey", "development_boundary")}
    QgsProject.instance().addMapLayers(list(layers.values()))
    try:
        registry = QgsApplication.processingRegistry()
        check = registry.createAlgorithmById("doubleguarantee:checkconstraints")
        expected = {"BASIC_FARMLAND": "basic_farmland", "RED_LINE": "red_line", "SLOPE": "slope",
                    "LAND_SURVEY": "land_survey", "DEVELOPMENT_BOUNDARY": "development_boundary"}
        for parameter, name in expected.items():
            assert check.parameterDefinition(parameter).guiDefaultValueOverride() == layers[name].id(), parameter
        assert check.parameterDefinition("SURVEY_CLASS_FIELD").guiDefaultValueOverride() == "DLBM"
        assert check.parameterDefinition("SLOPE_FIELD").guiDefaultValueOverride() == "slope_deg"
        # a script keeps the plain defaults: nothing is picked behind its back
        assert check.parameterDefinition("BASIC_FARMLAND").defaultValue() is None
        credits = registry.createAlgorithmById("doubleguarantee:computecredits")
        assert credits.parameterDefinition("LAND_SURVEY").guiDefaultValueOverride() == layers["land_survey"].id()
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_checkconstraints_takes_dlbm_whatever_the_case_and_the_development_boundary(processing_ready, demo_paths):
    county = demo_paths["county"]
    result, context = _run("checkconstraints", {
        "INPUT": f"{demo_paths['projects']}|layername=plots", "BASIC_FARMLAND": f"{county}|layername=basic_farmland",
        "RED_LINE": f"{county}|layername=red_line", "LAND_SURVEY": f"{county}|layername=land_survey",
        "DEVELOPMENT_BOUNDARY": f"{county}|layername=development_boundary", "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = _layer(result["OUTPUT"], context)
    rows = {feature["plot_code"]: feature for feature in layer.getFeatures()}
    assert result["NOT_CHECKED_COUNT"] == 0                  # the default 'dlbm' found DLBM
    assert "GHFQMC=集中建设区" in rows["DG2021-04-02"]["check_message"]
    assert rows["DG2021-04-02"]["check_status"] == "warning"
    # no slope layer given: 耕地坡度级别 of the steep project blocks it
    assert rows["DG2024-08-01"]["check_status"] == "blocking" and "GDPDJB" in rows["DG2024-08-01"]["check_message"]


def test_computecredits_shows_gross_tiankan_and_net(processing_ready, demo_paths):
    from double_guarantee_plugin.core.units import m2_to_mu
    county = demo_paths["county"]
    result, context = _run("computecredits", {
        "INPUT": f"{demo_paths['projects']}|layername=plots", "LAND_SURVEY": f"{county}|layername=land_survey",
        "BASIC_FARMLAND": f"{county}|layername=basic_farmland", "OUTPUT": "TEMPORARY_OUTPUT",
        "PROJECT_OUTPUT": "TEMPORARY_OUTPUT"})
    plots = {f["plot_code"]: f for f in _layer(result["OUTPUT"], context).getFeatures()}
    projects = {f["project_code"]: f for f in _layer(result["PROJECT_OUTPUT"], context).getFeatures()}
    for feature in plots.values():
        assert feature["net_area_m2"] == pytest.approx(feature["area_m2"] - feature["tiankan_m2"])
    upgraded = [f for f in plots.values() if f["plot_kind"] == "upgrading" and f["tiankan_source"] == "survey"]
    assert upgraded and all(f["tiankan_kcxs"] is not None for f in upgraded)
    defaulted = [f for f in plots.values() if f["grade_before_source"] and f["grade_before_source"] != "user"]
    assert defaulted and all("GDD" in f["grade_before_source"] for f in defaulted)
    new = [f for f in plots.values() if f["plot_kind"] == "new_farmland" and f["tiankan_m2"] > 0]
    assert new and all(f["tiankan_source"] == "table" for f in new)
    for code, row in projects.items():
        assert row["net_area_mu"] == pytest.approx(row["area_mu"] - row["tiankan_mu"]), code
        assert row["credit_area_mu"] <= row["net_area_mu"] + 1e-6, code     # credits on the net area
    total = sum(m2_to_mu(f["tiankan_m2"]) for f in plots.values() if f["project_code"] == "DG2023-02")
    assert projects["DG2023-02"]["tiankan_mu"] == pytest.approx(total)


def test_export_dialog_offers_every_template_and_fills_the_export(qgis_app, demo_paths, tmp_path):
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtCore import Qt
    from double_guarantee_plugin.core.coord_txt import read_coord_txt, templates
    from double_guarantee_plugin.gui.dialogs.coord_txt_export import CoordTxtExportDialog
    dialog = CoordTxtExportDialog(None, "DG2026-15", str(tmp_path))
    dialog.show()
    assert dialog.template_combo.count() == len(templates())
    dialog.select_template("coordinates_only")
    assert dialog.per_parcel.isChecked() and dialog.path_label.text() in ("Folder", "文件夹")
    dialog.select_template("supplement_12")
    assert not dialog.per_parcel.isChecked() and dialog.zone_prefix.isChecked()
    assert "耕地质量等级" in dialog.description.text()
    QTest.mouseClick(dialog.zone_prefix, Qt.MouseButton.LeftButton)      # a real click: prefix off
    options = dialog.options()
    assert options["template"] == "supplement_12" and options["zone_prefix"] is False
    dialog.close()
    from qgis.core import QgsVectorLayer
    database = tmp_path / "projects.gpkg"
    copy_gpkg(demo_paths["projects"], database)
    plots = QgsVectorLayer(f"{database}|layername=plots", "plots", "ogr")
    from double_guarantee_plugin.gui.dialogs.coord_txt import export_project_txt
    written = export_project_txt(None, plots, "DG2026-15", dialog.path(), **options)
    result = read_coord_txt(written[0])
    assert result.layout == "named" and not result.prefixed and len(result.parcels) == 6
    del plots


def test_the_12_field_file_imports_as_plots_with_its_fields(qgis_app, demo_paths, tmp_path):
    from double_guarantee_plugin.core import project_db
    from double_guarantee_plugin.gui.dialogs.coord_txt import import_txt_as_plots
    path = tmp_path / "projects.gpkg"
    project_db.create_project_database(str(path), "EPSG:4527")
    plots, _projects = project_db.open_project_database(str(path))
    assert import_txt_as_plots(None, plots, "NEW-12", [demo_paths["txt12"]]) == 6
    features = sorted(plots.getFeatures(), key=lambda f: f["plot_code"])
    first = features[0]
    assert first["plot_code"] == "F32099920260001000001" and first["implementation_year"] == 2026
    assert first["class_after"] in ("0101", "0102", "0103")     # 地类 (a name) is the class after
    assert first["grade_system"] == "quality_level_10" and 3 <= first["grade_after"] <= 6
    assert not first["quality_level_after"]             # said once, in the plot's own grade system
    assert first["slope_level"] in ("1", "2", "3", "4", "5")
    plots.rollBack()
    del plots, _projects
