# SPDX-License-Identifier: GPL-2.0-or-later
"""Parcel-line layouts of coordinate files: the 8-field standard, the 12-field 补充耕地 file, export templates.

A parcel line's columns are known by name: the standard's 8 by position, or the names of a
``【…,@】`` field-name list line (data-standards.md §8.1), or the 12-field 补充耕地 layout recognised
by its count and contents when a file has no list line.  ``role_of(name)`` maps a column name
to what the plugin does with it (``point_count``, ``area``, ``code`` … ``quality_level``); a
name it does not know stays an extra attribute under its own name.  Export templates are data
(``resources/data/coord_txt_templates.json``).  Pure Python.
"""
import functools
import re
from dataclasses import dataclass

from ..paths import data_path
from ..tables import TableError, _check_schema, _load_json, _require, land_classes

STANDARD_8 = ("界址点数", "地块面积", "地块编号", "地块名称", "记录图形属性", "图幅号", "地块用途", "地类编码")
SUPPLEMENT_12 = ("坐标点个数", "图斑面积", "图斑编号", "地块名称", "补充耕地实施年份", "耕地坡度级别", "图形属性",
                 "图幅号", "地块用途", "备注", "地类", "耕地质量等级")

LAYOUT_STANDARD, LAYOUT_SUPPLEMENT, LAYOUT_NAMED = "standard", "supplement12", "named"
LAYOUTS = ("auto", LAYOUT_STANDARD, LAYOUT_SUPPLEMENT)

# what the plugin reads from a column, by the names met in files (compared without spaces)
ROLE_NAMES = {
    "point_count": ("界址点数", "坐标点个数", "点数"),
    "area": ("地块面积", "图斑面积"),
    "code": ("地块编号", "图斑编号"),
    "name": ("地块名称", "图斑名称"),
    "shape": ("记录图形属性", "图形属性", "记录图形属性(点/线/面)"),
    "sheet": ("图幅号",),
    "use": ("地块用途",),
    "class_code": ("地类编码",),
    "class_name": ("地类", "地类名称"),
    "year": ("补充耕地实施年份", "实施年份"),
    "slope_level": ("耕地坡度级别", "坡度级别"),
    "quality_level": ("耕地质量等级", "质量等级"),
    "remark": ("备注",),
}
_NAME_TO_ROLE = {name: role for role, names in ROLE_NAMES.items() for name in names}
SHAPES = ("面", "面状", "polygon", "Polygon", "POLYGON", "3")
_YEAR = re.compile(r"^(19|20)\d\d$")


def role_of(name):
    """The role of a column name (``坐标点个数`` → ``point_count``), or None for a name the plugin does not use."""
    return _NAME_TO_ROLE.get("".join(str(name).split()))


def looks_like_supplement_12(fields):
    """True for 12 values that read as the 补充耕地 layout: a year, a slope level 1–5 (or empty), a shape."""
    if len(fields) != 12:
        return False
    year, level, shape = fields[4].strip(), fields[5].strip(), fields[6].strip()
    return bool(_YEAR.match(year)) and (level == "" or level in ("1", "2", "3", "4", "5")) and shape in SHAPES


@functools.lru_cache(maxsize=None)
def _class_names():
    names = {}
    for code, entry in land_classes().items():
        names.setdefault(entry.name_zh, code)
    return names


def class_code_for_name(name):
    """The GB/T 21010 code of a land-class name (``水浇地`` → ``0102``), or None."""
    return _class_names().get(str(name or "").strip())


def class_name_for_code(code):
    entry = land_classes().get(str(code or "").strip())
    return entry.name_zh if entry is not None else ""


@dataclass(frozen=True)
class Template:
    id: str
    name_zh: str
    name_en: str
    provinces: tuple
    fields: tuple
    blank: frozenset
    list_line: bool
    explanation: tuple
    zone_prefix: bool
    one_file_per_parcel: bool


@functools.lru_cache(maxsize=None)
def templates():
    """The export templates by id, in file order, checked against their schema."""
    path = data_path("coord_txt_templates.json")
    doc = _load_json(path)
    _check_schema(doc, path, "coord_txt_templates")
    found = {}
    for index, row in enumerate(_require(doc, path, "templates", list)):
        where = f"templates[{index}]: "
        fields = tuple(_require(row, path, "fields", list, where))
        if not fields or not all(isinstance(name, str) and name for name in fields):
            raise TableError(f"{path}: {where}'fields' should be a list of column names")
        if role_of(fields[0]) != "point_count":
            raise TableError(f"{path}: {where}the first column should be the point count (界址点数 or 坐标点个数)")
        blank = frozenset(_require(row, path, "blank", list, where))
        if not blank <= set(fields):
            raise TableError(f"{path}: {where}'blank' names columns that are not in 'fields'")
        explanation = tuple(_require(row, path, "explanation", list, where))
        if explanation and not (explanation[0].startswith("【") and explanation[-1].endswith("】")):
            raise TableError(f"{path}: {where}'explanation' should start with 【 and end with 】")
        template = Template(_require(row, path, "id", str, where), _require(row, path, "name_zh", str, where),
                            _require(row, path, "name_en", str, where),
                            tuple(_require(row, path, "provinces", list, where)), fields, blank,
                            bool(_require(row, path, "list_line", bool, where)), explanation,
                            bool(_require(row, path, "zone_prefix", bool, where)),
                            bool(_require(row, path, "one_file_per_parcel", bool, where)))
        found[template.id] = template
    if "standard_8" not in found:
        raise TableError(f"{path}: the template 'standard_8' is missing")
    return found


def template(template_id):
    """One template by id; an unknown id is a ValueError naming the known ones."""
    known = templates()
    if template_id not in known:
        raise ValueError(f"unknown coordinate TXT template '{template_id}'; known: {', '.join(known)}")
    return known[template_id]


def list_line(names):
    """The 【…,@】 field-name line of ``names``."""
    return "【" + ",".join(names) + ",@】"
