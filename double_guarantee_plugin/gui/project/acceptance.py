# SPDX-License-Identifier: GPL-2.0-or-later
"""Accepting a project (验收 / 入库) and reopening it (重新打开) from the project dock, as one action each.

There is one acceptance, whatever the workflow: the project dock's *Accept…* (and 已验收 in its status
menu) for a project under the 2017 flow, and the deposit step of the workflow dialog (入库 under
national_2024, 已验收 under national_2017) both come here.  Accept: the checks of ``core.acceptance``
(county code, implementation date, verdict not blocking, credits > 0, the funding rule, no unsaved
plot edits) with the project's own rule profile, then a confirmation showing what will be deposited
into which reserve, then the status and the deposit together: the status is saved first and put back
when the ledger refuses the deposit, so status and reserve never disagree.  Reopen: a reason is
required; the status goes back to 实施中 and the deposit is reversed through the ledger with the
reason in its note (put back the same way when the ledger refuses, e.g. because the credits were
written off meanwhile).  Refusals are ``AcceptanceRefused`` with every reason.

The status moves through the projects layer (the 2017 flow's direct change) or as a recorded workflow
step (who, when: ``core.workflow.store``), which a project under a step-by-step workflow always uses.
"""
import datetime
import getpass

from qgis.core import QgsMessageLog, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QObject
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QLabel, QMessageBox

from ...core import project_db_pg, projects
from ...core.acceptance import (REOPENED_STATUS, AcceptanceRefused, acceptance_problems, deposit_request, is_locked,
                                project_deposits, project_profile, reversal_problems, reverse_deposits)
from ...core.live_credits import STATUS_NOT_CHECKED
from ...core.plot_accounts import deposit_with_accounts
from ...core.workflow import StepRequest, WorkflowError, check_step, open_store, workflow_of
from ...i18n import tr
from ..components.credit_panel import status_label
from ..dialogs.workflow import ui_state_name

LEDGER_KEY = "ledger_target"
TAKEN_BY_KEY = "DoubleGuarantee/workflow/taken_by"     # the name the workflow dialog remembers


def _refused(code, problems, accepting=True):
    title = tr("Project {} cannot be accepted", code) if accepting else tr("Project {} cannot be reopened", code)
    return AcceptanceRefused(tr("{}: {}", title, "; ".join(problems)), problems, title)


class LayerStatus:
    """The status changed through the projects layer and saved at once (the 2017 flow's direct change).
    The lock guard is paused: this is the plugin's own change.  A refused save (e.g. a PostGIS role that
    may not accept) is undone and refuses the whole action."""

    def __init__(self, dock, code, accepting):
        self.dock, self.code, self.accepting = dock, code, accepting

    def check(self):
        """Nothing to check before the confirmation: the database decides when it is saved."""

    def move(self, status, text):
        database = self.dock.database
        with self.dock.lock_guard.paused():
            projects.update_project(database.projects_layer, self.code, {"status": status}, text)
            database.record([database.projects_layer])
            try:
                database.commit_projects()
            except projects.ProjectError as exc:
                raise _refused(self.code, [str(exc)], self.accepting) from exc

    def put_back(self, status, _why):
        self.move(status, tr("status of {}", self.code))


class StepStatus:
    """The status moved by a workflow step, recorded with its date and who took it (core.workflow.store);
    putting it back is a recorded step back with the reason.  ``step`` is the recorded Step."""

    def __init__(self, dock, store, request, accepting):
        self.dock, self.store, self.request, self.accepting = dock, store, request, accepting
        self.step = None

    def check(self):
        """The step's own checks (dates, who, the state's requirements), before anything is asked or written."""
        try:
            steps = self.store.steps(self.request.project_code)
            check_step(self.store.project(self.request.project_code), self.request,
                       steps[-1].step_on if steps else None)
        except WorkflowError as exc:
            raise _refused(self.request.project_code, [str(exc)], self.accepting) from exc

    def move(self, _status, _text):
        try:
            self.step = self.store.advance(self.request)
        except WorkflowError as exc:
            raise _refused(self.request.project_code, [str(exc)], self.accepting) from exc
        finally:
            self.dock.projects_changed_outside()

    def put_back(self, status, why):
        back = StepRequest(self.request.project_code, status, self.request.step_on, self.request.taken_by,
                           from_state=self.request.to_state, note=why)
        try:
            self.store.advance(back)
        except WorkflowError as exc:
            raise _refused(self.request.project_code, [why, tr("the status could not be put back ({}): set it "
                                                              "back in Workflow…", exc)], self.accepting) from exc
        finally:
            self.dock.projects_changed_outside()


class Acceptance(QObject):
    def __init__(self, dock):
        super().__init__(dock)
        self.dock = dock

    # -- the ledger ------------------------------------------------------------------------------
    def _ledger_target(self, code):
        """The ledger of this QGIS project / database: the chosen one, else the one beside the database."""
        from ..dialogs.deposit import resolve_ledger_target
        database = self.dock.database
        if database.pg_database is None:
            return resolve_ledger_target(None)
        chosen, found = QgsProject.instance().readEntry("DoubleGuarantee", LEDGER_KEY, "")
        if found and chosen:
            return chosen
        connection = database.pg_connect_as or database.pg_database[0]
        try:
            installed = project_db_pg.has_ledger(connection)
        except Exception as exc:  # noqa: BLE001 - any connection failure is a refusal with its reason
            raise _refused(code, [tr("its PostGIS database cannot be asked for a ledger: {}", exc)]) from exc
        if not installed:
            raise _refused(code, [tr("the PostGIS database {} has no reserve ledger (schema dg_ledger): choose a "
                                     "ledger in the ledger dock", database.pg_database[0])])
        return connection

    def _open_ledger(self, code, accepting=True):
        from ...core.ledger import LedgerError, open_ledger
        target = self._ledger_target(code)
        if not target:
            raise _refused(code, [tr("no reserve ledger is chosen: open one in the ledger dock")], accepting)
        try:
            return open_ledger(target)
        except LedgerError as exc:
            raise _refused(code, [tr("the reserve ledger {} cannot be opened: {}", target, exc)], accepting) from exc

    def _project(self, code, accepting=True):
        """``(attributes, profile)`` of project ``code``: its row and the rule profile that governs it."""
        attributes = projects.feature_dict(projects.find_project(self.dock.database.projects_layer, code))
        try:
            return attributes, project_profile(attributes)
        except projects.ProjectError as exc:
            raise _refused(code, [str(exc)], accepting) from exc

    def store(self):
        """The workflow store of the open database (GeoPackage or PostGIS)."""
        database = self.dock.database
        pg = (database.pg_connect_as or database.pg_database[0], database.pg_database[1]) \
            if database.pg_database else None
        return open_store(database.path, pg)

    def _require_saved_projects(self, code, accepting):
        layer = self.dock.database.projects_layer
        if layer.isEditable() and layer.isModified():
            raise _refused(code, [tr("the projects table has unsaved edits: save or discard them first")], accepting)

    def follows_steps(self, code):
        """True when project ``code`` moves only step by step (its profile's workflow is sequential)."""
        return workflow_of(self._project(code)[1]).sequential

    # -- accepting -------------------------------------------------------------------------------
    def accept(self, code, confirm=True, writer=None):
        """Accept ``code``: status and deposit together.  ``writer`` moves the status (a StepStatus from the
        workflow dialog; the projects layer by default).  Returns the ledger's OperationResult, None when the
        user cancelled; raises AcceptanceRefused (nothing changed) when it cannot be accepted."""
        from ...core.ledger import LedgerError
        database = self.dock.database
        attributes, profile = self._project(code)
        workflow = workflow_of(profile)
        old_status = attributes.get("status")
        if is_locked(old_status):
            raise _refused(code, [tr("it is accepted already")])
        problems = []
        if writer is None:
            if workflow.sequential:
                problems.append(tr("it follows the workflow of {}: it is deposited at its step {} in Workflow…, "
                                   "after the steps before it", profile.id,
                                   ui_state_name(profile, workflow.deposit_state)))
            writer = LayerStatus(self.dock, code, True)
        else:
            self._require_saved_projects(code, True)
        snapshot = self.dock.live.compute_now(code, profile)
        problems += acceptance_problems(attributes, snapshot, profile,
                                        plots_modified=database.plots_layer.isModified())
        if problems:
            raise _refused(code, problems)
        writer.check()
        accepted_on = writer.request.step_on if isinstance(writer, StepStatus) else None
        ledger = self._open_ledger(code)
        try:
            active, every = project_deposits(ledger, code)
            if active:
                raise _refused(code, [tr("the ledger holds its deposit already (entry {}): reopen the project to "
                                         "reverse it", active[0].entry_id)])
            try:
                request = deposit_request(attributes, snapshot.project_credit, profile, every, accepted_on)
            except LedgerError as exc:
                raise _refused(code, [tr("the reserve ledger refuses the deposit: {}", exc)]) from exc
            # plots back to 耕地 from other farmland may credit 进出平衡 instead (never both): chosen in the dialog
            accounts = list(getattr(snapshot.project_credit, "plot_accounts", None) or ())
            rule = profile.reform.in_out_balance
            in_out_codes = []
            if confirm:
                dialog = accept_dialog(ledger, request, snapshot, profile, self.dock.iface.mainWindow(), accounts,
                                       rule)
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None
                in_out_codes = dialog.in_out_codes()
            writer.move(workflow.deposit_state, tr("accept project {}", code))
            try:
                result, came_in = deposit_with_accounts(ledger, request, accounts, in_out_codes, rule)
            except (LedgerError, ValueError) as exc:
                why = tr("the reserve ledger refused the deposit, the status is unchanged: {}", exc)
                writer.put_back(old_status, why)
                raise _refused(code, [why]) from exc
        finally:
            ledger.close()
        entries = ", ".join(str(done.entry.entry_id) for done in (result, came_in) if done is not None)
        text = tr("Project {} accepted; its credits are deposited into the reserve of county {} (journal entry {})",
                  code, request.county_code, entries)
        if isinstance(writer, StepStatus):
            # under national_2024 a deposit is usable once the change survey confirms it; when the checks
            # before 入库 confirmed it already, the ledger records that now
            from ..dialogs.deposit import confirm_in_ledger
            _entry, confirmed = confirm_in_ledger(writer.store, code, self._ledger_target(code))
            text = f"{text}; {confirmed}" if confirmed else text
        self.dock.message(text, "success")
        self.dock.refresh_project_list()
        return result or came_in

    # -- reopening -------------------------------------------------------------------------------
    def reopen(self, code, reason=None, status=None, writer=None):
        """Reopen an accepted project with a reason; its deposit is reversed.  Returns the reversals,
        None when the user cancelled; raises AcceptanceRefused (nothing changed).  A project under a
        step-by-step workflow goes back by a recorded step (to 实施中 unless ``status`` says otherwise)."""
        from ...core.ledger import LedgerError
        attributes, profile = self._project(code, accepting=False)
        workflow = workflow_of(profile)
        old_status = attributes.get("status")
        if not is_locked(old_status):
            raise _refused(code, [tr("it is not accepted")], accepting=False)
        if reason is None:
            reason, ok = QInputDialog.getText(self.dock, tr("Reopen project {}", code),
                                              tr("Why is project {} reopened? (kept in the ledger with the "
                                                 "reversal of its deposit)", code))
            if not ok:
                return None
        reason = str(reason or "").strip()
        if not reason:
            raise _refused(code, [tr("a reason is required")], accepting=False)
        self._require_saved_projects(code, False)
        status = status or (REOPENED_STATUS if workflow.state(REOPENED_STATUS) else workflow.first.code)
        if writer is None and workflow.sequential:
            name = QgsSettings().value(TAKEN_BY_KEY, "") or getpass.getuser()
            writer = StepStatus(self.dock, self.store(), StepRequest(code, status, datetime.date.today(), name,
                                                                      from_state=old_status, note=reason), False)
        writer = writer or LayerStatus(self.dock, code, False)
        writer.check()
        ledger = self._open_ledger(code, accepting=False)
        try:
            problems = reversal_problems(ledger, code)
            if problems:
                raise _refused(code, problems + [tr("the project stays accepted")], accepting=False)
            writer.move(status, tr("reopen project {}", code))
            try:
                reversals = reverse_deposits(ledger, code, reason)
            except LedgerError as exc:
                why = tr("the reserve ledger refused to reverse its deposit, the project stays accepted: {}", exc)
                writer.put_back(old_status, why)
                raise _refused(code, [why], accepting=False) from exc
        finally:
            ledger.close()
        entries = ", ".join(str(result.entry.entry_id) for result in reversals)
        text = (tr("Project {} reopened ({}); its deposit was reversed (journal entry {})", code, reason, entries)
                if reversals else tr("Project {} reopened ({}); the ledger held no deposit of it", code, reason))
        QgsMessageLog.logMessage(text, tr("Double Guarantee"))
        self.dock.message(text, "success")
        self.dock.refresh_project_list()
        return reversals

    # -- the workflow dialog ---------------------------------------------------------------------
    def workflow_step(self, store, request):
        """A step of the workflow dialog: into the deposit state it is this acceptance, out of a locked state
        this reopening (the step's note is the reason); any other step is the store's.  Returns the recorded
        Step, None when the user cancelled; raises WorkflowError or AcceptanceRefused (nothing changed)."""
        code = request.project_code
        current = store.project(code).get("status")
        workflow = workflow_of(store.choice(code).profile)
        if workflow.is_deposit_state(request.to_state) and not is_locked(current):
            writer = StepStatus(self.dock, store, request, True)
            return writer.step if self.accept(code, writer=writer) is not None else None
        if is_locked(current) and not is_locked(request.to_state):
            writer = StepStatus(self.dock, store, request, False)
            return writer.step if self.reopen(code, request.note, request.to_state, writer) is not None else None
        if is_locked(request.to_state) and not is_locked(current):
            raise _refused(code, [tr("accept it first ({}), then it can be moved on",
                                     ui_state_name(store.choice(code).profile, workflow.deposit_state))])
        return store.advance(request)


def accept_dialog(ledger, request, snapshot, profile, parent=None, plot_accounts=None, rule=None):
    """The confirmation of an acceptance: the verdict and profile, then the deposit dialog's figures and balances
    (with the plots that may credit 进出平衡 instead, when there are such)."""
    from ..dialogs.deposit import DepositDialog
    dialog = DepositDialog(ledger, request, parent, plot_accounts, rule)
    dialog.setObjectName("acceptDialog")
    dialog.setWindowTitle(tr("Accept project {} and deposit its credits", request.project_code))
    verdict = QLabel(tr("Constraint check: {}", status_label(snapshot.check_status)))
    if snapshot.check_status == STATUS_NOT_CHECKED:
        verdict.setText(tr("Constraint check: not checked. Accepting deposits figures that were not checked "
                           "against the constraint layers."))
    verdict.setWordWrap(True)
    dialog.body.layout().insertWidget(0, verdict)
    dialog.body.layout().insertWidget(1, QLabel(tr("Rule profile of the project: {} ({})", profile.name_zh, profile.id)))
    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Accept and deposit"))
    from ..components.dock_layout import fit_dialog
    fit_dialog(dialog, dialog.body)
    return dialog


def show_refusal(parent, refusal):
    """The refusal as the user sees it: a warning box naming every reason."""
    box = QMessageBox(QMessageBox.Icon.Warning, refusal.title, refusal.title, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("acceptanceRefusal")
    box.setInformativeText("\n".join(f"• {problem}" for problem in refusal.problems))
    box.exec()
