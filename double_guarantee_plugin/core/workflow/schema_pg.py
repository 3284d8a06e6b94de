# SPDX-License-Identifier: GPL-2.0-or-later
"""The workflow's part of a PostGIS project schema, and the guards that enforce it in the database.

What ``ensure_workflow_schema_pg`` installs (idempotent, inside the caller's transaction):

- the five project columns of core.workflow.schema, the projects' status CHECK from the current status
  list, a foreign key from ``rule_profile`` to the profiles and a CHECK that an override has a reason;
- ``dg_rule_profiles`` and ``dg_workflow_roles``: the installer writes them from the rule-profile and
  workflow files (which dates choose a profile, which role may move a project into each state);
- ``dg_workflow_steps`` (append-only) with a SECURITY DEFINER trigger that checks each step against
  those tables and the role of ``session_user`` (the login, which a SECURITY DEFINER function does not
  change) and then moves the project; ``dg_change_survey_checks`` (append-only);
- the row guards of ``projects`` and ``plots`` (when the ledger's three roles exist), driven by the same
  tables: a status may be set directly only in a workflow that is not sequential (the 2017 one) and
  only by the role of that state; a sequential workflow moves by steps; a project in a state whose
  role is not the technician's (accepted, reviewed, deposited …) and its plots are a reviewer's.

Plugin users are non-superuser members of dg_technician; the schema owner (who runs the installer
and owns the step trigger) must not be one.  Errors: insufficient_privilege (42501) for a role that may
not do something, check_violation (23514) for a step or status that is not allowed at all.
"""
from .. import tables
from .definition import database_role, load_workflow
from .schema import (CHECKS_TABLE, META_TABLE, PROJECT_COLUMNS, PROJECTS_TABLE, SCHEMA_KEY, SCHEMA_VERSION,
                     STEPS_TABLE, legacy_pins, table_sql)

PROFILES_TABLE = "dg_rule_profiles"
ROLES_TABLE = "dg_workflow_roles"
PLOTS_TABLE = "plots"
PLUGIN_ROLES = ("dg_technician", "dg_reviewer", "dg_officer")

# which user is a plugin user (checked, not an owner or superuser); a function so pg_has_role never
# names a role that does not exist
_FUNCTIONS = """
CREATE OR REPLACE FUNCTION {s}.dg_plugin_user(who name) RETURNS boolean LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF to_regrole('dg_technician') IS NULL THEN RETURN false; END IF;
  IF coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = who), false) THEN RETURN false; END IF;
  RETURN pg_has_role(who, 'dg_technician', 'MEMBER');
END $$;

CREATE OR REPLACE FUNCTION {s}.dg_project_profile(p_rule_profile text, p_implemented_on date) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(nullif(trim(p_rule_profile), ''), (
    SELECT profile_id FROM {profiles}
     WHERE (applies_from IS NOT NULL OR applies_until IS NOT NULL)
       AND CASE WHEN p_implemented_on IS NULL THEN applies_until IS NULL
                ELSE (applies_from IS NULL OR p_implemented_on >= applies_from)
                 AND (applies_until IS NULL OR p_implemented_on < applies_until) END
     ORDER BY profile_id LIMIT 1))
$$;

CREATE OR REPLACE FUNCTION {s}.dg_locked_status(p_code text) RETURNS text LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp AS $$
  SELECT p.status FROM {projects} p
    JOIN {roles} r ON r.profile_id = {s}.dg_project_profile(p.rule_profile, p.implemented_on) AND r.state = p.status
   WHERE p.project_code = p_code AND r.role <> 'dg_technician' LIMIT 1
$$;

CREATE OR REPLACE FUNCTION {s}.dg_workflow_step() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  project record;
  profile text;
  is_sequential boolean;
  from_role text; from_position integer;
  to_role text; to_position integer; to_requires text[];
  needed text;
  last_on date;
BEGIN
  NEW.db_user := session_user;
  NEW.created_at := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"');
  SELECT * INTO project FROM {projects} WHERE project_code = NEW.project_code FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'workflow step: project % does not exist', NEW.project_code USING ERRCODE = 'check_violation';
  END IF;
  profile := {s}.dg_project_profile(project.rule_profile, project.implemented_on);
  NEW.profile_id := profile;
  SELECT workflow_sequential INTO is_sequential FROM {profiles} WHERE profile_id = profile;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'workflow step: project % has no known rule profile (%)', NEW.project_code, profile
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.from_state IS DISTINCT FROM project.status THEN
    RAISE EXCEPTION 'project % is % now, not %: reload it and try again', NEW.project_code, project.status,
      NEW.from_state USING ERRCODE = 'check_violation';
  END IF;
  SELECT role, position, requires INTO to_role, to_position, to_requires FROM {roles}
   WHERE profile_id = profile AND state = NEW.to_state;
  IF to_role IS NULL THEN
    RAISE EXCEPTION 'project %: % is not a state of rule profile %', NEW.project_code, NEW.to_state, profile
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT role, position INTO from_role, from_position FROM {roles}
   WHERE profile_id = profile AND state = project.status;
  IF NEW.to_state = project.status THEN
    RAISE EXCEPTION 'project % is % already', NEW.project_code, project.status USING ERRCODE = 'check_violation';
  END IF;
  IF (from_position IS NULL AND to_position <> 0)
     OR (is_sequential AND from_position IS NOT NULL AND to_position > from_position + 1) THEN
    RAISE EXCEPTION 'project %: % cannot follow % under rule profile % (its steps go one at a time)',
      NEW.project_code, NEW.to_state, project.status, profile USING ERRCODE = 'check_violation';
  END IF;
  needed := CASE WHEN from_position IS NOT NULL AND to_position < from_position THEN from_role ELSE to_role END;
  IF {s}.dg_plugin_user(session_user) AND NOT pg_has_role(session_user, needed, 'MEMBER') THEN
    RAISE EXCEPTION 'the step of project % to % is for role %: % is not a member of it', NEW.project_code,
      NEW.to_state, needed, session_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF to_position > coalesce(from_position, -1) THEN
    IF 'acceptors' = ANY (to_requires)
       AND (coalesce(trim(coalesce(NEW.acceptor_natural_resources, project.acceptor_natural_resources)), '') = ''
         OR coalesce(trim(coalesce(NEW.acceptor_agriculture_rural, project.acceptor_agriculture_rural)), '') = '') THEN
      RAISE EXCEPTION 'project %: the step to % needs both acceptors (自然资源, 农业农村)', NEW.project_code,
        NEW.to_state USING ERRCODE = 'check_violation';
    END IF;
    IF 'reference' = ANY (to_requires) AND coalesce(trim(NEW.reference), '') = '' THEN
      RAISE EXCEPTION 'project %: the step to % needs a reference', NEW.project_code, NEW.to_state
        USING ERRCODE = 'check_violation';
    END IF;
    IF 'until_on' = ANY (to_requires) AND (NEW.until_on IS NULL OR NEW.until_on < NEW.step_on) THEN
      RAISE EXCEPTION 'project %: the step to % needs an end date on or after %', NEW.project_code, NEW.to_state,
        NEW.step_on USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF NEW.step_on > current_date THEN
    RAISE EXCEPTION 'project %: the step date % is in the future', NEW.project_code, NEW.step_on
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT max(step_on) INTO last_on FROM {steps} WHERE project_code = NEW.project_code;
  IF last_on IS NOT NULL AND NEW.step_on < last_on THEN
    RAISE EXCEPTION 'project %: the step date % is before its last step (%)', NEW.project_code, NEW.step_on, last_on
      USING ERRCODE = 'check_violation';
  END IF;
  UPDATE {projects} SET status = NEW.to_state,
         acceptor_natural_resources = coalesce(NEW.acceptor_natural_resources, acceptor_natural_resources),
         acceptor_agriculture_rural = coalesce(NEW.acceptor_agriculture_rural, acceptor_agriculture_rural),
         aftercare_until = coalesce(NEW.aftercare_until, aftercare_until)
   WHERE project_code = NEW.project_code;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION {s}.dg_stamp_check() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.db_user := session_user;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION {s}.dg_append_only() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION '%.% is append-only: a recorded step or check is never changed', TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
"""

# officers read the project database, nothing else (the ledger makes dg_officer a member of dg_technician)
OFFICER_ONLY_READS = """  IF pg_has_role(current_user, 'dg_officer', 'MEMBER') THEN
    RAISE EXCEPTION 'role dg_officer only reads the project database: % on %.% refused', TG_OP, TG_TABLE_SCHEMA,
      TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
"""

_GUARDS = ("""
CREATE OR REPLACE FUNCTION {s}.guard_projects() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  old_profile text; new_profile text; is_sequential boolean;
  from_role text; from_position integer; to_role text; to_position integer; needed text;
BEGIN
  IF NOT {s}.dg_plugin_user(current_user) THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    old_profile := {s}.dg_project_profile(OLD.rule_profile, OLD.implemented_on);
    SELECT role, position INTO from_role, from_position FROM {roles}
     WHERE profile_id = old_profile AND state = OLD.status;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_profile := {s}.dg_project_profile(NEW.rule_profile, NEW.implemented_on);
    IF TG_OP = 'UPDATE' AND new_profile IS DISTINCT FROM old_profile AND from_role IS NOT NULL
       AND from_role <> 'dg_technician' THEN
      RAISE EXCEPTION 'project % is %: its rule profile % is fixed', OLD.project_code, OLD.status, old_profile
        USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status OR new_profile IS DISTINCT FROM old_profile THEN
      SELECT role, position INTO to_role, to_position FROM {roles}
       WHERE profile_id = new_profile AND state = NEW.status;
      IF to_role IS NULL THEN
        RAISE EXCEPTION 'project %: status % is not a state of rule profile %', NEW.project_code, NEW.status,
          coalesce(new_profile, '(none)') USING ERRCODE = 'check_violation';
      END IF;
    END IF;
    IF (TG_OP = 'INSERT' AND to_position > 0) OR (TG_OP = 'UPDATE' AND NEW.status IS DISTINCT FROM OLD.status) THEN
      SELECT workflow_sequential INTO is_sequential FROM {profiles} WHERE profile_id = new_profile;
      IF is_sequential THEN
        RAISE EXCEPTION 'project % follows the workflow of rule profile %: its status moves by a workflow step '
          '(table dg_workflow_steps), not by editing it', NEW.project_code, new_profile
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      needed := CASE WHEN from_position IS NOT NULL AND to_position < from_position THEN from_role ELSE to_role END;
      IF NOT pg_has_role(current_user, needed, 'MEMBER') THEN
        RAISE EXCEPTION 'only a % (%) may set project % to %', replace(needed, 'dg_', ''), needed, NEW.project_code,
          NEW.status USING ERRCODE = 'insufficient_privilege';
      END IF;
    END IF;
  END IF;
  IF pg_has_role(current_user, 'dg_reviewer', 'MEMBER') THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
"""  # nosec B608  # a DDL template of code constants; psycopg2 sql.SQL fills in sql.Identifier names
    + OFFICER_ONLY_READS + """  IF TG_OP <> 'INSERT' AND from_role IS NOT NULL AND from_role <> 'dg_technician' THEN
    RAISE EXCEPTION 'project % is %: only a reviewer (dg_reviewer) may change or delete it', OLD.project_code,
      OLD.status USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE OR REPLACE FUNCTION {s}.guard_plots() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  locked text;
BEGIN
  IF NOT {s}.dg_plugin_user(current_user) OR pg_has_role(current_user, 'dg_reviewer', 'MEMBER') THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
""" + OFFICER_ONLY_READS + """  IF TG_OP <> 'INSERT' THEN
    locked := {s}.dg_locked_status(OLD.project_code);
    IF locked IS NOT NULL THEN
      RAISE EXCEPTION 'plot % belongs to project %, which is %: only a reviewer (dg_reviewer) may change it',
        coalesce(OLD.plot_code, OLD.fid::text), OLD.project_code, locked USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    locked := {s}.dg_locked_status(NEW.project_code);
    IF locked IS NOT NULL THEN
      RAISE EXCEPTION 'project % is %: only a reviewer (dg_reviewer) may add or move plots into it',
        NEW.project_code, locked USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
""")


def _names(sql, schema):
    return {"s": sql.Identifier(schema), "projects": sql.Identifier(schema, PROJECTS_TABLE),
            "plots": sql.Identifier(schema, PLOTS_TABLE), "steps": sql.Identifier(schema, STEPS_TABLE),
            "checks": sql.Identifier(schema, CHECKS_TABLE), "profiles": sql.Identifier(schema, PROFILES_TABLE),
            "roles": sql.Identifier(schema, ROLES_TABLE), "meta": sql.Identifier(schema, META_TABLE)}


def workflow_schema_version_pg(cursor, schema):
    from psycopg2 import sql
    cursor.execute(sql.SQL("SELECT value FROM {} WHERE key = %s").format(sql.Identifier(schema, META_TABLE)),
                   (SCHEMA_KEY,))
    row = cursor.fetchone()
    return int(row[0]) if row else 0


def existing_plugin_roles(cursor):
    cursor.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", (list(PLUGIN_ROLES),))
    return {row[0] for row in cursor.fetchall()}


def write_profiles(cursor, schema):
    """Write every rule profile's dates and workflow roles into the schema (the data the guards read)."""
    from psycopg2 import sql
    names = _names(sql, schema)
    for profile_id in tables.rule_profile_ids():
        profile = tables.load_rule_profile(profile_id)
        workflow = load_workflow(profile.reform.workflow_id)
        applies = profile.reform.applies
        cursor.execute(sql.SQL(
            "INSERT INTO {profiles} (profile_id, name_zh, applies_from, applies_until, workflow_id, "
            "workflow_sequential) VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (profile_id) DO UPDATE SET "
            "name_zh = EXCLUDED.name_zh, applies_from = EXCLUDED.applies_from, applies_until = EXCLUDED.applies_until, "
            "workflow_id = EXCLUDED.workflow_id, workflow_sequential = EXCLUDED.workflow_sequential").format(**names),
            (profile_id, profile.name_zh, applies.start if applies else None, applies.end if applies else None,
             workflow.id, workflow.sequential))
        cursor.execute(sql.SQL("DELETE FROM {roles} WHERE profile_id = %s").format(**names), (profile_id,))
        for state in workflow.states:
            cursor.execute(sql.SQL("INSERT INTO {roles} (profile_id, state, role, position, requires) "
                                   "VALUES (%s, %s, %s, %s, %s)").format(**names),
                           (profile_id, state.code, database_role(state.role), state.position, list(state.requires)))


def ensure_workflow_schema_pg(cursor, schema):
    """Install or update the workflow part of ``schema`` (see the module docstring); the caller commits.

    Returns the ``[(project_code, profile_id, reason)]`` pinned to their old profile."""
    from psycopg2 import sql
    names = _names(sql, schema)
    for name, _sqlite_type, pg_type, _alias in PROJECT_COLUMNS:
        cursor.execute(sql.SQL("ALTER TABLE {projects} ADD COLUMN IF NOT EXISTS {c} " + pg_type).format(
            c=sql.Identifier(name), **names))
    statuses = [row["code"] for row in tables.project_codes()["statuses"]]
    cursor.execute(sql.SQL("ALTER TABLE {projects} DROP CONSTRAINT IF EXISTS projects_status_valid").format(**names))
    cursor.execute(sql.SQL("ALTER TABLE {projects} ADD CONSTRAINT projects_status_valid CHECK (status IN ({v}))")
                   .format(v=sql.SQL(", ").join(sql.Literal(code) for code in statuses), **names))
    cursor.execute(sql.SQL("CREATE TABLE IF NOT EXISTS {profiles} (profile_id text PRIMARY KEY, name_zh text, "
                           "applies_from date, applies_until date, workflow_id text NOT NULL, "
                           "workflow_sequential boolean NOT NULL)").format(**names))
    cursor.execute(sql.SQL("CREATE TABLE IF NOT EXISTS {roles} (profile_id text NOT NULL REFERENCES {profiles} "
                           "ON DELETE CASCADE, state text NOT NULL, role text NOT NULL CHECK (role IN "
                           "('dg_technician', 'dg_reviewer', 'dg_officer')), position integer NOT NULL, "
                           "requires text[] NOT NULL DEFAULT '{{}}', PRIMARY KEY (profile_id, state))").format(**names))
    for statement in table_sql(lambda table: sql.Identifier(schema, table).as_string(cursor),
                               serial="bigserial PRIMARY KEY", real="double precision"):
        cursor.execute(statement)
    write_profiles(cursor, schema)
    cursor.execute(sql.SQL("ALTER TABLE {projects} DROP CONSTRAINT IF EXISTS projects_rule_profile_known").format(
        **names))
    cursor.execute(sql.SQL("ALTER TABLE {projects} ADD CONSTRAINT projects_rule_profile_known FOREIGN KEY "
                           "(rule_profile) REFERENCES {profiles} (profile_id)").format(**names))
    cursor.execute(sql.SQL("ALTER TABLE {projects} DROP CONSTRAINT IF EXISTS projects_rule_profile_reason").format(
        **names))
    cursor.execute(sql.SQL("ALTER TABLE {projects} ADD CONSTRAINT projects_rule_profile_reason CHECK "
                           "(rule_profile IS NULL OR length(trim(coalesce(rule_profile_reason, ''))) > 0)").format(
        **names))
    cursor.execute(sql.SQL(_FUNCTIONS).format(**names))
    for table, trigger, function, when in (
            ("steps", "dg_workflow_step", "dg_workflow_step", "BEFORE INSERT"),
            ("checks", "dg_stamp_check", "dg_stamp_check", "BEFORE INSERT"),
            ("steps", "dg_append_only", "dg_append_only", "BEFORE UPDATE OR DELETE"),
            ("checks", "dg_append_only", "dg_append_only", "BEFORE UPDATE OR DELETE")):
        cursor.execute(sql.SQL("DROP TRIGGER IF EXISTS {t} ON {table}").format(t=sql.Identifier(trigger),
                                                                               table=names[table]))
        cursor.execute(sql.SQL("CREATE TRIGGER {t} " + when + " ON {table} FOR EACH ROW EXECUTE FUNCTION {f}()")
                       .format(t=sql.Identifier(trigger), table=names[table], f=sql.Identifier(schema, function)))
    cursor.execute(sql.SQL("SELECT project_code, status, implemented_on FROM {projects} WHERE rule_profile IS NULL")
                   .format(**names))
    pins = legacy_pins(cursor.fetchall())
    for code, profile_id, reason in pins:
        cursor.execute(sql.SQL("UPDATE {projects} SET rule_profile = %s, rule_profile_reason = %s "
                               "WHERE project_code = %s").format(**names), (profile_id, reason, code))
    _grant(cursor, schema, existing_plugin_roles(cursor))
    cursor.execute(sql.SQL("INSERT INTO {meta} VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = "
                           "EXCLUDED.value").format(**names), (SCHEMA_KEY, str(SCHEMA_VERSION)))
    return pins


def _grant(cursor, schema, roles):
    """Every plugin role reads the workflow tables and may add steps and checks (the step trigger decides
    which steps); the row guards of projects and plots when all three roles exist."""
    from psycopg2 import sql
    if not roles:
        return
    names = _names(sql, schema)
    everyone = sql.SQL(", ").join(sql.Identifier(role) for role in sorted(roles))
    workflow_tables = sql.SQL(", ").join(names[key] for key in ("profiles", "roles", "steps", "checks"))
    cursor.execute(sql.SQL("REVOKE ALL ON {} FROM PUBLIC").format(workflow_tables))
    cursor.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(workflow_tables, everyone))
    cursor.execute(sql.SQL("GRANT INSERT ON {steps}, {checks} TO {e}").format(e=everyone, **names))
    sequences = sql.SQL(", ").join(sql.Identifier(schema, f"{table}_{column}_seq")
                                   for table, column in ((STEPS_TABLE, "step_id"), (CHECKS_TABLE, "check_id")))
    cursor.execute(sql.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(sequences, everyone))
    if set(PLUGIN_ROLES) - roles:
        return   # the guards name all three roles
    cursor.execute(sql.SQL(_GUARDS).format(**names))
    for table, name in (("projects", "guard_projects"), ("plots", "guard_plots")):
        cursor.execute(sql.SQL("DROP TRIGGER IF EXISTS {n} ON {t}").format(n=sql.Identifier(name), t=names[table]))
        cursor.execute(sql.SQL("CREATE TRIGGER {n} BEFORE INSERT OR UPDATE OR DELETE ON {t} FOR EACH ROW EXECUTE "
                               "FUNCTION {f}()").format(n=sql.Identifier(name), t=names[table],
                                                        f=sql.Identifier(schema, name)))
