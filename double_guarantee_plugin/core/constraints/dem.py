# SPDX-License-Identifier: GPL-2.0-or-later
"""Steep areas from a DEM raster: slope in degrees (GDAL DEMProcessing) polygonised above a threshold.

A county may give its slope constraint as a DEM instead of a slope polygon layer; the engine then
checks plots against the polygons where the slope exceeds the threshold (25° by default).
"""
import uuid

import numpy
from osgeo import gdal, ogr, osr
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

# metres per degree of latitude: GDAL's slope needs it when the DEM is in geographic degrees
METRES_PER_DEGREE = 111120.0


def steep_area_layer(raster_layer, max_slope_deg=25.0):
    """A memory polygon layer (field ``slope_deg`` = the steepest cell) of the DEM's cells steeper than the threshold."""
    source = raster_layer.source()
    dataset = gdal.Open(source)
    if dataset is None:
        raise ValueError(f"{source}: GDAL cannot open the DEM")
    crs = raster_layer.crs()
    scale = METRES_PER_DEGREE if crs.isGeographic() else 1.0
    name = f"/vsimem/dg_slope_{uuid.uuid4().hex}.tif"
    try:
        slope = gdal.DEMProcessing(name, dataset, "slope", slopeFormat="degree", scale=scale, computeEdges=True,
                                   band=1)
        if slope is None:
            raise ValueError(f"{source}: GDAL could not compute the slope")
        band = slope.GetRasterBand(1)
        values = band.ReadAsArray().astype(numpy.float64)
        nodata = band.GetNoDataValue()
        valid = numpy.isfinite(values)
        if nodata is not None:
            valid &= values != nodata
        steep = (valid & (values > float(max_slope_deg))).astype(numpy.uint8)
        mask = gdal.GetDriverByName("MEM").Create("", slope.RasterXSize, slope.RasterYSize, 1, gdal.GDT_Byte)
        mask.SetGeoTransform(slope.GetGeoTransform())
        mask.SetProjection(slope.GetProjection())
        mask.GetRasterBand(1).WriteArray(steep)
        srs = osr.SpatialReference()
        srs.ImportFromWkt(slope.GetProjection() or crs.toWkt())
        vector = ogr.GetDriverByName("Memory").CreateDataSource("steep")
        polygons = vector.CreateLayer("steep", srs=srs, geom_type=ogr.wkbPolygon)
        polygons.CreateField(ogr.FieldDefn("value", ogr.OFTInteger))
        gdal.Polygonize(mask.GetRasterBand(1), mask.GetRasterBand(1), polygons, 0, [])
        transform = slope.GetGeoTransform()
        layer = QgsVectorLayer(f"Polygon?crs={crs.authid() or 'wkt:' + crs.toWkt()}", f"steep>{max_slope_deg:g}",
                               "memory")
        provider = layer.dataProvider()
        provider.addAttributes([QgsField("slope_deg", QVariant.Double)])
        layer.updateFields()
        features = []
        for item in polygons:
            geometry = QgsGeometry.fromWkt(item.GetGeometryRef().ExportToWkt())
            box = geometry.boundingBox()
            col0 = max(0, int((box.xMinimum() - transform[0]) / transform[1]))
            col1 = min(values.shape[1], int(round((box.xMaximum() - transform[0]) / transform[1])))
            row0 = max(0, int((box.yMaximum() - transform[3]) / transform[5]))
            row1 = min(values.shape[0], int(round((box.yMinimum() - transform[3]) / transform[5])))
            window = numpy.where(steep[row0:row1, col0:col1] > 0, values[row0:row1, col0:col1], 0.0)
            feature = QgsFeature(layer.fields())
            feature.setGeometry(geometry)
            feature.setAttributes([float(window.max()) if window.size else float(max_slope_deg)])
            features.append(feature)
        provider.addFeatures(features)
        layer.updateExtents()
        return layer
    finally:
        gdal.Unlink(name)
