# SPDX-License-Identifier: GPL-2.0-or-later
"""The GeoPackage ledger: the embedded default, a .gpkg file next to the project database (sqlite3).

Writers serialise on ``BEGIN IMMEDIATE`` (one writer at a time, others wait on the busy timeout);
WAL journaling keeps readers (QGIS showing the journal table) from blocking writers and survives a
writer killed mid-transaction: the uncommitted transaction simply never happened.
"""
import datetime
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from ..paths import data_path
from . import chain
from .base import (DUPLICATE_COMMITMENT, DUPLICATE_DEPOSIT, DUPLICATE_REVERSAL, IDEMPOTENCY, NEGATIVE, PERMISSION,
                   Ledger)
from .messages import tr
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
    # schema versions above 1, each a script of resources/data/ledger/ (see _migrate); a new schema adds
    # its script here and bumps SCHEMA_VERSION
    MIGRATIONS = {2: "migrate_sqlite_2.sql", 3: "migrate_sqlite_3.sql"}
    SCHEMA_VERSION = 3

    def __init__(self, path, create=True, county_table=None, profile=None, limits=None):
        super().__init__(county_table, profile, limits)
        self.path = str(path)
        self._connection = None
        self._chain_head = (None, chain.GENESIS)   # where the next write's chain check resumes
        self._pending_head = None
        exists = os.path.exists(self.path)
        if not exists and not create:
            raise LedgerStorageError(tr("{}: ledger file not found", self.path))
        folder = os.path.dirname(os.path.abspath(self.path))
        if not os.path.isdir(folder):
            raise LedgerStorageError(tr("{}: the folder {} does not exist", self.path, folder))
        try:
            self._connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self._connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
            self._connection.execute("PRAGMA foreign_keys = ON")
            if not self._has_schema():
                self._install()
            if self._schema_version() < self.SCHEMA_VERSION:
                try:
                    self._migrate()
                except sqlite3.OperationalError as exc:
                    if "readonly" not in str(exc).lower():
                        raise
            # a read-only file stays at its schema: readable, with the checks that schema allows
            self.schema_version = self._schema_version()
            if self.schema_version > self.SCHEMA_VERSION:   # its rules are newer than this code knows
                self.write_refusal = tr("{}: the ledger has schema {}, written by a newer version of the plugin "
                                        "(this one knows schema {}); it can be read but not written: update "
                                        "the plugin", self.path, self.schema_version, self.SCHEMA_VERSION)
            # (name, DEFAULT) of the journal's columns, constants evaluated once: a write gives every
            # column, so that what is hashed is what is stored
            self._journal_defaults = [(row[1], self._constant(row[4])) for row in
                                      self._connection.execute("PRAGMA table_info(dg_ledger_journal)").fetchall()]
            columns = [name for name, _default in self._journal_defaults]
            self.has_province_columns = "province_area_mu_e4" in columns
            self.has_chain = chain.HASH_COLUMN in columns
        except sqlite3.DatabaseError as exc:
            self.close()
            raise LedgerStorageError(tr("{}: cannot open as a ledger GeoPackage: {}", self.path, exc)) from exc
        except BaseException:
            self.close()
            raise

    def _has_schema(self):
        row = self._connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                                       "('dg_ledger_journal', 'dg_ledger_movement', 'dg_ledger_balance')").fetchone()
        return row[0] == 3

    def _schema_version(self):
        row = self._connection.execute("SELECT value FROM dg_ledger_meta WHERE key = 'schema_version'").fetchone()
        try:
            return int(row[0]) if row else 1
        except (TypeError, ValueError):
            raise LedgerStorageError(tr("{}: the ledger's schema version '{}' is not a number", self.path,
                                        row[0])) from None

    def _constant(self, default):
        """A column's DEFAULT: its value when it is a constant, else the expression (evaluated per write)."""
        if default is None:
            return None
        if "(" in default:
            return _Expression(default)
        return self._connection.execute(f"SELECT {default}").fetchone()[0]

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

    def _migrate(self):
        """Bring the ledger from its schema version to SCHEMA_VERSION in one transaction, all or nothing.

        Each migration is a script of resources/data/ledger/; a line ``-- step: NAME`` in it runs the
        Python step ``_step_NAME`` at that point (for what SQL cannot do, such as hashing the entries
        already there).  Every ledger, a new one included, goes through the same migrations.
        """
        self._connection.execute("BEGIN IMMEDIATE")
        try:
            # another process may have migrated it while we waited for the lock
            for version in range(self._schema_version() + 1, self.SCHEMA_VERSION + 1):
                with open(data_path("ledger", self.MIGRATIONS[version]), encoding="utf-8") as handle:
                    script = handle.read()
                for kind, part in _migration_parts(script):
                    if kind == "step":
                        getattr(self, f"_step_{part}")()
                    else:
                        for statement in _split_sql(part):
                            self._connection.execute(statement)
                if self._schema_version() != version:
                    raise LedgerStorageError(tr("{}: migration {} did not leave the ledger at schema {}", self.path,
                                                self.MIGRATIONS[version], version))
            self._connection.execute("COMMIT")
        except BaseException:
            self._connection.execute("ROLLBACK")
            raise

    def _step_hash_existing_entries(self):
        """Schema 3: chain the entries already in the journal, in entry order (nothing else changes)."""
        cursor = self._connection.execute("SELECT * FROM dg_ledger_journal ORDER BY entry_id")
        names = [column[0] for column in cursor.description]
        previous = chain.GENESIS
        for row in cursor.fetchall():
            values = dict(zip(names, row))
            previous = chain.entry_hash(values, previous)
            self._connection.execute("UPDATE dg_ledger_journal SET entry_hash = ? WHERE entry_id = ?",
                                     (previous, values["entry_id"]))

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
        self._pending_head = None
        try:
            yield cursor
        except BaseException:
            cursor.execute("ROLLBACK")
            raise
        else:
            cursor.execute("COMMIT")
            if self._pending_head is not None:   # the chain now ends at the entry just committed
                self._chain_head = self._pending_head
        finally:
            self._pending_head = None
            cursor.close()

    @contextmanager
    def _read(self):
        cursor = self._connection.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    @contextmanager
    def _snapshot(self):
        """One read transaction: every SELECT in it sees the same state of the file (WAL)."""
        cursor = self._connection.cursor()
        cursor.execute("BEGIN")
        try:
            yield cursor
        finally:
            cursor.execute("ROLLBACK")
            cursor.close()

    def _lock_counties(self, cursor, county_codes):
        pass  # BEGIN IMMEDIATE already holds the only write lock of the file

    # ----- the hash chain ----------------------------------------------------------------------
    def _verified(self, report):
        if report["ok"] and self.has_chain:
            head_id, head_hash = report["head"]
            self._chain_head = (head_id, head_hash or chain.GENESIS)

    def _journal_rows(self, cursor, where="", params=()):
        cursor.execute(f"SELECT * FROM dg_ledger_journal {where} ORDER BY entry_id", params)  # nosec B608  # table and WHERE clause from code, columns from the entry's own keys; values bound
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _check_chain(self, cursor):
        """Walk the chain from where this connection last saw it whole to the newest entry (entries
        other writers added since), inside the write lock; a break refuses the write and every later one."""
        if not self.has_chain:
            return
        head_id, head_hash = self._chain_head
        rows = self._journal_rows(cursor, "WHERE entry_id >= ?", (head_id or 0,))
        if head_id is not None:
            if not rows or rows[0]["entry_id"] != head_id or rows[0][chain.HASH_COLUMN] != head_hash:
                self._fail_integrity(tr("entry {}: changed or removed since the ledger was verified", head_id),
                                     head_id)
            rows = rows[1:]
        bad, last = chain.check_chain(rows, head_hash)
        if bad:
            self._fail_integrity(tr("entry {}: its hash does not match its content and the entry before it "
                                    "(changed, or an entry before it removed)", bad[0]), bad[0])
        if rows:
            self._chain_head = (rows[-1]["entry_id"], last)

    def _append(self, cursor, values):
        """The entry with every column given (id, time, hash), so that what is stored is what was hashed."""
        if not self.has_chain:
            return super()._append(cursor, values)
        head_id, head_hash = self._chain_head
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = 'dg_ledger_journal'")
        sequence = cursor.fetchone()
        entry_id = max(head_id or 0, sequence[0] if sequence else 0) + 1
        row = {}
        for name, default in self._journal_defaults:
            if name in values:
                row[name] = values[name]
            elif isinstance(default, _Expression) and name not in ("created_at",):
                row[name] = cursor.execute(f"SELECT {default}").fetchone()[0]   # as the database would fill it in
            elif not isinstance(default, _Expression):
                row[name] = default
        row.update(entry_id=entry_id, created_at=_utc_now())
        row[chain.HASH_COLUMN] = chain.entry_hash(row, head_hash)
        columns = list(row)
        cursor.execute(f"INSERT INTO dg_ledger_journal ({', '.join(columns)}) VALUES "
                       f"({', '.join('?' for _ in columns)})", [row[name] for name in columns])  # nosec B608  # table and WHERE clause from code, columns from the entry's own keys; values bound
        self._pending_head = (entry_id, row[chain.HASH_COLUMN])
        return entry_id

    def _database_errors(self):
        return (sqlite3.DatabaseError, OverflowError)

    def _classify(self, exc):
        text = str(exc)
        if ("UNIQUE constraint failed: dg_ledger_journal.idempotency_key" in text
                or "the idempotency_key has been applied already" in text):
            return IDEMPOTENCY
        if "UNIQUE constraint failed: dg_ledger_journal.project_code" in text or "deposited already" in text:
            return DUPLICATE_DEPOSIT
        if "UNIQUE constraint failed: dg_ledger_journal.reverses_entry_id" in text or "reversed already" in text:
            return DUPLICATE_REVERSAL
        if ("UNIQUE constraint failed: dg_ledger_journal.commitment_entry_id" in text
                or "written off already" in text):
            return DUPLICATE_COMMITMENT
        if "CHECK constraint failed" in text and "_e4" in text:
            return NEGATIVE
        if "readonly" in text or "read-only" in text:
            return PERMISSION
        return None


class _Expression(str):
    """A DEFAULT that is not a constant (the time of writing, say)."""


def _utc_now():
    """The time an entry is written, as the schema's DEFAULT spells it (ISO 8601, UTC, milliseconds)."""
    now = datetime.datetime.now(datetime.timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def _migration_parts(script):
    """('sql', text) and ('step', name) parts of a migration script, in order."""
    parts, current = [], []
    for line in script.splitlines():
        stripped = line.strip()
        if stripped.startswith("-- step:"):
            parts.append(("sql", "\n".join(current)))
            parts.append(("step", stripped.split(":", 1)[1].strip()))
            current = []
        else:
            current.append(line)
    parts.append(("sql", "\n".join(current)))
    return parts


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
