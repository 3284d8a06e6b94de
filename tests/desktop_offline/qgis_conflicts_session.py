# SPDX-License-Identifier: GPL-2.0-or-later
"""Run inside real QGIS (``qgis --code``): the reviewer decides bring-back conflicts in the review dock with
real mouse and keyboard events (xdotool), and what the screen then shows is written to a JSON file.

Environment: DG_DESKTOP_DB (the office database with conflicts), DG_DESKTOP_OUT (a folder for the result
and the screenshots).  Each step runs from the Qt event loop, so QGIS handles the events in between.
"""
import json
import os
import subprocess
import traceback

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

DATABASE, OUT = os.environ["DG_DESKTOP_DB"], os.environ["DG_DESKTOP_OUT"]
result = {"steps": [], "error": None}
state = {}


def xdotool(*args):
    subprocess.run(["xdotool", *[str(a) for a in args]], check=True, timeout=20)


def click(widget, point=None):
    """A real left click at ``point`` of ``widget`` (its centre by default)."""
    where = widget.mapToGlobal(point if point is not None else widget.rect().center())
    xdotool("mousemove", "--sync", where.x(), where.y())
    xdotool("click", "1")


def shot(name):
    path = os.path.join(OUT, name)
    QgsApplication.primaryScreen().grabWindow(0).save(path)
    result.setdefault("screenshots", []).append(path)


def open_dock():
    window = iface.mainWindow()
    window.setGeometry(QgsApplication.primaryScreen().availableGeometry())   # Xvfb has no window manager
    plugin = plugins["double_guarantee_plugin"]
    dock = next(d for d in plugin.docks if d.objectName() == "DoubleGuaranteeReviewDock")
    state["dock"] = dock
    # the plugin's docks stack in one column taller than 768 px; the reviewer floats the review dock over
    # the right half of the screen (fitting the docks to the window is the project dock's issue)
    screen = QgsApplication.primaryScreen().availableGeometry()
    dock.setFloating(True)
    dock.setGeometry(screen.width() // 2, 0, screen.width() // 2, screen.height())
    dock.follows_project_dock = False
    dock.show()
    dock.raise_()
    dock.open_database(DATABASE)
    result["dock_title"] = dock.windowTitle()
    result["tab_texts"] = [dock.tabs.tabText(i) for i in range(dock.tabs.count())]
    result["steps"].append("dock open")


def click_conflicts_tab():
    dock = state["dock"]
    bar = dock.tabs.tabBar()
    centre = bar.mapToGlobal(bar.tabRect(dock.conflicts_tab).center())
    result["tab_click_at"] = [centre.x(), centre.y(), bar.isVisible(), dock.isFloating(), dock.visibleRegion().isEmpty()]
    click(bar, bar.tabRect(dock.conflicts_tab).center())
    result["steps"].append("clicked the conflicts tab")


def pick_project_row():
    dock = state["dock"]
    panel = dock.conflict_panel
    result["current_tab"] = dock.tabs.tabText(dock.tabs.currentIndex())
    result["rows_before"] = [[panel.table.item(r, c).text() for c in range(5)] for r in range(panel.table.rowCount())]
    row = next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text().endswith("项目名称"))
    state["row"] = row
    item = panel.table.item(row, 0)
    click(panel.table.viewport(), panel.table.visualItemRect(item).center())
    result["steps"].append("clicked the project_name row")


def type_name():
    panel = state["dock"].conflict_panel
    click(panel.resolver_edit)
    xdotool("key", "ctrl+a")
    xdotool("type", "--delay", "30", "zhangkz")
    result["steps"].append("typed the name")


def scroll_to_the_buttons():
    """The dock's contents scroll (the docks fit a laptop screen): the reviewer turns the mouse wheel over the
    dock, here over the name field (which passes the wheel on), until the buttons below the table are in view."""
    panel = state["dock"].conflict_panel
    where = panel.resolver_edit.mapToGlobal(panel.resolver_edit.rect().center())
    xdotool("mousemove", "--sync", where.x(), where.y())
    xdotool("click", "--repeat", "15", "--delay", "20", "5")
    result["steps"].append("scrolled the dock down")


def take_field_version():
    panel = state["dock"].conflict_panel
    result["selected_before_click"] = panel.selected()[1].field if panel.selected() else None
    result["take_field_enabled"] = panel.take_field_button.isEnabled()
    result["take_field_text"] = panel.take_field_button.text()
    click(panel.take_field_button)
    result["steps"].append("clicked take the field version")


def read_screen():
    dock = state["dock"]
    panel = dock.conflict_panel
    result["resolver"] = panel.resolver_edit.text()
    result["last_message"] = panel.last_message
    result["rows_after"] = [[panel.table.item(r, c).text() for c in range(5)] for r in range(panel.table.rowCount())]
    result["tab_after"] = dock.tabs.tabText(dock.conflicts_tab)
    result["dock_geometry"] = [dock.width(), dock.height()]
    result["screen"] = [QgsApplication.primaryScreen().size().width(), QgsApplication.primaryScreen().size().height()]
    shot("conflicts_tab_zh.png")


STEPS = [open_dock, click_conflicts_tab, pick_project_row, type_name, scroll_to_the_buttons, take_field_version,
         read_screen]


def run(index=0):
    try:
        STEPS[index]()
    except Exception:  # noqa: BLE001 - reported to the test through the result file
        result["error"] = traceback.format_exc()
        index = len(STEPS) - 1
    if index + 1 < len(STEPS) and result["error"] is None:
        QTimer.singleShot(700, lambda: run(index + 1))
        return
    with open(os.path.join(OUT, "result.json"), "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)
    os._exit(0)   # the test reads the result; QGIS's own shutdown is not what is tested here


QTimer.singleShot(3000, run)
