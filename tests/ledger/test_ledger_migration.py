# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 14: ledgers written by release 0.2.0 (schema 2) migrate in one transaction and keep every row.

GeoPackage: the committed fixture ``data/ledger_release_0_2_0.gpkg`` was written by the release's own
code (``data/make_release_ledger.py`` at main's commit be7162e).  PostGIS: the release's schema DDL,
frozen in ``data/schema_postgres_release_0_2_0.sql``, upgraded in place by today's installer.
"""
import shutil
import sqlite3
from pathlib import Path

import psycopg2
import pytest

from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, GeoPackageLedger, open_ledger
from double_guarantee_plugin.core.ledger.postgres_backend import install_postgres_schema

DATA = Path(__file__).resolve().parent / "data"
RELEASE_GPKG = DATA / "ledger_release_0_2_0.gpkg"
RELEASE_PG_DDL = DATA / "schema_postgres_release_0_2_0.sql"
TABLES = ("dg_ledger_journal", "dg_ledger_movement", "dg_ledger_balance", "dg_ledger_proposal")


def stored_rows(path):
    """Every row of the ledger tables as written by the release (its own columns only), and the meta."""
    connection = sqlite3.connect(path)
    try:
        rows = {}
        for table in TABLES:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            rows[table] = (columns, connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall())
        rows["meta"] = dict(connection.execute("SELECT key, value FROM dg_ledger_meta").fetchall())
        return rows
    finally:
        connection.close()


def same_columns(before, after):
    """``after`` restricted to the columns ``before`` had, table by table."""
    restricted = {}
    for table in TABLES:
        old_columns, _rows = before[table]
        new_columns, new_rows = after[table]
        assert new_columns[:len(old_columns)] == old_columns, table
        restricted[table] = (old_columns, [row[:len(old_columns)] for row in new_rows])
    return restricted


@pytest.fixture
def release_copy(tmp_path):
    target = tmp_path / "release_ledger.gpkg"
    shutil.copy(RELEASE_GPKG, target)
    return str(target)


def test_a_release_ledger_migrates_and_keeps_every_stored_row(release_copy):
    before = stored_rows(release_copy)
    assert before["meta"]["schema_version"] == "2" and len(before["dg_ledger_journal"][1]) == 11
    ledger = open_ledger(release_copy)
    try:
        report = ledger.verify()
        assert report["ok"], report["problems"]
        assert report["chain"] == "verified" and report["head"][0] == 11
        after = stored_rows(release_copy)
        assert after["meta"]["schema_version"] == str(GeoPackageLedger.SCHEMA_VERSION)
        for table in TABLES:
            assert same_columns(before, after)[table] == before[table], table
        hashes = [row[-1] for row in sqlite3.connect(release_copy).execute(
            "SELECT entry_hash FROM dg_ledger_journal ORDER BY entry_id")]
        assert len(hashes) == 11 and all(len(h) == 64 for h in hashes) and len(set(hashes)) == 11
        # the migrated ledger keeps working and its chain grows
        balance = ledger.balance("320999").amounts
        result = ledger.write_off("320999", "JS-NEW", "after the migration", Amounts(1, 800, 0), "2024-01-01")
        assert result.applied and ledger.balance("320999").amounts == balance.minus(Amounts(1, 800, 0))
        assert ledger.verify()["ok"] and ledger.verify()["head"][0] == 12
    finally:
        ledger.close()
    reopened = open_ledger(release_copy)
    assert reopened.verify()["ok"]
    reopened.close()


def test_a_migration_that_fails_half_way_leaves_the_release_ledger_as_it_was(release_copy, monkeypatch):
    from double_guarantee_plugin.core.ledger import chain
    before = stored_rows(release_copy)
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 6:
            raise RuntimeError("power cut in the middle of the migration")
        return original(*args, **kwargs)
    original = chain.entry_hash
    monkeypatch.setattr(chain, "entry_hash", failing)
    with pytest.raises(Exception):
        open_ledger(release_copy)
    monkeypatch.setattr(chain, "entry_hash", original)
    assert stored_rows(release_copy) == before                        # nothing half-written: still schema 2
    ledger = open_ledger(release_copy)                                # the next open migrates it whole
    assert ledger.verify()["ok"]
    ledger.close()


def test_a_read_only_release_ledger_opens_for_reading(release_copy):
    """A release ledger the user may not write (a colleague's share): read at schema 2, writes refused."""
    import os
    import stat
    import subprocess
    from double_guarantee_plugin.core.ledger import LedgerPermissionError
    if os.geteuid() == 0:    # root writes whatever the mode says: make the file immutable instead
        if subprocess.run(["chattr", "+i", release_copy], capture_output=True).returncode != 0:
            pytest.skip("running as root on a file system without chattr +i")
        undo = ["chattr", "-i", release_copy]
    else:
        os.chmod(release_copy, stat.S_IRUSR)
        undo = None
    try:
        ledger = open_ledger(release_copy, create=False)
        try:
            assert ledger.schema_version == 2 and len(ledger.journal()) == 11
            report = ledger.verify()
            assert report["ok"] and report["chain"] == "absent"
            with pytest.raises(LedgerPermissionError):
                ledger.write_off("320999", "JS-NEW", "x", Amounts(1, 1, 0), "2024-01-01")
        finally:
            ledger.close()
    finally:
        if undo:
            subprocess.run(undo, check=True)
        else:
            os.chmod(release_copy, stat.S_IRUSR | stat.S_IWUSR)
    assert stored_rows(release_copy)["meta"]["schema_version"] == "2"


@pytest.mark.postgis
def test_the_installer_upgrades_a_release_postgis_ledger_in_place(pg_cluster_running):
    cluster = pg_cluster_running
    name = "dg_ledger_release_upgrade"
    cluster.psql(f'CREATE DATABASE "{name}"')
    connection = psycopg2.connect(**cluster.params(name))
    with connection, connection.cursor() as cursor:
        cursor.execute(RELEASE_PG_DDL.read_text(encoding="utf-8"))
    connection.close()
    ledger = open_ledger(cluster.uri(name, user="clerk"))
    ledger.deposit(DepositRequest("320999", "P1", "before", Amounts(100, 80000, 10), "2024-01-01"))
    ledger.deposit(DepositRequest("320999", "JS-9", "split", Amounts(10, 8000, 0), "2024-01-01",
                                  province_amounts=Amounts(8, 6400, 0)))
    ledger.write_off("320999", "JS-1", "x", Amounts(5, 4000, 1), "2024-02-01")
    ledger.reverse(3, "wrong")
    ledger.close()

    def snapshot():
        return {table: cluster.psql(f"SELECT * FROM dg_ledger.{table} ORDER BY 1", dbname=name)
                for table in ("journal", "movement", "balance", "proposal")}
    before = snapshot()
    install_postgres_schema(**cluster.params(name))
    assert snapshot() == before
    assert cluster.psql("SELECT value FROM dg_ledger.meta WHERE key = 'schema_version'", dbname=name) == [("3",)]
    public = cluster.psql("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                          "WHERE n.nspname = 'dg_ledger' AND (p.proacl IS NULL OR EXISTS (SELECT 1 FROM "
                          "aclexplode(p.proacl) a WHERE a.grantee = 0))", dbname=name)
    assert public == [(0,)]
    ledger = open_ledger(cluster.uri(name, user="clerk"))
    try:
        assert ledger.verify()["ok"]
        assert ledger.write_off("320999", "JS-2", "after", Amounts(1, 1, 0), "2024-03-01").applied
        assert ledger.journal()[-1].created_by == "clerk"
    finally:
        ledger.close()
    install_postgres_schema(**cluster.params(name))                  # idempotent: a second run changes nothing
    assert len(snapshot()["journal"]) == 5


def test_a_ledger_of_a_newer_schema_is_read_but_not_written(release_copy):
    """A ledger migrated by a later plugin (schema 4, say) has rules this code does not know."""
    from double_guarantee_plugin.core.ledger import LedgerStorageError
    open_ledger(release_copy).close()                                     # today's schema
    connection = sqlite3.connect(release_copy, isolation_level=None)
    connection.execute("UPDATE dg_ledger_meta SET value = ? WHERE key = 'schema_version'",
                       (str(GeoPackageLedger.SCHEMA_VERSION + 1),))
    connection.close()
    ledger = open_ledger(release_copy)
    try:
        assert len(ledger.journal()) == 11 and ledger.verify()["ok"]
        with pytest.raises(LedgerStorageError, match="newer version"):
            ledger.write_off("320999", "JS-NEW", "x", Amounts(1, 1, 0), "2024-01-01")
        assert len(ledger.journal()) == 11
    finally:
        ledger.close()
