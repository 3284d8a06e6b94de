# SPDX-License-Identifier: GPL-2.0-or-later
"""Ellipsoidal areas on CGCS2000 and the project database (creation, field rules, migration)."""
import shutil
from pathlib import Path
import sqlite3

import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsGeometry, QgsVectorLayer,
                       QgsVectorLayerUtils)

from double_guarantee_plugin.core.workflow.schema import PROJECT_COLUMNS as WORKFLOW_COLUMNS
from double_guarantee_plugin.core import project_db
from double_guarantee_plugin.core.area import EllipsoidalArea

TEST_DATA = Path(__file__).resolve().parent / "data"


def square(x, y, size):
    return QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))")


def test_one_km_square_150_km_off_zone_40_meridian_is_0_056_percent_smaller():
    measure = EllipsoidalArea(QgsCoordinateReferenceSystem("EPSG:4528"))   # zone 40, prefixed
    geometry = square(40_500_000 + 150_000, 3_500_000, 1000)
    ellipsoidal = measure.area_m2(geometry)
    assert geometry.area() == 1_000_000
    assert (geometry.area() - ellipsoidal) / geometry.area() == pytest.approx(0.00056, abs=0.00003)


def test_area_is_the_same_whatever_the_layer_crs():
    from qgis.core import QgsCoordinateTransform, QgsProject
    gk = QgsCoordinateReferenceSystem("EPSG:4527")
    geometry = square(39_500_000, 3_550_000, 500)
    in_gk = EllipsoidalArea(gk).area_m2(geometry)
    geographic = QgsGeometry(geometry)
    geographic.transform(QgsCoordinateTransform(gk, QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance()))
    assert EllipsoidalArea(QgsCoordinateReferenceSystem("EPSG:4490")).area_m2(geographic) == pytest.approx(in_gk, rel=1e-6)


def test_area_needs_a_crs():
    with pytest.raises(ValueError, match="no valid CRS"):
        EllipsoidalArea(QgsCoordinateReferenceSystem())


def test_new_database_has_schema_fields_and_rules(tmp_path):
    path = str(tmp_path / "projects.gpkg")
    project_db.create_project_database(path, "EPSG:4527")
    assert project_db.schema_version(path) == project_db.SCHEMA_VERSION
    plots, projects = project_db.open_project_database(path)
    assert plots.crs().authid() == "EPSG:4527"
    assert [f.name() for f in plots.fields()][1:] == [name for name, *_ in project_db.PLOT_FIELDS]
    # the project fields, then the 2024 workflow's (core.workflow.schema, versioned on their own)
    assert [f.name() for f in projects.fields()][1:] == [name for name, *_ in project_db.PROJECT_FIELDS] + [
        name for name, *_ in WORKFLOW_COLUMNS]
    assert plots.attributeAlias(plots.fields().indexOf("class_before")) == "实施前地类 *"   # required
    assert plots.editorWidgetSetup(plots.fields().indexOf("class_after")).type() == "ValueMap"
    # a layer opened without the plugin gets the same configuration from the stored default style
    bare = QgsVectorLayer(project_db.layer_uri(path, "plots"), "bare", "ogr")
    assert bare.attributeAlias(bare.fields().indexOf("grade_after")) == "实施后等别"
    assert bare.editorWidgetSetup(bare.fields().indexOf("fid")).type() == "Hidden"
    assert bare.editFormConfig().tabs()[0].name() == "地块属性"
    # QGIS's own constraint check refuses a bad class code and a grade outside the system
    feature = QgsVectorLayerUtils.createFeature(plots)
    feature["project_code"] = "P1"
    feature["class_before"] = "0201"
    feature["class_after"] = "9999"
    feature["grade_system"] = "quality_level_10"
    feature["grade_after"] = 12
    failures = {}
    for name in ("class_after", "grade_after", "class_before"):
        ok, errors = QgsVectorLayerUtils.validateAttribute(plots, feature, plots.fields().indexOf(name))
        failures[name] = ok
    assert failures == {"class_after": False, "grade_after": False, "class_before": True}


def test_refuses_non_cgcs2000_crs_and_existing_file(tmp_path):
    with pytest.raises(project_db.ProjectDatabaseError, match="is not CGCS2000"):
        project_db.create_project_database(str(tmp_path / "a.gpkg"), "EPSG:4326")
    path = str(tmp_path / "b.gpkg")
    project_db.create_project_database(path, "EPSG:4490")
    with pytest.raises(project_db.ProjectDatabaseError, match="exists already"):
        project_db.create_project_database(path, "EPSG:4527")


def test_version_1_database_is_migrated_keeping_its_rows(tmp_path):
    path = str(tmp_path / "old.gpkg")
    shutil.copy(TEST_DATA / "project_db_v1.gpkg", path)
    assert project_db.schema_version(path) == 1
    plots, projects = project_db.open_project_database(path)
    assert project_db.schema_version(path) == project_db.SCHEMA_VERSION == 3
    assert "grade_system" in plots.fields().names()
    assert set(project_db.V2_MISSING) <= set(plots.fields().names())
    assert {"funding_source", "implemented_on"} <= set(projects.fields().names())
    rows = sorted((f["plot_code"], f["grade_system"], f["class_before"]) for f in plots.getFeatures())
    assert rows == [("V1-001-1", "use_grade_15", "0201"), ("V1-001-2", "use_grade_15", "0103")]
    assert [f["project_name"] for f in projects.getFeatures()] == ["老版本项目"]
    # migrating again changes nothing
    assert project_db.migrate(path) == project_db.SCHEMA_VERSION


def test_a_newer_database_is_refused_untouched(tmp_path):
    path = str(tmp_path / "new.gpkg")
    project_db.create_project_database(path, "EPSG:4527")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE dg_meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(project_db.ProjectDatabaseError, match="newer than this plugin"):
        project_db.open_project_database(path)
    assert project_db.schema_version(path) == 99


def test_a_file_that_is_not_a_geopackage_is_named(tmp_path):
    path = tmp_path / "notes.gpkg"
    path.write_text("this is not a database, just text " * 100)
    with pytest.raises(project_db.ProjectDatabaseError, match="notes.gpkg: not a GeoPackage project database"):
        project_db.open_project_database(str(path))
