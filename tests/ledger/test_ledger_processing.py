# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:ledgerreport`` and ``doubleguarantee:ledgerwriteoff`` run through processing.run on both backends."""
import csv

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, open_ledger


@pytest.fixture
def filled(ledger_target):
    ledger = open_ledger(ledger_target)
    ledger.deposit(DepositRequest("320999", "DG2023-01", "东湖村", Amounts(60, 48000, 25), "2023-03-01"))
    ledger.deposit(DepositRequest("320981", "YX-1", "云溪", Amounts(300, 300000, 50), "2023-03-01"))
    ledger.close()
    return ledger_target


def test_writeoff_algorithm_computes_capacity_fee_and_applies_once(processing_ready, filled):
    from qgis import processing
    parameters = {"LEDGER": filled, "COUNTY": "320999", "PROJECT_CODE": "JS-2024-01", "PROJECT_NAME": "园区道路",
                  "AREA_MU": 20, "CLASS_CODE": "0101", "GRADE": 7, "DATE": "2024-05-01",
                  "IDEMPOTENCY_KEY": "js-2024-01"}
    result = processing.run("doubleguarantee:ledgerwriteoff", parameters)
    assert result["APPLIED"] and result["FEE_YUAN"] == pytest.approx(20 * 34000)
    assert (result["AREA_MU_AFTER"], result["CAPACITY_KG_AFTER"], result["PADDY_MU_AFTER"]) == (40, 48000 - 18000, 5)
    again = processing.run("doubleguarantee:ledgerwriteoff", parameters)
    assert not again["APPLIED"] and again["ENTRY_ID"] == result["ENTRY_ID"]
    with pytest.raises(QgsProcessingException, match="320981"):   # shortfall names the possible seller
        processing.run("doubleguarantee:ledgerwriteoff", dict(parameters, AREA_MU=100, CLASS_CODE="0103", IDEMPOTENCY_KEY="js-2"))
    with pytest.raises(QgsProcessingException, match="CAPACITY_KG"):
        processing.run("doubleguarantee:ledgerwriteoff", dict(parameters, CLASS_CODE="", IDEMPOTENCY_KEY="js-3"))
    ledger = open_ledger(filled)
    assert ledger.balance("320999").amounts == Amounts(40, 30000, 5) and len(ledger.journal()) == 3
    ledger.close()


def test_report_algorithm_writes_balances_and_journal(processing_ready, filled, tmp_path):
    from qgis import processing
    output = str(tmp_path / "ledger_report.csv")
    result = processing.run("doubleguarantee:ledgerreport", {"LEDGER": filled, "OUTPUT": output})
    assert (result["BALANCE_COUNT"], result["ENTRY_COUNT"], result["VERIFIED"]) == (2, 2, True)
    with open(output, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["record"] for r in rows] == ["verification", "balance", "balance", "journal", "journal"]
    assert rows[0]["note"].startswith("verified") and rows[0]["entry_id"] == "2"
    demo = [r for r in rows if r["record"] == "balance" and r["county_code"] == "320999"][0]
    assert float(demo["area_mu"]) == 60 and float(demo["area_ha"]) == pytest.approx(4.0)
    assert float(demo["capacity_wan_kg"]) == pytest.approx(4.8) and demo["county_name"] == "示范县"
    one = processing.run("doubleguarantee:ledgerreport", {"LEDGER": filled, "COUNTY": "320981",
                                                          "OUTPUT": "memory:"})
    layer = one["OUTPUT"] if isinstance(one["OUTPUT"], QgsVectorLayer) else None
    assert one["ENTRY_COUNT"] == 1 and one["BALANCE_COUNT"] == 1
    if layer is not None:
        assert layer.featureCount() == 3            # the verification row, the balance, the entry


def test_report_on_a_missing_ledger_is_a_clear_error(processing_ready, tmp_path):
    from qgis import processing
    missing = str(tmp_path / "nowhere_ledger.gpkg")
    with pytest.raises(QgsProcessingException, match="nowhere_ledger.gpkg"):
        processing.run("doubleguarantee:ledgerreport", {"LEDGER": missing, "OUTPUT": "memory:"})
