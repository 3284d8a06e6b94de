# SPDX-License-Identifier: GPL-2.0-or-later
"""Helpers of the take-offline / bring-back tests: edits as other QGIS users make them (plain OGR and
sqlite3 on GeoPackages, psycopg2 on PostGIS), damage as broken tools do, and fingerprints of a database."""
import hashlib
import sqlite3

NEW_PLOT_WKT = "MULTIPOLYGON(((39488000 3553000,39488100 3553000,39488100 3553100,39488000 3553100,39488000 3553000)))"


def sql(path, statement, params=()):
    """One statement by plain sqlite3 (with the ST_ functions a GeoPackage's rtree triggers call)."""
    from double_guarantee_plugin.core import offline
    connection = offline.connect(path)
    try:
        return [tuple(row) for row in connection.execute(statement, params).fetchall()]
    finally:
        connection.close()


def damage(path, statement, params=()):
    """Damage a package as a broken tool would: plain sqlite3, the GeoPackage's rtree triggers fed NULLs."""
    connection = sqlite3.connect(str(path))
    for name in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
        connection.create_function(name, 1, lambda blob: None)
    with connection:
        connection.execute(statement, params)
    connection.close()


def fingerprint(path):
    """Every table's rows, hashed: a refused bring-back must leave the office database as it was."""
    with sqlite3.connect(str(path)) as connection:
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'rtree_%' ORDER BY name")]
        return {name: hashlib.sha256(repr(connection.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall())
                                     .encode()).hexdigest() for name in names}


def pg_fingerprint(uri, schema):
    """The same for a PostGIS project schema (geometry as hex WKB)."""
    import psycopg2
    connection = psycopg2.connect(uri)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = %s "
                           "ORDER BY table_name", (schema,))
            result = {}
            for (name,) in cursor.fetchall():
                cursor.execute(f'SELECT to_jsonb(t) - \'geom\', encode(ST_AsBinary(t.geom), \'hex\') FROM '
                               f'"{schema}"."{name}" t ORDER BY 1::text' if name == "plots" else
                               f'SELECT to_jsonb(t) FROM "{schema}"."{name}" t ORDER BY 1::text')
                result[name] = hashlib.sha256(repr(cursor.fetchall()).encode()).hexdigest()
            return result
    finally:
        connection.close()


def pg(uri, statement, params=()):
    """One statement on PostgreSQL as the login of ``uri``; returns the rows, if any."""
    import psycopg2
    connection = psycopg2.connect(uri)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall() if cursor.description else None
    finally:
        connection.close()


def ogr_add_plot(path, project_code, plot_code, wkt=NEW_PLOT_WKT, grade_after=9):
    """A plot drawn in the field, written through OGR; returns its fid."""
    from osgeo import ogr
    dataset = ogr.Open(str(path), 1)
    layer = dataset.GetLayerByName("plots")
    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in (("project_code", project_code), ("plot_code", plot_code), ("class_before", "0404"),
                        ("class_after", "0103"), ("grade_system", "use_grade_15"), ("grade_after", grade_after)):
        feature.SetField(name, value)
    feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
    assert layer.CreateFeature(feature) == 0
    fid = feature.GetFID()
    dataset = None
    return fid


def ogr_set(path, fid, wkt=None, **values):
    """Change a plot's attributes (and geometry) through OGR."""
    from osgeo import ogr
    dataset = ogr.Open(str(path), 1)
    layer = dataset.GetLayerByName("plots")
    feature = layer.GetFeature(fid)
    for name, value in values.items():
        feature.SetField(name, value)
    if wkt is not None:
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
    assert layer.SetFeature(feature) == 0
    dataset = None


def ogr_delete(path, fid):
    from osgeo import ogr
    dataset = ogr.Open(str(path), 1)
    assert dataset.GetLayerByName("plots").DeleteFeature(fid) == 0
    dataset = None


def rows(path, table, key):
    """``{key: row dict}`` of a GeoPackage table."""
    with sqlite3.connect(str(path)) as connection:
        connection.row_factory = sqlite3.Row
        return {row[key]: dict(row) for row in connection.execute(f"SELECT * FROM {table}")}
