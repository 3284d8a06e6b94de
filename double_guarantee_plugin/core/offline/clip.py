# SPDX-License-Identifier: GPL-2.0-or-later
"""Constraint layers (basic farmland, red line, slope …) clipped into an offline package.

The clip area is the union of each exported project's plots grown by a margin, taken from the
package's own plots (the same whichever database they came from), in the package's CRS.
"""
import os

from ...i18n import tr
from .. import project_db
from .errors import OfflineError


def parse_source(source):
    """``'path|layername=name'`` or ``(path, name)`` → ``(path, name)``."""
    if isinstance(source, (tuple, list)):
        return str(source[0]), source[1]
    path, _sep, options = str(source).partition("|")
    name = None
    for option in options.split("|"):
        if option.startswith("layername="):
            name = option.split("=", 1)[1]
    return path, name


def open_constraint(name, source):
    """``(dataset, layer)`` of a constraint source; OfflineError naming the layer and file if unusable."""
    from osgeo import ogr
    path, layer_name = parse_source(source)
    if not os.path.exists(path):
        raise OfflineError(tr("constraint layer '{}': {} not found", name, path))
    dataset = ogr.Open(path)
    if dataset is None:
        raise OfflineError(tr("constraint layer '{}': {} cannot be read", name, path))
    layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    if layer is None:
        raise OfflineError(tr("constraint layer '{}': {} has no layer '{}'", name, path, layer_name))
    if layer.GetSpatialRef() is None:
        raise OfflineError(tr("constraint layer '{}': {}|{} has no CRS; it cannot be clipped", name, path,
                              layer_name))
    return dataset, layer


def srs_of(authid):
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.SetFromUserInput(authid)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def clip_area(package_path, project_codes, margin_m):
    """Union of each project's plots in the package grown by ``margin_m`` (an OGR geometry, or None)."""
    from osgeo import gdal, ogr
    dataset = ogr.Open(str(package_path))
    plots = dataset.GetLayerByName(project_db.PLOTS_LAYER)
    gdal.PushErrorHandler("CPLQuietErrorHandler")   # GEOS explains invalid plots on stderr; they are repaired
    try:
        return _grown_union(plots, project_codes, margin_m)
    finally:
        gdal.PopErrorHandler()


def _grown_union(plots, project_codes, margin_m):
    from osgeo import ogr
    area = None
    for code in project_codes:
        plots.SetAttributeFilter("project_code = '{}'".format(code.replace("'", "''")))
        polygons = ogr.Geometry(ogr.wkbMultiPolygon)
        for feature in plots:
            geometry = feature.GetGeometryRef()
            if geometry is None or geometry.IsEmpty():
                continue
            geometry = geometry.Clone()
            if not geometry.IsValid():
                geometry = geometry.MakeValid()   # a bow-tie plot still marks where the project is
            for polygon in polygons_of(geometry):
                polygons.AddGeometry(polygon)
        if polygons.GetGeometryCount() == 0:
            continue
        grown = polygons.Buffer(margin_m)        # the buffer of a multipolygon is already dissolved
        area = grown if area is None else area.Union(grown)
    plots.SetAttributeFilter(None)
    return area


def clip_layer(package, name, source_layer, area, target_srs):
    """Copy the features of ``source_layer`` meeting ``area`` into a new package layer, cut to it."""
    from osgeo import ogr, osr
    source_srs = source_layer.GetSpatialRef().Clone()
    source_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_target = None if source_srs.IsSame(target_srs) else osr.CoordinateTransformation(source_srs, target_srs)
    layer = package.CreateLayer(name, srs=target_srs, geom_type=ogr.wkbMultiPolygon
                                if ogr.GT_Flatten(source_layer.GetGeomType()) in (ogr.wkbPolygon, ogr.wkbMultiPolygon)
                                else source_layer.GetGeomType(),
                                options=["FID=fid", "SPATIAL_INDEX=YES"])
    definition = source_layer.GetLayerDefn()
    # personal fields (承包/责任人 names, ID numbers, phones, addresses) never leave the office (issue 15)
    from ..standard_layers.personal import is_personal_field
    kept = [index for index in range(definition.GetFieldCount())
            if not is_personal_field(definition.GetFieldDefn(index).GetName())]
    for index in kept:
        layer.CreateField(definition.GetFieldDefn(index))
    if area is None:
        return 0
    filter_area = area.Clone()
    if to_target is not None:
        filter_area.Transform(osr.CoordinateTransformation(target_srs, source_srs))
    source_layer.SetSpatialFilter(filter_area)
    count = 0
    package.StartTransaction()
    for feature in source_layer:
        geometry = feature.GetGeometryRef()
        if geometry is None:
            continue
        geometry = geometry.Clone()
        if to_target is not None:
            geometry.Transform(to_target)
        if not geometry.IsValid():
            geometry = geometry.MakeValid()
        if not geometry.Intersects(area):
            continue
        clipped = geometry.Intersection(area)
        if clipped is None or clipped.IsEmpty():
            continue
        if layer.GetGeomType() == ogr.wkbMultiPolygon:
            polygons = ogr.Geometry(ogr.wkbMultiPolygon)
            for part in polygons_of(clipped):
                polygons.AddGeometry(part)
            if polygons.GetGeometryCount() == 0:
                continue
            clipped = polygons
        out = ogr.Feature(layer.GetLayerDefn())
        for position, index in enumerate(kept):
            out.SetField(position, feature.GetField(index))
        out.SetGeometry(clipped)
        layer.CreateFeature(out)
        count += 1
    package.CommitTransaction()
    source_layer.SetSpatialFilter(None)
    return count


def polygons_of(geometry):
    from osgeo import ogr
    kind = ogr.GT_Flatten(geometry.GetGeometryType())
    if kind == ogr.wkbPolygon:
        return [geometry.Clone()]
    if kind in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        parts = []
        for index in range(geometry.GetGeometryCount()):
            parts.extend(polygons_of(geometry.GetGeometryRef(index)))
        return parts
    return []   # lines or points where a polygon only touches the clip area
