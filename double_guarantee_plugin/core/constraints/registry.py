# SPDX-License-Identifier: GPL-2.0-or-later
"""Cached spatial indexes of constraint layers, invalidated when a layer is edited, reloaded or removed.

The ``IndexRegistry`` keeps one index per (layer, target CRS, attribute) and drops it when the
layer signals an edit, a commit, a reload or its removal from the project.  Signals are connected
with ``Qt.DirectConnection`` so the invalidation runs at once in the emitting (main) thread even
when the index was built in a QgsTask's worker thread, which has no event loop.
"""
import functools
import threading

from qgis.core import QgsGeometry, QgsProject
from qgis.PyQt.QtCore import Qt

from .layer_index import LayerIndex
from ..layer_snapshot import LayerSnapshot


# signals of QgsVectorLayer after which a cached index is stale (edits in the buffer are applied in
# place instead: see IndexRegistry._watch)
_INVALIDATING_SIGNALS = (
    "dataChanged", "committedFeaturesAdded", "committedFeaturesRemoved", "committedGeometriesChanges",
    "committedAttributeValuesChanges", "afterRollBack", "dataSourceChanged", "subsetStringChanged",
    "crsChanged", "willBeDeleted",
)


# the engine's name for the shared snapshot class
LayerSource = LayerSnapshot


class IndexRegistry:
    """Process-wide cache of ``LayerIndex`` objects keyed by layer id, target CRS and attribute."""

    def __init__(self, max_layers=16):
        self._lock = threading.RLock()
        self._indexes = {}       # layer_id -> {key: LayerIndex}
        self._watched = set()
        self._project_hooked = False
        self.max_layers = max_layers
        self.builds = 0          # how many indexes were built (tests check that the cache is used)
        self.invalidations = 0
        self.edits = 0           # edits applied in place
        self._generations = {}   # layer_id -> count of edits and invalidations (an index built across one is stale)

    def get(self, layer, source, target_crs, transform_context=None, attribute=None, feedback=None):
        """The cached index of ``layer`` (built from ``source``, a thread-safe snapshot or the layer)."""
        layer_id = layer.id() if layer is not None and hasattr(layer, "id") else ""
        key = (target_crs.authid() or target_crs.toWkt(), attribute or "")
        if layer_id:
            with self._lock:
                cached = self._indexes.get(layer_id, {}).get(key)
                generation = self._generations.get(layer_id, 0)
            if cached is not None:
                return cached
            self._watch(layer)
        index = LayerIndex(source, target_crs, transform_context, attribute, feedback)
        self.builds += 1
        if layer_id and not index.canceled:
            with self._lock:
                if self._generations.get(layer_id, 0) != generation:
                    return index     # the layer changed while this was built: use it once, do not keep it
                if len(self._indexes) >= self.max_layers and layer_id not in self._indexes:
                    self._indexes.pop(next(iter(self._indexes)))
                self._indexes.setdefault(layer_id, {})[key] = index
        return index

    def cached(self, layer_id):
        with self._lock:
            return bool(self._indexes.get(layer_id))

    def invalidate(self, layer_id, *_args):
        with self._lock:
            self._generations[layer_id] = self._generations.get(layer_id, 0) + 1
            if self._indexes.pop(layer_id, None) is not None:
                self.invalidations += 1

    def _layers_removed(self, layer_ids):
        for layer_id in layer_ids:
            self.invalidate(layer_id)

    def clear(self):
        with self._lock:
            self._indexes.clear()

    def _watch(self, layer):
        layer_id = layer.id()
        with self._lock:
            if layer_id in self._watched:
                return
            self._watched.add(layer_id)
            hook_project = not self._project_hooked
            self._project_hooked = True
        slot = functools.partial(self.invalidate, layer_id)
        for name in _INVALIDATING_SIGNALS:
            signal = getattr(layer, name, None)
            if signal is not None:
                signal.connect(slot, Qt.ConnectionType.DirectConnection)
        edited = functools.partial(self._edited, layer)
        layer.geometryChanged.connect(lambda fid, geometry: edited(fid, geometry=geometry), Qt.ConnectionType.DirectConnection)
        layer.featureAdded.connect(lambda fid: edited(fid, added=True), Qt.ConnectionType.DirectConnection)
        layer.featureDeleted.connect(lambda fid: edited(fid, deleted=True), Qt.ConnectionType.DirectConnection)
        layer.attributeValueChanged.connect(lambda fid, index, value: edited(fid, field_index=index, value=value),
                                            Qt.ConnectionType.DirectConnection)
        layer.destroyed.connect(functools.partial(self._forget, layer_id), Qt.ConnectionType.DirectConnection)
        if hook_project:
            QgsProject.instance().layersWillBeRemoved.connect(self._layers_removed, Qt.ConnectionType.DirectConnection)

    def _edited(self, layer, fid, geometry=None, added=False, deleted=False, field_index=None, value=None):
        """One edit of ``layer``'s buffer: laid over its cached indexes (a rebuild of a 55,000-feature
        layer costs ~0.3 s, a re-check after the edit must come within 300 ms); an index that cannot
        take it is dropped."""
        try:
            layer_id = layer.id()
        except RuntimeError:
            return
        with self._lock:
            self._generations[layer_id] = self._generations.get(layer_id, 0) + 1
            indexes = list(self._indexes.get(layer_id, {}).items())
        if not indexes:
            return
        feature = None
        if added:
            feature = layer.getFeature(fid)
            geometry = feature.geometry() if feature.hasGeometry() else QgsGeometry()
        for key, index in indexes:
            name = index.attribute
            has_value, new_value = False, None
            if name and field_index is not None:
                if layer.fields().at(field_index).name() != name:
                    continue
                has_value, new_value = True, value
            elif name and added:
                has_value, new_value = True, feature[name]
            if field_index is not None and not has_value:
                continue             # an attribute the index does not use
            if not index.apply_edit(fid, geometry if not deleted else None, deleted, new_value, has_value):
                with self._lock:
                    self._indexes.get(layer_id, {}).pop(key, None)
                    self.invalidations += 1
        self.edits += 1

    def _forget(self, layer_id, *_args):
        self.invalidate(layer_id)
        with self._lock:
            self._watched.discard(layer_id)


REGISTRY = IndexRegistry()
