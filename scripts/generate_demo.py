# SPDX-License-Identifier: GPL-2.0-or-later
"""Deterministic generator of the fictional demo county 示范县 (CGCS2000 3-degree zone 39, EPSG:4527).

``ensure_demo_data(folder)`` writes, once (cached by a version stamp), in the standard county
schemas of ../shared/reference/data-standards.md (the layer names stay the plugin's own):
- ``demo_county.gpkg`` with ``land_survey`` (三调 DLTB fields: BSM, TBBH, DLBM, DLMC, ZLDWDM, TBMJ,
  KCDLBM, KCXS, KCMJ, TBDLMJ, GDLX, GDPDJB, TBXHDM, ZZSXDM, GDDB, SJNF on a 300 m grid; 田坎 from the
  example county table, two 河道耕地 parcels under a project), ``basic_farmland`` (YJJBNTTB fields:
  YJJBNTTBBH, YJJBNTTBMJ, YJJBNTMJ, KCXS, GDDB, GDDJ, WDGD, BHKSSJ … and **fake personal fields**
  ZRRMC, ZRRZJHM, LXDH, JZDZ, CFZR that no output may show; ≥ 50,000 polygons, a few hundred
  overlapping each other on purpose), ``red_line`` (STBHHX: HXBM, HXMC, HXLX, ZRBHDFQ, GKCS, MJ),
  ``development_boundary`` (CZKFBJ: GHFQDM, GHFQMC, MJ; one town reaches into a new-farmland
  project), ``slope`` (1 km polygons with ``slope_deg``) and ``county_boundary``;
- ``demo_projects.gpkg``, a project database (see core.project_db) with 15 supplementary projects:
  new farmland and upgrading, paddy and dry, both grade systems on every plot, some grades before
  left empty (they default to the grade of the parcels under the plot), one plot whose grade got
  worse, some overlapping basic farmland or the red line on purpose, one with an invalid
  (self-intersecting) plot, one large two-piece consolidation project for the Jiangsu profile, and
  one project that arrives as a 12-field 补充耕地 coordinate file (``DG2026-15_补充耕地.txt``,
  written with the plugin's supplement_12 template and read back with its reader).
Everything comes from ``random.Random(SEED)``: the same files every time.
"""
import json
import os
import random
import sys
from pathlib import Path

from osgeo import ogr, osr

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED = 20170101
VERSION = 7   # 7: the project database stores style version 3 (the plot form on two tabs)
EPSG = 4527
COUNTY_CODE = "320999"
COUNTY_NAME = "示范县"
X0, Y0 = 39_500_000 - 15_000, 3_550_000   # south-west corner (easting with zone prefix)
CELL = 300.0
NCOLS = NROWS = 100                          # 30 km × 30 km
CULTIVATED = ["0101", "0102", "0103"]
NEW_SOURCES = ["0201", "0201K", "0301K", "0307", "0404", "1104", "1104K", "1206", "0602", "0702", "1202"]

# code, name, type, funding, implemented_on, status, grade system, kind, (col, row), (cols, rows), options
PROJECTS = [
    ("DG2023-01", "东湖村土地整治项目", "land_consolidation", "cultivation_fee", "2023-03-01", "accepted",
     "use_grade_15", "new", (10, 10), (4, 3), {"paddy": True}),
    ("DG2023-02", "西岗高标准农田建设项目", "high_standard_farmland", "cultivation_fee", "2023-05-10", "accepted",
     "use_grade_15", "upgrade", (30, 12), (4, 4), {"to_paddy": True}),
    ("DG2022-03", "北山工矿废弃地复垦项目", "mining_reclamation", "county", "2022-09-01", "accepted",
     "use_grade_15", "new", (55, 20), (3, 3), {}),
    ("DG2021-04", "南河增减挂钩项目", "linkage_surplus", "county", "2021-04-15", "accepted",
     "use_grade_15", "new", (70, 8), (3, 2), {"paddy": True}),
    ("DG2016-05", "旧镇新增费整治项目", "land_consolidation", "new_construction_land_fee", "2016-06-01", "accepted",
     "use_grade_15", "new", (15, 40), (3, 3), {}),
    ("DG2024-06", "红线边界开发项目", "reserve_development", "county", "2024-02-01", "under_way",
     "use_grade_15", "new", (40, 45), (4, 3), {"red_line": True}),
    ("DG2024-07", "基本农田重叠整治项目", "land_consolidation", "cultivation_fee", "2024-03-01", "accepted",
     "use_grade_15", "new", (62, 40), (4, 3), {"basic_farmland_overlap": True}),
    ("DG2024-08", "陡坡开发项目", "reserve_development", "county", "2024-04-01", "planned",
     "use_grade_15", "new", (88, 88), (3, 3), {}),
    ("DG2024-09", "质量等级提升项目", "high_standard_farmland", "cultivation_fee", "2024-05-01", "accepted",
     "quality_level_10", "upgrade", (20, 60), (4, 3), {"to_paddy": True}),
    ("DG2024-10", "质量等级新增耕地项目", "land_consolidation", "province", "2024-06-01", "accepted",
     "quality_level_10", "new", (35, 70), (3, 3), {"paddy": True}),
    ("DG2025-11", "自相交地块示例项目", "land_consolidation", "county", "2025-01-10", "under_way",
     "use_grade_15", "new", (50, 80), (3, 2), {"invalid_plot": True}),
    ("DG2025-12", "旱改水提质项目", "high_standard_farmland", "cultivation_fee", "2025-03-01", "accepted",
     "use_grade_15", "upgrade", (75, 60), (3, 3), {"to_paddy": True}),
    ("DG2025-13", "综合整治两片区项目", "land_consolidation", "province", "2025-04-01", "accepted",
     "use_grade_15", "mixed", (5, 85), (5, 3), {"second_piece": (14, 85)}),
    ("DG2025-14", "地类不符示例项目", "land_consolidation", "county", "2025-05-01", "planned",
     "use_grade_15", "new", (85, 30), (2, 2), {"survey_mismatch": True}),
    ("DG2026-15", "东岭补充耕地项目", "land_consolidation", "county", "2026-03-01", "under_way",
     "quality_level_10", "new", (45, 25), (3, 2), {"txt12": True}),
]
TXT12_PROJECT = "DG2026-15"
TXT12_FILE = "DG2026-15_补充耕地.txt"
# projects whose plots leave the grade before empty on every third plot: it defaults to the grade of
# the survey (GDDB) or basic-farmland (GDDJ) parcels under the plot
DEFAULT_GRADE_PROJECTS = ("DG2023-02", "DG2024-09")
WORSENED_PLOT = "DG2025-12-02"      # cultivated before and after, grade worse: counts in the grade uplift
UNSTABLE_CELLS = ((75, 60), (76, 60))   # 河道耕地 under DG2025-12
TOWNS = [  # CZKFBJ zones: (col1, row1, col2, row2) in cells, code, name
    ((71.5, 7.0, 75.0, 10.0), "01", "集中建设区"),
    ((50.0, 50.0, 54.0, 53.0), "02", "弹性发展区"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "建国秀英志强丽华明军桂兰海燕文静红梅国庆春生"
RED_LINE_ZONES = [  # centre (col, row) in cells, radius in m, name, type, 自然保护地分区
    ((42.5, 47.0), 700.0, "东山水源涵养区", "水源涵养", "核心保护区"),
    ((80.0, 80.0), 1500.0, "北岭生物多样性保护区", "生物多样性维护", "一般控制区"),
    ((25.0, 25.0), 900.0, "湿地公园", "生物多样性维护", "一般控制区"),
    ((60.0, 70.0), 600.0, "河源保护区", "水源涵养", "核心保护区"),
    ((90.0, 15.0), 1100.0, "南麓水土保持区", "水土保持", "一般控制区"),
]
MEASURES = {"核心保护区": "禁止开发性、生产性建设活动", "一般控制区": "限制有损主导生态功能的开发建设活动"}


def _srs():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _rect(x1, y1, x2, y2):
    return f"POLYGON(({x1} {y1},{x2} {y1},{x2} {y2},{x1} {y2},{x1} {y1}))"


def cell_bounds(col, row):
    x, y = X0 + col * CELL, Y0 + row * CELL
    return x, y, x + CELL, y + CELL


def _project_cells(project):
    (col, row), (ncols, nrows), options = project[8], project[9], project[10]
    cells = [(col + i, row + j) for j in range(nrows) for i in range(ncols)]
    if "second_piece" in options:
        c2, r2 = options["second_piece"]
        cells += [(c2 + i, r2 + j) for j in range(nrows) for i in range(ncols)]
    return cells


def _survey_classes(rng):
    """Class code of each survey cell, consistent with what the projects claim."""
    classes = {}
    for row in range(NROWS):
        for col in range(NCOLS):
            classes[(col, row)] = rng.choice(CULTIVATED) if rng.random() < 0.62 else rng.choice(NEW_SOURCES)
    for project in PROJECTS:
        kind = project[7]
        for index, cell in enumerate(_project_cells(project)):
            if kind == "new" or (kind == "mixed" and index % 3 != 0):
                classes[cell] = rng.choice(NEW_SOURCES)
            else:
                classes[cell] = rng.choice(["0102", "0103"]) if project[10].get("to_paddy") else rng.choice(CULTIVATED)
    return classes


def _slope_degrees(rng):
    """Slope in degrees of each 1 km cell (steep land in the north-east)."""
    slopes = {}
    for row in range(30):
        for col in range(30):
            hill = max(0.0, (col + row - 40) * 2.5)
            slopes[(col, row)] = round(min(45.0, hill + rng.uniform(0, 4)), 1)
    return slopes


def slope_level(degrees):
    """耕地坡度级别 GDPDJB of a slope: 1 ≤ 2°, 2 ≤ 6°, 3 ≤ 15°, 4 ≤ 25°, 5 above."""
    for level, limit in (("1", 2.0), ("2", 6.0), ("3", 15.0), ("4", 25.0)):
        if degrees <= limit:
            return level
    return "5"


def _cell_slope(slopes, col, row):
    x1, y1, x2, y2 = cell_bounds(col, row)
    centre_x, centre_y = (x1 + x2) / 2 - X0, (y1 + y2) / 2 - Y0
    return slopes[(min(29, int(centre_x // 1000)), min(29, int(centre_y // 1000)))]


def _circle(cx, cy, radius, rng, vertices=48):
    import math
    points = []
    for k in range(vertices):
        angle = 2 * math.pi * k / vertices
        r = radius * (0.8 + 0.3 * rng.random())
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    points.append(points[0])
    return "POLYGON((" + ",".join(f"{x:.3f} {y:.3f}" for x, y in points) + "))"


def _create_layer(dataset, name, geom_type, fields):
    layer = dataset.CreateLayer(name, srs=_srs(), geom_type=geom_type, options=["FID=fid", "SPATIAL_INDEX=YES"])
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, field_type))
    return layer


def _measure():
    """Ellipsoidal m² on CGCS2000 of a WKT in the demo CRS (the official 椭球面积 of TBMJ and the others)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry
    from double_guarantee_plugin.core.area import EllipsoidalArea
    area = EllipsoidalArea(QgsCoordinateReferenceSystem(f"EPSG:{EPSG}"))
    return lambda wkt: round(area.area_m2(QgsGeometry.fromWkt(wkt)), 2)


def _survey_rows(rng, classes, slopes, use_grades):
    """The DLTB attributes of every survey cell: {cell: {field: value}}; ``use_grades`` {cell: GDDB} of the
    cells under upgrading plots (the survey agrees with the grade the project states)."""
    from double_guarantee_plugin.core.net_area import load_tiankan_table
    from double_guarantee_plugin.core.tables import land_classes
    names = land_classes()
    table = load_tiankan_table("example_county")
    measure = _measure()
    rows = {}
    for index, ((col, row), code) in enumerate(sorted(classes.items(), key=lambda item: (item[0][1], item[0][0]))):
        area = measure(_rect(*cell_bounds(col, row)))
        values = {"BSM": f"{COUNTY_CODE}{index + 1:012d}", "YSDM": "2001010100", "TBBH": f"{index + 1:05d}",
                  "DLBM": code, "DLMC": names[code].name_zh, "QSXZ": "30",
                  "ZLDWDM": f"{COUNTY_CODE}{1 + row // 20:03d}{1 + col // 20:03d}0000000", "TBMJ": area,
                  "SJNF": 2023}
        if code in CULTIVATED:
            level = slope_level(_cell_slope(slopes, col, row))
            kind = None if level == "1" else ("TT" if rng.random() < 0.4 else "PD")
            coefficient = 0.0 if code == "0101" or kind is None else table.coefficient(kind, level)
            deduction = round(area * coefficient, 2)
            values.update({"KCDLBM": "1203" if coefficient else None, "KCXS": coefficient, "KCMJ": deduction,
                           "TBDLMJ": round(area - deduction, 2), "GDLX": kind, "GDPDJB": level,
                           "ZZSXDM": "LS" if rng.random() < 0.9 else "FLS", "GDDB": rng.randint(5, 12)})
            if (col, row) in use_grades:
                values["GDDB"] = use_grades[(col, row)]
            if (col, row) in UNSTABLE_CELLS:
                values.update({"TBXHDM": "HDGD", "TBXHMC": "河道耕地"})
        else:
            values.update({"KCMJ": 0.0, "TBDLMJ": area})
        rows[(col, row)] = values
    return rows


SURVEY_FIELDS = [("BSM", ogr.OFTString), ("YSDM", ogr.OFTString), ("TBBH", ogr.OFTString), ("DLBM", ogr.OFTString),
                 ("DLMC", ogr.OFTString), ("QSXZ", ogr.OFTString), ("ZLDWDM", ogr.OFTString), ("TBMJ", ogr.OFTReal),
                 ("KCDLBM", ogr.OFTString), ("KCXS", ogr.OFTReal), ("KCMJ", ogr.OFTReal), ("TBDLMJ", ogr.OFTReal),
                 ("GDLX", ogr.OFTString), ("GDPDJB", ogr.OFTString), ("TBXHDM", ogr.OFTString),
                 ("TBXHMC", ogr.OFTString), ("ZZSXDM", ogr.OFTString), ("GDDB", ogr.OFTInteger),
                 ("SJNF", ogr.OFTInteger)]
FARMLAND_FIELDS = [("XZQDM", ogr.OFTString), ("YJJBNTTBBH", ogr.OFTString), ("TBBH", ogr.OFTString),
                   ("DLBM", ogr.OFTString), ("DLMC", ogr.OFTString), ("YJJBNTTBMJ", ogr.OFTReal),
                   ("KCXS", ogr.OFTReal), ("YJJBNTMJ", ogr.OFTReal), ("GDLX", ogr.OFTString),
                   ("GDPDJB", ogr.OFTString), ("GDDB", ogr.OFTInteger), ("GDDJ", ogr.OFTInteger),
                   ("WDGD", ogr.OFTString), ("BHKSSJ", ogr.OFTDate),
                   # fake personal fields of the 田长制 (names, ID numbers, phones, addresses): never output
                   ("CFZR", ogr.OFTString), ("ZRRMC", ogr.OFTString), ("ZRRZJHM", ogr.OFTString),
                   ("LXDH", ogr.OFTString), ("JZDZ", ogr.OFTString)]
PERSONAL_FIELDS = ("CFZR", "ZRRMC", "ZRRZJHM", "LXDH", "JZDZ")


def fake_person(number):
    """Fake personal values of basic-farmland parcel ``number`` (the county code 320999 is fictional)."""
    name = SURNAMES[number % len(SURNAMES)] + GIVEN[(number * 7) % len(GIVEN)] + GIVEN[(number * 13) % len(GIVEN)]
    return {"CFZR": f"{name}家庭农场", "ZRRMC": name,
            "ZRRZJHM": f"320999{1950 + number % 50}{1 + number % 12:02d}{1 + number % 28:02d}{number % 1000:03d}X",
            "LXDH": f"139{number:08d}"[:11], "JZDZ": f"示范县幸福镇{1 + number % 40}村{1 + number % 300}号"}


def _add_feature(layer, values, wkt):
    feature = ogr.Feature(layer.GetLayerDefn())
    for key, value in values.items():
        if value is None:
            continue
        if key == "BHKSSJ":
            feature.SetField(key, int(value[:4]), int(value[4:6]), int(value[6:8]), 0, 0, 0, 0)
        else:
            feature.SetField(key, value)
    feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
    layer.CreateFeature(feature)


def _write_county(path, rng, classes, slopes, plot_rows):
    if os.path.exists(path):
        os.remove(path)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    boundary = _create_layer(dataset, "county_boundary", ogr.wkbPolygon,
                             [("county_code", ogr.OFTString), ("county_name", ogr.OFTString)])
    _add_feature(boundary, {"county_code": COUNTY_CODE, "county_name": COUNTY_NAME},
                 _rect(X0, Y0, X0 + NCOLS * CELL, Y0 + NROWS * CELL))
    measure = _measure()

    # the grades of the land under upgrading plots, as the plots state them (or would: some leave it empty)
    use_grades = {row["cell"]: row["surveyed_grade"] for row in plot_rows
                  if row.get("surveyed_grade") is not None and row["grade_system"] == "use_grade_15"}
    quality_levels = {row["cell"]: row["surveyed_grade"] for row in plot_rows
                      if row.get("surveyed_grade") is not None and row["grade_system"] == "quality_level_10"}
    survey = _create_layer(dataset, "land_survey", ogr.wkbPolygon, SURVEY_FIELDS)
    survey_rows = _survey_rows(rng, classes, slopes, use_grades)
    dataset.StartTransaction()
    for cell in sorted(classes):
        _add_feature(survey, survey_rows[cell], _rect(*cell_bounds(*cell)))
    dataset.CommitTransaction()

    farmland = _create_layer(dataset, "basic_farmland", ogr.wkbPolygon, FARMLAND_FIELDS)
    dataset.StartTransaction()
    count = 0
    step = CELL / 3
    overlap_project = next(p for p in PROJECTS if p[10].get("basic_farmland_overlap"))
    overlap_cells = set(_project_cells(overlap_project)[:4])
    unstable_marked = False
    for (col, row), code in sorted(classes.items()):
        if code not in CULTIVATED and (col, row) not in overlap_cells:
            continue
        cell = survey_rows[(col, row)]
        x, y, _x2, _y2 = cell_bounds(col, row)
        for i in range(3):
            for j in range(3):
                jitter = rng.uniform(0.5, 3.0)
                wkts = [_rect(x + i * step + jitter, y + j * step + jitter,
                              x + (i + 1) * step - jitter, y + (j + 1) * step - jitter)]
                if rng.random() < 0.005 or ((col, row) in overlap_cells and i == j == 1):
                    # a duplicate drawn again 20 m off: overlaps inside the layer count once
                    wkts.append(_rect(x + i * step + 20, y + j * step + 20, x + (i + 1) * step + 20,
                                      y + (j + 1) * step + 20))
                for wkt in wkts:
                    count += 1
                    area = measure(wkt)
                    coefficient = cell.get("KCXS") or 0.0
                    stable = "1"
                    if (col, row) in overlap_cells and not unstable_marked:
                        stable, unstable_marked = "0", True   # not stable farmland, under DG2024-07
                    values = {"XZQDM": COUNTY_CODE, "YJJBNTTBBH": f"{COUNTY_CODE}{count:08d}", "TBBH": cell["TBBH"],
                              "DLBM": code if code in CULTIVATED else "0103",
                              "DLMC": cell["DLMC"] if code in CULTIVATED else "旱地",
                              "YJJBNTTBMJ": area, "KCXS": coefficient, "YJJBNTMJ": round(area * (1 - coefficient), 2),
                              "GDLX": cell.get("GDLX"), "GDPDJB": cell.get("GDPDJB") or "1",
                              "GDDB": cell.get("GDDB") or rng.randint(6, 11),
                              "GDDJ": quality_levels.get((col, row)) or rng.randint(2, 8),
                              "WDGD": stable, "BHKSSJ": "20201231"}
                    values.update(fake_person(count))
                    _add_feature(farmland, values, wkt)
    dataset.CommitTransaction()

    red_line = _create_layer(dataset, "red_line", ogr.wkbPolygon, [
        ("BSM", ogr.OFTString), ("XZQDM", ogr.OFTString), ("HXBM", ogr.OFTString), ("HXMC", ogr.OFTString),
        ("HXLX", ogr.OFTString), ("ZRBHDMC", ogr.OFTString), ("ZRBHDFQ", ogr.OFTString), ("GKCS", ogr.OFTString),
        ("MJ", ogr.OFTReal)])
    for number, ((col, row), radius, name, kind, zone) in enumerate(RED_LINE_ZONES, 1):
        wkt = _circle(X0 + col * CELL, Y0 + row * CELL, radius, rng)
        _add_feature(red_line, {"BSM": f"{COUNTY_CODE}{number:012d}", "XZQDM": COUNTY_CODE,
                                "HXBM": f"{COUNTY_CODE}HX{number:03d}", "HXMC": name, "HXLX": kind,
                                "ZRBHDMC": name, "ZRBHDFQ": zone, "GKCS": MEASURES[zone], "MJ": measure(wkt)}, wkt)

    towns = _create_layer(dataset, "development_boundary", ogr.wkbPolygon, [
        ("BSM", ogr.OFTString), ("XZQDM", ogr.OFTString), ("GHFQDM", ogr.OFTString), ("GHFQMC", ogr.OFTString),
        ("MJ", ogr.OFTReal)])
    for number, ((c1, r1, c2, r2), code, name) in enumerate(TOWNS, 1):
        wkt = _rect(X0 + c1 * CELL, Y0 + r1 * CELL, X0 + c2 * CELL, Y0 + r2 * CELL)
        _add_feature(towns, {"BSM": f"{COUNTY_CODE}{number:012d}", "XZQDM": COUNTY_CODE, "GHFQDM": code,
                             "GHFQMC": name, "MJ": measure(wkt)}, wkt)

    slope = _create_layer(dataset, "slope", ogr.wkbPolygon, [("slope_deg", ogr.OFTReal)])
    dataset.StartTransaction()
    for (col, row), degrees in sorted(slopes.items(), key=lambda item: (item[0][1], item[0][0])):
        x, y = X0 + col * 1000, Y0 + row * 1000
        _add_feature(slope, {"slope_deg": degrees}, _rect(x, y, x + 1000, y + 1000))
    dataset.CommitTransaction()
    dataset = None
    return count, survey_rows


def _quality_of_use_grade(grade):
    """A quality level 1–10 beside a use grade 1–15 (the demo's own rule: the two systems are not convertible)."""
    return max(1, min(10, round(grade * 10 / 15)))


def _use_grade_of_quality(level):
    return max(1, min(15, round(level * 1.5)))


def _plot_rows(rng, classes, slopes):
    """Yield one dict of plot fields (and ``wkt``) per plot of every project but the 12-field TXT one."""
    for project in PROJECTS:
        code, system, kind, options = project[0], project[6], project[7], project[10]
        if options.get("txt12"):
            continue
        year = int(project[4][:4])
        worst = 10 if system == "quality_level_10" else 15
        cells = _project_cells(project)
        for index, cell in enumerate(cells):
            x1, y1, x2, y2 = cell_bounds(*cell)
            wkt = _rect(x1, y1, x2, y2)
            plot_code = f"{code}-{index + 1:02d}"
            before = classes[cell]
            if options.get("survey_mismatch") and index == 0:
                before = "0404"   # claimed as grassland, the survey says otherwise
            row = {"project_code": code, "plot_code": plot_code, "grade_system": system,
                   "implementation_year": year}
            if before in CULTIVATED:
                if options.get("to_paddy") and before in ("0102", "0103") and index % 2 == 0:
                    after = "0101"
                else:
                    after = before
                grade_before = rng.randint(worst // 2 + 1, worst - 1)
                grade_after = max(1, grade_before - rng.randint(1, 3))
                if plot_code == WORSENED_PLOT:
                    grade_after = grade_before + 1        # the grade got worse: no credit, lowers the uplift
                row["surveyed_grade"] = grade_before      # what the county layers say of the land under it
                if code in DEFAULT_GRADE_PROJECTS and index % 3 == 0:
                    grade_before = None                   # defaults to the parcels under the plot
            else:
                after = "0101" if options.get("paddy") and index % 2 == 0 else rng.choice(["0102", "0103"])
                grade_before = None
                grade_after = rng.randint(max(1, worst // 2 - 2), worst - 2)
                level = slope_level(_cell_slope(slopes, *cell))
                row["slope_level"] = level
                row["farmland_type"] = None if level == "1" else ("TT" if index % 3 == 0 else "PD")
            if options.get("basic_farmland_overlap") and index < 4:
                before = rng.choice(NEW_SOURCES)
            if options.get("invalid_plot") and index == 1:
                wkt = f"POLYGON(({x1} {y1},{x2} {y2},{x2} {y1},{x1} {y2},{x1} {y1}))"  # a bow tie
            row.update({"class_before": before, "class_after": after, "grade_before": grade_before,
                        "grade_after": grade_after, "wkt": wkt, "cell": cell})
            # both grade systems on every plot: its own system's grades in grade_before/after, the other
            # system's grade after in its own field (never the same grade twice: an edit would split them)
            if system == "use_grade_15":
                row["quality_level_after"] = _quality_of_use_grade(grade_after)
            else:
                row["use_grade_after"] = _use_grade_of_quality(grade_after)
            yield row
    # a plot in the red line zone for DG2024-06 comes from its position (centre of zone 1)


def _txt12_parcels(rng, classes, slopes):
    """The 补充耕地 parcels of the 12-field TXT project: plots a little inside their cells, one corner cut."""
    from shapely.geometry import Polygon
    from double_guarantee_plugin.core.coord_txt import ParcelToWrite
    project = next(p for p in PROJECTS if p[0] == TXT12_PROJECT)
    parcels = []
    for index, (col, row) in enumerate(_project_cells(project), 1):
        x1, y1, x2, y2 = cell_bounds(col, row)
        x1, y1, x2, y2 = x1 + 4.0, y1 + 4.0, x2 - 4.0, y2 - 4.0
        cut = 30.0 + 10.0 * index
        shape = Polygon([(x1, y1), (x2 - cut, y1), (x2, y1 + cut), (x2, y2), (x1, y2)])
        after = ("0102", "0103", "0101")[index % 3]
        parcels.append(ParcelToWrite(
            shape, code=f"F{COUNTY_CODE}2026000100{index:04d}", name=f"东岭图斑{index}", use="占补平衡",
            class_code=after, sheet=f"H50G{30 + row // 10:03d}{40 + col // 10:03d}",
            values={"year": "2026", "slope_level": slope_level(_cell_slope(slopes, col, row)),
                    "quality_level": str(rng.randint(3, 6)), "remark": "" if index % 2 else "土地整治"}))
    return parcels


def _write_txt12(path, rng, classes, slopes):
    """Write the 12-field 补充耕地 file the way a county would send it (GBK, CRLF, field-name line)."""
    from double_guarantee_plugin.core.coord_txt import WriteOptions, write_coord_txt
    options = WriteOptions(template="supplement_12", producer="示范县东岭镇人民政府", produced_on="2026-08-18")
    write_coord_txt(path, _txt12_parcels(rng, classes, slopes), EPSG, options)


def _txt12_rows(path, classes):
    """Plot rows of the 12-field file, read with the plugin's reader (class before from the survey)."""
    from double_guarantee_plugin.core.coord_txt import read_coord_txt
    from double_guarantee_plugin.core.coord_txt.qgis_io import plot_values
    result = read_coord_txt(path)
    project = next(p for p in PROJECTS if p[0] == TXT12_PROJECT)
    for cell, parcel in zip(_project_cells(project), result.parcels):
        row = {"project_code": TXT12_PROJECT, "plot_code": parcel.code, "class_before": classes[cell],
               "wkt": parcel.geometry.wkt}
        row.update(plot_values(parcel))
        row["use_grade_after"] = _use_grade_of_quality(row["grade_after"])
        yield row


def _write_projects(path, plot_rows, classes, txt12_path):
    from double_guarantee_plugin.core import project_db
    project_db.create_project_database(str(path), f"EPSG:{EPSG}", overwrite=True)
    dataset = ogr.Open(str(path), 1)
    projects = dataset.GetLayerByName(project_db.PROJECTS_TABLE)
    plots = dataset.GetLayerByName(project_db.PLOTS_LAYER)
    dataset.StartTransaction()
    for project in PROJECTS:
        feature = ogr.Feature(projects.GetLayerDefn())
        for name, value in zip(("project_code", "project_name", "project_type", "funding_source"),
                               (project[0], project[1], project[2], project[3])):
            feature.SetField(name, value)
        feature.SetField("county_code", COUNTY_CODE)
        year, month, day = (int(part) for part in project[4].split("-"))
        feature.SetField("implemented_on", year, month, day, 0, 0, 0, 0)
        feature.SetField("status", project[5])
        projects.CreateFeature(feature)
    rows = list(plot_rows) + list(_txt12_rows(txt12_path, classes))
    for row in rows:
        feature = ogr.Feature(plots.GetLayerDefn())
        for name, value in row.items():
            if name not in ("wkt", "cell", "surveyed_grade") and value is not None:
                feature.SetField(name, value)
        geometry = ogr.CreateGeometryFromWkt(row["wkt"])
        feature.SetGeometry(ogr.ForceToMultiPolygon(geometry))
        plots.CreateFeature(feature)
    dataset.CommitTransaction()
    dataset = None
    # the accepted 2025 projects were accepted under the 2017 rules, as an upgraded database records them
    from double_guarantee_plugin.core.workflow.schema import pin_legacy_projects
    pin_legacy_projects(str(path))


def ensure_demo_data(folder, force=False):
    """Generate the demo data in ``folder`` unless the same version is there already; returns paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = folder / "demo_version.json"
    paths = {"county": folder / "demo_county.gpkg", "projects": folder / "demo_projects.gpkg",
             "txt12": folder / TXT12_FILE}
    if not force and stamp.exists() and all(p.exists() for p in paths.values()):
        if json.loads(stamp.read_text()).get("version") == VERSION:
            return paths
    was_raising = ogr.GetUseExceptions()
    ogr.UseExceptions()          # for the generator only: the switch is process-wide, so it is restored
    try:
        rng = random.Random(SEED)
        classes = _survey_classes(rng)
        slopes = _slope_degrees(rng)
        plot_rows = list(_plot_rows(rng, classes, slopes))
        farmland_count, _survey = _write_county(paths["county"], rng, classes, slopes, plot_rows)
        _write_txt12(paths["txt12"], rng, classes, slopes)
        _write_projects(paths["projects"], plot_rows, classes, paths["txt12"])
    finally:
        if not was_raising:
            ogr.DontUseExceptions()
    stamp.write_text(json.dumps({"version": VERSION, "seed": SEED, "basic_farmland": farmland_count,
                                 "projects": len(PROJECTS)}))
    print(f"demo data generated in {folder} ({farmland_count} basic-farmland polygons, "
          f"{len(PROJECTS)} projects)", flush=True)
    return paths


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from qgis_headless import start_qgis
    start_qgis()
    ensure_demo_data(ROOT / "demo_data", force="--force" in sys.argv)
