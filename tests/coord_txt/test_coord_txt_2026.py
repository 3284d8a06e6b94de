# SPDX-License-Identifier: GPL-2.0-or-later
"""Coordinate files of 2026 (data-standards.md §8): the 12-field 补充耕地 file, 6-column 部备案 rows, zone 37
eastings in 38,xxx,xxx, and every export template written, read and written again byte for byte."""
from pathlib import Path

import pytest
from shapely.geometry import MultiPolygon, Polygon

from double_guarantee_plugin.core.coord_txt import (CoordTxtError, ParcelToWrite, WriteOptions, format_coord_txt,
                                                    options_of, parcels_of, read_coord_txt, templates,
                                                    write_coord_txt)
from double_guarantee_plugin.core.coord_txt.qgis_io import plot_values

HEADER = ("[属性描述]\r\n格式版本号=1.01版本\r\n数据产生单位=固安县自然资源局\r\n数据产生日期=2026-08-18\r\n"
          "坐标系=2000国家大地坐标系\r\n几度分带=3\r\n投影类型=高斯克吕格\r\n计量单位=米\r\n带号=39\r\n精度=0.001\r\n"
          "转换参数=,,,,,,\r\n[地块坐标]\r\n")
LIST_LINE = ("【坐标点个数,图斑面积,图斑编号,地块名称,补充耕地实施年份,耕地坡度级别,图形属性,图幅号,地块用途,备注,地类,"
             "耕地质量等级,@】\r\n")
EXPLANATION = ("【地块坐标要求：\r\n1、坐标点个数、图斑面积、图斑编号按顺序填写；\r\n2、1,2,3 这样的编号不是坐标；\r\n"
               "3、图斑面积单位为公顷。】\r\n")
# a 50 m × 49.28 m rectangle in zone 39 (0.2464 ha), closed
POINTS = ("J1,1,3550000.000,39500000.000\r\nJ2,1,3550000.000,39500050.000\r\nJ3,1,3550049.280,39500050.000\r\n"
          "J4,1,3550049.280,39500000.000\r\nJ5,1,3550000.000,39500000.000\r\n")
PARCEL_12 = "5,0.2464,F13102220230001000009,图斑1,2022,1,面,J50G017037,占补平衡,,水浇地,3,@\r\n"


def _gbk(text):
    return text.encode("gbk")


@pytest.mark.parametrize("before_list", [False, True])
def test_twelve_field_file_with_list_line_and_explanation_block(before_list):
    body = (EXPLANATION + LIST_LINE) if before_list else (LIST_LINE + EXPLANATION)
    result = read_coord_txt(_gbk(HEADER + body + PARCEL_12 + POINTS))
    assert result.layout == "named" and result.field_names[0] == "坐标点个数" and len(result.field_names) == 12
    assert result.explanation[0].startswith("【地块坐标要求") and result.explanation[-1].endswith("】")
    assert any("explanation block" in note.render() for note in result.notes)
    (parcel,) = result.parcels
    assert parcel.code == "F13102220230001000009" and parcel.name == "图斑1"
    assert (parcel.year, parcel.slope_level, parcel.shape, parcel.sheet, parcel.use) == \
        ("2022", "1", "面", "J50G017037", "占补平衡")
    assert parcel.remark == ""                               # the empty 备注 is kept, not shifted
    assert (parcel.class_name, parcel.class_code, parcel.quality_level) == ("水浇地", "0102", "3")
    assert parcel.declared_point_count == 5 and parcel.point_lines == 5
    assert parcel.area_check.matches and parcel.area_m2 == pytest.approx(2464, rel=2e-3)
    assert plot_values(parcel) == {"class_after": "0102", "grade_system": "quality_level_10", "grade_after": 3,
                                   "slope_level": "1", "implementation_year": 2022}


def test_twelve_values_without_a_list_line_are_recognised_or_read_as_the_standard_when_told():
    result = read_coord_txt(_gbk(HEADER + PARCEL_12 + POINTS))
    (parcel,) = result.parcels
    assert result.layout == "supplement12"
    assert (parcel.year, parcel.sheet, parcel.class_code, parcel.quality_level) == ("2022", "J50G017037", "0102", "3")
    # told the file is the 8-field standard: the first 8 by position (the year as 记录图形属性, the sheet as
    # 地类编码, as the reader of 2025 did), the other 4 kept as extras
    standard = read_coord_txt(_gbk(HEADER + PARCEL_12 + POINTS), layout="standard").parcels[0]
    assert (standard.shape, standard.sheet, standard.use, standard.class_code) == ("2022", "1", "面", "J50G017037")
    assert standard.extra_fields == ["占补平衡", "", "水浇地", "3"]


def test_a_parcel_line_that_does_not_fit_the_list_is_named():
    with pytest.raises(CoordTxtError) as caught:
        read_coord_txt(_gbk(HEADER + LIST_LINE + "5,0.2464,F1,图斑1,2022,1,面,J50,占补平衡,水浇地,3,@\r\n" + POINTS))
    assert caught.value.line == 14 and "11 fields" in str(caught.value) and "line 13" in str(caught.value)


def test_unclosed_explanation_block_is_an_error_naming_its_line():
    with pytest.raises(CoordTxtError) as caught:
        read_coord_txt(_gbk(HEADER + "【地块坐标要求：\r\n1、没有结束\r\n" + PARCEL_12 + POINTS))
    assert caught.value.line == 13 and "not closed" in str(caught.value)


def test_unknown_land_class_name_is_kept_with_a_warning():
    result = read_coord_txt(_gbk(HEADER + LIST_LINE + PARCEL_12.replace("水浇地", "稻麦轮作地") + POINTS))
    (parcel,) = result.parcels
    assert parcel.class_name == "稻麦轮作地" and parcel.class_code == ""
    assert any("稻麦轮作地" in note.render() for note in parcel.notes)


def test_six_column_point_rows_keep_their_two_columns():
    rows = ("J1,1,3550000.000,39500000.000,50.000,埋桩\r\nJ2,1,3550000.000,39500050.000,49.280,钢钉\r\n"
            "J3,1,3550049.280,39500050.000,50.000,埋桩\r\nJ4,1,3550049.280,39500000.000,49.280,埋桩\r\n"
            "J5,1,3550000.000,39500000.000,0.000,埋桩\r\n")
    result = read_coord_txt(_gbk(HEADER + "5,0.2464,BBA-1,部备案地块,面,,建设用地,0101,@\r\n" + rows))
    (parcel,) = result.parcels
    assert [extra for _line, _name, _ring, extra in parcel.point_extras][:2] == [["50.000", "埋桩"], ["49.280", "钢钉"]]
    assert parcel.point_extras[0][1:3] == ("J1", "1")
    assert any("kept as attributes" in note.render() for note in parcel.notes)
    from double_guarantee_plugin.core.coord_txt.qgis_io import point_columns_json
    assert '["J2", "1", "49.280", "钢钉"]' in point_columns_json(parcel)


ZONE_37 = HEADER.replace("带号=39", "带号=37")
# 揭阳-like data: declared zone 37 (111°E); the eastern points lie 557 km east: 38,057,383
ZONE_37_POINTS = ("J1,1,2600000.000,37999900.000\r\nJ2,1,2600000.000,38057383.000\r\nJ3,1,2600100.000,38057383.000\r\n"
                  "J4,1,2600100.000,37999900.000\r\nJ5,1,2600000.000,37999900.000\r\n")


def test_declared_zone_wins_over_an_easting_prefix_that_runs_into_the_next_million():
    result = read_coord_txt(_gbk(ZONE_37 + "5,,Z37,跨百万地块,面,,,0103,@\r\n" + ZONE_37_POINTS))
    assert (result.zone, result.zone_source, result.epsg) == (37, "带号", 4525)
    warning = next(note.render() for note in result.notes if "next million" in note.render())
    assert "zone 37" in warning and "557 km" in warning
    geometry = result.parcels[0].geometry
    assert geometry.bounds[0] == pytest.approx(37_999_900) and geometry.bounds[2] == pytest.approx(38_057_383)


def test_without_a_declared_zone_mixed_prefixes_ask_for_the_zone():
    no_zone = ZONE_37.replace("带号=37\r\n", "")
    with pytest.raises(CoordTxtError) as caught:
        read_coord_txt(_gbk(no_zone + "5,,Z37,跨百万地块,面,,,0103,@\r\n" + ZONE_37_POINTS))
    assert "give the zone" in str(caught.value)
    chosen = read_coord_txt(_gbk(no_zone + "5,,Z37,跨百万地块,面,,,0103,@\r\n" + ZONE_37_POINTS), zone=37)
    assert (chosen.zone, chosen.zone_source, chosen.epsg) == (37, "user", 4525)


def test_a_declared_zone_the_eastings_cannot_be_in_is_still_refused(traps):
    with pytest.raises(CoordTxtError) as caught:
        read_coord_txt(traps / "zone_conflict.txt")
    assert "带号 says zone 38" in str(caught.value) and "km from zone 38" in str(caught.value)


# -- export templates ---------------------------------------------------------------------------------------


def _parcels():
    square = Polygon([(39_500_000, 3_550_000), (39_500_080, 3_550_000), (39_500_080, 3_550_060),
                      (39_500_000, 3_550_060)])
    holed = Polygon([(39_501_000, 3_551_000), (39_501_200, 3_551_000), (39_501_200, 3_551_150),
                     (39_501_000, 3_551_150)],
                    [[(39_501_050, 3_551_050), (39_501_100, 3_551_050), (39_501_100, 3_551_100)]])
    island = Polygon([(39_502_000, 3_552_000), (39_502_030, 3_552_000), (39_502_030, 3_552_030)])
    return [
        ParcelToWrite(square, code="F32099920260001000001", name="东岭图斑1", use="占补平衡", class_code="0102",
                      sheet="H50G001001", values={"year": "2026", "slope_level": "2", "quality_level": "4"}),
        ParcelToWrite(MultiPolygon([holed, island]), code="F32099920260001000002", name="东岭图斑2",
                      use="占补平衡", class_code="0101", values={"year": "2026", "slope_level": "1",
                                                                 "quality_level": "3", "remark": "含岛"}),
    ]


@pytest.mark.parametrize("template_id", sorted(templates()))
@pytest.mark.parametrize("zone_prefix", [True, False])
@pytest.mark.parametrize("per_parcel", [False, True])
def test_every_template_round_trips_byte_for_byte(tmp_path, template_id, zone_prefix, per_parcel):
    options = WriteOptions(template=template_id, zone_prefix=zone_prefix, one_file_per_parcel=per_parcel,
                           producer="示范县自然资源局", produced_on="2026-12-03")
    target = tmp_path / ("out" if per_parcel else "out.txt")
    written = write_coord_txt(target, _parcels(), 4527, options)
    assert len(written) == (2 if per_parcel else 1)
    for path in written:
        first = Path(path).read_bytes()
        result = read_coord_txt(path)
        again = format_coord_txt(parcels_of(result), result.epsg, options_of(result)).encode("gbk")
        assert again == first, path
        template = templates()[template_id]
        text = first.decode("gbk")
        assert ("【坐标点个数,图斑面积" in text) == template.list_line
        if template_id.startswith("supplement"):
            assert result.layout in ("named", "supplement12")
            assert result.parcels[0].class_name in ("水浇地", "水田") and result.parcels[0].year == "2026"
        if template_id == "coordinates_only":
            assert all(parcel.code == "" and parcel.declared_area.text == "" for parcel in result.parcels)
        assert result.prefixed == zone_prefix


def test_a_12_field_template_refuses_extra_columns():
    parcel = _parcels()[0]
    parcel.extra_fields = ["340102"]
    with pytest.raises(CoordTxtError, match="fixed columns"):
        format_coord_txt([parcel], 4527, WriteOptions(template="supplement_12"))


def test_unknown_template_is_named():
    with pytest.raises(CoordTxtError, match="unknown coordinate TXT template 'hubei_9'"):
        WriteOptions(template="hubei_9")
