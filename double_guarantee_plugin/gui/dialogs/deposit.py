# SPDX-License-Identifier: GPL-2.0-or-later
"""Offering the deposit (入库) of an accepted project's credits into its county reserve.

The project dock's acceptance (gui.project.acceptance) shows ``DepositDialog`` as its confirmation and
deposits together with the status; ``offer_deposit(iface, project_attributes, project_credit, ledger)``
offers the deposit of a project accepted some other way.  The rules (accepted, the 2017-01-01 funding
rule, once per project) are the ledger's (core.ledger.rules); this module only shows them and asks.
"""
import os

from qgis.core import Qgis, QgsProject, QgsSettings
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from ...core.ledger import (Ledger, LedgerError, deposit_from_project, ledger_path_for, open_ledger)
from ...i18n import tr
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
    """Shows the project, its credits and the county reserve before and after the deposit."""

    def __init__(self, ledger, request, parent=None):
        super().__init__(parent)
        self.ledger = ledger
        self.request = request
        self.setWindowTitle(tr("Deposit project {} into the reserve", request.project_code))
        layout = QVBoxLayout(self)
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Deposit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


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
        if ask:
            parent = iface.mainWindow() if iface is not None and hasattr(iface, "mainWindow") else None
            dialog = DepositDialog(ledger, request, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        try:
            result = ledger.deposit(request)
        except LedgerError as exc:
            _message(iface, tr("Project {} is not deposited: {}", code, exc), Qgis.MessageLevel.Critical)
            return None
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
