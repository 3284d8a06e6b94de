# SPDX-License-Identifier: GPL-2.0-or-later
"""The open project database of the project dock: its two layers, opening, closing, saving, undo.

A database is a GeoPackage file or a schema on PostGIS (core.project_db_pg); for PostGIS only the
QGIS connection name (or a DSN without its password) and the schema are kept.  Layers already in
the QGIS project (a saved project reopened) are reused, not loaded twice.  ``changed`` fires for
every edit of either layer, so the dock can follow edits made with QGIS's own tools too.
"""
import os
import sqlite3

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ...core import project_db_pg, projects
from ...core.project_db import (PLOTS_LAYER, PROJECTS_TABLE, ProjectDatabaseError, configure_plots_layer,
                                configure_projects_layer, layer_uri, open_project_database)
from ...i18n import tr

EDIT_SIGNALS = ("layerModified", "featureAdded", "featureDeleted", "geometryChanged", "attributeValueChanged",
                "afterRollBack", "afterCommitChanges", "dataChanged")


def same_source(a, b):
    def norm(uri):
        path, _, rest = uri.partition("|")
        return os.path.normcase(os.path.abspath(path)) + "|" + rest.strip()
    return norm(a) == norm(b)


class ProjectDatabase(QObject):
    """The plots and projects layers of one open database, and the dock's multi-layer undo history."""

    opened = pyqtSignal(str, str)        # label, tooltip
    closed = pyqtSignal()
    changed = pyqtSignal(object)         # the layer that was edited
    plotsStored = pyqtSignal()           # the plots layer was committed or rolled back
    plotSelectionChanged = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plots_layer = None
        self.projects_layer = None
        self.path = None
        self.pg_database = None          # (connection name or password-free DSN, schema)
        self.pg_connect_as = None        # in memory only: a DSN with its password keeps working for the ledger
        self.history = []                # [[layers]]: one entry per dock action touching several layers
        self.redo_history = []
        self._connected = []

    def is_open(self):
        return self.plots_layer is not None

    # -- opening ---------------------------------------------------------------------------------
    @staticmethod
    def _loaded_layer(uri):
        for layer in QgsProject.instance().mapLayers().values():
            if layer.providerType() == "ogr" and same_source(layer.source(), uri):
                return layer
        return None

    def open_file(self, path):
        """Open ``path`` (migrating it if needed) and add its layers to the QGIS project."""
        path = os.path.abspath(path)
        try:
            plots, projects_layer = open_project_database(path)
        except ProjectDatabaseError:
            raise
        except (sqlite3.Error, OSError, RuntimeError) as exc:  # e.g. a file that is not SQLite at all
            raise ProjectDatabaseError(tr("{}: not a project database ({})", path, exc)) from exc
        result = self._attach(plots, projects_layer, self._loaded_layer(layer_uri(path, PLOTS_LAYER)),
                              self._loaded_layer(layer_uri(path, PROJECTS_TABLE)),
                              tr("Database: {}", os.path.basename(path)), path)
        self.path = path
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
        self.pg_connect_as = connection if isinstance(connection, str) else self.pg_database[0]
        return result

    def _attach(self, plots, projects_layer, loaded_plots, loaded_projects, label, tooltip):
        self.close()
        project = QgsProject.instance()
        if loaded_plots is not None:
            plots = loaded_plots
        else:
            project.addMapLayer(plots)
        if loaded_projects is not None:
            projects_layer = loaded_projects
        else:
            project.addMapLayer(projects_layer)
        # a QGIS project saved by an older plugin keeps the old field configuration: the current one wins
        configure_plots_layer(plots)
        configure_projects_layer(projects_layer)
        self.plots_layer, self.projects_layer = plots, projects_layer
        for layer in (plots, projects_layer):
            for name in EDIT_SIGNALS:
                self._connect(getattr(layer, name), lambda *_a, layer=layer: self.changed.emit(layer))
            self._connect(layer.willBeDeleted, self.close)
        for signal in (plots.afterCommitChanges, plots.afterRollBack):
            self._connect(signal, self.plotsStored.emit)
        self._connect(plots.selectionChanged, lambda *_a: self.plotSelectionChanged.emit())
        self.opened.emit(label, tooltip)
        return plots, projects_layer

    def _connect(self, signal, slot):
        signal.connect(slot)
        self._connected.append((signal, slot))

    def close(self):
        for signal, slot in self._connected:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self._connected = []
        was_open = self.plots_layer is not None
        self.plots_layer = self.projects_layer = None
        self.path = None
        self.pg_database = None
        self.pg_connect_as = None
        self.history, self.redo_history = [], []
        if was_open:
            self.closed.emit()

    # -- saving ----------------------------------------------------------------------------------
    def layers(self):
        return [layer for layer in (self.projects_layer, self.plots_layer) if layer is not None]

    def save(self):
        """Commit the edits of both layers; a refused commit keeps the edits and names the errors."""
        for layer in self.layers():
            if layer.isEditable() and layer.isModified():
                if not layer.commitChanges(False):
                    errors = "; ".join(layer.commitErrors()[:5])
                    raise projects.ProjectError(tr("{}: not saved: {}", layer.name(), errors))
        self.history, self.redo_history = [], []

    def modified_layers(self):
        return [layer for layer in self.layers() if layer.isEditable() and layer.isModified()]

    def discard(self):
        for layer in self.layers():
            if layer.isEditable():
                layer.rollBack(False)
        self.history, self.redo_history = [], []

    def commit_projects(self):
        """Save the projects layer alone (an acceptance or reopening must be stored before the ledger moves)."""
        layer = self.projects_layer
        if layer.isEditable() and layer.isModified() and not layer.commitChanges(False):
            errors = "; ".join(layer.commitErrors()[:5])
            if self.history and self.history[-1] == [layer]:
                self.history.pop()
                layer.undoStack().undo()
            raise projects.ProjectError(tr("{}: not saved: {}", layer.name(), errors))

    # -- undo ------------------------------------------------------------------------------------
    def record(self, layers):
        self.history.append(list(layers))
        self.redo_history = []

    def undo(self):
        """Undo the last dock action (on every layer it touched), else the plots layer's last edit."""
        layers = self.history.pop() if self.history else [self.plots_layer]
        for layer in reversed(layers):
            if layer is not None:
                layer.undoStack().undo()
        self.redo_history.append(layers)

    def redo(self):
        layers = self.redo_history.pop() if self.redo_history else [self.plots_layer]
        for layer in layers:
            if layer is not None:
                layer.undoStack().redo()
        self.history.append(layers)


class PlotSelection:
    """Keeps the plot table of the credit panel and the plots selected on the map in step, without echo."""

    def __init__(self, database, panel):
        self.database, self.panel = database, panel
        self._syncing = False

    def from_panel(self, fids):
        if self.database.plots_layer is None or self._syncing:
            return
        self._syncing = True
        try:
            self.database.plots_layer.selectByIds(fids)
        finally:
            self._syncing = False

    def from_map(self):
        if self._syncing or self.database.plots_layer is None:
            return
        self._syncing = True
        try:
            self.panel.select_fids(self.database.plots_layer.selectedFeatureIds())
        finally:
            self._syncing = False
