# SPDX-License-Identifier: GPL-2.0-or-later
"""Validity of simple polygons tested in numpy: most constraint features are shown valid without GEOS.

``strictly_valid`` is True only when a feature is one ring that is closed, has no repeated vertex,
no spike and no two edges that meet other than at their shared vertex, clear of the tolerance of
``polygons.EPS``; anything else is left to GEOS (``isGeosValid``).  Most field shapes are
star-shaped about the mean of their vertices: seen from it, every edge turns the same way and the
ring turns once, which proves it simple in one pass over its edges (``star_shaped``); the others
are tested edge pair by edge pair: the pairs whose boxes meet, found by a sweep along x
(``simple_by_sweep``), or all pairs (rings of up to ``STRICT_MAX_EDGES`` edges).
"""
import numpy as np

from .polygons import BUDGET, EPS, PARALLEL, _expand, overlapping_boxes

STRICT_MAX_EDGES = 64  # rings with more edges are left to GEOS by strictly_valid


_PAIRS = {}


def _edge_pairs(n):
    """(i, j) of every pair of edges i < j of an n-edge ring."""
    found = _PAIRS.get(n)
    if found is None:
        i, j = np.triu_indices(n, 1)
        found = _PAIRS[n] = (i.astype(np.int64), j.astype(np.int64))
    return found


def star_shaped(polygons, features):
    """Per feature of ``features``: True when it is one ring that is star-shaped about the mean of
    its vertices (each edge seen turning counter-clockwise by more than the tolerance, one turn in
    all): such a ring is simple, so the polygon is valid."""
    features = np.asarray(features, dtype=np.int64)
    result = np.zeros(len(features), dtype=bool)
    one_ring = polygons.ok[features] & (np.diff(polygons.feature_rings)[features] == 1)
    edges = polygons.edge_count(features)
    rows = np.flatnonzero(one_ring & (edges >= 3))
    if not len(rows):
        return result
    counts = edges[rows]
    owner, local = _expand(counts)
    edge = polygons.feature_edges[features[rows]][owner] + local
    centre_x = np.bincount(owner, weights=polygons.x0[edge], minlength=len(rows)) / counts
    centre_y = np.bincount(owner, weights=polygons.y0[edge], minlength=len(rows)) / counts
    ax, ay = polygons.x0[edge] - centre_x[owner], polygons.y0[edge] - centre_y[owner]
    bx, by = polygons.x1[edge] - centre_x[owner], polygons.y1[edge] - centre_y[owner]
    cross = ax * by - ay * bx
    turning = cross > EPS * np.hypot(ax, ay) * np.hypot(bx, by)
    bad = np.bincount(owner, weights=~turning, minlength=len(rows)) > 0
    angle = np.bincount(owner, weights=np.arctan2(cross, ax * bx + ay * by), minlength=len(rows))
    result[rows] = ~bad & (np.abs(angle - 2 * np.pi) < 1.0)
    return result


def strictly_valid(polygons, features=None, sweep=True):
    """Per feature (all, or ``features``): True when it is one ring that is certainly a valid simple
    polygon (see the module docstring); False means "not shown valid here", not "invalid".  The
    rings that are not star-shaped are tested by a sweep (any number of edges), or with
    ``sweep=False`` in all pairs of their edges (up to ``STRICT_MAX_EDGES``)."""
    features = np.arange(len(polygons)) if features is None else np.asarray(features, dtype=np.int64)
    result = np.zeros(len(features), dtype=bool)
    if not len(features):
        return result
    result[:] = star_shaped(polygons, features)
    if sweep:
        rest = np.flatnonzero(~result)
        result[rest] = simple_by_sweep(polygons, features[rest])
        return result
    one_ring = polygons.ok[features] & (np.diff(polygons.feature_rings)[features] == 1)
    edges = polygons.edge_count(features)
    candidates = one_ring & (edges >= 3) & (edges <= STRICT_MAX_EDGES) & ~result
    rows = np.flatnonzero(candidates)
    if not len(rows):
        return result
    counts = edges[rows]
    first_edge = polygons.feature_edges[features[rows]]
    broken = np.zeros(len(rows), dtype=bool)
    for n in np.unique(counts).tolist():
        i, j = _edge_pairs(n)
        everyone = np.flatnonzero(counts == n)
        step = max(1, BUDGET // (4 * len(i)))            # features at a time: a bounded (features, pairs) array
        for begin in range(0, len(everyone), step):
            group = everyone[begin:begin + step]
            broken[group] = _broken_rings(polygons, first_edge[group], i, j, n)
    ring_area = polygons.ring_area[polygons.feature_rings[features[rows]]]
    result[rows] = ~broken & (ring_area > 0)
    return result


def _broken_rings(polygons, first_edge, i, j, n):
    """Per ring (its first edge in ``first_edge``, ``n`` edges; ``i``, ``j`` its edge pairs): True
    when two of its edges meet other than at their shared vertex, fold back onto each other (a
    spike), or one has no length."""
    a = first_edge[:, None] + i            # (rings, pairs) edge numbers
    c = first_edge[:, None] + j
    adjacent = np.broadcast_to((j == i + 1) | ((i == 0) & (j == n - 1)), a.shape)
    return _bad_pairs(polygons, a, c, adjacent, first_edge[:, None]).any(axis=1)


def _bad_pairs(polygons, a, c, adjacent, origin_edge):
    """True for each pair of edges ``a``, ``c`` of one ring that meet other than at the vertex they
    share (``adjacent``), fold back onto each other, or has an edge without length."""
    ox, oy = polygons.x0[origin_edge], polygons.y0[origin_edge]
    px, py = polygons.x0[a] - ox, polygons.y0[a] - oy
    qx, qy = polygons.x0[c] - ox, polygons.y0[c] - oy
    rx, ry, sx, sy = polygons.dx[a], polygons.dy[a], polygons.dx[c], polygons.dy[c]
    length_r, length_s = polygons.length[a], polygons.length[c]
    denom = rx * sy - ry * sx
    wx, wy = qx - px, qy - py
    parallel = np.abs(denom) <= PARALLEL * length_r * length_s
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (wx * sy - wy * sx) / denom
        u = (wx * ry - wy * rx) / denom
    meet = ~parallel & (t >= -EPS) & (t <= 1 + EPS) & (u >= -EPS) & (u <= 1 + EPS)
    collinear = parallel & (np.abs(wx * ry - wy * rx) <= EPS * length_r * (length_r + length_s) + 1e-300)
    # non-adjacent edges must not meet at all; adjacent ones only at their shared vertex
    bad = np.where(adjacent, collinear & ((rx * sx + ry * sy) < 0), meet | collinear)
    return bad | (length_r == 0) | (length_s == 0)


def simple_by_sweep(polygons, features):
    """Per feature of ``features``: True when it is one outer ring with any holes, every edge of
    which, tested against the edges whose boxes meet its own (``polygons.overlapping_boxes``), meets
    no other but its neighbours in its ring at their shared vertex, and every hole lies inside the
    outer ring and outside the other holes; any number of edges."""
    features = np.asarray(features, dtype=np.int64)
    result = np.zeros(len(features), dtype=bool)
    rings_each = np.diff(polygons.feature_rings)[features]
    first_ring = polygons.feature_rings[features]
    counts = np.diff(polygons.feature_rings)
    outer_rings = np.bincount(np.repeat(np.arange(len(counts)), counts), weights=polygons.exterior,
                              minlength=len(counts))[features]
    one_outer = polygons.ok[features] & (rings_each >= 1)
    one_outer[one_outer] &= (outer_rings[one_outer] == 1) & polygons.exterior[first_ring[one_outer]]
    edges = polygons.edge_count(features)
    rows = np.flatnonzero(one_outer & (edges >= 3))
    if not len(rows):
        return result
    owner, local = _expand(edges[rows])
    edge = polygons.feature_edges[features[rows]][owner] + local
    ring = np.searchsorted(polygons.ring_edges, edge, "right") - 1
    boxes = np.column_stack((polygons.edge_x0[edge], polygons.edge_y0[edge], polygons.edge_x1[edge],
                             polygons.edge_y1[edge]))
    i, j = overlapping_boxes(owner, boxes)
    a, c = edge[i], edge[j]
    same_ring = ring[i] == ring[j]
    ring_first, ring_last = polygons.ring_edges[ring[i]], polygons.ring_edges[ring[i] + 1] - 1
    apart = ~(same_ring & ((c == a + 1) | ((a == ring_first) & (c == ring_last))))
    i, a, c = i[apart], a[apart], c[apart]
    origin = polygons.feature_edges[features[rows]]
    bad = _bad_pairs(polygons, a, c, False, origin[owner[i]])
    broken = np.bincount(owner[i][bad], minlength=len(rows)) > 0
    # each edge with the next of its ring (their boxes always meet): only a fold back is wrong
    following = np.where(edge + 1 == polygons.ring_edges[ring + 1], polygons.ring_edges[ring], edge + 1)
    bad = _bad_pairs(polygons, edge, following, True, origin[owner])
    broken |= np.bincount(owner[bad], minlength=len(rows)) > 0
    ring_row, ring_local = _expand(rings_each[rows])
    all_rings = first_ring[rows][ring_row] + ring_local
    broken |= np.bincount(ring_row, weights=polygons.ring_area[all_rings] == 0, minlength=len(rows)) > 0
    # each hole: its first vertex inside the outer ring and outside every other hole
    holes = np.flatnonzero(ring_local > 0)
    if len(holes):
        hole_ring, hole_row = all_rings[holes], ring_row[holes]
        at, step = _expand(edges[rows][hole_row])
        other = polygons.feature_edges[features[rows]][hole_row][at] + step
        other_ring = np.searchsorted(polygons.ring_edges, other, "right") - 1
        keep = other_ring != hole_ring[at]
        at, other, other_ring = at[keep], other[keep], other_ring[keep]
        outer = other_ring == first_ring[rows][hole_row][at]
        vertex = polygons.ring_offsets[hole_ring]
        x, y = polygons.x[vertex], polygons.y[vertex]
        in_outer = _parity(polygons, other[outer], at[outer], x, y, len(holes))
        in_holes = _parity(polygons, other[~outer], at[~outer], x, y, len(holes))
        misplaced = (in_outer != 1) | (in_holes != 0)
        broken |= np.bincount(hole_row[misplaced], minlength=len(rows)) > 0
    result[rows] = ~broken
    return result


def _parity(polygons, edge, owner, x, y, count):
    """Per owner: 1 when a ray from (x, y)[owner] to +x crosses an odd number of its ``edge`` s."""
    vy = y[owner]
    at = np.flatnonzero((polygons.y0[edge] > vy) != (polygons.y1[edge] > vy))
    edge, vy, owner = edge[at], vy[at], owner[at]
    x_cross = polygons.x0[edge] + (vy - polygons.y0[edge]) * polygons.dx[edge] / polygons.dy[edge]
    return np.bincount(owner[x[owner] < x_cross], minlength=count) % 2
