# SPDX-License-Identifier: GPL-2.0-or-later
"""The constraint engine on small standard layers: features named by their standard ids, GDPDJB slope without a
slope layer (level 5 blocking, level 4 a configurable warning), unstable farmland (TBXHDM, WDGD), and the survey
under each plot feeding 田坎 and the defaulted grades before of the credits."""
import dataclasses

import pytest

from standard_helpers import DLTB_FIELDS, PBF_FIELDS, PLOT_FIELDS, RED_LINE_MIRROR, rect


def _plot(code, wkt, before, after, grade_after, grade_before=None, system="use_grade_15", **extra):
    values = {"project_code": "P1", "plot_code": code, "class_before": before, "class_after": after,
              "grade_system": system, "grade_before": grade_before, "grade_after": grade_after}
    values.update(extra)
    return wkt, values


@pytest.fixture()
def county(layer_factory):
    survey = layer_factory("dltb", DLTB_FIELDS, [
        (rect(0, 0, 100, 100), {"TBBH": "0001", "DLBM": "0404", "DLMC": "其他草地", "TBMJ": 10000.0}),
        (rect(200, 0, 300, 100), {"TBBH": "0002", "DLBM": "0404", "DLMC": "其他草地", "TBMJ": 10000.0}),
        (rect(400, 0, 450, 100), {"TBBH": "0003", "DLBM": "0103", "DLMC": "旱地", "TBMJ": 5000.0, "KCXS": 0.05,
                                  "GDDB": 10, "GDPDJB": "2", "GDLX": "PD", "TBXHDM": "HDGD"}),
        (rect(450, 0, 500, 100), {"TBBH": "0004", "DLBM": "0103", "DLMC": "旱地", "TBMJ": 5000.0, "KCXS": 0.10,
                                  "GDDB": 12, "GDPDJB": "3", "GDLX": "PD"}),
        (rect(600, 0, 700, 100), {"TBBH": "0005", "DLBM": "0404", "DLMC": "其他草地", "TBMJ": 10000.0,
                                  "GDPDJB": "5"}),
        (rect(800, 0, 900, 100), {"TBBH": "0006", "DLBM": "0102", "DLMC": "水浇地", "TBMJ": 10000.0, "KCXS": 0.0,
                                  "GDDB": 9}),
    ], display_name="地类图斑")
    farmland = layer_factory("pbf", PBF_FIELDS, [
        (rect(400, 0, 500, 50), {"YJJBNTTBBH": "320999000001", "WDGD": "0", "GDDJ": 4,
                                 "ZRRMC": "张三", "ZRRZJHM": "320999195001010011", "LXDH": "13900000001"}),
        (rect(250, 0, 300, 100), {"YJJBNTTBBH": "320999000002", "WDGD": "1", "GDDJ": 5, "ZRRMC": "李四"}),
        (rect(800, 0, 900, 100), {"YJJBNTTBBH": "320999000003", "WDGD": "1", "GDDJ": 6, "ZRRMC": "王五"}),
    ])
    red_line = layer_factory("stbhhx", RED_LINE_MIRROR, [
        (rect(0, 0, 50, 50), {"HXBM": "HX001", "HXMC": "东山水源涵养区", "HXLX": "水源涵养", "ZRBHDFQ": "核心保护区",
                              "GKCS": "禁止开发", "MJ": 2500.0})])
    plots = layer_factory("plots", PLOT_FIELDS, [
        _plot("A", rect(0, 0, 100, 100), "0404", "0103", 8, slope_level="5"),
        _plot("B", rect(200, 0, 300, 100), "0404", "0103", 8, slope_level="4", farmland_type="TT"),
        _plot("C", rect(400, 0, 500, 100), "0103", "0103", 9),                  # grade before left empty
        _plot("D", rect(600, 0, 700, 100), "0404", "0103", 8),                  # no slope level: the survey's
        _plot("E", rect(800, 0, 900, 100), "0102", "0101", 3, system="quality_level_10"),
    ], file_name="plots.gpkg")
    return {"survey": survey, "farmland": farmland, "red_line": red_line, "plots": plots}


def _check(county, profile, slope=None):
    from double_guarantee_plugin.core import constraints
    constraint_set = constraints.ConstraintSet.from_layers(
        basic_farmland=county["farmland"], red_line=county["red_line"], land_survey=county["survey"],
        survey_class_field="dlbm", slope=slope)
    engine = constraints.ConstraintEngine(constraint_set, profile)
    results = engine.check_plots(county["plots"])
    return results["P1"], {plot.plot_code: plot for plot in results["P1"].plots}


def test_features_are_named_by_their_standard_ids(county):
    from double_guarantee_plugin.core import tables
    project, plots = _check(county, tables.load_rule_profile())
    red = next(layer for layer in plots["A"].layers if layer.role == "red_line")
    assert red.status == "blocking" and "HXMC=东山水源涵养区 ZRBHDFQ=核心保护区 GKCS=禁止开发" in red.message
    assert "HXMC=东山水源涵养区" in plots["A"].blocking_reason
    farmland = next(layer for layer in plots["B"].layers if layer.role == "basic_farmland")
    assert farmland.status == "warning" and "YJJBNTTBBH=320999000002" in farmland.message
    assert any("YJJBNTTBBH=320999000002" in message for message in project.messages)
    aggregate = next(layer for layer in project.layers if layer.role == "basic_farmland")
    assert "YJJBNTTBBH=320999000001" in aggregate.message and "YJJBNTTBBH=320999000002" in aggregate.message
    # personal fields are never read, let alone shown
    everything = " ".join(project.messages + [layer.message for plot in plots.values() for layer in plot.layers])
    assert "张三" not in everything and "320999195001010011" not in everything and "13900000001" not in everything


def test_slope_level_without_a_slope_layer(county, layer_factory):
    from double_guarantee_plugin.core import tables
    national = tables.load_rule_profile()
    _project, plots = _check(county, national)
    steep = next(layer for layer in plots["A"].layers if layer.name == "Slope level (GDPDJB)")
    assert steep.status == "blocking" and "5 (> 25°)" in steep.message and plots["A"].status == "blocking"
    assert "not allowed" in plots["A"].blocking_reason and plots["A"].slope_overlap_m2 == pytest.approx(10000, rel=1e-3)
    level4 = next(layer for layer in plots["B"].layers if layer.name == "Slope level (GDPDJB)")
    assert level4.status == "warning" and "4 (15–25°)" in level4.message and not plots["B"].blocking_reason
    from_survey = next(layer for layer in plots["D"].layers if layer.name == "Slope level (GDPDJB)")
    assert from_survey.status == "blocking" and "TBBH=0005" in from_survey.message
    # level 4 made blocking by a profile
    strict = dataclasses.replace(national, standard_checks={"slope_level_4": "blocking"})
    _project, plots = _check(county, strict)
    assert plots["B"].status == "blocking"
    # with a slope layer the slope layer decides, GDPDJB is not used
    slope = layer_factory("slope", [("slope_deg", float)], [(rect(-100, -100, 1000, 200), {"slope_deg": 3.0})])
    _project, plots = _check(county, national, slope)
    assert not any(layer.name == "Slope level (GDPDJB)" for layer in plots["A"].layers)
    assert plots["A"].slope_overlap_m2 == 0


def test_unstable_farmland_is_a_warning_with_its_code(county):
    from double_guarantee_plugin.core import tables
    national = tables.load_rule_profile()
    project, plots = _check(county, national)
    unstable = next(layer for layer in plots["C"].layers if layer.name.startswith("Unstable farmland"))
    assert unstable.status == "warning" and plots["C"].status == "warning"
    assert "HDGD 河道耕地" in unstable.message and "TBBH=0003" in unstable.message
    assert "WDGD=0 (not stable)" in unstable.message and "YJJBNTTBBH=320999000001" in unstable.message
    assert any(layer.name.startswith("Unstable farmland") for layer in project.layers)
    blocking = dataclasses.replace(national, standard_checks={"unstable_farmland": "blocking"})
    _project, plots = _check(county, blocking)
    assert plots["C"].status == "blocking" and "河道耕地" in plots["C"].blocking_reason


def test_the_survey_under_each_plot_feeds_tiankan_and_grades_before(county):
    from double_guarantee_plugin.core import tables
    from double_guarantee_plugin.core.layer_credits import compute_layer_credits
    jiangsu = tables.load_rule_profile("jiangsu_2014")
    _project, plots = _check(county, jiangsu)
    credits = {credit.plot_code: credit for _fid, credit in compute_layer_credits(
        county["plots"], jiangsu, plot_checks={plot.plot_fid: plot for plot in plots.values()})[0]}
    upgraded = credits["C"]
    # half on KCXS 0.05, half on 0.10; GDDB 10 and 12 on equal areas
    assert upgraded.tiankan_source == "survey" and upgraded.tiankan_coefficient == pytest.approx(0.075, rel=1e-6)
    assert upgraded.grade_before == pytest.approx(11.0, rel=1e-6) and upgraded.grade_before_source.startswith("地类图斑")
    assert upgraded.credit_capacity_kg == pytest.approx(upgraded.net_area_mu * (700 - 500), rel=1e-6)
    new = credits["B"]                                    # TT level 4: 0.108 from the example table
    assert new.tiankan_source == "table" and new.tiankan_coefficient == 0.108
    quality = credits["E"]                                # quality level before from the basic farmland's GDDJ
    assert quality.grade_system == "quality_level_10" and quality.grade_before == pytest.approx(6.0)
    assert "pbf.GDDJ" in quality.grade_before_source
    assert quality.credit_paddy_mu == pytest.approx(quality.net_area_mu)


def test_check_geometry_names_features_and_reads_the_survey(county):
    from qgis.core import QgsGeometry
    from double_guarantee_plugin.core import constraints, tables
    constraint_set = constraints.ConstraintSet.from_layers(basic_farmland=county["farmland"],
                                                           red_line=county["red_line"], land_survey=county["survey"])
    engine = constraints.ConstraintEngine(constraint_set, tables.load_rule_profile())
    check = engine.check_geometry(QgsGeometry.fromWkt(rect(240, 10, 290, 90)), county["plots"].crs(), "new_farmland",
                                  "X", "P1", "0404")
    assert "YJJBNTTBBH=320999000002" in check.message
    # the one grassland parcel under it, without a KCXS (it is not cultivated land)
    assert [(round(area), kcxs, label) for area, kcxs, label in check.survey.tiankan_pieces] == \
        [(4000, None, "TBBH=0002 DLMC=其他草地")]
