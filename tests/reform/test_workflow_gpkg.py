# SPDX-License-Identifier: GPL-2.0-or-later
"""The acceptance workflow on a GeoPackage project database, and the upgrade of a database written by
the release before the 2024 reform (hand-worked cases; the database is a real GeoPackage)."""
import datetime
import shutil
import sqlite3
from pathlib import Path

import pytest

from double_guarantee_plugin.core import project_db, tables
from double_guarantee_plugin.core.workflow import (GeoPackageWorkflowStore, StepRequest, WorkflowError,
                                                   is_deposit_step)
from double_guarantee_plugin.core.workflow.schema import (SCHEMA_KEY, ensure_workflow_schema)

TEST_DATA = Path(__file__).resolve().parents[1] / "data"
TODAY = datetime.date(2026, 12, 3)
BOTH = {"natural_resources": "示范县自然资源局", "agriculture_rural": "示范县农业农村局"}


def _insert_projects(path, rows):
    with sqlite3.connect(path) as connection:
        for code, implemented_on, status in rows:
            connection.execute("INSERT INTO projects (project_code, project_name, county_code, implemented_on, "
                               "status) VALUES (?, ?, '320999', ?, ?)", (code, f"项目 {code}", implemented_on, status))
    connection.close()


@pytest.fixture
def database(tmp_path):
    path = str(tmp_path / "projects.gpkg")
    project_db.create_project_database(path, "EPSG:4527")
    _insert_projects(path, [("XM2025", "2025-02-10", "planned"), ("XM2023", "2023-04-01", "planned")])
    return path


def step(store, code, to_state, on, by="张三", **extra):
    return store.advance(StepRequest(code, to_state, on, by, **extra), today=TODAY)


def test_a_2025_project_goes_through_every_state_to_deposit(database):
    store = GeoPackageWorkflowStore(database)
    assert store.choice("XM2025").profile_id == "national_2024"
    step(store, "XM2025", "under_way", "2025-02-10")
    step(store, "XM2025", "self_accepted", "2025-10-20", note="竣工自验")
    with pytest.raises(WorkflowError, match="needs the accepting unit of the 农业农村部门"):
        step(store, "XM2025", "county_reviewed", "2025-11-05", by="李审核",
             acceptors={"natural_resources": "示范县自然资源局"})
    reviewed = step(store, "XM2025", "county_reviewed", "2025-11-05", by="李审核", acceptors=BOTH)
    assert reviewed.aftercare_until == "2028-11-05"      # accepted 2025-11-05 + the profile's 3 years
    with pytest.raises(WorkflowError, match="needs a reference"):
        step(store, "XM2025", "province_reviewed", "2025-12-01", by="王复核")
    step(store, "XM2025", "province_reviewed", "2025-12-01", by="王复核", reference="示自然资复〔2025〕12号")
    with pytest.raises(WorkflowError, match="end date 2025-12-01 is before the step date 2025-12-02"):
        step(store, "XM2025", "publicised", "2025-12-02", by="王复核", until_on="2025-12-01")
    step(store, "XM2025", "publicised", "2025-12-02", by="王复核", until_on="2025-12-16")
    deposited = step(store, "XM2025", "deposited", "2025-12-20", by="李审核")
    profile = tables.load_rule_profile("national_2024")
    assert is_deposit_step(profile, deposited.to_state) and not is_deposit_step(profile, "county_reviewed")
    history = store.steps("XM2025")
    assert [(s.from_state, s.to_state, s.step_on, s.taken_by) for s in history] == [
        ("planned", "under_way", "2025-02-10", "张三"), ("under_way", "self_accepted", "2025-10-20", "张三"),
        ("self_accepted", "county_reviewed", "2025-11-05", "李审核"),
        ("county_reviewed", "province_reviewed", "2025-12-01", "王复核"),
        ("province_reviewed", "publicised", "2025-12-02", "王复核"),
        ("publicised", "deposited", "2025-12-20", "李审核")]
    assert all(s.profile_id == "national_2024" and s.db_user for s in history)   # the OS user beside the name
    assert history[4].until_on == "2025-12-16" and history[3].reference == "示自然资复〔2025〕12号"
    project = store.project("XM2025")
    assert project["status"] == "deposited" and project["aftercare_until"] == "2028-11-05"
    assert (project["acceptor_natural_resources"], project["acceptor_agriculture_rural"]) == tuple(BOTH.values())


def test_steps_go_one_at_a_time_on_valid_dates(database):
    store = GeoPackageWorkflowStore(database)
    with pytest.raises(WorkflowError, match=r"from '规划 \(planned\)' the next step is '实施中 \(under_way\)', not '自验"):
        step(store, "XM2025", "self_accepted", "2025-03-01")
    with pytest.raises(WorkflowError, match="'accepted' is not a state of the workflow of rule profile national_2024"):
        step(store, "XM2025", "accepted", "2025-03-01")
    with pytest.raises(WorkflowError, match="in the future"):
        step(store, "XM2025", "under_way", "2026-12-04")
    with pytest.raises(WorkflowError, match="who takes the step"):
        step(store, "XM2025", "under_way", "2025-03-01", by="  ")
    step(store, "XM2025", "under_way", "2025-03-01")
    with pytest.raises(WorkflowError, match="before the project's last step"):
        step(store, "XM2025", "self_accepted", "2025-02-28")
    with pytest.raises(WorkflowError, match=r"is now '实施中 \(under_way\)', not '规划 \(planned\)'"):
        store.advance(StepRequest("XM2025", "self_accepted", "2025-05-01", "张三", from_state="planned"), today=TODAY)
    # a step back for rework is a step too, and the history keeps both
    step(store, "XM2025", "self_accepted", "2025-05-01")
    step(store, "XM2025", "under_way", "2025-05-02", note="退回整改")
    assert [s.to_state for s in store.steps("XM2025")] == ["under_way", "self_accepted", "under_way"]
    assert store.steps("XM2023") == []


def test_a_2023_project_follows_the_2017_flow(database):
    store = GeoPackageWorkflowStore(database)
    choice = store.choice("XM2023")
    assert choice.profile_id == "national_2017"
    # the legacy workflow is not sequential: a planned project may be accepted at once, as before
    accepted = step(store, "XM2023", "accepted", "2024-01-15", by="李审核")
    assert accepted.aftercare_until is None            # national_2017 names no aftercare period
    assert is_deposit_step(choice.profile, "accepted")


def test_profile_override_needs_a_reason_and_is_fixed_after_acceptance(database):
    store = GeoPackageWorkflowStore(database)
    with pytest.raises(WorkflowError, match="a reason is required"):
        store.set_profile("XM2025", "jiangsu_2014", "")
    choice = store.set_profile("XM2025", "jiangsu_2014", "省级投资项目，执行江苏规则")
    assert (choice.profile_id, choice.reason) == ("jiangsu_2014", "省级投资项目，执行江苏规则")
    assert store.project("XM2025")["rule_profile_reason"] == "省级投资项目，执行江苏规则"
    assert store.set_profile("XM2025", None, None).profile_id == "national_2024"    # back to the dates
    step(store, "XM2025", "under_way", "2025-02-10")
    step(store, "XM2025", "self_accepted", "2025-06-10")
    with pytest.raises(WorkflowError, match=r"'自验 \(self_accepted\)' is not a state of the workflow of national_2017"):
        store.set_profile("XM2025", "national_2017", "按旧规则")
    step(store, "XM2025", "county_reviewed", "2025-07-01", acceptors=BOTH)
    with pytest.raises(WorkflowError, match="fixed once it has been accepted"):
        store.set_profile("XM2025", "jiangsu_2014", "改用江苏规则")


def test_the_history_is_append_only(database):
    store = GeoPackageWorkflowStore(database)
    step(store, "XM2025", "under_way", "2025-02-10")
    with sqlite3.connect(database) as connection:
        for statement in ("UPDATE dg_workflow_steps SET taken_by = 'someone else'", "DELETE FROM dg_workflow_steps"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                connection.execute(statement)
    connection.close()
    assert store.steps("XM2025")[0].taken_by == "张三"


def _rows(path, sql):
    with sqlite3.connect(path) as connection:
        rows = connection.execute(sql).fetchall()
    connection.close()
    return rows


def test_database_of_the_current_release_is_upgraded_in_place(tmp_path):
    path = str(tmp_path / "v2.gpkg")
    shutil.copy(TEST_DATA / "project_db_v2.gpkg", path)
    before = _rows(path, "SELECT fid, project_code, project_name, implemented_on, status FROM projects ORDER BY fid")
    plots_before = _rows(path, "SELECT fid, project_code, class_before, class_after, grade_after, geom FROM plots")
    plots_layer, projects_layer = project_db.open_project_database(path)
    assert _rows(path, f"SELECT value FROM dg_meta WHERE key = '{SCHEMA_KEY}'") == [("1",)]
    assert _rows(path, "SELECT fid, project_code, project_name, implemented_on, status FROM projects "
                       "ORDER BY fid") == before
    plots_now = _rows(path, "SELECT fid, project_code, class_before, class_after, grade_after, geom FROM plots")
    assert plots_now == plots_before
    pins = dict(((code, (profile, reason)) for code, profile, reason in _rows(
        path, "SELECT project_code, rule_profile, rule_profile_reason FROM projects")))
    # an accepted project implemented in 2025 keeps the profile it was deposited under, with the reason
    assert pins["V2-2025-ACC"][0] == "national_2017" and "national_2017" in pins["V2-2025-ACC"][1]
    # the others follow their dates: nothing recorded
    for code in ("V2-2023-ACC", "V2-2024-FIL", "V2-2025-PLN", "V2-2024-UW", "V2-NODATE"):
        assert pins[code] == (None, None), code
    store = GeoPackageWorkflowStore(path)
    assert [store.choice(code).profile_id for code in ("V2-2025-ACC", "V2-2025-PLN", "V2-NODATE", "V2-2023-ACC")] == [
        "national_2017", "national_2024", "national_2024", "national_2017"]
    # nothing deposited changes value: the pinned project is credited exactly as under national_2017
    from double_guarantee_plugin.core.layer_credits import compute_layer_credits
    from double_guarantee_plugin.core.projects import project_request
    under_pin = compute_layer_credits(plots_layer, store.choice("V2-2025-ACC").profile,
                                      request=project_request("V2-2025-ACC"))[1][0]
    under_2017 = compute_layer_credits(plots_layer, tables.load_rule_profile("national_2017"),
                                       request=project_request("V2-2025-ACC"))[1][0]
    assert under_pin.credit_capacity_kg == under_2017.credit_capacity_kg > 0
    # the QGIS layer shows the new columns with their Chinese names, the file lists the new tables
    index = projects_layer.fields().indexOf("aftercare_until")
    assert index >= 0 and projects_layer.attributeAlias(index) == "后期管护截止日期"
    assert {"dg_workflow_steps", "dg_change_survey_checks"} <= {row[0] for row in _rows(
        path, "SELECT table_name FROM gpkg_contents")}
    # opening again changes nothing
    assert ensure_workflow_schema(path) is False


def test_a_failed_upgrade_changes_nothing(tmp_path):
    path = str(tmp_path / "v2.gpkg")
    shutil.copy(TEST_DATA / "project_db_v2.gpkg", path)
    columns_before = _rows(path, "PRAGMA table_info(projects)")
    tables_before = _rows(path, "SELECT name FROM sqlite_master ORDER BY name")
    with pytest.raises(project_db.ProjectDatabaseError, match="nothing was changed"):
        ensure_workflow_schema(path, fail_after=4)    # after the first columns were added
    assert _rows(path, "PRAGMA table_info(projects)") == columns_before
    assert _rows(path, "SELECT name FROM sqlite_master ORDER BY name") == tables_before
    assert ensure_workflow_schema(path) is True         # and it can be done afterwards


def test_the_ledger_deposits_a_2024_project_at_its_deposit_step():
    from double_guarantee_plugin.core.credits import ProjectCredit
    from double_guarantee_plugin.core.ledger import RuleRefused, deposit_from_project
    profile = tables.load_rule_profile("national_2024")
    credit = ProjectCredit("XM2025", plot_count=1, area_mu=10.0, new_farmland_mu=10.0, credit_area_mu=10.0,
                           credit_capacity_kg=8200.0)
    project = {"project_code": "XM2025", "county_code": "320999", "project_type": "land_consolidation",
               "funding_source": "county", "implemented_on": "2025-02-10", "accepted_on": "2025-12-20"}
    with pytest.raises(RuleRefused, match="deposited at its 'deposited' step"):
        deposit_from_project(dict(project, status="county_reviewed"), credit, profile)
    request = deposit_from_project(dict(project, status="deposited"), credit, profile)
    assert request.occurred_on == "2025-12-20" and request.amounts.capacity_kg == 8200
    with pytest.raises(RuleRefused, match="only an accepted"):    # national_2017 deposits at 已验收, as before
        deposit_from_project(dict(project, status="deposited"), credit, tables.load_rule_profile("national_2017"))
