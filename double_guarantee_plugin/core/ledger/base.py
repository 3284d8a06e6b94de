# SPDX-License-Identifier: GPL-2.0-or-later
"""The reserve ledger's operations, written once for both storage backends (GeoPackage, PostGIS).

Every operation is one database transaction: lock the counties it touches, apply the idempotency
key, check the rules, append one journal entry and its signed movements.  Balances are kept by a
trigger in the database with CHECKs ≥ 0, so the rules hold even if this code were bypassed; the
checks here exist to give a clear refusal (the shortfall per indicator and who could sell).
Backends supply only the connection, the transaction, the county lock and error classification.
"""
import datetime
import getpass
import uuid
from contextlib import contextmanager

from .. import tables
from .model import (COMMITMENT, DEPOSIT, JOURNAL_COLUMNS, PROVINCE_COLUMNS, REVERSAL, TRANSFER, WRITEOFF, Amounts,
                    Balance, DuplicateError, JournalEntry, LedgerError, LedgerInputError, LedgerPermissionError,
                    LedgerStorageError, OperationResult, RuleRefused, ShortfallError, county_code_checked, iso_date,
                    province_account)
from .rules import bundle_mu, check_transfer_price, deposit_from_project, load_county_table, seller_offers

# classification of database errors, returned by Backend._classify
IDEMPOTENCY, DUPLICATE_DEPOSIT, DUPLICATE_REVERSAL, DUPLICATE_COMMITMENT, NEGATIVE, PERMISSION = (
    "idempotency", "duplicate_deposit", "duplicate_reversal", "duplicate_commitment", "negative", "permission")


class Ledger:
    """One county-reserve ledger.  Subclasses: GeoPackageLedger, PostgresLedger."""

    backend = "abstract"
    tables_sql = {"journal": "", "movement": "", "balance": "", "proposal": ""}
    placeholder = "?"

    def __init__(self, county_table=None, profile=None):
        self.county_table = county_table or load_county_table()
        self.profile = profile or tables.load_rule_profile()
        # a test hook: called after the journal insert, before the commit (kill-in-the-middle test)
        self.mid_write_hook = None

    # ----- what a backend provides -------------------------------------------------------------
    @contextmanager
    def _write(self):  # yields a cursor inside one write transaction; commits or rolls back
        raise NotImplementedError

    @contextmanager
    def _read(self):
        raise NotImplementedError

    def _lock_counties(self, cursor, county_codes):
        raise NotImplementedError

    def _classify(self, exc):
        """IDEMPOTENCY, DUPLICATE_*, NEGATIVE, PERMISSION or None for a database exception."""
        raise NotImplementedError

    def _database_errors(self):
        raise NotImplementedError

    def _user(self):
        return getpass.getuser()

    def close(self):
        raise NotImplementedError

    def describe(self):
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

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
        cursor.execute(self._sql(f"SELECT {self._journal_columns()} FROM {{journal}} WHERE {where}"), params)  # nosec B608  # table names from the backend class, columns from code; values bound
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
    def balance(self, county_code):
        county_code = county_code_checked(county_code)
        with self._read() as cursor:
            return Balance(county_code, self._balance_cur(cursor, county_code))

    def balances(self):
        """Every county with a balance row, as {county_code: Amounts}."""
        with self._read() as cursor:
            return self._all_balances_cur(cursor)

    def counties(self):
        """County codes known to this ledger (balance rows) plus those of the county table."""
        return sorted(set(self.balances()) | set(self.county_table.counties))

    def entry(self, entry_id):
        with self._read() as cursor:
            return self._fetch_entry(cursor, "entry_id = ?", (int(entry_id),))

    def entry_by_key(self, idempotency_key):
        with self._read() as cursor:
            return self._fetch_entry(cursor, "idempotency_key = ?", (idempotency_key,))

    def journal(self, county_code=None, kind=None, search=None, since=None, until=None):
        """Journal entries in order; ``county_code`` matches either side of a transfer."""
        where, params = [], []
        if county_code:
            where.append("(county_code = ? OR counterparty_code = ?)")
            params += [str(county_code), str(county_code)]
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if since:
            where.append("occurred_on >= ?")
            params.append(iso_date(since, "since"))
        if until:
            where.append("occurred_on <= ?")
            params.append(iso_date(until, "until"))
        sql = f"SELECT {self._journal_columns()} FROM {{journal}}"  # nosec B608  # table names from the backend class, columns from code; values bound
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._read() as cursor:
            cursor.execute(self._sql(sql + " ORDER BY entry_id"), params)
            entries = [JournalEntry.from_row(row) for row in cursor.fetchall()]
        return [entry for entry in entries if entry.matches(search)] if search else entries

    def movements(self, county_code=None):
        """(entry_id, kind, county_code, Amounts signed) in entry order."""
        sql = "SELECT entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4 FROM {movement}"
        params = []
        if county_code:
            sql += " WHERE county_code = ?"
            params.append(county_code)
        with self._read() as cursor:
            cursor.execute(self._sql(sql + " ORDER BY entry_id, movement_id"), params)
            return [(r[0], r[1], r[2], Amounts.from_e4(*r[3:])) for r in cursor.fetchall()]

    def open_commitments(self, county_code=None, due_by=None):
        """Commitments neither fulfilled by a write-off nor reversed."""
        sql = (f"SELECT {self._journal_columns('c.')} FROM {{journal}} c "
               "WHERE c.kind = 'commitment' "
               "AND NOT EXISTS (SELECT 1 FROM {journal} w WHERE w.kind = 'writeoff' AND w.commitment_entry_id = c.entry_id) "
               "AND NOT EXISTS (SELECT 1 FROM {journal} r WHERE r.kind = 'reversal' AND r.reverses_entry_id = c.entry_id)")  # nosec B608  # table names from the backend class, columns from code; values bound
        params = []
        if county_code:
            sql += " AND c.county_code = ?"
            params.append(county_code)
        if due_by:
            sql += " AND c.due_on <= ?"
            params.append(iso_date(due_by, "due date"))
        with self._read() as cursor:
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
        if not key or not str(key).strip():
            raise LedgerInputError("idempotency key is empty")
        key = str(key)
        counties = sorted(set(counties))
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
                before = {code: self._balance_cur(cursor, code) for code in counties}
                values, movements = build(cursor, before)
                values = dict(values, idempotency_key=key, created_by=self._user())
                for code, delta in movements:
                    after = before[code].plus(delta)
                    if after.any_negative():  # the database CHECK would refuse it too; say why first
                        raise ShortfallError(code, Amounts(*(-v if v < 0 else 0 for v in (
                            delta.area_mu, delta.capacity_kg, delta.paddy_mu))), before[code],
                            self._sellers(cursor, code, before[code], delta), what=values["kind"])
                columns = list(values)
                cursor.execute(self._sql(f"INSERT INTO {{journal}} ({', '.join(columns)}) VALUES "
                                         f"({', '.join('?' for _ in columns)}) RETURNING entry_id"),  # nosec B608  # table names from the backend class, columns from code; values bound
                               [values[c] for c in columns])
                entry_id = cursor.fetchone()[0]
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
                raise LedgerPermissionError(f"{self.describe()}: the database refused this operation for the "
                                            f"connected role: {str(exc).strip().splitlines()[0]}") from exc
            if kind == DUPLICATE_DEPOSIT:
                raise DuplicateError("this project has been deposited already") from exc
            if kind == DUPLICATE_REVERSAL:
                raise DuplicateError("this entry has been reversed already") from exc
            if kind == DUPLICATE_COMMITMENT:
                raise DuplicateError("this commitment has been written off already") from exc
            if kind == NEGATIVE:
                raise LedgerError(f"{self.describe()}: a balance would go below zero (refused by the "
                                  f"database): {str(exc).strip().splitlines()[0]}") from exc
            raise LedgerError(f"{self.describe()}: {type(exc).__name__}: {exc}") from exc

    def _sellers(self, cursor, county_code, available, delta):
        needed = Amounts(*(-v if v < 0 else 0 for v in (delta.area_mu, delta.capacity_kg, delta.paddy_mu)))
        shortfall = available.shortfall_against(needed)
        return seller_offers(county_code, shortfall, self._all_balances_cur(cursor), self.county_table)

    @staticmethod
    def _amounts(amounts, what):
        if isinstance(amounts, dict):
            amounts = Amounts(**amounts)
        if not isinstance(amounts, Amounts):
            amounts = Amounts(*amounts)
        try:
            values = amounts.e4()
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise LedgerInputError(f"{what}: amounts are not numbers: {amounts}") from exc
        if any(v < 0 for v in values):
            raise LedgerInputError(f"{what}: amounts may not be negative: {amounts.as_dict()}")
        if all(v == 0 for v in values):
            raise LedgerInputError(f"{what}: all three amounts are zero")
        return amounts

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
        county = county_code_checked(request.county_code)
        amounts = self._amounts(request.amounts, f"deposit of project {request.project_code}")
        occurred = iso_date(request.occurred_on, "occurred_on")
        key = idempotency_key or f"deposit:{request.project_code}"
        province = getattr(request, "province_amounts", None) or Amounts()
        if not isinstance(province, Amounts) or not province.is_zero():
            province = self._amounts(province, f"province share of project {request.project_code}")
        if not amounts.covers(province):
            raise LedgerInputError(f"deposit of project {request.project_code}: the province share {province} "
                                   f"exceeds the credits {amounts}")
        counties, extra = [county], {}
        if not province.is_zero():
            if not self.has_province_columns:
                raise LedgerStorageError(f"{self.describe()}: this ledger cannot store a province share yet; ask "
                                         f"the database owner to rerun the schema installer (schema 2)")
            account = province_account(county)
            counties.append(account)
            extra = dict(zip(PROVINCE_COLUMNS, province.e4()), counterparty_code=account)

        def build(cursor, before):
            if self._fetch_entry(cursor, "kind = 'deposit' AND project_code = ?", (request.project_code,)):
                raise DuplicateError(f"project {request.project_code} has been deposited already")
            movements = [(county, amounts.minus(province))]
            if extra:
                movements.append((extra["counterparty_code"], province))
            return (self._entry_values(DEPOSIT, county, amounts, occurred, project_code=request.project_code,
                                       project_name=request.project_name, note=request.note or None, **extra),
                    movements)
        return self._operation(key, counties, build)

    def deposit_project(self, project_attributes, project_credit, profile=None, idempotency_key=None):
        """Apply the deposit rules of domain.md §6 to a project and deposit its credits."""
        request = deposit_from_project(project_attributes, project_credit, profile or self.profile)
        return self.deposit(request, idempotency_key)

    def write_off(self, county_code, project_code, project_name, amounts, occurred_on, idempotency_key=None,
                  note=None, commitment_entry_id=None):
        """Withdraw a construction project's occupied area, capacity and paddy, all three or none."""
        county = county_code_checked(county_code)
        if not str(project_code or "").strip():
            raise LedgerInputError("write-off: project_code is missing")
        amounts = self._amounts(amounts, f"write-off of {project_code}")
        occurred = iso_date(occurred_on, "write-off date")
        key = idempotency_key or f"writeoff:{uuid.uuid4()}"

        def build(cursor, before):
            if not before[county].covers(amounts):
                raise ShortfallError(county, amounts, before[county],
                                     self._sellers(cursor, county, before[county], self._negated(amounts)))
            return (self._entry_values(WRITEOFF, county, amounts, occurred, project_code=str(project_code),
                                       project_name=project_name or None, note=note,
                                       commitment_entry_id=commitment_entry_id),
                    [(county, self._negated(amounts))])
        return self._operation(key, [county], build)

    def transfer(self, seller_code, buyer_code, amounts, price_yuan_per_mu, pricing, occurred_on,
                 idempotency_key=None, note=None):
        """Move indicators from a seller county to a buyer county of the same province (调剂)."""
        seller = county_code_checked(seller_code, "seller county")
        buyer = county_code_checked(buyer_code, "buyer county")
        if seller == buyer:
            raise LedgerInputError(f"transfer: seller and buyer are the same county {seller}")
        if seller[:2] != buyer[:2]:
            raise RuleRefused(f"transfer: {seller} ({self.county_table.name(seller)}) and {buyer} "
                              f"({self.county_table.name(buyer)}) are not in the same province")
        amounts = self._amounts(amounts, "transfer")
        check_transfer_price(seller, price_yuan_per_mu, pricing, self.county_table)
        occurred = iso_date(occurred_on, "transfer date")
        key = idempotency_key or f"transfer:{uuid.uuid4()}"
        price = float(price_yuan_per_mu)

        def build(cursor, before):
            if not before[seller].covers(amounts):
                raise ShortfallError(seller, amounts, before[seller], (), what="transfer")
            return (self._entry_values(TRANSFER, buyer, amounts, occurred, counterparty_code=seller,
                                       price_yuan_per_mu=price, total_yuan=price * bundle_mu(amounts),
                                       pricing=pricing, note=note),
                    [(seller, self._negated(amounts)), (buyer, amounts)])
        return self._operation(key, [seller, buyer], build)

    def commit(self, county_code, project_code, project_name, amounts, due_on, occurred_on=None,
               idempotency_key=None, note=None):
        """Record a commitment (承诺): nothing moves until processed at its due date."""
        county = county_code_checked(county_code)
        if not str(project_code or "").strip():
            raise LedgerInputError("commitment: project_code is missing")
        amounts = self._amounts(amounts, f"commitment of {project_code}")
        due = iso_date(due_on, "due date")
        occurred = iso_date(occurred_on or datetime.date.today(), "commitment date")
        if due < occurred:
            raise LedgerInputError(f"commitment: due date {due} is before the commitment date {occurred}")
        key = idempotency_key or f"commitment:{uuid.uuid4()}"

        def build(cursor, before):
            return (self._entry_values(COMMITMENT, county, amounts, occurred, project_code=str(project_code),
                                       project_name=project_name or None, due_on=due, note=note), [])
        return self._operation(key, [county], build)

    def process_due_commitments(self, today=None, county_code=None):
        """Write off every open commitment due by ``today``: [(commitment, OperationResult or LedgerError)]."""
        today = iso_date(today or datetime.date.today(), "today")
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
            raise LedgerInputError(f"reversal: journal entry {entry_id} does not exist")
        if original.kind == REVERSAL:
            raise RuleRefused(f"reversal: entry {entry_id} is itself a reversal; record a new operation instead")
        if not str(reason or "").strip():
            raise LedgerInputError("reversal: a reason is required")
        occurred = iso_date(occurred_on or datetime.date.today(), "reversal date")
        key = idempotency_key or f"reversal:{original.entry_id}"
        counties = [original.county_code] + ([original.counterparty_code] if original.counterparty_code else [])

        def build(cursor, before):
            if self._fetch_entry(cursor, "kind = 'reversal' AND reverses_entry_id = ?", (original.entry_id,)):
                raise DuplicateError(f"entry {original.entry_id} has been reversed already")
            cursor.execute(self._sql("SELECT county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4 FROM {movement} "
                                     "WHERE entry_id = ? ORDER BY movement_id"), (original.entry_id,))
            movements = [(row[0], Amounts.from_e4(-row[1], -row[2], -row[3])) for row in cursor.fetchall()]
            return (self._entry_values(REVERSAL, original.county_code, original.amounts, occurred,
                                       counterparty_code=original.counterparty_code,
                                       project_code=original.project_code, project_name=original.project_name,
                                       reverses_entry_id=original.entry_id,
                                       note=f"reverses {original.kind} {original.entry_id}: {reason}"),
                    movements)
        return self._operation(key, counties, build)

    def propose(self, kind, county_code, project_code=None, payload=""):
        """A technician's proposal (read, propose): stored for a reviewer or officer, moves nothing."""
        county = county_code_checked(county_code)
        errors = self._database_errors()
        try:
            with self._write() as cursor:
                cursor.execute(self._sql("INSERT INTO {proposal} (kind, county_code, project_code, payload, "
                                         "created_by) VALUES (?, ?, ?, ?, ?) RETURNING proposal_id"),
                               (kind, county, project_code, payload, self._user()))
                return cursor.fetchone()[0]
        except errors as exc:
            if self._classify(exc) == PERMISSION:
                raise LedgerPermissionError(f"{self.describe()}: proposal refused: {exc}") from exc
            raise LedgerError(f"{self.describe()}: {exc}") from exc

    # ----- checking ----------------------------------------------------------------------------
    def verify(self):
        """Check the ledger against its journal; returns a dict with ``ok`` and the problems found.

        - every balance equals the sum of its movements,
        - replaying each county's movements in entry order never goes below zero,
        - every entry that moves something has its movements: one of its amounts (a deposit split
          with the province: two that add up to them; a transfer: one out, one in), and a reversal
          exactly the opposite of the movements of the entry it reverses.
        """
        problems = []
        balances = self.balances()
        sums, running, lowest = {}, {}, {}
        per_entry = {}
        for entry_id, _kind, code, delta in self.movements():
            sums[code] = sums.get(code, Amounts()).plus(delta)
            running[code] = running.get(code, Amounts()).plus(delta)
            if running[code].any_negative():
                lowest.setdefault(code, (entry_id, running[code]))
            per_entry.setdefault(entry_id, []).append(delta)
        for code in sorted(set(balances) | set(sums)):
            if balances.get(code, Amounts()).e4() != sums.get(code, Amounts()).e4():
                problems.append(f"county {code}: balance {balances.get(code)} ≠ sum of journal {sums.get(code)}")
        for code, (entry_id, amounts) in lowest.items():
            problems.append(f"county {code}: went below zero at entry {entry_id}: {amounts}")
        entries = self.journal()
        for entry in entries:
            deltas = per_entry.get(entry.entry_id, [])
            if entry.kind == COMMITMENT:
                if deltas:
                    problems.append(f"entry {entry.entry_id}: a commitment has movements")
                continue
            if entry.kind == REVERSAL:
                # a reversal undoes exactly the movements of the entry it reverses
                undone = sorted(tuple(-v for v in delta.e4()) for delta in per_entry.get(entry.reverses_entry_id, []))
                if sorted(delta.e4() for delta in deltas) != undone:
                    problems.append(f"entry {entry.entry_id}: its movements do not undo entry {entry.reverses_entry_id}")
                continue
            split = entry.kind == DEPOSIT and not entry.province_amounts.is_zero()
            if entry.kind in (DEPOSIT, WRITEOFF) and len(deltas) != (2 if split else 1):
                problems.append(f"entry {entry.entry_id}: {entry.kind} has {len(deltas)} movements")
            if entry.kind == TRANSFER and len(deltas) != 2:
                problems.append(f"entry {entry.entry_id}: transfer has {len(deltas)} movements")
            if split:
                # the county's part and the province's part add up to the deposit
                total = Amounts()
                for delta in deltas:
                    total = total.plus(delta)
                if total.e4() != entry.amounts.e4():
                    problems.append(f"entry {entry.entry_id}: movements {total} ≠ amounts {entry.amounts}")
                continue
            for delta in deltas:
                if tuple(abs(v) for v in delta.e4()) != entry.amounts.e4():
                    problems.append(f"entry {entry.entry_id}: movement {delta} ≠ amounts {entry.amounts}")
        return {"ok": not problems, "problems": problems, "entries": len(entries),
                "counties": len(balances)}
