# SPDX-License-Identifier: GPL-2.0-or-later
"""The acceptance workflow on PostGIS: every step is allowed to the role the profile names and the
database enforces it (a trigger checks the role of session_user against the profile data the installer
wrote), and a project schema written by the release before the 2024 reform is upgraded in one
transaction by its owner only.  Login users tech / reviewer / officer hold one role each."""
import datetime
from pathlib import Path

import psycopg2
import psycopg2.errors
import pytest

from double_guarantee_plugin.core.project_db import ProjectDatabaseError
from double_guarantee_plugin.core.project_db_pg import (migrate_project_database_pg, migrate_workflow_pg,
                                                        open_project_database_pg, schema_version_pg)
from double_guarantee_plugin.core.workflow import (PostgresWorkflowStore, StepRequest, WorkflowError,
                                                   WorkflowPermissionError)

from pg_names import SCHEMA  # noqa: E402

pytestmark = pytest.mark.postgis
TEST_DATA = Path(__file__).resolve().parents[1] / "data"
BOTH = {"natural_resources": "示范县自然资源局", "agriculture_rural": "示范县农业农村局"}
TODAY = datetime.date.today()


def sql(uri, statement, params=None):
    connection = psycopg2.connect(uri)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall() if cursor.description else cursor.rowcount
    finally:
        connection.close()


@pytest.fixture
def county_2025(pg_county):
    """The seeded county plus XM2025, a project implemented in 2025 (national_2024), with one plot."""
    sql(pg_county["owner"], f"INSERT INTO {SCHEMA}.projects (project_code, project_name, county_code, implemented_on) "
                            f"VALUES ('XM2025', '二〇二五年整治项目', '320999', '2025-02-10')")
    sql(pg_county["owner"], f"INSERT INTO {SCHEMA}.plots (project_code, plot_code, class_before, class_after, "
                            f"grade_after, geom) VALUES ('XM2025', 'XM2025-001', '0404', '0103', 4, ST_Multi("
                            f"ST_GeomFromText('POLYGON((39490000 3560000, 39490100 3560000, 39490100 3560100, "
                            f"39490000 3560100, 39490000 3560000))', 4527)))")
    users = {name: pg_county["cluster"].uri(pg_county["dbname"], user=name) for name in ("tech", "reviewer", "officer")}
    return dict(pg_county, **users)


def take(uri, to_state, on, by, **extra):
    return PostgresWorkflowStore(uri, SCHEMA).advance(StepRequest("XM2025", to_state, on, by, **extra))


def test_each_step_is_allowed_to_the_role_the_profile_names(county_2025):
    tech, reviewer, officer = county_2025["tech"], county_2025["reviewer"], county_2025["officer"]
    assert PostgresWorkflowStore(tech, SCHEMA).choice("XM2025").profile_id == "national_2024"
    take(tech, "under_way", "2025-02-10", "张三")
    take(tech, "self_accepted", "2025-10-20", "张三")
    # 市县审核 is the reviewer's: the database refuses the technician, naming the role
    with pytest.raises(WorkflowPermissionError, match="is for role dg_reviewer: tech is not a member"):
        take(tech, "county_reviewed", "2025-11-05", "张三", acceptors=BOTH)
    take(reviewer, "county_reviewed", "2025-11-05", "李审核", acceptors=BOTH)
    # 省级复核 and 公示 are the officer's
    with pytest.raises(WorkflowPermissionError, match="is for role dg_officer: reviewer is not a member"):
        take(reviewer, "province_reviewed", "2025-12-01", "李审核", reference="示复〔2025〕12号")
    take(officer, "province_reviewed", "2025-12-01", "王复核", reference="示复〔2025〕12号")
    take(officer, "publicised", "2025-12-02", "王复核", until_on="2025-12-16")
    # 入库, the deposit, is the reviewer's again (the ledger lets dg_reviewer deposit)
    with pytest.raises(WorkflowPermissionError, match="is for role dg_reviewer: officer is not a member"):
        take(officer, "deposited", "2025-12-20", "王复核")
    take(reviewer, "deposited", "2025-12-20", "李审核")
    history = PostgresWorkflowStore(tech, SCHEMA).steps("XM2025")
    assert [(s.to_state, s.taken_by, s.db_user) for s in history] == [
        ("under_way", "张三", "tech"), ("self_accepted", "张三", "tech"), ("county_reviewed", "李审核", "reviewer"),
        ("province_reviewed", "王复核", "officer"), ("publicised", "王复核", "officer"),
        ("deposited", "李审核", "reviewer")]
    assert sql(county_2025["owner"], f"SELECT status, aftercare_until::text, acceptor_agriculture_rural FROM "
                                     f"{SCHEMA}.projects WHERE project_code = 'XM2025'") == [
        ("deposited", "2028-11-05", "示范县农业农村局")]


def test_the_database_checks_steps_written_around_the_plugin(county_2025):
    tech, reviewer, owner = county_2025["tech"], county_2025["reviewer"], county_2025["owner"]
    insert = (f"INSERT INTO {SCHEMA}.dg_workflow_steps (project_code, profile_id, from_state, to_state, step_on, "
              f"taken_by, db_user, created_at) VALUES ('XM2025', 'national_2017', %s, %s, %s, 'x', 'someone', 'x')")
    # skipping states, a stale from_state, a future date: refused by the trigger itself
    with pytest.raises(psycopg2.errors.CheckViolation, match="cannot follow planned"):
        sql(tech, insert, ("planned", "self_accepted", "2025-03-01"))
    with pytest.raises(psycopg2.errors.CheckViolation, match="is planned now, not under_way"):
        sql(tech, insert, ("under_way", "self_accepted", "2025-03-01"))
    with pytest.raises(psycopg2.errors.CheckViolation, match="in the future"):
        sql(tech, insert, ("planned", "under_way", TODAY + datetime.timedelta(days=1)))
    # a valid one goes through, with the real login and the project's own profile, whatever the client wrote
    assert sql(tech, insert, ("planned", "under_way", "2025-03-01")) == 1
    assert sql(owner, f"SELECT profile_id, db_user FROM {SCHEMA}.dg_workflow_steps") == [("national_2024", "tech")]
    assert sql(owner, f"SELECT status FROM {SCHEMA}.projects WHERE project_code = 'XM2025'") == [("under_way",)]
    # a 2024-rules status is never edited directly, not even by a reviewer
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="moves by a workflow step"):
        sql(reviewer, f"UPDATE {SCHEMA}.projects SET status = 'self_accepted' WHERE project_code = 'XM2025'")
    # the history stays as written
    for statement in (f"UPDATE {SCHEMA}.dg_workflow_steps SET taken_by = 'y'",
                      f"DELETE FROM {SCHEMA}.dg_workflow_steps"):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            sql(reviewer, statement)
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="append-only"):
        sql(owner, f"DELETE FROM {SCHEMA}.dg_workflow_steps")


def test_a_reviewed_project_and_its_plots_are_out_of_the_technicians_reach(county_2025):
    tech, reviewer = county_2025["tech"], county_2025["reviewer"]
    take(tech, "under_way", "2025-02-10", "张三")
    take(tech, "self_accepted", "2025-10-20", "张三")
    assert sql(tech, f"UPDATE {SCHEMA}.plots SET grade_after = 3 WHERE project_code = 'XM2025'") == 1
    take(reviewer, "county_reviewed", "2025-11-05", "李审核", acceptors=BOTH)
    for statement in (f"UPDATE {SCHEMA}.plots SET grade_after = 2 WHERE project_code = 'XM2025'",
                      f"UPDATE {SCHEMA}.projects SET project_name = 'x' WHERE project_code = 'XM2025'"):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="only a reviewer"):
            sql(tech, statement)
    # the profile of an accepted project is fixed, for the reviewer too
    with pytest.raises(psycopg2.errors.CheckViolation, match="its rule profile national_2024 is fixed"):
        sql(reviewer, f"UPDATE {SCHEMA}.projects SET rule_profile = 'jiangsu_2014', rule_profile_reason = 'x' "
                      f"WHERE project_code = 'XM2025'")
    # a step back is taken by the role that owns the current state
    with pytest.raises(WorkflowPermissionError, match="dg_reviewer"):
        take(tech, "self_accepted", "2025-11-06", "张三")
    take(reviewer, "self_accepted", "2025-11-06", "李审核", note="退回补正")
    assert sql(tech, f"UPDATE {SCHEMA}.plots SET grade_after = 2 WHERE project_code = 'XM2025'") == 1


def test_profile_override_on_postgis(county_2025):
    tech = county_2025["tech"]
    store = PostgresWorkflowStore(tech, SCHEMA)
    assert store.set_profile("XM2025", "jiangsu_2014", "省级投资项目").profile_id == "jiangsu_2014"
    with pytest.raises(psycopg2.errors.CheckViolation, match="projects_rule_profile_reason"):
        sql(tech, f"UPDATE {SCHEMA}.projects SET rule_profile_reason = NULL WHERE project_code = 'XM2025'")
    # an unknown profile: the guard names it for a plugin user, the foreign key refuses it for anyone
    with pytest.raises(psycopg2.errors.CheckViolation, match="not a state of rule profile national_1999"):
        sql(tech, f"UPDATE {SCHEMA}.projects SET rule_profile = 'national_1999' WHERE project_code = 'XM2025'")
    with pytest.raises(psycopg2.errors.ForeignKeyViolation):
        sql(county_2025["owner"], f"UPDATE {SCHEMA}.projects SET rule_profile = 'national_1999' "
                                  f"WHERE project_code = 'XM2025'")
    with pytest.raises(WorkflowError, match="a reason is required"):
        store.set_profile("XM2025", "national_2017", " ")


def _restore_v2(pg_county):
    """A database holding schema ``county`` exactly as the release before the 2024 reform wrote it."""
    cluster = pg_county["cluster"]
    dbname = pg_county["dbname"] + "_v2"
    cluster.psql(f'CREATE DATABASE "{dbname}" TEMPLATE dg_projects_template')
    sql(cluster.uri(dbname), (TEST_DATA / "project_db_pg_v2.sql").read_text(encoding="utf-8"))
    return {"owner": cluster.uri(dbname), "tech": cluster.uri(dbname, user="tech"),
            "reviewer": cluster.uri(dbname, user="reviewer")}


def test_schema_of_the_current_release_is_upgraded_by_its_owner(pg_county):
    v2 = _restore_v2(pg_county)
    before = sql(v2["owner"], f"SELECT project_code, status, implemented_on FROM {SCHEMA}.projects ORDER BY fid")
    # a technician cannot alter the tables: a clear message, and nothing changed
    with pytest.raises(ProjectDatabaseError, match="owner"):
        open_project_database_pg(v2["tech"], SCHEMA)
    assert sql(v2["owner"], f"SELECT to_regclass('{SCHEMA}.dg_workflow_steps')") == [(None,)]
    assert schema_version_pg(v2["owner"], SCHEMA) == 2
    # nor can a technician add the workflow's tables alone
    with pytest.raises(ProjectDatabaseError, match="only its owner can add them .* Nothing was changed"):
        migrate_workflow_pg(v2["tech"], SCHEMA)
    # the owner's upgrade (schema 3, then the workflow's tables): accepted 2025 projects keep
    # national_2017, with the reason
    migrate_project_database_pg(v2["owner"], SCHEMA)
    pins = migrate_workflow_pg(v2["owner"], SCHEMA)
    assert [(code, profile) for code, profile, _reason in pins] == [("V2-2025-ACC", "national_2017")]
    assert migrate_workflow_pg(v2["owner"], SCHEMA) is None
    projects_now = f"SELECT project_code, status, implemented_on FROM {SCHEMA}.projects ORDER BY fid"
    assert sql(v2["owner"], projects_now) == before
    plots, projects = open_project_database_pg(v2["tech"], SCHEMA)
    assert projects.fields().indexOf("rule_profile") >= 0 and plots.featureCount() == 6
    # the grants of the old schema still hold, and the new guards are in force
    store = PostgresWorkflowStore(v2["tech"], SCHEMA)
    assert store.choice("V2-2025-PLN").profile_id == "national_2024"
    store.advance(StepRequest("V2-2025-PLN", "under_way", "2025-06-01", "张三"))
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="only a reviewer"):
        sql(v2["tech"], f"UPDATE {SCHEMA}.projects SET status = 'accepted' WHERE project_code = 'V2-2024-UW'")
    assert sql(v2["reviewer"], f"UPDATE {SCHEMA}.projects SET status = 'accepted' "
                               f"WHERE project_code = 'V2-2024-UW'") == 1
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="only a reviewer"):
        sql(v2["tech"], f"UPDATE {SCHEMA}.plots SET grade_after = 1 WHERE project_code = 'V2-2025-ACC'")


def test_a_failed_upgrade_changes_nothing(pg_county):
    v2 = _restore_v2(pg_county)
    # a table in the way (made by hand under the workflow's name) makes the upgrade fail half-way
    sql(v2["owner"], f"CREATE TABLE {SCHEMA}.dg_workflow_roles (x integer)")
    with pytest.raises(ProjectDatabaseError, match="upgrading schema county failed, nothing was changed"):
        migrate_workflow_pg(v2["owner"], SCHEMA)
    assert sql(v2["owner"], f"SELECT count(*) FROM information_schema.columns WHERE table_schema = '{SCHEMA}' AND "
                            f"table_name = 'projects' AND column_name = 'rule_profile'") == [(0,)]
    assert sql(v2["owner"], f"SELECT to_regclass('{SCHEMA}.dg_rule_profiles')") == [(None,)]


def test_change_survey_checks_are_recorded_with_the_login(county_2025):
    from double_guarantee_plugin.core.change_survey import PlotConfirmation
    officer, owner = county_2025["officer"], county_2025["owner"]
    store = PostgresWorkflowStore(officer, SCHEMA)
    result = PlotConfirmation("XM2025", "XM2025-001", "DLTB 2026", 2026, 2025, 0.96, 0.95, True, "96.0%")
    assert store.record_checks([result], "赵核实") == 1
    assert sql(owner, f"SELECT plot_code, survey_year, share, confirmed, checked_by, db_user FROM "
                      f"{SCHEMA}.dg_change_survey_checks") == [("XM2025-001", 2026, 0.96, 1, "赵核实", "officer")]
    assert store.survey_confirmed("XM2025") and store.pending_confirmation(["XM2025", "NOPE"]) == set()
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        sql(county_2025["reviewer"], f"UPDATE {SCHEMA}.dg_change_survey_checks SET confirmed = 0")
