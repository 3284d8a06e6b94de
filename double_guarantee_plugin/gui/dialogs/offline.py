# SPDX-License-Identifier: GPL-2.0-or-later
"""Dialogs to take projects offline to a laptop and to bring the package back (thin over core.offline).

The office database is a GeoPackage path or a PostGIS project schema (``offline.PgHomeSpec``).
Export and merge run in a QgsTask with progress and cancel.  What a merge leaves for the office
(plots and project fields changed on both sides, statuses for the office) is listed with both
versions side by side by the ConflictPanel (also the review dock's Conflicts tab), where the
office keeps its version or takes the field's, one conflict at a time.
"""
import os

from qgis.core import Qgis, QgsApplication, QgsMapLayerProxyModel, QgsProject, QgsTask
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import QSettings, Qt
from qgis.PyQt.QtWidgets import (QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout,
                                 QLabel, QLineEdit, QListWidget, QListWidgetItem, QProgressBar, QPushButton,
                                 QVBoxLayout, QWidget)

from ...core import offline, review
from ...i18n import tr
from ..components.conflict_panel import ConflictPanel
from ..components.offline_layers import refuse_if_editing, reload_layers

SETTINGS_GROUP = "DoubleGuarantee/offline"
FILE_FILTER = "GeoPackage (*.gpkg)"


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


def home_folder(home):
    """Where a package goes by default: beside a GeoPackage, in the user's home folder for PostGIS."""
    return os.path.expanduser("~") if isinstance(home, offline.PgHomeSpec) else os.path.dirname(str(home))


class TakeOfflineDialog(QDialog):
    """Choose projects, constraint layers and a file; write the offline package in a task."""

    def __init__(self, iface, home, selected=None, parent=None):
        super().__init__(parent or (iface.mainWindow() if iface is not None else None))
        self.setObjectName("takeOfflineDialog")
        self.setWindowTitle(tr("Take projects offline"))
        self.iface, self.home = iface, home
        self.task, self.result, self.error = None, None, None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Projects of {} to take to the field", offline.open_home(home).label)))
        self.project_list = QListWidget()
        self.project_list.setObjectName("projectList")
        selected = set(selected or [])
        for code, name in offline.projects_of(home):
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
        default = os.path.join(home_folder(home), "offline_package.gpkg")
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
        home = self.home
        self.run_button.setEnabled(False)
        self.task = FunctionTask(tr("Taking projects offline"), lambda feedback: offline.export_offline(
            home, codes, path, sources, margin, by or None, feedback), self._finished)
        self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _cancel(self):
        if self.task is not None and self.task.status() in (QgsTask.TaskStatus.Queued, QgsTask.TaskStatus.OnHold,
                                                            QgsTask.TaskStatus.Running):
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
    """Merge an offline package in a task; then the conflicts it left, to decide one by one."""

    def __init__(self, iface, home, package_path="", parent=None):
        super().__init__(parent or (iface.mainWindow() if iface is not None else None))
        self.setObjectName("bringBackDialog")
        self.setWindowTitle(tr("Bring back an offline package"))
        self.iface, self.home = iface, home
        self.task, self.result, self.error = None, None, None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(tr("Project database"), QLabel(offline.open_home(home).label))
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
        layout.addWidget(QLabel(tr("Changed both in the office and in the field, or waiting for the office")))
        self.panel = ConflictPanel(iface, lambda: self.resolver_edit.text())
        layout.addWidget(self.panel, 1)
        # the panel's parts, by the names the dialog always had
        self.table, self.keep_home_button, self.take_field_button = (
            self.panel.table, self.panel.keep_home_button, self.panel.take_field_button)
        row = QHBoxLayout()
        row.addStretch(1)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.panel.set_home(home)

    @property
    def rubber_bands(self):
        return self.panel.rubber_bands

    def _browse(self):
        path, _ = QFileDialog.getOpenFileName(self, tr("Offline package"), self.path_edit.text(), FILE_FILTER)
        if path:
            self.path_edit.setText(path)

    def start(self):
        path = self.path_edit.text().strip()
        try:
            offline.package_info(path)
            refuse_if_editing(self.home)
        except offline.OfflineError as exc:
            self.status.setText(str(exc))
            return None
        QSettings().setValue(f"{SETTINGS_GROUP}/last_package", path)
        home, by = self.home, self.resolver_edit.text().strip() or None
        self.merge_button.setEnabled(False)
        self.task = FunctionTask(tr("Merging an offline package"),
                                 lambda feedback: offline.merge_back(home, path, by, feedback), self._finished)
        self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _finished(self, result, error):
        self.task = None
        self.result, self.error = result, error
        self.merge_button.setEnabled(True)
        if error is not None:
            self.status.setText(str(error))
            _message(self.iface, str(error), Qgis.MessageLevel.Warning)
            return
        reload_layers(self.home)
        text = merge_summary_text(result)
        self.status.setText(text)
        self.progress.setValue(100)
        _message(self.iface, text, Qgis.MessageLevel.Info)
        self.panel.refresh()

    def done(self, result):  # noqa: D401 - QDialog's name
        self.panel.cleanup()
        super().done(result)


def merge_summary_text(result):
    """What a bring-back did, in one paragraph for the dialog and the message bar."""
    summary = result.summary()
    if not result.changed_anything:
        return tr("Nothing to merge: this package was merged already.")
    text = tr("Applied {} field edits, {} deletions, {} new plots; {} review records, {} photos, "
              "{} field points added; {} conflicts to decide.",
              summary["edits"], summary["deletions"], summary["added_plots"],
              summary[review.REVIEWS_TABLE], summary[review.PHOTOS_TABLE], summary[review.POINTS_TABLE],
              summary["conflicts"])
    if result.added_projects:
        text += " " + tr("Projects created in the field added: {}.", ", ".join(result.added_projects))
    if result.updated_projects:
        text += " " + tr("Project details edited in the field applied: {}.", ", ".join(result.updated_projects))
    if result.deleted_projects:
        text += " " + tr("Projects deleted in the field deleted: {}.", ", ".join(result.deleted_projects))
    if result.differing_projects:
        # changed on both sides, or a status for the office: both values kept, the office's in force
        text += " " + tr("Project details to decide in the office (both values kept): {}.",
                         result.differing_text())
    return text


def take_offline(iface, home, selected=None):
    dialog = TakeOfflineDialog(iface, home, selected)
    dialog.exec()
    return dialog


def bring_back(iface, home):
    dialog = BringBackDialog(iface, home)
    dialog.exec()
    return dialog
