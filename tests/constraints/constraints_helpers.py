# SPDX-License-Identifier: GPL-2.0-or-later
"""Helpers of the constraint tests: rectangles, plot rows and GeoPackage writing with OGR."""

# the demo county: CGCS2000 3-degree zone 39 with the zone number in the easting
EPSG = 4527
X0, Y0 = 39_500_000.0, 3_550_000.0


def irregular_ring(rng, cx, cy, vertices, r_min, r_max):
    """Points of an irregular ``vertices``-gon around (cx, cy), radii drawn from [r_min, r_max]
    (the shape of the bench's parcels and plots), not closed."""
    import math
    points = []
    for k in range(vertices):
        angle = 2 * math.pi * k / vertices + rng.uniform(-0.3, 0.3) * math.pi / vertices
        radius = rng.uniform(r_min, r_max)
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def rect_wkt(x1, y1, x2, y2):
    return f"POLYGON(({x1} {y1},{x2} {y1},{x2} {y2},{x1} {y2},{x1} {y1}))"


def write_gpkg(path, name, epsg, rows, fields=()):
    """Write ``rows`` = [(wkt, {field: value})] as layer ``name`` (epsg None → no CRS)."""
    from osgeo import ogr, osr
    ogr.UseExceptions()
    dataset = ogr.Open(str(path), 1) if path.exists() else ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = None
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = dataset.CreateLayer(name, srs=srs, geom_type=ogr.wkbPolygon, options=["FID=fid"])
    kinds = {str: ogr.OFTString, float: ogr.OFTReal, int: ogr.OFTInteger}
    for field_name, kind in fields:
        layer.CreateField(ogr.FieldDefn(field_name, kinds[kind]))
    for wkt, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in values.items():
            if value is not None:
                feature.SetField(key, value)
        geometry = ogr.CreateGeometryFromWkt(wkt)
        if epsg == 4326:
            geometry.AssignSpatialReference(srs)
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    dataset = None


PLOT_FIELDS = (("project_code", str), ("plot_code", str), ("class_before", str), ("class_after", str),
               ("grade_system", str), ("grade_before", int), ("grade_after", int))


def plot_row(wkt, project="P1", code="P1-01", before="0404", after="0103", grade_before=None, grade_after=8):
    return wkt, {"project_code": project, "plot_code": code, "class_before": before, "class_after": after,
                 "grade_system": "use_grade_15", "grade_before": grade_before, "grade_after": grade_after}


def dispose_layers(layers):
    """Let the project delete the layers (as pytest-qgis does for layer fixtures): a GeoPackage layer
    still alive when the interpreter exits crashes it."""
    from qgis.core import QgsProject
    from qgis.PyQt import sip
    project = QgsProject.instance()
    for layer in layers:
        if layer is None or sip.isdeleted(layer):
            continue
        if project.mapLayer(layer.id()) is None:
            project.addMapLayer(layer, False)
        project.removeMapLayer(layer.id())
