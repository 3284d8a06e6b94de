# SPDX-License-Identifier: GPL-2.0-or-later
"""A constraint layer's spatial index answered by its database (GeoPackage, PostGIS): boxes queried, geometries read when asked for.

Building a ``QgsSpatialIndex`` with stored geometries reads every feature of the layer (about 4 µs
each through the provider, 4 s for a million basic-farmland parcels; over the network from a
province's PostGIS, the whole table), although a check touches only the features near its plots.
A ``SqlIndex`` asks the database's own spatial index instead (the GeoPackage's R-tree table, a
PostGIS GiST index) for the features whose boxes meet the plots' boxes — for a whole batch in one
query — and reads the WKB of just those features (``prefetch``), kept for the next checks (a live
check then reads nothing).  ``GpkgIndex`` and ``PgIndex`` say how to ask; this class keeps what
was read and answers like a ``QgsSpatialIndex`` with stored geometries.
"""
import threading

import numpy as np
from qgis.core import QgsGeometry

from .polygons import _expand


class SqlIndex:
    """``intersects``, ``intersects_many``, ``geometry`` and ``wkb`` of a layer kept in a database
    (see the module docstring).  Subclasses give ``_boxes(boxes)`` → ``(owner, fids)`` and
    ``_read(fids)`` → ``(fids, buffer, offsets, lengths)`` (the WKB of each fid read, a uint8
    buffer and where each one lies in it)."""

    canceled = False

    def __init__(self):
        self._lock = threading.RLock()
        # the WKB read so far: blocks of bytes, and per fid (sorted) its block, offset and length
        self._blocks = []
        self._wkb_fids = np.empty(0, np.int64)
        self._wkb_block = np.empty(0, np.int64)
        self._wkb_offsets = np.empty(0, np.int64)
        self._wkb_lengths = np.empty(0, np.int64)
        self._wkb_valid = np.empty(0, bool)        # shown valid by a batch (numpy or GEOS)
        self.bytes_read = 0           # WKB and ids received (what a check costs the database)

    # -- queries ---------------------------------------------------------------------------------
    def intersects(self, rectangle):
        """Ids of the features whose bounding box meets ``rectangle`` (a QgsRectangle)."""
        box = np.array([[rectangle.xMinimum(), rectangle.yMinimum(), rectangle.xMaximum(), rectangle.yMaximum()]])
        return self.intersects_many(box)[1].tolist()

    def intersects_many(self, boxes):
        """``intersects`` of many rectangles at once: ``boxes`` is an (n, 4) array of (x_min, y_min,
        x_max, y_max); returns ``(owner, ids)``, the row of ``boxes`` and the id of each hit, ordered
        by row."""
        boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
        if not len(boxes):
            return np.empty(0, np.int64), np.empty(0, np.int64)
        with self._lock:
            owner, fids = self._boxes(boxes)
        owner, fids = np.asarray(owner, dtype=np.int64), np.asarray(fids, dtype=np.int64)
        self.bytes_read += 16 * len(fids)
        order = np.lexsort((fids, owner))
        return owner[order], fids[order]

    # -- geometries ------------------------------------------------------------------------------
    def prefetch(self, fids):
        """Read the WKB of those of ``fids`` not read yet (one query for all of them)."""
        fids = np.unique(np.asarray(fids, dtype=np.int64))
        with self._lock:
            if len(self._wkb_fids):
                at = np.minimum(np.searchsorted(self._wkb_fids, fids), len(self._wkb_fids) - 1)
                fids = fids[self._wkb_fids[at] != fids]
            if not len(fids):
                return
            found, buffer, offsets, lengths = self._read(fids)
            found = np.asarray(found, dtype=np.int64)
            missing = np.setdiff1d(fids, found)
            # features without geometry are filed too (length 0): asked for once, not again
            self._add(np.concatenate((found, missing)), buffer,
                      np.concatenate((np.asarray(offsets, dtype=np.int64), np.zeros(len(missing), np.int64))),
                      np.concatenate((np.asarray(lengths, dtype=np.int64), np.zeros(len(missing), np.int64))))

    @staticmethod
    def joined(blobs):
        """``(buffer, offsets, lengths)`` of a list of byte strings (None: no geometry)."""
        blobs = [blob if blob is not None else b"" for blob in blobs]
        lengths = np.fromiter(map(len, blobs), dtype=np.int64, count=len(blobs))
        return np.frombuffer(b"".join(blobs), dtype=np.uint8), np.cumsum(lengths) - lengths, lengths

    def _add(self, fids, buffer, offsets, lengths):
        """File the WKB of ``fids`` (none of them filed yet), lying in ``buffer``, as a new block."""
        self.bytes_read += int(lengths.sum()) + 8 * len(fids)
        block = len(self._blocks)
        self._blocks.append(buffer)
        order = np.argsort(fids, kind="stable")
        fids, lengths, offsets = fids[order], lengths[order], offsets[order]
        at = np.searchsorted(self._wkb_fids, fids)
        self._wkb_fids = np.insert(self._wkb_fids, at, fids)
        self._wkb_block = np.insert(self._wkb_block, at, np.full(len(fids), block, np.int64))
        self._wkb_offsets = np.insert(self._wkb_offsets, at, offsets)
        self._wkb_lengths = np.insert(self._wkb_lengths, at, lengths)
        self._wkb_valid = np.insert(self._wkb_valid, at, np.zeros(len(fids), bool))

    def known_valid(self, fids):
        """Per fid of ``fids``: True when a batch showed it valid."""
        fids = np.asarray(fids, dtype=np.int64)
        with self._lock:
            if not len(self._wkb_fids):
                return np.zeros(len(fids), bool)
            at = np.minimum(np.searchsorted(self._wkb_fids, fids), len(self._wkb_fids) - 1)
            return self._wkb_valid[at] & (self._wkb_fids[at] == fids)

    def mark_valid(self, fids):
        """Remember that the features ``fids`` (read already) are valid."""
        fids = np.asarray(fids, dtype=np.int64)
        with self._lock:
            if not len(self._wkb_fids) or not len(fids):
                return
            at = np.minimum(np.searchsorted(self._wkb_fids, fids), len(self._wkb_fids) - 1)
            self._wkb_valid[at[self._wkb_fids[at] == fids]] = True

    def wkb_slices(self, fids):
        """``(buffer, offsets, lengths)`` of the WKB of ``fids`` (an int array), read first if need
        be: feature i is ``buffer[offsets[i]:offsets[i] + lengths[i]]``, length 0 when it has none."""
        fids = np.asarray(fids, dtype=np.int64)
        self.prefetch(fids)
        with self._lock:
            known = self._wkb_fids
            if not len(known):
                return np.empty(0, np.uint8), np.zeros(len(fids), np.int64), np.zeros(len(fids), np.int64)
            at = np.minimum(np.searchsorted(known, fids), len(known) - 1)
            found = known[at] == fids
            blocks = self._wkb_block[at]
            offsets = np.where(found, self._wkb_offsets[at], 0)
            lengths = np.where(found, self._wkb_lengths[at], 0)
            used = np.unique(blocks[found & (lengths > 0)])
            if len(used) <= 1:
                buffer = self._blocks[int(used[0])] if len(used) else np.empty(0, np.uint8)
                return buffer, offsets, lengths
            # several blocks: the asked-for pieces gathered into one buffer
            starts = np.cumsum(lengths) - lengths
            buffer = np.empty(int(lengths.sum()), np.uint8)
            for block in used.tolist():
                rows = np.flatnonzero(found & (blocks == block))
                row, step = _expand(lengths[rows])
                buffer[starts[rows][row] + step] = self._blocks[block][offsets[rows][row] + step]
            return buffer, starts, lengths

    def wkb(self, fid):
        """The feature's WKB as read (read first if need be), or None."""
        with self._lock:
            known = self._wkb_fids
            at = int(known.searchsorted(fid))
            if at >= len(known) or known[at] != fid:
                self.prefetch(np.array([fid], dtype=np.int64))
                known = self._wkb_fids
                at = int(known.searchsorted(fid))
                if at >= len(known) or known[at] != fid:
                    return None
            length = int(self._wkb_lengths[at])
            if not length:
                return None
            offset = int(self._wkb_offsets[at])
            return self._blocks[int(self._wkb_block[at])][offset:offset + length].tobytes()

    def geometry(self, fid):
        """The feature's geometry (a new QgsGeometry from its WKB), or None."""
        blob = self.wkb(fid)
        if blob is None:
            return None
        geometry = QgsGeometry()
        geometry.fromWkb(blob)
        return geometry
