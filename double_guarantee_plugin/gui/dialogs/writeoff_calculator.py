# SPDX-License-Identifier: GPL-2.0-or-later
"""The write-off calculator dialog: a construction footprint over the land survey → what it occupies.

Pick the footprint layer (all its polygons or the selected ones), the land survey (DLTB: DLBM, KCXS,
GDDB/GDDJ, GDLX, GDPDJB) and, for the fee multiplier, permanent basic farmland; a default grade for
parcels without one.  Calculate lists every occupied parcel (the 可调整 K classes counted as 耕地) with
its gross, 田坎 and net area, grade, capacity and fee (core.writeoff_calculator); OK hands the figures to
the write-off dialog.  The survey and basic-farmland combos start with the county layers recognised by
their field codes (core.standard_layers), the footprint with none of those.
"""
from qgis.core import QgsMapLayerProxyModel
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                                 QLabel, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout)

from ...core import tables
from ...core.standard_layers.recognition import find_layers
from ...core.writeoff_calculator import CalculatorError, calculate
from ...i18n import tr

COLUMNS = ("parcel", "class", "gross", "net", "grade", "capacity", "basic_farmland", "fee")


class WriteOffCalculatorDialog(QDialog):
    def __init__(self, profile, parent=None):
        super().__init__(parent)
        self.setObjectName("writeOffCalculatorDialog")
        self.profile = profile
        self.occupation = None
        self.setWindowTitle(tr("Write-off from a construction footprint ({})", profile.id))
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.footprint_combo = self._combo("footprintCombo")
        self.selected_only = QCheckBox(tr("Selected polygons only"), self)
        self.survey_combo = self._combo("surveyCombo")
        self.protected_combo = self._combo("basicFarmlandCombo", optional=True)
        row = QHBoxLayout()
        self.use_default_grade = QCheckBox(tr("Default grade for parcels without GDDB/GDDJ"), self)
        system = tables.grade_systems()[profile.default_grade_system]
        self.default_grade = QSpinBox(self)
        self.default_grade.setRange(system.best, system.worst)
        self.default_grade.setValue((system.best + system.worst) // 2)
        self.default_grade.setSuffix(f" ({system.name_zh})")
        row.addWidget(self.use_default_grade)
        row.addWidget(self.default_grade)
        row.addStretch(1)
        self._preset_recognised()
        form.addRow(tr("Construction footprint"), self.footprint_combo)
        form.addRow("", self.selected_only)
        form.addRow(tr("Land survey (DLTB)"), self.survey_combo)
        form.addRow(tr("Permanent basic farmland"), self.protected_combo)
        form.addRow(row)
        layout.addLayout(form)
        self.calculate_button = QPushButton(tr("Calculate"), self)
        self.calculate_button.setObjectName("calculateButton")
        self.calculate_button.clicked.connect(lambda: self.run())
        layout.addWidget(self.calculate_button)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("calculatorTable")
        self.table.setHorizontalHeaderLabels([tr("Parcel (BSM)"), tr("Class"), tr("Gross (mu)"), tr("Net (mu)"),
                                              tr("Grade"), tr("Capacity (kg)"), tr("Permanent basic farmland (mu)"),
                                              tr("Fee (yuan)")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("calculatorSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020")
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Use these figures"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _preset_recognised(self):
        """Survey (DLTB) and basic farmland (YJJBNTTB) as recognised; the footprint is another layer."""
        try:
            found = find_layers()
        except Exception:  # noqa: BLE001 - a convenience: a broken layer must not stop the dialog
            found = {}
        for combo, role in ((self.survey_combo, "land_survey"), (self.protected_combo, "basic_farmland")):
            if role in found and found[role].layer is not None:
                combo.setLayer(found[role].layer)
        recognised = {item.layer.id() for item in found.values() if item.layer is not None}
        if self.footprint_combo.currentLayer() is not None and self.footprint_combo.currentLayer().id() in recognised:
            others = [self.footprint_combo.layer(row) for row in range(self.footprint_combo.count())]
            others = [layer for layer in others if layer is not None and layer.id() not in recognised]
            if others:
                self.footprint_combo.setLayer(others[0])

    def _combo(self, name, optional=False):
        combo = QgsMapLayerComboBox(self)
        combo.setObjectName(name)
        combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        combo.setAllowEmptyLayer(optional)
        if optional:
            combo.setLayer(None)
        return combo

    def run(self):
        """Calculate; returns the Occupation, or None (the reason is shown)."""
        try:
            occupation = calculate(self.footprint_combo.currentLayer(), self.survey_combo.currentLayer(),
                                   self.profile, self.protected_combo.currentLayer(),
                                   default_grade=self.default_grade.value() if self.use_default_grade.isChecked()
                                   else None, selected_only=self.selected_only.isChecked())
        except CalculatorError as exc:
            self.problems.setText(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return None
        self.occupation = occupation
        self.table.setRowCount(len(occupation.pieces))
        for row, piece in enumerate(occupation.pieces):
            cells = [piece.parcel, piece.class_code, f"{piece.gross_m2 / (2000 / 3):,.4f}", f"{piece.net_mu:,.4f}",
                     "—" if piece.grade is None else f"{piece.grade} ({piece.grade_system})",
                     f"{piece.capacity_kg:,.1f}", f"{piece.basic_farmland_mu:,.4f}",
                     "—" if piece.fee_yuan is None else f"{piece.fee_yuan:,.0f}"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip("; ".join(part for part in (piece.tiankan_note, piece.note) if part))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        amounts = occupation.amounts
        self.summary.setText(tr("Occupied farmland: gross {:,.4f} mu − 田坎 {:,.4f} mu = net {:,.4f} mu (of it 可调整 "
                                "{:,.4f} mu); grain capacity {:,.1f} kg; paddy {:,.4f} mu. {}", occupation.gross_mu,
                                occupation.tiankan_mu, occupation.net_mu, occupation.adjustable_mu, amounts.capacity_kg,
                                amounts.paddy_mu, occupation.fee_text()))
        self.problems.setText("\n".join(occupation.problems))
        usable = bool(occupation.pieces) and occupation.complete
        if not occupation.pieces:
            self.problems.setText(tr("The footprint occupies no cultivated land in the survey layer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(usable)
        return occupation
