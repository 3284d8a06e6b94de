# SPDX-License-Identifier: GPL-2.0-or-later
"""The write-off dialog (核销): a construction project's occupied land, balance before/after, fee due."""
import uuid

from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                                 QLineEdit, QSpinBox, QVBoxLayout)

from ...core import tables
from ...core.ledger import LedgerError, ShortfallError, cultivation_fee, occupied_amounts
from ...i18n import tr
from .ledger_common import AmountsEditor, BalancePreview, format_shortfall

CULTIVATED_CLASSES = ("0101", "0102", "0103")


class WriteOffDialog(QDialog):
    """Write off a construction project from one county; refuses (OK disabled) with the shortfall."""

    def __init__(self, ledger, county_code, profile=None, parent=None):
        super().__init__(parent)
        self.ledger = ledger
        self.county_code = county_code
        self.profile = profile or ledger.profile
        self.result_of_operation = None
        # one key per dialog: pressing OK twice or retrying after a lost connection applies once
        self.idempotency_key = f"writeoff:{uuid.uuid4()}"
        self.setWindowTitle(tr("Write-off from county {} {}", county_code, ledger.county_table.name(county_code)))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.project_code = QLineEdit(self)
        self.project_name = QLineEdit(self)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.land_class = QComboBox(self)
        classes = tables.land_classes()
        for code in CULTIVATED_CLASSES:
            self.land_class.addItem(f"{code} {classes[code].name_zh}", code)
        self.grade = QSpinBox(self)
        system = tables.grade_systems()[self.profile.default_grade_system]
        self.grade.setRange(system.best, system.worst)
        self.grade.setValue((system.best + system.worst) // 2)
        self.computed = QCheckBox(tr("Compute capacity and paddy from class and grade"), self)
        self.computed.setChecked(True)
        form.addRow(tr("Construction project code"), self.project_code)
        form.addRow(tr("Construction project name"), self.project_name)
        form.addRow(tr("Write-off date"), self.date)
        form.addRow(tr("Class of the occupied land"), self.land_class)
        form.addRow(tr("Grade of the occupied land ({})", system.name_zh), self.grade)
        form.addRow(self.computed)
        layout.addLayout(form)
        self.amounts = AmountsEditor(self)
        layout.addWidget(self.amounts)
        self.fee_label = QLabel(self)
        layout.addWidget(self.fee_label)
        self.preview = BalancePreview(tr("Reserve of county {}", county_code), self)
        layout.addWidget(self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.before = ledger.balance(county_code).amounts
        for signal in (self.amounts.area.valueChanged, self.land_class.currentIndexChanged, self.grade.valueChanged,
                       self.computed.toggled):
            signal.connect(self.recompute)
        self.amounts.changed.connect(self.update_preview)
        self.project_code.textChanged.connect(self.update_preview)
        self.recompute()

    def recompute(self, *_args):
        """Derive capacity and paddy from the occupied area, class and grade; show the fee due."""
        area = self.amounts.area.value()
        code, grade = self.land_class.currentData(), self.grade.value()
        self.amounts.capacity.setReadOnly(self.computed.isChecked())
        self.amounts.paddy.setReadOnly(self.computed.isChecked())
        if self.computed.isChecked():
            try:
                derived = occupied_amounts(area, code, grade, self.profile)
                self.amounts.set_amounts(derived)
            except LedgerError as exc:
                self.preview.show_refusal(str(exc))
        per_mu, total = cultivation_fee(area, code, grade, self.profile)
        if per_mu is None:
            self.fee_label.setText(tr("Cultivation fee: the fee table '{}' has no rate for {} grade {}",
                                      self.profile.fee_table_id, code, grade))
        else:
            self.fee_label.setText(tr("Cultivation fee due (耕地开垦费): {:,.0f} yuan/mu × {:,.4f} mu = {:,.0f} yuan",
                                      per_mu, area, total))
        self.fee_yuan = total
        self.update_preview()

    def update_preview(self, *_args):
        change = self.amounts.amounts()
        shortfall = self.preview.show_change(self.before, change, withdraw=True)
        ready = shortfall.is_zero() and not change.is_zero() and bool(self.project_code.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)
        return shortfall

    def apply(self):
        """Write off; on refusal show why and keep the dialog open.  Returns the OperationResult or None."""
        try:
            self.result_of_operation = self.ledger.write_off(
                self.county_code, self.project_code.text().strip(), self.project_name.text().strip(),
                self.amounts.amounts(), self.date.date().toString("yyyy-MM-dd"), self.idempotency_key,
                note=tr("class {} grade {}, fee {:,.0f} yuan", self.land_class.currentData(), self.grade.value(),
                        self.fee_yuan or 0))
        except ShortfallError as exc:
            self.preview.show_refusal(format_shortfall(exc))
            return None
        except LedgerError as exc:  # shown in the dialog, not a modal box: the user can correct and retry
            self.preview.show_refusal(tr("Write-off refused: {}", exc))
            return None
        self.accept()
        return self.result_of_operation
