# SPDX-License-Identifier: GPL-2.0-or-later
"""core/constraints/overlap_area.py: the numpy overlap areas of the batch check, against shapely (GEOS) areas.

No QGIS here: the module is numpy only.  Shapely 1.8 (the one bookworm ships) builds the shapes and
gives the reference areas; WKB comes from shapely too, in every layout the reader must take.
"""
import random
import struct

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely import wkb as shapely_wkb
from shapely.geometry import MultiPolygon, Polygon, box

from constraints_helpers import irregular_ring as ring
from double_guarantee_plugin.core.constraints import overlap_area, validity

X0, Y0 = 39_480_000.0, 3_500_000.0          # CGCS2000 zone 39 (EPSG:4527) eastings carry the zone prefix
ORIGIN = (X0, Y0)


def all_pairs(plots, parcels):
    pairs = [(i, j) for i, p in enumerate(plots) for j, q in enumerate(parcels)
             if p.envelope.intersects(q.envelope)]
    return [i for i, _j in pairs], [j for _i, j in pairs]


def measure(plots, parcels, pair_plot, pair_parcel):
    a = overlap_area.from_wkb([p.wkb for p in plots], ORIGIN)
    b = overlap_area.from_wkb([q.wkb for q in parcels], ORIGIN)
    assert a.ok.all() and b.ok.all()
    return overlap_area.pair_overlap_areas(a, b, pair_plot, pair_parcel)


def test_random_plots_with_holes_and_parts_against_shapely():
    rng = random.Random(7)
    plots, parcels = [], []
    for number in range(120):
        cx, cy = X0 + rng.uniform(0, 800), Y0 + rng.uniform(0, 800)
        plot = Polygon(ring(rng, cx, cy, 24, 130, 155))
        if number % 4 == 0:
            plot = plot.difference(Polygon(ring(rng, cx, cy, 9, 30, 60)))          # a hole
        if number % 5 == 0:
            plot = MultiPolygon([plot, Polygon(ring(rng, cx + 400, cy, 12, 50, 80))])
        if number % 3 == 0 and plot.geom_type == "Polygon" and not plot.interiors:
            plot = Polygon(list(plot.exterior.coords)[::-1])                       # clockwise
        plots.append(plot)
    for number in range(1500):
        cx, cy = X0 + rng.uniform(-200, 1300), Y0 + rng.uniform(-200, 1300)
        parcel = Polygon(ring(rng, cx, cy, rng.randint(5, 9), 25, 34))
        if number % 2:
            parcel = Polygon(list(parcel.exterior.coords)[::-1])
        if number % 11 == 0:
            parcel = parcel.difference(Polygon(ring(rng, cx, cy, 6, 5, 10)))      # a parcel with a hole
        parcels.append(parcel)
    pair_plot, pair_parcel = all_pairs(plots, parcels)
    area, degenerate = measure(plots, parcels, pair_plot, pair_parcel)
    assert len(pair_plot) > 10_000 and not degenerate.any()
    expected = np.array([plots[i].intersection(parcels[j]).area for i, j in zip(pair_plot, pair_parcel)])
    assert (expected > 0).sum() > 2000 and ((expected > 0) & (expected < np.array(
        [parcels[j].area for j in pair_parcel]) - 1e-6)).sum() > 1000      # inside, outside and crossing
    assert np.abs(area - expected).max() < 1e-6
    assert ((area > 0) == (expected > 0)).all()


@pytest.mark.parametrize("name, parcel", [
    ("shares an edge", box(X0 + 100, Y0, X0 + 150, Y0 + 40)),
    ("shares part of an edge", box(X0 + 100, Y0 + 10, X0 + 150, Y0 + 30)),
    ("touches at a corner", box(X0 + 100, Y0 + 50, X0 + 150, Y0 + 90)),
    ("vertex on the plot's edge", Polygon([(X0 + 100, Y0 + 20), (X0 + 130, Y0 - 5), (X0 + 130, Y0 + 45)])),
    ("crosses through a plot vertex", Polygon([(X0 + 90, Y0 + 40), (X0 + 110, Y0 + 60), (X0 + 110, Y0 + 40)])),
    ("overlaps along an edge", box(X0 + 50, Y0, X0 + 150, Y0 + 40)),
    ("is the plot", box(X0, Y0, X0 + 100, Y0 + 50)),
])
def test_pairs_not_in_general_position_are_flagged_for_geos(name, parcel):
    plot = box(X0, Y0, X0 + 100, Y0 + 50)
    _area, degenerate = measure([plot], [parcel], [0], [0])
    assert degenerate.tolist() == [True], name


def test_general_position_cases_are_exact_and_not_flagged():
    plot = box(X0, Y0, X0 + 100, Y0 + 50)
    parcels = [
        box(X0 + 10, Y0 + 10, X0 + 20, Y0 + 20),                                     # inside
        box(X0 + 200, Y0 + 10, X0 + 220, Y0 + 20),                                   # outside
        box(X0 + 90, Y0 + 10, X0 + 130, Y0 + 20),                                    # across an edge
        box(X0 - 10, Y0 - 10, X0 + 110, Y0 + 60),                                    # around the plot
        Polygon([(X0 + 50, Y0 - 20), (X0 + 120, Y0 + 25), (X0 + 50, Y0 + 70), (X0 - 20, Y0 + 25)]),  # 4 crossings
        box(X0 + 30, Y0 + 10, X0 + 70, Y0 + 40).difference(box(X0 + 40, Y0 + 20, X0 + 60, Y0 + 30)),  # holed
    ]
    area, degenerate = measure([plot] * len(parcels), parcels, list(range(len(parcels))), list(range(len(parcels))))
    assert not degenerate.any()
    assert area.tolist() == pytest.approx([plot.intersection(parcel).area for parcel in parcels], abs=1e-7)
    assert area[1] == 0.0 and area[0] == pytest.approx(100.0) and area[3] == pytest.approx(5000.0)


polygon_strategy = st.lists(st.tuples(st.floats(-60, 60), st.floats(-60, 60)), min_size=3, max_size=9)


@settings(max_examples=300, deadline=None)
@given(plot_points=polygon_strategy, parcel_points=polygon_strategy)
def test_any_valid_pair_agrees_with_shapely_or_is_flagged(plot_points, parcel_points):
    plot = Polygon([(X0 + x, Y0 + y) for x, y in plot_points])
    parcel = Polygon([(X0 + 20 + x, Y0 + y) for x, y in parcel_points])
    if not plot.is_valid or not parcel.is_valid or plot.area < 1e-3 or parcel.area < 1e-3:
        return
    area, degenerate = measure([plot], [parcel], [0], [0])
    if not degenerate[0]:
        assert area[0] == pytest.approx(plot.intersection(parcel).area, abs=1e-6)


@settings(max_examples=200, deadline=None)
@given(plot=st.tuples(st.integers(0, 8), st.integers(0, 8), st.integers(1, 6), st.integers(1, 6)),
       parcel=st.tuples(st.integers(0, 8), st.integers(0, 8), st.integers(1, 6), st.integers(1, 6)))
def test_lattice_rectangles_agree_or_are_flagged(plot, parcel):
    """On a 10 m lattice shared edges and corners are the rule: every such pair must be flagged."""
    def rect(col, row, width, height):
        return box(X0 + 10 * col, Y0 + 10 * row, X0 + 10 * (col + width), Y0 + 10 * (row + height))
    first, second = rect(*plot), rect(*parcel)
    area, degenerate = measure([first], [second], [0], [0])
    meeting = first.boundary.intersection(second.boundary)
    parts = list(getattr(meeting, "geoms", [meeting])) if not meeting.is_empty else []
    vertices = set(first.exterior.coords) | set(second.exterior.coords)
    special = any(part.geom_type != "Point" or (part.x, part.y) in vertices for part in parts)
    assert degenerate[0] == special          # proper crossings are general position; the rest is not
    if not special:
        assert area[0] == pytest.approx(first.intersection(second).area, abs=1e-6)


def test_wkb_layouts():
    square = [(X0, Y0), (X0 + 10, Y0), (X0 + 10, Y0 + 10), (X0, Y0 + 10), (X0, Y0)]

    def polygon_wkb(order, code, rings, dimension=2, srid=None):
        endian = "<" if order == 1 else ">"
        out = struct.pack("<B", order) + struct.pack(endian + "I", code | (0x20000000 if srid else 0))
        if srid:
            out += struct.pack(endian + "I", srid)
        out += struct.pack(endian + "I", len(rings))
        for points in rings:
            out += struct.pack(endian + "I", len(points))
            for x, y in points:
                out += struct.pack(endian + "d" * dimension, x, y, *([5.0] * (dimension - 2)))
        return out

    hole = [(X0 + 2, Y0 + 2), (X0 + 4, Y0 + 2), (X0 + 4, Y0 + 4), (X0 + 2, Y0 + 4), (X0 + 2, Y0 + 2)]
    two_parts = MultiPolygon([box(X0, Y0, X0 + 10, Y0 + 10), box(X0 + 60, Y0, X0 + 70, Y0 + 10)])
    blobs = [
        polygon_wkb(1, 3, [square]),                     # the usual one
        polygon_wkb(0, 3, [square]),                     # big-endian
        polygon_wkb(1, 1003, [square], 3),               # ISO Z
        polygon_wkb(1, 3003, [square], 4),               # ISO ZM
        polygon_wkb(1, 3 | 0x80000000, [square], 3, srid=4527),   # EWKB Z with SRID
        polygon_wkb(1, 3, [square, hole]),               # with a hole
        shapely_wkb.dumps(MultiPolygon([box(X0, Y0, X0 + 10, Y0 + 10)])),
        shapely_wkb.dumps(two_parts),
        None,                                            # no geometry
        b"\x01\x03\x00\x00\x00\x01\x00\x00\x00\x04\x00",  # cut short
        polygon_wkb(1, 3, [square[:-1] + [(X0 + 1, Y0)]]),  # not closed
        polygon_wkb(1, 3, []),                           # empty
        shapely_wkb.dumps(box(X0, Y0, X0 + 1, Y0 + 1).boundary),  # a line
        polygon_wkb(1, 3, [square]) + b"\x00",           # trailing garbage
    ]
    shapes = overlap_area.from_wkb(blobs, ORIGIN)
    assert shapes.ok.tolist() == [True] * 8 + [False] * 6
    signed = overlap_area.ring_signed_areas(shapes.x, shapes.y, shapes.ring_offsets)
    per_feature = [signed[shapes.feature_rings[f]:shapes.feature_rings[f + 1]].sum() for f in range(8)]
    assert per_feature == pytest.approx([100.0] * 5 + [96.0, 100.0, 200.0])
    big = box(X0 - 50, Y0 - 50, X0 + 50, Y0 + 50)
    plots = overlap_area.from_wkb([big.wkb], ORIGIN)
    area, degenerate = overlap_area.pair_overlap_areas(plots, shapes, [0] * 8, list(range(8)))
    assert not degenerate.any()
    assert area.tolist() == pytest.approx([100.0] * 5 + [96.0, 100.0, 100.0])   # the second part lies outside


def test_origins_must_match():
    first = overlap_area.from_wkb([box(X0, Y0, X0 + 1, Y0 + 1).wkb], ORIGIN)
    second = overlap_area.from_wkb([box(X0, Y0, X0 + 1, Y0 + 1).wkb])
    with pytest.raises(ValueError):
        overlap_area.pair_overlap_areas(first, second, [0], [0])


def test_strict_validity_accepts_only_clear_valid_polygons():
    square = box(X0, Y0, X0 + 10, Y0 + 10)
    shapes = [
        square,                                                                             # valid
        Polygon(ring(random.Random(3), X0, Y0, 9, 25, 34)),                                 # valid
        square.difference(box(X0 + 2, Y0 + 2, X0 + 4, Y0 + 4)),                             # a hole: valid
        Polygon([(X0, Y0), (X0 + 30, Y0), (X0 + 30, Y0 + 30), (X0 + 20, Y0 + 30), (X0 + 20, Y0 + 10),
                 (X0 + 10, Y0 + 10), (X0 + 10, Y0 + 30), (X0, Y0 + 30)]),                    # a U: not star-shaped
        Polygon([(X0, Y0), (X0 + 10, Y0 + 10), (X0 + 10, Y0), (X0, Y0 + 10)]),              # bow-tie
        Polygon([(X0, Y0), (X0 + 10, Y0), (X0 + 10, Y0 + 10), (X0 + 5, Y0), (X0, Y0 + 10)]),  # vertex on edge
        Polygon([(X0, Y0), (X0 + 10, Y0), (X0 + 20, Y0), (X0 + 10, Y0), (X0 + 10, Y0 + 10)]),  # spike
        Polygon([(X0, Y0), (X0 + 10, Y0), (X0 + 10, Y0), (X0 + 10, Y0 + 10)]),              # repeated vertex
        Polygon([(X0, Y0), (X0 + 10, Y0), (X0 + 20, Y0), (X0, Y0)]),                        # no area
        Polygon(square.exterior.coords, [box(X0 + 8, Y0 + 2, X0 + 12, Y0 + 4).exterior.coords]),  # hole across
        Polygon(square.exterior.coords, [box(X0 + 12, Y0 + 2, X0 + 14, Y0 + 4).exterior.coords]),  # hole outside
        Polygon(square.exterior.coords, [box(X0 + 1, Y0 + 1, X0 + 6, Y0 + 6).exterior.coords,
                                         box(X0 + 2, Y0 + 2, X0 + 3, Y0 + 3).exterior.coords]),   # nested holes
        Polygon(square.exterior.coords, [[(X0, Y0 + 5), (X0 + 3, Y0 + 4), (X0 + 3, Y0 + 6)]]),  # hole on the shell
    ]
    parsed = overlap_area.from_wkb([shape.wkb for shape in shapes], ORIGIN)
    expected = [True] * 4 + [False] * 9
    assert overlap_area.strictly_valid(parsed).tolist() == expected
    # GEOS accepts two more, a repeated vertex and a hole touching the shell at one point: numpy
    # leaves those to GEOS
    assert [shape.is_valid for shape in shapes] == [True] * 4 + [False] * 3 + [True] + [False] * 4 + [True]
    assert overlap_area.strictly_valid(parsed, [4, 0]).tolist() == [False, True]
    # without the sweep, all pairs of edges of rings of up to 64 edges: the U's two top edges lie on
    # one line, which that test does not take (the sweep never compares them: their boxes are apart)
    assert overlap_area.strictly_valid(parsed, sweep=False).tolist() == [True, True] + [False] * 11


def test_work_over_the_budget_is_split_and_a_pair_too_large_goes_to_geos():
    rng = random.Random(11)
    plots = [Polygon(ring(rng, X0 + 100 * n, Y0, 24, 60, 70)) for n in range(6)]
    parcels = [Polygon(ring(rng, X0 + 100 * n + 30, Y0 + 20, 7, 25, 34)) for n in range(6)]
    pair_plot, pair_parcel = all_pairs(plots, parcels)
    whole, flagged = measure(plots, parcels, pair_plot, pair_parcel)
    a = overlap_area.from_wkb([p.wkb for p in plots], ORIGIN)
    b = overlap_area.from_wkb([q.wkb for q in parcels], ORIGIN)
    split, split_flagged = overlap_area.pair_overlap_areas(a, b, pair_plot, pair_parcel, budget=400)
    assert len(pair_plot) > 4 and split.tolist() == whole.tolist() and not split_flagged.any() and not flagged.any()
    # a budget below one crossing pair's edge pairs (two boundaries that cross meet twice): every
    # pair whose boundaries cross is left to GEOS
    _area, too_large = overlap_area.pair_overlap_areas(a, b, pair_plot, pair_parcel, budget=1)
    crossing = np.array([plots[i].boundary.intersects(parcels[j].boundary) for i, j in zip(pair_plot, pair_parcel)])
    assert crossing.any() and too_large[crossing].all()


def test_strict_validity_is_computed_in_bounded_chunks(monkeypatch):
    rng = random.Random(12)
    shapes = [Polygon(ring(rng, X0 + 100 * n, Y0, 9, 25, 34)) for n in range(50)]
    shapes.append(Polygon([(X0, Y0), (X0 + 10, Y0 + 10), (X0 + 10, Y0), (X0, Y0 + 10)]))   # a bow-tie
    parsed = overlap_area.from_wkb([shape.wkb for shape in shapes], ORIGIN)
    expected = overlap_area.strictly_valid(parsed).tolist()
    monkeypatch.setattr(validity, "BUDGET", 4 * 36 * 3)     # three 9-edge rings at a time
    assert overlap_area.strictly_valid(parsed).tolist() == expected == [True] * 50 + [False]
