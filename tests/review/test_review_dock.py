# SPDX-License-Identifier: GPL-2.0-or-later
"""The review dock and the offline dialogs driven like a reviewer would, on real QGIS widgets."""
import time

import pytest
from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from double_guarantee_plugin.core import offline, review
from double_guarantee_plugin.core.review import ReviewStore
from dg_testutil import dispose_widget

from .conftest import PROJECT_A, cell_centre, open_plots_layer, to_lonlat, write_gpx, write_photo


def wait_for(task, timeout_s=60):
    deadline = time.monotonic() + timeout_s
    while task.status() not in (QgsTask.TaskStatus.Complete, QgsTask.TaskStatus.Terminated):
        QgsApplication.processEvents()
        assert time.monotonic() < deadline, "task did not finish"
        time.sleep(0.01)
    for _ in range(20):   # let finished() run on the main thread
        QgsApplication.processEvents()


def test_step_through_projects_zoomed_and_record_verdicts(review_dock, iface, project_db, tmp_path):
    dock = review_dock
    assert module_order() == 40
    codes = dock.project_codes()
    assert len(codes) == 15 and dock.current_project() == codes[0]
    assert dock.position_label.text() == "1 / 15"
    dock.next_button.click()
    assert dock.current_project() == codes[1]
    dock.shortcut_actions["next"].trigger()
    dock.shortcut_actions["previous"].trigger()
    assert dock.current_project() == codes[1]
    assert dock.shortcut_actions["next"].shortcut().toString() == "Ctrl+Alt+Right"

    # the canvas shows the project: every plot of it inside the visible extent
    dock.project_list.setCurrentRow(codes.index(PROJECT_A))
    plots = open_plots_layer(project_db)
    visible = iface.mapCanvas().extent()
    for feature in plots.getFeatures():
        if feature["project_code"] == PROJECT_A:
            assert visible.contains(feature.geometry().boundingBox())
    del plots

    # verdict by keyboard shortcut, comment and reviewer in the form, saved with Ctrl+Alt+S
    dock.shortcut_actions["returned"].trigger()
    assert dock.selected_verdict() == "returned"
    dock.comment_edit.setPlainText("东侧田坎缺失")
    dock.reviewer_edit.setText("王工")
    dock.shortcut_actions["save"].trigger()
    dock.verdict_buttons["passed"].click()
    dock.comment_edit.setPlainText("整改后复核通过")
    QTest.mouseClick(dock.save_button, Qt.MouseButton.LeftButton)
    assert dock.current_project() == PROJECT_A
    assert dock.history_tree.topLevelItemCount() == 2
    assert dock.history_tree.topLevelItem(0).text(3) == "整改后复核通过"          # newest first
    history = ReviewStore(project_db).history(PROJECT_A)
    assert [(h.verdict, h.comment, h.reviewer) for h in history] == [
        ("returned", "东侧田坎缺失", "王工"), ("passed", "整改后复核通过", "王工")]

    # without a verdict chosen nothing is saved and the user is told
    dock.next_button.click()
    assert dock.save_verdict() is None and "Choose a verdict" in dock.last_message[0]

    # filter: only projects not yet reviewed
    dock.filter_combo.setCurrentIndex(dock.filter_combo.findData("unreviewed"))
    assert PROJECT_A not in dock.project_codes() and len(dock.project_codes()) == 14
    dock.filter_combo.setCurrentIndex(dock.filter_combo.findData("passed"))
    assert dock.project_codes() == [PROJECT_A]


def module_order():
    from double_guarantee_plugin.gui.docks import review_dock
    return review_dock.DOCK_ORDER


def test_photos_show_as_thumbnails_and_points_are_reported(review_dock, project_db, tmp_path):
    dock = review_dock
    dock.project_list.setCurrentRow(dock.project_codes().index(PROJECT_A))
    added = dock.attach_photos([write_photo(tmp_path / "a.jpg"), write_photo(tmp_path / "b.jpg", 300, 600, "#884422")])
    assert len(added) == 2 and dock.photo_list.count() == 2
    icon = dock.photo_list.item(1).icon()
    assert not icon.isNull()
    size = icon.availableSizes()[0]
    assert (size.width(), size.height()) == (80, 160)     # the portrait thumbnail keeps its shape
    shown = []
    dock.photo_opener = shown.append
    opened = dock.open_photo(dock.photo_list.item(0))
    assert open(opened, "rb").read() == (tmp_path / "a.jpg").read_bytes()
    assert [url.toLocalFile() for url in shown] == [opened]

    inside = to_lonlat(*cell_centre(11, 10))
    outside = to_lonlat(cell_centre(13, 10)[0] + 150 + 1000, cell_centre(13, 10)[1])
    gpx = write_gpx(tmp_path / "walk.gpx", [("IN", *inside, "2026-05-02T01:00:00Z"),
                                            ("OUT", *outside, "2026-05-02T01:30:00Z")])
    report = dock.import_points(str(gpx))
    assert [p.inside for p in report.points] == [True, False]
    rows = [[dock.points_tree.topLevelItem(i).text(c) for c in range(4)]
            for i in range(dock.points_tree.topLevelItemCount())]
    assert rows[0][:3] == ["IN", "inside", f"{PROJECT_A}-02"]
    assert rows[1][0:2] == ["OUT", "outside"] and float(rows[1][3]) == pytest.approx(1000.0, abs=0.5)
    assert dock.last_message[1] == "warning" and "1 outside" in dock.last_message[0]
    from qgis.core import QgsProject
    shown = QgsProject.instance().mapLayer(dock.points_layer_id)
    assert shown is not None and shown.crs().authid() == "EPSG:4527"
    assert sorted((f["name"], f["inside"]) for f in shown.getFeatures()) == [("IN", 1), ("OUT", 0)]
    QgsProject.instance().removeMapLayer(dock.points_layer_id)
    del shown
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lon,lat\nx,east,north\n", encoding="utf-8")
    assert dock.import_points(str(bad)) is None and "bad.csv: line 2" in dock.last_message[0]


def test_offline_dialogs_export_merge_and_resolve(review_dock, iface, project_db, demo_paths, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer
    from double_guarantee_plugin.gui.dialogs.offline import BringBackDialog, TakeOfflineDialog
    layers = [QgsVectorLayer(f"{demo_paths['county']}|layername={name}", name, "ogr")
              for name in offline.DEFAULT_CONSTRAINTS]
    QgsProject.instance().addMapLayers(layers)
    try:
        package = tmp_path / "field.gpkg"
        dialog = TakeOfflineDialog(iface, project_db, selected=[PROJECT_A])
        assert dialog.chosen_projects() == [PROJECT_A]
        assert set(dialog.constraint_sources()) == set(offline.DEFAULT_CONSTRAINTS)   # found by name
        dialog.path_edit.setText(str(package))
        task = dialog.start()
        wait_for(task)
        assert dialog.error is None, dialog.error
        assert dialog.result.plot_count == 12 and package.exists()
        assert "12 plots" in dialog.status.text() and dialog.progress.value() == 100

        # field and office edit the same plot differently
        for path, grade in ((package, 3), (project_db, 10)):    # both differ from the demo's 9
            layer = open_plots_layer(path)
            fid = next(f.id() for f in layer.getFeatures() if f["plot_code"] == f"{PROJECT_A}-04")
            layer.startEditing()
            layer.changeAttributeValue(fid, layer.fields().indexOf("grade_after"), grade)
            assert layer.commitChanges()
            del layer
        ReviewStore(package).add_review(PROJECT_A, review.TO_VERIFY, "王工", "现场核查")

        back = BringBackDialog(iface, project_db, str(package))
        back.resolver_edit.setText("张科长")
        wait_for(back.start())
        assert back.error is None, back.error
        assert "1 conflicts" in back.status.text()
        assert back.table.rowCount() == 1 and back.table.item(0, 0).text() == f"{PROJECT_A}-04"
        assert "实施后等别=10" in back.table.item(0, 2).text() and "实施后等别=3" in back.table.item(0, 3).text()
        back.table.selectRow(0)
        assert len(back.rubber_bands) == 2 and back.take_field_button.isEnabled()
        back.take_field_button.click()
        assert back.table.item(0, 4).text() == "took field version" and not back.take_field_button.isEnabled()
        layer = open_plots_layer(project_db)
        assert next(f for f in layer.getFeatures() if f["plot_code"] == f"{PROJECT_A}-04")["grade_after"] == 3
        del layer

        wait_for(back.start())                                      # the same package again
        assert "merged already" in back.status.text()
        back.done(0)
        review_dock.refresh_projects()
        assert ReviewStore(project_db).current(PROJECT_A).comment == "现场核查"
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_the_dock_follows_the_database_of_the_project_dock(iface, project_db, tmp_path):
    from qgis.core import QgsProject
    from double_guarantee_plugin.gui.docks import review_dock as module
    other = tmp_path / "other.gpkg"
    other.write_bytes(project_db.read_bytes())
    project = QgsProject.instance()
    project.writeEntry("DoubleGuarantee", "database_path", str(project_db))
    dock = module.create_dock(iface)
    dock.setParent(None)     # a floating window: pytest-qgis's main window is never shown
    try:
        dock.show()
        assert dock.store is not None and dock.store.path == str(project_db)
        project.writeEntry("DoubleGuarantee", "database_path", str(other))
        dock.hide()
        dock.show()
        assert dock.store.path == str(other)
        project.clear()
        assert dock.store is None and dock.project_list.count() == 0
    finally:
        project.removeEntry("DoubleGuarantee", "/")
        dock.cleanup()
        dispose_widget(dock)
