# SPDX-License-Identifier: GPL-2.0-or-later
"""The eight failures of issue 19, each reproduced with plain OGR and sqlite3 edits on both sides (as other
QGIS users would edit the office database and the laptop's package), then held fixed."""
import sqlite3

import pytest

from double_guarantee_plugin.core import offline, review
from double_guarantee_plugin.core.offline import OfflineError
from double_guarantee_plugin.core.review import ReviewStore
from dg_offline_util import damage, fingerprint, ogr_add_plot, ogr_set, sql
from dg_testutil import copy_gpkg

from .conftest import PROJECT_A, PROJECT_B, write_photo


def project(path, code):
    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        row = connection.execute("SELECT * FROM projects WHERE project_code = ?", (code,)).fetchone()
        return dict(row) if row else None


def plot_by_code(path, plot_code):
    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute("SELECT * FROM plots WHERE plot_code = ?", (plot_code,))]


@pytest.fixture
def exported(project_db, tmp_path):
    """The office database and a package of projects A (under way) and B (accepted) taken from it."""
    sql(project_db, "UPDATE projects SET status = 'under_way' WHERE project_code = ?", (PROJECT_A,))
    package = tmp_path / "laptop.gpkg"
    offline.export_offline(project_db, [PROJECT_A, PROJECT_B], package, {})
    return project_db, package


def test_1_a_status_for_the_office_does_not_block_the_other_fields_of_the_project(exported):
    home, package = exported
    sql(package, "UPDATE projects SET project_name = '现场更名', status = 'accepted' WHERE project_code = ?",
        (PROJECT_A,))
    result = offline.merge_back(home, package)
    row = project(home, PROJECT_A)
    assert row["project_name"] == "现场更名"                     # the one-side change is applied
    assert row["status"] == "under_way"                          # the status waits for the office
    [held] = [c for c in offline.project_conflicts(home) if c.project_code == PROJECT_A]
    assert (held.field, held.home_value, held.offline_value, held.status) == (
        "status", "under_way", "accepted", "open")
    assert PROJECT_A in result.updated_projects


def test_2_a_second_bring_back_never_undoes_a_later_office_decision(exported):
    home, package = exported
    original_name = project(home, PROJECT_A)["project_name"]
    sql(package, "UPDATE projects SET project_name = '外业名称' WHERE project_code = ?", (PROJECT_A,))
    sql(package, "INSERT INTO projects (project_code, project_name, status) VALUES ('DG2026-98', '外业新建', 'planned')")
    offline.merge_back(home, package)
    assert project(home, PROJECT_A)["project_name"] == "外业名称" and project(home, "DG2026-98")
    # the office puts the name back and deletes the project created in the field
    sql(home, "UPDATE projects SET project_name = ? WHERE project_code = ?", (original_name, PROJECT_A))
    sql(home, "DELETE FROM projects WHERE project_code = 'DG2026-98'")
    before = fingerprint(home)
    again = offline.merge_back(home, package)
    assert not again.changed_anything
    assert project(home, PROJECT_A)["project_name"] == original_name and project(home, "DG2026-98") is None
    assert fingerprint(home) == before


def test_3_a_project_deleted_at_the_office_stays_deleted(exported):
    home, package = exported
    sql(home, "DELETE FROM plots WHERE project_code = ?", (PROJECT_B,))
    sql(home, "DELETE FROM projects WHERE project_code = ?", (PROJECT_B,))
    result = offline.merge_back(home, package)
    assert project(home, PROJECT_B) is None and PROJECT_B not in result.added_projects


def test_4_a_package_whose_plots_lack_a_column_is_refused(exported):
    home, package = exported
    fid = plot_by_code(home, f"{PROJECT_A}-03")[0]["fid"]
    ogr_set(home, fid, grade_before=2)                            # the office edits the column ...
    sql(package, "DELETE FROM plots WHERE fid = ?", (fid,))      # ... the field deletes the plot ...
    with sqlite3.connect(package) as connection:                 # ... and the package lost the column
        connection.execute("ALTER TABLE plots DROP COLUMN grade_before")
    before = fingerprint(home)
    with pytest.raises(OfflineError, match=r"(?s)laptop\.gpkg.*plots.*grade_before"):
        offline.merge_back(home, package)
    assert fingerprint(home) == before and plot_by_code(home, f"{PROJECT_A}-03")[0]["grade_before"] == 2


def test_5_a_photo_whose_bytes_do_not_match_its_hash_is_refused(exported, tmp_path):
    home, package = exported
    photo = ReviewStore(package).add_photo(PROJECT_A, write_photo(tmp_path / "IMG_0009.jpg"))
    sql(package, "UPDATE dg_review_photos SET content = substr(content, 1, 100) WHERE uuid = ?", (photo.uuid,))
    before = fingerprint(home)
    with pytest.raises(OfflineError, match=r"(?s)laptop\.gpkg.*dg_review_photos.*IMG_0009\.jpg"):
        offline.merge_back(home, package)
    assert fingerprint(home) == before


@pytest.mark.parametrize("kind", ["base_json", "short_geometry", "empty_blob", "meta_codes", "truncated_file",
                                  "broken_index"])
def test_6_a_damaged_package_gets_a_clear_message_not_a_raw_error(exported, kind):
    home, package = exported
    fid = plot_by_code(package, f"{PROJECT_A}-02")[0]["fid"]
    if kind == "base_json":
        damage(package, "UPDATE dg_offline_base SET attributes = '{\"grade_after\": ' WHERE fid = ?", (fid,))
    elif kind == "short_geometry":
        damage(package, "UPDATE plots SET geom = substr(geom, 1, 20) WHERE fid = ?", (fid,))
    elif kind == "empty_blob":
        damage(package, "UPDATE plots SET geom = x'4750' WHERE fid = ?", (fid,))
    elif kind == "meta_codes":
        damage(package, "UPDATE dg_meta SET value = '[\"DG' WHERE key = 'project_codes'")
    elif kind == "broken_index":     # the index no longer matches its table: SQLite's integrity check says so
        connection = sqlite3.connect(package)
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("UPDATE sqlite_master SET sql = replace(sql, '(project_code)', '(plot_code)') "
                           "WHERE name = 'plots_project_code'")
        connection.commit()
        connection.close()
    else:
        data = package.read_bytes()
        package.write_bytes(data[:len(data) // 2])
    before = fingerprint(home)
    with pytest.raises(OfflineError, match=r"laptop\.gpkg") as caught:
        offline.merge_back(home, package)
    assert "Traceback" not in str(caught.value)
    expected = {"base_json": "dg_offline_base", "short_geometry": "plots", "empty_blob": "plots",
                "meta_codes": "project_codes", "broken_index": "integrity check", "truncated_file": "GeoPackage"}
    assert expected[kind] in str(caught.value)
    assert fingerprint(home) == before


def test_6_damaged_package_in_processing_is_a_message(processing_ready, exported):
    from qgis import processing
    from qgis.core import QgsProcessingException
    home, package = exported
    damage(package, "UPDATE plots SET geom = substr(geom, 1, 20) WHERE plot_code = ?", (f"{PROJECT_A}-02",))
    with pytest.raises(QgsProcessingException, match=r"(?s)laptop\.gpkg.*plots"):
        processing.run("doubleguarantee:bringback", {"DATABASE": str(home), "PACKAGE": str(package)})


def test_7_a_package_of_a_sibling_copy_of_one_template_is_refused(demo_paths, tmp_path):
    template = tmp_path / "template.gpkg"
    copy_gpkg(demo_paths["projects"], template)
    ReviewStore(template)                                          # the template has its database id
    town_a, town_b = tmp_path / "town_a.gpkg", tmp_path / "town_b.gpkg"
    copy_gpkg(template, town_a)
    copy_gpkg(template, town_b)
    package = tmp_path / "town_a_laptop.gpkg"
    offline.export_offline(town_a, [PROJECT_A], package, {})
    ReviewStore(package).add_review(PROJECT_A, review.PASSED, "王工")
    before = fingerprint(town_b)
    with pytest.raises(OfflineError, match="town_a_laptop.gpkg"):
        offline.merge_back(town_b, package)
    assert fingerprint(town_b) == before
    assert offline.merge_back(town_a, package).added_reviews[review.REVIEWS_TABLE] == 1


def test_8_continued_field_work_after_a_bring_back_is_applied(exported):
    home, package = exported
    fid = ogr_add_plot(package, PROJECT_A, f"{PROJECT_A}-F1", grade_after=9)
    first = offline.merge_back(home, package)
    assert first.added_plots == [f"{PROJECT_A}-F1"]
    ogr_set(package, fid, grade_after=6)                           # the laptop keeps working
    second = offline.merge_back(home, package)
    [row] = plot_by_code(home, f"{PROJECT_A}-F1")
    assert row["grade_after"] == 6 and second.applied_edits == [f"{PROJECT_A}-F1"]
    assert not offline.merge_back(home, package).changed_anything
