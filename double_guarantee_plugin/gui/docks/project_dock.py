"""The project dock: open a project database, manage its projects, draw plots, watch live credits.

The main screen of the plugin, assembled from the components of ``gui.project`` (one concern per
module) and ``gui.components.credit_panel``; it holds no domain logic and keeps the public methods
other parts, the demo and the tests call.  Top to bottom, in the order a technician on a laptop
needs them: the database row, the rule profile, the project list (search, filter), the project
buttons, the plot buttons, the headline figures (and the plot being drawn), the exchange buttons,
then the full credit panel.  Everything scrolls inside the dock, so the dock never forces QGIS's
window taller than the screen.
"""
from qgis.core import Qgis, QgsCoordinateTransform, QgsProject
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtWidgets import (QComboBox, QDockWidget, QFrame, QHBoxLayout, QInputDialog, QLabel, QMessageBox,
                                 QPushButton, QScrollArea, QVBoxLayout, QWidget)

from ...core import live_credits, projects, tables
from ...core.acceptance import AcceptanceRefused, is_locked
from ...core.project_db import ProjectDatabaseError
from ...i18n import tr
from ..components import check_events
from ..components.credit_panel import CreditPanel
from ..components.signals import disconnect_all
from ..dialogs.project_db import DOCK_OBJECT_NAME
from ..project import state
from ..project.acceptance import Acceptance, show_refusal
from ..project.action_bar import ButtonSpec, button_row, menu_button
from ..project.database import ProjectDatabase
from ..project.exchange import Exchange
from ..project.headline import HeadlineCredits
from ..project.live_runner import LiveCredits
from ..project.lock_guard import LockGuard
from ..project.plot_editing import FillFromLayerDialog, PlotEditor  # noqa: F401 (FillFromLayerDialog: old path)
from ..project.project_list import ProjectList
from ..project.snapping import PlotSnapping, snapping_layers

DOCK_ORDER = 10
DOCK_WIDTH = 400     # what the dock asks for: a 1366-pixel screen keeps a usable canvas beside it
LIST_DELAY_MS = 50   # one edit of the projects table emits several signals: rebuild the list once per burst


def create_dock(iface):
    return ProjectDock(iface)


class _Scroll(QScrollArea):
    def sizeHint(self):  # noqa: N802 (Qt's name)
        return QSize(DOCK_WIDTH, 560)


class ProjectDock(QDockWidget):
    """Projects of the open database and the live credits of the selected one."""

    def __init__(self, iface, parent=None):
        super().__init__(tr("Double Guarantee projects"), parent or iface.mainWindow())
        self.setObjectName(DOCK_OBJECT_NAME)
        self.iface = iface
        self.last_message = ("", "")
        self._restoring = False
        self.database = ProjectDatabase(self)
        self.live = LiveCredits(self.database, self.selected_project, self)
        self.plot_editor = PlotEditor(self)
        self.exchange = Exchange(self)
        self.acceptance = Acceptance(self)
        self.lock_guard = LockGuard(lambda text: self.message(text, "warning"), self)
        self.snapping = PlotSnapping()
        self.list_debouncer = live_credits.Debouncer(LIST_DELAY_MS, self)
        self.list_debouncer.triggered.connect(self.refresh_project_list)
        self._build()
        self.setAcceptDrops(True)
        self.database.opened.connect(self._database_opened)
        self.database.closed.connect(self._database_closed)
        self.database.changed.connect(self._layer_changed)
        self.database.plotsStored.connect(self.refresh_all_projects)
        self.database.plotSelectionChanged.connect(self._map_selection_changed)
        self.live.projectSnapshot.connect(self._show_project_snapshot)
        self.live.allSnapshot.connect(self._show_all_snapshot)
        self._syncing_selection = False
        project = QgsProject.instance()
        self._connections = [(project.readProject, self._project_read), (project.cleared, self._project_cleared),
                             (check_events.hub().projectsChecked, self._projects_checked)]
        for signal, slot in self._connections:
            signal.connect(slot)

    # -- layout --------------------------------------------------------------------------------
    def _build(self):
        root = QWidget()
        root.setMinimumWidth(280)
        layout = QVBoxLayout(root)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.buttons = {}
        run = self._guarded

        top = QHBoxLayout()
        self.database_label = QLabel(tr("No project database open"))
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setWordWrap(True)
        top.addWidget(self.database_label, 1)
        top.addWidget(menu_button(tr("Database"), "databaseMenuButton", [
            (tr("Open…"), self._open_dialog, ()), (tr("New…"), self._new_dialog, ()),
            (tr("Open PostGIS…"), self._open_pg_dialog, ())], run, tr("Open or create a project database")))
        self.save_button = self._push(tr("Save"), self.save, tr("Save all edits to the database"), "saveButton")
        self.discard_button = self._push(tr("Discard"), lambda: self.discard(confirm=True),
                                         tr("Discard all unsaved edits"), "discardButton")
        top.addWidget(self.save_button)
        top.addWidget(self.discard_button)
        layout.addLayout(top)

        profile_row = QHBoxLayout()
        profile_row.addWidget(QLabel(tr("Rule profile")))
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("profileCombo")
        for profile_id in tables.rule_profile_ids():
            profile = tables.load_rule_profile(profile_id)
            self.profile_combo.addItem(f"{profile.name_zh} ({profile_id})", profile_id)
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(self.live.profile.id)))
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        profile_row.addWidget(self.profile_combo, 1)
        layout.addLayout(profile_row)

        self.project_list = ProjectList()
        self.project_list.projectSelected.connect(self._project_row_changed)
        layout.addWidget(self.project_list, 1)

        statuses = [(f"{row['name_zh']} {row['name_en']}", self.set_status, (row["code"],))
                    for row in tables.project_codes()["statuses"]]
        self.status_button = menu_button(tr("Set status"), "statusButton", statuses, run)
        layout.addWidget(button_row([
            ButtonSpec("newProject", tr("New project"), self.new_project, tr("Add a project (its form opens)")),
            ButtonSpec("rename", tr("Rename"), self.rename_project),
            ButtonSpec("deleteProject", tr("Delete"), self.delete_project,
                       tr("Delete the project and its plots (undoable until saved)")),
            ButtonSpec("accept", tr("Accept…"), self.accept_clicked,
                       tr("Accept the project and deposit its credits into the reserve, after checks")),
            ButtonSpec("reopen", tr("Reopen…"), self.reopen_clicked,
                       tr("Reopen an accepted project (with a reason): its deposit is reversed"))],
            run, self.buttons, [self.status_button]))

        self.tool_buttons = {}
        layout.addWidget(button_row([
            ButtonSpec("draw", tr("Draw"), self.start_draw, tr("Draw a plot with QGIS's capture tool")),
            ButtonSpec("split", tr("Split"), self.start_split, tr("Draw a line across plots to split them")),
            ButtonSpec("reshape", tr("Reshape"), self.start_reshape, tr("Draw a line to reshape a plot")),
            ButtonSpec("merge", tr("Merge"), self.merge_selected, tr("Merge the selected plots")),
            ButtonSpec("delete", tr("Delete plots"), self.delete_selected_plots, tr("Delete the selected plots")),
            ButtonSpec("fill", tr("Fill from layer…"), self.fill_from_layer_dialog,
                       tr("Turn selected features of a polygon layer into plots")),
            ButtonSpec("snap", tr("Snapping"), self.set_snapping,
                       tr("Snap drawing to plots, basic farmland and land-survey boundaries"), checkable=True)],
            run, self.tool_buttons, [self._push(tr("Undo"), self.undo, name="undoButton"),
                                     self._push(tr("Redo"), self.redo, name="redoButton")]))

        self.headline = HeadlineCredits()
        layout.addWidget(self.headline)
        exchange = {}
        layout.addWidget(button_row([
            ButtonSpec("importTxt", tr("Import TXT…"), self.import_txt,
                       tr("Import Ministry-format coordinate files as plots")),
            ButtonSpec("exportTxt", tr("Export TXT…"), self.export_txt,
                       tr("Export the project as a Ministry-format coordinate file")),
            ButtonSpec("exportMap", tr("Export map…"), self.export_map, tr("Export the project map")),
            ButtonSpec("atlas", tr("Atlas…"), self.open_atlas,
                       tr("Export the maps of many projects as a cancellable background task"))], run, exchange))
        self.buttons.update(exchange)

        self.panel = CreditPanel()
        self.panel.plotsSelected.connect(self._panel_selected_plots)
        self.panel.repairRequested.connect(lambda fids: self._guarded(self.repair_plots, fids))
        self.panel.showProblemRequested.connect(lambda fid: self._guarded(self.show_problem, fid))
        layout.addWidget(self.panel, 1)

        scroll = _Scroll()
        scroll.setObjectName("projectDockScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(root)
        self.setWidget(scroll)
        self._update_enabled()

    def _push(self, text, slot, tip="", name=""):
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: self._guarded(slot))
        return button

    def _update_enabled(self):
        has_db = self.database.is_open()
        code = self.selected_project() if has_db else None
        locked = bool(code) and is_locked(self._status_of(code))
        for key, button in self.tool_buttons.items():
            button.setEnabled(bool(code) and (key == "snap" or not locked))
        for key in ("rename", "deleteProject", "importTxt"):
            self.buttons[key].setEnabled(bool(code) and not locked)
        for key in ("exportTxt", "exportMap"):
            self.buttons[key].setEnabled(bool(code))
        self.buttons["accept"].setEnabled(bool(code) and not locked)
        self.buttons["reopen"].setEnabled(locked)
        for widget in (self.save_button, self.discard_button, self.buttons["newProject"], self.buttons["atlas"],
                       self.status_button):
            widget.setEnabled(has_db)

    def _status_of(self, code):
        feature = projects.find_project(self.database.projects_layer, code) if self.database.is_open() else None
        return feature["status"] if feature is not None else None

    # -- messages ------------------------------------------------------------------------------
    def message(self, text, level="info"):
        self.last_message = (text, level)
        levels = {"info": Qgis.MessageLevel.Info, "warning": Qgis.MessageLevel.Warning,
                  "critical": Qgis.MessageLevel.Critical, "success": Qgis.MessageLevel.Success}
        bar = self.iface.messageBar() if hasattr(self.iface, "messageBar") else None
        if bar is not None:
            try:
                bar.pushMessage(tr("Double Guarantee"), text, levels.get(level, Qgis.MessageLevel.Info), 8)
            except Exception:  # noqa: BLE001 - a message must never take an action down with it
                pass

    def _guarded(self, slot, *args):
        """Run a user action; a domain error becomes a message, never a traceback."""
        try:
            return slot(*args)
        except (projects.ProjectError, ProjectDatabaseError, tables.TableError) as exc:
            self.message(str(exc), "warning")
            return None

    guarded = _guarded

    # -- the database --------------------------------------------------------------------------
    def _open_dialog(self):
        from ..dialogs.project_db import open_project_database as dialog
        dialog(self.iface)

    def _new_dialog(self):
        from ..dialogs.project_db import new_project_database as dialog
        dialog(self.iface)

    def _open_pg_dialog(self):
        from ..dialogs.project_db import open_postgis_database as dialog
        dialog(self.iface)

    def open_database(self, path):
        """Open ``path`` (migrating it if needed), add its layers to the project and list its projects."""
        result = self.database.open_file(path)
        self.write_state()
        return result

    def open_postgis(self, connection, schema):
        """Open the project database in ``schema`` of a PostgreSQL connection (QGIS connection name or DSN)."""
        result = self.database.open_postgis(connection, schema)
        self.write_state()
        return result

    def close_database(self):
        self.database.close()

    def _database_opened(self, label, tooltip):
        self.database_label.setText(label)
        self.database_label.setToolTip(tooltip)
        self.lock_guard.attach(self.database.plots_layer, self.database.projects_layer)
        if self.live.constraint_set is None:
            self.live.set_constraint_set(live_credits.project_constraint_set(QgsProject.instance()))
        self.refresh_project_list()
        self.refresh_all_projects()
        self._update_enabled()

    def _database_closed(self):
        self.deactivate_tool()
        self.clear_problem_marker()
        self.lock_guard.detach()
        self.live.reset()
        self.project_list.clear()
        self.panel.show_nothing()
        self.headline.show_nothing()
        self.database_label.setText(tr("No project database open"))
        self._update_enabled()

    def save(self):
        """Commit the edits of both layers; a refused commit keeps the edits and names the errors."""
        self.database.save()
        self.message(tr("Saved"), "success")

    def discard(self, confirm=False):
        if confirm and self.database.modified_layers():
            answer = QMessageBox.question(self, tr("Discard"), tr("Discard all unsaved edits of the project database?"))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.database.discard()
        self.refresh_project_list()
        return True

    # -- projects ------------------------------------------------------------------------------
    def require_database(self):
        if not self.database.is_open():
            raise projects.ProjectError(tr("Open a project database first"))

    def require_project(self):
        self.require_database()
        code = self.selected_project()
        if not code:
            raise projects.ProjectError(tr("Select a project first"))
        return code

    _require_database, _require_project = require_database, require_project

    def refresh_project_list(self):
        """Rebuild the project list from the projects layer (keeping the selection)."""
        self.list_debouncer.stop()
        selected = self.selected_project()
        layer = self.database.projects_layer
        rows = projects.list_projects(layer) if layer is not None else []
        self.project_list.show_rows(rows, self.live.project_credits, self.live.project_checks, selected)
        self.lock_guard.refresh()
        if selected and selected not in {row.get("project_code") for row in rows}:
            self.panel.show_nothing()
            self.headline.show_nothing()
        self._update_enabled()

    def project_codes(self):
        return self.project_list.codes()

    def selected_project(self):
        return self.project_list.selected_code()

    def select_project(self, code, zoom=True):
        """Select a project in the list (and zoom to it); returns True when found."""
        if not self.project_list.select_code(code):
            return False
        self._project_selected(code, zoom)
        return True

    def _project_row_changed(self, code):
        if code:
            self._project_selected(code, True)
        else:
            self.panel.show_nothing()
            self.headline.show_nothing()
            self._update_enabled()

    def _project_selected(self, code, zoom):
        self.deactivate_tool()
        self._update_enabled()
        if zoom:
            self.zoom_to_project(code)
        self.panel.show_pending()
        self.headline.show_pending()
        self.refresh_credits()
        self.write_state()

    def zoom_to_project(self, code):
        """Centre the canvas on the project's plots (with a margin)."""
        plots = self.database.plots_layer
        extent = projects.project_extent(plots, code)
        if extent is None:
            return False
        canvas = self.iface.mapCanvas()
        destination = canvas.mapSettings().destinationCrs()
        if destination.isValid() and destination != plots.crs():
            extent = QgsCoordinateTransform(plots.crs(), destination, QgsProject.instance()).transformBoundingBox(extent)
        elif not destination.isValid():
            canvas.setDestinationCrs(plots.crs())
        extent.scale(1.2)
        canvas.setExtent(extent)
        canvas.refresh()
        return True

    def new_project(self, attributes=None):
        """Add a project; without ``attributes`` the projects layer's own form asks for them."""
        self.require_database()
        layer = self.database.projects_layer
        if attributes is None:
            codes = set(self.project_codes())
            index = len(codes) + 1
            while f"XM{index:03d}" in codes:
                index += 1
            # the form edits only a layer in edit mode: without it every field is read-only and 确定 grey
            projects.ensure_editing(layer)
            feature = projects.new_feature(layer, None, {"project_code": f"XM{index:03d}", "status": "planned"})
            edited = self.form_opener(self.iface, layer, feature)
            if edited is None:
                return None
            attributes = {name: edited[name] for name in edited.fields().names() if name != "fid"}
            attributes = {k: v for k, v in attributes.items() if v is not None and not _is_null(v)}
        projects.add_project(layer, attributes)
        self.database.record([layer])
        self.refresh_project_list()
        self.select_project(attributes["project_code"], zoom=False)
        return attributes["project_code"]

    def rename_project(self, new_name=None):
        code = self.plot_editor.require_editable_project()
        if new_name is None:
            current = projects.find_project(self.database.projects_layer, code)
            new_name, ok = QInputDialog.getText(self, tr("Rename project"), tr("New name of {}", code),
                                                text=str(current["project_name"] or ""))
            if not ok:
                return None
        projects.rename_project(self.database.projects_layer, code, new_name)
        self.database.record([self.database.projects_layer])
        self.refresh_project_list()
        return new_name

    def delete_project(self, confirm=True):
        code = self.plot_editor.require_editable_project()
        if confirm:
            answer = QMessageBox.question(
                self, tr("Delete project"),
                tr("Delete project {} and all its plots? You can undo this until you save.", code))
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        count = projects.delete_project(self.database.projects_layer, self.database.plots_layer, code)
        self.database.record([self.database.plots_layer, self.database.projects_layer])
        self.live.project_credits.pop(code, None)
        self.refresh_project_list()
        self.panel.show_nothing()
        self.message(tr("Project {} deleted with {} plots (undo to restore; save to make it final)", code, count))
        return count

    def set_status(self, status):
        """Change the selected project's status: 已验收 is the acceptance, leaving it the reopening."""
        code = self.require_project()
        current = self._status_of(code)
        if status == "accepted":
            return self.accept_project(code)
        if is_locked(current) and not is_locked(status):
            return self.reopen_project(code, status=status)
        if is_locked(status) and not is_locked(current):
            raise projects.ProjectError(tr("Project {}: accept it first (验收), then it can be filed", code))
        projects.update_project(self.database.projects_layer, code, {"status": status}, tr("status of {}", code))
        self.database.record([self.database.projects_layer])
        self.refresh_project_list()
        return status

    def accept_project(self, code=None, confirm=True):
        """Accept the project (checks, confirmation, status and deposit together); raises AcceptanceRefused."""
        return self.acceptance.accept(code or self.require_project(), confirm)

    def reopen_project(self, code=None, reason=None, status="under_way"):
        """Reopen an accepted project with a reason (its deposit is reversed); raises AcceptanceRefused."""
        return self.acceptance.reopen(code or self.require_project(), reason, status)

    def accept_clicked(self):
        self._refusals_shown(self.accept_project)

    def reopen_clicked(self):
        self._refusals_shown(self.reopen_project)

    def _refusals_shown(self, action):
        try:
            return action()
        except AcceptanceRefused as refusal:
            self.last_message = (str(refusal), "warning")
            show_refusal(self.iface.mainWindow(), refusal)
            return None

    # -- plots (gui.project.plot_editing) -----------------------------------------------------------
    def start_draw(self):
        return self.plot_editor.start_draw()

    def start_split(self):
        return self.plot_editor.start_split()

    def start_reshape(self):
        return self.plot_editor.start_reshape()

    def deactivate_tool(self):
        self.plot_editor.deactivate_tool()

    def merge_selected(self):
        return self.plot_editor.merge_selected()

    def delete_selected_plots(self):
        return self.plot_editor.delete_selected_plots()

    def fill_from_layer_dialog(self):
        return self.plot_editor.fill_from_layer_dialog()

    def fill_from_layer(self, layer, fids, class_field=None, as_class="class_before", code=None):
        return self.plot_editor.fill_from_layer(layer, fids, class_field, as_class, code)

    def repair_plots(self, fids=None):
        return self.plot_editor.repair_plots(fids)

    def show_problem(self, fid):
        return self.plot_editor.show_problem(fid)

    def clear_problem_marker(self):
        self.plot_editor.clear_problem_marker()

    def set_snapping(self, enabled):
        """Snap drawing to the plots and the basic-farmland / land-survey layers of the constraint set."""
        if not enabled:
            self.snapping.disable()
            return []
        self.require_database()
        names = self.snapping.enable(snapping_layers(self.database.plots_layer, self.live.constraint_set))
        self.message(tr("Snapping on: {}", ", ".join(names)))
        return names

    @property
    def form_opener(self):
        return self.plot_editor.form_opener

    @form_opener.setter
    def form_opener(self, opener):
        self.plot_editor.form_opener = opener

    @property
    def _problem_marker(self):
        return self.plot_editor.problem_marker

    def _record(self, layers):
        self.database.record(layers)

    def undo(self):
        self.database.undo()
        self.refresh_project_list()

    def redo(self):
        self.database.redo()
        self.refresh_project_list()

    # -- exchange (gui.project.exchange) ------------------------------------------------------------
    def import_txt(self, paths=None):
        return self.exchange.import_txt(paths)

    def export_txt(self, path=None, **options):
        return self.exchange.export_txt(path, **options)

    def export_map(self, path=None):
        return self.exchange.export_map(path)

    def open_atlas(self):
        return self.exchange.open_atlas()

    def dragEnterEvent(self, event):  # noqa: N802 (Qt's name)
        if self.exchange.accepts_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event):  # noqa: N802
        if self.exchange.drop(event.mimeData()):
            event.acceptProposedAction()

    # -- live credits (gui.project.live_runner) ------------------------------------------------------
    plots_layer = property(lambda self: self.database.plots_layer)
    projects_layer = property(lambda self: self.database.projects_layer)
    database_path = property(lambda self: self.database.path)
    pg_database = property(lambda self: self.database.pg_database)
    profile = property(lambda self: self.live.profile)
    constraint_set = property(lambda self: self.live.constraint_set)
    project_credits = property(lambda self: self.live.project_credits)
    project_checks = property(lambda self: self.live.project_checks)
    last_snapshot = property(lambda self: self.live.last_snapshot)
    debouncer = property(lambda self: self.live.debouncer)
    all_debouncer = property(lambda self: self.live.all_debouncer)
    project_table = property(lambda self: self.project_list.table)

    def _layer_changed(self, layer):
        if layer is self.database.projects_layer:
            self.live.forget_project_types()
            self.list_debouncer.poke()
        self.panel.show_pending()
        self.live.debouncer.poke()
        if layer is self.database.plots_layer:
            self.live.all_debouncer.poke()

    def set_profile(self, profile_id):
        self.profile_combo.setCurrentIndex(self.profile_combo.findData(profile_id))
        self.live.set_profile(tables.load_rule_profile(profile_id))

    def _profile_changed(self):
        profile_id = self.profile_combo.currentData()
        if profile_id and profile_id != self.live.profile.id:
            self.live.set_profile(tables.load_rule_profile(profile_id))
            self.refresh_all_projects()
            self.refresh_credits()
            self.write_state()

    def set_constraint_set(self, constraint_set):
        """Use ``constraint_set`` (a core.constraints.ConstraintSet, or None) for the verdicts."""
        self.live.set_constraint_set(constraint_set)
        self.refresh_all_projects()
        self.refresh_credits()

    def _projects_checked(self, statuses):
        """The check dock just checked: show its verdicts now, and recompute the figures with its layers."""
        if not self.database.is_open():
            return
        self.live.set_checks(statuses)
        self.live.sync_constraint_set()
        self.refresh_project_list()
        self.live.all_debouncer.poke()
        if self.selected_project() in statuses:
            self.live.debouncer.poke()

    def refresh_credits(self):
        """Recompute the selected project's figures in the background (called debounced)."""
        return self.live.refresh_project()

    def refresh_all_projects(self, *_args):
        """Recompute every project's totals and verdicts for the project list (background)."""
        return self.live.refresh_all()

    def _show_project_snapshot(self, snapshot):
        code = snapshot.project_code
        if code != self.selected_project():
            return
        feature = projects.find_project(self.database.projects_layer, code) if self.database.is_open() else None
        label = f"{code} {(feature['project_name'] or '') if feature is not None else ''}".strip()
        self.panel.show_snapshot(snapshot, label)
        self.headline.show_snapshot(snapshot, label)
        if not snapshot.geometry_problems:
            self.clear_problem_marker()
        if not snapshot.error and feature is not None:
            self.project_list.update_row(projects.feature_dict(feature), snapshot.project_credit,
                                         snapshot.check_status)
        if self.database.plots_layer is not None:
            self.panel.select_fids(self.database.plots_layer.selectedFeatureIds())

    def _show_all_snapshot(self, snapshot):
        if snapshot.error:
            self.message(tr("Credits could not be computed: {}", snapshot.error.splitlines()[0]), "warning")
            return
        self.refresh_project_list()

    def busy(self):
        """True while an edit is waiting for its debounce or a credit task is running."""
        return self.live.busy() or self.list_debouncer.pending()

    # -- selection sync ------------------------------------------------------------------------------
    def _panel_selected_plots(self, fids):
        if self.database.plots_layer is None or self._syncing_selection:
            return
        self._syncing_selection = True
        try:
            self.database.plots_layer.selectByIds(fids)
        finally:
            self._syncing_selection = False

    def _map_selection_changed(self):
        if self._syncing_selection or self.database.plots_layer is None:
            return
        self._syncing_selection = True
        try:
            self.panel.select_fids(self.database.plots_layer.selectedFeatureIds())
        finally:
            self._syncing_selection = False

    # -- state in the QGIS project (gui.project.state) -----------------------------------------------
    def write_state(self):
        if not self._restoring:
            state.write_state(self)

    def restore_state(self):
        """Reopen the database, rule profile and selected project stored in the current QGIS project."""
        self._restoring = True
        try:
            return state.restore_state(self)
        finally:
            self._restoring = False

    def _project_read(self, *_args):
        self._guarded(self.restore_state)

    def _project_cleared(self):
        self.snapping.forget()
        self.tool_buttons["snap"].setChecked(False)
        self.close_database()

    # -- unload -------------------------------------------------------------------------------------
    def cleanup(self):
        disconnect_all(self._connections)
        self.list_debouncer.stop()
        self.live.debouncer.stop()
        self.live.all_debouncer.stop()
        # a task still reading the layers when QGIS unloads the plugin would outlive its Python objects
        self.live.cancel(wait_ms=10000)
        self.snapping.disable()
        self.close_database()


def _is_null(value):
    return hasattr(value, "isNull") and value.isNull()
