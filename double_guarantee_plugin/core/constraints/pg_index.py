# SPDX-License-Identifier: GPL-2.0-or-later
"""Spatial index of a PostGIS constraint layer: the server's GiST index answers, only the features near the plots travel.

A province's basic-farmland layer lives in PostGIS, not on the laptop.  Building a
``QgsSpatialIndex`` would pull the whole table over the network; instead, for a ``postgres`` layer
read as it is (no edit buffer, no subset string or query, the plots' CRS, a single key column),
the features whose boxes meet the plots' boxes come from one query (``geom && ST_MakeEnvelope``
per plot box, on the table's GiST index: the filter runs on the server), and their geometries from
one query by key — both sent back with ``COPY … TO STDOUT (FORMAT binary)``, so WKB travels as
bytes, not hex.  The overlaps are then measured here exactly as for a GeoPackage layer (the same
ellipsoidal result).  psycopg2 talks to the server (a connection a thread), with the layer's own
connection settings (its QGIS authentication configuration included).
"""
import io
import struct
import threading

import numpy as np
from qgis.core import QgsDataSourceUri

from .sql_index import SqlIndex

_COPY_HEADER = b"PGCOPY\n\377\r\n\0"


def pg_location(source, target_crs):
    """``(connection parameters, schema, table, geometry column, key column)`` when ``source`` (a
    layer or ``LayerSource``) may be read from the database directly, else None."""
    try:
        provider = source.providerType()
        modified = source.isModified()
        subset = source.subsetString()
        uri = QgsDataSourceUri(source.source())
    except (AttributeError, RuntimeError):
        return None
    if provider != "postgres" or modified or subset or uri.sql():
        return None
    if source.sourceCrs() != target_crs:
        return None
    key = uri.keyColumn().strip('"')
    if not uri.table() or not uri.geometryColumn() or not key or "," in key:
        return None
    return _params(uri), uri.schema() or "public", uri.table(), uri.geometryColumn(), key


def _params(uri):
    """psycopg2 connection parameters of a QGIS ``postgres`` data source."""
    params = {}
    if uri.service():
        params["service"] = uri.service()
    for name, value in (("host", uri.host()), ("port", uri.port()), ("dbname", uri.database()),
                        ("user", uri.username()), ("password", uri.password())):
        if value:
            params[name] = value
    if uri.sslMode() not in (QgsDataSourceUri.SslMode.SslPrefer,):
        params["sslmode"] = QgsDataSourceUri.encodeSslMode(uri.sslMode())
    if uri.authConfigId():
        from qgis.core import QgsApplication, QgsAuthMethodConfig
        config = QgsAuthMethodConfig()
        QgsApplication.authManager().loadAuthenticationConfig(uri.authConfigId(), config, True)
        for key in ("username", "password"):
            if config.config(key):
                params["user" if key == "username" else key] = config.config(key)
    return params


def _copy_rows(data):
    """The rows of a ``COPY … (FORMAT binary)`` result: ``[[field bytes or None, …], …]``."""
    if not data.startswith(_COPY_HEADER):
        raise ValueError("not a binary COPY stream")
    (extension,) = struct.unpack_from("!I", data, len(_COPY_HEADER) + 4)
    offset = len(_COPY_HEADER) + 8 + extension
    rows = []
    view = memoryview(data)
    unpack_count, unpack_length = struct.Struct("!h").unpack_from, struct.Struct("!i").unpack_from
    while True:
        (fields,) = unpack_count(data, offset)
        offset += 2
        if fields == -1:
            return rows
        row = []
        for _field in range(fields):
            (length,) = unpack_length(data, offset)
            offset += 4
            if length < 0:
                row.append(None)
            else:
                row.append(view[offset:offset + length])
                offset += length
        rows.append(row)


class PgIndex(SqlIndex):
    """A PostGIS layer's GiST index and geometries, asked for over the network (module docstring)."""

    def __init__(self, params, schema, table, geometry, key, feedback=None):
        super().__init__()
        from psycopg2 import sql
        self._params = params
        self._local = threading.local()
        self._table = sql.Identifier(schema, table)
        self._geometry = sql.Identifier(geometry)
        self._key = sql.Identifier(key)
        with self._connection().cursor() as cursor:
            cursor.execute(sql.SQL("SELECT ST_SRID({g}) FROM {t} WHERE {g} IS NOT NULL LIMIT 1").format(
                g=self._geometry, t=self._table))
            row = cursor.fetchone()
        self._srid = int(row[0]) if row else 0

    def _connection(self):
        connection = getattr(self._local, "connection", None)
        if connection is None or connection.closed:
            from ..ledger.postgres_backend import connect
            connection = self._local.connection = connect(**self._params)
            connection.autocommit = True       # reads only: no transaction held open between checks
        return connection

    def _copy(self, query, arguments):
        """The binary COPY result of ``query`` (a psycopg2 SQL object with %s placeholders)."""
        connection = self._connection()
        with connection.cursor() as cursor:
            statement = cursor.mogrify(query.as_string(connection), arguments).decode()
            buffer = io.BytesIO()
            cursor.copy_expert(f"COPY ({statement}) TO STDOUT (FORMAT binary)", buffer)
        return buffer.getvalue()

    def __len__(self):
        from psycopg2 import sql
        with self._connection().cursor() as cursor:
            cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(self._table))
            return cursor.fetchone()[0]

    def _boxes(self, boxes):
        from psycopg2 import sql
        query = sql.SQL(
            "SELECT q.n::int4, t.{k}::int8 FROM unnest(%s::float8[], %s::float8[], %s::float8[], %s::float8[]) "
            "WITH ORDINALITY AS q(x0, y0, x1, y1, n) JOIN {t} t ON t.{g} && ST_MakeEnvelope(q.x0, q.y0, q.x1, "
            "q.y1, %s)").format(k=self._key, t=self._table, g=self._geometry)
        data = self._copy(query, [boxes[:, column].tolist() for column in range(4)] + [self._srid])
        # fixed-size rows: field count (2), then 4 + 4 bytes and 4 + 8 bytes
        start = len(_COPY_HEADER) + 8 + struct.unpack_from("!I", data, len(_COPY_HEADER) + 4)[0]
        rows = (len(data) - start - 2) // 22
        table = np.frombuffer(data, dtype=np.dtype([("fields", ">i2"), ("n_length", ">i4"), ("n", ">i4"),
                                                    ("fid_length", ">i4"), ("fid", ">i8")]),
                              count=rows, offset=start)
        self.bytes_read += len(data)
        return table["n"].astype(np.int64) - 1, table["fid"].astype(np.int64)

    def _read(self, fids):
        from psycopg2 import sql
        query = sql.SQL("SELECT {k}::int8, ST_AsBinary({g}) FROM {t} WHERE {k} = ANY(%s)").format(
            k=self._key, g=self._geometry, t=self._table)
        data = self._copy(query, [fids.tolist()])
        rows = _copy_rows(data)
        found = np.array([int.from_bytes(row[0], "big", signed=True) for row in rows], dtype=np.int64)
        buffer, offsets, lengths = self.joined([bytes(row[1]) if row[1] is not None else None for row in rows])
        self.bytes_read += len(data) - int(lengths.sum()) - 8 * len(rows)   # (the rest is counted on filing)
        return found, buffer, offsets, lengths
