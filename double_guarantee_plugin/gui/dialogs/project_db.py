"""The plugin's "New project database…" and "Open project database…" actions.

A new database gets a file name and a CGCS2000 CRS (the picker offers only CGCS2000 geographic and
its Gauss-Krüger zones, checked again with ``core.project_db.is_cgcs2000_crs``), then opens in the
project dock like an existing one.
"""
import os

from qgis.core import QgsCoordinateReferenceSystem, QgsProject
from qgis.PyQt.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDockWidget, QFileDialog, QFormLayout,
                                 QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QWidget)

from ...core.project_db import ProjectDatabaseError, create_project_database, is_cgcs2000_crs
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
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
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
    if not dialog.exec_():
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
