# SPDX-License-Identifier: GPL-2.0-or-later
"""A separate writer process for the ledger reliability tests and the benchmark (plain Python, no QGIS).

``python ledger_worker.py random TARGET WORKER_ID OPS SEED OUT.json``: OPS random operations
(deposits, write-offs, transfers, commitments, due processing, reversals, and retries of earlier
operations with the same idempotency key); writes what each returned to OUT.json.
``python ledger_worker.py hang TARGET KEY FLAG``: starts a write-off and stops in the middle of its
transaction (after the journal insert, before the movement), touching FLAG, to be SIGKILLed.
``python ledger_worker.py writeoffs TARGET WORKER_ID OPS OUT.json``: write-offs only (benchmark load).
``python ledger_worker.py raw TARGET WORKER_ID OPS OUT.json``: plain committed INSERTs (benchmark baseline).
"""
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from double_guarantee_plugin.core.ledger import (Amounts, DepositRequest, LedgerError, ShortfallError,  # noqa: E402
                                                 open_ledger)

PROVINCE_COUNTIES = ["320981", "320982", "320983", "320984", "320999"]


def _amounts(rng, scale):
    area = round(rng.uniform(0.5, scale), 4)
    return Amounts(area, round(area * rng.choice([300, 700, 1000, 1300]), 4), round(area * rng.random(), 4))


def random_operations(target, worker_id, count, seed, out_path):
    rng = random.Random(seed)
    ledger = open_ledger(target)
    done = []          # (key, callable) of applied operations, for retries
    records = []
    own_entries = []
    for index in range(count):
        roll = rng.random()
        county = rng.choice(PROVINCE_COUNTIES)
        key = f"w{worker_id}-{index}"
        if done and roll < 0.12:
            key, operation, kind = rng.choice(done)
            retry = True
        else:
            retry = False
            if roll < 0.40:
                kind = "deposit"
                request = DepositRequest(county, f"W{worker_id}-P{index}", "stress deposit", _amounts(rng, 60),
                                         "2024-01-01")
                operation = (lambda r=request, k=key: ledger.deposit(r, k))
            elif roll < 0.70:
                kind = "writeoff"
                amounts = _amounts(rng, 30)
                operation = (lambda c=county, a=amounts, k=key: ledger.write_off(c, f"C{k}", "stress", a,
                                                                                 "2024-06-01", k))
            elif roll < 0.82:
                kind = "transfer"
                buyer = rng.choice([c for c in PROVINCE_COUNTIES if c != county])
                amounts = _amounts(rng, 20)
                operation = (lambda s=county, b=buyer, a=amounts, k=key: ledger.transfer(
                    s, b, a, 40000, "bid", "2024-07-01", k))
            elif roll < 0.90:
                kind = "commitment"
                amounts = _amounts(rng, 10)
                operation = (lambda c=county, a=amounts, k=key: ledger.commit(c, f"K{k}", "stress", a,
                                                                              "2024-08-01", "2024-05-01", k))
            elif roll < 0.94:
                kind = "process_due"
                operation = None
            else:
                kind = "reversal"
                if not own_entries:
                    continue
                target_id = rng.choice(own_entries)
                operation = (lambda e=target_id, k=key: ledger.reverse(e, "stress correction", "2024-09-01", k))
        record = {"key": key, "kind": kind, "retry": retry}
        if kind == "process_due":
            outcomes = ledger.process_due_commitments("2024-12-31")
            record["processed"] = [[c.entry_id, (r.entry.entry_id, r.applied) if not isinstance(r, LedgerError)
                                    else type(r).__name__] for c, r in outcomes]
            records.append(record)
            continue
        try:
            result = operation()
            record.update(applied=result.applied, entry_id=result.entry.entry_id)
            if result.applied:
                done.append((key, operation, kind))
                if kind != "reversal":
                    own_entries.append(result.entry.entry_id)
        except ShortfallError as exc:
            record.update(refused="shortfall", shortfall=exc.shortfall.as_dict())
        except LedgerError as exc:
            record.update(refused=type(exc).__name__, message=str(exc))
        records.append(record)
    ledger.close()
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump(records, handle)


def hang_in_write_off(target, key, flag_path):
    ledger = open_ledger(target)

    def stop_here(entry_id):
        Path(flag_path).write_text(str(entry_id))
        time.sleep(120)  # the test kills us here, inside the transaction
    ledger.mid_write_hook = stop_here
    ledger.write_off("320999", "KILLED-1", "killed mid-way", Amounts(10, 10000, 2), "2024-06-01", key)


def write_offs(target, worker_id, count, out_path):
    """The benchmark load: each worker writes off small amounts from the demo county."""
    ledger = open_ledger(target)
    started = time.perf_counter()
    applied = refused = 0
    for index in range(count):
        try:
            ledger.write_off(PROVINCE_COUNTIES[index % len(PROVINCE_COUNTIES)], f"B{worker_id}-{index}", "bench",
                             Amounts(0.1, 80, 0.01), "2024-06-01", f"bench-{worker_id}-{index}")
            applied += 1
        except ShortfallError:
            refused += 1
    seconds = time.perf_counter() - started
    ledger.close()
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump({"applied": applied, "refused": refused, "seconds": seconds}, handle)


def raw_inserts(target, worker_id, count, out_path):
    """Baseline for the benchmark: one committed INSERT per operation into a plain table, no rules."""
    started = time.perf_counter()
    if target.startswith("postgresql://"):
        import psycopg2
        connection = psycopg2.connect(target)
        connection.autocommit = True
        cursor = connection.cursor()
        for index in range(count):
            cursor.execute("INSERT INTO bench_raw (county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4, key) "
                           "VALUES (%s, %s, %s, %s, %s)", ("320999", 1000, 800000, 100, f"{worker_id}-{index}"))
    else:
        import sqlite3
        connection = sqlite3.connect(target, timeout=60, isolation_level=None)
        for index in range(count):
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO bench_raw (county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4, key) "
                               "VALUES (?, ?, ?, ?, ?)", ("320999", 1000, 800000, 100, f"{worker_id}-{index}"))
            connection.execute("COMMIT")
    seconds = time.perf_counter() - started
    connection.close()
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump({"applied": count, "refused": 0, "seconds": seconds}, handle)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "random":
        random_operations(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6])
    elif mode == "hang":
        hang_in_write_off(sys.argv[2], sys.argv[3], sys.argv[4])
    elif mode == "raw":
        raw_inserts(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    elif mode == "writeoffs":
        write_offs(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    else:
        raise SystemExit(f"unknown mode {mode}")
    os._exit(0)
