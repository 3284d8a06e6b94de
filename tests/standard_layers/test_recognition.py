# SPDX-License-Identifier: GPL-2.0-or-later
"""Standard county layers recognised by role from their field codes (data-standards.md §9), any case, both
STBHHX variants, Chinese field names; the name is only a hint; personal fields are known; official totals
never mix units."""
import pytest

from standard_helpers import (CZKFBJ_FIELDS, DLTB_FIELDS, PBF_FIELDS, RED_LINE_MIRROR, RED_LINE_SURVEY, case, rect,
                              values_case)

from double_guarantee_plugin.core.standard_layers.personal import layer_personal_fields, personal_field_names
from double_guarantee_plugin.core.standard_layers.recognition import recognise_fields, recognise_layer


def _row(fields, upper, **values):
    return rect(0, 0, 100, 100), values_case(values, upper)


@pytest.mark.parametrize("upper", [True, False])
def test_dltb_and_basic_farmland_any_case(layer_factory, upper):
    # a layer name that says nothing: the fields decide
    survey = layer_factory("layer_a", case(DLTB_FIELDS, upper),
                           [_row(DLTB_FIELDS, upper, DLBM="0103", TBMJ=10000.0, KCXS=0.05, TBDLMJ=9500.0)])
    found = recognise_layer(survey)
    assert found.role == "land_survey" and not found.by_name_only
    assert found.field("class_code") == ("DLBM" if upper else "dlbm")
    assert found.field("tiankan_coefficient") == ("KCXS" if upper else "kcxs")
    assert found.field("net_area_m2") == ("TBDLMJ" if upper else "tbdlmj")
    farmland = layer_factory("layer_b", case(PBF_FIELDS, upper),
                             [_row(PBF_FIELDS, upper, YJJBNTTBBH="3209990001", YJJBNTMJ=9000.0)])
    found = recognise_layer(farmland)
    assert found.role == "basic_farmland" and found.field("pbf_number") == ("YJJBNTTBBH" if upper else "yjjbnttbbh")
    assert found.field("quality_level") and found.field("stable")


def test_both_red_line_variants_and_the_development_boundary(layer_factory):
    mirror = layer_factory("hx", RED_LINE_MIRROR, [(rect(0, 0, 10, 10), {"HXMC": "东山", "MJ": 100.0})])
    assert recognise_layer(mirror).role == "red_line"
    survey = layer_factory("hx2", RED_LINE_SURVEY, [(rect(0, 0, 10, 10), {"MC": "西山", "QYMJ": 0.0001})])
    found = recognise_layer(survey)
    assert found.role == "red_line" and found.field("red_line_name") == "MC" and found.field("area_km2") == "QYMJ"
    # the planning variant (LHLX + MJ) needs a red-line layer name
    assert [r.role for r in recognise_fields(["BSM", "LHLX", "MJ"], "任意图层")] == []
    assert recognise_fields(["BSM", "LHLX", "MJ"], "320999STBHHX")[0].role == "red_line"
    boundary = layer_factory("towns", CZKFBJ_FIELDS, [(rect(0, 0, 10, 10), {"GHFQMC": "集中建设区"})])
    assert recognise_layer(boundary).role == "development_boundary"


def test_chinese_field_names_and_ys_companions():
    found = recognise_fields([("地类编码", ""), ("图斑面积", ""), ("扣除地类系数", ""), ("图斑编号", "")], "")[0]
    assert found.role == "land_survey" and found.field("class_code") == "地类编码"
    aliased = recognise_fields([("F1", "地类编码"), ("F2", "图斑面积"), ("F3", "坐落单位代码")], "")[0]
    assert aliased.role == "land_survey" and aliased.field("class_code") == "F1"
    ys = recognise_fields(["DLBM", "TBMJ", "TBMJ_YS", "TBDLMJ", "TBDLMJ_YS"], "")[0]
    assert ys.field("parcel_area_m2") == "TBMJ_YS" and ys.field("net_area_m2") == "TBDLMJ_YS"   # ellipsoidal first
    assert recognise_fields(["DLBM", "TBMJ", "KCXS", "GDZZSXDM"], "")[0].field("planting_code") == "GDZZSXDM"


def test_name_is_only_a_hint_and_unknown_layers_are_not_guessed():
    assert recognise_fields(["jbnttbbh", "dlbm"], "basic_farmland")[0].by_name_only
    assert recognise_fields(["a", "b"], "roads") == []
    # basic farmland carries DLBM and TBMJ-like fields too: YJJBNTTBBH keeps it out of the survey role
    roles = [r.role for r in recognise_fields(["DLBM", "TBMJ", "KCXS", "YJJBNTTBBH", "YJJBNTMJ"], "")]
    assert roles == ["basic_farmland"]


def test_find_layers_prefers_fields_to_names(layer_factory, qgis_new_project):
    from qgis.core import QgsProject
    from double_guarantee_plugin.core.standard_layers.recognition import find_layers
    guessed = layer_factory("basic_farmland", [("jbnttbbh", str)], [(rect(0, 0, 10, 10), {"jbnttbbh": "1"})])
    real = layer_factory("zz", PBF_FIELDS, [(rect(0, 0, 10, 10), {"YJJBNTTBBH": "1"})])
    QgsProject.instance().addMapLayers([guessed, real], False)
    assert find_layers()["basic_farmland"].layer is real
    assert find_layers(allow_name_only=False)["basic_farmland"].layer is real
    QgsProject.instance().removeMapLayer(real.id())
    assert find_layers()["basic_farmland"].layer is guessed and find_layers()["basic_farmland"].by_name_only


def test_personal_fields_by_code_and_by_chinese_name(layer_factory):
    farmland = layer_factory("pbf", PBF_FIELDS, [(rect(0, 0, 10, 10), {"YJJBNTTBBH": "1"})])
    assert layer_personal_fields(farmland) == ["ZRRMC", "ZRRZJHM", "LXDH", "JZDZ"]
    assert personal_field_names(["cfzr", ("F9", "联系电话"), "责任人姓名", "DLBM", ("F8", "图斑编号")]) == \
        ["cfzr", "F9", "责任人姓名"]


def test_official_totals_come_from_their_own_area_field_and_never_mix_units(layer_factory):
    from double_guarantee_plugin.core.standard_layers.official import official_total
    both = layer_factory("hx", [("HXMC", str), ("MJ", float), ("QYMJ", float)],
                         [(rect(0, 0, 10, 10), {"HXMC": "甲", "MJ": 2500.0, "QYMJ": 0.0025}),
                          (rect(20, 0, 30, 10), {"HXMC": "乙", "MJ": 500.0, "QYMJ": 0.0005})])
    total = official_total(both, recognise_layer(both))
    assert (total.field, total.total_m2, total.features) == ("MJ", 3000.0, 2)      # m², QYMJ never added
    km2 = layer_factory("hx2", RED_LINE_SURVEY, [(rect(0, 0, 10, 10), {"MC": "丙", "QYMJ": 0.25, "LXDM": "1",
                                                                      "GKCS": "禁止"})])
    assert official_total(km2, recognise_layer(km2)).total_m2 == pytest.approx(250_000.0)   # km² → m²
    survey = layer_factory("dltb", DLTB_FIELDS, [(rect(0, 0, 100, 100), {"DLBM": "0103", "TBMJ": 10000.0,
                                                                         "TBDLMJ": 9500.0, "KCXS": 0.05}),
                                                 (rect(200, 0, 300, 100), {"DLBM": "0301", "TBMJ": 8000.0})])
    total = official_total(survey, recognise_layer(survey))
    assert (total.field, total.total_m2, total.missing) == ("TBDLMJ", 9500.0, 1)   # net of 田坎, not TBMJ
