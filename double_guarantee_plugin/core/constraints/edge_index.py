# SPDX-License-Identifier: GPL-2.0-or-later
"""Edges of many polygons filed for box and ray queries, in numpy.

``EdgeGrid`` files the edges of some features of a ``Polygons`` in square cells, per feature: a box
query visits the cells it covers, a ray query only the edges of its row, so the work of a query
grows with the edges near it, not with all of them.  ``FeatureEdges`` answers the same queries for
all features of a ``Polygons`` without filing the small ones (trying all their edges is cheaper).
``overlap_area`` uses both to find the edges of a plot and a feature that can meet.
"""
import numpy as np

from .polygons import _expand

SMALL_EDGES = 64          # a feature with more edges has its edges filed in a grid (FeatureEdges)


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
        rows_each = np.where((bx1 >= self.x_origin) & (by1 >= self.y_origin) & (bx0 <= bx1) & (by0 <= by1),
                             row1 - row0 + 1, 0)
        query, step = _expand(np.maximum(rows_each, 0))
        row = row0[query] + step
        base = (slots[query] * self.rows + row) * self.columns
        low = np.searchsorted(self.box_keys, base + column0[query], "left")
        high = np.searchsorted(self.box_keys, base + column1[query], "right")
        at, offset = _expand(np.maximum(high - low, 0))
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
