# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 16: ledgers of schema 3 (written by main before the 2024 reform) migrate to schema 4 in one
transaction; nothing stored changes value, the hash chain still verifies, and the migrated ledger keeps
the rules it was written under (its deposits stay drawable) while new entries follow the reform.

GeoPackage: the committed fixture ``data/ledger_schema_3.gpkg`` was written by main's own code at
639a448 (``data/make_schema3_ledger.py``).  PostGIS: main's installer of schema 3, frozen in
``data/schema_postgres_schema_3.sql``, upgraded in place by today's installer.
"""
import shutil
import sqlite3
from pathlib import Path

import psycopg2
import pytest

from double_guarantee_plugin.core.ledger import (Amounts, DepositRequest, GeoPackageLedger, LedgerInputError,
                                                 LedgerStorageError, open_ledger, sqlite_backend)
from double_guarantee_plugin.core.ledger.postgres_backend import install_postgres_schema
from test_ledger_migration import TABLES, pg_snapshot, same_columns, stored_rows

DATA = Path(__file__).resolve().parent / "data"
SCHEMA_3_GPKG = DATA / "ledger_schema_3.gpkg"
SCHEMA_3_PG_DDL = DATA / "schema_postgres_schema_3.sql"
LINKS = {"dzjgh": "3209992026000001", "ajbh": "AJ-2026-01"}


@pytest.fixture
def schema_3_copy(tmp_path):
    target = tmp_path / "schema_3_ledger.gpkg"
    shutil.copy(SCHEMA_3_GPKG, target)
    return str(target)


def test_a_schema_3_ledger_migrates_in_one_go_and_keeps_every_value(schema_3_copy):
    before = stored_rows(schema_3_copy)
    assert before["meta"]["schema_version"] == "3" and len(before["dg_ledger_journal"][1]) == 12
    hashes = [row[-1] for row in before["dg_ledger_journal"][1]]
    ledger = open_ledger(schema_3_copy)
    try:
        assert ledger.schema_version == 4
        report = ledger.verify()
        assert report["ok"], report["problems"]
        assert report["chain"] == "verified" and report["head"][0] == 12
        after = stored_rows(schema_3_copy)
        assert after["meta"]["schema_version"] == "4"
        for table in TABLES:                       # every row as it was, in the columns it had
            assert same_columns(before, after)[table] == before[table], table
        assert [row[23] for row in after["dg_ledger_journal"][1]] == hashes
        entries = ledger.journal()
        assert all(entry.rule_profile is None and entry.requires_confirmation is None for entry in entries)
        # nothing deposited before changes value: main's national_2024 deposit (DG2025-01) stays drawable
        balance = ledger.balance("320999").amounts
        assert balance == Amounts(60.1234 + 14.1 + 20.5 - 10 + 40 - 5 - 12, 48000.5 + 11280 + 18000 - 8000 + 20000
                                  - 4000 - 9000, 25 + 2 - 2 + 10 - 1)
        assert ledger.pending_deposits("320999") == [] and ledger.usable("320999") == balance
        # new entries follow the reform: a 2026 write-off needs its links and gets the journal's next id
        with pytest.raises(LedgerInputError, match="DZJGH"):
            ledger.write_off("320999", "JS-NEW", "after the migration", Amounts(1, 800, 0), "2026-01-05")
        result = ledger.write_off("320999", "JS-NEW", "after the migration", Amounts(1, 800, 0), "2026-01-05",
                                  **LINKS)
        assert result.entry.entry_id == 13 and result.entry.rule_profile == "national_2024"
        assert ledger.verify()["ok"] and ledger.verify()["head"][0] == 13
    finally:
        ledger.close()
    reopened = open_ledger(schema_3_copy)
    assert reopened.verify()["ok"] and len(reopened.journal(search="AJ-2026-01")) == 1
    reopened.close()


def test_a_schema_4_migration_that_fails_half_way_leaves_the_schema_3_ledger_as_it_was(schema_3_copy, monkeypatch):
    before = stored_rows(schema_3_copy)
    original = sqlite_backend._split_sql

    def failing(script):
        statements = original(script)
        if "dg_ledger_journal_4" in script:   # right after the old journal is dropped and the new one renamed
            at = next(i for i, text in enumerate(statements) if text.startswith("ALTER TABLE dg_ledger_journal_4"))
            statements.insert(at + 1, "INSERT INTO a_table_that_is_not_there VALUES (1)")
        return statements
    monkeypatch.setattr(sqlite_backend, "_split_sql", failing)
    with pytest.raises(LedgerStorageError):
        open_ledger(schema_3_copy)
    monkeypatch.setattr(sqlite_backend, "_split_sql", original)
    assert stored_rows(schema_3_copy) == before                      # still schema 3, every row
    connection = sqlite3.connect(schema_3_copy)
    assert connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'dg_ledger_journal_4'").fetchone() == (0,)
    assert connection.execute("PRAGMA foreign_keys").fetchone() == (0,)   # a fresh connection's default
    connection.close()
    ledger = open_ledger(schema_3_copy)                                # the next open migrates it whole
    assert ledger.schema_version == 4 and ledger.verify()["ok"]
    assert ledger._connection.execute("PRAGMA foreign_keys").fetchone() == (1,)   # switched on again
    ledger.close()


def test_a_read_only_schema_3_ledger_is_read_as_it_is(schema_3_copy):
    import os
    import stat
    import subprocess
    from double_guarantee_plugin.core.ledger import LedgerPermissionError
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", schema_3_copy], capture_output=True).returncode != 0:
            pytest.skip("running as root on a file system without chattr +i")
        undo = ["chattr", "-i", schema_3_copy]
    else:
        os.chmod(schema_3_copy, stat.S_IRUSR)
        undo = None
    try:
        ledger = open_ledger(schema_3_copy, create=False)
        try:
            assert ledger.schema_version == 3 and not ledger.has_reform_columns
            assert len(ledger.journal()) == 12 and ledger.verify()["ok"]
            assert ledger.in_out_account() == [] and ledger.pending_deposits("320999") == []
            with pytest.raises((LedgerPermissionError, LedgerStorageError)):
                ledger.write_off("320999", "JS-NEW", "x", Amounts(1, 1, 0), "2024-01-01")
        finally:
            ledger.close()
    finally:
        if undo:
            subprocess.run(undo, check=True)
        else:
            os.chmod(schema_3_copy, stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.postgis
def test_the_installer_upgrades_a_schema_3_postgis_ledger_in_place(pg_cluster_running):
    cluster = pg_cluster_running
    name = "dg_ledger_schema_3_upgrade"
    cluster.psql(f'CREATE DATABASE "{name}"')
    connection = psycopg2.connect(**cluster.params(name))
    with connection, connection.cursor() as cursor:
        cursor.execute(SCHEMA_3_PG_DDL.read_text(encoding="utf-8"))
    connection.close()
    ledger = open_ledger(cluster.uri(name, user="clerk"))
    assert ledger.schema_version == 3 and not ledger.has_reform_columns
    # what schema 3 holds is written as before (the profile of each entry cannot be stored yet) …
    ledger.deposit(DepositRequest("320999", "P1", "before", Amounts(100, 80000, 10), "2024-01-01"))
    ledger.deposit(DepositRequest("320999", "JS-9", "split", Amounts(10, 8000, 0), "2024-01-01",
                                  province_amounts=Amounts(8, 6400, 0)))
    ledger.write_off("320999", "JS-1", "x", Amounts(5, 4000, 1), "2024-02-01")
    ledger.reverse(3, "wrong")
    ledger.commit("320999", "CM-1", "x", Amounts(1, 1, 0), "2024-12-01", "2024-11-01")
    # … and what needs schema 4 is refused, saying how to get it
    with pytest.raises(LedgerStorageError, match="rerun the schema installer"):
        ledger.write_off("320999", "JS-2", "x", Amounts(1, 1, 0), "2025-03-01", **LINKS)
    with pytest.raises(LedgerStorageError, match="schema 4"):
        ledger.record_out("320999", Amounts(1, 0, 0), "2025-03-01", "0103", "0201")
    ledger.close()
    snapshot = pg_snapshot(cluster, name)
    before = snapshot()
    install_postgres_schema(**cluster.params(name))
    assert snapshot() == before                                       # every row, every value
    assert cluster.psql("SELECT value FROM dg_ledger.meta WHERE key = 'schema_version'", dbname=name) == [("4",)]
    ledger = open_ledger(cluster.uri(name, user="clerk"))
    try:
        assert ledger.schema_version == 4 and ledger.has_reform_columns and ledger.verify()["ok"]
        assert ledger.usable("320999") == Amounts(100 + 2, 80000 + 1600, 10)
        entry = ledger.write_off("320999", "JS-2", "x", Amounts(1, 1, 0), "2025-03-01", **LINKS).entry
        assert (entry.rule_profile, entry.dzjgh, entry.created_by) == ("national_2024", LINKS["dzjgh"], "clerk")
        assert ledger.record_out("320999", Amounts(1, 0, 0), "2025-03-01", "0103", "0201").applied
    finally:
        ledger.close()
    install_postgres_schema(**cluster.params(name))                  # idempotent: a second run changes nothing
    assert len(snapshot()["journal"]) == 7


def test_every_new_ledger_goes_through_the_same_migrations(tmp_path):
    ledger = open_ledger(str(tmp_path / "new_ledger.gpkg"))
    try:
        assert ledger.schema_version == GeoPackageLedger.SCHEMA_VERSION == 4
        assert set(GeoPackageLedger.MIGRATIONS) == {2, 3, 4}
        columns = [row[1] for row in ledger._connection.execute("PRAGMA table_info(dg_ledger_journal)")]
        assert columns[-12:] == ["rule_profile", "requires_confirmation", "confirms_entry_id", "survey_year",
                                 "survey_share", "plot_codes", "dzjgh", "ajbh", "occupation_kind", "class_from",
                                 "class_to", "exemption"]
    finally:
        ledger.close()
