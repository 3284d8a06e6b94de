"""How tests/data/project_db_v2.gpkg and project_db_pg_v2.sql were made: project databases of schema 2.

Schema 2 is the layout of the release before the 2024 reform (commit be7162e): no rule profile per
project, no workflow steps, statuses planned / under_way / accepted / filed.  The files were written
by that release's own code (``create_project_database`` and ``create_project_database_pg``) so the
migration tests start from what a county really has on disk.  Both are committed; to remake them,
check the release out (``git worktree add /tmp/release be7162e``) and run this script there with
its .venv: ``.venv/bin/python tests/data/make_v2_databases.py``.

The PostGIS file is ``pg_dump --schema=county`` of a database holding the ledger's roles; restore it
into a database where ``install_postgres_schema`` has run (the roles must exist).
"""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication  # noqa: E402

APP = QgsApplication([], False)
APP.initQgis()

from osgeo import ogr  # noqa: E402

from double_guarantee_plugin.core.project_db import create_project_database  # noqa: E402

HERE = Path(__file__).resolve().parent
# code, name, implemented_on, status, funding: one of each case the migration must handle
PROJECTS = [
    ("V2-2023-ACC", "二〇二三年已验收项目", "2023-03-01", "accepted", "cultivation_fee"),
    ("V2-2024-FIL", "二〇二四年已报备项目", "2024-05-01", "filed", "county"),
    ("V2-2025-ACC", "二〇二五年已验收项目", "2025-03-01", "accepted", "cultivation_fee"),
    ("V2-2025-PLN", "二〇二五年规划项目", "2025-06-01", "planned", "county"),
    ("V2-2024-UW", "二〇二四年实施中项目", "2024-09-01", "under_way", "county"),
    ("V2-NODATE", "未填实施日期项目", None, "planned", None),
]
X, Y = 39_490_000, 3_560_000


def _plots(index, code):
    x0 = X + index * 300
    return [(f"{code}-001", "0201", "0101", None, 8,
             f"POLYGON(({x0} {Y},{x0 + 200} {Y},{x0 + 200} {Y + 200},{x0} {Y + 200},{x0} {Y}))")]


def make_gpkg(path):
    create_project_database(str(path), "EPSG:4527", overwrite=True)
    dataset = ogr.Open(str(path), 1)
    projects, plots = dataset.GetLayerByName("projects"), dataset.GetLayerByName("plots")
    for index, (code, name, implemented_on, status, funding) in enumerate(PROJECTS):
        row = ogr.Feature(projects.GetLayerDefn())
        for field, value in (("project_code", code), ("project_name", name), ("county_code", "320999"),
                             ("project_type", "land_consolidation"), ("funding_source", funding),
                             ("status", status)):
            if value is not None:
                row.SetField(field, value)
        if implemented_on:
            year, month, day = (int(part) for part in implemented_on.split("-"))
            row.SetField("implemented_on", year, month, day, 0, 0, 0, 0)
        projects.CreateFeature(row)
        for plot_code, before, after, grade_before, grade_after, wkt in _plots(index, code):
            plot = ogr.Feature(plots.GetLayerDefn())
            for field, value in (("project_code", code), ("plot_code", plot_code), ("class_before", before),
                                 ("class_after", after), ("grade_system", "use_grade_15"),
                                 ("grade_after", grade_after)):
                plot.SetField(field, value)
            plot.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(wkt)))
            plots.CreateFeature(plot)
    dataset = None
    return path


def make_pg_dump(path):
    import psycopg2
    import pg_cluster
    from double_guarantee_plugin.core.ledger.postgres_backend import install_postgres_schema
    from double_guarantee_plugin.core.project_db_pg import create_project_database_pg
    with pg_cluster.throwaway_cluster() as cluster:
        cluster.create_database("v2", postgis=True)
        install_postgres_schema(**cluster.params("v2"))
        create_project_database_pg(cluster.uri("v2"), "county", "EPSG:4527")
        connection = psycopg2.connect(**cluster.params("v2"))
        with connection, connection.cursor() as cursor:
            for index, (code, name, implemented_on, status, funding) in enumerate(PROJECTS):
                cursor.execute("INSERT INTO county.projects (project_code, project_name, county_code, project_type, "
                               "funding_source, implemented_on, status) VALUES (%s, %s, '320999', "
                               "'land_consolidation', %s, %s, %s)", (code, name, funding, implemented_on, status))
                for plot_code, before, after, grade_before, grade_after, wkt in _plots(index, code):
                    cursor.execute("INSERT INTO county.plots (project_code, plot_code, class_before, class_after, "
                                   "grade_system, grade_before, grade_after, geom) VALUES (%s, %s, %s, %s, "
                                   "'use_grade_15', %s, %s, ST_Multi(ST_GeomFromText(%s, 4527)))",
                                   (code, plot_code, before, after, grade_before, grade_after, wkt))
        connection.close()
        dump = subprocess.run([os.path.join(pg_cluster.PG_BIN, "pg_dump"), "--schema=county", "--no-owner", "--inserts",
                               "-d", cluster.uri("v2")], check=True, capture_output=True,
                              text=True).stdout
    # the grants name the ledger's roles dg_technician / dg_reviewer / dg_officer: restore where they exist
    # pg_dump ≥ 15.14 brackets the dump in psql-only \restrict lines: drop them, the rest is plain SQL
    dump = "".join(line for line in dump.splitlines(True) if not line.startswith(("\\restrict", "\\unrestrict")))
    Path(path).write_text(dump, encoding="utf-8")
    return path


if __name__ == "__main__":
    print(make_gpkg(HERE / "project_db_v2.gpkg"))
    print(make_pg_dump(HERE / "project_db_pg_v2.sql"))
    APP.exitQgis()
