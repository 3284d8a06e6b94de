# SPDX-License-Identifier: GPL-2.0-or-later
"""One toggle: snap plot drawing to the plots themselves, the basic-farmland and the land-survey boundaries.

It writes QGIS's own snapping configuration of the project (advanced mode, vertices and segments
within 12 pixels, per layer), so QGIS's snapping toolbar shows and can fine-tune what the toggle
did; turning it off restores the configuration the project had before.  The constraint layers are
the ones of the QGIS project's constraint set (roles ``basic_farmland`` and ``land_survey``).
"""
from qgis.core import Qgis, QgsProject, QgsSnappingConfig, QgsTolerance, QgsVectorLayer

from ...core import live_credits

TOLERANCE_PX = 12
SNAP_ROLES = ("basic_farmland", "land_survey")


def snapping_layers(plots_layer, constraint_set=None):
    """The plots layer and the constraint layers of ``SNAP_ROLES`` present in the project."""
    project = QgsProject.instance()
    constraint_set = constraint_set or live_credits.project_constraint_set(project)
    layers = [plots_layer] if plots_layer is not None else []
    for entry in getattr(constraint_set, "layers", []) or []:
        if entry.role not in SNAP_ROLES:
            continue
        layer = project.mapLayer(entry.layer_id) if getattr(entry, "layer_id", None) else None
        if layer is None and getattr(entry, "source", None):
            layer = next((candidate for candidate in project.mapLayers().values()
                          if candidate.source() == entry.source), None)
        if isinstance(layer, QgsVectorLayer) and layer not in layers:
            layers.append(layer)
    return layers


def _snapping_names():
    """(advanced mode, vertex|segment flags, pixels).  QGIS 3.26 moved these enums into ``Qgis`` (the only
    spelling Qt 6 builds know); 3.22 has only the old ones, so the new names are looked up at run time."""
    new = Qgis
    if hasattr(new, "SnappingType"):
        flags = new.SnappingType.Vertex | new.SnappingType.Segment
        mode = new.SnappingMode.AdvancedConfiguration
    else:
        flags = QgsSnappingConfig.SnappingTypes.VertexFlag | QgsSnappingConfig.SnappingTypes.SegmentFlag
        mode = QgsSnappingConfig.SnappingMode.AdvancedConfiguration
    pixels = new.MapToolUnit.Pixels if hasattr(new, "MapToolUnit") else QgsTolerance.UnitType.Pixels
    return mode, flags, pixels


class PlotSnapping:
    def __init__(self):
        self._before = None

    def enabled(self):
        return self._before is not None

    def enable(self, layers):
        project = QgsProject.instance()
        if self._before is None:
            self._before = QgsSnappingConfig(project.snappingConfig())
        config = QgsSnappingConfig(project.snappingConfig())
        mode, flags, pixels = _snapping_names()
        config.setEnabled(True)
        config.setMode(mode)
        wanted = {layer.id() for layer in layers}
        for layer in project.mapLayers().values():
            if isinstance(layer, QgsVectorLayer):
                settings = QgsSnappingConfig.IndividualLayerSettings(layer.id() in wanted, flags, TOLERANCE_PX,
                                                                    pixels, 0.0, 0.0)
                config.setIndividualLayerSettings(layer, settings)
        project.setSnappingConfig(config)
        return [layer.name() for layer in layers]

    def disable(self):
        if self._before is not None:
            QgsProject.instance().setSnappingConfig(self._before)
        self._before = None

    def forget(self):
        """The project was cleared: nothing to restore any more."""
        self._before = None
