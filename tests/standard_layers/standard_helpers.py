"""Small standard-schema layers written with OGR for the tests of issue 15 (DLTB, YJJBNTTB, STBHHX, CZKFBJ).

Coordinates are in the demo CRS (CGCS2000 3-degree zone 39 with the zone number, EPSG:4527).
``write_layer(path, name, fields, rows)`` takes ``fields`` as ``[(name, type)]`` (types str, int, float)
and ``rows`` as ``[(wkt, {field: value})]``.
"""
EPSG = 4527
X0, Y0 = 39_500_000.0, 3_550_000.0


def rect(x1, y1, x2, y2):
    """A rectangle in metres from (X0, Y0)."""
    x1, x2, y1, y2 = X0 + x1, X0 + x2, Y0 + y1, Y0 + y2
    return f"POLYGON(({x1} {y1},{x2} {y1},{x2} {y2},{x1} {y2},{x1} {y1}))"


def write_layer(path, name, fields, rows, epsg=EPSG):
    from osgeo import ogr, osr
    was = ogr.GetUseExceptions()
    ogr.UseExceptions()
    try:
        dataset = ogr.Open(str(path), 1) if path.exists() else ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
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
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            layer.CreateFeature(feature)
        dataset = None
    finally:
        if not was:
            ogr.DontUseExceptions()


def open_layer(path, name, display_name=None):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(f"{path}|layername={name}", display_name or name, "ogr")
    assert layer.isValid(), f"{path}|{name}"
    return layer


def case(fields, upper):
    """``fields`` with their names upper- or lower-cased (PostGIS mirrors write lower case)."""
    return [(name.upper() if upper else name.lower(), kind) for name, kind in fields]


def values_case(values, upper):
    return {(key.upper() if upper else key.lower()): value for key, value in values.items()}


DLTB_FIELDS = [("BSM", str), ("TBBH", str), ("DLBM", str), ("DLMC", str), ("ZLDWDM", str), ("TBMJ", float),
               ("KCXS", float), ("KCMJ", float), ("TBDLMJ", float), ("GDLX", str), ("GDPDJB", str), ("TBXHDM", str),
               ("GDDB", int), ("SJNF", int)]
PBF_FIELDS = [("YJJBNTTBBH", str), ("TBBH", str), ("DLBM", str), ("YJJBNTTBMJ", float), ("KCXS", float),
              ("YJJBNTMJ", float), ("GDDB", int), ("GDDJ", int), ("WDGD", str),
              ("ZRRMC", str), ("ZRRZJHM", str), ("LXDH", str), ("JZDZ", str)]
RED_LINE_MIRROR = [("HXBM", str), ("HXMC", str), ("HXLX", str), ("ZRBHDFQ", str), ("GKCS", str), ("MJ", float)]
RED_LINE_SURVEY = [("BSM", str), ("LXDM", str), ("MC", str), ("QYMJ", float), ("SLSJ", str), ("GKCS", str)]
CZKFBJ_FIELDS = [("BSM", str), ("GHFQDM", str), ("GHFQMC", str), ("MJ", float)]
PLOT_FIELDS = [("project_code", str), ("plot_code", str), ("class_before", str), ("class_after", str),
               ("grade_system", str), ("grade_before", int), ("grade_after", int), ("slope_level", str),
               ("farmland_type", str), ("use_grade_before", int), ("use_grade_after", int),
               ("quality_level_before", int), ("quality_level_after", int), ("tiankan_coefficient", float)]


def dispose(layers):
    from qgis.core import QgsProject
    from qgis.PyQt import sip
    project = QgsProject.instance()
    for layer in layers:
        if layer is None or sip.isdeleted(layer):
            continue
        if project.mapLayer(layer.id()) is None:
            project.addMapLayer(layer, False)
        project.removeMapLayer(layer.id())
