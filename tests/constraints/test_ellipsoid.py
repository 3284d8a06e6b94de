# SPDX-License-Identifier: GPL-2.0-or-later
"""core/constraints/ellipsoid.py: ellipsoidal areas from planar moments against QGIS's own measure.

QgsDistanceArea (the CGCS2000 ellipsoid, as the plugin and native:calculatevectoroverlaps use it)
is the reference for every figure here: plots and overlaps of 1–50 ha with 4–300 vertices and
edges up to 700 m, across the whole width of a 3-degree zone and from 20° to 45° N.
"""
import math
import random

import numpy as np
import pytest

from constraints_helpers import irregular_ring

TOLERANCE_M2 = 2e-3          # what the engine promises (and checks against QGIS on every batch)


@pytest.fixture()
def zone39(qgis_app):
    from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsProject
    from double_guarantee_plugin.core.constraints.ellipsoid import GaussKruger
    from double_guarantee_plugin.core.crs import CGCS2000_ELLIPSOID
    crs = QgsCoordinateReferenceSystem("EPSG:4527")
    measure = QgsDistanceArea()
    measure.setSourceCrs(crs, QgsProject.instance().transformContext())
    measure.setEllipsoid(CGCS2000_ELLIPSOID)
    return crs, GaussKruger.for_crs(crs), measure


def test_which_crs_the_model_takes(qgis_app):
    from qgis.core import QgsCoordinateReferenceSystem
    from double_guarantee_plugin.core.constraints.ellipsoid import GaussKruger, tm_parameters
    zone = tm_parameters(QgsCoordinateReferenceSystem("EPSG:4527"))          # CGCS2000 3-degree zone 39
    assert zone["false_easting"] == 39_500_000 and zone["k0"] == 1.0 and zone["lon0"] == pytest.approx(
        math.radians(117))
    assert tm_parameters(QgsCoordinateReferenceSystem("EPSG:4545"))["lon0"] == pytest.approx(math.radians(108))
    for code in ("EPSG:4490", "EPSG:3857", "EPSG:2383"):     # geographic, not TM, TM on another ellipsoid
        assert GaussKruger.for_crs(QgsCoordinateReferenceSystem(code)) is None, code


def test_inverse_projection_equals_proj(zone39):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
    crs, model, _measure = zone39
    transform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance())
    rng = random.Random(3)
    xs = np.array([39_500_000 + rng.uniform(-170_000, 170_000) for _ in range(200)])
    ys = np.array([rng.uniform(1_500_000, 5_500_000) for _ in range(200)])
    longitude, latitude = model.to_geographic(xs, ys)
    for x, y, lon, lat in zip(xs, ys, np.degrees(longitude), np.degrees(latitude)):
        expected = transform.transform(QgsPointXY(x, y))
        assert lon == pytest.approx(expected.x(), abs=1e-11) and lat == pytest.approx(expected.y(), abs=1e-11)


def _polygons(rng, count, x_offsets, northings):
    """Irregular plots of 1–50 ha with 4–300 vertices (few vertices: long edges)."""
    shapes = []
    for _ in range(count):
        vertices = rng.choice([4, 5, 8, 20, 60, 160, 300])
        radius = math.sqrt(rng.uniform(10_000, 500_000) / math.pi)
        cx, cy = 39_500_000 + rng.choice(x_offsets) + rng.uniform(-500, 500), rng.choice(northings)
        shapes.append(irregular_ring(rng, cx, cy, vertices, 0.8 * radius, 1.1 * radius))
    return shapes


def _wkt(points):
    return "POLYGON((" + ",".join(f"{x:.3f} {y:.3f}" for x, y in points + [points[0]]) + "))"


def test_plot_and_overlap_areas_equal_qgsdistancearea(zone39):
    from qgis.core import QgsGeometry
    from double_guarantee_plugin.core.constraints import overlap_area
    from double_guarantee_plugin.core.constraints.batch import PlotChunk
    _crs, model, measure = zone39
    rng = random.Random(11)
    northings = [2_300_000, 3_550_000, 4_980_000]                 # about 21°, 32° and 45° N
    plots = [QgsGeometry.fromWkt(_wkt(points))
             for points in _polygons(rng, 60, [-160_000, -90_000, 0, 40_000, 150_000], northings)]
    plots = [plot for plot in plots if plot.isGeosValid()]
    chunk = PlotChunk([bytes(plot.asWkb()) for plot in plots],
                      [(b.xMinimum(), b.yMinimum(), b.xMaximum(), b.yMaximum()) for b in
                       (plot.boundingBox() for plot in plots)])
    centre_x, centre_y = chunk.centre_x + chunk.origin[0], chunk.centre_y + chunk.origin[1]
    coefficients = model.coefficients(centre_x, centre_y)
    areas = model.ellipsoidal_m2(chunk.moments(), centre_x, centre_y, coefficients)
    for plot, area in zip(plots, areas):
        assert area == pytest.approx(measure.measureArea(plot), abs=TOLERANCE_M2)
    # overlaps: each plot with a shape laid across it, measured from the moments of the pair
    cutters = []
    for plot in plots:
        box = plot.boundingBox()
        cutters.append(QgsGeometry.fromWkt(_wkt(irregular_ring(rng, box.xMinimum() + 0.3 * box.width(),
                                                               box.yMaximum() - 0.2 * box.height(),
                                                               rng.choice([6, 25]), 0.3 * box.width(),
                                                               0.5 * box.width()))))
    cut = overlap_area.from_wkb([bytes(cutter.asWkb()) for cutter in cutters], chunk.origin)
    numbers = np.arange(len(plots))
    moments, degenerate = overlap_area.pair_overlaps(chunk.polygons, cut, numbers, numbers, chunk.centre_x,
                                                     chunk.centre_y)
    overlaps = model.ellipsoidal_m2(moments, centre_x, centre_y, coefficients)
    assert not degenerate.any()
    for plot, cutter, area in zip(plots, cutters, overlaps):
        assert area == pytest.approx(measure.measureArea(plot.intersection(cutter)), abs=TOLERANCE_M2)


def test_the_bulge_of_long_edges_is_counted(zone39):
    """A triangle with 600–700 m edges 140 km east of the meridian: QGIS takes its edges as
    geodesics, which bow 0.01 m² away from the straight edges; the model counts that."""
    from double_guarantee_plugin.core.constraints import overlap_area
    _crs, model, measure = zone39
    from qgis.core import QgsGeometry
    x0, y0 = 39_640_000.0, 3_600_000.0
    triangle = QgsGeometry.fromWkt(_wkt([(x0, y0), (x0 + 700, y0), (x0 + 300, y0 + 600)]))
    shapes = overlap_area.from_wkb([bytes(triangle.asWkb())], (x0, y0))
    box = triangle.boundingBox()
    centre_x, centre_y = np.array([box.center().x() - x0]), np.array([box.center().y() - y0])
    moments = overlap_area.polygon_moments(shapes, centre_x, centre_y)
    coefficients = model.coefficients(centre_x + x0, centre_y + y0)
    exact = measure.measureArea(triangle)
    assert model.ellipsoidal_m2(moments, centre_x + x0, centre_y + y0, coefficients)[0] == pytest.approx(
        exact, abs=1e-3)
    straight = moments.copy()
    straight[:, 4:] = 0.0                                          # without the bulge terms
    assert abs(model.ellipsoidal_m2(straight, centre_x + x0, centre_y + y0, coefficients)[0] - exact) > 5e-3
