# SPDX-License-Identifier: GPL-2.0-or-later
"""Field review on a PostGIS project database (core.review_pg.PgReviewStore): the scripted session of
tests/review on PostgreSQL, the history kept by the database's grants, and the review dock following
the project dock onto PostGIS."""
import hashlib
import importlib.util
from pathlib import Path

import pytest

from double_guarantee_plugin.core import review
from double_guarantee_plugin.core.project_db_pg import open_project_database_pg
from double_guarantee_plugin.core.review import ReviewError
from double_guarantee_plugin.core.review_pg import PgReviewStore
from dg_testutil import dispose_widget
from pg_names import SCHEMA

_spec = importlib.util.spec_from_file_location("dg_review_test_helpers",
                                               Path(__file__).resolve().parents[1] / "review" / "conftest.py")
HELP = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(HELP)
PROJECT_A, PROJECT_B = "DG2023-01", "DG2023-02"


def _run(uri, statement, params=()):
    import psycopg2
    connection = psycopg2.connect(uri)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall() if cursor.description else None
    finally:
        connection.close()


def test_scripted_review_session_on_postgis(pg_county, tmp_path):
    store = PgReviewStore(pg_county["reviewer"], SCHEMA)
    first = store.add_review(PROJECT_A, review.TO_VERIFY, "王工", "田坎位置待现场核实",
                             reviewed_at="2026-05-01T09:00:00+08:00")
    second = store.add_review(PROJECT_A, review.RETURNED, "王工", "3号地块实际为林地",
                              reviewed_at="2026-05-01T10:30:00+08:00")
    store.add_review(PROJECT_B, review.PASSED, "李工", "", reviewed_at="2026-05-01T11:00:00+08:00")
    photo_path = HELP.write_photo(tmp_path / "IMG_0001.jpg")
    photo = store.add_photo(PROJECT_A, photo_path, review_uuid=second.uuid, added_by="王工")
    assert store.add_photo(PROJECT_A, photo_path).uuid == photo.uuid           # the same photo once
    x, y = HELP.cell_centre(11, 11)
    gpx = HELP.write_gpx(tmp_path / "track.gpx", [("WP001", *HELP.to_lonlat(x, y), "2026-05-01T02:15:00Z"),
                                                  ("WP002", *HELP.to_lonlat(x + 5000, y), "2026-05-01T02:20:00Z")])
    plots, _projects = open_project_database_pg(pg_county["reviewer"], SCHEMA)
    report = store.import_field_points(PROJECT_A, gpx, plots, review_uuid=second.uuid)
    assert [p.inside for p in report.points] == [True, False]
    assert report.points[0].plot_code == f"{PROJECT_A}-06" and report.points[1].distance_m > 1000
    store.close()

    again = PgReviewStore(pg_county["tech"], SCHEMA)           # another login reads it all back
    try:
        assert [(r.verdict, r.reviewer) for r in again.history(PROJECT_A)] == [("to_verify", "王工"),
                                                                              ("returned", "王工")]
        assert again.history(PROJECT_A)[0].reviewed_at == "2026-05-01T01:00:00+00:00"
        assert again.current(PROJECT_A).uuid == second.uuid != first.uuid
        assert review.verdict_counts(again) == {"passed": 1, "returned": 1, "to_verify": 0}
        photos = again.photos(PROJECT_A)
        assert len(photos) == 1 and photos[0].review_uuid == second.uuid and (photos[0].width_px,
                                                                              photos[0].height_px) == (640, 480)
        assert again.photo_content(photo.uuid) == photo_path.read_bytes()
        assert photos[0].sha256 == hashlib.sha256(photo_path.read_bytes()).hexdigest()
        points = again.field_points(PROJECT_A)
        assert [p.name for p in points] == ["WP001", "WP002"] and points[0].recorded_at == "2026-05-01T02:15:00+00:00"
        assert again.database_id and again.projects()[0][0] == "DG2023-01"
    finally:
        again.close()


def test_the_database_keeps_the_history(pg_county):
    """Technicians and reviewers add rows, officers read; nobody may change or delete one, whichever client."""
    import psycopg2
    store = PgReviewStore(pg_county["tech"], SCHEMA)
    store.add_review(PROJECT_A, review.TO_VERIFY, "张工", "")
    store.close()
    for login in ("tech", "reviewer", "officer"):
        for statement in (f"UPDATE {SCHEMA}.dg_reviews SET verdict = 'passed'", f"DELETE FROM {SCHEMA}.dg_reviews"):
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                _run(pg_county[login] if login in pg_county else pg_county["cluster"].uri(pg_county["dbname"],
                                                                                        user=login), statement)
    officer = PgReviewStore(pg_county["cluster"].uri(pg_county["dbname"], user="officer"), SCHEMA)
    try:
        assert officer.current(PROJECT_A).verdict == "to_verify"     # officers read
        with pytest.raises(ReviewError, match="only reads the project database"):
            officer.add_review(PROJECT_A, review.PASSED, "赵科长")
    finally:
        officer.close()
    assert _run(pg_county["owner"], f"SELECT count(*) FROM {SCHEMA}.dg_reviews") == [(1,)]


def test_an_older_schema_gets_its_review_tables_from_the_owner(pg_county):
    for table in ("dg_field_points", "dg_review_photos", "dg_reviews"):
        _run(pg_county["owner"], f"DROP TABLE {SCHEMA}.{table}")
    with pytest.raises(ReviewError, match="ask the database owner"):
        PgReviewStore(pg_county["tech"], SCHEMA)
    PgReviewStore(pg_county["owner"], SCHEMA).close()                # the owner opens it once
    store = PgReviewStore(pg_county["tech"], SCHEMA)
    try:
        assert store.add_review(PROJECT_A, review.PASSED, "张工").id == 1
    finally:
        store.close()


def test_review_dock_follows_the_project_dock_onto_postgis(dock, pg_county, qgis_connection, idle, iface):
    from double_guarantee_plugin.gui.docks.review_dock import ReviewDock
    qgis_connection("reviewer", "dg_test_reviewer")
    dock.open_postgis("dg_test_reviewer", SCHEMA)
    idle(dock)
    dock.write_state()
    reviews = ReviewDock(iface)
    try:
        reviews._project_read()
        assert isinstance(reviews.store, PgReviewStore) and "password" not in reviews.store.path
        assert reviews.project_codes() == ["DG2023-01", "DG2023-02", "DG2024-07"]
        assert reviews.plots_layer.providerType() == "postgres" and reviews.plots_layer.featureCount() > 0
        assert reviews.offline_button.isEnabled() and reviews.bring_back_button.isEnabled()   # PostGIS too
        reviews.project_list.setCurrentRow(0)
        reviews.verdict_buttons[review.PASSED].setChecked(True)
        reviews.reviewer_edit.setText("王工")
        assert reviews.save_verdict() is not None, reviews.last_message
        assert reviews.store.current("DG2023-01").verdict == "passed"
        assert _run(pg_county["owner"], f"SELECT reviewer FROM {SCHEMA}.dg_reviews") == [("王工",)]
    finally:
        reviews.close_database()
        reviews.cleanup()
        dispose_widget(reviews)
