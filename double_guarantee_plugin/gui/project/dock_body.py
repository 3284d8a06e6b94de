# SPDX-License-Identifier: GPL-2.0-or-later
"""The widgets of the project dock, top to bottom, in the order a technician on a laptop needs them.

The database row, the QGIS project's rule profile (the shared ``ProfileSelector``), the project list (search, status filter), the headline figures
of the selected project, the project buttons, the plot buttons, the exchange buttons, then the full
credit panel.  On a 1366×768 screen the first six are on screen together, each row of buttons on one
line, even with the dock's tabs below it (QGIS's window opens at 80 % of the screen, 1093×614);
everything scrolls inside the dock, so the dock never forces QGIS's window taller than the screen.
"""
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ...core import tables
from ...i18n import tr
from ..components.credit_panel import CreditPanel
from ..components.profile_selector import ProfileSelector
from .action_bar import ButtonSpec, button_row, compact_button, menu_button
from .headline import HeadlineCredits
from .project_list import ProjectList

DOCK_WIDTH = 400     # what the dock asks for: a 1366-pixel screen keeps a usable canvas beside it


class ElidedLabel(QLabel):
    """One line cut with … to the width it gets; ``text()`` and the tooltip keep the whole text."""

    def __init__(self, text="", parent=None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text):  # noqa: N802 (Qt's name)
        self._full = str(text)
        self._elide()

    def text(self):
        return self._full

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self):
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, max(self.width(), 40))
        QLabel.setText(self, shown)


class DockScroll(QScrollArea):
    def sizeHint(self):  # noqa: N802
        return QSize(DOCK_WIDTH, 560)


def build(dock):
    """Create the dock's widgets as attributes of ``dock`` and return the scroll area holding them."""
    root = QWidget()
    root.setMinimumWidth(260)
    layout = QVBoxLayout(root)
    layout.setContentsMargins(4, 2, 4, 2)
    layout.setSpacing(3)
    run = dock.guarded
    dock.buttons = {}

    top = QHBoxLayout()
    dock.database_label = ElidedLabel(tr("No project database open"))
    dock.database_label.setObjectName("databaseLabel")
    top.addWidget(dock.database_label, 1)
    top.addWidget(menu_button(tr("Database"), "databaseMenuButton", [
        (tr("Open…"), dock.open_dialog, ()), (tr("New…"), dock.new_dialog, ()),
        (tr("Open PostGIS…"), dock.open_pg_dialog, ())], run, tr("Open or create a project database")))
    dock.save_button = _button(tr("Save"), dock.save, run, tr("Save all edits to the database"), "saveButton")
    dock.discard_button = _button(tr("Discard"), lambda: dock.discard(confirm=True), run,
                                  tr("Discard all unsaved edits"), "discardButton")
    top.addWidget(dock.save_button)
    top.addWidget(dock.discard_button)
    # undo and redo as QGIS draws them: icons keep the plot buttons below on one or two rows
    for text, slot, icon, name in ((tr("Undo"), dock.undo, "/mActionUndo.svg", "undoButton"),
                                   (tr("Redo"), dock.redo, "/mActionRedo.svg", "redoButton")):
        button = _button(text, slot, run, text, name)
        button.setIcon(QgsApplication.getThemeIcon(icon))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        top.addWidget(button)
    layout.addLayout(top)

    dock.profile_selector = ProfileSelector()      # the QGIS project's one rule profile (core.project_profile)
    dock.profile_combo = dock.profile_selector.combo
    dock.profile_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    layout.addWidget(dock.profile_selector)

    dock.project_list = ProjectList()
    layout.addWidget(dock.project_list, 1)
    dock.headline = HeadlineCredits()
    layout.addWidget(dock.headline)

    # what a project needs most often stays one click away; renaming, deleting and statuses sit in its menu
    statuses = [(f"{row['name_zh']} {row['name_en']}", dock.set_status, (row["code"],))
                for row in tables.project_codes()["statuses"]]
    dock.project_menu_actions = {}
    dock.project_menu_button = menu_button(tr("Project"), "projectMenuButton", [
        (tr("Rename…"), dock.rename_project, (), "rename"), (tr("Delete"), dock.delete_project, (), "deleteProject"),
        (tr("Set status"), statuses)], run, tr("Rename, delete or set the status of the selected project"),
        dock.project_menu_actions)
    layout.addWidget(button_row([
        ButtonSpec("newProject", tr("New project"), dock.new_project, tr("Add a project (its form opens)")),
        ButtonSpec("accept", tr("Accept…"), dock.accept_clicked,
                   tr("Accept the project and deposit its credits into the reserve, after checks (a project "
                      "under the 2024 rules: its workflow, whose 入库 step is the acceptance)")),
        ButtonSpec("reopen", tr("Reopen…"), dock.reopen_clicked,
                   tr("Reopen an accepted project (with a reason): its deposit is reversed")),
        ButtonSpec("workflow", tr("Workflow…"), dock.open_workflow,
                   tr("The project's rule profile, its acceptance steps (who, when) and the next step"))],
        run, dock.buttons, [dock.project_menu_button]))

    dock.tool_buttons = {}
    layout.addWidget(button_row([
        ButtonSpec("draw", tr("Draw"), dock.start_draw, tr("Draw a plot with QGIS's capture tool")),
        ButtonSpec("split", tr("Split"), dock.start_split, tr("Draw a line across plots to split them")),
        ButtonSpec("reshape", tr("Reshape"), dock.start_reshape, tr("Draw a line to reshape a plot")),
        ButtonSpec("merge", tr("Merge"), dock.merge_selected, tr("Merge the selected plots")),
        ButtonSpec("delete", tr("Delete plots"), dock.delete_selected_plots, tr("Delete the selected plots")),
        ButtonSpec("snap", tr("Snapping"), dock.set_snapping,
                   tr("Snap drawing to plots, basic farmland and land-survey boundaries"), checkable=True)],
        run, dock.tool_buttons))

    layout.addWidget(button_row([
        ButtonSpec("fill", tr("Fill from layer…"), dock.fill_from_layer_dialog,
                   tr("Turn selected features of a polygon layer into plots")),
        ButtonSpec("importTxt", tr("Import TXT…"), dock.import_txt, tr("Import Ministry-format coordinate files as plots")),
        ButtonSpec("exportTxt", tr("Export TXT…"), dock.export_txt,
                   tr("Export the project as a Ministry-format coordinate file")),
        ButtonSpec("exportMap", tr("Export map…"), dock.export_map, tr("Export the project map")),
        ButtonSpec("atlas", tr("Atlas…"), dock.open_atlas,
                   tr("Export the maps of many projects as a cancellable background task"))], run, dock.buttons))

    dock.panel = CreditPanel()
    layout.addWidget(dock.panel, 1)

    scroll = DockScroll()
    scroll.setObjectName("projectDockScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(root)
    return scroll


def _button(text, slot, run, tip="", name=""):
    button = compact_button(text, name, tip)
    button.clicked.connect(lambda _checked=False: run(slot))
    return button


def update_enabled(dock):
    """What can be clicked: nothing without a database, plot tools only for a selected project that is not
    locked (accepted), reopening only for a locked one."""
    from ...core.acceptance import is_locked
    has_db = dock.database.is_open()
    code = dock.selected_project() if has_db else None
    locked = bool(code) and is_locked(dock.project_actions.status_of(code))
    for key, button in dock.tool_buttons.items():
        button.setEnabled(bool(code) and (key == "snap" or not locked))
    for widget in (dock.buttons["fill"], dock.buttons["importTxt"], dock.buttons["accept"],
                   dock.project_menu_actions["rename"], dock.project_menu_actions["deleteProject"]):
        widget.setEnabled(bool(code) and not locked)
    for widget in (dock.buttons["exportTxt"], dock.buttons["exportMap"], dock.buttons["workflow"],
                   dock.project_menu_button):
        widget.setEnabled(bool(code))
    dock.buttons["reopen"].setEnabled(locked)
    for widget in (dock.save_button, dock.discard_button, dock.buttons["newProject"], dock.buttons["atlas"]):
        widget.setEnabled(has_db)
