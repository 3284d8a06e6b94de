# SPDX-License-Identifier: GPL-2.0-or-later
"""Reserve-ledger throughput: write-offs per second with 8 concurrent writer processes, on each backend.

There is no QGIS native algorithm for a ledger, so the reference measured in the same run is the
storage's own floor: 8 processes each committing plain INSERTs into an unconstrained table of the
same database (one transaction per row).  The ratio says what the ledger's rules cost on top
(locks, idempotency lookup, balance check, journal trigger, balance CHECKs).
"""
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, ROOT / "scripts"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

WORKER = ROOT / "tests" / "ledger" / "ledger_worker.py"
WRITERS = 8
WRITE_OFFS_PER_WRITER = 250
COUNTIES = ["320981", "320982", "320983", "320984", "320999"]


def _run_writers(mode, target, folder):
    outputs = [Path(folder) / f"{mode}{i}.json" for i in range(WRITERS)]
    started = time.perf_counter()
    workers = [subprocess.Popen([sys.executable, str(WORKER), mode, target, str(i), str(WRITE_OFFS_PER_WRITER),
                                 str(outputs[i])], stderr=subprocess.PIPE, text=True) for i in range(WRITERS)]
    for worker in workers:
        _out, err = worker.communicate(timeout=900)
        if worker.returncode != 0:
            raise RuntimeError(f"{mode} worker failed: {err[-2000:]}")
    seconds = time.perf_counter() - started
    results = [json.loads(path.read_text()) for path in outputs]
    return sum(r["applied"] for r in results), sum(r["refused"] for r in results), seconds


def _fill(ledger):
    from double_guarantee_plugin.core.ledger import Amounts, DepositRequest
    for county in COUNTIES:
        ledger.deposit(DepositRequest(county, f"BENCH-{county}", "bench", Amounts(100000, 1e8, 10000), "2024-01-01"))


def _measure(label, target, folder, raw_target, prepare_raw):
    from double_guarantee_plugin.core.ledger import open_ledger
    ledger = open_ledger(target)
    _fill(ledger)
    applied, refused, seconds = _run_writers("writeoffs", target, folder)
    report = ledger.verify()
    ledger.close()
    prepare_raw()
    raw_applied, _raw_refused, raw_seconds = _run_writers("raw", raw_target, folder)
    rate, raw_rate = applied / seconds, raw_applied / raw_seconds
    print(f"{label}: {WRITERS} writers × {WRITE_OFFS_PER_WRITER} write-offs: {applied} applied, {refused} refused "
          f"in {seconds:.2f} s = {rate:.0f} write-offs/s (verified: {report['ok']})")
    print(f"{label}: baseline plain INSERTs, same backend, {WRITERS} writers: {raw_rate:.0f} rows/s; "
          f"ledger/baseline = {rate / raw_rate:.2f}")
    return rate, raw_rate


def main():
    import pg_cluster
    from double_guarantee_plugin.core.ledger.postgres_backend import install_postgres_schema
    with tempfile.TemporaryDirectory(prefix="dg_bench_ledger_") as folder:
        gpkg = str(Path(folder) / "bench_ledger.gpkg")
        raw_gpkg = str(Path(folder) / "bench_raw.gpkg")

        def prepare_sqlite():
            import sqlite3
            connection = sqlite3.connect(raw_gpkg)
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, county_code TEXT, area_mu_e4 INTEGER, "
                               "capacity_kg_e4 INTEGER, paddy_mu_e4 INTEGER, key TEXT)")
            connection.commit()
            connection.close()
        _measure("GeoPackage", gpkg, folder, raw_gpkg, prepare_sqlite)

        cluster = pg_cluster.start_cluster()
        try:
            cluster.create_database("bench", postgis=True)
            install_postgres_schema(**cluster.params("bench"))
            cluster.psql("CREATE ROLE bench_clerk LOGIN IN ROLE dg_reviewer, dg_officer")
            cluster.psql("CREATE TABLE bench_raw (id BIGSERIAL PRIMARY KEY, county_code TEXT, area_mu_e4 BIGINT, "
                         "capacity_kg_e4 BIGINT, paddy_mu_e4 BIGINT, key TEXT); "
                         "GRANT INSERT ON bench_raw TO bench_clerk; "
                         "GRANT USAGE ON SEQUENCE bench_raw_id_seq TO bench_clerk", dbname="bench")
            uri = cluster.uri("bench", user="bench_clerk")
            _measure("PostGIS", uri, folder, uri, lambda: None)
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
