# SPDX-License-Identifier: GPL-2.0-or-later
"""Which standard county layer a layer is (DLTB, YJJBNTTB, STBHHX, CZKFBJ …), decided by its field codes.

data-standards.md §9: the fields present decide, compared trimmed and upper-cased (PostGIS mirrors
use lower case), tolerant of the ``*_YS`` companions, ``GDZZSXDM`` and Chinese field names (GDB
aliases, Chinese DBF names); the layer name is only a hint.  ``recognise_fields`` is pure Python;
``recognise_layer`` and ``find_layers`` read QGIS layers.  A layer recognised by its name alone
is marked ``by_name_only``: a guess to show and let the user confirm.
"""
from dataclasses import dataclass, field

from .schema import load_schema, normalise_code


@dataclass
class Recognition:
    """A layer recognised as one role, with the actual name of each standard field it has."""
    role: str
    fields: dict                                   # field key -> the layer's field name
    layer_name: str = ""
    by_name_only: bool = False                     # no rule matched: the layer name suggested the role
    score: int = 0
    layer: object = field(default=None, repr=False, compare=False)

    def field(self, key):
        """The layer's field for ``key`` (e.g. ``class_code`` → ``DLBM``), or None."""
        return self.fields.get(key)

    @property
    def spec(self):
        return load_schema().role(self.role)

    @property
    def label(self):
        """``DLTB (地类图斑…)``-like text for lists and messages."""
        return f"{self.layer_name} ({self.spec.name_zh})" if self.layer_name else self.spec.name_zh


def _name_hint(spec, layer_name):
    """True when ``layer_name`` contains one of the role's layer names (``320999DLTB2023`` counts)."""
    name = normalise_code(layer_name)
    if not name:
        return False
    return any(normalise_code(hint) in name for hint in spec.layer_names)


def _resolve(spec, names):
    """``{key: field name}`` of the role's fields found among ``names`` [(name, alias)], and the codes present."""
    by_code = {}
    for name, alias in names:
        by_code.setdefault(normalise_code(name), name)
    resolved = {}
    present = set(by_code)
    for key, field_spec in spec.fields.items():
        found = next((by_code[code] for code in field_spec.codes if code in by_code), None)
        if found is None and field_spec.zh:
            found = next((name for name, alias in names
                          if str(name).strip() in field_spec.zh or str(alias or "").strip() in field_spec.zh), None)
            if found is not None:
                present.add(field_spec.codes[0])
        if found is not None:
            resolved[key] = found
    return resolved, present


def _rule_matches(rule, resolved, present, name_hint):
    if rule.name_required and not name_hint:
        return False
    if any(key not in resolved for key in rule.all):
        return False
    if rule.any and not any(key in resolved for key in rule.any):
        return False
    if any(code not in present for code in rule.all_codes):
        return False
    if rule.any_codes and not any(code in present for code in rule.any_codes):
        return False
    return not any(code in present for code in rule.none_codes)


def recognise_fields(names, layer_name="", allow_name_only=True):
    """Every role a layer called ``layer_name`` with fields ``names`` (names or (name, alias)) fits, best first."""
    schema = load_schema()
    names = [(str(item[0]), item[1]) if isinstance(item, tuple) else (str(item), "") for item in names]
    found = []
    for spec in schema.roles.values():
        resolved, present = _resolve(spec, names)
        hint = _name_hint(spec, layer_name)
        matched = any(_rule_matches(rule, resolved, present, hint) for rule in spec.rules)
        if matched:
            found.append(Recognition(spec.role, resolved, layer_name, False, 10 + len(resolved) + 5 * hint))
        elif hint and allow_name_only:
            found.append(Recognition(spec.role, resolved, layer_name, True, len(resolved)))
    found.sort(key=lambda item: (item.by_name_only, -item.score))
    return found


# the project database's own layers: never a constraint layer
PLOT_LAYER_FIELDS = ("project_code", "class_before", "class_after")


def is_plots_layer(layer):
    """True for a plots layer of a project database (it carries the plot fields)."""
    try:
        names = set(layer.fields().names())
    except AttributeError:
        return False
    return all(name in names for name in PLOT_LAYER_FIELDS)


def _layer_names(layer):
    fields = layer.fields()
    return [(item.name(), item.alias()) for item in fields]


def recognise_layer(layer, allow_name_only=True):
    """The best role of a QGIS polygon layer (``Recognition`` with ``layer`` set), or None."""
    from qgis.core import QgsVectorLayer, QgsWkbTypes
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return None
    if layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry or is_plots_layer(layer):
        return None
    found = recognise_fields(_layer_names(layer), layer.name(), allow_name_only)
    if not found:
        return None
    best = found[0]
    best.layer = layer
    return best


def find_layers(project=None, allow_name_only=True):
    """``{role: Recognition}``: the best layer of each role among ``project``'s layers.

    Layers recognised by their fields beat those recognised by name; then the one with more
    standard fields; then the layer name (so the answer does not depend on load order).
    """
    from qgis.core import QgsProject
    project = project or QgsProject.instance()
    candidates = {}
    for layer in project.mapLayers().values():
        recognition = recognise_layer(layer, allow_name_only)
        if recognition is not None:
            candidates.setdefault(recognition.role, []).append(recognition)
    return {role: sorted(items, key=lambda r: (r.by_name_only, -r.score, r.layer_name, r.layer.id()))[0]
            for role, items in candidates.items()}


def find_plots_layer(project=None):
    """The plots layer of the project (the project database's ``plots``), or None; the first by name."""
    from qgis.core import QgsProject, QgsVectorLayer
    project = project or QgsProject.instance()
    layers = [layer for layer in project.mapLayers().values()
              if isinstance(layer, QgsVectorLayer) and layer.isValid() and is_plots_layer(layer)]
    return sorted(layers, key=lambda layer: (layer.name(), layer.id()))[0] if layers else None
