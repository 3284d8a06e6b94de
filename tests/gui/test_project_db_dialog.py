# SPDX-License-Identifier: GPL-2.0-or-later
"""New / open project database from the plugin's actions: CGCS2000 only, opened in the dock."""
import pytest
from qgis.core import QgsCoordinateReferenceSystem

from double_guarantee_plugin.core.project_db import ProjectDatabaseError, is_cgcs2000_crs
from double_guarantee_plugin.gui.dialogs import project_db as dialogs


def test_crs_picker_offers_only_cgcs2000(qgis_app):
    dialog = dialogs.NewDatabaseDialog(None, QgsCoordinateReferenceSystem("EPSG:4527"), "/tmp/x.gpkg")
    authids = [dialog.crs_combo.itemData(i) for i in range(dialog.crs_combo.count())]
    assert "EPSG:4490" in authids and "EPSG:4527" in authids and "EPSG:4554" in authids
    assert "EPSG:4326" not in authids and "EPSG:2364" not in authids      # WGS 84, Xian 1980
    assert all(is_cgcs2000_crs(QgsCoordinateReferenceSystem(a)) for a in authids)
    assert dialog.crs().authid() == "EPSG:4527"      # the canvas CRS is preselected
    dialog.path_edit.setText("/tmp/new_db")
    assert dialog.path() == "/tmp/new_db.gpkg"


def test_create_database_opens_it_in_the_dock(dock, iface, tmp_path, idle):
    path = tmp_path / "新项目库.gpkg"
    with pytest.raises(ProjectDatabaseError):
        dialogs.create_database(iface, str(path), QgsCoordinateReferenceSystem("EPSG:4326"))
    assert not path.exists()
    dialogs.create_database(iface, str(path), QgsCoordinateReferenceSystem("EPSG:4527"))
    idle(dock)
    assert path.is_file()
    assert dock.database_path == str(path)
    assert dock.plots_layer.crs().authid() == "EPSG:4527"
    assert dock.project_codes() == []
    dock.new_project({"project_code": "XM001", "project_name": "第一个项目", "county_code": "320999"})
    assert dock.project_codes() == ["XM001"]
    dock.refresh_all_projects()
    idle(dock)
    assert dock.project_table.item(0, 4).text() == "0.00"      # no plots yet: zero, not "still computing"
    # opening a file that is not a project database names the file
    other = tmp_path / "not_a_db.gpkg"
    other.write_bytes(b"not sqlite")
    with pytest.raises(Exception) as caught:
        dialogs.open_database(iface, str(other))
    assert "not_a_db.gpkg" in str(caught.value)
    assert dock.database_path == str(path)       # the open database stays open
