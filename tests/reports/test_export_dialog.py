# SPDX-License-Identifier: GPL-2.0-or-later
"""The GUI side: the project dock's single-project export and the atlas dialog's cancellable QgsTask."""
import os
import time

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt

from double_guarantee_plugin.gui.dialogs.export_maps import AtlasDialog, AtlasTask, export_project_map

from reports_pdf_helpers import pdf_pages, pdf_text


def _start_and_wait(task, app, timeout=60):
    """Add ``task`` to the task manager and wait for it; returns "complete" or "terminated".
    (The manager deletes the C++ task when done, so the outcome comes from its signals.)"""
    outcome = []
    task.taskCompleted.connect(lambda: outcome.append("complete"))
    task.taskTerminated.connect(lambda: outcome.append("terminated"))
    QgsApplication.taskManager().addTask(task)
    started = time.time()
    while not outcome:
        app.processEvents()
        assert time.time() - started < timeout, "the export task did not finish"
        time.sleep(0.02)
    app.processEvents()
    return outcome[0]


def _messages(iface, level):
    """Messages pushed to pytest-qgis's message bar at ``level``, emptied for the next test."""
    from qgis.core import Qgis
    messages = iface.messageBar().get_messages(getattr(Qgis, level))
    found = list(messages)
    messages.clear()
    return found


def test_export_project_map_to_pdf_and_png(iface, plots_layer, tmp_path):
    path = export_project_map(iface, plots_layer, "DG2024-06", path=str(tmp_path / "sheet.pdf"))
    assert path == str(tmp_path / "sheet.pdf") and os.path.exists(path)
    assert "红线边界开发项目" in pdf_text(path)
    png = export_project_map(iface, plots_layer, "DG2024-06", path=str(tmp_path / "sheet.png"))
    assert png.endswith(".png") and os.path.getsize(png) > 10_000
    assert sorted(os.listdir(tmp_path)) == ["sheet.pdf", "sheet.png"]


def test_export_of_an_empty_project_is_a_message_not_a_file(iface, plots_layer, tmp_path):
    assert export_project_map(iface, plots_layer, "DG0000-00", path=str(tmp_path / "empty.pdf")) is None
    assert not os.listdir(tmp_path)
    warnings = _messages(iface, "Warning")
    assert any("DG0000-00" in m and "nothing to map" in m for m in warnings), warnings


def test_atlas_task_runs_in_the_background_with_progress(qgis_app, plots_layer, red_line_layer, tmp_path):
    task = AtlasTask(plots_layer, ["DG2023-01", "DG2024-06", "DG2024-07"], str(tmp_path), fmt="pdf",
                     per_project=False, combined_pdf="atlas.pdf", red_line=red_line_layer)
    progress = []
    task.progressChanged.connect(progress.append)
    assert _start_and_wait(task, qgis_app) == "complete", task.error
    assert os.listdir(tmp_path) == ["atlas.pdf"]
    assert pdf_pages(tmp_path / "atlas.pdf") == 3
    assert progress and max(progress) == 100.0


def test_canceled_atlas_task_stops_before_writing(qgis_app, plots_layer, tmp_path):
    task = AtlasTask(plots_layer, ["DG2023-01", "DG2024-06"], str(tmp_path))
    task.cancel()
    assert task.run() is False
    assert task.result is not None and task.result.canceled
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".pdf")]


def test_atlas_dialog_builds_the_task_from_its_choices(iface, qgis_app, plots_layer, tmp_path):
    dialog = AtlasDialog(iface, plots_layer)
    assert dialog.projects.count() == 15
    for index in range(dialog.projects.count()):
        item = dialog.projects.item(index)
        item.setCheckState(Qt.CheckState.Checked if item.text() in ("DG2022-03", "DG2025-12") else Qt.CheckState.Unchecked)
    dialog.folder.setText(str(tmp_path))
    dialog.format.setCurrentText("png")
    dialog.template.setCurrentIndex(dialog.template.findData("a4_portrait"))
    dialog.start()   # adds the task to the manager; its signals arrive through the event loop
    assert dialog.task is not None
    outcome = []
    dialog.task.taskCompleted.connect(lambda: outcome.append("complete"))
    dialog.task.taskTerminated.connect(lambda: outcome.append("terminated"))
    started = time.time()
    while not outcome and time.time() - started < 60:
        qgis_app.processEvents()
        time.sleep(0.02)
    assert outcome == ["complete"]
    assert sorted(os.listdir(tmp_path)) == ["DG2022-03_北山工矿废弃地复垦项目.png", "DG2025-12_旱改水提质项目.png"]
    from qgis.PyQt.QtGui import QImage
    image = QImage(str(tmp_path / "DG2025-12_旱改水提质项目.png"))
    assert image.height() > image.width()   # portrait


def test_atlas_dialog_refuses_no_project(iface, plots_layer, tmp_path):
    dialog = AtlasDialog(iface, plots_layer)
    for index in range(dialog.projects.count()):
        dialog.projects.item(index).setCheckState(Qt.CheckState.Unchecked)
    dialog.start()
    assert dialog.task is None
    assert any("at least one project" in m for m in _messages(iface, "Warning"))
