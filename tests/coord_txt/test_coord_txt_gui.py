# SPDX-License-Identifier: GPL-2.0-or-later
"""The dock helpers: TXT files as plots of a project (one undo step, all or nothing), project export, drops."""

import pytest
from qgis.core import (QgsExpression, QgsFeature, QgsFeatureRequest, QgsGeometry,
                       QgsProject, QgsVectorLayer)
from qgis.PyQt.QtCore import QMimeData, QPoint, Qt, QUrl
from qgis.PyQt.QtGui import QDropEvent

from double_guarantee_plugin.core.area import EllipsoidalArea
from double_guarantee_plugin.core.coord_txt import read_coord_txt
from double_guarantee_plugin.core.coord_txt.qgis_io import to_shapely
from double_guarantee_plugin.core.project_db import open_project_database
from double_guarantee_plugin.gui.dialogs.coord_txt import export_project_txt, import_txt_as_plots, is_coord_txt_drop
from dg_testutil import answer_next_message_box, copy_gpkg, dispose_widget  # noqa: E402

PROJECT = "DG2023-01"
YES = lambda questions: True  # noqa: E731 - these files lie in other zones on purpose (the prompt: test_txt_import_prompt)
OPEN_PROJECT = "DG2024-08"   # planned: an accepted project refuses imports until it is reopened


@pytest.fixture()
def plots_layer(demo_paths, tmp_path):
    copy = tmp_path / "projects.gpkg"
    copy_gpkg(demo_paths["projects"], copy)
    plots, _projects = open_project_database(str(copy))
    return plots  # pytest-qgis cleans up fixtures named *layer*; the file is a throwaway copy


def _project_plots(layer, code):
    request = QgsFeatureRequest().setFilterExpression(QgsExpression.createFieldEqualityExpression("project_code", code))
    return list(layer.getFeatures(request))


def test_import_adds_plots_in_one_undo_step(iface, plots_layer, real_coord_dir, traps):
    before = plots_layer.featureCount()
    plots_layer.startEditing()
    steps = plots_layer.undoStack().count()
    paths = [real_coord_dir / "windr07_SampleData.txt", traps / "utf8_bom_nested.txt"]
    assert import_txt_as_plots(iface, plots_layer, "NEW-1", paths, confirm=YES) == 6
    assert plots_layer.featureCount() == before + 6
    assert plots_layer.undoStack().count() == steps + 1
    added = {f["plot_code"]: f for f in _project_plots(plots_layer, "NEW-1")}
    assert sorted(added) == ["1", "2", "3", "4", "5", "DK002"]
    assert added["DK002"]["class_before"] == "0102"       # copied from 地类编码
    assert added["1"]["class_before"] in (None, "") or added["1"]["class_before"].isNull()
    assert added["DK002"]["grade_system"] == "use_grade_15"  # the layer's default value applies
    # windr07 is in zone 37 (EPSG:4525); the plots layer in zone 39: reprojected, same land
    parcel = read_coord_txt(paths[0]).parcels[3]
    measure = EllipsoidalArea(plots_layer.crs())
    assert measure.area_m2(added["4"].geometry()) == pytest.approx(parcel.ellipsoidal_area_m2, rel=1e-4)
    assert added["4"].geometry().constGet().numGeometries() == 5
    plots_layer.undoStack().undo()
    assert plots_layer.featureCount() == before and not _project_plots(plots_layer, "NEW-1")


def test_import_is_all_or_nothing(iface, plots_layer, real_coord_dir, traps):
    before = plots_layer.featureCount()
    count = import_txt_as_plots(iface, plots_layer, "NEW-2",
                                [real_coord_dir / "windr07_SampleData.txt", traps / "bad_number.txt"], confirm=YES)
    assert count == 0
    assert plots_layer.featureCount() == before and not _project_plots(plots_layer, "NEW-2")
    assert plots_layer.undoStack().count() == 0


def test_import_codes_made_unique_within_the_project(iface, plots_layer, traps):
    path = traps / "gbk_crlf_project_info.txt"
    assert import_txt_as_plots(iface, plots_layer, "NEW-3", [path, path], confirm=YES) == 2
    assert sorted(f["plot_code"] for f in _project_plots(plots_layer, "NEW-3")) == ["DK001", "DK001-2"]


def test_export_project_reads_back(iface, plots_layer, tmp_path):
    plots = _project_plots(plots_layer, PROJECT)
    target = tmp_path / "project.txt"
    written = export_project_txt(iface, plots_layer, PROJECT, str(target))
    assert written == [str(target)]
    result = read_coord_txt(target)
    assert result.encoding == "GB18030" and result.line_ending == "CRLF" and result.epsg == 4527
    assert result.project_info["项目编号"] == PROJECT and result.project_info["项目名称"] == "东湖村土地整治项目"
    assert result.project_info["项目类型"] == "土地整治"  # the code's Chinese name, not the code
    assert len(result.parcels) == len(plots)
    measure = EllipsoidalArea(plots_layer.crs())
    by_code = {p.code: p for p in result.parcels}
    for feature in plots:
        parcel = by_code[feature["plot_code"]]
        assert parcel.class_code == feature["class_after"] and parcel.name == "东湖村土地整治项目"
        assert parcel.area_check.matches and parcel.area_check.unit == "ha"
        assert parcel.ellipsoidal_area_m2 == pytest.approx(measure.area_m2(feature.geometry()), abs=0.5)
        assert parcel.geometry.hausdorff_distance(to_shapely(feature.geometry())) <= 0.001
    assert export_project_txt(iface, plots_layer, "NO-SUCH", str(tmp_path / "none.txt")) == []
    assert not (tmp_path / "none.txt").exists()


def test_export_offers_to_reproject_a_geographic_layer(iface, tmp_path):
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4490&field=project_code:string&field=plot_code:string"
                           "&field=class_after:string", "plots", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("MultiPolygon(((120.0 33.0, 120.002 33.0, 120.002 33.001, "
                                            "120.0 33.001, 120.0 33.0)))"))
    feature.setAttributes(["P1", "A-1", "0103"])
    layer.dataProvider().addFeatures([feature])
    asked = []
    target = tmp_path / "geo.txt"
    assert export_project_txt(iface, layer, "P1", str(target), confirm=lambda q: asked.append(q) or False) == []
    assert not target.exists() and "EPSG:4528" in asked[0]
    assert export_project_txt(iface, layer, "P1", str(target), confirm=lambda q: True) == [str(target)]
    result = read_coord_txt(target)
    assert result.epsg == 4528 and result.zone == 40 and result.parcels[0].code == "A-1"


def _mime(paths):
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return data


def test_drop_recognises_coordinate_files(traps, real_coord_dir, tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("just some notes\n", encoding="utf-8")
    gpkg = tmp_path / "x.gpkg"
    gpkg.write_bytes(b"SQLite format 3\x00")
    paths = [real_coord_dir / "windr07_SampleData.txt", other, gpkg, traps / "gbk_crlf_project_info.txt"]
    assert is_coord_txt_drop(_mime(paths)) == [str(paths[0]), str(paths[3])]
    assert is_coord_txt_drop(_mime([other])) == []
    assert is_coord_txt_drop(QMimeData()) == []


def test_drop_on_the_project_dock_imports(iface, demo_paths, tmp_path, traps):
    from double_guarantee_plugin.gui.docks import project_dock as dock_module
    copy = tmp_path / "projects.gpkg"
    copy_gpkg(demo_paths["projects"], copy)
    dock = dock_module.create_dock(iface)
    try:
        dock.open_database(str(copy))
        dock.select_project(OPEN_PROJECT, zoom=False)
        # the dock's background credit runs read the same GeoPackage; a read racing them can come back
        # short (OGR returns what it could), so the counts are taken with no task running
        assert _wait(lambda: not dock.busy() and _tasks_idle())
        before = len(_project_plots(dock.plots_layer, OPEN_PROJECT))
        mime = _mime([traps / "utf8_bom_nested.txt"])
        event = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        asked = []
        answer_next_message_box("Yes", asked)     # the file lies far from the demo county: the dock asks first
        dock.dropEvent(event)
        assert asked and "far outside the county" in asked[0]
        assert _wait(lambda: not dock.busy() and _tasks_idle())
        after = _project_plots(dock.plots_layer, OPEN_PROJECT)
        assert len(after) == before + 1 and "DK002" in {f["plot_code"] for f in after}
    finally:
        if dock.plots_layer is not None and dock.plots_layer.isEditable():
            dock.plots_layer.rollBack()
        dock.cleanup()
        dispose_widget(dock)
        QgsProject.instance().removeAllMapLayers()


def _tasks_idle():
    from qgis.core import QgsApplication
    return QgsApplication.taskManager().countActiveTasks() == 0


def _wait(condition, seconds=20):
    import time
    from qgis.core import QgsApplication
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    return condition()


def test_background_import_reads_in_a_task(iface, plots_layer, traps):
    from double_guarantee_plugin.gui.dialogs.coord_txt import start_background_import
    counts = []
    before = plots_layer.featureCount()
    start_background_import(iface, plots_layer, "NEW-4", [traps / "utf8_bom_nested.txt",
                                                          traps / "gbk_crlf_project_info.txt"], counts.append)
    assert _wait(lambda: counts) and counts == [2]
    assert plots_layer.featureCount() == before + 2
    # a bad file: the task fails, nothing is added
    start_background_import(iface, plots_layer, "NEW-5", [traps / "zone_conflict.txt"], counts.append)
    assert _wait(lambda: len(counts) == 2) and counts[1] == 0
    assert plots_layer.featureCount() == before + 2


def test_import_warns_of_class_codes_outside_gbt21010(iface, plots_layer, real_coord_dir, tmp_path):
    from qgis.core import QgsApplication
    logged = []
    log = QgsApplication.messageLog()

    def keep(message, tag, level):
        logged.append(message)
    log.messageReceived.connect(keep)
    try:
        # the longjie file carries 地类编码 ''; a copy of windr07 with a made-up class code
        text = (real_coord_dir / "windr07_SampleData.txt").read_text(encoding="utf-8")
        path = tmp_path / "odd_class.txt"
        path.write_text(text.replace("5,109.43,1,,面,,,,@", "5,109.43,1,,面,,,9999,@"), encoding="utf-8")
        assert import_txt_as_plots(iface, plots_layer, "NEW-6", [path], confirm=YES) == 5
    finally:
        log.messageReceived.disconnect(keep)
    assert any("'9999', which is not a GB/T 21010 code" in message for message in logged)
    assert {f["class_before"] for f in _project_plots(plots_layer, "NEW-6") if f["plot_code"] == "1"} == {"9999"}
