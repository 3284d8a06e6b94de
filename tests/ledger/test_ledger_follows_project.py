# SPDX-License-Identifier: GPL-2.0-or-later
"""The ledger dock follows the QGIS project's project database: it opens the ledger beside it (or offers to
create it) at the county of its projects, and 打开 opens an existing file instead of naming a new one."""
import os
import sqlite3

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QFileDialog

from dg_testutil import copy_gpkg


@pytest.fixture
def database(demo_paths, tmp_path):
    path = tmp_path / "county_projects.gpkg"
    copy_gpkg(demo_paths["projects"], path)
    return str(path)


@pytest.fixture
def ledger_dock(iface, qgis_new_project):
    from qgis.PyQt.QtCore import Qt
    from double_guarantee_plugin.gui.docks.ledger_dock import create_dock
    dock = create_dock(iface)
    iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    yield dock
    dock.cleanup()
    iface.removeDockWidget(dock)
    dock.setParent(None)
    QgsProject.instance().clear()


def _projects_county(path):
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT county_code FROM projects GROUP BY county_code "
                                  "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]


def test_offers_to_create_the_ledger_beside_the_database_then_opens_it_at_its_county(ledger_dock, database, iface):
    from qgis.core import QgsApplication
    ledger_path = database[:-5] + "_ledger.gpkg"
    iface.mainWindow().show()
    ledger_dock.show()
    QgsProject.instance().writeEntry("DoubleGuarantee", "database_path", database)   # what the project dock writes
    QgsApplication.processEvents()
    assert ledger_dock.ledger is None and not os.path.exists(ledger_path)      # nothing created unasked
    assert ledger_dock.create_beside_button.isVisible()
    assert ledger_path in ledger_dock.offer_label.text()
    ledger_dock.create_beside_button.click()
    assert os.path.exists(ledger_path) and ledger_dock.ledger is not None
    assert ledger_dock.ledger.path == ledger_path
    assert ledger_dock.county_code() == _projects_county(database) == "320999"
    assert not ledger_dock.create_beside_button.isVisible()


def test_an_existing_ledger_beside_the_database_is_opened_when_the_dock_shows(ledger_dock, database, iface):
    from double_guarantee_plugin.core.ledger import open_ledger
    ledger_path = database[:-5] + "_ledger.gpkg"
    open_ledger(ledger_path).close()
    QgsProject.instance().writeEntry("DoubleGuarantee", "database_path", database)
    ledger_dock.hide()
    assert ledger_dock.ledger is None
    iface.mainWindow().show()
    ledger_dock.show()
    assert ledger_dock.ledger is not None and ledger_dock.ledger.path == ledger_path
    assert ledger_dock.county_code() == "320999"


def test_open_uses_an_open_dialog(ledger_dock, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (asked.append("open"), ("", ""))[1]))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (asked.append("save"), ("", ""))[1]))
    assert ledger_dock.browse() is False
    assert asked == ["open"]
    missing = tmp_path / "nothing_here.gpkg"
    assert ledger_dock.browse(str(missing)) is False and not missing.exists()   # opening never creates
    assert ledger_dock.create_file(str(tmp_path / "new_ledger")) is True
    assert (tmp_path / "new_ledger.gpkg").exists() and not ledger_dock.follows_project


def test_an_offered_ledger_created_elsewhere_is_opened_when_the_dock_shows_again(ledger_dock, database, iface):
    """The offer stood while there was no ledger; an acceptance in the project dock then created it beside the
    database: the dock opens it the next time it is shown, instead of offering a file that exists."""
    from qgis.core import QgsApplication
    from double_guarantee_plugin.core.ledger import open_ledger
    ledger_path = database[:-5] + "_ledger.gpkg"
    iface.mainWindow().show()
    ledger_dock.show()
    QgsProject.instance().writeEntry("DoubleGuarantee", "database_path", database)
    QgsApplication.processEvents()
    assert ledger_dock.create_beside_button.isVisible() and ledger_dock.ledger is None
    ledger_dock.hide()
    open_ledger(ledger_path).close()                   # what the acceptance's deposit does
    ledger_dock.show()
    assert ledger_dock.ledger is not None and ledger_dock.ledger.path == ledger_path
    assert not ledger_dock.create_beside_button.isVisible() and ledger_dock.county_code() == "320999"
