# SPDX-License-Identifier: GPL-2.0-or-later
"""Offering the deposit (入库) of an accepted project's credits into its county reserve.

The project dock's acceptance (gui.project.acceptance) shows ``DepositDialog`` as its confirmation and
deposits together with the status; ``offer_deposit(iface, project_attributes, project_credit, ledger)``
offers the deposit of a project accepted some other way.  The rules (accepted, the 2017-01-01 funding
rule, once per project) are the ledger's (core.ledger.rules); this module only shows them and asks.

Plots turned from other farmland back into 耕地 may credit 进出平衡 instead of 占补平衡 (never both): the
dialog lists them with a check box when the project's credits carry their plots (core.plot_accounts,
``project_credit.plot_accounts``); the deposit then names the plots it credits and a 进 entry the others.
"""
import os

from qgis.core import Qgis, QgsProject, QgsSettings
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
                                 QTableWidget, QTableWidgetItem, QVBoxLayout)

from ...core.change_survey import confirm_deposit_from_checks
from ...core.ledger import (Ledger, LedgerError, deposit_from_project, ledger_path_for, open_ledger)
from ...core.plot_accounts import deposit_with_accounts, split as split_accounts
from ...i18n import tr
from ..components.dock_layout import fit_dialog, scrolling_body
from .ledger_common import BalancePreview, format_amounts

SETTINGS_SCOPE = "DoubleGuarantee"
LEDGER_KEY = "ledger_target"  # pragma: allowlist secret - the name of a settings key, not a secret
PROJECT_DATABASE_KEY = "database_path"  # pragma: allowlist secret - the name of a settings key, not a secret


def remember_ledger_target(target):
    """The ledger chosen in the dock: kept in the QGIS project (and as the user's default)."""
    QgsProject.instance().writeEntry(SETTINGS_SCOPE, LEDGER_KEY, str(target))
    QgsSettings().setValue(f"{SETTINGS_SCOPE}/{LEDGER_KEY}", str(target))


def _project_database_paths():
    """GeoPackages of the loaded layers that are a project database's ``projects`` table."""
    paths = []
    for layer in QgsProject.instance().mapLayers().values():
        source = layer.source() if hasattr(layer, "source") else ""
        if "|layername=projects" in source:
            path = source.split("|")[0]
            if os.path.isfile(path) and path not in paths:
                paths.append(path)
    return paths


def resolve_ledger_target(target=None):
    """The ledger to use: the one given, the project's, the one beside a loaded project database, or the
    user's last one.  None when there is none."""
    if target not in (None, ""):
        return target
    project = QgsProject.instance()
    value, found = project.readEntry(SETTINGS_SCOPE, LEDGER_KEY, "")
    if found and value:
        return value
    # the project dock keeps its open project database under this key
    database, found = project.readEntry(SETTINGS_SCOPE, PROJECT_DATABASE_KEY, "")
    if found and database and os.path.isfile(project.readPath(database)):
        return ledger_path_for(project.readPath(database))
    databases = _project_database_paths()
    if databases:
        return ledger_path_for(databases[0])
    return QgsSettings().value(f"{SETTINGS_SCOPE}/{LEDGER_KEY}", "") or None


class DepositDialog(QDialog):
    """Shows the project, its credits and the county reserve before and after the deposit; with
    ``plot_accounts`` and the profile's 进出平衡 ``rule``, the plots that may credit 进出平衡 instead."""

    def __init__(self, ledger, request, parent=None, plot_accounts=None, rule=None):
        super().__init__(parent)
        self.setObjectName("depositDialog")
        self.ledger = ledger
        self.request = request
        self.plot_accounts, self.rule = list(plot_accounts or ()), rule
        self.eligible = [a for a in self.plot_accounts if a.may_credit_in_out(rule)]
        self.setWindowTitle(tr("Deposit project {} into the reserve", request.project_code))
        # the figures scroll above the buttons: with the 进出平衡 plots the dialog is taller than a laptop screen
        self.body, layout, self.outer = scrolling_body(self, "depositScroll")
        form = QFormLayout()
        form.addRow(tr("Project"), QLabel(f"{request.project_code} {request.project_name}", self))
        form.addRow(tr("County"), QLabel(f"{request.county_code} {ledger.county_table.name(request.county_code)}",
                                         self))
        credits_label = QLabel(format_amounts(request.amounts), self)
        credits_label.setWordWrap(True)
        form.addRow(tr("Credits"), credits_label)
        province = getattr(request, "province_amounts", None)
        split = province is not None and not province.is_zero()
        if split:
            # Jiangsu 2014, province-invested: the province's part goes to its own reserve
            account = request.province_account
            province_label = QLabel(tr("{} to {} {}", format_amounts(province), account,
                                       ledger.county_table.name(account)), self)
            province_label.setWordWrap(True)
            form.addRow(tr("Province share"), province_label)
        form.addRow(tr("Ledger"), QLabel(ledger.describe(), self))
        layout.addLayout(form)
        county_part = request.amounts.minus(province) if split else request.amounts
        self.preview = BalancePreview(tr("Reserve of county {}", request.county_code), self)
        self.preview.show_change(ledger.balance(request.county_code).amounts, county_part, withdraw=False)
        layout.addWidget(self.preview)
        self.province_preview = None
        if split:
            self.province_preview = BalancePreview(tr("Province reserve {}", request.province_account), self)
            self.province_preview.show_change(ledger.balance(request.province_account).amounts, province,
                                              withdraw=False)
            layout.addWidget(self.province_preview)
        self.accounts_table = None
        if self.eligible and not split:     # a split deposit (Jiangsu 2014) has no 进出平衡 plots to choose
            layout.addWidget(self._accounts_box())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Deposit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.outer.addWidget(buttons)
        fit_dialog(self, self.body)

    def _accounts_box(self):
        """The plots that may credit 进出平衡: checked ones go there, the rest to 占补平衡 (the deposit)."""
        box = QGroupBox(tr("占补平衡 or 进出平衡 (a plot credits one of them, never both)"), self)
        layout = QVBoxLayout(box)
        note = QLabel(tr("These plots were other farmland (forest, orchard, grassland, pond, facility land) and are "
                         "耕地 now. Checked: they make good 耕地 lost to other farmland this year (进出平衡) and are "
                         "not deposited."), box)
        note.setWordWrap(True)
        layout.addWidget(note)
        table = QTableWidget(len(self.eligible), 4, box)
        table.setObjectName("plotAccountsTable")
        table.setHorizontalHeaderLabels([tr("进出平衡"), tr("Plot"), tr("Change"), tr("Credits")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        for row, account in enumerate(self.eligible):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked)
            check.setData(Qt.ItemDataRole.UserRole, account.plot_code)
            table.setItem(row, 0, check)
            table.setItem(row, 1, QTableWidgetItem(account.plot_code))
            table.setItem(row, 2, QTableWidgetItem(f"{account.class_before} → {account.class_after}"))
            table.setItem(row, 3, QTableWidgetItem(format_amounts(account.amounts)))
        table.resizeColumnsToContents()
        table.setMaximumHeight(140)
        # never squeezed below its header and two rows when the dialog is short of room
        table.setMinimumHeight(min(140, table.horizontalHeader().sizeHint().height()
                                   + 2 * table.verticalHeader().defaultSectionSize() + 4))
        table.itemChanged.connect(lambda _item: self._accounts_changed())
        self.accounts_table = table
        layout.addWidget(table)
        self.accounts_label = QLabel(box)
        self.accounts_label.setWordWrap(True)
        layout.addWidget(self.accounts_label)
        self._accounts_changed()
        return box

    def in_out_codes(self):
        """The plots checked for 进出平衡."""
        if self.accounts_table is None:
            return []
        return [self.accounts_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
                for row in range(self.accounts_table.rowCount())
                if self.accounts_table.item(row, 0).checkState() == Qt.CheckState.Checked]

    def set_in_out(self, codes):
        for row in range(self.accounts_table.rowCount()):
            item = self.accounts_table.item(row, 0)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes
                               else Qt.CheckState.Unchecked)

    def _accounts_changed(self):
        parts = split_accounts(self.plot_accounts, self.in_out_codes(), self.rule)
        self.accounts_label.setText(tr("Deposited (占补平衡): {}\n进出平衡 (进): {}", format_amounts(parts.occupation),
                                       format_amounts(parts.in_out)))
        self.preview.show_change(self.ledger.balance(self.request.county_code).amounts, parts.occupation,
                                 withdraw=False)


def _message(iface, text, level=Qgis.MessageLevel.Info):
    bar = iface.messageBar() if iface is not None and hasattr(iface, "messageBar") else None
    if bar is not None:
        bar.pushMessage(tr("Reserve ledger"), text, level=level, duration=8)


def offer_deposit(iface, project_attributes, project_credit, ledger_path_or_connection=None, ask=True,
                  profile=None):
    """Offer to deposit an accepted project's credits; returns the OperationResult, or None when refused,
    declined or already deposited.  The reason is pushed to the message bar."""
    code = (project_attributes or {}).get("project_code")
    target = resolve_ledger_target(ledger_path_or_connection)
    if target is None:
        _message(iface, tr("Project {} accepted: choose a reserve ledger in the ledger dock to deposit its "
                           "credits", code), Qgis.MessageLevel.Warning)
        return None
    opened_here = not isinstance(target, Ledger)
    try:
        ledger = open_ledger(target)
    except LedgerError as exc:
        _message(iface, tr("Project {}: the reserve ledger cannot be opened: {}", code, exc), Qgis.MessageLevel.Critical)
        return None
    try:
        try:
            request = deposit_from_project(project_attributes, project_credit, profile or ledger.profile)
        except LedgerError as exc:
            _message(iface, tr("Project {} is not deposited: {}", code, exc), Qgis.MessageLevel.Warning)
            return None
        existing = [e for e in ledger.journal(kind="deposit") if e.project_code == request.project_code]
        if existing:
            _message(iface, tr("Project {} was deposited already (journal entry {})", code, existing[0].entry_id))
            return None
        profile = profile or ledger.profile
        accounts = list(getattr(project_credit, "plot_accounts", None) or ())
        rule = profile.reform.in_out_balance
        in_out_codes = []
        if ask:
            parent = iface.mainWindow() if iface is not None and hasattr(iface, "mainWindow") else None
            dialog = DepositDialog(ledger, request, parent, accounts, rule)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            in_out_codes = dialog.in_out_codes()
        try:
            result, came_in = deposit_with_accounts(ledger, request, accounts, in_out_codes, rule)
        except (LedgerError, ValueError) as exc:
            _message(iface, tr("Project {} is not deposited: {}", code, exc), Qgis.MessageLevel.Critical)
            return None
        if came_in is not None:
            _message(iface, tr("Project {}: plots {} credited to 进出平衡 (journal entry {})", code,
                               ", ".join(came_in.entry.plot_codes or ()), came_in.entry.entry_id), Qgis.MessageLevel.Success)
        if result is None:
            return came_in
        after = result.balances_after.get(request.county_code)
        text = tr("Project {} deposited into county {}: reserve now {}", code, request.county_code,
                  format_amounts(after))
        province = result.balances_after.get(request.province_account)
        if province is not None and not request.province_amounts.is_zero():
            text += "; " + tr("province reserve {} now {}", request.province_account, format_amounts(province))
        _message(iface, text, Qgis.MessageLevel.Success)
        return result
    finally:
        if opened_here:
            ledger.close()


def confirm_in_ledger(store, project_code, ledger_target=None, today=None):
    """Record in the ledger that the change survey confirmed the project (national_2024), once every plot's
    latest check in the project database (``store``) confirms it and its deposit waits for that.

    Returns ``(OperationResult or None, message)``; the message says what was done or why not."""
    if not store.survey_confirmed(project_code):
        return None, ""
    target = resolve_ledger_target(ledger_target)
    if target is None:
        return None, tr("Project {} is confirmed by the change survey: open its reserve ledger in the ledger dock to "
                        "make its credits usable", project_code)
    opened_here = not isinstance(target, Ledger)
    try:
        ledger = open_ledger(target, create=False)
    except LedgerError as exc:
        return None, tr("Project {}: the reserve ledger cannot be opened: {}", project_code, exc)
    try:
        result = confirm_deposit_from_checks(ledger, store, project_code, today)
    except LedgerError as exc:
        return None, tr("Project {}: the ledger refused the confirmation: {}", project_code, exc)
    finally:
        if opened_here:
            ledger.close()
    if result is None:
        return None, ""
    return result, tr("Project {}: its credits are usable now (change survey {} confirmed, ledger entry {})",
                      project_code, result.entry.survey_year, result.entry.entry_id)
