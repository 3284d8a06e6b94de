# SPDX-License-Identifier: GPL-2.0-or-later
"""The rules a write-off or commitment is made under: its rule profile, its links and its occupation kind.

Shared by the write-off and commitment dialogs.  The profile follows the operation's date (national_2017
before 2025-01-01, national_2024 from then on, core.ledger.accounts.operation_profile) unless one is
chosen; the profile says which links are required (``writeoff_links``: 电子监管号 DZJGH, 案卷编号 AJBH,
marked with *) and which occupation kinds enter 占补平衡.  A legacy profile past its ``legacy_until`` is
named at once, before the ledger refuses it.
"""
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit

from ...core import tables
from ...core.ledger import LedgerError, RuleRefused
from ...core.ledger.accounts import check_legacy_date, operation_profile
from ...i18n import tr

BY_DATE = ""


class OperationRules(QGroupBox):
    """Profile (by date or chosen), 电子监管号, 案卷编号 and occupation kind of one ledger operation."""

    changed = pyqtSignal()

    def __init__(self, parent=None, preferred_profile=None, what=None):
        super().__init__(tr("Rules and references"), parent)
        self.setObjectName("operationRules")
        self.what = what or tr("write-off")
        self._date = None
        layout = QFormLayout(self)
        self.profile_combo = QComboBox(self)
        self.profile_combo.setObjectName("operationProfileCombo")
        self.profile_combo.addItem(tr("By the date"), BY_DATE)
        for profile_id in tables.rule_profile_ids():
            self.profile_combo.addItem(f"{tables.load_rule_profile(profile_id).name_zh} ({profile_id})", profile_id)
        # a province's own profile (no date range) chosen for the QGIS project is taken as the choice
        if preferred_profile is not None and preferred_profile.reform.applies is None:
            self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(preferred_profile.id)))
        self.profile_label = QLabel(self)
        self.profile_label.setObjectName("operationProfileLabel")
        self.profile_label.setWordWrap(True)
        self.dzjgh = QLineEdit(self)
        self.dzjgh.setObjectName("dzjghEdit")
        self.ajbh = QLineEdit(self)
        self.ajbh.setObjectName("ajbhEdit")
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("occupationKindCombo")
        layout.addRow(tr("Rule profile"), self.profile_combo)
        layout.addRow(self.profile_label)
        self.dzjgh_label, self.ajbh_label = QLabel(self), QLabel(self)
        layout.addRow(self.dzjgh_label, self.dzjgh)
        layout.addRow(self.ajbh_label, self.ajbh)
        self.kind_label = QLabel(tr("Occupation kind"), self)
        layout.addRow(self.kind_label, self.kind_combo)
        self.profile_combo.currentIndexChanged.connect(self._refresh)
        for edit in (self.dzjgh, self.ajbh):
            edit.textChanged.connect(self.changed)
        self.kind_combo.currentIndexChanged.connect(self.changed)
        self._refresh()

    def set_date(self, iso_date):
        """The operation's date (YYYY-MM-DD): the profile by date follows it."""
        self._date = iso_date
        self._refresh()

    def profile(self):
        chosen = self.profile_combo.currentData()
        return operation_profile(chosen or None, self._date or "2000-01-01")

    def links(self):
        return {"dzjgh": self.dzjgh.text().strip() or None, "ajbh": self.ajbh.text().strip() or None}

    def occupation_kind(self):
        return self.kind_combo.currentData() if self.kind_combo.count() else None

    def problem(self):
        """Why the operation cannot be made under these rules yet (a missing link, a legacy date), or ''."""
        profile = self.profile()
        if self._date:
            try:
                check_legacy_date(profile, self._date, self.what)
            except RuleRefused as exc:
                return str(exc)
        missing = [f"{link.name_zh} ({link.field})" for link in profile.reform.required_links()
                   if not self.links()[link.field.lower()]]
        if missing:
            return tr("Rule profile {} requires {}", profile.id, tr(" and ").join(missing))
        return ""

    def _refresh(self, *_args):
        try:
            profile = self.profile()
        except (LedgerError, tables.TableError, ValueError) as exc:
            self.profile_label.setText(str(exc))
            return
        how = tr("chosen") if self.profile_combo.currentData() else tr("by the date {}", self._date or "—")
        self.profile_label.setText(tr("{} ({}), {}", profile.name_zh, profile.id, how))
        required = {link.field for link in profile.reform.required_links()}
        names = {link.field: link.name_zh for link in profile.reform.writeoff_links}
        for label, field_name, default in ((self.dzjgh_label, "DZJGH", tr("电子监管号")),
                                           (self.ajbh_label, "AJBH", tr("案卷编号"))):
            text = f"{names.get(field_name, default)} ({field_name})"
            label.setText(text + (" *" if field_name in required else ""))
        current = self.kind_combo.currentData()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for kind in profile.reform.occupation_kinds:
            if kind.account == "occupation_balance":
                self.kind_combo.addItem(kind.name_zh, kind.code)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(current)))
        self.kind_combo.blockSignals(False)
        shown = self.kind_combo.count() > 0
        self.kind_combo.setVisible(shown)
        self.kind_label.setVisible(shown)
        self.changed.emit()
