# SPDX-License-Identifier: GPL-2.0-or-later
"""Small standard-schema layers written with OGR for the tests of issue 15 (DLTB, YJJBNTTB, STBHHX, CZKFBJ).

Coordinates are in the demo CRS (CGCS2000 3-degree zone 39 with the zone number, EPSG:4527).
``write_layer(path, name, fields, rows)`` takes ``fields`` as ``[(name, type)]`` (types str, int, float)
and ``rows`` as ``[(wkt, {field: value})]``.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "constraints"))
from constraints_helpers import EPSG, X0, Y0, dispose_layers as dispose, write_gpkg  # noqa: E402,F401


def rect(x1, y1, x2, y2):
    """A rectangle in metres from (X0, Y0)."""
    x1, x2, y1, y2 = X0 + x1, X0 + x2, Y0 + y1, Y0 + y2
    return f"POLYGON(({x1} {y1},{x2} {y1},{x2} {y2},{x1} {y2},{x1} {y1}))"


def write_layer(path, name, fields, rows, epsg=EPSG):
    """The constraint tests' writer (a real GeoPackage layer written with OGR)."""
    write_gpkg(path, name, epsg, rows, fields)


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
