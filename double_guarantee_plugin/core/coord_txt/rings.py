# SPDX-License-Identifier: GPL-2.0-or-later
"""Turn a parcel's rings into a (Multi)Polygon by containment: parts, holes and islands in holes.

圈号 numbers rings but does not say which is outer or a hole, and winding is not reliable, so
each ring's nesting depth (how many of the parcel's other rings contain it) decides: even depth
is a part's outline, odd depth a hole of the innermost ring that contains it.
"""
from shapely.geometry import MultiPolygon, Polygon
from shapely.prepared import prep
from shapely.validation import explain_validity


def nesting(ring_polygons):
    """``(depth, parent)`` of each ring: parent is the innermost containing ring's index or None."""
    count = len(ring_polygons)
    if count == 1:
        return [(0, None)]
    inside = [ring.representative_point() for ring in ring_polygons]
    bounds = [ring.bounds for ring in ring_polygons]
    containers = [[] for _ in range(count)]
    for j, ring in enumerate(ring_polygons):
        prepared = None
        minx, miny, maxx, maxy = bounds[j]
        for i in range(count):
            if i == j:
                continue
            bx = bounds[i]
            # a ring can only hold rings whose bounding box is inside its own
            if bx[0] < minx or bx[1] < miny or bx[2] > maxx or bx[3] > maxy:
                continue
            if prepared is None:
                prepared = prep(ring)
            if prepared.contains(inside[i]):
                containers[i].append(j)
    result = []
    for i in range(count):
        depth = len(containers[i])
        parent = None
        if containers[i]:
            # the innermost container is the one that is itself inside the most rings
            parent = max(containers[i], key=lambda j: len(containers[j]))
        result.append((depth, parent))
    return result


def assemble(ring_coords):
    """A Polygon or MultiPolygon from closed rings (each a sequence of (x, y)); also the depths.

    Returns ``(geometry, depths, problem)`` where ``problem`` is None for a valid geometry, else
    GEOS's explanation of what is wrong (self-intersection, crossing rings …).
    """
    if len(ring_coords) == 1:
        geometry = Polygon(ring_coords[0])
        return geometry, [0], None if geometry.is_valid else explain_validity(geometry)
    ring_polygons = [Polygon(coords) for coords in ring_coords]
    levels = nesting(ring_polygons)
    shells = {}
    for index, (depth, parent) in enumerate(levels):
        if depth % 2 == 0:
            shells[index] = []
    for index, (depth, parent) in enumerate(levels):
        if depth % 2 == 1:
            if parent in shells:
                shells[parent].append(index)
            else:  # crossing rings give no consistent nesting; validity reports it below
                shells[index] = []
    parts = [Polygon(ring_coords[shell], [ring_coords[hole] for hole in holes])
             for shell, holes in sorted(shells.items())]
    geometry = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    problem = None
    if not geometry.is_valid:
        problem = explain_validity(geometry)
    return geometry, [depth for depth, _parent in levels], problem
