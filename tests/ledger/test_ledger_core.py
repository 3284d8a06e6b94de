# SPDX-License-Identifier: GPL-2.0-or-later
"""The ledger's rules, run identically against the GeoPackage and the PostGIS backend."""
import sqlite3

import pytest

from double_guarantee_plugin.core import tables
from double_guarantee_plugin.core.credits import ProjectCredit
from double_guarantee_plugin.core.ledger import (Amounts, DepositRequest, DuplicateError, GeoPackageLedger,
                                                 LedgerError, LedgerInputError, RuleRefused, ShortfallError,
                                                 cultivation_fee, ledger_path_for, occupied_amounts, open_ledger)

DEMO = "320999"


def deposit(ledger, county, code, area, capacity, paddy, key=None):
    return ledger.deposit(DepositRequest(county, code, f"project {code}", Amounts(area, capacity, paddy),
                                         "2024-01-01"), key)


def project(code="DG2023-01", status="accepted", funding="cultivation_fee", implemented="2023-03-01",
            project_type="land_consolidation", county=DEMO):
    return {"project_code": code, "project_name": "东湖村土地整治项目", "county_code": county,
            "project_type": project_type, "funding_source": funding, "implemented_on": implemented,
            "status": status}


def credit(code="DG2023-01", area=120.5, capacity=96400.0, paddy=40.25):
    return ProjectCredit(code, credit_area_mu=area, credit_capacity_kg=capacity, credit_paddy_mu=paddy)


def test_deposit_sets_the_three_balances_with_units(ledger):
    result = ledger.deposit_project(project(), credit())
    assert result.applied
    balance = ledger.balance(DEMO)
    assert (balance.area_mu, balance.capacity_kg, balance.paddy_mu) == (120.5, 96400.0, 40.25)
    assert balance.amounts.area_ha == pytest.approx(120.5 / 15)
    assert balance.amounts.capacity_wan_kg == pytest.approx(9.64)
    assert result.balances_before[DEMO] == Amounts() and result.balances_after[DEMO] == balance.amounts
    entry = ledger.journal()[0]
    assert (entry.kind, entry.project_code, entry.county_code) == ("deposit", "DG2023-01", DEMO)


def test_deposit_refused_unless_accepted_and_funding_rule_passes(ledger):
    with pytest.raises(RuleRefused, match="only an accepted"):
        ledger.deposit_project(project(status="under_way"), credit())
    # domain.md §6: 新增建设用地土地有偿使用费 before 2017-01-01 cannot be used
    with pytest.raises(RuleRefused, match="2017-01-01"):
        ledger.deposit_project(project("DG2016-05", funding="new_construction_land_fee", implemented="2016-06-01"),
                               credit("DG2016-05"))
    # high-standard farmland with money other than the cultivation fee, before 2017
    with pytest.raises(RuleRefused, match="2017-01-01"):
        ledger.deposit_project(project("HS-1", funding="county", implemented="2016-12-31",
                                       project_type="high_standard_farmland"), credit("HS-1"))
    # the same after the cut-off passes
    assert ledger.deposit_project(project("HS-2", funding="county", implemented="2017-01-01",
                                          project_type="high_standard_farmland"), credit("HS-2")).applied
    with pytest.raises(RuleRefused, match="no credits"):
        ledger.deposit_project(project("Z-1"), credit("Z-1", 0, 0, 0))
    assert [e.project_code for e in ledger.journal()] == ["HS-2"]


def test_deposit_once_per_project_and_retry_applied_once(ledger):
    first = ledger.deposit_project(project(), credit())
    again = ledger.deposit_project(project(), credit())   # same default key deposit:<code>
    assert first.applied and not again.applied and again.entry.entry_id == first.entry.entry_id
    with pytest.raises(DuplicateError):
        ledger.deposit_project(project(), credit(), idempotency_key="another-key")
    assert len(ledger.journal()) == 1
    assert ledger.balance(DEMO).area_mu == 120.5


def test_write_off_draws_all_three_or_refuses_with_shortfall_and_sellers(ledger):
    deposit(ledger, DEMO, "P1", 100, 80000, 10)
    deposit(ledger, "320981", "P2", 500, 900000, 300)    # poor, 42000
    deposit(ledger, "320982", "P3", 500, 900000, 300)    # 38000
    deposit(ledger, "320983", "P4", 500, 900000, 300)    # poor, 38000: before 320982 at the same price
    deposit(ledger, "320984", "P5", 5, 900000, 300)      # cannot cover the area
    deposit(ledger, "340999", "P6", 900, 900000, 900)    # cheapest but another province
    before = ledger.journal()
    with pytest.raises(ShortfallError) as refused:
        ledger.write_off(DEMO, "JS-1", "construction", Amounts(100, 80000, 30), "2024-03-01", "k1")
    error = refused.value
    assert error.shortfall == Amounts(0, 0, 20)          # only paddy is short: nothing moved at all
    assert [s.county_code for s in error.sellers] == ["320983", "320982", "320981", "320984"]
    assert error.sellers[0].poor and error.sellers[0].total_yuan == pytest.approx(38000 * 20)
    assert ledger.balance(DEMO).amounts == Amounts(100, 80000, 10)
    assert ledger.journal() == before
    with pytest.raises(ShortfallError) as refused:
        ledger.write_off(DEMO, "JS-2", "construction", Amounts(130, 90000, 10), "2024-03-01")
    assert refused.value.shortfall == Amounts(30, 10000, 0)
    assert "320984" not in [s.county_code for s in refused.value.sellers]
    result = ledger.write_off(DEMO, "JS-3", "construction", Amounts(100, 80000, 10), "2024-03-01")
    assert result.balances_after[DEMO] == Amounts(0, 0, 0)
    assert ledger.verify()["ok"]


def test_transfer_same_province_only_and_price_cap(ledger):
    deposit(ledger, "320981", "P2", 50, 40000, 5)
    deposit(ledger, "340999", "P6", 50, 40000, 5)
    with pytest.raises(RuleRefused, match="same province"):
        ledger.transfer("340999", DEMO, Amounts(10, 100, 0), 30000, "bid", "2024-04-01")
    with pytest.raises(RuleRefused, match="cap"):
        ledger.transfer("320981", DEMO, Amounts(10, 100, 0), 50001, "capped", "2024-04-01")
    with pytest.raises(ShortfallError):
        ledger.transfer("320981", DEMO, Amounts(60, 100, 0), 40000, "bid", "2024-04-01")
    result = ledger.transfer("320981", DEMO, Amounts(10, 8000, 1), 45000, "capped", "2024-04-01", "t1")
    assert result.entry.total_yuan == pytest.approx(450000)
    assert ledger.balance("320981").amounts == Amounts(40, 32000, 4)
    assert ledger.balance(DEMO).amounts == Amounts(10, 8000, 1)
    assert [e.entry_id for e in ledger.journal(county_code="320981")][-1] == result.entry.entry_id
    assert ledger.verify()["ok"]


def test_commitments_are_written_off_once_at_their_due_date(ledger):
    deposit(ledger, DEMO, "P1", 50, 40000, 5)
    early = ledger.commit(DEMO, "CM-1", "承诺项目", Amounts(20, 16000, 0), "2024-06-30", "2024-01-10")
    late = ledger.commit(DEMO, "CM-2", "承诺项目2", Amounts(20, 16000, 0), "2025-06-30", "2024-01-10")
    too_big = ledger.commit(DEMO, "CM-3", "承诺项目3", Amounts(40, 1, 0), "2024-06-30", "2024-01-10")
    assert ledger.balance(DEMO).area_mu == 50            # a commitment moves nothing yet
    outcomes = dict((c.entry_id, r) for c, r in ledger.process_due_commitments("2024-07-01"))
    assert set(outcomes) == {early.entry.entry_id, too_big.entry.entry_id}
    assert outcomes[early.entry.entry_id].applied
    assert isinstance(outcomes[too_big.entry.entry_id], ShortfallError)
    assert ledger.balance(DEMO).area_mu == 30
    assert [c.entry_id for c in ledger.open_commitments()] == [too_big.entry.entry_id, late.entry.entry_id]
    ledger.process_due_commitments("2024-07-02")           # nothing due twice
    assert ledger.balance(DEMO).area_mu == 30
    with pytest.raises(LedgerInputError, match="due date"):
        ledger.commit(DEMO, "CM-4", "x", Amounts(1, 1, 0), "2023-01-01", "2024-01-01")


def test_reversal_corrects_by_a_new_entry(ledger):
    first = deposit(ledger, DEMO, "P1", 50, 40000, 5)
    ledger.write_off(DEMO, "JS-1", "x", Amounts(40, 1000, 0), "2024-03-01")
    with pytest.raises(ShortfallError):                      # the credits are partly spent
        ledger.reverse(first.entry.entry_id, "wrong project")
    writeoff = ledger.journal(kind="writeoff")[0]
    reversal = ledger.reverse(writeoff.entry_id, "entered twice")
    assert reversal.entry.reverses_entry_id == writeoff.entry_id
    assert ledger.balance(DEMO).amounts == Amounts(50, 40000, 5)
    with pytest.raises((DuplicateError, RuleRefused)):
        ledger.reverse(writeoff.entry_id, "again", idempotency_key="other")
    with pytest.raises(RuleRefused):
        ledger.reverse(reversal.entry.entry_id, "undo the undo")
    assert len(ledger.journal()) == 3 and ledger.verify()["ok"]


@pytest.mark.parametrize("call, message", [
    (lambda l: l.write_off("32099", "X", "x", Amounts(1, 1, 1), "2024-01-01"), "6-digit"),
    (lambda l: l.write_off(DEMO, "X", "x", Amounts(-1, 1, 1), "2024-01-01"), "negative"),
    (lambda l: l.write_off(DEMO, "X", "x", Amounts(0, 0, 0), "2024-01-01"), "zero"),
    (lambda l: l.write_off(DEMO, "X", "x", Amounts(1, float("nan"), 1), "2024-01-01"), "finite"),
    (lambda l: l.write_off(DEMO, "", "x", Amounts(1, 1, 1), "2024-01-01"), "project_code"),
    (lambda l: l.write_off(DEMO, "X", "x", Amounts(1, 1, 1), "2024-13-01"), "not a date"),
    (lambda l: l.transfer(DEMO, DEMO, Amounts(1, 1, 1), 1, "bid", "2024-01-01"), "same county"),
    (lambda l: l.transfer("320981", DEMO, Amounts(1, 1, 1), 1, "auction", "2024-01-01"), "pricing"),
])
def test_bad_input_is_named_and_nothing_is_stored(ledger, call, message):
    deposit(ledger, DEMO, "P1", 50, 40000, 5)
    deposit(ledger, "320981", "P2", 50, 40000, 5)
    with pytest.raises(LedgerInputError, match=message):
        call(ledger)
    assert len(ledger.journal()) == 2 and ledger.verify()["ok"]


def test_the_database_itself_refuses_what_python_would(ledger_target, backend, request):
    """Bypassing the Python API: negative balances, cross-province transfers, edits are refused."""
    ledger = open_ledger(ledger_target)
    deposit(ledger, DEMO, "P1", 5, 4000, 1)
    ledger.close()
    if backend == "geopackage":
        connection = sqlite3.connect(ledger_target, isolation_level=None)
        errors = (sqlite3.DatabaseError,)
        journal, movement = "dg_ledger_journal", "dg_ledger_movement"
        sql = lambda text: text
    else:
        import psycopg2
        connection = psycopg2.connect(ledger_target)
        connection.autocommit = True
        errors = (psycopg2.Error,)
        journal, movement = "dg_ledger.journal", "dg_ledger.movement"
        sql = lambda text: text.replace("?", "%s")
    cursor = connection.cursor()
    statements = [
        f"UPDATE {journal} SET area_mu_e4 = 1",
        f"DELETE FROM {journal}",
        f"INSERT INTO {journal} (kind, county_code, counterparty_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4, "
        f"occurred_on, idempotency_key) VALUES ('transfer', '320999', '340999', 1, 1, 1, '2024-01-01', 'x1')",
        f"INSERT INTO {journal} (kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4, occurred_on, "
        f"idempotency_key) VALUES ('writeoff', '320999', 100000, 0, 0, '2024-01-01', 'x2')",
    ]
    for statement in statements:
        with pytest.raises(errors):
            cursor.execute(statement)
    # a movement that would take the balance below zero is refused (in PostGIS no role may insert one)
    cursor.execute(sql(f"SELECT max(entry_id) FROM {journal}"))
    entry_id = cursor.fetchone()[0]
    with pytest.raises(errors):
        cursor.execute(sql(f"INSERT INTO {movement} (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, "
                           f"paddy_mu_e4) VALUES (?, 'deposit', '320999', -60000, 0, 0)"), (entry_id,))
    connection.close()
    ledger = open_ledger(ledger_target)
    assert ledger.balance(DEMO).amounts == Amounts(5, 4000, 1)
    assert len(ledger.journal()) == 1 and ledger.verify()["ok"]
    ledger.close()


def test_verify_detects_a_tampered_balance(tmp_path):
    path = str(tmp_path / "tampered_ledger.gpkg")
    ledger = GeoPackageLedger(path)
    deposit(ledger, DEMO, "P1", 5, 4000, 1)
    assert ledger.verify()["ok"]
    ledger.close()
    connection = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.DatabaseError):          # the file's own triggers refuse it (schema 3)
        connection.execute("UPDATE dg_ledger_balance SET area_mu_e4 = area_mu_e4 + 1")
    connection.execute("DROP TRIGGER dg_ledger_balance_update_guard")   # any client can drop them
    connection.execute("UPDATE dg_ledger_balance SET area_mu_e4 = area_mu_e4 + 1")
    connection.close()
    report = GeoPackageLedger(path).verify()
    assert not report["ok"] and "320999" in report["problems"][0]


def test_geopackage_ledger_sits_next_to_the_project_database_and_opens_in_ogr(tmp_path):
    from osgeo import ogr
    path = ledger_path_for(tmp_path / "demo_projects.gpkg")
    assert path == str(tmp_path / "demo_projects_ledger.gpkg")
    ledger = open_ledger(path)
    deposit(ledger, DEMO, "P1", 5, 4000, 1)
    ledger.close()
    dataset = ogr.Open(path)
    journal = dataset.GetLayerByName("dg_ledger_journal")
    assert journal is not None and journal.GetFeatureCount() == 1
    with pytest.raises(LedgerError, match="not found"):
        GeoPackageLedger(str(tmp_path / "missing.gpkg"), create=False)
    (tmp_path / "garbage.gpkg").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(LedgerError, match="garbage.gpkg"):
        open_ledger(str(tmp_path / "garbage.gpkg"))


def test_occupied_amounts_and_cultivation_fee_from_the_rule_profile():
    profile = tables.load_rule_profile("national_2017")
    amounts = occupied_amounts(30, "0101", 7, profile)
    assert amounts == Amounts(30, 30 * 900, 30)           # Y(7) = (16 − 7) × 100 kg/亩
    assert occupied_amounts(30, "0103", 7, profile).paddy_mu == 0
    assert cultivation_fee(30, "0101", 7, profile) == (34000.0, 34000.0 * 30)
    assert cultivation_fee(30, "0103", 3, profile) == (30000.0, 900000.0)
    with pytest.raises(LedgerInputError, match="not cultivated"):
        occupied_amounts(30, "0301", 7, profile)
