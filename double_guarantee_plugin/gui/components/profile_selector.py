# SPDX-License-Identifier: GPL-2.0-or-later
"""A small widget showing and changing the QGIS project's rule profile (``core.project_profile``).

Every dock that shows the profile embeds one of these; they all show the same value because they
all read and write the one project setting and follow its ``changed`` signal.
"""
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ...core import tables
from ...core.project_profile import project_profile
from ...i18n import tr


class ProfileSelector(QWidget):
    """Label and combo box of the project's rule profile; ``combo`` is the QComboBox (data: profile id)."""

    def __init__(self, parent=None, with_label=True):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if with_label:
            layout.addWidget(QLabel(tr("Rule profile")))
        self.combo = QComboBox()
        self.combo.setObjectName("profileCombo")
        self.combo.setToolTip(tr("The rule profile of this QGIS project: every dock and sheet uses it"))
        for profile_id in tables.rule_profile_ids():
            profile = tables.load_rule_profile(profile_id)
            self.combo.addItem(profile.name_zh, profile_id)
            self.combo.setItemData(self.combo.count() - 1, profile_id, Qt.ItemDataRole.ToolTipRole)
        layout.addWidget(self.combo, 1)
        self._setting = project_profile()
        self._show(self._setting.profile_id())
        self.combo.currentIndexChanged.connect(self._chosen)
        # a QObject's bound slot: PyQt drops the connection when this widget is deleted
        self._setting.changed.connect(self._show)

    def profile_id(self):
        return self.combo.currentData()

    def _show(self, profile_id):
        index = self.combo.findData(profile_id)
        if index >= 0 and index != self.combo.currentIndex():
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(index)
            self.combo.blockSignals(False)

    def _chosen(self, _index):
        profile_id = self.combo.currentData()
        if profile_id:
            self._setting.set_profile_id(profile_id)
