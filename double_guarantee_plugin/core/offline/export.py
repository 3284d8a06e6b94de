# SPDX-License-Identifier: GPL-2.0-or-later
"""Take offline: write chosen projects of an office database into one GeoPackage for a field laptop.

The package is a project database (same schema and CRS) holding the projects, their plots and
review records, the constraint layers clipped around them, and what the merge needs later: the
exported versions (``dg_offline_base``, ``dg_offline_project_base``, ``dg_offline_review_base``),
its own id, and the identity of the database it came from.  From a GeoPackage the package starts as
a consistent copy (SQLite's backup API) pruned to the chosen projects; from PostGIS it is a new
project database filled from one snapshot.  It is written beside its target and moved into place at
the end; the export is then recorded in the office's ``dg_offline_exports`` (a package whose
record cannot be written is removed again), so a failure or a cancel leaves no package behind.
"""
import hashlib
import os
import sqlite3
import uuid
from dataclasses import dataclass

from ...i18n import tr
from .. import project_db, review
from . import bookkeeping as bk
from .clip import clip_area, clip_layer, open_constraint, srs_of
from .errors import OfflineError, report
from .gpkg import connect, geometry_wkb, make_blob, refresh_extent, srs_id
from .home import open_home
from .versions import to_json

DEFAULT_CONSTRAINTS = ("basic_farmland", "red_line", "slope")
DEFAULT_MARGIN_M = 200.0
# what a PostgreSQL column becomes in the package (SQLite type names OGR understands)
_SQLITE_TYPES = {"integer": "INTEGER", "bigint": "INTEGER", "smallint": "INTEGER", "boolean": "BOOLEAN",
                 "double precision": "REAL", "real": "REAL", "numeric": "REAL", "date": "DATE",
                 "timestamp without time zone": "DATETIME", "timestamp with time zone": "DATETIME",
                 "bytea": "BLOB"}


@dataclass
class ExportResult:
    package_id: str
    path: str
    project_codes: list
    plot_count: int
    review_counts: dict
    constraint_counts: dict


def export_offline(home, project_codes, package_path, constraints=None, margin_m=DEFAULT_MARGIN_M,
                   exported_by=None, feedback=None):
    """Write an offline package of ``project_codes`` to ``package_path``; returns an ExportResult.

    ``home``: a GeoPackage path or a ``PgHomeSpec``; ``constraints``: ``{name: 'path|layername=layer'}``
    of the constraint layers to clip (an empty dict for none).
    """
    package_path = str(package_path)
    constraints = dict(constraints or {})
    project_codes = list(dict.fromkeys(project_codes))
    if not project_codes:
        raise OfflineError(tr("choose at least one project to take offline"))
    home = open_home(home)
    try:
        if not home.is_postgis and os.path.abspath(home.path) == os.path.abspath(package_path):
            raise OfflineError(tr("{}: the package cannot overwrite its own project database", package_path))
        with home.writing():                # the bookkeeping tables and the database's identity exist
            known = set(home.projects([]))
            crs, origin_id = home.crs(), home.database_id
        missing = [code for code in project_codes if code not in known]
        if missing:
            raise OfflineError(tr("{}: no project {}", home.label, ", ".join(missing)))
        if not crs:
            raise OfflineError(tr("{}: the database does not record its CRS in dg_meta", home.label))
        opened = {name: open_constraint(name, source) for name, source in constraints.items()}
        report(feedback, 5)
        part = os.path.splitext(package_path)[0] + ".part.gpkg"   # GDAL wants the .gpkg extension
        remove_database(part)
        package_id = uuid.uuid4().hex
        try:
            if home.is_postgis:
                columns = _write_from_postgis(home, part, project_codes, crs)
            else:
                columns = _write_from_geopackage(home.path, part, project_codes)
            report(feedback, 15)
            plot_count, review_counts = _write_bookkeeping(part, columns, {
                "offline_package_id": package_id, "origin_database_id": origin_id, "origin_path": home.label,
                "origin_backend": "postgis" if home.is_postgis else "gpkg", "exported_at": review.now_utc(),
                "exported_by": exported_by or "", "project_codes": to_json(project_codes),
                bk.SCHEMA_KEY: str(bk.SCHEMA_VERSION)})
            report(feedback, 30)
            constraint_counts = _clip_constraints(part, opened, constraints, project_codes, margin_m, crs, feedback)
            report(feedback, 95)
            for suffix in ("-wal", "-shm", "-journal"):
                # a stale log of an older package at this path would be replayed into the new one
                if os.path.exists(package_path + suffix):
                    os.remove(package_path + suffix)
            os.replace(part, package_path)
        except sqlite3.DatabaseError as exc:
            remove_database(part)
            raise OfflineError(tr("{}: the package could not be written ({}); nothing was written",
                                  package_path, exc)) from exc
        except BaseException:
            remove_database(part)
            raise
        try:
            with home.writing():
                home.insert(bk.EXPORTS, {"package_id": package_id, "exported_at": review.now_utc(),
                                         "exported_by": exported_by, "package_path": os.path.abspath(package_path),
                                         "project_codes": to_json(project_codes), "plot_count": plot_count,
                                         "database_id": origin_id}, key="package_id")
        except BaseException:
            remove_database(package_path)   # a package the office has no record of could never come back
            raise
    finally:
        home.close()
    if feedback is not None:
        feedback.setProgress(100)
    return ExportResult(package_id, package_path, project_codes, plot_count, review_counts, constraint_counts)


def remove_database(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def _write_from_geopackage(home_path, part, project_codes):
    """A consistent copy of the office GeoPackage pruned to ``project_codes``; returns its plot columns."""
    # SQLite's backup API copies a consistent state even while QGIS has the database open (in WAL
    # mode); styles, schema and field configuration come along unchanged
    source, target = sqlite3.connect(home_path), sqlite3.connect(part)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    connection = connect(part)
    try:
        connection.execute("BEGIN IMMEDIATE")
        marks = ", ".join("?" for _ in project_codes)
        for table in (project_db.PLOTS_LAYER, project_db.PROJECTS_TABLE) + review.REVIEW_TABLES:
            connection.execute(f"DELETE FROM {table} WHERE project_code NOT IN ({marks})", project_codes)  # nosec B608  # tables are code constants, columns from the office's own schema (PRAGMA/information_schema); values bound
        for table in bk.HOME_TABLES + bk.PACKAGE_TABLES + (bk.LEGACY_MERGE_LOG,):
            connection.execute(f"DROP TABLE IF EXISTS {table}")   # the office's bookkeeping stays at the office
        connection.execute("COMMIT")
        return [row[1] for row in connection.execute(f"PRAGMA table_info({project_db.PLOTS_LAYER})")
                if row[1] not in ("fid", "geom")]
    finally:
        connection.close()


def _write_from_postgis(home, part, project_codes, crs):
    """A new project database at ``part`` filled from one snapshot of the PostGIS schema; returns the plot
    columns the office has (the package may have more: they are not part of the merge)."""
    project_db.create_project_database(part, crs)
    with home.reading():
        project_columns, plot_columns = home.project_columns(), home.plot_columns()
        types = {table: home.column_types(table) for table in (project_db.PROJECTS_TABLE, project_db.PLOTS_LAYER)}
        projects = [dict(row) for row in home.q(
            f"SELECT {', '.join(project_columns)} FROM {home.t(project_db.PROJECTS_TABLE)} "
            f"WHERE project_code = ANY(?) ORDER BY project_code", (project_codes,))]  # nosec B608  # tables are code constants, columns from the office's own schema (PRAGMA/information_schema); values bound
        plots = home.plot_rows(plot_columns, "project_code = ANY(?)", (project_codes,))
        reviews = {}
        for table in review.REVIEW_TABLES:
            if home.has_table(table):
                columns = [name for name in home.columns(table) if name != "id"]
                reviews[table] = (columns, [tuple(row) for row in home.q(
                    f"SELECT {', '.join(columns)} FROM {home.t(table)} WHERE project_code = ANY(?) ORDER BY id",  # nosec B608  # tables are code constants, columns from the office's own schema (PRAGMA/information_schema); values bound
                    (project_codes,))])
    connection = connect(part)
    try:
        connection.execute("BEGIN IMMEDIATE")
        review.ensure_schema(connection)
        for table, columns in ((project_db.PROJECTS_TABLE, project_columns), (project_db.PLOTS_LAYER, plot_columns)):
            present = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
            for name in columns:
                if name not in present:   # a column the office added: it travels with the package
                    connection.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" '
                                       f'{_SQLITE_TYPES.get(types[table].get(name), "TEXT")}')
        _insert_rows(connection, project_db.PROJECTS_TABLE, project_columns,
                     [[_sqlite_value(row[name]) for name in project_columns] for row in projects])
        srs = srs_id(connection, project_db.PLOTS_LAYER)
        _insert_rows(connection, project_db.PLOTS_LAYER, ["fid", "geom"] + plot_columns,
                     [[fid, make_blob(version.wkb, srs)] + [version.attributes[name] for name in plot_columns]
                      for fid, version in plots.items()])
        for table, (columns, rows) in reviews.items():
            present = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
            kept = [index for index, name in enumerate(columns) if name in present]
            _insert_rows(connection, table, [columns[i] for i in kept],
                         [[_sqlite_value(row[i]) for i in kept] for row in rows])
        connection.execute("COMMIT")
    finally:
        connection.close()
    return plot_columns


def _insert_rows(connection, table, columns, rows):
    if rows:
        connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                               f"({', '.join('?' for _ in columns)})", rows)  # nosec B608  # tables are code constants, columns from the office's own schema (PRAGMA/information_schema); values bound


def _sqlite_value(value):
    from .versions import canonical
    if isinstance(value, memoryview):
        return bytes(value)
    return value if isinstance(value, (bytes, str, int, float, type(None))) else canonical(value)


def _write_bookkeeping(part, plot_columns, meta):
    """The exported versions, the package's own id and its metadata; returns (plot count, review counts)."""
    connection = connect(part)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(f"DELETE FROM {project_db.META_TABLE} WHERE key = ?", (review.DATABASE_ID_KEY,))  # nosec B608  # tables are code constants, columns from the office's own schema (PRAGMA/information_schema); values bound
        review.ensure_schema(connection)   # the package gets its own database id
        for statement in bk.PACKAGE_SCHEMA:
            connection.execute(statement)
        names = ", ".join(["fid", "geom"] + plot_columns)
        for row in connection.execute(f"SELECT {names} FROM {project_db.PLOTS_LAYER} ORDER BY fid").fetchall():  # nosec B608  # tables are code constants, columns from the office's own schema (PRAGMA/information_schema); values bound
            attributes = {name: row[name] for name in plot_columns}
            wkb = geometry_wkb(row["geom"])
            digest = hashlib.sha256(to_json(attributes).encode("utf-8"))
            digest.update(b"|" + (wkb if wkb is not None else b"NULL"))
            connection.execute(f"INSERT INTO {bk.BASE} VALUES (?, ?, ?, ?, ?, ?)",  # nosec B608  # tables are code constants, columns from the office's own schema (PRAGMA/information_schema); values bound
                               (row["fid"], row["project_code"], row["plot_code"], digest.hexdigest(), row["geom"],
                                to_json(attributes)))
        project_columns = [row[1] for row in connection.execute(f"PRAGMA table_info({project_db.PROJECTS_TABLE})")
                           if row[1] != "fid"]
        for row in connection.execute(f"SELECT {', '.join(project_columns)} FROM "
                                      f"{project_db.PROJECTS_TABLE}").fetchall():  # nosec B608  # tables are code constants, columns from the office's own schema (PRAGMA/information_schema); values bound
            connection.execute(f"INSERT INTO {bk.PROJECT_BASE} VALUES (?, ?)",  # nosec B608  # tables are code constants, columns from the office's own schema (PRAGMA/information_schema); values bound
                               (row["project_code"], to_json(dict(zip(project_columns, tuple(row))))))
        review_counts = {}
        for table in review.REVIEW_TABLES:
            cursor = connection.execute(f"INSERT INTO {bk.REVIEW_BASE} SELECT ?, uuid FROM {table}", (table,))  # nosec B608  # tables are code constants, columns from the office's own schema (PRAGMA/information_schema); values bound
            review_counts[table] = cursor.rowcount
        for key, value in meta.items():
            connection.execute(f"INSERT OR REPLACE INTO {project_db.META_TABLE} VALUES (?, ?)", (key, value))
        refresh_extent(connection, project_db.PLOTS_LAYER)
        plot_count = connection.execute(f"SELECT count(*) FROM {project_db.PLOTS_LAYER}").fetchone()[0]  # nosec B608  # tables are code constants, columns from the office's own schema (PRAGMA/information_schema); values bound
        connection.execute("COMMIT")
        connection.execute("VACUUM")   # drop the pages of what was not exported (photos can be large)
    finally:
        connection.close()
    return plot_count, review_counts


def _clip_constraints(part, opened, constraints, project_codes, margin_m, crs, feedback):
    from osgeo import ogr
    counts = {}
    if not opened:
        return counts
    area = clip_area(part, project_codes, margin_m)
    target_srs = srs_of(crs)
    package = ogr.Open(part, 1)
    try:
        for position, (name, (_dataset, layer)) in enumerate(opened.items()):
            counts[name] = clip_layer(package, name, layer, area, target_srs)
            with sqlite3.connect(part) as meta:
                source_srs = layer.GetSpatialRef()
                meta.execute(f"INSERT INTO {bk.CONSTRAINTS} VALUES (?, ?, ?, ?, ?)",  # nosec B608  # tables are code constants, columns from the office's own schema (PRAGMA/information_schema); values bound
                             (name, str(constraints[name]),
                              f"{source_srs.GetAuthorityName(None)}:{source_srs.GetAuthorityCode(None)}",
                              counts[name], margin_m))
            report(feedback, 30 + int(60 * (position + 1) / len(opened)))
    finally:
        # OGR finishes the package when its dataset goes: before the file is moved, or removed after a cancel
        package = None
        opened.clear()      # and closes the constraint sources
    return counts
