# SPDX-License-Identifier: GPL-2.0-or-later
"""The GeoPackage ledger: the embedded default, a .gpkg file next to the project database (sqlite3).

Writers serialise on ``BEGIN IMMEDIATE`` (one writer at a time, others wait on the busy timeout);
WAL journaling keeps readers (QGIS showing the journal table) from blocking writers and survives a
writer killed mid-transaction: the uncommitted transaction simply never happened.
"""
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from ..paths import data_path
from .base import (DUPLICATE_COMMITMENT, DUPLICATE_DEPOSIT, DUPLICATE_REVERSAL, IDEMPOTENCY, NEGATIVE, PERMISSION,
                   Ledger)
from .model import LedgerStorageError

LEDGER_SUFFIX = "_ledger.gpkg"
BUSY_TIMEOUT_S = 60


def ledger_path_for(project_db_path):
    """The GeoPackage ledger that belongs to a project database: ``<name>_ledger.gpkg`` beside it."""
    path = Path(project_db_path)
    return str(path.with_name(path.stem + LEDGER_SUFFIX))


class GeoPackageLedger(Ledger):
    backend = "geopackage"
    tables_sql = {"journal": "dg_ledger_journal", "movement": "dg_ledger_movement", "balance": "dg_ledger_balance",
                  "proposal": "dg_ledger_proposal"}
    placeholder = "?"

    def __init__(self, path, create=True, county_table=None, profile=None):
        super().__init__(county_table, profile)
        self.path = str(path)
        exists = os.path.exists(self.path)
        if not exists and not create:
            raise LedgerStorageError(f"{self.path}: ledger file not found")
        folder = os.path.dirname(os.path.abspath(self.path))
        if not os.path.isdir(folder):
            raise LedgerStorageError(f"{self.path}: the folder {folder} does not exist")
        try:
            self._connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self._connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
            self._connection.execute("PRAGMA foreign_keys = ON")
            if not self._has_schema():
                self._install()
            if not self._has_province_columns():
                try:
                    self._migrate_2()
                except sqlite3.OperationalError as exc:
                    if "readonly" not in str(exc).lower():
                        raise
                self.has_province_columns = self._has_province_columns()   # (a read-only file stays at 1)
        except sqlite3.DatabaseError as exc:
            raise LedgerStorageError(f"{self.path}: cannot open as a ledger GeoPackage: {exc}") from exc

    def _has_schema(self):
        row = self._connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                                       "('dg_ledger_journal', 'dg_ledger_movement', 'dg_ledger_balance')").fetchone()
        return row[0] == 3

    def _install(self):
        with open(data_path("ledger", "schema_sqlite.sql"), encoding="utf-8") as handle:
            script = handle.read()
        statements = _split_sql(script)
        # header pragmas are not transactional: write them first
        for statement in statements:
            if statement.upper().startswith("PRAGMA"):
                self._connection.execute(statement)
        self._connection.execute("PRAGMA journal_mode = WAL")
        self._connection.execute("BEGIN IMMEDIATE")
        try:
            if not self._has_schema():  # another process may have installed it while we waited
                for statement in statements:
                    if not statement.upper().startswith("PRAGMA"):
                        self._connection.execute(statement)
            self._connection.execute("COMMIT")
        except BaseException:
            self._connection.execute("ROLLBACK")
            raise

    def _has_province_columns(self):
        columns = {row[1] for row in self._connection.execute("PRAGMA table_info(dg_ledger_journal)")}
        return "province_area_mu_e4" in columns

    def _migrate_2(self):
        """Schema 1 → 2 (the province's part of a deposit), all or nothing; entries stay as they are."""
        with open(data_path("ledger", "migrate_sqlite_2.sql"), encoding="utf-8") as handle:
            statements = _split_sql(handle.read())
        self._connection.execute("BEGIN IMMEDIATE")
        try:
            if not self._has_province_columns():   # another process may have migrated it while we waited
                for statement in statements:
                    self._connection.execute(statement)
            self._connection.execute("COMMIT")
        except BaseException:
            self._connection.execute("ROLLBACK")
            raise

    def describe(self):
        return self.path

    def close(self):
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    @contextmanager
    def _write(self):
        cursor = self._connection.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        try:
            yield cursor
        except BaseException:
            cursor.execute("ROLLBACK")
            raise
        else:
            cursor.execute("COMMIT")
        finally:
            cursor.close()

    @contextmanager
    def _read(self):
        cursor = self._connection.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def _lock_counties(self, cursor, county_codes):
        pass  # BEGIN IMMEDIATE already holds the only write lock of the file

    def _database_errors(self):
        return (sqlite3.DatabaseError,)

    def _classify(self, exc):
        text = str(exc)
        if "UNIQUE constraint failed: dg_ledger_journal.idempotency_key" in text:
            return IDEMPOTENCY
        if "UNIQUE constraint failed: dg_ledger_journal.project_code" in text:
            return DUPLICATE_DEPOSIT
        if "UNIQUE constraint failed: dg_ledger_journal.reverses_entry_id" in text:
            return DUPLICATE_REVERSAL
        if "UNIQUE constraint failed: dg_ledger_journal.commitment_entry_id" in text:
            return DUPLICATE_COMMITMENT
        if "CHECK constraint failed" in text and "_e4" in text:
            return NEGATIVE
        if "readonly" in text or "read-only" in text:
            return PERMISSION
        return None


def _split_sql(script):
    """Split the schema script into statements; triggers hold ';' inside BEGIN … END."""
    statements, current, depth = [], [], 0
    for line in script.splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("--")):
            continue
        current.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            depth = 1
        if depth and (upper.endswith("END;") or upper == "END;"):
            depth = 0
            statements.append("\n".join(current))
            current = []
            continue
        if not depth and stripped.endswith(";"):
            statements.append("\n".join(current))
            current = []
    if current and "".join(current).strip():
        statements.append("\n".join(current))
    return statements
