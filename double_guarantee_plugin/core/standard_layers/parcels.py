# SPDX-License-Identifier: GPL-2.0-or-later
"""The parcels of a recognised standard layer under a plot, with their standard attributes.

A ``ParcelIndex`` holds one layer's features (geometry and the standard fields the plugin reads:
KCXS, GDPDJB, GDDB, GDDJ, TBXHDM, WDGD, the ids …) in a spatial index, and answers
``pieces(plot geometry)``: each parcel the plot covers, its attributes by field key and the
ellipsoidal area (CGCS2000) of the covered piece.  Personal fields are never read.

Threads: ``ParcelIndex(layer, …)`` takes a ``QgsVectorLayerFeatureSource`` of the layer (do that
on the main thread); the index itself is built on the first query, in whatever thread asks.
``REGISTRY`` keeps one index per layer and field set and drops it when the layer signals an
edit, a commit, a reload or its removal (direct connections: the drop happens at once).
"""
import functools
import threading
from dataclasses import dataclass

from qgis.core import (QgsCoordinateTransform, QgsCoordinateTransformContext, QgsFeatureRequest, QgsGeometry,
                       QgsSpatialIndex, QgsVectorLayerFeatureSource)
from qgis.PyQt.QtCore import Qt

from ..area import EllipsoidalArea
from .personal import is_personal_field

# what a piece smaller than this is (m²): touching edges, not covering
MIN_PIECE_M2 = 0.01
COVERED_CACHE_SIZE = 50_000   # plots whose parcels are remembered (a county's projects, several times over)

_STALE_SIGNALS = ("dataChanged", "committedFeaturesAdded", "committedFeaturesRemoved", "committedGeometriesChanges",
                  "committedAttributeValuesChanges", "afterRollBack", "dataSourceChanged", "subsetStringChanged",
                  "crsChanged", "willBeDeleted", "geometryChanged", "attributeValueChanged", "featureAdded",
                  "featureDeleted")


@dataclass
class Piece:
    """One parcel under a plot: its feature id, standard attributes by key, and the covered area."""
    fid: int
    attributes: dict
    area_m2: float

    def get(self, key):
        return self.attributes.get(key)


def _plain(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


class ParcelIndex:
    """One recognised layer's parcels with the standard fields ``keys`` (field key → field name)."""

    def __init__(self, layer, fields):
        # personal fields are never read, whatever a caller asks for
        self.fields = {key: name for key, name in fields.items()
                       if name and layer.fields().indexOf(name) >= 0 and not is_personal_field(name)}
        self.layer_id = layer.id()
        self.name = layer.name()
        self.crs = layer.crs()
        self._source = QgsVectorLayerFeatureSource(layer)
        self._layer_fields = layer.fields()
        self._lock = threading.Lock()
        self._index = None
        self._attributes = {}      # fid -> {field key: value}, read when first asked for
        self._covered_cache = {}   # plot WKB (in the plots' CRS) -> [(fid, m²)]; the index is per layer state
        self._measure = None

    def _build(self):
        """The spatial index (geometries only: attributes are read for the parcels a plot covers)."""
        with self._lock:
            if self._index is not None:
                return
            if self._source is None:
                self._index = QgsSpatialIndex()
                return
            request = QgsFeatureRequest().setNoAttributes()
            # bulk loading: several times faster than adding 50,000 features one by one
            self._index = QgsSpatialIndex(self._source.getFeatures(request), None,
                                          QgsSpatialIndex.Flag.FlagStoreFeatureGeometries)
            self._measure = EllipsoidalArea(self.crs, QgsCoordinateTransformContext())

    def release(self):
        """Let go of the layer's feature source (the layer changed or is deleted); queries then find nothing."""
        with self._lock:
            self._source = None
            if self._index is None:
                self._index = QgsSpatialIndex()

    def attributes_of(self, fids):
        """``{fid: {field key: value}}`` of ``fids`` (read once, by id, without geometry; then cached)."""
        fids = [fid for fid in fids if fid is not None]
        with self._lock:
            missing = [fid for fid in fids if fid not in self._attributes]
            if missing and self._source is not None:
                request = QgsFeatureRequest().setFilterFids(missing).setFlags(QgsFeatureRequest.Flag.NoGeometry)
                request.setSubsetOfAttributes(list(self.fields.values()), self._layer_fields)
                for feature in self._source.getFeatures(request):
                    self._attributes[feature.id()] = {key: _plain(feature[name]) for key, name in self.fields.items()}
            return {fid: self._attributes.get(fid, {}) for fid in fids}

    def pieces(self, geometry, crs=None, transform_context=None):
        """``[Piece]`` of the parcels ``geometry`` (in ``crs``, default the layer's) covers, by fid."""
        return self.pieces_many([geometry], crs, transform_context)[0]

    def pieces_many(self, geometries, crs=None, transform_context=None):
        """``[[Piece]]`` for each of ``geometries``; the attributes of all their parcels read in one request."""
        self._build()
        transform = None
        if crs is not None and crs.isValid() and crs != self.crs:
            transform = QgsCoordinateTransform(crs, self.crs, transform_context or QgsCoordinateTransformContext())
        covered = []
        for geometry in geometries:
            # a plot not redrawn since the last check covers the same parcels: measured once
            key = (crs.authid() if crs is not None else "",
                   bytes(geometry.asWkb()) if geometry is not None and not geometry.isNull() else b"")
            found = self._covered_cache.get(key)
            if found is None:
                found = self._covered(geometry, transform)
                if len(self._covered_cache) >= COVERED_CACHE_SIZE:
                    self._covered_cache.clear()
                self._covered_cache[key] = found
            covered.append(found)
        attributes = self.attributes_of(sorted({fid for found in covered for fid, _area in found}))
        return [[Piece(fid, attributes.get(fid, {}), area) for fid, area in found] for found in covered]

    def _covered(self, geometry, transform):
        """``[(fid, ellipsoidal m²)]`` of the parcels one plot covers."""
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return []
        plot = QgsGeometry(geometry)
        if transform is not None:
            plot.transform(transform)
        if not plot.isGeosValid():
            plot = plot.makeValid()
        engine = QgsGeometry.createGeometryEngine(plot.constGet())
        engine.prepareGeometry()
        covered = []
        for fid in sorted(self._index.intersects(plot.boundingBox())):
            parcel = self._index.geometry(fid)
            if parcel is None or parcel.isEmpty() or not engine.intersects(parcel.constGet()):
                continue
            if not parcel.isGeosValid():
                parcel = parcel.makeValid()
            piece = plot.intersection(parcel)
            area = self._measure.area_m2(piece) if piece is not None and not piece.isEmpty() else 0.0
            if area > MIN_PIECE_M2:
                covered.append((fid, area))
        return covered


class ParcelRegistry:
    """One ParcelIndex per (layer, field set), dropped when the layer changes."""

    def __init__(self):
        self._indexes = {}
        self._watched = {}
        self._lock = threading.Lock()

    def get(self, layer, fields):
        key = (layer.id(), tuple(sorted(fields.items())))
        with self._lock:
            index = self._indexes.get(key)
            if index is None:
                index = ParcelIndex(layer, fields)
                self._indexes[key] = index
                self._watch(layer)
            return index

    def _watch(self, layer):
        layer_id = layer.id()
        if layer_id in self._watched:
            return
        # connected once per layer for its lifetime (never disconnected from inside a signal)
        slot = functools.partial(self.drop, layer_id)
        for name in _STALE_SIGNALS:
            signal = getattr(layer, name, None)
            if signal is not None:
                signal.connect(lambda *_args, drop=slot: drop(), Qt.ConnectionType.DirectConnection)
        layer.destroyed.connect(functools.partial(self._forget, layer_id), Qt.ConnectionType.DirectConnection)
        self._watched[layer_id] = True

    def drop(self, layer_id):
        """Forget ``layer_id``'s indexes (and let go of their feature sources at once: a source that
        outlives its layer's provider crashes QGIS when it is finally collected)."""
        with self._lock:
            for key in [key for key in self._indexes if key[0] == layer_id]:
                self._indexes.pop(key).release()

    def _forget(self, layer_id):
        self.drop(layer_id)
        with self._lock:
            self._watched.pop(layer_id, None)

    def clear(self):
        for layer_id in list(self._watched):
            self.drop(layer_id)


REGISTRY = ParcelRegistry()
