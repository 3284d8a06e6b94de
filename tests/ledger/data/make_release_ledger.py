"""Build ``ledger_release_0_2_0.gpkg``: a GeoPackage ledger written by release 0.2.0 (schema 2).

Run once at main's commit be7162e (the last commit before the hash chain), with that commit's code:
``.venv/bin/python tests/ledger/data/make_release_ledger.py``.  The file is committed as a test
fixture so that the migration test opens a ledger really written by the release, not one rebuilt
by today's code.  Every kind of entry is in it: deposits (one split with the province reserve),
write-offs, a transfer, commitments (one processed when due), reversals, a proposal.
"""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, open_ledger  # noqa: E402

TARGET = Path(__file__).resolve().parent / "ledger_release_0_2_0.gpkg"


def main():
    if TARGET.exists():
        os.remove(TARGET)
    ledger = open_ledger(str(TARGET))
    ledger.deposit(DepositRequest("320999", "DG2023-01", "东湖村土地整治项目", Amounts(60.1234, 48000.5, 25),
                                  "2023-03-01", "土地整治 / 县级财政"))
    ledger.deposit(DepositRequest("320983", "QW-1", "青湾", Amounts(300, 300000, 50), "2023-03-02"))
    ledger.deposit(DepositRequest("320999", "JS-9", "省投资项目", Amounts(70.5, 56400, 10), "2023-04-01",
                                  "jiangsu_2014: 80% to the province reserve 320000",
                                  province_amounts=Amounts(56.4, 45120, 8)))
    ledger.deposit(DepositRequest("340999", "LS-1", "邻省", Amounts(900, 900000, 500), "2023-04-02"))
    ledger.write_off("320999", "JS-W1", "建设项目一", Amounts(10, 8000, 2), "2023-05-01", note="class 0101 grade 7")
    ledger.transfer("320983", "320999", Amounts(40, 20000, 10), 40000, "capped", "2023-06-01", note="调剂")
    ledger.commit("320999", "CM-1", "承诺项目", Amounts(5, 4000, 0), "2023-08-01", "2023-07-01")
    ledger.commit("320983", "CM-2", "未到期承诺", Amounts(3, 3000, 0), "2027-01-01", "2023-07-02")
    ledger.process_due_commitments("2023-08-02")
    wrong = ledger.write_off("320983", "JS-W2", "录入错误", Amounts(1.5, 1000, 0), "2023-09-01")
    ledger.reverse(wrong.entry.entry_id, "录入错误，冲正", "2023-09-02")
    ledger.propose("writeoff", "320999", "JS-P1", '{"area_mu": 1}')
    assert ledger.verify()["ok"], ledger.verify()
    ledger.close()
    print(TARGET, TARGET.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
