"""The desktop scenario: what a technician does with the plugin in QGIS, as steps with checks of the screen.

Each step is a generator: it acts through ``user`` (input events only) and yields ``user.Wait`` for
what the user would wait for.  The checks are on what a user sees: widgets inside the screen and not
covered, their texts (Chinese in the zh locales), enabled states and the numbers shown.
"""
import os

from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins

import user
from user import Wait, check

CHINESE = os.environ.get("DG_DESKTOP_LOCALE", "").lower().startswith("zh")
PROJECT_DOCK = "DoubleGuaranteeProjectDock"


def text(chinese, english):
    return chinese if CHINESE else english


def has_cjk(value):
    return any("\u4e00" <= ch <= "\u9fff" for ch in str(value))


class Scenario:
    def __init__(self, run):
        self.run = run
        self.facts = {}
        self.window = iface.mainWindow()
        self.canvas = iface.mapCanvas()

    def expected_critical(self, message, tag):
        return False

    def steps(self):
        return [("start", self.start), ("search", self.search)]

    # -- helpers ---------------------------------------------------------------------------------
    def dock(self, name=PROJECT_DOCK):
        return self.window.findChild(QDockWidget, name)

    def shot(self, name):
        return self.run.eyes.shot(name)

    # -- steps -----------------------------------------------------------------------------------
    def start(self):
        yield Wait(lambda: "double_guarantee_plugin" in plugins and self.dock() is not None, "the plugin loaded", 60)
        dock = self.dock()
        yield Wait(lambda: dock.database.is_open() and len(dock.project_codes()) == 14,
                   "the demo project's database open in the project dock", 60)
        yield Wait(lambda: not dock.busy() and all(dock.project_table.item(row, 4).text() != "…"
                                                  for row in range(dock.project_table.rowCount())),
                   "every project's figures in the list", 60)
        screen = user.screen_rect()
        frame = self.window.frameGeometry()
        self.facts["window"] = frame.getRect()
        check(screen.contains(frame), f"QGIS's window {frame.getRect()} does not fit the screen {screen.getRect()}")
        user.require_on_screen(dock, "the project dock")
        user.require_on_screen(dock.project_table, "the project list")
        user.require_on_screen(dock.tool_buttons["draw"], "the draw button")
        user.require_on_screen(dock.headline, "the headline credit figures")
        check(dock.windowTitle() == text("双保 项目", "Double Guarantee projects"), f"dock title {dock.windowTitle()!r}")
        check(dock.tool_buttons["draw"].text() == text("绘制", "Draw"), f"draw button {dock.tool_buttons['draw'].text()!r}")
        self.facts["dock"] = user.global_rect(dock).getRect()
        self.facts["canvas"] = user.global_rect(self.canvas).getRect()

    def search(self):
        dock = self.dock()
        search = dock.project_list.search_edit
        user.type_text(search, "东湖", "the project search")
        yield Wait(lambda: dock.project_list.visible_codes() == ["DG2023-01"], "the search to keep DG2023-01 only")
        self.shot("search")
        user.type_text(search, "", "the project search")
        yield Wait(lambda: len(dock.project_list.visible_codes()) == 14, "the search cleared")
