# SPDX-License-Identifier: GPL-2.0-or-later
"""The acceptance workflow of supplementary-farmland projects and the rule profile each one follows.

- ``definition``: workflows as data (states, the role that moves a project into each, where the
  deposit happens); ``profile_choice``: the rule profile of a project from its dates, or an override
  with a reason; ``steps``: one step checked (pure Python);
- ``schema`` / ``schema_pg``: the workflow's columns and tables in a project database, the migration
  of databases of the release before the reform, and on PostGIS the triggers that enforce the roles;
- ``store``: reading and taking steps on either kind of database.

For the deposit: ``is_deposit_step(profile, state)`` says whether moving a project into ``state`` is
the one that deposits its credits (已验收 under national_2017, 入库 under national_2024).

The names below are imported when first used: loading a rule profile reads ``definition`` only, so
the ledger's worker processes (plain Python) never pull in Qt through the translated messages.
"""
import importlib

_EXPORTS = {
    "definition": ("OFFICER", "REVIEWER", "ROLES", "TECHNICIAN", "Workflow", "WorkflowState", "database_role",
                   "is_deposit_step", "load_workflow"),
    "profile_choice": ("FROM_DATES", "FROM_OVERRIDE", "WITHOUT_DATE", "ProfileChoice", "ProfileChoiceError",
                       "choose_profile", "profile_for_date"),
    "steps": ("Step", "StepRequest", "WorkflowError", "WorkflowPermissionError", "aftercare_until", "check_step",
              "state_name", "workflow_of"),
    "store": ("GeoPackageWorkflowStore", "PostgresWorkflowStore", "open_store"),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_MODULE_OF)


def __getattr__(name):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
