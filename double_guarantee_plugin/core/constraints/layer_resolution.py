# SPDX-License-Identifier: GPL-2.0-or-later
"""Constraint entries resolved to readable layers (or the reason they are not checked), and their indexes built.

``LayerResolution`` is the part of ``ConstraintEngine`` that finds each entry's layer (in the project,
opened from its source, or a DEM turned into steep-area polygons, ``dem``), says why a missing,
unreadable, empty or CRS-less one is ``not_checked``, and gets its index from ``registry``.
"""
import math

from qgis.core import QgsRasterLayer, QgsVectorLayer, QgsWkbTypes

from .constraint_set import _is_deleted
from .registry import REGISTRY
from .status import ROLE_LAND_SURVEY, ROLE_SLOPE
from ...i18n import tr


def crs_is_defined(crs):
    """False for an invalid CRS and for GeoPackage's placeholders ("Undefined geographic/cartesian SRS")."""
    if crs is None or not crs.isValid():
        return False
    return bool(crs.authid()) or "undefined" not in crs.description().lower()


class _Resolved:
    """A constraint entry resolved to a readable layer, or the reason it is not checked."""

    def __init__(self, entry, layer=None, problem=""):
        self.entry = entry
        self.layer = layer
        self.problem = problem
        self.attribute = None
        self.accept = None


def _number(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _steeper_than(max_slope_deg):
    threshold = float(max_slope_deg)
    return lambda value: (_number(value) or 0.0) > threshold


class LayerResolution:
    """Layer resolution and index building of ``ConstraintEngine`` (see the module docstring)."""

    def snapshot_layers(self):
        """Call on the main thread before checking in a QgsTask: indexes not yet cached will be
        built from thread-safe snapshots of the constraint layers."""
        from .registry import LayerSource
        self._snapshots = {}
        for entry in self.constraint_set.layers:
            resolved = self.resolve(entry)
            if not resolved.problem and isinstance(resolved.layer, QgsVectorLayer):
                self._snapshots[resolved.layer.id()] = LayerSource(resolved.layer)
        from ..standard_layers import plot_rules   # issue 15: the standard layers' snapshots too
        plot_rules.prepare(self)

    def close(self):
        """Drop the layers the engine opened itself (from sources not in the project); Python owns
        them, so they are deleted here rather than at interpreter exit."""
        self._opened.clear()
        self._steep.clear()

    # --- layer resolution ---------------------------------------------------------------------

    def _open(self, entry):
        key = (entry.provider, entry.source)
        layer = self._opened.get(key)
        if layer is None:
            if entry.provider == "gdal":
                layer = QgsRasterLayer(entry.source, entry.name, "gdal")
            else:
                layer = QgsVectorLayer(entry.source, entry.name, entry.provider or "ogr")
            self._opened[key] = layer
        return layer

    def resolve(self, entry):
        """``_Resolved``: the layer to read, or why the entry is ``not_checked``."""
        layer = entry.layer if entry.layer is not None and not _is_deleted(entry.layer) else None
        if layer is None and entry.layer_id:
            layer = self.project.mapLayer(entry.layer_id)
        if layer is None and entry.source:
            layer = self._open(entry)
        if layer is None:
            return _Resolved(entry, None, tr("layer '{}' is missing from the project", entry.name))
        if not layer.isValid():
            return _Resolved(entry, None, tr("layer '{}' cannot be read ({})", entry.name, entry.source or entry.layer_id))
        if not crs_is_defined(layer.crs()):
            return _Resolved(entry, None, tr("layer '{}' has no coordinate reference system", entry.name))
        if isinstance(layer, QgsRasterLayer):
            if entry.role != ROLE_SLOPE:
                return _Resolved(entry, None, tr("layer '{}' is a raster; only a slope DEM may be a raster", entry.name))
            try:
                layer = self._steep_layer(layer, entry.max_slope_deg)
            except Exception as exc:  # noqa: BLE001 - an unreadable DEM is reported, never a crash
                return _Resolved(entry, None, tr("the DEM '{}' cannot be turned into slope ({})", entry.name, exc))
            resolved = _Resolved(entry, layer)
            resolved.attribute = "slope_deg"
            resolved.accept = _steeper_than(entry.max_slope_deg)
            return resolved
        if not isinstance(layer, QgsVectorLayer) or layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
            return _Resolved(entry, None, tr("layer '{}' is not a polygon layer", entry.name))
        if layer.featureCount() == 0:
            return _Resolved(entry, None, tr("layer '{}' is empty", entry.name))
        resolved = _Resolved(entry, layer)
        if entry.role == ROLE_SLOPE:
            name = entry.slope_field or "slope_deg"
            # lookupField: case-insensitive (standard layers write DLBM; PostGIS mirrors dlbm)
            if layer.fields().lookupField(name) < 0:
                return _Resolved(entry, None, tr("slope layer '{}' has no field '{}'", entry.name, name))
            resolved.attribute = layer.fields().at(layer.fields().lookupField(name)).name()
            resolved.accept = _steeper_than(entry.max_slope_deg)
        elif entry.role == ROLE_LAND_SURVEY:
            name = entry.class_field or "dlbm"
            if layer.fields().lookupField(name) < 0:
                return _Resolved(entry, None, tr("land-survey layer '{}' has no field '{}'", entry.name, name))
            resolved.attribute = layer.fields().at(layer.fields().lookupField(name)).name()
        return resolved

    def _steep_layer(self, raster, max_slope_deg):
        key = (raster.id(), raster.source(), float(max_slope_deg))
        layer = self._steep.get(key)
        if layer is None:
            from .dem import steep_area_layer
            layer = steep_area_layer(raster, max_slope_deg)
            self._steep[key] = layer
        return layer

    def prepare(self, target_crs, feedback=None, resolved_entries=None):
        """Resolve every entry and build (or reuse) its index in ``target_crs``: ``[(resolved, index)]``."""
        if resolved_entries is None:
            resolved_entries = [self.resolve(entry) for entry in self.constraint_set.layers]
        prepared = []
        for resolved in resolved_entries:
            index = None
            if not resolved.problem:
                try:
                    source = self._snapshots.pop(resolved.layer.id(), resolved.layer)  # used once
                    index = REGISTRY.get(resolved.layer, source, target_crs, self.transform_context,
                                         resolved.attribute, feedback)
                except Exception as exc:  # noqa: BLE001
                    resolved.problem = tr("layer '{}' cannot be read ({})", resolved.entry.name, exc)
            prepared.append((resolved, index))
        return prepared
