# SPDX-License-Identifier: GPL-2.0-or-later
"""Widgets shared by the ledger dialogs: an editor for the three amounts and a before/after balance preview."""
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QWidget

from ...core.ledger import Amounts
from ...core.units import kg_to_wan_kg, mu_to_ha
from ...i18n import tr

MAX_MU = 1e8
MAX_KG = 1e12


def format_amounts(amounts):
    """'12.5000 mu (0.8333 ha) · 9,000.0 kg (0.90 10⁴ kg) · paddy 3.0000 mu (0.2000 ha)'."""
    if amounts is None:
        return "—"
    return tr("{:,.4f} mu ({:,.4f} ha) · {:,.1f} kg ({:,.4f} ×10⁴ kg) · paddy {:,.4f} mu ({:,.4f} ha)",
              amounts.area_mu, float(mu_to_ha(amounts.area_mu)), amounts.capacity_kg,
              float(kg_to_wan_kg(amounts.capacity_kg)), amounts.paddy_mu, float(mu_to_ha(amounts.paddy_mu)))


def format_shortfall(error):
    """The shortfall per indicator and the possible sellers of a ShortfallError."""
    parts = []
    if error.shortfall.area_mu > 0:
        parts.append(tr("area {:,.4f} mu", error.shortfall.area_mu))
    if error.shortfall.capacity_kg > 0:
        parts.append(tr("grain capacity {:,.1f} kg", error.shortfall.capacity_kg))
    if error.shortfall.paddy_mu > 0:
        parts.append(tr("paddy {:,.4f} mu", error.shortfall.paddy_mu))
    text = tr("Short in county {}: {}.", error.county_code, ", ".join(parts))
    if error.sellers:
        text += "\n" + tr("Counties of the province that could sell, cheapest first:") + "\n" + "\n".join(
            tr("  {} {}: {:,.0f} yuan/mu, about {:,.0f} yuan{}", s.county_code, s.name_zh, s.price_yuan_per_mu,
               s.total_yuan, tr(" (poor county, priority)") if s.poor else "") for s in error.sellers)
    else:
        text += "\n" + tr("No county of the province holds enough to sell.")
    return text


class AmountsEditor(QWidget):
    """Three spin boxes: area (亩), grain capacity (kg), paddy (亩)."""
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.area = self._spin(MAX_MU, 4, tr(" mu"))
        self.capacity = self._spin(MAX_KG, 1, tr(" kg"))
        self.paddy = self._spin(MAX_MU, 4, tr(" mu"))
        layout.addRow(tr("Area (耕地数量)"), self.area)
        layout.addRow(tr("Grain capacity (粮食产能)"), self.capacity)
        layout.addRow(tr("Paddy (水田)"), self.paddy)

    def _spin(self, maximum, decimals, suffix):
        spin = QDoubleSpinBox(self)
        spin.setRange(0, maximum)
        spin.setDecimals(decimals)
        spin.setSuffix(suffix)
        spin.setGroupSeparatorShown(True)
        spin.valueChanged.connect(self.changed)
        return spin

    def amounts(self):
        return Amounts(self.area.value(), self.capacity.value(), self.paddy.value())

    def set_amounts(self, amounts):
        for spin, value in ((self.area, amounts.area_mu), (self.capacity, amounts.capacity_kg),
                            (self.paddy, amounts.paddy_mu)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.changed.emit()


class BalancePreview(QGroupBox):
    """A county's balance before and after an operation, and the shortfall when it cannot be covered."""

    def __init__(self, title, parent=None):
        super().__init__(title, parent)
        layout = QFormLayout(self)
        self.before_label = QLabel("—", self)
        self.after_label = QLabel("—", self)
        self.shortfall_label = QLabel("", self)
        self.shortfall_label.setWordWrap(True)
        self.shortfall_label.setStyleSheet("color: #b00020")
        for label in (self.before_label, self.after_label):
            label.setWordWrap(True)
        layout.addRow(tr("Before"), self.before_label)
        layout.addRow(tr("After"), self.after_label)
        layout.addRow(self.shortfall_label)

    def show_change(self, before, change, withdraw=True):
        """Show ``before`` and ``before ∓ change``; returns the shortfall Amounts (zero when covered)."""
        self.before_label.setText(format_amounts(before))
        if withdraw:
            shortfall = before.shortfall_against(change)
            after = before.minus(change)
        else:
            shortfall = Amounts()
            after = before.plus(change)
        self.after_label.setText(format_amounts(after))
        if shortfall.is_zero():
            self.shortfall_label.setText("")
        else:
            self.shortfall_label.setText(tr("Cannot be covered: short by {}", format_amounts(shortfall)))
        return shortfall

    def show_refusal(self, text):
        self.shortfall_label.setText(text)
