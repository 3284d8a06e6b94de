# SPDX-License-Identifier: GPL-2.0-or-later
"""A constraint layer in PostGIS: only the features near the plots are fetched (GiST filter on the
server), never the whole table, and every check equals the same layer read from a GeoPackage.
QGIS talks to the server through a byte-counting relay (scripts/byte_relay.py): what came over the
wire is measured, not what the index says it read.

A throwaway PostgreSQL 15 + PostGIS cluster (scripts/pg_cluster.py) holds 6,000 parcels of the
checks' own irregular shapes, some drawn twice (overlapping each other), one bow-tie; the plots lie
over a small corner of them.
"""
import random
import sys
from pathlib import Path

import pytest

from constraints_helpers import EPSG, X0, Y0, irregular_ring, plot_row, rect_wkt

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

pytestmark = pytest.mark.postgis


def _wkt(points):
    return "POLYGON((" + ",".join(f"{x:.3f} {y:.3f}" for x, y in points + [points[0]]) + "))"


def _parcels():
    rng = random.Random(17)
    rows = []
    for column in range(100):
        for row in range(60):
            cx, cy = X0 + 35 + 70 * column, Y0 + 35 + 70 * row
            rows.append(_wkt(irregular_ring(rng, cx, cy, rng.randint(5, 12), 22, 33)))
            if rng.random() < 0.03:
                rows.append(_wkt(irregular_ring(rng, cx + 3, cy + 2, 7, 22, 33)))
    rows.append(f"POLYGON(({X0 + 300} {Y0 + 300},{X0 + 340} {Y0 + 340},{X0 + 340} {Y0 + 300},"
                f"{X0 + 300} {Y0 + 340},{X0 + 300} {Y0 + 300}))")                       # a bow-tie
    return rows


@pytest.fixture(scope="module")
def postgis_farmland(qgis_app, tmp_path_factory):
    import pg_cluster
    from byte_relay import CountingRelay
    parcels = _parcels()
    cluster = pg_cluster.start_cluster(extra_settings=("fsync=off",))
    try:
        cluster.create_database("dg_constraints", postgis=True)
        values = ",".join(f"({n + 1}, ST_GeomFromText('{wkt}', {EPSG}))" for n, wkt in enumerate(parcels))
        cluster.psql(f"CREATE TABLE farmland (fid integer PRIMARY KEY, geom geometry(Polygon, {EPSG})); "
                     f"INSERT INTO farmland VALUES {values}; "
                     f"CREATE INDEX farmland_geom ON farmland USING gist (geom); ANALYZE farmland",
                     dbname="dg_constraints")
        relay = CountingRelay(cluster.port)
        yield cluster, parcels, relay
        relay.close()
    finally:
        cluster.stop()


def _plots(rng):
    rows = []
    for number in range(40):
        cx, cy = X0 + rng.uniform(150, 1400), Y0 + rng.uniform(150, 1000)
        rows.append(plot_row(_wkt(irregular_ring(rng, cx, cy, rng.choice([12, 60, 160]), 80, 130)),
                             f"P{number // 4}", f"P{number // 4}-{number % 4}"))
    rows.append(plot_row(rect_wkt(X0 + 280, Y0 + 280, X0 + 360, Y0 + 360), "B", "B-1"))   # over the bow-tie
    return rows


def test_postgis_layer_is_read_near_the_plots_and_checks_like_a_geopackage(postgis_farmland, gpkg_layer_factory,
                                                                         plots_layer_factory):
    from qgis.core import QgsProject, QgsVectorLayer
    from double_guarantee_plugin.core import constraints
    from double_guarantee_plugin.core.constraints.pg_index import PgIndex
    from double_guarantee_plugin.core.constraints.registry import REGISTRY
    cluster, parcels, relay = postgis_farmland
    table_wkb_bytes = cluster.psql("SELECT sum(octet_length(ST_AsBinary(geom))) FROM farmland",
                                   dbname="dg_constraints")[0][0]
    relay.reset()
    uri = (f"host=127.0.0.1 port={relay.port} dbname=dg_constraints user=dg_admin sslmode=disable "
           f"key='fid' srid={EPSG} type=Polygon table=\"public\".\"farmland\" (geom)")
    remote = QgsVectorLayer(uri, "farmland_pg", "postgres")
    assert remote.isValid()
    local = gpkg_layer_factory("farmland", [(wkt, {}) for wkt in parcels])
    plots = plots_layer_factory(_plots(random.Random(4)))
    QgsProject.instance().addMapLayers([remote], False)
    REGISTRY.clear()
    results = {}
    for name, layer in (("postgis", remote), ("gpkg", local)):
        engine = constraints.ConstraintEngine(constraints.ConstraintSet.from_layers(basic_farmland=layer))
        results[name] = {plot.plot_code: plot for check in engine.check_plots(plots).values() for plot in check.plots}
        engine.close()
    index = REGISTRY.get(remote, remote, plots.crs())
    assert isinstance(index.index, PgIndex)
    assert results["postgis"].keys() == results["gpkg"].keys()
    for code, plot in results["postgis"].items():
        other = results["gpkg"][code]
        assert plot.layers[0].feature_ids == other.layers[0].feature_ids, code
        assert plot.bf_overlap_m2 == pytest.approx(other.bf_overlap_m2, rel=1e-12, abs=1e-9), code
        assert plot.status == other.status
    # the bow-tie was found, repaired and reported on both
    assert "repaired" in results["postgis"]["B-1"].message and "repaired" in results["gpkg"]["B-1"].message
    # only the features near the plots came over: a small part of the table
    fetched = len(index.index._wkb_fids)
    assert 0 < fetched < len(parcels) / 5
    whole_table = sum(len(wkt) for wkt in parcels)            # (WKT is longer than WKB: a generous bound)
    assert index.index.bytes_read < whole_table / 5
    # over the wire (the layer's metadata queries included): a small part of the table's geometries
    checked_bytes = relay.received
    assert 0 < checked_bytes < table_wkb_bytes / 4, (checked_bytes, table_wkb_bytes)
    # a live check of a plot elsewhere asks the server again, for that plot's neighbours only
    engine = constraints.ConstraintEngine(constraints.ConstraintSet.from_layers(basic_farmland=remote))
    far = engine.check_geometry(irregular_plot(X0 + 6000, Y0 + 3500), plots.crs(), "new_farmland")
    assert far.layers[0].feature_ids and len(index.index._wkb_fids) < fetched + 60
    engine.close()
    # the relay does see a whole-table read: reading every feature brings more than all the WKB
    relay.reset()
    assert sum(1 for _feature in remote.getFeatures()) == len(parcels)
    assert relay.received > table_wkb_bytes
    QgsProject.instance().removeMapLayers([remote.id()])


def irregular_plot(cx, cy):
    from qgis.core import QgsGeometry
    return QgsGeometry.fromWkt(_wkt(irregular_ring(random.Random(1), cx, cy, 40, 90, 110)))
