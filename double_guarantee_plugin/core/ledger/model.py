# SPDX-License-Identifier: GPL-2.0-or-later
"""Value types of the reserve ledger: amounts, balances, journal entries and the ledger's errors.

Pure Python.  Amounts are stored as exact integers in units of 1/10000 (``*_e4`` columns) so that
a balance equals the sum of its journal exactly; the Python side speaks 亩 and kg.
"""
import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal

from ..units import kg_to_wan_kg, mu_to_ha
from .messages import tr

SCALE = 10000
DEPOSIT, WRITEOFF, TRANSFER, COMMITMENT, REVERSAL = "deposit", "writeoff", "transfer", "commitment", "reversal"
ENTRY_KINDS = (DEPOSIT, WRITEOFF, TRANSFER, COMMITMENT, REVERSAL)
PRICING_CAPPED, PRICING_BID = "capped", "bid"
INDICATORS = ("area_mu", "capacity_kg", "paddy_mu")


def to_e4(value):
    """亩 or kg as a float/int/str/Decimal → exact integer in 1/10000 units (half-even)."""
    if value is None:
        return 0
    quantity = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if not quantity.is_finite():
        raise LedgerInputError(tr("amount {} is not a finite number", repr(value)))
    return int((quantity * SCALE).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def from_e4(value):
    return int(value or 0) / SCALE


@dataclass(frozen=True)
class Amounts:
    """The three indicators that always move together: area (亩), grain capacity (kg), paddy (亩)."""
    area_mu: float = 0.0
    capacity_kg: float = 0.0
    paddy_mu: float = 0.0

    @classmethod
    def from_e4(cls, area, capacity, paddy):
        return cls(from_e4(area), from_e4(capacity), from_e4(paddy))

    def e4(self):
        return to_e4(self.area_mu), to_e4(self.capacity_kg), to_e4(self.paddy_mu)

    def is_zero(self):
        return self.e4() == (0, 0, 0)

    def any_negative(self):
        return any(v < 0 for v in self.e4())

    def covers(self, other):
        return all(mine >= theirs for mine, theirs in zip(self.e4(), other.e4()))

    def shortfall_against(self, needed):
        """What is missing to cover ``needed`` (zero where this covers it)."""
        return Amounts.from_e4(*(max(0, want - have) for have, want in zip(self.e4(), needed.e4())))

    def minus(self, other):
        return Amounts.from_e4(*(a - b for a, b in zip(self.e4(), other.e4())))

    def plus(self, other):
        return Amounts.from_e4(*(a + b for a, b in zip(self.e4(), other.e4())))

    @property
    def area_ha(self):
        return mu_to_ha(self.area_mu)

    @property
    def paddy_ha(self):
        return mu_to_ha(self.paddy_mu)

    @property
    def capacity_wan_kg(self):
        return kg_to_wan_kg(self.capacity_kg)

    def as_dict(self):
        return {"area_mu": self.area_mu, "capacity_kg": self.capacity_kg, "paddy_mu": self.paddy_mu}


@dataclass(frozen=True)
class Balance:
    county_code: str
    amounts: Amounts

    @property
    def area_mu(self):
        return self.amounts.area_mu

    @property
    def capacity_kg(self):
        return self.amounts.capacity_kg

    @property
    def paddy_mu(self):
        return self.amounts.paddy_mu


JOURNAL_COLUMNS = ("entry_id", "kind", "county_code", "counterparty_code", "project_code", "project_name",
                   "area_mu_e4", "capacity_kg_e4", "paddy_mu_e4", "price_yuan_per_mu", "total_yuan", "pricing",
                   "occurred_on", "due_on", "commitment_entry_id", "reverses_entry_id", "idempotency_key",
                   "note", "created_at", "created_by")
# schema 2: the province's part of a deposit (Jiangsu 2014 province-invested projects), moved to the
# province reserve named in counterparty_code; 0 everywhere else
PROVINCE_COLUMNS = ("province_area_mu_e4", "province_capacity_kg_e4", "province_paddy_mu_e4")


@dataclass(frozen=True)
class JournalEntry:
    entry_id: int
    kind: str
    county_code: str
    counterparty_code: str
    project_code: str
    project_name: str
    amounts: Amounts
    price_yuan_per_mu: float
    total_yuan: float
    pricing: str
    occurred_on: str
    due_on: str
    commitment_entry_id: int
    reverses_entry_id: int
    idempotency_key: str
    note: str
    created_at: str
    created_by: str
    province_amounts: Amounts = Amounts()   # the part of a deposit that went to the province reserve

    @classmethod
    def from_row(cls, row):
        """From a row of JOURNAL_COLUMNS (+ PROVINCE_COLUMNS when the ledger has them)."""
        values = dict(zip(JOURNAL_COLUMNS + PROVINCE_COLUMNS, row))
        amounts = Amounts.from_e4(values.pop("area_mu_e4"), values.pop("capacity_kg_e4"), values.pop("paddy_mu_e4"))
        province = Amounts.from_e4(*(values.pop(name, 0) or 0 for name in PROVINCE_COLUMNS))
        return cls(amounts=amounts, province_amounts=province, **values)

    @property
    def county_amounts(self):
        """What the entry moved for its own county (a deposit less the province's part)."""
        return self.amounts.minus(self.province_amounts)

    def matches(self, text):
        """Case-insensitive search over the entry's codes, names and note."""
        text = (text or "").strip().lower()
        if not text:
            return True
        haystack = " ".join(str(v) for v in (self.entry_id, self.kind, self.county_code, self.counterparty_code,
                                              self.project_code, self.project_name, self.note,
                                              self.idempotency_key, self.occurred_on) if v is not None)
        return text in haystack.lower()


@dataclass(frozen=True)
class OperationResult:
    """What an operation did: ``applied`` is False when the idempotency key had been applied before."""
    entry: JournalEntry
    applied: bool
    balances_before: dict = field(default_factory=dict)   # county_code -> Amounts
    balances_after: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SellerOffer:
    """A county of the same province whose reserve could cover a shortfall."""
    county_code: str
    name_zh: str
    name_en: str
    poor: bool
    price_yuan_per_mu: float
    available: Amounts
    total_yuan: float


class LedgerError(Exception):
    """Any refusal of the ledger; the message says what was refused and why."""


class LedgerInputError(LedgerError):
    """An operation with missing or malformed input (names the field)."""


class RuleRefused(LedgerError):
    """An operation that breaks a rule of domain.md §6 (funding rule, province, status…)."""


class DuplicateError(LedgerError):
    """A second deposit for one project, a second reversal of one entry…"""


class LedgerPermissionError(LedgerError):
    """The database refused the operation for the connected role."""


class LedgerStorageError(LedgerError):
    """The ledger file or database cannot be opened, created or read."""


class LedgerIntegrityError(LedgerError):
    """The ledger does not verify (changed outside the plugin): nothing more is written to it."""


class ShortfallError(LedgerError):
    """A county's reserve cannot cover an operation; carries the shortfall and possible sellers."""

    def __init__(self, county_code, needed, available, sellers=(), what="writeoff"):
        self.county_code = county_code
        self.needed = needed
        self.available = available
        self.shortfall = available.shortfall_against(needed)
        self.sellers = list(sellers)
        labels = {"area_mu": tr("area"), "capacity_kg": tr("grain capacity"), "paddy_mu": tr("paddy")}
        parts = [tr("{} short by {:g}", labels[name], getattr(self.shortfall, name))
                 for name in INDICATORS if getattr(self.shortfall, name) > 0]
        if self.sellers:
            seller_text = tr(", sellers in the province (cheapest first): {}", ", ".join(
                tr("{} {} at {:g} yuan/mu", s.county_code, s.name_zh, s.price_yuan_per_mu) for s in self.sellers))
        else:
            seller_text = tr(", no county of the province can sell")
        super().__init__(tr("county {}: the reserve cannot cover the {}: {}{}", county_code, operation_label(what),
                            "; ".join(parts), seller_text))


def operation_label(kind):
    """An operation's name for a message (the journal's kinds, and 'write-off' as older callers spell it)."""
    return {"deposit": tr("deposit"), "writeoff": tr("write-off"), "write-off": tr("write-off"),
            "transfer": tr("transfer"), "commitment": tr("commitment"), "reversal": tr("reversal")}.get(kind, kind)


def iso_date(value, field_name):
    """A date (or ISO text) as 'YYYY-MM-DD'; a clear error naming the field otherwise."""
    if value is None or value == "":
        raise LedgerInputError(tr("{} is missing", field_name))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "toString") and hasattr(value, "isValid"):  # QDate without importing Qt
        if not value.isValid():
            raise LedgerInputError(tr("{} is not a valid date", field_name))
        return value.toString("yyyy-MM-dd")
    try:
        return datetime.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise LedgerInputError(tr("{} '{}' is not a date (YYYY-MM-DD)", field_name, value)) from None


def county_code_checked(value, field_name="county_code"):
    text = str(value if value is not None else "").strip()
    if len(text) != 6 or not text.isascii() or not text.isdigit():
        raise LedgerInputError(tr("{} '{}' is not a 6-digit county code (行政区划代码)", field_name, value))
    return text


def province_of(county_code):
    return str(county_code)[:2]


def province_account(county_code):
    """The code under which a province's own reserve is kept: its 2 digits and 0000 (320000)."""
    return province_of(county_code) + "0000"
