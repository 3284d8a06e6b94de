# SPDX-License-Identifier: GPL-2.0-or-later
"""The province-year view (以补定占) for two counties of province 32, hand-worked, from a real ledger on
both backends read through its public API: its deposits, the change-survey confirmations it holds, its
进出平衡 account, write-offs and commitments; as a core computation and as
``doubleguarantee:provinceyearbalance``."""
import sqlite3

import pytest
from osgeo import ogr

from qgis import processing
from double_guarantee_plugin.core import project_db
from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, open_ledger
from double_guarantee_plugin.core.province_year import (PlannedOccupation, from_ledger, ledger_inputs,
                                                        province_year_balance)

YUNXI, SHIQIAO, NEIGHBOUR = "320981", "320982", "340999"
LINKS = {"dzjgh": "320981202600001", "ajbh": "AJ-1"}


@pytest.fixture
def ledger_path(ledger_target):
    return fill_ledger(ledger_target)


def fill_ledger(path):
    """Deposits, confirmations, 进出平衡, write-offs, a reversal and commitments around year N = 2025
    (amounts: 亩, kg, 亩).  Deposits dated 2025 follow national_2024 and wait for their change survey."""
    ledger = open_ledger(path)
    try:
        def deposit(county, code, amounts, on, **extra):
            return ledger.deposit(DepositRequest(county, code, f"项目 {code}", Amounts(*amounts), on, **extra)).entry
        a = deposit(YUNXI, "A", (100, 80000, 20), "2025-03-01")        # counts for 2025 once confirmed
        deposit(YUNXI, "B", (50, 40000, 0), "2025-08-01")              # 2025, still waits for its change survey
        deposit(YUNXI, "C", (999, 800000, 0), "2024-12-31")            # 2024 (national_2017): not year N
        ledger.confirm_deposit(a.entry_id, 2025, 0.98, "2026-01-20")
        ledger.write_off(YUNXI, "W2", "2025 年占用", Amounts(30, 20000, 0), "2025-06-01", **LINKS)  # N: not N+1
        ledger.write_off(YUNXI, "W1", "2026 年占用", Amounts(60, 40000, 10), "2026-02-01", **LINKS)  # N+1
        d = deposit(SHIQIAO, "D", (40, 30000, 5), "2025-05-05")
        ledger.confirm_deposit(d.entry_id, 2025, 0.99, "2026-01-20")
        wrong = deposit(SHIQIAO, "E", (25, 20000, 0), "2025-06-06")
        ledger.reverse(wrong.entry_id, "录入错误", "2025-06-07")                                   # reversed: nothing
        ledger.commit(SHIQIAO, "K1", "承诺项目", Amounts(35, 0, 0), "2026-09-30", "2025-10-01", **LINKS)  # due N+1
        ledger.commit(SHIQIAO, "K2", "承诺项目", Amounts(5, 0, 0), "2027-01-10", "2025-10-01", **LINKS)   # due N+2
        ledger.write_off(SHIQIAO, "W3", "2026 年占用", Amounts(20, 10000, 5), "2026-11-01", **LINKS)
        # 进出平衡 of 石桥 in 2025: orchard plots of project IO-1 back to 耕地 (10 亩), 4 亩 of dry land to
        # orchard, 3 亩 lost to a flood (exempt); 99 亩 came in in 2024 (not year N)
        ledger.record_in(SHIQIAO, "IO-1", "园地复耕", Amounts(10, 6000, 0), "2025-09-01", ["IO-1-01", "IO-1-02"],
                         classes=("0201", "0103"))
        ledger.record_out(SHIQIAO, Amounts(4, 2400, 0), "2025-04-01", "0103", "0201")
        ledger.record_out(SHIQIAO, Amounts(3, 1800, 0), "2025-07-01", "0103", "1104", exemption="disaster")
        ledger.record_in(SHIQIAO, "IO-0", "2024 复耕", Amounts(99, 1, 0), "2024-09-01", classes=("0301", "0103"))
        deposit(NEIGHBOUR, "N", (500, 1, 0), "2025-04-01")              # another province
    finally:
        ledger.close()
    return path


def _balance(path, **extra):
    ledger = open_ledger(path, create=False)
    try:
        return from_ledger(ledger, "32", 2025, **extra)
    finally:
        ledger.close()


def test_two_counties_by_hand(ledger_path):
    balance = _balance(ledger_path)
    yunxi, shiqiao = balance.counties
    assert (yunxi.county_code, yunxi.county_name, shiqiao.county_name) == (YUNXI, "云溪县", "石桥县")
    # 云溪: A 100 亩 counts (confirmed), B 50 亩 waits for its survey, C is 2024; W1 60 亩 is the occupation of 2026
    assert yunxi.deposited == Amounts(100, 80000, 20) and yunxi.pending.area_mu == 50
    assert yunxi.pending_projects == ["B"]
    assert yunxi.net_increase_mu == 100 and yunxi.occupation_next == Amounts(60, 40000, 10)
    assert yunxi.margin_mu == 40
    # 石桥: D 40 亩 (E reversed), 进出平衡 of the ledger: in 10 − out 4 (the flood's 3 exempt) → 46;
    # W3 20 + commitment K1 35 (K2 is due 2027) → 55
    assert shiqiao.deposited == Amounts(40, 30000, 5) and (shiqiao.in_mu, shiqiao.out_mu) == (10, 4)
    assert shiqiao.net_increase_mu == 46
    assert (shiqiao.written_off_next.area_mu, shiqiao.committed_next.area_mu) == (20, 35)
    assert shiqiao.margin_mu == -9
    # the province: 146 亩 net increase against 115 亩 of occupation in 2026
    total = balance.total
    assert (total.county_code, total.county_name) == ("320000", "示范省")
    assert total.net_increase_mu == 146 and total.occupation_next.area_mu == 115 and total.margin_mu == 31
    assert balance.balanced and balance.allowed_occupation_mu == 146
    # 40 亩 more planned in 云溪 for 2026 (not in the ledger yet) tips it over
    planned = _balance(ledger_path, planned=[PlannedOccupation(YUNXI, 2026, Amounts(40, 0, 0), "规划占用")])
    assert planned.total.margin_mu == -9 and not planned.balanced
    # once B is confirmed by the change survey, it counts as well
    ledger = open_ledger(ledger_path)
    ledger.confirm_deposit(ledger.deposit_of("B").entry_id, 2026, 0.96, "2026-12-01")
    ledger.close()
    assert _balance(ledger_path).total.net_increase_mu == 196
    # the parts, read through the ledger's public API, are what the plain-data computation takes
    ledger = open_ledger(ledger_path, create=False)
    movements, names = ledger_inputs(ledger, "32", 2025)
    ledger.close()
    assert province_year_balance("32", 2025, movements, names).total.deposited.area_mu == 190


def test_bad_province_or_rule_is_refused():
    with pytest.raises(ValueError, match="not 2 digits"):
        province_year_balance("3", 2025, [])
    with pytest.raises(ValueError, match="cap rule 'other' is not known"):
        province_year_balance("32", 2025, [], cap_rule="other")


def _project_database(tmp_path):
    """L is a national_2024 project (by its date) without a confirmed change survey in the database."""
    path = str(tmp_path / "projects.gpkg")
    project_db.create_project_database(path, "EPSG:4527")
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO projects (project_code, implemented_on, status) VALUES "
                           "('C', '2024-03-01', 'accepted'), ('L', '2025-02-01', 'deposited')")
    connection.close()
    dataset = ogr.Open(path, 1)      # through OGR: the plots' R-tree triggers need GDAL's functions
    plots = dataset.GetLayerByName("plots")
    plot = ogr.Feature(plots.GetLayerDefn())
    plot.SetField("project_code", "L")
    plot.SetField("plot_code", "L-001")
    plots.CreateFeature(plot)
    dataset = None
    return path


def test_processing_algorithm_writes_the_table(processing_ready, ledger_path, tmp_path):
    # L was deposited the way main did before the ledger kept confirmations (no waiting flag): only the
    # project database knows it still waits
    ledger = open_ledger(ledger_path)
    ledger.deposit(DepositRequest(SHIQIAO, "L", "项目 L", Amounts(8, 6000, 0), "2025-07-01",
                                  rule_profile="national_2017"))
    ledger.close()
    database = _project_database(tmp_path)
    plain = processing.run("doubleguarantee:provinceyearbalance", {
        "LEDGER": ledger_path, "PROVINCE": "32", "YEAR": 2025, "OUTPUT": "memory:"})
    assert plain["MARGIN_MU"] == 39                                           # L's 8 亩 counted
    result = processing.run("doubleguarantee:provinceyearbalance", {
        "LEDGER": ledger_path, "PROVINCE": "32", "YEAR": 2025, "PROJECT_DATABASE": database, "OUTPUT": "memory:"})
    rows = {f["county_code"]: f for f in result["OUTPUT"].getFeatures()}
    assert set(rows) == {YUNXI, SHIQIAO, "320000"}
    assert rows[YUNXI]["deposited_area_mu"] == 100 and rows[YUNXI]["pending_area_mu"] == 50
    assert rows[YUNXI]["pending_projects"] == "B" and rows[YUNXI]["occupation_next_mu"] == 60
    assert rows[SHIQIAO]["pending_projects"] == "L" and rows[SHIQIAO]["pending_area_mu"] == 8
    assert (rows[SHIQIAO]["in_out_in_mu"], rows[SHIQIAO]["in_out_out_mu"]) == (10, 4)
    assert rows[SHIQIAO]["net_increase_mu"] == 46 and rows[SHIQIAO]["occupation_next_mu"] == 55
    province = rows["320000"]
    assert province["row"] == "province" and province["net_increase_mu"] == 146
    assert province["occupation_next_mu"] == 115 and province["margin_mu"] == 31 and province["balanced"]
    assert result["BALANCED"] is True and result["MARGIN_MU"] == 31
    # a bad province code is refused before anything runs
    with pytest.raises(Exception, match="not 2 digits"):
        processing.run("doubleguarantee:provinceyearbalance", {"LEDGER": ledger_path, "PROVINCE": "320",
                                                               "YEAR": 2025, "OUTPUT": "memory:"})
