# SPDX-License-Identifier: GPL-2.0-or-later
"""Field review records of a PostGIS project database (``PgReviewStore``): the same store as
``core.review.ReviewStore``, on the review tables that ``core.project_db_pg`` creates in the project
schema (with insert-only grants: the database itself keeps the history)."""
import contextlib

from .project_db import ProjectDatabaseError
from .project_db_pg import _connect, ensure_review_schema_pg, resolve_target
from .review import META_TABLE, REVIEWS_TABLE, SCHEMA_KEY, SCHEMA_VERSION, ReviewError, ReviewStore


class _PgConnection:
    """What ReviewStore's SQL asks of a connection, on psycopg2: ``?`` placeholders, rows by name and
    by position."""

    def __init__(self, connection):
        self._connection = connection

    def cursor(self):
        return self._connection.cursor()

    def execute(self, statement, params=()):
        from psycopg2.extras import DictCursor
        cursor = self._connection.cursor(cursor_factory=DictCursor)
        cursor.execute(statement.replace("?", "%s"), tuple(params))
        return cursor


class PgReviewStore(ReviewStore):
    """The review records of a PostGIS project database (``schema`` of the database ``target``: a
    PostgreSQL URI / DSN or a QGIS connection name).  One connection, one transaction per call."""

    def __init__(self, target, schema):
        self.target = resolve_target(target)
        self.schema = str(schema or "").strip()
        self.path = self.label_of(self.target, self.schema)     # what messages name
        self._connection = None
        self._names = {}
        with self._connect() as connection:
            row = connection.execute("SELECT to_regclass(?), to_regclass(?)", (self._t("projects"),
                                                                               self._t(REVIEWS_TABLE))).fetchone()
            if row[0] is None:
                raise ReviewError(f"{self.path}: not a project database (no 'projects' table)")
            if row[1] is None:
                self._create_tables(connection)
            version = connection.execute(f"SELECT value FROM {self._t(META_TABLE)} WHERE key = ?",  # nosec B608  # table names quoted by psycopg2 sql.Identifier (self._t); values bound
                                         (SCHEMA_KEY,)).fetchone()
            if version and int(version[0]) > SCHEMA_VERSION:
                raise ReviewError(f"{self.path}: the review tables have schema version {version[0]}, newer than "
                                  f"this plugin understands ({SCHEMA_VERSION}); update the plugin")

    @staticmethod
    def label_of(target, schema):
        """How a store on ``schema`` of ``target`` names itself (no password)."""
        return f"{resolve_target(target).label} ({str(schema or '').strip()})"

    def _create_tables(self, connection):
        import psycopg2.errors
        try:
            ensure_review_schema_pg(connection.cursor(), self.schema)
        except psycopg2.errors.InsufficientPrivilege as exc:
            raise ReviewError(f"{self.path}: the review tables are missing and this login may not create them; "
                              f"ask the database owner to open the project database once") from exc

    def _t(self, table):
        name = self._names.get(table)
        if name is None:
            from psycopg2 import sql
            name = self._names[table] = sql.Identifier(self.schema, table).as_string(self._raw())
        return name

    def _raw(self):
        if self._connection is None or self._connection.closed:
            try:
                self._connection = _connect(self.target)
            except ProjectDatabaseError as exc:
                raise ReviewError(str(exc)) from exc
        return self._connection

    @contextlib.contextmanager
    def _connect(self):
        import psycopg2
        connection = self._raw()
        try:
            yield _PgConnection(connection)
            connection.commit()
        except psycopg2.Error as exc:
            connection.rollback()
            raise ReviewError(f"{self.path}: {str(exc).strip()}; nothing was changed") from exc
        except BaseException:
            connection.rollback()
            raise

    def _insert(self, connection, table, values):
        columns = list(values)
        return connection.execute(f"INSERT INTO {self._t(table)} ({', '.join(columns)}) VALUES "
                                  f"({', '.join('?' for _ in columns)}) RETURNING id",  # nosec B608  # table names quoted by psycopg2 sql.Identifier (self._t); values bound
                                  [values[c] for c in columns]).fetchone()[0]

    def close(self):
        if self._connection is not None and not self._connection.closed:
            self._connection.close()
        self._connection = None
