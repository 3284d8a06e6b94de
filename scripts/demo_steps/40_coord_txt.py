# SPDX-License-Identifier: GPL-2.0-or-later
"""Demo step 40: export every demo project as a Ministry-standard coordinate TXT and read one back.

Writes ``demo_output/coord_txt/<project_code>.txt`` (GBK, CRLF, areas in hectares, as sent for
上图入库) through the project dock's export, then re-imports one file with
``doubleguarantee:importcoordtxt`` and checks that the boundaries and areas came back.  The project
that arrived as a 12-field 补充耕地 file (DG2026-15) is read and written back byte for byte, and
exported again with the supplement_12 template (``demo_output/coord_txt/DG2026-15_12.txt``).
"""
import shutil
from pathlib import Path

from qgis.core import QgsExpression, QgsFeatureRequest, QgsVectorLayer

from qgis import processing
from double_guarantee_plugin.core import project_db
from double_guarantee_plugin.core.area import EllipsoidalArea
from double_guarantee_plugin.core.coord_txt import format_coord_txt, options_of, parcels_of, read_coord_txt
from double_guarantee_plugin.gui.dialogs.coord_txt import export_project_txt
from generate_demo import TXT12_FILE, TXT12_PROJECT

CHECKED_PROJECT = "DG2023-01"


def _plots_of(layer, code):
    request = QgsFeatureRequest().setFilterExpression(QgsExpression.createFieldEqualityExpression("project_code", code))
    return {feature["plot_code"]: feature for feature in layer.getFeatures(request)}


def run(ctx):
    folder = ctx.output_dir / "coord_txt"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    database = ctx.data_dir / "demo_projects.gpkg"
    plots = QgsVectorLayer(project_db.layer_uri(str(database), project_db.PLOTS_LAYER), "plots", "ogr")
    codes = sorted({feature["project_code"] for feature in plots.getFeatures()})
    written = {}
    for code in codes:
        files = export_project_txt(None, plots, code, str(folder / f"{code}.txt"), producer="示范县自然资源局")
        if not files:
            raise RuntimeError(f"coord_txt: project {code} could not be exported (see the QGIS log)")
        written[code] = files[0]
    ctx.log(f"coord_txt: {len(written)} projects exported to {folder.relative_to(ctx.root)}/ "
            f"(GBK, CRLF, 地块面积 in hectares)")

    check_path = folder / f"{CHECKED_PROJECT}_reimported.gpkg"
    outcome = processing.run("doubleguarantee:importcoordtxt", {"INPUT": [written[CHECKED_PROJECT]],
                                                                "OUTPUT": str(check_path)})
    reimported = QgsVectorLayer(str(check_path), "reimported", "ogr")
    original = _plots_of(plots, CHECKED_PROJECT)
    measure = EllipsoidalArea(plots.crs())
    worst_m = worst_area_m2 = 0.0
    for feature in reimported.getFeatures():
        plot = original[feature["parcel_code"]]
        worst_m = max(worst_m, plot.geometry().hausdorffDistance(feature.geometry()))
        worst_area_m2 = max(worst_area_m2, abs(measure.area_m2(plot.geometry()) - feature["area_m2"]))
    if reimported.featureCount() != len(original) or worst_m > 0.001 or worst_area_m2 > 0.5:
        raise RuntimeError(f"coord_txt: re-import of {CHECKED_PROJECT} differs: {reimported.featureCount()} of "
                           f"{len(original)} plots, {worst_m:.4f} m, {worst_area_m2:.3f} m²")
    ctx.log(f"coord_txt: {CHECKED_PROJECT} re-imported ({outcome['PARCEL_COUNT']} plots): boundaries within "
            f"{worst_m * 1000:.2f} mm, areas within {worst_area_m2:.3f} m²")
    # the project that arrived as a 12-field 补充耕地 file: read and written back byte for byte, and
    # exported again from the project database with the same template
    arrived = ctx.data_dir / TXT12_FILE
    original = arrived.read_bytes()
    result = read_coord_txt(arrived)
    again = format_coord_txt(parcels_of(result), result.epsg, options_of(result)).encode("gbk")
    if again != original:
        raise RuntimeError(f"coord_txt: {arrived.name} does not write back byte for byte")
    files = export_project_txt(None, plots, TXT12_PROJECT, str(folder / f"{TXT12_PROJECT}_12.txt"),
                               producer="示范县自然资源局", template="supplement_12")
    if not files:
        raise RuntimeError(f"coord_txt: project {TXT12_PROJECT} could not be exported as a 12-field file")
    exported = read_coord_txt(files[0])
    ctx.log(f"coord_txt: {arrived.name} ({len(result.parcels)} parcels, 12 fields, field-name line and "
            f"explanation block) reads and writes back byte for byte; exported again as "
            f"{Path(files[0]).name} ({len(exported.parcels)} parcels, 地类 {exported.parcels[0].class_name}, "
            f"耕地质量等级 {exported.parcels[0].quality_level})")
    ctx.results["coord_txt"] = {"files": written, "checked": CHECKED_PROJECT, "max_shift_m": worst_m,
                                "max_area_difference_m2": worst_area_m2, "txt12": files[0]}
