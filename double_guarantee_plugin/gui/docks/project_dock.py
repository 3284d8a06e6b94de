# SPDX-License-Identifier: GPL-2.0-or-later
"""The project dock: open a project database, manage its projects, draw plots, watch live credits.

The main screen of the plugin.  It only assembles the components of ``gui.project`` (one concern per
module: see its ``__init__``) and keeps the public methods other parts, the demo and the tests call;
most of them hand over to a component in one line.  The widgets and their order are in
``gui.project.dock_body``.
"""
from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtWidgets import QDockWidget, QMessageBox

from ...core import live_credits, projects, tables
from ...core.acceptance import AcceptanceRefused
from ...core.project_db import ProjectDatabaseError
from ...core.project_profile import current_profile, project_profile
from ...i18n import tr
from ..components import check_events
from ..components.dock_look import dock_title
from ..components.signals import disconnect_all
from ..dialogs.project_db import DOCK_OBJECT_NAME
from ..project import dock_body, state
from ..project.acceptance import Acceptance, show_refusal
from ..project.database import PlotSelection, ProjectDatabase
from ..project.dock_body import DOCK_WIDTH  # noqa: F401 (the plugin sizes the dock with it)
from ..project.exchange import Exchange
from ..project.live_runner import LiveCredits
from ..project.lock_guard import LockGuard
from ..project.plot_editing import FillFromLayerDialog, PlotEditor  # noqa: F401 (FillFromLayerDialog: old path)
from ..project.project_actions import ProjectActions
from ..project.snapping import PlotSnapping, snapping_layers

DOCK_ORDER = 10
LIST_DELAY_MS = 50   # one edit of the projects table emits several signals: rebuild the list once per burst


def create_dock(iface):
    return ProjectDock(iface)


def _to(component, name):
    """A dock method that hands its call to ``self.<component>.<name>``."""
    def method(self, *args, **kwargs):
        return getattr(getattr(self, component), name)(*args, **kwargs)
    method.__name__ = name
    method.__doc__ = f"``{component}.{name}`` (gui.project)."
    return method


def _attribute(component, name):
    return property(lambda self: getattr(getattr(self, component), name))


class ProjectDock(QDockWidget):
    """Projects of the open database and the live credits of the selected one."""

    def __init__(self, iface, parent=None):
        super().__init__(dock_title(DOCK_OBJECT_NAME), parent or iface.mainWindow())
        self.setObjectName(DOCK_OBJECT_NAME)
        self.iface = iface
        self.last_message = ("", "")
        self._restoring = False
        self.database = ProjectDatabase(self)
        self.live = LiveCredits(self.database, self.selected_project, self)
        self.plot_editor = PlotEditor(self)
        self.project_actions = ProjectActions(self)
        self.exchange = Exchange(self)
        self.acceptance = Acceptance(self)
        self.lock_guard = LockGuard(lambda text: self.message(text, "warning"), self)
        self.snapping = PlotSnapping()
        self.list_debouncer = live_credits.Debouncer(LIST_DELAY_MS, self)
        self.list_debouncer.triggered.connect(self.refresh_project_list)
        self.setWidget(dock_body.build(self))
        self.selection = PlotSelection(self.database, self.panel)
        self.setAcceptDrops(True)
        project = QgsProject.instance()
        self._connections = [
            (project_profile().changed, self.follow_profile),
            (self.project_list.projectSelected, self._project_row_changed),
            (self.panel.plotsSelected, self.selection.from_panel),
            (self.panel.repairRequested, lambda fids: self.guarded(self.repair_plots, fids)),
            (self.panel.showProblemRequested, lambda fid: self.guarded(self.show_problem, fid)),
            (self.database.opened, self._database_opened), (self.database.closed, self._database_closed),
            (self.database.changed, self._layer_changed), (self.database.plotsStored, self.refresh_all_projects),
            (self.database.plotSelectionChanged, self.selection.from_map),
            (self.live.projectSnapshot, self._show_project_snapshot), (self.live.allSnapshot, self._show_all_snapshot),
            (project.readProject, self._project_read), (project.cleared, self._project_cleared),
            (check_events.hub().projectsChecked, self._projects_checked)]
        for signal, slot in self._connections:
            signal.connect(slot)
        self._update_enabled()

    # -- what the components hold ---------------------------------------------------------------
    plots_layer = _attribute("database", "plots_layer")
    projects_layer = _attribute("database", "projects_layer")
    database_path = _attribute("database", "path")
    pg_database = _attribute("database", "pg_database")
    profile = _attribute("live", "profile")
    constraint_set = _attribute("live", "constraint_set")
    project_credits = _attribute("live", "project_credits")
    project_checks = _attribute("live", "project_checks")
    last_snapshot = _attribute("live", "last_snapshot")
    debouncer = _attribute("live", "debouncer")
    all_debouncer = _attribute("live", "all_debouncer")
    project_table = _attribute("project_list", "table")
    _problem_marker = _attribute("plot_editor", "problem_marker")

    @property
    def form_opener(self):
        return self.plot_editor.form_opener

    @form_opener.setter
    def form_opener(self, opener):
        self.plot_editor.form_opener = opener

    # -- what the components do -----------------------------------------------------------------
    new_project = _to("project_actions", "new_project")
    rename_project = _to("project_actions", "rename_project")
    delete_project = _to("project_actions", "delete_project")
    set_status = _to("project_actions", "set_status")
    open_workflow = _to("project_actions", "open_workflow")
    zoom_to_project = _to("project_actions", "zoom_to_project")
    start_draw = _to("plot_editor", "start_draw")
    start_split = _to("plot_editor", "start_split")
    start_reshape = _to("plot_editor", "start_reshape")
    deactivate_tool = _to("plot_editor", "deactivate_tool")
    merge_selected = _to("plot_editor", "merge_selected")
    delete_selected_plots = _to("plot_editor", "delete_selected_plots")
    fill_from_layer_dialog = _to("plot_editor", "fill_from_layer_dialog")
    fill_from_layer = _to("plot_editor", "fill_from_layer")
    repair_plots = _to("plot_editor", "repair_plots")
    show_problem = _to("plot_editor", "show_problem")
    clear_problem_marker = _to("plot_editor", "clear_problem_marker")
    import_txt = _to("exchange", "import_txt")
    export_txt = _to("exchange", "export_txt")
    export_map = _to("exchange", "export_map")
    open_atlas = _to("exchange", "open_atlas")
    close_database = _to("database", "close")
    _record = _to("database", "record")
    refresh_credits = _to("live", "refresh_project")
    refresh_all_projects = _to("live", "refresh_all")
    project_codes = _to("project_list", "codes")
    selected_project = _to("project_list", "selected_code")

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
                pass  # nosec B110  # the noqa reason above: a message must never take an action down

    def guarded(self, slot, *args):
        """Run a user action; a domain error becomes a message, never a traceback."""
        try:
            return slot(*args)
        except (projects.ProjectError, ProjectDatabaseError, tables.TableError) as exc:
            self.message(str(exc), "warning")
            return None

    _guarded = guarded

    def _update_enabled(self):
        dock_body.update_enabled(self)

    # -- the database --------------------------------------------------------------------------
    def open_dialog(self):
        from ..dialogs.project_db import open_project_database
        open_project_database(self.iface)

    def new_dialog(self):
        from ..dialogs.project_db import new_project_database
        new_project_database(self.iface)

    def open_pg_dialog(self):
        from ..dialogs.project_db import open_postgis_database
        open_postgis_database(self.iface)

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

    def _database_opened(self, label, tooltip):
        self.database_label.setText(label)
        self.database_label.setToolTip(tooltip)
        self.lock_guard.attach(self.database.plots_layer, self.database.projects_layer)
        if self.live.constraint_set is None:
            self.live.set_constraint_set(live_credits.project_constraint_set(QgsProject.instance()))
        self.refresh_project_list()
        self.refresh_all_projects()

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

    def undo(self):
        self.database.undo()
        self.refresh_project_list()

    def redo(self):
        self.database.redo()
        self.refresh_project_list()

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

    def accept_project(self, code=None, confirm=True):
        """Accept the project (checks, confirmation, status and deposit together); raises AcceptanceRefused."""
        return self.acceptance.accept(code or self.require_project(), confirm)

    def reopen_project(self, code=None, reason=None, status="under_way"):
        """Reopen an accepted project with a reason (its deposit is reversed); raises AcceptanceRefused."""
        return self.acceptance.reopen(code or self.require_project(), reason, status)

    def projects_changed_outside(self):
        """The workflow wrote to the projects table directly: show what is stored now."""
        if self.database.projects_layer is not None:
            self.database.projects_layer.reload()
        self.refresh_project_list()

    def accept_clicked(self):
        """验收…: the acceptance; for a project under a step-by-step workflow (national_2024) its workflow
        dialog, whose deposit step (入库) is this same acceptance after the steps before it."""
        if self.acceptance.follows_steps(self.require_project()):
            return self.open_workflow()
        return self._showing_refusals(self.accept_project)

    def reopen_clicked(self):
        return self._showing_refusals(self.reopen_project)

    def _showing_refusals(self, action):
        try:
            return action()
        except AcceptanceRefused as refusal:
            self.last_message = (str(refusal), "warning")
            show_refusal(self.iface.mainWindow(), refusal)
            return None

    def set_snapping(self, enabled):
        """Snap drawing to the plots and the basic-farmland / land-survey layers of the constraint set."""
        if not enabled:
            self.snapping.disable()
            return []
        self.require_database()
        names = self.snapping.enable(snapping_layers(self.database.plots_layer, self.live.constraint_set))
        self.message(tr("Snapping on: {}", ", ".join(names)))
        return names

    # -- live credits --------------------------------------------------------------------------
    def _layer_changed(self, layer):
        if layer is self.database.projects_layer:
            self.live.forget_project_types()
            self.list_debouncer.poke()
        self.panel.show_pending()
        self.live.debouncer.poke()
        if layer is self.database.plots_layer:
            self.live.all_debouncer.poke()

    def set_profile(self, profile_id):
        """Make ``profile_id`` the QGIS project's rule profile (every dock follows it)."""
        project_profile().set_profile_id(profile_id)
        self.follow_profile()

    def follow_profile(self, *_args):
        """Follow the QGIS project's one rule profile (core.project_profile), wherever it was changed."""
        profile = current_profile()
        if profile.id != self.live.profile.id:
            self.live.set_profile(profile)
            self.refresh_all_projects()
            self.refresh_credits()

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

    # -- drops, state, unload ------------------------------------------------------------------------
    def dragEnterEvent(self, event):  # noqa: N802 (Qt's name)
        if self.exchange.accepts_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event):  # noqa: N802
        if self.exchange.drop(event.mimeData()):
            event.acceptProposedAction()

    def write_state(self):
        if not self._restoring:
            state.write_state(self)

    def restore_state(self):
        """Reopen the database and selected project stored in the current QGIS project."""
        self._restoring = True
        try:
            return state.restore_state(self)
        finally:
            self._restoring = False

    def _project_read(self, *_args):
        self.guarded(self.restore_state)

    def _project_cleared(self):
        self.snapping.forget()
        self.tool_buttons["snap"].setChecked(False)
        self.close_database()

    def cleanup(self):
        self.deactivate_tool()      # a map tool left on QGIS's canvas would call into this deleted dock
        self.clear_problem_marker()
        self.plot_editor.remove_overlay()
        disconnect_all(self._connections)
        self.list_debouncer.stop()
        self.live.debouncer.stop()
        self.live.all_debouncer.stop()
        # a task still reading the layers when QGIS unloads the plugin would outlive its Python objects
        self.live.cancel(wait_ms=10000)
        self.snapping.disable()
        self.close_database()
