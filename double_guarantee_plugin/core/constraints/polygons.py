# SPDX-License-Identifier: GPL-2.0-or-later
"""Polygons as flat numpy arrays (rings of vertices, rings grouped by feature), read from WKB in bulk.

The shapes the numpy overlap measures (``overlap_area``) and validity tests (``validity``) work on.
Coordinates are kept relative to one origin near the data (``origin``), so large projected
coordinates (39,480,000 m eastings) lose no precision.
"""
import struct

import numpy as np

EPS = 1e-9            # relative tolerance on the intersection parameters along an edge
PARALLEL = 1e-10      # |cross(r, s)| <= PARALLEL · |r| · |s|: the edges are taken as parallel
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
        self.ring_area = np.zeros(len(lengths))          # each ring's area, unsigned
        if not len(lengths):
            return
        signed = ring_signed_areas(self.x, self.y, self.ring_offsets)
        self.ring_area = np.abs(signed)
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


def _u32(data, at):
    """Little-endian unsigned 32-bit integers of ``data`` at the byte positions ``at``."""
    at = np.clip(at, 0, max(len(data) - 4, 0))
    return (data[at].astype(np.int64) | (data[at + 1].astype(np.int64) << 8)
            | (data[at + 2].astype(np.int64) << 16) | (data[at + 3].astype(np.int64) << 24))


def _rings(data, offsets, lengths):
    """The rings of the blobs in little-endian 2D Polygon / MultiPolygon WKB, read for all blobs at
    once, part by part and ring by ring: ``(feature, order, start byte, points, exterior, readable)``
    per ring and per feature whether it was read this way (others: ``_read_polygons``)."""
    count = len(offsets)
    ends = offsets + lengths
    byte = data[np.clip(offsets, 0, max(len(data) - 1, 0))] if len(data) else np.zeros(count, np.uint8)
    kind = np.where((lengths >= 9) & (byte == 1), _u32(data, offsets + 1), -1)
    multi = kind == 6
    handled = (kind == 3) | multi
    readable = handled.copy()
    parts = np.where(multi, _u32(data, offsets + 5), np.where(handled, 1, 0))
    cursor = np.where(multi, offsets + 9, offsets)
    found = [[] for _ in range(6)]
    order = 0
    for part in range(int(parts.max()) if count else 0):
        active = np.flatnonzero(handled & (parts > part) & readable)
        if not len(active):
            break
        at = cursor[active]
        good = (at + 9 <= ends[active]) & (data[np.clip(at, 0, len(data) - 1)] == 1) & (_u32(data, at + 1) == 3)
        readable[active[~good]] = False
        active, at = active[good], at[good]
        rings = _u32(data, at + 5)
        at = at + 9
        for ring in range(int(rings.max()) if len(rings) else 0):
            inner = np.flatnonzero(rings > ring)
            if not len(inner):
                break
            ring_at = at[inner]
            points = _u32(data, ring_at)
            fits = ring_at + 4 + 16 * points <= ends[active[inner]]
            readable[active[inner[~fits]]] = False
            for column, value in enumerate((active[inner], np.full(len(inner), order), ring_at + 4, points,
                                            np.full(len(inner), ring == 0), fits)):
                found[column].append(value)
            order += 1
            at[inner] = ring_at + 4 + 16 * np.where(fits, points, 0)
        cursor[active] = at
    readable &= cursor == ends           # every byte accounted for
    if not found[0]:
        return (np.empty(0, np.int64),) * 4 + (np.empty(0, bool),), readable
    feature, sequence, start, points, exterior, fits = (np.concatenate(column) for column in found)
    keep = readable[feature] & fits
    feature, sequence, start, points, exterior = (value[keep] for value in (feature, sequence, start, points,
                                                                              exterior))
    arrangement = np.lexsort((sequence, feature))
    return tuple(value[arrangement] for value in (feature, start, points)) + (exterior[arrangement],
                                                                              np.zeros(0)), readable


def from_buffer(data, offsets, lengths, origin=(0.0, 0.0)):
    """``Polygons`` of the WKB blobs ``data[offsets[i]:offsets[i] + lengths[i]]`` (``data``: a uint8
    array; a length of 0 is no geometry).

    Little-endian 2D Polygons and MultiPolygons (the layout GDAL and QGIS write) are read for all
    blobs together in numpy; the rest (big-endian, Z/M, other types) one by one."""
    offsets = np.asarray(offsets, dtype=np.int64)
    lengths = np.asarray(lengths, dtype=np.int64)
    count = len(offsets)
    (feature, start, points, exterior, _unused), readable = _rings(data, offsets, lengths)
    # the coordinates, gathered at once: the doubles start at any byte, read through 8 views of the buffer
    owner, local = _expand(points * 2)
    values = np.empty(len(owner))
    if len(owner):
        position = start[owner] + 8 * local
        shift = position % 8
        for remainder in np.unique(start % 8).tolist():
            view = np.frombuffer(data, dtype="<f8", offset=remainder, count=(len(data) - remainder) // 8)
            at = np.flatnonzero(shift == remainder)
            values[at] = view[(position[at] - remainder) // 8]
    xs, ys = values[0::2], values[1::2]
    ring_offsets = np.concatenate(([0], np.cumsum(points))).astype(np.int64)
    # a ring must be closed and have 4 points
    if len(points):
        first, last = ring_offsets[:-1], ring_offsets[1:] - 1
        bad_ring = (points < 4) | (xs[first] != xs[np.maximum(last, 0)]) | (ys[first] != ys[np.maximum(last, 0)])
        readable[feature[bad_ring]] = False
        kept_ring = readable[feature]
        if not kept_ring.all():
            keep_vertex = np.repeat(kept_ring, points)
            xs, ys = xs[keep_vertex], ys[keep_vertex]
            feature, points, exterior = feature[kept_ring], points[kept_ring], exterior[kept_ring]
            ring_offsets = np.concatenate(([0], np.cumsum(points))).astype(np.int64)
    ring_counts = np.bincount(feature, minlength=count)
    ok = readable & (ring_counts > 0)
    rest = np.flatnonzero(~readable & (lengths > 0))
    if not len(rest):
        feature_rings = np.concatenate(([0], np.cumsum(ring_counts))).astype(np.int64)
        return Polygons(xs, ys, ring_offsets, feature_rings, exterior, ok, origin)
    # the others one by one, their rings put in their place
    extra = {}
    for number in rest.tolist():
        low = int(offsets[number])
        found = _read_polygons(data[low:low + int(lengths[number])].tobytes())
        if found:
            extra[number] = [(ring, position == 0) for polygon in found for position, ring in enumerate(polygon)]
            ring_counts[number] = len(extra[number])
            ok[number] = True
    ring_x, ring_y, ring_exterior = [], [], []
    numpy_ring = 0
    for number in range(count):
        if number in extra:
            for ring, is_exterior in extra[number]:
                ring_x.append(ring[:, 0])
                ring_y.append(ring[:, 1])
                ring_exterior.append(is_exterior)
            continue
        for _ring in range(int(ring_counts[number])):
            low, high = ring_offsets[numpy_ring], ring_offsets[numpy_ring + 1]
            ring_x.append(xs[low:high])
            ring_y.append(ys[low:high])
            ring_exterior.append(bool(exterior[numpy_ring]))
            numpy_ring += 1
    sizes = np.array([len(ring) for ring in ring_x], dtype=np.int64)
    feature_rings = np.concatenate(([0], np.cumsum(ring_counts))).astype(np.int64)
    return Polygons(np.concatenate(ring_x) if ring_x else np.empty(0), np.concatenate(ring_y) if ring_y else np.empty(0),
                    np.concatenate(([0], np.cumsum(sizes))).astype(np.int64), feature_rings,
                    np.array(ring_exterior, dtype=bool), ok, origin)


def overlapping_boxes(group, box):
    """``(i, j)``, i < j, of the rows of the same ``group`` whose boxes (``box[row]``: x0, y0, x1,
    y1) meet: a sweep in x within each group, in numpy."""
    group = np.asarray(group, dtype=np.int64)
    if len(group) < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    low = float(np.nanmin(box[:, 0]))
    span = float(np.nanmax(box[:, 2])) - low + 1.0
    start = group * span * 2 + (box[:, 0] - low)
    end = group * span * 2 + (box[:, 2] - low)
    order = np.argsort(start, kind="stable")
    upper = np.searchsorted(start[order], end[order], "right")
    at, step = _expand(np.maximum(upper - np.arange(len(order)) - 1, 0))
    i, j = order[at], order[at + 1 + step]
    meet = (box[i, 1] <= box[j, 3]) & (box[j, 1] <= box[i, 3]) & (box[i, 0] <= box[j, 2]) & (box[j, 0] <= box[i, 2])
    i, j = i[meet], j[meet]
    return np.minimum(i, j), np.maximum(i, j)
