# SPDX-License-Identifier: GPL-2.0-or-later
"""The workflow's part of a project database (GeoPackage): five project columns and two tables.

Versioned on its own (``workflow_schema_version`` in dg_meta, as the review tables are), so the
project database's own schema version stays the layout of projects and plots.  A database of the
release before the 2024 reform gets, in ONE transaction:

- ``projects``: ``rule_profile`` and ``rule_profile_reason`` (an override of the date-based choice,
  with its reason), ``acceptor_natural_resources`` / ``acceptor_agriculture_rural`` (the two
  acceptors), ``aftercare_until`` (后期管护 until);
- ``dg_workflow_steps``: every step (from, to, date, who, reference, end date, acceptors), append-only;
- ``dg_change_survey_checks``: each check of a deposited plot against an annual change survey;
- projects whose status belongs to the 2017 flow but whose dates would choose national_2024 (an
  accepted 2025 project) keep national_2017, recorded as an override with the reason, so nothing
  deposited under national_2017 changes value.
"""
import datetime
import sqlite3

from .. import tables
from .definition import load_workflow
from .profile_choice import ProfileChoiceError, profile_for_date

SCHEMA_KEY = "workflow_schema_version"
SCHEMA_VERSION = 1
META_TABLE = "dg_meta"
PROJECTS_TABLE = "projects"
STEPS_TABLE = "dg_workflow_steps"
CHECKS_TABLE = "dg_change_survey_checks"
# name, SQL type (SQLite / PostgreSQL), alias (zh)
PROJECT_COLUMNS = [
    ("rule_profile", "TEXT", "varchar(40)", "规则配置（人工指定）"),
    ("rule_profile_reason", "TEXT", "text", "指定规则配置的理由"),
    ("acceptor_natural_resources", "TEXT", "varchar(200)", "自然资源验收单位"),
    ("acceptor_agriculture_rural", "TEXT", "varchar(200)", "农业农村评定单位"),
    ("aftercare_until", "DATE", "date", "后期管护截止日期"),
]
CHECK_COLUMNS = ("check_id", "project_code", "plot_code", "survey_layer", "survey_year", "acceptance_year", "share",
                 "share_min", "confirmed", "message", "checked_on", "checked_by", "db_user")
MIGRATION_REASON = ("status '{status}' was set under national_2017 before national_2024 existed (kept when the "
                    "database was upgraded, so deposited credits keep their value)")


def table_sql(name=lambda table: table, serial="INTEGER PRIMARY KEY AUTOINCREMENT", real="REAL"):
    """The DDL of the two tables; defaults are SQLite's, schema_pg passes PostgreSQL's."""
    return [
        f"""CREATE TABLE IF NOT EXISTS {name(STEPS_TABLE)} (
            step_id {serial},
            project_code TEXT NOT NULL,
            profile_id TEXT NOT NULL,
            from_state TEXT,
            to_state TEXT NOT NULL,
            step_on DATE NOT NULL,
            taken_by TEXT NOT NULL CHECK (length(trim(taken_by)) > 0),
            db_user TEXT,
            reference TEXT,
            until_on DATE,
            acceptor_natural_resources TEXT,
            acceptor_agriculture_rural TEXT,
            aftercare_until DATE,
            note TEXT,
            created_at TEXT NOT NULL)""",
        f"CREATE INDEX IF NOT EXISTS {STEPS_TABLE}_project ON {name(STEPS_TABLE)} (project_code, step_id)",
        f"""CREATE TABLE IF NOT EXISTS {name(CHECKS_TABLE)} (
            check_id {serial},
            project_code TEXT NOT NULL,
            plot_code TEXT NOT NULL,
            survey_layer TEXT NOT NULL,
            survey_year INTEGER,
            acceptance_year INTEGER NOT NULL,
            share {real} NOT NULL CHECK (share >= 0 AND share <= 1),
            share_min {real} NOT NULL,
            confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
            message TEXT,
            checked_on TEXT NOT NULL,
            checked_by TEXT NOT NULL,
            db_user TEXT)""",
        f"CREATE INDEX IF NOT EXISTS {CHECKS_TABLE}_project ON {name(CHECKS_TABLE)} (project_code, plot_code)",
    ]


# the history is kept by the file itself: no client may change or delete a step or a check
_APPEND_ONLY = [
    f"""CREATE TRIGGER IF NOT EXISTS {table}_{operation}_refused BEFORE {operation.upper()} ON {table}
        BEGIN SELECT RAISE(ABORT, '{table} is append-only: a recorded step or check is never changed'); END"""
    for table in (STEPS_TABLE, CHECKS_TABLE) for operation in ("update", "delete")]


def legacy_pins(rows):
    """``[(project_code, profile_id, reason)]`` for the projects a migration keeps on their old profile:
    those whose status is not a state of the profile their dates would choose now."""
    pins = []
    for code, status, implemented_on in rows:
        try:
            chosen = tables.load_rule_profile(profile_for_date(implemented_on, code))
        except ProfileChoiceError:
            chosen = None
        if chosen is not None and status in load_workflow(chosen.reform.workflow_id).codes:
            continue
        pins.append((code, tables.DEFAULT_PROFILE_ID, MIGRATION_REASON.format(status=status)))
    return pins


def schema_version(connection):
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if META_TABLE not in names:
        return 0
    row = connection.execute(f"SELECT value FROM {META_TABLE} WHERE key = ?", (SCHEMA_KEY,)).fetchone()  # nosec B608  # table names are code constants; values bound
    return int(row[0]) if row else 0


def ensure_workflow_schema(path, fail_after=None):
    """Bring the GeoPackage at ``path`` to the workflow schema in one transaction.

    Returns True when something was migrated (the caller then refreshes the layers' stored style).
    ``fail_after`` is a test hook: raise after that many statements to prove the rollback.
    """
    from ..project_db import ProjectDatabaseError
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        version = schema_version(connection)
        if version > SCHEMA_VERSION:
            raise ProjectDatabaseError(f"{path}: the workflow tables have version {version}, newer than this "
                                       f"plugin understands ({SCHEMA_VERSION}); update the plugin")
        if version == SCHEMA_VERSION:
            return False
        statements = 0

        def run(sql, params=()):
            nonlocal statements
            if fail_after is not None and statements >= fail_after:
                raise sqlite3.OperationalError(f"test: stopped after {statements} statements")
            statements += 1
            return connection.execute(sql, params)

        connection.execute("BEGIN IMMEDIATE")
        try:
            columns = {row[1] for row in connection.execute(f"PRAGMA table_info({PROJECTS_TABLE})")}
            for name, sqlite_type, _pg_type, _alias in PROJECT_COLUMNS:
                if name not in columns:
                    run(f"ALTER TABLE {PROJECTS_TABLE} ADD COLUMN {name} {sqlite_type}")
            for statement in table_sql() + _APPEND_ONLY:
                run(statement)
            _pin_legacy(connection, run)
            run(f"CREATE TABLE IF NOT EXISTS {META_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
            run(f"INSERT OR REPLACE INTO {META_TABLE} VALUES (?, ?)", (SCHEMA_KEY, str(SCHEMA_VERSION)))
            _register_contents(connection, run)
            connection.execute("COMMIT")
        except BaseException as exc:
            connection.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise ProjectDatabaseError(f"{path}: adding the workflow tables failed, nothing was changed "
                                           f"({exc})") from exc
            raise
        return True
    except sqlite3.DatabaseError as exc:
        raise ProjectDatabaseError(f"{path}: not a project database ({exc})") from exc
    finally:
        connection.close()


def _pin_legacy(connection, run):
    rows = connection.execute(f"SELECT project_code, status, implemented_on FROM {PROJECTS_TABLE} "
                              f"WHERE rule_profile IS NULL").fetchall()  # nosec B608  # table names are code constants; values bound
    pins = legacy_pins(rows)
    for code, profile_id, reason in pins:
        run(f"UPDATE {PROJECTS_TABLE} SET rule_profile = ?, rule_profile_reason = ? WHERE project_code = ?",  # nosec B608  # table names are code constants; values bound
            (profile_id, reason, code))
    return pins


def pin_legacy_projects(path):
    """Keep projects written with a 2017 status (e.g. by a data import) on national_2017, as the upgrade
    does; returns the pins.  One transaction."""
    with sqlite3.connect(path, timeout=30) as connection:
        pins = _pin_legacy(connection, connection.execute)
    connection.close()
    return pins


def _register_contents(connection, run):
    """List the two tables in gpkg_contents as attribute tables, so QGIS's browser shows them."""
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "gpkg_contents" not in names:
        return
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    for table, description in ((STEPS_TABLE, "workflow steps (history) 项目流程记录"),
                               (CHECKS_TABLE, "change-survey confirmations 变更调查核实")):
        run("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
            "VALUES (?, 'attributes', ?, ?, ?)", (table, table, description, stamp))


def configure_projects_layer(layer):
    """Aliases and editor widgets of the workflow columns of a projects layer (in place)."""
    from qgis.core import QgsEditorWidgetSetup, QgsValueMapFieldFormatter
    fields = layer.fields()
    # empty: chosen from the implementation date (core.workflow.profile_choice)
    profiles = [{"（按实施日期自动选择 chosen from the dates）": QgsValueMapFieldFormatter.NULL_VALUE}]
    profiles += [{f"{tables.load_rule_profile(pid).name_zh} ({pid})": pid} for pid in tables.rule_profile_ids()]
    for name, _sqlite, _pg, alias in PROJECT_COLUMNS:
        index = fields.indexOf(name)
        if index < 0:
            continue
        layer.setFieldAlias(index, alias)
        if name == "rule_profile":
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": profiles}))
        elif name == "aftercare_until":
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("DateTime", {
                "field_format": "yyyy-MM-dd", "display_format": "yyyy-MM-dd", "calendar_popup": True,
                "allow_null": True}))
    return layer
