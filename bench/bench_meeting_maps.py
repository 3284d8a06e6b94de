# SPDX-License-Identifier: GPL-2.0-or-later
"""Speed of meeting sheets: every demo project (14) exported with credits, checks and red overlaps.

Target: under 1 s per sheet on the 2-core machine.  For a ratio, QGIS's native atlas
(``native:atlaslayouttopdf``) prints the same template, map only, over the same projects in
the same run: that is what QGIS itself spends on layout rendering, without credits or checks.
"""
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

LIMIT_S_PER_SHEET = 1.0


def _project_outlines(plots):
    """One feature per project (the atlas coverage layer for the native run)."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant
    groups = {}
    for feature in plots.getFeatures():
        if feature.geometry().isGeosValid():
            groups.setdefault(feature["project_code"], []).append(feature.geometry())
    layer = QgsVectorLayer(f"MultiPolygon?crs={plots.crs().authid()}", "projects_coverage", "memory")
    layer.dataProvider().addAttributes([QgsField("project_code", QVariant.String)])
    layer.updateFields()
    features = []
    for code, geometries in sorted(groups.items()):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.unaryUnion(geometries))
        feature.setAttributes([code])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _native_atlas(plots, red_line, basic_farmland, out_pdf):
    from qgis import processing
    from qgis.core import QgsProject
    from double_guarantee_plugin.core.reports.layout import load_template
    project = QgsProject.instance()
    coverage = _project_outlines(plots)
    project.addMapLayers([coverage, plots, red_line, basic_farmland])
    layout = load_template(project, "a4_landscape")
    layout.setName("bench_native_atlas")
    map_item = layout.itemById("map")
    map_item.setLayers([red_line, plots, basic_farmland])
    map_item.setKeepLayerSet(True)
    map_item.setAtlasDriven(True)
    map_item.setAtlasMargin(0.15)
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    project.layoutManager().addLayout(layout)
    started = time.perf_counter()
    processing.run("native:atlaslayouttopdf", {"LAYOUT": "bench_native_atlas", "COVERAGE_LAYER": coverage,
                                               "DPI": 200, "OUTPUT": out_pdf})
    elapsed = time.perf_counter() - started
    return elapsed, coverage.featureCount()


def main():
    from qgis_headless import start_qgis
    start_qgis()
    import generate_demo
    from qgis.core import QgsVectorLayer
    from double_guarantee_plugin.core.reports.export import MeetingMapJob, export_meeting_maps
    paths = generate_demo.ensure_demo_data(ROOT / "demo_data")

    def layer(which, name):
        return QgsVectorLayer(f"{paths[which]}|layername={name}", name, "ogr")

    plots, red_line = layer("projects", "plots"), layer("county", "red_line")
    basic_farmland, slope = layer("county", "basic_farmland"), layer("county", "slope")
    with tempfile.TemporaryDirectory(prefix="bench_maps_") as folder:
        job = MeetingMapJob(plots, folder, None, basic_farmland=basic_farmland, red_line=red_line, slope=slope,
                            combined_pdf="all.pdf", dpi=200)
        started = time.perf_counter()
        result = export_meeting_maps(job)
        ours = time.perf_counter() - started
        sheets = len(result.reports)
        native, native_pages = _native_atlas(layer("projects", "plots"), layer("county", "red_line"),
                                             layer("county", "basic_farmland"), os.path.join(folder, "native.pdf"))
    per_sheet = ours / max(sheets, 1)
    native_per_page = native / max(native_pages, 1)
    print(f"meeting sheets: {sheets} projects (+1 combined PDF) in {ours:.2f} s = {per_sheet:.3f} s per sheet "
          f"(target < {LIMIT_S_PER_SHEET:.1f} s) — includes credits, constraint checks, overlaps, 2 PDF renders")
    print(f"native:atlaslayouttopdf, same template, map only: {native_pages} pages in {native:.2f} s = "
          f"{native_per_page:.3f} s per page")
    print(f"ratio ours / native per sheet: {per_sheet / native_per_page:.2f}")
    print("PASS" if per_sheet < LIMIT_S_PER_SHEET else "FAIL: slower than the target")


if __name__ == "__main__":
    main()
