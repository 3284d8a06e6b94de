# SPDX-License-Identifier: GPL-2.0-or-later
"""A PostGIS project schema as the office side of take offline / bring back (``home.Home`` on psycopg2).

One connection; ``writing()`` is one transaction that first locks the projects, plots and
bookkeeping tables (SHARE ROW EXCLUSIVE: other readers go on, a second merge or an editor's save
waits), so what the merge read is what it overwrites.  The database's own grants and triggers
stay in force: a technician's bring-back that would change an accepted project is refused by the
database, and then nothing is written.  The bookkeeping tables are created with the schema
(``ensure_offline_schema_pg``) or, for an older schema, when its owner first takes a package.
"""
import contextlib

from ...i18n import tr
from .. import project_db
from ..project_db_pg import _GUARD_START, REVIEW_WRITERS, ROLES, _connect, resolve_target
from . import bookkeeping as bk
from .errors import OfflineError
from .home import Home, normal_or_error
from .versions import PlotVersion, canonical_row

LOCK_TIMEOUT = "15s"


def ensure_offline_schema_pg(cursor, schema):
    """Create the bookkeeping tables in the project ``schema`` (as its owner) and grant them: every plugin
    role reads; technicians and reviewers add and update rows (officers only read, by the guard that
    keeps them from the review tables); nobody deletes."""
    from psycopg2 import sql
    for statement in bk.home_schema_sql(lambda table: sql.Identifier(schema, table).as_string(cursor),
                                        serial="bigserial PRIMARY KEY", blob="bytea"):
        cursor.execute(statement)
    meta = sql.Identifier(schema, project_db.META_TABLE)
    cursor.execute(sql.SQL("INSERT INTO {} VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")
                   .format(meta), (bk.SCHEMA_KEY, str(bk.SCHEMA_VERSION)))
    cursor.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", (list(ROLES),))
    roles = sorted(row[0] for row in cursor.fetchall())
    if not roles:
        return
    tables = sql.SQL(", ").join(sql.Identifier(schema, table) for table in bk.HOME_TABLES)
    cursor.execute(sql.SQL("REVOKE ALL ON {} FROM PUBLIC").format(tables))
    cursor.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(
        tables, sql.SQL(", ").join(sql.Identifier(role) for role in roles)))
    writers = [role for role in REVIEW_WRITERS if role in roles]
    if writers:
        names = sql.SQL(", ").join(sql.Identifier(role) for role in writers)
        cursor.execute(sql.SQL("GRANT INSERT, UPDATE ON {} TO {}").format(tables, names))
        sequences = sql.SQL(", ").join(sql.Identifier(schema, f"{table}_id_seq") for table in bk.HOME_TABLES
                                       if table != bk.EXPORTS)
        cursor.execute(sql.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(sequences, names))
    if len(roles) == len(ROLES):
        function = sql.Identifier(schema, "guard_offline")
        body = _GUARD_START.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION") + "  RETURN NEW;\nEND $$"
        cursor.execute(sql.SQL(body).format(function=function))
        for table in bk.HOME_TABLES:
            name = sql.Identifier(schema, table)
            cursor.execute(sql.SQL("DROP TRIGGER IF EXISTS guard_offline ON {}").format(name))
            cursor.execute(sql.SQL("CREATE TRIGGER guard_offline BEFORE INSERT OR UPDATE ON {} FOR EACH ROW "
                                   "EXECUTE FUNCTION {}()").format(name, function))


class PgHome(Home):
    """The project ``schema`` of the PostGIS database ``target``."""

    is_postgis = True

    def __init__(self, target, schema):
        try:
            self.target = resolve_target(target)
        except project_db.ProjectDatabaseError as exc:
            raise OfflineError(str(exc)) from exc
        self.schema = str(schema or "").strip()
        self.label = f"{self.target.label} ({self.schema})"
        self.connection = None
        self._names, self._columns, self._srid = {}, {}, None

    def _connection(self):
        if self.connection is None or self.connection.closed:
            try:
                self.connection = _connect(self.target)
            except project_db.ProjectDatabaseError as exc:
                raise OfflineError(str(exc)) from exc
        return self.connection

    def close(self):
        if self.connection is not None and not self.connection.closed:
            self.connection.close()
        self.connection = None

    def t(self, table):
        name = self._names.get(table)
        if name is None:
            from psycopg2 import sql
            name = self._names[table] = sql.Identifier(self.schema, table).as_string(self._connection())
        return name

    def q(self, statement, params=()):
        from psycopg2.extras import DictCursor
        import psycopg2
        cursor = self._connection().cursor(cursor_factory=DictCursor)
        cursor.execute(statement.replace("?", "%s"),
                       tuple(psycopg2.Binary(p) if isinstance(p, (bytes, bytearray)) else p for p in params))
        return cursor

    def columns(self, table):
        if table not in self._columns:
            self._columns[table] = [row[0] for row in self.q(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
                "ORDER BY ordinal_position", (self.schema, table))]
        return self._columns[table]

    def column_types(self, table):
        """``{column: PostgreSQL data type}`` (for the package's columns of the same name)."""
        return {row[0]: row[1] for row in self.q(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ? AND "
            "table_name = ?", (self.schema, table))}

    def has_table(self, table):
        return self.q("SELECT to_regclass(?) IS NOT NULL", (self.t(table),)).fetchone()[0]

    def insert(self, table, values, key="id"):
        names = list(values)
        return self.q(f"INSERT INTO {self.t(table)} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)}) "
                      f"RETURNING {key}", [values[n] for n in names]).fetchone()[0]  # nosec B608  # tables quoted by psycopg2 sql.Identifier (self.t), columns from the office's own schema; values bound

    def set_meta(self, key, value):
        self.q(f"INSERT INTO {self.t(project_db.META_TABLE)} VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
               f"value = EXCLUDED.value", (key, value))  # nosec B608  # tables quoted by psycopg2 sql.Identifier (self.t), columns from the office's own schema; values bound

    def srid(self):
        if self._srid is None:
            self._srid = self.q("SELECT Find_SRID(?, ?, 'geom')", (self.schema, project_db.PLOTS_LAYER)).fetchone()[0]
        return self._srid

    def plot_rows(self, columns, where="", params=()):
        """``{fid: PlotVersion}`` of the plots matching ``where`` (SQL after WHERE, ``?`` placeholders)."""
        names = ", ".join(columns)
        rows = self.q(f"SELECT fid, ST_AsBinary(geom, 'NDR') AS wkb{', ' if names else ''}{names} FROM "
                      f"{self.t(project_db.PLOTS_LAYER)}" + (f" WHERE {where}" if where else "") + " ORDER BY fid",  # nosec B608  # tables quoted by psycopg2 sql.Identifier (self.t), columns from the office's own schema; values bound
                      params)
        return {row["fid"]: PlotVersion(canonical_row(row, columns), normal_or_error(
            self.label, project_db.PLOTS_LAYER, row["fid"], row["wkb"])) for row in rows}

    def plot(self, fid, columns):
        if fid is None:
            return None
        return self.plot_rows(columns, "fid = ?", (fid,)).get(fid)

    def write_plot(self, fid, version, columns, insert=False):
        names = [c for c in columns if c in version.attributes]
        values = [version.wkb] + [version.attributes[c] for c in names]
        geometry = f"ST_GeomFromWKB(?, {int(self.srid())})"
        if insert:
            head = (["fid"] if fid is not None else []) + ["geom"] + names
            marks = (["?"] if fid is not None else []) + [geometry] + ["?"] * len(names)
            return self.q(f"INSERT INTO {self.t(project_db.PLOTS_LAYER)} ({', '.join(head)}) VALUES "
                          f"({', '.join(marks)}) RETURNING fid",  # nosec B608  # table quoted by sql.Identifier (self.t), columns from the office's schema, SRID an int(); values bound
                          ([fid] if fid is not None else []) + values).fetchone()[0]
        sets = [f"geom = {geometry}"] + [f"{n} = ?" for n in names]
        self.q(f"UPDATE {self.t(project_db.PLOTS_LAYER)} SET {', '.join(sets)} WHERE fid = ?", values + [fid])  # nosec B608  # table quoted by sql.Identifier (self.t), columns from the office's schema, SRID an int(); values bound
        return fid

    def ensure_bookkeeping(self):
        """Create the bookkeeping tables if missing (only the schema's owner may)."""
        if all(self.has_table(table) for table in bk.HOME_TABLES):
            return
        import psycopg2.errors
        try:
            with self._connection().cursor() as cursor:
                cursor.execute("SAVEPOINT dg_offline_schema")
                ensure_offline_schema_pg(cursor, self.schema)
                cursor.execute("RELEASE SAVEPOINT dg_offline_schema")
        except psycopg2.errors.InsufficientPrivilege as exc:
            raise OfflineError(tr("{}: the tables of take offline / bring back are missing and this login may not "
                                  "create them; ask the database owner to take a package once", self.label)) from exc
        self._columns.clear()

    def _lock(self):
        import psycopg2.errors
        names = ", ".join(self.t(table) for table in (project_db.PROJECTS_TABLE, project_db.PLOTS_LAYER)
                          + bk.HOME_TABLES)
        try:
            self.q(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
            self.q(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE")
        except psycopg2.errors.LockNotAvailable as exc:
            raise OfflineError(tr("{}: the database is busy (another save or merge holds it); try again",
                                  self.label)) from exc

    @contextlib.contextmanager
    def writing(self):
        """One transaction with the tables locked; every PostgreSQL error becomes an OfflineError."""
        import psycopg2
        connection = self._connection()
        try:
            self.q("SELECT 1")          # opens the transaction before the bookkeeping tables are looked at
            self.ensure_bookkeeping()
            self._lock()
            yield self
            connection.commit()
        except psycopg2.Error as exc:
            connection.rollback()
            raise OfflineError(tr("{}: the database refused the change ({}); nothing was written", self.label,
                                  str(exc).strip())) from exc
        except BaseException:
            connection.rollback()
            raise

    @contextlib.contextmanager
    def reading(self):
        """One read-only snapshot (REPEATABLE READ) of the schema."""
        import psycopg2
        connection = self._connection()
        try:
            self.q("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield self
            connection.rollback()
        except psycopg2.Error as exc:
            connection.rollback()
            raise OfflineError(tr("{}: the database cannot be read ({})", self.label, str(exc).strip())) from exc
        except BaseException:
            connection.rollback()
            raise
