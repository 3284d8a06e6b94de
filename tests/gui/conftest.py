# SPDX-License-Identifier: GPL-2.0-or-later
"""Fixtures of the project-dock tests: a copy of the demo project database and a live dock.

The dock runs on pytest-qgis's real canvas and main window; credit tasks really run in QGIS's
task manager, so ``wait_idle`` spins the event loop until the dock has no pending work.
"""
import time

import pytest
from dg_testutil import copy_gpkg, dispose_widget  # noqa: E402


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
    copy_gpkg(source, target)
    # the demo accepted DG2023-01, and an accepted project refuses edits (core.acceptance); the tests
    # that draw, split and import into it work on a copy where it is still under way
    import sqlite3
    with sqlite3.connect(target) as connection:
        connection.execute("UPDATE projects SET status = 'under_way' WHERE project_code = 'DG2023-01'")
    return target


def _tolerant_message_bar(iface):
    """pytest-qgis's MockMessageBar insists on ``duration``; QGIS's own bar does not."""
    from qgis.core import Qgis
    bar = iface.messageBar()
    if getattr(bar, "_dg_tolerant", False):
        return
    strict = bar.pushMessage

    def push_message(title, text, level=Qgis.MessageLevel.Info, duration=-1, **kwargs):
        return strict(title, text, kwargs.get("level", level), kwargs.get("duration", duration))

    bar.pushMessage = push_message
    bar._dg_tolerant = True


def _make_dock(iface):
    from qgis.core import QgsApplication
    _tolerant_message_bar(iface)
    from qgis.PyQt.QtCore import Qt
    from double_guarantee_plugin.gui.docks.project_dock import create_dock
    widget = create_dock(iface)
    iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, widget)
    widget.show()
    # a hidden canvas keeps a tiny output size: show it so clicks map to real coordinates
    iface.mainWindow().show()
    canvas = iface.mapCanvas()
    canvas.show()
    canvas.resize(800, 600)
    QgsApplication.processEvents()
    assert canvas.mapSettings().outputSize().width() > 700
    return widget


def _remove_dock(iface, widget):
    from qgis.core import QgsProject
    try:
        wait_idle(widget, 30)
    finally:
        widget.cleanup()
        dispose_widget(widget)
        QgsProject.instance().removeAllMapLayers()
        QgsProject.instance().clear()


@pytest.fixture()
def dock(iface, qgis_new_project):
    """A fresh project dock on pytest-qgis's main window; layers are removed afterwards."""
    widget = _make_dock(iface)
    yield widget
    _remove_dock(iface, widget)


@pytest.fixture()
def zh_cn_locale(qgis_app):
    """QGIS's locale set to zh_CN and the plugin's translation loaded (compiled from the .ts if stale)."""
    import subprocess
    from pathlib import Path
    from qgis.PyQt.QtCore import QSettings
    from double_guarantee_plugin import i18n
    from double_guarantee_plugin.core.paths import i18n_dir
    ts = Path(i18n_dir()) / "double_guarantee_zh_CN.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        # what `make transcompile` does; the .qm is a build product (git-ignored)
        subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
    settings = QSettings()
    old = (settings.value("locale/userLocale"), settings.value("locale/overrideFlag"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    loaded = i18n.setup_translation()
    assert loaded and loaded.endswith("double_guarantee_zh_CN.qm"), loaded
    yield loaded
    i18n.remove_translation()
    for key, value in zip(("locale/userLocale", "locale/overrideFlag"), old):
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


@pytest.fixture()
def dock_zh(iface, qgis_new_project, zh_cn_locale):
    """A project dock created while QGIS's locale is zh_CN."""
    widget = _make_dock(iface)
    yield widget
    _remove_dock(iface, widget)


@pytest.fixture()
def idle():
    """``idle(dock)``: wait until the dock has no pending credit work."""
    return wait_idle


def _map_event(canvas, tool, x, y, button, kind):
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent
    point = canvas.getCoordinateTransform().transform(QgsPointXY(x, y)).toQPointF().toPoint()
    event = QgsMapMouseEvent(canvas, kind, point, button)
    if kind == QEvent.Type.MouseButtonPress:
        tool.canvasPressEvent(event)
    elif kind == QEvent.Type.MouseButtonRelease:
        tool.canvasReleaseEvent(event)
    else:
        tool.canvasMoveEvent(event)


def click(canvas, x, y, right=False):
    """Click the active map tool at map coordinates (x, y), as a user would (move, press, release)."""
    from qgis.PyQt.QtCore import QEvent, Qt
    tool = canvas.mapTool()
    button = Qt.MouseButton.RightButton if right else Qt.MouseButton.LeftButton
    _map_event(canvas, tool, x, y, Qt.MouseButton.NoButton, QEvent.Type.MouseMove)
    _map_event(canvas, tool, x, y, button, QEvent.Type.MouseButtonPress)
    _map_event(canvas, tool, x, y, button, QEvent.Type.MouseButtonRelease)


def draw(canvas, points, close=True):
    """Click every point with the left button, then finish with a right click."""
    for x, y in points:
        click(canvas, x, y)
    last = points[-1]
    click(canvas, last[0], last[1], right=True)


@pytest.fixture()
def map_clicks():
    return type("MapClicks", (), {"click": staticmethod(click), "draw": staticmethod(draw)})


_PENDING = {"generation": 0}   # bumped at each test's end: stale dialog helpers stop retrying


def fill_attribute_form(values, seen=None, delay_ms=50):
    """Arrange for the next modal attribute dialog to get ``values`` and be accepted (the user's part).

    ``seen`` (a dict) receives the values the form showed before filling, to check prefilling.
    """
    from qgis.gui import QgsAttributeDialog
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication

    generation = _PENDING["generation"]

    def fill(attempt=0):
        if generation != _PENDING["generation"]:
            return
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QgsAttributeDialog):
            if attempt < 100:
                QTimer.singleShot(delay_ms, lambda: fill(attempt + 1))
            return
        form = dialog.attributeForm()
        if seen is not None:
            feature = form.currentFormFeature()
            seen.update({name: feature[name] for name in feature.fields().names()})
        for name, value in values.items():
            form.changeAttribute(name, value)
        dialog.accept()

    QTimer.singleShot(delay_ms, fill)


@pytest.fixture()
def form_filler():
    """``form_filler(values, seen)``: the next attribute dialog gets ``values`` and is accepted."""
    yield fill_attribute_form
    _PENDING["generation"] += 1


def accept_next_dialog(kind=None, delay_ms=50, seen=None):
    """Accept the next modal dialog (of class ``kind`` when given): the user's OK click."""
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication

    generation = _PENDING["generation"]

    def accept(attempt=0):
        if generation != _PENDING["generation"]:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or (kind is not None and not isinstance(dialog, kind)):
            if attempt < 100:
                QTimer.singleShot(delay_ms, lambda: accept(attempt + 1))
            return
        if seen is not None:
            seen.append(dialog.windowTitle())
        dialog.accept()

    QTimer.singleShot(delay_ms, accept)


@pytest.fixture()
def dialog_acceptor():
    yield accept_next_dialog
    _PENDING["generation"] += 1
