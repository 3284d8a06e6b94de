# SPDX-License-Identifier: GPL-2.0-or-later
"""The project database on PostGIS: one schema with ``projects``, ``plots`` and ``dg_meta``, shared by a county office.

The same layout as the GeoPackage project database (core.project_db: PROJECT_FIELDS, PLOT_FIELDS,
SCHEMA_VERSION) with the layer constraints repeated as CHECK constraints, so the database refuses a
bad class code, grade or status whichever client writes.  When the ledger's roles exist
(core.ledger.postgres_backend installs them) the schema is granted to them and row triggers keep
the acceptance of a project with the reviewers:

- ``dg_technician`` reads everything, edits plots and proposes projects, but cannot set a project's
  status to accepted / filed, nor change or delete an accepted project or its plots;
- ``dg_reviewer`` may also accept (it is a member of dg_technician, as the ledger makes it);
- ``dg_officer`` reads: the ledger makes it a member of dg_technician, so the triggers refuse the
  inherited write rights (a login that is also a reviewer keeps the reviewer's).

A target is a PostgreSQL URI / DSN or the name of a QGIS PostgreSQL connection, resolved by the
ledger's ``qgis_connection_params``.  All SQL is parameterised; identifiers go through psycopg2.sql.
"""
import uuid
from dataclasses import dataclass

from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsDataSourceUri, QgsSettings, QgsVectorLayer, QgsWkbTypes

from . import tables
from .ledger import LedgerStorageError, qgis_connection_params
from .ledger.postgres_backend import connect as ledger_connect
from .project_db import (META_TABLE, PLOT_FIELDS, PLOTS_LAYER, PROJECT_FIELDS, PROJECTS_TABLE, SCHEMA_VERSION,
                         ProjectDatabaseError, configure_plots_layer, configure_projects_layer, is_cgcs2000_crs,
                         plots_layer_name, projects_layer_name)
from .workflow.schema import SCHEMA_VERSION as WORKFLOW_SCHEMA_VERSION
from .workflow.schema_pg import OFFICER_ONLY_READS, ensure_workflow_schema_pg, workflow_schema_version_pg
from .review import (DATABASE_ID_KEY, REVIEW_TABLES, SCHEMA_KEY as REVIEW_SCHEMA_KEY,
                     SCHEMA_VERSION as REVIEW_SCHEMA_VERSION, schema_sql as review_schema_sql)

ROLES = ("dg_technician", "dg_reviewer", "dg_officer")
GEOMETRY_COLUMN, KEY_COLUMN = "geom", "fid"


@dataclass
class PgTarget:
    """A resolved target: psycopg2 parameters, a label without password, and a QGIS authcfg id if any."""
    params: dict
    label: str
    authcfg: str = ""
    connection_name: str = ""


def _sql():
    try:
        from psycopg2 import sql
        return sql
    except ImportError as exc:
        raise ProjectDatabaseError("a PostGIS project database needs the Python package psycopg2 "
                                   "(Debian: python3-psycopg2)") from exc


def is_dsn(text):
    text = str(text).strip()
    return text.startswith(("postgresql://", "postgres://")) or "dbname=" in text or "service=" in text


def resolve_target(target):
    """A PgTarget for a PostgreSQL URI / DSN or a QGIS PostgreSQL connection name."""
    if isinstance(target, PgTarget):
        return target
    text = str(target or "").strip()
    if not text:
        raise ProjectDatabaseError("no PostgreSQL connection given")
    if is_dsn(text):
        from psycopg2.extensions import parse_dsn
        try:
            params = parse_dsn(text)
        except Exception as exc:  # noqa: BLE001 - psycopg2 raises ProgrammingError for a malformed DSN
            raise ProjectDatabaseError(f"not a PostgreSQL connection string: {exc}") from exc
        label = "/".join(str(params.get(k, "")) for k in ("host", "port", "dbname")).strip("/")
        return PgTarget(params, label or text)
    try:
        params = qgis_connection_params(text)
    except LedgerStorageError as exc:
        raise ProjectDatabaseError(str(exc)) from exc
    authcfg = QgsSettings().value(f"PostgreSQL/connections/{text}/authcfg", "") or ""
    return PgTarget(params, text, str(authcfg), text)


def public_target(target):
    """What may be stored in a QGIS project: the connection name, or the DSN without its password."""
    if isinstance(target, PgTarget):
        if target.connection_name:
            return target.connection_name
        params = target.params
    elif is_dsn(target):
        params = resolve_target(target).params
    else:
        return str(target).strip()
    from psycopg2.extensions import make_dsn
    return make_dsn(**{k: v for k, v in params.items() if k != "password"})


def _connect(target):
    try:
        return ledger_connect(**target.params)
    except LedgerStorageError as exc:
        raise ProjectDatabaseError(f"{target.label}: {exc}") from exc


def _srid(crs):
    if isinstance(crs, (str, int)):
        crs = QgsCoordinateReferenceSystem(f"EPSG:{crs}" if isinstance(crs, int) else crs)
    if not is_cgcs2000_crs(crs):
        raise ProjectDatabaseError(f"the CRS {crs.authid() or crs.description()} is not CGCS2000 (EPSG:4490 or a "
                                   f"CGCS2000 Gauss-Krüger zone, EPSG:4491–4554)")
    return int(crs.authid().split(":")[1]), crs.authid()


def _column_type(kind, width):
    if kind == ogr.OFTString:
        return f"varchar({int(width)})" if width else "text"
    if kind == ogr.OFTDate:
        return "date"
    if kind == ogr.OFTInteger:
        return "integer"
    if kind == ogr.OFTReal:
        return "double precision"
    raise ProjectDatabaseError(f"no PostgreSQL type for OGR field type {kind}")


def _columns(sql, fields, not_null=("project_code",), defaults=None):
    defaults = defaults or {}
    parts = []
    for name, kind, width, _alias in fields:
        part = sql.SQL("{} {}").format(sql.Identifier(name), sql.SQL(_column_type(kind, width)))
        if name in not_null:
            part = sql.SQL("{} NOT NULL").format(part)
        if name in defaults:
            part = sql.SQL("{} DEFAULT {}").format(part, sql.Literal(defaults[name]))
        parts.append(part)
    return sql.SQL(", ").join(parts)


def _in_list(sql, column, values, allow_null=True):
    test = sql.SQL("{} IN ({})").format(sql.Identifier(column), sql.SQL(", ").join(sql.Literal(v) for v in values))
    if allow_null:
        test = sql.SQL("{} IS NULL OR {}").format(sql.Identifier(column), test)
    return test


def _grade_check(sql, column, default_system):
    parts = [sql.SQL("{} IS NULL").format(sql.Identifier(column))]
    for system in tables.grade_systems().values():
        parts.append(sql.SQL("(coalesce({gs}, {d}) = {s} AND {c} BETWEEN {best} AND {worst})").format(
            gs=sql.Identifier("grade_system"), d=sql.Literal(default_system), s=sql.Literal(system.id),
            c=sql.Identifier(column), best=sql.Literal(system.best), worst=sql.Literal(system.worst)))
    return sql.SQL(" OR ").join(parts)


def _v3_constraints(sql):
    """CHECK constraints of the plot fields schema version 3 added (both grade systems, GDPDJB, GDLX, KCXS)."""
    from .project_db import SYSTEM_FIELDS, SLOPE_LEVEL_TEXT
    parts = []
    for column, system_id in SYSTEM_FIELDS.items():
        system = tables.grade_systems()[system_id]
        parts.append(sql.SQL("CONSTRAINT {n} CHECK ({c} IS NULL OR {c} BETWEEN {best} AND {worst})").format(
            n=sql.Identifier(f"plots_{column}_valid"), c=sql.Identifier(column), best=sql.Literal(system.best),
            worst=sql.Literal(system.worst)))
    parts.append(sql.SQL("CONSTRAINT plots_slope_level_valid CHECK ({})").format(
        _in_list(sql, "slope_level", list(SLOPE_LEVEL_TEXT))))
    parts.append(sql.SQL("CONSTRAINT plots_farmland_type_valid CHECK ({})").format(
        _in_list(sql, "farmland_type", ["TT", "PD"])))
    parts.append(sql.SQL("CONSTRAINT plots_tiankan_coefficient_valid CHECK ({c} IS NULL OR ({c} >= 0 AND {c} < 1))")
                 .format(c=sql.Identifier("tiankan_coefficient")))
    return parts


def _migrate_v2(cursor, schema):
    """Schema version 2 → 3 in the caller's transaction: the new plot columns and their checks."""
    from .project_db import V2_MISSING
    sql = _sql()
    plots = sql.Identifier(schema, PLOTS_LAYER)
    for name, kind, width, _alias in PLOT_FIELDS:
        if name in V2_MISSING:
            cursor.execute(sql.SQL("ALTER TABLE {} ADD COLUMN IF NOT EXISTS {} {}").format(
                plots, sql.Identifier(name), sql.SQL(_column_type(kind, width))))
    for constraint in _v3_constraints(sql):
        cursor.execute(sql.SQL("ALTER TABLE {} ADD {}").format(plots, constraint))
    cursor.execute(sql.SQL("UPDATE {} SET value = %s WHERE key = 'schema_version'").format(
        sql.Identifier(schema, META_TABLE)), (str(SCHEMA_VERSION),))


def migrate_project_database_pg(conninfo, schema):
    """Bring a version-2 PostGIS project schema to the current version in one transaction (as its owner)."""
    import psycopg2
    target = resolve_target(conninfo)
    connection = _connect(target)
    try:
        with connection, connection.cursor() as cursor:
            version = _schema_version(cursor, schema, target.label)
            if version == 2:
                _migrate_v2(cursor, schema)
            return version
    except psycopg2.Error as exc:
        raise ProjectDatabaseError(f"{target.label}: migrating schema {schema} from version 2 failed, nothing was "
                                   f"changed (the schema's owner must do it): {str(exc).strip()}") from exc
    finally:
        connection.close()


def _existing_roles(cursor):
    cursor.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", (list(ROLES),))
    return {row[0] for row in cursor.fetchall()}


def create_project_database_pg(conninfo, schema, crs):
    """Create the project database in a new ``schema`` (one transaction); returns the schema name.

    ``conninfo``: a PostgreSQL URI / DSN or a QGIS connection name; ``crs``: a CGCS2000 CRS (EPSG:4490–4554).
    """
    sql = _sql()
    srid, authid = _srid(crs)
    schema = str(schema or "").strip()
    if not schema:
        raise ProjectDatabaseError("no schema name given")
    target = resolve_target(conninfo)
    classes = list(tables.land_classes())
    statuses = [row["code"] for row in tables.project_codes()["statuses"]]
    systems = list(tables.grade_systems())
    default_system = tables.load_rule_profile().default_grade_system
    s = sql.Identifier(schema)
    projects, plots, meta = (sql.Identifier(schema, name) for name in (PROJECTS_TABLE, PLOTS_LAYER, META_TABLE))
    connection = _connect(target)
    import psycopg2
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute("SELECT to_regtype('geometry') IS NOT NULL, "
                           "EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = %s)", (schema,))
            has_postgis, schema_exists = cursor.fetchone()
            if not has_postgis:
                raise ProjectDatabaseError(f"{target.label}: PostGIS is not installed in this database; ask its "
                                           f"owner to run CREATE EXTENSION postgis")
            if schema_exists:
                raise ProjectDatabaseError(f"{target.label}: the schema {schema} exists already; choose another "
                                           f"name or open it")
            cursor.execute(sql.SQL("CREATE SCHEMA {}").format(s))
            cursor.execute(sql.SQL(
                "CREATE TABLE {t} ({pk} serial PRIMARY KEY, {cols}, "
                "CONSTRAINT projects_code_unique UNIQUE (project_code), "
                "CONSTRAINT projects_status_valid CHECK ({status}))").format(
                t=projects, pk=sql.Identifier(KEY_COLUMN),
                cols=_columns(sql, PROJECT_FIELDS, ("project_code", "status"), {"status": "planned"}),
                status=_in_list(sql, "status", statuses, allow_null=False)))
            cursor.execute(sql.SQL(
                "CREATE TABLE {t} ({pk} serial PRIMARY KEY, {cols}, {g} geometry(MultiPolygon, {srid}), "
                "CONSTRAINT plots_class_before_valid CHECK ({cb}), "
                "CONSTRAINT plots_class_after_valid CHECK ({ca}), "
                "CONSTRAINT plots_grade_system_valid CHECK ({gs}), "
                "CONSTRAINT plots_grade_before_valid CHECK ({gb}), "
                "CONSTRAINT plots_grade_after_valid CHECK ({ga}), {v3})").format(
                t=plots, pk=sql.Identifier(KEY_COLUMN), g=sql.Identifier(GEOMETRY_COLUMN), srid=sql.Literal(srid),
                cols=_columns(sql, PLOT_FIELDS, ("project_code",), {"grade_system": default_system}),
                cb=_in_list(sql, "class_before", classes), ca=_in_list(sql, "class_after", classes),
                gs=_in_list(sql, "grade_system", systems),
                gb=_grade_check(sql, "grade_before", default_system),
                ga=_grade_check(sql, "grade_after", default_system),
                v3=sql.SQL(", ").join(_v3_constraints(sql))))
            cursor.execute(sql.SQL("CREATE INDEX plots_geom_gist ON {} USING gist ({})").format(
                plots, sql.Identifier(GEOMETRY_COLUMN)))
            cursor.execute(sql.SQL("CREATE INDEX plots_project_code ON {} (project_code)").format(plots))
            cursor.execute(sql.SQL("CREATE TABLE {} (key text PRIMARY KEY, value text)").format(meta))
            cursor.execute(sql.SQL("INSERT INTO {} VALUES ('schema_version', %s), ('crs', %s)").format(meta),
                           (str(SCHEMA_VERSION), authid))
            _grant(sql, cursor, schema, _existing_roles(cursor))
            ensure_review_schema_pg(cursor, schema)   # the review tables, with the same roles
            ensure_workflow_schema_pg(cursor, schema)   # workflow tables, profiles, roles and row guards
            # the bookkeeping of take offline / bring back (imported here: core.offline builds on this module)
            from .offline.home_pg import ensure_offline_schema_pg
            ensure_offline_schema_pg(cursor, schema)
    except psycopg2.Error as exc:
        raise ProjectDatabaseError(f"{target.label}: creating schema {schema} failed, nothing was created: "
                                   f"{str(exc).strip()}") from exc
    finally:
        connection.close()
    return schema


# Why triggers and not row policies for the row rules: a policy's USING clause hides the rows it
# refuses, so QGIS would "save" an edit of an accepted plot that silently changed nothing; a trigger
# refuses loudly (SQLSTATE 42501, insufficient_privilege) and the dock shows the database's reason.
# The guards of projects and plots are core.workflow.schema_pg's (driven by the workflow's roles);
# what the reviews' guard does: reviewers (and non-plugin roles) pass, officers only read
_GUARD_START = """
CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF pg_has_role(current_user, 'dg_reviewer', 'MEMBER')
     OR NOT pg_has_role(current_user, 'dg_technician', 'MEMBER') THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
""" + OFFICER_ONLY_READS


def _grant(sql, cursor, schema, roles):
    """Grants to the ledger's roles (the row guards come with the workflow: core.workflow.schema_pg)."""
    if not roles:
        return
    s = sql.Identifier(schema)
    projects, plots, meta = (sql.Identifier(schema, name) for name in (PROJECTS_TABLE, PLOTS_LAYER, META_TABLE))
    everyone = sql.SQL(", ").join(sql.Identifier(r) for r in sorted(roles))
    cursor.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM PUBLIC").format(s))
    cursor.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(s, everyone))
    cursor.execute(sql.SQL("GRANT SELECT ON {}, {}, {} TO {}").format(projects, plots, meta, everyone))
    editors = sql.SQL(", ").join(sql.Identifier(r) for r in ("dg_technician", "dg_reviewer") if r in roles)
    if editors.seq:
        cursor.execute(sql.SQL("GRANT INSERT, UPDATE, DELETE ON {}, {} TO {}").format(projects, plots, editors))
        cursor.execute(sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {} TO {}").format(s, editors))


def _schema_version(cursor, schema, label):
    sql = _sql()
    cursor.execute("SELECT to_regclass(%s), to_regclass(%s), to_regclass(%s)",
                   tuple(sql.Identifier(schema, n).as_string(cursor) for n in (PLOTS_LAYER, PROJECTS_TABLE, META_TABLE)))
    plots, projects, meta = cursor.fetchone()
    if plots is None or projects is None:
        raise ProjectDatabaseError(f"{label}: schema {schema} is not a project database (no '{PLOTS_LAYER}' and "
                                   f"'{PROJECTS_TABLE}' tables)")
    if meta is None:
        raise ProjectDatabaseError(f"{label}: schema {schema} has no {META_TABLE} table (not made by this plugin)")
    cursor.execute(sql.SQL("SELECT value FROM {} WHERE key = 'schema_version'").format(
        sql.Identifier(schema, META_TABLE)))
    row = cursor.fetchone()
    try:
        return int(row[0]) if row else 0
    except ValueError as exc:
        raise ProjectDatabaseError(f"{label}: schema {schema}: schema_version '{row[0]}' is not a number") from exc


def schema_version_pg(conninfo, schema):
    """The schema version stored in ``schema``'s dg_meta table."""
    target = resolve_target(conninfo)
    connection = _connect(target)
    try:
        with connection.cursor() as cursor:
            return _schema_version(cursor, schema, target.label)
    finally:
        connection.rollback()
        connection.close()


def project_schemas(conninfo):
    """The schemas of the database that hold a project database (a dg_meta table beside plots and projects)."""
    target = resolve_target(conninfo)
    connection = _connect(target)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT m.table_schema FROM information_schema.tables m "
                           "JOIN information_schema.tables p ON p.table_schema = m.table_schema AND p.table_name = %s "
                           "WHERE m.table_name = %s ORDER BY 1", (PLOTS_LAYER, META_TABLE))
            return [row[0] for row in cursor.fetchall()]
    finally:
        connection.rollback()
        connection.close()


def has_ledger(conninfo):
    """True when the same database holds the PostGIS reserve ledger (schema dg_ledger)."""
    target = resolve_target(conninfo)
    connection = _connect(target)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass('dg_ledger.journal') IS NOT NULL")
            return bool(cursor.fetchone()[0])
    finally:
        connection.rollback()
        connection.close()


def layer_uri(target, schema, table):
    """The QGIS ``postgres`` data source of ``schema.table``; a saved password only when there is no authcfg."""
    target = resolve_target(target)
    params = target.params
    uri = QgsDataSourceUri()
    if params.get("service"):
        uri.setParam("service", str(params["service"]))
    password = "" if target.authcfg else str(params.get("password", ""))
    uri.setConnection(str(params.get("host", "")), str(params.get("port", "")), str(params.get("dbname", "")),
                      "" if target.authcfg else str(params.get("user", "")), password)
    if params.get("sslmode"):
        uri.setParam("sslmode", str(params["sslmode"]))
    if target.authcfg:
        uri.setAuthConfigId(target.authcfg)
    geometry = GEOMETRY_COLUMN if table == PLOTS_LAYER else None
    uri.setDataSource(schema, table, geometry, "", KEY_COLUMN)
    if geometry:
        # MultiPolygon: QGIS need not scan the table for the geometry type (the enum, not 6: from 3.30 on
        # setWkbType() takes Qgis.WkbType and refuses an int)
        uri.setWkbType(QgsWkbTypes.Type.MultiPolygon)
        # no estimated metadata: PostgreSQL's estimate of a never-analysed table is -1 rows, and the
        # live credits read featureCount()
    return uri.uri(False)


def migrate_workflow_pg(conninfo, schema):
    """Give a schema of the release before the 2024 reform its workflow part, in one transaction.

    Returns the pinned projects (``[(code, profile, reason)]``), or None when nothing was needed.  Only
    the schema's owner can alter its tables: anyone else gets a message saying so, and nothing changes."""
    import psycopg2
    target = resolve_target(conninfo)
    connection = _connect(target)
    try:
        with connection, connection.cursor() as cursor:
            version = workflow_schema_version_pg(cursor, schema)
            if version > WORKFLOW_SCHEMA_VERSION:
                raise ProjectDatabaseError(f"{target.label}: the workflow tables of schema {schema} have version "
                                           f"{version}, newer than this plugin understands "
                                           f"({WORKFLOW_SCHEMA_VERSION}); update the plugin")
            if version == WORKFLOW_SCHEMA_VERSION:
                return None
            return ensure_workflow_schema_pg(cursor, schema)
    except psycopg2.errors.InsufficientPrivilege as exc:
        raise ProjectDatabaseError(
            f"{target.label}: schema {schema} was made by an earlier release and needs the workflow tables of the "
            f"2024 rules; only its owner can add them (open it once as the owner). Nothing was changed. "
            f"({str(exc).strip().splitlines()[0]})") from exc
    except psycopg2.Error as exc:
        raise ProjectDatabaseError(f"{target.label}: upgrading schema {schema} failed, nothing was changed: "
                                   f"{str(exc).strip()}") from exc
    finally:
        connection.close()


def open_project_database_pg(conninfo, schema):
    """Check the schema version and return ``(plots_layer, projects_layer)`` as configured QGIS postgres layers."""
    target = resolve_target(conninfo)
    version = schema_version_pg(target, schema)
    if version == 2:
        migrate_project_database_pg(target, schema)
        version = schema_version_pg(target, schema)
    if version > SCHEMA_VERSION:
        raise ProjectDatabaseError(f"{target.label}: schema {schema} has version {version}, newer than this "
                                   f"plugin understands ({SCHEMA_VERSION}); update the plugin")
    if version < SCHEMA_VERSION:
        raise ProjectDatabaseError(f"{target.label}: schema {schema} has version {version}; PostGIS project "
                                   f"databases start at version 2 and cannot be migrated from {version}")
    migrate_workflow_pg(target, schema)
    plots = QgsVectorLayer(layer_uri(target, schema, PLOTS_LAYER), plots_layer_name(), "postgres")
    projects = QgsVectorLayer(layer_uri(target, schema, PROJECTS_TABLE), projects_layer_name(), "postgres")
    if not plots.isValid() or not projects.isValid():
        raise ProjectDatabaseError(f"{target.label}: QGIS cannot open the plots or projects layer of schema "
                                   f"{schema}")
    configure_plots_layer(plots)
    configure_projects_layer(projects)
    return plots, projects


def same_table(layer, target, schema, table):
    """True when ``layer`` is the postgres layer of ``schema.table`` in the database of ``target``."""
    if layer.providerType() != "postgres":
        return False
    params = resolve_target(target).params
    uri = QgsDataSourceUri(layer.source())
    return (uri.schema() == schema and uri.table() == table and uri.database() == str(params.get("dbname", ""))
            and uri.host() == str(params.get("host", "")) and uri.port() == str(params.get("port", ""))
            and uri.service() == str(params.get("service", "")))


# -- the review tables (core.review) in a PostGIS project schema -------------------------------
REVIEW_WRITERS = ("dg_technician", "dg_reviewer")   # may add rows; no role may change or delete one


def ensure_review_schema_pg(cursor, schema):
    """Create the review tables in the PostGIS project ``schema`` (as its owner) if missing, record
    their version in its dg_meta, and grant them: every plugin role reads, technicians and reviewers
    add rows (officers only read, as in the rest of the project database), and no role may update
    or delete one (the history is kept by the database itself)."""
    from psycopg2 import sql
    for statement in review_schema_sql(lambda table: sql.Identifier(schema, table).as_string(cursor),
                                 serial="bigserial PRIMARY KEY", blob="bytea", real="double precision"):
        cursor.execute(statement)
    meta = sql.Identifier(schema, META_TABLE)
    cursor.execute(sql.SQL("INSERT INTO {} VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")
                   .format(meta), (REVIEW_SCHEMA_KEY, str(REVIEW_SCHEMA_VERSION)))
    cursor.execute(sql.SQL("INSERT INTO {} VALUES (%s, %s) ON CONFLICT (key) DO NOTHING").format(meta),
                   (DATABASE_ID_KEY, uuid.uuid4().hex))
    cursor.execute("SELECT rolname FROM pg_roles WHERE rolname IN ('dg_technician', 'dg_reviewer', 'dg_officer')")
    roles = sorted(row[0] for row in cursor.fetchall())
    if not roles:
        return
    tables = sql.SQL(", ").join(sql.Identifier(schema, table) for table in REVIEW_TABLES)
    cursor.execute(sql.SQL("REVOKE ALL ON {} FROM PUBLIC").format(tables))
    cursor.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(
        tables, sql.SQL(", ").join(sql.Identifier(role) for role in roles)))
    writers = [role for role in REVIEW_WRITERS if role in roles]
    if writers:
        names = sql.SQL(", ").join(sql.Identifier(role) for role in writers)
        cursor.execute(sql.SQL("GRANT INSERT ON {} TO {}").format(tables, names))
        sequences = sql.SQL(", ").join(sql.Identifier(schema, f"{table}_id_seq") for table in REVIEW_TABLES)
        cursor.execute(sql.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(sequences, names))
    if len(roles) == 3:
        # the ledger makes dg_officer a member of dg_technician: the projects' guard (officers only
        # read the project database) keeps it from adding review rows too
        function = sql.Identifier(schema, "guard_reviews")
        body = _GUARD_START.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION") + "  RETURN NEW;\nEND $$"
        cursor.execute(sql.SQL(body).format(function=function))
        for table in REVIEW_TABLES:
            cursor.execute(sql.SQL("DROP TRIGGER IF EXISTS guard_reviews ON {}").format(sql.Identifier(schema, table)))
            cursor.execute(sql.SQL("CREATE TRIGGER guard_reviews BEFORE INSERT ON {} FOR EACH ROW EXECUTE FUNCTION "
                                   "{}()").format(sql.Identifier(schema, table), function))
