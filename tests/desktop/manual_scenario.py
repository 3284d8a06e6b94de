# SPDX-License-Identifier: GPL-2.0-or-later
"""The desktop scenario that takes the user manual's pictures: the whole technician's flow of
``scenario.py``, then the field review and the 帮助 (Help) button, in the real QGIS.

``make manual-screenshots`` runs it (``tests/desktop/run_desktop.py --scenario manual_scenario``) in
zh-Hans and en_US; the screenshots it leaves (one after each step, and the named moments of the
steps) are what ``docs/manual/screenshots.json`` lists.  The harness starts QGIS with the demo
county only for its own scenario, so the first step here opens the demo project (a private copy)
as a user does, with the project's Open action.  The Help step clicks the button in the
project dock's title bar with a real click; QGIS would start a browser, so a ``file:`` URL handler
records the page instead, and the step checks that the page is the dock's chapter, in the
interface's language, inside the installed plugin.
"""
import os
from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QObject, QRect, QUrl, pyqtSlot
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QAbstractButton, QLineEdit, QListWidget, QPlainTextEdit
from qgis.utils import iface

import user
from scenario import CHECK_DOCK, CHINESE, PROJECT_DOCK, WORK, Scenario as FlowScenario, text
from user import Wait, check

REVIEW_DOCK = "DoubleGuaranteeReviewDock"
REVIEWED = "DG2023-01"


class PageCatcher(QObject):
    """Where QDesktopServices sends ``file:`` URLs during the run (instead of a browser)."""

    def __init__(self):
        super().__init__()
        self.urls = []

    @pyqtSlot(QUrl)
    def open(self, url):
        self.urls.append(url)


class Scenario(FlowScenario):
    def steps(self):
        flow = super().steps()
        after_check = [name for name, _step in flow].index("first_check") + 1
        flow.insert(after_check, ("check_results", self.check_results))
        return [("open_demo", self.open_demo)] + flow + [("review", self.review), ("help", self.help)]

    def check_results(self):
        """The results of the first check brought into view with the wheel, as a user scrolls the dock."""
        from qgis.PyQt.QtWidgets import QTreeWidget
        tree = user.find(self.dock(CHECK_DOCK), QTreeWidget, "checkTree")
        top = QRect(0, 0, min(tree.width(), 300), min(tree.height(), 120))
        yield from user.scroll_into_view(tree, "the check results", top)

    def open_demo(self):
        """The demo county's QGIS project, copied as the harness copies it for its own scenario, opened."""
        import run_desktop
        if not QgsProject.instance().mapLayers():
            project = run_desktop.copy_demo(Path(WORK))
            iface.addProject(str(project))
        yield Wait(lambda: len(QgsProject.instance().mapLayers()) >= 5, "the demo county's layers", 60)

    def review(self):
        dock = self.dock(REVIEW_DOCK)
        projects = user.find(dock, QListWidget, "reviewProjectList")
        yield from self._show_dock(dock, dock.widget())      # a click on its tab
        yield Wait(lambda: projects.count() >= 14, "the review dock listing the demo projects", 30)
        row = next(i for i in range(projects.count()) if projects.item(i).text().startswith(REVIEWED))
        index = projects.model().index(row, 0)
        if not user.item_clickable(projects, index):
            yield from user.scroll_into_view(projects.viewport(), "the project list", projects.visualRect(index))
        yield Wait(lambda: user.item_clickable(projects, index), f"{REVIEWED} in view")
        user.click_item(projects, index, f"the row of {REVIEWED}")
        yield Wait(lambda: projects.currentRow() == row, f"{REVIEWED} chosen")
        passed = user.find(dock, QAbstractButton, "verdict_passed")
        yield from user.scroll_into_view(passed, "通过")
        user.click(passed, "通过")
        yield Wait(passed.isChecked, "the verdict chosen")
        comment = user.find(dock, QPlainTextEdit, "commentEdit")
        yield from user.scroll_into_view(comment, "the comment")
        user.type_text(comment, text("地块边界与现场一致", "Plot boundaries match the site"), "the comment")
        yield Wait(lambda: comment.toPlainText() != "", "the comment typed")
        reviewer = user.find(dock, QLineEdit, "reviewerEdit")
        yield from user.scroll_into_view(reviewer, "the reviewer")
        user.type_text(reviewer, text("张工", "Zhang"), "the reviewer")
        yield Wait(lambda: reviewer.text() != "", "the reviewer typed")
        save = user.find(dock, QAbstractButton, "saveVerdictButton")
        viewport = dock.widget().viewport() if hasattr(dock.widget(), "viewport") else dock.widget()
        # the English dock is wider than its place at 1366 px, and so is this button: its middle, where a
        # user clicks, is what must come into view
        middle = None if save.width() <= viewport.width() else QRect(save.width() // 2 - 10, 0, 20, save.height())
        yield from user.scroll_into_view(save, "保存结论", middle)
        user.click(save, "保存结论")
        current = dock.current_label
        yield Wait(lambda: text("通过", "passed") in current.text(), "the verdict saved", 30)
        self.facts["review"] = current.text()

    def help(self):
        """帮助 in the project dock's title bar opens the dock's chapter, in the interface's language."""
        catcher = PageCatcher()
        QDesktopServices.setUrlHandler("file", catcher, "open")
        try:
            yield from self._show_project_dock()
            dock = self.dock(PROJECT_DOCK)
            bar = dock.titleBarWidget()
            check(bar is not None, "the project dock has no title bar with a Help button")
            button = bar.findChild(QAbstractButton, "DoubleGuaranteeHelpButton")
            user.require_on_screen(button, "the Help button")
            check(button.text() == text("帮助", "Help"), f"the Help button says {button.text()!r}")
            user.click(button, "帮助")
            yield Wait(lambda: catcher.urls, "the manual's page opened")
        finally:
            QDesktopServices.unsetUrlHandler("file")
        path = catcher.urls[0].toLocalFile()
        language = "zh_CN" if CHINESE else "en"
        check(path.endswith(os.path.join("double_guarantee_plugin", "resources", "help", language, "projects.html")),
              f"Help opened {path}")
        check(os.path.isfile(path), f"the manual's page {path} is not installed")
        self.facts["help_page"] = path
