# SPDX-License-Identifier: GPL-2.0-or-later
"""The national_2024 rule profile: its keys are data checked at load, capacity by quality level, the
date-based profile choice and its override (policy-2024.md §5, issue 16 part 1)."""
import json
import shutil

import pytest

from double_guarantee_plugin.core import tables
from double_guarantee_plugin.core.credits import PlotInput, compute_plot_credit
from double_guarantee_plugin.core.units import mu_to_m2
from double_guarantee_plugin.core.workflow import (FROM_DATES, FROM_OVERRIDE, WITHOUT_DATE, ProfileChoiceError,
                                                   choose_profile, load_workflow)
from double_guarantee_plugin.core.workflow.profile_choice import override_values


def test_national_2024_keys_are_profile_data():
    profile = tables.load_rule_profile("national_2024")
    reform = profile.reform
    assert profile.default_grade_system == "quality_level_10"
    assert reform.legacy_profile == "national_2017" and str(reform.applies.start) == "2025-01-01"
    assert [kind.code for kind in reform.occupation_kinds] == ["construction", "agri_restructuring",
                                                              "facility_agriculture", "other"]
    assert reform.occupation_kind("agri_restructuring").account == "in_out_balance"
    assert reform.pbf_fee_multiplier == 2 and reform.aftercare_years == 3
    assert reform.change_survey.share_min == 0.95 and reform.change_survey.year_field == "SJNF"
    assert [d.code for d in reform.acceptance_departments] == ["natural_resources", "agriculture_rural"]
    # what policy-2024.md marks unconfirmed is named as such, so the interface can say so
    for key in ("change_survey.share_min", "aftercare_years", "pbf_fee_multiplier", "occupation_kinds",
                "yield_tables.quality_level_10", "balance_scope.cap_rule"):
        assert reform.is_unconfirmed(key)
    # the quality-level table is an example and says so
    table = profile.yield_table("quality_level_10")
    assert table.example and "示例" in table.name_zh
    workflow = load_workflow(reform.workflow_id)
    assert workflow.codes == ("planned", "under_way", "self_accepted", "county_reviewed", "province_reviewed",
                              "publicised", "deposited")
    assert [s.name_zh for s in workflow.states] == ["规划", "实施中", "自验", "市县审核", "省级复核", "公示", "入库"]
    assert workflow.deposit_state == "deposited" and workflow.sequential
    # from 市县审核 on, a project is a reviewer's (the PostGIS guards lock the same states)
    assert [workflow.is_locked(code) for code in workflow.codes] == [False] * 3 + [True] * 4
    legacy = load_workflow(tables.load_rule_profile("national_2017").reform.workflow_id)
    assert legacy.deposit_state == "accepted" and not legacy.sequential


def _plot(grade_after, area_mu, grade_system=None, before="0404", after="0103", grade_before=None):
    return PlotInput(before, after, grade_before, grade_after, mu_to_m2(area_mu), grade_system, "P-1", "X")


@pytest.mark.parametrize("level, area_mu, expected_kg", [
    (1, 3.0, 3000.0),     # 3 亩 × 1000 kg/亩
    (4, 3.0, 2460.0),     # 3 亩 × (1000 − 60 × 3) = 3 × 820
    (10, 1.5, 690.0),     # 1.5 亩 × 460
])
def test_capacity_by_quality_level_from_the_province_table(level, area_mu, expected_kg):
    profile = tables.load_rule_profile("national_2024")
    credit = compute_plot_credit(_plot(level, area_mu), profile)   # no grade system stated: the default applies
    assert credit.grade_system == "quality_level_10" and credit.grade_system_default
    assert credit.credit_area_mu == pytest.approx(area_mu)
    assert credit.credit_capacity_kg == pytest.approx(expected_kg)
    # a plot that states the use grade is credited under it, with the national approximation
    stated = compute_plot_credit(_plot(4, area_mu, "use_grade_15"), profile)
    assert stated.grade_system == "use_grade_15" and not stated.grade_system_default
    assert stated.credit_capacity_kg == pytest.approx(area_mu * 1200)


def test_upgrading_capacity_by_level_difference():
    profile = tables.load_rule_profile("national_2024")
    credit = compute_plot_credit(_plot(3, 2.0, before="0103", after="0103", grade_before=6), profile)
    assert credit.plot_kind == "upgrading" and credit.credit_area_mu == 0
    assert credit.credit_capacity_kg == pytest.approx(2.0 * (880 - 700))


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of resources/data that a test may break; the loaders read it instead."""
    from double_guarantee_plugin.core import paths
    from double_guarantee_plugin.core.workflow import definition
    folder = tmp_path / "data"
    shutil.copytree(paths.data_path(), folder)
    monkeypatch.setattr(tables, "data_path", lambda *parts: str(folder.joinpath(*parts)))
    monkeypatch.setattr(definition, "data_path", lambda *parts: str(folder.joinpath(*parts)))
    caches = (tables.load_rule_profile, tables.load_yield_table, tables.load_fee_table, tables.land_classes,
              tables.grade_systems, tables.project_codes, definition.load_workflow)
    for cache in caches:
        cache.cache_clear()
    yield folder
    for cache in caches:
        cache.cache_clear()


def _edit(folder, name, change):
    path = folder / "rule_profiles" / f"{name}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_capacity_without_a_province_table_is_a_clear_error_never_zero(data_copy):
    def without_table(doc):   # a province that has not supplied its table yet
        doc["yield_tables"].pop("quality_level_10")
        doc["unconfirmed"].remove("yield_tables.quality_level_10")
    _edit(data_copy, "national_2024", without_table)
    profile = tables.load_rule_profile("national_2024")
    credit = compute_plot_credit(_plot(4, 3.0), profile)
    assert credit.refused and credit.grade_system == "quality_level_10"
    assert "no yield table for grade system 'quality_level_10'" in credit.reason
    assert "capacity cannot be computed" in credit.reason


@pytest.mark.parametrize("change, message", [
    (lambda d: d["change_survey"].update(share_min=1.5), r"change_survey: share_min should be a share in \(0, 1\]"),
    (lambda d: d.update(aftercare_years=-1), r"'aftercare_years' should be a whole number ≥ 0"),
    (lambda d: d.update(pbf_fee_multiplier="two"), r"'pbf_fee_multiplier' should be a number ≥ 1"),
    (lambda d: d["occupation_kinds"][0].update(account="elsewhere"), r"occupation_kinds\[0\]: account 'elsewhere'"),
    (lambda d: d["unconfirmed"].append("no_such_key"), r"'unconfirmed' names keys the profile does not have"),
    (lambda d: d.update(legacy_profile="national_1999"), r"legacy_profile 'national_1999' is not a rule profile"),
    (lambda d: d.update(workflow="nope"), r"workflow 'nope'"),
    (lambda d: d["applies"].update({"from": "2025-13-01"}), r"applies.from '2025-13-01' is not an ISO date"),
    (lambda d: d["change_survey"].update(cultivated_classes=["0101", "9999"]), r"cultivated_classes \['9999'\]"),
    (lambda d: d.pop("acceptance_departments"), r"needs 'acceptance_departments'"),
])
def test_broken_profile_keys_are_named(data_copy, change, message):
    _edit(data_copy, "national_2024", change)
    with pytest.raises(tables.TableError, match=message) as caught:
        tables.load_rule_profile("national_2024")
    assert "national_2024.json" in str(caught.value)


def test_broken_workflow_file_is_named(data_copy):
    path = data_copy / "workflows" / "reform_2024.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["states"][3]["role"] = "mayor"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(tables.TableError, match=r"reform_2024.json: states\[3\]: role 'mayor'"):
        tables.load_rule_profile("national_2024")


@pytest.mark.parametrize("implemented_on, expected, source", [
    ("2016-06-01", "national_2017", FROM_DATES),
    ("2024-12-31", "national_2017", FROM_DATES),
    ("2025-01-01", "national_2024", FROM_DATES),
    ("2026-11-30", "national_2024", FROM_DATES),
    (None, "national_2024", WITHOUT_DATE),      # not started yet: today's rules
])
def test_profile_is_chosen_from_the_implementation_date(implemented_on, expected, source):
    choice = choose_profile({"project_code": "X", "implemented_on": implemented_on})
    assert (choice.profile_id, choice.source) == (expected, source)


def test_override_needs_a_reason_and_a_known_profile():
    project = {"project_code": "X", "implemented_on": "2025-03-01"}
    choice = choose_profile(dict(project, **override_values("jiangsu_2014", "  省定项目按江苏规则  ")))
    assert (choice.profile_id, choice.source, choice.reason) == ("jiangsu_2014", FROM_OVERRIDE, "省定项目按江苏规则")
    with pytest.raises(ProfileChoiceError, match="a reason is required"):
        override_values("jiangsu_2014", " ", "X")
    with pytest.raises(ProfileChoiceError, match="'national_1999' is not known"):
        override_values("national_1999", "why", "X")
    with pytest.raises(ProfileChoiceError, match="was set without a reason"):
        choose_profile(dict(project, rule_profile="national_2017"))
    assert override_values(None, None) == {"rule_profile": None, "rule_profile_reason": None}


def test_overlapping_profile_dates_are_refused(data_copy):
    _edit(data_copy, "national_2024", lambda doc: doc["applies"].update({"from": "2024-06-01"}))
    with pytest.raises(ProfileChoiceError, match="2 rule profiles apply"):
        choose_profile({"project_code": "X", "implemented_on": "2024-09-01"})
