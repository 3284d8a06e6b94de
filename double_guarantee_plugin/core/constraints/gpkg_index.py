# SPDX-License-Identifier: GPL-2.0-or-later
"""Spatial index of an unedited GeoPackage constraint layer: the file's own R-tree, asked through SQLite.

For a GeoPackage layer read as it is on disk (no edit buffer, no subset string, the plots' CRS)
the features near a batch's plots come from one SQLite query joining the plots' boxes with the
layer's R-tree table (``rtree_<table>_<geometry>``), and their geometries from one query joining
the wanted ids with the table (both handed over as one JSON text, SQLite 3.38+); the GeoPackage geometry header is skipped in numpy (see
``sql_index``).  Python's own ``sqlite3`` reads the file (read-only, a connection a thread: a
``QgsTask`` and the live check never share one).  Any other layer keeps the ``QgsSpatialIndex``
path (``available`` says which).
"""
import json
import os
import sqlite3
import threading
import urllib.parse

import numpy as np
from qgis.core import QgsProviderRegistry

from .sql_index import SqlIndex

# GeoPackage binary header: 8 bytes, then an envelope of 0, 32, 48, 48 or 64 bytes (flags bits 1-3)
_ENVELOPE_BYTES = np.array([0, 32, 48, 48, 64, 0, 0, 0], dtype=np.int64)


def gpkg_location(source, target_crs):
    """``(path, layer name)`` when ``source`` (a layer or ``LayerSource``) may be read from disk
    directly, else None: an OGR GeoPackage layer without subset string, without pending edits, in
    ``target_crs``."""
    try:
        provider = source.providerType()
        uri = source.source()
        modified = source.isModified()
        subset = source.subsetString()
    except (AttributeError, RuntimeError):
        return None
    if provider != "ogr" or modified or subset:
        return None
    if source.sourceCrs() != target_crs:
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", uri)
    path, name = parts.get("path") or "", parts.get("layerName") or ""
    if parts.get("subset") or not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return None
    return path, name


def _quoted(name):
    return '"' + name.replace('"', '""') + '"'


def _open(path):
    # autocommit (no transaction left open between statements): a read never keeps the file locked
    # against QGIS saving an edit of the layer
    return sqlite3.connect(f"file:{urllib.parse.quote(os.path.abspath(path))}?mode=ro", uri=True,
                           isolation_level=None)


def _layout(connection, layer_name):
    """``(table, geometry column, key column, R-tree table)`` of the layer, or raise ValueError."""
    rows = connection.execute("SELECT table_name, column_name FROM gpkg_geometry_columns").fetchall()
    found = [row for row in rows if not layer_name or row[0] == layer_name]
    if not found:
        raise ValueError(f"no layer '{layer_name}'")
    table, geometry = found[0]
    keys = [row[1] for row in connection.execute(f"PRAGMA table_info({_quoted(table)})").fetchall() if row[5]]
    key = keys[0] if len(keys) == 1 else "rowid"
    rtree = f"rtree_{table}_{geometry}"
    exists = connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone()
    if not exists:
        raise ValueError(f"layer '{table}' has no R-tree")
    return table, geometry, key, rtree


class GpkgIndex(SqlIndex):
    """A GeoPackage layer's R-tree and geometries, asked for through SQLite (module docstring)."""

    def __init__(self, path, layer_name="", feedback=None):
        super().__init__()
        self.path = path
        self._local = threading.local()
        try:
            self._table, self._geometry, self._key, self._rtree = _layout(self._connection(), layer_name)
        except (sqlite3.Error, ValueError) as exc:
            raise ValueError(f"{path}: {exc}") from None

    @staticmethod
    def available(path, layer_name=""):
        """True when the GeoPackage layer has the R-tree this index reads."""
        try:
            connection = _open(path)
            try:
                _layout(connection, layer_name)
            finally:
                connection.close()
            return True
        except Exception:  # noqa: BLE001 - not readable this way: the caller takes the usual path
            return False

    def _connection(self):
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._local.connection = _open(self.path)
        return connection

    def __len__(self):
        return self._connection().execute(f"SELECT COUNT(*) FROM {_quoted(self._rtree)}").fetchone()[0]  # nosec B608  # table and column names from the GeoPackage's own schema, double-quoted; values bound

    def _boxes(self, boxes):
        connection = self._connection()
        rtree = _quoted(self._rtree)
        if len(boxes) == 1:
            x0, y0, x1, y1 = boxes[0].tolist()
            ids = [row[0] for row in connection.execute(
                f"SELECT id FROM {rtree} WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?",  # nosec B608  # table and column names from the GeoPackage's own schema, double-quoted; values bound
                (x1, x0, y1, y0))]
            return np.zeros(len(ids), np.int64), np.array(ids, dtype=np.int64)
        connection.execute("CREATE TEMP TABLE IF NOT EXISTS dg_boxes "
                           "(n INTEGER PRIMARY KEY, x0 REAL, y0 REAL, x1 REAL, y1 REAL)")
        connection.execute("DELETE FROM dg_boxes")
        # the boxes handed over as one JSON text (one call, not one a box)
        connection.execute("INSERT INTO dg_boxes SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
                           "json_extract(value, '$[2]'), json_extract(value, '$[3]') FROM json_each(?)",
                           (json.dumps(boxes.tolist()),))
        # one row a box, its ids joined in one text: far fewer Python objects than a row an id
        rows = connection.execute(f"SELECT b.n, (SELECT group_concat(r.id) FROM {rtree} r WHERE r.minx <= b.x1 "  # nosec B608  # table and column names from the GeoPackage's own schema, double-quoted; values bound
                                  f"AND r.maxx >= b.x0 AND r.miny <= b.y1 AND r.maxy >= b.y0) FROM dg_boxes b "
                                  f"ORDER BY b.n").fetchall()
        texts = [text for _n, text in rows if text]
        counts = np.array([text.count(",") + 1 if text else 0 for _n, text in rows], dtype=np.int64)
        ids = np.array(",".join(texts).split(","), dtype=np.int64) if texts else np.empty(0, np.int64)
        return np.repeat(np.array([n for n, _text in rows], dtype=np.int64), counts), ids

    def _read(self, fids):
        connection = self._connection()
        key = _quoted(self._key)
        rows = connection.execute(f"SELECT t.{key}, t.{_quoted(self._geometry)} FROM json_each(?) w "  # nosec B608  # table and column names from the GeoPackage's own schema, double-quoted; values bound
                                  f"JOIN {_quoted(self._table)} t ON t.{key} = w.value",
                                  ("[" + ",".join(map(str, fids.tolist())) + "]",)).fetchall()
        ids, blobs = zip(*rows) if rows else ((), ())
        found = np.array(ids, dtype=np.int64)
        buffer, offsets, lengths = self.joined(blobs)
        # skip each GeoPackage header: magic "GP", version, flags, srs id, envelope
        if len(rows):
            at = np.minimum(offsets + 3, max(len(buffer) - 1, 0))
            flags = buffer[at].astype(np.int64) if len(buffer) else np.zeros(len(rows), np.int64)
            header = 8 + _ENVELOPE_BYTES[(flags >> 1) & 7]
            standard = (lengths > header) & (flags & 0x20 == 0) & (flags & 0x10 == 0)   # not extended, not empty
            offsets = np.where(standard, offsets + header, 0)
            lengths = np.where(standard, lengths - header, 0)
        return found, buffer, offsets, lengths
