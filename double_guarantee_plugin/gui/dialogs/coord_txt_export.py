# SPDX-License-Identifier: GPL-2.0-or-later
"""The export dialog of coordinate TXT files: template per province, zone prefix, one file or one per parcel.

Thin: it only collects the choices ``gui.dialogs.coord_txt.export_project_txt`` takes.  Choosing
a template sets the zone-prefix and one-file-per-parcel boxes to the template's defaults; the
user may change them after.
"""
import os

from qgis.PyQt.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                                 QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout)

from ...core.coord_txt import templates
from ...core.coord_txt.writer import ENCODINGS, LINE_ENDINGS
from ...i18n import tr

AREA_UNITS = (("ha", "公顷 ha"), ("m2", "平方米 m²"), ("mu", "亩 mu"))


class CoordTxtExportDialog(QDialog):
    """Where and how to write one project's coordinate file(s)."""

    def __init__(self, parent=None, project_code="", folder=""):
        super().__init__(parent)
        self.setObjectName("coordTxtExportDialog")
        self.setWindowTitle(tr("Export coordinate TXT ({})", project_code))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("templateCombo")
        for template in templates().values():
            provinces = "、".join(template.provinces)
            self.template_combo.addItem(f"{template.name_zh} — {provinces}", template.id)
        self.template_combo.currentIndexChanged.connect(self._template_changed)
        form.addRow(tr("Template"), self.template_combo)
        self.description = QLabel()
        self.description.setObjectName("templateColumns")
        self.description.setWordWrap(True)
        form.addRow("", self.description)
        self.zone_prefix = QCheckBox(tr("Zone number in front of the eastings"))
        self.zone_prefix.setObjectName("zonePrefixCheck")
        form.addRow("", self.zone_prefix)
        self.per_parcel = QCheckBox(tr("One file per parcel (the file name from 地块编号)"))
        self.per_parcel.setObjectName("perParcelCheck")
        self.per_parcel.toggled.connect(self._per_parcel_changed)
        form.addRow("", self.per_parcel)
        self.encoding = QComboBox()
        for name in ENCODINGS:
            self.encoding.addItem(name, name)
        form.addRow(tr("Text encoding"), self.encoding)
        self.line_ending = QComboBox()
        for name in LINE_ENDINGS:
            self.line_ending.addItem(name, name)
        form.addRow(tr("Line endings"), self.line_ending)
        self.area_unit = QComboBox()
        for unit, label in AREA_UNITS:
            self.area_unit.addItem(label, unit)
        form.addRow(tr("Unit of 地块面积"), self.area_unit)
        path_row = QHBoxLayout()
        self.path_edit = QLineEdit(os.path.join(folder, f"{project_code}.txt") if project_code else "")
        self.path_edit.setObjectName("pathEdit")
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.path_label = QLabel(tr("File"))
        form.addRow(self.path_label, path_row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("exportButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._template_changed()

    def template_id(self):
        return self.template_combo.currentData()

    def select_template(self, template_id):
        index = self.template_combo.findData(template_id)
        if index >= 0:
            self.template_combo.setCurrentIndex(index)

    def _template_changed(self, *_args):
        template = templates()[self.template_id()]
        self.zone_prefix.setChecked(template.zone_prefix)
        self.per_parcel.setChecked(template.one_file_per_parcel)
        columns = [name for name in template.fields if name not in template.blank or name == template.fields[0]]
        text = tr("Columns: {}", ", ".join(columns))
        if template.list_line:
            text += tr(" (with the field-name line 【…,@】)")
        self.description.setText(text)

    def _per_parcel_changed(self, checked):
        self.path_label.setText(tr("Folder") if checked else tr("File"))

    def _browse(self):
        if self.per_parcel.isChecked():
            path = QFileDialog.getExistingDirectory(self, tr("Folder for the coordinate files"), self.path_edit.text())
        else:
            path, _filter = QFileDialog.getSaveFileName(self, tr("Export coordinate TXT"), self.path_edit.text(),
                                                        "TXT (*.txt)")
        if path:
            self.path_edit.setText(path)

    def path(self):
        return self.path_edit.text().strip()

    def options(self):
        """The keyword arguments of ``export_project_txt`` chosen here."""
        return {"template": self.template_id(), "zone_prefix": self.zone_prefix.isChecked(),
                "one_file_per_parcel": self.per_parcel.isChecked(), "encoding": self.encoding.currentData(),
                "line_ending": self.line_ending.currentData(), "area_unit": self.area_unit.currentData()}


def ask_export_options(parent, project_code):
    """``(path, options)`` chosen in the dialog, or ``(None, None)`` when cancelled."""
    dialog = CoordTxtExportDialog(parent, project_code)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.path():
        return None, None
    return dialog.path(), dialog.options()
