# SPDX-License-Identifier: GPL-2.0-or-later
"""The standard county layers as data: roles, field codes, recognition rules, personal fields, checks.

Loaded from ``resources/data/standard_layers.json`` and checked against its schema when loaded
(a message names the file and the field).  Pure Python.
"""
import functools
from dataclasses import dataclass

from ..paths import data_path
from ..tables import TableError, _check_schema, _load_json, _require

SEVERITIES = ("blocking", "warning", "info")
PLOT_KINDS = ("new_farmland", "upgrading", "not_creditable")
CHECK_KEYS = ("slope_level_5", "slope_level_4", "unstable_farmland", "development_boundary")


def normalise_code(name):
    """A field name as codes are compared: trimmed, upper case."""
    return str(name or "").strip().upper()


@dataclass(frozen=True)
class FieldSpec:
    key: str            # the plugin's name for the field, e.g. ``class_code``
    codes: tuple        # standard codes, preferred first (``TBMJ_YS`` before ``TBMJ``)
    zh: tuple           # Chinese names met as aliases or Chinese DBF field names


@dataclass(frozen=True)
class Rule:
    all: tuple = ()
    any: tuple = ()
    all_codes: tuple = ()
    any_codes: tuple = ()
    none_codes: tuple = ()
    name_required: bool = False


@dataclass(frozen=True)
class RoleSpec:
    role: str
    name_zh: str
    name_en: str
    layer_names: tuple
    fields: dict         # key -> FieldSpec
    rules: tuple
    id_fields: tuple
    official_area: tuple


@dataclass(frozen=True)
class CheckSettings:
    slope_levels: dict
    slope_level_blocking: tuple
    slope_level_warning: tuple
    unstable_refinements: dict
    stable_values: frozenset
    unstable_values: frozenset
    default_severities: dict
    applies_to: dict


@dataclass(frozen=True)
class StandardSchema:
    roles: dict              # role -> RoleSpec, in file order
    unit_factors_m2: dict    # field key -> factor to m² (``area_km2`` -> 1e6)
    personal_codes: frozenset
    personal_words: tuple
    checks: CheckSettings
    source_path: str = ""

    def role(self, role):
        return self.roles[role]


def _strings(value, path, where):
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TableError(f"{path}: {where} should be a list of strings")
    return tuple(value)


def _rule(doc, path, where, field_keys):
    known = {"all", "any", "all_codes", "any_codes", "none_codes", "name_required"}
    unknown = set(doc) - known
    if unknown:
        raise TableError(f"{path}: {where}unknown key(s) {sorted(unknown)}")
    rule = Rule(**{key: (_strings(doc[key], path, f"{where}{key}") if key != "name_required"
                         else bool(doc[key])) for key in doc})
    for key in rule.all + rule.any:
        if key not in field_keys:
            raise TableError(f"{path}: {where}'{key}' is not one of the role's fields")
    return rule


@functools.lru_cache(maxsize=None)
def load_schema():
    """The standard-layer definitions, checked (a TableError names the file and the field)."""
    path = data_path("standard_layers.json")
    doc = _load_json(path)
    _check_schema(doc, path, "standard_layers")
    roles = {}
    for index, row in enumerate(_require(doc, path, "roles", list)):
        where = f"roles[{index}]: "
        role = _require(row, path, "role", str, where)
        fields = {}
        for key, spec in _require(row, path, "fields", dict, where).items():
            fields[key] = FieldSpec(key, _strings(_require(spec, path, "codes", list, f"{where}fields.{key}: "),
                                                  path, f"{where}fields.{key}.codes"),
                                    _strings(spec.get("zh", []), path, f"{where}fields.{key}.zh"))
        rules = tuple(_rule(rule, path, f"{where}rules[{number}]: ", fields)
                      for number, rule in enumerate(_require(row, path, "rules", list, where)))
        id_fields = _strings(_require(row, path, "id_fields", list, where), path, f"{where}id_fields")
        official = _strings(_require(row, path, "official_area", list, where), path, f"{where}official_area")
        for key in id_fields + official:
            if key not in fields:
                raise TableError(f"{path}: {where}'{key}' is not one of the role's fields")
        roles[role] = RoleSpec(role, _require(row, path, "name_zh", str, where),
                               _require(row, path, "name_en", str, where),
                               _strings(_require(row, path, "layer_names", list, where), path, f"{where}layer_names"),
                               fields, rules, id_fields, official)
    factors = _require(doc, path, "unit_factors_m2", dict)
    for key, value in factors.items():
        if not isinstance(value, (int, float)) or value <= 0:
            raise TableError(f"{path}: unit_factors_m2.{key} should be a number > 0")
    personal = _require(doc, path, "personal_fields", dict)
    checks = _require(doc, path, "checks", dict)
    severities = _require(checks, path, "default_severities", dict, "checks: ")
    applies = _require(checks, path, "applies_to", dict, "checks: ")
    for key in CHECK_KEYS:
        if severities.get(key) not in SEVERITIES:
            raise TableError(f"{path}: checks.default_severities.{key} should be one of {SEVERITIES}")
        kinds = _strings(applies.get(key, []), path, f"checks.applies_to.{key}")
        if any(kind not in PLOT_KINDS for kind in kinds):
            raise TableError(f"{path}: checks.applies_to.{key} should list plot kinds of {PLOT_KINDS}")
    settings = CheckSettings(
        dict(_require(checks, path, "slope_levels", dict, "checks: ")),
        _strings(_require(checks, path, "slope_level_blocking", list, "checks: "), path, "checks.slope_level_blocking"),
        _strings(_require(checks, path, "slope_level_warning", list, "checks: "), path, "checks.slope_level_warning"),
        dict(_require(checks, path, "unstable_refinements", dict, "checks: ")),
        frozenset(normalise_code(v) for v in _require(checks, path, "stable_values", list, "checks: ")),
        frozenset(normalise_code(v) for v in _require(checks, path, "unstable_values", list, "checks: ")),
        dict(severities), {key: tuple(value) for key, value in applies.items()})
    return StandardSchema(roles, {key: float(value) for key, value in factors.items()},
                          frozenset(normalise_code(code) for code in
                                    _strings(_require(personal, path, "codes", list, "personal_fields: "), path,
                                             "personal_fields.codes")),
                          _strings(_require(personal, path, "zh_words", list, "personal_fields: "), path,
                                   "personal_fields.zh_words"),
                          settings, path)
