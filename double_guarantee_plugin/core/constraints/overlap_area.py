"""Planar overlap areas of many (plot, parcel) polygon pairs at once, in numpy (no QGIS, no GEOS).

A batch check asks, for thousands of plots, how much of each plot lies inside each of the ~20
constraint features whose boxes meet it.  One GEOS overlay a plot (and the Python around it) costs
about 0.2 ms; here every pair of a chunk of plots is measured in a few dozen numpy operations.

The area of A ∩ B is the boundary integral ∮ x dy over ∂(A ∩ B) = (∂A inside B) ∪ (∂B inside A),
rings oriented with the interior on their left (exterior rings counter-clockwise, holes clockwise).
For a segment P→Q and a polygon R, the part inside R follows from whether P lies in R (a ray
crossing count) and from where the segment crosses R's edges (each crossing enters or leaves R):

    ∫_{PQ ∩ R} x dy = Δy · [ in(P) · F(1) + Σ_crossings ±(F(1) − F(t)) ],   F(t) = Px·t + Δx·t²/2

so no crossing has to be sorted along its segment.  Only the plot edges whose box meets the
parcel's box can be inside it or cross it, which keeps the number of edge pairs small.

This holds in general position.  A pair is flagged ``degenerate`` when a vertex lies on (or within
1e-9 of the length of) the other polygon's edge, or when two edges are collinear and meet: the
caller measures those pairs with GEOS.  Coordinates are taken relative to one origin near the
plots of a chunk, so large projected coordinates (39,480,000 m eastings) lose no precision.

``strictly_valid`` is the matching numpy validity test of simple one-ring polygons: True only when
the ring is closed, has no repeated vertex, no spike and no two edges that meet other than at their
shared vertex, clear of the same tolerance; anything else is left to GEOS (``isGeosValid``).
"""
import struct

import numpy as np

EPS = 1e-9            # relative tolerance on the intersection parameters along an edge
PARALLEL = 1e-10      # |cross(r, s)| <= PARALLEL · |r| · |s|: the edges are taken as parallel
STRICT_MAX_EDGES = 64  # rings with more edges are left to GEOS by strictly_valid
BUDGET = 4_000_000    # array elements one numpy step may use (≈ 32 MB a float array): more work is split


class Polygons:
    """Flat arrays of polygons: closed rings of vertices, rings grouped by feature.

    ``x``, ``y``: the vertices of all rings relative to ``origin`` (each ring closed: its last vertex
    equals its first; a common origin near the data keeps the areas exact to ~1e-12);
    ``ring_offsets[r]:ring_offsets[r + 1]``: the vertices of ring r; ``feature_rings[f]:feature_rings[f + 1]``:
    the rings of feature f; ``ok[f]``: False when feature f could not be read (it has no rings).
    Rings are re-oriented so that the interior lies on their left.  Edges (vertex i → i + 1 inside a
    ring) are numbered ring by ring: ``feature_edges[f]:feature_edges[f + 1]`` are those of feature f.
    """

    def __init__(self, x, y, ring_offsets, feature_rings, exterior, ok, origin=(0.0, 0.0)):
        self.origin = (float(origin[0]), float(origin[1]))
        self.x = np.asarray(x, dtype=np.float64) - self.origin[0]
        self.y = np.asarray(y, dtype=np.float64) - self.origin[1]
        self.ring_offsets = np.asarray(ring_offsets, dtype=np.int64)
        self.feature_rings = np.asarray(feature_rings, dtype=np.int64)
        self.ok = np.asarray(ok, dtype=bool)
        self.exterior = np.asarray(exterior, dtype=bool)
        self._orient()
        ring_lengths = np.diff(self.ring_offsets)
        self.ring_edges = np.concatenate(([0], np.cumsum(np.maximum(ring_lengths - 1, 0)))).astype(np.int64)
        self.feature_edges = self.ring_edges[self.feature_rings]
        # edge e starts at vertex edge_vertex[e]: every vertex but the last of its ring
        count = len(self.x)
        last = np.zeros(count, dtype=bool)
        if len(ring_lengths):
            last[self.ring_offsets[1:][ring_lengths > 0] - 1] = True
        self.edge_vertex = np.flatnonzero(~last)
        start = self.edge_vertex
        self.x0, self.y0 = self.x[start], self.y[start]
        self.x1, self.y1 = self.x[start + 1], self.y[start + 1]
        self.dx, self.dy = self.x1 - self.x0, self.y1 - self.y0
        self.length = np.hypot(self.dx, self.dy)
        self.edge_x0, self.edge_x1 = np.minimum(self.x0, self.x1), np.maximum(self.x0, self.x1)
        self.edge_y0, self.edge_y1 = np.minimum(self.y0, self.y1), np.maximum(self.y0, self.y1)
        # feature boxes
        features = len(self.feature_rings) - 1
        self.box = np.full((features, 4), np.nan)
        first, after = self.ring_offsets[self.feature_rings[:-1]], self.ring_offsets[self.feature_rings[1:]]
        filled = after > first
        if filled.any():
            self.box[filled, 0] = _reduce(np.minimum, self.x, first[filled], after[filled])
            self.box[filled, 1] = _reduce(np.minimum, self.y, first[filled], after[filled])
            self.box[filled, 2] = _reduce(np.maximum, self.x, first[filled], after[filled])
            self.box[filled, 3] = _reduce(np.maximum, self.y, first[filled], after[filled])
        self.ok &= filled

    def __len__(self):
        return len(self.feature_rings) - 1

    def _orient(self):
        """Reverse the rings whose orientation does not put the interior on their left."""
        lengths = np.diff(self.ring_offsets)
        if not len(lengths):
            return
        signed = ring_signed_areas(self.x, self.y, self.ring_offsets)
        wrong = np.where(self.exterior, signed < 0, signed > 0) & (lengths > 0)
        if not wrong.any():
            return
        # (all at once: data written clockwise, as shapefiles are, has every ring to turn)
        ring = np.repeat(np.arange(len(lengths)), lengths)
        position = np.arange(len(self.x))
        mirrored = self.ring_offsets[:-1][ring] + self.ring_offsets[1:][ring] - 1 - position
        index = np.where(wrong[ring], mirrored, position)
        self.x, self.y = self.x[index], self.y[index]

    def edge_count(self, features):
        return self.feature_edges[np.asarray(features) + 1] - self.feature_edges[features]


def _reduce(ufunc, values, starts, ends):
    """ufunc.reduce of values[start:end] for each non-empty (start, end), in order."""
    if len(starts) == 0:
        return np.empty(0)
    # reduceat over the starts and the ends: the segments between an end and the next start are
    # reduced too (and dropped) so that rings of other features in between do not leak in
    bounds = np.empty(2 * len(starts), dtype=np.int64)
    bounds[0::2] = starts
    bounds[1::2] = ends
    if ends[-1] >= len(values):          # reduceat wants every index inside the array
        values = np.append(values, values[-1])
    return ufunc.reduceat(values, bounds)[0::2]


def ring_signed_areas(x, y, ring_offsets):
    """Shoelace area of each ring (positive counter-clockwise), relative to its first vertex."""
    lengths = np.diff(ring_offsets)
    ring = np.repeat(np.arange(len(lengths)), lengths)
    if not len(ring):
        return np.zeros(len(lengths))
    x_rel = x - x[ring_offsets[:-1]][ring]
    y_rel = y - y[ring_offsets[:-1]][ring]
    terms = np.zeros(len(x))
    terms[:-1] = x_rel[:-1] * y_rel[1:] - x_rel[1:] * y_rel[:-1]
    last = ring_offsets[1:] - 1
    terms[last[lengths > 0]] = 0.0           # no term across the end of a ring
    return np.bincount(ring, weights=terms, minlength=len(lengths)) / 2.0


# --- WKB ---------------------------------------------------------------------------------------

def _expand(counts):
    """(owner of each item, local position inside its owner) for owners with ``counts`` items each."""
    counts = np.asarray(counts, dtype=np.int64)
    owner = np.repeat(np.arange(len(counts)), counts)
    starts = np.cumsum(counts) - counts
    local = np.arange(int(counts.sum()), dtype=np.int64) - starts[owner]
    return owner, local


def _read_polygons(blob):
    """[[ring (n, 2) array, ...] per polygon] of a WKB Polygon or MultiPolygon, or None when the
    blob is anything else (curves, collections, points, unclosed rings, garbage)."""
    try:
        polygons, offset = _read(blob, 0, top=True)
    except (struct.error, ValueError, IndexError):
        return None
    if polygons is None or offset != len(blob):
        return None
    return polygons


def _header(blob, offset):
    order = blob[offset]
    if order not in (0, 1):
        raise ValueError("byte order")
    endian = "<" if order == 1 else ">"
    (code,) = struct.unpack_from(endian + "I", blob, offset + 1)
    offset += 5
    has_z, has_m = bool(code & 0x80000000), bool(code & 0x40000000)
    if code & 0x20000000:                   # EWKB SRID
        offset += 4
    code &= 0x0FFFFFFF
    thousands, code = divmod(code, 1000)
    has_z = has_z or thousands in (1, 3)
    has_m = has_m or thousands in (2, 3)
    return endian, code, 2 + has_z + has_m, offset


def _read(blob, offset, top=False):
    endian, code, dimension, offset = _header(blob, offset)
    if code == 3:
        (rings,) = struct.unpack_from(endian + "I", blob, offset)
        offset += 4
        polygon = []
        for _ring in range(rings):
            (points,) = struct.unpack_from(endian + "I", blob, offset)
            offset += 4
            coordinates = np.frombuffer(blob, dtype=endian + "f8", count=points * dimension, offset=offset)
            offset += 8 * points * dimension
            ring = coordinates.reshape(points, dimension)[:, :2].astype(np.float64)
            if points < 4 or ring[0, 0] != ring[-1, 0] or ring[0, 1] != ring[-1, 1]:
                raise ValueError("ring")
            polygon.append(ring)
        return [polygon] if polygon else [], offset
    if code == 6 and top:
        (parts,) = struct.unpack_from(endian + "I", blob, offset)
        offset += 4
        polygons = []
        for _part in range(parts):
            found, offset = _read(blob, offset)
            if found is None:
                return None, offset
            polygons.extend(found)
        return polygons, offset
    return None, offset


def from_wkb(blobs, origin=(0.0, 0.0)):
    """``Polygons`` of WKB Polygon/MultiPolygon blobs; ``ok`` is False for the others (and for None)."""
    lengths = np.fromiter((len(blob) if blob is not None else 0 for blob in blobs), dtype=np.int64, count=len(blobs))
    data = np.frombuffer(b"".join(blob for blob in blobs if blob is not None), dtype=np.uint8)
    return from_buffer(data, np.cumsum(lengths) - lengths, lengths, origin)


def from_buffer(data, offsets, lengths, origin=(0.0, 0.0)):
    """``Polygons`` of the WKB blobs ``data[offsets[i]:offsets[i] + lengths[i]]`` (``data``: a uint8
    array; a length of 0 is no geometry).

    The usual layouts (little-endian, 2D, one ring: a Polygon, or a MultiPolygon of one Polygon) are
    read for all blobs together in numpy; the rest one by one."""
    offsets = np.asarray(offsets, dtype=np.int64)
    lengths = np.asarray(lengths, dtype=np.int64)
    count = len(offsets)
    simple = np.zeros(count, dtype=bool)
    start = np.zeros(count, dtype=np.int64)     # offset of the first coordinate
    points = np.zeros(count, dtype=np.int64)
    if len(data):
        def u32(at):
            at = np.minimum(at, len(data) - 4)
            return (data[at].astype(np.int64) | (data[at + 1].astype(np.int64) << 8)
                    | (data[at + 2].astype(np.int64) << 16) | (data[at + 3].astype(np.int64) << 24))
        long_enough = lengths >= 13
        little = long_enough & (data[np.minimum(offsets, len(data) - 1)] == 1)
        kind = np.where(little, u32(offsets + 1), -1)
        polygon = little & (kind == 3) & (u32(offsets + 5) == 1)
        n_polygon = u32(offsets + 9)
        polygon &= lengths == 13 + 16 * n_polygon
        multi = little & (kind == 6) & (lengths >= 22) & (u32(offsets + 5) == 1)
        multi &= (data[np.minimum(offsets + 9, len(data) - 1)] == 1) & (u32(offsets + 10) == 3) & \
            (u32(offsets + 14) == 1)
        n_multi = u32(offsets + 18)
        multi &= lengths == 22 + 16 * n_multi
        simple = polygon | multi
        start = np.where(polygon, offsets + 13, offsets + 22)
        points = np.where(polygon, n_polygon, np.where(multi, n_multi, 0))
        simple &= points >= 4
    # the coordinates of the simple ones, gathered at once
    simple_points = np.where(simple, points, 0)
    owner, local = _expand(simple_points * 2)
    values = np.empty(len(owner))
    if len(owner):
        # the doubles start at any byte: read them through 8 views of the buffer, one per alignment
        position = start[owner] + 8 * local
        shift = start % 8
        for remainder in np.unique(shift[simple]).tolist():
            view = np.frombuffer(data, dtype="<f8", offset=remainder,
                                 count=(len(data) - remainder) // 8)
            at = np.flatnonzero(shift[owner] == remainder)
            values[at] = view[(position[at] - remainder) // 8]
    simple_x, simple_y = values[0::2], values[1::2]
    simple_offsets = np.concatenate(([0], np.cumsum(simple_points)))
    if len(simple_x):
        first, last = simple_offsets[:-1][simple], simple_offsets[1:][simple] - 1
        closed = (simple_x[first] == simple_x[last]) & (simple_y[first] == simple_y[last])
        simple_index = np.flatnonzero(simple)
        simple[simple_index[~closed]] = False
    # assemble: features in order, rings in order
    xs, ys, ring_lengths, feature_ring_counts, exterior, ok = [], [], [], np.zeros(count, np.int64), [], \
        np.zeros(count, dtype=bool)
    pending = []          # consecutive simple features, copied as one block
    simple_lengths = np.diff(simple_offsets)

    def flush():
        if pending:
            low, high = pending[0], pending[-1] + 1
            xs.append(simple_x[simple_offsets[low]:simple_offsets[high]])
            ys.append(simple_y[simple_offsets[low]:simple_offsets[high]])
            ring_lengths.append(simple_lengths[low:high])
            exterior.append(np.ones(high - low, dtype=bool))
            pending.clear()

    if simple.all():
        return Polygons(simple_x, simple_y, simple_offsets, np.arange(count + 1), np.ones(count, dtype=bool),
                        np.ones(count, dtype=bool), origin)
    simple_list = simple.tolist()
    for number in range(count):
        if simple_list[number]:
            if pending and pending[-1] != number - 1:
                flush()
            pending.append(number)
            feature_ring_counts[number] = 1
            ok[number] = True
            continue
        flush()
        # a simple-looking one that failed a check above has coordinates in simple_x: skip them
        low = int(offsets[number])
        polygons = _read_polygons(data[low:low + int(lengths[number])].tobytes()) if lengths[number] else None
        if not polygons:
            continue
        rings = [ring for polygon in polygons for ring in polygon]
        xs.append(np.concatenate([ring[:, 0] for ring in rings]))
        ys.append(np.concatenate([ring[:, 1] for ring in rings]))
        ring_lengths.append(np.array([len(ring) for ring in rings], dtype=np.int64))
        exterior.append(np.array([position == 0 for polygon in polygons for position in range(len(polygon))]))
        feature_ring_counts[number] = len(rings)
        ok[number] = True
    flush()
    lengths_all = np.concatenate(ring_lengths) if ring_lengths else np.empty(0, np.int64)
    ring_offsets = np.concatenate(([0], np.cumsum(lengths_all))).astype(np.int64)
    feature_rings = np.concatenate(([0], np.cumsum(feature_ring_counts))).astype(np.int64)
    return Polygons(np.concatenate(xs) if xs else np.empty(0), np.concatenate(ys) if ys else np.empty(0),
                    ring_offsets, feature_rings, np.concatenate(exterior) if exterior else np.empty(0, bool), ok,
                    origin)


# --- overlap areas -----------------------------------------------------------------------------

def pair_overlap_areas(plots, parcels, pair_plot, pair_parcel, budget=BUDGET):
    """``(area, degenerate)`` per pair: the planar area of plot ``pair_plot[k]`` ∩ parcel
    ``pair_parcel[k]`` (both valid polygons, ``ok``, read with the same ``origin``), and True where
    the pair is not in general position (the area is then not to be trusted: measure it with GEOS).

    Memory stays bounded: pairs whose edge pairs would exceed ``budget`` array elements are measured
    in halves, and a single pair too large for it is flagged for GEOS (a county-sized red-line
    polygon against a plot is GEOS's kind of work, with its indexed prepared geometry)."""
    if plots.origin != parcels.origin:
        raise ValueError("plots and parcels must be read with the same origin")
    pair_plot = np.asarray(pair_plot, dtype=np.int64)
    pair_parcel = np.asarray(pair_parcel, dtype=np.int64)
    pairs = len(pair_plot)
    area = np.zeros(pairs)
    degenerate = np.zeros(pairs, dtype=bool)
    if not pairs:
        return area, degenerate
    # the largest steps: every plot edge of every pair, and (bounded above by) every plot edge against
    # every parcel edge of the pair
    plot_edges = plots.edge_count(pair_plot)
    work = plot_edges * np.maximum(parcels.edge_count(pair_parcel), 1)
    if pairs == 1 and work[0] > budget:
        degenerate[0] = True
        return area, degenerate
    if work.sum() > budget:
        half = pairs // 2
        first = pair_overlap_areas(plots, parcels, pair_plot[:half], pair_parcel[:half], budget)
        second = pair_overlap_areas(plots, parcels, pair_plot[half:], pair_parcel[half:], budget)
        return np.concatenate((first[0], second[0])), np.concatenate((first[1], second[1]))
    box = parcels.box[pair_parcel]
    slack = EPS * (np.maximum(box[:, 2] - box[:, 0], box[:, 3] - box[:, 1]) + 1.0)
    box_x0, box_y0 = box[:, 0] - slack, box[:, 1] - slack
    box_x1, box_y1 = box[:, 2] + slack, box[:, 3] + slack
    first_ring = parcels.feature_rings[pair_parcel]
    start_x = parcels.x[parcels.ring_offsets[first_ring]]
    start_y = parcels.y[parcels.ring_offsets[first_ring]]

    # 1. every plot edge of every pair: which ones meet the parcel's box (no other can meet the
    #    parcel), and a ray from the parcel's first vertex to +x: is that vertex inside the plot?
    owner, local = _expand(plots.edge_count(pair_plot))
    edge = plots.feature_edges[pair_plot][owner] + local
    near = ((plots.edge_x0[edge] <= box_x1[owner]) & (plots.edge_x1[edge] >= box_x0[owner])
            & (plots.edge_y0[edge] <= box_y1[owner]) & (plots.edge_y1[edge] >= box_y0[owner]))
    pe_pair, pe_edge = owner[near], edge[near]
    vertex_inside = _ray_parity(plots, edge, owner, start_x, start_y, pairs)

    # 2. those plot edges against every edge of the parcel
    pe, f_local = _expand(parcels.edge_count(pair_parcel[pe_pair]))
    k = pe_pair[pe]
    f = parcels.feature_edges[pair_parcel][k] + f_local
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
    zero = (length_r == 0) | (length_s == 0)
    degenerate |= np.bincount(k[touching | zero], minlength=pairs) > 0

    # is the plot edge's start inside the parcel?  (a ray to +x against the parcel's edges)
    spans = (qy > py) != (qy + sy > py)
    at = np.flatnonzero(spans)
    ray = np.zeros(len(spans))
    ray[at] = px[at] < qx[at] + (py[at] - qy[at]) * sx[at] / sy[at]
    start_inside = np.bincount(pe, weights=ray, minlength=len(pe_pair)) % 2

    # 3. ∫ x dy along the plot edges, inside the parcel
    cross_at = np.flatnonzero(crossing)
    epx, erx = plots.x0[pe_edge], plots.dx[pe_edge]
    full_e = epx + erx / 2.0
    tc = t[cross_at]
    sign_e = np.where(denom[cross_at] < 0, 1.0, -1.0)     # the plot edge enters the parcel
    partial_e = sign_e * (full_e[pe[cross_at]] - (px[cross_at] * tc + rx[cross_at] * tc * tc / 2.0))
    per_edge = start_inside * full_e + np.bincount(pe[cross_at], weights=partial_e, minlength=len(pe_pair))
    area += np.bincount(pe_pair, weights=plots.dy[pe_edge] * per_edge, minlength=pairs)

    # 4. ∫ x dy along the parcel edges, inside the plot
    parcel_edges = parcels.edge_count(pair_parcel)
    item_start = np.cumsum(parcel_edges) - parcel_edges
    item_pair, item_local = _expand(parcel_edges)
    items = len(item_pair)
    item_edge = parcels.feature_edges[pair_parcel][item_pair] + item_local
    # the state at the first vertex of each ring of the parcel (holes and other parts: rare)
    ring_counts = np.diff(parcels.feature_rings)[pair_parcel]
    ring_pair, ring_local = _expand(ring_counts)
    ring = first_ring[ring_pair] + ring_local
    state = np.zeros(len(ring))
    state[ring_local == 0] = vertex_inside
    others = np.flatnonzero(ring_local > 0)
    if len(others):
        other_pair = ring_pair[others]
        test, test_local = _expand(plots.edge_count(pair_plot[other_pair]))
        test_edge = plots.feature_edges[pair_plot[other_pair]][test] + test_local
        state[others] = _ray_parity(plots, test_edge, test, parcels.x[parcels.ring_offsets[ring[others]]],
                                    parcels.y[parcels.ring_offsets[ring[others]]], len(others))
    # crossings on each parcel edge (all are with the plot edges of step 2) toggle the state
    item_of_pair_edge = item_start[k] + f_local
    crossings = np.bincount(item_of_pair_edge[cross_at], minlength=items)
    before = np.cumsum(crossings) - crossings
    ring_edges = np.diff(parcels.ring_edges)[ring]
    first_item_of_ring = item_start[ring_pair] + (parcels.ring_edges[ring]
                                                  - parcels.feature_edges[pair_parcel][ring_pair])
    ring_position = np.repeat(np.arange(len(ring)), ring_edges)   # items are ordered (pair, ring, edge)
    inside = (state[ring_position] + before - before[first_item_of_ring][ring_position]) % 2
    full_f = parcels.x0[item_edge] + parcels.dx[item_edge] / 2.0
    uc = u[cross_at]
    sign_f = np.where(denom[cross_at] > 0, 1.0, -1.0)     # the parcel edge enters the plot
    partial_f = sign_f * (full_f[item_of_pair_edge[cross_at]] - (qx[cross_at] * uc + sx[cross_at] * uc * uc / 2.0))
    per_item = inside * full_f + np.bincount(item_of_pair_edge[cross_at], weights=partial_f, minlength=items)
    area += np.bincount(item_pair, weights=parcels.dy[item_edge] * per_item, minlength=pairs)
    return area, degenerate


def _ray_parity(polygons, edge, owner, x, y, count):
    """Per owner: 1.0 when the ray from (x[owner], y[owner]) to +x crosses an odd number of the
    ``edge`` s listed for it (the point is inside), else 0.0."""
    vy = y[owner]
    y0, y1 = polygons.y0[edge], polygons.y1[edge]
    at = np.flatnonzero((y0 > vy) != (y1 > vy))
    edge, vy = edge[at], vy[at]
    x_cross = polygons.x0[edge] + (vy - polygons.y0[edge]) * polygons.dx[edge] / polygons.dy[edge]
    hits = x[owner[at]] < x_cross
    return np.bincount(owner[at][hits], minlength=count) % 2.0


# --- validity ----------------------------------------------------------------------------------

_PAIRS = {}


def _edge_pairs(n):
    """(i, j) of every pair of edges i < j of an n-edge ring."""
    found = _PAIRS.get(n)
    if found is None:
        i, j = np.triu_indices(n, 1)
        found = _PAIRS[n] = (i.astype(np.int64), j.astype(np.int64))
    return found


def strictly_valid(polygons, features=None):
    """Per feature (all, or ``features``): True when it is one ring that is certainly a valid simple
    polygon (see the module docstring); False means "not shown valid here", not "invalid"."""
    features = np.arange(len(polygons)) if features is None else np.asarray(features, dtype=np.int64)
    result = np.zeros(len(features), dtype=bool)
    if not len(features):
        return result
    one_ring = polygons.ok[features] & (np.diff(polygons.feature_rings)[features] == 1)
    edges = polygons.edge_count(features)
    candidates = one_ring & (edges >= 3) & (edges <= STRICT_MAX_EDGES)
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
    ring_area = ring_signed_areas(polygons.x, polygons.y, polygons.ring_offsets)[
        polygons.feature_rings[features[rows]]]
    result[rows] = ~broken & (np.abs(ring_area) > 0)
    return result


def _broken_rings(polygons, first_edge, i, j, n):
    """Per ring (its first edge in ``first_edge``, ``n`` edges; ``i``, ``j`` its edge pairs): True
    when two of its edges meet other than at their shared vertex, fold back onto each other (a
    spike), or one has no length."""
    a = first_edge[:, None] + i            # (rings, pairs) edge numbers
    c = first_edge[:, None] + j
    ox = polygons.x0[first_edge][:, None]
    oy = polygons.y0[first_edge][:, None]
    px, py = polygons.x0[a] - ox, polygons.y0[a] - oy
    qx, qy = polygons.x0[c] - ox, polygons.y0[c] - oy
    rx, ry, sx, sy = polygons.dx[a], polygons.dy[a], polygons.dx[c], polygons.dy[c]
    length_r, length_s = polygons.length[a], polygons.length[c]
    adjacent = (j == i + 1) | ((i == 0) & (j == n - 1))
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
    bad |= (length_r == 0) | (length_s == 0)
    return bad.any(axis=1)
