# SPDX-License-Identifier: GPL-2.0-or-later
"""The QGIS side of coordinate TXT files: parcels to features and layers to parcels.

The reader and writer stay pure Python; this module turns their shapely geometries into
QgsGeometry (and back), measures official areas with ``core.area.EllipsoidalArea``, and knows
which CGCS2000 zone to suggest when a layer is in a CRS the format cannot hold.
"""
import json

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsFeatureRequest,
                       QgsField, QgsFields, QgsGeometry, QgsPointXY, QgsProject, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant
from shapely import wkb as shapely_wkb

from .. import crs as gk
from ..area import EllipsoidalArea
from .messages import QT_TR_NOOP, CoordTxtError, Message
from .reader import read_coord_txt
from .writer import ParcelToWrite, gauss_kruger_zone

# the fields of imported parcels, in order (Processing's OUTPUT and anything else that imports)
IMPORT_FIELDS = [
    ("parcel_code", QVariant.String), ("parcel_name", QVariant.String), ("parcel_use", QVariant.String),
    ("class_code", QVariant.String), ("declared_area", QVariant.String), ("area_m2", QVariant.Double),
    ("area_ha", QVariant.Double), ("area_note", QVariant.String), ("planar_area_m2", QVariant.Double),
    ("area_unit", QVariant.String), ("sheet", QVariant.String), ("shape", QVariant.String),
    ("extra_fields", QVariant.String), ("project_info", QVariant.String), ("source_file", QVariant.String),
    ("source_line", QVariant.Int),
]


def import_fields():
    fields = QgsFields()
    for name, kind in IMPORT_FIELDS:
        fields.append(QgsField(name, kind))
    return fields


def to_qgs_geometry(geometry):
    """A shapely (Multi)Polygon as a MultiPolygon QgsGeometry with the same coordinates."""
    result = QgsGeometry()
    result.fromWkb(geometry.wkb)
    result.convertToMultiType()
    return result


def to_shapely(geometry):
    """A QgsGeometry as shapely, 2D."""
    shape = shapely_wkb.loads(bytes(geometry.asWkb()))
    if shape.has_z:
        shape = shapely_wkb.loads(shapely_wkb.dumps(shape, output_dimension=2))
    return shape


def file_crs(result):
    return QgsCoordinateReferenceSystem(result.crs_authid)


def read_files(paths, encoding="auto", zone=None, feedback=None):
    """Read every file before anything is added anywhere: the first bad file stops them all."""
    results = []
    for index, path in enumerate(paths):
        if feedback is not None and feedback.isCanceled():
            return None
        results.append(read_coord_txt(path, encoding=encoding, zone=zone))
        if feedback is not None:
            feedback.setProgress(100.0 * (index + 1) / max(1, len(paths)))
    return results


def parcel_features(result, fields, destination_crs=None, translate=None, transform_context=None):
    """Features of one read file in ``fields`` (IMPORT_FIELDS names that exist are filled).

    Geometries are transformed to ``destination_crs`` when given; areas are measured in the
    file's own CRS with EllipsoidalArea (ellipsoidal m² on CGCS2000).
    """
    source_crs = file_crs(result)
    context = transform_context or QgsProject.instance().transformContext()
    measure = EllipsoidalArea(source_crs, context)
    transform = None
    if destination_crs is not None and destination_crs.isValid() and destination_crs != source_crs:
        transform = QgsCoordinateTransform(source_crs, destination_crs, context)
    project_info = json.dumps(result.project_info, ensure_ascii=False) if result.project_info else ""
    features = []
    for parcel in result.parcels:
        geometry = to_qgs_geometry(parcel.geometry)
        area_m2 = measure.area_m2(geometry)
        if transform is not None:
            geometry.transform(transform)
        feature = QgsFeature(fields)
        feature.setGeometry(geometry)
        values = {"parcel_code": parcel.code, "parcel_name": parcel.name, "parcel_use": parcel.use,
                  "class_code": parcel.class_code, "declared_area": parcel.declared_area.text,
                  "area_m2": area_m2, "area_ha": area_m2 / 10000.0,
                  "area_note": parcel.area_note.render(translate) if parcel.area_note else "",
                  "planar_area_m2": parcel.planar_area_m2, "area_unit": parcel.area_check.unit or "",
                  "sheet": parcel.sheet, "shape": parcel.shape,
                  "extra_fields": json.dumps(parcel.extra_fields, ensure_ascii=False) if parcel.extra_fields else "",
                  "project_info": project_info, "source_file": str(result.path or ""),
                  "source_line": parcel.line}
        for name, value in values.items():
            index = fields.indexOf(name)
            if index >= 0:
                feature.setAttribute(index, value)
        features.append(feature)
    return features


def suggested_zone(crs, extent, transform_context=None):
    """``(epsg, text)`` of the CGCS2000 3-degree zone (prefixed) that holds the centre of ``extent``."""
    geographic = QgsCoordinateReferenceSystem(f"EPSG:{gk.CGCS2000_GEOGRAPHIC}")
    context = transform_context or QgsProject.instance().transformContext()
    try:
        centre = QgsCoordinateTransform(crs, geographic, context).transform(QgsPointXY(extent.center()))
        zone = gk.zone_for_longitude(centre.x(), 3)
        epsg = gk.epsg_for_zone(zone, 3, prefixed=True)
    except Exception:  # noqa: BLE001 - outside China or no transform: there is nothing to suggest
        return None, None
    return epsg, f"EPSG:{epsg} (CGCS2000 3-degree Gauss-Krüger zone {zone})"


def epsg_of(crs):
    authid = crs.authid() if crs is not None else ""
    if authid.upper().startswith("EPSG:"):
        try:
            return int(authid.split(":")[1])
        except ValueError:
            return None
    return None


def check_writable_crs(crs, extent=None):
    """The EPSG code of a writable layer CRS, else CoordTxtError suggesting the zone to reproject to."""
    epsg = epsg_of(crs)
    suggestion = None
    if extent is not None and (epsg is None or gk.zone_for_epsg(epsg) is None):
        _code, suggestion = suggested_zone(crs, extent)
    if epsg is None:
        raise CoordTxtError(Message(QT_TR_NOOP(
            "the layer's CRS ({}) is not a CGCS2000 or Xian 1980 Gauss-Krüger zone, which the coordinate "
            "file needs; reproject it{}"), crs.description() if crs is not None else "?",
            f" (e.g. to {suggestion})" if suggestion else ""))
    gauss_kruger_zone(epsg, suggestion)
    return epsg


def _text(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value)


def parcels_from_features(features, crs, mapping, target_crs=None, transform_context=None, decimals=3):
    """ParcelToWrite objects from features; ``mapping`` names the fields for the parcel line.

    ``mapping`` keys: code, name, use, class_code, sheet (field names or None) and extra (a list
    of field names).  With ``target_crs`` the geometries are reprojected first.  Areas are the
    ellipsoidal areas measured by EllipsoidalArea on the coordinates as the file will hold them
    (snapped to ``decimals``), so that a reader recomputing 地块面积 finds the same figure.
    """
    step = 10.0 ** -int(decimals)
    context = transform_context or QgsProject.instance().transformContext()
    transform = None
    write_crs = crs
    if target_crs is not None and target_crs.isValid() and target_crs != crs:
        transform = QgsCoordinateTransform(crs, target_crs, context)
        write_crs = target_crs
    measure = EllipsoidalArea(write_crs, context)
    parcels = []
    for position, feature in enumerate(features, 1):
        code = _text(feature[mapping["code"]]) if mapping.get("code") else ""
        label = code or f"fid {feature.id()}"
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty() or \
                QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
            raise CoordTxtError(Message(QT_TR_NOOP("feature '{}' has no polygon geometry"), label))
        if transform is not None:
            geometry.transform(transform)
        geometry = geometry.snappedToGrid(step, step)
        if geometry.isEmpty():
            raise CoordTxtError(Message(QT_TR_NOOP("feature '{}' vanishes at the file's precision"), label))
        parcels.append(ParcelToWrite(
            to_shapely(geometry), code=code,
            name=_text(feature[mapping["name"]]) if mapping.get("name") else "",
            use=_text(feature[mapping["use"]]) if mapping.get("use") else "",
            class_code=_text(feature[mapping["class_code"]]) if mapping.get("class_code") else "",
            sheet=_text(feature[mapping["sheet"]]) if mapping.get("sheet") else "",
            extra_fields=[_text(feature[name]) for name in mapping.get("extra") or []],
            area_m2=measure.area_m2(geometry), label=label))
    return parcels, write_crs


def features_of(layer, request=None):
    return list(layer.getFeatures(request or QgsFeatureRequest()))
