# SPDX-License-Identifier: GPL-2.0-or-later
"""The desktop scenario: what a technician does with the plugin in QGIS, as steps with checks of the screen.

Each step is a generator: it acts through ``user`` (input events only) and yields ``user.Wait`` for
what the user would wait for.  The checks are on what a user sees: widgets inside the screen and not
covered, their texts (Chinese in the zh locales), enabled states and the numbers shown.  Only the
choice of where to draw (an empty spot near a project, away from the red line and steep slopes) and
the reading back of files use the data directly: that is the test's preparation, not the user's part.
"""
import os

from qgis.core import QgsFeatureRequest, QgsPointXY, QgsProject, QgsRectangle
from qgis.gui import QgsAttributeDialog
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (QAbstractButton, QComboBox, QDialog, QDialogButtonBox, QDockWidget, QLineEdit,
                                 QMessageBox, QToolBar, QTreeWidget)
from qgis.utils import iface, plugins

import user
from user import Wait, check

LOCALE = os.environ.get("DG_DESKTOP_LOCALE", "")
CHINESE = LOCALE.lower().startswith("zh")
WORK = os.environ.get("DG_DESKTOP_WORK", "")
PROJECT_DOCK, CHECK_DOCK, LEDGER_DOCK = "DoubleGuaranteeProjectDock", "DoubleGuaranteeCheckDock", \
    "DoubleGuaranteeLedgerDock"
NEAR = "DG2025-14"          # a planned project: the new one is drawn beside it, the TXT imported into it
BLOCKING = "DG2024-06"      # new farmland inside the ecological red line: its acceptance is refused
NEW_NAME = "桌面测试项目"
PLOT_SIZE_M = 150.0


def text(chinese, english):
    return chinese if CHINESE else english


def has_cjk(value):
    return any("\u4e00" <= ch <= "\u9fff" for ch in str(value))


def number(label_text):
    """The first number in a label (thousands separators allowed)."""
    import re
    found = re.search(r"-?[\d,]+(?:\.\d+)?", label_text or "")
    return float(found.group(0).replace(",", "")) if found else None


class Scenario:
    def __init__(self, run):
        self.run = run
        self.facts = {}
        self.window = iface.mainWindow()
        self.canvas = iface.mapCanvas()
        self.new_code = None

    def expected_critical(self, message, tag):
        return False

    def settled(self):
        """What a screenshot waits for: the map drawn, no credit run pending, every window shown on the screen.
        Each step ends here, so each step also proves QGIS's window still fits the screen."""
        self.window_fits("at the end of the step")
        dock = self.dock()
        return Wait(lambda: not self.canvas.isDrawing() and (dock is None or not dock.busy()) and user.all_exposed(),
                    "the map drawn and every window on screen", 30)

    def steps(self):
        return [("start", self.start), ("search", self.search), ("new_project", self.new_project),
                ("draw_plot", self.draw_plot), ("first_check", self.first_check), ("conflict", self.conflict),
                ("snapping", self.snapping), ("refused_accept", self.refused_accept), ("accept", self.accept),
                ("reopen", self.reopen), ("accept_again", self.accept), ("write_off", self.write_off),
                ("import_txt", self.import_txt), ("export_sheet", self.export_sheet)]

    # -- helpers ---------------------------------------------------------------------------------
    def dock(self, name=PROJECT_DOCK):
        return self.window.findChild(QDockWidget, name)

    def shot(self, name):
        """A screenshot once every window is on the screen (a generator: ``yield from self.shot(…)``)."""
        yield Wait(user.all_exposed, "every window on screen")
        self.run.eyes.shot(name)

    def layer(self, name_part):
        return next(layer for layer in QgsProject.instance().mapLayers().values() if name_part in layer.name())

    def row_of(self, code):
        return self.dock().project_list.row_of(code)

    def select_project(self, code):
        """Click the project's row in the list (searching for it first when it is scrolled away)."""
        dock = self.dock()
        table = dock.project_table
        row = self.row_of(code)
        index = table.model().index(row, 0)
        if table.isRowHidden(row) or not user.item_in_view(table, index):
            user.type_text(dock.project_list.search_edit, code, "the project search")
            yield Wait(lambda: dock.project_list.visible_codes() == [code], f"the search to find {code}")
            index = table.model().index(self.row_of(code), 0)
            # the table lays its rows out again after the search hid the others
        # the table may still be laying its rows out (after a search, a tab switch): click once it is drawn
        yield Wait(lambda: user.item_clickable(table, index), f"{code}'s row in view",
                   explain=lambda: user.item_click_problem(table, index))
        user.click_item(table, index, f"the row of {code}")
        yield Wait(lambda: dock.selected_project() == code and dock.last_snapshot is not None
                   and dock.last_snapshot.project_code == code and not dock.busy(), f"{code} selected, its figures shown")

    def choose_file(self, path, standard_button, what):
        """In the open file dialog (Qt's own), type ``path`` and click its Open/Save button.

        The button, not Enter: the file-name completer's list comes and goes as the dialog's file
        system model loads the typed folders in the background (later on a busy machine), and an
        Enter that meets the list goes to the list, not to the dialog (a desktop run on a loaded
        machine lost the sheet export's Enter that way).  A click on the button accepts the dialog
        with or without the list (which does not reach the button)."""
        dialog = user.modal_dialog()
        name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
        check(name_edit is not None, "the file dialog has no file name field (a native dialog?)")
        user.type_text(name_edit, path, "the file name")
        yield Wait(lambda: name_edit.text() == path, "the path typed")
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        button = buttons.button(standard_button) if buttons is not None else None
        check(button is not None, f"the file dialog has no {what} button")
        yield Wait(lambda: button.isEnabled(), f"the {what} button enabled")
        user.click(button, what)

    def cell(self, code, column):
        return self.dock().project_table.item(self.row_of(code), column).text()

    # -- steps -----------------------------------------------------------------------------------
    def start(self):
        yield Wait(lambda: "double_guarantee_plugin" in plugins and self.dock() is not None, "the plugin loaded", 60)
        dock = self.dock()
        yield Wait(lambda: dock.database.is_open() and len(dock.project_codes()) == 15,
                   "the demo project's database open in the project dock", 60)
        yield Wait(lambda: not dock.busy() and all(dock.project_table.item(row, 4).text() != "…"
                                                  for row in range(dock.project_table.rowCount())),
                   "every project's figures in the list", 60)
        screen = user.screen_rect()
        frame = self.window.frameGeometry()
        self.facts["window"] = frame.getRect()
        check(screen.contains(frame), f"QGIS's window {frame.getRect()} does not fit the screen {screen.getRect()}")
        for widget, what in ((dock, "the project dock"), (dock.project_table, "the project list"),
                             (dock.tool_buttons["draw"], "the draw button"), (dock.headline, "the headline figures"),
                             (self.canvas, "the map")):
            user.require_on_screen(widget, what)
        # 400 px asked; QGIS's English welcome page keeps the map at least ~460 px wide, which leaves ~360
        check(dock.width() >= 340, f"the project dock is {dock.width()} px wide")
        check(self.canvas.width() >= 300, f"the map is {self.canvas.width()} px wide")
        for other in (CHECK_DOCK, LEDGER_DOCK):
            check(not user.on_screen(self.dock(other), whole=False), f"{other} in front on first start")
            check(self._tab_of(self.dock(other)) is not None, f"{other} has no tab to open it with")
        check(dock.windowTitle() == text("双保 · 项目", "Double Guarantee · Projects"), f"dock title {dock.windowTitle()!r}")
        check(dock.tool_buttons["draw"].text() == text("绘制", "Draw"), f"draw button {dock.tool_buttons['draw'].text()!r}")
        check(self.cell("DG2023-01", 2) == text("已验收", "已验收"), "status column")
        english = [w.text() for w in dock.findChildren(QAbstractButton) if w.isVisible() and w.text()
                   and any(c.isalpha() and c.isascii() for c in w.text()) and not has_cjk(w.text())]
        check(not CHINESE or not english, f"English buttons in the Chinese dock: {english}")
        from qgis.PyQt.QtWidgets import QTabBar
        self.facts["tab_bars"] = [(bar.isVisible(), user.global_rect(bar).getRect(),
                                   [bar.tabText(i) for i in range(bar.count())])
                                  for bar in self.window.findChildren(QTabBar) if bar.parentWidget() is self.window]
        self.facts["dock"] = user.global_rect(dock).getRect()
        self.facts["canvas"] = user.global_rect(self.canvas).getRect()

    def search(self):
        dock = self.dock()
        search = dock.project_list.search_edit
        user.type_text(search, "东湖", "the project search")
        yield Wait(lambda: dock.project_list.visible_codes() == ["DG2023-01"], "the search to keep DG2023-01 only")
        yield from self.shot("search_by_name")
        user.type_text(search, "", "the project search")
        yield Wait(lambda: len(dock.project_list.visible_codes()) == 15, "the search cleared")
        yield from self.select_project(NEAR)
        # zoom to project: the project is in the middle of the visible map
        centre = self.canvas.extent().center()
        from double_guarantee_plugin.core import projects
        project_extent = projects.project_extent(dock.plots_layer, NEAR)
        check(self.canvas.extent().contains(project_extent), "zoom to project: the project is not all in view")
        check(centre.distance(project_extent.center()) < project_extent.width(), "zoom to project: not centred")
        user.require_on_screen(self.canvas, "the map after zooming")

    def new_project(self):
        dock = self.dock()
        count = len(dock.project_codes())
        yield from user.scroll_into_view(dock.buttons["newProject"], "新建项目")   # the dock scrolls
        user.click(dock.buttons["newProject"], "新建项目")
        yield Wait(lambda: user.modal_dialog(QgsAttributeDialog) is not None, "the project form")
        dialog = user.modal_dialog(QgsAttributeDialog)
        user.require_on_screen(dialog, "the project form")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        name = user.editor(dialog, "project_name", QLineEdit)
        check(name.isEnabled() and not name.isReadOnly(), "the project form is read-only")
        user.type_text(name, NEW_NAME, "the project name")
        yield Wait(lambda: name.text() == NEW_NAME, "the name typed")
        county = user.editor(dialog, "county_code", QLineEdit)
        user.type_text(county, "320999", "the county code")
        yield Wait(lambda: county.text() == "320999", "the county code typed")
        project_type = user.editor(dialog, "project_type", QComboBox)
        yield from user.choose(project_type, "land_consolidation", "the project type")
        from qgis.PyQt.QtWidgets import QDateTimeEdit
        date = user.editor(dialog, "implemented_on", QDateTimeEdit)   # a QgsDateTimeEdit
        user.click(date, "the implementation date")      # QGIS puts today's date into an empty date field
        yield Wait(lambda: date.text()[:2] == "20", "a date in the field")
        self.facts["implemented_on"] = date.text()
        yield from self.shot("project_form")
        yield Wait(lambda: ok.isEnabled(), "确定 enabled")
        user.click(ok, "确定")
        yield Wait(lambda: user.modal_dialog(QgsAttributeDialog) is None and len(dock.project_codes()) == count + 1,
                   "the new project in the list")
        self.new_code = dock.selected_project()
        check(self.new_code not in (None, "") and self.cell(self.new_code, 1) == NEW_NAME,
              f"the new project is not selected with its name: {self.new_code}")
        self.facts["new_project"] = self.new_code

    def _spot(self):
        """Where to draw: the nearest empty square around NEAR outside the red line, steep slopes, basic
        farmland and cultivated land of the survey (so that it is new farmland wherever the check looks)."""
        from double_guarantee_plugin.core import projects
        dock = self.dock()
        box = projects.project_extent(dock.plots_layer, NEAR)
        red_line, slope = self.layer("生态保护红线"), self.layer("坡度")
        farmland, survey = self.layer("永久基本农田"), self.layer("三调")
        offsets = sorted(((dx, dy) for dx in range(-4, 5) for dy in range(-4, 5)), key=lambda o: o[0] ** 2 + o[1] ** 2)
        for dx, dy in offsets:
            x = box.center().x() + dx * 200 - PLOT_SIZE_M / 2
            y = box.center().y() + dy * 200 - PLOT_SIZE_M / 2
            square = QgsRectangle(x, y, x + PLOT_SIZE_M, y + PLOT_SIZE_M)
            grown = QgsRectangle(square)
            grown.grow(20)
            if any(True for _ in dock.plots_layer.getFeatures(QgsFeatureRequest(grown))) \
                    or any(True for _ in red_line.getFeatures(QgsFeatureRequest(grown))) \
                    or any(True for _ in farmland.getFeatures(QgsFeatureRequest(grown))) \
                    or any(float(f["slope_deg"] or 0) > 25 for f in slope.getFeatures(QgsFeatureRequest(grown))) \
                    or any(str(f["DLBM"]).startswith("01") for f in survey.getFeatures(QgsFeatureRequest(grown))):
                continue
            return square
        raise user.StepFailed("no empty spot to draw near " + NEAR)

    def draw_plot(self):
        dock = self.dock()
        square = self._spot()
        self.facts["plot_square"] = square.toString(1)
        # the user zooms out with the mouse wheel until the spot is in view
        for _ in range(6):
            if self.canvas.extent().contains(square):
                break
            user.wheel(self.canvas, -120)
            scale = self.canvas.scale()
            yield Wait(lambda: self.canvas.scale() > scale * 1.2 and not self.canvas.isDrawing(), "zoomed out")
        check(self.canvas.extent().contains(square), "the spot to draw is not in view")
        before = dock.last_snapshot.project_credit
        check(before.plot_count == 0, "the new project has plots already")
        yield from user.scroll_into_view(dock.tool_buttons["draw"], "绘制")
        user.click(dock.tool_buttons["draw"], "绘制")
        yield Wait(lambda: self.canvas.mapTool() is not None and self.canvas.mapTool() is dock.plot_editor.active_tool,
                   "the draw tool active")
        corners = [QgsPointXY(square.xMinimum(), square.yMinimum()), QgsPointXY(square.xMaximum(), square.yMinimum()),
                   QgsPointXY(square.xMaximum(), square.yMaximum()), QgsPointXY(square.xMinimum(), square.yMaximum())]
        for corner in corners[:3]:
            user.map_click(self.canvas, corner)
            yield None
        user.map_move(self.canvas, corners[3])
        from qgis.PyQt.QtWidgets import QLabel
        yield Wait(lambda: self.canvas.findChild(QLabel, "drawingFigures") is not None, "the drawing figures")
        drawing = self.canvas.findChild(QLabel, "drawingFigures")
        square_mu = PLOT_SIZE_M ** 2 / (2000 / 3)

        def drawn_mu():
            shown = drawing.text().replace("：", ":").split(":", 1)[-1]
            return number(shown) if drawing.isVisible() and text("亩", "mu") in shown else None
        # three corners clicked, the pointer on the fourth: the whole square, in 亩, before the form (clicks land
        # on whole pixels: each side may be a pixel off)
        tolerance_mu = 4 * PLOT_SIZE_M * self.canvas.mapUnitsPerPixel() / (2000 / 3) + 0.5
        yield Wait(lambda: drawn_mu() is not None and abs(drawn_mu() - square_mu) < tolerance_mu,
                   f"the area while drawing to show the square's {square_mu:.2f} mu (± {tolerance_mu:.2f})")
        # the figures float over the map, transparent to the mouse: on screen and inside the visible map
        check(drawing.isVisible() and user.screen_rect().contains(user.global_rect(drawing))
              and user.global_rect(self.canvas).contains(user.global_rect(drawing)),
              "the figures of the plot being drawn are not on the map")
        self.facts["drawing"] = drawing.text()
        yield from self.shot("drawing")
        user.map_click(self.canvas, corners[3])
        yield None
        user.map_click(self.canvas, corners[3], Qt.MouseButton.RightButton)
        yield Wait(lambda: user.modal_dialog(QgsAttributeDialog) is not None, "the plot form")
        dialog = user.modal_dialog(QgsAttributeDialog)
        user.require_on_screen(dialog, "the plot form")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        for field, wanted in (("class_before", "0404"), ("class_after", "0103")):
            yield from user.choose(user.editor(dialog, field, QComboBox), wanted, field)
        from qgis.PyQt.QtWidgets import QSpinBox
        grade = user.editor(dialog, "grade_after", QSpinBox)
        user.type_text(grade.findChild(QLineEdit), "6", "the grade after")
        yield Wait(lambda: grade.value() == 6, "the grade typed")
        yield from self.shot("plot_form")
        yield Wait(lambda: ok.isEnabled(), "确定 enabled (the grade constraints parse on QGIS 3.22)")
        user.click(ok, "确定")
        yield Wait(lambda: user.modal_dialog(QgsAttributeDialog) is None and not dock.busy()
                   and dock.last_snapshot.project_credit.plot_count == 1, "the plot added and counted")
        yield Wait(lambda: not drawing.isVisible(), "the drawing figures gone")
        credit = dock.last_snapshot.project_credit
        shown = number(dock.headline.values["credit_area"].text())
        check(credit.credit_area_mu > 0 and abs(shown - credit.credit_area_mu) < 0.01,
              f"the headline shows {shown} mu, the plot brings {credit.credit_area_mu}")
        self.facts["credit_area_mu"] = credit.credit_area_mu
        yield from user.scroll_into_view(dock.save_button, "保存")   # the dock scrolls
        user.click(dock.save_button, "保存")
        yield Wait(lambda: not dock.plots_layer.isModified() and not dock.projects_layer.isModified(), "saved")

    def window_fits(self, when):
        """QGIS's window still inside the screen (a dock or message must not push it out), with the culprits."""
        frame, screen = self.window.frameGeometry(), user.screen_rect()
        self.facts.setdefault("window_widths", []).append(
            (self.run.current, frame.width(), self.window.minimumSizeHint().width()))
        if screen.contains(frame):
            return
        from qgis.PyQt.QtWidgets import QTabBar
        parts = [f"window {frame.getRect()} min {self.window.minimumSizeHint().width()}",
                 f"central min {self.window.centralWidget().minimumSizeHint().width()}"]
        parts += [f"{d.objectName()} w={d.width()} min={d.minimumSizeHint().width()}"
                  for d in self.window.findChildren(QDockWidget) if d.isVisible()]
        parts += [f"tabbar {b.minimumSizeHint().width()}" for b in self.window.findChildren(QTabBar) if b.isVisible()]
        parts += [f"toolbar {t.objectName()} {t.minimumSizeHint().width()}" for t in self.window.findChildren(QToolBar)
                  if t.isVisible()]
        raise user.StepFailed(f"{when}: QGIS's window no longer fits the screen: " + "; ".join(parts))

    def first_check(self):
        check_dock = self.dock(CHECK_DOCK)
        yield from self._show_dock(check_dock, check_dock.widget())
        self.window_fits("with the check dock in front")
        # a first check is one click: the dock found the plots and every constraint layer by role (the demo
        # project saved its constraint set), nothing to pick
        chosen = {}
        for name, layer_name in (("plotsLayerCombo", "地块"), ("basicFarmlandCombo", "永久基本农田"),
                                 ("redLineCombo", "生态保护红线"), ("slopeCombo", "坡度"), ("landSurveyCombo", "三调")):
            chosen[name] = user.find(check_dock, QComboBox, name).currentText()
        self.facts["check_layers"] = chosen
        wanted = {"plotsLayerCombo": "地块", "basicFarmlandCombo": "永久基本农田",
                  "redLineCombo": "生态保护红线", "slopeCombo": "坡度", "landSurveyCombo": "三调"}
        missing = {name: shown for name, shown in chosen.items() if not shown.startswith(wanted[name])}
        check(not missing, f"the check dock did not find its layers: {missing}")
        check_button = user.find(check_dock, QAbstractButton, "checkButton")
        yield from user.scroll_into_view(check_button, "检查")
        user.click(check_button, "检查")
        tree = user.find(check_dock, QTreeWidget, "checkTree")
        yield Wait(lambda: tree.topLevelItemCount() >= 15 and check_dock.task is None, "the check results", 60)
        dock = self.dock()
        # the project list follows at once: its verdict column says what the check found
        yield Wait(lambda: self.cell(BLOCKING, 3) == text("不通过", "Not passed"), "the list's verdict of " + BLOCKING)
        self.facts["verdicts"] = {code: self.cell(code, 3) for code in dock.project_codes()}

    def conflict(self):
        check_dock = self.dock(CHECK_DOCK)
        tree = user.find(check_dock, QTreeWidget, "checkTree")
        top = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                   if tree.topLevelItem(i).text(0) == BLOCKING)
        child = next(top.child(i) for i in range(top.childCount()) if top.child(i).data(0, Qt.ItemDataRole.UserRole)
                     and check_dock.plot_checks.get(top.child(i).data(0, Qt.ItemDataRole.UserRole)[1]) is not None
                     and check_dock.plot_checks[top.child(i).data(0, Qt.ItemDataRole.UserRole)[1]].status == "blocking")
        rect = tree.visualRect(tree.indexFromItem(child))
        yield from user.scroll_into_view(tree.viewport(), "the blocking plot's row", rect)
        # the dock scrolled: where the row is drawn now
        yield Wait(lambda: user.item_clickable(tree, tree.indexFromItem(child)), "the row laid out")
        user.click_item(tree, tree.indexFromItem(child), "a blocking plot in the check list")
        yield Wait(lambda: len(check_dock.rubber_band_geometries()) >= 2, "the conflict highlighted")
        conflict = check_dock.rubber_band_geometries()[-1]
        check(self.canvas.extent().contains(conflict.boundingBox()), "the conflict is not in view")
        yield Wait(lambda: not self.canvas.isDrawing(), "the map drawn")

    def snapping(self):
        """One toggle snaps drawing to the plots, basic farmland and the survey of the check's constraint set."""
        dock = self.dock()
        yield from self._show_project_dock()
        project = QgsProject.instance()
        was_enabled = project.snappingConfig().enabled()
        button = dock.tool_buttons["snap"]
        yield from user.scroll_into_view(button, "捕捉")     # the dock scrolls: in English its last row may be below
        user.click(button, "捕捉")
        yield Wait(lambda: button.isChecked() and project.snappingConfig().enabled(), "snapping on")
        config = project.snappingConfig()
        from double_guarantee_plugin.gui.project.snapping import _snapping_names
        check(config.mode() == _snapping_names()[0], "not per-layer snapping")
        farmland = self.layer("永久基本农田")
        check(config.individualLayerSettings(farmland).enabled(), "basic farmland is not snapped to")
        check(config.individualLayerSettings(dock.plots_layer).enabled(), "the plots are not snapped to")
        check(not config.individualLayerSettings(self.layer("生态保护红线")).enabled(), "the red line is snapped to")
        yield from self.shot("snapping_on")
        user.click(button, "捕捉")
        yield Wait(lambda: not button.isChecked() and project.snappingConfig().enabled() == was_enabled,
                   "snapping as it was before")

    def refused_accept(self):
        dock = self.dock()
        # the project dock is a tab behind the check dock now: its tab brings it back
        yield from self._show_project_dock()
        yield from self.select_project(BLOCKING)
        status_before = self.cell(BLOCKING, 2)
        yield from user.scroll_into_view(dock.buttons["accept"], "验收…")   # the dock scrolls
        user.click(dock.buttons["accept"], "验收…")
        yield Wait(lambda: user.modal_dialog(QMessageBox) is not None, "the refusal")
        box = user.modal_dialog(QMessageBox)
        user.require_on_screen(box, "the refusal")
        said = box.text() + "\n" + box.informativeText()
        self.facts["refusal"] = said
        check(text("不通过", "blocking") in said, f"the refusal does not name the blocking check: {said}")
        check(not CHINESE or has_cjk(said), f"the refusal is not in Chinese: {said}")
        yield from self.shot("refusal")
        user.click(box.button(QMessageBox.StandardButton.Ok), "OK")
        yield Wait(lambda: user.modal_dialog(QMessageBox) is None, "the refusal closed")
        check(self.cell(BLOCKING, 2) == status_before, "the refused project's status changed")

    def _tab_of(self, dock):
        """The (tab bar, index) of ``dock``'s tab, or None."""
        from qgis.PyQt.QtWidgets import QTabBar
        for bar in self.window.findChildren(QTabBar):
            for index in range(bar.count()):
                if bar.isVisible() and bar.tabText(index) == dock.windowTitle():
                    return bar, index
        return None

    def _show_dock(self, dock, inside):
        """Bring a tabbed dock to the front with a click on its tab (a generator)."""
        if user.on_screen(inside, whole=False):
            return
        tab = self._tab_of(dock)
        if tab is None:
            raise user.StepFailed(f"{dock.windowTitle()} is neither in front nor in a tab")
        bar, index = tab
        user.click(bar, f"the tab of {dock.windowTitle()}", pos=bar.tabRect(index).center())
        yield Wait(lambda: user.on_screen(inside, whole=False), f"{dock.windowTitle()} in front")

    def _show_project_dock(self):
        yield from self._show_dock(self.dock(), self.dock().project_table)

    def accept(self):
        """验收… on the new project: implemented today, it follows national_2024, so the button opens its
        workflow; each step is taken in the dialog, and the last one (入库) is the acceptance: its
        confirmation, then status and deposit together, and the project locked."""
        dock = self.dock()
        # the county's reserve before this project: the demo ledger's history (its credits drawable)
        self.facts.setdefault("reserve_baseline_mu", self._reserve_mu())
        yield from self._show_project_dock()
        yield from self.select_project(self.new_code)
        yield from user.scroll_into_view(dock.buttons["accept"], "验收…")   # the dock scrolls
        user.click(dock.buttons["accept"], "验收…")
        from double_guarantee_plugin.gui.dialogs.workflow import WorkflowDialog
        yield Wait(lambda: user.modal_dialog(WorkflowDialog) is not None, "the workflow dialog")
        dialog = user.modal_dialog(WorkflowDialog)
        user.require_on_screen(dialog, "the workflow dialog")
        check("national_2024" in dialog.profile_label.text(), f"the profile shown: {dialog.profile_label.text()!r}")
        while dialog.project["status"] != "deposited":
            yield from self._workflow_step(dialog)
        self.facts.setdefault("workflow_history", []).append(dialog.history.rowCount())
        yield from self.shot("workflow_deposited")
        close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
        user.click(close, text("关闭", "Close"))
        yield Wait(lambda: user.modal_dialog() is None and self.cell(self.new_code, 2) == status_name("deposited"),
                   "deposited, the dialog closed", 30)
        check(not dock.buttons["accept"].isEnabled(), "验收 enabled on a deposited project")
        for key in ("rename", "deleteProject"):
            check(not dock.project_menu_actions[key].isEnabled(), f"{key} enabled on a deposited project")
        check(not dock.tool_buttons["draw"].isEnabled(), "drawing enabled on a deposited project")
        check(dock.buttons["reopen"].isEnabled(), "重新打开 disabled on a deposited project")
        self.facts.setdefault("accepted", []).append(dock.last_message[0])

    def _workflow_step(self, dialog):
        """The next step forward in the workflow dialog, its fields filled as the step asks (a generator)."""
        from qgis.PyQt.QtWidgets import QPushButton
        status = dialog.project["status"]
        target = dialog.target_combo.currentData()
        check(target is not None and target != status, f"no step forward from {status}")
        shown = dialog.target_combo.currentText()
        check(CHINESE == (target not in shown), f"the step offered as {shown!r} (its code {target})")
        for name, value in (("acceptor_natural_resources", "示范县自然资源局"),
                            ("acceptor_agriculture_rural", "示范县农业农村局"), ("referenceEdit", "示复〔2026〕1号")):
            edit = dialog.findChild(QLineEdit, name)
            if edit.isVisible() and not edit.text():
                user.type_text(edit, value, name)
                yield Wait(lambda edit=edit, value=value: edit.text() == value, f"{name} typed")
        if dialog.findChild(QLineEdit, "acceptor_natural_resources").isVisible() and "county_review" not in self.facts:
            self.facts["county_review"] = True
            yield from self.shot("workflow_county_review")
        button = dialog.findChild(QPushButton, "takeStepButton")
        user.click(button, button.text())
        if target != "deposited":
            yield Wait(lambda: dialog.project["status"] == target, f"the step to {target}",
                       explain=lambda: dialog.message.text())
            return
        yield Wait(lambda: user.modal_dialog() is not None and user.modal_dialog().objectName() == "acceptDialog",
                   "the acceptance confirmation", explain=lambda: dialog.message.text())
        confirmation = user.modal_dialog()
        user.require_on_screen(confirmation, "the acceptance confirmation")
        ok = confirmation.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        check(ok.text() == text("验收并入库", "Accept and deposit"), f"the confirm button says {ok.text()!r}")
        yield from self.shot("accept_confirmation")
        user.click(ok, ok.text())
        yield Wait(lambda: user.modal_dialog() is dialog and dialog.project["status"] == "deposited",
                   "deposited", 30, explain=lambda: dialog.message.text())

    def _reserve_mu(self):
        """The reserve of county 320999 in the ledger beside the project database (0 when there is none)."""
        from double_guarantee_plugin.core.ledger import ledger_path_for, open_ledger
        path = ledger_path_for(self.dock().database_path)
        if not os.path.exists(path):
            return 0.0
        ledger = open_ledger(path, create=False)
        try:
            return ledger.balance("320999").amounts.area_mu
        finally:
            ledger.close()

    def reopen(self):
        """An accepted project changes only after 重新打开 with a reason; its deposit is reversed."""
        dock = self.dock()
        from double_guarantee_plugin.core.ledger import ledger_path_for, open_ledger
        path = ledger_path_for(dock.database_path)
        yield from user.scroll_into_view(dock.buttons["reopen"], "重新打开…")   # the dock scrolls
        user.click(dock.buttons["reopen"], "重新打开…")
        from qgis.PyQt.QtWidgets import QInputDialog
        yield Wait(lambda: isinstance(user.modal_dialog(), QInputDialog), "the reason asked for")
        dialog = user.modal_dialog()
        user.require_on_screen(dialog, "the reopening dialog")
        reason = "补测地块边界"
        edit = dialog.findChild(QLineEdit)
        user.type_text(edit, reason, "the reason")
        yield Wait(lambda: edit.text() == reason, "the reason typed")
        yield from self.shot("reopen_reason")
        user.click(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), "确定")
        yield Wait(lambda: user.modal_dialog() is None and self.cell(self.new_code, 2) == status_name("under_way"),
                   "reopened")
        check(dock.tool_buttons["draw"].isEnabled() and dock.buttons["accept"].isEnabled(),
              "the reopened project is still locked")
        ledger = open_ledger(path, create=False)
        try:
            reversal = [e for e in ledger.journal(kind="reversal") if e.project_code == self.new_code]
            balance = ledger.balance("320999").amounts.area_mu
        finally:
            ledger.close()
        check(len(reversal) == 1 and reason in reversal[0].note, f"no reversal with the reason: {reversal}")
        baseline = self.facts["reserve_baseline_mu"]
        check(abs(balance - baseline) < 1e-6, f"the reserve holds {balance} mu after the reversal, not {baseline}")
        # under national_2024 the reopening is a step back in the project's recorded history, with the reason
        from double_guarantee_plugin.core.workflow import open_store
        last = open_store(dock.database_path).steps(self.new_code)[-1]
        check((last.from_state, last.to_state, last.note) == ("deposited", "under_way", reason),
              f"the reopening is not a recorded step back: {last}")

    def write_off(self):
        ledger = self.dock(LEDGER_DOCK)
        yield from self._show_dock(ledger, ledger.widget())
        # the ledger dock follows the project database: it opened the ledger the acceptance deposited into
        # (beside the database), at the county of its projects
        from double_guarantee_plugin.core.ledger import ledger_path_for
        path = ledger_path_for(self.dock().database_path)
        yield Wait(lambda: ledger.ledger is not None and ledger.county_combo.count() > 0, "the ledger open",
                   explain=lambda: f"follows the project: {ledger.follows_project}, followed "
                                   f"{ledger._followed_database}, offered {ledger._offered_path}, {ledger.status_label.text()}")
        check(os.path.normcase(str(getattr(ledger.ledger, "path", ""))) == os.path.normcase(path),
              f"the ledger dock opened {getattr(ledger.ledger, 'path', None)}, not the ledger beside the database")
        check(ledger.county_code() == "320999", f"the ledger dock shows county {ledger.county_code()}")
        before = number(ledger.area_label.text())
        expected = self.facts["reserve_baseline_mu"] + self.facts["credit_area_mu"]
        check(before is not None and abs(before - expected) < 0.01,
              f"the reserve shows {ledger.area_label.text()}, not the county's {self.facts['reserve_baseline_mu']} "
              f"+ the deposit {self.facts['credit_area_mu']}")
        yield from user.scroll_into_view(ledger.writeoff_button, "核销…")
        user.click(ledger.writeoff_button, "核销…")
        yield Wait(lambda: user.modal_dialog(QDialog) is not None, "the write-off dialog")
        dialog = user.modal_dialog()
        user.require_on_screen(dialog, "the write-off dialog")
        user.type_text(dialog.project_code, "JS-2026-01", "the construction project code")
        yield Wait(lambda: dialog.project_code.text() == "JS-2026-01", "the code typed")
        yield from user.choose(dialog.land_class, "0103", "the class of the occupied land")   # dry land: no paddy
        area = dialog.amounts.area
        user.type_text(area.findChild(QLineEdit) or area, "1", "the area written off")
        yield Wait(lambda: abs(area.value() - 1.0) < 1e-9, "1 mu entered")
        # a write-off dated today falls under national_2024, which requires both links (typed as a user
        # types them: the 案卷编号 in Chinese through the input method)
        for name, value, what in (("dzjghEdit", "3209992026B00001", "电子监管号"),
                                  ("ajbhEdit", "示自然资〔2026〕1号", "案卷编号")):
            edit = dialog.findChild(QLineEdit, name)
            check(edit is not None and edit.isVisible(), f"{what}: not in the write-off dialog")
            user.type_text(edit, value, what)
            yield Wait(lambda edit=edit, value=value: edit.text() == value, f"{what} typed")
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        yield Wait(lambda: ok.isEnabled(), "OK enabled")
        yield from self.shot("write_off_dialog")
        user.click(ok, "OK")
        yield Wait(lambda: user.modal_dialog() is None and number(ledger.area_label.text()) is not None
                   and abs(number(ledger.area_label.text()) - (before - 1.0)) < 1e-6, "the reserve 1 mu lower")
        self.facts["reserve_after_mu"] = number(ledger.area_label.text())
        entry = ledger.ledger.journal(kind="writeoff")[-1]
        check((entry.project_code, entry.dzjgh, entry.ajbh) == ("JS-2026-01", "3209992026B00001", "示自然资〔2026〕1号"),
              f"the write-off stored as {entry.project_code}, {entry.dzjgh}, {entry.ajbh}")

    def import_txt(self):
        dock = self.dock()
        yield from self._show_project_dock()
        yield from self.select_project(NEAR)
        from double_guarantee_plugin.core import projects
        box = projects.project_extent(dock.plots_layer, NEAR)
        path = os.path.join(WORK, "desktop_import.txt")
        write_txt(path, box.xMinimum() + 20, box.yMinimum() + 20)
        count = dock.last_snapshot.project_credit.plot_count
        yield from user.scroll_into_view(dock.buttons["importTxt"], "导入 TXT…")
        user.click(dock.buttons["importTxt"], "导入 TXT…")
        yield Wait(lambda: user.modal_dialog(QDialog) is not None, "the file dialog")
        yield from self.choose_file(path, QDialogButtonBox.StandardButton.Open, "打开")
        yield Wait(lambda: user.modal_dialog() is None and not dock.busy()
                   and dock.last_snapshot.project_credit.plot_count == count + 1, "the imported plot counted", 30)

    def export_sheet(self):
        dock = self.dock()
        path = os.path.join(WORK, "sheet.pdf")
        yield from user.scroll_into_view(dock.buttons["exportMap"], "导出图件…")   # the row below the fold
        user.click(dock.buttons["exportMap"], "导出图件…")
        yield Wait(lambda: user.modal_dialog(QDialog) is not None, "the save dialog")
        yield from self.choose_file(path, QDialogButtonBox.StandardButton.Save, "保存")
        yield Wait(lambda: user.modal_dialog() is None and os.path.exists(path) and os.path.getsize(path) > 10000,
                   "the sheet written", 60)
        self.facts["sheet_bytes"] = os.path.getsize(path)


def status_name(code):
    """A status as the project list shows it (its Chinese name, in every locale)."""
    from double_guarantee_plugin.core import tables
    return next(row["name_zh"] for row in tables.project_codes()["statuses"] if row["code"] == code)


def write_txt(path, x0, y0, size=100.0, code="DESKTOP-01"):
    """A Ministry-format coordinate file with one square parcel (GBK, CRLF, CGCS2000 zone 39)."""
    corners = [(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size), (x0, y0)]
    lines = ["[属性描述]", "格式版本号=1.01版本", "数据产生单位=桌面测试", "坐标系=2000国家大地坐标系", "几度分带=3",
             "投影类型=高斯克吕格", "计量单位=米", "带号=39", "精度=0.001", "转换参数=,,,,,,", "[地块坐标]",
             f"5,{size * size / 10000.0:.4f},{code},桌面测试地块,面,,,0404,@"]
    lines += [f"J{i + 1},1,{y:.3f},{x:.3f}" for i, (x, y) in enumerate(corners)]
    with open(path, "wb") as handle:
        handle.write(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path
