# SPDX-License-Identifier: GPL-2.0-or-later
"""Accepting a project (验收 / 入库) and reopening it (重新打开): the checks, the ledger entries and the lock.

Accepting is one action: the checks below, then the project's move into the deposit state of its
workflow (已验收 under national_2017, 入库 under national_2024: ``core.workflow``) and the deposit of
its credits together, or neither (``gui.project.acceptance`` does the two writes and undoes the first
when the second fails).  The rule profile is the project's own (``core.workflow.choose_profile``: its
dates, or a recorded override).  A project at or past its deposit state is locked: its plots and
fields change only after an explicit reopening with a reason, which reverses its deposit through the
ledger; the reason is kept in the reversal's note, with who and when.

The ledger allows one deposit per project code, forever (a unique index).  A project accepted again
after a reopening therefore deposits under ``<code>-R<n>`` (n = 2, 3, …): the reserve then holds the
figures of the latest acceptance, and the journal shows every acceptance and every reversal.
Only the ledger's public API is used (``Ledger.journal/deposit/reverse``, ``deposit_from_project``).
"""
import dataclasses
import functools
import re

from . import tables
from ..i18n import tr
from .live_credits import STATUS_BLOCKING
from .ledger.model import DEPOSIT, INOUT_IN
from .projects import ProjectError

ACCEPTED = "accepted"            # the 2017 workflow's deposit state
REOPENED_STATUS = "under_way"


class AcceptanceRefused(ProjectError):
    """Accepting or reopening was refused; nothing changed.  ``problems`` lists every reason."""

    def __init__(self, message, problems=(), title=""):
        super().__init__(message)
        self.problems = list(problems) or [message]
        self.title = title or message


def project_profile(attributes):
    """The rule profile that governs a project (a dict of the projects table): its dates or its override.
    Raises ProjectError naming the project when it cannot be chosen."""
    from .workflow import ProfileChoiceError, choose_profile
    try:
        return choose_profile(attributes).profile
    except ProfileChoiceError as exc:
        raise ProjectError(str(exc)) from exc


def deposit_state(profile):
    """The status at which ``profile``'s workflow deposits the credits (accepted / deposited)."""
    from .workflow import workflow_of
    return workflow_of(profile).deposit_state


@functools.lru_cache(maxsize=None)
def locked_statuses():
    """The statuses at or past the deposit state of the workflow of any rule profile (已验收, 已报备, 入库).
    The workflows share only their first states (规划, 实施中), so the status alone says whether a project
    holds deposited credits."""
    from .workflow import workflow_of
    found = set()
    for profile_id in tables.rule_profile_ids():
        workflow = workflow_of(tables.load_rule_profile(profile_id))
        deposit = workflow.state(workflow.deposit_state)
        found |= {state.code for state in workflow.states if state.position >= deposit.position}
    return frozenset(found)


def is_locked(status):
    return str(status or "") in locked_statuses()


def _code_name(kind, code):
    for row in tables.project_codes().get(kind, []):
        if row["code"] == code:
            return row["name_zh"]
    return code or tr("(none)")


def acceptance_problems(attributes, snapshot, profile=None, plots_modified=False):
    """Every reason the project cannot be accepted now, in the user's language; [] when it can."""
    profile = profile or tables.load_rule_profile()
    problems = []
    county = str(attributes.get("county_code") or "").strip()
    if not county:
        problems.append(tr("the county code (县级行政区代码) is missing"))
    elif len(county) != 6 or not county.isdigit():
        problems.append(tr("the county code {} is not a 6-digit administrative code", county))
    implemented = attributes.get("implemented_on")
    if implemented in (None, ""):
        problems.append(tr("the implementation date (实施日期) is missing"))
    if plots_modified:
        problems.append(tr("its plots have unsaved edits: save them first, so that what is deposited is what "
                           "is stored"))
    if snapshot is None or getattr(snapshot, "error", ""):
        problems.append(tr("its credits could not be computed: {}", getattr(snapshot, "error", "") or "—"))
        return problems
    if snapshot.check_status == STATUS_BLOCKING:
        first = snapshot.check_messages[0] if snapshot.check_messages else ""
        problems.append(tr("the constraint check is blocking: {}", first).rstrip(": "))
    credit = snapshot.project_credit
    amounts = (0, 0, 0) if credit is None else (credit.credit_area_mu, credit.credit_capacity_kg,
                                                 credit.credit_paddy_mu)
    if all((value or 0) <= 0 for value in amounts):
        problems.append(tr("it has no credits to deposit"))
    if implemented not in (None, ""):
        passes, _reason = profile.funding_rule_passes(attributes.get("project_type"),
                                                      attributes.get("funding_source"), implemented)
        if not passes:
            problems.append(tr("implemented on {} with funding {} ({}): rule profile {} does not allow it "
                               "for the balance", implemented, _code_name("funding_sources",
                                                                          attributes.get("funding_source")),
                               _code_name("project_types", attributes.get("project_type")), profile.name_zh))
    return problems


def _revision_pattern(code):
    return re.compile(re.escape(str(code)) + r"(-R\d+)?")


def project_deposits(ledger, code, kinds=(DEPOSIT,)):
    """``(active, every)`` deposit entries of project ``code`` (its revisions included); active = not reversed.
    ``kinds`` adds other entries an acceptance makes (the 进出平衡 进 of plots credited there)."""
    pattern = _revision_pattern(code)
    entries = ledger.journal()
    deposits = [e for e in entries if e.kind in kinds and pattern.fullmatch(str(e.project_code or ""))]
    reversed_ids = {e.reverses_entry_id for e in entries if e.kind == "reversal" and e.reverses_entry_id}
    return [e for e in deposits if e.entry_id not in reversed_ids], deposits


# what an acceptance puts into the ledger, and a reopening takes back: the deposit and the 进 of plots
# credited to 进出平衡 instead (core.plot_accounts)
ACCEPTANCE_KINDS = (DEPOSIT, INOUT_IN)


def ledger_project_code(code, deposits):
    """The code the next deposit of ``code`` goes under: itself the first time, then ``code-R2``, ``-R3`` …"""
    return str(code) if not deposits else f"{code}-R{len(deposits) + 1}"


def deposit_request(attributes, project_credit, profile, deposits=(), accepted_on=None):
    """The DepositRequest of accepting the project now, in ``profile``'s deposit state; ``accepted_on`` (the
    date of a workflow step) is the date of the deposit, else the implementation date.  Raises the
    ledger's LedgerError when its rules refuse."""
    from .ledger import deposit_from_project
    attributes = dict(attributes, status=deposit_state(profile))
    if accepted_on:
        attributes["accepted_on"] = accepted_on
    request = deposit_from_project(attributes, project_credit, profile)
    code = ledger_project_code(attributes.get("project_code"), deposits)
    if code != request.project_code:
        request = dataclasses.replace(request, project_code=code)
    return request


def reversal_problems(ledger, code):
    """Why reversing ``code``'s active deposits would be refused now: a reserve that no longer holds what
    the deposit brought (written off or sold meanwhile).  Asked before the status moves, because a step
    back of a step-by-step workflow cannot be undone by another step."""
    from .ledger import Amounts
    from .ledger.limits import format_amounts
    active, _every = project_deposits(ledger, code, ACCEPTANCE_KINDS)
    ids = {entry.entry_id for entry in active}
    needed = {}
    for entry_id, _kind, county, amounts in ledger.movements():
        if entry_id in ids:
            needed[county] = needed.get(county, Amounts()).plus(amounts)
    problems = []
    for county, amounts in sorted(needed.items()):
        left = ledger.balance(county).amounts.minus(amounts)
        if left.any_negative():
            problems.append(tr("the reserve of {} holds {}, less than its deposit {} (used meanwhile): the "
                               "reserve must cover the reversal", county,
                               format_amounts(ledger.balance(county).amounts), format_amounts(amounts)))
    return problems


def reverse_deposits(ledger, code, reason):
    """Reverse the active deposits of ``code`` (a reopening); returns the OperationResults.  A refusal
    (LedgerError: e.g. the credits were written off meanwhile) leaves the earlier reversals of this call
    in place only when there were several deposits, which one acceptance never makes."""
    active, _every = project_deposits(ledger, code, ACCEPTANCE_KINDS)
    return [ledger.reverse(entry.entry_id, tr("reopened: {}", reason)) for entry in active]
