# SPDX-License-Identifier: GPL-2.0-or-later
"""The plugin's "New project database…" and "Open project database…" actions.

A new database gets a file name and a CGCS2000 CRS (the picker offers only CGCS2000 geographic and
its Gauss-Krüger zones, checked again with ``core.project_db.is_cgcs2000_crs``), then opens in the
project dock like an existing one.  "Open PostGIS…" picks a QGIS PostgreSQL connection and a schema
(listing the schemas that hold a project database) or creates the project database in a new schema
(``core.project_db_pg``).
"""
import os

from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsSettings
from qgis.PyQt.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDockWidget, QFileDialog,
                                 QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget)

from ...core.project_db import ProjectDatabaseError, create_project_database, is_cgcs2000_crs
from ...core.project_db_pg import create_project_database_pg, project_schemas
from ...i18n import tr

DOCK_OBJECT_NAME = "DoubleGuaranteeProjectDock"
FILE_FILTER = "GeoPackage (*.gpkg)"


def cgcs2000_crs_choices():
    """``[(authid, description)]`` of CGCS2000 geographic and all its Gauss-Krüger zones."""
    choices = []
    for code in range(4490, 4555):
        crs = QgsCoordinateReferenceSystem(f"EPSG:{code}")
        if crs.isValid() and is_cgcs2000_crs(crs):
            choices.append((crs.authid(), crs.description()))
    return choices


class NewDatabaseDialog(QDialog):
    """File name and CGCS2000 CRS of a new project database."""

    def __init__(self, parent=None, default_crs=None, default_path=""):
        super().__init__(parent)
        self.setWindowTitle(tr("New project database"))
        layout = QFormLayout(self)
        self.path_edit = QLineEdit(default_path)
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.path_edit)
        row_layout.addWidget(browse)
        layout.addRow(tr("File"), row)
        self.crs_combo = QComboBox()
        for authid, description in cgcs2000_crs_choices():
            self.crs_combo.addItem(f"{authid}  {description}", authid)
        if default_crs is not None and is_cgcs2000_crs(default_crs):
            index = self.crs_combo.findData(default_crs.authid())
            if index >= 0:
                self.crs_combo.setCurrentIndex(index)
        layout.addRow(tr("Coordinate system (CGCS2000 only)"), self.crs_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def _browse(self):
        path, _ = QFileDialog.getSaveFileName(self, tr("New project database"), self.path_edit.text(), FILE_FILTER)
        if path:
            self.path_edit.setText(path if path.lower().endswith(".gpkg") else path + ".gpkg")

    def path(self):
        text = self.path_edit.text().strip()
        return text if not text or text.lower().endswith(".gpkg") else text + ".gpkg"

    def crs(self):
        return QgsCoordinateReferenceSystem(self.crs_combo.currentData())


def project_dock(iface):
    """The project dock on QGIS's main window, or None before the plugin created it."""
    window = iface.mainWindow() if iface is not None else None
    return window.findChild(QDockWidget, DOCK_OBJECT_NAME) if window is not None else None


def create_database(iface, path, crs):
    """Create the database and open it in the dock; returns the path.  Raises ProjectDatabaseError."""
    if not path:
        raise ProjectDatabaseError(tr("No file name given"))
    if not is_cgcs2000_crs(crs):
        raise ProjectDatabaseError(tr("{}: the coordinate system {} is not CGCS2000", path, crs.authid()))
    create_project_database(path, crs)
    open_database(iface, path)
    return path


def open_database(iface, path):
    """Open ``path`` in the project dock (shown if hidden)."""
    dock = project_dock(iface)
    if dock is None:
        raise ProjectDatabaseError(tr("The project dock is not loaded"))
    dock.open_database(path)
    dock.show()
    dock.raise_()
    return dock


def _report(iface, exc):
    QMessageBox.warning(iface.mainWindow(), tr("Project database"), str(exc))


def new_project_database(iface):
    canvas_crs = iface.mapCanvas().mapSettings().destinationCrs() if iface.mapCanvas() else None
    home = QgsProject.instance().homePath() or os.path.expanduser("~")
    dialog = NewDatabaseDialog(iface.mainWindow(), canvas_crs, os.path.join(home, "projects.gpkg"))
    if not dialog.exec():
        return None
    try:
        return create_database(iface, dialog.path(), dialog.crs())
    except (ProjectDatabaseError, OSError) as exc:
        _report(iface, exc)
        return None


def open_project_database(iface):
    home = QgsProject.instance().homePath() or os.path.expanduser("~")
    path, _ = QFileDialog.getOpenFileName(iface.mainWindow(), tr("Open project database"), home, FILE_FILTER)
    if not path:
        return None
    try:
        open_database(iface, path)
    except (ProjectDatabaseError, OSError) as exc:
        _report(iface, exc)
        return None
    return path


def postgis_connection_names():
    """The names of the PostgreSQL connections saved in QGIS (Browser → PostgreSQL)."""
    settings = QgsSettings()
    settings.beginGroup("PostgreSQL/connections")
    try:
        return sorted(settings.childGroups())
    finally:
        settings.endGroup()


class PostgisDatabaseDialog(QDialog):
    """A QGIS PostgreSQL connection and a schema: an existing project database, or a new one in a new schema."""

    def __init__(self, parent=None, default_crs=None, lister=project_schemas):
        super().__init__(parent)
        self.lister = lister
        self.setWindowTitle(tr("Project database on PostGIS"))
        layout = QFormLayout(self)
        self.connection_combo = QComboBox()
        self.connection_combo.setObjectName("pgConnectionCombo")
        self.connection_combo.addItems(postgis_connection_names())
        layout.addRow(tr("PostgreSQL connection"), self.connection_combo)
        self.schema_combo = QComboBox()
        self.schema_combo.setObjectName("pgSchemaCombo")
        self.schema_combo.setEditable(True)
        layout.addRow(tr("Schema"), self.schema_combo)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addRow(self.status_label)
        self.create_check = QCheckBox(tr("Create a new project database in this schema"))
        self.create_check.setObjectName("pgCreateCheck")
        layout.addRow(self.create_check)
        self.crs_combo = QComboBox()
        for authid, description in cgcs2000_crs_choices():
            self.crs_combo.addItem(f"{authid}  {description}", authid)
        if default_crs is not None and is_cgcs2000_crs(default_crs):
            index = self.crs_combo.findData(default_crs.authid())
            if index >= 0:
                self.crs_combo.setCurrentIndex(index)
        self.crs_combo.setEnabled(False)
        self.create_check.toggled.connect(self.crs_combo.setEnabled)
        layout.addRow(tr("Coordinate system (CGCS2000 only)"), self.crs_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.connection_combo.currentIndexChanged.connect(self.list_schemas)
        if not self.connection_combo.count():
            self.status_label.setText(tr("No PostgreSQL connection is saved in QGIS: add one in the Browser "
                                         "(PostgreSQL → New Connection…) first"))
        else:
            self.list_schemas()

    def list_schemas(self, *_args):
        """Fill the schema list with the connection's project databases (an unreachable server is said)."""
        self.schema_combo.clear()
        name = self.connection()
        if not name:
            return []
        try:
            schemas = self.lister(name)
        except ProjectDatabaseError as exc:
            self.status_label.setText(str(exc))
            return []
        self.schema_combo.addItems(schemas)
        self.create_check.setChecked(not schemas)
        self.status_label.setText(tr("{} project databases on {}", len(schemas), name) if schemas else
                                  tr("{} holds no project database yet: name a new schema to create one", name))
        return schemas

    def connection(self):
        return self.connection_combo.currentText().strip()

    def schema(self):
        return self.schema_combo.currentText().strip()

    def create(self):
        return self.create_check.isChecked()

    def crs(self):
        return QgsCoordinateReferenceSystem(self.crs_combo.currentData())


def open_postgis(iface, connection, schema, create_crs=None):
    """Open (after creating it in a new schema when ``create_crs`` is given) a PostGIS project database in the
    project dock.  Raises ProjectDatabaseError."""
    if not connection:
        raise ProjectDatabaseError(tr("No PostgreSQL connection given"))
    if not schema:
        raise ProjectDatabaseError(tr("No schema given"))
    dock = project_dock(iface)
    if dock is None:
        raise ProjectDatabaseError(tr("The project dock is not loaded"))
    if create_crs is not None:
        create_project_database_pg(connection, schema, create_crs)
    dock.open_postgis(connection, schema)
    dock.show()
    dock.raise_()
    return dock


def open_postgis_database(iface):
    canvas_crs = iface.mapCanvas().mapSettings().destinationCrs() if iface.mapCanvas() else None
    dialog = PostgisDatabaseDialog(iface.mainWindow(), canvas_crs)
    if not dialog.exec():
        return None
    try:
        return open_postgis(iface, dialog.connection(), dialog.schema(), dialog.crs() if dialog.create() else None)
    except ProjectDatabaseError as exc:
        _report(iface, exc)
        return None
