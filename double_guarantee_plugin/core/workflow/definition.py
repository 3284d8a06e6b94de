# SPDX-License-Identifier: GPL-2.0-or-later
"""Workflow definitions: the states a project goes through and the role that may move it into each.

A workflow is a data file (``resources/data/workflows/<id>.json``, schema ``workflow/1``) named by a
rule profile's ``workflow`` key: ``legacy_2017`` (规划 → 实施中 → 已验收 → 已报备, deposit at 已验收)
and ``reform_2024`` (规划 → 实施中 → 自验 → 市县审核 → 省级复核 → 公示 → 入库, deposit at 入库).
State names come from the project status list (``project_codes.json``), so the projects table, its
value map and the database CHECK know every state of every workflow.  Pure Python.
"""
import functools
from dataclasses import dataclass

from .. import tables
from ..paths import data_path
from ..tables import TableError, _check_schema, _load_json, _require

# the plugin's three database roles (core.ledger.postgres_backend creates them as dg_<role>)
TECHNICIAN, REVIEWER, OFFICER = "technician", "reviewer", "officer"
ROLES = (TECHNICIAN, REVIEWER, OFFICER)
# what a step into a state may require besides its date and who took it
REQUIRES_ACCEPTORS, REQUIRES_REFERENCE, REQUIRES_UNTIL = "acceptors", "reference", "until_on"
REQUIREMENTS = (REQUIRES_ACCEPTORS, REQUIRES_REFERENCE, REQUIRES_UNTIL)
DEFAULT_WORKFLOW_ID = "legacy_2017"   # a rule profile written before workflows existed keeps the 2017 flow


def database_role(role):
    """The PostgreSQL role of a workflow role: ``reviewer`` → ``dg_reviewer``."""
    return f"dg_{role}"


@dataclass(frozen=True)
class WorkflowState:
    code: str
    name_zh: str
    name_en: str
    role: str
    requires: tuple = ()
    position: int = 0


@dataclass(frozen=True)
class Workflow:
    id: str
    name_zh: str
    name_en: str
    sequential: bool
    acceptance_state: str
    deposit_state: str
    states: tuple          # WorkflowState, in order
    source_path: str = ""

    @property
    def codes(self):
        return tuple(state.code for state in self.states)

    def state(self, code):
        """The WorkflowState ``code``, or None when it is not a state of this workflow."""
        for state in self.states:
            if state.code == code:
                return state
        return None

    @property
    def first(self):
        return self.states[0]

    def next_state(self, code):
        """The state after ``code`` (None at the end, or for a code that is not a state here)."""
        state = self.state(code)
        if state is None or state.position + 1 >= len(self.states):
            return None
        return self.states[state.position + 1]

    def is_locked(self, code):
        """True where the project and its plots are out of a technician's reach: a state whose role is
        not the technician's (accepted, reviewed, deposited …); the PostGIS guards lock exactly these."""
        state = self.state(code)
        return state is not None and state.role != TECHNICIAN

    def is_deposit_state(self, code):
        return code == self.deposit_state

    def reached(self, current, target):
        """True when a project in ``current`` has got at least as far as ``target``."""
        here, there = self.state(current), self.state(target)
        return here is not None and there is not None and here.position >= there.position

    def moves_from(self, code):
        """``[(state, direction)]`` a project in ``code`` may move to: forward / back ('forward', 'back');
        any other state for a workflow that is not sequential."""
        state = self.state(code)
        if state is None:
            return [(self.first, "forward")]
        if not self.sequential:
            return [(other, "forward" if other.position > state.position else "back")
                    for other in self.states if other.code != code]
        moves = []
        following = self.next_state(code)
        if following is not None:
            moves.append((following, "forward"))
        moves += [(other, "back") for other in reversed(self.states[:state.position])]
        return moves


@functools.lru_cache(maxsize=None)
def load_workflow(workflow_id):
    """Load and check ``resources/data/workflows/<workflow_id>.json``."""
    path = data_path("workflows", f"{workflow_id}.json")
    doc = _load_json(path)
    _check_schema(doc, path, "workflow")
    if _require(doc, path, "id", str) != workflow_id:
        raise TableError(f"{path}: id '{doc['id']}' differs from the file name '{workflow_id}'")
    names = {row["code"]: row for row in tables.project_codes()["statuses"]}
    states = []
    for index, row in enumerate(_require(doc, path, "states", list)):
        where = f"states[{index}]: "
        code = _require(row, path, "code", str, where)
        if code not in names:
            raise TableError(f"{path}: {where}state '{code}' is not a project status of project_codes.json "
                             f"(known: {', '.join(names)})")
        if any(state.code == code for state in states):
            raise TableError(f"{path}: {where}state '{code}' appears twice")
        role = _require(row, path, "role", str, where)
        if role not in ROLES:
            raise TableError(f"{path}: {where}role '{role}' should be one of {', '.join(ROLES)}")
        requires = row.get("requires", [])
        if not isinstance(requires, list) or any(item not in REQUIREMENTS for item in requires):
            raise TableError(f"{path}: {where}'requires' should be a list of {', '.join(REQUIREMENTS)}")
        states.append(WorkflowState(code, names[code]["name_zh"], names[code]["name_en"], role, tuple(requires),
                                    len(states)))
    if len(states) < 2:
        raise TableError(f"{path}: a workflow needs at least two states")
    codes = [state.code for state in states]
    for key in ("acceptance_state", "deposit_state"):
        if _require(doc, path, key, str) not in codes:
            raise TableError(f"{path}: {key} '{doc[key]}' is not one of the states {', '.join(codes)}")
    return Workflow(workflow_id, _require(doc, path, "name_zh", str), _require(doc, path, "name_en", str),
                    _require(doc, path, "sequential", bool), doc["acceptance_state"], doc["deposit_state"],
                    tuple(states), path)


def is_deposit_step(profile, state):
    """True when moving a project into ``state`` is the step that deposits its credits under ``profile``."""
    return load_workflow(profile.reform.workflow_id).is_deposit_state(state)
