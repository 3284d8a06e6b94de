# SPDX-License-Identifier: GPL-2.0-or-later
"""The ledger dock's province-year page (以补定占): a province's net stable increase in year N against
the occupation written off or planned for N+1, per county and for the province (core.province_year).

Read from the open ledger only: deposits of N (less those still waiting for their change-survey
confirmation, listed as pending), the 进出平衡 account of N, write-offs dated in N+1 and commitments due
in N+1.  The cap rule is an unconfirmed assumption of the rule profile, and the page says so.
"""
import datetime

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QSpinBox,
                                 QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...core.ledger import LedgerError
from ...core.province_year import from_ledger
from ...i18n import tr

COLUMNS = ("county", "deposited", "pending", "in_out", "net", "occupation", "margin")


class ProvinceYearPage(QWidget):
    """Province and year N chosen at the top; one row per county, the province's total last."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("provinceYearPage")
        self.ledger, self.balance = None, None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.province_combo = QComboBox(self)
        self.province_combo.setObjectName("provinceCombo")
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("provinceYearSpin")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(datetime.date.today().year - 1)
        row.addWidget(QLabel(tr("Province"), self))
        row.addWidget(self.province_combo, 1)
        row.addWidget(QLabel(tr("Year N"), self))
        row.addWidget(self.year_spin)
        layout.addLayout(row)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("provinceYearVerdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("provinceYearTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #6c6c6c")
        layout.addWidget(self.note)
        self.province_combo.currentIndexChanged.connect(self.refresh)
        self.year_spin.valueChanged.connect(self.refresh)

    def set_ledger(self, ledger, county_code=None):
        """A ledger (or None) and the dock's county, whose province is chosen first."""
        self.ledger = ledger
        current = self.province_combo.currentData() or (str(county_code)[:2] if county_code else None)
        self.province_combo.blockSignals(True)
        self.province_combo.clear()
        if ledger is not None:
            for code, (name_zh, _name_en) in sorted(ledger.county_table.province_names.items()):
                self.province_combo.addItem(f"{code} {name_zh}", code)
        self.province_combo.setCurrentIndex(max(0, self.province_combo.findData(current)))
        self.province_combo.blockSignals(False)
        self.refresh()

    def refresh(self, *_args):
        self.table.setRowCount(0)
        province = self.province_combo.currentData()
        if self.ledger is None or not province:
            self.verdict.setText("")
            return
        year = self.year_spin.value()
        try:
            self.balance = balance = from_ledger(self.ledger, province, year)
        except LedgerError as exc:
            self.verdict.setText(str(exc))
            return
        self.table.setHorizontalHeaderLabels([
            tr("County"), tr("Stable deposits {} (mu)", year), tr("Pending survey (mu)"),
            tr("进出平衡 {} (mu)", year), tr("Net increase {} (mu)", year), tr("Occupation {} (mu)", year + 1),
            tr("Margin (mu)")])
        rows = list(balance.counties) + [balance.total]
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            province_row = row is balance.total
            name = tr("Province {} total", row.county_name or province) if province_row else \
                f"{row.county_code} {row.county_name}"
            cells = [name, row.deposited.area_mu, row.pending.area_mu, row.in_mu - row.out_mu, row.net_increase_mu,
                     row.occupation_next.area_mu, row.margin_mu]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value if column == 0 else f"{value:,.4f}")
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if province_row:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if column == 6 and value < -1e-9:
                    item.setForeground(Qt.GlobalColor.red)
                if column == 2 and row.pending_projects:
                    item.setToolTip(tr("Waiting for the change survey: {}", ", ".join(sorted(row.pending_projects))))
                self.table.setItem(index, column, item)
        total = balance.total
        if balance.balanced:
            self.verdict.setStyleSheet("color: #1b7f3b; font-weight: bold")
            self.verdict.setText(tr("Balanced: the net increase of {} ({:,.4f} mu) covers the occupation of {} "
                                    "({:,.4f} mu); {:,.4f} mu to spare", year, total.net_increase_mu, year + 1,
                                    total.occupation_next.area_mu, total.margin_mu))
        else:
            self.verdict.setStyleSheet("color: #c0392b; font-weight: bold")
            self.verdict.setText(tr("Not balanced: the occupation of {} ({:,.4f} mu) exceeds the net increase of {} "
                                    "({:,.4f} mu) by {:,.4f} mu", year + 1, total.occupation_next.area_mu, year,
                                    total.net_increase_mu, -total.margin_mu))
        self.note.setText(tr("以补定占: the net stable increase of farmland in year N caps the occupation of year "
                             "N+1 (rule profile assumption, unconfirmed). Occupation = write-offs dated in {} and "
                             "commitments due in {}.", year + 1, year + 1))
