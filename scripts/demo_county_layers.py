# SPDX-License-Identifier: GPL-2.0-or-later
"""The demo county's layers for the demo steps, and the constraint set the plugin builds from them by role.

The constraint set is what the check dock fills itself with when the layers are in a QGIS project
(``core.standard_layers``): basic farmland, red line, slope, land survey (its DLBM field) and the
urban development boundary as another layer (a warning for new farmland).
"""
from qgis.core import QgsVectorLayer

LAYER_NAMES = ("land_survey", "basic_farmland", "red_line", "slope", "development_boundary", "county_boundary")


def county_layers(data_dir):
    county = data_dir / "demo_county.gpkg"
    layers = {name: QgsVectorLayer(f"{county}|layername={name}", name, "ogr") for name in LAYER_NAMES}
    bad = [name for name, layer in layers.items() if not layer.isValid()]
    if bad:
        raise RuntimeError(f"{county}: cannot open the layers {', '.join(bad)}")
    return layers


def standard_constraint_set(layers, profile=None):
    """``(ConstraintSet, {role: Recognition})`` of the county layers, recognised by their field codes."""
    from double_guarantee_plugin.core import constraints
    from double_guarantee_plugin.core.standard_layers.constraint_set import entries_from
    from double_guarantee_plugin.core.standard_layers.recognition import recognise_layer
    found = {}
    for layer in layers.values():
        recognition = recognise_layer(layer, allow_name_only=False)
        if recognition is not None:
            found.setdefault(recognition.role, recognition)
    return constraints.ConstraintSet(entries_from(found, profile)), found
