# SPDX-License-Identifier: GPL-2.0-or-later
"""Reading and writing a project's workflow: its steps, its rule-profile choice and its survey checks.

One API over the two kinds of project database, as the review store has:

- ``GeoPackageWorkflowStore(path)``: sqlite3, one transaction per call; the names typed in are
  recorded (``taken_by``) with the operating-system user (``db_user``); nothing checks roles.
- ``PostgresWorkflowStore(conninfo, schema)``: psycopg2 as the login user; the step trigger checks
  the step again and that ``session_user`` holds the role the profile names, records it in
  ``db_user`` and moves the project.  A refusal is a WorkflowPermissionError with the database's words.

Both check a step with ``core.workflow.steps.check_step`` first, so the message is the same on both.
The QGIS layers showing the projects table are not touched: callers reload them after a step.
"""
import contextlib
import datetime
import getpass
import sqlite3

from .profile_choice import ProfileChoiceError, choose_profile, override_values
from .schema import CHECK_COLUMNS, CHECKS_TABLE, PROJECTS_TABLE, STEPS_TABLE

PLOTS_TABLE = "plots"
from ...i18n import tr
from .steps import (STEP_COLUMNS, Step, WorkflowError, WorkflowPermissionError, check_step, state_name,
                    workflow_of)

PROJECT_KEYS = ("project_code", "project_name", "county_code", "project_type", "funding_source", "implemented_on",
                "status", "rule_profile", "rule_profile_reason", "acceptor_natural_resources",
                "acceptor_agriculture_rural", "aftercare_until")


def _now():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()


def _text(value):
    if value is None or isinstance(value, str):
        return value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


class WorkflowStore:
    """What both stores share; subclasses give ``_transaction`` (a cursor-like object), ``_p`` (the
    placeholder) and ``_t`` (a table name)."""

    placeholder = "?"

    def _t(self, table):
        return table

    def _sql(self, text):
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)

    @contextlib.contextmanager
    def _transaction(self):
        raise NotImplementedError

    def _user(self):
        return getpass.getuser()

    # -- reading ------------------------------------------------------------------------------
    def _project(self, cursor, code, lock=False):
        cursor.execute(self._sql(f"SELECT {', '.join(PROJECT_KEYS)} FROM {self._t(PROJECTS_TABLE)} "
                                 f"WHERE project_code = ?" + (" FOR UPDATE" if lock else "")), (str(code),))  # nosec B608  # tables from code (self._t quotes them on PostGIS), columns are constants; values bound
        row = cursor.fetchone()
        if row is None:
            raise WorkflowError(tr("project {}: not found in the project database", code))
        return {key: _text(value) for key, value in zip(PROJECT_KEYS, row)}

    def project(self, code):
        with self._transaction() as cursor:
            return self._project(cursor, code)

    def choice(self, code):
        """The ProfileChoice of a project (from its dates, or the recorded override)."""
        try:
            return choose_profile(self.project(code))
        except ProfileChoiceError as exc:
            raise WorkflowError(str(exc)) from exc

    def steps(self, code):
        """The project's steps, oldest first."""
        with self._transaction() as cursor:
            cursor.execute(self._sql(f"SELECT {', '.join(STEP_COLUMNS)} FROM {self._t(STEPS_TABLE)} "
                                     f"WHERE project_code = ? ORDER BY step_id"), (str(code),))  # nosec B608  # tables from code (self._t quotes them on PostGIS), columns are constants; values bound
            return [Step.from_row(row) for row in cursor.fetchall()]

    def checks(self, code):
        """The change-survey checks of a project, oldest first, as dicts."""
        with self._transaction() as cursor:
            cursor.execute(self._sql(f"SELECT {', '.join(CHECK_COLUMNS)} FROM {self._t(CHECKS_TABLE)} "
                                     f"WHERE project_code = ? ORDER BY check_id"), (str(code),))  # nosec B608  # tables from code (self._t quotes them on PostGIS), columns are constants; values bound
            return [dict(zip(CHECK_COLUMNS, row)) for row in cursor.fetchall()]

    def plot_codes(self, code):
        with self._transaction() as cursor:
            cursor.execute(self._sql(f"SELECT plot_code FROM {self._t(PLOTS_TABLE)} WHERE project_code = ? "
                                     f"ORDER BY plot_code"), (str(code),))  # nosec B608  # tables from code (self._t quotes them on PostGIS), columns are constants; values bound
            return [row[0] for row in cursor.fetchall()]

    def survey_confirmed(self, code):
        """True when the latest change-survey check of every plot of the project confirmed it."""
        latest = {}
        for check in self.checks(code):
            latest[check["plot_code"]] = bool(check["confirmed"])
        plots = self.plot_codes(code)
        return bool(plots) and all(latest.get(plot, False) for plot in plots)

    def pending_confirmation(self, codes):
        """The projects among ``codes`` (those this database holds) whose profile counts their credits
        only after a change-survey confirmation they do not have yet."""
        pending = set()
        for code in codes:
            try:
                profile = self.choice(code).profile
            except WorkflowError:
                continue   # not a project of this database
            scope = profile.reform.balance_scope or {}
            if profile.reform.change_survey is not None and scope.get("stable_requires_change_survey") \
                    and not self.survey_confirmed(code):
                pending.add(code)
        return pending

    # -- writing ------------------------------------------------------------------------------
    def advance(self, request, today=None):
        """Take one step (a StepRequest); returns the recorded Step."""
        with self._transaction() as cursor:
            project = self._project(cursor, request.project_code, lock=self.placeholder != "?")
            cursor.execute(self._sql(f"SELECT max(step_on) FROM {self._t(STEPS_TABLE)} WHERE project_code = ?"),  # nosec B608  # tables from code (self._t quotes them on PostGIS), columns are constants; values bound
                           (project["project_code"],))
            last_on = _text(cursor.fetchone()[0])
            _choice, values = check_step(project, request, last_on, today)
            step_id = self._insert_step(cursor, values)
            cursor.execute(self._sql(f"SELECT {', '.join(STEP_COLUMNS)} FROM {self._t(STEPS_TABLE)} "
                                     f"WHERE step_id = ?"), (step_id,))  # nosec B608  # tables from code (self._t quotes them on PostGIS), columns are constants; values bound
            return Step.from_row(cursor.fetchone())

    def _insert(self, cursor, table, values, key):
        columns = list(values)
        cursor.execute(self._sql(f"INSERT INTO {self._t(table)} ({', '.join(columns)}) VALUES "
                                 f"({', '.join('?' for _ in columns)}) RETURNING {key}"),  # nosec B608  # tables from code (self._t quotes them on PostGIS), columns are constants; values bound
                       [values[column] for column in columns])
        return cursor.fetchone()[0]

    def _insert_step(self, cursor, values):
        raise NotImplementedError

    def set_profile(self, code, profile_id, reason):
        """Override the date-based profile choice (``profile_id`` None returns to it); the reason is kept.

        Refused once the project has been accepted under its profile (its credits rest on it), and when
        the project's status is not a state of the new profile's workflow."""
        with self._transaction() as cursor:
            project = self._project(cursor, code, lock=self.placeholder != "?")
            try:
                current = choose_profile(project)
                changes = override_values(profile_id, reason, code)
                new = choose_profile(dict(project, **changes))
            except ProfileChoiceError as exc:
                raise WorkflowError(str(exc)) from exc
            workflow = workflow_of(current.profile)
            status = project["status"]
            if new.profile_id != current.profile_id and workflow.state(status) is not None and \
                    workflow.reached(status, workflow.acceptance_state):
                raise WorkflowError(tr("project {} is '{}' under {}: its rule profile is fixed once it has been "
                                       "accepted", code, state_name(current.profile, status), current.profile_id))
            if status is not None and workflow_of(new.profile).state(status) is None:
                raise WorkflowError(tr("project {}: its status '{}' is not a state of the workflow of {} ({})", code,
                                       state_name(current.profile, status), new.profile_id,
                                       " → ".join(state.name_zh for state in workflow_of(new.profile).states)))
            cursor.execute(self._sql(f"UPDATE {self._t(PROJECTS_TABLE)} SET rule_profile = ?, rule_profile_reason = ? "
                                     f"WHERE project_code = ?"),  # nosec B608  # tables from code (self._t quotes them on PostGIS), columns are constants; values bound
                           (changes["rule_profile"], changes["rule_profile_reason"], str(code)))
            return new

    def record_checks(self, results, checked_by=None):
        """Store change-survey results (core.change_survey.PlotConfirmation); returns how many."""
        checked_by = str(checked_by or self._user()).strip() or self._user()
        with self._transaction() as cursor:
            for result in results:
                self._insert(cursor, CHECKS_TABLE, {
                    "project_code": result.project_code, "plot_code": result.plot_code,
                    "survey_layer": result.survey_layer, "survey_year": result.survey_year,
                    "acceptance_year": result.acceptance_year, "share": result.share,
                    "share_min": result.share_min, "confirmed": int(result.confirmed),
                    "message": result.message or None, "checked_on": _now(), "checked_by": checked_by,
                    "db_user": self._user()}, "check_id")
        return len(results)

    def close(self):
        """Nothing to close: every call opens and closes its own connection."""


class GeoPackageWorkflowStore(WorkflowStore):
    """The workflow of a GeoPackage project database (its tables made by core.workflow.schema)."""

    def __init__(self, path):
        from .schema import ensure_workflow_schema
        self.path = str(path)
        ensure_workflow_schema(self.path)   # a file of the release before the reform gets its tables first

    def describe(self):
        return self.path

    @contextlib.contextmanager
    def _transaction(self):
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            cursor = connection.cursor()
            try:
                yield cursor
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        except sqlite3.Error as exc:
            raise WorkflowError(tr("{}: {}; nothing was changed", self.path, exc)) from exc
        finally:
            connection.close()

    def _insert_step(self, cursor, values):
        step_id = self._insert(cursor, STEPS_TABLE, dict(values, db_user=self._user(), created_at=_now()), "step_id")
        # the database of a GeoPackage checks nothing: the project moves here, in the same transaction
        cursor.execute(f"UPDATE {PROJECTS_TABLE} SET status = ?, "
                       f"acceptor_natural_resources = coalesce(?, acceptor_natural_resources), "
                       f"acceptor_agriculture_rural = coalesce(?, acceptor_agriculture_rural), "
                       f"aftercare_until = coalesce(?, aftercare_until) WHERE project_code = ?",  # nosec B608  # tables from code (self._t quotes them on PostGIS), columns are constants; values bound
                       (values["to_state"], values["acceptor_natural_resources"], values["acceptor_agriculture_rural"],
                        values["aftercare_until"], values["project_code"]))
        return step_id


class PostgresWorkflowStore(WorkflowStore):
    """The workflow of a PostGIS project schema; the step trigger checks roles and moves the project."""

    placeholder = "%s"

    def __init__(self, conninfo, schema):
        from ..project_db_pg import resolve_target
        self.target = resolve_target(conninfo)
        self.schema = str(schema)
        self._connection = self._session_user = None

    def describe(self):
        return f"PostgreSQL {self.target.label} / {self.schema}"

    def _t(self, table):
        from psycopg2 import sql
        return sql.Identifier(self.schema, table).as_string(self._connection)

    def _user(self):
        return self._session_user or getpass.getuser()

    @contextlib.contextmanager
    def _transaction(self):
        import psycopg2
        from ..project_db_pg import _connect
        self._connection = _connect(self.target)
        try:
            with self._connection, self._connection.cursor() as cursor:
                cursor.execute("SELECT session_user")
                self._session_user = cursor.fetchone()[0]
                yield cursor
        except psycopg2.errors.InsufficientPrivilege as exc:
            raise WorkflowPermissionError(tr("{}: the database refused this for user {}: {}", self.describe(),
                                             self._session_user, _first_line(exc))) from exc
        except psycopg2.Error as exc:
            raise WorkflowError(tr("{}: {}; nothing was changed", self.describe(), _first_line(exc))) from exc
        finally:
            self._connection.close()

    def _insert_step(self, cursor, values):
        # db_user and created_at are the trigger's; it moves the project after checking the step again
        return self._insert(cursor, STEPS_TABLE, values, "step_id")


def _first_line(exc):
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def open_store(database_path=None, pg_database=None):
    """The store of the dock's database: a GeoPackage path, or ``(connection, schema)`` on PostGIS."""
    if pg_database is not None:
        return PostgresWorkflowStore(*pg_database)
    return GeoPackageWorkflowStore(database_path)
