# SPDX-License-Identifier: GPL-2.0-or-later
"""The reserve ledger's operations, written once for both storage backends (GeoPackage, PostGIS).

Every operation is one database transaction: lock the counties it touches, apply the idempotency
key, check the rules, append one journal entry and its signed movements.  Balances are kept by a
trigger in the database with CHECKs ≥ 0, so the rules hold even if this code were bypassed; the
checks here exist to give a clear refusal (the shortfall per indicator and who could sell).
Backends supply only the connection, the transaction, the county lock and error classification.

Input is checked first (limits.py: bounded amounts, known counties, clean texts), so both backends
refuse alike and no driver exception escapes.  A ledger is verified (integrity.py) before its first
write in a session; one that does not verify refuses every write with LedgerIntegrityError naming
the first entry (or county) that does not match, and each write re-checks the balances of the
counties it touches against their movements (a GeoPackage also walks its hash chain up to date).
"""
import datetime
import getpass
import uuid
from contextlib import contextmanager

from .. import tables
from . import integrity
from .limits import (check_balance_bound, checked_amounts, checked_entry_id, checked_price, checked_text,
                     format_amounts, load_ledger_limits)
from .messages import tr
from .model import (COMMITMENT, DEPOSIT, JOURNAL_COLUMNS, PROVINCE_COLUMNS, REVERSAL, TRANSFER, WRITEOFF, Amounts,
                    Balance, DuplicateError, JournalEntry, LedgerError, LedgerInputError, LedgerIntegrityError,
                    LedgerPermissionError, LedgerStorageError, OperationResult, RuleRefused, ShortfallError,
                    county_code_checked, iso_date, province_account)
from .rules import bundle_mu, check_transfer_price, deposit_from_project, load_county_table, seller_offers

# classification of database errors, returned by Backend._classify
IDEMPOTENCY, DUPLICATE_DEPOSIT, DUPLICATE_REVERSAL, DUPLICATE_COMMITMENT, NEGATIVE, PERMISSION = (
    "idempotency", "duplicate_deposit", "duplicate_reversal", "duplicate_commitment", "negative", "permission")


class Ledger:
    """One county-reserve ledger.  Subclasses: GeoPackageLedger, PostgresLedger."""

    backend = "abstract"
    tables_sql = {"journal": "", "movement": "", "balance": "", "proposal": ""}
    placeholder = "?"
    has_chain = False       # the journal carries the hash chain (a GeoPackage of schema 3 or later)

    def __init__(self, county_table=None, profile=None, limits=None):
        self.county_table = county_table or load_county_table()
        self.profile = profile or tables.load_rule_profile()
        self.limits = limits or load_ledger_limits()
        # the last full verification (None: not verified in this session yet); writes need it ok
        self._integrity = None
        # county → (last movement id summed, its movements' sums), for the check of each write
        self._movement_sums = {}
        # why this ledger is read-only for this version of the plugin (a newer schema), or None
        self.write_refusal = None
        # a test hook: called after the journal insert, before the commit (kill-in-the-middle test)
        self.mid_write_hook = None

    # ----- what a backend provides -------------------------------------------------------------
    @contextmanager
    def _write(self):  # yields a cursor inside one write transaction; commits or rolls back
        raise NotImplementedError

    @contextmanager
    def _read(self):
        raise NotImplementedError

    @contextmanager
    def _snapshot(self):  # yields a cursor inside one read transaction that sees one state of the ledger
        raise NotImplementedError

    def _lock_counties(self, cursor, county_codes):
        raise NotImplementedError

    def _classify(self, exc):
        """IDEMPOTENCY, DUPLICATE_*, NEGATIVE, PERMISSION or None for a database exception."""
        raise NotImplementedError

    def _database_errors(self):
        raise NotImplementedError

    def _append(self, cursor, values):
        """Insert the journal row ``values``; returns its entry_id (a GeoPackage adds id, time and hash)."""
        columns = list(values)
        cursor.execute(self._sql(f"INSERT INTO {{journal}} ({', '.join(columns)}) VALUES "
                                 f"({', '.join('?' for _ in columns)}) RETURNING entry_id"),  # nosec B608  # journal table from the backend class, columns and WHERE clauses from code; values bound
                       [values[c] for c in columns])
        return cursor.fetchone()[0]

    def _check_chain(self, cursor):
        """Inside a write: the journal's hash chain is still whole since the last check (GeoPackage)."""

    def _user(self):
        if not hasattr(self, "_login"):
            try:
                self._login = getpass.getuser()
            except (OSError, KeyError, ImportError):   # no login name in the environment or the password file
                self._login = None
        return self._login

    def close(self):
        raise NotImplementedError

    def describe(self):
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def _reader(self):
        """``_read`` whose database errors become the ledger's own (a role that may not read, a file gone)."""
        errors = self._database_errors()
        try:
            with self._read() as cursor:
                yield cursor
        except errors as exc:
            if self._classify(exc) == PERMISSION:
                raise LedgerPermissionError(tr("{}: the database refused to read the ledger for the connected "
                                               "role: {}", self.describe(), _first_line(exc))) from exc
            raise LedgerStorageError(tr("{}: the ledger cannot be read: {}", self.describe(),
                                        _first_line(exc))) from exc

    # ----- SQL helpers -------------------------------------------------------------------------
    def _sql(self, text):
        names = {key: value for key, value in self.tables_sql.items()}
        text = text.format(**names)
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)

    # schema 2 has the province columns; a PostGIS ledger whose owner has not rerun the installer yet
    # does not (it works as before, but cannot store a province share)
    has_province_columns = True

    def _journal_columns(self, prefix=""):
        columns = JOURNAL_COLUMNS + (PROVINCE_COLUMNS if self.has_province_columns else ())
        return ", ".join(prefix + column for column in columns)

    def _fetch_entry(self, cursor, where, params):
        cursor.execute(self._sql(f"SELECT {self._journal_columns()} FROM {{journal}} WHERE {where}"), params)  # nosec B608  # journal table from the backend class, columns and WHERE clauses from code; values bound
        row = cursor.fetchone()
        return JournalEntry.from_row(row) if row else None

    def _balance_cur(self, cursor, county_code):
        cursor.execute(self._sql("SELECT area_mu_e4, capacity_kg_e4, paddy_mu_e4 FROM {balance} "
                                 "WHERE county_code = ?"), (county_code,))
        row = cursor.fetchone()
        return Amounts.from_e4(*row) if row else Amounts()

    def _all_balances_cur(self, cursor):
        cursor.execute(self._sql("SELECT county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4 FROM {balance} "
                                 "ORDER BY county_code"))
        return {row[0]: Amounts.from_e4(*row[1:]) for row in cursor.fetchall()}

    # ----- reading -----------------------------------------------------------------------------
    def _filter(self, value, field_name):
        """A text a reading filters by: checked like stored text (a NUL would reach the driver)."""
        return checked_text(value, field_name, "name", self.limits) if value else None

    def balance(self, county_code):
        county_code = county_code_checked(county_code)
        with self._reader() as cursor:
            return Balance(county_code, self._balance_cur(cursor, county_code))

    def balances(self):
        """Every county with a balance row, as {county_code: Amounts}."""
        with self._reader() as cursor:
            return self._all_balances_cur(cursor)

    def counties(self):
        """County codes known to this ledger (balance rows) plus those of the county table."""
        return sorted(set(self.balances()) | set(self.county_table.counties))

    def entry(self, entry_id):
        entry_id = checked_entry_id(entry_id, tr("journal entry"))
        with self._reader() as cursor:
            return self._fetch_entry(cursor, "entry_id = ?", (entry_id,))

    def entry_by_key(self, idempotency_key):
        idempotency_key = checked_text(idempotency_key, tr("idempotency key"), "code", self.limits, required=True)
        with self._reader() as cursor:
            return self._fetch_entry(cursor, "idempotency_key = ?", (idempotency_key,))

    def journal(self, county_code=None, kind=None, search=None, since=None, until=None):
        """Journal entries in order; ``county_code`` matches either side of a transfer."""
        where, params = [], []
        county_code = self._filter(county_code, tr("county_code"))
        kind = self._filter(kind, tr("kind"))
        search = self._filter(search, tr("search text"))
        if county_code:
            where.append("(county_code = ? OR counterparty_code = ?)")
            params += [county_code, county_code]
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if since:
            where.append("occurred_on >= ?")
            params.append(iso_date(since, "since"))
        if until:
            where.append("occurred_on <= ?")
            params.append(iso_date(until, "until"))
        sql = f"SELECT {self._journal_columns()} FROM {{journal}}"  # nosec B608  # journal table from the backend class, columns and WHERE clauses from code; values bound
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._reader() as cursor:
            cursor.execute(self._sql(sql + " ORDER BY entry_id"), params)
            entries = [JournalEntry.from_row(row) for row in cursor.fetchall()]
        return [entry for entry in entries if entry.matches(search)] if search else entries

    def movements(self, county_code=None):
        """(entry_id, kind, county_code, Amounts signed) in entry order."""
        sql = "SELECT entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4 FROM {movement}"
        params = []
        county_code = self._filter(county_code, tr("county_code"))
        if county_code:
            sql += " WHERE county_code = ?"
            params.append(county_code)
        with self._reader() as cursor:
            cursor.execute(self._sql(sql + " ORDER BY entry_id, movement_id"), params)
            return [(r[0], r[1], r[2], Amounts.from_e4(*r[3:])) for r in cursor.fetchall()]

    def open_commitments(self, county_code=None, due_by=None):
        """Commitments neither fulfilled by a write-off nor reversed."""
        sql = (f"SELECT {self._journal_columns('c.')} FROM {{journal}} c "
               "WHERE c.kind = 'commitment' "
               "AND NOT EXISTS (SELECT 1 FROM {journal} w WHERE w.kind = 'writeoff' AND w.commitment_entry_id = c.entry_id) "
               "AND NOT EXISTS (SELECT 1 FROM {journal} r WHERE r.kind = 'reversal' AND r.reverses_entry_id = c.entry_id)")  # nosec B608  # journal table from the backend class, columns and WHERE clauses from code; values bound
        params = []
        county_code = self._filter(county_code, tr("county_code"))
        if county_code:
            sql += " AND c.county_code = ?"
            params.append(county_code)
        if due_by:
            sql += " AND c.due_on <= ?"
            params.append(iso_date(due_by, tr("due date")))
        with self._reader() as cursor:
            cursor.execute(self._sql(sql + " ORDER BY c.due_on, c.entry_id"), params)
            return [JournalEntry.from_row(row) for row in cursor.fetchall()]

    # ----- the one write path ------------------------------------------------------------------
    def _operation(self, key, counties, build):
        """Apply one operation under ``key`` exactly once.

        ``build(cursor, before)`` checks the rules against the locked balances ``before`` and returns
        (journal values, [(county_code, signed Amounts), ...]).  The movements listed are only used to
        refuse with a clear shortfall: the database's journal trigger writes the real movements from
        the entry itself, so no client can append an entry whose movements differ.
        """
        key = checked_text(key, tr("idempotency key"), "code", self.limits, required=True)
        counties = sorted(set(counties))
        self._require_verified()
        existing = self.entry_by_key(key)
        if existing is not None:
            return OperationResult(existing, False)
        errors = self._database_errors()
        try:
            with self._write() as cursor:
                self._lock_counties(cursor, counties)
                existing = self._fetch_entry(cursor, "idempotency_key = ?", (key,))
                if existing is not None:
                    return OperationResult(existing, False)
                self._check_written_state(cursor, counties)
                before = {code: self._balance_cur(cursor, code) for code in counties}
                values, movements = build(cursor, before)
                values = dict(values, idempotency_key=key)
                user = self._user()
                if user:
                    values["created_by"] = checked_text(user, tr("user name"), "name", self.limits)
                for code, delta in movements:
                    after = before[code].plus(delta)
                    if after.any_negative():  # the database CHECK would refuse it too; say why first
                        raise ShortfallError(code, Amounts(*(-v if v < 0 else 0 for v in (
                            delta.area_mu, delta.capacity_kg, delta.paddy_mu))), before[code],
                            self._sellers(cursor, code, before[code], delta), what=values["kind"])
                    check_balance_bound(code, after, self.limits)
                entry_id = self._append(cursor, values)
                if self.mid_write_hook is not None:
                    self.mid_write_hook(entry_id)
                after = {code: self._balance_cur(cursor, code) for code in counties}
                entry = self._fetch_entry(cursor, "entry_id = ?", (entry_id,))
            return OperationResult(entry, True, before, after)
        except errors as exc:
            kind = self._classify(exc)
            if kind == IDEMPOTENCY:
                existing = self.entry_by_key(key)
                if existing is not None:
                    return OperationResult(existing, False)
            if kind == PERMISSION:
                raise LedgerPermissionError(tr("{}: the database refused this operation for the connected role: {}",
                                               self.describe(), _first_line(exc))) from exc
            if kind == DUPLICATE_DEPOSIT:
                raise DuplicateError(tr("this project has been deposited already")) from exc
            if kind == DUPLICATE_REVERSAL:
                raise DuplicateError(tr("this entry has been reversed already")) from exc
            if kind == DUPLICATE_COMMITMENT:
                raise DuplicateError(tr("this commitment has been written off already")) from exc
            if kind == NEGATIVE:
                raise LedgerError(tr("{}: a balance would go below zero (refused by the database): {}",
                                     self.describe(), _first_line(exc))) from exc
            raise LedgerError(tr("{}: the database refused the operation: {}", self.describe(),
                                 _first_line(exc))) from exc

    # ----- integrity ---------------------------------------------------------------------------
    def _require_verified(self):
        """Verify the ledger before its first write in this session; refuse writes to one that failed."""
        if self.write_refusal:
            raise LedgerStorageError(self.write_refusal)
        if self._integrity is None:
            self.verify()
        if not self._integrity["ok"]:
            raise LedgerIntegrityError(integrity.failure_message(self.describe(), self._integrity))

    def _fail_integrity(self, problem, entry_id=None):
        """Record a failure found during a write (every later write is refused too) and refuse this one."""
        self._integrity = {"ok": False, "problems": [problem], "first_problem": problem, "first_bad_entry": entry_id,
                           "chain": "broken" if entry_id is not None else "absent", "head": (None, None),
                           "entries": None, "counties": None, "verified_at": None}
        raise LedgerIntegrityError(integrity.failure_message(self.describe(), self._integrity))

    def _check_written_state(self, cursor, counties):
        """Inside the write, under the county locks: the balances of the counties touched are still the
        sums of their movements (someone with the database's guards switched off may have forged one
        since the ledger was verified), and the hash chain is whole up to the newest entry.

        The sums are kept per county and brought up to date with the movements added since (one
        county's movements are only ever added under its lock, so their ids grow in commit order): a
        write reads what is new, not the county's whole history."""
        self._check_chain(cursor)
        for code in counties:
            last_id, summed = self._movement_sums.get(code, (0, (0, 0, 0)))
            cursor.execute(self._sql("SELECT coalesce(sum(area_mu_e4), 0), coalesce(sum(capacity_kg_e4), 0), "
                                     "coalesce(sum(paddy_mu_e4), 0), max(movement_id) FROM {movement} "
                                     "WHERE county_code = ? AND movement_id > ?"), (code, last_id))
            *added, newest = cursor.fetchone()
            moved = tuple(total + int(value) for total, value in zip(summed, added))
            if newest is not None:
                self._movement_sums[code] = (newest, moved)
            cursor.execute(self._sql("SELECT area_mu_e4, capacity_kg_e4, paddy_mu_e4 FROM {balance} "
                                     "WHERE county_code = ?"), (code,))
            row = cursor.fetchone()
            stored = tuple(row) if row else (0, 0, 0)
            if any(isinstance(v, bool) or not isinstance(v, int) for v in stored) or stored != moved:
                self._fail_integrity(tr("county {}: the balance {} is not the sum of its movements {}", code,
                                        format_amounts(Amounts.from_e4(*(int(v) for v in stored))),
                                        format_amounts(Amounts.from_e4(*moved))))

    def verify(self):
        """Check the ledger against its journal, in one snapshot; returns the report (integrity.py).

        ``ok``, ``problems`` (first bad entry first), ``first_bad_entry``, ``first_problem``,
        ``entries``, ``counties``, ``chain`` ('verified', 'broken' or 'absent'), ``head`` (the newest
        entry's id and hash) and ``verified_at``.  The result decides whether this Ledger object
        writes: a ledger that does not verify refuses every write until verify() passes again.
        """
        with self._snapshot() as cursor:
            cursor.execute(self._sql("SELECT * FROM {journal} ORDER BY entry_id"))
            names = [column[0] for column in cursor.description]
            journal = [dict(zip(names, row)) for row in cursor.fetchall()]
            cursor.execute(self._sql("SELECT entry_id, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4 "
                                     "FROM {movement} ORDER BY entry_id, movement_id"))
            movements = [dict(zip(("entry_id", "county_code", "area_mu_e4", "capacity_kg_e4", "paddy_mu_e4"), row))
                         for row in cursor.fetchall()]
            cursor.execute(self._sql("SELECT county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4 FROM {balance}"))
            balances = [dict(zip(("county_code", "area_mu_e4", "capacity_kg_e4", "paddy_mu_e4"), row))
                        for row in cursor.fetchall()]
        report = integrity.verify_rows(journal, movements, balances, self.has_chain)
        self._integrity = report
        self._verified(report)
        return report

    def _verified(self, report):
        """A backend's hook after a full verification (GeoPackage: where its chain checks resume)."""

    def _sellers(self, cursor, county_code, available, delta):
        needed = Amounts(*(-v if v < 0 else 0 for v in (delta.area_mu, delta.capacity_kg, delta.paddy_mu)))
        shortfall = available.shortfall_against(needed)
        return seller_offers(county_code, shortfall, self._all_balances_cur(cursor), self.county_table)

    # ----- input -------------------------------------------------------------------------------
    def _amounts(self, amounts, what, allow_zero=False):
        return checked_amounts(amounts, what, self.limits, allow_zero)

    def _county(self, value, field_name=None):
        return self.county_table.checked(value, field_name or tr("county_code"))

    def _code(self, value, field_name, required=True):
        return checked_text(value, field_name, "code", self.limits, required=required)

    def _name(self, value, field_name):
        return checked_text(value, field_name, "name", self.limits)

    def _note(self, value):
        return checked_text(value, tr("note"), "note", self.limits)

    @staticmethod
    def _negated(amounts):
        return Amounts(-amounts.area_mu, -amounts.capacity_kg, -amounts.paddy_mu)

    @staticmethod
    def _entry_values(kind, county_code, amounts, occurred_on, **extra):
        area, capacity, paddy = amounts.e4()
        values = {"kind": kind, "county_code": county_code, "area_mu_e4": area, "capacity_kg_e4": capacity,
                  "paddy_mu_e4": paddy, "occurred_on": occurred_on}
        values.update({k: v for k, v in extra.items() if v is not None})
        return values

    # ----- operations --------------------------------------------------------------------------
    def deposit(self, request, idempotency_key=None):
        """Deposit a checked DepositRequest (see rules.deposit_from_project) once per project."""
        county = self._county(request.county_code)
        project_code = self._code(request.project_code, tr("project code"))
        what = tr("deposit of project {}", project_code)
        amounts = self._amounts(request.amounts, what)
        occurred = iso_date(request.occurred_on, "occurred_on")
        project_name = self._name(request.project_name, tr("project name"))
        note = self._note(request.note or None)
        key = idempotency_key or f"deposit:{project_code}"
        province = getattr(request, "province_amounts", None)
        province = self._amounts(Amounts() if province is None else province,
                                 tr("province share of project {}", project_code), allow_zero=True)
        if not amounts.covers(province):
            raise LedgerInputError(tr("deposit of project {}: the province share {} exceeds the credits {}",
                                      project_code, format_amounts(province), format_amounts(amounts)))
        counties, extra = [county], {}
        if not province.is_zero():
            if not self.has_province_columns:
                raise LedgerStorageError(tr("{}: this ledger cannot store a province share yet; ask the database "
                                            "owner to rerun the schema installer (schema 2)", self.describe()))
            account = province_account(county)
            counties.append(account)
            extra = dict(zip(PROVINCE_COLUMNS, province.e4()), counterparty_code=account)

        def build(cursor, before):
            if self._fetch_entry(cursor, "kind = 'deposit' AND project_code = ?", (project_code,)):
                raise DuplicateError(tr("project {} has been deposited already", project_code))
            movements = [(county, amounts.minus(province))]
            if extra:
                movements.append((extra["counterparty_code"], province))
            return (self._entry_values(DEPOSIT, county, amounts, occurred, project_code=project_code,
                                       project_name=project_name, note=note, **extra),
                    movements)
        return self._operation(key, counties, build)

    def deposit_project(self, project_attributes, project_credit, profile=None, idempotency_key=None):
        """Apply the deposit rules of domain.md §6 to a project and deposit its credits."""
        request = deposit_from_project(project_attributes, project_credit, profile or self.profile)
        return self.deposit(request, idempotency_key)

    def write_off(self, county_code, project_code, project_name, amounts, occurred_on, idempotency_key=None,
                  note=None, commitment_entry_id=None):
        """Withdraw a construction project's occupied area, capacity and paddy, all three or none."""
        county = self._county(county_code)
        project_code = self._code(project_code, tr("write-off: project_code"))
        amounts = self._amounts(amounts, tr("write-off of {}", project_code))
        occurred = iso_date(occurred_on, tr("write-off date"))
        project_name = self._name(project_name, tr("project name"))
        note = self._note(note)
        if commitment_entry_id is not None:
            commitment_entry_id = checked_entry_id(commitment_entry_id, tr("commitment entry"))
        key = idempotency_key or f"writeoff:{uuid.uuid4()}"

        def build(cursor, before):
            if not before[county].covers(amounts):
                raise ShortfallError(county, amounts, before[county],
                                     self._sellers(cursor, county, before[county], self._negated(amounts)))
            return (self._entry_values(WRITEOFF, county, amounts, occurred, project_code=project_code,
                                       project_name=project_name or None, note=note,
                                       commitment_entry_id=commitment_entry_id),
                    [(county, self._negated(amounts))])
        return self._operation(key, [county], build)

    def transfer(self, seller_code, buyer_code, amounts, price_yuan_per_mu, pricing, occurred_on,
                 idempotency_key=None, note=None):
        """Move indicators from a seller county to a buyer county of the same province (调剂)."""
        seller = self._county(seller_code, tr("seller county"))
        buyer = self._county(buyer_code, tr("buyer county"))
        if seller == buyer:
            raise LedgerInputError(tr("transfer: seller and buyer are the same county {}", seller))
        if seller[:2] != buyer[:2]:
            raise RuleRefused(tr("transfer: {} ({}) and {} ({}) are not in the same province", seller,
                                 self.county_table.name(seller), buyer, self.county_table.name(buyer)))
        amounts = self._amounts(amounts, tr("transfer"))
        price = checked_price(price_yuan_per_mu, self.limits)
        check_transfer_price(seller, price, pricing, self.county_table)
        occurred = iso_date(occurred_on, tr("transfer date"))
        note = self._note(note)
        key = idempotency_key or f"transfer:{uuid.uuid4()}"

        def build(cursor, before):
            if not before[seller].covers(amounts):
                raise ShortfallError(seller, amounts, before[seller], (), what=TRANSFER)
            return (self._entry_values(TRANSFER, buyer, amounts, occurred, counterparty_code=seller,
                                       price_yuan_per_mu=price, total_yuan=price * bundle_mu(amounts),
                                       pricing=pricing, note=note),
                    [(seller, self._negated(amounts)), (buyer, amounts)])
        return self._operation(key, [seller, buyer], build)

    def commit(self, county_code, project_code, project_name, amounts, due_on, occurred_on=None,
               idempotency_key=None, note=None):
        """Record a commitment (承诺): nothing moves until processed at its due date."""
        county = self._county(county_code)
        project_code = self._code(project_code, tr("commitment: project_code"))
        amounts = self._amounts(amounts, tr("commitment of {}", project_code))
        due = iso_date(due_on, tr("due date"))
        occurred = iso_date(occurred_on or datetime.date.today(), tr("commitment date"))
        if due < occurred:
            raise LedgerInputError(tr("commitment: due date {} is before the commitment date {}", due, occurred))
        project_name = self._name(project_name, tr("project name"))
        note = self._note(note)
        key = idempotency_key or f"commitment:{uuid.uuid4()}"

        def build(cursor, before):
            return (self._entry_values(COMMITMENT, county, amounts, occurred, project_code=project_code,
                                       project_name=project_name or None, due_on=due, note=note), [])
        return self._operation(key, [county], build)

    def process_due_commitments(self, today=None, county_code=None):
        """Write off every open commitment due by ``today``: [(commitment, OperationResult or LedgerError)]."""
        today = iso_date(today or datetime.date.today(), tr("today"))
        outcomes = []
        for commitment in self.open_commitments(county_code, due_by=today):
            try:
                result = self.write_off(commitment.county_code, commitment.project_code, commitment.project_name,
                                        commitment.amounts, commitment.due_on,
                                        idempotency_key=f"commitment-due:{commitment.entry_id}",
                                        note=f"commitment {commitment.entry_id} due {commitment.due_on}",
                                        commitment_entry_id=commitment.entry_id)
            except LedgerError as exc:
                result = exc
            outcomes.append((commitment, result))
        return outcomes

    def reverse(self, entry_id, reason, occurred_on=None, idempotency_key=None):
        """Correct an entry by a new entry that undoes its movements (nothing is updated or deleted)."""
        original = self.entry(entry_id)
        if original is None:
            raise LedgerInputError(tr("reversal: journal entry {} does not exist", entry_id))
        if original.kind == REVERSAL:
            raise RuleRefused(tr("reversal: entry {} is itself a reversal; record a new operation instead", entry_id))
        reason = checked_text(reason, tr("reason for the reversal"), "note", self.limits)
        if not (reason or "").strip():
            raise LedgerInputError(tr("reversal: a reason is required"))
        occurred = iso_date(occurred_on or datetime.date.today(), tr("reversal date"))
        key = idempotency_key or f"reversal:{original.entry_id}"
        note = self._note(f"reverses {original.kind} {original.entry_id}: {reason}")
        counties = [original.county_code] + ([original.counterparty_code] if original.counterparty_code else [])

        def build(cursor, before):
            if self._fetch_entry(cursor, "kind = 'reversal' AND reverses_entry_id = ?", (original.entry_id,)):
                raise DuplicateError(tr("entry {} has been reversed already", original.entry_id))
            cursor.execute(self._sql("SELECT county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4 FROM {movement} "
                                     "WHERE entry_id = ? ORDER BY movement_id"), (original.entry_id,))
            movements = [(row[0], Amounts.from_e4(-row[1], -row[2], -row[3])) for row in cursor.fetchall()]
            return (self._entry_values(REVERSAL, original.county_code, original.amounts, occurred,
                                       counterparty_code=original.counterparty_code,
                                       project_code=original.project_code, project_name=original.project_name,
                                       reverses_entry_id=original.entry_id, note=note),
                    movements)
        return self._operation(key, counties, build)

    def propose(self, kind, county_code, project_code=None, payload=""):
        """A technician's proposal (read, propose): stored for a reviewer or officer, moves nothing."""
        kind = self._code(kind, tr("proposal kind"))
        county = self._county(county_code)
        project_code = self._code(project_code, tr("project code"), required=False)
        payload = checked_text(payload, tr("proposal"), "payload", self.limits)
        errors = self._database_errors()
        try:
            with self._write() as cursor:
                cursor.execute(self._sql("INSERT INTO {proposal} (kind, county_code, project_code, payload, "
                                         "created_by) VALUES (?, ?, ?, ?, ?) RETURNING proposal_id"),
                               (kind, county, project_code, payload, self._user()))
                return cursor.fetchone()[0]
        except errors as exc:
            if self._classify(exc) == PERMISSION:
                raise LedgerPermissionError(tr("{}: proposal refused: {}", self.describe(), _first_line(exc))) from exc
            raise LedgerError(tr("{}: the database refused the operation: {}", self.describe(),
                                 _first_line(exc))) from exc


def _first_line(exc):
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
