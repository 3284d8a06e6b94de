# SPDX-License-Identifier: GPL-2.0-or-later
"""The batch check (numpy overlaps, ``batch.overlap_many``) against the live check of each plot and
against GEOS, on a real GeoPackage with the hard cases planted: a plot sharing an edge with a
parcel, a parcel vertex on a plot edge, a self-intersecting parcel, parcels drawn twice (overlapping
each other), a parcel with a hole, a plot with a hole, a slope layer filtered by value, a red-line
zone of 3,000 vertices and a plot of 2,500."""
import random

import pytest

from constraints_helpers import X0, Y0, irregular_ring as irregular, plot_row, rect_wkt


def polygon_wkt(points, holes=()):
    rings = [points] + list(holes)
    return "POLYGON(" + ",".join("(" + ",".join(f"{x:.3f} {y:.3f}" for x, y in ring + [ring[0]]) + ")"
                                 for ring in rings) + ")"


def county(rng):
    """Parcels on a 70 m grid over 1 km², some drawn twice 20 m off, a few with holes, one bow-tie,
    one that shares an edge with the first plot and one with a vertex on the second plot's edge."""
    parcels = []
    for col in range(14):
        for row in range(14):
            if rng.random() < 0.25:
                continue
            cx, cy = X0 + 35 + 70 * col, Y0 + 35 + 70 * row
            points = irregular(rng, cx, cy, rng.randint(5, 9), 24, 33)
            if rng.random() < 0.08:
                parcels.append(polygon_wkt(points, [irregular(rng, cx, cy, 5, 4, 8)]))
            else:
                parcels.append(polygon_wkt(points))
            if rng.random() < 0.05:
                parcels.append(polygon_wkt(irregular(rng, cx + 20, cy + 20, 6, 24, 33)))
    parcels.append(f"POLYGON(({X0 + 300} {Y0 + 300},{X0 + 340} {Y0 + 340},{X0 + 340} {Y0 + 300},"
                   f"{X0 + 300} {Y0 + 340},{X0 + 300} {Y0 + 300}))")                     # bow-tie
    parcels.append(rect_wkt(X0 + 100, Y0 + 560, X0 + 160, Y0 + 600))    # shares the first plot's west edge part
    parcels.append(f"POLYGON(({X0 + 560} {Y0 + 620},{X0 + 600} {Y0 + 600},{X0 + 600} {Y0 + 640},"
                   f"{X0 + 560} {Y0 + 620}))")                             # vertex on the second plot's edge
    return parcels


def plots(rng):
    rows = [plot_row(rect_wkt(X0 + 160, Y0 + 540, X0 + 400, Y0 + 700), "P1", "P1-1"),
            plot_row(rect_wkt(X0 + 560, Y0 + 540, X0 + 800, Y0 + 700), "P1", "P1-2"),
            plot_row(polygon_wkt(irregular(rng, X0 + 330, Y0 + 320, 30, 110, 140),
                                 [irregular(rng, X0 + 330, Y0 + 320, 8, 30, 40)]), "P2", "P2-1")]
    for number in range(30):
        cx, cy = X0 + rng.uniform(150, 850), Y0 + rng.uniform(150, 850)
        rows.append(plot_row(polygon_wkt(irregular(rng, cx, cy, 24, 90, 120)), f"R{number // 3}",
                             f"R{number // 3}-{number % 3}", before=rng.choice(["0404", "0103"])))
    return rows


def batch_items(plot_layer):
    """``(codes, geometries, engines, blobs, boxes)`` of the plots: ``blobs`` and ``boxes`` as
    ``batch.overlap_many`` takes them, a prepared engine each for ``overlap_planar``."""
    import numpy as np
    from qgis.core import QgsGeometry
    codes, geometries, engines, blobs, boxes = [], [], [], [], []
    for feature in plot_layer.getFeatures():
        geometry = feature.geometry()
        engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        engine.prepareGeometry()
        codes.append(feature["plot_code"])
        geometries.append(geometry)
        engines.append(engine)
        blobs.append(bytes(geometry.asWkb()))
        box = geometry.boundingBox()
        boxes.append((box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))
    return codes, geometries, engines, blobs, np.array(boxes)


@pytest.fixture()
def batch_case(gpkg_layer_factory, plots_layer_factory):
    rng = random.Random(20261122)
    parcels = county(rng)
    farmland = gpkg_layer_factory("bf", [(wkt, {}) for wkt in parcels])
    slope = gpkg_layer_factory("slope", [(wkt, {"slope_deg": float(number % 40)}) for number, wkt in enumerate(parcels)],
                               fields=(("slope_deg", float),))
    plot_layer = plots_layer_factory(plots(rng))
    return farmland, slope, plot_layer


@pytest.mark.parametrize("storage", ["gpkg", "memory"])
def test_batch_equals_live_check_and_geos(qgis_app, batch_case, storage):
    """On the GeoPackage as it is on disk (GpkgIndex) and on memory copies (QgsSpatialIndex)."""
    from qgis.core import QgsFeatureRequest, QgsGeometry, QgsProject
    from double_guarantee_plugin.core import constraints
    from double_guarantee_plugin.core.area import EllipsoidalArea
    from double_guarantee_plugin.core.constraints.registry import REGISTRY
    farmland, slope, plot_layer = batch_case
    if storage == "memory":
        farmland, slope = (layer.materialize(QgsFeatureRequest()) for layer in (farmland, slope))
        QgsProject.instance().addMapLayers([farmland, slope], False)
    REGISTRY.clear()
    constraint_set = constraints.ConstraintSet.from_layers(basic_farmland=farmland, slope=slope)
    engine = constraints.ConstraintEngine(constraint_set)
    results = engine.check_plots(plot_layer)
    measure = EllipsoidalArea("EPSG:4527")
    union = QgsGeometry.unaryUnion([feature.geometry().makeValid() for feature in farmland.getFeatures()])
    steep = QgsGeometry.unaryUnion([feature.geometry().makeValid() for feature in slope.getFeatures()
                                    if feature["slope_deg"] > constraint_set.layers[1].max_slope_deg])
    checked = 0
    for feature in plot_layer.getFeatures():
        project = results[feature["project_code"]]
        batch = next(check for check in project.plots if check.plot_code == feature["plot_code"])
        live = engine.check_geometry(feature.geometry(), plot_layer.crs(), batch.plot_kind)
        # the batch's areas come from planar moments (core/constraints/ellipsoid.py), the live check's
        # and GEOS's from QgsDistanceArea: within a millionth of a square metre per square metre or two
        # thousandths of a square metre, whichever is more
        assert batch.area_m2 == pytest.approx(live.area_m2, rel=1e-9, abs=2e-3), feature["plot_code"]
        for position in range(2):
            assert batch.layers[position].feature_ids == live.layers[position].feature_ids, feature["plot_code"]
            assert batch.layers[position].overlap_m2 == pytest.approx(live.layers[position].overlap_m2, rel=1e-9,
                                                                      abs=2e-3)
            assert batch.layers[position].status == live.layers[position].status
        expected = measure.area_m2(feature.geometry().intersection(union))
        assert batch.bf_overlap_m2 == pytest.approx(expected, rel=1e-9, abs=2e-3), feature["plot_code"]
        expected_steep = measure.area_m2(feature.geometry().intersection(steep))
        assert batch.slope_overlap_m2 == pytest.approx(expected_steep, rel=1e-9, abs=2e-3), feature["plot_code"]
        # the overlap geometry is built when asked for, and is the one the live check builds
        if batch.layers[0].overlap_m2:
            assert measure.area_m2(batch.layers[0].geometry) == pytest.approx(batch.bf_overlap_m2, rel=1e-9, abs=2e-3)
            checked += 1
    assert checked > 20
    bow_tie = [fid for fid, _error in REGISTRY.get(farmland, farmland, plot_layer.crs()).repairs.items()]
    assert len(bow_tie) == 1                          # the bow-tie was found, repaired and reported
    assert any("repaired" in check.message for project in results.values() for plot in project.plots
               for check in plot.layers)
    assert hasattr(REGISTRY.get(farmland, farmland, plot_layer.crs()).index, "intersects_many") == (storage == "gpkg")
    engine.close()
    if storage == "memory":
        QgsProject.instance().removeMapLayers([farmland.id(), slope.id()])


def test_most_plots_are_measured_in_numpy_and_the_hard_ones_by_geos(qgis_app, batch_case):
    from qgis.core import QgsGeometry
    from double_guarantee_plugin.core.constraints.batch import overlap_many
    from double_guarantee_plugin.core.constraints.layer_index import LayerIndex
    farmland, _slope, plot_layer = batch_case
    index = LayerIndex(farmland, plot_layer.crs())
    assert hasattr(index.index, "intersects_many")          # the GeoPackage read as it is on disk
    codes, geometries, engines, blobs, boxes = batch_items(plot_layer)
    batch = overlap_many(index, blobs, boxes, most=7)       # several chunks
    by_code = dict(zip(codes, batch))
    # the shared edge, the vertex on an edge and the bow-tie leave their plots to GEOS; only those
    special = [QgsGeometry.fromWkt(wkt).boundingBox() for wkt in county(random.Random(20261122))[-3:]]
    assert by_code["P1-1"] is None and by_code["P1-2"] is None and by_code["P2-1"] is None
    for code, geometry, result in zip(codes, geometries, batch):
        if not any(geometry.boundingBox().intersects(box) for box in special):
            assert result is not None, code
    assert sum(result is not None for result in batch) >= 25
    for code, engine, geometry, result in zip(codes, engines, geometries, batch):
        if result is None:
            continue
        hits, planar, _geometry = index.overlap_planar(engine, geometry.boundingBox())
        assert sorted(result[0]) == sorted(hits), code
        assert result[1][0] == pytest.approx(planar, rel=1e-9, abs=1e-6), code


def test_overlapping_features_count_once_by_inclusion_exclusion_or_geos(qgis_app, gpkg_layer_factory,
                                                                        plots_layer_factory):
    """Two features sharing area (inclusion–exclusion, P ∩ A ∩ B measured in numpy), three sharing
    area pairwise and all together (a third-order overlap: the plot is left to GEOS), one feature
    overlapping two that do not overlap each other; the neighbours whose boxes meet without sharing
    area are told apart in numpy.  The batch asks GEOS for no shared area at all."""
    from qgis.core import QgsGeometry
    from double_guarantee_plugin.core.constraints.batch import overlap_many
    from double_guarantee_plugin.core.constraints.layer_index import LayerIndex
    rng = random.Random(5)
    rows = [
        # plot A: a pair
        polygon_wkt(irregular(rng, X0 + 100, Y0 + 100, 7, 25, 30)),
        polygon_wkt(irregular(rng, X0 + 120, Y0 + 115, 7, 25, 30)),
        # plot B: a triple around one point
        polygon_wkt(irregular(rng, X0 + 500, Y0 + 100, 7, 25, 30)),
        polygon_wkt(irregular(rng, X0 + 515, Y0 + 110, 7, 25, 30)),
        polygon_wkt(irregular(rng, X0 + 505, Y0 + 120, 7, 25, 30)),
        # plot C: a chain, the middle one overlapping both ends, the ends apart
        polygon_wkt(irregular(rng, X0 + 880, Y0 + 100, 7, 22, 25)),
        polygon_wkt(irregular(rng, X0 + 920, Y0 + 103, 7, 22, 25)),
        polygon_wkt(irregular(rng, X0 + 960, Y0 + 98, 7, 22, 25)),
        # plot C too: two triangles whose boxes interleave, their shapes apart
        f"POLYGON(({X0 + 860} {Y0 + 160},{X0 + 940} {Y0 + 160},{X0 + 860} {Y0 + 200},{X0 + 860} {Y0 + 160}))",
        f"POLYGON(({X0 + 945} {Y0 + 162},{X0 + 945} {Y0 + 205},{X0 + 870} {Y0 + 205},{X0 + 945} {Y0 + 162}))",
    ]
    farmland = gpkg_layer_factory("bf", [(wkt, {}) for wkt in rows])
    plot_rows = [plot_row(polygon_wkt(irregular(rng, cx, Y0 + 140, 20, 70, 80)), "P", f"P-{n}")
                 for n, cx in enumerate((X0 + 150, X0 + 540, X0 + 930))]
    plot_layer = plots_layer_factory(plot_rows)
    geometries = [QgsGeometry.fromWkt(wkt) for wkt in rows]
    index = LayerIndex(farmland, plot_layer.crs())
    _codes, plot_geometries, engines, blobs, boxes = batch_items(plot_layer)
    assert geometries[5].intersects(geometries[6]) and geometries[6].intersects(geometries[7])
    assert not geometries[5].intersects(geometries[7])
    assert geometries[8].boundingBox().intersects(geometries[9].boundingBox())
    assert not geometries[8].intersects(geometries[9])
    found = overlap_many(index, blobs, boxes)
    assert found[1] is None                                  # the triple
    assert not index.shared                                  # no A ∩ B from GEOS: only touching pairs need it
    assert (9, 10) in index.apart                            # told apart in numpy, kept for the live checks
    union = QgsGeometry.unaryUnion(geometries)
    for engine, geometry, result in zip(engines[::2], plot_geometries[::2], found[::2]):
        assert result is not None
        assert result[1][0] == pytest.approx(geometry.intersection(union).area(), rel=1e-9)
        assert sorted(result[0]) == sorted(index.overlap_planar(engine, geometry.boundingBox())[0])


def test_huge_features_and_plots_are_measured_through_edge_grids(qgis_app, gpkg_layer_factory, plots_layer_factory):
    """A red-line polygon of 3,000 vertices and a plot of 2,500: numpy finds the edges that meet
    through grids of the edges (not all pairs) and agrees with GEOS."""
    from qgis.core import QgsGeometry
    from double_guarantee_plugin.core.constraints.batch import overlap_many
    from double_guarantee_plugin.core.constraints.layer_index import LayerIndex
    rng = random.Random(9)
    rows = [polygon_wkt(irregular(rng, X0 + 500, Y0 + 500, 3000, 380, 420))]
    rows += [polygon_wkt(irregular(rng, X0 + 1200 + 70 * n, Y0 + 500, 7, 25, 30)) for n in range(5)]
    layer = gpkg_layer_factory("rl", [(wkt, {}) for wkt in rows])
    plot_rows = [plot_row(polygon_wkt(irregular(rng, X0 + 850, Y0 + 500, 24, 90, 110)), "P", "P-1"),
                 plot_row(polygon_wkt(irregular(rng, X0 + 1350, Y0 + 500, 2500, 150, 160)), "P", "P-2"),
                 plot_row(polygon_wkt(irregular(rng, X0 + 1420, Y0 + 560, 24, 60, 70)), "P", "P-3"),
                 plot_row(polygon_wkt(irregular(rng, X0 + 500, Y0 + 500, 40, 90, 100)), "P", "P-4")]   # inside
    plot_layer = plots_layer_factory(plot_rows)
    index = LayerIndex(layer, plot_layer.crs())
    _codes, geometries, engines, blobs, boxes = batch_items(plot_layer)
    found = overlap_many(index, blobs, boxes)
    union = QgsGeometry.unaryUnion([QgsGeometry.fromWkt(wkt) for wkt in rows])
    for engine, geometry, result in zip(engines, geometries, found):
        assert result is not None
        assert result[1][0] == pytest.approx(geometry.intersection(union).area(), rel=1e-9)
        assert sorted(result[0]) == sorted(index.overlap_planar(engine, geometry.boundingBox())[0])
    # the plot inside: its whole area, to rounding (GEOS 3.13 of Debian 13 sums the shoelace otherwise
    # than numpy: 1.2e-12 relative at these coordinates)
    assert found[3][1][0] == pytest.approx(geometries[3].area(), rel=1e-10)
