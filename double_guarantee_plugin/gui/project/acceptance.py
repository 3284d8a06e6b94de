"""Accepting a project (验收) and reopening it (重新打开) from the project dock, as one action each.

Accept: the checks of ``core.acceptance`` (county code, implementation date, verdict not blocking,
credits > 0, the funding rule, no unsaved plot edits), then a confirmation showing what will be
deposited into which reserve, then the status and the deposit together: the status is saved first
and put back when the ledger refuses the deposit, so status and reserve never disagree.  Reopen: a
reason is required; the status goes back to 实施中 and the deposit is reversed through the ledger
with the reason in its note (put back the same way when the ledger refuses, e.g. because the
credits were written off meanwhile).  Refusals are ``AcceptanceRefused`` with every reason.
"""
from qgis.core import QgsMessageLog, QgsProject
from qgis.PyQt.QtCore import QObject
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QLabel, QMessageBox

from ...core import project_db_pg, projects
from ...core.acceptance import (ACCEPTED, REOPENED_STATUS, AcceptanceRefused, acceptance_problems,
                                deposit_request, is_locked, project_deposits, reverse_deposits)
from ...core.live_credits import STATUS_NOT_CHECKED
from ...i18n import tr
from ..components.credit_panel import status_label

LEDGER_KEY = "ledger_target"


def _refused(code, problems, accepting=True):
    title = tr("Project {} cannot be accepted", code) if accepting else tr("Project {} cannot be reopened", code)
    return AcceptanceRefused(tr("{}: {}", title, "; ".join(problems)), problems, title)


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

    def _set_status(self, code, status, text, accepting=True):
        """Change and save the status alone (the lock guard is paused: this is the plugin's own change).
        A refused save (e.g. a PostGIS role that may not accept) is undone and refuses the whole action."""
        database = self.dock.database
        with self.dock.lock_guard.paused():
            projects.update_project(database.projects_layer, code, {"status": status}, text)
            database.record([database.projects_layer])
            try:
                database.commit_projects()
            except projects.ProjectError as exc:
                raise _refused(code, [str(exc)], accepting) from exc

    # -- accepting -------------------------------------------------------------------------------
    def accept(self, code, confirm=True):
        """Accept ``code``: status and deposit together.  Returns the ledger's OperationResult, None when
        the user cancelled; raises AcceptanceRefused (nothing changed) when it cannot be accepted."""
        from ...core.ledger import LedgerError
        database = self.dock.database
        attributes = projects.feature_dict(projects.find_project(database.projects_layer, code))
        old_status = attributes.get("status")
        if is_locked(old_status):
            raise _refused(code, [tr("it is accepted already")])
        snapshot = self.dock.live.compute_now(code)
        problems = acceptance_problems(attributes, snapshot, self.dock.profile,
                                       plots_modified=database.plots_layer.isModified())
        if problems:
            raise _refused(code, problems)
        ledger = self._open_ledger(code)
        try:
            active, every = project_deposits(ledger, code)
            if active:
                raise _refused(code, [tr("the ledger holds its deposit already (entry {}): reopen the project to "
                                         "reverse it", active[0].entry_id)])
            try:
                request = deposit_request(attributes, snapshot.project_credit, self.dock.profile, every)
            except LedgerError as exc:
                raise _refused(code, [tr("the reserve ledger refuses the deposit: {}", exc)]) from exc
            if confirm:
                dialog = accept_dialog(ledger, request, snapshot, self.dock.iface.mainWindow())
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None
            self._set_status(code, ACCEPTED, tr("accept project {}", code))
            try:
                result = ledger.deposit(request)
            except LedgerError as exc:
                self._set_status(code, old_status, tr("status of {}", code))
                raise _refused(code, [tr("the reserve ledger refused the deposit, the status is unchanged: {}",
                                         exc)]) from exc
        finally:
            ledger.close()
        self.dock.message(tr("Project {} accepted; its credits are deposited into the reserve of county {} "
                             "(journal entry {})", code, request.county_code, result.entry.entry_id), "success")
        self.dock.refresh_project_list()
        return result

    # -- reopening -------------------------------------------------------------------------------
    def reopen(self, code, reason=None, status=REOPENED_STATUS):
        """Reopen an accepted project with a reason; its deposit is reversed.  Returns the reversals,
        None when the user cancelled; raises AcceptanceRefused (nothing changed)."""
        from ...core.ledger import LedgerError
        database = self.dock.database
        attributes = projects.feature_dict(projects.find_project(database.projects_layer, code))
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
        if database.projects_layer.isModified() and database.projects_layer.isEditable():
            raise _refused(code, [tr("the projects table has unsaved edits: save or discard them first")],
                           accepting=False)
        ledger = self._open_ledger(code, accepting=False)
        try:
            self._set_status(code, status, tr("reopen project {}", code), accepting=False)
            try:
                reversals = reverse_deposits(ledger, code, reason)
            except LedgerError as exc:
                self._set_status(code, old_status, tr("status of {}", code), accepting=False)
                raise _refused(code, [tr("the reserve ledger refused to reverse its deposit, the project stays "
                                         "accepted: {}", exc)], accepting=False) from exc
        finally:
            ledger.close()
        entries = ", ".join(str(result.entry.entry_id) for result in reversals)
        text = (tr("Project {} reopened ({}); its deposit was reversed (journal entry {})", code, reason, entries)
                if reversals else tr("Project {} reopened ({}); the ledger held no deposit of it", code, reason))
        QgsMessageLog.logMessage(text, tr("Double Guarantee"))
        self.dock.message(text, "success")
        self.dock.refresh_project_list()
        return reversals


def accept_dialog(ledger, request, snapshot, parent=None):
    """The confirmation of an acceptance: the verdict, then the deposit dialog's figures and balances."""
    from ..dialogs.deposit import DepositDialog
    dialog = DepositDialog(ledger, request, parent)
    dialog.setObjectName("acceptDialog")
    dialog.setWindowTitle(tr("Accept project {} and deposit its credits", request.project_code))
    verdict = QLabel(tr("Constraint check: {}", status_label(snapshot.check_status)))
    if snapshot.check_status == STATUS_NOT_CHECKED:
        verdict.setText(tr("Constraint check: not checked. Accepting deposits figures that were not checked "
                           "against the constraint layers."))
    verdict.setWordWrap(True)
    dialog.layout().insertWidget(0, verdict)
    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Accept and deposit"))
    return dialog


def show_refusal(parent, refusal):
    """The refusal as the user sees it: a warning box naming every reason."""
    box = QMessageBox(QMessageBox.Icon.Warning, refusal.title, refusal.title, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("acceptanceRefusal")
    box.setInformativeText("\n".join(f"• {problem}" for problem in refusal.problems))
    box.exec()
