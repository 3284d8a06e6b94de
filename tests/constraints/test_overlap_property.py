# SPDX-License-Identifier: GPL-2.0-or-later
"""Property test: the engine's overlap equals the brute-force area of plot ∩ union(features).

Random sets of rectangles (duplicates, overlaps, shared edges, features touching the plot) in a
memory layer; the reference is GEOS's unary union intersected with the plot, measured with the
same CGCS2000 ellipsoid.  This is what "overlapping features are counted once" means.
"""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constraints_helpers import X0, Y0, rect_wkt

# coordinates on a 10 m lattice make shared edges and exact duplicates frequent
box = st.tuples(st.integers(0, 30), st.integers(0, 30), st.integers(1, 12), st.integers(1, 12))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(boxes=st.lists(box, min_size=1, max_size=25), plot=box)
def test_overlap_equals_brute_force_union(qgis_app, boxes, plot):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    from double_guarantee_plugin.core import constraints
    from double_guarantee_plugin.core.area import EllipsoidalArea

    def rect(col, row, width, height):
        return QgsGeometry.fromWkt(rect_wkt(X0 + 10 * col, Y0 + 10 * row, X0 + 10 * (col + width),
                                            Y0 + 10 * (row + height)))

    layer = QgsVectorLayer("Polygon?crs=EPSG:4527", "bf", "memory")
    features = []
    for item in boxes:
        feature = QgsFeature()
        feature.setGeometry(rect(*item))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    plot_geometry = rect(*plot)
    engine = constraints.ConstraintEngine(constraints.ConstraintSet.from_layers(basic_farmland=layer))
    check = engine.check_geometry(plot_geometry, "EPSG:4527", "new_farmland")
    union = QgsGeometry.unaryUnion([feature.geometry() for feature in features])
    expected = EllipsoidalArea("EPSG:4527").area_m2(plot_geometry.intersection(union))
    # the live check measures with QgsDistanceArea, part by part (a feature counted twice would be off
    # by 100 %; the sum of the parts' geodesic areas is not the union's to the last digit: 1.1e-9 of
    # 3,000 m² was seen, far inside the 0.01 m² the checks promise)
    assert check.bf_overlap_m2 == pytest.approx(expected, rel=1e-8, abs=1e-6)
    touching = [i + 1 for i, feature in enumerate(features)
                if feature.geometry().intersection(plot_geometry).area() > 0]
    assert check.layers[0].feature_ids == touching
    assert check.layers[0].status == ("warning" if expected > 0.01 else "ok")
    # the batch (numpy, planar moments: core/constraints/ellipsoid.py) agrees to its documented 2e-3 m²
    plots = QgsVectorLayer("MultiPolygon?crs=EPSG:4527&field=project_code:string&field=plot_code:string"
                           "&field=class_before:string&field=class_after:string", "plots", "memory")
    feature = QgsFeature(plots.fields())
    feature.setGeometry(QgsGeometry.collectGeometry([plot_geometry]))
    feature.setAttributes(["P", "P-1", "0404", "0103"])
    plots.dataProvider().addFeatures([feature])
    batch = engine.check_plots(plots)["P"].plots[0]
    assert batch.bf_overlap_m2 == pytest.approx(expected, abs=2e-3)
    assert batch.layers[0].feature_ids == touching
