# SPDX-License-Identifier: GPL-2.0-or-later
"""Field review records of a project database: verdicts, photos and GPS field points, with history.

Three tables live in the project database (a GeoPackage, or the schema of a PostGIS project
database: ``core.review_pg``), created lazily on first use (on PostGIS with the schema, by its
owner) and versioned in ``dg_meta`` under ``review_schema_version``:

- ``dg_reviews``: one row per verdict given (通过 passed / 退回 returned / 待核 to_verify), with
  comment, reviewer and time.  A change of mind is a new row; rows are never updated or deleted,
  so the table is the project's review history and its latest row is the current verdict.
- ``dg_review_photos``: photos as BLOBs with their SHA-256 and a PNG thumbnail, so the database
  stays one file a reviewer can carry.
- ``dg_field_points``: points imported from a GPS (GPX waypoints or CSV), each stored with the
  plot it fell in, or the distance to the project's nearest plot when it fell outside.

Every row has a ``uuid``: take-offline / bring-back (core.offline) merges rows by it, so merging
the same package twice adds nothing the second time.
"""
import contextlib
import csv
import hashlib
import io
import os
import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

SCHEMA_KEY = "review_schema_version"
SCHEMA_VERSION = 1
DATABASE_ID_KEY = "review_database_id"
REVIEWS_TABLE = "dg_reviews"
PHOTOS_TABLE = "dg_review_photos"
POINTS_TABLE = "dg_field_points"
META_TABLE = "dg_meta"

# verdict ids stored in the database; the GUI shows them through tr()
PASSED, RETURNED, TO_VERIFY = "passed", "returned", "to_verify"
VERDICTS = (PASSED, RETURNED, TO_VERIFY)
VERDICT_NAMES_ZH = {PASSED: "通过", RETURNED: "退回", TO_VERIFY: "待核"}
THUMBNAIL_PX = 160
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp")

def schema_sql(name=lambda table: table, serial="INTEGER PRIMARY KEY AUTOINCREMENT", blob="BLOB", real="REAL"):
    """The review tables' DDL; the defaults are SQLite's, ``project_db_pg.ensure_review_schema_pg``
    passes PostgreSQL's types and schema-qualified names."""
    return [
        f"""CREATE TABLE IF NOT EXISTS {name(REVIEWS_TABLE)} (
            id {serial},
            uuid TEXT NOT NULL UNIQUE,
            project_code TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('passed', 'returned', 'to_verify')),
            comment TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
            reviewed_at TEXT NOT NULL,
            recorded_in TEXT)""",
        f"CREATE INDEX IF NOT EXISTS {REVIEWS_TABLE}_project ON {name(REVIEWS_TABLE)}(project_code, reviewed_at)",
        f"""CREATE TABLE IF NOT EXISTS {name(PHOTOS_TABLE)} (
            id {serial},
            uuid TEXT NOT NULL UNIQUE,
            project_code TEXT NOT NULL,
            review_uuid TEXT,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            content {blob} NOT NULL,
            thumbnail {blob},
            width_px INTEGER,
            height_px INTEGER,
            added_by TEXT,
            added_at TEXT NOT NULL)""",
        f"CREATE INDEX IF NOT EXISTS {PHOTOS_TABLE}_project ON {name(PHOTOS_TABLE)}(project_code)",
        f"""CREATE TABLE IF NOT EXISTS {name(POINTS_TABLE)} (
            id {serial},
            uuid TEXT NOT NULL UNIQUE,
            project_code TEXT NOT NULL,
            review_uuid TEXT,
            source_file TEXT NOT NULL,
            source_line INTEGER,
            name TEXT,
            lon {real},
            lat {real},
            x {real} NOT NULL,
            y {real} NOT NULL,
            inside INTEGER NOT NULL CHECK (inside IN (0, 1)),
            plot_code TEXT,
            plot_project_code TEXT,
            distance_m {real},
            recorded_at TEXT,
            imported_by TEXT,
            imported_at TEXT NOT NULL)""",
        f"CREATE INDEX IF NOT EXISTS {POINTS_TABLE}_project ON {name(POINTS_TABLE)}(project_code)",
    ]


_SCHEMA = schema_sql()


class ReviewError(ValueError):
    """Bad review input; the message names the file, line, project or value that is wrong."""


def now_utc():
    """The current time as ISO-8601 UTC to the second (sortable as text)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def normalise_time(value):
    """ISO-8601 text in UTC from a datetime or ISO text (naive times are taken as UTC)."""
    if value is None:
        return now_utc()
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as exc:
            raise ReviewError(f"'{value}' is not an ISO-8601 date and time") from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Review:
    uuid: str
    project_code: str
    verdict: str
    comment: str
    reviewer: str
    reviewed_at: str
    recorded_in: str = None
    id: int = None


@dataclass(frozen=True)
class Photo:
    uuid: str
    project_code: str
    review_uuid: str
    file_name: str
    sha256: str
    thumbnail: bytes
    width_px: int
    height_px: int
    added_at: str
    id: int = None


@dataclass(frozen=True)
class FieldPoint:
    name: str
    source_line: int
    lon: float
    lat: float
    x: float
    y: float
    inside: bool
    plot_code: str
    plot_project_code: str
    distance_m: float
    recorded_at: str = None
    uuid: str = None


@dataclass
class FieldPointReport:
    """What an import found: one entry per point, in file order."""
    source_file: str
    project_code: str
    points: list = field(default_factory=list)

    @property
    def inside(self):
        return [p for p in self.points if p.inside]

    @property
    def outside(self):
        return [p for p in self.points if not p.inside]

    def lines(self):
        """One human-readable line per point (for logs and the dock's report)."""
        out = []
        for point in self.points:
            where = (f"inside plot {point.plot_code}" + (
                f" of project {point.plot_project_code}" if point.plot_project_code != self.project_code else "")
                if point.inside else "outside" + (
                    f", {point.distance_m:.1f} m from the nearest plot" if point.distance_m is not None else ""))
            out.append(f"{point.name or point.source_line}: {where}")
        return out


def ensure_schema(connection):
    """Create the review tables if missing and record their version; refuse newer versions."""
    connection.execute(f"CREATE TABLE IF NOT EXISTS {META_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
    row = connection.execute(f"SELECT value FROM {META_TABLE} WHERE key = ?", (SCHEMA_KEY,)).fetchone()  # nosec B608  # table names from code (self._t); values bound
    if row and int(row[0]) > SCHEMA_VERSION:
        raise ReviewError(f"the review tables have schema version {row[0]}, newer than this plugin "
                          f"understands ({SCHEMA_VERSION}); update the plugin")
    for statement in _SCHEMA:
        connection.execute(statement)
    connection.execute(f"INSERT OR REPLACE INTO {META_TABLE} VALUES (?, ?)", (SCHEMA_KEY, str(SCHEMA_VERSION)))
    if not connection.execute(f"SELECT 1 FROM {META_TABLE} WHERE key = ?", (DATABASE_ID_KEY,)).fetchone():  # nosec B608  # table names from code (self._t); values bound
        connection.execute(f"INSERT INTO {META_TABLE} VALUES (?, ?)", (DATABASE_ID_KEY, uuid.uuid4().hex))  # nosec B608  # table names from code (self._t); values bound
    _register_contents(connection)


def _register_contents(connection):
    """List the tables in gpkg_contents as attribute tables, so QGIS's browser shows them."""
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "gpkg_contents" not in names:
        return
    for table, description in ((REVIEWS_TABLE, "review verdicts (history) 核查结论"),
                               (PHOTOS_TABLE, "review photos 核查照片"),
                               (POINTS_TABLE, "GPS field points 外业核查点")):
        connection.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) "
                           "VALUES (?, 'attributes', ?, ?)", (table, table, description))


class ReviewStore:
    """The review records of one project database (a GeoPackage path; PostGIS: ``review_pg.PgReviewStore``)."""

    def __init__(self, database_path):
        self.path = str(database_path)
        if not os.path.exists(self.path):
            raise ReviewError(f"{self.path}: project database not found")
        with self._connect() as connection:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "projects" not in names:
                raise ReviewError(f"{self.path}: not a project database (no 'projects' table)")
            ensure_schema(connection)

    # the SQL below is written once for both stores: ``?`` placeholders, tables named through _t()
    def _t(self, table):
        return table

    def _insert(self, connection, table, values):
        """Insert ``values`` (a dict) into ``table``; returns the new row's id."""
        columns = list(values)
        cursor = connection.execute(f"INSERT INTO {self._t(table)} ({', '.join(columns)}) VALUES "
                                    f"({', '.join('?' for _ in columns)})", [values[c] for c in columns])  # nosec B608  # table names from code (self._t); values bound
        return cursor.lastrowid

    def close(self):
        """Nothing to close: every GeoPackage transaction opens and closes its own connection."""

    @contextlib.contextmanager
    def _connect(self):
        """One transaction: committed and closed on success, rolled back on error (as a ReviewError)."""
        try:
            connection = sqlite3.connect(self.path, timeout=30)
        except sqlite3.Error as exc:
            raise ReviewError(f"{self.path}: cannot open the database ({exc})") from exc
        connection.row_factory = sqlite3.Row
        try:
            with connection:
                yield connection
        except sqlite3.DatabaseError as exc:
            raise ReviewError(f"{self.path}: {exc}; nothing was changed") from exc
        finally:
            connection.close()

    @property
    def database_id(self):
        with self._connect() as connection:
            return connection.execute(f"SELECT value FROM {self._t(META_TABLE)} WHERE key = ?",  # nosec B608  # table names from code (self._t); values bound
                                      (DATABASE_ID_KEY,)).fetchone()[0]

    # -- projects ----------------------------------------------------------------------------
    def project_codes(self):
        with self._connect() as connection:
            return [row[0] for row in connection.execute(
                f"SELECT project_code FROM {self._t('projects')} ORDER BY project_code")]  # nosec B608  # table names from code (self._t); values bound

    def projects(self):
        """``[(project_code, project_name)]`` in code order."""
        with self._connect() as connection:
            return [(row[0], row[1]) for row in connection.execute(
                f"SELECT project_code, project_name FROM {self._t('projects')} ORDER BY project_code")]  # nosec B608  # table names from code (self._t); values bound

    def _check_project(self, connection, project_code):
        if not connection.execute(f"SELECT 1 FROM {self._t('projects')} WHERE project_code = ?",  # nosec B608  # table names from code (self._t); values bound
                                  (project_code,)).fetchone():
            raise ReviewError(f"{self.path}: there is no project '{project_code}'")

    # -- verdicts ----------------------------------------------------------------------------
    def add_review(self, project_code, verdict, reviewer, comment="", reviewed_at=None):
        """Record a verdict as a new history row and return it."""
        if verdict not in VERDICTS:
            raise ReviewError(f"project {project_code}: verdict '{verdict}' is not one of {', '.join(VERDICTS)}")
        reviewer = (reviewer or "").strip()
        if not reviewer:
            raise ReviewError(f"project {project_code}: a review needs the reviewer's name")
        review = Review(uuid.uuid4().hex, project_code, verdict, (comment or "").strip(), reviewer,
                        normalise_time(reviewed_at), self.database_id)
        with self._connect() as connection:
            self._check_project(connection, project_code)
            new_id = self._insert(connection, REVIEWS_TABLE, {
                "uuid": review.uuid, "project_code": review.project_code, "verdict": review.verdict,
                "comment": review.comment, "reviewer": review.reviewer, "reviewed_at": review.reviewed_at,
                "recorded_in": review.recorded_in})
            return Review(**{**review.__dict__, "id": new_id})

    def history(self, project_code):
        """Every verdict of the project, oldest first."""
        with self._connect() as connection:
            rows = connection.execute(
                f"SELECT * FROM {self._t(REVIEWS_TABLE)} WHERE project_code = ? ORDER BY reviewed_at, id",  # nosec B608  # table names from code (self._t); values bound
                (project_code,))
            return [_review(row) for row in rows]

    def current(self, project_code):
        history = self.history(project_code)
        return history[-1] if history else None

    def current_verdicts(self):
        """``{project_code: Review}`` with each project's latest verdict."""
        result = {}
        with self._connect() as connection:
            for row in connection.execute(f"SELECT * FROM {self._t(REVIEWS_TABLE)} ORDER BY reviewed_at, id"):  # nosec B608  # table names from code (self._t); values bound
                result[row["project_code"]] = _review(row)
        return result

    # -- photos ------------------------------------------------------------------------------
    def add_photo(self, project_code, photo_path, review_uuid=None, added_by=None):
        """Store a photo file (bytes, hash, thumbnail) with the project; the same photo twice is stored once."""
        photo_path = str(photo_path)
        if not os.path.isfile(photo_path):
            raise ReviewError(f"{photo_path}: photo file not found")
        with open(photo_path, "rb") as handle:
            content = handle.read()
        digest = hashlib.sha256(content).hexdigest()
        thumbnail, width, height = make_thumbnail(content)
        if thumbnail is None:
            raise ReviewError(f"{photo_path}: not an image this QGIS can read")
        with self._connect() as connection:
            self._check_project(connection, project_code)
            existing = connection.execute(f"SELECT * FROM {self._t(PHOTOS_TABLE)} WHERE project_code = ? AND "
                                          f"sha256 = ?", (project_code, digest)).fetchone()  # nosec B608  # table names from code (self._t); values bound
            if existing:
                return _photo(existing)
            photo = Photo(uuid.uuid4().hex, project_code, review_uuid, os.path.basename(photo_path), digest,
                          thumbnail, width, height, now_utc())
            new_id = self._insert(connection, PHOTOS_TABLE, {
                "uuid": photo.uuid, "project_code": project_code, "review_uuid": review_uuid,
                "file_name": photo.file_name, "sha256": digest, "content": content, "thumbnail": thumbnail,
                "width_px": width, "height_px": height, "added_by": added_by, "added_at": photo.added_at})
            return Photo(**{**photo.__dict__, "id": new_id})

    def photos(self, project_code):
        with self._connect() as connection:
            return [_photo(row) for row in connection.execute(
                f"SELECT * FROM {self._t(PHOTOS_TABLE)} WHERE project_code = ? ORDER BY added_at, id",  # nosec B608  # table names from code (self._t); values bound
                (project_code,))]

    def photo_content(self, photo_uuid):
        """The original bytes of a stored photo, checked against its hash."""
        with self._connect() as connection:
            row = connection.execute(f"SELECT content, sha256, file_name FROM {self._t(PHOTOS_TABLE)} "
                                     f"WHERE uuid = ?", (photo_uuid,)).fetchone()  # nosec B608  # table names from code (self._t); values bound
        if row is None:
            raise ReviewError(f"{self.path}: no photo {photo_uuid}")
        if hashlib.sha256(row["content"]).hexdigest() != row["sha256"]:
            raise ReviewError(f"{self.path}: photo {row['file_name']} is damaged (its hash does not match)")
        return bytes(row["content"])

    # -- field points ------------------------------------------------------------------------
    def import_field_points(self, project_code, source_path, plots, review_uuid=None, imported_by=None):
        """Read a GPX or CSV file, test each point against ``plots`` and store the points.

        ``plots`` is a QgsVectorLayer of plots (the project database's ``plots`` layer).  Returns
        a FieldPointReport.  Nothing is stored if any point of the file is unreadable.
        """
        source_path = str(source_path)
        with self._connect() as connection:
            self._check_project(connection, project_code)
        located = locate_points(read_points(source_path), plots, project_code)
        report = FieldPointReport(source_path, project_code)
        stamp = now_utc()
        with self._connect() as connection:
            for point in located:
                point = FieldPoint(**{**point.__dict__, "uuid": uuid.uuid4().hex})
                self._insert(connection, POINTS_TABLE, {
                    "uuid": point.uuid, "project_code": project_code, "review_uuid": review_uuid,
                    "source_file": os.path.basename(source_path), "source_line": point.source_line,
                    "name": point.name, "lon": point.lon, "lat": point.lat, "x": point.x, "y": point.y,
                    "inside": int(point.inside), "plot_code": point.plot_code,
                    "plot_project_code": point.plot_project_code, "distance_m": point.distance_m,
                    "recorded_at": point.recorded_at, "imported_by": imported_by, "imported_at": stamp})
                report.points.append(point)
        return report

    def field_points(self, project_code):
        with self._connect() as connection:
            return [_point(row) for row in connection.execute(
                f"SELECT * FROM {self._t(POINTS_TABLE)} WHERE project_code = ? ORDER BY imported_at, id",  # nosec B608  # table names from code (self._t); values bound
                (project_code,))]


REVIEW_TABLES = (REVIEWS_TABLE, PHOTOS_TABLE, POINTS_TABLE)


def _review(row):
    return Review(row["uuid"], row["project_code"], row["verdict"], row["comment"], row["reviewer"],
                  row["reviewed_at"], row["recorded_in"], row["id"])


def _photo(row):
    return Photo(row["uuid"], row["project_code"], row["review_uuid"], row["file_name"], row["sha256"],
                 bytes(row["thumbnail"]) if row["thumbnail"] is not None else None, row["width_px"],
                 row["height_px"], row["added_at"], row["id"])


def _point(row):
    return FieldPoint(row["name"], row["source_line"], row["lon"], row["lat"], row["x"], row["y"],
                      bool(row["inside"]), row["plot_code"], row["plot_project_code"], row["distance_m"],
                      row["recorded_at"], row["uuid"])


def make_thumbnail(content, size_px=THUMBNAIL_PX):
    """``(png_bytes, width, height)`` of an image's thumbnail, or ``(None, 0, 0)`` if unreadable."""
    from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from qgis.PyQt.QtGui import QImage
    image = QImage()
    if not image.loadFromData(QByteArray(content)) or image.isNull():
        return None, 0, 0
    small = image.scaled(size_px, size_px, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    small.save(buffer, "PNG")
    buffer.close()
    return bytes(data), image.width(), image.height()


def verdict_counts(store):
    """``{verdict: number of projects whose current verdict it is}``."""
    counts = {verdict: 0 for verdict in VERDICTS}
    for review in store.current_verdicts().values():
        counts[review.verdict] += 1
    return counts


# -- reading GPS files ---------------------------------------------------------------------------
# Column names a GPS or a spreadsheet may use (lower case); Chinese exports name them in Chinese.
LON_COLUMNS = ("lon", "lng", "long", "longitude", "经度")
LAT_COLUMNS = ("lat", "latitude", "纬度")
X_COLUMNS = ("x", "easting", "东坐标", "横坐标")
Y_COLUMNS = ("y", "northing", "北坐标", "纵坐标")
NAME_COLUMNS = ("name", "id", "point", "点号", "点名", "名称")
TIME_COLUMNS = ("time", "datetime", "timestamp", "时间")
GPS_CRS = "EPSG:4326"   # what GPX and consumer GPS units record


@dataclass(frozen=True)
class RawPoint:
    name: str
    source_line: int
    a: float        # lon or x, as read
    b: float        # lat or y, as read
    geographic: bool
    recorded_at: str = None


def read_points(path):
    """Points of a GPX (waypoints, else track points) or CSV (lon/lat or x/y columns) file."""
    path = str(path)
    if not os.path.isfile(path):
        raise ReviewError(f"{path}: file not found")
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".gpx":
        return _read_gpx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise ReviewError(f"{path}: field points must come from a .gpx or .csv file")


def _read_gpx(path):
    from osgeo import ogr
    dataset = ogr.Open(path)
    if dataset is None:
        raise ReviewError(f"{path}: not a GPX file OGR can read")
    points = []
    for layer_name in ("waypoints", "track_points", "route_points"):
        layer = dataset.GetLayerByName(layer_name)
        if layer is None or layer.GetFeatureCount() == 0:
            continue
        definition = layer.GetLayerDefn()
        has_time = definition.GetFieldIndex("time") >= 0
        has_name = definition.GetFieldIndex("name") >= 0
        for index, feature in enumerate(layer, start=1):
            geometry = feature.GetGeometryRef()
            if geometry is None or geometry.IsEmpty():
                raise ReviewError(f"{path}: {layer_name} {index} has no position")
            name = feature.GetField("name") if has_name else None
            recorded = feature.GetField("time") if has_time else None
            points.append(RawPoint(name or f"{layer_name[:-1]} {index}", index, geometry.GetX(),
                                   geometry.GetY(), True, _gpx_time(recorded)))
        break
    if not points:
        raise ReviewError(f"{path}: the GPX file holds no waypoints, track points or route points")
    return points


def _gpx_time(value):
    if not value:
        return None
    try:
        return normalise_time(value.replace("/", "-").replace(" ", "T"))
    except ReviewError:
        return None


def _decode(path):
    with open(path, "rb") as handle:
        content = handle.read()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReviewError(f"{path}: the file is neither UTF-8 nor GBK text")


def _column(header, names):
    for index, title in enumerate(header):
        if title.strip().lower() in names:
            return index
    return None


def _read_csv(path):
    text = _decode(path)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise ReviewError(f"{path}: the file is empty")
    header = rows[0]
    lon, lat = _column(header, LON_COLUMNS), _column(header, LAT_COLUMNS)
    geographic = lon is not None and lat is not None
    if not geographic:
        lon, lat = _column(header, X_COLUMNS), _column(header, Y_COLUMNS)
    if lon is None or lat is None:
        raise ReviewError(f"{path}: line 1 must name the coordinate columns: lon and lat (经度, 纬度) or "
                          f"x and y; found {', '.join(header)}")
    name_column, time_column = _column(header, NAME_COLUMNS), _column(header, TIME_COLUMNS)
    points, problems = [], []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            a, b = float(row[lon].strip()), float(row[lat].strip())
        except (IndexError, ValueError):
            problems.append(f"{path}: line {line}: the coordinates "
                            f"'{row[lon] if lon < len(row) else ''}', '{row[lat] if lat < len(row) else ''}' "
                            f"are not numbers")
            continue
        if geographic and not (-180 <= a <= 180 and -90 <= b <= 90):
            problems.append(f"{path}: line {line}: lon {a} / lat {b} are outside the range of degrees")
            continue
        name = row[name_column].strip() if name_column is not None and name_column < len(row) else ""
        recorded = None
        if time_column is not None and time_column < len(row) and row[time_column].strip():
            try:
                recorded = normalise_time(row[time_column].strip().replace("/", "-").replace(" ", "T"))
            except ReviewError:
                problems.append(f"{path}: line {line}: time '{row[time_column]}' is not a date and time")
                continue
        points.append(RawPoint(name or f"line {line}", line, a, b, geographic, recorded))
    if problems:
        shown = problems[:10] + ([f"… and {len(problems) - 10} more"] if len(problems) > 10 else [])
        raise ReviewError("\n".join(shown))
    if not points:
        raise ReviewError(f"{path}: the file holds no points")
    if not geographic and all(-180 <= p.a <= 180 and -90 <= p.b <= 90 for p in points):
        points = [RawPoint(p.name, p.source_line, p.a, p.b, True, p.recorded_at) for p in points]
    return points


def locate_points(raw_points, plots, project_code):
    """Place raw points in the plots' CRS and test each against the plots; returns FieldPoints.

    A point inside a plot of ``project_code`` reports that plot; one inside another project's
    plot reports that plot and its project; otherwise the point is outside and carries its
    distance to the nearest plot of ``project_code`` (metres on the ellipsoid for a geographic
    CRS).  Projected x/y that only make sense swapped (Chinese X = northing) are swapped.
    """
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsDistanceArea,
                           QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsProject, QgsRectangle,
                           QgsSpatialIndex)
    crs = plots.crs()
    if not crs.isValid():
        raise ReviewError(f"{plots.source()}: the plots layer has no CRS; points cannot be placed")
    to_plots = QgsCoordinateTransform(QgsCoordinateReferenceSystem(GPS_CRS), crs, QgsProject.instance())
    geometries, owners, index = {}, {}, QgsSpatialIndex()
    for feature in plots.getFeatures(QgsFeatureRequest()):
        geometry = QgsGeometry(feature.geometry())
        if geometry.isEmpty():
            continue
        if not geometry.isGeosValid():
            geometry = geometry.makeValid()
        geometries[feature.id()] = geometry
        owners[feature.id()] = (feature["project_code"], feature["plot_code"])
        index.addFeature(feature)
    own = [fid for fid, (code, _plot) in owners.items() if code == project_code]
    extent = plots.extent()
    extent.grow(10000 if not crs.isGeographic() else 0.1)
    measure = QgsDistanceArea()
    measure.setSourceCrs(crs, QgsProject.instance().transformContext())
    measure.setEllipsoid("CGCS2000" if crs.isGeographic() else "NONE")

    located = []
    for raw in raw_points:
        lon = lat = None
        if raw.geographic:
            lon, lat = raw.a, raw.b
            position = to_plots.transform(QgsPointXY(raw.a, raw.b))
        else:
            position = QgsPointXY(raw.a, raw.b)
            if not extent.contains(position) and extent.contains(QgsPointXY(raw.b, raw.a)):
                position = QgsPointXY(raw.b, raw.a)
        point = QgsGeometry.fromPointXY(position)
        hits = [fid for fid in index.intersects(QgsRectangle(position, position)) if geometries[fid].contains(point)]
        hits.sort(key=lambda fid: owners[fid][0] != project_code)   # the reviewed project's plot first
        if hits:
            plot_project, plot_code = owners[hits[0]]
            located.append(FieldPoint(raw.name, raw.source_line, lon, lat, position.x(), position.y(), True,
                                      plot_code, plot_project, 0.0, raw.recorded_at))
            continue
        distance = None
        for fid in own:
            line = geometries[fid].shortestLine(point)
            if line.isEmpty():
                continue
            ends = line.asPolyline()
            metres = measure.measureLine(ends[0], ends[-1]) if len(ends) >= 2 else 0.0
            distance = metres if distance is None else min(distance, metres)
        located.append(FieldPoint(raw.name, raw.source_line, lon, lat, position.x(), position.y(), False,
                                  None, None, distance, raw.recorded_at))
    return located
