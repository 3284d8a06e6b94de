# SPDX-License-Identifier: GPL-2.0-or-later
"""Bring-back cases beyond the issue's eight: copies made by the plugin, office databases and packages of the
first offline version, whole projects deleted or created on one side, and values the package check refuses."""
import sqlite3

import pytest

from double_guarantee_plugin.core import offline, review
from double_guarantee_plugin.core.offline import OfflineError
from double_guarantee_plugin.core.review import ReviewStore
from dg_offline_util import fingerprint, ogr_add_plot, ogr_set, rows, sql

from .conftest import PROJECT_A, PROJECT_B


@pytest.fixture
def office(project_db):
    for code in (PROJECT_A, PROJECT_B):
        sql(project_db, "UPDATE projects SET status = 'under_way' WHERE project_code = ?", (code,))
    return project_db


def take(office, tmp_path, codes=(PROJECT_A, PROJECT_B)):
    package = tmp_path / "laptop.gpkg"
    offline.export_offline(office, list(codes), package, {})
    return package


def test_a_copy_made_by_the_plugin_is_another_database(office, tmp_path):
    package = take(office, tmp_path)
    copy = offline.copy_project_database(office, tmp_path / "copy.gpkg")
    with pytest.raises(OfflineError, match="another project database"):
        offline.merge_back(copy, package)
    assert rows(copy, "dg_meta", "key")["review_database_id"] != rows(office, "dg_meta", "key")["review_database_id"]
    with sqlite3.connect(copy) as connection:
        assert not connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'dg_offline_exports'").fetchone()
    with pytest.raises(OfflineError, match="exists already"):
        offline.copy_project_database(office, copy)
    assert offline.merge_back(office, package).changed_anything is False


def test_a_new_database_has_its_identity_from_the_start(tmp_path):
    from double_guarantee_plugin.core.project_db import create_project_database
    path = create_project_database(str(tmp_path / "new.gpkg"), "EPSG:4527")
    assert len(rows(path, "dg_meta", "key")["review_database_id"]["value"]) == 32


def test_an_office_merged_by_the_first_version_keeps_its_log(office, tmp_path):
    """A version-1 office logged plot hashes in dg_offline_merge_log; they are carried over, so a plot drawn
    in the field and added then is not added a second time."""
    package = take(office, tmp_path)
    fid = ogr_add_plot(package, PROJECT_A, f"{PROJECT_A}-F1")
    [(blob, *attributes)] = sql(package, "SELECT geom, project_code, plot_code, class_before, class_after, "
                                         "grade_system, grade_before, grade_after FROM plots WHERE fid = ?", (fid,))
    names = ["project_code", "plot_code", "class_before", "class_after", "grade_system", "grade_before", "grade_after"]
    import hashlib
    import json
    digest = hashlib.sha256(json.dumps(dict(zip(names, attributes)), sort_keys=True, ensure_ascii=False).encode())
    digest.update(b"|" + offline.geometry_wkb(blob))
    ogr_add_plot(office, PROJECT_A, f"{PROJECT_A}-F1")          # what the first version's merge did
    home_fid = sql(office, "SELECT fid FROM plots WHERE plot_code = ?", (f"{PROJECT_A}-F1",))[0][0]
    package_id = offline.package_info(package)["offline_package_id"]
    with sqlite3.connect(office) as connection:                 # and how it kept its books
        for table in ("dg_offline_merges", "dg_offline_merge_rows", "dg_project_conflicts"):
            connection.execute(f"DROP TABLE {table}")
        connection.execute("ALTER TABLE dg_offline_exports DROP COLUMN database_id")
        connection.execute("CREATE TABLE dg_offline_merge_log (id INTEGER PRIMARY KEY AUTOINCREMENT, package_id TEXT "
                           "NOT NULL, offline_fid INTEGER NOT NULL, offline_hash TEXT NOT NULL, action TEXT NOT NULL, "
                           "home_fid INTEGER, merged_at TEXT NOT NULL, merged_by TEXT)")
        connection.execute("INSERT INTO dg_offline_merge_log (package_id, offline_fid, offline_hash, action, home_fid, "
                           "merged_at) VALUES (?, ?, ?, 'added', ?, '2026-01-01')",
                           (package_id, fid, digest.hexdigest(), home_fid))
    result = offline.merge_back(office, package)
    assert not result.added_plots and len(sql(office, "SELECT 1 FROM plots WHERE plot_code = ?",
                                              (f"{PROJECT_A}-F1",))) == 1
    ogr_set(package, fid, grade_after=4)                         # continued field work still comes in
    assert offline.merge_back(office, package).applied_edits == [f"{PROJECT_A}-F1"]
    assert sql(office, "SELECT grade_after FROM plots WHERE fid = ?", (home_fid,)) == [(4,)]


def test_a_package_of_the_first_version_merges_projects_as_conflicts(office, tmp_path):
    package = take(office, tmp_path)
    ReviewStore(package).add_review(PROJECT_A, review.PASSED, "王工")
    with sqlite3.connect(package) as connection:
        connection.execute("DROP TABLE dg_offline_project_base")
        connection.execute("DROP TABLE dg_offline_review_base")
        connection.execute("UPDATE dg_meta SET value = '1' WHERE key = 'offline_schema_version'")
    sql(package, "UPDATE projects SET project_name = '外业名称' WHERE project_code = ?", (PROJECT_A,))
    result = offline.merge_back(office, package)
    assert [(c.project_code, c.field, c.kind) for c in result.project_conflicts] == [
        (PROJECT_A, "project_name", "edited_both")]
    assert result.added_reviews[review.REVIEWS_TABLE] == 1
    assert not offline.merge_back(office, package).changed_anything


def test_a_project_deleted_in_the_field(office, tmp_path):
    package = take(office, tmp_path)
    sql(package, "DELETE FROM plots WHERE project_code IN (?, ?)", (PROJECT_A, PROJECT_B))
    sql(package, "DELETE FROM projects WHERE project_code IN (?, ?)", (PROJECT_A, PROJECT_B))
    kept = sql(office, "SELECT fid FROM plots WHERE project_code = ? LIMIT 1", (PROJECT_B,))[0][0]
    ogr_set(office, kept, grade_after=3)                          # the office still works on one plot of B
    result = offline.merge_back(office, package)
    assert result.deleted_projects == [PROJECT_A]
    assert not sql(office, "SELECT 1 FROM projects WHERE project_code = ?", (PROJECT_A,))
    assert [(c.project_code, c.kind) for c in result.project_conflicts] == [(PROJECT_B, "deleted_offline")]
    [plot_conflict] = result.conflicts
    assert plot_conflict.kind == "deleted_offline" and plot_conflict.home_fid == kept
    [conflict] = result.project_conflicts
    with pytest.raises(OfflineError, match="still has 1 plots"):
        offline.resolve_project_conflict(office, conflict.id, "offline", "张科长")
    offline.resolve_conflict(office, plot_conflict.id, "offline", "张科长")
    offline.resolve_project_conflict(office, conflict.id, "offline", "张科长")
    assert not sql(office, "SELECT 1 FROM projects WHERE project_code = ?", (PROJECT_B,))


def test_a_project_the_office_deleted_but_the_field_changed(office, tmp_path):
    package = take(office, tmp_path)
    sql(office, "DELETE FROM plots WHERE project_code = ?", (PROJECT_B,))
    sql(office, "DELETE FROM projects WHERE project_code = ?", (PROJECT_B,))
    sql(package, "UPDATE projects SET project_name = '外业仍在用' WHERE project_code = ?", (PROJECT_B,))
    [conflict] = offline.merge_back(office, package).project_conflicts
    assert (conflict.kind, conflict.home_value, conflict.offline_value["project_name"]) == (
        "deleted_home", None, "外业仍在用")
    assert not sql(office, "SELECT 1 FROM projects WHERE project_code = ?", (PROJECT_B,))
    offline.resolve_project_conflict(office, conflict.id, "offline", "张科长")
    assert sql(office, "SELECT project_name FROM projects WHERE project_code = ?", (PROJECT_B,)) == [("外业仍在用",)]


def test_a_project_made_in_the_field_as_accepted_waits_for_the_office(office, tmp_path):
    package = take(office, tmp_path)
    sql(package, "INSERT INTO projects (project_code, project_name, status) VALUES ('DG2026-77', '外业新建', 'accepted')")
    result = offline.merge_back(office, package)
    assert result.added_projects == ["DG2026-77"]
    assert sql(office, "SELECT status FROM projects WHERE project_code = 'DG2026-77'") == [("planned",)]
    [held] = result.project_conflicts
    assert (held.kind, held.home_value, held.offline_value) == ("status_held", "planned", "accepted")


@pytest.mark.parametrize("statement, text", [
    ("UPDATE plots SET class_after = '9999' WHERE plot_code = 'DG2023-01-02'", r"DG2023-01-02.*class_after = '9999'"),
    ("UPDATE plots SET grade_after = 40 WHERE plot_code = 'DG2023-01-02'", r"DG2023-01-02.*grade_after = 40"),
    ("UPDATE plots SET grade_after = 'x' WHERE plot_code = 'DG2023-01-02'", r"DG2023-01-02.*not a whole number"),
    ("UPDATE projects SET status = 'approved' WHERE project_code = 'DG2023-01'", r"projects.*DG2023-01.*approved"),
    ("UPDATE dg_meta SET value = '9' WHERE key = 'offline_schema_version'", r"newer than this plugin"),
    ("ALTER TABLE dg_reviews RENAME TO old; CREATE TABLE dg_reviews (id INTEGER PRIMARY KEY, uuid TEXT, "
     "project_code TEXT, verdict TEXT, comment TEXT, reviewer TEXT, reviewed_at TEXT, recorded_in TEXT); "
     "INSERT INTO dg_reviews SELECT * FROM old; UPDATE dg_reviews SET uuid = NULL, verdict = 'maybe'",
     r"dg_reviews.*no uuid"),
    ("UPDATE dg_offline_base SET plot_hash = 'x' WHERE fid = (SELECT min(fid) FROM dg_offline_base)",
     r"dg_offline_base.*does not match its hash"),
])
def test_values_the_package_check_refuses(office, tmp_path, statement, text):
    package = take(office, tmp_path)
    ReviewStore(package).add_review(PROJECT_A, review.PASSED, "王工")
    connection = offline.connect(package)
    connection.executescript(statement)      # a tool other than the plugin changed the package
    connection.close()
    before = fingerprint(office)
    with pytest.raises(OfflineError, match=r"(?s)laptop\.gpkg.*" + text):
        offline.merge_back(office, package)
    assert fingerprint(office) == before
