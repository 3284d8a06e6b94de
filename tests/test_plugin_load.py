# SPDX-License-Identifier: GPL-2.0-or-later
"""classFactory, initGui and unload: loading and unloading twice leaves nothing behind."""
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QDockWidget, QToolBar

import double_guarantee_plugin
from double_guarantee_plugin.plugin import MENU_NAME
from double_guarantee_plugin.processing.provider import PROVIDER_ID

_KEEP = []


def _state(iface):
    window = iface.mainWindow()
    return {
        "provider": QgsApplication.processingRegistry().providerById(PROVIDER_ID) is not None,
        "menu": MENU_NAME in iface.plugin_menus,
        "toolbars": len([t for t in window.findChildren(QToolBar) if t.objectName() == "DoubleGuaranteeToolbar"]),
        "docks": len([d for d in window.findChildren(QDockWidget) if d.objectName().startswith("DoubleGuarantee")]),
    }


def test_load_and_unload_twice(iface, qgis_processing):
    registry = QgsApplication.processingRegistry()
    session_provider = registry.providerById(PROVIDER_ID)   # the processing_ready fixture's, if any
    if session_provider is not None:
        registry.removeProvider(session_provider)
    try:
        _load_and_unload_twice(iface)
    finally:
        if session_provider is not None:
            from double_guarantee_plugin.processing.provider import DoubleGuaranteeProvider
            _KEEP.append(DoubleGuaranteeProvider())   # the registry does not own Python objects
            registry.addProvider(_KEEP[-1])


def _load_and_unload_twice(iface):  # noqa: N803
    before = _state(iface)
    left = [(d.objectName(), d.windowTitle()) for d in iface.mainWindow().findChildren(QDockWidget)
            if d.objectName().startswith("DoubleGuarantee")]
    assert before == {"provider": False, "menu": False, "toolbars": 0, "docks": 0}, left
    for _round in range(2):
        plugin = double_guarantee_plugin.classFactory(iface)
        plugin.initGui()
        loaded = _state(iface)
        assert loaded["provider"] and loaded["menu"] and loaded["toolbars"] == 1
        assert loaded["docks"] == len(plugin.docks)
        algorithms = {a.id() for a in QgsApplication.processingRegistry().providerById(PROVIDER_ID).algorithms()}
        assert "doubleguarantee:computecredits" in algorithms
        assert len(iface.plugin_menus[MENU_NAME].actions()) == len(plugin.actions)
        plugin.unload()
        # run the docks' deleteLater() now: in a test there is no event loop to do it
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert _state(iface) == before
