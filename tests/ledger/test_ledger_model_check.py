# SPDX-License-Identifier: GPL-2.0-or-later
"""Property test: any sequence of ledger operations gives the balances of a plain-Python reference model.

The model is the rule itself (three amounts move together, never below zero, a key applies once);
the ledger under test is the real GeoPackage one, so triggers, CHECKs and rounding are all in play.
"""
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from double_guarantee_plugin.core.ledger import (Amounts, DepositRequest, DuplicateError, GeoPackageLedger,
                                                 LedgerInputError, RuleRefused, ShortfallError)

COUNTIES = ["320981", "320983", "320999", "340999"]
amount = st.decimals(min_value=0, max_value=500, places=4, allow_nan=False, allow_infinity=False)
amounts = st.tuples(amount, amount, amount).filter(lambda t: any(t)).map(
    lambda t: Amounts(*(float(v) for v in t)))
operation = st.one_of(
    st.tuples(st.just("deposit"), st.sampled_from(COUNTIES), amounts, st.integers(0, 5)),
    st.tuples(st.just("writeoff"), st.sampled_from(COUNTIES), amounts, st.integers(0, 30)),
    st.tuples(st.just("transfer"), st.sampled_from(COUNTIES), amounts, st.sampled_from(COUNTIES)),
)


def e4(value):
    return Amounts(value.area_mu, value.capacity_kg, value.paddy_mu).e4()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, min_size=1, max_size=25))
def test_ledger_equals_the_reference_model(operations):
    with tempfile.TemporaryDirectory() as folder:
        ledger = GeoPackageLedger(str(Path(folder) / "model_ledger.gpkg"))
        model = {code: (0, 0, 0) for code in COUNTIES}
        keys = {}
        for index, (kind, county, change, extra) in enumerate(operations):
            delta = e4(change)
            if kind == "deposit":
                project = f"P{extra}"
                try:
                    result = ledger.deposit(DepositRequest(county, project, "", change, "2024-01-01"), f"d{extra}")
                except DuplicateError:
                    assert project in keys.values() and f"d{extra}" not in keys
                    continue
                if f"d{extra}" in keys:                       # a retry of the same key: nothing moves
                    assert not result.applied
                    continue
                keys[f"d{extra}"] = project
                model[county] = tuple(a + b for a, b in zip(model[county], delta))
            elif kind == "writeoff":
                key = f"w{extra}"
                covered = all(a >= b for a, b in zip(model[county], delta))
                try:
                    result = ledger.write_off(county, f"C{extra}", "", change, "2024-02-01", key)
                except ShortfallError as exc:
                    assert not covered and key not in keys
                    assert e4(exc.shortfall) == tuple(max(0, b - a) for a, b in zip(model[county], delta))
                    continue
                if key in keys:
                    assert not result.applied
                    continue
                assert covered and result.applied
                keys[key] = index
                model[county] = tuple(a - b for a, b in zip(model[county], delta))
            else:
                buyer = extra
                try:
                    ledger.transfer(county, buyer, change, 100, "bid", "2024-03-01", f"t{index}")
                except ShortfallError:
                    assert not all(a >= b for a, b in zip(model[county], delta))
                    continue
                except RuleRefused as exc:                    # another province
                    assert county[:2] != buyer[:2], exc
                    continue
                except LedgerInputError as exc:               # the same county on both sides
                    assert county == buyer, exc
                    continue
                assert county != buyer and county[:2] == buyer[:2]
                model[county] = tuple(a - b for a, b in zip(model[county], delta))
                model[buyer] = tuple(a + b for a, b in zip(model[buyer], delta))
        balances = ledger.balances()
        for code in COUNTIES:
            assert balances.get(code, Amounts()).e4() == model[code]
        assert ledger.verify()["ok"]
        ledger.close()
