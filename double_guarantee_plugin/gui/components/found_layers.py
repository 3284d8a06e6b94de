# SPDX-License-Identifier: GPL-2.0-or-later
"""How the docks show the standard layers found in a project, and which field of a layer holds a standard code.

Thin helpers over ``core.standard_layers``: ``found_text`` lists the layers recognised by role with
their official totals (from their own area fields, ``official.official_total``), and
``standard_field`` picks a layer's field for a standard key (``DLBM`` where the plugin's default
says ``dlbm``).
"""
from ...core.standard_layers.official import official_total
from ...core.standard_layers.recognition import recognise_layer
from ...core.units import m2_to_mu
from ...i18n import tr

ROLE_ORDER = ("basic_farmland", "red_line", "land_survey", "slope", "development_boundary")


def role_name(role):
    return {"basic_farmland": tr("Basic farmland"), "red_line": tr("Ecological red line"),
            "land_survey": tr("Land survey"), "slope": tr("Slope"),
            "development_boundary": tr("Urban development boundary")}.get(role, role)


def _total_text(recognition):
    try:
        total = official_total(recognition.layer, recognition)
    except Exception:  # noqa: BLE001 - a figure to show, never a reason to fail
        return ""
    if total is None:
        return ""
    return tr("{} features, {} {:,.2f} mu", total.features, total.field, m2_to_mu(total.total_m2))


def found_text(found):
    """``(one line, details)``: the roles found (what was only guessed from a name marked so), and per role
    the layer, how it was recognised and its official total (for a tooltip: the dock stays short)."""
    if not found:
        text = tr("No standard layer found in the project: choose the layers by hand.")
        return text, text
    lines, roles = [], []
    for role in ROLE_ORDER:
        recognition = found.get(role)
        if recognition is None:
            continue
        roles.append(role_name(role) + ("?" if recognition.by_name_only else ""))
        how = tr("by its name only: please check") if recognition.by_name_only else tr("by its fields")
        total = _total_text(recognition)
        detail = f"{how}; {total}" if total else how
        lines.append(tr("{} ← {} ({})", role_name(role), recognition.layer_name, detail))
    return tr("Found by their field codes: {}", "、".join(roles)), \
        tr("Found in the project:") + "\n" + "\n".join(lines)


def standard_field(layer, default, key):
    """The layer's field for ``key``: ``default`` when it has it, else the recognised one, else ``default``."""
    names = layer.fields().names()
    if default in names:
        return default
    recognition = recognise_layer(layer)
    if recognition is not None and recognition.field(key):
        return recognition.field(key)
    lowered = {name.lower(): name for name in names}
    return lowered.get(default.lower(), default)
