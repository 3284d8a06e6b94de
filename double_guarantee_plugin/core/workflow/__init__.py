"""The acceptance workflow of supplementary-farmland projects and the rule profile each one follows.

- ``definition``: workflows as data (states, the role that moves a project into each, where the
  deposit happens); ``profile_choice``: the rule profile of a project from its dates, or an override
  with a reason; ``steps``: one step checked (pure Python);
- ``schema`` / ``schema_pg``: the workflow's columns and tables in a project database, the migration
  of databases of the release before the reform, and on PostGIS the triggers that enforce the roles;
- ``store``: reading and taking steps on either kind of database.

For the deposit: ``is_deposit_step(profile, state)`` says whether moving a project into ``state`` is
the one that deposits its credits (已验收 under national_2017, 入库 under national_2024).
"""
from .definition import OFFICER, REVIEWER, ROLES, TECHNICIAN, Workflow, WorkflowState, database_role, load_workflow
from .profile_choice import (FROM_DATES, FROM_OVERRIDE, WITHOUT_DATE, ProfileChoice, ProfileChoiceError,
                             choose_profile, profile_for_date)
from .steps import (Step, StepRequest, WorkflowError, WorkflowPermissionError, aftercare_until, check_step,
                    state_name, workflow_of)
from .store import GeoPackageWorkflowStore, PostgresWorkflowStore, open_store


def is_deposit_step(profile, state):
    """True when moving a project into ``state`` is the step that deposits its credits under ``profile``."""
    return workflow_of(profile).is_deposit_state(state)


__all__ = ["Workflow", "WorkflowState", "load_workflow", "database_role", "ROLES", "TECHNICIAN", "REVIEWER",
           "OFFICER", "ProfileChoice", "ProfileChoiceError", "choose_profile", "profile_for_date", "FROM_DATES",
           "FROM_OVERRIDE", "WITHOUT_DATE", "Step", "StepRequest", "WorkflowError", "WorkflowPermissionError",
           "aftercare_until", "check_step", "state_name", "workflow_of", "GeoPackageWorkflowStore",
           "PostgresWorkflowStore", "open_store", "is_deposit_step"]
