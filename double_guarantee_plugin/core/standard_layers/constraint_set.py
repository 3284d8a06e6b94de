# SPDX-License-Identifier: GPL-2.0-or-later
"""A constraint set filled from the standard layers found in a QGIS project (the user may change it after).

The check dock, ``doubleguarantee:checkconstraints`` and ``doubleguarantee:computecredits`` start
from this: the basic farmland, red line, land survey (with its DLBM field) and slope layer found
by role, and the urban development boundary CZKFBJ as another layer with the profile's severity
(a warning by default) for new farmland.
"""
from .recognition import find_layers
from .schema import load_schema

ROLE_ORDER = ("basic_farmland", "red_line", "slope", "land_survey", "development_boundary")


def entries_from(found, profile=None):
    """``ConstraintLayer`` entries for the recognitions ``found`` ({role: Recognition})."""
    from .. import constraints, tables
    profile = profile or tables.load_rule_profile()
    entries = []
    for role in ROLE_ORDER:
        recognition = found.get(role)
        if recognition is None or recognition.layer is None:
            continue
        layer = recognition.layer
        if role == "slope":
            field = recognition.field("slope_deg")
            if not field:
                continue
            entries.append(constraints.make_layer_entry(constraints.ROLE_SLOPE, layer, slope_field=field))
        elif role == "land_survey":
            field = recognition.field("class_code")
            if not field:
                continue
            entries.append(constraints.make_layer_entry(constraints.ROLE_LAND_SURVEY, layer, class_field=field))
        elif role == "development_boundary":
            severity = profile.check_severity("development_boundary")
            applies = load_schema().checks.applies_to.get("development_boundary") or ("new_farmland",)
            entries.append(constraints.make_layer_entry(constraints.ROLE_EXTRA, layer, severity=severity,
                                                        applies_to=applies))
        else:
            entries.append(constraints.make_layer_entry(role, layer))
    return entries


def auto_constraint_set(project=None, profile=None, allow_name_only=True):
    """``(ConstraintSet, {role: Recognition})`` of the layers recognised in ``project``."""
    from .. import constraints
    found = find_layers(project, allow_name_only)
    return constraints.ConstraintSet(entries_from(found, profile)), found
