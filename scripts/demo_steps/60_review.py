# SPDX-License-Identifier: GPL-2.0-or-later
"""Demo step 60: a field review session, taken offline to a laptop and brought back with a conflict.

Works on a copy of the demo project database (``demo_output/review_projects.gpkg``): three
verdicts, a photo and a GPX walk recorded; two projects taken offline with the constraint layers
clipped (``demo_output/offline_package.gpkg``); the same plot edited in the office and in the
field; the field also renames project DG2024-06 and marks it accepted (the name is applied, the status
waits for the office); merged back (one conflict kept with both versions, then the field version
chosen, the status kept as the office had it), and merged a second time to show that nothing
changes.  Writes ``demo_output/review_report.txt``.
"""
import shutil

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject,
                       QgsVectorLayer)
from qgis.PyQt.QtGui import QColor, QImage, QPainter

from double_guarantee_plugin.core import offline, project_db, review

PROJECTS = ("DG2023-01", "DG2024-06")


def _photo(path):
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("#6b8e23"))
    painter = QPainter(image)
    painter.fillRect(0, 380, 800, 220, QColor("#8b5a2b"))   # a field edge, roughly
    painter.end()
    image.save(str(path), "JPG")
    return path


def _gpx(path, plots, project_code):
    to_gps = QgsCoordinateTransform(plots.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    features = [f for f in plots.getFeatures() if f["project_code"] == project_code]
    points = [features[0].geometry().centroid().asPoint(), features[-1].geometry().centroid().asPoint()]
    box = features[-1].geometry().boundingBox()
    points.append(QgsPointXY(box.xMaximum() + 350, box.center().y()))     # a point off the project
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<gpx version="1.1" creator="demo" xmlns="http://www.topografix.com/GPX/1/1">']
    for index, point in enumerate(points, start=1):
        gps = to_gps.transform(point)
        lines.append(f'<wpt lat="{gps.y():.8f}" lon="{gps.x():.8f}"><time>2026-05-02T0{index}:00:00Z</time>'
                     f'<name>WP{index:03d}</name></wpt>')
    lines.append("</gpx>")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _edit(path, plot_code, field, value):
    layer = QgsVectorLayer(project_db.layer_uri(str(path), project_db.PLOTS_LAYER), "plots", "ogr")
    feature = next(f for f in layer.getFeatures() if f["plot_code"] == plot_code)
    layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf(field),
                               value(feature[field]) if callable(value) else value)
    if not layer.commitChanges():
        raise RuntimeError(f"{path}: cannot save the demo edit: {layer.commitErrors()}")


def run(ctx):
    database = ctx.output_dir / "review_projects.gpkg"
    package = ctx.output_dir / "offline_package.gpkg"
    for path in (database, package):
        for suffix in ("", "-wal", "-shm"):   # an old SQLite log beside a new copy would corrupt it
            stale = path.with_name(path.name + suffix)
            if stale.exists():
                stale.unlink()
    shutil.copyfile(ctx.data_dir / "demo_projects.gpkg", database)
    store = review.ReviewStore(database)
    plots = QgsVectorLayer(project_db.layer_uri(str(database), project_db.PLOTS_LAYER), "plots", "ogr")
    report = []

    store.add_review("DG2023-01", review.TO_VERIFY, "王工", "田坎位置待现场核实")
    store.add_review("DG2024-06", review.RETURNED, "王工", "新增耕地压占生态保护红线")
    store.add_review("DG2023-02", review.PASSED, "李工", "内业审查通过")
    store.add_photo("DG2023-01", _photo(ctx.output_dir / "review_photo.jpg"), added_by="王工")
    walk = store.import_field_points("DG2023-01", _gpx(ctx.output_dir / "review_walk.gpx", plots, "DG2023-01"), plots)
    report += ["Field points (DG2023-01):"] + [f"  {line}" for line in walk.lines()]

    county = ctx.data_dir / "demo_county.gpkg"
    exported = offline.export_offline(database, PROJECTS, package,
                                      {name: f"{county}|layername={name}" for name in offline.DEFAULT_CONSTRAINTS},
                                      exported_by="王工")
    report.append(f"Offline package: {exported.plot_count} plots, clipped {exported.constraint_counts}")

    # office and field both change plot DG2023-01-02; the field also re-grades DG2023-01-05
    _edit(database, "DG2023-01-02", "grade_after", 9)
    _edit(package, "DG2023-01-02", "grade_after", 6)
    _edit(package, "DG2023-01-05", "grade_after", lambda grade: max(1, grade - 1))
    review.ReviewStore(package).add_review("DG2023-01", review.PASSED, "王工", "现场核实：田坎已修复")
    field = offline.connect(package)   # project details edited on the laptop, as any QGIS user could
    field.execute("UPDATE projects SET project_name = project_name || '（现场核定）', status = 'accepted' "
                  "WHERE project_code = 'DG2024-06'")
    field.close()

    merged = offline.merge_back(database, package, merged_by="王工")
    report.append(f"First merge: {merged.summary()}")
    for conflict in merged.conflicts:
        report.append(f"  conflict on {conflict.plot_code}: office grade_after="
                      f"{conflict.home_attributes['grade_after']}, field grade_after="
                      f"{conflict.offline_attributes['grade_after']}")
        offline.resolve_conflict(database, conflict.id, "offline", "张科长")
    report.append(f"  project details applied: {merged.updated_projects}")
    for held in merged.project_conflicts:
        report.append(f"  project {held.project_code} {held.field}: office {held.home_value}, field "
                      f"{held.offline_value} ({held.kind}); the office keeps its status")
        offline.resolve_project_conflict(database, held.id, "home", "张科长")
    again = offline.merge_back(database, package, merged_by="王工")
    report.append(f"Second merge of the same package changed anything: {again.changed_anything}")
    counts = review.verdict_counts(store)
    report.append(f"Current verdicts: {counts}")
    (ctx.output_dir / "review_report.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
    for line in report:
        ctx.log(line)
    ctx.results["review"] = {"verdicts": counts, "merge": merged.summary(), "second_merge_changed": again.changed_anything,
                             "package": str(package)}
