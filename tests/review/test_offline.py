# SPDX-License-Identifier: GPL-2.0-or-later
"""Take offline / edit on both sides / bring back (core.offline), with one conflicting plot."""
import hashlib
import sqlite3

import pytest

from double_guarantee_plugin.core import offline, review
from double_guarantee_plugin.core.offline import OfflineError
from double_guarantee_plugin.core.review import ReviewStore

from .conftest import PROJECT_A, PROJECT_B, open_plots_layer, write_photo

PROJECT_RED = "DG2024-06"   # lies on a red-line zone


def constraint_sources(demo_paths):
    county = demo_paths["county"]
    return {name: f"{county}|layername={name}" for name in offline.DEFAULT_CONSTRAINTS}


def plot_fid(layer, plot_code):
    from qgis.core import QgsFeatureRequest
    request = QgsFeatureRequest().setFilterExpression(f"\"plot_code\" = '{plot_code}'")
    features = list(layer.getFeatures(request))
    assert len(features) == 1, plot_code
    return features[0].id()


def edit(layer, action):
    """One edit session on a real QGIS layer, committed as QGIS would."""
    assert layer.startEditing()
    action(layer)
    assert layer.commitChanges(), layer.commitErrors()


def snapshot(path):
    """Everything a merge could change in a database, as a hash per table."""
    with sqlite3.connect(path) as connection:
        tables = ["plots", "dg_reviews", "dg_review_photos", "dg_field_points", "dg_plot_conflicts"]
        result = {}
        for table in tables:
            rows = connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            result[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
        return result


class Feedback:
    def __init__(self, cancel_at=None):
        self.progress, self.cancel_at = [], cancel_at

    def setProgress(self, value):  # noqa: N802 (QgsFeedback's name)
        self.progress.append(value)

    def isCanceled(self):  # noqa: N802
        return self.cancel_at is not None and len(self.progress) >= self.cancel_at


def test_take_offline_writes_projects_plots_reviews_and_clipped_constraints(project_db, demo_paths, tmp_path):
    from qgis.core import QgsFeatureRequest, QgsGeometry, QgsVectorLayer
    store = ReviewStore(project_db)
    store.add_review(PROJECT_A, review.TO_VERIFY, "王工", "出发前：待核实")
    store.add_review("DG2022-03", review.PASSED, "李工")          # not exported
    package = tmp_path / "laptop.gpkg"
    feedback = Feedback()
    result = offline.export_offline(project_db, [PROJECT_A, PROJECT_B, PROJECT_RED], package,
                                    constraint_sources(demo_paths), exported_by="王工", feedback=feedback)
    assert package.exists() and not list(tmp_path.glob("*.part*"))
    assert feedback.progress[-1] == 100
    assert result.plot_count == 12 + 16 + 12
    assert result.review_counts[review.REVIEWS_TABLE] == 1

    info = offline.package_info(package)
    assert info["project_codes"] == [PROJECT_A, PROJECT_B, PROJECT_RED]
    assert info["origin_database_id"] == store.database_id
    packaged = ReviewStore(package)
    assert [r.comment for r in packaged.history(PROJECT_A)] == ["出发前：待核实"]
    assert packaged.history("DG2022-03") == []
    assert packaged.project_codes() == sorted([PROJECT_A, PROJECT_B, PROJECT_RED])
    plots = open_plots_layer(package)
    assert plots.featureCount() == 40 and plots.crs().authid() == "EPSG:4527"
    assert plots.extent().width() > 0

    # the clipped layers hold exactly the parts of the county layers within 200 m of the projects
    home_plots = open_plots_layer(project_db)
    area = None
    for code in (PROJECT_A, PROJECT_B, PROJECT_RED):
        parts = [f.geometry().makeValid() for f in home_plots.getFeatures(
            QgsFeatureRequest().setFilterExpression(f"\"project_code\" = '{code}'"))]
        grown = QgsGeometry.unaryUnion(parts).buffer(offline.DEFAULT_MARGIN_M, 8)
        area = grown if area is None else area.combine(grown)
    for name in offline.DEFAULT_CONSTRAINTS:
        source = QgsVectorLayer(f"{demo_paths['county']}|layername={name}", name, "ogr")
        expected_count, expected_area = 0, 0.0
        for feature in source.getFeatures(QgsFeatureRequest().setFilterRect(area.boundingBox())):
            cut = feature.geometry().intersection(area)
            if not cut.isEmpty() and cut.area() > 0:
                expected_count += 1
                expected_area += cut.area()
        clipped = QgsVectorLayer(f"{package}|layername={name}", name, "ogr")
        assert clipped.isValid(), name
        assert clipped.featureCount() == expected_count == result.constraint_counts[name], name
        got_area = sum(f.geometry().area() for f in clipped.getFeatures())
        assert got_area == pytest.approx(expected_area, rel=1e-3), name
        margin = area.buffer(1.0, 8)   # arcs of the two buffers have different segment counts
        assert all(margin.contains(f.geometry()) for f in clipped.getFeatures()), name
        del clipped, source
    assert result.constraint_counts["basic_farmland"] > 50
    assert result.constraint_counts["red_line"] >= 1
    assert [f["slope_deg"] is not None for f in QgsVectorLayer(
        f"{package}|layername=slope", "s", "ogr").getFeatures()]
    with sqlite3.connect(project_db) as connection:
        exports = connection.execute("SELECT package_id, plot_count FROM dg_offline_exports").fetchall()
    assert exports == [(result.package_id, 40)]


def test_round_trip_with_a_conflict_keeps_both_versions_and_merging_twice_changes_nothing(
        project_db, demo_paths, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry
    package = tmp_path / "laptop.gpkg"
    offline.export_offline(project_db, [PROJECT_A, PROJECT_B], package, constraint_sources(demo_paths))

    # --- in the field: edits on the laptop's copy --------------------------------------------
    field = open_plots_layer(package)
    only_offline = plot_fid(field, f"{PROJECT_A}-01")
    conflicting = plot_fid(field, f"{PROJECT_A}-02")
    same_both = plot_fid(field, f"{PROJECT_A}-03")
    deleted_offline = plot_fid(field, f"{PROJECT_B}-02")
    class_index = field.fields().indexOf("class_after")
    grade_index = field.fields().indexOf("grade_after")
    field_shape = field.getFeature(conflicting).geometry().buffer(-20, 4)   # the boundary moved in the field

    def field_edits(layer):
        layer.beginEditCommand("field review")
        layer.changeAttributeValue(only_offline, class_index, "0103")
        layer.changeGeometry(conflicting, QgsGeometry.collectGeometry([field_shape]))
        layer.changeAttributeValue(conflicting, grade_index, 5)
        layer.changeAttributeValue(same_both, grade_index, 4)
        layer.deleteFeature(deleted_offline)
        new = QgsFeature(layer.fields())
        new.setAttributes([None] * layer.fields().count())
        new["project_code"], new["plot_code"] = PROJECT_A, f"{PROJECT_A}-F1"
        new["class_before"], new["class_after"], new["grade_system"] = "0404", "0103", "use_grade_15"
        new["grade_after"] = 9
        new.setGeometry(QgsGeometry.fromWkt("MULTIPOLYGON(((39488000 3553000,39488100 3553000,"
                                            "39488100 3553100,39488000 3553100,39488000 3553000)))"))
        layer.addFeature(new)
        layer.endEditCommand()
    edit(field, field_edits)
    del field
    field_store = ReviewStore(package)
    field_review = field_store.add_review(PROJECT_A, review.RETURNED, "王工", "2号地块边界内缩20米")
    field_photo = field_store.add_photo(PROJECT_A, write_photo(tmp_path / "IMG_0002.jpg"), field_review.uuid)

    # --- meanwhile at the office: edits on the home database ---------------------------------
    home = open_plots_layer(project_db)
    home_only = plot_fid(home, f"{PROJECT_B}-01")

    def office_edits(layer):
        layer.changeAttributeValue(conflicting, grade_index, 6)            # same plot, other change (was 7)
        layer.changeAttributeValue(same_both, grade_index, 4)              # same change as in the field
        layer.changeAttributeValue(home_only, class_index, "0101")
    edit(home, office_edits)
    home_conflict_version = home.getFeature(conflicting)
    home_conflict_wkt = home_conflict_version.geometry().asWkt(3)
    del home
    ReviewStore(project_db).add_review(PROJECT_B, review.PASSED, "李工", "内业通过")

    # --- bring back ------------------------------------------------------------------------------
    result = offline.merge_back(project_db, package, merged_by="王工")
    assert result.applied_edits == [f"{PROJECT_A}-01"]
    assert result.same_on_both_sides == [f"{PROJECT_A}-03"]
    assert result.applied_deletions == [f"{PROJECT_B}-02"]
    assert result.added_plots == [f"{PROJECT_A}-F1"]
    assert [c.plot_code for c in result.conflicts] == [f"{PROJECT_A}-02"]
    assert result.added_reviews == {"dg_reviews": 1, "dg_review_photos": 1, "dg_field_points": 0}

    home = open_plots_layer(project_db)
    assert home.getFeature(only_offline)["class_after"] == "0103"
    assert home.getFeature(home_only)["class_after"] == "0101"                 # the office edit stands
    assert not home.getFeature(deleted_offline).isValid()
    assert home.getFeature(conflicting)["grade_after"] == 6                   # home kept until chosen
    assert home.getFeature(conflicting).geometry().asWkt(3) == home_conflict_wkt
    added = [f for f in home.getFeatures() if f["plot_code"] == f"{PROJECT_A}-F1"]
    assert len(added) == 1 and added[0].geometry().area() == pytest.approx(10000.0)
    assert home.extent().contains(added[0].geometry().boundingBox())
    del home, added

    [conflict] = offline.conflicts(project_db, status="open")
    assert conflict.kind == "edited_both"
    assert conflict.home_attributes["grade_after"] == 6 and conflict.offline_attributes["grade_after"] == 5
    assert offline.geometry_from_blob(conflict.home_geom).asWkt(3) == home_conflict_wkt
    assert offline.geometry_from_blob(conflict.offline_geom).area() == pytest.approx(field_shape.area())
    store = ReviewStore(project_db)
    assert [r.verdict for r in store.history(PROJECT_A)] == ["returned"]
    assert store.history(PROJECT_A)[0].uuid == field_review.uuid
    assert store.photo_content(field_photo.uuid) == (tmp_path / "IMG_0002.jpg").read_bytes()
    assert [r.comment for r in store.history(PROJECT_B)] == ["内业通过"]

    # --- the same package again: nothing changes ------------------------------------------------
    before = snapshot(project_db)
    again = offline.merge_back(project_db, package, merged_by="王工")
    assert not again.changed_anything, again.summary()
    assert snapshot(project_db) == before

    # --- the user chooses the field version; both versions stay stored ----------------------------
    resolved = offline.resolve_conflict(project_db, conflict.id, "offline", "张科长")
    assert resolved.status == "resolved" and resolved.chosen == "offline" and resolved.resolved_by == "张科长"
    home = open_plots_layer(project_db)
    chosen = home.getFeature(conflicting)
    assert chosen["grade_after"] == 5
    assert chosen.geometry().area() == pytest.approx(field_shape.area())
    del home, chosen
    [kept] = offline.conflicts(project_db)
    assert kept.home_attributes["grade_after"] == 6 and kept.offline_attributes["grade_after"] == 5
    with pytest.raises(OfflineError, match="resolved already"):
        offline.resolve_conflict(project_db, conflict.id, "home", "张科长")

    before = snapshot(project_db)
    third = offline.merge_back(project_db, package)
    assert not third.changed_anything and snapshot(project_db) == before
    # the merged database is still a sound GeoPackage for OGR
    from osgeo import ogr
    dataset = ogr.Open(str(project_db))
    assert dataset.GetLayerByName("plots").GetFeatureCount() == sum(1 for _ in dataset.GetLayerByName("plots"))


def test_choosing_the_home_version_leaves_the_plot_as_it_was(project_db, demo_paths, tmp_path):
    package = tmp_path / "laptop.gpkg"
    offline.export_offline(project_db, [PROJECT_A], package, {})
    for path, value in ((package, 3), (project_db, 10)):     # both differ from the demo's 8
        layer = open_plots_layer(path)
        fid = plot_fid(layer, f"{PROJECT_A}-05")
        index = layer.fields().indexOf("grade_after")
        edit(layer, lambda lyr: lyr.changeAttributeValue(fid, index, value))
        del layer
    [conflict] = offline.merge_back(project_db, package).conflicts
    offline.resolve_conflict(project_db, conflict.id, "home", "张科长")
    layer = open_plots_layer(project_db)
    assert layer.getFeature(conflict.home_fid)["grade_after"] == 10
    del layer
    assert offline.conflicts(project_db)[0].offline_attributes["grade_after"] == 3


def test_edit_against_delete_is_a_conflict(project_db, tmp_path):
    package = tmp_path / "laptop.gpkg"
    offline.export_offline(project_db, [PROJECT_A], package, {})
    field = open_plots_layer(package)
    fid = plot_fid(field, f"{PROJECT_A}-07")
    edit(field, lambda lyr: lyr.deleteFeature(fid))
    del field
    home = open_plots_layer(project_db)
    index = home.fields().indexOf("grade_after")
    edit(home, lambda lyr: lyr.changeAttributeValue(fid, index, 2))
    del home
    [conflict] = offline.merge_back(project_db, package).conflicts
    assert conflict.kind == "deleted_offline" and conflict.offline_attributes is None
    offline.resolve_conflict(project_db, conflict.id, "offline", "张科长")
    home = open_plots_layer(project_db)
    assert not home.getFeature(fid).isValid()
    del home
    assert offline.conflicts(project_db)[0].home_attributes["grade_after"] == 2   # still kept


def test_bad_packages_and_sources_are_refused_and_leave_nothing_behind(project_db, demo_paths, tmp_path):
    package = tmp_path / "laptop.gpkg"
    with pytest.raises(OfflineError, match="constraint layer 'red_line'.*no layer 'no_such_layer'"):
        offline.export_offline(project_db, [PROJECT_A], package,
                               {"red_line": f"{demo_paths['county']}|layername=no_such_layer"})
    with pytest.raises(OfflineError, match="constraint layer 'slope'.*not found"):
        offline.export_offline(project_db, [PROJECT_A], package, {"slope": str(tmp_path / "missing.gpkg")})
    with pytest.raises(OfflineError, match="no project NOPE"):
        offline.export_offline(project_db, [PROJECT_A, "NOPE"], package, {})
    with pytest.raises(offline.OfflineCancelled):
        offline.export_offline(project_db, [PROJECT_A], package, constraint_sources(demo_paths),
                               feedback=Feedback(cancel_at=3))
    assert not package.exists() and not list(tmp_path.glob("*.part*"))
    with pytest.raises(OfflineError, match="not an offline package"):
        offline.merge_back(project_db, demo_paths["projects"])

    # a package from another database is refused and nothing is merged
    other = tmp_path / "other.gpkg"
    other.write_bytes(project_db.read_bytes())
    with sqlite3.connect(other) as connection:
        connection.execute("DELETE FROM dg_meta WHERE key = 'review_database_id'")
    offline.export_offline(other, [PROJECT_A], package, {})
    ReviewStore(package).add_review(PROJECT_A, review.PASSED, "王工")
    before = snapshot(project_db) if _has_conflict_table(project_db) else None
    with pytest.raises(OfflineError, match="taken from another project database"):
        offline.merge_back(project_db, package)
    assert ReviewStore(project_db).history(PROJECT_A) == []
    if before is not None:
        assert snapshot(project_db) == before


def _has_conflict_table(path):
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT 1 FROM sqlite_master WHERE name='dg_plot_conflicts'").fetchone() is not None


def test_a_column_added_at_home_after_the_export_does_not_break_the_merge(project_db, tmp_path):
    package = tmp_path / "laptop.gpkg"
    offline.export_offline(project_db, [PROJECT_A], package, {})
    connection = offline.connect(project_db)             # a later plugin version adds a plot column
    connection.execute("ALTER TABLE plots ADD COLUMN note TEXT")
    connection.execute("UPDATE plots SET note = 'office note' WHERE plot_code = ?", (f"{PROJECT_A}-06",))
    connection.close()
    field = open_plots_layer(package)
    fid = plot_fid(field, f"{PROJECT_A}-06")
    new_class = "0103" if field.getFeature(fid)["class_after"] == "0102" else "0102"
    index = field.fields().indexOf("class_after")
    edit(field, lambda lyr: lyr.changeAttributeValue(fid, index, new_class))
    del field
    result = offline.merge_back(project_db, package)
    assert result.applied_edits == [f"{PROJECT_A}-06"] and not result.conflicts
    with sqlite3.connect(project_db) as connection:
        assert connection.execute("SELECT class_after, note FROM plots WHERE fid = ?", (fid,)).fetchone() == (
            new_class, "office note")


def test_a_busy_database_is_reported_and_nothing_is_merged(project_db, tmp_path):
    package = tmp_path / "laptop.gpkg"
    offline.export_offline(project_db, [PROJECT_A], package, {})
    ReviewStore(package).add_review(PROJECT_A, review.PASSED, "王工")
    blocker = sqlite3.connect(project_db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")                      # another program is writing
    try:
        with pytest.raises(OfflineError, match="busy"):
            offline.merge_back(offline.GpkgHome(project_db, busy_timeout_s=0.2), package)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert ReviewStore(project_db).history(PROJECT_A) == []


def test_projects_created_in_the_field_are_added_and_differing_projects_reported(project_db, tmp_path):
    package = tmp_path / "laptop.gpkg"
    offline.export_offline(project_db, [PROJECT_A, PROJECT_B], package, {})
    connection = offline.connect(package)
    connection.execute("INSERT INTO projects (project_code, project_name, county_code, status) "
                       "VALUES ('DG2026-99', '外业新增项目', '320999', 'planned')")
    connection.execute("UPDATE projects SET status = 'under_way' WHERE project_code = ?", (PROJECT_B,))
    connection.close()
    result = offline.merge_back(project_db, package)
    assert result.added_projects == ["DG2026-99"] and result.differing_projects == [PROJECT_B]
    with sqlite3.connect(project_db) as home:
        assert home.execute("SELECT project_name FROM projects WHERE project_code = 'DG2026-99'").fetchone() == (
            "外业新增项目",)
        assert home.execute("SELECT status FROM projects WHERE project_code = ?", (PROJECT_B,)).fetchone() == (
            "accepted",)
    again = offline.merge_back(project_db, package)   # nothing new: the held status stays open in the office
    assert not again.changed_anything and again.differing_projects == []
    [held] = offline.project_conflicts(project_db, status="open")
    assert (held.project_code, held.field, held.kind, held.home_value, held.offline_value) == (
        PROJECT_B, "status", "status_held", "accepted", "under_way")


def test_project_fields_changed_in_the_field_only_are_merged_field_by_field(project_db, tmp_path):
    """Against the rows as exported: a field changed only in the field is applied; the same field
    changed differently at home is reported and home keeps its value; merging twice changes nothing."""
    package = tmp_path / "laptop.gpkg"
    offline.export_offline(project_db, [PROJECT_A, PROJECT_B], package, {})
    field = offline.connect(package)
    field.execute("UPDATE projects SET project_name = '东湖村土地整治项目（现场更名）', project_type = 'mining_reclamation' "
                  "WHERE project_code = ?", (PROJECT_A,))
    field.execute("UPDATE projects SET project_name = '外业记录的名称' WHERE project_code = ?", (PROJECT_B,))
    field.close()
    with sqlite3.connect(project_db) as home:
        home.execute("UPDATE projects SET implemented_on = '2023-09-09' WHERE project_code = ?", (PROJECT_A,))
        home.execute("UPDATE projects SET project_name = '办公室登记的名称' WHERE project_code = ?", (PROJECT_B,))
    result = offline.merge_back(project_db, package)
    assert result.updated_projects == [PROJECT_A]
    assert result.differing_projects == [PROJECT_B] and result.differing_fields[PROJECT_B] == ["project_name"]
    with sqlite3.connect(project_db) as home:
        assert home.execute("SELECT project_name, project_type, implemented_on FROM projects WHERE project_code = ?",
                            (PROJECT_A,)).fetchone() == ("东湖村土地整治项目（现场更名）", "mining_reclamation",
                                                         "2023-09-09")
        assert home.execute("SELECT project_name FROM projects WHERE project_code = ?",
                            (PROJECT_B,)).fetchone() == ("办公室登记的名称",)
    again = offline.merge_back(project_db, package)
    assert not again.changed_anything and again.updated_projects == [] and again.differing_projects == []
    [clash] = offline.project_conflicts(project_db, status="open")
    assert (clash.project_code, clash.field, clash.home_value, clash.offline_value) == (
        PROJECT_B, "project_name", "办公室登记的名称", "外业记录的名称")
