# SPDX-License-Identifier: GPL-2.0-or-later
"""The constraint set: which layers a county checks plots against, saved in the QGIS project or a JSON file."""
import json
from dataclasses import dataclass, field, fields as dataclass_fields

from qgis.core import QgsMapLayer, QgsProject

from . import rules as constraint_rules
from .status import ROLE_BASIC_FARMLAND, ROLE_EXTRA, ROLE_LAND_SURVEY, ROLE_RED_LINE, ROLE_SLOPE, ROLES
from ...i18n import tr


PROJECT_SCOPE = "DoubleGuarantee"
PROJECT_KEY = "constraint_set"
FILE_SCHEMA = "constraint_set/1"


# ----------------------------------------------------------------------------------------------
# the constraint set


@dataclass
class ConstraintLayer:
    """One entry of a constraint set."""
    role: str                  # "basic_farmland" | "red_line" | "slope" | "land_survey" | "extra"
    layer_id: str              # QgsProject layer id, or "" when given a layer object
    source: str                # layer source URI (for saving/sharing)
    name: str
    severity: str              # "blocking" | "warning" | "info"
    applies_to: tuple          # plot kinds: ("new_farmland", "upgrading")
    slope_field: str = ""      # for a slope polygon layer
    max_slope_deg: float = 25.0
    class_field: str = ""      # for a land-survey layer (``dlbm``)
    provider: str = "ogr"      # "ogr" (vector) or "gdal" (a DEM raster for slope)
    excludes_credit: bool = False   # overlap is taken out of new-farmland credit (basic farmland)
    layer: object = field(default=None, repr=False, compare=False)  # the layer object, not saved

    def to_dict(self):
        data = {item.name: getattr(self, item.name) for item in dataclass_fields(self) if item.name != "layer"}
        data["applies_to"] = list(self.applies_to)
        return data

    @classmethod
    def from_dict(cls, data, where=""):
        if not isinstance(data, dict):
            raise ValueError(f"{where}: a constraint layer should be an object")
        role = data.get("role")
        if role not in ROLES:
            raise ValueError(f"{where}: role '{role}' is not one of {', '.join(ROLES)}")
        rule = constraint_rules.defaults().role(role)
        severity = data.get("severity", rule["severity"])
        if severity not in constraint_rules.SEVERITIES:
            raise ValueError(f"{where}: severity '{severity}' is not one of {', '.join(constraint_rules.SEVERITIES)}")
        applies = data.get("applies_to", rule["applies_to"])
        if not isinstance(applies, (list, tuple)) or any(k not in constraint_rules.PLOT_KINDS_CHECKED for k in applies):
            raise ValueError(f"{where}: applies_to should list plot kinds of {constraint_rules.PLOT_KINDS_CHECKED}")
        if not data.get("source") and not data.get("layer_id"):
            raise ValueError(f"{where}: neither 'source' nor 'layer_id' is given")
        try:
            max_slope = float(data.get("max_slope_deg", rule.get("max_slope_deg", 25.0)))
        except (TypeError, ValueError):
            raise ValueError(f"{where}: max_slope_deg should be a number") from None
        return cls(role, str(data.get("layer_id", "")), str(data.get("source", "")), str(data.get("name", role)),
                   severity, tuple(applies), str(data.get("slope_field", "")), max_slope,
                   str(data.get("class_field", "")), str(data.get("provider", "ogr")),
                   bool(data.get("excludes_credit", rule.get("excludes_credit", False))))


def _is_deleted(obj):
    try:
        from qgis.PyQt import sip
        return sip.isdeleted(obj)
    except Exception:  # noqa: BLE001
        return False


def make_layer_entry(role, layer, name=None, severity=None, applies_to=None, slope_field="", max_slope_deg=None,
                     class_field="", project=None):
    """A ConstraintLayer for ``layer`` (a QGIS layer object or a source URI/path) with the role's defaults."""
    rule = constraint_rules.defaults().role(role)
    project = project or QgsProject.instance()
    layer_id = source = ""
    provider = "ogr"
    obj = None
    if isinstance(layer, QgsMapLayer):
        obj = layer
        source = layer.source()
        provider = layer.providerType() or provider
        if project.mapLayer(layer.id()) is not None:
            layer_id = layer.id()
        name = name or layer.name()
    else:
        source = str(layer)
        if source.lower().endswith((".tif", ".tiff", ".img", ".asc", ".vrt")):
            provider = "gdal"
        name = name or source.rsplit("=", 1)[-1].rsplit("/", 1)[-1]
    return ConstraintLayer(role, layer_id, source, name, severity or rule["severity"],
                           tuple(applies_to or rule["applies_to"]), slope_field,
                           float(max_slope_deg if max_slope_deg is not None else rule.get("max_slope_deg", 25.0)),
                           class_field or (rule.get("class_field", "") if role == ROLE_LAND_SURVEY else ""),
                           provider, bool(rule.get("excludes_credit", False)), obj)


class ConstraintSet:
    """The constraint layers of a county: saved in the QGIS project, shared as a JSON file."""

    def __init__(self, layers=None):
        self.layers = list(layers or [])

    def __repr__(self):
        return f"ConstraintSet({[(entry.role, entry.name) for entry in self.layers]})"

    @classmethod
    def from_layers(cls, basic_farmland=None, red_line=None, slope=None, slope_field="slope_deg", extra=(),
                    land_survey=None, survey_class_field="dlbm", max_slope_deg=None):
        """A set from layer objects or sources; ``extra`` holds layers, ConstraintLayers or
        ``(layer, severity[, applies_to])`` tuples."""
        entries = []
        if basic_farmland is not None:
            entries.append(make_layer_entry(ROLE_BASIC_FARMLAND, basic_farmland))
        if red_line is not None:
            entries.append(make_layer_entry(ROLE_RED_LINE, red_line))
        if slope is not None:
            entries.append(make_layer_entry(ROLE_SLOPE, slope, slope_field=slope_field or "",
                                            max_slope_deg=max_slope_deg))
        if land_survey is not None:
            entries.append(make_layer_entry(ROLE_LAND_SURVEY, land_survey, class_field=survey_class_field))
        for item in extra or ():
            if isinstance(item, ConstraintLayer):
                entries.append(item)
            elif isinstance(item, (tuple, list)):
                layer, severity = item[0], item[1]
                applies = item[2] if len(item) > 2 else None
                entries.append(make_layer_entry(ROLE_EXTRA, layer, severity=severity, applies_to=applies))
            else:
                entries.append(make_layer_entry(ROLE_EXTRA, item))
        return cls(entries)

    def by_role(self, role):
        return [entry for entry in self.layers if entry.role == role]

    def to_dict(self):
        return {"schema": FILE_SCHEMA, "layers": [entry.to_dict() for entry in self.layers]}

    def to_json(self):
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1, sort_keys=True)

    @classmethod
    def from_dict(cls, data, where="constraint set"):
        if not isinstance(data, dict):
            raise ValueError(f"{where}: not a JSON object")
        if str(data.get("schema", "")).split("/")[0] != FILE_SCHEMA.split("/")[0]:
            raise ValueError(f"{where}: schema is '{data.get('schema')}', expected '{FILE_SCHEMA}'")
        layers = data.get("layers")
        if not isinstance(layers, list):
            raise ValueError(f"{where}: field 'layers' should be a list")
        return cls([ConstraintLayer.from_dict(item, f"{where}: layers[{index}]") for index, item in enumerate(layers)])

    @classmethod
    def from_json(cls, text, where="constraint set"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{where}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
        return cls.from_dict(data, where)

    def save_file(self, path):
        """Write the set to ``path`` (written whole to a temporary file first: no half-written file)."""
        import os
        temporary = f"{path}.part"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(self.to_json())
        os.replace(temporary, path)

    @classmethod
    def load_file(cls, path):
        try:
            with open(path, encoding="utf-8-sig") as handle:
                text = handle.read()
        except OSError as exc:
            raise ValueError(f"{path}: cannot be read ({exc.strerror})") from None
        return cls.from_json(text, str(path))

    def write_to_project(self, project=None):
        """Save the set in the QGIS project (scope ``DoubleGuarantee``); it travels with the .qgz."""
        (project or QgsProject.instance()).writeEntry(PROJECT_SCOPE, PROJECT_KEY, self.to_json())

    @classmethod
    def from_project(cls, project=None):
        """The set saved in the project, or None when it holds none."""
        text, found = (project or QgsProject.instance()).readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
        if not found or not text:
            return None
        return cls.from_json(text, tr("constraint set of the QGIS project"))


def load_constraint_set(project=None):
    """The constraint set saved in ``project`` (or the current one), or None."""
    return ConstraintSet.from_project(project)


def clear_project_constraint_set(project=None):
    (project or QgsProject.instance()).removeEntry(PROJECT_SCOPE, PROJECT_KEY)
