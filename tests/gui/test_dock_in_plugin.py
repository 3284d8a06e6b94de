# SPDX-License-Identifier: GPL-2.0-or-later
"""The plugin creates the project dock; after unload the dock reacts to nothing any more."""
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtWidgets import QDockWidget

import double_guarantee_plugin
from double_guarantee_plugin.gui.dialogs.project_db import DOCK_OBJECT_NAME, project_dock


def test_plugin_dock_opens_database_and_unloads_cleanly(iface, qgis_new_project, project_db_path, idle,
                                                        tmp_path):
    registry = QgsApplication.processingRegistry()
    had_provider = registry.providerById("doubleguarantee") is not None
    plugin = double_guarantee_plugin.classFactory(iface)
    plugin.initGui()
    try:
        dock = project_dock(iface)
        assert dock is not None and dock in plugin.docks
        assert dock.objectName() == DOCK_OBJECT_NAME
        dock.open_database(str(project_db_path))
        dock.select_project("DG2023-01")
        idle(dock)
        assert dock.last_snapshot.project_credit.plot_count > 0
        assert QgsProject.instance().write(str(tmp_path / "with_dock.qgz"))
    finally:
        if had_provider:
            plugin.provider = None   # keep the session's provider registered for the other tests
        plugin.unload()
        QgsApplication.sendPostedEvents(None, 0)
    assert [d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == DOCK_OBJECT_NAME] == []
    # the unloaded dock must not answer the project's signals any more
    QgsProject.instance().clear()
    assert QgsProject.instance().read(str(tmp_path / "with_dock.qgz"))
    QgsApplication.processEvents()
    QgsProject.instance().clear()
