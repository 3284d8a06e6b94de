"""Fast spatial index of an unedited GeoPackage constraint layer: the file's own R-tree, geometries read when asked for.

Building a ``QgsSpatialIndex`` with stored geometries reads every feature through the provider
into a ``QgsFeature`` (about 4 µs each, 4 s for a million basic-farmland parcels), although a
batch check touches only the features near its plots.  For a GeoPackage layer read as it is on
disk (no edit buffer, no subset string, the plots' CRS) this reads only the bounding boxes from
the GeoPackage's own R-tree table (in C, through GDAL's Arrow stream), files them in a numpy grid,
and reads the WKB of just the features a check asks for (``prefetch``: those near a batch's plots,
in one read; a live check's few on demand), kept for the next checks.  Any other layer keeps the
``QgsSpatialIndex`` path (``available`` says which).
"""
import math
import os
import threading

import numpy as np
from qgis.core import QgsGeometry, QgsProviderRegistry

from .polygons import _expand

ARROW_BATCH = 8192             # features an Arrow batch of a read


def gpkg_location(source, target_crs):
    """``(path, layer name)`` when ``source`` (a layer or ``LayerSource``) may be read from disk
    directly, else None: an OGR GeoPackage layer without subset string, without pending edits, in
    ``target_crs``."""
    try:
        provider = source.providerType()
        uri = source.source()
        modified = source.isModified()
        subset = source.subsetString()
    except (AttributeError, RuntimeError):
        return None
    if provider != "ogr" or modified or subset:
        return None
    if source.sourceCrs() != target_crs:
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", uri)
    path, name = parts.get("path") or "", parts.get("layerName") or ""
    if parts.get("subset") or not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return None
    return path, name


class GpkgIndex:
    """``intersects(rectangle)`` and ``geometry(fid)`` of a GeoPackage layer, like a
    ``QgsSpatialIndex`` with stored geometries (see the module docstring)."""

    # a read of more than this share of the layer streams the whole table (and keeps what it needs):
    # sqlite answers ``fid IN (…)`` at about a quarter of the speed of a plain scan a row
    SCAN_SHARE = 0.2

    def __init__(self, path, layer_name="", feedback=None):
        from osgeo import gdal
        self.path, self.layer_name = path, layer_name
        dataset = self._open()
        layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
        if layer is None:
            raise ValueError(f"{path}: no layer '{layer_name}'")
        table = layer.GetName()
        geometry_column = layer.GetGeometryColumn()
        self._fid_column = layer.GetFIDColumn() or "fid"
        self._lock = threading.Lock()
        # the WKB read so far: blocks of bytes, and per fid (sorted) its block, offset and length
        self._blocks = []
        self._wkb_fids = np.empty(0, np.int64)
        self._wkb_block = np.empty(0, np.int64)
        self._wkb_offsets = np.empty(0, np.int64)
        self._wkb_lengths = np.empty(0, np.int64)
        self.bytes_read = 0
        # the R-tree the GeoPackage keeps of the same features (empty and null geometries left out)
        rtree = '"' + f"rtree_{table}_{geometry_column}".replace('"', '""') + '"'
        result = dataset.ExecuteSQL(f"SELECT id, minx, maxx, miny, maxy FROM {rtree}")
        if result is None:
            raise ValueError(f"{path}: cannot read the R-tree {rtree} ({gdal.GetLastErrorMsg()})")
        columns = {"id": [], "minx": [], "maxx": [], "miny": [], "maxy": []}
        try:
            for batch in result.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=NO"]):
                if feedback is not None and feedback.isCanceled():
                    break
                for key in columns:
                    columns[key].append(batch[key])
        finally:
            dataset.ReleaseResultSet(result)
        dataset = None
        self.canceled = bool(feedback is not None and feedback.isCanceled())
        arrays = {key: (np.concatenate(value) if value else np.empty(0)) for key, value in columns.items()}
        self.bytes_read += sum(array.nbytes for array in arrays.values())
        self._build_grid(arrays["id"].astype(np.int64), arrays["minx"], arrays["miny"], arrays["maxx"],
                         arrays["maxy"])

    def _open(self):
        from osgeo import gdal
        # return values, not gdal.UseExceptions(): that switch is process-wide
        dataset = gdal.OpenEx(self.path, gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"])
        if dataset is None:
            raise ValueError(f"{self.path}: GDAL cannot open it ({gdal.GetLastErrorMsg()})")
        return dataset

    def prefetch(self, fids):
        """Read the WKB of those of ``fids`` not read yet (one read for all of them)."""
        fids = np.unique(np.asarray(fids, dtype=np.int64))
        with self._lock:
            if len(self._wkb_fids):
                at = np.minimum(np.searchsorted(self._wkb_fids, fids), len(self._wkb_fids) - 1)
                fids = fids[self._wkb_fids[at] != fids]
            if not len(fids):
                return
            dataset = self._open()
            layer = dataset.GetLayerByName(self.layer_name) if self.layer_name else dataset.GetLayer(0)
            definition = layer.GetLayerDefn()
            layer.SetIgnoredFields([definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())])
            scan = len(fids) > self.SCAN_SHARE * max(self._count, 1)
            batches = [None] if scan else [fids[k:k + 50_000] for k in range(0, len(fids), 50_000)]
            for part in batches:
                layer.SetAttributeFilter(None if part is None else
                                         f'"{self._fid_column}" IN ({",".join(map(str, part.tolist()))})')
                # small Arrow batches: the memory a batch takes stays small next to what is kept
                for batch in layer.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=NO",
                                                                  f"MAX_FEATURES_IN_BATCH={ARROW_BATCH}"]):
                    batch_fids = np.asarray(batch[layer.GetFIDColumn() or "OGC_FID"], dtype=np.int64)
                    batch_blobs = batch[layer.GetGeometryColumn()]
                    if scan:
                        keep = np.flatnonzero(np.isin(batch_fids, fids, assume_unique=True))
                        batch_fids, batch_blobs = batch_fids[keep], batch_blobs[keep]
                    if len(batch_fids):
                        self._add(batch_fids, batch_blobs.tolist())
            dataset = None

    def _add(self, fids, blob_list):
        """File ``blob_list`` (WKB of ``fids``, none of them filed yet) as a new block."""
        try:
            lengths = np.array(list(map(len, blob_list)), dtype=np.int64)
            joined = b"".join(blob_list)
        except TypeError:            # null geometries
            lengths = np.fromiter((len(blob) if blob is not None else 0 for blob in blob_list), dtype=np.int64,
                                  count=len(blob_list))
            joined = b"".join(blob for blob in blob_list if blob is not None)
        self.bytes_read += len(joined)
        block = len(self._blocks)
        self._blocks.append(np.frombuffer(joined, dtype=np.uint8))
        # merged into the sorted arrays (inserting keeps this linear: many small blocks arrive in a row)
        offsets = np.cumsum(lengths) - lengths
        order = np.argsort(fids, kind="stable")
        fids, lengths, offsets = fids[order], lengths[order], offsets[order]
        at = np.searchsorted(self._wkb_fids, fids)
        self._wkb_fids = np.insert(self._wkb_fids, at, fids)
        self._wkb_block = np.insert(self._wkb_block, at, np.full(len(fids), block, np.int64))
        self._wkb_offsets = np.insert(self._wkb_offsets, at, offsets)
        self._wkb_lengths = np.insert(self._wkb_lengths, at, lengths)

    @staticmethod
    def available(path, layer_name=""):
        """True when the GeoPackage layer has the R-tree this index reads."""
        from osgeo import gdal
        try:
            dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"])
            layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
            if layer is None or not layer.GetGeometryColumn():
                return False
            name = f"rtree_{layer.GetName()}_{layer.GetGeometryColumn()}"
            found = dataset.ExecuteSQL(f"SELECT name FROM sqlite_master WHERE name = '{name.replace(chr(39), '')}'")
            try:
                return found.GetFeatureCount() > 0
            finally:
                dataset.ReleaseResultSet(found)
        except Exception:  # noqa: BLE001 - not readable this way: the caller takes the usual path
            return False

    def _build_grid(self, ids, x_min, y_min, x_max, y_max):
        count = len(ids)
        self._count = count
        if count == 0:
            self._cell = 1.0
            self._keys = np.empty(0, np.int64)
            return
        # R-tree boxes are float32, rounded outwards: widen by a hair more to stay conservative
        sizes = np.maximum(x_max - x_min, y_max - y_min)
        extent_x0, extent_y0 = float(x_min.min()), float(y_min.min())
        width, height = float(x_max.max()) - extent_x0, float(y_max.max()) - extent_y0
        cell = max(float(np.percentile(sizes, 99)), math.sqrt(max(width * height, 1.0) / count) * 2.0, 1e-9)
        big = sizes > cell
        self._big = (ids[big], x_min[big], y_min[big], x_max[big], y_max[big])
        small = ~big
        ids, x_min, y_min, x_max, y_max = ids[small], x_min[small], y_min[small], x_max[small], y_max[small]
        self._cell, self._x0, self._y0 = cell, extent_x0, extent_y0
        self._columns = int(width // cell) + 2
        self._rows = int(height // cell) + 2
        column = ((x_min + x_max) / 2 - extent_x0) // cell
        row = ((y_min + y_max) / 2 - extent_y0) // cell
        keys = (row * self._columns + column).astype(np.int64)
        order = np.argsort(keys, kind="stable")
        self._keys = keys[order]
        self._ids = ids[order]
        self._x_min, self._y_min = x_min[order], y_min[order]
        self._x_max, self._y_max = x_max[order], y_max[order]

    def __len__(self):
        return self._count

    def intersects(self, rectangle):
        """Ids of the features whose bounding box meets ``rectangle`` (a QgsRectangle)."""
        if not self._count:
            return []
        rx0, ry0 = rectangle.xMinimum(), rectangle.yMinimum()
        rx1, ry1 = rectangle.xMaximum(), rectangle.yMaximum()
        cell = self._cell
        # a small feature's box centre lies within half a cell of any rectangle its box meets
        c0 = max(int((rx0 - cell / 2 - self._x0) // cell), 0)
        c1 = min(int((rx1 + cell / 2 - self._x0) // cell), self._columns - 1)
        r0 = max(int((ry0 - cell / 2 - self._y0) // cell), 0)
        r1 = min(int((ry1 + cell / 2 - self._y0) // cell), self._rows - 1)
        found = []
        if c0 <= c1 and r0 <= r1 and r1 - r0 < 4:
            # a few rows: scan the keys from the first cell to the last in one slice (the cells of
            # other columns in between cost less to filter in numpy than separate slices per row)
            low = int(self._keys.searchsorted(r0 * self._columns + c0, "left"))
            high = int(self._keys.searchsorted(r1 * self._columns + c1, "right"))
            if high > low:
                keep = ((self._x_min[low:high] <= rx1) & (self._x_max[low:high] >= rx0)
                        & (self._y_min[low:high] <= ry1) & (self._y_max[low:high] >= ry0))
                found = self._ids[low:high][keep].tolist()
        elif c0 <= c1 and r0 <= r1:
            starts = np.arange(r0, r1 + 1, dtype=np.int64) * self._columns
            lows = np.searchsorted(self._keys, starts + c0, "left")
            highs = np.searchsorted(self._keys, starts + c1, "right")
            spans = [np.arange(low, high) for low, high in zip(lows.tolist(), highs.tolist()) if high > low]
            if spans:
                at = np.concatenate(spans) if len(spans) > 1 else spans[0]
                keep = ((self._x_min[at] <= rx1) & (self._x_max[at] >= rx0)
                        & (self._y_min[at] <= ry1) & (self._y_max[at] >= ry0))
                found = self._ids[at[keep]].tolist()
        ids, x_min, y_min, x_max, y_max = self._big
        if len(ids):
            keep = (x_min <= rx1) & (x_max >= rx0) & (y_min <= ry1) & (y_max >= ry0)
            found.extend(ids[keep].tolist())
        return found

    def intersects_many(self, boxes):
        """``intersects`` of many rectangles at once: ``boxes`` is an (n, 4) array of
        (x_min, y_min, x_max, y_max); returns ``(owner, ids)``, the row of ``boxes`` and the id of
        each hit, ordered by row."""
        boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
        if not self._count or not len(boxes):
            return np.empty(0, np.int64), np.empty(0, np.int64)
        rx0, ry0, rx1, ry1 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
        cell = self._cell
        c0 = np.clip((rx0 - cell / 2 - self._x0) // cell, 0, None).astype(np.int64)
        c1 = np.clip((rx1 + cell / 2 - self._x0) // cell, None, self._columns - 1).astype(np.int64)
        r0 = np.clip((ry0 - cell / 2 - self._y0) // cell, 0, None).astype(np.int64)
        r1 = np.clip((ry1 + cell / 2 - self._y0) // cell, None, self._rows - 1).astype(np.int64)
        rows = np.where((c0 <= c1) & (r0 <= r1), r1 - r0 + 1, 0)
        # one key range per (rectangle, grid row)
        span_owner = np.repeat(np.arange(len(boxes)), rows)
        span_row = r0[span_owner] + (np.arange(int(rows.sum())) - np.repeat(np.cumsum(rows) - rows, rows))
        lows = np.searchsorted(self._keys, span_row * self._columns + c0[span_owner], "left")
        highs = np.searchsorted(self._keys, span_row * self._columns + c1[span_owner], "right")
        sizes = highs - lows
        owner = np.repeat(span_owner, sizes)
        at = np.repeat(lows - (np.cumsum(sizes) - sizes), sizes) + np.arange(int(sizes.sum()))
        keep = ((self._x_min[at] <= rx1[owner]) & (self._x_max[at] >= rx0[owner])
                & (self._y_min[at] <= ry1[owner]) & (self._y_max[at] >= ry0[owner]))
        owner, ids = owner[keep], self._ids[at[keep]]
        big_ids, x_min, y_min, x_max, y_max = self._big
        if len(big_ids):
            hit = ((x_min[None, :] <= rx1[:, None]) & (x_max[None, :] >= rx0[:, None])
                   & (y_min[None, :] <= ry1[:, None]) & (y_max[None, :] >= ry0[:, None]))
            big_owner, big_at = np.nonzero(hit)
            owner = np.concatenate((owner, big_owner))
            ids = np.concatenate((ids, big_ids[big_at]))
            order = np.argsort(owner, kind="stable")
            owner, ids = owner[order], ids[order]
        return owner, ids

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
            used = np.unique(blocks[found])
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
