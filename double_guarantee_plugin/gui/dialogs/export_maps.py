# SPDX-License-Identifier: GPL-2.0-or-later
"""Meeting-map export from the GUI: one project's sheet (the project dock's "Export map…") and the atlas dialog.

The atlas runs as a cancellable QgsTask with progress: the task opens its own copies of the layers
from their sources, so nothing the user is editing is read from the worker thread.
"""
import os

from qgis.core import (Qgis, QgsApplication, QgsProcessingFeedback, QgsProject, QgsSettings, QgsTask,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                                 QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
                                 QWidget)

from ...core.project_profile import current_profile
from ...core.reports import ReportError
from ...core.reports.export import MeetingMapJob, export_meeting_maps
from ...core.reports.fonts import configured_family
from ...core.reports.layout import DEFAULT_TEMPLATE, PRODUCER_KEY, TEMPLATES, configured_producer
from ...core.reports.report_data import project_codes_of
from ...i18n import tr



def template_labels():
    return {"a4_landscape": tr("A4 landscape"), "a4_portrait": tr("A4 portrait"),
            "a3_landscape": tr("A3 landscape"), "a3_portrait": tr("A3 portrait")}


def _project_constraint_set():
    """The constraint set saved in the QGIS project (None when there is none or no engine)."""
    try:
        from ...core.constraints import load_constraint_set
    except ImportError:
        return None
    try:
        return load_constraint_set(QgsProject.instance())
    except Exception:  # noqa: BLE001 - a broken saved set shows as not checked, the export goes on
        return None


def _message(iface, text, level=Qgis.MessageLevel.Info):
    if iface is not None and hasattr(iface, "messageBar"):
        iface.messageBar().pushMessage(tr("Meeting maps"), text, level, 8)


def export_project_map(iface, plots_layer, project_code, path=None, template=None):
    """Export the sheet of ``project_code`` to PDF or PNG (asked for when ``path`` is None).

    Runs at once (one sheet takes well under a second); returns the file written or None.
    Problems (missing font, project without plots) are shown in the message bar.
    """
    if plots_layer is None:
        _message(iface, tr("Open a project database first"), Qgis.MessageLevel.Warning)
        return None
    if path is None:
        parent = iface.mainWindow() if iface is not None else None
        path, _filter = QFileDialog.getSaveFileName(parent, tr("Export project map"), f"{project_code}.pdf",
                                                    "PDF (*.pdf);;PNG (*.png)")
        if not path:
            return None
    fmt = "png" if path.lower().endswith(".png") else "pdf"
    if not path.lower().endswith(f".{fmt}"):
        path += f".{fmt}"
    folder = os.path.dirname(os.path.abspath(path))
    job = MeetingMapJob(plots_layer, folder, [project_code], template=template, fmt=fmt,
                        constraint_set=_project_constraint_set(), per_project=True, profile=current_profile())
    try:
        result = export_meeting_maps(job)
    except ReportError as exc:
        _message(iface, str(exc), Qgis.MessageLevel.Critical)
        return None
    if project_code in result.problems or not result.files:
        _message(iface, result.problems.get(project_code, tr("Nothing was exported")), Qgis.MessageLevel.Warning)
        return None
    written = result.files[0]
    if os.path.abspath(written) != os.path.abspath(path):
        os.replace(written, path)
    _message(iface, tr("Map written to {}", path), Qgis.MessageLevel.Success)
    return path


class _TaskFeedback(QgsProcessingFeedback):
    """Passes the export's progress to the task and the task's cancel to the export."""

    def __init__(self, task):
        super().__init__()
        self._task = task
        self.progressChanged.connect(lambda value: task.setProgress(value))

    def isCanceled(self):  # noqa: N802
        return self._task.isCanceled() or super().isCanceled()


def _clone(layer):
    if layer is None:
        return None
    return {"source": layer.source(), "provider": layer.providerType(), "name": layer.name()}


def _open(spec):
    if spec is None:
        return None
    layer = QgsVectorLayer(spec["source"], spec["name"], spec["provider"])
    if not layer.isValid():
        raise ReportError(f"{spec['source']}: the layer cannot be opened in the export task")
    return layer


class AtlasTask(QgsTask):
    """Export the sheets of many projects (per project and/or one combined PDF) in the background."""

    def __init__(self, plots_layer, codes, output_folder, template=DEFAULT_TEMPLATE, fmt="pdf", per_project=True,
                 combined_pdf="", font_family=None, producer=None, basic_farmland=None, red_line=None,
                 slope=None, iface=None):
        super().__init__(tr("Exporting {} meeting maps", len(codes)), QgsTask.Flag.CanCancel)
        # layers are re-opened from their sources in run(): the worker thread reads its own copies
        self.specs = {"plots": _clone(plots_layer), "basic_farmland": _clone(basic_farmland),
                      "red_line": _clone(red_line), "slope": _clone(slope)}
        self.codes = list(codes)
        self.options = dict(output_folder=output_folder, template=template, fmt=fmt, per_project=per_project,
                            combined_pdf=combined_pdf, font_family=font_family, producer=producer)
        self.iface = iface
        self.profile = current_profile()     # read on the main thread, from the QGIS project
        self.result = None
        self.error = None

    def run(self):
        try:
            layers = {key: _open(spec) for key, spec in self.specs.items()}
            job = MeetingMapJob(layers["plots"], self.options["output_folder"], self.codes,
                                template=self.options["template"], basic_farmland=layers["basic_farmland"],
                                red_line=layers["red_line"], slope=layers["slope"], fmt=self.options["fmt"],
                                combined_pdf=self.options["combined_pdf"], per_project=self.options["per_project"],
                                font_family=self.options["font_family"], producer=self.options["producer"],
                                profile=self.profile)
            self.result = export_meeting_maps(job, _TaskFeedback(self))
            return not self.result.canceled
        except Exception as exc:  # noqa: BLE001 - reported on the main thread in finished()
            self.error = exc
            return False

    def finished(self, ok):
        if self.error is not None:
            _message(self.iface, str(self.error), Qgis.MessageLevel.Critical)
        elif self.result is not None and self.result.canceled:
            _message(self.iface, tr("Map export canceled after {} files", len(self.result.files)), Qgis.MessageLevel.Warning)
        elif self.result is not None:
            text = tr("{} files written to {}", len(self.result.files), self.options["output_folder"])
            if self.result.problems:
                text += "; " + tr("not exported: {}", "; ".join(f"{c}: {m}" for c, m in self.result.problems.items()))
            _message(self.iface, text, Qgis.MessageLevel.Warning if self.result.problems else Qgis.MessageLevel.Success)


class AtlasDialog(QDialog):
    """Choose projects, template, format and output; OK starts an AtlasTask."""

    def __init__(self, iface, plots_layer, parent=None):
        super().__init__(parent or (iface.mainWindow() if iface is not None else None))
        self.iface = iface
        self.plots_layer = plots_layer
        self.task = None
        self.setWindowTitle(tr("Meeting map atlas"))
        layout = QVBoxLayout(self)
        self.projects = QListWidget()
        for code in project_codes_of(plots_layer):
            item = QListWidgetItem(code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.projects.addItem(item)
        layout.addWidget(self.projects)
        form = QFormLayout()
        self.template = QComboBox()
        labels = template_labels()
        for name in TEMPLATES:
            self.template.addItem(labels.get(name, name), name)
        self.format = QComboBox()
        self.format.addItems(["pdf", "png"])
        self.per_project = QCheckBox(tr("One file per project"))
        self.per_project.setChecked(True)
        self.combined = QCheckBox(tr("One combined PDF"))
        self.folder = QLineEdit(os.path.expanduser("~"))
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.folder)
        row_layout.addWidget(browse)
        self.font = QLineEdit(configured_family())
        self.font.setPlaceholderText("Noto Sans CJK SC")
        self.producer = QLineEdit(configured_producer())
        form.addRow(tr("Template"), self.template)
        form.addRow(tr("Format"), self.format)
        form.addRow("", self.per_project)
        form.addRow("", self.combined)
        form.addRow(tr("Output folder"), row)
        form.addRow(tr("Font"), self.font)
        form.addRow(tr("Producer"), self.producer)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self):
        folder = QFileDialog.getExistingDirectory(self, tr("Output folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def selected_codes(self):
        return [self.projects.item(i).text() for i in range(self.projects.count())
                if self.projects.item(i).checkState() == Qt.CheckState.Checked]

    def make_task(self):
        codes = self.selected_codes()
        if not codes:
            raise ReportError(tr("Choose at least one project"))
        if not self.per_project.isChecked() and not self.combined.isChecked():
            raise ReportError(tr("Choose one file per project, one combined PDF, or both"))
        combined = "meeting_maps_all.pdf" if self.combined.isChecked() else ""
        # the producer (制图单位) is a setting: typed once, it is on every later sheet, single ones too
        QgsSettings().setValue(PRODUCER_KEY, self.producer.text().strip())
        constraint_set = _project_constraint_set()
        layers = {}
        if constraint_set is not None:
            from ...core.reports.export import _set_layer
            layers = {role: _set_layer(constraint_set, role) for role in ("basic_farmland", "red_line", "slope")}
        return AtlasTask(self.plots_layer, codes, self.folder.text(), self.template.currentData(),
                         self.format.currentText(), self.per_project.isChecked(), combined,
                         self.font.text().strip() or None, self.producer.text().strip() or None,
                         layers.get("basic_farmland"), layers.get("red_line"), layers.get("slope"), self.iface)

    def start(self):
        try:
            self.task = self.make_task()
        except ReportError as exc:
            _message(self.iface, str(exc), Qgis.MessageLevel.Warning)
            return
        QgsApplication.taskManager().addTask(self.task)
        self.accept()


def open_atlas_dialog(iface, plots_layer):
    """Show the atlas dialog for ``plots_layer``; returns the dialog (its ``task`` once started)."""
    dialog = AtlasDialog(iface, plots_layer)
    dialog.show()
    return dialog
