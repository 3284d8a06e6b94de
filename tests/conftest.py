# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared fixtures: the QGIS application from pytest-qgis, a fuller iface, and test paths.

pytest-qgis 2.1.0's stub iface only pretends to add docks and menu entries; the methods below
give it real ones on its real main window so that load/unload leaves something to check.
"""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
# QGIS's own Python plugins (``import processing``) live here on Debian
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"
if os.path.isdir(QGIS_PLUGINS) and QGIS_PLUGINS not in sys.path:
    sys.path.append(QGIS_PLUGINS)

# Property tests run the same examples in every run (derandomize) and keep no example database between
# runs: a suite that passes must pass again; a new example is a change of the test, not a roll of the dice
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("double_guarantee", derandomize=True, database=None)
_hypothesis_settings.load_profile("double_guarantee")

SHARED = ROOT.parent / "shared"
REAL_DATA = SHARED / "data" / "real"
TEST_DATA = Path(__file__).resolve().parent / "data"
SESSION_PROVIDER = None


def _complete_iface(iface):
    """Give pytest-qgis's stub iface the real methods the plugin calls."""
    if getattr(iface, "_dg_completed", False):
        return iface
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QMenu

    main_window = iface.mainWindow()
    menus = {}

    def add_plugin_to_menu(name, action):
        menu = menus.get(name)
        if menu is None:
            menu = QMenu(name, main_window)
            menu.setObjectName(f"pluginMenu_{name}")
            main_window.menuBar().addMenu(menu)
            menus[name] = menu
        menu.addAction(action)

    def remove_plugin_menu(name, action):
        menu = menus.get(name)
        if menu is None:
            return
        menu.removeAction(action)
        if not menu.actions():
            main_window.menuBar().removeAction(menu.menuAction())
            menu.deleteLater()
            del menus[name]

    def add_dock_widget(area, dock):
        main_window.addDockWidget(area if area is not None else Qt.DockWidgetArea.RightDockWidgetArea, dock)

    def add_tool_bar(name):
        from qgis.PyQt.QtWidgets import QToolBar
        toolbar = QToolBar(name, main_window)
        main_window.addToolBar(toolbar)
        return toolbar

    iface.addPluginToMenu = add_plugin_to_menu
    iface.removePluginMenu = remove_plugin_menu
    iface.addDockWidget = add_dock_widget
    iface.removeDockWidget = main_window.removeDockWidget
    iface.addToolBar = add_tool_bar
    iface.plugin_menus = menus
    iface._dg_completed = True
    return iface


@pytest.fixture(scope="session", autouse=True)
def layers_die_before_qgis(qgis_app):
    """Delete the layers Python still holds at the end of the session while QGIS is still up.

    pytest-qgis calls exitQgis() at the end of the session; a layer kept by a module or a cache was
    otherwise deleted by Python's garbage collector after that, when its provider was gone, and the
    run ended in a segmentation fault after its last test.
    """
    yield
    import gc
    from qgis.core import QgsMapLayer, QgsProject
    from qgis.PyQt import sip
    QgsProject.instance().removeAllMapLayers()
    gc.collect()
    for leftover in [obj for obj in gc.get_objects() if isinstance(obj, QgsMapLayer)]:
        if not sip.isdeleted(leftover) and sip.ispyowned(leftover):
            sip.delete(leftover)


@pytest.fixture(scope="session")
def iface(qgis_iface):
    """pytest-qgis's iface with real menus, docks and toolbars on its main window."""
    return _complete_iface(qgis_iface)


@pytest.fixture(scope="session")
def processing_ready(qgis_processing):
    """Processing initialised and the plugin's provider registered once for the session."""
    from qgis.core import QgsApplication
    from double_guarantee_plugin.processing.provider import DoubleGuaranteeProvider, PROVIDER_ID
    global SESSION_PROVIDER
    registry = QgsApplication.processingRegistry()
    if registry.providerById(PROVIDER_ID) is None:
        SESSION_PROVIDER = DoubleGuaranteeProvider()   # keep a reference: the registry does not own it
        registry.addProvider(SESSION_PROVIDER)
    return registry.providerById(PROVIDER_ID)


@pytest.fixture(scope="session")
def shared_data():
    if not REAL_DATA.is_dir():
        pytest.fail(f"shared data folder not found at {REAL_DATA}: clone with ../shared beside the repo")
    return REAL_DATA


@pytest.fixture(scope="session")
def demo_paths(qgis_app):
    """The generated demo county and project database (generated once, cached in demo_data/)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import generate_demo
    return generate_demo.ensure_demo_data(ROOT / "demo_data")
