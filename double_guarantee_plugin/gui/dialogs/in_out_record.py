"""Recording 进出平衡 出: 耕地 turned into other farmland, entered by hand or found in two survey layers.

Both dialogs write ``inout_out`` entries through ``Ledger.record_out`` under the rule profile of the
change's date; the classes counted and the exemptions (生态退耕, 灾毁, 水面自然扩大) are the profile's
``in_out_balance``.  An exempt change is recorded and not counted.
"""
import uuid

from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                                 QVBoxLayout)

from ...core import tables
from ...core.ledger import LedgerError
from ...core.ledger.accounts import operation_profile
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
