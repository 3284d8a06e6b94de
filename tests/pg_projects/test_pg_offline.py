# SPDX-License-Identifier: GPL-2.0-or-later
"""Take offline / bring back with a PostGIS office database: the package stays a GeoPackage on the laptop,
the office is the project schema ``county`` edited by the logins tech (dg_technician) and reviewer."""
import sqlite3

import pytest

from double_guarantee_plugin.core import offline, review
from double_guarantee_plugin.core.offline import OfflineError, PgHomeSpec
from double_guarantee_plugin.core.review import ReviewStore
from double_guarantee_plugin.core.review_pg import PgReviewStore
from dg_offline_util import damage, ogr_add_plot, ogr_delete, ogr_set, pg, pg_fingerprint, rows, sql
from pg_names import SCHEMA

PROJECT_A, PROJECT_B, PROJECT_C = "DG2023-01", "DG2023-02", "DG2024-07"


def plot_fids(uri, code):
    return {plot_code: fid for fid, plot_code in pg(
        uri, f"SELECT fid, plot_code FROM {SCHEMA}.plots WHERE project_code = %s", (code,))}


def pg_plot(uri, fid):
    found = pg(uri, f"SELECT plot_code, grade_after, class_after, ST_AsText(geom) FROM {SCHEMA}.plots "
                    f"WHERE fid = %s", (fid,))
    return found[0] if found else None


def pg_project(uri, code):
    found = pg(uri, f"SELECT project_name, status, project_type FROM {SCHEMA}.projects WHERE project_code = %s",
               (code,))
    return found[0] if found else None


@pytest.fixture
def office(pg_county):
    return PgHomeSpec(pg_county["tech"], SCHEMA)


def test_take_offline_from_postgis_and_bring_back_with_the_same_guarantees(pg_county, office, tmp_path):
    tech, reviewer = pg_county["tech"], pg_county["reviewer"]
    store = PgReviewStore(tech, SCHEMA)
    store.add_review(PROJECT_A, review.TO_VERIFY, "王工", "出发前")
    store.close()
    package = tmp_path / "laptop.gpkg"
    exported = offline.export_offline(office, [PROJECT_A, PROJECT_B], package, {}, exported_by="王工")
    fids = plot_fids(tech, PROJECT_A)
    assert exported.plot_count == len(fids) + len(plot_fids(tech, PROJECT_B))
    info = offline.package_info(package)
    assert info["origin_backend"] == "postgis" and "password" not in info["origin_path"]
    assert sorted(rows(package, "projects", "project_code")) == [PROJECT_A, PROJECT_B]
    assert set(rows(package, "plots", "fid")) >= set(fids.values())          # the office's fids travel along
    assert [r.comment for r in ReviewStore(package).history(PROJECT_A)] == ["出发前"]
    # the package's geometry is the office's, bit for bit
    with sqlite3.connect(package) as connection:
        blob = connection.execute("SELECT geom FROM plots WHERE fid = ?", (fids[f"{PROJECT_A}-01"],)).fetchone()[0]
    assert offline.geometry_wkb(blob).hex() == pg(
        tech, f"SELECT encode(ST_AsBinary(geom, 'NDR'), 'hex') FROM {SCHEMA}.plots WHERE fid = %s",
        (fids[f"{PROJECT_A}-01"],))[0][0]

    # in the field: OGR and sqlite3 edits of the package
    only_field, clash, deleted_field = fids[f"{PROJECT_A}-01"], fids[f"{PROJECT_A}-02"], fids[f"{PROJECT_A}-03"]
    ogr_set(package, only_field, class_after="0103")
    ogr_set(package, clash, grade_after=4)
    ogr_delete(package, deleted_field)
    ogr_add_plot(package, PROJECT_A, f"{PROJECT_A}-F1")
    sql(package, "UPDATE projects SET project_name = '外业更名', status = 'accepted' WHERE project_code = ?",
        (PROJECT_A,))
    ReviewStore(package).add_review(PROJECT_A, review.PASSED, "王工", "现场通过")
    # at the office: psycopg2 as the technician
    pg(tech, f"UPDATE {SCHEMA}.plots SET grade_after = 6 WHERE fid = %s", (clash,))
    pg(tech, f"UPDATE {SCHEMA}.projects SET project_type = 'mining_reclamation' WHERE project_code = %s", (PROJECT_A,))

    result = offline.merge_back(office, package, merged_by="王工")
    assert result.applied_edits == [f"{PROJECT_A}-01"] and result.applied_deletions == [f"{PROJECT_A}-03"]
    assert result.added_plots == [f"{PROJECT_A}-F1"] and [c.plot_code for c in result.conflicts] == [f"{PROJECT_A}-02"]
    assert result.updated_projects == [PROJECT_A] and result.added_reviews[review.REVIEWS_TABLE] == 1
    assert pg_plot(tech, only_field)[2] == "0103" and pg_plot(tech, deleted_field) is None
    assert pg_plot(tech, clash)[1] == 6                                        # the office keeps its version
    assert pg_project(tech, PROJECT_A) == ("外业更名", "planned", "mining_reclamation")   # status held
    [held] = offline.project_conflicts(office, status="open")
    assert (held.field, held.kind, held.home_value, held.offline_value) == ("status", "status_held", "planned",
                                                                            "accepted")
    [conflict] = offline.conflicts(office, status="open")
    assert conflict.home_attributes["grade_after"] == 6 and conflict.offline_attributes["grade_after"] == 4

    # the same package again, before and after an office edit: nothing changes
    before = pg_fingerprint(pg_county["owner"], SCHEMA)
    assert not offline.merge_back(office, package).changed_anything
    assert pg_fingerprint(pg_county["owner"], SCHEMA) == before
    pg(tech, f"UPDATE {SCHEMA}.projects SET project_name = '办公室改回' WHERE project_code = %s", (PROJECT_A,))
    added = pg(tech, f"SELECT fid FROM {SCHEMA}.plots WHERE plot_code = %s", (f"{PROJECT_A}-F1",))[0][0]
    pg(tech, f"DELETE FROM {SCHEMA}.plots WHERE fid = %s", (added,))            # the office deletes the new plot
    before = pg_fingerprint(pg_county["owner"], SCHEMA)
    assert not offline.merge_back(office, package).changed_anything
    assert pg_fingerprint(pg_county["owner"], SCHEMA) == before

    # the laptop keeps working: exactly the new change comes in
    ogr_set(package, only_field, grade_after=3)
    again = offline.merge_back(office, package)
    assert again.applied_edits == [f"{PROJECT_A}-01"] and not again.conflicts and not again.added_plots
    assert pg_plot(tech, only_field)[1:3] == (3, "0103")
    assert pg_project(tech, PROJECT_A)[0] == "办公室改回"

    # the conflicts are decided in the office; accepting is the reviewer's
    offline.resolve_conflict(office, conflict.id, "offline", "张科长")
    assert pg_plot(tech, clash)[1] == 4
    with pytest.raises(OfflineError, match="dg_reviewer"):
        offline.resolve_project_conflict(office, held.id, "offline", "王工")
    assert pg_project(tech, PROJECT_A)[1] == "planned"
    offline.resolve_project_conflict(PgHomeSpec(reviewer, SCHEMA), held.id, "offline", "张科长")
    assert pg_project(tech, PROJECT_A)[1] == "accepted"


def test_foreign_and_damaged_packages_are_refused_and_postgis_stays_unchanged(pg_county, office, tmp_path):
    tech = pg_county["tech"]
    package = tmp_path / "laptop.gpkg"
    offline.export_offline(office, [PROJECT_B], package, {})
    fid = next(iter(plot_fids(tech, PROJECT_B).values()))
    ogr_set(package, fid, grade_after=2)
    # a second schema made from the same data: another database, although its identity was copied along
    pg(pg_county["owner"], "CREATE SCHEMA twin")
    for table in ("projects", "plots", "dg_meta", "dg_offline_exports"):
        pg(pg_county["owner"], f"CREATE TABLE twin.{table} (LIKE {SCHEMA}.{table} INCLUDING ALL)")
        pg(pg_county["owner"], f"INSERT INTO twin.{table} SELECT * FROM {SCHEMA}.{table}")
    pg(pg_county["owner"], "DELETE FROM twin.dg_offline_exports")
    twin_before = pg_fingerprint(pg_county["owner"], "twin")
    with pytest.raises(OfflineError, match="no record of exporting this package"):
        offline.merge_back(PgHomeSpec(pg_county["owner"], "twin"), package)
    assert pg_fingerprint(pg_county["owner"], "twin") == twin_before

    before = pg_fingerprint(pg_county["owner"], SCHEMA)
    damage(package, "UPDATE plots SET geom = substr(geom, 1, 30) WHERE fid = ?", (fid,))
    with pytest.raises(OfflineError, match=r"(?s)laptop\.gpkg.*plots"):
        offline.merge_back(office, package)
    assert pg_fingerprint(pg_county["owner"], SCHEMA) == before


def test_an_officer_may_not_take_a_package(pg_county, tmp_path):
    officer = pg_county["cluster"].uri(pg_county["dbname"], user="officer")
    with pytest.raises(OfflineError, match="dg_officer"):
        offline.export_offline(PgHomeSpec(officer, SCHEMA), [PROJECT_C], tmp_path / "x.gpkg", {})
    assert not (tmp_path / "x.gpkg").exists()


def test_take_offline_and_bring_back_by_processing_on_postgis(processing_ready, pg_county, tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingException
    tech = pg_county["tech"]
    package = tmp_path / "field.gpkg"
    result = processing.run("doubleguarantee:takeoffline", {
        "PG_CONNECTION": tech, "PG_SCHEMA": SCHEMA, "PROJECTS": PROJECT_C, "OUTPUT": str(package)})
    assert result["PLOT_COUNT"] == len(plot_fids(tech, PROJECT_C))
    fid = plot_fids(tech, PROJECT_C)[f"{PROJECT_C}-02"]
    ogr_set(package, fid, grade_after=9)
    sql(package, "UPDATE projects SET project_name = '处理工具更名' WHERE project_code = ?", (PROJECT_C,))
    merged = processing.run("doubleguarantee:bringback", {"PG_CONNECTION": tech, "PG_SCHEMA": SCHEMA,
                                                          "PACKAGE": str(package)})
    assert merged["EDITS"] == 1 and merged["UPDATED_PROJECTS"] == 1 and merged["PROJECT_CONFLICTS"] == 0
    assert pg_plot(tech, fid)[1] == 9 and pg_project(tech, PROJECT_C)[0] == "处理工具更名"
    with pytest.raises(QgsProcessingException, match="not both"):
        processing.run("doubleguarantee:bringback", {"DATABASE": str(package), "PG_CONNECTION": tech,
                                                     "PG_SCHEMA": SCHEMA, "PACKAGE": str(package)})


def _dispose(widget):
    """Delete a dock or dialog now: out of the main window, then the deferred delete a test without an event
    loop never runs (left to the garbage collector it would die after QGIS, at the end of the session)."""
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    widget.setParent(None)
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _wait(task, timeout_s=60):
    import time
    from qgis.core import QgsApplication, QgsTask
    deadline = time.monotonic() + timeout_s
    while task.status() not in (QgsTask.TaskStatus.Complete, QgsTask.TaskStatus.Terminated):
        QgsApplication.processEvents()
        assert time.monotonic() < deadline, "task did not finish"
        time.sleep(0.01)
    for _ in range(20):   # let finished() run on the main thread
        QgsApplication.processEvents()


def test_review_dock_takes_offline_brings_back_and_decides_on_postgis(iface, pg_county, tmp_path):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    from double_guarantee_plugin.gui.dialogs.offline import BringBackDialog, TakeOfflineDialog
    from double_guarantee_plugin.gui.docks.review_dock import ReviewDock
    reviewer = pg_county["reviewer"]
    dock = ReviewDock(iface)
    try:
        dock.open_pg_database(reviewer, SCHEMA)
        assert dock.offline_button.isEnabled() and dock.tabs.tabText(dock.conflicts_tab) == "Conflicts"
        home = dock.home()
        package = tmp_path / "field.gpkg"
        take = TakeOfflineDialog(iface, home, selected=[PROJECT_C])
        assert take.chosen_projects() == [PROJECT_C]
        take.path_edit.setText(str(package))
        _wait(take.start())
        assert take.error is None, take.error
        sql(package, "UPDATE projects SET status = 'filed', project_name = '归档前更名' WHERE project_code = ?",
            (PROJECT_C,))
        back = BringBackDialog(iface, home, str(package))
        back.resolver_edit.setText("张科长")
        _wait(back.start())
        assert back.error is None, back.error
        assert "status" in back.status.text() and back.table.rowCount() == 1
        back.done(0)
        _dispose(back)
        _dispose(take)
        assert pg_project(reviewer, PROJECT_C)[:2] == ("归档前更名", "planned")
        dock.refresh_conflicts()
        assert dock.tabs.tabText(dock.conflicts_tab) == "Conflicts (1)"
        dock.conflict_panel.resolver_edit.setText("张科长")
        dock.conflict_panel.table.selectRow(0)
        QTest.mouseClick(dock.conflict_panel.take_field_button, Qt.MouseButton.LeftButton)
        assert dock.conflict_panel.last_message == ""
        assert pg_project(reviewer, PROJECT_C)[1] == "filed"
        assert dock.tabs.tabText(dock.conflicts_tab) == "Conflicts"
    finally:
        dock.cleanup()
        _dispose(dock)
