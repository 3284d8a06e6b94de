# SPDX-License-Identifier: GPL-2.0-or-later
"""Credit formulas of domain.md §3, hand-computed for each plot kind and both grade systems."""
import pytest

from double_guarantee_plugin.core import tables
from double_guarantee_plugin.core.credits import (NEW_FARMLAND, NOT_CREDITABLE, UPGRADING, PlotInput,
                                                  compute_plot_credit, summarize_project)
from double_guarantee_plugin.core.units import mu_to_m2

NATIONAL = tables.load_rule_profile("national_2017")
JIANGSU = tables.load_rule_profile("jiangsu_2014")


def plot(before, after, grade_before, grade_after, mu, system=None, **extra):
    return PlotInput(before, after, grade_before, grade_after, float(mu_to_m2(mu)), system, **extra)


def test_new_dry_farmland_use_grade():
    # 10 亩 of orchard → dry land at grade 8: Y(8) = (16 − 8) × 100 = 800 kg/亩
    credit = compute_plot_credit(plot("0201", "0103", None, 8, 10), NATIONAL)
    assert credit.plot_kind == NEW_FARMLAND and not credit.refused
    assert credit.credit_area_mu == pytest.approx(10)
    assert credit.credit_capacity_kg == pytest.approx(8000)
    assert credit.credit_paddy_mu == 0


def test_new_paddy_counts_for_paddy():
    credit = compute_plot_credit(plot("1104", "0101", None, 6, 4.5), NATIONAL)
    assert credit.plot_kind == NEW_FARMLAND
    assert credit.credit_area_mu == pytest.approx(4.5)
    assert credit.credit_capacity_kg == pytest.approx(4.5 * 1000)
    assert credit.credit_paddy_mu == pytest.approx(4.5)


def test_upgrading_grade_only_gives_capacity_difference():
    # dry land 11 → 9: ΔY = 700 − 500 = 200 kg/亩 on 20 亩
    credit = compute_plot_credit(plot("0103", "0103", 11, 9, 20), NATIONAL)
    assert credit.plot_kind == UPGRADING
    assert credit.credit_area_mu == 0
    assert credit.credit_capacity_kg == pytest.approx(4000)
    assert credit.credit_paddy_mu == 0


def test_dry_to_paddy_upgrading_counts_paddy_even_without_grade_change():
    credit = compute_plot_credit(plot("0103", "0101", 9, 9, 3), NATIONAL)
    assert credit.plot_kind == UPGRADING
    assert credit.credit_capacity_kg == 0
    assert credit.credit_paddy_mu == pytest.approx(3)


def test_paddy_before_and_after_is_not_new_paddy():
    credit = compute_plot_credit(plot("0101", "0101", 9, 7, 3), NATIONAL)
    assert credit.plot_kind == UPGRADING and credit.credit_paddy_mu == 0
    assert credit.credit_capacity_kg == pytest.approx(3 * 200)


def test_cultivated_with_no_improvement_is_not_creditable():
    credit = compute_plot_credit(plot("0103", "0103", 9, 10, 3), NATIONAL)
    assert credit.plot_kind == NOT_CREDITABLE
    assert credit.credit_capacity_kg == 0 and "no better grade" in credit.reason


def test_quality_level_system_with_provincial_table():
    # Jiangsu example table: level 3 = 940, level 6 = 700 kg/亩
    new = compute_plot_credit(plot("0404", "0102", None, 3, 2, "quality_level_10"), JIANGSU)
    assert new.plot_kind == NEW_FARMLAND and new.credit_capacity_kg == pytest.approx(2 * 940)
    upgraded = compute_plot_credit(plot("0102", "0101", 6, 3, 2, "quality_level_10"), JIANGSU)
    assert upgraded.credit_capacity_kg == pytest.approx(2 * (940 - 700))
    assert upgraded.credit_paddy_mu == pytest.approx(2)


@pytest.mark.parametrize("case, reason", [
    (plot("9999", "0103", None, 8, 1), "unknown land class code '9999' in class_before"),
    (plot("0201", "01X3", None, 8, 1), "unknown land class code '01X3' in class_after"),
    (plot("0201", None, None, 8, 1), "class_after is empty"),
    (plot("0201", "0103", None, 16, 1), "grade_after 16 is outside use_grade_15 (1–15)"),
    (plot("0103", "0103", 0, 8, 1), "grade_before 0 is outside use_grade_15 (1–15)"),
    (plot("0201", "0103", None, 11, 1, "quality_level_10"), "grade_after 11 is outside quality_level_10 (1–10)"),
    (plot("0201", "0103", None, 5, 1, "quality_level_10"),
     "rule profile 'national_2017' has no yield table for grade system 'quality_level_10'"),
    (plot("0201", "0103", None, 5, 1, "soil_index_100"), "unknown grade system 'soil_index_100'"),
    (plot("0201", "0103", None, "8.5", 1), "grade '8.5' is not a whole number"),
    (plot("0103", "0103", None, 8, 1), "grade_before is empty for a plot that was cultivated land"),
    (plot("0201", "0301", None, 8, 1), "class after 0301 (乔木林地) is not cultivated land"),
    (plot("0201", "0103", None, 8, 1, geometry_problem="invalid geometry: Self-intersection at (1, 2)"),
     "invalid geometry: Self-intersection"),
])
def test_bad_input_gets_a_reason_and_zero_credit(case, reason):
    credit = compute_plot_credit(case, NATIONAL)
    assert credit.plot_kind == NOT_CREDITABLE
    assert reason in credit.reason
    assert (credit.credit_area_mu, credit.credit_capacity_kg, credit.credit_paddy_mu) == (0, 0, 0)


def test_grade_system_defaults_to_the_profile_and_grades_may_be_text():
    credit = compute_plot_credit(plot("0201", "0103", "", " 8 ", 1, ""), NATIONAL)
    assert credit.grade_system == "use_grade_15" and credit.credit_capacity_kg == pytest.approx(800)


def test_exclusions_and_blocking_reasons():
    excluded = compute_plot_credit(plot("0201", "0101", None, 8, 10, excluded_m2=float(mu_to_m2(4))), NATIONAL)
    assert excluded.credit_area_mu == pytest.approx(6)
    assert excluded.credit_capacity_kg == pytest.approx(6 * 800)
    assert excluded.credit_paddy_mu == pytest.approx(6)
    blocked = compute_plot_credit(plot("0201", "0101", None, 8, 10, blocking_reason="inside the red line"), NATIONAL)
    assert blocked.plot_kind == NEW_FARMLAND
    assert (blocked.credit_area_mu, blocked.credit_capacity_kg) == (0, 0) and blocked.reason == "inside the red line"


def test_project_sums_and_area_weighted_uplift():
    credits = [compute_plot_credit(p, NATIONAL) for p in (
        plot("0103", "0103", 12, 9, 30, plot_code="a"),     # uplift 3 on 30 亩
        plot("0102", "0102", 10, 9, 10, plot_code="b"),     # uplift 1 on 10 亩
        plot("0201", "0103", None, 8, 20, plot_code="c"),   # new farmland
        plot("9999", "0103", None, 8, 5, plot_code="d"),    # refused
    )]
    summary = summarize_project("P1", credits, NATIONAL)
    assert summary.plot_count == 4 and summary.refused_count == 1
    assert summary.area_mu == pytest.approx(65)
    assert summary.credit_area_mu == pytest.approx(20)
    assert summary.credit_capacity_kg == pytest.approx(30 * 300 + 10 * 100 + 20 * 800)
    assert summary.grade_before_mean == pytest.approx((12 * 30 + 10 * 10) / 40)
    assert summary.grade_after_mean == pytest.approx(9)
    assert summary.grade_uplift == pytest.approx((12 * 30 + 10 * 10) / 40 - 9)
    assert summary.new_farmland_grade_mean == pytest.approx(8)
    assert any(reason.startswith("d: unknown land class") for reason in summary.reasons)
