# SPDX-License-Identifier: GPL-2.0-or-later
"""The headline of the selected project: its verdict, area and the three credits in three short lines.

It sits between the project list and the buttons so that, on a 1366×768 laptop, the list, the buttons
and these figures are on screen together; the full credit panel (``components.credit_panel``) follows
below and scrolls.
"""
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout

from ...core.live_credits import STATUS_NOT_CHECKED
from ...i18n import tr
from ..components.credit_panel import STATUS_COLOURS, status_label

FIGURES = ("area", "credit_area", "credit_capacity", "credit_paddy")


def _number(value, digits=2):
    return "—" if value is None else f"{value:,.{digits}f}"


class HeadlineCredits(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("headlineCredits")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        self.title_label = QLabel()
        self.title_label.setObjectName("headlineTitle")
        self.title_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(0)
        self.values = {}
        # short names (the full ones in the tooltip): with the full names the two pairs of a row were wider than
        # the 400-pixel dock, and 粮食产能指标's kilograms or "Capacity credit" were cut
        for index, (key, label, full) in enumerate((
                ("area", tr("Area"), tr("Area")), ("credit_area", tr("Quantity"), tr("Area credit")),
                ("credit_capacity", tr("Capacity"), tr("Capacity credit")),
                ("credit_paddy", tr("Paddy"), tr("Paddy credit")))):
            name = QLabel(label)
            name.setToolTip(full)
            value = QLabel("—")
            value.setObjectName(f"headline_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            grid.addWidget(name, index // 2, (index % 2) * 2)
            grid.addWidget(value, index // 2, (index % 2) * 2 + 1)
            self.values[key] = value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        self.show_nothing()

    def show_nothing(self, text=None):
        self.title_label.setText(text or tr("Select a project to see its credits."))
        self.title_label.setToolTip("")
        self.title_label.setStyleSheet("")
        for value in self.values.values():
            value.setText("—")

    def show_pending(self):
        self.setEnabled(False)

    def show_snapshot(self, snapshot, project_label):
        self.setEnabled(True)
        if snapshot.error:
            self.show_nothing(tr("Credits could not be computed: {}", snapshot.error.splitlines()[0]))
            return
        status = snapshot.check_status
        title = tr("{}: {}", project_label, status_label(status))
        # one line, so that the drawing buttons below stay on a 768-pixel screen: what "not checked" means for the
        # figures is in the tooltip (in English it took a second line)
        self.title_label.setToolTip(tr("{}: not checked (figures before constraint exclusions)", project_label)
                                    if status == STATUS_NOT_CHECKED else "")
        self.title_label.setText(title)
        self.title_label.setStyleSheet(f"color: {STATUS_COLOURS.get(status, '#000000')}; font-weight: bold")
        credit = snapshot.project_credit
        self.values["area"].setText(tr("{} mu", _number(credit.area_mu)))
        self.values["credit_area"].setText(tr("{} mu", _number(credit.credit_area_mu)))
        self.values["credit_capacity"].setText(tr("{} kg", _number(credit.credit_capacity_kg, 0)))
        self.values["credit_paddy"].setText(tr("{} mu", _number(credit.credit_paddy_mu)))

    def text(self):
        return "\n".join([self.title_label.text()] + [f"{key}: {label.text()}" for key, label in self.values.items()])
