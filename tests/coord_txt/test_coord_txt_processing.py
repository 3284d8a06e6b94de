# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:importcoordtxt`` and ``exportcoordtxt`` run through Processing on real files."""
import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsProcessingException,
                       QgsVectorLayer)

from double_guarantee_plugin.core.coord_txt import read_coord_txt
from double_guarantee_plugin.core.coord_txt.qgis_io import IMPORT_FIELDS


def _run(algorithm, parameters):
    from qgis import processing
    return processing.run(f"doubleguarantee:{algorithm}", parameters)


def _by_code(layer):
    return {f["parcel_code"]: f for f in layer.getFeatures()}


def test_import_real_files(processing_ready, real_coord_dir):
    paths = [str(real_coord_dir / name) for name in
             ("windr07_SampleData.txt", "longjie-sir_txt2shp_testfile.txt", "edcfoshan_polygon-txt_plot_000.txt")]
    result = _run("importcoordtxt", {"INPUT": paths, "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = result["OUTPUT"]
    assert (result["FILE_COUNT"], result["PARCEL_COUNT"], layer.featureCount()) == (3, 7, 7)
    assert layer.crs().authid() == "EPSG:4525"  # the first file's zone; the others reprojected
    assert [field.name() for field in layer.fields()] == [name for name, _kind in IMPORT_FIELDS]
    features = _by_code(layer)
    four = features["4"]
    assert four.geometry().constGet().numGeometries() == 5
    assert sum(four.geometry().constGet().geometryN(i).numInteriorRings() for i in range(5)) == 1
    assert four["declared_area"] == "989.25" and four["area_unit"] == "m2"
    reader = {p.code: p for p in read_coord_txt(paths[0]).parcels}
    for code in "12345":
        # EllipsoidalArea (QgsDistanceArea) and the reader's pyproj geodesic agree
        assert features[code]["area_m2"] == pytest.approx(reader[code].ellipsoidal_area_m2, rel=1e-9)
        assert features[code]["area_ha"] == pytest.approx(features[code]["area_m2"] / 10000)
    assert "does not match" in features["2"]["area_note"]
    longjie = features["010031"]
    assert longjie["parcel_use"] == "地块1" and longjie["source_line"] == 7
    # reprojected from zone 35 to 37: the area stays the one measured in its own zone
    assert longjie["area_m2"] == pytest.approx(466.165, abs=1e-3)
    assert 36_000_000 < longjie.geometry().boundingBox().xMinimum() < 37_000_000


def test_import_is_all_or_nothing(processing_ready, real_coord_dir, traps, tmp_path):
    output = tmp_path / "parcels.gpkg"
    with pytest.raises(QgsProcessingException, match=r"bad_number\.txt, line 15: expected two numbers"):
        _run("importcoordtxt", {"INPUT": [str(real_coord_dir / "windr07_SampleData.txt"),
                                          str(traps / "bad_number.txt")], "OUTPUT": str(output)})
    assert not output.exists()


def test_import_zone_parameter(processing_ready, traps):
    with pytest.raises(QgsProcessingException, match="the zone is unknown"):
        _run("importcoordtxt", {"INPUT": [str(traps / "no_zone_anywhere.txt")], "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = _run("importcoordtxt", {"INPUT": [str(traps / "no_zone_anywhere.txt")], "ZONE": 39,
                                    "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    assert layer.crs().authid() == "EPSG:4548" and layer.featureCount() == 1


def test_export_then_import_round_trip(processing_ready, real_coord_dir, tmp_path):
    source = str(real_coord_dir / "windr07_SampleData.txt")
    first = _run("importcoordtxt", {"INPUT": [source], "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    target = tmp_path / "export.txt"
    exported = _run("exportcoordtxt", {"INPUT": first, "OUTPUT": str(target), "EXTRA_FIELDS": ["source_line"]})
    assert exported["FILES"] == [str(target)] and exported["PARCEL_COUNT"] == 5
    raw = target.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")  # CRLF
    again = _run("importcoordtxt", {"INPUT": [str(target)], "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    before, after = _by_code(first), _by_code(again)
    assert set(before) == set(after)
    for code, feature in before.items():
        other = after[code]
        assert feature.geometry().constGet().numGeometries() == other.geometry().constGet().numGeometries()
        assert feature.geometry().hausdorffDistance(other.geometry()) <= 0.001
        assert feature.geometry().symDifference(other.geometry()).area() < 1e-6
        for name in ("parcel_name", "parcel_use", "class_code", "sheet"):
            assert feature[name] == other[name]
        assert other["area_unit"] == "ha" and "matches" in other["area_note"]
        assert other["extra_fields"] == f'["{feature["source_line"]}"]'


def _wgs84_layer():
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=parcel_code:string", "wgs", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(
        "MultiPolygon(((117.0 32.0, 117.001 32.0, 117.001 32.001, 117.0 32.001, 117.0 32.0)))"))
    feature["parcel_code"] = "W1"
    layer.dataProvider().addFeatures([feature])
    return layer


def test_export_refuses_foreign_crs_and_reprojects_on_request(processing_ready, tmp_path):
    layer = _wgs84_layer()
    target = tmp_path / "w.txt"
    with pytest.raises(QgsProcessingException, match=r"not a CGCS2000 or Xian 1980.*EPSG:4527"):
        _run("exportcoordtxt", {"INPUT": layer, "OUTPUT": str(target)})
    assert not target.exists()
    _run("exportcoordtxt", {"INPUT": layer, "OUTPUT": str(target),
                            "REPROJECT_TO": QgsCoordinateReferenceSystem("EPSG:4527"), "AREA_UNIT": 1})
    result = read_coord_txt(target)
    (parcel,) = result.parcels
    assert result.epsg == 4527 and parcel.code == "W1" and parcel.area_check.unit == "m2"
    assert parcel.area_check.matches and 39_499_000 < parcel.geometry.bounds[0] < 39_501_000


def test_export_one_file_per_parcel_options(processing_ready, traps, tmp_path):
    layer = _run("importcoordtxt", {"INPUT": [str(traps / "utf8_bom_nested.txt"), str(traps / "area_units.txt")],
                                    "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    result = _run("exportcoordtxt", {"INPUT": layer, "OUTPUT": str(tmp_path / "each.txt"),
                                     "ONE_FILE_PER_PARCEL": True, "ENCODING": 2, "LINE_ENDING": 1,
                                     "ZONE_PREFIX": False})
    assert result["OUTPUT"] == str(tmp_path / "each")
    names = sorted(path.rsplit("/", 1)[1] for path in result["FILES"])
    assert names == ["DK002.txt", "DK701.txt", "DK702.txt", "DK703.txt", "DK704.txt", "DK705.txt"]
    nested = read_coord_txt(tmp_path / "each" / "DK002.txt")
    assert (nested.encoding, nested.line_ending, nested.prefixed, nested.epsg) == ("UTF-8", "LF", False, 4548)
    assert [(r.number, r.depth) for r in nested.parcels[0].rings] == [(1, 0), (2, 1), (3, 2), (4, 0)]
    assert nested.parcels[0].name == "套圈地块" and nested.parcels[0].class_code == "0102"
