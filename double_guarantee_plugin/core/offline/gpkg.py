# SPDX-License-Identifier: GPL-2.0-or-later
"""GeoPackage geometry blobs and sqlite3 connections to GeoPackages for take offline / bring back.

The rtree triggers of a GeoPackage call ST_IsEmpty / ST_MinX …; plain sqlite3 lacks them, so they
are provided here from the blob header.  That lets a whole merge run in one SQLite transaction.
Geometries travel between the package and the office database as *normal WKB*: little-endian,
ISO, 2D MultiPolygon (a Polygon is wrapped), so a plot hashes the same whichever backend holds it.
"""
import sqlite3
import struct

from ...i18n import tr

_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
WKB_MULTIPOLYGON = 6


class GeometryError(ValueError):
    """A geometry blob or WKB that cannot be read; the message says what is wrong with it."""


def blob_header(blob):
    """``(empty, envelope or None, offset of the WKB)`` of a GeoPackage blob; GeometryError if it is not one."""
    blob = bytes(blob)
    if len(blob) < 8 or blob[:2] != b"GP":
        raise GeometryError(tr("not a GeoPackage geometry blob"))
    flags = blob[3]
    envelope_kind = (flags >> 1) & 0x07
    size = _ENVELOPE_BYTES.get(envelope_kind)
    if size is None:
        raise GeometryError(tr("unknown envelope code {} in the blob header", envelope_kind))
    if len(blob) < 8 + size:
        raise GeometryError(tr("the blob is shorter than its header"))
    envelope = struct.unpack(("<" if flags & 0x01 else ">") + "4d", blob[8:40]) if envelope_kind else None
    return bool(flags & 0x10), envelope, 8 + size


def geometry_wkb(blob):
    """The WKB part of a GeoPackage geometry blob (None for NULL); GeometryError if damaged."""
    if blob is None:
        return None
    return bytes(blob)[blob_header(blob)[2]:]


def normal_wkb(wkb):
    """``wkb`` as little-endian ISO 2D MultiPolygon WKB (None stays None); GeometryError if it is not polygons."""
    if wkb is None:
        return None
    wkb = bytes(wkb)
    if len(wkb) >= 9 and wkb[0] == 1 and struct.unpack("<I", wkb[1:5])[0] == WKB_MULTIPOLYGON:
        _check_parts(wkb)
        return wkb
    from osgeo import ogr
    geometry = ogr.CreateGeometryFromWkb(wkb) if len(wkb) >= 5 else None
    if geometry is None:
        raise GeometryError(tr("the geometry cannot be read (damaged WKB)"))
    kind = geometry.GetGeometryType()
    if kind not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
        raise GeometryError(tr("the geometry is a {}, not a 2D polygon", ogr.GeometryTypeToName(kind)))
    return ogr.ForceToMultiPolygon(geometry).ExportToIsoWkb(ogr.wkbNDR)


def _check_parts(wkb):
    """A little-endian MultiPolygon taken as it is must still be complete WKB (a cut blob is refused)."""
    from osgeo import ogr
    geometry = ogr.CreateGeometryFromWkb(wkb)
    if geometry is None or len(geometry.ExportToIsoWkb(ogr.wkbNDR)) != len(wkb):
        raise GeometryError(tr("the geometry cannot be read (damaged WKB)"))


def blob_normal_wkb(blob):
    """Normal WKB of a GeoPackage blob (None for NULL)."""
    return normal_wkb(geometry_wkb(blob))


def make_blob(wkb, srs_id):
    """A GeoPackage blob (little-endian, xy envelope) holding ``wkb``; None for None."""
    if wkb is None:
        return None
    from osgeo import ogr
    geometry = ogr.CreateGeometryFromWkb(bytes(wkb))
    if geometry is None or geometry.IsEmpty():
        return struct.pack("<2sBBi", b"GP", 0, 0x01 | 0x10, int(srs_id)) + bytes(wkb)
    minx, maxx, miny, maxy = geometry.GetEnvelope()
    return struct.pack("<2sBBi4d", b"GP", 0, 0x01 | (1 << 1), int(srs_id), minx, maxx, miny, maxy) + bytes(wkb)


def _envelope(blob):
    """Envelope (minx, maxx, miny, maxy) of a blob, None for NULL, empty or unreadable ones (the
    triggers must never raise: a damaged blob is reported by the package check, not by SQLite)."""
    if blob is None:
        return None
    try:
        empty, envelope, offset = blob_header(blob)
    except (GeometryError, struct.error):
        return None
    if empty:
        return None
    if envelope is None:
        from osgeo import ogr
        geometry = ogr.CreateGeometryFromWkb(bytes(blob)[offset:])
        if geometry is None or geometry.IsEmpty():
            return None
        envelope = geometry.GetEnvelope()
    return envelope


def _st_is_empty(blob):
    return 1 if _envelope(blob) is None else 0


def connect(path):
    """A sqlite3 connection to a GeoPackage with the ST_ functions its triggers need (autocommit: BEGIN yourself)."""
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
    if not connection.execute(f"SELECT 1 FROM {schema}.sqlite_master WHERE name = ?", (rtree,)).fetchone():  # nosec B608  # schema alias and R-tree name built from code constants (our plots layer); values bound
        return
    connection.execute(
        f"UPDATE {schema}.gpkg_contents SET min_x = (SELECT min(minx) FROM {schema}.{rtree}), "
        f"max_x = (SELECT max(maxx) FROM {schema}.{rtree}), min_y = (SELECT min(miny) FROM {schema}.{rtree}), "
        f"max_y = (SELECT max(maxy) FROM {schema}.{rtree}) WHERE table_name = ?", (table,))  # nosec B608  # schema alias and R-tree name built from code constants (our plots layer); values bound


def srs_id(connection, table):
    """The srs_id of ``table``'s geometry column (gpkg_geometry_columns)."""
    row = connection.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
    return row[0] if row else 0


def geometry_from_blob(blob):
    """A QgsGeometry from a GeoPackage blob or WKB (for showing a conflict's versions on the map)."""
    from qgis.core import QgsGeometry
    geometry = QgsGeometry()
    if blob is None:
        return geometry
    blob = bytes(blob)
    wkb = geometry_wkb(blob) if blob[:2] == b"GP" else blob
    if wkb:
        geometry.fromWkb(wkb)
    return geometry
