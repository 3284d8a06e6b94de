# SPDX-License-Identifier: GPL-2.0-or-later
"""田坎 by hand (KCXS of the survey parcel, of the county table, flat paddy 0), credits on the net area, both grade
systems on a plot with the profile choosing, a defaulted grade before with its source, and the grade uplift over a
plot whose grade got worse (domain.md §3)."""
import dataclasses

import pytest

from double_guarantee_plugin.core import tables
from double_guarantee_plugin.core.credits import (NEW_FARMLAND, NOT_CREDITABLE, UPGRADING, PlotInput, PlotSurvey,
                                                  compute_plot_credit, summarize_project)
from double_guarantee_plugin.core.net_area import load_tiankan_table, net_area
from double_guarantee_plugin.core.tables import TableError
from double_guarantee_plugin.core.units import mu_to_m2

NATIONAL = tables.load_rule_profile("national_2017")
JIANGSU = tables.load_rule_profile("jiangsu_2014")
TABLE = load_tiankan_table("example_county")


def plot(before, after, grade_before, grade_after, mu, system=None, **extra):
    return PlotInput(before, after, grade_before, grade_after, float(mu_to_m2(mu)), system, **extra)


def test_the_shipped_table_is_an_example_and_says_so():
    assert TABLE.example and "example" in TABLE.name_en.lower() and "示例" in TABLE.name_zh
    assert TABLE.coefficient("PD", "3") == 0.089 and TABLE.coefficient("TT", "1") == 0.0
    assert NATIONAL.tiankan_table() is TABLE


def test_kcxs_of_the_survey_parcels_area_weighted():
    # 600 m² at KCXS 0.05 and 400 m² at 0.10: 0.07 on a plot that was cultivated land
    result = net_area(1000.0, True, "0103", survey_pieces=[(600.0, 0.05, "TBBH=1"), (400.0, "0.10", "TBBH=2")],
                      table=TABLE)
    assert result.source == "survey" and result.coefficient == pytest.approx(0.07)
    assert (result.tiankan_m2, result.net_m2) == (pytest.approx(70.0), pytest.approx(930.0))
    assert "2 parcel(s)" in result.note


def test_new_land_takes_the_county_table_by_farmland_type_and_slope_level():
    result = net_area(1000.0, False, "0103", farmland_type="梯田", slope_level="3", table=TABLE)
    assert (result.source, result.coefficient, result.tiankan_m2) == ("table", 0.062, pytest.approx(62.0))
    assert "example table" in result.note
    assumed = net_area(1000.0, False, "0103", slope_level=4, table=TABLE)
    assert assumed.coefficient == 0.142 and "PD assumed" in assumed.note     # GDLX unknown: the table's default
    # the survey's GDPDJB when the plot has none
    assert net_area(1000.0, False, "0102", survey_slope_level="2", survey_farmland_type="TT",
                    table=TABLE).coefficient == 0.025


def test_flat_paddy_and_flat_land_deduct_nothing():
    assert net_area(1000.0, False, "0101", slope_level="4", table=TABLE).tiankan_m2 == 0.0   # paddy: the table's 0
    assert net_area(1000.0, False, "0103", slope_level="1", table=TABLE).tiankan_m2 == 0.0   # ≤ 2°


def test_the_plots_own_kcxs_wins_and_bad_ones_are_refused():
    own = net_area(1000.0, True, "0103", plot_coefficient=0.2, survey_pieces=[(1000.0, 0.05, "x")], table=TABLE)
    assert (own.source, own.tiankan_m2) == ("plot", pytest.approx(200.0))
    assert "percent coding" in net_area(1000.0, False, "0103", plot_coefficient=12.5, table=TABLE).error
    # a survey parcel with KCXS 15 (percent) is ignored, with a note; the others still count
    mixed = net_area(1000.0, True, "0103", survey_pieces=[(500.0, 15, "TBBH=9"), (500.0, 0.1, "TBBH=8")],
                     table=TABLE)
    assert mixed.coefficient == pytest.approx(0.1) and "TBBH=9" in mixed.note


def test_unknown_slope_level_deducts_nothing_and_says_why():
    result = net_area(1000.0, False, "0103", table=TABLE)
    assert result.tiankan_m2 == 0.0 and result.source == "none" and "GDPDJB" in result.note


def test_credits_are_on_the_net_area_exclusions_included():
    # 10 亩 of new dry land, PD level 3 (KCXS 0.089), 4 亩 inside basic farmland: (10 − 4) × 0.911 亩 credited
    credit = compute_plot_credit(plot("0201", "0103", None, 8, 10, farmland_type="PD", slope_level="3",
                                      excluded_m2=float(mu_to_m2(4))), NATIONAL)
    assert credit.tiankan_m2 == pytest.approx(float(mu_to_m2(10)) * 0.089)
    assert credit.net_area_mu == pytest.approx(10 * 0.911)
    assert credit.credit_area_mu == pytest.approx(6 * 0.911)
    assert credit.credit_capacity_kg == pytest.approx(6 * 0.911 * 800)
    assert credit.capacity_as_drawn_kg == pytest.approx(10 * 0.911 * 800)
    # upgrading on survey parcels with KCXS 0.05: the capacity gain on 95 % of the area
    survey = PlotSurvey(tiankan_pieces=[(float(mu_to_m2(20)), 0.05, "TBBH=1")])
    upgraded = compute_plot_credit(plot("0103", "0103", 11, 9, 20, survey=survey), NATIONAL)
    assert upgraded.tiankan_source == "survey" and upgraded.credit_capacity_kg == pytest.approx(20 * 0.95 * 200)
    summary = summarize_project("P", [credit, upgraded], NATIONAL)
    assert summary.area_mu == pytest.approx(30)
    assert summary.tiankan_mu == pytest.approx(10 * 0.089 + 20 * 0.05)
    assert summary.net_area_mu == pytest.approx(30 - 10 * 0.089 - 20 * 0.05)


def test_both_grade_systems_on_one_plot_and_the_profile_chooses():
    both = dict(use_grade_before=11, use_grade_after=9, quality_level_before=6, quality_level_after=3)
    own = compute_plot_credit(plot("0102", "0102", None, None, 2, "use_grade_15", **both), JIANGSU)
    assert own.grade_system == "use_grade_15" and own.credit_capacity_kg == pytest.approx(2 * (700 - 500))
    assert (own.use_grade_before, own.use_grade_after, own.quality_level_before, own.quality_level_after) == \
        (11, 9, 6, 3)
    by_quality = dataclasses.replace(JIANGSU, credit_grade_system="quality_level_10")
    quality = compute_plot_credit(plot("0102", "0102", None, None, 2, "use_grade_15", **both), by_quality)
    assert quality.grade_system == "quality_level_10" and quality.credit_capacity_kg == pytest.approx(2 * (940 - 700))
    missing = compute_plot_credit(plot("0201", "0103", None, 8, 2, "use_grade_15"), by_quality)
    assert missing.plot_kind == NOT_CREDITABLE and "quality_level_10" in missing.reason


def test_grades_of_one_system_that_disagree_are_refused():
    credit = compute_plot_credit(plot("0103", "0103", 11, 9, 2, "use_grade_15", use_grade_after=8), NATIONAL)
    assert credit.refused and "grade_after 9 and use_grade_after 8 disagree" in credit.reason


def test_grade_before_defaults_to_the_parcels_under_the_plot_and_a_user_entry_wins():
    survey = PlotSurvey(grade_pieces={"use_grade_15": ([(300.0, 10), (100.0, 12), (50.0, None)], "DLTB.GDDB")})
    defaulted = compute_plot_credit(plot("0103", "0103", None, 9, 3, survey=survey), NATIONAL)
    assert defaulted.plot_kind == UPGRADING and defaulted.grade_before == pytest.approx(10.5)
    assert defaulted.grade_before_source == "DLTB.GDDB, area-weighted over 2 parcel(s)"
    assert defaulted.use_grade_before == pytest.approx(10.5)
    # capacity before from the parcels' own yields: 0.75 × 600 + 0.25 × 400 = 550 kg/亩; after 700
    assert defaulted.credit_capacity_kg == pytest.approx(3 * (700 - 550))
    entered = compute_plot_credit(plot("0103", "0103", 12, 9, 3, survey=survey), NATIONAL)
    assert entered.grade_before == 12 and entered.grade_before_source == "user"
    nothing = compute_plot_credit(plot("0103", "0103", None, 9, 3, survey=PlotSurvey()), NATIONAL)
    assert nothing.refused and "grade_before is empty" in nothing.reason


def test_uplift_counts_a_plot_whose_grade_got_worse():
    credits = [compute_plot_credit(p, NATIONAL) for p in (
        plot("0103", "0103", 12, 9, 30, plot_code="better"),     # 3 grades better on 30 亩
        plot("0102", "0102", 8, 10, 10, plot_code="worse"),      # 2 grades worse on 10 亩: no credit
        plot("0201", "0103", None, 8, 20, plot_code="new"),
    )]
    assert credits[1].plot_kind == NOT_CREDITABLE and credits[1].was_cultivated
    summary = summarize_project("P", credits, NATIONAL)
    assert summary.grade_before_mean == pytest.approx((12 * 30 + 8 * 10) / 40)
    assert summary.grade_after_mean == pytest.approx((9 * 30 + 10 * 10) / 40)
    assert summary.grade_uplift == pytest.approx((12 * 30 + 8 * 10 - 9 * 30 - 10 * 10) / 40)   # 1.75, not 3
    assert summary.credit_capacity_kg == pytest.approx(30 * 300 + 20 * 800)


def test_profile_keys_are_checked_when_loaded(tmp_path, monkeypatch):
    import json
    from double_guarantee_plugin.core import paths
    data = tmp_path / "resources" / "data"
    (data / "rule_profiles").mkdir(parents=True)
    for folder in ("yield_tables", "fee_tables", "tiankan_tables"):
        (data / folder).symlink_to(paths.data_path(folder))
    for name in ("grade_systems.json", "standard_layers.json", "land_classes.json"):
        (data / name).symlink_to(paths.data_path(name))
    from pathlib import Path
    doc = json.loads(Path(paths.data_path("rule_profiles", "national_2017.json")).read_text(encoding="utf-8"))
    doc.update(id="broken", standard_checks={"slope_level_4": "fatal"})
    (data / "rule_profiles" / "broken.json").write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setattr(paths, "resources_dir", lambda: str(tmp_path / "resources"))
    tables.load_rule_profile.cache_clear()
    try:
        with pytest.raises(TableError, match="standard_checks.slope_level_4 should be one of"):
            tables.load_rule_profile("broken")
    finally:
        tables.load_rule_profile.cache_clear()


def test_a_version_2_geopackage_gets_the_fields_of_schema_3(tmp_path):
    import sqlite3
    from osgeo import ogr
    from double_guarantee_plugin.core import project_db
    path = str(tmp_path / "v2.gpkg")
    project_db.create_project_database(path, "EPSG:4527")
    dataset = ogr.Open(path, 1)
    layer = dataset.GetLayerByName("plots")
    for name in project_db.V2_MISSING:
        assert layer.DeleteField(layer.GetLayerDefn().GetFieldIndex(name)) == 0
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("project_code", "OLD-1")
    feature.SetField("grade_after", 8)
    layer.CreateFeature(feature)
    del feature, layer                 # the layer keeps the file open: let go of it first
    dataset = None
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE dg_meta SET value='2' WHERE key='schema_version'")
    assert project_db.schema_version(path) == 2
    plots, _projects = project_db.open_project_database(path)
    assert project_db.schema_version(path) == 3
    assert set(project_db.V2_MISSING) <= set(plots.fields().names())
    (row,) = list(plots.getFeatures())
    assert row["project_code"] == "OLD-1" and row["grade_after"] == 8 and not row["use_grade_after"]
    # the form configuration of the new fields is stored in the file too
    assert plots.attributeAlias(plots.fields().indexOf("slope_level")) == "耕地坡度级别"
    del plots, _projects
