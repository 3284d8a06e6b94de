# SPDX-License-Identifier: GPL-2.0-or-later
"""Overlaps of many plots with one constraint layer at once: candidates, shapes, validity, moments, in numpy.

``PlotChunk`` holds a chunk of plots as ``Polygons`` (their edges filed in an ``EdgeGrid``);
``PlotChunk.chunks`` cuts a batch into chunks of nearby plots (sorted along a grid of 2 km cells,
so that a chunk's plots share candidate features and its coordinates stay small).
``overlap_chunk(index, chunk, accept)`` gives, per plot, ``(hits, moments)``: the features it
overlaps and the ``overlap_area.MOMENTS`` of its overlap with the layer (features of the layer that
overlap each other counted once), or None where the plot must be measured by GEOS
(``LayerIndex.overlap_planar``): a candidate feature invalid, repaired or unreadable, a pair not in
general position (a vertex on an edge), three features sharing area.

Features of one plot that overlap each other count once by inclusion–exclusion: for features A, B
whose boxes meet, numpy first asks whether they share area at all (``pair_shares``: neighbouring
parcels whose boxes interleave share none, and are done with); for a pair that does, numpy
measures P ∩ A ∩ B directly (``triple_overlaps``) and subtracts it.  Only pairs that touch (a
vertex on the other's edge) get A ∩ B from GEOS (cached per pair); three features sharing area
pairwise leave the plot to GEOS.
"""
import math

import numpy as np

from . import overlap_area
from .edge_index import EdgeGrid, FeatureEdges
from .polygons import from_buffer, from_wkb, overlapping_boxes
from .validity import strictly_valid

CHUNK_PLOTS = 256
CHUNK_VERTICES = 48_000        # plot vertices a chunk: 256 plots of ~190, or fewer larger ones
SORT_CELL_M = 2000.0           # plots are chunked along a grid of cells this size


class PlotChunk:
    """Plots as numpy shapes (``polygons``, read relative to ``origin``), their centres (box centres,
    relative to ``origin``) and a grid of their edges."""

    def __init__(self, blobs, boxes):
        boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
        self.boxes = boxes
        self.origin = (float(boxes[:, 0].min()), float(boxes[:, 1].min())) if len(boxes) else (0.0, 0.0)
        self.polygons = from_wkb(blobs, self.origin)
        self.centre_x = (boxes[:, 0] + boxes[:, 2]) / 2 - self.origin[0]
        self.centre_y = (boxes[:, 1] + boxes[:, 3]) / 2 - self.origin[1]
        self._grid = None

    def __len__(self):
        return len(self.boxes)

    @property
    def grid(self):
        if self._grid is None:
            self._grid = EdgeGrid(self.polygons, np.arange(len(self.polygons)))
        return self._grid

    def moments(self):
        """The ``MOMENTS`` of each plot itself about its centre."""
        return overlap_area.polygon_moments(self.polygons, self.centre_x, self.centre_y)

    @staticmethod
    def chunks(boxes, sizes, most=CHUNK_PLOTS):
        """Lists of positions into ``boxes`` (one chunk each): nearby plots together, at most
        ``most`` plots and about ``CHUNK_VERTICES`` vertices (``sizes``) a chunk."""
        boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
        if not len(boxes):
            return []
        column = np.floor((boxes[:, 0] + boxes[:, 2]) / 2 / SORT_CELL_M).astype(np.int64)
        row = np.floor((boxes[:, 1] + boxes[:, 3]) / 2 / SORT_CELL_M).astype(np.int64)
        # serpentine rows: consecutive cells are neighbours
        order = np.lexsort((np.where(row % 2 == 0, column, -column), row))
        chunks, current, vertices = [], [], 0
        for position in order.tolist():
            size = int(sizes[position])
            if current and (len(current) >= most or vertices + size > CHUNK_VERTICES):
                chunks.append(current)
                current, vertices = [], 0
            current.append(position)
            vertices += size
        if current:
            chunks.append(current)
        return chunks


def _candidates(index, chunk, accept, found=None):
    """``(pair_plot, fid)`` of the features whose boxes meet each plot's (accepted by ``accept``);
    ``found``: those pairs found already."""
    boxes = chunk.boxes
    many = getattr(index.index, "intersects_many", None) if not index.overlay else None
    if found is not None:
        pair_plot, flat = found
    elif many is not None:
        pair_plot, flat = many(boxes)
    else:
        from qgis.core import QgsRectangle
        found = [index.candidates(QgsRectangle(*box)) for box in boxes.tolist()]
        pair_plot = np.repeat(np.arange(len(boxes)), [len(fids) for fids in found]).astype(np.int64)
        flat = np.fromiter((fid for fids in found for fid in fids), dtype=np.int64, count=len(pair_plot))
    order = np.argsort(pair_plot, kind="stable")          # each plot's candidates together
    pair_plot, flat = pair_plot[order], flat[order]
    if accept is not None and len(flat):
        values = index.values
        keep = np.fromiter((accept(values.get(fid) if values is not None else None) for fid in flat.tolist()),
                           dtype=bool, count=len(flat))
        pair_plot, flat = pair_plot[keep], flat[keep]
    return pair_plot, flat


def _features(index, unique, origin):
    """``Polygons`` of the features ``unique`` (the layer's shapes as the checks see them)."""
    slices = getattr(index.index, "wkb_slices", None) if not index.overlay else None
    if slices is not None:            # (repaired features are left to GEOS by the caller)
        return from_buffer(*slices(unique), origin)
    return from_wkb([index.wkb(fid) for fid in unique.tolist()], origin)


def _validate(index, parcels, unique, relevant):
    """Mark the ``relevant`` features of ``unique`` valid (numpy) or test them with GEOS, repairing
    invalid ones; what a batch showed valid is remembered by a database index (``sql_index``) for the
    next chunks."""
    valid, repairs = index.valid, index.repairs
    source = index.index if not index.overlay else None
    remembered = source.known_valid(unique) if hasattr(source, "known_valid") else np.zeros(len(unique), bool)
    rows = np.flatnonzero(parcels.ok & ~remembered & relevant)
    strict = strictly_valid(parcels, rows)
    shown = unique[rows[strict]]
    valid.update(shown.tolist())
    if hasattr(source, "mark_valid"):
        source.mark_valid(shown)
    # the rest (several parts, touching rings, maybe invalid): GEOS, without keeping the geometry
    from qgis.core import QgsGeometry
    for fid in unique[rows[~strict]].tolist():
        if fid in repairs:
            continue
        if fid not in valid:
            blob = index.wkb(fid)
            geometry = QgsGeometry()
            if blob is not None:
                geometry.fromWkb(blob)
            if blob is None or geometry.isEmpty() or not geometry.isGeosValid():
                index.repair(fid)
                continue
            valid.add(fid)
        if hasattr(source, "mark_valid"):
            source.mark_valid([fid])


def overlap_chunk(index, chunk, accept=None, candidates=None):
    """``[(hits, moments) or None]`` for the plots of ``chunk`` against the layer of ``index`` (see
    the module docstring); ``candidates``: ``(plot row, fid)`` of its candidate features, if known."""
    count = len(chunk)
    results = [None] * count
    pair_plot, flat = _candidates(index, chunk, accept, candidates)
    if not len(flat):
        return [([], np.zeros(overlap_area.MOMENTS)) for _ in range(count)]
    unique, position = np.unique(flat, return_inverse=True)
    origin = chunk.origin
    parcels = _features(index, unique, origin)
    parcel_grid = FeatureEdges(parcels)
    usable = parcels.ok.copy()
    if index.repairs:
        usable &= np.fromiter((fid not in index.repairs for fid in unique.tolist()), dtype=bool, count=len(unique))
    plots = chunk.polygons
    fine = usable[position] & plots.ok[pair_plot]
    moments = np.zeros((len(flat), overlap_area.MOMENTS))
    degenerate = ~fine
    at = np.flatnonzero(fine)
    contact = np.zeros(len(at), dtype=bool)
    moments[at], degenerate[at] = overlap_area.pair_overlaps(plots, parcels, pair_plot[at], position[at],
                                                             chunk.centre_x, chunk.centre_y, chunk.grid,
                                                             parcel_grid, contact=contact)
    # validity matters only for the features a plot comes near (the others lie apart from it, valid
    # or not); a feature found invalid leaves its plots to GEOS, which measures the repaired shape
    relevant = np.zeros(len(unique), dtype=bool)
    relevant[position[at[contact]]] = True
    _validate(index, parcels, unique, relevant)
    if index.repairs:
        broken = np.fromiter((fid in index.repairs for fid in unique.tolist()), dtype=bool, count=len(unique))
        degenerate |= broken[position]
    by_geos = (np.bincount(pair_plot[degenerate], minlength=count) > 0) | ~plots.ok
    hit = (moments[:, 0] > 0.0) & ~degenerate
    total = np.zeros((count, overlap_area.MOMENTS))
    for column in range(overlap_area.MOMENTS):
        total[:, column] = np.bincount(pair_plot[hit], weights=moments[hit, column], minlength=count)
    # hits of one plot whose boxes meet may share area: inclusion–exclusion (module docstring)
    hit_at = np.flatnonzero(hit)
    meet_i, meet_j = overlapping_boxes(pair_plot[hit_at], parcels.box[position[hit_at]])
    meet_i, meet_j = hit_at[meet_i], hit_at[meet_j]
    if len(meet_i):
        first, second = position[meet_i], position[meet_j]
        # does the pair of features share area?  numpy first, GEOS only where it may
        pairs_of_features = np.unique(np.column_stack((first, second)), axis=0)
        shares, touching = overlap_area.pair_shares(parcels, parcels, pairs_of_features[:, 0],
                                                    pairs_of_features[:, 1], parcel_grid, parcel_grid)
        maybe = shares | touching
        # the others' shapes do not meet at all (no area, no touching): kept for the live checks
        low, high = unique[pairs_of_features[~maybe, 0]], unique[pairs_of_features[~maybe, 1]]
        index.apart.update(zip(np.minimum(low, high).tolist(), np.maximum(low, high).tolist()))
        kind = {(a, b): 1 for a, b in pairs_of_features[shares & ~touching].tolist()}
        kind.update({(a, b): 2 for a, b in pairs_of_features[touching].tolist()})
        if kind:
            which = np.fromiter((kind.get(key, 0) for key in zip(first.tolist(), second.tolist())), dtype=np.int64,
                                count=len(first))
            _third_order(pair_plot, meet_i[which > 0], meet_j[which > 0], by_geos)
            # sharing area: P ∩ A ∩ B measured in numpy; touching (not in general position): GEOS
            _subtract_common(chunk, parcels, parcel_grid, position, pair_plot, meet_i[which == 1],
                             meet_j[which == 1], total, by_geos)
            _subtract_shared(index, chunk, unique, position, pair_plot, meet_i[which == 2], meet_j[which == 2],
                             total, by_geos)
    hit_list = hit.tolist()
    flat_list = flat.tolist()
    ends = np.cumsum(np.bincount(pair_plot, minlength=count)).tolist()
    begin = 0
    for number in range(count):
        end = ends[number]
        if not by_geos[number]:
            hits = [fid for fid, is_hit in zip(flat_list[begin:end], hit_list[begin:end]) if is_hit]
            results[number] = (hits, total[number])
        begin = end
    return results


def _third_order(pair_plot, meet_i, meet_j, by_geos):
    """A feature sharing area with two others of one plot: a third-order overlap needs those two to
    share too; such plots go to GEOS (``by_geos``)."""
    involved = np.bincount(np.concatenate((meet_i, meet_j)), minlength=len(pair_plot))
    if not (involved > 1).any():
        return
    sharing = set(zip(meet_i.tolist(), meet_j.tolist()))
    partners = {}
    for a, b in sharing:
        partners.setdefault(a, []).append(b)
        partners.setdefault(b, []).append(a)
    for k in np.flatnonzero(involved > 1).tolist():
        around = sorted(partners[k])
        if any((a, b) in sharing for n, a in enumerate(around) for b in around[n + 1:]):
            by_geos[pair_plot[k]] = True


def _subtract(total, owner, moments):
    for column in range(overlap_area.MOMENTS):
        total[:, column] -= np.bincount(owner, weights=moments[:, column], minlength=len(total))


def _subtract_common(chunk, parcels, parcel_edges, position, pair_plot, meet_i, meet_j, total, by_geos):
    """Subtract from ``total`` the part inside each plot of the area its hits ``meet_i``, ``meet_j``
    share, measured in numpy (``overlap_area.triple_overlaps``); not in general position: GEOS."""
    if not len(meet_i):
        return
    owner = pair_plot[meet_i]
    common, flagged = overlap_area.triple_overlaps(chunk.polygons, parcels, owner, position[meet_i],
                                                   position[meet_j], chunk.centre_x, chunk.centre_y, chunk.grid,
                                                   parcel_edges)
    by_geos |= np.bincount(owner[flagged], minlength=len(total)) > 0
    _subtract(total, owner[~flagged], common[~flagged])


def _subtract_shared(index, chunk, unique, position, pair_plot, meet_i, meet_j, total, by_geos):
    """Subtract from ``total`` the part inside each plot of the area shared by its hits ``meet_i``,
    ``meet_j`` that touch (A ∩ B from GEOS, cached: usually no area at all); plots where GEOS fails
    go to ``by_geos``."""
    if not len(meet_i):
        return
    fid_a, fid_b = unique[position[meet_i]], unique[position[meet_j]]
    shared_wkb = [index._shared_area(a, b) for a, b in zip(fid_a.tolist(), fid_b.tolist())]
    failed = np.fromiter((blob is False for blob in shared_wkb), dtype=bool, count=len(shared_wkb))
    count = len(total)
    by_geos |= np.bincount(pair_plot[meet_i[failed]], minlength=count) > 0
    at = np.flatnonzero(np.fromiter((isinstance(blob, bytes) for blob in shared_wkb), dtype=bool,
                                    count=len(shared_wkb)))
    if not len(at):
        return
    pieces = from_wkb([shared_wkb[k] for k in at.tolist()], chunk.origin)
    owner = pair_plot[meet_i[at]]
    by_geos |= np.bincount(owner[~pieces.ok], minlength=count) > 0
    readable = np.flatnonzero(pieces.ok)
    common, flagged = overlap_area.pair_overlaps(chunk.polygons, pieces, owner[readable], readable, chunk.centre_x,
                                                 chunk.centre_y, chunk.grid)
    by_geos |= np.bincount(owner[readable][flagged], minlength=count) > 0
    _subtract(total, owner[readable], common)


def overlap_many(index, blobs, boxes, accept=None, feedback=None, most=CHUNK_PLOTS):
    """``overlap_chunk`` over a whole batch (chunked here): ``[(hits, moments) or None]`` in the order
    of ``blobs``/``boxes`` (plot WKB, (n, 4) boxes); None when canceled."""
    results = [None] * len(blobs)
    sizes = [max(1, math.ceil(len(blob) / 16)) for blob in blobs]
    for positions in PlotChunk.chunks(boxes, sizes, most):
        if feedback is not None and feedback.isCanceled():
            return None
        chunk = PlotChunk([blobs[k] for k in positions], np.asarray(boxes, dtype=np.float64)[positions])
        for k, found in zip(positions, overlap_chunk(index, chunk, accept)):
            results[k] = found
    return results
