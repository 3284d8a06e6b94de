# SPDX-License-Identifier: GPL-2.0-or-later
"""Project databases on PostGIS: creation, opening, database-side constraints and roles, and the project dock."""
import psycopg2
import psycopg2.errors
import pytest
from qgis.core import QgsFieldConstraints, QgsProject

from double_guarantee_plugin.core import projects
from double_guarantee_plugin.core.project_db import SCHEMA_VERSION, ProjectDatabaseError, plots_layer_name
from double_guarantee_plugin.core.project_db_pg import (create_project_database_pg, open_project_database_pg,
                                                        project_schemas, public_target, schema_version_pg)

from pg_names import CONNECTION, SCHEMA  # noqa: E402
from dg_testutil import assert_panel_matches_processing, dispose_widget, processing_figures  # noqa: E402,F401

pytestmark = pytest.mark.postgis
PROJECT = "DG2023-01"


def sql(uri, statement, params=None):
    """Run one statement on its own connection (autocommit); returns the rows or the row count."""
    connection = psycopg2.connect(uri)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall() if cursor.description else cursor.rowcount
    finally:
        connection.close()


def test_create_and_open(pg_county):
    owner, tech = pg_county["owner"], pg_county["tech"]
    assert create_project_database_pg(owner, "second_county", "EPSG:4528") == "second_county"
    assert project_schemas(tech) == ["county", "second_county"]
    assert schema_version_pg(tech, "second_county") == SCHEMA_VERSION
    plots, projects_layer = open_project_database_pg(tech, "second_county")
    assert plots.providerType() == "postgres" and plots.crs().authid() == "EPSG:4528"
    assert plots.featureCount() == 0
    # the GeoPackage's field configuration, applied by the same function
    index = plots.fields().indexOf("class_before")
    assert plots.attributeAlias(index) == "实施前地类 *"   # a required field, marked
    assert "'0101'" in plots.constraintExpression(index)
    code = projects_layer.fields().indexOf("project_code")
    assert projects_layer.fieldConstraints(code) & QgsFieldConstraints.Constraint.ConstraintUnique
    # the database itself: GiST index, project_code index, unique code, SRID
    indexes = {row[0] for row in sql(owner, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'second_county'")}
    assert any("USING gist (geom)" in d for d in indexes) and any("(project_code)" in d for d in indexes)
    assert sql(owner, "SELECT Find_SRID('second_county', 'plots', 'geom')") == [(4528,)]
    # the seeded county opens with its three demo projects
    plots, projects_layer = open_project_database_pg(tech, SCHEMA)
    assert sorted(f["project_code"] for f in projects_layer.getFeatures()) == sorted(
        ["DG2023-01", "DG2023-02", "DG2024-07"])
    assert plots.featureCount() == pg_county["plots"] > 0


def test_create_refuses_and_leaves_nothing(pg_county):
    owner = pg_county["owner"]
    with pytest.raises(ProjectDatabaseError, match="exists already"):
        create_project_database_pg(owner, SCHEMA, "EPSG:4527")
    with pytest.raises(ProjectDatabaseError, match="not CGCS2000"):
        create_project_database_pg(owner, "xian80", "EPSG:2364")
    # a technician may not create schemas: the transaction leaves no half-made schema behind
    with pytest.raises(ProjectDatabaseError, match="nothing was created"):
        create_project_database_pg(pg_county["tech"], "tech_schema", "EPSG:4527")
    assert sql(owner, "SELECT count(*) FROM pg_namespace WHERE nspname IN ('xian80', 'tech_schema')") == [(0,)]
    assert project_schemas(owner) == [SCHEMA]


def test_newer_schema_is_refused(pg_county):
    sql(pg_county["owner"], f"UPDATE {SCHEMA}.dg_meta SET value = %s WHERE key = 'schema_version'",
        (str(SCHEMA_VERSION + 1),))
    with pytest.raises(ProjectDatabaseError, match="newer than this plugin"):
        open_project_database_pg(pg_county["tech"], SCHEMA)
    with pytest.raises(ProjectDatabaseError, match="not a project database"):
        open_project_database_pg(pg_county["tech"], "public")


@pytest.mark.parametrize("column, value, system", [
    ("class_before", "9999", None),             # not a GB/T 21010 code
    ("class_after", "01", None),
    ("grade_after", 16, None),                  # outside the national use grades 1–15
    ("grade_after", 12, "quality_level_10"),    # outside the quality levels 1–10
    ("grade_system", "grade_20", None),
])
def test_check_constraints_refuse_plain_sql(pg_county, column, value, system):
    values = {"class_before": "0404", "class_after": "0103", "grade_system": system, "grade_after": 5}
    values[column] = value
    insert = (f"INSERT INTO {SCHEMA}.plots (project_code, plot_code, class_before, class_after, grade_system, "
              f"grade_after) VALUES ('DG2023-01', 'X-1', %s, %s, %s, %s)")
    count_before = sql(pg_county["owner"], f"SELECT count(*) FROM {SCHEMA}.plots")
    with pytest.raises(psycopg2.errors.CheckViolation):
        sql(pg_county["tech"], insert, (values["class_before"], values["class_after"], values["grade_system"],
                                        values["grade_after"]))
    assert sql(pg_county["owner"], f"SELECT count(*) FROM {SCHEMA}.plots") == count_before
    # the same row with valid values is taken
    assert sql(pg_county["tech"], insert, ("0404", "0103", None, 5)) == 1


def test_status_check_and_roles(pg_county):
    tech, reviewer, owner = pg_county["tech"], pg_county["reviewer"], pg_county["owner"]
    with pytest.raises(psycopg2.errors.CheckViolation):
        sql(tech, f"UPDATE {SCHEMA}.projects SET status = 'done' WHERE project_code = %s", (PROJECT,))
    # a technician proposes projects and edits them, but cannot accept one
    assert sql(tech, f"INSERT INTO {SCHEMA}.projects (project_code, project_name) VALUES ('NEW-1', 'proposed')") == 1
    assert sql(tech, f"UPDATE {SCHEMA}.projects SET status = 'under_way' WHERE project_code = %s", (PROJECT,)) == 1
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(tech, f"UPDATE {SCHEMA}.projects SET status = 'accepted' WHERE project_code = %s", (PROJECT,))
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(tech, f"INSERT INTO {SCHEMA}.projects (project_code, implemented_on, status) VALUES ('NEW-2', "
                  f"'2024-06-01', 'accepted')")   # (an undated project follows national_2024: no 'accepted' there)
    assert sql(owner, f"SELECT status FROM {SCHEMA}.projects WHERE project_code = %s", (PROJECT,)) == [("under_way",)]
    # the reviewer accepts; afterwards the accepted project and its plots are out of the technician's reach,
    # refused loudly (a silently unchanged row would look saved in QGIS)
    assert sql(reviewer, f"UPDATE {SCHEMA}.projects SET status = 'accepted' WHERE project_code = %s", (PROJECT,)) == 1
    plots_state = f"SELECT count(*), sum(grade_after), sum(ST_Area(geom)) FROM {SCHEMA}.plots WHERE project_code = %s"
    accepted_plots = sql(owner, plots_state, (PROJECT,))
    assert accepted_plots[0][0] > 0 and accepted_plots[0][1] > 0
    for statement in (f"UPDATE {SCHEMA}.projects SET status = 'planned' WHERE project_code = %s",
                      f"UPDATE {SCHEMA}.plots SET grade_after = 1 WHERE project_code = %s",
                      f"DELETE FROM {SCHEMA}.plots WHERE project_code = %s",
                      f"INSERT INTO {SCHEMA}.plots (project_code, class_before, class_after) VALUES (%s, '0404', '0103')"):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="reviewer"):
            sql(tech, statement, (PROJECT,))
    assert sql(owner, plots_state, (PROJECT,)) == accepted_plots
    # an officer reads, and only reads (though the ledger makes dg_officer a member of dg_technician)
    officer = pg_county["cluster"].uri(pg_county["dbname"], user="officer")
    assert sql(officer, f"SELECT count(*) FROM {SCHEMA}.projects") == [(4,)]
    for statement in (f"UPDATE {SCHEMA}.plots SET grade_after = 1 WHERE project_code = 'DG2024-07'",
                      f"DELETE FROM {SCHEMA}.projects WHERE project_code = 'NEW-1'",
                      f"INSERT INTO {SCHEMA}.projects (project_code) VALUES ('NEW-3')"):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="dg_officer only reads"):
            sql(officer, statement)
    assert sql(tech, f"UPDATE {SCHEMA}.plots SET grade_after = 1 WHERE project_code = 'DG2024-07'") > 0
    # nobody outside the roles reads at all
    pg_county["cluster"].psql("CREATE ROLE outsider LOGIN")
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(pg_county["cluster"].uri(pg_county["dbname"], user="outsider"), f"SELECT * FROM {SCHEMA}.projects")


def test_dsn_state_has_no_password():
    # a made-up password (the test cluster trusts local logins): what must not reach the project's state
    dsn = "postgresql://tech:s3cret@127.0.0.1:5432/county_db"  # pragma: allowlist secret - made up, see above
    assert "password" not in public_target(dsn) and "s3cret" not in public_target(dsn)
    assert "dbname=county_db" in public_target(dsn)
    assert public_target(CONNECTION) == CONNECTION


def open_and_select(dock, idle, code=PROJECT):
    dock.open_postgis(CONNECTION, SCHEMA)
    idle(dock)
    assert dock.select_project(code)
    idle(dock)
    assert dock.last_snapshot is not None and dock.last_snapshot.project_code == code
    return dock.last_snapshot


def test_dock_draws_a_plot_on_postgis(dock, pg_county, qgis_connection, idle, iface, map_clicks, form_filler,
                                      processing_ready):
    before = open_and_select(dock, idle).project_credit
    assert dock.plots_layer.providerType() == "postgres"
    assert sorted(dock.project_codes()) == sorted(["DG2023-01", "DG2023-02", "DG2024-07"])
    assert "PostGIS" in dock.database_label.text()
    assert_panel_matches_processing(dock, PROJECT)
    extent = projects.project_extent(dock.plots_layer, PROJECT)
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(dock.plots_layer.crs())
    canvas.setExtent(extent.buffered(600))
    canvas.refresh()
    dock.start_draw()
    form_filler({"class_before": "0404", "class_after": "0103", "grade_after": 6})
    x0, y1 = extent.xMinimum() + 150.0, extent.yMinimum() - 250.0
    map_clicks.draw(canvas, [(x0, y1 - 200), (x0 + 200, y1 - 200), (x0 + 200, y1), (x0, y1)])
    idle(dock)
    after = dock.last_snapshot.project_credit
    assert after.plot_count == before.plot_count + 1
    assert after.credit_area_mu > before.credit_area_mu
    assert_panel_matches_processing(dock, PROJECT)
    dock.save()
    rows = sql(pg_county["owner"], f"SELECT class_before, class_after, grade_after, round(ST_Area(geom)) "
                                   f"FROM {SCHEMA}.plots WHERE project_code = %s AND class_before = '0404' "
                                   f"AND class_after = '0103' AND grade_after = 6", (PROJECT,))
    assert len(rows) == 1 and rows[0][3] == pytest.approx(40000, rel=0.02)
    idle(dock)
    assert_panel_matches_processing(dock, PROJECT)   # figures read back from the database


def test_dock_technician_cannot_accept(dock, pg_county, qgis_connection, idle, dialog_acceptor):
    open_and_select(dock, idle)
    from double_guarantee_plugin.gui.dialogs.deposit import DepositDialog
    dialog_acceptor(DepositDialog)                   # the technician confirms; the database then refuses
    dock._guarded(dock.set_status, "accepted")
    idle(dock)
    text, level = dock.last_message
    assert level == "warning" and "cannot be accepted" in text and "only a reviewer" in text
    assert sql(pg_county["owner"], f"SELECT status FROM {SCHEMA}.projects WHERE project_code = %s",
               (PROJECT,)) == [("planned",)]
    feature = projects.find_project(dock.projects_layer, PROJECT)
    assert feature["status"] == "planned"        # the list shows what is stored, not the refused change


def test_dock_reviewer_accepts_and_deposits_into_the_postgis_ledger(dock, pg_county, qgis_connection, idle,
                                                                   dialog_acceptor):
    qgis_connection("reviewer", "dg_test_reviewer")
    dock.open_postgis("dg_test_reviewer", SCHEMA)
    idle(dock)
    assert dock.select_project("DG2024-07")
    idle(dock)
    from double_guarantee_plugin.gui.dialogs.deposit import DepositDialog
    seen = []
    dialog_acceptor(DepositDialog, seen=seen)        # the reviewer clicks "Deposit"
    dock.set_status("accepted")
    idle(dock)
    assert sql(pg_county["owner"], f"SELECT status FROM {SCHEMA}.projects WHERE project_code = 'DG2024-07'") == [
        ("accepted",)]
    # the deposit went to the ledger of the same connection (dg_ledger is installed in that database)
    assert seen and "DG2024-07" in seen[0]
    rows = sql(pg_county["owner"], "SELECT kind, created_by, area_mu_e4 FROM dg_ledger.journal "
                                   "WHERE project_code = 'DG2024-07'")
    assert len(rows) == 1 and rows[0][:2] == ("deposit", "reviewer") and rows[0][2] > 0


def test_dock_state_restored_from_a_saved_project(dock, pg_county, qgis_connection, idle, tmp_path):
    open_and_select(dock, idle, "DG2024-07")
    dock.profile_combo.setCurrentIndex(dock.profile_combo.findData("jiangsu_2014"))
    idle(dock)
    project_file = tmp_path / "county.qgs"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().clear()
    idle(dock)
    assert dock.plots_layer is None and dock.pg_database is None
    assert QgsProject.instance().read(str(project_file))
    idle(dock)
    assert dock.pg_database == (CONNECTION, SCHEMA)
    assert dock.selected_project() == "DG2024-07" and dock.profile.id == "jiangsu_2014"
    assert dock.last_snapshot.project_code == "DG2024-07"
    assert dock.plots_layer.providerType() == "postgres"
    assert len(QgsProject.instance().mapLayersByName(plots_layer_name())) == 1   # the project's own layers reused
    state = [QgsProject.instance().readEntry("DoubleGuarantee", key, "")[0]
             for key in ("pg_connection", "pg_schema", "database_path")]
    assert state == [CONNECTION, SCHEMA, ""]
    assert "s3cret-pw" not in "".join(state)


def test_technician_edit_of_an_accepted_project_is_refused_and_kept(dock, pg_county, qgis_connection, idle):
    sql(pg_county["reviewer"], f"UPDATE {SCHEMA}.projects SET status = 'accepted' WHERE project_code = %s", (PROJECT,))
    open_and_select(dock, idle)
    target = projects.plot_features(dock.plots_layer, PROJECT)[0]
    index = dock.plots_layer.fields().indexOf("grade_after")
    # the plugin's own lock undoes such an edit at once (tests/gui/test_acceptance.py); the database's
    # triggers are the guard for a client without the plugin, which is what this edit stands for
    with dock.lock_guard.paused(), projects.edit_command(dock.plots_layer, "grade"):
        dock.plots_layer.changeAttributeValue(target.id(), index, 1)
    dock._guarded(dock.save)
    text, level = dock.last_message
    assert level == "warning" and "not saved" in text and "only a reviewer" in text
    # the refused edit is still in the edit buffer (nothing the user did is lost), the database unchanged
    assert dock.plots_layer.isModified() and dock.plots_layer.getFeature(target.id())["grade_after"] == 1
    stored = sql(pg_county["owner"], f"SELECT grade_after FROM {SCHEMA}.plots WHERE fid = %s", (target.id(),))
    assert stored == [(target["grade_after"],)] and stored[0][0] != 1
    dock.discard()


def test_dialog_lists_schemas_and_creates_one(dock, pg_county, qgis_connection, idle, iface):
    from double_guarantee_plugin.gui.dialogs.project_db import PostgisDatabaseDialog, open_postgis
    owner_connection = qgis_connection("dg_admin", "dg_test_owner")
    dialog = PostgisDatabaseDialog(None)
    try:
        dialog.connection_combo.setCurrentText(CONNECTION)
        assert [dialog.schema_combo.itemText(i) for i in range(dialog.schema_combo.count())] == [SCHEMA]
        assert not dialog.create()
    finally:
        dispose_widget(dialog)
    # a new schema made from the dialog's action opens in the dock, empty, in the chosen zone
    from qgis.core import QgsCoordinateReferenceSystem
    open_postgis(iface, owner_connection, "county_b", QgsCoordinateReferenceSystem("EPSG:4526"))
    idle(dock)
    assert dock.pg_database == (owner_connection, "county_b")
    assert dock.plots_layer.crs().authid() == "EPSG:4526" and dock.project_codes() == []
    assert project_schemas(pg_county["tech"]) == [SCHEMA, "county_b"]
    # an unreachable server is said in the dialog, not raised
    qgis_connection("tech", "dg_test_nowhere")
    from qgis.core import QgsSettings
    QgsSettings().setValue("PostgreSQL/connections/dg_test_nowhere/port", "1")
    dialog = PostgisDatabaseDialog(None)
    try:
        dialog.connection_combo.setCurrentText("dg_test_nowhere")
        assert "cannot connect" in dialog.status_label.text() and dialog.schema_combo.count() == 0
    finally:
        dispose_widget(dialog)


def test_accepting_without_a_postgis_ledger_says_so(dock, pg_county, qgis_connection, idle):
    sql(pg_county["owner"], "DROP SCHEMA dg_ledger CASCADE")
    qgis_connection("reviewer", "dg_test_reviewer")
    dock.open_postgis("dg_test_reviewer", SCHEMA)
    idle(dock)
    assert dock.select_project("DG2024-07")
    idle(dock)
    dock._guarded(dock.set_status, "accepted")   # refused before anything changes (no dialog opens)
    idle(dock)
    text, level = dock.last_message
    assert level == "warning" and "no reserve ledger" in text and "dg_test_reviewer" in text
    # accepting is status and deposit together: without a ledger neither happens
    assert sql(pg_county["owner"], f"SELECT status FROM {SCHEMA}.projects WHERE project_code = 'DG2024-07'") == [
        ("planned",)]
