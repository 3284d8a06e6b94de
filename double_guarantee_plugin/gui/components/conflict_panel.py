# SPDX-License-Identifier: GPL-2.0-or-later
"""The conflicts a bring-back left for the office: plots and project fields, both versions side by side.

One row per conflict (plot conflicts first, then project conflicts); the office keeps its version or
takes the field's, one conflict at a time, with the reviewer's name recorded.  A plot conflict shows
both outlines on the map (office blue, field red).  Thin over ``core.offline``; used by the review
dock's Conflicts tab and the bring-back dialog.
"""
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsWkbTypes
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import QSettings, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                                 QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...core import offline, project_db, tables
from ...i18n import tr
from .offline_layers import refuse_if_editing, reload_layers

HOME_COLOUR, FIELD_COLOUR = QColor(30, 90, 220), QColor(230, 60, 30)
PLOT, PROJECT = "plot", "project"
REVIEWER_KEY = "DoubleGuarantee/review/reviewer"   # the name the review dock remembers


def kind_text(kind):
    return {"edited_both": tr("edited on both sides"), "deleted_offline": tr("deleted in the field"),
            "deleted_home": tr("deleted in the office"),
            "status_held": tr("status for the office to decide")}.get(kind, kind)


def decision_text(conflict):
    if conflict.status == "open":
        return tr("open")
    return tr("kept office version") if conflict.chosen == "home" else tr("took field version")


def _aliases():
    """Column → the alias the layers show (a column added later shows its own name)."""
    return {name: alias for name, _kind, _width, alias in project_db.PROJECT_FIELDS + project_db.PLOT_FIELDS}


def _code_names():
    """``{column: {code: name}}`` for the coded columns (status, type, funding, land classes)."""
    codes = tables.project_codes()
    classes = {code: f"{code} {c.name_zh}" for code, c in tables.land_classes().items()}
    return {"status": {row["code"]: row["name_zh"] for row in codes["statuses"]},
            "project_type": {row["code"]: row["name_zh"] for row in codes["project_types"]},
            "funding_source": {row["code"]: row["name_zh"] for row in codes["funding_sources"]},
            "class_before": classes, "class_after": classes}


def value_text(name, value, names=None):
    """A value as the office reads it: code names for coded columns, ``(empty)`` for nothing."""
    if value is None or value == "":
        return tr("(empty)")
    return (names if names is not None else _code_names()).get(name, {}).get(value, str(value))


def describe_plot(conflict):
    """``(office text, field text)``: the attributes that differ, or that only the shape does."""
    home, field = conflict.home_attributes, conflict.offline_attributes
    changed = sorted(k for k in set(home or {}) | set(field or {}) if (home or {}).get(k) != (field or {}).get(k))
    aliases, names = _aliases(), _code_names()

    def side(attributes):
        if attributes is None:
            return tr("deleted")
        return "; ".join(f"{aliases.get(k, k)}={value_text(k, attributes.get(k), names)}"
                         for k in changed) or tr("shape only")
    return side(home), side(field)


def describe_project(conflict):
    """``(what, office text, field text)`` of a project conflict."""
    names = _code_names()
    if conflict.field:
        return (tr("{}: {}", conflict.project_code, _aliases().get(conflict.field, conflict.field)),
                value_text(conflict.field, conflict.home_value, names),
                value_text(conflict.field, conflict.offline_value, names))
    aliases = _aliases()
    row = (lambda values: tr("deleted") if values is None else
           "; ".join(f"{aliases.get(k, k)}={value_text(k, v, names)}" for k, v in sorted(values.items())
                     if k != "project_code"))
    return conflict.project_code, row(conflict.home_value), row(conflict.offline_value)


class ConflictPanel(QWidget):
    """The conflict table with its two decision buttons; ``resolver`` gives the name recorded."""

    COLUMNS = ("item", "kind", "home", "field", "status")
    changed = pyqtSignal()          # a conflict was decided: the database changed

    def __init__(self, iface=None, resolver=None, parent=None):
        """``resolver``: gives the name recorded with a decision; without one the panel asks for it itself."""
        super().__init__(parent)
        self.setObjectName("conflictPanel")
        self.iface = iface
        self.home, self.entries, self.rubber_bands = None, [], []
        self.last_message = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.resolver_edit = None
        if resolver is None:
            name_row = QHBoxLayout()
            name_row.addWidget(QLabel(tr("Your name")))
            self.resolver_edit = QLineEdit(QSettings().value(REVIEWER_KEY, ""))
            self.resolver_edit.setObjectName("resolverEdit")
            name_row.addWidget(self.resolver_edit, 1)
            layout.addLayout(name_row)
            resolver = self.resolver_edit.text
        self.resolver = resolver
        self.open_only = QCheckBox(tr("Only conflicts still to decide"))
        self.open_only.setObjectName("openOnlyCheck")
        self.open_only.toggled.connect(lambda _on: self.refresh())
        layout.addWidget(self.open_only)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels([tr("Plot / project"), tr("Conflict"), tr("Office version"),
                                              tr("Field version"), tr("Decision")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.status = QLabel("")
        self.status.setObjectName("conflictStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.keep_home_button = QPushButton(tr("Keep the office version"))
        self.keep_home_button.setObjectName("keepHomeButton")
        self.keep_home_button.clicked.connect(lambda: self.resolve_selected("home"))
        self.take_field_button = QPushButton(tr("Take the field version"))
        self.take_field_button.setObjectName("takeFieldButton")
        self.take_field_button.clicked.connect(lambda: self.resolve_selected("offline"))
        row.addWidget(self.keep_home_button)
        row.addWidget(self.take_field_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._update_buttons()

    # -- the list -------------------------------------------------------------------------------
    def set_home(self, home):
        """Show the conflicts of ``home`` (a GeoPackage path or a PgHomeSpec; None: none)."""
        self.home = home
        self.refresh()

    def open_count(self):
        return sum(1 for _kind, conflict in self.entries if conflict.status == "open")

    def refresh(self):
        self._clear_bands()
        self.entries = []
        if self.home is not None:
            status = "open" if self.open_only.isChecked() else None
            try:
                self.entries = ([(PLOT, c) for c in offline.conflicts(self.home, status)]
                                + [(PROJECT, c) for c in offline.project_conflicts(self.home, status)])
            except offline.OfflineError as exc:
                self.status.setText(str(exc))
        self.table.setRowCount(len(self.entries))
        for row, (kind, conflict) in enumerate(self.entries):
            if kind == PLOT:
                home_text, field_text = describe_plot(conflict)
                texts = (conflict.plot_code, kind_text(conflict.kind), home_text, field_text)
            else:
                what, home_text, field_text = describe_project(conflict)
                texts = (what, kind_text(conflict.kind), home_text, field_text)
            for column, text in enumerate(texts + (decision_text(conflict),)):
                item = QTableWidgetItem(str(text))
                item.setData(Qt.ItemDataRole.UserRole, conflict.id)
                item.setToolTip(str(text))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in range(len(self.COLUMNS) - 1):   # long versions wrap instead of widening the dock
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))
        self._update_buttons()

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.entries[rows[0].row()] if rows else None

    def _update_buttons(self):
        entry = self.selected()
        enabled = entry is not None and entry[1].status == "open"
        self.keep_home_button.setEnabled(enabled)
        self.take_field_button.setEnabled(enabled)

    def _selection_changed(self):
        self._update_buttons()
        self.show_selected()

    # -- deciding -------------------------------------------------------------------------------
    def resolve_selected(self, chosen):
        """Apply the office's or the field's version of the selected conflict; returns the conflict or None."""
        entry = self.selected()
        if entry is None:
            return None
        kind, conflict = entry
        name = (self.resolver() or "").strip()
        try:
            if not name:
                raise offline.OfflineError(tr("Enter your name: the choice is recorded with it."))
            refuse_if_editing(self.home)
            resolve = offline.resolve_conflict if kind == PLOT else offline.resolve_project_conflict
            resolved = resolve(self.home, conflict.id, chosen, name)
        except offline.OfflineError as exc:
            self.last_message = str(exc)
            self.status.setText(self.last_message)
            return None
        reload_layers(self.home)
        if self.resolver_edit is not None:
            QSettings().setValue(REVIEWER_KEY, name)
        self.last_message = ""
        self.status.setText("")
        row = self.table.currentRow()
        self.refresh()
        if 0 <= row < self.table.rowCount():
            self.table.selectRow(row)
        self.changed.emit()
        return resolved

    # -- the map ------------------------------------------------------------------------------------
    def _canvas(self):
        return self.iface.mapCanvas() if self.iface is not None and hasattr(self.iface, "mapCanvas") else None

    def _clear_bands(self):
        canvas = self._canvas()
        for band in self.rubber_bands:
            band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
            if canvas is not None:
                canvas.scene().removeItem(band)
        self.rubber_bands = []

    def show_selected(self):
        """Both versions of the selected plot on the map: office in blue, field in red."""
        self._clear_bands()
        entry = self.selected()
        canvas = self._canvas()
        if entry is None or entry[0] != PLOT or canvas is None or self.home is None:
            return
        conflict = entry[1]
        crs = QgsCoordinateReferenceSystem(offline.crs_of(self.home) or "")
        destination = canvas.mapSettings().destinationCrs()
        extent = None
        for blob, colour in ((conflict.home_geom, HOME_COLOUR), (conflict.offline_geom, FIELD_COLOUR)):
            if blob is None:
                continue
            geometry = offline.geometry_from_blob(blob)
            if crs.isValid() and destination.isValid() and crs != destination:
                geometry.transform(QgsCoordinateTransform(crs, destination, QgsProject.instance()))
            band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
            band.setStrokeColor(colour)
            band.setFillColor(QColor(colour.red(), colour.green(), colour.blue(), 40))
            band.setWidth(2)
            band.setToGeometry(geometry, None)
            self.rubber_bands.append(band)
            box = geometry.boundingBox()
            if extent is None:
                extent = box
            else:
                extent.combineExtentWith(box)
        if extent is not None:
            extent.scale(1.5)
            canvas.setExtent(extent)
            canvas.refresh()

    def cleanup(self):
        self._clear_bands()
