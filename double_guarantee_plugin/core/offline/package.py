# SPDX-License-Identifier: GPL-2.0-or-later
"""Reading an offline package, checked whole before a bring-back writes anything.

``read_package()`` opens the package (plain sqlite3, read only in effect), runs SQLite's integrity
check, and checks its metadata, its tables and columns against what was exported, every plot
geometry, the exported versions against their hashes, the values of every row the field changed,
the review records' uuids and every photo's bytes against its SHA-256.  Any finding refuses the
package with one message naming the file, the table and the row; nothing is read half.
Photo contents stay in the file (``photo_content()`` fetches them one at a time during the merge).
"""
import hashlib
import json
import os
import sqlite3
import struct
from dataclasses import dataclass, field

from osgeo import ogr

from ...i18n import tr
from .. import project_db, review, tables
from . import bookkeeping as bk
from .errors import OfflineError, problem, refused
from .gpkg import GeometryError, blob_normal_wkb, geometry_wkb
from .versions import PlotVersion, canonical, canonical_row, to_json

OFFICE_STATUSES = ("accepted", "filed")
REQUIRED_META = ("offline_package_id", "origin_database_id", "project_codes")
# the columns a review table must have for its rows to be merged (the NOT NULL ones of core.review)
REVIEW_REQUIRED = {
    review.REVIEWS_TABLE: ("uuid", "project_code", "verdict", "reviewer", "reviewed_at"),
    review.PHOTOS_TABLE: ("uuid", "project_code", "file_name", "sha256", "content", "added_at"),
    review.POINTS_TABLE: ("uuid", "project_code", "source_file", "x", "y", "inside", "imported_at"),
}
INTEGER_PLOT_COLUMNS = {name for name, kind, *_rest in project_db.PLOT_FIELDS if kind == ogr.OFTInteger}


def _columns_sql(names):
    """The package's own column names as quoted SQL identifiers: the package comes from outside the office, and
    a column named, say, ``a, 1 AS plot_code`` must stay one column instead of becoming SQL."""
    return ", ".join('"' + str(name).replace('"', '""') + '"' for name in names)


@dataclass
class Package:
    """What a bring-back merges: the package's rows, as checked, with the versions as exported."""
    path: str
    meta: dict
    plot_columns: list = field(default_factory=list)
    plots: dict = field(default_factory=dict)            # fid → PlotVersion
    base: dict = field(default_factory=dict)             # fid → PlotVersion as exported
    project_columns: list = field(default_factory=list)
    projects: dict = field(default_factory=dict)         # project_code → {column: value}
    project_base: dict = None                            # project_code → {column: value}; None: older package
    review_columns: dict = field(default_factory=dict)   # table → [columns]
    review_rows: dict = field(default_factory=dict)      # table → [{column: value}] (photos without content)
    review_base: dict = None                             # table → {uuid}; None: older package

    @property
    def package_id(self):
        return self.meta["offline_package_id"]

    @property
    def origin_id(self):
        return self.meta.get("origin_database_id")

    def photo_content(self, photo_uuid):
        """The bytes of one photo, checked against its hash again (the file may have changed since)."""
        with _open(self.path) as connection:
            row = connection.execute(f"SELECT content, sha256, file_name FROM {review.PHOTOS_TABLE} WHERE uuid = ?",  # nosec B608  # table names are code constants, the package's column names quoted by _columns_sql(); values bound
                                     (photo_uuid,)).fetchone()
        content = bytes(row["content"]) if row is not None and row["content"] is not None else b""
        if row is None or hashlib.sha256(content).hexdigest() != row["sha256"]:
            raise refused(self.path, [problem(review.PHOTOS_TABLE, photo_uuid, tr(
                "the photo changed while it was being merged"))])
        return content


class _open:
    """A plain sqlite3 connection to the package; nothing here writes to it (a package QGIS left in WAL
    mode may need its -shm file created, which a read-only open could not)."""

    def __init__(self, path):
        self.path = path

    def __enter__(self):
        self.connection = sqlite3.connect(self.path, timeout=30)
        self.connection.row_factory = sqlite3.Row
        return self.connection

    def __exit__(self, *exc):
        self.connection.close()


def package_info(package_path):
    """The package's metadata (id, origin, projects, time); OfflineError if it is not a readable package."""
    package_path = str(package_path)
    if not os.path.exists(package_path):
        raise OfflineError(tr("{}: offline package not found", package_path))
    try:
        with _open(package_path) as connection:
            return _meta(connection, package_path)
    except sqlite3.DatabaseError as exc:
        raise OfflineError(tr("{}: not a readable GeoPackage ({})", package_path, exc)) from exc


def _meta(connection, path):
    if not connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (project_db.META_TABLE,)).fetchone():
        raise OfflineError(tr("{}: not an offline package (it has no {} table)", path, project_db.META_TABLE))
    rows = {row[0]: row[1] for row in connection.execute(f"SELECT key, value FROM {project_db.META_TABLE}")}  # nosec B608  # table names are code constants, the package's column names quoted by _columns_sql(); values bound
    if "offline_package_id" not in rows:
        raise OfflineError(tr("{}: not an offline package (no offline_package_id in {})", path,
                              project_db.META_TABLE))
    missing = [key for key in REQUIRED_META if not rows.get(key)]
    if missing:
        raise refused(path, [problem(project_db.META_TABLE, key, tr("the value is missing")) for key in missing])
    try:
        codes = json.loads(rows["project_codes"])
    except ValueError:
        codes = None
    if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
        raise refused(path, [problem(project_db.META_TABLE, "project_codes", tr("not a list of project codes"))])
    rows["project_codes"] = codes
    version = rows.get(bk.SCHEMA_KEY) or "1"
    if not version.isdigit() or int(version) > bk.SCHEMA_VERSION:
        raise refused(path, [problem(project_db.META_TABLE, bk.SCHEMA_KEY, tr(
            "package version {} is newer than this plugin understands ({}); update the plugin", version,
            bk.SCHEMA_VERSION))])
    return rows


def read_package(package_path):
    """The checked Package at ``package_path``; OfflineError naming file, table and row if anything is wrong."""
    package_path = str(package_path)
    info = package_info(package_path)
    try:
        with _open(package_path) as connection:
            return _Reader(connection, package_path, info).read()
    except sqlite3.DatabaseError as exc:
        raise refused(package_path, [tr("the file cannot be read ({})", exc)]) from exc


class _Reader:
    def __init__(self, connection, path, meta):
        self.connection, self.path = connection, path
        self.package = Package(path, meta)
        self.problems = []

    def fail_if_problems(self):
        if self.problems:
            raise refused(self.path, self.problems)

    def table_columns(self, table):
        return [row[1] for row in self.connection.execute(f"PRAGMA table_info({table})")]

    def has_table(self, table):
        return self.connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                       (table,)).fetchone() is not None

    def read(self):
        integrity = [row[0] for row in self.connection.execute("PRAGMA integrity_check(20)")]
        if integrity != ["ok"]:
            raise refused(self.path, [tr("the file is damaged (SQLite integrity check: {})", line)
                                      for line in integrity])
        for table in (project_db.PLOTS_LAYER, project_db.PROJECTS_TABLE, bk.BASE):
            if not self.has_table(table):
                self.problems.append(problem(table, "-", tr("the table is missing")))
        self.fail_if_problems()
        self._read_base()
        self._read_plots()
        self._read_projects()
        self._read_reviews()
        self.fail_if_problems()
        return self.package

    # -- plots ---------------------------------------------------------------------------------
    def _read_base(self):
        base_columns = set()
        for row in self.connection.execute(f"SELECT * FROM {bk.BASE} ORDER BY fid"):  # nosec B608  # table names are code constants, the package's column names quoted by _columns_sql(); values bound
            fid = row["fid"]
            try:
                attributes = json.loads(row["attributes"])
                if not isinstance(attributes, dict):
                    raise ValueError
            except (TypeError, ValueError):
                self.problems.append(problem(bk.BASE, fid, tr("the exported attributes are not readable")))
                continue
            try:
                raw = geometry_wkb(row["geom"])
                wkb = blob_normal_wkb(row["geom"])
            except (GeometryError, struct.error) as exc:
                self.problems.append(problem(bk.BASE, fid, tr("the exported geometry: {}", _text(exc))))
                continue
            digest = hashlib.sha256(to_json(attributes).encode("utf-8"))
            digest.update(b"|" + (raw if raw is not None else b"NULL"))
            if digest.hexdigest() != row["plot_hash"]:
                self.problems.append(problem(bk.BASE, fid, tr("the exported version does not match its hash")))
                continue
            base_columns.update(attributes)
            self.package.base[fid] = PlotVersion({k: canonical(v) for k, v in attributes.items()}, wkb)
        self.base_columns = base_columns

    def _read_plots(self):
        columns = self.table_columns(project_db.PLOTS_LAYER)
        missing = [name for name in ["fid", "geom", "project_code", "plot_code"] + sorted(self.base_columns)
                   if name not in columns]
        for name in dict.fromkeys(missing):
            self.problems.append(problem(project_db.PLOTS_LAYER, "-", tr(
                "column {} is missing (it was taken offline with the package)", name)))
        if missing:
            self.fail_if_problems()
        self.package.plot_columns = [name for name in columns if name not in ("fid", "geom")]
        attributes = self.package.plot_columns
        classes, systems = tables.land_classes(), tables.grade_systems()
        default_system = tables.load_rule_profile().default_grade_system
        for row in self.connection.execute(f"SELECT fid, geom, {_columns_sql(attributes)} FROM plots ORDER BY fid"):  # nosec B608  # table names are code constants, the package's column names quoted by _columns_sql(); values bound
            fid = row["fid"]
            label = tr("{} (plot {})", fid, row["plot_code"]) if row["plot_code"] else fid
            try:
                wkb = blob_normal_wkb(row["geom"])
            except (GeometryError, struct.error) as exc:
                self.problems.append(problem(project_db.PLOTS_LAYER, label, tr("the geometry: {}", _text(exc))))
                continue
            version = PlotVersion(canonical_row(row, attributes), wkb,
                                  bytes(row["geom"]) if row["geom"] is not None else None)
            self.package.plots[fid] = version
            base = self.package.base.get(fid)
            if base is not None and base.wkb == wkb and all(base.attributes.get(c) == version.attributes[c]
                                                            for c in base.attributes):
                continue    # as exported: the office's own data, whatever it holds
            self.problems.extend(problem(project_db.PLOTS_LAYER, label, text)
                                 for text in _plot_value_problems(version, classes, systems, default_system))

    # -- projects ------------------------------------------------------------------------------
    def _read_projects(self):
        columns = self.table_columns(project_db.PROJECTS_TABLE)
        base = None
        if self.has_table(bk.PROJECT_BASE):
            base = {}
            for row in self.connection.execute(f"SELECT project_code, attributes FROM {bk.PROJECT_BASE}"):  # nosec B608  # table names are code constants, the package's column names quoted by _columns_sql(); values bound
                try:
                    values = json.loads(row["attributes"])
                    if not isinstance(values, dict):
                        raise ValueError
                except (TypeError, ValueError):
                    self.problems.append(problem(bk.PROJECT_BASE, row["project_code"], tr(
                        "the exported attributes are not readable")))
                    continue
                base[row["project_code"]] = {k: canonical(v) for k, v in values.items()}
        needed = ["project_code"] + sorted({name for values in (base or {}).values() for name in values})
        missing = [name for name in dict.fromkeys(needed) if name not in columns]
        for name in missing:
            self.problems.append(problem(project_db.PROJECTS_TABLE, "-", tr(
                "column {} is missing (it was taken offline with the package)", name)))
        if missing:
            self.fail_if_problems()
        names = [name for name in columns if name != "fid"]
        statuses = {row["code"] for row in tables.project_codes()["statuses"]}
        for row in self.connection.execute(f"SELECT {_columns_sql(names)} FROM {project_db.PROJECTS_TABLE}"):  # nosec B608  # table names are code constants, the package's column names quoted by _columns_sql(); values bound
            code = row["project_code"]
            if not code:
                self.problems.append(problem(project_db.PROJECTS_TABLE, "-", tr("a project has no project code")))
                continue
            if code in self.package.projects:
                self.problems.append(problem(project_db.PROJECTS_TABLE, code, tr("the project code is used twice")))
                continue
            values = canonical_row(row, names)
            self.package.projects[code] = values
            exported = (base or {}).get(code)
            if ("status" in values and values["status"] not in statuses
                    and (exported is None or exported.get("status") != values["status"])):
                self.problems.append(problem(project_db.PROJECTS_TABLE, code, tr(
                    "status '{}' is not one of {}", values["status"], ", ".join(sorted(statuses)))))
        self.package.project_columns = names
        self.package.project_base = base

    # -- review records ------------------------------------------------------------------------
    def _read_reviews(self):
        base = None
        if self.has_table(bk.REVIEW_BASE):
            base = {table: set() for table in review.REVIEW_TABLES}
            for row in self.connection.execute(f"SELECT table_name, uuid FROM {bk.REVIEW_BASE}"):  # nosec B608  # table names are code constants, the package's column names quoted by _columns_sql(); values bound
                base.setdefault(row[0], set()).add(row[1])
        self.package.review_base = base
        for table in review.REVIEW_TABLES:
            self.package.review_rows[table] = []
            if not self.has_table(table):
                self.package.review_columns[table] = []
                continue
            columns = [name for name in self.table_columns(table) if name != "id"]
            missing = [name for name in REVIEW_REQUIRED[table] if name not in columns]
            if missing:
                self.problems.extend(problem(table, "-", tr("column {} is missing", name)) for name in missing)
                continue
            self.package.review_columns[table] = columns
            self._read_review_rows(table, columns)

    def _read_review_rows(self, table, columns):
        seen = set()
        is_photos = table == review.PHOTOS_TABLE
        names = [name for name in columns if not (is_photos and name == "content")]
        for row in self.connection.execute(f"SELECT id, {_columns_sql(columns)} FROM {table} ORDER BY id"):  # nosec B608  # table names are code constants, the package's column names quoted by _columns_sql(); values bound
            uuid = row["uuid"]
            where = uuid or tr("id {}", row["id"])
            if is_photos:
                where = tr("{} (photo {})", where, row["file_name"])
            if not uuid:
                self.problems.append(problem(table, where, tr("the record has no uuid")))
                continue
            if uuid in seen:
                self.problems.append(problem(table, where, tr("the uuid is used twice")))
                continue
            seen.add(uuid)
            if not row["project_code"]:
                self.problems.append(problem(table, where, tr("the record has no project code")))
            if table == review.REVIEWS_TABLE and row["verdict"] not in review.VERDICTS:
                self.problems.append(problem(table, where, tr("verdict '{}' is not one of {}", row["verdict"],
                                                              ", ".join(review.VERDICTS))))
            if is_photos:
                content = row["content"]
                if content is None or hashlib.sha256(bytes(content)).hexdigest() != row["sha256"]:
                    self.problems.append(problem(table, where, tr("the photo's bytes do not match its SHA-256")))
            self.package.review_rows[table].append({name: row[name] for name in names})


def _plot_value_problems(version, classes, systems, default_system):
    """What is wrong with the values of a plot the field changed (the checks of the PostGIS schema)."""
    found = []
    values = version.attributes
    if not values.get("project_code"):
        found.append(tr("the plot has no project code"))
    for name in INTEGER_PLOT_COLUMNS:
        value = values.get(name)
        if value is not None and not isinstance(value, int):
            found.append(tr("{} = '{}' is not a whole number", name, value))
    for name in ("class_before", "class_after"):
        value = values.get(name)
        if value is not None and value not in classes:
            found.append(tr("{} = '{}' is not a land-class code", name, value))
    system_id = values.get("grade_system")
    if system_id is not None and system_id not in systems:
        found.append(tr("grade_system = '{}' is not one of {}", system_id, ", ".join(systems)))
    system = systems.get(system_id if system_id is not None else default_system)
    for name in ("grade_before", "grade_after"):
        value = values.get(name)
        if system is not None and isinstance(value, int) and not system.best <= value <= system.worst:
            found.append(tr("{} = {} is outside {} ({}–{})", name, value, system.id, system.best, system.worst))
    return found


def _text(exc):
    return str(exc) if isinstance(exc, GeometryError) else tr("damaged geometry blob")
