# SPDX-License-Identifier: GPL-2.0-or-later
"""Reliability of the ledger under real concurrent processes and a writer killed mid-transaction, on both backends."""
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, open_ledger

WORKER = str(Path(__file__).resolve().parent / "ledger_worker.py")
PROCESSES = 8
OPERATIONS = 500


def _start(args):
    return subprocess.Popen([sys.executable, WORKER, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_eight_processes_times_500_random_operations(ledger_target, tmp_path):
    seed_ledger = open_ledger(ledger_target)   # create the schema once, as the first user would
    seed_ledger.close()
    outputs = [tmp_path / f"worker{i}.json" for i in range(PROCESSES)]
    started = time.perf_counter()
    workers = [_start(["random", ledger_target, i, OPERATIONS, 1000 + i, outputs[i]]) for i in range(PROCESSES)]
    for worker in workers:
        _out, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err[-3000:]
    seconds = time.perf_counter() - started
    records = [record for path in outputs for record in json.loads(path.read_text())]
    assert len(records) > PROCESSES * OPERATIONS * 0.9

    ledger = open_ledger(ledger_target)
    report = ledger.verify()       # balance = Σ journal, replay never below zero, movements match
    assert report["ok"], report["problems"][:10]
    journal = ledger.journal()
    by_key = {entry.idempotency_key: entry for entry in journal}
    assert len(by_key) == len(journal)

    applied = {r["key"]: r["entry_id"] for r in records if r.get("applied") is True}
    retries = [r for r in records if r["retry"] and "entry_id" in r]
    processed = [pair for r in records if r["kind"] == "process_due" for pair in r["processed"]]
    due_applied = {entry_id for _c, outcome in processed if isinstance(outcome, list) and outcome[1]
                   for entry_id in [outcome[0]]}
    # no journal entry lost: everything a worker was told was applied is there, under its key and id
    for key, entry_id in applied.items():
        assert by_key[key].entry_id == entry_id
    # nothing else appeared: the journal is exactly the applied operations plus the due write-offs
    assert len(journal) == len(applied) + len(due_applied)
    # a retry with the same key was applied once: it got the first entry back, applied=False
    assert retries and all(r["applied"] is False and r["entry_id"] == by_key[r["key"]].entry_id for r in retries)
    # every commitment written off at most once, and each due write-off refers to a commitment
    commitment_writeoffs = Counter(e.commitment_entry_id for e in journal if e.commitment_entry_id)
    assert commitment_writeoffs and max(commitment_writeoffs.values()) == 1
    kinds = Counter(e.kind for e in journal)
    refusals = Counter(r.get("refused") for r in records if r.get("refused"))
    assert kinds["deposit"] and kinds["writeoff"] and kinds["transfer"] and kinds["reversal"]
    assert refusals["shortfall"] > 0          # the load really pushed balances to their limits
    for balance in ledger.balances().values():
        assert not balance.any_negative()
    ledger.close()
    print(f"\n{ledger_target.split('/')[-1]}: {len(records)} operations in {seconds:.1f} s, journal "
          f"{len(journal)} entries {dict(kinds)}, refusals {dict(refusals)}, retries {len(retries)}")


def _wait_for(path, process, seconds=60):
    deadline = time.time() + seconds
    while not os.path.exists(path):
        if process.poll() is not None:
            raise AssertionError(f"worker ended early: {process.stderr.read()[-3000:]}")
        if time.time() > deadline:
            raise AssertionError("worker never reached the middle of its write-off")
        time.sleep(0.02)


def test_writer_killed_mid_write_off_leaves_nothing_half_done(ledger_target, tmp_path):
    ledger = open_ledger(ledger_target)
    ledger.deposit(DepositRequest("320999", "P1", "deposit", Amounts(50, 40000, 5), "2024-01-01"))
    flag = tmp_path / "in_the_middle"
    worker = _start(["hang", ledger_target, "killed-key", flag])
    _wait_for(flag, worker)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL
    # the killed transaction is absent: no entry, no movement, balance untouched
    assert ledger.entry_by_key("killed-key") is None
    assert ledger.balance("320999").amounts == Amounts(50, 40000, 5)
    assert ledger.verify()["ok"] and len(ledger.journal()) == 1
    # the lock it held is gone: the same operation retried now goes through exactly once
    result = ledger.write_off("320999", "KILLED-1", "retried", Amounts(10, 10000, 2), "2024-06-01", "killed-key")
    again = ledger.write_off("320999", "KILLED-1", "retried", Amounts(10, 10000, 2), "2024-06-01", "killed-key")
    assert result.applied and not again.applied
    assert ledger.balance("320999").amounts == Amounts(40, 30000, 3)
    ledger.close()


def test_writers_killed_at_random_moments_leave_whole_operations(ledger_target, tmp_path):
    """Kill write-off loops at arbitrary times: each write-off is entirely there or entirely absent."""
    ledger = open_ledger(ledger_target)
    for county in ("320981", "320982", "320983", "320984", "320999"):
        ledger.deposit(DepositRequest(county, f"P{county}", "deposit", Amounts(1000, 800000, 100), "2024-01-01"))
    for round_number in range(3):
        out = tmp_path / f"bench{round_number}.json"
        workers = [_start(["writeoffs", ledger_target, f"{round_number}{i}", 100000, out]) for i in range(2)]
        time.sleep(1.0 + 0.37 * round_number)
        for worker in workers:
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=30)
    report = ledger.verify()
    assert report["ok"], report["problems"][:5]
    writeoffs = ledger.journal(kind="writeoff")
    assert writeoffs, "the writers were killed before writing anything: the test proved nothing"
    total = sum(e.amounts.area_mu for e in writeoffs if e.county_code == "320999")
    assert ledger.balance("320999").area_mu == pytest.approx(1000 - total)
    ledger.close()
