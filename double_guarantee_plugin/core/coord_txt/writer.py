# SPDX-License-Identifier: GPL-2.0-or-later
"""Write Ministry-standard coordinate files (部标准格式 TXT) from polygon parcels, atomically.

Pure Python: parcels are shapely (Multi)Polygons in a CGCS2000 or Xian 1980 Gauss-Krüger CRS with
x = easting.  The file gets the standard header from that CRS, one ``…,@`` line per parcel with
界址点数 counting closing points, J-numbered points per ring (X = northing first), and the area
in hectares unless told otherwise.  Files are written to a temporary name and renamed, so a
failed export leaves whatever was there before untouched.
"""
import datetime
import os
import re
import tempfile

import numpy as np

from .. import crs as gk
from .areas import UNIT_M2, ellipsoidal_ring_areas
from .layouts import STANDARD_8, class_name_for_code, list_line, role_of, template as find_template
from .messages import QT_TR_NOOP, CoordTxtError, Message
from .reader import PARCEL_FIELDS

ENCODINGS = {"GBK": "gbk", "GB18030": "gb18030", "UTF-8": "utf-8", "UTF-8-BOM": "utf-8-sig"}
LINE_ENDINGS = {"CRLF": "\r\n", "LF": "\n"}
AREA_DECIMALS = {"ha": 4, "m2": 2, "mu": 4}
DATUM_NAMES = {"cgcs2000": "2000国家大地坐标系", "xian1980": "1980西安坐标系"}


class ParcelToWrite:
    """A parcel to write: its geometry (x = easting) and the attributes of its ``…,@`` line.

    ``values`` holds the other columns a template may ask for, by role: ``class_name`` (地类; from
    the class code when empty), ``year`` (补充耕地实施年份), ``slope_level`` (耕地坡度级别),
    ``quality_level`` (耕地质量等级), ``remark`` (备注); ``named_extra`` columns by name.
    ``area_text`` is written as it is instead of the computed area (a file written back as read).
    """

    __slots__ = ("geometry", "code", "name", "shape", "sheet", "use", "class_code", "extra_fields",
                 "area_m2", "label", "values", "named_extra", "area_text")

    def __init__(self, geometry, code="", name="", use="", class_code="", sheet="", shape="面",
                 extra_fields=(), area_m2=None, label=None, values=None, named_extra=None, area_text=None):
        self.geometry = geometry
        self.code = code
        self.name = name
        self.shape = shape
        self.sheet = sheet
        self.use = use
        self.class_code = class_code
        self.extra_fields = list(extra_fields)
        self.area_m2 = area_m2
        self.label = label if label is not None else (code or name)
        self.values = dict(values or {})
        self.named_extra = dict(named_extra or {})
        self.area_text = area_text


class WriteOptions:
    """How to write: encoding, line ending, zone prefix, area unit, one file per parcel, header."""

    def __init__(self, encoding="GBK", line_ending="CRLF", zone_prefix=True, area_unit="ha",
                 area_decimals=None, coordinate_decimals=3, one_file_per_parcel=False,
                 closing_point_name="next", producer="", produced_on=None, format_version="1.01版本",
                 project_info=None, extra_header=None, template="standard_8", field_names=None,
                 list_line=None, explanation=None):
        if encoding.upper() not in ENCODINGS:
            raise CoordTxtError(Message(QT_TR_NOOP("unknown encoding '{}': expected one of {}"), encoding,
                                        ", ".join(ENCODINGS)))
        if line_ending.upper() not in LINE_ENDINGS:
            raise CoordTxtError(Message(QT_TR_NOOP("unknown line ending '{}': expected CRLF or LF"), line_ending))
        if area_unit not in UNIT_M2:
            raise CoordTxtError(Message(QT_TR_NOOP("unknown area unit '{}': expected ha, m2 or mu"), area_unit))
        if closing_point_name not in ("next", "first"):
            raise CoordTxtError(Message(QT_TR_NOOP("closing_point_name must be 'next' or 'first'")))
        self.encoding = encoding.upper()
        self.line_ending = line_ending.upper()
        self.zone_prefix = bool(zone_prefix)
        self.area_unit = area_unit
        self.area_decimals = AREA_DECIMALS[area_unit] if area_decimals is None else int(area_decimals)
        self.coordinate_decimals = int(coordinate_decimals)
        self.one_file_per_parcel = bool(one_file_per_parcel)
        self.closing_point_name = closing_point_name
        self.producer = producer
        self.produced_on = produced_on or datetime.date.today().isoformat()
        self.format_version = format_version
        self.project_info = dict(project_info or {})
        self.extra_header = dict(extra_header or {})
        # the parcel-line layout: a template (layouts.templates()), or the columns of a file read
        try:
            self.template = find_template(template)
        except ValueError:
            raise CoordTxtError(Message(QT_TR_NOOP("unknown coordinate TXT template '{}'"), template)) from None
        self.field_names = tuple(field_names) if field_names else self.template.fields
        self.list_line = self.template.list_line if list_line is None else bool(list_line)
        self.explanation = tuple(self.template.explanation if explanation is None else explanation)
        self.blank = self.template.blank if not field_names else frozenset()


def gauss_kruger_zone(epsg, suggestion=None):
    """``(datum, zone_width, prefixed, zone)`` of a writable CRS, else CoordTxtError saying what to do."""
    family = gk.zone_for_epsg(epsg) if epsg else None
    if family is None or family[0] not in DATUM_NAMES:
        if suggestion:
            raise CoordTxtError(Message(QT_TR_NOOP(
                "the CRS {} is not a CGCS2000 or Xian 1980 Gauss-Krüger zone, which the coordinate file "
                "needs; reproject the parcels, e.g. to {}"), f"EPSG:{epsg}" if epsg else "?", suggestion))
        raise CoordTxtError(Message(QT_TR_NOOP(
            "the CRS {} is not a CGCS2000 or Xian 1980 Gauss-Krüger zone, which the coordinate file "
            "needs; reproject the parcels to the zone they lie in (EPSG:4513–4554 for CGCS2000)"),
            f"EPSG:{epsg}" if epsg else "?"))
    return family


def header_lines(epsg, options):
    datum, width, _prefixed, zone = gauss_kruger_zone(epsg)
    lines = []
    if options.project_info:
        lines.append("[项目信息]")
        lines.extend(f"{key}={_clean_header(value)}" for key, value in options.project_info.items())
    lines += ["[属性描述]",
              f"格式版本号={options.format_version}",
              f"数据产生单位={_clean_header(options.producer)}",
              f"数据产生日期={options.produced_on}",
              f"坐标系={DATUM_NAMES[datum]}",
              f"几度分带={width}",
              "投影类型=高斯克吕格",
              "计量单位=米",
              f"带号={zone}",
              f"精度={10 ** -options.coordinate_decimals:.{options.coordinate_decimals}f}",
              "转换参数=,,,,,,"]
    lines.extend(f"{key}={_clean_header(value)}" for key, value in options.extra_header.items())
    lines.append("[地块坐标]")
    return lines


def _clean_header(value):
    return "" if value is None else str(value).replace("\r", " ").replace("\n", " ").strip()


def _polygons(geometry):
    kind = getattr(geometry, "geom_type", None)
    if kind == "Polygon":
        return [geometry]
    if kind == "MultiPolygon":
        return list(geometry.geoms)
    return None


def _field_text(parcel, name, value):
    text = "" if value is None else str(value).strip()
    if "," in text or "\n" in text or "\r" in text:
        raise CoordTxtError(Message(QT_TR_NOOP(
            "parcel '{}': the {} '{}' contains a comma or a line break, which the format cannot hold"),
            parcel.label, name, text))
    return text


def parcel_lines(parcel, epsg, options, easting_shift):
    """The ``…,@`` line and the point lines of one parcel."""
    polygons = _polygons(parcel.geometry)
    if not polygons or parcel.geometry.is_empty:
        raise CoordTxtError(Message(QT_TR_NOOP("parcel '{}' has no polygon geometry"), parcel.label))
    decimals = options.coordinate_decimals
    rings, signs = [], []
    for polygon in polygons:
        if polygon.is_empty:
            continue
        # rounded to the file's precision first, so the area written is the one a reader recomputes
        rings.append(np.round(np.asarray(polygon.exterior.coords)[:, :2], decimals))
        signs.append(1.0)
        for hole in polygon.interiors:
            rings.append(np.round(np.asarray(hole.coords)[:, :2], decimals))
            signs.append(-1.0)
    points = []
    for number, coords in enumerate(rings, 1):
        # coordinate files always close rings by repeating the first point
        if not (coords[0] == coords[-1]).all():
            coords = np.vstack((coords, coords[:1]))
        last = len(coords)
        for index, (easting, northing) in enumerate(coords[:, :2].tolist(), 1):
            name = 1 if index == last and options.closing_point_name == "first" else index
            points.append(f"J{name},{number},{northing:.{decimals}f},{easting + easting_shift:.{decimals}f}")
    if parcel.area_text is not None:
        area_text = str(parcel.area_text)
    else:
        area_m2 = parcel.area_m2 if parcel.area_m2 is not None else _rings_area_m2(rings, signs, epsg)
        area_text = f"{area_m2 / UNIT_M2[options.area_unit]:.{options.area_decimals}f}"
    fields = [_column(parcel, name, str(len(points)), area_text, options) for name in options.field_names]
    if parcel.extra_fields:
        if tuple(options.field_names) != STANDARD_8:
            raise CoordTxtError(Message(QT_TR_NOOP(
                "parcel '{}': the template '{}' has fixed columns; extra attribute fields cannot be added"),
                parcel.label, options.template.id))
        fields += [_field_text(parcel, f"extra field {i}", value) for i, value in enumerate(parcel.extra_fields, 1)]
    return [",".join(fields) + ",@"] + points


def _column(parcel, name, point_count, area_text, options):
    """The text of column ``name`` of one parcel line (blank in the template: empty)."""
    if name in options.blank and name != options.field_names[0]:
        return ""
    role = role_of(name)
    if role == "point_count":
        return point_count
    if role == "area":
        return area_text
    attribute = {"code": parcel.code, "name": parcel.name, "shape": parcel.shape, "sheet": parcel.sheet,
                 "use": parcel.use, "class_code": parcel.class_code}
    if role in attribute:
        value = attribute[role]
    elif role == "class_name":
        value = parcel.values.get("class_name") or class_name_for_code(parcel.class_code)
    elif role is not None and role in parcel.values:
        value = parcel.values.get(role)
    else:
        value = parcel.named_extra.get(name, parcel.values.get(name, ""))
    return _field_text(parcel, name, value)


def _rings_area_m2(rings, signs, epsg):
    stacked = np.vstack(rings)
    bounds, start = [], 0
    for ring in rings:
        bounds.append((start, start + len(ring)))
        start += len(ring)
    areas = ellipsoidal_ring_areas(epsg, stacked[:, 0], stacked[:, 1], bounds)
    if areas is None:  # outside what the projection can invert: the planar shoelace area
        areas = [abs(float(np.dot(r[:-1, 0], r[1:, 1]) - np.dot(r[1:, 0], r[:-1, 1]))) / 2 for r in rings]
    return float(sum(sign * area for sign, area in zip(signs, areas)))


def ellipsoidal_area_m2(geometry, epsg):
    """Ellipsoidal m² of a (multi)polygon on the CGCS2000 ellipsoid (planar if it cannot be had)."""
    rings, signs = [], []
    for polygon in _polygons(geometry) or []:
        rings.append(np.asarray(polygon.exterior.coords)[:, :2])
        signs.append(1.0)
        for hole in polygon.interiors:
            rings.append(np.asarray(hole.coords)[:, :2])
            signs.append(-1.0)
    if not rings:
        return 0.0
    stacked = np.vstack(rings)
    bounds, start = [], 0
    for ring in rings:
        bounds.append((start, start + len(ring)))
        start += len(ring)
    areas = ellipsoidal_ring_areas(epsg, stacked[:, 0], stacked[:, 1], bounds)
    if areas is None:
        return float(geometry.area)
    return float(sum(sign * area for sign, area in zip(signs, areas)))


def format_coord_txt(parcels, epsg, options=None):
    """The whole file as text (lines joined by the chosen line ending, ending with one)."""
    options = options or WriteOptions()
    _datum, _width, prefixed, zone = gauss_kruger_zone(epsg)
    shift = 0.0
    if prefixed and not options.zone_prefix:
        shift = -zone * 1.0e6
    elif not prefixed and options.zone_prefix:
        shift = zone * 1.0e6
    lines = header_lines(epsg, options)
    if options.list_line:
        lines.append(list_line(options.field_names))
    lines.extend(options.explanation)
    for parcel in parcels:
        lines.extend(parcel_lines(parcel, epsg, options, shift))
    ending = LINE_ENDINGS[options.line_ending]
    return ending.join(lines) + ending


def _encode(text, parcels, options):
    codec = ENCODINGS[options.encoding]
    try:
        return text.encode(codec)
    except UnicodeEncodeError as exc:
        character = exc.object[exc.start:exc.end]
        for parcel in parcels:
            for name, value in (("地块编号", parcel.code), ("地块名称", parcel.name), ("地块用途", parcel.use),
                                ("地类编码", parcel.class_code), ("图幅号", parcel.sheet),
                                *parcel.values.items(), *parcel.named_extra.items()):
                if character in str(value or ""):
                    raise CoordTxtError(Message(QT_TR_NOOP(
                        "parcel '{}': {} '{}' has the character '{}' that {} cannot hold; choose UTF-8 or "
                        "GB18030"), parcel.label, name, value, character, options.encoding)) from None
        raise CoordTxtError(Message(QT_TR_NOOP("the character '{}' cannot be written in {}; choose UTF-8 or "
                                               "GB18030"), character, options.encoding)) from None


_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def parcel_file_name(parcel, index, taken):
    """A file name for one parcel: its code (or name, or its position), made unique in ``taken``."""
    stem = _UNSAFE.sub("_", str(parcel.code or parcel.name or "").strip()).strip("._") or f"parcel_{index}"
    name = f"{stem}.txt"
    counter = 2
    while name.lower() in taken:
        name = f"{stem}_{counter}.txt"
        counter += 1
    taken.add(name.lower())
    return name


def write_coord_txt(path, parcels, epsg, options=None):
    """Write ``parcels`` to ``path`` (a file, or a folder with one file per parcel); returns the paths.

    All files are first written under temporary names next to their targets and only then
    renamed, so either every file is replaced or none is.
    """
    options = options or WriteOptions()
    parcels = list(parcels)
    if not parcels:
        raise CoordTxtError(Message(QT_TR_NOOP("nothing to write: no parcels")), path)
    path = os.fspath(path)
    if options.one_file_per_parcel:
        jobs, taken = [], set()
        for index, parcel in enumerate(parcels, 1):
            jobs.append((os.path.join(path, parcel_file_name(parcel, index, taken)), [parcel]))
    else:
        jobs = [(path, parcels)]
    payloads = []
    for target, group in jobs:
        try:
            payloads.append((target, _encode(format_coord_txt(group, epsg, options), group, options)))
        except CoordTxtError as exc:
            raise CoordTxtError(exc.message, target) from None
    if options.one_file_per_parcel:
        try:
            os.makedirs(path, exist_ok=True)
        except OSError as exc:
            raise CoordTxtError(Message(QT_TR_NOOP("cannot create the folder: {}"), exc.strerror or str(exc)),
                                path) from None
    return _replace_all(payloads)


def _replace_all(payloads):
    temporary = []
    try:
        for target, data in payloads:
            folder = os.path.dirname(os.path.abspath(target))
            handle, name = tempfile.mkstemp(prefix=".coord_txt_", suffix=".tmp", dir=folder)
            temporary.append((name, target))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(name, 0o644)  # mkstemp makes files private; an exported file is meant to be shared
    except OSError as exc:
        for name, _target in temporary:
            _remove_quietly(name)
        failed = temporary[-1][1] if temporary else payloads[0][0]
        raise CoordTxtError(Message(QT_TR_NOOP("cannot write the file: {}"), exc.strerror or str(exc)),
                            failed) from None
    written = []
    for name, target in temporary:
        try:
            os.replace(name, target)
        except OSError as exc:
            for leftover, _target in temporary[len(written):]:
                _remove_quietly(leftover)
            raise CoordTxtError(Message(QT_TR_NOOP("cannot write the file: {}"), exc.strerror or str(exc)),
                                target) from None
        written.append(target)
    return written


def _remove_quietly(name):
    try:
        os.remove(name)
    except OSError:
        pass


# -- writing back a file as it was read -----------------------------------------------------------

_HEADER_KEYS = ("格式版本号", "数据产生单位", "数据产生日期", "坐标系", "几度分带", "投影类型", "计量单位", "带号", "精度",
                "转换参数")


def parcels_of(result):
    """``ParcelToWrite`` objects of a read ``CoordTxtFile``: geometry, every column, the area as written."""
    parcels = []
    for parcel in result.parcels:
        values = {role: getattr(parcel, role) for role in ("class_name", "year", "slope_level", "quality_level",
                                                            "remark")}
        named = dict(parcel.named_extra)
        extras = [] if parcel.field_names is not None else list(parcel.extra_fields)
        parcels.append(ParcelToWrite(parcel.geometry, code=parcel.code, name=parcel.name, use=parcel.use,
                                     class_code=parcel.values.get("class_code", ""), sheet=parcel.sheet,
                                     shape=parcel.shape, extra_fields=extras, label=parcel.label, values=values,
                                     named_extra=named, area_text=parcel.declared_area.text))
    return parcels


def options_of(result, **overrides):
    """``WriteOptions`` that write ``result`` back as it was read (encoding, line ending, zone prefix,
    header, layout, list line, explanation block, closing-point names); ``overrides`` change any."""
    header = result.attributes
    precision = str(header.get("精度", "0.001"))
    decimals = len(precision.split(".")[1]) if "." in precision else 0
    encoding = result.encoding.upper().replace("_", "-") if result.encoding else "GBK"
    if encoding == "UTF-8" and result.had_bom:
        encoding = "UTF-8-BOM"
    if encoding not in ENCODINGS:
        encoding = "GB18030" if encoding in ("GBK", "GB2312", "CP936") else "UTF-8"
    names = result.field_names
    if names is None and result.layout == "supplement12":
        from .layouts import SUPPLEMENT_12
        names = SUPPLEMENT_12
    template_id = "standard_8"
    from .layouts import templates
    for candidate in templates().values():
        if names is not None and tuple(names) == candidate.fields and candidate.list_line == \
                (result.field_names is not None):
            template_id = candidate.id
            break
    options = dict(encoding=encoding, line_ending=result.line_ending if result.line_ending in LINE_ENDINGS else "CRLF",
                   zone_prefix=bool(result.prefixed), area_unit=result.area_unit or "ha",
                   coordinate_decimals=decimals, closing_point_name=result.closing_point_name,
                   producer=header.get("数据产生单位", ""), produced_on=header.get("数据产生日期", ""),
                   format_version=header.get("格式版本号", "1.01版本"), project_info=result.project_info,
                   extra_header={key: value for key, value in header.items() if key not in _HEADER_KEYS},
                   template=template_id, field_names=names, list_line=result.field_names is not None,
                   explanation=result.explanation)
    options.update(overrides)
    return WriteOptions(**options)
