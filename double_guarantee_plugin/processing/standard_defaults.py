# SPDX-License-Identifier: GPL-2.0-or-later
"""Processing parameters filled from the standard layers found in the QGIS project (issue 15).

The dialog of ``checkconstraints`` and ``computecredits`` opens with the basic farmland, red line,
slope and land-survey layers recognised by their field codes (``core.standard_layers``), and their
fields; a script's ``processing.run`` is not affected (GUI default overrides only), and the user
can change every choice.  A field parameter whose name the chosen layer lacks falls back to the
field the recognition found (``DLBM`` where the old default says ``dlbm``).
"""
from ..core.standard_layers.recognition import find_layers, recognise_layer


def recognised_layers(project=None):
    """``{role: Recognition}`` of the current project, or {} when anything goes wrong (never an error)."""
    try:
        return find_layers(project)
    except Exception:  # noqa: BLE001 - defaults are a convenience: a broken layer must not break the dialog
        return {}


def preset_layer(parameter, recognition):
    """Let the dialog start with the recognised layer (scripts keep the parameter's own default)."""
    if recognition is not None and recognition.layer is not None:
        parameter.setGuiDefaultValueOverride(recognition.layer.id())
    return parameter


def preset_field(parameter, recognition, key):
    if recognition is not None and recognition.field(key):
        parameter.setGuiDefaultValueOverride(recognition.field(key))
    return parameter


def field_of(layer, chosen, key):
    """``chosen`` when the layer has it; else the field recognised for ``key`` (case-insensitive match first)."""
    if layer is None:
        return chosen
    names = layer.fields().names()
    if chosen in names:
        return chosen
    for name in names:
        if chosen and name.lower() == str(chosen).lower():
            return name
    recognition = recognise_layer(layer)
    if recognition is not None and recognition.field(key):
        return recognition.field(key)
    return chosen
