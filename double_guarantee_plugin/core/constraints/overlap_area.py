# SPDX-License-Identifier: GPL-2.0-or-later
"""Planar overlaps of many (plot, parcel) polygon pairs at once, in numpy: area, moments, edge bulge.

A batch check asks, for thousands of plots, how much of each plot lies inside each of the
constraint features whose boxes meet it.  One GEOS overlay a plot (and the Python around it) costs
about 0.2 ms; here every pair of a chunk of plots is measured in a few dozen numpy operations.

The area of A ∩ B is the boundary integral ∮ x dy over ∂(A ∩ B) = (∂A inside B) ∪ (∂B inside A),
rings oriented with the interior on their left (exterior rings counter-clockwise, holes clockwise).
An edge P→Q of one polygon lies inside the other in pieces between the points where it crosses the
other's edges; whether its start P is inside comes from a ray crossing count, and each crossing
toggles it.  The same pieces give, exactly, the moments the ellipsoidal area needs
(``ellipsoid``): with X, Y relative to the plot's centre,

    A = ∮ X dY,   Mx = ∬ X = ∮ X²/2 dY,   Mxx = ∬ X² = ∮ X³/3 dY,   My = ∬ Y = ∮ X·Y dY,

and, per piece of length L rising ΔY, the terms L²·ΔY and L²·ΔY·X̄ of the bulge of a geodesic
against its straight image (``ellipsoid``).

Only plot edges near a parcel can be inside it or cross it: they are found through a grid of the
plot edges (``EdgeGrid``: edges filed by cell, a box query visits the cells it covers, a ray query
only the edges of its row), so the work of a pair grows with the plot edges near the parcel, not
with all of them.  Features with many edges (a red-line zone of thousands) are filed in a grid of
their own the same way.

This holds in general position.  A pair is flagged ``degenerate`` when a vertex lies on (or within
1e-9 of the length of) the other polygon's edge, or when two edges are collinear and meet: the
caller measures those pairs with GEOS.  Coordinates are taken relative to one origin near the plots
of a chunk (``polygons``), and each pair's relative to its plot's centre, so large projected
coordinates (39,480,000 m eastings) lose no precision.
"""
import numpy as np

from . import polygons as _polygons
from .polygons import EPS, PARALLEL, Polygons, _expand, from_buffer, from_wkb, ring_signed_areas  # noqa: F401
from .validity import strictly_valid  # noqa: F401 (the batch check's names for them)
from .edge_index import EdgeGrid, FeatureEdges

MOMENTS = 6               # A, Mx, Mxx, My, bulge Σ L²ΔY, bulge Σ L²ΔY·X̄
LARGE_EDGES = 256         # a parcel with more edges has only those near the plot taken


def __getattr__(name):
    if name == "BUDGET":          # (kept where the tests and callers look for it)
        return _polygons.BUDGET
    raise AttributeError(name)


def _piece_moments(t0, t1, px, py, rx, ry, out, owner):
    """Add to ``out[owner]`` the moments of the edge pieces P + t·r, t in [t0, t1] (see the module
    docstring; P relative to the plot's centre)."""
    span = t1 - t0
    xa, xb = px + rx * t0, px + rx * t1
    ya, yb = py + ry * t0, py + ry * t1
    rise = ry * span
    length2 = (rx * rx + ry * ry) * span * span
    values = (rise * (xa + xb) / 2.0,
              rise * (xa * xa + xa * xb + xb * xb) / 6.0,
              rise * (xa + xb) * (xa * xa + xb * xb) / 12.0,
              rise * (2 * xa * ya + xa * yb + xb * ya + 2 * xb * yb) / 6.0,
              length2 * rise,
              length2 * rise * (xa + xb) / 2.0)
    count = len(out)
    for column, value in enumerate(values):
        out[:, column] += np.bincount(owner, weights=value, minlength=count)


def _states(group, edge, ring_edges, crossings, ray):
    """Whether each of ``edge`` (sorted by ``group``, then edge number) starts inside: a run of
    consecutive edges of one ring takes ``ray(positions of its first edges)`` at its start, and
    every crossing on an edge (``crossings``) toggles it for the next."""
    count = len(edge)
    if not count:
        return np.zeros(0)
    ring = np.searchsorted(ring_edges, edge, "right") - 1
    start = np.ones(count, dtype=bool)
    start[1:] = (group[1:] != group[:-1]) | (edge[1:] != edge[:-1] + 1) | (ring[1:] != ring[:-1])
    first = np.flatnonzero(start)
    run = np.cumsum(start) - 1
    before = np.cumsum(crossings) - crossings
    return (ray(first)[run] + before - before[first][run]) % 2


def _inside_pieces(group, t, groups, start_inside):
    """The pieces of segments that lie inside: segment g starts inside when ``start_inside[g]``,
    and crosses at the parameters ``t`` (``group`` says whose); returns ``(segment, t0, t1)``."""
    boundary_group = np.concatenate((np.arange(groups), group))
    boundary_t = np.concatenate((np.zeros(groups), t))
    order = np.lexsort((boundary_t, boundary_group))
    boundary_group, boundary_t = boundary_group[order], boundary_t[order]
    following = np.empty_like(boundary_t)
    following[:-1] = boundary_t[1:]
    last = np.ones(len(boundary_t), dtype=bool)
    last[:-1] = boundary_group[1:] != boundary_group[:-1]
    following[last] = 1.0
    first = np.searchsorted(boundary_group, boundary_group, "left")
    piece = np.arange(len(boundary_t)) - first
    inside = (start_inside[boundary_group].astype(np.int64) + piece) % 2 == 1
    return boundary_group[inside], boundary_t[inside], following[inside]


def ring_moments(polygons, rings=None):
    """The ``MOMENTS`` of each ring (all, or ``rings``) about the polygons' origin (a hole's
    negative: rings run with the interior on their left)."""
    rings = np.arange(len(polygons.ring_offsets) - 1) if rings is None else np.asarray(rings, dtype=np.int64)
    owner, local = _expand(polygons.ring_edges[rings + 1] - polygons.ring_edges[rings])
    edge = polygons.ring_edges[rings][owner] + local
    moments = np.zeros((len(rings), MOMENTS))
    whole = np.ones(len(edge))
    _piece_moments(whole * 0.0, whole, polygons.x0[edge], polygons.y0[edge], polygons.dx[edge], polygons.dy[edge],
                   moments, owner)
    return moments


def shifted(moments, centre_x, centre_y):
    """``MOMENTS`` about the origin turned into moments about (``centre_x``, ``centre_y``) (per row)."""
    area, mx, mxx, my, b1, bx = (moments[:, column] for column in range(MOMENTS))
    return np.column_stack((area, mx - centre_x * area, mxx - 2 * centre_x * mx + centre_x * centre_x * area,
                            my - centre_y * area, b1, bx - centre_x * b1))


def _split(function, pairs, *arrays):
    """``function`` on the first and the second half of the pairs (``arrays`` cut alike), joined."""
    half = pairs // 2
    first = function(*(array[:half] for array in arrays))
    second = function(*(array[half:] for array in arrays))
    return np.concatenate((first[0], second[0])), np.concatenate((first[1], second[1]))


def _crossings(plots, e, parcels, f):
    """``(t, u, crossing, touching)`` of edge ``e`` of ``plots`` against edge ``f`` of ``parcels``
    (arrays of equal length): the parameters where their lines cross (along each), whether the
    edges cross properly, and whether they touch (an end on the other, collinear and meeting, or no
    length: not in general position)."""
    px, py = plots.x0[e], plots.y0[e]
    rx, ry = plots.dx[e], plots.dy[e]
    qx, qy = parcels.x0[f], parcels.y0[f]
    sx, sy = parcels.dx[f], parcels.dy[f]
    denom = rx * sy - ry * sx
    wx, wy = qx - px, qy - py
    length_r, length_s = plots.length[e], parcels.length[f]
    parallel = np.abs(denom) <= PARALLEL * length_r * length_s
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (wx * sy - wy * sx) / denom
        u = (wx * ry - wy * rx) / denom
    t[parallel] = np.nan
    crossing = (t > EPS) & (t < 1 - EPS) & (u > EPS) & (u < 1 - EPS)
    touching = (t >= -EPS) & (t <= 1 + EPS) & (u >= -EPS) & (u <= 1 + EPS) & ~crossing
    if parallel.any():
        # parallel edges on one line that meet
        at = np.flatnonzero(parallel)
        scale = length_r[at] + length_s[at]
        collinear = np.abs(wx[at] * ry[at] - wy[at] * rx[at]) <= EPS * length_r[at] * scale
        ax0, ay0, bx0, by0 = px[at], py[at], qx[at], qy[at]
        ax1, ay1, bx1, by1 = ax0 + rx[at], ay0 + ry[at], bx0 + sx[at], by0 + sy[at]
        overlap = ((np.minimum(ax0, ax1) <= np.maximum(bx0, bx1) + EPS * scale)
                   & (np.minimum(bx0, bx1) <= np.maximum(ax0, ax1) + EPS * scale)
                   & (np.minimum(ay0, ay1) <= np.maximum(by0, by1) + EPS * scale)
                   & (np.minimum(by0, by1) <= np.maximum(ay0, ay1) + EPS * scale))
        touching[at[collinear & overlap]] = True
    touching |= (length_r == 0) | (length_s == 0)
    return t, u, crossing, touching


def _meeting_edges(plots, parcels, pair_plot, pair_parcel, plot_grid, parcel_grid, query, budget):
    """The edges of each pair that meet: ``(pe_pair, pe_edge, pe, f, t, u, crossing, touching)``: the
    plot edges near each parcel (their boxes meet the parcel's box ``query``; no other can meet it),
    sorted by pair and edge; and for each of their pairs with a parcel edge whose box meets theirs
    (``pe`` into the first, ``f`` the parcel edge) the parameters of the crossing along both, whether
    they cross properly, and whether they touch (an end on the other, collinear and meeting, or no
    length: not in general position).  None when the edge pairs exceed ``budget``."""
    pe_pair, pe_edge = plot_grid.near(pair_plot, query)
    order = np.lexsort((pe_edge, pe_pair))
    pe_pair, pe_edge = pe_pair[order], pe_edge[order]
    p = plots
    if not len(pe_pair):
        pe = f = np.zeros(0, dtype=np.int64)
    else:
        # the parcel edges near those plot edges (their boxes meet the plot edges' common box), and
        # for each, the plot edges its box meets, through the plot's grid: work grows with the edges
        # near each other, not with the plot edges near a parcel times the parcel's edges
        start = np.ones(len(pe_pair), dtype=bool)
        start[1:] = pe_pair[1:] != pe_pair[:-1]
        first = np.flatnonzero(start)
        met = pe_pair[first]
        around = np.column_stack((np.minimum.reduceat(p.edge_x0[pe_edge], first),
                                  np.minimum.reduceat(p.edge_y0[pe_edge], first),
                                  np.maximum.reduceat(p.edge_x1[pe_edge], first),
                                  np.maximum.reduceat(p.edge_y1[pe_edge], first)))
        near, parcel_edge = parcel_grid.near(pair_parcel[met], around)
        q = parcels
        parcel_boxes = np.column_stack((q.edge_x0[parcel_edge], q.edge_y0[parcel_edge], q.edge_x1[parcel_edge],
                                        q.edge_y1[parcel_edge]))
        hit, e = plot_grid.near(pair_plot[met[near]], parcel_boxes)
        if len(hit) > budget:
            return None
        stride = int(p.ring_edges[-1]) + 1
        pe = np.searchsorted(pe_pair * stride + pe_edge, met[near[hit]] * stride + e)
        f = parcel_edge[hit]
    t, u, crossing, touching = _crossings(plots, pe_edge[pe], parcels, f)
    return pe_pair, pe_edge, pe, f, t, u, crossing, touching


def pair_shares(first, second, pair_first, pair_second, first_edges, second_edges, budget=None):
    """``(shares, degenerate)`` per pair: True where feature ``pair_first[k]`` of ``first`` and
    ``pair_second[k]`` of ``second`` (valid polygons, one origin) share area — their boundaries
    cross, or one holds the other's first vertex — and True where they are not in general position
    (touching: GEOS decides).  ``first_edges``, ``second_edges``: ``EdgeGrid`` or ``FeatureEdges``
    of each.  The cheap question behind inclusion–exclusion: neighbours whose boxes interleave."""
    budget = budget or _polygons.BUDGET
    pair_first = np.asarray(pair_first, dtype=np.int64)
    pair_second = np.asarray(pair_second, dtype=np.int64)
    pairs = len(pair_first)
    shares = np.zeros(pairs, dtype=bool)
    degenerate = np.zeros(pairs, dtype=bool)
    if not pairs:
        return shares, degenerate
    box = second.box[pair_second]
    slack = EPS * (np.maximum(box[:, 2] - box[:, 0], box[:, 3] - box[:, 1]) + 1.0)
    query = np.column_stack((box[:, 0] - slack, box[:, 1] - slack, box[:, 2] + slack, box[:, 3] + slack))
    found = _meeting_edges(first, second, pair_first, pair_second, first_edges, second_edges, query, budget)
    if found is None:
        if pairs == 1:
            return shares, np.ones(1, dtype=bool)
        half = pairs // 2
        one = pair_shares(first, second, pair_first[:half], pair_second[:half], first_edges, second_edges, budget)
        two = pair_shares(first, second, pair_first[half:], pair_second[half:], first_edges, second_edges, budget)
        return np.concatenate((one[0], two[0])), np.concatenate((one[1], two[1]))
    pe_pair, _pe_edge, pe, _f, _t, _u, crossing, touching = found
    degenerate = np.bincount(pe_pair[pe][touching], minlength=pairs) > 0
    shares = np.bincount(pe_pair[pe][crossing], minlength=pairs) > 0
    # boundaries apart: one holds the other, or they are apart
    rest = np.flatnonzero(~shares & ~degenerate)
    if len(rest):
        a_vertex = first.ring_offsets[first.feature_rings[pair_first[rest]]]
        b_vertex = second.ring_offsets[second.feature_rings[pair_second[rest]]]
        inside = (second_edges.ray_parity(pair_second[rest], first.x[a_vertex], first.y[a_vertex]) > 0) | (
            first_edges.ray_parity(pair_first[rest], second.x[b_vertex], second.y[b_vertex]) > 0)
        shares[rest] = inside
    return shares, degenerate


def pair_overlaps(plots, parcels, pair_plot, pair_parcel, centre_x, centre_y, plot_grid=None, parcel_grid=None,
                  budget=None, contact=None):
    """``(moments, degenerate)`` per pair: the ``MOMENTS`` of plot ``pair_plot[k]`` ∩ parcel
    ``pair_parcel[k]`` (both valid polygons, read with the same origin), X and Y relative to
    (``centre_x``, ``centre_y``)[plot], and True where the pair is not in general position (then
    the figures are not to be trusted: measure the pair with GEOS).

    ``plot_grid``, ``parcel_grid``: an ``EdgeGrid`` of all ``plots`` and a ``FeatureEdges`` (or
    ``EdgeGrid``) of all ``parcels`` (slot = feature number).  ``contact``: a boolean array (one a
    pair) set True where the plot's boundary comes near the parcel or the parcel lies in the plot
    (the pairs whose parcel's shape matters: the caller need not test the others' validity).
    Memory stays bounded: pairs whose edge work exceeds ``budget`` are measured in halves, and a
    single pair too large for it is flagged for GEOS."""
    if plots.origin != parcels.origin:
        raise ValueError("plots and parcels must be read with the same origin")
    budget = budget or _polygons.BUDGET
    pair_plot = np.asarray(pair_plot, dtype=np.int64)
    pair_parcel = np.asarray(pair_parcel, dtype=np.int64)
    pairs = len(pair_plot)
    moments = np.zeros((pairs, MOMENTS))
    degenerate = np.zeros(pairs, dtype=bool)
    if not pairs:
        return moments, degenerate
    plot_grid = plot_grid if plot_grid is not None else EdgeGrid(plots, np.arange(len(plots)))
    parcel_grid = parcel_grid if parcel_grid is not None else FeatureEdges(parcels)

    contact = contact if contact is not None else np.zeros(pairs, dtype=bool)

    def again(pair_plot, pair_parcel, contact):
        return pair_overlaps(plots, parcels, pair_plot, pair_parcel, centre_x, centre_y, plot_grid, parcel_grid,
                             budget, contact)

    if pairs > 1 and pairs * 32 > budget:
        return _split(again, pairs, pair_plot, pair_parcel, contact)
    cx, cy = np.asarray(centre_x)[pair_plot], np.asarray(centre_y)[pair_plot]
    box = parcels.box[pair_parcel]
    slack = EPS * (np.maximum(box[:, 2] - box[:, 0], box[:, 3] - box[:, 1]) + 1.0)
    query = np.column_stack((box[:, 0] - slack, box[:, 1] - slack, box[:, 2] + slack, box[:, 3] + slack))

    found = _meeting_edges(plots, parcels, pair_plot, pair_parcel, plot_grid, parcel_grid, query, budget)
    if found is None:
        if pairs == 1:
            degenerate[0] = contact[0] = True
            return moments, degenerate
        return _split(again, pairs, pair_plot, pair_parcel, contact)
    pe_pair, pe_edge, pe, f, t, u, crossing, touching = found
    k = pe_pair[pe]
    degenerate |= np.bincount(k[touching], minlength=pairs) > 0
    cross_at = np.flatnonzero(crossing)

    # 3. the near plot edges' pieces inside the parcel: whether each starts inside (a ray through the
    #    parcel's edges at the first edge of each run of consecutive ones, then each crossing toggles)
    start_inside = _states(pe_pair, pe_edge, plots.ring_edges, np.bincount(pe[cross_at], minlength=len(pe_pair)),
                           lambda at: parcel_grid.ray_parity(pair_parcel[pe_pair[at]], plots.x0[pe_edge[at]],
                                                             plots.y0[pe_edge[at]]))
    segment, t0, t1 = _inside_pieces(pe[cross_at], t[cross_at], len(pe_pair), start_inside)
    e_in = pe_edge[segment]
    owner = pe_pair[segment]
    _piece_moments(t0, t1, plots.x0[e_in] - cx[owner], plots.y0[e_in] - cy[owner], plots.dx[e_in], plots.dy[e_in],
                   moments, owner)

    # 4. the parcel's edges inside the plot.  A parcel no plot edge comes near is wholly inside or
    #    outside, ring by ring: its rings' own moments, moved to the plot's centre.
    met = np.bincount(pe_pair, minlength=pairs) > 0
    contact |= met
    apart = np.flatnonzero(~met)
    if len(apart):
        ring_pair, ring_local = _expand(np.diff(parcels.feature_rings)[pair_parcel[apart]])
        ring = parcels.feature_rings[pair_parcel[apart]][ring_pair] + ring_local
        first_vertex = parcels.ring_offsets[ring]
        inside = plot_grid.ray_parity(pair_plot[apart][ring_pair], parcels.x[first_vertex],
                                      parcels.y[first_vertex]) > 0
        owner = apart[ring_pair[inside]]
        contact[owner] = True
        whole = shifted(ring_moments(parcels, ring[inside]), cx[owner], cy[owner])
        for column in range(MOMENTS):
            moments[:, column] += np.bincount(owner, weights=whole[:, column], minlength=pairs)
    #    The others: their edges (of a large parcel, those that meet the plot's box), each starting
    #    inside or not (a ray through the plot's edges at the first of each run of consecutive edges,
    #    then each crossing toggles).
    close = np.flatnonzero(met)
    if len(close):
        large = parcels.edge_count(pair_parcel[close]) > LARGE_EDGES
        small = close[~large]
        item_pair, local = _expand(parcels.edge_count(pair_parcel[small]))
        item_pair = small[item_pair]
        item_edge = parcels.feature_edges[pair_parcel[item_pair]] + local
        if large.any():
            big = close[large]
            item_query, big_edge = parcel_grid.near(pair_parcel[big], plots.box[pair_plot[big]])
            item_pair = np.concatenate((item_pair, big[item_query]))
            item_edge = np.concatenate((item_edge, big_edge))
        stride = int(parcels.ring_edges[-1]) + 1
        item_key = item_pair * stride + item_edge
        order = np.argsort(item_key, kind="stable")
        item_pair, item_edge, item_key = item_pair[order], item_edge[order], item_key[order]
        cross_item = np.searchsorted(item_key, k[cross_at] * stride + f[cross_at])
        item_inside = _states(item_pair, item_edge, parcels.ring_edges, np.bincount(cross_item,
                                                                                    minlength=len(item_pair)),
                              lambda at: plot_grid.ray_parity(pair_plot[item_pair[at]], parcels.x0[item_edge[at]],
                                                              parcels.y0[item_edge[at]]))
        segment, u0, u1 = _inside_pieces(cross_item, u[cross_at], len(item_pair), item_inside)
        f_in = item_edge[segment]
        owner = item_pair[segment]
        _piece_moments(u0, u1, parcels.x0[f_in] - cx[owner], parcels.y0[f_in] - cy[owner], parcels.dx[f_in],
                       parcels.dy[f_in], moments, owner)
    return moments, degenerate


def polygon_moments(polygons, centre_x, centre_y, features=None):
    """The ``MOMENTS`` of each feature (all, or ``features``) itself, about (``centre_x``,
    ``centre_y``)[k] of the k-th."""
    features = np.arange(len(polygons)) if features is None else np.asarray(features, dtype=np.int64)
    owner, local = _expand(polygons.edge_count(features))
    edge = polygons.feature_edges[features][owner] + local
    moments = np.zeros((len(features), MOMENTS))
    whole = np.ones(len(edge))
    _piece_moments(whole * 0.0, whole, polygons.x0[edge] - np.asarray(centre_x)[owner],
                   polygons.y0[edge] - np.asarray(centre_y)[owner], polygons.dx[edge], polygons.dy[edge], moments,
                   owner)
    return moments


def pair_overlap_areas(plots, parcels, pair_plot, pair_parcel, budget=None):
    """``(area, degenerate)`` per pair: the planar area of plot ``pair_plot[k]`` ∩ parcel
    ``pair_parcel[k]`` (see ``pair_overlaps``)."""
    centres = np.zeros(len(plots))
    moments, degenerate = pair_overlaps(plots, parcels, pair_plot, pair_parcel, centres, centres, budget=budget)
    return moments[:, 0], degenerate


def _inside_both(x, x_of, x_edges, y, y_of, y_edges, z, z_of, z_edges, query, cx, cy, moments, degenerate):
    """Add to ``moments[k]`` the pieces of feature ``x_of[k]``'s edges that lie inside both
    ``y_of[k]`` and ``z_of[k]`` (features of ``y``, ``z``; the ``*_edges`` their ``EdgeGrid`` or
    ``FeatureEdges``); only edges meeting ``query[k]`` (the box the three share) are looked at.
    Triples whose edges touch are flagged in ``degenerate``."""
    record, edge = x_edges.near(x_of, query)
    if not len(record):
        return
    boxes = np.column_stack((x.edge_x0[edge], x.edge_y0[edge], x.edge_x1[edge], x.edge_y1[edge]))
    events, kinds, ts = [], [], []
    for kind, (other, other_of, other_edges) in enumerate(((y, y_of, y_edges), (z, z_of, z_edges))):
        hit, other_edge = other_edges.near(other_of[record], boxes)
        t, _u, crossing, touching = _crossings(x, edge[hit], other, other_edge)
        degenerate |= np.bincount(record[hit[touching]], minlength=len(degenerate)) > 0
        events.append(hit[crossing])
        ts.append(t[crossing])
        kinds.append(np.full(int(crossing.sum()), kind))
    start_y = y_edges.ray_parity(y_of[record], x.x0[edge], x.y0[edge]).astype(np.int64)
    start_z = z_edges.ray_parity(z_of[record], x.x0[edge], x.y0[edge]).astype(np.int64)
    # each edge's boundaries: its start, then its crossings with y or z in order along it
    group = np.concatenate((np.arange(len(edge)), *events))
    at = np.concatenate((np.zeros(len(edge)), *ts))
    kind = np.concatenate((np.full(len(edge), -1), *kinds))
    order = np.lexsort((at, group))
    group, at, kind = group[order], at[order], kind[order]
    following = np.empty_like(at)
    following[:-1] = at[1:]
    last = np.ones(len(at), dtype=bool)
    last[:-1] = group[1:] != group[:-1]
    following[last] = 1.0
    first = np.searchsorted(group, group, "left")
    crossed_y, crossed_z = np.cumsum(kind == 0), np.cumsum(kind == 1)
    inside = ((start_y[group] + crossed_y - crossed_y[first]) % 2 == 1) & (
        (start_z[group] + crossed_z - crossed_z[first]) % 2 == 1)
    owner, edge_in = record[group[inside]], edge[group[inside]]
    _piece_moments(at[inside], following[inside], x.x0[edge_in] - cx[owner], x.y0[edge_in] - cy[owner],
                   x.dx[edge_in], x.dy[edge_in], moments, owner)


def triple_overlaps(plots, parcels, triple_plot, triple_a, triple_b, centre_x, centre_y, plot_edges, parcel_edges):
    """``(moments, degenerate)`` per triple: the ``MOMENTS`` of plot ``triple_plot[k]`` ∩ parcels
    ``triple_a[k]`` ∩ ``triple_b[k]`` (about the plot's centre), from the boundary integral over
    the plot's edges inside both parcels and each parcel's edges inside the plot and the other: the
    area two overlapping features of one plot share, for inclusion–exclusion, without building it.
    ``degenerate``: not in general position (GEOS decides)."""
    triple_plot, triple_a, triple_b = (np.asarray(value, dtype=np.int64) for value in (triple_plot, triple_a,
                                                                                       triple_b))
    count = len(triple_plot)
    moments = np.zeros((count, MOMENTS))
    degenerate = np.zeros(count, dtype=bool)
    if not count:
        return moments, degenerate
    boxes = [plots.box[triple_plot], parcels.box[triple_a], parcels.box[triple_b]]
    common = np.column_stack((np.max([box[:, 0] for box in boxes], axis=0), np.max([box[:, 1] for box in boxes], axis=0),
                              np.min([box[:, 2] for box in boxes], axis=0), np.min([box[:, 3] for box in boxes], axis=0)))
    slack = EPS * (np.maximum(common[:, 2] - common[:, 0], common[:, 3] - common[:, 1]) + 1.0)
    query = common + np.column_stack((-slack, -slack, slack, slack))
    cx, cy = np.asarray(centre_x)[triple_plot], np.asarray(centre_y)[triple_plot]
    _inside_both(plots, triple_plot, plot_edges, parcels, triple_a, parcel_edges, parcels, triple_b, parcel_edges,
                 query, cx, cy, moments, degenerate)
    _inside_both(parcels, triple_a, parcel_edges, plots, triple_plot, plot_edges, parcels, triple_b, parcel_edges,
                 query, cx, cy, moments, degenerate)
    _inside_both(parcels, triple_b, parcel_edges, plots, triple_plot, plot_edges, parcels, triple_a, parcel_edges,
                 query, cx, cy, moments, degenerate)
    return moments, degenerate
