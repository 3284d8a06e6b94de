# SPDX-License-Identifier: GPL-2.0-or-later
"""Official figures of a standard layer, from its own area fields, never from geometry and never mixing units.

data-standards.md §1–§3: the official 耕地 area is ``TBDLMJ`` (net of 田坎), basic farmland's is
``YJJBNTMJ``, ``*_YS`` columns are ellipsoidal companions to prefer; a red line may carry ``MJ``
(m²) or ``QYMJ`` (km²).  One field per layer is summed — the first of the role's
``official_area`` keys the layer has — converted to m² by its own unit, so m² and km² are never
added together.
"""
from dataclasses import dataclass

from .schema import load_schema


@dataclass
class OfficialTotal:
    field: str          # the layer's field that was summed
    key: str            # its standard key (``net_area_m2``, ``area_km2`` …)
    total_m2: float
    features: int       # features counted
    missing: int        # features with no value in that field


def official_total(layer, recognition, request=None):
    """The ``OfficialTotal`` of ``layer`` (recognised as ``recognition``), or None without an area field."""
    from qgis.core import QgsFeatureRequest
    schema = load_schema()
    key = next((key for key in recognition.spec.official_area if recognition.field(key)), None)
    if key is None:
        return None
    name = recognition.field(key)
    factor = schema.unit_factors_m2.get(key, 1.0) if key.endswith("_km2") else 1.0
    request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([name], layer.fields())
    total, count, missing = 0.0, 0, 0
    for feature in layer.getFeatures(request):
        value = feature[name]
        count += 1
        try:
            number = float(value)
        except (TypeError, ValueError):
            missing += 1
            continue
        if number != number:
            missing += 1
            continue
        total += number * factor
    return OfficialTotal(name, key, total, count, missing)
