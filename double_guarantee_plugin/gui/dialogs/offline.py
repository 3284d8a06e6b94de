# SPDX-License-Identifier: GPL-2.0-or-later
"""Dialogs to take projects offline to a laptop and to bring the package back (thin over core.offline).

Export and merge run in a QgsTask with progress and cancel.  A merge that finds plots edited on
both sides lists each conflict with the two versions side by side (and both outlines on the map);
the user keeps the office version or takes the field version, one conflict at a time.
"""
import os

from qgis.core import (Qgis, QgsApplication, QgsCoordinateTransform, QgsMapLayerProxyModel, QgsProject,
                       QgsTask, QgsWkbTypes)
from qgis.gui import QgsMapLayerComboBox, QgsRubberBand
from qgis.PyQt.QtCore import QSettings, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                                 QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                                 QProgressBar, QPushButton, QTableWidget, QTableWidgetItem,
                                 QVBoxLayout, QWidget)

from ...core import offline, project_db, review
from ...i18n import tr

SETTINGS_GROUP = "DoubleGuarantee/offline"
FILE_FILTER = "GeoPackage (*.gpkg)"
HOME_COLOUR, FIELD_COLOUR = QColor(30, 90, 220), QColor(230, 60, 30)


class FunctionTask(QgsTask):
    """Runs ``function(feedback)`` off the main thread; ``done(result, error)`` runs on the main thread."""

    def __init__(self, description, function, done):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.function, self.done = function, done
        self.result, self.error = None, None

    # the task itself is the feedback: the core functions call setProgress() and isCanceled()
    def run(self):
        try:
            self.result = self.function(self)
            return True
        except Exception as exc:  # noqa: BLE001 - reported on the main thread in finished()
            self.error = exc
            return False

    def finished(self, result):  # noqa: D401 - QgsTask's name
        if self.error is None and not result:
            self.error = offline.OfflineCancelled(tr("Cancelled; nothing was written."))
        self.done(self.result, self.error)


def _source_path(layer):
    return os.path.normcase(os.path.abspath(layer.source().split("|")[0]))


def layers_of_database(path):
    """Layers of the current QGIS project read from the database file ``path``."""
    target = os.path.normcase(os.path.abspath(str(path)))
    return [layer for layer in QgsProject.instance().mapLayers().values()
            if layer.providerType() == "ogr" and _source_path(layer) == target]


def refuse_if_editing(path):
    """A merge writes the file directly: unsaved edits in QGIS must be saved or discarded first."""
    editing = [layer.name() for layer in layers_of_database(path) if layer.isEditable()]
    if editing:
        raise offline.OfflineError(tr("Save or discard the edits of {} first: the merge writes to {}.",
                                      ", ".join(editing), path))


def reload_layers(path):
    for layer in layers_of_database(path):
        layer.dataProvider().reloadData()
        layer.reload()
        layer.triggerRepaint()


def _message(iface, text, level=Qgis.MessageLevel.Info):
    bar = iface.messageBar() if iface is not None and hasattr(iface, "messageBar") else None
    if bar is not None:
        try:
            bar.pushMessage(tr("Double Guarantee"), text, level, 8)
        except Exception:  # noqa: BLE001 - a message must never take an action down
            pass  # nosec B110  # the noqa reason above: a message must never take an action down


def _path_row(edit, browse):
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(browse)
    return row


class TakeOfflineDialog(QDialog):
    """Choose projects, constraint layers and a file; write the offline package in a task."""

    def __init__(self, iface, database_path, selected=None, parent=None):
        super().__init__(parent or (iface.mainWindow() if iface is not None else None))
        self.setObjectName("takeOfflineDialog")
        self.setWindowTitle(tr("Take projects offline"))
        self.iface, self.database_path = iface, str(database_path)
        self.task, self.result, self.error = None, None, None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Projects to take to the field")))
        self.project_list = QListWidget()
        self.project_list.setObjectName("projectList")
        store = review.ReviewStore(self.database_path)
        selected = set(selected or [])
        for code, name in store.projects():
            item = QListWidgetItem(f"{code}  {name or ''}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in selected else Qt.CheckState.Unchecked)
            self.project_list.addItem(item)
        layout.addWidget(self.project_list, 1)

        form = QFormLayout()
        self.constraint_combos = {}
        names = {"basic_farmland": tr("Basic farmland"), "red_line": tr("Ecological red line"),
                 "slope": tr("Slope")}
        for name in offline.DEFAULT_CONSTRAINTS:
            combo = QgsMapLayerComboBox()
            combo.setObjectName(f"{name}Combo")
            combo.setFilters(QgsMapLayerProxyModel.Filter.VectorLayer)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(self._guess_layer(name))
            self.constraint_combos[name] = combo
            form.addRow(names[name], combo)
        self.margin = QDoubleSpinBox()
        self.margin.setRange(0, 5000)
        self.margin.setSuffix(" m")
        self.margin.setValue(offline.DEFAULT_MARGIN_M)
        form.addRow(tr("Clip margin around the projects"), self.margin)
        default = os.path.join(os.path.dirname(self.database_path), "offline_package.gpkg")
        self.path_edit = QLineEdit(QSettings().value(f"{SETTINGS_GROUP}/last_package", default))
        self.path_edit.setObjectName("packagePath")
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        form.addRow(tr("Offline package"), _path_row(self.path_edit, browse))
        self.reviewer_edit = QLineEdit(QSettings().value("DoubleGuarantee/review/reviewer", ""))
        form.addRow(tr("Exported by"), self.reviewer_edit)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        layout.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setObjectName("statusLabel")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.run_button = buttons.addButton(tr("Take offline"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("runButton")
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self._cancel)
        layout.addWidget(buttons)

    @staticmethod
    def _guess_layer(name):
        for layer in QgsProject.instance().mapLayers().values():
            if layer.type() == layer.VectorLayer and (layer.name() == name or layer.source().endswith(f"={name}")):
                return layer
        return None

    def _browse(self):
        path, _ = QFileDialog.getSaveFileName(self, tr("Offline package"), self.path_edit.text(), FILE_FILTER)
        if path:
            self.path_edit.setText(path if path.lower().endswith(".gpkg") else path + ".gpkg")

    def chosen_projects(self):
        return [self.project_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.project_list.count())
                if self.project_list.item(i).checkState() == Qt.CheckState.Checked]

    def constraint_sources(self):
        sources = {}
        for name, combo in self.constraint_combos.items():
            layer = combo.currentLayer()
            if layer is not None:
                sources[name] = layer.source()
        return sources

    def start(self):
        """Validate and start the export task (the dialog stays open to show progress)."""
        codes, path = self.chosen_projects(), self.path_edit.text().strip()
        if not codes:
            self.status.setText(tr("Tick at least one project."))
            return None
        if not path:
            self.status.setText(tr("Choose where to write the offline package."))
            return None
        missing = [name for name, combo in self.constraint_combos.items() if combo.currentLayer() is None]
        if missing:
            # not clipping a layer must be a choice, never a silent gap on the laptop
            self.status.setText(tr("Not taken along (no layer chosen): {}", ", ".join(missing)))
        QSettings().setValue(f"{SETTINGS_GROUP}/last_package", path)
        sources, margin, by = self.constraint_sources(), self.margin.value(), self.reviewer_edit.text().strip()
        database = self.database_path
        self.run_button.setEnabled(False)
        self.task = FunctionTask(tr("Taking projects offline"), lambda feedback: offline.export_offline(
            database, codes, path, sources, margin, by or None, feedback), self._finished)
        self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _cancel(self):
        if self.task is not None and self.task.status() in (QgsTask.TaskStatus.Queued, QgsTask.TaskStatus.OnHold, QgsTask.TaskStatus.Running):
            self.task.cancel()
        else:
            self.reject()

    def _finished(self, result, error):
        self.task = None
        self.result, self.error = result, error
        self.run_button.setEnabled(True)
        if error is not None:
            self.status.setText(str(error))
            _message(self.iface, str(error), Qgis.MessageLevel.Warning)
            return
        counts = ", ".join(f"{name} {count}" for name, count in result.constraint_counts.items())
        text = tr("{} projects, {} plots written to {}. Clipped constraint features: {}",
                  len(result.project_codes), result.plot_count, result.path, counts or "-")
        self.status.setText(text)
        self.progress.setValue(100)
        _message(self.iface, text, Qgis.MessageLevel.Success)


class BringBackDialog(QDialog):
    """Merge an offline package; list conflicts and apply the version the user chooses."""

    COLUMNS = ("plot", "kind", "home", "field", "status")

    def __init__(self, iface, database_path, package_path="", parent=None):
        super().__init__(parent or (iface.mainWindow() if iface is not None else None))
        self.setObjectName("bringBackDialog")
        self.setWindowTitle(tr("Bring back an offline package"))
        self.iface, self.database_path = iface, str(database_path)
        self.task, self.result, self.error = None, None, None
        self.rubber_bands = []
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.path_edit = QLineEdit(package_path or QSettings().value(f"{SETTINGS_GROUP}/last_package", ""))
        self.path_edit.setObjectName("packagePath")
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        form.addRow(tr("Offline package"), _path_row(self.path_edit, browse))
        self.resolver_edit = QLineEdit(QSettings().value("DoubleGuarantee/review/reviewer", ""))
        self.resolver_edit.setObjectName("resolverEdit")
        form.addRow(tr("Your name"), self.resolver_edit)
        layout.addLayout(form)
        self.merge_button = QPushButton(tr("Merge"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.clicked.connect(self.start)
        layout.addWidget(self.merge_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        layout.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setObjectName("statusLabel")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(tr("Plots edited both in the office and in the field")))
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels([tr("Plot"), tr("Conflict"), tr("Office version"),
                                              tr("Field version"), tr("Decision")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._show_selected)
        layout.addWidget(self.table, 1)
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
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh_conflicts()

    def _browse(self):
        path, _ = QFileDialog.getOpenFileName(self, tr("Offline package"), self.path_edit.text(), FILE_FILTER)
        if path:
            self.path_edit.setText(path)

    def start(self):
        path = self.path_edit.text().strip()
        try:
            offline.package_info(path)
            refuse_if_editing(self.database_path)
        except offline.OfflineError as exc:
            self.status.setText(str(exc))
            return None
        QSettings().setValue(f"{SETTINGS_GROUP}/last_package", path)
        database, by = self.database_path, self.resolver_edit.text().strip() or None
        self.merge_button.setEnabled(False)
        self.task = FunctionTask(tr("Merging an offline package"),
                                 lambda feedback: offline.merge_back(database, path, by, feedback), self._finished)
        self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _finished(self, result, error):
        self.task = None
        self.result, self.error = result, error
        self.merge_button.setEnabled(True)
        if error is not None:
            self.status.setText(str(error))
            return
        reload_layers(self.database_path)
        summary = result.summary()
        if not result.changed_anything:
            text = tr("Nothing to merge: this package was merged already.")
        else:
            text = tr("Applied {} field edits, {} deletions, {} new plots; {} review records, {} photos, "
                      "{} field points added; {} conflicts to decide.",
                      summary["edits"], summary["deletions"], summary["added_plots"],
                      summary[review.REVIEWS_TABLE], summary[review.PHOTOS_TABLE], summary[review.POINTS_TABLE],
                      summary["conflicts"])
        if result.added_projects:
            text += " " + tr("Projects created in the field added: {}.", ", ".join(result.added_projects))
        if result.updated_projects:
            text += " " + tr("Project details edited in the field applied: {}.", ", ".join(result.updated_projects))
        if result.differing_projects:
            # changed on both sides (or a status for the office): reported, the office's version kept
            text += " " + tr("Project details differ in the field (not merged, check them): {}.",
                             result.differing_text())
        self.status.setText(text)
        self.progress.setValue(100)
        _message(self.iface, text, Qgis.MessageLevel.Info)
        self.refresh_conflicts()

    # -- conflicts -----------------------------------------------------------------------------
    def refresh_conflicts(self):
        self.conflicts = offline.conflicts(self.database_path)
        self.table.setRowCount(len(self.conflicts))
        kinds = {"edited_both": tr("edited on both sides"), "deleted_offline": tr("deleted in the field"),
                 "deleted_home": tr("deleted in the office")}
        for row, conflict in enumerate(self.conflicts):
            home, field = conflict.home_attributes, conflict.offline_attributes
            changed = sorted(k for k in set(home or {}) | set(field or {})
                             if (home or {}).get(k) != (field or {}).get(k))
            describe = (lambda attrs: tr("deleted") if attrs is None else
                        "; ".join(f"{k}={attrs.get(k)}" for k in changed) or tr("shape only"))
            status = (tr("open") if conflict.status == "open" else
                      tr("kept office version") if conflict.chosen == "home" else tr("took field version"))
            for column, text in enumerate((conflict.plot_code, kinds.get(conflict.kind, conflict.kind),
                                           describe(home), describe(field), status)):
                item = QTableWidgetItem(str(text))
                item.setData(Qt.ItemDataRole.UserRole, conflict.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected_conflict(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.conflicts[rows[0].row()] if rows else None

    def _update_buttons(self):
        conflict = self.selected_conflict()
        enabled = conflict is not None and conflict.status == "open"
        self.keep_home_button.setEnabled(enabled)
        self.take_field_button.setEnabled(enabled)

    def resolve_selected(self, chosen):
        conflict = self.selected_conflict()
        if conflict is None:
            return None
        name = self.resolver_edit.text().strip()
        try:
            if not name:
                raise offline.OfflineError(tr("Enter your name: the choice is recorded with it."))
            refuse_if_editing(self.database_path)
            resolved = offline.resolve_conflict(self.database_path, conflict.id, chosen, name)
        except offline.OfflineError as exc:
            self.status.setText(str(exc))
            return None
        reload_layers(self.database_path)
        row = self.table.currentRow()
        self.refresh_conflicts()
        if 0 <= row < self.table.rowCount():
            self.table.selectRow(row)
        return resolved

    def _clear_bands(self):
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        for band in self.rubber_bands:
            band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
            if canvas is not None:
                canvas.scene().removeItem(band)
        self.rubber_bands = []

    def _show_selected(self):
        """Both versions of the selected plot on the map: office in blue, field in red."""
        self._update_buttons()
        self._clear_bands()
        conflict = self.selected_conflict()
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if conflict is None or canvas is None:
            return
        layers = [layer for layer in layers_of_database(self.database_path)
                  if layer.source().endswith(f"layername={project_db.PLOTS_LAYER}")]
        crs = layers[0].crs() if layers else None
        extent = None
        for blob, colour in ((conflict.home_geom, HOME_COLOUR), (conflict.offline_geom, FIELD_COLOUR)):
            if blob is None:
                continue
            geometry = offline.geometry_from_blob(blob)
            if crs is not None and crs != canvas.mapSettings().destinationCrs():
                geometry.transform(QgsCoordinateTransform(crs, canvas.mapSettings().destinationCrs(),
                                                          QgsProject.instance()))
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

    def done(self, result):  # noqa: D401 - QDialog's name
        self._clear_bands()
        super().done(result)


def take_offline(iface, database_path, selected=None):
    dialog = TakeOfflineDialog(iface, database_path, selected)
    dialog.exec()
    return dialog


def bring_back(iface, database_path):
    dialog = BringBackDialog(iface, database_path)
    dialog.exec()
    return dialog

