# SPDX-License-Identifier: GPL-2.0-or-later
"""The office side of take offline / bring back: a project database as the merge reads and writes it.

``open_home()`` turns what the caller has into a ``Home``: a GeoPackage path (``GpkgHome``) or a
PostGIS project schema (``PgHomeSpec`` → ``home_pg.PgHome``).  The merge's SQL is written once
with ``?`` placeholders and tables named through ``t()``; each backend supplies its connection,
its locking, its geometry columns (GeoPackage blobs / PostGIS geometry, both seen as normal WKB)
and its error messages.
"""
import contextlib
import os
import sqlite3
from dataclasses import dataclass

from ...i18n import tr
from .. import project_db, review
from . import bookkeeping as bk
from .errors import OfflineError
from .gpkg import GeometryError, blob_normal_wkb, connect, make_blob, normal_wkb, refresh_extent, srs_id
from .versions import PlotVersion, canonical_row


@dataclass(frozen=True)
class PgHomeSpec:
    """A PostGIS project database: ``target`` (a QGIS connection name or PostgreSQL URI) and its ``schema``."""
    target: object
    schema: str


def open_home(home):
    """A Home for a GeoPackage path, a PgHomeSpec or a Home."""
    if isinstance(home, Home):
        return home
    if isinstance(home, PgHomeSpec):
        from .home_pg import PgHome
        return PgHome(home.target, home.schema)
    return GpkgHome(home)


def projects_of(home):
    """``[(project_code, project_name)]`` of an office database, in code order (for choosing what to take)."""
    home = open_home(home)
    try:
        with home.reading():
            rows = home.projects(["project_name"])
        return [(code, rows[code].get("project_name")) for code in sorted(rows)]
    finally:
        home.close()


def crs_of(home):
    """The CRS (``EPSG:…``) an office database records in dg_meta, or None."""
    home = open_home(home)
    try:
        with home.reading():
            return home.crs()
    finally:
        home.close()


class Home:
    """What the merge needs of an office database; subclasses supply the connection and the SQL dialect."""

    label = ""
    is_postgis = False
    plots_written = False     # set by the merge's plot writes (a GeoPackage then refreshes its extent)

    # -- backend hooks ------------------------------------------------------------------------
    def t(self, table):
        return table

    def q(self, statement, params=()):
        raise NotImplementedError

    def columns(self, table):
        raise NotImplementedError

    def has_table(self, table):
        raise NotImplementedError

    def insert(self, table, values, key="id"):
        """Insert ``values`` (a dict) and return the new row's ``key``."""
        raise NotImplementedError

    def plot(self, fid, columns):
        raise NotImplementedError

    def write_plot(self, fid, version, columns, insert=False):
        raise NotImplementedError

    def writing(self):
        """A context manager: one transaction holding the write lock; DB errors become OfflineError."""
        raise NotImplementedError

    def ensure_bookkeeping(self):
        raise NotImplementedError

    def finish(self):
        """Whatever the backend must do before the commit (a GeoPackage refreshes its extent)."""

    def close(self):
        """Release the connection (a GeoPackage opens one per transaction)."""

    # -- shared --------------------------------------------------------------------------------
    def meta(self, key):
        row = self.q(f"SELECT value FROM {self.t(project_db.META_TABLE)} WHERE key = ?", (key,)).fetchone()  # nosec B608  # tables from code (self.t), columns from the office's own schema; values bound
        return row[0] if row else None

    @property
    def database_id(self):
        return self.meta(review.DATABASE_ID_KEY)

    def crs(self):
        return self.meta("crs")

    def plot_columns(self):
        return [name for name in self.columns(project_db.PLOTS_LAYER) if name not in ("fid", "geom")]

    def project_columns(self):
        return [name for name in self.columns(project_db.PROJECTS_TABLE) if name != "fid"]

    def delete_plot(self, fid):
        self.plots_written = True
        self.q(f"DELETE FROM {self.t(project_db.PLOTS_LAYER)} WHERE fid = ?", (fid,))  # nosec B608  # tables from code (self.t), columns from the office's own schema; values bound

    def plot_count(self, project_code):
        return self.q(f"SELECT count(*) FROM {self.t(project_db.PLOTS_LAYER)} WHERE project_code = ?",  # nosec B608  # tables from code (self.t), columns from the office's own schema; values bound
                      (project_code,)).fetchone()[0]

    def projects(self, columns):
        """``{project_code: {column: canonical value}}`` of every project."""
        names = ", ".join(["project_code"] + [c for c in columns if c != "project_code"])
        return {row["project_code"]: canonical_row(row, ["project_code"] + list(columns))
                for row in self.q(f"SELECT {names} FROM {self.t(project_db.PROJECTS_TABLE)}")}  # nosec B608  # tables from code (self.t), columns from the office's own schema; values bound

    def project(self, code, columns):
        names = ", ".join(["project_code"] + [c for c in columns if c != "project_code"])
        row = self.q(f"SELECT {names} FROM {self.t(project_db.PROJECTS_TABLE)} WHERE project_code = ?",  # nosec B608  # tables from code (self.t), columns from the office's own schema; values bound
                     (code,)).fetchone()
        return canonical_row(row, ["project_code"] + [c for c in columns if c != "project_code"]) if row else None

    def insert_project(self, values):
        self.insert(project_db.PROJECTS_TABLE, values, key="fid")

    def update_project(self, code, changes):
        if changes:
            self.q(f"UPDATE {self.t(project_db.PROJECTS_TABLE)} SET {', '.join(f'{c} = ?' for c in changes)} "
                   f"WHERE project_code = ?", list(changes.values()) + [code])  # nosec B608  # tables from code (self.t), columns from the office's own schema; values bound

    def delete_project(self, code):
        self.q(f"DELETE FROM {self.t(project_db.PROJECTS_TABLE)} WHERE project_code = ?", (code,))  # nosec B608  # tables from code (self.t), columns from the office's own schema; values bound

    def uuids(self, table):
        if not self.has_table(table):
            return set()
        return {row[0] for row in self.q(f"SELECT uuid FROM {self.t(table)}")}  # nosec B608  # tables from code (self.t), columns from the office's own schema; values bound

    def set_meta(self, key, value):
        raise NotImplementedError


class GpkgHome(Home):
    """A GeoPackage project database; one sqlite3 connection per transaction (``BEGIN IMMEDIATE``)."""

    BUSY_TIMEOUT_S = 30      # how long a write waits for another writer (QGIS saving) to finish

    def __init__(self, path, busy_timeout_s=BUSY_TIMEOUT_S):
        self.path = str(path)
        self.label = self.path
        self.busy_timeout_s = busy_timeout_s
        self.connection = None
        if not os.path.exists(self.path):
            raise OfflineError(tr("{}: project database not found", self.path))
        try:
            project_db.migrate(self.path)
        except project_db.ProjectDatabaseError as exc:
            raise OfflineError(str(exc)) from exc

    def q(self, statement, params=()):
        return self.connection.execute(statement, tuple(params))

    def columns(self, table):
        return [row[1] for row in self.connection.execute(f"PRAGMA table_info({table})")]

    def has_table(self, table):
        return self.connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                       (table,)).fetchone() is not None

    def insert(self, table, values, key="id"):
        names = list(values)
        cursor = self.connection.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES "
                                         f"({', '.join('?' for _ in names)})", [values[n] for n in names])  # nosec B608  # tables from code (self.t), columns from the office's own schema; values bound
        return cursor.lastrowid

    def set_meta(self, key, value):
        self.q(f"INSERT OR REPLACE INTO {project_db.META_TABLE} VALUES (?, ?)", (key, value))

    def plot(self, fid, columns):
        if fid is None:
            return None
        row = self.connection.execute(f"SELECT geom, {', '.join(columns)} FROM plots WHERE fid = ?",  # nosec B608  # tables from code (self.t), columns from the office's own schema; values bound
                                      (fid,)).fetchone()
        if row is None:
            return None
        try:
            wkb = blob_normal_wkb(row["geom"])
        except GeometryError as exc:
            raise OfflineError(tr("{}: table {}, row {}: {}", self.path, "plots", fid, str(exc))) from exc
        return PlotVersion(canonical_row(row, columns), wkb, bytes(row["geom"]) if row["geom"] is not None else None)

    def write_plot(self, fid, version, columns, insert=False):
        self.plots_written = True
        names = [c for c in columns if c in version.attributes]
        blob = version.blob
        if blob is None or blob_normal_wkb(blob) != version.wkb:
            blob = make_blob(version.wkb, self._srs_id())
        values = [blob] + [version.attributes[c] for c in names]
        if insert:
            head = (["fid"] if fid is not None else []) + ["geom"] + names
            cursor = self.q(f"INSERT INTO plots ({', '.join(head)}) VALUES ({', '.join('?' for _ in head)})",  # nosec B608  # tables from code (self.t), columns from the office's own schema; values bound
                            ([fid] if fid is not None else []) + values)
            return cursor.lastrowid
        self.q(f"UPDATE plots SET {', '.join(f'{n} = ?' for n in ['geom'] + names)} WHERE fid = ?", values + [fid])  # nosec B608  # tables from code (self.t), columns from the office's own schema; values bound
        return fid

    def _srs_id(self):
        return srs_id(self.connection, project_db.PLOTS_LAYER)

    def ensure_bookkeeping(self):
        review.ensure_schema(self.connection)
        legacy = self.has_table(bk.LEGACY_MERGE_LOG) and not self.has_table(bk.MERGE_ROWS)
        for statement in bk.home_schema_sql():
            self.q(statement)
        if "database_id" not in self.columns(bk.EXPORTS):
            self.q(f"ALTER TABLE {bk.EXPORTS} ADD COLUMN database_id TEXT")
        if legacy:
            self.q(bk.LEGACY_COPY)
        self.set_meta(bk.SCHEMA_KEY, str(bk.SCHEMA_VERSION))

    def finish(self):
        if self.plots_written:   # an unchanged database stays byte for byte unchanged
            refresh_extent(self.connection, project_db.PLOTS_LAYER)
            self.plots_written = False

    @contextlib.contextmanager
    def writing(self):
        self.connection = connect(self.path)
        self.connection.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_s * 1000)}")
        try:
            try:
                self.connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise OfflineError(tr("{}: the database is busy ({}); save or close the other editor and try "
                                      "again", self.path, exc)) from exc
            try:
                self.ensure_bookkeeping()
                yield self
                self.connection.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                self.connection.execute("ROLLBACK")
                raise OfflineError(tr("{}: the database refused the change ({}); nothing was written",
                                      self.path, exc)) from exc
            except BaseException:
                self.connection.execute("ROLLBACK")
                raise
        finally:
            self.connection.close()
            self.connection = None

    @contextlib.contextmanager
    def reading(self):
        self.connection = connect(self.path)
        try:
            yield self
        except sqlite3.DatabaseError as exc:
            raise OfflineError(tr("{}: the database cannot be read ({})", self.path, exc)) from exc
        finally:
            self.connection.close()
            self.connection = None


def normal_or_error(label, table, row, wkb):
    """Normal WKB of a geometry read from ``label``, or an OfflineError naming table and row."""
    try:
        return normal_wkb(wkb)
    except GeometryError as exc:
        raise OfflineError(tr("{}: table {}, row {}: {}", label, table, row, str(exc))) from exc

