# SPDX-License-Identifier: GPL-2.0-or-later
"""core.acceptance: what stops an acceptance, and the deposits of a project across reopenings (real ledger)."""
import pytest

from double_guarantee_plugin.core import acceptance, tables
from double_guarantee_plugin.core.credits import ProjectCredit
from double_guarantee_plugin.core.ledger import Amounts, open_ledger
from double_guarantee_plugin.core.live_credits import STATUS_BLOCKING, STATUS_OK, CreditSnapshot

GOOD = {"project_code": "P-1", "project_name": "测试", "county_code": "320999", "project_type": "land_consolidation",
        "funding_source": "county", "implemented_on": "2024-05-01", "status": "under_way"}


def snapshot(area=10.0, status=STATUS_OK, messages=()):
    credit = ProjectCredit("P-1")
    credit.credit_area_mu, credit.credit_capacity_kg, credit.area_mu = area, area * 800, area
    return CreditSnapshot("P-1", project_credit=credit, check_status=status, check_messages=list(messages))


def test_a_complete_project_passes():
    assert acceptance.acceptance_problems(GOOD, snapshot()) == []


@pytest.mark.parametrize("change, expected", [
    ({"county_code": None}, "county code"), ({"county_code": "3209"}, "6-digit"),
    ({"implemented_on": None}, "implementation date"),
    ({"implemented_on": "2016-06-01", "funding_source": "new_construction_land_fee"}, "does not allow")])
def test_each_missing_or_refused_attribute_is_named(change, expected):
    problems = acceptance.acceptance_problems(dict(GOOD, **change), snapshot())
    assert len(problems) == 1 and expected in problems[0]


def test_blocking_verdict_zero_credits_and_unsaved_plots_are_named_together():
    problems = acceptance.acceptance_problems(GOOD, snapshot(0.0, STATUS_BLOCKING, ["plot P-1-01 in the red line"]),
                                              plots_modified=True)
    text = " | ".join(problems)
    assert len(problems) == 3
    assert "unsaved" in text and "blocking: plot P-1-01 in the red line" in text and "no credits" in text


def test_locked_statuses():
    """At or past the deposit state of either workflow: 已验收 and 已报备 (2017), 入库 (2024); the 2024 review
    states before 入库 hold no deposit."""
    assert acceptance.locked_statuses() == {"accepted", "filed", "deposited"}
    assert acceptance.is_locked("accepted") and acceptance.is_locked("filed") and acceptance.is_locked("deposited")
    assert not acceptance.is_locked("under_way") and not acceptance.is_locked(None)
    assert not acceptance.is_locked("publicised") and not acceptance.is_locked("county_reviewed")


def test_the_deposit_of_a_2024_project_is_at_its_deposit_state_on_the_step_date():
    profile = tables.load_rule_profile("national_2024")
    request = acceptance.deposit_request(dict(GOOD, implemented_on="2025-05-01"), snapshot().project_credit, profile,
                                         accepted_on="2025-12-20")
    assert acceptance.deposit_state(profile) == "deposited" and request.occurred_on == "2025-12-20"
    assert acceptance.project_profile(dict(GOOD, implemented_on="2025-05-01")).id == "national_2024"
    assert acceptance.project_profile(GOOD).id == "national_2017"


def test_deposits_across_reopenings_use_revision_codes(tmp_path):
    ledger = open_ledger(str(tmp_path / "ledger.gpkg"))
    try:
        profile = tables.load_rule_profile()
        credit = snapshot().project_credit
        active, every = acceptance.project_deposits(ledger, "P-1")
        assert active == every == []
        first = ledger.deposit(acceptance.deposit_request(GOOD, credit, profile, every))
        assert first.entry.project_code == "P-1"
        # another project whose code starts alike is not P-1's
        ledger.deposit(acceptance.deposit_request(dict(GOOD, project_code="P-10"), _credit("P-10"), profile))
        active, every = acceptance.project_deposits(ledger, "P-1")
        assert [e.entry_id for e in active] == [first.entry.entry_id]
        reversals = acceptance.reverse_deposits(ledger, "P-1", "更正边界")
        assert len(reversals) == 1 and "更正边界" in reversals[0].entry.note
        active, every = acceptance.project_deposits(ledger, "P-1")
        assert active == [] and len(every) == 1
        second = ledger.deposit(acceptance.deposit_request(GOOD, credit, profile, every))
        assert second.entry.project_code == "P-1-R2"
        assert acceptance.project_deposits(ledger, "P-1")[0][0].entry_id == second.entry.entry_id
        assert ledger.balance("320999").amounts.area_mu == pytest.approx(2 * 10.0)   # P-1-R2 and P-10
        assert ledger.verify()["ok"]
    finally:
        ledger.close()


def test_a_reversal_the_reserve_cannot_cover_is_refused(tmp_path):
    from double_guarantee_plugin.core.ledger import LedgerError
    ledger = open_ledger(str(tmp_path / "ledger.gpkg"))
    try:
        ledger.deposit(acceptance.deposit_request(GOOD, snapshot().project_credit, tables.load_rule_profile()))
        ledger.write_off("320999", "JS-1", "建设", Amounts(5.0, 0.0, 0.0), "2026-12-03",
                         dzjgh="3209992026B00001", ajbh="宁自然资〔2026〕1号")
        with pytest.raises(LedgerError):
            acceptance.reverse_deposits(ledger, "P-1", "错误")
        assert len(acceptance.project_deposits(ledger, "P-1")[0]) == 1
    finally:
        ledger.close()


def _credit(code, area=10.0):
    credit = ProjectCredit(code)
    credit.credit_area_mu, credit.credit_capacity_kg, credit.area_mu = area, area * 800, area
    return credit
