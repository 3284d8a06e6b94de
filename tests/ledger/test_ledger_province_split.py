# SPDX-License-Identifier: GPL-2.0-or-later
"""Jiangsu 2014 province-invested projects: credits split between the province reserve and the county
(domain.md §7), on both backends, enforced by the database, and schema 1 ledgers migrated."""
import sqlite3

import pytest

from double_guarantee_plugin.core import tables
from double_guarantee_plugin.core.credits import ProjectCredit
from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, GeoPackageLedger, open_ledger

DEMO, PROVINCE = "320999", "320000"


def jiangsu():
    return tables.load_rule_profile("jiangsu_2014")


def project(code, funding="province"):
    return {"project_code": code, "project_name": f"项目 {code}", "county_code": DEMO,
            "project_type": "land_consolidation", "funding_source": funding, "implemented_on": "2023-03-01",
            "status": "accepted"}


def credit(code, new_share, area=70.5, capacity=56400.3, paddy=20.25):
    """Credits of a project of 1000 亩 whose new farmland is ``new_share`` of the scale."""
    return ProjectCredit(code, area_mu=1000.0, new_farmland_mu=1000.0 * new_share, credit_area_mu=area,
                         credit_capacity_kg=capacity, credit_paddy_mu=paddy)


@pytest.mark.parametrize("new_share, province_share", [(0.04, 1.0), (0.07, 0.8), (0.25, 0.6)])
def test_province_invested_credits_are_split_by_the_new_farmland_share(ledger, new_share, province_share):
    total = Amounts(70.5, 56400.3, 20.25)
    result = ledger.deposit_project(project("JS-1"), credit("JS-1", new_share), profile=jiangsu())
    assert result.applied
    county, province = ledger.balance(DEMO).amounts, ledger.balance(PROVINCE).amounts
    assert province.area_mu == pytest.approx(total.area_mu * province_share, abs=1e-4)
    assert province.capacity_kg == pytest.approx(total.capacity_kg * province_share, abs=1e-4)
    assert county.plus(province).e4() == total.e4()                  # not a 1/10⁴ lost or made
    entry = ledger.journal()[0]
    assert entry.amounts == total and entry.province_amounts == province and entry.county_amounts == county
    assert entry.counterparty_code == PROVINCE and f"{100 * province_share:g}% to the province" in entry.note
    assert [e.entry_id for e in ledger.journal(county_code=PROVINCE)] == [entry.entry_id]
    assert ledger.county_table.name(PROVINCE) == "示范省（省级储备）"
    assert ledger.verify()["ok"]


def test_no_split_outside_the_rule(ledger):
    ledger.deposit_project(project("JS-2", funding="county"), credit("JS-2", 0.07), profile=jiangsu())
    ledger.deposit_project(project("NA-1"), credit("NA-1", 0.07), profile=tables.load_rule_profile("national_2017"))
    assert ledger.balance(DEMO).amounts == Amounts(141.0, 112800.6, 40.5)
    assert ledger.balance(PROVINCE).amounts == Amounts()
    assert all(entry.province_amounts == Amounts() and entry.counterparty_code is None for entry in ledger.journal())


def test_a_split_deposit_is_reversed_whole_and_the_province_can_pass_its_share_on(ledger):
    from double_guarantee_plugin.core.ledger import ShortfallError
    ledger.deposit_project(project("JS-3"), credit("JS-3", 0.07), profile=jiangsu())
    moved = ledger.transfer(PROVINCE, "320981", Amounts(10, 8000, 2), 40000, "bid", "2024-02-01")
    assert moved.applied and ledger.balance("320981").amounts == Amounts(10, 8000, 2)
    deposit = ledger.journal(kind="deposit")[0]
    # the province has passed part of its share on: undoing the deposit would take its reserve below zero
    with pytest.raises(ShortfallError):
        ledger.reverse(deposit.entry_id, "wrong funding source", "2024-03-01")
    ledger.reverse(moved.entry.entry_id, "sold by mistake", "2024-03-01")
    assert ledger.reverse(deposit.entry_id, "wrong funding source", "2024-03-02").applied
    assert ledger.balances() == {DEMO: Amounts(), PROVINCE: Amounts(), "320981": Amounts()}
    assert ledger.verify()["ok"]


def test_the_database_refuses_a_province_share_that_breaks_the_rule(ledger_target, backend):
    ledger = open_ledger(ledger_target)
    ledger.deposit(DepositRequest(DEMO, "P1", "p", Amounts(5, 4000, 1), "2024-01-01"))
    ledger.close()
    if backend == "geopackage":
        connection = sqlite3.connect(ledger_target, isolation_level=None)
        errors, journal = (sqlite3.DatabaseError,), "dg_ledger_journal"
    else:
        import psycopg2
        connection = psycopg2.connect(ledger_target)
        connection.autocommit = True
        errors, journal = (psycopg2.Error,), "dg_ledger.journal"
    cursor = connection.cursor()
    columns = ("kind, county_code, counterparty_code, project_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4, "
               "province_area_mu_e4, province_capacity_kg_e4, province_paddy_mu_e4, occurred_on, idempotency_key")
    for number, values in enumerate([
            "'deposit', '320999', '320000', 'X1', 10, 10, 10, 11, 0, 0",      # more than the deposit
            "'deposit', '320999', '320981', 'X2', 10, 10, 10, 5, 5, 5",       # not the province reserve
            "'deposit', '320999', NULL, 'X3', 10, 10, 10, 5, 5, 5",           # nowhere to go
            "'writeoff', '320999', '320000', NULL, 1, 1, 1, 1, 1, 1",         # only deposits are split
            "'deposit', '320999', '320000', 'X5', 10, 10, 10, -1, 0, 0"]):    # negative
        with pytest.raises(errors):
            cursor.execute(f"INSERT INTO {journal} ({columns}) VALUES ({values}, '2024-01-01', 'k{number}')")
    connection.close()
    ledger = open_ledger(ledger_target)
    assert len(ledger.journal()) == 1 and ledger.balance(PROVINCE).amounts == Amounts() and ledger.verify()["ok"]
    ledger.close()


def test_a_schema_1_geopackage_ledger_is_migrated_on_open(tmp_path):
    """A ledger written before schema 2 (the schema-1 script alone, one deposit) keeps its entry and
    balance, gains the province columns (and the later schemas) in one transaction, and takes a split deposit."""
    from double_guarantee_plugin.core.ledger.sqlite_backend import _split_sql
    from double_guarantee_plugin.core.paths import data_path
    path = tmp_path / "old_ledger.gpkg"
    connection = sqlite3.connect(path, isolation_level=None)
    for statement in _split_sql(open(data_path("ledger", "schema_sqlite.sql"), encoding="utf-8").read()):
        connection.execute(statement)
    connection.execute("INSERT INTO dg_ledger_journal (kind, county_code, project_code, area_mu_e4, capacity_kg_e4, "
                       "paddy_mu_e4, occurred_on, idempotency_key) VALUES ('deposit', '320999', 'OLD-1', 1000000, "
                       "80000000, 250000, '2020-05-01', 'deposit:OLD-1')")
    assert "province_area_mu_e4" not in {row[1] for row in connection.execute("PRAGMA table_info(dg_ledger_journal)")}
    connection.close()
    ledger = GeoPackageLedger(str(path), create=False)
    try:
        assert ledger.has_province_columns
        assert ledger.balance(DEMO).amounts == Amounts(100, 8000, 25)
        old = ledger.journal()[0]
        assert old.project_code == "OLD-1" and old.province_amounts == Amounts()
        ledger.deposit_project(project("JS-9"), credit("JS-9", 0.07), profile=jiangsu())
        assert ledger.balance(PROVINCE).amounts.area_mu == pytest.approx(70.5 * 0.8)
        assert ledger.verify()["ok"]
    finally:
        ledger.close()
    check = sqlite3.connect(path)
    assert check.execute("SELECT value FROM dg_ledger_meta WHERE key = 'schema_version'").fetchone()[0] == \
        str(GeoPackageLedger.SCHEMA_VERSION)          # schema 1 → 2 → today's, in one go
    check.close()


def test_a_ledger_without_the_columns_refuses_a_split_with_a_clear_message(ledger):
    ledger.has_province_columns = False              # a PostGIS ledger whose owner has not rerun the installer
    from double_guarantee_plugin.core.ledger import LedgerStorageError
    with pytest.raises(LedgerStorageError, match="rerun the schema installer"):
        ledger.deposit_project(project("JS-4"), credit("JS-4", 0.07), profile=jiangsu())
    ledger.has_province_columns = True
    assert ledger.journal() == []


def test_rerunning_the_postgis_installer_keeps_a_populated_ledger(pg_cluster_running, new_pg_database_name):
    from double_guarantee_plugin.core.ledger.postgres_backend import install_postgres_schema
    name = new_pg_database_name()
    ledger = open_ledger(pg_cluster_running.uri(name, user="clerk"))
    ledger.deposit_project(project("JS-5"), credit("JS-5", 0.07), profile=jiangsu())
    before = (ledger.balances(), ledger.journal())
    ledger.close()
    install_postgres_schema(**pg_cluster_running.params(name))
    ledger = open_ledger(pg_cluster_running.uri(name, user="clerk"))
    try:
        assert (ledger.balances(), ledger.journal()) == before and ledger.verify()["ok"]
    finally:
        ledger.close()


def test_the_ledger_report_shows_the_province_share(ledger, tmp_path):
    import csv
    from double_guarantee_plugin.core.ledger.report import report_rows, write_csv
    ledger.deposit_project(project("JS-6"), credit("JS-6", 0.07), profile=jiangsu())
    rows, verified = report_rows(ledger)
    assert verified["ok"]
    balances = {row["county_code"]: row for row in rows if row["record"] == "balance"}
    assert balances[PROVINCE]["county_name"] == "示范省（省级储备）"
    assert balances[PROVINCE]["area_mu"] == pytest.approx(70.5 * 0.8, abs=1e-4)
    journal = [row for row in rows if row["record"] == "journal"]
    assert journal[0]["area_mu"] == 70.5 and journal[0]["province_area_mu"] == pytest.approx(56.4, abs=1e-4)
    with open(write_csv(tmp_path / "report.csv", rows), encoding="utf-8-sig") as handle:
        read = list(csv.DictReader(handle))
    assert float(read[-1]["province_area_mu"]) == pytest.approx(56.4, abs=1e-4)
