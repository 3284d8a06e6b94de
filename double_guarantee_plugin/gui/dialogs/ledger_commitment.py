# SPDX-License-Identifier: GPL-2.0-or-later
"""The commitment dialog (承诺): a construction project promises the supplement by a due date."""
import uuid

from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout

from ...core.ledger import Amounts, LedgerError
from ...i18n import tr
from .ledger_common import AmountsEditor, BalancePreview


class CommitmentDialog(QDialog):
    """Nothing moves now; the preview shows the reserve at the due date after every open commitment
    of the county and this one, so a promise the county cannot keep is visible before it is made."""

    def __init__(self, ledger, county_code, parent=None):
        super().__init__(parent)
        self.ledger = ledger
        self.county_code = county_code
        self.result_of_operation = None
        self.idempotency_key = f"commitment:{uuid.uuid4()}"
        self.setWindowTitle(tr("Commitment in county {} {}", county_code, ledger.county_table.name(county_code)))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.project_code = QLineEdit(self)
        self.project_name = QLineEdit(self)
        self.committed_on = QDateEdit(QDate.currentDate(), self)
        self.due_on = QDateEdit(QDate.currentDate().addYears(1), self)
        for edit in (self.committed_on, self.due_on):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        form.addRow(tr("Construction project code"), self.project_code)
        form.addRow(tr("Construction project name"), self.project_name)
        form.addRow(tr("Commitment date"), self.committed_on)
        form.addRow(tr("Due date"), self.due_on)
        layout.addLayout(form)
        self.amounts = AmountsEditor(self)
        layout.addWidget(self.amounts)
        self.preview = BalancePreview(tr("Reserve at the due date, after the open commitments"), self)
        layout.addWidget(self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.before = ledger.balance(county_code).amounts
        self.promised = Amounts()
        for commitment in ledger.open_commitments(county_code):
            self.promised = self.promised.plus(commitment.amounts)
        for signal in (self.amounts.changed, self.project_code.textChanged, self.due_on.dateChanged,
                       self.committed_on.dateChanged):
            signal.connect(self.update_preview)
        self.update_preview()

    def update_preview(self, *_args):
        change = self.amounts.amounts()
        self.preview.show_change(self.before, self.promised.plus(change), withdraw=True)
        # a shortfall is a warning here: the point of a commitment is that the supplement comes later
        ready = (not change.is_zero() and bool(self.project_code.text().strip())
                 and self.due_on.date() >= self.committed_on.date())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def apply(self):
        try:
            self.result_of_operation = self.ledger.commit(
                self.county_code, self.project_code.text().strip(), self.project_name.text().strip(),
                self.amounts.amounts(), self.due_on.date().toString("yyyy-MM-dd"),
                self.committed_on.date().toString("yyyy-MM-dd"), self.idempotency_key)
        except LedgerError as exc:
            self.preview.show_refusal(tr("Commitment refused: {}", exc))
            return None
        self.accept()
        return self.result_of_operation
