# SPDX-License-Identifier: GPL-2.0-or-later
"""A scripted field-review session read back from the project database (core.review)."""
import hashlib
import sqlite3

import pytest

from double_guarantee_plugin.core import review
from double_guarantee_plugin.core.review import ReviewError, ReviewStore

from .conftest import (PROJECT_A, PROJECT_B, PROJECT_C, cell_centre, open_plots_layer, to_lonlat, write_gpx,
                       write_photo)


def test_scripted_review_session_is_read_back_with_history(project_db, tmp_path):
    store = ReviewStore(project_db)
    first = store.add_review(PROJECT_A, review.TO_VERIFY, "王工", "田坎位置待现场核实",
                             reviewed_at="2026-05-01T09:00:00+08:00")
    second = store.add_review(PROJECT_A, review.RETURNED, "王工", "3号地块实际为林地",
                              reviewed_at="2026-05-01T10:30:00+08:00")
    third = store.add_review(PROJECT_B, review.PASSED, "李工", "", reviewed_at="2026-05-01T11:00:00+08:00")
    photo_path = write_photo(tmp_path / "IMG_0001.jpg")
    photo = store.add_photo(PROJECT_A, photo_path, review_uuid=second.uuid, added_by="王工")
    x, y = cell_centre(11, 11)
    lon, lat = to_lonlat(x, y)
    gpx = write_gpx(tmp_path / "track.gpx", [("WP001", lon, lat, "2026-05-01T02:15:00Z")])
    report = store.import_field_points(PROJECT_A, gpx, open_plots_layer(project_db), review_uuid=second.uuid)
    assert report.points[0].inside and report.points[0].plot_code == f"{PROJECT_A}-06"
    del store

    # a fresh store on the same file sees everything, in order, with times in UTC
    again = ReviewStore(project_db)
    history = again.history(PROJECT_A)
    assert [(r.verdict, r.comment, r.reviewer) for r in history] == [
        ("to_verify", "田坎位置待现场核实", "王工"), ("returned", "3号地块实际为林地", "王工")]
    assert history[0].reviewed_at == "2026-05-01T01:00:00+00:00"
    assert again.current(PROJECT_A).uuid == second.uuid
    assert again.current(PROJECT_B).verdict == "passed"
    assert again.current(PROJECT_C) is None
    assert {code: r.verdict for code, r in again.current_verdicts().items()} == {
        PROJECT_A: "returned", PROJECT_B: "passed"}
    assert review.verdict_counts(again) == {"passed": 1, "returned": 1, "to_verify": 0}

    photos = again.photos(PROJECT_A)
    assert [p.file_name for p in photos] == ["IMG_0001.jpg"] and photos[0].uuid == photo.uuid
    assert photos[0].review_uuid == second.uuid
    original = photo_path.read_bytes()
    assert again.photo_content(photo.uuid) == original
    assert photos[0].sha256 == hashlib.sha256(original).hexdigest()
    assert (photos[0].width_px, photos[0].height_px) == (640, 480)
    from qgis.PyQt.QtGui import QImage
    thumbnail = QImage.fromData(photos[0].thumbnail, "PNG")
    assert (thumbnail.width(), thumbnail.height()) == (160, 120)

    points = again.field_points(PROJECT_A)
    assert len(points) == 1 and points[0].name == "WP001" and points[0].inside
    assert points[0].recorded_at == "2026-05-01T02:15:00+00:00"
    assert points[0].x == pytest.approx(x, abs=0.01) and points[0].y == pytest.approx(y, abs=0.01)

    # the raw table: three rows, none overwritten, every row its own uuid
    with sqlite3.connect(project_db) as connection:
        rows = connection.execute("SELECT uuid, verdict FROM dg_reviews ORDER BY id").fetchall()
        version = connection.execute("SELECT value FROM dg_meta WHERE key='review_schema_version'").fetchone()
        listed = {r[0] for r in connection.execute("SELECT table_name FROM gpkg_contents")}
    assert rows == [(first.uuid, "to_verify"), (second.uuid, "returned"), (third.uuid, "passed")]
    assert version == ("1",)
    assert {"dg_reviews", "dg_review_photos", "dg_field_points"} <= listed


def test_the_database_still_opens_in_qgis_and_shows_the_review_table(project_db):
    from qgis.core import QgsVectorLayer
    from double_guarantee_plugin.core import project_db as project_db_module
    store = ReviewStore(project_db)
    store.add_review(PROJECT_A, review.PASSED, "王工")
    plots, projects = project_db_module.open_project_database(str(project_db))
    assert plots.featureCount() > 0 and projects.featureCount() == 15
    reviews = QgsVectorLayer(f"{project_db}|layername=dg_reviews", "reviews", "ogr")
    assert reviews.isValid() and reviews.featureCount() == 1
    assert next(reviews.getFeatures())["verdict"] == "passed"


def test_gpx_points_are_reported_inside_or_outside(project_db, tmp_path):
    store = ReviewStore(project_db)
    inside_own = to_lonlat(*cell_centre(12, 10))            # plot DG2023-01-03
    inside_other = to_lonlat(*cell_centre(31, 13))          # a plot of DG2023-02
    x_east_edge = cell_centre(13, 11)[0] + 150              # east edge of DG2023-01
    outside = to_lonlat(x_east_edge + 500, cell_centre(13, 11)[1])
    gpx = write_gpx(tmp_path / "points.gpx", [("P1", *inside_own, "2026-05-02T01:00:00Z"),
                                              ("P2", *inside_other, "2026-05-02T01:05:00Z"),
                                              ("P3", *outside, "2026-05-02T01:10:00Z")])
    report = store.import_field_points(PROJECT_A, gpx, open_plots_layer(project_db))
    by_name = {p.name: p for p in report.points}
    assert by_name["P1"].inside and by_name["P1"].plot_code == f"{PROJECT_A}-03"
    assert by_name["P1"].plot_project_code == PROJECT_A
    assert by_name["P2"].inside and by_name["P2"].plot_project_code == PROJECT_B
    assert not by_name["P3"].inside and by_name["P3"].plot_code is None
    assert by_name["P3"].distance_m == pytest.approx(500.0, abs=0.5)
    assert [p.name for p in report.inside] == ["P1", "P2"] and [p.name for p in report.outside] == ["P3"]
    lines = report.lines()
    assert lines[0] == f"P1: inside plot {PROJECT_A}-03"
    assert lines[1].endswith(f"of project {PROJECT_B}")
    assert lines[2].startswith("P3: outside, 500.0 m")


def test_csv_points_lonlat_and_swapped_xy(project_db, tmp_path):
    store = ReviewStore(project_db)
    x, y = cell_centre(10, 12)                               # plot DG2023-01-09
    lon, lat = to_lonlat(x, y)
    lonlat = tmp_path / "gps.csv"
    lonlat.write_text(f"点号,经度,纬度,时间\nA1,{lon:.9f},{lat:.9f},2026/05/02 09:00:00\n", encoding="gbk")
    report = store.import_field_points(PROJECT_A, lonlat, open_plots_layer(project_db))
    assert report.points[0].name == "A1" and report.points[0].plot_code == f"{PROJECT_A}-09"
    # Chinese surveyors' X is the northing: the columns are swapped back
    swapped = tmp_path / "total_station.csv"
    swapped.write_text(f"name;x;y\nT1;{y:.3f};{x:.3f}\n", encoding="utf-8")
    report = store.import_field_points(PROJECT_A, swapped, open_plots_layer(project_db))
    assert report.points[0].plot_code == f"{PROJECT_A}-09"
    assert report.points[0].x == pytest.approx(x) and report.points[0].lon is None
    assert len(store.field_points(PROJECT_A)) == 2


def test_bad_csv_names_the_lines_and_stores_nothing(project_db, tmp_path):
    store = ReviewStore(project_db)
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lon,lat\nok,118.6,32.1\nbroken,abc,32.1\nfar,300,32.1\n", encoding="utf-8")
    with pytest.raises(ReviewError) as caught:
        store.import_field_points(PROJECT_A, bad, open_plots_layer(project_db))
    message = str(caught.value)
    del caught   # its traceback holds the plots layer, which must not outlive QGIS
    assert "bad.csv: line 3" in message and "'abc'" in message and "line 4" in message
    assert store.field_points(PROJECT_A) == []
    no_columns = tmp_path / "nocols.csv"
    no_columns.write_text("a,b\n1,2\n", encoding="utf-8")
    plots = open_plots_layer(project_db)
    with pytest.raises(ReviewError, match="line 1 must name the coordinate columns"):
        store.import_field_points(PROJECT_A, no_columns, plots)
    del plots


def test_bad_review_input_is_refused_with_a_clear_message(project_db, tmp_path):
    store = ReviewStore(project_db)
    with pytest.raises(ReviewError, match="reviewer"):
        store.add_review(PROJECT_A, review.PASSED, "  ")
    with pytest.raises(ReviewError, match="'approved' is not one of"):
        store.add_review(PROJECT_A, "approved", "王工")
    with pytest.raises(ReviewError, match="no project 'NOPE'"):
        store.add_review("NOPE", review.PASSED, "王工")
    not_image = tmp_path / "notes.jpg"
    not_image.write_text("not a picture")
    with pytest.raises(ReviewError, match="notes.jpg: not an image"):
        store.add_photo(PROJECT_A, not_image)
    assert store.history(PROJECT_A) == [] and store.photos(PROJECT_A) == []


def test_same_photo_twice_is_stored_once(project_db, tmp_path):
    store = ReviewStore(project_db)
    path = write_photo(tmp_path / "a.jpg")
    first = store.add_photo(PROJECT_A, path)
    second = store.add_photo(PROJECT_A, path)
    assert first.uuid == second.uuid and len(store.photos(PROJECT_A)) == 1


def test_newer_review_schema_is_refused(project_db):
    ReviewStore(project_db)
    with sqlite3.connect(project_db) as connection:
        connection.execute("UPDATE dg_meta SET value='99' WHERE key='review_schema_version'")
    with pytest.raises(ReviewError, match="schema version 99"):
        ReviewStore(project_db)
