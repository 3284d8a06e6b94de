# SPDX-License-Identifier: GPL-2.0-or-later
"""The write-off dialog (核销): a construction project's occupied land, balance before/after, fee due.

The write-off is made under the rule profile of its date (or one chosen, components.operation_rules),
which names the links it must carry (电子监管号, 案卷编号), the grade system, the fee table and the fee
multiplier where permanent basic farmland is occupied.  The preview draws on what the county may use
now: credits still waiting for their change-survey confirmation are shown and not counted.
``fill_from(occupation)`` takes the figures of the write-off calculator (core.writeoff_calculator).
"""
import uuid

from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox,
                                 QFormLayout, QLabel, QLineEdit, QPushButton, QSpinBox)

from ...core import tables
from ...core.ledger import LedgerError, ShortfallError, cultivation_fee, occupied_amounts
from ...core.ledger.model import UnconfirmedCreditError
from ...core.ledger.rules import pbf_fee_multiplier
from ...i18n import tr
from ..components.dock_layout import fit_dialog, scrolling_body
from ..components.operation_rules import OperationRules
from .ledger_common import AmountsEditor, BalancePreview, format_amounts, format_shortfall


class WriteOffDialog(QDialog):
    """Write off a construction project from one county; refuses (OK disabled) with the shortfall."""

    def __init__(self, ledger, county_code, profile=None, parent=None):
        super().__init__(parent)
        self.setObjectName("writeOffDialog")
        self.ledger = ledger
        self.county_code = county_code
        self.result_of_operation = None
        self.occupation = None        # the calculator's figures, when the dialog was filled from a footprint
        self.filled_amounts = None
        self.fee_yuan = None
        # one key per dialog: pressing OK twice or retrying after a lost connection applies once
        self.idempotency_key = f"writeoff:{uuid.uuid4()}"
        self.setWindowTitle(tr("Write-off from county {} {}", county_code, ledger.county_table.name(county_code)))
        # the form scrolls above OK/Cancel: with the rule profile's links and the calculator it is taller
        # than a 1366×768 screen at the dialog's narrowest
        body, layout, outer = scrolling_body(self, "writeOffScroll")
        form = QFormLayout()
        self.project_code = QLineEdit(self)
        self.project_code.setObjectName("writeoffProjectCode")
        self.project_name = QLineEdit(self)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setObjectName("writeoffDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.land_class = QComboBox(self)
        classes = tables.land_classes()
        for code in tables.occupied_farmland_classes():
            self.land_class.addItem(f"{code} {classes[code].name_zh}", code)
        self.grade = QSpinBox(self)
        self.grade_label = QLabel(self)
        self.basic_farmland = QDoubleSpinBox(self)
        self.basic_farmland.setObjectName("basicFarmlandMu")
        self.basic_farmland.setRange(0, 1e8)
        self.basic_farmland.setDecimals(4)
        self.basic_farmland.setSuffix(tr(" mu"))
        self.computed = QCheckBox(tr("Compute capacity and paddy from class and grade"), self)
        self.computed.setChecked(True)
        self.footprint_button = QPushButton(tr("From a footprint layer…"), self)
        self.footprint_button.setObjectName("fromFootprintButton")
        self.footprint_button.setToolTip(tr("Occupied farmland, capacity, paddy and fee from a construction "
                                            "footprint over the land survey (DLTB), net of 田坎"))
        self.footprint_button.clicked.connect(lambda: self.open_calculator())
        form.addRow(tr("Construction project code"), self.project_code)
        form.addRow(tr("Construction project name"), self.project_name)
        form.addRow(tr("Write-off date"), self.date)
        layout.addLayout(form)
        self.rules = OperationRules(self, profile, tr("write-off"))
        layout.addWidget(self.rules)
        form = QFormLayout()
        form.addRow(tr("Class of the occupied land"), self.land_class)
        form.addRow(self.grade_label, self.grade)
        form.addRow(tr("Of it inside permanent basic farmland"), self.basic_farmland)
        form.addRow(self.computed)
        form.addRow(self.footprint_button)
        layout.addLayout(form)
        self.amounts = AmountsEditor(self)
        layout.addWidget(self.amounts)
        self.fee_label = QLabel(self)
        self.fee_label.setObjectName("feeLabel")
        self.fee_label.setWordWrap(True)
        layout.addWidget(self.fee_label)
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("pendingLabel")
        self.pending_label.setWordWrap(True)
        self.pending_label.setStyleSheet("color: #8a5a00")
        layout.addWidget(self.pending_label)
        self.preview = BalancePreview(tr("Reserve of county {}", county_code), self)
        layout.addWidget(self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        fit_dialog(self, body)
        self.before = ledger.balance(county_code).amounts
        self.waiting = ledger.pending_deposits(county_code)
        self.system_id = None
        for signal in (self.amounts.area.valueChanged, self.land_class.currentIndexChanged, self.grade.valueChanged,
                       self.computed.toggled, self.basic_farmland.valueChanged):
            signal.connect(self.recompute)
        self.amounts.changed.connect(self.update_preview)
        self.amounts.changed.connect(self._amounts_edited)
        self.project_code.textChanged.connect(self.update_preview)
        self.rules.changed.connect(self._rules_changed)
        self.date.dateChanged.connect(lambda *_: self.rules.set_date(self._date()))
        self.rules.set_date(self._date())

    def _date(self):
        return self.date.date().toString("yyyy-MM-dd")

    def profile(self):
        return self.rules.profile()

    def _rules_changed(self):
        """The profile may have changed with the date: its grade system, yield and fee tables."""
        profile = self.profile()
        if profile.default_grade_system != self.system_id:
            self.system_id = profile.default_grade_system
            system = tables.grade_systems()[self.system_id]
            self.grade.blockSignals(True)
            self.grade.setRange(system.best, system.worst)
            self.grade.setValue((system.best + system.worst) // 2)
            self.grade.blockSignals(False)
            self.grade_label.setText(tr("Grade of the occupied land ({})", system.name_zh))
        self.recompute()

    def recompute(self, *_args):
        """Derive capacity and paddy from the occupied area, class and grade; show the fee due."""
        profile = self.profile()
        area = self.amounts.area.value()
        code, grade = self.land_class.currentData(), self.grade.value()
        self.amounts.capacity.setReadOnly(self.computed.isChecked())
        self.amounts.paddy.setReadOnly(self.computed.isChecked())
        occupation = self.from_footprint()
        # class and grade are the calculator's per parcel while its figures stand, the user's own otherwise
        self.land_class.setEnabled(occupation is None)
        self.grade.setEnabled(occupation is None)
        if occupation is not None:
            self.fee_yuan = occupation.fee_yuan
            self.fee_label.setText(occupation.fee_text())
            self.update_preview()
            return
        if self.computed.isChecked():
            try:
                self.amounts.set_amounts(occupied_amounts(area, code, grade, profile))
            except LedgerError as exc:
                self.preview.show_refusal(str(exc))
        inside = min(self.basic_farmland.value(), area)
        per_mu, total = cultivation_fee(area, code, grade, profile, inside)
        if per_mu is None:
            self.fee_label.setText(tr("Cultivation fee: the fee table '{}' has no rate for {} grade {}",
                                      profile.fee_table_id, code, grade))
        elif inside > 0:
            self.fee_label.setText(tr("Cultivation fee due (耕地开垦费): {:,.0f} yuan/mu × {:,.4f} mu + {:,.0f} yuan/mu × "
                                      "{:g} (permanent basic farmland) × {:,.4f} mu = {:,.0f} yuan", per_mu,
                                      area - inside, per_mu, pbf_fee_multiplier(profile), inside, total))
        else:
            self.fee_label.setText(tr("Cultivation fee due (耕地开垦费): {:,.0f} yuan/mu × {:,.4f} mu = {:,.0f} yuan",
                                      per_mu, area, total))
        self.fee_yuan = total
        self.update_preview()

    def usable(self):
        """What the county may draw now under the dialog's profile (the ledger's own figure)."""
        return self.ledger.usable(self.county_code, self.profile())

    def update_preview(self, *_args):
        change = self.amounts.amounts()
        shortfall = self.preview.show_change(self.before, change, withdraw=True)
        usable = self.usable()
        waiting = usable.shortfall_against(change) if shortfall.is_zero() else None
        if self.waiting:
            self.pending_label.setText(tr("Waiting for their change-survey confirmation, not usable yet: {} ({}). "
                                          "Usable now: {}", ", ".join(e.project_code for e in self.waiting),
                                          format_amounts(self.ledger.balance(self.county_code).amounts.minus(usable)),
                                          format_amounts(usable)))
        else:
            self.pending_label.setText("")
        problem = self.rules.problem()
        if waiting is not None and not waiting.is_zero():
            self.preview.show_refusal(tr("Credits waiting for their change-survey confirmation cannot be written off "
                                         "yet: short by {}", format_amounts(waiting)))
        elif problem:
            self.preview.show_refusal(problem)
        ready = (shortfall.is_zero() and (waiting is None or waiting.is_zero()) and not problem
                 and not change.is_zero() and bool(self.project_code.text().strip()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)
        return shortfall

    def fill_from(self, occupation):
        """The calculator's figures (core.writeoff_calculator.Occupation): amounts, PBF part and fee."""
        self.occupation = None          # while the editors change, nothing is the calculator's yet
        self.computed.setChecked(False)
        self.basic_farmland.blockSignals(True)
        self.basic_farmland.setValue(occupation.basic_farmland_mu)
        self.basic_farmland.blockSignals(False)
        self.amounts.set_amounts(occupation.amounts)
        self.occupation = occupation
        # as the editors show them (their decimals)
        self.filled_amounts = (self.amounts.amounts(), self.basic_farmland.value())
        self.recompute()

    def _amounts_edited(self):
        if self.occupation is not None and self.from_footprint() is None:
            self.occupation = None      # the user's own figures from now on: fee and note from class and grade
            self.recompute()

    def from_footprint(self):
        """The calculator's Occupation while the dialog still shows its figures; None once the user has
        changed an amount or the basic-farmland part, or gone back to computing from class and grade (then fee
        and note are the user's)."""
        if self.occupation is None or self.computed.isChecked() or \
                (self.amounts.amounts(), self.basic_farmland.value()) != self.filled_amounts:
            return None
        return self.occupation

    def open_calculator(self):
        from .writeoff_calculator import WriteOffCalculatorDialog
        dialog = WriteOffCalculatorDialog(self.profile(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.occupation is not None:
            self.fill_from(dialog.occupation)
        return dialog

    def note(self):
        if self.from_footprint() is not None:
            return self.occupation.note()
        return tr("class {} grade {}, fee {:,.0f} yuan", self.land_class.currentData(), self.grade.value(),
                  self.fee_yuan or 0)

    def apply(self):
        """Write off; on refusal show why and keep the dialog open.  Returns the OperationResult or None."""
        try:
            self.result_of_operation = self.ledger.write_off(
                self.county_code, self.project_code.text().strip(), self.project_name.text().strip(),
                self.amounts.amounts(), self._date(), self.idempotency_key, note=self.note(),
                profile=self.profile(), occupation_kind=self.rules.occupation_kind(), **self.rules.links())
        except ShortfallError as exc:
            self.preview.show_refusal(format_shortfall(exc))
            return None
        except UnconfirmedCreditError as exc:
            self.preview.show_refusal(str(exc))
            return None
        except LedgerError as exc:  # shown in the dialog, not a modal box: the user can correct and retry
            self.preview.show_refusal(tr("Write-off refused: {}", exc))
            return None
        self.accept()
        return self.result_of_operation
