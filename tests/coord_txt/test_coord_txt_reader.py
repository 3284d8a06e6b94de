# SPDX-License-Identifier: GPL-2.0-or-later
"""The reader on the real sample files in shared and on hand-made files, one per trap."""
import pytest
from shapely.geometry import MultiPolygon, Polygon

from double_guarantee_plugin.core.coord_txt import CoordTxtError, read_coord_txt
from double_guarantee_plugin.core.coord_txt.messages import Note


def _structure(parcel):
    return [(ring.number, ring.depth, ring.point_count) for ring in parcel.rings]


def _notes(result):
    texts = [str(note) for note in result.notes]
    for parcel in result.parcels:
        texts.extend(str(note) for note in parcel.notes)
    return "\n".join(texts)


# ---------------------------------------------------------------------------------- real files

def test_windr07_sample_parts_holes_islands(real_coord_dir):
    result = read_coord_txt(real_coord_dir / "windr07_SampleData.txt")
    assert (result.encoding, result.line_ending, result.epsg) == ("UTF-8", "LF", 4525)
    assert (result.datum, result.zone_width, result.zone, result.prefixed, result.swapped_xy) == \
        ("cgcs2000", 3, 37, True, False)
    assert [p.code for p in result.parcels] == ["1", "2", "3", "4", "5"]
    one, two, three, four, five = result.parcels
    assert _structure(one) == [(1, 0, 5)] and _structure(two) == [(1, 0, 85)]
    # parcel 3: an outline and a hole
    assert _structure(three) == [(1, 0, 24), (2, 1, 6)]
    assert isinstance(three.geometry, Polygon) and len(three.geometry.interiors) == 1
    # parcel 4: two touching parts, a rectangle with a hole, two islands inside the hole
    assert _structure(four) == [(1, 0, 4), (2, 0, 6), (3, 0, 5), (4, 1, 5), (5, 2, 5), (6, 2, 4)]
    assert isinstance(four.geometry, MultiPolygon) and len(four.geometry.geoms) == 5
    assert sum(len(part.interiors) for part in four.geometry.geoms) == 1
    assert four.geometry.is_valid
    # parcel 5: two disjoint parts
    assert _structure(five) == [(1, 0, 7), (2, 0, 12)]
    assert isinstance(five.geometry, MultiPolygon) and five.geometry.geoms[0].disjoint(five.geometry.geoms[1])
    # x is the easting: zone 37's eastings carry the zone number in front
    assert 37_465_000 < one.geometry.bounds[0] < 37_466_000 and 2_369_000 < one.geometry.bounds[1] < 2_370_000
    # 地块面积 is in m² in this file; parcel 1 matches, the others miss by more than rounding
    assert result.area_unit == "m2"
    assert one.area_check.matches is True and one.area_check.unit == "m2"
    assert one.planar_area_m2 == pytest.approx(109.4315, abs=1e-3)
    assert one.ellipsoidal_area_m2 == pytest.approx(109.4283, abs=1e-3)
    assert two.area_check.matches is False and "14969.76" in str(two.area_note)
    assert all(p.declared_point_count == p.point_lines for p in result.parcels)
    assert four.geometry.area == pytest.approx(four.planar_area_m2)


def test_longjie_dialect_unclosed_ring_and_zone_from_prefix(real_coord_dir):
    result = read_coord_txt(real_coord_dir / "longjie-sir_txt2shp_testfile.txt")
    assert (result.zone, result.zone_width, result.prefixed, result.epsg) == (35, 3, True, 4523)
    notes = _notes(result)
    assert "'分带' read as '几度分带'" in notes
    assert "zone 35 taken from the eastings" in notes
    assert "was not closed" in notes
    (parcel,) = result.parcels
    assert (parcel.code, parcel.name, parcel.use, parcel.class_code) == ("010031", "32", "地块1", "")
    assert _structure(parcel) == [(1, 0, 63)] and parcel.rings[0].closed_by_reader
    assert parcel.declared_point_count == 63
    coords = list(parcel.geometry.exterior.coords)
    assert len(coords) == 64 and coords[0] == coords[-1] == (35521983.54, 2834493.395)
    assert parcel.geometry.is_valid and parcel.planar_area_m2 == pytest.approx(466.171, abs=1e-3)
    assert parcel.area_check.matches is None  # no area declared


def test_edcfoshan_blank_fields_written_as_spaces(real_coord_dir):
    result = read_coord_txt(real_coord_dir / "edcfoshan_polygon-txt_plot_000.txt")
    assert (result.zone, result.epsg, result.line_ending) == (38, 4526, "LF")
    (parcel,) = result.parcels
    assert (parcel.code, parcel.name, parcel.shape, parcel.sheet, parcel.use, parcel.class_code) == \
        ("FID_0", "DKMC", "面", "", "", "")
    assert parcel.declared_area.is_blank
    assert _structure(parcel) == [(1, 0, 6)] and not parcel.rings[0].closed_by_reader
    assert parcel.planar_area_m2 == pytest.approx(12247.096, abs=1e-3)
    assert parcel.ellipsoidal_area_m2 < parcel.planar_area_m2  # 117 km west of the meridian


# ---------------------------------------------------------------------------------- traps

def test_gbk_crlf_with_project_section(traps):
    result = read_coord_txt(traps / "gbk_crlf_project_info.txt")
    assert result.encoding == "GB18030" and result.line_ending == "CRLF" and not result.had_bom
    assert result.project_info == {"项目名称": "城关镇土地整治项目", "项目编号": "3401022024001", "项目类型": "土地整治"}
    assert result.attributes["数据产生单位"] == "某县自然资源局"
    (parcel,) = result.parcels
    assert (parcel.name, parcel.use, parcel.class_code, parcel.sheet) == ("东坡地块", "补充耕地", "0103", "H50G001001")
    assert parcel.area_check.unit == "ha" and parcel.area_check.matches


def test_gbk_read_with_explicit_encoding_and_wrong_one(traps):
    assert read_coord_txt(traps / "gbk_crlf_project_info.txt", encoding="GBK").parcels[0].name == "东坡地块"
    with pytest.raises(CoordTxtError, match="cannot be read as UTF-8") as caught:
        read_coord_txt(traps / "gbk_crlf_project_info.txt", encoding="UTF-8")
    assert caught.value.line == 1  # [项目信息] on line 1 is the first GBK text


def test_utf8_bom_nested_rings(traps):
    result = read_coord_txt(traps / "utf8_bom_nested.txt")
    assert result.had_bom and result.encoding == "UTF-8"
    (parcel,) = result.parcels
    assert _structure(parcel) == [(1, 0, 5), (2, 1, 5), (3, 2, 5), (4, 0, 5)]
    geometry = parcel.geometry
    assert isinstance(geometry, MultiPolygon) and len(geometry.geoms) == 3
    assert geometry.area == pytest.approx(200 * 200 - 100 * 100 + 40 * 40 + 30 * 30)
    assert parcel.area_check.matches and parcel.area_check.unit == "ha"


def test_swapped_xy_detected(traps):
    result = read_coord_txt(traps / "swapped_xy.txt")
    assert result.swapped_xy and result.epsg == 4527
    assert "X and Y are swapped" in _notes(result)
    assert result.parcels[0].geometry.bounds == (39500000.0, 3540000.0, 39500050.0, 3540100.0)


def test_missing_zone_prefix_uses_unprefixed_crs(traps):
    result = read_coord_txt(traps / "no_zone_prefix.txt")
    assert not result.prefixed and result.epsg == 4548
    assert "no zone number in front; zone 39 assumed from 带号" in _notes(result)
    assert result.parcels[0].geometry.bounds == (500000.0, 3540000.0, 500050.0, 3540100.0)


def test_no_zone_anywhere_needs_the_users_zone(traps):
    with pytest.raises(CoordTxtError, match="the zone is unknown") as caught:
        read_coord_txt(traps / "no_zone_anywhere.txt")
    assert caught.value.line == 9
    result = read_coord_txt(traps / "no_zone_anywhere.txt", zone=39)
    assert result.epsg == 4548 and "as chosen by the user" in _notes(result)


def test_renamed_and_missing_keys_blank_fields(traps):
    result = read_coord_txt(traps / "renamed_keys_blank_fields.txt")
    assert (result.datum, result.zone_width, result.zone, result.epsg) == ("cgcs2000", 3, 39, 4527)
    notes = _notes(result)
    assert "'坐标系统' read as '坐标系'" in notes and "'分带' read as '几度分带'" in notes
    (parcel,) = result.parcels
    assert parcel.declared_area.is_blank and parcel.name == "" and parcel.class_code == ""


def test_unclosed_rings_closed_and_said(traps):
    result = read_coord_txt(traps / "unclosed_rings.txt")
    (parcel,) = result.parcels
    assert [ring.closed_by_reader for ring in parcel.rings] == [True, True]
    assert [note.line for note in parcel.notes if "was not closed" in str(note)] == [14, 18]
    assert parcel.geometry.area == pytest.approx(5100.0)
    assert parcel.declared_point_count == parcel.point_lines == 8


def test_area_units_and_mismatch(traps):
    parcels = read_coord_txt(traps / "area_units.txt").parcels
    checks = [(p.code, p.area_check.unit, p.area_check.matches) for p in parcels]
    assert checks == [("DK701", "ha", True), ("DK702", "m2", True), ("DK703", "mu", True),
                      ("DK704", "ha", False), ("DK705", None, False)]
    mismatch = parcels[3]
    assert "does not match" in str(mismatch.area_note) and "1000.00" in str(mismatch.area_note)
    assert any(note.level == Note.WARNING and note.line == 31 for note in mismatch.notes)
    assert "not a number" in str(parcels[4].area_note)


def test_xian80_and_extra_province_fields(traps):
    result = read_coord_txt(traps / "xian80_extra_fields.txt")
    assert (result.datum, result.epsg) == ("xian1980", 2363)
    assert result.parcels[0].extra_fields == ["340102", "2024"]


def test_rings_all_numbered_one_and_cr_endings(traps):
    result = read_coord_txt(traps / "rings_all_number_one_cr.txt")
    assert result.line_ending == "CR"
    (parcel,) = result.parcels
    assert len(parcel.rings) == 2 and isinstance(parcel.geometry, MultiPolygon)
    assert "continues after it closed" in _notes(result)


@pytest.mark.parametrize("name, line, expected", [
    ("bad_number.txt", 15, "expected two numbers X,Y"),
    ("short_parcel_line.txt", 13, "needs 8 fields before '@'"),
    ("bad_ring_number.txt", 16, "whole ring number"),
    ("point_line_three_fields.txt", 17, "found 3 field"),
    ("zone_conflict.txt", 9, "带号 says zone 38 but the eastings carry zone 39"),
    ("point_before_parcel.txt", 13, "before any parcel line"),
    ("mixed_prefix.txt", 16, "do not follow the layout of the first point"),
    ("two_points_ring.txt", 14, "2 distinct point"),
    ("beijing54.txt", 5, "is not supported"),
    ("missing_at_comma.txt", 13, "must end in ',@'"),
])
def test_malformed_files_name_the_line(traps, name, line, expected):
    with pytest.raises(CoordTxtError) as caught:
        read_coord_txt(traps / name)
    error = caught.value
    assert error.line == line and expected in str(error)
    assert str(error).startswith(str(traps / name) + f", line {line}: ")


def test_error_text_can_be_translated(traps):
    with pytest.raises(CoordTxtError) as caught:
        read_coord_txt(traps / "bad_ring_number.txt")
    table = {"line {}": "第 {} 行", "expected a whole ring number (圈号) in the 2nd field, found '{}'":
             "第 2 个字段应为整数圈号，实为“{}”"}
    text = caught.value.render(lambda template, *args: table[template].format(*args))
    assert text.endswith("第 16 行: 第 2 个字段应为整数圈号，实为“A”")


def test_bytes_that_are_not_text(traps):
    with pytest.raises(CoordTxtError, match="neither UTF-8 nor GBK"):
        read_coord_txt(b"[\xff\xfe\xfd]\n")
    with pytest.raises(CoordTxtError, match="NUL byte"):
        read_coord_txt("[属性描述]\n坐标系=2000\x00".encode("utf-8"))
    with pytest.raises(CoordTxtError, match="cannot read the file"):
        read_coord_txt(traps / "no_such_file.txt")


def test_damaged_utf8_is_not_read_as_gbk(real_coord_dir):
    raw = (real_coord_dir / "windr07_SampleData.txt").read_bytes()
    lines = raw.split(b"\n")
    lines[20] = b"J\xff" + lines[20][1:]
    with pytest.raises(CoordTxtError, match="UTF-8 up to here") as caught:
        read_coord_txt(b"\n".join(lines))
    assert caught.value.line == 21


def test_sections_after_the_parcels_and_header_lines_inside_them():
    text = ("[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n带号=39\n[地块坐标]\n"
            "5,0.5000,A,,面,,,,@\nJ1,1,3540000,39500000\nJ2,1,3540000,39500050\nJ3,1,3540100,39500050\n"
            "J4,1,3540100,39500000\nJ5,1,3540000,39500000\n[项目信息]\n项目名称=尾部项目\n")
    result = read_coord_txt(text.encode("utf-8"))
    assert result.project_info == {"项目名称": "尾部项目"} and len(result.parcels) == 1
    with pytest.raises(CoordTxtError, match="header must come before it") as caught:
        read_coord_txt(text.replace("[地块坐标]\n", "[地块坐标]\n带号=39\n").encode("utf-8"))
    assert caught.value.line == 6
