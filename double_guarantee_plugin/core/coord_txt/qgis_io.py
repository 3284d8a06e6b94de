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
    # the 12-field 补充耕地 columns, and the columns after X,Y of longer (部备案) point rows
    ("class_name", QVariant.String), ("year", QVariant.String), ("slope_level", QVariant.String),
    ("quality_level", QVariant.String), ("remark", QVariant.String), ("point_columns", QVariant.String),
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
                  "extra_fields": _extra_json(parcel),
                  "project_info": project_info, "source_file": str(result.path or ""),
                  "source_line": parcel.line, "class_name": parcel.class_name, "year": parcel.year,
                  "slope_level": parcel.slope_level, "quality_level": parcel.quality_level, "remark": parcel.remark,
                  "point_columns": point_columns_json(parcel)}
        for name, value in values.items():
            index = fields.indexOf(name)
            if index >= 0:
                feature.setAttribute(index, value)
        features.append(feature)
    return features


def _extra_json(parcel):
    """Extra columns as JSON: by name when the file named them, else as a list."""
    if parcel.named_extra:
        return json.dumps(parcel.named_extra, ensure_ascii=False)
    return json.dumps(parcel.extra_fields, ensure_ascii=False) if parcel.extra_fields else ""


def point_columns_json(parcel):
    """The columns after X,Y of the parcel's point rows (部备案: 到下一点距离, 界址点类型) as JSON rows
    ``[point name, ring, column 5, column 6 …]``, or ''."""
    if not parcel.point_extras:
        return ""
    return json.dumps([[name, ring] + extra for _line, name, ring, extra in parcel.point_extras], ensure_ascii=False)


def plot_values(parcel):
    """The plot fields a parcel fills (``core.project_db`` names), by what its file says.

    An 8-field parcel's 地类编码 is the class before (the land as surveyed); a 补充耕地 parcel
    (12-field file) describes the new farmland: its 地类 is the class after, 耕地质量等级 the grade
    after in the quality-level system, 耕地坡度级别 and 补充耕地实施年份 go to their own fields.
    """
    values = {}
    supplement = bool(parcel.class_name or parcel.year or parcel.quality_level or parcel.slope_level)
    if parcel.class_code:
        values["class_after" if supplement else "class_before"] = parcel.class_code
    level = parcel.quality_level.strip() if parcel.quality_level else ""
    if level.isdigit():
        # the plot's own grade system holds it (quality_level_after would say the same twice)
        values["grade_system"] = "quality_level_10"
        values["grade_after"] = int(level)
    slope = parcel.slope_level.strip() if parcel.slope_level else ""
    if slope in ("1", "2", "3", "4", "5"):
        values["slope_level"] = slope
    year = parcel.year.strip() if parcel.year else ""
    if year.isdigit():
        values["implementation_year"] = int(year)
    return values


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


VALUE_ROLES = ("class_name", "year", "slope_level", "quality_level", "remark")


def _values_of(feature, mapping):
    """The 12-field columns of one feature; 耕地质量等级 falls back to the grade after of a plot whose own
    grade system is the quality level (a plot says its own system's grades once, in grade_after)."""
    values = {role: _text(feature[mapping[role]]) for role in VALUE_ROLES if mapping.get(role)}
    names = feature.fields().names()
    if mapping.get("quality_level") and not values.get("quality_level") and "grade_after" in names \
            and "grade_system" in names and _text(feature["grade_system"]) == "quality_level_10":
        values["quality_level"] = _text(feature["grade_after"])
    return values


def _text(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value)


def parcels_from_features(features, crs, mapping, target_crs=None, transform_context=None, decimals=3):
    """ParcelToWrite objects from features; ``mapping`` names the fields for the parcel line.

    ``mapping`` keys: code, name, use, class_code, sheet (field names or None), extra (a list
    of field names) and, for the 12-field templates, class_name, year, slope_level, quality_level
    and remark.  With ``target_crs`` the geometries are reprojected first.  Areas are the
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
            area_m2=measure.area_m2(geometry), label=label, values=_values_of(feature, mapping)))
    return parcels, write_crs


def features_of(layer, request=None):
    return list(layer.getFeatures(request or QgsFeatureRequest()))
