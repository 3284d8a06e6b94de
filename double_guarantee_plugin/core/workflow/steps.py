# SPDX-License-Identifier: GPL-2.0-or-later
"""One workflow step of a project: what it needs, checked before anything is written.

A step moves a project from its current state to another (forward one state, or back for rework in a
sequential workflow; any state in the legacy one), on a date, taken by a named person; a step into a
state may need the two acceptors (市县审核: 自然资源 and 农业农村), a reference (省级复核 文号) or an
end date (公示 until).  The step into the profile's acceptance state sets the 后期管护 until-date
(accepted_on + the profile's ``aftercare_years``) unless one is given.  Pure Python: the stores
(core.workflow.store) call ``check_step`` and write the row it returns; on PostGIS the database
checks the same again (and the role of the connected user).
"""
import datetime
from dataclasses import dataclass, field

from ...i18n import tr
from .definition import REQUIRES_ACCEPTORS, REQUIRES_REFERENCE, REQUIRES_UNTIL, load_workflow
from .profile_choice import ProfileChoiceError, choose_profile

DEPARTMENT_COLUMNS = {"natural_resources": "acceptor_natural_resources",
                      "agriculture_rural": "acceptor_agriculture_rural"}
STEP_COLUMNS = ("step_id", "project_code", "profile_id", "from_state", "to_state", "step_on", "taken_by", "db_user",
                "reference", "until_on", "acceptor_natural_resources", "acceptor_agriculture_rural",
                "aftercare_until", "note", "created_at")


class WorkflowError(ValueError):
    """A step that cannot be taken; the message names the project, the step and what is wrong."""


class WorkflowPermissionError(WorkflowError):
    """The database refused the step for the connected role."""


@dataclass
class StepRequest:
    project_code: str
    to_state: str
    step_on: object                      # date or ISO text
    taken_by: str
    from_state: str = None               # the state the user saw; None: the project's current state
    reference: str = ""
    until_on: object = None
    note: str = ""
    acceptors: dict = field(default_factory=dict)   # department code -> unit name
    aftercare_until: object = None


@dataclass(frozen=True)
class Step:
    step_id: int
    project_code: str
    profile_id: str
    from_state: str
    to_state: str
    step_on: str
    taken_by: str
    db_user: str
    reference: str
    until_on: str
    acceptor_natural_resources: str
    acceptor_agriculture_rural: str
    aftercare_until: str
    note: str
    created_at: str

    @classmethod
    def from_row(cls, row):
        values = dict(zip(STEP_COLUMNS, row))
        for key in ("step_on", "until_on", "aftercare_until", "created_at"):
            if values[key] is not None and not isinstance(values[key], str):
                values[key] = values[key].isoformat()
        return cls(**values)


def as_date(value, what, code):
    """A datetime.date from a date, QDate or ISO text; WorkflowError naming the field otherwise."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if hasattr(value, "toString") and hasattr(value, "isValid"):
        value = value.toString("yyyy-MM-dd") if value.isValid() else ""
    try:
        return datetime.date.fromisoformat(str(value or "").strip()[:10])
    except ValueError:
        raise WorkflowError(tr("project {}: {} '{}' is not a date (YYYY-MM-DD)", code, what, value or "")) from None


def add_years(date, years):
    """``date`` plus whole years (29 February → 28 February in a common year)."""
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)


def aftercare_until(accepted_on, profile):
    """The 后期管护 until-date of a project accepted on ``accepted_on`` under ``profile`` (None without a period)."""
    years = profile.reform.aftercare_years
    return None if years is None else add_years(accepted_on, years)


def workflow_of(profile):
    return load_workflow(profile.reform.workflow_id)


def _label(workflow, code):
    """A state as '自验 (self_accepted)' for messages; an unknown code as it is."""
    state = workflow.state(code)
    return f"{state.name_zh} ({code})" if state else str(code)


def _path(workflow):
    return " → ".join(state.name_zh for state in workflow.states)


def state_name(profile, code):
    return _label(workflow_of(profile), code)


def check_step(project, request, last_step_on=None, today=None):
    """Check ``request`` against the project row (a dict) and its rule profile.

    Returns ``(choice, values)``: the ProfileChoice and the step row to insert (without step_id,
    db_user, created_at).  Raises WorkflowError with a reason naming the project and the step.
    """
    code = str(project.get("project_code") or request.project_code)
    try:
        choice = choose_profile(project)
    except ProfileChoiceError as exc:
        raise WorkflowError(str(exc)) from exc
    profile = choice.profile
    workflow = workflow_of(profile)
    current = project.get("status")
    if request.from_state is not None and request.from_state != current:
        raise WorkflowError(tr("project {} is now '{}', not '{}': reload it and try again", code,
                               _label(workflow, current), _label(workflow, request.from_state)))
    target = workflow.state(request.to_state)
    if target is None:
        raise WorkflowError(tr("project {}: '{}' is not a state of the workflow of rule profile {} ({})", code,
                               request.to_state, profile.id, _path(workflow)))
    if current is not None and workflow.state(current) is None and target.position != 0:
        raise WorkflowError(tr("project {}: its status '{}' is not a state of rule profile {} ({}); choose the "
                               "profile it was accepted under, with a reason", code, current, profile.id,
                               _path(workflow)))
    if request.to_state == current:
        raise WorkflowError(tr("project {} is in '{}' already", code, _label(workflow, current)))
    allowed = {state.code: direction for state, direction in workflow.moves_from(current)}
    if request.to_state not in allowed:
        following = workflow.next_state(current)
        raise WorkflowError(tr("project {}: from '{}' the next step is '{}', not '{}' (the steps of {} go one at "
                               "a time)", code, _label(workflow, current),
                               _label(workflow, following.code) if following else "—",
                               _label(workflow, request.to_state), profile.id))
    step_on = as_date(request.step_on, tr("the step date"), code)
    today = today or datetime.date.today()
    if step_on > today:
        raise WorkflowError(tr("project {}: the step date {} is in the future", code, step_on))
    if last_step_on is not None and step_on < as_date(last_step_on, tr("the last step date"), code):
        raise WorkflowError(tr("project {}: the step date {} is before the project's last step ({})", code, step_on,
                               last_step_on))
    taken_by = str(request.taken_by or "").strip()
    if not taken_by:
        raise WorkflowError(tr("project {}: who takes the step '{}' is missing", code,
                               _label(workflow, request.to_state)))
    values = {"project_code": code, "profile_id": profile.id, "from_state": current, "to_state": target.code,
              "step_on": step_on.isoformat(), "taken_by": taken_by,
              "reference": str(request.reference or "").strip() or None, "until_on": None,
              "note": str(request.note or "").strip() or None, "aftercare_until": None}
    for department, column in DEPARTMENT_COLUMNS.items():
        values[column] = str(request.acceptors.get(department) or "").strip() or None
    forward = allowed[request.to_state] == "forward"
    if request.until_on not in (None, ""):
        values["until_on"] = as_date(request.until_on, tr("the end date"), code).isoformat()
    if forward:
        _check_requirements(code, target, profile, project, values, step_on)
    if forward and target.code == workflow.acceptance_state:
        given = request.aftercare_until
        until = as_date(given, tr("the aftercare until-date"), code) if given not in (None, "") else \
            aftercare_until(step_on, profile)
        if until is not None and until < step_on:
            raise WorkflowError(tr("project {}: the aftercare until-date {} is before the acceptance {}", code, until,
                                   step_on))
        values["aftercare_until"] = until.isoformat() if until else None
    return choice, values


def _check_requirements(code, target, profile, project, values, step_on):
    name = f"'{target.name_zh} ({target.code})'"
    if REQUIRES_ACCEPTORS in target.requires:
        for department in profile.reform.acceptance_departments:
            column = DEPARTMENT_COLUMNS[department.code]
            if not (values[column] or str(project.get(column) or "").strip()):
                raise WorkflowError(tr("project {}: the step {} needs the accepting unit of the {} ({})", code, name,
                                       department.name_zh, department.name_en))
    if REQUIRES_REFERENCE in target.requires and not values["reference"]:
        raise WorkflowError(tr("project {}: the step {} needs a reference (文号)", code, name))
    if REQUIRES_UNTIL in target.requires:
        if not values["until_on"]:
            raise WorkflowError(tr("project {}: the step {} needs an end date (e.g. the end of the publicity)", code,
                                   name))
        if values["until_on"] < step_on.isoformat():
            raise WorkflowError(tr("project {}: the end date {} is before the step date {}", code, values["until_on"],
                                   step_on))
