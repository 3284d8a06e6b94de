# SPDX-License-Identifier: GPL-2.0-or-later
"""What the ledger accepts as input: the configured bounds and the checks of amounts, texts, ids, prices.

Pure Python.  The bounds are the data file ``resources/data/ledger/limits.json`` (checked at load
time): a maximum per entry (10⁸ 亩 and the matching grain capacity) and per balance, a maximum
price, and text lengths.  The checks refuse, with the plugin's own LedgerInputError, what would
otherwise reach the database as a silent rounding (a sub-precision or negative-zero amount), an
overflow (SQLite turns integers past 2⁶³ into floats), or a raw driver exception (a NUL character,
half of a surrogate pair, an id past 2⁶³).  Both backends run the same checks, so they refuse alike.
"""
import functools
import math
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from ..paths import data_path
from ..tables import TableError, _check_schema, _load_json, _require
from .messages import tr
from .model import INDICATORS, Amounts, LedgerInputError, to_e4

# amounts up to 5·10¹¹ stay exact to 1/10⁴ through a float (the Python API's Amounts): a double
# resolves 1/10⁴ below 2³⁹ ≈ 5.5·10¹¹.  The databases refuse more than this too (schema 3).
EXACT_LIMIT = 5 * 10 ** 11
LARGEST_ID = 2 ** 63 - 1
TEXT_KINDS = ("code", "name", "note", "payload")
# characters below U+0020 that a text may hold (the rest, NUL first, are refused)
ALLOWED_CONTROLS = {"\t", "\n", "\r"}


@dataclass(frozen=True)
class LedgerLimits:
    max_per_entry: Amounts
    max_balance: Amounts
    max_price_yuan_per_mu: float
    max_text_chars: dict
    source_path: str = ""

    def with_max_balance(self, amounts):
        return replace(self, max_balance=amounts)


@functools.lru_cache(maxsize=None)
def load_ledger_limits(path=None):
    """The ledger's bounds (default: resources/data/ledger/limits.json)."""
    path = path or data_path("ledger", "limits.json")
    doc = _load_json(path)
    _check_schema(doc, path, "ledger_limits")

    def amounts(key):
        row = _require(doc, path, key, dict)
        values = []
        for name in INDICATORS:
            value = _require(row, path, name, (int, float), f"{key}: ")
            if isinstance(value, bool) or not 0 < value <= EXACT_LIMIT:
                raise TableError(f"{path}: {key}: {name} should be a number above 0 and at most {EXACT_LIMIT:g}")
            values.append(value)
        return Amounts(*values)
    per_entry, balance = amounts("max_per_entry"), amounts("max_balance")
    if not balance.covers(per_entry):
        raise TableError(f"{path}: max_balance should be at least max_per_entry")
    price = _require(doc, path, "max_price_yuan_per_mu", (int, float))
    if isinstance(price, bool) or price <= 0:
        raise TableError(f"{path}: max_price_yuan_per_mu should be a number above 0")
    chars = _require(doc, path, "max_text_chars", dict)
    for kind in TEXT_KINDS:
        value = _require(chars, path, kind, int, "max_text_chars: ")
        if value < 1:
            raise TableError(f"{path}: max_text_chars: {kind} should be at least 1")
    return LedgerLimits(per_entry, balance, float(price), {kind: chars[kind] for kind in TEXT_KINDS}, str(path))


def indicator_label(name):
    return {"area_mu": tr("area (mu)"), "capacity_kg": tr("grain capacity (kg)"),
            "paddy_mu": tr("paddy (mu)")}[name]


def format_amounts(amounts):
    """Amounts for a message: '12.5000 mu, 9,000.0000 kg, 3.0000 mu paddy'."""
    return tr("{:,.4f} mu, {:,.4f} kg, {:,.4f} mu paddy", amounts.area_mu, amounts.capacity_kg, amounts.paddy_mu)


def _quantity(value, what, label):
    """A number (int, float, Decimal or numeric text) as a finite Decimal; booleans are not numbers."""
    if value is None:
        return Decimal(0)
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        raise LedgerInputError(tr("{}: {} {} is not a number", what, label, _shown(value)))
    try:
        quantity = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise LedgerInputError(tr("{}: {} {} is not a number", what, label, _shown(value))) from None
    if not quantity.is_finite():
        raise LedgerInputError(tr("{}: {} {} is not a finite number", what, label, _shown(value)))
    return quantity


def checked_amounts(amounts, what, limits, allow_zero=False):
    """``amounts`` (Amounts, a dict of the three indicators or a triple) checked and rounded to 1/10⁴.

    Refused: other shapes, what is not a finite number, any negative amount (−0 included: a sign the
    user typed is not silently dropped), a non-zero amount that rounds to nothing at 1/10⁴, more than
    the configured maximum per entry, and three zeros unless ``allow_zero``.
    """
    try:
        if isinstance(amounts, dict):
            amounts = Amounts(**amounts)
        elif not isinstance(amounts, Amounts):
            amounts = Amounts(*amounts)
    except TypeError:
        raise LedgerInputError(tr("{}: the amounts should be area (mu), grain capacity (kg) and paddy (mu), "
                                  "not {}", what, _shown(amounts))) from None
    values = []
    for name in INDICATORS:
        label = indicator_label(name)
        raw = getattr(amounts, name)
        quantity = _quantity(raw, what, label)
        if quantity.is_signed():
            raise LedgerInputError(tr("{}: {} may not be negative (−0 included): {}", what, label, _shown(raw)))
        maximum = getattr(limits.max_per_entry, name)
        if quantity > Decimal(str(maximum)):
            raise LedgerInputError(tr("{}: {} {} is more than one entry may hold ({:,.4f})", what, label,
                                      _shown(raw), maximum))
        value = to_e4(quantity)
        if value == 0 and quantity != 0:
            raise LedgerInputError(tr("{}: {} {} is below the ledger's precision of 0.0001", what, label,
                                      _shown(raw)))
        values.append(value)
    if not allow_zero and not any(values):
        raise LedgerInputError(tr("{}: all three amounts are zero", what))
    return Amounts.from_e4(*values)


def check_balance_bound(county_code, balance, limits):
    """Refuse a balance past the configured maximum (it would stop being exact, then overflow)."""
    if not limits.max_balance.covers(balance):
        raise LedgerInputError(tr("county {}: the balance would become {}, more than a balance may hold ({})",
                                  county_code, format_amounts(balance), format_amounts(limits.max_balance)))


def checked_text(value, field_name, kind, limits, required=False):
    """A text for the ledger: None stays None (unless ``required``); numbers become text.

    Codes lose surrounding white space and may not be empty when required; every text is refused
    when it holds a NUL or another control character (tab and line breaks aside), half of a
    surrogate pair, or more characters than configured for its kind.
    """
    if value is None:
        if required:
            raise LedgerInputError(tr("{} is missing", field_name))
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise LedgerInputError(tr("{} should be a text, not {}", field_name, _shown(value)))
    text = str(value)
    if kind == "code":
        text = text.strip()
        if not text:
            if required:
                raise LedgerInputError(tr("{} is empty", field_name))
            return None
    for position, char in enumerate(text):
        if (char < " " and char not in ALLOWED_CONTROLS) or char == "\x7f":
            raise LedgerInputError(tr("{}: control character U+{:04X} at position {}", field_name, ord(char),
                                      position + 1))
        if "\ud800" <= char <= "\udfff":
            raise LedgerInputError(tr("{}: broken Unicode (half of a surrogate pair) at position {}", field_name,
                                      position + 1))
    maximum = limits.max_text_chars[kind]
    if len(text) > maximum:
        raise LedgerInputError(tr("{}: {} characters, at most {} are allowed", field_name, len(text), maximum))
    return text


def checked_entry_id(value, field_name):
    """A journal entry id: a whole number from 1 to 2⁶³ − 1 (or its digits as text)."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise LedgerInputError(tr("{} {} is not a journal entry number", field_name, _shown(value)))
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= LARGEST_ID:
        raise LedgerInputError(tr("{} {} is not a journal entry number", field_name, _shown(value)))
    return int(text)


def checked_price(value, limits):
    """A price in yuan per 亩: a finite number from 0 to the configured maximum."""
    label = tr("price per mu")
    quantity = _quantity(value, tr("transfer"), label)
    if quantity.is_signed() or quantity > Decimal(str(limits.max_price_yuan_per_mu)):
        raise LedgerInputError(tr("transfer: price per mu {} should be a number from 0 to {:,.0f} yuan",
                                  _shown(value), limits.max_price_yuan_per_mu))
    price = float(quantity)
    if not math.isfinite(price):
        raise LedgerInputError(tr("transfer: price per mu {} should be a number from 0 to {:,.0f} yuan",
                                  _shown(value), limits.max_price_yuan_per_mu))
    return price


def _shown(value, length=60):
    """A value as a message may show it: its repr, shortened, escapes kept visible."""
    text = repr(value)
    return text if len(text) <= length else text[:length] + "…"


__all__ = ["LedgerLimits", "load_ledger_limits", "checked_amounts", "checked_text", "checked_entry_id",
           "checked_price", "check_balance_bound", "format_amounts", "indicator_label", "EXACT_LIMIT"]
