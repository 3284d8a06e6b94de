# SPDX-License-Identifier: GPL-2.0-or-later
"""The writer: standard header and lines, options, refusal of foreign CRSs, atomic files, round trip."""
import os

import pytest
from shapely.geometry import MultiPolygon, Polygon, box

from double_guarantee_plugin.core.coord_txt import (CoordTxtError, ParcelToWrite, WriteOptions, format_coord_txt,
                                                    read_coord_txt, write_coord_txt)


def _to_write(parcel):
    return ParcelToWrite(parcel.geometry, code=parcel.code, name=parcel.name, use=parcel.use,
                         class_code=parcel.class_code, sheet=parcel.sheet, extra_fields=parcel.extra_fields)


def _same_rings(first, second, tolerance=0.001):
    """Every ring of ``first`` equals the matching ring of ``second`` vertex by vertex."""
    def rings(geometry):
        polygons = [geometry] if geometry.geom_type == "Polygon" else list(geometry.geoms)
        found = []
        for polygon in polygons:
            found.append(list(polygon.exterior.coords))
            found.extend(list(hole.coords) for hole in polygon.interiors)
        return found
    a, b = rings(first), rings(second)
    assert len(a) == len(b)
    for ring_a, ring_b in zip(a, b):
        assert len(ring_a) == len(ring_b)
        for (xa, ya), (xb, yb) in zip(ring_a, ring_b):
            assert abs(xa - xb) <= tolerance and abs(ya - yb) <= tolerance


@pytest.mark.parametrize("name", ["windr07_SampleData.txt", "longjie-sir_txt2shp_testfile.txt",
                                  "edcfoshan_polygon-txt_plot_000.txt"])
def test_round_trip_of_real_files(real_coord_dir, tmp_path, name):
    original = read_coord_txt(real_coord_dir / name)
    target = tmp_path / "out.txt"
    assert write_coord_txt(target, [_to_write(p) for p in original.parcels], original.epsg) == [str(target)]
    again = read_coord_txt(target)
    assert again.encoding == "GB18030" and again.line_ending == "CRLF" and again.epsg == original.epsg
    assert again.area_unit == "ha" and all(p.area_check.matches for p in again.parcels)
    assert len(again.parcels) == len(original.parcels)
    for before, after in zip(original.parcels, again.parcels):
        _same_rings(before.geometry, after.geometry)
        assert before.geometry.symmetric_difference(after.geometry).area < 1e-6
        assert [(r.number, r.depth) for r in before.rings] == [(r.number, r.depth) for r in after.rings]
        assert after.attributes() == dict(before.attributes(), declared_area=after.declared_area.text,
                                          shape="面")
        assert after.declared_point_count == after.point_lines
        assert after.ellipsoidal_area_m2 == pytest.approx(before.ellipsoidal_area_m2, abs=1e-3)
    assert not any("not closed" in str(note) for p in again.parcels for note in p.notes)


def test_standard_layout(tmp_path):
    # outline with a hole (written clockwise and anticlockwise on purpose) and a second part
    outline = Polygon([(39500000, 3540000), (39500100, 3540000), (39500100, 3540100), (39500000, 3540100)],
                      [[(39500020, 3540020), (39500020, 3540040), (39500040, 3540040), (39500040, 3540020)]])
    geometry = MultiPolygon([outline, box(39500200, 3540000, 39500210, 3540010)])
    text = format_coord_txt([ParcelToWrite(geometry, code="DK1", name="东地块", use="补充耕地", class_code="0103",
                                           extra_fields=["340102"])], 4527,
                            WriteOptions(produced_on="2024-05-06", producer="某县局"))
    lines = text.split("\r\n")
    assert lines[:12] == ["[属性描述]", "格式版本号=1.01版本", "数据产生单位=某县局", "数据产生日期=2024-05-06",
                          "坐标系=2000国家大地坐标系", "几度分带=3", "投影类型=高斯克吕格", "计量单位=米", "带号=39",
                          "精度=0.001", "转换参数=,,,,,,", "[地块坐标]"]
    # 3 rings of 5 points each, closing points counted; 9600 m² + 100 m² ≈ 0.97 ha
    assert lines[12] == "15,0.9700,DK1,东地块,面,,补充耕地,0103,340102,@"
    assert lines[13] == "J1,1,3540000.000,39500000.000"
    assert lines[17] == "J5,1,3540000.000,39500000.000"
    assert lines[18] == "J1,2,3540020.000,39500020.000"
    assert lines[23].startswith("J1,3,") and lines[-1] == ""
    assert text.count("@") == 1


def test_options_encoding_lf_prefix_off_and_first_name_for_closing(tmp_path):
    parcel = ParcelToWrite(box(39500000, 3540000, 39500050, 3540100), code="DK2", name="北地块")
    options = WriteOptions(encoding="UTF-8", line_ending="LF", zone_prefix=False, area_unit="m2",
                           closing_point_name="first")
    target = tmp_path / "lf.txt"
    write_coord_txt(target, [parcel], 4527, options)
    raw = target.read_bytes()
    assert b"\r\n" not in raw and "北地块".encode("utf-8") in raw
    assert "J1,1,3540000.000,500050.000" in raw.decode() or "J1,1,3540000.000,500000.000" in raw.decode()
    again = read_coord_txt(target)
    assert (again.epsg, again.prefixed, again.area_unit) == (4548, False, "m2")
    assert [line.split(",")[0] for line in raw.decode().split("\n") if line.startswith("J")][-1] == "J1"
    # the unprefixed CRS written with the prefix switched on gets the zone number back
    write_coord_txt(target, [ParcelToWrite(box(500000, 3540000, 500050, 3540100), code="DK2")], 4548,
                    WriteOptions(zone_prefix=True))
    assert read_coord_txt(target).epsg == 4527
    assert read_coord_txt(target).parcels[0].geometry.bounds == (39500000.0, 3540000.0, 39500050.0, 3540100.0)
    bom = tmp_path / "bom.txt"
    write_coord_txt(bom, [parcel], 4527, WriteOptions(encoding="UTF-8-BOM"))
    assert bom.read_bytes().startswith(b"\xef\xbb\xbf") and read_coord_txt(bom).had_bom


def test_one_file_per_parcel(tmp_path):
    parcels = [ParcelToWrite(box(39500000 + i * 100, 3540000, 39500050 + i * 100, 3540050), code=code)
               for i, code in enumerate(["A/1", "B 2", "A/1", ""])]
    written = write_coord_txt(tmp_path / "out", parcels, 4527, WriteOptions(one_file_per_parcel=True))
    assert [os.path.basename(p) for p in written] == ["A_1.txt", "B_2.txt", "A_1_2.txt", "parcel_4.txt"]
    assert [len(read_coord_txt(p).parcels) for p in written] == [1, 1, 1, 1]
    assert sorted(os.listdir(tmp_path / "out")) == sorted(os.path.basename(p) for p in written)


@pytest.mark.parametrize("epsg", [4326, 4490, 3857, None])
def test_refuses_crs_that_is_not_gauss_kruger(tmp_path, epsg):
    with pytest.raises(CoordTxtError, match="not a CGCS2000 or Xian 1980 Gauss-Krüger zone"):
        write_coord_txt(tmp_path / "x.txt", [ParcelToWrite(box(0, 0, 1, 1), code="A")], epsg)
    assert not (tmp_path / "x.txt").exists()


def test_atomic_existing_file_survives_a_failed_write(tmp_path):
    target = tmp_path / "keep.txt"
    target.write_bytes(b"old content")
    bad = [ParcelToWrite(box(39500000, 3540000, 39500050, 3540050), code="ok"),
           ParcelToWrite(box(39500000, 3540000, 39500050, 3540050), code="bad", name="名称😀")]
    with pytest.raises(CoordTxtError, match="'bad'.*地块名称.*GBK cannot hold") as caught:
        write_coord_txt(target, bad, 4527)
    assert caught.value.path == str(target)
    assert target.read_bytes() == b"old content"
    with pytest.raises(CoordTxtError, match="comma"):
        write_coord_txt(target, [ParcelToWrite(box(39500000, 3540000, 39500001, 3540001), code="a,b")], 4527)
    assert target.read_bytes() == b"old content"
    folder = tmp_path / "each"
    with pytest.raises(CoordTxtError):
        write_coord_txt(folder, bad, 4527, WriteOptions(one_file_per_parcel=True))
    assert not folder.exists() or os.listdir(folder) == []
    assert [p for p in os.listdir(tmp_path) if p.endswith(".tmp")] == []
    # GB18030 holds what GBK cannot
    write_coord_txt(target, bad, 4527, WriteOptions(encoding="GB18030"))
    assert read_coord_txt(target).parcels[1].name == "名称😀"
