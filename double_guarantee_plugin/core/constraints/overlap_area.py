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

MOMENTS = 6               # A, Mx, Mxx, My, bulge Σ L²ΔY, bulge Σ L²ΔY·X̄
LARGE_EDGES = 256         # a parcel with more edges has only those near the plot taken
SMALL_EDGES = 64          # a feature with more edges has its edges filed in a grid (FeatureEdges)


def __getattr__(name):
    if name == "BUDGET":          # (kept where the tests and callers look for it)
        return _polygons.BUDGET
    raise AttributeError(name)


class EdgeGrid:
    """The edges of some features of a ``Polygons`` filed in square cells, per feature ("slot").

    ``near(slots, boxes)``: the (query, edge) pairs whose boxes meet, each once: an edge filed in
    several cells is reported only from the cell holding the lower-left corner of the overlap of its
    box with the query box.  ``ray_parity(slots, x, y)``: for each point, whether a ray from it to
    +x crosses its slot's edges an odd number of times (the point is inside)."""

    def __init__(self, polygons, features, cell=None):
        self.polygons = polygons
        features = np.asarray(features, dtype=np.int64)
        slot, local = _expand(polygons.edge_count(features))
        edge = polygons.feature_edges[features][slot] + local
        x0, x1 = polygons.edge_x0[edge], polygons.edge_x1[edge]
        y0, y1 = polygons.edge_y0[edge], polygons.edge_y1[edge]
        if cell is None:
            lengths = polygons.length[edge]
            cell = float(np.percentile(lengths, 75)) * 2.0 if len(lengths) else 1.0
        self.cell = max(float(cell), 1e-6)
        self.slots = len(features)
        self.x_origin = float(x0.min()) if len(edge) else 0.0
        self.y_origin = float(y0.min()) if len(edge) else 0.0
        column0, column1 = self._column(x0), self._column(x1)
        row0, row1 = self._row(y0), self._row(y1)
        self.columns = int(column1.max()) + 2 if len(edge) else 1
        self.rows = int(row1.max()) + 2 if len(edge) else 1
        # (edge, row) records for rays; (edge, row, column) records for boxes
        rows_each = row1 - row0 + 1
        at, step = _expand(rows_each)
        row = row0[at] + step
        order = np.argsort(slot[at] * self.rows + row, kind="stable")
        self.ray_keys = (slot[at] * self.rows + row)[order]
        self.ray_edges = edge[at][order]
        columns_each = column1[at] - column0[at] + 1
        cell_at, cell_step = _expand(columns_each)
        column = column0[at][cell_at] + cell_step
        keys = (slot[at][cell_at] * self.rows + row[cell_at]) * self.columns + column
        order = np.argsort(keys, kind="stable")
        self.box_keys = keys[order]
        self.box_edges = edge[at][cell_at][order]

    def _column(self, x):
        return np.floor((np.asarray(x) - self.x_origin) / self.cell).astype(np.int64)

    def _row(self, y):
        return np.floor((np.asarray(y) - self.y_origin) / self.cell).astype(np.int64)

    def near(self, slots, boxes):
        """``(query, edge)`` of the edges of slot ``slots[q]`` whose boxes meet ``boxes[q]``
        (an (n, 4) array x0, y0, x1, y1)."""
        slots = np.asarray(slots, dtype=np.int64)
        bx0, by0, bx1, by1 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
        column0 = np.clip(self._column(bx0), 0, self.columns - 1)
        column1 = np.clip(self._column(bx1), 0, self.columns - 1)
        row0 = np.clip(self._row(by0), 0, self.rows - 1)
        row1 = np.clip(self._row(by1), 0, self.rows - 1)
        # one key range a (query, row): the cells of a row are consecutive keys
        rows_each = np.where((bx1 >= self.x_origin) & (by1 >= self.y_origin), row1 - row0 + 1, 0)
        query, step = _expand(np.maximum(rows_each, 0))
        row = row0[query] + step
        base = (slots[query] * self.rows + row) * self.columns
        low = np.searchsorted(self.box_keys, base + column0[query], "left")
        high = np.searchsorted(self.box_keys, base + column1[query], "right")
        at, offset = _expand(high - low)
        position = low[at] + offset
        query = query[at]
        edge = self.box_edges[position]
        key = self.box_keys[position]
        p = self.polygons
        ex0, ex1, ey0, ey1 = p.edge_x0[edge], p.edge_x1[edge], p.edge_y0[edge], p.edge_y1[edge]
        meet = (ex0 <= bx1[query]) & (ex1 >= bx0[query]) & (ey0 <= by1[query]) & (ey1 >= by0[query])
        corner_column = self._column(np.maximum(ex0, bx0[query]))
        corner_row = self._row(np.maximum(ey0, by0[query]))
        own = (key % self.columns == corner_column) & ((key // self.columns) % self.rows == corner_row)
        keep = meet & own
        return query[keep], edge[keep]

    def ray_parity(self, slots, x, y):
        """Per point: 1.0 when a ray from (x, y) to +x crosses its slot's edges an odd number of
        times, else 0.0 (edges count over [y0, y1): a ray through a vertex counts once)."""
        slots = np.asarray(slots, dtype=np.int64)
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        row = self._row(y)
        inside_grid = (row >= 0) & (row < self.rows)
        key = slots * self.rows + np.clip(row, 0, self.rows - 1)
        low = np.searchsorted(self.ray_keys, key, "left")
        high = np.where(inside_grid, np.searchsorted(self.ray_keys, key, "right"), low)
        point, offset = _expand(high - low)
        edge = self.ray_edges[low[point] + offset]
        return _ray_hits(self.polygons, edge, point, x, y, len(x))


class FeatureEdges:
    """``near`` and ``ray_parity`` like an ``EdgeGrid`` of all features of ``polygons`` (slot =
    feature number), without filing small features: a feature of up to ``SMALL_EDGES`` edges is
    answered by trying all its edges (cheaper than filing them), a larger one through a grid of its
    own edges."""

    def __init__(self, polygons):
        self.polygons = polygons
        counts = polygons.edge_count(np.arange(len(polygons)))
        self.small = counts <= SMALL_EDGES
        big = np.flatnonzero(~self.small)
        self.grid = EdgeGrid(polygons, big) if len(big) else None
        self.slot_of = np.full(len(polygons), -1, dtype=np.int64)
        self.slot_of[big] = np.arange(len(big))

    def _all_edges(self, slots):
        at, local = _expand(self.polygons.edge_count(slots))
        return at, self.polygons.feature_edges[slots][at] + local

    def near(self, slots, boxes):
        slots = np.asarray(slots, dtype=np.int64)
        small = self.small[slots]
        rows = np.flatnonzero(small)
        at, edge = self._all_edges(slots[rows])
        query = rows[at]
        p = self.polygons
        meet = ((p.edge_x0[edge] <= boxes[query, 2]) & (p.edge_x1[edge] >= boxes[query, 0])
                & (p.edge_y0[edge] <= boxes[query, 3]) & (p.edge_y1[edge] >= boxes[query, 1]))
        query, edge = query[meet], edge[meet]
        rows = np.flatnonzero(~small)
        if len(rows):
            big_query, big_edge = self.grid.near(self.slot_of[slots[rows]], boxes[rows])
            query, edge = np.concatenate((query, rows[big_query])), np.concatenate((edge, big_edge))
        return query, edge

    def ray_parity(self, slots, x, y):
        slots = np.asarray(slots, dtype=np.int64)
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        result = np.zeros(len(slots))
        small = self.small[slots]
        rows = np.flatnonzero(small)
        at, edge = self._all_edges(slots[rows])
        result[rows] = _ray_hits(self.polygons, edge, at, x[rows], y[rows], len(rows))
        rows = np.flatnonzero(~small)
        if len(rows):
            result[rows] = self.grid.ray_parity(self.slot_of[slots[rows]], x[rows], y[rows])
        return result


def _ray_hits(polygons, edge, owner, x, y, count):
    """Per owner: 1.0 when the ray from (x[owner], y[owner]) to +x crosses an odd number of the
    ``edge`` s listed for it, else 0.0."""
    vy = y[owner]
    y0, y1 = polygons.y0[edge], polygons.y1[edge]
    at = np.flatnonzero((y0 > vy) != (y1 > vy))
    edge, vy = edge[at], vy[at]
    x_cross = polygons.x0[edge] + (vy - polygons.y0[edge]) * polygons.dx[edge] / polygons.dy[edge]
    hits = x[owner[at]] < x_cross
    return np.bincount(owner[at][hits], minlength=count) % 2.0


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


def ring_moments(polygons):
    """The ``MOMENTS`` of each ring about the polygons' origin (a hole's negative: rings run with
    the interior on their left)."""
    rings = len(polygons.ring_offsets) - 1
    owner, local = _expand(np.diff(polygons.ring_edges))
    edge = polygons.ring_edges[:-1][owner] + local
    moments = np.zeros((rings, MOMENTS))
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
    edge_boxes = np.column_stack((p.edge_x0[pe_edge], p.edge_y0[pe_edge], p.edge_x1[pe_edge], p.edge_y1[pe_edge]))
    pe, f = parcel_grid.near(pair_parcel[pe_pair], edge_boxes)
    if len(pe) > budget:
        return None
    e = pe_edge[pe]
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
                  parcel_rings=None, budget=None, contact=None):
    """``(moments, degenerate)`` per pair: the ``MOMENTS`` of plot ``pair_plot[k]`` ∩ parcel
    ``pair_parcel[k]`` (both valid polygons, read with the same origin), X and Y relative to
    (``centre_x``, ``centre_y``)[plot], and True where the pair is not in general position (then
    the figures are not to be trusted: measure the pair with GEOS).

    ``plot_grid``, ``parcel_grid``: an ``EdgeGrid`` of all ``plots`` and a ``FeatureEdges`` (or
    ``EdgeGrid``) of all ``parcels`` (slot = feature number), ``parcel_rings``: the parcels'
    ``ring_moments`` (made here when None).  ``contact``: a boolean array (one a pair) set True
    where the plot's boundary comes near the parcel or the parcel lies in the plot (the pairs
    whose parcel's shape matters: the caller need not test the others' validity).  Memory stays bounded:
    pairs whose edge work exceeds ``budget`` are measured in halves, and a single pair too large
    for it is flagged for GEOS."""
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
    parcel_rings = parcel_rings if parcel_rings is not None else ring_moments(parcels)

    contact = contact if contact is not None else np.zeros(pairs, dtype=bool)

    def again(pair_plot, pair_parcel, contact):
        return pair_overlaps(plots, parcels, pair_plot, pair_parcel, centre_x, centre_y, plot_grid, parcel_grid,
                             parcel_rings, budget, contact)

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
        whole = shifted(parcel_rings[ring[inside]], cx[owner], cy[owner])
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
