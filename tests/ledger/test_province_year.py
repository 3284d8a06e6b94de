# SPDX-License-Identifier: GPL-2.0-or-later
"""The province-year view (以补定占) for two counties of province 32, hand-worked, from a real ledger on
both backends read through its public API, as a core computation and as
``doubleguarantee:provinceyearbalance``."""
import sqlite3

import pytest
from osgeo import ogr

from qgis import processing
from double_guarantee_plugin.core import project_db
from double_guarantee_plugin.core.change_survey import PlotConfirmation
from double_guarantee_plugin.core.workflow import GeoPackageWorkflowStore
from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, open_ledger
from double_guarantee_plugin.core.province_year import (InOutYear, PlannedOccupation, ledger_inputs,
                                                        province_year_balance)

YUNXI, SHIQIAO, NEIGHBOUR = "320981", "320982", "340999"


@pytest.fixture
def ledger_path(ledger_target):
    """Deposits, write-offs, a reversal and commitments around year N = 2025 (amounts: 亩, kg, 亩)."""
    path = ledger_target
    ledger = open_ledger(path)
    try:
        def deposit(county, code, amounts, on):
            return ledger.deposit(DepositRequest(county, code, f"项目 {code}", Amounts(*amounts), on)).entry
        deposit(YUNXI, "A", (100, 80000, 20), "2025-03-01")          # counts for 2025
        deposit(YUNXI, "B", (50, 40000, 0), "2025-08-01")            # 2025, but waits for its change survey
        deposit(YUNXI, "C", (999, 800000, 0), "2024-12-31")          # 2024: not year N
        ledger.write_off(YUNXI, "W2", "2025 年占用", Amounts(30, 20000, 0), "2025-06-01")    # year N: not N+1
        ledger.write_off(YUNXI, "W1", "2026 年占用", Amounts(60, 40000, 10), "2026-02-01")   # N+1
        deposit(SHIQIAO, "D", (40, 30000, 5), "2025-05-05")
        wrong = deposit(SHIQIAO, "E", (25, 20000, 0), "2025-06-06")
        ledger.reverse(wrong.entry_id, "录入错误", "2025-06-07")                              # reversed: nothing
        ledger.commit(SHIQIAO, "K1", "承诺项目", Amounts(35, 0, 0), "2026-09-30", "2025-10-01")  # due in N+1
        ledger.commit(SHIQIAO, "K2", "承诺项目", Amounts(5, 0, 0), "2027-01-10", "2025-10-01")   # due in N+2
        ledger.write_off(SHIQIAO, "W3", "2026 年占用", Amounts(20, 10000, 5), "2026-11-01")
        deposit(NEIGHBOUR, "N", (500, 1, 0), "2025-04-01")           # another province
    finally:
        ledger.close()
    return path


def _balance(path, **extra):
    ledger = open_ledger(path, create=False)
    try:
        movements, names = ledger_inputs(ledger, "32", 2025)
    finally:
        ledger.close()
    return province_year_balance("32", 2025, movements, names, **extra)


def test_two_counties_by_hand(ledger_path):
    balance = _balance(ledger_path, pending_projects={"B"}, in_out=[InOutYear(SHIQIAO, 2025, 10, 4),
                                                                    InOutYear(SHIQIAO, 2024, 99, 0)])
    yunxi, shiqiao = balance.counties
    assert (yunxi.county_code, yunxi.county_name, shiqiao.county_name) == (YUNXI, "云溪县", "石桥县")
    # 云溪: A 100 亩 counts, B 50 亩 waits for its survey, C is 2024; W1 60 亩 is the occupation of 2026
    assert yunxi.deposited == Amounts(100, 80000, 20) and yunxi.pending.area_mu == 50
    assert yunxi.pending_projects == ["B"]
    assert yunxi.net_increase_mu == 100 and yunxi.occupation_next == Amounts(60, 40000, 10)
    assert yunxi.margin_mu == 40
    # 石桥: D 40 亩 (E reversed), in 10 − out 4 → 46; W3 20 + commitment K1 35 (K2 is due 2027) → 55
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
    planned = _balance(ledger_path, pending_projects={"B"}, in_out=[InOutYear(SHIQIAO, 2025, 10, 4)],
                       planned=[PlannedOccupation(YUNXI, 2026, Amounts(40, 0, 0), "规划占用")])
    assert planned.total.margin_mu == -9 and not planned.balanced
    # without the change-survey rule B counts as well
    assert _balance(ledger_path).total.net_increase_mu == 190


def test_bad_province_or_rule_is_refused():
    with pytest.raises(ValueError, match="not 2 digits"):
        province_year_balance("3", 2025, [])
    with pytest.raises(ValueError, match="cap rule 'other' is not known"):
        province_year_balance("32", 2025, [], cap_rule="other")


def _project_database(tmp_path):
    """B is a national_2024 project without a confirmed change survey; A a 2024 (national_2017) one."""
    path = str(tmp_path / "projects.gpkg")
    project_db.create_project_database(path, "EPSG:4527")
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO projects (project_code, implemented_on, status) VALUES "
                           "('A', '2024-03-01', 'accepted'), ('B', '2025-02-01', 'deposited')")
    connection.close()
    dataset = ogr.Open(path, 1)      # through OGR: the plots' R-tree triggers need GDAL's functions
    plots = dataset.GetLayerByName("plots")
    plot = ogr.Feature(plots.GetLayerDefn())
    plot.SetField("project_code", "B")
    plot.SetField("plot_code", "B-001")
    plots.CreateFeature(plot)
    dataset = None
    return path


def test_processing_algorithm_writes_the_table(processing_ready, ledger_path, tmp_path):
    database = _project_database(tmp_path)
    result = processing.run("doubleguarantee:provinceyearbalance", {
        "LEDGER": ledger_path, "PROVINCE": "32", "YEAR": 2025, "PROJECT_DATABASE": database, "OUTPUT": "memory:"})
    rows = {f["county_code"]: f for f in result["OUTPUT"].getFeatures()}
    assert set(rows) == {YUNXI, SHIQIAO, "320000"}
    assert rows[YUNXI]["deposited_area_mu"] == 100 and rows[YUNXI]["pending_area_mu"] == 50
    assert rows[YUNXI]["pending_projects"] == "B" and rows[YUNXI]["occupation_next_mu"] == 60
    assert rows[SHIQIAO]["net_increase_mu"] == 40 and rows[SHIQIAO]["occupation_next_mu"] == 55   # no in-out yet
    province = rows["320000"]
    assert province["row"] == "province" and province["net_increase_mu"] == 140
    assert province["occupation_next_mu"] == 115 and province["margin_mu"] == 25 and province["balanced"]
    assert result["BALANCED"] is True and result["MARGIN_MU"] == 25
    # once B's plot is confirmed by the change survey, its deposit counts
    GeoPackageWorkflowStore(database).record_checks([PlotConfirmation("B", "B-001", "DLTB 2026", 2026, 2025, 0.97,
                                                                      0.95, True)], "赵核实")
    again = processing.run("doubleguarantee:provinceyearbalance", {
        "LEDGER": ledger_path, "PROVINCE": "32", "YEAR": 2025, "PROJECT_DATABASE": database, "OUTPUT": "memory:"})
    assert again["MARGIN_MU"] == 75
    # a bad province code is refused before anything runs
    with pytest.raises(Exception, match="not 2 digits"):
        processing.run("doubleguarantee:provinceyearbalance", {"LEDGER": ledger_path, "PROVINCE": "320",
                                                               "YEAR": 2025, "OUTPUT": "memory:"})
