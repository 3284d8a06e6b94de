# SPDX-License-Identifier: GPL-2.0-or-later
"""Code lists, grade systems, yield tables, fee tables and rule profiles, loaded from data files.

Every file is checked against its schema at load time so that a province can add its own table
or profile (a JSON file in ``resources/data/``) and get a clear message naming the file and the
field when something is wrong.  Pure Python.
"""
import datetime
import functools
import json
import os
from dataclasses import dataclass, field

from .paths import data_path


class TableError(ValueError):
    """A data file that does not follow its schema; the message names the file and the field."""


def _load_json(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise TableError(f"{path}: file not found") from None
    except json.JSONDecodeError as exc:
        raise TableError(f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})") from None


def _require(doc, path, key, kind, where=""):
    if key not in doc:
        raise TableError(f"{path}: {where}missing field '{key}'")
    value = doc[key]
    if kind is not None and not isinstance(value, kind):
        raise TableError(f"{path}: {where}field '{key}' should be {getattr(kind, '__name__', kind)}, "
                         f"found {type(value).__name__}")
    return value


def _check_schema(doc, path, expected):
    schema = _require(doc, path, "schema", str)
    if schema.split("/")[0] != expected:
        raise TableError(f"{path}: schema is '{schema}', expected '{expected}/1'")


@dataclass(frozen=True)
class LandClass:
    code: str
    name_zh: str
    name_en: str
    is_cultivated: bool


@dataclass(frozen=True)
class GradeSystem:
    id: str
    name_zh: str
    name_en: str
    best: int
    worst: int

    def is_valid(self, grade):
        return isinstance(grade, int) and self.best <= grade <= self.worst


@dataclass(frozen=True)
class YieldTable:
    id: str
    grade_system: str
    name_zh: str
    name_en: str
    approximation: bool
    yield_kg_per_mu: dict  # grade (int) -> kg/亩 (float)
    example: bool = False  # an example shipped with the plugin, to be replaced by the province's own

    def yield_for(self, grade):
        return self.yield_kg_per_mu.get(int(grade))


@dataclass(frozen=True)
class FeeTable:
    id: str
    name_zh: str
    name_en: str
    rows: tuple

    def fee_per_mu(self, class_code, grade):
        for row in self.rows:
            low, high = row["grades"]
            if class_code in row["class_codes"] and low <= int(grade) <= high:
                return float(row["yuan_per_mu"])
        return None


@dataclass(frozen=True)
class RuleProfile:
    id: str
    name_zh: str
    name_en: str
    default_grade_system: str
    yield_table_ids: dict
    min_mapping_area_m2: float
    fee_table_id: str
    funding_cutoff: dict
    split_rules: dict = None
    consolidation: dict = None
    reclamation_share_min: float = None
    source_path: str = field(default="", compare=False)
    reform: object = None   # core.profile_reform.ReformKeys: workflow, dates, 2024 keys (checked at load)
    # issue 15: which grade system credits (None: each plot's own, as in 2017), the county 田坎
    # table for new land, and the severities of the checks the standard layers allow
    credit_grade_system: str = None
    tiankan_table_id: str = None
    standard_checks: dict = field(default_factory=dict, compare=False)

    def tiankan_table(self):
        """The 田坎 table the profile names, or None."""
        if not self.tiankan_table_id:
            return None
        from .net_area import load_tiankan_table
        return load_tiankan_table(self.tiankan_table_id)

    def check_severity(self, key):
        """Severity of a standard-layer check (``slope_level_4``, ``unstable_farmland`` …)."""
        if key in self.standard_checks:
            return self.standard_checks[key]
        from .standard_layers.schema import load_schema
        return load_schema().checks.default_severities[key]

    def yield_table(self, grade_system_id):
        """The yield table for a grade system, or None where the profile has none."""
        table_id = self.yield_table_ids.get(grade_system_id)
        return load_yield_table(table_id) if table_id else None

    def fee_table(self):
        return load_fee_table(self.fee_table_id)

    def funding_rule_passes(self, project_type, funding_source, implemented_on):
        """domain.md §6: (passes, reason).  ``implemented_on`` is a date or ISO string."""
        before = datetime.date.fromisoformat(self.funding_cutoff["before"])
        if implemented_on in (None, ""):
            return False, "implementation date missing"
        if isinstance(implemented_on, str):
            implemented_on = datetime.date.fromisoformat(implemented_on[:10])
        elif isinstance(implemented_on, datetime.datetime):
            implemented_on = implemented_on.date()
        if implemented_on >= before:
            return True, ""
        for rule in self.funding_cutoff.get("excluded", []):
            if "project_type" in rule and rule["project_type"] != project_type:
                continue
            if "funding_source" in rule and rule["funding_source"] != funding_source:
                continue
            if "funding_source_not" in rule and rule["funding_source_not"] == funding_source:
                continue
            return False, (f"implemented before {before.isoformat()} with funding "
                           f"'{funding_source}' (project type '{project_type}')")
        return True, ""

    def credit_split(self, new_farmland_share, funding_source):
        """Jiangsu province-invested split: (province share, county share) of the credits."""
        rules = self.split_rules
        if not rules or funding_source not in rules.get("applies_to_funding", []):
            return 0.0, 1.0
        for band in rules["bands"]:
            limit = band["new_farmland_share_max"]
            if limit is None or new_farmland_share <= limit:
                return float(band["province"]), float(band["county"])
        return 0.0, 1.0


@functools.lru_cache(maxsize=None)
def land_classes():
    """All land classes by code (codes stay strings: '0101', '1104A')."""
    path = data_path("land_classes.json")
    doc = _load_json(path)
    _check_schema(doc, path, "land_classes")
    result = {}
    for index, row in enumerate(_require(doc, path, "classes", list)):
        where = f"classes[{index}]: "
        code = _require(row, path, "code", str, where)
        result[code] = LandClass(code, _require(row, path, "name_zh", str, where),
                                 _require(row, path, "name_en", str, where),
                                 _require(row, path, "is_cultivated", bool, where))
    return result


def is_cultivated(code):
    entry = land_classes().get(str(code).strip() if code is not None else "")
    return bool(entry and entry.is_cultivated)


@functools.lru_cache(maxsize=None)
def grade_systems():
    path = data_path("grade_systems.json")
    doc = _load_json(path)
    _check_schema(doc, path, "grade_systems")
    result = {}
    for index, row in enumerate(_require(doc, path, "grade_systems", list)):
        where = f"grade_systems[{index}]: "
        system = GradeSystem(_require(row, path, "id", str, where), _require(row, path, "name_zh", str, where),
                             _require(row, path, "name_en", str, where), _require(row, path, "best", int, where),
                             _require(row, path, "worst", int, where))
        result[system.id] = system
    return result


@functools.lru_cache(maxsize=None)
def load_yield_table(table_id):
    path = data_path("yield_tables", f"{table_id}.json")
    doc = _load_json(path)
    _check_schema(doc, path, "yield_table")
    system_id = _require(doc, path, "grade_system", str)
    if system_id not in grade_systems():
        raise TableError(f"{path}: grade_system '{system_id}' is not one of {sorted(grade_systems())}")
    system = grade_systems()[system_id]
    raw = _require(doc, path, "yield_kg_per_mu", dict)
    table = {}
    for key, value in raw.items():
        try:
            grade = int(key)
        except ValueError:
            raise TableError(f"{path}: yield_kg_per_mu key '{key}' is not a grade number") from None
        if not system.best <= grade <= system.worst:
            raise TableError(f"{path}: grade {grade} is outside {system_id} ({system.best}–{system.worst})")
        if not isinstance(value, (int, float)) or value < 0:
            raise TableError(f"{path}: yield for grade {grade} should be a number ≥ 0, found {value!r}")
        table[grade] = float(value)
    missing = [g for g in range(system.best, system.worst + 1) if g not in table]
    if missing:
        raise TableError(f"{path}: no yield for grades {missing}")
    return YieldTable(_require(doc, path, "id", str), system_id, _require(doc, path, "name_zh", str),
                      _require(doc, path, "name_en", str), bool(doc.get("approximation", False)), table,
                      bool(doc.get("example", False)))


@functools.lru_cache(maxsize=None)
def load_fee_table(table_id):
    path = data_path("fee_tables", f"{table_id}.json")
    doc = _load_json(path)
    _check_schema(doc, path, "fee_table")
    rows = _require(doc, path, "rows", list)
    for index, row in enumerate(rows):
        where = f"rows[{index}]: "
        _require(row, path, "class_codes", list, where)
        grades = _require(row, path, "grades", list, where)
        if len(grades) != 2:
            raise TableError(f"{path}: {where}'grades' should be [lowest, highest]")
        _require(row, path, "yuan_per_mu", (int, float), where)
    return FeeTable(_require(doc, path, "id", str), _require(doc, path, "name_zh", str),
                    _require(doc, path, "name_en", str), tuple(rows))


def rule_profile_ids():
    folder = data_path("rule_profiles")
    return sorted(name[:-5] for name in os.listdir(folder) if name.endswith(".json"))


DEFAULT_PROFILE_ID = "national_2017"


@functools.lru_cache(maxsize=None)
def load_rule_profile(profile_id=DEFAULT_PROFILE_ID):
    """Load and check a rule profile; its yield and fee tables are checked too."""
    if profile_id not in rule_profile_ids():
        raise TableError(f"unknown rule profile '{profile_id}'; known: {', '.join(rule_profile_ids())}")
    path = data_path("rule_profiles", f"{profile_id}.json")
    doc = _load_json(path)
    _check_schema(doc, path, "rule_profile")
    default_system = _require(doc, path, "default_grade_system", str)
    if default_system not in grade_systems():
        raise TableError(f"{path}: default_grade_system '{default_system}' is unknown")
    yield_ids = _require(doc, path, "yield_tables", dict)
    for system_id, table_id in yield_ids.items():
        table = load_yield_table(table_id)
        if table.grade_system != system_id:
            raise TableError(f"{path}: yield table '{table_id}' is for {table.grade_system}, not {system_id}")
    fee_id = _require(doc, path, "fee_table", str)
    load_fee_table(fee_id)
    cutoff = _require(doc, path, "funding_cutoff", dict)
    try:
        datetime.date.fromisoformat(_require(cutoff, path, "before", str, "funding_cutoff: "))
    except ValueError:
        raise TableError(f"{path}: funding_cutoff.before is not an ISO date") from None
    from . import profile_reform
    reform = profile_reform.parse(doc, path)
    credit_system = doc.get("credit_grade_system")
    if credit_system is not None and credit_system not in grade_systems():
        raise TableError(f"{path}: credit_grade_system '{credit_system}' is not one of {sorted(grade_systems())}")
    tiankan_id = doc.get("tiankan_table")
    if tiankan_id is not None:
        if not isinstance(tiankan_id, str):
            raise TableError(f"{path}: field 'tiankan_table' should be str")
        from .net_area import load_tiankan_table
        load_tiankan_table(tiankan_id)
    checks = doc.get("standard_checks") or {}
    if not isinstance(checks, dict):
        raise TableError(f"{path}: field 'standard_checks' should be an object")
    from .standard_layers.schema import CHECK_KEYS, SEVERITIES
    for key, severity in checks.items():
        if key not in CHECK_KEYS:
            raise TableError(f"{path}: standard_checks.{key} is not one of {', '.join(CHECK_KEYS)}")
        if severity not in SEVERITIES:
            raise TableError(f"{path}: standard_checks.{key} should be one of {', '.join(SEVERITIES)}")
    return RuleProfile(_require(doc, path, "id", str), _require(doc, path, "name_zh", str),
                       _require(doc, path, "name_en", str), default_system, dict(yield_ids),
                       float(_require(doc, path, "min_mapping_area_m2", (int, float))), fee_id, cutoff,
                       doc.get("split_rules"), doc.get("consolidation"), doc.get("reclamation_share_min"),
                       path, reform=reform, credit_grade_system=credit_system, tiankan_table_id=tiankan_id,
                       standard_checks=dict(checks))


@functools.lru_cache(maxsize=None)
def project_codes():
    """Value lists of the project table: project_types, funding_sources, statuses."""
    path = data_path("project_codes.json")
    doc = _load_json(path)
    _check_schema(doc, path, "project_codes")
    return {key: [dict(row) for row in _require(doc, path, key, list)]
            for key in ("project_types", "funding_sources", "statuses")}
