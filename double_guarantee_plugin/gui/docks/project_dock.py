# SPDX-License-Identifier: GPL-2.0-or-later
"""The project dock: open a project database, manage its projects, draw plots, watch live credits.

The main screen of the plugin.  It holds no domain logic: projects and plots change through
``core.projects`` (one edit command per user action), figures come from ``core.live_credits``
(debounced, computed in a QgsTask off the main thread) and drawing uses QGIS's own capture tool
(``gui.tools.plot_tools``).  The open database, selected project and rule profile are stored in
the QGIS project under the scope ``DoubleGuarantee`` and restored when the project is read.  A
database is a GeoPackage file or a schema on PostGIS (core.project_db_pg); for PostGIS only the QGIS
connection name (or a DSN without its password) and the schema are stored.
"""
import os
import sqlite3
import time

from qgis.core import Qgis, QgsApplication, QgsCoordinateTransform, QgsMapLayerProxyModel, QgsProject
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QDockWidget,
                                 QFileDialog, QFormLayout, QHBoxLayout, QInputDialog, QLabel, QMenu, QMessageBox,
                                 QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QToolButton, QVBoxLayout,
                                 QWidget)

from ...core import live_credits, project_db_pg, projects, tables
from ...core.project_db import (PLOTS_LAYER, PROJECTS_TABLE, ProjectDatabaseError, layer_uri,
                                open_project_database)
from ...core.project_profile import current_profile, project_profile
from ...i18n import tr
from ..components.credit_panel import CreditPanel, STATUS_COLOURS, status_label
from ..components.profile_selector import ProfileSelector
from ..components.signals import disconnect_all
from ..dialogs.project_db import DOCK_OBJECT_NAME
from ..tools.plot_tools import DrawPlotTool, ReshapePlotTool, SplitPlotsTool, open_attribute_form

DOCK_ORDER = 10
SCOPE = "DoubleGuarantee"
KEY_DATABASE, KEY_PROJECT = "database_path", "selected_project"   # the profile: core.project_profile
KEY_PG_CONNECTION, KEY_PG_SCHEMA = "pg_connection", "pg_schema"   # never a password: see project_db_pg.public_target
ALL_PROJECTS_DELAY_MS = 2000
PROJECT_COLUMNS = ("project_code", "project_name", "status", "check", "area_mu", "credit_area_mu",
                   "credit_capacity_kg", "credit_paddy_mu", "county_code")  # the verdict stays in sight


def create_dock(iface):
    return ProjectDock(iface)


def _same_source(a, b):
    def norm(uri):
        path, _, rest = uri.partition("|")
        return os.path.normcase(os.path.abspath(path)) + "|" + rest.strip()
    return norm(a) == norm(b)


class FillFromLayerDialog(QDialog):
    """Pick a polygon layer and the field holding GB/T 21010 class codes to copy."""

    def __init__(self, parent=None, exclude=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Fill plots from a layer"))
        form = QFormLayout(self)
        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        if exclude:
            self.layer_combo.setExceptedLayerList(exclude)
        self.field_combo = QgsFieldComboBox()
        self.field_combo.setAllowEmptyFieldName(True)
        self.layer_combo.layerChanged.connect(self.field_combo.setLayer)
        self.field_combo.setLayer(self.layer_combo.currentLayer())
        self.target_combo = QComboBox()
        self.target_combo.addItem(tr("Class before"), "class_before")
        self.target_combo.addItem(tr("Class after"), "class_after")
        form.addRow(tr("Layer (its selected features become plots)"), self.layer_combo)
        form.addRow(tr("Field with land-class codes"), self.field_combo)
        form.addRow(tr("Copy the codes into"), self.target_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ProjectDock(QDockWidget):
    """Projects of the open database and the live credits of the selected one."""

    def __init__(self, iface, parent=None):
        super().__init__(tr("Double Guarantee projects"), parent or iface.mainWindow())
        self.setObjectName(DOCK_OBJECT_NAME)
        self.iface = iface
        self.database_path = None
        self.pg_database = None          # (connection name or password-free DSN, schema) of a PostGIS database
        self._pg_connect_as = None
        self.plots_layer = None
        self.projects_layer = None
        self.profile = current_profile()
        self.constraint_set = None
        # one engine per kind of run: the all-projects run and the live run may overlap in two threads
        self.engine_caches = {"project": live_credits.ConstraintEngineCache(),
                              "all": live_credits.ConstraintEngineCache()}
        self._types_cache = None
        self.project_credits = {}        # code -> ProjectCredit (all-projects run or latest live run)
        self.project_checks = {}         # code -> status
        self.last_snapshot = None
        self.last_message = ("", "")
        self._tasks = {}                 # kind -> running CreditTask
        self._generation = {"project": 0, "all": 0}
        self._restoring = False
        self._syncing_selection = False
        self._history = []               # [[layers]]: one entry per dock action touching several layers
        self._redo = []
        self._active_tool = None
        self._problem_marker = None
        self._project_snapshot_started = 0.0
        self.form_opener = open_attribute_form

        self.debouncer = live_credits.Debouncer(live_credits.DEBOUNCE_MS, self)
        self.debouncer.triggered.connect(self.refresh_credits)
        # one edit of the projects table emits several signals: rebuild the list once per burst
        self.list_debouncer = live_credits.Debouncer(50, self)
        self.list_debouncer.triggered.connect(self.refresh_project_list)
        # the other projects' totals follow edits too, but lazily: a full run over 50,000 plots takes seconds
        self.all_debouncer = live_credits.Debouncer(ALL_PROJECTS_DELAY_MS, self)
        self.all_debouncer.triggered.connect(self.refresh_all_projects)
        self._build()
        self.setAcceptDrops(True)
        project = QgsProject.instance()
        project.readProject.connect(self._project_read)
        project.cleared.connect(self._project_cleared)

    # -- layout --------------------------------------------------------------------------------
    def _button(self, text, slot, tip="", name=""):
        button = QPushButton(text)
        button.setToolTip(tip)
        if name:
            button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: self._guarded(slot))
        return button

    def _build(self):
        root = QWidget()
        layout = QVBoxLayout(root)

        top = QHBoxLayout()
        self.database_label = QLabel(tr("No project database open"))
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setWordWrap(True)
        top.addWidget(self.database_label, 1)
        top.addWidget(self._button(tr("Open…"), self._open_dialog, tr("Open a project database"), "openButton"))
        top.addWidget(self._button(tr("New…"), self._new_dialog, tr("Create a project database"), "newDbButton"))
        top.addWidget(self._button(tr("Open PostGIS…"), self._open_pg_dialog,
                                   tr("Open or create a project database on a PostgreSQL/PostGIS connection"),
                                   "openPgButton"))
        layout.addLayout(top)

        profile_row = QHBoxLayout()
        self.profile_selector = ProfileSelector()      # the QGIS project's one rule profile
        self.profile_combo = self.profile_selector.combo
        project_profile().changed.connect(self._profile_changed)
        profile_row.addWidget(self.profile_selector, 1)
        self.save_button = self._button(tr("Save"), self.save, tr("Save all edits to the database"), "saveButton")
        self.discard_button = self._button(tr("Discard"), lambda: self.discard(confirm=True),
                                           tr("Discard all unsaved edits"))
        profile_row.addWidget(self.save_button)
        profile_row.addWidget(self.discard_button)
        layout.addLayout(profile_row)

        splitter = QSplitter(Qt.Orientation.Vertical)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        self.project_table = QTableWidget(0, len(PROJECT_COLUMNS))
        self.project_table.setObjectName("projectTable")
        self.project_table.setHorizontalHeaderLabels([
            tr("Code"), tr("Name"), tr("Project status"), tr("Check"), tr("Area (mu)"), tr("Area credit (mu)"),
            tr("Capacity credit (kg)"), tr("Paddy credit (mu)"), tr("County")])
        self.project_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.project_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.project_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.project_table.verticalHeader().setVisible(False)
        self.project_table.itemSelectionChanged.connect(self._project_row_changed)
        self.project_table.setMinimumHeight(170)
        upper_layout.addWidget(self.project_table, 1)

        project_row = QHBoxLayout()
        project_row.addWidget(self._button(tr("New project"), self.new_project, name="newProjectButton"))
        project_row.addWidget(self._button(tr("Rename"), self.rename_project))
        project_row.addWidget(self._button(tr("Delete"), self.delete_project, tr("Delete the project and its plots "
                                                                                  "(undoable until saved)")))
        self.status_button = QToolButton()
        self.status_button.setText(tr("Set status"))
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.status_button)
        for row in tables.project_codes()["statuses"]:
            action = menu.addAction(f"{row['name_zh']} {row['name_en']}")
            action.triggered.connect(lambda _c=False, code=row["code"]: self._guarded(self.set_status, code))
        self.status_button.setMenu(menu)
        project_row.addWidget(self.status_button)
        project_row.addWidget(self._button(tr("Workflow…"), self.open_workflow, tr(
            "The project's rule profile, its acceptance steps (who, when) and the next step"), "workflowButton"))
        upper_layout.addLayout(project_row)
        exchange_row = QHBoxLayout()
        exchange_row.addWidget(self._button(tr("Import TXT…"), self.import_txt,
                                            tr("Import Ministry-format coordinate files as plots")))
        exchange_row.addWidget(self._button(tr("Export TXT…"), self.export_txt,
                                            tr("Export the project as a Ministry-format coordinate file")))
        exchange_row.addWidget(self._button(tr("Export map…"), self.export_map, tr("Export the project map")))
        exchange_row.addWidget(self._button(tr("Atlas…"), self.open_atlas,
                                            tr("Export the maps of many projects as a cancellable background task"),
                                            name="atlasButton"))
        upper_layout.addLayout(exchange_row)

        plot_row = QHBoxLayout()
        self.tool_buttons = {}
        for key, text, slot, tip in (
                ("draw", tr("Draw"), self.start_draw, tr("Draw a plot with QGIS's capture tool")),
                ("split", tr("Split"), self.start_split, tr("Draw a line across plots to split them")),
                ("reshape", tr("Reshape"), self.start_reshape, tr("Draw a line to reshape a plot")),
                ("merge", tr("Merge"), self.merge_selected, tr("Merge the selected plots")),
                ("delete", tr("Delete plots"), self.delete_selected_plots, tr("Delete the selected plots")),
                ("fill", tr("Fill from layer…"), self.fill_from_layer_dialog,
                 tr("Turn selected features of a polygon layer into plots"))):
            button = self._button(text, slot, tip, f"{key}Button")
            self.tool_buttons[key] = button
            plot_row.addWidget(button)
        upper_layout.addLayout(plot_row)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self._button(tr("Undo"), self.undo, name="undoButton"))
        undo_row.addWidget(self._button(tr("Redo"), self.redo, name="redoButton"))
        undo_row.addStretch(1)
        upper_layout.addLayout(undo_row)
        splitter.addWidget(upper)

        self.panel = CreditPanel()
        self.panel.plotsSelected.connect(self._panel_selected_plots)
        self.panel.repairRequested.connect(lambda fids: self._guarded(self.repair_plots, fids))
        self.panel.showProblemRequested.connect(lambda fid: self._guarded(self.show_problem, fid))
        splitter.addWidget(self.panel)
        layout.addWidget(splitter, 1)
        self.setWidget(root)
        self._update_enabled()

    def _update_enabled(self):
        has_db = self.plots_layer is not None
        has_project = has_db and bool(self.selected_project())
        for button in self.tool_buttons.values():
            button.setEnabled(has_project)
        self.save_button.setEnabled(has_db)
        self.discard_button.setEnabled(has_db)

    # -- messages ------------------------------------------------------------------------------
    def message(self, text, level="info"):
        self.last_message = (text, level)
        levels = {"info": Qgis.MessageLevel.Info, "warning": Qgis.MessageLevel.Warning, "critical": Qgis.MessageLevel.Critical, "success": Qgis.MessageLevel.Success}
        bar = self.iface.messageBar() if hasattr(self.iface, "messageBar") else None
        if bar is not None:
            try:
                bar.pushMessage(tr("Double Guarantee"), text, levels.get(level, Qgis.MessageLevel.Info), 8)
            except Exception:  # noqa: BLE001 - a message must never take an action down with it
                pass  # nosec B110  # the noqa reason above: a message must never take an action down

    def _guarded(self, slot, *args):
        """Run a user action; a domain error becomes a message, never a traceback."""
        try:
            return slot(*args)
        except (projects.ProjectError, ProjectDatabaseError, tables.TableError) as exc:
            self.message(str(exc), "warning")
            return None

    # -- database ------------------------------------------------------------------------------
    def _open_dialog(self):
        from ..dialogs.project_db import open_project_database as dialog
        dialog(self.iface)

    def _new_dialog(self):
        from ..dialogs.project_db import new_project_database as dialog
        dialog(self.iface)

    def _open_pg_dialog(self):
        from ..dialogs.project_db import open_postgis_database as dialog
        dialog(self.iface)

    def _loaded_layer(self, uri):
        for layer in QgsProject.instance().mapLayers().values():
            if layer.providerType() == "ogr" and _same_source(layer.source(), uri):
                return layer
        return None

    def open_database(self, path):
        """Open ``path`` (migrating it if needed), add its layers to the project and list its projects."""
        path = os.path.abspath(path)
        try:
            plots, projects_layer = open_project_database(path)
        except ProjectDatabaseError:
            raise
        except (sqlite3.Error, OSError, RuntimeError) as exc:  # e.g. a file that is not SQLite at all
            raise ProjectDatabaseError(tr("{}: not a project database ({})", path, exc)) from exc
        loaded_plots = self._loaded_layer(layer_uri(path, PLOTS_LAYER))
        loaded_projects = self._loaded_layer(layer_uri(path, PROJECTS_TABLE))
        result = self._attach(plots, projects_layer, loaded_plots, loaded_projects,
                              tr("Database: {}", os.path.basename(path)), path)
        self.database_path = path
        self.write_state()
        return result

    def open_postgis(self, connection, schema):
        """Open the project database in ``schema`` of a PostgreSQL connection (QGIS connection name or DSN)."""
        target = project_db_pg.resolve_target(connection)
        plots, projects_layer = project_db_pg.open_project_database_pg(target, schema)
        loaded = {}
        for table in (PLOTS_LAYER, PROJECTS_TABLE):
            loaded[table] = next((layer for layer in QgsProject.instance().mapLayers().values()
                                  if project_db_pg.same_table(layer, target, schema, table)), None)
        result = self._attach(plots, projects_layer, loaded[PLOTS_LAYER], loaded[PROJECTS_TABLE],
                              tr("Database: PostGIS {} / {}", target.label, schema), f"{target.label} / {schema}")
        self.pg_database = (project_db_pg.public_target(target), schema)
        # in memory only: a DSN given with its password keeps working for the ledger lookup
        self._pg_connect_as = connection if isinstance(connection, str) else self.pg_database[0]
        self.write_state()
        return result

    def _attach(self, plots, projects_layer, loaded_plots, loaded_projects, label, tooltip):
        """Make the opened layers (or the project's own copies of them) the dock's database."""
        self.close_database()
        project = QgsProject.instance()
        if loaded_plots is not None:
            plots = loaded_plots
        else:
            project.addMapLayer(plots)
        if loaded_projects is not None:
            projects_layer = loaded_projects
        else:
            project.addMapLayer(projects_layer)
        from ...core.project_db import configure_plots_layer, configure_projects_layer
        configure_plots_layer(plots)
        configure_projects_layer(projects_layer)
        self.plots_layer, self.projects_layer = plots, projects_layer
        for layer in (plots, projects_layer):
            for signal in (layer.layerModified, layer.featureAdded, layer.featureDeleted, layer.geometryChanged,
                           layer.attributeValueChanged, layer.afterRollBack, layer.afterCommitChanges,
                           layer.dataChanged):
                signal.connect(self._layer_changed)
            layer.willBeDeleted.connect(self._layer_deleted)
        plots.afterCommitChanges.connect(self.refresh_all_projects)
        plots.afterRollBack.connect(self.refresh_all_projects)
        plots.selectionChanged.connect(self._map_selection_changed)
        self.database_label.setText(label)
        self.database_label.setToolTip(tooltip)
        if self.constraint_set is None:
            self.constraint_set = live_credits.project_constraint_set(project)
        self.refresh_project_list()
        self.refresh_all_projects()
        self._update_enabled()
        return plots, projects_layer

    def close_database(self):
        self.deactivate_tool()
        self.clear_problem_marker()
        for layer in (self.plots_layer, self.projects_layer):
            if layer is None:
                continue
            try:
                for signal in (layer.layerModified, layer.featureAdded, layer.featureDeleted,
                               layer.geometryChanged, layer.attributeValueChanged, layer.afterRollBack,
                               layer.afterCommitChanges, layer.dataChanged):
                    signal.disconnect(self._layer_changed)
                layer.willBeDeleted.disconnect(self._layer_deleted)
                if layer is self.plots_layer:
                    layer.afterCommitChanges.disconnect(self.refresh_all_projects)
                    layer.afterRollBack.disconnect(self.refresh_all_projects)
                    layer.selectionChanged.disconnect(self._map_selection_changed)
            except (TypeError, RuntimeError):
                pass
        self._cancel_tasks()
        self.all_debouncer.stop()
        self.plots_layer = self.projects_layer = None
        self._types_cache = None
        self.database_path = None
        self.pg_database = None
        self._pg_connect_as = None
        self.project_credits, self.project_checks = {}, {}
        self._history, self._redo = [], []
        self.project_table.setRowCount(0)
        self.panel.show_nothing()
        self.database_label.setText(tr("No project database open"))
        self._update_enabled()

    def _layer_deleted(self):
        self.close_database()

    def save(self):
        """Commit the edits of both layers; a refused commit keeps the edits and names the errors."""
        for layer in (self.projects_layer, self.plots_layer):
            if layer is not None and layer.isEditable() and layer.isModified():
                if not layer.commitChanges(False):
                    errors = "; ".join(layer.commitErrors()[:5])
                    raise projects.ProjectError(tr("{}: not saved: {}", layer.name(), errors))
        self._history, self._redo = [], []
        self.message(tr("Saved"), "success")

    def discard(self, confirm=False):
        modified = [layer for layer in (self.projects_layer, self.plots_layer)
                    if layer is not None and layer.isEditable() and layer.isModified()]
        if confirm and modified:
            answer = QMessageBox.question(self, tr("Discard"), tr("Discard all unsaved edits of the project database?"))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        for layer in (self.projects_layer, self.plots_layer):
            if layer is not None and layer.isEditable():
                layer.rollBack(False)
        self._history, self._redo = [], []
        self.refresh_project_list()
        return True

    # -- projects ------------------------------------------------------------------------------
    def _require_database(self):
        if self.plots_layer is None:
            raise projects.ProjectError(tr("Open a project database first"))

    def _require_project(self):
        self._require_database()
        code = self.selected_project()
        if not code:
            raise projects.ProjectError(tr("Select a project first"))
        return code

    def refresh_project_list(self):
        """Rebuild the project table from the projects layer (keeping the selection)."""
        selected = self.selected_project()
        rows = projects.list_projects(self.projects_layer) if self.projects_layer is not None else []
        statuses = {row["code"]: row["name_zh"] for row in tables.project_codes()["statuses"]}
        selected_item = None
        self.project_table.blockSignals(True)
        try:
            self.project_table.setRowCount(len(rows))
            for index, row in enumerate(rows):
                code = row.get("project_code")
                self._fill_project_row(index, row, statuses)
                if code == selected:
                    self.project_table.selectRow(index)
                    selected_item = self.project_table.item(index, 0)
            self.project_table.resizeColumnsToContents()
            if selected_item is not None:
                self.project_table.scrollToItem(selected_item, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self.project_table.blockSignals(False)
        if selected and selected not in {row.get("project_code") for row in rows}:
            self.panel.show_nothing()

    def _fill_project_row(self, index, row, statuses=None):
        statuses = statuses or {item["code"]: item["name_zh"] for item in tables.project_codes()["statuses"]}
        code = row.get("project_code")
        credit = self.project_credits.get(code)
        check = self.project_checks.get(code, live_credits.STATUS_NOT_CHECKED)
        cells = [code, row.get("project_name") or "", statuses.get(row.get("status"), row.get("status") or ""),
                 status_label(check),
                 f"{credit.area_mu:,.2f}" if credit else "…",
                 f"{credit.credit_area_mu:,.2f}" if credit else "…",
                 f"{credit.credit_capacity_kg:,.0f}" if credit else "…",
                 f"{credit.credit_paddy_mu:,.2f}" if credit else "…",
                 row.get("county_code") or ""]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(str(text))
            item.setData(Qt.ItemDataRole.UserRole, code)
            if 4 <= column <= 7:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == 3:
                item.setForeground(_colour(STATUS_COLOURS.get(check, "#000000")))
            self.project_table.setItem(index, column, item)

    def _update_project_row(self, code):
        """Refresh one project's row after a live run (rebuilding 1,000 rows per edit would stall the canvas)."""
        for index in range(self.project_table.rowCount()):
            item = self.project_table.item(index, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == code:
                feature = projects.find_project(self.projects_layer, code)
                if feature is None:
                    return self.refresh_project_list()
                self.project_table.blockSignals(True)
                try:
                    self._fill_project_row(index, projects.feature_dict(feature))
                finally:
                    self.project_table.blockSignals(False)
                return None
        return self.refresh_project_list()

    def project_codes(self):
        return [self.project_table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(self.project_table.rowCount())]

    def selected_project(self):
        rows = self.project_table.selectionModel().selectedRows() if self.project_table.selectionModel() else []
        if not rows:
            return None
        item = self.project_table.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select_project(self, code, zoom=True):
        """Select a project in the list (and zoom to it); returns True when found."""
        for row in range(self.project_table.rowCount()):
            if self.project_table.item(row, 0).data(Qt.ItemDataRole.UserRole) == code:
                self.project_table.blockSignals(True)
                self.project_table.selectRow(row)
                self.project_table.blockSignals(False)
                self.project_table.scrollToItem(self.project_table.item(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
                self._project_selected(code, zoom)
                return True
        return False

    def _project_row_changed(self):
        code = self.selected_project()
        if code:
            self._project_selected(code, True)
        else:
            self.panel.show_nothing()
            self._update_enabled()

    def _project_selected(self, code, zoom):
        self._update_enabled()
        if zoom:
            self.zoom_to_project(code)
        self.panel.show_pending()
        self.refresh_credits()
        self.write_state()

    def zoom_to_project(self, code):
        extent = projects.project_extent(self.plots_layer, code)
        if extent is None:
            return False
        canvas = self.iface.mapCanvas()
        destination = canvas.mapSettings().destinationCrs()
        if destination.isValid() and destination != self.plots_layer.crs():
            extent = QgsCoordinateTransform(self.plots_layer.crs(), destination,
                                            QgsProject.instance()).transformBoundingBox(extent)
        elif not destination.isValid():
            canvas.setDestinationCrs(self.plots_layer.crs())
        extent.scale(1.2)
        canvas.setExtent(extent)
        canvas.refresh()
        return True

    def new_project(self, attributes=None):
        """Add a project; without ``attributes`` the projects layer's own form asks for them."""
        self._require_database()
        if attributes is None:
            codes = set(self.project_codes())
            index = len(codes) + 1
            while f"XM{index:03d}" in codes:
                index += 1
            feature = projects.new_feature(self.projects_layer, None, {"project_code": f"XM{index:03d}",
                                                                        "status": "planned"})
            edited = self.form_opener(self.iface, self.projects_layer, feature)
            if edited is None:
                return None
            attributes = {name: edited[name] for name in edited.fields().names() if name != "fid"}
            attributes = {k: v for k, v in attributes.items() if v is not None and not _is_null(v)}
        projects.add_project(self.projects_layer, attributes)
        self._record([self.projects_layer])
        self.refresh_project_list()
        self.select_project(attributes["project_code"], zoom=False)
        return attributes["project_code"]

    def rename_project(self, new_name=None):
        code = self._require_project()
        if new_name is None:
            current = projects.find_project(self.projects_layer, code)
            new_name, ok = QInputDialog.getText(self, tr("Rename project"), tr("New name of {}", code),
                                                text=str(current["project_name"] or ""))
            if not ok:
                return None
        projects.rename_project(self.projects_layer, code, new_name)
        self._record([self.projects_layer])
        self.refresh_project_list()
        return new_name

    def delete_project(self, confirm=True):
        code = self._require_project()
        if confirm:
            answer = QMessageBox.question(
                self, tr("Delete project"),
                tr("Delete project {} and all its plots? You can undo this until you save.", code))
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        count = projects.delete_project(self.projects_layer, self.plots_layer, code)
        self._record([self.plots_layer, self.projects_layer])
        self.project_credits.pop(code, None)
        self.refresh_project_list()
        self.panel.show_nothing()
        self.message(tr("Project {} deleted with {} plots (undo to restore; save to make it final)", code, count))
        return count

    def set_status(self, status):
        code = self._require_project()
        _check_direct_status(self.projects_layer, code, status)
        projects.update_project(self.projects_layer, code, {"status": status}, tr("status of {}", code))
        self._record([self.projects_layer])
        if status == "accepted":
            # a deposit cannot be undone by the edit buffer (the ledger only takes reversals), so the
            # acceptance it rests on is saved first; a failed save offers no deposit
            layer = self.projects_layer
            if layer.isEditable() and not layer.commitChanges(False):
                self.message(tr("Project {} could not be saved as accepted: {}", code,
                                "; ".join(layer.commitErrors())), "warning")
                # e.g. a PostGIS database refusing a technician's acceptance: the list must not
                # show an acceptance that was not stored
                if self._history and self._history[-1] == [layer]:
                    self._history.pop()
                    layer.undoStack().undo()
                self.refresh_project_list()
                return
            self.refresh_project_list()
            self._offer_deposit(code)
            return
        self.refresh_project_list()

    def _offer_deposit(self, code, profile=None, accepted_on=None):
        try:
            from ..dialogs.deposit import offer_deposit
        except ImportError:
            self.message(tr("Project {} accepted; the reserve ledger is not installed, so nothing was deposited",
                            code), "info")
            return None
        ledger_target = None
        if self.pg_database is not None:
            ledger_target = self._postgis_ledger_target(code)
            if ledger_target is False:
                return None
        attributes = projects.feature_dict(projects.find_project(self.projects_layer, code))
        if accepted_on:
            attributes["accepted_on"] = accepted_on   # the date of the deposit step (入库)
        profile = profile or self.profile
        snapshot = live_credits.compute_snapshot(self.plots_layer, code, profile, self.constraint_set,
                                                 live_credits.ConstraintEngineCache(),
                                                 project_types=self._project_types())
        try:
            return offer_deposit(self.iface, attributes, snapshot.project_credit, ledger_target, profile=profile)
        except Exception as exc:  # noqa: BLE001 - another part's dialog must not break the dock
            self.message(tr("The deposit dialog failed: {}", exc), "warning")
            return None

    def open_workflow(self):
        """The workflow dialog of the selected project; its deposit step offers the deposit."""
        code = self._require_project()
        if self.projects_layer.isEditable() and self.projects_layer.isModified():
            raise projects.ProjectError(tr("Save or discard the edits of the projects first: a workflow step is "
                                           "written to the database at once"))
        from ...core.workflow import open_store
        from ..dialogs.workflow import WorkflowDialog
        pg = (self._pg_connect_as or self.pg_database[0], self.pg_database[1]) if self.pg_database else None
        dialog = WorkflowDialog(open_store(self.database_path, pg), code, self.plots_layer, self,
                                on_deposit=lambda project, step: self._offer_deposit(
                                    project, workflow_profile(project, self.projects_layer), step.step_on))
        dialog.stepTaken.connect(lambda _step: self._projects_changed_outside())
        dialog.profileChanged.connect(lambda _profile: self._projects_changed_outside())
        dialog.exec()
        return dialog

    def _projects_changed_outside(self):
        """The workflow wrote to the projects table directly: show what is stored now."""
        self.projects_layer.reload()
        self.refresh_project_list()

    def _postgis_ledger_target(self, code):
        """The ledger for a PostGIS project database: the one chosen for this QGIS project, else the
        PostGIS ledger of the same connection; False (and a message) when there is none."""
        chosen, found = QgsProject.instance().readEntry(SCOPE, "ledger_target", "")
        if found and chosen:
            return None   # the deposit dialog takes the ledger chosen in the ledger dock
        connection = self._pg_connect_as or self.pg_database[0]
        try:
            installed = project_db_pg.has_ledger(connection)
        except ProjectDatabaseError as exc:
            self.message(tr("Project {} accepted; its PostGIS database cannot be asked for a ledger: {}", code, exc),
                         "warning")
            return False
        if not installed:
            self.message(tr("Project {} accepted; the PostGIS database {} has no reserve ledger (schema dg_ledger), "
                            "so nothing was deposited: choose a ledger in the ledger dock", code,
                            self.pg_database[0]),
                         "warning")
            return False
        return connection

    # -- plots: tools --------------------------------------------------------------------------
    def _activate(self, tool):
        self.deactivate_tool()
        projects.ensure_editing(self.plots_layer)
        canvas = self.iface.mapCanvas()
        canvas.setCurrentLayer(self.plots_layer)
        self._active_tool = tool
        canvas.setMapTool(tool)
        return tool

    def deactivate_tool(self):
        tool = self._active_tool
        self._active_tool = None
        if tool is not None:
            try:
                canvas = self.iface.mapCanvas()
                if canvas.mapTool() is tool:
                    canvas.unsetMapTool(tool)
            except RuntimeError:
                pass

    def start_draw(self):
        self._require_project()
        tool = DrawPlotTool(self.iface, self.plots_layer, self.selected_project, on_added=self._plot_added,
                            on_message=self.message, form_opener=lambda *a: self.form_opener(*a))
        return self._activate(tool)

    def start_split(self):
        self._require_project()
        return self._activate(SplitPlotsTool(self.iface, self.plots_layer, on_done=self._plots_changed,
                                             on_message=self.message))

    def start_reshape(self):
        self._require_project()
        return self._activate(ReshapePlotTool(self.iface, self.plots_layer, on_done=self._plots_changed,
                                              on_message=self.message))

    def _plot_added(self, fid):
        self._record([self.plots_layer])
        self.debouncer.poke()

    def _plots_changed(self, fids):
        self._record([self.plots_layer])
        self.debouncer.poke()

    def merge_selected(self):
        self._require_project()
        fids = list(self.plots_layer.selectedFeatureIds())
        projects.ensure_editing(self.plots_layer)
        keep = projects.merge_plots(self.plots_layer, fids)
        self._record([self.plots_layer])
        self.plots_layer.selectByIds([keep])
        return keep

    def delete_selected_plots(self):
        self._require_project()
        fids = list(self.plots_layer.selectedFeatureIds())
        if not fids:
            raise projects.ProjectError(tr("Select the plots to delete on the map or in the plot list"))
        projects.delete_plots(self.plots_layer, fids)
        self._record([self.plots_layer])
        return len(fids)

    def fill_from_layer_dialog(self):
        code = self._require_project()
        dialog = FillFromLayerDialog(self, [self.plots_layer])
        if not dialog.exec():
            return None
        layer = dialog.layer_combo.currentLayer()
        if layer is None:
            raise projects.ProjectError(tr("Choose a polygon layer"))
        return self.fill_from_layer(layer, list(layer.selectedFeatureIds()), dialog.field_combo.currentField(),
                                    dialog.target_combo.currentData(), code)

    def fill_from_layer(self, layer, fids, class_field=None, as_class="class_before", code=None):
        code = code or self._require_project()
        if not fids:
            raise projects.ProjectError(tr("{}: select the features that should become plots", layer.name()))
        new_ids = projects.fill_from_layer(self.plots_layer, code, layer, fids, class_field, as_class)
        self._record([self.plots_layer])
        self.message(tr("{} plots added from {}", len(new_ids), layer.name()), "success")
        return new_ids

    def repair_plots(self, fids=None):
        """Repair invalid plot geometries, all in one undo step."""
        self._require_database()
        if fids is None:
            fids = [fid for fid, _code, _problem in (self.last_snapshot.geometry_problems
                                                      if self.last_snapshot else [])]
        if not fids:
            return []
        repaired = []
        with projects.edit_command(self.plots_layer, tr("Repair {} plots", len(fids))):
            for fid in fids:
                feature = self.plots_layer.getFeature(fid)
                if not projects.geometry_problem(feature.geometry()):
                    continue
                fixed = projects.repaired_geometry(feature.geometry())
                if fixed is None:
                    raise projects.ProjectError(tr("Plot {} cannot be repaired automatically; redraw it",
                                                   feature["plot_code"]))
                self.plots_layer.changeGeometry(fid, fixed)
                repaired.append(fid)
        self._record([self.plots_layer])
        self.message(tr("{} plots repaired", len(repaired)), "success")
        return repaired

    def show_problem(self, fid):
        """Select an invalid plot, centre the map on its first error and mark the spot."""
        from qgis.gui import QgsVertexMarker
        point = (self.last_snapshot.problem_points.get(fid) if self.last_snapshot is not None else None)
        self.plots_layer.selectByIds([fid])
        if point is None:
            return None
        canvas = self.iface.mapCanvas()
        destination = canvas.mapSettings().destinationCrs()
        if destination.isValid() and destination != self.plots_layer.crs():
            point = QgsCoordinateTransform(self.plots_layer.crs(), destination,
                                           QgsProject.instance()).transform(point)
        self.clear_problem_marker()
        marker = QgsVertexMarker(canvas)
        marker.setIconType(QgsVertexMarker.IconType.ICON_X)
        marker.setIconSize(18)
        marker.setPenWidth(3)
        marker.setColor(_colour(STATUS_COLOURS["blocking"]).color())
        marker.setCenter(point)
        self._problem_marker = marker
        canvas.setCenter(point)
        canvas.refresh()
        return point

    def clear_problem_marker(self):
        marker = getattr(self, "_problem_marker", None)
        self._problem_marker = None
        if marker is not None:
            try:
                self.iface.mapCanvas().scene().removeItem(marker)
            except RuntimeError:
                pass

    # -- undo ------------------------------------------------------------------------------------
    def _record(self, layers):
        self._history.append(list(layers))
        self._redo = []

    def undo(self):
        """Undo the last dock action (on every layer it touched), else the plots layer's last edit."""
        layers = self._history.pop() if self._history else [self.plots_layer]
        for layer in reversed(layers):
            if layer is not None:
                layer.undoStack().undo()
        self._redo.append(layers)
        self.refresh_project_list()

    def redo(self):
        layers = self._redo.pop() if self._redo else [self.plots_layer]
        for layer in layers:
            if layer is not None:
                layer.undoStack().redo()
        self._history.append(layers)
        self.refresh_project_list()

    # -- live credits ------------------------------------------------------------------------------
    def _layer_changed(self, *_args):
        if self.sender() is self.projects_layer:
            self._types_cache = None
            self.list_debouncer.poke()
        self.panel.show_pending()
        self.debouncer.poke()
        if self.sender() is self.plots_layer:
            self.all_debouncer.poke()

    def _profile_changed(self, *_args):
        profile = current_profile()
        if profile.id != self.profile.id:
            self.profile = profile
            self._clear_engines()
            self.refresh_all_projects()
            self.refresh_credits()

    def _sync_constraint_set(self):
        """Follow the constraint set saved in the QGIS project (another dock may have changed it)."""
        stored = live_credits.project_constraint_set(QgsProject.instance())
        if stored is None:
            return False
        if live_credits.constraint_set_key(stored) == live_credits.constraint_set_key(self.constraint_set):
            return False
        self.constraint_set = stored
        self._clear_engines()
        return True

    def set_constraint_set(self, constraint_set):
        """Use ``constraint_set`` (a core.constraints.ConstraintSet, or None) for the verdicts."""
        self.constraint_set = constraint_set
        self._clear_engines()
        self.refresh_all_projects()
        self.refresh_credits()

    def _start_task(self, kind, project_code, description):
        if self.plots_layer is None:
            return None
        old = self._tasks.pop(kind, None)
        if old is not None:
            try:
                old.cancel()
            except RuntimeError:
                pass
        self._sync_constraint_set()
        self._generation[kind] += 1
        generation = self._generation[kind]
        started = time.monotonic()
        source = live_credits.LayerSnapshot(self.plots_layer)  # main thread: copies the edit buffer

        def done(snapshot, task, kind=kind, generation=generation, started=started):
            if self._tasks.get(kind) is task:
                del self._tasks[kind]
            if snapshot is None or generation != self._generation[kind]:
                return  # cancelled or overtaken by a newer edit
            if kind == "project":
                self._project_snapshot_started = started
                self._show_project_snapshot(snapshot)
            else:
                self._show_all_snapshot(snapshot, started)

        task = live_credits.CreditTask(description, source, project_code, self.profile, self.constraint_set,
                                       self.engine_caches[kind], done, self._project_types())
        self._tasks[kind] = task
        QgsApplication.taskManager().addTask(task)
        return task

    def _clear_engines(self):
        for cache in self.engine_caches.values():
            cache.clear()

    def _project_types(self):
        if self.projects_layer is None:
            return None
        if self._types_cache is None:
            self._types_cache = {row.get("project_code"): row.get("project_type")
                                 for row in projects.list_projects(self.projects_layer)}
        return self._types_cache

    def refresh_credits(self):
        """Recompute the selected project's figures in the background (called debounced)."""
        self.debouncer.stop()
        code = self.selected_project()
        if not code or self.plots_layer is None:
            return None
        return self._start_task("project", code, tr("Credits of {}", code))

    def refresh_all_projects(self, *_args):
        """Recompute every project's totals and verdicts for the project list (background)."""
        self.all_debouncer.stop()
        return self._start_task("all", None, tr("Credits of all projects"))

    def _show_project_snapshot(self, snapshot):
        self.last_snapshot = snapshot
        code = snapshot.project_code
        if code != self.selected_project():
            return
        name = ""
        feature = projects.find_project(self.projects_layer, code) if self.projects_layer is not None else None
        if feature is not None:
            name = feature["project_name"] or ""
        self.panel.show_snapshot(snapshot, f"{code} {name}".strip())
        if not snapshot.geometry_problems:
            self.clear_problem_marker()
        if not snapshot.error:
            self.project_credits[code] = snapshot.project_credit
            self.project_checks[code] = snapshot.check_status
            self._update_project_row(code)
        if self.plots_layer is not None:
            self.panel.select_fids(self.plots_layer.selectedFeatureIds())

    def _show_all_snapshot(self, snapshot, started=0.0):
        if snapshot.error:
            self.message(tr("Credits could not be computed: {}", snapshot.error.splitlines()[0]), "warning")
            return
        self.project_credits = dict(snapshot.project_credits)
        self.project_checks = dict(snapshot.check_statuses)
        if self.projects_layer is not None:
            from ...core.credits import ProjectCredit
            for row in projects.list_projects(self.projects_layer):   # projects without plots: zeros, not "…"
                self.project_credits.setdefault(row.get("project_code"), ProjectCredit(row.get("project_code")))
        latest = self.last_snapshot
        if latest is not None and not latest.error and self._project_snapshot_started > started:
            # the live run saw newer edits of the selected project than this slower full run
            self.project_credits[latest.project_code] = latest.project_credit
            self.project_checks[latest.project_code] = latest.check_status
        self.refresh_project_list()

    def busy(self):
        """True while an edit is waiting for its debounce or a credit task is running."""
        return self.debouncer.pending() or self.list_debouncer.pending() or bool(self._tasks)

    def _cancel_tasks(self, wait_ms=0):
        """Cancel running credit tasks; with ``wait_ms`` also wait for their threads (on unload)."""
        tasks = list(self._tasks.values())
        for task in tasks:
            try:
                task.cancel()
            except RuntimeError:
                pass
        if wait_ms:
            for task in tasks:
                try:
                    task.waitForFinished(wait_ms)
                except RuntimeError:
                    pass
        self._tasks = {}
        for kind in self._generation:
            self._generation[kind] += 1

    # -- selection sync ------------------------------------------------------------------------------
    def _panel_selected_plots(self, fids):
        if self.plots_layer is None or self._syncing_selection:
            return
        self._syncing_selection = True
        try:
            self.plots_layer.selectByIds(fids)
        finally:
            self._syncing_selection = False

    def _map_selection_changed(self, *_args):
        if self._syncing_selection or self.plots_layer is None:
            return
        self._syncing_selection = True
        try:
            self.panel.select_fids(self.plots_layer.selectedFeatureIds())
        finally:
            self._syncing_selection = False

    # -- exchange with the other parts of the plugin --------------------------------------------------
    def import_txt(self, paths=None):
        code = self._require_project()
        try:
            from ..dialogs.coord_txt import import_txt_as_plots
        except ImportError:
            raise projects.ProjectError(tr("The coordinate TXT import is not installed")) from None
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, tr("Import coordinate TXT files"), "",
                                                    "TXT (*.txt *.TXT)")
            if not paths:
                return None
        projects.ensure_editing(self.plots_layer)
        result = import_txt_as_plots(self.iface, self.plots_layer, code, list(paths))
        self._record([self.plots_layer])
        return result

    def export_txt(self, path=None, **options):
        code = self._require_project()
        try:
            from ..dialogs.coord_txt import export_project_txt
        except ImportError:
            raise projects.ProjectError(tr("The coordinate TXT export is not installed")) from None
        if path is None:   # template, zone prefix, one file or per parcel (issue 15)
            from ..dialogs.coord_txt_export import ask_export_options
            path, chosen = ask_export_options(self, code)
            if not path:
                return None
            options = dict(chosen, **options)
        return export_project_txt(self.iface, self.plots_layer, code, path, **options)

    def export_map(self, path=None):
        """The selected project's meeting map (the export asks for a file when ``path`` is None)."""
        code = self._require_project()
        try:
            from ..dialogs.export_maps import export_project_map
        except ImportError:
            raise projects.ProjectError(tr("The meeting-map export is not installed")) from None
        if path is None:
            return export_project_map(self.iface, self.plots_layer, code)
        return export_project_map(self.iface, self.plots_layer, code, path)

    def open_atlas(self):
        """The atlas dialog over the open database's plots (one PDF per project or one combined PDF)."""
        self._require_database()
        try:
            from ..dialogs.export_maps import open_atlas_dialog
        except ImportError:
            raise projects.ProjectError(tr("The meeting-map export is not installed")) from None
        self.atlas_dialog = open_atlas_dialog(self.iface, self.plots_layer)
        return self.atlas_dialog

    def dragEnterEvent(self, event):  # noqa: N802 (Qt's name)
        if self.plots_layer is not None and self.selected_project() and _is_txt_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event):  # noqa: N802
        # only the dropped files that are coordinate TXT files: a stray other file must not
        # make the whole import fail
        paths = _txt_drop_paths(event.mimeData())
        if paths:
            self._guarded(self.import_txt, paths)
            event.acceptProposedAction()

    # -- state in the QGIS project --------------------------------------------------------------------
    def write_state(self):
        if self._restoring:
            return
        project = QgsProject.instance()
        project.writeEntry(SCOPE, KEY_DATABASE, project.writePath(self.database_path) if self.database_path else "")
        connection, schema = self.pg_database or ("", "")
        project.writeEntry(SCOPE, KEY_PG_CONNECTION, connection)
        project.writeEntry(SCOPE, KEY_PG_SCHEMA, schema)
        project.writeEntry(SCOPE, KEY_PROJECT, self.selected_project() or "")

    def restore_state(self):
        """Reopen the database, rule profile and selected project stored in the current QGIS project."""
        project = QgsProject.instance()
        path, _ok = project.readEntry(SCOPE, KEY_DATABASE, "")
        if not path:
            path, _ok = project.readEntry(SCOPE, "database", "")  # the key demo step 90 writes
        code, _ok = project.readEntry(SCOPE, KEY_PROJECT, "")
        pg_connection, _ok = project.readEntry(SCOPE, KEY_PG_CONNECTION, "")
        pg_schema, _ok = project.readEntry(SCOPE, KEY_PG_SCHEMA, "")
        self._restoring = True
        try:
            self.profile = current_profile(project)
            self.constraint_set = live_credits.project_constraint_set(project)
            if pg_connection and pg_schema and not path:
                self.open_postgis(pg_connection, pg_schema)
                if code:
                    self.select_project(code, zoom=False)
                return True
            if not path:
                return False
            path = project.readPath(path)
            if not os.path.exists(path):
                self.message(tr("The project database {} saved in this QGIS project was not found", path), "warning")
                return False
            self.open_database(path)
            if code:
                self.select_project(code, zoom=False)
        finally:
            self._restoring = False
        return True

    def _project_read(self, *_args):
        self._guarded(self.restore_state)

    def _project_cleared(self):
        self.close_database()

    # -- unload -------------------------------------------------------------------------------------
    def cleanup(self):
        project = QgsProject.instance()
        disconnect_all(((project.readProject, self._project_read), (project.cleared, self._project_cleared),
                        (project_profile().changed, self._profile_changed)))
        # a capture tool left on the canvas would outlive the plugin; it also follows the project's
        # snapping settings, so one that outlives its canvas crashes QGIS when the project is cleared
        self.deactivate_tool()
        self.debouncer.stop()
        self.list_debouncer.stop()
        self.all_debouncer.stop()
        # a task still reading the layers when QGIS unloads the plugin would outlive its Python objects
        self._cancel_tasks(wait_ms=10000)
        self.close_database()


def _txt_drop_paths(mime_data):
    """The local coordinate TXT files of a drop (an empty list when there are none)."""
    try:
        from ..dialogs.coord_txt import is_coord_txt_drop
    except ImportError:
        return []
    try:
        return list(is_coord_txt_drop(mime_data) or [])
    except Exception:  # noqa: BLE001 - a drop that cannot be read is no drop for us
        return []


def _is_txt_drop(mime_data):
    return bool(_txt_drop_paths(mime_data))


def _is_null(value):
    return hasattr(value, "isNull") and value.isNull()


def _colour(name):
    from qgis.PyQt.QtGui import QBrush, QColor
    return QBrush(QColor(name))


def workflow_profile(code, projects_layer):
    """The rule profile that governs project ``code`` (its dates, or the recorded override)."""
    from ...core.workflow import choose_profile
    return choose_profile(projects.feature_dict(projects.find_project(projects_layer, code))).profile


def _check_direct_status(projects_layer, code, status):
    """A project under a step-by-step workflow (national_2024) moves only through the workflow dialog; under
    the 2017 flow the status set directly must be one of its states."""
    from ...core.workflow import ProfileChoiceError, workflow_of
    try:
        profile = workflow_profile(code, projects_layer)
    except ProfileChoiceError as exc:
        raise projects.ProjectError(str(exc)) from exc
    workflow = workflow_of(profile)
    if workflow.sequential:
        raise projects.ProjectError(tr("Project {} follows the workflow of {}: move it a step at a time with "
                                       "Workflow…, which records the date and who took each step", code,
                                       profile.id))
    if workflow.state(status) is None:
        raise projects.ProjectError(tr("Project {}: '{}' is not a state of the workflow of {} ({})", code, status,
                                       profile.id, " → ".join(state.name_zh for state in workflow.states)))
