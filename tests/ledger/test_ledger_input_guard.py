# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 14, input: what the ledger refuses before anything is stored, alike on GeoPackage and PostGIS.

Amounts are bounded (a configured maximum per entry and per balance), sub-precision and negative-zero
amounts are refused, county codes must be in the county table, project codes may not be empty,
texts may not hold NUL characters or broken Unicode.  Every refusal is one of the plugin's own
errors with a Chinese message in a Chinese QGIS; no sqlite3, psycopg2 or Python exception escapes.
"""
import re

import pytest

from double_guarantee_plugin.core.ledger import (Amounts, DepositRequest, LedgerError, LedgerInputError,
                                                 RuleRefused)
from double_guarantee_plugin.core.ledger.limits import load_ledger_limits

DEMO = "320999"
CJK = re.compile(r"[\u4e00-\u9fff]")


def seed(ledger):
    ledger.deposit(DepositRequest(DEMO, "P1", "seed", Amounts(100, 80000, 10), "2024-01-01"))
    ledger.deposit(DepositRequest("320981", "P2", "seed", Amounts(50, 40000, 5), "2024-01-02"))


def deposit(code, amounts, county=DEMO, name="x", note=""):
    return lambda l: l.deposit(DepositRequest(county, code, name, amounts, "2024-01-05", note))


def write_off(amounts, county=DEMO, code="JS-1", name="x", note=None, key=None):
    return lambda l: l.write_off(county, code, name, amounts, "2024-02-01", key, note)


LIMITS = load_ledger_limits()
MAX_AREA, MAX_CAPACITY = LIMITS.max_per_entry.area_mu, LIMITS.max_per_entry.capacity_kg

REFUSED = {
    # bounds: the 5·10¹⁴ and 9.3·10¹⁴ deposits, just above the configured maxima
    "deposit 5e14 mu": deposit("BIG-1", Amounts(5e14, 1, 0)),
    "deposit 9.3e14 mu": deposit("BIG-2", Amounts(9.3e14, 9.3e14, 9.3e14)),
    "deposit 1e30 kg": deposit("BIG-3", Amounts(1, 1e30, 0)),
    "area above the maximum": deposit("BIG-4", Amounts(MAX_AREA + 0.0001, 1, 0)),
    "capacity above the maximum": deposit("BIG-5", Amounts(1, MAX_CAPACITY + 0.0001, 0)),
    "paddy above the maximum": write_off(Amounts(1, 1, MAX_AREA * 2)),
    "infinite": write_off(Amounts(float("inf"), 1, 0)),
    "not a number": write_off(Amounts(1, "many", 0)),
    "a boolean": write_off(Amounts(True, 1, 0)),
    "amounts of the wrong shape": write_off({"area": 1}),
    "amounts not a triple": write_off(7),
    # precision: 1/10⁴ of a 亩 or kg; what rounds to nothing is refused, and so is the sign of −0
    "negative sub-precision": write_off(Amounts(1, 1, -0.00004)),
    "negative zero": write_off(Amounts(1, 1, -0.0)),
    "positive sub-precision": deposit("TINY-1", Amounts(0.00004, 1, 0)),
    "all sub-precision": deposit("TINY-2", Amounts(0.00001, 0.00002, 0.00003)),
    # counties
    "county not in the table": deposit("C-1", Amounts(1, 1, 0), county="999999"),
    "province account of an unknown province": deposit("C-2", Amounts(1, 1, 0), county="990000"),
    "write-off from an unknown county": write_off(Amounts(1, 1, 0), county="320100"),
    "transfer to an unknown county": lambda l: l.transfer("320981", "320988", Amounts(1, 1, 0), 100, "bid",
                                                          "2024-03-01"),
    "commitment in an unknown county": lambda l: l.commit("999999", "K-1", "x", Amounts(1, 1, 0), "2025-01-01",
                                                          "2024-01-01"),
    # project codes
    "empty project code": deposit("", Amounts(1, 1, 0)),
    "whitespace project code": deposit("  \t ", Amounts(1, 1, 0)),
    "no project code": deposit(None, Amounts(1, 1, 0)),
    "whitespace write-off code": write_off(Amounts(1, 1, 0), code="   "),
    "whitespace commitment code": lambda l: l.commit(DEMO, " ", "x", Amounts(1, 1, 0), "2025-01-01", "2024-01-01"),
    # texts
    "NUL in a project name": deposit("N-1", Amounts(1, 1, 0), name="东湖\x00村"),
    "NUL in a project code": write_off(Amounts(1, 1, 0), code="JS\x00-1"),
    "NUL in a note": write_off(Amounts(1, 1, 0), note="note\x00"),
    "NUL in a key": write_off(Amounts(1, 1, 0), key="key\x00"),
    "broken Unicode": deposit("N-2", Amounts(1, 1, 0), name="\ud800"),
    "a project code of 10,000 characters": deposit("X" * 10000, Amounts(1, 1, 0)),
    "NUL in a reversal reason": lambda l: l.reverse(1, "wrong\x00"),
    "NUL in a proposal": lambda l: l.propose("writeoff", DEMO, "JS-1", "\x00"),
    # other numbers
    "a price that is not a number": lambda l: l.transfer("320981", DEMO, Amounts(1, 1, 0), float("nan"), "bid",
                                                         "2024-03-01"),
    "a price of text": lambda l: l.transfer("320981", DEMO, Amounts(1, 1, 0), "cheap", "bid", "2024-03-01"),
    "an infinite price": lambda l: l.transfer("320981", DEMO, Amounts(1, 1, 0), float("inf"), "bid", "2024-03-01"),
    "an entry id of text": lambda l: l.reverse("first", "wrong"),
    "an entry id too large": lambda l: l.reverse(10 ** 30, "wrong"),
    "a commitment entry id of text": lambda l: l.write_off(DEMO, "JS-1", "x", Amounts(1, 1, 0), "2024-02-01",
                                                           commitment_entry_id="one"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_bad_input_is_refused_with_the_plugins_error_and_nothing_is_stored(ledger, case):
    seed(ledger)
    before = (ledger.balances(), ledger.journal())
    with pytest.raises(LedgerError):
        REFUSED[case](ledger)
    assert (ledger.balances(), ledger.journal()) == before and ledger.verify()["ok"]


@pytest.mark.parametrize("case", ["deposit 9.3e14 mu", "negative zero", "county not in the table",
                                  "empty project code", "NUL in a project name", "broken Unicode",
                                  "a price that is not a number", "an entry id of text"])
def test_refusals_are_in_chinese(ledger, chinese, case):
    seed(ledger)
    with pytest.raises(LedgerError) as refused:
        REFUSED[case](ledger)
    assert isinstance(refused.value, (LedgerInputError, RuleRefused))
    assert CJK.search(str(refused.value)), str(refused.value)


def test_two_different_empty_code_deposits_are_both_refused(ledger):
    for amounts in (Amounts(5, 4000, 1), Amounts(7, 5000, 2)):
        with pytest.raises(LedgerInputError):
            ledger.deposit(DepositRequest(DEMO, "", "nameless", amounts, "2024-01-01"))
    assert ledger.journal() == []


def test_the_largest_entry_is_accepted_and_the_balance_bound_holds(ledger):
    biggest = Amounts(MAX_AREA, MAX_CAPACITY, MAX_AREA)
    assert ledger.deposit(DepositRequest(DEMO, "MAX-1", "largest", biggest, "2024-01-01")).applied
    assert ledger.balance(DEMO).amounts == biggest                      # exact, not rounded through floats
    assert ledger.write_off(DEMO, "MAX-W", "all of it", biggest, "2024-02-01").applied
    assert ledger.balance(DEMO).amounts == Amounts()
    # a balance may not grow past its own maximum either (every deposit within bounds)
    ledger.limits = LIMITS.with_max_balance(Amounts(2 * MAX_AREA, 2 * MAX_CAPACITY, 2 * MAX_AREA))
    for index in range(2):
        ledger.deposit(DepositRequest(DEMO, f"MAX-{index + 2}", "large", biggest, "2024-01-01"))
    with pytest.raises(LedgerInputError):
        ledger.deposit(DepositRequest(DEMO, "MAX-4", "one too many", Amounts(0.0001, 0, 0), "2024-01-01"))
    ledger.deposit(DepositRequest("320981", "SELLER", "seller", Amounts(1, 0, 0), "2024-01-01"))
    with pytest.raises(LedgerInputError):                              # the buyer's balance would pass it
        ledger.transfer("320981", DEMO, Amounts(0.0001, 0, 0), 1, "bid", "2024-03-01")
    assert ledger.verify()["ok"]


def test_precision_that_rounds_to_a_real_amount_is_kept(ledger):
    """Areas from ellipsoidal geometry have many decimals: those are rounded to 1/10⁴, not refused."""
    result = ledger.deposit(DepositRequest(DEMO, "GEO-1", "x", Amounts(12.345678, 9876.54321, 0.00006),
                                           "2024-01-01"))
    assert result.entry.amounts == Amounts(12.3457, 9876.5432, 0.0001)


def test_a_province_account_of_a_known_province_is_a_county_of_the_ledger(ledger):
    ledger.deposit(DepositRequest(DEMO, "JS-9", "split", Amounts(10, 8000, 0), "2024-01-01",
                                  province_amounts=Amounts(8, 6400, 0)))
    assert ledger.write_off("320000", "PROV-1", "province project", Amounts(1, 1, 0), "2024-02-01").applied


def test_no_raw_exception_escapes_random_input(ledger):
    """Random values of every shape for every argument of the writing operations: only LedgerError."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    seed(ledger)
    texts = st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["", " ", "\x00", "\ud800", DEMO, "320000",
                                                                        "P1", "2024-01-01", "9" * 40]))
    numbers = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10 ** 25, 10 ** 25),
                        st.decimals(allow_nan=True), texts, st.booleans())
    amounts = st.one_of(st.builds(Amounts, numbers, numbers, numbers), st.tuples(numbers, numbers, numbers),
                        st.dictionaries(st.sampled_from(["area_mu", "capacity_kg", "paddy_mu", "x"]), numbers),
                        numbers)
    anything = st.one_of(texts, numbers, amounts, st.dates())
    operations = st.one_of(
        st.tuples(st.just("deposit"), st.builds(DepositRequest, texts, texts, texts, amounts, anything, texts,
                                                amounts)),
        st.tuples(st.just("write_off"), texts, texts, texts, amounts, anything, texts, texts, anything),
        st.tuples(st.just("transfer"), texts, texts, amounts, numbers, texts, anything, texts),
        st.tuples(st.just("commit"), texts, texts, texts, amounts, anything, anything, texts),
        st.tuples(st.just("reverse"), anything, texts, anything),
        st.tuples(st.just("propose"), texts, texts, texts, texts),
        st.tuples(st.just("balance"), anything),
        st.tuples(st.just("entry"), anything),
        st.tuples(st.just("journal"), texts, texts, texts, anything, anything),
    )

    @settings(max_examples=300 if ledger.backend == "geopackage" else 120, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(operations)
    def check(operation):
        name, *args = operation
        try:
            getattr(ledger, name)(*args)
        except LedgerError:
            pass
    check()
    assert ledger.verify()["ok"]
