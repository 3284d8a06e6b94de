# SPDX-License-Identifier: GPL-2.0-or-later
"""The change-survey confirmation of one project (national_2024): pick the survey layer, check, see.

Shown by the workflow dialog once a project has been accepted under a profile with a
``change_survey`` rule.  The check runs in core.change_survey against the plots of the project and
the chosen layer; the results go into the project database (core.workflow.store.record_checks),
and the table shows the latest recorded result per plot.
"""
from qgis.core import QgsMapLayerProxyModel
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QLabel, QPushButton, QTableWidget,
                                 QTableWidgetItem, QVBoxLayout)

from ...core.change_survey import ChangeSurveyError, acceptance_year, confirm_plots
from ...core.projects import project_request
from ...core.workflow import WorkflowError, workflow_of
from ...i18n import tr

COLUMNS = ("plot", "year", "share", "confirmed", "checked")


class ChangeSurveyPanel(QGroupBox):
    """Check a project's plots against an annual change-survey layer and record the result."""

    checked = pyqtSignal(int)          # number of plots recorded

    def __init__(self, store, project_code, plots_layer, parent=None):
        super().__init__(tr("Change-survey confirmation (变更调查核实)"), parent)
        self.setObjectName("changeSurveyPanel")
        self.store, self.project_code, self.plots_layer = store, project_code, plots_layer
        layout = QVBoxLayout(self)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        layout.addWidget(self.rule_label)
        row = QHBoxLayout()
        self.layer_combo = QgsMapLayerComboBox(self)
        self.layer_combo.setObjectName("surveyLayerCombo")
        self.layer_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        if plots_layer is not None:
            self.layer_combo.setExceptedLayerList([plots_layer])
        row.addWidget(QLabel(tr("Survey layer (DLTB)")))
        row.addWidget(self.layer_combo, 1)
        self.check_button = QPushButton(tr("Check and record"))
        self.check_button.setObjectName("surveyCheckButton")
        self.check_button.clicked.connect(self.run_check)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("surveyTable")
        self.table.setHorizontalHeaderLabels([tr("Plot"), tr("Survey year"), tr("Share as cultivated land"),
                                              tr("Confirmed"), tr("Checked")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setMaximumHeight(120)
        layout.addWidget(self.table)
        self.message = QLabel()
        self.message.setObjectName("surveyMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def refresh(self, choice):
        rule = choice.profile.reform.change_survey
        self.rule_label.setText(tr("A deposited credit becomes usable once a survey of the acceptance year or later "
                                   "({} ≥ acceptance year) shows at least {:.0f}% of each plot as cultivated land "
                                   "({}). Rule of profile {} (unconfirmed, a province may change it).",
                                   rule.year_field, 100 * rule.share_min, ", ".join(rule.cultivated_classes),
                                   choice.profile_id))
        latest = {}
        for check in self.store.checks(self.project_code):
            latest[check["plot_code"]] = check
        self.table.setRowCount(len(latest))
        for index, check in enumerate(latest[code] for code in sorted(latest)):
            cells = [check["plot_code"], str(check["survey_year"] or "—"), f"{100 * check['share']:.1f}%",
                     tr("yes") if check["confirmed"] else tr("no"), f"{check['checked_on'][:10]} {check['checked_by']}"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()

    def run_check(self, checked_by=None):
        """Check every plot of the project against the chosen layer; returns the PlotConfirmations."""
        layer = self.layer_combo.currentLayer()
        try:
            choice = self.store.choice(self.project_code)
            rule = choice.profile.reform.change_survey
            year = acceptance_year(self.store.steps(self.project_code), workflow_of(choice.profile))
            if year is None:
                raise WorkflowError(tr("project {} has not been accepted yet: there is no acceptance year to "
                                       "compare the survey with", self.project_code))
            if layer is None:
                raise ChangeSurveyError(tr("choose the change-survey layer first"))
            plots = [(self.project_code, feature["plot_code"] or f"fid {feature.id()}", feature.geometry())
                     for feature in self.plots_layer.getFeatures(project_request(self.project_code))]
            if not plots:
                raise WorkflowError(tr("project {} has no plots to check", self.project_code))
            results = confirm_plots(plots, self.plots_layer.crs(), layer, year, rule)
            self.store.record_checks(results, checked_by)
        except (WorkflowError, ChangeSurveyError) as exc:
            self.show_message(str(exc), error=True)
            return None
        confirmed = sum(result.confirmed for result in results)
        self.refresh(choice)
        self.show_message(tr("{} of {} plots confirmed by the {} survey layer '{}'", confirmed, len(results),
                             max((r.survey_year or 0) for r in results) or "—", layer.name()),
                          error=confirmed < len(results))
        self.checked.emit(len(results))
        return results

    def show_message(self, text, error=False):
        self.message.setText(text)
        self.message.setStyleSheet("color: #c0392b" if error else "color: #1b7f3b")
