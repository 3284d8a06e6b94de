# SPDX-License-Identifier: GPL-2.0-or-later
"""The ledger dock's 进出平衡 page: one county's in-out account by year, and recording what went out.

The account is the ledger's (Ledger.in_out_account): per year, 进 (plots of accepted projects turned
back into 耕地, credited to 进出平衡 at their deposit), 出 (耕地 turned into 林/园/草/坑塘/设施农用地,
recorded here by hand or found by comparing two survey layers), exempt 出 (recorded, not counted) and
the balance in − out, met when ≥ 0.  The year's entries are listed under the table.
"""
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                                 QTableWidgetItem, QVBoxLayout, QWidget)

from ...core.ledger import LedgerError
from ...i18n import tr

YEAR_COLUMNS = ("year", "in", "out", "exempt", "balance", "met")


def _item(text, number=False):
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class InOutPage(QWidget):
    """进出平衡 of the dock's county, year by year."""

    changed = pyqtSignal()          # an entry was recorded from this page

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("inOutPage")
        self.ledger, self.county_code, self.rows = None, None, []
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("inOutSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(YEAR_COLUMNS), self)
        self.table.setObjectName("inOutTable")
        self.table.setHorizontalHeaderLabels([tr("Year"), tr("In 进 (mu)"), tr("Out 出 (mu)"), tr("Exempt (mu)"),
                                              tr("Balance (mu)"), tr("Met")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._show_entries)
        layout.addWidget(self.table, 1)
        self.entries = QTableWidget(0, 5, self)
        self.entries.setObjectName("inOutEntries")
        self.entries.setHorizontalHeaderLabels([tr("Entry"), tr("Date"), tr("Kind"), tr("Change"), tr("Area (mu)")])
        self.entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries.verticalHeader().setVisible(False)
        self.entries.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.entries, 1)
        buttons = QHBoxLayout()
        self.out_button = QPushButton(tr("Record out…"), self)
        self.out_button.setObjectName("recordOutButton")
        self.out_button.setToolTip(tr("耕地 turned into forest, orchard, grassland, a pond or facility land"))
        self.out_button.clicked.connect(lambda: self.record_out())
        self.compare_button = QPushButton(tr("Find out in two surveys…"), self)
        self.compare_button.setObjectName("compareSurveysButton")
        self.compare_button.setToolTip(tr("Compare two annual survey layers (DLBM, SJNF): 耕地 in the older one that "
                                          "the newer one shows as other farmland"))
        self.compare_button.clicked.connect(lambda: self.compare_surveys())
        buttons.addWidget(self.out_button)
        buttons.addWidget(self.compare_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def set_ledger(self, ledger, county_code, writable=True):
        self.ledger, self.county_code = ledger, county_code
        for button in (self.out_button, self.compare_button):
            button.setEnabled(ledger is not None and writable)
        self.refresh()

    def refresh(self):
        self.table.setRowCount(0)
        self.entries.setRowCount(0)
        if self.ledger is None or not self.county_code:
            self.summary.setText("")
            return
        try:
            self.rows = self.ledger.in_out_account(self.county_code)
        except LedgerError as exc:
            self.summary.setText(str(exc))
            return
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(reversed(self.rows)):     # the newest year first
            cells = [(str(row.year), False), (f"{row.in_mu:,.4f}", True), (f"{row.out_mu:,.4f}", True),
                     (f"{row.exempt.area_mu:,.4f}", True), (f"{row.balance_mu:+,.4f}", True),
                     (tr("yes") if row.met else tr("no"), False)]
            for column, (text, number) in enumerate(cells):
                item = _item(text, number)
                item.setData(Qt.ItemDataRole.UserRole, row.year)
                if column == 5 and not row.met:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(index, column, item)
        unmet = [row.year for row in self.rows if not row.met]
        if not self.rows:
            self.summary.setText(tr("No 进出平衡 entries for county {} yet.", self.county_code))
        elif unmet:
            self.summary.setText(tr("进出平衡 of county {}: not met in {} (耕地 out more than in within the year)",
                                    self.county_code, ", ".join(str(year) for year in unmet)))
        else:
            self.summary.setText(tr("进出平衡 of county {}: met in every year", self.county_code))
        if self.rows:
            self.table.selectRow(0)

    def selected_year(self):
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _show_entries(self):
        year = self.selected_year()
        row = next((r for r in self.rows if r.year == year), None)
        ids = set(row.entries) if row else set()
        entries = [e for e in self.ledger.journal(county_code=self.county_code, kind=("inout_in", "inout_out"),
                                                  since=f"{year}-01-01", until=f"{year}-12-31")
                   if e.entry_id in ids] if row else []
        self.entries.setRowCount(len(entries))
        for index, entry in enumerate(entries):
            kind = tr("In 进") if entry.kind == "inout_in" else (tr("Out 出, exempt") if entry.exemption
                                                                 else tr("Out 出"))
            change = f"{entry.class_from or '—'} → {entry.class_to or '—'}"
            if entry.project_code:
                change += f" ({entry.project_code})"
            for column, (text, number) in enumerate([(str(entry.entry_id), False), (entry.occurred_on, False),
                                                     (kind, False), (change, False),
                                                     (f"{entry.amounts.area_mu:,.4f}", True)]):
                item = _item(text, number)
                item.setToolTip(entry.note or "")
                self.entries.setItem(index, column, item)
        self.entries.resizeColumnsToContents()

    def record_out(self, exec_=True):
        from ..dialogs.in_out_record import RecordOutDialog
        dialog = RecordOutDialog(self.ledger, self.county_code, self)
        return self._after(dialog, exec_)

    def compare_surveys(self, exec_=True):
        from ..dialogs.in_out_record import SurveyCompareDialog
        dialog = SurveyCompareDialog(self.ledger, self.county_code, self)
        return self._after(dialog, exec_)

    def _after(self, dialog, exec_):
        dialog.finished.connect(lambda _code: (self.refresh(), self.changed.emit()))
        if exec_:
            dialog.exec()
        return dialog
