# SPDX-License-Identifier: GPL-2.0-or-later
"""What a check reads of a plot: its kind from its land classes, its codes and classes from its fields."""
from .. import tables
from ..credits import NEW_FARMLAND, NOT_CREDITABLE, UPGRADING
from ...i18n import tr


def classify_plot(class_before, class_after):
    """The plot kind of core.credits from its land classes only (grades do not matter for the checks)."""
    classes = tables.land_classes()
    before = str(class_before).strip() if class_before not in (None, "") else ""
    after = str(class_after).strip() if class_after not in (None, "") else ""
    if after not in classes or not classes[after].is_cultivated:
        return NOT_CREDITABLE
    if before not in classes:
        return NOT_CREDITABLE
    return UPGRADING if classes[before].is_cultivated else NEW_FARMLAND


def _positions(layer_fields, fields):
    """``{field name: index in layer_fields}`` of the plot fields named in ``fields`` (PlotFields)."""
    names = (fields.project_code, fields.plot_code, fields.class_before, fields.class_after)
    return {name: layer_fields.indexOf(name) for name in names if name}


def _kind_label(kind):
    return {NEW_FARMLAND: tr("new farmland"), UPGRADING: tr("upgrading"),
            NOT_CREDITABLE: tr("not creditable")}.get(kind, kind)


def _values(feature, fields, positions=None):
    """The plot's codes and classes; ``positions`` (``_positions``) saves looking the fields up."""
    if positions is None:
        positions = _positions(feature.fields(), fields)
    attributes = feature.attributes()

    def value(name):
        position = positions.get(name, -1)
        if position < 0 or position >= len(attributes):
            return None
        found = attributes[position]
        if found is None or (hasattr(found, "isNull") and found.isNull()):
            return None
        return found
    code = value(fields.project_code)
    plot_code = value(fields.plot_code)
    return {"project_code": str(code) if code is not None else "", "plot_code": str(plot_code) if plot_code else "",
            "class_before": value(fields.class_before), "class_after": value(fields.class_after)}
