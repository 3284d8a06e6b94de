# SPDX-License-Identifier: GPL-2.0-or-later
"""The reserve-ledger dock: pick a ledger and a county, see its three balances and journal, act on it.

Three pages under the county: the reserve (balances, what waits for its change-survey confirmation,
the journal, searchable by project, 电子监管号 and 案卷编号), the county's 进出平衡 account by year
(components.in_out_page) and the province-year view 以补定占 (components.province_year_page).
"""
import os

from qgis.core import Qgis, QgsProject, QgsSettings
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (QAbstractItemView, QComboBox, QDockWidget, QFileDialog, QFormLayout, QGroupBox,
                                 QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QPushButton, QTabWidget,
                                 QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...core.ledger import ENTRY_KINDS, LedgerError, ledger_path_for, open_ledger
from ...core.ledger.integrity import failure_message
from ...core.ledger.report import report_rows, write_csv
from ...core.units import kg_to_wan_kg, mu_to_ha
from ...core.local_time import local_time_text
from ...core.project_profile import current_profile
from ...i18n import tr
from ..components.dock_look import dock_title
from ..components.in_out_page import InOutPage
from ..components.province_year_page import ProvinceYearPage
from ..components.ledger_follow import database_county, ledger_beside, project_database_path
from ..components.signals import disconnect_all
from ..dialogs.deposit import remember_ledger_target, resolve_ledger_target
from ..dialogs.ledger_commitment import CommitmentDialog
from ..dialogs.ledger_transfer import TransferDialog
from ..dialogs.ledger_writeoff import WriteOffDialog

DOCK_ORDER = 30
OBJECT_NAME = "DoubleGuaranteeLedgerDock"
JOURNAL_COLUMNS = ("entry_id", "occurred_on", "kind", "county", "project", "area_mu", "capacity_kg", "paddy_mu",
                   "note")


def kind_label(kind):
    return {"deposit": tr("Deposit 入库"), "writeoff": tr("Write-off 核销"), "transfer": tr("Transfer 调剂"),
            "commitment": tr("Commitment 承诺"), "reversal": tr("Reversal 冲正"),
            "inout_out": tr("Farmland out 进出平衡·出"), "inout_in": tr("Farmland in 进出平衡·进"),
            "confirmation": tr("Confirmed 变更调查确认")}.get(kind, kind)


# the kinds that move nothing in the three-indicator reserve: their amounts are shown unsigned
UNSIGNED_KINDS = ("reversal", "commitment", "inout_out", "inout_in", "confirmation")


def postgres_connection_names():
    settings = QgsSettings()
    settings.beginGroup("PostgreSQL/connections")
    names = settings.childGroups()
    settings.endGroup()
    return names


class LedgerDock(QDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(dock_title(OBJECT_NAME), parent)
        self.setObjectName(OBJECT_NAME)
        self.iface = iface
        self.ledger = None
        self.integrity_failure = None   # the verification report of an open ledger that did not verify
        body = QWidget(self)
        layout = QVBoxLayout(body)

        source_row = QHBoxLayout()
        self.target_combo = QComboBox(body)
        self.target_combo.setEditable(True)
        self.target_combo.setToolTip(tr("A GeoPackage ledger file, or the name of a QGIS PostgreSQL connection"))
        for name in postgres_connection_names():
            self.target_combo.addItem(name)
        self.target_combo.setCurrentText("")
        browse = QPushButton(tr("Open…"), body)
        browse.setToolTip(tr("Open an existing ledger file"))
        browse.clicked.connect(lambda: self.browse())
        new_button = QPushButton(tr("New…"), body)
        new_button.setToolTip(tr("Create a new ledger file"))
        new_button.clicked.connect(lambda: self.create_file())
        self.open_button = QPushButton(tr("Open"), body)
        self.open_button.clicked.connect(lambda: self.open_target(self.target_combo.currentText(), by_user=True))
        # the ledger on one line, its buttons on the next: side by side they were cut at the 400-pixel dock's edge
        source_row.addWidget(QLabel(tr("Ledger"), body))
        source_row.addWidget(self.target_combo, 1)
        layout.addLayout(source_row)
        source_buttons = QHBoxLayout()
        source_buttons.addStretch(1)
        source_buttons.addWidget(self.open_button)
        source_buttons.addWidget(browse)
        source_buttons.addWidget(new_button)
        layout.addLayout(source_buttons)
        # shown when the project database has no ledger beside it yet: one click creates it there
        offer_row = QHBoxLayout()
        self.offer_label = QLabel(body)
        self.offer_label.setWordWrap(True)
        self.create_beside_button = QPushButton(tr("Create it"), body)
        self.create_beside_button.setObjectName("createLedgerBesideButton")
        self.create_beside_button.clicked.connect(lambda: self.create_beside())
        offer_row.addWidget(self.offer_label, 1)
        offer_row.addWidget(self.create_beside_button)
        layout.addLayout(offer_row)
        self._show_offer(None)
        # a ledger that does not verify: said at the top, where it is seen before any button
        self.integrity_label = QLabel(body)
        self.integrity_label.setWordWrap(True)
        self.integrity_label.setStyleSheet("QLabel { color: #a40000; font-weight: bold; }")
        self.integrity_label.setVisible(False)
        layout.addWidget(self.integrity_label)

        county_row = QHBoxLayout()
        self.county_combo = QComboBox(body)
        self.county_combo.currentIndexChanged.connect(self.refresh)
        county_row.addWidget(QLabel(tr("County"), body))
        county_row.addWidget(self.county_combo, 1)
        layout.addLayout(county_row)

        self.pages = QTabWidget(body)
        self.pages.setObjectName("ledgerPages")
        layout.addWidget(self.pages, 1)
        reserve_page = QWidget(self.pages)
        reserve_layout = QVBoxLayout(reserve_page)
        reserve_layout.setContentsMargins(0, 0, 0, 0)
        self.pages.addTab(reserve_page, tr("Reserve"))
        self.in_out_page = InOutPage(self.pages)
        self.in_out_page.changed.connect(lambda: self.refresh_journal())
        self.pages.addTab(self.in_out_page, tr("进出平衡"))
        self.province_page = ProvinceYearPage(self.pages)
        self.pages.addTab(self.province_page, tr("Province-year 以补定占"))
        self.pages.currentChanged.connect(lambda _index: self._refresh_page())
        layout, outer_layout = reserve_layout, layout

        balances = QGroupBox(tr("Balances"), body)
        form = QFormLayout(balances)
        self.area_label, self.capacity_label, self.paddy_label = QLabel(balances), QLabel(balances), QLabel(balances)
        form.addRow(tr("Area (耕地数量)"), self.area_label)
        form.addRow(tr("Grain capacity (粮食产能)"), self.capacity_label)
        form.addRow(tr("Paddy (水田)"), self.paddy_label)
        self.commitments_label = QLabel(balances)
        form.addRow(tr("Open commitments"), self.commitments_label)
        # national_2024: deposits wait for their change-survey confirmation before they may be drawn
        self.pending_label = QLabel(balances)
        self.pending_label.setObjectName("ledgerPendingLabel")
        self.pending_label.setWordWrap(True)
        form.addRow(tr("Waiting for the change survey"), self.pending_label)
        layout.addWidget(balances)

        actions = QHBoxLayout()
        self.writeoff_button = QPushButton(tr("Write-off…"), body)
        self.transfer_button = QPushButton(tr("Transfer…"), body)
        self.commitment_button = QPushButton(tr("Commitment…"), body)
        self.due_button = QPushButton(tr("Process due commitments"), body)
        self.writeoff_button.clicked.connect(lambda: self.open_write_off())
        self.transfer_button.clicked.connect(lambda: self.open_transfer())
        self.commitment_button.clicked.connect(lambda: self.open_commitment())
        self.due_button.clicked.connect(lambda: self.process_due())
        for button in (self.writeoff_button, self.transfer_button, self.commitment_button):
            actions.addWidget(button)
        layout.addLayout(actions)
        layout.addWidget(self.due_button)

        filter_row = QHBoxLayout()
        self.kind_filter = QComboBox(body)
        self.kind_filter.addItem(tr("All entries"), None)
        for kind in ENTRY_KINDS:
            self.kind_filter.addItem(kind_label(kind), kind)
        self.search_edit = QLineEdit(body)
        self.search_edit.setPlaceholderText(tr("Search project, 电子监管号, 案卷编号, note…"))
        self.kind_filter.currentIndexChanged.connect(self.refresh_journal)
        self.search_edit.textChanged.connect(self.refresh_journal)
        self.export_button = QPushButton(tr("Export CSV…"), body)
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.reverse_button = QPushButton(tr("Reverse selected…"), body)
        self.reverse_button.clicked.connect(lambda: self.reverse_selected())
        filter_row.addWidget(self.kind_filter)
        filter_row.addWidget(self.search_edit, 1)
        layout.addLayout(filter_row)
        journal_buttons = QHBoxLayout()
        journal_buttons.addStretch(1)
        journal_buttons.addWidget(self.reverse_button)
        journal_buttons.addWidget(self.export_button)
        layout.addLayout(journal_buttons)

        self.journal_table = QTableWidget(0, len(JOURNAL_COLUMNS), body)
        self.journal_table.setHorizontalHeaderLabels([
            tr("Entry"), tr("Date"), tr("Kind"), tr("County / counterparty"), tr("Project"), tr("Area (mu)"),
            tr("Capacity (kg)"), tr("Paddy (mu)"), tr("Note")])
        self.journal_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.journal_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.journal_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.journal_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.journal_table, 1)
        layout = outer_layout
        self.status_label = QLabel(body)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.setWidget(body)
        self._set_enabled(False)
        self.follows_project = True     # until the user opens another ledger by hand
        self._followed_database = None
        self._offered_path = None
        target = resolve_ledger_target(None)
        if target:
            self.target_combo.setCurrentText(str(target))
        project = QgsProject.instance()
        project.readProject.connect(self._project_changed)
        project.dirtySet.connect(self._project_changed)     # the project dock wrote the database it opened
        self.visibilityChanged.connect(self._visibility_changed)

    # ----- following the project database ------------------------------------------------------
    def _project_changed(self, *_args):
        if self.follows_project and self.isVisible():
            self.follow_project_database()

    def _visibility_changed(self, visible):
        # visibilityChanged, not showEvent: a tabbed dock brought to the front by its tab gets no show event
        if not visible:
            return
        if self.follows_project:
            self.follow_project_database()
        # the ledger may have been written since it was last shown (an acceptance, another user): the
        # balances and journal shown are read again
        self.refresh()

    def follow_project_database(self):
        """Open the ledger beside the QGIS project's project database (or offer to create it), at the
        county of its projects.  Returns the ledger path, or None when there is nothing to follow."""
        database = project_database_path()
        # an offer stands until the ledger exists: an acceptance may have created it beside the database since
        offer_stands = bool(self._offered_path) and not os.path.exists(self._offered_path)
        if database is None or database == self._followed_database and (self.ledger is not None or offer_stands):
            return None
        self._followed_database = database
        path, exists = ledger_beside(database)
        if not exists:
            self._show_offer(path)
            return path
        self._show_offer(None)
        if self.ledger is None or getattr(self.ledger, "path", None) != path:
            if not self.open_target(path):
                return None
        county = database_county(database)
        if county:
            self.set_county(county)
        return path

    def _show_offer(self, path):
        self._offered_path = path
        self.offer_label.setText(tr("The project database has no ledger beside it yet ({}).", path) if path else "")
        self.offer_label.setVisible(bool(path))
        self.create_beside_button.setVisible(bool(path))

    def create_beside(self):
        """Create the offered ledger beside the project database and open it at the projects' county."""
        path = self._offered_path
        if not path:
            return False
        self._show_offer(None)
        if not self.open_target(path):
            return False
        county = database_county(self._followed_database) if self._followed_database else ""
        if county:
            self.set_county(county)
        return True

    # ----- ledger and county -------------------------------------------------------------------
    def _set_enabled(self, enabled):
        for widget in (self.export_button, self.county_combo):
            widget.setEnabled(enabled)
        # a ledger that does not verify stays readable, but nothing more is written to it
        writable = enabled and self.integrity_failure is None
        for widget in (self.writeoff_button, self.transfer_button, self.commitment_button, self.due_button,
                       self.reverse_button):
            widget.setEnabled(writable)
        self._writable = writable
        self._refresh_page()

    def message(self, text, level=Qgis.MessageLevel.Info):
        self.status_label.setText(text)
        bar = self.iface.messageBar() if self.iface is not None and hasattr(self.iface, "messageBar") else None
        if bar is not None and level != Qgis.MessageLevel.Info:
            bar.pushMessage(tr("Reserve ledger"), text, level=level, duration=6)

    def browse(self, path=None):
        """打开: an existing ledger file, chosen in an open dialog (nothing is created here)."""
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, tr("Open a ledger"), "", tr("GeoPackage (*.gpkg)"))
        if not path:
            return False
        if not os.path.isfile(path):
            self.message(tr("{}: no such ledger file", path), Qgis.MessageLevel.Warning)
            return False
        return self.open_target(path, by_user=True)

    def create_file(self, path=None):
        """新建: a new ledger file, named in a save dialog."""
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, tr("Create a ledger"), "", tr("GeoPackage (*.gpkg)"))
        if not path:
            return False
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        return self.open_target(path, by_user=True)

    def open_target(self, target, by_user=False):
        """Open a ledger (GeoPackage path, PostgreSQL URI or QGIS connection name); True on success."""
        target = str(target or "").strip()
        if not target:
            self.message(tr("Choose a ledger file or a PostgreSQL connection"), Qgis.MessageLevel.Warning)
            return False
        try:
            ledger = open_ledger(target)
        except LedgerError as exc:
            self.message(tr("Cannot open the ledger {}: {}", target, exc), Qgis.MessageLevel.Critical)
            return False
        try:
            report = ledger.verify()   # before anything is shown or written: a tampered ledger is named now
        except LedgerError as exc:
            ledger.close()
            self.message(tr("Cannot open the ledger {}: {}", target, exc), Qgis.MessageLevel.Critical)
            return False
        self._close_ledger()
        self.ledger = ledger
        self.integrity_failure = None if report["ok"] else report
        if by_user:
            self.follows_project = False
        self.target_combo.setCurrentText(target)
        remember_ledger_target(target)
        self._fill_counties()
        self._set_enabled(True)
        self.integrity_label.setVisible(self.integrity_failure is not None)
        if self.integrity_failure is not None:
            # a file by its name, not its whole path: the message must fit the dock and the message bar
            where = os.path.basename(target) if ledger.backend == "geopackage" else ledger.describe()
            text = failure_message(where, report)
            self.integrity_label.setText(text)
            self.message(text, Qgis.MessageLevel.Critical)
        else:
            self.message(tr("Ledger {} opened and verified ({} entries)", ledger.describe(), report["entries"]))
        return True

    def open_for_project_database(self, project_db_path):
        return self.open_target(ledger_path_for(project_db_path))

    def _fill_counties(self):
        current = self.county_code()
        self.county_combo.blockSignals(True)
        self.county_combo.clear()
        table = self.ledger.county_table
        for code in self.ledger.counties():
            self.county_combo.addItem(f"{code} {table.name(code)}", code)
        index = self.county_combo.findData(current) if current else -1
        self.county_combo.setCurrentIndex(max(index, 0))
        self.county_combo.blockSignals(False)
        self.refresh()

    def county_code(self):
        return self.county_combo.currentData()

    def set_county(self, county_code):
        index = self.county_combo.findData(county_code)
        if index < 0 and self.ledger is not None:
            self.county_combo.addItem(f"{county_code} {self.ledger.county_table.name(county_code)}", county_code)
            index = self.county_combo.count() - 1
        self.county_combo.setCurrentIndex(index)
        self.refresh()

    # ----- showing -----------------------------------------------------------------------------
    def refresh(self, *_args):
        if self.ledger is None or not self.county_code():
            return
        try:
            amounts = self.ledger.balance(self.county_code()).amounts
            open_commitments = self.ledger.open_commitments(self.county_code())
        except LedgerError as exc:
            self.message(str(exc), Qgis.MessageLevel.Critical)
            return
        self.area_label.setText(tr("{:,.4f} mu = {:,.4f} ha", amounts.area_mu, float(mu_to_ha(amounts.area_mu))))
        self.capacity_label.setText(tr("{:,.1f} kg = {:,.4f} ×10⁴ kg", amounts.capacity_kg,
                                       float(kg_to_wan_kg(amounts.capacity_kg))))
        self.paddy_label.setText(tr("{:,.4f} mu = {:,.4f} ha", amounts.paddy_mu, float(mu_to_ha(amounts.paddy_mu))))
        self.commitments_label.setText(tr("{} open, next due {}", len(open_commitments),
                                          open_commitments[0].due_on if open_commitments else "—"))
        self._show_pending()
        self.refresh_journal()
        self._refresh_page()

    def _show_pending(self):
        try:
            waiting = self.ledger.pending_deposits(self.county_code())
            usable = self.ledger.usable(self.county_code())
        except LedgerError as exc:
            self.pending_label.setText(str(exc))
            return
        if not waiting:
            self.pending_label.setText(tr("none: the whole reserve is usable"))
            return
        self.pending_label.setText(tr("{} deposits ({}): usable now {:,.4f} mu, {:,.1f} kg, paddy {:,.4f} mu",
                                      len(waiting), ", ".join(e.project_code for e in waiting), usable.area_mu,
                                      usable.capacity_kg, usable.paddy_mu))

    def _refresh_page(self):
        """The 进出平衡 and province-year pages follow the ledger and county when they are shown."""
        page = self.pages.currentWidget()
        if page is self.in_out_page:
            self.in_out_page.set_ledger(self.ledger, self.county_code(), getattr(self, "_writable", False))
        elif page is self.province_page:
            self.province_page.set_ledger(self.ledger, self.county_code())

    def journal_entries(self):
        if self.ledger is None:
            return []
        return self.ledger.journal(county_code=self.county_code(), kind=self.kind_filter.currentData(),
                                   search=self.search_edit.text())

    def refresh_journal(self, *_args):
        entries = self.journal_entries()
        self.journal_table.setRowCount(len(entries))
        county = self.county_code()
        for row, entry in enumerate(entries):
            # sign from the selected county's side: what it gains is positive
            sign = -1 if entry.kind == "writeoff" or (entry.kind == "transfer" and entry.counterparty_code == county) \
                else 1
            if entry.kind in UNSIGNED_KINDS:
                sign = 0
            amounts = entry.amounts
            if entry.kind == "transfer":
                where = tr("{} → {}", entry.counterparty_code, entry.county_code)
            elif entry.kind == "deposit" and not entry.province_amounts.is_zero():
                # split with the province reserve: each side sees what it received
                where = tr("{} + province reserve {}", entry.county_code, entry.counterparty_code)
                if county == entry.counterparty_code:
                    amounts = entry.province_amounts
                elif county == entry.county_code:
                    amounts = entry.county_amounts
            else:
                where = entry.county_code
            values = [str(entry.entry_id), entry.occurred_on or "", kind_label(entry.kind), where,
                      f"{entry.project_code or ''} {entry.project_name or ''}".strip()]
            for value in (amounts.area_mu, amounts.capacity_kg, amounts.paddy_mu):
                values.append(f"{sign * value:,.4f}" if sign else f"{value:,.4f}")
            note = entry.note or ""
            if entry.kind == "commitment":
                note = tr("due {}", entry.due_on) + (f"; {note}" if note else "")
            note = "; ".join(text for text in self._reform_notes(entry) + [note] if text)
            values.append(note)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if 5 <= column <= 7:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(Qt.ItemDataRole.UserRole, entry.entry_id)
                if entry.created_at:
                    item.setToolTip(tr("Recorded {} by {}", local_time_text(entry.created_at, seconds=True),
                                       entry.created_by or "—"))
                self.journal_table.setItem(row, column, item)

    @staticmethod
    def _reform_notes(entry):
        """What schema 4 adds to an entry's line: its links, profile, classes, confirmation, plots."""
        notes = []
        if entry.dzjgh:
            notes.append(tr("电子监管号 {}", entry.dzjgh))
        if entry.ajbh:
            notes.append(tr("案卷编号 {}", entry.ajbh))
        if entry.kind == "confirmation":
            notes.append(tr("confirms entry {} by the {} survey ({:.1f}%)", entry.confirms_entry_id, entry.survey_year,
                            100 * (entry.survey_share or 0)))
        if entry.kind == "deposit" and entry.requires_confirmation:
            notes.append(tr("usable once confirmed by the change survey"))
        if entry.class_from or entry.class_to:
            notes.append(f"{entry.class_from or '—'} → {entry.class_to or '—'}")
        if entry.exemption:
            notes.append(tr("exempt: {}", entry.exemption))
        if entry.plot_codes:
            notes.append(tr("plots {}", ", ".join(entry.plot_codes)))
        return notes

    def selected_entry_id(self):
        rows = self.journal_table.selectionModel().selectedRows() if self.journal_table.selectionModel() else []
        if not rows:
            return None
        return self.journal_table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    # ----- acting ------------------------------------------------------------------------------
    def _after(self, dialog, exec_):
        if not exec_:
            dialog.finished.connect(lambda _code: self._fill_counties())
            return dialog
        dialog.exec()
        self._fill_counties()
        return dialog

    def open_write_off(self, exec_=True):
        return self._after(WriteOffDialog(self.ledger, self.county_code(), profile=current_profile(), parent=self),
                           exec_)

    def open_transfer(self, exec_=True, amounts=None):
        return self._after(TransferDialog(self.ledger, self.county_code(), amounts, parent=self), exec_)

    def open_commitment(self, exec_=True):
        return self._after(CommitmentDialog(self.ledger, self.county_code(), parent=self), exec_)

    def process_due(self, today=None):
        outcomes = self.ledger.process_due_commitments(today, county_code=self.county_code())
        done = [c for c, r in outcomes if not isinstance(r, LedgerError)]
        refused = [(c, r) for c, r in outcomes if isinstance(r, LedgerError)]
        text = tr("{} due commitments written off", len(done))
        if refused:
            text += "; " + tr("{} could not be covered: {}", len(refused),
                              "; ".join(f"{c.project_code}: {r}" for c, r in refused))
        self.message(text, Qgis.MessageLevel.Warning if refused else Qgis.MessageLevel.Info)
        self._fill_counties()
        return outcomes

    def reverse_selected(self, reason=None):
        entry_id = self.selected_entry_id()
        if entry_id is None:
            self.message(tr("Select the journal entry to reverse"), Qgis.MessageLevel.Warning)
            return None
        if reason is None:
            reason, ok = QInputDialog.getText(self, tr("Reverse entry {}", entry_id), tr("Reason for the reversal"))
            if not ok:
                return None
        try:
            result = self.ledger.reverse(entry_id, reason)
        except LedgerError as exc:
            self.message(tr("Entry {} cannot be reversed: {}", entry_id, exc), Qgis.MessageLevel.Warning)
            return None
        self.message(tr("Entry {} reversed by entry {}", entry_id, result.entry.entry_id))
        self._fill_counties()
        return result

    def export_csv(self, path=None):
        """The selected county's balance and the journal as shown (filter and search applied)."""
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, tr("Export the ledger"), "ledger.csv",
                                                        tr("CSV (*.csv)"))
            if not path:
                return None
        rows, _verified = report_rows(self.ledger, self.county_code(), search=self.search_edit.text(),
                                      kind=self.kind_filter.currentData())
        for row in rows:        # a report for people: their local time, not the stored UTC
            if row.get("created_at"):
                row["created_at"] = local_time_text(row["created_at"], seconds=True)
        write_csv(path, rows)
        self.message(tr("Exported {} rows to {}", len(rows), path))
        return path

    def _close_ledger(self):
        if self.ledger is not None:
            self.ledger.close()
            self.ledger = None
        self.integrity_failure = None
        self.integrity_label.setVisible(False)

    def cleanup(self):
        project = QgsProject.instance()
        disconnect_all(((project.readProject, self._project_changed), (project.dirtySet, self._project_changed)))
        self._close_ledger()


def create_dock(iface):
    return LedgerDock(iface, iface.mainWindow() if iface is not None else None)
