# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 16, the ledger's part of the 2024 reform (schema 4), hand-worked, on both backends.

- 进出平衡: 出 and 进 per county and year, exemptions recorded but not counted, a plot credited to
  占补平衡 or to 进出平衡 and never both (refused by the plugin and, with the plugin's check taken away,
  by the database itself);
- write-offs refused: credits waiting for their change-survey confirmation, a legacy (national_2017)
  write-off dated on or after 2025-01-01, a national_2024 write-off without 电子监管号 or 案卷编号;
- the legacy credits of ``legacy_credit_carryover``, as profile data.
"""
import dataclasses

import pytest

from double_guarantee_plugin.core import tables
from double_guarantee_plugin.core.credits import ProjectCredit
from double_guarantee_plugin.core.ledger import (Amounts, DepositRequest, DuplicateError, LedgerError,
                                                 LedgerInputError, RuleRefused, ShortfallError)
from double_guarantee_plugin.core.ledger.base import Ledger
from double_guarantee_plugin.core.ledger.model import UnconfirmedCreditError

DEMO, YUNXI = "320999", "320981"
LINKS = {"dzjgh": "3209992025000123", "ajbh": "苏自然资案〔2025〕17号"}


def _reform_project(code="DG2025-01", county=DEMO, accepted="2025-09-01"):
    return {"project_code": code, "project_name": "西岗村新增耕地项目", "county_code": county,
            "project_type": "land_consolidation", "funding_source": "county", "implemented_on": "2025-02-01",
            "status": "deposited", "accepted_on": accepted}


def _deposit_2024(ledger, plot_codes=("P-1", "P-2"), amounts=(100, 80000, 10), code="DG2025-01"):
    return ledger.deposit_project(_reform_project(code), ProjectCredit(code, credit_area_mu=amounts[0],
                                                                       credit_capacity_kg=amounts[1],
                                                                       credit_paddy_mu=amounts[2]),
                                  tables.load_rule_profile("national_2024"), plot_codes=plot_codes).entry


def test_in_out_account_by_hand_and_never_double_counted(ledger):
    # project DG2025-01: plots P-1 and P-2 credited to 占补平衡 (100 亩), plot P-3 (orchard → dry land,
    # 12 亩) to 进出平衡
    deposit = _deposit_2024(ledger)
    assert (deposit.rule_profile, deposit.requires_confirmation, deposit.plot_codes) == \
        ("national_2024", 1, ("P-1", "P-2"))
    came_in = ledger.record_in(DEMO, "DG2025-01", "西岗村", Amounts(12, 9600, 0), "2025-09-01", ["P-3"],
                               classes=("0201", "0103")).entry
    assert came_in.kind == "inout_in" and came_in.plot_codes == ("P-3",)
    # P-2 again, to 进出平衡: refused, naming the plot and the entry that holds it
    with pytest.raises(DuplicateError, match=r"P-2.*entry %d" % deposit.entry_id):
        ledger.record_in(DEMO, "DG2025-01", "西岗村", Amounts(1, 1, 0), "2025-09-01", ["P-2", "P-4"],
                         idempotency_key="again")
    # a project deposited whole (no plot list, as every deposit before schema 4) holds all its plots
    ledger.deposit(DepositRequest(DEMO, "DG2024-09", "整个项目", Amounts(30, 24000, 0), "2024-10-01"))
    with pytest.raises(DuplicateError, match="DG2024-09"):
        ledger.record_in(DEMO, "DG2024-09", "整个项目", Amounts(3, 1, 0), "2024-10-01", ["X-1"])
    # 出: 8 亩 of dry land to orchard and 5 亩 of paddy to a fish pond in 2025, 2 亩 lost to a flood
    # (exempt, recorded); 4 亩 out in 2024
    ledger.record_out(DEMO, Amounts(8, 6400, 0), "2025-04-01", "0103", "0201", note="种果")
    ledger.record_out(DEMO, Amounts(5, 4500, 5), "2025-06-01", "0101", "1104A")
    flood = ledger.record_out(DEMO, Amounts(2, 1600, 0), "2025-07-20", "0103", "1104", exemption="disaster").entry
    ledger.record_out(DEMO, Amounts(4, 3000, 0), "2024-05-01", "0102", "0301")
    by_year = {row.year: row for row in ledger.in_out_account(DEMO)}
    assert set(by_year) == {2024, 2025}
    assert by_year[2025].in_mu == 12 and by_year[2025].out_mu == 13 and by_year[2025].exempt.area_mu == 2
    assert by_year[2025].balance_mu == -1 and not by_year[2025].met          # 12 − (8 + 5): 1 亩 short
    assert by_year[2024].balance_mu == -4
    # the exemption was wrong: reversed, the flood's 2 亩 count … by a new 出 entry
    ledger.reverse(flood.entry_id, "not a flood")
    ledger.record_out(DEMO, Amounts(2, 1600, 0), "2025-07-20", "0103", "1104")
    assert ledger.in_out_account(DEMO, 2025)[0].out_mu == 15
    # nothing of this moved the three-indicator reserve
    assert ledger.balance(DEMO).amounts == Amounts(130, 104000, 10)
    # once the deposit is reversed, its plots are free for 进出平衡
    ledger.reverse(deposit.entry_id, "entered under the wrong account")
    assert ledger.record_in(DEMO, "DG2025-01", "西岗村", Amounts(1, 1, 0), "2025-09-01", ["P-2"],
                            idempotency_key="p2").applied
    assert ledger.verify()["ok"]


def test_in_out_changes_are_checked_against_the_profile(ledger):
    with pytest.raises(RuleRefused, match="0201 → 0103"):
        ledger.record_out(DEMO, Amounts(1, 0, 0), "2025-04-01", "0201", "0103")        # that is 进, not 出
    with pytest.raises(RuleRefused, match="0103 → 0601"):
        ledger.record_out(DEMO, Amounts(1, 0, 0), "2025-04-01", "0103", "0601")        # construction: a write-off
    with pytest.raises(LedgerInputError, match="exemption 'holiday'"):
        ledger.record_out(DEMO, Amounts(1, 0, 0), "2025-04-01", "0103", "0201", exemption="holiday")
    with pytest.raises(RuleRefused, match="1206 → 0103"):
        ledger.record_in(DEMO, "P", "x", Amounts(1, 0, 0), "2025-04-01", classes=("1206", "0103"))
    with pytest.raises(RuleRefused, match="jiangsu_2014 keeps no 进出平衡"):
        ledger.record_out(DEMO, Amounts(1, 0, 0), "2025-04-01", "0103", "0201", profile="jiangsu_2014")
    assert ledger.journal() == []


def test_a_plot_is_never_credited_twice_even_without_the_plugins_check(ledger, monkeypatch):
    """The database refuses it by itself: the plugin's own check taken away."""
    _deposit_2024(ledger)
    monkeypatch.setattr(Ledger, "_refuse_claimed", lambda *args: None)
    with pytest.raises(DuplicateError, match="never both"):
        ledger.record_in(DEMO, "DG2025-01", "西岗村", Amounts(1, 1, 0), "2025-09-01", ["P-1"])
    assert ledger.record_in(DEMO, "DG2025-01", "西岗村", Amounts(1, 1, 0), "2025-09-01", ["P-9"]).applied
    assert [e.kind for e in ledger.journal()] == ["deposit", "inout_in"]


def test_write_off_refusals_and_the_confirmation(ledger):
    ledger.deposit(DepositRequest(DEMO, "DG2023-01", "东湖村", Amounts(50, 40000, 5), "2023-03-01"))  # national_2017
    deposit = _deposit_2024(ledger)
    assert ledger.balance(DEMO).amounts == Amounts(150, 120000, 15)
    assert [e.project_code for e in ledger.pending_deposits(DEMO)] == ["DG2025-01"]
    assert ledger.usable(DEMO) == Amounts(50, 40000, 5)
    # 60 亩 is in the balance but 100 of it waits for the change survey
    with pytest.raises(UnconfirmedCreditError, match="DG2025-01") as refused:
        ledger.write_off(DEMO, "JS-1", "产业园", Amounts(60, 30000, 0), "2025-11-01", **LINKS)
    assert refused.value.usable == Amounts(50, 40000, 5)
    with pytest.raises(ShortfallError):            # more than the balance: still the shortfall with sellers
        ledger.write_off(DEMO, "JS-1", "产业园", Amounts(160, 30000, 0), "2025-11-01", **LINKS)
    # a legacy write-off after 2025-01-01: refused, naming the date
    with pytest.raises(RuleRefused, match="2025-01-01"):
        ledger.write_off(DEMO, "JS-2", "x", Amounts(1, 1, 0), "2025-03-01", profile="national_2017")
    # national_2024 (chosen by the date) without its links
    with pytest.raises(LedgerInputError, match=r"电子监管号 \(DZJGH\) and 案卷编号 \(AJBH\)"):
        ledger.write_off(DEMO, "JS-3", "x", Amounts(1, 1, 0), "2025-03-01")
    with pytest.raises(LedgerInputError, match=r"案卷编号 \(AJBH\)") as missing:
        ledger.write_off(DEMO, "JS-3", "x", Amounts(1, 1, 0), "2025-03-01", dzjgh=LINKS["dzjgh"])
    assert "DZJGH" not in str(missing.value)
    assert [e.kind for e in ledger.journal()] == ["deposit", "deposit"]
    # the legacy rules before the date: no links needed, the legacy credits are drawable
    assert ledger.write_off(DEMO, "JS-4", "x", Amounts(10, 8000, 1), "2024-12-31").entry.rule_profile == \
        "national_2017"
    # the change survey of 2025 confirms the deposit: its credits become usable
    confirmation = ledger.confirm_deposit(deposit.entry_id, 2025, 0.9712, "2026-03-15").entry
    assert (confirmation.kind, confirmation.survey_year, confirmation.survey_share) == ("confirmation", 2025, 0.9712)
    assert ledger.pending_deposits(DEMO) == [] and ledger.usable(DEMO) == Amounts(140, 112000, 14)
    with pytest.raises(DuplicateError):
        ledger.confirm_deposit(deposit.entry_id, 2026, 0.99, "2026-04-01", idempotency_key="again")
    done = ledger.write_off(DEMO, "JS-1", "产业园", Amounts(60, 30000, 0), "2026-04-01", occupation_kind="construction",
                            **LINKS).entry
    assert (done.rule_profile, done.dzjgh, done.ajbh, done.occupation_kind) == \
        ("national_2024", LINKS["dzjgh"], LINKS["ajbh"], "construction")
    # searchable by 电子监管号 and 案卷编号
    assert [e.entry_id for e in ledger.journal(search="2025000123")] == [done.entry_id]
    assert [e.entry_id for e in ledger.journal(search="〔2025〕17号")] == [done.entry_id]
    # the confirmation cannot be taken back now that its credits are drawn (80 left < 100 waiting)
    with pytest.raises(RuleRefused, match="drawn"):
        ledger.reverse(confirmation.entry_id, "the survey was misread")
    assert ledger.verify()["ok"]


def test_the_database_refuses_unconfirmed_credits_by_itself(ledger, monkeypatch):
    _deposit_2024(ledger)
    ledger.deposit(DepositRequest(DEMO, "DG2023-01", "东湖村", Amounts(50, 40000, 5), "2023-03-01"))
    monkeypatch.setattr(Ledger, "_refuse_unconfirmed", lambda *args: None)
    with pytest.raises(RuleRefused, match="refused by the database"):
        ledger.write_off(DEMO, "JS-1", "x", Amounts(60, 1, 0), "2025-11-01", **LINKS)
    with pytest.raises(RuleRefused, match="refused by the database"):
        ledger.transfer(DEMO, YUNXI, Amounts(51, 1, 0), 40000, "capped", "2025-11-01")
    assert ledger.write_off(DEMO, "JS-1", "x", Amounts(50, 1, 0), "2025-11-01", **LINKS).applied
    assert [e.kind for e in ledger.journal()] == ["deposit", "deposit", "writeoff"]


def test_commitments_carry_their_profile_and_links(ledger):
    ledger.deposit(DepositRequest(DEMO, "DG2023-01", "东湖村", Amounts(50, 40000, 5), "2023-03-01"))
    # made in 2024 under the legacy rules, due in 2025: written off when due under the rules it was made under
    old = ledger.commit(DEMO, "CM-1", "承诺", Amounts(10, 1, 0), "2025-06-30", "2024-11-01").entry
    assert old.rule_profile == "national_2017"
    with pytest.raises(RuleRefused, match="2025-01-01"):
        ledger.commit(DEMO, "CM-2", "x", Amounts(1, 1, 0), "2025-06-30", "2025-02-01", profile="national_2017")
    with pytest.raises(LedgerInputError, match="DZJGH"):
        ledger.commit(DEMO, "CM-2", "x", Amounts(1, 1, 0), "2025-06-30", "2025-02-01")
    new = ledger.commit(DEMO, "CM-2", "x", Amounts(5, 1, 0), "2025-06-30", "2025-02-01", **LINKS).entry
    outcomes = ledger.process_due_commitments("2025-07-01")
    written = {c.project_code: r.entry for c, r in outcomes}
    assert written["CM-1"].rule_profile == "national_2017" and written["CM-1"].dzjgh is None
    assert (written["CM-2"].rule_profile, written["CM-2"].dzjgh) == ("national_2024", LINKS["dzjgh"])
    assert written["CM-2"].commitment_entry_id == new.entry_id


def test_legacy_credits_not_drawable_is_profile_data(ledger):
    """``legacy_credit_carryover`` not_drawable (a province's choice): a national_2024 write-off draws only
    credits deposited under national_2024; drawable (shipped) lets it draw the legacy ones too."""
    national = tables.load_rule_profile("national_2024")
    strict = dataclasses.replace(national, reform=dataclasses.replace(national.reform,
                                                                      legacy_credit_carryover="not_drawable"))
    ledger.deposit(DepositRequest(DEMO, "DG2023-01", "东湖村", Amounts(50, 40000, 5), "2023-03-01"))
    deposit = _deposit_2024(ledger, amounts=(20, 16000, 0))
    ledger.confirm_deposit(deposit.entry_id, 2025, 0.99, "2026-01-10")
    assert ledger.usable(DEMO, strict) == Amounts(20, 16000, 0)
    with pytest.raises(RuleRefused, match="not drawable"):
        ledger.write_off(DEMO, "JS-1", "x", Amounts(30, 1, 0), "2026-02-01", profile=strict, **LINKS)
    assert ledger.write_off(DEMO, "JS-1", "x", Amounts(15, 1, 0), "2026-02-01", profile=strict, **LINKS).applied
    assert ledger.usable(DEMO, strict) == Amounts(5, 15999, 0)
    assert ledger.write_off(DEMO, "JS-2", "x", Amounts(30, 1, 0), "2026-02-01", **LINKS).applied   # drawable
    assert ledger.balance(DEMO).amounts == Amounts(25, 55998, 5)


def test_a_confirmation_is_checked(ledger):
    old = ledger.deposit(DepositRequest(DEMO, "DG2023-01", "东湖村", Amounts(50, 40000, 5), "2023-03-01")).entry
    with pytest.raises(RuleRefused, match="needs no change-survey confirmation"):
        ledger.confirm_deposit(old.entry_id, 2024, 0.99, "2024-06-01")
    deposit = _deposit_2024(ledger)
    for year, share in ((1800, 0.99), (2025, 1.5), ("soon", 0.99)):
        with pytest.raises(LedgerError):
            ledger.confirm_deposit(deposit.entry_id, year, share, "2026-01-01")
    with pytest.raises(LedgerInputError, match="before the deposit"):
        ledger.confirm_deposit(deposit.entry_id, 2025, 0.99, "2025-01-01")
    assert [e.kind for e in ledger.journal()] == ["deposit", "deposit"]


def test_the_write_off_refusals_read_in_chinese(ledger, chinese):
    """A Chinese user reads why: the county, what waits and since which deposit, what is usable; the date
    from which the legacy rules are refused and what to use instead (each placeholder where it belongs)."""
    ledger.deposit(DepositRequest(DEMO, "DG2023-01", "东湖村", Amounts(50, 40000, 5), "2023-03-01"))  # national_2017
    deposit = _deposit_2024(ledger)
    with pytest.raises(UnconfirmedCreditError) as refused:
        ledger.write_off(DEMO, "JS-1", "产业园", Amounts(60, 30000, 0), "2025-11-01", **LINKS)
    message = str(refused.value)
    assert f"{DEMO} 的储备中有 100.0000 亩" in message and "尚待变更调查确认" in message, message
    assert f"（入库 {deposit.entry_id} DG2025-01）" in message and "现可用：50.0000 亩" in message, message
    with pytest.raises(RuleRefused) as legacy:
        ledger.write_off(DEMO, "JS-2", "x", Amounts(1, 1, 0), "2025-03-01", profile="national_2017")
    assert "（日期 2025-03-01，规则配置 national_2017）被拒绝：自 2025-01-01（legacy_until）起按 national_2024 " \
           "落实占补平衡；请改用 national_2024，或使用 2025-01-01 之前的日期" in str(legacy.value), str(legacy.value)
    with pytest.raises(LedgerInputError) as missing:
        ledger.write_off(DEMO, "JS-3", "x", Amounts(1, 1, 0), "2025-03-01", dzjgh=LINKS["dzjgh"])
    assert "规则配置 national_2024 要求每笔核销填写案卷编号 (AJBH)" in str(missing.value), str(missing.value)
    assert [e.kind for e in ledger.journal()] == ["deposit", "deposit"]
