# SPDX-License-Identifier: GPL-2.0-or-later
"""The transfer dialog (调剂): buy indicators from a county of the same province, capped price or bid."""
import uuid

from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                                 QLabel, QLineEdit, QVBoxLayout)

from ...core.ledger import LedgerError, ShortfallError
from ...core.ledger.model import province_of
from ...core.ledger.rules import bundle_mu
from ...i18n import tr
from .ledger_common import AmountsEditor, BalancePreview, format_shortfall


class TransferDialog(QDialog):
    """The buyer county is fixed; sellers are the other counties of its province, cheapest first."""

    def __init__(self, ledger, buyer_code, amounts=None, parent=None):
        super().__init__(parent)
        self.ledger = ledger
        self.buyer_code = buyer_code
        self.result_of_operation = None
        self.idempotency_key = f"transfer:{uuid.uuid4()}"
        table = ledger.county_table
        self.setWindowTitle(tr("Transfer into county {} {}", buyer_code, table.name(buyer_code)))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.seller = QComboBox(self)
        balances = ledger.balances()
        sellers = sorted((c for c in table.of_province(province_of(buyer_code)) if c.county_code != buyer_code),
                         key=lambda c: (c.price_yuan_per_mu, not c.poor, c.county_code))
        for county in sellers:
            label = f"{county.county_code} {county.name_zh} — {county.price_yuan_per_mu:,.0f} " + tr("yuan/mu")
            if county.poor:
                label += tr(" (poor county, priority)")
            self.seller.addItem(label, county.county_code)
        self.pricing = QComboBox(self)
        self.pricing.addItem(tr("Capped price (key project)"), "capped")
        self.pricing.addItem(tr("Bidding"), "bid")
        self.price = QDoubleSpinBox(self)
        self.price.setRange(0, 1e7)
        self.price.setDecimals(0)
        self.price.setSuffix(" " + tr("yuan/mu"))
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit(self)
        form.addRow(tr("Seller county (same province)"), self.seller)
        form.addRow(tr("Pricing"), self.pricing)
        form.addRow(tr("Price"), self.price)
        form.addRow(tr("Transfer date"), self.date)
        form.addRow(tr("Note"), self.note)
        layout.addLayout(form)
        self.amounts = AmountsEditor(self)
        layout.addWidget(self.amounts)
        self.total_label = QLabel(self)
        layout.addWidget(self.total_label)
        self.seller_preview = BalancePreview(tr("Seller's reserve"), self)
        self.buyer_preview = BalancePreview(tr("Buyer's reserve (county {})", buyer_code), self)
        layout.addWidget(self.seller_preview)
        layout.addWidget(self.buyer_preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._balances = balances
        self.seller.currentIndexChanged.connect(self._seller_changed)
        self.amounts.changed.connect(self.update_preview)
        self.price.valueChanged.connect(self.update_preview)
        self.pricing.currentIndexChanged.connect(self.update_preview)
        if amounts is not None:
            self.amounts.set_amounts(amounts)
        self._seller_changed()

    def _seller_changed(self, *_args):
        county = self.ledger.county_table.get(self.seller.currentData())
        if county is not None:
            self.price.setValue(county.price_yuan_per_mu)
        self.update_preview()

    def update_preview(self, *_args):
        from ...core.ledger import Amounts
        change = self.amounts.amounts()
        seller = self.seller.currentData()
        shortfall = self.seller_preview.show_change(self._balances.get(seller, Amounts()), change, withdraw=True)
        self.buyer_preview.show_change(self._balances.get(self.buyer_code, Amounts()), change, withdraw=False)
        cap = self.ledger.county_table.capped_prices.get(province_of(self.buyer_code))
        over_cap = self.pricing.currentData() == "capped" and cap is not None and self.price.value() > cap
        text = tr("Total: {:,.0f} yuan/mu × {:,.4f} mu = {:,.0f} yuan", self.price.value(), bundle_mu(change),
                  self.price.value() * bundle_mu(change))
        if over_cap:
            text += "  " + tr("Above the province's capped price of {:,.0f} yuan/mu", cap)
        self.total_label.setText(text)
        ready = seller is not None and shortfall.is_zero() and not change.is_zero() and not over_cap
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def apply(self):
        try:
            self.result_of_operation = self.ledger.transfer(
                self.seller.currentData(), self.buyer_code, self.amounts.amounts(), self.price.value(),
                self.pricing.currentData(), self.date.date().toString("yyyy-MM-dd"), self.idempotency_key,
                note=self.note.text().strip() or None)
        except ShortfallError as exc:
            self.seller_preview.show_refusal(format_shortfall(exc))
            return None
        except LedgerError as exc:
            self.seller_preview.show_refusal(tr("Transfer refused: {}", exc))
            return None
        self.accept()
        return self.result_of_operation
