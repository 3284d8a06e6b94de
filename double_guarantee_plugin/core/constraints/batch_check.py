# SPDX-License-Identifier: GPL-2.0-or-later
"""The areas of all plots of a batch check and their overlaps with every vector layer, measured together.

``measure_plots`` cuts the plots into chunks of nearby plots (``batch.PlotChunk``), asks each
layer's database for the candidate features near all plots and reads them in one go (``sql_index``),
and per chunk measures the
plots' own ellipsoidal areas and their overlaps with each layer from planar moments
(``batch.overlap_chunk``, ``ellipsoid.GaussKruger``).  Before trusting the model it compares it with
``QgsDistanceArea`` on the first plots; where they differ (a CRS the model does not know, another
QGIS measuring otherwise) every area is measured by QGIS instead, plot by plot.  A plot the numpy
path leaves out (``None`` from ``overlap_chunk``) is measured by GEOS and QGIS in the engine.
"""
import numpy as np

from .batch import PlotChunk, overlap_chunk
from .ellipsoid import GaussKruger
from .status import ROLE_LAND_SURVEY
from .validity import strictly_valid

SELF_CHECK_PLOTS = 8
SELF_CHECK_M2 = 1e-3          # model against QgsDistanceArea: absolute (plus SELF_CHECK_RELATIVE × area)
SELF_CHECK_RELATIVE = 2e-9


def _candidates(index, boxes, chunks):
    """Per chunk, ``(pair_plot, fid)`` of the layer's features whose boxes meet its plots' boxes
    (rows of the chunk), found for all plots in one query and read in one go, when the layer is read
    from its database (``sql_index``); else None (each chunk asks the index itself)."""
    source = index.index
    if index.overlay or not hasattr(source, "prefetch"):
        return None
    owner, fids = source.intersects_many(boxes)
    if len(fids):
        source.prefetch(fids)
    chunk_of = np.empty(len(boxes), np.int64)
    local = np.empty(len(boxes), np.int64)
    for number, positions in enumerate(chunks):
        chunk_of[positions] = number
        local[positions] = np.arange(len(positions))
    order = np.argsort(chunk_of[owner], kind="stable")
    owner, fids = owner[order], fids[order]
    bounds = np.searchsorted(chunk_of[owner], np.arange(len(chunks) + 1))
    return [(local[owner[bounds[k]:bounds[k + 1]]], fids[bounds[k]:bounds[k + 1]]) for k in range(len(chunks))]


def model_agrees(areas, geometries, measure):
    """True when the model's areas of the first (valid) plots equal ``QgsDistanceArea``'s."""
    for number in range(min(SELF_CHECK_PLOTS, len(geometries))):
        exact = measure.area_m2(geometries[number])
        if abs(areas[number] - exact) > SELF_CHECK_M2 + SELF_CHECK_RELATIVE * exact:
            return False
    return True


def measure_plots(prepared, plots, crs, measure, feedback=None, trusted=None):
    """``(areas, measured, unproven)`` of ``plots`` (``ConstraintEngine._prepare_plot`` tuples, their
    geometries not validated): each plot's ellipsoidal area (0 without a usable geometry),
    ``{position in prepared: (hits, overlap m²)}`` of the layers measured here, and the set of the
    plots numpy could not show valid (for GEOS to test and repair, then measured one by one); None
    when canceled.  ``trusted``: a dict remembering, per CRS, whether the model agreed with QGIS
    (asked once per CRS and engine, not on every live check).

    One chunk at a time, in this thread: two threads measured no faster on the 2-core bench
    machine (the Python between numpy's loops holds the GIL), and neither did half the chunks in a
    forked process (the machine's other users took the second core: the kernel's autogroup
    scheduling gives a session's processes one share), while each chunk in flight holds ~80 MiB."""
    count = len(plots)
    areas = [0.0] * count
    measured = [{} for _plot in plots]
    usable = [number for number, plot in enumerate(plots) if plot[0] is not None]
    model = GaussKruger.for_crs(crs)
    if not usable or model is None:
        return areas, measured, set(usable)
    layers = [(position, resolved, index) for position, (resolved, index) in enumerate(prepared)
              if index is not None and not resolved.problem and resolved.entry.role != ROLE_LAND_SURVEY]
    rectangles = [plots[number][4] for number in usable]
    boxes = np.array([(r.xMinimum(), r.yMinimum(), r.xMaximum(), r.yMaximum()) for r in rectangles],
                     dtype=np.float64).reshape(-1, 4)
    blobs = [bytes(plots[number][0].asWkb()) for number in usable]
    sizes = [max(1, len(blob) // 16) for blob in blobs]
    chunks = PlotChunk.chunks(boxes, sizes)
    candidates = {position: _candidates(index, boxes, chunks) for position, _resolved, index in layers}
    key = crs.authid() or crs.toWkt()
    verdict = trusted.get(key) if trusted is not None else None

    def chunk_of(done):
        """One chunk measured: ``(numbers, its plots' model areas, valid flags, layer results)``."""
        positions = chunks[done]
        chunk = PlotChunk([blobs[k] for k in positions], boxes[positions])
        valid = strictly_valid(chunk.polygons)
        centre_x = chunk.centre_x + chunk.origin[0]
        centre_y = chunk.centre_y + chunk.origin[1]
        coefficients = model.coefficients(centre_x, centre_y)
        chunk_areas = model.ellipsoidal_m2(chunk.moments(), centre_x, centre_y, coefficients)
        found = {}
        if valid.any() and verdict is not False:
            for position, resolved, index in layers:
                result = overlap_chunk(index, chunk, resolved.accept,
                                       candidates[position][done] if candidates[position] is not None else None)
                rows = [k for k, item in enumerate(result) if item is not None]
                if rows:
                    moments = np.array([result[k][1] for k in rows])
                    picked = tuple(np.asarray(value)[rows] for value in coefficients)
                    overlaps = model.ellipsoidal_m2(moments, centre_x[rows], centre_y[rows], picked)
                    found[position] = [(k, result[k][0], area) for k, area in zip(rows, overlaps.tolist())]
        return [usable[k] for k in positions], chunk_areas, valid, found

    # the model is checked against QgsDistanceArea on the first valid plots before anything else
    if verdict is None:
        for positions in chunks:
            chunk = PlotChunk([blobs[k] for k in positions], boxes[positions])
            valid = strictly_valid(chunk.polygons)
            if valid.any():
                shown = np.flatnonzero(valid)
                centre_x, centre_y = chunk.centre_x + chunk.origin[0], chunk.centre_y + chunk.origin[1]
                chunk_areas = model.ellipsoidal_m2(chunk.moments()[shown], centre_x[shown], centre_y[shown])
                verdict = model_agrees(chunk_areas, [plots[usable[positions[k]]][0] for k in shown.tolist()],
                                       measure)
                if trusted is not None:
                    trusted[key] = verdict
                break
    if verdict is False:
        # the model is not QGIS's measure here: QGIS measures every area (the plots, the overlaps)
        return areas, measured, set(usable)
    unproven = set()

    def take(result):
        numbers, chunk_areas, valid, found = result
        unproven.update(number for number, ok in zip(numbers, valid.tolist()) if not ok)
        for number, area in zip(numbers, chunk_areas.tolist()):
            areas[number] = area
        for position, rows in found.items():
            for k, hits, area in rows:
                measured[numbers[k]][position] = (hits, area if hits else 0.0)

    for done in range(len(chunks)):
        if feedback is not None and feedback.isCanceled():
            return None
        take(chunk_of(done))
        if feedback is not None:
            feedback.setProgress(50.0 * (done + 1) / len(chunks))
    return areas, measured, unproven
