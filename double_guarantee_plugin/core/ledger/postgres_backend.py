# SPDX-License-Identifier: GPL-2.0-or-later
"""The PostGIS ledger: one shared ledger for a county or provincial office (psycopg2, schema dg_ledger).

The schema installer (``install_postgres_schema``) is run once by the database owner; it creates the
tables, triggers, the roles dg_technician / dg_reviewer / dg_officer and their grants and row
policies, so the database itself refuses what a role may not do, whichever client connects.  Rerun,
it upgrades an existing schema in place (schema 3: no function executable by PUBLIC, trigger
functions that run for their own table only, who and when stamped by the database, TRUNCATE refused
on every table).
Writers lock the counties they touch with transaction-scoped advisory locks (in code order, so two
writers never deadlock); operations on different counties run in parallel.
"""
import getpass
from contextlib import contextmanager

from ..paths import data_path
from .base import (DUPLICATE_COMMITMENT, DUPLICATE_DEPOSIT, DUPLICATE_REVERSAL, IDEMPOTENCY, NEGATIVE, PERMISSION,
                   Ledger)
from .messages import tr
from .model import LedgerPermissionError, LedgerStorageError

LOCK_CLASS = 5005  # first key of the advisory locks; the second is the 6-digit county code
ROLES = ("dg_technician", "dg_reviewer", "dg_officer")
CONNECT_TIMEOUT_S = 10


def _psycopg2():
    try:
        import psycopg2
        import psycopg2.errors  # noqa: F401
        return psycopg2
    except ImportError as exc:  # a clear message instead of a traceback in the dock
        raise LedgerStorageError(tr("the PostGIS ledger needs the Python package psycopg2 (Debian: "
                                    "python3-psycopg2)")) from exc


def connect(dsn=None, **params):
    """A psycopg2 connection from a DSN / URI string or keyword parameters."""
    psycopg2 = _psycopg2()
    if "connect_timeout" not in params and "connect_timeout" not in str(dsn or ""):
        params["connect_timeout"] = CONNECT_TIMEOUT_S  # an unreachable server must not freeze QGIS for minutes
    try:
        return psycopg2.connect(dsn, **params) if dsn else psycopg2.connect(**params)
    except (psycopg2.Error, ValueError) as exc:   # ValueError: a NUL character in the parameters
        where = dsn or ", ".join(f"{k}={v}" for k, v in params.items() if k != "password")
        raise LedgerStorageError(tr("PostgreSQL {}: cannot connect: {}", where, str(exc).strip())) from exc


def install_postgres_schema(dsn=None, **params):
    """Create or update schema dg_ledger, its triggers, roles, grants and row policies (idempotent)."""
    psycopg2 = _psycopg2()
    with open(data_path("ledger", "schema_postgres.sql"), encoding="utf-8") as handle:
        script = handle.read()
    connection = connect(dsn, **params)
    try:
        with connection:
            with connection.cursor() as cursor:
                # roles are cluster-wide: serialise concurrent installers
                cursor.execute("SELECT pg_advisory_xact_lock(%s, 0)", (LOCK_CLASS,))
                cursor.execute(script)
    except psycopg2.Error as exc:
        raise LedgerStorageError(tr("installing the ledger schema failed: {}", str(exc).strip())) from exc
    finally:
        connection.close()


class PostgresLedger(Ledger):
    backend = "postgis"
    tables_sql = {"journal": "dg_ledger.journal", "movement": "dg_ledger.movement", "balance": "dg_ledger.balance",
                  "proposal": "dg_ledger.proposal"}
    placeholder = "%s"

    def __init__(self, dsn=None, county_table=None, profile=None, label=None, limits=None, **params):
        super().__init__(county_table, profile, limits)
        self._psycopg2 = _psycopg2()
        self._label = label or dsn or params.get("dbname") or "PostgreSQL"
        self._connection = connect(dsn, **params)
        try:
            self._check_installed_and_readable()
        except self._psycopg2.Error as exc:
            self.close()
            raise LedgerStorageError(tr("{}: the ledger cannot be opened: {}", self._label,
                                        str(exc).strip().splitlines()[0])) from exc
        except BaseException:
            self.close()
            raise

    def _check_installed_and_readable(self):
        """The schema is there and this login may read it (a login without a dg_ role may not even
        look into the schema: say so, instead of the driver's 'permission denied')."""
        with self._read() as cursor:
            cursor.execute("SELECT session_user, (SELECT oid FROM pg_namespace WHERE nspname = 'dg_ledger')")
            self._session_user, schema = cursor.fetchone()
            if schema is None:
                raise LedgerStorageError(tr("{}: the ledger schema dg_ledger is not installed; ask the database owner "
                                            "to run the schema installer", self._label))
            cursor.execute("SELECT has_schema_privilege(%s, 'USAGE')", (schema,))
            if not cursor.fetchone()[0]:
                raise LedgerPermissionError(tr("{}: the login {} has none of the ledger's roles (dg_technician, "
                                               "dg_reviewer, dg_officer); ask the database owner to grant one",
                                               self._label, self._session_user))
            cursor.execute("SELECT to_regclass('dg_ledger.journal')")
            if cursor.fetchone()[0] is None:
                raise LedgerStorageError(tr("{}: the ledger schema dg_ledger is not installed; ask the database "
                                            "owner to run the schema installer", self._label))
            cursor.execute("SELECT has_table_privilege('dg_ledger.journal', 'SELECT')")
            if not cursor.fetchone()[0]:
                raise LedgerPermissionError(tr("{}: the login {} has none of the ledger's roles (dg_technician, "
                                               "dg_reviewer, dg_officer); ask the database owner to grant one",
                                               self._label, self._session_user))
            # schema 1 (before the province share) still works for the rest
            cursor.execute("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'dg_ledger' "
                           "AND table_name = 'journal' AND column_name = 'province_area_mu_e4'")
            self.has_province_columns = cursor.fetchone()[0] == 1
            cursor.execute("SELECT value FROM dg_ledger.meta WHERE key = 'schema_version'")
            row = cursor.fetchone()
            self.schema_version = int(row[0]) if row and str(row[0]).isdigit() else 1

    def describe(self):
        return f"PostgreSQL {self._label}"

    def _user(self):
        return self._session_user or getpass.getuser()

    def close(self):
        if getattr(self, "_connection", None) is not None:
            self._connection.close()
            self._connection = None

    @contextmanager
    def _write(self):
        cursor = self._connection.cursor()
        try:
            yield cursor
        except BaseException:
            self._connection.rollback()
            raise
        else:
            self._connection.commit()
        finally:
            cursor.close()

    @contextmanager
    def _read(self):
        cursor = self._connection.cursor()
        try:
            yield cursor
        finally:
            cursor.close()
            self._connection.rollback()  # never leave a read transaction open

    @contextmanager
    def _snapshot(self):
        """One REPEATABLE READ transaction: every SELECT in it sees the same committed state, however
        many writers commit meanwhile (verify() must not compare balances and movements of two moments)."""
        cursor = self._connection.cursor()
        try:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield cursor
        finally:
            cursor.close()
            self._connection.rollback()

    def _lock_counties(self, cursor, county_codes):
        for code in sorted(county_codes):
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", (LOCK_CLASS, int(code)))

    def _database_errors(self):
        return (self._psycopg2.Error,)

    def _classify(self, exc):
        errors = self._psycopg2.errors
        constraint = getattr(getattr(exc, "diag", None), "constraint_name", None) or ""
        if isinstance(exc, errors.UniqueViolation):
            return {"journal_idempotency_key_key": IDEMPOTENCY, "one_deposit_per_project": DUPLICATE_DEPOSIT,
                    "one_reversal_per_entry": DUPLICATE_REVERSAL,
                    "one_writeoff_per_commitment": DUPLICATE_COMMITMENT}.get(constraint)
        if isinstance(exc, errors.CheckViolation) and constraint.startswith("balance_"):
            return NEGATIVE
        if isinstance(exc, errors.InsufficientPrivilege):
            return PERMISSION
        return None
