# SPDX-License-Identifier: GPL-2.0-or-later
"""The project dock hands work to the other parts: deposit on acceptance, TXT import/export, maps."""
from pathlib import Path

import pytest

from double_guarantee_plugin.core import projects


def test_accepting_a_project_offers_the_deposit(dock, project_db_path, idle, dialog_acceptor):
    # a 2024 project: the national_2017 flow, set to accepted at once (a 2025 one moves by workflow steps)
    from double_guarantee_plugin.core import ledger as ledger_module
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project("DG2024-08")
    idle(dock)
    credit = dock.last_snapshot.project_credit
    assert credit.credit_area_mu > 0
    seen = []
    dialog_acceptor(seen=seen)
    dock.set_status("accepted")
    idle(dock)
    assert seen, "no deposit dialog was shown"
    assert projects.find_project(dock.projects_layer, "DG2024-08")["status"] == "accepted"
    # the acceptance the deposit rests on is saved, not left undoable in the edit buffer
    assert not dock.projects_layer.isModified()
    from qgis.core import QgsVectorLayer
    saved = QgsVectorLayer(f"{project_db_path}|layername=projects", "saved", "ogr")
    assert [f["status"] for f in saved.getFeatures() if f["project_code"] == "DG2024-08"] == ["accepted"]
    ledger = ledger_module.open_ledger(ledger_module.ledger_path_for(str(project_db_path)), create=False)
    try:
        deposits = [e for e in ledger.journal(kind="deposit") if e.project_code == "DG2024-08"]
    finally:
        ledger.close()
    assert len(deposits) == 1


def test_export_map_of_the_selected_project(dock, project_db_path, idle, tmp_path):
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project("DG2023-01")
    idle(dock)
    written = dock.export_map(str(tmp_path / "DG2023-01.pdf"))
    assert written and Path(written).is_file()
    assert Path(written).read_bytes()[:5] == b"%PDF-"


def _ministry_txt(path, x0, y0, side=100.0):
    """One square parcel in the Ministry TXT format, CGCS2000 zone 39 (X northing, Y easting with zone)."""
    corners = [(x0, y0), (x0, y0 + side), (x0 + side, y0 + side), (x0 + side, y0), (x0, y0)]
    lines = ["[属性描述]", "格式版本号=1.01版本", "数据产生单位=示范县自然资源局", "数据产生日期=2025-06-01",
             "坐标系=2000国家大地坐标系", "几度分带=3", "投影类型=高斯克吕格", "计量单位=米", "带号=39",
             "精度=0.001", "转换参数=,,,,,,", "[地块坐标]",
             f"{len(corners)},1.0000,TXT-01,拖放地块,面,,,0404,@"]
    lines += [f"J{i + 1 if i < 4 else 1},1,{x:.3f},{y:.3f}" for i, (x, y) in enumerate(corners)]
    Path(path).write_text("\r\n".join(lines) + "\r\n", encoding="gbk")
    return path


def _txt_target(dock):
    extent = projects.project_extent(dock.plots_layer, "DG2023-01")
    # below the project, in layer coordinates (x = easting with zone, y = northing)
    return extent.yMinimum() - 400.0, extent.xMinimum() + 50.0


def test_import_txt_button_and_drop(dock, project_db_path, idle, tmp_path, dialog_acceptor):
    from qgis.PyQt.QtCore import QMimeData, QPointF, Qt, QUrl
    from qgis.PyQt.QtGui import QDropEvent
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project("DG2023-01")
    idle(dock)
    count = dock.last_snapshot.project_credit.plot_count
    northing, easting = _txt_target(dock)
    first = _ministry_txt(tmp_path / "one.txt", northing, easting)
    dialog_acceptor()          # in case the import asks to confirm
    dock.import_txt([str(first)])
    idle(dock)
    assert dock.last_snapshot.project_credit.plot_count == count + 1

    second = _ministry_txt(tmp_path / "two.txt", northing - 300.0, easting)
    stray = tmp_path / "site_photo.jpg"          # a stray file in the same drop is left alone
    stray.write_bytes(b"\xff\xd8\xff\xe0 not a coordinate file")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(second)), QUrl.fromLocalFile(str(stray))])
    from double_guarantee_plugin.gui.dialogs.coord_txt import is_coord_txt_drop
    assert is_coord_txt_drop(mime)
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    dialog_acceptor()
    dock.dropEvent(event)
    idle(dock)
    assert dock.last_snapshot.project_credit.plot_count == count + 2


def test_atlas_button_opens_the_atlas_over_the_open_database(dock, project_db_path, idle):
    with pytest.raises(projects.ProjectError, match="Open a project database first"):
        dock.open_atlas()
    dock.open_database(str(project_db_path))
    idle(dock)
    dialog = dock.open_atlas()
    try:
        assert dialog.isVisible()
        assert dialog.plots_layer is dock.plots_layer
        assert dialog.projects.count() == 15      # every demo project can be picked
    finally:
        dialog.close()
