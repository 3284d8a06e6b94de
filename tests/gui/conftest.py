"""Fixtures of the project-dock tests: a copy of the demo project database and a live dock.

The dock runs on pytest-qgis's real canvas and main window; credit tasks really run in QGIS's
task manager, so ``wait_idle`` spins the event loop until the dock has no pending work.
"""
import shutil
import time

import pytest


def wait_idle(dock, timeout=20.0):
    """Process events until the dock's debounce timer and credit tasks are done; returns seconds waited."""
    from qgis.core import QgsApplication
    started = time.perf_counter()
    while True:
        QgsApplication.processEvents()
        if not dock.busy():
            QgsApplication.processEvents()
            if not dock.busy():
                return time.perf_counter() - started
        if time.perf_counter() - started > timeout:
            raise AssertionError(f"the dock was still busy after {timeout} s")
        time.sleep(0.005)


@pytest.fixture()
def project_db_path(demo_paths, tmp_path):
    """A private copy of the demo project database (tests edit and save it)."""
    source = demo_paths["projects"]
    target = tmp_path / "projects.gpkg"
    shutil.copy(source, target)
    return target


@pytest.fixture()
def dock(iface, qgis_new_project):
    """A fresh project dock on pytest-qgis's main window; layers are removed afterwards."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import Qt
    from double_guarantee_plugin.gui.docks.project_dock import create_dock
    widget = create_dock(iface)
    iface.addDockWidget(Qt.RightDockWidgetArea, widget)
    widget.show()
    yield widget
    try:
        wait_idle(widget, 30)
    finally:
        widget.cleanup()
        iface.removeDockWidget(widget)
        widget.setParent(None)
        widget.deleteLater()
        QgsProject.instance().removeAllMapLayers()
        QgsProject.instance().clear()


@pytest.fixture()
def idle():
    """``idle(dock)``: wait until the dock has no pending credit work."""
    return wait_idle
