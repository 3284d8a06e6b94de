# SPDX-License-Identifier: GPL-2.0-or-later
"""The constraint engine's fast paths give the answers of the slow ones: overlap areas from planar
moments against exact QgsDistanceArea measurement, the GeoPackage index against QgsSpatialIndex,
and crossing parcels intersected together against one by one."""
import random

import pytest

from constraints_helpers import X0, Y0, plot_row, rect_wkt


@pytest.fixture()
def engine_module(qgis_app):
    from double_guarantee_plugin.core import constraints
    return constraints


def test_batch_overlaps_equal_exact_measurement_on_the_demo_county(engine_module, demo_county_layers):
    """Every overlap the batch measured from planar moments against QgsDistanceArea of its geometry."""
    from double_guarantee_plugin.core.area import EllipsoidalArea
    layers = demo_county_layers
    engine = engine_module.ConstraintEngine(engine_module.ConstraintSet.from_layers(
        basic_farmland=layers["basic_farmland"], red_line=layers["red_line"], slope=layers["slope"]))
    exact = EllipsoidalArea(layers["plots"].crs())
    compared, worst = 0, 0.0
    for project in engine.check_plots(layers["plots"]).values():
        for plot in project.plots:
            worst = max(worst, abs(plot.area_m2 - exact.area_m2(plot.geometry)))
            for check in plot.layers:
                if check.geometry is None:
                    continue
                worst = max(worst, abs(check.overlap_m2 - exact.area_m2(check.geometry)))
                compared += 1
    engine.close()
    assert compared > 20
    assert worst < 2e-3


def test_gpkg_index_finds_what_qgsspatialindex_finds(qgis_app, demo_county_layers):
    from qgis.core import QgsFeatureRequest, QgsRectangle, QgsSpatialIndex
    from double_guarantee_plugin.core.constraints.gpkg_index import GpkgIndex, gpkg_location
    layer = demo_county_layers["basic_farmland"]
    location = gpkg_location(layer, layer.crs())
    assert location is not None and GpkgIndex.available(*location)
    fast = GpkgIndex(*location)
    reference = QgsSpatialIndex(layer.getFeatures(QgsFeatureRequest().setNoAttributes()))
    assert len(fast) == layer.featureCount()
    extent = layer.extent()
    rng = random.Random(7)
    for _ in range(200):
        x = rng.uniform(extent.xMinimum() - 200, extent.xMaximum())
        y = rng.uniform(extent.yMinimum() - 200, extent.yMaximum())
        size = rng.choice([1.0, 50.0, 400.0, 2000.0])
        rectangle = QgsRectangle(x, y, x + size, y + size)
        expected = set(reference.intersects(rectangle))
        found = set(fast.intersects(rectangle))
        assert expected <= found, rectangle.toString()
        # SQLite's R-tree keeps float32 boxes rounded outwards by up to two float32 steps (4 m each at
        # an easting of 39 500 000 m): extra candidates lie within 8 m of the rectangle
        for fid in found - expected:
            box = layer.getFeature(fid).geometry().boundingBox()
            assert box.buffered(8.01).intersects(rectangle)
    fid = next(layer.getFeatures()).id()
    assert fast.geometry(fid).equals(layer.getFeature(fid).geometry())
    assert fast.geometry(-12345) is None


def test_edited_or_filtered_layer_is_not_read_from_disk(qgis_app, gpkg_layer_factory):
    from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry
    from double_guarantee_plugin.core.constraints.gpkg_index import gpkg_location
    layer = gpkg_layer_factory("bf", [(rect_wkt(X0, Y0, X0 + 100, Y0 + 100), {})])
    crs = QgsCoordinateReferenceSystem("EPSG:4527")
    assert gpkg_location(layer, crs) is not None
    assert gpkg_location(layer, QgsCoordinateReferenceSystem("EPSG:4490")) is None     # transformed on the fly
    layer.startEditing()
    layer.changeGeometry(1, QgsGeometry.fromWkt(rect_wkt(X0, Y0, X0 + 50, Y0 + 100)))
    assert gpkg_location(layer, crs) is None
    layer.rollBack()
    layer.setSubsetString('"fid" = 1')
    assert gpkg_location(layer, crs) is None


def test_crossing_parcels_together_equal_one_by_one(engine_module, gpkg_layer_factory, plots_layer_factory):
    """Three parcels crossing the plot edge (boxes apart: one GEOS call for all), one that only
    touches the plot, one inside: ids and area as if each were intersected alone."""
    from double_guarantee_plugin.core.area import EllipsoidalArea
    plots = plots_layer_factory([plot_row(rect_wkt(X0, Y0, X0 + 200, Y0 + 100))])
    rows = [(rect_wkt(X0 - 10, Y0 + 10, X0 + 10, Y0 + 30), {}),       # crossing the west edge
            (rect_wkt(X0 + 50, Y0 - 10, X0 + 70, Y0 + 10), {}),       # crossing the south edge
            (rect_wkt(X0 + 190, Y0 + 60, X0 + 230, Y0 + 80), {}),     # crossing the east edge
            (rect_wkt(X0 + 100, Y0 + 100, X0 + 120, Y0 + 130), {}),   # touching the north edge only
            (rect_wkt(X0 + 120, Y0 + 20, X0 + 140, Y0 + 40), {})]     # inside
    farmland = gpkg_layer_factory("bf", rows)
    engine = engine_module.ConstraintEngine(engine_module.ConstraintSet.from_layers(basic_farmland=farmland))
    plot = next(iter(engine.check_plots(plots).values())).plots[0]
    measure = EllipsoidalArea("EPSG:4527")
    from qgis.core import QgsGeometry
    expected = sum(measure.area_m2(QgsGeometry.fromWkt(wkt)) for wkt in (
        rect_wkt(X0, Y0 + 10, X0 + 10, Y0 + 30), rect_wkt(X0 + 50, Y0, X0 + 70, Y0 + 10),
        rect_wkt(X0 + 190, Y0 + 60, X0 + 200, Y0 + 80), rect_wkt(X0 + 120, Y0 + 20, X0 + 140, Y0 + 40)))
    assert plot.layers[0].feature_ids == [1, 2, 3, 5]
    assert plot.bf_overlap_m2 == pytest.approx(expected, rel=1e-9, abs=2e-3)
    engine.close()
