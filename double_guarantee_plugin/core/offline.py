# SPDX-License-Identifier: GPL-2.0-or-later
"""Take projects offline to a laptop as one GeoPackage, and merge the package back without losing edits.

``export_offline()`` writes an *offline package*: a project database (same schema and CRS) with
the chosen projects, their plots and review records, the constraint layers (basic farmland, red
line, slope …) clipped to the projects plus a margin, and ``dg_offline_base``, a snapshot of every
exported plot (its geometry, attributes and hash) taken at export time.

``merge_back()`` compares, plot by plot, the package's version and the home version with that
base (a three-way merge):

- changed only in the package → the package's version is applied at home;
- changed only at home → home stays as it is;
- changed on both sides to the same thing → nothing to do;
- changed on both sides differently (or edited on one side and deleted on the other) → a
  *conflict*: both versions are stored in ``dg_plot_conflicts``, home keeps its version until
  ``resolve_conflict()`` applies the user's choice; the other version stays stored.

Plots drawn offline are added; review records (verdicts, photos, field points) are added by their
uuid.  ``dg_offline_merge_log`` remembers what each package changed, so merging the same package a
second time changes nothing.  The whole merge is one SQLite transaction: it is applied completely
or not at all.
"""
import hashlib
import json
import os
import sqlite3
import struct
import uuid
from dataclasses import dataclass, field

from . import project_db, review

OFFLINE_SCHEMA_KEY = "offline_schema_version"
OFFLINE_SCHEMA_VERSION = 1
BASE_TABLE = "dg_offline_base"
CONSTRAINTS_TABLE = "dg_offline_constraints"
EXPORTS_TABLE = "dg_offline_exports"
MERGE_LOG_TABLE = "dg_offline_merge_log"
CONFLICTS_TABLE = "dg_plot_conflicts"
PROJECT_BASE_TABLE = "dg_offline_project_base"   # the exported project rows, for a three-way merge
# a status change into or out of these needs a reviewer at the office (a deposit depends on it):
# reported, never applied from a package
OFFICE_STATUSES = ("accepted", "filed")
DEFAULT_CONSTRAINTS = ("basic_farmland", "red_line", "slope")
DEFAULT_MARGIN_M = 200.0
DELETED = "deleted"
PLOT_ATTRIBUTES = [name for name, *_rest in project_db.PLOT_FIELDS]
REVIEW_TABLES = (review.REVIEWS_TABLE, review.PHOTOS_TABLE, review.POINTS_TABLE)

_HOME_SCHEMA = [
    f"""CREATE TABLE IF NOT EXISTS {EXPORTS_TABLE} (
        package_id TEXT PRIMARY KEY, exported_at TEXT NOT NULL, exported_by TEXT, package_path TEXT,
        project_codes TEXT NOT NULL, plot_count INTEGER NOT NULL)""",
    f"""CREATE TABLE IF NOT EXISTS {MERGE_LOG_TABLE} (
        id INTEGER PRIMARY KEY AUTOINCREMENT, package_id TEXT NOT NULL, offline_fid INTEGER NOT NULL,
        offline_hash TEXT NOT NULL, action TEXT NOT NULL, home_fid INTEGER, merged_at TEXT NOT NULL,
        merged_by TEXT, UNIQUE (package_id, offline_fid, offline_hash))""",
    f"""CREATE TABLE IF NOT EXISTS {CONFLICTS_TABLE} (
        id INTEGER PRIMARY KEY AUTOINCREMENT, package_id TEXT NOT NULL, offline_fid INTEGER NOT NULL,
        home_fid INTEGER, project_code TEXT, plot_code TEXT, kind TEXT NOT NULL,
        base_hash TEXT, home_hash TEXT NOT NULL, offline_hash TEXT NOT NULL,
        home_geom BLOB, home_attributes TEXT, offline_geom BLOB, offline_attributes TEXT,
        detected_at TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        chosen TEXT CHECK (chosen IN ('home', 'offline')), resolved_by TEXT, resolved_at TEXT)""",
]
_PACKAGE_SCHEMA = [
    f"""CREATE TABLE IF NOT EXISTS {BASE_TABLE} (
        fid INTEGER PRIMARY KEY, project_code TEXT, plot_code TEXT, plot_hash TEXT NOT NULL,
        geom BLOB, attributes TEXT NOT NULL)""",
    f"""CREATE TABLE IF NOT EXISTS {PROJECT_BASE_TABLE} (
        project_code TEXT PRIMARY KEY, attributes TEXT NOT NULL)""",
    f"""CREATE TABLE IF NOT EXISTS {CONSTRAINTS_TABLE} (
        name TEXT PRIMARY KEY, source TEXT NOT NULL, source_crs TEXT, features_clipped INTEGER NOT NULL,
        margin_m REAL NOT NULL)""",
]


class OfflineError(RuntimeError):
    """An offline package that cannot be written or merged; the message names the file or layer."""


class OfflineCancelled(OfflineError):
    """The user cancelled; nothing was written."""


# -- GeoPackage geometry blobs ------------------------------------------------------------------
# The rtree triggers of a GeoPackage call ST_IsEmpty / ST_MinX …; plain sqlite3 lacks them, so they
# are provided here from the blob header.  That lets a whole merge run in one SQLite transaction.

def _blob_header(blob):
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return None
    flags = blob[3]
    envelope_kind = (flags >> 1) & 0x07
    empty = bool(flags & 0x10)
    little = bool(flags & 0x01)
    size = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get(envelope_kind)
    if size is None:
        return None
    envelope = struct.unpack(("<" if little else ">") + "4d", blob[8:40]) if envelope_kind else None
    return empty, envelope, 8 + size


def geometry_wkb(blob):
    """The WKB part of a GeoPackage geometry blob (None for NULL)."""
    if blob is None:
        return None
    header = _blob_header(bytes(blob))
    if header is None:
        raise OfflineError("a plot geometry is not a GeoPackage geometry blob")
    return bytes(blob)[header[2]:]


def _envelope(blob):
    header = _blob_header(bytes(blob)) if blob is not None else None
    if header is None:
        return None
    empty, envelope, offset = header
    if empty:
        return None
    if envelope is None:
        from osgeo import ogr
        geometry = ogr.CreateGeometryFromWkb(bytes(blob)[offset:])
        if geometry is None or geometry.IsEmpty():
            return None
        envelope = geometry.GetEnvelope()   # minx, maxx, miny, maxy
    return envelope


def _st_is_empty(blob):
    return 1 if _envelope(blob) is None else 0


def connect(path):
    """A sqlite3 connection to a GeoPackage with the ST_ functions its triggers need."""
    connection = sqlite3.connect(str(path), timeout=30, isolation_level=None)
    connection.row_factory = sqlite3.Row
    connection.create_function("ST_IsEmpty", 1, _st_is_empty, deterministic=True)
    for name, index in (("ST_MinX", 0), ("ST_MaxX", 1), ("ST_MinY", 2), ("ST_MaxY", 3)):
        connection.create_function(
            name, 1, lambda blob, i=index: (_envelope(blob) or (None,) * 4)[i], deterministic=True)
    return connection


def refresh_extent(connection, table, schema="main"):
    """Set the layer's extent in gpkg_contents from its spatial index (rows written by SQL leave it stale)."""
    rtree = f"rtree_{table}_geom"
    if not connection.execute(f"SELECT 1 FROM {schema}.sqlite_master WHERE name = ?", (rtree,)).fetchone():  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
        return
    connection.execute(
        f"UPDATE {schema}.gpkg_contents SET min_x = (SELECT min(minx) FROM {schema}.{rtree}), "
        f"max_x = (SELECT max(maxx) FROM {schema}.{rtree}), min_y = (SELECT min(miny) FROM {schema}.{rtree}), "
        f"max_y = (SELECT max(maxy) FROM {schema}.{rtree}) WHERE table_name = ?", (table,))  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound


def attribute_columns(connection, schemas=("main",)):
    """Plot attribute columns present in every given schema (a column added on one side only is ignored)."""
    found = []
    for schema in schemas:
        found.append([row[1] for row in connection.execute(f"PRAGMA {schema}.table_info({project_db.PLOTS_LAYER})")
                      if row[1] not in ("fid", "geom")])
    return [name for name in found[0] if all(name in other for other in found[1:])]


def plot_attributes(row, columns=None):
    return {name: row[name] for name in (columns or PLOT_ATTRIBUTES)}


def plot_hash(geom_blob, attributes):
    """Hash of one plot version: attributes (as JSON) and geometry (WKB, without the blob header)."""
    digest = hashlib.sha256(json.dumps(attributes, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    wkb = geometry_wkb(geom_blob)
    digest.update(b"|" + (wkb if wkb is not None else b"NULL"))
    return digest.hexdigest()


def _meta(connection, key, schema="main"):
    row = connection.execute(f"SELECT value FROM {schema}.{project_db.META_TABLE} WHERE key = ?", (key,)).fetchone()  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
    return row[0] if row else None


def _set_meta(connection, key, value, schema="main"):
    connection.execute(f"INSERT OR REPLACE INTO {schema}.{project_db.META_TABLE} VALUES (?, ?)", (key, value))


def _ensure_home_schema(connection):
    review.ensure_schema(connection)
    for statement in _HOME_SCHEMA:
        connection.execute(statement)
    _set_meta(connection, OFFLINE_SCHEMA_KEY, str(OFFLINE_SCHEMA_VERSION))


def _report(feedback, percent):
    if feedback is None:
        return
    if feedback.isCanceled():
        raise OfflineCancelled("cancelled by the user; nothing was written")
    feedback.setProgress(percent)


# -- take offline ---------------------------------------------------------------------------------

@dataclass
class ExportResult:
    package_id: str
    path: str
    project_codes: list
    plot_count: int
    review_counts: dict
    constraint_counts: dict


def parse_source(source):
    """``'path|layername=name'`` or ``(path, name)`` → ``(path, name)``."""
    if isinstance(source, (tuple, list)):
        return str(source[0]), source[1]
    path, _sep, options = str(source).partition("|")
    name = None
    for option in options.split("|"):
        if option.startswith("layername="):
            name = option.split("=", 1)[1]
    return path, name


def _open_constraint(name, source):
    from osgeo import ogr
    path, layer_name = parse_source(source)
    if not os.path.exists(path):
        raise OfflineError(f"constraint layer '{name}': {path} not found")
    dataset = ogr.Open(path)
    if dataset is None:
        raise OfflineError(f"constraint layer '{name}': {path} cannot be read")
    layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    if layer is None:
        raise OfflineError(f"constraint layer '{name}': {path} has no layer '{layer_name}'")
    if layer.GetSpatialRef() is None:
        raise OfflineError(f"constraint layer '{name}': {path}|{layer_name} has no CRS; it cannot be clipped")
    return dataset, layer


def _srs_of(authid):
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.SetFromUserInput(authid)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _clip_area(home_path, project_codes, margin_m):
    """Union of each project's plots grown by ``margin_m``, in the database CRS (an OGR geometry)."""
    from osgeo import gdal, ogr
    dataset = ogr.Open(str(home_path))
    plots = dataset.GetLayerByName(project_db.PLOTS_LAYER)
    gdal.PushErrorHandler("CPLQuietErrorHandler")   # GEOS explains invalid plots on stderr; they are repaired
    try:
        return _grown_union(plots, project_codes, margin_m)
    finally:
        gdal.PopErrorHandler()


def _grown_union(plots, project_codes, margin_m):
    from osgeo import ogr
    area = None
    for code in project_codes:
        plots.SetAttributeFilter("project_code = '{}'".format(code.replace("'", "''")))
        polygons = ogr.Geometry(ogr.wkbMultiPolygon)
        for feature in plots:
            geometry = feature.GetGeometryRef()
            if geometry is None or geometry.IsEmpty():
                continue
            geometry = geometry.Clone()
            if not geometry.IsValid():
                geometry = geometry.MakeValid()   # a bow-tie plot still marks where the project is
            for polygon in _polygons(geometry):
                polygons.AddGeometry(polygon)
        if polygons.GetGeometryCount() == 0:
            continue
        grown = polygons.Buffer(margin_m)        # the buffer of a multipolygon is already dissolved
        area = grown if area is None else area.Union(grown)
    plots.SetAttributeFilter(None)
    return area


def export_offline(home_path, project_codes, package_path, constraints=None, margin_m=DEFAULT_MARGIN_M,
                   exported_by=None, feedback=None):
    """Write an offline package of ``project_codes`` to ``package_path``; returns an ExportResult.

    ``constraints``: ``{name: 'path|layername=layer'}`` of the constraint layers to clip (an empty
    dict for none).  The package is written beside its target and moved into place at the end,
    so a failure or a cancel leaves no half-written file and the home database untouched.
    """
    from osgeo import ogr
    home_path, package_path = str(home_path), str(package_path)
    constraints = dict(constraints or {})
    project_codes = list(dict.fromkeys(project_codes))
    if not project_codes:
        raise OfflineError("choose at least one project to take offline")
    if not os.path.exists(home_path):
        raise OfflineError(f"{home_path}: project database not found")
    if os.path.abspath(home_path) == os.path.abspath(package_path):
        raise OfflineError(f"{package_path}: the package cannot overwrite its own project database")
    project_db.migrate(home_path)
    home = connect(home_path)
    try:
        home.execute("BEGIN IMMEDIATE")
        _ensure_home_schema(home)
        home.execute("COMMIT")
        known = {row[0] for row in home.execute("SELECT project_code FROM projects")}
        missing = [code for code in project_codes if code not in known]
        if missing:
            raise OfflineError(f"{home_path}: no project {', '.join(missing)}")
        crs = _meta(home, "crs")
        origin_id = _meta(home, review.DATABASE_ID_KEY)
    finally:
        home.close()
    if not crs:
        raise OfflineError(f"{home_path}: the database does not record its CRS in dg_meta")
    opened = {name: _open_constraint(name, source) for name, source in constraints.items()}
    _report(feedback, 5)

    part = os.path.splitext(package_path)[0] + ".part.gpkg"   # GDAL wants the .gpkg extension
    _remove_database(part)
    package_id = uuid.uuid4().hex
    try:
        # SQLite's backup API copies a consistent state even while QGIS has the database open
        # (in WAL mode); styles, schema and field configuration come along unchanged
        source, target = sqlite3.connect(home_path), sqlite3.connect(part)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        _report(feedback, 15)
        connection = connect(part)
        try:
            connection.execute("BEGIN IMMEDIATE")
            marks = ", ".join("?" for _ in project_codes)
            for table in (project_db.PLOTS_LAYER, project_db.PROJECTS_TABLE) + REVIEW_TABLES:
                connection.execute(f"DELETE FROM {table} WHERE project_code NOT IN ({marks})", project_codes)  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
            for table in (EXPORTS_TABLE, MERGE_LOG_TABLE, CONFLICTS_TABLE, BASE_TABLE, CONSTRAINTS_TABLE):
                connection.execute(f"DROP TABLE IF EXISTS {table}")   # the home's bookkeeping stays at home
            connection.execute(f"DROP TABLE IF EXISTS {PROJECT_BASE_TABLE}")
            connection.execute(f"DELETE FROM {project_db.META_TABLE} WHERE key = ?", (review.DATABASE_ID_KEY,))  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
            review.ensure_schema(connection)   # the package gets its own database id
            for statement in _PACKAGE_SCHEMA:
                connection.execute(statement)
            columns = attribute_columns(connection)
            plot_columns = ", ".join(["fid", "geom"] + columns)
            for row in connection.execute(f"SELECT {plot_columns} FROM plots ORDER BY fid").fetchall():  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
                attributes = plot_attributes(row, columns)
                connection.execute(f"INSERT INTO {BASE_TABLE} VALUES (?, ?, ?, ?, ?, ?)",  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
                                   (row["fid"], row["project_code"], row["plot_code"],
                                    plot_hash(row["geom"], attributes), row["geom"],
                                    json.dumps(attributes, ensure_ascii=False)))
            project_columns = [row[1] for row in connection.execute(
                f"PRAGMA table_info({project_db.PROJECTS_TABLE})") if row[1] != "fid"]
            for row in connection.execute(f"SELECT {', '.join(project_columns)} FROM "
                                          f"{project_db.PROJECTS_TABLE}").fetchall():  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
                connection.execute(f"INSERT INTO {PROJECT_BASE_TABLE} VALUES (?, ?)",  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
                                   (row["project_code"], json.dumps(dict(zip(project_columns, tuple(row))),
                                                                    ensure_ascii=False)))
            review_counts = {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
                             for table in REVIEW_TABLES}
            plot_count = connection.execute("SELECT count(*) FROM plots").fetchone()[0]
            for key, value in (("offline_package_id", package_id), ("origin_database_id", origin_id),
                               ("origin_path", os.path.abspath(home_path)), ("exported_at", review.now_utc()),
                               ("exported_by", exported_by or ""),
                               ("project_codes", json.dumps(project_codes, ensure_ascii=False))):
                _set_meta(connection, key, value)
            _set_meta(connection, OFFLINE_SCHEMA_KEY, str(OFFLINE_SCHEMA_VERSION))
            refresh_extent(connection, project_db.PLOTS_LAYER)
            connection.execute("COMMIT")
            connection.execute("VACUUM")   # drop the pages of what was not exported (photos can be large)
        finally:
            connection.close()
        _report(feedback, 30)

        constraint_counts = {}
        if opened:
            area = _clip_area(home_path, project_codes, margin_m)
            target_srs = _srs_of(crs)
            package = ogr.Open(part, 1)
            for position, (name, (dataset, layer)) in enumerate(opened.items()):
                constraint_counts[name] = _clip_layer(package, name, layer, area, target_srs)
                with sqlite3.connect(part) as meta:
                    source_srs = layer.GetSpatialRef()
                    meta.execute(f"INSERT INTO {CONSTRAINTS_TABLE} VALUES (?, ?, ?, ?, ?)",  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
                                 (name, str(constraints[name]),
                                  f"{source_srs.GetAuthorityName(None)}:{source_srs.GetAuthorityCode(None)}",
                                  constraint_counts[name], margin_m))
                dataset = None
                _report(feedback, 30 + int(60 * (position + 1) / len(opened)))
            package = None
        _report(feedback, 95)
        for suffix in ("-wal", "-shm", "-journal"):
            # a stale log of an older package at this path would be replayed into the new one
            if os.path.exists(package_path + suffix):
                os.remove(package_path + suffix)
        os.replace(part, package_path)
    except sqlite3.DatabaseError as exc:
        _remove_database(part)
        raise OfflineError(f"{package_path}: the package could not be written ({exc}); nothing was written") from exc
    except BaseException:
        _remove_database(part)
        raise

    home = connect(home_path)
    try:
        home.execute(f"INSERT INTO {EXPORTS_TABLE} VALUES (?, ?, ?, ?, ?, ?)",  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
                     (package_id, review.now_utc(), exported_by, os.path.abspath(package_path),
                      json.dumps(project_codes, ensure_ascii=False), plot_count))
    finally:
        home.close()
    if feedback is not None:
        feedback.setProgress(100)
    return ExportResult(package_id, package_path, project_codes, plot_count, review_counts, constraint_counts)


def _remove_database(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def _columns(connection, table, schema="main"):
    """The table's columns without ``id`` (ids are local to each file; uuids identify rows)."""
    return ", ".join(row[1] for row in connection.execute(f"PRAGMA {schema}.table_info({table})") if row[1] != "id")


def _clip_layer(package, name, source_layer, area, target_srs):
    """Copy the features of ``source_layer`` meeting ``area`` into a new package layer, cut to it."""
    from osgeo import ogr, osr
    source_srs = source_layer.GetSpatialRef().Clone()
    source_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_target = None if source_srs.IsSame(target_srs) else osr.CoordinateTransformation(source_srs, target_srs)
    layer = package.CreateLayer(name, srs=target_srs, geom_type=ogr.wkbMultiPolygon
                                if ogr.GT_Flatten(source_layer.GetGeomType()) in (ogr.wkbPolygon, ogr.wkbMultiPolygon)
                                else source_layer.GetGeomType(),
                                options=["FID=fid", "SPATIAL_INDEX=YES"])
    definition = source_layer.GetLayerDefn()
    for index in range(definition.GetFieldCount()):
        layer.CreateField(definition.GetFieldDefn(index))
    if area is None:
        return 0
    filter_area = area.Clone()
    if to_target is not None:
        filter_area.Transform(osr.CoordinateTransformation(target_srs, source_srs))
    source_layer.SetSpatialFilter(filter_area)
    count = 0
    package.StartTransaction()
    for feature in source_layer:
        geometry = feature.GetGeometryRef()
        if geometry is None:
            continue
        geometry = geometry.Clone()
        if to_target is not None:
            geometry.Transform(to_target)
        if not geometry.IsValid():
            geometry = geometry.MakeValid()
        if not geometry.Intersects(area):
            continue
        clipped = geometry.Intersection(area)
        if clipped is None or clipped.IsEmpty():
            continue
        if layer.GetGeomType() == ogr.wkbMultiPolygon:
            polygons = ogr.Geometry(ogr.wkbMultiPolygon)
            for part in _polygons(clipped):
                polygons.AddGeometry(part)
            if polygons.GetGeometryCount() == 0:
                continue
            clipped = polygons
        out = ogr.Feature(layer.GetLayerDefn())
        for index in range(definition.GetFieldCount()):
            out.SetField(index, feature.GetField(index))
        out.SetGeometry(clipped)
        layer.CreateFeature(out)
        count += 1
    package.CommitTransaction()
    source_layer.SetSpatialFilter(None)
    return count


def _polygons(geometry):
    from osgeo import ogr
    kind = ogr.GT_Flatten(geometry.GetGeometryType())
    if kind == ogr.wkbPolygon:
        return [geometry.Clone()]
    if kind in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        parts = []
        for index in range(geometry.GetGeometryCount()):
            parts.extend(_polygons(geometry.GetGeometryRef(index)))
        return parts
    return []   # lines or points where a polygon only touches the clip area


# -- bring back -----------------------------------------------------------------------------------

@dataclass
class Conflict:
    id: int
    package_id: str
    offline_fid: int
    home_fid: int
    project_code: str
    plot_code: str
    kind: str                 # edited_both, deleted_offline, deleted_home
    home_attributes: dict
    offline_attributes: dict
    home_geom: bytes
    offline_geom: bytes
    status: str
    chosen: str = None
    resolved_by: str = None
    resolved_at: str = None


@dataclass
class MergeResult:
    package_id: str
    applied_edits: list = field(default_factory=list)       # plot codes updated from the package
    applied_deletions: list = field(default_factory=list)
    added_plots: list = field(default_factory=list)
    same_on_both_sides: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)           # Conflict rows detected by this merge
    added_reviews: dict = field(default_factory=dict)        # table → rows added
    added_projects: list = field(default_factory=list)       # projects created in the field
    updated_projects: list = field(default_factory=list)     # project rows changed in the field only: applied
    differing_projects: list = field(default_factory=list)   # changed on both sides, or a status for the office:
    differing_fields: dict = field(default_factory=dict)     #   reported (code → fields), home keeps its version

    @property
    def changed_anything(self):
        return bool(self.applied_edits or self.applied_deletions or self.added_plots or self.conflicts
                    or self.added_projects or self.updated_projects or any(self.added_reviews.values()))

    def differing_text(self):
        """``code (field, field), …`` of the projects reported as differing."""
        return ", ".join(f"{code} ({', '.join(self.differing_fields[code])})" if self.differing_fields.get(code)
                         else code for code in self.differing_projects)

    def summary(self):
        return {"edits": len(self.applied_edits), "deletions": len(self.applied_deletions),
                "added_plots": len(self.added_plots), "same": len(self.same_on_both_sides),
                "conflicts": len(self.conflicts), "added_projects": len(self.added_projects),
                "updated_projects": len(self.updated_projects),
                "differing_projects": len(self.differing_projects), **self.added_reviews}


def package_info(package_path):
    """The package's metadata (id, origin, projects, time) or an OfflineError if it is not a package."""
    package_path = str(package_path)
    if not os.path.exists(package_path):
        raise OfflineError(f"{package_path}: offline package not found")
    try:
        with sqlite3.connect(package_path) as connection:
            rows = dict(connection.execute(f"SELECT key, value FROM {project_db.META_TABLE}").fetchall())  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
    except sqlite3.DatabaseError as exc:
        raise OfflineError(f"{package_path}: not a GeoPackage ({exc})") from exc
    if "offline_package_id" not in rows:
        raise OfflineError(f"{package_path}: not an offline package (no offline_package_id in dg_meta)")
    rows["project_codes"] = json.loads(rows.get("project_codes") or "[]")
    return rows


def merge_back(home_path, package_path, merged_by=None, feedback=None):
    """Merge an offline package into its home database in one transaction; returns a MergeResult."""
    home_path, package_path = str(home_path), str(package_path)
    info = package_info(package_path)
    project_db.migrate(home_path)
    connection = connect(home_path)
    try:
        connection.execute("ATTACH DATABASE ? AS pkg", (package_path,))
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise OfflineError(f"{home_path}: the database is busy ({exc}); save or close the other editor "
                               f"and merge again") from exc
        try:
            _ensure_home_schema(connection)
            home_id = _meta(connection, review.DATABASE_ID_KEY)
            if info.get("origin_database_id") != home_id:
                raise OfflineError(f"{package_path}: the package was taken from another project database "
                                   f"({info.get('origin_path')}), not from {home_path}")
            result = _merge(connection, info["offline_package_id"], merged_by, feedback)
            refresh_extent(connection, project_db.PLOTS_LAYER)
            connection.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            connection.execute("ROLLBACK")
            raise OfflineError(f"{home_path}: the merge of {package_path} failed ({exc}); nothing was merged") from exc
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("DETACH DATABASE pkg")
    finally:
        connection.close()
    return result


def _plot_row(connection, schema, fid, columns):
    return connection.execute(f"SELECT fid, geom, {', '.join(columns)} FROM {schema}.plots WHERE fid = ?",  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
                              (fid,)).fetchone()


def _version_hash(row, columns):
    return DELETED if row is None else plot_hash(row["geom"], plot_attributes(row, columns))


def _write_plot(connection, fid, geom, attributes, insert=False):
    columns = [name for name in attribute_columns(connection) if name in attributes]
    names = ["geom"] + columns
    values = [geom] + [attributes[name] for name in columns]
    if insert:
        columns = (["fid"] if fid is not None else []) + names
        cursor = connection.execute(
            f"INSERT INTO main.plots ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
            ([fid] if fid is not None else []) + values)
        return cursor.lastrowid
    connection.execute(f"UPDATE main.plots SET {', '.join(f'{n} = ?' for n in names)} WHERE fid = ?", values + [fid])  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
    return fid


def _log(connection, package_id, offline_fid, offline_hash, action, home_fid, merged_by):
    connection.execute(f"INSERT INTO {MERGE_LOG_TABLE} (package_id, offline_fid, offline_hash, action, home_fid, "
                       f"merged_at, merged_by) VALUES (?, ?, ?, ?, ?, ?, ?)",  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
                       (package_id, offline_fid, offline_hash, action, home_fid, review.now_utc(), merged_by))


def _merge(connection, package_id, merged_by, feedback):
    result = MergeResult(package_id)
    logged = {(row[0], row[1]) for row in connection.execute(
        f"SELECT offline_fid, offline_hash FROM {MERGE_LOG_TABLE} WHERE package_id = ?", (package_id,))}  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
    _merge_projects(connection, result)
    columns = attribute_columns(connection, ("main", "pkg"))
    base = {row["fid"]: row for row in connection.execute(f"SELECT * FROM pkg.{BASE_TABLE}")}  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
    offline_fids = [row[0] for row in connection.execute("SELECT fid FROM pkg.plots ORDER BY fid")]
    _report(feedback, 10)

    for fid, base_row in sorted(base.items()):
        offline = _plot_row(connection, "pkg", fid, columns)
        home = _plot_row(connection, "main", fid, columns)
        offline_hash, home_hash = _version_hash(offline, columns), _version_hash(home, columns)
        # the base hash over the columns both sides have now (the schema may have grown since)
        base_attributes = json.loads(base_row["attributes"])
        base_hash = plot_hash(base_row["geom"], {name: base_attributes.get(name) for name in columns})
        if offline_hash == base_hash or (fid, offline_hash) in logged:
            continue   # untouched offline, or this very version was merged before
        label = (offline or home or base_row)["plot_code"]
        if home_hash == offline_hash:
            result.same_on_both_sides.append(label)
            _log(connection, package_id, fid, offline_hash, "same", fid, merged_by)
        elif home_hash == base_hash:
            if offline is None:
                connection.execute("DELETE FROM main.plots WHERE fid = ?", (fid,))
                result.applied_deletions.append(label)
                _log(connection, package_id, fid, offline_hash, "deleted", fid, merged_by)
            else:
                _write_plot(connection, fid, offline["geom"], plot_attributes(offline, columns))
                result.applied_edits.append(label)
                _log(connection, package_id, fid, offline_hash, "edited", fid, merged_by)
        else:
            kind = "deleted_offline" if offline is None else "deleted_home" if home is None else "edited_both"
            cursor = connection.execute(
                f"INSERT INTO {CONFLICTS_TABLE} (package_id, offline_fid, home_fid, project_code, plot_code, kind, "
                f"base_hash, home_hash, offline_hash, home_geom, home_attributes, offline_geom, offline_attributes, "
                f"detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
                (package_id, fid, fid, base_row["project_code"], label, kind, base_hash, home_hash,
                 offline_hash, home["geom"] if home else None,
                 json.dumps(plot_attributes(home, columns), ensure_ascii=False) if home else None,
                 offline["geom"] if offline else None,
                 json.dumps(plot_attributes(offline, columns), ensure_ascii=False) if offline else None,
                 review.now_utc()))
            _log(connection, package_id, fid, offline_hash, "conflict", fid, merged_by)
            result.conflicts.append(_conflict(connection.execute(
                f"SELECT * FROM {CONFLICTS_TABLE} WHERE id = ?", (cursor.lastrowid,)).fetchone()))  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
    _report(feedback, 60)

    for fid in offline_fids:
        if fid in base:
            continue
        offline = _plot_row(connection, "pkg", fid, columns)
        offline_hash = _version_hash(offline, columns)
        if any(logged_fid == fid for logged_fid, _hash in logged):
            continue   # drawn offline and added by an earlier merge of this package
        home_fid = _write_plot(connection, None, offline["geom"], plot_attributes(offline, columns), insert=True)
        result.added_plots.append(offline["plot_code"])
        _log(connection, package_id, fid, offline_hash, "added", home_fid, merged_by)
    _report(feedback, 80)

    for table in REVIEW_TABLES:
        if not connection.execute("SELECT 1 FROM pkg.sqlite_master WHERE name = ?", (table,)).fetchone():
            result.added_reviews[table] = 0
            continue
        columns = _columns(connection, table, "pkg")
        cursor = connection.execute(f"INSERT OR IGNORE INTO main.{table} ({columns}) SELECT {columns} "
                                    f"FROM pkg.{table} ORDER BY id")  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
        result.added_reviews[table] = cursor.rowcount
    _report(feedback, 100)
    return result


def _merge_projects(connection, result):
    """Add projects created in the field and merge field edits of project rows, field by field against
    the rows as exported: a field changed only in the package is applied at home; a row changed
    differently on both sides, or a status change into or out of accepted / filed (the office's, with
    its deposit), is reported and home keeps its version (the package keeps the other).  A package
    written before the project base existed has its differing rows reported, as before."""
    found = [[row[1] for row in connection.execute(f"PRAGMA {schema}.table_info({project_db.PROJECTS_TABLE})")
              if row[1] != "fid"] for schema in ("main", "pkg")]
    columns = [name for name in found[0] if name in found[1]]
    names = ", ".join(columns)
    home = {row["project_code"]: dict(zip(columns, tuple(row)))
            for row in connection.execute(f"SELECT {names} FROM main.projects")}  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
    has_base = connection.execute("SELECT 1 FROM pkg.sqlite_master WHERE type = 'table' AND name = ?",
                                  (PROJECT_BASE_TABLE,)).fetchone() is not None
    base = {row[0]: json.loads(row[1]) for row in connection.execute(
        f"SELECT project_code, attributes FROM pkg.{PROJECT_BASE_TABLE}")} if has_base else {}  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
    for row in connection.execute(f"SELECT {names} FROM pkg.projects ORDER BY project_code").fetchall():  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
        code = row["project_code"]
        offline_row = dict(zip(columns, tuple(row)))
        if code not in home:
            connection.execute(f"INSERT INTO main.projects ({names}) VALUES ({', '.join('?' for _ in columns)})",  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
                               tuple(row))
            result.added_projects.append(code)
            continue
        home_row = home[code]
        if offline_row == home_row:
            continue
        if code not in base:
            result.differing_projects.append(code)
            result.differing_fields[code] = [c for c in columns if offline_row[c] != home_row[c]]
            continue
        exported = base[code]
        changed = {c: offline_row[c] for c in columns if c in exported and offline_row[c] != exported[c]
                   and offline_row[c] != home_row[c]}
        clashing = [c for c in changed if home_row[c] != exported[c]]
        if "status" in changed and (changed["status"] in OFFICE_STATUSES or home_row["status"] in OFFICE_STATUSES):
            clashing.append("status")
        if clashing:
            result.differing_projects.append(code)
            result.differing_fields[code] = sorted(set(clashing))
        elif changed:
            connection.execute(f"UPDATE main.projects SET {', '.join(f'{c} = ?' for c in changed)} "
                               f"WHERE project_code = ?", tuple(changed.values()) + (code,))  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
            result.updated_projects.append(code)


def _conflict(row):
    return Conflict(row["id"], row["package_id"], row["offline_fid"], row["home_fid"], row["project_code"],
                    row["plot_code"], row["kind"],
                    json.loads(row["home_attributes"]) if row["home_attributes"] else None,
                    json.loads(row["offline_attributes"]) if row["offline_attributes"] else None,
                    bytes(row["home_geom"]) if row["home_geom"] is not None else None,
                    bytes(row["offline_geom"]) if row["offline_geom"] is not None else None,
                    row["status"], row["chosen"], row["resolved_by"], row["resolved_at"])


def conflicts(home_path, status=None):
    """Conflicts recorded in the home database (all, or only ``'open'`` / ``'resolved'``)."""
    connection = connect(home_path)
    try:
        if not connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (CONFLICTS_TABLE,)).fetchone():
            return []
        query = f"SELECT * FROM {CONFLICTS_TABLE}" + (" WHERE status = ?" if status else "") + " ORDER BY id"  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
        return [_conflict(row) for row in connection.execute(query, (status,) if status else ())]
    finally:
        connection.close()


def resolve_conflict(home_path, conflict_id, chosen, resolved_by):
    """Apply the version the user chose (``'home'`` or ``'offline'``); both stay stored in the conflict."""
    if chosen not in ("home", "offline"):
        raise OfflineError(f"conflict {conflict_id}: choose 'home' or 'offline', not '{chosen}'")
    if not (resolved_by or "").strip():
        raise OfflineError(f"conflict {conflict_id}: say who resolves it")
    connection = connect(home_path)
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            row = connection.execute(f"SELECT * FROM {CONFLICTS_TABLE} WHERE id = ?", (conflict_id,)).fetchone()  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
            if row is None:
                raise OfflineError(f"{home_path}: no conflict {conflict_id}")
            if row["status"] != "open":
                raise OfflineError(f"conflict {conflict_id} (plot {row['plot_code']}) was resolved already "
                                   f"({row['chosen']} version, by {row['resolved_by']})")
            recorded = json.loads(row["home_attributes"] or row["offline_attributes"] or "{}")
            columns = [name for name in attribute_columns(connection) if name in recorded] or PLOT_ATTRIBUTES
            current = _version_hash(_plot_row(connection, "main", row["home_fid"], columns), columns)
            if current != row["home_hash"]:
                raise OfflineError(f"plot {row['plot_code']} changed at home after the merge found the conflict; "
                                   f"save or undo that edit, then resolve again")
            if chosen == "offline":
                fid = row["home_fid"]
                if row["offline_geom"] is None and row["offline_attributes"] is None:
                    connection.execute("DELETE FROM main.plots WHERE fid = ?", (fid,))
                else:
                    attributes = json.loads(row["offline_attributes"])
                    exists = _plot_row(connection, "main", fid, columns) is not None
                    _write_plot(connection, fid, row["offline_geom"], attributes, insert=not exists)
            connection.execute(f"UPDATE {CONFLICTS_TABLE} SET status = 'resolved', chosen = ?, resolved_by = ?, "
                               f"resolved_at = ? WHERE id = ?", (chosen, resolved_by.strip(), review.now_utc(),  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
                                                                 conflict_id))
            connection.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            connection.execute("ROLLBACK")
            raise OfflineError(f"{home_path}: conflict {conflict_id} could not be resolved ({exc}); "
                               f"nothing was changed") from exc
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return _conflict(connection.execute(f"SELECT * FROM {CONFLICTS_TABLE} WHERE id = ?",  # nosec B608  # tables and schema aliases are code constants, columns from PRAGMA of our tables; values bound
                                            (conflict_id,)).fetchone())
    finally:
        connection.close()


def geometry_from_blob(blob):
    """A QgsGeometry from a GeoPackage blob (for showing a conflict's versions on the map)."""
    from qgis.core import QgsGeometry
    geometry = QgsGeometry()
    wkb = geometry_wkb(blob)
    if wkb is not None:
        geometry.fromWkb(wkb)
    return geometry
