# SPDX-License-Identifier: GPL-2.0-or-later
"""The desktop scenario that takes the user manual's pictures: the whole technician's flow of
``scenario.py``, then the field review and the 帮助 (Help) button, in the real QGIS.

``make manual-screenshots`` runs it (``tests/desktop/run_desktop.py --scenario manual_scenario``) in
zh-Hans and en_US; the screenshots it leaves (one after each step, and the named moments of the
steps) are what ``docs/manual/screenshots.json`` lists.  The Help step clicks the button in the
project dock's title bar with a real click; QGIS would start a browser, so a ``file:`` URL handler
records the page instead, and the step checks that the page is the dock's chapter, in the
interface's language, inside the installed plugin.
"""
import os

from qgis.PyQt.QtCore import QObject, QUrl, pyqtSlot
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QAbstractButton, QListWidget, QPlainTextEdit

import user
from scenario import CHINESE, PROJECT_DOCK, Scenario as FlowScenario, text
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
        return super().steps() + [("review", self.review), ("help", self.help)]

    def review(self):
        user.click(self.toolbar_button_of(REVIEW_DOCK), "the review dock's toolbar button")
        dock = self.dock(REVIEW_DOCK)
        yield Wait(lambda: dock.isVisible() and user.on_screen(dock, whole=False), "the review dock in front")
        projects = user.find(dock, QListWidget, "reviewProjectList")
        yield Wait(lambda: projects.count() >= 14, "the review dock listing the demo projects", 30)
        row = next(i for i in range(projects.count()) if projects.item(i).text().startswith(REVIEWED))
        index = projects.model().index(row, 0)
        yield from user.scroll_into_view(projects, "the project list", projects.visualRect(index))
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
        save = user.find(dock, QAbstractButton, "saveVerdictButton")
        yield from user.scroll_into_view(save, "保存结论")
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
