"""Build ``ledger_schema_3.gpkg``: a GeoPackage ledger written by main at 639a448 (ledger schema 3, issue 14).

Run once at main's commit 639a448 (the last commit before ledger schema 4), with that commit's code:
``.venv/bin/python tests/ledger/data/make_schema3_ledger.py``.  The file is committed as a test
fixture so that the schema-4 migration test opens a ledger really written by that code, not one
rebuilt by today's.  Every kind of entry of schema 3 is in it, and the 2025 entries main allowed:
a national_2024 project deposited at its 入库 step (no confirmation recorded, as main could not) and
write-offs dated 2025 without 电子监管号 or 案卷编号.
"""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from double_guarantee_plugin.core import tables  # noqa: E402
from double_guarantee_plugin.core.credits import ProjectCredit  # noqa: E402
from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, open_ledger  # noqa: E402

TARGET = Path(__file__).resolve().parent / "ledger_schema_3.gpkg"


def main():
    for path in (TARGET, Path(f"{TARGET}-wal"), Path(f"{TARGET}-shm")):
        if path.exists():
            os.remove(path)
    ledger = open_ledger(str(TARGET))
    ledger.deposit(DepositRequest("320999", "DG2023-01", "东湖村土地整治项目", Amounts(60.1234, 48000.5, 25),
                                  "2023-03-01", "土地整治 / 县级财政"))
    ledger.deposit(DepositRequest("320983", "QW-1", "青湾", Amounts(300, 300000, 50), "2023-03-02"))
    ledger.deposit(DepositRequest("320999", "JS-9", "省投资项目", Amounts(70.5, 56400, 10), "2023-04-01",
                                  "jiangsu_2014: 80% to the province reserve 320000",
                                  province_amounts=Amounts(56.4, 45120, 8)))
    # a 2025 project under national_2024, deposited at 入库 as main did it (no confirmation kept)
    ledger.deposit_project({"project_code": "DG2025-01", "project_name": "西岗村新增耕地项目",
                            "county_code": "320999", "project_type": "land_consolidation",
                            "funding_source": "county", "implemented_on": "2025-02-01", "status": "deposited",
                            "accepted_on": "2025-09-01"},
                           ProjectCredit("DG2025-01", credit_area_mu=20.5, credit_capacity_kg=18000,
                                         credit_paddy_mu=0), tables.load_rule_profile("national_2024"))
    ledger.write_off("320999", "JS-W1", "建设项目一", Amounts(10, 8000, 2), "2023-05-01", note="class 0101 grade 7")
    ledger.transfer("320983", "320999", Amounts(40, 20000, 10), 40000, "capped", "2023-06-01", note="调剂")
    ledger.commit("320999", "CM-1", "承诺项目", Amounts(5, 4000, 0), "2023-08-01", "2023-07-01")
    ledger.commit("320983", "CM-2", "未到期承诺", Amounts(3, 3000, 0), "2027-01-01", "2023-07-02")
    ledger.process_due_commitments("2023-08-02")
    wrong = ledger.write_off("320983", "JS-W2", "录入错误", Amounts(1.5, 1000, 0), "2023-09-01")
    ledger.reverse(wrong.entry.entry_id, "录入错误，冲正", "2023-09-02")
    ledger.write_off("320999", "JS2025-W3", "2025 年建设项目", Amounts(12, 9000, 1), "2025-10-01")
    ledger.propose("writeoff", "320999", "JS-P1", '{"area_mu": 1}')
    report = ledger.verify()
    assert report["ok"] and report["chain"] == "verified", report
    ledger.close()
    print(TARGET, TARGET.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
