# SPDX-License-Identifier: GPL-2.0-or-later
"""County-shaped bench data for the constraint engine, built from real parcel shapes (issue 17).

``generate(parcels, projects)`` writes (once; cached outside the repository, see ``cache_folder``)
two GeoPackages in CGCS2000 / 3-degree Gauss-Krüger zone 39 (EPSG:4527, central meridian 117° E,
around 32.5° N):

- ``county.gpkg``, layer ``basic_farmland``: ``parcels`` polygons in a dense mosaic.  Every parcel
  is one of the 400 real field boundaries of ``../shared/data/real/fields_open/`` (Netherlands,
  Finland, Croatia, Vietnam; about 25 vertices each, some with holes), turned a quarter turn or
  mirrored and tilted a few degrees, scaled to the height of its row (50–150 m) and slid along
  the row until it almost touches its neighbours (2–6 m apart: ditches and balks), so that the
  bounding boxes of neighbours interleave as in a real layer.  Rows fill farmland districts of
  2.4–4.2 km laid across the whole zone width (±140 km of the central meridian), about 40 % of
  the region.  3 % of the parcels are drawn a second time 1–5 m off, as real layers have.
  Layer ``red_line``: 50 ecological red-line zones of 400–3,000 vertices (natural outlines: a
  noisy star shape), together about a tenth of the region.
- ``plots_<projects>.gpkg``, layer ``plots``: ``projects`` projects of 3–6 plots, each plot a real
  field shape (outer ring) scaled to 1–50 ha (log-uniform) and written with 20–300 vertices
  (survey points added along its edges, or the outline simplified), a few centimetres of survey
  noise; 85 % of the projects lie in a farmland district, the rest anywhere in the region.

Fields as a county layer has them (``jbnttbbh``, ``dlbm``, ``tbmj`` on basic farmland;
``project_code``, ``plot_code``, ``class_before``, ``class_after`` on plots).  Everything comes from
one seed, so a given size is the same data on every machine.
"""
import json
import math
import os
import random
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "data" / "real" / "fields_open"
VERSION = 1
SEED = 20261203
EPSG = 4527
FALSE_EASTING = 39_500_000.0
NORTHING = 3_540_000.0            # about 32° N: the southern edge of the region
HALF_WIDTH = 140_000.0            # 1.5° of longitude at 32.5° N is 140.8 km
BANDS = 12                        # horizontal bands of a template for sliding parcels together
COVER = 0.4                       # share of the region that is farmland district
DUPLICATES = 0.03
RED_LINE_ZONES = 50


def cache_folder():
    """Where generated data is kept: ``$DG_BENCH_CACHE`` or ``~/.cache/double_guarantee/bench``."""
    base = os.environ.get("DG_BENCH_CACHE") or os.path.join(os.path.expanduser("~"), ".cache",
                                                            "double_guarantee", "bench")
    return Path(base) / f"county-v{VERSION}"


# --- the real shapes -------------------------------------------------------------------------

def real_shapes():
    """The 400 real field boundaries as ``[exterior (n, 2) array, [hole arrays]]``, centred on
    their boxes, in metres (all four sources are in projected metric CRSs)."""
    from osgeo import ogr
    shapes = []
    for path in sorted(REAL.glob("*.gpkg")):
        dataset = ogr.Open(str(path))
        layer = dataset.GetLayer(0)
        for feature in layer:
            geometry = feature.GetGeometryRef()
            if geometry is None or geometry.IsEmpty():
                continue
            parts = list(geometry) if geometry.GetGeometryName().startswith("MULTI") else [geometry]
            polygon = max(parts, key=lambda part: part.GetArea())
            rings = [np.array(ring.GetPoints(), dtype=np.float64)[:, :2] for ring in polygon]
            if len(rings[0]) < 4 or polygon.GetArea() <= 1.0:
                continue
            x_min, y_min = rings[0].min(axis=0)
            x_max, y_max = rings[0].max(axis=0)
            centre = np.array([(x_min + x_max) / 2, (y_min + y_max) / 2])
            shapes.append([rings[0] - centre, [ring - centre for ring in rings[1:] if len(ring) >= 4]])
    if len(shapes) < 300:
        raise RuntimeError(f"{REAL}: expected the 400 real field shapes, found {len(shapes)}")
    return shapes


def _turned(rings, quarter, mirror, tilt_deg):
    angle = math.radians(90 * quarter + tilt_deg)
    cos, sin = math.cos(angle), math.sin(angle)
    out = []
    for ring in rings:
        x, y = ring[:, 0] * (-1 if mirror else 1), ring[:, 1]
        out.append(np.column_stack((x * cos - y * sin, x * sin + y * cos)))
    return out


def templates(shapes, rng):
    """Parcel templates: each real shape in 8 orientations, tilted, scaled to a box of height 1 with
    its left edge at x = 0; ``(rings, width, left per band, right per band)``."""
    from shapely.geometry import Polygon, box
    found = []
    for exterior, holes in shapes:
        for quarter in range(4):
            for mirror in (False, True):
                rings = _turned([exterior] + holes, quarter, mirror, rng.uniform(-8, 8))
                x_min, y_min = rings[0].min(axis=0)
                x_max, y_max = rings[0].max(axis=0)
                height = y_max - y_min
                width = (x_max - x_min) / height
                if not 0.25 <= width <= 5.0:
                    continue
                rings = [(ring - (x_min, y_min)) / height for ring in rings]
                polygon = Polygon(rings[0], rings[1:]).buffer(0)
                if polygon.is_empty or polygon.geom_type != "Polygon" or polygon.area < 0.2 * width:
                    continue
                rings = [np.array(polygon.exterior.coords)] + [np.array(hole.coords) for hole in polygon.interiors]
                left, right = np.full(BANDS, np.inf), np.full(BANDS, -np.inf)
                for band in range(BANDS):
                    piece = polygon.intersection(box(-1, band / BANDS, width + 1, (band + 1) / BANDS))
                    if not piece.is_empty:
                        bounds = piece.bounds
                        left[band], right[band] = bounds[0], bounds[2]
                found.append((rings, width, left, right))
    return found


# --- the mosaic ------------------------------------------------------------------------------

def _district_site(number):
    """``(x0, y0, size)`` of farmland district ``number``, on a jittered lattice over the zone width
    (district n is the same for every size of data)."""
    rng = random.Random(SEED * 31 + number)
    spacing = 3300.0 / math.sqrt(COVER)
    columns = int(2 * HALF_WIDTH // spacing)
    row, column = divmod(number, columns)
    size = rng.uniform(2400.0, min(4200.0, spacing - 200.0))
    x0 = FALSE_EASTING - HALF_WIDTH + column * spacing + rng.uniform(0, spacing - size)
    y0 = NORTHING + row * spacing + rng.uniform(0, spacing - size)
    return x0, y0, size


def _district_parcels(x0, y0, size, shapes, rng):
    """The parcels of one district: ``[(rings, area estimate)]`` in zone coordinates."""
    rows = []
    y = y0
    while True:
        height = rng.uniform(50.0, 150.0)
        if y + height > y0 + size:
            break
        rows.append((y, height))
        y += height + rng.uniform(2.0, 8.0)
    parcels = []
    for y, height in rows:
        frontier = np.full(BANDS, -np.inf)
        x = x0
        while True:
            rings, width, left, right = shapes[rng.randrange(len(shapes))]
            gap = rng.uniform(2.0, 6.0)
            finite = np.isfinite(frontier) & np.isfinite(left)
            start = max(x, float(np.max(frontier[finite] - left[finite] * height)) + gap) if finite.any() else x
            if start + width * height > x0 + size:
                break
            parcels.append([ring * height + (start, y) for ring in rings])
            frontier = np.maximum(frontier, np.where(np.isfinite(right), start + right * height, -np.inf))
            x = start
    return parcels


def _mosaic(parcels, parcel_templates, sites):
    """The rings of ``parcels`` parcels, district by district (each one's sites appended to ``sites``):
    a district's parcels, then its near-duplicates; the last district is cut."""
    from shapely.geometry import Polygon
    count = 0
    while count < parcels:
        site = _district_site(len(sites))
        sites.append(site)
        rng = random.Random(SEED * 7 + len(sites))
        found = _district_parcels(*site, parcel_templates, rng)
        found += [[ring + _offset(rng) for ring in rings] for rings in found if rng.random() < DUPLICATES]
        for rings in found:
            if count == parcels:
                return
            if Polygon(rings[0], rings[1:]).is_valid:   # a few shapes turn invalid when moved (rounding)
                yield rings
                count += 1


def _region(sites):
    """``(x_min, x_max, y_min, y_max)`` of the region the districts lie in."""
    return (FALSE_EASTING - HALF_WIDTH, FALSE_EASTING + HALF_WIDTH, NORTHING,
            max(y0 + size for _x0, y0, size in sites))


def _star(cx, cy, area, vertices, rng):
    """A natural-looking outline of about ``area`` m²: radius 1 + a few random harmonics."""
    radius = math.sqrt(area / math.pi)
    angles = np.linspace(0, 2 * math.pi, vertices, endpoint=False)
    wobble = np.zeros(vertices)
    for harmonic in range(2, 40):
        wobble += rng.uniform(0.0, 0.25 / harmonic) * np.cos(harmonic * angles + rng.uniform(0, 2 * math.pi))
    wobble += np.array([rng.uniform(-0.004, 0.004) for _ in range(vertices)])
    r = radius * np.clip(1 + wobble, 0.35, None)
    ring = np.column_stack((cx + r * np.cos(angles), cy + r * np.sin(angles)))
    return np.vstack((ring, ring[:1]))


# --- plots -----------------------------------------------------------------------------------

def _plot_ring(exterior, area, vertices, rng):
    """``exterior`` (a real outline) scaled to ``area`` m², with ``vertices`` vertices, or None."""
    from shapely.geometry import Polygon
    polygon = Polygon(exterior)
    if not polygon.is_valid:
        polygon = polygon.buffer(0)
        if polygon.geom_type != "Polygon":
            return None
    ring = np.array(polygon.exterior.coords) * math.sqrt(area / polygon.area)
    angle = rng.uniform(0, 2 * math.pi)
    ring = ring @ np.array([[math.cos(angle), math.sin(angle)], [-math.sin(angle), math.cos(angle)]])
    points = ring[:-1]
    tolerance = 0.5
    while len(points) > vertices:              # too many: simplify until few enough
        simplified = Polygon(np.vstack((points, points[:1]))).simplify(tolerance, preserve_topology=True)
        points = np.array(simplified.exterior.coords)[:-1]
        tolerance *= 1.6
    if len(points) < vertices:                 # too few: survey points along the edges, the longest first
        following = np.roll(points, -1, axis=0)
        lengths = np.hypot(*(following - points).T)
        share = lengths / lengths.sum() * (vertices - len(points))
        extra = np.floor(share).astype(int)
        extra[np.argsort(extra - share)[:vertices - len(points) - int(extra.sum())]] += 1
        pieces = [points[k] + np.outer(np.arange(extra[k] + 1) / (extra[k] + 1), following[k] - points[k])
                  for k in range(len(points))]
        points = np.vstack(pieces)
    points = points + np.array([[rng.gauss(0, 0.03), rng.gauss(0, 0.03)] for _ in range(len(points))])
    ring = np.vstack((points, points[:1]))
    shape = Polygon(ring)
    if not shape.is_valid or abs(shape.area - area) > 0.05 * area:
        return None
    return ring


def _area(rings):
    """Planar area of a polygon given as rings (the first the outer one)."""
    signed = [0.5 * float(np.dot(ring[:-1, 0], ring[1:, 1]) - np.dot(ring[1:, 0], ring[:-1, 1])) for ring in rings]
    return abs(signed[0]) - sum(abs(value) for value in signed[1:])


def _wkb(rings):
    """WKB (little-endian) of a polygon given as rings."""
    parts = [np.array([1], "<u1").tobytes(), np.array([3, len(rings)], "<u4").tobytes()]
    for ring in rings:
        parts.append(np.array([len(ring)], "<u4").tobytes())
        parts.append(np.ascontiguousarray(ring, dtype="<f8").tobytes())
    return b"".join(parts)


def _multi_wkb(rings):
    return np.array([1], "<u1").tobytes() + np.array([6, 1], "<u4").tobytes() + _wkb(rings)


def _srs():
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _write(path, layer_name, geometry_type, fields, rows):
    """Write ``rows`` (``(wkb, [values])``) to a new layer of the GeoPackage ``path``."""
    from osgeo import ogr
    dataset = ogr.Open(str(path), 1) if path.exists() else ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer(layer_name, srs=_srs(), geom_type=geometry_type,
                                options=["FID=fid", "SPATIAL_INDEX=YES", "GEOMETRY_NAME=geom"])
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    definition = layer.GetLayerDefn()
    dataset.StartTransaction()
    for count, (blob, values) in enumerate(rows, 1):
        feature = ogr.Feature(definition)
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(blob))
        for position, value in enumerate(values):
            feature.SetField(position, value)
        layer.CreateFeature(feature)
        if count % 200_000 == 0:
            dataset.CommitTransaction()
            dataset.StartTransaction()
    dataset.CommitTransaction()
    dataset = None


def generate(parcels=250_000, projects=1000, log=print):
    """The paths of the bench data for ``parcels`` basic-farmland polygons and ``projects`` projects,
    generated on first use: ``{"county": …, "plots": …, "info": {…}}``."""
    from osgeo import ogr
    ogr.UseExceptions()
    folder = cache_folder() / f"{parcels}"
    county, plots = folder / "county.gpkg", folder / f"plots_{projects}.gpkg"
    info_path = folder / f"info_{projects}.json"
    if county.exists() and plots.exists() and info_path.exists():
        return {"county": county, "plots": plots, "info": json.loads(info_path.read_text())}
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    shapes = real_shapes()
    county_info = folder / "county.json"
    if not (county.exists() and county_info.exists()):
        sites = []
        partial = county.with_suffix(".part.gpkg")
        if partial.exists():
            partial.unlink()
        dlbm = ("0101", "0102", "0103")
        parcel_templates = templates(shapes, random.Random(SEED))
        _write(partial, "basic_farmland", ogr.wkbPolygon,
               [("jbnttbbh", ogr.OFTString), ("dlbm", ogr.OFTString), ("tbmj", ogr.OFTReal)],
               ((_wkb(rings), [f"JBNT{number:08d}", dlbm[number % 3], round(_area(rings), 2)])
                for number, rings in enumerate(_mosaic(parcels, parcel_templates, sites))))
        x_min, x_max, y_min, y_max = _region(sites)
        region_m2 = (x_max - x_min) * (y_max - y_min)
        red_rng = random.Random(SEED + 17)
        zones = []
        for number in range(RED_LINE_ZONES):
            area = region_m2 * 0.1 / RED_LINE_ZONES * math.exp(red_rng.uniform(math.log(0.3), math.log(3)))
            ring = _star(red_rng.uniform(x_min, x_max), red_rng.uniform(y_min, y_max), area,
                         red_rng.randint(400, 3000), red_rng)
            zones.append((_wkb([ring]), [f"STBHHX{number:03d}", "生态保护红线"]))
        _write(partial, "red_line", ogr.wkbPolygon, [("hxbh", ogr.OFTString), ("hxmc", ogr.OFTString)], zones)
        partial.rename(county)
        county_info.write_text(json.dumps({"districts": len(sites)}))
        log(f"  {parcels:,} parcels in {len(sites)} districts over {(x_max - x_min) / 1000:.0f} × "
            f"{(y_max - y_min) / 1000:.0f} km ({time.perf_counter() - started:.0f} s)")
    sites = [_district_site(number) for number in range(json.loads(county_info.read_text())["districts"])]
    x_min, x_max, y_min, y_max = _region(sites)

    plot_rng = random.Random(SEED + projects)
    # plot outlines: the real shapes that are not long strips (a plot of tens of hectares is not 2 km
    # long): isoperimetric quotient 4πA/P² at least 0.4 (a square has 0.785, a 1:6 strip 0.38)
    outlines = [exterior for exterior, _holes in shapes
                if 4 * math.pi * _area([exterior]) >= 0.4 * np.hypot(*np.diff(exterior, axis=0).T).sum() ** 2]
    rows, plot_vertices = [], []
    for project in range(projects):
        if plot_rng.random() < 0.85:
            x0, y0, size = sites[plot_rng.randrange(len(sites))]
            cx, cy = x0 + plot_rng.uniform(0, size), y0 + plot_rng.uniform(0, size)
        else:
            cx, cy = plot_rng.uniform(x_min + 2000, x_max - 2000), plot_rng.uniform(y_min, y_max)
        # 3–6 plots side by side in one or two rows, 20–80 m apart, centred on (cx, cy)
        placed, x, row_y, row_top = [], 0.0, 0.0, 0.0
        for number in range(plot_rng.randint(3, 6)):
            ring = None
            while ring is None:
                area = math.exp(plot_rng.uniform(math.log(10_000), math.log(500_000)))
                ring = _plot_ring(outlines[plot_rng.randrange(len(outlines))], area, plot_rng.randint(20, 300),
                                  plot_rng)
            if number == 3:
                x, row_y = 0.0, row_top + plot_rng.uniform(20, 80)
            low, high = ring.min(axis=0), ring.max(axis=0)
            placed.append(ring - low + (x, row_y))
            x += high[0] - low[0] + plot_rng.uniform(20, 80)
            row_top = max(row_top, row_y + high[1] - low[1])
        group = np.vstack(placed)
        shift = np.array([cx, cy]) - (group.min(axis=0) + group.max(axis=0)) / 2
        code = f"P{project:05d}"
        for number, ring in enumerate(placed):
            rows.append((_multi_wkb([ring + shift]), [code, f"{code}-{number + 1}",
                                                      plot_rng.choice(["0404", "1104", "0201", "0103"]), "0103"]))
            plot_vertices.append(len(ring) - 1)
    partial = plots.with_suffix(".part.gpkg")
    if partial.exists():
        partial.unlink()
    _write(partial, "plots", ogr.wkbMultiPolygon, [("project_code", ogr.OFTString), ("plot_code", ogr.OFTString),
                                                   ("class_before", ogr.OFTString), ("class_after", ogr.OFTString)],
           rows)
    partial.rename(plots)
    info = {"version": VERSION, "seed": SEED, "parcels": parcels, "projects": projects, "plots": len(rows),
            "districts": len(sites), "region_km": [(x_max - x_min) / 1000, (y_max - y_min) / 1000],
            "plot_vertices_mean": float(np.mean(plot_vertices))}
    info_path.write_text(json.dumps(info))
    log(f"  written in {time.perf_counter() - started:.0f} s: {county}, {plots}")
    return {"county": county, "plots": plots, "info": info}


def _offset(rng):
    """A shift of 1–5 m in any direction (a parcel drawn twice)."""
    angle = rng.uniform(0, 2 * math.pi)
    distance = rng.uniform(1.0, 5.0)
    return np.array([distance * math.cos(angle), distance * math.sin(angle)])


if __name__ == "__main__":
    import sys
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 250_000
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    print(generate(size, count))
