# SPDX-License-Identifier: GPL-2.0-or-later
"""bench/county_data.py: the county-shaped bench data is what issue 17 asks for, at a small size.

Real parcel shapes from ../shared/data/real/fields_open in a dense mosaic whose neighbours' boxes
interleave, 3 % drawn twice a few metres off, plots of 20–300 vertices and 1–50 ha reaching across
the zone width, 50 red-line zones of 400–3,000 vertices, every polygon valid, and the same data
on every run.
"""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    if not (ROOT.parent / "shared" / "data" / "real" / "fields_open").is_dir():
        pytest.skip("../shared/data/real/fields_open is not here")
    sys.path.insert(0, str(ROOT / "bench"))
    import county_data
    import os
    folder = tmp_path_factory.mktemp("bench_cache")
    os.environ["DG_BENCH_CACHE"] = str(folder)
    try:
        paths = county_data.generate(12_000, 60, log=lambda _text: None)
        again = county_data.generate(12_000, 60, log=lambda _text: None)     # cached: the same files
    finally:
        del os.environ["DG_BENCH_CACHE"]
    assert again["county"] == paths["county"] and again["info"] == paths["info"]
    return county_data, paths


def _shapes(path, layer_name):
    from osgeo import ogr
    from shapely import wkb
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName(layer_name)
    return [wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb())) for feature in layer]


def test_mosaic_of_real_shapes_with_near_duplicates(county):
    import numbers
    import warnings
    from shapely.strtree import STRtree
    warnings.simplefilter("ignore")                                  # (shapely 1.8 announces its 2.0 STRtree)
    county_data, paths = county
    parcels = _shapes(paths["county"], "basic_farmland")
    assert len(parcels) == 12_000 and all(shape.is_valid for shape in parcels)
    vertices = sum(len(shape.exterior.coords) - 1 for shape in parcels) / len(parcels)
    assert 15 <= vertices <= 30                                       # about 25, as the real shapes
    tree = STRtree(parcels)
    number = {id(shape): n for n, shape in enumerate(parcels)}
    interleaving = sharing = 0
    for n, shape in enumerate(parcels):
        for hit in tree.query(shape):
            # shapely 2 (Debian 13) answers with indices, shapely 1.8 (Debian 12) with the shapes
            m = int(hit) if isinstance(hit, numbers.Integral) else number[id(hit)]
            other = parcels[m]
            if m <= n:
                continue
            interleaving += 1
            sharing += shape.intersection(other).area > 0.01
    assert interleaving > len(parcels) / 4                            # neighbours' boxes interleave
    assert 0.02 * len(parcels) <= sharing <= 0.04 * len(parcels)      # the parcels drawn twice


def test_plots_and_red_line_zones(county):
    county_data, paths = county
    plots = _shapes(paths["plots"], "plots")
    assert len(plots) == paths["info"]["plots"] and 3 * 60 <= len(plots) <= 6 * 60
    for plot in plots:
        polygon = plot.geoms[0]
        assert polygon.is_valid and 20 <= len(polygon.exterior.coords) - 1 <= 300
        assert 0.95 * 10_000 <= polygon.area <= 1.05 * 500_000
    eastings = [plot.centroid.x - county_data.FALSE_EASTING for plot in plots]
    assert min(eastings) < -100_000 and max(eastings) > 100_000      # across the zone width
    zones = _shapes(paths["county"], "red_line")
    assert len(zones) == 50 and all(zone.is_valid and 400 <= len(zone.exterior.coords) - 1 <= 3000
                                    for zone in zones)
