# SPDX-License-Identifier: GPL-2.0-or-later
"""The workflow dialog: one project's rule profile, its states and steps, and the form to take the next one.

Opened from the project dock (*Workflow…*).  It shows which rule profile governs the project (chosen
from its implementation date, or set by hand with a recorded reason, which it can change), the
workflow's states with the current one marked, every step taken (date, who, database user,
reference, acceptors, end date), and a form for the next step (or a step back) with exactly the
fields that step needs.  Steps are written at once through core.workflow.store: on PostGIS the
database checks the role of the connected user and the dialog shows its refusal.  The project dock
passes ``take_step(store, request)``, its one acceptance: moving a project into its profile's deposit
state (已验收 under national_2017, 入库 under national_2024) then checks, asks and deposits together
with the step, and a step out of a deposited state reopens the project (its deposit reversed, the
step's note the reason).  Without it the dialog refuses those two kinds of step: status and reserve
must never disagree.
"""
import datetime
import getpass

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QDate, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                                 QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
                                 QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...core import tables
from ...core.acceptance import is_locked
from ...core.projects import ProjectError
from ...core.workflow import (FROM_OVERRIDE, WITHOUT_DATE, StepRequest, WorkflowError, aftercare_until, state_name,
                              workflow_of)
from ...i18n import chinese_ui, tr
from ..components.change_survey_panel import ChangeSurveyPanel

SETTINGS_NAME_KEY = "DoubleGuarantee/workflow/taken_by"
HISTORY_COLUMNS = ("step", "date", "taken_by", "db_user", "details")


def _qdate(value):
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value[:10])
    return QDate(value.year, value.month, value.day)


def _short(workflow, code):
    """A state's Chinese name in the history (its code where the workflow does not know it)."""
    state = workflow.state(code) if code else None
    return state.name_zh if state else (code or "—")


def _iso(edit):
    return edit.date().toString("yyyy-MM-dd")



def ui_state_name(profile, code):
    """A workflow state as the user reads it: 自验 in Chinese; 自验 (self_accepted) otherwise, where the
    code is what an English reader can follow."""
    state = workflow_of(profile).state(code)
    return state.name_zh if state is not None and chinese_ui() else state_name(profile, code)

class WorkflowDialog(QDialog):
    """The workflow of one project of a store (GeoPackage or PostGIS)."""

    stepTaken = pyqtSignal(object)        # the recorded core.workflow.Step
    profileChanged = pyqtSignal(str)

    def __init__(self, store, project_code, plots_layer=None, parent=None, take_step=None, today=None):
        super().__init__(parent)
        self.setObjectName("workflowDialog")
        self.store, self.project_code, self.plots_layer = store, str(project_code), plots_layer
        self.take_step_with = take_step or _plain_step
        self.today = today or datetime.date.today()
        self.choice = self.project = None
        self.setWindowTitle(tr("Workflow of project {}", project_code))
        self.resize(1100, 600)
        # everything but the Close button scrolls: with the change-survey panel of a deposited project the
        # contents are taller than a 1366×768 screen, and the dialog must stay on it
        outer = QVBoxLayout(self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setObjectName("workflowScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.header = QLabel()
        self.header.setObjectName("workflowHeader")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        layout.addWidget(self._profile_box())
        self.path_label = QLabel()
        self.path_label.setObjectName("workflowPath")
        self.path_label.setWordWrap(True)
        self.path_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.path_label)
        self.history = QTableWidget(0, len(HISTORY_COLUMNS), self)
        self.history.setObjectName("workflowHistory")
        self.history.setHorizontalHeaderLabels([tr("Step"), tr("Date"), tr("Taken by"), tr("Database user"),
                                                tr("Details")])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setMinimumHeight(110)
        # the history beside the next step's form: the dialog stays within a 1366×768 screen
        middle = QHBoxLayout()
        middle.addWidget(self.history, 3)
        middle.addWidget(self._step_box(), 2)
        layout.addLayout(middle, 1)
        self.message = QLabel()
        self.message.setObjectName("workflowMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.survey_panel = ChangeSurveyPanel(store, self.project_code, plots_layer, self)
        layout.addWidget(self.survey_panel)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.refresh()

    # -- layout ------------------------------------------------------------------------------------
    def _profile_box(self):
        box = QGroupBox(tr("Rule profile"), self)
        layout = QVBoxLayout(box)
        self.profile_label = QLabel()
        self.profile_label.setObjectName("profileLabel")
        self.profile_label.setWordWrap(True)
        layout.addWidget(self.profile_label)
        self.assumptions_label = QLabel()
        self.assumptions_label.setObjectName("assumptionsLabel")
        self.assumptions_label.setWordWrap(True)
        self.assumptions_label.setStyleSheet("color: #6c6c6c")
        layout.addWidget(self.assumptions_label)
        row = QHBoxLayout()
        self.profile_combo = QComboBox(box)
        self.profile_combo.setObjectName("profileOverrideCombo")
        self.profile_combo.addItem(tr("Chosen from the implementation date"), None)
        for profile_id in tables.rule_profile_ids():
            self.profile_combo.addItem(f"{tables.load_rule_profile(profile_id).name_zh} ({profile_id})", profile_id)
        self.reason_edit = QLineEdit(box)
        self.reason_edit.setObjectName("profileReasonEdit")
        self.reason_edit.setPlaceholderText(tr("Reason for choosing another profile (required)"))
        self.profile_button = QPushButton(tr("Change profile"), box)
        self.profile_button.setObjectName("profileApplyButton")
        self.profile_button.clicked.connect(self.apply_profile)
        row.addWidget(self.profile_combo)
        row.addWidget(self.reason_edit, 1)
        row.addWidget(self.profile_button)
        layout.addLayout(row)
        return box

    def _step_box(self):
        box = QGroupBox(tr("Next step"), self)
        form = QFormLayout(box)
        self.target_combo = QComboBox(box)
        self.target_combo.setObjectName("stepTargetCombo")
        self.target_combo.currentIndexChanged.connect(self._target_changed)
        self.date_edit = self._date_edit("stepDateEdit")
        self.date_edit.dateChanged.connect(self._target_changed)
        self.taken_by_edit = QLineEdit(QgsSettings().value(SETTINGS_NAME_KEY, "") or getpass.getuser(), box)
        self.taken_by_edit.setObjectName("takenByEdit")
        self.reference_edit = QLineEdit(box)
        self.reference_edit.setObjectName("referenceEdit")
        self.until_edit = self._date_edit("untilDateEdit")
        self.acceptor_edits = {}
        self.aftercare_edit = self._date_edit("aftercareDateEdit")
        self.note_edit = QLineEdit(box)
        self.note_edit.setObjectName("noteEdit")
        self.rows = {}
        for key, label, widget in (("target", tr("Move to"), self.target_combo), ("date", tr("Date"), self.date_edit),
                                   ("taken_by", tr("Taken by"), self.taken_by_edit),
                                   ("reference", tr("Reference (文号)"), self.reference_edit),
                                   ("until_on", tr("Until (e.g. end of the publicity)"), self.until_edit)):
            form.addRow(label, widget)
            self.rows[key] = widget
        for department in ("natural_resources", "agriculture_rural"):
            edit = QLineEdit(box)
            edit.setObjectName(f"acceptor_{department}")
            self.acceptor_edits[department] = edit
            form.addRow(QLabel(), edit)
            self.rows[department] = edit
        form.addRow(tr("Aftercare until (后期管护)"), self.aftercare_edit)
        self.rows["aftercare"] = self.aftercare_edit
        form.addRow(tr("Note"), self.note_edit)
        self.rows["note"] = self.note_edit
        self.form = form
        self.step_button = QPushButton(tr("Take step"), box)
        self.step_button.setObjectName("takeStepButton")
        self.step_button.clicked.connect(self.take_step)
        form.addRow(self.step_button)
        return box

    def _date_edit(self, name):
        edit = QDateEdit(_qdate(self.today), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _show_row(self, key, visible, label=None):
        widget = self.rows[key]
        widget.setVisible(visible)
        label_widget = self.form.labelForField(widget)
        if label_widget is not None:
            label_widget.setVisible(visible)
            if label is not None:
                label_widget.setText(label)

    # -- state -------------------------------------------------------------------------------------
    def refresh(self):
        """Reload the project, its profile, its steps and the choices of the next step."""
        try:
            self.project = self.store.project(self.project_code)
            self.choice = self.store.choice(self.project_code)
            steps = self.store.steps(self.project_code)
        except WorkflowError as exc:
            self.show_message(str(exc), error=True)
            self.step_button.setEnabled(False)
            return
        profile, workflow = self.choice.profile, workflow_of(self.choice.profile)
        self.header.setText(tr("<b>{} {}</b> · county {} · implemented on {}", self.project_code,
                               self.project.get("project_name") or "", self.project.get("county_code") or "—",
                               self.project.get("implemented_on") or "—"))
        if self.choice.source == FROM_OVERRIDE:
            how = tr("set by hand: {}", self.choice.reason)
        elif self.choice.source == WITHOUT_DATE:
            how = tr("no implementation date yet: the rules of today")
        else:
            how = tr("chosen from the implementation date {}", self.choice.implemented_on)
        self.profile_label.setText(tr("{} ({}) — {}", profile.name_zh, profile.id, how))
        unconfirmed = profile.reform.unconfirmed
        self.assumptions_label.setText(tr("{} values of this profile are unconfirmed assumptions (province data; "
                                          "hover to see them)", len(unconfirmed)) if unconfirmed else "")
        self.assumptions_label.setToolTip("\n".join(unconfirmed))
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(
            self.choice.profile_id if self.choice.overridden else None)))
        status = self.project.get("status")
        parts = [f"<b><u>{state.name_zh}</u></b>" if state.code == status else state.name_zh
                 for state in workflow.states]
        text = tr("Workflow {}: {}", workflow.name_zh, " → ".join(parts))
        if workflow.state(status) is None:
            text += "<br>" + tr("The status '{}' is not a state of this workflow.", status)
        if self.project.get("aftercare_until"):
            text += "<br>" + tr("Aftercare (后期管护) until {}", self.project["aftercare_until"])
        self.path_label.setText(text)
        self._fill_history(steps, profile)
        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        for state, direction in workflow.moves_from(status):
            label = ui_state_name(profile, state.code)
            self.target_combo.addItem(label if direction == "forward" else tr("back to {}", label), state.code)
        self.target_combo.blockSignals(False)
        self.step_button.setEnabled(self.target_combo.count() > 0)
        self._target_changed()
        survey_shown = profile.reform.change_survey is not None and workflow.state(status) is not None and \
            workflow.reached(status, workflow.acceptance_state) and self.plots_layer is not None
        self.survey_panel.setVisible(survey_shown)
        if survey_shown:
            self.survey_panel.refresh(self.choice)

    def _fill_history(self, steps, profile):
        self.history.setRowCount(len(steps))
        for row, step in enumerate(steps):
            details = [text for text in (
                step.reference and tr("reference {}", step.reference),
                step.until_on and tr("until {}", step.until_on),
                step.acceptor_natural_resources and tr("自然资源: {}", step.acceptor_natural_resources),
                step.acceptor_agriculture_rural and tr("农业农村: {}", step.acceptor_agriculture_rural),
                step.aftercare_until and tr("aftercare until {}", step.aftercare_until),
                step.note) if text]
            workflow = workflow_of(profile)
            cells = [f"{_short(workflow, step.from_state)} → {_short(workflow, step.to_state)}", step.step_on,
                     step.taken_by, step.db_user or "", "; ".join(details)]
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(str(text)))
        self.history.resizeColumnsToContents()
        if steps:
            self.history.scrollToBottom()

    def _target_changed(self, *_args):
        if self.choice is None:
            return
        profile = self.choice.profile
        workflow = workflow_of(profile)
        target = workflow.state(self.target_combo.currentData())
        current = workflow.state((self.project or {}).get("status"))
        forward = target is not None and (current is None or target.position > current.position)
        requires = target.requires if (target is not None and forward) else ()
        self._show_row("reference", "reference" in requires)
        self._show_row("until_on", "until_on" in requires)
        departments = {d.code: d for d in profile.reform.acceptance_departments}
        for code, edit in self.acceptor_edits.items():
            shown = "acceptors" in requires and code in departments
            self._show_row(code, shown, tr("Accepting unit, {}", departments[code].name_zh) if shown else None)
            if shown and not edit.text():
                edit.setText(str((self.project or {}).get(f"acceptor_{code}") or ""))
        accepting = forward and target.code == workflow.acceptance_state
        self._show_row("aftercare", accepting and profile.reform.aftercare_years is not None)
        if accepting and profile.reform.aftercare_years is not None:
            step_on = datetime.date.fromisoformat(_iso(self.date_edit))
            self.aftercare_edit.setDate(_qdate(aftercare_until(step_on, profile)))
        deposit = target is not None and forward and workflow.is_deposit_state(target.code)
        # leaving a deposited state reopens the project: its deposit is reversed, the note is the reason
        reopening = target is not None and is_locked((self.project or {}).get("status")) and not is_locked(target.code)
        self._show_row("note", True, tr("Reason (required)") if reopening else tr("Note"))
        self.step_button.setText(tr("Take step and deposit…") if deposit else
                                 tr("Take step and reverse the deposit…") if reopening else tr("Take step"))

    # -- actions -----------------------------------------------------------------------------------
    def take_step(self):
        """Record the step of the form; returns the Step, or None (the reason is shown)."""
        target = self.target_combo.currentData()
        if target is None:
            return None
        profile = self.choice.profile
        visible = {key: widget.isVisibleTo(self) for key, widget in self.rows.items()}
        request = StepRequest(
            self.project_code, target, _iso(self.date_edit), self.taken_by_edit.text(),
            from_state=self.project.get("status"),
            reference=self.reference_edit.text() if visible["reference"] else "",
            until_on=_iso(self.until_edit) if visible["until_on"] else None, note=self.note_edit.text(),
            acceptors={code: edit.text() for code, edit in self.acceptor_edits.items() if visible[code]},
            aftercare_until=_iso(self.aftercare_edit) if visible["aftercare"] else None)
        try:
            step = self.take_step_with(self.store, request)
        except WorkflowError as exc:
            self.show_message(str(exc), error=True)
            return None
        except ProjectError as exc:     # an acceptance or reopening refused: what is stored now is shown
            self.show_message(str(exc), error=True)
            self.refresh()
            return None
        if step is None:       # the confirmation of a deposit or reopening was cancelled: nothing changed
            return None
        QgsSettings().setValue(SETTINGS_NAME_KEY, self.taken_by_edit.text().strip())
        self.note_edit.clear()
        self.reference_edit.clear()
        self.show_message(tr("Project {} moved to {} on {}", self.project_code, ui_state_name(profile, step.to_state),
                             step.step_on))
        self.refresh()
        self.stepTaken.emit(step)
        return step

    def apply_profile(self):
        profile_id = self.profile_combo.currentData()
        try:
            choice = self.store.set_profile(self.project_code, profile_id, self.reason_edit.text())
        except WorkflowError as exc:
            self.show_message(str(exc), error=True)
            return None
        self.reason_edit.clear()
        self.show_message(tr("Project {} now follows the rule profile {}", self.project_code, choice.profile_id))
        self.refresh()
        self.profileChanged.emit(choice.profile_id)
        return choice

    def show_message(self, text, error=False):
        self.message.setText(text)
        self.message.setStyleSheet("color: #c0392b; font-weight: bold" if error else "color: #1b7f3b")


def _plain_step(store, request):
    """A step taken without the project dock: never one that deposits or reverses credits."""
    current = store.project(request.project_code).get("status")
    workflow = workflow_of(store.choice(request.project_code).profile)
    if (workflow.is_deposit_state(request.to_state) and not is_locked(current)) or \
            (is_locked(current) and not is_locked(request.to_state)):
        raise WorkflowError(tr("project {}: a step that deposits or reverses credits is taken from the project "
                               "dock (Workflow…)", request.project_code))
    return store.advance(request)
