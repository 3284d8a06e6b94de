# SPDX-License-Identifier: GPL-2.0-or-later
"""The live credit panel of the project dock: one project's figures, check verdict and plots.

It only displays a ``core.live_credits.CreditSnapshot``; computing happens elsewhere.  When the
verdict is ``not_checked`` the figures are titled so, in the same box, so that unchecked figures
can never be mistaken for checked ones.
"""
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QAbstractItemView, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel,
                                 QPushButton, QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...core import tables
from ...core.live_credits import STATUS_BLOCKING, STATUS_NOT_CHECKED, STATUS_OK, STATUS_WARNING
from ...core.units import kg_to_wan_kg, m2_to_mu, mu_to_ha
from ...core.verdicts import verdict_label
from ...i18n import tr

STATUS_COLOURS = {STATUS_OK: "#1b7f3b", STATUS_WARNING: "#b06d00", STATUS_BLOCKING: "#c0392b",
                  STATUS_NOT_CHECKED: "#6c6c6c"}
MAX_MESSAGES = 5
PLOT_COLUMNS = ("plot", "kind", "grade_system", "area_mu", "tiankan_mu", "net_area_mu", "credit_area_mu",
                "credit_capacity_kg", "credit_paddy_mu", "note")
NUMBER_COLUMNS = range(3, 9)


status_label = verdict_label   # the one table of verdict words (core.verdicts)


def kind_label(kind):
    return {"new_farmland": tr("New farmland"), "upgrading": tr("Upgrading"),
            "not_creditable": tr("Not creditable")}.get(kind, kind)


def grade_system_label(credit):
    """The grade system a plot was credited under, marked when it was the rule profile's default."""
    if not credit.grade_system_used:
        return "—"
    system = tables.grade_systems().get(credit.grade_system_used)
    name = system.name_zh if system else credit.grade_system_used
    return tr("{} (profile default)", name) if credit.grade_system_default else name


def _number(value, digits=2):
    return "—" if value is None else f"{value:,.{digits}f}"


class CreditPanel(QWidget):
    """Figures of the selected project; emits ``plotsSelected`` and ``repairRequested``."""

    plotsSelected = pyqtSignal(list)      # fids chosen in the plot table
    repairRequested = pyqtSignal(list)    # fids of invalid plots to repair
    showProblemRequested = pyqtSignal(int)  # fid of the invalid plot to show on the map

    def __init__(self, parent=None):
        super().__init__(parent)
        self.snapshot = None
        self._updating_selection = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdictLabel")
        self.verdict_label.setWordWrap(True)
        layout.addWidget(self.verdict_label)
        self.messages_label = QLabel()
        self.messages_label.setObjectName("checkMessages")
        self.messages_label.setWordWrap(True)
        self.messages_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.messages_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the worst messages first; a long list scrolls instead of squeezing the figures
        messages_area = QScrollArea()
        messages_area.setWidgetResizable(True)
        messages_area.setFrameShape(QFrame.Shape.NoFrame)
        messages_area.setWidget(self.messages_label)
        messages_area.setMaximumHeight(90)
        layout.addWidget(messages_area)

        self.figures_box = QGroupBox(tr("Project credits"))
        form = QFormLayout(self.figures_box)
        self.values = {}
        # gross, 田坎 and net area side by side (credits are on the net area)
        for key, label in (
                ("area", tr("Area")), ("tiankan", tr("田坎 deducted")), ("net_area", tr("Net area")),
                ("new_farmland", tr("New farmland")), ("new_paddy", tr("New paddy")),
                ("capacity", tr("Grain capacity")), ("grade_before", tr("Mean grade before")),
                ("grade_after", tr("Mean grade after")), ("uplift", tr("Grade uplift")),
                ("credit_area", tr("Area credit")), ("credit_capacity", tr("Capacity credit")),
                ("credit_paddy", tr("Paddy credit")), ("plots", tr("Plots"))):
            value = QLabel("—")
            value.setObjectName(f"value_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.values[key] = value
        layout.addWidget(self.figures_box)

        problems = QHBoxLayout()
        self.problems_label = QLabel()
        self.problems_label.setObjectName("geometryProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(f"color: {STATUS_COLOURS[STATUS_BLOCKING]}")
        self.repair_button = QPushButton(tr("Repair"))
        self.repair_button.setObjectName("repairButton")
        self.repair_button.setToolTip(tr("Repair the invalid plot geometries (one undo step)"))
        self.repair_button.clicked.connect(self._repair)
        self.show_problem_button = QPushButton(tr("Show"))
        self.show_problem_button.setObjectName("showProblemButton")
        self.show_problem_button.setToolTip(tr("Zoom to the first invalid plot and mark the error"))
        self.show_problem_button.clicked.connect(self._show_problem)
        problems.addWidget(self.problems_label, 1)
        problems.addWidget(self.show_problem_button)
        problems.addWidget(self.repair_button)
        layout.addLayout(problems)

        self.plot_table = QTableWidget(0, len(PLOT_COLUMNS))
        self.plot_table.setObjectName("plotTable")
        self.plot_table.setHorizontalHeaderLabels([
            tr("Plot"), tr("Kind"), tr("Grade system"), tr("Area (mu)"), tr("田坎 (mu)"), tr("Net area (mu)"),
            tr("Area credit (mu)"), tr("Capacity credit (kg)"), tr("Paddy credit (mu)"), tr("Note")])
        self.plot_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plot_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.plot_table.verticalHeader().setVisible(False)
        self.plot_table.itemSelectionChanged.connect(self._table_selection_changed)
        self.plot_table.setMinimumHeight(140)
        layout.addWidget(self.plot_table, 1)
        self.show_nothing()

    # -- display ---------------------------------------------------------------------------------
    def show_nothing(self, text=None):
        self.snapshot = None
        self.figures_box.setEnabled(True)
        self.verdict_label.setText(text or tr("Select a project to see its credits."))
        self.verdict_label.setStyleSheet("")
        self.messages_label.setText("")
        for value in self.values.values():
            value.setText("—")
        self.figures_box.setTitle(tr("Project credits"))
        self.problems_label.setText("")
        self.repair_button.setVisible(False)
        self.show_problem_button.setVisible(False)
        self.plot_table.setRowCount(0)

    def show_pending(self):
        """Mark the figures as being recomputed (they stay visible, greyed)."""
        self.figures_box.setEnabled(False)

    def show_snapshot(self, snapshot, project_label=""):
        self.snapshot = snapshot
        self.figures_box.setEnabled(True)
        if snapshot.error:
            self.show_nothing(tr("Credits could not be computed: {}", snapshot.error.splitlines()[0]))
            return
        status = snapshot.check_status
        colour = STATUS_COLOURS.get(status, "#000000")
        if status == STATUS_NOT_CHECKED:
            self.verdict_label.setText(tr("Check: not checked. The figures below are before constraint "
                                          "exclusions and are not verified."))
            self.figures_box.setTitle(tr("Credits of {} (NOT CHECKED against constraints)", project_label))
        else:
            self.verdict_label.setText(tr("Check: {}", status_label(status)))
            self.figures_box.setTitle(tr("Credits of {} (after constraint exclusions)", project_label))
        self.verdict_label.setStyleSheet(f"color: {colour}; font-weight: bold")
        messages = [str(message) for message in snapshot.check_messages[:MAX_MESSAGES]]
        self.messages_label.setText("\n".join(f"• {m}" for m in messages))

        credit = snapshot.project_credit
        # 新增水田: plots that end as paddy and were not paddy before (the ones with a paddy credit basis)
        new_paddy_mu = sum(c.area_mu for _fid, c in snapshot.plot_credits if c.credit_paddy_mu > 0)
        # grain capacity of the plots as drawn; the capacity credit below is after exclusions
        capacity_kg = snapshot.capacity_kg if snapshot.capacity_kg is not None else credit.credit_capacity_kg
        set_ = self._set
        set_("area", tr("{} mu ({} ha)", _number(credit.area_mu), _number(mu_to_ha(credit.area_mu), 4)))
        set_("tiankan", tr("{} mu", _number(credit.tiankan_mu)))
        set_("net_area", tr("{} mu ({} ha)", _number(credit.net_area_mu), _number(mu_to_ha(credit.net_area_mu), 4)))
        set_("new_farmland", tr("{} mu", _number(credit.new_farmland_mu)))
        set_("new_paddy", tr("{} mu", _number(new_paddy_mu)))
        set_("capacity", tr("{} kg ({} 10,000 kg)", _number(capacity_kg, 0), _number(kg_to_wan_kg(capacity_kg), 4)))
        set_("grade_before", _number(credit.grade_before_mean))
        set_("grade_after", _number(credit.grade_after_mean if credit.grade_after_mean is not None
                                    else credit.new_farmland_grade_mean))
        set_("uplift", _number(credit.grade_uplift))
        set_("credit_area", tr("{} mu", _number(credit.credit_area_mu)))
        set_("credit_capacity", tr("{} kg", _number(credit.credit_capacity_kg, 0)))
        set_("credit_paddy", tr("{} mu", _number(credit.credit_paddy_mu)))
        set_("plots", tr("{} ({} refused)", credit.plot_count, credit.refused_count))

        problems = snapshot.geometry_problems
        if problems:
            lines = [tr("Plot {}: {}", code, problem) for _fid, code, problem in problems[:MAX_MESSAGES]]
            self.problems_label.setText("\n".join(lines))
            self.repair_button.setVisible(True)
            self.show_problem_button.setVisible(True)
        else:
            self.problems_label.setText("")
            self.repair_button.setVisible(False)
            self.show_problem_button.setVisible(False)
        self._fill_plot_table(snapshot.plot_credits)

    def _set(self, key, text):
        self.values[key].setText(text)

    def _fill_plot_table(self, plot_credits):
        selected = set(self.selected_fids())
        self._updating_selection = True
        try:
            self.plot_table.setRowCount(len(plot_credits))
            for row, (fid, credit) in enumerate(plot_credits):
                cells = [str(credit.plot_code), kind_label(credit.plot_kind), grade_system_label(credit),
                         _number(credit.area_mu), _number(m2_to_mu(credit.tiankan_m2 or 0.0)),
                         _number(credit.net_area_mu),
                         _number(credit.credit_area_mu), _number(credit.credit_capacity_kg, 0),
                         _number(credit.credit_paddy_mu), credit.reason]
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, fid)
                    if column in NUMBER_COLUMNS:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if column == 4 and credit.tiankan_note:
                        item.setToolTip(credit.tiankan_note)
                    if column == 1 and credit.grade_before_source and credit.grade_before_source != "user":
                        item.setToolTip(tr("Grade before {:.2f} from {}", float(credit.grade_before),
                                           credit.grade_before_source))
                    self.plot_table.setItem(row, column, item)
                if fid in selected:
                    self.plot_table.selectRow(row)
            self.plot_table.resizeColumnsToContents()
        finally:
            self._updating_selection = False

    # -- selection ---------------------------------------------------------------------------------
    def selected_fids(self):
        rows = sorted({index.row() for index in self.plot_table.selectionModel().selectedRows()})
        return [self.plot_table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in rows if self.plot_table.item(row, 0)]

    def select_fids(self, fids):
        """Select rows for ``fids`` (from the map) without echoing the selection back."""
        fids = set(fids)
        self._updating_selection = True
        try:
            self.plot_table.clearSelection()
            for row in range(self.plot_table.rowCount()):
                item = self.plot_table.item(row, 0)
                if item is not None and item.data(Qt.ItemDataRole.UserRole) in fids:
                    self.plot_table.selectRow(row)
        finally:
            self._updating_selection = False

    def _table_selection_changed(self):
        if not self._updating_selection:
            self.plotsSelected.emit(self.selected_fids())

    def _show_problem(self):
        if self.snapshot is not None and self.snapshot.geometry_problems:
            self.showProblemRequested.emit(int(self.snapshot.geometry_problems[0][0]))

    def _repair(self):
        if self.snapshot is not None:
            self.repairRequested.emit([fid for fid, _code, _problem in self.snapshot.geometry_problems])

    def text(self):
        """Everything the panel shows, as plain text (tests and screen readers)."""
        parts = [self.verdict_label.text(), self.messages_label.text(), self.figures_box.title()]
        parts += [f"{key}: {value.text()}" for key, value in self.values.items()]
        parts.append(self.problems_label.text())
        return "\n".join(part for part in parts if part)
