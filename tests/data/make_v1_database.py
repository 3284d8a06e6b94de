"""How tests/data/project_db_v1.gpkg was made: the first project-database layout (schema 1).

Schema 1 had no ``dg_meta`` table, no ``plots.grade_system`` and no ``projects.funding_source`` /
``projects.implemented_on``.  The file is committed; run this only to remake it.
"""
import os
import sys

from osgeo import ogr, osr

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "project_db_v1.gpkg")
if os.path.exists(path):
    os.remove(path)
dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
projects = dataset.CreateLayer("projects", geom_type=ogr.wkbNone, options=["FID=fid"])
for name in ("project_code", "project_name", "county_code", "project_type", "status"):
    projects.CreateField(ogr.FieldDefn(name, ogr.OFTString))
srs = osr.SpatialReference()
srs.ImportFromEPSG(4527)
plots = dataset.CreateLayer("plots", srs=srs, geom_type=ogr.wkbMultiPolygon, options=["FID=fid", "GEOMETRY_NAME=geom"])
for name, kind in (("project_code", ogr.OFTString), ("plot_code", ogr.OFTString), ("class_before", ogr.OFTString),
                   ("class_after", ogr.OFTString), ("grade_before", ogr.OFTInteger), ("grade_after", ogr.OFTInteger)):
    plots.CreateField(ogr.FieldDefn(name, kind))
row = ogr.Feature(projects.GetLayerDefn())
for name, value in (("project_code", "V1-001"), ("project_name", "老版本项目"), ("county_code", "320999"),
                    ("project_type", "land_consolidation"), ("status", "accepted")):
    row.SetField(name, value)
projects.CreateFeature(row)
x, y = 39_490_000, 3_560_000
for index, (before, after, grade_before, grade_after) in enumerate((("0201", "0101", None, 8), ("0103", "0103", 10, 8))):
    plot = ogr.Feature(plots.GetLayerDefn())
    plot.SetField("project_code", "V1-001")
    plot.SetField("plot_code", f"V1-001-{index + 1}")
    plot.SetField("class_before", before)
    plot.SetField("class_after", after)
    if grade_before is not None:
        plot.SetField("grade_before", grade_before)
    plot.SetField("grade_after", grade_after)
    x0 = x + index * 200
    plot.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(
        f"POLYGON(({x0} {y},{x0 + 200} {y},{x0 + 200} {y + 200},{x0} {y + 200},{x0} {y}))")))
    plots.CreateFeature(plot)
dataset = None
print(path)
