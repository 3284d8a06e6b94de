# SPDX-License-Identifier: GPL-2.0-or-later
"""Deterministic generator of the fictional demo county 示范县 (CGCS2000 3-degree zone 39, EPSG:4527).

``ensure_demo_data(folder)`` writes, once (cached by a version stamp):
- ``demo_county.gpkg`` with ``land_survey`` (GB/T 21010 classes on a 300 m grid),
  ``basic_farmland`` (≥ 50,000 polygons, a few hundred overlapping each other on purpose),
  ``red_line`` (ecological red-line zones), ``slope`` (1 km polygons with ``slope_deg``) and
  ``county_boundary``;
- ``demo_projects.gpkg``, a project database (see core.project_db) with 14 supplementary projects:
  new farmland and upgrading, paddy and dry, both grade systems, some overlapping basic farmland or
  the red line on purpose, one with an invalid (self-intersecting) plot, one large two-piece
  consolidation project for the Jiangsu profile.
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
VERSION = 4
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
]
RED_LINE_ZONES = [  # centre (col, row) in cells, radius in m, name
    ((42.5, 47.0), 700.0, "东山水源涵养区"),
    ((80.0, 80.0), 1500.0, "北岭生物多样性保护区"),
    ((25.0, 25.0), 900.0, "湿地公园"),
    ((60.0, 70.0), 600.0, "河源保护区"),
    ((90.0, 15.0), 1100.0, "南麓水土保持区"),
]


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


def _write_county(path, rng, classes):
    if os.path.exists(path):
        os.remove(path)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    boundary = _create_layer(dataset, "county_boundary", ogr.wkbPolygon,
                             [("county_code", ogr.OFTString), ("county_name", ogr.OFTString)])
    feature = ogr.Feature(boundary.GetLayerDefn())
    feature.SetField("county_code", COUNTY_CODE)
    feature.SetField("county_name", COUNTY_NAME)
    feature.SetGeometry(ogr.CreateGeometryFromWkt(_rect(X0, Y0, X0 + NCOLS * CELL, Y0 + NROWS * CELL)))
    boundary.CreateFeature(feature)

    survey = _create_layer(dataset, "land_survey", ogr.wkbPolygon, [("dlbm", ogr.OFTString), ("dlmc", ogr.OFTString)])
    from double_guarantee_plugin.core.tables import land_classes
    names = land_classes()
    dataset.StartTransaction()
    for (col, row), code in sorted(classes.items()):
        feature = ogr.Feature(survey.GetLayerDefn())
        feature.SetField("dlbm", code)
        feature.SetField("dlmc", names[code].name_zh)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(_rect(*cell_bounds(col, row))))
        survey.CreateFeature(feature)
    dataset.CommitTransaction()

    farmland = _create_layer(dataset, "basic_farmland", ogr.wkbPolygon,
                             [("jbnttbbh", ogr.OFTString), ("dlbm", ogr.OFTString)])
    dataset.StartTransaction()
    count = 0
    step = CELL / 3
    overlap_project = next(p for p in PROJECTS if p[10].get("basic_farmland_overlap"))
    overlap_cells = set(_project_cells(overlap_project)[:4])
    for (col, row), code in sorted(classes.items()):
        if code not in CULTIVATED and (col, row) not in overlap_cells:
            continue
        x, y, _x2, _y2 = cell_bounds(col, row)
        for i in range(3):
            for j in range(3):
                jitter = rng.uniform(0.5, 3.0)
                wkt = _rect(x + i * step + jitter, y + j * step + jitter,
                            x + (i + 1) * step - jitter, y + (j + 1) * step - jitter)
                feature = ogr.Feature(farmland.GetLayerDefn())
                count += 1
                feature.SetField("jbnttbbh", f"JBNT{count:06d}")
                feature.SetField("dlbm", code if code in CULTIVATED else "0103")
                feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
                farmland.CreateFeature(feature)
                if rng.random() < 0.005 or ((col, row) in overlap_cells and i == j == 1):
                    # a duplicate drawn again 20 m off: overlaps inside the layer count once
                    count += 1
                    feature.SetField("jbnttbbh", f"JBNT{count:06d}")
                    feature.SetGeometry(ogr.CreateGeometryFromWkt(_rect(
                        x + i * step + 20, y + j * step + 20, x + (i + 1) * step + 20, y + (j + 1) * step + 20)))
                    feature.SetFID(-1)
                    farmland.CreateFeature(feature)
    dataset.CommitTransaction()

    red_line = _create_layer(dataset, "red_line", ogr.wkbPolygon, [("zone_name", ogr.OFTString), ("zone_type", ogr.OFTString)])
    for (col, row), radius, name in RED_LINE_ZONES:
        feature = ogr.Feature(red_line.GetLayerDefn())
        feature.SetField("zone_name", name)
        feature.SetField("zone_type", "生态保护红线")
        feature.SetGeometry(ogr.CreateGeometryFromWkt(_circle(X0 + col * CELL, Y0 + row * CELL, radius, rng)))
        red_line.CreateFeature(feature)

    slope = _create_layer(dataset, "slope", ogr.wkbPolygon, [("slope_deg", ogr.OFTReal)])
    dataset.StartTransaction()
    for row in range(30):
        for col in range(30):
            hill = max(0.0, (col + row - 40) * 2.5)   # steep land in the north-east
            feature = ogr.Feature(slope.GetLayerDefn())
            feature.SetField("slope_deg", round(min(45.0, hill + rng.uniform(0, 4)), 1))
            x, y = X0 + col * 1000, Y0 + row * 1000
            feature.SetGeometry(ogr.CreateGeometryFromWkt(_rect(x, y, x + 1000, y + 1000)))
            slope.CreateFeature(feature)
    dataset.CommitTransaction()
    dataset = None
    return count


def _plot_rows(rng, classes):
    """Yield (project_code, plot_code, wkt, class_before, class_after, grade_system, before, after)."""
    for project in PROJECTS:
        code, system, kind, options = project[0], project[6], project[7], project[10]
        worst = 10 if system == "quality_level_10" else 15
        cells = _project_cells(project)
        for index, cell in enumerate(cells):
            x1, y1, x2, y2 = cell_bounds(*cell)
            wkt = _rect(x1, y1, x2, y2)
            before = classes[cell]
            if options.get("survey_mismatch") and index == 0:
                before = "0404"   # claimed as grassland, the survey says otherwise
            if before in CULTIVATED:
                if options.get("to_paddy") and before in ("0102", "0103") and index % 2 == 0:
                    after = "0101"
                else:
                    after = before
                grade_before = rng.randint(worst // 2 + 1, worst - 1)
                grade_after = max(1, grade_before - rng.randint(1, 3))
            else:
                after = "0101" if options.get("paddy") and index % 2 == 0 else rng.choice(["0102", "0103"])
                grade_before = None
                grade_after = rng.randint(max(1, worst // 2 - 2), worst - 2)
            if options.get("basic_farmland_overlap") and index < 4:
                before = rng.choice(NEW_SOURCES)
            if options.get("invalid_plot") and index == 1:
                wkt = f"POLYGON(({x1} {y1},{x2} {y2},{x2} {y1},{x1} {y2},{x1} {y1}))"  # a bow tie
            yield code, f"{code}-{index + 1:02d}", wkt, before, after, system, grade_before, grade_after
    # a plot in the red line zone for DG2024-06 comes from its position (centre of zone 1)


def _write_projects(path, rng, classes):
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
    for project_code, plot_code, wkt, before, after, system, grade_before, grade_after in _plot_rows(rng, classes):
        feature = ogr.Feature(plots.GetLayerDefn())
        feature.SetField("project_code", project_code)
        feature.SetField("plot_code", plot_code)
        feature.SetField("class_before", before)
        feature.SetField("class_after", after)
        feature.SetField("grade_system", system)
        if grade_before is not None:
            feature.SetField("grade_before", grade_before)
        feature.SetField("grade_after", grade_after)
        geometry = ogr.CreateGeometryFromWkt(wkt)
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
    paths = {"county": folder / "demo_county.gpkg", "projects": folder / "demo_projects.gpkg"}
    if not force and stamp.exists() and all(p.exists() for p in paths.values()):
        if json.loads(stamp.read_text()).get("version") == VERSION:
            return paths
    was_raising = ogr.GetUseExceptions()
    ogr.UseExceptions()          # for the generator only: the switch is process-wide, so it is restored
    try:
        rng = random.Random(SEED)
        classes = _survey_classes(rng)
        farmland_count = _write_county(paths["county"], rng, classes)
        _write_projects(paths["projects"], rng, classes)
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
