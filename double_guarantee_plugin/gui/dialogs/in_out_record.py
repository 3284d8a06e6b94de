# SPDX-License-Identifier: GPL-2.0-or-later
"""Recording 进出平衡 出: 耕地 turned into other farmland, entered by hand or found in two survey layers.

Both dialogs write ``inout_out`` entries through ``Ledger.record_out`` under the rule profile of the
change's date; the classes counted and the exemptions (生态退耕, 灾毁, 水面自然扩大) are the profile's
``in_out_balance``.  An exempt change is recorded and not counted.
"""
import datetime
import uuid

from qgis.core import QgsMapLayerProxyModel
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                                 QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from ...core import tables
from ...core.in_out_survey import compare_surveys
from ...core.ledger import Amounts, LedgerError
from ...core.ledger.accounts import operation_profile
from ...core.writeoff_calculator import CalculatorError
from ...i18n import tr
from .ledger_common import AmountsEditor


def _class_label(code):
    entry = tables.land_classes().get(code)
    return f"{code} {entry.name_zh}" if entry else code


class RecordOutDialog(QDialog):
    """One 出 entry of a county: the change's date, classes, area (capacity, paddy) and exemption."""

    def __init__(self, ledger, county_code, parent=None):
        super().__init__(parent)
        self.setObjectName("recordOutDialog")
        self.ledger, self.county_code = ledger, county_code
        self.result_of_operation = None
        self.idempotency_key = f"inout-out:{uuid.uuid4()}"
        self.setWindowTitle(tr("进出平衡 out in county {} {}", county_code, ledger.county_table.name(county_code)))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.class_from, self.class_to = QComboBox(self), QComboBox(self)
        self.class_from.setObjectName("classFromCombo")
        self.class_to.setObjectName("classToCombo")
        self.exemption = QComboBox(self)
        self.exemption.setObjectName("exemptionCombo")
        self.parcel = QLineEdit(self)
        self.parcel.setPlaceholderText(tr("e.g. the survey parcel's 标识码 (BSM)"))
        self.note = QLineEdit(self)
        form.addRow(tr("Date of the change"), self.date)
        form.addRow(tr("Class before (耕地)"), self.class_from)
        form.addRow(tr("Class after"), self.class_to)
        form.addRow(tr("Exemption"), self.exemption)
        form.addRow(tr("Parcel or project"), self.parcel)
        form.addRow(tr("Note"), self.note)
        layout.addLayout(form)
        self.amounts = AmountsEditor(self)
        layout.addWidget(self.amounts)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.date.dateChanged.connect(self._fill_choices)
        self.amounts.changed.connect(self._update)
        self.class_from.currentIndexChanged.connect(self._paddy)
        self._fill_choices()

    def profile(self):
        return operation_profile(None, self.date.date().toString("yyyy-MM-dd"))

    def _fill_choices(self, *_args):
        rule = self.profile().reform.in_out_balance
        for combo, codes in ((self.class_from, rule.cultivated_classes if rule else ()),
                             (self.class_to, rule.other_farmland_classes if rule else ())):
            current = combo.currentData()
            combo.clear()
            for code in codes:
                combo.addItem(_class_label(code), code)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        current = self.exemption.currentData()
        self.exemption.clear()
        self.exemption.addItem(tr("None: counted as out"), None)
        for reason in (rule.exemption_reasons if rule else ()):
            self.exemption.addItem(reason.name_zh, reason.code)
        self.exemption.setCurrentIndex(max(0, self.exemption.findData(current)))
        self.message.setText("" if rule else tr("Rule profile {} keeps no 进出平衡 account", self.profile().id))
        self._update()

    def _paddy(self, *_args):
        """Paddy turned into something else takes its paddy with it."""
        if self.class_from.currentData() == "0101":
            self.amounts.paddy.setValue(self.amounts.area.value())
        self._update()

    def _update(self, *_args):
        ready = self.amounts.area.value() > 0 and self.class_to.count() > 0
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def apply(self):
        parcel = self.parcel.text().strip()
        try:
            self.result_of_operation = self.ledger.record_out(
                self.county_code, self.amounts.amounts(), self.date.date().toString("yyyy-MM-dd"),
                self.class_from.currentData(), self.class_to.currentData(), note=self.note.text().strip() or None,
                exemption=self.exemption.currentData(), project_code=parcel or None,
                idempotency_key=self.idempotency_key)
        except LedgerError as exc:
            self.message.setText(tr("Not recorded: {}", exc))
            return None
        self.accept()
        return self.result_of_operation


class SurveyCompareDialog(QDialog):
    """Two survey layers compared (core.in_out_survey): each 耕地 piece turned into other farmland, to be
    recorded as 出 (checked rows), with an exemption where one applies.  Recording twice adds nothing."""

    def __init__(self, ledger, county_code, parent=None):
        super().__init__(parent)
        self.setObjectName("surveyCompareDialog")
        self.ledger, self.county_code = ledger, county_code
        self.changes, self.recorded = [], []
        self.setWindowTitle(tr("进出平衡 out from two surveys, county {} {}", county_code,
                               ledger.county_table.name(county_code)))
        self.resize(860, 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.older_combo, self.newer_combo = self._combo("olderSurveyCombo"), self._combo("newerSurveyCombo")
        form.addRow(tr("Older survey (year y−1)"), self.older_combo)
        form.addRow(tr("Newer survey (year y)"), self.newer_combo)
        layout.addLayout(form)
        self.compare_button = QPushButton(tr("Compare"), self)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.clicked.connect(lambda: self.compare())
        layout.addWidget(self.compare_button)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("surveyChangesTable")
        self.table.setHorizontalHeaderLabels([tr("Record"), tr("Parcels (old → new)"), tr("Change"), tr("Years"),
                                              tr("Net (mu)"), tr("Exemption")])
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Record the checked changes"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _combo(self, name):
        combo = QgsMapLayerComboBox(self)
        combo.setObjectName(name)
        combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        return combo

    def compare(self):
        try:
            profile = operation_profile(None, f"{datetime.date.today().year}-01-01")
            self.changes, problems = compare_surveys(self.older_combo.currentLayer(), self.newer_combo.currentLayer(),
                                                     profile, self.county_code)
        except CalculatorError as exc:
            self.message.setText(str(exc))
            return []
        rule = profile.reform.in_out_balance
        self.table.setRowCount(len(self.changes))
        for row, change in enumerate(self.changes):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 0, check)
            for column, text in ((1, f"{change.old_parcel} → {change.new_parcel}"),
                                 (2, f"{_class_label(change.class_from)} → {_class_label(change.class_to)}"),
                                 (3, f"{change.year_from} → {change.year_to}"), (4, f"{change.net_mu:,.4f}")):
                item = QTableWidgetItem(text)
                item.setToolTip(change.note)
                self.table.setItem(row, column, item)
            exemption = QComboBox(self.table)
            exemption.addItem(tr("None: counted as out"), None)
            for reason in rule.exemption_reasons:
                exemption.addItem(reason.name_zh, reason.code)
            self.table.setCellWidget(row, 5, exemption)
        self.table.resizeColumnsToContents()
        total = sum(change.net_mu for change in self.changes)
        self.message.setText(tr("{} changes, {:,.4f} mu of 耕地 turned into other farmland.", len(self.changes), total)
                             + ("\n" + "\n".join(problems) if problems else ""))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.changes))
        return self.changes

    def exemption_of(self, row):
        return self.table.cellWidget(row, 5).currentData()

    def set_exemption(self, row, code):
        combo = self.table.cellWidget(row, 5)
        combo.setCurrentIndex(combo.findData(code))

    def record(self):
        """Record the checked changes as 出 entries; returns the OperationResults (applied or found again)."""
        self.recorded = []
        try:
            for row, change in enumerate(self.changes):
                if self.table.item(row, 0).checkState() != Qt.CheckState.Checked:
                    continue
                self.recorded.append(self.ledger.record_out(
                    self.county_code, Amounts(round(change.net_mu, 4), round(change.capacity_kg, 4),
                                              round(change.paddy_mu, 4)),
                    change.occurred_on, change.class_from, change.class_to,
                    note=tr("survey {} → {}: parcel {} → {}", change.year_from, change.year_to, change.old_parcel,
                            change.new_parcel),
                    exemption=self.exemption_of(row), project_code=change.old_parcel,
                    idempotency_key=change.key(self.county_code)))
        except LedgerError as exc:
            self.message.setText(tr("Not recorded: {}", exc))
            return self.recorded
        new = sum(result.applied for result in self.recorded)
        self.message.setText(tr("{} changes recorded, {} had been recorded before", new, len(self.recorded) - new))
        self.accept()
        return self.recorded
