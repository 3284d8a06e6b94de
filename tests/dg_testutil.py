# SPDX-License-Identifier: GPL-2.0-or-later
"""Small helpers shared by tests (a uniquely named module: tests never import from ``conftest``)."""
import sqlite3

import pytest


def dispose_widget(widget):
    """Take a dock or dialog out of the main window and delete it now.

    ``deleteLater()`` alone never runs in a test: there is no event loop, and Qt sends a deferred
    delete posted outside one only when asked for that event type. A dock left behind stays a child
    of pytest-qgis's main window, where later tests (load/unload twice) find it.
    """
    from qgis.PyQt import sip
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    from qgis.PyQt.QtWidgets import QDockWidget, QMainWindow
    if widget is None or sip.isdeleted(widget):
        return
    parent = widget.parentWidget()
    if isinstance(widget, QDockWidget) and isinstance(parent, QMainWindow):
        parent.removeDockWidget(widget)
    widget.setParent(None)
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def copy_gpkg(source, target):
    """Copy a GeoPackage through SQLite's backup API: a consistent snapshot even while QGIS holds the
    file open in WAL mode, where a plain file copy can miss pages still in the ``-wal`` file."""
    with sqlite3.connect(str(source)) as src, sqlite3.connect(str(target)) as dst:
        src.backup(dst)
    with sqlite3.connect(str(target)) as dst:
        dst.execute("PRAGMA journal_mode=DELETE")
    return target


def processing_figures(layer, code, profile_id="national_2017"):
    """The PROJECT_OUTPUT row of doubleguarantee:computecredits for ``code`` on ``layer`` (edit buffer included)."""
    from qgis import processing
    from qgis.core import QgsProcessing, QgsProcessingContext, QgsProcessingFeedback
    context = QgsProcessingContext()
    result = processing.run("doubleguarantee:computecredits",
                            {"INPUT": layer, "RULE_PROFILE": profile_id, "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
                             "PROJECT_OUTPUT": QgsProcessing.TEMPORARY_OUTPUT}, context=context,
                            feedback=QgsProcessingFeedback())
    table = result["PROJECT_OUTPUT"]
    if isinstance(table, str):
        table = context.takeResultLayer(table)
    rows = [f for f in table.getFeatures() if f["project_code"] == code]
    assert len(rows) == 1, f"computecredits gave no single row for {code}"
    return {name: rows[0][name] for name in rows[0].fields().names()}


def assert_panel_matches_processing(dock, code):
    credit = dock.last_snapshot.project_credit
    expected = processing_figures(dock.plots_layer, code, dock.profile.id)
    assert credit.plot_count == expected["plot_count"]
    assert credit.area_mu == pytest.approx(expected["area_mu"], rel=1e-9)
    assert credit.credit_area_mu == pytest.approx(expected["credit_area_mu"], rel=1e-9, abs=1e-9)
    assert credit.credit_capacity_kg == pytest.approx(expected["credit_capacity_kg"], rel=1e-9, abs=1e-6)
    assert credit.credit_paddy_mu == pytest.approx(expected["credit_paddy_mu"], rel=1e-9, abs=1e-9)
    # and what the panel shows is those figures, rounded for display
    assert f"{expected['credit_area_mu']:,.2f}" in dock.panel.values["credit_area"].text()
    assert f"{expected['area_mu']:,.2f}" in dock.panel.values["area"].text()
    return expected


def answer_next_message_box(button_name="Yes", seen=None, timeout_ms=10000):
    """Click ``button_name`` (a QMessageBox.StandardButton name) of the next modal message box, as a
    user would; ``seen`` (a list) receives its text.  Call before the action that opens it."""
    import time
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QMessageBox
    started = time.monotonic()

    def poll():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            if seen is not None:
                seen.append(box.text())
            box.button(getattr(QMessageBox.StandardButton, button_name)).click()
        elif (time.monotonic() - started) * 1000 < timeout_ms:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(20, poll)
